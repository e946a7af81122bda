"""The one parser factory, and the boundary where Lark's errors become ours.

`parser()` builds the LALR parser once per process (and once per grammar
version on disk, through Lark's cache). `parse()` runs it with error recovery:
every syntax error in the file is reported in one run, each with a message in
the language's own terms, and no Lark exception ever leaves this module.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import os
import sys
from pathlib import Path

from bkrdsl.diagnostics import Diagnostic
from bkrdsl.records import dataclass
from bkrdsl.source import Source
from bkrdsl.syntax import codes
from bkrdsl.syntax.reader import MAX_READ_AFTER_ERROR
from bkrdsl.syntax.recovery import MAX_EVENTS, MAX_REPORTED, Abort, Recovery

__all__ = [
    "MAX_EVENTS",
    "MAX_READ_AFTER_ERROR",
    "MAX_REPORTED",
    "ParseResult",
    "Prefix",
    "parse",
    "parse_prefix",
    "parser",
    "without_keywords",
]

_comments: contextvars.ContextVar[list | None] = contextvars.ContextVar("bkr_comments", default=None)
_names: contextvars.ContextVar[Recovery | None] = contextvars.ContextVar("bkr_names", default=None)


def _collect_comment(token):
    sink = _comments.get()
    if sink is not None:
        sink.append(token)
    return token


def _name_token(token):
    """Let the recovery of the parse in progress re-read a name as the keyword it spells."""
    recovery = _names.get()
    return recovery.name_token(token) if recovery is not None else token


def _cache_path(grammar: str) -> str | bool:
    """Where Lark keeps the parser's tables: a folder `bkrdsl/` in BKRDSL_CACHE_DIR,
    else XDG_CACHE_HOME, else ~/.cache. False (no cache: Lark builds the tables
    again, about 0.2 s) where that folder cannot be written, or there is no home
    folder at all (no HOME, and a user ID without a passwd entry, as in some
    containers). Never a shared folder such as /tmp: Lark loads the cache with
    pickle, and a file another user put there under the expected name would run
    their code."""
    import lark

    key = hashlib.sha256((grammar + lark.__version__ + sys.version).encode()).hexdigest()[:16]
    base = os.environ.get("BKRDSL_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    try:
        folder = Path(base) / "bkrdsl" if base else Path.home() / ".cache" / "bkrdsl"
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".writable"
        probe.touch()
    except (OSError, RuntimeError):  # RuntimeError: Path.home() found no home folder
        return False
    return str(folder / f"lark-bkr-{key}.pickle")


@functools.lru_cache(maxsize=1)
def parser():
    """The memoised Lark parser: LALR, contextual lexer, positions on, cached on disk."""
    from lark import Lark

    from bkrdsl.resources import grammar_path

    grammar = grammar_path().read_text(encoding="utf-8")
    return Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        propagate_positions=False,  # _without_keywords sets each tree's span
        maybe_placeholders=False,
        # Keywords stay in the tree while parsing so recovery can re-read a statement;
        # parse() drops them again before anyone sees the tree.
        keep_all_tokens=True,
        cache=_cache_path(grammar),
        # NAME comes last: Lark up to 1.3.1 checks, before calling a callback on a
        # terminal that can also spell a keyword, that the token's type is the *last*
        # key of this dict (lark-parser/lark#1618), so `_name_token` would be skipped
        # wherever the parser accepts a name and a keyword (after `on`, in a list,
        # in a group body). IMPORT_PATH never meets a keyword where it is read.
        lexer_callbacks={
            "COMMENT": _collect_comment,
            "DOC_COMMENT": _collect_comment,
            "IMPORT_PATH": _name_token,
            "NAME": _name_token,
        },
    )


@dataclass
class ParseResult:
    source: Source
    tree: object | None  # lark.Tree, or None when the file could not be parsed at all
    diagnostics: list[Diagnostic]
    comments: list  # lark Tokens of COMMENT and DOC_COMMENT, in order
    #: Whether a help read the whole file's text, beyond the region it reported in: a
    #: job against the file's declarations and other jobs, or the file's catalog
    #: statements (`Recovery.read_whole_file`): region.py then reads the whole file.
    read_whole_file: bool = False

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def parse(source: Source) -> ParseResult:
    """Parse a decoded source, recovering from errors. Never raises on any input."""
    with _reading(source) as (lark_parser, recovery, sink):
        tree = _run(lark_parser, source.text, recovery)
    if tree is not None:
        tree = _without_keywords(tree, _kept_terminals(lark_parser))
    diagnostics = list(recovery.diagnostics)
    summary = _summary(source, recovery)
    if summary is not None:
        diagnostics.append(summary)
    if tree is None and not diagnostics:  # pragma: no cover - defensive: never fail silently
        end = len(source.text)
        diagnostics.append(codes.SYNTAX("the file could not be parsed", source.span(end, end)))
    return ParseResult(source, tree, diagnostics, _once(sink), recovery.read_whole_file)


def tokens(source: Source) -> list | None:
    """Every token the parse of `source` reads, keywords and punctuation included, in
    order, each as the parse reads it: a word the lexer alone would take for a keyword
    is the name the recovery re-reads it as (a last volume label spelled like a
    keyword, `shared-volume V RUN }`, is a NAME). For a file `parse()` reads without
    an error (the formatter's outline from Lark); None, never a Lark exception, for
    one it does not."""
    from lark.exceptions import LarkError

    with _reading(source) as (lark_parser, recovery, _):
        try:
            read = _interactive(lark_parser, source.text, recovery).exhaust_lexer()
        except (LarkError, Abort, RecursionError):
            return None
    return None if recovery.diagnostics else read


@dataclass
class Prefix:
    """What `parse_prefix` read of the first part of a file."""

    tree: object | None  # lark.Tree, keywords kept, when the text ends where a file may end
    open: object | None  # else Lark's interactive parser, holding everything read, where the text ends
    comments: list  # lark Tokens of COMMENT and DOC_COMMENT, in order


def parse_prefix(source: Source) -> Prefix | None:
    """Read `source` as the first part of a file, as `parse()` reads a whole one
    (the same recovery from every syntax error on the way), but stop where the text
    ends: the statements and blocks still open there stay open, in the interactive
    parser returned, for the caller to ask what may come next (the language server's
    indentation as you type, bkrdsl.fmt.ontype). The tree keeps its keywords
    (`without_keywords` drops them). None when reading stopped (too many errors,
    another language): never a Lark exception."""
    with _reading(source) as (lark_parser, recovery, sink):
        prefix = _read_prefix(lark_parser, source, recovery, sink)
    if prefix is not None and prefix.open is None and recovery.stopped_at is not None:
        return None  # the text was not read to its end
    return prefix


def _read_prefix(lark_parser, source: Source, recovery: Recovery, sink: list) -> Prefix | None:
    """`parse_prefix`'s reading, inside `_reading`: the Prefix, or None."""
    from lark.exceptions import LarkError, UnexpectedInput, UnexpectedToken

    try:
        ip = _interactive(lark_parser, source.text, recovery)
        try:
            tree = ip.resume_parse()
        except UnexpectedInput as first:
            error = first
            while True:
                if isinstance(error, UnexpectedToken) and error.token.type == "$END":
                    if recovery.stopped_at is not None:  # the text was not read to its end
                        return None
                    return Prefix(None, error.interactive_parser, _once(sink))
                if not _recovered(error, recovery):  # pragma: no cover - recovery handles both kinds
                    return None
                try:
                    tree = error.interactive_parser.resume_parse()
                    break
                except UnexpectedInput as again:
                    error = again
    except (Abort, LarkError, RecursionError):
        return None
    return Prefix(tree, None, _once(sink))


@contextlib.contextmanager
def _reading(source: Source):
    """(Lark's parser, the recovery, the list comments go to) for one reading of
    `source`, with the context the lexer callbacks read set for its duration."""
    lark_parser = parser()
    recovery = Recovery(source, lark_parser)
    sink: list = []
    comments_token = _comments.set(sink)
    names_token = _names.set(recovery)
    try:
        yield lark_parser, recovery, sink
    finally:
        _names.reset(names_token)
        _comments.reset(comments_token)


def _once(comments: list) -> list:
    """Recovery may look ahead past a comment; keep each comment once, in order."""
    return list({c.start_pos: c for c in comments}.values())


def without_keywords(tree):
    """The tree as `parse()` gives it: keywords and punctuation dropped, spans set."""
    return _without_keywords(tree, _kept_terminals(parser()))


def _interactive(lark_parser, text: str, recovery: Recovery):
    """Lark's interactive parser of `text`, each token its lexer reads shown to the
    recovery first, which holds the parser's state (it needs it while names are lexed)."""
    ip = lark_parser.parse_interactive(text)
    recovery.parser_state = ip.parser_state
    ip.lexer_thread.lexer = _Watched(ip.lexer_thread.lexer, recovery)
    return ip


def _recovered(error, recovery: Recovery) -> bool:
    """Hand a syntax error to the recovery; after an unexpected character it did not
    step over, step over it (Lark's own on_error loop does the same). False when the
    recovery gives up."""
    from lark.exceptions import UnexpectedCharacters

    state = error.interactive_parser.lexer_thread.state
    before = state.line_ctr.char_pos
    if not recovery(error):
        return False
    if isinstance(error, UnexpectedCharacters) and state.line_ctr.char_pos == before:
        state.line_ctr.feed(state.text.text[before : before + 1])
    return True


def _run(lark_parser, text: str, recovery: Recovery):
    """Lark's own on_error loop, with the interactive parser in our hands from the start
    (recovery needs the parser state while names are lexed). None when reading stopped."""
    from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedInput, UnexpectedToken

    ip = _interactive(lark_parser, text, recovery)
    try:
        try:
            return ip.resume_parse()
        except UnexpectedInput as first:
            error = first
        while True:
            if not _recovered(error, recovery):  # pragma: no cover - recovery handles both kinds
                return None
            try:
                return error.interactive_parser.resume_parse()
            except UnexpectedToken as again:
                if error_is_stuck(error, again):
                    return None
                error = again
            except UnexpectedCharacters as again:
                error = again
    except Abort:
        return None
    except LarkError:  # pragma: no cover - recovery feeds only tokens it has tried
        return None
    except RecursionError:  # pragma: no cover - the grammar is not recursive, kept as a guard
        return None


class _Watched:
    """The parse's lexer, with every token it reads shown to the recovery first (a
    keyword taken from inside a word, `catalog sharedserver`, is not a NAME, so no
    lexer callback sees it), which may read it as another token (`job suffix` as
    `job-suffix`). Recovery's look-aheads reach the lexer's other parts
    (`root_lexer`) through it.

    After the file's first syntax error it reads at most MAX_READ_AFTER_ERROR more
    tokens, then ends the file there (`Recovery.stop_reading`): the rest of a file
    of millions of words after a slip near its start is read with every per-token
    hook of recovery (some 3 s a megabyte), only to look for more syntax errors
    (the checks do not run on a file that has one)."""

    def __init__(self, lexer, recovery: Recovery):
        self._lexer = lexer
        self._recovery = recovery

    def lex(self, lexer_state, parser_state):
        recovery = self._recovery
        if recovery.stopped_at is not None:
            return  # the parse reads on to the end of the file: here
        check = recovery.check_token
        for token in self._lexer.lex(lexer_state, parser_state):
            if recovery.events:
                recovery.read_after_error += 1
                if recovery.read_after_error > MAX_READ_AFTER_ERROR:
                    recovery.stop_reading(token)
                    return
            token = check(token)
            if recovery.commas_missing and token.start_pos in recovery.commas_missing:
                comma = recovery.comma_assumed(parser_state, token)
                if comma is not None:
                    yield comma
            yield token

    def __getattr__(self, name):
        return getattr(self._lexer, name)


def error_is_stuck(previous, current) -> bool:
    """The end of the file failed twice in the same state: recovery cannot finish it."""
    from lark.exceptions import UnexpectedToken

    return (
        isinstance(previous, UnexpectedToken)
        and previous.token.type == current.token.type == "$END"
        and previous.interactive_parser == current.interactive_parser
    )


@functools.lru_cache(maxsize=4)
def _kept_terminals(lark_parser) -> frozenset[str]:
    """Terminals the tree keeps: the named ones (NAME, STRING...), not keywords or punctuation."""
    return frozenset(t.name for t in lark_parser.terminals if t.pattern.type != "str")


def _without_keywords(tree, kept: frozenset[str]):
    """The tree as Lark builds it without keep_all_tokens: keywords and punctuation dropped."""
    from lark import Tree
    from lark.tree import Meta

    children = []
    first = last = None
    for c in tree.children:
        if isinstance(c, Tree):
            c = _without_keywords(c, kept)
            if not c.meta.empty:
                first = first or c.meta
                last = c.meta
            children.append(c)
        else:
            if c.start_pos is not None:
                first = first or c
                last = c
            if c.type in kept:
                children.append(c)
    meta = Meta()
    if first is not None:
        meta.empty = False
        meta.line, meta.column, meta.start_pos = first.line, first.column, first.start_pos
        meta.end_line, meta.end_column, meta.end_pos = last.end_line, last.end_column, last.end_pos
    return Tree(tree.data, children, meta)


#: The help of the BKR008 that says reading stopped after the first error.
READ_THE_REST = "fix the errors above and run bkrc again: it then reads the rest"


def _summary(source: Source, recovery: Recovery) -> Diagnostic | None:
    """The one BKR008 line for errors not shown, or for reading stopped early."""
    hidden, stopped = recovery.hidden, recovery.aborted_at
    if not hidden and stopped is None and recovery.stopped_at is None:
        return None
    if any(d.code == codes.WRONG_LANGUAGE.code for d in recovery.diagnostics):
        return None
    more = f"{hidden} more syntax error{'s' if hidden != 1 else ''} not shown"
    if stopped is None and recovery.stopped_at is not None:
        at = recovery.stopped_at
        message = (
            f"stopped reading at line {at.line}: more than {MAX_READ_AFTER_ERROR:,} words and signs"
            " follow the first syntax error"
        )
        message += f" ({more})" if hidden else ""
        return codes.TOO_MANY(message, at, help=READ_THE_REST)
    if stopped is not None:
        message = f"stopped reading at line {stopped.line}: too much of the file does not parse"
        message += f" ({more})" if hidden else ""
        return codes.TOO_MANY(message, stopped, help="fix the errors above and run bkrc again")
    return codes.TOO_MANY(more, recovery.first_hidden, help="fix the errors above and run bkrc again")
