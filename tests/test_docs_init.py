"""docs/init.md's claims about `bkrc init --directory` against a directory kept
by hand (no DIRMAINT machine, BKR533), held to what init writes.

The page says that for examples/bank.direct init gives every `disk` statement
its place (`disk BKRBKUP 191 size 10 cyl on PAPRV1 at 29046`, the same on
PBPRV1 to PDPRV1, `disk BKRADMIN 191 size 10 cyl on BKCOM1 at 5716`, ...),
"the places examples/bank.bkr has", and that the file checks clean against the
directory. The two files name different machines (init has no `--tape`, and
bank.bkr runs two workers on PRODC and PRODD): each statement both have gives
the same place.

The page also counts the warnings `bkrc init --directory` prints, and quotes the
line after `wrote` that counts them (`which prints the N warnings below (CODES)`):
each count and each quoted line is held to a run of the case the page gives it,
and every such line the page quotes is one of those run here, so none can drift.
"""

from __future__ import annotations

import re
from collections import Counter

from conftest import EXAMPLES, ROOT, run_cli
from test_init_directory import every_a_disk_global, sfs_server, with_entries

PAGE = ROOT / "docs" / "init.md"
PLACED = re.compile(r"^ *disk (\S+) (\S+) size \d+ cyl on (\S+) at (\d+)", re.MULTILINE)


def places(text: str) -> dict[tuple[str, str, str], str]:
    """(machine, address, volume) -> first cylinder of each placed `disk` statement."""
    return {(user, address, volume): start for user, address, volume, start in PLACED.findall(text)}


def test_init_against_bank_direct_writes_the_places_bank_bkr_has(tmp_path):
    page = " ".join(PAGE.read_text(encoding="utf-8").split())
    assert "`disk BKRBKUP 191 size 10 cyl on PAPRV1 at 29046` and the same on PBPRV1 to PDPRV1" in page
    assert "`disk BKRADMIN 191 size 10 cyl on BKCOM1 at 5716`" in page
    assert "the places examples/bank.bkr has" in page
    path = tmp_path / "bank.bkr"
    run_cli(["init", path, "--cluster", "BANKSSI", "--directory", EXAMPLES / "bank.direct"], expect=0)
    written = places(path.read_text(encoding="utf-8"))
    bank = places((EXAMPLES / "bank.bkr").read_text(encoding="utf-8"))
    assert written[("BKRADMIN", "191", "BKCOM1")] == "5716"
    assert {written[("BKRBKUP", "191", f"P{m}PRV1")] for m in "ABCD"} == {"29046"}
    both = written.keys() & bank.keys()
    assert len(both) > 20
    assert {k: (written[k], bank[k]) for k in both if written[k] != bank[k]} == {}
    found = run_cli(["check", path, "--directory", EXAMPLES / "bank.direct"], expect=0)
    assert found.output == ""


COUNTED = re.compile(r"which prints the \d+ warnings? below \([A-Z0-9, ]+\)")


def flat(text: str) -> str:
    return " ".join(text.split())


def init_warnings(tmp_path, directory) -> tuple[Counter, str]:
    """The codes of the warnings `bkrc init --directory` prints, counted, and its line
    after `wrote` that counts them."""
    path = tmp_path / "new.bkr"
    result = run_cli(
        ["init", path, "--cluster", "PRODSSI", "--directory", directory, "--color", "never", "--force"], expect=0
    )
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("wrote ")]
    codes = re.findall(r"^(?:warning|error)\[(BKR\d+)\]", result.stderr, re.MULTILINE)
    return Counter(codes), line


def counted(line: str) -> str:
    (found,) = COUNTED.findall(line)
    return found


def test_the_warnings_init_md_counts_are_those_bkrc_init_prints(tmp_path):
    """prodssi.direct: BKR526 three times and BKR534 once; the site's SFS server on
    top: BKR524 once more; every IDENTITY's 0191 global: BKR401 for the three members
    but member 1. The page's counts, in words and in the quoted lines, are these."""
    page = flat(PAGE.read_text(encoding="utf-8"))
    checked = set()

    codes, line = init_warnings(tmp_path, EXAMPLES / "prodssi.direct")
    assert codes == Counter({"BKR526": 3, "BKR534": 1})
    assert "(examples/prodssi.direct's: BKR526 three times and BKR534 once, 4 warnings," in page
    assert f"for examples/prodssi.direct, `{counted(line)}, as it does now, and nothing else when all is well`" in page
    checked.add(counted(line))

    direct = tmp_path / "USER.DIRECT"
    direct.write_text(with_entries("BKRSVSFS", sfs_server("SFSCATLG", "IUCV ALLOW", "IUCV *IDENT CATPOOL GLOBAL")))
    codes, line = init_warnings(tmp_path, direct)
    assert codes == Counter({"BKR524": 1, "BKR526": 3, "BKR534": 1})
    assert "it prints the one BKR524 above, for `IUCV *IDENT CATPOOL GLOBAL`, besides prodssi.direct's own" in page
    assert f"the line after `wrote` ends `{counted(line)}, as it does now, and nothing else when all is well`" in page
    checked.add(counted(line))

    site = tmp_path / "site.direct"
    site.write_text(every_a_disk_global())
    codes, line = init_warnings(tmp_path, site)
    assert codes == Counter({"BKR401": 3, "BKR526": 3, "BKR534": 1})
    assert f"with every IDENTITY user's 0191 so moved and MAINT's 0CF1 taken out, `{counted(line)}`, BKR401 for VMSYS2, VMSYS3 and VMSYS4)" in page
    checked.add(counted(line))

    assert set(COUNTED.findall(page)) == checked, "a count of warnings the page quotes that no case here runs"


