"""The fast front end: text to AST in one pass, for files that parse cleanly.

The Lark path (parser.py with recovery.py, then build.py) is the reference: it
reads any text, reports every syntax error, and defines the AST of what it
reads. This module is a scanner and a recursive-descent parser for the same
grammar that builds the very same AST directly (every node, span, doc comment
and `Module.comments`), several times faster. It reports a few errors, each met
at every keystroke while a statement is typed, where nothing else is wrong
(`read_reported`): a text not closed on its line (`description "Weekly full`),
which the recovery reports (BKR007, built by the same
`messages.unterminated_string`) and reads as `""` to the end of the line where
a text fits; and a statement's last value missing at the end of its line,
before a `}` or a statement keyword starting the next line (`to disk pool`,
then `run on ...`; `import`, its path), which the recovery reports (BKR010, the same
`messages.missing_value`) and completes with placeholders where the next token
stands (`_Parser._missing`), as it does where the value missing is the one
keyword that fits (`disk U 191`, `run`, `retain 30`: BKR004, the same
`messages.missing_other`, `_Parser._keyword_missing`), also before an option of
the statement that starts the next line (`tape`, then `catalog-dmm ...`:
`_Parser._option_goes_on`), or a block's `{` after its
name (`cluster L`, then its first statement: BKR011, the same
`messages.missing_open`, `_Parser._open_missing`), the block read on as if the
`{` stood there, or its name and `{` (`job`, then `backup ...`: BKR010), or an
expire block's placement and `{` (`expire on`, then `preview ...`), or its `{`
alone after one member (`expire on M`, then `preview ...`: BKR011), a block
whose `{` is missing before a statement it does not take opened and closed empty,
unsaid (`_Parser._unsaid_close`), and a group body closed unsaid after a `match`
whose pattern is missing (`single group G { match`, then the next statement); and a word alone at the end of its line where
a statement's own keywords are due that means none of them (`include m`, `single
g`, `to d`), which the recovery reads as a name after the fewest keywords that
let it and the next statement fit (BKR004, `_Parser._left_out`), and a
`preview`'s or `purge`'s schedule missing, which it completes with `manual`
(`_Parser._expire_schedule`), as it completes a selection's medium missing with
`sfs` and a path (`include`, then the next statement), a destination's with `disk`
(`to`) and a scope with `local` (`catalog`, `tape manager`); and a keyword
half typed (or misspelt) at the end of
its line (`retai`, `include minidi`, `disk U 191 siz`), and a statement's option
half typed after it on its line (`backup APPS incr`, `run on M wee`, `catalog
shared ser`: `_Parser._option_respelt`), which the recovery reads as the keyword it
may mean, where that fits (or, where it abbreviates several options and none fits
before the next statement or the `}`, `tape manager shared req`, names ambiguous,
the same `messages.abbreviation_ambiguous`, and skips: `_Parser._ambiguous_skipped`),
one BKR012 that also says what the keyword needs when its value is then missing (`Recovery.misspelt`, `Recovery.unfinished_respelt`, the
same `messages.unknown_keyword_unfinished`), or, where a statement starts and it
means none (`r`), reports (the same `messages.not_a_keyword`) and skips
(`_Parser._stray_statement`, `_Parser._respell`), up to a block's keyword
starting the next line too (`member M { w`, then the next member), the block's
`}` then missing (BKR005 after the word's BKR012, `_Parser._brace_missing`); and a word last on its line
that means no keyword, which the recovery reads as a pool's name after `to disk`
(`_Parser._pool_left_out`), one more name of a list, its `,` missing
(`_Parser._comma_left_out`), or the one keyword that fits, in its place (`retain
35 d`: `_Parser._replaced`); and `single` or `identity` without its kind,
completed with `user` and a name, the recovery's BKR004; and a block's `}` missing
before a statement keyword that starts its line and fits only outside the
block (`member M { workers 2`, then the next member), which the recovery
reports (BKR005, the same `messages.not_closed_before`) and closes the block
there (`_Parser._brace_missing`), as it does for a group body left open before a
block's opening statement on the next line (`single group G { U1`, then `job J
{`), which the body reads as user IDs up to its `{` and the recovery re-reads as
that statement (`_Parser._group_ends`); and a statement only a job (`backup`,
`to`, `run`) or only an expire block (`preview`, `purge`, `retain`) takes starting
a line of the cluster block (the block's opening line deleted, or emptied as it
is typed again), which the recovery reports (BKR013, the same
`messages.only_inside`) and reads in a block it opens there, nameless or joined
to the block of its kind right before it (`_Parser._reopened`); so a statement
only the cluster block takes starting a line of the top level, only imports before
it (the cluster's `cluster NAME {` line deleted), read in a cluster opened there
(`_Parser._cluster_reopened`); and a statement
keyword that starts the line after a weekly schedule's last day, its statement
going on there (`purge weekly sun`, then `retain 35 days`), which Lark reads as
the time and the recovery, at the token after it, as that keyword, the time
missing (BKR010, `_Parser._keyword_for_time`); a word after `catalog` that means
no scope, read as its home member, `local on` left out (BKR004, `_Parser.scope`);
a word written as keywords are after a member's volume label, last on its line
(`private-volume P1  job-s`), which the recovery reads where statements start
(`_Parser._word_after_labels`); and an abbreviation of several options before the
statement's own option line (`tape manager shared req`, then `catalog-dmm D`),
named ambiguous and skipped with that line (`_Parser._ambiguous_before_keyword`); an
abbreviation of a level and a statement after a list (`backup APPS inc`, `include`
or `incremental`) before the next statement or the `}`, read as the level, the one
that fits there (BKR012, `_Parser._abbreviation_meant`); a word where a tape
manager's scope is due before an option line of the statement (`tape manager s`,
then `catalog-dmm D`), read as a request node's name, `local request-node` left out
(BKR004, `_Parser._tape_option_next`); and a scope alone where a statement of the
cluster starts (`shared` as `shared-volume V` is typed), read as a catalog's, its
`catalog` missing (BKR004, `_Parser._catalog_left_out`); and `catalog`, a hyphen and
letters close to a hyphenated keyword (`catalog-n` as `catalog-node` is typed),
which Lark's lexer reads apart, named whole (BKR012), a catalog completed with
`local` and the lines up to the next statement skipped (`_Parser._catalog_typo`;
`catalog-`, the hyphen alone, with the recovery's generic BKR004 for the `-`);
and an option line of `tape manager` alone in the cluster, its statement's line
deleted or emptied as it is typed again (`catalog-dmm TC request-dmm TR`), a
hyphenated keyword where it does not belong (BKR013), skipped with its values
(`_Parser._tape_option_misplaced`); and such an option line where the name after
the option before it is due (`request-node` or `request-n`, then `catalog-dmm TC`),
which Lark reads as that name and the recovery re-reads as the statement's, the
name missing (BKR010, or the half-typed word's BKR012: `_Parser._option_reread`), also
after a catalog node's `on`; and such an option line right after `catalog-node`,
read as the node's name, `on` missing before its value (BKR004, with the
recovery's fix: `_Parser._on_left_out`); and a word after `tape` that does not
respell `manager` (`tape m`), with the recovery's generic error (BKR004), the
statement completed with `manager local` and skipped to the next statement
(`_Parser._manager_unexpected`), and so a keyword on its line that starts nothing
(`tape pool`), `manager` reported missing before it (BKR004), also after a word
skipped to that `tape` (`x` where `job NAME {` was, then `to tape pool P`),
its skip then running to a `}` that closed the cluster early, the cluster reopened
below (a third error, `_Parser._cluster_closed_early`); and a word where `tape manager` may go on with its
options that means `catalog` (`catalo`, or `cat`, which also abbreviates `catalog-dmm`
and `catalog-node` and which the recovery names ambiguous, BKR012), read as `catalog`
(`_Parser._catalog_meant`), its scope then missing (the word's BKR012 that says what it
needs, or after `cat` the scope's BKR004); and an option line of `tape manager` where a
catalog's scope is due (`tape manager shared catalog`, then `catalog-dmm TC ...`),
misplaced (BKR013) and skipped, the scope `local` unsaid (`_Parser._option_as_scope`),
after the word's BKR012 if it was written otherwise; and the cluster's opening line
emptied as it is typed again (`x`; `c` is `cluster` begun), a word that means no keyword at the top level,
skipped, then a cluster reopened at a block's keyword below (`_Parser._cluster_reopened`,
the word's error first); and a member's `workers` starting a line of the cluster (the
member's opening line deleted), read in a member reopened there, and a block of any of
these kinds reopened after a `}` that does not look its block's own where the file has
a `}` too many, which the recovery says closed that block early (with the fix that
removes it where it is the one too many: `_Parser._reopened`); and so a statement only
the cluster block takes starting a line of the top level after a cluster, read in the
cluster reopened there and joined to it (`_Parser._cluster_closed_early`), also after
a word that means no keyword, whose skip ran to the `}` that closed it (`x` where `expire
on M {` was, the word's error first); and, after a word
that means no keyword skipped to the next statement, the errors after a statement
read there, each at a token of its own, in the order read (`_Parser._after_skip`:
`x` where `job NAME {` was, then `to disk pool P` before `run ...`, the
word's BKR012 and the size's BKR004), a job's, an expire block's or a member's
keyword where a statement's last value was found missing reopening its block
there unsaid (the recovery reports once a token: `_Parser._reopened`); and a word
right after a group body's `}` where the file has a `}` too many, read as the
group's next user ID in the group reopened there (BKR013, with the fix that
removes that `}` where it is the one too many: `_Parser._group_reopened`), then a `,` or
a quoted text in that body, a token read after the word (`backup LINUX, CMSSVC full`),
an error of its own (BKR015, or BKR004 for the text), skipped to the group's `}`
(`_Parser._slip_in_group_reopened`). On any other text
it would not read exactly as the Lark path does -- a syntax error, or only
something unusual -- it gives up and `read()` returns None, and the caller runs
the Lark path, so every other diagnostic still comes from one place. Giving up
is always safe; reading a text differently from Lark would be a bug.

Reading "exactly as Lark" means copying its contextual lexer, which decides
what a word is from the LALR parser's state after the previous token:

* where the state accepts a name, the word is a name unless the state also
  accepts the keyword it spells (any case): in a group body only `match` is a
  keyword, so a user called RUN is a name;
* where the state accepts no name, Lark matches a keyword at the start of the
  word (`catalog sharedserver` reads as `shared server`); here the whole word
  must be a keyword, or we give up (the recovery reports BKR012 for every
  such word: `Recovery.check_glued` where Lark then reads a name from the rest,
  `private-volumes` as `private-volume s`, `Recovery.check_keyword` where it
  reads another keyword), but on a word of letters last on its line that no
  keyword starts, a day or a time aside (`_half_typed`): a keyword half typed,
  which the block's loop or the statement decides (`T_STRAY`); and one that
  keywords start (`shared-v` as `shared-volume` is typed), which the block's loop
  reads as such a word where its state accepts none of them, Lark's lexer then
  reading the word whole as a name (`T_STRAY_AFTER_KEYWORD`, `_read_whole`);
  a keyword with a `#` right after it (`days#keep`) is one word too, which we
  give up on: Lark reads the keyword and a comment from the `#`, or the keyword
  and the words after the word, and the recovery reports the word (BKR012,
  `Recovery.hash_after_keyword`), as it does where the state accepts a name and
  the word does not read on as one, or starts its line, in lower case, with the
  keyword of a statement that reads on (`to#x disk pool P` after an include's
  addresses: `Recovery.hash_in_name`); we give up on a word first on its line
  that a keyword in lower case and a `#` start;
* where the state accepts a name and keywords, the recovery reports a name
  that is keywords run together which fit there (`on eachmember`,
  `Recovery.run_together`); we give up on any name of that shape
  (`Lexing.glue`);
* a hyphenated keyword written without its hyphen (`jobsuffix`, `job_suffix`,
  `job suffix`) is an error where that keyword fits, also where Lark reads
  names, and so is one with or without its hyphen in a block that does not
  take it (`Recovery.hyphen_judged`); we give up on any such word (but a
  `tape manager`'s option starting a line of the cluster with its values,
  `_Parser._tape_option_misplaced`), and on a
  hyphenated keyword read as a name where a list may end or as an import path;
* the recovery's lexer hook (`Recovery.name_token`) re-reads a name that spells
  a statement keyword and starts its line as that keyword where the state
  accepts neither `}` nor the end of the file; that always ends in an error:
  the value before it missing, which `_Parser._missing` reads where it can,
  else we give up;
* a name that starts its line after a list of names and may be a statement
  keyword misspelt, abbreviated or with a blank inside (`catalg`, `cata log`)
  is reported by the recovery where the keyword fits (`Recovery.keyword_after_list`),
  as is another block's statement keyword whose line reads as that statement
  (`retain 30 days` after SFS paths: `Recovery.reads_elsewhere`, BKR013);
  we give up on any such word (`_near_keyword`) but one alone on its line before a
  `}`, the end of the file or a statement's first word, where the keyword meant
  never reads on and the recovery reports nothing (`exclu` typed above `to disk`),
  and on `end` starting its line
  there, which the recovery may read as a `}` (REXX's `do ... end`), and on the
  first word of a CP directory line there (`USER`, `MDISK`, `BUILD`...), whose
  line the recovery may report whole (`Recovery.foreign_after_list`), also
  where it starts a line of a group body (`Recovery.foreign_in_group`), and on
  a keyword starting its line there before a keyword that fits on its line,
  which the recovery may read as the two written the other way round (`at disk
  U` below `shared-volume V`: `_keyword_then_one_that_fits`), and on a keyword
  in small letters that starts no statement, starting its line there before a
  statement keyword on it, whose words the recovery may read as that statement
  out of order (`pool BKUPPOOL to disk` below `include sfs * *`:
  `Recovery.reordered`, `_Parser._statement_later_on_line`);
* the same hook reports three names that Lark reads without an error: `and`
  spelt other than `AND` between the user IDs of a group body
  (`Recovery.and_in_group`), `thru` or `through` between two addresses of a
  minidisk selection (`Recovery.range_with_word`), and `owner`, `user` or
  `userid` not in capitals as a selection's owner (`Recovery.owner_label`);
  we give up on a group body that holds such an `and`, on a selection that
  lists such a word, and on a selection whose owner is one; and `and` after
  the `,` of a list (`Recovery.and_after_comma`: a backup's groups, a `run`'s or
  an `expire`'s members, a weekly schedule's days): we give up on a list that
  names such an `and` after its first name;
  and a `shared-volume` or `private-volume` whose first value is its keyword
  again, a selection whose owner (or first SFS path) is `minidisk` (or
  `sfs`) again, and a group's `match` whose pattern is `match`, not in
  capitals (`Recovery.keyword_twice`): we give up on them; and `include` or
  `exclude` before `minidisk` or `sfs` on its line in a group body, a job's
  selection written there (`Recovery.selection_in_group`): we give up on it;
  and `on each member` where one member is named, in `catalog` or after
  `catalog-node`, or a volume, after a disk's `on` (`disk ... on each member M
  { }`, a block on its line) (`Recovery.each_member_for_one`): we give up on it; and a
  word in small letters joined by hyphens after a volume label
  (`private-volume ZAPRV1 tape-drives 2`), which the hook marks as a
  statement's first word, no keyword (`Recovery.word_after_labels`): we give
  up on it; and a keyword that starts no statement, not in capitals, after a
  volume label (`private-volume M1PRV1 shared`), which the hook reports as no
  label (`Recovery.keyword_as_label`): we give up on it; and a name but an SFS path or a group body's user ID that ends
  with a `.` and its line (or comes before a `}`), which the hook reports as a sentence's full stop (`daily 23:30.`,
  `Recovery.name_full_stop`): we give up on it.

LALR merges states, so what a state accepts is not always what the grammar
rule at hand suggests: after a name in a `name_list` (state shared by `user`,
`backup`, `on` and `weekly`) the words of every context are keywords. The
`Lexing` constants below hold those sets; tests/test_fast_parser.py checks each
one against Lark's own parse table on every token it reads, and fails when
grammar/bkr.lark changes until this module has been brought up to date.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

from bkrdsl import ast
from bkrdsl.diagnostics import Diagnostic
from bkrdsl.records import dataclass
from bkrdsl.source import Source, Span, span_through
from bkrdsl.syntax import lexicon  # generated from the grammar (bkrdsl.keywords)
from bkrdsl.syntax.build import doc_above, doc_line
from bkrdsl.syntax.reader import MAX_READ_AFTER_ERROR

#: The grammar this parser was written for: sha256 of grammar/bkr.lark without
#: comments and blank space. tests/test_fast_parser.py fails when they differ.
GRAMMAR_FINGERPRINT = "1feee159c82de59e526777e85fc4cd7ca1c892bdcf92bd2d103b381f4ec96864"

#: Every keyword of the grammar, lower case (syntax/lexicon.py, generated from it).
KEYWORDS = lexicon.KEYWORDS

#: Keywords that start a statement somewhere (recovery.statement_types; syntax/lexicon.py).
STATEMENT_KEYWORDS = lexicon.STATEMENT_KEYWORDS
#: The keywords that start no statement and have no hyphen (`shared`, `on`, `days`):
#: one of them in small letters after volume labels is no label (`messages.KEYWORD_PLACES`
#: says where each is written; Recovery.keyword_as_label); first in the list, it is read as
#: a label, which BKR021 warns of (runon.keyword_first). Here, not imported from
#: messages.py, so that a clean file's check does not import the syntax errors' messages.
KEYWORD_PLACE_WORDS = frozenset(k for k in KEYWORDS - STATEMENT_KEYWORDS if "-" not in k)
#: Minidisk size units in small letters: bkrdsl.resolve.model.DISK_UNITS (the
#: syntax does not import the model; tests/test_syntax_slips.py keeps them equal).
DISK_UNIT_WORDS = frozenset({"cyl", "cyls", "cylinder", "cylinders", "blk", "blks", "block", "blocks"})
#: A disk's size in bytes, as storage is written (`size 10 MB`; CP's `64M`): how many
#: bytes each unit is, binary as CP counts storage (docs/language.md, "Minidisks"); no
#: unit of a `disk`, which BKR317 (and a device type's error) says in cylinders or blocks.
BYTE_UNITS = {
    **dict.fromkeys(("K", "KB", "KIB"), 2**10),
    **dict.fromkeys(("M", "MB", "MIB"), 2**20),
    **dict.fromkeys(("G", "GB", "GIB"), 2**30),
}
#: The bytes of files a 3390 cylinder holds and an FBA block: a cylinder formatted in
#: 4 KB blocks, as CMS FORMAT and Linux's dasdfmt lay it out (12 a track, 180 a
#: cylinder: 737,280 bytes), not its 849,960 bytes unformatted (15 tracks of 56,664,
#: which `bkrc show` counts as the space a minidisk takes): `size 10 MB` means a disk
#: that holds 10 MB.
BYTES_PER = {"CYL": 15 * 12 * 4096, "BLK": 512}


def size_in(count: int, unit: str, kind: str) -> int:
    """`count` `unit`s of bytes (`10`, `MB`) in cylinders (`kind` CYL) or blocks (BLK),
    rounded up: the minidisk holds them all."""
    return -(-count * BYTE_UNITS[unit.upper()] // BYTES_PER[kind])


#: Units of `logon-wait` and `pool-wait` in small letters: bkrdsl.resolve.model.WAIT_UNITS
#: (tests/test_syntax_slips.py keeps them equal).
WAIT_UNIT_WORDS = frozenset({"sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes"})
#: The days of the week in small letters, short and whole: bkrdsl.resolve.model.WEEKDAYS
#: and the whole names it reads (tests/test_syntax_slips.py keeps them equal).
DAYS = frozenset(("sun", "mon", "tue", "wed", "thu", "fri", "sat"))
DAYS |= frozenset(("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"))
#: The words of a value that no keyword of the grammar spells, where the grammar reads a
#: name: a disk's size unit (`cyl`), a wait's unit (`seconds`), a day of the week (`sun`).
#: Written as keywords are, in small letters, after a volume list's labels or in a group
#: body, each is a slip as a keyword there is, not a label CYL or a user SUN: the same
#: places as KEYWORD_PLACE_WORDS (`PLACE_WORDS`; `messages.VALUE_PLACES` says where each
#: is written).
VALUE_PLACE_WORDS = DISK_UNIT_WORDS | WAIT_UNIT_WORDS | DAYS
#: Every word written in small letters that no volume label nor user ID is written as.
PLACE_WORDS = KEYWORD_PLACE_WORDS | VALUE_PLACE_WORDS
_UNIT_WORDS = DISK_UNIT_WORDS | WAIT_UNIT_WORDS

#: The days of the week in the order a week runs, as a schedule writes them (`day_after`).
_WEEK_IN_ORDER = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
_DAY_OF_MONTH = re.compile(r"[0-9]{1,9}")


def day_after(keyword: str, days: Sequence[str], time: str) -> str | None:
    """The schedule that runs on the day after the days `keyword` (`weekly`, `monthly`)
    names (`days`, its words, commas apart or not: `["sat,sun"]` or `["sat", "sun"]`),
    at `time`: `weekly sun` is followed by `weekly mon`, `monthly 14` by `monthly 15`,
    `monthly last-day` by `monthly 1`. The one reading of "the day after" for a time
    past the clock: the recovery's (`messages.time_slashed_past`, from the words before
    the time) and BKR313's (check/values `_day_after`, from the schedule's days). None
    where no schedule names that day (after `monthly 31`, a 1st only after the months
    of 31 days; after `monthly 28` to `monthly 30`, the next day's number in a longer
    month only, else the 1st: `monthly 31` does not run after a month of 30 days; after
    `monthly first sun`, a Monday not always the month's first) or a word is no day."""
    words = [w for w in ",".join(days).split(",") if w]
    if keyword.lower() == "weekly" and words and all(w.lower() in DAYS for w in words):
        after = [_WEEK_IN_ORDER[(_WEEK_IN_ORDER.index(w.lower()[:3]) + 1) % 7] for w in words]
        return f"weekly {','.join(after)} {time}"
    if keyword.lower() == "monthly" and len(words) == 1:
        if words[0].lower() == "last-day":
            return f"monthly 1 {time}"
        if _DAY_OF_MONTH.fullmatch(words[0]) and 1 <= int(words[0]) <= 27:  # the 28th: a 1st in February
            return f"monthly {int(words[0]) + 1} {time}"
    return None


#: Times of day as people write them, read unambiguously (`time_meant`): the checker's
#: BKR313 and the recovery's fixes that write a schedule (`Recovery.run_left_out_on_member`).
_TWELVE_HOUR = re.compile(r"(\d{1,2})(?:[:.h]?(\d{2}))?([ap])\.?m\.?", re.IGNORECASE)  # 2am, 2:30pm
_TWENTY_FOUR_HOUR = re.compile(
    r"(\d{1,2})[h.](\d{2})?|(\d{2})(\d{2})h?|(\d{1,2}):(\d{2}):00|(\d{1,2})[:.](\d{2})h", re.IGNORECASE
)  # 14h, 14h30, 2.30, 0200, 1430h, 02:00:00, 22:00h, 22.00h


def time_meant(text: str) -> str | None:
    """The HH:MM a time written another way means, when only one reading fits:
    `2am` 02:00, `2pm` and `14h` 14:00, `0200` 02:00, `2.30` 02:30, `22:00h` 22:00; else None
    (`7:5`, `24:00`, `2`: which time was meant is a guess). `noon` is 12:00; `midnight`
    starts a day or ends one (check/values.py's `_time_out_of_clock`)."""
    if text.lower() == "noon":
        return "12:00"
    m = _TWELVE_HOUR.fullmatch(text)
    if m is not None:
        hour, minutes = int(m.group(1)), int(m.group(2) or 0)
        if not 1 <= hour <= 12 or minutes > 59:
            return None
        hour = hour % 12 + (12 if m.group(3).lower() == "p" else 0)
        return f"{hour:02d}:{minutes:02d}"
    m = _TWENTY_FOUR_HOUR.fullmatch(text)
    if m is None:
        return None
    hour_text, minutes_text = next((h, mm) for h, mm in zip(m.groups()[::2], m.groups()[1::2]) if h)
    hour, minutes = int(hour_text), int(minutes_text or 0)
    if hour > 23 or minutes > 59:
        return None
    return f"{hour:02d}:{minutes:02d}"


#: A user ID's shape, in any case (a group body reads one in small letters as the ID in
#: capitals): 1-8 of A-Z 0-9 @ # $ _ -.
_USER_ID_SHAPE = re.compile(r"[A-Za-z0-9@#$_-]{1,8}")


def no_user_id(word: str) -> bool:
    """Whether `word` can be no user ID at all: a time (`02:00`), a number (`10`,
    `0191`), an SFS path (`POOL:USER.DIR`), a pattern (`*`), a word too long."""
    return _USER_ID_SHAPE.fullmatch(word) is None or word.isdigit()


#: A pattern a group body lists (`LNX*`, `P%Q`: `*` any characters, `%` or `?` one), in
#: any case: a user ID's characters and wildcards, at most 8 of them not `*`, and one at
#: least no wildcard (`*` alone, or `%*`, matches every user: no entry a group means).
_GROUP_PATTERN_SHAPE = re.compile(r"[A-Za-z0-9@#$_*%?-]*[A-Za-z0-9@#$_-][A-Za-z0-9@#$_*%?-]*")


def no_group_entry(word: str) -> bool:
    """Whether `word` can be no entry of a group body: no user ID (`no_user_id`) nor a
    pattern the group may list (`LNX*`, `P%Q`; not `*`, which matches every user)."""
    if not no_user_id(word):
        return False
    return _GROUP_PATTERN_SHAPE.fullmatch(word) is None or len(word) - word.count("*") > 8 or word.isdigit()


def statement_part(words: list[str]) -> int:
    """How many of `words`, the names on a line of a list (a group body's user IDs, a
    volume list's labels) from one on, are a statement's part written there: the first a
    keyword or a value's word in small letters (PLACE_WORDS: `daily`, `size`, `sun`),
    then the words after it written in small letters or that can be no user ID (`02:00`,
    `10`, `POOL:USER.DIR`, `*`), to a statement keyword (`retain`: BKR021's run); or a
    number and its unit (`30 seconds`, `10 cyl`); 0 when the first is none of these. A
    word in capitals that may be an ID or a label ends it (`DB2PRD` after `daily 02:00`
    on the line, `BKRSVSFS` after `server`)."""
    first = words[0]
    if first.isdigit() and len(words) > 1 and words[1] != words[1].upper() and words[1].lower() in _UNIT_WORDS:
        return 2  # `30 seconds`, `10 cyl`: a count and its unit
    if first == first.upper() or first.lower() not in PLACE_WORDS:
        return 0
    count = 1
    for word in words[1:]:
        if word.lower() in STATEMENT_KEYWORDS or (word == word.upper() and not no_user_id(word)):
            break
        count += 1
    return count


def misplaced_in_group(words: list[str]) -> int:
    """How many of `words`, the names on a line of a group body from one on (to its
    line's end, a `}`, a comment or `match`), are a statement's part written there
    (`statement_part`) when one of its words after the first can be no entry of the
    group (`daily 02:00`, `size 10 cyl`, `minidisk * 0191`, `sfs POOL:USER.DIR`); else 0.
    Such words are no user IDs: the line is a misplaced statement (BKR013,
    Recovery.phrase_in_group; the fast parser gives up on it), not users that the
    checks would then find too long, all digits or a pattern matching every user.
    Where every word may be an ID or a pattern the group lists (`server BKRSVSFS`,
    `each member`, `Full LNX*`), they are read as entries, as before, and the checker
    warns (BKR021)."""
    count = statement_part(words)
    return count if count > 1 and any(no_group_entry(w) for w in words[:count]) else 0


#: A hyphenated keyword written without its hyphen, as one word (`jobsuffix`,
#: `job_suffix`) or as two (`job suffix`), where the keyword fits, is an error
#: (`Recovery.hyphen_missing`), also where Lark reads names: we give up on the one
#: word, and on the first of the two words when the second follows on its line.
_HYPHEN_SECONDS = {
    first: frozenset(k.split("-", 1)[1] for k in KEYWORDS if k.startswith(f"{first}-"))
    for first in {k.split("-", 1)[0] for k in KEYWORDS if "-" in k}
}
_HYPHEN_JOINED = frozenset(k.replace("-", "") for k in KEYWORDS if "-" in k)
_HYPHEN_WORDS = _HYPHEN_JOINED | frozenset(_HYPHEN_SECONDS)
_HYPHENATED = frozenset(k for k in KEYWORDS if "-" in k)


@dataclass(frozen=True, eq=False)
class Lexing:
    """What Lark's parser state after the token just read accepts, as far as the
    lexer cares: how the next word is read."""

    name: str
    names: bool  # a NAME is accepted; else only keywords, punctuation or a STRING
    keywords: frozenset[str] = frozenset()  # the words read as keywords
    closes: bool = True  # `}` or the end of the file is accepted (see the module doc)
    path: bool = False  # an IMPORT_PATH, not a NAME
    #: A name fits only in a rare case (after a list, the time of `weekly mon`): a
    #: name that starts with a keyword is perhaps the keyword and its value run
    #: together (`run on VMSYS1 daily01:00`), which the recovery reports.
    rare_names: bool = False

    @functools.cached_property  # an attribute after the first use: read on every token
    def plain(self) -> bool:
        """Any word but these keywords is a NAME, as is."""
        return self.names and self.closes and not self.path

    @functools.cached_property
    def glue(self) -> re.Pattern | None:
        """Words the recovery may read here as keywords run together (`eachmember`
        after `on`, `singlegroup` after a list of users): one of this state's
        keywords, then the start of any keyword. A NAME of that shape is left to
        Lark, which reports the ones whose keywords fit (`Recovery.run_together`).
        Where names are rare, and after a hyphenated keyword, a keyword then
        anything. Only a name follows `match`, so a group body has none."""
        starts = sorted(self.keywords - {"match"}, key=len, reverse=True)
        if not self.names or not starts:
            return None
        follows = sorted({word[:3] for word in KEYWORDS}, key=len, reverse=True)
        after = "." if self.rare_names else f"(?:{'|'.join(map(re.escape, follows))})"
        hyphenated = [word for word in starts if "-" in word]  # no value starts with one
        other = f"|(?:{'|'.join(map(re.escape, hyphenated))})." if hyphenated else ""
        return re.compile(f"(?:{'|'.join(map(re.escape, starts))}){after}{other}")


#: No name, only keywords, punctuation, a STRING or the end of the file: most states.
#: A whole keyword is read as itself and the parser checks that it fits; any other
#: word makes us give up (Lark would look for a keyword at its start).
KEYWORD = Lexing("keyword", names=False, keywords=KEYWORDS)
#: A value the statement cannot do without: after `cluster`, `user`, `workers`...
NAME = Lexing("name", names=True, closes=False)
#: After `on` in a placement: a member name or `each member`.
PLACE = Lexing("place", names=True, keywords=frozenset({"each"}), closes=False)
#: The ordinals of `monthly first sun 02:00`, keywords right after `monthly` only.
ORDINALS = lexicon.ORDINALS
#: After `monthly`: a day of the month (a name) or an ordinal.
MONTHLY = Lexing("monthly", names=True, keywords=ORDINALS, closes=False)
#: Inside a group body: user IDs, `match PATTERN`, `}`.
GROUP = Lexing("group", names=True, keywords=frozenset({"match"}))
#: After a name of NAME+ (shared-volume, private-volume, minidisk addresses, SFS paths).
MORE = Lexing(
    "more",
    names=True,
    keywords=frozenset(
        (
            "backup", "catalog", "description", "disk", "exclude", "expire", "identity", "include",
            "job", "job-suffix", "link", "member", "private-volume", "run", "shared-volume", "single",
            "subconfig", "tape", "to", "workers",
        )
    ),
)
#: After a `link` statement's owner's address: `as` and the address the machine links it
#: at, or the link mode.
LINK_AS = Lexing("link-as", names=True, keywords=frozenset({"as"}), closes=False)
#: After a name of a name_list (user, backup, placements, weekly days).
LIST = Lexing(
    "list",
    names=True,
    keywords=frozenset(
        (
            "backup", "catalog", "cluster", "daily", "description", "disk", "exclude", "expire",
            "full", "identity", "import", "include", "incremental", "job", "link", "manual", "member",
            "monthly", "role", "run", "shared-volume", "single", "tape", "to", "weekly",
        )
    ),
    rare_names=True,
)
#: After `import`.
PATH = Lexing("path", names=True, closes=False, path=True)

# Token types besides keywords (which are their lower-case spelling).
T_NAME = "NAME"
T_PATH = "IMPORT_PATH"
T_STRING = "STRING"
T_END = "$END"
#: The type of a word that is no keyword where only keywords fit, last on its line
#: (`retai` as `retain 30 days` is typed, `include minidi`): the block's loop decides
#: it where a statement starts (`_Parser._stray_statement`), a statement where one of
#: its own keywords is due (`_Parser._respell`), as the recovery does; anything else
#: gives up on it.
T_STRAY = "?"
#: As T_STRAY, a word that a keyword starts (`shared-v` as `shared-volume` is typed):
#: Lark's lexer reads the keyword and the rest apart where its state accepts that
#: keyword, else the whole word as a name (its state's lexer matches nothing, and the
#: lexer of every terminal a NAME). Only the block's loop decides it, where it knows
#: what the state accepts (`_Parser._stray_statement`); anything else gives up on it.
T_STRAY_AFTER_KEYWORD = "?k"
#: The types of tokens that are no keyword (nor a `,`): values and braces.
_VALUE_TYPES = frozenset({T_NAME, T_PATH, T_STRING, T_END, "{", "}"})

# A token: (kind, text, start offset, line, column, first on its line). Kinds: "n" a
# word shaped like a NAME, "w" any other word, "s" a STRING, "{", "}", ",", "$" the end.
KIND, TEXT, START, LINE, COL, FIRST = range(6)

#: The grammar's terminals that the scanner below copies (a test compares them).
LARK_PATTERNS = {
    "NAME": r"[A-Za-z0-9$@_*%?][A-Za-z0-9$#@_*%?+\-:.]*",
    "IMPORT_PATH": r"[A-Za-z0-9_.\-\/]+",
    "STRING": r'"([^"\\\n]|\\[^\n])*"',
    "COMMENT": r"#(?!#)[^\n]*",
    "DOC_COMMENT": r"##[^\n]*",
    "WS": r"[ \t\f\r\n]+",
}
WORD_CHARS = r"A-Za-z0-9$#@_*%?+\-:./"  # those of a NAME or an IMPORT_PATH
# Blanks, then one token. A word is cut where neither a NAME nor an IMPORT_PATH
# could go on; whether it is the token Lark reads there is for the parser to
# decide (see Lexing). Every character but a blank starts some alternative, so
# the matches cover the text (an empty match only at the end).
# The blanks and a NAME's last repetition are possessive (`*+`): what follows each
# matches only where it ends (the alternatives after the blanks match wherever they
# end; a shorter NAME would be followed by a character of a word), so giving
# characters back never finds another match, and the engine then keeps no state to
# do it (about 1.5 M instructions of the scan of 10,000 users).
TOKEN = re.compile(
    r"([ \t\f\r\n]*+)(?:"
    rf"({LARK_PATTERNS['NAME']}+)(?![{WORD_CHARS}])"
    r"|(#[^\n]*)"  # a comment (before words: a `#` that starts a token starts a comment)
    rf"|([{WORD_CHARS}]+)"  # another word
    r'|("(?:[^"\\\n]|\\[^\n])*")'  # a STRING
    r"|([{},])"
    r"|(.)"  # a character no token starts with: Lark would stop here
    r"|\Z)"
)
#: `scan`'s TOKEN: a comment or a text ends before a control character (not TAB, VT, FF,
#: CR), which is then a character no token starts with, and the fast parser gives it up:
#: Lark reads the file, and read_module warns of it (BKR024, messages.hidden_characters),
#: at no cost to a file without one. And a NAME holding a `:` (`02:00`, a REXX label
#: `BKRBKUP:`) is matched as another word, which `scan` reads as the NAME it is (_NAME):
#: so it knows whether a NAME ends in `:` at no cost to the names without one, which
#: a group body's loop then needs no test for (`_Parser._group_users`).
_SCAN_TOKEN = re.compile(
    TOKEN.pattern.replace(r"|(#[^\n]*)", r"|(#[^\n\x00-\x08\x0e-\x1f\x7f]*)")
    .replace(
        r'|("(?:[^"\\\n]|\\[^\n])*")', r'|("(?:[^"\\\n\x00-\x08\x0e-\x1f\x7f]|\\[^\n\x00-\x08\x0e-\x1f\x7f])*")'
    )
    .replace(f"({LARK_PATTERNS['NAME']}+)", f"({LARK_PATTERNS['NAME'].replace(':', '')}+)")
)
_NAME = re.compile(LARK_PATTERNS["NAME"])
#: A control character a comment or a text holds, which `scan` gives up on (_SCAN_TOKEN).
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
IMPORT_PATH_RE = re.compile(LARK_PATTERNS["IMPORT_PATH"])
#: What follows a word whose last `.` Recovery.name_full_stop reads as a sentence's
#: full stop: the end of its line, perhaps after a comment, or a `}`.
_SENTENCE_END = re.compile(r"[ \t]*(?:[}#\n]|\Z)")


#: Statement keywords other than a group body's `match`: a state that reads them after
#: a name is one where a list of names may end (volume labels, addresses, SFS paths).
_LIST_ENDS = STATEMENT_KEYWORDS - {"match"}

#: First words of CP directory lines (lower case), which the recovery reports where
#: they start a line after a list (`Recovery.foreign_after_list`).
#: The statements of a CP directory entry other than its first and those a help says
#: more of (`IPL CMS PARM AUTOCR`, `CONSOLE 0009 3215 T`: messages._DIRECTORY_STATEMENT).
DIRECTORY_STATEMENT_WORDS = (
    "IPL", "CONSOLE", "SPOOL", "OPTION", "MACHINE", "ACCOUNT", "NICDEF", "SPECIAL", "DEDICATE", "CPU", "CRYPTO",
    "IUCV", "SHARE", "XSTORE", "SCREEN", "LOGONBY", "POSIXINFO", "NAMESAVE", "COMMAND", "DATEFORMAT", "MDISKLIM",
    "CLASS", "STORAGE", "MAXSTORAGE", "DIRECTORY",
)
#: The same in capitals, as a directory writes them, alone on its line where a statement
#: starts (`NAMESAVE`: Recovery.foreign_line, messages._DIRECTORY_WORD_ALONE), but for one
#: that begins a keyword, typed in capitals (`SHARE`: `shared-volume`, "did you mean"), and
#: a short one (`IPL`, `CPU`, `IUCV`), read as before alone (test_h2s65_lines_not_of_those_shapes).
DIRECTORY_WORDS_ALONE = frozenset(
    w for w in DIRECTORY_STATEMENT_WORDS if len(w) > 4 and not any(k.startswith(w.lower()) for k in KEYWORDS)
)
_FOREIGN_WORDS = frozenset(
    {"user", "identity", "mdisk", "link", "build", "subconfig", "function", "profile", "pool", "address", "*dvhopt"}
) | {w.lower() for w in DIRECTORY_STATEMENT_WORDS}
#: First words of CP commands (lower case), which the recovery reports where they start
#: a line after a list (`Recovery.foreign_after_list`: `SMSG BKRBKUP SUBMIT X` below a
#: member's volume labels), or a line of a group body (`Recovery.foreign_in_group`).
#: CMS's commands a PROFILE EXEC runs (`ACCESS 191 A`: messages._CMS_COMMAND).
CMS_COMMAND_WORDS = ("ACCESS", "RELEASE", "GLOBAL", "FILEDEF", "SENDFILE", "ERASE", "COPYFILE")
_COMMAND_WORDS = frozenset({"smsg", "cp", "xautolog"}) | {w.lower() for w in CMS_COMMAND_WORDS}
#: DirMaint's command names, and the words after one that make its line a DirMaint command
#: (`DIRM FOR LINUX01 GET`, `DIRM ADD LINUX03`: messages._DIRMAINT_COMMAND), which the
#: recovery reports in a group body; `DIRMAINT` alone is its machine, a user ID.
_DIRMAINT_WORDS = frozenset({"dirm", "dirmaint"})
_DIRMAINT_NEXT = frozenset({
    "for", "add", "purge", "get", "replace", "amdisk", "dmdisk", "cmdisk", "link", "dlink", "storage", "maxstorage",
    "class", "pw", "setpw", "ipl", "option", "account", "logonby", "review", "subconfig", "build", "needpass",
    "spool", "console", "machine", "dedicate", "include", "profile", "direct", "screen", "command",
})
#: REXX's `EXIT` and `RETURN` and CP's `Q`/`QUERY`, in capitals first on the line below a
#: list (volume labels, addresses), where the recovery reports the line as where it stands
#: alone (`Q USERID`, `EXIT 0`: Recovery.foreign_after_list), not as more names of the list.
PASTED_BELOW_LABELS = ("EXIT", "RETURN", "Q", "QUERY")
#: REXX's `EXIT` and `RETURN`, in capitals alone on their line where a statement starts:
#: an EXEC's last line, which the recovery reports (`Recovery.foreign_line`).
_REXX_ALONE = frozenset({"EXIT", "RETURN"})
#: `match` begun (`ma`): in small letters first on its line, `match` half typed, not a
#: user ID (`Recovery.match_begun`), which the declaration's loop gives up on.
_MATCH_BEGUN = frozenset({"m", "ma", "mat", "matc"})
#: English words for `match` (`matches LNXAPP*`, `pattern LNXAPP*`, `like LNXAPP*`): in
#: small letters in a group body, before a pattern on their line, `match` meant, not a
#: user MATCHES read silently (`Recovery.match_synonym`), which `_next` gives up on; and
#: `match` with a YAML `:` (`match: LNXAPP*`, `Recovery.match_colon`), no user ID.
MATCH_SYNONYMS = frozenset(
    {"matches", "matching", "pattern", "patterns", "like", "glob", "wildcard", "users-like", "mask", "filter", "select"}
)
_MATCH_COLON = "match:"
#: A statement keyword begun, longer than a user ID may be (`descripti`), or written in
#: full (`description`): in small letters alone on its line in a group body (in full,
#: first on it), that keyword being typed or misplaced, not a user ID of 9 characters
#: or more (`Recovery.match_begun`), which the declaration's loop gives up on.
_LONG_BEGUN = frozenset(k[:n] for k in STATEMENT_KEYWORDS for n in range(9, len(k) + 1))
#: The hyphenated keywords that start no statement, options of `catalog` and `tape
#: manager` (`catalog-node`, `logon-wait`): in small letters first on a line of a group
#: body, that option misplaced (BKR013), not a user ID of 9 characters or more
#: (`Recovery.match_begun`), which the declaration's loop gives up on.
_OPTIONS_IN_FULL = frozenset(k for k in KEYWORDS if "-" in k) - STATEMENT_KEYWORDS
#: A hyphenated keyword typed up to its hyphen or past it (`job-`, `job-s`, `logon-w`):
#: in small letters alone on its line in a group body, that keyword being typed, not a
#: user ID (`Recovery.match_begun`, `hyphen_begun`), which the declaration's loop gives
#: up on.
_HYPHEN_BEGUN = frozenset(
    k[:n] for k in KEYWORDS if "-" in k for n in range(k.index("-") + 1, len(k))
) - KEYWORDS
#: A statement's keyword and the keywords written right after it (`to disk`, `run on`):
#: typed with a `-` for the blank and cut short (`to-d`, `run-o`), one word that no user
#: ID is (CP writes those in capitals), in a group body the statement being typed
#: (`BLANK_PAIRS_BEGUN`; `Recovery.match_begun`, `_GROUP_STOPS`).
BLANK_PAIRS = {
    "to": ("disk", "tape"),
    "run": ("on",),
    "expire": ("on",),
    "catalog": ("local", "shared"),
    "tape": ("manager",),
    "single": ("group", "user"),
    "identity": ("group", "user"),
    "include": ("minidisk", "sfs"),
    "exclude": ("minidisk", "sfs"),
}
#: Each pair of BLANK_PAIRS typed with a `-` for its blank, up to a letter of its second
#: keyword or past it (`to-d`, `to-disk`): in small letters, as keywords are typed.
BLANK_PAIRS_BEGUN = frozenset(
    f"{head}-{second[:n]}" for head, seconds in BLANK_PAIRS.items() for second in seconds for n in range(1, len(second) + 1)
)


#: The words that end a run of user IDs in a group body (_Parser._group_users), for
#: `_next` to decide: `match`, the first words of CP directory lines, which `_next`
#: gives up on where they start a line (`Recovery.foreign_in_group`), and `and`,
#: which it gives up on unless written `AND` (`Recovery.and_in_group`); and the start
#: of `match` (`_MATCH_BEGUN`, any case: a user `MA` is read on by the next run), and
#: of a keyword too long for a user ID (`_LONG_BEGUN`, the same), or hyphenated
#: (`_HYPHEN_BEGUN`, the same); and a value's word (`cyl`, `sun`: VALUE_PLACE_WORDS, any
#: case), which may end a statement's part written there (`misplaced_in_group`).
_GROUP_STOPS = (
    GROUP.keywords
    | _FOREIGN_WORDS
    | _COMMAND_WORDS
    | _DIRMAINT_WORDS
    | {"and"}
    | {"include", "exclude"}
    | KEYWORDS
    | _MATCH_BEGUN
    | MATCH_SYNONYMS
    | {_MATCH_COLON}
    | _LONG_BEGUN
    | _HYPHEN_BEGUN
    | BLANK_PAIRS_BEGUN
    | VALUE_PLACE_WORDS
)
#: The media of a selection: `include` or `exclude` before one in a group body is a
#: job's selection written there, which `_next` gives up on (`Recovery.selection_in_group`).
_MEDIA = lexicon.SELECTION_MEDIA


#: Words written between the two addresses of a range (`0191 thru 01FF`), which the
#: recovery reports (`Recovery.range_with_word`): we give up on a selection that lists one.
_RANGE_WORDS = frozenset({"thru", "through"})
#: Words written before a minidisk selection's owner, naming it, unless in capitals
#: (`Recovery.owner_label`): we give up on a selection whose owner is one.
_OWNER_LABELS = frozenset({"owner", "user", "userid"})
#: Every word besides `KEYWORDS` and `ORDINALS` whose spelling the parser compares a
#: word's text with: a name spelled so may be read as something else. For the language
#: server's check of a quick fix that writes names (`lsp/fixcheck.py`), which leaves
#: such a name to a full analysis.
COMPARED_WORDS = _HYPHEN_WORDS | _FOREIGN_WORDS | _RANGE_WORDS | _OWNER_LABELS | _MEDIA


#: A word as keywords are written, which no volume label is: after a label, the
#: recovery reads it as a statement's first word (`Recovery.word_after_labels`).
_KEYWORD_SHAPED = re.compile(r"[a-z]+(?:-[a-z]+)*-[a-z]*")  # `job-` too, half typed


def _medium_first(tok: tuple) -> bool:
    """Whether `tok`, in a statement's list of names, is `minidisk` or `sfs` first on its
    line: no address, SFS path or volume label, but a selection whose `include` or
    `exclude` is left out (`Recovery.action_left_out`)."""
    return tok[FIRST] and tok[TEXT].lower() in ("minidisk", "sfs")


def _keyword_begun(tok: tuple, addresses: bool = True, following: tuple | None = None) -> bool:
    """Whether `tok`, in a minidisk selection's addresses, is a word in small letters
    first on its line, no address, that begins a statement keyword that may stand
    after an address (`ex`, as `exclude` is typed; those of MORE, the keywords Lark's
    state there accepts, whichever block the selection is in: LALR shares it, and the
    tests' trace replay checks MORE against it): the
    next statement's first word (`Recovery.word_after_addresses`), not one more
    address. `o` (`on`) or `we` (`weekly`) begin none of them: addresses. The same in
    an SFS selection's paths (not `addresses`), where no such word is a path (`POOL:`
    starts one), even of an address's letters (`de`). Of three letters or more, any
    statement keyword (`ret` as `retain`, misplaced), as where a statement starts
    (`messages.statement_meant`). An address's letters (`e`, `de`, `bac`) are one more
    address, unless alone on their line (`following` on a later one), where they begin
    such a keyword (`exclude`, `description`, `backup` being typed). So is a word with
    capitals in it (keywords are case-insensitive) alone on its line after addresses,
    if no address (`EX`, `INC`; not `E`, `DE`, how addresses are written)."""
    text = tok[TEXT]
    if not tok[FIRST] or not text.isalpha():
        return False
    if not text.islower():
        if not addresses or _HEX.fullmatch(text.lower()) or following is None or following[LINE] == tok[LINE]:
            return False
        text = text.lower()
    if addresses and _HEX.fullmatch(text):
        if following is None or following[LINE] == tok[LINE]:
            return False
        return any(k.startswith(text) for k in MORE.keywords)
    if len(text) >= 3 and text not in KEYWORDS and any(k.startswith(text) for k in STATEMENT_KEYWORDS):
        return True
    return any(k.startswith(text) for k in MORE.keywords)


_HEX = re.compile(r"[0-9a-f]{1,4}")
_HEX_RANGE = re.compile(r"[0-9a-f]{1,4}-[0-9a-f]{1,4}")


def _hyphenated_first(tok: tuple, addresses: bool) -> bool:
    """Whether `tok`, in a selection's addresses (or SFS paths: not `addresses`), is a
    word written as keywords are, first on its line (`job-s`, `private-`, `logon-w`),
    no address range of hex letters (`fa-fb`): the next statement's first word, which
    the recovery reports where statements start (`Recovery.word_after_addresses`) and
    we leave to it, as its lexer may read a keyword at its start apart (`catalog-n`)."""
    text = tok[TEXT]
    return tok[FIRST] and _KEYWORD_SHAPED.fullmatch(text) is not None and not (addresses and _HEX_RANGE.fullmatch(text))


def _in_statement_run(labels: list, token: tuple) -> bool:
    """Whether a label before `token` on its line reads like a statement keyword
    (`retain 30 days`): a run BKR021 warns of, read as labels (Recovery.in_statement_run)."""
    return any(
        w.span.line == token[LINE] and w.text != w.text.upper() and w.text.lower() in STATEMENT_KEYWORDS
        for w in labels
    )


def _retain_after_labels(labels: list, token: tuple) -> bool:
    """Whether `token`, `days`, ends `retain N days` written first on its line (not in
    capitals) below a volume list's labels (the cluster's, the caller's test): one
    error (Recovery.retain_after_labels)."""
    if token[TEXT].lower() != "days" or len(labels) <= 2:
        return False
    on_line = [w for w in labels if w.span.line == token[LINE]]
    if len(on_line) != 2 or labels[0].span.line == token[LINE]:
        return False
    retain, days = on_line
    return retain.text.lower() == "retain" and retain.text != retain.text.upper() and days.text.isdigit()


def _keyword_begun_after_labels(tok: tuple, block: str) -> bool:
    """Whether `tok`, after volume labels (a member's or the cluster's: `block`), is a
    word in small letters first on its line, no keyword, that begins a statement keyword
    of the block (`ex`, `wor` as `workers` is typed; a label is written in capitals), or,
    of three letters or more, any statement keyword (`exc` in the cluster, as at a
    statement's start: `messages.statement_meant`): perhaps the next statement's first
    word (`Recovery.word_after_addresses`)."""
    text = tok[TEXT]
    if not tok[FIRST] or not (text.isalpha() and text.islower()) or text in KEYWORDS:
        return False
    if any(k.startswith(text) for k in BLOCK_STATEMENTS[block]):
        return True
    return len(text) >= 3 and any(k.startswith(text) for k in STATEMENT_KEYWORDS)


#: Statement keywords that may come straight after another statement keyword (`to
#: disk`, `to tape`): where the next line starts with one, a keyword meant on this
#: line may read on into it.
_SECOND_STATEMENT_WORDS = frozenset({"disk", "tape"})


def _ends_the_guess(word: str, following: tuple) -> bool:
    """Whether the token after `word`, alone on its line, is one that no statement
    keyword `word` may mean is followed by: a `}`, the end of the file, or a
    statement keyword (the recovery re-reads one that starts its line as a
    statement's start), but for `disk` and `tape` after a word that may mean `to`.
    The recovery reports a misspelt keyword after a list only when the keyword
    meant and what follows it read on (`Recovery.keyword_after_list`, which looks
    at the next line's first word only): before such a token they never do, so
    Lark reads the word as one more name, cleanly (`exclu` typed on the line above
    `to disk`, `dis` on the line above `disk BKRCATLG 191 ...`)."""
    kind, text = following[KIND], following[TEXT]
    if kind in ("}", "$"):
        return True
    if kind != "n":
        return False
    after = text.lower()
    if after in _SECOND_STATEMENT_WORDS:
        from bkrdsl.syntax.messages import did_you_mean

        return not did_you_mean(word, ("to",))  # `t` may be `to` read on into `disk`
    return after in STATEMENT_KEYWORDS


def _near_keyword(word: str, following: tuple, line: int) -> bool:
    """Whether a name that starts line `line` after a list of names may be a statement
    keyword misspelt, abbreviated or written with a blank inside (`catalg`, `cata`,
    `cata log`), which `Recovery.keyword_after_list` reports where it fits."""
    if not word.isalpha():
        return False
    if word not in KEYWORDS and following[LINE] > line and _ends_the_guess(word, following):
        return False  # alone on its line, before a token no keyword meant reads on into
    from bkrdsl.syntax.messages import did_you_mean

    kind, text, _start, _line, _column, _first = following
    if kind == "n" and text.lower() != text.upper() and (word + text.lower()) in STATEMENT_KEYWORDS:
        return True
    return any(k.startswith(word) for k in STATEMENT_KEYWORDS) or bool(did_you_mean(word, STATEMENT_KEYWORDS))


def _keyword_then_one_that_fits(word: str, following: tuple, lexing: Lexing) -> bool:
    """Whether a name that starts its line after a list of names spells a keyword,
    and the word after it on its line one that fits there: the recovery may read
    the two as written the other way round (`at disk U`, where `disk at U` reads
    on: `Recovery.keyword_after_list`, then `Recovery.swapped_words`), where Lark
    reads one more name of the list."""
    return (
        word in KEYWORDS
        and following[KIND] == "n"
        and not following[FIRST]
        and following[TEXT].lower() in lexing.keywords
    )


#: The statement keywords of each block, and of the top level (None): what the
#: recovery lists where a statement must start (`messages.not_a_keyword`); a test
#: checks each against Lark's parse table. From syntax/lexicon.py (a group body's
#: `match` left out).
BLOCK_STATEMENTS = {block: lexicon.BLOCK_STATEMENTS[block] for block in (None, "cluster", "member", "job", "expire")}

#: The blocks where Lark's state after a statement, at a token where only keywords
#: fit (a word there is `T_STRAY`), accepts only the block's statements and its `}`
#: (a test checks): a word half typed after a statement on its line (`member M {
#: workers 2  priva`) is read there as at a line's start. Not a job's (`to disk`
#: then `pool`, `run on each member` then `daily`), a cluster's (`catalog`, `tape
#: manager`, `disk`), the top level's, nor an expire block's, whose state after a
#: schedule's time LALR shares with a job's `run` (it accepts `backup`, `to` ...).
_OPTIONLESS_BLOCKS = frozenset({"member"})

#: The statements of a block (of `_OPTIONLESS_BLOCKS`) whose keyword, then one name,
#: leaves the block whole (a test checks against Lark's parse table): the keywords
#: the recovery names for a word after a statement, other than the statement's own
#: (`Recovery.keywords_for_value`: `private-volume p` after `workers 2`).
_ONE_NAME_STATEMENTS = {"member": frozenset({"job-suffix", "private-volume", "workers"})}

#: The statements that may go on with options, by their first keyword (`tape`: `tape
#: manager`; `run`: after `on each member`), and the options of each whose keyword,
#: then one name, leaves the block whole (a test checks against Lark's parse table, after
#: each option given too): the keywords the recovery names for a word after such a
#: statement on its line (`Recovery.keywords_for_value`: `server s` after `catalog shared`).
_ONE_NAME_OPTIONS = {
    "catalog": frozenset({"on", "pool", "server"}),
    "tape": frozenset({"catalog-dmm", "request-dmm", "request-node"}),
    "run": frozenset({"daily"}),
}

#: A word that may be a statement keyword half typed: letters, perhaps a hyphen.
_HALF_TYPED = re.compile(r"[a-z]+(?:-[a-z]*)?")


def _typed_alone(word: str, following: tuple, line: int) -> bool:
    """Whether a word that is no keyword, where only keywords fit, is one the
    recovery reads where a statement starts as a misspelt or half typed keyword
    (`Recovery.misspelt`) or as no keyword (`messages.not_a_keyword`), and nothing
    else, as Lark's lexer reads it whole: last on its line, letters only (a `*`
    starts a comment, a time or a day a schedule's mistake, `end` REXX's `}`)."""
    from bkrdsl.syntax.messages import looks_like_day, looks_like_time

    if following[LINE] == line or word == "end" or _HALF_TYPED.fullmatch(word) is None:
        return False
    if any(word.endswith(k) and word[: -len(k)] in KEYWORDS for k in STATEMENT_KEYWORDS):
        return False  # `onrun`: `run on` the other way round (`Recovery.run_together_swapped`)
    return not (looks_like_day(word) or looks_like_time(word))


def _keywords_starting(word: str) -> frozenset[str]:
    """The keywords `word` starts with: where Lark's state accepts one, its lexer reads
    it and the rest of the word apart (`Recovery.check_glued`)."""
    return frozenset(keyword for keyword in KEYWORDS if word.startswith(keyword))


def _half_typed(word: str, following: tuple, line: int) -> bool:
    """`_typed_alone`, and no keyword at its start, which Lark's lexer may read."""
    return _typed_alone(word, following, line) and not _keywords_starting(word)


def _skip_stops_at(tok: tuple) -> bool:
    """Whether the recovery's skip after a word that means no keyword stops at `tok`
    though the block does not take it (`Recovery.skip_statement`, `_STOP_ANYWAY`,
    `BLOCK_KEYWORDS`): `cluster` or `import`, or a block's keyword starting its line
    (`member DEV1 { w`, then the next member). A statement keyword of another kind
    (`disk`, `catalog`) it steps over, with the lines after it."""
    if tok[KIND] != "n":
        return False
    word = tok[TEXT].lower()
    return word in ("cluster", "import") or (tok[FIRST] and word in ("member", "job", "expire", "group"))


def _hyphenated_like(word: str) -> list[str]:
    """The hyphenated keywords as long as `word` that it is close to: one of them is a
    misspelling the recovery reads on its own (`Recovery.hyphen_form`, `raquest-node`),
    its value then missing a second error."""
    from bkrdsl.syntax.messages import did_you_mean

    return did_you_mean(word, [keyword for keyword in _HYPHENATED if len(keyword) == len(word)])


#: A number, or a name without small letters, then a word in small letters: where the
#: word is a keyword and the name cannot read on, the recovery reads them as run
#: together (`Recovery.number_glued`: `35days`, `Recovery.name_glued`: `APPSfull`).
#: Two patterns, each tried: `14Xdays` is the number `14` and `Xdays` for the first,
#: the name `14X` and `days` for the second (an alternation stops at the first).
_GLUED = (re.compile(r"[0-9]+([A-Za-z][A-Za-z-]*)"), re.compile(r"[^a-z]*[A-Z][^a-z]*([a-z][a-z-]*)"))


def _glued_keyword(word: str) -> bool:
    """Whether `word` may be a value run together with the keyword after it."""
    return any(
        (found := glued.fullmatch(word)) is not None and found.group(1).lower() in KEYWORDS for glued in _GLUED
    )


#: The most tokens of a group body the recovery re-reads (`Recovery.reread`: 200
#: leaves), less a margin: the count here is of the tokens between the braces.
_REREAD_LEAVES = 150


def _also_inside(tok: tuple) -> tuple[str, ...]:
    """The other blocks that take a cluster statement keyword (`messages.only_inside`'s `also`)."""
    word = tok[TEXT].lower()
    return tuple(kind for kind in ("job", "member") if word in BLOCK_STATEMENTS[kind])


def _block_line_brace(tokens: list[tuple], i: int) -> int | None:
    """The index of the `{` that ends the line token `i` starts, when that line is
    the token, one to three words, keywords but the last, and the `{` (`single group
    CMS {`, `job J {`): a block's opening statement, read as user IDs in a group
    body left open above it (`_Parser._group_ends`), which the recovery re-reads as
    that statement. None for any other line."""
    first = tokens[i]
    if not first[FIRST]:
        return None
    end = i + 1
    while tokens[end][KIND] == "n" and tokens[end][LINE] == first[LINE]:
        end += 1
    after = [tok[TEXT].lower() for tok in tokens[i + 1 : end]]
    if tokens[end][KIND] != "{" or tokens[end][LINE] != first[LINE] or not 1 <= len(after) <= 3:
        return None
    if any(word not in KEYWORDS for word in after[:-1]) or after[-1] in KEYWORDS:
        return None  # a name that spells a keyword the recovery would re-read as that keyword
    return end


class _Titled(NamedTuple):
    """A block as `messages.not_closed_before` names it: by its title alone."""

    title: str


#: `identity group SYSTEM { }` on the line right above a word that starts no statement,
#: searched up to that word: its body may be below the braces (messages.group_body_below).
_GROUP_EMPTIED = re.compile(r"group[ \t]+\S+[ \t]*\{[ \t]*\}[ \t]*(?:#[^\n]*)?\n[ \t]*\Z", re.IGNORECASE)


class GiveUp(Exception):
    """The text is not one this parser reads exactly as Lark: use the Lark path."""


def read(source: Source) -> ast.Module | None:
    """The AST the Lark path builds for `source`, or None when only the Lark path
    can tell (a syntax error, or something this parser does not copy). It gives up
    rather than raise on any input."""
    read = read_reported(source)
    return read[0] if read is not None and not read[1] else None


def read_reported(source: Source) -> tuple[ast.Module, list[Diagnostic]] | None:
    """The AST and the syntax diagnostics the Lark path gives for `source`, or None
    when only the Lark path can tell. The errors read here are a text not closed
    on its line where a text fits (`description "Weekly full`, as it is typed),
    which the recovery reports (BKR007) and reads as `""` to the end of the line,
    a statement's last value missing before the next statement (`to disk
    pool`, as it is typed), which it reports (BKR010) and completes (`_missing`),
    and a keyword half typed at the end of its line (`retai`), which it reports
    (BKR012) and reads as the keyword it may mean, or skips (`_stray_statement`)."""
    try:
        parser = _Parser(source)
        return parser.module(), parser.reported(source)
    except GiveUp:
        return None


def unread_from(source: Source) -> int | None:
    """Where `read()` stops reading `source` as Lark reads it without an error: the
    start of the token it gives up at (a syntax error, or something it does not
    copy), or of the error it reads before (a text not closed on its line, the
    token a statement's last value is missing before); None when it reads the
    whole text clean; 0 when it gives up before its first token. Every
    token before it Lark reads without an error (the language server's indentation
    as you type reads the blocks closed above as empty up to there, `fmt.ontype`)."""
    try:
        parser = _Parser(source)
    except GiveUp:
        return 0
    try:
        parser.module()
    except GiveUp:
        pass  # at the token it gave up at, or at the error it read before it
    else:
        if parser.error_at is None:
            return None
    at = parser.i if parser.error_at is None else min(parser.i, parser.error_at)
    return parser.tokens[at][START]


def tokens_read(source: Source) -> int | None:
    """How many tokens `read()` reads of `source` when it reads it without an error
    (the count MAX_READ_AFTER_ERROR bounds), else None."""
    try:
        parser = _Parser(source)
        parser.module()
    except GiveUp:
        return None
    return len(parser.tokens) if parser.error_at is None else None


def read_tokens(source: Source) -> tuple[ast.Module, list[tuple[str, str, int, int]]] | None:
    """`read()`, and every token it read, in order, as (type, text, start offset,
    line): the type Lark's contextual lexer gives the token there, a keyword's
    lower-case spelling or `NAME`, `IMPORT_PATH`, `STRING`, `{`, `}`, `,`.
    None where `read()` gives up. The formatter lays a file out from these and
    the module, without Lark (bkrdsl/fmt/outline.py)."""
    try:
        parser = TypingParser(source)
        module = parser.module()
    except GiveUp:
        return None
    if parser.error_at is not None:
        return None  # an error: the formatter leaves the file as it is
    types = parser.types
    try:
        return module, [(types[k], tok[TEXT], tok[START], tok[LINE]) for k, tok in enumerate(parser.tokens[:-1])]
    except KeyError:  # a token read without `_next`: let Lark type them all rather than guess
        return None


def braces(text: str) -> list[tuple[str, int]]:
    """Every `{` and `}` of a text outside comments and strings, with its offset.

    The scanner's own tokens, read past characters no token starts with (where
    `scan` gives up): the language server folds the blocks of a broken file by
    them, whatever the parser's recovery made of it."""
    out = []
    for match in TOKEN.finditer(text):
        punctuation = match.group(6)
        if punctuation in ("{", "}"):
            out.append((punctuation, match.start() + len(match.group(1))))
    return out


#: The scanner reads a text in pieces of about this many characters, each cut after
#: a line end (no token spans one), so that it gives up at the first character no
#: token starts with having matched only the piece that holds it: one `findall`
#: over 20 MB of random text held a tuple of seven strings per token, 900 MB,
#: before it reached the character on line 1 that ends the fast path.
SCAN_PIECE = 1 << 16


def _pieces(text: str, size: int):
    """(start, end) of consecutive pieces of `text`, each ending after a line end
    (or at the end of the text), the first at least `size` characters long."""
    start, length = 0, len(text)
    while start < length:
        end = text.find("\n", start + size) + 1 or length
        yield start, end
        start = end


def _unclosed_text_end(text: str, start: int) -> int:
    """Where the recovery reads on after a text opened at `start` and not closed on
    its line (`Recovery._unclosed_text_end`): the end of the line. GiveUp where the
    line holds a `}` after it, which the recovery may take for the end of the text
    instead, as the blocks open around it tell."""
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    if "}" in text[start:end]:
        raise GiveUp
    return end


def scan(text: str) -> tuple[list[tuple], list[tuple], bool]:
    """(tokens, comments, colon_ended) of a text; comments are (start, line, column,
    first on its line, text), and an end token closes the token list; colon_ended
    tells whether a NAME token ends in `:` (`BKRBKUP:`, a REXX label). A text not
    closed on its line is one token of kind "u", to the end of the line, as the
    recovery reads it (BKR007); GiveUp on a second, and on any other character no
    token starts with."""
    tokens: list[tuple] = []
    comments: list[tuple] = []
    add = tokens.append
    pos = 0  # offset of the next match
    line = 1
    line_start = 0  # offset of the first character of `line`
    first = True  # no token on this line yet
    findall = _SCAN_TOKEN.findall
    unclosed = False  # a text not closed on its line was read
    colon_ended = False  # a NAME ending in `:` was read
    for piece_start, end in _pieces(text, SCAN_PIECE):
        start: int | None = piece_start
        while start is not None:  # again after an unclosed text, from the end of its line
            matches, start = findall(text, start, end), None
            for blanks, name, comment, word, string, punctuation, stray in matches:
                if blanks:
                    if "\n" in blanks:
                        line += blanks.count("\n")
                        line_start = pos + blanks.rindex("\n") + 1
                        first = True
                    pos += len(blanks)
                if name:
                    add(("n", name, pos, line, pos - line_start + 1, first))
                    pos += len(name)
                elif punctuation:
                    add((punctuation, punctuation, pos, line, pos - line_start + 1, first))
                    pos += 1
                elif comment:
                    comments.append((pos, line, pos - line_start + 1, first, comment))
                    pos += len(comment)
                    continue  # a comment runs to the end of its line
                elif string:
                    add(("s", string, pos, line, pos - line_start + 1, first))
                    pos += len(string)
                elif word:
                    if ":" in word and _NAME.fullmatch(word) is not None:  # a NAME holding `:` (_SCAN_TOKEN)
                        add(("n", word, pos, line, pos - line_start + 1, first))
                        colon_ended = colon_ended or word[-1] == ":"
                    else:
                        add(("w", word, pos, line, pos - line_start + 1, first))
                    pos += len(word)
                elif stray == '"' and not unclosed:
                    line_end = text.find("\n", pos)
                    if _CONTROL_IN_TEXT.search(text, pos, len(text) if line_end < 0 else line_end):
                        raise GiveUp  # a text holding a control character (_SCAN_TOKEN), not one unclosed
                    unclosed = True
                    start = _unclosed_text_end(text, pos)
                    add(("u", text[pos:start], pos, line, pos - line_start + 1, first))
                    pos, first = start, False
                    break  # the matches after the quote are not the recovery's
                elif stray:
                    raise GiveUp
                else:  # the end of the piece
                    continue
                first = False
    add(("$", "", pos, line, pos - line_start + 1, first))
    return tokens, comments, colon_ended


class _Parser:
    """Recursive descent over the scanned tokens, one method per grammar rule.

    `self.type` is the type of the current token, decided once, when the token
    before it was read (`_next`), from what Lark's parser state accepts there.
    """

    def __init__(self, source: Source):
        self.file = source.name
        self.text = source.text
        self.source = source
        #: Whether a NAME ends in `:` (`scan`): where none does, a group body's users
        #: need no test for a REXX label (`_group_users`).
        self.tokens, self.comments, self.colon_ended = scan(source.text)
        # Only a `##` line of its own documents (build.py); nothing but blanks can come
        # before a comment that is the first token on its line.
        self.docs = {
            line: doc_line(text) for _start, line, _column, first, text in self.comments if first and text.startswith("##")
        }
        self.i = -1
        self.type = ""
        self.members: list[ast.Member] = []  # the cluster's members read so far (`_cluster_body`)
        self.catalogs: list[ast.Catalog] = []  # the cluster's catalogs read so far (`_cluster_body`)
        self.unclosed: int | None = None  # the index of a text not closed on its line, once read
        #: The index of the token before which a statement's last value was found
        #: missing (`_missing`), once found, and that error.
        self.missing_at: int | None = None
        self.missing: Diagnostic | None = None
        #: A list's `,` with no name after it (`run on VMSYS1,` before a `}`): that error
        #: and the text its fix deletes, until the statement is found to need more than
        #: the name there (`_comma_removal`).
        self.comma_removal: tuple[Diagnostic, Span] | None = None
        #: Where the recovery meets that error, when later than `missing_at`: the `{` of the
        #: statement a group body read as user IDs (`_group_ends`); or the word at `stray_at`,
        #: when the recovery counts the tokens after it from the next (`_abbreviation_meant`).
        self.met_at: int | None = None
        #: The index of an option of `tape manager` read where the name before it is due
        #: (`_option_reread`), the name then missing.
        self.reread_at: int | None = None
        #: The index of the token where a catalog node's `on` is due (`tape`): an option
        #: line after it may be re-read so too (`_option_reread`).
        self.tape_on_at: int | None = None
        self.tape_node_at: int | None = None  # the index of a catalog node's name (`_on_left_out`)
        #: The index of an option line's keyword of `tape manager` read where a catalog's
        #: scope is due, skipped with its line (`_option_as_scope`): the catalog ends at it.
        self.scope_skipped_at: int | None = None
        self.lacks_a_brace: bool | None = None  # `_lacks_a_brace`, once counted
        #: The index of a word read where a statement starts that is no keyword
        #: (`_stray_statement`), once read; the keywords it may mean, if any (the
        #: error is then the value missing after it), else its error.
        self.stray_at: int | None = None
        self.respelt: list[str] = []
        #: a respelt keyword alone where its name is due (`_value_missing`): counted from the word
        self.name_due_after_respelt = False
        self.stray: Diagnostic | None = None
        #: The index of such a word skipped where a statement may go on (`_ambiguous_skipped`):
        #: the statement ends before it.
        self.skipped_at: int | None = None
        self.expire_at: int | None = None  # the index of the last `expire` read (`_brace_due_after_expire`)
        #: Whether the error at `missing_at` comes right after the word's at `stray_at` and the
        #: recovery reports both, the word's first: a block's `}` missing after a word
        #: skipped (`_brace_missing`).
        self.paired = False
        self.keyword_at = 0  # the index of the last keyword or `,` read (passed)
        #: The index of the token right after a volume list's last label, if any: a
        #: keyword there, on the label's line or alone on its own before a `}`, the
        #: recovery may read as one more label (`_value_missing`).
        self.after_label: int | None = None
        #: The index of the token at which the statement read may go on with the options
        #: named, if any (`_option_respelt`): a word there may mean one of them.
        self.options_open: tuple[int, frozenset[str]] = (-1, frozenset())
        #: After a statement of `_ONE_NAME_OPTIONS` that may go on there: the index of its
        #: first token, the options given and the one whose one name it ends with, if any
        #: (`_options_open_after`); None elsewhere (set again with `options_open`).
        self.options_statement: tuple[int, frozenset[str], str | None] | None = None
        #: The blocks open around the token read, outermost first: (kind, name, `{` token).
        self.blocks: list[tuple[str, str | None, tuple]] = []
        self.setting_at: int | None = None  # the index of the last `workers` or `job-suffix` read
        self.skip_end: int | None = None  # where the skip after a word that means no keyword stopped
        self.begun_at: int | None = None  # the index of a word read by `_statement_begun`
        #: A later error's index and where the skip after it stopped (`_manager_unexpected`), if any.
        self.later_skip_end: tuple[int, int] | None = None
        #: Errors read after such a word skipped (`_after_skip`), each at a token of its own
        #: after a statement read whole: (token index, the error) (`_reopened`).
        self.later: list[tuple[int, Diagnostic]] = []
        #: While the body of a group reopened is read (`_group_reopened`): the recovery reads
        #: a job's selection there as user IDs (`Recovery.in_group_body`: a body written only).
        self.group_reopened = False
        #: Whether an error in the body of a group reopened is in `later` (`_slip_in_group_reopened`).
        self.slip_in_group = False
        #: While a weekly schedule's days are read (`schedule`): a statement keyword that
        #: starts the line after the last, its statement going on on that line, is read as
        #: that keyword, the time missing (`_keyword_for_time`).
        self.days_open = False
        self.ended_open = False  # whether the file ended inside blocks, reported (`_never_closed`)
        self.clusters_joined = False  # whether a cluster closed early was reopened (`_cluster_closed_early`)
        self._next(KEYWORD)

    # ------------------------------------------------------------ tokens
    def _dirmaint_next(self, line: int) -> bool:
        """Whether the token after the current one (`DIRM`) is on its line and makes a DirMaint
        command of it (`FOR`, `ADD`, ...: _DIRMAINT_NEXT)."""
        following = self.tokens[self.i + 1]
        return following[LINE] == line and following[TEXT].lower() in _DIRMAINT_NEXT

    def _medium_next(self) -> bool:
        """Whether the token after the current one is a selection's medium on its line."""
        kind, text, _start, line, _column, _first = self.tokens[self.i + 1]
        return kind == "n" and text.lower() in _MEDIA and line == self.tokens[self.i][3]

    def _medium_left_out(self, diag: Diagnostic, previous) -> Diagnostic:
        """`diag`, a word missing after `previous`; after `include` or `exclude`, its
        help writes the selection the line's words mean (`include all minidisks`), else
        the statement's forms, as `Recovery.report_missing` says it
        (`messages.medium_left_out`)."""
        if previous[TEXT].lower() not in lexicon.ACTIONS:
            return diag
        from bkrdsl.syntax import messages

        rest = messages.line_from(self.text, previous[START] + len(previous[TEXT]))
        if previous[TEXT] == "INCLUDE" and messages.directory_profile_line(self.text, previous[START]):
            raise GiveUp  # `INCLUDE IBMDFLT`, a CP directory's line (Recovery.foreign_line)
        return messages.medium_left_out(diag, previous[TEXT], rest)

    def _line_names(self) -> list[str]:
        """The names on the current token's line from it on, to a token that is none (a
        `}`, a comment) or `match` (`misplaced_in_group`)."""
        line = self.tokens[self.i][LINE]
        names = []
        for kind, text, _start, at, _column, _first in itertools.islice(self.tokens, self.i, None):
            if kind != "n" or at != line or (names and text.lower() == "match"):
                break
            names.append(text)
        return names

    def _statement_line(self) -> bool:
        """Whether the current token's line, from its start or a `{` on it, starts with a
        statement keyword (`disk BKRBKUP 191 size 10 cyl` below a group whose `}` is
        missing): the statement's, not a part of one written among user IDs."""
        line, j = self.tokens[self.i][LINE], self.i
        while j > 0 and self.tokens[j - 1][LINE] == line and self.tokens[j - 1][KIND] != "{":
            j -= 1
        return j < self.i and self.tokens[j][TEXT].lower() in STATEMENT_KEYWORDS

    def _kind_before(self) -> bool:
        """Whether the current token, `group`, comes after `single` or `identity` on its
        line: a declaration, the statement's (`Recovery.misplaced_keyword`)."""
        kind, text, _start, line, _column, _first = self.tokens[self.i - 1]
        return kind == "n" and line == self.tokens[self.i][LINE] and text.lower() in ("single", "identity")

    def _count_before_unit(self) -> bool:
        """Whether the current token, a word in small letters, is a unit (`seconds`,
        `cyl`) after a number on its line in a group body, read as a user ID there (`30
        seconds`: `misplaced_in_group`, which the recovery asks at the number)."""
        kind, text, _start, line, _column, _first = self.tokens[self.i - 1]
        return (
            kind == "n"
            and text.isdigit()
            and line == self.tokens[self.i][LINE]
            and misplaced_in_group([text, *self._line_names()]) > 0
        )

    def _statement_later_on_line(self, line: int) -> bool:
        """Whether a statement keyword in small letters follows the current token on its
        line `line` (`pool BKUPPOOL to disk`): its words may be a statement's out of
        order, which the recovery reports (`Recovery.reordered`)."""
        for kind, text, _start, at, _column, _first in self.tokens[self.i + 1 :]:
            if at != line or kind != "n":
                return False
            if text in STATEMENT_KEYWORDS:
                return True
        return False

    def _entry_after_lead(self, text: str, line: int) -> bool:
        """Whether `USER` or `IDENTITY` (the current token, `text`, on line `line`) is the
        second word of its line, after one that starts it (`LNXDB2 USER LNXDB1 XXXXXXXX
        64M 128M G` in a group body): a CP directory entry with a word before it, which
        the recovery may report whole (`Recovery.foreign_in_group`)."""
        before = self.tokens[self.i - 1]
        return text in ("USER", "IDENTITY") and before[KIND] == "n" and before[LINE] == line and bool(before[FIRST])

    def _block_on_line(self) -> bool:
        """Whether the current token is followed on its line by a name and a `{`: `group
        GRP { A }`, a block declared where names are listed."""
        _kind, _text, _start, line, _column, _first = self.tokens[self.i]
        after = self.tokens[self.i + 1 : self.i + 3]
        return (
            len(after) == 2 and after[0][KIND] == "n" and after[1][KIND] == "{" and after[1][LINE] == line
        )

    def _next(self, lexing: Lexing) -> None:
        """Move to the next token and decide its type as Lark's contextual lexer would
        in the state `lexing` describes."""
        if self.type not in _VALUE_TYPES:
            self.keyword_at = self.i  # the statement's last keyword, or `,` (`_value_missing`)
        self.i += 1
        kind, text, _start, line, _column, first = self.tokens[self.i]
        if kind == "n":
            word = text.lower()
            if word in _HYPHEN_WORDS or ("_" in word and word.replace("_", "") in _HYPHEN_JOINED):
                self._hyphen_missing(word, line)
            if word in _HYPHENATED and word not in lexing.keywords and (lexing.closes or lexing.path):
                raise GiveUp  # in a block that does not take it, or as a path (Recovery.hyphen_judged)
            if word in lexing.keywords:
                self.type = word
            elif lexing.plain:
                if lexing.glue is not None and lexing.glue.match(word) is not None:
                    raise GiveUp  # perhaps keywords run together: Lark tells
                if first and word in _EXPIRE_ONLY and self._brace_due_after_expire():
                    self.type = word  # the block's `{` missing before it (`_open`)
                    return
                if first and self.days_open and self._keyword_for_time(word, line):
                    self.type = word  # the time missing before it (`_value_missing`)
                    return
                if first and lexing.keywords & _LIST_ENDS and _near_keyword(word, self.tokens[self.i + 1], line):
                    raise GiveUp  # perhaps a misspelt keyword after a list (Recovery.keyword_after_list)
                if (
                    first
                    and word in KEYWORDS  # before the set work: a user ID on its line is none
                    and lexing.keywords & _LIST_ENDS
                    and _keyword_then_one_that_fits(word, self.tokens[self.i + 1], lexing)
                ):
                    raise GiveUp  # perhaps two keywords swapped after a list (Recovery.keyword_after_list)
                if (
                    first
                    and text in KEYWORDS
                    and text not in STATEMENT_KEYWORDS
                    and lexing.keywords & _LIST_ENDS
                    and self._statement_later_on_line(line)
                ):
                    raise GiveUp  # perhaps a statement's words out of order after a list (Recovery.keyword_after_list)
                if first and "#" in text and text[: text.index("#")] in KEYWORDS:
                    raise GiveUp  # perhaps a statement's keyword with a `#` glued (Recovery.hash_in_name)
                if first and (word in _FOREIGN_WORDS or word in _COMMAND_WORDS) and lexing.keywords & _LIST_ENDS:
                    raise GiveUp  # perhaps a CP directory line after a list (Recovery.foreign_after_list)
                if first and word in _DIRMAINT_WORDS and lexing.keywords & _LIST_ENDS and self._dirmaint_next(line):
                    raise GiveUp  # a DirMaint command after a list (Recovery.foreign_after_list)
                if first and (text in PASTED_BELOW_LABELS or text[-1] == ":") and lexing.keywords & _LIST_ENDS:
                    raise GiveUp  # perhaps `EXIT`, `Q USERID` or a REXX label below a list (Recovery.foreign_after_list)
                if first and word == "end" and lexing.keywords & _LIST_ENDS:
                    raise GiveUp  # perhaps REXX's `end` for `}` after a list (Recovery.keyword_after_list)
                if lexing is GROUP and text[-1] == ":" and word != _MATCH_COLON:
                    # perhaps a REXX label, first on its line (`EXIT` below it: Recovery.below_rexx_label)
                    # or after users (Recovery.rexx_label_after_users), in any case: no user ID holds `:`
                    raise GiveUp
                if text == "*DVHOPT" and not first:
                    raise GiveUp  # DirMaint's options after a list's names (Recovery.dirmaint_after_list)
                foreign = lexing is GROUP and (word in _FOREIGN_WORDS or word in _COMMAND_WORDS) and (
                    first or self.tokens[self.i - 1][KIND] == "{" or self._entry_after_lead(text, line)
                )
                if foreign and _block_line_brace(self.tokens, self.i) is None:  # else perhaps the group's `}` missing
                    raise GiveUp  # perhaps a CP directory line in a group body (Recovery.foreign_in_group)
                if (
                    lexing is GROUP
                    and word in _DIRMAINT_WORDS
                    and (first or self.tokens[self.i - 1][KIND] == "{")
                    and self._dirmaint_next(line)
                ):
                    raise GiveUp  # a DirMaint command in a group body (Recovery.foreign_in_group)
                if lexing is GROUP and word == "and" and text != "AND":
                    raise GiveUp  # perhaps `and` between user IDs (Recovery.and_in_group)
                if lexing is GROUP and (word in MATCH_SYNONYMS and text == word or word == _MATCH_COLON):
                    following = self.tokens[self.i + 1]  # a pattern on its line: `match` meant
                    if following[KIND] == "n" and following[LINE] == line and (
                        word == _MATCH_COLON or any(c in following[TEXT] for c in "*%?")
                    ):
                        raise GiveUp  # (Recovery.match_synonym, match_colon)
                if lexing is GROUP and word in ("include", "exclude") and self._medium_next() and not self.group_reopened:
                    raise GiveUp  # a job's selection in a group body (Recovery.selection_in_group)
                if lexing is GROUP and text in ("disk", "catalog", "tape") and first:
                    # perhaps a cluster's `disk`, `catalog` or `tape manager` line in a group body (Recovery.disk_in_group)
                    raise GiveUp
                if lexing is GROUP and text == "INCLUDE" and first:
                    # a CP directory's INCLUDE PROFILE, or `INCLUDE IBMDFLT`, in a group body (Recovery.foreign_in_group)
                    raise GiveUp
                if (
                    lexing is GROUP
                    and word in PLACE_WORDS
                    and text != text.upper()
                    and (misplaced_in_group(self._line_names()) or self._count_before_unit())
                    and not self._statement_line()
                ):
                    raise GiveUp  # a statement's part in a group body (Recovery.phrase_in_group)
                if lexing is GROUP and word == "group" and self._block_on_line() and not self._kind_before():
                    raise GiveUp  # a group declared in a group body (Recovery.group_in_list)
                self.type = T_NAME
            elif not lexing.names:
                if self.tape_node_at == self.i - 1 and self._on_left_out(word):
                    self.type = T_NAME  # a catalog node's member, its `on` missing before it
                    return
                if lexing is not KEYWORD or not _typed_alone(word, self.tokens[self.i + 1], line):
                    raise GiveUp  # not a keyword; Lark might read a keyword at its start
                if text in _REXX_ALONE or text in DIRECTORY_WORDS_ALONE:
                    raise GiveUp  # REXX's `EXIT`, `NAMESAVE` alone on its line (Recovery.foreign_line)
                if word == "hourly":
                    raise GiveUp  # more than once a day, `run on` left out (Recovery.phrase_without_run)
                # perhaps a keyword half typed: the block's loop decides (or the statement,
                # where no keyword starts it)
                self.type = T_STRAY_AFTER_KEYWORD if _keywords_starting(word) else T_STRAY
            elif lexing.path and IMPORT_PATH_RE.fullmatch(text) is None:
                raise GiveUp
            elif not lexing.closes and first and word in STATEMENT_KEYWORDS:
                # The recovery's hook re-reads it as the keyword (`Recovery.name_token`):
                # the statement above lacks its last value, which `_expect` reports.
                self.type = word
            elif not lexing.closes and first and word in _TAPE_VALUES and self._option_reread():
                self.type = word  # the name before it missing, which `_expect` reports
            elif lexing.glue is not None and lexing.glue.match(word) is not None:
                raise GiveUp  # perhaps keywords run together (`on eachmember`): Lark tells
            else:
                self.type = T_PATH if lexing.path else T_NAME
        elif kind == "w":
            # A word no NAME matches whole (it never spells a keyword): only an import
            # path may look like that.
            if not lexing.path or IMPORT_PATH_RE.fullmatch(text) is None:
                raise GiveUp
            self.type = T_PATH
        elif kind == "s":
            self.type = T_STRING
        elif kind == "u":
            self.type = T_STRING  # the recovery reads it as `""` where a STRING fits
            self.unclosed = self.i
        elif kind == "$":
            self.type = T_END
        else:
            self.type = kind

    def _option_reread(self) -> bool:
        """Whether the current token, an option of `tape manager` that starts its line
        where the name after the option before it is due (`request-node`, then
        `catalog-dmm TCDMM` on the next line), with a value after it on its line, is
        read as that option, the name before it missing: Lark reads it as the name,
        meets the error at the token after it, and the recovery re-reads the line as the
        statement's (`Recovery.reread_statement`), with BKR010 for the name missing
        (`_value_missing`, `_option_goes_on`); so after a catalog node's `on`, its
        member missing (or `o`, respelt `on`: one BKR012). Not after `catalog-node`,
        where the recovery reads the option as the node's name, `on` missing before its
        value (`_on_left_out`); nor after an error read before; nor
        before a value that a keyword starts, which Lark's lexer, in the state after the
        name it read, where no name fits, reads apart (`TAPEDMM`: `tape`)."""
        previous, following = self.tokens[self.i - 1], self.tokens[self.i + 1]
        if self.error_at is not None and not (self.respelt and self.stray_at == self.i - 1):
            return False
        after_on = self.tape_on_at == self.i - 1  # a catalog node's `on` (or `o`, respelt), its member due
        if (
            previous[TEXT].lower() not in _LISTED_TAPE_OPTIONS
            and not (self.respelt and self.respelt[0] in _LISTED_TAPE_OPTIONS)
            and not after_on
        ):
            return False
        if following[LINE] != self.tokens[self.i][LINE] or following[KIND] != "n":
            return False
        if _keywords_starting(following[TEXT].lower()):
            return False  # Lark's state after the name takes no name: a keyword at its start read apart (`TAPEDMM`)
        self.reread_at = self.i
        if self.met_at is None and not (after_on and self.respelt):
            # after `request-n` respelt, the recovery counts from it (`_option_respelt`);
            # after `o` respelt `on`, from the token after it, as after any word respelt
            self.met_at = self.i + 1
        return True

    def _on_left_out(self, word: str) -> bool:
        """Whether the current token, a name on the line of the catalog node's name
        before it, where only `on` fits, is read as the node's member, `on` missing
        before it: only where that name is an option of `tape manager` that starts the
        line after `catalog-node` (`catalog-node`, then `catalog-dmm TCDMM ...` on the
        next line; `catalog-node` again is written twice to the recovery), which Lark
        reads as the node's name; the recovery completes the
        statement with `on` (`Recovery.mid_statement`), reports it
        (`Recovery.report_missing`, with the fix that inserts it: `on_left_out`; a second
        error on the line would be another) and reads the line on as the statement's.
        Not after an error read before, nor on a word a keyword starts, which Lark's
        lexer reads apart there."""
        from bkrdsl.syntax import messages

        previous, tok = self.tokens[self.i - 1], self.tokens[self.i]
        if self.error_at is not None or tok[KIND] != "n" or not previous[FIRST] or previous[LINE] != tok[LINE]:
            return False
        if previous[TEXT].lower() not in _LISTED_TAPE_OPTIONS or _keywords_starting(word):
            return False  # `catalog-node` again: written twice (`Recovery.keyword_twice`)
        where = self._span(previous, previous)
        after = f" after {messages.shown(previous[TEXT])}"
        members = [m.name.text for m in self.members]  # the help names them, as `_keyword_missing`'s
        diag = messages.missing_other("`on`", after, messages.shown(tok[TEXT]), where, "ON", members=members)
        self.missing = messages.on_left_out(diag, self._span(tok, tok))
        self.missing_at = self.i
        return True

    def _brace_due_after_expire(self) -> bool:
        """Whether the current token starts the line after `expire on NAME`, the block's
        `{` not typed yet (`expire on ZVMA`, then `preview daily 01:00`): Lark reads a
        word there as a name (LALR shares the state after a name with a `run`'s
        members), which does not fit, and the recovery re-reads it as the statement
        keyword it spells, before which the `{` is missing (`Recovery.mid_statement`)."""
        return self.expire_at == self.i - 3 and self.tokens[self.i - 1][KIND] == "n"

    @property
    def error_at(self) -> int | None:
        """The index of the token of the first error read, if any."""
        found = [at for at in (self.unclosed, self.stray_at, self.missing_at) if at is not None]
        return min(found) if found else None

    def reported(self, source: Source) -> list[Diagnostic]:
        """What the recovery reports of the text read (the module read whole): a text
        not closed on its line (BKR007), a statement's last value missing (BKR010), a
        keyword half typed (BKR012, with the value missing after it if it is), or
        nothing. GiveUp on two (but a word skipped, then errors each after a
        statement read: `_after_skip`), where the recovery would also stop reading after it
        (more than MAX_READ_AFTER_ERROR tokens follow), or judge the file another
        language at its first error (`Recovery._sniff`)."""
        at = self.error_at
        if at is None:
            return []
        from bkrdsl.syntax import messages

        # A misspelt keyword and the value missing right after it are one error (`_value_missing`);
        # a word and the error of the token right after it, both reported, a pair (`paired`).
        merged = self.paired or (self.respelt and self.stray_at is not None and self.missing_at == self.stray_at + 1)
        errors = (self.unclosed is not None) + (self.stray_at is not None) + (self.missing_at is not None and not merged)
        apart = not merged and self.unclosed is None and (
            self._after_skip(self.missing_at) or (self.slip_in_group and self.missing_at is None)
        )
        if (errors > 1 or self.later) and not apart:
            raise GiveUp  # two errors: how the recovery's repairs meet is for it to tell
        # The recovery counts from the token after a stray word (the one it reads first).
        counted_from = at + (at == self.stray_at and not self.name_due_after_respelt)
        if self.met_at is not None and (at == self.missing_at or at == self.stray_at):
            # the token Lark met the error at, after the words it re-read; or the word
            # itself, which it reads (`_abbreviation_meant`), counting from the next
            counted_from = self.met_at
        if len(self.tokens) - 2 - counted_from > MAX_READ_AFTER_ERROR or messages.sniff_language(source.text) is not None:
            raise GiveUp
        self.missing = self._comma_removal(self.missing)
        if apart and (errors > 1 or self.later):
            # a word skipped, then errors each after a statement read: in the order read
            found = [(self.stray_at, self.stray), *self.later]
            if self.missing_at is not None:
                found.append((self.missing_at, self.missing))
            return [diag for _at, diag in sorted(found, key=lambda pair: pair[0])]
        if self.missing is not None:
            return [self.stray, self.missing] if self.paired else [self.missing]
        if self.stray is not None:
            return [self.stray]
        if self.respelt:  # the statement whole after it (`to dis`): the word misspelt
            tok = self.tokens[self.stray_at]
            return [messages.unknown_keyword(messages.shown(tok[TEXT]), self.respelt, self._span(tok, tok))]
        _kind, text, start, _line, _column, _first = self.tokens[self.unclosed]
        return [messages.unterminated_string(source.span(start, start + len(text)))]

    def _after_skip(self, at: int | None) -> bool:
        """Whether an error at token `at` (None: none) comes after the first error read,
        a word that means no keyword skipped to the next statement (`_stray_statement`,
        the recovery's `skip_statement`), and after a token read past where that skip
        stopped: the recovery then reads on from the state a clean parse has there, and
        reports the error as its own (it drops a second error only at the token of the
        one before, or with nothing read in between: `Recovery.report`, `quiet`)."""
        stray, stop = self.stray_at, self.skip_end
        if stray is None or stop is None or self.stray is None or not stray < stop:
            return False
        return at is None or at > stop

    def _hyphen_missing(self, word: str, line: int) -> None:
        """Give up on `jobsuffix`, `job_suffix`, or `job` before `suffix` on its line."""
        seconds = _HYPHEN_SECONDS.get(word)
        if seconds is None:
            raise GiveUp
        following = self.tokens[self.i + 1]
        if following[LINE] == line and following[TEXT].lower() in seconds:
            raise GiveUp

    def _stray_statement(self, block: str | None) -> bool:
        """Where a statement of `block` (None: the top level) starts, the current token
        is no statement keyword; read it as the recovery does, or GiveUp. A word alone
        on its line (`_half_typed`) that is a statement keyword misspelt or half typed
        (`retai`) is read as the keyword (`Recovery.misspelt`), where it fits, and the
        statement's value is then missing (`_value_missing`); a word that is none
        (`r`) is an error and skipped (`Recovery.stray_name`) up to where the recovery's
        skip stops (`_skip_end`): the block's `}`, a statement keyword of the block, or
        a block's keyword starting its line (`_skip_stops_at`: the block's `}` is then
        missing, `_brace_missing`), or the end of the file (`_never_closed`); after a
        member's `workers` or `job-suffix` statement, or after a statement that may go on
        with options (`catalog shared s`, `_options_open_after`), the recovery's error is its
        `word_after_statement` (`_word_after_statement`, `_word_after_options`). The word may also follow the block's `{` on its line (`member
        ZVMB { worke`), and, in a block whose statements take no option after a word
        that is no keyword (`_OPTIONLESS_BLOCKS`), a statement on its line (`member M {
        workers 2  priva`), where it is read as a keyword. True where the block ends
        here, its `}` missing, unsaid after an error (`_unsaid_close`) or reported
        (`_brace_missing`, `_never_closed`)."""
        from bkrdsl.syntax import messages

        if block is not None and (self._unsaid_close() or self._brace_missing(block) or self._never_closed()):
            return True
        if self.type == T_STRAY_AFTER_KEYWORD:
            self._read_whole()
        if self.type != T_STRAY or self.error_at is not None:
            raise GiveUp  # a keyword of no block around, a name, a text; or a second error
        after_statement = not self._starts_statement()
        going_on = after_statement and self._options_go_on()
        if after_statement and block not in _OPTIONLESS_BLOCKS and not going_on:
            raise GiveUp  # perhaps an option of the statement before it: the recovery weighs them
        if after_statement and not going_on and self._value_spells_statement(block):
            raise GiveUp  # `job-suffix workers k`: the recovery re-reads `workers k` (found by .ci/explore 38003)
        tok, following = self.tokens[self.i], self.tokens[self.i + 1]
        statements = BLOCK_STATEMENTS[block]
        self.stray_at = self.i
        # The recovery looks among what the state accepts first, the block's statements
        # (`volume` in a member block is `private-volume` alone, in the cluster's
        # `shared-volume`), then, where a statement starts, among all statement keywords
        # for a word of three letters or more (`messages.statement_meant`: `t` is not
        # `to` in a cluster block); no English synonym after a statement that may go on
        # with options.
        words = messages.did_you_mean(tok[TEXT], statements, synonyms=not going_on)
        at, options = self.options_open
        ambiguous = None
        if at == self.i and (
            messages.did_you_mean(tok[TEXT], statements | options, synonyms=not going_on) != words
            or messages.abbreviated(tok[TEXT], options)
        ):
            # perhaps an option of the statement before, on the line above (`cat` after
            # `tape ...`, `req` after `catalog-dmm D`: ambiguous to the recovery)
            ambiguous = self._ambiguous_before_keyword(options, statements, going_on)
            if ambiguous is None:
                if self._catalog_meant(options, statements):
                    return False  # read as `catalog`
                raise GiveUp
        if not words and not after_statement:
            words = messages.statement_meant(tok[TEXT], statements, STATEMENT_KEYWORDS, block=block, first=tok[FIRST])
        again = tok[TEXT].upper() == self.tokens[self.i - 1][TEXT].upper()  # the word written again: too many
        if not words and after_statement and not going_on and not again and (following[LINE] != tok[LINE] or following[KIND] == "}"):
            # `workers 2  p`: a statement of the block being typed, as `pri` is read
            # (`Recovery.keyword_begun_after_statement`), not a value without its keyword
            words = messages.begun(tok[TEXT], statements)
        if words:
            if going_on:
                raise GiveUp  # a statement respelt after one that may go on: the recovery weighs it
            if words[0] not in statements:
                raise GiveUp  # a keyword of another block: the recovery says where it goes
            if after_statement and not self._closes_block(following, statements):
                raise GiveUp  # the recovery may read the next statement with it (`desc`, then `private-volume P`)
            self.respelt = words
            self.type = words[0]
            return False
        stop = self._skip_end(statements)
        if after_statement:
            # The recovery looks at the token after the word first (`Recovery.peek_token`),
            # which keeps the comments before it; its skip drops those after it.
            self._skip_comments(following[START], self.tokens[stop][START])
            self.stray = self._word_after_statement(block)
            if ambiguous is not None:  # reported first: the recovery's report after it, of the same token, is dropped
                self.stray = ambiguous
        else:
            if block == "cluster" and _GROUP_EMPTIED.search(self.text, max(0, tok[START] - 400), tok[START]):
                raise GiveUp  # a group's body below its `{ }`: the recovery moves the `}` (group_body_below)
            self._skip_comments(tok[START], self.tokens[stop][START])
            where = messages.in_block(block) if block else "the top level of a file"
            starts = sorted(statements)
            tape = messages.tape_setting(tok[TEXT], block)
            brace = self.blocks[-1][2] if tape else None  # the job's (messages.job_medium)
            disk = brace is not None and brace[KIND] == "{" and messages.job_medium(self.text, brace[START]) == "disk"
            self.stray = messages.not_a_keyword(
                messages.shown(tok[TEXT]), where, starts, self._span(tok, tok), tape=tape, disk=disk
            )
        self.skip_end = stop
        # After volume labels (`_begun_after_labels`), or a word that ends a minidisk
        # selection's addresses (`_statement_begun`), Lark's state is still the list's.
        after_labels = not after_statement and self.after_label == self.stray_at
        self.i = stop - 1  # the tokens skipped are read no more
        self._next(MORE if after_labels or self.begun_at == self.stray_at else KEYWORD)
        return False

    def _skip_end(self, statements: frozenset[str]) -> int:
        """The index of the token at which the recovery's skip after the current token, a
        word that means no keyword, stops (`Recovery.skip_statement`): the block's `}`
        (a `{ ... }` on the way is stepped over whole), one of its `statements`, or
        where `_skip_stops_at`; the lines on the way (`member DEV1 { w`, then a
        `shared-volume` and a `disk` line, then `expire`) are not read. GiveUp where
        it would run to the end of the file, or steps over a text not closed or a
        word no name matches (where its pattern may find a keyword the scanner does not)."""
        tokens = self.tokens
        depth = 0
        k = self.i + 1
        while True:
            tok = tokens[k]
            kind = tok[KIND]
            if kind == "n":
                if depth == 0 and (tok[TEXT].lower() in statements or _skip_stops_at(tok)):
                    return k
            elif kind == "}":
                if depth == 0:
                    return k
                depth -= 1
            elif kind == "{":
                depth += 1
            elif kind == "$":
                if not self.blocks:
                    raise GiveUp  # at the top level: the recovery's end of the file
                return k  # the blocks then never closed (`_never_closed`)
            elif kind in ("u", "w"):
                raise GiveUp
            k += 1

    def _skip_comments(self, start: int, end: int) -> None:
        """Drop the comments between offsets `start` and `end`, which the recovery's skip
        steps over without keeping them (`Recovery.skip_statement`: the module's
        comments lack them, and a `##` among them documents nothing)."""
        if any(start < comment[0] < end for comment in self.comments):
            self.comments = [comment for comment in self.comments if not start < comment[0] < end]
            self.docs = {
                line: doc_line(text)
                for _start, line, _column, first, text in self.comments
                if first and text.startswith("##")
            }

    def _word_after_statement(self, block: str) -> Diagnostic:
        """The current token, a word last on its line that means no keyword, right after
        a `workers` or `job-suffix` statement on its line (`member M { workers 2  p`,
        `_OPTIONLESS_BLOCKS`): the recovery reports it (`Recovery.word_after_statement`)
        as a value whose keyword is missing, naming the block's other statements that
        take one name (`messages.value_without_keyword`, `Recovery.keywords_for_value`),
        or, after the one name of a keyword that takes no more (`job-suffix A  p`) or
        after the word itself (`workers 2  2`), as one word too many
        (`messages.word_after_statement`); then skips it as a word that means none. GiveUp
        elsewhere: another statement, a time before it (the recovery's special cases)."""
        from bkrdsl.syntax import messages

        if self._options_go_on():
            return self._word_after_options(block)
        tok, previous = self.tokens[self.i], self.tokens[self.i - 1]
        if "#" in previous[TEXT]:
            raise GiveUp  # `workers 4#four planned`: perhaps a comment glued (`Recovery.comment_glued`)
        first = self.tokens[self.setting_at] if self.setting_at is not None else None
        if first is None or self.setting_at != self.i - 2 or first[LINE] != tok[LINE]:
            raise GiveUp  # not right after a `workers` or `job-suffix` statement on its line
        if tok[TEXT].lower() in KEYWORDS or messages.looks_like_time(previous[TEXT]):
            raise GiveUp  # `workers 4 each`, a time: the recovery's special cases
        if messages.did_you_mean(tok[TEXT], STATEMENT_KEYWORDS):
            raise GiveUp  # the recovery respells it among all statements (`jo`: `job`)
        keyword = first[TEXT].lower()
        name, last = keyword, messages.shown(previous[TEXT])
        statement = f"{first[TEXT]} {previous[TEXT]}"
        span = self._span(tok, tok)
        one_value = None if previous[TEXT].isdigit() else keyword  # a name, not a number: its one value
        if tok[TEXT].upper() == previous[TEXT].upper():  # the word written again: removing it mends
            if tok[TEXT].lower() in messages.DISK_UNIT_WORDS:
                raise GiveUp  # `Recovery.unit_twice`
            blank = self._end_of(previous)  # the word with the blanks before it (`Recovery.blank_and`)
            remove = Span(self.file, tok[LINE], blank.column, tok[LINE], span.end_column, blank.start, span.end)
            shown = messages.shown(tok[TEXT])
            return messages.word_after_statement(shown, name, last, statement, None, span, remove, one_value=one_value)
        if one_value is None:
            keywords = sorted(_ONE_NAME_STATEMENTS[block] - {keyword})
            return messages.value_without_keyword(tok[TEXT], name, last, statement, keywords, span)
        return messages.word_after_statement(
            messages.shown(tok[TEXT]), name, last, statement, None, span, None, one_value=one_value
        )

    def _word_after_options(self, block: str) -> Diagnostic:
        """The current token, a word last on its line that means no keyword, right after
        a statement that may go on with options (`catalog shared s`, `run on each
        member w`, `tape manager shared c`, `_options_open_after`): the recovery reports it
        (`Recovery.word_after_statement`) as a value whose keyword is missing, naming the
        statement's options that take one name (`messages.value_without_keyword`,
        `Recovery.keywords_for_value`, `_ONE_NAME_OPTIONS`), or, where one of those is
        given already (`catalog shared server S  p`) or the word repeats the one before
        it, as one word too many (`messages.word_after_statement`, which names the option
        whose one value ends the statement); on a line below the statement's first
        (`tape manager ...`, then `catalog-dmm D  r`), as no keyword of the statement
        nor one that starts a statement, naming its options (`messages.not_a_keyword`,
        `Recovery.stray_name`). Then the recovery skips it as a word that means none.
        GiveUp on a word the recovery reads otherwise: a keyword of another place,
        `and`, a statement respelt, a schedule in other words, after a time."""
        from bkrdsl.syntax import messages

        options_open = self.options_open[1]
        start, given, one_value = self.options_statement
        tok, previous, first = self.tokens[self.i], self.tokens[self.i - 1], self.tokens[start]
        word, kind = tok[TEXT].lower(), first[TEXT].lower()
        if word in KEYWORDS or word == "and" or messages.looks_like_time(previous[TEXT]):
            raise GiveUp  # a keyword's own message, names joined (`Recovery.list_joined`), a time's
        if "#" in previous[TEXT]:
            raise GiveUp  # `catalog ... on VMSYS1#x planned`: perhaps a comment glued (`Recovery.comment_glued`)
        if _keywords_starting(word) or _hyphenated_like(word):
            # `onto`, `pool-w`: LALR shares the state after `tape manager shared` with
            # `catalog shared`, whose options Lark's lexer then reads apart
            raise GiveUp
        if messages.did_you_mean(tok[TEXT], STATEMENT_KEYWORDS):
            raise GiveUp  # the recovery respells it among all statements
        following = self.tokens[self.i + 1]
        if (
            first[LINE] == tok[LINE]
            and tok[TEXT].upper() != previous[TEXT].upper()
            and (following[LINE] != tok[LINE] or following[KIND] == "}")
            and messages.begun(tok[TEXT], options_open | STATEMENT_KEYWORDS)
        ):
            raise GiveUp  # a keyword being typed (`Recovery.keyword_begun_after_statement`)
        if self._value_spells_keyword():
            raise GiveUp  # `on`, then `catalog-dmm` below: the recovery re-reads it as the keyword
        if _glued_keyword(previous[TEXT]) or _glued_keyword(tok[TEXT]):
            raise GiveUp  # a name and a keyword run together (`CDrequest-dmm`: `Recovery.name_glued`)
        if given and one_value is None:
            raise GiveUp  # after a wait's unit (`logon-wait 5 min  p`): the recovery weighs the wait's keywords
        if self.tokens[self.i + 1][TEXT].lower() in _WAITS:
            raise GiveUp  # before a wait (`logon-wait 5 min` below): the recovery reads the word as a wait's count
        if kind == "run" and (word in messages.SCHEDULE_WORDS or messages.looks_like_schedule(tok[TEXT])):
            raise GiveUp  # a schedule in other words (`Recovery.unknown_schedule`, `schedule_phrase`)
        name = "tape manager" if kind == "tape" else kind
        span = self._span(tok, tok)
        if first[LINE] != tok[LINE]:
            options = sorted(options_open)
            where, starts = messages.in_block(block), sorted(BLOCK_STATEMENTS[block])
            return messages.not_a_keyword(messages.shown(tok[TEXT]), where, starts, span, options, name)
        statement = " ".join(self.text[first[START] : previous[START] + len(previous[TEXT])].split())
        last = messages.shown(previous[TEXT])
        if previous[TEXT].isdigit():
            one_value = None  # a number, not a name: `Recovery.one_value_keyword`
        if tok[TEXT].upper() == previous[TEXT].upper():  # the word written again: removing it mends
            if word in messages.DISK_UNIT_WORDS:
                raise GiveUp  # `Recovery.unit_twice`
            blank = self._end_of(previous)  # the word with the blanks before it (`Recovery.blank_and`)
            remove = Span(self.file, tok[LINE], blank.column, tok[LINE], span.end_column, blank.start, span.end)
            shown = messages.shown(tok[TEXT])
            return messages.word_after_statement(shown, name, last, statement, None, span, remove, one_value=one_value)
        options = _ONE_NAME_OPTIONS[kind]
        if not options & given:
            return messages.value_without_keyword(tok[TEXT], name, last, statement, sorted(options), span)
        return messages.word_after_statement(
            messages.shown(tok[TEXT]), name, last, statement, None, span, None, one_value=one_value
        )

    def _read_whole(self) -> None:
        """The current token, a word that a keyword starts (`T_STRAY_AFTER_KEYWORD`),
        where a statement starts or after one: Lark's state there accepts the block's
        statements and the options of the statement before it, if open at the word (and,
        LALR sharing states, perhaps another block's statements: all are counted). Where
        it accepts none of the keywords the word starts with, Lark's lexer reads the word
        whole as a name, as a word that no keyword starts (`T_STRAY`); GiveUp elsewhere,
        and on a word close to a hyphenated keyword as long (`Recovery.hyphen_form`)."""
        at, options = self.options_open
        accepted = STATEMENT_KEYWORDS | (options if at == self.i else frozenset())
        word = self.tokens[self.i][TEXT]
        if _keywords_starting(word.lower()) & accepted or _hyphenated_like(word):
            raise GiveUp  # Lark's lexer reads a keyword at its start, in any case (`DISKU`)
        self.type = T_STRAY

    @staticmethod
    def _closes_block(following: tuple, statements: frozenset[str]) -> bool:
        """Whether `following`, the token after a word, ends the block of `statements`
        there: its `}`, the end of the file, or a statement keyword that it lacks."""
        kind = following[KIND]
        return kind in ("}", "$") or (kind == "n" and following[TEXT].lower() in STATEMENT_KEYWORDS - statements)

    def _starts_statement(self) -> bool:
        """Whether the current token is first on its line or right after a block's `{`."""
        return self.tokens[self.i][FIRST] or self.tokens[self.i - 1][KIND] == "{"

    def _unsaid_close(self) -> bool:
        """Whether the block read ends before the current token, a statement keyword
        that starts its line where the statement above was found to lack its value
        (`member ZVMB { worke`, then the next member): the recovery closes the block
        there without a word, a cascade of the error just reported (`Recovery.quiet`,
        `misplaced_keyword`), where the file lacks a `}` (`closes_there`); and where
        the block's `{` was missing right before it (`member M` or `member`, then the
        next member: `_open_missing`, `_missing`), so that it stands for the `{`: the
        recovery opens the block and closes it empty. The blocks outside decide
        whether the keyword fits."""
        if self.missing_at != self.i or self.type not in STATEMENT_KEYWORDS:
            return False
        return self._opened_here() or self._lacks_a_brace()

    def _opened_here(self) -> bool:
        """Whether the innermost block's `{` was missing before the current token (its
        placeholder stands there), but in a job before `disk` or `tape`, which the
        recovery may read as a destination without its `to` (`Recovery.medium_without_to`).
        False at the top level (a group body is no block of `self.blocks`)."""
        if not self.blocks:
            return False
        kind, _name, brace = self.blocks[-1]
        return brace is self.tokens[self.i] and not (kind == "job" and self.type in _SECOND_STATEMENT_WORDS)

    def _lacks_a_brace(self) -> bool:
        """Whether the file has more `{` than `}`, outside comments and texts, counted
        as the recovery counts them (`messages.brace_balance`, where a `#` inside a name
        starts a comment too; counted once: a group body asks at each user ID that
        spells a keyword)."""
        if self.lacks_a_brace is None:
            from bkrdsl.syntax import messages

            self.lacks_a_brace = messages.brace_balance(self.text) > 0
        return self.lacks_a_brace

    def _brace_missing(self, block: str) -> bool:
        """Whether the block read (of kind `block`) ends before the current token, a
        statement keyword that starts its line and fits only once the block (and the
        cluster around it, perhaps) is closed, where nothing was wrong before (but a
        word skipped right before it, whose error comes first: `paired`) and the
        file lacks a `}` (`member M { workers 2`, then the next member): the recovery
        reports the `}` missing there (BKR005, `messages.not_closed_before`, naming
        the blocks it closes) and closes them (`Recovery.misplaced_keyword`,
        `closes_there`); the blocks outside close as after `_unsaid_close`. A job's
        `disk` or `tape` may be a destination without its `to`
        (`Recovery.medium_without_to`): left to the recovery."""
        tok = self.tokens[self.i]
        keyword = self.type
        skipped = self._skipped_before()
        if (self.error_at is not None and not skipped) or not tok[FIRST] or keyword not in STATEMENT_KEYWORDS:
            return False
        if block == "job" and keyword in _SECOND_STATEMENT_WORDS:
            return False
        if not self._lacks_a_brace():
            return False  # written inside the block, the recovery says (`Recovery.written_inside`)
        from bkrdsl.syntax import messages

        outer = [None, *(kind for kind, _name, _brace in self.blocks)]
        count = next((n for n in range(1, len(self.blocks) + 1) if keyword in BLOCK_STATEMENTS[outer[-n - 1]]), None)
        if count is None:
            return False
        closed = [
            (_Titled(messages.block_title(kind, name or None)), self._span(brace, brace))
            for kind, name, brace in self.blocks[-count:]
        ]
        self.missing = messages.not_closed_before(tok[TEXT], closed, self._span(tok, tok), source=self.source)
        self.missing_at = self.i
        self.paired = skipped  # after the word skipped, its error first (`_stray_statement`)
        return True

    def _never_closed(self) -> bool:
        """Whether the file ends (the current token) inside the blocks open, where nothing
        was wrong before (the last `}` deleted while typing): the recovery reports the
        innermost block's `{` never closed, naming the blocks around it (BKR005,
        `messages.never_closed`, `Recovery.at_end`), and closes them all there. True in
        each of their loops; the innermost reports."""
        if self.type != T_END:
            return False
        if self.ended_open:
            return True
        skipped = self._skipped_before()
        if self.error_at is not None and not skipped:
            return False
        from bkrdsl.syntax import messages

        closed = [
            (_Titled(messages.block_title(kind, name or None)), self._span(brace, brace))
            for kind, name, brace in self.blocks
        ]
        self.paired = skipped  # after the word skipped to the end, its error first (`_stray_statement`)
        end = len(self.text.rstrip())  # `Recovery.end_span`: after the last character not blank
        self.missing = messages.never_closed(closed, self.source.span(end, end), self.source)
        self.missing_at = self.i
        self.ended_open = True
        return True

    def _skipped_before(self) -> bool:
        """Whether the one error read is a word that means no keyword right before the
        current token, skipped (`_stray_statement`, with the lines the recovery's skip
        steps over, `_skip_end`), and nothing else."""
        skipped = self.stray_at == self.i - 1 or self.skip_end == self.i  # the word, or the lines after it
        return skipped and self.stray is not None and not self.respelt and self.missing_at is None

    def _group_ends(self, name: str, brace_at: int, entries: list) -> bool:
        """Whether group `name`'s body (its `{` token `brace_at`, the `entries` read)
        ends before the current token, a user ID that spells a keyword and starts its
        line, where that line is a block's opening statement that fits the block
        around the group (`single group LINUX { LNX01`, then `single group CMS {`),
        nothing was wrong before and the file lacks a `}`. The body reads the line as
        user IDs up to its `{`; there the recovery re-reads the body (`Recovery.reread`,
        `_close_edits`) from its first word that spells a keyword and starts a line, if
        the statement read from it fits, reports the group's `}` missing before it
        (BKR005, `messages.not_closed_before`) and reads on from it. GiveUp where
        such a word was read in the body before (`disk` read as a user ID, then `job J
        {`), or the body is one the recovery does not re-read (too long)."""
        tok = self.tokens[self.i]
        word = tok[TEXT].lower()
        if word not in KEYWORDS or not tok[FIRST] or not self._lacks_a_brace():
            return False  # a user ID, or the braces balance: written inside (BKR013)
        if self.error_at is not None or any(self._keyword_line(entry) for entry in entries):
            raise GiveUp  # a second error; or the recovery may end the body before
        end = _block_line_brace(self.tokens, self.i)
        around = self.blocks[-1][0] if self.blocks else None
        if end is None or word not in BLOCK_STATEMENTS[around]:
            raise GiveUp  # the recovery may end the body here all the same, or later
        if end - brace_at > _REREAD_LEAVES:
            raise GiveUp  # a long body, which the recovery does not re-read
        from bkrdsl.syntax import messages

        brace = self.tokens[brace_at]
        closed = [(_Titled(messages.block_title("group_decl", name)), self._span(brace, brace))]
        self.missing = messages.not_closed_before(tok[TEXT], closed, self._span(tok, tok), source=self.source)
        self.missing_at, self.met_at = self.i, end
        self.type = word
        return True

    def _group_closed_empty(self, brace_at: int) -> bool:
        """Whether a group body whose `{` was missing (its placeholder at `brace_at`)
        ends at once, before the current token, a statement keyword the body does not
        take: the recovery opens it and closes it empty (as `_unsaid_close`)."""
        return self.i == brace_at and self.type != "match"

    def _group_closed_unsaid(self) -> bool:
        """Whether a group body ends before the current token, a statement keyword that
        starts its line right after a `match` whose pattern was found missing there
        (`single group G { match`, then the next statement): the recovery closes the body
        without a word, as a block after that error (`_unsaid_close`)."""
        return self._unsaid_close()

    def _keyword_line(self, entry: ast.GroupEntry) -> bool:
        """Whether a group body's entry is a user ID that spells a keyword and starts its line."""
        if entry.is_pattern or entry.word.text.lower() not in KEYWORDS:
            return False
        start = entry.word.span.start
        return not self.text[self.text.rfind("\n", 0, start) + 1 : start].strip()

    def _open(self, kind: str, name: str | None) -> None:
        """Read a block's `{`, the block open until `_close`; where it is missing after
        the block's name, before a statement keyword that starts the next line
        (`cluster L`, then `description ...`), read on as if it were there
        (`_open_missing`); and where the value before it was missing (`job`, `expire
        on`, then the next statement), one more placeholder of the recovery's completion.
        An expire block named by no word, its `{` missing after its placement, is left
        to the recovery, which names the block by the placement, but after one member
        before an expire block's statement (`_brace_due_after_expire`): BKR011 there,
        the block named `expire on NAME`."""
        self.blocks.append((kind, name, self.tokens[self.i]))
        if self.type != "{" and name is None and self.missing_at != self.i and not self._brace_due_after_expire():
            raise GiveUp  # the recovery names an expire block by its placement, if at all
        self._expect("{", KEYWORD)

    def _open_missing(self) -> Diagnostic:
        """A block's `{` missing right after its name, at the end of its line, before a
        statement keyword that starts the next line, where nothing was wrong before:
        the recovery reports it (BKR011, `messages.missing_open`, the block named by
        its opening line as written: `member M`, `single group G`, `expire on M`) and
        feeds the `{` it lacks (`Recovery.report_missing`), so the statements below are
        read in the block. GiveUp elsewhere."""
        from bkrdsl.syntax import messages

        found, name, first = self.tokens[self.i], self.tokens[self.i - 1], self.i - 2
        if self.error_at is not None or not found[FIRST] or self.type not in STATEMENT_KEYWORDS:
            raise GiveUp
        if self.tokens[first][TEXT].lower() in ("group", "on"):
            first -= 1  # `single group G`, `expire on M`: named as written (recovery.opener_written)
        title = "`" + " ".join(token[TEXT] for token in self.tokens[first : self.i]) + "`"
        shown, where = messages.shown(found[TEXT]), self._span(name, name)
        ended = messages.line_ended(self.text, shown, where.end)
        return messages.missing_open(title, shown, where, line_ended=ended, text=self.text)

    def _close(self) -> None:
        """Read a block's `}`, unless it is missing (`_stray_statement`)."""
        self.blocks.pop()
        if self.type == "}":
            self._next(KEYWORD)

    def _respell(self, accepted: tuple[str, ...], left_out: tuple[str, ...] = ()) -> bool:
        """Inside a statement, where only the keywords `accepted` fit (all that Lark's
        state accepts, a test checks), the current token is a word last on its line
        that is none (`T_STRAY`: `include minidi`): read it as the one it may mean,
        as the recovery does (`Recovery.misspelt`), or, where it means none (`include
        m`), as a name after the keywords `left_out` (`_left_out`), or, where one keyword
        fits and the word begins it, as that keyword in its place (`retain 35 d`:
        `_replaced`), or GiveUp. `mdisk`
        for `minidisk` has a message of its own (`messages.MEDIUM_WORDS`). With an
        error read before, the word stays T_STRAY, and the caller gives up on it.
        After a value that spells a keyword (`disk 191 size cyl`, `retain days d`) we
        give up too: the recovery re-reads that value as the keyword, the value before
        it missing, and the word as what follows it (`Recovery.reread_statement`).
        True where the keywords were left out: the word is then the name after them."""
        from bkrdsl.syntax import messages

        if self.error_at is not None:
            return False  # a second error: the caller gives up on the word
        if self._value_spells_keyword():
            raise GiveUp  # not `size` left out after `size` (found by .ci/explore 35002)
        text = self.tokens[self.i][TEXT]
        lowered = text.lower()
        if lowered in messages.MEDIUM_WORDS or lowered in messages.OTHER_FREQUENCIES | messages.YEARLY_WORDS | {"hourly"}:
            # `biweekly`: not `weekly` misspelt; `purge annually`: no schedule by the year,
            # whose help says `manual`, not the keywords; `purge hourly`, a schedule bkrc
            # does not have (was "expected `daily`..." here, BKR012 with Lark)
            # (`Recovery.unknown_schedule`)
            raise GiveUp
        words = messages.did_you_mean(text, accepted, synonyms=False)
        if not words:
            if left_out:
                self._left_out(accepted, left_out)
                return True
            if len(accepted) != 1 or not accepted[0].startswith(text.lower()):
                raise GiveUp  # another word the recovery may know (`retain 5 weeks`: Recovery.retain_unit)
            self._replaced(accepted[0])
            return False
        self.stray_at = self.i
        self.respelt = words
        self.type = words[0]
        return False

    def _replaced(self, keyword: str) -> None:
        """The current token, a word last on its line where only `keyword` fits, that
        begins it but is too short to be respelt (`retain 35 d`, `run on each m`, then
        a `}`; another word may be one the recovery knows, `retain 5 weeks`): the
        recovery reads it as the keyword, in its place (BKR004 "expected `days` after `35`, found `d`",
        `messages.word_for_keyword`, `Recovery.replacement`), where the keyword lets the
        next tokens fit and no name after it would. Where they do not (`tape m`, then
        the next line), the parse stops at them, a second error, and gives up."""
        from bkrdsl.syntax import messages

        tok, previous = self.tokens[self.i], self.tokens[self.i - 1]
        wanted, found = f"`{keyword}`", messages.shown(tok[TEXT])
        after = f" after {messages.shown(previous[TEXT])}"
        self.missing = messages.word_for_keyword(wanted, after, found, wanted, self._span(tok, tok))
        self.missing_at = self.i
        self.type = keyword

    def _option_respelt(self, options: frozenset[str], listed: bool = False, start: int | None = None) -> bool:
        """After a statement on its line, where it may go on with one of its `options`
        (`full` after `backup APPS`, a schedule after `run on M`, `server` after
        `catalog shared`), the current token is a word last on its line that is no
        keyword (`T_STRAY`, or a NAME after a list, which Lark's shared list state
        reads so: `backup APPS incr`), before the block's `}` or one of its statements
        starting the next line (or, after `tape manager`, one of its options, where the
        word means an option that takes a name: `request-n`, then `catalog-dmm D`,
        `_option_reread`): the recovery respells it among what fits there, the
        options and the block's statements (`Recovery.diagnose`, no English synonyms
        after a statement), and where it means an option reads it as that option
        (`Recovery.misspelt`), the option's values then missing (one BKR012 that says
        what it needs, `_value_missing`). After a list (`listed`), a name that means
        none may be one more name whose `,` is missing (`_comma_left_out`): True where
        it is, the name then for the list to read. Not after a list, a word of one or two
        small letters that begins a keyword (`run on each member d`) is that keyword
        being typed (`Recovery.keyword_begun_after_statement`): read as the option it
        begins after a statement that starts on its line (`start`, its first token:
        `run on each member d`, `catalog shared server S p`), GiveUp on the others (a
        statement begun, no `start`: the recovery weighs what Lark's state accepts). Elsewhere the word is left as it is,
        for the caller (the block's loop gives up on it)."""
        self.options_open, self.options_statement = (self.i, options), None
        if self.type != T_STRAY and self.type != T_NAME:
            return False  # the clean case: a keyword, a `}`, the end
        from bkrdsl.syntax import messages

        tok, following = self.tokens[self.i], self.tokens[self.i + 1]
        if self.error_at is not None or tok[FIRST]:
            return False
        if tok[KIND] != "n" or not _half_typed(tok[TEXT].lower(), following, tok[LINE]):
            return False
        if self._value_spells_keyword():
            return False  # the recovery may re-read it as the keyword (`server on N`: the server missing)
        block = self.blocks[-1][0] if self.blocks else None
        statements = BLOCK_STATEMENTS[block]
        ends = following[KIND] == "}" or (following[KIND] == "$" and block is None)
        # `request-n`, then `catalog-dmm D`: the option line read on, the name before it missing
        option_line = options is _TAPE_OPTIONS and following[FIRST] and following[TEXT].lower() in _TAPE_OPTIONS
        if not ends and not option_line and not (following[KIND] == "n" and following[TEXT].lower() in statements):
            return False  # the recovery weighs what else lets the next token fit
        if "-" in tok[TEXT] and len(_hyphenated_like(tok[TEXT])) == 1:
            return False  # the recovery reads it as that keyword on its own (`Recovery.hyphen_form`)
        if tok[TEXT].lower() in messages.OTHER_FREQUENCIES:
            return False  # `biweekly`: not `weekly` misspelt (`Recovery.unknown_schedule`)
        words = messages.did_you_mean(tok[TEXT], options | statements, synonyms=False)
        if option_line and (not words or words[0] not in _LISTED_TAPE_OPTIONS):
            return False  # another reading of the recovery's (`_ambiguous_before_keyword`)
        again = tok[TEXT].upper() == self.tokens[self.i - 1][TEXT].upper()  # `server S s`: a word too many
        if not words and not listed and not again and messages.begun(tok[TEXT], options | STATEMENT_KEYWORDS):
            if start is None:
                raise GiveUp  # `catalog shared server S  s`: what Lark's state accepts decides
            if self.tokens[start][LINE] == tok[LINE]:  # below the statement's line: as any word
                words = messages.begun(tok[TEXT], options)
                if not words:
                    raise GiveUp  # a statement begun: what Lark's state accepts decides
        if not words and self.type == T_STRAY:
            return self._ambiguous_skipped(options, statements)
        if not words and listed and self.type == T_NAME:
            # `backup APPS f`: the option it begins is being typed (`messages.begun`,
            # `Recovery.option_begun`), not a name whose `,` is missing; of several
            # (`run on M m`: `manual`, `monthly`), each suggested, read as the first
            words = messages.begun(tok[TEXT], options)
        if not words and listed and self.type == T_NAME:
            if self._abbreviation_meant(options, statements):
                return False
            return self._comma_left_out(options | statements)
        if not words or words[0] not in options:
            return False  # none, one of several abbreviated, or a statement: the recovery weighs them
        self.stray_at = self.i
        if option_line:
            self.met_at = self.i  # the recovery counts the tokens after the word, the option line's too
        self.respelt = words
        self.type = words[0]
        return False

    def _options_open_after(self, start: int, given: frozenset[str], last: str | None) -> None:
        """After a statement of `_ONE_NAME_OPTIONS` (its first token at index `start`),
        where it may go on with its options at the current token (`_option_respelt`
        found it there): keep what `_word_after_options` names of it, the options
        `given` and `last`, the one whose one name the statement ends with."""
        if self.options_open[0] == self.i:
            self.options_statement = (start, given, last)

    def _options_go_on(self) -> bool:
        """Whether the current token is where a statement of `_ONE_NAME_OPTIONS` may go
        on with its options (`_options_open_after`)."""
        return self.options_statement is not None and self.options_open[0] == self.i

    def _value_spells_keyword(self) -> bool:
        """Whether the token before the current one, read as a value, spells a keyword
        (`catalog shared server on`, `catalog-node T on`, then `catalog-dmm` below): where
        the current token does not fit, the recovery may re-read it as that keyword after
        a value it finds missing (`Recovery.reread_statement`)."""
        return self.keyword_at != self.i - 1 and self.tokens[self.i - 1][TEXT].lower() in KEYWORDS

    def _value_spells_statement(self, block: str | None) -> bool:
        """Whether the token before the current one, a word after a `workers` or
        `job-suffix` statement on its line, is that statement's one value and spells one
        of the block's statements that take one name (`_ONE_NAME_STATEMENTS`: `job-suffix
        workers k`, `workers private-volume inc`): the recovery re-reads it as that
        statement's keyword, which the word (a NAME to Lark's lexer) then fits after, the
        value before it missing (BKR010, `Recovery.reread_statement`), rather than report
        the word (`_word_after_statement`) or respell it (`Recovery.misspelt`). (After
        `private-volume`, a list, the word is one more name to Lark.)"""
        spelt = self.tokens[self.i - 1][TEXT].lower()
        if self.setting_at != self.i - 2 or not self._value_spells_keyword():
            return False
        return spelt in _ONE_NAME_STATEMENTS.get(block, frozenset())

    def _ambiguous_skipped(self, options: frozenset[str], statements: frozenset[str]) -> bool:
        """After a statement on its line, the current token (`T_STRAY`, whose shape and
        what follows it, a `}` or a statement of the block, `_option_respelt` has
        checked) means none of the statement's `options` or the block's `statements`
        but abbreviates several options (`req`: `request-dmm` and `request-node`), none
        of which that token fits after: the recovery names it ambiguous (BKR012,
        `messages.abbreviation_ambiguous`, `Recovery.ambiguous_abbreviation`) and reads
        on as if it were not there, the statement ending before it (`skipped_at`).
        False, the word left as it is for the caller, where it abbreviates fewer than
        two, or a statement's keyword among them (`cat`: `catalog` too)."""
        from bkrdsl.syntax import messages

        tok = self.tokens[self.i]
        words = messages.abbreviated(tok[TEXT], options | statements)
        if len(words) < 2 or not options.issuperset(words):
            return False
        self.stray_at = self.skipped_at = self.i
        self.stray = messages.abbreviation_ambiguous(messages.shown(tok[TEXT]), words, self._span(tok, tok))
        self._next(KEYWORD)
        return False

    def _abbreviation_meant(self, options: frozenset[str], statements: frozenset[str]) -> bool:
        """After a list's last name, on its line, the current token (a NAME, whose shape
        and what follows it, a `}` or a statement of the block, `_option_respelt` has
        checked) means none of the keywords Lark's list state accepts (`LIST`) but
        abbreviates several of them, all among the statement's `options` and the
        block's `statements` (`backup APPS inc`: `include` and `incremental`), of which
        only a level, which ends the statement, fits before that token (a statement
        keyword needs its value first): the recovery reads it as that level (BKR012,
        `messages.abbreviation_meant`, with its fix, `Recovery.ambiguous_abbreviation`).
        True where it does, the word then read as the level; False, the word left as it
        is, elsewhere (none or several fit: the recovery names it ambiguous)."""
        from bkrdsl.syntax import messages

        tok, following = self.tokens[self.i], self.tokens[self.i + 1]
        words = messages.abbreviated(tok[TEXT], LIST.keywords)
        if len(words) < 2 or not (options | statements).issuperset(words):
            return False
        if messages.did_you_mean(tok[TEXT], LIST.keywords) or messages.did_you_mean(
            tok[TEXT], LIST.keywords, synonyms=False
        ):
            return False  # the recovery respells it among all the state accepts first
        fitting = [word for word in words if word in _LEVELS]
        if len(fitting) != 1:
            return False
        before = "the end of the file" if following[KIND] == "$" else messages.shown(following[TEXT])
        self.stray_at = self.met_at = self.i
        self.respelt = fitting
        self.stray = messages.abbreviation_meant(
            messages.shown(tok[TEXT]), fitting[0], words, before, self._span(tok, tok)
        )
        self.type = fitting[0]
        return True

    def _ambiguous_before_keyword(
        self, options: frozenset[str], statements: frozenset[str], going_on: bool
    ) -> Diagnostic | None:
        """After a statement that may go on with its `options` (`going_on`), the
        current token, a word last on its line (`T_STRAY`) that means none of them nor
        of the block's `statements` but abbreviates several options (`req`: `request-dmm`
        and `request-node`), before a keyword on the next line that is no statement of
        the block (`catalog-dmm`, the statement's own option), after which none of the
        options fits (each takes a name first): the recovery names the word ambiguous
        (BKR012, `messages.abbreviation_ambiguous`, `Recovery.ambiguous_abbreviation`),
        then reads it where a statement starts, as a word after the statement
        (`_word_after_statement`, whose report of the same token it drops), and skips
        it and the lines after it up to where its skip stops (`_skip_end`): the option
        line is read no more. None elsewhere (a name next: both fit, and the recovery
        weighs which was given)."""
        from bkrdsl.syntax import messages

        tok, following = self.tokens[self.i], self.tokens[self.i + 1]
        if not going_on or following[KIND] != "n" or not following[FIRST]:
            return None
        word = following[TEXT].lower()
        if word not in KEYWORDS or word in statements or word in STATEMENT_KEYWORDS:
            return None
        if messages.did_you_mean(tok[TEXT], options | statements, synonyms=False):
            return None
        words = messages.abbreviated(tok[TEXT], options | statements)
        if len(words) < 2 or not options.issuperset(words):
            return None
        return messages.abbreviation_ambiguous(messages.shown(tok[TEXT]), words, self._span(tok, tok))

    def _catalog_meant(self, options: frozenset[str], statements: frozenset[str]) -> bool:
        """After `tape manager`, where it may go on with its `options` (on its line or
        first on the next), the current token a word (`T_STRAY`) that means `catalog`, a
        statement of the cluster:
        close to it (`catalo`: `Recovery.misspelt`, BKR012, `messages.unknown_keyword`) or
        an abbreviation of it and of options (`cat`: `catalog`, `catalog-dmm` and
        `catalog-node`), which the recovery names ambiguous (BKR012,
        `messages.abbreviation_ambiguous`, `Recovery.ambiguous_abbreviation`) and then
        reads where a statement starts, as `catalog`. True after reading it as
        `catalog` (`respelt`); the error of the scope missing after it is then the
        next: the misspelt word's one error, which says what it needs (`_value_missing`),
        after an ambiguous one an error of its own (`paired`, named by the word), or an
        option line of the tape manager in the scope's place (`_option_as_scope`).
        False elsewhere, for the caller to give up."""
        from bkrdsl.syntax import messages

        tok = self.tokens[self.i]
        if not self._options_go_on() or self.tokens[self.options_statement[0]][TEXT].lower() != "tape":
            return False
        span, shown = self._span(tok, tok), messages.shown(tok[TEXT])
        close = messages.did_you_mean(tok[TEXT], options | statements, synonyms=False)
        if close:
            if close != ["catalog"]:
                return False
            self.stray = messages.unknown_keyword(shown, close, span)
        else:
            words = messages.abbreviated(tok[TEXT], options | statements)
            close = messages.did_you_mean(tok[TEXT], statements, synonyms=False)
            if len(words) < 2 or "catalog" not in words or close != ["catalog"]:
                return False
            self.stray = messages.abbreviation_ambiguous(shown, words, span)
            self.paired = True  # the word's error, then the scope's (`_value_missing`)
        self.stray_at = self.i
        self.respelt = close
        self.type = "catalog"
        return True

    def _comma_left_out(self, keywords: frozenset[str]) -> bool:
        """After a list's last name, on its line, the current token is a name last on
        its line, of one or two letters (a word begun), that means none of the
        `keywords` that fit there (`backup SYSIDS i`,
        `run on ZVMA we`; `_option_respelt` has checked what follows): the recovery
        reads it as one more name of the list, the `,` before it missing (BKR004,
        `messages.missing_comma`, `Recovery._report_missing_commas`). Not the name
        written again (`Recovery.name_twice`), nor, after a `run`'s members, a word
        that says when in other words, nor a name run together with a keyword (`Erole`)."""
        from bkrdsl.syntax import messages

        tok, last = self.tokens[self.i], self.tokens[self.i - 1]
        if len(tok[TEXT]) > 2:
            return False  # perhaps a word the recovery knows (`backup APPS nightly`, `differential`)
        if last[KIND] != "n" or last[TEXT].upper() == tok[TEXT].upper():
            return False
        if _SCHEDULES <= keywords and messages.looks_like_schedule(tok[TEXT]):
            return False  # a schedule in other words (`Recovery.schedule_phrase`)
        if _glued_keyword(last[TEXT]) or _glued_keyword(tok[TEXT]):
            return False  # `Erole F`: a name and a keyword run together (`Recovery.name_glued`)
        names = messages.shown(last[TEXT]), messages.shown(tok[TEXT])
        runs_on = _SCHEDULES <= keywords  # a job's members, after `run on`
        self.missing = messages.missing_comma(
            *names, self._span(tok, tok), commas=(self._end_of(last),), runs_on=runs_on
        )
        self.missing_at = self.i
        return True

    def _left_out(self, accepted: tuple[str, ...], left_out: tuple[str, ...]) -> None:
        """The current token, a word alone at the end of its line where only the
        keywords `accepted` fit, that means none of them (`include m`, `single g`, `to
        d`), before the next statement: the recovery reads it as a name after the
        fewest keywords that let it and the next statement fit, `left_out` (`sfs`,
        `user`, `disk pool`: `Recovery.insertion`), and reports them missing after the
        keyword before it (BKR004, `messages.missing_other`, as `Recovery.report_missing`),
        or, after `to`, the medium missing before a pool's name (`messages.medium_missing`,
        `Recovery.destination_phrase`). After `tape manager`, with `local request-node`
        left out (`_tape_option_next`), the next token is an option of the statement
        starting the next line instead. The word becomes a NAME. GiveUp elsewhere."""
        from bkrdsl.syntax import messages

        tok, previous, following = self.tokens[self.i], self.tokens[self.i - 1], self.tokens[self.i + 1]
        block = self.blocks[-1][0] if self.blocks else None
        ends = following[KIND] == "}" or (following[KIND] == "$" and block is None)
        if left_out == _TAPE_LEFT_OUT:
            ends = following[KIND] == "n" and following[FIRST] and following[TEXT].lower() in _TAPE_OPTIONS
            if not ends:
                raise GiveUp  # before the next statement: the recovery reads the word as one
        if not ends and not (following[KIND] == "n" and following[TEXT].lower() in BLOCK_STATEMENTS[block]):
            raise GiveUp  # the recovery weighs what else lets the next token fit
        if self._said_twice(self.i - 1):
            raise GiveUp  # perhaps the keyword after its own statement (Recovery.keyword_after_own_statement)
        if left_out[0] == "size" and tok[TEXT].lower() in DISK_UNIT_WORDS:
            raise GiveUp  # `disk U 191 cyl`: the recovery writes the whole statement (Recovery.disk_written_whole)
        if (
            previous[FIRST]
            and previous[TEXT].lower() == "identity"
            and messages.identity_entry(messages.line_from(self.text, previous[START]))
        ):
            raise GiveUp  # `IDENTITY TCPIP`: a CP directory entry (Recovery.foreign_line)
        word = messages.shown(tok[TEXT])
        if previous[TEXT].lower() == "to":
            if tok[TEXT].lower() in messages.DISK_WORDS | messages.TAPE_WORDS:
                raise GiveUp  # another word for a medium (messages.unknown_medium)
            if tok[FIRST]:
                raise GiveUp  # `to`, then a name on the next line: no pool's name to the recovery
            self.missing = messages.medium_missing(word, self._span(tok, tok))
        else:
            wanted = messages.one_of([f"`{keyword}`" for keyword in sorted(accepted)])
            after = f" after {messages.shown(previous[TEXT])}"
            self.missing = messages.missing_other(wanted, after, word, self._span(previous, previous), left_out[0].upper())
            self.missing = self._medium_left_out(self.missing, previous)  # `include all`
        self.missing_at = self.i
        self.type = T_NAME

    def _pool_left_out(self, medium: ast.TargetMedium) -> bool:
        """After `to disk` or `to tape`, the current token is a word last on its line
        that is no keyword (`T_STRAY`: `to disk p`, `to disk poo`, `to disk BKUPPOOL`):
        the recovery reads it as the pool's name, `pool` left out before it (BKR004,
        `messages.pool_without_keyword`, `Recovery.destination_phrase`), whatever
        keyword it may mean. The word becomes a NAME. False after an error read before,
        and on the next line: the word stays T_STRAY, for the block's loop."""
        tok = self.tokens[self.i]
        if self.error_at is not None or tok[FIRST]:
            return False  # on the next line, a statement's word to the recovery (`_stray_statement`)
        from bkrdsl.syntax import messages

        if messages.TAPE_DEVICE_TYPE.fullmatch(tok[TEXT]) or messages.DISK_DEVICE_TYPE.fullmatch(tok[TEXT]):
            raise GiveUp  # `to tape 3590`, `to disk 3390`, `to tape 3390`: a device type, no pool (`Recovery.tape_device_type`)
        self.missing = messages.pool_without_keyword(medium.value, tok[TEXT], self._span(tok, tok))
        self.missing_at = self.i
        self.type = T_NAME
        return True

    def _take(self, lexing: Lexing) -> tuple:
        """The current token; the next one becomes current."""
        tok = self.tokens[self.i]
        self._next(lexing)
        return tok

    def _expect(self, type_: str, lexing: Lexing) -> tuple:
        if self.type == T_STRAY and type_ in KEYWORDS and not self.tokens[self.i][FIRST]:
            self._respell((type_,))  # the one keyword that fits, half typed (`disk U 191 siz`)
        if self.type != type_:
            return self._missing(type_)
        if type_ == T_NAME and self._thrice(self.i):
            raise GiveUp  # `backup backup backup APPS full`: the keyword three times (Recovery.report_repeat)
        if type_ == "{" and self.tokens[self.i - 1][TEXT][-1:] == ":":
            raise GiveUp  # `member VMSYS2: {`, which the recovery reports (Recovery.colon_before_brace)
        return self._take(lexing)

    def _missing(self, type_: str, among: frozenset[str] = frozenset()) -> tuple:
        """A placeholder for a token of type `type_` that is not there, as the
        recovery feeds one (`Recovery.mid_statement`): only where a statement's last
        value is missing at the end of its line, before a `}` or a statement keyword
        that starts the next line (`to disk pool`, then `run on ...`), and for the
        rest of that statement (`disk BKRWRK*`: the address, `size`, the size and its
        unit), a block's name and `{` too (`job`, then `backup ...`), where its
        keywords start their line, or one of the keywords `among` (`preview`: `manual`,
        the recovery's completion); and where a block's `{` is missing after its name
        (`_open_missing`). The recovery reports the first (`Recovery.report_missing`);
        the placeholders stand where the token after them does. A block whose `{` is
        missing is read on where it takes the statement after it, else opened and
        closed empty (`_unsaid_close`). GiveUp elsewhere."""
        if self.missing_at != self.i:
            if self.missing_at is not None:
                raise GiveUp
            self.missing = self._open_missing() if type_ == "{" else self._value_missing(type_, among)
            self.missing_at = self.i
        else:
            self.comma_removal = None  # the statement needs more than the name after the `,`
            if type_ == "{" and not self._keywords_alone(self.i - 1):
                raise GiveUp  # a block's keyword after other words (`disk ... on each member`): the recovery weighs it
        return self._placeholder()

    def _keywords_alone(self, k: int) -> bool:
        """Whether token `k` and those before it on its line are all keywords (`member`,
        `single group`), or read as one (`memb`, `single grou`): a block's opening
        statement that starts its line."""
        line = self.tokens[k][LINE]
        while k >= 0 and self.tokens[k][LINE] == line:
            kind, text = self.tokens[k][KIND], self.tokens[k][TEXT]
            if k != self.stray_at and (kind != "n" or text.lower() not in KEYWORDS):
                return False
            k -= 1
        return True

    def _option_goes_on(self, type_: str, among: frozenset[str]) -> bool:
        """Whether the current token, first on its line, is a keyword no statement starts
        with (`catalog-dmm`, an option of `tape manager` written on the next line), where
        a keyword is missing (`tape`, then `catalog-dmm ...`): the recovery completes the
        statement with the fewest tokens that let the line read on
        (`Recovery.mid_statement`), as the placeholders do, the line then read as the
        statement's; with no name missing, it cannot read the keyword as a word too many
        instead (`Recovery.extra_word`). Where the line does not read on so, the parse
        meets a second error and gives up."""
        if type_ == T_NAME and self.reread_at == self.i:
            return True  # `request-node`, then `catalog-dmm TCDMM`: the line re-read as the statement's
        accepted = among or ({type_} & KEYWORDS)
        if not accepted or self.type not in KEYWORDS:
            return False  # a name missing, or no keyword found (the end of the file has no token after it)
        return self.tokens[self.i + 1][TEXT].lower() not in accepted

    def _placeholder(self) -> tuple:
        """A token standing for one that is missing: the text of the token it stands
        before, for its span, of kind "f" (a Word of it is empty, as the recovery's)."""
        return ("f", *self.tokens[self.i][1:])

    def _value_missing(self, type_: str, among: frozenset[str] = frozenset()) -> Diagnostic:
        """The recovery's error for a statement's value (of type `type_`, a NAME, a
        STRING, or the one keyword that fits there) missing before the current token
        (`Recovery.report_missing`): a name is named by the statement's last keyword
        and the names after it (`Recovery.governing_keyword`), a text or a keyword by
        what it is (`disk BKRBKUP 191`, then the next `disk`: `size` expected after
        `191`), a keyword of several, `among`, by them all; right after a keyword half
        typed, the one error is the word's, and says what it needs."""
        from bkrdsl.syntax import messages

        found, previous = self.tokens[self.i], self.tokens[self.i - 1]
        if (not found[FIRST] or (found[KIND] != "}" and self.type not in STATEMENT_KEYWORDS)) and not (
            found[FIRST] and self._option_goes_on(type_, among)
        ):
            raise GiveUp
        where = self._span(previous, previous)
        if self.stray_at == self.i - 1 and self.respelt and not self.paired:
            # `retai`, then the next statement: one error for the word, which says what the
            # keyword it is read as needs (`Recovery.unfinished_respelt`).
            if type_ == T_NAME:
                need = messages.follower(self.respelt[0], 0)
                # a name due after a statement's keyword (`j` as `job`, `sh` as `shared-volume`;
                # not `o` as `on`): Lark counts the tokens after the error from the word itself
                self.name_due_after_respelt = self.respelt[0] in STATEMENT_KEYWORDS
            elif among:
                need = messages.one_of([f"`{keyword}`" for keyword in sorted(among)])
            else:
                need = messages.TERMINAL_TEXTS.get(type_, f"`{type_}`")
            written = messages.shown(previous[TEXT])
            return messages.unknown_keyword_unfinished(written, self.respelt, need, where)
        if self._said_twice(self.i - 1):
            raise GiveUp  # perhaps `backup APPS full backup` (Recovery.keyword_after_own_statement)
        if (
            self.after_label == self.i - 1
            and messages.looks_like_volume_label(previous[TEXT])
            and (not previous[FIRST] or found[KIND] == "}")
        ):
            # `shared-volume VMCOM1 disk`, or `disk` alone on the next line before a `}`:
            # perhaps a last label (Recovery.keyword_label; BKR021 says it is read so)
            raise GiveUp
        shown = messages.shown(found[TEXT])
        ended = messages.line_ended(self.text, shown, where.end)  # a statement's keyword starts the next line
        after = f" after {messages.shown(previous[TEXT])}"
        if type_ == T_STRING or type_ == T_PATH:  # a description's text, an import's path: right after the keyword
            return messages.missing_other(messages.TERMINAL_TEXTS[type_], after, shown, where, type_, line_ended=ended)
        if among:
            wanted = messages.one_of([f"`{keyword}`" for keyword in sorted(among)])
            diag = messages.missing_other(wanted, after, shown, where, type_.upper(), line_ended=ended)
            return self._medium_left_out(diag, previous)  # `include` alone
        if type_ != T_NAME:
            return self._keyword_missing(type_, after, shown, where, ended)
        at = self.keyword_at
        if self.tokens[at][KIND] == "," and at < self.i - 1:
            # `weekly mon,wed` before a `}`: Lark has reduced the list (it is read), and
            # the keyword is the one before it, the names all of its names.
            while self.tokens[at][KIND] == ",":
                at -= 2
        names = [tok[TEXT] for tok in self.tokens[at + 1 : self.i] if tok[KIND] != ","]
        keyword = self.tokens[at][TEXT]
        listed = None
        if keyword == ",":
            # `weekly sun,`, no day after the `,`: the list's keyword and names, quoted as
            # written (`Recovery.report_missing`, the same `messages.list_written`)
            start = at
            while self.tokens[start][KIND] == ",":
                start -= 2
            listed = self.tokens[start][TEXT]
            if listed.lower() == "on" and start and self.tokens[start - 1][TEXT].lower() == "run":
                raise GiveUp  # a job's `run on VMSYS1,`: its fix depends on its users (Recovery.comma_removed)
            written = self._list_written(start, at, comma=True)
        else:
            written = self._list_written(at, self.i)
        if keyword.lower() == "weekly" and len(names) > 1 and messages.looks_like_time(names[-1]):
            raise GiveUp  # `weekly mon, 02:00`: the time read as a day (Recovery.time_after_comma)
        if keyword.lower() in ORDINALS:
            raise GiveUp  # `monthly last sun02:00`: the recovery names the words after the ordinal its way
        if names:
            if "#" in previous[TEXT]:
                raise GiveUp  # a fix would not take a `#` out (Recovery.drops_hash)
            run_on = messages.unit_run_on(previous[TEXT], keyword, T_NAME, where)
            if run_on is not None:
                return run_on
        members = [m.name.text for m in self.members] if keyword.lower() == "on" else ()  # `Recovery.report_missing`'s
        diag = messages.missing_value(
            keyword, names, shown, where, written, listed, line_ended=ended, text=self.text, members=members
        )
        if keyword.lower() == "on" and not names and found[KIND] == "}" and at and self.tokens[at - 1][TEXT].lower() == "expire":
            # `expire on`, then the cluster's `}`: the members by the catalog read (Recovery.expire_members_left_out)
            diag = messages.expire_members_left_out(diag, members, *self._catalog_read(), where)
        elif keyword.lower() == "on" and not names and ended and at and self.tokens[at - 1][TEXT].lower() == "expire":
            # `expire on`, then `retain 35 days`: the block's `{` and `}` left out too
            body = messages.expire_body_below(self.text, where)
            if body is not None:
                diag = messages.expire_members_left_out(diag, members, *self._catalog_read(), where, body)
        if keyword.lower() == "on" and not names and at and self.tokens[at - 1][TEXT].lower() == "run":
            diag = self._run_cut_short(diag, True, where)
        if keyword == ",":
            self.comma_removal = (diag, self._comma_span(self.i - 1))
        return diag

    def _run_cut_short(self, diag: Diagnostic, after_on: bool, where: Span) -> Diagnostic:
        """`run` or `run on` (`after_on`, at `where`) cut short in a job, the job's `}` or
        the next statement after it: `diag` with the members the job's users allow, as
        the recovery gives them (`Recovery.run_members_left_out`: `messages.job_home_of`,
        read from the text, as there)."""
        from bkrdsl.syntax import messages

        if not self.blocks or self.blocks[-1][0] != "job":
            return diag
        members = [m.name.text for m in self.members]
        kind, home = messages.job_home_of(self.text, self.blocks[-1][2][START])
        return messages.run_members_left_out(diag, after_on, members, kind, home, where, cut=True)

    def _catalog_read(self) -> tuple[str | None, str | None]:
        """The scope (`shared`, `local`) of the cluster's first `catalog` statement read,
        and the member its server logs on to, in capitals, each None where not read
        (`recovery.catalog_read`'s)."""
        if not self.catalogs:
            from bkrdsl.syntax import messages

            return messages.catalog_in_text(self.text)  # below the block (Recovery.expire_members_left_out)
        catalog = self.catalogs[0]
        home = catalog.home[0].text.upper() if catalog.home and catalog.home[0].text else None
        return catalog.scope.value, home

    def _comma_span(self, k: int) -> Span:
        """The `,` at token `k` with the blanks before it, where the name before it is on
        its line (`Recovery.blank_and`): what removing it deletes."""
        comma, name = self.tokens[k], self.tokens[k - 1]
        if name[LINE] != comma[LINE]:
            return self._span(comma, comma)
        return self._span(name, comma)._replace(column=name[COL] + len(name[TEXT]), start=name[START] + len(name[TEXT]))

    def _comma_removal(self, diag: Diagnostic | None) -> Diagnostic | None:
        """`diag` with the fix that removes a list's `,` with no name after it, where the
        statement read whole without the name (`run on VMSYS1,` before a `}`, `single
        user U1,` before the next statement), as the recovery gives it
        (`Recovery.comma_removed`: what follows the `,` fits after the list)."""
        if self.comma_removal is None or diag is not self.comma_removal[0]:
            return diag
        from bkrdsl.syntax import messages

        return messages.comma_removed(diag, self.comma_removal[1])

    def _list_written(self, at: int, end: int, comma: bool = False) -> str:
        """The names after the keyword at `at`, before `end`, as written (`sun,mon`:
        `messages.list_written`, from the text between them)."""
        from bkrdsl.syntax import messages

        tokens = [tok for tok in self.tokens[at + 1 : end] if tok[KIND] != ","]
        gaps = [
            self.text[one[START] + len(one[TEXT]) : two[START]] for one, two in itertools.pairwise(tokens)
        ]
        return messages.list_written([tok[TEXT] for tok in tokens], gaps, comma)

    def _keyword_missing(self, keyword: str, after: str, found: str, where: Span, line_ended: bool) -> Diagnostic:
        """The recovery's error for `keyword`, the one word that fits, missing after the
        token read last (`Recovery.report_missing`), with its fix where the recovery
        knows what was left out: `member` after `each`, `days` after a number; a
        number of days run together with its unit (`retain 35d`) is one error of its
        own (`messages.unit_run_on`). `line_ended`: `found` starts a later line
        (`messages.line_ended`)."""
        from bkrdsl.syntax import messages

        previous = self._previous()
        if _glued_keyword(previous[TEXT]):
            raise GiveUp  # perhaps a value and the keyword run together (`retain 35days`)
        if self.keyword_at != self.i - 1 and previous[TEXT].lower() in KEYWORDS:
            raise GiveUp  # a value that spells a keyword: perhaps the keyword, its value missing (`retain days`)
        filler = keyword.upper()
        run_on = messages.unit_run_on(previous[TEXT], self.tokens[self.keyword_at][TEXT], filler, where)
        if run_on is not None:
            return run_on
        members = [m.name.text for m in self.members] if keyword == "on" else ()  # the help names them
        diag = messages.missing_other(f"`{keyword}`", after, found, where, filler, line_ended=line_ended, members=members)
        if keyword == "on" and previous[TEXT].lower() == "run":
            if self.tokens[self.i][KIND] != "}" and not line_ended:
                # `run`, then `each member daily 02:00` on the next line: no statement starts
                # there, so `run` is not cut short; what the words after it need is the
                # recovery's (`Recovery.run_members_left_out`, `each_after_run`)
                raise GiveUp
            return self._run_cut_short(diag, False, where)
        end = self._end_of(previous)
        if keyword == "member" and previous[TEXT].lower() == "each":
            return messages.member_left_out(diag, end)
        if keyword == "days" and previous[TEXT].isdigit():
            return messages.days_left_out(diag, end)
        return diag

    def _keyword_for_time(self, word: str, line: int) -> bool:
        """Whether `word`, which starts line `line` right after a weekly schedule's
        last day, where Lark reads it as the schedule's time, is read so by the
        recovery instead: a statement of the block it is in, the rest of its line
        read as that statement (`purge weekly sun`, then `retain 35 days`). Lark then
        meets the token after it, which the time does not take, and the recovery
        re-reads the word as its keyword after a time it assumes
        (`Recovery._keyword_edits`): the time missing (BKR010, `_value_missing`).
        Alone on its line (`retain`, then `}`) the word is the time, no error; where
        the rest of its line is not the statement's, the parse meets a second error
        and gives up."""
        following = self.tokens[self.i + 1]
        return (
            word in STATEMENT_KEYWORDS
            and following[LINE] == line
            and following[KIND] == "n"
            and bool(self.blocks)
            and word in BLOCK_STATEMENTS[self.blocks[-1][0]]
        )

    def _thrice(self, k: int) -> bool:
        """Whether token `k`, a value, writes the keyword right before it again on its
        line, and the token after it does too, on that line (`server server server B`)
        or first on the next (`backup backup`, then `backup APPS full`, which reads as a
        group BACKUP: Recovery.run_then_below)."""
        before, tok, after = self.tokens[k - 1], self.tokens[k], self.tokens[k + 1]
        word = tok[TEXT].lower()
        return word in KEYWORDS and before[TEXT].lower() == word == after[TEXT].lower() and before[LINE] == tok[LINE]

    def _said_twice(self, k: int) -> bool:
        """Whether token `k` is a word that repeats, case aside, a word before it on its
        line (not a `,` after another: `weekly mon,tue,`)."""
        if self.tokens[k][KIND] != "n":
            return False
        word, line = self.tokens[k][TEXT].lower(), self.tokens[k][LINE]
        while k > 0 and self.tokens[k - 1][LINE] == line:
            k -= 1
            if self.tokens[k][TEXT].lower() == word:
                return True
        return False

    def _previous(self) -> tuple:
        """The token read last (comments are not tokens)."""
        return self.tokens[self.i - 1]

    # ------------------------------------------------------------ positions
    def _span(self, first: tuple, last: tuple) -> Span:
        """From the start of token `first` to the end of token `last` (no token spans lines)."""
        size = len(last[TEXT])
        end_column, end = last[COL] + size, last[START] + size
        return Span(self.file, first[LINE], first[COL], last[LINE], end_column, first[START], end)

    def _end_of(self, tok: tuple) -> Span:
        """The empty span at the end of token `tok`: where a fix inserts after it."""
        line, column, end = tok[LINE], tok[COL] + len(tok[TEXT]), tok[START] + len(tok[TEXT])
        return Span(self.file, line, column, line, column, end, end)

    def _since(self, first: tuple) -> Span:
        """From `first` to the token read last (but a word skipped inside the statement,
        `skipped_at`), or to the placeholders before the current token (which stand
        where it does); at the end of the file (`_never_closed`), to the token before it,
        or to the word after which the recovery skipped to it (`_skip_end`)."""
        if self.ended_open:
            last = self.stray_at if self.skip_end == self.i else self.i - 1
            return self._span(first, self.tokens[last])
        last = self.i - (self.missing_at != self.i)
        return self._span(first, self.tokens[last - (last == self.skipped_at)])

    def _word(self, tok: tuple, path: bool = False) -> ast.Word:
        """The Word of a name token; `path`: an SFS path's, whose last `.` may end its line."""
        kind, text, start, line, column, _first = tok
        size = len(text)
        if kind == "f":  # a placeholder: no text, where the token after it stands
            return ast.Word("", Span(self.file, line, column, line, column + size, start, start + size))
        if text[-1] == "." and not path and _SENTENCE_END.match(self.text, start + size):
            raise GiveUp  # a sentence's full stop (Recovery.name_full_stop)
        return ast.Word(text, Span(self.file, line, column, line, column + size, start, start + size))

    def _doc(self, span: Span) -> str | None:
        return doc_above(self.docs, span.line)

    def _keyword_span(self, tok: tuple, kind: ast.Kind) -> Span:
        """The span of a `single` or `identity` keyword (build.py: its length in the enum),
        also where a word half typed was read as it (`sin`, then the next line: the span
        runs on past the word, as the builder's, into the next line)."""
        end = tok[START] + len(kind.value)
        if end == tok[START] + len(tok[TEXT]):
            return self._span(tok, tok)
        line_start = self.text.rfind("\n", 0, end) + 1
        end_line = tok[LINE] + self.text.count("\n", tok[START], end)
        return Span(self.file, tok[LINE], tok[COL], end_line, end - line_start + 1, tok[START], end)

    # ------------------------------------------------------------ top level
    def module(self) -> ast.Module:
        imports, users, groups, clusters = [], [], [], []
        while self.type != T_END:
            type_ = self.type
            if type_ == "import":
                first = self._take(PATH)
                if self.type == T_PATH and self._thrice(self.i):
                    # `import import import std/zvm73`, which reads as two imports, the first
                    # of a module IMPORT: the keyword three times (Recovery.report_repeat)
                    raise GiveUp
                path = self._expect(T_PATH, KEYWORD)
                if path[KIND] != "f":  # a placeholder for a path missing: no import (build.py)
                    imports.append(ast.Import(path[TEXT], self._since(first)))
            elif type_ == "cluster":
                clusters.append(self.cluster())
            elif type_ == "single" or type_ == "identity":
                decl = self.declaration()
                (users if isinstance(decl, ast.UserDecl) else groups).append(decl)
            elif type_ in _CLUSTER_ONLY and not (users or groups or clusters) and self._cluster_reopened():
                tok = self.tokens[self.i]
                clusters.append(self._cluster_body(tok, ast.Word("", self._span(tok, tok))))
            elif type_ in _CLUSTER_ONLY and clusters and self._cluster_closed_early(clusters[-1], imports):
                tok = self.tokens[self.i]
                before = clusters[-1]
                after = self._cluster_body(tok, ast.Word("", self._span(tok, tok)))
                # the declarations between the two were read as the cluster's (build.py's join_reopened)
                since = [d for d in users if d.span.start > before.span.start]
                users = [d for d in users if d.span.start < before.span.start]
                since_groups = [d for d in groups if d.span.start > before.span.start]
                groups = [d for d in groups if d.span.start < before.span.start]
                clusters[-1] = _joined_cluster(before, since, since_groups, after)
            elif not self._group_reopened((imports, users, groups, clusters), groups, None):
                self._stray_statement(None)
        file = self.file
        comments = tuple(
            (Span(file, line, column, line, column + len(text), start, start + len(text)), text)
            for start, line, column, _first, text in self.comments
        )
        return ast.Module(file, tuple(imports), tuple(users), tuple(groups), tuple(clusters), comments)

    def name_list(self, options: frozenset[str] = frozenset()) -> tuple[ast.Word, ...]:
        """NAME ("," NAME)*: the current token is the first name. Where the statement
        may go on with one of its `options` after the list, perhaps one of them half
        typed, or one more name whose `,` is missing (`_option_respelt`)."""
        words = []
        while True:
            words.append(self._word(self._expect(T_NAME, LIST)))
            if self.type != ",":
                if options and self._option_respelt(options, listed=True):
                    words.append(self._word(self._take(LIST)))
                if any(word.text.lower() == "and" and word.text != "AND" for word in words[1:]):
                    raise GiveUp  # perhaps `, and` in the list (Recovery.and_after_comma)
                return tuple(words)
            self._next(NAME)

    def _group_users(self, entries: list, texts: list) -> None:
        """A run of user IDs in a group body (the current token is the first): the
        bulk of a large file, so the loop is flat. Under GROUP lexing (`plain`),
        a word is a NAME unless it spells `match`; anything else ends the run and
        `_next` decides it as usual. The named tuples are made with tuple.__new__,
        which is what their constructors do, less a Python call each; each token is
        unpacked once, the classes are locals and the name's length is taken once.
        Each name's text goes to `texts` too (`ast.Entries`)."""
        tokens, file, i = self.tokens, self.file, self.i
        add, make, entry, word = entries.append, tuple.__new__, ast.GroupEntry, ast.Word
        add_text = texts.append
        stops, colon_ended = _GROUP_STOPS, self.colon_ended
        _kind, text, start, line, column, _first = tokens[i]
        while True:
            length = len(text)
            span = make(Span, (file, line, column, line, column + length, start, start + length))
            add(make(entry, (make(word, (text, span)), False, span)))
            add_text(text)
            i += 1
            kind, text, start, line, column, _first = tokens[i]
            if kind != "n" or text.lower() in stops or colon_ended and text[-1] == ":":
                break  # `BKRBKUP:`, perhaps a REXX label (`_next`), tested only where a NAME ends in `:`
        self.i = i - 1
        self._next(GROUP)

    def declaration(self) -> ast.UserDecl | ast.GroupDecl:
        """kind "user" name_list role? | kind "group" NAME "{" group_entry* "}"."""
        kind = ast.Kind(self.type)  # not the word: a misspelt one is read as the keyword
        first = self._take(KEYWORD)
        # perhaps a keyword half typed, or left out before a name (`single g`)
        left_out = self.type == T_STRAY and self._respell(("group", "user"), ("user",))
        kind_missing = not left_out and self.type != "user" and self.type != "group"
        if left_out or kind_missing or self.type == "user":
            if kind_missing:  # before the next statement: `user` and a name, the recovery's completion
                self._missing("user", _KINDS)
            elif not left_out:
                self._next(NAME)
            names = self.name_list(_ROLE)  # perhaps `role` half typed
            role = None
            if self.type == "role":
                self._next(NAME)
                role = self._word(self._expect(T_NAME, KEYWORD))
            span = self._since(first)
            return ast.UserDecl(kind, names, role, span, self._keyword_span(first, kind), self._doc(span))
        self._next(NAME)
        name = self._word(self._expect(T_NAME, KEYWORD))
        brace_at = self.i
        self._expect("{", GROUP)
        entries = []
        texts: list[str] = []  # the user IDs' texts, as `_group_users` reads them (ast.Entries)
        while self.type != "}":
            if self._group_closed_empty(brace_at):
                break
            if self.type == T_NAME:
                tok = self.tokens[self.i]
                if tok[FIRST] and tok[TEXT] in _MATCH_BEGUN:
                    raise GiveUp  # `ma` on its line as `match` is typed (Recovery.match_begun)
                following = self.tokens[self.i + 1]  # alone on its line, or before the body's `}`
                alone = following[LINE] != tok[LINE] or following[KIND] == "}" or tok[TEXT] in KEYWORDS
                if tok[FIRST] and tok[TEXT] in _OPTIONS_IN_FULL:
                    raise GiveUp  # `catalog-node TCTMM on VMSYS1` on its line: misplaced (Recovery.match_begun)
                if tok[FIRST] and tok[TEXT] in _LONG_BEGUN and alone:
                    raise GiveUp  # `descripti` alone on its line, `description`: no user ID (Recovery.match_begun)
                if tok[FIRST] and (tok[TEXT] in _HYPHEN_BEGUN or tok[TEXT] in BLANK_PAIRS_BEGUN) and alone:
                    # `job-s` alone on its line, `job-suffix`, `to-d`, `to disk`: no user ID
                    # (Recovery.hyphen_begun, BLANK_PAIRS_BEGUN)
                    raise GiveUp
                if self._group_ends(name.text, brace_at, entries):
                    break  # its `}` missing before the next statement
                self._group_users(entries, texts)
            elif self.type == "match":
                entries.append(self._match_entry())
            elif self._group_closed_unsaid():
                break  # `match`, then the next statement: the body's `}` missing
            else:
                raise GiveUp
        if self.type == "}":
            self._next(KEYWORD)
        span = self._since(first)
        entries = ast.Entries.read(entries, texts)
        return ast.GroupDecl(kind, name, entries, span, self._keyword_span(first, kind), self._doc(span))

    def _match_entry(self) -> ast.GroupEntry:
        """match PATTERN, in a group body (the current token is `match`)."""
        keyword = self._take(NAME)
        word = self._word(self._expect(T_NAME, GROUP))
        if (
            word.text.lower() == "match"
            and not word.text.isupper()
            and (self.type != "}" or self.tokens[self.i][LINE] != self.tokens[self.i - 1][LINE])
        ):
            # `match match`, then a word or the end of its line: the keyword twice
            # (Recovery.keyword_twice, run_unfinished); before a `}` on its line, a pattern
            raise GiveUp
        return ast.GroupEntry(word, True, self._since(keyword))

    def _group_reopened(self, items: tuple[list, ...], groups: list, block: str | None) -> bool:
        """Whether the current token, a word that means no keyword where a statement of
        `block` starts, right after a group body's `}` in a file with a `}` too many, is
        read as the recovery reads it (`Recovery.stray_name`): that `}` closed the group
        early, and the word is its next user ID (BKR013, `messages.only_inside`, with the
        fix that removes the `}` where it is the one too many); the recovery reopens the
        group there (`Recovery.feed_types`), in which it reads the user IDs and patterns
        below up to the next `}`, the group then joined to the one closed (build.py's
        `join_reopened`). False where the word is no such one, or the recovery reads it
        as the statement keyword it may mean (`Recovery.misspelt`, before it:
        `_stray_statement`); GiveUp where the recovery may read it otherwise."""
        from bkrdsl.syntax import messages

        if (self.type != T_STRAY and self.type != T_STRAY_AFTER_KEYWORD) or not groups:
            return False
        before = max((item for read in items for item in read), key=_span_end)
        if before is not groups[-1] or messages.brace_balance(self.text) >= 0:
            return False
        tok = self.tokens[self.i]
        if messages.did_you_mean(tok[TEXT], BLOCK_STATEMENTS[block]):
            return False  # read as the keyword it may mean
        previous = self.tokens[self.i - 1]
        if (
            self.type != T_STRAY
            or self.error_at is not None
            or not tok[FIRST]
            or messages.looks_like_day(tok[TEXT])
            or previous[KIND] != "}"
            or previous[START] + 1 != before.span.end
        ):
            raise GiveUp  # the recovery weighs it: read apart, after an error, the group's `}` unsaid
        brace = self._span(previous, previous)
        closed = (_Titled(messages.block_title("group_decl", before.name.text)), brace)
        remove = self.source.deletion(brace) if messages.brace_balance(self.text) == -1 else None
        self.stray = messages.only_inside(tok[TEXT], "group_decl", self._span(tok, tok), closed, True, remove)
        self.stray_at = self.met_at = self.i  # the recovery feeds the word after the group's opening tokens
        self._reopen_group()
        entries = []
        self.group_reopened = True
        while self.type != "}":
            if self.type == T_NAME:
                self._group_users(entries, [])  # the group joined below holds a plain tuple
            elif self.type == "match":
                entries.append(self._match_entry())
            elif not self._slip_in_group_reopened(len(entries)):
                raise GiveUp  # a `{` in the body, a `,` or a text elsewhere: the recovery's other repairs
        self.group_reopened = False
        self._next(KEYWORD)
        last = self.tokens[self.i - 1]
        span = Span(self.file, before.span.line, before.span.column, last[LINE], last[COL] + 1, before.span.start, last[START] + 1)
        groups[-1] = ast.GroupDecl(before.kind, before.name, before.entries + tuple(entries), span, before.kind_span, before.doc)
        return True

    def _slip_in_group_reopened(self, read: int) -> bool:
        """Whether the current token, a `,` or a quoted text in the body of a group
        reopened (`_group_reopened`) after `read` entries, is read as the recovery reads
        it: no entry fits there, and it comes where a statement of the body may start
        (`Recovery.at_statement`): a `,` (`backup LINUX, CMSSVC full` below the word,
        BKR015, `messages.stray_comma`) or a text (`description "x"`, BKR004,
        `messages.STRAY_STRING`) is an error of its own (a token was read since the
        word's), and the recovery skips from it to the group's `}` (`skip_statement`),
        which closes the group. Not a `,` last on its line (`trailing_comma`'s), nor
        right after the word, nor where the skip stops elsewhere (`match`, a block's
        keyword starting its line, the end of the file)."""
        from bkrdsl.syntax import codes, messages

        tok = self.tokens[self.i]
        if tok[KIND] not in (",", "s") or read < 2 or self.later:
            return False
        if tok[KIND] == "," and self.tokens[self.i + 1][LINE] != tok[LINE]:
            return False  # perhaps a `,` after a whole statement (`Recovery.trailing_comma`)
        stop = self._skip_end(frozenset({"match"}))
        if self.tokens[stop][KIND] != "}":
            return False
        span = self._span(tok, tok)
        if tok[KIND] == ",":
            line_start = self.text.rfind("\n", 0, tok[START]) + 1
            diag = messages.stray_comma(span, self.text[line_start : tok[START]])
        else:
            diag = codes.SYNTAX(messages.STRAY_STRING, span, help=messages.GENERIC_HELP)
        self.later.append((self.i, diag))
        self.slip_in_group = True
        self._skip_comments(tok[START], self.tokens[stop][START])
        self.i = stop - 1  # the tokens skipped are read no more
        self._next(GROUP)
        return True

    def _reopen_group(self) -> None:
        """Read the current token, a word, as a group body's first user ID, the group's
        opening tokens fed before it (`single group NAME {`, the recovery's placeholders)."""
        self.type = T_NAME

    # ------------------------------------------------------------ cluster
    def cluster(self) -> ast.Cluster:
        first = self._take(NAME)
        name = self._word(self._expect(T_NAME, KEYWORD))
        self._open("cluster", name.text)
        return self._cluster_body(first, name)

    def _cluster_reopened(self) -> bool:
        """Whether the current token, a statement keyword of the cluster block only
        (`description`, `member`, ...) that starts a line of the top level, where only
        imports come before it, is read as the recovery reads it: the line that opened
        the cluster (`cluster NAME {`) deleted, or emptied as it is typed again. The
        recovery reports it (BKR013, `messages.only_inside`, naming every kind of block
        that takes it: `Recovery.other_blocks`) and opens a cluster there
        (`Recovery.reopen_path`), its name a placeholder over the keyword, in which it
        reads the statements below up to the cluster's `}` (`_cluster_body`). So too
        right after a word that means no keyword, skipped (`_stray_statement`, with the
        lines its skip steps over: `x` where `cluster NAME {` was, then the
        cluster's `description` line and a `member`): the word's error first (`paired`).
        True after keeping the error and opening the cluster; False after another error
        read before."""
        from bkrdsl.syntax import messages

        tok = self.tokens[self.i]
        skipped = self._skipped_before()
        if (self.error_at is not None and not skipped) or not tok[FIRST]:
            return False
        # the file's text where its braces balance, as the recovery gives it
        # (`Recovery.report_misplaced_outside`): a job above the cluster moved into it
        text = self.text if messages.brace_balance(self.text) == 0 else None
        diag = messages.only_inside(tok[TEXT], "cluster", self._span(tok, tok), None, False, also=_also_inside(tok), text=text)
        self._keep_cluster_only(diag, skipped)
        return True

    def _cluster_closed_early(self, before: ast.Cluster, imports: list) -> bool:
        """Whether the current token, a statement keyword of the cluster block only that
        starts a line of the top level after the cluster `before` (only declarations
        between), is read as the recovery reads it: that cluster closed early by a `}`
        too many (a block's `}` with its opening line deleted or emptied as it is typed
        again: `e` for `expire on M {`, whose skip steps over the block's statements to
        its `}`). The recovery reports it (BKR013, `messages.only_inside`, the `}` that
        closed the cluster named, `Recovery.report_misplaced_outside`: with a `}` too
        many, the help says it closed the cluster early, with the fix that removes it
        where it is the one too many) and reads the statements below in a cluster it
        opens there (`Recovery.reopen_path`), which build.py joins to `before`, with the
        declarations between (`join_reopened`). So too after a word that means no
        keyword in the cluster, whose skip (`_stray_statement`) ended at that `}`: the
        word's error first (`paired`). True after keeping the error and opening the
        cluster; False after another error read before, or after a cluster reopened."""
        from bkrdsl.syntax import messages

        tok = self.tokens[self.i]
        if not tok[FIRST] or not before.name.text or self.clusters_joined:
            return False  # after a cluster reopened: the recovery's placeholder block
        if any(item.span.start > before.span.start for item in imports):
            return False  # an import after the cluster: the recovery names no block closed
        brace = self._closing_brace(before)
        skipped = (
            self.stray is not None
            and self.stray_at is not None
            and self.tokens[self.stray_at][FIRST]
            and not self.respelt
            and self.missing_at is None
            and self.unclosed is None
            and self.skip_end is not None
            and self.tokens[self.skip_end][START] == brace.start
        )
        # or after such a word, then an error of its own whose skip ended there (`j`, then `to
        # tape pool P` and the job's `}`: `_manager_unexpected`), the third error
        skipped_later = (
            not skipped
            and self.stray is not None
            and not self.respelt
            and self.later_skip_end is not None
            and self.later[-1][0] == self.later_skip_end[0]
            and self.tokens[self.later_skip_end[1]][START] == brace.start
            and self.missing_at is None
            and self.unclosed is None
        )
        if self.error_at is not None and not skipped and not skipped_later:
            return False
        if skipped and any(group.span.end == self.tokens[self.stray_at - 1][START] + 1 for group in before.groups):
            raise GiveUp  # the word right after a group's `}`: the recovery reads it in the group reopened
        balance = messages.brace_balance(self.text)
        closed = (_Titled(messages.block_title("cluster", before.name.text)), brace)
        opener_gone = self._opener_deleted(before, brace, tok)
        remove = self.source.deletion(brace) if balance == -1 and not opener_gone else None
        span = self._span(tok, tok)
        diag = messages.only_inside(
            tok[TEXT], "cluster", span, closed, balance < 0, remove, also=_also_inside(tok), opener_gone=opener_gone
        )
        self.clusters_joined = True
        if skipped_later:
            self.later.append((self.i, diag))
            self.met_at = self.i  # the recovery counts the tokens after the errors from the keyword
            self._reopen("cluster")
            return True
        self._keep_cluster_only(diag, skipped)
        return True

    def _keep_cluster_only(self, diag, skipped: bool) -> None:
        """Keep the error of a cluster statement met outside the cluster (`_cluster_reopened`,
        `_cluster_closed_early`), as the second of a pair after a word skipped or as the one
        error, and open the cluster the recovery opens there."""
        if skipped:
            self.missing, self.missing_at, self.paired = diag, self.i, True
            self.met_at = self.i  # the recovery counts the tokens after the errors from the keyword
        else:
            self.stray_at = self.met_at = self.i  # the recovery counts the tokens after the error from the keyword
            self.stray = diag
        self._reopen("cluster")

    def _cluster_body(self, first: tuple, name: ast.Word) -> ast.Cluster:
        """A cluster's statements and its `}`, the cluster open (`first`: its first token)."""
        members, catalogs, expires, tapes, users, groups, jobs, settings, disks = ([] for _ in range(9))
        self.members = members  # those read so far, for an example's member (`_option_misplaced`)
        self.catalogs = catalogs  # those read so far, for an `expire on`'s member (`_catalog_read`)
        while self.type != "}":
            type_ = self.type
            if type_ == "member":
                members.append(self.member())
            elif type_ == "job":
                jobs.append(self.job())
            elif type_ == "single" or type_ == "identity":
                decl = self.declaration()
                (users if isinstance(decl, ast.UserDecl) else groups).append(decl)
            elif type_ == "catalog":
                catalogs.append(self.catalog())
            elif type_ == "expire":
                expires.append(self.expire())
            elif type_ == "tape":
                tapes.append(self.tape())
            elif type_ == "description":
                settings.append(self.description())
            elif type_ == "shared-volume":
                settings.append(self.names_setting())
            elif type_ == "disk":
                disks.append(self.disk())
            elif type_ == "link":
                settings.append(self.link())
            elif type_ in _JOB_ONLY or type_ in _EXPIRE_ONLY:
                items = (members, catalogs, expires, tapes, users, groups, jobs, settings, disks)
                self._reopened("job" if type_ in _JOB_ONLY else "expire", items, jobs if type_ in _JOB_ONLY else expires)
            elif type_ == "workers":  # a member's opening line deleted
                items = (members, catalogs, expires, tapes, users, groups, jobs, settings, disks)
                self._reopened("member", items, members)
            elif type_ in _TAPE_OPTIONS and self._tape_option_misplaced():
                pass  # the line skipped
            elif type_ == T_STRAY_AFTER_KEYWORD and self._catalog_typo():
                catalogs.append(self._catalog_completed())
            elif type_ == "shared" and self._shared_volume_begun():
                pass  # read as `shared-volume` (the loop reads it)
            elif (type_ == "shared" or type_ == "local") and self._catalog_left_out():
                catalogs.append(self.catalog(self._missing("catalog")))
            elif self._group_reopened((members, catalogs, expires, tapes, users, groups, jobs, settings, disks), groups, "cluster"):
                pass  # the word read as a group's user ID, the group reopened
            elif self._stray_statement("cluster"):
                break  # its `}` missing
        self._close()
        span = self._since(first)
        return ast.Cluster(
            name,
            tuple(members),
            tuple(catalogs),
            tuple(expires),
            tuple(tapes),
            tuple(users),
            tuple(groups),
            tuple(jobs),
            tuple(settings),
            span,
            self._doc(span),
            tuple(disks),
        )

    def description(self) -> ast.Setting:
        first = self._take(KEYWORD)
        text = self._expect(T_STRING, KEYWORD)
        word = self._word(text)
        if text[KIND] == "u":  # the recovery's `""`, over the text to the end of its line
            word = ast.Word('""', word.span)
        return ast.Setting("description", (word,), self._since(first))

    def names_setting(self) -> ast.Setting:
        """shared-volume NAME+ | private-volume NAME+."""
        keyword = self.type  # not the word: a misspelt one is read as the keyword
        first = self._take(NAME)
        values = [self._word(self._expect(T_NAME, MORE))]
        if values[0].text.lower() == first[TEXT].lower():
            raise GiveUp  # the keyword written twice (Recovery.keyword_twice)
        while self.type == T_NAME:
            if _medium_first(self.tokens[self.i]):
                raise GiveUp  # a selection, its action left out (Recovery.action_left_out)
            if _KEYWORD_SHAPED.fullmatch(self.tokens[self.i][TEXT]):
                # `tape-drives` after a label: a statement's word (Recovery.word_after_labels)
                if not self._word_after_labels():
                    raise GiveUp
                break
            text = self.tokens[self.i][TEXT]
            if text.lower() == "filepool" and text != text.upper() and self.tokens[self.i][FIRST]:
                raise GiveUp  # `filepool BKRPOOL` below the labels (Recovery.filepool_after_labels)
            if keyword == "shared-volume" and _retain_after_labels(values, self.tokens[self.i]):
                raise GiveUp  # `retain 35 days` below the labels (Recovery.retain_after_labels)
            if (
                text.lower() in PLACE_WORDS
                and text != text.upper()
                and first[TEXT].lower() == keyword  # not `shared server ...`, the keyword respelt
                and not _in_statement_run(values, self.tokens[self.i])
            ):
                raise GiveUp  # `private-volume M1PRV1 shared`: a keyword, no label (Recovery.keyword_as_label)
            block = "member" if keyword == "private-volume" else "cluster"
            if _keyword_begun_after_labels(self.tokens[self.i], block):
                # `ex` first on its line as `exclude` is typed: a statement's first word
                # (Recovery.word_after_addresses), read where statements start
                if not self._begun_after_labels():
                    raise GiveUp
                break
            values.append(self._word(self._take(MORE)))
        self.after_label = self.i
        return ast.volume_list(keyword, values, self._since(first))

    def _begun_after_labels(self) -> bool:
        """The current token, a word in small letters first on its line after a member's
        or the cluster's labels that begins a statement keyword (`_keyword_begun_after_labels`),
        is one the recovery marks as a statement's first word
        (`Recovery.word_after_addresses`): where it is last on its line too, it is read
        where statements start, as a word alone on its line (`_stray_statement`): T_STRAY
        and True. (Followed by more on its line, the recovery weighs it: False.)"""
        _kind, text, _start, line, _column, _first = self.tokens[self.i]
        if not self.blocks or self.blocks[-1][0] not in ("member", "cluster"):
            return False
        if not _typed_alone(text, self.tokens[self.i + 1], line) or _keywords_starting(text):
            return False
        self.type = T_STRAY
        return True

    def _word_after_labels(self) -> bool:
        """The current token, a word written as keywords are after a label (`private-volume
        T1PRV1  job-s`), is one the recovery marks as a statement's first word
        (`Recovery.word_after_labels`) and reads where statements start, as the block's
        loop reads a word that is no keyword after a statement on its line
        (`_stray_statement`): in a member block (`_OPTIONLESS_BLOCKS`), on the label's line
        and last on it. Then it is T_STRAY (Lark's lexer read it whole, as a name, here: no
        keyword at its start is read apart) and True."""
        _kind, text, _start, line, _column, first = self.tokens[self.i]
        if first or not self.blocks or self.blocks[-1][0] not in _OPTIONLESS_BLOCKS:
            return False
        if not _typed_alone(text.lower(), self.tokens[self.i + 1], line):
            return False
        self.type = T_STRAY
        return True

    def name_setting(self) -> ast.Setting:
        """workers NAME | job-suffix NAME."""
        keyword = self.type  # not the word: a misspelt one is read as the keyword
        self.setting_at = self.i
        first = self._take(NAME)
        value = self._word(self._expect(T_NAME, KEYWORD))
        if value.text.lower() == first[TEXT].lower():
            raise GiveUp  # the keyword written twice (Recovery.keyword_twice)
        return ast.Setting(keyword, (value,), self._since(first))

    def subconfig(self) -> ast.Setting:
        """subconfig NAME NAME: a machine, and the SUBCONFIG its instance on this member has."""
        first = self._take(NAME)
        machine = self._word(self._expect(T_NAME, NAME))
        name = self._word(self._expect(T_NAME, KEYWORD))
        return ast.Setting("subconfig", (machine, name), self._since(first))

    def link(self) -> ast.Setting:
        """link NAME NAME NAME (as NAME)? NAME: a product machine, the owner, the owner's
        address, perhaps the address the machine links it at, and the link mode."""
        first = self._take(NAME)
        values = [self._word(self._expect(T_NAME, NAME)), self._word(self._expect(T_NAME, NAME))]
        if self.type == T_NAME and len(text := self.tokens[self.i][TEXT]) > 2 and text.lower().endswith("as"):
            raise GiveUp  # `05E5as`: the address and `as` run together, which Lark's recovery reports
        values.append(self._word(self._expect(T_NAME, LINK_AS)))
        if self.type == "as":
            self._next(NAME)
            values.append(self._word(self._expect(T_NAME, NAME)))
        values.append(self._word(self._expect(T_NAME, KEYWORD)))
        return ast.Setting("link", tuple(values), self._since(first))

    def disk(self) -> ast.Disk:
        """disk NAME NAME size NAME NAME (on NAME (at NAME)?)?"""
        first = self._take(NAME)
        user = self._word(self._expect(T_NAME, NAME))
        address = self._word(self._expect(T_NAME, KEYWORD))
        # perhaps `size` half typed, or a word that means none after the address (`disk U
        # 191 s`): the unit, after `size` and the size left out
        if self.type == T_STRAY and self._respell(("size",), ("size", T_NAME)):
            size = self._word(("f", *self.tokens[self.i][1:]))  # empty, where the word stands
            unit = self._word(self._take(KEYWORD))
        else:
            self._expect("size", NAME)
            size = self._word(self._expect(T_NAME, NAME))
            unit = self._word(self._expect(T_NAME, KEYWORD))
        volume = start = None
        self._option_respelt(_ON)  # perhaps `on` half typed
        if self.type == "on":
            self._next(NAME)
            volume = self._word(self._expect(T_NAME, KEYWORD))
            self._each_member(volume)  # `on each member M { }`: not the volume `each`
            self._option_respelt(_AT)
            if self.type == "at":
                self._next(NAME)
                start = self._word(self._expect(T_NAME, KEYWORD))
        return ast.Disk(user, address, size, unit, volume, start, self._since(first))

    def member(self) -> ast.Member:
        first = self._take(NAME)
        name = self._word(self._expect(T_NAME, KEYWORD))
        self._open("member", name.text)
        return self._member_body(first, name)

    def _member_body(self, first: tuple, name: ast.Word) -> ast.Member:
        """A member's statements and its `}`, the member open (`first`: its first token)."""
        settings, selections = [], []
        while self.type != "}":
            type_ = self.type
            if type_ == "workers" or type_ == "job-suffix":
                settings.append(self.name_setting())
            elif type_ == "private-volume":
                settings.append(self.names_setting())
            elif type_ == "subconfig":
                settings.append(self.subconfig())
            elif type_ == "include" or type_ == "exclude":
                selections.append(self.selection())
            elif type_ == "description":
                settings.append(self.description())
            else:
                if self._stray_statement("member"):
                    break  # its `}` missing
        self._close()
        span = self._since(first)
        return ast.Member(name, tuple(settings), tuple(selections), span, self._doc(span))

    def selection(self) -> ast.Selection:
        """action minidisk NAME NAME+ | action sfs NAME+."""
        action = ast.Action(self.type)  # not the word: a misspelt one is read as the keyword
        first = self._take(KEYWORD)
        # perhaps a keyword half typed, or left out before a name (`include m`)
        left_out = self.type == T_STRAY and self._respell(("minidisk", "sfs"), ("sfs",))
        if self.type != "minidisk" and self.type != "sfs" and not left_out:
            if (self.type == "include" or self.type == "exclude") and not self.tokens[self.i][FIRST]:
                raise GiveUp  # `include exclude minidisk`: on one line, the recovery's to weigh
            # the medium missing before the next statement (`exclude`, then `include sfs ...`
            # on the next line, the next selection: not its words the wrong way round): the
            # recovery completes it with `sfs` and a path, placeholders where the next token
            # stands (`_missing`, `Recovery.selection_below`)
            self._missing("sfs", _MEDIA)
            if self.type != "}" and self.type not in BLOCK_STATEMENTS[self.blocks[-1][0] if self.blocks else None]:
                # before a token that does not fit after them (`member`, the block's `}`
                # missing): the recovery's completion is `minidisk` and two names
                raise GiveUp
            left_out = True  # read on after the placeholder, as after `sfs`
        if self.type == "minidisk":
            self._next(NAME)
            owner = self._word(self._expect(T_NAME, NAME))
            if owner.text.lower() in _OWNER_LABELS and not owner.text.isupper():
                raise GiveUp  # perhaps `owner` before the owner (Recovery.owner_label)
            if owner.text.lower() == "minidisk" and not owner.text.isupper():
                raise GiveUp  # `minidisk minidisk`, whatever follows: the keyword twice (Recovery.keyword_twice)
            items = [self._word(self._expect(T_NAME, MORE))]
            medium = ast.Medium.MINIDISK
        else:
            if not left_out:
                self._next(NAME)
            owner = None
            items = [self._word(self._expect(T_NAME, MORE), path=True)]
            if items[0].text.lower() == "sfs" and not items[0].text.isupper():
                raise GiveUp  # `sfs sfs`, whatever follows: the keyword twice (Recovery.keyword_twice)
            medium = ast.Medium.SFS
        while self.type == T_NAME:
            if _medium_first(self.tokens[self.i]):
                raise GiveUp  # the next selection, its action left out (Recovery.action_left_out)
            if _keyword_begun(self.tokens[self.i], medium is ast.Medium.MINIDISK, self.tokens[self.i + 1]):
                self._statement_begun()  # a statement's first word being typed
                break
            if _hyphenated_first(self.tokens[self.i], medium is ast.Medium.MINIDISK):
                raise GiveUp  # `job-s` as `job-suffix` is typed (Recovery.word_after_addresses)
            items.append(self._word(self._take(MORE), path=medium is ast.Medium.SFS))
        if medium is ast.Medium.MINIDISK and len(items) > 1 and {w.text.lower() for w in items} & _RANGE_WORDS:
            raise GiveUp  # perhaps `0191 thru 01FF` (Recovery.range_with_word)
        return ast.Selection(action, medium, owner, tuple(items), self._since(first))

    def _statement_begun(self) -> None:
        """The current token, after a minidisk selection's addresses, is a statement's
        first word being typed (`_keyword_begun`, `Recovery.word_after_addresses`): the
        list ends before it, and it is read again as where a statement starts, where
        only keywords fit (Lark's state, which accepts a name, is the same). Alone on
        its line it is a word the block's loop reports as at a line's start
        (`_stray_statement`: BKR012, `exclude` meant or no keyword, and skipped); with
        more on its line (`ex 0192`) `_next` gives up, as Lark's lexer may read it apart."""
        self.begun_at = self.i
        self.i -= 1
        self._next(KEYWORD)

    def scope(self, option: str | None) -> tuple[ast.Scope, bool]:
        """shared | local; where it is missing before the next statement, what the
        recovery completes it with: `local` (`_missing`). A word last on its line
        that means neither (`catalog s`), before the next statement or the block's
        `}`, the recovery reads as the one name of the statement's `option` that
        comes first in its order (`on`), `local` and that keyword left out before it
        (`Recovery.insertion`, `_left_out`): then True, the word the current token, a
        NAME. With no `option` (`tape manager s`), before an option of the statement
        starting the next line, as a request node's name (`_tape_option_next`); before
        the next statement (the recovery ends the statement after `local` and reads
        the word as a `shared-volume` statement of the cluster, its keyword left out)
        the fast parser gives up on such a word."""
        if self.type == T_STRAY:  # perhaps a scope half typed (`catalog shar`)
            if option is None and self._tape_option_next():
                option = _TAPE_LEFT_OUT[1]
            if self._respell(("local", "shared"), ("local", option) if option else ()):
                return ast.Scope.LOCAL, True
        if self.type != "shared" and self.type != "local":
            if option == "on" and self.type in _TAPE_OPTIONS and self._option_as_scope():
                return ast.Scope.LOCAL, False
            if option == "on" and self.tokens[self.i - 1][TEXT].lower() == "catalog":
                from bkrdsl.syntax import messages

                if messages.scope_after_options(self.text, self.tokens[self.i - 1][START] + 7) is not None:
                    raise GiveUp  # the scope after the options (`Recovery.scope_after_options`)
            self._missing("local", _SCOPES)
            return ast.Scope.LOCAL, False
        scope = ast.Scope(self.type)
        self._next(KEYWORD)
        return scope, False

    def _manager_unexpected(self) -> int | None:
        """Where the recovery's skip stops (the token's index) if the current token, a
        word last on the line of `tape` where only `manager` fits, that does not respell
        it (`tape m`, `tape ma` as it is typed), is read as the recovery reads it: its
        generic error (BKR004 "unexpected `m`; expected `manager`", `Recovery.unexpected`,
        `messages.unexpected`), the statement completed (`manager local`, the tape
        manager spanning `tape` and the word), then its skip from the word to the next
        statement or the block's `}` (`_skip_end`: an option line below is skipped
        unread, the comments after the token after the word dropped); so a keyword on
        the line that starts nothing (`_MANAGER_NOT_BEFORE`: `tape pool` as `to tape pool
        P` is typed), `manager` reported missing before it (BKR004, `Recovery.mid_statement`,
        `messages.missing_other`), also after a word skipped to that `tape` (`j` as `job
        NAME {` is typed again), an error of its own (`_after_skip`), where its skip
        stops kept in `later_skip_end`. None after another error read before, before `local` or
        `shared`, or where the skip would run to the end of the file: the recovery writes
        `manager` in the word's place there (`_replaced`)."""
        from bkrdsl.syntax import messages

        tok, following = self.tokens[self.i], self.tokens[self.i + 1]
        keyword = self.type != T_STRAY
        later = self.error_at is not None
        if tok[FIRST] or (later and (not keyword or self.later or not self._after_skip(self.i))):
            return None
        if not keyword and messages.did_you_mean(tok[TEXT], ("manager",), synonyms=False):
            return None
        if following[KIND] == "n" and following[TEXT].lower() in _SCOPES:
            return None
        stop = self._skip_end(BLOCK_STATEMENTS["cluster"])
        if self.tokens[stop][KIND] == "$":
            return None  # at the end of the file the recovery writes `manager` in the word's place
        if keyword:
            tape = self.tokens[self.i - 1]
            after = f" after {messages.shown(tape[TEXT])}"
            diag = messages.missing_other("`manager`", after, messages.shown(tok[TEXT]), self._span(tape, tape), "MANAGER")
        else:
            diag = messages.unexpected(messages.shown(tok[TEXT]), "`manager`", self._span(tok, tok))
        if later:
            self.later.append((self.i, diag))
            self.later_skip_end = (self.i, stop)
        else:
            self.skip_end = stop
            self.stray_at = self.i
            self.stray = diag
        return stop

    def _tape_option_next(self) -> bool:
        """Whether the token after the current one, a word last on its line where a tape
        manager's scope is due (`tape manager s`), is an option of the statement that
        starts the next line (`catalog-dmm D`): the recovery then reads the word as a
        request node's name, `local request-node` left out before it (the fewest
        keywords after which it and that option fit, the first option of one name in
        the grammar's order: `Recovery.insertion`), and reports the scope missing
        (BKR004, `_left_out`); the option line is read on as the statement's."""
        following = self.tokens[self.i + 1]
        return following[KIND] == "n" and following[FIRST] and following[TEXT].lower() in _TAPE_OPTIONS

    def _tape_option_misplaced(self) -> bool:
        """Whether the current token, an option of `tape manager` (`catalog-dmm`) that
        starts a line of the cluster where a statement starts, the statement before it
        whole (its `tape manager` line deleted, or emptied as it is typed again), is read
        as the recovery reads it: a hyphenated keyword in a block that does not take it
        (BKR013, `messages.hyphenated_misplaced`, `Recovery.hyphen_misplaced`), skipped
        with the values after it on its line that read on in the statement's place
        (`Recovery.values_end`: names, further options); True after the skip, the
        current token the next line's first. False, for the block's loop to give up,
        after an error, and where the line holds anything else."""
        if self.error_at is not None:
            return False
        k = self._tape_line_end()
        if k is None:
            return False
        self.stray = self._option_misplaced()
        self.stray_at, self.met_at = self.i, k - 1  # the recovery lexes from the token after the line
        self.i = k - 1
        self._next(KEYWORD)
        return True

    def _tape_line_end(self) -> int | None:
        """Where the current token, an option of `tape manager` that starts a line of the
        cluster, is skipped to by the recovery, with the values after it on its line that
        read on in the statement's place (`Recovery.values_end`: names, further options):
        the index of the next line's first token; None where the line holds anything
        else or the file ends after it (the recovery's cluster then ends inside the keyword)."""
        tok = self.tokens[self.i]
        if not tok[FIRST] or self.blocks[-1][0] != "cluster":
            return None
        k, due = self.i + 1, _TAPE_VALUES[tok[TEXT].lower()]
        while self.tokens[k][LINE] == tok[LINE] and k - self.i < 7:  # Recovery.window's reach
            kind, word = self.tokens[k][KIND], self.tokens[k][TEXT].lower()
            if kind != "n":
                return None
            if due:
                if due[0] == "on" and word != "on":
                    return None
                if due[0] == T_NAME and word in ("each", "and"):
                    return None  # `on each member`, names joined: the recovery's own readings
                due = due[1:]
            elif word in _TAPE_OPTIONS:
                due = _TAPE_VALUES[word]
            else:
                return None  # a statement on the line, or a word too many
            k += 1
        following = self.tokens[k]
        if following[LINE] == tok[LINE] or not (following[KIND] == "}" or following[TEXT].lower() in KEYWORDS):
            return None  # at the end of the file, the recovery's cluster ends inside the keyword
        return k

    def _option_misplaced(self) -> Diagnostic:
        """The recovery's error for the current token, an option of `tape manager` where it
        does not belong (BKR013, `messages.hyphenated_misplaced`, `Recovery.hyphen_misplaced`)."""
        from bkrdsl.syntax import messages

        tok = self.tokens[self.i]
        _kind, name, brace = self.blocks[-1]
        where = "a `cluster` block outside `tape manager`"
        title = messages.block_title("cluster", name)
        member = self.members[0].name.text if self.members else None  # the example's (`Recovery.first_member`)
        span = self._span(tok, tok)
        return messages.hyphenated_misplaced(tok[TEXT], tok[TEXT].lower(), where, span, (title, self._span(brace, brace)), member)

    def _option_as_scope(self) -> bool:
        """Whether the current token, an option of `tape manager` that starts the line
        after `catalog` (`tape manager shared catalog`, then `catalog-dmm TC request-dmm
        TR`: the statement's line typed on), where the catalog's scope is due, is read as
        the recovery reads it: misplaced (BKR013, `_option_misplaced`) and skipped with its
        line (`_tape_line_end`), the scope completed with `local` unsaid, the catalog
        ending at the keyword (`scope_skipped_at`). After nothing wrong, or right after
        `catalog` written otherwise (`_catalog_meant`), whose error comes first
        (`paired`). True after the skip, the current token the next line's first."""
        if self.error_at is not None and not (self.stray_at == self.i - 1 and self.respelt == ["catalog"]):
            return False
        k = self._tape_line_end()
        if k is None:
            return False
        self.missing = self._option_misplaced()
        self.missing_at = self.scope_skipped_at = self.i
        self.met_at = k - 1  # the recovery lexes from the token after the line (`_tape_option_misplaced`)
        if self.stray_at is not None:  # the word read as `catalog`: its error first
            from bkrdsl.syntax import messages

            self.paired = True
            if self.stray is None:  # misspelt where a statement starts (`catlog`, `_stray_statement`)
                word = self.tokens[self.stray_at]
                self.stray = messages.unknown_keyword(messages.shown(word[TEXT]), self.respelt, self._span(word, word))
            # no fix writing `catalog` above the option line, which it leaves misplaced
            self.stray = messages.catalog_above_tape_line(self.stray)
        self.i = k - 1
        self._next(KEYWORD)
        return True

    def _catalog_typo(self) -> bool:
        """Whether the current token (`T_STRAY_AFTER_KEYWORD`, a word last on its line),
        where a statement of the cluster starts or after one on its line, is `catalog`,
        a hyphen and letters that make no keyword but are close to a hyphenated one
        (`catalog-n` as `catalog-node` is typed, `catalog-d`): Lark's lexer reads
        `catalog`, a statement of the cluster, and the rest apart, and the recovery
        reports the word whole (BKR012, `messages.unknown_keyword`, with its fix:
        `Recovery.hyphenated_typo`); `catalog-`, the hyphen alone, is read alike, with the
        recovery's generic error for the `-` (BKR004, `messages.unexpected`). True after keeping the error; False, for the
        block's loop, on any other word, after an error, and on a word as long as a
        hyphenated keyword it is close to (`Recovery.hyphen_form`)."""
        from bkrdsl.syntax import messages

        tok = self.tokens[self.i]
        word = tok[TEXT]
        head, _hyphen, rest = word.partition("-")
        if self.error_at is not None or head.lower() != "catalog":
            return False
        if word[len(head) :] == "-":
            # `catalog-`: Lark's lexer reads `catalog` and the `-`, which the recovery
            # reports with its generic error (`Recovery.unexpected`), then completes and skips
            self.stray_at = self.i
            hyphen = tok[START] + len(head)
            self.stray = messages.unexpected("`-`", "`local` or `shared`", self.source.span(hyphen, hyphen + 1))
            return True
        if not rest or _hyphenated_like(word):
            return False
        words = messages.did_you_mean(word, sorted(_HYPHENATED))
        if not words:
            return False
        self.stray_at = self.i
        self.stray = messages.unknown_keyword(messages.shown(word), words, self._span(tok, tok))
        return True

    def _catalog_completed(self) -> ast.Catalog:
        """After `_catalog_typo`: the catalog the recovery reads, `catalog` then the
        scope its completion gives (`local`) over the word, and its skip from the word
        to the next statement or the block's `}` (`Recovery.skip_statement`, `_skip_end`,
        the lines on the way unread and their comments dropped)."""
        tok = self.tokens[self.i]
        stop = self._skip_end(BLOCK_STATEMENTS["cluster"])
        self._skip_comments(tok[START], self.tokens[stop][START])
        self.skip_end = stop
        self.i = stop - 1
        self._next(KEYWORD)
        return ast.Catalog(ast.Scope.LOCAL, (), (), (), self._span(tok, tok))

    def _shared_volume_begun(self) -> bool:
        """Whether the current token, `shared` where a statement of the cluster starts,
        in small letters alone on its line before the cluster's `}` or a statement
        keyword starting the next line (`_catalog_left_out`'s places), is `shared-volume`
        typed up to its hyphen: the recovery reads it as that keyword, as `share` and
        `shared-` are (BKR012, `Recovery.hyphenated_begun_alone`), its value then
        missing (`_value_missing`). True after setting it so; False where an error was
        read before, or the word is not so alone."""
        tok, following = self.tokens[self.i], self.tokens[self.i + 1]
        if self.error_at is not None or tok[TEXT] != "shared" or not tok[FIRST] or following[LINE] == tok[LINE]:
            return False
        if following[KIND] != "}" and not (
            following[KIND] == "n" and following[TEXT].lower() in BLOCK_STATEMENTS["cluster"]
        ):
            return False
        self.stray_at = self.i
        self.respelt = ["shared-volume"]
        self.type = "shared-volume"
        return True

    def _catalog_left_out(self) -> bool:
        """Whether the current token, a scope (`shared`, `local`) where a statement of
        the cluster starts, alone on its line (`shared` as `shared-volume V` is typed)
        before the cluster's `}` or a statement keyword starting the next line, is a
        catalog's scope, its `catalog` left out: the recovery reports the keyword
        missing before it (BKR004, `messages.missing_before`, `Recovery.misplaced_keyword`:
        the one statement keyword the scope fits after) and reads the statement on from
        it. True after keeping the error (the scope's token, where Lark met it, stands
        for the placeholder `catalog`: `_missing`); False, for the block's loop to give
        up, where an error was read before or the scope has company."""
        from bkrdsl.syntax import messages

        tok, following = self.tokens[self.i], self.tokens[self.i + 1]
        if self.error_at is not None or not tok[FIRST] or following[LINE] == tok[LINE]:
            return False
        if following[KIND] != "}" and not (
            following[KIND] == "n" and following[TEXT].lower() in BLOCK_STATEMENTS["cluster"]
        ):
            return False
        self.missing = messages.missing_before(
            tok[TEXT],
            "`catalog`",
            self._span(tok, tok),
            ("catalog",),
            messages.written_from(self.text, tok[START]),
            insert=True,  # `catalog shared` alone is a whole statement (Recovery.made_whole)
        )
        self.missing_at = self.i
        return True

    def catalog(self, first: tuple | None = None) -> ast.Catalog:
        """catalog scope options; `first`, where given, the placeholder for a `catalog`
        left out before the scope (`_catalog_left_out`)."""
        start = self.i
        written = first is None  # not a placeholder for a `catalog` left out
        if first is None:
            first = self._take(KEYWORD)
        scope, left_out = self.scope("on")
        found: dict[str, list] = {"server": [], "pool": [], "on": []}
        waits: dict[str, list] = {"logon-wait": [], "pool-wait": []}
        last = None  # the option whose one name the statement ends with
        if left_out:  # `catalog s`: the word read as the home member, `local on` left out
            found["on"].append(self._word(self._take(KEYWORD)))
            last = "on"
        # perhaps an option half typed (`catalog shared ser`), or begun (`catalog shared s`)
        self._option_respelt(_CATALOG_OPTIONS, start=start if written and not left_out else None)
        while self.type in found or self.type in waits:
            option = self.type
            if option in waits:
                waits[option].append(self._wait())
                self._option_respelt(_CATALOG_OPTIONS, start=start if written else None)
                last = None
                continue
            last = option
            self._next(NAME)
            found[option].append(self._word(self._expect(T_NAME, KEYWORD)))
            if option == "on":
                self._each_member(found[option][-1])
            self._option_respelt(_CATALOG_OPTIONS, start=start if written else None)
        tok = self.tokens[self.i]
        if not found["on"] and tok[TEXT].lower() == "member" and tok[LINE] == self.tokens[self.i - 1][LINE]:
            raise GiveUp  # `... pool BKRPOOL member VMSYS1`: `on` meant (`Recovery.catalog_member_word`)
        given = frozenset(option for option, values in (*found.items(), *waits.items()) if values)
        self._options_open_after(start, given, last)
        skipped = self.scope_skipped_at
        return ast.Catalog(
            scope,
            tuple(found["server"]),
            tuple(found["pool"]),
            tuple(found["on"]),
            self._since(first) if skipped is None else self._span(first, self.tokens[skipped]),
            tuple(waits["logon-wait"]),
            tuple(waits["pool-wait"]),
        )

    def _wait(self) -> ast.Wait:
        """logon-wait NAME NAME | pool-wait NAME NAME: a count and its unit."""
        first = self._take(NAME)
        count = self._word(self._expect(T_NAME, NAME))
        unit = self._word(self._expect(T_NAME, KEYWORD))
        return ast.Wait(count, unit, self._since(first))

    def _each_member(self, word: ast.Word) -> None:
        """Give up on `on each member` where one member is named (the catalog's, the
        catalog node's) or a volume (a disk's, before a member block on its line):
        the recovery reports it (`Recovery.each_member_for_one`)."""
        if word.text.lower() == "each":
            following = self.tokens[self.i]
            if following[TEXT].lower() in ("member", "members") and following[LINE] == word.span.line:
                raise GiveUp

    def placement(self, options: frozenset[str] = frozenset()) -> ast.Placement:
        """on each member | on name_list; `options`, those the statement may go on with
        after it (`name_list`)."""
        if self.type == T_STRAY:  # perhaps a keyword half typed
            self._respell(("on",))
        first = self._expect("on", PLACE)
        if self.type == "each":
            self._next(KEYWORD)
            self._expect("member", KEYWORD)
            return ast.Placement(True, (), self._since(first))
        return ast.Placement(False, self.name_list(options), self._since(first))

    def schedule(self) -> ast.Schedule:
        """daily NAME | weekly name_list NAME | monthly ordinal? NAME NAME | manual."""
        frequency = self.type  # not the word: a misspelt one is read as the keyword
        after = {"manual": KEYWORD, "monthly": MONTHLY}.get(frequency, NAME)
        first = self._take(after)
        if frequency == "manual":
            return ast.Schedule("manual", (), None, self._since(first))
        if frequency == "daily":
            time = self._word(self._expect(T_NAME, KEYWORD))
            return ast.Schedule("daily", (), time, self._since(first))
        if frequency == "weekly":
            self.days_open = True
            days = self.name_list()
            self.days_open = False
            if _medium_first(self.tokens[self.i]):
                # `weekly mon`, then `minidisk` starting a line: a selection, its action left
                # out (Recovery.action_left_out), the time missing (found by .ci/explore 38004)
                raise GiveUp
            time = self._word(self._expect(T_NAME, KEYWORD))
            return ast.Schedule("weekly", days, time, self._since(first))
        ordinal = None
        if self.type in ORDINALS:  # `monthly first sun 02:00`: the Nth weekday
            ordinal = self._word(self._take(NAME))
        day = self._word(self._expect(T_NAME, NAME))
        time = self._word(self._expect(T_NAME, KEYWORD))
        return ast.Schedule("monthly", (day,), time, self._since(first), ordinal)

    def expire(self) -> ast.Expire:
        self.expire_at = self.i
        first = self._take(KEYWORD)
        placement = self.placement()
        self._open("expire", None)  # named by no word: the recovery sees its placement, not a name
        return self._expire_body(first, placement)

    def _expire_body(self, first: tuple, placement: ast.Placement) -> ast.Expire:
        """An expire block's statements and its `}`, the block open (`first`: its first token)."""
        previews, purges, retains = [], [], []
        while self.type != "}":
            type_ = self.type
            if type_ == "preview" or type_ == "purge":
                self._next(KEYWORD)
                (previews if type_ == "preview" else purges).append(self._expire_schedule())
            elif type_ == "retain":
                keyword = self._take(NAME)
                retains.append(self._word(self._expect(T_NAME, KEYWORD)))
                if retains[-1].text.lower() == keyword[TEXT].lower():
                    raise GiveUp  # the keyword written twice (Recovery.keyword_twice)
                self._expect("days", KEYWORD)
            else:
                if self._stray_statement("expire"):
                    break  # its `}` missing
        self._close()
        return ast.Expire(placement, tuple(previews), tuple(purges), tuple(retains), self._since(first))

    def _expire_schedule(self) -> ast.Schedule:
        """A `preview`'s or `purge`'s schedule; where it is missing before the next
        statement, what the recovery completes it with: `manual` (`_missing`), or, a
        word alone on its line that means no schedule being there (`preview d`), that
        word as a `daily`'s time (`_left_out`). A word that says when in other words
        (`preview day`, `purge nightly`) is the recovery's schedule phrase (BKR012,
        `messages.schedule_phrase`), and so are days as one word (`purge sat-sun`:
        `Recovery.days_alone`): GiveUp."""
        if self.type == T_STRAY:
            from bkrdsl.syntax import messages  # not on a clean file's way: its import is dear

            word = self.tokens[self.i][TEXT]
            if messages.looks_like_schedule(word) or messages.days_written_as_one(word) is not None:
                raise GiveUp  # `purge sat-sun`, `weekly` and the time left out: BKR012 too
        if self.type == T_STRAY and self._respell(tuple(sorted(_SCHEDULES)), ("daily",)):
            tok = self._take(KEYWORD)
            return ast.Schedule("daily", (), self._word(tok), self._span(tok, tok))
        if self.type in _SCHEDULES:
            return self.schedule()
        tok = self._missing("manual", _SCHEDULES)
        return ast.Schedule("manual", (), None, self._span(tok, tok))

    def tape(self) -> ast.Tape:
        """tape manager scope (catalog-node NAME on NAME | request-node NAME
        | catalog-dmm NAME | request-dmm NAME)*."""
        start = self.i
        first = self._take(KEYWORD)
        stop = None
        if self.type == T_STRAY or self.type in _MANAGER_NOT_BEFORE:
            stop = self._manager_unexpected()
        if stop is not None:
            # the recovery's completion, `manager local`, over the word; then its skip,
            # which drops the comments after the token it looked at after the word
            tok = self.tokens[self.i]
            self._skip_comments(self.tokens[self.i + 1][START], self.tokens[stop][START])
            self.i = stop - 1
            self._next(KEYWORD)
            return ast.Tape(ast.Scope.LOCAL, (), (), (), (), self._span(first, tok))
        self._expect("manager", KEYWORD)
        scope, left_out = self.scope(None)
        catalog_nodes, request_nodes, catalog_dmms, request_dmms = [], [], [], []
        if left_out:  # `tape manager s`, then an option line: the word read as a request node
            tok = self._take(KEYWORD)
            request_nodes.append(ast.TapeNode(self._word(tok), None, self._span(tok, tok)))
        lists = {"request-node": request_nodes, "catalog-dmm": catalog_dmms, "request-dmm": request_dmms}
        last = None  # the keyword whose one name the statement ends with (`on` after a catalog node's)
        while True:
            # perhaps an option half typed (`request-no`), or begun (`tape manager shared c`)
            self._option_respelt(_TAPE_OPTIONS, start=None if left_out else start)
            type_ = self.type
            if type_ == "catalog-node":
                option = self._take(NAME)
                self.tape_node_at = self.i
                node = self._word(self._expect(T_NAME, KEYWORD))
                self.tape_on_at = self.i
                self._expect("on", NAME)
                member = self._word(self._expect(T_NAME, KEYWORD))
                self._each_member(member)
                catalog_nodes.append(ast.TapeNode(node, member, self._since(option)))
                last = "on"
            elif type_ in lists:
                option = self._take(NAME)
                node = self._word(self._expect(T_NAME, KEYWORD))
                lists[type_].append(ast.TapeNode(node, None, self._since(option)))
                last = type_
            else:
                given = {"catalog-node": catalog_nodes, **lists}
                given_options = frozenset(k for k, v in given.items() if v)
                self._options_open_after(start, given_options, last)
                return ast.Tape(
                    scope,
                    tuple(catalog_nodes),
                    tuple(request_nodes),
                    tuple(catalog_dmms),
                    tuple(request_dmms),
                    self._since(first),
                )

    # ------------------------------------------------------------ jobs
    def _reopened(self, kind: str, items: tuple[list, ...], blocks: list) -> None:
        """A statement only a job takes (`backup`, `to`, `run`), or only an expire
        block (`preview`, `purge`, `retain`), or a member's `workers`, starting a line of
        the cluster block: the line that opened its block (`job NAME {`, `expire on M {`,
        `member M {`) deleted, or not yet typed again. The recovery reports it (BKR013, `messages.only_inside`) and
        reads the statements below in a block of `kind` it opens there
        (`Recovery.reopen_path`), nameless (an expire block's member a placeholder),
        but joined to the block of that kind right before it, if one is (build.py's
        `join_reopened`; `items`: the cluster's, read so far; `blocks`: those of
        `kind`). Where that block's `}` comes right before it, the help names the
        block and says the line may be missing (`opener_gone`); where that `}` does not
        look the block's own (`Recovery.opener_line_deleted`), the file's count of
        braces decides: with a `}` too many, the help says it closed the block early,
        with the fix that removes it where it is the one too many (`Source.deletion`,
        as `Recovery.extra_brace`); GiveUp elsewhere."""
        from bkrdsl.syntax import messages

        tok = self.tokens[self.i]
        if not tok[FIRST]:
            raise GiveUp
        if self.after_label == self.i and self._last_label_perhaps():
            raise GiveUp  # perhaps a last volume label (Recovery.keyword_label), the list's line above
        before = max((item for read in items for item in read), key=_span_end, default=None)
        if self.missing_at == self.i:
            # the statement before completed at this keyword, its value missing: the
            # recovery reopens the block as it reads the keyword, in the same repair, and
            # reports once a token (`Recovery.report`): no error of its own
            self._reopen(kind)
            self._reopened_body(kind, tok, before, blocks, before is not None and before is (blocks[-1] if blocks else None))
            return
        later = self.error_at is not None
        if later and not self._after_skip(self.i):
            raise GiveUp
        closed, opener_gone, extra_close, remove = None, False, False, None
        if before is not None and before is (blocks[-1] if blocks else None):  # its `}` closed it
            brace = self._closing_brace(before)
            closed = (_Titled(messages.block_title(kind, None if kind == "expire" else before.name.text)), brace)
            opener_gone = self._opener_deleted(before, brace, tok)
            if not opener_gone:
                # the file's count of braces decides: a `}` too many closed the block early,
                # and where it is the one too many, the fix removes it (`Recovery.extra_brace`)
                balance = messages.brace_balance(self.text)
                if balance >= 0:
                    raise GiveUp  # the statement misplaced, perhaps: the recovery weighs it
                extra_close = True
                remove = self.source.deletion(brace) if balance == -1 else None
        word = self._span(tok, tok)
        diag = messages.only_inside(
            tok[TEXT],
            kind,
            word,
            closed,
            extra_close,
            remove,
            opener_gone=opener_gone,
            member=self.members[0].name.text if self.members else None,  # `Recovery.first_member`
            rest=self.text[word.end : self.text.find("\n", word.end) % (len(self.text) + 1)],
        )
        if later:  # after a word skipped and a statement read: an error of its own
            self.later.append((self.i, diag))
        else:
            self.stray_at = self.met_at = self.i  # the recovery counts the tokens after the error from the keyword
            self.stray = diag
        self._reopen(kind)
        self._reopened_body(kind, tok, before, blocks, closed is not None)

    def _last_label_perhaps(self) -> bool:
        """Whether the current token, a keyword alone on its line right after a volume
        list's last label (`shared-volume V1`, then `to`, then `tape`), may be read as
        one more label (`Recovery.keyword_label`): it is a valid label and a `}`, the end
        of the file or a keyword starting the next line follows it. The recovery then
        weighs what the next line reads as (`to` above `tape` and a `}` is two more
        labels, the `}` after them the cluster's: with a `}` too many below, that one
        is the error, BKR006), not the block `_reopened` would open."""
        from bkrdsl.syntax import messages

        tok, following = self.tokens[self.i], self.tokens[self.i + 1]
        if following[LINE] == tok[LINE] or not messages.looks_like_volume_label(tok[TEXT]):
            return False
        return following[KIND] in ("}", "$") or (following[KIND] == "n" and following[TEXT].lower() in KEYWORDS)

    def _reopened_body(self, kind: str, tok: tuple, before, blocks: list, joined: bool) -> None:
        """The statements of the block of `kind` reopened at `tok` and its `}`, the block
        joined to `before`, the last block of its kind read, where `joined`, else added
        to `blocks` (build.py's `join_reopened`)."""
        word = self._span(tok, tok)
        if kind == "job":
            block = self._job_body(tok, ast.Word("", word))
        elif kind == "member":
            block = self._member_body(tok, ast.Word("", word))
        else:
            block = self._expire_body(tok, ast.Placement(False, (ast.Word("", word),), word))
        if joined:  # the last block of its kind read: joined to it
            blocks[-1] = _joined(before, block)
        else:
            blocks.append(block)

    def _reopen(self, kind: str) -> None:
        """Open a block of `kind` before the current token, as the recovery feeds its
        opening tokens (`job NAME {`, `expire on NAME {`, the name a placeholder
        marked as reopened) there."""
        self.blocks.append((kind, None, self.tokens[self.i]))

    def _closing_brace(self, block: ast.Job | ast.Expire) -> Span:
        """The span of the `}` that ends a block read whole."""
        span = block.span
        return Span(self.file, span.end_line, span.end_column - 1, span.end_line, span.end_column, span.end - 1, span.end)

    def _opener_deleted(self, block: ast.Job | ast.Expire, brace: Span, tok: tuple) -> bool:
        """`Recovery.opener_line_deleted`: whether the `}` that closed `block` stands
        alone on its line, lined up with the line of the block's `{`, and `tok` starts
        a body of its own below it, indented further, after a blank line; not where the
        recovery opened the block (reopened, or its `{` assumed: `Block.placeholder`)."""
        text = self.text
        line_start = text.rfind("\n", 0, brace.start) + 1
        line_end = text.find("\n", brace.end)
        if text[line_start : brace.start].strip() or text[brace.end : len(text) if line_end == -1 else line_end].strip():
            return False
        k = next((k for k in range(self.i - 1, -1, -1) if self.tokens[k][START] == block.span.start), None)
        if k is None:
            raise GiveUp
        opening = next((tok for tok in self.tokens[k:] if tok[KIND] == "{"), None)
        if opening is None or opening[START] >= block.span.end:
            return False  # a block the recovery opened (reopened, or its `{` assumed): `Block.placeholder`
        line = text.split("\n", opening[LINE])[opening[LINE] - 1]
        indent = len(line) - len(line.lstrip(" \t")) + 1
        if brace.column != indent or tok[COL] <= indent:
            return False
        return text.count("\n", brace.end, tok[START]) >= 2

    def job(self) -> ast.Job:
        first = self._take(NAME)
        name = self._word(self._expect(T_NAME, KEYWORD))
        self._open("job", name.text)
        return self._job_body(first, name)

    def _job_body(self, first: tuple, name: ast.Word) -> ast.Job:
        """A job's statements and its `}`, the job open (`first`: its first token)."""
        backups, selections, targets, runs, descriptions = [], [], [], [], []
        while self.type != "}":
            type_ = self.type
            if type_ == "backup":
                backups.append(self.backup())
            elif type_ == "include" or type_ == "exclude":
                selections.append(self.selection())
            elif type_ == "to":
                targets.append(self.target())
            elif type_ == "run":
                runs.append(self.run())
            elif type_ == "description":
                descriptions.append(self.description())
            else:
                if self._stray_statement("job"):
                    break  # its `}` missing
        self._close()
        span = self._since(first)
        return ast.Job(
            name,
            tuple(backups),
            tuple(selections),
            tuple(targets),
            tuple(runs),
            tuple(descriptions),
            span,
            self._doc(span),
        )

    def backup(self) -> ast.Backup:
        first = self._take(NAME)
        groups = self.name_list(_LEVELS)  # perhaps a level half typed (`backup APPS incr`)
        level = None
        if self.type == "full" or self.type == "incremental":
            level = ast.Level(self.type)
            self._next(KEYWORD)
        span = self._since(first)
        return ast.Backup(groups, level, span, self.text[span.start : span.start + 6] == "BACKUP")

    def target(self) -> ast.Target:
        """to (disk | tape) (pool NAME)?"""
        first = self._take(KEYWORD)
        # perhaps a keyword half typed, or the medium left out before a pool (`to d`)
        if self.type == T_STRAY and self._respell(("disk", "tape"), ("disk", "pool")):
            pool = self._word(self._take(KEYWORD))
            return ast.Target(ast.TargetMedium.DISK, pool, self._since(first))
        if self.type == "disk":
            medium = ast.TargetMedium.DISK
        elif self.type == "tape":
            medium = ast.TargetMedium.TAPE
        else:  # the medium missing before the next statement: `disk`, the recovery's completion
            self._missing("disk", _TARGET_MEDIA)
            return ast.Target(ast.TargetMedium.DISK, None, self._since(first))
        self._next(KEYWORD)
        # `poo` on the next line may mean `pool` (`_stray_statement`)
        self.options_open, self.options_statement = (self.i, _POOL), None
        if self.type == T_STRAY and self._pool_left_out(medium):
            return ast.Target(medium, self._word(self._take(KEYWORD)), self._since(first))
        pool = None
        if self.type == "pool":
            self._next(NAME)
            pool = self._word(self._expect(T_NAME, KEYWORD))
        return ast.Target(medium, pool, self._since(first))

    def run(self) -> ast.Run:
        """run placement schedule?"""
        start = self.i
        first = self._take(KEYWORD)
        placement = self.placement(_SCHEDULES)  # perhaps a schedule half typed (`run on M wee`)
        if placement.each_member:
            self._option_respelt(_SCHEDULES, start=start)
            self._options_open_after(start, frozenset(), None)
        schedule = self.schedule() if self.type in _SCHEDULES else None
        return ast.Run(placement, schedule, self._since(first))




def _only_in(kind: str) -> frozenset[str]:
    """The statements only blocks of `kind` take (a job's `include` a member takes too)."""
    return BLOCK_STATEMENTS[kind] - frozenset().union(*(s for k, s in BLOCK_STATEMENTS.items() if k != kind))


_JOB_ONLY, _EXPIRE_ONLY = _only_in("job"), _only_in("expire")
_SCHEDULES = lexicon.SCHEDULES
_LEVELS = lexicon.LEVELS
_SCOPES = lexicon.SCOPES
#: Keywords that start no statement, block or option, after `tape` on its line where only
#: `manager` fits (`tape pool` as `to tape pool P` is typed below a word skipped): the
#: recovery reports `manager` missing before them, completes `manager local` and skips from
#: them (`Recovery.mid_statement`; `_Parser._manager_unexpected`). Checked against Lark
#: keyword by keyword (tests/test_fast_parser.py); the others it reads in other ways.
_MANAGER_NOT_BEFORE = frozenset(
    {"at", "daily", "days", "each", "first", "fourth", "full", "incremental", "last", "manual"}
    | {"minidisk", "monthly", "pool", "role", "second", "server", "sfs", "size", "third", "weekly"}
)
#: The statement keywords of the cluster block that the top level does not take: one
#: starting a line there, the cluster's opening line deleted (`_Parser._cluster_reopened`);
#: not `shared-volume`, a hyphenated keyword, which the recovery reports as misplaced.
_CLUSTER_ONLY = BLOCK_STATEMENTS["cluster"] - BLOCK_STATEMENTS[None] - {"shared-volume"}
_TARGET_MEDIA = lexicon.TARGET_MEDIA
_CATALOG_OPTIONS = lexicon.CATALOG_OPTIONS
_TAPE_OPTIONS = lexicon.TAPE_OPTIONS
_KINDS = lexicon.DECLARATIONS
_WAITS = lexicon.CATALOG_WAITS
#: What each option of `tape manager` takes, in order: a name, `on` and a member's name.
_TAPE_VALUES = {
    "catalog-node": (T_NAME, "on", T_NAME),
    "request-node": (T_NAME,),
    "catalog-dmm": (T_NAME,),
    "request-dmm": (T_NAME,),
}
#: The options of `tape manager` that take one name.
_LISTED_TAPE_OPTIONS = lexicon.TAPE_ONE_NAME_OPTIONS
#: The keywords the recovery leaves out before a word where a tape manager's scope is
#: due, before an option of the statement on the next line (`_Parser._tape_option_next`).
_TAPE_LEFT_OUT = ("local", "request-node")
_ON, _AT, _ROLE, _POOL = frozenset({"on"}), frozenset({"at"}), frozenset({"role"}), frozenset({"pool"})


def _span_end(item) -> int:
    return item.span.end


def _joined_cluster(before: ast.Cluster, users: list, groups: list, after: ast.Cluster) -> ast.Cluster:
    """A cluster, the declarations after it and the cluster reopened after them as one
    (build.py's `join_reopened`: the items of all, in that order, the first's name)."""
    span = span_through(before.span, after.span)
    return ast.Cluster(
        before.name,
        before.members + after.members,
        before.catalogs + after.catalogs,
        before.expires + after.expires,
        before.tapes + after.tapes,
        before.users + tuple(users) + after.users,
        before.groups + tuple(groups) + after.groups,
        before.jobs + after.jobs,
        before.settings + after.settings,
        span,
        before.doc,
        before.disks + after.disks,
    )


def _joined(before, after):
    """A job, a member or an expire block and the one reopened after it as one
    (build.py's `join_reopened`: the statements of both, the first's name or placement)."""
    span = span_through(before.span, after.span)
    if isinstance(before, ast.Member):
        return ast.Member(before.name, before.settings + after.settings, before.selections + after.selections, span, before.doc)
    if isinstance(before, ast.Expire):
        previews, purges = before.previews + after.previews, before.purges + after.purges
        return ast.Expire(before.placement, previews, purges, before.retains + after.retains, span)
    return ast.Job(
        before.name,
        before.backups + after.backups,
        before.selections + after.selections,
        before.targets + after.targets,
        before.runs + after.runs,
        before.descriptions + after.descriptions,
        span,
        before.doc,
    )


class TypingParser(_Parser):
    """The parser, keeping the type it decided for each token (`read_tokens`)."""

    def __init__(self, source: Source):
        self.types: dict[int, str] = {}  # token index -> type
        super().__init__(source)

    def _next(self, lexing: Lexing) -> None:
        super()._next(lexing)
        self.types[self.i] = self.type

    def _group_users(self, entries: list, texts: list) -> None:
        first = self.i
        super()._group_users(entries, texts)
        for k in range(first + 1, self.i):  # the names its loop read without `_next`
            self.types[k] = T_NAME
