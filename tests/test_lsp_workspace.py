"""Rename and find references reach the workspace's .bkr files the editor has not opened.

Through a real `bkrc lsp` process (pytest-lsp), as in tests/test_lsp.py: a
cluster file on disk that imports a module is renamed with it, and listed by
references; read as `bkrc check` reads it (a byte-order mark, CRLF or CR line
ends), and edited at the places the editor counts. The walk of the workspace
(`bkrdsl.lsp.workspace.bkr_files`) is tested on its own below.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from test_lsp import GOOD

from bkrdsl.lsp.workspace import bkr_files

#: The module, on disk with a byte-order mark and CRLF line ends; the group it
#: declares is on line 1, right after the mark.
SITE = "\ufeffsingle group PAYROLL { PAYAPP01 PAYAPP02 }\r\nidentity group MONITOR { PERFSVM }\r\n"
#: Another cluster that imports it from a subfolder, never opened, CR line ends.
DEV = (
    GOOD.replace("import ./site", "import ../site")
    .replace("cluster TESTSSI", "cluster DEVSSI")
    .replace("TST", "DEV")
    .replace("\n", "\r")
)
#: A cluster that does not import the module, with a group of the same name.
LONE = textwrap.dedent(
    """\
    import std/backup-manager
    single group PAYROLL { LONEAPP }
    cluster LONESSI {
      member LN1 { workers 1 }
      catalog shared server BKRSVSFS pool BKRPOOL on LN1
      expire on LN1 { purge weekly sat 04:30  retain 14 days }
      job LONEFULL {
        backup PAYROLL full
        include minidisk * *
        to disk pool P
        run on LN1 daily 21:00
      }
      disk BKRBKUP 191 size 10 cyl
      disk BKRCATLG 191 size 10 cyl
      disk BKRWRK* 191 size 5 cyl
    }
    """
)
MANIFEST = {"format_version": "1", "source": "main.bkr", "files": []}


def write_workspace(folder: Path) -> None:
    (folder / "site.bkr").write_bytes(SITE.encode("utf-8"))
    (folder / "main.bkr").write_text(GOOD)
    (folder / "dev").mkdir()
    (folder / "dev" / "dev.bkr").write_bytes(DEV.encode("utf-8"))
    (folder / "lone.bkr").write_text(LONE)
    # Never searched: a hidden folder, node_modules, and what `bkrc compile` wrote.
    for skipped in (".git", "node_modules", "out"):
        (folder / skipped).mkdir()
        (folder / skipped / "copy.bkr").write_text(GOOD.replace("import ./site", "import ../site"))
    (folder / "out" / "manifest.json").write_text(json.dumps(MANIFEST))


# ----------------------------------------------------------------- the walk
def test_the_walk_skips_hidden_folders_node_modules_outputs_and_the_standard_library(tmp_path, monkeypatch):
    write_workspace(tmp_path)
    (tmp_path / "out" / "VMSYS1").mkdir()
    (tmp_path / "out" / "VMSYS1" / "deep.bkr").write_text("")
    (tmp_path / "other-manifest").mkdir()  # another tool's manifest.json: searched
    (tmp_path / "other-manifest" / "manifest.json").write_text('{"name": "x"}')
    (tmp_path / "other-manifest" / "kept.bkr").write_text("")
    stdlib = tmp_path / "stdlib"
    stdlib.mkdir()
    (stdlib / "zvm73.bkr").write_text("")
    monkeypatch.setattr("bkrdsl.resources.stdlib_dir", lambda: stdlib)
    found = bkr_files([tmp_path])
    names = [p.relative_to(tmp_path).as_posix() for p in found.files]
    assert names == ["lone.bkr", "main.bkr", "site.bkr", "dev/dev.bkr", "other-manifest/kept.bkr"]
    assert not found.capped
    capped = bkr_files([tmp_path], limit=2)
    assert [p.name for p in capped.files] == ["lone.bkr", "main.bkr"] and capped.capped
