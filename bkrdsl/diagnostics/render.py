"""Renderers: the same diagnostics as text frames, short lines, JSON, SARIF 2.1.0,
GitHub workflow annotations or GitLab's Code Quality report.

Renderers are pure: they take diagnostics and the sources they point into and
return a string. Colour is decided by the caller (the CLI knows the terminal).
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Callable, Mapping, Sequence

from bkrdsl import __version__
from bkrdsl.diagnostics.core import FINDING_CHECKS, FINDING_HELP, Diagnostic, Fix, RunFinding, Severity
from bkrdsl.diagnostics.limit import Stop, limit
from bkrdsl.source import Source, Span, first_changed_line
from bkrdsl.terminal import ACTED_ON, SHOWN, columns, escaped, json_text

#: A frame shows at most this many columns of a source line; longer lines are
#: cut around the caret so a 5 MB line still prints one readable line.
FRAME_WIDTH = 100
TAB = "    "


class Format(str, enum.Enum):
    TEXT = "text"
    SHORT = "short"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"
    GITLAB = "gitlab"


def counts(diagnostics: Sequence[Diagnostic]) -> tuple[int, int]:
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    warnings = sum(1 for d in diagnostics if d.severity is Severity.WARNING)
    return errors, warnings


def render(
    fmt: Format | str,
    diagnostics: Sequence[Diagnostic],
    sources: Mapping[str, Source],
    *,
    color: bool = False,
    highlight: Callable[[str], str] | None = None,
    modules: Sequence[str] = (),
    max_errors: int = 0,
    stops: Sequence[Stop] = (),
    failures: Sequence[str] = (),
    allowed: Sequence = (),
    unformatted: Sequence[tuple[str, str, str]] = (),
    findings: Sequence[RunFinding] = (),
    failure: tuple[str, str, str] | None = None,
    failed_at: str | None = None,
) -> str:
    """`findings`: what fails the run beyond the diagnostics (`RunFinding`): what
    `bkrc compile` found in DIR, or a file it refuses to write,
    after the diagnostics in `json` (`output_folder`), `sarif` (results of their own
    rules) and `gitlab` (issues); github's annotations are compile's own lines
    (`github_findings`). `failure`: an internal error's (line, kind, message), which
    SARIF says as its invocation's exception and JSON among `failures`.
    `unformatted`: (file, text, formatted text) of each file `bkrc fmt --check`
    would reformat, an issue each in `gitlab` (`render_gitlab`), a finding in `json`
    (`unformatted`) and `sarif` (`unformatted_findings`; github's annotation is
    fmt's own line, `github_unformatted`). `allowed`: the warnings a `# bkrc:
    allow` set aside (`allow.Allowed`), which the text format counts in its summary
    line and JSON lists as `allowed`.
    `modules`: the files checked as modules (no cluster), which only the text
    format's summary line names. `max_errors`: each file's diagnostics up to its
    Nth error, then a note that the report stopped there (limit.py; 0: all).
    `stops`: where the diagnostics were cut already (`Analysis.stops`), whose
    counts the notes add in. `failures`: bkrc's lines for what the run could
    not do (a FILE it could not read: exit 2), which JSON, SARIF and GitHub's annotations say,
    and GitLab's report as issues at `failed_at` (`render_gitlab`)."""
    ordered, stops = limit(diagnostics, max_errors, stops)
    fmt = Format(fmt)
    if fmt is Format.TEXT:
        return render_text(
            ordered, sources, color=color, highlight=highlight, modules=modules, stops=stops, allowed=len(allowed)
        )
    if fmt is Format.SHORT:
        return render_short(ordered, stops)
    if fmt is Format.JSON:
        said = [*failures, failure[0]] if failure is not None else failures
        return render_json(ordered, stops, said, allowed, findings, unformatted_findings(unformatted))
    if fmt is Format.SARIF:
        findings = [*findings, *unformatted_findings(unformatted)]
        return render_sarif(ordered, stops, failure, failures=failures, allowed=allowed, findings=findings)
    if fmt is Format.GITLAB:
        # bkrc's lines for an exit 2 that findings say (a file changed by hand: its
        # issue at the file), as github's annotations leave them out: one issue each.
        said = [] if findings else list(failures)
        said += [failure[0]] if failure is not None else []
        return render_gitlab(
            ordered, sources, stops, unformatted=unformatted, findings=findings, failures=said, failed_at=failed_at
        )
    return render_github(ordered, stops, failures)


# --------------------------------------------------------------------- text
_STYLE = {
    Severity.ERROR: {"fg": "red", "bold": True},
    Severity.WARNING: {"fg": "yellow", "bold": True},
    Severity.NOTE: {"fg": "cyan", "bold": True},
}


def _style(text: str, color: bool, **kw) -> str:
    if not color:
        return text
    import click

    return click.style(text, **kw)


def _shown(text: str) -> str:
    """`text` with each character a terminal acts on as `bkrdsl.terminal.SHOWN` shows it."""
    return text if text.isascii() and text.isprintable() else text.translate(SHOWN)


def _kept(length: int, start: int) -> tuple[int, int]:
    """The part [first, last) of a line of `length` characters that a frame around the
    0-based column `start` reads: the whole of a short line; of a long one, 2 *
    FRAME_WIDTH characters before `start` and from it where any are cut there. That is
    more than the window shows on either side (each character shows as one or more, a
    tab as four), so the window and its `...` before and after are what the whole line
    gives, and a frame costs the same on a line of a million characters as on a short one."""
    if length <= 5 * FRAME_WIDTH:
        return 0, length
    return max(0, min(start, length) - 2 * FRAME_WIDTH), min(length, start + 2 * FRAME_WIDTH)


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Expand tabs and cut `line` to FRAME_WIDTH characters around [start, end) (0-based),
    each character a terminal would act on shown as `bkrdsl.terminal.SHOWN` says.

    Returns the visible text and the caret's start and end within it, in
    terminal columns (`bkrdsl.terminal.columns`).

    A long line is first cut to the part around `start` that the window can show
    (`_kept`), with the same output.
    """
    first, last = _kept(len(line), start)
    if (first, last) != (0, len(line)):
        line, start, end = line[first:last], start - first, max(min(end, last) - first, 0)
    line = _shown(line)
    # Characters after tab expansion (a tab always shows as four spaces, in the
    # text and in the caret line alike, so the carets stay under their text).
    prefix = line[:start].replace("\t", TAB)
    marked = line[start:end].replace("\t", TAB)
    visible = line.replace("\t", TAB) if "\t" in line else line
    c0, c1 = len(prefix), len(prefix) + max(len(marked), 1)
    lead = tail = ""
    left = 0
    if len(visible) > FRAME_WIDTH:
        c1 = min(c1, c0 + FRAME_WIDTH // 2)
        left = max(0, c0 - FRAME_WIDTH // 3)
        right = min(len(visible), left + FRAME_WIDTH)
        lead = "..." if left > 0 else ""
        tail = "..." if right < len(visible) else ""
        visible = visible[left:right]
    column = len(lead) + columns(visible[: c0 - left])
    return lead + visible + tail, column, column + max(columns(visible[c0 - left : c1 - left]), 1)


#: A message shows at most this many characters; a quoted word at most QUOTE_WIDTH.
MESSAGE_WIDTH = 300
QUOTE_WIDTH = 60
# Backticks pair left to right (`a` ... `b`): the text between two quoted words is never taken for one.
_QUOTED = re.compile(r"`([^`\n]*)`")
# A help's line is broken between these: words, a quoted piece of code (spaces and all) one word.
_HELP_ATOM = re.compile(r"(?:`[^`\n]*`|[^\s`])+|`")
_LONG_WORD = re.compile(rf"\S{{{QUOTE_WIDTH + 1},}}")


def _cut_middle(text: str, width: int) -> str:
    """`text` if it fits `width`, else its start and its last ten characters around `...`."""
    return text if len(text) <= width else f"{text[: width - 13]}...{text[-10:]}"


def clip(text: str | None) -> str | None:
    """Shorten what a human reads: a 100,000-character name in a message stays one line."""
    if text is None:
        return None
    text = _QUOTED.sub(lambda m: f"`{_cut_middle(m.group(1), QUOTE_WIDTH)}`", text)
    lines = [
        line if len(line) <= MESSAGE_WIDTH else line[: MESSAGE_WIDTH - 3] + "..." for line in text.split("\n")
    ]
    return "\n".join(lines)


def _whole_code(m: re.Match) -> str:
    """A quoted piece of a help kept whole, so that it can be copied: only a word in it
    longer than QUOTE_WIDTH (a user's huge name, a slip of its own) is cut, and the
    piece itself only past MESSAGE_WIDTH (thousands of addresses on one line)."""
    words = _LONG_WORD.sub(lambda w: _cut_middle(w.group(0), QUOTE_WIDTH), m.group(1))
    return f"`{_cut_middle(words, MESSAGE_WIDTH - 2)}`"


def clip_help(text: str | None) -> str | None:
    """A help as a human reads it: the code it quotes whole, to be copied, and a line
    longer than MESSAGE_WIDTH broken between words, never inside a quoted piece."""
    if text is None:
        return None
    text = _QUOTED.sub(_whole_code, text)
    lines: list[str] = []
    for line in text.split("\n"):
        if len(line) <= MESSAGE_WIDTH:
            lines.append(line)
            continue
        current = ""
        for atom in _HELP_ATOM.findall(line):
            atom = _cut_middle(atom, MESSAGE_WIDTH)
            if current and len(current) + 1 + len(atom) > MESSAGE_WIDTH:
                lines.append(current)
                current = atom
            else:
                current = f"{current} {atom}" if current else atom
        lines.append(current)
    return "\n".join(lines)


def _span_lines(span: Span, source: Source) -> tuple[int, int, int, int]:
    """(first line, start column, last line, end column) of what to mark, 1-based, with a
    span that ends at the start of a line ending on the line before instead."""
    last, end_col = span.end_line, span.end_column
    if last > span.line and end_col <= 1:
        last -= 1
        end_col = source.line_length(last) + 1
    last = min(last, source.line_count)
    return span.line, span.column, last, end_col


def _marked_line(
    number: int,
    raw: str,
    start: int,
    end: int,
    gutter: int,
    marker: str,
    label: str | None,
    style: dict,
    color: bool,
    highlight: Callable[[str], str] | None,
) -> list[str]:
    """A source line and its caret line; `start`/`end` are 0-based columns of `raw`."""
    text, c0, c1 = _window(raw, start, max(end, start + 1))
    shown = highlight(text) if (highlight and color) else text
    bar = _style(" " * gutter + " |", color, fg="blue", bold=True)
    numbered = _style(str(number).rjust(gutter) + " |", color, fg="blue", bold=True)
    under = " " * c0 + marker * max(c1 - c0, 1) + (" " + label if label else "")
    return [f"{numbered} {shown}".rstrip(), f"{bar} {_style(under, color, **style)}"]


def _frame(
    span: Span,
    source: Source | None,
    gutter: int,
    marker: str,
    label: str | None,
    style: dict,
    color: bool,
    highlight: Callable[[str], str] | None,
) -> list[str]:
    bar = _style(" " * gutter + " |", color, fg="blue", bold=True)
    if source is None or span.line > source.line_count:
        return [bar]
    first, start_col, last, end_col = _span_lines(span, source)
    if last <= first:
        raw, start, end = _part(source, first, start_col - 1, end_col - 1)
        return [bar] + _marked_line(first, raw, start, end, gutter, marker, label, style, color, highlight)
    # A span over several lines: mark the rest of its first line and the start of its
    # last one, with `...` for the lines between.
    raw, start, end = _part(source, first, start_col - 1, source.line_length(first))
    lines = [bar] + _marked_line(first, raw, start, end, gutter, marker, None, style, color, highlight)
    if last > first + 1:
        lines.append(_style("...", color, fg="blue", bold=True))
    begins = source.line_start(last)
    indent = _INDENT.match(source.text, begins, begins + source.line_length(last)).end() - begins
    raw, start, end = _part(source, last, indent, end_col - 1)
    lines += _marked_line(last, raw, start, end, gutter, marker, label, style, color, highlight)
    return lines


_INDENT = re.compile(r"[ \t]*")


def _part(source: Source, number: int, start: int, end: int) -> tuple[str, int, int]:
    """The part of line `number` a frame around [start, end) reads (`_kept`), and those
    columns in it: only that part of a long line is copied."""
    first, last = _kept(source.line_length(number), start)
    return source.line_part(number, first, last), start - first, max(min(end, last) - first, 0)


def _gutter(spans: Sequence[Span]) -> int:
    return max((len(str(max(s.line, s.end_line))) for s in spans), default=1)


def render_one_text(
    d: Diagnostic,
    sources: Mapping[str, Source],
    *,
    color: bool = False,
    highlight: Callable[[str], str] | None = None,
) -> str:
    style = _STYLE[d.severity]
    head = _style(f"{d.severity.value}[{d.code}]", color, **style) + _style(
        f": {_visible(clip(d.message))}", color, bold=True
    )
    lines = [head]
    spans = [s for s in [d.span] + [r.span for r in d.related] if s is not None]
    gutter = _gutter(spans)
    arrow = _style(" " * gutter + "-->", color, fg="blue", bold=True)
    if d.span is not None:
        lines.append(f"{arrow} {escaped(d.span.file)}:{d.span.line}:{d.span.column}")
        lines += _frame(d.span, sources.get(d.span.file), gutter, "^", _visible(clip(d.label)), style, color, highlight)
    for r in d.related:
        other = _style(" " * gutter + ":::", color, fg="blue", bold=True)
        lines.append(f"{other} {escaped(r.span.file)}:{r.span.line}:{r.span.column}")
        lines += _frame(
            r.span,
            sources.get(r.span.file),
            gutter,
            "-",
            _visible(clip(r.label)),
            {"fg": "blue", "bold": True},
            color,
            highlight,
        )
    if d.help:
        eq = _style(" " * gutter + " =", color, fg="blue", bold=True)
        # its lines end at `\n` only: a U+2028 or a NEL of a quoted comment is no line end
        help_lines = _visible(clip_help(d.help)).split("\n")
        lines.append(f"{eq} {_style('help', color, bold=True)}: {help_lines[0]}")
        lines += [" " * (gutter + 9) + h for h in help_lines[1:]]
    return "\n".join(lines)


def _visible(text: str | None) -> str | None:
    """A message, label or help as a terminal shows it: a character of the user's it
    quotes that a terminal would act on rather than show (`ACTED_ON`: ESC, BEL, a C1
    control, a line separator, a bidirectional override; a comment or a text may hold
    them) written `<U+XXXX>`, as `terminal.escaped` writes one; its own line ends kept."""
    if text is None or text.isprintable():
        return text
    return "".join(f"<U+{ord(c):04X}>" if c in ACTED_ON and c != "\n" else c for c in text)


def render_text(
    diagnostics: Sequence[Diagnostic],
    sources: Mapping[str, Source],
    *,
    color: bool = False,
    highlight: Callable[[str], str] | None = None,
    modules: Sequence[str] = (),
    stops: Sequence[Stop] = (),
    allowed: int = 0,
) -> str:
    """Each diagnostic's frame, a note for each file whose report stopped at the
    error limit, then the summary line: the counts of the diagnostics shown, the
    warnings a `# bkrc: allow` set aside (`allowed`), and which files were checked
    as modules. Nothing at all for a clean run without a module: nor for one whose
    only findings were allowed, which is what the site asked for."""
    if not diagnostics and not modules:
        return ""
    blocks = [render_one_text(d, sources, color=color, highlight=highlight) for d in diagnostics]
    blocks += [f"{_style('note', color, **_STYLE[Severity.NOTE])}: {_visible(stop.message)}" for stop in stops]
    errors, warnings = counts(diagnostics)
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    notes = len(diagnostics) - errors - warnings
    if notes and not parts:
        parts.append(f"{notes} note{'s' if notes != 1 else ''}")
    summary = ", ".join(parts) or "no problems"
    if allowed:
        summary += f"; {allowed} warning{'s' if allowed != 1 else ''} allowed"
    if modules:
        summary += "; " + _modules_note(modules)
    return "".join(b + "\n\n" for b in blocks) + _style(summary, color, bold=True) + "\n"


def _modules_note(modules: Sequence[str]) -> str:
    """The summary's note on the files checked as modules: their SSI rules are not checked."""
    if len(modules) == 1:
        return f"{modules[0]} is a module: the SSI rules are checked in the cluster that imports it"
    shown = ", ".join(modules if len(modules) <= 4 else modules[:3])
    if len(modules) > 4:
        shown += f" and {len(modules) - 3} more"
    return (
        f"{len(modules)} files are modules ({shown}):"
        " the SSI rules are checked in the clusters that import them"
    )


# -------------------------------------------------------------------- short
def render_short(diagnostics: Sequence[Diagnostic], stops: Sequence[Stop] = ()) -> str:
    out = []
    for d in diagnostics:
        where = f"{escaped(d.span.file)}:{d.span.line}:{d.span.column}" if d.span else "bkrc"
        out.append(f"{where}: {d.severity.value} {d.code}: {_visible(clip(d.message))}")
    for stop in stops:
        where = f"{escaped(stop.at.file)}:{stop.at.line}:{stop.at.column}" if stop.at else "bkrc"
        out.append(f"{where}: note: {_visible(stop.message)}")
    return "".join(line + "\n" for line in out)


# --------------------------------------------------------------------- json
def _span_json(span: Span | None) -> dict:
    if span is None:
        return {"file": None, "line": None, "column": None, "end_line": None, "end_column": None}
    return {
        "file": span.file,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


def _fix_json(fix: Fix | None) -> dict | None:
    """A fix (or one of a diagnostic's choices) as JSON: its title and edits, each a
    span (an insertion's is empty: its end is its start) and the text to put there."""
    if fix is None:
        return None
    return {"title": fix.title, "edits": [{**_span_json(e.span), "new_text": e.new_text} for e in fix.edits]}


def _json_diagnostic(d: Diagnostic) -> dict:
    return {
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        **_span_json(d.span),
        "help": d.help,
        "related": [{**_span_json(r.span), "message": r.label} for r in d.related],
        "fix": _fix_json(d.fix),
        "choices": [{**_fix_json(c), "preferred": d.prefer_choice} for c in d.choices],
    }


def to_json_obj(
    diagnostics: Sequence[Diagnostic],
    stops: Sequence[Stop] = (),
    failures: Sequence[str] = (),
    allowed: Sequence = (),
    findings: Sequence[RunFinding] = (),
    unformatted: Sequence[RunFinding] = (),
) -> dict:
    """The JSON report; `stopped` only when the error limit left diagnostics out.
    `failures`: bkrc's lines for what made the run fail (exit 2: a FILE, `--dialect`
    table or `--directory` not read, a usage error, an internal error), in every
    document as `execution_successful` (false when there is one) and `failures`,
    what SARIF's invocation says (`executionSuccessful`, its error notifications):
    `error_count` 0 alone is no clean run. `findings`: what `bkrc compile` found
    in DIR or refuses to write (`RunFinding`), as `output_folder` (only when there is some, as
    `stopped`): `check`, `severity`, `message`, `file`, `line`, `help`; `unformatted`:
    the files `bkrc fmt --check` would reformat (`unformatted_findings`), as
    `unformatted`, with the same keys."""
    errors, warnings = counts(diagnostics)
    obj = {
        "format_version": "1",
        "diagnostics": [_json_diagnostic(d) for d in diagnostics],
        "error_count": errors,
        "warning_count": warnings,
        "execution_successful": not failures,
        "failures": list(failures),
    }
    if allowed:
        # The warnings a `# bkrc: allow` set aside: marked, not dropped (only when there
        # are some, so a file without an allow has the keys it always had).
        obj["allowed"] = [
            {
                **_json_diagnostic(a.diagnostic),
                "allowed_by": {**_span_json(a.directive.span), "reason": a.directive.reason},
            }
            for a in allowed
        ]
        obj["allowed_count"] = len(allowed)
    for key, found in (("output_folder", findings), ("unformatted", unformatted)):
        if found:
            obj[key] = [
                {"check": f.check, "severity": "error", "message": f.message, "file": f.path, "line": f.line, "help": f.help}
                for f in found
            ]
    if stops:
        obj["stopped"] = [
            {
                **_span_json(stop.at),
                "file": stop.file,
                "errors_shown": stop.shown,
                "errors_not_shown": stop.errors,
                "warnings_not_shown": stop.warnings,
                "message": stop.message,
            }
            for stop in stops
        ]
    return obj


def render_json(
    diagnostics: Sequence[Diagnostic],
    stops: Sequence[Stop] = (),
    failures: Sequence[str] = (),
    allowed: Sequence = (),
    findings: Sequence[RunFinding] = (),
    unformatted: Sequence[RunFinding] = (),
) -> str:
    return json_text(to_json_obj(diagnostics, stops, failures, allowed, findings, unformatted)) + "\n"


# -------------------------------------------------------------------- sarif
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}

#: What bkrc counts as a line end (syntax/reader.py, `normalise`): CRLF (one), LF and
#: a lone CR. SARIF's default is CRLF and LF only, so a reader of a file whose lines
#: end in CR alone would count every region's line as 1 without it (SARIF 2.1.0,
#: `run.newlineSequences`; CRLF first, so that it is one line end, not two).
NEWLINE_SEQUENCES = ("\r\n", "\n", "\r")


def _uri(file: str) -> str:
    """A file name as a SARIF URI reference: forward slashes, unsafe characters escaped.
    An absolute name is a `file` URI (`/srv/a.bkr` is `file:///srv/a.bkr`, `C:\\a.bkr`
    `file:///C:/a.bkr`): SARIF reads a reference without a scheme as relative to
    the repository's root (GitHub's code scanning, sarif-multitool's GH1006), where
    `/srv/a.bkr` names no file. A relative name keeps no `:` (`a:b.bkr` would read
    as the scheme `a`)."""
    from urllib.parse import quote

    name = file.replace("\\", "/")
    # Bytes, so that a file name that is not UTF-8 (read by Python as surrogate
    # escapes) is written as its own bytes, %FF, rather than failing to encode.
    if name.startswith("/"):
        return "file://" + quote(os.fsencode(name), safe="/@._-~")
    if re.match(r"[A-Za-z]:/", name):
        return "file:///" + name[:2] + quote(os.fsencode(name[2:]), safe="/@._-~")
    return quote(os.fsencode(name), safe="/@._-~")


def _sarif_location(span: Span, message: str | None = None) -> dict:
    loc: dict = {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(span.file)},
            "region": _sarif_region(span),
        }
    }
    if message:
        loc["message"] = {"text": message}
    return loc


def _sarif_region(span: Span) -> dict:
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def _sarif_fix(fix: Fix) -> dict:
    """SARIF's `fix` (a diagnostic's fix, or one of its choices): one artifactChange per
    file, in the order its edits first name it, each edit a replacement (an insertion
    deletes the empty region where it goes)."""
    files: dict[str, list] = {}
    for e in fix.edits:
        files.setdefault(e.span.file, []).append(
            {"deletedRegion": _sarif_region(e.span), "insertedContent": {"text": e.new_text}}
        )
    return {
        "description": {"text": fix.title},
        "artifactChanges": [
            {"artifactLocation": {"uri": _uri(file)}, "replacements": replacements}
            for file, replacements in files.items()
        ],
    }


def render_sarif(
    diagnostics: Sequence[Diagnostic],
    stops: Sequence[Stop] = (),
    failure: tuple[str, str, str] | None = None,
    failures: Sequence[str] = (),
    allowed: Sequence = (),
    findings: Sequence[RunFinding] = (),
) -> str:
    """`findings`: what `bkrc compile` found in DIR or refuses to write, and what
    `bkrc fmt --check` would reformat (`RunFinding`), each a result
    after the others, of a rule of its own (`compile/changed-by-hand` ...: no BKR
    code, since no source line is at fault), level `error`, at its line of the file
    in DIR, else line 1 (GitHub's code scanning wants a region's `startLine`).
    `allowed`: the warnings a `# bkrc: allow` set aside (`allow.Allowed`), each a
    result after the others with an in-source suppression (SARIF 2.1.0, 3.27.23 and
    3.35: `kind` "inSource", the allow's reason as its `justification`), which a
    code-scanning upload shows as dismissed rather than as an alert.
    `failure`: (message, exception's kind, its message) of a run that an internal
    error stopped: the run's invocation did not succeed, and says why. `failures`:
    bkrc's lines for what else made the run fail (exit 2: a FILE, `--dialect` table
    or `--directory` it could not read, a usage error), said the same way, so that
    such a run's log is not taken for a clean one (no result: every alert fixed)."""
    from bkrdsl.diagnostics.registry import load_all

    registry = load_all()
    used = sorted({d.code for d in diagnostics} | {a.diagnostic.code for a in allowed})
    rules = []
    for code in used:
        entry = registry.get(code)
        rules.append(
            {
                "id": code,
                "name": entry.name if entry else code,
                "shortDescription": {"text": entry.summary if entry else code},
                "fullDescription": {"text": entry.explanation if entry else code},
                "help": {"text": f"bkrc explain {code}"},
                "defaultConfiguration": {"level": _SARIF_LEVEL[entry.severity] if entry else "error"},
            }
        )
    index = {code: i for i, code in enumerate(used)}
    results = []
    suppressed = {id(a.diagnostic): a.directive for a in allowed}
    for d in (*diagnostics, *(a.diagnostic for a in allowed)):
        text = d.message + (f"\nhelp: {d.help}" if d.help else "")
        result: dict = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _SARIF_LEVEL[d.severity],
            "message": {"text": text},
        }
        if d.span is not None:
            result["locations"] = [_sarif_location(d.span)]
        if d.related:
            result["relatedLocations"] = [
                {"id": i, **_sarif_location(r.span, r.label)} for i, r in enumerate(d.related)
            ]
        # The machine fix first, then the mends the help offers as a choice
        # (`Diagnostic.choices`), which a reader applies only when it is chosen:
        # each says so in its property bag, so that a tool applying `fixes[0]`
        # can tell BKR005's guessed `}` from a certain fix.
        choice = {"choice": True, "preferred": d.prefer_choice}
        fixes = ([_sarif_fix(d.fix)] if d.fix is not None else []) + [
            {**_sarif_fix(c), "properties": choice} for c in d.choices
        ]
        if fixes:
            result["fixes"] = fixes
        directive = suppressed.get(id(d))
        if directive is not None:
            suppression = {"kind": "inSource", "location": _sarif_location(directive.span)}
            result["suppressions"] = [{**suppression, "justification": directive.reason} if directive.reason else suppression]
        results.append(result)
    checks = sorted({f.check for f in findings})
    for check in checks:
        rules.append(
            {
                "id": check,
                "name": check.replace("/", "-"),
                "shortDescription": {"text": FINDING_CHECKS.get(check, check)},
                "fullDescription": {"text": FINDING_CHECKS.get(check, check)},
                "help": {"text": FINDING_HELP.get(check, FINDING_HELP[None])},
                "defaultConfiguration": {"level": "error"},
            }
        )
    for f in findings:
        results.append(
            {
                "ruleId": f.check,
                "ruleIndex": len(used) + checks.index(f.check),
                "level": "error",
                "message": {"text": f"{f.message}\nhelp: {f.help}"},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(f.path)},
                            "region": {"startLine": f.line or 1},
                        }
                    }
                ],
            }
        )
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "bkrc",
                        "version": __version__,
                        "informationUri": "https://github.com/bkrdsl/bkrdsl",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "newlineSequences": list(NEWLINE_SEQUENCES),
                "results": results,
            }
        ],
    }
    notifications = [
        # The error limit, as a note on the run (SARIF 2.1.0, 3.20.21): not a result,
        # since no rule reports it.
        {
            "level": "note",
            "message": {"text": stop.message},
            **({"locations": [_sarif_location(stop.at)]} if stop.at is not None else {}),
        }
        for stop in stops
    ]
    notifications += [{"level": "error", "message": {"text": line}} for line in failures]
    if failure is not None:
        # An internal error (3.58: a notification's exception, its kind and message).
        message, kind, said = failure
        notifications.append({"level": "error", "message": {"text": message}, "exception": {"kind": kind, "message": said}})
    if notifications:
        log["runs"][0]["invocations"] = [
            {"executionSuccessful": failure is None and not failures, "toolExecutionNotifications": notifications}
        ]
    return json_text(log) + "\n"


