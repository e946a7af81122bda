"""`subconfig MACHINE NAME` in a member block (stop 81, h8): the SUBCONFIG name a
site's CP directory already gives a product machine's instance on that member, which
the compile writes in place of its own (`BKRBUP-1`). A site whose product was
installed by hand (`BKRBKU-1`, IBM's `NBBKSR-1`) keeps its names, where BKR529 asked
it to rename SUBCONFIGs on live machines; a member removed no longer renumbers the
SUBCONFIGs named so. Each case runs under both parsers."""

from __future__ import annotations

import json
import re

import pytest
from conftest import EXAMPLES, run_cli

from bkrdsl.pipeline import analyse
from bkrdsl.resolve.model import subconfig_id

PRODSSI = EXAMPLES / "prodssi.bkr"
DIRECT = EXAMPLES / "prodssi.direct"
MINIMAL = EXAMPLES / "minimal.bkr"

#: examples/minimal.bkr with DEV1's BKRBKUP and DEV2's first worker named the site's way.
NAMED = MINIMAL.read_text(encoding="utf-8").replace(
    "  member DEV1 { workers 2  private-volume D1PRV1 }\n  member DEV2 { workers 2  private-volume D2PRV1 }\n",
    "  member DEV1 {\n    workers 2\n    private-volume D1PRV1\n    subconfig BKRBKUP BKRBKU-1\n  }\n"
    "  member DEV2 {\n    workers 2\n    private-volume D2PRV1\n    subconfig bkrwrk01 NBWK01-2\n  }\n",
)

PARSERS = pytest.mark.parametrize("parser", ["fast", "lark"])


def diagnostics(text: str, **kwargs):
    return analyse("site.bkr", text.encode("utf-8"), **kwargs).diagnostics


def site_directory(text: str) -> str:
    """prodssi.direct without its sequence numbers, its SUBCONFIGs of BKRBKUP named
    BKRBKU-n and of BKRWRK01 NBWK01-n, as a product installed by hand names them."""
    text = "\n".join(line[:71].rstrip() for line in text.splitlines()) + "\n"
    return text.replace("BKRBUP-", "BKRBKU-").replace("BKRW01-", "NBWK01-")


