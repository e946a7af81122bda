"""`--directory` at a real site's size: a synthetic CP source directory for each
bench/generate.py cluster, and how long bkrc takes with it.

A production USER DIRECT has thousands of entries. `write(users, folder)`
writes, beside `bench-N.bkr`, `bench-N.direct`: the directory of that
cluster as DIRECTXA reads it (bkrdsl/cpdirectory.py):

- DIRECTORY and GLOBALDEFS statements, PROFILE IBMDFLT and one Linux
  profile per 1,000 users (at least 4), each with LINKs to MAINT's and
  TCPMAINT's disks; every site user INCLUDEs one;
- z/VM's own entries as examples/prodssi.direct has them (MAINT, TCPIP...),
  and DirMaint's machine, DIRMAINT: the directory is DirMaint's (BKR533);
- the product machines the compile writes for the cluster (BKRBKUP,
  BKRCATLG, the workers, the catalog's SFS server, the Tape Manager nodes),
  as `bkrdsl.allocation` places their minidisks: IDENTITYs with one
  SUBCONFIG per member they are built on, USERs, each MDISK at the size and
  on the volume of its `disk` statement (an explicit extent where the
  statement places one, else DirMaint's AUTOV form), so that BKR518-BKR520
  and BKR532 find nothing to say;
- a USER for each user of a `single` group, with 1-4 minidisks (0100,
  0101, 0102, 0191, 0200...) of 10 to 3,338 cylinders, packed onto 3390-9
  volumes LX0001, LX0002... (10,016 cylinders each), and a V-DISK swap for
  half of them; an IDENTITY for each user of an `identity` group, built on
  every member, whose SUBCONFIG on each member holds its 0191 and 1-3
  minidisks in 0200-02FF on that member's volumes (M1U001...);
- 1-5 users for each group's `match` pattern, of the group's kind;
- one CMS user (`USR00001`, a 0191) for each ten users, that no group
  names: the users `bkrc show --directory` lists as backed up by no job.

Everything is drawn from `random.Random(seed)`: a size and a seed always give
byte-identical files. `bkrc check bench-N.bkr --directory bench-N.direct`
reports nothing (tests/test_bench.py keeps it so).

The benchmark times, per size, in rounds as bench/run.py does (warm-ups, the
stages of every size once a round in a rotated order, gc.collect() before
each run; every stage with the cyclic garbage collector off, as `bkrc` runs):

- *read*: `cpdirectory.read_directory` of the file's bytes;
- *check*: `bkrc check FILE --directory DIRECT` (in process, CliRunner);
- *check (no dir)*: `bkrc check FILE`, for the .bkr side alone;
- *show*: `bkrc show FILE --directory DIRECT`;
- *init*: `bkrc init - --cluster BENCHSSI --directory DIRECT`;
- *lsp*: the language server's first diagnostics with the `directory`
  setting, in process: the setting's file read (`SiteDirectory.reread`),
  the buffer analysed with it (`analyse_document`) and its diagnostics
  placed (`features.placed`), as the server does for the first didOpen.

It prints each stage's median, its cost per 1,000 users, and the scaling
target: the per-1,000-user cost at the largest size over that at the
smallest, taken round by round, at most SCALING (1.2x, bench/run.py's).

    python bench/directory.py                       # 1,000, 10,000 and 50,000 users
    python bench/directory.py --sizes 1000 10000 --rounds 5
    python bench/directory.py --generate-only --sizes 10000 --out /tmp/bench
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _load_run():
    import importlib.util

    qualified = "bkrdsl_bench_run"
    if qualified not in sys.modules:
        spec = importlib.util.spec_from_file_location(qualified, HERE / "run.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[qualified] = module
        spec.loader.exec_module(module)
    return sys.modules[qualified]


run = _load_run()
generate = run.generate

SIZES = (1_000, 10_000, 50_000)
SCALING = run.SCALING
#: Cylinders of a 3390-9 a site's minidisks may use (cylinder 0 holds the label).
VOLUME_CYLINDERS = 10_016
#: The sizes of a Linux guest's minidisks, in cylinders (a 3390-3 and a 3390-9
#: mod, LVM pieces, a CMS A-disk), and of a service machine's.
GUEST_SIZES = (10, 50, 200, 1_113, 3_338)
SERVICE_SIZES = (3, 10, 20, 50, 300)
GUEST_ADDRESSES = ("0100", "0101", "0102", "0191", "0200", "0201")
#: One CMS user that no group names for every CMS_EVERY users of the cluster.
CMS_EVERY = 10
#: The z/VM section of examples/prodssi.direct: its entries, from this comment on,
#: up to the product's.
ZVM_FROM, ZVM_TO = "* ---------------------------------------------------------------- z/VM", "* ----"


# ------------------------------------------------------------------ the directory
class _Volumes:
    """Extents handed out one after the other on volumes `PREFIX0001`, `PREFIX0002`...,
    a new volume where the next extent does not fit."""

    def __init__(self, name: Callable[[int], str], first: int = 1) -> None:
        self.name = name
        self.number, self.next = 1, first

    def take(self, size: int) -> tuple[str, int]:
        if self.next + size > VOLUME_CYLINDERS + 1:
            self.number, self.next = self.number + 1, 1
        start, self.next = self.next, self.next + size
        return self.name(self.number), start



def _mdisk(address: str, size: int, volume: str, start: int) -> str:
    return f" MDISK {address} 3390 {start:04d} {size:04d} {volume} MR"


def _zvm_entries() -> list[str]:
    """z/VM's own entries, as examples/prodssi.direct has them (without its sequence numbers)."""
    lines = (ROOT / "examples" / "prodssi.direct").read_text(encoding="utf-8").splitlines()
    first = lines.index(ZVM_FROM)
    last = next(i for i in range(first + 1, len(lines)) if lines[i].startswith(ZVM_TO))
    return [line[:72].rstrip() for line in lines[first:last]]