# ------------------------------------------------------------------- github
def _gh_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit escapes one (`%`, CR,
    LF): a line of its own no text of the user's can start. A character a terminal
    acts on is written `<U+XXXX>` by the caller (`_visible`), as the text format does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    """A property's value (a file name): also `:` and `,`, which end it; a character a
    terminal acts on (an ESC in a file's name) written `<U+XXXX>` (`_visible`)."""
    return _gh_data(_visible(text)).replace(":", "%3A").replace(",", "%2C")


_GH_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def render_github(diagnostics: Sequence[Diagnostic], stops: Sequence[Stop] = (), failures: Sequence[str] = ()) -> str:
    """`failures`: bkrc's lines for what the run could not do (a FILE not read, exit 2),
    each an `::error` of no file, so that the run's summary shows why it failed."""
    out = []
    for d in diagnostics:
        props = []
        if d.span is not None:
            s = d.span
            props += [
                f"file={_gh_prop(s.file)}",
                f"line={s.line}",
                f"col={s.column}",
                f"endLine={s.end_line}",
                f"endColumn={s.end_column}",
            ]
        props.append(f"title={_gh_prop(d.code)}")
        body = _visible(clip(d.message)) + (f"\nhelp: {_visible(clip_help(d.help))}" if d.help else "")
        out.append(f"::{_GH_LEVEL[d.severity]} {','.join(props)}::{_gh_data(body)}")
    for stop in stops:
        props = [f"file={_gh_prop(stop.at.file)}", f"line={stop.at.line}", f"col={stop.at.column}"] if stop.at else []
        props.append("title=bkrc")
        out.append(f"::notice {','.join(props)}::{_gh_data(_visible(stop.message))}")
    out += [f"::error title=bkrc::{_gh_data(_visible(line))}" for line in failures]
    return "".join(line + "\n" for line in out)


