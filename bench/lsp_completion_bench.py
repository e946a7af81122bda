"""How long completion takes where it offers user IDs in a large file.

bench/generate.py's 10,000-user cluster (`--sizes 10000`) is opened in the
server as `bkrc lsp` runs it, in process (spoken to in JSON-RPC by
tests/lsp_inprocess.py, debounce 0), and each round asks for completion:

* in a group's body, at the start of the first group's second line of users
  (the user IDs fit there);
* after `backup` in the first job (its groups and users fit there);
* after a `didChange` (a comment added or taken away, not timed), in the
  group's body again: the first completion of a new analysis;
* right after a keystroke, as an editor asks while a word is typed: the last
  character of a user ID in the group's body (`WAS00008`), or of the first
  group `backup` names (`SGL0001`), taken away or typed again, and the
  completion there sent with the `didChange` in one read, so that the server
  answers before the re-check the keystroke scheduled has run. Timed from the
  `didChange` to the answer (the re-check that follows it is not counted; nor
  are the completions in the body and after `backup` that follow, which list
  the names of the analysis the keystroke left, as the first rows expect).

Each process runs R rounds and gives the median of each request and the
number of items in its answer; N processes (interleaved with those of
`--against DIR`, another checkout of bkrdsl run the same way). It prints the
median of the processes' medians and their range, never asserts (timings are
no test):

    python bench/lsp_completion_bench.py                      # 4 processes x 9 rounds
    python bench/lsp_completion_bench.py --against /tmp/base -p 6
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
USERS = 10_000


def _cursor(text: str, after: str) -> dict:
    """The position just after the first `after` in `text` (0-based, ASCII)."""
    at = text.index(after) + len(after)
    line = text.count("\n", 0, at)
    return {"line": line, "character": at - (text.rfind("\n", 0, at) + 1)}


# ------------------------------------------------------------------ one process
def child(file: Path, rounds: int) -> dict:
    sys.path.insert(0, str(HERE.parent / "tests"))
    from lsp_inprocess import Editor

    text = file.read_text()
    # The start of the first group's second line of users; the first job's `backup `.
    body = _cursor(text, "WAS00007\n    ")
    backup = _cursor(text, "    backup ")
    uri = file.as_uri()
    editor = Editor()
    editor.initialize(file.parent)
    item = {"uri": uri, "languageId": "bkr", "version": 1, "text": text}
    editor.notify("textDocument/didOpen", {"textDocument": item})
    version = [1]
    comment = [""]  # what `edited` adds at the end
    # The keystrokes: the last character of each taken away and typed again (whether it is there).
    typed = {"WAS00007\n    WAS00008": True, "    backup SGL0001": True}
    arrived: dict[int, float] = {}  # when each answer was written
    write = editor.writer.write

    def timed_write(data: bytes) -> None:
        before = len(editor.writer.messages)
        write(data)
        for m in editor.writer.messages[before:]:
            if "id" in m and "method" not in m:
                arrived[m["id"]] = time.perf_counter()

    editor.writer.write = timed_write

    def current() -> str:
        out = text
        for words, there in typed.items():
            out = out if there else out.replace(words, words[:-1], 1)
        return out + comment[0]

    def change() -> dict:
        version[0] += 1
        document = {"uri": uri, "version": version[0]}
        return {"textDocument": document, "contentChanges": [{"text": current()}]}

    def complete(position: dict):
        def run(i: int) -> tuple[dict, float]:
            start = time.perf_counter()
            where = {"textDocument": {"uri": uri}, "position": position}
            answer = editor.request("textDocument/completion", where)
            return answer, arrived[answer["id"]] - start

        return run

    def keystroke(words: str):
        def run(i: int) -> tuple[dict, float]:
            typed[words] = not typed[words]
            now = current()
            at = now.index(words[:-1]) + len(words) - (0 if typed[words] else 1)
            position = {"line": now.count("\n", 0, at), "character": at - (now.rfind("\n", 0, at) + 1)}
            where = {"textDocument": {"uri": uri}, "position": position}
            notes = [("textDocument/didChange", change())]
            start = time.perf_counter()
            answer = editor.request("textDocument/completion", where, after=notes)
            took = arrived[answer["id"]] - start
            # Not timed: the names of the analysis the keystroke left (a fresh one,
            # or the re-check's) listed, as the first rows expect them.
            complete(body)(i)
            complete(backup)(i)
            return answer, took

        return run

    def edited() -> None:
        comment[0] = "" if comment[0] else "\n# edited\n"
        editor.notify("textDocument/didChange", change())

    scenarios = {
        "in a group's body": complete(body),
        "after `backup`": complete(backup),
        "in a group's body, after a didChange": complete(body),
        "in a group's body, right after a keystroke": keystroke("WAS00007\n    WAS00008"),
        "after `backup`, right after a keystroke": keystroke("    backup SGL0001"),
    }
    samples: dict[str, list[float]] = defaultdict(list)
    answers: dict[str, int] = {}
    complete(body)(0)  # cold, not timed
    for i in range(rounds):
        for name, run in scenarios.items():
            if name.endswith("didChange"):
                edited()
            answer, took = run(i)
            samples[name].append(took)
            assert "result" in answer, answer
            answers[name] = len(answer["result"]["items"])
    assert not editor.errors, editor.errors
    editor.close()
    return {n: [statistics.median(s), answers[n]] for n, s in samples.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-p", "--processes", type=int, default=4, help="processes per checkout (default 4)")
    parser.add_argument("-r", "--rounds", type=int, default=9, help="rounds per process (default 9)")
    parser.add_argument("--against", type=Path, help="another checkout of bkrdsl to time the same way")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.file, args.rounds)))
        return 0
    variants = {"this": HERE.parent}
    if args.against is not None:
        variants = {"against": args.against.resolve(), **variants}
    sys.path.insert(0, str(HERE))
    import generate

    with tempfile.TemporaryDirectory(prefix="bkr-completion-bench-") as tmp:
        file, _ = generate.write(USERS, Path(tmp))
        results: dict[str, list[dict]] = {v: [] for v in variants}
        for n in range(args.processes):
            for variant in list(variants)[:: 1 if n % 2 == 0 else -1]:
                env = {**os.environ, "PYTHONPATH": str(variants[variant])}
                command = [sys.executable, __file__, "--child", "--file", str(file), "-r", str(args.rounds)]
                out = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
                results[variant].append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(
        f"{args.processes} processes a checkout, interleaved, {args.rounds} rounds each: the median of their"
        " medians in ms (their range) {items in the answer}"
    )
    for variant, root in variants.items():
        print(f"  {variant}: {root}")
    for name in results["this"][0]:
        row = f"{name:44s}"
        for variant, runs in results.items():
            times = [r[name][0] * 1000 for r in runs]
            row += (
                f"  {variant}: {statistics.median(times):7.1f} ({min(times):6.1f}-{max(times):6.1f})"
                f" {{{runs[0][name][1]}}}"
            )
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
