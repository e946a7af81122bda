"""How long rename, find references and workspace symbols take on a site's workspace
of many files, with a large module open: and how much of it is listing imports.

The workspace is bench/lsp_modules_bench.py's (four site modules of 400 to
3,000 users, six cluster files importing two or three of them, and
bench/generate.py's 10,000-user cluster), with bench/lsp_workspace_bench.py's
small workspace beside it in `small/` (a module and, by default, 199 clusters
of about 35 lines that import it). Only `site/linux.bkr` (3,000 users) is
open: prod, dev and dr import it from disk. It times in process (the server as
`bkrc lsp` runs it, spoken to in JSON-RPC by tests/lsp_inprocess.py, debounce
0), each round:

* a rename of the module's first group (prod, dev and dr renamed too; the
  buffer is not changed, so the analyses from disk are kept);
* find references of that group;
* workspace symbols, the query `LNXG0` (every file of the workspace);
* a `didChange` in the module (a comment added or taken away), not timed,
  then the same rename again (prod, dev and dr analysed again: they read
  the buffer).

In brackets, the time spent in `Workspace._specs` (listing each file's imports
for the import graph), which parsed each open buffer it met at every request;
after `cpu`, the processor time of the request (`time.process_time`), which a
busy machine stretches far less than the time on the clock.

The server's garbage collector runs as `bkrc lsp` runs it
(bkrdsl/lsp/collector.py: off in requests, a collection once the server is
idle). The requests come back to back, as when nothing is idle (only the
collector's ceiling collects then); `--pause S` lets the server's event loop
idle S seconds before each request, as an editor's user pauses, with the idle
delay of the collector cut to `--idle` (default 0.05 s) to keep the run short.
A checkout without that policy (`--against` one from before it) runs as it
did. `--session N` times nothing: it edits the module N times (a hover after
each, a rename and a workspace symbols query every tenth), and prints the
process's memory (resident, and its peak) every N/10 edits: the server must
not grow without bound.

Each process runs R rounds and gives the median of each request; N processes
(interleaved with those of `--against DIR`, another checkout of bkrdsl run the
same way: the garbage collector of one process would charge one for the
other's heap). It prints the median of the processes' medians and their
range, never asserts (timings are no test):

    python bench/lsp_requests_bench.py                        # 4 processes x 7 rounds
    python bench/lsp_requests_bench.py --against /tmp/base -p 6
    python bench/lsp_requests_bench.py --against /tmp/base --pause 0.1
    python bench/lsp_requests_bench.py --against /tmp/base --session 300 -p 1
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODULE = "site/linux.bkr"
#: The first group of site/linux.bkr: line 3 (`single group LNXG000 {`), on its name.
AT = {"line": 2, "character": 14}


def write(folder: Path, small: int) -> None:
    sys.path.insert(0, str(HERE))
    import lsp_modules_bench
    import lsp_workspace_bench

    lsp_modules_bench.write(folder)
    (folder / "small").mkdir()
    lsp_workspace_bench.write(folder / "small", small, small - 1)


def memory() -> tuple[float, float]:
    """This process's resident memory and its peak, in MB (Linux's /proc)."""
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024


# ------------------------------------------------------------------ one process
def child(folder: Path, rounds: int, pause: float = 0.0, idle: float = 0.05, session: int = 0) -> dict:
    sys.path.insert(0, str(HERE.parent / "tests"))
    from lsp_inprocess import Editor

    from bkrdsl.lsp import workspace

    specs = [0.0]
    real = workspace.Workspace._specs

    def timed(self, path, buffers):
        t = time.perf_counter()
        try:
            return real(self, path, buffers)
        finally:
            specs[0] += time.perf_counter() - t

    workspace.Workspace._specs = timed
    text = (folder / MODULE).read_text()
    uri = (folder / MODULE).as_uri()
    editor = Editor()
    collector = getattr(editor.server, "collector", None)  # a checkout before the policy has none
    if collector is not None:
        collector.idle = idle
        collector.start()  # as `bkrc lsp` starts it
    editor.initialize(folder)
    item = {"uri": uri, "languageId": "bkr", "version": 1, "text": text}
    editor.notify("textDocument/didOpen", {"textDocument": item})
    version = [1]
    where = {"textDocument": {"uri": uri}, "position": AT}

    def rename(i: int) -> dict:
        return editor.request("textDocument/rename", {**where, "newName": f"LNXR{i:03d}"})

    def references(i: int) -> dict:
        return editor.request("textDocument/references", {**where, "context": {"includeDeclaration": True}})

    def symbols(i: int) -> dict:
        return editor.request("workspace/symbol", {"query": "LNXG0"})

    def edited(i: int) -> None:
        version[0] += 1
        changed = text + ("\n# edited\n" if version[0] % 2 else "")
        document = {"uri": uri, "version": version[0]}
        editor.notify(
            "textDocument/didChange", {"textDocument": document, "contentChanges": [{"text": changed}]}
        )

    def idle() -> None:
        if pause:
            editor.loop.run_until_complete(asyncio.sleep(pause))

    if session:
        return edit_session(editor, session, edited, rename, symbols, where, idle, collector)
    scenarios = {
        "rename (module open, 3 importers on disk)": rename,
        "references": references,
        "workspace symbols `LNXG0`": symbols,
        "rename after a didChange in the module": rename,
    }
    samples: dict[str, list[tuple[float, float]]] = defaultdict(list)
    answers: dict[str, int] = {}
    rename(999)  # cold: every file read and analysed once, not timed
    for i in range(rounds):
        for name, run in scenarios.items():
            if name.startswith("rename after"):
                edited(i)
            idle()
            specs[0] = 0.0
            start, cpu = time.perf_counter(), time.process_time()
            answer = run(i)
            samples[name].append((time.perf_counter() - start, specs[0], time.process_time() - cpu))
            assert "result" in answer, answer
            result = answer["result"]
            files = result.get("documentChanges", ()) if isinstance(result, dict) else result
            answers[name] = len(files)
    assert not editor.errors, editor.errors
    editor.close()
    if collector is not None:
        collector.stop()
    return {
        n: [
            statistics.median(t for t, _, _ in s),
            statistics.median(p for _, p, _ in s),
            answers[n],
            statistics.median(c for _, _, c in s),
        ]
        for n, s in samples.items()
    }


def edit_session(editor, edits: int, edited, rename, symbols, where: dict, idle, collector) -> dict:
    """Memory over a long session of edits: {edits done: [resident MB, peak MB]}."""
    import gc

    seen = {0: memory()}
    for i in range(edits):
        edited(i)
        idle()
        assert "result" in editor.request("textDocument/hover", where)
        if i % 10 == 0:
            assert "result" in rename(i)
            assert "result" in symbols(i)
            idle()
        editor.writer.messages.clear()  # read: the client keeps none, only the server's memory counts
        if (i + 1) % max(1, edits // 10) == 0:
            seen[i + 1] = memory()
    assert not editor.errors, editor.errors
    editor.close()
    if collector is not None:
        seen["collections"] = [collector.collections, collector.full_collections]
        collector.stop()
    seen["left in cycles"] = gc.collect()
    return seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-p", "--processes", type=int, default=4, help="processes per checkout (default 4)")
    parser.add_argument("-r", "--rounds", type=int, default=7, help="rounds per process (default 7)")
    parser.add_argument(
        "--small", type=int, default=200, help="files of the small workspace in small/ (default 200)"
    )
    parser.add_argument("--against", type=Path, help="another checkout of bkrdsl to time the same way")
    parser.add_argument("--keep", type=Path, help="write the workspace here and keep it")
    parser.add_argument(
        "--pause", type=float, default=0.0, help="seconds the server idles before each request (default 0)"
    )
    parser.add_argument(
        "--idle", type=float, default=0.05, help="the collector's idle delay, in seconds (default 0.05)"
    )
    parser.add_argument("--session", type=int, default=0, help="edits of a memory session (times nothing)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.folder, args.rounds, args.pause, args.idle, args.session)))
        return 0
    variants = {"this": HERE.parent}
    if args.against is not None:
        variants = {"against": args.against.resolve(), **variants}
    with tempfile.TemporaryDirectory(prefix="bkr-requests-bench-") as tmp:
        folder = args.keep or Path(tmp)
        write(folder, args.small)
        results: dict[str, list[dict]] = {v: [] for v in variants}
        for n in range(args.processes):
            for variant in list(variants)[:: 1 if n % 2 == 0 else -1]:
                env = {**os.environ, "PYTHONPATH": str(variants[variant])}
                command = [sys.executable, __file__, "--child", "--folder", str(folder)]
                command += ["-r", str(args.rounds), "--pause", str(args.pause), "--idle", str(args.idle)]
                command += ["--session", str(args.session)]
                out = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
                results[variant].append(json.loads(out.stdout.strip().splitlines()[-1]))
    if args.session:
        print(f"{args.session} edits: resident memory, peak in brackets, MB, after so many edits")
        for variant, runs in results.items():
            for run in runs:
                left = run.pop("left in cycles")
                counts = run.pop("collections", None)
                line = "  ".join(f"{n}: {r:.0f} [{h:.0f}]" for n, (r, h) in run.items())
                print(f"  {variant}: {line}")
                print(f"    objects in cycles left at the end: {left}; collections (full ones): {counts}")
        return 0
    print(
        f"{args.processes} processes a checkout, interleaved, {args.rounds} rounds each: the median of their"
        " medians in ms (their range) [listing imports, `Workspace._specs`] {files in the answer}"
        f" cpu: processor time; a pause of {args.pause} s before each request"
    )
    for variant, root in variants.items():
        print(f"  {variant}: {root}")
    for name in results["this"][0]:
        row = f"{name:44s}"
        for variant, runs in results.items():
            times = [r[name][0] * 1000 for r in runs]
            specs = statistics.median(r[name][1] for r in runs) * 1000
            cpu = [r[name][3] * 1000 for r in runs]
            row += (
                f"  {variant}: {statistics.median(times):7.1f} ({min(times):6.1f}-{max(times):6.1f})"
                f" [{specs:5.1f}] {{{runs[0][name][2]}}}"
                f" cpu {statistics.median(cpu):6.1f} ({min(cpu):6.1f}-{max(cpu):6.1f})"
            )
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