# stop 73, h6: where `--tape` puts the catalog node, as the page says
def test_h6_73_the_tape_catalog_node_is_on_the_catalog_s_member(tmp_path):
    # A newcomer whose tape is on VMC, the catalog on VMA: the page did not say on which
    # member `--tape` puts Tape Manager's catalog node. It says the catalog's
    # (`--catalog-member`), and that moving it is `on MEMBER` after `catalog-node`,
    # with the request nodes' volumes BKR252 names (none here): so moved, it checks clean.
    page = " ".join(PAGE.read_text(encoding="utf-8").split())
    assert "a catalog node (`TCTMM`, `TCDMM`) on the catalog's member (`--catalog-member`;" in page
    out = run_cli(["init", "-", "--cluster", "ABC", "--member", "VMA", "--member", "VMB", "--member", "VMC",
                   "--catalog-member", "VMB", "--tape"], expect=0).stdout
    assert "  tape manager shared catalog-node TCTMM on VMB request-node TRTMM\n" in out
    assert "  catalog shared server BKRSVSFS pool BKRPOOL on VMB\n" in out
    moved = out.replace("catalog-node TCTMM on VMB", "catalog-node TCTMM on VMC", 1)
    path = tmp_path / "abc.bkr"
    path.write_text(moved)
    assert run_cli(["check", path], expect=0).output == ""  # without --directory no disk names a volume


# stop 74, h9: deploy.md's answer to "does the switch back up what my templates did?"
def test_h9_74_deploy_md_names_the_show_line_that_lists_a_minidisk_no_job_selects(tmp_path):
    # A template diff compares text (`0100 - 0102` beside `0100 - 0FFF`); deploy.md's
    # "Coming from hand-written templates" now points at `bkrc show --directory`, whose
    # line it quotes names a minidisk the jobs leave out (DB2PRD's 0200, the include
    # narrowed to 0191) and, with the file as init wrote it, is not printed.
    page = " ".join((ROOT / "docs" / "deploy.md").read_text(encoding="utf-8").split())
    assert 'under each member, "minidisks no job selects" names every minidisk of the groups\' users left out' in page
    direct = EXAMPLES / "prodssi.direct"
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    shown = run_cli(["show", path, "--directory", direct], expect=0).stdout
    assert "minidisks no job selects" not in shown
    # Both of APPS's jobs narrowed (stop 74, h14: init writes APPSFULL and APPSINC).
    text = path.read_text(encoding="utf-8").replace("include minidisk * 0100-0FFF", "include minidisk * 0191")
    path.write_text(text, encoding="utf-8")
    shown = run_cli(["show", path, "--directory", direct], expect=0).stdout
    (line,) = {line.strip() for line in shown.splitlines() if "minidisks no job selects" in line}
    assert "DB2PRD 0200" in line


# stop 75, h5: the warnings no statement avoids are said in the file, as the page quotes
def test_h5_75_the_comment_init_md_quotes_names_the_warnings_init_prints(tmp_path):
    """The page quotes the comment above the `disk` statements for prodssi.direct; it is
    init's, and it names each code init prints after `wrote` (BKR526, BKR534), so that
    the warnings a newcomer reads are said in the file too."""
    page = flat(PAGE.read_text(encoding="utf-8"))
    quoted = "`bkrc check --directory prodssi.direct` gives 4 warnings here (BKR526 x3, BKR534), which this file cannot avoid"
    assert f"prodssi.direct: `` {quoted} ``" in page
    site = tmp_path / "prodssi.direct"
    site.write_bytes((EXAMPLES / "prodssi.direct").read_bytes())
    codes, _ = init_warnings(tmp_path, site)
    comments = flat(" ".join(line.strip().lstrip("#") for line in (tmp_path / "new.bkr").read_text().splitlines() if line.strip().startswith("#")))
    assert quoted in comments
    assert all(f"({code})" in comments for code in codes)


# stop 82, h7: the page's first commands, typed one after the other in a clone
def test_h7_82_the_first_commands_typed_in_order_each_write_their_file(tmp_path, monkeypatch):
    """The page's first ```sh block, typed line by line in a folder that holds
    examples/, with `USER.DIRECT` given as the page says to try it in the clone
    (`examples/prodssi.direct`): each line exits 0 and writes its own file. The
    third line wrote prodssi.bkr again, which the first had written: `bkrc:
    prodssi.bkr: already exists; nothing written`, exit 2."""
    import shlex
    import shutil

    page = PAGE.read_text(encoding="utf-8")
    block = re.search(r"^```sh\n(.*?)^```\n(.*?)\n\n", page, re.MULTILINE | re.DOTALL)
    lines, after = block.group(1).splitlines(), " ".join(block.group(2).split())
    assert "give it `examples/prodssi.direct`" in after and "Each line writes a file of its own" in after
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    written = []
    for line in lines:
        command = line.split("#", 1)[0].split("|", 1)[0].replace("USER.DIRECT", "examples/prodssi.direct")
        args = shlex.split(command)
        assert args[:2] == ["bkrc", "init"], line
        run_cli(args[1:], expect=0)
        if args[2] != "-":
            assert (tmp_path / args[2]).is_file() and args[2] not in written, line
            written.append(args[2])
    assert len(written) == 2
