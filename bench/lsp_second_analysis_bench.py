"""What the language server's second analysis of a re-check costs, in bench/generate.py's
10,000-user cluster: one `didChange` re-check in the normal state against each state
in which the server analyses the text twice (docs/lsp.md, *How fast*):

* `normal`: a keystroke in member VMSYS4's block (`workers 2` made `workers 3`, and
  back), the file as generated: one analysis;
* `steadied`: the same keystroke, VMSYS4's block declaring no `private-volume` yet
  while the other members do (`features.while_typing`, rule 2: BKR253 read again as the file
  reads without that block, `features.a_disks_without_member`);
* `read closed`: the cluster's `}` not typed yet, a keystroke at the end of the
  buffer (`shared-volume VMCOM2` made `VMCOM3`, and back: `BkrServer.read_closed`,
  the checks run on the text with the `}` written, `features.read_closed`).

The server runs in this process (tests/lsp_inprocess.py, debounce 0), Python's
garbage collector off during a keystroke as `bkrc lsp` keeps it in a re-check.
Each figure is the median CPU time (this process's) of `--times` keystrokes (after two to
warm up), handled to the diagnostics published, and its ratio to `normal`: a busy
machine still moves the milliseconds (caches), so read the ratios.

    python bench/lsp_second_analysis_bench.py [--users 10000] [--times 9]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: The member block edited, as generated, and without its private volume.
MEMBER = "member VMSYS4 { workers 2  private-volume M4PRV1 }"
BARE = "member VMSYS4 { workers 2 }"
#: The line typed at the end of the buffer in `read closed`, the cluster's `}` not yet typed.
LAST = "  shared-volume VMCOM2"


def _states(text: str) -> dict[str, tuple[str, str, str]]:
    """name -> (the text opened, the anchor of the keystroke's line, the character typed over)."""
    assert text.count(MEMBER) == 1, MEMBER
    body = text.rstrip()
    assert body.endswith("}"), body[-20:]
    return {
        "normal": (text, "member VMSYS4 { workers ", "2"),
        "steadied": (text.replace(MEMBER, BARE), "member VMSYS4 { workers ", "2"),
        "read closed": (body[:-1].rstrip() + "\n" + LAST + "\n", "shared-volume VMCOM", "2"),
    }


def _measure(folder: Path, name: str, text: str, anchor: str, was: str, times: int) -> float:
    sys.path.insert(0, str(ROOT / "tests"))
    from lsp_inprocess import Editor

    path = folder / (name.replace(" ", "-") + ".bkr")
    path.write_text(text)
    uri = path.as_uri()
    lines = text.split("\n")
    line = max(n for n, t in enumerate(lines) if anchor in t)  # (VMCOM1 is declared above)
    column = lines[line].index(anchor) + len(anchor)
    assert lines[line][column] == was
    editor = Editor()
    try:
        editor.initialize(folder)
        editor.notify(
            "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "bkr", "version": 1, "text": text}}
        )
        version = 1
        spent = []
        for k in range(times + 2):
            typed = str(int(was) + 1) if k % 2 == 0 else was
            version += 1
            at = {"line": line, "character": column}
            change = {"range": {"start": at, "end": {"line": line, "character": column + 1}}, "text": typed}
            gc.collect()
            gc.disable()
            start = time.process_time()
            editor.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
            spent.append(time.process_time() - start)
            gc.enable()
        assert editor.errors == [], editor.errors
        return statistics.median(spent[2:])
    finally:
        editor.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--times", type=int, default=9, help="keystrokes measured per state (median)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    import generate

    with tempfile.TemporaryDirectory(prefix="bkr-second-") as tmp:
        folder = Path(tmp)
        bkr, _yaml = generate.write(args.users, folder)
        text = bkr.read_text()
        bkr.unlink()
        (folder / bkr.with_suffix(".yaml").name).unlink(missing_ok=True)
        figures = {name: _measure(folder, name, *state, args.times) for name, state in _states(text).items()}
    normal = figures["normal"]
    print(f"{args.users:,} users ({len(text.splitlines()):,} lines), median of {args.times} keystrokes")
    for name, spent in figures.items():
        print(f"  {name:<12} {spent * 1000:8.1f} ms  {spent / normal:5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
