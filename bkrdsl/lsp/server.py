"""`bkrc lsp`: the language server (pygls 2, stdio).

This module is the only one that imports pygls and lsprotocol, and only
`bkrc lsp` imports it. It keeps the open documents, runs the analysis
(bkrdsl.lsp.document: the same pipeline as `bkrc check`) when a document is
opened, saved or changed (changes are debounced), publishes diagnostics, and
answers requests from bkrdsl.lsp.features, converting positions to the
client's units.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import enum
import hashlib
import itertools
import logging
import os
import queue
import re
import sys
import threading
import typing
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote, unquote

from lsprotocol import types as T
from pygls.exceptions import (
    JsonRpcException,
    JsonRpcInvalidParams,
    JsonRpcInvalidRequest,
    JsonRpcParseError,
)
from pygls.io_ import StdinAsyncReader, StdoutWriter, run_async
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, default_converter, lsp_method
from pygls.protocol.json_rpc import RPCRequest
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace.position_codec import ServerTextPosition

from bkrdsl import __version__
from bkrdsl.diagnostics import Diagnostic, Severity
from bkrdsl.lsp import features as F
from bkrdsl.lsp import semantic
from bkrdsl.lsp.collector import Collector
from bkrdsl.lsp.document import USER, VOLUME, Document, analyse_document, buffer_bytes
from bkrdsl.lsp.workspace import (
    MAX_FILES,
    Found,
    Workspace,
    bkr_files,
    followed_import,
    unsure_import,
    written_import,
)
from bkrdsl.resolve import default_search_path
from bkrdsl.resolve.loader import ParsedModules
from bkrdsl.source import Span
from bkrdsl.syntax.reader import Oversized, read_file

#: Seconds to wait after the last keystroke before re-checking.
DEFAULT_DEBOUNCE = 0.25
#: The most bytes of the workspace's .bkr files the server reads when it starts, to
#: know a module renamed outside the editor before it reads the module itself
#: (`BkrServer.note_workspace_files`; docs/lsp.md says how long it takes).
START_SCAN_BYTES = 16 * 1024 * 1024
#: The most folders that walk enters (rename's own walk enters up to MAX_FOLDERS, when asked).
START_SCAN_FOLDERS = 2_000

_SEVERITY = {
    Severity.ERROR: T.DiagnosticSeverity.Error,
    Severity.WARNING: T.DiagnosticSeverity.Warning,
    Severity.NOTE: T.DiagnosticSeverity.Information,
}
_SYMBOL_KIND = {
    "cluster": T.SymbolKind.Namespace,
    "member": T.SymbolKind.Struct,
    "group": T.SymbolKind.Class,
    "user": T.SymbolKind.Variable,
    "job": T.SymbolKind.Function,
    "catalog": T.SymbolKind.Object,
    "expire": T.SymbolKind.Event,
    "tape": T.SymbolKind.Object,
    "import": T.SymbolKind.Package,
    "disk": T.SymbolKind.Field,
    "volume": T.SymbolKind.Constant,
}
_FOLDING_KIND = {
    "comment": T.FoldingRangeKind.Comment,
    "imports": T.FoldingRangeKind.Imports,
    "region": T.FoldingRangeKind.Region,
}
#: The symbol kinds of LSP's first version, which every client knows (File to Array).
_INITIAL_SYMBOL_KINDS = frozenset(k for k in T.SymbolKind if k.value <= T.SymbolKind.Array.value)
#: The completion item kinds of LSP's first version (Text to Reference), which a client
#: that declares no `completionItemKind.valueSet` knows (Emacs's eglot declares none).
_INITIAL_COMPLETION_KINDS = frozenset(
    k for k in T.CompletionItemKind if k.value <= T.CompletionItemKind.Reference.value
)
_COMPLETION_KIND = {
    "keyword": T.CompletionItemKind.Keyword,
    "member": T.CompletionItemKind.Module,
    "group": T.CompletionItemKind.Class,
    "user": T.CompletionItemKind.Variable,
    "value": T.CompletionItemKind.EnumMember,
    "file": T.CompletionItemKind.File,
    "folder": T.CompletionItemKind.Folder,
}
#: The kind sent for one the client does not know: a day or a role (EnumMember) is a
#: Value, a folder (Folder) a File; Text for any other.
_COMPLETION_KIND_KNOWN_TO_ALL = {"value": T.CompletionItemKind.Value, "folder": T.CompletionItemKind.File}


#: The line ends LSP counts: `\r\n`, `\r` and `\n`, and no other (pygls splits
#: with str.splitlines, which also breaks lines at a form feed, U+0085, U+2028...).
#: LSP's `WatchKind`s (lsprotocol's enum is no flag: its values are or-ed as ints).
_CREATE, _DELETE = T.WatchKind.Create.value, T.WatchKind.Delete.value
_LINE_END = re.compile(r"\r\n|\r|\n")


def apply_change(text: str, change: T.TextDocumentContentChangeEvent, codec) -> str:
    """`text` after one didChange content change, positions in the client's units."""
    if not isinstance(change, T.TextDocumentContentChangePartial):
        return change.text
    starts = [0] + [m.end() for m in _LINE_END.finditer(text)]

    def offset(position: T.Position) -> int:
        if position.line >= len(starts):
            return len(text)
        start = starts[position.line]
        end = starts[position.line + 1] if position.line + 1 < len(starts) else len(text)
        line = _LINE_END.sub("", text[start:end])
        units = 0
        for n, char in enumerate(line):
            if units >= position.character:
                return start + n
            units += codec.client_num_units(char)
        return start + len(line)  # past the line's end: its end (the line end is not the line's)

    return text[: offset(change.range.start)] + change.text + text[offset(change.range.end) :]


def typed_at_end(text: str, change: T.TextDocumentContentChangeEvent, codec) -> bool:
    """Whether `change` to `text` ends where nothing but blanks follows it: the editor
    types at the end of the buffer (`BkrServer.typing_at_end`). Counted from the end,
    so that a keystroke costs no walk of the lines. A whole text sent again (a client
    that syncs so) is typed at the end when its last character that is not blank
    differs."""
    written = text.rstrip()
    if not isinstance(change, T.TextDocumentContentChangePartial):
        return written[-1:] != change.text.rstrip()[-1:]
    lines = written.count("\n") + written.count("\r") - written.count("\r\n")
    end = change.range.end
    if end.line != lines:
        return end.line > lines
    last = written[max(written.rfind("\n"), written.rfind("\r")) + 1 :]
    return end.character >= codec.client_num_units(last)


def _common_prefix(a: str, b: str) -> int:
    """How many characters `a` and `b` begin with alike: slices compared whole, halving
    (a keystroke in a 10,000-user file compares a few hundred thousand characters in
    about twenty comparisons, not one by one)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[low:mid] == b[low:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def as_partial(text: str, new: str, codec) -> T.TextDocumentContentChangePartial | None:
    """The whole text `new`, sent again for `text` (a client that syncs so,
    `TextDocumentSyncKind.Full`), as the one range change that makes it: what lies
    between the texts' common beginning and common end, replaced, positions in the
    client's units. The common beginning is taken as long as it goes, so a character
    typed after the same character (`daily 0` -> `daily 00`) is typed after it, where
    the cursor is. None when the texts are the same. A line end `\r\n` is never cut
    in two. So a full-sync client's keystroke is known where it is, as an
    incremental client's is (`BkrServer.last_change`, *While you type*)."""
    if text == new:
        return None
    start = _common_prefix(text, new)
    if 0 < start < len(text) and text[start - 1] == "\r" and text[start] == "\n":
        start -= 1
    room = min(len(text), len(new)) - start
    same_end = _common_prefix(text[::-1][:room], new[::-1][:room])
    end = len(text) - same_end
    if 0 < end < len(text) and text[end - 1] == "\r" and text[end] == "\n":
        end += 1
        same_end -= 1

    def position(offset: int) -> T.Position:  # (counted, not walked: `typed_at_end`'s way)
        line = text.count("\n", 0, offset) + text.count("\r", 0, offset) - text.count("\r\n", 0, offset)
        line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
        return T.Position(line=line, character=codec.client_num_units(text[line_start:offset]))

    return T.TextDocumentContentChangePartial(
        range=T.Range(start=position(start), end=position(end)), text=new[start : len(new) - same_end]
    )


def line_end(text: str) -> str:
    """A document's own line end: its first line break (`\\n` when it has none)."""
    found = _LINE_END.search(text)
    return found.group() if found is not None else "\n"


class Refused(JsonRpcException):
    """A request the server declines, with the reason the editor shows (a rename of
    a keyword, to an invalid name...): an answer, not a fault of the server."""

    CODE = int(T.LSPErrorCodes.RequestFailed)


def refused(why: F.RenameRefused) -> Refused:
    """LSP, `rename`: an invalid new name "must return a ResponseError with an
    appropriate message"; InvalidParams for the name, RequestFailed otherwise."""
    return Refused(why.message, code=JsonRpcInvalidParams.CODE if why.invalid_name else None)


class BkrProtocol(LanguageServerProtocol):
    def _send_handler_result(self, future, *, msg_id):
        """pygls's own, but a refusal is sent without logging a traceback to
        standard error as pygls does for an exception."""
        if not future.cancelled() and isinstance(future.exception(), Refused):
            self._request_futures.pop(msg_id, None)
            self._send_response(msg_id, error=future.exception().to_response_error())
            return
        super()._send_handler_result(future, msg_id=msg_id)

    def handle_message(self, message):
        """pygls's own, but a request after `shutdown` gets an answer: "If a server
        receives requests after a shutdown request those requests should error
        with InvalidRequest" (LSP, `shutdown`); pygls would not answer at all.
        What is JSON but no JSON-RPC message (an array, a number, an object
        without `"jsonrpc"`) gets InvalidRequest too, as JSON-RPC 2.0 asks, where
        pygls would fail on it with a traceback and show the user "Error in
        server"; a notification whose parameters do not fit its method is
        passed over, with one line in the log."""
        if isinstance(message, _Unfit):
            return None
        if not hasattr(message, "jsonrpc"):
            msg_id = message.get("id") if isinstance(message, dict) else None
            if isinstance(msg_id, bool) or not isinstance(msg_id, (int, str)):
                msg_id = None
            _log.warning("passed over a message that is no JSON-RPC 2.0 request, notification or response")
            self.answer_unread(JsonRpcInvalidRequest(message="not a JSON-RPC 2.0 message"), msg_id)
            return None
        if self._shutdown and isinstance(message, RPCRequest):
            error = JsonRpcInvalidRequest(message="the server is shut down: only `exit` is accepted")
            self._send_response(message.id, error=error.to_response_error())
            return None
        collector = self._server.collector
        collector.busy()  # no collection in the middle of an answer (bkrdsl/lsp/collector.py)
        try:
            return super().handle_message(message)
        finally:
            collector.rest()

    def answer_unread(self, error: JsonRpcException, msg_id: int | str | None = None) -> None:
        """The error answer to a message that could not be read, with `"id": null`
        when its id is unknown (JSON-RPC 2.0, "Response object"; pygls leaves a
        null id out of what it sends)."""
        response = {"jsonrpc": "2.0", "id": msg_id, "error": {"code": error.code, "message": error.message}}
        self._send_data(response)

    def structure_message(self, data: dict):
        """pygls's own, but a request whose parameters do not fit its method gets
        an InvalidParams error back; pygls would log it and leave the client
        waiting for an answer that never comes."""
        try:
            return super().structure_message(data)
        except JsonRpcException:
            if "id" in data and "method" in data:
                error = JsonRpcInvalidParams(message=f"invalid parameters for {data['method']}")
                self._send_response(data["id"], error=error.to_response_error())
            else:
                _log.warning("passed over %s: its parameters do not fit the method", data.get("method"))
            return _Unfit()

    @lsp_method(T.INITIALIZE)
    def lsp_initialize(self, params: T.InitializeParams):
        """pygls's own, but inlay hints are announced only to a client that says it
        has them: they came with LSP 3.17, and an older client has no use for the
        capability; and quick fixes only to a client that takes CodeAction literals
        (`_takes_code_actions`)."""
        result = yield from super().lsp_initialize(params)
        text = params.capabilities.text_document
        if text is None or text.inlay_hint is None:
            result.capabilities.inlay_hint_provider = None
        if not _takes_code_actions(params.capabilities):
            result.capabilities.code_action_provider = None
        return result

    @lsp_method(T.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: T.DidChangeTextDocumentParams):
        """pygls's own, with positions counted on LSP's lines (`_LINE_END`). A change to
        a document the client has not opened (or has closed) is passed over: there is
        no text to change, and pygls would fail on it with an internal error."""
        if unquote(params.text_document.uri) not in self.workspace.text_documents:
            return None
        document = self.workspace.get_text_document(params.text_document.uri)
        text = document.source
        codec = self.workspace.position_codec
        at_end, last = False, None
        for change in params.content_changes:
            if not isinstance(change, T.TextDocumentContentChangePartial):
                # The whole text again: the change it makes, found by comparing; a
                # text sent again the same changes nothing, and leaves what the last
                # change was as it was.
                partial = as_partial(text, change.text, codec)
                if partial is None:
                    continue
                if apply_change(text, partial, codec) == change.text:  # (always: a guard)
                    change = partial
            at_end = typed_at_end(text, change, codec)
            text = apply_change(text, change, codec)
            last = change
        typing = self._server.typing_at_end
        if last is not None or not params.content_changes:
            (typing.add if at_end else typing.discard)(params.text_document.uri)
        if isinstance(last, T.TextDocumentContentChangePartial):
            start, lines = last.range.start, _LINE_END.split(last.text)
            units = self.workspace.position_codec.client_num_units(lines[-1])
            end = T.Position(
                line=start.line + len(lines) - 1, character=units + (start.character if len(lines) == 1 else 0)
            )
            self._server.last_change[params.text_document.uri] = (start, end)
        elif last is not None or not params.content_changes:
            self._server.last_change.pop(params.text_document.uri, None)
        self.workspace.update_text_document(
            params.text_document, T.TextDocumentContentChangeWholeDocument(text=text)
        )
        if (handler := self.fm.features.get(T.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None


def _capability_enums(kind: type = T.ClientCapabilities, seen: set | None = None) -> set[type[enum.Enum]]:
    """The enumerations a client's capabilities hold values of, at any depth
    (MarkupKind, CompletionItemKind, SymbolKind, DiagnosticTag...)."""
    seen = set() if seen is None else seen
    if kind in seen:
        return set()
    seen.add(kind)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {kind}
    is_class = isinstance(kind, type) and hasattr(kind, "__attrs_attrs__")  # lsprotocol's are attrs classes
    parts = typing.get_type_hints(kind).values() if is_class else ()
    return set().union(*(_capability_enums(p, seen) for p in [*parts, *typing.get_args(kind)]))


def _lenient(kind: type[enum.Enum]):
    """A value of `kind` as lsprotocol reads it, or as sent when `kind` has no such value."""

    def structure(value, _type):
        try:
            return kind(value)
        except ValueError:
            return value

    return structure


def converter():
    """pygls's converter, but a value of an enumeration of the client's capabilities that
    lsprotocol does not know is kept as sent, not refused: "the using side of an
    enumeration shouldn't fail on an enumeration value it doesn't know" (LSP,
    "Enumerations"). `hover.contentFormat: ["html", "plaintext"]`, or a completion
    item kind 26 of a later LSP, made `initialize` fail with InvalidParams, and the
    server was of no use to that client; the value is now passed over where the
    server reads the set (`_hover_format`, `_completion_kind`...)."""
    made = default_converter()
    for kind in _capability_enums():
        made.register_structure_hook(kind, _lenient(kind))
    return made


class _Unfit:
    """A message whose parameters do not fit its method (already answered, when a
    request): `handle_message` passes over it."""


#: One line a problem, on standard error (the editor's log of the server): pygls
#: logs there, with a Python traceback, what it cannot read or send.
_log = logging.getLogger("bkrdsl.lsp")


class _OneLine(logging.Formatter):
    """`bkrc lsp: what happened`, without the traceback pygls adds: the first line of
    the message, and of an exception the kind, the words and where it was raised.
    (A request that fails gets its traceback back in the error's data, for the
    bug report.)"""

    def format(self, record: logging.LogRecord) -> str:
        lines = record.getMessage().splitlines() or [""]
        line = f"bkrc lsp: {lines[0]}"
        if record.exc_info and record.exc_info[1] is not None:
            err = record.exc_info[1]
            words = str(err).splitlines()
            line += f": {type(err).__name__}: {words[0] if words else ''}"
            tb = record.exc_info[2]
            while tb is not None and tb.tb_next is not None:
                tb = tb.tb_next
            if tb is not None:
                line += f" (at {os.path.basename(tb.tb_frame.f_code.co_filename)}:{tb.tb_lineno})"
        return line


def _no_news(record: logging.LogRecord) -> bool:
    """Whether a record is worth a line: a `$/cancelRequest` for a request already
    answered is not (LSP allows it, and VS Code sends one for many a completion or
    hover it no longer needs as the user types on)."""
    return not str(record.msg).startswith("Cancel notification for unknown message id")


def _log_in_one_line() -> None:
    """pygls's, asyncio's and the server's warnings and errors, one line each, on
    standard error."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    handler.addFilter(_no_news)
    for name in ("pygls", "bkrdsl.lsp", "asyncio"):  # asyncio: a task that failed
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.WARNING)
        logger.propagate = False


class _Output:
    """Standard output for the server's messages. When the editor has closed its end
    (it quit, or crashed), what is left to send is dropped, once said in one line,
    where pygls would log a traceback for each message; the server ends when its
    input does."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.lost = False

    def _lose(self) -> None:
        if not self.lost:
            self.lost = True
            _log.warning("the editor closed the connection; what the server had to send is dropped")
        with contextlib.suppress(OSError, ValueError, AttributeError):
            # Nothing of it left to flush at exit, where Python would fail again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self.stream.fileno())
            os.close(devnull)

    def write(self, data: bytes) -> None:
        if self.lost:
            return
        try:
            self.stream.write(data)
        except (BrokenPipeError, ValueError):  # ValueError: the stream is closed
            self._lose()

    def flush(self) -> None:
        if self.lost:
            return
        try:
            self.stream.flush()
        except (BrokenPipeError, ValueError):
            self._lose()

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.stream.close()


class _InputReads(concurrent.futures.Executor):
    """Where the server's reads of its standard input run: in one daemon thread of
    their own, one after the other, as pygls asks for them.

    pygls runs them in a thread of its pool, and joins the pool when the server
    stops (Python's exit joins every pool thread too); a read there ends only when
    the client sends more or closes its end, so after SIGTERM or Ctrl-C the server
    did not stop while the editor kept its end open (`bkrc lsp` in a terminal:
    Ctrl-C, then nothing until Enter). No one waits for a daemon thread: the read
    still waiting is dropped with the process."""

    def __init__(self) -> None:
        self._reads: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=self._run, name="bkrc lsp input", daemon=True).start()

    def submit(self, fn, /, *args, **kwargs) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._reads.put((future, fn, args, kwargs))
        return future

    def _run(self) -> None:
        while True:
            future, fn, args, kwargs = self._reads.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args, **kwargs))
            except BaseException as err:  # noqa: BLE001 (handed to the reader, as a pool's thread does)
                future.set_exception(err)