def _dirmaint_entry() -> list[str]:
    """DirMaint's own machine: the product machines' MDISKs without a place say AUTOV,
    which only DirMaint reads, and a directory with no DIRMAINT entry is one kept by
    hand, where BKR533 says so (examples/prodssi.direct has none: its BKR533 is one of
    the warnings README counts)."""
    return ["*", "USER DIRMAINT AUTOONLY 128M 256M BG", " INCLUDE IBMDFLT", " IPL CMS"]


def _profiles(count: int) -> list[str]:
    out = [
        "PROFILE IBMDFLT",
        " SPOOL 000C 2540 READER *",
        " SPOOL 000D 2540 PUNCH A",
        " SPOOL 000E 1403 A",
        " CONSOLE 009 3215 T",
        " LINK MAINT 0190 0190 RR",
        " LINK MAINT 019D 019D RR",
        " LINK MAINT 019E 019E RR",
    ]
    for n in range(1, count + 1):
        out += [
            "*",
            f"PROFILE LXDFL{n:03d}",
            " CONSOLE 0009 3215 T",
            " SPOOL 000C 2540 READER *",
            " LINK MAINT 0190 0190 RR",
            " LINK MAINT 019E 019E RR",
            f" LINK TCPMAINT 0592 {0x592 + n:04X} RR",
        ]
    return out


def _product_entries(bkr_text: str) -> list[str]:
    """The product machines as `bkrdsl.allocation` places them for the cluster: where
    DirMaint chooses the extent (autov), DirMaint's own AUTOV form, as the compile
    writes it (at a fixed extent, BKR532 would warn: the .bkr file gives none)."""
    from bkrdsl.allocation import allocate
    from bkrdsl.dialect import load_dialect
    from bkrdsl.pipeline import analyse
    from bkrdsl.resolve.model import subconfig_id

    analysis = analyse("bench.bkr", bkr_text.encode())
    dialect = load_dialect()
    allocation = allocate(analysis.model, dialect)
    assert allocation.error is None, allocation.error
    out = ["* ---------------------------------------------------------------- Backup Manager"]

    def disks(owner: str, member: str | None) -> list[str]:
        lines = []
        for p in allocation.of(owner, member):
            address = f"{int(p.disk.address.text, 16):04X}"
            if p.start is None:
                lines.append(f" MDISK {address} 3390 AUTOV {p.size:04d} {p.volume} MR")
            else:
                lines.append(_mdisk(address, p.size, p.volume, p.start))
        return lines

    for machine in allocation.machines:
        # The table's logon and classes, as a deployed entry has them (else BKR526).
        logon = f"{dialect.machines[machine.role].password} 64M 128M {dialect.machines[machine.role].classes}"
        if not machine.members:
            out += [f"USER {machine.id} {logon}", " INCLUDE IBMDFLT", " IPL CMS", " LOGONBY MAINT", *disks(machine.id, None)]
            continue
        # The compile's own SUBCONFIG names (else BKR529: a hand installation's).
        subs = {m: subconfig_id(machine.id, analysis.model.member(m).ordinal) for m in machine.members}
        out.append(f"IDENTITY {machine.id} {logon}")
        out += [f" BUILD ON {m} USING SUBCONFIG {s}" for m, s in subs.items()]
        out += [" INCLUDE IBMDFLT", " IPL CMS", " LOGONBY MAINT"]
        for m, s in subs.items():
            out += [f"SUBCONFIG {s}", *disks(machine.id, m)]
    return out


