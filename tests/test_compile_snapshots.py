"""Every file `bkrc compile` writes for every example, one snapshot per file.

Each snapshot is the generated file itself, named after its output path
(`__snapshots__/test_compile_snapshots/prodssi__VMSYS1__SYSINC1.TEMPLATE.txt`),
so a review diff reads like a diff of the real template, EXEC or directory
entry. Update with `pytest tests/test_compile_snapshots.py --snapshot-update`
after reading what changed.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from conftest import EXAMPLES
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from bkrdsl.diagnostics.render import render_short
from bkrdsl.dialect import load_dialect
from bkrdsl.output import MANIFEST, manifest_text, source_records
from bkrdsl.pipeline import compile_source


class GeneratedFile(SingleFileSnapshotExtension):
    """A text snapshot named after the example and the output path of the file it holds."""

    _write_mode = WriteMode.TEXT
    file_extension = "txt"

    @classmethod
    def get_snapshot_name(cls, *, test_location, index=0) -> str:
        name = test_location.testname  # test_generated_file[prodssi/VMSYS1/SYSIN1.TEMPLATE]
        return name[name.index("[") + 1 : -1].replace("/", "__")


EXAMPLE_FILES = sorted(EXAMPLES.glob("*.bkr"))


@functools.cache
def generated(example: Path) -> dict[str, str]:
    """{output path: text} of one example, the manifest included (as `bkrc compile`
    writes it: the built-in table, which compile_source writes from, and the source
    files read, recorded)."""
    analysis, artifacts = compile_source(str(example), example.read_bytes(), path=example)
    if artifacts is None:
        errors = [d for d in analysis.diagnostics if d.is_error]
        return {"<errors>": render_short(errors)}
    files = {a.path: a.text for a in artifacts}
    sources = source_records(analysis.name, example.name, analysis.program.sources)
    files[MANIFEST] = manifest_text(example.name, artifacts, load_dialect(), sources)
    return files


CASES = [(example, path) for example in EXAMPLE_FILES for path in generated(example)]


@pytest.mark.parametrize(
    "example, path", CASES, ids=[f"{example.stem}/{path}" for example, path in CASES]
)
def test_generated_file(example, path, snapshot):
    assert path != "<errors>", generated(example)[path]
    assert generated(example)[path] == snapshot(extension_class=GeneratedFile)


def test_every_example_compiles():
    broken = {e.name: generated(e).get("<errors>") for e in EXAMPLE_FILES if "<errors>" in generated(e)}
    assert not broken, broken


CMS_LINKS = (0x0190, 0x019D, 0x019E)  # MAINT's CMS disks, linked in most directory entries


def _ranges(text: str, verb: str) -> list[tuple[int, int]]:
    """The address ranges of a template's `verb MINIDISK owner = FROM - TO` records."""
    found = []
    for line in text.splitlines():
        words = line.split()
        if words[:2] == [verb, "MINIDISK"] and words[3] == "=":
            found.append((int(words[4], 16), int(words[6], 16)))
    return found


TEMPLATES = [(example, path) for example, path in CASES if path.endswith(".TEMPLATE")]


@pytest.mark.parametrize(
    "example, path", TEMPLATES, ids=[f"{example.stem}/{path}" for example, path in TEMPLATES]
)
def test_example_jobs_exclude_the_cms_links(example, path):
    """The examples are what newcomers copy: a job whose includes reach 0190, 019D or
    019E excludes them, as docs/language.md ("Why `exclude minidisk * 0190 019D 019E`")
    says to, so that no example backs up the links to MAINT's CMS disks."""
    text = generated(example)[path]
    reached = {a for a in CMS_LINKS for lo, hi in _ranges(text, "INCLUDE") if lo <= a <= hi}
    excluded = {a for a in CMS_LINKS for lo, hi in _ranges(text, "EXCLUDE") if lo <= a <= hi}
    assert reached <= excluded, f"{path} includes {sorted(f'{a:04X}' for a in reached - excluded)}"
