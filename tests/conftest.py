"""Shared test helpers: run the CLI like a user, and fail loudly on crashes."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

# Hypothesis profiles (docs/architecture.md, "Property tests"). The default, `ci`,
# derandomizes: each property test draws the same examples on every run, so CI
# fails only on a change that breaks a property, never on a bug that a lucky
# random seed happens to reach. `explore` (BKRDSL_HYPOTHESIS=explore) draws fresh
# examples on every run, or those of `--hypothesis-seed=K`, and
# BKRDSL_HYPOTHESIS_SCALE times as many: `.ci/explore` runs it under
# several seeds. Neither keeps a database of failures: a failure is reproduced
# by its seed, or by the input it prints.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False, database=None, print_blob=True)
PROFILE = os.environ.get("BKRDSL_HYPOTHESIS", "ci")
if PROFILE not in ("ci", "explore"):
    raise pytest.UsageError(f"BKRDSL_HYPOTHESIS={PROFILE!r}: use ci (the default) or explore")
settings.load_profile(PROFILE)
SCALE = int(os.environ.get("BKRDSL_HYPOTHESIS_SCALE", "4" if PROFILE == "explore" else "1"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def bench_module(script: str):
    """A script of bench/ as a module (bench/ is no package), loaded once for every test file."""
    name = f"bkrdsl_bench_{script}"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{script}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def read_whole(source):
    """Lark's reading of the whole text: (AST, diagnostics), what a region reading must equal."""
    from bkrdsl.syntax.build import build
    from bkrdsl.syntax.parser import parse

    result = parse(source)
    return build(result), list(result.diagnostics)


def read_around(text: str, name: str = "t.bkr"):
    """`region.read_around_error` on `text` with no lower bound on its size (None: read whole)."""
    from bkrdsl.source import Source
    from bkrdsl.syntax import region

    saved = region.MIN_TOKENS
    region.MIN_TOKENS = 0
    try:
        return region.read_around_error(Source.of(name, text))
    finally:
        region.MIN_TOKENS = saved


def assert_same_reading(read, expected, where: str = "") -> None:
    """Two readings (AST, diagnostics) equal, the AST's comments included."""
    assert read[1] == expected[1], where
    assert read[0] == expected[0], where
    if read[0] is not None:
        assert read[0].comments == expected[0].comments, where


def run_cli(args, *, input=None, expect=None, env=None):
    """Invoke bkrc in-process. An unexpected Python exception re-raises, so a crash
    can never pass as "exit 1"; `expect` asserts the exit code."""
    from bkrdsl.cli import cli

    runner = CliRunner()
    result = runner.invoke(cli, [str(a) for a in args], input=input, env=env, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    if expect is not None:
        assert result.exit_code == expect, (result.exit_code, result.output)
    return result


def shortened(shown, real) -> bool:
    """SHOWN, a document's JSON sample, is REAL shortened as docs shorten it: the
    same keys, the same values (a string `...` stands for any value), and each
    list's items some of the real list's, in its order."""
    if shown == "...":
        return True
    if isinstance(shown, dict):
        return isinstance(real, dict) and shown.keys() == real.keys() and all(shortened(shown[k], real[k]) for k in shown)
    if isinstance(shown, list):
        rest = iter(real) if isinstance(real, list) else iter(())
        return all(any(shortened(item, candidate) for candidate in rest) for item in shown)
    return shown == real


@pytest.fixture
def cli_run():
    return run_cli


def require_tool(env_var: str, available: bool, what: str) -> None:
    """Skip when a tool is missing on a developer's machine; fail in CI, where it must exist."""
    if available:
        return
    if os.environ.get(env_var) == "1":
        pytest.fail(f"{what} is required here ({env_var}=1) but is not installed")
    pytest.skip(f"{what} is not installed")


def fifo_with_writer(path, data: bytes):
    """A generator for a fixture: a FIFO at `path` with a writer waiting to write
    `data`. Were bkrc to read it, it would get a file's text, not hang; the writer
    is let go at the end, read or not."""
    import threading

    os.mkfifo(path)

    def write() -> None:
        with open(path, "wb") as pipe:
            pipe.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    yield path
    if writer.is_alive():  # nobody read it: open it once, so that the writer can finish
        reader = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        writer.join(timeout=10)
        os.close(reader)


def lock_folder(monkeypatch, folder) -> None:
    """`folder` may not be entered (no search permission, x): every look-up below it
    fails with EACCES, as it does for a user who is not root. The tests run as root,
    whom permissions do not stop, so `os.stat` is wrapped instead."""
    import errno

    real = os.stat

    def stat_(path, *args, **kwargs):
        if not isinstance(path, int) and os.fsdecode(path).startswith(str(folder) + os.sep):
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_)


@pytest.fixture(scope="module")
def cms(tmp_path_factory):
    """The CMS/CP stand-in that runs generated EXECs under Regina (tests/cms/standin.py),
    one scratch folder per test module. Skips without Regina or a C compiler (for
    tests/cms/command.c); fails instead when BKRDSL_REQUIRE_REGINA=1 or
    BKRDSL_REQUIRE_CC=1 (CI)."""
    from cms.standin import CmsStandIn, find_cc, find_rexx

    require_tool("BKRDSL_REQUIRE_REGINA", find_rexx() is not None, "Regina REXX (rexx)")
    require_tool("BKRDSL_REQUIRE_CC", find_cc() is not None, "a C compiler (cc) for tests/cms/command.c")
    return CmsStandIn(tmp_path_factory.mktemp("cms"))


def pytest_collection_modifyitems(items):
    """Mark every property test `property` (`pytest -m property` runs them all),
    and take the timing out of them: no deadline and no `too_slow` health check,
    which a busy machine could fail (there are no timed assertions in these
    tests); under `explore`, BKRDSL_HYPOTHESIS_SCALE times the examples. The
    items of a parametrized test share one function: its settings change once."""
    done = set()
    for item in items:
        test = getattr(item, "obj", None)
        test = getattr(test, "__func__", test)
        if not getattr(test, "is_hypothesis_test", False):
            continue
        item.add_marker(pytest.mark.property)
        if id(test) in done:
            continue
        done.add(id(test))
        # Hypothesis keeps a test's settings in this private attribute (as `@settings`
        # does); tests/test_property_profiles.py fails if that ever changes.
        own = getattr(test, "_hypothesis_internal_use_settings", None)
        if own is None and item.cls is not None and isinstance(getattr(item.cls, "settings", None), settings):
            continue  # a state machine's TestCase (hypothesis.stateful): its module sets them
        own = test._hypothesis_internal_use_settings
        test._hypothesis_internal_use_settings = settings(
            own,
            deadline=None,
            suppress_health_check=sorted({*own.suppress_health_check, HealthCheck.too_slow}, key=str),
            max_examples=own.max_examples * SCALE,
        )


@pytest.fixture
def at_root(monkeypatch):
    """Run from the repository, so that files are named `examples/...` as a user types them."""
    monkeypatch.chdir(ROOT)
