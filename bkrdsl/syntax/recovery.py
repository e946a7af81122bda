"""Syntax error recovery: report every independent mistake once, then read on.

Lark calls `Recovery` (as `on_error`) with its interactive parser whenever a
token or a character does not fit. Each call diagnoses the mistake in the
language's own terms and repairs the parse so the rest of the file is read as
the user meant it:

* a missing value, keyword or `{` is assumed (a placeholder token is fed), so
  `run on` with nothing after it is one error, not a cascade;
* a misspelt keyword (`jbo`) is read as the closest keyword (`job`);
* a keyword that was swallowed as a name (`run on` then `include ...` on the
  next line) is given back to the statement it starts;
* a statement after a `}` that closed its block early is read as if the block
  were still open ("reopened"), and the `}` is named as the likely culprit;
* a statement that belongs outside a block whose `}` is missing closes that
  block ("`{` ... is not closed before `job`");
* anything else skips to the next statement keyword, skipping `{ ... }` whole.

Placeholder tokens have empty (or marked) values and borrow a real token's
position, so the tree stays well formed and every span stays in the file.
Each call may only move forward through the text, so recovery ends.
"""

from __future__ import annotations

import functools
import re
from copy import copy
from dataclasses import dataclass

from lark import Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedToken

from bkrdsl.diagnostics import Diagnostic, Related
from bkrdsl.source import Source, Span
from bkrdsl.syntax import codes, messages

#: Errors shown in full; later ones are summarised in one BKR008 line.
MAX_REPORTED = 20
#: Error events (shown or suppressed) after which the parser gives up on a file.
MAX_EVENTS = 2000
#: Braces and keywords stepped over while resynchronising, after which the parser gives up.
MAX_SKIPPED = 1_000_000

#: Values that mark placeholder braces. A `{` reopened after a stray `}` may be
#: closed by a `}` the user wrote for an outer block; an assumed `{` (the user
#: forgot it) is closed by the user's own `}`. Neither is reported as unclosed.
REOPENED = "\x00reopened"
ASSUMED = "\x00assumed"

#: How to open each kind of block from the place where it may appear, for
#: reading on "inside" a block whose `}` came too early (or was never opened).
OPENERS: dict[str, tuple[str, ...]] = {
    "cluster": ("CLUSTER", "NAME", "LBRACE"),
    "job": ("JOB", "NAME", "LBRACE"),
    "member": ("MEMBER", "NAME", "LBRACE"),
    "expire": ("EXPIRE", "ON", "NAME", "LBRACE"),
    "group_decl": ("SINGLE", "GROUP", "NAME", "LBRACE"),
}
#: The keyword that names a block's kind, found left of its `{` on the stack.
BLOCK_KEYWORDS = {"CLUSTER": "cluster", "MEMBER": "member", "JOB": "job", "EXPIRE": "expire", "GROUP": "group_decl"}
#: Statements that may start a line inside a block and end a skip there.
_STOP_ANYWAY = frozenset({"CLUSTER", "IMPORT"})


class Abort(Exception):
    """Stop reading the file: too many errors, or input in another language."""


# ------------------------------------------------------------------ grammar facts
@dataclass(frozen=True)
class GrammarFacts:
    keywords: dict[str, str]  # "job" -> "JOB" (every word-like string terminal)
    texts: dict[str, str]  # terminal type -> how to show it in a message


@functools.lru_cache(maxsize=4)
def grammar_facts(lark_parser) -> GrammarFacts:
    keywords, texts = {}, {}
    for term in lark_parser.terminals:
        if term.pattern.type == "str":
            texts[term.name] = f"`{term.pattern.value}`"
            if re.fullmatch(r"[a-z][a-z-]*", term.pattern.value):
                keywords[term.pattern.value] = term.name
    texts.update(
        {
            "NAME": "a name",
            "STRING": 'a quoted text ("...")',
            "IMPORT_PATH": "a module path",
            "$END": "the end of the file",
        }
    )
    return GrammarFacts(keywords, texts)


# ------------------------------------------------------------------ parser helpers
def _probe(ip):
    """A cheap copy of the interactive parser for trying tokens (no tree building)."""
    conf = copy(ip.parser_state.parse_conf)
    conf.callbacks = {}
    trial = ip.copy(deepcopy_values=False)
    trial.parser_state.parse_conf = conf
    return trial


def _feeds(ip, types) -> bool:
    """Would the parser accept these token types in this order?"""
    trial = _probe(ip)
    try:
        for type_ in types:
            trial.feed_token(Token(type_, ""))
    except UnexpectedToken:
        return False
    return True


def _fake(type_: str, like: Token, value: str = "") -> Token:
    """A placeholder token at `like`'s position."""
    if like.start_pos is None:
        return Token(type_, value)
    return Token.new_borrow_pos(type_, value, like)


@dataclass
class _Edit:
    """A re-reading of a statement's tail: tokens kept, placeholders inserted, tokens after."""

    before: list
    inserted: list
    after: list
    report: object  # (ip) -> None: says what was wrong, once the parser stands before the edit


@dataclass
class Block:
    kind: str  # "cluster", "job", ... (a key of OPENERS)
    name: str | None
    keyword: Token | None
    brace: Token  # the `{` (a placeholder when reopened or assumed)

    @property
    def placeholder(self) -> bool:
        return self.brace.value in (REOPENED, ASSUMED)


def _tokens_of(value):
    if isinstance(value, Token):
        yield value
    elif isinstance(value, Tree):
        for child in value.children:
            yield from _tokens_of(child)


def is_real(tok: Token) -> bool:
    """Whether a token came from the text (placeholders are empty or marked)."""
    return bool(tok.value) and not str(tok.value).startswith("\x00") and tok.start_pos is not None


