"""A missing module (BKR101) says what to write when the standard library has it."""

from __future__ import annotations

import pytest

from bkrdsl.pipeline import analyse

CLUSTER = "cluster A {\n  member M { workers 1 }\n}\n"


def missing(tmp_path, spec: str):
    path = tmp_path / "main.bkr"
    data = f"import {spec}\n{CLUSTER}".encode()
    (found,) = [d for d in analyse(str(path), data, path=path).diagnostics if d.code == "BKR101"]
    assert found.message == f"cannot find module `{spec}`"
    return found.help


@pytest.mark.parametrize(
    ("spec", "meant"), [("zvm73", "std/zvm73"), ("backup-manager.bkr", "std/backup-manager")]
)
def test_a_stdlib_module_imported_without_std_says_to_write_std(tmp_path, spec, meant):
    first, *rest = missing(tmp_path, spec).split("\n")
    assert first == f"`{spec.removesuffix('.bkr')}` is in the standard library: write `import {meant}`"
    assert rest[0] == "searched, in order:"  # and every place searched, as before


def test_a_module_beside_the_file_wins_and_is_no_hint(tmp_path):
    (tmp_path / "zvm73.bkr").write_text("single user SITEADM\n")
    path = tmp_path / "main.bkr"
    data = f"import zvm73\n{CLUSTER}".encode()
    assert "BKR101" not in [d.code for d in analyse(str(path), data, path=path).diagnostics]


def test_a_misspelt_stdlib_module_gets_the_closest_names(tmp_path):
    assert missing(tmp_path, "std/backup-manger").startswith("did you mean `import std/backup-manager`?\n")
    # Equally close: all offered, alphabetically.
    assert missing(tmp_path, "std/zvm37").startswith(
        "did you mean `import std/zvm72`, `import std/zvm73` or `import std/zvm74`?\n"
    )


def test_an_unknown_stdlib_module_lists_the_library(tmp_path):
    assert missing(tmp_path, "std/payroll").startswith("the standard library has `std/backup-manager`, ")


@pytest.mark.parametrize("spec", ["./zvm73", "site/common", "nothing"])
def test_no_hint_for_what_the_library_does_not_have_or_a_relative_path(tmp_path, spec):
    assert missing(tmp_path, spec).startswith("searched, in order:\n")
