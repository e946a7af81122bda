"""A volume's size stated in its volume list (`private-volume M1PRV1 3390-3`,
docs/language.md "Volume sizes"): both parsers split labels from sizes alike, the
model and the directory entries see the labels only, `bkrc fmt` keeps the sizes,
the language server shows them, and minidisks past a stated end are BKR254, for
explicit extents and for the extents sequential allocation hands out."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from test_compile_emit import TABLE
from test_fmt_outline import assert_same_both_ways
from test_lsp_features import doc_at

from bkrdsl import ast
from bkrdsl.dialect import load_dialect
from bkrdsl.fmt import format_text
from bkrdsl.lsp import features as F
from bkrdsl.pipeline import compile_source
from bkrdsl.source import Source
from bkrdsl.syntax import fast
from bkrdsl.syntax.build import build
from bkrdsl.syntax.parser import parse

CLUSTER = """\
import std/backup-manager
cluster TESTSSI {{
  member VM1 {{ workers 2  private-volume {private} }}
  shared-volume {shared}
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VM1 {{
    purge weekly sun 06:00
    retain 30 days
  }}
  single group GUESTS {{ LINUX01 }}
  job GUESTFUL {{
    backup GUESTS full
    include minidisk * *
    to disk
    run on VM1 daily 01:00
  }}
  disk BKRSVSFS 191 size 20 cyl
  disk 5697J06C 191 size 20 cyl
  disk BKRADMIN 191 size 20 cyl
  disk BKRBKUP 191 size 10 cyl
  disk BKRCATLG 191 size 10 cyl
  disk BKRWRK* 191 size 5 cyl
}}
"""


def cluster(private: str = "V1PRV1", shared: str = "SHR001") -> str:
    return CLUSTER.format(private=private, shared=shared)


@pytest.fixture
def sequential(tmp_path):
    site = tmp_path / "seq.toml"
    site.write_text(TABLE.read_text().replace('value = "autov"', 'value = "sequential"'))
    return load_dialect(path=str(site))


def compiled(text: str, dialect=None):
    """(the diagnostics' codes, {path: text} of the directory entries or None)."""
    analysis, artifacts = compile_source("test.bkr", text.encode(), dialect=dialect)
    codes = [d.code for d in analysis.diagnostics]
    files = None if artifacts is None else {a.path: a.text for a in artifacts if a.kind == "directory"}
    return codes, files, analysis


def volume_lists(module: ast.Module) -> list[ast.Setting]:
    (c,) = module.clusters
    return [s for s in c.settings if s.keyword == "shared-volume"] + [
        s for m in c.members for s in m.settings if s.keyword == "private-volume"
    ]


# ------------------------------------------------------------------ reading
LIST = "VMCOM1 3390-9 VMCOM2 VMEAV1 262668-cyl 3390-5 3390-3 X 10-trk 20-blk"


def test_both_parsers_split_labels_from_sizes_alike():
    """A size-shaped word right after a label is its size; first in the list, or
    right after another size, it is a label (BKR305 says so)."""
    source = Source.of("t.bkr", cluster(private="P1 3390-27", shared=LIST))
    module, result = fast.read(source), parse(source)
    assert module is not None and module == build(result) and list(result.diagnostics) == []
    shared, private = volume_lists(module)
    assert [w.text for w in shared.values] == ["VMCOM1", "VMCOM2", "VMEAV1", "3390-5", "X", "20-blk"]
    assert [(s.label.text, s.size.text) for s in shared.sizes] == [
        ("VMCOM1", "3390-9"),
        ("VMEAV1", "262668-cyl"),
        ("3390-5", "3390-3"),
        ("X", "10-trk"),
    ]
    assert [w.text for w in shared.written] == LIST.split()
    assert [(s.label.text, s.size.text) for s in private.sizes] == [("P1", "3390-27")]


def test_sizes_are_not_volumes_and_change_no_directory_entry():
    plain_codes, plain, _ = compiled(cluster())
    codes, sized, analysis = compiled(cluster(private="V1PRV1 3390-9", shared="SHR001 10017-cylinders"))
    assert plain_codes == codes == [] and sized == plain
    model = analysis.model
    assert model.shared_volumes == ("SHR001",) and model.members[0].private_volumes == ("V1PRV1",)
    assert {v: (c.count, c.unit) for v, c in model.volume_sizes.items()} == {
        "V1PRV1": (10017, "CYL"),
        "SHR001": (10017, "CYL"),
    }


@pytest.mark.parametrize(
    ("shared", "message"),
    [
        ("SHR001 3390-5", "`3390-5` is no 3390 model bkrc knows the size of"),
        ("SHR001 10-trk", "`10-trk` states no size: `trk` is neither a 3390 model nor a unit"),
        ("SHR001 0-cyl", "`0-cyl` states cylinders out of range: a volume has 1 to 1,182,006 cylinders"),
        ("SHR001 4294967297-blk", "a volume has 1 to 4,294,967,296 blocks"),
    ],
)
def test_a_size_that_states_none_is_bkr336(shared, message):
    codes, files, analysis = compiled(cluster(shared=shared))
    assert codes == ["BKR336"] and files is None
    assert analysis.diagnostics[0].message.startswith("the size of `SHR001`: `")
    assert message in analysis.diagnostics[0].message


def test_a_size_first_in_a_list_is_a_label_whose_help_says_where_sizes_go():
    codes, _, analysis = compiled(cluster(shared="3390-3 SHR001"))
    assert codes == ["BKR305"]
    assert "a volume's size goes right after its label" in analysis.diagnostics[0].help


# ------------------------------------------------------------------ BKR254
def test_an_explicit_extent_past_a_stated_end_is_bkr254():
    text = cluster(private="V1PRV1 3390-3").replace(
        "disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 10 cyl on V1PRV1 at 3330"
    )
    codes, files, analysis = compiled(text)
    assert codes == ["BKR254"] and files is None
    (d,) = analysis.diagnostics
    assert d.message == (
        "`V1PRV1` has 3,339 cylinders (3390-3), cylinder 0 to 3,338, but its minidisks reach"
        " cylinder 3,339: BKRBKUP 0191 at 3,330-3,339"
    )
    assert "write `at 3329` for `at 3330` (line 20)" in d.help
    assert (d.span.line, d.span.column) == (text[: text.index("3330")].count("\n") + 1, 45)
    assert d.related[0].span.line == 3  # where the size is stated
    codes, files, _ = compiled(text.replace("at 3330", "at 3329"))
    assert codes == [] and files is not None


def test_sequential_allocation_past_a_stated_end_is_bkr254(sequential):
    """V1PRV1: BKRBKUP at 1-10, BKRCATLG 11-20, the workers 21-25 and 26-30; a
    31-cylinder volume (0 to 30) holds them, a 30-cylinder one does not."""
    codes, files, _ = compiled(cluster(private="V1PRV1 31-cyl"), sequential)
    assert codes == [] and files is not None
    assert " MDISK 0191 3390 26 5 V1PRV1 MR" in files["cluster/BKRW02-1.DIRECT"]
    codes, files, analysis = compiled(cluster(private="V1PRV1 30-cyl"), sequential)
    assert codes == ["BKR254"] and files is None
    (d,) = analysis.diagnostics
    assert d.message == (
        "`V1PRV1` has 30 cylinders, cylinder 0 to 29, but its minidisks reach cylinder 30: BKRBKUP 0191"
        " at 1-10, BKRCATLG 0191 at 11-20, BKRWRK01 0191 at 21-25 and BKRWRK02 0191 at 26-30"
    )
    assert "state `V1PRV1`'s real size" in d.help
    # at the `disk` statement that does not fit: the workers' size
    assert d.span.line == cluster().splitlines().index("  disk BKRWRK* 191 size 5 cyl") + 1
    # DirMaint's allocation (AUTOV) finds the space itself: nothing to say
    assert compiled(cluster(private="V1PRV1 30-cyl"))[0] == []


def test_bkr254_and_the_directory_entries_read_one_allocation(sequential, monkeypatch):
    """The extents BKR254 checks are those the MDISK statements write: one walk of
    the disks per compile, which the check and the emitter share (bkrdsl.allocation)."""
    from bkrdsl import allocation

    walks = []
    walk = allocation._allocate
    monkeypatch.setattr(allocation, "_allocate", lambda model, dialect: walks.append(id(model)) or walk(model, dialect))
    codes, files, analysis = compiled(cluster(private="V1PRV1 31-cyl"), sequential)
    assert codes == [] and files is not None
    assert walks == [id(analysis.model)]
    written = allocation.allocate(analysis.model, sequential)
    assert [(p.owner, p.member, p.volume, p.start, p.size) for p in written.placed if p.owner == "BKRWRK02"] == [
        ("BKRWRK02", "VM1", "V1PRV1", 26, 5)
    ]
    assert " MDISK 0191 3390 26 5 V1PRV1 MR" in files["cluster/BKRW02-1.DIRECT"]
    assert walks == [id(analysis.model)]  # asked again: the same result, not a second walk


def test_sequential_shared_volume_lists_every_disk_on_it(sequential):
    codes, _, analysis = compiled(cluster(shared="SHR001 3390-1").replace("size 20 cyl", "size 500 cyl"), sequential)
    assert codes == ["BKR254"]
    assert "`SHR001` has 1,113 cylinders (3390-1), cylinder 0 to 1,112, but its minidisks reach cylinder 1,500" in (
        analysis.diagnostics[0].message
    )


def test_check_takes_the_dialect_and_reports_sequential_overruns(tmp_path, cli_run):
    """`bkrc check --dialect FILE` reads the site's table as compile does: a site
    without DirMaint sees the extents bkrc would hand out overrun its volume before
    it compiles; a table that cannot be read is a usage error, in bkrc's words."""
    site = tmp_path / "seq.toml"
    site.write_text(TABLE.read_text().replace('value = "autov"', 'value = "sequential"'))
    src = tmp_path / "c.bkr"
    src.write_text(cluster(private="V1PRV1 30-cyl"))
    assert cli_run(["check", "--format", "short", src], expect=0).output == ""
    result = cli_run(["check", "--format", "short", "--dialect", site, src], expect=1)
    assert "error BKR254: `V1PRV1` has 30 cylinders" in result.output
    missing = cli_run(["check", "--dialect", tmp_path / "none.toml", src], expect=2)
    assert "none.toml: no such file (the --dialect table)" in missing.stderr
    assert "'' is empty" in cli_run(["check", "--dialect", "", src], expect=2).stderr


def test_a_minidisk_in_the_other_unit_than_its_volume_s_size_is_bkr247():
    """A volume counted in cylinders holding a minidisk sized in blocks is BKR247 at
    the minidisk's unit, the size shown where it is stated (BKR254 cannot check it)."""
    text = cluster(private="V1PRV1 3390-3").replace("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 99 blk")
    codes, _, analysis = compiled(text)
    assert codes == ["BKR247"]
    (d,) = analysis.diagnostics
    assert d.message == "volume `V1PRV1` has 3,339 cylinders (3390-3), but this minidisk on it is sized in blocks"
    assert d.span.start == text.index("blk")
    assert [(r.span.start, r.label) for r in d.related] == [
        (text.index("3390-3"), "`V1PRV1`'s size, in cylinders, is stated here")
    ]
    assert "size the minidisk in cylinders" in d.help
    # The other way round: blocks stated, cylinders given; the first minidisk is one of them.
    codes, _, analysis = compiled(cluster(private="V1PRV1 2097152-blk"))
    assert codes == ["BKR247"] * 3  # BKRBKUP, BKRCATLG, BKRWRK*
    assert analysis.diagnostics[0].message.startswith("volume `V1PRV1` has 2,097,152 blocks, but")


def test_a_minidisk_sized_in_the_other_unit_than_the_rest_of_its_volume_s_is_bkr247_once_at_it():
    """One `disk` line in blocks among prodssi's in cylinders, the first of the cluster
    (`disk BKRBKUP 191 size 14400 blocks`), is one BKR247, at it, the odd one out: not
    one at each other disk on the volumes it shares, after it only because it is
    first. The disk named beside it is one in the unit most use."""
    base = (Path(__file__).resolve().parent.parent / "examples" / "prodssi.bkr").read_text(encoding="utf-8")
    text = base.replace("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 14400 blocks", 1)
    analysis = compile_source("prodssi.bkr", text.encode())[0]
    (d,) = analysis.diagnostics
    assert (d.code, d.span.start) == ("BKR247", text.index("blocks"))
    assert d.message == "volume `M1PRV1` would hold minidisks sized in cylinders and in blocks"
    assert [(r.span.start, r.label) for r in d.related] == [
        (text.index("cyl", text.index("disk BKRCATLG")), "sized in cylinders here")
    ]


# ------------------------------------------------------------------ one label, two sizes
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("private", "shared", "kept", "other"),
    [
        # shared twice; private to a member and shared; the first size unstated
        ("V1PRV1", "SHR001 3390-3\n  shared-volume SHR001 3390-9", "3390-3", "3390-9"),
        ("V1PRV1 10-cyl", "SHR001 V1PRV1 20-cyl", "10-cyl", "20-cyl"),
        ("V1PRV1", "SHR001 V1PRV1 3390-1 V1PRV1 20-cyl", "3390-1", "20-cyl"),
    ],
)
def test_a_volume_declared_again_with_another_size_says_so(monkeypatch, parser, private, shared, kept, other):
    """BKR325 (a volume declared again) names the two sizes, each shown where it
    is stated, and says which one BKR254 checks the minidisks against."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = cluster(private=private, shared=shared)
    codes, files, analysis = compiled(text)
    assert codes == ["BKR325"] and files is None
    (d,) = analysis.diagnostics
    assert d.message.endswith(f", and the sizes stated differ: {described(kept)}, then {described(other)}")
    assert f"against the first stated, `{kept}`: BKR254" in d.help
    notes = {(n.span.start, n.label) for n in d.related}
    assert (text.index(kept), f"the size bkrc checks against: {kept}") in notes
    assert (text.rindex(other), f"another size: {other}") in notes


def described(word: str) -> str:
    """How a size word reads in a message (`3,339 cylinders (3390-3)`)."""
    from bkrdsl.resolve.model import VolumeCapacity

    return VolumeCapacity.stated(ast.Word(word, None)).described()


@pytest.mark.parametrize("private", ["V1PRV1 3390-9", "V1PRV1"])
def test_a_volume_declared_again_with_the_same_size_or_one_is_the_plain_bkr325(private):
    """`3390-9` and `10017-cyl` are one size; a size stated once differs from none."""
    codes, _, analysis = compiled(cluster(private=private, shared="SHR001 V1PRV1 10017-cyl"))
    assert codes == ["BKR325"]
    assert "sizes" not in analysis.diagnostics[0].message
    assert analysis.diagnostics[0].help == "a volume is private to one member or shared by all, and is declared once"


# ------------------------------------------------------------------ fmt, hover
def test_fmt_keeps_sizes_and_writes_their_unit_in_lower_case():
    text = cluster(private="v1prv1 3390-03", shared="shr001 25-CYL\n                shr002 3390-9")
    want = cluster(private="V1PRV1 3390-03", shared="SHR001 25-cyl SHR002 3390-9")
    assert format_text(text, "t.bkr") == want
    assert assert_same_both_ways(Source.of("t.bkr", text))


def test_hover_on_a_volume_shows_its_size():
    doc, line, column = doc_at(textwrap.dedent(cluster(private="V1PRV1 3390-9")), "private-volume V1P|RV1")
    assert "- size: 10,017 cylinders (3390-9), cylinder 0 to 10,016" in F.hover(doc, line, column).markdown
    doc, line, column = doc_at(cluster(), "private-volume V1P|RV1")
    assert "- size" not in F.hover(doc, line, column).markdown


def test_hover_on_a_size_says_what_it_states():
    text = cluster(private="V1PRV1 3390-9", shared="SHR001 3390-5")
    doc, line, column = doc_at(text, "V1PRV1 339|0-9")
    assert F.hover(doc, line, column).markdown == (
        "**3390-9**: the size of volume `V1PRV1`: 10,017 cylinders (3390-9), cylinder 0 to 10,016"
    )
    doc, line, column = doc_at(text, "SHR001 33|90-5")
    assert F.hover(doc, line, column).markdown.startswith(
        "**3390-5**: meant as the size of volume `SHR001`, but `3390-5` is no 3390 model"
    )

