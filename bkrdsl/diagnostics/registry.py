"""The registry of diagnostic codes.

Each code is declared once, next to the stage that reports it, with its
severity, a one-line summary and a long explanation (why the rule exists, a
failing example and the fix). `bkrc rules`, `bkrc explain` and docs/rules/ are
all generated from here.
"""

from __future__ import annotations

import functools

from bkrdsl.diagnostics.core import Diagnostic, Fix, Related, Severity, Slip
from bkrdsl.records import dataclass
from bkrdsl.source import Span


@dataclass(frozen=True)
class Code:
    """A registered diagnostic code (`BKRnnn`): its name, severity, summary and explanation."""

    code: str
    name: str
    severity: Severity
    summary: str
    #: The long explanation as written where the code is registered (indented as
    #: the source is): `explanation` is this text dedented, worked out when first
    #: read, so that registering the codes at import costs no text processing.
    written: str
    #: The code that reports this mistake now, when this one is no longer reported.
    #: A retired code stays registered so that `bkrc explain` and docs/rules still
    #: answer for it (codes are stable: a site's notes and scripts may name it).
    retired: str | None = None
    #: Why the explanation describes its failing example in words instead of
    #: showing one: a mistake no single text file can make (binary bytes, an
    #: unreadable file, two files that import each other).
    no_example: str | None = None

    @functools.cached_property
    def explanation(self) -> str:
        """The long explanation: why the rule exists, a failing example and the fix."""
        import textwrap

        return textwrap.dedent(self.written).strip() + "\n"

    def __call__(
        self,
        message: str,
        span: Span | None,
        *,
        help: str | None = None,
        label: str | None = None,
        related: tuple[Related, ...] | list[Related] = (),
        severity: Severity | None = None,
        fix: Fix | None = None,
        choices: tuple[Fix, ...] = (),
        prefer_choice: bool = False,
        expected: str | None = None,
        found: str | None = None,
        slip: Slip | None = None,
    ) -> Diagnostic:
        """Make a diagnostic of this code."""
        return Diagnostic(
            code=self.code,
            severity=severity or self.severity,
            message=message,
            span=span,
            help=help,
            label=label,
            related=tuple(related),
            fix=fix,
            choices=choices,
            prefer_choice=prefer_choice,
            expected=expected,
            found=found,
            slip=slip,
        )


REGISTRY: dict[str, Code] = {}


def register(
    code: str,
    name: str,
    severity: Severity | str,
    summary: str,
    explanation: str,
    *,
    retired: str | None = None,
    no_example: str | None = None,
) -> Code:
    if code in REGISTRY:
        raise ValueError(f"diagnostic code {code} registered twice")
    entry = Code(code, name, Severity(severity), summary, explanation, retired, no_example)
    REGISTRY[code] = entry
    return entry


def load_all() -> dict[str, Code]:
    """Import every module that registers codes, then return the registry."""
    import bkrdsl.check  # (registers the SSI rules)
    import bkrdsl.check.directory  # (registers BKR510-BKR526 and BKR528-BKR535: against the site's CP directory, with --directory)
    import bkrdsl.cpdirectory  # (registers BKR501-BKR505: reading the site's CP directory)
    import bkrdsl.diagnostics.allow  # (BKR025-BKR027: `# bkrc: allow` comments)
    import bkrdsl.dialect.refused  # (BKR601: a site's dialect table bkrc refuses, --dialect)
    import bkrdsl.fmt  # (BKR090: the one layout bkrc fmt refuses)
    import bkrdsl.resolve  # (BKR101-BKR104: loading the modules a file imports)
    import bkrdsl.syntax.codes  # noqa: F401  (BKR001-BKR023: reading a file; the one import ruff sees unused)

    return dict(sorted(REGISTRY.items()))


def directory_codes() -> list[str]:
    """The codes `--directory FILE` brings (`bkrc check`, `compile` and `show`, and
    the language server's `directory` setting), in order: reading the site's CP
    directory (BKR501-BKR505) and the checks against it; not `bkrc init
    --directory`'s own (BKR521), nor a retired code. The option's help names them
    (`code_ranges`), and README's `bkrc check` row is held to them (tests/test_docs_cli.py)."""
    return [
        code
        for code, entry in load_all().items()
        if code.startswith("BKR5") and not entry.retired and not entry.summary.startswith("`bkrc init")
    ]


def code_ranges(codes: list[str]) -> str:
    """Sorted `codes` as ranges of consecutive numbers: `BKR501-BKR505, BKR510, BKR522-BKR525`."""
    runs: list[list[int]] = []
    for n in (int(code[3:]) for code in codes):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"BKR{r[0]:03d}" + (f"-BKR{r[-1]:03d}" if len(r) > 1 else "") for r in runs)


@dataclass(frozen=True)
class Example:
    """One indented block of an explanation, and what `bkrc check` must say on it."""

    #: The block as a whole .bkr file.
    text: str
    #: The codes it gives (its own code, for a failing example), or () when it
    #: must check clean (a fix). None when its paragraph says neither.
    expect: tuple[str, ...] | None
    #: The 1-based line of the explanation the block starts on.
    line: int


def parts(explanation: str) -> list[tuple[str, int, list[str]]]:
    """The explanation as prose lines and indented blocks, in order.

    Each part is (kind, first line, lines): kind "prose" for one line of text,
    "block" for a run of lines indented four spaces (blank lines inside it
    included), given without their indent. docs/rules/ fences each block."""
    out: list[tuple[str, int, list[str]]] = []
    block: list[str] = []
    start = 0

    def flush() -> None:
        while block and not block[-1].strip():
            block.pop()
        if block:
            out.append(("block", start, [b[4:] if b.startswith("    ") else b.strip() for b in block]))
        block.clear()

    for number, line in enumerate(explanation.splitlines(), 1):
        if line.startswith("    ") or (block and not line.strip()):
            if not block:
                start = number
            block.append(line)
        else:
            flush()
            out.append(("prose", number, [line]))
    flush()
    return out


def examples(entry: Code) -> list[Example]:
    """Every block of an explanation, with what its paragraph says it shows.

    A block in a paragraph that starts "Failing example" gives the entry's code
    (for a retired code, the code that reports the mistake now) and no other; a
    block in a paragraph that starts "Fix" gives nothing. `docs/rules/` marks its
    fences from this, and tests/test_explain_examples.py runs every block."""
    own = (entry.retired or entry.code,)
    found: list[Example] = []
    paragraph = ""
    previous_blank = True
    for kind, number, lines in parts(entry.explanation):
        if kind == "block":
            found.append(Example("\n".join(lines) + "\n", _meaning(paragraph, own), number))
            previous_blank = True
            continue
        line = lines[0]
        if line.strip() and previous_blank:
            paragraph = line
        previous_blank = not line.strip()
    return found


def _meaning(paragraph: str, own: tuple[str, ...]) -> tuple[str, ...] | None:
    if paragraph.startswith("Failing example"):
        return own
    if paragraph.startswith("Fix"):
        return ()
    return None


def lookup(code: str) -> Code | None:
    return load_all().get(code.strip().upper())


def find(text: str) -> Code | None:
    """A code as a person may name it: `BKR221`, `bkr221`, `221`, or the name
    `bkrc rules` shows (`single-user-from-two-members`)."""
    word = text.strip()
    if word.isdigit() and len(word) <= 3:
        word = f"BKR{int(word):03d}"
    entry = lookup(word)
    if entry is None:
        entry = next((c for c in load_all().values() if c.name == word.lower()), None)
    return entry
