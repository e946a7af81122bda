"""Ctrl-C during `bkrc compile FILE -o DIR`.

Wherever the interrupt lands, DIR holds exactly the old tree or exactly the new
one, nothing is left beside it, and the exit code and the message say which:
before the swap, exit 130 and "nothing written"; once the new folder is in
DIR's place, the compile finishes (the old tree is removed) and exits 0 with
its report and a line saying that DIR is complete.

Each interrupt is delivered at a chosen point: `signal.raise_signal(SIGINT)`
from a wrapped step, which is what a Ctrl-C at that moment does (Python runs
the SIGINT handler in the main thread, where the CLI runner runs bkrc).
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys

import pytest
from conftest import run_cli
from test_compile_cli import GOOD, source
from test_output import siblings, tree

from bkrdsl import output

NEW = GOOD.replace("daily 01:00", "daily 01:30").replace("job SYSFU", "job SYSIN")


def ctrl_c() -> None:
    signal.raise_signal(signal.SIGINT)


@pytest.fixture(autouse=True)
def python_answers_ctrl_c():
    """Python's own SIGINT handler, whatever this process inherited: a shell
    starts a background job (`pytest &`) with SIGINT ignored, and Python then
    installs no handler, so no Ctrl-C could reach bkrc at all."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.fixture
def compiled(tmp_path):
    """(source, DIR, old tree, new tree): DIR compiled from GOOD, and the tree a
    compile of NEW writes (into a copy of DIR, from the same source path: the
    change's CHANGES.TXT, which names no folder, is DIR's history)."""
    src, out = source(tmp_path), tmp_path / "work" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    old = tree(out)
    src.write_text(NEW)
    expected = tmp_path / "expected" / "out"
    shutil.copytree(out, expected, symlinks=True)
    run_cli(["compile", src, "-o", expected], expect=0)
    new = tree(expected)
    assert new != old
    return src, out, old, new


def after_call(monkeypatch, owner, name: str, nth: int = 1, *, before: bool = False):
    """Deliver Ctrl-C just after (or just before) the nth call of owner.name."""
    real = getattr(owner, name)
    calls = []

    def wrapped(*args, **kwargs):
        calls.append(args)
        if before and len(calls) == nth:
            ctrl_c()
        result = real(*args, **kwargs)
        if not before and len(calls) == nth:
            ctrl_c()
        return result

    monkeypatch.setattr(owner, name, wrapped)
    return calls


def assert_not_written(result, out, old):
    assert result.exit_code == 130, result.output
    assert f"bkrc: interrupted; nothing written: {out} is as it was" in result.stderr
    assert "Aborted!" not in result.output and "wrote" not in result.stdout
    assert tree(out) == old
    assert siblings(out) == []


def assert_complete(result, out, new):
    assert result.exit_code == 0, result.output
    assert f"bkrc: wrote {out}: " in result.stdout
    assert f"bkrc: interrupted after {out} was written: it holds every new file" in result.stderr
    assert "Aborted!" not in result.output
    assert tree(out) == new
    assert siblings(out) == []


@pytest.mark.parametrize("nth", [1, 5])
def test_ctrl_c_while_the_new_folder_is_written_leaves_dir_as_it_was(compiled, monkeypatch, nth):
    src, out, old, _ = compiled
    after_call(monkeypatch, output, "write_file", nth)
    assert_not_written(run_cli(["compile", src, "-o", out]), out, old)


def test_ctrl_c_before_the_swap_leaves_dir_as_it_was(compiled, monkeypatch):
    src, out, old, _ = compiled
    after_call(monkeypatch, output, "_keep_folder_modes")
    assert_not_written(run_cli(["compile", src, "-o", out]), out, old)


def test_ctrl_c_while_reading_the_input_writes_nothing(compiled, monkeypatch):
    src, out, old, _ = compiled
    after_call(monkeypatch, output, "make_plan")
    assert_not_written(run_cli(["compile", src, "-o", out]), out, old)


