"""The one parser factory, and the boundary where Lark's errors become ours.

`parser()` builds the LALR parser once per process (and once per grammar
version on disk, through Lark's cache). `parse()` runs it with error recovery:
every syntax error in the file is reported in one run, each with a message in
the language's own terms, and no Lark exception ever leaves this module.
"""

from __future__ import annotations

import contextvars
import functools
import hashlib
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bkrdsl.diagnostics import Diagnostic
from bkrdsl.source import Source, Span
from bkrdsl.syntax import codes

#: Errors shown in full; later ones are summarised in one BKR008 line.
MAX_REPORTED = 20
#: Error events (shown or suppressed) after which the parser gives up on a file.
MAX_EVENTS = 2000

_comments: contextvars.ContextVar[list | None] = contextvars.ContextVar("bkr_comments", default=None)


def _collect_comment(token):
    sink = _comments.get()
    if sink is not None:
        sink.append(token)
    return token


def _cache_path(grammar: str) -> str:
    import lark

    key = hashlib.sha256((grammar + lark.__version__ + sys.version).encode()).hexdigest()[:16]
    base = os.environ.get("BKRDSL_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    folder = Path(base) / "bkrdsl" if base else Path.home() / ".cache" / "bkrdsl"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".writable"
        probe.touch()
    except OSError:
        folder = Path(tempfile.gettempdir())
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
        propagate_positions=True,
        maybe_placeholders=False,
        cache=_cache_path(grammar),
        lexer_callbacks={"COMMENT": _collect_comment, "DOC_COMMENT": _collect_comment},
    )


@dataclass
class ParseResult:
    source: Source
    tree: object | None  # lark.Tree, or None when the file could not be parsed at all
    diagnostics: list[Diagnostic]
    comments: list  # lark Tokens of COMMENT and DOC_COMMENT, in order

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


# ------------------------------------------------------------------ messages
#: What must follow a keyword, in the user's terms ("expected a member name after `on`").
_FOLLOWER = {
    "cluster": "a cluster name",
    "member": "a member name",
    "on": "a member name (or `each member`)",
    "workers": "the number of worker machines",
    "private-volume": "a volume label",
    "shared-volume": "a volume label",
    "job-suffix": "a job-name suffix",
    "user": "a user ID",
    "role": "a role (backup-server, catalog-server, worker, admin, installation)",
    "group": "a group name",
    "match": "a user ID pattern such as LNX*",
    "server": "the catalog's SFS server user ID",
    "pool": "a pool name",
    "retain": "a number of days",
    "catalog-node": "the Tape Manager catalog node's machine name",
    "request-node": "the Tape Manager request nodes' machine name",
    "job": "a job name",
    "backup": "a group name",
    "minidisk": "an owner (a user ID or pattern) and minidisk addresses",
    "sfs": "an SFS path such as POOL:USER.DIR",
    "daily": "a time of day (HH:MM)",
    "weekly": "a day of the week and a time (sun 03:00)",
    "monthly": "a day of the month and a time (1 04:00)",
    "description": 'a quoted text ("...")',
    "import": "a module path (std/NAME or ./file)",
    ",": "another name",
}

_SNIFFERS = (
    (re.compile(r"\A\s*/\*"), "a REXX program (it starts with a /* comment)"),
    (re.compile(r"\A\s*<[?!A-Za-z]"), "XML or HTML"),
    (re.compile(r"\A\s*[\[{]\s*[\"\]{}\[]"), "JSON"),
    (re.compile(r"\A(?:\s*#[^\n]*\n)*\s*(?:---\s*\n|[A-Za-z_][\w-]*:(?:\s|$))"), "YAML"),
)


def sniff_language(text: str) -> str | None:
    for pattern, what in _SNIFFERS:
        if pattern.match(text):
            return what
    return None


def _describe(token) -> str:
    if token.type == "$END":
        return "the end of the file"
    value = str(token.value)
    if len(value) > 40:
        value = value[:37] + "..."
    return f"`{value}`"


class _Abort(Exception):
    pass


