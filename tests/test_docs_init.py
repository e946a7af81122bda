"""docs/init.md's claims about `bkrc init --directory` against a directory kept
by hand (no DIRMAINT machine, BKR533), held to what init writes.

The page says that for examples/bank.direct init gives every `disk` statement
its place (`disk BKRBKUP 191 size 10 cyl on PAPRV1 at 29046`, the same on
PBPRV1 to PDPRV1, `disk BKRADMIN 191 size 10 cyl on BKCOM1 at 5716`, ...),
"the places examples/bank.bkr has", and that the file checks clean against the
directory. The two files name different machines (init has no `--tape`, and
bank.bkr runs two workers on PRODC and PRODD): each statement both have gives
the same place.
"""

from __future__ import annotations

import re

from conftest import EXAMPLES, ROOT, run_cli

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