def test_ctrl_c_on_a_first_compile_leaves_no_folder(tmp_path, monkeypatch):
    src, out = source(tmp_path), tmp_path / "work" / "out"
    after_call(monkeypatch, output, "write_file", 3)
    result = run_cli(["compile", src, "-o", out])
    assert result.exit_code == 130, result.output
    assert f"bkrc: interrupted; nothing written: {out} was not created" in result.stderr
    assert not out.exists() and siblings(out) == []


def test_ctrl_c_just_after_the_swap_finishes_the_compile(compiled, monkeypatch):
    src, out, _, new = compiled
    after_call(monkeypatch, output, "swap")
    assert_complete(run_cli(["compile", src, "-o", out]), out, new)


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_ctrl_c_inside_the_swap_finishes_the_compile(compiled, monkeypatch, exchange):
    """Inside the swap: after the atomic exchange, or between the two renames of
    the fallback (DIR renamed aside, the new folder not yet in its place)."""
    src, out, _, new = compiled
    if exchange:
        after_call(monkeypatch, output, "_exchange")
    else:
        monkeypatch.setattr(output, "_exchange", lambda a, b: False)
        after_call(monkeypatch, output.os, "rename", 1)
    assert_complete(run_cli(["compile", src, "-o", out]), out, new)


def test_ctrl_c_while_the_old_tree_is_removed_finishes_removing_it(compiled, monkeypatch):
    src, out, _, new = compiled
    after_call(monkeypatch, output, "_remove_tree", before=True)
    assert_complete(run_cli(["compile", src, "-o", out]), out, new)


def test_ctrl_c_while_the_report_is_printed(compiled, monkeypatch):
    """After the write, before the report: the report is still printed, once."""
    src, out, _, new = compiled
    after_call(monkeypatch, output, "summary", before=True)
    result = run_cli(["compile", src, "-o", out])
    assert_complete(result, out, new)
    assert result.stdout.count("bkrc: wrote") == 1


def test_a_second_ctrl_c_while_the_temporary_folder_is_removed(compiled, monkeypatch):
    """The first Ctrl-C stops the write; one more while its temporary folder is
    being removed does not leave the folder half removed beside DIR."""
    src, out, old, _ = compiled
    after_call(monkeypatch, output, "write_file", 2)
    after_call(monkeypatch, output, "_remove_tree", before=True)
    assert_not_written(run_cli(["compile", src, "-o", out]), out, old)


def test_the_interrupt_handler_is_given_back(compiled, monkeypatch):
    src, out, _, _ = compiled
    after_call(monkeypatch, output, "swap")
    run_cli(["compile", src, "-o", out], expect=0)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


SUBPROCESS = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, even under `pytest &`
from bkrdsl import output
from bkrdsl.cli import main

real = getattr(output, sys.argv[1])

def wrapped(*args, **kwargs):
    result = real(*args, **kwargs)
    os.kill(os.getpid(), getattr(signal, sys.argv[4] if len(sys.argv) > 4 else "SIGINT"))
    return result

setattr(output, sys.argv[1], wrapped)
main(["compile", sys.argv[2], "-o", sys.argv[3]])
"""


#: `bkrc ARGS...` (the script's arguments), sent a real SIGINT by its own process
#: right after each file is replaced (`os.replace`): Ctrl-C in a terminal at
#: that moment, for the commands that rewrite files in place (fmt, check --fix).
SIGINT_AFTER_REPLACE = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, even under `pytest &`
from bkrdsl.cli import main

real = os.replace

def replace(*args):
    real(*args)
    os.kill(os.getpid(), signal.SIGINT)

os.replace = replace
main(sys.argv[1:])
"""