def _guest(user: str, profile: str, rng: random.Random, volumes: _Volumes) -> list[str]:
    out = [f"USER {user} LBYONLY 4G 8G G", f" INCLUDE {profile}", " IPL 0100", " MACHINE ESA 2"]
    for address in sorted(rng.sample(GUEST_ADDRESSES, rng.randint(1, 4))):
        size = rng.choice(GUEST_SIZES)
        out.append(_mdisk(address, size, *volumes.take(size)))
    if rng.random() < 0.5:
        out.append(" MDISK 0300 FB-512 V-DISK 2097152 MR")
    return out


def _service(user: str, short: str, profile: str, rng: random.Random, volumes: list[_Volumes]) -> list[str]:
    """An IDENTITY built on every member; `short` names its SUBCONFIGs (`short-1`...)."""
    members = generate.MEMBERS
    out = [f"IDENTITY {user} LBYONLY 128M 512M G"]
    out += [f" BUILD ON {m} USING SUBCONFIG {short}-{n}" for n, m in enumerate(members, 1)]
    out += [f" INCLUDE {profile}", " IPL CMS"]
    extra = sorted(rng.sample(range(0x200, 0x210), rng.randint(1, 3)))
    sizes = [rng.choice(SERVICE_SIZES) for _ in range(1 + len(extra))]
    for n, member_volumes in enumerate(volumes, 1):
        out.append(f"SUBCONFIG {short}-{n}")
        for address, size in zip(["0191", *(f"{a:04X}" for a in extra)], sizes, strict=True):
            out.append(_mdisk(address, size, *member_volumes.take(size)))
    return out


def _pattern_users(pattern: str, rng: random.Random) -> list[str]:
    """1-5 IDs `pattern` (`LNXZ004*`) matches: its head and one more character."""
    head = pattern.rstrip("*")
    return [f"{head}{c}" for c in "ABCDE"[: rng.randint(1, 5)]]