def github_findings(findings: Sequence[RunFinding]) -> str:
    """The annotations of what `bkrc compile` found in DIR or refuses to write (`RunFinding`): an
    `::error` each, titled `bkrc compile` (as fmt's are `bkrc fmt`), on the file in
    DIR, at its line where it has one (a hand edit's), so that it shows on the
    pull request's file."""
    out = []
    for f in findings:
        body = _visible(f"{f.message}\nhelp: {f.help}")
        line = f",line={f.line}" if f.line is not None else ""
        out.append(f"::error file={_gh_prop(f.path)}{line},title=bkrc compile::{_gh_data(body)}\n")
    return "".join(out)


def github_unformatted(file: str, before: str, after: str) -> str:
    """The annotation of `bkrc fmt --check --format github` for a file that would be
    reformatted: an `::error` (fmt --check exits 1 for it, failing the step, as
    check's errors do; a warning would mark a blocking change as one that is not),
    at the file's first line that changes, so that the pull request shows where."""
    line = first_changed_line(before, after)
    message = _unformatted_message(file)
    return f"::error file={_gh_prop(file)},line={line},title=bkrc fmt::{_gh_data(_visible(message))}\n"


def _unformatted_message(file: str) -> str:
    """What `--format github` and `gitlab` say of a file `bkrc fmt --check` would reformat."""
    return f"would reformat {file}: {_unformatted_help(file)}"


