"""What the language server's quick fixes cost, in instructions: a
`textDocument/codeAction` request on a line with a slip that has a fix, against
the keystroke's own analysis.

Since the server checks the text with the fixes it offers applied
(`features.fixes_give`: a fix `bkrc check --fix` would refuse is not offered as
one to apply), the first code action request of a document version on a line
with a fix analyses the document again. An editor asks for code actions at the
cursor after every keystroke (VS Code's light bulb), so on a line with a slip
that analysis follows each keystroke. This counts, for one slip in each file:

* `edit`: a `didChange` (a comment appended at the end, new each time) and
  the re-check it schedules (debounce 0), to the diagnostics published;
* `edit + action`: the same, then a code action request with the cursor on
  the slip: the first of the version;
* `edit + action elsewhere`: the same, the cursor on a line without a fix;
* `action again`: a second code action request on the slip, same version.

Each figure is the instructions of one such round, warm, counted by
`valgrind --tool=cachegrind --cache-sim=no` (user space only; the load does not
move them), `PYTHONHASHSEED=0`, less those of a child that does the same warm-up
and no round (as bench/run.py's `--instructions`). The server is spoken to in
process, in JSON-RPC, by tests/lsp_inprocess.py, with Python's garbage collector
off (as `bkrc lsp` serves a message). Nothing is timed.

The children differ in nothing but the round, so that the subtraction leaves the
round alone: every child's command line has the same length (the scenario is
passed as its index in SCENARIOS, the rounds as one digit), and a child ends
with `os._exit`, without the interpreter's teardown. Both moved the figures by
megainstructions: a child's memory layout follows from its command line, and
glibc's `realloc` then grows a block in place or copies it (the regex engine's
and lists' buffers), so two children doing the same work but for the
scenario's name differed by up to 3.9 M at 10,000 users (none of them doing a
round); the teardown frees whatever the rounds left, 166 M there. A round cheaper
than that, such as a code action away from the slip, read as 0 to 5 M more or
less than the keystroke, at random.

    python bench/lsp_fixes_bench.py                       # this checkout
    python bench/lsp_fixes_bench.py --against /tmp/base   # and another, the same way (repeatable)
    python bench/lsp_fixes_bench.py --files prodssi 1000  # some of the files only
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: name -> (file, the text replaced by the slip, the slip, a line without a fix (0-based)).
#: Each slip has one fix: prodssi's BKR012 (`daily01:00`, a syntax error: the
#: analysis stops at it), a BKR332 whose fix is applied (`disk BKRBKP 191`,
#: *Replace with `BKRBKUP`*) and one whose fix `--fix` refuses (the same slip
#: written over `disk BKRCATLG 191`, the line below BKRBKUP's own 191: BKR324); the
#: generated files' BKR332.
SLIPS = {
    "prodssi BKR012": ("prodssi", "preview daily 01:00", "preview daily01:00", 7),
    "prodssi BKR332": ("prodssi", "disk BKRBKUP 191", "disk BKRBKP 191", 7),
    "prodssi BKR332 refused": ("prodssi", "disk BKRCATLG 191", "disk BKRBKP 191", 7),
    "1,000 users BKR332": ("1000", "disk BKRBKUP 191", "disk BKRBKP 191", 7),
    "10,000 users BKR332": ("10000", "disk BKRBKUP 191", "disk BKRBKP 191", 7),
}
SCENARIOS = ("edit", "edit + action", "edit + action elsewhere", "action again")

CHILD = r"""
import gc, json, os, sys
from pathlib import Path

tree, path, slip_line, slip_col, other_line, scenario, times = sys.argv[1:8]
scenario = SCENARIOS[int(scenario)]
sys.path.insert(0, str(Path(tree) / "tests"))
from lsp_inprocess import Editor

gc.disable()
slip_line, slip_col, other_line, times = int(slip_line), int(slip_col), int(other_line), int(times)
path = Path(path)
text = path.read_text()
uri = path.as_uri()
editor = Editor()
editor.initialize(path.parent, capabilities={  # what VS Code declares of diagnostics and quick fixes
    "general": {"positionEncodings": ["utf-16"]},
    "textDocument": {
        "publishDiagnostics": {"relatedInformation": True},
        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}},
                       "disabledSupport": True},
    },
})
editor.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "bkr", "version": 1, "text": text}})
version = [1]

