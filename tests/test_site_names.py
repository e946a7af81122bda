"""A second site's names: tests/cms/clusters/nbssi.bkr names every machine its
own way (NBBKSRV, NBBKCAT, NBWRKnn, NBBKADM; the SFS server NBCATSFS of pool
NBCATPL; Tape Manager's NBTMCAT and NBTMREQ; members NBPRDA-NBPRDC). No file
bkrc writes for it may name IBM's machines, or the examples' members, volumes
and pools, where the site's are meant: a sysprog reading BKRBKUP in a
comment of BKRSTART looks for a machine the site does not have."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bkrdsl.pipeline import compile_source

SITE = Path(__file__).resolve().parent / "cms" / "clusters" / "nbssi.bkr"

#: The names the examples and the standard library use, as whole words: each
#: would be another site's (IBM's defaults, prodssi's members, volumes and pools).
DEFAULTS = re.compile(
    r"\b(BKRBKUP|BKRCATLG|BKRWRK\w*|BKRADMIN|BKRSVSFS|BKRPOOL|BKUPPOOL|TCTMM|TRTMM|TCDMM|TRDMM"
    r"|VMSYS\d*|M\dPRV\d|VMCOM\d|PRODSSI)\b"
)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_no_generated_file_names_a_default_machine_where_the_sites_is_meant(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    analysis, artifacts = compile_source(SITE.name, SITE.read_bytes(), path=SITE)
    assert artifacts is not None, [d.message for d in analysis.diagnostics]
    assert not analysis.diagnostics, [d.message for d in analysis.diagnostics]
    found = {
        f"{artifact.path}:{number}: {line}"
        for artifact in artifacts
        for number, line in enumerate(artifact.text.splitlines(), 1)
        if DEFAULTS.search(line)
    }
    assert not found, "\n".join(sorted(found))
    # The machines the site names are the ones written: its backup server in
    # each member's BKRSTART, where CP's answer to QUERY USER is shown.
    starts = [a for a in artifacts if a.path.endswith("BKRSTART.EXEC")]
    assert len(starts) == 3
    for start in starts:
        assert "(NBBKSRV  - DSC)" in start.text