def _unformatted_help(file: str) -> str:
    import shlex

    command = "bkrc fmt -" if file == "<stdin>" else f"bkrc fmt {shlex.quote(file)}"
    return f"`{command}` rewrites it in the canonical layout"


def unformatted_findings(unformatted: Sequence[tuple[str, str, str]]) -> list[RunFinding]:
    """Each file `bkrc fmt --check` would reformat ((file, text, formatted text)) as
    a finding of json's and sarif's document (`fmt/would-reformat`, an error: the
    exit is 1), at its first line that changes, as github's annotation and
    gitlab's issue say it."""
    return [
        RunFinding(
            "fmt/would-reformat", file, f"would reformat {file}", _unformatted_help(file),
            first_changed_line(before, after),
        )
        for file, before, after in unformatted
    ]


# ------------------------------------------------------------------- gitlab
#: A bkrc severity as a Code Quality report's: an error (exit 1: the compile
#: refuses the file) `major`, a warning `minor`, a note `info`, as other linters'
#: GitLab reports grade theirs, so that one merge request widget ranks them alike.
_GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.NOTE: "info"}


def _gitlab_path(file: str, cwd: str) -> str:
    """A file name as a Code Quality report's `location.path`: relative to the
    working directory, which GitLab takes for the repository's root (an absolute
    name inside it made relative; one outside it kept), `/`-separated, without
    `./`. `<stdin>` (or `--source-name`'s NAME) is kept as it is."""
    name = file
    if os.path.isabs(name):
        try:
            relative = os.path.relpath(name, cwd)
        except ValueError:  # another drive (Windows)
            relative = name
        if relative != ".." and not relative.startswith(".." + os.sep):
            name = relative
    elif not name.startswith("<"):
        name = os.path.normpath(name)
    name = name.replace("\\", "/")
    while name.startswith("./"):
        name = name[2:]
    return name


