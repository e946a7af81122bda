"""Highlighting .bkr text: the pygments lexer, terminal colours, and what `bkrc highlight` prints.

`BkrLexer` runs the rule lists of `bkrdsl.keywords` the way VS Code's TextMate
engine runs the grammar generated from the same lists: at each position the
first rule that matches there wins, a region (a group's `{ }` body, a string)
checks its end before its inner rules, and a capture may be coloured by another
rule list. So pygments, VS Code and the docs show a file alike, and nothing here
repeats a keyword: the lexer learns them from the grammar on first use, which
keeps `import bkrdsl.highlight` cheap for pygments' plugin scan.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import ClassVar

from pygments.lexer import Lexer
from pygments.token import (
    Comment,
    Generic,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    String,
    Text,
    Whitespace,
    _TokenType,
    string_to_tokentype,
)

from bkrdsl.records import dataclass

__all__ = ["TERMINAL_COLORS", "BkrLexer", "highlight_line", "lexer_for", "render"]


# ------------------------------------------------------------------ the rule engine
@dataclass(frozen=True)
class _Match:
    regex: re.Pattern
    token: _TokenType | None
    captures: tuple[tuple[int, object], ...]  # (group, token type or rule-list name)


@dataclass(frozen=True)
class _Region:
    begin: re.Pattern
    end: re.Pattern
    inner: str
    token: _TokenType | None
    begin_captures: tuple[tuple[int, object], ...]
    end_captures: tuple[tuple[int, object], ...]


def _token(kind: str | None) -> _TokenType | None:
    from bkrdsl.keywords import KIND

    return string_to_tokentype(KIND[kind].pygments) if kind else None


def _captures(captures: dict[int, str]) -> tuple[tuple[int, object], ...]:
    return tuple(
        (group, target[1:] if target.startswith("@") else _token(target)) for group, target in sorted(captures.items())
    )


def _compile(regex: str) -> re.Pattern:
    # MULTILINE: `$` ends a line, as in Oniguruma, where TextMate runs one line at a time.
    return re.compile(regex, re.MULTILINE)


class _Engine:
    def __init__(self, lists: dict) -> None:
        from bkrdsl.keywords import Include, Match, vocabulary

        self.blanks = frozenset(vocabulary().blanks)

        def flat(name: str) -> list:
            out = []
            for rule in lists[name]:
                if isinstance(rule, Include):
                    out.extend(flat(rule.list))
                elif isinstance(rule, Match):
                    out.append(_Match(_compile(rule.regex), _token(rule.kind), _captures(rule.captures)))
                else:
                    out.append(
                        _Region(
                            _compile(rule.begin),
                            _compile(rule.end),
                            rule.inner,
                            _token(rule.kind),
                            _captures(rule.begin_captures),
                            _captures(rule.end_captures),
                        )
                    )
            return out

        self.lists = {name: tuple(flat(name)) for name in lists}
        # The lists with a rule anchored at a line's start (`^  NAME`): at the start of a
        # line they are tried before its blanks are skipped.
        self.anchored = frozenset(
            id(body)
            for body in self.lists.values()
            if any((r.begin if isinstance(r, _Region) else r.regex).pattern.startswith("^") for r in body)
        )

    def tokens(self, text: str) -> list[tuple[int, _TokenType, str]]:
        out: list[tuple[int, _TokenType, str]] = []
        pos = 0
        while pos < len(text):  # a region left open at the end of the text simply ends there
            pos = self._scan(text, pos, len(text), self.lists["main"], None, (), None, out)
        return _coalesce(out)

    def _scan(self, text, pos, end, rules, until, until_captures, fill, out) -> int:
        """Tokens of text[pos:end] by `rules`; returns just after `until` (a region's end) or `end`."""
        while pos < end:
            if until is not None:
                m = until.match(text, pos, end)
                if m:
                    self._emit(text, m, fill, until_captures, out)
                    return m.end()
            if fill is None and text[pos] in self.blanks and not (
                id(rules) in self.anchored and (pos == 0 or text[pos - 1] == "\n")
            ):
                # No rule starts with white space but at a line's start (`^`), so a run of
                # it is skipped in one step, to the end of its line: a region's end and a
                # rule may be anchored at the next line's start, as TextMate reads a line.
                # Only the grammar's blanks: a no-break space is a stray character (BKR003).
                stop = pos + 1
                while stop < end and text[stop] in self.blanks and text[stop - 1] != "\n":
                    stop += 1
                out.append((pos, Whitespace, text[pos:stop]))
                pos = stop
                continue
            for rule in rules:
                if isinstance(rule, _Region):
                    m = rule.begin.match(text, pos, end)
                    if m and m.end() > pos:
                        self._emit(text, m, rule.token, rule.begin_captures, out)
                        inner = self.lists[rule.inner]
                        pos = self._scan(text, m.end(), end, inner, rule.end, rule.end_captures, rule.token, out)
                        break
                else:
                    m = rule.regex.match(text, pos, end)
                    if m and m.end() > pos:
                        self._emit(text, m, rule.token, rule.captures, out)
                        pos = m.end()
                        break
            else:
                _fill(text, pos, pos + 1, fill, out)
                pos += 1
        return pos

    def _emit(self, text, m, token, captures, out) -> None:
        pos = m.start()
        for group, target in captures:
            start, stop = m.span(group)
            if start < 0 or start == stop:
                continue
            _fill(text, pos, start, token, out)
            if isinstance(target, str):
                self._scan(text, start, stop, self.lists[target], None, (), token, out)
            else:
                out.append((start, target or token or Text, text[start:stop]))
            pos = stop
        _fill(text, pos, m.end(), token, out)


_SPACE_RUNS = re.compile(r"(\s+)|\S+")


def _fill(text: str, start: int, stop: int, token, out) -> None:
    """Text no rule coloured: the enclosing match's or region's colour, else plain
    (white space as Whitespace), one token per run."""
    if start >= stop:
        return
    if token:
        out.append((start, token, text[start:stop]))
        return
    for m in _SPACE_RUNS.finditer(text, start, stop):
        out.append((m.start(), Whitespace if m.group(1) else Text, m.group()))


def _coalesce(tokens):
    """Neighbouring tokens of one type as one; pieces are joined once (a long run
    of one type stays linear)."""
    out: list[tuple[int, _TokenType, str]] = []
    first, kind, parts, end = 0, None, [], -1
    for pos, token, value in tokens:
        if parts and token is kind and pos == end:
            parts.append(value)
        else:
            if parts:
                out.append((first, kind, "".join(parts)))
            first, kind, parts = pos, token, [value]
        end = pos + len(value)
    if parts:
        out.append((first, kind, "".join(parts)))
    return out


@functools.lru_cache(maxsize=1)
def _engine() -> _Engine:
    from bkrdsl.keywords import rules

    return _Engine(rules())


def tokenize(text: str) -> list[tuple[int, _TokenType, str]]:
    """(offset, token type, text) for all of `text`, offsets into `text` itself."""
    return _engine().tokens(text)


# ------------------------------------------------------------------ the pygments lexer
class BkrLexer(Lexer):
    """The .bkr language: the backups of a z/VM SSI cluster (bkrdsl)."""

    name = "bkr"
    aliases: ClassVar[list[str]] = ["bkr", "bkrdsl"]
    filenames: ClassVar[list[str]] = ["*.bkr"]
    mimetypes: ClassVar[list[str]] = ["text/x-bkr"]
    url = "https://github.com/bkrdsl/bkrdsl"

    _CLUSTER = re.compile(r"^[ \t]*cluster[ \t]+\S+[ \t]*\{", re.IGNORECASE | re.MULTILINE)
    _IMPORT_STD = re.compile(r"^[ \t]*import[ \t]+std/", re.IGNORECASE | re.MULTILINE)

    def analyse_text(text):  # no `self`: pygments turns this into a static method
        score = 0.0
        if BkrLexer._CLUSTER.search(text):
            score += 0.3
        if BkrLexer._IMPORT_STD.search(text):
            score += 0.3
        return score

    def get_tokens_unprocessed(self, text: str) -> Iterator[tuple[int, _TokenType, str]]:
        yield from tokenize(text)


# ------------------------------------------------------------------ terminal colours
def _terminal_colors() -> dict:
    from pygments.formatters.terminal import TERMINAL_COLORS

    colors = dict(TERMINAL_COLORS)
    # (light background, dark background); *x* is bold, _x_ underlined.
    colors.update(
        {
            Name.Class: ("*green*", "*brightgreen*"),  # cluster
            Name.Label: ("*magenta*", "*brightmagenta*"),  # member
            Name.Constant: ("*red*", "*brightred*"),  # group
            Name.Function: ("*cyan*", "*brightcyan*"),  # job
            Name.Variable: ("cyan", "brightcyan"),  # user ID
            Name.Namespace: ("_cyan_", "_brightcyan_"),  # import path
            String.Regex: ("magenta", "brightmagenta"),  # pattern
            Literal.Date: ("*blue*", "*brightblue*"),  # time
            Number: ("blue", "brightblue"),
            Operator: ("blue", "brightblue"),
            String.Escape: ("red", "brightred"),
            String.Doc: ("green", "brightgreen"),
            Comment: ("gray", "brightblack"),
            # `# bkrc: allow BKR227 reason`: the words and the codes apart from the reason
            Comment.Preproc: ("cyan", "brightcyan"),
            Comment.PreprocFile: ("cyan", "brightcyan"),
            Keyword: ("blue", "brightblue"),
            Generic.Error: ("_brightred_", "_brightred_"),  # a stray character
        }
    )
    return colors


TERMINAL_COLORS = _terminal_colors()


def highlight_line(text: str) -> str:
    """One source line (as a diagnostic frame shows it) with ANSI colours.

    The frame marks a cut line with `...` at either end; that is the renderer's,
    not the user's text, so it stays plain rather than lexing as a stray `.`.
    """
    from pygments import highlight
    from pygments.formatters import TerminalFormatter

    lead = "..." if text.startswith("...") else ""
    tail = "..." if text.endswith("...") and len(text) >= len(lead) + 3 else ""
    body = text[len(lead) : len(text) - len(tail)]
    if not body.strip():
        return text
    coloured = highlight(body, BkrLexer(stripnl=False), TerminalFormatter(colorscheme=TERMINAL_COLORS))
    return lead + coloured.rstrip("\n") + tail


# ------------------------------------------------------------------ bkrc highlight
FORMATS = ("terminal", "html", "svg")


def is_exec(name: str, text: str) -> bool:
    """A REXX EXEC: named FN.EXEC (any case), or text that opens with a /* comment."""
    return name.lower().endswith(".exec") or text.lstrip().startswith("/*")


def lexer_for(name: str, text: str) -> Lexer:
    if is_exec(name, text):
        from pygments.lexers import RexxLexer

        return RexxLexer(stripnl=False)
    return BkrLexer(stripnl=False)


def render(text: str, lexer: Lexer, fmt: str, title: str) -> str:
    """The highlighted text as an ANSI terminal text, a standalone HTML page or an SVG image."""
    from pygments import highlight

    if fmt == "terminal":
        from pygments.formatters import TerminalFormatter

        colors = TERMINAL_COLORS if isinstance(lexer, BkrLexer) else None
        formatter = TerminalFormatter(colorscheme=colors)
    elif fmt == "html":
        from pygments.formatters import HtmlFormatter

        formatter = HtmlFormatter(full=True, title=title, wrapcode=True)
    elif fmt == "svg":
        from pygments.formatters import SvgFormatter

        formatter = SvgFormatter()
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return highlight(text, lexer, formatter)
