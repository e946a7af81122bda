"""A pytest plugin: every text Lark reads in the run with an error is also read by
`region.read_around_error`, with no lower bound on its size, and held to Lark's
reading of the whole text.

    pytest -p region_oracle tests/test_syntax_slips.py ...

(run from tests/, or with tests/ on the path). Each text the region reading gives
an answer for is compared (diagnostics, AST, comments) with `build(parse(text))`;
the run fails at its end when any differ, and writes them to the file named by
REGION_ORACLE_OUT (default /tmp/region_oracle_differ.txt).
"""

from __future__ import annotations

import os

import pytest

counts = {"around": 0, "whole": 0}
differ: list[str] = []
_inside = [False]


def _same(read, whole) -> bool:
    if read != whole:
        return False
    return read[0] is None or read[0].comments == whole[0].comments


def pytest_configure(config):
    from bkrdsl.syntax import fast, parser, region
    from bkrdsl.syntax.build import build

    region.MIN_TOKENS = 0
    real_parse, unguarded, fast_read = parser.parse, region._read, fast.read_reported  # as before any test patches them

    def real_read(source):
        try:
            return unguarded(source)
        except (region._Unsuited, fast.GiveUp):
            return None

    def checked_read(source, whole=None):
        if _inside[0]:
            return real_read(source)
        _inside[0] = True
        try:
            read = real_read(source)
            if read is None:
                counts["whole"] += 1
                return None
            counts["around"] += 1
            result = whole or real_parse(source)
            if not _same(read, (build(result), list(result.diagnostics))):
                differ.append(source.text)
            return read
        finally:
            _inside[0] = False

    def checked_parse(source):
        result = real_parse(source)
        if not _inside[0] and fast_read(source) is None:
            checked_read(source, result)
        return result

    region._read = checked_read
    parser.parse = checked_parse


def pytest_sessionfinish(session, exitstatus):
    print(f"\nregion oracle: {counts['around']} texts read around their error, {counts['whole']} whole, {len(differ)} differ")
    if differ:
        with open(os.environ.get("REGION_ORACLE_OUT", "/tmp/region_oracle_differ.txt"), "w", encoding="utf-8") as out:
            out.writelines(text + "\n=====\n" for text in differ)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
