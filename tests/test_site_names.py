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


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_site_that_left_out_its_machines_roles_is_told_to_give_them(parser, monkeypatch, tmp_path):
    """The site's own machines declared with their roles left out (`identity user
    NBBKSRV`): BKR205 said only "add `import std/backup-manager`", which, followed,
    gave the cluster IBM's BKRBKUP, BKRCATLG and BKRWRKnn beside the site's machines
    (BKR253 then asked for their 191 disks), and BKR332 called NBBKSRV's `disk` a
    Tape Manager DMM's left out of the `tape manager` statement. Both now say to
    give the declarations their roles, naming them; doing so checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = SITE.read_text()
    unroled = re.sub(r" role [a-z-]+", "", text)
    file = tmp_path / "nbssi.bkr"
    file.write_text(unroled)
    analysis, artifacts = compile_source(file.name, unroled.encode(), path=file)
    assert artifacts is None
    by_code = {}
    for d in analysis.diagnostics:
        by_code.setdefault(d.code, []).append(d)
    assert set(by_code) == {"BKR205", "BKR332"}, [(d.code, d.message) for d in analysis.diagnostics]
    (missing,) = by_code["BKR205"]
    assert "or give the site's own machines their roles: `identity user NBBKSRV role backup-server`" in missing.help
    assert "`disk` names `NBBKSRV`, `NBBKCAT`, `NBBKADM` and `5697J06C`, declared without a role" in missing.help
    helped = {d.span.line: d.help for d in by_code["BKR332"] if "declared without a role" in d.message}
    assert len(helped) == 3, [d.message for d in by_code["BKR332"]]  # NBBKSRV, NBBKCAT, NBBKADM
    assert all("give its declaration its role" in h and "catalog-dmm" not in h for h in helped.values())
    assert "`identity user NBBKSRV role ROLE`" in " ".join(helped.values())
    # The help followed: each declaration given its role (the fixture's), nothing else.
    analysis, artifacts = compile_source(SITE.name, SITE.read_bytes(), path=SITE)
    assert artifacts is not None and not analysis.diagnostics
