"""A list (a volume list, or a group body's user IDs) that runs on into words that
read like a statement: the one rule `bkrc check` (BKR021) and `bkrc fmt` share.

`private-volume` and `shared-volume` take any number of labels, over line breaks,
up to the block's `}` or the next statement the block takes. So in a member block

    private-volume M1PRV1
    retain 30 days

the second line is three more labels, RETAIN, 30 and DAYS: `retain` starts no
statement of a member block, and every word could be a volume label. (Where a
word could not, `preview daily 01:00`, the recovery reports the line as a
misplaced statement, BKR013, and it never reaches a list; the block's `}` on
the line is no word of it, `retain 30 days }` is three labels too:
`Recovery.reads_elsewhere`.) The grammar cannot tell such a line from more
volumes, so the text is read as it always was; the checker warns, and the
formatter keeps such a list's lines as written, so that its output reads, and
warns, as its input did.

The same words on the list's own line, `private-volume M1PRV1 retain 30 days`
(a block written on one line), are read so too, and so is a run that starts after
other labels on a later line (`M1PRV2 retain 30 days`).

A run of labels reads like a statement when its first label is spelled like a
statement keyword in lower or mixed case: volume labels are written in upper case
(as `QUERY DASD` shows them), keywords in lower case. A label spelled in upper case
(`RETAIN`) is taken as meant. First in the list a lower-case keyword reads so too
(`private-volume retain`): as likely a statement written after a list whose label
was left out as a volume, and upper case says which.

A group body (`single group`, `identity group`) lists user IDs to its `}` in the
same way, and a line pasted into it (`identity user FOO`) is three more IDs; its
runs are found by the same rule, a `match` pattern standing in the list as a
word that reads like no statement (`group_entry_lines`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bkrdsl.syntax.fast import STATEMENT_KEYWORDS

#: What a `match` pattern stands as in a group body's list: it starts no run, and a
#: line it starts ends one (a pattern is written after its keyword, not pasted).
_PATTERN = "MATCH"


def reads_like_statement(label: str) -> bool:
    """Whether a label that starts its line is spelled as a statement keyword is
    written (`retain`, `Retain`), not as a volume label (`RETAIN`)."""
    return label != label.upper() and label.lower() in STATEMENT_KEYWORDS


#: The statement keywords as user IDs and volume labels are kept, in upper case (`may_hold_runs`).
_KEYWORD_LABELS = frozenset(keyword.upper() for keyword in STATEMENT_KEYWORDS)


def may_hold_runs(upper_labels: Iterable[str]) -> bool:
    """Whether a list whose labels, upper-cased, are `upper_labels` may hold a run
    that `statement_like_runs` finds: some label is a statement keyword in upper
    case. A label that reads like a statement is one (names are ASCII, so its
    upper case is its keyword's), so a False here means no run; one set operation
    in C, where a group of thousands of user IDs would otherwise cost a call of
    `reads_like_statement` per ID."""
    return not _KEYWORD_LABELS.isdisjoint(upper_labels)


def statement_like_runs(keyword_line: int, labels: Sequence[tuple[str, int]]) -> list[range]:
    """The runs of a volume list's labels that read like statements, as ranges of
    indexes into `labels` ((text as written, line) in order; the list's keyword is on
    `keyword_line`). A run starts at any label that `reads_like_statement`, on the
    keyword's line or a later one, first on its line or after other labels, and holds
    the labels after it on its line and the lines after it that start so too; a line
    that starts otherwise ends it (and a label on that line may start another)."""
    runs: list[range] = []
    start: int | None = None
    line = keyword_line
    for index, (text, label_line) in enumerate(labels):
        starts_line, line = label_line != line, label_line
        if start is not None and starts_line and not reads_like_statement(text):
            runs.append(range(start, index))
            start = None
        if start is None and reads_like_statement(text):
            start = index
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


def group_entry_lines(entries: Sequence[tuple[bool, str, int]]) -> list[tuple[str, int]]:
    """A group body's entries, (whether a `match` pattern, text as written, line), as
    the (text, line) list `statement_like_runs` reads: a user ID as written, a pattern
    as a word that reads like no statement."""
    return [(_PATTERN if is_pattern else text, line) for is_pattern, text, line in entries]
