"""Instructions of bench/directory.py's stages, each in a process of its own.

    python bench/directory_counts.py --sizes 10000 --stages check show init
    python bench/directory_counts.py --sizes 10000 50000 --stages check --out /tmp/bench

For each size and stage: the stage run once in a process (`stages_of`, the
collector off as `_as_bkrc` runs it), counted by `valgrind --tool=cachegrind
--cache-sim=no` with `PYTHONHASHSEED=0`, less a process that builds the same
stages (the imports, the inputs' bytes read) and imports every module the stage
imports (recorded from a run without valgrind) but runs nothing. The package's
bytecode is compiled first, so neither process compiles a module (with
`PYTHONDONTWRITEBYTECODE` set, each would compile every module it imports: the
subtraction cancels it, but each count carries it). Two counts of one run differ
by well under 0.1%; the machine's load does not move them. docs/performance.md
("`--directory`: stop 36") has the figures this gave.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import importlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _directory_bench():
    spec = importlib.util.spec_from_file_location("bkrdsl_bench_directory", HERE / "directory.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def child(mode: str, stage: str, bkr: str, direct: str, modules: str) -> None:
    """`run`: the stage once; `record`: the same, then the modules imported written to
    `modules`; `base`: the stages built and those modules imported, nothing run."""
    bench = _directory_bench()
    stages = bench.stages_of(Path(bkr), Path(direct))
    if mode == "base":
        for name in Path(modules).read_text().split():
            with contextlib.suppress(Exception):  # a module only its parent's import can load
                importlib.import_module(name)
        return
    bench._as_bkrc(stages[stage])()
    if mode == "record":
        Path(modules).write_text("\n".join(sorted(sys.modules)))


def _child_command(mode: str, stage: str, bkr: Path, direct: Path, modules: Path) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--child", mode, stage, str(bkr), str(direct), str(modules)]


def instructions(command: list[str], env: dict[str, str]) -> int:
    """The `I refs` cachegrind counts of `command`."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    done = subprocess.run(
        [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *command],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"{' '.join(command)}: exit {done.returncode}\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--stages", nargs="+", default=["check"], help="of bench/directory.py's STAGES")
    parser.add_argument("--out", type=Path, default=None, help="where the inputs are written (default: a temporary folder)")
    parser.add_argument("--child", nargs=5, metavar=("MODE", "STAGE", "BKR", "DIRECT", "MODULES"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    bench = _directory_bench()
    unknown = [s for s in args.stages if s not in bench.STAGES]
    if unknown:
        parser.error(f"unknown stage {unknown[0]!r}: one of {', '.join(bench.STAGES)}")
    compileall.compile_dir(str(ROOT / "bkrdsl"), quiet=1)
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.out or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for users in args.sizes:
            bkr, direct = bench.write(users, folder)
            for stage in args.stages:
                modules = Path(scratch) / f"modules-{users}-{stage.replace(' ', '_')}.txt"
                subprocess.run(_child_command("record", stage, bkr, direct, modules), env=env, check=True)
                run = instructions(_child_command("run", stage, bkr, direct, modules), env)
                base = instructions(_child_command("base", stage, bkr, direct, modules), env)
                print(
                    f"{users:>7,} users  {stage:<15} {(run - base) / 1e6:>10,.1f} M"
                    f"  (run {run / 1e6:,.1f} M, imports and inputs {base / 1e6:,.1f} M)",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
