"""Text to tree to AST: reading, parsing with recovery, and building the AST.

`read_module()` is the entry for callers that want the AST and the syntax
diagnostics: it tries the fast parser (fast.py, which reads clean files and one
error, a text not closed on its line) and falls back to Lark with error recovery
(parser.py, then build.py) for any text the fast parser does not read exactly as
Lark would: in a large file, Lark only around the error where region.py can tell
the result (the fast parser reads the rest), else the whole text. `bkrdsl.syntax.parser.parse()` is Lark itself, for
callers that need the parse tree or its tokens (the language server's
completion, and the formatter for a file the fast parser gives up on: it reads
the others with `fast.read_tokens`). Lark is imported only when it runs: a
clean file is read without it, which saves its import (about 50 ms) at every
`bkrc` start.
"""

from __future__ import annotations

import os

from bkrdsl import ast
from bkrdsl.diagnostics import Diagnostic
from bkrdsl.source import Source
from bkrdsl.syntax import fast
from bkrdsl.syntax.homed import with_home_slips

__all__ = ["PARSER_VARIABLE", "fast_allowed", "read_module", "reported", "written_whole"]

#: Set to `lark` to skip the fast parser (to debug, or to compare the two).
PARSER_VARIABLE = "BKRDSL_PARSER"


def fast_allowed() -> bool:
    """Whether to try the fast parser first (not when PARSER_VARIABLE says `lark`)."""
    return os.environ.get(PARSER_VARIABLE, "").strip().lower() != "lark"


def read_module(source: Source) -> tuple[ast.Module | None, list[Diagnostic]]:
    """The AST of a decoded source (None when nothing could be parsed) and its syntax
    diagnostics, as `build(parse(source))` gives them, with a misplaced statement's own
    slips said as its home says them (homed.py). Never raises on input."""
    module, diagnostics, fast_read = _read_how(source)
    said = reported(source, diagnostics)
    text = source.text
    if not text.isascii() and ("\u2028" in text or "\u2029" in text or "\x85" in text):
        # BKR023: a line end to other readers, in a comment or a text (an ASCII file,
        # the common case, is told so at once: `str.isascii` reads no character)
        from bkrdsl.syntax.messages import other_line_ends

        said = said + other_line_ends(source, module, said)
    if not fast_read or not text.isascii():
        # BKR024: a control or bidirectional character in a comment or a text. The fast
        # parser gives up on a control character there (fast._SCAN_TOKEN); the others
        # are not ASCII: a file the fast parser read, and ASCII, holds none
        from bkrdsl.syntax.messages import hidden_characters

        said = said + hidden_characters(source, module, said)
    return module, said


