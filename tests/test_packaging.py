"""What `pip install bkrdsl` gives: a wheel, installed without the checkout.

The other tests import bkrdsl from the repository (an editable install), where
the grammar and the standard library are the top-level grammar/ and stdlib/
folders. A wheel carries them inside the package instead (bkrdsl/_data/,
pyproject.toml's force-include; bkrdsl/resources.py finds either), with the
dialect table, the `bkrc` script and the Pygments lexer's entry point. This test
builds the wheel offline (no build isolation, no index: the build backend,
hatchling, comes from the test extras), installs it into a folder of its own,
and compiles an example that imports the standard library from a folder
outside the repository, comparing every file byte for byte with the checkout's.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT


def _require(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.fail(
            f"tests/test_packaging.py builds bkrdsl's wheel offline with `pip wheel --no-build-isolation`"
            f" and needs {module} installed next to pytest: pip install -e '.[test]'"
        )


def _run(args, *, cwd, env=None):
    done = subprocess.run(
        [str(a) for a in args], check=False, cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"{' '.join(map(str, args))} exited {done.returncode}:\n{done.stderr}"
    return done.stdout


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_installed_wheel_compiles_like_the_checkout(tmp_path):
    _require("pip")
    _require("hatchling")
    pip_env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    wheels, target, work = tmp_path / "wheels", tmp_path / "site", tmp_path / "work"
    work.mkdir()
    pip = [sys.executable, "-m", "pip"]
    _run(
        [*pip, "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index", "-w", wheels, ROOT],
        cwd=tmp_path,
        env=pip_env,
    )
    (wheel,) = wheels.glob("bkrdsl-*.whl")
    _run(
        [*pip, "install", "-q", "--no-deps", "--no-index", "--target", target, wheel],
        cwd=tmp_path,
        env=pip_env,
    )

    # The installed copy: its folder first on the path, ahead of an editable
    # install's (.ci/run's venv); the dependencies come from this interpreter's
    # site-packages. Which copy imports, and whose data it reads, is asserted.
    installed = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "BKRDSL_"))}
    installed |= {"PYTHONPATH": str(target), "PYTHONDONTWRITEBYTECODE": "1"}
    checkout = {**installed, "PYTHONPATH": str(ROOT)}
    where = _run(
        [
            sys.executable,
            "-c",
            "import bkrdsl, bkrdsl.resources as r; print(bkrdsl.__file__); print(r.stdlib_dir()); print(r.grammar_path())",
        ],
        cwd=work,
        env=installed,
    ).split()
    assert [Path(p).is_relative_to(target) for p in where] == [True] * 3, where
    assert Path(where[1]).parent.name == "_data", where

    source = work / "prodssi.bkr"  # imports std/backup-manager and std/zvm73
    source.write_bytes((EXAMPLES / "prodssi.bkr").read_bytes())
    bkrc = target / "bin" / "bkrc"
    assert bkrc.is_file(), f"the wheel installs no bkrc script: {sorted(os.listdir(target))}"
    assert _run([sys.executable, bkrc, "--version"], cwd=work, env=installed).startswith("bkrc ")
    _run([sys.executable, bkrc, "compile", source.name, "-o", "installed"], cwd=work, env=installed)
    _run([sys.executable, "-m", "bkrdsl", "compile", source.name, "-o", "checkout"], cwd=work, env=checkout)
    ours, theirs = _files(work / "installed"), _files(work / "checkout")
    assert "manifest.json" in ours
    assert ours == theirs
    # The Lark parser reads the grammar file the wheel carries.
    _run([sys.executable, bkrc, "check", source.name], cwd=work, env={**installed, "BKRDSL_PARSER": "lark"})
    # The Pygments entry point: the distribution's own metadata names the lexer.
    lexer = _run(
        [
            sys.executable,
            "-c",
            "import pygments.lexers as L; print(type(L.get_lexer_by_name('bkr')).__module__)",
        ],
        cwd=work,
        env=installed,
    )
    assert lexer.strip() == "bkrdsl.highlight"
    entry_points = next(target.glob("bkrdsl-*.dist-info")) / "entry_points.txt"
    assert "bkr = bkrdsl.highlight:BkrLexer" in entry_points.read_text()
    # pyproject.toml says Apache-2.0; the wheel carries the licence's text.
    (licence,) = next(target.glob("bkrdsl-*.dist-info")).rglob("LICENSE")
    assert licence.read_bytes() == (ROOT / "LICENSE").read_bytes()
    assert b"Apache License" in licence.read_bytes()
