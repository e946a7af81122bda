"""`bkrc lsp` in this process, spoken to in framed JSON-RPC as a client would.

The tests that need the server in their own process (tests/test_lsp_fuzz.py:
its state, and hundreds of messages a second) drive it here. The server reads its messages through pygls's own message
loop, `pygls.io_.run_async`, the loop `start_io` runs on standard input (the
public module of pygls 2 that reads "Content-Length" frames and hands each
message to the protocol: pygls's v2 migration guide, "New pygls.io_ module"),
from an in-memory stream; it writes its answers to a writer given to
`protocol.set_writer` (pygls's public way to set the output, headers
included, as `start_io` sets it), and they are read back as a client reads
them. So the bytes in and out are a client's, framing included, and nothing
below calls the protocol's methods directly.

After each message the event loop runs until the message loop waits for the
next one and every task the message started has finished (the server's
debounced re-checks, with `debounce_ms` 0): no timing, no fixed number of turns.
"""

from __future__ import annotations

import asyncio
import json
import threading

#: Turns of the event loop a message may take to settle, at most (a task that waits
#: for the client's answer to a request of the server's never settles).
MAX_TURNS = 1000


def frame(*payloads: dict | bytes) -> bytes:
    """The payloads framed as a client frames them, one after another: a `Content-Length`
    header, a blank line, the body. A dict is sent as JSON with `"jsonrpc": "2.0"`; bytes are
    sent as they are (a body that is not JSON, for the tests of what the server does with one)."""
    out = b""
    for payload in payloads:
        body = payload if isinstance(payload, bytes) else json.dumps({"jsonrpc": "2.0", **payload}).encode("utf-8")
        out += b"Content-Length: %d\r\n\r\n" % len(body) + body
    return out


def split_frames(data: bytes | bytearray) -> tuple[list[dict], int]:
    """The whole frames at the start of `data`, each body read as JSON, and the number of
    bytes they take (a last frame still being written is left for the next call)."""
    messages: list[dict] = []
    at = 0
    while (end := data.find(b"\r\n\r\n", at)) != -1:
        headers = bytes(data[at:end]).decode("ascii").split("\r\n")
        length = next(int(h.split(":", 1)[1]) for h in headers if h.lower().startswith("content-length:"))
        if len(data) < end + 4 + length:
            break
        messages.append(json.loads(bytes(data[end + 4 : end + 4 + length]).decode("utf-8")))
        at = end + 4 + length
    return messages, at


def read_replies(data: bytes) -> list[dict]:
    """Everything a server wrote to its standard output, frame by frame, read as JSON; bytes
    that are not a whole frame (a frame cut off, or output that is not framed) fail the test."""
    messages, used = split_frames(data)
    assert used == len(data), f"not a whole frame: {data[used : used + 200]!r}"
    return messages


def typed_at(text: str, anchor: str, shift: int, gone: str, typed: str) -> tuple[str, dict]:
    """`text` with, at the column after `anchor` (on the first line holding it) plus
    `shift`, the characters `gone` (which must be there) deleted and `typed` typed;
    and that edit as a `didChange` content change (a range and its text)."""
    lines = text.split("\n")
    line = next(n for n, t in enumerate(lines) if anchor in t)
    column = lines[line].index(anchor) + len(anchor) + shift
    assert lines[line][column : column + len(gone)] == gone
    lines[line] = lines[line][:column] + typed + lines[line][column + len(gone) :]
    where = {"start": {"line": line, "character": column}, "end": {"line": line, "character": column + len(gone)}}
    return "\n".join(lines), {"range": where, "text": typed}


class _Stream:
    """What the client sends, read by pygls's message loop as standard input
    (`readline`, `readexactly`: the `AsyncReader` of `pygls.io_`)."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.closed = False
        self.waiting = False  # the message loop waits for more
        self._more: asyncio.Event | None = None

    def feed(self, data: bytes) -> None:
        self.data += data
        if self._more is not None:
            self._more.set()

    def close(self) -> None:
        self.closed = True
        if self._more is not None:
            self._more.set()

    async def _wait(self) -> None:
        if self._more is None:
            self._more = asyncio.Event()
        self._more.clear()
        self.waiting = True
        try:
            await self._more.wait()
        finally:
            self.waiting = False

    async def readline(self) -> bytes:
        while True:
            end = self.data.find(b"\n")
            if end != -1:
                line = bytes(self.data[: end + 1])
                del self.data[: end + 1]
                return line
            if self.closed:  # the end of the input: pygls's loop stops at b""
                line = bytes(self.data)
                self.data.clear()
                return line
            await self._wait()

    async def readexactly(self, n: int) -> bytes:
        while len(self.data) < n and not self.closed:
            await self._wait()
        body = bytes(self.data[:n])
        del self.data[:n]
        return body


class _Received:
    """What the server writes, split at its `Content-Length` frames and read as JSON."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.messages: list[dict] = []

    def write(self, data: bytes) -> None:
        self.buffer += data
        messages, used = split_frames(self.buffer)
        self.messages += messages
        del self.buffer[:used]