def _last_real_token(value) -> Token | None:
    found = None
    for tok in _tokens_of(value):
        if is_real(tok):
            found = tok
    return found


class Recovery:
    """The on_error handler. Diagnostics accumulate in `diagnostics`."""

    def __init__(self, source: Source, lark_parser):
        self.source = source
        self.lark = lark_parser
        self.facts = grammar_facts(lark_parser)
        self.diagnostics: list[Diagnostic] = []
        self.hidden = 0
        self.first_hidden: Span | None = None
        self.events = 0
        self.skipped = 0
        self.aborted_at: Span | None = None
        self.reported_at: set[int] = set()
        self.reopened = 0  # placeholder `{` fed by a reopen
        self.reopened_closed_by_us = 0
        self.unclosed_reported = False
        self.language_checked = False
        self._balance: int | None = None
        self.keyword_types = frozenset(self.facts.keywords.values())
        self.parser_state = None  # set by parser.py before parsing starts
        self.quiet = False  # no text was read since the last error: its reports are cascades
        self._after_last: tuple | None = None

    # ============================================================== reporting
    def report(self, diag: Diagnostic, at: int | None = None) -> None:
        """Record a diagnostic; one per token position (a second is a cascade)."""
        if self.quiet:
            return
        if at is not None:
            if at in self.reported_at:
                return
            self.reported_at.add(at)
        if len(self.diagnostics) >= MAX_REPORTED:
            self.hidden += 1
            if self.first_hidden is None:
                self.first_hidden = diag.span
            return
        self.diagnostics.append(diag)

    def _count_event(self, where: Span) -> None:
        self.events += 1
        if self.events > MAX_EVENTS or self.skipped > MAX_SKIPPED:
            self.aborted_at = where
            raise Abort

    # ============================================================== spans
    def span_of(self, tok: Token) -> Span:
        if tok.type == "$END" or tok.start_pos is None:
            end = len(self.source.text)
            return self.source.span(end, end)
        start = tok.start_pos
        end = tok.end_pos if tok.end_pos is not None and tok.end_pos > start else start + max(len(tok.value), 1)
        return self.source.span(start, min(end, max(len(self.source.text), start + 1)))

    def describe(self, tok: Token) -> str:
        if tok.type == "$END":
            return "the end of the file"
        return messages.shown(str(tok.value))

    def expected_list(self, types) -> str:
        words = sorted({self.facts.texts.get(t, t) for t in types if t != "$END"} | ({"the end of the file"} if "$END" in types else set()))
        if len(words) > 8:
            words = words[:8] + ["..."]
        if len(words) > 1:
            return ", ".join(words[:-1]) + " or " + words[-1]
        return words[0] if words else "nothing"

    def indent_column(self, tok: Token) -> int:
        """1-based column of the first non-blank character of `tok`'s line."""
        line = self.source.line_text(tok.line or 1)
        return len(line) - len(line.lstrip(" \t")) + 1

    def first_on_line(self, tok: Token) -> bool:
        return tok.start_pos is not None and tok.column == self.indent_column(tok)

    @property
    def brace_balance(self) -> int:
        """`{` minus `}` in the whole file, outside comments and strings (lazily)."""
        if self._balance is None:
            bare = re.sub(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*', "", self.source.text)
            self._balance = bare.count("{") - bare.count("}")
        return self._balance

    # ============================================================== the stack
    def open_blocks(self, ip) -> list[Block]:
        """The blocks whose `{` is on the parse stack and not yet closed, outermost first."""
        stack = ip.parser_state.value_stack
        opened: list[int] = []
        for i, value in enumerate(stack):
            if isinstance(value, Token):
                if value.type == "LBRACE":
                    opened.append(i)
                elif value.type == "RBRACE" and opened:
                    opened.pop()
        return [self._block_at(stack, i) for i in opened]

    @staticmethod
    def _block_at(stack, i: int) -> Block:
        brace = stack[i]
        for j in range(i - 1, max(i - 5, -1), -1):
            value = stack[j]
            if isinstance(value, Token) and value.type in BLOCK_KEYWORDS:
                kind = BLOCK_KEYWORDS[value.type]
                name = stack[i - 1] if isinstance(stack[i - 1], Token) and stack[i - 1].type == "NAME" else None
                return Block(kind, (str(name.value) or None) if name is not None else None, value, brace)
        return Block("cluster", None, None, brace)

    def last_closed(self, ip) -> tuple[str, str | None, Span] | None:
        """The block that the most recent `}` closed: (kind, name, span of that `}`)."""
        stack = ip.parser_state.value_stack
        if not stack:
            return None
        top = stack[-1]
        if isinstance(top, Token) and top.type == "RBRACE" and top.value:
            depth = 0
            for i in range(len(stack) - 1, -1, -1):
                value = stack[i]
                if isinstance(value, Token) and value.type == "RBRACE":
                    depth += 1
                elif isinstance(value, Token) and value.type == "LBRACE":
                    depth -= 1
                    if depth == 0:
                        block = self._block_at(stack, i)
                        return block.kind, block.name, self.span_of(top)
            return None
        while isinstance(top, Tree) and top.data.startswith("__") and top.children:
            top = top.children[-1]
        if isinstance(top, Tree) and top.data in OPENERS and not top.meta.empty:
            end = top.meta.end_pos
            if self.source.text[end - 1 : end] == "}":
                name = top.children[0] if top.children and isinstance(top.children[0], Token) else None
                if top.data == "group_decl" and len(top.children) > 1:
                    name = top.children[1]
                shown = str(name.value) if isinstance(name, Token) and name.value else None
                return top.data, shown, self.source.span(end - 1, end)
        return None

    def governing_keyword(self, ip) -> tuple[Token | None, int, list[str]]:
        """The keyword the current statement is waiting on, with the names written after it."""
        names: list[str] = []
        for value in reversed(ip.parser_state.value_stack):
            if isinstance(value, Token):
                if value.type == "NAME":
                    names.insert(0, str(value.value))
                    continue
                if value.type in self.keyword_types or value.type == "COMMA":
                    return value, len(names), names
                return None, len(names), names
            if isinstance(value, Tree) and value.data == "name_list":
                names[:0] = [str(t.value) for t in value.children if isinstance(t, Token)]
                continue
            return None, len(names), names
        return None, len(names), names

    def previous_token(self, ip) -> Token | None:
        for value in reversed(ip.parser_state.value_stack):
            tok = _last_real_token(value)
            if tok is not None:
                return tok
        return None

    # ============================================================== feeding
    def accepts(self, ip) -> set[str]:
        return set(ip.accepts())

    def feed(self, ip, tok: Token) -> bool:
        try:
            ip.feed_token(tok)
        except UnexpectedToken:
            return False
        return True

    def retype(self, tok: Token, type_: str) -> Token:
        return Token.new_borrow_pos(type_, tok.value, tok)

    def filler_for(self, accepted: set[str]) -> str | None:
        """The placeholder that best completes a statement: a name, else a quoted text, else
        the first keyword (a `{` last: a block the user never opened is not assumed lightly)."""
        for type_ in ("NAME", "STRING"):
            if type_ in accepted:
                return type_
        keywords = sorted(t for t in accepted if t not in ("RBRACE", "LBRACE", "$END", "COMMA"))
        if keywords:
            return keywords[0]
        return "LBRACE" if "LBRACE" in accepted else None

    # ============================================================== entry point
    def __call__(self, error) -> bool:
        if not self.language_checked:
            self.language_checked = True
            self._sniff(error)
        ip = error.interactive_parser
        # Like yacc: an error right after another, with nothing read in between, is a
        # consequence of the first; it is repaired but not reported.
        self.quiet = self._after_last == tuple(ip.parser_state.state_stack)
        if isinstance(error, UnexpectedCharacters):
            self._count_event(self._char_span(error))
            self.on_characters(ip, ip.lexer_thread.state.line_ctr.char_pos)
        elif isinstance(error, UnexpectedToken):
            self._count_event(self.span_of(error.token))
            self.dispatch(ip, error.token)
        else:  # pragma: no cover - Lark raises only the two above here
            return False
        self.quiet = False
        self._after_last = tuple(ip.parser_state.state_stack)
        return True

    def _char_span(self, error) -> Span:
        pos = error.interactive_parser.lexer_thread.state.line_ctr.char_pos
        return self.source.span(pos, pos + 1)

    def _sniff(self, error) -> None:
        what = messages.sniff_language(self.source.text)
        if not what:
            return
        line = max(getattr(error, "line", 1) or 1, 1)
        column = max(getattr(error, "column", 1) or 1, 1)
        if line > self.source.line_count:
            line, column = 1, 1
        self.diagnostics.append(
            codes.WRONG_LANGUAGE(
                f"this looks like {what}, not a .bkr file",
                Span.point(self.source.name, line, column),
                help="pass the cluster's .bkr source; a .bkr file starts with `import`, `cluster`,"
                " `single` or `identity` (see docs/language.md)",
            )
        )
        raise Abort

    # ============================================================== characters
    def on_characters(self, ip, pos: int) -> None:
        """A character no token can start with: say what it probably is, skip past it."""
        state = ip.lexer_thread.state
        text = self.source.text
        char = text[pos] if pos < len(text) else ""
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end == -1 else line_end
        if char == '"':
            self.report(
                codes.UNTERMINATED_STRING(
                    "this text is not closed before the end of the line",
                    self.source.span(pos, line_end),
                    help='end the text with `"` on the same line; write \\" for a quote inside it',
                ),
                pos,
            )
            self._advance(state, line_end)
            self._assume_string(ip, pos, line_end)
            return
        previous = self.previous_token(ip)
        waiting = previous is not None and previous.type in self.facts.keywords.values()
        waiting = waiting and "NAME" in self.accepts(ip) if waiting else False
        code_name, message, help_text = messages.advise_character(char, text[pos + 1 : line_end], waiting)
        code = getattr(codes, code_name)
        end = self._skip_end(code_name, char, pos, line_end)
        self.report(code(message, self.source.span(pos, pos + 1), help=help_text), pos)
        self._advance(state, end)
        if code_name == "STRING_QUOTES":
            self._assume_string(ip, pos, end)

    def _skip_end(self, code_name: str, char: str, pos: int, line_end: int) -> int:
        text = self.source.text
        if code_name == "COMMENT_SYNTAX":
            if text.startswith("/*", pos):
                close = text.find("*/", pos + 2)
                return len(text) if close == -1 else close + 2
            return line_end
        if code_name == "STRING_QUOTES":
            closers = {"'": "'", "\u2018": "\u2019", "\u201c": "\u201d", "\u201e": "\u201c"}
            close = text.find(closers.get(char, char), pos + 1, line_end)
            return line_end if close == -1 else close + 1
        if code_name == "KEY_VALUE":
            return pos + 1
        # Skip the whole run of characters no token can start with, not one at a time.
        end = pos
        while end < line_end and not text[end].isspace() and text[end] not in '{},"#':
            end += 1
        return max(end, pos + 1)

    @staticmethod
    def _advance(state, end: int) -> None:
        pos = state.line_ctr.char_pos
        if end > pos:
            state.line_ctr.feed(state.text.text[pos:end] if hasattr(state.text, "text") else state.text[pos:end])

    def _assume_string(self, ip, start: int, end: int) -> None:
        """After an unclosed or wrongly quoted text, read on as if it had been quoted."""
        if "STRING" in self.accepts(ip):
            tok = Token("STRING", '""', start, *self.source.position(start), *self.source.position(end), end)
            self.feed(ip, tok)

    # ============================================================== tokens
    def dispatch(self, ip, tok: Token) -> None:
        """Diagnose `tok`, repair, and feed it (or skip past it)."""
        for _ in range(8):  # each round consumes or repairs; a few are enough
            if tok is None:
                return
            if tok.type == "$END":
                self.at_end(ip, tok)
                return
            accepted = self.accepts(ip)
            if tok.type in accepted:
                if not self.feed(ip, tok):
                    return
                return
            tok = self.diagnose(ip, tok, accepted)

    def diagnose(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        """Report what is wrong with `tok` here and repair; return the token to feed next."""
        if self.quiet or len(self.diagnostics) >= MAX_REPORTED:
            return self.resynchronise(ip, tok, accepted)
        if tok.type == "NAME":
            word = messages.did_you_mean(tok.value, [k for k, t in self.facts.keywords.items() if t in accepted])
            if word:
                self.report_unknown_keyword(tok, word)
                return self.retype(tok, self.facts.keywords[word])
        if tok.type == "IMPORT_PATH":
            return self.stray_text(ip, tok, accepted)
        handled, nxt = self.rollback_swallowed_keyword(ip, tok)
        if handled:
            return nxt
        at_statement = bool(accepted & {"RBRACE", "$END"})
        if not at_statement:
            return self.mid_statement(ip, tok, accepted)
        return self.at_statement(ip, tok, accepted)

    def resynchronise(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        """The cheap repair for cascades and for errors past the cap: count the error,
        finish the statement with placeholders and skip to the next one."""
        self.report(
            codes.SYNTAX(f"unexpected {self.describe(tok)}", self.span_of(tok)),
            tok.start_pos,
        )
        if not accepted & {"RBRACE", "$END"}:
            self.complete_statement(ip, tok, report=False)
            if tok.type in self.accepts(ip):
                return tok
        return self.skip_statement(ip, tok)

    def stray_text(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        """A word only a module path can be (`/*`, `--`, `./x`) where none belongs."""
        text = self.source.text
        start = tok.start_pos
        line_end = text.find("\n", start)
        line_end = len(text) if line_end == -1 else line_end
        code_name, message, help_text = messages.advise_character(text[start], text[start + 1 : line_end], False)
        if code_name == "COMMENT_SYNTAX":
            self.report(codes.COMMENT_SYNTAX(message, self.span_of(tok), help=help_text), start)
            self._advance(ip.lexer_thread.state, self._skip_end(code_name, text[start], start, line_end))
            return None
        self.report(
            codes.SYNTAX(
                f"unexpected {self.describe(tok)}; expected {self.expected_list(accepted)}",
                self.span_of(tok),
                help=self.generic_help(ip, tok, accepted),
            ),
            start,
        )
        return self.skip_statement(ip, tok)

    # ------------------------------------------------------------ mid-statement
    def mid_statement(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        if tok.type == "COMMA":
            self.report_stray_comma(tok)
            return None
        path = self.insertion(ip, tok, accepted)
        if path is not None:
            self.report_missing(ip, path[0], accepted, tok)
            self.feed_fillers(ip, path, tok)
            return tok
        if tok.type in self.facts.keywords.values() or tok.type == "RBRACE":
            # The statement is unfinished and the next one begins: complete it, then place `tok`.
            if self.complete_statement(ip, tok, report=True):
                return tok
        self.report(
            codes.SYNTAX(
                f"unexpected {self.describe(tok)}; expected {self.expected_list(accepted)}",
                self.span_of(tok),
                help=self.generic_help(ip, tok, accepted),
            ),
            tok.start_pos,
        )
        self.complete_statement(ip, tok, report=False)
        return self.skip_statement(ip, tok)

    def insertion(self, ip, tok: Token, accepted: set[str]) -> list[str] | None:
        """The shortest run of one or two placeholders (no `}`) after which `tok` fits."""
        candidates = [t for t in self._ordered(accepted) if t not in ("RBRACE", "$END")]
        for type_ in candidates:
            if _feeds(ip, [type_, tok.type]):
                return [type_]
        for type_ in candidates:
            trial = _probe(ip)
            try:
                trial.feed_token(Token(type_, ""))
            except UnexpectedToken:
                continue
            for second in self._ordered(set(trial.accepts())):
                if second not in ("RBRACE", "$END") and _feeds(trial, [second, tok.type]):
                    return [type_, second]
        return None

    @staticmethod
    def _ordered(types) -> list[str]:
        """Placeholders in order of preference: a name, a text, then keywords, a `{` last."""
        rank = {"NAME": 0, "STRING": 1, "LBRACE": 3, "COMMA": 4}
        return sorted(types, key=lambda t: (rank.get(t, 2), t))

    def feed_fillers(self, ip, path, like: Token) -> None:
        for type_ in path:
            self.feed(ip, _fake(type_, like, ASSUMED if type_ == "LBRACE" else ""))

    def complete_statement(self, ip, like: Token, *, report: bool) -> bool:
        """Feed placeholders until a statement may end here (a `}` or the end of the file fits)."""
        for step in range(6):
            accepted = self.accepts(ip)
            if accepted & {"RBRACE", "$END"}:
                return True
            filler = self.filler_for(accepted)
            if filler is None:
                return False
            if report and step == 0:
                self.report_missing(ip, filler, accepted, like)
            self.feed(ip, _fake(filler, like, ASSUMED if filler == "LBRACE" else ""))
        return False

    # ------------------------------------------------------------ statement start
    def at_statement(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        if tok.type == "RBRACE":
            return self.unmatched_close(ip, tok)
        if tok.type == "COMMA":
            self.report_stray_comma(tok)
            return self.skip_statement(ip, tok)
        if tok.type == "NAME":
            return self.stray_name(ip, tok, accepted)
        if tok.type in self.facts.keywords.values():
            return self.misplaced_keyword(ip, tok)
        if tok.type == "LBRACE":
            message = "a block starts with its keyword and name: `job NAME {`, not a bare `{`"
        elif tok.type == "STRING":
            message = 'a quoted text can only follow `description`: `description "..."`'
        else:
            message = f"unexpected {self.describe(tok)}; expected {self.expected_list(accepted)}"
        self.report(
            codes.SYNTAX(message, self.span_of(tok), help=self.generic_help(ip, tok, accepted)),
            tok.start_pos,
        )
        return self.skip_statement(ip, tok)

    def unmatched_close(self, ip, tok: Token) -> None:
        closed = self.last_closed(ip)
        related = ()
        help_text = "remove it, or restore the line that opened the block"
        if closed is not None:
            kind, name, where = closed
            related = (Related(where, f"this `}}` already closed {messages.block_title(kind, name)}"),)
        self.report(
            codes.UNMATCHED_CLOSE("this `}` closes nothing", self.span_of(tok), help=help_text, related=related),
            tok.start_pos,
        )
        # A run of them is one mistake.
        state = ip.lexer_thread.state
        run = re.compile(r"[\s}]*").match(self.source.text, state.line_ctr.char_pos)
        self._advance(state, run.end())
        return None

    def stray_name(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        text = str(tok.value)
        if text.startswith("*") and self.first_on_line(tok):
            self.report(
                codes.COMMENT_SYNTAX(
                    "`*` does not start a comment in a .bkr file",
                    self.span_of(tok),
                    help="start a comment with `#` (a `*` comment line is CMS and job-template style)",
                ),
                tok.start_pos,
            )
            self._skip_line(ip, tok)
            return None
        special = self.schedule_mistake(ip, tok)
        if special is not None:
            self.report(special, tok.start_pos)
            return None
        here = [k for k, t in self.facts.keywords.items() if t in accepted]
        word = messages.did_you_mean(text, here)
        if word:
            self.report_unknown_keyword(tok, word)
            return self.retype(tok, self.facts.keywords[word])
        word = messages.did_you_mean(text, self.statement_keywords())
        if word:
            self.report_unknown_keyword(tok, word)
            return self.retype(tok, self.facts.keywords[word])
        blocks = self.open_blocks(ip)
        where = f"a {messages.block_title(blocks[-1].kind, None)} block" if blocks else "the top level of a file"
        types = statement_types(self.lark)
        starts = sorted(k for k, t in self.facts.keywords.items() if t in accepted and t in types)
        self.report(
            codes.UNKNOWN_KEYWORD(
                f"{self.describe(tok)} is not a keyword; a statement must start with one",
                self.span_of(tok),
                help=f"statements in {where} start with " + ", ".join(f"`{k}`" for k in starts),
            ),
            tok.start_pos,
        )
        return self.skip_statement(ip, tok)

    def statement_keywords(self) -> list[str]:
        """Keywords that start a statement somewhere (for suggestions outside their block)."""
        types = statement_types(self.lark)
        return [k for k, t in self.facts.keywords.items() if t in types]

    def misplaced_keyword(self, ip, tok: Token) -> Token | None:
        """A statement keyword that does not fit the block the parser is in."""
        blocks = self.open_blocks(ip)
        # 1. Only placeholder blocks stand in the way: close them silently.
        closes = 0
        for block in reversed(blocks):
            if not block.placeholder:
                break
            closes += 1
            if self._fits_after_closing(ip, closes, tok):
                self.close_blocks(ip, closes, tok, quiet=True)
                return tok
        # 2. A real block stands in the way: its `}` is missing, or the statement is misplaced.
        for closes in range(1, len(blocks) + 1):
            if not self._fits_after_closing(ip, closes, tok):
                continue
            inner = blocks[-1]
            missing = self.brace_balance > 0 or (tok.type != "IMPORT" and tok.column <= self.indent_column(inner.brace))
            if inner.placeholder or missing:
                self.report_not_closed(blocks[-closes:], tok)
                self.close_blocks(ip, closes, tok, quiet=True)
                return tok
            self.report(
                codes.MISPLACED(
                    f"`{tok.value}` cannot appear inside a {messages.block_title(inner.kind, None)} block",
                    self.span_of(tok),
                    help=self.placement_help(tok),
                    related=(Related(self.span_of(inner.brace), f"{messages.block_title(inner.kind, inner.name)} starts here"),),
                ),
                tok.start_pos,
            )
            return self.skip_statement(ip, tok)
        # 3. The statement belongs in a block that is not open here: reopen it.
        reopened = self.reopen_path(ip, tok)
        if reopened is not None:
            self.report_misplaced_outside(ip, tok, reopened)
            for type_ in reopened:
                self.feed(ip, _fake(type_, tok, REOPENED if type_ == "LBRACE" else ""))
                if type_ == "LBRACE":
                    self.reopened += 1
            return tok
        self.report(
            codes.SYNTAX(
                f"`{tok.value}` cannot appear here",
                self.span_of(tok),
                help=self.generic_help(ip, tok, self.accepts(ip)),
            ),
            tok.start_pos,
        )
        return self.skip_statement(ip, tok)

    def _fits_after_closing(self, ip, closes: int, tok: Token) -> bool:
        trial = _probe(ip)
        for _ in range(closes):
            if not self._close_one(trial, tok, quiet=True):
                return False
        return tok.type in set(trial.accepts())

    def close_blocks(self, ip, closes: int, like: Token, *, quiet: bool) -> None:
        for _ in range(closes):
            blocks = self.open_blocks(ip)
            if blocks and blocks[-1].brace.value == REOPENED:
                self.reopened_closed_by_us += 1
            self._close_one(ip, like, quiet=quiet)

    def _close_one(self, ip, like: Token, *, quiet: bool) -> bool:
        """Complete the current statement with placeholders, then feed a `}`."""
        for _ in range(6):
            accepted = set(ip.accepts())
            if "RBRACE" in accepted:
                try:
                    ip.feed_token(_fake("RBRACE", like))
                except UnexpectedToken:
                    return False
                return True
            filler = self.filler_for(accepted)
            if filler is None:
                return False
            try:
                ip.feed_token(_fake(filler, like, ASSUMED if filler == "LBRACE" else ""))
            except UnexpectedToken:
                return False
        return False

    def reopen_path(self, ip, tok: Token) -> list[str] | None:
        """Opening tokens of a block in which `tok` fits, preferring the block just closed."""
        closed = self.last_closed(ip)
        kinds = list(OPENERS)
        if closed is not None and closed[0] in kinds:
            kinds.remove(closed[0])
            kinds.insert(0, closed[0])
        paths = [list(OPENERS[k]) for k in kinds]
        paths += [list(OPENERS["cluster"]) + list(OPENERS[k]) for k in kinds if k != "cluster"]
        for path in paths:
            if _feeds(ip, path + [tok.type]):
                return path
        return None

    # ------------------------------------------------------------ swallowed keywords
    def name_token(self, tok: Token) -> Token:
        """Called by the lexer for every name (through parser.py's NAME callback).

        Where the parser waits for a value, the contextual lexer reads any word as a
        name, so in `run on` + newline + `include minidisk * *` the word `include`
        would become the member name. A word that spells a statement keyword, starts
        its line, and comes while a statement is unfinished is read as that keyword;
        the parser then reports the value as missing, at the right place."""
        keyword = self.facts.keywords.get(str(tok.value).lower())
        if keyword is None or self.parser_state is None or keyword not in statement_types(self.lark):
            return tok
        actions = self.parser_state.parse_conf.parse_table.states[self.parser_state.position]
        if "RBRACE" in actions or "$END" in actions or keyword in actions:
            return tok
        if tok.start_pos is None or tok.column != self.indent_column(tok) or tok.line == self._last_line():
            return tok
        return self.retype(tok, keyword)

    def _last_line(self) -> int | None:
        for value in reversed(self.parser_state.value_stack):
            tok = _last_real_token(value)
            if tok is not None:
                return tok.line
        return None

    def rollback_swallowed_keyword(self, ip, tok: Token) -> tuple[bool, Token | None]:
        """Re-read the end of the current statement with one edit, when that makes `tok` fit.

        Two edits are tried on the last few entries of the parse stack (their tokens
        are all kept while parsing): a name that spells a keyword is read as that
        keyword after an assumed value (`on VMSYS1, daily 02:00`: the name after `,`
        is missing; `purge weekly 06:00 retain 30 days`: the day is missing), and a
        `,` is assumed between two names on one line (`run on VMSYS1 VMSYS2`)."""
        stack = ip.parser_state.value_stack
        later: list[Token] = []
        for i in range(len(stack) - 1, max(len(stack) - 5, -1), -1):
            value = stack[i]
            if isinstance(value, Token) and value.type in ("LBRACE", "RBRACE"):
                break
            if isinstance(value, Tree) and (value.data.startswith("__") or value.data in OPENERS):
                break
            leaves = list(_tokens_of(value)) + later
            for edit in self._edits(leaves, tok):
                trial = _probe(ip)
                del trial.parser_state.value_stack[i:]
                del trial.parser_state.state_stack[i + 1 :]
                if _feeds(trial, [t.type for t in edit.before + edit.inserted + edit.after] + [tok.type]):
                    del stack[i:]
                    del ip.parser_state.state_stack[i + 1 :]
                    for t in edit.before:
                        self.feed(ip, t)
                    edit.report(ip)
                    for t in edit.inserted + edit.after:
                        self.feed(ip, t)
                    return True, tok
            later = leaves
        return False, None

    def _edits(self, leaves: list[Token], tok: Token):
        for k in range(len(leaves) - 1, -1, -1):
            word = leaves[k]
            if word.type != "NAME" or not is_real(word) or word.line < (tok.line or 0) - 1:
                continue
            keyword = self.facts.keywords.get(str(word.value).lower())
            if keyword is None:
                continue
            yield _Edit(
                leaves[:k],
                [_fake("NAME", word), self.retype(word, keyword)],
                leaves[k + 1 :],
                lambda ip, word=word: self.report_missing(ip, "NAME", self.accepts(ip), word),
            )
        if tok.type == "NAME" and leaves and leaves[-1].type == "NAME" and is_real(leaves[-1]):
            previous = leaves[-1]
            if previous.line == tok.line:
                yield _Edit(
                    leaves,
                    [_fake("COMMA", tok)],
                    [],
                    lambda ip: self.report(
                        codes.SYNTAX(
                            f"a `,` is missing between {self.describe(previous)} and {self.describe(tok)}",
                            self.span_of(tok),
                            help="separate the names of a list with commas: `on VMSYS1, VMSYS2`,"
                            " `backup APPS, SYSIDS`",
                        ),
                        tok.start_pos,
                    ),
                )

    # ------------------------------------------------------------ schedules
    def schedule_mistake(self, ip, tok: Token) -> Diagnostic | None:
        """`daily sun 02:00` and `weekly sat sun 03:00`: a schedule with a word too many."""
        stack = ip.parser_state.value_stack
        if len(stack) < 2 or not messages.looks_like_time(str(tok.value)):
            return None
        day, keyword = stack[-1], stack[-2]
        if isinstance(keyword, Token) and keyword.type == "DAILY" and isinstance(day, Token) and messages.looks_like_day(day):
            return codes.SYNTAX(
                f"`daily` takes only a time, not a day: found `{day.value}` before `{tok.value}`",
                self.span_of(day),
                help=f"write `daily {tok.value}`, or `weekly {day.value} {tok.value}` for one day a week",
            )
        if isinstance(day, Token) and messages.looks_like_day(day) and isinstance(keyword, Tree) and keyword.data == "name_list":
            return codes.SYNTAX(
                f"the days after `weekly` are separated by commas: `{day.value}` was read as the time",
                self.span_of(day),
                help="write `weekly sat, sun 03:00`",
            )
        return None

    # ------------------------------------------------------------ skipping
    def skip_statement(self, ip, first: Token) -> Token | None:
        """Skip to the next statement keyword (or a `}` that closes the current block);
        `{ ... }` is skipped whole. Returns the token to go on with (None at the end).

        Skipping scans the text with one regular expression rather than the lexer, so
        five megabytes of junk cost milliseconds; strings and comments are stepped over."""
        accepted = self.accepts(ip)
        depth = 1 if first.type == "LBRACE" else 0
        text = self.source.text
        state = ip.lexer_thread.state
        for match in skip_pattern(self.lark).finditer(text, state.line_ctr.char_pos):
            self.skipped += 1
            if self.skipped > MAX_SKIPPED:
                self.aborted_at = self.source.span(match.start(), match.start() + 1)
                raise Abort
            kind = match.lastgroup
            if kind == "open":
                depth += len(match.group())
            elif kind == "close":
                run = len(match.group())
                if run > depth:
                    return self._lex_at(ip, match.start() + depth)
                depth -= run
            elif kind == "word" and depth == 0:
                type_ = self.facts.keywords[match.group().lower()]
                at_line_start = not text[text.rfind("\n", 0, match.start()) + 1 : match.start()].strip()
                if (
                    (type_ in accepted and type_ in statement_types(self.lark))
                    or type_ in _STOP_ANYWAY
                    or (type_ in BLOCK_KEYWORDS and at_line_start)
                ):
                    return self._lex_at(ip, match.start())
        self._advance(state, len(text))
        return None

    def _lex_at(self, ip, offset: int) -> Token | None:
        """Move the lexer to `offset` and read the (keyword or brace) token there."""
        state = ip.lexer_thread.state
        self._advance(state, offset)
        lexer = ip.lexer_thread.lexer
        root = getattr(lexer, "root_lexer", lexer)
        try:
            return root.next_token(state, ip.parser_state)
        except (EOFError, UnexpectedCharacters):  # pragma: no cover - the pattern found a token here
            return None

    def _skip_line(self, ip, tok: Token) -> None:
        text = self.source.text
        end = text.find("\n", tok.end_pos)
        self._advance(ip.lexer_thread.state, len(text) if end == -1 else end)

    # ------------------------------------------------------------ the end
    def at_end(self, ip, tok: Token) -> None:
        """The file ended: report unfinished statements and unclosed blocks, then close them."""
        debt = self.reopened - self.reopened_closed_by_us - sum(
            1 for b in self.open_blocks(ip) if b.brace.value == REOPENED
        )
        for _ in range(200):
            accepted = self.accepts(ip)
            if "$END" in accepted:
                return
            if "RBRACE" in accepted:
                blocks = self.open_blocks(ip)
                if not blocks:
                    return
                inner = blocks[-1]
                if not inner.placeholder:
                    if debt > 0:
                        debt -= 1
                    elif not self.unclosed_reported:
                        self.unclosed_reported = True
                        self.report_unclosed([b for b in blocks if not b.placeholder])
                if not self.feed(ip, _fake("RBRACE", tok)):
                    return
                continue
            filler = self.filler_for(accepted)
            if filler is None:
                return
            self.report_missing(ip, filler, accepted, tok)
            if not self.feed(ip, _fake(filler, tok, ASSUMED if filler == "LBRACE" else "")):
                return
        return

    # ============================================================== messages
    def report_missing(self, ip, filler: str, accepted: set[str], found: Token) -> None:
        """`expected a member name after `on``, pointing at the token that lacks it."""
        previous = self.previous_token(ip)
        where = self.span_of(previous) if previous is not None else self.span_of(found)
        at = found.start_pos if found.type != "$END" else len(self.source.text)
        if filler == "LBRACE":
            blocks_kw, _, names = self.governing_keyword(ip)
            title = f"`{blocks_kw.value} {names[-1]}`" if blocks_kw is not None and names else "the block"
            self.report(
                codes.MISSING_OPEN(
                    f"expected `{{` after {title}, found {self.describe(found)}",
                    where,
                    label="`{` expected after this",
                    help="open the block with `{` after its name, and close it with `}`",
                ),
                at,
            )
            return
        keyword, count, names = self.governing_keyword(ip)
        if filler == "NAME" and keyword is not None:
            kw = str(keyword.value) if keyword.value else keyword.type.lower()
            need = messages.follower(kw, count)
            if kw.lower() == "weekly" and count == 1 and messages.looks_like_time(names[0]):
                message = f"`weekly` needs a day of the week before the time `{names[0]}`"
                help_text = f"write `weekly sun {names[0]}` (days: sun mon tue wed thu fri sat)"
            elif kw == ",":
                message = f"expected another name after `,`, found {self.describe(found)}"
                help_text = "remove the trailing `,`, or add the name that should follow it"
            else:
                written = " ".join([kw] + [n for n in names if n])
                message = f"expected {need} after {messages.shown(written)}, found {self.describe(found)}"
                help_text = f"write {need} after {messages.shown(written)}"
            self.report(codes.EXPECTED_NAME(message, where, label=f"{need} expected after this", help=help_text), at)
            return
        wanted = self.expected_list({t for t in accepted if t not in ("RBRACE", "$END")})
        after = f" after {self.describe(previous)}" if previous is not None else ""
        code = codes.EXPECTED_NAME if filler in ("NAME", "STRING") else codes.SYNTAX
        self.report(
            code(
                f"expected {wanted}{after}, found {self.describe(found)}",
                where,
                help=f"write {wanted} here (see docs/language.md)",
            ),
            at,
        )

    def report_unknown_keyword(self, tok: Token, word: str) -> None:
        self.report(
            codes.UNKNOWN_KEYWORD(
                f"unknown keyword {self.describe(tok)}; did you mean `{word}`?",
                self.span_of(tok),
                help=f"write `{word}`",
            ),
            tok.start_pos,
        )

    def report_stray_comma(self, tok: Token) -> None:
        self.report(
            codes.STRAY_COMMA(
                "a `,` cannot appear here",
                self.span_of(tok),
                help="commas separate the names of one list (`on VMSYS1, VMSYS2`); group entries are"
                " separated by blanks, and a list never ends with `,`",
            ),
            tok.start_pos,
        )

    def report_not_closed(self, blocks: list[Block], tok: Token) -> None:
        inner = blocks[-1]
        where = f"{inner.brace.line}:{inner.brace.column}"
        related = tuple(
            Related(self.span_of(b.brace), f"{messages.block_title(b.kind, b.name)} opened here")
            for b in reversed(blocks)
            if not b.placeholder
        )
        self.report(
            codes.UNCLOSED(
                f"`{{` opened at {where} is not closed before `{tok.value}`",
                self.span_of(tok),
                label=f"{messages.block_title(inner.kind, inner.name)} should end before this",
                help=f"add `}}` to end {messages.block_title(inner.kind, inner.name)} before this line",
                related=related,
            ),
            tok.start_pos,
        )

    def report_unclosed(self, blocks: list[Block]) -> None:
        if not blocks:
            return
        inner = blocks[-1]
        end = len(self.source.text)
        related = [Related(self.source.span(end, end), "the file ends here")]
        related += [
            Related(self.span_of(b.brace), f"{messages.block_title(b.kind, b.name)} is not closed either")
            for b in reversed(blocks[:-1])
        ]
        self.report(
            codes.UNCLOSED(
                f"`{{` opened at {inner.brace.line}:{inner.brace.column} is never closed",
                self.span_of(inner.brace),
                label=f"{messages.block_title(inner.kind, inner.name)} starts here",
                help="add `}` where the block ends; if a block inside it lacks its `}`, this one's was used instead",
                related=tuple(related),
            ),
            end,
        )

    def report_misplaced_outside(self, ip, tok: Token, path: list[str]) -> None:
        kind = next(k for k, opener in OPENERS.items() if path[-len(opener) :] == list(opener))
        closed = self.last_closed(ip)
        related: tuple[Related, ...] = ()
        if closed is not None and closed[0] == kind:
            _, name, where = closed
            related = (Related(where, f"{messages.block_title(kind, name)} was closed here"),)
            if self.brace_balance < 0:
                help_text = f"a `}}` above is one too many and closed {messages.block_title(kind, name)} early: remove it"
            else:
                help_text = f"move `{tok.value}` inside the {messages.block_title(kind, None)} block's braces"
        else:
            help_text = f"put it inside a `{messages.kind_word(kind)} NAME {{ ... }}` block"
        self.report(
            codes.MISPLACED(
                f"`{tok.value}` can only appear inside a `{messages.kind_word(kind)} {{ ... }}` block",
                self.span_of(tok),
                help=help_text,
                related=related,
            ),
            tok.start_pos,
        )

    def placement_help(self, tok: Token) -> str:
        word = str(tok.value).lower()
        if word == "import":
            return "put `import` lines at the top of the file, before the cluster"
        if word in ("member", "job", "catalog", "expire", "tape"):
            return f"`{word}` belongs directly inside `cluster NAME {{ ... }}`"
        return "move it to the block it belongs in (see docs/language.md)"

    def generic_help(self, ip, tok: Token, accepted: set[str]) -> str:
        if accepted <= {"IMPORT", "CLUSTER", "SINGLE", "IDENTITY", "$END"}:
            return "a file holds `import` lines, then `cluster NAME { ... }` and `single`/`identity` declarations"
        if tok.type == "NAME" and "RBRACE" in accepted:
            return "every statement in a block starts with a keyword; names follow their keyword"
        return "see docs/language.md for the constructs allowed here"


_NAME_CHAR = r"[A-Za-z0-9$#@_*%?+\-:./]"


@functools.lru_cache(maxsize=4)
def skip_pattern(lark_parser) -> re.Pattern:
    """Strings and comments (stepped over), braces, and whole keywords, for skipping."""
    words = sorted(grammar_facts(lark_parser).keywords, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    # The look-ahead on first letters lets the engine reject most positions at once.
    firsts = "".join(sorted({w[0] for w in words} | {w[0].upper() for w in words}))
    return re.compile(
        r'"(?:[^"\\\n]|\\.)*"|#[^\n]*'
        r"|(?P<open>\{+)|(?P<close>\}+)"
        rf"|(?<!{_NAME_CHAR})(?=[{firsts}])(?P<word>(?i:{alternatives}))(?!{_NAME_CHAR})"
    )


@functools.lru_cache(maxsize=4)
def statement_types(lark_parser) -> frozenset[str]:
    """Every keyword that can start a statement, at the top level or inside a block."""
    start = lark_parser.parse_interactive("")
    types = set(start.accepts())
    cluster = list(OPENERS["cluster"])
    for path in [cluster] + [cluster + list(opener) for kind, opener in OPENERS.items() if kind != "cluster"]:
        trial = _probe(start)
        try:
            for type_ in path:
                trial.feed_token(Token(type_, ""))
        except UnexpectedToken:
            continue
        types |= set(trial.accepts())
    return frozenset(types - {"RBRACE", "$END", "NAME", "COMMA", "LBRACE", "STRING"})
