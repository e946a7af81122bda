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

A line pasted from a CP directory below the labels reads so too where all its
words may be labels (`USER LNXWEB`: the volumes USER and LNXWEB): a label spelled
as a directory statement (`DIRECTORY_WORDS`, in any case: CP writes them in capitals)
that starts a later line of the list, other labels after it on that line, starts a
run (`directory_line`), whose warning says the line reads as a directory entry's.
Alone on its line (`USER`), or after another label, it is a volume as written.

The same words on the list's own line, `private-volume M1PRV1 retain 30 days`
(a block written on one line), are read so too, and so is a run that starts after
other labels on a later line (`M1PRV2 retain 30 days`).

A run of labels reads like a statement when its first label is spelled like a
statement keyword in lower or mixed case: volume labels are written in upper case
(as `QUERY DASD` shows them), keywords in lower case. A label spelled in upper case
(`RETAIN`) is taken as meant. First in the list a lower-case keyword reads so too
(`private-volume retain`): as likely a statement written after a list whose label
was left out as a volume, and upper case says which. The checker warns of such a
run's first line as of any keyword first in the list (below), the list's first
label, whose line's words are labels too, not "more volumes"; the run's later lines
are a run of their own. The formatter keeps the whole run as written.

A group body (`single group`, `identity group`) lists user IDs to its `}` in the
same way, and a line pasted into it (`identity user FOO`) is three more IDs; its
runs are found by the same rule, a `match` pattern standing in the list as a
word that reads like no statement (`group_entry_lines`). There a user ID alone on
its line that is a statement keyword half typed in small letters, of three letters
or more (`desc`, `exc`), starts a run too (`begun`): no group body takes any
statement but `match` (whose starts, `ma`, are the parser's BKR012), so it is that
statement being typed in the wrong block, or a user ID written as none is, and the
finished keyword would get this warning; without it the word was read silently as a
user `DESC`. Shorter words (`b`, `ex`) begin too many keywords to say one is meant,
as where a statement starts (`messages.statement_meant`), and stay user IDs.
A keyword too long for a user ID never reaches the list: half typed alone on its
line (`descripti`) it is the parser's BKR012, in full first on its line
(`description`, `job-suffix B`) its BKR013 (`Recovery.match_begun`). Nor does a
hyphenated keyword typed up to its hyphen or past it alone on its line (`job-s`,
`logon-w`), or two keywords joined by a `-` for their blank (`to-d`, `run-o`), nor
such a word before the body's `}` on its line (`private-v }`): the parser's BKR012
(`Recovery.hyphen_begun`, `fast.BLANK_PAIRS_BEGUN`).

A keyword that starts no statement (`shared`, `on`, `days`) in small letters after a
volume list's labels is no label: the parser's BKR004 (`Recovery.keyword_as_label`).
First in the list, where the statement needs a label, it is read as one, and the
checker warns of it alone (`keyword_first`): `private-volume shared` gives the member
a volume SHARED, as `private-volume retain` gives it RETAIN. In a group body such a
word is a user ID wherever it stands (`{ LINUX01 full LINUX02 }`: the user FULL), and
the checker warns of each one outside a run alone too (`keyword_ids`); in upper case
(`FULL`) it is a user the site may really have, and no warning.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Sequence

from bkrdsl.syntax.fast import BLOCK_STATEMENTS, KEYWORDS, PLACE_WORDS, STATEMENT_KEYWORDS

#: What a `match` pattern stands as in a group body's list: it starts no run, and a
#: line it starts ends one (a pattern is written after its keyword, not pasted).
_PATTERN = "MATCH"


def reads_like_statement(label: str) -> bool:
    """Whether a label that starts its line is spelled as a statement keyword is
    written (`retain`, `Retain`), not as a volume label (`RETAIN`)."""
    return label != label.upper() and label.lower() in STATEMENT_KEYWORDS


def keyword_first(label: str) -> bool:
    """Whether a volume list's first label is spelled as a keyword that starts no
    statement is written (`shared`, `Days`), not as a volume label (`SHARED`): read as a
    label, since the list needs one, where after a label the word is no label at all
    (BKR004), so the checker warns of it (BKR021)."""
    return label != label.upper() and label.lower() in PLACE_WORDS


#: The starts of the statement keywords a group body does not take (all but `match`,
#: whose own starts are the parser's BKR012), of three letters or more, in small
#: letters, none a keyword itself (`job` of `job-suffix` is one): `desc`, `exc`,
#: `private-v` (`begun`).
_BEGUN = frozenset(
    keyword[:n] for keyword in STATEMENT_KEYWORDS if keyword != "match" for n in range(3, len(keyword))
) - STATEMENT_KEYWORDS - frozenset(("mat", "matc"))


def begun(label: str) -> list[str]:
    """The statement keywords a user ID alone on its line in a group body begins, as
    it is typed in small letters (`desc`: `description`; `pri`: `private-volume`),
    sorted; none for a keyword itself, a word in capitals, or the start of `match`."""
    if label not in _BEGUN:
        return []
    return sorted(k for k in STATEMENT_KEYWORDS if k.startswith(label) and k != "match")


#: The keywords as user IDs and volume labels are kept, in upper case, and the starts
#: of the statement keywords a group body does not take (`may_hold_runs`).
_KEYWORD_LABELS = frozenset(keyword.upper() for keyword in STATEMENT_KEYWORDS | PLACE_WORDS | _BEGUN)


def may_hold_runs(upper_labels: Iterable[str]) -> bool:
    """Whether a list whose labels, upper-cased, are `upper_labels` may hold a run
    that `statement_like_runs` finds, or a user ID that `keyword_ids` finds: some
    label is a keyword in upper case. A label that reads like a statement, or like
    a keyword that starts none, is one (names are ASCII, so its upper case is its
    keyword's), so a False here means neither; one set operation in C, where a
    group of thousands of user IDs would otherwise cost a call of
    `reads_like_statement` per ID."""
    return not _KEYWORD_LABELS.isdisjoint(upper_labels)


#: The labels `may_hold_runs` looks for: a list of upper-cased labels that holds none
#: of them holds no run (`Model.groups_naming_any` takes it to find the groups that may).
RUN_LABELS = _KEYWORD_LABELS


#: The CP directory statements whose name a volume label may be (six characters or
#: fewer, letters only), as a line of a directory entry starts: `USER LNXWEB` pasted
#: below a member's labels is two more volumes, USER and LNXWEB, to the parser
#: (`directory_line`). The longer ones (IDENTITY, INCLUDE, PROFILE, SUBCONFIG, ...) are
#: no label: the parser's errors (BKR012, BKR305).
DIRECTORY_WORDS = frozenset(
    {"USER", "LINK", "MDISK", "BUILD", "IPL", "SPOOL", "OPTION", "NICDEF", "CRYPTO", "CPU", "IUCV", "SHARE",
     "XSTORE", "SCREEN"}
)


def directory_line(text: str) -> bool:
    """Whether a volume list's label that starts a later line of the list, other labels
    after it on that line, is spelled as a CP directory statement in any case (`USER`
    in `USER LNXWEB`): the line reads as a line of a directory entry, not as volumes
    (`statement_like_runs`). One compare per such label."""
    return text.upper() in DIRECTORY_WORDS


def statement_like_runs(keyword_line: int, labels: Sequence[tuple[str, int]], group: bool = False) -> list[range]:
    """The runs of a volume list's labels that read like statements, as ranges of
    indexes into `labels` ((text as written, line) in order; the list's keyword is on
    `keyword_line`). A run starts at any label that `reads_like_statement`, on the
    keyword's line or a later one, first on its line or after other labels, and holds
    the labels after it on its line and the lines after it that start so too; a line
    that starts otherwise ends it (and a label on that line may start another). In a
    `group` body, a user ID alone on a later line that is a statement keyword being
    typed (`begun`) reads so too. In a volume list, so does a label that starts a
    later line after the list's first label, spelled as a CP directory statement, with
    other labels after it on its line (`USER LNXWEB`: `directory_line`); alone on its
    line (`USER`) it is a volume as written."""
    runs: list[range] = []
    start: int | None = None
    line = keyword_line
    last = len(labels) - 1
    for index, (text, label_line) in enumerate(labels):
        starts_line, line = label_line != line, label_line
        if group:
            alone = starts_line and (index == last or labels[index + 1][1] != label_line)
            statement = reads_like_statement(text) or (alone and text in _BEGUN)
        else:  # `USER LNXWEB` below the labels: a label that starts a line, one compare
            statement = reads_like_statement(text) or bool(
                starts_line and index and directory_line(text) and index < last and labels[index + 1][1] == label_line
            )
        if start is not None and starts_line and not statement:
            runs.append(range(start, index))
            start = None
        if start is None and statement:
            start = index
    if start is not None:
        runs.append(range(start, len(labels)))
    return runs


def keyword_ids(labels: Sequence[tuple[str, int]], runs: Sequence[range]) -> list[int]:
    """The indexes of a group body's user IDs, (text as written, line) as
    `group_entry_lines` gives them, spelled as a keyword that starts no statement is
    written (`full`, `on`, `Daily`: `keyword_first`), outside the `runs` of
    `statement_like_runs` (whose warning names them already). No group body takes
    such a word, and the parser reads it as a user ID (`FULL`), silently: in a group
    body nothing but `}` ends the list, where after a volume list's labels the same
    word is no label (BKR004). One in upper case (`FULL`) is a user the site may have."""
    inside = {index for run in runs for index in run}
    return [index for index, (text, _line) in enumerate(labels) if index not in inside and keyword_first(text)]


def keyword_phrases(
    labels: Sequence[tuple[str, int]], runs: Sequence[range], takes_value: Collection[str]
) -> tuple[list[range], list[range]]:
    """The phrases of a group body's user IDs that start at one `keyword_ids` finds, as
    ranges of indexes into `labels`, and the `runs` no phrase took in. A phrase holds
    the keyword, and after it on its line: the IDs that are such keywords too (`manager
    shared`, `last sun`), the one ID after a keyword of `takes_value` (`server
    BKRSVSFS`, `on VMSYS1`), and a run that starts right after it, whole (`each member`,
    whose `member` starts a run). One slip, one warning: not one per keyword, and not a
    second error for the value read as a user (BKR208 at `BKRSVSFS`, the catalog's
    server: `keyword_values`)."""
    ids = keyword_ids(labels, runs)
    keywords = set(ids)
    run_at = {run.start: run for run in runs}
    phrases: list[range] = []
    taken_in: set[int] = set()
    end = -1
    for index in ids:
        if index < end:
            continue
        line = labels[index][1]
        end = index + 1
        while end < len(labels) and labels[end][1] == line and labels[end][0] != _PATTERN:
            if end in run_at:
                taken_in.add(end)
                end = run_at[end].stop
                break
            if end in keywords or (end - 1 in keywords and labels[end - 1][0].lower() in takes_value):
                end += 1
                continue
            break
        phrases.append(range(index, end))
    return phrases, [run for run in runs if run.start not in taken_in]


def line_starts(
    keyword_line: int, labels: Sequence[tuple[str, int]], end_lines: Sequence[int] | None = None
) -> list[int]:
    """The indexes of the labels that start a line after the keyword's: each written on
    a line below where the one before it ends, its own line, or its `end_lines` entry
    (a group body's `match` and its pattern written over two lines end on the
    pattern's, and a user ID after the pattern on that line starts none)."""
    starts = []
    line = keyword_line
    for index, (_text, label_line) in enumerate(labels):
        if label_line != line:
            starts.append(index)
        line = label_line if end_lines is None else end_lines[index]
    return starts


def group_entry_lines(entries: Sequence[tuple[bool, str, int]]) -> list[tuple[str, int]]:
    """A group body's entries, (whether a `match` pattern, text as written, line), as
    the (text, line) list `statement_like_runs` reads: a user ID as written, a pattern
    as a word that reads like no statement."""
    return [(_PATTERN if is_pattern else text, line) for is_pattern, text, line in entries]


#: Words in small letters that mean a statement keyword of a member block, which
#: did_you_mean does not find: the second half of `job-suffix` alone (`misspelt_runs`).
_READ_ON_MEANT = {"suffix": "job-suffix"}


def keyword_misspelt(label: str, block: str) -> str | None:
    """The one statement keyword of `block` (`member`, a `private-volume` list's; the
    `cluster`, a `shared-volume` list's) that a volume label written in small letters as
    keywords are, of three letters or more and no keyword itself, is misspelt or half
    typed (`wrkers`, `wor`: did_you_mean) or means in other words (`suffix`); None for
    any other label (one in capitals, with a digit, a keyword: the runs' own)."""
    if len(label) < 3 or not label.islower() or not label.replace("-", "").isalpha() or label in KEYWORDS:
        return None
    return _keyword_misspelt(label, block)


@functools.cache
def _keyword_misspelt(label: str, block: str) -> str | None:
    from bkrdsl.syntax.messages import did_you_mean  # only for a label in small letters

    statements = BLOCK_STATEMENTS[block]
    if _READ_ON_MEANT.get(label) in statements:
        return _READ_ON_MEANT[label]
    meant = did_you_mean(label, statements, synonyms=False)
    return meant[0] if len(meant) == 1 else None


def misspelt_runs(labels: Sequence[tuple[str, int]], runs: Sequence[range], block: str) -> list[tuple[range, str]]:
    """The runs of a volume list's labels ((text as written, line), in order) that start
    at a label after the first, outside the `runs` of `statement_like_runs`, that is a
    statement keyword of `block` misspelt (`keyword_misspelt`): that label and the labels
    after it on its line, one run a line; each with the keyword it means. The checker
    warns of each (BKR021), and the formatter keeps them as written, so that it warns
    as before (a label so read in capitals, `SUFFIX`, is a volume as meant)."""
    taken = {index for run in runs for index in run}
    found: list[tuple[range, str]] = []
    done: set[int] = set()
    for index, (text, line) in enumerate(labels):
        if not index or index in taken or line in done:
            continue
        meant = keyword_misspelt(text, block)
        if meant is None:
            continue
        done.add(line)
        end = index + 1
        while end < len(labels) and labels[end][1] == line and end not in taken:
            end += 1
        found.append((range(index, end), meant))
    return found