def generate_directory(users: int, seed: int = 1) -> str:
    """The CP source directory of bench/generate.py's cluster of `users` users (see the module note)."""
    data = generate.generate(users, seed)
    rng = random.Random(f"bkrdsl-bench-directory-{seed}-{users}")
    profiles = max(4, users // 1_000)
    guests = _Volumes(lambda n: f"LX{n:04d}")
    services = [_Volumes(lambda n, m=m: f"M{m}U{n:03d}") for m in range(1, len(generate.MEMBERS) + 1)]
    out = [
        f"* z/VM SSI source directory of cluster {data['cluster']} (USER DIRECT on PMAINT 2CC)",
        f"* Generated by bench/directory.py for bench/generate.py's cluster of {users} users.",
        *(f"DIRECTORY 0123 3390 M{m}RES {name}" for m, name in enumerate(generate.MEMBERS, 1)),
        "GLOBALDEFS",
        " GLOBALOPTS MACHINE ESA",
        *_profiles(profiles),
        *_zvm_entries(),
        *_dirmaint_entry(),
        *_product_entries(generate.to_bkr(data)),
        "* ---------------------------------------------------------------- the site's own",
    ]
    cms = 0
    for group in data["groups"]:
        named = list(group["users"])
        for pattern in group["patterns"]:
            named += _pattern_users(pattern, rng)
        for user in named:
            profile = f"LXDFL{rng.randint(1, profiles):03d}"
            if group["kind"] == "single":
                out += ["*", *_guest(user, profile, rng, guests)]
            else:
                # `SVC00042` -> SUBCONFIGs `S00042-1`...: 8 characters, the prefixes' first letters all differ.
                out += ["*", *_service(user, user[0] + user[3:], profile, rng, services)]
            if rng.randrange(CMS_EVERY) == 0:
                cms += 1
                size = rng.choice(SERVICE_SIZES)
                out += ["*", f"USER USR{cms:05d} LBYONLY 32M 64M G", " INCLUDE IBMDFLT", " IPL CMS"]
                out.append(_mdisk("0191", size, *guests.take(size)))
    return "\n".join(out) + "\n"


def write(users: int, folder: Path, seed: int = 1) -> tuple[Path, Path]:
    """Write `bench-N.bkr` (bench/generate.py's) and `bench-N.direct` into `folder`; return both paths."""
    bkr, _ = generate.write(users, folder, seed)
    direct = folder / f"bench-{users}.direct"
    direct.write_text(generate_directory(users, seed), encoding="utf-8")
    return bkr, direct


# ------------------------------------------------------------------ the benchmark
STAGES = ("read", "check", "check (no dir)", "show", "init", "lsp")


def _command(runner, args: list[str]) -> Callable[[], object]:
    """`bkrc ARGS` in process (click's CliRunner, as bench/run.py's compile); exit 0 or an error."""
    from bkrdsl.cli import cli

    def run_it() -> object:
        result = runner.invoke(cli, args, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        if result.exit_code != 0:
            raise RuntimeError(f"bkrc {args[0]} exited {result.exit_code}: {result.output[-2000:]}")
        return result

    return run_it


def _lsp_first_diagnostics(bkr: Path, direct: Path) -> Callable[[], object]:
    """What the server does for the first didOpen with the `directory` setting: read the
    setting's file, analyse the buffer with it, place the diagnostics."""
    from bkrdsl.lsp import features
    from bkrdsl.lsp.document import analyse_document
    from bkrdsl.lsp.server import SiteDirectory

    text = bkr.read_text(encoding="utf-8")

    def run_it() -> object:
        site = SiteDirectory(str(direct))
        site.reread()
        doc = analyse_document(str(bkr), text, path=bkr, directory=site.directory)
        placed = features.placed(doc)
        assert not placed, placed[:3]
        return placed

    return run_it


def stages_of(bkr: Path, direct: Path) -> dict[str, Callable[[], object]]:
    """Each stage of one size (see the module note)."""
    from click.testing import CliRunner

    from bkrdsl.cpdirectory import read_directory

    runner = CliRunner()
    data = direct.read_bytes()

    def read() -> object:
        found = read_directory(str(direct), data)
        assert not found.diagnostics, found.diagnostics[:3]
        return found

    return {
        "read": read,
        "check": _command(runner, ["check", str(bkr), "--directory", str(direct)]),
        "check (no dir)": _command(runner, ["check", str(bkr)]),
        "show": _command(runner, ["show", str(bkr), "--directory", str(direct)]),
        "init": _command(runner, ["init", "-", "--cluster", "BENCHSSI", "--directory", str(direct)]),
        "lsp": _lsp_first_diagnostics(bkr, direct),
    }


def _as_bkrc(stage: Callable[[], object]) -> Callable[[], object]:
    """The stage with the cyclic garbage collector off, as a `bkrc` process runs
    (bkrdsl/__main__.py; the language server collects between requests)."""
    from bkrdsl.pipeline import no_cycle_collection

    def run_it() -> object:
        with no_cycle_collection():
            return stage()

    return run_it


def measure(sizes: list[int], folder: Path, rounds: int, progress: Callable[[str], None] = lambda _: None):
    """bench/run.py's rounds: an untimed warm-up of every stage at the smallest size
    (the imports, the caches), then `rounds` rounds of every stage of every size once,
    the order rotated round by round (`run.round_order`)."""
    stages = {}
    for users in sizes:
        stages[users] = {name: _as_bkrc(stage) for name, stage in stages_of(*write(users, folder)).items()}
        progress(f"  wrote {users:,} users")
    for stage in stages[sizes[0]].values():
        stage()
    rows = {users: run.Row(users, {n: [] for n in STAGES}, {n: [] for n in STAGES}) for users in sizes}
    for turn in range(rounds):
        for users, name in run.round_order(stages, turn):
            wall, used = run._timed_both(stages[users][name])
            rows[users].wall[name].append(wall)
            rows[users].cpu[name].append(used)
        progress(f"  round {turn + 1} of {rounds}")
    return [rows[users] for users in sizes]


def per_thousand(row, stage: str, pick: str = "wall") -> list[float]:
    """The stage's seconds per 1,000 users, round by round."""
    samples = getattr(row, pick)[stage]
    return [s * 1000 / row.users for s in samples]


def scaling(rows, stage: str, pick: str = "wall") -> object:
    """Per-1,000-user cost at the largest size over that at the smallest, round by round."""
    return run.spread(run.per_round(per_thousand(rows[-1], stage, pick), per_thousand(rows[0], stage, pick)))


def table(rows) -> list[str]:
    head = f"{'stage':<16}" + "".join(f"{r.users:>12,}" for r in rows)
    out = [
        "medians, ms (CPU ms in brackets); per 1,000 users below",
        head,
    ]
    for stage in STAGES:
        cells = "".join(
            f"{statistics.median(r.wall[stage]) * 1000:>7.0f} ({statistics.median(r.cpu[stage]) * 1000:>5.0f})"
            .rjust(12) for r in rows
        )  # fmt: skip
        out.append(f"{stage:<16}{cells}")
    out.append("")
    out.append(head)
    for stage in STAGES:
        cells = "".join(f"{statistics.median(per_thousand(r, stage)) * 1000:>12.1f}" for r in rows)
        out.append(f"{stage:<16}{cells}")
    return out


def targets(rows) -> tuple[list[str], bool]:
    """Each stage's scaling against SCALING: the verdict from the wall-time ratios of the
    rounds, the CPU-time ratio beside it."""
    lines, ok = [], True
    if len(rows) < 2:
        return ["n/a: one size only"], False
    for stage in STAGES:
        wall, cpu = scaling(rows, stage), scaling(rows, stage, "cpu")
        verdict = run.decide(wall, SCALING)
        ok = ok and verdict == run.MET
        lines.append(
            f"{verdict} {stage}: per-1,000-user cost at {rows[-1].users:,} <= {SCALING}x that at"
            f" {rows[0].users:,}: {wall.describe(f'CPU {cpu.median:.2f}x')}"
        )
    return lines, ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="numbers of users of the cluster")
    ap.add_argument("--rounds", type=int, default=5, help="rounds, each running every stage of every size once")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, help="write the files here (and keep them) instead of a temporary folder")
    ap.add_argument("--generate-only", action="store_true", help="write the files only (needs --out)")
    args = ap.parse_args(argv)
    if args.generate_only:
        folder = args.out or HERE / "out"
        for users in args.sizes:
            bkr, direct = write(users, folder, args.seed)
            print(f"{bkr} ({bkr.stat().st_size:,} bytes)  {direct} ({direct.stat().st_size:,} bytes)")
        return 0
    import bkrdsl

    began = time.perf_counter()
    print(f"bkrdsl {bkrdsl.__version__} --directory benchmark, {date.today().isoformat()}")
    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores,"
        f" load average {os.getloadavg()[0]:.2f}"
    )
    print(f"runs: a warm-up at {args.sizes[0]:,} users, then {args.rounds} rounds of every stage of every size"
          " once each, rotated; gc.collect() before each run, the collector off during it, as in bkrc")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="bkrdsl-bench-directory-") as tmp:
        folder = args.out or Path(tmp)
        rows = measure(args.sizes, folder, args.rounds, lambda text: print(text, file=sys.stderr, flush=True))
        for users in args.sizes:
            text = (folder / f"bench-{users}.direct").read_text(encoding="utf-8")
            entries = sum(line.startswith(("USER ", "IDENTITY ", "SUBCONFIG ", "PROFILE ")) for line in text.splitlines())
            print(f"  {users:,} users: bench-{users}.direct, {len(text.encode()):,} bytes, {entries:,} entries")
    print()
    for line in table(rows):
        print(line)
    print()
    lines, ok = targets(rows)
    print("targets:")
    for line in lines:
        print(f"  {line}")
    print()
    print(f"total benchmark time {time.perf_counter() - began:.0f} s; load average now {os.getloadavg()[0]:.2f}")
    gc.collect()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
