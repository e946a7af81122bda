"""The Diagnostic value every stage produces."""

from __future__ import annotations

import enum
from dataclasses import field
from typing import NamedTuple

from bkrdsl.records import dataclass
from bkrdsl.source import Span


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Related:
    """A second place involved in a diagnostic ("declared single here")."""

    span: Span
    label: str


class Edit(NamedTuple):
    """Replace the text of `span` (exact offsets, one file) with `new_text`; an empty
    span (start == end) is an insertion there, an empty `new_text` a deletion."""

    span: Span
    new_text: str


@dataclass(frozen=True, slots=True)
class Fix:
    """The one edit that mends a diagnostic, as its help line says, for an editor or
    `bkrc check --fix` to apply. Made only by the stage that knows the text to write,
    and only when that text is certain: never for a choice ("did you mean `A` or
    `B`?", whose mends are `Diagnostic.choices`), never over a comment. The edits do
    not overlap."""

    title: str  # "Write `shared server`": a code action's title
    edits: tuple[Edit, ...]

    @staticmethod
    def replace(title: str, span: Span, new_text: str) -> Fix:
        return Fix(title, (Edit(span, new_text),))


@dataclass(frozen=True, slots=True)
class Slip:
    """What kind of slip a syntax error says, as data, for the recovery that says two
    slips of one line in one error (`messages.second_slip`): `kind` is "twice" (a word
    written twice: "`purge` is written twice"), "comma" (a list's `,` missing: "a `,`
    is missing between `VMSYS1` and `VMSYS2`") or "misspelt" (a keyword misspelt,
    its fix writing the keyword: "unknown keyword `dayly`; did you mean `daily`?").
    A misspelt keyword's `written` (shown: `` `dayly` ``) and `meant` (`daily`) are
    given where its message is that question alone, which another slip's error then
    says as "`dayly` is `daily` misspelt". A keyword written twice that the loader or
    the checks tell (`import import`, `backup backup`, `disk disk`: the second read as
    a name) is "twice" too, its `written` the word as shown (`` `backup` ``). "times"
    is a schedule with a time each for several runs (`daily 02:00 and 14:00`,
    `messages.SEVERAL_TIMES`), which `second_slip` does not say with another. "mdisk" is
    a CP directory MDISK statement alone on its line, its user not said (`MDISK_LINE`,
    its `written` the address), whose fix the pipeline joins to BKR253's
    (`pipeline._a_disk_for_mdisk`)."""

    kind: str
    written: str | None = None
    meant: str | None = None


#: The slip of a pasted MDISK line (`Slip`): the syntax's messages make it, the pipeline reads it.
MDISK_LINE = Slip("mdisk")


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: its code, severity and message, where it is (`span`), and what helps mend it."""

    code: str
    severity: Severity
    message: str
    span: Span | None
    help: str | None = None
    label: str | None = None  # a few words printed under the carets
    related: tuple[Related, ...] = field(default_factory=tuple)
    fix: Fix | None = None  # a machine-applicable edit, when the mend is certain
    #: The mends a help offers as a choice, each certain once chosen (`daily sun 02:00`:
    #: *Write `daily 02:00`*, *Write `weekly sun 02:00`*), in the help's order: which
    #: one is meant is the site's, so `bkrc check --fix` applies none; the language
    #: server offers each as a code action, none preferred. Never with a `fix`.
    choices: tuple[Fix, ...] = ()
    #: The one choice is the mend the help writes, where it goes the parser's guess (a
    #: `}` before the statement that belongs outside the block, BKR005, where the file
    #: does not say where the block ends, `messages._body_indented`): the language
    #: server marks it preferred (*Auto Fix* applies it); `bkrc check --fix` still not.
    prefer_choice: bool = False
    #: What the parser expected after the word `span` ends, where the message says so
    #: ("expected `minidisk` or `sfs` after `include`, found ..."): `` `minidisk` or
    #: `sfs` ``, "a number of days", `` `{` `` after a block's name, "another member
    #: name" after a list's `,`; or before the word at `span`, where the message says
    #: that ("expected `run` before `on`"): `` `run` ``. Data for the recovery, which says it again in
    #: another error (a keyword written over: `messages.run_unfinished_said`), so that
    #: no message is read back out of its text; never rendered, and not compared.
    expected: str | None = field(default=None, compare=False, repr=False)
    #: What the parser found where it expected something, as the message ends with it
    #: ("expected `days` after `35`, found `}`"): `` `}` ``, "the end of the line",
    #: "the end of the file"; the message ends with "found " and it. Data for the
    #: readings that say it another way (`homed`: the made file's `}` said as the
    #: line's end) and tell a line cut short by it; never rendered, and not compared.
    found: str | None = field(default=None, compare=False, repr=False)
    #: The kind of slip the message says (`Slip`), where another slip on its line may
    #: be said in the same error (`messages.second_slip`); never rendered, not compared.
    slip: Slip | None = field(default=None, compare=False, repr=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class RunFinding(NamedTuple):
    """What fails a run beside the diagnostics, as the document formats and github's
    annotations say it after them: not a diagnostic of the source (no BKR code;
    `check` names the condition, SARIF's rule, JSON's `check`), always an error.
    What `bkrc compile` finds in its output folder (DIR: docs/diagnostics.md,
    "What compile finds in DIR"; `path` the file in DIR, or DIR itself, as the
    command line names DIR; `line` the line of it the finding is about, where
    there is one, a hand edit's); a file the compile refuses to generate
    (`compile/cms-rule`, `compile/cannot-generate`), found at the source's
    statement it is written for, or the source, where that is known, else at
    its path in DIR; a file `bkrc fmt --check` would reformat (`fmt/would-reformat`,
    at its first line that changes)."""

    check: str
    path: str
    message: str
    help: str
    line: int | None = None


#: Each `RunFinding.check`, with what it means (SARIF's rule descriptions).
FINDING_CHECKS = {
    "compile/changed-by-hand": (
        "a file bkrc wrote was changed by hand since the last compile, which would overwrite or delete it"
    ),
    "compile/not-written-by-bkrc": "a file bkrc did not write stands where the compile writes one",
    "compile/in-the-way": "something other than a file stands where the compile writes one (or a file where it needs a folder)",
    "compile/no-manifest": "the output folder holds files but no manifest.json: bkrc did not write it",
    "compile/not-up-to-date": "the output folder is not what the source compiles to (bkrc compile --check)",
    "compile/cms-rule": (
        "a file the compile generates would break a CMS rule (its name, 72 columns, EBCDIC-invariant"
        " characters, its opening comment): nothing is written"
    ),
    "compile/cannot-generate": "bkrc cannot generate a file the source asks for: nothing is written",
    "fmt/would-reformat": "bkrc fmt --check: the file is not in the canonical layout; bkrc fmt would rewrite it",
}


#: The page a `RunFinding`'s SARIF rule points to (None: the checks of DIR).
FINDING_HELP = {
    None: 'docs/output.md, "Drift: files changed by hand" and "--dry-run and --check"',
    "compile/cms-rule": 'docs/output.md, "Every file"; docs/diagnostics.md, "What compile finds in DIR"',
    "compile/cannot-generate": 'docs/diagnostics.md, "What compile finds in DIR"',
    "fmt/would-reformat": "docs/fmt.md",
}


def sort_key(d: Diagnostic) -> tuple:
    s = d.span
    if s is None:
        return ("", 0, 0, d.code, d.message)
    return (s.file, s.line, s.column, d.code, d.message)