def edit():
    version[0] += 1
    changed = text + f"# edit {version[0]}\n"
    editor.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version[0]},
                                              "contentChanges": [{"text": changed}]})

def action(line, col):
    at = {"line": line, "character": col}
    answer = editor.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                            "range": {"start": at, "end": at}, "context": {"diagnostics": []}})
    assert "result" in answer, answer
    return answer["result"]

rounds = {
    "edit": lambda: edit(),
    "edit + action": lambda: (edit(), action(slip_line, slip_col)),
    "edit + action elsewhere": lambda: (edit(), action(other_line, 2)),
    "action again": lambda: action(slip_line, slip_col),
}
offered = None
for _ in range(2):  # the same warm-up in every child, whatever it then counts
    edit()
    offered = action(slip_line, slip_col)
    action(other_line, 2)
    action(slip_line, slip_col)
gc.collect()
for _ in range(times):
    rounds[scenario]()
assert not editor.errors, editor.errors
if times == 0:
    print(json.dumps([[a["title"], a.get("isPreferred"), "disabled" in a] for a in offered]))
sys.stdout.flush()
os._exit(0)  # no interpreter teardown: what it frees differs by what the rounds left
"""


def files(folder: Path, wanted: set[str]) -> dict[str, Path]:
    sys.path.insert(0, str(HERE))
    import generate

    out = {"prodssi": ROOT / "examples" / "prodssi.bkr"}
    for users in (1000, 10000):
        if str(users) in wanted:
            out[str(users)] = generate.write(users, folder)[0]
    return out


def slipped(source: Path, old: str, new: str, folder: Path) -> tuple[Path, int, int]:
    """A copy of `source` in `folder` (the files import the standard library only)
    with the slip; the slip's line and column (0-based)."""
    text = source.read_text()
    assert text.count(old) == 1, (source, old)
    text = text.replace(old, new)
    out = folder / f"slipped-{source.stem}-{len(list(folder.glob('slipped-*')))}.bkr"
    out.write_text(text)
    before = text[: text.index(new)]
    line = before.count("\n")
    col = len(before) - (before.rfind("\n") + 1) + new.index(" ") + 1
    return out, line, col


def count(tree: Path, path: Path, line: int, col: int, other: int, scenario: str, times: int) -> tuple[int, str]:
    from run import cachegrind_instructions

    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(tree))
    child = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", f"SCENARIOS = {SCENARIOS!r}\n" + CHILD, str(tree), str(path), str(line), str(col), str(other),
         str(SCENARIOS.index(scenario)), str(times)],
        env=env, capture_output=True, text=True, check=False, cwd=str(tree),
    )
    if child.returncode != 0:
        raise RuntimeError(f"valgrind child exited {child.returncode}: {child.stderr[-3000:]}")
    return cachegrind_instructions(child.stderr), child.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--against", type=Path, action="append", default=[], help="another checkout of bkrdsl, counted the same way (repeatable)"
    )
    parser.add_argument("--files", nargs="+", default=["prodssi", "1000", "10000"])
    parser.add_argument("--slips", nargs="+", help="names of SLIPS (default: those of --files)")
    parser.add_argument("--scenarios", nargs="+", default=list(SCENARIOS))
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("needs valgrind (apt-get install valgrind)")
    sys.path.insert(0, str(HERE))
    trees = {"this": ROOT} | {str(d): d.resolve() for d in args.against}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = files(folder, set(args.files))
        chosen = args.slips or [n for n, s in SLIPS.items() if s[0] in args.files]
        for name in chosen:
            source, old, new, other = SLIPS[name]
            path, line, col = slipped(sources[source], old, new, folder)
            for label, tree in trees.items():
                base, offered = count(tree, path, line, col, other, "edit", 0)
                figures = {s: count(tree, path, line, col, other, s, 1)[0] - base for s in args.scenarios}
                print(json.dumps({"slip": name, "tree": label, "offered": json.loads(offered or "[]"),
                                  "M": {s: round(n / 1e6, 2) for s, n in figures.items()}}), flush=True)


if __name__ == "__main__":
    main()