class _Recovery:
    """The on_error handler: reports, repairs where one repair is obvious, else skips."""

    def __init__(self, source: Source, lark_parser):
        self.source = source
        self.lark = lark_parser
        self.diagnostics: list[Diagnostic] = []
        self.events = 0
        self.hidden = 0
        self.last_stack: tuple | None = None
        self.last_line = -1
        self.language_checked = False

    # -- helpers
    def _terminal_text(self, name: str) -> str:
        if name == "NAME":
            return "a name"
        if name == "STRING":
            return 'a quoted text ("...")'
        if name == "IMPORT_PATH":
            return "a module path"
        if name == "$END":
            return "the end of the file"
        try:
            return f"`{self.lark.get_terminal(name).pattern.value}`"
        except Exception:  # pragma: no cover - every terminal is known to Lark
            return name

    def _expected_list(self, names) -> str:
        words = sorted({self._terminal_text(n) for n in names})
        if len(words) > 8:
            words = words[:8] + ["..."]
        return ", ".join(words)

    def _span_of(self, token) -> Span:
        if token.type == "$END" or token.start_pos is None:
            end = len(self.source.text)
            return self.source.span(end, end)
        start = token.start_pos
        end = token.end_pos if token.end_pos is not None else start + len(str(token.value))
        return self.source.span(start, max(end, start + 1))

    def _report(self, diag: Diagnostic, stack: tuple | None) -> None:
        self.events += 1
        line = diag.span.line if diag.span else -1
        duplicate = (stack is not None and stack == self.last_stack) or line == self.last_line
        self.last_stack, self.last_line = stack, line
        if self.events > MAX_EVENTS:
            raise _Abort
        if duplicate:
            return
        if len(self.diagnostics) >= MAX_REPORTED:
            self.hidden += 1
            return
        self.diagnostics.append(diag)

    @staticmethod
    def _open_brace(ip):
        for value in reversed(ip.parser_state.value_stack):
            if getattr(value, "type", None) == "LBRACE":
                return value
        return None

    @staticmethod
    def _previous_token(ip):
        stack = ip.parser_state.value_stack
        if stack and hasattr(stack[-1], "type"):
            return stack[-1]
        return None

    def _fake(self, type_: str, like):
        from lark import Token

        return Token.new_borrow_pos(type_, "", like) if like.type != "$END" else Token(type_, "")

    # -- the handler
    def __call__(self, error) -> bool:
        from lark.exceptions import UnexpectedCharacters, UnexpectedToken

        if not self.language_checked:
            self.language_checked = True
            what = sniff_language(self.source.text)
            if what:
                line = getattr(error, "line", 1) or 1
                column = getattr(error, "column", 1) or 1
                self.diagnostics.append(
                    codes.WRONG_LANGUAGE(
                        f"this looks like {what}, not a .bkr file",
                        Span.point(self.source.name, line if line > 0 else 1, column if column > 0 else 1),
                        help="pass the cluster's .bkr source; a .bkr file starts with `import`, `cluster`,"
                        " `single` or `identity` (see docs/language.md)",
                    )
                )
                raise _Abort
        if isinstance(error, UnexpectedCharacters):
            return self._on_characters(error)
        if isinstance(error, UnexpectedToken):
            return self._on_token(error)
        return False  # pragma: no cover - Lark raises only the two above here

    def _on_characters(self, error) -> bool:
        state = error.interactive_parser.lexer_thread.state
        text = self.source.text
        pos = state.line_ctr.char_pos
        char = text[pos] if pos < len(text) else ""
        stack = tuple(error.interactive_parser.parser_state.state_stack)
        if char == '"':
            end = text.find("\n", pos)
            end = len(text) if end == -1 else end
            self._report(
                codes.UNTERMINATED_STRING(
                    "this string is not closed before the end of the line",
                    self.source.span(pos, end),
                    help='end the text with `"` on the same line; write \\" for a quote inside it',
                ),
                stack,
            )
            state.line_ctr.feed(text[pos:end])
            return True
        # Skip the whole run of characters no token can start with, not one at a time.
        end = pos
        while end < len(text) and not text[end].isspace() and text[end] not in '{},"#':
            end += 1
        end = max(end, pos + 1)
        if char.isalpha() or (char and not char.isascii()):
            help_text = (
                "z/VM names use only A-Z, 0-9 and $ # @ _ - + : . (patterns add * % ?);"
                ' put free text in a quoted `description "..."`'
            )
        else:
            help_text = "remove it, or put free text in a quoted `description \"...\"`; `#` starts a comment"
        shown = char if char.isprintable() else f"U+{ord(char):04X}"
        self._report(
            codes.BAD_CHARACTER(
                f"the character `{shown}` cannot appear here",
                self.source.span(pos, pos + 1),
                help=help_text,
            ),
            stack,
        )
        state.line_ctr.feed(text[pos:end])
        return True

    def _on_token(self, error) -> bool:
        ip = error.interactive_parser
        token = error.token
        stack = tuple(ip.parser_state.state_stack)
        expected = set(ip.accepts())
        previous = self._previous_token(ip)
        span = self._span_of(token)

        if token.type == "$END" and "RBRACE" in expected:
            opener = self._open_brace(ip)
            where = f" at {opener.line}:{opener.column}" if opener is not None else ""
            related = ()
            if opener is not None:
                from bkrdsl.diagnostics import Related

                opened = self.source.span(opener.start_pos, opener.end_pos)
                related = (Related(opened, "opened here"),)
            self._report(
                codes.UNCLOSED(
                    f"`{{` opened{where} is never closed",
                    span,
                    label="the file ends here",
                    help="add `}` where the block ends",
                    related=related,
                ),
                None,
            )
            return self._close_all(ip, token)

        if token.type == "RBRACE" and self._open_brace(ip) is None and "RBRACE" not in expected:
            self._report(
                codes.UNMATCHED_CLOSE(
                    "this `}` closes nothing",
                    span,
                    help="remove it, or restore the line that opened the block",
                ),
                stack,
            )
            return True

        if "NAME" in expected and token.type != "NAME" and previous is not None:
            keyword = str(previous.value).lower()
            need = _FOLLOWER.get(keyword, "a name")
            self._report(
                codes.EXPECTED_NAME(
                    f"expected {need} after `{previous.value}`, found {_describe(token)}",
                    span,
                    help=f"write {need} after `{previous.value}`",
                ),
                stack,
            )
            # Repair: pretend the name was there, then take the token we were given.
            ip.feed_token(self._fake("NAME", token))
            if token.type == "$END":
                return True
            if token.type in ip.accepts():
                ip.feed_token(token)
            return True

        if token.type == "$END":
            message = f"the file ends too early; expected {self._expected_list(expected)}"
        else:
            message = f"unexpected {_describe(token)}; expected {self._expected_list(expected)}"
        self._report(
            codes.SYNTAX(
                message,
                span,
                help=self._help_for(token, expected),
            ),
            stack,
        )
        if token.type == "$END":
            raise _Abort
        return True

    def _help_for(self, token, expected) -> str:
        if expected <= {"IMPORT", "CLUSTER", "SINGLE", "IDENTITY"} or "CLUSTER" in expected:
            return "a file holds `import` lines, then `cluster NAME { ... }` and `single`/`identity` declarations"
        if token.type == "NAME" and "RBRACE" in expected:
            return "every statement in a block starts with a keyword; names follow their keyword"
        return "see docs/language.md for the constructs allowed here"

    def _close_all(self, ip, like) -> bool:
        for _ in range(64):
            accepts = ip.accepts()
            if "$END" in accepts:
                return True
            if "RBRACE" in accepts:
                ip.feed_token(self._fake("RBRACE", like))
            elif "NAME" in accepts:
                ip.feed_token(self._fake("NAME", like))
            else:
                raise _Abort
        raise _Abort