def _own_stdin():
    """Standard input, buffered for the daemon thread alone (`_InputReads`): Python
    closes `sys.stdin` at exit, which waits for the lock a read in progress holds,
    and with a daemon thread in the read, aborts ("could not acquire lock for
    <_io.BufferedReader name='<stdin>'> at interpreter shutdown")."""
    return open(sys.stdin.fileno(), "rb", closefd=False)  # the process's input: never closed


class BkrServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("bkrc", __version__, protocol_cls=BkrProtocol, converter_factory=converter)
        self.documents: dict[str, tuple[int | None, Document]] = {}
        #: For each analysed document, the open buffers its imports were read from
        #: (URI -> `buffer_version`): when one changes, closes or opens, the analysis is stale.
        self.buffers_read: dict[str, dict[str, tuple[int, int | None]]] = {}
        #: Each open buffer's opening, numbered by `didOpen` (by pygls's key, the URI
        #: unquoted): with the version, it tells one text of a buffer from another
        #: (`buffer_version`).
        self.openings: dict[str, int] = {}
        self.opened = 0  # the number of the last opening
        self.pending: dict[str, asyncio.Task] = {}
        #: The documents a re-check was asked for since their last analysis for
        #: another reason than their own keystrokes (`schedule`'s `typed`).
        self.recheck: set[str] = set()
        #: For completion right after a keystroke: the last analysis made to answer for
        #: the buffer's newer text, by URI, with that text's version (`for_completion`).
        self.edited: dict[str, tuple[int | None, Document]] = {}
        #: Each open buffer's last semantic tokens sent, whole or as a delta (the
        #: `resultId`, the integers the client then holds), by pygls's key (the URI
        #: unquoted): what a `/full/delta` request builds on (`semantic_tokens`). One
        #: per buffer, dropped when it closes; the ids number this session's answers.
        self.tokens_sent: dict[str, tuple[str, list[int]]] = {}
        self.result_ids = itertools.count(1)
        #: The documents whose last change was typed at the end of the buffer, nothing
        #: but blanks after it, and not saved since: their BKR005 for a `{` the file
        #: ends without closing is not published (`features.while_typing`). Typed without closing
        #: brackets, each statement at the end of the file took that error away while
        #: it was unfinished and brought it back once it was whole, statement after
        #: statement; the `}` is still to come. A change anywhere else, or a save,
        #: shows it again.
        self.typing_at_end: set[str] = set()
        #: Where each open document's last change starts and ends (in the text after
        #: it), as the client counts them (none after a save or when opened), and how many BKR253 its last checked
        #: analysis published: while a `member` block is typed, BKR253 is read as
        #: without it (`features.while_typing`, rule 2).
        self.last_change: dict[str, tuple[T.Position, T.Position]] = {}
        #: Each module file read from disk (its absolute path), with its size and a hash
        #: of its bytes when last read: a module renamed outside the editor (`git mv`, a
        #: file manager) is known again under its new name (`renamed_modules`).
        self.modules_read: dict[str, tuple[int, bytes]] = {}
        #: The workspace's .bkr files when the server started, and those of each folder
        #: the client added since, when it was added (their absolute paths), each with
        #: its size and hash as `modules_read` keeps them, or None past
        #: `START_SCAN_BYTES` (`note_workspace_files`): a module renamed outside the
        #: editor before the file that imports it was opened is known by its bytes
        #: then. Kept when the file or its folder goes: it is what the path held.
        self.files_at_start: dict[str, tuple[int, bytes] | None] = {}
        #: The .bkr files (absolute paths) that were where they are before the server
        #: could see a module renamed to them: those a scan noted (at the start, and in
        #: a folder the client added: `note_workspace_files`), and a copy the client's
        #: watcher told of while the file it copies was still there
        #: (`note_watched_files`). A path deleted since leaves it, and a file created
        #: there later is new. The rename hint never names one of them: a copy, or a
        #: file that was there already, is no module renamed since.
        self.there_before: set[str] = set()
        #: The .bkr files the watcher told were created since (no copy) and not
        #: deleted since: a folder removed from the workspace and added again is
        #: scanned again, and they stay new, not files that were there before.
        self.appeared: set[str] = set()
        self.a_disks_shown: dict[str, int] = {}
        #: Each open document's last analysis whose checks ran (`doc.text`, its diagnostics
        #: as published, the texts of the other files it read): while a syntax error sits
        #: on the lines being typed, its diagnostics elsewhere are kept (`features.while_typing`, rule 4).
        self.last_good: dict[str, tuple[str, list[Diagnostic], dict[str, str]]] = {}
        #: The open documents whose last check read a module being typed in its buffer
        #: (`modules_typed`): a save of that module checks them again, so a save leaves
        #: what they publish `bkrc check`'s (`did_save`).
        self.held_for_a_module: set[str] = set()
        self.debounce = DEFAULT_DEBOUNCE
        self.include: tuple[str, ...] = ()
        #: The `dialect` setting's table (None: the built-in one), which the checks
        #: read as `bkrc check --dialect` does; why it could not be read, if so.
        self.dialect = None
        self.dialect_problem: str | None = None
        #: The `directory` setting's file (None: none), which the checks compare
        #: with as `bkrc check --directory` does, read again when it changes.
        self.site_directory: SiteDirectory | None = None
        self.shut_down = False  # the client sent `shutdown`
        #: The imported modules already read, by name and exact bytes: several open
        #: files that import one module parse it once, and a keystroke parses
        #: only the buffer typed in (`loader.ParsedModules`).
        self.parsed = ParsedModules()
        #: The workspace's files the editor has not opened (rename and references).
        self.disk = Workspace(self.parsed, MAX_PUBLISHED_ERRORS)  # as the open documents are cut
        self.max_files = MAX_FILES
        self.said_capped = False  # the user was told the workspace has too many files
        #: When the garbage collector runs: between requests, not in them (started by `serve`).
        self.collector = Collector()

    def start_io(self, stdin=None, stdout=None):
        """pygls's own (its message loop, `pygls.io_.run_async`), with the input read
        in a daemon thread (`_InputReads`) and the output that ends quietly when the
        editor closes it (`_Output`, which is also why no BrokenPipeError comes
        here to catch, as pygls does)."""
        self._stop_event = threading.Event()  # pygls's `shutdown` sets it
        reader = StdinAsyncReader(stdin or _own_stdin(), _InputReads())
        self.protocol.set_writer(StdoutWriter(_Output(stdout or sys.stdout.buffer)))
        try:
            asyncio.run(
                run_async(
                    stop_event=self._stop_event,
                    reader=reader,
                    protocol=self.protocol,
                    error_handler=self.report_server_error,
                )
            )
        except (KeyboardInterrupt, SystemExit):  # pygls's: `serve` raises the interrupt again
            pass
        finally:
            self.shutdown()

    def report_server_error(self, error: Exception, source) -> None:
        """pygls's own (an "Error in server" message the editor shows), but a message
        that cannot be read is the client's mistake, which the user can do nothing
        about: it is answered as JSON-RPC 2.0 asks (ParseError for what is not JSON
        in UTF-8, with no id, since none can be read) and said in one line in the log."""
        if source is JsonRpcException:
            if isinstance(error, (ValueError, UnicodeError)):  # json.JSONDecodeError is a ValueError
                parse = JsonRpcParseError(message=f"the message is not JSON in UTF-8: {error}")
                self.protocol.answer_unread(parse)
            return
        super().report_server_error(error, source)

    # ------------------------------------------------------------ files
    @staticmethod
    def name_and_path(uri: str) -> tuple[str, Path | None]:
        """The name the pipeline gives a document, and its path (None for a buffer that
        is no file: `untitled:`, or a `file:` URI no file can have, a NUL in its path,
        which every call on the path would refuse with an error)."""
        fs = to_fs_path(uri) if uri.startswith("file:") else None
        return (fs, Path(fs)) if fs and "\0" not in fs else (uri, None)

    def may_matter(self, change: T.FileEvent) -> bool:
        """Whether a file event the client's watcher sends may change what a document
        reads: one of a `.bkr` file or of the site's directory, any change the client
        sends, a folder created (a module that was not found may be in it), or a
        path deleted that held a file an analysis read (a module's folder, moved or
        deleted). Not a file of another kind created or deleted: the watcher of
        folders (`**/*`) matches those too, and each would check every open
        document again."""
        _, path = self.name_and_path(change.uri)
        if path is None:
            return False
        site = self.site_directory
        if path.suffix.lower() == ".bkr" or change.type == T.FileChangeType.Changed:
            return True
        if site is not None and Path(os.path.abspath(site.path)) == Path(os.path.abspath(path)):
            return True
        if change.type == T.FileChangeType.Created:
            return path.is_dir()
        gone = {Path(os.path.abspath(path)), Path(os.path.realpath(path))}
        read = set(self.open_paths()).union(*(doc.read for _, doc in self.documents.values()))
        return any(p.is_relative_to(g) for p in read for g in gone) or any(self.disk.holds(g) for g in gone)

    def open_uris(self) -> list[str]:
        """The URIs of the open documents, as the client sent them (pygls keys its
        documents by the URI unquoted: `my%20site` is stored as `my site`)."""
        return [d.uri for d in list(self.workspace.text_documents.values())]

    def open_paths(self) -> dict[Path, str]:
        out = {}
        for uri in self.open_uris():
            _, path = self.name_and_path(uri)
            if path is not None:
                out[path.resolve()] = uri
        return out

    def buffer_version(self, uri: str) -> tuple[int, int | None]:
        """What tells one text of an open buffer from another: its opening and its
        version. The version alone does not: a buffer closed and opened again starts
        again (VS Code's at 1) with another text, and an analysis that read the
        earlier text at the same version passed for current (a file on disk that
        imports the module, kept for rename and references, or an open one before
        its re-check): its places in the module were those of the earlier text."""
        return (self.openings.get(unquote(uri), 0), self.workspace.get_text_document(uri).version)

    def reader(self, buffers: dict[str, tuple[int, int | None]] | None = None):
        """Imported files: an open buffer's unsaved text first, else the file on disk.
        `buffers` records the open buffers read, each with its `buffer_version`."""
        opened = self.open_paths()

        def read(path: Path) -> bytes:
            uri = opened.get(path.resolve())
            if uri is not None:
                text_doc = self.workspace.get_text_document(uri)
                if buffers is not None:
                    buffers[uri] = self.buffer_version(uri)
                return buffer_bytes(text_doc.source)
            data = read_file(path)
            self.modules_read[os.path.abspath(path)] = (len(data), hashlib.sha256(data).digest())
            return data

        return read

    def renamed_modules(self, doc: Document) -> None:
        """Each BKR101 of an import of `doc` (a module not found) whose module was read
        before from the file it names, beside the importer, and that file is gone,
        while exactly one .bkr file of the workspace holds the same bytes (the module
        renamed or moved outside the editor: `git mv`, a file manager, another
        checkout): its help says so first ("site/common.bkr was renamed to
        site/shared.bkr?"), and a choice rewrites the import to the new file, in the
        import's style (`workspace.written_import`), preferred where it is the only one.
        No hint where two files hold those bytes (which is meant is not known), or where
        the server never read the module."""
        from dataclasses import replace

        from bkrdsl.diagnostics import Fix
        from bkrdsl.resolve.loader import path_span

        main = doc.analysis.program.main
        if main is None or not os.path.isabs(doc.name):
            return
        diagnostics = doc.analysis.diagnostics
        for n, d in enumerate(diagnostics):
            if d.code != "BKR101" or d.span is None or d.span.file != doc.name:
                continue
            imp = next((i for i in main.imports if i.span == d.span), None)
            if imp is None or imp.path.startswith("std/"):
                continue
            name = imp.path if imp.path.endswith(".bkr") else imp.path + ".bkr"
            old = os.path.normpath(os.path.join(os.path.dirname(doc.name), name))
            seen = self.modules_read.get(old) or self.files_at_start.get(old)
            if seen is None or os.path.lexists(old):
                continue
            found = [f for f in self.workspace_found().files if _holds(f, seen) and str(f) != doc.name]
            if len(found) != 1 or os.path.abspath(found[0]) in self.there_before:
                continue  # (a file there when the server started, or a copy: not the module renamed since)
            new = os.path.abspath(found[0])
            spec = written_import(imp.path, Path(new), Path(os.path.dirname(doc.name)))
            where = path_span(imp)
            if spec is None or where is None:
                continue
            hint = (
                f"{F.shown_path(doc, old)} was renamed to {F.shown_path(doc, new)}? it holds what"
                f" {F.shown_path(doc, old)} held: write `import {spec}`"
            )
            # A choice, not a fix: *Fix all* is `bkrc check --fix`, which knows of no
            # rename; preferred (*Auto Fix*) unless a near spelling is a second reading.
            rename = Fix.replace(f"Import `{spec}`", where, spec)
            others = (d.fix,) if d.fix is not None else d.choices
            choices = (rename, *(c for c in others if c.edits != rename.edits))  # (a near spelling: the same)
            diagnostics[n] = replace(
                d,
                help=f"{hint}\n{d.help}" if d.help else hint,
                fix=None,
                choices=choices,
                prefer_choice=len(choices) == 1,
            )

    def note_workspace_files(self, roots: list[Path] | None = None) -> None:
        """Note the workspace's .bkr files as the server starts (`files_at_start`,
        `there_before`), or, given `roots`, those of the folders the client adds to the
        workspace (`workspace/didChangeWorkspaceFolders`), each scan bounded as the
        start's: the files rename searches (`bkr_files`, at most `max_files`, none at 0,
        in no more than START_SCAN_FOLDERS folders), in path order, each read and hashed
        while their bytes come to no more than `START_SCAN_BYTES` in all (a larger file,
        and the files after the limit, are noted without their bytes: no module renamed
        from them is known by its bytes). A file noted again is noted as it is now; one
        the watcher told was created since (`appeared`) is still no file that was there
        before."""
        if self.max_files == 0:
            return
        left = START_SCAN_BYTES
        for path in bkr_files(self.roots() if roots is None else roots, self.max_files, START_SCAN_FOLDERS).files:
            key = os.path.abspath(path)
            if key not in self.appeared:
                self.there_before.add(key)
            self.files_at_start[key] = None
            try:
                if os.stat(path).st_size > left:
                    continue
                data = read_file(path)
            except OSError:
                continue
            if not isinstance(data, Oversized) and len(data) <= left:
                left -= len(data)
                self.files_at_start[key] = (len(data), hashlib.sha256(data).digest())

    def note_watched_files(self, changes: list[T.FileEvent]) -> None:
        """What the client's watcher tells of files created or deleted outside the
        editor, for the rename hint (`there_before`): a path deleted (a file, or a
        folder and every path under it) holds no file that was there before, and a .bkr
        file created is new, unless it holds the bytes the server noted or read of
        another file that is still there (a copy: `cp`, a backup), read only when
        their sizes agree and no more than `START_SCAN_BYTES` in one message. A rename
        (`git mv`) is told as its old path deleted and its new one created, the old
        file gone: no copy. What each path held (`files_at_start`, `modules_read`)
        stays: that is what the hint recognises the module by."""
        left = START_SCAN_BYTES
        for change in changes:
            _, path = self.name_and_path(change.uri)
            if path is None or change.type == T.FileChangeType.Changed:
                continue
            key = os.path.abspath(path)
            under = key.rstrip(os.sep) + os.sep
            for noted in (self.there_before, self.appeared):
                noted.difference_update([p for p in noted if p == key or p.startswith(under)])
            if change.type != T.FileChangeType.Created or path.suffix.lower() != ".bkr":
                continue
            self.appeared.add(key)
            try:
                size = os.stat(key).st_size
            except OSError:
                continue
            known = [
                (p, seen)
                for p, seen in (*self.files_at_start.items(), *self.modules_read.items())
                if seen is not None and seen[0] == size and p != key
            ]
            if not known or size > left:
                continue
            try:
                data = read_file(path)
            except OSError:
                continue
            if isinstance(data, Oversized):
                continue
            left -= len(data)
            digest = hashlib.sha256(data).digest()
            if any(seen[1] == digest and os.path.lexists(p) for p, seen in known):
                self.appeared.discard(key)
                self.there_before.add(key)

    def uri_of(self, file: str, doc: Document) -> str | None:
        """The URI of a file named in a span (the document itself, an import, the stdlib).
        A file the editor has open under another path (a symbolic link on the way,
        `./link/common` with `link` -> `site`) is its buffer's URI: the analysis read
        that buffer (`reader`), and its places are in the buffer's text, not the
        file's on disk, which the other path would open."""
        if file == doc.name:
            return next((u for u, (_, d) in self.documents.items() if d is doc), None) or from_fs_path(file)
        if file.startswith("std/"):
            from bkrdsl.resources import stdlib_dir

            path = str(stdlib_dir() / file[4:])
        elif os.path.exists(file):  # absolute, or a search-path folder as given (-I lib)
            path = os.path.abspath(file)
        else:
            found = (folder / file for folder in self.search_path())
            # False, not PermissionError, behind a folder it may not enter:
            candidate = next((c for c in found if os.path.exists(c)), None)
            if candidate is None:
                return None
            path = str(candidate.resolve())
        return self.open_paths().get(Path(os.path.realpath(path))) or from_fs_path(path)

    def search_path(self) -> tuple[Path, ...]:
        return default_search_path(self.include)

    # ------------------------------------------------------------ the site's CP directory
    @property
    def directory(self):
        """The `directory` setting's CP directory (`cpdirectory.Directory`), as its
        file last read; None without the setting or while it cannot be read."""
        return self.site_directory.directory if self.site_directory is not None else None

    def refresh_directory(self, but: str | None = None) -> None:
        """Read the `directory` setting's file again if it changed on disk since, told
        if it cannot be; then every open document but `but` (which its caller is
        about to check) is checked again with it. A stat, without the setting nothing."""
        if self.site_directory is None or not self.site_directory.reread():
            return
        self.say_directory_problem()
        for uri in self.open_uris():
            if uri != but:
                self.schedule(uri, refresh_hints=True)

    def say_directory_problem(self) -> None:
        problem = self.site_directory.told() if self.site_directory is not None else None
        if problem is not None:
            self.window_show_message(T.ShowMessageParams(type=T.MessageType.Warning, message=problem))

    # ------------------------------------------------------------ the workspace on disk
    def roots(self) -> list[Path]:
        """The workspace folders the client named (`workspaceFolders`, else `rootUri`)."""
        uris = [f.uri for f in self.workspace.folders.values()]
        if not uris and self.workspace.root_uri:
            uris = [self.workspace.root_uri]
        out = []
        for uri in uris:
            _, path = self.name_and_path(uri)
            if path is not None and os.path.isdir(path):  # (as above: no PermissionError)
                out.append(path)
        return out

    def shown_name(self, uri: str) -> str:
        """A document's file as the editor's messages name it: relative to the workspace
        folder that holds it, else its absolute path (`features.shown_path`)."""
        name, path = self.name_and_path(uri)
        if path is None:
            return name
        return F.in_workspace(name, [str(r) for r in self.roots()]) or name

    def open_boms(self) -> OpenBoms:
        """Whether each open buffer begins with a byte-order mark (`has_bom`): for one
        request, which asks it for many places."""
        return OpenBoms(self)

    def buffers(self) -> dict[Path, tuple[str, tuple[int, int | None]]]:
        """The open buffers (text and `buffer_version`) by the resolved paths of their files."""
        out = {}
        for path, uri in self.open_paths().items():
            text_doc = self.workspace.get_text_document(uri)
            out[path] = (text_doc.source, self.buffer_version(uri))
        return out

    def workspace_found(self) -> Found:
        """The workspace's .bkr files, at most `max_files` of them; past that, the user
        is told once (`window/showMessage`) which files rename, references and
        workspace symbols search. None at a limit of 0: the user asked for the open
        files only, and is not told of the others."""
        if self.max_files == 0:
            return Found()
        found = bkr_files(self.roots(), self.max_files)
        if found.capped and not self.said_capped:
            self.said_capped = True
            last = found.files[-1] if found.files else None
            self.window_show_message(
                T.ShowMessageParams(
                    type=T.MessageType.Warning,
                    message=(
                        f"bkrc: the workspace has more than {self.max_files:,} .bkr files; rename, find"
                        f" references and workspace symbols search the first {self.max_files:,} in path order"
                        + (f" (up to {last})" if last is not None else "")
                        + " and the open files. Open the files that import a module before renaming its"
                        " names, or raise `max_workspace_files`."
                    ),
                )
            )
        return found

    def importers(
        self, targets: set[Path], handled: set[Path], unsure: list[tuple[str, Diagnostic]] | None = None
    ) -> list[tuple[str, Document]]:
        """The documents that import one of `targets` (resolved paths), directly or
        not, and are not in `handled`: open ones as their buffers are now, the
        workspace's other .bkr files from disk. In path order. `unsure` gets those
        that may import one, bkrc cannot tell, with why: a module they import could
        not be looked up or read (BKR103, as `bkrc check` reports it), and it may be
        one of `targets` (`workspace.may_be`: a file of the same name)."""
        out: list[tuple[str, Document]] = []
        opened = self.open_paths()

        def take(path: Path, uri: str, doc: Document | None) -> None:
            if doc is None:
                return
            if doc.read & targets:
                handled.add(path)
                out.append((uri, doc))
            elif unsure is not None and (why := unsure_import(doc, targets)) is not None:
                handled.add(path)
                unsure.append((uri, why))

        for path, uri in sorted(opened.items()):
            if path not in handled:
                take(path, uri, self.fresh(uri))
        if not targets:
            return out
        search_path = self.search_path()
        reader = self.reader()
        buffers = self.buffers().get  # (resolved paths)
        # The walk's resolved paths (`Found.keys`), for each file: none resolved again.
        found = self.workspace_found()
        files, keys = [], []
        for path, key in zip(found.files, found.keys):
            if key not in handled and key not in opened:
                files.append(path)
                keys.append(key)
        importing = set(self.disk.importing(files, targets, search_path, buffers, keys))
        for path, key in zip(files, keys):
            if path in importing:
                doc = self.disk.document(path, search_path, buffers, reader, key)
                take(key, from_fs_path(str(path)), doc)
        return out

    def disk_documents(self) -> list[Document]:
        """The analyses of the workspace's .bkr files the editor has not opened (an
        open file is its buffer's), from disk, in path order: each kept until it or
        a file it reads changes (`Workspace.document`). For their names only: a file
        not yet analysed is not checked (`Document.checked`)."""
        opened = self.open_paths()
        search_path = self.search_path()
        reader = self.reader()
        buffers = self.buffers().get
        out = []
        found = self.workspace_found()
        for path, key in zip(found.files, found.keys):
            if key not in opened:
                doc = self.disk.document(path, search_path, buffers, reader, key, checks=False)
                if doc is not None:
                    out.append(doc)
        return out

    def every_document(self) -> list[Document]:
        """The open documents (as their buffers are now), then the workspace's other
        .bkr files (`disk_documents`): what workspace symbols, and the references
        of a user of the site's directory, search."""
        docs = [doc for doc in map(self.fresh, sorted(self.open_uris())) if doc is not None]
        return docs + self.disk_documents()

    def workspace_edit(self, done: list[tuple[Document, F.Renaming]]) -> T.WorkspaceEdit:
        """The edits of the renamings, each place once, per file: `documentChanges`
        when the client can apply them (each open buffer at its version, a new one
        of no file, `untitled:`, too, so the client refuses an edit to a buffer
        changed since; `null` for a file it has not opened), else `changes`."""
        opened = self.open_paths()
        buffers = set(self.open_uris())  # an open buffer of no file (`untitled:`) too
        boms = self.open_boms()
        edits: dict[str, list[T.TextEdit]] = {}
        versions: dict[str, int | None] = {}
        seen: set[tuple[str, int]] = set()
        for where, renamed in done:
            for span in renamed.spans:
                key = _span_key(span)
                target = self.uri_of(span.file, where)
                if key in seen or target is None:
                    continue
                if F.in_stdlib(span.file):  # never: `renaming` refuses first
                    raise refused(F.RenameRefused(f"{span.file} is the standard library's: rename never edits it"))
                seen.add(key)
                _, path = self.name_and_path(target)
                uri = opened.get(path.resolve(), target) if path is not None else target
                versions[uri] = self.workspace.get_text_document(uri).version if uri in buffers else None
                edit = self.text_edit(uri, self.range(span, where, boms), renamed.new)
                edits.setdefault(uri, []).append(edit)
        for found in edits.values():
            found.sort(key=lambda e: (e.range.start.line, e.range.start.character))
        return self.versioned_edit(edits, versions)

    def renamed_files_edit(self, files: list[T.FileRename]) -> T.WorkspaceEdit | None:
        """The edit that keeps the imports of the workspace's .bkr files (open or on
        disk) finding their modules once `files` are renamed or moved (the client's
        `workspace/willRenameFiles`, asked before it renames them): each import that
        finds a renamed file, or one in a renamed folder, written anew in its style
        (`workspace.followed_import`), and so each relative import of a file that
        moves. None when no import changes. The edits are at the files' present
        paths: the client applies them before it renames."""
        renames: list[tuple[Path, Path]] = []
        for rename in files:
            _, old = self.name_and_path(rename.old_uri)
            _, new = self.name_and_path(rename.new_uri)
            if old is None or new is None:
                continue
            new = Path(os.path.realpath(new.parent)) / new.name
            renames.append((Path(os.path.realpath(old)), new))
        if not renames:
            return None
        targets: set[Path] = set()
        for old, _new in renames:
            if os.path.isdir(old):
                for folder, _subfolders, names in os.walk(old):
                    targets.update(Path(folder) / n for n in names if n.endswith(".bkr"))
            else:
                targets.add(old)

        def moving(key: Path) -> bool:
            return any(key == old or key.is_relative_to(old) for old, _new in renames)

        docs: list[tuple[str, int | None, Document]] = []
        opened = self.open_paths()
        for path, uri in sorted(opened.items()):
            doc = self.fresh(uri)
            if doc is not None and doc.path is not None and (doc.read & targets or moving(path)):
                docs.append((uri, self.workspace.get_text_document(uri).version, doc))
        search_path = self.search_path()
        buffers = self.buffers().get
        reader = self.reader()
        found = self.workspace_found()
        files_, keys = [], []
        for path, key in zip(found.files, found.keys):
            if key not in opened:
                files_.append(path)
                keys.append(key)
        importing = set(self.disk.importing(files_, targets, search_path, buffers, keys))
        for path, key in zip(files_, keys):
            if path in importing or moving(key):
                doc = self.disk.document(path, search_path, buffers, reader, key, checks=False)
                if doc is not None:
                    docs.append((from_fs_path(str(path)), None, doc))
        roots = [Path(os.path.realpath(r)) for r in self.roots()]
        boms = self.open_boms()
        edits: dict[str, list[T.TextEdit]] = {}
        versions: dict[str, int | None] = {}
        for uri, version, doc in docs:
            for module in doc.analysis.program.modules:
                for imp in module.imports:
                    span = imp.span
                    if span.file != doc.name or span.end_column <= len(imp.path):
                        continue
                    spec = followed_import(imp.path, doc.path, doc.search_path, renames, roots)
                    if spec is None:
                        continue
                    start, column = span.end - len(imp.path), span.end_column - len(imp.path)
                    where = Span(
                        span.file, span.end_line, column, span.end_line, span.end_column, start, span.end
                    )
                    edits.setdefault(uri, []).append(self.text_edit(uri, self.range(where, doc, boms), spec))
                    versions[uri] = version
        if not edits:
            return None
        return self.versioned_edit(edits, versions)

    def files_renamed(self, files: list[T.FileRename]) -> None:
        """`files` were renamed or moved (the client's `workspace/didRenameFiles`).

        LSP asks a client to close an open document renamed and open it again
        under its new name; one that does not (lsp4ij before its pull request
        #456, 2024) left the server with a buffer under a name no file has: its
        diagnostics stayed in the editor's list, and the files that import the
        new path read the file on disk, not the buffer. Such a buffer
        is closed here (its diagnostics cleared) and, unless the client opened
        the new name already, moved there with its text and version: the
        client's next change names the new URI. The caches of the files on disk
        are dropped (as for a file created or deleted: an import may now find
        another file), and every open document is checked again: an import not
        rewritten finds nothing now (BKR101), and a client that watches no files
        says so only here."""
        moves: list[tuple[str, str]] = []
        for rename in files:
            _, old = self.name_and_path(rename.old_uri)
            _, new = self.name_and_path(rename.new_uri)
            if old is None or new is None:
                continue
            old = Path(os.path.abspath(old))
            for uri in self.open_uris():
                _, path = self.name_and_path(uri)
                if path is None or not Path(os.path.abspath(path)).is_relative_to(old):
                    continue
                inside = Path(os.path.abspath(path)).relative_to(old).as_posix()
                # (The client's spelling of the new URI, which its next change names.)
                new_uri = rename.new_uri if inside == "." else f"{rename.new_uri.rstrip('/')}/{quote(inside)}"
                moves.append((uri, new_uri))
        moved = []
        for uri, new_uri in moves:
            if unquote(uri) not in self.workspace.text_documents:  # (named twice)
                continue
            text_doc = self.workspace.get_text_document(uri)
            self.cancel(uri)
            self.documents.pop(uri, None)
            self.recheck.discard(uri)
            self.buffers_read.pop(uri, None)
            self.edited.pop(uri, None)
            self.openings.pop(unquote(uri), None)
            self.tokens_sent.pop(unquote(uri), None)
            self.workspace.remove_text_document(uri)
            self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
            if unquote(new_uri) not in self.workspace.text_documents:
                version = text_doc.version if text_doc.version is not None else 0
                language = text_doc.language_id or "bkr"
                item = T.TextDocumentItem(uri=new_uri, language_id=language, version=version, text=text_doc.source)
                self.workspace.put_text_document(item)
                self.opened += 1
                self.openings[unquote(new_uri)] = self.opened
                moved.append(new_uri)
        self.disk.forget()
        for uri in moved:
            self.check(uri)
        for uri in self.open_uris():
            if uri not in moved:
                self.schedule(uri, refresh_hints=True)

    def fix_edit(self, uri: str, doc: Document, version: int | None, edits) -> T.WorkspaceEdit | None:
        """A quick fix's edits (`diagnostics.Edit`s) as a workspace edit: in the document
        at `uri`, at its `version`; or in the imported module a module's mistake is
        mended in (`features._module_mend`), at its open buffer's version, `null` for a
        file the editor has not opened, as rename's edits go (`workspace_edit`). None
        when that module has no URI (never: the analysis read it)."""
        files: dict[str, list[T.TextEdit]] = {}
        versions: dict[str, int | None] = {uri: version}
        boms = None
        for e in edits:
            target = uri if e.span.file == doc.name else self.uri_of(e.span.file, doc)
            if target is None:  # pragma: no cover - a module the analysis read has a path
                return None
            if target not in versions:
                boms = boms or self.open_boms()
                opened = target in set(self.open_uris())
                versions[target] = self.workspace.get_text_document(target).version if opened else None
            files.setdefault(target, []).append(self.text_edit(target, self.range(e.span, doc, boms), e.new_text))
        return self.versioned_edit(files, {u: versions[u] for u in files})

    def versioned_edit(self, edits: dict[str, list[T.TextEdit]], versions: dict[str, int | None]) -> T.WorkspaceEdit:
        """The text edits per file as a workspace edit: `documentChanges`, each file's
        edits with the version of the buffer they were computed on (`null`: a file the
        client has not opened), when the client can apply them, so it refuses them
        once the buffer has changed since; else `changes`, which carry no version.
        Rename's edits and the quick fixes' (`workspace_edit`, `code_actions`)."""
        workspace = self.client_capabilities.workspace
        capability = workspace.workspace_edit if workspace is not None else None
        if capability is not None and capability.document_changes:
            return T.WorkspaceEdit(
                document_changes=[
                    T.TextDocumentEdit(
                        text_document=T.OptionalVersionedTextDocumentIdentifier(uri=uri, version=versions[uri]),
                        edits=edits[uri],
                    )
                    for uri in sorted(edits)
                ]
            )
        return T.WorkspaceEdit(changes={uri: edits[uri] for uri in sorted(edits)})

    # ------------------------------------------------------------ analysis
    def check(self, uri: str) -> Document:
        self.refresh_directory(but=uri)
        text_doc = self.workspace.get_text_document(uri)
        name, path = self.name_and_path(uri)
        buffers: dict[str, tuple[int, int | None]] = {}
        doc = analyse_document(
            name,
            text_doc.source,
            path=path,
            search_path=self.search_path(),
            reader=self.reader(buffers),
            parsed=self.parsed,
            max_errors=MAX_PUBLISHED_ERRORS,  # what `publish` shows, and no more held
            dialect=self.dialect,
            directory=self.directory,
        )
        doc.roots = tuple(str(r) for r in self.roots())  # (the paths its messages show: `F.shown_path`)
        self.renamed_modules(doc)
        at_end = uri in self.typing_at_end
        closed = at_end and self.read_closed(doc)
        # What stays published while the user types: one policy (`features.while_typing`).
        where = self.last_change.get(uri)
        typing = F.Typing(
            change=tuple(self.server_position(doc, p) for p in where) if where is not None else None,
            at_end=at_end,
            closed=closed,
            a_disks_shown=self.a_disks_shown.get(uri),
            last_good=self.last_good.get(uri),
            modules=self.modules_typed(uri, doc),
        )
        published = F.while_typing(doc, typing)
        (self.held_for_a_module.add if typing.modules else self.held_for_a_module.discard)(uri)
        doc.analysis.diagnostics = published.held
        if published.a_disks_shown is not None:
            self.a_disks_shown[uri] = published.a_disks_shown
        if published.last_good is not None:
            self.last_good[uri] = published.last_good
        self.documents[uri] = (text_doc.version, doc)
        self.buffers_read[uri] = buffers
        self.recheck.discard(uri)
        self.edited.pop(uri, None)
        self.publish(uri, doc, text_doc.version, published.shown)
        return doc

    def modules_typed(self, uri: str, doc: Document) -> dict[str, tuple[int, int, bool]]:
        """The modules `doc` read from other open buffers whose last change is known,
        each with its change's first and last line and whether it was typed at the end
        (`features.Typing.modules`, rule 6 of `while_typing`); looked for only while
        an error of reading or importing is in another file (a module), so a keystroke
        in a file whose modules read clean costs nothing more."""
        if not self.last_change or not any(
            d.is_error and d.span is not None and d.span.file != doc.name for d in doc.analysis.program.diagnostics
        ):
            return {}
        out = {}
        for name in doc.analysis.sources:
            if name == doc.name or F.in_stdlib(name):
                continue
            other = self.uri_of(name, doc)
            change = self.last_change.get(other) if other is not None and other != uri else None
            if change is not None:
                out[name] = (change[0].line, change[1].line, other in self.typing_at_end)
        return out

    def forget_typing(self, uri: str, *, saved: bool = False) -> None:
        """What the server keeps of the typing in a document (`typing_at_end`,
        `last_change`, `a_disks_shown`) dropped, when it is opened, saved or closed: its
        next check reads it as `bkrc check` does. A save keeps the count of BKR253 last
        published, which the next change inside a member block is held to, and the last
        checked analysis (`features.while_typing`)."""
        self.typing_at_end.discard(uri)
        self.last_change.pop(uri, None)
        if not saved:
            self.a_disks_shown.pop(uri, None)
            self.last_good.pop(uri, None)

    def read_closed(self, doc: Document) -> bool:
        """While the editor types at the end of the buffer, the blocks left open there
        read as closed at the end (`features.read_closed`): typed without auto-closed
        brackets, no check ran before the cluster's `}`, and the mistakes of the
        statements typed (`backup SYS` of no group, a member unknown) went unsaid
        until then. The BKR005 stays held back (`features.while_typing`); `bkrc check`, a save, or
        an edit above the end reads the file as written."""
        if not any(F.closed_later(d) for d in doc.analysis.diagnostics):
            return False
        from bkrdsl.diagnostics.core import sort_key

        closed = F.read_closed(doc, self.parsed.scratch() if self.parsed is not None else None)
        if closed is not None:
            doc.analysis.diagnostics = sorted(closed, key=sort_key)
        return closed is not None

    def fresh(self, uri: str) -> Document | None:
        """The analysis of the text as it is now (a request never answers from stale
        positions); None for a document the client has not opened (the server
        answers about the buffers it was given, and a file that is not there must
        not become an internal error)."""
        if uri not in self.open_uris():
            return None
        self.refresh_directory(but=uri)
        text_doc = self.workspace.get_text_document(uri)
        cached = self.documents.get(uri)
        if (
            cached is not None
            and cached[1].directory is self.directory  # (read again since: `refresh_directory`)
            and cached[0] == text_doc.version
            and cached[1].text == _normal(text_doc.source)
            and self.imports_unchanged(uri, cached[1])
        ):
            return cached[1]
        self.cancel(uri)
        return self.check(uri)

    def for_completion(self, uri: str) -> Document | None:
        """`fresh(uri)`, but when the buffer differs from the text last analysed by one
        word retyped, that analysis made to answer for it (`features.edited`): an
        editor asks for completion at each keystroke, and analysing a file of 10,000
        users again took 200-300 ms. Completion then answers as on a fresh analysis;
        where it cannot, it raises `features.Reanalyse`, and the caller asks `fresh`.
        The re-check the keystroke scheduled runs as before."""
        if uri not in self.open_uris():
            return None
        self.refresh_directory(but=uri)
        cached = self.documents.get(uri)
        stale = cached is not None and cached[1].directory is not self.directory  # read again since
        if cached is None or stale or not self.imports_unchanged(uri, cached[1]):
            return self.fresh(uri)
        text_doc = self.workspace.get_text_document(uri)
        version, doc = cached
        if version == text_doc.version and doc.text == _normal(text_doc.source):
            return doc
        made = self.edited.get(uri)
        if made is not None and made[0] == text_doc.version and made[1].text == _normal(text_doc.source):
            return made[1]
        found = F.edited(doc, text_doc.source)
        if found is None:
            return self.fresh(uri)
        self.edited[uri] = (text_doc.version, found)
        return found

    def imports_unchanged(self, uri: str, doc: Document) -> bool:
        """Whether the modules `doc` imports are as its analysis read them: no open
        buffer it read has changed or closed, and none it read from disk is open now
        or gone. (A re-check after an imported buffer changes waits for the debounce;
        a request meanwhile, a rename above all, must not answer from the old text.)"""
        read = self.buffers_read.get(uri, {})
        now = {u: self.buffer_version(u) for u in self.open_uris()}
        if any(now.get(u, _CLOSED) != version for u, version in read.items()):
            return False
        opened = self.open_paths()
        # A module read from disk that is gone (a client that watches no files never
        # says so): the file no longer imports what the analysis read.
        return all(opened[p] in read if p in opened else p.is_file() for p in doc.read)

    def comment_only(self, uri: str) -> bool:
        """Whether the buffer differs from the text last analysed only in a comment
        (`features.comment_edit`), the analysis current otherwise (the same CP
        directory, the same imports), and nothing but its own keystrokes asked
        for a re-check since: its re-check would publish the very diagnostics
        published. The analysis is kept as it is (a request analyses the buffer)."""
        if uri in self.recheck:
            return False
        cached = self.documents.get(uri)
        if cached is None:
            return False
        self.refresh_directory(but=uri)
        doc = cached[1]
        if doc.directory is not self.directory or not self.imports_unchanged(uri, doc):
            return False
        return F.comment_edit(doc, self.workspace.get_text_document(uri).source)

    def cancel(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()

    def schedule(self, uri: str, *, refresh_hints: bool = False, typed: bool = False) -> None:
        """Re-check after the debounce delay; a newer change restarts the wait.
        `refresh_hints`: the change is another file's (a module it imports), which
        the client does not know to ask the document's inlay hints again for.
        `typed`: the change is the buffer's own (`didChange`), and nothing else
        asked for a re-check since the last: one typed in a comment only publishes
        the same diagnostics, and is spared (`comment_only`)."""
        self.cancel(uri)
        if not typed:
            self.recheck.add(uri)

        async def later() -> None:
            await asyncio.sleep(self.debounce)
            self.pending.pop(uri, None)
            if uri in self.open_uris() and not self.comment_only(uri):
                self.check(uri)
                if refresh_hints:
                    self.refresh_inlay_hints()
            self.collector.rest()  # the re-check allocated much: collect once idle again

        self.pending[uri] = asyncio.get_running_loop().create_task(later())

    def refresh_inlay_hints(self) -> None:
        """Ask the client to ask for inlay hints again, when it says it can (LSP 3.17,
        `workspace/inlayHint/refresh`): a module's kinds and members change the
        derived names shown in the documents that import it."""
        workspace = self.client_capabilities.workspace
        hints = workspace.inlay_hint if workspace is not None else None
        if hints is not None and hints.refresh_support and not self.shut_down:
            self.workspace_inlay_hint_refresh(None)

    def dependents(self, uri: str) -> list[str]:
        """Open documents that import `uri` (directly or not): they see its unsaved text too."""
        _, path = self.name_and_path(uri)
        if path is None:
            return []
        key = path.resolve()
        return [u for u, (_, d) in self.documents.items() if u != uri and key in d.read]

    # ------------------------------------------------------------ conversions
    def text_edit(self, uri: str, where: T.Range, new_text: str) -> T.TextEdit:
        """Every edit the server answers with: `new_text` (made from the LF text the
        analysis reads) with the line ends of the document at `uri` (`line_end`; the
        document is read only when the new text breaks a line). LSP does not ask a
        client to convert them: one that applies the edit as given would mix `\\n`
        into a CRLF file. `where` needs no change: the lines are the same, only
        their ends differ."""
        if _LINE_END.search(new_text) is not None:
            new_text = _LINE_END.sub(line_end(self.workspace.get_text_document(uri).source), new_text)
        return T.TextEdit(range=where, new_text=new_text)

    def lines_of(self, file: str, doc: Document) -> list[str]:
        return doc.lines(file)

    def position(self, lines: list[str], line: int, column: int) -> T.Position:
        # A column of an ASCII line is the same number in every encoding (pygls
        # would count the units of every character before it, at each place).
        if line < len(lines) and column <= len(lines[line]) and lines[line].isascii():
            return T.Position(line=line, character=column)
        return self.workspace.position_codec.position_to_client_units(lines, ServerTextPosition(line, column))

    def bom_units(self) -> int:
        """The byte-order mark's width in the client's units (3 in UTF-8, else 1)."""
        return self.workspace.position_codec.client_num_units("\ufeff")

    def end_of(self, source: str) -> T.Position:
        """Where the editor's text `source` ends, as the editor counts it: its own
        last line (any line end splits it) and that line's width in the client's units."""
        last = _LINE_END.split(source)
        return T.Position(line=len(last) - 1, character=self.workspace.position_codec.client_num_units(last[-1]))

    def past_bom(self, doc: Document, position: T.Position) -> T.Position:
        """A position in the document's own text as the editor counts it: one more
        character on line 1 when the editor's text begins with a byte-order mark."""
        if doc.bom and position.line == 0:
            return T.Position(line=0, character=position.character + self.bom_units())
        return position

    def range(self, span: Span, doc: Document, boms: OpenBoms | None = None) -> T.Range:
        """The place of `span` as the editor counts it. `boms`: `open_boms()`, when
        the caller converts many places (else worked out here, when needed)."""
        lines = self.lines_of(span.file, doc)
        start = self.position(lines, span.line - 1, span.column - 1)
        end = self.position(lines, span.end_line - 1, span.end_column - 1)
        if self.has_bom(span.file, doc, boms):
            units = self.bom_units()
            if start.line == 0:
                start = T.Position(line=0, character=start.character + units)
            if end.line == 0:
                end = T.Position(line=0, character=end.character + units)
        return T.Range(start=start, end=end)

    def has_bom(self, file: str, doc: Document, boms: OpenBoms | None = None) -> bool:
        """Whether the editor counts a byte-order mark before line 1 of `file` (seen
        from `doc`): the document's own buffer, or another open buffer (an imported
        module) that begins with one. A file the editor has not opened has none
        that counts: an editor loads it with the mark stripped. `boms`: `open_boms()`."""
        if file == doc.name:
            return doc.bom
        uri = self.uri_of(file, doc)
        _, path = self.name_and_path(uri) if uri is not None else (None, None)
        if path is None:
            return False
        return (boms or self.open_boms())(path.resolve())

    def location(self, span: Span, doc: Document, boms: OpenBoms | None = None) -> T.Location | None:
        uri = self.uri_of(span.file, doc)
        return T.Location(uri=uri, range=self.range(span, doc, boms)) if uri else None

    def locator(self):
        """`location` for many spans at once (workspace symbols): each file's URI,
        lines and byte-order mark worked out once, not for every span."""
        files: dict[tuple[int, str], tuple[str | None, list[str], bool]] = {}
        boms = self.open_boms()

        def position(lines: list[str], line: int, column: int) -> T.Position:
            # A column of an ASCII line is the same number in every encoding.
            if line < len(lines) and column <= len(lines[line]) and lines[line].isascii():
                return T.Position(line=line, character=column)
            return self.position(lines, line, column)

        def locate(span: Span, doc: Document) -> T.Location | None:
            known = files.get((id(doc), span.file))
            if known is None:
                uri = self.uri_of(span.file, doc)
                bom = uri is not None and self.has_bom(span.file, doc, boms)
                known = (uri, self.lines_of(span.file, doc), bom)
                files[(id(doc), span.file)] = known
            uri, lines, bom = known
            if uri is None:
                return None
            start = position(lines, span.line - 1, span.column - 1)
            end = position(lines, span.end_line - 1, span.end_column - 1)
            if bom:
                units = self.bom_units()
                if start.line == 0:
                    start = T.Position(line=0, character=start.character + units)
                if end.line == 0:
                    end = T.Position(line=0, character=end.character + units)
            return T.Location(uri=uri, range=T.Range(start=start, end=end))

        return locate

    def server_position(self, doc: Document, position: T.Position) -> tuple[int, int]:
        lines = self.lines_of(doc.name, doc)
        if position.line >= len(lines):
            return len(lines) - 1, len(lines[-1])
        if doc.bom and position.line == 0:
            position = T.Position(line=0, character=max(0, position.character - self.bom_units()))
        if position.character >= self.workspace.position_codec.client_num_units(lines[position.line]):
            # "If the character value is greater than the line length it defaults back
            # to the line length" (LSP, Position); pygls would take the last character.
            return position.line, len(lines[position.line])
        at = self.workspace.position_codec.position_from_client_units(
            lines, T.Position(line=position.line, character=position.character)
        )
        return at.line, at.character

    def semantic_data(self, uri: str, lines: tuple[int, int] | None = None) -> list[int] | None:
        """The semantic tokens of the buffer at `uri` as it is now (`semantic.encode`;
        `lines`, those of a range): the lexer's, and the volume labels of its
        analysis's AST (`fresh`: the one the diagnostics come from; no model or
        name index is built for them). A text with syntax errors is coloured as
        the highlighters colour it, its labels as the recovery reads them. None
        for a document the client has not opened."""
        doc = self.fresh(uri)
        if doc is None:
            return None
        if doc.semantic is None:  # once per analysis: a range after the whole asks again
            volumes = semantic.volume_labels(doc.analysis.program.main, doc.name)
            doc.semantic = semantic.kinds_of(doc.text, volumes)
        bom = self.bom_units() if doc.bom else 0
        units = self.workspace.position_codec.client_num_units
        return semantic.encode(doc.text, doc.semantic, units, bom, lines)

    def semantic_tokens(
        self, uri: str, previous: str | None = None
    ) -> T.SemanticTokens | T.SemanticTokensDelta | None:
        """`/full` (`previous` None) and `/full/delta`: the buffer's tokens under a new
        `resultId`, kept as the buffer's last answer (`tokens_sent`). For a delta whose
        `previous` is that answer's id, the one edit of its integers that gives the
        new ones (`semantic.delta`; none when they are the same); for any other id
        (an answer before the last, or one of a server since restarted), the whole
        tokens, as LSP lets a server answer. A range's answer is no answer to build
        on: it has no id and leaves the last whole one as it was."""
        data = self.semantic_data(uri)
        if data is None:
            return None
        key = unquote(uri)  # (as pygls keys the buffers: `did_close` drops it)
        sent = self.tokens_sent.get(key)
        result_id = str(next(self.result_ids))
        self.tokens_sent[key] = (result_id, data)
        if previous is None or sent is None or sent[0] != previous:
            return T.SemanticTokens(data=data, result_id=result_id)
        edit = semantic.delta(sent[1], data)
        if edit is None:
            return T.SemanticTokensDelta(edits=[], result_id=result_id)
        start, count, inserted = edit
        return T.SemanticTokensDelta(
            edits=[T.SemanticTokensEdit(start=start, delete_count=count, data=inserted)], result_id=result_id
        )

    def offset_range(self, doc: Document, start: int, end: int) -> T.Range:
        source = doc.source
        (l0, c0), (l1, c1) = source.position(start), source.position(end)
        lines = self.lines_of(doc.name, doc)
        return T.Range(
            start=self.past_bom(doc, self.position(lines, l0 - 1, c0 - 1)),
            end=self.past_bom(doc, self.position(lines, l1 - 1, c1 - 1)),
        )

    def lsp_diagnostic(self, p: F.Placed, doc: Document, boms: OpenBoms | None = None) -> T.Diagnostic:
        d = p.diagnostic
        message = p.message
        related = []
        if self.takes_related_information():
            for r in d.related:
                where = self.location(r.span, doc, boms)
                if where is not None:
                    label = F.shown_paths(doc, r.label)
                    related.append(T.DiagnosticRelatedInformation(location=where, message=label))
            if d.span is not None and p.span is not d.span:
                where = self.location(d.span, doc, boms)
                if where is not None:
                    own = F.shown_paths(doc, d.message)
                    related.insert(0, T.DiagnosticRelatedInformation(location=where, message=own))
        else:  # the other places in the message (the diagnostic's own, shown at an import, already is)
            message += "".join(f"\n{F.where(doc, r.span)}: {F.shown_paths(doc, r.label)}" for r in d.related)
        return T.Diagnostic(
            range=self.range(p.span, doc, boms),
            message=message,
            severity=_SEVERITY[d.severity],
            code=d.code,
            source="bkrc",
            related_information=related or None,
        )

    def takes_related_information(self) -> bool:
        """Whether the client declared `publishDiagnostics.relatedInformation`: LSP
        sends the other places of a diagnostic to no other (Emacs's eglot declares
        it false), so they are told in its message instead."""
        text = self.client_capabilities.text_document
        published = text.publish_diagnostics if text is not None else None
        return bool(published is not None and published.related_information)

    def publish(self, uri: str, doc: Document, version: int | None, found: list[Diagnostic]) -> None:
        """`found`, the document's diagnostics to publish (`features.while_typing`), each
        file's up to its MAX_PUBLISHED_ERRORSth error and then one note that the list
        stops there (an editor given 100,000 diagnostics stalls, and no one reads past
        the first screen of them)."""
        from bkrdsl.diagnostics.limit import limit

        boms = self.open_boms()
        shown, stops = limit(found, MAX_PUBLISHED_ERRORS, doc.analysis.stops)
        diagnostics = [self.lsp_diagnostic(p, doc, boms) for p in F.placed(doc, shown)]
        for stop in stops:
            note = Diagnostic("", Severity.NOTE, stop.editor_message, stop.at)
            (p,) = F.placed(doc, [note])
            diagnostics.append(
                T.Diagnostic(
                    range=self.range(p.span, doc, boms),
                    message=p.message,
                    severity=_SEVERITY[Severity.NOTE],
                    source="bkrc",
                )
            )
        self.text_document_publish_diagnostics(
            T.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )


#: Errors published per file of a document's analysis (as `bkrc check`'s default
#: `--max-errors`); the rest are summed up in one note. The analysis of an open
#: document keeps no more (`analyse(max_errors=...)`).
MAX_PUBLISHED_ERRORS = 100

_CLOSED = object()  # the version of a buffer that is not open


class OpenBoms:
    """Whether the open buffer of a file (its resolved path) begins with a byte-order
    mark; False for a file not open. The open buffers are gathered on the first
    question only: a request converting many places asks once per place."""

    def __init__(self, server: BkrServer) -> None:
        self.server = server
        self.known: dict[Path, bool] | None = None

    def __call__(self, path: Path) -> bool:
        if self.known is None:
            buffers = self.server.buffers()
            self.known = {p: text.startswith("\ufeff") for p, (text, _version) in buffers.items()}
        return self.known.get(path, False)


def _span_key(span: Span) -> tuple[str, int]:
    """One place in one file, however the documents that see it name the file (a
    module of the standard library is `std/NAME.bkr` in the files that import it, and
    its path in its own buffer, when the editor has it open)."""
    file = span.file
    if file.startswith("std/"):
        from bkrdsl.resources import stdlib_dir

        file = str(stdlib_dir() / file[4:])
    return (os.path.realpath(file) if os.path.isabs(file) else file, span.start)


def _holds(path: Path, seen: tuple[int, bytes]) -> bool:
    """Whether the file `path` holds the bytes `seen` stands for (their size, their
    SHA-256): its size first, so only a file of that size is read."""
    try:
        if os.stat(path).st_size != seen[0]:
            return False
        return hashlib.sha256(read_file(path)).digest() == seen[1]
    except OSError:
        return False


def _resolved(file: str, doc: Document, server: BkrServer) -> Path | None:
    """The resolved path of a file named in a span of `doc` (the standard library's too)."""
    uri = server.uri_of(file, doc)
    path = server.name_and_path(uri)[1] if uri is not None else None
    return path.resolve() if path is not None else None


def _edited(done: tuple[Document, F.Renaming], server: BkrServer) -> set[Path]:
    """The files a renaming edits, as resolved paths."""
    doc, renamed = done
    return {p for p in (_resolved(f, doc, server) for f in {s.file for s in renamed.spans}) if p is not None}


def _unsure(server: BkrServer, unsure: list[tuple[str, Diagnostic]]) -> tuple[str, str]:
    """The file whose uses bkrc cannot tell (and how many more), and why: a module
    it imports could not be looked up or read (BKR103, `bkrc check`'s message)."""
    uri, problem = unsure[0]
    more = f" (and {len(unsure) - 1} more file{'s' if len(unsure) > 2 else ''})" if len(unsure) > 1 else ""
    said = F.relative_to(problem.message, [str(r) for r in server.roots()])
    return f"{server.shown_name(uri)}{more}", f"{said} (BKR103)"


def _normal(text: str) -> str:
    from bkrdsl.syntax.reader import normalise

    return normalise(text)


def _declared_kinds(kinds, initial: frozenset) -> frozenset:
    """The kinds a client's `valueSet` declares (`kinds`: its `symbolKind` or
    `completionItemKind`), else `initial`, those LSP says a client that declares
    none knows: the kinds of LSP's first version."""
    value_set = kinds.value_set if kinds is not None else None
    return frozenset(value_set) if value_set else initial


def _known_symbol_kinds(capability) -> frozenset[T.SymbolKind]:
    """The symbol kinds a client's `symbolKind.valueSet` declares (for the outline,
    or workspace symbols): LSP says one that declares none knows File to Array."""
    return _declared_kinds(capability.symbol_kind if capability is not None else None, _INITIAL_SYMBOL_KINDS)


def _symbol_kind(kind: str, known: frozenset[T.SymbolKind]) -> T.SymbolKind:
    """A symbol's kind as the client can show it: one it does not know (a member's
    Struct, an expiry's Event, past Array) is sent as Module, which every client knows."""
    mapped = _SYMBOL_KIND[kind]
    return mapped if mapped in known else T.SymbolKind.Module


def _completion_kinds(server: BkrServer) -> frozenset[T.CompletionItemKind]:
    """The completion item kinds the client declares (`completionItemKind.valueSet`);
    LSP says one that declares none knows Text to Reference."""
    text = server.client_capabilities.text_document
    completion = text.completion if text is not None else None
    kinds = completion.completion_item_kind if completion is not None else None
    return _declared_kinds(kinds, _INITIAL_COMPLETION_KINDS)


def _completion_kind(kind: str, known: frozenset[T.CompletionItemKind]) -> T.CompletionItemKind:
    """A completion's kind as the client can show it (`_COMPLETION_KIND_KNOWN_TO_ALL`)."""
    mapped = _COMPLETION_KIND[kind]
    return mapped if mapped in known else _COMPLETION_KIND_KNOWN_TO_ALL.get(kind, T.CompletionItemKind.Text)


def _hover_format(server: BkrServer) -> T.MarkupKind:
    """The format a hover is sent in: the first of the client's `hover.contentFormat`
    (its preferred first, LSP says) that the server writes; plain text for a client
    that lists none of them, or nothing: Markdown's marks would show as they are."""
    text = server.client_capabilities.text_document
    hover = text.hover if text is not None else None
    for kind in (hover.content_format if hover is not None else None) or ():
        if kind in (T.MarkupKind.Markdown, T.MarkupKind.PlainText):
            return T.MarkupKind(kind)
    return T.MarkupKind.PlainText


def _asks_for(only: Sequence[str] | None, kind: str) -> bool:
    """Whether a code action request's `only` names `kind` or a kind it is in
    (`source` holds `source.fixAll`); a request that names none asks for the quick
    fixes alone here (the lightbulb's, at every move of the cursor)."""
    return bool(only) and any(kind == k or kind.startswith(k + ".") for k in only)


def _takes_code_actions(capabilities: T.ClientCapabilities) -> bool:
    """Whether the client declared `codeAction.codeActionLiteralSupport`. LSP has a
    server answer any other with Commands only, which this server would have to
    run itself: such a client is sent no code action, and none is announced to it
    (nor CodeActionOptions, which LSP keeps for a client with the literals)."""
    text = capabilities.text_document
    actions = text.code_action if text is not None else None
    return actions is not None and actions.code_action_literal_support is not None


def _shows_disabled_actions(capabilities: T.ClientCapabilities) -> bool:
    """Whether the client declared `codeAction.disabledSupport` (LSP 3.16; VS Code
    does): it shows a disabled code action greyed, with its reason."""
    text = capabilities.text_document
    actions = text.code_action if text is not None else None
    return actions is not None and bool(actions.disabled_support)


def _outline_kinds(server: BkrServer) -> frozenset[T.SymbolKind]:
    """The symbol kinds the client declares for the outline (`_known_symbol_kinds`)."""
    text = server.client_capabilities.text_document
    return _known_symbol_kinds(text.document_symbol if text is not None else None)


def _symbol(server: BkrServer, s: F.Symbol, doc: Document, known: frozenset[T.SymbolKind]) -> T.DocumentSymbol:
    return T.DocumentSymbol(
        name=s.name,
        detail=s.detail or None,
        kind=_symbol_kind(s.kind, known),
        range=server.range(s.span, doc),
        selection_range=server.range(s.selection, doc),
        children=[_symbol(server, c, doc, known) for c in s.children] or None,
    )


def _takes_symbol_tree(server: BkrServer) -> bool:
    """Whether the client declared `hierarchicalDocumentSymbolSupport` (VS Code,
    Neovim): LSP gives any other client (vim-lsp's default) SymbolInformation[]."""
    text = server.client_capabilities.text_document
    capability = text.document_symbol if text is not None else None
    return bool(capability is not None and capability.hierarchical_document_symbol_support)


def _flat_symbols(
    server: BkrServer,
    symbols: list[F.Symbol],
    doc: Document,
    uri: str,
    known: frozenset[T.SymbolKind],
    container: str | None = None,
) -> list[T.SymbolInformation]:
    """The outline as a list, in the tree's order: each symbol at the place the
    tree gives it (`_symbol`'s range and kind), its parent's name as its container."""
    out = []
    for s in symbols:
        where = T.Location(uri=uri, range=server.range(s.span, doc))
        kind = _symbol_kind(s.kind, known)
        out.append(T.SymbolInformation(name=s.name, kind=kind, location=where, container_name=container))
        out += _flat_symbols(server, s.children, doc, uri, known, s.name)
    return out


def _say_unsearchable(ls: BkrServer) -> None:
    """Tell the user once, at start, of each `include` folder that cannot be searched
    (missing, a file), as `bkrc check -I DIR` refuses it: imports were looked up
    elsewhere, or reported missing (BKR101), with the cause unsaid."""
    from bkrdsl.resolve.loader import unsearchable

    for folder in ls.include:
        problem = unsearchable(folder)
        if problem:
            ls.window_show_message(
                T.ShowMessageParams(
                    type=T.MessageType.Warning,
                    message=f"bkrc: the `include` setting: {problem}; imports are not searched there",
                )
            )


def _read_dialect(ls: BkrServer, path: str) -> None:
    """The `dialect` setting: the table the checks read, as `bkrc check --dialect`
    reads it; one that cannot be read leaves the built-in one, and is told at start."""
    from bkrdsl.dialect import DialectError, load_dialect

    try:
        ls.dialect = ls.disk.dialect = load_dialect(path=path)
    except DialectError as err:
        ls.dialect_problem = f"bkrc: the `dialect` setting: {err}; the checks read the built-in table"


def _say_dialect_problem(ls: BkrServer) -> None:
    if ls.dialect_problem is not None:
        ls.window_show_message(T.ShowMessageParams(type=T.MessageType.Warning, message=ls.dialect_problem))


class SiteDirectory:
    """The `directory` setting: the site's CP directory the checks compare with, as
    `bkrc check --directory` reads it (what it cannot read as a directory is its
    own diagnostic, BKR501). Read once, and again when its file's stamp (time of
    change and size) is not the one read, or a watcher says it changed: an edit
    of USER DIRECT while the editor is open counts without a restart. A file that
    cannot be opened is told once, and nothing compared until it can be."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.stamp: tuple[int, int] | None = None  # of the file as last read
        self.directory = None  # `cpdirectory.Directory`
        self.problem: str | None = None  # why it cannot be read now
        self.said: str | None = None  # the problem last told

    def reread(self) -> bool:
        """Read the file if it changed since it was read; whether what the checks
        compare with changed (read again, or gone)."""
        try:
            info = os.stat(self.path)
        except OSError as err:
            return self._unreadable(err)
        stamp = (info.st_mtime_ns, info.st_size)
        if stamp == self.stamp:
            return False
        from bkrdsl.cpdirectory import MAX_FILE_SIZE, read_directory

        try:
            with open(self.path, "rb") as f:
                data = f.read(MAX_FILE_SIZE + 1)
        except OSError as err:
            return self._unreadable(err)
        self.stamp, self.problem, self.said = stamp, None, None
        self.directory = read_directory(os.path.abspath(self.path), data)
        return True

    def forget(self) -> None:
        """Read the file at the next `reread`, whatever its stamp (a watcher said it changed)."""
        self.stamp = None

    def _unreadable(self, err: OSError) -> bool:
        why = err.strerror or err
        self.problem = f"bkrc: the `directory` setting: cannot read {self.path}: {why}; nothing is checked against it"
        changed = self.directory is not None or self.stamp is not None
        self.directory, self.stamp = None, None
        return changed

    def told(self) -> str | None:
        """The problem, once: None when there is none or it was told already."""
        if self.problem is None or self.problem == self.said:
            return None
        self.said = self.problem
        return self.problem


def _directory_in(settings) -> str | None:
    """The `directory` setting a `workspace/didChangeConfiguration` carries: in VS
    Code's section (`{"bkr": {"server": {"directory": PATH}}}`, the extension's
    `bkr.server.directory`), else by the option's own name (`{"directory": PATH}`);
    None when it carries none (or not as text)."""
    if not isinstance(settings, dict):
        return None
    section = settings.get("bkr")
    server = section.get("server") if isinstance(section, dict) else None
    found = server.get("directory") if isinstance(server, dict) else settings.get("directory")
    return found if isinstance(found, str) else None


def _directory_setting(ls: BkrServer, path: str) -> None:
    """The `directory` setting names `path` (empty: none), at start or since."""
    ls.site_directory = SiteDirectory(path) if path else None
    if ls.site_directory is not None:
        ls.site_directory.reread()


def _renamed_files() -> T.FileOperationRegistrationOptions:
    """The files whose renames the server hears of (`workspace.fileOperations`'
    `willRename` and `didRename`): `.bkr` files, and folders (which may hold some)."""
    return T.FileOperationRegistrationOptions(
        filters=[
            T.FileOperationFilter(
                scheme="file",
                pattern=T.FileOperationPattern(glob="**/*.bkr", matches=T.FileOperationPatternKind.File),
            ),
            T.FileOperationFilter(
                scheme="file",
                pattern=T.FileOperationPattern(glob="**", matches=T.FileOperationPatternKind.Folder),
            ),
        ]
    )


def build_server() -> BkrServer:
    server = BkrServer()

    @server.feature(T.INITIALIZE)
    def initialize(ls: BkrServer, params: T.InitializeParams) -> None:
        options = params.initialization_options or {}
        if isinstance(options, dict):
            include = options.get("include") or ()
            ls.include = tuple(str(p) for p in include if isinstance(p, str))
            debounce = options.get("debounce_ms")
            if isinstance(debounce, (int, float)) and 0 <= debounce <= 10_000:
                ls.debounce = debounce / 1000
            most = options.get("max_workspace_files")
            if isinstance(most, int) and not isinstance(most, bool) and most >= 0:
                ls.max_files = most
            table = options.get("dialect")
            if isinstance(table, str) and table:
                _read_dialect(ls, table)
            directory = options.get("directory")
            if isinstance(directory, str) and directory:
                _directory_setting(ls, directory)
        ls.note_workspace_files()

    @server.feature(T.INITIALIZED)
    async def initialized(ls: BkrServer, params: T.InitializedParams) -> None:
        _say_unsearchable(ls)
        _say_dialect_problem(ls)
        ls.say_directory_problem()
        # Ask the client to tell of .bkr files changed on disk by anything but
        # the editor (git, another tool): modules that appear, change or go.
        workspace = ls.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace is not None else None
        if watched is None or not watched.dynamic_registration:
            return
        # And of folders created or deleted: VS Code reports a folder deleted or moved
        # with one event for the folder, none for the .bkr files in it
        # (microsoft/vscode#109754, "as designed"), which `**/*.bkr` does not match.
        # That watcher matches every file too: `watched_files` drops what no
        # document can have read.
        folders = T.FileSystemWatcher(glob_pattern="**/*", kind=_CREATE | _DELETE)
        watchers = [T.FileSystemWatcher(glob_pattern="**/*.bkr"), folders]
        options = T.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
        registration = T.Registration(
            id="bkr-watched-files", method=T.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        # A client that refuses: open documents are still checked as they change.
        with contextlib.suppress(Exception):
            await ls.client_register_capability_async(T.RegistrationParams(registrations=[registration]))

    # A .bkr file or a folder renamed or moved in the editor (VS Code's explorer):
    # the imports that find it are rewritten before it goes (`renamed_files_edit`).
    @server.feature(T.WORKSPACE_WILL_RENAME_FILES, _renamed_files())
    def will_rename_files(ls: BkrServer, params: T.RenameFilesParams) -> T.WorkspaceEdit | None:
        return ls.renamed_files_edit(params.files)

    # ... and once it is renamed (`workspace/didRenameFiles`), whether the imports
    # were rewritten or not: what was read at the old path is read again.
    @server.feature(T.WORKSPACE_DID_RENAME_FILES, _renamed_files())
    def did_rename_files(ls: BkrServer, params: T.RenameFilesParams) -> None:
        ls.files_renamed(params.files)

    @server.feature(T.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: BkrServer, params: T.DidChangeConfigurationParams) -> None:
        # Settings come from `initializationOptions` and take effect when the server
        # starts again, but `directory`, which may also come here: the open documents
        # are checked against the directory it names now. Settings without it (Neovim
        # sends `{}` after every start) change nothing.
        path = _directory_in(params.settings)
        if path is None or path == (ls.site_directory.path if ls.site_directory is not None else ""):
            return
        _directory_setting(ls, path)
        ls.say_directory_problem()
        for uri in ls.open_uris():
            ls.schedule(uri, refresh_hints=True)

    # A folder the client adds to the workspace (VS Code's *Add Folder to Workspace...*;
    # pygls has already added it to `workspace.folders`): its .bkr files are noted as
    # the start's were, so that a module renamed there before its importer is opened is
    # known by its bytes. A folder removed leaves its notes: what its files held stays
    # true, and rename searches its files no more. Both change how the messages name
    # the files (relative to a workspace folder), so the open documents are checked again.
    @server.feature(T.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    def workspace_folders(ls: BkrServer, params: T.DidChangeWorkspaceFoldersParams) -> None:
        added = []
        for folder in params.event.added or ():
            _, path = ls.name_and_path(folder.uri)
            if path is not None and os.path.isdir(path):
                added.append(path)
        if added:
            ls.note_workspace_files(added)
        for uri in ls.open_uris():
            ls.schedule(uri)

    @server.feature(T.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: BkrServer, params: T.DidChangeWatchedFilesParams) -> None:
        ls.note_watched_files(params.changes)
        # A module created, changed or deleted on disk: every open document may
        # import it (or have failed to find it, BKR101), so each is checked again.
        changes = [c for c in params.changes if ls.may_matter(c)]
        if changes:
            site = ls.site_directory
            paths = {ls.name_and_path(c.uri)[1] for c in changes}
            if site is not None and Path(os.path.abspath(site.path)) in paths:
                site.forget()  # read again, whatever its stamp, before the checks below
            if any(c.type != T.FileChangeType.Changed for c in changes):
                ls.disk.forget()  # a file created or deleted may change what an import finds
            else:  # what was read from the files changed goes (their stamps would tell, mostly)
                paths = (ls.name_and_path(c.uri)[1] for c in changes)
                ls.disk.changed(p for p in paths if p is not None)
            for uri in ls.open_uris():
                ls.schedule(uri, refresh_hints=True)

    @server.feature(T.SHUTDOWN)
    def shutdown(ls: BkrServer, params: None) -> None:
        # No diagnostics after the reply: a re-check still waiting is dropped.
        ls.shut_down = True
        for uri in list(ls.pending):
            ls.cancel(uri)

    @server.feature(T.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: BkrServer, params: T.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.forget_typing(uri)
        ls.opened += 1
        ls.openings[unquote(uri)] = ls.opened
        ls.check(uri)
        for other in ls.dependents(uri):
            ls.schedule(other, refresh_hints=True)

    @server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: BkrServer, params: T.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.schedule(uri, typed=True)
        for other in ls.dependents(uri):
            ls.schedule(other, refresh_hints=True)

    @server.feature(T.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: BkrServer, params: T.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel(uri)
        ls.forget_typing(uri, saved=True)  # a `{` left open said again, BKR253 as `bkrc check` reads it
        # Not for a document the client has not opened (or has closed): pygls would
        # read its file, which may not be UTF-8 text, and publish for it.
        if unquote(uri) in ls.workspace.text_documents:  # keyed as pygls keys them
            ls.check(uri)
        # The open files that read this module while it was typed (rule 6 of
        # `features.while_typing`) read it now as saved, as `bkrc check` does.
        for other in ls.dependents(uri):
            if other in ls.held_for_a_module:
                ls.cancel(other)
                ls.check(other)
        # A module read from disk that is gone (a client that watches no files never
        # says so, `imports_unchanged`): the open files that read it are checked again,
        # so a save leaves every open file's diagnostics `bkrc check`'s. A stat each.
        # And an import no module answered (BKR101) that the file saved may answer now (a
        # buffer saved as a new file, a module saved back under its old name): the open
        # files with one are checked again too; they read no file to tell them so.
        for other in ls.open_uris():
            cached = ls.documents.get(other)
            if other != uri and cached is not None and (
                not ls.imports_unchanged(other, cached[1]) or any(d.code == "BKR101" for d in cached[1].diagnostics)
            ):
                ls.check(other)

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: BkrServer, params: T.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        # Documents that import it saw its unsaved text: they are checked again
        # against the file on disk.
        others = ls.dependents(uri)
        ls.cancel(uri)
        ls.documents.pop(uri, None)
        ls.recheck.discard(uri)
        ls.buffers_read.pop(uri, None)
        ls.edited.pop(uri, None)
        ls.openings.pop(unquote(uri), None)
        ls.tokens_sent.pop(unquote(uri), None)
        ls.forget_typing(uri)
        ls.held_for_a_module.discard(uri)
        ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        for other in others:
            ls.schedule(other, refresh_hints=True)

    @server.feature(T.TEXT_DOCUMENT_HOVER)
    def hover(ls: BkrServer, params: T.HoverParams) -> T.Hover | None:
        doc = ls.fresh(params.text_document.uri)
        if doc is None:
            return None
        found = F.hover(doc, *ls.server_position(doc, params.position))
        if found is None:
            return None
        kind = _hover_format(ls)
        value = found.markdown if kind is T.MarkupKind.Markdown else found.plain_text
        return T.Hover(
            contents=T.MarkupContent(kind=kind, value=value),
            range=ls.range(found.span, doc) if found.span is not None else None,
        )

    # `:` too: the colon of an SFS path (`include sfs BKRPOOL:`), after which the file
    # spaces go; a client asks at a word's letters, and the colon is none.
    @server.feature(T.TEXT_DOCUMENT_COMPLETION, T.CompletionOptions(trigger_characters=[" ", ",", "/", ":"]))
    def completion(ls: BkrServer, params: T.CompletionParams) -> T.CompletionList:
        uri = params.text_document.uri
        doc = ls.for_completion(uri)
        items = []
        if doc is None:
            return T.CompletionList(is_incomplete=False, items=items)
        try:
            found = F.completions(doc, *ls.server_position(doc, params.position))
        except F.Reanalyse:  # (only on an analysis of an earlier text: `for_completion`)
            doc = ls.fresh(uri)
            found = F.completions(doc, *ls.server_position(doc, params.position))
        known = _completion_kinds(ls)
        ranges: dict[tuple[int, int], T.Range] = {}  # every item replaces the same word
        for n, c in enumerate(found.items):
            where = ranges.get((c.start, c.end))
            if where is None:
                where = ranges[c.start, c.end] = ls.offset_range(doc, c.start, c.end)
            items.append(
                T.CompletionItem(
                    label=c.label,
                    kind=_completion_kind(c.kind, known),
                    detail=c.detail or None,
                    sort_text=f"{0 if c.kind == 'keyword' else 1}{n:05d}",
                    filter_text=c.filter or None,
                    text_edit=ls.text_edit(uri, where, c.text or c.label),
                )
            )
        return T.CompletionList(is_incomplete=found.incomplete, items=items)

    @server.feature(T.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: BkrServer, params: T.DefinitionParams) -> list[T.Location]:
        doc = ls.fresh(params.text_document.uri)
        if doc is None:
            return []
        spans = F.definition(doc, *ls.server_position(doc, params.position))
        return [loc for loc in (ls.location(s, doc) for s in spans) if loc is not None]

    @server.feature(T.TEXT_DOCUMENT_REFERENCES)
    def references(ls: BkrServer, params: T.ReferenceParams) -> list[T.Location]:
        doc = ls.fresh(params.text_document.uri)
        if doc is None:
            return []
        line, column = ls.server_position(doc, params.position)
        include = params.context.include_declaration
        found = [(s, doc) for s in F.references(doc, line, column, include)]
        occ = doc.occurrence_at(line, column)
        if occ is not None and occ.kind != VOLUME:  # a volume is the cluster's: in this file only
            # The files that import where the name occurs (the standard library
            # too) use it as well: open or not, they are searched.
            _, path = ls.name_and_path(params.text_document.uri)
            handled = {path.resolve()} if path is not None else set()
            every = F.references_of(doc, occ.kind, occ.name, True)
            targets = {p for p in (_resolved(f, doc, ls) for f in {s.file for s in every}) if p is not None}
            unsure: list[tuple[str, Diagnostic]] = []
            for _uri, other in ls.importers(targets, handled, unsure):
                found += [(s, other) for s in F.references_of(other, occ.kind, occ.name, include)]
                if occ.kind == USER:  # its owner patterns there (`include minidisk LNX* 0191`)
                    found += [(s, other) for s in F.owner_patterns_selecting(other, occ.name)]
            if unsure:  # the places listed may not be all: the user is told why
                who, problem = _unsure(ls, unsure)
                told = f"bkrc: the uses of `{occ.name}` listed may not be all: bkrc cannot tell whether {who}"
                ls.window_show_message(
                    T.ShowMessageParams(type=T.MessageType.Warning, message=f"{told} uses it: {problem}")
                )
        user = F.directory_user_at(doc, line, column)
        if user is not None:
            # A user of the site's directory is one machine, whichever file names it (two
            # clusters' files, each with its own groups, or a module that only a pattern
            # covers it in): every file of the workspace is searched, importing or not.
            for other in ls.every_document():
                found += [(s, other) for s in F.user_places(other, user, include)]
        out, seen = [], set()
        boms = ls.open_boms()
        for span, where in found:
            key = _span_key(span)
            loc = ls.location(span, where, boms)
            if key in seen or loc is None:
                continue
            seen.add(key)
            out.append(loc)
        # In file order, as an editor lists them as sent (Neovim's quickfix list): this
        # document's places first, then each other file's, by URI; a declaration among
        # the uses where it stands, not first nor last.
        own = params.text_document.uri
        return sorted(out, key=lambda loc: (loc.uri != own, loc.uri, loc.range.start.line, loc.range.start.character))

    @server.feature(T.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT)
    def document_highlight(ls: BkrServer, params: T.DocumentHighlightParams) -> list[T.DocumentHighlight]:
        doc = ls.fresh(params.text_document.uri)
        if doc is None:
            return []
        return [
            T.DocumentHighlight(
                range=ls.range(o.span, doc),
                kind=T.DocumentHighlightKind.Write if o.definition else T.DocumentHighlightKind.Read,
            )
            for o in F.highlights(doc, *ls.server_position(doc, params.position))
        ]

    @server.feature(T.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(ls: BkrServer, params: T.PrepareRenameParams) -> T.PrepareRenamePlaceholder | None:
        doc = ls.fresh(params.text_document.uri)
        if doc is None:
            return None
        try:
            span = F.prepare_rename(doc, *ls.server_position(doc, params.position))
        except F.RenameRefused as why:
            raise refused(why) from None
        if span is None:
            return None
        placeholder = doc.text[span.start : span.end]
        return T.PrepareRenamePlaceholder(range=ls.range(span, doc), placeholder=placeholder)

    @server.feature(T.TEXT_DOCUMENT_RENAME)
    def rename(ls: BkrServer, params: T.RenameParams) -> T.WorkspaceEdit | None:
        uri = params.text_document.uri
        doc = ls.fresh(uri)
        if doc is None:
            return None
        # The renamed modules are parsed once for every file the rename edits, and
        # kept out of the parsed modules the open documents share: the client may
        # never apply the rename.
        scratch = ls.parsed.scratch() if ls.parsed is not None else None
        try:
            done = [(doc, F.rename(doc, *ls.server_position(doc, params.position), params.new_name, scratch))]
        except F.RenameRefused as why:
            raise refused(why) from None
        # A module's names are used by the files that import it, open or not: they
        # are renamed too (and must accept the new name), and so, in turn, are the
        # files that import what their renaming edits.
        kind, old = done[0][1].kind, done[0][1].old
        _, path = ls.name_and_path(uri)
        handled = {path.resolve()} if path is not None else set()
        edited = _edited(done[0], ls)
        unsure: list[tuple[str, Diagnostic]] = []
        while True:
            more = ls.importers(edited, handled, unsure)
            if unsure:  # it may use the name: renaming without it could break it
                who, problem = _unsure(ls, unsure)
                why = f"cannot rename `{old}`: bkrc cannot tell whether {who} uses it: {problem}"
                raise refused(F.RenameRefused(why))
            if not more:
                break
            for other_uri, other_doc in more:
                try:
                    renamed = F.renaming(other_doc, kind, old, params.new_name, scratch)
                except F.RenameRefused as why:
                    shown = ls.shown_name(other_uri)
                    why = F.RenameRefused(f"in {shown}: {why.message}", invalid_name=why.invalid_name)
                    raise refused(why) from None
                done.append((other_doc, renamed))
                edited |= _edited(done[-1], ls)
        return ls.workspace_edit(done)

    @server.feature(T.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def symbols(
        ls: BkrServer, params: T.DocumentSymbolParams
    ) -> list[T.DocumentSymbol] | list[T.SymbolInformation]:
        uri = params.text_document.uri
        doc = ls.fresh(uri)
        if doc is None:
            return []
        known = _outline_kinds(ls)
        if _takes_symbol_tree(ls):
            return [_symbol(ls, s, doc, known) for s in F.outline(doc)]
        return _flat_symbols(ls, F.outline(doc), doc, uri, known)

    @server.feature(T.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: BkrServer, params: T.DocumentFormattingParams) -> list[T.TextEdit]:
        uri = params.text_document.uri
        doc = ls.fresh(uri)
        text, why = F.formatting(doc) if doc is not None else (None, None)
        if text is None:
            if why is not None:  # else the editor is told nothing: the file is left as it is
                ls.window_show_message(T.ShowMessageParams(type=T.MessageType.Info, message=why))
            return []
        source = ls.workspace.get_text_document(uri).source
        if not source.startswith("\ufeff") and len(set(_LINE_END.findall(source))) <= 1:
            # the lines that change, each edit whole lines (`features.formatting_changes`),
            # where the buffer's line ends are all one kind (else `bkrc fmt` makes them so)
            found = F.formatting_changes(doc, text)
            if found:
                return _line_edits(ls, uri, source, found)
        end = ls.end_of(source)
        return [ls.text_edit(uri, T.Range(start=T.Position(line=0, character=0), end=end), text)]

    def _line_edits(ls: BkrServer, uri: str, source: str, found: list[tuple[int, int, str]]) -> list[T.TextEdit]:
        """Changes of whole lines (first line replaced, line after the last, new text) as
        edits of the editor's buffer `source`."""
        lines = len(_LINE_END.split(source))  # the editor's own lines

        def at(line: int) -> T.Position:
            if line >= lines:  # past a last line with no line end: its end
                return ls.end_of(source)
            # A byte-order mark the editor keeps stays: line 1 starts after it.
            return T.Position(line=line, character=ls.bom_units() if line == 0 and source.startswith("\ufeff") else 0)

        return [ls.text_edit(uri, T.Range(start=at(i1), end=at(i2)), text) for i1, i2, text in found]

    @server.feature(T.TEXT_DOCUMENT_RANGE_FORMATTING)
    def range_formatting(ls: BkrServer, params: T.DocumentRangeFormattingParams) -> list[T.TextEdit]:
        """Format Selection: the changes whole-document formatting makes that fall within
        the selected lines (`features.range_formatted`), each as an edit of whole lines.
        A selection that ends at the start of a line (whole lines selected) leaves that
        line out."""
        uri = params.text_document.uri
        doc = ls.fresh(uri)
        if doc is None:
            return []
        start, end = params.range.start, params.range.end
        last = end.line - 1 if end.character == 0 and end.line > start.line else end.line
        found = F.range_formatted(doc, start.line, last)
        if not found:
            return []
        return _line_edits(ls, uri, ls.workspace.get_text_document(uri).source, found)

    @server.feature(
        T.TEXT_DOCUMENT_ON_TYPE_FORMATTING,
        T.DocumentOnTypeFormattingOptions(
            first_trigger_character=F.TYPED_TRIGGERS[0], more_trigger_character=list(F.TYPED_TRIGGERS[1:])
        ),
    )
    def on_type_formatting(ls: BkrServer, params: T.DocumentOnTypeFormattingParams) -> list[T.TextEdit]:
        """The line typed on, indented as `bkrc fmt` indents it (spaces, whatever the
        editor's tab settings: the layout has none). Only the text is read: no analysis,
        so a keystroke costs one parse of the text above the cursor, the blocks closed
        above the line read as empty (`fmt.ontype._skimmed`)."""
        uri = params.text_document.uri
        if uri not in ls.open_uris():
            return []
        source = ls.workspace.get_text_document(uri).source
        line = params.position.line
        found = F.typed_line(_normal(source), line, params.ch)
        if found is None:
            return []
        blanks, indent = found
        start = ls.bom_units() if line == 0 and source.startswith("\ufeff") else 0  # blanks are ASCII
        where = T.Range(
            start=T.Position(line=line, character=start), end=T.Position(line=line, character=start + blanks)
        )
        return [ls.text_edit(uri, where, indent)]

    @server.feature(
        T.TEXT_DOCUMENT_CODE_ACTION,
        T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix, T.CodeActionKind.SourceFixAll]),
    )
    def code_actions(ls: BkrServer, params: T.CodeActionParams) -> list[T.CodeAction]:
        uri = params.text_document.uri
        doc = ls.fresh(uri)
        out = []
        if doc is None or not _takes_code_actions(ls.client_capabilities):
            return out
        # The buffer's version the fixes are computed on (`fresh` analyses the text as it
        # is now): a client taking `documentChanges` refuses them once the buffer has
        # changed since, rather than writing them over another text.
        version = ls.workspace.get_text_document(uri).version
        start, end = ls.server_position(doc, params.range.start), ls.server_position(doc, params.range.end)
        scratch = ls.parsed.scratch() if ls.parsed is not None else None
        only = params.context.only
        # The diagnostics the client shows there (LSP: those overlapping the range;
        # Neovim sends the cursor line's), by code and place, for the fixes when
        # the range itself touches none (`features.fixes`).
        shown = [
            (d.code, ls.server_position(doc, d.range.start), ls.server_position(doc, d.range.end))
            for d in params.context.diagnostics
            if isinstance(d.code, str) and d.source in (None, "bkrc")
        ]
        # The quick fixes, unless the request asks for other kinds only.
        offered = F.fixes(doc, start[0], end[0], start, end, shown) if not only or _asks_for(only, "quickfix") else []
        if uri in ls.typing_at_end:  # BKR005 for a `{` left open at the end is not shown: nor its `}`
            offered = [f for f in offered if not any(F.closed_later(p.diagnostic) for p in (f.shown, *f.also))]
        # What is being typed (a name, a time, a keyword not typed out yet) gets no
        # preferred fix, which *Auto Fix* would apply mid-word, nor a diagnostic whose
        # other place it is (`features.fix_at_the_typing`).
        changed = ls.last_change.get(uri)
        typed = tuple(ls.server_position(doc, p) for p in changed) if changed is not None else None
        # A fix that would add an error is one `bkrc check --fix` leaves out: shown
        # disabled, with why, to a client that shows such actions, else not offered.
        for fix, gives in zip(offered, F.fixes_give(doc, offered, scratch)):
            if gives and not _shows_disabled_actions(ls.client_capabilities):
                continue
            edit = ls.fix_edit(uri, doc, version, fix.edits)
            if edit is None:
                continue
            out.append(
                T.CodeAction(
                    title=fix.title,
                    kind=T.CodeActionKind.QuickFix,
                    diagnostics=[ls.lsp_diagnostic(p, doc) for p in (fix.shown, *fix.also)],
                    edit=edit,
                    is_preferred=fix.preferred
                    and not gives
                    and (typed is None or not F.fix_at_the_typing(doc, fix.shown, *typed)),
                    disabled=T.CodeActionDisabled(reason=F.fix_refusal(doc, gives, fix.choice)) if gives else None,
                )
            )
        # *Allow BKRnnn on this line*, after the mends: a `# bkrc: allow` comment.
        if not only or _asks_for(only, "quickfix"):
            for fix in F.allow_actions(doc, start, end, shown):
                edits = [ls.text_edit(uri, ls.range(e.span, doc), e.new_text) for e in fix.edits]
                out.append(
                    T.CodeAction(
                        title=fix.title,
                        kind=T.CodeActionKind.QuickFix,
                        diagnostics=[ls.lsp_diagnostic(fix.shown, doc)],
                        edit=ls.versioned_edit({uri: edits}, {uri: version}),
                        is_preferred=False,
                    )
                )
        if _asks_for(only, T.CodeActionKind.SourceFixAll):
            out += _fix_all_action(ls, uri, doc, version, scratch)
        return out

    def _fix_all_action(ls: BkrServer, uri: str, doc: Document, version, scratch) -> list[T.CodeAction]:
        """*Fix all problems bkrc can fix*: the buffer as `bkrc check --fix` would write
        it, in one edit of the whole text (as formatting sends it). Asked for by kind
        only (`source.fixAll`: VS Code's `editor.codeActionsOnSave`, its *Source
        Action...* menu, Neovim's `code_action({context = {only = ...}})`): it checks
        the text again round after round, too slow for every move of the cursor."""
        source = ls.workspace.get_text_document(uri).source
        bom = source.startswith("\ufeff")
        fixed = F.fixed_all(doc, source[1:] if bom else source, scratch, held=uri in ls.typing_at_end)
        if fixed is None:
            return []
        end = ls.end_of(source)
        start = T.Position(line=0, character=ls.bom_units() if bom else 0)
        codes = ", ".join(sorted({d.code for d in fixed.applied}))
        count = len(fixed.applied)
        # Not `ls.text_edit`, which gives every line the document's first line end:
        # `fixed.text` is the buffer as written, each line with its own end (a fix's
        # new lines with that of the line they go into), as `check --fix` writes it.
        edit = T.TextEdit(range=T.Range(start=start, end=end), new_text=fixed.text)
        return [
            T.CodeAction(
                title=f"Fix {count} problem{'s' if count != 1 else ''} as `bkrc check --fix` does ({codes})",
                kind=T.CodeActionKind.SourceFixAll,
                edit=ls.versioned_edit({uri: [edit]}, {uri: version}),
            )
        ]

    @server.feature(T.TEXT_DOCUMENT_INLAY_HINT, T.InlayHintOptions(resolve_provider=False))
    def inlay_hints(ls: BkrServer, params: T.InlayHintParams) -> list[T.InlayHint]:
        # Since LSP 3.17: a client without inlay hints never asks.
        doc = ls.fresh(params.text_document.uri)
        if doc is None:
            return []
        start = ls.server_position(doc, params.range.start)
        end = ls.server_position(doc, params.range.end)
        lines = ls.lines_of(doc.name, doc)
        return [
            T.InlayHint(
                position=ls.past_bom(doc, ls.position(lines, h.line, h.column)),
                label=h.label,
                kind=T.InlayHintKind.Type if h.kind == "type" else None,
                tooltip=h.tooltip,
                padding_left=True,
            )
            for h in F.inlay_hints(doc, start, end)
        ]

    @server.feature(T.TEXT_DOCUMENT_FOLDING_RANGE)
    def folding_ranges(ls: BkrServer, params: T.FoldingRangeParams) -> list[T.FoldingRange]:
        doc = ls.fresh(params.text_document.uri)
        if doc is None:
            return []
        capability = ls.client_capabilities.text_document
        capability = capability.folding_range if capability is not None else None
        kinds = None  # the kinds the client knows; any when it does not say
        limit = None
        if capability is not None:
            limit = capability.range_limit
            known = capability.folding_range_kind
            if known is not None and known.value_set is not None:
                # The kinds are an open set: lsprotocol gives the client's as plain strings
                # (VS Code's "comment", "imports", "region"), a known one perhaps as the enum.
                kinds = {k.value if isinstance(k, T.FoldingRangeKind) else k for k in known.value_set}
        out = []
        for fold in F.folding_ranges(doc):
            kind = _FOLDING_KIND.get(fold.kind)
            out.append(
                T.FoldingRange(
                    start_line=fold.start_line,
                    end_line=fold.end_line,
                    kind=kind if kind is not None and (kinds is None or kind.value in kinds) else None,
                )
            )
        return out[:limit] if limit else out

    legend = T.SemanticTokensLegend(
        token_types=list(semantic.TOKEN_TYPES), token_modifiers=list(semantic.TOKEN_MODIFIERS)
    )

    @server.feature(T.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, legend)
    def semantic_tokens(ls: BkrServer, params: T.SemanticTokensParams) -> T.SemanticTokens | None:
        return ls.semantic_tokens(params.text_document.uri)

    # (Registered, it makes pygls announce `full: {delta: true}`.)
    @server.feature(T.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL_DELTA, legend)
    def semantic_tokens_delta(
        ls: BkrServer, params: T.SemanticTokensDeltaParams
    ) -> T.SemanticTokens | T.SemanticTokensDelta | None:
        return ls.semantic_tokens(params.text_document.uri, params.previous_result_id)

    @server.feature(T.TEXT_DOCUMENT_SEMANTIC_TOKENS_RANGE, legend)
    def semantic_tokens_range(ls: BkrServer, params: T.SemanticTokensRangeParams) -> T.SemanticTokens | None:
        data = ls.semantic_data(params.text_document.uri, (params.range.start.line, params.range.end.line))
        return None if data is None else T.SemanticTokens(data=data)

    @server.feature(T.WORKSPACE_SYMBOL)
    def workspace_symbols(ls: BkrServer, params: T.WorkspaceSymbolParams) -> list[T.SymbolInformation]:
        docs = ls.every_document()
        capability = ls.client_capabilities.workspace
        known = _known_symbol_kinds(capability.symbol if capability is not None else None)
        out = []
        locate = ls.locator()
        for doc, place in F.workspace_symbols(docs, params.query):
            where = locate(place.span, doc)
            if where is None:
                continue
            kind = _symbol_kind(place.kind, known)
            out.append(
                T.SymbolInformation(name=place.name, kind=kind, location=where, container_name=place.detail)
            )
        return out

    return server


