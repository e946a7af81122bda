"""The rule test cases of tests/data/rules/, read as data.

Each `CODE.fail[-variant].bkr` marks every line a diagnostic must point at with
`# expect: CODE [CODE...]` at the end of the line; each `CODE.pass[-variant].bkr`
holds `# expect-none` and must check without any diagnostic. Modules the
cases import live in tests/data/rules/modules/ (not cases themselves).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from bkrdsl.pipeline import Analysis, analyse

RULES_DIR = Path(__file__).resolve().parent / "data" / "rules"
EXPECT = re.compile(r"#\s*expect:\s*((?:BKR\d{3}\s*)+)\s*$")
CASE_NAME = re.compile(r"(BKR\d{3})\.(fail|pass)(?:-[a-z0-9-]+)?\.bkr\Z")


def cases() -> list[Path]:
    return sorted(p for p in RULES_DIR.glob("*.bkr"))


def display_name(path: Path) -> str:
    """A stable, machine-independent file name for messages and snapshots."""
    return f"rules/{path.name}"


def run(path: Path) -> Analysis:
    return analyse(display_name(path), path.read_bytes(), path=path)


def expected(path: Path) -> Counter:
    """Counter of (line, code) the file expects; empty for `# expect-none` files."""
    want: Counter = Counter()
    # lines as bkrc counts them: split at `\n` only, not at U+2028 or a NEL as
    # str.splitlines splits (BKR023's cases hold them)
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        m = EXPECT.search(line)
        if m:
            for code in m.group(1).split():
                want[(number, code)] += 1
    return want


def expects_none(path: Path) -> bool:
    return "# expect-none" in path.read_text(encoding="utf-8")


def found(path: Path, analysis: Analysis) -> Counter:
    """Counter of (line, code) reported; a diagnostic in another file counts as line 0."""
    name = display_name(path)
    got: Counter = Counter()
    for d in analysis.diagnostics:
        line = d.span.line if d.span is not None and d.span.file == name else 0
        got[(line, d.code)] += 1
    return got