def reported(source: Source, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The syntax errors a reading of `source` (the fast parser's, Lark's: `parse()`)
    found, as `read_module` and so `bkrc check` report them: with homed.py's last pass.
    The formatter, which reads a file with errors with `parse()`, reports them so
    (`bkrdsl.fmt.read_outline`)."""
    return _tape_option_begun(
        source, _again_below(source, with_home_slips(source, diagnostics, lambda made: _read(made)[1]))
    )


def _tape_option_begun(source: Source, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """`tape manager shared cat` (`c` .. `catalog-`, on its line or first on the
    statement's next line): a word that begins `catalog-node` and `catalog-dmm`, which
    each parser reads otherwise (the cluster's `catalog`, its scope then missing; or
    `catalog` and a `-`), with one or two errors for the word's line. Those errors are
    one, that says which options the word begins (`messages.tape_option_begun`); so is
    each "cannot appear outside `tape manager`" (BKR013) at the statement's own
    `catalog-node` or `catalog-dmm` on a line below, read apart after the word. A file
    without errors returns at once."""
    if not diagnostics or "manager" not in source.text.lower():
        return diagnostics
    from bkrdsl.syntax import messages

    for start, end, line_end, given in messages.tape_options_begun(source.text):
        own = [d for d in diagnostics if d.span is not None and d.span.file == source.name]
        on_line = [d for d in own if start <= d.span.start <= line_end]
        below = [d for d in own if d.code == "BKR013" and d.span.start in given.values()]
        if not on_line and not below:
            continue
        made = messages.tape_option_begun(source.text[start:end], given, source.span(start, end))
        at = min(i for i, d in enumerate(diagnostics) if any(d is said for said in on_line + below))
        diagnostics = [d for d in diagnostics if not any(d is said for said in on_line + below)]
        diagnostics.insert(at, made)
    return diagnostics


def _again_below(source: Source, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """`backup` alone on its line, then `backup APPS full` on the next: the line half
    typed, then typed again whole. Each parser says the first cut short ("expected a
    group name after `backup`, found the end of the line"), or, where they read the two
    lines as one statement, the second's words as out of order (`include`, then
    `include minidisk * 0191`) with nothing said at the first; that error becomes the
    keyword written twice, at the second (`messages.written_twice_below`). Written
    again after itself there (`include include`), every error on its line and the one
    at the word below are one, said once (`_run_again_below`). A file without errors
    returns at once, its messages never imported (tests/test_startup.py)."""
    if not diagnostics:
        return diagnostics
    from bkrdsl.syntax import messages

    text = source.text
    said = []
    lines = {diag.span.line for diag in diagnostics}
    runs: set[int] = set()  # the first word of each run said (_run_again_below)
    for diag in diagnostics:
        run = _run_again_below(source, diag, messages)
        if run is not None:
            # `include include`, then `include minidisk * 0191`: every error on the run's
            # line, and the one at the word below, are the keyword written again, said once
            start, made = run
            if start not in runs:
                runs.add(start)
                said.append(made)
            continue
        first, again = None, None
        if diag.found == messages.LINE_END and diag.span.end_line == diag.span.line:
            first, again = diag.span.end, messages.keyword_again_below(text, diag.span.start, diag.span.end)
        else:
            # `include`, then `include minidisk * 0191`: read as one statement across the line
            # end (its words "the wrong way round" at the second), nothing said at the first
            above = messages.keyword_alone_above(text, diag.span.start)
            if above is not None and source.position(above[0])[0] not in lines:
                first, again = above[1], messages.keyword_again_below(text, *above)
        if again is not None and (first == diag.span.end or again[0][0] == diag.span.start):
            second, statement = again
            diag = messages.written_twice_below(
                text[second[0] : second[1]], source.span(*second), source.span(first, second[1]), statement
            )
        said.append(diag)
    return said


def _run_again_below(source: Source, diag: Diagnostic, messages) -> tuple[int, Diagnostic] | None:
    """Whether `diag` is said on a line that writes a statement's keyword again after
    itself and nothing else (`include include`), the keyword first on the next line
    (`include minidisk * 0191`), or at that word below: the run's first offset and the
    one error for it (`messages.written_again_below`); else None."""
    text = source.text
    run = messages.keyword_run_again_below(text, diag.span.start)
    if run is None:
        start = diag.span.start
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip():
            return None
        above = line_start - 1  # the last character of the line above that is not blank
        while above >= 0 and text[above].isspace():
            above -= 1
        run = messages.keyword_run_again_below(text, above) if above >= 0 else None
        if run is None or run[2][0] != start:
            return None
    (first, first_end), times, (below, below_end), statement = run
    word = text[below:below_end]
    made = messages.written_again_below(
        word, times, source.span(below, below_end), source.span(first_end, below_end),
        " ".join(text[first : text.find("\n", first)].split()), statement,
    )
    return first, made


def written_whole(statement: str) -> str | None:
    """A statement's line with its slips mended as its home block reads it (`retain
    35`: `retain 35 days`), or None (homed.written_whole)."""
    from bkrdsl.syntax.homed import written_whole as whole

    return whole(statement, lambda made: _read(made)[1])


def _read(source: Source) -> tuple[ast.Module | None, list[Diagnostic]]:
    """`read_module`'s reading, without homed.py's pass."""
    module, diagnostics, _fast = _read_how(source)
    return module, diagnostics


def _read_how(source: Source) -> tuple[ast.Module | None, list[Diagnostic], bool]:
    """`_read`'s reading, and whether the fast parser read the whole file."""
    if fast_allowed():
        read = fast.read_reported(source)
        if read is not None:
            return *read, True  # the fast parser reads only what Lark reads so, with the same diagnostics
        from bkrdsl.syntax.region import read_around_error

        read = read_around_error(source)
        if read is not None:
            return *read, False  # a large file: Lark reads only the blocks around the error
    from bkrdsl.syntax.build import build
    from bkrdsl.syntax.parser import parse

    result = parse(source)
    return build(result), list(result.diagnostics), False

