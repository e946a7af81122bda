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
for the import graph), which parsed each open buffer it met at every request.

Each process runs R rounds and gives the median of each request; N processes
(interleaved with those of `--against DIR`, another checkout of bkrdsl run the
same way: the garbage collector of one process would charge one for the
other's heap). It prints the median of the processes' medians and their
range, never asserts (timings are no test):

    python bench/lsp_requests_bench.py                        # 4 processes x 7 rounds
    python bench/lsp_requests_bench.py --against /tmp/base -p 6
"""

from __future__ import annotations

import argparse
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


# ------------------------------------------------------------------ one process
def child(folder: Path, rounds: int) -> dict:
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
            specs[0] = 0.0
            start = time.perf_counter()
            answer = run(i)
            samples[name].append((time.perf_counter() - start, specs[0]))
            assert "result" in answer, answer
            result = answer["result"]
            files = result.get("documentChanges", ()) if isinstance(result, dict) else result
            answers[name] = len(files)
    assert not editor.errors, editor.errors
    editor.close()
    return {
        n: [statistics.median(t for t, _ in s), statistics.median(p for _, p in s), answers[n]]
        for n, s in samples.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-p", "--processes", type=int, default=4, help="processes per checkout (default 4)")
    parser.add_argument("-r", "--rounds", type=int, default=7, help="rounds per process (default 7)")
    parser.add_argument(
        "--small", type=int, default=200, help="files of the small workspace in small/ (default 200)"
    )
    parser.add_argument("--against", type=Path, help="another checkout of bkrdsl to time the same way")
    parser.add_argument("--keep", type=Path, help="write the workspace here and keep it")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.folder, args.rounds)))
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
                command += ["-r", str(args.rounds)]
                out = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
                results[variant].append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(
        f"{args.processes} processes a checkout, interleaved, {args.rounds} rounds each: the median of their"
        " medians in ms (their range) [listing imports, `Workspace._specs`] {files in the answer}"
    )
    for variant, root in variants.items():
        print(f"  {variant}: {root}")
    for name in results["this"][0]:
        row = f"{name:44s}"
        for variant, runs in results.items():
            times = [r[name][0] * 1000 for r in runs]
            specs = statistics.median(r[name][1] for r in runs) * 1000
            row += (
                f"  {variant}: {statistics.median(times):7.1f} ({min(times):6.1f}-{max(times):6.1f})"
                f" [{specs:5.1f}] {{{runs[0][name][2]}}}"
            )
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
