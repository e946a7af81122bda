"""Compare git revisions of bkrdsl, interleaved: parse, check and compile times.

    python bench/compare.py --users 10000 e596b6a HEAD
    python bench/compare.py --users 50000 --rounds 3 --runs 5 main my-branch

Each revision is checked out in its own temporary git worktree and timed in a
fresh Python process (the revision's `bkrdsl` first on PYTHONPATH); the
revisions take turns, round after round, so that load from elsewhere hits them
alike. Per revision it prints the medians of:

- parse:   read_module of the main file (or, in trees from before the fast
           parser, Lark's parse and the tree-to-AST build);
- check:   bkrdsl.pipeline.analyse;
- compile: `bkrc compile FILE -o DIR` in-process, a fresh DIR each run.

Each with the cyclic garbage collector off and its result freed before the
collector is back, as a `bkrc` process runs (bench/run.py's `as_bkrc`; until
stop 37 the parse ran with the collector on).

It asserts nothing; bench/run.py holds the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

CHILD = r"""
import gc, json, sys, tempfile, time
from pathlib import Path

bkr, runs = Path(sys.argv[1]), int(sys.argv[2])
data = bkr.read_bytes()
from bkrdsl.syntax.reader import decode
try:
    from bkrdsl.syntax import read_module
except ImportError:  # a tree from before the fast parser
    from bkrdsl.syntax.build import build
    from bkrdsl.syntax.parser import parse as lark_parse

    def read_module(source):
        return build(lark_parse(source)), []
from click.testing import CliRunner
from bkrdsl.cli import cli
from bkrdsl.pipeline import analyse

runner = CliRunner()
out = Path(tempfile.mkdtemp(prefix="compile-", dir="."))  # inside the parent's work folder, removed with it

def parse():
    source, _ = decode(str(bkr), data)
    return read_module(source)

def compile_(n):
    result = runner.invoke(cli, ["compile", str(bkr), "-o", str(out / f"run{n}")])
    assert result.exit_code == 0, result.output

times = {"parse": [], "check": [], "compile": []}
for n in range(runs + 2):  # two warm-ups
    row = {}
    for name, fn in (("parse", parse), ("check", lambda: analyse(str(bkr), data, path=bkr)), ("compile", lambda: compile_(n))):
        gc.collect()
        gc.disable()  # as bkrc runs (bkrdsl/__main__.py); fn's result is freed before gc.enable()
        start = time.perf_counter()
        fn()
        row[name] = (time.perf_counter() - start) * 1000
        gc.enable()
    if n >= 2:
        for name, ms in row.items():
            times[name].append(ms)
print(json.dumps(times))
"""


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("revisions", nargs="+", help="git revisions to compare (commits, branches, HEAD)")
    ap.add_argument("--users", type=int, default=10000)
    ap.add_argument("--rounds", type=int, default=3, help="turns of every revision")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per revision and round")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(HERE))
    import generate  # bench/generate.py

    work = Path(tempfile.mkdtemp(prefix="bkrdsl-compare-"))
    trees = {}
    try:
        bkr, _yml = generate.write(args.users, work)
        for rev in args.revisions:
            commit = _git("rev-parse", "--short", rev)
            tree = work / f"tree-{commit}"
            _git("worktree", "add", "--detach", "--quiet", str(tree), commit)
            trees[rev] = tree
        results: dict[str, dict[str, list[float]]] = {rev: {} for rev in args.revisions}
        for _ in range(args.rounds):
            for rev, tree in trees.items():
                env = dict(os.environ, PYTHONPATH=str(tree))
                run = subprocess.run(
                    [sys.executable, "-c", CHILD, str(bkr), str(args.runs)],
                    env=env, cwd=work, capture_output=True, text=True, check=False,
                )
                if run.returncode != 0:
                    print(f"{rev}: failed\n{run.stderr[-2000:]}", file=sys.stderr)
                    return 1
                for stage, values in json.loads(run.stdout).items():
                    results[rev].setdefault(stage, []).extend(values)
        width = max(len(r) for r in args.revisions)
        print(f"{args.users:,} users; medians of {args.rounds} rounds x {args.runs} runs (ms)")
        print(f"{'revision':<{width}} {'parse':>9} {'check':>9} {'compile':>9}")
        for rev in args.revisions:
            medians = [statistics.median(results[rev][s]) for s in ("parse", "check", "compile")]
            print(f"{rev:<{width}} " + " ".join(f"{m:9.1f}" for m in medians))
        return 0
    finally:
        for tree in trees.values():
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(tree)],
                cwd=ROOT, capture_output=True, check=False,
            )
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
