"""`link MACHINE OWNER VADDR [as VADDR2] MODE` in the cluster block (stop 83, the team's
decision): a CP LINK a product machine's compiled directory entry keeps. A site whose
Backup Manager machines link the product's code from the installation user (Nordbank's
`LINK 5697J06C 05E5 05E5 RR`) had BKR524 from `bkrc check --directory` for every
machine, the only carrier a site dialect table; now the file states the LINK, the
compile writes it after the dialect table's statements, and BKR524 counts it as kept.
Each case runs under both parsers."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES, ROOT, run_cli

from bkrdsl.cpdirectory import read_directory
from bkrdsl.pipeline import analyse

MINIMAL = (EXAMPLES / "minimal.bkr").read_text(encoding="utf-8")
PRODSSI = EXAMPLES / "prodssi.bkr"
DISKS = "  disk BKRWRK* 191 size 5 cyl\n"
assert MINIMAL.count(DISKS) == 1

PARSERS = pytest.mark.parametrize("parser", ["fast", "lark"])


def linked(*lines: str, base: str = MINIMAL) -> str:
    """examples/minimal.bkr with `lines` after its last `disk` statement."""
    return base.replace(DISKS, DISKS + "".join(f"  {line}\n" for line in lines))


def diagnostics(text: str, **kwargs):
    return analyse("site.bkr", text.encode("utf-8"), **kwargs).diagnostics


def codes(text: str, **kwargs) -> list[str]:
    return [d.code for d in diagnostics(text, **kwargs)]


@PARSERS
def test_the_statement_reads_and_formats_in_both_parsers(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    from bkrdsl.fmt import format_text

    text = linked("link   bkrbkup 5697j06c 5e5 rr  # the product's code", "link BKRWRK* 5697J06C 05E5 AS 395 Mr")
    assert codes(text) == []
    settings = [s for s in analyse("site.bkr", text.encode()).model.settings if s.keyword == "link"]
    assert [[w.upper for w in s.values] for s in settings] == [
        ["BKRBKUP", "5697J06C", "5E5", "RR"],
        ["BKRWRK*", "5697J06C", "05E5", "395", "MR"],
    ]
    formatted = format_text(text, "site.bkr")
    assert "  link BKRBKUP 5697J06C 5E5 RR  # the product's code\n" in formatted
    assert "  link BKRWRK* 5697J06C 05E5 as 395 MR\n" in formatted
    assert format_text(formatted, "site.bkr") == formatted


@PARSERS
@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("link", "the product machine's user ID"),
        ("link BKRBKUP", "the user ID that owns the disk"),
        ("link BKRBKUP 5697J06C", "the disk's virtual address in its owner's entry"),
        ("link BKRBKUP 5697J06C 05E5", "the link mode (R, RR, W, WR, M, MR or MW), or `as` and another address"),
        ("link BKRBKUP 5697J06C 05E5 as", "the virtual address the machine links the disk at"),
        ("link BKRBKUP 5697J06C 05E5 as 0395", "the link mode (R, RR, W, WR, M, MR or MW)"),
    ],
)
def test_a_half_typed_statement_says_what_is_missing(line, said, parser, monkeypatch):
    """A `link` cut short before the next statement is one syntax error that names the word due."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    found = diagnostics(linked(line))
    assert len(found) == 1 and found[0].code.startswith("BKR0"), found
    assert said in found[0].message + " " + (found[0].help or ""), found[0]


@PARSERS
def test_the_compile_writes_each_link_after_the_table_s_statements(parser, monkeypatch, tmp_path):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    path = tmp_path / "site.bkr"
    path.write_text(linked("link BKRBKUP 5697J06C 5E5 rr", "link BKRWRK* 5697J06C 05E5 as 395 MR"), encoding="utf-8")
    run_cli(["compile", path, "-o", tmp_path / "out"], expect=0)
    entry = (tmp_path / "out" / "cluster" / "BKRBKUP.DIRECT").read_text(encoding="utf-8").splitlines()
    # in the IDENTITY itself, after the table's LINKs: every member's instance links it
    assert entry[-2:] == [" LINK MAINT 019E 019E RR", " LINK 5697J06C 05E5 05E5 RR"]
    assert not any("5697J06C" in line for line in (tmp_path / "out" / "cluster" / "BKRBUP-1.DIRECT").open())
    for worker in ("BKRWRK01", "BKRWRK02"):
        text = (tmp_path / "out" / "cluster" / f"{worker}.DIRECT").read_text(encoding="utf-8")
        assert text.endswith(" LINK MAINT 019E 019E RR\n LINK 5697J06C 05E5 0395 MR\n")
    catalog = (tmp_path / "out" / "cluster" / "BKRCATLG.DIRECT").read_text(encoding="utf-8")
    assert "5697J06C" not in catalog
    every = [line for f in (tmp_path / "out").rglob("*.DIRECT") for line in f.read_text().splitlines()]
    assert max(map(len, every)) <= 72


