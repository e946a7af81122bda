"""How long rename and find references take across a workspace of files not open.

A rename in a module edits every file of the workspace that imports it, open
in the editor or not (docs/lsp.md). This generates a workspace of small files
(one module, `site.bkr`, and clusters of about 35 lines, some importing it)
and times, through a real `bkrc lsp` process with the module open:

* the first rename of the module's group (cold: every file is walked to, its
  imports read, and each importer analysed from disk, then checked again
  renamed);
* the next renames (warm: files unchanged on disk are not read again);
* find references of the same group (warm);
* in a second server, workspace symbols (`workspace/symbol`), which search
  every file of the workspace: the first query (cold: every file walked to and
  analysed from disk), then a name typed one character at a time, as a symbol
  picker asks (warm: files unchanged on disk are not read again), and the
  empty query that lists everything.

It prints, never asserts (timings are no test):

    python bench/lsp_workspace_bench.py                  # 200 files, all clusters import the module
    python bench/lsp_workspace_bench.py --importers 20   # 200 files, 20 import it
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

SITE = "single group PAYROLL { PAYAPP01 PAYAPP02 }\nidentity group MONITOR { PERFSVM }\n"


def cluster(n: int, imports: bool) -> str:
    """A small clean cluster file; with `imports`, it backs up the module's groups."""
    groups = "" if imports else "  single group PAYROLL { LOCAL01 }\n  identity group MONITOR { LOCALSVM }\n"
    return (
        ("import ./site\n" if imports else "")
        + f"""import std/backup-manager

cluster C{n:04d} {{
  member M{n:04d}A {{ workers 1  private-volume A{n:04d}V }}
  member M{n:04d}B {{ workers 1  private-volume B{n:04d}V }}
  catalog shared server BKRSVSFS pool BKRPOOL on M{n:04d}A
  expire on M{n:04d}A {{
    preview daily 04:00
    purge weekly sat 04:30
    retain 14 days
  }}
{groups}
  job PAYFULL {{
    backup PAYROLL full
    include minidisk * *
    to disk pool TSTPOOL
    run on M{n:04d}B daily 21:00
  }}
  job MONINC {{
    backup MONITOR incremental
    include minidisk * 0191
    to disk pool TSTPOOL
    run on each member daily 05:00
  }}
  disk BKRBKUP 191 size 10 cyl
  disk BKRCATLG 191 size 10 cyl
  disk BKRWRK* 191 size 5 cyl
}}
"""
    )


def write(folder: Path, files: int, importers: int) -> None:
    (folder / "site.bkr").write_text(SITE)
    for n in range(1, files):
        sub = folder / f"site{n // 50:02d}"  # 50 files a folder
        sub.mkdir(exist_ok=True)
        text = cluster(n, n <= importers).replace("import ./site", "import ../site")
        (sub / f"c{n:04d}.bkr").write_text(text)


def median_ms(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    return f"median {statistics.median(ms):7.1f} ms   min {ms[0]:7.1f}   max {ms[-1]:7.1f}   (n={len(ms)})"


async def _start(folder: Path):
    """A fresh `bkrc lsp` on the workspace `folder`, with the module site.bkr open and
    its first diagnostics published: (client, the module's URI)."""
    from lsprotocol import types as T
    from pygls.lsp.client import LanguageClient

    client = LanguageClient("lsp-workspace-bench", "1")
    published = asyncio.get_running_loop().create_future()

    @client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(params: T.PublishDiagnosticsParams) -> None:
        if not published.done():
            published.set_result(None)

    await client.start_io(sys.executable, "-m", "bkrdsl", "lsp")
    await client.initialize_async(
        T.InitializeParams(
            capabilities=T.ClientCapabilities(),
            workspace_folders=[T.WorkspaceFolder(uri=folder.as_uri(), name="bench")],
            initialization_options={"debounce_ms": 0},
        )
    )
    client.initialized(T.InitializedParams())
    uri = (folder / "site.bkr").as_uri()
    opened = T.TextDocumentItem(uri=uri, language_id="bkr", version=1, text=SITE)
    client.text_document_did_open(T.DidOpenTextDocumentParams(text_document=opened))
    await asyncio.wait_for(published, 120)
    return client, uri


async def _stop(client) -> None:
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


async def _session(folder: Path, count: int) -> tuple[float, list[float], list[float], int, int]:
    from lsprotocol import types as T

    client, uri = await _start(folder)
    where = T.TextDocumentIdentifier(uri=uri)
    at = T.Position(line=0, character=15)

    async def rename(n: int):
        return await client.text_document_rename_async(T.RenameParams(text_document=where, position=at, new_name=f"PAY{n}"))

    start = time.perf_counter()
    edit = await rename(0)
    cold = time.perf_counter() - start
    warm = []
    for n in range(1, count + 1):
        start = time.perf_counter()
        await rename(n)
        warm.append(time.perf_counter() - start)
    references = []
    found = []
    for _ in range(count):
        start = time.perf_counter()
        found = await client.text_document_references_async(
            T.ReferenceParams(text_document=where, position=at, context=T.ReferenceContext(include_declaration=True))
        )
        references.append(time.perf_counter() - start)
    await _stop(client)
    return cold, warm, references, len(edit.changes or {}), len(found)


#: What a user types into the symbol picker, one request per character: a job's
#: name on a member, as read in a Backup Manager log.
TYPED = "MONINC2"


async def _symbols_session(folder: Path, count: int) -> tuple[float, list[float], list[float], int, int]:
    """A fresh server with the module open: the first workspace/symbol query (cold),
    then `TYPED` typed `count` times over (each prefix a request), then the empty query."""
    from lsprotocol import types as T

    client, _uri = await _start(folder)

    async def symbols(query: str):
        return await client.workspace_symbol_async(T.WorkspaceSymbolParams(query=query))

    start = time.perf_counter()
    await symbols(TYPED[0])
    cold = time.perf_counter() - start
    typed = []
    found = []
    for _ in range(count):
        for n in range(1, len(TYPED) + 1):
            start = time.perf_counter()
            found = await symbols(TYPED[:n])
            typed.append(time.perf_counter() - start)
    everything = []
    listed = []
    for _ in range(max(1, count // 3)):
        start = time.perf_counter()
        listed = await symbols("")
        everything.append(time.perf_counter() - start)
    await _stop(client)
    return cold, typed, everything, len(found), len(listed)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=200, help=".bkr files in the workspace (default 200)")
    ap.add_argument("--importers", type=int, help="clusters that import the module (default: all)")
    ap.add_argument("-n", type=int, default=9, help="warm requests to time (default 9)")
    args = ap.parse_args(argv)
    importers = args.files - 1 if args.importers is None else args.importers
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write(folder, args.files, importers)
        cold, warm, references, edited, places = asyncio.run(_session(folder, args.n))
        first, typed, everything, hits, listed = asyncio.run(_symbols_session(folder, args.n))
    print(f"workspace: {args.files} files, {importers} import the module; a rename edits {edited} files")
    print(f"rename, first (cold)     {cold * 1000:7.1f} ms")
    print(f"rename, next (warm)      {median_ms(warm)}")
    print(f"references ({places} places) {median_ms(references)}")
    print(f"symbols, first (cold)    {first * 1000:7.1f} ms")
    print(f"symbols, typing {TYPED!r} ({hits} found at the end) {median_ms(typed)}")
    print(f"symbols, empty query ({listed} listed) {median_ms(everything)}")


if __name__ == "__main__":
    main()