class Editor:
    """`bkrc lsp` in this process, spoken to in JSON as a client would."""

    def __init__(self) -> None:
        from pygls.io_ import run_async

        from bkrdsl.lsp.server import build_server

        self.loop = asyncio.new_event_loop()
        self.server = build_server()
        self.stream = _Stream()
        self.writer = _Received()
        self.server.protocol.set_writer(self.writer)
        self.errors: list[str] = []
        # pygls reports here an exception that escapes a handler (`report_server_error`,
        # the hook pygls documents for it) ...
        self.server.report_server_error = lambda error, source: self.errors.append(f"{source}: {error!r}")
        # ... and a debounced re-check that fails fails in a task: the loop reports it here.
        self.loop.set_exception_handler(lambda loop, context: self.errors.append(str(context)))
        self.stop = threading.Event()
        self.main = self.loop.create_task(
            run_async(
                stop_event=self.stop,
                reader=self.stream,
                protocol=self.server.protocol,
                error_handler=lambda error, source: self.errors.append(f"{source}: {error!r}"),
            )
        )
        self.next_id = 0

    def _settled(self) -> bool:
        if not self.stream.waiting or self.stream.data:
            return False
        current = asyncio.current_task(self.loop)
        return all(t.done() for t in asyncio.all_tasks(self.loop) if t is not self.main and t is not current)

    def _run(self, data: dict) -> None:
        self.stream.feed(frame(data))

        async def settle() -> None:
            for _ in range(MAX_TURNS):
                await asyncio.sleep(0)
                if self._settled():
                    return

        self.loop.run_until_complete(settle())
        if self.main.done() and not self.main.cancelled() and self.main.exception() is not None:
            raise self.main.exception()

    def initialize(
        self,
        folder,
        encoding: str = "utf-16",
        capabilities: dict | None = None,
        symbol_tree: bool = False,
        symbol_kinds: list[int] | None = None,
        debounce_ms: int = 0,
        file_renames: bool = False,
    ) -> None:
        # symbol_tree: the outline as a tree (VS Code, Neovim), else the flat list
        # LSP gives a client that does not declare it (vim-lsp's default).
        # symbol_kinds: the outline's symbolKind.valueSet (none: File to Array).
        # debounce_ms: 0, a change re-checked as soon as it is read; longer, the
        # re-checks are still to come after each message, as right after a keystroke.
        # file_renames: the client tells of files renamed, and asks first (VS Code's
        # `workspace.fileOperations`: willRenameFiles, didRenameFiles).
        outline = {"hierarchicalDocumentSymbolSupport": True} if symbol_tree else {}
        outline |= {"symbolKind": {"valueSet": symbol_kinds}} if symbol_kinds else {}
        # Besides: what VS Code declares of hovers, diagnostics and quick fixes.
        capabilities = capabilities or {
            "general": {"positionEncodings": [encoding]},
            "textDocument": {
                "inlayHint": {},
                "foldingRange": {"rangeLimit": 50},
                "documentSymbol": outline,
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "publishDiagnostics": {"relatedInformation": True},
                "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}},
            },
            "workspace": {"workspaceEdit": {"documentChanges": True}, "symbol": {}},
        }
        if file_renames:
            capabilities["workspace"]["fileOperations"] = {"willRename": True, "didRename": True}
        params = {
            "processId": None,
            "rootUri": folder.as_uri(),
            "capabilities": capabilities,
            "initializationOptions": {"debounce_ms": debounce_ms},
        }
        answer = self.request("initialize", params)
        assert "result" in answer, answer
        assert answer["result"]["capabilities"].get("positionEncoding", "utf-16") == encoding
        self.notify("initialized", {})

    def notify(self, method: str, params: dict) -> None:
        self._run({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: dict | None, *, after: list[tuple[str, dict]] = ()) -> dict:
        """The server's answer: {"result": ...} or {"error": ...}. `after`: notifications
        (method, params) sent just before it, in one read, as an editor asks for
        completion right after a keystroke: the server reads the request before the
        re-check the keystroke scheduled has run (it runs once the request is answered)."""
        self.next_id += 1
        msg_id = self.next_id
        for note, note_params in after:
            self.stream.feed(frame({"method": note, "params": note_params}))
        self._run({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})
        for m in self.writer.messages:
            if m.get("id") == msg_id and "method" not in m:
                return m
        raise AssertionError(f"no answer to {method}")

    def published(self, uri: str) -> list[dict] | None:
        """The last diagnostics published for `uri`."""
        for m in reversed(self.writer.messages):
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                return m["params"]["diagnostics"]
        return None

    def text(self, uri: str) -> str:
        """The server's text of an open document (pygls's workspace, its public API)."""
        return self.server.workspace.get_text_document(uri).source

    def open_uris(self) -> set[str]:
        return {d.uri for d in self.server.workspace.text_documents.values()}

    def close(self) -> None:
        self.stream.close()  # the end of the input: pygls's message loop returns

        async def stopped() -> None:
            for _ in range(MAX_TURNS):
                if self.main.done():
                    return
                await asyncio.sleep(0)

        self.loop.run_until_complete(stopped())
        for task in asyncio.all_tasks(self.loop):
            task.cancel()
        self.loop.run_until_complete(asyncio.sleep(0))
        self.loop.close()