def interrupted_after_first_replace(*args) -> subprocess.CompletedProcess:
    """Run `bkrc ARGS...` in a process of its own, Ctrl-C just after it replaces a file."""
    command = [sys.executable, "-c", SIGINT_AFTER_REPLACE, *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.mark.parametrize(("step", "code"), [("_keep_folder_modes", 130), ("swap", 0)])
def test_a_real_sigint_through_the_console_entry_point(compiled, step, code):
    """The same through `bkrc`'s own entry point, in a process of its own."""
    src, out, old, new = compiled
    run = subprocess.run(
        [sys.executable, "-c", SUBPROCESS, step, str(src), str(out)], capture_output=True, text=True, check=False
    )
    assert run.returncode == code, run.stderr
    assert "Aborted!" not in run.stderr
    assert tree(out) == (new if code == 0 else old)
    assert siblings(out) == []


@pytest.mark.parametrize(("step", "code"), [("_keep_folder_modes", 143), ("swap", 0)])
def test_sigterm_is_answered_as_ctrl_c_is(compiled, step, code):
    """`kill`, `timeout` or a cancelled CI job: before the swap the temporary folder
    is removed and DIR is as it was (exit 143, 128 + SIGTERM); from the swap on the
    compile finishes. Python's default would die at once, leaving the folder beside DIR."""
    _answered_as_ctrl_c_is(compiled, step, code, "SIGTERM", SUBPROCESS, "terminated")


def _answered_as_ctrl_c_is(compiled, step, code, signame, script, word):
    """The compile sent `signame` at `step` (SUBPROCESS): exit `code` and DIR as it
    was (0: the new tree), nothing beside it, and bkrc's line says `word`."""
    src, out, old, new = compiled
    run = subprocess.run(
        [sys.executable, "-c", script, step, str(src), str(out), signame],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == code, run.stderr
    assert tree(out) == (new if code == 0 else old)
    assert siblings(out) == []
    if code:
        assert f"bkrc: {word}; nothing written: {out} is as it was" in run.stderr
    else:
        assert f"bkrc: {word} after {out} was written: it holds every new file" in run.stderr


IMPORTING = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, even under `pytest &`

class CtrlC:
    \"\"\"Ctrl-C just as module sys.argv[1] is about to be imported.\"\"\"
    def find_spec(self, name, path=None, target=None):
        if name == sys.argv[1]:
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, CtrlC())
from bkrdsl.cli import main
main(["compile", sys.argv[2], "-o", sys.argv[3]])
"""


@pytest.mark.parametrize("module", ["bkrdsl.output", "bkrdsl.pipeline"])
def test_ctrl_c_while_compile_imports_what_it_needs(compiled, module):
    """The front end and the writer are imported when the command starts, a
    noticeable part of a second: a Ctrl-C then says that nothing was written,
    as everywhere else before the swap (it used to say only `bkrc: interrupted`)."""
    src, out, old, _ = compiled
    run = subprocess.run(
        [sys.executable, "-c", IMPORTING, module, str(src), str(out)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 130, run.stderr
    assert run.stderr == f"bkrc: interrupted; nothing written: {out} is as it was\n"
    assert tree(out) == old and siblings(out) == []


def test_ctrl_c_while_the_command_line_is_read(monkeypatch):
    """Before the command runs, click itself would answer "Aborted!" and exit 1."""
    import click

    after_call(monkeypatch, click.Group, "parse_args")
    result = run_cli(["rules"])
    assert result.exit_code == 130, result.output
    assert result.stderr == "bkrc: interrupted\n" and result.stdout == ""


def test_ctrl_c_in_another_command_is_exit_130(tmp_path, monkeypatch):
    """Not click's "Aborted!" and exit 1, which reads as errors in the input."""
    import bkrdsl.pipeline

    src = source(tmp_path)
    after_call(monkeypatch, bkrdsl.pipeline, "analyse")
    result = run_cli(["check", src])
    assert result.exit_code == 130, result.output
    assert "bkrc: interrupted" in result.stderr and "Aborted!" not in result.output


STARTING = """
import os, runpy, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, even under `pytest &`

class CtrlC:
    \"\"\"Ctrl-C just as click is about to be imported: bkrc is starting.\"\"\"
    def find_spec(self, name, path=None, target=None):
        if name == "click":
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, CtrlC())
if sys.argv[1] == "-m":
    sys.argv[1:] = ["--version"]
    runpy.run_module("bkrdsl", run_name="__main__")
else:
    ENTRY  # what pyproject.toml's console script runs
    main(["--version"])
"""


@pytest.mark.parametrize("how", ["bkrc", "-m"])
def test_ctrl_c_while_bkrc_starts(how):
    """Before any handler of bkrc's is in place, click and bkrdsl.cli are imported:
    a Ctrl-C there is answered as everywhere else, not with a traceback."""
    import tomllib

    from conftest import ROOT

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module, _, function = scripts["bkrc"].partition(":")
    code = STARTING.replace("ENTRY", f"from {module} import {function} as main")
    run = subprocess.run([sys.executable, "-c", code, how], capture_output=True, text=True, check=False)
    assert run.returncode == 130, run.stderr
    assert run.stderr == "bkrc: interrupted\n" and run.stdout == ""


# stop 77, h12: SIGHUP (an ssh deploy step whose connection drops) tidied as SIGTERM is
_INT = "signal.signal(signal.SIGINT, signal.default_int_handler)"
#: The child's SIGHUP at its default, as in a login session, even where the tests run
#: under `nohup` (SIG_IGN inherited, which bkrc rightly leaves ignored: the stop's CI
#: run was started so, and these tests then saw no hang-up).
_HUP = _INT + "\nsignal.signal(signal.SIGHUP, signal.SIG_DFL)"


@pytest.mark.parametrize(("step", "code"), [("_keep_folder_modes", 129), ("swap", 0)])
def test_sighup_is_answered_as_sigterm_is(compiled, step, code):
    """A hang-up before the swap removes the temporary folder and leaves DIR as it was
    (exit 129, 128 + SIGHUP); from the swap on the compile finishes. Python's default
    would die at once, leaving `.DIR.bkrc-new-*` beside DIR as a kill does."""
    _answered_as_ctrl_c_is(compiled, step, code, "SIGHUP", SUBPROCESS.replace(_INT, _HUP, 1), "hung up")


def test_sighup_ignored_by_nohup_stays_ignored():
    """`nohup bkrc ...` (SIGHUP ignored): bkrc leaves it ignored, as it leaves SIGTERM."""
    import signal

    from bkrdsl.cli import _answer_sigterm

    before = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        previous = _answer_sigterm()
        try:
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
            assert signal.SIGHUP not in previous
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
    finally:
        signal.signal(signal.SIGHUP, before)


def test_sighup_in_fmt_is_answered_as_sigterm_is(tmp_path):
    """`bkrc fmt` hung up just after it replaced its first file: that file is
    reformatted and said, the others as they were, exit 129, no temporary file left."""
    ugly = "cluster   PRODSSI {\n  member VMSYS1 { workers 4 }\n}\n"
    files = []
    for name in ("a.bkr", "b.bkr"):
        (tmp_path / name).write_text(ugly, encoding="utf-8")
        files.append(str(tmp_path / name))
    script = SIGINT_AFTER_REPLACE.replace("os.kill(os.getpid(), signal.SIGINT)", "os.kill(os.getpid(), signal.SIGHUP)")
    script = script.replace(_INT, _HUP, 1)
    assert "SIGHUP)" in script and "SIG_DFL" in script
    run = subprocess.run([sys.executable, "-c", script, "fmt", *files], capture_output=True, text=True, check=False)
    assert run.returncode == 129, run.stderr
    assert run.stderr.splitlines() == [
        f"reformatted {files[0]}",
        f"bkrc: hung up; rewritten before it: {files[0]}; every other file is as it was",
    ]
    assert (tmp_path / "b.bkr").read_text(encoding="utf-8") == ugly
    assert (tmp_path / "a.bkr").read_text(encoding="utf-8") != ugly
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bkr", "b.bkr"]
