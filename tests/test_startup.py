"""What a whole `bkrc` command loads: only what the command at hand needs.

Timing is never asserted (docs/performance.md has the figures); these tests
check, in a fresh interpreter, that the modules a command does not need are
not imported and that start-up work is left until it is needed.
"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLES, ROOT

RUN = r"""
import sys
from bkrdsl.cli import main
try:
    main(ARGS)
except SystemExit:
    pass
modules = sorted(sys.modules)  # before this script imports json to report
from bkrdsl.diagnostics.registry import REGISTRY
dedented = sorted(c for c, e in REGISTRY.items() if "explanation" in vars(e))
import json
print(json.dumps({"modules": modules, "registered": len(REGISTRY), "dedented": dedented}))
"""


def run(args: list[str]) -> dict:
    code = f"ARGS = {args!r}\n{RUN}"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout.splitlines()[-1])


def test_check_of_a_clean_file_loads_only_the_front_end():
    seen = run(["check", str(EXAMPLES / "prodssi.bkr")])
    loaded = set(seen["modules"])
    # json: only the json and sarif formats; difflib: only a "did you mean";
    # lark: only a file the fast parser does not read; tomllib: only a dialect
    # table that is not built in (or changed since bkrdsl/dialect/_tables.py was
    # written); the emitters: only compile; string: never (its Template class
    # compiles a pattern as it is made; the table's format strings are read
    # with `dialect.format_fields`); the syntax errors' messages: only a file
    # with one (its import is some 16 M instructions); the checks against the
    # site's CP directory and its reader: only with --directory.
    unneeded = {"json", "difflib", "lark", "pygments", "textwrap", "hashlib", "tomllib", "string"}
    unneeded |= {"bkrdsl.emit.artifacts", "bkrdsl.syntax.messages", "bkrdsl.check.directory", "bkrdsl.cpdirectory"}
    assert unneeded & loaded == set()
    # Registering the codes does no text processing: an explanation is dedented
    # when `bkrc explain` (or the docs, the language server) first reads it.
    assert seen["registered"] > 100 and seen["dedented"] == []


def test_explain_dedents_the_one_explanation_it_prints():
    seen = run(["explain", "BKR201"])
    assert seen["dedented"] == ["BKR201"]


def test_fmt_of_a_file_the_fast_parser_reads_does_not_load_lark(tmp_path):
    """`bkrc fmt` lays out from the fast parser's outline (bkrdsl/fmt/outline.py); Lark
    is the fallback for the files that parser gives up on, and is not even imported.
    The same when the file changes, and the formatter proves the new text means the same."""
    canonical = run(["fmt", "--check", str(EXAMPLES / "prodssi.bkr")])
    assert "lark" not in canonical["modules"]
    scrambled = tmp_path / "prodssi.bkr"
    scrambled.write_text((EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8").replace("\n  ", "\n "))
    changed = run(["fmt", str(scrambled)])
    assert "lark" not in changed["modules"]
    assert scrambled.read_text(encoding="utf-8") == (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")


def test_fmt_of_a_file_the_fast_parser_leaves_loads_lark(tmp_path):
    """The fallback is still there: a clean file the fast parser does not read."""
    rare = tmp_path / "rare.bkr"
    rare.write_text("cluster A { shared-volume V TOTAPE }\n")
    seen = run(["fmt", str(rare)])
    assert "lark" in seen["modules"]
    assert rare.read_text(encoding="utf-8") == "cluster A {\n  shared-volume V TOTAPE\n}\n"


ENTRY = r"""
import gc, json, sys
from bkrdsl.__main__ import main  # before main can act: compiling it (no bytecode cached) may collect
collections = []
gc.callbacks.append(lambda phase, info: phase == "stop" and collections.append(info["generation"]))
try:
    main(ARGS)
except SystemExit:
    pass
print(json.dumps({"collections": collections, "enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}))
"""


def test_a_whole_command_runs_no_cycle_collection_and_leaves_the_exit_none_to_walk(tmp_path):
    """bkrc's entry point (bkrdsl/__main__.py) turns the cyclic collector off before it
    imports click: no collection while a command starts or works. What is alive at the
    end is frozen, so Python's collections at exit walk none of it."""
    for args in (
        ["--version"],
        ["check", str(EXAMPLES / "prodssi.bkr")],
        ["compile", str(EXAMPLES / "prodssi.bkr"), "-o", str(tmp_path / "out")],
    ):
        code = f"ARGS = {args!r}\n{ENTRY}"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        seen = json.loads(out.stdout.splitlines()[-1])
        assert seen["collections"] == [] and not seen["enabled"], (args, seen)
        assert seen["frozen"] > 10_000, (args, seen)  # click's and bkrdsl's objects, at least
    assert (tmp_path / "out").is_dir()


def test_compile_makes_its_folder_without_tempfile_shutil_or_random(tmp_path):
    """`bkrc compile` builds its new folder with `output._new_folder`, not
    `tempfile.mkdtemp`: tempfile imports shutil (with zlib, bz2 and lzma) and random.
    Into a new DIR and into one that is up to date, none of them is imported;
    shutil only where an old tree is removed or a kept file copied."""
    out = tmp_path / "out"
    unneeded = {"tempfile", "shutil", "random", "secrets", "bz2", "lzma"}
    fresh = run(["compile", str(EXAMPLES / "prodssi.bkr"), "-o", str(out)])
    assert unneeded & set(fresh["modules"]) == set()
    assert len(list(out.rglob("*"))) > 50 and sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    again = run(["compile", str(EXAMPLES / "prodssi.bkr"), "-o", str(out)])
    assert unneeded & set(again["modules"]) == set()


def test_compile_without_directory_does_not_load_the_directory_reader(tmp_path):
    """The emitter refuses a DIRECT file with link passwords (`generated.mdisk_link_passwords`),
    the reader's own reading of them, without importing the reader (`bkrdsl.cpdirectory`,
    its codes and regexes): only `--directory` loads it, in compile as in check."""
    seen = run(["compile", str(EXAMPLES / "prodssi.bkr"), "-o", str(tmp_path / "out")])
    assert "bkrdsl.cpdirectory" not in seen["modules"]
    assert (tmp_path / "out" / "cluster").is_dir()


def test_every_dataclass_check_compile_and_fmt_make_has_a_docstring_of_its_own(tmp_path):
    """`dataclasses` gives a class without a docstring one made from its
    signature (`inspect.signature`, some 50 microseconds a class), as the class
    is made: 25 classes on the way to `bkrc check` had none, about 1.4 ms of
    every command that checks, and 3 more of compile's and 4 of fmt's
    (docs/performance.md, "Whole commands on a small file"). Each has its own
    now; a new one without fails here."""
    import dataclasses
    import importlib

    loaded = set(run(["check", str(EXAMPLES / "prodssi.bkr")])["modules"])
    loaded |= set(run(["compile", str(EXAMPLES / "prodssi.bkr"), "-o", str(tmp_path / "out")])["modules"])
    loaded |= set(run(["fmt", "--check", str(EXAMPLES / "prodssi.bkr")])["modules"])
    made = []
    for name in sorted(loaded):
        if name == "bkrdsl" or name.startswith("bkrdsl."):
            module = importlib.import_module(name)
            made += [
                c for c in vars(module).values()
                if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == name
            ]
    assert len(made) > 40
    signature_made = [f"{c.__module__}.{c.__qualname__}" for c in made if c.__doc__.startswith(f"{c.__name__}(")]
    assert signature_made == []