@PARSERS
@pytest.mark.parametrize(
    ("line", "code", "help"),
    [
        ("link BKRBKP 5697J06C 05E5 RR", "BKR342", "did you mean `BKRBKUP`?"),
        ("link LINUX01 5697J06C 05E5 RR", "BKR342", "name a machine whose entry bkrc writes"),
        ("LINK MAINT 0190 0190 RR", "BKR342", "this is the CP directory's LINK: delete the line"),
        ("LINK TOOLS 0191 0391 RR", "BKR342", "`link BKRBKUP TOOLS 0191 as 0391 RR`"),
        ("link BKRBKUP 5697J06C 05E5 RO", "BKR343", "did you mean `RR`?"),
        ("link BKRBKUP 5697J06C 05E5 XY", "BKR343", "write one of CP's link modes"),
        ("link BKRBKUP 5697J06C@1 05E5 RR", "BKR301", "write the user ID whose entry has the minidisk"),
        ("link BKRBKUP 5697J06C 05G5 RR", "BKR310", "an address is 1-4 hex digits"),
        ("link BKRBKUP 5697J06C 05E5 as 10000 RR", "BKR310", "an address is 1-4 hex digits"),
        ("link BKRBKUP 5697J06C 191 RR", "BKR256",
         "write `link BKRBKUP 5697J06C 191 as 0192 RR` for `link BKRBKUP 5697J06C 191 RR`"),
        ("link BKRWRK* 5697J06C 05E5 as 0009 RR", "BKR256", "as 000A RR"),
    ],
)
def test_each_mistake_is_one_error_with_its_help(line, code, help, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    (found,) = diagnostics(linked(line))
    assert (found.code, found.severity.value) == (code, "error"), found
    assert help in " ".join(found.help.split()), found.help


@PARSERS
def test_a_second_link_at_one_address_is_bkr115_and_the_first_is_compiled(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = linked("link BKRBKUP 5697J06C 05E5 RR", "link BKRBKUP 5697J06D 05E6 as 5E5 RR", "link BKRCATLG 5697J06C 05E5 RR")
    (found,) = diagnostics(text)
    assert found.code == "BKR115" and found.span.line == 15
    assert found.related[0].span.line == 14
    model = analyse("site.bkr", text.encode()).model
    assert model.links_of("BKRBKUP") == ("LINK 5697J06C 05E5 05E5 RR",)


def test_a_pasted_directory_link_in_a_member_block_is_still_a_syntax_error():
    """`link` is a statement of the cluster block only: in a member block the pasted line
    stays the syntax error it was (BKR012's family), not a `link` read silently."""
    text = MINIMAL.replace("private-volume D1PRV1 }", "private-volume D1PRV1\n    LINK MAINT 0190 0190 RR\n  }")
    found = codes(text)
    assert found and all(c.startswith("BKR0") for c in found), found


#: prodssi.direct's BKRBKUP with a tools disk linked, as a site keeps it by hand.
def _tools_direct(tmp_path):
    text = (EXAMPLES / "prodssi.direct").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^( IPL CMS\s*\d*\n)(SUBCONFIG BKRBUP-1)", r"\1 LINK BKRTOOLS 0191 0391 RR\n\2", text, count=1)
    assert "BKRTOOLS" in text
    path = tmp_path / "site.direct"
    path.write_text(text, encoding="utf-8")
    return read_directory(str(path), path.read_bytes())


@PARSERS
def test_bkr524_counts_a_link_the_file_states_as_kept(parser, monkeypatch, tmp_path):
    """Before stop 83 the LINK was BKR524's whatever the file said, its help a site
    dialect table; now the help writes the `link` statement, and with it the warning goes."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    directory = _tools_direct(tmp_path)
    base = PRODSSI.read_text(encoding="utf-8")

    def losses(text):
        found = analyse(str(PRODSSI), text.encode(), path=PRODSSI, directory=directory).diagnostics
        return [d for d in found if d.code == "BKR524" and "BKRTOOLS" in d.message]

    (before,) = losses(base)
    assert before.help == "add `link BKRBKUP BKRTOOLS 0191 as 0391 RR` to the cluster block; or deploy as is"
    after = base.replace("  disk BKRBKUP 191 size 10 cyl\n", "  disk BKRBKUP 191 size 10 cyl\n  link BKRBKUP BKRTOOLS 0191 as 0391 RR\n")
    assert after != base
    assert losses(after) == []


def test_nbssi_s_links_stated_leave_no_bkr524_for_them(tmp_path):
    """Nordbank's machines each link 5697J06C's 05E5: `bkrc init --directory` writes the
    four statements (the workers by their pattern, not MAINT's 0190, 019D and 019E, which
    the dialect table writes), and `bkrc check --directory` names no LINK (was BKR524 x4)."""
    direct = ROOT / "tests" / "cms" / "clusters" / "nbssi.direct"
    path = tmp_path / "nb.bkr"
    run_cli(["init", path, "--cluster", "NBSSI", "--directory", direct], expect=0)
    text = path.read_text(encoding="utf-8")
    written = [line.strip() for line in text.splitlines() if line.strip().startswith("link ")]
    assert written == [f"link {m} 5697J06C 05E5 RR" for m in ("NBBKSRV", "NBBKCAT", "NBWRK*", "NBBKADM")]
    out = run_cli(["check", path, "--directory", direct, "--format", "short"], expect=0).output
    assert "LINK 5697J06C" not in out, out
    run_cli(["fmt", "--check", path], expect=0)
    # the statements taken out, the four BKR524 are back: it is the statements that keep them
    path.write_text("".join(line for line in text.splitlines(keepends=True) if not line.strip().startswith("link ")))
    out = run_cli(["check", path, "--directory", direct, "--format", "short"], expect=0).output
    assert out.count("`LINK 5697J06C 05E5 05E5 RR`") == 4, out


def test_init_writes_a_worker_s_own_link_by_its_id_and_leaves_the_table_s_to_it(tmp_path):
    """A LINK only one worker has is that worker's statement; MAINT's 0190 in the site's
    entry is the dialect table's (written anyway), no statement."""
    direct = ROOT / "tests" / "cms" / "clusters" / "nbssi.direct"
    text = direct.read_text(encoding="utf-8")
    site = tmp_path / "nb.direct"
    marker = "IDENTITY NBWRK02 "
    assert text.count(marker) == 1
    head, tail = text.split(marker)
    ipl = " IPL CMS PARM AUTOCR\n"
    assert ipl in tail
    tail = tail.replace(ipl, ipl + " LINK NBTOOLS 0200 0300 RR\n LINK MAINT 0190 0190 RR\n", 1)
    site.write_text(head + marker + tail)
    path = tmp_path / "nb.bkr"
    run_cli(["init", path, "--cluster", "NBSSI", "--directory", site], expect=0)
    written = [line.strip() for line in path.read_text().splitlines() if line.strip().startswith("link ")]
    assert "link NBWRK02 NBTOOLS 0200 as 0300 RR" in written
    assert not any("MAINT" in line for line in written)
    out = run_cli(["check", path, "--directory", site, "--format", "short"], expect=0).output
    assert "LINK NBTOOLS" not in out and "LINK 5697J06C" not in out, out


@PARSERS
@pytest.mark.parametrize("where", ["  shared-volume VMCOM1\n", "  disk TRDMM 191 size 10 cyl\n"])
def test_a_pasted_maint_link_in_the_cluster_block_is_bkr342_whose_fix_deletes_it(where, parser, monkeypatch):
    """Before stop 83 `LINK MAINT 0190 0190 RR` pasted into the cluster block was BKR012 (a
    CP directory statement), its fix removing the line; now it reads as a `link` of a machine
    MAINT: BKR342, whose help says the dialect table links MAINT's disks already and whose
    fix deletes the line, after which the file checks clean."""
    from bkrdsl.fixes import apply_edits

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    base = PRODSSI.read_text(encoding="utf-8")
    assert where in base
    text = base.replace(where, where + "  LINK MAINT 0190 0190 RR  # pasted\n", 1)
    (found,) = [d for d in diagnostics(text) if d.code == "BKR342"]
    assert "delete the line" in found.help and found.fix is not None
    mended = apply_edits(text, found.fix.edits)
    assert "LINK MAINT" not in mended
    assert [d.code for d in diagnostics(mended)] == [d.code for d in diagnostics(base)]
