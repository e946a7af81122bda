"""Where the time goes: cProfile of parse, check and compile on a synthetic cluster.

    python bench/hotspots.py --users 10000 --stage check --top 25
    python bench/hotspots.py --users 50000 --stage compile --sort cumulative
    python bench/hotspots.py --users 50000 --stage gc      # share of time in the garbage collector

Stages are those of bench/run.py. Each is run once to warm up, then once under
the profiler (which slows pure-Python code about twofold, evenly enough to rank
the hot spots). `--stage gc` instead times each stage with the garbage collector
on and off, and counts the collections of each generation.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(name: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"bkrdsl_bench_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


run = _load("run")
generate = run.generate


def _stage(name: str, bkr: Path, yml: Path, out: Path):
    if name == "parse":
        return lambda: run.parse_only(bkr)
    if name == "check":
        return lambda: run.check(bkr)
    if name == "reference":
        template = run.reference_template()
        return lambda: run.reference(yml, template)
    if name == "compile":
        compiler = run._compiler()
        if compiler.run is None:
            raise SystemExit(f"compile: {compiler.how}")
        counter = iter(range(10**6))
        return lambda: compiler.run(bkr, out / f"run{next(counter)}")
    raise SystemExit(f"unknown stage {name}")


def profile(fn, sort: str, top: int) -> str:
    fn()  # warm-up
    gc.collect()
    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    text = io.StringIO()
    stats = pstats.Stats(prof, stream=text)
    stats.strip_dirs().sort_stats(sort).print_stats(top)
    return text.getvalue()


def gc_share(fn, repeat: int = 3) -> str:
    fn()
    lines = []
    for enabled in (True, False):
        times = []
        counts = None
        for _ in range(repeat):
            gc.collect()
            before = [s["collections"] for s in gc.get_stats()]
            if not enabled:
                gc.disable()
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
            gc.enable()
            counts = [s["collections"] - b for s, b in zip(gc.get_stats(), before)]
        times.sort()
        lines.append(
            f"gc {'on ' if enabled else 'off'}: median {times[len(times) // 2] * 1000:,.1f} ms"
            f"  (collections per run, gen0/1/2: {counts})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--users", type=int, default=10_000)
    ap.add_argument("--stage", default="check", choices=("parse", "check", "compile", "reference", "gc"))
    ap.add_argument("--sort", default="tottime", help="pstats sort key (tottime, cumulative, ...)")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)
    from bkrdsl.syntax.parser import parser

    parser()
    with tempfile.TemporaryDirectory(prefix="bkrdsl-prof-") as tmp:
        folder = Path(tmp)
        bkr, yml = generate.write(args.users, folder)
        if args.stage == "gc":
            for name in ("parse", "check", "compile", "reference"):
                try:
                    fn = _stage(name, bkr, yml, folder)
                except SystemExit as err:
                    print(f"{name}: {err}")
                    continue
                print(f"{name} ({args.users:,} users)")
                print(gc_share(fn))
            return 0
        print(profile(_stage(args.stage, bkr, yml, folder), args.sort, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
