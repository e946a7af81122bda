"""Very large or very bad input for `bkrc check` (docs/performance.md, "Very large
or very bad input"), and its time and peak memory.

Three kinds, each drawn from `random.Random(seed)`, so a size and a seed always
give byte-identical files:

- `random`:   lines of random printable ASCII (2 errors: no .bkr at all);
- `bad-ids`:  one cluster whose single group body holds user IDs CP refuses
              (9 to 15 characters: one BKR301 each);
- `good-ids`: the same cluster, its group body of valid 8-character user IDs
              (no error: what a clean file of that size costs).

    python bench/junk.py --out /tmp/junk --sizes 1 5 20            # write the files
    python bench/junk.py --out /tmp/junk --sizes 1 5 20 --measure  # and time `bkrc check`

`--measure` runs `/usr/bin/time -v bkrc check FILE` on each file and prints the
wall time, the peak resident memory and the numbers of errors reported and not
shown (from `--format json`).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import string
import subprocess
import sys
from pathlib import Path

KINDS = ("random", "bad-ids", "good-ids")
MB = 1_000_000

HEAD = """\
import std/backup-manager
cluster JUNK {
  member VMSYS1 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
  job APPSFULL {
    backup APPS full
    include minidisk * *
    to disk
    run on VMSYS1 daily 02:00
  }
  single group APPS {
"""
TAIL = "  }\n}\n"


def random_lines(size: int, rng: random.Random) -> str:
    """Lines of 20 to 100 random printable characters, `size` bytes in all."""
    chars = string.ascii_letters + string.digits + string.punctuation + " "
    lines, total = [], 0
    while total < size:
        line = "".join(rng.choices(chars, k=rng.randint(20, 100)))
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines) + "\n"


def group_body(size: int, rng: random.Random, *, bad: bool) -> str:
    """The cluster above, its group body of user IDs up to `size` bytes, 6 a line."""
    out, total, n = [HEAD], len(HEAD), 0
    while total < size:
        ids = []
        for _ in range(6):
            n += 1
            if bad:  # too long for CP: 9 to 15 characters
                ids.append(f"{rng.choice('ABCDEFGHIJ')}{n:08d}"[: rng.randint(9, 15)].ljust(9, "X"))
            else:
                ids.append(f"U{n:07d}")
        line = "    " + " ".join(ids) + "\n"
        out.append(line)
        total += len(line)
    out.append(TAIL)
    return "".join(out)


def generate(kind: str, megabytes: float, seed: int = 1) -> str:
    rng = random.Random(f"{kind}/{seed}")
    size = int(megabytes * MB)
    if kind == "random":
        return random_lines(size, rng)
    return group_body(size, rng, bad=kind == "bad-ids")


def write(folder: Path, sizes: list[float], kinds=KINDS, seed: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind in kinds:
        for megabytes in sizes:
            path = folder / f"{kind}-{megabytes:g}mb.bkr"
            path.write_text(generate(kind, megabytes, seed), encoding="utf-8")
            paths.append(path)
    return paths


def measure(path: Path, bkrc: str) -> dict:
    """Wall seconds, peak resident MB, and the errors of one `bkrc check --format json`."""
    done = subprocess.run(
        ["/usr/bin/time", "-v", bkrc, "check", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    hours = int(wall.group(1) or 0) if wall else 0
    seconds = hours * 3600 + int(wall.group(2)) * 60 + float(wall.group(3)) if wall else float("nan")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        report = {}
    stopped = report.get("stopped") or []
    return {
        "file": path.name,
        "exit": done.returncode,
        "seconds": seconds,
        "peak_mb": int(peak.group(1)) / 1000 if peak else float("nan"),
        "errors": report.get("error_count"),
        "not_shown": sum(s.get("errors_not_shown", 0) for s in stopped),
        "codes": sorted({d["code"] for d in report.get("diagnostics", [])}),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20], help="sizes in MB")
    ap.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--measure", action="store_true", help="time `bkrc check` on each file")
    ap.add_argument("--bkrc", default=shutil.which("bkrc") or "bkrc")
    args = ap.parse_args(argv)
    for path in write(args.out, args.sizes, args.kinds, args.seed):
        if not args.measure:
            print(path)
            continue
        r = measure(path, args.bkrc)
        print(
            f"{r['file']:<22} exit {r['exit']}  {r['seconds']:7.2f} s  {r['peak_mb']:8.1f} MB"
            f"  errors shown {r['errors']}, not shown {r['not_shown']:,}  {' '.join(r['codes'])}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