def parse(source: Source) -> ParseResult:
    """Parse a decoded source, recovering from errors. Never raises on any input."""
    from lark.exceptions import LarkError

    lark_parser = parser()
    recovery = _Recovery(source, lark_parser)
    sink: list = []
    token = _comments.set(sink)
    tree = None
    try:
        tree = lark_parser.parse(source.text, on_error=recovery)
    except _Abort:
        tree = None
    except LarkError:
        # Recovery gave up (e.g. at the end of the file); what it reported stands.
        tree = None
    except RecursionError:  # pragma: no cover - the grammar is not recursive, kept as a guard
        tree = None
    finally:
        _comments.reset(token)
    diagnostics = recovery.diagnostics
    if recovery.hidden or recovery.events > MAX_EVENTS:
        stopped = " (stopped reading the file)" if recovery.events > MAX_EVENTS else ""
        last = diagnostics[-1].span if diagnostics else None
        diagnostics.append(
            codes.TOO_MANY(
                f"{recovery.hidden} more syntax error{'s' if recovery.hidden != 1 else ''} not shown{stopped}",
                last,
                help="fix the errors above and run bkrc again",
            )
        )
    if tree is None and not diagnostics:  # pragma: no cover - defensive: never fail silently
        end = len(source.text)
        diagnostics.append(codes.SYNTAX("the file could not be parsed", source.span(end, end)))
    return ParseResult(source, tree, diagnostics, sink)
