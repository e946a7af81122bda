"""What one keystroke costs the language server in bench/generate.py's 10,000-user
cluster, in instructions, with a syntax error in the file and without.

The file (1,917 lines) is opened in the server in process (tests/lsp_inprocess.py,
debounce 0, Python's garbage collector off as `bkrc lsp` keeps it in a re-check)
and one character typed, `X` after the user ID `MQS00877` (line 904: BKR301
then), as an editor sends it (an incremental `didChange`), handled to the
diagnostics published. Each figure is the instructions of a child that does it,
counted by `valgrind --tool=cachegrind --cache-sim=no` (user space only;
`PYTHONHASHSEED=0`), less those of a child that does the same warm-up (the same
character typed and taken back, twice) and no keystroke (as bench/run.py's
`--instructions`). The files:

* `clean`: the file as generated;
* `syntax error at line 9`: its second member's `workers 4` misspelt `wrkers 4`
  (BKR012): the fast parser gives up on the text, and Lark's recovery reads it
  (bkrdsl/syntax/region.py: only the blocks around the error);
* `syntax error at line 1,886`: the `description` of the job `SGLINC4` misspelt
  `descripton`, near the end.

Nothing is timed. A child ends with `os._exit` (no teardown), and the children's
command lines have the same length (see bench/lsp_fixes_bench.py for why).

    python bench/lsp_keystroke_bench.py                       # this checkout
    python bench/lsp_keystroke_bench.py --against /tmp/base   # and another, the same way
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: name -> (the text replaced, the slip); None: the file as generated.
FILES = {
    "clean": None,
    "syntax error at line 9": ("member VMSYS2 { workers 4", "member VMSYS2 { wrkers 4"),
    "syntax error at line 1,886": ("job SGLINC4 {\n    description", "job SGLINC4 {\n    descripton"),
}
#: Where the character is typed: the user ID's line and column (0-based), after the ID.
TYPED_AT = ("MQS00877", "X")

CHILD = r"""
import gc, os, sys
from pathlib import Path

tree, path, line, col, times = sys.argv[1:6]
sys.path.insert(0, str(Path(tree) / "tests"))
from lsp_inprocess import Editor

gc.disable()
line, col, times = int(line), int(col), int(times)
path = Path(path)
uri = path.as_uri()
editor = Editor()
editor.initialize(path.parent)
editor.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "bkr", "version": 1,
                                                         "text": path.read_text()}})
version = [1]

def change(text, end):
    version[0] += 1
    at = {"line": line, "character": col}
    editor.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version[0]},
        "contentChanges": [{"range": {"start": at, "end": {"line": line, "character": end}}, "text": text}]})

for _ in range(2):  # the same warm-up in every child, whatever it then counts
    change("X", col)
    change("", col + 1)
gc.collect()
for _ in range(times):
    change("X", col)
assert not editor.errors, editor.errors
sys.stdout.flush()
os._exit(0)
"""


def write_files(folder: Path) -> dict[str, tuple[Path, int, int]]:
    """Each file of FILES in `folder`, with the line and column (0-based) where the character goes."""
    sys.path.insert(0, str(HERE))
    import generate

    bkr, _yaml = generate.write(10_000, folder)
    text = bkr.read_text()
    out = {}
    for k, (name, slip) in enumerate(FILES.items()):
        written = text
        if slip is not None:
            assert text.count(slip[0]) == 1, slip
            written = text.replace(*slip)
        path = folder / f"keystroke-{k}.bkr"
        path.write_text(written)
        before = written[: written.index(TYPED_AT[0]) + len(TYPED_AT[0])]
        out[name] = (path, before.count("\n"), len(before) - (before.rfind("\n") + 1))
    return out


def count(tree: Path, path: Path, line: int, col: int, times: int) -> int:
    from run import cachegrind_instructions

    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(tree))
    child = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", CHILD, str(tree), str(path), str(line), str(col), str(times)],
        env=env, capture_output=True, text=True, check=False, cwd=str(tree),
    )
    if child.returncode != 0:
        raise RuntimeError(f"valgrind child exited {child.returncode}: {child.stderr[-3000:]}")
    return cachegrind_instructions(child.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", type=Path, action="append", default=[], help="another checkout, counted the same way")
    parser.add_argument("--files", nargs="+", choices=list(FILES), default=list(FILES), help="the files to count")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("needs valgrind (apt-get install valgrind)")
    trees = [ROOT, *args.against]
    with tempfile.TemporaryDirectory() as tmp:
        files = write_files(Path(tmp))
        print("| one character typed (M instructions) | " + " | ".join(str(t) for t in trees) + " |")
        print("|---|" + "---|" * len(trees))
        for name in args.files:
            path, line, col = files[name]
            figures = [(count(tree, path, line, col, 1) - count(tree, path, line, col, 0)) / 1e6 for tree in trees]
            print(f"| {name} | " + " | ".join(f"{f:,.1f}" for f in figures) + " |", flush=True)


if __name__ == "__main__":
    main()