def serve() -> None:
    """Run the server on standard input and output until the client says exit.

    The exit status is 0 if `shutdown` came before, else 1 (LSP, `exit`); pygls
    catches its own SystemExit and would always return 0. pygls also swallows the
    KeyboardInterrupt of Ctrl-C and SIGTERM's `Terminated` (bkrdsl/signals.py), so
    the handlers are watched here and the interrupt raised again once the server
    has stopped: `bkrc lsp` then says "interrupted" or "terminated" and exits 130
    or 143, as every command does."""
    import signal

    caught: list[BaseException] = []
    previous = {}

    def watched(handler):
        def interrupt(signum, frame):
            try:
                handler(signum, frame)
            except KeyboardInterrupt as err:
                caught.append(err)
                raise

        def on_signal(signum, frame):
            # While the event loop runs, the interrupt is raised from one of its
            # callbacks, between two of them, as asyncio's own runner delivers Ctrl-C
            # (it cancels the main task): raised wherever the main thread happens to
            # be, it may leave a lock of the loop or of a thread pool held, and the
            # server never stops (seen once in CI: no exit 60 s after SIGINT).
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                loop = None
            if loop is None:
                interrupt(signum, frame)
            else:
                loop.call_soon_threadsafe(interrupt, signum, None)

        return on_signal

    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            handler = signal.getsignal(signum)
            if callable(handler):  # not where the signal is ignored, or left to the system
                previous[signum] = signal.signal(signum, watched(handler))
    _log_in_one_line()
    server = build_server()
    server.collector.start()
    try:
        server.start_io()
    finally:
        server.collector.stop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if caught:
        raise caught[-1]
    raise SystemExit(0 if server.shut_down else 1)