def _gitlab_location(span: Span | None, cwd: str) -> dict:
    """`location`: the path and the lines (`begin`, `end`) a diagnostic starts and
    ends on; a span that ends at the start of a line ends on the line before. No
    place (a rare diagnostic of the whole run): the working directory's `.`, line 1."""
    if span is None:
        return {"path": ".", "lines": {"begin": 1, "end": 1}}
    end = span.end_line - 1 if span.end_line > span.line and span.end_column <= 1 else span.end_line
    return {"path": _gitlab_path(span.file, cwd), "lines": {"begin": span.line, "end": max(end, span.line)}}


def _gitlab_text(span: Span | None, sources: Mapping[str, Source]) -> tuple[str, str]:
    """(the source line a diagnostic starts on, without its indentation and trailing
    blanks; the text it marks on that line), what its fingerprint is made of in
    place of the line's number, so that a line inserted above leaves it alone."""
    if span is None or span.file not in sources:
        return "", ""
    source = sources[span.file]
    line = source.line_text(span.line)
    last = span.end_column - 1 if span.end_line == span.line else len(line)
    return line.strip(), line[span.column - 1 : max(last, span.column - 1)]


def _gitlab_fingerprint(seen: dict, *parts: str) -> str:
    """A SHA-256 of `parts` (path, check, line text, marked text: never a line
    number), stable across runs and across edits elsewhere in the file. GitLab
    shows one issue per fingerprint, so the second and later issues with the same
    parts (the same word on two identical lines) add their rank among them."""
    import hashlib

    key = "\0".join(parts)
    n = seen.get(key, 0)
    seen[key] = n + 1
    if n:
        key += f"\0{n}"
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()


