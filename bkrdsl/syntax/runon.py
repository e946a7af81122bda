"""A volume list that runs on into a line that reads like a statement: the one rule
`bkrc check` (BKR021) and `bkrc fmt` share.

`private-volume` and `shared-volume` take any number of labels, over line breaks,
up to the block's `}` or the next statement the block takes. So in a member block

    private-volume M1PRV1
    retain 30 days

the second line is three more labels, RETAIN, 30 and DAYS: `retain` starts no
statement of a member block, and every word could be a volume label. (Where a
word could not, `preview daily 01:00`, the recovery reports the line as a
misplaced statement, BKR013, and it never reaches a list.) The grammar cannot
tell such a line from more volumes, so the text is read as it always was; the
checker warns, and the formatter keeps such a list's lines as written, so that
its output reads, and warns, as its input did.

A line reads like a statement when its first label is spelled like a statement
keyword in lower or mixed case: volume labels are written in upper case (as
`QUERY DASD` shows them), keywords in lower case. A label spelled in upper case
(`RETAIN`) is taken as meant.
"""

from __future__ import annotations

from collections.abc import Sequence

from bkrdsl.syntax.fast import STATEMENT_KEYWORDS


def reads_like_statement(label: str) -> bool:
    """Whether a label that starts its line is spelled as a statement keyword is
    written (`retain`, `Retain`), not as a volume label (`RETAIN`)."""
    return label != label.upper() and label.lower() in STATEMENT_KEYWORDS


def statement_like_runs(keyword_line: int, labels: Sequence[tuple[str, int]]) -> list[range]:
    """The runs of a volume list's labels that read like statements, as ranges of
    indexes into `labels` ((text as written, line) in order; the list's keyword is on
    `keyword_line`). A run starts at the first label of a later line that
    `reads_like_statement`, and holds the labels of that line and of the lines after
    it that start so too; a line that starts otherwise ends it."""
    runs: list[range] = []
    start: int | None = None
    line = keyword_line
    for index, (text, label_line) in enumerate(labels):
        if label_line == line:
            continue
        line = label_line
        if reads_like_statement(text):
            start = index if start is None else start
        elif start is not None:
            runs.append(range(start, index))
            start = None
    if start is not None:
        runs.append(range(start, len(labels)))
    return runs


def line_starts(keyword_line: int, labels: Sequence[tuple[str, int]]) -> list[int]:
    """The indexes of the labels that start a line after the keyword's."""
    starts = []
    line = keyword_line
    for index, (_text, label_line) in enumerate(labels):
        if label_line != line:
            starts.append(index)
            line = label_line
    return starts