@PARSERS
def test_the_statement_parses_and_checks_clean(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert [d.code for d in diagnostics(NAMED)] == []


@PARSERS
def test_the_compile_writes_the_given_names(parser, monkeypatch, tmp_path):
    """The IDENTITY's BUILD statements, the SUBCONFIG entries (file and statement),
    the manifest and README.TXT: the given name; the other instances keep bkrc's."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    source = tmp_path / "named.bkr"
    source.write_text(NAMED, encoding="utf-8")
    run_cli(["compile", source, "-o", tmp_path / "out"], expect=0)
    cluster = tmp_path / "out" / "cluster"
    identity = (cluster / "BKRBKUP.DIRECT").read_text()
    assert " BUILD ON DEV1 USING SUBCONFIG BKRBKU-1\n" in identity
    assert " BUILD ON DEV2 USING SUBCONFIG BKRBUP-2\n" in identity
    worker = (cluster / "BKRWRK01.DIRECT").read_text()
    assert " BUILD ON DEV1 USING SUBCONFIG BKRW01-1\n" in worker and " BUILD ON DEV2 USING SUBCONFIG NBWK01-2\n" in worker
    assert "\nSUBCONFIG BKRBKU-1\n" in (cluster / "BKRBKU-1.DIRECT").read_text()
    assert "\nSUBCONFIG NBWK01-2\n" in (cluster / "NBWK01-2.DIRECT").read_text()
    assert not (cluster / "BKRBUP-1.DIRECT").exists() and not (cluster / "BKRW01-2.DIRECT").exists()
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    paths = {f["path"]: f["member"] for f in manifest["files"]}
    assert paths["cluster/BKRBKU-1.DIRECT"] == "DEV1" and paths["cluster/NBWK01-2.DIRECT"] == "DEV2"
    assert "BKRBKU-1" in (tmp_path / "out" / "README.TXT").read_text()


def test_without_the_statement_the_output_is_bkrc_s_names(tmp_path):
    run_cli(["compile", MINIMAL, "-o", tmp_path / "out"], expect=0)
    assert (tmp_path / "out" / "cluster" / "BKRBUP-1.DIRECT").exists()


@PARSERS
@pytest.mark.parametrize(
    ("line", "code", "message"),
    [
        ("subconfig BKRBKUP BKRBACKUP-1", "BKR301", "SUBCONFIG name: `BKRBACKUP-1` is 11 characters long"),
        ("subconfig BKRBKUP BKR.BKUP", "BKR301", "SUBCONFIG name: `BKR.BKUP` contains `.`"),
        ("subconfig BKRBKUP LOGN0001", "BKR309", "SUBCONFIG name `LOGN0001` is an ID CP reserves for itself"),
        ("subconfig BKRBKUP BKRCLG-2", "BKR242", "SUBCONFIG `BKRCLG-2` of `BKRCATLG` on `DEV2` is also the SUBCONFIG of `BKRBKUP` on `DEV2`"),
        ("subconfig BKRBKUP LINUX01", "BKR242", "user `LINUX01` has the name of `BKRBKUP`'s SUBCONFIG on `DEV2`"),
        ("subconfig BKRBKUP BKRSVSFS", "BKR242", "`BKRSVSFS`, the catalog's SFS file pool server, has the name of `BKRBKUP`'s SUBCONFIG"),
        ("subconfig BKRBKUP BKRBKU-1", "BKR242", "SUBCONFIG `BKRBKU-1` of `BKRBKUP` on `DEV2` is also its SUBCONFIG on `DEV1`"),
        ("subconfig BKRBKUP BKRBKU-9", "BKR115", "a second `subconfig` for `BKRBKUP` in member `DEV2`"),
        # stop 83, h5: a worker's own ID (its pattern declares no user of that ID) checked clean
        ("subconfig BKRWRK02 BKRWRK02", "BKR242", "SUBCONFIG `BKRWRK02` of `BKRWRK02` on `DEV2` has the machine's own ID"),
        ("subconfig BKRBKP BKRBKU-2", "BKR340", "`subconfig` names `BKRBKP`, which is none of the product's machines"),
        ("subconfig BKRWRK03 BKRWK3-2", "BKR340", "`subconfig` names `BKRWRK03`, which is none"),
        ("subconfig BKRADMIN BKRADM-2", "BKR340", "`BKRADMIN`, which is single-configuration: its USER entry has no SUBCONFIG"),
    ],
)
def test_a_name_cp_would_refuse_or_shared_is_one_error(parser, line, code, message, monkeypatch):
    """A name CP refuses (BKR301, BKR309), one name for two instances or an instance
    and a user (BKR242), a second name for one instance (BKR115), and a statement for
    no IDENTITY machine the member runs (BKR340): each one error, at the statement."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = NAMED.replace("    subconfig bkrwrk01 NBWK01-2\n", f"    subconfig bkrwrk01 NBWK01-2\n    {line}\n")
    if code == "BKR115":
        text = text.replace("    subconfig bkrwrk01 NBWK01-2\n", "    subconfig bkrwrk01 NBWK01-2\n    subconfig BKRBKUP BKRBKU-2\n")
    found = diagnostics(text)
    assert [d.code for d in found] == [code], found
    assert message in found[0].message
    # said at the statement (the user's, or the SFS server's, declaration for those two)
    row = [n for n, text_line in enumerate(text.splitlines(), 1) if text_line.strip() == line][-1]
    assert found[0].span.line == row or "user `LINUX01`" in message or "SFS file pool server" in message


@PARSERS
def test_bkr340_offers_the_machine_meant(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = NAMED.replace("subconfig BKRBKUP BKRBKU-1", "subconfig BKRBKP BKRBKU-1")
    (found,) = diagnostics(text)
    assert found.code == "BKR340" and found.help.startswith("did you mean `BKRBKUP`?")
    assert found.fix is not None and found.fix.edits[0].new_text == "BKRBKUP"


@PARSERS
def test_fmt_keeps_the_statement(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    # a member setting as `workers` is: a member block of settings alone stays one line
    # where it fits (docs/fmt.md), so `check --fix`'s statement in a one-line member
    # leaves the file as `bkrc fmt` writes it
    result = run_cli(["fmt", "-"], input="cluster K { member M { workers 1  SUBCONFIG bkrbkup bkrbku-1 } }\n")
    assert "  member M { workers 1  subconfig BKRBKUP BKRBKU-1 }\n" in result.output
    # beside a selection, or past 80 columns, one statement a line
    result = run_cli(
        ["fmt", "-"], input="cluster K { member M { workers 1  exclude minidisk * 0192  subconfig bkrbkup bkrbku-1 } }\n"
    )
    assert "    subconfig BKRBKUP BKRBKU-1\n" in result.output


@PARSERS
def test_bkr529_s_fix_keeps_the_directory_s_names(parser, monkeypatch, tmp_path):
    """A product installed by hand, its SUBCONFIGs BKRBKU-n and NBWK01-n: BKR529's help
    says first to keep them, and `check --fix --directory` writes the `subconfig`
    statements (was: rename the SUBCONFIGs in the live directory, no fix). Then the
    file checks without BKR529 against the directory, and the compile builds the
    instances from the directory's own SUBCONFIGs."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    site = tmp_path / "site.direct"
    site.write_text(site_directory(DIRECT.read_text()), encoding="utf-8")
    bkr = tmp_path / "prodssi.bkr"
    bkr.write_text(PRODSSI.read_text(encoding="utf-8"), encoding="utf-8")
    before = run_cli(["check", bkr, "--directory", site, "--format", "json"], expect=1)
    found = [d for d in json.loads(before.output)["diagnostics"] if d["code"] == "BKR529"]
    assert len(found) == 2
    assert found[0]["help"].startswith(
        "keep the directory's names: write `subconfig BKRBKUP BKRBKU-1` in member `VMSYS1`,"
        " `subconfig BKRBKUP BKRBKU-2` in member `VMSYS2` and 2 more (`bkrc check --fix --directory` writes them)"
    )
    assert "\nor before deploying, rename in the directory each SUBCONFIG" in found[0]["help"]  # the alternative stays
    run_cli(["check", "--fix", bkr, "--directory", site])
    text = bkr.read_text()
    for n in range(1, 5):
        assert f"subconfig BKRBKUP BKRBKU-{n}" in text and f"subconfig BKRWRK01 NBWK01-{n}" in text
    after = run_cli(["check", bkr, "--directory", site, "--format", "json"])
    assert "BKR529" not in {d["code"] for d in json.loads(after.output)["diagnostics"]}
    run_cli(["compile", bkr, "-o", tmp_path / "out", "--directory", site], expect=0)
    identity = (tmp_path / "out" / "cluster" / "BKRBKUP.DIRECT").read_text()
    assert re.findall(r"BUILD ON (\S+) USING SUBCONFIG (\S+)", identity) == [(f"VMSYS{n}", f"BKRBKU-{n}") for n in range(1, 5)]


def test_a_member_retired_keeps_the_other_members_names(tmp_path):
    """VMSYS2 retired: VMSYS3 and VMSYS4 were renumbered, their SUBCONFIGs renamed
    (BKR529). With their names stated, the compile writes the names they have."""
    text = re.sub(r"  member VMSYS2 \{.*?\n  \}\n", "", PRODSSI.read_text(), flags=re.DOTALL).replace(
        "run on VMSYS2", "run on VMSYS3"
    )
    text = text.replace(
        "member VMSYS3 { workers 2  private-volume M3PRV1 }",
        "member VMSYS3 { workers 2  private-volume M3PRV1  subconfig BKRBKUP BKRBUP-3 }",
    ).replace(
        "member VMSYS4 { workers 2  private-volume M4PRV1 }",
        "member VMSYS4 { workers 2  private-volume M4PRV1  subconfig BKRBKUP BKRBUP-4 }",
    )
    source = tmp_path / "retired.bkr"
    source.write_text(text, encoding="utf-8")
    run_cli(["compile", source, "-o", tmp_path / "out"], expect=0)
    identity = (tmp_path / "out" / "cluster" / "BKRBKUP.DIRECT").read_text()
    assert re.findall(r"BUILD ON (\S+) USING SUBCONFIG (\S+)", identity) == [
        ("VMSYS1", "BKRBUP-1"), ("VMSYS3", "BKRBUP-3"), ("VMSYS4", "BKRBUP-4"),
    ]


@PARSERS
@pytest.mark.parametrize("renamed", ["both", "one"])
def test_h1_82_bkr529_s_fix_lays_a_one_line_member_block_out_as_fmt_does(parser, monkeypatch, tmp_path, renamed):
    """BKR529's fix wrote its statements after the last one on a one-line member
    block's line, whatever its width: `member VMSYS1 { workers 4  private-volume M1PRV1
    subconfig BKRBKUP BKRBKU-1  subconfig BKRWRK01 NBWK01-1 }`, 106 columns, which
    `bkrc fmt` then broke into lines. Past 80 columns the fix now writes the block one
    statement a line, the block's trailing comment after its `}`, as fmt does, and
    within 80 (one statement: 79 columns) keeps it on its line; fmt leaves either as is."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    site = tmp_path / "site.direct"
    text = site_directory(DIRECT.read_text())
    if renamed == "one":  # BKRBKUP's alone
        text = text.replace("NBWK01-", "BKRW01-")
    site.write_text(text, encoding="utf-8")
    bkr = tmp_path / "prodssi.bkr"
    source = PRODSSI.read_text(encoding="utf-8").replace(
        "  member VMSYS3 { workers 2  private-volume M3PRV1 }\n",
        "  member VMSYS3 { workers 2  private-volume M3PRV1 }  # the third\n",
    )
    bkr.write_text(source, encoding="utf-8")
    run_cli(["fmt", "--check", bkr], expect=0)
    run_cli(["check", "--fix", bkr, "--directory", site])
    fixed = bkr.read_text(encoding="utf-8")
    if renamed == "one":
        assert "  member VMSYS1 { workers 4  private-volume M1PRV1  subconfig BKRBKUP BKRBKU-1 }\n" in fixed
        assert "  member VMSYS3 { workers 2  private-volume M3PRV1  subconfig BKRBKUP BKRBKU-3 }  # the third\n" in fixed
    else:
        assert (
            "  member VMSYS1 {\n    workers 4\n    private-volume M1PRV1\n    subconfig BKRBKUP BKRBKU-1\n"
            "    subconfig BKRWRK01 NBWK01-1\n  }\n"
        ) in fixed
        assert "    subconfig BKRWRK01 NBWK01-3\n  }  # the third\n  member VMSYS4 {\n" in fixed
    assert max(len(line.split("  #")[0]) for line in fixed.splitlines() if "subconfig" in line) <= 80
    run_cli(["fmt", "--check", bkr], expect=0)
    after = run_cli(["check", bkr, "--directory", site, "--format", "json"])
    assert "BKR529" not in {d["code"] for d in json.loads(after.output)["diagnostics"]}


def test_h1_82_the_fix_s_width_is_fmt_s():
    """BKR529's fix lays a member block out within `bkrc fmt`'s width, with its indent,
    held in check/common.py (the checks do not import the formatter)."""
    from bkrdsl.check.common import FMT_INDENT, FMT_WIDTH
    from bkrdsl.fmt.layout import INDENT, WIDTH

    assert (FMT_WIDTH, FMT_INDENT) == (WIDTH, INDENT)


@PARSERS
def test_h4_83_bkr529_s_longer_name_given_lays_a_one_line_member_block_out_as_fmt_does(parser, monkeypatch, tmp_path):
    """A one-line member block whose `subconfig` statement BKR529's fix gives the
    directory's longer name (`B` to `BKRBKU-1`): the fix wrote it in place, the line
    then 87 columns, which `bkrc fmt` broke; the 80 columns are counted with the
    names written (`check.common.into_one_line_member`), so the block is written one
    statement a line, as fmt writes it."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    site = tmp_path / "site.direct"
    site.write_text(site_directory(DIRECT.read_text()).replace("NBWK01-", "BKRW01-"), encoding="utf-8")
    bkr = tmp_path / "prodssi.bkr"
    line = "  member VMSYS1 { workers 4  private-volume M1PRV1 M1PRV2  subconfig BKRBKUP B }\n"
    assert len(line) == 81  # 80 columns
    bkr.write_text(PRODSSI.read_text(encoding="utf-8").replace(
        "  member VMSYS1 { workers 4  private-volume M1PRV1 }\n", line
    ), encoding="utf-8")
    run_cli(["fmt", "--check", bkr], expect=0)
    run_cli(["check", "--fix", bkr, "--directory", site])
    fixed = bkr.read_text(encoding="utf-8")
    assert (
        "  member VMSYS1 {\n    workers 4\n    private-volume M1PRV1 M1PRV2\n    subconfig BKRBKUP BKRBKU-1\n  }\n"
    ) in fixed
    run_cli(["fmt", "--check", bkr], expect=0)
    after = run_cli(["check", bkr, "--directory", site, "--format", "json"])
    assert "BKR529" not in {d["code"] for d in json.loads(after.output)["diagnostics"]}


# stop 83, h5: found by `.ci/explore`-style draws of clusters() (seed 85, test_show_directory_properties)
@PARSERS
@pytest.mark.parametrize(
    ("member", "tape"),
    [
        ("member VMSYS1 { workers 1  subconfig BKRBKUP 0  subconfig BKRWRK01 BKRWRK01 }", ""),
        ("member VMSYS1 { workers 1  subconfig TRTMM TRTMM }", "  tape manager shared catalog-node TCTMM on M2 request-node TRTMM\n"),
    ],
)
def test_h5_83_a_machine_s_own_id_given_as_its_subconfig_is_refused_not_left_to_compile(
    parser, member, tape, monkeypatch, tmp_path
):
    """`subconfig BKRWRK01 BKRWRK01` (a worker, which its pattern declares) and `subconfig
    TRTMM TRTMM` (the request node, which the tape statement names) checked clean, and
    compile then stopped with "two generated files would both be cluster/BKRWRK01.DIRECT",
    no code, no line: the IDENTITY and its SUBCONFIG would share one ID. Now BKR242 at
    the name given, and compile refuses as check does, writing nothing."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = (
        "import std/backup-manager\ncluster PROP {\n"
        f"  {member}\n  member M2 {{ workers 1  job-suffix B }}\n"
        "  single user BKRSVSFS\n  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n"
        "  expire on VMSYS1 { purge weekly sun 03:00  retain 30 days }\n"
        f"{tape}"
        "  single group GUESTS { LNX01 }\n"
        "  job GUESTS1 {\n    backup GUESTS full\n    include minidisk * *\n    to disk\n"
        "    run on VMSYS1 daily 01:00\n  }\n}\n"
    )
    found = [d for d in diagnostics(text) if d.is_error]
    machine = re.findall(r"subconfig (\S+) \1", member)[0]
    assert [(d.code, d.span.line, d.span.column) for d in found] == [("BKR242", 3, member.rindex(machine) + 3)], found
    assert found[0].message == f"SUBCONFIG `{machine}` of `{machine}` on `VMSYS1` has the machine's own ID"
    assert f"bkrc's own ({subconfig_id(machine, 1)})" in found[0].help
    source = tmp_path / "own.bkr"
    source.write_text(text, encoding="utf-8")
    run_cli(["compile", source, "-o", tmp_path / "out"], expect=1)
    assert not (tmp_path / "out").exists()
