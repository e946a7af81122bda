"""`# bkrc: allow CODE reason`: a warning a site means to keep, acknowledged in the file.

As ruff's `# noqa: E501`, ShellCheck's `# shellcheck disable=SC2086` or rustc's
`#[allow(lint)]`: a comment that names the warnings (by code, `BKR227`, or by the
name `bkrc rules` gives, `worker-task-names-shared`; several comma-separated), with
the site's reason after them:

    job SYSINC {   # bkrc: allow BKR227 our own template names, kept since 2019

Where it covers (docs/language.md, "Allowing a warning"):

- trailing a line, the warnings whose place starts on that line; where the line
  ends a statement (a one-line block, or a block's `}`), that statement whole, so
  that `bkrc fmt`, which lays a one-line block out over several lines and keeps the
  comment after its `}`, never changes what an allow covers;
- on a line of its own, the statement below it (the next line that is not blank
  and not only a comment), every line of it: a `job`, `member`, `expire` block or a
  group body whole, as rustc's `#[allow]` on an item covers the item; the
  `cluster` block only its opening line, since it is the whole file.

Data flows one way: the parsers keep every comment (`ast.Module.comments`, where
each knows where a quoted text ends: a `#` inside one is no comment), `read` makes
directives of them, and the one collector every analysis's diagnostics pass
through (`limit.Collector`, `pipeline.analyse_program`: `bkrc check`, `compile`,
`--fix`, the language server) sets aside each warning an allow covers, as
`Allowed`, before the error limit counts anything. Only a diagnostic that is not an
error is set aside: an allow naming an error code is itself an error (BKR025), so
no comment talks `bkrc compile` past one. An unknown code or name is BKR026 (with a
did-you-mean), a warning as rustc's `unknown_lints` and ruff's RUF102 are, so that a
file whose allow names a code a later bkrc added still compiles with this one; and an allow that set nothing aside in a run whose checks all ran is
BKR027, whose fix deletes it (ruff's RUF100). A BKR5xx code is computed only with
`--directory`: without one its allow is not said unused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from bkrdsl.diagnostics.core import Diagnostic, Fix, Severity
from bkrdsl.diagnostics.registry import register
from bkrdsl.source import Source, Span

#: The words that start a directive in a comment, as written: `bkrc:` then `allow`.
PREFIX = "bkrc:"
#: The pieces of the directive's form, which `read` and the highlighters
#: (`keywords.directive_regex`: pygments, TextMate, Vim, the semantic tokens) both
#: build their expressions of: the blanks between its words, its one word after
#: `bkrc:` (any case), a code or name, and the comma between two.
BLANKS = r"[ \t]*"
WORD = "allow"
CODE = r"[^\s,]+"
COMMA = BLANKS + ","
_DIRECTIVE = re.compile(f"#{BLANKS}{re.escape(PREFIX)}{BLANKS}(?P<word>[^\\s,]*)(?P<rest>.*)", re.DOTALL)
_CODE = re.compile(f"{BLANKS}(?P<code>{CODE})")
_COMMA = re.compile(COMMA)

#: The longest line the language server's *Allow* action writes its directive onto; a
#: longer one gets it on a line of its own above (docs/fmt.md keeps lines short).
LINE_WIDTH = 80

ALLOW_OF_ERROR = register(
    "BKR025",
    "allow-of-error",
    "error",
    "`# bkrc: allow` names an error, or BKR026 or BKR027, which no allow silences",
    """
    `# bkrc: allow CODE` acknowledges a warning the site means to keep: the
    warning is not shown, and `bkrc check` counts it as allowed. An error is
    never kept that way: it stops `bkrc compile`, and a comment must not talk
    the compiler past it. So an allow that names an error's code (or its
    name) is an error itself, at that code, and silences nothing.

    BKR027, an allow that silences nothing, cannot be allowed either: its
    fix deletes that allow, which is what the warning asks; nor BKR026, an
    allow's word that names no code: mend the word instead.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {   # bkrc: allow BKR221 runs on one member on purpose
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 01:00
          }
        }

    Fix: mend the mistake the error names and delete the allow (here BKR221
    is not even reported: the comment names an error all the same).
    """,
)

UNKNOWN_CODE = register(
    "BKR026",
    "allow-unknown-code",
    "warning",
    "`# bkrc: allow` names no code bkrc has, or none at all",
    """
    The words after `# bkrc: allow` are codes (`BKR227`) or the names
    `bkrc rules` lists (`worker-task-names-shared`), comma-separated, then
    the reason. A word there that is neither (a code misspelt, `BKR2277`; a
    code no longer reported, which says which code reports it now) silences
    nothing: bkrc says so rather than let the warning it meant come back
    unexplained, with the closest code or name when one is close (several
    as close: the help writes each, to write the one meant); where none is,
    the help says to take the word out of the allow, or to name the warning
    meant. An allow
    with no code after it is this warning too, and so is `# bkrc:` followed
    by a word that is `allow` misspelt (`alow`). A warning, not an error (as
    rustc's `unknown_lints`, ruff's RUF102): a file whose allow names a code
    a later bkrc added still compiles with this one.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          job SYSINC {   # bkrc: allow BKR227, BKR22 our own template names
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    (`BKR22`, a code cut short, is as close to BKR220 as to BKR227: no
    code is offered. BKR227 itself is allowed all the same.)

    Fix: take `BKR22` out of the list; `bkrc rules` lists every code.
    """,
)

UNUSED_ALLOW = register(
    "BKR027",
    "unused-allow",
    "warning",
    "`# bkrc: allow` silences nothing here",
    """
    An allow that no warning needs any more (the job renamed, the
    statement mended, the allow on a line the warning is not on, or below
    the last statement, where it covers no line) would go
    on to silence that warning the day it comes back for another reason,
    unseen. As ruff's RUF100 ("unused noqa"), bkrc says so, and the fix
    deletes the allow (or, of several codes, the one unused).

    A BKR5xx code is a check against the site's CP directory, made only
    with `--directory`: without it, such an allow is not said unused. Nor is
    any allow of a file bkrc could not check whole (a syntax or import
    error), or of a module checked alone (without the cluster that imports
    it, the checks that need a cluster do not run).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          job SYSIN {   # bkrc: allow BKR227 our own template names
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    (`SYSIN`, five characters, gives SYSIN1 and SYSIN2, which differ in
    their sixth: there is no BKR227 to allow.)

    Fix: delete the comment, as `bkrc check --fix` does.
    """,
)


class Directive(NamedTuple):
    """One `# bkrc: allow` comment: where it is, the codes it names (each with the
    place of its word, None where the code is refused), its reason, and the lines
    (first, last: 1-based) whose warnings it covers."""

    span: Span  # the comment
    codes: tuple[tuple[str | None, Span], ...]
    reason: str
    first: int
    last: int
    own_line: bool


class Allowed(NamedTuple):
    """A warning an allow set aside: the diagnostic, and the directive that covers it."""

    diagnostic: Diagnostic
    directive: Directive


def _candidates() -> dict[str, str]:
    """Every word an allow may name, lower case, to its code: codes and names."""
    from bkrdsl.diagnostics.registry import load_all

    out: dict[str, str] = {}
    for code, entry in load_all().items():
        out[code.lower()] = code
        out[entry.name] = code
    return out


def _meant(word: str, candidates: dict[str, str]) -> list[str]:
    """The codes or names closest to `word` (two typing slips at most)."""
    from bkrdsl.diagnostics.suggest import tied_best, typing_slips

    low = word.lower()
    scored = [((typing_slips(low, c, 2),), c) for c in candidates]
    return tied_best((k, c.upper() if c.startswith("bkr") else c) for k, c in scored if k[0] <= 2)


def read(module, source: Source) -> tuple[list[Directive], list[Diagnostic]]:
    """The directives of one parsed file (`module.comments`, each comment as a parser
    read it) and what is wrong in them (BKR025, an error; BKR026, a warning)."""
    found: list[Directive] = []
    said: list[Diagnostic] = []
    if PREFIX not in source.text:
        return found, said
    statements = None
    registry = None
    for span, text in module.comments:
        if text.startswith("##") or PREFIX not in text:
            continue
        m = _DIRECTIVE.match(text)
        if m is None:
            continue
        if registry is None:
            from bkrdsl.diagnostics.registry import load_all

            registry = load_all()
            candidates = _candidates()
        word = m["word"]
        at = span.start + m.start("word")
        if word.lower() != WORD:
            from bkrdsl.diagnostics.suggest import typing_slips

            if word and typing_slips(word.lower(), "allow", 2) <= 2:
                word_span = source.span(at, at + len(word))
                said.append(
                    UNKNOWN_CODE(
                        f"unknown directive `{word}` after `# bkrc:`; did you mean `allow`?",
                        word_span,
                        help="write `# bkrc: allow CODE reason`",
                        fix=Fix.replace("Write `allow`", word_span, "allow"),
                    )
                )
            continue
        rest_at = span.start + m.start("rest")
        codes: list[tuple[str | None, Span]] = []
        pos = 0
        rest = m["rest"]
        while True:
            c = _CODE.match(rest, pos)
            if c is None:
                break
            written = c["code"]
            word_span = source.span(rest_at + c.start("code"), rest_at + c.end("code"))
            codes.append((_code_of(written, word_span, registry, candidates, said), word_span))
            pos = c.end()
            comma = _COMMA.match(rest, pos)
            if comma is None:
                break
            pos = comma.end()
        if not codes:
            keyword = source.span(at, at + len(word))
            said.append(
                UNKNOWN_CODE(
                    "`# bkrc: allow` names no code",
                    keyword,
                    help="write the code of the warning to allow after `allow`, then the reason:"
                    " `# bkrc: allow BKR227 our own template names`",
                )
            )
            continue
        own_line = not source.text[source.line_start(span.line) : span.start].strip()
        if statements is None:
            statements = _statement_extents(module)
        first = last = span.line
        if own_line:
            first = _next_code_line(source, span.line)
            last = max(first, statements[0].get(first, first)) if first else 0
        else:
            first = min(first, statements[1].get(first, first))
        found.append(Directive(span, tuple(codes), rest[pos:].strip(), first, last, own_line))
    return found, said


def _code_of(
    written: str, at: Span, registry, candidates: dict[str, str], said: list[Diagnostic]
) -> str | None:
    """The code a word of an allow names, or None, with its error in `said`."""
    code = candidates.get(written.lower())
    if code is None:
        meant = _meant(written, candidates)
        from bkrdsl.diagnostics.suggest import alternatives

        said.append(
            UNKNOWN_CODE(
                f"unknown code `{written}` in `# bkrc: allow`"
                + (f"; did you mean {alternatives(meant)}?" if meant else ""),
                at,
                # stop 82: the help for no code meant named `BKR227` as an example code,
                # which copied in another allow's list silenced what it did not mean to
                help=f"write `{meant[0]}`"
                if len(meant) == 1
                else (
                    f"write {alternatives(meant)}, the one meant, or take `{written}` out of the allow"
                    " (delete the comment where it names no other code)"
                    if meant
                    else f"take `{written}` out of the allow (delete the comment where it names no other code),"
                    " or name the warning meant by its code or by the name `bkrc rules` lists for it"
                ),
                fix=Fix.replace(f"Write `{meant[0]}`", at, meant[0]) if len(meant) == 1 else None,
            )
        )
        return None
    entry = registry[code]
    if entry.retired:
        said.append(
            UNKNOWN_CODE(
                f"{code} is no longer reported: {entry.retired} reports that mistake now",
                at,
                help=f"allow {entry.retired} instead, if it is a warning (`bkrc explain {entry.retired}`)",
            )
        )
        return None
    if entry.severity is Severity.ERROR:
        said.append(
            ALLOW_OF_ERROR(
                f"{code} ({entry.name}) is an error, which no allow silences",
                at,
                help=f"mend what {code} says and delete it here (`bkrc explain {code}`): an error stops `bkrc compile`",
            )
        )
        return None
    if code in (UNUSED_ALLOW.code, UNKNOWN_CODE.code):
        said.append(
            ALLOW_OF_ERROR(
                f"{code} ({entry.name}) cannot be allowed",
                at,
                help=(
                    "delete the allow that BKR027 reports instead, as its fix does"
                    if code == UNUSED_ALLOW.code
                    else "mend or delete the word BKR026 reports instead, as its fix does"
                ),
            )
        )
        return None
    return code


def _next_code_line(source: Source, line: int) -> int:
    """The first line after `line` that holds more than blanks and a comment; 0 when none."""
    for n in range(line + 1, source.line_count + 1):
        stripped = source.line_text(n).strip()
        if stripped and not stripped.startswith("#"):
            return n
    return 0


def _statement_extents(module) -> tuple[dict[int, int], dict[int, int]]:
    """For each line a statement starts on, the last line of the longest one starting
    there; for each line a statement ends on, the first line of the longest one ending
    there (a `cluster` block counted as its opening line alone)."""
    ends: dict[int, int] = {}
    starts: dict[int, int] = {}

    def add(span: Span) -> None:
        if ends.get(span.line, 0) < span.end_line:
            ends[span.line] = span.end_line
        if starts.get(span.end_line, span.end_line) > span.line:
            starts[span.end_line] = span.line

    for node in (*module.imports, *module.users, *module.groups):
        add(node.span)
    for cluster in module.clusters:
        ends.setdefault(cluster.span.line, cluster.span.line)
        for member in cluster.members:
            add(member.span)
            for node in (*member.settings, *member.selections):
                add(node.span)
        for expire in cluster.expires:
            add(expire.span)
            for node in (*expire.previews, *expire.purges):
                add(node.span)
        for job in cluster.jobs:
            add(job.span)
            for node in (*job.backups, *job.selections, *job.targets, *job.runs, *job.descriptions):
                add(node.span)
        for node in (
            *cluster.catalogs,
            *cluster.tapes,
            *cluster.users,
            *cluster.groups,
            *cluster.settings,
            *cluster.disks,
        ):
            add(node.span)
    return ends, starts


class Allows:
    """The directives of one analysis, by file, and the warnings they set aside
    (`take`, which the collector asks of each diagnostic that is not an error)."""

    def __init__(self, directives: dict[str, list[Directive]]):
        self.directives = directives
        self.taken: list[Allowed] = []
        self.used: set[tuple[int, str]] = set()  # (the comment's offset, code)
        self.said: set[tuple] = set()  # (code, span, message) of each warning taken

    def take(self, d: Diagnostic) -> bool:
        """Whether an allow covers `d`: then it is kept in `taken`, and not reported."""
        span = d.span
        if span is None:
            return False
        here = self.directives.get(span.file)
        if not here:
            return False
        covering = [
            x for x in here if x.first <= span.line <= x.last and any(c == d.code for c, _ in x.codes)
        ]
        if not covering:
            return False
        for x in covering:
            self.used.add((x.span.start, d.code))
        said = (d.code, span, d.message)
        if said not in self.said:  # (a finding said again, `Collector.add(unique=True)`: once)
            self.said.add(said)
            self.taken.append(Allowed(d, covering[0]))
        return True

    def unused(self, sources: dict[str, Source], *, directory: bool) -> list[Diagnostic]:
        """BKR027 for each allow that set nothing aside: one for the whole comment where
        none of its codes did (its fix deletes the comment), else one for each code
        that did not (its fix deletes the code). A BKR5xx code counts as used without
        `directory`: its check did not run."""
        out: list[Diagnostic] = []
        for file in sorted(self.directives):
            source = sources[file]
            for x in self.directives[file]:
                idle = [
                    (code, at)
                    for code, at in x.codes
                    if code is not None
                    and (x.span.start, code) not in self.used
                    and (directory or not code.startswith("BKR5"))
                ]
                if not idle:
                    continue
                if len(idle) == len(x.codes):
                    named = ", ".join(code for code, _ in idle)
                    if not x.first:  # on its own line, with no line of code below it
                        said = "no statement follows it"
                    else:
                        where = f"line {x.first}" if x.first == x.last else f"lines {x.first}-{x.last}"
                        said = f"no {named} on {where}"
                    out.append(
                        UNUSED_ALLOW(
                            f"`# bkrc: allow {named}` silences nothing: {said}",
                            x.span,
                            help="delete the allow: the warning it was for is gone",
                            fix=Fix.replace("Delete the unused allow", source.deletion(x.span), ""),
                        )
                    )
                    continue
                for code, at in idle:
                    out.append(
                        UNUSED_ALLOW(
                            f"{code} in `# bkrc: allow` silences nothing",
                            at,
                            help=f"delete {code} from the allow: the warning it was for is gone",
                            fix=Fix.replace(
                                f"Delete {code} from the allow", _code_deletion(source, x, at), ""
                            ),
                        )
                    )
        return out


def _code_deletion(source: Source, x: Directive, at: Span) -> Span:
    """The text that takes one code out of an allow's list: the code with the `,` and
    blanks before it, or, for the first code, with the `,` and blanks after it."""
    index = [s for _, s in x.codes].index(at)
    if index > 0:
        start = x.codes[index - 1][1].end
        return source.span(start, at.end)
    end = x.codes[1][1].start
    return source.span(at.start, end)


def gather(modules: Iterable, sources: dict[str, Source]) -> tuple[Allows | None, list[Diagnostic]]:
    """The allows of every file of a program (None where no file names `bkrc:`), and
    the errors in them."""
    directives: dict[str, list[Directive]] = {}
    said: list[Diagnostic] = []
    for module in modules:
        source = sources.get(module.file)
        if source is None or PREFIX not in source.text:
            continue
        found, errors = read(module, source)
        said += errors
        if found:
            directives[module.file] = found
    return (Allows(directives) if directives else None), said


def allow_fix(source: Source, d: Diagnostic, module, directives: Sequence[Directive] = ()) -> Fix | None:
    """The edit that allows `d` on its line (the language server's *Allow BKRnnn on this
    line*): its code added to the line's trailing allow where it has one; else a trailing
    `# bkrc: allow CODE` where the line has no comment (`module.comments`, as the parser
    read them) and stays within LINE_WIDTH; else the allow on a line of its own above,
    indented as the line is (which covers the statement that starts there, or that line
    alone). None where the line is only a comment (BKR023, BKR024 inside one): an allow
    after it is part of that comment, and one above covers the next line of code. None
    for a warning whose code is an error's, should a check ever say one: an allow of that
    code is BKR025 and silences nothing (`_code_of`), so the action would add an error and
    leave the warning. (BKR309 warned so of an all-digit user ID until stop 82, when the
    warning got a code of its own, BKR341, which an allow silences.)"""
    span = d.span
    if span is None or span.file != source.name:
        return None
    from bkrdsl.diagnostics.registry import load_all

    entry = load_all().get(d.code)
    if entry is None or entry.severity is Severity.ERROR:
        return None
    if source.line_text(span.line).lstrip().startswith("#"):
        # A comment alone on its line (BKR023, BKR024 in it): no allow after it, and one
        # above covers the next line of code (`_next_code_line`), not it: nothing to offer.
        return None
    title = f"Allow {d.code} on this line"
    for x in directives:
        if not x.own_line and x.span.line == span.line and x.codes:
            last = x.codes[-1][1]
            return Fix.replace(title, source.span(last.end, last.end), f", {d.code}")
    line = source.line_text(span.line)
    start = source.line_start(span.line)
    directive = f"# bkrc: allow {d.code}"
    has_comment = any(c.line == span.line for c, _ in module.comments)
    body = line.rstrip()
    if not has_comment and len(body) + 3 + len(directive) <= LINE_WIDTH:
        end = start + len(body)
        return Fix.replace(title, source.span(end, end), f"   {directive}")
    indent = line[: len(line) - len(line.lstrip())]
    return Fix.replace(title, source.span(start, start), f"{indent}{directive}\n")
