"""Shared test helpers: run the CLI like a user, and fail loudly on crashes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


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


@pytest.fixture(scope="module")
def cms(tmp_path_factory):
    """The CMS/CP stand-in that runs generated EXECs under Regina (tests/cms/standin.py),
    one scratch folder per test module. Skips without Regina; fails instead when
    BKRDSL_REQUIRE_REGINA=1 (CI)."""
    from cms.standin import CmsStandIn, find_rexx

    require_tool("BKRDSL_REQUIRE_REGINA", find_rexx() is not None, "Regina REXX (rexx)")
    return CmsStandIn(tmp_path_factory.mktemp("cms"))
