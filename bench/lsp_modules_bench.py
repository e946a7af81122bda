"""What the language server spends parsing the site's own modules, with and without
the parse kept across analyses (`loader.ParsedModules`).

A site keeps its users in modules that several cluster files import. This
generates such a workspace: four modules (`site/linux.bkr` 3,000 single users,
`site/dbs.bkr` 1,500, `site/apps.bkr` 800, `site/services.bkr` 400 IDENTITY
users; groups of 100), a cluster file per environment (prod, test, dev, qa,
dr, sandbox), each importing two or three of them and backing their groups up,
and bench/generate.py's 10,000-user cluster. With the seven clusters open, it
times in process (the server as `bkrc lsp` runs it, spoken to in JSON-RPC by
tests/lsp_inprocess.py, debounce 0) what the server does after:

* `didChange` in prod.bkr (it imports three modules), and its `didSave`;
* `didClose` then `didOpen` of dev.bkr;
* `didChange` in the 10,000-user file (it imports only `std/backup-manager`);
* `didChange` in `site/linux.bkr`, open: prod, dev and dr import it and are
  checked again;
* `site/services.bkr` written on disk, the client's watcher says so: the seven
  open files are checked again.

Each variant (the server as it is, and the same with its parse cache off) runs
in processes of its own (the garbage collector of one process would charge
one variant for the other's heap), interleaved, N processes each of R rounds;
it prints the median of the processes' medians, their range, and the time spent
parsing imported modules (in brackets). It prints, never asserts (timings are
no test):

    python bench/lsp_modules_bench.py                    # 4 processes x 7 rounds each
    python bench/lsp_modules_bench.py -p 6 -r 9 --keep /tmp/ws
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
GROUP = 100
#: name: (kind, users, prefix)
MODULES = {
    "linux": ("single", 3000, "LNX"),
    "apps": ("single", 800, "APP"),
    "dbs": ("single", 1500, "DBS"),
    "services": ("identity", 400, "SVC"),
}
ENVIRONMENTS = {
    "prod": ("linux", "apps", "services"),
    "test": ("apps", "services"),
    "dev": ("linux", "services"),
    "qa": ("apps", "dbs"),
    "dr": ("linux", "dbs", "services"),
    "sandbox": ("dbs", "services"),
}
CLUSTERS = [f"{e}.bkr" for e in ENVIRONMENTS]
BIG = "big/bench-10000.bkr"


def _generate():
    sys.path.insert(0, str(HERE))
    import generate

    return generate


def groups_of(name: str) -> list[str]:
    _kind, users, prefix = MODULES[name]
    return [f"{prefix}G{n:03d}" for n in range((users + GROUP - 1) // GROUP)]


def module(name: str) -> str:
    kind, users, prefix = MODULES[name]
    out = [f"## Site module {name}: {users} {kind}-configuration users.", ""]
    for n, group in enumerate(groups_of(name)):
        ids = [f"{prefix}{n:02d}{u:03d}" for u in range(min(GROUP, users - n * GROUP))]
        out += [f"{kind} group {group} {{", *_generate()._wrapped("  ", ids, "  "), "}", ""]
    return "\n".join(out)


def cluster(env: str, modules: tuple[str, ...]) -> str:
    c = env.upper()[:6]
    out = [f"## The {env} cluster.", "import std/backup-manager", *(f"import ./site/{m}" for m in modules)]
    out += ["", f"cluster {c[:5]}SSI {{"]
    out += [f"  member {c[:4]}M{i} {{ workers 2  private-volume {c[:3]}PV{i} }}" for i in range(1, 5)]
    out += [
        f"  shared-volume {c[:3]}SH1",
        f"  catalog shared server BKRSVSFS pool BKRPOOL on {c[:4]}M1",
        f"  expire on {c[:4]}M1 {{",
        "    preview daily 01:00",
        "    purge weekly sun 03:00",
        "    retain 35 days",
        "  }",
        *(f"  disk {u} 191 size 10 cyl" for u in ("BKRBKUP", "BKRCATLG", "BKRSVSFS", "BKRADMIN", "5697J06C")),
        "  disk BKRWRK* 191 size 5 cyl",
    ]
    wrapped = _generate()._wrapped
    job = 0
    for m in modules:
        groups = groups_of(m)
        for k in range(0, len(groups), 10):
            job += 1
            chunk = groups[k : k + 10]
            where = "each member" if MODULES[m][0] == "identity" else f"{c[:4]}M{1 + job % 4}"
            minute = (360 + job * 17) % 1440
            out += ["", f"  job {m[:3].upper()}{job:03d} {{"]
            out += wrapped("    backup", [g + "," for g in chunk[:-1]] + [chunk[-1], "full"], "      ")
            out += [
                "    include minidisk * 0100-0FFF",
                "    to disk pool BKUPPOOL",
                f"    run on {where} daily {minute // 60:02d}:{minute % 60:02d}",
                "  }",
            ]
    return "\n".join(out + ["}"]) + "\n"


def write(folder: Path) -> None:
    (folder / "site").mkdir(parents=True, exist_ok=True)
    for m in MODULES:
        (folder / "site" / f"{m}.bkr").write_text(module(m))
    for env, modules in ENVIRONMENTS.items():
        (folder / f"{env}.bkr").write_text(cluster(env, modules))
    _bkr, yml = _generate().write(10_000, folder / "big")
    yml.unlink()


# ------------------------------------------------------------------ one process, one variant
def child(folder: Path, rounds: int, cached: bool) -> dict:
    sys.path.insert(0, str(HERE.parent / "tests"))
    from lsp_inprocess import Editor

    from bkrdsl.resolve import loader

    parse = [0.0]
    real = loader.read_text

    def timed(name: str, data: bytes):
        t = time.perf_counter()
        try:
            return real(name, data)
        finally:
            if "/site/" in name or name.startswith("std/"):
                parse[0] += time.perf_counter() - t

    loader.read_text = timed
    texts = {rel: (folder / rel).read_text() for rel in [*CLUSTERS, BIG, "site/linux.bkr"]}
    editor = Editor()
    editor.initialize(folder)
    if not cached:
        editor.server.parsed = editor.server.disk.parsed = None
    versions: dict[str, int] = {}

    def uri(rel: str) -> str:
        return (folder / rel).as_uri()

    def open_(rel: str) -> None:
        versions[rel] = 1
        item = {"uri": uri(rel), "languageId": "bkr", "version": 1, "text": (folder / rel).read_text()}
        editor.notify("textDocument/didOpen", {"textDocument": item})

    def close(rel: str) -> None:
        editor.notify("textDocument/didClose", {"textDocument": {"uri": uri(rel)}})

    def change(rel: str, text: str) -> None:
        versions[rel] += 1
        document = {"uri": uri(rel), "version": versions[rel]}
        editor.notify(
            "textDocument/didChange", {"textDocument": document, "contentChanges": [{"text": text}]}
        )

    def flip(rel: str, i: int, old: str, new: str) -> str:
        return texts[rel].replace(old, new, 1) if i % 2 else texts[rel]

    def on_disk(i: int) -> None:
        path = folder / "site" / "services.bkr"
        path.write_text(path.read_text().split("\n# round")[0] + f"\n# round {i}\n")
        editor.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": path.as_uri(), "type": 2}]})

    scenarios = {
        "didChange prod.bkr (imports 3 modules)": lambda i: change(
            "prod.bkr", flip("prod.bkr", i, "workers 2", "workers 3")
        ),
        "didSave prod.bkr": lambda i: editor.notify(
            "textDocument/didSave", {"textDocument": {"uri": uri("prod.bkr")}}
        ),
        "didClose + didOpen dev.bkr": lambda i: (close("dev.bkr"), open_("dev.bkr")),
        "didChange bench-10000.bkr": lambda i: change(BIG, flip(BIG, i, "workers 4", "workers 3")),
        "didChange site/linux.bkr (3 open importers)": lambda i: change(
            "site/linux.bkr", texts["site/linux.bkr"] + ("\n# x\n" if i % 2 else "")
        ),
        "site/services.bkr changed on disk (7 open)": on_disk,
    }
    for rel in [*CLUSTERS, BIG]:
        open_(rel)
    samples: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for i in range(rounds):
        for name, run in scenarios.items():
            if "linux.bkr" in name:
                open_("site/linux.bkr")
            parse[0] = 0.0
            start = time.perf_counter()
            run(i)
            samples[name].append((time.perf_counter() - start, parse[0]))
            if "linux.bkr" in name:
                close("site/linux.bkr")
    assert not editor.errors, editor.errors
    editor.close()
    return {
        n: [statistics.median(t for t, _ in s), statistics.median(p for _, p in s)]
        for n, s in samples.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-p", "--processes", type=int, default=4, help="processes per variant (default 4)")
    parser.add_argument("-r", "--rounds", type=int, default=7, help="rounds per process (default 7)")
    parser.add_argument("--keep", type=Path, help="write the workspace here and keep it")
    parser.add_argument("--child", choices=["cache", "no-cache"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.folder, args.rounds, args.child == "cache")))
        return 0
    with tempfile.TemporaryDirectory(prefix="bkr-modules-bench-") as tmp:
        folder = args.keep or Path(tmp)
        write(folder)
        results: dict[str, list[dict]] = {"cache": [], "no-cache": []}
        for n in range(args.processes):
            for variant in ("cache", "no-cache") if n % 2 == 0 else ("no-cache", "cache"):
                command = [sys.executable, __file__, "--child", variant, "--folder", str(folder)]
                out = subprocess.run(
                    [*command, "-r", str(args.rounds)], capture_output=True, text=True, check=True
                )
                results[variant].append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(
        f"{args.processes} processes a variant, interleaved, {args.rounds} rounds each: the median of their"
        " medians in ms (their range) [parse of imported modules]"
    )
    for name in results["cache"][0]:
        row = f"{name:46s}"
        for variant, runs in results.items():
            times = [r[name][0] * 1000 for r in runs]
            parsing = statistics.median(r[name][1] for r in runs) * 1000
            row += f"  {variant}: {statistics.median(times):6.1f} ({min(times):5.1f}-{max(times):5.1f}) [{parsing:5.1f}]"
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