def render_gitlab(
    diagnostics: Sequence[Diagnostic],
    sources: Mapping[str, Source],
    stops: Sequence[Stop] = (),
    cwd: str | None = None,
    unformatted: Sequence[tuple[str, str, str]] = (),
    findings: Sequence[RunFinding] = (),
    failures: Sequence[str] = (),
    failed_at: str | None = None,
) -> str:
    """GitLab's Code Quality report (a subset of Code Climate's issues, which
    `artifacts: reports: codequality:` takes): a JSON array with one object per
    diagnostic, its `description` (message, then the help), `check_name` (the
    code), `fingerprint` (`_gitlab_fingerprint`), `severity` (`_GITLAB_SEVERITY`)
    and `location` (`path`, relative to `cwd`, default the working directory;
    `lines`). The error limit's note is an `info` issue of `check_name` `bkrc`.
    A warning a `# bkrc: allow` set aside is left out, as in the text format: the
    report has no suppressed issue. `failures`: bkrc's lines for what made the run
    fail (exit 2, an interruption), which GitLab's format has no key for: an issue
    each, last, `check_name` `bkrc`, `critical` (above an error's `major`: nothing
    was checked or written to the end), at line 1 of `failed_at`, the FILE the
    command was given (None: the working directory, `.`, as a diagnostic of no
    place), so that the merge request's widget says why the job failed; its
    fingerprint the path, `bkrc` and the line, never a line number. `unformatted`: (file, text, formatted text)
    of each file `bkrc fmt --check` would reformat, an issue each after the
    diagnostics, as github's annotation (`github_unformatted`). `findings`: what
    `bkrc compile` found in DIR or refuses to write (`RunFinding`), an issue each (`check_name`
    `bkrc compile`, `major`, at its line of the file in DIR, else line 1,
    fingerprint of the path and the check alone)."""
    cwd = os.getcwd() if cwd is None else cwd
    seen: dict = {}
    issues = []
    for d in diagnostics:
        location = _gitlab_location(d.span, cwd)
        line, marked = _gitlab_text(d.span, sources)
        if d.span is None:
            line = d.message
        issues.append(
            {
                "description": d.message + (f"\nhelp: {d.help}" if d.help else ""),
                "check_name": d.code,
                "fingerprint": _gitlab_fingerprint(seen, location["path"], d.code, line, marked),
                "severity": _GITLAB_SEVERITY[d.severity],
                "location": location,
            }
        )
    for stop in stops:
        location = _gitlab_location(stop.at, cwd)
        issues.append(
            {
                "description": stop.message,
                "check_name": "bkrc",
                "fingerprint": _gitlab_fingerprint(seen, location["path"], "bkrc", "stopped"),
                "severity": "info",
                "location": location,
            }
        )
    for file, before, after in unformatted:
        path = _gitlab_path(file, cwd)
        line = first_changed_line(before, after)
        issues.append(
            {
                "description": _unformatted_message(file),
                "check_name": "bkrc fmt",
                # The file and the check alone: one issue per file, which stays the
                # same issue however its text changes until it is formatted.
                "fingerprint": _gitlab_fingerprint(seen, path, "bkrc fmt"),
                "severity": "major",
                "location": {"path": path, "lines": {"begin": line, "end": line}},
            }
        )
    for f in findings:
        path = _gitlab_path(f.path, cwd)
        issues.append(
            {
                "description": f"{f.message}\nhelp: {f.help}",
                "check_name": "bkrc compile",
                # The file and the condition alone: the same issue until it is mended.
                "fingerprint": _gitlab_fingerprint(seen, path, "bkrc compile", f.check),
                "severity": "major",
                "location": {"path": path, "lines": {"begin": f.line or 1, "end": f.line or 1}},
            }
        )
    path = _gitlab_path(failed_at, cwd) if failed_at is not None else "."
    for line in failures:
        issues.append(
            {
                "description": line,
                "check_name": "bkrc",
                "fingerprint": _gitlab_fingerprint(seen, path, "bkrc", "failed", line),
                "severity": "critical",
                "location": {"path": path, "lines": {"begin": 1, "end": 1}},
            }
        )
    return json_text(issues) + "\n"
