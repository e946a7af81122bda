"""The exit-code contract (design section 5, README "Exit codes"), command by
command, as a pipeline meets it: 0 success (warnings allowed), 1 errors in the
input (or changes found by a check), 2 usage, I/O or internal error; each
failure one clear line, never a traceback.

One table: every command that reads or writes a file, with a missing file, an
unreadable one, a folder in its place, standard input (`-`) where the command
takes it, an unknown option, an output folder on a path it may not write, and
errors in the input together with such a folder (the input is checked first:
1, nothing written). It runs the real `bkrc` in a child process, which answers
with its real exit status: the tests run as root, for whom permissions change
nothing, so the child drops the capabilities that let root past them
(`setpriv --bounding-set`), and then reads and writes as any user would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import EXAMPLES, ROOT

GOOD = (EXAMPLES / "minimal.bkr").read_text(encoding="utf-8")
BAD = (EXAMPLES / "broken" / "prodssi.bkr").read_text(encoding="utf-8")
SLIP = "cluster X { member M { workers = } }\n"

#: What lets root read and write past a file's mode; without them the child
#: meets permissions as any user does.
PAST_PERMISSIONS = "-dac_override,-dac_read_search,-fowner"


def _as_a_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root, and no setpriv to drop the capabilities that ignore permissions")
    return [setpriv, "--bounding-set", PAST_PERMISSIONS, "--"]


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """ok.bkr, bad.bkr, unread.bkr (mode 000), empty/ (a folder with no .bkr file),
    ro/ (mode 555: no file or folder may be created in it)."""
    top = tmp_path_factory.mktemp("exits")
    (top / "ok.bkr").write_text(GOOD, encoding="utf-8")
    (top / "bad.bkr").write_text(BAD, encoding="utf-8")
    unread = top / "unread.bkr"
    unread.write_text(GOOD, encoding="utf-8")
    unread.chmod(0)
    (top / "empty").mkdir()
    (top / "ro").mkdir()
    (top / "ro").chmod(0o555)
    yield top
    (top / "ro").chmod(0o755)


def bkrc(place, args, stdin: str = ""):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [*_as_a_user(), sys.executable, "-m", "bkrdsl", *args],
        input=stdin, capture_output=True, text=True, cwd=place, env=env, timeout=120, check=False,
    )


OUT = ["-o", "out"]
RO = ["-o", "ro/out"]

# (command line, standard input, exit code, what the one line says: a bkrc line
# on standard error, "usage" for click's usage error, "diagnostics" for a report)
CASES = [
    # bkrc check
    (["check", "missing.bkr"], "", 2, "bkrc: missing.bkr: no such file"),
    (["check", "unread.bkr"], "", 2, "bkrc: unread.bkr: permission denied"),
    (["check", "empty"], "", 2, "bkrc: empty: no .bkr file in this folder"),
    (["check", "-"], GOOD, 0, None),
    (["check", "-"], BAD, 1, "diagnostics"),
    (["check", "ok.bkr", "--bogus"], "", 2, "usage"),
    (["check", "ok.bkr", "--dialect", "missing.toml"], "", 2, "bkrc: missing.toml: no such file"),
    (["check", "ok.bkr", "--dialect", "unread.bkr"], "", 2, "bkrc: unread.bkr: cannot read: Permission denied"),
    (["check", "ok.bkr", "--dialect", "empty"], "", 2, "bkrc: empty: cannot read: Is a directory"),
    (["check", "ok.bkr", "--directory", "unread.bkr"], "", 2, "bkrc: unread.bkr: cannot read: Permission denied (the --directory file)"),
    (["check", "ok.bkr", "--directory", "empty"], "", 2, "bkrc: empty: cannot read: Is a directory (the --directory file)"),
    # bkrc compile, and its dry run and check
    *[
        row
        for mode in ([], ["--dry-run"], ["--check"])
        for row in [
            (["compile", "missing.bkr", *OUT, *mode], "", 2, "bkrc: missing.bkr: no such file"),
            (["compile", "unread.bkr", *OUT, *mode], "", 2, "bkrc: unread.bkr: permission denied"),
            (["compile", "empty", *OUT, *mode], "", 2, "bkrc: empty: is a directory, not a .bkr file"),
            (["compile", "-", *OUT, *mode], BAD, 1, "diagnostics"),
            (["compile", "ok.bkr", *OUT, *mode, "--bogus"], "", 2, "usage"),
            (["compile", "ok.bkr", *OUT, *mode, "--directory", "empty"], "", 2, "bkrc: empty: cannot read: Is a directory"),
            (["compile", "bad.bkr", *RO, *mode], "", 1, "diagnostics"),  # the input first: nothing written
        ]
    ],
    (["compile", "-", *OUT], GOOD, 0, None),
    (["compile", "-", *OUT, "--dry-run"], GOOD, 0, None),
    (["compile", "-", *OUT, "--check"], GOOD, 1, "bkrc: out is not up to date with <stdin>"),  # no out yet
    (["compile", "ok.bkr", *RO], "", 2, "ro/out: cannot write: Permission denied in "),
    (["compile", "ok.bkr", *RO, "--dry-run"], "", 2, "bkrc: the compile would fail: "),
    (["compile", "ok.bkr", *RO, "--check"], "", 1, "ro/out is not up to date with ok.bkr"),
    (["compile", "ok.bkr", "-o", "ok.bkr"], "", 2, "bkrc: ok.bkr: exists and is not a folder"),
    (["compile", "ok.bkr", *OUT, "--dry-run", "--check"], "", 2, "usage"),
    # bkrc fmt
    (["fmt", "missing.bkr"], "", 2, "bkrc: missing.bkr: no such file"),
    (["fmt", "unread.bkr"], "", 2, "bkrc: unread.bkr: permission denied"),
    (["fmt", "--check", "empty"], "", 2, "bkrc: empty: no .bkr file in this folder"),
    (["fmt", "-"], GOOD, 0, None),
    (["fmt", "--check", "-"], SLIP, 1, "diagnostics"),
    (["fmt", "ok.bkr", "--bogus"], "", 2, "usage"),
    # bkrc show
    (["show", "missing.bkr"], "", 2, "bkrc: missing.bkr: no such file"),
    (["show", "unread.bkr"], "", 2, "bkrc: unread.bkr: permission denied"),
    (["show", "empty"], "", 2, "bkrc: empty: is a directory, not a .bkr file"),
    (["show", "-"], GOOD, 0, None),
    (["show", "-"], BAD, 1, "diagnostics"),
    (["show", "ok.bkr", "--bogus"], "", 2, "usage"),
    (["show", "ok.bkr", "--against", "missing.bkr"], "", 2, "bkrc: missing.bkr: no such file"),
    (["show", "ok.bkr", "--against", "unread.bkr"], "", 2, "bkrc: unread.bkr: permission denied"),
    (["show", "ok.bkr", "--against", "empty"], "", 2, "bkrc: empty: is a directory, not a .bkr file"),
    (["show", "ok.bkr", "--against", "-"], GOOD, 0, None),
    (["show", "ok.bkr", "--against", "-"], BAD, 1, "diagnostics"),
    (["show", "-", "--against", "-"], GOOD, 2, "usage"),
    # bkrc highlight
    (["highlight", "missing.bkr"], "", 2, "bkrc: missing.bkr: no such file"),
    (["highlight", "unread.bkr"], "", 2, "bkrc: unread.bkr: permission denied"),
    (["highlight", "empty"], "", 2, "bkrc: empty: is a directory, not a .bkr file"),
    (["highlight", "-"], GOOD, 0, None),
    (["highlight", "ok.bkr", "--bogus"], "", 2, "usage"),
    # bkrc init: FILE is what it writes
    (["init", "ro/new.bkr", "--cluster", "C", "--member", "M1"], "", 2, "bkrc: ro/new.bkr: cannot write: no file can be created in ro (Permission denied)"),
    (["init", "empty", "--cluster", "C", "--member", "M1"], "", 2, "bkrc: empty: is a directory; nothing written"),
    (["init", "-", "--cluster", "C", "--member", "M1"], "", 0, None),
    (["init", "ro/new.bkr", "--cluster", "1BADNAMEXX", "--member", "M1"], "", 1, "diagnostics"),
    (["init", "-", "--cluster", "C"], "", 2, "usage"),
    # bkrc dialect --changes
    (["dialect", "--changes", "missing.toml"], "", 2, "bkrc: missing.toml: no such file (the --changes table)"),
    (["dialect", "--changes", "unread.bkr"], "", 2, "bkrc: unread.bkr: cannot read: Permission denied"),
    (["dialect", "--changes", "empty"], "", 2, "bkrc: empty: cannot read: Is a directory"),
    # bkrc explain, rules
    (["explain", "BKR999"], "", 2, "bkrc: no diagnostic code `BKR999`"),
    (["explain", "BKR202"], "", 0, None),
    (["rules", "--bogus"], "", 2, "usage"),
]


@pytest.mark.parametrize(("args", "stdin", "code", "said"), CASES, ids=[" ".join(c[0]) + (" <" if c[1] else "") for c in CASES])
def test_every_command_exits_as_the_contract_says(place, args, stdin, code, said):
    shutil.rmtree(place / "out", ignore_errors=True)
    done = bkrc(place, args, stdin)
    assert done.returncode == code, (done.returncode, done.stdout[-2000:], done.stderr[-2000:])
    assert "Traceback" not in done.stdout + done.stderr and "internal error" not in done.stdout + done.stderr
    assert not (place / "ro" / "out").exists() and not (place / "ro" / "new.bkr").exists()
    if said is None:
        assert done.stderr == "" or "warning[" in done.stderr
    elif said == "usage":
        # click's usage error: its `Error:` line names what is wrong
        assert done.stderr.rstrip("\n").splitlines()[-1].startswith("Error: "), done.stderr
    elif said == "diagnostics":
        assert "error[BKR" in done.stdout + done.stderr
    else:
        # bkrc's own line on standard error; with --check's warning, that line last.
        lines = done.stderr.rstrip("\n").splitlines()
        assert lines and said in lines[-1], done.stderr
        assert all(line.startswith("bkrc: ") for line in lines), done.stderr
