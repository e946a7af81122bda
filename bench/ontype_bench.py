"""How long the indentation of a line typed deep in a large file takes.

bench/generate.py's 1,000-user cluster with a thousand more jobs (copies of its
first job, J0000 to J0999) before the cluster's `}`: some 9,300 lines. Each
round asks `bkrdsl.fmt.ontype.line_indent` (what the language server's
`textDocument/onTypeFormatting` answers with) for line 7,000, in a job, twice:

* after an edit above it (a comment at the top of the file, new each round):
  the first line typed below blocks the text changed above;
* again, the same text: the next line typed below the same blocks;

and both again with a syntax error near the top (`wrkers 4` for `workers 4` in
the second member, line 9): the text above the line is not clean.

In process, no server (the server adds reading the message and sending the
edit). Each process runs R rounds and gives the median of each; N processes,
interleaved with those of `--against DIR` (another checkout of bkrdsl, run the
same way, PYTHONPATH set to it). It prints the median of the processes' medians
and their range, never asserts (timings are no test):

    python bench/ontype_bench.py                      # 4 processes x 7 rounds
    python bench/ontype_bench.py --against /tmp/base -p 6
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LINE = 7_000
JOBS = 1_000


def make(folder: Path) -> Path:
    """The 1,000-user cluster with JOBS more jobs: the file timed."""
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), "--sizes", "1000", "--out", str(folder)],
        check=True,
        capture_output=True,
    )
    text = (folder / "bench-1000.bkr").read_text()
    job = re.search(r"  job (\w+) \{.*?\n  \}\n", text, re.DOTALL)
    jobs = "".join("\n" + job.group(0).replace(job.group(1), f"J{i:04d}", 1) for i in range(JOBS))
    end = text.rstrip().rfind("}")
    path = folder / "jobs.bkr"
    path.write_text(text[:end] + jobs + text[end:])
    return path


def child(file: Path, rounds: int) -> dict:
    from bkrdsl.fmt.ontype import line_indent

    text = file.read_text()
    line_indent("cluster A {\n  job B {\n", 2)  # Lark's parser built, not timed
    broken = text.replace("{ workers", "{ wrkers", 1)
    samples: dict[str, list[float]] = {
        "after an edit above": [],
        "the next line below": [],
        "syntax error near the top, after an edit above": [],
        "syntax error near the top, the next line below": [],
    }
    timed = list(samples.values())
    for i in range(rounds):
        for k, whole in enumerate((text, broken)):
            edited = f"# round {i}\n" + whole
            for times in timed[2 * k : 2 * k + 2]:
                start = time.perf_counter()
                line_indent(edited, LINE)  # 0-based, below the comment: line 7,000 of the generated file
                times.append((time.perf_counter() - start) * 1000)
    import bkrdsl

    out = {name: statistics.median(values) for name, values in samples.items()}
    out["tree"] = str(Path(bkrdsl.__file__).parent.parent)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--processes", "-p", type=int, default=4)
    ap.add_argument("--rounds", "-r", type=int, default=7)
    ap.add_argument("--against", type=Path, help="another checkout of bkrdsl, timed interleaved")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child, args.rounds)))
        return
    trees = {"this": HERE.parent}
    if args.against is not None:
        trees["against"] = args.against.resolve()
    results: dict[str, list[dict]] = {name: [] for name in trees}
    with tempfile.TemporaryDirectory() as folder:
        file = make(Path(folder))
        for _ in range(args.processes):
            for name, root in trees.items():
                env = dict(os.environ, PYTHONPATH=str(root), PYTHONDONTWRITEBYTECODE="1")
                out = subprocess.run(
                    [
                        sys.executable,
                        str(HERE / "ontype_bench.py"),
                        "--child",
                        str(file),
                        "-r",
                        f"{args.rounds}",
                    ],
                    check=True,
                    capture_output=True,
                    text=True,
                    env=env,
                    cwd=root,
                )
                results[name].append(json.loads(out.stdout))
    for name, runs in results.items():
        print(f"{name} ({trees[name]}): median of {len(runs)} processes' medians, ms (range)")
        print(f"  read from {sorted({r.pop('tree') for r in runs})}")
        for key in runs[0]:
            values = [r[key] for r in runs]
            print(f"  {key}: {statistics.median(values):.1f} ({min(values):.1f}-{max(values):.1f})")


if __name__ == "__main__":
    main()
