"""Syntax error recovery: report every independent mistake once, then read on.

Lark calls `Recovery` (as `on_error`) with its interactive parser whenever a
token or a character does not fit. Each call says what is wrong in the
language's own terms (the words live in messages.py) and repairs the parse so
the rest of the file is read as the user meant it:

* a missing value, keyword or `{` is assumed (a placeholder token is fed), so
  `run on` with nothing after it is one error, not a cascade;
* a misspelt keyword (`jbo`) is read as the closest keyword (`job`);
* a keyword swallowed as a name (`on VMSYS1, daily 02:00`) is given back;
* what a newcomer writes in plain English where the language has a fixed form
  (`on every member`, `daily at 02:00`, `to disk BKUPPOOL`, `target disk`, an
  unquoted description) is named with the form to write, and read as meant;
* a statement after a `}` that closed its block early is read as if the block
  were still open ("reopened"), and that `}` is named as the likely culprit;
  the AST builder joins the reopened block to the one closed (build.py,
  `join_reopened`), so the file reads as if that `}` were not there;
* a statement that belongs outside a block whose `}` is missing closes the
  block ("`{` opened at 3:10 is not closed before `job`");
* anything else skips to the next statement keyword, stepping over `{ ... }`.

An error that follows another with no text read in between is a consequence of
it: it is repaired but not reported (yacc's rule). After MAX_REPORTED errors
the rest are only counted, cheaply; after MAX_EVENTS reading stops.

Placeholder tokens are empty (or marked) and borrow a real token's position, so
the tree stays well formed and every span stays inside the file. Trials run on
`Sim`, a copy of the parser's state stack alone, so trying a repair costs
microseconds and never touches the tree.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import os
import re
from copy import copy
from dataclasses import field, replace
from typing import NamedTuple

from lark import Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedToken
from lark.parsers.lalr_analysis import Shift

from bkrdsl.diagnostics import Diagnostic, Edit, Fix
from bkrdsl.records import dataclass
from bkrdsl.source import Source, Span
from bkrdsl.syntax import codes, lexicon, messages
from bkrdsl.syntax.fast import (
    BLANK_PAIRS,
    BLANK_PAIRS_BEGUN,
    BYTE_UNITS,
    CMS_COMMAND_WORDS,
    DIRECTORY_STATEMENT_WORDS,
    DISK_UNIT_WORDS,
    KEYWORD_PLACE_WORDS,
    MATCH_SYNONYMS,
    ORDINALS,
    PASTED_BELOW_LABELS,
    PLACE_WORDS,
    STATEMENT_KEYWORDS,
    WAIT_UNIT_WORDS,
    braces,
    day_after,
    misplaced_in_group,
    size_in,
    statement_part,
    time_meant,
)


def _alternatives(words) -> str:
    """A regex alternation of the keywords `words` (syntax/lexicon.py's): longest first,
    so that none is cut short by another that starts it."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


#: The characters a name may hold after its first (grammar/bkr.lark, NAME): a
#: name that follows one of them directly was cut from a longer word.
#: An import path's start after blanks (Recovery.hash_read).
_PATH_STARTS = re.compile(r"[ \t]+[A-Za-z0-9_.\-/]")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789$#@_*%?+-:.")
_NAME = re.compile(r"[A-Za-z0-9$@_*%?][A-Za-z0-9$#@_*%?+\-:.]*")  # the grammar's NAME
#: A minidisk address as a hexadecimal constant, `X'0191'`, the digits grouped
#: (Recovery.hex_constant); the word read before its quote, `X` or a range's `0100-X`
#: (the first address, grouped); and a range's last address after it, `-X'01FF'` or `-01FF`.
_HEX_CONSTANT = re.compile(r"[Xx]'([0-9A-Fa-f]{1,4})'")
_HEX_RANGE_START = re.compile(r"(?:([0-9A-Fa-f]{1,4}-))?[Xx]")
_HEX_RANGE_END = re.compile(r"-(?:[Xx]'([0-9A-Fa-f]{1,4})'|([0-9A-Fa-f]{1,4})(?![A-Za-z0-9$#@_*%?+\-:.']))")
#: A z/VM user ID, as a group body lists it in quotes (`"CICSPRD"`, `Recovery.quoted_group_entry`).
_QUOTED_USER_ID = re.compile(r"[A-Za-z0-9@#$_]{1,8}")
#: A whole number with a minus sign, which no name starts with (Recovery.negative_count).
_NEGATIVE = re.compile(r"-[0-9]+")
#: The same with its unit run on to it (`size -10cyl`, `retain -35days`).
_NEGATIVE_UNIT = re.compile(r"-[0-9]+[A-Za-z]+")
#: The rest of a line that is a retention without its `retain` (`35 days`), after words
#: in small letters (`keep 35 days`, `for 35 days`), to the line's end, a comment or a
#: `}` (Recovery.retention_on_line).
_RETENTION_REST = re.compile(
    r"((?:[a-z][a-z-]*[ \t]+)*)([0-9]+)[ \t]+(days?|weeks?)(?=[ \t]*(?:#[^\n]*)?(?:\n|\Z)|[ \t]*})",
    re.IGNORECASE,
)
#: A retention cut short after a `run` line's time, to the end of its line or a `}`:
#: a word (`retain`, `keep`), then perhaps its number (Recovery.retention_cut_short).
_RETENTION_CUT = re.compile(
    r"([A-Za-z][A-Za-z-]*)(?:[ \t]+([0-9]+))?(?=[ \t]*(?:#[^\n]*)?(?:\n|\Z)|[ \t]*})"
)
#: One more day of a list after a day after a schedule's time (`weekly mon 03:00 thu,fri`:
#: `,fri`, after `thu`; Recovery.day_after_time).
_ONE_MORE_DAY = re.compile(r"[ \t]*,[ \t]*([A-Za-z]+)\b")
#: A time after a day after a schedule's time, last on its line (`weekly mon 03:00 thu
#: 15:00`: ` 15:00`, after `thu`), a comment or the block's `}` after it (Recovery.day_after_time).
_DAY_THEN_TIME = re.compile(r"[ \t]+([^\s#{},]+)(?=[ \t]*(?:#[^\n]*)?(?:\n|\Z)|[ \t]*})")
#: The rest of a line after a statement's last word: blanks, a comment, or a `}`.
_LINE_END_REST = re.compile(r"[ \t]*(?:#[^\n]*)?(?:\n|\Z)|[ \t]*}")
#: A number, then a word that may be a keyword (Recovery.number_glued: `4private-volume`).
_NUMBER_THEN_WORD = re.compile(r"([0-9]+)([A-Za-z][A-Za-z-]*)")
#: A name without small letters, then a word in small letters that may be a keyword
#: (Recovery.name_glued: `BKRSVSFSpool`, `APPSfull`).
_NAME_THEN_WORD = re.compile(r"([^a-z]*[A-Z][^a-z]*)([a-z][a-z-]*)")

#: `workers=4 private-volume=M1PRV1` (or `workers: 4`) after a block's name.
_KEY_VALUE_PAIR = re.compile(r"([A-Za-z][A-Za-z_-]*)\s*[=:]\s*([^\s=:{}\"]+)")
_KEY_VALUE_PAIRS = re.compile(rf"(?:\s*{_KEY_VALUE_PAIR.pattern})+")
#: `member: DEV1` (from its `:`) and `workers: 2`: a block and its settings written as YAML.
_YAML_HEAD = re.compile(r"[ \t]*[:=][ \t]*(?P<name>[A-Za-z0-9$@_*%?][^\s=:{}\"#]*)[ \t]*(?P<comment>#.*)?\r?")
_YAML_SETTING = re.compile(
    r"[ \t]*-?[ \t]*(?P<key>[A-Za-z][A-Za-z_-]*)[ \t]*[:=][ \t]*"
    r"(?P<value>[^\s=:{}\"#]+)[ \t]*(?P<comment>#.*)?\r?"
)
#: ` DEV2 daily`, ` DEV2, DEV3 weekly`, ` each member daily` after `preview on`: the
#: members given to `preview` or `purge` (Recovery.expiry_member), then the next word.
_EXPIRY_MEMBERS = re.compile(
    r"\s+(?P<members>[^\s#{}\",]+(?:\s*,\s*[^\s#{}\",]+|\s+member)*)\s+(?=(?P<next>\w+))"
)
#: ` VMSYS1` after `purge on`, and nothing more on its line but a comment (Recovery.expiry_member).
_EXPIRY_MEMBERS_ALONE = re.compile(
    r"[ \t]+(?P<members>[^\s#{}\",]+(?:[ \t]*,[ \t]*[^\s#{}\",]+|[ \t]+(?i:member))*)"
    r"[ \t]*(?:#[^\n]*)?(?=\r?\n|\}|\Z)"
)
#: First words of the CP directory lines messages.foreign_line knows that Lark may
#: read as names (`Recovery.foreign_after_list`; fast.py gives up on them there).
_FOREIGN_FIRST_WORDS = frozenset(
    {"USER", "IDENTITY", "MDISK", "LINK", "BUILD", "SUBCONFIG", "FUNCTION", "PROFILE", "POOL", "ADDRESS", "*DVHOPT"}
) | frozenset(DIRECTORY_STATEMENT_WORDS)  # `IPL CMS PARM AUTOCR`, `SPOOL CONS * START`
#: First words of the CP commands messages.foreign_line knows (`SMSG BKRBKUP SUBMIT X`,
#: `CP XAUTOLOG BKRBKUP`), which Lark reads as names after a list (volume labels,
#: addresses), and first on a line of a group body: `Recovery.foreign_after_list` (fast.py
#: gives up on them there).
_COMMAND_FIRST_WORDS = frozenset({"SMSG", "CP", "XAUTOLOG", "DIRM", "DIRMAINT"}) | frozenset(CMS_COMMAND_WORDS)  # `ACCESS 191 A`
#: First words, in capitals, of a REXX instruction (`EXIT`, `EXIT 0`, `RETURN`) and of a CP
#: QUERY (`Q USERID`), which Lark reads as more names of a list below it (volume labels,
#: addresses): `Recovery.foreign_after_list` reports the line as where it stands alone
#: (messages._may_be_labels says labels may be no such line; fast.py gives up on them there).
_PASTED_BELOW_LABELS = frozenset(PASTED_BELOW_LABELS)


def _rexx_label(text: str) -> bool:
    """Whether `text` (a word) is a REXX label in capitals, `BKRBKUP:` (messages._REXX_LABEL)."""
    return text[-1:] == ":" and text[:-1].isupper() and text[:-1].isalnum()


#: The first words of a job template's selection records, which foreign_in_group reports
#: where a record (`INCLUDE MINIDISK LNX* = * * = * *`) starts a line of a group body.
_TEMPLATE_VERBS = frozenset({"INCLUDE", "EXCLUDE"})
#: The types of a catalog's or Tape Manager's scope (Recovery.misplaced_keyword).
_SCOPES = frozenset(w.upper() for w in lexicon.SCOPES)
#: The keywords of a volume list, as written (Recovery.keyword_as_label).
_VOLUME_LISTS = frozenset({"private-volume", "shared-volume"})
#: The type of a token no parser state accepts: text reported already, to be skipped
#: (`Recovery.misplaced_at`).
_SKIPPED = "SKIPPED"
#: What ends a phrase on its line (phrase_end): a brace, a comment, a quoted text;
#: and the words between them, for those that start a statement.
_PHRASE_STOP = re.compile(r'[{}#"]')
_PHRASE_WORD = re.compile(r'[^\s{}#"]+')
#: A word as keywords are written: small letters joined by hyphens (`job-suffix`), or
#: such a keyword half typed up to its hyphen (`job-`), never a volume label (A-Z 0-9
#: @ # $) nor a minidisk address. See Recovery.word_after_labels, word_after_addresses.
_KEYWORD_SHAPED = re.compile(r"[a-z]+(?:-[a-z]+)*-[a-z]*")
#: A module path after blanks on its line, alone there but for a comment (path_after_letter).
_PATH_AFTER = re.compile(r"[ \t]+([A-Za-z0-9_.\-/]+)(?=[ \t]*(?:#[^\n]*)?\r?(?:\n|\Z))")
#: A character of a module path (the grammar's IMPORT_PATH), and a whole path whose
#: parts are separated by single `/` (Recovery.backslash_path).
_IMPORT_PATH_CHAR = re.compile(r"[A-Za-z0-9_.\-/]")
_MODULE_PATH = re.compile(r"[A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]+)+")
#: `tape on VMSYS1`, `tape manager shared on VMSYS1`: a tape statement's member with no
#: catalog node before it (Recovery.tape_member_without_node); then the rest of the line.
_TAPE_ON_MEMBER = re.compile(
    r"[ \t]*(?i:tape)(?P<manager>[ \t]+(?i:manager))?(?:[ \t]+(?P<scope>(?i:shared|local)))?"
    r"[ \t]+(?P<on>(?i:on))[ \t]+(?P<member>[A-Za-z0-9$@_*%?][A-Za-z0-9$#@_*%?+\-:.]*)"
    r"(?P<rest>[^#\n]*)"
)
#: `on VMSYS1 TCTMM` after `catalog-node`: the member, then the node (Recovery.node_after_member).
#: A name's end, then its block's `{` on its line (`member M {`): member_block_below.
_BRACE_NEXT = re.compile(r"[ \t]*\{")
_MEMBER_THEN_NODE = re.compile(r"[Oo][Nn]\s+(?P<member>[^\s,{}#\"]+)\s+(?P<node>[^\s,{}#\"]+)")
#: The rest of a name written on to a quoted text (Recovery.quoted_sfs_part: `".*` after `"CICSPRD"`).
_NAME_TAIL = re.compile(r"[A-Za-z0-9$#@_*%?+\-:.]*")
#: The values of a schedule after its keyword on its line (Recovery.schedule_as_level:
#: ` sun,sat 02:00` after `backup APPS weekly`): days, times and numbers.
_SCHEDULE_VALUES = re.compile(
    r"(?i:[ \t]*,?[ \t]*(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?"
    r"|\d{1,2}(?::\d\d)?(?:am|pm)?)(?![A-Za-z0-9$#@_*%?+\-:.]))*"
)
#: `and` or `&` between names of a list, then the next name (Recovery.list_joined).
_JOINED_NAME = re.compile(
    r"(?:[ \t]+(?P<joiner>[Aa][Nn][Dd])[ \t]+|[ \t]*(?P<amp>&)[ \t]*|[ \t]*(?P<comma>,)[ \t]*)"
    r"(?P<name>[A-Za-z0-9$@_*%?][A-Za-z0-9$#@_*%?+\-:.]*)(?=[\s{},#&]|\Z)"
)
#: The words a statement chooses one of (Recovery.both_choices): the second word's
#: type, the first's, and what the choice is of.
_CHOICES = {
    "INCREMENTAL": ("FULL", "level"),
    "FULL": ("INCREMENTAL", "level"),
    "DISK": ("TAPE", "medium"),
    "TAPE": ("DISK", "medium"),
}
#: Braces, with texts and comments to step over (Recovery._block_end).
_BRACE_SCAN = re.compile(r'[{}]|"(?:[^"\\\n]|\\[^\n])*"?|#[^\n]*')
#: One more `}` right after a block's own, on its line or alone below, comments stepped
#: over (Recovery.pasted_surplus).
_BRACE_AGAIN = re.compile(r"(?:\s|#[^\n]*)*\}")
#: A `disk` statement's user, address and `size` (after `minidisk` for `disk`).
_DISK_OPERANDS = re.compile(r"[ \t]+[A-Za-z0-9$@_*%?][^\s{},#\"]*[ \t]+[0-9A-Fa-f]{1,4}[ \t]+(?i:size)(?=\s)")
#: Words written before the names of a `backup` line, saying what they are (word_not_in_list).
_BACKUP_NOUNS = frozenset({"group", "groups", "user", "users"})
#: `level full`, `type=full` (Recovery.word_not_in_list): a keyword for the level, then the level.
_LEVEL_KEYWORD = re.compile(
    r"(?P<word>(?i:level|type|mode))[ \t]*[=:]?[ \t]*(?P<level>(?i:full|incremental))(?![A-Za-z0-9$#@_*%?+\-:.])"
)
#: A crontab schedule: minute, hour, day of the month, month, day of the week.
_CRON = re.compile(r"[0-9*/,\-]+(?:[ \t]+[0-9*/,\-]+){4}")
#: The same, labelled or quoted as a form or a crontab file writes it (`cron "0 2 * * *"`,
#: `cron: 0 2 * * *`, `"0 2 * * *"`): Recovery.cron_schedule.
_CRON_WRITTEN = re.compile(
    r"(?:(?P<label>[a-z]+)[ \t]*[:=]?[ \t]*)?(?P<quote>[\"']?)(?P<cron>" + _CRON.pattern + r")(?P=quote)"
)
#: A line of CMS WAKEUP's WAKEUP TIMES file: a date MM/DD/YY, `==` for any part, or a
#: day of the week by name, then a time HH:MM:SS (Recovery.wakeup_schedule:
#: `==/==/== 02:00:00`, `12/24/26 22:00:00`, `MONDAY 02:00:00`).
_WAKEUP = re.compile(
    r"(?P<date>(?:==|\d\d?)/(?:==|\d\d?)/(?:==|\d\d(?:\d\d)?)|[A-Za-z]+)[ \t]+"
    r"(?P<time>(?:==|\d\d?):(?:==|\d\d)(?::(?:==|\d\d))?)"
)
#: Blanks on the line, then a name (Recovery.swapped_words: `group single`).
#: After a disk's start written before its volume (Recovery.disk_start_without_at):
#: `1000 on VMCOM1` (after the start) and `extent 1000 on VMCOM1` (after `extent`).
_VOLUME_AFTER_START = re.compile(r"[ \t]+[Oo][Nn][ \t]+(?P<volume>[A-Za-z0-9$#@]{1,6})(?=[ \t]*(?:#|\n|\Z))")
_EXTENT_THEN_VOLUME = re.compile(r"[ \t]+(?P<start>\d+)" + _VOLUME_AFTER_START.pattern)
#: Blanks on a line (`Recovery.line_names`).
_LINE_BLANKS = re.compile(r"[ \t]*")
#: The words before `days` of a retention after a volume list's labels (`keep 35 `,
#: `35 `): a word in small letters, which no label is, and the number (retention_before).
#: `retain` and its number first on a line, up to the `days` after them (Recovery.retain_after_labels).
_RETAIN_LINE = re.compile(r"[ \t]*([A-Za-z]+)[ \t]+([0-9]+)[ \t]+\Z")
_RETENTION_BEFORE = re.compile(r"(?:(?<![^ \t])([a-z][a-z-]*)[ \t]+)?(?<![^ \t])([0-9]+)[ \t]+$")
#: `single` or `identity` and blanks, before `group` (`Recovery.group_in_list`).
_KIND_BEFORE = re.compile(rf"(?i:{_alternatives(lexicon.KINDS)})[ \t]+\Z")
#: A name and a `{` after blanks on a line: a block declared (`group TESTERS {`).
_BLANKS_NAME_BRACE = re.compile(r"[ \t]+([A-Za-z0-9$@_*%?][A-Za-z0-9$#@_*%?+\-:.]*)[ \t]*\{")
_BLANKS_THEN_NAME = re.compile(r"[ \t]+([A-Za-z0-9$@_*%?][A-Za-z0-9$#@_*%?+\-:.]*)(?=[\s{},#]|\Z)")
#: Words written between the two addresses of a range, as English writes one
#: (Recovery.range_with_word: `0191 thru 01FF`); `to`, a keyword, is range_with_to's.
_RANGE_WORDS = frozenset({"thru", "through"})
#: An option of `tape manager` that names a machine only, and its name, right before
#: the end of a line's text (Recovery.on_after_tape_option).
_TAPE_OPTION_BEFORE = re.compile(
    rf"(?i:\b({_alternatives(lexicon.TAPE_ONE_NAME_OPTIONS)}))[ \t]+([^\s#{{}},]+)[ \t]+\Z"
)
#: The member after an `on` (or `each member`), on its line (Recovery.on_after_tape_option).
_MEMBER_AFTER = re.compile(r"[ \t]+((?i:each[ \t]+member)(?![^\s#{},])|[^\s#{},]+)")
#: The words, commas and stops of a list's line (Recovery.commas_in_list).
_LIST_SIGNS = re.compile(r'#|"|[{},]|[^\s{},#"]+')
#: Comments and texts, taken out of a block's body before its words are looked at
#: (Recovery.directory_block), and the words that make a body a member's or a job's.
_BODY_SIGNS = re.compile(r'#[^\n]*|"(?:[^"\\\n]|\\[^\n])*"?|[{},;]')  # separators_in_group
_BODY_NOISE = re.compile(r'#[^\n]*|"(?:[^"\\\n]|\\[^\n])*"?|[{},]')


#: directory_block's answer for a block stepped over whole (its one error reported).
DIRECTORY_BLOCK_SKIPPED = Token("DIRECTORY_BLOCK_SKIPPED", "")


def _statements_of_only(block: str) -> frozenset[str]:
    """The keywords that start a statement of `block` and of no other kind of block, nor
    of the top level (lexicon.BLOCK_STATEMENTS): one in a body says which block it is."""
    return lexicon.BLOCK_STATEMENTS[block].difference(
        *(words for other, words in lexicon.BLOCK_STATEMENTS.items() if other != block)
    )


#: A `purge` or `preview` line with members after its schedule (`purge daily 06:00 on
#: DEV1`, `expiry_placed_on_line`), and the members of an `expire` block's header.
_EXPIRY_THEN_PLACEMENT = re.compile(
    r"[ \t]*(?P<keyword>(?i:purge|preview))[ \t]+(?P<schedule>[^\n]*?)"
    r"[ \t]+(?P<again>(?i:on)[ \t]+(?P<names>(?i:each[ \t]+members?)|[A-Za-z0-9@#$]+(?:[ \t]*,[ \t]*[A-Za-z0-9@#$]+)*))"
)
_EXPIRE_HEADER = re.compile(r"(?i:expire)[ \t]+(?i:on)[ \t]+([^{]+?)[ \t]*\{")

#: `at` and a time, then the members, then the rest of a schedule, after `run`:
#: `run at 02:00 on VMSYS1 daily` (Recovery.time_before_placement).
_TIME_THEN_PLACE = re.compile(r"(?i:at)\s+\S+\s+(?i:on)\s+\S.*?\s(?i:daily|weekly|monthly)\b.*")
#: A `run` statement, then where it runs said again after its schedule, on its line:
#: `run on VMSYS1 daily 02:00 on member VMSYS1` (Recovery.placement_again).
_RUN_THEN_PLACEMENT = re.compile(
    r"\s*[Rr][Uu][Nn]\s+[Oo][Nn]\s+(?P<first>[^\s,]+(?:\s*,\s*[^\s,]+)*?|[Ee][Aa][Cc][Hh]\s+[Mm][Ee][Mm][Bb][Ee][Rr])"
    r"(?P<schedule>\s+(?i:daily|weekly|monthly|manual)\b.*?)"
    r"\s+(?P<again>[Oo][Nn]\s+(?:(?i:members?)\s+)?(?P<second>\S.*))"
)

#: A member's: `workers`, `private-volume`, `job-suffix`; not `include` nor `exclude`,
#: which a job's body writes too, nor `description`, the cluster's and a job's too.
_MEMBER_WORDS = _statements_of_only("member")
#: A job's: `backup`, `run`, `to`; not `include`, `exclude` nor `description`, which a
#: member's body writes too (tests/test_grammar_copies.py holds these sets to their words).
_JOB_WORDS = _statements_of_only("job")
#: Words that open a cluster's statements, and none of a block inside it (directory_block,
#: which looks for them first on a line of the body, as a job's `to disk` and `to tape`
#: and its `run on each member` write `disk`, `tape` and `member` too): not `single`,
#: `identity` (the top level's too) nor `description`.
_CLUSTER_WORDS = _statements_of_only("cluster")
#: `retain 35` or `retain 35 days` before the word at hand on its line, and the units of
#: time a newcomer may count in instead of days (Recovery.retain_unit).
_RETAIN_HEAD = re.compile(r"(?i:\bretain)[ \t]+(?P<number>[0-9]+)(?P<days>[ \t]+(?i:days))?[ \t]+\Z")
_RETAIN_UNIT = re.compile(r"(?i:(weeks?|months?|years?|hours?|hrs?))")
#: Blanks on the line, then a piece of a module path (Recovery.path_spaced).
#: A word after blanks on its line, whole (`Recovery.repeats_after`: the same keyword again).
_BLANKS_THEN_REPEAT = re.compile(r"[ \t]+([^\s{},\"#]+)(?=[\s{},\"#]|\Z)")
_BLANKS_THEN_PATH = re.compile(r"[ \t]+([A-Za-z0-9_.\-/]+)(?=[\s#]|\Z)")
#: A `,` and a module path after an import's path (Recovery.paths_on_one_line).
_COMMA_THEN_PATH = re.compile(r"[ \t]*,[ \t]*([^\s#,]+)")
#: Words written before a minidisk selection's owner, naming it (Recovery.owner_label).
_OWNER_LABELS = frozenset({"owner", "user", "userid"})
#: Names, in small letters, that may be slips Lark reads without an error (Recovery.named_slip).
_NAMED_SLIPS = frozenset({"and"} | _RANGE_WORDS | _OWNER_LABELS | MATCH_SYNONYMS)
#: `include` and `exclude`, which in a group body are user IDs unless a medium
#: follows them (`exclude minidisk LNX* 0200-02FF`): Recovery.selection_in_group.
_SELECTION_VERBS = lexicon.ACTIONS
#: A selection's media: a word that starts a selection after its verb (action_left_out).
_MEDIA_WORDS = lexicon.SELECTION_MEDIA
_BLANKS_THEN_MEDIUM = re.compile(rf"[ \t]+(?i:{_alternatives(_MEDIA_WORDS)})(?=[\s{{}},#]|\Z)")
#: A `disk` statement's line, its comment aside (Recovery.disk_in_group): its user, its
#: address and its size, no brace.
_DISK_LINE = re.compile(r"disk[ \t]+[^\s{}#]+[ \t]+[0-9A-Fa-f]{1,4}[ \t]+size[ \t]+[^{}#]*")
#: The lines of the cluster's other statements that Recovery.disk_in_group moves out of a
#: group body, their comments aside: `catalog` with its scope, `tape manager` (h3, stop 70).
_CLUSTER_LINES = {
    "disk": _DISK_LINE,
    "catalog": re.compile(r"catalog[ \t]+(?:shared|local)(?:[ \t]+[^\s{}#]+)*"),
    "tape": re.compile(r"tape[ \t]+manager(?:[ \t]+[^\s{}#]+)*"),
}
#: Keywords whose value is never the keyword again (a volume label has at most 6
#: characters, workers and days are numbers): written twice, the second is surely one
#: too many (Recovery.keyword_twice). Other keywords are twice only where the word after
#: the second reads after the first and not after a name (not `member member {`).
_TWICE_SURELY = frozenset({"private-volume", "shared-volume", "job-suffix", "workers", "retain"})
#: Keywords whose value, written in small letters as the keyword again, is the keyword
#: twice: a minidisk owner, SFS path or pattern MINIDISK, SFS or MATCH is written in capitals.
_TWICE_LOWER = frozenset({"MINIDISK", "SFS", "MATCH"})
#: A minidisk address or range of them (`0191`, `0191-01FF`): Recovery.owner_for_label.
_ADDRESSES = re.compile(r"[0-9A-Fa-f]{1,4}(?:-[0-9A-Fa-f]{1,4})?")
#: The rest of a line, blank but for a comment, and its newline (Recovery.joined_level).
_LINE_REST = re.compile(r"[ \t]*(?:#[^\n]*)?\n")
#: Words to a block's `}` on their line, the line's end or a comment after it
#: (Recovery.comment_glued: `{ workers 4#four as planned }`).
_WORDS_THEN_BRACE = re.compile(r"[^\n{}#\"]*?(?P<brace>[ \t]*})[ \t]*(?:#[^\n]*)?(?:\n|\Z)")
#: A block's `}` next on the line (Recovery.trailing_comma: `private-volume M1PRV1, }`).
_BRACE_REST = re.compile(r"[ \t]*}")
#: What may follow a name whose last `.` ends a sentence (name_full_stop): the end of
#: its line, perhaps after a comment, or its block's `}` (fast.py's _SENTENCE_END too).
_SENTENCE_END = re.compile(r"[ \t]*(?:[}#\n]|\Z)")
#: Blanks or none, then a name (Recovery.joined_after_comma: `and LINUX`, `&LINUX`).
_BLANKS_OR_NOT_THEN_NAME = re.compile(r"[ \t]*([A-Za-z0-9$@_*%?][A-Za-z0-9$#@_*%?+\-:.]*)(?=[\s{},#;]|\Z)")
#: A range of days with a blank before or after its `-` (`mon - fri`, `mon -fri`), then
#: the time, if any, or a word where it goes (`now`), to the end of its line
#: (Recovery.days_range_spaced).
_DAYS_RANGE_SPACED = re.compile(
    r"(?P<first>[A-Za-z]+)(?:[ \t]+-[ \t]*|[ \t]*-[ \t]+)(?P<last>[A-Za-z]+)"
    r"(?:[ \t]+(?:(?P<time>[0-9]{1,2}:[0-9]{2})|(?P<word>[^\s#{},]+)))?"
    r"(?=[ \t]*(?:#[^\n]*)?(?:\n|\Z)|[ \t]*})"
)
#: The dashes of a word processor or a web page (messages.advise_character).
_TYPOGRAPHIC_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
#: A range of days whose dash is one of them (`mon – fri`), then the time, if any, to
#: the end of its line (Recovery.days_range_typographic).
_DAYS_RANGE_TYPOGRAPHIC = re.compile(
    rf"(?P<first>[A-Za-z]+)[ \t]*(?P<dash>[{_TYPOGRAPHIC_DASHES}])[ \t]*(?P<last>[A-Za-z]+)"
    r"(?:[ \t]+(?P<time>[0-9]{1,2}:[0-9]{2}))?(?=[ \t]*(?:#[^\n]*)?(?:\n|\Z)|[ \t]*})"
)
#: A `weekly` schedule whose last days are a range, as one word or with blanks around
#: its `-` (`weekly mon-fri 22:00`, `weekly sat, mon - wed`), blanks normalised
#: (Recovery.schedule_without_run).
_WEEKLY_RANGE = re.compile(
    r"(?P<weekly>[Ww][Ee][Ee][Kk][Ll][Yy]) (?P<before>(?:[A-Za-z]+ ?, ?)*)(?P<first>[A-Za-z]+) ?- ?(?P<last>[A-Za-z]+)"
    r"(?: (?:(?P<at>[Aa][Tt]) )?(?P<time>\S+))?"
)
#: The rest of a `to tape` line after a tape device type, where it is the line's pool
#: (`to tape 3590 pool X`: Recovery.tape_device_type).
_POOL_AFTER_DEVICE = re.compile(r"[ \t]+[Pp][Oo][Oo][Ll][ \t]+([A-Za-z0-9$@_*%?][A-Za-z0-9$#@_*%?+\-:.]*)")
#: A `disk` line after a device type written after its address (Recovery.device_type_in_disk):
#: `size N UNIT` and its place, `N UNIT` and its place, or `N` alone.
_SIZE_AFTER_TYPE = re.compile(
    r"[ \t]+(?:(?P<size>[Ss][Ii][Zz][Ee][ \t]+\d+[ \t]+[A-Za-z]+(?:[ \t]+[Oo][Nn][ \t]+\S+(?:[ \t]+[Aa][Tt][ \t]+\d+)?)?)"
    r"|(?P<unit>\d+[ \t]+(?:cyls?|cylinders?|blks?|blocks?|CYLS?|BLKS?)(?:[ \t]+[Oo][Nn][ \t]+\S+(?:[ \t]+[Aa][Tt][ \t]+\d+)?)?)"
    r"|(?P<count>\d+))"
)
#: `size N UNIT` after a device type, its count and unit (Recovery.device_type_in_disk: a unit in bytes).
_SIZE_IN_BYTES = re.compile(r"[ \t]+[Ss][Ii][Zz][Ee][ \t]+(?P<count>\d+)[ \t]+(?P<unit>[A-Za-z]+)")
#: A schedule alone on a job's line whose time is a window (Recovery.window_alone: `daily
#: 02:00-04:00`, `weekly sun 02:00 - 04:00`, `daily 02:00 to 04:00`), a comment after it removed.
_WINDOW_ALONE = re.compile(
    r"(?P<head>[A-Za-z][^#]*?) (?P<start>\d{1,2}:\d\d)(?: ?- ?| [Tt][Oo] )(?P<end>\d{1,2}:\d\d)(?: #.*)?"
)
#: A job's `to disk` line's pool (Recovery.tape_device_type: the file's disk pool).
_DISK_POOL = re.compile(r"(?im)^[ \t]*to[ \t]+disk[ \t]+pool[ \t]+([A-Za-z0-9$@_][A-Za-z0-9$#@_+\-:.]*)")
#: A word or a `,` of a schedule (Recovery.weekly_days_blank); a `#` ends the line.
_SCHEDULE_WORD = re.compile(r"#|,|[^\s,#]+")
#: What a block's setting takes, where its value is missing (Recovery.setting_meant).
_SETTING_PLACEHOLDERS = {"job-suffix": "S", "private-volume": "VOL", "shared-volume": "VOL"}
#: A run of commas, blanks between them (Recovery.monthly_comma: `monthly 1,, 02:00`).
_COMMAS = re.compile(r",(?:[ \t]*,)*")
#: The ordinals of `monthly first sun 02:00` (Recovery.monthly_comma: `monthly first sun,`).
_ORDINAL_WORDS = lexicon.ORDINALS
#: Blanks, then a word of letters (Recovery.star_comment_after: `* nightly`).
_STAR_COMMENT_REST = re.compile(r"[ \t]+([A-Za-z][^\s]*)")
#: Blanks, then `member` (Recovery.each_member_for_one: `on each member`).
_BLANKS_THEN_MEMBER = re.compile(r"[ \t]+(?i:members?)(?=[\s{},#;]|\Z)")
#: Blanks, then a `{` (Recovery.block_name_below: `backup {`).
_BRACE_AFTER = re.compile(r"[ \t]*\{")
#: A name after a blank, or after a `,` (group 1) and blanks, on its line (Recovery.backup_names_after).
_COMMA_OR_BLANKS_THEN_NAME = re.compile(
    r"(?:[ \t]*(,)[ \t]*|[ \t]+)([A-Za-z0-9$@_*%?][A-Za-z0-9$#@_*%?+\-:.]*)(?=[\s,#}]|\Z)"
)
#: A declaration's name and the `{` of its group body after it on its line (Recovery.kind_plural).
_NAME_THEN_BRACE = re.compile(r"[ \t]+([A-Za-z0-9$@_][A-Za-z0-9$#@_\-]*)[ \t]*\{")
#: A `,` then a name (Recovery.joined_after_comma: `and, LINUX`).
_COMMA_THEN_NAME = re.compile(r"[ \t]*(,)[ \t]*([A-Za-z0-9$@_*%?][A-Za-z0-9$#@_*%?+\-:.]*)(?=[\s{},#;]|\Z)")
#: A `;` between two names of a list, and the name after it (Recovery.semicolon_in_list).
_SEMICOLON_THEN_NAME = re.compile(r"[ \t]*(;)[ \t]*([A-Za-z0-9$@_*%?][A-Za-z0-9$#@_*%?+\-:.]*)(?=[\s{},#;]|\Z)")
_BLANKS_THEN_LEVEL = re.compile(rf"[ \t]*((?i:{_alternatives(lexicon.LEVELS)}))(?=[\s{{}},#]|\Z)")
_SECOND_HALF = re.compile(r"[ \t]+([A-Za-z][A-Za-z-]*)(?=[\s{},#]|\Z)")
#: The keywords a schedule starts with (`run on M daily 02:00`, `purge weekly sun 03:00`).
SCHEDULE_KEYWORDS = frozenset(w.upper() for w in lexicon.SCHEDULES)

#: A user's kind as z/VM's books name it, at the start of a line, before `group`
#: or `user`: `multiconfiguration group`, `single-config user` (kind_in_zvm_words).
_ZVM_KIND = re.compile(
    r"[ \t]*(?P<word>(?i:multi-?config(?:uration)?|single-?config(?:uration)?))(?=[ \t]+(?i:group|user)\b)"
)

#: What may follow a medium on its line, for it to be a job's destination
#: (`tape pool LNXTAPE`, `disk`): medium_without_to.
_DESTINATION_REST = re.compile(
    r"[ \t]*(?:(?P<word>(?i:pool))(?:[ \t]+(?P<pool>[^\s{}#]+))?[ \t]*)?(?:#[^\n]*)?(?:\n|\}|$)"
)

#: A word for `to` alone before a job's destination, first on its line (`on tape`,
#: `into disk pool P`): medium_without_to.
_DESTINATION_PREPOSITION = re.compile(r"[ \t]*(?P<word>(?i:on|onto|into|in|at))[ \t]+")

#: A backup's level written as a command's option (`--incremental`, `-full`, `--level=full`),
#: or after `--` and a blank, last on its line (`-- incremental`: read as a comment, REXX's
#: or SQL's, the job became a full one); `-- incremental backups` stays a comment's slip.
_LEVEL_AS_OPTION = re.compile(
    r"(?:-{1,2}(?:(?i:level|type|mode)=)?|--[ \t]+(?=(?i:full|incremental)[ \t]*(?:#|\n|\}|\Z)))"
    r"(?P<level>(?i:full|incremental))(?=[ \t]|#|\n|\}|\Z)"
)

#: A word, then a `=` or `:` and a value after it on the line (Recovery.signs_after); a
#: `#` ends the search (a comment), and a `:` inside a word (`BKRPOOL:X`, `03:00`) is no sign.
_SIGN_AFTER_WORD = re.compile(r"(?<![^\s])[A-Za-z][\w-]*[ \t]*(?P<sign>[=:])(?=[ \t]*[A-Za-z0-9\"*$@])")

#: Weeks after a retention's number (`retain for 5 weeks`: word_before_retention).
_WEEKS_AFTER = re.compile(r"[ \t]+(?i:weeks?)(?![^\s{}#])")

#: The members of an `expire on` list before its `{` (member_word_after_on).
_MEMBERS_BEFORE_BRACE = re.compile(r"([A-Za-z0-9$#@_]+(?:[ \t]*,[ \t]*[A-Za-z0-9$#@_]+)*)[ \t]*\{")

#: A job's medium after a word for `to` (destination_on).
_DESTINATION_MEDIUM = re.compile(r"[ \t]+(?i:(disk|tape))(?![^\s{}#])")

#: `on MEMBER... {` after a word, the `{` on its line or alone at the start of the next
#: (expiry_block_as_action).
#: The `tape manager` options, a word the recovery may read as the catalog node's name.
_TAPE_OPTIONS = lexicon.TAPE_OPTIONS
#: The options only `catalog` takes (not `on`, which `tape manager`'s nodes take too).
_CATALOG_ONLY_OPTIONS = lexicon.CATALOG_OPTIONS - {"on"}
#: A `run` line up to a schedule after its first one: `run on VMSYS1 daily 02:00 `.
_RUN_WITH_SCHEDULE = re.compile(
    r"\s*(?P<run>run\s+on\s+\S.*?)\s+(?P<schedule>(?:daily|weekly|monthly|manual)\b.*?)\s*\Z", re.IGNORECASE
)
_BLOCK_AFTER_ON = re.compile(r"[ \t]+(?i:on)[ \t]+[^{}#\n]*(?:#[^\n]*)?(?:\n[ \t]*)?\{")

#: schedule_without_run: the line was reported and skipped whole.
_LINE_SKIPPED = Token("NAME", "")
#: The most words of a line whose order `Recovery.reordered` tries to set right.
_REORDERED_WORDS = 10


def _count_shaped(unit: frozenset[str] | None = None):
    """The shape of a keyword's number (`messages.COUNTS`: `retain 35`, `workers 4`),
    and of its unit after it where one follows (`size 10 cyl`, `logon-wait 2 minutes`)."""

    def shaped(names: list[str]) -> bool:
        if not names or not names[0].isdigit():
            return False
        return unit is None or (len(names) > 1 and names[1].lower() in unit)

    return shaped


def _schedule_shaped(schedule: str):
    """The shape of a schedule's values after its keyword (`schedule`, its token type):
    its day part whole (`Recovery.day_part_whole`), then a time (HH:MM). `monthly` with
    an ordinal after it has none of its own (the ordinal's follow it)."""

    def shaped(names: list[str]) -> bool:
        if schedule == "MONTHLY" and not names:
            return True
        return (
            bool(names)
            and Recovery.day_part_whole(schedule, names[:-1])
            and messages.looks_like_time(names[-1])
        )

    return shaped


#: How the values after a keyword are shaped, by the keyword, where a fix that sets a
#: line's words in order writes them (`Recovery._values_shaped`).
_VALUE_SHAPES = {
    **{keyword: _count_shaped() for keyword in messages.COUNTS},
    "size": _count_shaped(DISK_UNIT_WORDS),
    "logon-wait": _count_shaped(WAIT_UNIT_WORDS),
    "pool-wait": _count_shaped(WAIT_UNIT_WORDS),
    **{schedule.lower(): _schedule_shaped(schedule) for schedule in ("DAILY", "WEEKLY", "MONTHLY")},
}
#: The most words of a line whose every order `Recovery.reordered` tries, where no one
#: move sets it right (`to BKUPPOOL pool disk`).
_PERMUTED_WORDS = 7
#: A line's last words after a statement (`Recovery.reordered`'s `trailing`), before a
#: comment or the line's end.
_LAST_WORDS = re.compile(r"[ \t]+([^\s#{}\"]+(?:[ \t]+[^\s#{}\"]+)*)[ \t]*(?:#[^\n]*)?$")



class Reordered(NamedTuple):
    """A line's words in the one order that makes them a statement (`Recovery.reordered`):
    the statement so written, the span of the words it is written over, and the span of
    a word too many inside them, which it leaves out (`on VMSYS1 run weekly now sun
    02:00`: `now`), if any."""

    text: str
    span: Span
    inside: Span | None = None


#: Where a comment starts on a line: a `#` first on it or after a blank.
_COMMENT_START = re.compile(r"(?:^|(?<=\s))#")

#: The text below a block's opening bracket up to the first brace or bracket after it
#: (`mark`; None where none follows), comments and texts in quotes read past
#: (Recovery.bracket_for_brace_below).
_BRACKET_BELOW = re.compile(r'(?:"[^"\n]*"?|(?<![^\s])#[^\n]*|[^"#{}()\[\]]+|#)*(?P<mark>[{}()\[\]])?')

#: Errors shown in full; later ones are summarised in one BKR008 line.
MAX_REPORTED = 20
#: Error events (shown or not) after which the parser stops reading the file.
MAX_EVENTS = 1000
#: Braces and keywords stepped over while skipping, after which the parser stops.
MAX_SKIPPED = 1_000_000

#: Values that mark placeholder braces. A `{` reopened after a stray `}` may be
#: closed by a `}` the user wrote for an outer block; an assumed `{` (the user
#: forgot it) is closed by the user's own `}`. Neither is reported as unclosed.
REOPENED = "\x00reopened"
ASSUMED = "\x00assumed"

#: How to open each kind of block where it may appear, to read on "inside" a
#: block whose `}` came too early. A test checks each against the grammar.
OPENERS: dict[str, tuple[str, ...]] = {
    "cluster": ("CLUSTER", "NAME", "LBRACE"),
    "job": ("JOB", "NAME", "LBRACE"),
    "member": ("MEMBER", "NAME", "LBRACE"),
    "expire": ("EXPIRE", "ON", "NAME", "LBRACE"),
    "group_decl": ("SINGLE", "GROUP", "NAME", "LBRACE"),
}
#: Statements the grammar takes in a kind of block that the checker then refuses
#: there (a member block may only exclude: BKR117), so that no message sends one there.
REFUSED_IN = {"include": ("member",)}
#: The keyword that names a block's kind, found left of its `{` on the stack.
BLOCK_KEYWORDS = {
    "CLUSTER": "cluster",
    "MEMBER": "member",
    "JOB": "job",
    "EXPIRE": "expire",
    "GROUP": "group_decl",
}
#: Keywords that end a skip wherever they appear (outside braces).
_STOP_ANYWAY = frozenset({"CLUSTER", "IMPORT"})
_NAME_CHAR = r"[A-Za-z0-9$#@_*%?+\-:./]"
#: Blanks on the line, then a whole word (hyphen_missing: `job suffix`).
_BLANKS_THEN_WORD = re.compile(rf"[ \t]+([A-Za-z]+)(?!{_NAME_CHAR})")
#: Blanks, then a word up to a blank, a `,`, a comment or a brace (Recovery.times_by_comma).
_BLANKS_THEN_VALUE = re.compile(r"[ \t]*([^\s,#{}]+)")
_BLANKS_THEN_TOKEN = re.compile(r"[ \t]*([^\s#])")  # the next token's first character on the line
#: A schedule written first with `at` before its time, then `run on` (or `on`) and the
#: members: `daily at 02:00 run on VMSYS1` (Recovery's schedule without `run`).
_AT_TIME_THEN_PLACE = re.compile(
    r"(?P<head>\S.*?)\s+(?P<at>[Aa][Tt])\s+(?P<time>[^\s,]+)(?P<tail>(?:\s+[Rr][Uu][Nn])?\s+[Oo][Nn]\s+\S.*)"
)
#: Blanks, then a `,` (Recovery.times_by_comma: `02:00,14:00, 20:00`), or the `&` or `;`
#: that joins two times (`02:00 & 14:00`).
_BLANKS_THEN_COMMA = re.compile(r"[ \t]*[,&;]")


def _list_after_on(stack, statement: str) -> int | None:
    """Where on `stack` the `on` stands that the list under way (the names and `,`s read
    at its top) follows, where `on` follows the keyword of type `statement` (`RUN`:
    `run on VMSYS1 VMSYS2`; `EXPIRE`); None for another list."""
    for at in range(len(stack) - 1, -1, -1):
        value = stack[at]
        if isinstance(value, Token) and value.type in ("NAME", "COMMA"):
            continue
        if isinstance(value, Tree) and value.data == "name_list":
            continue
        before = stack[at - 1] if at else None
        if isinstance(value, Token) and value.type == "ON" and isinstance(before, Token) and before.type == statement:
            return at
        return None
    return None


#: The members after `on` with the time after them (`DEV1 at 03:00`, `DEV1, DEV2 3am`):
#: `Recovery.phrase_without_run`'s `twice daily on DEV1 at 03:00`.
_TIME_AFTER_MEMBERS = re.compile(r"(?P<place>\S.*?)\s+(?:(?:[Aa][Tt]\s+)|@\s*)?(?P<time>[^\s@]+)")
#: A time after `at` or `@` in a phrase (`twice daily at 03:00 on DEV1`).
_AT_TIME = re.compile(r"(?:\b[Aa][Tt]\s+|@\s*)(?P<time>[^\s@]+)")


#: A number written as a day of the month that no month has (`40`, `0`, `32nd`).
_NO_MONTH_DAY = re.compile(r"([0-9]{1,3})(?:st|nd|rd|th)?", re.IGNORECASE)


def _month_day_or_none(word: str) -> bool:
    """`word` is a day of the month (`15`, `15th`), or a number written as one that no
    month has (`40`): the days of `monthly 1,40` (`Recovery.monthly_days`), one error."""
    return messages.month_day(word) is not None or _NO_MONTH_DAY.fullmatch(word) is not None


def _month_day_or_last(word: str) -> bool:
    """`_month_day_or_none`, or the month's last day, `last-day` (`monthly 15,last-day`)."""
    return _month_day_or_none(word) or word.lower() == "last-day"


def _monthly_untimed(phrase: str) -> str | None:
    """`monthly last-day`, `monthly last sunday`, `monthly first sun`: a `monthly` schedule
    of a day `certain_schedule` does not read, its time left out, as written with `00:00`
    after it (`monthly last sun 00:00`), for `schedule_alone`'s one error (was "`run` is
    missing", then the time's error); None for any other phrase."""
    words = phrase.lower().split()
    if words == ["monthly", "last-day"]:
        return "monthly last-day 00:00"
    if len(words) == 3 and words[0] == "monthly" and words[1] in ("first", "second", "third", "fourth", "last"):
        day = messages.phrase_day(words[2])
        if len(day) == 1:
            return f"monthly {words[1]} {day[0]} 00:00"
    return None


#: The days of the week whole, for `_alone_day`: a word that begins one of them alone.
_WHOLE_DAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")
#: The days of the week as a schedule writes them, for `_alone_day`: a word misspelt.
_DAYS = tuple(day[:3] for day in _WHOLE_DAYS)


def _alone_day(word: str) -> str | None:
    """The one day of the week `word` names or begins (`sunday`, `sun`, `su`, `tues`), or
    is misspelt for (`snu`): its three letters, as BKR314's fix writes them after `run
    on M`; None for a word of none or of several (`s`, `t`, `xyz`)."""
    named = messages.phrase_day(word)
    if len(named) == 1:
        return named[0]
    lowered = word.lower()
    begun = [d[:3] for d in _WHOLE_DAYS if len(lowered) >= 2 and d.startswith(lowered)]
    if begun:
        return begun[0] if len(begun) == 1 else None
    # `snu`: a day misspelt, the one BKR314's fix writes after `run on M` (one slip from it)
    close = messages.did_you_mean(lowered, _DAYS, synonyms=False) if len(lowered) >= 2 else []
    return close[0] if len(close) == 1 else None


def _alone_respelt(phrase: str) -> str | None:
    """`weekly su 03:00`, `weekly sunday 3am`, `monthly last day 23:00`, `monthly last sun
    3am`: a `weekly` or `monthly` schedule alone on a job's line whose day or time is
    written otherwise, as BKR314's or BKR313's fix writes it after `run on M` (`weekly sun
    03:00`, `monthly last-day 23:00`), for `schedule_alone`'s one error, which says it
    (was the generic "`run on MEMBER` before `weekly`", followed: BKR314). None for any
    other phrase."""
    words = phrase.split()
    if len(words) < 3 or words[0].lower() not in ("weekly", "monthly"):
        return None
    time = _time_read(words[-1])
    if time is None or messages.clock_has_not(time):
        return None
    days = [w.lower() for w in words[1:-1]]
    if words[0].lower() == "weekly":
        if len(days) != 1 or _alone_day(days[0]) is None:
            return None
        return f"weekly {_alone_day(days[0])} {time}"
    if days in (["last", "day"], ["last-day"], ["lastday"]):
        return f"monthly last-day {time}"
    if len(days) == 2 and days[0] in ("first", "second", "third", "fourth", "last") and _alone_day(days[1]):
        return f"monthly {days[0]} {_alone_day(days[1])} {time}"
    return None


def _short_month_note(schedule: str, written: str | None) -> str | None:
    """What the help of a schedule alone on a job's line says where `run on MEMBER` before
    it leaves BKR404's warning (`monthly 31 03:00`: not every month has the day), the
    month's last day in its place; before it, how the schedule is written where
    `written` (the line as written) differs. None for any other schedule."""
    short = re.fullmatch(r"monthly (29|30|31) (\d\d:\d\d)", schedule)
    if short is None:
        return None
    day, time = short.groups()
    respelt = f"`{written}` is written `{schedule}`; " if written is not None and written != schedule else ""
    return (
        f"{respelt}`monthly {day}` skips months of fewer days (BKR404 warns):"
        f" `monthly last-day {time}` runs on each month's last day"
    )


def _time_read(word: str) -> str | None:
    """`word` as a schedule's time: HH:MM as written (an hour of one digit written with
    two, as every help writes a time: `2:00`, 02:00), or the HH:MM BKR313 reads a time
    written another way as (`2pm`: 14:00, `time_meant`); None for no time."""
    return word.zfill(5) if messages.looks_like_time(word) else time_meant(word)
#: A line of a group body written as a YAML list item (`- LINUX01`, `- match LNX*`),
#: perhaps with a comment or the body's `}` after it.
_BULLET_LINE = re.compile(
    r"[ \t]*(?P<dash>-)[ \t]*(?P<entry>[A-Za-z0-9$@_*%?][^\s#{}\"]*(?:[ \t]+[A-Za-z0-9$@_*%?][^\s#{}\"]*)*)"
    r"[ \t]*(?P<close>\})?[ \t]*(?:#[^\n]*)?\r?"
)
#: Blank space and comments, stepped over when looking ahead (Recovery.window).
_GAP = re.compile(r"(?:[ \t\f\r\n]+|#[^\n]*)*")
_STRING = re.compile(r'"(?:[^"\\\n]|\\[^\n])*"?')
#: A quoted text closed on its line, after the blanks before it (`description, "Nightly"`).
_CLOSED_TEXT = re.compile(r'[ \t]*("(?:[^"\\\n]|\\.)*")')
#: A quoted text not closed on its line, after the blanks before it (`description,
#: "Nightly`): the text to its line's end, its closing `"` missing (BKR007).
_OPEN_TEXT = re.compile(r'[ \t]*("(?:[^"\\\n]|\\[^\n])*?)[ \t\r]*(?=\n|\Z)')

_PUNCTUATION = {"{": "LBRACE", "}": "RBRACE", ",": "COMMA"}
#: A line's words and punctuation, in order (`VMSYS1, VMSYS2 {`: four).
_WORDS = re.compile(r"[{},]|[^\s{},]+")
_NOT_VALUES = frozenset({"LBRACE", "RBRACE", "STRING", "$END"})
#: What a name in a list must look like to be one (Recovery.legit_name): a volume
#: label (`messages.looks_like_volume_label`), a minidisk address or range.
_HEX_ADDRESS = re.compile(r"[0-9A-Fa-f]{1,4}")
_ADDRESS = re.compile(r"\*|[0-9A-Fa-f]{1,4}(?:-[0-9A-Fa-f]{1,4})?")
_LISTS = {"shared-volume": "volume", "private-volume": "volume", "minidisk": "minidisk", "sfs": "sfs"}
#: Where each hyphenated keyword is a keyword: the tokens that open its place from
#: the start of a file (a test checks that each keyword fits after its own).
HYPHENATED_PLACES: dict[str, tuple[str, ...]] = {
    "shared-volume": OPENERS["cluster"],
    "private-volume": OPENERS["cluster"] + OPENERS["member"],
    "job-suffix": OPENERS["cluster"] + OPENERS["member"],
    "catalog-node": (*OPENERS["cluster"], "TAPE", "MANAGER", "SHARED"),
    "request-node": (*OPENERS["cluster"], "TAPE", "MANAGER", "SHARED"),
    "catalog-dmm": (*OPENERS["cluster"], "TAPE", "MANAGER", "SHARED"),
    "request-dmm": (*OPENERS["cluster"], "TAPE", "MANAGER", "SHARED"),
    "logon-wait": (*OPENERS["cluster"], "CATALOG", "SHARED"),
    "pool-wait": (*OPENERS["cluster"], "CATALOG", "SHARED"),
}


class Abort(Exception):
    """Stop reading the file: too many errors, or input in another language."""


# ================================================================== grammar facts
@dataclass(frozen=True)
class GrammarFacts:
    keywords: dict[str, str]  # "job" -> "JOB" (every word-like string terminal)
    texts: dict[str, str]  # terminal type -> how a message shows it


@functools.lru_cache(maxsize=4)
def grammar_facts(lark_parser) -> GrammarFacts:
    keywords, texts = {}, {}
    for term in lark_parser.terminals:
        if term.pattern.type == "str":
            texts[term.name] = f"`{term.pattern.value}`"
            if re.fullmatch(r"[a-z][a-z-]*", term.pattern.value):
                keywords[term.pattern.value] = term.name
    texts.update(messages.TERMINAL_TEXTS)
    return GrammarFacts(keywords, texts)


@functools.lru_cache(maxsize=4)
def statement_types(lark_parser) -> frozenset[str]:
    """Every keyword that can start a statement, at the top level or inside a block."""
    start = Sim.start(lark_parser)
    types = set(start.accepts())
    cluster = list(OPENERS["cluster"])
    for kind, opener in OPENERS.items():
        trial = start.copy()
        if trial.feeds(cluster if kind == "cluster" else cluster + list(opener)):
            types |= trial.accepts()
    return frozenset(types - {"RBRACE", "$END", "NAME", "COMMA", "LBRACE", "STRING"})


@functools.lru_cache(maxsize=4)
def skip_pattern(lark_parser) -> re.Pattern:
    """Strings and comments (stepped over), runs of braces, and whole keywords."""
    words = sorted(grammar_facts(lark_parser).keywords, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    # The look-ahead on first letters lets the engine reject most positions at once.
    firsts = "".join(sorted({w[0] for w in words} | {w[0].upper() for w in words}))
    return re.compile(
        r'"(?:[^"\\\n]|\\.)*"|#[^\n]*'
        r"|(?P<open>\{+)|(?P<close>\}+)"
        rf"|(?<!{_NAME_CHAR})(?=[{firsts}])(?P<word>(?i:{alternatives}))(?!{_NAME_CHAR})"
    )


@functools.lru_cache(maxsize=4)
def glue_shape(keywords: tuple[str, ...]) -> re.Pattern:
    """A keyword, then the first three characters of one (or a whole shorter one): the
    shape of every word that may be keywords run together (Recovery.glue_pieces)."""
    starts = "|".join(map(re.escape, keywords))
    follows = "|".join(map(re.escape, sorted({k[:3] for k in keywords}, key=len, reverse=True)))
    return re.compile(f"(?:{starts})(?:{follows})", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def keyword_start(keywords: tuple[str, ...]) -> re.Pattern:
    """A keyword, then anything: a word that may be a keyword and its value run together."""
    return re.compile(f"(?:{'|'.join(map(re.escape, keywords))}).", re.IGNORECASE)


# ================================================================== trials
class Sim:
    """The parser's state stack alone: try token types without building anything."""

    __slots__ = ("end", "stack", "states")

    def __init__(self, conf, stack):
        self.states = conf.states
        self.end = conf.end_state
        self.stack = list(stack)

    @classmethod
    def of(cls, ip) -> Sim:
        return cls(ip.parser_state.parse_conf, ip.parser_state.state_stack)

    @classmethod
    def start(cls, lark_parser) -> Sim:
        state = lark_parser.parse_interactive("").parser_state
        return cls(state.parse_conf, state.state_stack)

    def copy(self) -> Sim:
        twin = Sim.__new__(Sim)
        twin.states, twin.end, twin.stack = self.states, self.end, list(self.stack)
        return twin

    def feed(self, type_: str) -> bool:
        """Advance by one token of `type_` (reducing as needed); False if it does not fit."""
        stack, states = self.stack, self.states
        while True:
            action = states[stack[-1]].get(type_)
            if action is None:
                return False
            kind, arg = action
            if kind is Shift:
                if type_ == "$END":  # pragma: no cover - Lark never shifts the end
                    return False
                stack.append(arg)
                return True
            size = len(arg.expansion)
            if size:
                del stack[-size:]
            stack.append(states[stack[-1]][arg.origin.name][1])
            if type_ == "$END" and stack[-1] == self.end:
                return True

    def feeds(self, types) -> bool:
        return all(self.feed(t) for t in types)

    def fits(self, types) -> bool:
        """Would these types fit, in order? (self is unchanged.)"""
        return self.copy().feeds(types)

    def accepts(self) -> set[str]:
        return {t for t in self.states[self.stack[-1]] if t.isupper() and self.copy().feed(t)}


def filler_for(accepted: set[str]) -> str | None:
    """The placeholder that best completes a statement: a name, else a quoted text, else
    the first keyword; a `{` last (a block the user never opened is not assumed lightly)."""
    for type_ in ("NAME", "STRING"):
        if type_ in accepted:
            return type_
    keywords = sorted(t for t in accepted if t not in ("RBRACE", "LBRACE", "$END", "COMMA"))
    if keywords:
        return keywords[0]
    return "LBRACE" if "LBRACE" in accepted else None


def completion(sim: Sim, limit: int = 8, until: str | None = None) -> list[str] | None:
    """Placeholders after which the statement under way may end (a `}` or the end fits),
    or, with `until`, after which a token of that type fits (None if it never does
    before the statement could end). A block the statement needs is opened and closed
    empty, so the placeholders never stand for a `}` of an enclosing block."""
    path: list[str] = []
    sim = sim.copy()
    for _ in range(limit):
        if until is not None and sim.fits([until]):
            return path
        accepted = sim.accepts()
        if accepted & {"RBRACE", "$END"}:
            return path if until is None else None
        filler = filler_for(accepted)
        if filler is None or not sim.feed(filler):
            return None
        path.append(filler)
        if filler == "LBRACE" and sim.feed("RBRACE"):
            path.append("RBRACE")
    return None


def closing(sim: Sim, blocks: int) -> list[str] | None:
    """Placeholders that finish the statement under way and close `blocks` blocks."""
    path: list[str] = []
    sim = sim.copy()
    for _ in range(blocks):
        done = completion(sim)
        if done is None or not sim.feeds(done + ["RBRACE"]):
            return None
        path += done + ["RBRACE"]
    return path


#: `expire on DEV1, DEV2`: a line of a group body that opens an expire block, its members'
#: commas not the body's separators (separators_in_group).
_EXPIRE_HEAD = re.compile(r"[ \t]*expire[ \t]+on[ \t]+[^\s,{}#]+[ \t]*,")


def _may_send(line: str) -> bool:
    """Whether `line` may be a CP SMSG command (`SMSG BKRBKUP SUBMIT X`, `CP SMSG ...`),
    whose help names a job of the file's only (messages.job_names: read for it alone)."""
    return line[:4].upper() in ("SMSG", "CP S")


def _fake(type_: str, like: Token, value: str = "") -> Token:
    """A placeholder token at `like`'s position."""
    if like.start_pos is None:
        return Token(type_, value)
    return Token.new_borrow_pos(type_, value, like)


# ================================================================== the parse stack
def tokens_of(value):
    if isinstance(value, Token):
        yield value
    elif isinstance(value, Tree):
        for child in value.children:
            yield from tokens_of(child)


def tokens_backwards(value):
    """`tokens_of(value)` from the last: a question about a value's end (its last real
    token) reads only its end, not a block body's every statement."""
    if isinstance(value, Token):
        yield value
    elif isinstance(value, Tree):
        for child in reversed(value.children):
            yield from tokens_backwards(child)


def is_real(tok: Token) -> bool:
    """Whether a token came from the text (placeholders are empty or marked)."""
    return bool(tok.value) and not str(tok.value).startswith("\x00") and tok.start_pos is not None


#: The keywords a block's opening line starts with (`single group G`, `expire on M`), as
#: token types: a block the grammar names by its keyword opens with it (`cluster`,
#: `member`, `job`, `expire`); a group (`group_decl`) with its kind.
_OPENING_WORDS = frozenset(
    word.upper() for word in (lexicon.BLOCK_STATEMENTS.keys() & lexicon.KEYWORDS) | lexicon.KINDS
)


def opener_written(stack) -> str | None:
    """A block's opening line as the user wrote it, its `{` not read yet, for BKR011:
    `` `single group APPS` ``, `` `expire on ZVMA, ZVMB` ``, `` `expire on each
    member` `` (its words as written, one blank apart, a `,` after its name); None
    when a word of it is none of the user's (a placeholder) or no opener ends the stack."""
    words: list[Token] = []
    values = stack[-8:]
    for i in range(len(values) - 1, -1, -1):
        found = list(tokens_of(values[i]))
        if any(tok.type in ("LBRACE", "RBRACE") for tok in found):
            return None
        words[:0] = found
        each = i > 0 and isinstance(values[i - 1], Token) and values[i - 1].type == "EACH"
        if found and found[0].type in _OPENING_WORDS and not (found[0].type == "MEMBER" and each):
            break  # the block's first word (not the `member` of `on each member`)
    else:
        return None
    if not all(is_real(tok) for tok in words):
        return None
    text = ""
    for tok in words:
        text += str(tok.value) if tok.type == "COMMA" or not text else f" {tok.value}"
    return f"`{text}`"


def last_real_token(stack) -> Token | None:
    for value in reversed(stack):
        found = next((tok for tok in tokens_backwards(value) if is_real(tok)), None)
        if found is not None:
            return found
    return None


def _schedule_as_written(written: str) -> bool:
    """Whether `written`, a `daily` or `weekly` schedule, reads as it is written: its
    days each a day's name, its time HH:MM on the clock (`weekly saturday 22:00`)."""
    words = written.split()
    clock = re.fullmatch(r"(\d{1,2}):(\d{2})", words[-1])
    if clock is None or int(clock.group(1)) > 23 or int(clock.group(2)) > 59:
        return False
    if words[0] == "daily":
        return len(words) == 2
    return len(words) == 3 and all(messages.looks_like_day(d) for d in words[1].split(","))


def job_home(stack, text: str) -> tuple[str | None, str | None]:
    """The kind of users the job open on the parser's `stack` backs up, and the member
    its users' other jobs run on (`messages.job_home_of`, read from `text`, the file: the
    job's `backup` lines, and the whole file's declarations and other jobs, those below
    it too); (None, None) where no job is open or its `{` is not the user's. A `run` the
    recovery writes for the job is read by them."""
    opened = max((i for i, v in enumerate(stack) if isinstance(v, Token) and v.type == "JOB"), default=None)
    if opened is None:
        return None, None
    brace = next((v for v in stack[opened + 1 : opened + 3] if isinstance(v, Token) and v.type == "LBRACE"), None)
    if brace is None or not is_real(brace):
        return None, None
    return messages.job_home_of(text, brace.start_pos)


def top_token(stack, *types: str, real: bool = True) -> Token | None:
    """The token on top of the parser's value stack (what was read just before the
    token at hand) when it is of one of `types` (of any type when none is given) and,
    with `real`, came from the text; else None (nothing, a placeholder, or a subtree
    Lark has already reduced). Most repairs start by asking this: `to` just read
    before `01FF`, `run` before `daily`, the import path before a `\\`."""
    top = stack[-1] if stack else None
    if not isinstance(top, Token) or (types and top.type not in types) or (real and not is_real(top)):
        return None
    return top


def repeats(previous: Token, tok: Token) -> bool:
    """Whether `tok` is the word before it written again (`workers 2 2`, `member
    VMSYS4 VMSYS4`): the one word too many that removing surely mends."""
    return str(tok.value).upper() == str(previous.value).upper()


@dataclass
class Block:
    kind: str  # a key of OPENERS
    name: str | None
    brace: Token  # the `{` (a placeholder when reopened or assumed)

    @property
    def placeholder(self) -> bool:
        return self.brace.value in (REOPENED, ASSUMED)

    @property
    def title(self) -> str:
        return messages.block_title(self.kind, self.name)


def _block_at(stack, i: int) -> Block:
    """The block whose `{` is stack[i]: its kind from the keyword left of it."""
    name = stack[i - 1] if i and isinstance(stack[i - 1], Token) and stack[i - 1].type == "NAME" else None
    shown = str(name.value) if name is not None and is_real(name) else None
    for j in range(i - 1, max(i - 5, -1), -1):
        value = stack[j]
        if isinstance(value, Token) and value.type in BLOCK_KEYWORDS:
            return Block(BLOCK_KEYWORDS[value.type], shown, stack[i])
    return Block("cluster", shown, stack[i])


def first_member(stack) -> str | None:
    """The name of the first member the parser's `stack` holds, declared (a `member`
    tree) or open (`member NAME {`); None before any. An example in a help names it
    (`messages.hyphenated_misplaced`; the fast front end: `_Parser.members`)."""
    return next(iter(members_read(stack)), None)


def members_read(stack) -> list[str]:
    """The names of the members the parser's `stack` holds, declared or open, in the
    file's order: an example in a help names them (`messages.each_member`)."""
    names: list[str] = []
    for i, value in enumerate(stack):
        if isinstance(value, Tree):
            for tree in value.iter_subtrees_topdown():
                if tree.data == "member":
                    name = next((t for t in tree.children if isinstance(t, Token) and t.type == "NAME"), None)
                    if name is not None and is_real(name):
                        names.append(str(name.value))
        elif isinstance(value, Token) and value.type == "MEMBER" and i + 1 < len(stack):
            name = stack[i + 1]
            if isinstance(name, Token) and name.type == "NAME" and is_real(name):
                names.append(str(name.value))
    return names


def catalog_read(stack) -> tuple[str | None, str | None]:
    """The scope (`shared`, `local`) of the cluster's first `catalog` statement the
    parser's `stack` holds, and the member its server logs on to (`on VMSYS1`), each
    None where not read: an `expire` block's members without their commas say what
    the list then needs by it (`messages.ExpireList`)."""
    for value in stack:
        if not isinstance(value, Tree):
            continue
        for tree in value.iter_subtrees_topdown():
            if tree.data != "catalog":
                continue
            scope = home = None
            for child in tree.children:
                if isinstance(child, Tree) and child.data in ("shared", "local"):
                    scope = str(child.data)
                elif isinstance(child, Tree) and child.data == "catalog_home":
                    name = next((t for t in child.children if isinstance(t, Token) and t.type == "NAME"), None)
                    home = str(name.value).upper() if name is not None and is_real(name) else None
            return scope, home
    return None, None


def open_blocks(stack) -> list[Block]:
    """Blocks whose `{` is on the stack and not yet closed, outermost first."""
    opened: list[int] = []
    for i, value in enumerate(stack):
        if isinstance(value, Token):
            if value.type == "LBRACE":
                opened.append(i)
            elif value.type == "RBRACE" and opened:
                opened.pop()
    return [_block_at(stack, i) for i in opened]


#: Declarations a file may hold beside its cluster, and a cluster too.
_DECLARATIONS = frozenset({"user_decl", "group_decl"})


def _past_declarations(stack):
    """The cluster before the declarations that end the top level of the stack (`}`
    too many closed the cluster, and `single group ...` lines after it read as the
    file's), or the top of the stack when there is none such."""
    items = []
    for value in stack:
        if isinstance(value, Tree) and value.data.startswith("__"):
            items += value.children
        else:
            items.append(value)
    for value in reversed(items):
        if isinstance(value, Tree) and value.data in _DECLARATIONS:
            continue
        return value if isinstance(value, Tree) and value.data == "cluster" else stack[-1]
    return stack[-1]


def last_closed(stack, source: Source, past_declarations: bool = False) -> tuple[Block, Span] | None:
    """The block the most recent `}` closed, and that `}`'s span; with
    `past_declarations`, the cluster when only declarations of groups and users
    stand after it."""
    if not stack:
        return None
    top = _past_declarations(stack) if past_declarations else stack[-1]
    if isinstance(top, Token) and top.type == "RBRACE" and is_real(top):
        depth = 0
        for i in range(len(stack) - 1, -1, -1):
            value = stack[i]
            if isinstance(value, Token) and value.type == "RBRACE":
                depth += 1
            elif isinstance(value, Token) and value.type == "LBRACE":
                depth -= 1
                if depth == 0:
                    return _block_at(stack, i), source.span(top.start_pos, top.end_pos)
        return None
    while isinstance(top, Tree) and top.data.startswith("__") and top.children:
        top = top.children[-1]
    if isinstance(top, Tree) and top.data in OPENERS:
        leaves = list(tokens_of(top))
        for i, tok in enumerate(leaves):
            if tok.type == "LBRACE":
                closer = leaves[-1]
                if closer.type == "RBRACE" and is_real(closer):
                    return _block_at(leaves, i), source.span(closer.start_pos, closer.end_pos)
                return None
    return None


@functools.lru_cache(maxsize=32)
def _place(lark_parser, keyword: str) -> Sim:
    sim = Sim.start(lark_parser)
    sim.feeds(HYPHENATED_PLACES[keyword])
    return sim


@functools.lru_cache(maxsize=256)
def _right_after(lark_parser, statement: str, keyword: str) -> bool:
    """Whether `keyword` reads right after `statement`'s keyword, at the top level or in
    a block of any kind that takes the statement (`daily` after `preview`): a line that
    starts with it is that statement, its keyword left out (`Recovery.goes_on_below`)."""
    for opening in ((), *OPENERS.values()):
        place = Sim.start(lark_parser)
        if place.feeds(opening) and place.fits([statement, keyword]):
            return True
    return False


def hyphenated_place(lark_parser, keyword: str) -> Sim:
    """The parser standing where `keyword` (a hyphenated keyword) is read."""
    return _place(lark_parser, keyword).copy()


def legit_name(word: str, kind: str | None, position: int) -> bool:
    """Whether `word` may be the name at `position` of a list of `kind` (list_of):
    a volume label, a minidisk's owner then addresses, an SFS path, else a z/VM name."""
    if kind == "volume":
        return messages.looks_like_volume_label(word)
    if kind == "minidisk" and position > 0:
        return _ADDRESS.fullmatch(word) is not None
    if kind == "sfs":
        return ":" in word
    return len(word) <= 8 and _NAME.fullmatch(word) is not None


# ================================================================== recovery
@dataclass
class _Edit:
    """A re-reading of a statement's tail: tokens kept, placeholders inserted, tokens after."""

    before: list
    inserted: list
    after: list
    report: object  # (ip) -> None, called once the parser stands before the insertion
    #: The keyword of the statement `after` starts, when it fits once `inserted` closes
    #: the block, but was written inside it, whose own `}` is below (closes_there): only
    #: reported, then skipped (skip_pasted), so the block stays open for that `}`.
    written_inside: Token | None = None


#: Words a job's kind of backup is written after as a setting (`type full`): it
#: follows the groups on the `backup` line (Recovery.level_as_statement).
LEVEL_SETTINGS = frozenset({"type", "kind", "level", "mode"})


def _member_like(first: str, other: str) -> bool:
    """Whether `other` reads as one more member named like `first` (`ZVMB` after `ZVMA`,
    `VMSYS2` after `VMSYS1`): the same start, and the same length or a longer start in
    common, as a site numbers or letters its members."""
    common = len(os.path.commonprefix([first.upper(), other.upper()]))
    return common >= 3 or (common >= 1 and len(first) == len(other))


#: Blanks and comments, as many as there are (`Recovery.close_run_removal`).
_BLANKS_AND_COMMENTS = re.compile(r"(?:\s|#[^\n]*)*")


def _written_again(text: str, edit) -> bool:
    """Whether `edit` removes words (none written in their place) that the next line
    holding code, past blank and comment lines, starts with as they are: one copy of
    a line written twice taken out, its `#`s (`PAY#1`) kept in the other."""
    words = text[edit.span.start : edit.span.end].split()
    if edit.new_text or not words:
        return False
    for line in text[edit.span.end :].split("\n"):
        if line.strip() and not line.lstrip().startswith("#"):
            return line.split()[: len(words)] == words
    return False


@dataclass
class Recovery:
    """The on_error handler. Diagnostics accumulate in `diagnostics`."""

    source: Source
    lark: object
    diagnostics: list[Diagnostic] = field(default_factory=list)
    hidden: int = 0
    first_hidden: Span | None = None
    aborted_at: Span | None = None
    #: Where reading stopped, MAX_READ_AFTER_ERROR tokens after the first error:
    #: the parse ends the file there, and nothing more is reported.
    stopped_at: Span | None = None
    read_after_error: int = 0
    parser_state: object = None  # set by parser.py before parsing starts

    def __post_init__(self):
        self.facts = grammar_facts(self.lark)
        self.keyword_types = frozenset(self.facts.keywords.values())
        self.statements = statement_types(self.lark)
        self.events = 0
        self.skipped = 0
        #: Whether a help read the job open on the stack against the file's declarations
        #: and its other jobs (`job_home`), or read other statements of the file's text
        #: (the catalog: `expire_members_left_out`, `written_inside`): a reading of part of
        #: the file (region.py), which may hold some of them only, cannot tell what the
        #: whole file's says.
        self.read_whole_file = False
        self.reported_at: set[int] = set()
        self.reopened = 0  # placeholder `{` fed by reopening
        self.reopened_closed_by_us = 0
        self.missing_opens = 0  # `{` reported missing after a block's name (BKR011)
        # Where a keyword of a block's body written without its hyphen starts, after the
        # block's name, its `{` missing (`member M`, then `job suffix`): the BKR011 there
        # writes the block and the statement, so its value missing, or quoted, is no
        # second error (report_missing, mid_statement).
        self.written_in_open: set[int] = set()
        # Values read without their quotes (`retain "35 days"`, `quoted_values`): where
        # each quoted string starts, its end and its words, which a later help writes.
        self.unquoted: dict[int, tuple[int, str]] = {}
        # Where a word starts that was reported with the keyword missing before it and
        # read after that keyword (`minidisk` alone on its line after a volume list:
        # `exclude` or `include` left out): the statement is said to be unfinished by
        # that one error, so its value missing right after the word is no second error
        # at the same word (report_missing). Also where a keyword starts that was
        # reported written over and over with no value after it (`import import
        # import`: run_unfinished).
        self.head_missing: set[int] = set()
        # A keyword written over with nothing after it on its line (`include include`,
        # `workers workers`), or words after it that do not follow the first (`to to pool
        # BKUPPOOL`: run_unfinished), by the first's offset, and by the offset of the word
        # after the run where there is one: the error said for the run, the keyword, how
        # often it is written, the span from the first's end to the last's, the first's
        # end, what the parser takes after the first, and that word's offset (or None).
        # The error the first then gets alone ("expected `minidisk` or `sfs` after
        # `include`", at the first; "`to` names the medium before the pool", at that
        # word) is said in it (report, said_in_run).
        self.runs_unfinished: dict[int, tuple[Diagnostic, str, int, Span, int, str, int | None]] = {}
        self.language_checked = False
        self.quiet = False  # nothing was read since the last error: reports are cascades
        self._after_last: tuple | None = None  # the parser's states when the last error was handled
        self._read_at_last = 0  # `read_after_error` then
        self._fed_error_token = False
        self._balance: int | None = None
        #: The offsets of the `{` reported as opening nothing (BKR004, BARE_BRACE), which a
        #: BKR006 fix may remove with the `}` too many (`bare_braces_removal`).
        self.bare_braces: list[int] = []
        self.hashed: set[int] = set()  # start offsets of keywords with a `#` right after them (hash_read)
        # ... of them, those whose `#` was read as a comment's: start offset -> (their
        # BKR012, the word, the line from the `#` on), so that a statement that then ends
        # right after the keyword is that one error (unfinished_hashed)
        self.hash_comments: dict[int, tuple[Diagnostic, str, str]] = {}
        # ... and those whose words after them on the line were read as the statement's
        # (`retain## notes`): start offset -> (their BKR012, the word, the line from the
        # `#` on, what must follow the keyword), should the line not finish it
        self.hash_read_on: dict[int, tuple[Diagnostic, str, str, str]] = {}
        self.glued_names: set[int] = set()  # start offsets of names cut from a keyword's word (`backups`)
        self.glued: list[tuple[int, int]] = []  # (start, end) of words reported as keywords run together
        # Misspelt keywords read as the keyword: start offset -> (their BKR012, the keywords offered).
        self.respelt: dict[int, tuple[Diagnostic, list[str]]] = {}
        # ... of them, those whose keyword starts no statement where the word stands
        # (messages.keyword_of_another_block: `keep` at the top level of the file)
        self.meant_elsewhere: set[int] = set()
        # Statement keywords met at the top level of the file, no block closed before
        # them, read in blocks reopened for them (misplaced_keyword: `retain 35` or
        # `keep 35` after the imports): their one error says where they belong, and
        # what the statement lacks there is no news (report_missing)
        self.read_apart: set[int] = set()
        # Words read as keywords written without their blank (`runon`, `onexpire`,
        # `run-o`), reported: the start offset of the last keyword read from the word
        # -> (the BKR012, the keywords meant, the word). A value missing right after it
        # is said by that one error (glued_unfinished).
        self.glued_last: dict[int, tuple[Diagnostic, str, str]] = {}
        self._by_length = sorted(self.facts.keywords, key=len, reverse=True)
        self._stops_by_line: dict[int, tuple[list[int], list[int]]] = {}  # _phrase_stops
        self._glue_shape = glue_shape(tuple(self._by_length))
        self._keyword_start = keyword_start(tuple(self._by_length))
        self._hyphenated = tuple(k for k in self._by_length if "-" in k)
        # `jobsuffix` -> job-suffix; `job` -> {`suffix`: job-suffix} (hyphen_missing)
        self._hyphen_joined = {k.replace("-", ""): k for k in self._hyphenated}
        self._hyphen_parts: dict[str, dict[str, str]] = {}
        # Hyphenated keywords reported where they do not belong: start -> end of their values.
        self.misplaced_at: dict[int, int] = {}
        # Words reported as they were lexed, which the parser is to read on without
        # (`and` in a group body, `owner` before a selection's owner): their start offsets.
        self.dropped: set[int] = set()
        self.repeated: set[int] = set()  # a keyword's third and later in a run, said once (report_repeat)
        #: words after a list of volume labels read as a statement's first (word_after_labels)
        self.statement_words: set[int] = set()
        # `- LINUX01` lines of a group body, reported once (bullets): offsets of their `-`.
        self.bullets_at: set[int] = set()
        # `;` and `,` between the entries of a group body, reported once (separators_in_group).
        self.separators_at: set[int] = set()
        self.brackets_for_braces: set[int] = set()  # a block's `)` or `]` read as its `}` (bracket_for_brace)
        self.signs_said: set[int] = set()  # a line's `=` or `:` said with its first (signs_after)
        # Names of a list after a missing `,` whose own `,` is missing too, reported
        # with the first (`on VMSYS1 VMSYS2 VMSYS3`): their start offsets.
        self.commas_missing: set[int] = set()
        self._lists = {self.facts.keywords[k]: kind for k, kind in _LISTS.items()}  # list_of
        for k in self._hyphenated:
            first, second = k.split("-", 1)
            self._hyphen_parts.setdefault(first, {})[second] = k
        # Every form of a hyphenated keyword starts with its first part (hyphen_missing).
        self._hyphen_heads = tuple(sorted(self._hyphen_parts))

    # ============================================================== reporting
    def report(self, diag: Diagnostic, at: int | None = None) -> Diagnostic | None:
        """Record a diagnostic: not for a cascade, once per token, the rest counted.
        The diagnostic recorded (`diag`, or it without a fix that would drop a `#`), or
        None when it is not."""
        if self.runs_unfinished and diag.span is not None and diag.span.start in self.runs_unfinished:
            # said in the run's error, which it replaces: also right after it, a cascade's place
            said = self.said_in_run(diag, at)
            if said is not None:
                return said
        if self.quiet or self.stopped_at is not None:
            return None  # after reading stopped: the blocks left open are closed in silence
        if diag.fix is not None and self.drops_hash(diag.fix):
            diag = replace(diag, fix=None)
        if at is not None:
            if at in self.reported_at:
                return None
            if any(begin < at < end for begin, end in self.glued):
                return None  # inside a word already reported as keywords run together
            self.reported_at.add(at)
        if diag in self.diagnostics:
            # the same slip met again at a later token of it (`monthly 1 2 3 02:00`: the
            # days at `3`, read on after the number, and again at `02:00`): said once
            return None
        if self.diagnostics and diag.fix is not None and diag.span is not None and self._line_goes_on(diag.span.end):
            merged = messages.second_slip(self.diagnostics[-1], diag)
            if merged is not None:
                # `purge purge weekly weekly sun 06:00`, `run on VMSYS1 VMSYS2 dayly 02:00`:
                # a second slip on the line, said in the first's error, whose mend does both
                self.diagnostics[-1] = merged
                return merged
        if len(self.diagnostics) >= MAX_REPORTED:
            self.hidden += 1
            self.first_hidden = self.first_hidden or diag.span
            return None
        self.diagnostics.append(diag)
        return diag

    def _line_goes_on(self, pos: int) -> bool:
        """Whether words follow `pos` on its line, before a comment: a slip there is no
        word half typed at the line's end, which typing goes on from."""
        return bool(self._line_before_comment(pos).strip())

    def said_in_run(self, diag: Diagnostic, at: int | None) -> Diagnostic | None:
        """`diag`, the error a keyword written over gets alone once its repeats are
        read as not written (`expected `minidisk` or `sfs` after `include`, found the
        end of the line`, at the first, which says what it expects there:
        `Diagnostic.expected`; or any error at the word after the run, which does not
        follow the first: `to to pool BKUPPOOL`, "`to` names the medium before the
        pool"; run_unfinished), said in the run's own error, which it replaces: the
        one error, or None where `diag` is no such error."""
        record = self.runs_unfinished[diag.span.start]
        run, word, times, removed, first_end, need, after = record
        if run not in self.diagnostics or not diag.help:
            return None
        if diag.span.start == after:
            need = diag.expected or need
        elif diag.span.end != first_end or diag.expected is None:
            return None
        else:
            need = diag.expected
        made = messages.run_unfinished_said(run, word, times, diag, removed, need)
        for key in [key for key, value in self.runs_unfinished.items() if value is record]:
            del self.runs_unfinished[key]
        self.diagnostics[self.diagnostics.index(run)] = made
        if at is not None:
            self.reported_at.add(at)
        return made

    def drops_hash(self, fix) -> bool:
        """Whether `fix` would take a `#` out of the text: in `catalog## Notes` the
        lexer may have read a comment where the word seemed to go on, and no fix
        may drop a comment (a `#` inside a name, `SYS#1`, is kept by every fix). A fix
        that moves a line (`messages._moved_out`: a `catalog` line with its comment,
        written inside the expire block) writes what it takes out again: each `#` and
        the rest of its line taken out is found in the text another of its edits writes.
        Nor does a fix that removes words the next line of code writes again, as they
        are (`messages._opened_twice`: `job PAY#1 {` written twice, the first removed)."""
        text = self.source.text
        dropping = [
            e
            for e in fix.edits
            if text.count("#", e.span.start, e.span.end) > e.new_text.count("#") and not _written_again(text, e)
        ]
        if not dropping or len(fix.edits) < 2:
            return bool(dropping)
        written = "".join(e.new_text for e in fix.edits)
        return any(
            found.group().rstrip() not in written
            for e in dropping
            for found in re.finditer(r"#[^\n]*", text[e.span.start : e.span.end])
        )

    def withdraw(self, at: int) -> None:
        """Take back the diagnostic reported at offset `at`, when a later, more
        specific one covers the same slip (`each members`: not also `members`)."""
        if at in self.reported_at:
            self.diagnostics[:] = [d for d in self.diagnostics if d.span.start != at]
            self.glued[:] = [(b, e) for b, e in self.glued if b != at]

    @property
    def saturated(self) -> bool:
        return len(self.diagnostics) >= MAX_REPORTED

    # ============================================================== text helpers
    def end_span(self) -> Span:
        """Just after the last character that is not blank: where "the file ends"."""
        end = len(self.source.text.rstrip())
        return self.source.span(end, end)

    def line_before(self, tok: Token) -> str:
        """`tok`'s line, up to it."""
        text, at = self.source.text, tok.start_pos or 0
        return text[text.rfind("\n", 0, at) + 1 : at]

    def span_of(self, tok: Token) -> Span:
        if tok.type == "$END" or tok.start_pos is None:
            return self.end_span()
        start = tok.start_pos
        end = tok.end_pos if tok.end_pos is not None and tok.end_pos > start else start + 1
        return self.source.span(start, min(end, max(len(self.source.text), start + 1)))

    def describe(self, tok: Token | None) -> str:
        if tok is None or tok.type == "$END":
            return "the end of the file"
        if tok.type in self.keyword_types:
            return messages.shown(" ".join(str(tok.value).split()))  # `job  suffix` read as one keyword
        return messages.shown(str(tok.value))

    def expected_list(self, types) -> str:
        words = sorted({self.facts.texts.get(t, t) for t in types if t != "$END"})
        if "$END" in types:
            words.append("the end of the file")
        return messages.one_of(words)

    def points(self, offsets) -> tuple[Span, ...]:
        """The empty spans at `offsets`: where a fix inserts."""
        return tuple(self.source.span(at, at) for at in offsets)

    def blank_and(self, previous: Token | None, tok: Token) -> Span:
        """`tok` with the blanks between it and `previous` when both stand on one line
        (nothing else, a comment least of all, can stand between them there), else
        `tok` alone: the text to delete to remove `tok`."""
        if tok.start_pos is None or tok.end_pos is None:
            return self.span_of(tok)
        if previous is not None and previous.end_pos is not None and previous.end_line == tok.line:
            return self.source.span(previous.end_pos, tok.end_pos)
        return self.span_of(tok)

    def extra_brace(self, closed: tuple[Block, Span] | None) -> Span | None:
        """The text that deletes the `}` which closed `closed` early, when the file has
        exactly one `}` too many: the brace with the blanks before it, or its whole
        line when nothing else stands on it (a comment after it stays)."""
        if closed is None or self.brace_balance != -1:
            return None
        return self.source.deletion(closed[1])

    def indent_column(self, tok: Token) -> int:
        """1-based column of the first non-blank character of `tok`'s line."""
        line = self.source.line_text(tok.line or 1)
        return len(line) - len(line.lstrip(" \t")) + 1

    def first_on_line(self, offset: int) -> bool:
        text = self.source.text
        return not text[text.rfind("\n", 0, offset) + 1 : offset].strip()

    @property
    def brace_balance(self) -> int:
        """`{` minus `}` in the whole file, outside comments and strings (computed once)."""
        if self._balance is None:
            self._balance = messages.brace_balance(self.source.text)
        return self._balance

    def keywords_in(self, types) -> list[str]:
        return sorted(k for k, t in self.facts.keywords.items() if t in types)

    # ============================================================== feeding
    def semicolon_for_brace(self, ip, pos: int, line_end: int) -> bool:
        """`member LAB1 { workers 2 ;`: a `;` last on its line (but for a comment),
        after a `{` of that line not closed on it, where a `}` may stand, in a file with
        one `{` more than `}`: the `}` typed as `;` (its key is next to it on some
        keyboards). Said there (BKR005, `messages.semicolon_for_brace`), its fix writing
        `}`, and read as that `}` (was BKR003 for the `;`, and BKR005 blaming the block
        around, whose `}` the next line's had become)."""
        text = self.source.text
        rest = text[pos + 1 : line_end].strip()
        if self.brace_balance != 1 or (rest and not rest.startswith("#")):
            return False
        if "RBRACE" not in self.accepts(ip):
            return False
        begin = text.rfind("\n", 0, pos) + 1
        depth = 0
        for m in messages.BRACE_OR_TEXT_OR_COMMENT.finditer(text, begin, pos):
            if m.group() == "{":
                depth += 1
            elif m.group() == "}":
                depth = max(depth - 1, 0)
        if depth == 0:
            return False
        blocks = open_blocks(ip.parser_state.value_stack)
        if not blocks:
            return False
        span = self.source.span(pos, pos + 1)
        self.report(messages.semicolon_for_brace(blocks[-1].title, span), pos)
        line, column = self.source.position(pos)
        self.feed(ip, Token("RBRACE", "}", pos, line, column, line, column + 1, pos + 1))
        return True

    def accepts(self, ip) -> set[str]:
        return Sim.of(ip).accepts()

    def feed(self, ip, tok: Token) -> bool:
        try:
            ip.feed_token(tok)
        except UnexpectedToken:  # pragma: no cover - every fed token was tried on a Sim first
            return False
        return True

    def feed_types(self, ip, types, like: Token, brace: str = ASSUMED) -> None:
        """Feed placeholders of these types (a `{` marked with `brace`). The name of a
        reopened block is marked too: the AST builder joins that block to the one the
        early `}` closed (build.py, `join_reopened`)."""
        for type_ in types:
            if type_ == "LBRACE":
                if brace == REOPENED:
                    self.reopened += 1
                self.feed(ip, _fake(type_, like, brace))
            elif type_ == "NAME" and brace == REOPENED:
                self.feed(ip, _fake(type_, like, REOPENED))
            else:
                if type_ == "RBRACE":
                    blocks = open_blocks(ip.parser_state.value_stack)
                    if blocks and blocks[-1].brace.value == REOPENED:
                        self.reopened_closed_by_us += 1
                self.feed(ip, _fake(type_, like))

    @staticmethod
    def retype(tok: Token, type_: str) -> Token:
        return Token.new_borrow_pos(type_, tok.value, tok)

    @staticmethod
    def _advance(state, end: int) -> None:
        """Move the lexer forward to offset `end` (never back)."""
        pos = state.line_ctr.char_pos
        if end > pos:
            state.line_ctr.feed(state.text.text[pos:end])

    # ============================================================== entry point
    def __call__(self, error) -> bool:
        if not self.language_checked:
            self.language_checked = True
            self._sniff()
        ip = error.interactive_parser
        # A cascade: the parser is where the last error left it, and no token but
        # this one was read since. The same states after tokens were read are a
        # new mistake in a statement like the last one (a third `workers: 2`).
        read_since = self.read_after_error - self._read_at_last
        self.quiet = read_since <= 1 and self._after_last == tuple(ip.parser_state.state_stack)
        self._fed_error_token = False
        if isinstance(error, UnexpectedCharacters):
            pos = ip.lexer_thread.state.line_ctr.char_pos
            self._count_event(self.source.span(pos, pos + 1))
            if pos < len(self.source.text) and messages.control_character(self.source.text[pos]):
                self.quiet = False  # a control character is its own mistake, wherever the parser stands
            self.on_characters(ip, pos)
        elif isinstance(error, UnexpectedToken):
            self._count_event(self.span_of(error.token))
            self.dispatch(ip, error.token)
        else:  # pragma: no cover - Lark raises only the two above here
            return False
        self.quiet = False
        # Once the offending token itself has been read, the next error is news.
        self._after_last = None if self._fed_error_token else tuple(ip.parser_state.state_stack)
        self._read_at_last = self.read_after_error
        return True

    def stop_reading(self, tok: Token) -> None:
        """End the file before `tok`: the parse closes what is open there, and no
        error after this is reported (parser.py, `_Watched`)."""
        self.stopped_at = self.span_of(tok)

    def _count_event(self, where: Span) -> None:
        self.events += 1
        if self.events > MAX_EVENTS:
            self.aborted_at = where
            raise Abort

    def _sniff(self) -> None:
        sniffed = messages.sniff_language(self.source.text)
        if sniffed is None:
            return
        what, start = sniffed
        self.diagnostics.append(messages.wrong_language(what, self.source.span(start, start + 1)))
        raise Abort

    # ============================================================== characters
    def on_characters(self, ip, pos: int) -> None:
        """A character no token can start with: say what it probably is, skip past it."""
        state = ip.lexer_thread.state
        text = self.source.text
        char = text[pos] if pos < len(text) else ""
        line_end = self._line_end(pos)
        word = self.word_read_as_time(ip, self.source.position(pos)[0])
        if word is not None and self.time_left_out(ip, word):
            return  # `purge weekly sun` + newline + `retain = 35 days`: `retain` is no time
        if char == '"':
            self.report(messages.unterminated_string(self.source.span(pos, line_end)), pos)
            end = self._unclosed_text_end(pos, line_end)
            self._advance(state, end)
            self._assume_string(ip, pos, end)
            return
        if char in ")]" and pos in self.brackets_for_braces:
            # the `)` of `member LAB2 ( workers 2 )`, said with its `(`: the block's `}`
            self.brackets_for_braces.discard(pos)
            self.feed(ip, self.token_at("RBRACE", pos, pos + 1))
            self._advance(state, pos + 1)
            self._fed_error_token = True
            return
        if char in "([" and self.bracket_for_brace(ip, pos):
            return
        if char in ")]" and self.bracket_for_close(ip, pos):
            return
        if char == "=" and self.wakeup_schedule(ip, pos):
            return  # `run on VMSYS1 ==/==/== 02:00:00`: as WAKEUP TIMES writes it
        if char == "=" and self.foreign_line(ip, pos):
            return
        previous = last_real_token(ip.parser_state.value_stack)
        if char in "&;" and previous is not None and previous.line == self.source.position(pos)[0]:
            # `daily 02:00 & 14:00`, `daily 02:00;14:00`: times joined, a job for each (were
            # "`&`": z/VM names and variables, and "`;` is not needed", whose fix left two times)
            times = self._times_after(ip, pos + 1)
            if times is not None:
                self.report(times[0], pos)
                self._advance(state, times[1])
                self._fed_error_token = True
                return
        if char in ":=" and pos in self.signs_said:
            # `server=BKRSVSFS pool=BKRPOOL`: a second sign of the line, said with its first
            self._advance(state, pos + 1)
            self._fed_error_token = True
            return
        if char in ":=" and previous is not None and self.sign_before_brace(ip, pos, previous):
            return
        if char in ":=" and previous is not None and self.sign_before_users(ip, pos, previous):
            return
        if char in ":=" and previous is not None and self.yaml_block(ip, pos, previous):
            return
        if char == ";" and (pos in self.separators_at or self.separators_in_group(ip, pos)):
            self._advance(state, pos + 1)
            self._fed_error_token = True
            return
        if char == ";" and previous is not None and self.semicolon_in_list(ip, pos, previous):
            return
        if char == ";" and self.semicolon_for_brace(ip, pos, line_end):
            self._advance(state, pos + 1)
            self._fed_error_token = True
            return
        if char == "'" and previous is not None and self.hex_constant(ip, pos, line_end, previous):
            return
        if char == "'" and self.single_quoted_name(ip, pos, line_end):
            return
        if char == "'" and self.quoted_command(ip, pos, line_end):
            return
        if char == "\\" and self.backslash_path(ip, pos):
            return
        if char == "&" and self.joined_after_comma(pos, "&"):
            if pos not in self.dropped:  # read on with `&` for the list's last name
                line, column = self.source.position(pos)
                self.feed(ip, Token("NAME", "", pos, line, column, line, column, pos))
            self._advance(state, pos + 1)
            self._fed_error_token = True
            return
        if char == "&" and (
            self.list_joined(ip, pos) or self.joined_level(ip, pos, "&") or self.joined_in_group(pos, "&")
        ):
            self._advance(state, pos + 1)
            self._fed_error_token = True
            return
        if char in _TYPOGRAPHIC_DASHES and previous is not None and self.days_range_typographic(ip, pos, previous):
            return
        before_keyword = self.sign_before_keyword(ip, char, pos, previous)
        waiting = before_keyword or (
            previous is not None
            and previous.type in self.keyword_types
            and bool(self.accepts(ip) & {"NAME", "STRING", "IMPORT_PATH"})  # `description = "..."`, `import: std/zvm73` too
        )
        code_name, message, help_text = messages.advise_character(char, text[pos + 1 : line_end], waiting)
        quotes_fix = None
        if before_keyword:  # `run: on VMSYS1 daily 02:00`: the statement written, the sign left out
            help_text = messages.sign_between_keywords(
                char, self._line_before_comment(previous.start_pos), len(previous.value)
            )
        elif code_name == "STRING_QUOTES" and previous is not None and previous.type in self.keyword_types:
            written = messages.quoted_text(char, str(previous.value), text[pos + 1 : line_end])
            if written is not None:  # its fix writes the text in straight double quotes (was none)
                help_text, length, quoted = written
                quotes_fix = Fix.replace("Write straight double quotes", self.source.span(pos, pos + 1 + length), quoted)
        end = self._skip_end(code_name, char, pos, line_end)
        if code_name == "KEY_VALUE":
            fix = self.sign_fix(pos)
            more = self.signs_after(pos, char) if fix is not None and not before_keyword else []
            if more:
                # `catalog shared server=BKRSVSFS pool=BKRPOOL`: every `=` of the line in one
                # error, whose help writes the line without them and whose fix removes them all
                # (was an error for each, each help writing the line with the others still there)
                fixes = [self.sign_fix(at) for at in more]
                if all(f is not None for f in fixes):
                    self.signs_said.update(more)
                    self.separators_at.update(more)
                    edits = tuple(e for f in (fix, *fixes) for e in f.edits)
                    fix = Fix(f"Remove each `{char}`", edits)
            first = self.statement_start(ip.parser_state) if fix is not None and not before_keyword else None
            written = None
            if first is not None and first.start_pos is not None and is_real(first) and first.line == previous.line:
                # `retain: 35 days`, `workers: 4`, `size: 10 cyl`: the statement written, as
                # for `run: on ...` (was "e.g. `workers 4`", whatever the keyword)
                line = self.without_separators(first.start_pos, self._line_before_comment(first.start_pos))
                if pos - first.start_pos < len(line):
                    starts = frozenset(w for w, kind in self.facts.keywords.items() if kind in self.statements)
                    written = messages.sign_in_statement(char, line, pos - first.start_pos, starts)
            if written is None and not before_keyword and previous is not None:
                # no statement to write (`private-volume: [M1PRV1]`): the keyword and its own value
                written = messages.sign_before_value(
                    char, self._line_before_comment(previous.start_pos), len(previous.value)
                )
            help_text = written or help_text
        elif code_name == "COMMENT_SYNTAX":
            fix = self.comment_fix(pos)
        elif code_name == "STRING_QUOTES":
            fix = quotes_fix
        elif char in _TYPOGRAPHIC_DASHES and self.joins_two_words(pos):
            # `0100\u20130FFF`: the plain `-` the help writes, where the dash joins two
            # words (a range, a name); between blanks it may be no range (was no fix)
            fix = Fix.replace("Write `-`", self.source.span(pos, pos + 1), "-")
        elif messages.plain_blank(char) is not None:
            # `backup\u00a0LINUX`: the ordinary blank the help writes (was no fix)
            fix = messages.blanks_fix(text[pos:end], self.source.span(pos, end))
        elif code_name == "BAD_CHARACTER" and messages.control_character(char):
            # `\x01cluster A {`: the help's "remove it", the control characters of the run
            fix = messages.remove_fix("the control character" if end == pos + 1 else "the control characters", self.source.span(pos, end))
        elif char in ")]" and (removal := self.bracket_too_many(pos)) is not None:
            help_text, fix = removal
        else:
            fix = self.semicolons_fix(pos, end)
        self.report(
            getattr(codes, code_name)(message, self.source.span(pos, pos + 1), help=help_text, fix=fix), pos
        )
        self._advance(state, end)
        if code_name == "STRING_QUOTES":
            self._assume_string(ip, pos, end)
        elif (
            code_name == "BAD_CHARACTER"
            and waiting
            and (pos == 0 or text[pos - 1].isspace())
            and messages.plain_blank(char) is None  # a blank is no word: its keyword's value follows it
        ):
            # `run on &SYSNAME daily 02:00`: the word skipped is the value its keyword
            # waits for; read on as if it were there, so `daily` is not also "missing".
            line, column = self.source.position(pos)
            self.feed(ip, Token("NAME", "", pos, line, column, line, column, pos))

    def bracket_too_many(self, pos: int) -> tuple[str, Fix] | None:
        """A `)` or `]` too many where the file's braces balance (`run on each member
        daily 02:00)`, or `)` alone on a line above a block's `}`): was "lists are
        written without brackets" with no fix. Its help says to remove it, and its fix
        does, where that is certain: the file has more of these closers than openers, and
        the bracket is alone on its line (the line removed, a comment after it kept) or
        last on a line whose other brackets balance (removed with the blanks before it)."""
        text = self.source.text
        char = text[pos]
        opener = "(" if char == ")" else "["
        bare = messages.code_only(text)
        if self.brace_balance != 0 or bare.count(char) <= bare.count(opener):
            return None
        begin = text.rfind("\n", 0, pos) + 1
        line_end = self._line_end(pos)
        after = self._line_before_comment(pos + 1)
        if after.strip():
            return None
        before = messages.code_only(text[begin:pos])
        if any(before.count(a) != before.count(b) for a, b in ("()", "[]")):
            return None
        help = f"remove the `{char}`: no `{opener}` opens it, and the file's braces balance"
        if not before.strip():
            if text[pos + 1 : line_end].strip():  # `)  # end`: the comment kept
                cut = self.source.span(pos, pos + 1 + len(after))
                return help, Fix(f"Remove the `{char}`", (Edit(cut, ""),))
            cut = self.source.span(begin, min(line_end + 1, len(text)))
            return help, Fix(f"Remove the line of `{char}`", (Edit(cut, ""),))
        kept = len(text[begin:pos].rstrip())
        return help, Fix(f"Remove the `{char}`", (Edit(self.source.span(begin + kept, pos + 1), ""),))

    def quoted_command(self, ip, pos: int, line_end: int) -> bool:
        """`'CP XAUTOLOG BKRBKUP'` alone on its line, as a REXX EXEC writes a command: the
        command's one error (messages.quoted_command), whose fix removes the line, which
        is skipped. False for any other text in single quotes."""
        text = self.source.text
        begin = text.rfind("\n", 0, pos) + 1
        before = text[begin:pos]
        # `job J { 'CP Q USERID'`: on a block's opening line, after its `{` (h3, stop 70)
        opening = bool(before.strip()) and before.rstrip().endswith("{") and "#" not in before
        if before.strip() and not opening:
            return False
        blocks = [b for b in open_blocks(ip.parser_state.value_stack) if not b.placeholder]
        job = blocks[-1].name if blocks and blocks[-1].kind == "job" else None
        comment = re.search(r"[ \t]#", text[pos:line_end])  # `'CP Q USERID'  # who am I`
        written = text[pos : pos + comment.start() if comment else line_end]
        diag = messages.quoted_command(written, self.source.span(pos, pos + 1), job)
        if diag is None:
            return False
        written = written.rstrip()
        if opening:
            cut = self.source.span(begin + len(before.rstrip()), pos + len(written))
            fix = Fix("Remove the command after the `{`", (Edit(cut, ""),))
        elif comment:
            # the comment kept on its line, as Recovery._heading_removed keeps it
            fix = Fix("Remove the command, keep the comment", (Edit(self.source.span(pos, pos + comment.start() + 1), ""),))
        else:
            fix = Fix("Remove the line", (Edit(self.source.span(begin, min(line_end + 1, len(text))), ""),))
        diag = replace(diag, help=messages.removal_said(diag.help, written, opening, bool(comment)))
        self.report(replace(diag, fix=fix), pos)
        self._advance(ip.lexer_thread.state, line_end)
        self._fed_error_token = True
        return True

    def joins_two_words(self, pos: int) -> bool:
        """Whether the character at `pos` stands between two characters of a name."""
        text = self.source.text
        return 0 < pos < len(text) - 1 and all(_NAME.fullmatch(c) for c in (text[pos - 1], text[pos + 1]))

    def days_range_typographic(self, ip, pos: int, previous: Token) -> bool:
        """`weekly mon – fri 22:00`: a range of days after `weekly` whose dash is a
        typographic one (U+2013, pasted from a document), `previous` the first day. One
        error, the character's (BKR003), which says too that `weekly` takes no range,
        its help writing the line with the days one by one and its fix writing them over
        the range where the time is written; without the time, HH:MM, no fix (was
        BKR003, its help writing `-`, then "`22:00` has no keyword before it", its help
        writing `backup 22:00`). The range read as its first day, the time after it."""
        text = self.source.text
        found = _DAYS_RANGE_TYPOGRAPHIC.match(text, previous.start_pos)
        if found is None or found.end("first") != previous.end_pos or found.start("dash") != pos:
            return False
        days = messages.days_written_as_one(f"{found.group('first')}-{found.group('last')}")
        if days is None:
            return False
        leaves = [t for v in ip.parser_state.value_stack[-8:] for t in tokens_of(v)]
        at = next((k for k in range(len(leaves) - 1, -1, -1) if leaves[k].type == "WEEKLY"), None)
        if at is None or leaves[-1] is not previous or leaves[at].line != previous.line:
            return False
        listed = ",".join(days)
        time = found.group("time")
        line = self._line_written_as(found.start(), found.end(), f"{listed} {time or 'HH:MM'}")
        range_span = self.source.span(found.start(), found.end("last"))
        self.report(
            messages.days_range_typographic(
                found.group("dash"), line, self.source.span(pos, pos + 1), None if time is None else (range_span, listed)
            ),
            pos,
        )
        self._advance(ip.lexer_thread.state, found.end("last"))
        if time is None:  # the time missing, said in this error: a placeholder read in its place
            self.feed(ip, _fake("NAME", previous))
        self._fed_error_token = True
        return True

    def without_separators(self, start: int, line: str) -> str:
        """`line`, the text from `start`, with a blank for each `,` an error said already
        (separators_at: `disk BKRBKUP, 191, size: 10 cyl`), so that a help that writes the
        line after it writes none of them (`disk BKRBKUP 191 size 10 cyl`)."""
        marks = [at - start for at in self.separators_at if 0 <= at - start < len(line)]
        if not marks:
            return line
        chars = list(line)
        for at in marks:
            chars[at] = " "
        return "".join(chars)

    def sign_before_keyword(self, ip, char: str, pos: int, previous: Token | None) -> bool:
        """`run: on VMSYS1 daily 02:00`, `catalog: shared ...`, `expire: on VMSYS1 {`: a
        YAML `:` (or a `=`) between a keyword and the keyword that goes on with its
        statement, after the first (`run:`, or `run :`), which is BKR014 as `workers: 4`
        is, not a character that cannot appear there."""
        if char not in ":=" or previous is None or previous.type not in self.keyword_types:
            return False
        text = self.source.text
        end = getattr(previous, "end_pos", None)
        if end is None or end > pos or text[end:pos].strip(" \t"):
            return False  # `run : on ...` too, a blank before the sign
        start = pos + 1
        while start < len(text) and text[start] in " \t":
            start += 1
        word = _NAME.match(text, start)
        if word is None:
            return False
        return self.facts.keywords.get(word.group().lower()) in self.accepts(ip)

    def signs_after(self, pos: int, char: str) -> list[int]:
        """The offsets of the other `char`s (`=` or `:`) on the line after `pos` that stand
        between a keyword and its value, as the one at `pos` does (`server=BKRSVSFS
        pool=BKRPOOL on=VMSYS1`): the same habit, said in one error."""
        text = self.source.text
        found = []
        end = pos + len(self._line_before_comment(pos))
        for sign in _SIGN_AFTER_WORD.finditer(text, pos + 1, end):
            between = text[pos + 1 : sign.start()].split() + [text[sign.start() : sign.start("sign")].strip()]
            if any(self.facts.keywords.get(w.lower()) in self.statements for w in between):
                break  # `workers=4  private-volume=M1PRV1`: the next statement's, its own error
            if text[sign.start("sign")] != char:
                continue
            if text[sign.start() : sign.start("sign")].strip().lower() not in self.facts.keywords:
                continue
            found.append(sign.start("sign"))
        return found

    def sign_fix(self, pos: int) -> Fix | None:
        """`workers = 4`, `workers=4`, `backup: APPS`: the fix for a `=` or `:` between a
        keyword and its value, which writes one blank in place of it and the blanks
        around it; None unless a name or a text follows on its line (not a YAML
        `[list]`)."""
        text = self.source.text
        left, right = pos, pos + 1
        while left > 0 and text[left - 1] in " \t":
            left -= 1
        while right < len(text) and text[right] in " \t":
            right += 1
        if right >= len(text) or not (_NAME.match(text, right) or text[right] == '"' or text.startswith(("./", "../"), right)):
            return None  # `import: ./site/common`: a module's path is a value too
        return Fix.replace(f"Remove the `{text[pos]}`", self.source.span(left, right), " ")

    def comment_fix(self, pos: int) -> Fix | None:
        """`// nightly`, `-- nightly`: C++'s and SQL's comment, whose fix writes `#` for
        its two characters, when a blank or the line's start is before them; `/* ... */`
        closed on its line with nothing after it, `#` for the `/*` and its `*/` removed;
        None for one that runs on past its line, and inside a word (`0100--0FFF`)."""
        text = self.source.text
        marker = text[pos : pos + 2]
        if pos and not text[pos - 1].isspace():
            return None
        if marker == "/*":
            # `/* a month */` closed on its line, nothing after it: `#` for the `/*`, and
            # the `*/` removed with the blanks before it (was no fix)
            line_end = self._line_end(pos)
            close = text.find("*/", pos + 2, line_end)
            if close == -1 or text[close + 2 : line_end].strip():
                return None
            start = pos + 2 + len(text[pos + 2 : close].rstrip(" \t"))
            edits = (Edit(self.source.span(pos, pos + 2), "#"), Edit(self.source.span(start, close + 2), ""))
            return Fix("Write `#` for the `/*`, and remove the `*/`", edits)
        if marker not in ("//", "--"):
            return None
        return Fix.replace(f"Write `#` for the `{marker}`", self.source.span(pos, pos + 2), "#")

    def semicolons_fix(self, pos: int, end: int) -> Fix | None:
        """`workers 2;`, `backup APPS full;`, `};`: the fix for a run of `;` that ends
        or separates statements (the `;` a group body holds: separators_in_group),
        which removes it; None for any other stray character."""
        if set(self.source.text[pos:end]) != {";"}:
            return None
        span, blank = self.sign_removal(pos, end, self.source.text.rfind("\n", 0, pos) + 1)
        return Fix.replace(f"Remove the `{self.source.text[pos:end]}`", span, blank)

    def semicolon_in_list(self, ip, pos: int, previous: Token) -> bool:
        """`backup APPS; LINUX full`, `run on VMSYS1; VMSYS2; VMSYS3`: names of a list
        separated by `;`, as some languages separate them. One error for the run,
        whose fix writes a `,` for each (not also a `,` missing), and the list is
        read so."""
        text = self.source.text
        if previous.type != "NAME" or text[previous.end_pos : pos].strip(" \t"):
            return False
        names: list[tuple[int, re.Match]] = []  # (the `;`'s offset, the name after it)
        at = previous.end_pos
        while (found := _SEMICOLON_THEN_NAME.match(text, at)) is not None:
            if found.group(2).lower() in self.facts.keywords:
                break
            names.append((found.start(1), found))
            at = found.end(2)
        if not names or names[0][0] != pos or not Sim.of(ip).fits(["COMMA", "NAME"]):
            return False
        keyword, _ = self.governing_keyword(ip.parser_state.value_stack)
        comma = "," if keyword is not None and keyword.type == "WEEKLY" else ", "  # as list_joined
        listed = comma.join([str(previous.value), *(found.group(2) for _, found in names)])
        spans = [self.source.span(semicolon, semicolon + 1) for semicolon, _ in names]
        self.report(messages.semicolon_list(listed, spans), pos)
        for semicolon, found in names:
            self.feed(ip, self.token_at("COMMA", semicolon, semicolon + 1))
            self.feed(ip, self.token_at("NAME", found.start(2), found.end(2)))
        self._advance(ip.lexer_thread.state, at)
        self._fed_error_token = True
        return True

    def sign_before_brace(self, ip, pos: int, previous: Token) -> bool:
        """`member VMSYS2 = {`: a `=` (or a `:` after a blank) between a block's name
        and its `{`. One error, as for `member VMSYS2: {`, whose fix removes it."""
        text = self.source.text
        if previous.type != "NAME" or previous.end_pos is None or text[previous.end_pos : pos].strip(" \t"):
            return False
        after = _GAP.match(text, pos + 1).end()
        if not text.startswith("{", after) or "\n" in text[pos:after] or "LBRACE" not in self.accepts(ip):
            return False
        head = text[text.rfind("\n", 0, previous.start_pos) + 1 : previous.start_pos].strip()
        self.report(
            messages.colon_before_brace(
                head, str(previous.value), self.source.span(pos, pos + 1), text[pos],
                remove=self.source.span(previous.end_pos, pos + 1),  # with the blanks before it
            ),
            pos,
        )
        self._advance(ip.lexer_thread.state, pos + 1)
        self._fed_error_token = True
        return True

    def bracket_for_brace(self, ip, pos: int) -> bool:
        """`member LAB2 ( workers 2  private-volume L2PRV1 )`, `single group GUESTS [ LINUX01
        LINUX02 ]`: a block's body on its line in round or square brackets, as other
        languages write a list (was "lists are written without brackets", its help
        `backup APPS, SYSIDS`, no fix, and the body unread). One error (BKR011), whose fix
        writes `{` and `}` for them; the body is read as in braces. Only where the `(`
        comes right after the block's name, the `{` due, and the line (its comment
        aside) ends with the closing bracket, no brace, quote or other bracket between."""
        text = self.source.text
        char = text[pos]
        previous = last_real_token(ip.parser_state.value_stack)
        if previous is None or previous.type != "NAME" or previous.end_pos is None or text[previous.end_pos : pos].strip(" \t"):
            return False
        if "LBRACE" not in self.accepts(ip):
            return False
        closer = ")" if char == "(" else "]"
        rest = self._line_before_comment(pos + 1).rstrip()
        inside = rest[:-1]
        leaves = self.line_tail(ip, previous)
        if len(leaves) < 2 or leaves[-1] is not previous or leaves[0].type not in self.keyword_types:
            return False
        if not any(c in rest for c in '{}()[]"'):  # `job J (` or `job J ( backup X full`: its body below
            return self.bracket_for_brace_below(ip, pos, closer, " ".join(str(t.value) for t in leaves))
        if not rest.endswith(closer) or not inside.strip() or any(c in inside for c in '{}()[]"'):
            return False
        close = pos + len(rest)
        title = " ".join(str(t.value) for t in leaves)
        self.report(
            messages.brackets_for_braces(
                title, char, " ".join(inside.split()), self.source.span(pos, pos + 1), self.source.span(close, close + 1)
            ),
            pos,
        )
        self.feed(ip, self.token_at("LBRACE", pos, pos + 1))
        self.brackets_for_braces.add(close)
        self._advance(ip.lexer_thread.state, pos + 1)
        self._fed_error_token = True
        return True

    def bracket_for_close(self, ip, pos: int) -> bool:
        """`job SYSFU {` ... `)`: a `)` or `]` alone on its line (a comment aside) where
        the innermost open block's `}` may stand (was BKR005 "`{` opened at 4:16 is never
        closed", the cluster's, then "`)` cannot appear here: lists are written without
        brackets"). One error whose fix writes `}` for it; it is read as that `}`."""
        text = self.source.text
        begin = text.rfind("\n", 0, pos) + 1
        if text[begin:pos].strip() or self._line_before_comment(pos + 1).strip():
            return False
        blocks = open_blocks(ip.parser_state.value_stack)
        if not blocks or blocks[-1].placeholder or "RBRACE" not in self.accepts(ip) or self.brace_balance != 1:
            return False  # the file's `}`s one short: this is the one (else a `)` too many, said as before)
        span = self.source.span(pos, pos + 1)
        self.report(messages.bracket_for_close(text[pos], blocks[-1].title, span), pos)
        self.feed(ip, self.token_at("RBRACE", pos, pos + 1))
        self._advance(ip.lexer_thread.state, pos + 1)
        self._fed_error_token = True
        return True

    def bracket_for_brace_below(self, ip, pos: int, closer: str, title: str) -> bool:
        """`job SYSFU (`, its body on the lines below and `)` after it: a block opened with a
        round or square bracket last on its line (bracket_for_brace; was "lists are written
        without brackets", then an error in the body, `to disk pool BKUPPOOL` read on into
        the next line, and one at the `)`). One error at the bracket (BKR011), whose fix
        writes `{` for it and `}` for the closer, where the first bracket or brace below it
        (comments and texts aside) is that closer, last on its line; or `{` alone where it
        is a `}` alone on its line (the block closed as written). The body is read as in
        braces. False where anything else comes first (a `{`, another bracket)."""
        text = self.source.text
        start, depth, nested = self._line_end(pos), 0, False
        while True:  # blocks below in braces (a cluster's members, jobs) are read past
            found = _BRACKET_BELOW.match(text, start)
            if found is None or found.group("mark") is None:
                return False
            at = found.start("mark")
            mark = text[at]
            if mark not in "{}" or (mark == "}" and not depth):
                break
            depth += 1 if mark == "{" else -1
            nested, start = True, at + 1
        if depth:
            return False  # a bracket inside a block below: not certain
        if nested and self.brace_balance != (-1 if mark == "}" else 0):
            return False  # the file's braces do not count this `}` as the block's own, or the closer as its `}`
        line_start = text.rfind("\n", 0, at) + 1
        before, after = text[line_start:at], self._line_before_comment(at + 1)
        if after.strip() or (mark == "}" and before.strip()):
            return False  # `)` or `}` not last on its line, or `}` after a statement: not certain
        if mark not in (closer, "}"):
            return False
        line = self.source.position(at)[0]
        closed = self.source.span(at, at + 1) if mark == closer else None
        self.report(messages.brackets_for_braces_below(title, text[pos], self.source.span(pos, pos + 1), closed, line), pos)
        self.feed(ip, self.token_at("LBRACE", pos, pos + 1))
        if closed is not None:
            self.brackets_for_braces.add(at)
        self._advance(ip.lexer_thread.state, pos + 1)
        self._fed_error_token = True
        return True

    def sign_before_users(self, ip, pos: int, previous: Token) -> bool:
        """`single group GUESTS = LINUX01 LINUX02`, `member LAB2 = workers 2`: a `=` (or a `:`
        after a blank) between a block's name and its body on its line (a group's users, a
        member's settings), no braces written. One error, as for a body written without braces (`messages.body_without_braces`, its `sign`), whose
        fix writes `{` for the sign and `}` after them; the line is read as the group."""
        text = self.source.text
        if previous.type != "NAME" or previous.end_pos is None or text[previous.end_pos : pos].strip(" \t"):
            return False
        written = self._line_before_comment(pos + 1).strip()
        words = written.replace(",", " ").split()
        if not words or any(c in written for c in '{}":=;') or "LBRACE" not in self.accepts(ip):
            return False
        leaves = self.line_tail(ip, previous)
        if len(leaves) < 2 or leaves[-1] is not previous or leaves[0].type not in self.keyword_types:
            return False
        group = any(t.type == "GROUP" for t in leaves)
        if "," in written and (not group or written[0] == "," or written[-1] == ","):
            return False  # `,` between a group's users only, removed with the sign (BKR015's removal)
        types = [self.facts.keywords.get(w.lower(), "NAME") for w in words]
        if (types[0] == "NAME") != group or not Sim.of(ip).copy().fits(["LBRACE", *types, "RBRACE"]):
            return False  # a group's body is its users; another block's starts with a keyword
        first = text.index(words[0], pos + 1)
        span = self.source.span(first, first + len(written))
        sign = self.source.span(previous.end_pos, pos + 1)  # with the blanks before it
        title = " ".join(str(t.value) for t in leaves)
        commas = [self.sign_removal(at, at + 1, first) for at in range(first, span.end) if text[at] == ","]
        if commas:
            written = " ".join(words)  # `LINUX01, LINUX02`: a group body has no commas
        self.report(
            messages.body_without_braces(title, written, span, "users" if group else "settings", sign, text[pos], commas),
            pos,
        )
        like = self.token_at("NAME", first, first)
        self.feed_types(ip, ["LBRACE"], like)
        at = first
        for word, type_ in zip(words, types):
            start = text.index(word, at)
            at = start + len(word)
            self.feed(ip, self.token_at(type_, start, at))
        self.feed_types(ip, ["RBRACE"], like)
        self._advance(ip.lexer_thread.state, at)
        self._fed_error_token = True
        return True

    def hex_constant(self, ip, pos: int, line_end: int, previous) -> bool:
        """`include minidisk * X'0191'`, `disk BKRBKUP X'191' ...`: a minidisk address
        written as a hexadecimal constant, as assembler and CP's `DEFINE` write one, also
        either end of a range (`X'0100'-X'01FF'`, `0100-X'01FF'`). The `X` (`0100-X`) is
        read already, as the address (or one more of a selection's); the rest is skipped
        with one error whose fix writes the digits alone (the fix of `'0191'` as a quoted
        name wrote `X0191`, no address, BKR310; after a disk's owner, the error was that
        single quotes do not quote text, its help a `description`)."""
        text = self.source.text
        if previous.type != "NAME" or previous.end_pos != pos:
            return False
        first = _HEX_RANGE_START.fullmatch(str(previous.value))
        if first is None:
            return False
        written = _HEX_CONSTANT.match(text, pos - 1, line_end)
        if written is None:
            return False
        meant = (first.group(1) or "") + written.group(1)
        end = written.end()
        if first.group(1) is None:
            last = _HEX_RANGE_END.match(text, end, line_end)
            if last is not None:
                meant += "-" + (last.group(1) or last.group(2))
                end = last.end()
        span = self.source.span(previous.start_pos, end)
        self.report(messages.hex_constant_address(meant, text[previous.start_pos : end], span), pos)
        self._advance(ip.lexer_thread.state, end)
        return True

    def single_quoted_name(self, ip, pos: int, line_end: int) -> bool:
        """`pool 'BKRPOOL' on VMSYS1`: a name in single quotes where a name may stand.
        One error for the quotes, and the name is read, so that its keyword does not
        also lack its value."""
        accepted = self.accepts(ip)
        if "NAME" not in accepted or "STRING" in accepted:
            return False
        close = self.source.text.find("'", pos + 1, line_end)
        if close == -1:
            return False
        name = self.source.text[pos + 1 : close]
        if not _NAME.fullmatch(name) or name.lower() in self.facts.keywords:
            return False
        self.report(messages.single_quoted_name(name, self.source.span(pos, close + 1)), pos)
        self._advance(ip.lexer_thread.state, close + 1)
        self.feed(ip, self.token_at("NAME", pos + 1, close))
        return True

    def backslash_path(self, ip, pos: int) -> bool:
        """`import std\\zvm73`: a module path written with Windows' `\\`. One error, and
        the path is read with `/` (not also a module `std` that cannot be found)."""
        stack = ip.parser_state.value_stack
        path = top_token(stack, "IMPORT_PATH", real=False)
        if path is None or path.end_pos != pos:
            return False
        end = pos
        text = self.source.text
        while end < len(text) and (text[end] == "\\" or _IMPORT_PATH_CHAR.match(text[end])):
            end += 1
        written = text[path.start_pos : end]
        meant = written.replace("\\", "/")
        if not _MODULE_PATH.fullmatch(meant):
            return False
        slashes = [self.source.span(i, i + 1) for i in range(pos, end) if text[i] == "\\"]
        self.report(messages.backslash_path(written, meant, slashes), pos)
        stack[-1] = Token("IMPORT_PATH", meant, path.start_pos, path.line, path.column,
                          path.line, path.column + len(written), end)
        self._advance(ip.lexer_thread.state, end)
        return True

    def path_spaced(self, ip, tok: Token) -> bool:
        """`import std/zvm 73`, `import std/ zvm73`: a module path with a blank inside,
        before a number or next to a `/`. One error, whose fix writes the path without
        the blank, and the path is read so (not also a module `std/zvm` that cannot be
        found, and a word too many)."""
        stack = ip.parser_state.value_stack
        path = top_token(stack, "IMPORT_PATH")
        if path is None or path.line != tok.line:
            return False
        text = self.source.text
        pieces, end = [str(path.value)], path.end_pos
        while (more := _BLANKS_THEN_PATH.match(text, end)) is not None:
            piece = more.group(1)
            # `std/ zvm73`, `std /zvm73`, and a release number written apart, `zvm 73`
            number = piece.isdigit() and pieces[-1][-1:].isalpha()
            if not (pieces[-1].endswith("/") or piece.startswith("/") or number):
                break
            pieces.append(piece)
            end = more.end(1)
        meant = "".join(pieces)
        if len(pieces) == 1:
            return self.import_twice(ip, path, tok) or self.paths_on_one_line(ip, path, tok)
        if end <= tok.start_pos or not _MODULE_PATH.fullmatch(meant) or "//" in meant:
            return False
        span = self.source.span(path.start_pos, end)
        self.report(messages.path_spaced(" ".join(pieces), meant, span), tok.start_pos)
        stack[-1] = Token("IMPORT_PATH", meant, path.start_pos, path.line, path.column,
                          path.line, path.column + end - path.start_pos, end)
        self._advance(ip.lexer_thread.state, end)
        self._fed_error_token = True
        return True

    def import_twice(self, ip, path: Token, tok: Token) -> bool:
        """`import import std/zvm73`: the lexer reads the second `import` as the path.
        One error whose fix removes it, and the path after it is read as the import's
        (not also a module `import` that cannot be found)."""
        stack = ip.parser_state.value_stack
        keyword = stack[-2] if len(stack) > 1 else None
        if str(path.value).lower() != "import":
            return False
        if not (isinstance(keyword, Token) and keyword.type == "IMPORT" and keyword.end_line == path.line):
            return False
        more = _BLANKS_THEN_PATH.match(self.source.text, path.end_pos)
        if more is None or more.start(1) != tok.start_pos:
            return False
        self.report(
            messages.written_twice(str(path.value), self.span_of(path), self.blank_and(keyword, path)),
            path.start_pos,
        )
        end = more.end(1)
        stack[-1] = Token("IMPORT_PATH", more.group(1), tok.start_pos, tok.line, tok.column,
                          tok.line, tok.column + end - tok.start_pos, end)
        self._advance(ip.lexer_thread.state, end)
        self._fed_error_token = True
        return True

    def paths_on_one_line(self, ip, path: Token, tok: Token) -> bool:
        """`import std/zvm73 std/backup-manager`: two module paths after one `import`.
        One error, whose fix gives the second path an `import` line of its own, and
        the second path is read as that import (so what it declares is known)."""
        text = self.source.text
        more = _BLANKS_THEN_PATH.match(text, path.end_pos)
        if tok.type == "COMMA" and tok.start_pos == text.find(",", path.end_pos):
            # `import std/backup-manager, std/zvm73`: the modules as a list (was BKR015,
            # "a `,` cannot appear here"); the fix writes the `,` and its blanks as a new line
            more = _COMMA_THEN_PATH.match(text, path.end_pos)
            if more is None or not _MODULE_PATH.fullmatch(more.group(1)):
                return False
            tok = Token("IMPORT_PATH", more.group(1), more.start(1), *self.source.position(more.start(1)),
                        *self.source.position(more.end(1)), more.end(1))
        if more is None or more.start(1) != tok.start_pos or not _MODULE_PATH.fullmatch(more.group(1)):
            return False
        second = more.group(1)
        gap = self.source.span(path.end_pos, more.start(1))
        where = self.source.span(more.start(1), more.end(1))
        self.report(messages.paths_on_one_line(str(path.value), second, where, gap), tok.start_pos)
        self.feed_types(ip, ["IMPORT"], tok)
        self.feed(ip, Token("IMPORT_PATH", second, tok.start_pos, tok.line, tok.column,
                            tok.line, tok.column + len(second), more.end(1)))
        self._advance(ip.lexer_thread.state, more.end(1))
        self._fed_error_token = True
        return True

    def _unclosed_text_end(self, pos: int, line_end: int) -> int:
        """Where reading resumes after a text opened at `pos` and never closed on its
        line: the end of the line, or the first `}` in it when the file needs that
        brace (`single group APPS { "CICSPRD }`: the group's own `}`, which the text
        would otherwise eat, and the blocks around it with it)."""
        rest = self.source.text[pos + 1 : line_end]
        close = rest.find("}")
        if close == -1 or "{" in rest or "#" in rest[:close] or self.brace_balance > 0:
            return line_end
        return pos + 1 + close

    def yaml_block(self, ip, pos: int, keyword: Token) -> bool:
        """`member: DEV1` on a line of its own, its settings on the lines below as
        `workers: 2` (YAML): one error, whose help writes the block, `member DEV1 {
        workers 2 }`; the block's lines are skipped, and the block read as written
        there. The settings are the lines below whose key is a keyword of the block."""
        if keyword.type not in ("MEMBER", "JOB") or not self.first_on_line(keyword.start_pos):
            return False
        text = self.source.text
        head = _YAML_HEAD.fullmatch(text, pos, self._line_end(pos))
        if head is None:
            return False
        sim = Sim.of(ip)
        if not sim.feeds(["NAME", "LBRACE"]):
            return False
        settings: list[str] = []
        end = head.end("name")
        commented = head.group("comment") is not None
        line_start = self._line_end(pos) + 1
        while line_start < len(text):
            line_end = self._line_end(line_start)
            line = _YAML_SETTING.fullmatch(text, line_start, line_end)
            if line is None:
                if text[line_start:line_end].strip():
                    break
            else:
                key = self.facts.keywords.get(line.group("key").lower())
                if key is None or not sim.fits([key, "NAME"]):
                    break
                settings.append(f"{line.group('key').lower()} {line.group('value')}")
                end = line.end("value")
                commented = commented or line.group("comment") is not None
            line_start = line_end + 1
        name = head.group("name")
        title = f"{keyword.value} {name}"
        span = self.source.span(keyword.start_pos, head.end("name"))
        whole = self.source.span(keyword.start_pos, end)
        self.report(messages.yaml_block(title, settings, span, whole, commented), keyword.start_pos)
        line, column = self.source.position(head.start("name"))
        start, end_of_name = head.start("name"), head.end("name")
        self.feed(ip, Token("NAME", name, start, line, column, line, column + len(name), end_of_name))
        self.feed_types(ip, ["LBRACE", "RBRACE"], keyword)
        self._advance(ip.lexer_thread.state, end)
        self._fed_error_token = True  # the block was read, as a whole: a mistake after it is news
        return True

    def _words_before(self, pos: int) -> list[str]:
        """The words before `pos` on its line."""
        text = self.source.text
        return text[text.rfind("\n", 0, pos) + 1 : pos].split()

    def _word_before(self, pos: int) -> str:
        """The word before `pos` on its line, in small letters (`identity` in
        `identity user group SYSIDS {`), or "" at the line's start."""
        words = self._words_before(pos)
        return words[-1].lower() if words else ""

    def group_head(self, block) -> tuple[str, str] | None:
        """(kind, name) of a group block as its line writes it (`single group APPS {`),
        else None (another block, or one the recovery supplied)."""
        brace = block.brace
        if block.placeholder or brace.start_pos is None:
            return None
        words = self._words_before(brace.start_pos)
        if len(words) == 3 and words[1].lower() == "group" and words[0].lower() in ("single", "identity"):
            return words[0].lower(), words[2]
        return None

    def _line_end(self, pos: int) -> int:
        end = self.source.text.find("\n", pos)
        return len(self.source.text) if end == -1 else end

    def _line_before_comment(self, pos: int) -> str:
        """The text from `pos` to its line's end or to a `#` comment on it (a `#` that
        starts a word: `TRDMM#x` is a name)."""
        return _COMMENT_START.split(self.source.text[pos : self._line_end(pos)], maxsplit=1)[0]

    def foreign_line(self, ip, at: int | None, tok: Token | None = None) -> bool:
        """A line copied from a CP directory or a job template (`USER LINUX01 LBYONLY
        512M 2G G`, `INCLUDE MINIDISK * = 0100 - 0FFF`), whose statement starts the
        line and has reached offset `at` (the token `tok` there, if any): one error
        for the line (messages.foreign_line), which is skipped whole, so that its
        operands are not reported one by one. False when the line is not one."""
        text = self.source.text
        if at is None or at >= len(text):
            return False
        begin = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end == -1 else end
        first = begin + len(text[begin:end]) - len(text[begin:end].lstrip())
        if tok is None:
            line, column = self.source.position(at)
            tok = Token("NAME", "", at, line, column, line, column, at)
        leaves = self.line_tail(ip, tok)
        start = leaves[0].start_pos if leaves else at
        if start is not None and start > first and self._after_opening_brace(begin, start):
            first = start  # `job J { CP Q USERID`: pasted after a block's `{` (h3, stop 70)
        if start != first:
            return False  # the statement under way did not start this line
        close = text.find("}", first, end)
        if close > first and "{" not in text[first:close]:
            end = close  # `IDENTITY TCPIP }`: the block's `}` closes it, not part of the line
        line_text = text[first:end].rstrip()
        # `IDENTITY TCPIP` in a member, job or expire block: the .bkr keyword `identity`
        # read where no declaration goes, with no `group` or `user` after it
        identity = self.facts.keywords["identity"]
        misplaced = tok.start_pos == first and tok.type == identity
        # `IDENTITY TCPIP` in the cluster block: the keyword read, where a declaration
        # goes, then a user ID where its `group` or `user` is wanted
        declares = tok.type == "NAME" and len(leaves) == 1 and leaves[0].type == identity
        span = self.source.span(first, first + len(line_text.split(None, 1)[0]))
        blocks = [b for b in open_blocks(ip.parser_state.value_stack) if not b.placeholder]
        job = blocks[-1].name if blocks and blocks[-1].kind == "job" else None
        jobs = None if job or not _may_send(line_text) else messages.job_names(text)
        block = blocks[-1].kind if blocks else "cluster"
        diag = messages.foreign_line(
            line_text, span, misplaced=misplaced, declares=declares, job=job, jobs=jobs, block=block,
            owner=messages.mdisk_owner(text, begin) if line_text[:5].upper() == "MDISK" else None,
        )
        if diag is None:
            return False
        diag = self._setting_in_job(ip, diag, line_text, span, first, end)
        diag = self._record_of_no_user(ip, diag, line_text, first, end)
        self.report(self._heading_removed(diag, first), first)
        if line_text.split("#", 1)[0].rstrip().endswith("{"):
            # `SUBCONFIG VMSYS3 {`: the block the line opens is skipped with it, so that
            # its statements are not reported as out of place one by one.
            end = self._block_end(first + line_text.split("#", 1)[0].rstrip().rfind("{")) or end
        self.skip_phrase(ip, leaves[-1] if leaves else tok, end)
        self._fed_error_token = True  # the line was read, as a whole: a mistake after it is news
        return True

    def _after_opening_brace(self, begin: int, start: int) -> bool:
        """Whether the line that starts at `begin` holds a block's opening up to `start`,
        its `{` last before it, no comment (`job J { ` before `CP Q USERID`)."""
        before = self.source.text[begin:start]
        return bool(before.strip()) and before.rstrip().endswith("{") and "#" not in before and before.count("{") == 1

    def directory_block(self, ip, tok: Token) -> Token | None:
        """`USER VMSYS2 {`, `IDENTITY VMSYS2 {`: a block opened with the first word of a
        CP directory entry, as a directory opens a user's statements. One error, which
        names the block that the body's statements make it (`workers` a member, `backup`
        a job, user IDs a group: `single` for USER, `identity` for IDENTITY), and the
        block is read as that one."""
        stack = ip.parser_state.value_stack
        text = self.source.text
        if tok.type == "USER":  # `user` is a keyword where `single user` may be
            entry, name = tok, _BLANKS_THEN_NAME.match(text, tok.end_pos)
            if name is None:
                return None
            name_end = name.end(1)
        else:  # `identity` was read, as in `identity group`; the name does not fit after it
            entry = top_token(stack, "IDENTITY")
            if entry is None:
                return None
            if text[entry.end_pos : tok.start_pos].strip(" \t"):
                return None
            name, name_end = tok, tok.end_pos
        brace = _GAP.match(text, name_end).end()
        if not text.startswith("{", brace) or "\n" in text[name_end:brace]:
            return None
        end = self._block_end(brace)
        lines = _BODY_NOISE.sub(" ", text[brace + 1 : (end or len(text)) - 1]).lower().splitlines()
        body = [word for line in lines for word in line.split()]
        firsts = [line.split()[0] for line in lines if line.split()]
        written = str(entry.value)
        sim = Sim.of(ip)
        if entry is not tok:
            del sim.stack[-1]
        # `link` starts a cluster statement (stop 83) and a CP directory LINK alike: a body of
        # LINK lines is the entry pasted, no cluster
        if any(w in _CLUSTER_WORDS and w != "link" for w in firsts) and sim.copy().fits(["CLUSTER", "NAME", "LBRACE"]):
            # `USER PRODSSI {` at the top of the file, over `member` and `job` blocks
            meant, types = "cluster", ["CLUSTER"]
        elif any(w in _MEMBER_WORDS for w in body):
            meant, types = "member", ["MEMBER"]
        elif any(w in _JOB_WORDS for w in body):
            meant, types = "job", ["JOB"]
        elif body and all(_NAME.fullmatch(w) for w in body):
            kind = "identity" if entry.type == "IDENTITY" else "single"
            meant, types = f"{kind} group", [kind.upper(), "GROUP"]
        else:
            meant, types = None, ["MEMBER"]
        shown = name.group(1) if tok is entry else str(tok.value)
        if not sim.fits([*types, "NAME", "LBRACE"]):
            if meant not in ("member", "job") or not sim.copy().fits(["CLUSTER", "NAME", "LBRACE"]):
                return None
            # `USER NIGHTLY { backup ... }` at the top level: a job (or a member) belongs
            # in the cluster; one error, and the block is stepped over whole.
            self.report(
                messages.directory_block(written, shown, meant, self.span_of(entry), outside=True),
                entry.start_pos,
            )
            if entry is not tok:
                del stack[-1]
                del ip.parser_state.state_stack[-1]
            self._advance(ip.lexer_thread.state, end or len(text))
            return DIRECTORY_BLOCK_SKIPPED
        self.report(
            messages.directory_block(written, shown, meant, self.span_of(entry)), entry.start_pos
        )
        if entry is not tok:
            del stack[-1]
            del ip.parser_state.state_stack[-1]
        for type_ in types[:-1]:
            self.feed(ip, self.retype(entry, type_))
        if entry is tok:
            return self.retype(tok, types[-1])
        self.feed(ip, self.retype(entry, types[-1]))
        return tok

    def _block_end(self, brace: int) -> int | None:
        """The offset after the `}` that closes the `{` at offset `brace` (texts and
        comments stepped over), or None when the file does not close it."""
        depth = 0
        for found in _BRACE_SCAN.finditer(self.source.text, brace):
            char = found.group()
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    return found.end()
        return None

    def _skip_end(self, code_name: str, char: str, pos: int, line_end: int) -> int:
        """Where reading resumes after a stray character."""
        text = self.source.text
        if code_name == "COMMENT_SYNTAX":
            if text.startswith("/*", pos):
                close = text.find("*/", pos + 2)
                return len(text) if close == -1 else close + 2
            return line_end
        if code_name == "STRING_QUOTES":
            closers = {"'": "'", "\u2018": "\u2019", "\u201c": "\u201d", "\u201e": "\u201c"}
            close = text.find(closers.get(char, char), pos + 1, line_end)
            return line_end if close == -1 else close + 1
        if code_name == "KEY_VALUE":
            return pos + 1
        if messages.plain_blank(char) is not None:
            # `backup\u00a0\u00a0LINUX`: a run of blanks pasted from a web page is one
            # mistake (was an error for its first, the rest read as a word missing)
            end = pos + 1
            while end < line_end and messages.plain_blank(text[end]) is not None:
                end += 1
            return end
        if messages.control_character(char):
            # `\x01cluster A {`, a BOM before each line: the control characters alone go,
            # the word after them is read (was skipped with them, `cluster` too)
            end = pos + 1
            while end < line_end and messages.control_character(text[end]):
                end += 1
            return end
        # The whole run of characters no token can start with is one mistake.
        end = pos
        while end < line_end and not text[end].isspace() and text[end] not in '{},"#':
            end += 1
        return max(end, pos + 1)

    def _assume_string(self, ip, start: int, end: int) -> None:
        """After an unclosed or wrongly quoted text, read on as if it had been quoted."""
        if "STRING" in self.accepts(ip):
            line, column = self.source.position(start)
            end_line, end_column = self.source.position(end)
            self.feed(ip, Token("STRING", '""', start, line, column, end_line, end_column, end))

    # ============================================================== tokens
    def dispatch(self, ip, tok: Token | None) -> None:
        """Diagnose `tok`, repair, and feed it (or skip past it)."""
        for _ in range(8):  # each round consumes text or repairs; a few are enough
            if tok is None:
                return
            if tok.type == "$END":
                self.at_end(ip, tok)
                return
            accepted = self.accepts(ip)
            if tok.type in accepted:
                self._fed_error_token = self.feed(ip, tok) and is_real(tok)
                return
            tok = self.diagnose(ip, tok, accepted)

    def diagnose(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        """Report what is wrong with `tok` here and repair; return the token to go on with."""
        if self.read_apart and tok.type in self.statements and self.close_apart(ip.parser_state, tok):
            # `workers 2` after the imports, then `job X { ... }`: the job is read at the
            # top level, where it is written, not in the blocks reopened for `workers`
            return tok
        if tok.start_pos in self.dropped:
            # `CICSPRD and DB2PRD` in a group body, reported (and_in_group): read on after it.
            self._fed_error_token = True
            return None
        if tok.start_pos in self.misplaced_at:
            # `job suffix C` in a cluster block, reported (hyphen_misplaced): skip it
            # and its values, and read on after them.
            if not accepted & {"RBRACE", "$END"}:
                self.feed_types(ip, completion(Sim.of(ip)) or [], tok)
            self._advance(ip.lexer_thread.state, self.misplaced_at[tok.start_pos])
            self._fed_error_token = True  # read, as a whole: a mistake right after it is news
            return None
        if tok.start_pos in self.statement_words:
            # `private-volume ZAPRV1 tape-drives 2`: a word where a statement may start,
            # not one more label (word_after_labels): say what it is as a statement's word
            # (`description` in full in a group body, match_begun: that keyword, misplaced)
            return self.at_statement(ip, self.retype(tok, self.facts.keywords.get(str(tok.value), "NAME")), accepted)
        if tok.start_pos in self.bullets_at or self.bullets(ip, tok, accepted):
            return self.unbulleted(tok)
        if tok.type == "COMMA" and (
            tok.start_pos in self.separators_at or self.separators_in_group(ip, tok.start_pos)
        ):
            self._fed_error_token = True  # read: a mistake after it is news
            return None
        if self.quiet or self.saturated:
            return self.resynchronise(ip, tok, accepted)
        if tok.type == "IMPORT_PATH" and "NAME" in accepted and re.fullmatch(r"-[0-9]{1,2}", str(tok.value)):
            previous = last_real_token(ip.parser_state.value_stack)
            if previous is not None and previous.type == "MONTHLY":
                # `monthly -1 02:00`: a day counted from the month's end, as some schedulers
                # write the last day (was "unexpected `-1`; expected `first`, ...", its help
                # the docs): read as the day, which BKR314 says is none (check/values: `-1`
                # the month's last day, its fix `last-day`; another, the forms)
                return self.retype(tok, "NAME")
        if self.foreign_line(ip, tok.start_pos, tok):
            return None
        if self.kind_in_zvm_words(ip, tok):
            return None
        if tok.type != self.facts.keywords["on"] and self.lexing(tok):
            meant = self.catalog_member_word(tok)
            if meant is not None:
                return meant  # `catalog ... pool BKRPOOL at VMSYS1`: read as `on VMSYS1`
        if self.level_as_statement(ip, tok):
            return None
        if (
            tok.type in ("NAME", "STRING")
            and SCHEDULE_KEYWORDS <= accepted
            and (tok.type == "STRING" or str(tok.value) in messages.SCHEDULE_LABELS | {"crontab"})
            and self.cron_schedule(ip, tok)
        ):
            return None  # `run on VMSYS1 cron "0 2 * * *"`: one error, not a member CRON and a text
        if tok.type == "NAME" and SCHEDULE_KEYWORDS <= accepted and self.cron_macro(ip, tok):
            return None  # `run on VMSYS1 @daily`: cron's 00:00, one error (not "did you mean `daily`?")
        if tok.type == "NAME" and SCHEDULE_KEYWORDS <= accepted and self.wakeup_schedule(ip, tok.start_pos):
            return None  # `run on VMSYS1 12/24/26 22:00:00`, `MONDAY 02:00:00`: a WAKEUP TIMES line
        if self.keyword_again(ip, tok):
            return None
        if tok.type in ("USER", "NAME"):
            block = self.directory_block(ip, tok)
            if block is DIRECTORY_BLOCK_SKIPPED:
                return None
            if block is not None:
                return block
        if self.path_spaced(ip, tok):
            return None
        if tok.type == "RBRACE" and self.brace_inside_statement(ip, tok, accepted):
            return None
        if tok.type in ("ON", "SHARED", "LOCAL") and self.tape_member_without_node(ip, tok):
            return None
        if self.node_after_member(ip, tok):
            return None
        if self.member_block_below(ip, tok):
            return None
        if self.quoted_sfs_part(ip, tok):
            return None
        split = self.split_keyword(ip, tok)
        if split is not None:
            return split
        every = self.every_of_medium(ip, tok)
        if every is not None:
            return every
        swapped = self.swapped_words(ip, tok)
        if swapped is not None:
            return swapped
        swapped = self.swapped_after_option(ip, tok)
        if swapped is not None:
            return swapped
        swapped = self.keyword_before_value(ip, tok)
        if swapped is not None:
            return swapped
        if (
            self.more_than_daily_after_run(ip, tok)
            or self.schedule_before_placement(ip, tok)
            or self.time_before_placement(ip, tok)
            or self.phrase_before_placement(ip, tok)
            or self.often_around_placement(ip, tok)
            or self.schedule_without_placement(ip, tok)
            or self.days_as_members(ip, tok)
        ):
            return None
        if self.schedule_as_level(ip, tok):
            return None
        if self.range_with_to(ip, tok):
            return None
        if tok.type == "NAME":
            retained = self.retain_unit(ip, tok)
            if retained is not False:
                return retained
        if self.time_window(ip, tok):
            return None
        if self.both_choices(ip, tok):
            return None
        if tok.type == "INCLUDE" and "IMPORT" in accepted and _PATH_AFTER.match(self.source.text, tok.end_pos):
            # `include std/zvm73`, as C and Backup Manager's templates include a file
            self.report(messages.include_for_import(str(tok.value), self.span_of(tok)), tok.start_pos)
            return self.retype(tok, "IMPORT")
        if tok.type == "MINIDISK" and "DISK" in accepted and _DISK_OPERANDS.match(self.source.text, tok.end_pos):
            # `minidisk BKRBKUP 191 size 10 cyl`, as CP says it: the statement is `disk`
            self.report(messages.minidisk_for_disk(str(tok.value), self.span_of(tok)), tok.start_pos)
            return self.retype(tok, "DISK")
        typo = self.hyphenated_typo(tok)
        if typo is not None:
            # `catalog-nod`: the lexer read the keyword `catalog` and left `-nod`.
            joined, words, span = typo
            self.report(messages.unknown_keyword(f"`{joined}`", words, span), tok.start_pos)
            if not accepted & {"RBRACE", "$END"}:
                self.feed_types(ip, completion(Sim.of(ip)) or [], tok)
            return self.skip_statement(ip, tok)
        blank = self.hyphen_for_blank(ip, tok, accepted)
        if blank is not None:
            return blank
        # `purge weekly 06:00` + newline + `retain job-suffix days`: `retain` was read as
        # the time (the time as the day), so `job-suffix` is no keyword misplaced in the
        # block but `retain`'s value; reread_next_statement reads `retain` as the keyword
        # (the day reported missing) and the word again after it (was BKR013 at it)
        hyphenated = (
            None
            if self.keyword_read_as_time(ip, tok) is not None
            else self.hyphen_judged(tok, Sim.of(ip), ip.parser_state.value_stack)
        )
        if hyphenated is not None:
            # `private volume M1PRV1` where a statement starts: read as `private-volume`.
            self._advance(ip.lexer_thread.state, hyphenated.end_pos)
            return hyphenated
        for handler in (
            self.glued_rest,
            self.member_word_after_on,
            self.word_before_retention,
            self.each_member_phrase,
            self.expiry_member,
            self.role_twice,
            self.schedule_phrase,
            self.destination_phrase,
            self.sfs_for_pool,
            self.unquoted_description,
        ):
            handled, nxt = handler(ip, tok, accepted)
            if handled:
                return nxt
        if (
            accepted == {"LBRACE"}
            and (tok.type == "NAME" or tok.type in self.keyword_types)
            and (self.words_before_brace(ip, tok) or self.settings_without_braces(ip, tok))
        ):
            return None
        swapped = self.swapped_back(ip, tok)
        if swapped is not None:
            return swapped
        keyword = self.facts.keywords.get(str(tok.value).lower()) if tok.type == "NAME" else None
        if keyword is not None:
            # A word spelled like a keyword was lexed as a name where names may follow
            # (LALR shares states between lists): where it does not fit, it is the keyword.
            return self.retype(tok, keyword)
        done, nxt = self.reread_statement(ip, tok, commas=False)
        if done:
            if nxt is tok and tok.type == "NAME" and self.lexing(tok):
                # read now where the re-read left the parse, as the lexer reads a name
                # there (`purge weekly sun, 03:00` + newline + `retain 35days`: the
                # `35days` lexed after `retain` read as the time is `35` and `days` run
                # together after `retain`, not the number of a `retain` whose `days` is
                # missing)
                return self.name_token(tok)
            return nxt
        done, nxt = self.reread_next_statement(ip, tok)
        if done:
            return nxt
        if tok.type == "NAME":
            meant = messages.MEDIUM_WORDS.get(str(tok.value).lower())
            if meant is not None and meant.upper() in accepted:
                # `exclude mdisk LNX* 0200-02FF`, as CP's MDISK statement says it
                return self.misspelt(tok, [meant])
            if messages.looks_like_day(str(tok.value)):
                days = self.weekly_days_blank(ip, tok) or self.day_after_time(ip, tok)
                if days is not None:
                    # `weekly fri sat sun 03:00`: `sun` after `sat`, read as the time; not `run`
                    self.report(days, tok.start_pos)
                    return None
            elif messages.days_written_as_one(str(tok.value)):
                # `daily 03:00 mon-fri`: days as one word after the time (was "one word too many")
                days = self.day_after_time(ip, tok)
                if days is not None:
                    # `weekly fri sat sun 03:00`: `sun` after `sat`, read as the time; not `run`
                    self.report(days, tok.start_pos)
                    return None
            words = messages.did_you_mean(
                tok.value, self.keywords_in(accepted), synonyms=not self.options_on_line(tok, accepted)
            )
            if str(tok.value).lower() in messages.OTHER_FREQUENCIES:
                # `biweekly sat 22:00`: a schedule bkrc does not have, not `weekly` misspelt,
                # whose fix would run the job twice as often (unknown_schedule says so)
                words = []
            if words:
                return self.misspelt(tok, words)
            begun = self.option_begun(ip, tok, accepted)
            if begun:
                return self.misspelt(tok, begun)
            shortened = self.ambiguous_abbreviation(ip, tok, accepted)
            if shortened is not None:
                return shortened
        if tok.type == "IMPORT_PATH" and self.full_stop(ip, tok, accepted):
            return None
        if tok.type == "IMPORT_PATH":
            return self.stray_text(ip, tok, accepted)
        if tok.type == "NAME":
            if self.schedule_label(ip, tok, accepted):
                return None
            if SCHEDULE_KEYWORDS <= accepted and self.cron_schedule(ip, tok):
                return None  # `purge 0 3 * * 0`: read as its schedule, the line read to its end
            schedule = self.unknown_schedule(ip, tok, accepted)
            if schedule is not None:
                return schedule
        if self.name_twice(ip, tok):
            return None
        slip = self.word_not_in_list(ip, tok)
        if slip is not None:
            return slip
        done, nxt = self.reread_statement(ip, tok, commas=True)
        if done:
            return nxt
        if accepted & {"RBRACE", "$END"}:
            return self.at_statement(ip, tok, accepted)
        return self.mid_statement(ip, tok, accepted)

    def bullets(self, ip, tok: Token, accepted: set[str]) -> bool:
        """`- LINUX01` lines in a group body, as a YAML list is written: one error for
        the run of such lines, whose help writes the IDs without their `-` (and whose
        fix deletes each `-`); every `-` of the run is then dropped (unbulleted)."""
        if tok.type != "IMPORT_PATH" or not str(tok.value).startswith("-") or "NAME" not in accepted:
            return False
        blocks = open_blocks(ip.parser_state.value_stack)
        if not blocks or blocks[-1].kind != "group_decl" or not self.first_on_line(tok.start_pos):
            return False
        text = self.source.text
        dashes: list[tuple[int, int]] = []  # (offset of `-`, offset of the entry after it)
        entries: list[str] = []
        pos = text.rfind("\n", 0, tok.start_pos) + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end == -1 else end
            line = _BULLET_LINE.fullmatch(text, pos, end)
            if line is None:
                if text[pos:end].strip() and not text[pos:end].lstrip().startswith("#"):
                    break  # blank lines and comment lines may stand between the items
            else:
                dashes.append((line.start("dash"), line.start("entry")))
                entries.append(" ".join(line.group("entry").split()))
                if line.group("close"):
                    break
            pos = end + 1
        if not dashes or dashes[0][0] != tok.start_pos:
            return False
        self.bullets_at.update(d for d, _ in dashes)
        found = self.group_head(blocks[-1])
        head = f"{found[0]} group {found[1]}" if found else None  # `single group APPS`, as its line says it
        span = self.source.span(tok.start_pos, tok.start_pos + 1)
        removals = [self.source.span(d, e) for d, e in dashes]
        self.report(messages.group_bullets(head, entries, span, removals), tok.start_pos)
        return True

    def separators_in_group(self, ip, pos: int) -> bool:
        """`single group APPS { CICSPRD; DB2PRD; }`, `{ CICSPRD, DB2PRD }`: `;` or `,`
        at `pos` between (or after) the entries of a group body, as other languages
        separate a list. One error for every such sign of the body (not one for each,
        nor a help about statements), whose fix removes them; the rest are then
        skipped in silence (separators_at)."""
        blocks = open_blocks(ip.parser_state.value_stack)
        if not blocks or blocks[-1].kind != "group_decl" or blocks[-1].placeholder:
            return False
        if not Sim.of(ip).fits(["MATCH"]):
            return False  # not where an entry may come (`match` waits for its pattern)
        text = self.source.text
        brace = blocks[-1].brace
        signs: list[int] = []
        for found in _BODY_SIGNS.finditer(text, brace.end_pos):
            sign = found.group()
            if sign in "{}":
                break
            if sign in ",;":
                signs.append(found.start())
        if not signs or signs[0] != pos:
            return False
        begin = text.rfind("\n", 0, pos) + 1
        if _EXPIRE_HEAD.match(text, begin, pos + 1):
            return False  # `expire on DEV1, DEV2` + `{`: an expire block pasted in (_close_edits)
        self.separators_at.update(signs)
        removals = [self.sign_removal(at, at + 1, brace.end_pos) for at in signs]
        close = self._block_end(brace.start_pos)
        body = text[brace.end_pos : close - 1] if close is not None else ""
        written = " ".join(body.replace(",", " ").replace(";", " ").split())
        if not body or "#" in body or '"' in body or len(written) > 50:
            written = None
        found = self.group_head(blocks[-1])
        head = f"{found[0]} group {found[1]}" if found else None
        char = text[pos]
        self.report(
            messages.separators_in_group(
                char,
                head,
                found[1] if found else None,
                written,
                self.source.span(pos, pos + 1),
                removals,
                mixed=len({text[at] for at in signs}) > 1,
            ),
            pos,
        )
        return True

    def sign_removal(self, at: int, end: int, floor: int) -> tuple[Span, str]:
        """What removing the signs at `at`..`end` (`;`, `,`) replaces, and with what:
        with the blanks before them when a blank, the line's end or a `}` follows
        (`CICSPRD ; DB2PRD`, `workers 2;`), back to `floor` at most; else the signs
        alone, by a blank when they alone separate two words (`CICSPRD,DB2PRD`)."""
        text = self.source.text
        start = at
        if end >= len(text) or text[end] in " \t\r\n}":
            while start > floor and text[start - 1] in " \t":
                start -= 1
            return self.source.span(start, end), ""
        return self.source.span(start, end), "" if text[at - 1] in " \t{" else " "

    def unbulleted(self, tok: Token) -> Token | None:
        """A bullet's `-` dropped (`-LINUX01`, without a blank, keeps its name)."""
        self._fed_error_token = True  # read: a mistake after it is news
        rest = str(tok.value)[1:]
        if rest and _NAME.fullmatch(rest):
            return Token(
                "NAME", rest, tok.start_pos + 1, tok.line, tok.column + 1, tok.end_line, tok.end_column,
                tok.end_pos,
            )
        return None

    def resynchronise(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        """The cheap repair for cascades and for errors past the cap: count the error,
        finish the statement with placeholders and skip to the next one."""
        self.report(codes.SYNTAX(f"unexpected {self.describe(tok)}", self.span_of(tok)), tok.start_pos)
        if tok.type == "LBRACE" and self.brace_balance > 0:
            return None  # one `{` too many: skipping to its "match" would eat a block's `}`
        if not accepted & {"RBRACE", "$END"}:
            path = completion(Sim.of(ip), until=tok.type)
            if path is not None:
                self.feed_types(ip, path, tok)
                return tok
            self.feed_types(ip, completion(Sim.of(ip)) or [], tok)
        return self.skip_statement(ip, tok)

    def hyphenated_typo(self, tok: Token) -> tuple[str, list[str], Span] | None:
        """(word, keywords, span) when `tok` begins with `-` right after a word and the
        two together are a misspelt hyphenated keyword (`catalog-nod`, `request-dm`)."""
        text, start = self.source.text, tok.start_pos
        if tok.type == "$END" or start is None or not 0 < start < len(text) or text[start] != "-":
            return None
        if not text[start - 1].isalnum():
            return None
        begin, end = start, start
        while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] == "-"):
            begin -= 1
        while end < len(text) and (text[end].isalnum() or text[end] == "-"):
            end += 1
        joined = text[begin:end]
        if joined.lower() in self.facts.keywords:
            return None
        words = messages.did_you_mean(joined, [k for k in self.facts.keywords if "-" in k])
        return (joined, words, self.source.span(begin, end)) if words else None

    def schedule_label(self, ip, tok: Token, accepted: set[str]) -> bool:
        """`run on VMSYS1 schedule daily 02:00`, `purge schedule weekly sun 03:00`: a
        word in small letters that labels the schedule after it on its line
        (`messages.SCHEDULE_LABELS`), where the schedule may start. Not a member whose
        `,` is missing, whose fix made SCHEDULE a member (BKR330): one error whose fix
        removes the word, which is skipped, and the schedule is read."""
        written = str(tok.value)
        if not SCHEDULE_KEYWORDS <= accepted or written != written.lower():
            return False
        if written.rstrip(":") not in messages.SCHEDULE_LABELS:
            return False
        previous = last_real_token(ip.parser_state.value_stack)
        following = self.peek_token(ip)
        if (
            previous is None
            or previous.end_pos is None
            or previous.line != tok.line
            or following is None
            or following.type not in SCHEDULE_KEYWORDS
            or following.line != tok.line
        ):
            return False
        tail = self.line_tail(ip, tok)
        keyword = next((t for t in reversed(tail) if t.type in ("RUN", "PURGE", "PREVIEW")), None)
        if keyword is None or keyword.start_pos is None:
            return False
        statement = self.schedule_of(tail)
        head = self.source.text[keyword.start_pos : tok.start_pos]
        rest, _ = self.phrase(following.start_pos)
        self.report(
            messages.schedule_label(
                written,
                statement,
                " ".join(f"{head} {rest}".split()),
                self.span_of(tok),
                self.source.span(tok.start_pos, following.start_pos),
            ),
            tok.start_pos,
        )
        self._fed_error_token = True  # read: a mistake after it is news
        return True

    def hyphen_for_blank(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        """`run-o` or `to-d` in a job, as `run on`, `to disk` are typed: a statement's
        keyword, then `-` and the start of the one keyword that fits after it, one word
        written as keywords are (small letters). Where no name may stand the lexer read
        the keyword and left `-o`: the keyword is taken back off the stack and the word
        read as hyphen_word_for_blank reads it. None otherwise (`catalog-nod` is
        hyphenated_typo's)."""
        text, start = self.source.text, tok.start_pos
        stack = ip.parser_state.value_stack
        if start is None or text[start : start + 1] != "-" or not stack:
            return None
        keyword = stack[-1]
        if not (isinstance(keyword, Token) and is_real(keyword) and keyword.end_pos == start):
            return None
        if keyword.type not in self.statements:
            return None
        end = start + 1
        while end < len(text) and (text[end].isalnum() or text[end] in "-_"):
            end += 1
        word = text[keyword.start_pos : end]
        sim = Sim(ip.parser_state.parse_conf, ip.parser_state.state_stack[:-1])
        meant = self.hyphen_blank_meant(word, sim, keyword.type)
        if meant is None:
            return None
        del stack[-1]
        del ip.parser_state.state_stack[-1]
        self._advance(ip.lexer_thread.state, end)
        return self.read_hyphen_for_blank(ip, keyword.start_pos, word, meant)

    def hyphen_word_for_blank(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        """`run-o` read as one name where a statement starts (after a selection's
        addresses, where a name may stand): as hyphen_for_blank, the statement's
        keyword fed over the word's head and the keyword meant returned over its rest."""
        word = str(tok.value)
        head = word.split("-", 1)[0]
        keyword = self.facts.keywords.get(head)
        if keyword is None or keyword not in accepted or keyword not in self.statements:
            return None
        meant = self.hyphen_blank_meant(word, Sim.of(ip), keyword)
        if meant is None:
            return None
        return self.read_hyphen_for_blank(ip, tok.start_pos, word, meant)

    def hyphen_blank_meant(self, word: str, sim: Sim, keyword: str) -> tuple[str, str] | None:
        """(the statement's keyword, the one after it) that `word` (`run-o`) types with a
        `-` for the blank: small letters, the head the keyword of type `keyword` that fits
        at `sim`, the rest after one `-` the start of the one keyword that fits after it
        (or nothing yet, where one alone fits: `run-`)."""
        if _KEYWORD_SHAPED.fullmatch(word) is None or word in self.facts.keywords or word.count("-") != 1:
            return None
        head, rest = word.split("-")
        if self.facts.keywords.get(head) != keyword or not sim.feed(keyword):
            return None
        fitting = [k for k in self.keywords_in(sim.accepts()) if k.startswith(rest)]
        return (head, fitting[0]) if len(fitting) == 1 else None

    def read_hyphen_for_blank(self, ip, begin: int, word: str, meant: tuple[str, str]) -> Token:
        """Report `word` at `begin` as the two keywords `meant` (one error whose fix writes
        them), feed the first over its head, and return the second over its rest (the
        lexer stands after the word)."""
        end, split = begin + len(word), begin + len(meant[0])
        written = " ".join(meant)
        diag = self.report(messages.hyphen_for_blank(word, written, self.source.span(begin, end)), begin)
        self.glued.append((begin, end))
        if diag is not None:
            self.glued_last[split + 1] = (diag, written, word)
        line, column = self.source.position(begin)
        head = Token(self.facts.keywords[meant[0]], meant[0], begin, line, column)
        head.end_line, head.end_column, head.end_pos = line, column + len(meant[0]), split
        ip.parser_state.feed_token(head)
        rest = Token(self.facts.keywords[meant[1]], word[len(meant[0]) + 1 :], split + 1, line, column + len(meant[0]) + 1)
        rest.end_line, rest.end_column, rest.end_pos = line, column + len(word), end
        return rest

    def unknown_schedule(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        """`run on VMSYS1 hourly 02:00`: a word where a schedule may start, followed on
        its line by a time, a day or a day of the month, is a schedule keyword bkrc does
        not know (not a member whose `,` is missing). Read as the schedule the next word
        fits, so the rest of the statement parses."""
        if not SCHEDULE_KEYWORDS <= accepted:
            return None
        previous = last_real_token(ip.parser_state.value_stack)
        following = self.peek_token(ip)
        if previous is None or previous.line != tok.line:
            return None
        alone = following is None or following.line != tok.line
        lowered = str(tok.value).lower()
        statement = self.schedule_of(self.line_tail(ip, tok))
        if alone and (
            lowered in messages.SCHEDULE_WORDS
            or lowered in messages.OTHER_FREQUENCIES | messages.YEARLY_WORDS
            or messages.looks_like_date(lowered)
        ):
            # `run on VMSYS1 hourly`: a schedule word alone at the end of its line, not a
            # member whose `,` is missing; read as `manual`, which takes nothing after it
            self.report(
                messages.unknown_schedule(self.describe(tok), None, self.span_of(tok), statement=statement), tok.start_pos
            )
            return self.retype(tok, "MANUAL")
        if following is None or following.line != tok.line:
            return None
        text = str(following.value)
        rest, end = self.phrase(following.start_pos)
        days = messages.days_written_as_one(lowered)
        timed = re.fullmatch(r"(?:[Aa][Tt] )?(\S+)(?: (?P<extra>.+))?", rest)
        if (
            days is not None
            and timed is not None
            and messages.looks_like_time(timed.group(1))
            and (
                all(self._stray(word) for word in (timed.group("extra") or "").split())
                # `run on VMSYS1 mon-fri 22:00 VMSYS2`: a member after the time
                or (statement == "run" and self._member_names(timed.group("extra")) is not None)
            )
        ):
            # `run on VMSYS1 mon-fri 22:00`, `mon-fri at 22:00`: `weekly` left out, one
            # error whose fix writes it and the days one by one; read as `manual`, the
            # time skipped. Words no statement has a place for after the time (`mon-fri
            # at 22:00 now`) are their own error, as after `daily 01:00` (was "a `,` is
            # missing between `VMSYS1` and `mon-fri`", then BKR012 at `at 22:00 now`)
            extra = timed.group("extra")
            line = self.source.text[tok.start_pos : end]
            time_end = tok.start_pos + line.index(timed.group(1), len(str(tok.value))) + len(timed.group(1))
            self.report(
                messages.unknown_schedule(
                    self.describe(tok), timed.group(1), self.span_of(tok), timed.group(1), statement,
                    self.source.span(tok.start_pos, time_end), at=rest[:3].lower() == "at ",
                ),
                tok.start_pos,
            )
            if extra:
                self.report(self.words_after_days(ip, tok, timed.group(1), days, extra, time_end, end))
            self._advance(ip.lexer_thread.state, end)
            self._fed_error_token = True
            return self.retype(tok, "MANUAL")
        if following.type != "NAME":
            return None
        time = next((w for w in rest.split() if messages.looks_like_time(w)), None)
        if (
            messages.looks_like_month(text)
            or lowered in messages.YEARLY_WORDS
            or messages.looks_like_date(lowered)
        ):
            # `run on VMSYS1 yearly feb 28 22:00`: a schedule by the year, which bkrc
            # does not have (not members whose `,`s are missing), or `2026-02-28 22:00`,
            # a run on one day; read as `manual`, the rest of the schedule skipped
            self.report(messages.unknown_schedule(self.describe(tok), text, self.span_of(tok), time, statement), tok.start_pos)
            self._advance(ip.lexer_thread.state, end)
            self._fed_error_token = True
            return self.retype(tok, "MANUAL")
        if messages.looks_like_time(text):
            keyword = "DAILY"
        elif messages.looks_like_day(text):
            keyword = "WEEKLY"
        elif text.isdigit():
            keyword = "MONTHLY"
        else:
            return None
        self.report(messages.unknown_schedule(self.describe(tok), text, self.span_of(tok), time, statement), tok.start_pos)
        return self.retype(tok, keyword)

    def words_after_days(
        self, ip, tok: Token, time: str, days: list[str], extra: str, start: int, end: int
    ) -> Diagnostic:
        """`run on VMSYS1 mon-fri at 22:00 now`: words no statement has a place for after
        days written where a schedule starts, `weekly` left out (`tok`, the days; `time`,
        its time, ending at `start`; `extra`, the words after it, to `end`). Said as after
        a whole statement (`daily 01:00 now`), its help writing the statement with the
        schedule `unknown_schedule`'s fix writes; no fix, as there."""
        first = self.statement_start(ip.parser_state)
        name = "run" if first is None else str(first.value).lower() or "run"
        before = (
            " ".join(self.source.text[first.start_pos : tok.start_pos].split())
            if first is not None and first.start_pos is not None and first.line == tok.line
            else None
        )
        statement = None if before is None else f"{before} weekly {','.join(days)} {time}"
        at = start + len(self.source.text[start:end]) - len(self.source.text[start:end].lstrip())
        span = self.source.span(at, end)
        names = self._member_names(extra)
        if name == "run" and statement is not None and names is not None and re.match(r"run on (?!each )", statement):
            # `run on VMSYS1 mon-fri 22:00 VMSYS2`: a member after the schedule, to list
            # with the others or remove (was "remove `VMSYS2`, as `mon-fri` takes one
            # value: write `run on VMSYS1 mon-fri 22:00`", a line that does not check)
            schedule = f"weekly {','.join(days)} {time}"
            members = " ".join(statement[len("run on ") : -len(schedule)].split()).rstrip(",")
            listed = f"run on {members}, {', '.join(names)} {schedule}"
            return messages.members_after_schedule(names, statement, listed, span)
        if len(extra.split()) > 1:
            return messages.words_after_statement(extra, name, f"`{time}`", statement, span)
        return messages.word_after_statement(f"`{extra}`", name, f"`{time}`", statement, None, span, None)

    @staticmethod
    def schedule_of(tail: list[Token]) -> str:
        """The statement a schedule on the line of `tail` (its tokens before the
        schedule) belongs to: `purge`, `preview`, or `run`."""
        kinds = {"PURGE": "purge", "PREVIEW": "preview"}
        return next((kinds[t.type] for t in tail if t.type in kinds), "run")

    def cron_schedule(self, ip, tok: Token) -> bool:
        """`run on VMSYS1 0 2 * * *`: a schedule written as a crontab line, also labelled
        or quoted as a form writes it (`cron "0 2 * * *"`, `schedule: 0 2 * * *`), where
        a schedule may start. One error over all of it (with the schedule to write when
        the crontab line says one bkrc has, which the fix writes in its place), and the
        five fields are read as that schedule, or as `manual`."""
        end = self._line_end(tok.start_pos)
        rest = self.source.text[tok.start_pos : end].split("#", 1)[0].rstrip()
        found = _CRON_WRITTEN.fullmatch(rest)
        if found is None:
            return False
        label = found.group("label")
        if label is not None and label not in messages.SCHEDULE_LABELS | {"crontab"}:
            return False
        cron = found.group("cron")
        meant = messages.cron_meant(cron.split())
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        self.report(messages.cron_schedule(" ".join(cron.split()), meant, span), tok.start_pos)
        self._read_as_schedule(ip, tok, meant, tok.start_pos + len(rest))
        return True

    def cron_macro(self, ip, tok: Token) -> bool:
        """`run on VMSYS1 @daily`, `purge @weekly`: cron's macro (`messages.CRON_MACROS`),
        alone where a schedule may start, or with a time after it (`@daily 03:00`), to
        the line's end. One error (`messages.cron_macro`), the schedule that runs at
        cron's time its fix; read on as that schedule, or as `manual` where none runs so."""
        macro = str(tok.value)
        if macro.lower() not in messages.CRON_MACROS:
            return False
        end = self._line_end(tok.start_pos)
        rest = self.source.text[tok.start_pos : end].split("#", 1)[0].split("}", 1)[0].rstrip()
        words = rest.split()
        time = _time_read(words[1]) if len(words) == 2 else None
        if len(words) > 2 or len(words) == 2 and (time is None or messages.CRON_MACROS[macro.lower()][1] is None):
            return False
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        statement = self.schedule_of(self.line_tail(ip, tok))
        diag = messages.cron_macro(macro, time, span, statement)
        self.report(diag, tok.start_pos)
        meant = None if diag.fix is None else diag.fix.edits[0].new_text
        self._read_as_schedule(ip, tok, meant, tok.start_pos + len(rest))
        return True

    def cron_macro_alone(self, ip, tok: Token) -> bool:
        """`@daily` (or `@daily 03:00`) alone on a line of a job, first on it, where `run`
        may start: cron's macro, `run on MEMBER` left out (was "`@daily` is not a keyword;
        a statement must start with one"). One error (`messages.cron_macro_alone`) with
        the `run` the file allows; the line is read to its end."""
        macro = str(tok.value)
        if macro.lower() not in messages.CRON_MACROS or not self.first_on_line(tok.start_pos):
            return False
        if not Sim.of(ip).fits(["RUN", "ON"]):
            return False
        rest = self._line_before_comment(tok.start_pos).split("}", 1)[0].rstrip()
        words = rest.split()
        time = _time_read(words[1]) if len(words) == 2 else None
        if len(words) > 2 or len(words) == 2 and (time is None or messages.CRON_MACROS[macro.lower()][1] is None):
            return False
        stack = ip.parser_state.value_stack
        members = members_read(stack)
        if not members:
            return False
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        diag = messages.cron_macro_alone(macro, time, " ".join(words), span, members, *self.job_home(stack))
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
        return True

    def wakeup_schedule(self, ip, pos: int) -> bool:
        """`run on VMSYS1 ==/==/== 02:00:00`: a schedule written as a line of CMS WAKEUP's
        WAKEUP TIMES file (the date MM/DD/YY, `==` for any, or a day's name, then the
        time with its seconds), where a schedule may start. One error over both fields,
        with the schedule to write where the line says one bkrc has (`daily 02:00`,
        `monthly 1 02:00`), which the fix writes in their place; read as that
        schedule, or as `manual`, with a help that says why (`messages.wakeup_reading`: one
        date, a month or a year, more than once a day). A date that starts with `==` comes
        here at the `=` no token starts with, one that starts with a number or a day's
        name (then the time with its seconds) at its first token."""
        if not SCHEDULE_KEYWORDS <= self.accepts(ip):
            return False
        end = self._line_end(pos)
        start = pos
        rest = self.source.text[start:end].split("#", 1)[0].rstrip()
        found = _WAKEUP.fullmatch(rest)
        if found is None:
            return False
        date, time = found.group("date"), found.group("time")
        if date.isalpha() and (time.count(":") != 2 or not messages.phrase_day(date)):
            return False  # `monday 02:00`: English (schedule_phrase); WAKEUP writes the seconds
        meant = messages.wakeup_meant(date, time)
        span = self.source.span(start, start + len(rest))
        line, column = self.source.position(start)
        like = Token("NAME", "", start, line, column, line, column, start)
        statement = self.schedule_of(self.line_tail(ip, like))
        self.report(messages.wakeup_schedule(" ".join(rest.split()), date, time, span, statement), start)
        self._read_as_schedule(ip, like, meant, start + len(rest))
        return True

    def _read_as_schedule(self, ip, tok: Token, meant: str | None, end: int) -> None:
        """Feed `meant` (a schedule, or `manual` for None) at `tok`, and read on at `end`."""
        words = (meant or "manual").split()
        self.feed(ip, _fake(words[0].upper(), tok, words[0]))
        for word in words[1:]:
            for i, day in enumerate(word.split(",")):  # `mon,wed,fri`: the days of `weekly`
                if i:
                    self.feed(ip, _fake("COMMA", tok, ","))
                self.feed(ip, _fake("NAME", tok, day))
        self._advance(ip.lexer_thread.state, end)
        self._fed_error_token = True

    def peek_token(self, ip, count: int = 1) -> Token | None:
        """The `count`th token after the current one, without reading it (None at the
        end or on text no token matches)."""
        state = copy(ip.lexer_thread.state)
        lexer = ip.lexer_thread.lexer
        root = getattr(lexer, "root_lexer", lexer)
        try:
            for _ in range(count):
                found = root.next_token(state, ip.parser_state)
            return found
        except (EOFError, UnexpectedCharacters):
            return None

    def option_begun(self, ip, tok: Token, accepted: set[str]) -> list[str]:
        """`backup APPS f`, `run on VMSYS1 we`: a word of one or two small letters, last
        on its line, right after a list's last name on that line, that begins one of
        the options the statement may go on with (`messages.begun`): that option,
        being typed, not one more name whose `,` is missing (`_comma_edits`), which
        the fast parser reads the same (`_Parser._option_respelt`). Several where it
        begins several (`run on VMSYS1 m`: `manual` or `monthly` is being typed all the
        same), all suggested and read as the first, as equally close keywords are."""
        stack = ip.parser_state.value_stack
        last = last_real_token(stack)
        if last is None or last.end_line != tok.line:
            return []
        if last.type != "NAME":
            return self.keyword_begun_after_statement(ip, tok, accepted, last)
        leaves = (t for value in reversed(stack) for t in reversed(list(tokens_of(value))))
        listing = next((t for t in leaves if t.type not in ("NAME", "COMMA")), None)
        if listing is None or listing.type not in ("BACKUP", "ON", "USER"):
            # not a list that may go on with an option (levels, schedules, `role`)
            return self.keyword_begun_after_statement(ip, tok, accepted, last)
        if listing.type == "ON" and getattr(next(leaves, None), "type", None) != "RUN":
            # not `run on`'s members: a catalog's (or a node's) one member
            return self.keyword_begun_after_statement(ip, tok, accepted, last)
        text = self.source.text
        end = text.find("\n", tok.end_pos)
        rest = text[tok.end_pos : len(text) if end == -1 else end].strip()
        if rest and not rest.startswith("#"):
            return []
        return messages.begun(str(tok.value), self.options_on_line(tok, accepted))

    def keyword_begun(self, tok: Token, any_case: bool = False) -> bool:
        """Whether `tok` is a word of one or two small letters (`messages.begun`), last
        on its line but for a comment or the block's `}` (`member M { workers 2 p }`):
        perhaps a keyword being typed. `any_case`: in capitals too (`catalog S`), where
        no name may stand."""
        word = str(tok.value)
        if not 0 < len(word) <= 2 or not word.isalpha() or not (any_case or word.islower()):
            return False
        text = self.source.text
        end = text.find("\n", tok.end_pos)
        rest = text[tok.end_pos : len(text) if end == -1 else end].strip()
        return not rest or rest[0] in "#}"

    def half_typed_last(self, tok: Token, accepted: set[str]) -> bool:
        """Whether `tok`, a word of one or two letters last on its line
        (`keyword_begun`), begins one of the keywords that may stand where it does
        (`catalog s`: `shared`; `include m`: `minidisk`), not a name (none fits there).
        In capitals too (`catalog S`, a file typed on CMS), keywords being
        case-insensitive: no name fits there to be the word."""
        if tok.type != "NAME" or "NAME" in accepted or not self.keyword_begun(tok, any_case=True):
            return False
        return bool(messages.begun(str(tok.value).lower(), self.keywords_in(accepted)))

    def keyword_begun_after_statement(self, ip, tok: Token, accepted: set[str], last: Token) -> list[str]:
        """`workers 2 p`, `run on each member d`, `catalog shared s`: a word of one or
        two small letters, last on its line, right after a whole statement on that line
        (`last`, its last token, no `{`), that begins one of the statement's options
        (`options_on_line`) or, where it begins none, one of the block's statements that
        fit there (those Lark's state accepts): that keyword being typed
        (`messages.begun`), as the third letter says (`pri`: `did_you_mean`), not a
        value whose keyword is missing (`word_after_statement`), which flickered in the
        editor until the third letter. The fast parser reads the same
        (`_Parser._stray_statement`, `_option_respelt`)."""
        if last.type in ("LBRACE", "RBRACE") or not accepted & {"RBRACE", "$END"} or not self.keyword_begun(tok):
            return []  # after a `{`, inside a statement (`retain 35 d`: `Recovery.replacement`)
        if repeats(last, tok):
            return []  # `server S s`: the word written again (`word_after_statement`)
        first = self.statement_start(ip.parser_state)
        if first is None or first.line != tok.line:
            return []
        word = str(tok.value)
        begun = messages.begun(word, self.options_on_line(tok, accepted))
        if begun:
            return begun
        return messages.begun(word, self.keywords_in(accepted & self.statements))

    def ambiguous_abbreviation(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        """`backup APPS inc`: a word that abbreviates several keywords that may stand
        here (`include`, `incremental`). The one after which the next word fits is
        meant (a level ends the `backup` line; `include` needs `minidisk` or `sfs`
        after it); when none or several fit, the word is named ambiguous, with every
        keyword it abbreviates, and skipped."""
        words = messages.abbreviated(str(tok.value), self.keywords_in(accepted))
        if len(words) < 2:
            return None
        following = self.peek_token(ip)
        if following is None:
            ahead = [] if self.peek(ip) is None else ["$END"]
        else:
            ahead = [self.facts.keywords.get(str(following.value).lower(), following.type)]
        sim = Sim.of(ip)
        fitting = [w for w in words if ahead and sim.fits([self.facts.keywords[w], *ahead])]
        if len(fitting) > 1:
            # `cat TCDMM` after `catalog-node TCTMM on VMSYS1`: not the option already given.
            given = self.options_given(ip.parser_state.value_stack)
            fitting = [w for w in fitting if self.facts.keywords[w] not in given] or fitting
        if len(fitting) == 1:
            before = self.describe(following) if following is not None else "the end of the file"
            diag = messages.abbreviation_meant(self.describe(tok), fitting[0], words, before, self.span_of(tok))
            self.report(diag, tok.start_pos)
            return self.retype(tok, self.facts.keywords[fitting[0]])
        # Which was meant cannot be known: read on as if the word were not there.
        diag = messages.abbreviation_ambiguous(self.describe(tok), words, self.span_of(tok))
        self.report(diag, tok.start_pos)
        self._fed_error_token = True
        return None

    def options_given(self, stack) -> set[str]:
        """The types of the keywords, other than statement keywords, of the statement
        under way (`catalog-node` in `tape manager shared catalog-node TCTMM on
        VMSYS1`, over several lines too); empty at the start of a block."""
        given: set[str] = set()
        for value in reversed(stack):
            if isinstance(value, Token) and value.type in ("LBRACE", "RBRACE"):
                return set()
            if isinstance(value, Tree) and value.data in OPENERS:
                return set()
            types = {t.type for t in tokens_of(value) if is_real(t)}
            if types & self.statements:
                return given | (types - self.statements)
            given |= types
        return set()

    def misspelt(self, tok: Token, words: list[str], diag: Diagnostic | None = None) -> Token:
        """Report a misspelt keyword (`diag`, if it is said otherwise) and read it as the
        closest (the first of equals)."""
        diag = diag or self.schedule_respelt(tok, words) or messages.unknown_keyword(self.describe(tok), words, self.span_of(tok))
        self.report(diag, tok.start_pos)
        if self.diagnostics and self.diagnostics[-1] is diag:
            self.respelt[tok.start_pos] = (diag, words)
        return self.retype(tok, self.facts.keywords[words[0]])

    def schedule_respelt(self, tok: Token, words: list[str]) -> Diagnostic | None:
        """`run on VMSYS1 dialy 2am`: a schedule's keyword misspelt (`tok`, meaning
        `words[0]` alone), and its time written another way after it: the one error's
        help and fix write the schedule as `messages.certain_schedule` reads it, `daily
        02:00` (was *Write `daily`*, whose file then met BKR313 at `2am`). None where the
        schedule after the keyword reads as written, or as no one schedule."""
        if len(words) != 1 or words[0] not in ("daily", "weekly", "monthly") or tok.end_pos is None:
            return None
        rest = self._line_before_comment(tok.end_pos).split("}", 1)[0].rstrip()
        written = " ".join(f"{words[0]}{rest}".split())
        read = messages.AT_SIGN.sub("at", written)  # `dialy @ 02:00`
        meant = messages.certain_schedule(read)
        diag = messages.unknown_keyword(self.describe(tok), words, self.span_of(tok))
        span = self.source.span(tok.start_pos, tok.end_pos + len(rest))
        readings = messages.hour_readings(read) if meant is None else None
        if readings:
            # `dialy at 2`: the hour alone, read on a 24-hour clock, or in the afternoon
            # (noon or midnight for 12): a choice of each, as `every day at 2` (was *Write
            # `daily`*, whose file then met "`daily at 2` is not a .bkr schedule")
            return messages.respelt_hour(diag, readings, span)
        if meant is None or meant == written.lower() or _schedule_as_written(written):
            return None  # `wekly saturday 22:00`: the keyword alone mends it
        return replace(diag, help=f"write `{meant}`", fix=messages.write_fix(meant, span))

    def said_respelt(self, start: int, end: int) -> Diagnostic | None:
        """The error of the schedule's keyword misspelt at `start` whose fix (or each
        choice) writes the schedule to `end` and beyond (schedule_respelt: `dialy at
        02:00`, `dialy at 2`), which says
        what the words to `end` are; None where there is none."""
        respelt = self.respelt.get(start)
        mend = None if respelt is None else respelt[0].fix or next(iter(respelt[0].choices), None)
        if mend is None or max(e.span.end for e in mend.edits) < end:
            return None
        return respelt[0]

    def unfinished_respelt(self, keyword: Token, filler: str, accepted: set[str], at: int) -> bool:
        """`job J { inc }`: the statement stops right after a misspelt keyword. Its
        BKR012 says, as well, what must follow the keyword, and that is the one
        error for the word (not also "expected `minidisk` or `sfs` after `inc`")."""
        if keyword.start_pos not in self.respelt:
            return False
        diag, words = self.respelt.pop(keyword.start_pos)
        if keyword.start_pos in self.meant_elsewhere:
            # `catalg` or `keep` alone at the top level: its BKR012 says where the
            # statement belongs; what must follow the keyword is no help where it cannot
            # stand (nor is "expected `local` or `shared`" besides): the one error
            self.reported_at.add(at)
            return True
        if filler == "NAME":  # named by the keyword it was read as, not by the misspelling
            need = messages.follower(words[0], 0)
        else:
            need = self.expected_list(accepted - {"RBRACE", "$END"})
        merged = messages.unknown_keyword_unfinished(self.describe(keyword), words, need, diag.span)
        return self.merged_into(diag, merged, at)

    def merged_into(self, diag: Diagnostic, merged: Diagnostic, at: int) -> bool:
        """Put `merged` in the place of `diag`, an error already reported, where a
        statement left unfinished after it is that one error (`unfinished_respelt`,
        `unfinished_hashed`, `hashed_cut_short`, `glued_unfinished`), and keep quiet
        at `at`, where the statement stops. True, for the callers to return."""
        self.diagnostics[:] = [merged if d is diag else d for d in self.diagnostics]
        self.reported_at.add(at)
        return True

    def statement_apart(self, stack) -> bool:
        """Whether the statement under way (on `stack`, after its block's `{`) is one met
        at the top level of the file and read in a block reopened for it (read_apart:
        `keep 35`, `purge weekly sun`, `mtach LNX*` after the imports)."""
        for value in reversed(stack):
            if isinstance(value, Token) and value.type in ("LBRACE", "RBRACE"):
                return False
            if any(t.start_pos in self.read_apart for t in tokens_of(value) if is_real(t)):
                return True
        return False

    def unfinished_hashed(self, keyword: Token, filler: str, accepted: set[str], at: int) -> bool:
        """`catalog## notes` on a line of its own in the cluster (or `description## x`):
        a keyword with a `#` right after it, the rest of the line read as the comment
        meant (hash_read), and the statement ends right after the keyword. That one error
        says, as well, what must follow the keyword (not also "expected `local` or
        `shared` after `catalog`, found `catalog`" at the next line's statement), and
        offers no fix: the blank before the `#` alone would leave the statement
        unfinished, and what finishes it is a choice."""
        if keyword.start_pos not in self.hash_comments:
            return False
        diag, word, rest = self.hash_comments.pop(keyword.start_pos)
        meant = str(keyword.value).lower()
        if filler == "NAME":
            need = messages.follower(meant, 0)
        else:
            need = self.expected_list(accepted - {"RBRACE", "$END"})
        merged = messages.hash_in_keyword_unfinished(word, rest, need, diag.span)
        return self.merged_into(diag, merged, at)

    def hashed_cut_short(self, stack, found: Token, at: int) -> bool:
        """`retain## notes` (or `disk## the disks`) on a line of its own: a keyword with
        a `#` right after it, the words after it read as the statement's, as they read
        on after the keyword (hash_read), but the line ends before the statement does.
        The words were the comment meant, then, and the statement ends after the
        keyword: its one error says so, as unfinished_hashed's (not also "expected
        `days` after `notes`" at the next line). No fix. Only where a word of prose, in
        small letters and no keyword, is among them: `retain## 35` may be `retain 35`,
        its `days` a slip of its own."""
        if not self.hash_read_on:
            return False
        for value in reversed(stack):
            if isinstance(value, Token) and value.type in ("LBRACE", "RBRACE"):
                return False
            keyword = next((t for t in tokens_of(value) if t.start_pos in self.hash_read_on), None)
            if keyword is not None:
                break
        else:
            return False
        if found.type != "$END" and found.line == keyword.line:
            return False  # on the word's line: another slip
        diag, word, rest, need = self.hash_read_on[keyword.start_pos]
        if not any(w.isalpha() and w.islower() and w not in self.facts.keywords for w in rest.lstrip("#").split()):
            # `retain## 35`: the words may be the statement's values (no word of prose
            # among them), and what it lacks after them a slip of its own
            return False
        del self.hash_read_on[keyword.start_pos]
        merged = messages.hash_in_keyword_unfinished(word, rest, need, diag.span)
        return self.merged_into(diag, merged, at)

    def glued_unfinished(self, keyword: Token, filler: str, accepted: set[str], at: int) -> bool:
        """`onexpire` (or `runon`, `run-o`) alone, reported as keywords written without
        their blank (`expire on`), the statement stopping right after them: that one
        error says, as well, what must follow, at the word (not also "expected a member
        name after `on`", at a column inside the word)."""
        if keyword.start_pos not in self.glued_last:
            return False
        diag, meant, word = self.glued_last.pop(keyword.start_pos)
        if filler == "NAME":
            need = messages.follower(meant.split()[-1], 0)
        else:
            need = self.expected_list(accepted - {"RBRACE", "$END"})
        merged = messages.glued_unfinished(diag, meant, word, need)
        return self.merged_into(diag, merged, at)

    def days_alone(self, ip, tok: Token) -> bool:
        """`run on VMSYS1 mon-fri`, `run on VMSYS1 Monday-Friday`: days written as one word
        where a schedule starts, last on the line, `weekly` and the time left out. One
        error, as with the time (`mon-fri 22:00`: `messages.unknown_schedule`), whose help
        writes `weekly mon,tue,wed,thu,fri HH:MM`, the time said missing; no fix (was a
        `,` missing between the member and the days, whose fix made them a member)."""
        if tok.type != "NAME" or messages.days_written_as_one(str(tok.value)) is None:
            return False
        previous = last_real_token(ip.parser_state.value_stack)
        following = self.peek_token(ip)
        if previous is None or previous.line != tok.line or (following is not None and following.line == tok.line):
            return False
        statement = self.schedule_of(self.line_tail(ip, tok))
        self.report(
            messages.unknown_schedule(self.describe(tok), None, self.span_of(tok), statement=statement), tok.start_pos
        )
        return True

    def days_range_spaced(self, ip, tok: Token, previous: Token | None) -> bool:
        """`weekly mon - fri 22:00`, `purge weekly sat - sun 03:00`: a range of days with
        blanks around its `-` (met at the `-`, `previous` the first day), which `weekly`
        does not take (as `weekly mon-fri 22:00` is BKR314): one error whose help writes
        the days one by one, fixed where the time is written; without it, the time said
        missing in the same error. Without `weekly` (`run on VMSYS1 mon - fri 22:00`, met
        at `mon`, `previous` None), as `mon-fri 22:00` there: BKR012, the help and the
        fix writing `weekly` and the days (was "unexpected `-`", its help docs/language.md;
        without `weekly`, a help and a fix that wrote `weekly mon,fri 22:00`). The range,
        and its time, are read; the schedule read on as `weekly` with its first day, or
        as `manual`."""
        text = self.source.text
        start = tok.start_pos if previous is None else previous.start_pos
        found = _DAYS_RANGE_SPACED.match(text, start)
        if found is None and previous is None:
            # `run on VMSYS1 mon – fri 22:00`, its dash a typographic one: the same (was a
            # help and a fix that wrote `weekly mon,fri 22:00`, Tuesday to Thursday dropped)
            found = _DAYS_RANGE_TYPOGRAPHIC.match(text, start)
        if found is None or (previous is not None and found.end("first") != previous.end_pos):
            return False
        days = messages.days_written_as_one(f"{found.group('first')}-{found.group('last')}")
        if days is None:
            return False
        weekly = previous is not None
        names: list[str] = []
        if weekly:
            # the days after `weekly` read so far, the range's first last (`sat, mon`)
            leaves = [t for v in ip.parser_state.value_stack[-8:] for t in tokens_of(v)]
            at = next((k for k in range(len(leaves) - 1, -1, -1) if leaves[k].type == "WEEKLY"), None)
            if at is None:
                return False
            names = [str(t.value) for t in leaves[at + 1 :] if t.type == "NAME"]
            if not names or names[-1] != str(previous.value) or leaves[-1] is not previous:
                return False
        word = found.groupdict().get("word")
        if word is not None and not weekly:
            return False
        listed = ",".join(days)
        before = ",".join(names[:-1]) if weekly else ""
        written = " ".join(text[found.start() : found.end("last")].split())
        time = found.group("time")
        of = self.schedule_of(self.line_tail(ip, tok))
        span = self.source.span(found.start(), found.end("last" if word is None else "word"))
        diag = messages.days_range_spaced(
            written, listed, ",".join(filter(None, (before, listed))), time, span, weekly, "" if of == "run" else f"{of} ",
            whole=self.source.span(found.start(), found.end()),
            word=word,
            line=None if word is None else self._line_written_as(found.start(), found.end(), f"{listed} HH:MM"),
        )
        self.report(diag, tok.start_pos)
        state = ip.lexer_thread.state
        if not weekly:
            # read as `manual` (schedule_phrase), which takes nothing after it: the days
            # and the time skipped
            self._advance(state, found.end())
        elif time is None:
            # the time missing, said in this error (or a word in its place, `now`): a
            # placeholder read in its place
            self._advance(state, found.end())
            self.feed(ip, _fake("NAME", tok))
        else:
            self._advance(state, found.end("last"))
        self._fed_error_token = True
        return True

    def days_range_dash_last(self, ip, tok: Token) -> Diagnostic | None:
        """`weekly mon- fri 22:00`: a range of days with a blank after its `-` alone, the
        first day and the `-` one name (`mon-`), read as the last day, the last day as
        the time, and `tok` the time written, after the whole statement: the one error
        of `weekly mon - fri 22:00` (`days_range_spaced`), its help and fix writing the
        days one by one (was "`22:00` has no keyword before it", its help writing
        `backup 22:00`). None elsewhere."""
        timed = messages.looks_like_time(str(tok.value))
        following = self.peek_token(ip)
        if not timed and (tok.type != "NAME" or (following is not None and following.line == tok.line)):
            return None  # `weekly mon- fri now`: a word where the time goes, last on its line
        leaves = [t for v in ip.parser_state.value_stack[-8:] for t in tokens_of(v)]
        at = next((k for k in range(len(leaves) - 1, -1, -1) if leaves[k].type == "WEEKLY"), None)
        if at is None or leaves[at].line != tok.line:
            return None
        names = [t for t in leaves[at + 1 :] if t.type == "NAME"]
        if len(names) < 2 or leaves[-1] is not names[-1] or not str(names[-2].value).endswith("-"):
            return None
        first, last = names[-2], names[-1]
        found = _DAYS_RANGE_SPACED.match(self.source.text, first.start_pos)
        if found is None or found.end("last") != last.end_pos or found.start("time" if timed else "word") != tok.start_pos:
            return None
        days = messages.days_written_as_one(f"{found.group('first')}-{found.group('last')}")
        if days is None:
            return None
        listed = ",".join(days)
        before = ",".join(str(t.value) for t in names[:-2])
        written = " ".join(self.source.text[found.start() : found.end("last")].split())
        of = self.schedule_of([t for t in leaves[:at] if t.line == tok.line])  # not `preview` above
        word = None if timed else found.group("word")
        span = self.source.span(found.start(), found.end("last" if word is None else "word"))
        return messages.days_range_spaced(
            written, listed, ",".join(filter(None, (before, listed))), found.group("time"), span, True,
            "" if of == "run" else f"{of} ",
            word=word,
            line=None if word is None else self._line_written_as(found.start(), found.end(), f"{listed} HH:MM"),
        )

    def _line_written_as(self, start: int, end: int, meant: str) -> str:
        """The line of `start`, blanks normalised and without its comment, with `meant`
        written over `start`..`end`: what a help writes of it."""
        text = self.source.text
        head = text[text.rfind("\n", 0, start) + 1 : start]
        tail = text[end : self._line_end(end)].split("#")[0]
        return " ".join(f"{head}{meant}{tail}".split())

    def range_spaced(self, ip, tok: Token, previous: Token | None) -> bool:
        """`include minidisk * 0100 - 0FFF`, as a job template writes a range: a `-`
        alone between two minidisk addresses. One error, whose fix writes the range
        without blanks; the range is skipped, and the addresses after it read on."""
        word = str(tok.value)
        if word[:1] != "-" or previous is None or previous.type != "NAME" or previous.line != tok.line:
            return False
        listed = self.list_of(ip.parser_state.value_stack)
        if listed is None or listed[0] != "minidisk" or not listed[2]:
            return False  # not after the owner and an address of a minidisk selection
        first, last, end = str(previous.value), word[1:], tok.end_pos
        if not last:  # `0100 - 0FFF`; else `0100 -0FFF`
            after = _BLANKS_THEN_NAME.match(self.source.text, tok.end_pos)
            if after is None:
                return False
            last, end = after.group(1), after.end(1)
        if not (_HEX_ADDRESS.fullmatch(first) and _HEX_ADDRESS.fullmatch(last)):
            return False
        self.report(messages.range_spaced(first, last, self.source.span(previous.start_pos, end)), tok.start_pos)
        self._advance(ip.lexer_thread.state, end)
        self._fed_error_token = True
        return True

    def both_choices(self, ip, tok: Token) -> bool:
        """`backup APPS full incremental`, `to tape disk`: both of the two words a
        statement chooses between. One error that says to choose; the second word
        is skipped, and the statement reads on with the first."""
        second = tok
        if tok.type == "NAME" and str(tok.value).lower() in ("or", "and"):  # `to disk or tape`
            second = self.peek_token(ip)
            if second is None or second.line != tok.line:
                return False
        choice = _CHOICES.get(second.type)
        previous = last_real_token(ip.parser_state.value_stack)
        if choice is None or previous is None:
            return False
        if previous.line != tok.line:
            # `backup APPS full` with `incremental` (or `full` again) alone on the next
            # line: a level starts no statement, so it is the backup line's second.
            if previous.type not in ("FULL", "INCREMENTAL") or choice[1] != "level":
                return False
            if not self.alone_on_line(tok):
                return False
            if previous.type == second.type:
                self.report(messages.written_twice(str(second.value), self.span_of(second)), second.start_pos)
                self._fed_error_token = True
                return True
        elif previous.type != choice[0]:
            return False
        self.report(
            messages.both_choices(choice[1], str(previous.value), str(second.value), self.span_of(second)),
            second.start_pos,
        )
        self._advance(ip.lexer_thread.state, second.end_pos)
        self._fed_error_token = True
        return True

    def time_window(self, ip, tok: Token) -> bool:
        """`run on VMSYS1 daily 02:00 to 04:00`: a schedule given an end time, which
        reads as a `to` statement. One error that says a schedule is a start time; the
        `to` and the end time are skipped."""
        stack = ip.parser_state.value_stack
        to, end = top_token(stack, "TO"), tok
        if tok.type == "TO":  # where no `to` statement may start (an expire block): the `to` is the error
            to, end = (tok if is_real(tok) else None), self.peek_token(ip)
        elif tok.type != "NAME":
            return False
        if to is None or end is None or end.type != "NAME":
            return False
        start = last_real_token(stack[:-1] if to is not tok else stack)
        if start is None or start.type != "NAME" or not start.line == to.line == end.line:
            return False
        if not (messages.looks_like_time(str(start.value)) and messages.looks_like_time(str(end.value))):
            return False
        if to is not tok:
            del stack[-1]
            del ip.parser_state.state_stack[-1]
        self._advance(ip.lexer_thread.state, end.end_pos)
        span = self.source.span(to.start_pos, end.end_pos)
        self.report(messages.time_window(str(start.value), f"{to.value} {end.value}", span), to.start_pos)
        self._fed_error_token = True
        return True

    def range_with_to(self, ip, tok: Token) -> bool:
        """`include minidisk * 0191 to 01FF`: a range written with `to` between its
        addresses, which reads as a `to` statement. One error, whose fix writes the
        range, and the minidisk selection reads on after it."""
        stack = ip.parser_state.value_stack
        to = top_token(stack, "TO")
        if to is None or tok.type != "NAME":
            return False
        first = last_real_token(stack[:-1])
        if first is None or first.type != "NAME" or not first.line == to.line == tok.line:
            return False
        if not (_HEX_ADDRESS.fullmatch(str(first.value)) and _HEX_ADDRESS.fullmatch(str(tok.value))):
            return False
        del stack[-1]
        del ip.parser_state.state_stack[-1]
        if "NAME" not in self.accepts(ip):
            done, _ = self.reread(ip, tok, lambda leaves, blocks: iter([_Edit(leaves, [], [], lambda ip: None)]))
            if not done:
                self.feed(ip, to)
                return False
        listed = self.list_of(stack)
        if listed is None or listed[0] != "minidisk" or not listed[2]:
            return False  # pragma: no cover - the address before `to` is a selection's
        span = self.source.span(first.start_pos, tok.end_pos)
        self.report(messages.range_with_word(str(first.value), str(to.value), str(tok.value), span), to.start_pos)
        self._advance(ip.lexer_thread.state, tok.end_pos)
        self._fed_error_token = True
        return True

    def owner_label(self, tok: Token) -> bool:
        """`include minidisk owner * 0191-01FF`: the word `owner` (or `user`) written before
        the owner, as the form `include minidisk OWNER ADDR...` names it. Lark reads it as
        the owner, and the owner as an address. In small letters, and with an owner and
        an address after it on its line, it is the label, not the user OWNER: report it,
        and mark it to be skipped."""
        state = self.parser_state
        if tok.start_pos is None or state is None:
            return False
        stack = state.value_stack
        keyword = top_token(stack, "MINIDISK", real=False)
        if keyword is None or keyword.line != tok.line:
            return False
        if str(keyword.value).lower() != "minidisk":  # a keyword the recovery read for another word
            return False
        text = self.source.text
        owner = _BLANKS_THEN_NAME.match(text, tok.end_pos)
        address = _BLANKS_THEN_NAME.match(text, owner.end(1)) if owner is not None else None
        action = last_real_token(stack[:-1])
        head = f"{action.value if action is not None else 'include'} {keyword.value}"
        if address is None and owner is not None and self.owner_for_label(owner):
            # `include minidisk owner 0191-01FF`: the form's word written, the owner
            # left out. One error, no fix (which owner is meant is not certain); the
            # word is read on as the owner (no check runs after a syntax error).
            self.report(messages.owner_left_out(str(tok.value), head, owner.group(1), self.span_of(tok)),
                        tok.start_pos)
            return False
        if address is None or address.group(1).lower() in self.facts.keywords:
            return False
        self.report(
            messages.owner_label(
                str(tok.value), head,
                " ".join(text[owner.start(1) : self._line_end(tok.end_pos)].split("#", 1)[0].split()),
                self.span_of(tok), self.source.span(tok.start_pos, owner.start(1)),
            ),
            tok.start_pos,
        )
        self.dropped.add(tok.start_pos)
        return True

    def owner_for_label(self, after: re.Match) -> bool:
        """Whether the word of `after` (a _BLANKS_THEN_NAME match after `owner`) is the
        selection's addresses, alone on its line: an address or range with a digit."""
        word = after.group(1)
        rest = self.source.text[after.end(1) : self._line_end(after.end(1))].split("#", 1)[0]
        return not rest.strip() and any(c.isdigit() for c in word) and _ADDRESSES.fullmatch(word) is not None

    def range_with_word(self, tok: Token) -> bool:
        """`include minidisk * 0191 thru 01FF`: a range written with `thru` (or
        `through`) between its addresses, which Lark reads as three addresses. One
        error, whose fix writes the range, and `thru` and the last address are skipped."""
        if tok.start_pos is None or self.parser_state is None:
            return False
        stack = self.parser_state.value_stack
        first = top_token(stack, "NAME")
        if first is None or first.line != tok.line:
            return False
        last = _BLANKS_THEN_NAME.match(self.source.text, tok.end_pos)
        if last is None or not _HEX_ADDRESS.fullmatch(str(first.value)):
            return False
        if not _HEX_ADDRESS.fullmatch(last.group(1)):
            return False
        listed = self.list_of(stack)
        if listed is None or listed[0] != "minidisk" or len(listed[2]) < 2:
            return False  # not after the owner and an address of a minidisk selection
        span = self.source.span(first.start_pos, last.end(1))
        diag = messages.range_with_word(str(first.value), str(tok.value), last.group(1), span)
        self.report(diag, tok.start_pos)
        self.misplaced_at[tok.start_pos] = last.end(1)
        return True

    def retain_unit(self, ip, tok: Token) -> Token | None | bool:
        """`retain 5 weeks`, and `retain 35 days 4 weeks`: a time kept counted in
        another unit than days, or a second time after the days. One error each: the
        first reads on with `weeks` as `days`, the second skips the second time.
        False when `tok` is neither."""
        text = self.source.text
        line_start = text.rfind("\n", 0, tok.start_pos) + 1
        written = text[line_start : tok.start_pos]
        if (unit := _RETAIN_UNIT.fullmatch(str(tok.value))) is not None:
            # `weeks` where `days` must follow `retain 5`
            head = _RETAIN_HEAD.search(written)
            if head is None or head.group("days") or "DAYS" not in self.accepts(ip):
                return False
            number = head.group("number")
            span = self.source.span(line_start + head.start("number"), tok.end_pos)
            unit_name = unit.group(1).lower()
            diag = messages.retain_unit(number, str(tok.value), unit_name, self.span_of(tok), span)
            self.report(diag, tok.start_pos)
            return self.retype(tok, "DAYS")
        head = _RETAIN_HEAD.search(written)
        after = _BLANKS_THEN_NAME.match(text, tok.end_pos)
        if (
            head is None
            or not head.group("days")
            or not str(tok.value).isdigit()
            or after is None
            or not (_RETAIN_UNIT.fullmatch(after.group(1)) or after.group(1).lower() in ("day", "days"))
        ):
            return False
        # `retain 35 days 4 weeks`: a second time after the statement's days
        span = self.source.span(tok.start_pos, after.end(1))
        self.report(
            messages.retain_twice(head.group("number"), f"{tok.value} {after.group(1)}", span), tok.start_pos
        )
        self._advance(ip.lexer_thread.state, after.end(1))
        self._fed_error_token = True
        return None

    def full_stop(self, ip, tok: Token, accepted: set[str]) -> bool:
        """`retain 35 days.`: a `.` after a whole statement, at the end of its line, as a
        sentence (or a COBOL statement) ends. One error whose fix removes it."""
        if str(tok.value) != "." or not accepted & {"RBRACE", "$END"} or tok.end_pos is None:
            return False
        if not _LINE_REST.match(self.source.text + "\n", tok.end_pos):
            return False  # more on the line: not the end of a sentence
        state = ip.parser_state
        previous = last_real_token(state.value_stack)
        first = self.statement_start(state)
        if previous is None or first is None or first.start_pos is None or previous.end_line != tok.line:
            return False
        statement = " ".join(self.source.text[first.start_pos : previous.end_pos].split())
        self.report(
            messages.full_stop(statement, self.span_of(tok), self.blank_and(previous, tok)), tok.start_pos
        )
        self._fed_error_token = True  # read: a mistake after it is news
        return True

    def trailing_comma(self, ip, tok: Token) -> Diagnostic | None:
        """`run on VMSYS1 daily 02:00,`: a `,` after a whole statement, at the end of its
        line, or before its block's `}` there (`private-volume M1PRV1, }`), as if a list
        went on. One error whose fix removes it (full_stop's kin)."""
        if tok.end_pos is None:
            return None
        text = self.source.text + "\n"
        if not _LINE_REST.match(text, tok.end_pos) and not _BRACE_REST.match(text, tok.end_pos):
            return None
        state = ip.parser_state
        previous = last_real_token(state.value_stack)
        first = self.statement_start(state)
        if previous is None or first is None or first.start_pos is None or previous.end_line != tok.line:
            return None
        statement = " ".join(self.source.text[first.start_pos : previous.end_pos].split())
        return messages.trailing_comma(statement, self.span_of(tok), self.blank_and(previous, tok))

    def on_after_tape_option(self, ip, tok: Token) -> bool:
        """`tape manager shared ... request-node TRTMM on VMSYS2`: `on` and a member after
        an option of `tape manager` that names a machine only (`request-node`,
        `catalog-dmm`, `request-dmm`), on its line, as `catalog-node TCTMM on VMSYS1`
        names its member. One error whose fix removes `on MEMBER`, both skipped (was
        "expected `expire` before `on`", an expire block opened there, and the next line's
        option misplaced besides)."""
        if tok.start_pos is None or tok.end_pos is None:
            return False
        found = _TAPE_OPTION_BEFORE.search(self.line_before(tok))
        first = self.statement_start(ip.parser_state)
        if found is None or first is None or first.type != "TAPE":
            return False
        text = self.source.text
        member = _MEMBER_AFTER.match(text, tok.end_pos)
        word = member.group(1) if member is not None and member.group(1).lower() not in self.facts.keywords else None
        if word is not None and " ".join(word.lower().split()) == "each member":
            word = "each member"
        end = member.end(1) if word is not None else tok.end_pos
        start = tok.start_pos
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        self.report(
            messages.on_after_tape_option(
                found.group(1).lower(), found.group(2), word, self.source.span(tok.start_pos, end), self.source.span(start, end)
            ),
            tok.start_pos,
        )
        self._advance(ip.lexer_thread.state, end)
        self._fed_error_token = True  # read, as a whole: a mistake right after it is news
        return True

    def commas_in_list(self, ip, tok: Token) -> bool:
        """`private-volume M1PRV1, M1PRV2`, `exclude minidisk * 0190, 019D, 019E`: a `,`
        between two names of a list that blanks separate (volume labels, a selection's
        addresses or SFS paths), as `run on`'s members are separated. One error for
        the commas between the list's names on the line (the others skipped in silence,
        separators_at), whose fix removes each, and the names after them are read as
        the list's (was the generic BKR015, "commas separate the names of one list",
        and the rest of the line skipped). So too a `,` after a minidisk selection's
        owner, where its first address must come (`exclude minidisk *, 0190`: was the
        generic BKR015, whose help spoke of `on VMSYS1, VMSYS2`). Not a `,` before a
        statement's keyword (`stray_comma`'s), nor one that ends the line
        (`trailing_comma`'s)."""
        state = ip.parser_state
        listed = self.list_of(state.value_stack)
        previous = last_real_token(state.value_stack)
        if listed is None or not listed[2] or previous is None or previous.type != "NAME":
            return False
        if previous.end_line != tok.line or tok.start_pos is None:
            return False
        following = self.peek_token(ip)
        if following is None or following.type != "NAME" or following.line != tok.line:
            return False
        first = self.statement_start(state)
        if first is None or first.start_pos is None:
            return False
        text = self.source.text
        end = self._line_end(tok.start_pos)
        signs: list[int] = []
        last, pending = tok.start_pos, False
        for found in _LIST_SIGNS.finditer(text, tok.start_pos, end):
            sign = found.group()
            if sign[0] in '#}"{' or sign == "," and pending:
                break  # a comment, a text, a block's brace, or `,,` (another slip)
            if sign == ",":
                signs.append(found.start())
                pending = True
            elif sign.lower() in self.facts.keywords and sign != sign.upper():
                break  # the next statement's keyword: the list ends before it
            else:
                last, pending = found.end(), False  # a name: the list goes on
        signs = [at for at in signs if at < last]  # not a `,` that ends the line's list
        if not signs:
            return False
        self.separators_at.update(signs)
        removals = [self.sign_removal(at, at + 1, first.start_pos) for at in signs]
        line = text[first.start_pos : last]
        written = " ".join(line.replace(",", " ").split())
        if "\n" in line or "#" in line or '"' in line or len(written) > 60:
            written = None
        keyword = listed[1]
        # `exclude minidisk *, 0190`: the first `,` after the owner, where an address must
        # come (mid_statement); the owner and the addresses are separated by blanks too
        kind = "owner" if listed[0] == "minidisk" and len(listed[2]) == 1 else listed[0]
        self.report(
            messages.commas_in_list(kind, keyword, written, self.source.span(tok.start_pos, tok.start_pos + 1), removals),
            tok.start_pos,
        )
        return True

    def commas_between_values(self, ip, tok: Token) -> bool:
        """`disk BKRBKUP, 191, size 10 cyl`, `disk BKRBKUP 191, size 10 cyl`: commas
        between the values of a `disk` statement, which blanks separate, as a CSV line or
        a parameter list writes them. Where the line without its commas is the whole
        statement, one error for them all, at the first, whose help writes the line
        without them and whose fix removes each; the line is read so (was the generic
        BKR015 at each `,`, whose help spoke of `on VMSYS1, VMSYS2`)."""
        state = ip.parser_state
        first = self.statement_start(state)
        if first is None or not is_real(first) or first.line != tok.line:
            return False
        listed = self.list_of(state.value_stack)
        if first.type != "DISK" and listed is not None and listed[2]:
            return False  # `private-volume M1PRV1, M1PRV2`: a list's names (commas_in_list)
        text = self.source.text
        line = self._line_before_comment(first.start_pos)
        if "}" in line and "{" not in line:
            # a block on one line (`member VMSYS1 { workers, 4  private-volume M1PRV1 }`):
            # the statements before its `}`, this one ending where the next starts
            line = line[: line.index("}")]
        if '"' in line or "{" in line or "}" in line or "," in text[first.start_pos : tok.start_pos]:
            return False
        words = [(m.group(), first.start_pos + m.start()) for m in _WORDS.finditer(line)]
        rest = [(word, at) for word, at in words if at > tok.start_pos and word != ","]
        sim = Sim.of(ip)
        types = self.reading(sim, rest)
        whole = sim.copy()
        if types is None or "RBRACE" in types or not all(whole.feed(t) for t in types) or not whole.fits(["RBRACE"]):
            # the statement is not whole without them: another slip too, its own error
            # after this one (`size: 10 cyl`, `0191 10 cyl`); a `disk` line takes no
            # list, so its commas are said all the same, the line not written
            if first.type != "DISK" or "RBRACE" in (types or []):
                return False
            types = None
        if types is not None:
            # where the next statement on the line starts (`private-volume` after
            # `workers, 4`): the statement, and its commas, end before it
            ended = sim.copy()
            for index, ((word, at), type_) in enumerate(zip(rest, types)):
                if type_ in self.statements and ended.fits(["RBRACE"]):
                    if index == 0:
                        return False  # `{ workers 4, private-volume M1PRV1 }`: between two statements
                    line = text[first.start_pos : at].rstrip()
                    words = [(w, a) for w, a in words if a < at]
                    break
                ended.feed(type_)
        commas = [at for word, at in words if word == ","]
        self.separators_at.update(commas)
        removals = [self.sign_removal(at, at + 1, first.start_pos) for at in commas]
        written = " ".join(line.replace(",", " ").split()) if types is not None else None
        span = self.source.span(tok.start_pos, tok.start_pos + 1)
        statement = self.statement_name(state) or str(first.value).lower()  # `tape manager`
        self.report(messages.commas_between_values(statement, written, span, removals), tok.start_pos)
        if written is None:
            self._fed_error_token = True  # the other slip, at the word after it (`191, 10 cyl`), is news
        return True

    def comma_before_brace(self, ip, tok: Token) -> bool:
        """`member VMSYS1, {`, `job LNXFULL, {`: a `,` after a block's name, right before
        its `{` on the line, where the block takes no list (`expire on A, B {` does: there
        the name after the `,` is missing). One error whose help writes the opening line
        and whose fix removes the `,`; read on at the `{` (was, for `member`, "a `member`
        block declares one member", its help writing a block for each other member; for
        the others, the generic BKR015, whose help spoke of `on VMSYS1, VMSYS2`)."""
        following = self.peek_token(ip)
        first = self.statement_start(ip.parser_state)
        if (
            following is None
            or following.type != "LBRACE"
            or following.line != tok.line
            or first is None
            or first.start_pos is None
            or tok.start_pos is None
            or not Sim.of(ip).fits(["LBRACE"])
        ):
            return False
        head = " ".join(self.source.text[first.start_pos : tok.start_pos].split())
        if "," in head or "#" in head or '"' in head:
            return False
        removal = self.sign_removal(tok.start_pos, tok.start_pos + 1, first.start_pos)
        self.report(messages.comma_before_brace(head, self.span_of(tok), removal), tok.start_pos)
        return True

    def owner_comma_ends(self, ip, tok: Token) -> bool:
        """`exclude minidisk *,` last on its line (or before the block's `}`): a `,` after
        a minidisk selection's owner, where its first address must come, and none on the
        line. One error at the `,` that says the addresses are missing after it (was the
        generic BKR015, whose help spoke of `on VMSYS1, VMSYS2` and group entries); with
        an address first on the next line (the list goes on there), the `,` between the
        owner and the addresses, as commas_in_list says on one line, whose fix removes it.
        Else no fix: without the `,` the selection still has no address. Read on with an
        address assumed, so that the next line's statement is read as written."""
        state = ip.parser_state
        listed = self.list_of(state.value_stack)
        previous = last_real_token(state.value_stack)
        first = self.statement_start(state)
        if (
            listed is None
            or listed[0] != "minidisk"
            or len(listed[2]) != 1
            or previous is None
            or previous.type != "NAME"
            or previous.end_line != tok.line
            or first is None
            or first.start_pos is None
            or tok.end_pos is None
        ):
            return False
        text = self.source.text + "\n"
        if not _LINE_REST.match(text, tok.end_pos) and not _BRACE_REST.match(text, tok.end_pos):
            return False
        removal = self.sign_removal(tok.start_pos, tok.end_pos, first.start_pos)
        span = self.span_of(tok)
        following = self.peek_token(ip)
        if (
            following is not None
            and following.type == "NAME"
            and following.line > tok.line
            and _ADDRESS.fullmatch(str(following.value))
            and str(following.value)[0].isdigit()
        ):
            # `exclude minidisk *,` with `0190 019D` on the next line: the list goes on
            # (not a `*` there, which may start a CMS-style comment line)
            self.report(messages.commas_in_list("owner", listed[1], None, span, [removal]), tok.start_pos)
            return True
        statement = " ".join(self.source.text[first.start_pos : previous.end_pos].split())
        self.report(messages.owner_comma_ends(statement, str(previous.value), span), tok.start_pos)
        self.feed_types(ip, ["NAME"], tok)
        return True

    def volume_repeated(self, ip, tok: Token) -> Diagnostic | None:
        """`shared-volume VMCOM1, VMCOM1`: a `,` between a volume label and the same
        label again, last on the line. The repeat is the slip, not the `,` (which
        deleting it takes away): one BKR325, as `shared-volume VMCOM1 VMCOM1` gets
        from the check, whose fix deletes `, VMCOM1` (was BKR015 for the `,`, the
        repeat said once it was gone). Not before a size or more labels."""
        state = ip.parser_state
        previous = last_real_token(state.value_stack)
        first = self.statement_start(state)
        repeat = self.peek_token(ip)
        if (
            previous is None
            or first is None
            or repeat is None
            or str(first.value).lower() not in ("shared-volume", "private-volume")
            or previous.type != "NAME"
            or previous.end_line != tok.line
            or repeat.type != "NAME"
            or repeat.line != tok.line
            or str(repeat.value).upper() != str(previous.value).upper()
            or not messages.looks_like_volume_label(str(repeat.value))
        ):
            return None
        after = self.peek_token(ip, 2)
        if after is not None and after.line == repeat.line and after.type != "RBRACE":
            return None  # `VMCOM1, VMCOM1 3390-9`, `VMCOM1, VMCOM1 VMCOM2`: more to weigh
        return messages.volume_repeated(
            str(previous.value),
            str(repeat.value),
            self.span_of(previous),
            self.span_of(repeat),
            self.source.span(previous.end_pos, repeat.end_pos),
        )

    def stray_text(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        """A word only a module path can be (`/*`, `--`, `./x`) where none belongs."""
        text = self.source.text
        start = tok.start_pos
        line_end = self._line_end(start)
        level = _LEVEL_AS_OPTION.match(text, start)
        if level is not None and {"FULL", "INCREMENTAL"} <= accepted:
            # `backup APPS --incremental`, `-full`, `--level=full`: the level written as a
            # command's option (was BKR016 for `--`, whose fix made the level a comment, and
            # so the job a full one)
            first = self.statement_start(ip.parser_state)
            word = level.group("level").lower()
            written = None
            if first is not None and is_real(first) and first.line == tok.line:
                line = self._line_before_comment(first.start_pos).rstrip()
                at, end = start - first.start_pos, level.end() - first.start_pos
                written = " ".join((line[:at] + word + line[end:]).split())
            span = self.source.span(start, level.end())
            self.report(messages.level_as_option(level.group(), word, written, span), start)
            self._advance(ip.lexer_thread.state, level.end())
            self._fed_error_token = True
            self.feed(ip, _fake(word.upper(), tok, word))
            return None
        code_name, message, help_text = messages.advise_character(
            text[start], text[start + 1 : line_end], False
        )
        if code_name == "COMMENT_SYNTAX":
            self.report(codes.COMMENT_SYNTAX(message, self.span_of(tok), help=help_text, fix=self.comment_fix(start)), start)
            self._advance(ip.lexer_thread.state, self._skip_end(code_name, text[start], start, line_end))
            return None
        previous = last_real_token(ip.parser_state.value_stack)
        if self.range_spaced(ip, tok, previous):
            return None
        if previous is not None and previous.start_pos is not None and self.days_range_spaced(ip, tok, previous):
            return None
        if self.negative_count(ip, tok, accepted, previous):
            return None
        names = str(tok.value).split("/")[1:]
        if (
            "COMMA" in accepted
            and previous is not None
            and previous.type == "NAME"
            and previous.end_pos == start
            and names
            and all(_NAME.fullmatch(n) for n in names)
        ):
            # `weekly sat/sun 22:00`: names separated by `/`; read as the list meant.
            listed = ",".join([str(previous.value), *names])
            slashes = [start + at for at, c in enumerate(str(tok.value)) if c == "/"]
            self.report(messages.slash_list(listed, [self.source.span(at, at + 1) for at in slashes]), start)
            for name in names:
                self.feed(ip, _fake("COMMA", tok, ","))
                self.feed(ip, _fake("NAME", tok, name))
            return None
        if self.date_for_day(ip, tok, previous):
            return None
        return self.unexpected(ip, tok, accepted)

    def date_for_day(self, ip, tok: Token, previous: Token | None) -> bool:
        """`run on DEV1 monthly 31/0`, `monthly 1/15 02:00`: a date where a `monthly`
        schedule's day goes, its day read and the `/` and what follows it (`tok`) not
        (was "unexpected `/0`; expected a name", the generic help). One error
        (`messages.date_for_day`), the line read on as with the first number as the
        day; with the time written, each number that may be a day is a choice."""
        stack = ip.parser_state.value_stack
        schedule, names = self.governing_keyword(stack)
        value = str(tok.value)
        if self.time_slashed(ip, tok, previous, schedule, names):
            return True
        if (
            schedule is None
            or schedule.type != "MONTHLY"
            or len(names) != 1
            or previous is None
            or previous.type != "NAME"
            or previous.start_pos is None
            or previous.end_pos is None
            or self.source.text[previous.end_pos : tok.start_pos].strip(" \t")  # `31 /0`: a blank inside
            or tok.end_pos is None
            or re.fullmatch(r"/[0-9]{1,4}", value) is None
            or not str(previous.value).isdigit()
        ):
            return False
        text = self.source.text
        first = self.statement_start(ip.parser_state)
        lead = "" if first is None or first.start_pos is None else " ".join(text[first.start_pos : schedule.start_pos].split())
        after = re.match(r"[ \t]+([0-9]{1,2}:[0-9]{2})(?=[ \t]*(?:#|\n|$|\}))", text[tok.end_pos :])
        time = after.group(1) if after is not None else None
        written = text[previous.start_pos : tok.end_pos]
        span = self.source.span(previous.start_pos, tok.end_pos)
        self.report(messages.date_for_day(written, lead, str(schedule.value), time, span), tok.start_pos)
        if time is None and Sim.of(ip).fits(["NAME"]):
            self.feed(ip, _fake("NAME", tok))  # the time not written: said with the date
        return True

    def negative_count(self, ip, tok: Token, accepted: set[str], previous: Token | None) -> bool:
        """`retain -1 days`, `workers -1`, `size -10 cyl`, `at -5`, `logon-wait -3
        minutes`: a number with a minus sign right after a keyword that takes a number
        (messages.COUNTS), lexed as a module path, since no name starts with `-`. Report
        what the number may be, and read on with it assumed, so that the unit after it
        (`days`, `cyl`, `minutes`) is read as written. With its unit run on to it
        (`size -10cyl`, `retain -35days`: was "unexpected `-10cyl`; expected a name"),
        one error that says the unit is a word of its own too, the unit assumed with
        the number. Letters run on to the number of a keyword that takes no unit
        (`workers -4x`, `at -5cyl`: was "expected a name"), one error that says so."""
        if (
            "NAME" not in accepted
            or previous is None
            or previous.type not in self.keyword_types
            or str(previous.value).lower() not in messages.COUNTS
        ):
            return False
        keyword, word = str(previous.value), str(tok.value)
        if _NEGATIVE.fullmatch(word) is not None:
            self.report(messages.negative_count(keyword, word, self.span_of(tok)), tok.start_pos)
            self.feed(ip, _fake("NAME", tok))
            return True
        if _NEGATIVE_UNIT.fullmatch(word) is None:
            return False
        if keyword.lower() not in messages.UNIT_AFTER_COUNT:
            # `workers -4x`, `at -5cyl`: no unit follows this keyword's number; the
            # letters are read with the number, as one word
            self.report(messages.negative_count(keyword, word, self.span_of(tok)), tok.start_pos)
            self.feed(ip, _fake("NAME", tok))
            return True
        self.report(messages.negative_count(keyword, word, self.span_of(tok), unit=True), tok.start_pos)
        self.feed(ip, _fake("NAME", tok))
        self.feed_types(ip, [messages.UNIT_AFTER_COUNT[keyword.lower()]], tok)
        return True

    def unexpected(self, ip, tok: Token, accepted: set[str], message: str | None = None) -> Token | None:
        """The generic report, then finish the statement and skip to the next one."""
        message = message or f"unexpected {self.describe(tok)}; expected {self.expected_list(accepted)}"
        self.report(
            codes.SYNTAX(message, self.span_of(tok), help=self.generic_help(tok, accepted, ip)), tok.start_pos
        )
        if not accepted & {"RBRACE", "$END"}:
            self.feed_types(ip, completion(Sim.of(ip)) or [], tok)
        return self.skip_statement(ip, tok)

    # ------------------------------------------------------------ natural phrasings
    # What a newcomer writes in plain English where the language has a fixed form
    # (`on every member`, `daily at 02:00`, `to disk BKUPPOOL`): one message that
    # gives the form with the user's own values, then the statement is read as
    # meant, so nothing after it is reported as a consequence. Each handler
    # returns (handled, token to go on with).

    def line_tail(self, ip, tok: Token) -> list[Token]:
        """The real tokens of the statement under way that stand on `tok`'s line."""
        leaves: list[Token] = []
        for value in reversed(ip.parser_state.value_stack):
            if isinstance(value, Token) and value.type in ("LBRACE", "RBRACE"):
                break
            if isinstance(value, Tree) and value.data in OPENERS:
                break
            # its last real token first: a value that ends on an earlier line (a block
            # body read so far, however long) is not walked whole at each error
            last = next((t for t in tokens_backwards(value) if is_real(t)), None)
            if last is not None and last.line != tok.line:
                break
            leaves[:0] = [t for t in tokens_of(value) if is_real(t) and t.line == tok.line]
        return leaves

    def phrase_end(self, start: int, statements: bool = True) -> int:
        """Where a phrase from `start` ends: the end of its line, a brace, a comment,
        a quoted text or a word (after the first) that starts a statement."""
        text = self.source.text
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        marks, statement_words = self._phrase_stops(text.rfind("\n", 0, start) + 1, end)
        stop = bisect.bisect_left(marks, start)
        if stop < len(marks):
            end = marks[stop]
        following = bisect.bisect_right(statement_words, start) if statements else len(statement_words)
        if following < len(statement_words) and statement_words[following] < end:
            return statement_words[following]
        return end

    def _phrase_stops(self, line_start: int, line_end: int) -> tuple[list[int], list[int]]:
        """The offsets of the line's braces, `#`s and quotes, and of its words that start
        a statement: read once a line, as phrase_end is asked at each error of a long
        line (`run on VM1 VM2` then 8,000 names read the line a hundred times)."""
        found = self._stops_by_line.get(line_start)
        if found is None:
            text, keywords = self.source.text, self.facts.keywords
            marks = [m.start() for m in _PHRASE_STOP.finditer(text, line_start, line_end)]
            statement_words = [
                m.start()
                for m in _PHRASE_WORD.finditer(text, line_start, line_end)
                if keywords.get(m.group().lower()) in self.statements
            ]
            found = self._stops_by_line[line_start] = (marks, statement_words)
        return found

    def phrase(self, start: int, statements: bool = True) -> tuple[str, int]:
        """The text of a phrase starting at `start` (blanks normalised), and its end."""
        end = self.phrase_end(start, statements)
        text = self.source.text[start:end]
        return " ".join(text.split()), start + len(text.rstrip())

    def said_and_skipped(self, ip, tok: Token, diag: Diagnostic, at: int, end: int) -> None:
        """Report `diag` at `at`, finish the statement under way and read on after `end`:
        the line was read as a whole, so a mistake after it is news (`_fed_error_token`)."""
        self.report(diag, at)
        self.skip_phrase(ip, tok, end)
        self._fed_error_token = True

    def skip_phrase(self, ip, tok: Token, end: int) -> None:
        """Finish the statement under way with placeholders and read on after `end`."""
        if not self.accepts(ip) & {"RBRACE", "$END"}:
            self.feed_types(ip, completion(Sim.of(ip)) or [], tok)
        self._advance(ip.lexer_thread.state, end)

    def glued_rest(self, ip, tok: Token, accepted: set[str]) -> tuple[bool, Token | None]:
        """`backups APPS full`: the `s` the lexer left after `backup` was reported with the
        keyword (check_glued); drop it, so that `APPS` is not a name after `s`."""

        def edits(leaves, blocks):
            for k, leaf in enumerate(leaves):
                if leaf.start_pos in self.glued_names and leaf.line == tok.line:
                    yield _Edit(leaves[:k], [], leaves[k + 1 :], lambda ip: None)

        return self.reread(ip, tok, edits)

    def job_home(self, stack) -> tuple[str | None, str | None]:
        """`job_home(stack)`, noted as read (`read_whole_file`)."""
        self.read_whole_file = True
        return job_home(stack, self.source.text)

    def each_member_phrase(self, ip, tok: Token, accepted: set[str]) -> tuple[bool, Token | None]:
        """`run on every member`, `on all members`, `on each members`: `on each member`."""
        stack = ip.parser_state.value_stack
        word = str(tok.value).lower()
        if len(stack) >= 3 and [getattr(v, "type", None) for v in stack[-3:]] == ["ON", "EACH", "MEMBER"]:
            # `each members`: the lexer took `member` and left `s`.
            each, member = stack[-2], stack[-1]
            if word == "s" and tok.start_pos == member.end_pos:
                written = f"{each.value} {member.value}{tok.value}"
                span = self.source.span(each.start_pos, tok.end_pos)
                diag = messages.each_member(
                    written, self.statement_word(stack[:-3]), span, members_read(stack), *self.job_home(stack)
                )
                self.withdraw(member.start_pos)  # check_glued's `members`: this says more
                self.report(diag, tok.start_pos)
                return True, None
            return False, None
        if word == "each" and is_real(tok):
            # `run on members each daily 02:00`: `each member` the other way round, and
            # plural (was `each daily 02:00` no schedule, whose fix wrote `run on members
            # daily 02:00`, a member MEMBERS): one error whose fix writes `each member`
            def swapped(leaves, blocks):
                if len(leaves) < 2 or leaves[-2].type != "ON":
                    return
                members = leaves[-1]
                if not (
                    members.type == "NAME"
                    and is_real(members)
                    and str(members.value).lower() == "members"
                    and members.line == tok.line
                    and not self.source.text[members.end_pos : tok.start_pos].strip(" \t")
                ):
                    return
                span = self.source.span(members.start_pos, tok.end_pos)
                diag = messages.swapped_words(self.source.text[members.start_pos : tok.end_pos], "each member", span)
                yield _Edit(leaves[:-1], [self.retype(tok, "EACH")], [], lambda ip: self.report(diag, members.start_pos))

            leaves = list(tokens_of(stack[-1])) if stack else []
            if leaves and leaves[-1].type == "NAME":
                return self.reread(ip, self.retype(leaves[-1], "MEMBER"), swapped)
            return False, None
        if word not in ("member", "members"):
            return False, None
        member = self.retype(tok, "MEMBER")
        ons = [i for i, v in enumerate(stack) if isinstance(v, Token) and v.type == "ON"]
        statement = self.statement_word(stack[: ons[-1]]) if ons else None

        def edits(leaves, blocks):
            if len(leaves) < 2 or leaves[-2].type != "ON":
                return
            every = leaves[-1]
            if (
                every.type == "NAME"
                and is_real(every)
                and messages.means_every(str(every.value), str(tok.value))
                and every.line == tok.line
            ):
                written = f"{every.value} {tok.value}"
                span = self.source.span(every.start_pos, tok.end_pos)
                diag = messages.each_member(written, statement, span, members_read(stack), *self.job_home(stack))
                report = lambda ip: self.report(diag, tok.start_pos)
                if written.lower() == "each member":
                    # `run onn each member`: `each` was lexed as a name after the
                    # error before it; the words are right, and say nothing more.
                    report = lambda ip: None
                yield _Edit(leaves[:-1], [self.retype(every, "EACH")], [], report)

        return self.reread(ip, member, edits)

    def word_before_retention(self, ip, tok: Token, accepted: set[str]) -> tuple[bool, Token | None]:
        """`retain for 35 days`, `retain keep 35 days`: an English word between `retain` and
        its number. One error whose fix removes the word, and the number is read as the
        retention's (was "unexpected `35` after `for`: one word too many", whose help
        removed the number)."""
        stack = ip.parser_state.value_stack
        if tok.type != "NAME" or not is_real(tok) or not str(tok.value).isdigit() or len(stack) < 2:
            return False, None
        word, retain = stack[-1], stack[-2]
        if not (
            isinstance(word, Token)
            and word.type == "NAME"
            and is_real(word)
            and str(word.value).isalpha()
            and str(word.value).lower() not in self.facts.keywords  # `retain days 35`: swapped, its own error
            and isinstance(retain, Token)
            and retain.type == "RETAIN"
            and retain.line == word.line == tok.line
        ):
            return False, None
        weeks = _WEEKS_AFTER.match(self.source.text, tok.end_pos)
        if weeks is not None:
            # `retain for 5 weeks`: the word and the weeks in one error, whose fix writes the days
            days = int(str(tok.value)) * 7
            span = self.source.span(word.start_pos, weeks.end())
            diag = messages.word_before_retention(str(word.value), str(days), self.span_of(word), span, weeks=True)
            self.said_and_skipped(ip, tok, diag, word.start_pos, weeks.end())
            return True, None
        after = self._line_before_comment(tok.end_pos).split()
        if after[:1] and after[0].lower() not in ("days", "day", "}"):
            return False, None
        remove = self.source.span(word.start_pos, tok.start_pos)
        diag = messages.word_before_retention(str(word.value), str(tok.value), self.span_of(word), remove)
        self.report(diag, word.start_pos)
        del stack[-1]
        del ip.parser_state.state_stack[-1]
        return True, tok

    def member_word_after_on(self, ip, tok: Token, accepted: set[str]) -> tuple[bool, Token | None]:
        """`expire on member VMSYS1 {`, `catalog ... on member VMSYS1`, `catalog-node TCTMM
        on member VMSYS1`: the word `member` (or `members`) between `on` and the member's
        name, as in English. One error whose fix removes it, and the name is read after
        `on` (was a `,` missing between `member` and `VMSYS1`, whose fix named a member
        MEMBER; for the catalog, "expected a member name after `on`" and a member block
        opened). `run on member VMSYS1` is word_not_in_list's, which says it for `run`."""
        stack = ip.parser_state.value_stack
        if tok.type != "NAME" or not is_real(tok) or len(stack) < 3:
            return False, None
        word, on = stack[-1], stack[-2]
        if isinstance(word, Tree) and word.data == "name_list" and len(word.children) == 1:
            word = word.children[0]  # `expire on member`: the list of one name, reduced
        if not (
            isinstance(word, Token)
            and word.type == "NAME"
            and is_real(word)
            and str(word.value).lower() in ("member", "members")
            and isinstance(on, Token)
            and on.type == "ON"
            and on.line == word.line == tok.line
        ):
            return False, None
        keyword = next(
            (v for v in reversed(stack[:-2]) if isinstance(v, Token) and v.type in self.keyword_types), None
        )
        statement = str(keyword.value).lower() if keyword is not None else None
        if statement not in ("expire", "catalog", "catalog-node"):
            return False, None
        remove = self.source.span(word.start_pos, tok.start_pos)
        members = str(tok.value)
        if statement == "expire":
            # `expire on member VMSYS1, VMSYS2 {`: the help writes the list as written
            line = self.source.text[tok.start_pos : self._line_end(tok.start_pos)]
            listed = _MEMBERS_BEFORE_BRACE.match(line)
            members = " ".join(listed.group(1).split()) if listed else members
        diag = messages.member_word_after_on(str(word.value), members, statement, self.span_of(word), remove)
        self.report(diag, word.start_pos)
        del stack[-1]
        del ip.parser_state.state_stack[-1]
        return True, tok

    @staticmethod
    def statement_word(stack) -> str | None:
        """`run` or `expire`: the keyword on top of `stack`, lower case."""
        top = top_token(stack, real=False)
        return top.type.lower() if top is not None else None

    def expiry_member(self, ip, tok: Token, accepted: set[str]) -> tuple[bool, Token | None]:
        """`expire on DEV1 { preview on DEV2 daily 05:00 }`: a member given to `preview`
        or `purge`, which run on the expire block's member. One error that says so
        (the schedule is read on); a fix only when the member is the block's own."""
        stack = ip.parser_state.value_stack
        statement = self.statement_word(stack)
        if statement not in ("preview", "purge") or str(tok.value).lower() != "on":
            return False, None
        if not SCHEDULE_KEYWORDS <= accepted:
            return False, None
        text = self.source.text
        line_end = self._line_end(tok.end_pos)
        found = _EXPIRY_MEMBERS.match(text, tok.end_pos, line_end)
        alone = None
        if found is None or found.group("next").upper() not in SCHEDULE_KEYWORDS:
            # `purge on VMSYS1` and nothing more on its line: no schedule at all
            alone = _EXPIRY_MEMBERS_ALONE.match(text, tok.end_pos)
            if alone is None:
                return False, None
        expire = next((v for v in reversed(stack) if isinstance(v, Token) and v.type == "EXPIRE"), None)
        blocks = open_blocks(stack)
        if expire is None or not blocks or blocks[-1].kind != "expire" or blocks[-1].placeholder:
            return False, None
        home = self.expiry_home(stack, expire)
        if home is None:
            home = " ".join(text[expire.end_pos : blocks[-1].brace.start_pos].split())
        home = home[3:] if home.lower().startswith("on ") else home
        if alone is not None:
            written = " ".join(alone.group("members").split())
            span = self.source.span(tok.start_pos, alone.end("members"))
            self.report(messages.expiry_member_alone(statement, written, home, span), tok.start_pos)
            self._advance(ip.lexer_thread.state, alone.end("members"))
            self.feed_types(ip, completion(Sim.of(ip)) or [], tok)
            self._fed_error_token = True
            return True, None
        written = " ".join(found.group("members").split())
        schedule, _ = self.phrase(found.end())
        span = self.source.span(tok.start_pos, found.start("members") + len(found.group("members")))
        removal = self.source.span(tok.start_pos, found.end())
        diag = messages.expiry_member(statement, written, home, schedule, span, removal)
        self.report(diag, tok.start_pos)
        self._advance(ip.lexer_thread.state, found.end())
        self._fed_error_token = True
        return True, None

    @staticmethod
    def expiry_home(stack, expire: Token) -> str | None:
        """The words the parse read between `expire` and its block's `{` (`on VMSYS1`,
        `on ZVMA, ZVMB`, `on each member`), one blank apart, a `,` after its name: not a
        character skipped there (`expire on VMSYS1 : {`, BKR014, is `on VMSYS1`); None
        where a word of them is none of the user's."""
        at = next((i for i in range(len(stack) - 1, -1, -1) if stack[i] is expire), None)
        if at is None:
            return None
        words: list[Token] = []
        for value in stack[at + 1 :]:
            found = list(tokens_of(value))
            if any(t.type == "LBRACE" for t in found):
                break
            words += found
        else:
            return None
        if not words or not all(is_real(t) for t in words):
            return None
        text = ""
        for tok in words:
            text += str(tok.value) if tok.type == "COMMA" or not text else f" {tok.value}"
        return text

    def role_twice(self, ip, tok: Token, accepted: set[str]) -> tuple[bool, Token | None]:
        """`identity user SITEADM role admin role admin`: a second `role` in one user
        statement (it takes one). One error naming it ("`role` cannot appear here" was
        said, with the file's layout), and the statement read on without the second."""
        if tok.type != "ROLE" or tok.start_pos is None:
            return False, None
        tail = self.line_tail(ip, tok)
        roles = [i for i, t in enumerate(tail) if t.type == "ROLE"]
        kinds = [t for t in tail if t.type in ("SINGLE", "IDENTITY")]
        if not roles or not kinds or roles[-1] + 1 >= len(tail) or tail[roles[-1] + 1].type != "NAME":
            return False, None
        following = self.peek_token(ip)
        if following is None or following.type != "NAME" or following.line != tok.line:
            return False, None
        first, value = tail[roles[-1]], tail[roles[-1] + 1]
        span = self.source.span(tok.start_pos, following.end_pos)
        remove = self.source.span(value.end_pos, following.end_pos)
        diag = messages.role_twice(
            f"{str(kinds[0].value).lower()} user",
            str(value.value),
            str(following.value),
            span,
            self.source.span(first.start_pos, value.end_pos),
            remove,
        )
        self.report(diag, tok.start_pos)
        self._advance(ip.lexer_thread.state, following.end_pos)
        self._fed_error_token = True
        return True, None

    def schedule_phrase(self, ip, tok: Token, accepted: set[str]) -> tuple[bool, Token | None]:
        """`every day at 02:00`, `at 02:00`, `daily at 02:00`, `weekly on sun 02:00`: a
        schedule written in English. Its message gives the .bkr schedule it means."""
        if tok.start_pos is None or tok.type == "$END":
            return False, None
        tail = self.line_tail(ip, tok)
        if not tail:
            return False, None
        if tail[0].type == "RUN" and self.placement_again(ip, tok):
            return True, None  # `run on VMSYS1 daily 02:00 on each member`: where it runs said again
        word = str(tok.value).lower()
        if word == "*" and self.star_comment_after(ip, tok):
            return False, None  # `preview daily 05:00 * every day`: a comment, `*` for `#` (stray_name)
        if SCHEDULE_KEYWORDS <= accepted and self.days_alone(ip, tok):
            return True, self.retype(tok, "MANUAL")  # `run on VMSYS1 mon-fri`, read as `manual`
        if SCHEDULE_KEYWORDS <= accepted and self.days_range_spaced(ip, tok, None):
            return True, self.retype(tok, "MANUAL")  # `run on VMSYS1 mon - fri 22:00`, read as `manual`
        if SCHEDULE_KEYWORDS <= accepted:
            # The schedule starts here: `run on VMSYS1 every day at 02:00`.
            if tail[-1].type == "NAME" and str(tail[-1].value).lower() in self.facts.keywords:
                return False, None  # `on VMSYS1, daily 02:00`: a keyword read as a member
            start, starts_right = tok.start_pos, False
            first_ok = (
                word in messages.SCHEDULE_STARTERS
                or messages.looks_like_time(word)
                or messages.phrase_time(word) is not None
                or bool(messages.phrase_day(word))
            )
            counted = word.isdigit() or word in messages.TIMES_COUNTS  # `4 times a day`
            if not (first_ok or counted):
                return False, None  # before reading the phrase: it may be a long line's rest
            text, end = self.phrase(start)
            if not messages.looks_like_schedule(text):
                return False, None
            if not first_ok and not (messages.more_than_daily_written(text) or "").startswith(text.split()[0]):
                return False, None  # `run on VMSYS1 4 VMSYS2`: a member of the list, its `,` missing
            # `run on VMSYS2weekly sat 22:00`: the frequency may be there, glued to the
            # member; writing one more would leave the name wrong (no fix, then).
            before = str(tail[-1].value).lower() if tail[-1].type == "NAME" else ""
            glued = any(before.endswith(f) and before != f for f in ("daily", "weekly", "monthly"))
        else:
            # Inside a schedule: `daily at 02:00` (the `at` read as the time).
            keywords = [t for t in tail if t.type in SCHEDULE_KEYWORDS]
            if not keywords:
                return False, None
            start, starts_right = keywords[-1].start_pos, True
            text, end = self.phrase(start)
            if tok.start_pos >= end or not messages.joined_schedule(text.split()[1:]):
                return False, None
            if self.said_respelt(start, end):
                # `dialy at 02:00`: said whole in the keyword's error, whose fix writes
                # `daily 02:00` (schedule_respelt; was a second error here)
                self.skip_phrase(ip, tok, end)
                return True, None
            glued = False
        self.report(
            messages.schedule_phrase(
                text, starts_right, self.source.span(start, end), certain=not glued, statement=self.schedule_of(tail)
            ),
            tok.start_pos,
        )
        self.skip_phrase(ip, tok, end)
        return True, None

    def sfs_for_pool(self, ip, tok: Token, accepted: set[str]) -> tuple[bool, Token | None]:
        """`catalog shared sfs BKRPOOL server BKRSVSFS`: the catalog's file pool named
        by the kind of storage it is, where the statement takes it after `pool`. One
        error whose fix writes `pool`; the name after it is read as the pool."""
        if tok.type != "SFS" or "POOL" not in accepted or not Sim.of(ip).fits(["POOL", "NAME"]):
            return False, None
        if not any(t.type == "CATALOG" for t in self.line_tail(ip, tok)):
            return False, None  # `to disk sfs BKUPPOOL`: a backup pool, not a file pool
        following = self.peek_token(ip)
        if following is None or following.type != "NAME" or following.line != tok.line:
            return False, None
        words = [str(t.value).lower() for t in self.line_tail(ip, tok)]
        words += self._line_before_comment(following.end_pos).lower().split()
        if "pool" in words and "server" not in words and Sim.of(ip).fits(["SERVER", "NAME"]):
            # `catalog shared sfs BKRSVSFS pool BKRPOOL`: the line names its pool already, so
            # the name after `sfs` is the server's (the fix wrote a second `pool`, BKR115)
            diag = messages.sfs_for_server(str(tok.value), str(following.value), self.span_of(tok))
            self.report(diag, tok.start_pos)
            return True, self.retype(tok, "SERVER")
        diag = messages.sfs_for_pool(str(tok.value), str(following.value), self.span_of(tok))
        self.report(diag, tok.start_pos)
        return True, self.retype(tok, "POOL")

    def tape_setting_on_to(self, ip, tok: Token, medium: str, pool: str | None) -> bool:
        """`to tape density 6250`, `to tape label SL`, `to disk pool P density 6250`: a
        tape's own setting on the `to` line, as JCL writes it (messages.tape_setting_on_to),
        the setting and the words after it on the line skipped. False where the setting
        is last on its line (`to tape label`: a pool's name, `pool` left out)."""
        text = self.source.text
        start = tok.start_pos
        written = self._line_before_comment(start).rstrip()  # `label BKP#01`: a `#` in a word
        if len(written.split()) < 2:
            return False
        end = start + len(written)
        blanks = len(text[:start]) - len(text[:start].rstrip(" \t"))
        remove = self.source.span(start - blanks, end)  # the blanks before it too: `to tape`
        diag = messages.tape_setting_on_to(str(tok.value), written, medium, pool, self.span_of(tok), remove)
        self.said_and_skipped(ip, tok, diag, tok.start_pos, end)
        return True

    def device_type_in_tape(self, ip, tok: Token) -> bool:
        """`tape 3590` in the cluster block: a tape device type right after `tape`, as a
        site names its drives (messages.device_type_in_tape). Before `manager` (`tape 3590
        manager shared ...`), the fix removes it and the token is dropped; alone on its
        line, the help writes the statement's two forms, without a fix (the scope and the
        nodes are the site's), and the line is read no further. Was "unexpected `3590`;
        expected `manager`", its help "see docs/language.md", or a word too many."""
        leaves = self.line_tail(ip, tok)
        if [t.type for t in leaves] != ["TAPE"] or tok.end_pos is None:
            return False
        word = str(tok.value)
        rest = self._line_before_comment(tok.end_pos)
        if re.match(r"[ \t]+[Mm][Aa][Nn][Aa][Gg][Ee][Rr](?=[ \t]|$)", rest):
            statement = f"tape {' '.join(rest.split())}"
            fix = messages.remove_fix(f"`{word}`", self.blank_and(leaves[0], tok))
            self.report(messages.device_type_in_tape(word, statement, self.span_of(tok), fix), tok.start_pos)
            return True
        if rest.strip():
            return False
        diag = messages.device_type_in_tape(word, None, self.span_of(tok), None)
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.end_pos)
        return True

    def device_type_in_disk(self, ip, tok: Token) -> Token | None | bool:
        """`disk BKRBKUP 191 3390 size 10 cyl`: a DASD device type right after a disk's
        address, as CP's MDISK statement has one (messages.device_type_in_disk), where
        the rest of its line reads as the size: `size N UNIT` (the fix removes the type,
        and the token is dropped), `N UNIT` (the fix writes `size` for it, and it is read
        as `size`) or `N` alone, MDISK's order without a unit (`3390 10`: the fix writes
        `size 10 cyl`, `blk` for an FBA type, and the line is read no further). Was a
        word too many, no fix, or "expected `size` after `191`, found `3390`". False
        where it is not so (read as before)."""
        leaves = self.line_tail(ip, tok)
        if [t.type for t in leaves] != ["DISK", "NAME", "NAME"] or tok.start_pos is None:
            return False
        word = str(tok.value)
        rest = self._line_before_comment(tok.end_pos)
        text = self.source.text
        head = " ".join(text[leaves[0].start_pos : leaves[-1].end_pos].split())
        sized = _SIZE_AFTER_TYPE.fullmatch(rest.rstrip())
        if sized is not None and sized.group("size"):
            remove = self.blank_and(leaves[-1], tok)
            statement = f"{head} {' '.join(rest.split())}"
            fix = messages.remove_fix(f"`{word}`", remove)
            if (byte := _SIZE_IN_BYTES.match(rest)) is not None and byte.group("unit").upper() in BYTE_UNITS:
                # `3390 size 10 MB`: the type says the unit, so the size is written in it (BKR317's sum)
                kind = "BLK" if messages.FBA_DEVICE_TYPE.fullmatch(word) else "CYL"
                meant = f"{size_in(int(byte.group('count')), byte.group('unit'), kind)} {kind.lower()}"
                statement = f"{head} {rest[: byte.start('count')].split()[0]} {meant} {rest[byte.end():]}".rstrip()
                statement = " ".join(statement.split())
                written = self.source.span(tok.end_pos + byte.start("count"), tok.end_pos + byte.end("unit"))
                fix = Fix(f"Write `size {meant}`", (*fix.edits, Edit(written, meant)))
            self.report(messages.device_type_in_disk(word, statement, self.span_of(tok), fix), tok.start_pos)
            return None
        if sized is not None and sized.group("unit"):
            statement = f"{head} size {' '.join(rest.split())}"
            diag = messages.device_type_in_disk(word, statement, self.span_of(tok),
                                                messages.write_fix("size", self.span_of(tok)))
            self.report(diag, tok.start_pos)
            return self.retype(tok, "SIZE")
        if sized is not None:
            unit = "blk" if messages.FBA_DEVICE_TYPE.fullmatch(word) else "cyl"
            meant = f"size {sized.group('count')} {unit}"
            end = tok.end_pos + sized.end("count")
            span = self.source.span(tok.start_pos, end)
            diag = messages.device_type_in_disk(word, f"{head} {meant}", self.span_of(tok),
                                                messages.write_fix(meant, span))
            self.said_and_skipped(ip, tok, diag, tok.start_pos, end)
            return None
        return False

    def mdisk_in_disk(self, ip, tok: Token) -> bool:
        """`disk BKRBKUP MDISK 0191 3390 AUTOV 10 M1PRV1 MR`: CP's MDISK statement
        written after a `disk` statement's user, as the directory entry has it (stop
        83): one error at the MDISK statement, whose fix writes the `disk` statement
        it says (messages.mdisk_in_disk), and the line is read no further. Was
        "expected `size` after `MDISK`, found `0191`", then the MDISK's start and
        volume as a start without its volume and a statement of their own. False
        where the rest of the line is no MDISK statement."""
        leaves = self.line_tail(ip, tok)
        if [t.type for t in leaves] != ["DISK", "NAME", "NAME"] or str(leaves[-1].value).upper() != "MDISK":
            return False
        rest = self._line_before_comment(leaves[-1].start_pos).rstrip()
        match = messages.mdisk_whole(rest)
        if match is None:
            return False
        mdisk = leaves[-1]
        whole = self.source.span(mdisk.start_pos, mdisk.start_pos + len(rest))
        statement = self.source.span(leaves[0].start_pos, mdisk.start_pos + len(rest))
        diag = messages.mdisk_in_disk(str(leaves[1].value), match, rest, whole, statement)
        self.said_and_skipped(ip, tok, diag, mdisk.start_pos, mdisk.start_pos + len(rest))
        return True

    def tape_device_type(self, ip, tok: Token, medium: str) -> bool:
        """`to tape 3590`: a tape device type last on the `to tape` line, where a pool's
        name, `pool` left out, would be read (messages.tape_device_type): one error whose
        fix removes the number, which is skipped (the job reads `to tape`). So before the
        line's pool (`to tape 3590 pool X`), its help writing `to tape pool X` (was
        "the pool's name follows the word `pool`", its fix `to tape pool 3590 pool X`,
        then "`pool` starts no statement"); the job reads `to tape pool X`. On a `to
        disk` line, a disk device type (`to disk 3390`, `to disk 3390 pool X`:
        messages.disk_device_type), its fix removing it too, and a tape device type
        (`to disk 3590`: messages.tape_type_on_disk), `to tape` likely meant, no fix;
        the help offers the one disk pool the file's other `to disk` lines name; on a `to
        tape` line, a disk device type (`to tape 3390`: messages.disk_type_on_tape), `to
        disk` likely meant, no fix."""
        word = str(tok.value)
        if not (messages.DISK_DEVICE_TYPE.fullmatch(word) or messages.TAPE_DEVICE_TYPE.fullmatch(word)):
            return False
        rest = self._line_before_comment(tok.start_pos).rstrip()
        pool = _POOL_AFTER_DEVICE.fullmatch(rest, len(word))
        if rest != word and pool is None:
            return False
        text = self.source.text
        start = tok.start_pos
        blanks = len(text[:start]) - len(text[:start].rstrip(" \t"))
        remove = self.source.span(start - blanks, tok.end_pos)
        named = None if pool is None else pool.group(1)
        pools = {found.group(1) for found in _DISK_POOL.finditer(text)}
        known = pools.pop() if len(pools) == 1 else None
        if medium == "tape":
            if messages.TAPE_DEVICE_TYPE.fullmatch(word):
                diag = messages.tape_device_type(word, self.span_of(tok), remove, named)
            else:
                diag = messages.disk_type_on_tape(word, self.span_of(tok), named, known)
        else:
            if messages.DISK_DEVICE_TYPE.fullmatch(word):
                diag = messages.disk_device_type(word, self.span_of(tok), remove, named, known)
            else:
                diag = messages.tape_type_on_disk(word, self.span_of(tok), named, known)
        self.said_and_skipped(ip, tok, diag, start, tok.end_pos)
        return True

    def retention_on_to(self, ip, tok: Token) -> bool:
        """`to disk pool P for 30 days`, `to tape keep 30 days`: a retention after a job's
        whole `to` statement, on its line to its end, a comment or a `}`, words in
        letters that are no keyword (`for`, `keep`, `retention`) before its number
        (messages.retention_on_to, no fix), the line read no further. Was
        the generic BKR012 after a pool; without one, `for` read as the pool's name,
        `pool` left out, then a word too many for each word after it. `retain 30 days`
        there is the expire block's statement misplaced (BKR013). A number and its unit
        alone (`to disk pool P 30 days`, `to tape 30 days`) are the same retention, its one
        error a BKR004, as after a `run` line's time (was a word too many at `30` and at
        `days`; without a pool, `30` read as its name, `pool` left out)."""
        if tok.type != "NAME" or tok.start_pos is None:
            return False
        tail = self.line_tail(ip, tok)
        types = [t.type for t in tail]
        if types[:2] not in (["TO", "DISK"], ["TO", "TAPE"]) or types[2:] not in ([], ["POOL", "NAME"]):
            return False
        text = self.source.text
        found = _RETENTION_REST.match(text, tok.start_pos)
        if found is None:
            return False
        words, number, unit = found.groups()
        if any(w.lower() in self.facts.keywords for w in words.split()):
            return False
        days = int(number) * (7 if unit.lower().startswith("week") else 1)
        end = found.end()
        written = " ".join(text[tok.start_pos : end].split())
        statement = " ".join(text[tail[0].start_pos : tail[-1].end_pos].split())
        span = self.source.span(tok.start_pos, end)
        self.said_and_skipped(
            ip,
            tok,
            messages.retention_on_to(str(tok.value), written, days, statement, span),
            tok.start_pos,
            end,
        )
        return True

    def destination_phrase(self, ip, tok: Token, accepted: set[str]) -> tuple[bool, Token | None]:
        """`to disk BKUPPOOL`, `to pool BKUPPOOL`, `to dasd pool BKUPPOOL`, `target disk`."""
        tail = self.line_tail(ip, tok)
        last = tail[-1] if tail else None
        word = str(tok.value).lower()
        sim = Sim.of(ip)
        if last is not None and last.type in ("DISK", "TAPE") and len(tail) >= 2 and tail[-2].type == "TO":
            if self.retention_on_to(ip, tok):  # `to tape for 30 days`: not a pool `for`
                return True, None
            if tok.start_pos in self.glued_names and tok.start_pos == last.end_pos:
                # `to tapes`, `to disks pool P`: the `s` the lexer cut from the medium's word,
                # reported with it (check_glued), is no pool's name (was a second error,
                # "the pool's name follows the word `pool`", whose fix wrote `to tapepool s`)
                return True, None
            on_to = str(last.type).lower()  # `to disk density 6250` too: a disk pool takes none
            if word in messages.TAPE_SETTINGS and self.tape_setting_on_to(ip, tok, on_to, None):
                return True, None
            if tok.type == "NAME" and sim.fits(["POOL", "NAME"]) and self.tape_device_type(ip, tok, on_to):
                return True, None
            following = self.peek_token(ip)
            if (
                tok.type == "NAME"
                and messages.synonyms_among(word, ["pool"])
                and following is not None
                and following.type == "NAME"
                and following.line == tok.line
                and sim.fits(["POOL", "NAME"])
            ):
                # `to disk filepool BKUPPOOL`: CMS's word for `pool` (was "the pool's name
                # follows the word `pool`", the pool `filepool`, and a word too many)
                diag = messages.synonym_option(str(tok.value), "pool", str(following.value), self.span_of(tok))
                self.report(diag, tok.start_pos)
                return True, self.retype(tok, "POOL")
            if tok.type == "NAME" and sim.fits(["POOL", "NAME"]):
                medium = str(last.value).lower()
                through = None
                rest = _LAST_WORDS.match(self.source.text, tok.end_pos, self._line_end(tok.end_pos))
                if rest is not None and all(self._stray(w) for w in rest.group(1).split()):
                    # `to disk BKUPPOOL now`: the fix leaves `now` out (its own error)
                    through = self.source.span(tok.start_pos, rest.end(1))
                diag = messages.pool_without_keyword(medium, str(tok.value), self.span_of(tok), through)
                self.report(diag, tok.start_pos)
                self.feed_types(ip, ["POOL"], tok)
                return True, tok
            return False, None
        if last is not None and last.type == "TO":
            if tok.type == "NAME" and messages.did_you_mean(word, ["disk", "tape"]):
                return False, None  # `to dsk`: a misspelt keyword, said as such
            following = self.peek_token(ip)
            pool = str(following.value) if following is not None and following.type == "NAME" else None
            if word in messages.DISK_WORDS or word in messages.TAPE_WORDS:
                medium = "disk" if word in messages.DISK_WORDS else "tape"
                if following is not None and following.type == "POOL":
                    after = self.peek_token(ip, 2)
                    pool = str(after.value) if after is not None and after.type == "NAME" else None
                diag = messages.unknown_medium(self.describe(tok), medium, pool, self.span_of(tok))
                self.report(diag, tok.start_pos)
                return True, self.retype(tok, medium.upper())
            if tok.type in ("POOL", "NAME") and len(tail) == 1 and self.first_on_line(last.start_pos):
                # `to pool BKUPPOOL disk`, `to BKUPPOOL pool disk`: the medium on the line,
                # after the pool (and words too many after it, `disk now now`: their own
                # error); the state before `to`, shifted alone, is one state down
                before = sim.copy()
                before.stack.pop()
                meant = self.reordered(before, last.start_pos, trailing=True)
                if meant is not None:
                    self.said_and_skipped(
                        ip,
                        tok,
                        messages.pool_without_medium(pool, self.span_of(tok), meant),
                        tok.start_pos,
                        self.words_after_order(meant),
                    )
                    return True, None
            if tok.type == "POOL" and sim.fits(["DISK", "POOL"]):
                self.report(messages.pool_without_medium(pool, self.span_of(tok)), tok.start_pos)
                self.feed_types(ip, ["DISK"], tok)
                return True, tok
            if tok.type == "NAME" and tok.line == last.line and sim.fits(["DISK", "POOL", "NAME"]):
                self.report(messages.medium_missing(self.describe(tok), self.span_of(tok)), tok.start_pos)
                self.feed_types(ip, ["DISK", "POOL"], tok)
                return True, tok
            return False, None
        if tok.type in ("DISK", "TAPE", "POOL"):
            # `target disk pool X` after `include minidisk * 0191`: `target` was read as
            # one more address, and `disk` does not fit.
            def edits(leaves, blocks):
                target = leaves[-1] if leaves else None
                if (
                    target is not None
                    and target.type == "NAME"
                    and str(target.value).lower() in messages.DESTINATION_WORDS
                    and target.line == tok.line
                    and self.first_on_line(target.start_pos)
                ):
                    rest, _ = self.phrase(tok.start_pos)
                    diag = messages.destination_keyword(self.describe(target), rest, self.span_of(target))
                    yield _Edit(
                        leaves[:-1],
                        [],
                        [self.retype(target, "TO")],
                        lambda ip: self.report(diag, target.start_pos),
                    )

            return self.reread(ip, tok, edits)
        if tok.type == "NAME" and word in messages.DESTINATION_WORDS and "TO" in accepted:
            following = self.peek_token(ip)
            if following is not None and following.type in ("DISK", "TAPE", "POOL"):
                rest, _ = self.phrase(following.start_pos)
                diag = messages.destination_keyword(self.describe(tok), rest, self.span_of(tok))
                self.report(diag, tok.start_pos)
                return True, self.retype(tok, "TO")
        return False, None

    def unquoted_description(self, ip, tok: Token, accepted: set[str]) -> tuple[bool, Token | None]:
        """`description Nightly full backup`: the text without its quotes, read as one text.
        A `,` between the keyword and its quoted text (`description, "Nightly"`), as a
        parameter list writes it, is the `,` of commas_between_values: one error whose
        fix removes it, the text read on (was BKR010 "found `,` without quotes", its help
        writing `description ","`)."""
        last = top_token(ip.parser_state.value_stack, "DESCRIPTION", real=False)
        if (
            tok.type == "COMMA"
            and "STRING" in accepted
            and last is not None
            and last.end_line == tok.line
            and tok.start_pos is not None
            and (
                (closed := _CLOSED_TEXT.match(self.source.text, tok.end_pos)) is not None
                or (opened := _OPEN_TEXT.match(self.source.text, tok.end_pos)) is not None
            )
        ):
            # a text not closed on its line (`description, "Nightly`) is BKR007's too, read
            # after this error: the help writes the line with both mended, as each error's
            # own does (was "found `,` without quotes", its help writing `description ","`)
            self.separators_at.add(tok.start_pos)
            removal = self.sign_removal(tok.start_pos, tok.end_pos, last.end_pos)
            written = f"description {closed.group(1)}" if closed is not None else f'description {opened.group(1)}"'
            span = self.source.span(tok.start_pos, tok.end_pos)
            self.report(
                messages.commas_between_values("description", written if len(written) <= 60 else None, span, [removal]),
                tok.start_pos,
            )
            if closed is None:
                self._fed_error_token = True  # the text's own error, next, is news
            return True, None
        if not (
            tok.type != "STRING"
            and "STRING" in accepted
            and last is not None
            and last.line == tok.line
            and tok.type not in ("LBRACE", "RBRACE")
        ):
            return False, None
        if last.start_pos in self.respelt and self.starts_next_statement(ip, tok):
            # `desc private-volume P`: the keyword half typed, its text never begun,
            # then the next statement; the respelling says the text is missing
            # (unfinished_respelt), not that `private-volume P` lacks quotes.
            return False, None
        words, end = self.phrase(tok.start_pos, statements=False)
        if not words:
            return False, None
        quote_follows = self.source.text[self.phrase_end(tok.start_pos, statements=False) : ][:1] == '"'
        if quote_follows and str(tok.value).lower() == "description" and tok.end_pos == end:
            # `description description "..."`: the keyword twice; the text is there.
            remove = self.blank_and(last, tok) if last.end_line == tok.line else None
            self.report(messages.written_twice(str(tok.value), self.span_of(tok), remove), tok.start_pos)
            return True, None
        raw = self.source.text[tok.start_pos : end]
        self.report(
            messages.unquoted_description(
                words, self.source.span(tok.start_pos, end), raw, certain=not quote_follows
            ),
            tok.start_pos,
        )
        self.feed(ip, _fake("STRING", tok, '""'))
        self._advance(ip.lexer_thread.state, end)
        return True, None

    def starts_next_statement(self, ip, tok: Token) -> bool:
        """Whether `tok` is a statement keyword that fits once the statement under way
        has its last values (fits_once_finished)."""
        keyword = str(tok.value).lower()
        return (
            tok.type in self.statements
            and keyword in self.facts.keywords
            and self.fits_once_finished(Sim.of(ip), keyword)
        )

    def _statement_text(self, start: int, end: int) -> str:
        """The source from `start` to `end`, its blanks one each, with the values read
        without their quotes written so (`retain "35 days" now`: `retain 35 days`)."""
        text = self.source.text[start:end]
        for at, (stop, bare) in sorted(self.unquoted.items(), reverse=True):
            if start <= at and stop <= end:
                text = text[: at - start] + bare + text[stop - start :]
        return " ".join(text.split())

    def quoted_values(self, ip, tok: Token) -> Token | None:
        """`retain "35 days"`: a statement's values, more than one, in quotes, which read
        as the statement with the quotes removed (the words fit where they stand, and
        what follows fits after them). One error whose help writes the line and whose
        fix removes the quotes (was "names are written without quotes", without a fix,
        and "expected `days` after `35 days`"); the words are fed, the last returned."""
        bare = str(tok.value)[1:-1]
        words = bare.split()
        if len(words) < 2 or any(c in bare for c in "\"'\\#{},="):
            return None
        state, types = Sim.of(ip).copy(), []
        for word in words:
            keyword = self.facts.keywords.get(word.lower())
            if keyword is not None and state.feed(keyword):
                types.append(keyword)
            elif state.feed("NAME"):
                types.append("NAME")
            else:
                return None
        following = self.peek(ip)
        # `retain "35 days" now`, `retain "35 days" now please`: words after them on
        # the line, the first fitting nowhere, are an error of their own ("one word too
        # many", "2 words too many"), and this help writes the line without them, as
        # that one's does.
        extra = following is not None and not state.fits([following])
        if extra:
            after = self.peek_token(ip)
            if after is None or after.line != tok.line:
                return None
        first = self.statement_start(ip.parser_state)
        line = None
        if first is not None and is_real(first) and first.line == tok.line:
            written = self._line_before_comment(first.start_pos).rstrip()
            at, end = tok.start_pos - first.start_pos, tok.end_pos - first.start_pos
            line = " ".join((written[:at] + " ".join(words) + ("" if extra else written[end:])).split())
        span = self.span_of(tok)
        self.report(messages.quoted_values(str(tok.value), " ".join(words), line, span), tok.start_pos)
        self.unquoted[tok.start_pos] = (tok.end_pos, " ".join(words))
        for type_, word in zip(types[:-1], words[:-1]):
            self.feed(ip, _fake(type_, tok, word))
        return _fake(types[-1], tok, words[-1])

    # ------------------------------------------------------------ mid-statement
    def mid_statement(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        """`tok` comes while a statement still needs something."""
        if tok.type == "COMMA":
            days = self.monthly_days(ip, tok)
            if days is not None:
                # `monthly 1,15 02:00`: read on at the time, as `monthly 1 02:00`; with
                # none (`monthly 1,15`), as if it were there: one error for the days
                self.report(days[0], tok.start_pos)
                previous = last_real_token(ip.parser_state.value_stack)
                self._advance(ip.lexer_thread.state, days[1])
                if previous is not None and str(previous.value).lower() in _ORDINAL_WORDS:
                    # `monthly first,third sun 03:00`: the weekday after `first`, read (was
                    # BKR010 "`monthly first` needs a day of the week" at the time)
                    self.feed(ip, self.token_at("NAME", days[1], days[1]))
                if not messages.looks_like_time(self.source.text[days[1] : days[1] + 5]):
                    self.feed(ip, self.token_at("NAME", days[1], days[1]))
                return None
            comma = self.monthly_comma(ip, tok) or self.schedule_comma(ip, tok)
            if comma is not None:
                # `monthly 1,, 02:00`: read on after the commas, as without them; what the
                # schedule lacks (`monthly , 02:00`: the day) in placeholders: one error
                diag, end, missing = comma
                self.report(diag, tok.start_pos)
                self._advance(ip.lexer_thread.state, end)
                self.feed_types(ip, ["NAME"] * missing, tok)
                return None
            if self.commas_between_values(ip, tok):
                return None  # `disk BKRBKUP, 191, size 10 cyl`: read on as without them
            if self.commas_in_list(ip, tok):
                return None  # `exclude minidisk *, 0190`: after the owner, read on as the list's
            if self.owner_comma_ends(ip, tok):
                return None  # `exclude minidisk *,` last on its line: the addresses missing
            if self.comma_before_brace(ip, tok):
                return None  # `member VMSYS1, {`: read on at the `{`
            self.report(messages.stray_comma(self.span_of(tok), self.line_before(tok)), tok.start_pos)
            return None
        if tok.type == "STRING" and "NAME" in accepted:
            words = self.quoted_values(ip, tok)
            if words is not None:
                return words  # `retain "35 days"`: read as `retain 35 days`
            previous = last_real_token(ip.parser_state.value_stack)
            if previous is None or previous.start_pos not in self.written_in_open:
                # (`member M`, then `job suffix "C"`: the BKR011 wrote `job-suffix C`)
                bare = str(tok.value)[1:-1]
                reads = bool(_NAME.fullmatch(bare)) and bare.lower() not in self.facts.keywords
                self.report(messages.quoted_name(str(tok.value), self.span_of(tok), reads), tok.start_pos)
            return _fake("NAME", tok, str(tok.value)[1:-1] or "")
        if tok.type == "STRING" and "IMPORT_PATH" in accepted and re.fullmatch(r'"[^\s"\\]+"', str(tok.value)):
            # `import "std/zvm73"`: read as the path it quotes.
            self.report(messages.quoted_path(str(tok.value), self.span_of(tok)), tok.start_pos)
            return _fake("IMPORT_PATH", tok, str(tok.value)[1:-1])
        if tok.type == "NAME" and self.mdisk_in_disk(ip, tok):
            return None  # `disk BKRBKUP MDISK 0191 3390 AUTOV 10 M1PRV1 MR`
        if tok.type == "NAME" and messages.DISK_DEVICE_TYPE.fullmatch(str(tok.value)):
            typed = self.device_type_in_disk(ip, tok)
            if typed is not False:
                return typed  # `disk BKRBKUP 191 3390 size 10 cyl`, `... 191 3390 10`
        if tok.type == "NAME" and messages.TAPE_DEVICE_TYPE.fullmatch(str(tok.value)) and self.device_type_in_tape(ip, tok):
            return None  # `tape 3590`, `tape 3590 manager shared ...`
        # The cheapest repair that also lets the next token fit wins: one placeholder,
        # else dropping `tok` (one word too many), else two placeholders.
        sim = Sim.of(ip)
        following = self.peek(ip)
        ahead = [tok.type, following] if following else [tok.type]
        if following == "$END" and self.half_typed_last(tok, accepted):
            # `catalog s`, `disk B 191 s`, `include m`, the last word of the file: a keyword
            # being typed at the end of the file (the editor's buffer as it is typed), whose
            # error below is the one. The placeholders that read on read the letters as a
            # value of another keyword (`catalog local disk s`, `disk B 191 size s`), and
            # the file's end then said that one unfinished too ("expected the minidisk's
            # virtual address after `disk s`") in place of the blocks left open: nothing
            # more is said at the end, as after `siz` there (`unfinished_respelt`).
            self.reported_at.add(len(self.source.text))
        path = self.insertion(sim, ahead, accepted, longest=1)
        if tok.type == "NAME" and "NAME" not in accepted:
            keyword = self.replacement(ip, sim, accepted)
            if keyword is not None:
                return self.replaced(ip, tok, accepted, keyword)
        # A statement's keyword at the start of its line ends the one above, which
        # lacks its last value (`purge weekly`, then `retain 35 days`): not a word
        # too many, though the value after it (`35`) would fit where it stands.
        starts_next = tok.type in self.statements and tok.start_pos is not None and self.first_on_line(tok.start_pos)
        if path is None and following in accepted and tok.type not in ("LBRACE", "RBRACE") and not starts_next:
            return self.extra_word(ip, tok)
        path = path or self.insertion(sim, ahead, accepted) or self.insertion(sim, [tok.type], accepted)
        if path and starts_next and self.read_on_in(sim, path) and self.ends_before(ip, sim, tok):
            # ... and it starts the next statement, not a word the placeholders would make
            # of the one above (`expire`, then `member M {`: not `expire on each member`,
            # `M` then a word too many): finish the statement, then place it.
            path = completion(sim)
        if path is None and (tok.type in self.keyword_types or tok.type == "RBRACE"):
            # The statement is unfinished and the next one begins: finish it, then place `tok`.
            path = completion(sim)
        if path:
            self.report_missing(ip, path[0], accepted, tok)
            if path[0] != "LBRACE" and "LBRACE" in path:
                # `job` alone, then its body or a `}`: the name and the `{` assumed, the
                # `}` that closes it may be its outer block's, as after BKR011 alone
                self.missing_opens += 1
            self.feed_types(ip, path, tok)
            return tok
        return self.unexpected(ip, tok, accepted)

    def ends_before(self, ip, sim: Sim, tok: Token) -> bool:
        """Whether the statement keyword `tok` comes after the statement under way at
        `sim` ends: it fits once that statement is finished (fits_once_finished), or once
        the blocks around it are closed too, their `}` missing before `tok`
        (brace_missing_before) or never written (a block assumed or reopened: `run on`
        in the cluster, read in a job of its own)."""
        keyword = str(tok.value).lower()
        if self.fits_once_finished(sim, keyword):
            return True
        blocks = open_blocks(ip.parser_state.value_stack)
        if self.brace_missing_before(sim, blocks, tok, keyword):
            return True
        kind = self.facts.keywords[keyword]
        for count in range(1, len(blocks) + 1):
            if not blocks[-count].placeholder:
                return False
            path = closing(sim, count)
            if path is not None and sim.fits(path + [kind]):
                return True
        return False

    @staticmethod
    def read_on_in(sim: Sim, path: list[str]) -> bool:
        """Whether the statement under way at `sim` goes on after the placeholders
        `path`: it may not end there (no `}` nor the end of the file fits)."""
        after = sim.copy()
        return after.feeds(path) and not after.accepts() & {"RBRACE", "$END"}

    def words_before_brace(self, ip, tok: Token) -> bool:
        """`member VMSYS1 slot 1 {`: words between a block's name and its `{`, on one
        line. One error for the words, and reading goes on at the `{`, so that the
        block is read (not a `{` missing here and a bare `{` there)."""
        if tok.start_pos in self.commas_missing:
            return False  # `expire on VMSYS1 VMSYS1 VMSYS2 {`: its `,` is said already (name_twice)
        text = self.source.text
        end = text.find("\n", tok.start_pos)
        end = len(text) if end == -1 else end
        brace = text.find("{", tok.start_pos, end)
        if brace == -1 or any(c in text[tok.start_pos : brace] for c in '}#"'):
            return False
        leaves = self.line_tail(ip, tok)
        if len(leaves) < 2 or leaves[0].type not in self.keyword_types or leaves[-1].type != "NAME":
            return False
        if repeats(leaves[-1], tok):
            return False  # `member DEV1 DEV1 {`: the name twice, said as such
        title = " ".join(text[leaves[0].start_pos : leaves[-1].end_pos].split())
        written = text[tok.start_pos : brace].rstrip()
        span = self.source.span(tok.start_pos, tok.start_pos + len(written))
        extra = written.split()
        if any(t.type == "ON" for t in leaves) and all(
            _NAME.fullmatch(w) and w.lower() not in self.facts.keywords for w in extra
        ):
            # `expire on VMSYS1 VMSYS2 {`: more members, their `,` missing
            names = [self.describe(leaves[-1]), *(messages.shown(w) for w in extra)]
            ends = [leaves[-1].end_pos] + [tok.start_pos + w.end() for w in re.finditer(r"\S+", written)][:-1]
            diag = messages.missing_comma(
                names[0], names[1], self.span_of(tok), more=names[2:], commas=self.points(ends),
                expire=self.expire_list(ip.parser_state.value_stack, tok.start_pos + len(written)),
            )
        elif (
            leaves[0].type == self.facts.keywords["member"]
            and len(leaves) == 2
            and messages.slot_number(str(leaves[-1].value))
            and len(extra) == 1
            and _NAME.fullmatch(extra[0])
            and extra[0].lower() not in self.facts.keywords
            and not messages.slot_number(extra[0])
        ):
            # `member 4 VMSYS4 {`: the SSI slot number before the member's name, as
            # SYSTEM CONFIG's `SSI` statement writes `SLOT 4 VMSYS4` (stop 83)
            slot = leaves[-1]
            diag = messages.slot_before_member(
                str(slot.value), extra[0], self.span_of(slot), self.source.span(slot.start_pos, tok.start_pos)
            )
        elif leaves[0].type == self.facts.keywords["member"] and len(leaves) == 2 and all(
            _NAME.fullmatch(w) and w.lower() not in self.facts.keywords and _member_like(str(leaves[-1].value), w)
            for w in extra
        ):
            # `member ZVMA ZVMB ZVMC { workers 4 }`: more members, each a block of its own
            # (not `member M1 slot 1 {`: words no member's name resembles)
            close = text.find("}", brace, end)
            body = text[brace + 1 : close].strip() if close != -1 and "{" not in text[brace + 1 : close] else ""
            names = [str(leaves[-1].value), *extra]
            diag = messages.members_in_one_block(names, " ".join(body.split()) or "...", span)
            keyword = text[leaves[0].start_pos : leaves[0].end_pos + 1]
            if keyword.lower() == "members" and text[leaves[0].end_pos + 1 : leaves[0].end_pos + 2].isspace():
                # `members VMSYS1 VMSYS2 {`: the plural said in the same error (not also
                # "did you mean `member`", whose help read `members` as `member` and `s`)
                self.withdraw(leaves[0].start_pos)
                span = self.source.span(leaves[0].start_pos, span.end)
                diag = messages.members_keyword(keyword, names, " ".join(body.split()) or "...", span)
        else:
            diag = messages.words_before_brace(" ".join(extra), title, span)
        self.report(diag, tok.start_pos)
        self._advance(ip.lexer_thread.state, brace)
        return True

    def settings_without_braces(self, ip, tok: Token) -> bool:
        """`member VMSYS1 workers=4`: a block's settings written as `key=value` (or
        `key: value`) after its name, without braces. One error that writes the
        block; the rest of the line is skipped."""
        text = self.source.text
        end = text.find("\n", tok.start_pos)
        end = len(text) if end == -1 else end
        written = text[tok.start_pos : end].split("#", 1)[0].rstrip()
        pairs = _KEY_VALUE_PAIRS.fullmatch(written)
        if pairs is None:
            return self.body_without_braces(ip, tok, written)
        leaves = self.line_tail(ip, tok)
        if len(leaves) < 2 or leaves[0].type not in self.keyword_types or leaves[-1].type != "NAME":
            return False
        title = " ".join(str(t.value) for t in leaves)
        settings = "  ".join(f"{k} {v}" for k, v in _KEY_VALUE_PAIR.findall(written))
        span = self.source.span(tok.start_pos, tok.start_pos + len(written))
        # The fix writes the block where its settings read as its body (`{ workers 4 }`
        # after `member VMSYS1`): each key a keyword of the block, each value its value.
        types = [self.facts.keywords.get(w.lower(), "NAME") for w in settings.split()]
        reads = Sim.of(ip).copy().fits(["LBRACE", *types, "RBRACE"])
        # A key no statement of the block starts with (`frob=M3PRV1`): the help says so,
        # and writes the block with the other settings only, where they read as its body.
        inside = Sim.of(ip).copy()
        starts = self.keywords_in(inside.accepts() & self.statements) if inside.feed("LBRACE") else []
        pairs = _KEY_VALUE_PAIR.findall(written)
        unknown = [k for k, _ in pairs if k.lower() not in starts]
        if starts and unknown:
            known = "  ".join(f"{k} {v}" for k, v in pairs if k.lower() in starts)
            types = [self.facts.keywords.get(w.lower(), "NAME") for w in known.split()]
            fits = bool(known) and Sim.of(ip).copy().fits(["LBRACE", *types, "RBRACE"])
            where = messages.in_block(str(leaves[0].value).lower())
            diag = messages.settings_without_braces(
                written, title, known if fits else "", span, unknown=(unknown, where, starts)
            )
        else:
            diag = messages.settings_without_braces(written, title, settings, span, reads)
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(written))
        return True

    def body_without_braces(self, ip, tok: Token, written: str) -> bool:
        """`member VMSYS4 workers 2  private-volume M4PRV1`: a block's whole body written
        on its line without the braces. When `{` + the rest of the line + `}` reads as the
        block, one error with the braces put in, and the line is read as that block (not
        a `{` missing here and the next statement in the wrong block)."""
        words = written.split()
        if not words or any(c in written for c in '{}",'):
            return False
        types = [self.facts.keywords.get(w.lower(), "NAME") for w in words]
        leaves = self.line_tail(ip, tok)
        if len(leaves) < 2 or leaves[0].type not in self.keyword_types or leaves[-1].type != "NAME":
            return False
        # A group's body is its users (`single group GUESTS LINUX01 LINUX02`): names
        # first; another block's starts with a keyword (a name there is more likely a
        # word too many before its `{`, said otherwise).
        group = any(t.type == "GROUP" for t in leaves)
        if types[0] == "NAME" and not group:
            return False
        sim = Sim.of(ip)
        if not sim.copy().fits(["LBRACE", *types, "RBRACE"]):
            return False
        title = " ".join(str(t.value) for t in leaves)
        span = self.source.span(tok.start_pos, tok.start_pos + len(written))
        what = "users" if group else "settings"
        sign = None
        name = str(leaves[-1].value)
        if len(name) > 1 and name[-1] == ":" and leaves[-1].end_pos is not None:
            # `single group GUESTS: LINUX01 LINUX02`: YAML's `:` glued to the name, for its `{`
            sign, title = self.source.span(leaves[-1].end_pos - 1, leaves[-1].end_pos), title[:-1]
        self.report(messages.body_without_braces(title, written, span, what, sign, ":"), tok.start_pos)
        self.feed_types(ip, ["LBRACE"], tok)
        pos = tok.start_pos
        for word, type_ in zip(words, types):
            start = self.source.text.index(word, pos)
            pos = start + len(word)
            self.feed(ip, self.token_at(type_, start, pos))
        self.feed_types(ip, ["RBRACE"], tok)
        self._advance(ip.lexer_thread.state, pos)
        self._fed_error_token = True  # the line was read, as a whole: a mistake after it is news
        return True

    def token_at(self, type_: str, start: int, end: int) -> Token:
        """A real token of the text between offsets `start` and `end` (on one line)."""
        text = self.source.text
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        return Token(type_, text[start:end], start, line, column, line, column + end - start, end)

    def replacement(self, ip, sim: Sim, accepted: set[str]) -> str | None:
        """`single grp APPS {`: the one keyword that, in place of the name, lets the next
        two tokens fit, when no keyword inserted before the name does."""
        ahead = [t.type for t in (self.peek_token(ip, 1), self.peek_token(ip, 2)) if t is not None]
        keywords = sorted(accepted & self.keyword_types)
        if any(sim.fits([k, "NAME"] + ahead) for k in keywords):
            return None
        fitting = [k for k in keywords if sim.fits([k] + ahead)]
        return fitting[0] if len(fitting) == 1 else None

    def replaced(self, ip, tok: Token, accepted: set[str], keyword: str) -> Token:
        previous = last_real_token(ip.parser_state.value_stack)
        after = f" after {self.describe(previous)}" if previous is not None else ""
        word = self.facts.texts[keyword]
        wanted = self.expected_list(accepted - {"RBRACE", "$END"})
        diag = messages.word_for_keyword(wanted, after, self.describe(tok), word, self.span_of(tok), tok.value)
        if previous is not None and previous.type == self.facts.keywords["identity"]:
            # `IDENTITY TCPIP FTPSERVE`: a directory entry's password, or a second user
            diag = messages.identity_password_or_user(diag, str(previous.value), self._line_before_comment(tok.start_pos),
                                                      self.source.span(previous.start_pos, tok.start_pos))
        self.report(diag, tok.start_pos)
        return self.retype(tok, keyword)

    def extra_word(self, ip, tok: Token) -> None:
        """`member DEV1 DEV1 {`: the next token fits where this one does not; drop this one."""
        previous = last_real_token(ip.parser_state.value_stack)
        # A word on the next line may as well start a statement the line above left
        # unfinished; and a word that does not repeat the one before it may be the
        # trace of a slip earlier on the line (`disk BKRBKUP BKRBKUP 191`: the parser
        # stumbles on `191`), so only a repeat is removed for the user.
        same_line = previous is not None and previous.end_line == tok.line
        remove = self.blank_and(previous, tok) if same_line and repeats(previous, tok) else None
        self.report(
            messages.one_word_too_many(self.describe(tok), self.describe(previous), self.span_of(tok), remove),
            tok.start_pos,
        )

    def peek(self, ip) -> str | None:
        """The type of the token after the current one, without reading it."""
        state = copy(ip.lexer_thread.state)
        lexer = ip.lexer_thread.lexer
        root = getattr(lexer, "root_lexer", lexer)
        try:
            return root.next_token(state, ip.parser_state).type
        except EOFError:
            return "$END"
        except UnexpectedCharacters:
            return None

    @staticmethod
    def insertion(sim: Sim, types: list[str], accepted: set[str], longest: int = 2) -> list[str] | None:
        """The shortest run of one or two placeholders (never `}`) after which `types` fit."""
        rank = {"NAME": 0, "STRING": 1, "LBRACE": 3, "COMMA": 4}
        ordered = sorted(
            (t for t in accepted if t not in ("RBRACE", "$END")), key=lambda t: (rank.get(t, 2), t)
        )
        for first in ordered:
            if sim.fits([first] + types):
                return [first]
        if longest < 2:
            return None
        for first in ordered:
            after = sim.copy()
            after.feed(first)
            for second in sorted(after.accepts() - {"RBRACE", "$END"}, key=lambda t: (rank.get(t, 2), t)):
                if after.fits([second] + types):
                    return [first, second]
        return None

    # ------------------------------------------------------------ statement start
    def at_statement(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        """`tok` comes where a statement (or the block's `}`) may start."""
        if tok.type == "RBRACE":
            return self.unmatched_close(ip, tok)
        if tok.type == "COMMA":
            # `weekly fri sat, sun 22:00`: `sat` was read as the time, so the `,` after it
            # ends nothing; the days want their commas, not this one removed
            days = (
                self.weekly_days_blank(ip, tok)
                or self.monthly_days_read_on(ip, tok)
                or self.trailing_comma(ip, tok)
                or self.volume_repeated(ip, tok)
            )
            if days is None and self.commas_in_list(ip, tok):
                return None  # reported, the names after it read on as the list's
            if days is None and self.commas_between_values(ip, tok):
                return None  # `catalog shared, server BKRSVSFS`: read on as without them
            if days is None and self.times_by_comma(ip, tok):
                return None  # `daily 02:00,14:00`: two times, read on after the second
            if days is None:
                # `workers 4, private-volume M1PRV1`: a `,` between two statements
                following = self.peek_token(ip)
                starts = (
                    following is not None
                    and following.line == tok.line
                    and following.type in self.statements
                    and following.type in accepted
                )
                days = messages.stray_comma(
                    self.span_of(tok), self.line_before(tok), str(following.value).lower() if starts else None
                )
                if starts:
                    self.report(days, tok.start_pos)
                    return None
            self.report(days, tok.start_pos)
            return self.skip_statement(ip, tok)
        if tok.type == "NAME":
            return self.hyphen_word_for_blank(ip, tok, accepted) or self.stray_name(ip, tok, accepted)
        if tok.type in self.keyword_types:
            low = str(tok.value).lower()
            if tok.start_pos in self.statement_words and tok.type not in self.statements and low in self._hyphenated:
                # `catalog-node TCTMM on VMSYS1` first on a line of a group body (match_begun):
                # an option of another block's statement, said where it belongs, skipped
                # with its values, as in a member or job block
                stack = ip.parser_state.value_stack
                return self.hyphen_misplaced(tok, low, tok.end_pos, open_blocks(stack), stack)
            if tok.type == "ON" and self.on_after_tape_option(ip, tok):
                return None
            typed = self.keyword_typed_on(ip, tok)
            if typed is not None:
                return self.stray_name(ip, typed, accepted)
            previous = last_real_token(ip.parser_state.value_stack)
            if previous is not None and previous.type == tok.type and previous.end_line == tok.line:
                # `tape manager shared shared catalog-node ...`: the keyword twice, after
                # a statement that is whole without it; read on as without the second.
                self.report_repeat(previous, tok)
                return None
            if tok.type in ("PURGE", "PREVIEW") and self.expiry_block_as_action(ip, tok):
                return self.retype(tok, "EXPIRE")
            if tok.type in ("DISK", "TAPE") and self.medium_without_to(ip, tok):
                return None if self._fed_error_token else tok
            if tok.type in SCHEDULE_KEYWORDS:
                nxt = self.schedule_without_run(ip, tok)
                if nxt is not None:
                    return None if nxt is _LINE_SKIPPED else nxt
            if tok.type == "AT" and self.phrase_without_run(ip, tok):
                return None  # `at 02:00 daily on VMSYS1`: a schedule in English, `run on` left out
            if tok.type == "RETAIN":
                # `run on DEV1 daily 01:00 retain 35 days`: a job keeps no retention
                retention = self.retention_on_line(ip, tok, accepted)
                if retention is not None:
                    return retention[0]
            return self.misplaced_keyword(ip, tok, accepted)
        if tok.type == "LBRACE":
            if self.brace_balance > 0:  # one `{` too many in the file: this one
                self.report(messages.extra_open(self.span_of(tok), self.brace_balance, self.source), tok.start_pos)
                return None
            if self.user_declared_with_body(ip, tok):
                return None
            if tok.start_pos is not None:
                self.bare_braces.append(tok.start_pos)
            return self.unexpected(ip, tok, accepted, messages.BARE_BRACE)
        if tok.type == "STRING":
            quoted_id = self.quoted_group_entry(ip, tok)
            if quoted_id is not None:
                return quoted_id  # `single group APPS { "CICSPRD" DB2PRD }`: read as `CICSPRD`
            if self.first_on_line(tok.start_pos) and Sim.of(ip).fits(["DESCRIPTION", "STRING"]):
                return self.description_left_out(ip, tok)
            return self.unexpected(ip, tok, accepted, messages.STRAY_STRING)
        return self.unexpected(ip, tok, accepted)  # pragma: no cover - every token type is above

    def quoted_group_entry(self, ip, tok: Token) -> Token | None:
        """`single group APPS { "CICSPRD" DB2PRD }`: a user ID in quotes in a group body,
        read as the ID: one error whose fix removes the quotes, as for a block's name
        (`job "LNXFULL" {`, `messages.quoted_name`), where the text inside is a user ID
        and no keyword (else "a quoted text can only follow `description`")."""
        bare = str(tok.value)[1:-1]
        if not _QUOTED_USER_ID.fullmatch(bare) or bare.lower() in self.facts.keywords:
            return None
        if self.in_group_body(ip.parser_state.value_stack) is None:
            return None
        self.report(messages.quoted_name(str(tok.value), self.span_of(tok), True), tok.start_pos)
        return _fake("NAME", tok, bare)

    @staticmethod
    def destination_given(stack) -> list[Token] | None:
        """The tokens of the `to` statement the job under way already has (`to disk
        pool P`, reduced or not yet), read back to the block's `{`; None without one."""
        found: list[Token] = []
        for value in reversed(stack):
            if isinstance(value, Token) and value.type in ("LBRACE", "RBRACE"):
                return None
            tokens = [t for t in tokens_of(value) if is_real(t)]
            if isinstance(value, Tree) and value.data in OPENERS:
                return None
            if any(t.type == "TO" for t in tokens):
                if isinstance(value, Tree):  # a statement read whole: that one alone
                    targets = [t for t in value.iter_subtrees_topdown() if t.data == "target"]
                    if targets:
                        return [t for t in tokens_of(targets[-1]) if is_real(t)]
                at = max(i for i, t in enumerate(tokens) if t.type == "TO")
                return tokens[at:] + found
            found = tokens + found
        return None

    def description_left_out(self, ip, tok: Token) -> Token | None:
        """A quoted text alone at the start of its line, where a statement starts: the
        text of a `description`, the one statement a quoted text ends. Right under a
        description's text it goes on with that text, which a .bkr text cannot do over
        lines: one error whose fix joins the two; else its `description` was deleted or
        forgotten, and the fix writes it."""
        previous = last_real_token(ip.parser_state.value_stack)
        first = self.statement_start(ip.parser_state)
        if (
            previous is not None
            and previous.type == "STRING"
            and first is not None
            and first.type == "DESCRIPTION"
            and previous.end_line == (tok.line or 0) - 1
        ):
            above, below = str(previous.value), str(tok.value)
            joined = f"{above[:-1]} {below[1:]}"
            span = self.source.span(previous.end_pos - 1, tok.start_pos + 1)
            self.report(messages.description_over_lines(below, joined, self.span_of(tok), span), tok.start_pos)
            return None  # the text is read with the description above
        at = self.source.span(tok.start_pos, tok.start_pos)
        self.report(messages.keyword_left_out("description", str(tok.value), self.span_of(tok), at), tok.start_pos)
        self.feed_types(ip, ["DESCRIPTION"], tok)
        return tok

    def medium_without_to(self, ip, tok: Token) -> bool:
        """`tape pool LNXTAPE` (or `disk` alone) where a job's statement starts: its
        destination without `to`, not the cluster's `disk` or `tape manager` out of
        place. One error whose fix writes `to`; the destination is read after it."""
        rest = _DESTINATION_REST.match(self.source.text, tok.end_pos)
        if rest is None or not Sim.of(ip).fits(["TO", tok.type]):
            return False
        at = self.source.span(tok.start_pos, tok.start_pos)
        medium = str(tok.value).lower()
        unnamed = rest.group("word") is not None and rest.group("pool") is None
        first = self.destination_given(ip.parser_state.value_stack)
        if first is not None:
            # `to disk pool P`, then `tape pool W`: one destination too many, not a `to`
            # left out, whose fix would give the job a second (BKR115).
            written = " ".join(str(t.value) for t in first)
            span = self.source.span(first[0].start_pos, first[-1].end_pos)
            pool = rest.group("pool") or ("NAME" if unnamed else None)
            diag = messages.second_destination(medium, pool, self.span_of(tok), written, span)
        else:
            line = self.source.text.rfind("\n", 0, tok.start_pos) + 1
            word = _DESTINATION_PREPOSITION.fullmatch(self.source.text, line, tok.start_pos)
            if word is not None:
                # `on tape`, `into disk pool P`: a word for `to` first on the line (read as
                # one more SFS path or address of the selection above): the fix writes
                # `to` for it (it wrote `on to tape`)
                at = self.source.span(word.start("word"), word.end("word"))
            diag = messages.medium_without_to(
                medium, rest.group("pool"), at if word else self.span_of(tok), at, unnamed,
                None if word is None else word.group("word"), self.source.text,
            )
        self.report(diag, tok.start_pos)
        self.feed_types(ip, ["TO"], tok)
        if unnamed:
            # `tape pool` and no pool: the destination is read whole, its name assumed
            # (no second error for the name after `pool`)
            self.feed(ip, tok)
            pool = self.token_at("POOL", rest.start("word"), rest.end("word"))
            self.feed(ip, pool)
            self.feed_types(ip, ["NAME"], pool)
            self._advance(ip.lexer_thread.state, rest.end("word"))
            self._fed_error_token = True
        return True

    def destination_on(self, ip, sim: Sim, tok: Token) -> bool:
        """`on tape`, `on disk pool P` first on a job's line: its destination with `on`
        for `to` (was "expected `run` before `on`", whose help wrote `run on tape`). One
        error whose fix writes `to` for `on`; the line is then read as the destination."""
        medium = _DESTINATION_MEDIUM.match(self.source.text, tok.end_pos)
        if medium is None or not self.first_on_line(tok.start_pos) or not sim.fits(["TO", medium.group(1).upper()]):
            return False
        rest = _DESTINATION_REST.match(self.source.text, medium.end())
        if rest is None or (rest.group("word") is not None and rest.group("pool") is None):
            return False  # `on tape pool`, no pool named: not said here (the pool's error would be a second)
        if self.destination_given(ip.parser_state.value_stack) is not None:
            return False  # a second destination: not a `to` to write
        span = self.span_of(tok)
        diag = messages.medium_without_to(
            medium.group(1).lower(), rest.group("pool"), span, span, written=str(tok.value), text=self.source.text
        )
        self.report(diag, tok.start_pos)
        return True

    def expiry_block_as_action(self, ip, tok: Token) -> bool:
        """`purge on VMSYS1 { ... }` where a cluster statement starts: the expiry block
        named by its action. One error whose fix writes `expire`; the block is then
        read as an `expire` block (not `purge` with no schedule, then a `purge` outside
        its block)."""
        if not _BLOCK_AFTER_ON.match(self.source.text, tok.end_pos) or not Sim.of(ip).fits(["EXPIRE", "ON"]):
            return False
        self.report(messages.expiry_block_as_action(str(tok.value), self.span_of(tok)), tok.start_pos)
        return True

    def kind_in_zvm_words(self, ip, tok: Token) -> bool:
        """`multiconfiguration group SYSIDS`, `single-config user OPS`: a kind as z/VM's
        books name it, where .bkr writes `identity` or `single`. One error with the
        keyword's fix; the statement is read on with the keyword in the word's place."""
        text = self.source.text
        line = text.rfind("\n", 0, tok.start_pos) + 1
        found = _ZVM_KIND.match(text, line)
        if found is None or not found.start("word") <= tok.start_pos < found.end("word"):
            return False
        word = found.group("word")
        meant = "single" if word.lower().startswith("single") else "identity"
        span = self.source.span(found.start("word"), found.end("word"))
        last = last_real_token(ip.parser_state.value_stack)
        fed = last is not None and last.start_pos == found.start("word") and last.type == meant.upper()
        if not fed and not Sim.of(ip).fits([meant.upper()]):
            return False
        self.report(messages.kind_in_zvm_words(word, meant, span), found.start("word"))
        if not fed:  # `single-config`: the lexer read `single` and the parser has it
            self.feed(ip, self.token_at(meant.upper(), found.start("word"), found.start("word") + len(meant)))
        self._advance(ip.lexer_thread.state, found.end("word"))
        self._fed_error_token = True  # the word was read: a mistake after it is news
        return True

    def phrase_without_run(self, ip, tok: Token) -> bool:
        """`nightly 02:00 run on VMSYS1`, `every day at 02:00 on VMSYS1`: a schedule in
        English first on a line of a job (`tok`, its first word), then `run on` (or `on`)
        and the members. Where the phrase alone says the schedule (`messages.certain_
        schedule`) and `run on VMSYS1 daily 02:00` is a whole statement, the error a
        schedule written first gets, whose help says how the phrase is written and whose
        fix writes the statement (was "`nightly` is not a keyword", its help the block's
        statements; for `at`, "`at` starts no statement: it gives where a disk starts");
        the line is read to its end."""
        if not is_real(tok) or not self.first_on_line(tok.start_pos) or not Sim.of(ip).fits(["RUN", "ON"]):
            return False
        rest = self._line_before_comment(tok.start_pos).split("}", 1)[0].rstrip()
        often = messages.more_than_daily_written(rest)
        if str(tok.value).lower() not in messages.SCHEDULE_STARTERS and (
            often is None or often.split()[0].lower() != str(tok.value).lower()
        ):
            return False  # `hourly` is read on (the fast parser gives up on it, `GiveUp`, as on `every`)
        found = re.fullmatch(r"(?P<schedule>\S.*?)(?:\s+[Rr][Uu][Nn])?\s+[Oo][Nn]\s+(?P<place>\S.*)", rest)
        place = None if found is None else found.group("place")
        time = None
        if often is not None:
            # `twice daily on DEV1 at 03:00`, `twice daily at 03:00`: the one time given,
            # which the help's first `run` writes (`at` or `@` before it, or after the members)
            timed = _TIME_AFTER_MEMBERS.fullmatch(place or "")
            if timed is not None and _time_read(timed.group("time")) is not None:
                place, time = timed.group("place"), _time_read(timed.group("time"))
            else:
                at = _AT_TIME.search(rest)
                time = None if at is None else _time_read(at.group("time"))
        names = None if place is None else self._member_names(place)
        if " ".join((place or "").split()).lower() == "each member":
            names = ["each member"]
        if (found is None or names is not None) and often is not None and members_read(ip.parser_state.value_stack):
            # `twice daily`, `hourly` alone on a job's line: more than once a day, and `run
            # on` left out (was "`twice` is not a keyword", the block's statements its help);
            # `every 6 hours on DEV1`, `twice daily run on DEV1`: the same, its members
            # written (`names`), which the help's `run` writes (was "`every` is not a keyword")
            stack = ip.parser_state.value_stack
            span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
            diag = messages.more_than_daily_alone(
                rest, often, span, members_read(stack), *self.job_home(stack), placed=names, time=time
            )
            self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
            return True
        if found is None:
            return self.run_and_member_missing(ip, tok, rest)
        phrase = " ".join(found.group("schedule").split())
        schedule = messages.certain_schedule(phrase) if messages.looks_like_schedule(phrase) else None
        if schedule is None or schedule.endswith("HH:MM"):
            return False
        place = found.group("place")
        names = ["each member"] if " ".join(place.split()).lower() == "each member" else self._member_names(place)
        if names is None:
            return False
        meant = f"run on {', '.join(names)} {schedule}"
        words = tuple(re.findall(r",|[^\s,]+", meant))
        sim = Sim.of(ip)
        if not self._whole_statement(sim, words) or not self._values_shaped(sim, words):
            return False
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        diag = messages.schedule_without_run(rest, span, meant, phrase=(phrase, schedule))
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
        return True

    def run_and_member_missing(self, ip, tok: Token, rest: str) -> bool:
        """`nightly at 01:00`, `daily at 01:00`, `every day at 01:00` alone on a line of a
        job (`rest`, from `tok`, its first word): a schedule, written another way, whose
        `run on MEMBER` is left out. Where the words say one schedule (`messages.certain_
        schedule`: `daily 01:00`) and `run on M` before it is a whole statement, one
        error whose help and fix (or choices) write the `run` the file allows
        (`job_home`, `messages.run_and_member_missing`: was "`nightly` is not a keyword",
        its help the block's statements, or for `daily at 01:00` two errors, the `at`'s
        and "`run` is missing"); the line is read to its end."""
        phrase = " ".join(rest.split())
        past = next(
            (c for c in re.findall(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])", phrase) if messages.clock_has_not(c)), None
        )
        if past is not None:
            # `nightly 25:00`, `at 24:30`: a time no clock has (was "`nightly` is not a
            # keyword", or choices writing `run on DEV1 daily 24:30`, still broken): read
            # at `00:00` for its form, said with HH:MM, no mend (no certain meaning)
            phrase = phrase.replace(past, "00:00")
        schedule = messages.certain_schedule(phrase) if messages.looks_like_schedule(phrase) else None
        others: tuple[str, ...] = ()
        if schedule is None and messages.looks_like_schedule(phrase):
            # `every night at 3`: an hour alone of one reading (at night, `daily 03:00`);
            # `every day at 3`, of two (`daily 03:00`, `daily 15:00`), each said
            readings = messages.hour_readings(phrase) or ()
            schedule = readings[0][1] if readings else None
            others = tuple(reading for _, reading in readings[1:])
        often = None
        at = re.fullmatch(r"(?i)(?:at|@)\s*(?P<time>\S+)", phrase)
        if schedule is None and at is not None and _time_read(at.group("time")) is not None:
            # `at 02:00`: a time, how often not said (was "`at` starts no statement: it gives
            # where a disk starts"): `daily` a choice, as on a `run` line
            often = _time_read(at.group("time"))
            schedule = f"daily {often}"
        if schedule is None:
            return False
        read = self._alone_as_run_on(ip, tok, rest, schedule)
        if read is None:
            return False
        members, kind, home, span = read
        if past is not None:
            problem = (
                f"`{past}` is not a time of day",
                f"a time of this day, from `00:00` to `23:59` ({messages.clock_has_not(past)})",
            )
            schedule = f"{schedule.rsplit(' ', 1)[0]} HH:MM"
            diag = messages.run_and_member_missing(rest, schedule, span, members, kind, home, problem=problem)
            self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
            return True
        diag = messages.run_and_member_missing(
            rest, schedule, span, members, kind, home, phrase, others, how_often_unsaid=often,
            note=None if often is not None or others else _short_month_note(schedule, phrase),
        )
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
        return True

    def schedule_alone(self, ip, tok: Token, rest: str) -> bool:
        """`daily 02:00`, `weekly saturday 22:00`, or its time not written, `weekly
        saturday`, `daily`, alone on a line of a job (`rest`, from `tok`, its first
        word): a whole schedule (`messages.certain_schedule` reads it, as written or
        with a time after it), whose `run on MEMBER` is left out. One error whose help
        writes the `run` the file allows, with its members, and whose mends write it
        (`messages.run_and_member_missing`); where the time is not written, HH:MM in
        the help and no mend. False for any other line, or where no member is read."""
        phrase = " ".join(rest.split())
        schedule, untimed = messages.certain_schedule(phrase), False
        *head, last = phrase.split()
        time = _time_read(last) if head else None
        if schedule is None and time is not None and time != last:
            # `daily 2h`, `daily 02:00:00`: the time as BKR313 reads it, which the help says
            schedule = messages.certain_schedule(" ".join([*head, time]))
        if head and self.day_amiss_alone(ip, tok, rest, head, last):
            # `monthly 1-15 25:00`, `monthly first weekday`: a day of the month none is
            return True
        if head and self.schedule_alone_amiss(ip, tok, rest, head, last):
            # `daily 24:00`, `monthly 32 02:00`, `monthly 1,15 02:00`: a value no schedule
            # has, said as after `run on MEMBER` (BKR313, BKR314), in one error
            return True
        if schedule is None:
            # `weekly su 03:00`, `monthly last day 23:00`: the day (or time) as BKR314's (or
            # BKR313's) fix writes it after `run on M`, which the help says
            schedule = _alone_respelt(phrase)
        if schedule is None and head and self.weekday_left_out_alone(ip, tok, rest, head, last):
            # `weekly 03:00`: no day (was "`run` is missing", then BKR010)
            return True
        if schedule is None:
            # `weekly su`: the day as BKR314's fix writes it too (`_alone_respelt`)
            timed = (
                messages.certain_schedule(f"{phrase} 00:00") or _monthly_untimed(phrase) or _alone_respelt(f"{phrase} 00:00")
            )
            if timed is None or not timed.endswith(" 00:00"):
                return False
            schedule, untimed = timed.removesuffix(" 00:00"), True
        # written otherwise (`weekly saturday`: `weekly sat`), the help says how, as for
        # `weekly saturday 22:00` (run_and_member_missing)
        written = None if schedule == re.sub(r"\s*,\s*", ",", phrase.lower()) else phrase
        if untimed:
            schedule = f"{schedule} HH:MM"
        read = self._alone_as_run_on(ip, tok, rest, schedule.replace("HH:MM", "00:00"))
        if read is None:
            return False
        members, kind, home, span = read
        diag = messages.run_and_member_missing(
            rest, schedule, span, members, kind, home, written, untimed=untimed, note=_short_month_note(schedule, written)
        )
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
        return True

    def _alone_as_run_on(self, ip, tok: Token, rest: str, schedule: str):
        """For a schedule alone on a job's line (`rest`, from `tok`): (the members the file
        declares, the job's kind and home, the line's span) where `run on X SCHEDULE` would
        be read there as a whole statement of well-shaped values; else None."""
        stack = ip.parser_state.value_stack
        members = members_read(stack)
        words = tuple(re.findall(r",|[^\s,]+", f"run on X {schedule}"))
        sim = Sim.of(ip)
        if not members or not self._whole_statement(sim, words) or not self._values_shaped(sim, words):
            return None
        kind, home = self.job_home(stack)
        return members, kind, home, self.source.span(tok.start_pos, tok.start_pos + len(rest))

    def weekday_left_out_alone(self, ip, tok: Token, rest: str, head: list[str], last: str) -> bool:
        """`weekly 03:00` alone on a line of a job: no day of the week, and `run on` left
        out (was "`run` is missing", then BKR010 "`weekly` needs a day of the week"). One
        error that says both, its help `run on MEMBER weekly DAY 03:00` with the days, no
        mend (which day is the site's). False for any other line."""
        time = _time_read(last)
        if [w.lower() for w in head] != ["weekly"] or time is None or messages.clock_has_not(time):
            return False
        read = self._alone_as_run_on(ip, tok, rest, f"weekly sun {time}")
        if read is None:
            return False
        members, kind, home, span = read
        problem = (
            f"`weekly` needs a day of the week before the time `{last}`",
            "DAY the day of the week it runs on (sun mon tue wed thu fri sat)",
        )
        diag = messages.run_and_member_missing(rest, f"weekly DAY {time}", span, members, kind, home, problem=problem)
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
        return True

    def day_amiss_alone(self, ip, tok: Token, rest: str, head: list[str], last: str) -> bool:
        """`monthly 1-15 25:00`, `monthly 1st 25:00`, `monthly first weekday 03:00`, or the
        time left out, `monthly first weekday`, `monthly 1-15`, `monthly L`, alone on a line
        of a job (`rest`, from `tok`; `head`, its words before `last`): a day of the month
        that BKR314 refuses after `run on M` (`messages.month_day_amiss`; without the time,
        the parser's error there, `messages.schedule_left_unfinished`), and `run on`
        left out. One error that says both, its help the day's with the `run` the file
        allows (`messages.day_amiss_alone`; was "`run` is missing" and the day's error
        after it, or a help writing `run on MEMBER monthly 1-15 HH:MM`, still broken). A
        time of day written another way (`3am`) is written as BKR313 reads it. False for
        any other line, or where no member is read."""
        words = [*head, last]
        if words[0].lower() != "monthly" or len(words) < 2:
            return False
        time = _time_read(last) if len(words) > 2 else None
        if time is not None:
            note = messages.clock_has_not(time)
            day = messages.month_day_amiss(words[1:-1], "HH:MM" if note else time)
        else:
            unfinished = messages.schedule_left_unfinished("monthly", words[1:])
            day = unfinished if unfinished is not None and unfinished[0] is not None else None
        if day is None:
            return False
        stack = ip.parser_state.value_stack
        members = members_read(stack)
        if not members:
            return False
        sim = Sim.of(ip)
        shaped = tuple(re.findall(r",|[^\s,]+", "run on X daily 00:00"))
        if not self._whole_statement(sim, shaped) or not self._values_shaped(sim, shaped):
            return False
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        diag = messages.day_amiss_alone(day, time or "", rest, span, members, *self.job_home(stack))
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
        return True

    def schedule_alone_amiss(self, ip, tok: Token, rest: str, head: list[str], last: str) -> bool:
        """`daily 24:00`, `monthly 32 02:00`, `monthly 1,15 02:00` alone on a line of a job
        (`rest`, from `tok`; `head`, its words before `last`, the time): a schedule that
        `run on MEMBER` before would make a statement whose value is none (was the
        generic "`run on MEMBER` before `monthly`", the value's error unsaid, or for
        `monthly 1,15` two errors). One error that says both, its help what the value's
        own error writes after `run on MEMBER` with the `run` the file allows
        (`messages.run_and_member_missing`, `monthly_days`): `24:00` is midnight, `00:00`,
        the fix for `daily` (the day after's schedule a choice for `weekly sun`, as BKR313
        writes, `fast.day_after`); `32` no day of the month, `monthly N 02:00` in the help,
        as BKR314's; several days, a job for each. False for any other line (the time
        first, `_time_read`, must be one)."""
        time = _time_read(last)
        keyword = head[0].lower()
        days = " ".join(head[1:])
        midnight = re.fullmatch(r"24[:.]?00", last) is not None
        several = re.fullmatch(r"\d{1,3}(?:\s*,\s*\d{1,3})+", days)
        no_day = re.fullmatch(r"\d{1,9}", days) is not None and not 1 <= int(days) <= 31
        respelt = len(head) == 2 and messages.last_day_respelt(days)  # `monthly L 02:00`, `lastday`
        past = None if midnight else messages.past_the_clock(last)  # `daily 25.0`, `weekly sun 25:00`
        if not (midnight or past or keyword == "monthly" and (several or no_day or respelt) and time is not None):
            return False
        stack = ip.parser_state.value_stack
        members = members_read(stack)
        if not members:
            return False
        kind, home = self.job_home(stack)
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        if past is not None and not several:
            # `daily 25.0`: the next day's `01:00`, as BKR313 says after `run on M` (was the
            # generic "`run on MEMBER` before `daily`"): one error that says both, the
            # day after's schedule of each reading a choice, as BKR313's; where no
            # schedule names the day after (`monthly 31 25:00`), HH:MM and no mend
            readings, note = past
            if keyword == "daily":
                meants: list[str | None] = [f"daily {reading}" for reading in readings]
            else:
                meants = [day_after(keyword, head[1:], reading) for reading in readings]
            if None in meants:
                problem = (
                    f"`{last}` is not a time of day",
                    f"a time of this day, from `00:00` to `23:59` ({note}, a day no `{keyword}` schedule names)",
                )
                days_meant = head[1:]
                if keyword == "monthly" and (no_day or respelt):
                    # `monthly 32 25:00`, `monthly L 25:00`: the day none is said too (the
                    # help wrote `monthly 32 HH:MM`)
                    days_meant = ["last-day"] if respelt else ["N"]
                    problem = (
                        f"`{days}` is not a day of the month, and `{last}` is not a time of day",
                        ("`last-day` for the month's last day" if respelt else "N from 1 to 31")
                        + f", and {problem[1]}",
                    )
                diag = messages.run_and_member_missing(
                    rest, " ".join([keyword, *days_meant, "HH:MM"]), span, members, kind, home, problem=problem
                )
            else:
                first, *others = [m for m in meants if m is not None]
                diag = messages.run_and_member_missing(
                    rest, first, span, members, kind, home, others=others, note=note, mends=messages.Mends.CHOICES
                )
                diag = replace(
                    diag,
                    message=f"`{last}` is not a time of day; `run` is missing before the schedule, and so is the member"
                    " the job runs on",
                )
        elif keyword == "monthly" and several is not None and not midnight:
            numbers: list[int | str] = [int(d) for d in re.split(r"\s*,\s*", days)]
            alone = messages.run_allowed(members, kind, home)
            diag = messages.monthly_days(days, numbers, time, "run", span, alone=alone)
        elif keyword == "monthly" and respelt and not midnight:
            # the month's last day, as BKR314 reads it after `run on M`: the fix or a choice per member
            note = f"the month's last day is written `last-day`{messages.LAST_DAY_ELSEWHERE.get(days.lower(), '')}"
            diag = messages.run_and_member_missing(
                rest, f"monthly last-day {time}", span, members, kind, home, note=note
            )
        elif keyword == "monthly" and no_day and not midnight:
            problem = (
                f"`{days}` is not a day of the month",
                f"N from 1 to 31, or `monthly last-day {time}` for the month's last day",
            )
            diag = messages.run_and_member_missing(
                rest, f"monthly N {time}", span, members, kind, home, problem=problem
            )
        elif midnight:
            meant = messages.certain_schedule(" ".join([*head, "00:00"]))
            if meant is None and keyword == "monthly" and len(head) == 3 and head[1].lower() in _ORDINAL_WORDS:
                # `monthly first sun 24:00`, which `certain_schedule` does not read
                meant = " ".join([*head, "00:00"]).lower() if messages.looks_like_day(head[2]) else None
            if meant is None:
                return False
            if meant.startswith("daily "):
                diag = messages.run_and_member_missing(
                    rest, meant, span, members, kind, home, note=f"`{last}` is midnight, `00:00`, the start of the day"
                )
            else:
                keyword, *words = meant.split()[:-1]
                after = day_after(keyword, words, "00:00")
                unnamed = messages.midnight_no_day_after(last, keyword, words) if after is None else None
                if unnamed is not None:
                    # `monthly 31 24:00`: no schedule names the day after (was the generic
                    # "`run on MEMBER` before `monthly`"); `monthly 1 00:00` or the day's
                    # own `00:00`, each a choice, as BKR313 says after `run on M`
                    note, (first, *others) = unnamed
                    diag = messages.run_and_member_missing(
                        rest, first, span, members, kind, home, others=others, note=note, mends=messages.Mends.CHOICES
                    )
                elif after is None:
                    return False
                else:
                    diag = messages.run_and_member_missing(
                        rest, after, span, members, kind, home, mends=messages.Mends.CHOICES,
                        note=f"`{last}` is midnight, `00:00`, the start of the day after: `{after}`",
                    )
        else:
            return False
        words = tuple(re.findall(r",|[^\s,]+", "run on X daily 00:00"))
        sim = Sim.of(ip)
        if not self._whole_statement(sim, words) or not self._values_shaped(sim, words):
            return False
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
        return True

    def schedule_without_run(self, ip, tok: Token) -> Token | None:
        """`daily 02:00` as a statement of its own in a job: `run on MEMBER` before the
        schedule is missing. One error that shows the `run` statement to write. When the
        line names the members after the schedule (`daily 02:00 on VMSYS1`), the fix
        writes the statement and the line is skipped; otherwise the schedule is read
        after a placeholder `run on MEMBER`, so that a mistake in it is reported too.
        None when `run` cannot start here."""
        if not Sim.of(ip).fits(["RUN", "ON"]):
            return None
        written, end = self.phrase(tok.start_pos, statements=False)
        line = self.source.text[self.source.text.rfind("\n", 0, tok.start_pos) + 1 : tok.start_pos]
        first = _RUN_WITH_SCHEDULE.match(line)
        if first is not None:
            # `run on VMSYS1 daily 02:00 weekly sun 04:00`: a second schedule after the
            # first, on the `run` line (not a schedule whose `run` is missing)
            run, schedule = (" ".join(first.group(part).split()) for part in ("run", "schedule"))
            span = self.source.span(tok.start_pos, end)
            self.said_and_skipped(
                ip, tok, messages.second_schedule(run, schedule, written, span), tok.start_pos, end
            )
            return _LINE_SKIPPED
        # `daily at 02:00 run on VMSYS1`: `at` before the time, read without it (and the time
        # as BKR313 reads it), which the help says (was the statement's form, no fix)
        at_word, read = None, written
        bare = _AT_TIME_THEN_PLACE.fullmatch(written)
        if bare is not None and _time_read(bare.group("time")) is not None:
            at_word = bare.group("at")
            read = f"{bare.group('head')} {_time_read(bare.group('time'))}{bare.group('tail')}"
        # `daily 02:00 run on VMSYS1`: `run` there, after the schedule, is the statement's own
        found = re.fullmatch(r"(?P<schedule>\S.*?)(?:\s+[Rr][Uu][Nn])?\s+[Oo][Nn]\s+(?P<place>\S.*)", read)
        if found is not None:
            meant = f"run on {found.group('place')} {found.group('schedule')}"
            span = self.source.span(tok.start_pos, end)
            sim = Sim.of(ip)
            ranged = _WEEKLY_RANGE.fullmatch(found.group("schedule"))
            days = messages.days_written_as_one(f"{ranged.group('first')}-{ranged.group('last')}") if ranged else None
            place = found.group("place")
            if (
                days is not None
                and all(messages.looks_like_day(d) for d in re.split(r"\s*,\s*", ranged.group("before")) if d)
                and (place.lower() == "each member" or self._member_names(place) is not None)
                and (ranged.group("time") is None or messages.looks_like_time(ranged.group("time")))
                and ranged.group("at") is None
            ):
                # `weekly mon-fri 22:00 run on VMSYS1`, `weekly mon - fri 22:00 ...`: the
                # range's days one by one too (was a help that gave the statement's form,
                # no fix; for `mon- fri`, a help and a fix writing `run on mon- weekly fri
                # 22:00`, `VMSYS1` one word too many)
                before = [d for d in re.split(r"\s*,\s*", ranged.group("before")) if d]
                listed = ",".join([*before, *days])
                # `run on VMSYS1 VMSYS2`: the members' commas written too, and said
                runs = [] if place.lower() == "each member" else [part.split() for part in place.split(",")]
                members = place if not runs else ", ".join(name for run in runs for name in run)
                meant = f"run on {members} {ranged.group('weekly')} {listed} {ranged.group('time') or 'HH:MM'}"
                if self._whole_statement(sim, tuple(re.findall(r",|[^\s,]+", meant))):
                    diag = messages.schedule_without_run(
                        written, span, meant, commas_missing=runs, days_listed=True, at_word=at_word
                    )
                    if any(len(run) > 1 for run in runs):
                        # a job of single-configuration users runs on one member: the
                        # `,`s would give BKR220 (as `run weekly mon-fri 22:00 on VMSYS1
                        # VMSYS2`, schedule_first_days_range)
                        said = ["`weekly` takes each day by name, the days separated by commas"]
                        if at_word is not None:
                            said.append(f"the time follows without `{at_word}`")
                        names = [name for run in runs for name in run]
                        diag = messages.run_written_on_one(
                            diag, names, *self.job_home(ip.parser_state.value_stack), said=said, meant=meant
                        )
                    self.said_and_skipped(ip, tok, diag, tok.start_pos, end)
                    return _LINE_SKIPPED
            each = re.fullmatch(r"[Ee][Aa][Cc][Hh] [Mm][Ee][Mm][Bb][Ee][Rr] (?P<names>.+)", found.group("place"))
            names = self._member_names(each.group("names")) if each is not None else None
            every = f"run on each member {found.group('schedule')}"
            if names is not None and self._whole_statement(sim, tuple(every.split())):
                # `daily 01:00 run on each member VMSYS2`: members after `each member` too,
                # one error for the line (was the order's, its fix writing `run on each
                # member daily 01:00` and leaving `VMSYS2`, then "one word too many" at it)
                diag = messages.names_after_each_member(names, found.group("schedule"), span, schedule_first=True)
                self.said_and_skipped(ip, tok, diag, tok.start_pos, end)
                return _LINE_SKIPPED
            words = tuple(re.findall(r",|[^\s,]+", meant))
            place = found.group("place")
            # words no statement has a place for last on the line (`VMSYS1 VMSYS2 now`),
            # left out of the members: their own error follows, as after `VMSYS1 now`
            placed = place.split(" ")
            kept = len(placed)
            while kept > 1 and self._stray(placed[kept - 1]):
                kept -= 1
            members, stray = " ".join(placed[:kept]), placed[kept:]
            names = re.split(r"[\s,]+", members)
            listed = f"run on {', '.join(names)} {found.group('schedule')}"
            commas = tuple(re.findall(r",|[^\s,]+", listed))
            if (
                not self._whole_statement(sim, words)
                and len(names) > 1
                and all(name.isupper() for name in names)  # names, as written: no `now`
                and self._whole_statement(sim, commas)
                and self._values_shaped(sim, commas)
            ):
                # `daily 01:00 run on VMSYS1 VMSYS2`: a member's `,` left out too, as
                # `run on VMSYS1 VMSYS2 daily 01:00` reads it (was a fix that dropped
                # `VMSYS2`, then "one word too many" at it); with words too many after
                # them (`VMSYS1 VMSYS2 now`), the fix leaves those out, and they are
                # one error of their own (was a fix that dropped `VMSYS2` too)
                runs = [part.split() for part in members.split(",")]
                diag = messages.schedule_without_run(written, span, listed, commas_missing=runs, at_word=at_word)
                # a job of single-configuration users runs on one member (BKR220): its
                # help says `at` and the words too many, which its mend leaves out, so
                # they are no error of their own there
                said = [f"the time follows without `{at_word}`"] if at_word is not None else []
                if stray:
                    said.append(f"the `run` statement has no place for `{' '.join(stray)}`")
                one = messages.run_written_on_one(diag, names, *self.job_home(ip.parser_state.value_stack), said=said)
                stray = stray if one is diag else []
                diag = one
                self.report(diag, tok.start_pos)
                if stray:
                    raw = self.source.text[tok.start_pos : end]
                    at = tok.start_pos + re.search(r"\s+".join(map(re.escape, stray)) + r"\Z", raw).start()
                    extra = self.source.span(at, end)
                    self.report(messages.word_inside_statement(" ".join(stray), "run", listed, extra))
                self.skip_phrase(ip, tok, end)
                self._fed_error_token = True
                return _LINE_SKIPPED
            if not (self._whole_statement(sim, words) and self._values_shaped(sim, words)):
                # `daily now 01:00 run on VMSYS1`: the schedule put last is still no
                # statement; the line in order without the word too many, and that word's
                # error (as `on VMSYS1 run daily now 01:00`), else no line to write
                ordered = self.reordered(sim, tok.start_pos, trailing=True, inside_first=True)
                if (
                    ordered is not None
                    and ordered.text.split()[0].lower() == "run"
                    and not any(self._stray(word) for word in ordered.text.split())  # not `run on now ...`
                ):
                    ordered = self.stray_word_last(ordered)
                    self.report(messages.schedule_without_run(written, ordered.span, ordered.text), tok.start_pos)
                    self.skip_phrase(ip, tok, self.words_after_order(ordered))
                else:
                    self.report(messages.schedule_without_run(written, span, None, form=True), tok.start_pos)
                    self.skip_phrase(ip, tok, end)
                self._fed_error_token = True
                return _LINE_SKIPPED
            self.said_and_skipped(
                ip,
                tok,
                messages.schedule_without_run(written, span, meant, at_word=at_word),
                tok.start_pos,
                end,
            )
            return _LINE_SKIPPED
        meant = messages.certain_schedule(" ".join(written.split()))
        if (
            (
                meant is not None
                and meant != " ".join(written.split()).lower()
                # `daily at 3`: an hour alone of two readings, each said (as `every day at 3`)
                or meant is None and messages.hour_readings(" ".join(written.split())) is not None
            )
            and "on" not in written.lower().split()
            and self.run_and_member_missing(ip, tok, self.source.text[tok.start_pos : end].rstrip())
        ):
            # `daily at 01:00`: a schedule written another way, `run on` and the member
            # left out: one error, as `nightly at 01:00`'s (was two: the `at`'s, whose fix
            # left `daily 01:00`, and then "`run` is missing")
            return _LINE_SKIPPED
        if "on" not in written.lower().split() and self.schedule_alone(ip, tok, self.source.text[tok.start_pos : end].rstrip()):
            # `daily 02:00`, `weekly saturday`: a whole schedule (its time perhaps not
            # written) alone on a job's line: the `run` the file allows (was `run on
            # MEMBER` before it, the file's names unsaid, and `weekly saturday`'s time
            # missing a second error)
            return _LINE_SKIPPED
        if "on" not in written.lower().split() and self.month_days_alone(ip, tok, end):
            # `monthly 1,15 at 3am`: several days of the month in English, `run on` left out
            return _LINE_SKIPPED
        if "on" not in written.lower().split() and self.times_alone(ip, tok, end):
            # `daily 03:00 and 14:00`, `daily 02:00,14:00`: several times, `run on` left out
            return _LINE_SKIPPED
        found = re.fullmatch(r"(?P<schedule>\S.*?)\s+[Oo][Nn]", written)
        if found is not None:
            # `daily 02:00 on`: the `on` at its end, and no member after it
            self.report(
                messages.schedule_without_run(str(tok.value).lower(), self.span_of(tok), shown=found.group("schedule")),
                tok.start_pos,
            )
            self.skip_phrase(ip, tok, end)
            self._fed_error_token = True
            return _LINE_SKIPPED
        if self.report(messages.schedule_without_run(str(tok.value).lower(), self.span_of(tok)), tok.start_pos):
            # `daily` alone: the statement is said to be unfinished by that one error,
            # not also its time missing at the same word (report_missing)
            self.head_missing.add(tok.start_pos)
        self.feed_types(ip, ["RUN", "ON", "NAME"], tok)
        return tok

    def month_days_alone(self, ip, tok: Token, end: int) -> bool:
        """`monthly 1,15 at 3am`, `monthly 1st and 15th at 03:00`, `monthly 1,15 3am and 3pm`
        alone on a line of a job (from `tok` to `end`): several days of the month in English
        (`messages.schedule_phrase`'s with `alone`), `run on MEMBER` left out. One error that says both, as
        `monthly 1,15 3am` gets (schedule_alone_amiss), its help a job for each day with the
        `run` the file allows (was "`run` is missing", then the schedule's own error after
        it). False for any other line, or where no member is read."""
        rest = self.source.text[tok.start_pos : end].rstrip()
        if not messages.looks_like_schedule(rest):
            return False
        stack = ip.parser_state.value_stack
        members = members_read(stack)
        if not members:
            return False
        alone = messages.run_allowed(members, *self.job_home(stack))
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        diag = messages.schedule_phrase(rest, True, span, statement="run", alone=alone)
        if "`run on` is missing before it" not in diag.message:
            return False  # a phrase of one day, or none: `run`'s error, then the schedule's own
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
        return True

    def times_alone(self, ip, tok: Token, end: int) -> bool:
        """`daily 03:00 and 14:00`, `daily 02:00,14:00`, `weekly mon 03:00 and fri 04:00`
        alone on a line of a job (from `tok` to `end`): more than one time of day, which
        no schedule has (`messages.schedule_phrase`), and `run on` left out. One error that
        says both, its help a job for each time with the `run` the file allows before
        each (`messages.run_placed`; was that error, then "`run` is missing" whose help
        led to the times' error again). False for any other line, or where no member is read."""
        rest = self.source.text[tok.start_pos : end].rstrip()
        if len(messages.CLOCK.findall(rest)) < 2 or not messages.looks_like_schedule(rest):
            return False
        stack = ip.parser_state.value_stack
        members = members_read(stack)
        if not members:
            return False
        if self.window_alone(ip, tok, rest):
            return True
        if re.search(r"(?i)\d\s+to\s+\d", rest):
            # `daily 02:00 to 25:00`, no window of two times: `time_window` says the `to`
            # after "`run` is missing", as before c8df814f
            return False
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        diag = messages.schedule_phrase(rest, True, span, statement="run")
        if diag.slip != messages.SEVERAL_TIMES:
            return False
        head, sep, forms = (diag.help or "").partition("\n")
        help = messages.run_placed(head, *messages.run_allowed(members, *self.job_home(stack))) + sep + forms
        message = f"{diag.message}; `run on` is missing before it"
        self.said_and_skipped(ip, tok, replace(diag, message=message, help=help, fix=None, choices=()), tok.start_pos, tok.start_pos + len(rest))
        return True

    def window_alone(self, ip, tok: Token, rest: str) -> bool:
        """`daily 02:00-04:00` or `daily 02:00 to 04:00` alone on a line of a job (`rest`,
        from `tok`): a time window where a schedule gives its start, and `run on` left
        out. One error that says both, as BKR313 says the window after `run on M` and
        `time_window` the `to` form: its help and mends write the `run` the file allows
        with the start alone (`messages.run_and_member_missing`; was read as two times, a
        job for each, and the `to` form "`run` is missing" and then `time_window`'s
        error). False for any other line."""
        phrase = " ".join(rest.split())
        found = _WINDOW_ALONE.fullmatch(phrase)
        times = [_time_read(found.group(t)) for t in ("start", "end")] if found is not None else [None]
        if None in times or any(messages.clock_has_not(t) for t in times):
            return False
        start, window = times[0], phrase[found.start("start") : found.end("end")]
        started = f"{found.group('head')} {start}"
        schedule = messages.certain_schedule(started)
        if schedule is None and _alone_respelt(started) == started.lower():
            # `monthly last-day 20:00`, `monthly last sun 20:00`: written as they are, which
            # certain_schedule leaves to the parser (was two times read, or with `to` two errors)
            schedule = started.lower()
        read = self._alone_as_run_on(ip, tok, rest, schedule) if schedule is not None else None
        if read is None:
            return False
        members, kind, home, span = read
        note = (
            f"what is scheduled starts at {start} and runs until it is done: Backup Manager has no time window"
        )
        diag = messages.run_and_member_missing(rest, schedule, span, members, kind, home, note=note)
        message = (
            f"a schedule gives a start time, not a time window (`{window}`); `run` is missing before the schedule,"
            " and so is the member the job runs on"
        )
        self.said_and_skipped(ip, tok, replace(diag, message=message), tok.start_pos, tok.start_pos + len(rest))
        return True

    def _member_names(self, written: str) -> list[str] | None:
        """The members `written` names (`VMSYS2`, `VMSYS2, VMSYS3`, `VMSYS2 VMSYS3`): names
        in capitals, as members are written, none a keyword; None for anything else."""
        names = re.split(r"\s*,\s*|\s+", written.strip())
        if not all(name.isupper() and name.lower() not in self.facts.keywords for name in names):
            return None
        return names

    def names_after_each_member(self, ip, tok: Token) -> int | None:
        """`run on each member VMSYS2 daily 01:00`: members named after `each member`,
        which names every member already, and a schedule after them that ends the
        statement, or none (`run on each member VMSYS2`, as `run on each member` reads).
        One error for them (was "`VMSYS2` has no keyword before it", its help writing
        `daily VMSYS2`), whose help writes the line on every member or on those named;
        where the words after the names end, else None."""
        if tok.type != "NAME":
            return None
        state = ip.parser_state
        leaves = [t for v in state.value_stack[-4:] for t in tokens_of(v) if is_real(t)]
        first = self.statement_start(state)
        if (
            len(leaves) < 3
            or [t.type for t in leaves[-3:]] != ["ON", "EACH", "MEMBER"]
            or leaves[-1].line != tok.line
            or first is None
            or first.type != "RUN"
        ):
            return None
        line = self._line_before_comment(tok.start_pos)
        words = re.findall(r",|[^\s,]+", line)
        count = 0
        while count < len(words) and (words[count] == "," or self._member_names(words[count]) is not None):
            count += 1
        if count == 0 or words[count - 1] == ",":
            return None
        names = [word for word in words[:count] if word != ","]
        schedule = words[count:]
        sim = Sim.of(ip)
        for word in schedule:
            keyword = self.facts.keywords.get(word.lower())
            if keyword is not None and sim.feed(keyword):
                continue
            if keyword is not None or not sim.feed("NAME"):
                return None
        if not (sim.fits(["RBRACE"]) or sim.fits(["$END"])) or (schedule and not messages.looks_like_time(schedule[-1])):
            return None  # (without a schedule, `run on each member VMSYS2`: as `run on each member` reads)
        last = 0
        for name in names:
            last = line.index(name, last) + len(name)
        span = self.source.span(tok.start_pos, tok.start_pos + last)
        self.report(messages.names_after_each_member(names, " ".join(schedule), span), tok.start_pos)
        return tok.start_pos + len(line.rstrip())

    def unmatched_close(self, ip, tok: Token) -> None:
        closed = last_closed(ip.parser_state.value_stack, self.source)
        run, removed, remove = self.close_run_removal(tok)
        bare = self.bare_braces_removal(tok, run) if remove is not None else None
        diag = messages.unmatched_close(
            self.span_of(tok), closed, remove, run=run, removed=removed, surplus=-self.brace_balance, bare=bare
        )
        self.report(diag, tok.start_pos)
        # A run of them is one mistake.
        state = ip.lexer_thread.state
        self._advance(state, re.compile(r"[\s}]*").match(self.source.text, state.line_ctr.char_pos).end())

    def user_declared_with_body(self, ip, tok: Token) -> bool:
        """`identity user TCPIP { }`, `identity user SYSTEM { TCPIP }`: a user declaration
        with a block after it on its line (`tok`, its `{`), as a group is declared (was
        BKR004, "a block starts with its keyword and name", help "see docs/language.md").
        One error (`messages.user_with_body`) whose fix removes the empty braces, or writes
        `group` for `user` where they hold users; the braces and the body are skipped."""
        if tok.start_pos is None:
            return False
        leaves = self.line_tail(ip, tok)
        if (
            len(leaves) != 3
            or leaves[0].type not in ("SINGLE", "IDENTITY")
            or leaves[1].type != "USER"
            or leaves[2].type != "NAME"
            or leaves[2].end_pos is None
        ):
            return False
        end = self._block_end(tok.start_pos)
        if end is None:
            return False
        text = self.source.text
        inside = text[tok.start_pos + 1 : end - 1]
        users = " ".join(messages.line_words(line) for line in inside.split("\n")).split()
        if not messages.user_ids(users):
            return False  # a body of other words: not users (a member's settings, a keyword)
        diag = messages.user_with_body(
            str(leaves[0].value).lower(), str(leaves[2].value), users, self.span_of(tok),
            self.span_of(leaves[1]), self.source.span(leaves[2].end_pos, end),
        )
        self.said_and_skipped(ip, tok, diag, tok.start_pos, end)
        return True

    def bare_braces_removal(self, tok: Token, run: int) -> tuple[int, tuple[Span, ...], tuple[int, ...]] | None:
        """`job SYSFULL { {` above, `}}` at the end: the `{` reported as opening nothing
        (BKR004, `bare_braces`) took a `}` of the run, so that removing the `}` too many
        (close_run_removal) pairs the braces but leaves that `{`'s error. Where removing
        those `{` too, and as many more `}` right before the run's last (only blanks
        between), leaves every other brace paired: how many `}` that removes, the
        spans to delete (the `}` and each `{`), and the lines of the `{`; else None.
        Asked only where a `{` opening nothing was reported, and a `}` closes nothing."""
        reported = {d.span.start for d in self.diagnostics if d.code == "BKR004" and d.span is not None}
        bare = [b for b in self.bare_braces if b in reported]
        if not bare or tok.start_pos is None:
            return None
        text = self.source.text
        found, _before, _after = self._brace_depths
        at = bisect.bisect_left(found, tok.start_pos)
        if at == len(found) or found[at] != tok.start_pos:
            return None
        last = at + run - 1
        need = -self.brace_balance + len(bare)  # the `}` to remove
        first = last - need + 1
        if first < 0 or any(
            text[found[i]] != "}" or text[found[i] + 1 : found[i + 1]].strip() for i in range(first, last)
        ):
            return None
        removed = set(found[first : last + 1]) | set(bare)
        depth = 0
        for offset in found:
            if offset in removed:
                continue
            depth += 1 if text[offset] == "{" else -1
            if depth < 0:
                return None
        if depth != 0:
            return None
        spans = (self.source.deletion(self.source.span(found[first], found[last] + 1)),) + tuple(
            self.source.deletion(self.source.span(b, b + 1)) for b in bare
        )
        return need, spans, tuple(self.source.position(b)[0] for b in bare)

    def close_run_removal(self, tok: Token) -> tuple[int, int, Span | None]:
        """The run of `}` that `tok`, a `}` that closes nothing, starts (it and the `}`
        after it with only blanks between, which the recovery skips as one mistake):
        how many `}` it holds, how many the fix removes, and the text that removes
        them, when that mend is certain: the file has as many `}` too many as the fix
        removes, and without them every other `{` and `}` of the file pair up. The fix
        removes the last `}` of the run, and may reach the `}` right before it with only
        blanks between, one that closed a block early (`}}}` in the middle of a
        cluster: the first closed it), where no error came before and a statement
        comes after. The braces are counted once for the file (`_brace_depths`), so each
        run costs its own length. (A block's opening line
        deleted, its statements and its `}` left, is read as the statements misplaced,
        BKR013, the `}` closing the block reopened for them: no BKR006 there.)"""
        if tok.start_pos is None:
            return 1, 0, None
        text, surplus = self.source.text, -self.brace_balance
        found, lowest_before, lowest_after = self._brace_depths
        at = bisect.bisect_left(found, tok.start_pos)
        if at == len(found) or found[at] != tok.start_pos:
            return 1, 0, None  # pragma: no cover - the parser's `}` is one of the file's
        last = at
        while last + 1 < len(found) and text[found[last + 1]] == "}" and not text[found[last] + 1 : found[last + 1]].strip():
            last += 1
        run = last - at + 1
        if surplus < run:
            return run, 0, None
        if surplus > run:
            # the `}` before the run closed its block early only where nothing above was
            # an error and a statement follows, the early-closed block's (before the end
            # of the file or another `}`, that `}` may be the block's own, and which `}`
            # is too many is not certain)
            after = _BLANKS_AND_COMMENTS.match(text, found[last] + 1).end()
            if self.diagnostics or self.hidden or after == len(text) or text[after] == "}":
                return run, 0, None
        first = last - surplus + 1  # the first `}` the fix removes
        if first < 0 or any(
            text[found[i]] != "}" or text[found[i] + 1 : found[i + 1]].strip() for i in range(first, at)
        ):
            return run, 0, None
        # without braces first..last: every depth before stays >= 0, every one after rises by `surplus`
        if lowest_before[first] < 0 or (last + 1 < len(found) and lowest_after[last + 1] + surplus < 0):
            return run, 0, None
        span = self.source.span(found[first], found[last] + 1)
        return run, surplus, self.source.deletion(span)

    @functools.cached_property
    def _brace_depths(self) -> tuple[list[int], list[int], list[int]]:
        """The offsets of the file's `{` and `}` (`braces`), the lowest depth before
        each (the file's start counting as 0), and the lowest from each, after it, to
        the end: once for the file (`close_run_removal`)."""
        found, depths = [], []
        depth = 0
        for brace, offset in braces(self.source.text):
            depth += 1 if brace == "{" else -1
            found.append(offset)
            depths.append(depth)
        lowest_before, low = [], 0
        for depth in depths:
            lowest_before.append(low)
            low = min(low, depth)
        lowest_after, low = [0] * len(depths), None
        for i in range(len(depths) - 1, -1, -1):
            low = depths[i] if low is None else min(low, depths[i])
            lowest_after[i] = low
        return found, lowest_before, lowest_after

    def stray_name(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        """A name where a statement keyword belongs."""
        text = str(tok.value)
        if text == "*DVHOPT" and self.dirmaint_options_after(ip, tok):
            return None
        line_end = text == "*" and self.star_comment_after(ip, tok)
        if text.startswith("*") and (line_end or self.first_on_line(tok.start_pos)):
            self.report(messages.star_comment(self.span_of(tok), line_end=line_end, word=text), tok.start_pos)
            end = self.source.text.find("\n", tok.end_pos)
            self._advance(ip.lexer_thread.state, len(self.source.text) if end == -1 else end)
            return None
        special = self.schedule_mistake(ip, tok)
        if special is not None:
            self.report(special, tok.start_pos)
            return None
        retention = self.retention_on_line(ip, tok, accepted)
        if retention is not None:
            return retention[0]
        if self.retention_on_to(ip, tok):  # `to disk pool P for 30 days`
            return None
        if self.brace_balance < 0:
            # `single group APPS { CICSPRD } DB2PRD }`: a `}` too many closed the group.
            closed = last_closed(ip.parser_state.value_stack, self.source)
            path = list(OPENERS["group_decl"])
            if closed is not None and closed[0].kind == "group_decl" and Sim.of(ip).fits([*path, "NAME"]):
                diag = messages.only_inside(
                    text, "group_decl", self.span_of(tok), closed, True, self.extra_brace(closed)
                )
                self.report(diag, tok.start_pos)
                self.feed_types(ip, path, tok, brace=REOPENED)
                return tok
        if self.brace_balance == 0 and tok.type == "NAME" and self.first_on_line(tok.start_pos):
            # `identity group SYSTEM { }`, its user IDs on the lines below: one error, whose
            # fix moves the `}` below them; those lines skipped (messages.group_body_below)
            closed = last_closed(ip.parser_state.value_stack, self.source)
            if closed is not None and closed[0].kind == "group_decl" and not closed[0].placeholder:
                below = messages.group_body_below(
                    self.describe(tok), self.span_of(tok), closed[0].title, closed[1],
                    closed[0].brace.start_pos, self.source.text,
                )
                if below is not None:
                    self.report(below[0], tok.start_pos)
                    self._advance(ip.lexer_thread.state, below[1])
                    return None
        if text.lower() == "end" and "RBRACE" in accepted and self.alone_on_line(tok):
            # REXX's `do ... end`: the block's `}`.
            self.report(messages.end_for_brace(self.span_of(tok)), tok.start_pos)
            return self.retype(tok, "RBRACE")
        options = self.options_on_line(tok, accepted)
        tape = False  # a tape's own setting in a job (`label SL`): its help says whose it is
        disk = False  # ... and the job's destination a disk pool, which takes none of them
        if text.lower() in messages.TAPE_SETTINGS:
            inner = open_blocks(ip.parser_state.value_stack)
            tape = bool(inner) and messages.tape_setting(text, inner[-1].kind)
            brace = inner[-1].brace if tape else None
            disk = (
                brace is not None
                and not inner[-1].placeholder
                and brace.start_pos is not None
                and messages.job_medium(self.source.text, brace.start_pos) == "disk"
            )
            tail = self.line_tail(ip, tok) if tape else []
            # `to tape pool P density 6250`: the setting on the `to` line, as JCL writes it
            # (on a `to disk` line too, whose help says a disk pool takes none)
            types = [t.type for t in tail]
            on_to = len(types) == 4 and types[0] == "TO" and types[1] in ("TAPE", "DISK") and types[2:] == ["POOL", "NAME"]
            if on_to and self.tape_setting_on_to(ip, tok, types[1].lower(), str(tail[-1].value)):
                return None
        if text in BLANK_PAIRS_BEGUN and tok.start_pos in self.statement_words:
            # `to-d` alone on a group body's line (match_begun): `to disk` being typed with
            # a `-` for the blank, as in a job (hyphen_for_blank), not a user ID
            head, rest = text.split("-")
            meant = f"{head} {next(k for k in BLANK_PAIRS[head] if k.startswith(rest))}"
            self.report(messages.hyphen_for_blank(text, meant, self.span_of(tok)), tok.start_pos)
            return self.skip_statement(ip, tok)
        meant = self.reordered(Sim.of(ip), tok.start_pos) if self.first_on_line(tok.start_pos) else None
        if meant is not None and is_real(tok):
            # `35 days retain`, `APPS backup full`: the statement's keyword later on the
            # line, and one order of its words alone makes it a statement
            self.said_and_skipped(
                ip,
                tok,
                messages.value_before_keyword(text, meant, self.span_of(tok)),
                tok.start_pos,
                meant[1].end,
            )
            return None
        words = messages.statement_meant(
            text, self.keywords_in(accepted & self.statements), self.keywords_in(self.statements), not options,
            "job" if tape else None, first=self.first_on_line(tok.start_pos),
        )
        if len(words) == 1 and words[0] not in self.keywords_in(accepted & self.statements):
            # `keep 35 days` in a job: `retain` starts no statement here, and a fix that
            # wrote it would give BKR013; no fix, and where it belongs, as BKR013 says.
            # So at the top level of the file (`keep 30 days` after the imports), where
            # no block is open: `retain` would give BKR013 there too.
            blocks = open_blocks(ip.parser_state.value_stack)
            inner = [b for b in blocks if not b.placeholder]
            if inner or not blocks:
                meant = Token(self.facts.keywords[words[0]], words[0])
                homes = self.other_blocks(Sim.start(self.lark), meant, "")
                block = inner[-1] if inner else None
                diag = messages.keyword_of_another_block(
                    self.describe(tok), words[0], block, self.span_of(tok),
                    self.span_of(block.brace) if block is not None else None, homes,
                )
                self.meant_elsewhere.add(tok.start_pos)
                return self.misspelt(tok, words, diag)
        if words:
            return self.misspelt(tok, words)
        words = messages.synonyms_among(text, options)
        if words:
            # `on VMCOM1 extent 1000`: CP's word for `at`, the keyword the statement goes on with
            value = _BLANKS_THEN_NAME.match(self.source.text, tok.end_pos)
            diag = messages.synonym_option(text, words[0], value and value.group(1), self.span_of(tok))
            return self.misspelt(tok, words, diag)
        if self.device_type_after_size(ip, tok):
            return None  # `disk BKRBKUP 191 size 10 cyl 3390`: dropped, as its fix removes it
        start = self.disk_start_without_at(ip, tok)
        if start is not None:
            return start
        if self.keyword_left_out(ip, tok):
            return tok
        if tok.type == "NAME" and self.cron_macro_alone(ip, tok):
            return None  # `@daily` alone on a job's line: cron's, and `run on` left out
        if tok.type == "NAME" and self.phrase_without_run(ip, tok):
            return None  # `nightly 02:00 run on VMSYS1`: a schedule in English, `run` left out
        each = self.names_after_each_member(ip, tok)
        if each is not None:
            # the statement read without its schedule, skipped with the names
            return self.skip_statement(ip, tok, past=each)
        tail = self.unread_tail(ip, tok)
        extra = self.word_after_statement(ip, tok, tail)
        if extra is not None:
            self.report(extra, tok.start_pos)
            if tail is not None:
                return self._lex_at(ip, tail)
            if text.isdigit():
                # `workers 2 4  private volume P1`: a number starts nothing to skip;
                # read on after it, so that what follows is read (and reported) too.
                return self._lex_at(ip, tok.end_pos)
            return self.skip_statement(ip, tok)
        blocks = open_blocks(ip.parser_state.value_stack)
        where = (
            messages.in_block(blocks[-1].kind) if blocks else "the top level of a file"
        )
        starts = self.keywords_in(accepted & self.statements)
        statement = self.statement_name(ip.parser_state) if options else None
        self.report(
            messages.not_a_keyword(
                self.describe(tok), where, starts, self.span_of(tok), options if statement else (), statement,
                tape=tape and not statement,
                disk=disk,
            ),
            tok.start_pos,
        )
        return self.skip_statement(ip, tok)

    def brace_inside_statement(self, ip, tok: Token, accepted: set[str]) -> bool:
        """`purge weekly }sun 03:00`, `retain } 30 days`: a `}` too many in the middle
        of a statement that reads on after it, on its line. One error, and the `}` is
        skipped (not the block closed early, and the rest of the statement reported
        word by word)."""
        if self.brace_balance >= 0 or accepted & {"RBRACE", "$END"} or tok.start_pos is None:
            return False
        text = self.source.text
        end = tok.end_pos
        if not text[end:].split("\n", 1)[0].split("#", 1)[0].strip():
            return False  # nothing after it on its line: perhaps the block's own `}`
        after = self.peek(ip)
        if after is None or after in ("RBRACE", "$END") or not Sim.of(ip).fits([after]):
            return False
        self.report(messages.brace_inside_statement(self.span_of(tok), self.brace_fix(tok)), tok.start_pos)
        return True

    def brace_fix(self, tok: Token) -> Fix:
        """The fix that deletes the `}` `tok` in the middle of a statement."""
        text = self.source.text
        start, end = tok.start_pos, tok.end_pos
        blank_before = start == 0 or text[start - 1] in " \t\n"
        blank_after = end == len(text) or text[end] in " \t\n"
        if blank_before and blank_after:  # `retain } 30`: the brace and the blanks before it
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            return messages.remove_fix("the `}`", self.source.span(start, end))
        if blank_before or blank_after:  # `weekly }sun`: the brace alone
            return messages.remove_fix("the `}`", self.span_of(tok))
        return messages.write_fix(" ", self.span_of(tok))  # `weekly}sun`: a blank in its place

    def brace_after_whole_statement(self, tok: Token) -> Token | None:
        """`to disk } pool X`: a `}` too many after a statement that is whole, its line
        reading on after the brace with a keyword of that statement, not one that
        starts a statement, and only as that statement (not after a closed block).
        Lark would close the block there and find `pool` out of place: one error for
        the brace instead (whose fix deletes it when the file has exactly one `}` too
        many), and the brace skipped (diagnose, `misplaced_at`)."""
        # The cheap tests first: this runs for every token.
        if tok.type != "RBRACE" or tok.start_pos is None or self.brace_balance >= 0:
            return None
        if self.first_on_line(tok.start_pos) or self.parser_state is None:
            return None
        text = self.source.text
        if not text[tok.end_pos : self._line_end(tok.end_pos)].split("#", 1)[0].strip():
            return None  # nothing after it on its line: perhaps the block's own `}`
        previous = last_real_token(self.parser_state.value_stack)
        if previous is None or previous.line != tok.line or previous.type in ("LBRACE", "RBRACE"):
            return None
        window = self.window(tok.end_pos)
        if not window:
            return None  # no word the lexer reads after it (`}\x1b`): nothing reads on
        keyword = self.facts.keywords.get(window[0][0].lower())
        if keyword is None or keyword in self.statements:
            return None  # a name, or a statement: the block's rest (`} private-volume V`, only_inside)
        sim = self.sim_here()
        if sim is None or not self.lexing(tok) or not sim.fits(["RBRACE"]):
            return None
        closed = sim.copy()
        if self.reading(sim, window) is None or (closed.feed("RBRACE") and self.reading(closed, window) is not None):
            return None
        fix = self.brace_fix(tok) if self.brace_balance == -1 else None
        self.report(messages.brace_inside_statement(self.span_of(tok), fix), tok.start_pos)
        self.misplaced_at[tok.start_pos] = tok.end_pos
        return self.retype(tok, _SKIPPED)

    def split_keyword(self, ip, tok: Token) -> Token | None:
        """`impor t std/zvm73`, `incl ude minidisk * *`, `retain 35 da ys`: a keyword
        with a blank inside, where the keyword fits. One error for the two words,
        read as the keyword (not the first as a misspelling and the second as a word
        too many, a module `t` or a statement of its own); None when `tok` and the
        word after it are not one."""
        if tok.start_pos is None or not (tok.type == "NAME" or tok.type in self.keyword_types):
            return None
        text = self.source.text
        rest = _SECOND_HALF.match(text, tok.end_pos)
        if rest is None or not str(tok.value).isalpha():
            return None
        joined = str(tok.value) + rest.group(1)
        keyword = self.facts.keywords.get(joined.lower())
        if keyword is None or not Sim.of(ip).fits([keyword]):
            return None
        span = self.source.span(tok.start_pos, rest.end(1))
        self.report(messages.split_keyword(text[tok.start_pos : rest.end(1)], joined, span), tok.start_pos)
        self._advance(ip.lexer_thread.state, rest.end(1))
        return self.retype(tok, keyword)

    def swapped_words(self, ip, tok: Token) -> Token | None:
        """`group single APPS {`, `VMSYS2 member {`, `4 workers`, `to pool disk`,
        `tape shared manager`: `tok` and the keyword after it on its line, the other
        way round. Where the keyword fits here, `tok` after it, and the rest of the
        line (and the first word of the next) reads on only so, one error for the
        two words, with a fix that swaps them; they are read as swapped. None
        otherwise. (Only a statement keyword after a word that starts a statement:
        in `workers 2 4 private-volume V`, `4` is a word too many.)"""
        if not is_real(tok) or not (tok.type == "NAME" or tok.type in self.keyword_types):
            return None
        if tok.start_pos in self.glued_names:
            return None  # `to tapes pool`: the `s` cut from `tapes` (check_glued's), not `pool s` swapped
        previous = last_real_token(ip.parser_state.value_stack)
        if previous is not None and previous.end_line == tok.line and repeats(previous, tok):
            return None  # `exclude exclude minidisk`: the word twice, not `exclude minidisk` swapped
        if previous is not None and previous.start_pos in self.runs_unfinished and previous.end_line < tok.line:
            # `exclude exclude`, then `include sfs BKRPOOL:CICSPRD.*`: the keyword written over
            # with nothing after it (run_unfinished), not `include sfs` swapped after it
            return None
        if previous is not None and previous.end_line < tok.line and self.selection_below(previous, tok):
            return None
        found = self.swap_reads(Sim.of(ip), tok)
        if found is None:
            return None
        text = self.source.text
        after, second, first = found
        word, blank = after.group(1), after.group(0)[: after.start(1) - after.start(0)]
        span = self.source.span(tok.start_pos, after.end(1))
        written, meant = text[tok.start_pos : after.end(1)], f"{word}{blank}{tok.value}"
        if second == "MINIDISK" and tok.type == "NAME" and messages.address_like(str(tok.value)):
            # `include 0100-0FFF minidisk *`: swapped, the range would be read as the owner
            # (BKR301); the owner after `minidisk` goes first, then the addresses
            owner = _BLANKS_THEN_NAME.match(text, after.end(1))
            owner = owner if owner is not None and not messages.address_like(owner.group(1)) else None
            whole = self.source.span(tok.start_pos, owner.end(1)) if owner is not None else span
            meant = f"{word} {owner.group(1)} {tok.value}" if owner is not None else None
            written = text[whole.start : whole.end]
            self.report(messages.address_before_medium(written, meant, whole), tok.start_pos)
        else:
            self.report(messages.swapped_words(written, meant, span), tok.start_pos)
        # The keyword first, over both words, so that every span the tree takes
        # from its tokens starts before it ends; `tok` keeps its own place.
        line, column = tok.line, tok.column
        end_line, end_column = self.source.position(after.end(1))
        self.feed(ip, Token(second, word, tok.start_pos, line, column, end_line, end_column, after.end(1)))
        self._advance(ip.lexer_thread.state, after.end(1))
        self._fed_error_token = True  # both words were read: a mistake after them is news
        return self.retype(tok, first)

    def selection_below(self, previous: Token, tok: Token) -> bool:
        """`exclude` alone on its line, then `include sfs BKRPOOL:CICSPRD.*` (or `include`,
        then `exclude minidisk * 0190`): a selection's action (`previous`) unfinished at
        its line's end, the next selection first on the line below (`tok`), not the two
        words below the wrong way round (whose fix wrote `sfs include`: a path INCLUDE).
        The first is said unfinished ("expected `minidisk` or `sfs` after `exclude`,
        found the end of the line"), as before any other statement, and the line below
        read as its own statement."""
        return (
            previous.type in ("INCLUDE", "EXCLUDE")
            and tok.type in ("INCLUDE", "EXCLUDE")
            and tok.start_pos is not None
            and self.first_on_line(tok.start_pos)
        )

    def every_of_medium(self, ip, tok: Token) -> Token | None:
        """`include all minidisk`, `exclude every sfs`: a word for "every" where the
        selection's medium is due, then the medium's keyword, last on its line. One
        error, the medium left out, whose help writes what the words mean
        (`messages.medium_left_out`), as for `include all minidisks`, where the medium
        is no keyword (not `all` one word too many and the owner missing after
        `minidisk`, nor `all sfs` two words the wrong way round, whose help wrote
        `include sfs all`). Read on as `minidisk all minidisk` (`sfs all sfs`), as
        `all minidisks` is. None where the words are others."""
        if not is_real(tok) or str(tok.value).lower() not in messages.EVERY_OF_MEDIUM:
            return None
        previous = last_real_token(ip.parser_state.value_stack)
        if previous is None or not is_real(previous) or previous.type not in ("INCLUDE", "EXCLUDE"):
            return None
        if previous.end_line != tok.line or not {"MINIDISK", "SFS"} <= self.accepts(ip):
            return None
        text = self.source.text
        rest = messages.line_from(text, previous.end_pos)
        words = messages.line_words(rest).split()
        if len(words) != 2 or self.facts.keywords.get(words[1].lower()) not in ("MINIDISK", "SFS", "DISK"):
            return None
        medium = "SFS" if words[1].lower() == "sfs" else "MINIDISK"
        diag = messages.missing_other(
            "`minidisk` or `sfs`", f" after {self.describe(previous)}", self.describe(tok), self.span_of(previous), medium
        )
        pool = messages.catalog_pool(text) if medium == "SFS" else None
        self.report(messages.medium_left_out(diag, str(previous.value), rest, pool), tok.start_pos)
        self.feed_types(ip, [medium], tok)
        self.feed(ip, self.retype(tok, "NAME"))
        start = text.index(words[1], tok.end_pos)
        self._advance(ip.lexer_thread.state, start + len(words[1]))
        self._fed_error_token = True  # the line was read, as a whole: a mistake after it is news
        return self.token_at("NAME", start, start + len(words[1]))

    def name_just_before(self, stack, tok: Token) -> Token | None:
        """The name on top of the parse stack (a name, or a list of one name), written
        in the text right before `tok` on its line, blanks between; else None."""
        inside = list(tokens_of(stack[-1])) if stack else []
        previous = inside[0] if len(inside) == 1 else None
        if previous is None or previous.type != "NAME" or not is_real(previous):
            return None
        if previous.line != tok.line or self.source.text[previous.end_pos : tok.start_pos].strip(" \t"):
            return None
        return previous

    def swapped_back(self, ip, tok: Token) -> Token | None:
        """`retain days 35`, `run on member each`: `tok` and the word before it on its
        line, read as a name, the other way round; that word spells a keyword which
        fits where it was read, `tok` before it, and the rest of the line reads on
        after the two. One error, as swapped_words,
        and the two are read again, swapped. None otherwise."""
        if not is_real(tok) or not (tok.type == "NAME" or tok.type in self.keyword_types):
            return None
        state = ip.parser_state
        stack = state.value_stack
        previous = self.name_just_before(stack, tok)
        if previous is None:
            return None
        text = self.source.text
        keyword = self.facts.keywords.get(str(previous.value).lower())
        if keyword is None or keyword in SCHEDULE_KEYWORDS or keyword in ("FULL", "INCREMENTAL"):
            return None  # a level before the groups has its own message (`backup full APPS`)
        before = Sim(state.parse_conf, state.state_stack[: len(stack)])
        own = self.facts.keywords.get(str(tok.value).lower())
        window = self.same_line(self.window(tok.end_pos))
        for first in dict.fromkeys(t for t in (own, "NAME") if t is not None):
            ahead = before.copy()
            # Only a keyword that ends its phrase (`days`, `each member`): one that takes
            # a value after it (`catalog-node on VMSYS1 TCTMM`: `on`) would read the next
            # word as that value, which is not certain to be the one meant.
            if (
                ahead.feed(first)
                and ahead.feed(keyword)
                and not ahead.fits(["NAME"])
                and self.reading(ahead, window) is not None
            ):
                break
        else:
            return None
        span = self.source.span(previous.start_pos, tok.end_pos)
        blank = text[previous.end_pos : tok.start_pos]
        meant = f"{tok.value}{blank}{previous.value}"
        del stack[-1]
        del state.state_stack[len(stack) + 1 :]
        self.report(messages.swapped_words(text[previous.start_pos : tok.end_pos], meant, span), previous.start_pos)
        self.feed(ip, self.retype(tok, first))
        # The keyword over both words, so that the statement's span ends where it does.
        end_line, end_column = self.source.position(tok.end_pos)
        return Token(keyword, previous.value, previous.start_pos, previous.line, previous.column, end_line, end_column, tok.end_pos)

    def keyword_before_value(self, ip, tok: Token) -> Token | None:
        """`disk BKRBKUP size 191 10 cyl`, `run on weekly VMSYS1 sun 22:00`: a keyword
        that takes a value written where the value before it is due, that value right
        after it. The keyword was read as that value (a name), and `tok` comes where the
        keyword is due. Where `tok` reads there as the name, the keyword after it and the
        rest of the line after them (and not with the value left out: `run on weekly sun
        22:00` is the member missing), one error for the two words, with a fix that
        swaps them; they are read as swapped. None otherwise. (A keyword that ends its
        phrase, `retain days 35`, is swapped_back's.)"""
        if not is_real(tok) or tok.type != "NAME":
            return None
        state = ip.parser_state
        stack = state.value_stack
        previous = self.name_just_before(stack, tok)
        if previous is None:
            return None
        text = self.source.text
        keyword = self.facts.keywords.get(str(previous.value).lower())
        if keyword is None or keyword in self.statements or tok.value.lower() in self.facts.keywords:
            return None
        before = Sim(state.parse_conf, state.state_stack[: len(stack)])
        left_out = before.copy()
        if not (left_out.feed("NAME") and left_out.feed(keyword) and left_out.fits(["NAME"])):
            return None  # not a keyword that takes a value, where the value before it is due
        if self.reading(left_out, self.same_line(self.window(previous.end_pos))) is not None:
            return None  # the value before the keyword left out, the words after it its own
        ahead = before.copy()
        if not (ahead.feed("NAME") and ahead.feed(keyword)):
            return None
        if self.reading(ahead, self.same_line(self.window(tok.end_pos))) is None:
            return None
        span = self.source.span(previous.start_pos, tok.end_pos)
        blank = text[previous.end_pos : tok.start_pos]
        written, meant = text[previous.start_pos : tok.end_pos], f"{tok.value}{blank}{previous.value}"
        self.report(messages.swapped_words(written, meant, span), previous.start_pos)
        del stack[-1]
        del state.state_stack[len(stack) + 1 :]
        # The value over the first word, the keyword over the second, so that every span
        # the tree takes from its tokens starts before it ends.
        end_line, end_column = self.source.position(previous.end_pos)
        line, column = previous.line, previous.column
        start, end = previous.start_pos, previous.end_pos
        self.feed(ip, Token("NAME", tok.value, start, line, column, end_line, end_column, end))
        self._fed_error_token = True  # both words were read: a mistake after them is news
        line, column, end_line, end_column = tok.line, tok.column, tok.end_line, tok.end_column
        return Token(keyword, previous.value, tok.start_pos, line, column, end_line, end_column, tok.end_pos)

    def swapped_after_option(self, ip, tok: Token) -> Token | None:
        """`on expire VMSYS1 {` on the line after `catalog ... on VMSYS1`: the swapped
        `on expire` was read as one more `on NAME` of the statement above. When `on`
        starts its line, the name after it is a keyword that starts a statement, and
        that keyword then `on` reads on here, it is `expire on`, written the other way."""
        stack = ip.parser_state.value_stack
        if len(stack) < 2:
            return None
        on, word = stack[-2], stack[-1]
        if not (isinstance(on, Token) and on.type == "ON" and is_real(on)):
            return None
        if not self.first_on_line(on.start_pos):
            return None
        if not (isinstance(word, Token) and word.type == "NAME" and is_real(word) and word.line == on.line):
            return None
        # `onexpire`, one word the contextual lexer split (a NAME cannot follow the
        # `on NAME` above): not two words the other way round.
        if word.start_pos == on.end_pos:
            return None
        keyword = self.facts.keywords.get(str(word.value).lower())
        if keyword is None or keyword not in self.statements or tok.line != on.line:
            return None
        state = ip.parser_state
        before = Sim(state.parse_conf, state.state_stack[:-2])
        if not before.fits([keyword, "ON", tok.type]):
            return None
        span = self.source.span(on.start_pos, word.end_pos)
        written = self.source.text[on.start_pos : word.end_pos]
        self.report(messages.swapped_words(written, f"{word.value} {on.value}", span), on.start_pos)
        del stack[-2:]
        del state.state_stack[-2:]
        self.feed(ip, self.retype(word, keyword))
        self.feed(ip, on)
        return tok

    def schedule_before_placement(self, ip, tok: Token) -> bool:
        """`run daily 02:00 on VMSYS1`: the schedule written before the members. When the
        rest of the line, its `on ...` put first, reads as the statement, one error with
        the words in their order, and the line is read so."""
        last = top_token(ip.parser_state.value_stack, "RUN")
        if last is None or str(tok.value).upper() not in SCHEDULE_KEYWORDS or tok.line != last.line:
            return False
        end = self._line_end(tok.start_pos)
        rest = self.source.text[tok.start_pos : end].split("#", 1)[0].rstrip()
        found = re.fullmatch(r"(?P<schedule>\S.*?)\s+(?P<place>[Oo][Nn](?:\s.*)?)", rest)
        if found is None:
            return False
        words = [(m.group(), tok.start_pos + m.start()) for m in re.finditer(r"[^\s,]+|,", rest)]
        split = next(i for i, (w, at) in enumerate(words) if at == tok.start_pos + found.start("place"))
        ordered = words[split:] + words[:split]
        member_word = swapped = None
        if len(ordered) > 2 and ordered[1][0].lower() in ("member", "members") and ordered[2][0].lower() != "each":
            # `run daily 02:00 on member VMSYS1`: `member` before the name, which `on` takes alone
            member_word = ordered.pop(1)[0]
        elif len(ordered) > 2 and ordered[1][0].lower() == "member" and ordered[2][0].lower() == "each":
            # `run daily 02:00 on member each`: read as `each member`, each word where it is written
            swapped = f"{ordered[1][0]} {ordered[2][0]}"
            ordered[1], ordered[2] = (ordered[2][0], ordered[1][1]), (ordered[1][0], ordered[2][1])
        at_word = None
        if len(ordered) > 3 and ordered[-2][0].lower() == "at" and ordered[-3][0].lower() != "at":
            # `run daily at 02:00 on VMSYS1`: `at` before the time, which follows without it
            at_word = ordered.pop(-2)[0]
        time = time_meant(ordered[-1][0]) if ordered[-1][0] != "," else None
        if time is not None:
            # `run daily 2am on VMSYS1`: the time written as BKR313's fix writes it
            ordered[-1] = (time, ordered[-1][1])
        types = [_PUNCTUATION.get(w) or self.facts.keywords.get(w.lower(), "NAME") for w, _ in ordered]
        alone = len(found.group("place")) == 2  # `run daily 02:00 on`: no member after `on`
        if alone:
            types.insert(1, "NAME")
        if not alone and self.schedule_first_days_range(ip, tok, found, rest):
            return True
        if not alone and self.schedule_first_times(ip, tok, found, rest):
            return True
        if not alone and self.schedule_first_untimed(ip, tok, found, rest):
            return True
        if not Sim.of(ip).fits(types):
            return not alone and self.schedule_first_commas_missing(ip, tok, found, rest)
        if at_word is not None and not self._values_shaped(Sim.of(ip), tuple(w for w, _ in ordered)):
            return False  # `run weekly mon-fri at 22:00 on VMSYS1`: no order a fix writes
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        if alone:
            self.report(messages.schedule_first_no_member(found.group("schedule"), span), tok.start_pos)
            ordered.insert(1, ("", ordered[0][1] + 2))  # a placeholder member, read after `on`
        else:
            place, schedule = found.group("place"), found.group("schedule")
            if member_word is not None:
                place = re.sub(rf"\s+{re.escape(member_word)}\b", "", place, count=1)
            if swapped is not None:
                place = f"{place.split()[0]} {' '.join(reversed(swapped.split()))}"
            if at_word is not None:
                schedule = re.sub(rf"\s+{re.escape(at_word)}(?=\s+\S+\s*$)", "", schedule, count=1)
            if time is not None:
                schedule = f"{schedule.rsplit(None, 1)[0]} {time}"
            meant = f"{place} {' '.join(schedule.split())}"
            diag = messages.schedule_first(
                rest, meant, span, member_word=member_word, at_word=at_word, swapped=swapped
            )
            self.report(diag, tok.start_pos)
        written = {at: word for word, at in words}  # each token over the word written where it is fed
        for (word, at), type_ in zip(ordered, types):
            self.feed(ip, self.token_at(type_, at, at + len(written.get(at, word))))
        self._advance(ip.lexer_thread.state, tok.start_pos + len(rest))
        self._fed_error_token = True  # the line was read, as a whole: a mistake after it is news
        return True

    def time_before_placement(self, ip, tok: Token) -> bool:
        """`run at 02:00 on VMSYS1 daily`: the time after `at` (`tok`) right after `run`,
        then the members, then how often, as English says it. Where the words, the
        members first and the time last without `at`, read as the statement, one error,
        as `run daily at 02:00 on VMSYS1`'s, whose fix writes `run on VMSYS1 daily 02:00`
        (was "expected `on` after `run`, found `at`", whose choices inserted `on VMSYS1`
        before the line's words, which read no better); the line is read so. How often
        may come before the members too (`run at 01:00 daily on VMSYS1`), and a range of
        days after `weekly` is written one by one (`weekly mon-fri`: `mon,tue,wed,thu,fri`,
        which the help says). Without how often (`run at 02:00 on VMSYS1`), the error
        says so, and its one choice writes `daily`, the likeliest (a choice, no fix:
        how often it runs is the site's), its help `weekly` and `monthly` too."""
        last = top_token(ip.parser_state.value_stack, "RUN")
        if last is None or tok.type != "AT" or tok.line != last.line or not is_real(tok):
            return False
        rest = self._line_before_comment(tok.start_pos).split("}", 1)[0].rstrip()
        words = [(m.group(), tok.start_pos + m.start()) for m in re.finditer(r"[^\s,]+|,", rest)]
        if len(words) < 4 or _time_read(words[1][0]) is None:
            return False
        on = next((i for i, (w, _) in enumerate(words) if w.lower() == "on"), None)
        if on is None or on < 2 or on + 1 >= len(words):
            return False
        often = next(
            (i for i, (w, _) in enumerate(words) if i > on and w.upper() in SCHEDULE_KEYWORDS), len(words)
        )
        # `at 02:00 daily on VMSYS1` or `at 02:00 on VMSYS1 daily`: how often, on one side
        schedule = words[2:on] if on > 2 else words[often:]
        if on > 2 and often < len(words):
            return False
        if schedule and schedule[0][0].upper() not in SCHEDULE_KEYWORDS:
            return False
        place = words[on:often]
        time_word = words[1]
        time = _time_read(time_word[0])
        days_listed = False
        schedule_words = [w for w, _ in schedule]
        if len(schedule_words) == 2 and schedule_words[0].lower() == "weekly":
            days = messages.days_written_as_one(schedule_words[1])
            if days is not None:
                # `weekly mon-fri`: `weekly` takes each day by name
                schedule_words[1], days_listed = ",".join(days), True
        often_word = None
        if not schedule_words:
            often_word = "daily"  # `at 02:00 on VMSYS1`: how often, the likeliest
        members = re.sub(r"\s*,\s*", ", ", " ".join(w for w, _ in place))
        often_text = re.sub(r"\s*,\s*", ",", " ".join(schedule_words or [often_word]))
        meant = f"{members} {often_text} {time}"
        meant_words = re.findall(r",|[^\s,]+", meant)
        types = [_PUNCTUATION.get(w) or self.facts.keywords.get(w.lower(), "NAME") for w in meant_words]
        sim = Sim.of(ip)
        if not sim.fits(types) or not self._values_shaped(sim, tuple(meant_words)):
            return False
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        if often_word is not None:
            diag = messages.time_first_no_often(members, time, span, at_word=str(tok.value))
        else:
            diag = messages.schedule_first(rest, meant, span, days_listed=days_listed, at_word=str(tok.value))
        self.report(diag, tok.start_pos)
        if often_word is None and not days_listed:
            # the words read in their order, each token over the word written where it is
            for (word, at), type_ in zip([*place, *schedule, time_word], types):
                self.feed(ip, self.token_at(type_, at, at + len(word)))
            self._advance(ip.lexer_thread.state, tok.start_pos + len(rest))
        else:
            self.skip_phrase(ip, tok, tok.start_pos + len(rest))
        self._fed_error_token = True
        return True

    def more_than_daily_after_run(self, ip, tok: Token) -> bool:
        """`run twice daily on DEV1 at 03:00`, `run every 6 hours on DEV1`, `run hourly on
        DEV1`: more than once a day right after `run` (`tok`, its first word), then `on`
        and the members (`run` again before `on` or not), the time after them or after
        `at` anywhere. The one error `twice daily on DEV1 at 03:00` gets without its
        `run` (`phrase_without_run`, `messages.more_than_daily_alone`): no schedule runs
        more than once a day, the help a job for each time of day, its first `run` at the
        time written; no mend (was two: "expected `on` after `run`, found `twice`", then
        the rest's own error); the line is read to its end."""
        stack = ip.parser_state.value_stack
        last = top_token(stack, "RUN")
        if last is None or stack[-1] is not last or tok.line != last.line or not is_real(tok) or tok.type == "ON":
            return False
        rest = self._line_before_comment(tok.start_pos).split("}", 1)[0].rstrip()
        often = messages.more_than_daily_written(rest)
        if often is None or often.split()[0].lower() != str(tok.value).lower():
            return False
        found = re.fullmatch(r"(?P<schedule>\S.*?)(?:\s+[Rr][Uu][Nn])?\s+[Oo][Nn]\s+(?P<place>\S.*)", rest)
        if found is None:
            return False
        place, time = found.group("place"), None
        timed = _TIME_AFTER_MEMBERS.fullmatch(place)
        if timed is not None and _time_read(timed.group("time")) is not None:
            place, time = timed.group("place"), _time_read(timed.group("time"))
        else:
            at = _AT_TIME.search(rest)
            time = None if at is None else _time_read(at.group("time"))
        names = ["each member"] if " ".join(place.split()).lower() == "each member" else self._member_names(place)
        members = members_read(stack)
        if names is None or not members:
            return False
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        diag = messages.more_than_daily_alone(rest, often, span, members, *self.job_home(stack), placed=names, time=time)
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
        return True

    def often_around_placement(self, ip, tok: Token) -> bool:
        """`run daily on VMSYS1 at 02:00`, `run weekly sun on VMSYS1 22:00`: how often (and
        the days) right after `run` (`tok`), then the members, then the time, `at` before
        it or not, as English says it. Where the members first, then how often and the
        time read as the statement, one error, as `run daily 02:00 on VMSYS1`'s, whose fix
        writes `run on VMSYS1 daily 02:00` (was two: "unexpected `daily` after `run`",
        whose help removed it, then the time's own error, whose choice checked no
        better); the line is read to its end."""
        last = top_token(ip.parser_state.value_stack, "RUN")
        if last is None or tok.line != last.line or not is_real(tok) or str(tok.value).upper() not in SCHEDULE_KEYWORDS:
            return False
        rest = self._line_before_comment(tok.start_pos).split("}", 1)[0].rstrip()
        words = [(m.group(), tok.start_pos + m.start()) for m in re.finditer(r"[^\s,]+|,", rest)]
        on = next((i for i, (w, _) in enumerate(words) if w.lower() == "on"), None)
        if on is None or on + 2 >= len(words) or _time_read(words[-1][0]) is None:
            return False
        at_word = words[-2][0] if words[-2][0].lower() == "at" else None
        place = words[on : len(words) - 1 - (at_word is not None)]
        schedule = [w for w, _ in words[:on]]
        if len(place) < 2 or any(w.lower() == "at" or _time_read(w) is not None for w, _ in place):
            return False
        days_listed = False
        if len(schedule) == 2 and schedule[0].lower() == "weekly":
            days = messages.days_written_as_one(schedule[1])
            if days is not None:
                schedule[1], days_listed = ",".join(days), True
        members = re.sub(r"\s*,\s*", ", ", " ".join(w for w, _ in place))
        often = re.sub(r"\s*,\s*", ",", " ".join(schedule))
        meant = f"{members} {often} {_time_read(words[-1][0])}"
        if not self._reads_whole(ip, meant):
            return False
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        diag = messages.schedule_first(rest, meant, span, days_listed=days_listed, at_word=at_word)
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
        return True

    def schedule_without_placement(self, ip, tok: Token) -> bool:
        """`run weekly mon-fri 22:00`, `run nightly at 01:00`: `on` and the members left
        out after `run`, and the words after it (`tok` the first, to the line's end) one
        schedule written another way, as `messages.certain_schedule` reads it. One error,
        "expected `on` after `run`", whose help says how the schedule is written and
        whose choices (`messages.on_and_schedule`) write a member and the schedule, where
        that reads whole (was *Insert `on VMSYS1`* alone, whose file kept the schedule's
        error, and so dropped; or, for English, a second error at its words, the first
        read as a member); the line is read to its end."""
        stack = ip.parser_state.value_stack
        last = top_token(stack, "RUN")
        if last is None or stack[-1] is not last or tok.line != last.line or not is_real(tok) or tok.type == "ON":
            return False
        if str(tok.value).lower() not in messages.SCHEDULE_STARTERS and str(tok.value).upper() not in SCHEDULE_KEYWORDS:
            return False
        rest = self._line_before_comment(tok.start_pos).split("}", 1)[0].rstrip()
        written = " ".join(rest.split())
        if any(w.lower() == "on" for w in rest.split()) or self._reads_after_on(ip, tok):
            return False  # `run weekly sunday 22:00`: *Insert `on VMSYS1`* mends it
        schedule = messages.certain_schedule(written)
        readings: tuple[tuple[str, str], ...] = ()
        if schedule is None:
            # `run every day at 14`: the hour alone, its one reading; `at 2`, its two, the
            # 24-hour clock's and the afternoon's (noon's and midnight's for 12), each
            # with each member a choice (was a second error at `day at 2`)
            readings = messages.hour_readings(written) or ()
            schedule = readings[0][1] if readings else None
        if schedule is None or schedule == written or not self._reads_whole(ip, f"on X {schedule}"):
            return False
        members = members_read(stack)
        if not members:
            return False
        diag = messages.missing_other(
            "`on`", f" after {self.describe(last)}", self.describe(tok), self.span_of(last), "ON", members=members
        )
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        others = [s for _, s in readings[1:]]
        kind, home = self.job_home(stack)
        if kind == "single" and home is None and len(members) == 1:
            home = members[0]
        if kind == "identity" or (kind == "single" and home is not None):
            # a job of IDENTITY users runs on each member (a member each was offered: BKR221),
            # one of single-configuration users on the member its users' other jobs run on:
            # the help says so, as for `run daily 02:00` (run_members_left_out); the fix
            # writes it with the schedule, each reading a choice where the hour has two
            said = messages.run_members_left_out(diag, False, members, kind, home, self.span_of(last))
            placed = ["each member" if kind == "identity" else home]
            diag = messages.on_and_schedule(replace(said, fix=None), rest, schedule, span, placed, others)
            if len(diag.choices) == 1:
                diag = replace(diag, fix=diag.choices[0], choices=())
        else:
            diag = messages.on_and_schedule(diag, rest, schedule, span, members, others)
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
        return True

    def days_as_members(self, ip, tok: Token) -> bool:
        """`run on sun at 22:00 on VMSYS1`: the days a schedule in English names after `on`
        (`on sun`, as English says it), read as the members, then the members after a
        second `on`. Where the phrase from the first `on` says one schedule
        (`messages.certain_schedule`: `weekly sun 22:00`) and the members named after the
        last `on` are names a member may have, one error, as `run weekly sun 22:00 on
        VMSYS1`'s, whose fix writes `run on VMSYS1 weekly sun 22:00` (was BKR012 "`at 22:00
        on VMSYS1` is not a .bkr schedule", `sun` read silently as a member, no fix); the
        line is read to its end. `tok` is the token met after the days."""
        if not is_real(tok) or tok.start_pos is None:
            return False
        tail = self.line_tail(ip, tok)
        if len(tail) < 3 or [t.type for t in tail[:3]] != ["RUN", "ON", "NAME"]:
            return False
        if not all(t.type in ("NAME", "COMMA") and (t.type == "COMMA" or messages.phrase_day(str(t.value))) for t in tail[2:]):
            return False
        on = tail[1]
        rest = self._line_before_comment(on.start_pos).split("}", 1)[0].rstrip()
        found = re.fullmatch(r"(?P<phrase>\S.*?)\s+[Oo][Nn]\s+(?P<place>\S.*)", rest)
        if found is None:
            return self.days_as_members_alone(ip, tok, on, rest)
        names = self._member_names(found.group("place"))
        phrase = " ".join(found.group("phrase").split())
        schedule = messages.certain_schedule(phrase)
        if names is None or schedule is None or not self._reads_whole(ip, schedule):
            return False
        meant = f"on {', '.join(names)} {schedule}"
        span = self.source.span(on.start_pos, on.start_pos + len(rest))
        runs = [part.split() for part in found.group("place").split(",")]
        commas = runs if any(len(r) > 1 for r in runs) else None
        self.report(
            messages.schedule_first(rest, meant, span, commas_missing=commas, phrase=(phrase, schedule)), tok.start_pos
        )
        self.skip_phrase(ip, tok, on.start_pos + len(rest))
        self._fed_error_token = True
        return True

    def days_as_members_alone(self, ip, tok: Token, on: Token, rest: str) -> bool:
        """`run on sun at 22:00`: as `days_as_members`, no member named after the days
        (`rest`, from `on`). Where the phrase says one schedule, one error that says the
        day is no member, whose choices each write one of the file's members and the
        schedule (was "`at 22:00` is not a .bkr schedule", whose choice wrote `run on
        sun daily 22:00`, then BKR330: no member SUN)."""
        phrase = " ".join(rest.split())
        schedule = messages.certain_schedule(phrase)
        members = members_read(ip.parser_state.value_stack)
        if schedule is None or not members or not self._reads_whole(ip, schedule):
            return False
        span = self.source.span(on.start_pos, on.start_pos + len(rest))
        days = " ".join(phrase.split()[1:]).split(" at ")[0].split()[0]
        self.said_and_skipped(
            ip,
            tok,
            messages.days_as_members_alone(days, phrase, schedule, span, members),
            tok.start_pos,
            on.start_pos + len(rest),
        )
        return True

    def _reads_after_on(self, ip, found: Token) -> bool:
        """Whether the words from `found` to its line's end (or its comment, or a `}`) read
        as the rest of the statement after `on` and a member's name, where the parser
        stands (`run daily 02:00`: the choices that insert `on VMSYS1` give a statement)."""
        if found.start_pos is None or not is_real(found):
            return False
        rest = self._line_before_comment(found.start_pos).split("}", 1)[0]
        return self._reads_whole(ip, f"on X {rest}")

    def _reads_whole(self, ip, meant: str) -> bool:
        """Whether `meant`, the rest of a statement where the parser stands (`on VMSYS1
        daily 02:00`), reads whole there, before the block's `}` or the file's end, each
        value in a shape its place takes (`_values_shaped`): a fix or a choice that
        writes it gives a statement."""
        words = tuple(re.findall(r",|[^\s,]+", meant))
        types = [_PUNCTUATION.get(w) or self.facts.keywords.get(w.lower(), "NAME") for w in words]
        sim = Sim.of(ip)
        return (sim.fits([*types, "RBRACE"]) or sim.fits([*types, "$END"])) and self._values_shaped(sim, words)

    def phrase_before_placement(self, ip, tok: Token) -> bool:
        """`run nightly 02:00 on VMSYS1`, `run every day at 02:00 on VMSYS1`: a schedule
        in English (`tok`, its first word, right after `run`) before the members. Where
        the phrase alone says the schedule (`messages.certain_schedule`: `daily 02:00`)
        and the members first, then it, read as the statement, one error, as `run daily
        02:00 on VMSYS1`'s, whose help says how the phrase is written and whose fix
        writes `run on VMSYS1 daily 02:00` (was two: "expected `on` after `run`", whose
        choices inserted `on VMSYS1` before the phrase, which read no better, then the
        phrase's own error, BKR012); the line is read to its end."""
        last = top_token(ip.parser_state.value_stack, "RUN")
        if last is None or tok.line != last.line or not is_real(tok) or tok.type == "ON":
            return False
        if str(tok.value).lower() not in messages.SCHEDULE_STARTERS and str(tok.value).upper() not in SCHEDULE_KEYWORDS:
            return False
        rest = self._line_before_comment(tok.start_pos).split("}", 1)[0].rstrip()
        # the members after the last `on` (`weekly on sun at 22:00 on VMSYS1`)
        found = re.fullmatch(r"(?P<schedule>\S.*)\s+(?P<place>[Oo][Nn]\s+\S.*)", rest)
        if found is None:
            return False
        phrase = " ".join(found.group("schedule").split())
        if not messages.looks_like_schedule(phrase):
            return False
        schedule = messages.certain_schedule(phrase)
        # `every day at 2`: the hour alone, read on a 24-hour clock, or in the afternoon
        readings = messages.hour_readings(phrase) if schedule is None else ((None, schedule),)
        if readings is None or readings[0][1].endswith("HH:MM"):
            return False
        members = re.sub(r"\s*,\s*", ", ", " ".join(found.group("place").split()))
        meants = [f"{members} {read}" for _, read in readings]
        if not all(self._reads_whole(ip, meant) for meant in meants):
            return False
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        diag = messages.schedule_first(rest, meants[0], span, phrase=(phrase, readings[0][1]))
        self.said_and_skipped(
            ip,
            tok,
            messages.hour_choices(diag, readings, meants, span),
            tok.start_pos,
            tok.start_pos + len(rest),
        )
        return True

    def schedule_first_times(self, ip, tok: Token, found: re.Match, rest: str) -> bool:
        """`run daily 02:00,14:00 on VMSYS1`: the schedule before the members (`found`,
        `rest`: schedule_before_placement's) with more times than one, joined by commas,
        blanks, `&` or `;`. One error, the order and the times said together, whose help
        writes a job for each time as `messages.two_times`'s does, no fix (was two:
        "expected `on` after `run`", whose choices checked no better, then BKR015's
        generic "a `,` cannot appear here")."""
        schedule = " ".join(found.group("schedule").split())
        # the times last, each as BKR313 reads it, the separators between them
        parts = list(re.finditer(r"[^\s,&;]+", schedule))
        count = 0
        while count < len(parts) - 1 and _time_read(parts[-1 - count].group()) is not None:
            count += 1
        if count < 2:
            return False
        times = [_time_read(m.group()) for m in parts[-count:]]
        often = schedule[: parts[-count].start()].rstrip()
        if often.endswith((",", "&", ";")):
            return False
        listed = {"often": often, "times": schedule[parts[-count].start() :]}
        place = " ".join(found.group("place").split())
        names = ["each member"] if place[3:].lower() == "each member" else self._member_names(place[3:])
        if names is None:
            return False
        first = f"on {', '.join(names)} {listed['often']} {times[0]}"
        if not self._reads_whole(ip, first):
            return False
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        diag = messages.two_times(times[0], listed["times"], "run", f"run {first}", span, times[1:])
        message = "the schedule comes after the members the job runs on, not before them, and has one time"
        self.said_and_skipped(
            ip, tok, replace(diag, message=message), tok.start_pos, tok.start_pos + len(rest)
        )
        return True

    def schedule_first_days_range(self, ip, tok: Token, found: re.Match, rest: str) -> bool:
        """`run weekly mon-fri 22:00 on VMSYS1`, `run weekly mon- fri 22:00 on VMSYS1`: a
        `weekly` schedule before the members whose days are a range (`found`, `rest`:
        schedule_before_placement's). One error, as `run daily 22:00 on VMSYS1` is,
        whose help and fix write the line in order with the days one by one; without the
        time, HH:MM and no fix (was "expected `on` after `run`", then "`22:00` has no
        keyword before it", its help writing `backup 22:00`). With `at` before the time,
        or the time written another way (`run weekly mon-fri at 10pm on VMSYS1`), the
        same one error, the help saying `at` and the fix writing the time as BKR313
        reads it (was two: "expected `on` after `run`", whose choices inserted `on
        VMSYS1` before the words, and the schedule's own error, no fix)."""
        ranged = _WEEKLY_RANGE.fullmatch(" ".join(found.group("schedule").split()))
        days = messages.days_written_as_one(f"{ranged.group('first')}-{ranged.group('last')}") if ranged else None
        if days is None:
            return False
        before = [d for d in re.split(r"\s*,\s*", ranged.group("before")) if d]
        time = ranged.group("time")
        if time is not None:
            time = _time_read(time)
            if time is None:
                return False
        elif ranged.group("at") is not None:
            return False
        place = " ".join(found.group("place").split())
        if (
            not all(messages.looks_like_day(d) for d in before)
            or not (place[3:].lower() == "each member" or self._member_names(place[3:]) is not None)
        ):
            return False
        # `on VMSYS1 VMSYS2`: the members' commas written too, and said
        runs = [] if place[3:].lower() == "each member" else [part.split() for part in place[3:].split(",")]
        if any(len(run) > 1 for run in runs):
            place = "on " + ", ".join(name for run in runs for name in run)
        meant = f"{place} {ranged.group('weekly')} {','.join([*before, *days])} {time or 'HH:MM'}"
        if not Sim.of(ip).fits(
            [_PUNCTUATION.get(w) or self.facts.keywords.get(w.lower(), "NAME") for w in re.findall(r",|[^\s,]+", meant)]
        ):
            return False
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        diag = messages.schedule_first(
            rest, meant, span, days_listed=True, commas_missing=runs, at_word=ranged.group("at")
        )
        if any(len(run) > 1 for run in runs):
            # a job of single-configuration users runs on one member: the `,`s would give BKR220
            said = ["`weekly` takes each day by name, the days separated by commas"]
            if ranged.group("at") is not None:
                said.append(f"the time follows without `{ranged.group('at')}`")
            names = [name for run in runs for name in run]
            diag = messages.run_written_on_one(
                diag, names, *self.job_home(ip.parser_state.value_stack), said=said, meant=f"run {meant}"
            )
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
        return True

    def schedule_first_untimed(self, ip, tok: Token, found: re.Match, rest: str) -> bool:
        """`run daily on VMSYS1 VMSYS2`, `run daily on VMSYS1`, `run weekly sun on each
        member`: the schedule before the members, and its time left out (`found`, `rest`:
        schedule_before_placement's; a schedule `messages.certain_schedule` reads with a
        time after it). One error, as `run daily 02:00 on VMSYS1 VMSYS2` is, whose help
        writes the line in order with the members' commas and HH:MM, no mend (no time
        nobody gave); in a job of single-configuration users the line on each member
        (`run_written_on_one`: the `,`s would give BKR220). Was "unexpected `daily` after
        `run`: one word too many", its help to remove it, then the missing `,` (or for
        one member, a fix leaving `run on VMSYS1 daily`, then "expected a time of day")."""
        schedule = " ".join(found.group("schedule").split())
        timed = messages.certain_schedule(f"{schedule} 00:00")
        if messages.certain_schedule(schedule) is not None or timed is None or not timed.endswith(" 00:00"):
            return False
        place = " ".join(found.group("place").split())
        each = place[3:].lower() == "each member"
        names = ["each member"] if each else self._member_names(place[3:])
        if names is None:
            return False
        schedule = timed.removesuffix(" 00:00")
        meant = f"on {', '.join(names)} {schedule} HH:MM"
        if not self._reads_whole(ip, meant.replace("HH:MM", "00:00")):
            return False
        runs = [] if each else [part.split() for part in place[3:].split(",")]
        phrase = None if schedule == found.group("schedule").lower() else (found.group("schedule"), schedule)
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        diag = messages.schedule_first(rest, meant, span, commas_missing=runs, phrase=phrase)
        if len(names) > 1:
            said = [*messages.commas_missing_said(runs)]
            diag = messages.run_written_on_one(
                diag, names, *self.job_home(ip.parser_state.value_stack), said=said, meant=f"run {meant}"
            )
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
        return True

    def schedule_first_commas_missing(self, ip, tok: Token, found: re.Match, rest: str) -> bool:
        """`run daily 22:00 on VMSYS1 VMSYS2`: the schedule before the members, and a `,`
        missing between them (`found`, `rest`: schedule_before_placement's). One error,
        as `run daily 22:00 on VMSYS1` is, whose help and fix write the line in order with
        the members' commas, which the help says (was three: "expected `on` after `run`",
        "expected `run` before `on`", "a `,` is missing")."""
        place = " ".join(found.group("place").split())
        names = self._member_names(place[3:])
        if names is None or len(names) < 2:
            return False
        runs = [part.split() for part in place[3:].split(",")]
        if not any(len(run) > 1 for run in runs):
            return False
        meant = f"on {', '.join(names)} {' '.join(found.group('schedule').split())}"
        if not self._reads_whole(ip, meant):
            return False
        span = self.source.span(tok.start_pos, tok.start_pos + len(rest))
        diag = messages.schedule_first(rest, meant, span, commas_missing=runs)
        # a job of single-configuration users runs on one member: the `,`s would give BKR220
        diag = messages.run_written_on_one(diag, names, *self.job_home(ip.parser_state.value_stack))
        self.said_and_skipped(ip, tok, diag, tok.start_pos, tok.start_pos + len(rest))
        return True

    def schedule_as_level(self, ip, tok: Token) -> bool:
        """`backup APPS weekly`: a schedule word where the level goes, as other
        products name a weekly full. One error that says where a schedule goes; the
        word and the schedule's values after it on its line (`weekly sun 02:00`) are
        skipped, and `backup` is read without a level."""
        word = str(tok.value).lower()
        if tok.type not in ("NAME", *SCHEDULE_KEYWORDS) or word not in messages.SCHEDULE_WORDS:
            return False
        stack = ip.parser_state.value_stack
        keyword, names = self.governing_keyword(stack)
        if keyword is None or keyword.type != "BACKUP" or not names:
            return False
        last = last_real_token(stack)
        if last is None or last.line != tok.line:
            return False
        values = _SCHEDULE_VALUES.match(self.source.text, tok.end_pos)
        self.report(messages.schedule_as_level(str(tok.value), names, self.span_of(tok), values.group(0)), tok.start_pos)
        self._advance(ip.lexer_thread.state, values.end())
        self._fed_error_token = True  # read, as a whole: a mistake after it is news
        return True

    def tape_member_without_node(self, ip, tok: Token) -> bool:
        """`tape on VMSYS1`, `tape manager on VMSYS1`, `tape manager shared on VMSYS1`: a
        member named in the tape statement with no catalog node before it, as if the
        statement took the member Tape Manager runs on. The member is the catalog
        node's, `catalog-node NAME on VMSYS1`: one error at `on VMSYS1` whose help
        writes the statement so (not also `manager` or the scope missing, then `expire`
        missing before `on` and a block's `{` after `on VMSYS1`). No fix: the node's
        machine name is the site's. What was left out is read as placeholders, and the
        line on from `on` as the catalog node's member and the options after it."""
        stack = ip.parser_state.value_stack
        last = last_real_token(stack)
        if last is None or last.type not in ("TAPE", "MANAGER", "SHARED", "LOCAL") or last.line != tok.line:
            return False
        text = self.source.text
        line = text.rfind("\n", 0, tok.start_pos) + 1
        found = _TAPE_ON_MEMBER.match(text, line)
        if found is None or tok.start_pos not in (found.start("on"), found.start("scope")):
            return False
        member, rest = found.group("member"), found.group("rest").strip()
        span = self.source.span(found.start("on"), found.end("member"))
        self.report(messages.tape_member_without_node(member, bool(rest), span), found.start("on"))
        types = [] if last.type != "TAPE" else ["MANAGER"]
        node = [self.facts.keywords["catalog-node"], "NAME"]
        if tok.type == "ON":
            scope = [] if last.type in ("SHARED", "LOCAL") else ["SHARED"]
            self.feed_types(ip, [*types, *scope, *node], tok)
            self.feed(ip, tok)
        else:  # `tape shared on VMSYS1`: the scope written, `manager` left out before it
            self.feed_types(ip, types, tok)
            self.feed(ip, tok)
            self.feed_types(ip, node, tok)
        self._fed_error_token = True  # read: a mistake after it is news
        return True

    def node_after_member(self, ip, tok: Token) -> bool:
        """`catalog-node on VMSYS1 TCTMM`: the node's machine written after its member.
        One error with the words in their order, and they are read so."""
        stack = ip.parser_state.value_stack
        if len(stack) < 2:
            return False
        last, on = stack[-2], stack[-1]  # Lark read `on` as the node's name: `VMSYS1` does not fit
        if not (isinstance(last, Token) and str(last.value).lower() == "catalog-node" and is_real(last)):
            return False
        if not (isinstance(on, Token) and on.type == "NAME" and is_real(on)) or str(on.value).lower() != "on":
            return False
        if on.line != last.line:
            return False
        del stack[-1]
        del ip.parser_state.state_stack[-1]
        if not self._node_after_member(ip, on):
            self.feed(ip, on)
            return False
        return True

    def member_block_below(self, ip, tok: Token) -> bool:
        """`expire on each` (or `run on each`), then `member M {` starting the next line:
        Lark read `member` as the end of `on each member`, and `M` fits nowhere. A
        statement's first keyword that starts a line after an unfinished statement is
        that keyword (docs/language.md), here before a name and `{` on its line: it
        opens the member block, as after `expire` or `run on` (mid_statement,
        ends_before). `member` is taken off the stack, the statement above finished
        with placeholders (its one error, whose fix inserts `member` after `each`), and
        the lexer goes back to `member`, read again where the next statement starts.
        `member` on the line of `each`, or not followed by a name and `{`, keeps
        `on each member`."""
        stack = ip.parser_state.value_stack
        if tok.type != "NAME" or not is_real(tok) or len(stack) < 3:
            return False
        on, each, member = stack[-3:]
        if [getattr(v, "type", None) for v in (on, each, member)] != ["ON", "EACH", "MEMBER"]:
            return False
        if not (is_real(each) and is_real(member)) or each.line == member.line or tok.line != member.line:
            return False
        if not self.first_on_line(member.start_pos) or not _BRACE_NEXT.match(self.source.text, tok.end_pos):
            return False
        state = ip.parser_state
        sim = Sim(state.parse_conf, state.state_stack[:-1])
        path = completion(sim)
        if not path or path[0] != "MEMBER" or not self.ends_before(ip, sim, member):
            return False
        del stack[-1]
        del state.state_stack[-1]
        found = f"`member {messages.shown(str(tok.value))[1:-1]} {{`"
        diag = messages.missing_other("`member`", f" after {self.describe(each)}", found, self.span_of(each), "MEMBER")
        diag = messages.member_left_out(diag, self.source.span(each.end_pos, each.end_pos))
        self.report(messages.member_block_below(diag, self.statement_word(stack[:-2])), member.start_pos)
        self.feed_types(ip, path, member)
        line_ctr = ip.lexer_thread.state.line_ctr
        line_ctr.char_pos = member.start_pos
        line_ctr.column = member.start_pos - line_ctr.line_start_pos + 1
        self._fed_error_token = True
        return True

    def _node_after_member(self, ip, tok: Token) -> bool:
        end = self._line_end(tok.start_pos)
        found = _MEMBER_THEN_NODE.match(self.source.text, tok.start_pos, end)
        if found is None or any(
            found.group(w).lower() in self.facts.keywords for w in ("member", "node")
        ):
            return False
        if not Sim.of(ip).fits(["NAME", "ON", "NAME"]):
            return False
        meant = f"{found.group('node')} {tok.value} {found.group('member')}"
        span = self.source.span(tok.start_pos, found.end())
        self.report(messages.node_after_member(meant, span), tok.start_pos)
        node_at = found.start("node")
        member_at = found.start("member")
        self.feed(ip, self.token_at("NAME", node_at, node_at + len(found.group("node"))))
        self.feed(ip, self.retype(tok, "ON"))
        self.feed(ip, self.token_at("NAME", member_at, member_at + len(found.group("member"))))
        self._advance(ip.lexer_thread.state, found.end())
        self._fed_error_token = True
        return True

    def quoted_sfs_part(self, ip, tok: Token) -> bool:
        """`include sfs BKRPOOL:"CICSPRD".*`: a part of an SFS path in double quotes,
        written on to the path (as a user ID is quoted in other languages). One error,
        whose fix removes the quotes when what is left is one name, and the path is
        read as that name."""
        if tok.type != "STRING":
            return False
        stack = ip.parser_state.value_stack
        keyword = next(  # past the paths before it, which Lark may have gathered in a tree
            (v for v in reversed(stack) if not (isinstance(v, Tree) and v.data.startswith("__"))
             and not (isinstance(v, Token) and v.type == "NAME")),
            None,
        )
        last = top_token(stack, "NAME")
        if not (isinstance(keyword, Token) and keyword.type == "SFS"):
            return False
        if last is None or last.end_pos != tok.start_pos:
            return False
        if ":" not in str(last.value):
            return False
        text = self.source.text
        tail = _NAME_TAIL.match(text, tok.end_pos)
        end = tail.end()
        quoted = str(tok.value)[1:-1]
        meant = f"{last.value}{quoted}{tail.group()}"
        written = text[last.start_pos : end]
        certain = bool(quoted) and _NAME.fullmatch(meant) is not None
        whole = self.source.span(last.start_pos, end)
        self.report(
            messages.quoted_sfs_part(written, meant if certain else None, self.span_of(tok), whole),
            tok.start_pos,
        )
        del stack[-1]
        del ip.parser_state.state_stack[-1]
        path = self.token_at("NAME", last.start_pos, end)
        self.feed(ip, Token("NAME", meant, path.start_pos, path.line, path.column, path.end_line,
                            path.end_column, path.end_pos))
        self._advance(ip.lexer_thread.state, end)
        self._fed_error_token = True
        return True

    def statement_first(self, tok: Token) -> bool:
        """Whether `tok` starts its line, or follows a brace: where a statement starts."""
        if self.first_on_line(tok.start_pos):
            return True
        before = self.source.text[: tok.start_pos].rstrip(" \t")
        return before.endswith(("{", "}"))

    def swap_reads(self, sim: Sim, tok: Token) -> tuple[re.Match, str, str] | None:
        """(the blanks and word after `tok`, that word's keyword, `tok`'s type) when
        the keyword fits after `sim`, `tok` after it, and the rest of the line reads
        on after the two (swapped_words)."""
        after = _BLANKS_THEN_NAME.match(self.source.text, tok.end_pos)
        if after is None:
            return None
        second = self.facts.keywords.get(after.group(1).lower())
        if second is None or second in SCHEDULE_KEYWORDS:
            return None  # `02:00 daily`, `sat weekly 22:00`: the whole schedule (unknown_schedule)
        if not sim.fits([second]):
            return None
        at_start = sim.fits(["RBRACE"]) or sim.fits(["$END"])  # where a statement may start
        if second in self.statements and at_start and not self.statement_first(tok):
            # `workers 2 4 private-volume V`: a word too many, not `private-volume 4`; but
            # `workers 2 ZAPRV1 private-volume }` (or `... private-volume job-suffix A }`),
            # whose keyword reads on only after the word (a keyword after it read as its
            # value does not), is a label before its keyword
            alone = sim.copy()
            rest = self.same_line(self.window(after.end(1)))
            read = self.reading(alone, rest) if alone.feed(second) else None
            if (
                read is not None
                and not any(t == "NAME" and w.lower() in self.facts.keywords for (w, _), t in zip(rest, read))
                and alone.feeds(read)
                and (alone.fits(["RBRACE"]) or alone.fits(["$END"]))
            ):
                return None
        own = self.facts.keywords.get(str(tok.value).lower())
        if second in self.statements and own is None and self.half_typed_statement(sim, tok):
            return None  # `desc private-volume P`: `description` half typed, then the next statement
        window = self.same_line(self.window(after.end(1)))  # the next line may hold a mistake of its own
        for first in dict.fromkeys(t for t in (own, "NAME") if t is not None):
            ahead = sim.copy()
            if ahead.feed(second) and ahead.feed(first) and self.reading(ahead, window) is not None:
                return after, second, first
        return None

    def half_typed_statement(self, sim: Sim, tok: Token) -> bool:
        """Whether the name `tok` respells (as stray_name reads it) a statement keyword
        that fits at `sim`: a statement begun and left unfinished (`desc`), not a value
        the wrong way round."""
        words = messages.did_you_mean(str(tok.value), self.keywords_in(self.statements))
        return any(sim.fits([self.facts.keywords[word]]) for word in words)

    def alone_on_line(self, tok: Token) -> bool:
        """Whether `tok` is the only word on its line (a comment may follow)."""
        text = self.source.text
        end = text.find("\n", tok.end_pos)
        rest = text[tok.end_pos : len(text) if end == -1 else end].split("#", 1)[0]
        return self.first_on_line(tok.start_pos) and not rest.strip()

    def device_type_after_size(self, ip, tok: Token) -> bool:
        """`disk BKRBKUP 191 size 10 cyl 3390`: a DASD device type last on a disk's line,
        right after the size's unit (messages.device_type_in_disk, whose fix removes it),
        not where the disk starts on its volume (was "`3390` after the size reads as
        where the disk starts", its help `on VOLUME at 3390`)."""
        word = str(tok.value)
        if tok.type != "NAME" or not messages.DISK_DEVICE_TYPE.fullmatch(word) or tok.end_pos is None:
            return False
        first = self.statement_start(ip.parser_state)
        previous = last_real_token(ip.parser_state.value_stack)
        if first is None or first.type != "DISK" or previous is None or previous.end_line != tok.line:
            return False
        if str(previous.value).lower() not in messages.DISK_UNIT_WORDS or self._line_before_comment(tok.end_pos).strip():
            return False
        statement = self._statement_text(first.start_pos, previous.end_pos)
        remove = self.blank_and(previous, tok)
        self.report(messages.device_type_in_disk(word, statement, self.span_of(tok),
                                                 messages.remove_fix(f"`{word}`", remove)), tok.start_pos)
        return True

    def disk_start_without_at(self, ip, tok: Token) -> Token | None:
        """Where a disk starts on its volume, written as CP writes it: `size 20 cyl extent
        1000` (CP's word for `at`) or a bare number after the size (`size 20 cyl 1000`,
        MDISK's start cylinder) says `on VOLUME at 1000` with the volume missing: one
        error, read on as if `on VOLUME at` stood there; a bare number after the volume
        (`on VMCOM1 1000`) has only its `at` missing, which the fix writes. None when
        `tok` is neither, or not in a disk statement on its line."""
        word = str(tok.value)
        extent = word.lower() == "extent"
        if tok.type != "NAME" or not (extent or word.isdigit()):
            return None
        first = self.statement_start(ip.parser_state)
        previous = last_real_token(ip.parser_state.value_stack)
        if first is None or first.type != "DISK" or previous is None or previous.end_line != tok.line:
            return None
        sim = Sim.of(ip)
        if not extent and sim.fits(["AT", "NAME"]):
            at = self.source.span(tok.start_pos, tok.start_pos)
            self.report(messages.keyword_left_out("at", word, self.span_of(tok), at), tok.start_pos)
            self.feed_types(ip, ["AT"], tok)
            return tok
        if not sim.fits(["ON", "NAME", "AT", "NAME"]):
            return None
        after = (_EXTENT_THEN_VOLUME if extent else _VOLUME_AFTER_START).match(self.source.text, tok.end_pos)
        if after is not None:
            # `size 20 cyl 1000 on VMCOM1`: the start before its volume; the fix writes both in order
            start = after.group("start") if extent else word
            meant = f"on {after.group('volume')} at {start}"
            written = " ".join(self.source.text[tok.start_pos : after.end("volume")].split())
            fix_span = self.source.span(tok.start_pos, after.end("volume"))
            self.report(messages.start_before_volume(written, meant, self.span_of(tok), fix_span), tok.start_pos)
            self._advance(ip.lexer_thread.state, after.end("volume"))
            self._fed_error_token = True  # the line was read, as a whole: a mistake after it is news
            return None
        if not extent:
            self.report(messages.at_without_on(word, self.span_of(tok), word=""), tok.start_pos)
            self.feed_types(ip, ["ON", "NAME", "AT"], tok)
            return tok
        value = _BLANKS_THEN_NAME.match(self.source.text, tok.end_pos)
        if value is None:
            return None  # `extent` ends its line: as likely a word too many
        self.report(messages.at_without_on(value.group(1), self.span_of(tok), word=word), tok.start_pos)
        self.feed_types(ip, ["ON", "NAME"], tok)
        return self.retype(tok, "AT")

    def keyword_left_out(self, ip, tok: Token) -> bool:
        """`catalog shared BKRSVSFS pool BKRPOOL`: a name after a statement that is
        whole without it, where exactly one of the statement's own keywords before
        the name lets the rest of its line read (a keyword the line gives before or
        after does not count: `pool` and `on` here). One error whose fix writes the keyword;
        the keyword is read before the name. False when none, or several, fit."""
        if tok.type != "NAME":
            return False
        sim = Sim.of(ip)
        if self.first_on_line(tok.start_pos):
            # `LINUX full` in a job: the statement's own keyword left out. Only in a
            # job, whose statements all start with a keyword and a value; elsewhere
            # a line of names is as likely a list out of its block.
            blocks = open_blocks(ip.parser_state.value_stack)
            if not blocks or blocks[-1].kind != "job":
                return False
            choices = sim.accepts() & self.statements
        else:
            choices = sim.accepts() - self.statements
        words = [w for w in self.same_line(self.window(tok.end_pos)) if w[0] and w[0] not in "{}#\""]
        given = {self.facts.keywords.get(w.lower()) for w, _ in words}  # later on the line
        given |= {t.type for t in self.line_tail(ip, tok)}  # or earlier: an option is given once
        if not words:
            return False  # `on M1 M2`: a last word is as likely a word too many (or a comma missing)
        fits = []
        for keyword in sorted(choices - {"NAME", "RBRACE", "$END"}):
            if keyword in given or keyword not in self.keyword_types:
                continue
            ahead = sim.copy()
            if not (ahead.feed(keyword) and ahead.feed("NAME")):
                continue
            read = self.reading(ahead, words)
            if read is None:
                continue
            for type_ in read:
                ahead.feed(type_)
            if ahead.fits(["RBRACE"]) or ahead.fits(["$END"]):
                fits.append(keyword)
        if len(fits) != 1:
            return False
        word = self.keywords_in({fits[0]})[0]
        at = self.source.span(tok.start_pos, tok.start_pos)
        self.report(messages.keyword_left_out(word, str(tok.value), self.span_of(tok), at), tok.start_pos)
        self.feed_types(ip, [fits[0]], tok)
        return True

    def unread_tail(self, ip, tok: Token) -> int | None:
        """`purge weekly sun 03:00 after preview`: the words after `tok` on its line start
        with a statement's keyword but do not read as that statement; they are more of
        the words too many (not a `preview` without its schedule). Where they end."""
        line_end = self._line_end(tok.end_pos)
        words = [(word, start) for word, start in self.window(tok.end_pos) if word and start < line_end]
        if not words or any(word in _PUNCTUATION or word == '"' for word, _ in words):
            return None
        if self.facts.keywords.get(words[0][0].lower()) not in self.statements:
            return self.names_too_many(ip, tok)
        sim = Sim.of(ip)
        read = self.reading(sim, words)
        if read is not None:
            ahead = sim.copy()
            if ahead.feeds(read) and (ahead.fits(["RBRACE"]) or ahead.fits(["$END"])):
                return None  # a whole statement: reported as itself
        word, start = words[-1]
        return start + len(word)

    def _stray(self, word: str) -> bool:
        """Whether `word` is neither a keyword nor has a value's shape (a time, a number,
        a day, a unit: a value out of place) nor is written in capitals, as names are: a
        word no statement has a place for (`now`), which `names_too_many` and
        `reordered` count as a word too many."""
        return not (
            word.lower() in self.facts.keywords
            or word.lower() in PLACE_WORDS
            or not word.isalpha()  # a time, a number, a name a list may go on with (`VMSYS2`)
            or word.isupper()  # a name, as names are written (`backup APPS full LINUX TEST`)
        )

    def names_too_many(self, ip, tok: Token) -> int | None:
        """`run on PRODA weekly sun 02:00 now now`: words after a whole statement, to the
        end of its line, of which none is a keyword nor has a value's shape (a time, a
        number, a day, a unit: a value out of place) nor is written in capitals, as
        names are (a group meant in the list: `backup APPS full LINUX TEST`), where the
        statement takes no option more (a value whose keyword was left out): words too
        many, as after one out of order (`Recovery.words_after_order`), not the first
        "not a keyword". Where they end."""
        line = self._line_before_comment(tok.start_pos)
        words = line.split()
        if tok.type != "NAME" or len(words) < 2 or set(line) & set('{}",;'):
            return None
        if not all(self._stray(word) for word in words):
            return None
        sim = Sim.of(ip)
        ends = sim.fits(["RBRACE"]) or sim.fits(["$END"])
        if not ends or sim.accepts() - self.statements - {"RBRACE", "$END"}:
            return None  # `catalog shared server S now now`: `pool now` meant, or `on now`
        return tok.start_pos + len(line.rstrip())

    def options_on_line(self, tok: Token, accepted: set[str]) -> list[str]:
        """The keywords with which the statement before `tok`, on its line, may go on
        (`tape manager ... request-node TRTMM library ATL1`: `catalog-dmm`, ...), where
        the word may have been meant as one of them. There an English word is not
        taken for a statement's (`disk ... cyl volume VOL001` means the disk's `on`,
        not a `shared-volume` statement)."""
        if self.first_on_line(tok.start_pos):
            return []
        return self.keywords_in(accepted - self.statements)

    def statement_name(self, state) -> str | None:
        """`tape manager`, `disk`: the statement being read, by its first keyword (and
        the second, for `tape manager` and `single user`), or None outside one."""
        first = self.statement_start(state)
        if first is None or first.start_pos is None:
            return None
        name = str(first.value).lower() or self.facts.texts.get(first.type, first.type).strip("`")
        leaves = [t for v in state.value_stack for t in tokens_of(v) if is_real(t)]
        leaves = [t for t in leaves if t.start_pos is not None and t.start_pos >= first.start_pos]
        if len(leaves) > 1 and leaves[1].type in ("USER", "MANAGER"):
            name += f" {str(leaves[1].value).lower()}"
        return name

    def monthly_numbered_ordinal(self, state, tok: Token) -> Diagnostic | None:
        """`monthly 1st sun 02:00`: `1st` read as the day of the month, `sun` as the
        time, and the time after them; one error, whose fix writes `first`. So is
        `monthly fifth sun 02:00` (or `5th`), which no month is sure to have: its help
        writes `last`."""
        leaves = [t for v in state.value_stack[-4:] for t in tokens_of(v) if is_real(t)]
        if len(leaves) < 3 or leaves[-3].type != "MONTHLY" or not messages.looks_like_time(str(tok.value)):
            return None
        nth, day = leaves[-2], leaves[-1]
        if not messages.looks_like_day(str(day.value)):
            return None
        written = str(nth.value).lower()
        if written in messages.FIFTH_ORDINALS:
            return messages.monthly_fifth(str(nth.value), str(day.value), str(tok.value), self.span_of(nth))
        if written not in messages.NUMBERED_ORDINALS:
            return None
        return messages.monthly_numbered_ordinal(str(nth.value), str(day.value), str(tok.value), self.span_of(nth))

    def comment_glued(self, state, previous: Token, tok: Token, tail: int | None) -> Diagnostic | None:
        """`workers 4#four as planned`: the statement's last value with a `#` inside
        (`4#four`, one word: a `#` starts a comment only where a word may start), and
        words after it to the end of its line (`tok`, up to `tail`). The comment meant
        wants a blank before its `#`: one error whose help writes the line so and
        whose fix inserts it (was "2 words too many", whose help wrote `workers
        4#four`, which BKR316 refuses). Only where the word after the `#` is in small
        letters (or none) and the value before it not, as a value is written: a name
        with a `#` inside (`SYS#1`) keeps "words too many". Where the block's `}` follows
        the words on the line (`{ workers 4#four as planned }`), which a blank before the
        `#` alone would put in the comment, the help and fix write it before the comment
        (`workers 4 } #four as planned`; was the generic "`as` is not a keyword"), and the
        `}` closes the block. None where it is not so, nor where a `{` or a second `}`
        follows the words."""
        value = str(previous.value)
        hash_at = value.find("#")
        if hash_at <= 0 or previous.type != "NAME" or previous.start_pos is None or tok.start_pos is None:
            return None
        head, after = value[:hash_at], value[hash_at + 1 :]
        if any(c.islower() for c in head) or (after and not any(c.islower() for c in after)):
            return None  # a name with a `#` (`SYS#1`, `sys#1`), as CP writes IDs: not a comment's words
        text, end = self.source.text, tail if tail is not None else tok.end_pos
        brace = None
        if end is None or not _LINE_REST.match(text + "\n", end):
            braced = _WORDS_THEN_BRACE.match(text, tok.start_pos) if tail is None else None
            if braced is None:
                return None
            end, brace = braced.start("brace"), self.source.span(braced.end("brace") - 1, braced.end("brace"))
        first = self.statement_start(state)
        if first is None or first.line != tok.line or first.start_pos is None:
            return None
        at = previous.start_pos + hash_at
        line = f"{self._statement_text(first.start_pos, at)} {'} ' if brace is not None else ''}{text[at:end]}"
        words = " ".join(text[tok.start_pos : end].split())
        if brace is not None:
            # the `}` written before the comment: the text from the `#` to it, rewritten
            at_to_brace = self.source.span(at, brace.end)
            return messages.comment_glued(value, words, line, self.source.span(tok.start_pos, end), at_to_brace, text[at:end])
        return messages.comment_glued(value, words, line, self.source.span(tok.start_pos, end), self.source.span(at, at))

    def word_after_statement(self, ip, tok: Token, tail: int | None = None) -> Diagnostic | None:
        """`workers 4 4`, `backup APPS full now`, `catalog ... on VMSYS1 VMSYS2`: one
        name after a whole statement, on its line, with no value after it (a word
        followed by values is more likely a statement keyword bkrc does not know);
        `tail`: where the words too many that start with it end (unread_tail)."""
        state = ip.parser_state
        previous = last_real_token(state.value_stack)
        if previous is None or previous.line != tok.line or previous.type in ("LBRACE", "RBRACE"):
            return None
        glued = self.comment_glued(state, previous, tok, tail)
        if glued is not None:
            return glued
        at_sign = self.at_sign_before_time(state, previous, tok)
        if at_sign is not None:
            return at_sign  # `daily @ 02:00`: `@` for `at`, read as the time
        if tok.start_pos is not None and _time_read(str(tok.value)) is not None:
            # `daily 02:00 14:00 20:00`, `daily 02:00 2pm`: more times, a job for each (were
            # "`14:00` is not a keyword", and "remove `2pm`")
            times = self._times_after(ip, tok.start_pos)
            if times is not None:
                return times[0]
        if tail is not None and tok.type == "NAME" and not str(tok.value).isdigit():
            first = self.statement_start(state)
            if first is not None and first.line == tok.line and first.start_pos is not None:
                name = str(first.value).lower() or self.facts.texts.get(first.type, first.type).strip("`")
                statement = (
                    self._with_pool_supplied(state, first)  # `to disk BKUPPOOL now now`
                    if self._supplied_in(state, first)
                    else self._statement_text(first.start_pos, previous.end_pos)  # `retain "35 days" now now`
                )
                words = " ".join(self.source.text[tok.start_pos : tail].split())
                return messages.words_after_statement(
                    words, name, self.describe(previous), statement, self.source.span(tok.start_pos, tail)
                )
        spaced = self.days_range_dash_last(ip, tok)
        if spaced is not None:
            return spaced  # `weekly mon- fri 22:00`: `fri` was read as the time
        days = self.monthly_days(ip, tok)
        if days is not None:
            # `monthly 1 15 02:00`: `15` was read as the time; first, as a third day with
            # the time after it (`monthly 1st 2nd 3rd 02:00`) is no statement's keyword
            return days[0]
        following = self.peek_token(ip)
        number = str(tok.value).isdigit()  # a number starts no statement, known or not
        if following is not None and following.type == "NAME" and following.line == tok.line and not number:
            return None
        first = self.statement_start(state)
        if first is None or first.line != tok.line or first.start_pos is None:
            return None
        leaves = [t for v in state.value_stack for t in tokens_of(v) if is_real(t)]
        leaves = [t for t in leaves if t.start_pos is not None and t.start_pos >= first.start_pos]
        if len(leaves) < 2:
            return None
        # A keyword recovery supplied (`daily preview 01:00`: a `preview` before `daily`)
        # has no text of its own: name it by its keyword.
        name = str(first.value).lower() or self.facts.texts.get(first.type, first.type).strip("`")
        if leaves[1].type in ("USER", "MANAGER"):
            name += f" {str(leaves[1].value).lower()}"
        statement = self._statement_text(first.start_pos, previous.end_pos)
        numbered = self.monthly_numbered_ordinal(state, tok)
        if numbered is not None:
            return numbered
        if previous.type == "MANUAL" and messages.looks_like_time(str(tok.value)):
            # `run on VMSYS1 manual 02:00`: `manual` has no time (not a value whose keyword,
            # `backup`!, is missing)
            return messages.manual_time(str(tok.value), name, statement, self.span_of(tok))
        if messages.looks_like_time(str(previous.value)) and str(tok.value).upper() in messages.TIME_ZONES:
            # `daily 02:00 EST`: a time zone after the time, not a value without its keyword
            return messages.time_zone(str(tok.value), statement, self.span_of(tok))
        if first.type == "RUN" and tok.type in ("FULL", "INCREMENTAL"):
            # `run on VMSYS1 daily 02:00 full`: the job's kind of backup, which its
            # `backup` line says (was "one word too many", its fix dropping the level)
            level = self.level_on_run(ip, tok, previous, statement)
            if level is not None:
                return level
        if (
            first.type == "DISK"
            and not repeats(previous, tok)
            and str(previous.value).lower() in messages.DISK_UNIT_WORDS
            and str(tok.value).lower() in messages.DISK_UNIT_WORDS
        ):
            # `size 10 cyl blk`: two units; which one the volume takes, the line cannot tell
            return messages.two_units(str(previous.value), str(tok.value), statement, self.span_of(tok))
        if first.type == "WORKERS" and tok.type == "EACH":
            # `workers 4 each`: as if the count were for every member; it is this member's
            return messages.workers_each(
                str(previous.value), statement, self.span_of(tok), self.blank_and(previous, tok)
            )
        if first.type == "DISK" and str(tok.value).upper() in messages.LINK_MODES:
            # `disk BKRBKUP 191 size 10 cyl MR`, as CP's MDISK statement ends: a link mode,
            # which bkrc writes itself, not a volume whose `on` was left out
            return messages.link_mode(
                str(tok.value), statement, self.span_of(tok), self.blank_and(previous, tok)
            )
        one_value = self.one_value_keyword(ip, leaves, previous)
        if not number and not repeats(previous, tok) and tok.type == "NAME":
            keywords = self.keywords_for_value(ip, first, one_value is not None)
            if keywords:
                # `catalog shared BKRSVSFS`, `workers 2 VAPRV1`: a value whose keyword
                # was left out, more likely than a word too many
                return messages.value_without_keyword(
                    str(tok.value), name, self.describe(previous), statement, keywords, self.span_of(tok)
                )
        if repeats(previous, tok) and str(tok.value).lower() in messages.DISK_UNIT_WORDS:
            # `size 10 cyl cyl`: the unit twice, not a word that starts no statement
            return messages.unit_twice(str(tok.value), statement, self.span_of(tok), self.blank_and(previous, tok))
        listed = None
        if first.type == "BACKUP" and previous.type in ("FULL", "INCREMENTAL") and tok.type == "NAME":
            listed = f"{statement[: -len(str(previous.value))].rstrip()}, {tok.value} {previous.value}"
        if self._supplied_in(state, first):
            # `to BKUPPOOL now`, `to now now`: the words before it are a statement only with
            # the medium and `pool` the recovery supplied; `to BKUPPOOL` is none to write,
            # nor does removing the repeat make one. Where `pool` alone was supplied (`to
            # disk BKUPPOOL now`, its error "the pool's name follows the word `pool`"), the
            # statement with it is the one reading: the help writes it
            name = str(first.value).lower() or name
            return messages.word_after_statement(
                self.describe(tok), name, self.describe(previous), self._with_pool_supplied(state, first), None,
                self.span_of(tok), None
            )
        return messages.word_after_statement(
            self.describe(tok),
            name,
            self.describe(previous),
            statement,
            listed,
            self.span_of(tok),
            # Only a repeat is certain: `server BKRSVSFSpool BKRPOOL` ends with a
            # word too many because of the slip before it, and `workers 2 4` may mean 24.
            self.blank_and(previous, tok) if repeats(previous, tok) else None,
            one_value=one_value,
        )

    @staticmethod
    def _supplied_in(state, first: Token) -> bool:
        """Whether the statement `first` starts, on top of the parse stack, holds a token the
        recovery supplied (a placeholder: `to BKUPPOOL`, read as `to disk pool BKUPPOOL`),
        so that its words as written make no statement."""
        for value in reversed(state.value_stack):
            tokens = list(tokens_of(value))
            if any(not is_real(t) for t in tokens):
                return True
            if any(t is first for t in tokens):
                return False
        return False

    def _with_pool_supplied(self, state, first: Token) -> str | None:
        """The statement `first` starts, on top of the parse stack, as written but for a
        `pool` the recovery supplied before the pool's name (`to disk BKUPPOOL`: `to disk
        pool BKUPPOOL`); None where it holds any other token supplied (a medium: a choice)."""
        leaves = [t for v in state.value_stack for t in tokens_of(v)]
        at = next((k for k in range(len(leaves) - 1, -1, -1) if leaves[k] is first), None)
        if at is None:
            return None
        words = []
        for t in leaves[at:]:
            if is_real(t):
                words.append(str(t.value))
            elif t.type == "POOL":
                words.append("pool")
            else:
                return None
        return " ".join(words)

    def one_value_keyword(self, ip, leaves: list[Token], previous: Token) -> str | None:
        """The keyword right before `previous`, the last of `leaves`, when `previous` is its
        one value, a name, and it takes no list (`pool BKUPPOOL`, a catalog's `on
        VMSYS1`: no `,` may follow); not a number (`workers 2`)."""
        if len(leaves) < 2 or leaves[-1] is not previous or previous.type != "NAME":
            return None
        if str(previous.value).isdigit() or "COMMA" in self.accepts(ip):
            return None
        keyword = leaves[-2]
        return str(keyword.value).lower() if keyword.type in self.keyword_types and is_real(keyword) else None

    def keywords_for_value(self, ip, first: Token, one_name: bool = False) -> list[str]:
        """The keywords that would take one name here, after the whole statement that
        `first` starts, and leave it (or its block) whole: the statement's options, where
        none is given yet (`server`, `pool`, `on` after `catalog shared`) or, where it has none,
        the block's other one-value statements (`private-volume`, `job-suffix` after
        `workers 2`), unless the statement ends with the one name of its last keyword
        (`one_name`: `to disk pool BKUPPOOL BKUPPOL2` is a second pool more likely than
        a `backup` left out). Block openers (`member NAME {`) are not among them."""
        sim = Sim.of(ip)
        options, statements = [], []
        for type_ in sorted(sim.accepts()):
            if type_ == first.type or type_ not in self.keyword_types:
                continue
            after = sim.copy()
            if not after.feeds([type_, "NAME"]) or "RBRACE" not in after.accepts():
                continue
            (statements if type_ in self.statements else options).append(type_)
        if set(options) & self.options_given(ip.parser_state.value_stack):
            # `catalog shared server S on M1 M2`: a statement that names its options
            # already ends with one word too many, not a value without its keyword
            return []
        if not options and one_name:
            return []
        return sorted(self.facts.texts.get(t, t).strip("`") for t in options or statements)

    def statement_start(self, state) -> Token | None:
        """The first token of the statement on top of the parse stack: the nearest
        statement keyword read where the block (or the file) could have ended."""
        stack = state.value_stack
        for i in range(len(stack) - 1, -1, -1):
            value = stack[i]
            if isinstance(value, Token) and value.type in ("LBRACE", "RBRACE"):
                return None
            first = next(tokens_of(value), None)
            if first is None or first.type not in self.statements:
                continue
            before = Sim(state.parse_conf, state.state_stack[: i + 1])
            if before.fits(["RBRACE"]) or before.fits(["$END"]):
                return first
        return None

    def retention_on_line(self, ip, tok: Token, accepted: set[str]) -> tuple[Token | None] | None:
        """`purge weekly sun 06:00 35 days`, `purge weekly sun keep 35 days`: a retention
        after a `purge` or `preview` schedule on its line, in an expire block, without
        its `retain`, the rest of the line (a 1-tuple: the token to go on with; None when
        it is not one). Was "one word too many" for each word, `35` and `days`.

        After the schedule's time, the number and its unit alone are `retain` left out:
        one error whose fix writes `retain 35 days` (weeks counted in days), read so. A
        word in small letters where the time goes (`keep`, read as the time) and any
        such words after it are no part of the schedule: one error for them all, which
        says the time is missing there and the retention is `retain 35 days`, a
        statement of its own; no fix (the time is a choice), and the line read no
        further. So in a job's `run` line (`run on DEV1 daily keep 35 days`), whose
        error says that a job keeps no retention: it is the expire block's `retain 35
        days`. After a `run` line's time the retention, with the words before it (none,
        `for`, `keep` or `retain` itself, met as `tok`), is one error that says so
        (was a word too many for each word, or "did you mean `retain`?", whose fix
        wrote a `retain` misplaced in the job); no fix, as moving a statement to
        another block is a choice. So after `manual`, which has no time (`run on DEV1
        manual retain 35 days`: was BKR013 at `retain`): the line is whole there
        (schedule_whole)."""
        state = ip.parser_state
        if tok.type not in ("NAME", "RETAIN") or tok.start_pos is None or not accepted & {"RETAIN", "RUN"}:
            return None
        previous = last_real_token(state.value_stack)
        first = self.statement_start(state)
        if (
            previous is None
            or not (previous.type == "NAME" or previous.type == "MANUAL" and first is not None and first.type == "RUN")
            or previous.end_line != tok.line
            or first is None
            or not (first.type in ("PURGE", "PREVIEW") and "RETAIN" in accepted or first.type == "RUN")
            or first.line != tok.line
            or first.start_pos is None
        ):
            return None
        text = self.source.text
        found = _RETENTION_REST.match(text, tok.start_pos)
        if found is None:
            cut = self.retention_cut_short(ip, tok, first, previous)
            if cut is not None:
                return cut
            return self.retention_for_day(ip, tok, accepted)
        words, number, unit = found.groups()
        days = int(number) * (7 if unit.lower().startswith("week") else 1)
        keyword = str(first.value).lower()
        if self.schedule_whole(first, previous):
            statement = " ".join(text[first.start_pos : previous.end_pos].split())
            if first.type == "RUN":
                # `run on DEV1 daily 01:00 keep 35 days`: the words and the retention, one
                # error, whatever the words (`retain`, `keep`: no keyword a job takes)
                if any(w.lower() in self.facts.keywords and w.lower() != "retain" for w in words.split()):
                    return None
                return self.run_retention(ip, tok, first, previous, found.end(), days)
            if tok.type != "NAME":
                return None
            if words:
                # `06:00 for 35 days`: words no keyword starts where `retain` goes
                said = words.split()
                if any(w.lower() in self.facts.keywords for w in said):
                    return None
                fix_span = None
                if len(said) == 1:
                    weeks = not unit.lower().startswith("day")
                    fix_span = self.source.span(tok.start_pos, found.end() if weeks else tok.end_pos)
                written = " ".join(text[found.start(2) : found.end()].split())
                span = self.source.span(tok.start_pos, found.end(1) - len(words) + len(words.rstrip()))
                self.report(
                    messages.retention_after_word(" ".join(said), written, days, statement, span, fix_span),
                    tok.start_pos,
                )
                self.feed(ip, _fake("RETAIN", tok))
                self.feed(ip, _fake("NAME", tok, number))
                self.feed(ip, _fake("DAYS", tok))
                return (self._lex_at(ip, found.end()),)
            span = self.source.span(found.start(2), found.end())
            self.report(messages.retain_left_out(f"{number} {unit}", days, statement, span), tok.start_pos)
            self.feed(ip, _fake("RETAIN", tok))
            self.feed(ip, tok)
            self.feed(ip, _fake("DAYS", tok))
            return (self._lex_at(ip, found.end()),)
        slot = str(previous.value)
        if first.type == "RUN" and slot.lower() == "retain":
            return self.day_left_out_before_retention(ip, tok, first, previous, found.end(), days)
        if not slot.isalpha() or not slot.islower() or slot in self.facts.keywords:
            return None
        if first.type == "RUN":
            # the word is the time only after a schedule's day part (not a member's name)
            schedule, names = self.governing_keyword(state.value_stack)
            if (
                schedule is None
                or schedule.type not in ("DAILY", "WEEKLY", "MONTHLY")
                or names[-1:] != [slot]
                or not self.day_part_whole(schedule.type, names[:-1])
            ):
                return None
        schedule = " ".join(text[first.end_pos : previous.start_pos].split())
        span = self.source.span(previous.start_pos, found.end())
        written = " ".join(text[previous.start_pos : found.end()].split())
        self.report(messages.retention_for_time(written, keyword, schedule, days, span), tok.start_pos)
        self._fed_error_token = True  # read, as a whole: a mistake right after it is news
        return (self._lex_at(ip, found.end()),)

    def retention_cut_short(self, ip, tok: Token, first: Token, previous: Token) -> tuple[Token | None] | None:
        """`run on DEV1 daily 01:00 retain`, `... retain 30`: a retention after a job's
        `run` line's time without its unit, or its number too, last on the line (or
        before the block's `}`), met at `retain` or at a word that means it (`keep`,
        `retian`: messages.statement_meant). The same one error as `retain 35 days`
        there (retention_on_line): a job keeps no retention, the expire block's
        `retain 30 days` (`retain N days` without the number) says it; no fix. Was
        BKR013 at `retain` ("`retain` cannot appear inside a `job` block"), or BKR012
        at `keep` ("did you mean `retain`?"), where the whole retention was BKR004.
        So after `manual` (`run on DEV1 manual retain`), whole without a time."""
        if first.type != "RUN" or not self.schedule_whole(first, previous) or tok.start_pos is None:
            return None
        found = _RETENTION_CUT.match(self.source.text, tok.start_pos)
        if found is None:
            return None
        word, number = found.groups()
        if word.lower() != "retain" and messages.statement_meant(word, (), self.keywords_in(self.statements)) != ["retain"]:
            return None
        return self.run_retention(ip, tok, first, previous, found.end(), int(number) if number is not None else None)

    @staticmethod
    def schedule_whole(first: Token, previous: Token) -> bool:
        """Whether a schedule's line is whole at `previous`, its last word read: its time
        (`purge weekly sun 06:00`, `run on DEV1 daily 01:00`; a job's on a 12-hour clock too,
        `10pm`), or a job's `manual`, which has none (`run on DEV1 manual`): what follows
        on the line is no part of it."""
        if first.type == "RUN" and messages.twelve_hour_time(str(previous.value)) is not None:
            return True  # `run on DEV1 daily 10pm retain 5 days`: the help writes `22:00` (retain_left_out)
        return messages.looks_like_time(str(previous.value)) or first.type == "RUN" and previous.type == "MANUAL"

    def day_left_out_before_retention(
        self, ip, tok: Token, first: Token, previous: Token, end: int, days: int
    ) -> tuple[Token | None] | None:
        """`run on DEV1 weekly 22:00 retain 5 days`, `monthly last 10pm retain 5 days`: a
        schedule's day left out, so its time was read as the day and `retain` (`previous`)
        as the time, then the retention's number (`tok`) to `end`. One error, which says
        both (`messages.day_left_out_retention`; was "one word too many" at `5` and at
        `days`); its choices write the day (each weekday after `weekly`, the month's day
        after an ordinal) and remove the retention, which is the expire block's."""
        stack = ip.parser_state.value_stack
        schedule, names = self.governing_keyword(stack)
        read = [t for v in stack for t in tokens_of(v) if t.type == "NAME" and is_real(t)]
        if (
            schedule is None
            or schedule.type not in ("WEEKLY", "MONTHLY")
            or len(names) < 2
            or names[-1] != str(previous.value)
            or len(read) < 2
            or read[-1] is not previous
            or read[-2].start_pos is None
            or read[-2].line != tok.line
            or previous.start_pos is None
        ):
            return None
        text = self.source.text
        lead = " ".join(text[first.start_pos : schedule.start_pos].split())
        time = self.span_of(read[-2])
        blank = previous.start_pos
        while blank > read[-2].end_pos and text[blank - 1] in " \t":
            blank -= 1
        written = " ".join(text[previous.start_pos : end].split())
        diag = messages.day_left_out_retention(
            str(schedule.value), names[:-1], lead, written, days, time, self.source.span(blank, end), text
        )
        if diag is None:
            return None
        self.report(diag, tok.start_pos)
        self._fed_error_token = True  # read, as a whole: a mistake right after it is news
        return (self._lex_at(ip, end),)

    def run_retention(self, ip, tok: Token, first: Token, previous: Token, end: int, days: int | None) -> tuple[Token | None]:
        """The one error for a retention after a job's `run` line's time, from `tok` to
        `end` (retention_on_line: `keep 35 days`; retention_cut_short: `retain 30`),
        the line read on after it."""
        text = self.source.text
        statement = " ".join(text[first.start_pos : previous.end_pos].split())
        clock = messages.twelve_hour_time(str(previous.value))
        if clock is not None:  # `daily 10pm`: the statement written on a 24-hour clock
            statement = f"{statement[: -len(str(previous.value))]}{clock}"
        written = " ".join(text[tok.start_pos : end].split())
        self.report(messages.retain_left_out(written, days, statement, self.source.span(tok.start_pos, end)), tok.start_pos)
        self._fed_error_token = True  # read, as a whole: a mistake right after it is news
        return (self._lex_at(ip, end),)

    def retention_for_day(self, ip, tok: Token, accepted: set[str]) -> tuple[Token | None] | None:
        """`purge weekly keep 35 days`, `purge weekly sun 35 days`: a retention where a
        schedule has its day and its time, or its time, met at `days` (or `weeks`), last
        on the line, after its number read as the time. One error for the words, which
        says what the schedule needs there and that the retention is `retain 35 days`, a
        statement of its own (was "one word too many" at `days`, whose help wrote `purge
        weekly keep 35`):
        - `keep` read as a `weekly` or `monthly` schedule's day (words in letters that
          name no day and are no keyword): its day, then its time (retention_for_day);
        - the day part whole (`daily`, `weekly sun,sat`, `monthly 1`, `monthly first
          sun`): its time (retention_for_time, as for `purge weekly sun keep 35 days`).
        So in a job's `run` line (`run on DEV1 weekly sun 35 days`), whose error says
        that a job keeps no retention: it is the expire block's `retain 35 days`.
        No fix: the day and the time are a choice; the line is read no further.
        Weighed at `days` (a keyword, which starts no statement) and at `weeks` (a
        name). `purge weekly 35 days`, the number read as the day, parses: the
        checker says it (BKR314)."""
        text = self.source.text
        state = ip.parser_state
        previous = last_real_token(state.value_stack)
        first = self.statement_start(state)
        schedule, names = self.governing_keyword(state.value_stack)
        if (
            tok.start_pos is None
            or not re.fullmatch(r"days?|weeks?", str(tok.value), re.IGNORECASE)
            or previous is None
            or previous.type != "NAME"
            or previous.end_line != tok.line
            or not str(previous.value).isdigit()
            or first is None
            or not (first.type in ("PURGE", "PREVIEW") and "RETAIN" in accepted or first.type == "RUN")
            or first.line != tok.line
            or first.end_pos is None
            or schedule is None
            or schedule.type not in ("DAILY", "WEEKLY", "MONTHLY")
            or not is_real(schedule)
            or schedule.end_pos is None
            or not names
            or names[-1] != str(previous.value)
            or tok.end_pos is None
            or not _LINE_END_REST.match(text, tok.end_pos)
        ):
            return None
        said = names[:-1]  # the day part, the number being where the time goes
        days = int(str(previous.value)) * (7 if str(tok.value).lower().startswith("week") else 1)
        keyword = str(first.value).lower()
        if self.day_part_whole(schedule.type, said):
            # `purge weekly sun 35 days`: the time missing
            written = " ".join(text[previous.start_pos : tok.end_pos].split())
            before = " ".join(text[first.end_pos : previous.start_pos].split())  # `weekly sun`, `on DEV1 daily`
            span = self.source.span(previous.start_pos, tok.end_pos)
            self.report(messages.retention_for_time(written, keyword, before, days, span), tok.start_pos)
        else:
            # `purge weekly keep 35 days`: the day and the time missing
            if (
                schedule.type == "DAILY"
                or not said
                or any(
                    not re.fullmatch(r"[A-Za-z][A-Za-z-]*", w)
                    or w.lower() in self.facts.keywords
                    or messages.looks_like_day(w)
                    for w in said
                )
            ):
                return None
            start = _BLANKS_OR_NOT_THEN_NAME.match(text, schedule.end_pos).start(1)
            written = " ".join(text[start : tok.end_pos].split())
            before = " ".join(text[first.end_pos : schedule.end_pos].split())  # `weekly`, `on DEV1 weekly`
            span = self.source.span(start, tok.end_pos)
            self.report(messages.retention_for_day(written, keyword, before, days, span), tok.start_pos)
        self._fed_error_token = True  # read, as a whole: a mistake right after it is news
        return (None,)

    @staticmethod
    def day_part_whole(schedule: str, said: list[str]) -> bool:
        """Whether `said`, the words after a schedule's keyword (`schedule`, its token
        type) before its time, are its day part, whole: none after `daily`; days of the
        week after `weekly` (by name, or as a crontab numbers them); one day of the month
        after `monthly`, or an ordinal and a day of the week."""
        if schedule == "DAILY":
            return not said
        if schedule == "WEEKLY":
            return bool(said) and all(messages.looks_like_day(w) or messages.crontab_day(w) for w in said)
        if len(said) == 2:
            return said[0].lower() in ORDINALS and messages.looks_like_day(said[1])
        return len(said) == 1 and (messages.month_day(said[0]) is not None or said[0].lower() == "last-day")

    def schedule_mistake(self, ip, tok: Token) -> Diagnostic | None:
        """`daily sun 02:00` and `weekly sat sun 03:00`: a schedule with a word too many."""
        if not messages.looks_like_time(str(tok.value)):
            if messages.crontab_day(str(tok.value)) is not None:
                return self.weekly_days_blank(ip, tok)  # `weekly 5 6 0 03:00`
            if not messages.looks_like_day(str(tok.value)):
                return None
            return self.weekly_days_blank(ip, tok) or self.monthly_days_read_on(ip, tok)
        leaves = [t for v in ip.parser_state.value_stack[-3:] for t in tokens_of(v)]
        if len(leaves) < 2:
            return None
        before, day = leaves[-2], leaves[-1]
        if not (day.type == "NAME" and is_real(day)):
            return None
        if messages.crontab_day(str(day.value)) is not None and any(t.type == "WEEKLY" for t in leaves):
            return self.weekly_days_blank(ip, tok)  # `weekly 6 7 02:00`: days as a crontab numbers them
        if not messages.looks_like_day(str(day.value)):
            return None
        if before.type == "DAILY":
            daily = self.span_of(before) if is_real(before) else None
            return messages.daily_with_day(str(day.value), str(tok.value), self.span_of(day), daily)
        if any(t.type == "WEEKLY" for t in leaves):
            return self.weekly_days_blank(ip, tok)
        return None

    def monthly_days(self, ip, tok: Token) -> tuple[Diagnostic, int] | None:
        """`monthly 1,15 02:00`, `monthly 1st,15th 02:00`, `monthly 1 15 02:00`: several
        days of the month, separated by commas or blanks, then a time, where `monthly`
        takes one day; or without the time, separated by commas (`monthly 1,15`); or
        weekdays after an ordinal, so separated (`monthly first sun,sat`, `monthly first
        sun sat 02:00`). The
        error comes at a `,` after the first day, or at the time, when the second day
        was read as the time; (the error for the days, the offset of the time, else
        of the end of the last day). The stack's last values hold `monthly` and its words, unreduced,
        and the statement's keyword before them."""
        leaves = [t for v in ip.parser_state.value_stack[-5:] for t in tokens_of(v)]
        monthly = next((t for t in reversed(leaves) if t.type == "MONTHLY"), None)
        if monthly is None or monthly.end_pos is None or monthly.end_line != tok.line:
            return None
        text = self.source.text
        line_end = self._line_end(monthly.end_pos)
        days: list[re.Match] = []
        time: re.Match | None = None
        words = _SCHEDULE_WORD.finditer(text, monthly.end_pos, line_end)
        ordinal = next(words, None)
        if ordinal is None or ordinal.group().lower() not in _ORDINAL_WORDS:
            # `monthly first sun,sat 02:00`: days of the week after the ordinal
            ordinal, words = None, _SCHEDULE_WORD.finditer(text, monthly.end_pos, line_end)
        ordinals = [] if ordinal is None else [ordinal.group().lower()]
        is_day = _month_day_or_last if ordinal is None else messages.looks_like_day
        for word in words:
            if word.group() == ",":
                continue
            if word.group() in ("#", "}"):
                break  # the line's schedule ends there
            if ordinals and not days and word.group().lower() in _ORDINAL_WORDS:
                # `monthly first,third sun 03:00`: several ordinals of one weekday (was
                # BKR015, then "`03:00` has no keyword before it", its help `backup 03:00`)
                ordinals.append(word.group().lower())
                continue
            if is_day(word.group()):
                days.append(word)
                continue
            if max(len(ordinals), 1) * len(days) < 2 or (
                not messages.looks_like_time(word.group()) and _time_read(word.group()) is None
            ):
                return None
            time = word
            break
        if max(len(ordinals), 1) * len(days) < 2 or (len(ordinals) > 1 and len(days) > 1):
            return None
        written = text[(days[0] if ordinal is None else ordinal).start() : days[-1].end()]
        if time is None and "," not in written and len(days) < 3:
            # `monthly 1 15`, `monthly first sun sat`: read as the time (BKR313); a
            # third day is not (`monthly 1 2 3`, `monthly first sun sat mon`)
            return None
        span = self.source.span((days[0] if ordinal is None else ordinal).start(), days[-1].end())
        if ordinal is None:
            # a number no day of the month is (`monthly 1,40`) kept as written, which the error says
            # (`monthly 15,last-day`: the month's last day among them, `last-day`)
            numbers: list[int | str] = [
                "last-day" if day.group().lower() == "last-day"
                else messages.month_day(day.group()) or int(_NO_MONTH_DAY.fullmatch(day.group()).group(1))
                for day in days
            ]
        else:
            numbers = [f"{nth} {day.group().lower()}" for nth in ordinals for day in days]
        owner = next((t for t in reversed(leaves) if t.type in ("RUN", "PURGE", "PREVIEW")), None)
        statement = "run" if owner is None else owner.type.lower()
        if time is not None and not messages.looks_like_time(time.group()):
            # `monthly 1,15 0300`, `3am`: the time BKR313 reads it as, the help's (was BKR015,
            # then "one word too many" at the time); read on after it, as if it were HH:MM
            diag = messages.monthly_days(written, numbers, _time_read(time.group()), statement, span)
            return diag, time.end()
        diag = messages.monthly_days(written, numbers, time and time.group(), statement, span)
        return diag, (time.start() if time is not None else days[-1].end())

    def monthly_days_read_on(self, ip, tok: Token) -> Diagnostic | None:
        """`monthly first sun sat mon 02:00`, `monthly 1 15, 20 02:00`: several days of
        the month, the second read as the time, so the statement was whole before `tok`,
        a third day or a `,`: the one error for the days (monthly_days)."""
        days = self.monthly_days(ip, tok)
        return None if days is None else days[0]

    def monthly_comma(self, ip, tok: Token) -> tuple[Diagnostic, int, int] | None:
        """`purge monthly 1,` (its time left out), `monthly 1, 02:00`, `monthly 1,, 02:00`,
        `monthly first sun,`: a `,` (or a run of them) after the one day of a `monthly`
        schedule, then nothing more on its line but the time (`monthly_days` has a second
        day after it); or before the day, or before its weekday (`monthly ,`, `monthly
        last,`, `monthly , 15 02:00`). The fast parser gives up at the `,` (a `monthly`
        takes no list), so both read it here: (the error, the offset to read on from,
        how many names the schedule then lacks: fed as placeholders)."""
        leaves = [t for v in ip.parser_state.value_stack[-5:] for t in tokens_of(v)]
        monthly = next((t for t in reversed(leaves) if t.type == "MONTHLY"), None)
        if monthly is None or monthly.end_pos is None or monthly.end_line != tok.line or tok.start_pos is None:
            return None
        text = self.source.text
        end = _COMMAS.match(text, tok.start_pos).end()
        span = self.source.span(tok.start_pos, end)
        words = text[monthly.end_pos : tok.start_pos].split()
        found = list(_SCHEDULE_WORD.finditer(text, end, self._line_end(end)))
        rest = [m.group() for m in found]
        rest = rest[: rest.index("#")] if "#" in rest else rest
        rest = rest[: rest.index("}")] if "}" in rest else rest
        owner = next((t for t in reversed(leaves) if t.type in ("RUN", "PURGE", "PREVIEW")), None)
        statement = "run" if owner is None else owner.type.lower()
        # Where the commas go, a blank where they part two words (`monthly 1,02:00`), or
        # none, and none before them where one follows (`monthly 1 , 02:00`).
        blank_before = text[tok.start_pos - 1 : tok.start_pos] in (" ", "\t")
        blank_after = text[end : end + 1] in (" ", "\t")
        parted = not blank_before and not blank_after
        start = len(text[: tok.start_pos].rstrip(" \t")) if blank_after else tok.start_pos
        removed = self.source.span(start, end)
        if len(words) == 1 and messages.month_day(words[0]) is not None:
            day = str(messages.month_day(words[0]))  # `1st,`: the help writes `monthly 1`
        elif len(words) == 2 and words[0].lower() in _ORDINAL_WORDS and messages.looks_like_day(words[1]):
            day = " ".join(words)
        elif not words or len(words) == 1 and words[0].lower() in _ORDINAL_WORDS:
            # `monthly ,`, `monthly last,`: the day, or the weekday, is missing where the `,` is
            ordinal = words[0].lower() if words else None
            is_day = messages.looks_like_day if ordinal else (lambda w: messages.month_day(w) is not None)
            given = rest[0] if rest and is_day(rest[0]) else None
            after = rest[1:] if given is not None else rest
            if len(after) > 1 or after and not messages.looks_like_time(after[0]):
                return None
            time = after[0] if after else None
            if given is not None and ordinal is None:
                given = str(messages.month_day(given))  # `monthly ,15th`: the help writes `monthly 15`
            blank = " " if parted else ""
            diag = messages.monthly_comma_before_day(ordinal, given, time, statement, span, removed, blank)
            if given is not None and time is None:
                # `monthly last,sun`: read on after the day, as if it and its time followed
                return diag, found[0].end(), 2
            return diag, end, int(given is None and time is not None)
        else:
            return None
        if len(rest) > 1 or rest and not messages.looks_like_time(rest[0]):
            return None
        diag = messages.monthly_comma(day, rest[0] if rest else None, statement, span, removed, not parted)
        return diag, end, 0

    def times_by_comma(self, ip, tok: Token) -> bool:
        """`run on VMSYS1 daily 02:00,14:00`: a second time after a `,` (`tok`) that ends a
        whole schedule with its time, as a list of times is written elsewhere. The error
        `daily 02:00 14:00` gets (`messages.two_times`: a schedule has one time, a job for
        each), at the second time (was the generic "a `,` cannot appear here", whose help
        spoke of member lists and group entries); read on after it. So are more times
        after more commas (`02:00,14:00,20:00`: a job for each of the three), and a time
        written another way (`02:00,2pm`: the help writes `14:00`, as BKR313 reads it,
        `time_meant`). False where the words after the `,` to the line's end are not
        times so listed."""
        state = ip.parser_state
        previous = last_real_token(state.value_stack)
        if previous is None or previous.line != tok.line or not messages.looks_like_time(str(previous.value)):
            return False
        times = self._times_after(ip, tok.end_pos)
        if times is None:
            return False
        diag, end = times
        self.report(diag, tok.start_pos)
        self._advance(ip.lexer_thread.state, end)
        return True

    def _times_after(self, ip, at: int) -> tuple[Diagnostic, int] | None:
        """The times from `at` to the line's end (or its comment, or a `}`), separated by
        commas or blanks (`,14:00,20:00`, ` 14:00 2pm`), after a statement's time (the
        parser's last token) that ends a whole schedule: `messages.two_times`'s error
        for them, a job for each, each time as BKR313 reads it (`_time_read`), and the
        offset after the last; None where a word there is no time."""
        state = ip.parser_state
        previous = last_real_token(state.value_stack)
        if previous is None or previous.end_pos is None or not messages.looks_like_time(str(previous.value)):
            return None
        text = self.source.text
        meant, start, end = [], None, at
        while True:
            comma = _BLANKS_THEN_COMMA.match(text, end) if meant else None
            if comma is not None:
                end = comma.end()  # `,` or blanks between two times
            after = _BLANKS_THEN_VALUE.match(text, end)
            time = None if after is None else _time_read(after.group(1))
            if time is None:
                break
            start = after.start(1) if start is None else start
            meant.append(time)
            end = after.end(1)
        if not meant or not (_LINE_REST.match(text + "\n", end) or _BRACE_REST.match(text, end)):
            return None
        if text.count("\n", previous.end_pos, start):
            return None
        first = self.statement_start(state)
        if first is None or first.start_pos is None or text.count("\n", first.start_pos, start):
            return None
        keyword = str(first.value).lower() or self.facts.texts.get(first.type, first.type).strip("`")
        statement = self._statement_text(first.start_pos, previous.end_pos)
        second = self.source.span(start, end)
        return messages.two_times(str(previous.value), text[start:end], keyword, statement, second, meant), end

    def schedule_comma(self, ip, tok: Token) -> tuple[Diagnostic, int, int] | None:
        """`daily , 02:00`, `weekly ,` (a `,` where the time goes, or the first day) and
        `weekly sun,, 03:00`, `weekly sun,,mon 03:00` (a `,` after the `,` of the days),
        as `monthly_comma` reads a monthly schedule's: (the error, the offset after the
        commas, how many names the schedule then lacks: fed as placeholders)."""
        leaves = [t for v in ip.parser_state.value_stack[-6:] for t in tokens_of(v)]
        often = next((t for t in reversed(leaves) if t.type in ("DAILY", "WEEKLY")), None)
        if often is None or not is_real(often) or often.end_pos is None or often.end_line != tok.line:
            return None
        if tok.start_pos is None:
            return None
        text = self.source.text
        end = _COMMAS.match(text, tok.start_pos).end()
        found = list(_SCHEDULE_WORD.finditer(text, end, self._line_end(end)))
        ends = next((i for i, m in enumerate(found) if m.group() in ("#", "}")), len(found))
        found = found[:ends]
        rest = [m.group() for m in found]
        time = rest[-1] if rest and messages.looks_like_time(rest[-1]) else None
        days = rest[:-1] if time is not None else rest
        if any(not messages.looks_like_day(d) for d in days if d != ","):
            return None
        owner = next((t for t in reversed(leaves) if t.type in ("PURGE", "PREVIEW")), None)
        keyword = "" if owner is None else f"{owner.type.lower()} "  # a `run`'s: the schedule alone
        start = tok.start_pos
        between = text[often.end_pos : tok.start_pos]
        if not between.strip():
            # `daily , 02:00`, `weekly , sun 03:00`: where the time, or the first day, goes
            if often.type == "DAILY" and days:
                return None
            written = "".join(days)
            whole = time is not None and (often.type == "DAILY" or bool(days))
            missing = int(often.type == "WEEKLY" and not days and time is not None)
            after = str(often.value).lower()
        else:
            # `weekly sun,,`: a `,` after the `,` after a day
            listed = "".join(between.split())  # `sun ,,`: the days as meant, without blanks
            if not listed.endswith(",") or not all(messages.looks_like_day(d) for d in listed[:-1].split(",")):
                return None
            if days:
                written = f"{listed}{''.join(days)}"  # `sun,,mon`: the one `,` between
                whole, missing = time is not None, 0
            else:
                # `sun,, 03:00`: no day after the commas, so the first is too many as well
                start = often.end_pos + len(between.rstrip()) - 1
                written, whole, missing = listed[:-1], time is not None, int(time is not None)
            after = listed.rstrip(",").split(",")[-1]
        span = self.source.span(start, end)
        # The fix removes the commas, and the blanks before them where one follows (`sat ,,
        # 02:00`); it leaves a blank where they part two words (`daily,02:00`).
        blank = text[start - 1 : start] not in (" ", "\t", ",") and text[end : end + 1] not in (" ", "\t", "")
        if text[end : end + 1] in (" ", "\t"):
            start = len(text[:start].rstrip(" \t"))
        diag = messages.schedule_comma(
            str(often.value).lower(), after, written, time, keyword, span, whole, " " if blank else "",
            text[start:end].count(","), bool(days), self.source.span(start, end),
        )
        if days and time is None:
            # `weekly , sun`: read on after the days, as if a day and its time followed
            return diag, found[-1].end(), 2
        return diag, end, missing

    def day_after_time(self, ip, tok: Token) -> Diagnostic | None:
        """`daily 02:00 sun`, `weekly sat 22:00 sun`: a day of the week after a schedule's
        time on its line, as English adds it, not a misspelt `run`. Weekly, the day is one
        more of the list (fixed); daily, perhaps `weekly` was meant (no fix)."""
        leaves = [t for v in ip.parser_state.value_stack[-5:] for t in tokens_of(v)]
        time = leaves[-1] if leaves else None
        if time is None or time.type != "NAME" or not is_real(time) or time.end_line != tok.line:
            return None
        if not messages.looks_like_time(str(time.value)):
            return None
        often = next((t for t in reversed(leaves) if t.type in ("DAILY", "WEEKLY")), None)
        if often is None or not is_real(often) or often.line != tok.line:
            return None
        text = self.source.text
        end, more = tok.end_pos, []
        while (following := _ONE_MORE_DAY.match(text, end)) is not None and messages.looks_like_day(following.group(1)):
            # `weekly mon 03:00 thu,fri`: the days after `thu` too (the fix wrote `weekly
            # mon,thu 03:00`, `,fri` left after it, and `daily 03:00 sat,sun`'s `,sun`)
            end = following.end()
            more.append(following.group(1))
        written = " ".join(text[often.start_pos : end].split())
        days = "".join(text[often.end_pos : time.start_pos].split())
        span = self.source.span(often.start_pos, end)
        second = _DAY_THEN_TIME.match(text, end)
        if second is not None and _time_read(second.group(1)) is not None:
            # `weekly mon 03:00 thu 15:00`: the day has a time of its own (the fix wrote
            # `weekly mon,thu 03:00`, thu's 15:00 left after it): a schedule has one
            # time, so a job for each, as `weekly mon 03:00 and thu 15:00` is told; no mend
            phrase = " ".join(self.source.text[often.start_pos : second.end(1)].split())
            statement = self.schedule_of([t for t in leaves if t.line == tok.line])
            whole = self.source.span(often.start_pos, second.end(1))
            return messages.schedule_phrase(phrase, True, whole, certain=False, statement=statement)
        after_time = self.source.span(time.end_pos, end)
        word = str(tok.value)
        listed = None if messages.looks_like_day(word) else ",".join(messages.days_written_as_one(word) or ())
        if more and not listed:
            word = listed = ",".join([word, *more]).lower()
        return messages.day_after_time(word, str(time.value), written, days, span, after_time, listed or None)

    def dirmaint_options_after(self, ip, tok: Token) -> bool:
        """`run on VMSYS1 daily 02:00  *DVHOPT LGN0001 LOG1`: DirMaint's options line, in its
        capitals, after a statement on its line (`tok`, its `*DVHOPT`): one error whose fix
        removes it and its operands, up to a comment or a `}` on the line, which stay; the
        line is skipped so far. False where no statement comes before it on its line
        (a line of its own is foreign_line's)."""
        previous = last_real_token(ip.parser_state.value_stack)
        if previous is None or previous.end_line != tok.line or tok.end_pos is None:
            return False
        self._advance(ip.lexer_thread.state, self._dirmaint_reported(tok))
        return True

    def dirmaint_after_list(self, tok: Token) -> bool:
        """`shared-volume VMCOM1 *DVHOPT LGN0001 LOG1`: DirMaint's options line after a
        list's names on its line (volume labels, addresses, SFS paths, a group body's
        users), which Lark reads as more names (BKR305 twice after labels, BKR310 twice
        after addresses): the error dirmaint_options_after gives it after a statement,
        its fix removing it and its operands; marked, so that the token that does not
        fit skips them (diagnose)."""
        state = self.parser_state
        if state is None or tok.start_pos is None or tok.end_pos is None:
            return False
        stack = state.value_stack
        previous = last_real_token(stack)
        if previous is None or previous.type != "NAME" or previous.end_line != tok.line:
            return False
        if self.list_of(stack) is None and self.in_group_body(stack) is None:
            return False
        self.misplaced_at[tok.start_pos] = self._dirmaint_reported(tok)
        return True

    def rexx_label_after_users(self, tok: Token) -> bool:
        """`CICSPRD BKRBKUP:` (or `bkrbkup:`) in a group body: a REXX label last on its
        line after the body's users (`messages.rexx_label`), which Lark reads as one more
        user (BKR301 at check: no user ID holds `:`). One error whose fix removes it and
        the blanks before it, the users kept; marked, so that the token that does not fit
        skips it (diagnose). A label first on its line is keyword_after_list's."""
        state = self.parser_state
        if state is None or tok.start_pos is None or tok.end_pos is None or self.first_on_line(tok.start_pos):
            return False
        if not messages.rexx_label(str(tok.value)) or self._line_before_comment(tok.end_pos).strip() not in ("", "}"):
            return False
        stack = state.value_stack
        previous = last_real_token(stack)
        if previous is None or previous.type != "NAME" or previous.end_line != tok.line or self.in_group_body(stack) is None:
            return False
        removed = self.source.deletion(self.span_of(tok))
        self.report(messages.rexx_label_after_users(str(tok.value), self.span_of(tok), removed), tok.start_pos)
        self.misplaced_at[tok.start_pos] = tok.end_pos
        return True

    def _dirmaint_reported(self, tok: Token) -> int:
        """Report `*DVHOPT` (`tok`) and its operands after a statement or a list's names on
        its line (messages.dirmaint_options_after): the fix removes them up to a comment
        or a `}` on the line, which stay. Where they end."""
        text = self.source.text
        end = tok.start_pos + len(self._line_before_comment(tok.start_pos).split("}", 1)[0].rstrip())
        removed = self.source.deletion(self.source.span(tok.start_pos, end))
        if text[removed.end : self._line_end(removed.end)].strip():
            removed = self.source.span(removed.start, end)  # a comment or a `}` after it stays
        self.report(messages.dirmaint_options_after(self.span_of(tok), removed), tok.start_pos)
        return end

    def star_comment_after(self, ip, tok: Token) -> bool:
        """`backup APPS full   * nightly`: a lone `*` after a statement on its line,
        then words, as a comment (not `* 0191`, a selection's owner and address
        without their keywords)."""
        previous = last_real_token(ip.parser_state.value_stack)
        if previous is None or previous.end_line != tok.line or tok.end_pos is None:
            return False
        following = _STAR_COMMENT_REST.match(self.source.text, tok.end_pos)
        if following is None:
            return False
        # `* a month` after an expire block's statement: no selection there, so `a` is
        # no address (a job's or a member's `* 0191` is an owner and an address)
        inner = open_blocks(ip.parser_state.value_stack)
        selections = not inner or inner[-1].kind in ("job", "member")
        return not selections or _ADDRESSES.fullmatch(following.group(1)) is None

    def weekly_days_blank(self, ip, tok: Token) -> Diagnostic | None:
        """`weekly sat sun 03:00`, `weekly fri sat sun 03:00`: days of a weekly schedule
        separated by a blank, so one was read as the time and the error comes at the
        word after it (`tok`). When the line after `weekly` is days, then a time, one
        error at the first day without its `,`, whose fix writes the days with commas."""
        leaves = [t for v in ip.parser_state.value_stack[-3:] for t in tokens_of(v)]
        weekly = next((t for t in reversed(leaves) if t.type == "WEEKLY"), None)
        if weekly is None or weekly.end_pos is None or weekly.end_line != tok.line:
            return None
        text = self.source.text
        line_end = self._line_end(weekly.end_pos)
        days: list[re.Match] = []
        comma_before: list[bool] = []
        comma = False
        time = None
        for word in _SCHEDULE_WORD.finditer(text, weekly.end_pos, line_end):
            if word.group() == ",":
                comma = True
            elif messages.looks_like_day(word.group()) or messages.crontab_day(word.group()) is not None:
                days.append(word)
                comma_before.append(comma)
                comma = False
            else:
                time = word if messages.looks_like_time(word.group()) and not comma else None
                break
        if time is None or len(days) < 2 or all(comma_before[1:]):
            return None
        numbered = [d for d in days if messages.crontab_day(d.group()) is not None]
        if numbered:
            # `weekly 6 7 02:00`: days as a crontab numbers them, and without their `,`
            return messages.weekly_days_numbered(
                [d.group() for d in days],
                [d.group() for d in numbered],
                time.group(),
                self.source.span(numbered[0].start(), numbered[-1].end()),
            )
        read_as_time = days[comma_before.index(False, 1)]
        joined = ",".join(d.group() for d in days)
        return messages.weekly_days_without_comma(
            read_as_time.group(),
            self.source.span(read_as_time.start(), read_as_time.end()),
            joined,
            time.group(),
            self.source.span(days[0].start(), days[-1].end()),
        )

    def hyphenated_begun_alone(self, tok: Token, accepted: set[str]) -> list[str]:
        """`shared` alone on its line where a statement starts, as `shared-volume` is
        typed: a keyword that is the first part of a statement keyword that fits there,
        typed up to its hyphen, read as that keyword (BKR012, as `share` and `shared-`
        before and after it are), not a catalog's scope whose `catalog` is missing
        (BKR004, which flickered in the editor as the word was typed). With words after
        it on its line, the rules after this one read it."""
        word = str(tok.value)
        if not word.islower() or not self.first_on_line(tok.start_pos):
            return []
        text = self.source.text
        end = text.find("\n", tok.end_pos)
        after = text[tok.end_pos : len(text) if end == -1 else end].strip()
        if after and not after.startswith("#"):
            return []
        return [k for k in self.keywords_in(accepted & self.statements) if k.startswith(word + "-")]

    def misplaced_keyword(self, ip, tok: Token, accepted: set[str]) -> Token | None:
        """A statement keyword that does not fit the block the parser is in."""
        blocks = open_blocks(ip.parser_state.value_stack)
        sim = Sim.of(ip)
        for count in range(1, len(blocks) + 1):
            path = closing(sim, count)
            if path is None or not sim.fits(path + [tok.type]):
                continue
            closed = blocks[-count:]
            real = [b for b in closed if not b.placeholder]
            if not real:  # only placeholder blocks stand in the way: close them silently
                self.feed_types(ip, path, tok)
                return tok
            if not self.closes_there(tok, real[-1], tok.type == "IMPORT"):
                self.report(self.written_inside(tok, real[-1]), tok.start_pos)
                return self.skip_pasted(ip, tok, tok)
            resume = self.pasted_unclosed(sim, path, tok, real[-1])
            if resume is not None:
                self.report(
                    messages.misplaced_inside(
                        str(tok.value),
                        real[-1],
                        self.span_of(tok),
                        self.span_of(real[-1].brace),
                        homes=self.homes_of(tok),
                        unclosed=True,
                    ),
                    tok.start_pos,
                )
                return self._lex_at(ip, resume)
            self.report(
                messages.not_closed_before(
                    str(tok.value),
                    [(b, self.span_of(b.brace)) for b in real],
                    self.span_of(tok),
                    self.first_on_line(tok.start_pos),
                    self.source,
                ),
                tok.start_pos,
            )
            self.feed_types(ip, path, tok)
            return tok
        path = self.reopen_path(ip, sim, tok)
        if path is not None:
            closed = last_closed(ip.parser_state.value_stack, self.source, past_declarations=True)
            if not blocks and (closed is None or closed[0].kind == "group_decl"):
                # at the top level, before any block, or after a group declared there
                # (`single group SPARES { ... }`, which the top level takes: its `}`
                # closed no block early)
                self.read_apart.add(tok.start_pos)
            self.report_misplaced_outside(ip, tok, path)
            self.feed_types(ip, path, tok, brace=REOPENED)
            return tok
        if tok.type == "AT" and "ON" in accepted and sim.fits(["ON", "NAME", "AT"]):
            # `disk BKRBKUP 191 size 10 cyl at 1000`: the extent's start without its volume
            start, at = self.window(tok.end_pos)[0]
            if "\n" in self.source.text[tok.end_pos : at]:
                start = ""  # `at` ends its line: no start written
            self.report(messages.at_without_on(start, self.span_of(tok)), tok.start_pos)
            self.feed_types(ip, ["ON", "NAME"], tok)
            return tok
        begun = self.hyphenated_begun_alone(tok, accepted)
        if begun:
            return self.misspelt(tok, begun)
        if tok.type in _SCOPES and self.tape_manager_left_out(ip, sim, tok):
            return tok
        if tok.type == "ON" and self.destination_on(ip, sim, tok):
            return self.retype(tok, "TO")
        before = sorted(t for t in accepted - {"NAME", "RBRACE", "$END"} if sim.fits([t, tok.type]))
        meant = (
            self.reordered(sim, tok.start_pos, trailing=True)
            if before and is_real(tok) and self.first_on_line(tok.start_pos)
            else None
        )
        if meant is not None:
            # `on VMSYS1 run daily 02:00`: the keyword is on the line, after words of its
            # statement; one error, whose fix writes the line in order, and the line skipped
            self.report(
                messages.missing_before(str(tok.value), self.expected_list(before), self.span_of(tok), meant=meant),
                tok.start_pos,
            )
            end = self.words_after_order(meant)
            self.skip_phrase(ip, tok, end)
            self._fed_error_token = True
            return None
        if before:
            # the statement written out with the line's words: `catalog shared server
            # BKRSVSFS`, `expire on VMSYS1 { ... }` (a block's braces the line lacks)
            leads = self.keywords_in(set(before))
            if tok.type == "ON" and leads == ["run"] and self.placement_again(ip, tok):
                return None
            name = self.run_left_out_on_member(sim, tok) if tok.type == "ON" and leads == ["run"] else None
            if name is not None:
                # read on as `run on VMSYS1 ...`: what else the line has wrong is news
                self.feed_types(ip, ["RUN"], tok)
                self.feed(ip, tok)
                if name < 0:
                    # `on member each at 02:00`: read on after `each` as after `each member`
                    self.feed_types(ip, ["EACH", "MEMBER"], tok)
                    name = -name
                self._advance(ip.lexer_thread.state, name)
                self._fed_error_token = True
                return None
            kind_after = self.kind_after_name(tok, before)
            if kind_after is not None:
                # `group APPS identity {`: the kind after the name, where it is written first;
                # one error, whose fix writes `identity group APPS`, read on so (was two:
                # the kind missing before `group`, its help `single group APPS identity { ... }`,
                # then the kind "cannot stand between `group APPS` and its `{`")
                start, kind, meant = kind_after
                written = self.source.text[start : start + len(kind)]
                self.report(messages.kind_after_name(str(tok.value), written, meant, self.span_of(tok)), tok.start_pos)
                self.dropped.add(start)
                self.feed_types(ip, [kind], tok)
                return tok
            trial = sim.copy()
            opens = trial.feeds([before[0], tok.type]) and "LBRACE" in (completion(trial) or [])
            written = messages.written_from(self.source.text, tok.start_pos) if is_real(tok) else ""
            insert = len(leads) == 1 and is_real(tok) and self.made_whole(sim, tok, (leads[0],))
            if self.report(
                messages.missing_before(
                    str(tok.value), self.expected_list(before), self.span_of(tok), leads, written, opens, insert=insert
                ),
                tok.start_pos,
            ):
                self.head_missing.add(tok.start_pos)
            if leads and all(lead in written.lower().split() for lead in leads):
                # `on DEV1 run now daily 01:00`: the keyword later on the line, its
                # words in no order that parses; the line is that one error, not also
                # the words after the keyword read as its statement's
                return self.skip_statement(ip, tok, past=self._line_end(tok.start_pos))
            self.feed_types(ip, before[:1], tok)
            return tok
        real = [b for b in blocks if not b.placeholder]
        homes = self.other_blocks(Sim.start(self.lark), tok, "")
        if real and homes:
            # `workers 3` in an expire or job block: no block around it takes it,
            # and none closed before it; say which blocks do.
            inner, brace = real[-1], self.span_of(real[-1].brace)
            braceless = self.in_braceless_expire(ip.parser_state.value_stack, tok)
            if braceless is not None:
                inner, brace = braceless
            self.report(messages.misplaced_inside(str(tok.value), inner, self.span_of(tok), brace, homes=homes), tok.start_pos)
            return self.skip_statement(ip, tok)
        if tok.type == "DAYS":
            retention = self.retention_for_day(ip, tok, accepted)
            if retention is not None:
                return retention[0]  # `purge weekly keep 35 days`: the day and the time missing
        extra = self.word_after_statement(ip, tok) if tok.type not in self.statements else None
        if extra is not None:
            # `workers 4 each`: a keyword that starts no statement, after a whole one on its line
            self.report(extra, tok.start_pos)
            return self.skip_statement(ip, tok)
        if tok.type in _SCOPES and real and real[-1].kind in ("member", "job", "expire"):
            # `shared catalog ...` (or `shared` alone) in a member, job or expire block:
            # a catalog's or Tape Manager's scope, whose statement is the cluster's
            inner = real[-1]
            following = _BLANKS_THEN_WORD.match(self.source.text, tok.end_pos)
            statement = following.group(1).lower() if following is not None else None
            self.report(
                messages.scope_misplaced(
                    str(tok.value), inner, self.span_of(tok), self.span_of(inner.brace),
                    statement if statement in ("catalog", "tape") else None,
                ),
                tok.start_pos,
            )
            if not accepted & {"RBRACE", "$END"}:
                self.feed_types(ip, completion(Sim.of(ip)) or [], tok)
            return self.skip_statement(ip, tok)
        if tok.type == "ON" and self.expiry_placed_on_line(ip, tok, real):
            return None  # `purge daily 06:00 on DEV1`: the expire block's members
        if str(tok.value).lower() in KEYWORD_PLACE_WORDS and accepted & (self.statements | {"$END"}):
            # `role worker`, `full`, `at 100` where a statement starts: what the word is,
            # where it is written, and the statement here that takes it, if one does
            return self.starts_no_statement(ip, tok, accepted, sim)
        return self.unexpected(ip, tok, accepted, f"`{tok.value}` cannot appear here")

    def in_braceless_expire(self, stack, tok: Token) -> tuple[Block, Span] | None:
        """`expire on LAB1` written without its braces, its body below it holding `tok`
        (`workers 2` among `preview`, `purge`, `retain`, indented under the head), as its
        BKR011 reads that body (`messages.expire_body_below`, whose `}` goes below the
        body's last line): the `expire` block, as that error's fix writes it, and the
        head's span, the place it starts; else None. The recovery reads such a body in a
        placeholder block, so that a statement no block around it takes was said to be
        "inside a `cluster` block" (the `}` that fix writes is below it)."""
        blocks = open_blocks(stack)
        if not blocks or blocks[-1].kind != "expire" or blocks[-1].brace.value != ASSUMED or tok.start_pos is None:
            return None
        at = max(i for i, value in enumerate(stack) if value is blocks[-1].brace)
        head = [t for value in stack[:at] for t in tokens_of(value)]
        keyword = next((i for i in range(len(head) - 1, -1, -1) if head[i].type == "EXPIRE"), None)
        if keyword is None or not is_real(head[keyword]) or not is_real(head[-1]) or head[-1].end_pos is None:
            return None
        body = messages.expire_body_below(self.source.text, self.span_of(head[-1]))
        if body is None or tok.start_pos >= body[1].span.start:
            return None
        start = head[keyword]
        span = self.source.span(start.start_pos, head[-1].end_pos)
        return Block("expire", None, blocks[-1].brace), span

    def opener_missing(self, stack) -> bool:
        """Whether the block whose `{` is due was opened by a keyword reported missing
        before the word after it (`on VMSYS1` in the cluster, `expire` left out:
        `messages.missing_before`, whose help writes the block's braces too)."""
        opener = next((v for v in reversed(stack) if isinstance(v, Token) and v.type in _OPENING_WORDS), None)
        return opener is not None and not is_real(opener) and opener.start_pos in self.head_missing

    def glued_before_keyword(self, ip, tok: Token) -> Diagnostic | None:
        """comment_glued where the first word after the value is a keyword that starts no
        statement (`as`, `each`): the words run to the line's last one, or to a `}`."""
        previous = last_real_token(ip.parser_state.value_stack)
        if not is_real(tok) or previous is None or previous.line != tok.line or "#" not in str(previous.value):
            return None
        line_end = self._line_end(tok.start_pos)
        rest = self.source.text[tok.start_pos : line_end]
        tail = None if "}" in rest else tok.start_pos + len(rest.rstrip())
        return self.comment_glued(ip.parser_state, previous, tok, tail)

    def starts_no_statement(self, ip, tok: Token, accepted: set[str], sim: Sim) -> Token | None:
        """A keyword that starts no statement (fast.KEYWORD_PLACE_WORDS) where one starts,
        none fitting right before it: one error, and the rest of its line skipped with it
        (`each member` in the cluster: not also "expected a member name after
        `member`"). A comment glued to the statement's last value before it (`workers
        4#four as planned`: `as` a keyword since stop 83's `link`) is said so, as
        word_after_statement says it before a name."""
        glued = self.glued_before_keyword(ip, tok)
        if glued is not None:
            self.report(glued, tok.start_pos)
            return self.skip_statement(ip, tok)
        blocks = open_blocks(ip.parser_state.value_stack)
        where = messages.in_block(blocks[-1].kind) if blocks else "the top level of a file"
        leads = self.keywords_in({t for t in accepted & self.statements if self.takes_later(sim, t, tok.type)})
        starts = self.keywords_in(accepted & self.statements)
        # `full backup APPS`: the statement is on the line, the word before its keyword
        meant = self.reordered(sim, tok.start_pos) if is_real(tok) and self.first_on_line(tok.start_pos) else None
        said = self.report(
            messages.starts_no_statement(str(tok.value), self.span_of(tok), leads, where, starts, meant),
            tok.start_pos,
        )
        if not accepted & {"RBRACE", "$END"}:
            self.feed_types(ip, completion(Sim.of(ip)) or [], tok)
        if said is None or not is_real(tok):
            return self.skip_statement(ip, tok)  # a cascade (`tape pool`: `manager` missing said it)
        end = self._line_end(tok.start_pos)
        if not set(self.source.text[tok.end_pos : end]) & set('{}"#'):
            # read on from the next line as written: `each member` under `size 10 cyl`
            # is a slip of its own, not more of this one's line to skip; but a line that
            # goes on with this one's statement is the rest of this slip, not a second
            # (`pool BKRPOOL on VMSYS1` under `shared server BKRSVSFS`, `catalog` left out)
            return self._lex_at(ip, self.goes_on_below(tok.start_pos, end, accepted & self.statements))
        return self.skip_statement(ip, tok, past=end)

    def goes_on_below(self, start: int, end: int, here: set[str]) -> int:
        """Where to read on after a line skipped whole as one slip (`starts_no_statement`:
        its first word at `start`, its end at `end`): past the lines right below it that go
        on with its statement, as `bkrc fmt` breaks a long statement (`shared server
        BKRSVSFS`, then `pool BKRPOOL on VMSYS1`), else at `end`. The line's statement is
        one its words read on after, its one statement keyword left out before them, in a
        block of any kind or at the top level (`catalog shared server BKRSVSFS`, `tape
        manager shared`). A line below goes on with it when every word of that line reads
        on after it, its first word a keyword that starts no statement, nor one of the
        statements `here` (the block's) with their keyword left out (`daily 02:00` in an
        expire block: `preview` or `purge` left out, a slip of its own). A line that
        starts a statement, one no such statement reads on with (`each member` under
        `size 10 cyl`), one with a brace, a text or a comment, or a blank line between, is
        read as written."""
        text = self.source.text
        places = [Sim.start(self.lark)]
        for opening in OPENERS.values():
            place = Sim.start(self.lark)
            if place.feeds(opening):
                places.append(place)
        states = []
        for place in places:
            for statement in sorted(place.accepts() & self.statements):
                state = place.copy()
                if state.feed(statement) and self._reads_on(state, text[start:end].split()):
                    states.append(state)
        while states and end < len(text):
            below = self._line_end(end + 1)
            words = text[end + 1 : below].split()
            if not words or set(text[end + 1 : below]) & set('{}"#'):
                break
            first = self.facts.keywords.get(words[0].lower())
            if first is None or first in self.statements or any(_right_after(self.lark, t, first) for t in here):
                break
            states = [state for state in states if self._reads_on(state, words)]
            if states:
                end = below
        return end

    def _reads_on(self, sim: Sim, words: list[str]) -> bool:
        """Whether `sim` takes each of `words` in turn: the first as its keyword, a
        keyword written in small letters as that keyword, any other word as a name, or as
        the keyword it spells where that fits (`sim` advanced)."""
        for i, word in enumerate(words):
            keyword = self.facts.keywords.get(word.lower())
            if keyword is not None and sim.feed(keyword):
                continue
            if i == 0 or (keyword is not None and word == word.lower()) or not sim.feed("NAME"):
                return False
        return True

    def kind_after_name(self, tok: Token, before: list[str]) -> tuple[int, str, Reordered] | None:
        """`group APPS identity {`, `user OPSADMIN single`: a declaration's kind written
        after its name (`tok`, the `group` or `user` where the kind is due, `before` the
        keywords that fit before it), the line then nothing more, or a `{` after a
        group's: where the kind word starts, its token type, and the line in order over
        its words (`identity group APPS`); else None. `reordered` takes no line with a
        brace, so not a group's head."""
        if tok.type not in ("GROUP", "USER") or not is_real(tok) or set(before) != {"IDENTITY", "SINGLE"}:
            return None
        line = self._line_before_comment(tok.start_pos)
        head, brace, _ = line.partition("{")
        words = [(m.group(), m.start()) for m in re.finditer(r"\S+", head)]
        if len(words) != 3 or (tok.type == "GROUP") != bool(brace) or words[2][0].lower() not in ("identity", "single"):
            return None
        if self.facts.keywords.get(words[1][0].lower()) is not None:
            return None  # a keyword where the name goes: not this slip
        kind, at = words[2]
        end = tok.start_pos + at + len(kind)
        meant = f"{kind} {words[0][0]} {words[1][0]}"
        return tok.start_pos + at, kind.upper(), Reordered(meant, self.source.span(tok.start_pos, end))

    def reordered(self, sim: Sim, start: int, trailing: bool = False, inside_first: bool = False) -> Reordered | None:
        """The line from `start` (a statement's first word, where `sim` stands) with its
        words in the one order that makes it a whole statement, and the span of its words
        as written: `full backup APPS` -> `backup APPS full`, `on VMSYS1 run daily 02:00`
        -> `run on VMSYS1 daily 02:00`, `to pool BKUPPOOL disk` -> `to disk pool
        BKUPPOOL`. Every move of a run of words to another place is tried; where none
        makes it a statement, every order of a short line (`to BKUPPOOL pool disk`, two
        words out of place: `_orders`). None when the line reads as written, when no
        order or more than one distinct order makes it a statement (no fix is certain
        then), or when it holds a brace or a text. `trailing`: where the whole line has
        no such order, its words but the fewest last ones that leave one (`on DEV1 run
        daily 01:00 now`: `now` one word too many after `run on DEV1 daily 01:00`; `now
        now`, two), whose span then ends before them; none where fewer words left out
        leave two orders (which is meant is the writer's), or read as written, nor where
        a word left out is a keyword (`weekly now sun 02:00` after `on PRODA run`: not
        `sun 02:00`); else its words but one between its first and its last, a word
        too many there that the one order of the others leaves out (there, `now`:
        `_one_word_inside`), the span then the whole line's and `inside` that word's. An
        order counts where its values have their places' shapes too (`_values_shaped`:
        not `run on PRODA weekly now sun`). `inside_first`: the word too many inside
        tried before the last words left out (`daily now 01:00 run on PRODA`: not `run
        on now daily 01:00`, `PRODA` one too many)."""
        line = self._line_before_comment(start)
        if set(line) & set('{}"'):
            return None
        found = [(m.group(), m.end()) for m in re.finditer(r",|[^\s,]+", line)]
        words = tuple(word for word, _ in found)
        if not 2 <= len(words) <= _REORDERED_WORDS or self._whole_statement(sim, words):
            return None
        orders = self._found_orders(sim, words)
        if inside_first and not orders:
            inside = self._reordered_inside(sim, start, found)
            if inside is not None:
                return inside
        left_out: tuple[str, ...] = ()
        for cut in range(len(words) - 1, 1, -1) if trailing and not orders else ():
            if self._whole_statement(sim, words[:cut]) or self._keyword_written(words[cut]):
                break  # a keyword left out would be a statement's word (`weekly now sun 02:00`)
            orders = self._found_orders(sim, words[:cut])
            if orders:
                words, left_out = words[:cut], words[cut:]
                break
        if trailing and not orders and not left_out:
            return self._reordered_inside(sim, start, found)
        if len(orders) != 1:
            return None
        (meant,) = orders
        if self._stands_in(sim, meant, left_out):
            return None
        return Reordered(" ".join(meant).replace(" ,", ","), self.source.span(start, start + found[len(words) - 1][1]))

    def _reordered_inside(self, sim: Sim, start: int, found: list[tuple[str, int]]) -> Reordered | None:
        """`reordered`'s line (its words and where each ends, from `start`) in the one
        order of all its words but a word too many inside it (`_one_word_inside`), the
        span the whole line's and `inside` that word's; None where there is none."""
        words = tuple(word for word, _ in found)
        inside = self._one_word_inside(sim, words)
        if inside is None:
            return None
        i, meant = inside
        word_start = start + found[i][1] - len(words[i])
        return Reordered(
            " ".join(meant).replace(" ,", ","),
            self.source.span(start, start + found[-1][1]),
            self.source.span(word_start, word_start + len(words[i])),
        )

    def _one_word_inside(self, sim: Sim, words: tuple[str, ...]) -> tuple[int, tuple[str, ...]] | None:
        """Where no order of `words` (a line out of order, `reordered`'s) makes a
        statement, nor of all but its last ones: the word between its first and its
        last that is a word too many (`_stray`: no keyword, no value's shape, no name
        in capitals; `on VMSYS1 run weekly now sun 02:00`, `to BKUPPOOL now pool disk`),
        its index, and the one order of the other words that makes them a statement.
        None where no such word does, or more than one (two words too many, or a
        choice: which is meant is the writer's), or where the other words read as
        written (the line then is not out of order)."""
        found: list[tuple[int, tuple[str, ...]]] = []
        for i in range(1, len(words) - 1):
            if not self._stray(words[i]):
                continue
            rest = words[:i] + words[i + 1 :]
            if self._whole_statement(sim, rest):
                return None
            found += [(i, order) for order in self._found_orders(sim, rest)]
            if len(found) > 1:
                return None  # `to now now pool disk`: either `now` may be the pool's name
        return found[0] if found else None

    def _keyword_written(self, word: str) -> bool:
        """Whether `word` is a keyword of the grammar written as one, in small letters."""
        return word == word.lower() and word in self.facts.keywords

    def _stands_in(self, sim: Sim, meant: tuple[str, ...], left_out: tuple[str, ...]) -> bool:
        """Whether a keyword among the words `reordered` left out makes a whole statement
        in place of one of `meant`'s (`to pool X disk tape`: `to tape pool X` as well as
        `to disk pool X`): which of the two was meant is the writer's."""
        keywords = {word for word in left_out if word == word.lower() and word.lower() in self.facts.keywords}
        return any(
            self._whole_statement(sim, (*meant[:i], word, *meant[i + 1 :]))
            for word in keywords
            for i in range(1, len(meant))
            if meant[i] != word
        )

    def stray_word_last(self, meant: Reordered) -> Reordered:
        """`daily 01:00 run on VMSYS1 now`: `meant` (`run on VMSYS1 daily 01:00`, the
        schedule put after the members) with the words after its words on the line,
        where each is a word no statement has a place for (`_stray`), taken in: its span
        to their end, the words as `inside`, so the fix leaves them out and their one
        error says the statement has no place for them (was a fix that wrote `run on
        VMSYS1 daily 01:00 now`, which does not check; for `now now`, the fix kept
        both). `meant` as it is otherwise (a name among them: `VMSYS2`)."""
        if meant.inside is not None:
            return meant
        extra = _LAST_WORDS.match(self.source.text, meant.span.end, self._line_end(meant.span.end))
        if extra is None or not all(self._stray(word) for word in extra.group(1).split()):
            return meant
        inside = self.source.span(extra.start(1), extra.end(1))
        return Reordered(meant.text, self.source.span(meant.span.start, extra.end(1)), inside)

    def words_after_order(self, meant: Reordered) -> int:
        """Report the words on the line after `meant`'s span, where `reordered` (its
        `trailing`) left them out to set the rest in order (`on DEV1 run daily 01:00
        now`): one word too many, or words too many (`now now`), after the statement they
        make, said as after one written in order (no fix: they may be the trace of
        another slip). So for the word too many inside it that `reordered` left out
        (`on DEV1 run weekly now sun 01:00`), said as a word the statement has no place
        for (no fix: the fix of the line's order leaves it out). Where the line's reading
        goes on: after them, else after `meant`."""
        end = meant.span.end
        if meant.inside is not None:
            word = self.source.text[meant.inside.start : meant.inside.end]
            statement = meant.text.split()[0]
            # at no token: the line's first error may be at the word itself (`to now
            # BKUPPOOL pool disk`, `now` where the medium goes), and this one is not a cascade
            self.report(messages.word_inside_statement(word, statement, meant.text, meant.inside))
            return end
        extra = _LAST_WORDS.match(self.source.text, end, self._line_end(end))
        if extra is None:
            return end
        statement = meant[0].split()
        words = " ".join(extra.group(1).split())
        span = self.source.span(extra.start(1), extra.end(1))
        if " " in words:
            diag = messages.words_after_statement(words, statement[0], f"`{statement[-1]}`", meant[0], span)
        else:
            diag = messages.word_after_statement(
                f"`{words}`", statement[0], f"`{statement[-1]}`", meant[0], None, span, None
            )
        self.report(diag, extra.start(1))
        return extra.end(1)

    def _found_orders(self, sim: Sim, words: tuple[str, ...]) -> set[tuple[str, ...]]:
        """The orders of `words`, other than theirs, that make them a whole statement
        where `sim` stands: one run of words moved (`reordered`), else, for a short line,
        any order (`_orders`); none, one, or more (two or three: more tell no more)."""
        found: set[tuple[str, ...]] = set()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                part, rest = words[i:j], words[:i] + words[j:]
                for k in range(len(rest) + 1):
                    moved = rest[:k] + part + rest[k:]
                    if (
                        moved != words
                        and moved not in found
                        and self._whole_statement(sim, moved)
                        and self._values_shaped(sim, moved)
                    ):
                        found.add(moved)
                        if len(found) > 1:
                            return found  # two orders: which is meant is the writer's
        if not found and len(words) <= _PERMUTED_WORDS:
            found = self._orders(sim, words) - {words}
        return found

    def _orders(self, sim: Sim, words: tuple[str, ...]) -> set[tuple[str, ...]]:
        """The orders of `words` that are a whole statement where `sim` stands, as
        `_whole_statement` reads one, built word by word (an order is dropped at its
        first word that does not fit); two at most (more tell no more)."""
        found: set[tuple[str, ...]] = set()

        def grow(state: Sim, order: tuple[str, ...], left: tuple[str, ...]) -> None:
            if len(found) > 2:
                return
            if not left:
                if (state.fits(["RBRACE"]) or state.fits(["$END"])) and self._values_shaped(sim, order):
                    found.add(order)
                return
            for i, word in enumerate(left):
                if word in left[:i]:
                    continue  # the same word again: the same orders
                if not order and self.facts.keywords.get(word.lower()) not in self.statements:
                    continue
                after = self._fed(state, word)
                if after is not None:
                    grow(after, (*order, word), left[:i] + left[i + 1 :])

        grow(sim, (), words)
        return found

    def _values_shaped(self, sim: Sim, order: tuple[str, ...]) -> bool:
        """Whether each value of `order`, a whole statement where `sim` stands, has the
        shape its place takes, as the checks after the parse read it (the grammar reads
        any name there): a time (HH:MM) last in a schedule, days of the week after
        `weekly` (`day_part_whole`), a day of the month after `monthly`, a whole number
        after a keyword that takes one (`messages.COUNTS`), a unit after a size or a
        wait. `run on PRODA weekly now sun` parses, but `now` is no day nor `sun` a time:
        no order a fix writes."""
        values: list[tuple[str, list[str]]] = []
        state = sim.copy()
        for word in order:
            keyword = self.facts.keywords.get(word.lower())
            if word != "," and keyword is not None and state.feed(keyword):
                values.append((word.lower(), []))
            elif word == "," and state.feed("COMMA"):
                continue
            elif state.feed("NAME") and values:
                values[-1][1].append(word)
        for i, (keyword, names) in enumerate(values):
            shape = _VALUE_SHAPES.get(keyword)
            if shape is not None and not shape(names):
                return False
            if keyword == "monthly" and not names:  # `monthly first sun 02:00`: the ordinal's
                ordinal, names = values[i + 1] if i + 1 < len(values) else ("", [])
                if not (names and self.day_part_whole("MONTHLY", [ordinal, *names[:-1]])):
                    return False
                if not messages.looks_like_time(names[-1]):
                    return False
        return True

    def _fed(self, sim: Sim, word: str) -> Sim | None:
        """`sim` after `word`, as `_whole_statement` reads it (a copy), or None where it
        does not fit."""
        state = sim.copy()
        if word == ",":
            return state if state.feed("COMMA") else None
        keyword = self.facts.keywords.get(word.lower())
        if keyword is not None and state.feed(keyword):
            return state
        if (keyword is not None and word == word.lower()) or not state.feed("NAME"):
            return None
        return state

    def _whole_statement(self, sim: Sim, words) -> bool:
        """Whether `words` are one whole statement where `sim` stands (`sim` unchanged):
        the first a statement keyword, each other a keyword where it fits (one in small
        letters only as that keyword), else a name, and the statement ended after them."""
        first = self.facts.keywords.get(words[0].lower())
        if first not in self.statements:
            return False
        state = sim.copy()
        for word in words:
            if word == ",":
                if not state.feed("COMMA"):
                    return False
                continue
            keyword = self.facts.keywords.get(word.lower())
            if keyword is not None and state.feed(keyword):
                continue
            if (keyword is not None and word == word.lower()) or not state.feed("NAME"):
                return False
        return state.fits(["RBRACE"]) or state.fits(["$END"])

    def takes_later(self, sim: Sim, keyword: str, type_: str, depth: int = 12) -> bool:
        """Whether the statement that `keyword` starts where `sim` stands takes a token
        of `type_` further on, before it ends and without opening a block (`full` after
        `backup APPS`, `at` after `disk U 191 size 10 cyl on V`): every token after the
        keyword tried, breadth first, but a statement keyword where the statement may
        end (it would start the next one; `disk` after `to` goes on with it)."""
        start = sim.copy()
        if not start.feed(keyword):
            return False
        frontier, seen = [start], {tuple(start.stack)}
        for _ in range(depth):
            following = []
            for state in frontier:
                accepted = state.accepts()
                ends = bool(accepted & {"RBRACE", "$END"})
                for t in sorted(accepted - {"LBRACE", "RBRACE", "$END"}):
                    trial = state.copy()
                    if (ends and t in self.statements) or not trial.feed(t):
                        continue
                    if t == type_:
                        return True
                    if tuple(trial.stack) not in seen:
                        seen.add(tuple(trial.stack))
                        following.append(trial)
            frontier = following
        return False

    def reopen_path(self, ip, sim: Sim, tok: Token) -> list[str] | None:
        """Opening tokens of a block in which `tok` fits, preferring the block just closed."""
        closed = last_closed(ip.parser_state.value_stack, self.source, past_declarations=True)
        kinds = list(OPENERS)
        if closed is not None:
            kinds.remove(closed[0].kind)
            kinds.insert(0, closed[0].kind)
        paths = [list(OPENERS[k]) for k in kinds]
        paths += [list(OPENERS["cluster"]) + list(OPENERS[k]) for k in kinds if k != "cluster"]
        return next((p for p in paths if sim.fits(p + [tok.type])), None)

    def report_misplaced_outside(self, ip, tok: Token, path: list[str]) -> None:
        kind = next(k for k, opener in OPENERS.items() if path[-len(opener) :] == list(opener))
        closed = last_closed(ip.parser_state.value_stack, self.source, past_declarations=True)
        if closed is not None and closed[0].kind != kind:
            opener = list(OPENERS[closed[0].kind])
            if path[: len(opener)] != opener:
                closed = None  # the block reopened is not the one that `}` closed, nor holds it
        opener_gone = self.opener_line_deleted(closed, tok)
        self.report(
            messages.only_inside(
                str(tok.value),
                kind,
                self.span_of(tok),
                closed,
                self.brace_balance < 0,
                None if opener_gone else self.extra_brace(closed),
                also=self.other_blocks(Sim.of(ip), tok, kind),
                opener_gone=opener_gone,
                member=first_member(ip.parser_state.value_stack),
                rest=self.source.text[tok.end_pos : self._line_end(tok.end_pos)],
                text=self.source.text if self.brace_balance == 0 and not opener_gone else None,
            ),
            tok.start_pos,
        )

    def opener_line_deleted(self, closed: tuple[Block, Span] | None, tok: Token) -> bool:
        """Whether the `}` that closed `closed` looks like that block's own (alone on its
        line, lined up with the block's first line) and `tok` starts a body of its own
        below it (indented further, after a blank line): the line that opened `tok`'s
        block (`job APPSFULL {`) may have been deleted as well as a `}` be one too many,
        so no fix removes the `}`."""
        if closed is None or tok.start_pos is None or tok.column is None:
            return False
        block, brace = closed
        text = self.source.text
        if block.placeholder or not self.first_on_line(brace.start) or text[brace.end : self._line_end(brace.end)].strip():
            return False
        indent = self.indent_column(block.brace)
        if brace.column != indent or tok.column <= indent:
            return False
        return text.count("\n", brace.end, tok.start_pos) >= 2

    @staticmethod
    def other_blocks(sim: Sim, tok: Token, kind: str) -> tuple[str, ...]:
        """The kinds of block other than `kind` that take `tok` too (`exclude`: a job's,
        and a member's), in OPENERS' order, so that the message names every place."""
        others = []
        for other, opener in OPENERS.items():
            if other == kind or other in REFUSED_IN.get(str(tok.value).lower(), ()):
                continue
            paths = [list(opener)]
            if other != "cluster":
                paths.append(list(OPENERS["cluster"]) + list(opener))
            if any(sim.fits([*p, tok.type]) for p in paths):
                others.append(other)
        return tuple(others)

    # ------------------------------------------------------------ swallowed keywords
    def name_token(self, tok: Token) -> Token:
        """Called by the lexer for every name (through parser.py's NAME callback).

        Where the parser waits for a value, the contextual lexer reads any word as a
        name, so in `run on` + newline + `include minidisk * *` the word `include`
        would become the member name. A word that spells a statement keyword, starts
        its line, and comes while a statement is unfinished is read as that keyword;
        the parser then reports the value as missing, at the right place. (A user ID
        spelled like a keyword is still a name anywhere else, e.g. in a group body.)

        A word that is keywords run together (`on eachmember`) is reported, and read
        as those keywords (see `run_together`)."""
        if tok.start_pos in self.repeated:
            # `job job job APPSFULL {`: the third `job` of a run said once (report_repeat)
            return self.retype(tok, _SKIPPED)
        if "#" in tok.value:  # first: this runs for every name
            hashed = self.hash_in_name(tok)
            if hashed is not None:
                return hashed
        glued = self.check_glued(tok)
        if glued is not None:
            return glued
        split = self.run_together(tok) or self.number_glued(tok) or self.name_glued(tok)
        if split is not None:
            return split
        if tok.value[-1:] == ":":  # first: this runs for every name
            colon = self.colon_before_brace(tok) or self.keyword_colon_below_list(tok) or self.match_colon(tok)
            if colon is not None:
                return colon
        if tok.value[-1:] == "." and len(tok.value) > 1:
            sentence = self.name_full_stop(tok)
            if sentence is not None:
                return sentence
        if self.read_apart:
            top = self.top_level_below_apart(tok)
            if top is not None:
                return top
        if tok.value == "*DVHOPT" and self.dirmaint_after_list(tok):
            return self.retype(tok, _SKIPPED)
        if tok.value[-1:] == ":" and self.rexx_label_after_users(tok):
            return self.retype(tok, _SKIPPED)
        after_list = self.keyword_after_list(tok)
        if after_list is not None:
            return after_list
        top = self.top_level_statement(tok) or self.statement_after_reopened_group(tok)
        if top is not None:
            return top
        keyword = self.keyword_after_addresses(tok)
        if keyword is not None:
            return self.retype(tok, keyword)
        if self.word_after_labels(tok) or self.word_after_addresses(tok) or self.match_begun(tok):
            return self.retype(tok, _SKIPPED)
        low = str(tok.value).lower()
        if low == "each" and self.each_member_for_one(tok):
            return tok
        if low in _NAMED_SLIPS and self.named_slip(tok, low):
            return self.retype(tok, _SKIPPED)
        if low in _SELECTION_VERBS and self.selection_in_group(tok):
            return self.retype(tok, _SKIPPED)
        if low in _CLUSTER_LINES and self.disk_in_group(tok):
            return self.retype(tok, _SKIPPED)
        if low in _MEDIA_WORDS and self.action_left_out(tok):
            return self.retype(tok, self.facts.keywords[low])
        if low == "group" and self.group_in_list(tok):
            return self.retype(tok, _SKIPPED)
        if (low in PLACE_WORDS or low.isdigit()) and self.phrase_in_group(tok):
            return self.retype(tok, _SKIPPED)
        if low == "manager" and self.tape_left_out(tok):
            return self.retype(tok, self.facts.keywords[low])  # read as `manager`: `tape` missing before it
        if low in messages.WORD_PLACES and self.keyword_as_label(tok):
            return self.retype(tok, _SKIPPED)
        if low == "filepool" and self.filepool_after_labels(tok):
            return self.retype(tok, _SKIPPED)
        keyword = self.facts.keywords.get(low)
        if keyword is not None and self.keyword_twice(tok, keyword, low):
            return self.retype(tok, _SKIPPED)
        if keyword is None or self.parser_state is None or keyword not in self.statements:
            return tok
        actions = self.parser_state.parse_conf.states[self.parser_state.position]
        if "RBRACE" in actions or "$END" in actions or keyword in actions:
            return tok
        if tok.start_pos is None or not self.first_on_line(tok.start_pos):
            return tok
        previous = last_real_token(self.parser_state.value_stack)
        if previous is not None and previous.line == tok.line:
            return tok
        if self.block_name_below(tok, previous):
            return tok
        return self.retype(tok, keyword)

    def top_level_below_apart(self, tok: Token) -> Token | None:
        """`mtach LNX*` or `shared-volume VMCOM2` after the imports, then `cluster DEVSSI {`
        on the next line: the statement, met at the top level, is read in a block
        reopened for it (read_apart), where a list of user IDs or volume labels goes on
        over the lines, and takes `cluster` and `DEVSSI` as two more names (then "a block
        starts with its keyword and name" at the `{`). The statement was written at the
        top level: a statement keyword first on its line below it is that keyword, which
        closes the blocks reopened (close_apart), and is read at the top level: the
        cluster as written, `job X { ... }` misplaced there too (its own BKR013, as
        statement_below_apart says). None where it is not so."""
        keyword = self.facts.keywords.get(str(tok.value).lower())
        if keyword is None or keyword not in self.statements:
            return None
        sim = self.sim_here()
        if sim is None or sim.fits([keyword]) or not self.lexing(tok) or not self.close_apart(self.parser_state, tok, keyword):
            return None
        return self.retype(tok, keyword)

    def statement_below_apart(self, tok: Token) -> Token | None:
        """`member DEV3 { workers 2 }` after the imports, then `job X { backup GUESTS
        full }` on the next line: the first statement, met at the top level, is read
        in a block reopened for it (read_apart), the cluster's here, which takes the
        job as well, so that it got no error of its own. It too was written at the top
        level: a statement keyword first on its line below a statement read apart
        closes the blocks reopened (close_apart) and is read where it is written, at
        the top level, as the first was: its own BKR013 when no block is there, or
        read as written where the top level takes it (`single group G { ... }`,
        `cluster`). None where it is not so (the token is read as it is)."""
        if not self.read_apart or tok.type not in self.statements:  # first: this runs for every token
            return None
        return tok if self.lexing(tok) and self.close_apart(self.parser_state, tok) else None

    def close_apart(self, state, tok: Token, top: str | None = None) -> bool:
        """Where `tok`, a statement's keyword first on its line, comes after a statement
        read apart (top_level_below_apart, statement_below_apart, and diagnose where the
        block reopened takes no such keyword: `workers 2`, then `job X { ... }`), every
        block open is one reopened for it, and the statement may end there: close those
        blocks silently on `state` (what the statement lacks, as `retain 35`'s `days`, is
        no news: its one error said where it belongs) and say so. False, nothing fed,
        otherwise. `top`: a keyword the word is read as, which, where the top level takes
        it, closes them also where the file has a `}` too many."""
        if state is None or tok.start_pos is None or not self.first_on_line(tok.start_pos):
            return False
        stack = state.value_stack
        blocks = open_blocks(stack)
        if not blocks or any(b.brace.value != REOPENED for b in blocks):
            return False
        # the blocks reopened for a statement read apart (not after a `}` too many,
        # where the lines below are read in the block it closed early): its keyword
        # after their `{`, the statement whole (`member DEV3 { workers 2 }`) or not
        brace = next(i for i, value in enumerate(stack) if value is blocks[0].brace)
        if not any(t.start_pos in self.read_apart for value in stack[brace + 1 :] for t in tokens_of(value)):
            return False
        previous = last_real_token(stack)
        if previous is None or previous.line == tok.line:
            return False
        sim = Sim(state.parse_conf, state.state_stack)
        path = closing(sim, len(blocks))
        if path is None:
            return False
        if self.brace_balance < 0 and not (top and sim.fits([*path, top])):
            # a `}` too many: the line that opened the block may be the one deleted
            # (`cluster DEVSSI {`, its `description` and `member` lines below it), and the
            # block reopened reads the lines below up to that `}`, one error in all
            # (fast.py, `_Parser._cluster_reopened`); not a word read as one more name
            # that starts a statement of the top level (`cluster`: top_level_below_apart)
            return False
        for type_ in path:
            if type_ == "RBRACE":
                self.reopened_closed_by_us += 1  # each block closed is one reopened (at_end's debt)
            state.feed_token(_fake(type_, tok))
        return True

    def top_level_statement(self, tok: Token) -> Token | None:
        """`import std/zvm73` or `cluster TESTSSI { }` in a group body, or after a
        member's labels (`member DEV1 { workers 2  private-volume D1PRV1 import std/x }`):
        a statement of the top level of the file, where the block may end and its
        names (user IDs, labels) go on, so Lark reads its keyword as one more name, and
        fails at the path's `/` or at the `{`, which no name holds ("unexpected `/x`;
        expected ... or a name"). The path (`std/x`) or the block (`cluster NAME {`)
        makes it certain: read as the keyword, which misplaced_keyword reports where
        it is written, with where it belongs (BKR013: `import` lines at the top of
        the file; one `cluster`, at the top level), as on a line of its own in a job.
        `import X`, no `/`, is still two names (language.md, "a word no block starts")."""
        low = str(tok.value).lower()
        if low not in ("import", "cluster"):  # first: this runs for every name
            return None
        state = self.parser_state
        if tok.type != "NAME" or tok.start_pos is None or state is None or not self.lexing(tok):
            return None
        if "RBRACE" not in state.parse_conf.states[state.position] or not open_blocks(state.value_stack):
            return None  # not where the block may end and a statement start
        text = self.source.text
        if low == "import":
            path = _BLANKS_THEN_PATH.match(text, tok.end_pos)
            if path is None or "/" not in path.group(1):
                return None
        else:
            name = _BLANKS_THEN_NAME.match(text, tok.end_pos)
            if name is None or _BRACE_AFTER.match(text, name.end()) is None:
                return None
        return self.retype(tok, self.facts.keywords[low])

    def statement_after_reopened_group(self, tok: Token) -> Token | None:
        """`match LNX*` in the cluster block, then `tape manager shared ...` on the next
        line: the group body reopened around the `match` (misplaced_keyword, BKR013:
        only inside a group) read the lines after it as more patterns, to the first
        `{` they met ("a block starts with its keyword and name"). That body was
        never written: a statement keyword that starts a line after it ends it, and
        misplaced_keyword closes it silently, as it closes any block reopened. Only
        a body reopened for its `match`: one reopened for a word read as a user ID
        holds the lines below as the fast parser reads them."""
        keyword = self.facts.keywords.get(str(tok.value).lower())
        if keyword not in self.statements or not str(tok.value).islower():  # first: this runs for every name
            return None
        state = self.parser_state
        if tok.type != "NAME" or tok.start_pos is None or state is None or not self.first_on_line(tok.start_pos):
            return None
        stack = state.value_stack
        blocks = open_blocks(stack)
        if not blocks or blocks[-1].kind != "group_decl" or blocks[-1].brace.value != REOPENED:
            return None
        # reopened for a `match` (not for a word read as a user ID there, `j` where `job
        # J {` was being typed: the lines below are its body, read as the fast parser
        # reads them)
        brace = max(i for i, value in enumerate(stack) if value is blocks[-1].brace)
        first = next((t for value in stack[brace + 1 :] for t in tokens_of(value)), None)
        if first is None or first.type != "MATCH":
            return None
        previous = last_real_token(stack)
        if previous is None or previous.line == tok.line or not self.lexing(tok):
            return None
        return self.retype(tok, keyword)

    def name_full_stop(self, tok: Token) -> Token | None:
        """`to disk pool BKUPPOOL.`, `daily 23:30.`: a `.` that ends a statement's line (or
        comes before its block's `}`), as a sentence ends, which the lexer reads as the end of the last name (a name may
        hold a `.`). No value but an SFS path ever ends with a `.`, and an SFS path's
        (`POOL:USER.`) is BKR318's to explain; in a group body, which holds no statement,
        a user ID's is BKR301's. Report it as full_stop does, with the
        fix that removes it, and read the word without it: a keyword where one fits
        (`backup LINUX full.`), else a name; the lexer goes on after the `.`."""
        state = self.parser_state
        if tok.type != "NAME" or tok.start_pos is None or not self.lexing(tok):
            return None
        if not _SENTENCE_END.match(self.source.text, tok.end_pos):
            return None  # more on the line: not the end of a sentence
        listed = self.list_of(state.value_stack)
        if listed is not None and listed[0] == "sfs":
            return None
        blocks = open_blocks(state.value_stack)
        if blocks and blocks[-1].kind == "group_decl":
            return None  # a group body holds user IDs, no statement (BKR301 names the `.`)
        head = str(tok.value)[:-1]
        actions = state.parse_conf.states[state.position]
        keyword = self.facts.keywords.get(head.lower())
        type_ = keyword if keyword in actions else "NAME"
        if type_ not in actions or _NAME.fullmatch(head) is None:
            return None
        first = self.statement_start(state)
        start = tok.start_pos if first is None or first.start_pos is None else first.start_pos
        statement = " ".join(self.source.text[start : tok.end_pos - 1].split())
        stop = self.source.span(tok.end_pos - 1, tok.end_pos)
        self.report(messages.full_stop(statement, stop, stop), tok.start_pos)
        read = Token(type_, head, tok.start_pos, tok.line, tok.column)
        read.end_line, read.end_column, read.end_pos = tok.line, tok.column + len(head), tok.end_pos - 1
        return read

    def word_after_labels(self, tok: Token) -> bool:
        """`private-volume ZAPRV1 tape-drives 2`: a word written as keywords are, small
        letters joined by hyphens, after a list of volume labels, where the list may end
        and a statement start. No label has a hyphen, and a keyword there would have
        been read as one: it is a statement's first word that is no keyword (or a
        misspelt one, `job-sufix`), not a label too long. Marked, so that the parser,
        which does not take it, reports it where statements start (diagnose)."""
        state = self.parser_state
        if state is None or tok.start_pos is None or not _KEYWORD_SHAPED.fullmatch(str(tok.value)):
            return False
        if str(tok.value) in self.facts.keywords:
            return False  # a hyphenated keyword where it does not fit: hyphen_judged's
        if self.labels_may_end(state) is None:
            return False
        self.statement_words.add(tok.start_pos)
        return True

    def labels_may_end(self, state) -> tuple[str, str, list[str]] | None:
        """The volume list `state` is in (list_of: kind, keyword, labels so far) where
        it has labels and may end here, a statement start (the parser takes `}` or the
        end of the file next); None before the list's first label, which its statement
        needs, and in no volume list. word_after_labels and keyword_as_label ask it."""
        actions = state.parse_conf.states[state.position]
        if "RBRACE" not in actions and "$END" not in actions:
            return None  # the list's first label, which the statement needs
        listed = self.list_of(state.value_stack)
        if listed is None or listed[0] != "volume" or not listed[2]:
            return None
        return listed

    def tape_left_out(self, tok: Token) -> bool:
        """`manager shared catalog-node TCTMM on VMSYS1` first on the line after the
        cluster's volume labels: Tape Manager's statement, its `tape` left out, not more
        labels (`manager`, not in capitals, is none) and a scope then misplaced. Read as
        the keyword, it is one error, `tape` missing before it (`messages.missing_before`),
        as where a cluster statement starts. The fast parser gives up on such a word
        (`_Parser.names_setting`)."""
        if not self.word_below_labels(tok):
            return False
        sim = self.sim_here()
        return sim is not None and sim.fits([self.facts.keywords["tape"], self.facts.keywords["manager"]])

    def word_below_labels(self, tok: Token) -> bool:
        """Whether `tok`, not in capitals (no label), is first on the line after a volume
        list's labels, where the list may end (tape_left_out, scope_after_labels)."""
        state = self.parser_state
        word = str(tok.value)
        if state is None or tok.start_pos is None or word == word.upper() or not self.first_on_line(tok.start_pos):
            return False
        listed = self.labels_may_end(state)
        return listed is not None and listed[1] in _VOLUME_LISTS

    def scope_after_labels(self, tok: Token) -> bool:
        """A scope first on the line after the cluster's volume labels, its line naming
        an option only one statement takes: `shared catalog-node TCTMM on VMSYS1
        request-node TRTMM`, Tape Manager's statement, `tape manager` left out
        (`tape_manager_left_out`, where the scope is read as the keyword); `shared server
        BKRSVSFS pool BKRPOOL on VMSYS1`, the catalog's, `catalog` left out (misplaced_keyword's
        "expected `catalog` before `shared`"). Not `shared-volume` misspelt (BKR012,
        keyword_after_list, whose fix wrote `shared-volume server ...`) and its options
        misplaced (BKR013). The fast parser gives up on such a word
        (`_Parser.names_setting`)."""
        if not self.word_below_labels(tok):
            return False
        keywords = self.facts.keywords
        if self.option_on_line(tok, _TAPE_OPTIONS):
            before = [keywords["tape"], keywords["manager"]]
        elif self.option_on_line(tok, _CATALOG_ONLY_OPTIONS):
            before = [keywords["catalog"]]
        else:
            return False
        sim = self.sim_here()
        return sim is not None and sim.fits([*before, keywords[str(tok.value).lower()]])

    def run_left_out_on_member(self, sim: Sim, tok: Token) -> int | None:
        """`on member VMSYS1 daily 02:00` on a line of a job, where the job runs said as
        a job template or English says it: `run` left out before `on` (`tok`, first on
        its line) and `member` written before the member's name, which `on` takes alone
        (member_in_placement). One error, whose help writes `run on VMSYS1 daily 02:00`,
        and whose fix does where that is a whole statement (was two: "expected `run`
        before `on`", its help writing `run on member VMSYS1 ...`, itself an error, and
        BKR004 at `member`); a time written another way (`daily 2am`) the fix writes as
        BKR313's does (`daily 02:00`), one fix that checks. `on member each daily 02:00`,
        `each member` the other way round too: `run_left_out_member_each`. The offset
        where the parser reads on after reporting it (the member's name), else None."""
        if not is_real(tok) or not self.first_on_line(tok.start_pos):
            return None
        line = self._line_before_comment(tok.start_pos).split("}", 1)[0]
        words = re.findall(r",|[^\s,]+", line)
        if len(words) >= 3 and words[2].lower() in ("member", "members") and not set(line) & set('{"'):
            every = self.run_left_out_every_member(sim, tok, line, words)
            if every is not None:
                return every
        if len(words) < 3 or words[1].lower() not in ("member", "members") or set(line) & set('{"'):
            return None
        start = tok.start_pos + line.index(words[2], len(words[0]) + len(words[1]))
        each = words[2].lower() == "each"
        rest = ["each", "member", *words[3:]] if each else words[2:]
        time = self.time_written_otherwise(tok, line, rest)
        if time is not None:
            rest = [*rest[:-1], time[0]]
        whole = self._whole_statement(sim, ("run", "on", *rest))
        if each:
            return self.run_left_out_member_each(tok, line, words, start, whole, time)
        fix_span = self.source.span(tok.start_pos, start) if whole else None
        written = " ".join(line[start - tok.start_pos :].split())
        if time is not None:
            written = f"{written.rsplit(' ', 1)[0]} {time[0]}"
        diag = messages.run_left_out_on_member(words[1], written, self.span_of(tok), fix_span, time if whole else None)
        self.report(diag, tok.start_pos)
        return start

    def time_slashed(self, ip, tok: Token, previous: Token | None, schedule: Token | None, names: list[str]) -> bool:
        """`daily 01/00`, `weekly sun 22/30`: a time written with `/` for `:`, its hour
        read as the time and `/00` (`tok`) not (was "unexpected `/00`", the generic
        help): one error whose fix writes HH:MM, as for `01.00` (BKR313); the line read
        on after it."""
        value = str(tok.value)
        if (
            schedule is None
            or schedule.type not in ("DAILY", "WEEKLY", "MONTHLY")
            or not names
            or schedule.type == "MONTHLY" and len(names) < 2
            or schedule.type == "WEEKLY" and len(names) < 2
            or previous is None
            or previous.type != "NAME"
            or previous.start_pos is None
            or previous.end_pos != tok.start_pos
            or re.fullmatch(r"[0-9]{1,2}", str(previous.value)) is None
            or re.fullmatch(r"/[0-5][0-9]", value) is None
        ):
            return False
        hour = int(str(previous.value))
        meant = f"{hour:02d}:{value[1:]}"
        written = f"{previous.value}{value}"
        span = self.source.span(previous.start_pos, tok.end_pos)
        first = self.statement_start(ip.parser_state)
        start = schedule.start_pos if first is None or first.start_pos is None else first.start_pos
        lead = self.source.text[start : previous.start_pos].split()
        if hour > 23:
            # `daily 25/00`: an hour no clock has (was "unexpected `/00`", the generic help);
            # `weekly sun 25/00`: the day after's schedule, as BKR313 writes for `25:00`
            after = None
            keyword = str(schedule.value)
            at = max((i for i, w in enumerate(lead) if w.lower() == keyword.lower()), default=None)
            day = day_after(keyword, lead[at + 1 :], f"{hour % 24:02d}:{value[1:]}") if at is not None else None
            if day is not None and schedule.start_pos is not None:
                after = (" ".join(lead[:at]), day, self.source.span(schedule.start_pos, tok.end_pos))
            diag = messages.time_slashed_past(
                written, hour, value[1:], " ".join(lead), schedule.type == "DAILY", span, after
            )
        else:
            diag = messages.time_slashed(written, meant, " ".join([*lead, meant]), span)
        self.report(diag, tok.start_pos)
        return True

    def expiry_placed_on_line(self, ip, tok: Token, blocks: list[Block]) -> bool:
        """`purge daily 06:00 on DEV1` in an `expire on DEV1 { ... }` block: the members
        written after a whole `purge` or `preview` schedule (`tok`, the `on`, to the
        line's end), as a `run` line names them; an expiry's are its block's. One error
        (`messages.expiry_placed_on_line`; was "`on` starts no statement", its help
        listing the block's statements): naming the block's members, its fix removes
        them; naming others, the help says where they go. True once reported, the line
        read to its end."""
        if not is_real(tok) or tok.start_pos is None or self.first_on_line(tok.start_pos) or not blocks:
            return False
        block = blocks[-1]
        if block.kind != "expire" or block.placeholder or block.brace.start_pos is None:
            return False
        text = self.source.text
        start = text.rfind("\n", 0, tok.start_pos) + 1
        line = self._line_before_comment(start).split("}", 1)[0].rstrip()
        found = _EXPIRY_THEN_PLACEMENT.fullmatch(line)
        if found is None or start + found.start("again") != tok.start_pos:
            return False
        header = _EXPIRE_HEADER.search(text[text.rfind("\n", 0, block.brace.start_pos) + 1 : block.brace.start_pos + 1])
        if header is None:
            return False
        each = ("each member", "each members")
        placed, again = (" ".join(header.group(1).split()), " ".join(found.group("names").split()))
        firsts = ["each member"] if placed.lower() in each else self._member_names(placed)
        seconds = ["each member"] if again.lower() in each else self._member_names(again)
        if firsts is None or seconds is None:
            return False
        statement = f"{found.group('keyword')} {' '.join(found.group('schedule').split())}"
        diag = messages.expiry_placed_on_line(
            " ".join(found.group("again").split()), statement, firsts, seconds,
            self.source.span(tok.start_pos, start + len(line)),
            self.source.span(start + found.end("schedule"), start + len(line)),
        )
        self.said_and_skipped(ip, tok, diag, tok.start_pos, start + len(line))
        return True

    def placement_again(self, ip, tok: Token) -> bool:
        """`run on VMSYS1 daily 02:00 on member VMSYS1`: where the job runs said again after
        the whole `run` statement on its line (`tok`, the second `on`, to the line's end:
        the members, `member` before them or not, or `each member`), as a job template
        or English says it. One error over the repeat (was two: "expected `run` before
        `on`", its help writing `run on member VMSYS1`, and BKR004 at `member`): naming
        the same members, its fix removes it; naming others, the help writes the line
        on either, its two choices (`Diagnostic.choices`). True once reported, the line
        read to its end."""
        if not is_real(tok) or self.first_on_line(tok.start_pos):
            return False
        text = self.source.text
        start = text.rfind("\n", 0, tok.start_pos) + 1
        line = self._line_before_comment(start).split("}", 1)[0].rstrip()
        found = _RUN_THEN_PLACEMENT.fullmatch(line)
        if found is None or not start + found.start("again") <= tok.start_pos < start + len(line):
            return False
        first, second = (" ".join(found.group(g).split()) for g in ("first", "second"))
        second = re.sub(r"\s+and\s+", ", ", second)  # `on VMSYS1 and VMSYS2`, as English lists them
        each = ("each member", "each members")
        firsts = ["each member"] if first.lower() in each else self._member_names(first)
        seconds = ["each member"] if second.lower() in each else self._member_names(second)
        if firsts is None or seconds is None:
            return False
        blanks_and_again = self.source.span(start + found.end("schedule"), start + len(line))
        schedule = " ".join(found.group("schedule").split())
        kept, moved = f"run on {', '.join(firsts)} {schedule}", f"run on {', '.join(seconds)} {schedule}"
        placement = self.source.span(start + found.start("first"), start + found.end("first"))
        diag = messages.placement_again(
            " ".join(found.group("again").split()), firsts, seconds, kept, moved,
            self.source.span(start + found.start("again"), start + len(line)), blanks_and_again, placement,
        )
        self.said_and_skipped(ip, tok, diag, start + found.start("again"), start + len(line))
        return True

    def time_written_otherwise(self, tok: Token, line: str, rest: list[str]) -> tuple[str, Span] | None:
        """The HH:MM a `run` line's time written another way means (`daily 2am`: 02:00,
        as BKR313 reads it, `time_meant`) and the time's span, where `rest` (the words
        after `on`, as meant) is a member and a schedule, its time last on `line` (from
        `tok`); else None."""
        if len(rest) < 3 or rest[-1] == "," or not any(w.lower() in lexicon.SCHEDULES for w in rest[1:-1]):
            return None
        meant = time_meant(rest[-1])
        if meant is None:
            return None
        at = tok.start_pos + line.rstrip().rindex(rest[-1])
        return meant, self.source.span(at, at + len(rest[-1]))

    def run_left_out_every_member(self, sim: Sim, tok: Token, line: str, words: list[str]) -> int | None:
        """`on all members daily 02:00`, `on each members daily 02:00` on a line of a job:
        `run` left out before `on` (`tok`), and `each member` written otherwise (as
        `messages.means_every` reads it). One error at `on`, whose help writes `run on
        each member daily 02:00` and whose fix does where that is a whole statement (was
        two: "expected `run` before `on`", its help `run on all members ...`, and "`all
        members` is written `each member`", whose fix left `run` out). The offset after
        the two words, negated: the caller reads on there as after `each member`. None
        for `each member` itself, or another word."""
        first, second = words[1], words[2]
        if (first.lower(), second.lower()) == ("each", "member") or not messages.means_every(first, second):
            return None
        rest = ["each", "member", *words[3:]]
        time = self.time_written_otherwise(tok, line, rest)
        if time is not None:
            rest = [*rest[:-1], time[0]]
        whole = self._whole_statement(sim, ("run", "on", *rest))
        end = tok.start_pos + line.index(second, len(words[0]) + len(first)) + len(second)
        meant = " ".join(("run", "on", *rest)) if whole else "run on each member ..."
        fix_span = self.source.span(tok.start_pos, end) if whole else None
        diag = messages.run_left_out_every_member(f"{first} {second}", meant, self.span_of(tok), fix_span, time)
        self.report(diag, tok.start_pos)
        return -end

    def run_left_out_member_each(
        self, tok: Token, line: str, words: list[str], each: int, whole: bool, time: tuple[str, Span] | None
    ) -> int:
        """`on member each daily 02:00` on a line of a job (`each` at offset `each`): `run`
        left out before `on`, and `each member` written the other way round. One error at
        `on`, whose help writes `run on each member daily 02:00`, and whose fix does where
        that is a whole statement (`whole`; was two: "expected `run` before `on`", its help
        writing `run on member each ...`, and the two words the wrong way round at
        `member`, whose fix left `run` out); so is `members each`, its fix writing `each
        member`, singular (was two: "expected `run` before `on`", then `each daily 02:00`
        no schedule, whose fix wrote `on members daily 02:00`). The offset of `member`, where the parser
        reads on (`swapped_back` reads the two words as swapped, its own error kept quiet
        there), after reporting it; where the line is no whole statement so (`on member
        each at 02:00`), the offset after `each`, negated: the caller reads on there as
        after `each member`, and the schedule's own error follows."""
        after = words[3:] if time is None else [*words[3:-1], time[0]]
        member = words[1][:6]  # `members each`: `each member`, singular
        meant = " ".join(("run", "on", words[2], member, *(after if whole else ["..."])))
        fix_span = self.source.span(tok.start_pos, each + len(words[2])) if whole else None
        diag = messages.run_left_out_member_each(
            f"{words[1]} {words[2]}", meant, self.span_of(tok), fix_span, f"run on {words[2]} {member}", time
        )
        self.report(diag, tok.start_pos)
        if not whole or member != words[1]:
            return -(each + len(words[2]))  # `members each`: no swap reads it, read on after `each`
        member = tok.start_pos + line.index(words[1], len(words[0]))
        self.reported_at.add(member)
        return member

    def made_whole(self, sim: Sim, tok: Token, keywords: tuple[str, ...]) -> bool:
        """Whether `keywords` written before `tok`, first on its line where `sim` stands,
        make the line's words a whole statement (`catalog` before `shared server
        BKRSVSFS pool BKRPOOL on VMSYS1`, `tape manager` before `shared catalog-node
        TCTMM on VMSYS1 request-node TRTMM`): a fix may insert them. Not for a line with
        a brace or a text, nor one the keyword is later on (`on VMSYS1 run now daily
        02:00`)."""
        if tok.start_pos is None or not self.first_on_line(tok.start_pos):
            return False
        line = self._line_before_comment(tok.start_pos)
        words = tuple(re.findall(r",|[^\s,]+", line))
        if not words or set(line) & set('{}"') or {w.lower() for w in words} & set(keywords):
            return False
        return self._whole_statement(sim, (*keywords, *words))

    def option_on_line(self, tok: Token, options: frozenset[str]) -> bool:
        """Whether one of `options` (`_TAPE_OPTIONS`: `catalog-node`, `request-node`, which
        only `tape manager` takes) follows `tok` on its line."""
        text = self.source.text
        end = text.find("\n", tok.end_pos)
        words = text[tok.end_pos : len(text) if end == -1 else end].split("#", 1)[0].lower().split()
        return any(w in options for w in words)

    def tape_manager_left_out(self, ip, sim: Sim, tok: Token) -> bool:
        """A scope where a cluster statement starts (`shared catalog-node TCTMM on DEV1
        request-node TRTMM`), also on the line after the cluster's volume labels
        (scope_after_labels), whose line names an option only Tape Manager's
        statement takes: `tape manager` left out before it, not `catalog` (whose help
        wrote `catalog shared catalog-node ...`, then BKR013 at `catalog-node`). One
        error, "expected `tape manager` before `shared`", whose help writes the statement
        out with the line's words; the parser reads on as after `tape manager`."""
        if not is_real(tok) or tok.start_pos is None or not self.first_on_line(tok.start_pos):
            return False
        keywords = [self.facts.keywords["tape"], self.facts.keywords["manager"]]
        if not sim.fits([*keywords, tok.type]) or not self.option_on_line(tok, _TAPE_OPTIONS):
            return False
        written = messages.written_from(self.source.text, tok.start_pos)
        insert = self.made_whole(sim, tok, ("tape", "manager"))
        missing = messages.missing_before(
            str(tok.value), "`tape manager`", self.span_of(tok), ("tape manager",), written, insert=insert
        )
        if self.report(missing, tok.start_pos):
            self.head_missing.add(tok.start_pos)
        self.feed_types(ip, keywords, tok)
        return True

    def _retention_as_labels(self, tok: Token, found: tuple[int, str], keyword: str) -> bool:
        """A retention (`retain 35 days`, `keep 35 days`) from `found`'s start to `tok`
        read as more labels of the `keyword` list above: one error for what was written."""
        start, days = found
        span = self.source.span(start, tok.end_pos)
        written = " ".join(self.source.text[start : tok.end_pos].split())
        self.report(messages.retention_as_labels(written, days, keyword, span), tok.start_pos)
        self.dropped.add(tok.start_pos)
        return True

    def keyword_as_label(self, tok: Token) -> bool:
        """`private-volume M1PRV1 shared`, `shared-volume VMCOM1 on VMSYS1`: a keyword that
        starts no statement (messages.KEYWORD_PLACES), not in capitals, after a volume
        list's labels, which Lark reads as one more label. A label is written in
        capitals, and no statement takes the word there: report it, and read on without
        it (marked to be skipped). A statement keyword is BKR021's (a statement's line
        read as labels); `shared` alone on its line after the cluster's labels is
        `shared-volume` being typed, as where a cluster statement starts: its first
        word (word_after_labels). The fast parser gives up on such a word
        (`_Parser.names_setting`)."""
        state = self.parser_state
        word = str(tok.value)
        if state is None or tok.start_pos is None or word == word.upper():
            return False
        listed = self.labels_may_end(state)
        if listed is None:
            return False
        actions = state.parse_conf.states[state.position]  # the statements that fit, below
        if listed[1] not in _VOLUME_LISTS:
            return False  # the list's keyword read for another word (`shared server`, BKR012): its slip
        if self.hyphen_spaced(tok) is not None:
            return False  # `shared volume W`: `shared-volume` without its hyphen (hyphen_missing)
        retained = self.retain_after_labels(tok, listed[2]) if listed[1] == "shared-volume" else None
        if retained is not None:
            # `retain 35 days` on a line of its own below the labels: an expire block's
            # statement, one error (was BKR021's warning, the words read as volumes)
            return self._retention_as_labels(tok, retained, listed[1])
        if self.in_statement_run(tok):
            return False  # `retain 30 days` read as labels: BKR021's
        if self.scope_before_statement(tok):
            # `shared catalog server ...` on the line after a member's labels: the two
            # words the other way round, misplaced (misplaced_keyword), not a label
            self.statement_words.add(tok.start_pos)
            return True
        sim = self.sim_here()
        fitting = {t for t in set(actions) & self.statements if sim is not None and sim.fits([t])}
        if self.hyphenated_begun_alone(tok, fitting):
            # `shared` alone after the cluster's labels, as `shared-volume` is typed (the
            # table's state after a label is shared with the member's: only the statements
            # that fit here, word_after_addresses)
            self.statement_words.add(tok.start_pos)
            return True
        retention = self.retention_before(tok, listed[2]) if word.lower() == "days" else None
        if retention is not None:
            # `keep 35 days` on the line below the labels: `keep` and `35` read as two
            # more labels, then `days`: one slip, said for what was written
            return self._retention_as_labels(tok, retention, listed[1])
        names = self.line_names(tok.start_pos)
        count = statement_part([n for n, _start, _end in names]) if word.lower() in PLACE_WORDS else 1
        if count > 1:
            # `size 10 cyl`, `monthly first sun 02:00`: the keyword's words after it are
            # this one slip (`fast.statement_part`), skipped with it, not labels each
            end = names[count - 1][2]
            written = " ".join(n for n, _start, _end in names[:count])
            span = self.source.span(tok.start_pos, end)
            self.report(messages.keyword_as_label(word, listed[1], span, written), tok.start_pos)
            self.misplaced_at[tok.start_pos] = end
            return True
        self.report(messages.keyword_as_label(word, listed[1], self.span_of(tok)), tok.start_pos)
        self.dropped.add(tok.start_pos)
        return True

    def filepool_after_labels(self, tok: Token) -> bool:
        """`filepool BKRPOOL` first on its line below a volume list's labels (not in
        capitals): CMS's word for `pool` and the pool's name, which the list read as two
        more labels, each too long for one (BKR305 twice, h8's stop-72 report). One
        error over both words (messages.filepool_after_labels), skipped with them; no
        fix: the catalog's `pool` or a job's may be meant. The fast parser gives up on it
        (`_Parser.names_setting`)."""
        state = self.parser_state
        word = str(tok.value)
        if state is None or tok.start_pos is None or word == word.upper() or not self.first_on_line(tok.start_pos):
            return False
        listed = self.labels_may_end(state)
        if listed is None or listed[1] not in _VOLUME_LISTS:
            return False
        names = self.line_names(tok.start_pos)
        if len(names) != 2 or self.source.text[names[1][2] : names[1][2] + 1] not in ("", "\n", " ", "\t", "#"):
            return False
        pool, _start, end = names[1]
        self.report(messages.filepool_after_labels(pool, listed[1], self.source.span(tok.start_pos, end)), tok.start_pos)
        self.misplaced_at[tok.start_pos] = end
        return True

    def retain_after_labels(self, tok: Token, labels: list) -> tuple[int, str] | None:
        """Where `retain` starts and its number, when `days` (`tok`) ends `retain N days`
        written first on its line (not in capitals: labels are) below the cluster's
        `shared-volume` labels (the caller's test): the expire block's statement, read as
        three more labels. None else. (Below a member's `private-volume` labels it is
        still BKR021's warning, the rule's own example.)"""
        if str(tok.value).lower() != "days":
            return None
        text = self.source.text
        begins = text.rfind("\n", 0, tok.start_pos) + 1
        found = _RETAIN_LINE.match(text, begins, tok.start_pos)
        if found is None or found.group(1).lower() != "retain" or found.group(1) == found.group(1).upper():
            return None
        if len(labels) <= 2:
            return None  # `shared-volume` above `retain 35 days`: no label before them
        return found.start(1), found.group(2)

    def retention_before(self, tok: Token, labels: list) -> tuple[int, str] | None:
        """Where the retention that `days` (`tok`) ends starts, and its number: `keep 35
        days`, `retian 35 days`, `35 days` after a volume list's labels, on `days`'s line,
        the number right before it and the word before that in small letters (no label
        is): (the offset of the first, the number). None where no number stands right
        before it, or where the words would be all the list's labels (`private-volume 35
        days`: its one label is `35`)."""
        text = self.source.text
        line = text[text.rfind("\n", 0, tok.start_pos) + 1 : tok.start_pos]
        found = _RETENTION_BEFORE.search(line)
        if found is None:
            return None
        taken = 2 if found.group(1) else 1
        if len(labels) <= taken:
            return None
        return tok.start_pos - len(line) + found.start(1 if found.group(1) else 2), found.group(2)

    def line_names(self, start: int) -> list[tuple[str, int, int]]:
        """The names on the line from offset `start` on, each (text, start, end), to what
        is none (a `}`, a comment, the line's end) or `match` after the first: the words
        the fast parser's `_line_names` reads."""
        text = self.source.text
        names: list[tuple[str, int, int]] = []
        at = start
        while (name := _NAME.match(text, at)) is not None:
            if names and name.group().lower() == "match":
                break
            names.append((name.group(), name.start(), name.end()))
            at = _LINE_BLANKS.match(text, name.end()).end()
            if at == name.end():
                break
        return names

    def phrase_in_group(self, tok: Token) -> bool:
        """`single group APPS { CICSPRD DB2PRD daily 02:00 }`: a keyword, or a value's word
        in small letters, and words after it that can be no user ID (`02:00`, `10`,
        `POOL:USER.DIR`, `*`: `fast.misplaced_in_group`), or a number and its unit (`30
        seconds`), in a group body, which Lark reads as user IDs (the checks then said
        BKR301 at `02:00`, BKR341 (then BKR309) at `10`, and a pattern `*` matched every user). A
        statement's part, not IDs: report it (BKR013), and skip its words. Not on a line
        that a statement keyword starts (`statement_line`). The fast parser gives up on it
        (`_Parser._line_names`, `_count_before_unit`)."""
        state = self.parser_state
        if state is None or tok.start_pos is None or tok.end_pos is None:
            return False
        if str(tok.value).isdigit():  # a number: only before a unit (`30 seconds`), as is rare
            unit = _BLANKS_THEN_NAME.match(self.source.text, tok.end_pos)
            if unit is None or unit.group(1).lower() not in PLACE_WORDS:
                return False
        blocks = self.in_group_body(state.value_stack)
        if blocks is None:
            return False
        names = self.line_names(tok.start_pos)
        count = misplaced_in_group([n for n, _start, _end in names])
        if not count or self.statement_line(tok.start_pos, blocks[-1].brace.end_pos):
            return False
        end = names[count - 1][2]
        written = " ".join(n for n, _start, _end in names[:count])
        group = self.group_head(blocks[-1])
        span = self.source.span(tok.start_pos, end)
        self.report(
            messages.statement_part_in_group(written, group, span, self.span_of(blocks[-1].brace)), tok.start_pos
        )
        self.misplaced_at[tok.start_pos] = end
        return True

    def statement_line(self, at: int, brace_end: int) -> bool:
        """Whether the line of offset `at`, from its start or the group's `{` ending at
        `brace_end` on it, starts before `at` with a statement keyword (`disk BKRBKUP
        191 size 10 cyl` below a group whose `}` is missing): the statement's, not a part
        of one written among user IDs (the fast parser's `_statement_line`)."""
        text = self.source.text
        start = max(text.rfind("\n", 0, at) + 1, brace_end)
        first = _LINE_BLANKS.match(text, start).end()
        word = _NAME.match(text, first)
        return word is not None and word.start() < at and word.group().lower() in STATEMENT_KEYWORDS

    def group_in_list(self, tok: Token) -> bool:
        """`group TESTERS { TEST01 }` in a group body, or after a member's volume labels:
        a group declared inside another block, its kind left out, which Lark reads as
        names to its `{` (was "a block starts with its keyword and name ... this `{` has
        neither", with the generic help, after BKR004 "`group` is a keyword, not a volume
        label" after labels). One error at `group`; the block is skipped to its `}`. The
        fast parser gives up on it (`_Parser._block_on_line`, `names_setting`)."""
        state = self.parser_state
        if state is None or tok.start_pos is None or tok.end_pos is None:
            return False
        declared = _BLANKS_NAME_BRACE.match(self.source.text, tok.end_pos)
        line_start = self.source.text.rfind("\n", 0, tok.start_pos) + 1
        if declared is None or _KIND_BEFORE.search(self.source.text, line_start, tok.start_pos):
            return False  # (`identity group X {`: the declaration's, misplaced_keyword)
        blocks = self.in_group_body(state.value_stack)
        if blocks is not None:
            head = self.group_head(blocks[-1])
            inner = f"`{head[0]} group {head[1]}`" if head else "the group"
        else:
            listed = self.labels_may_end(state)
            blocks = open_blocks(state.value_stack)
            if listed is None or listed[1] not in _VOLUME_LISTS or not blocks or blocks[-1].placeholder:
                return False
            inner = messages.block_title(blocks[-1].kind, blocks[-1].name)
        end = self.block_end(declared.end())
        if end is None:
            return False
        self.report(messages.group_in_list(declared.group(1), inner, self.span_of(tok)), tok.start_pos)
        self.misplaced_at[tok.start_pos] = end
        return True

    def block_end(self, after_brace: int) -> int | None:
        """The end of the `}` that closes the block whose `{` ends at `after_brace`, strings
        and comments stepped over; None when the file ends first."""
        depth = 1
        for match in skip_pattern(self.lark).finditer(self.source.text, after_brace):
            if match.lastgroup == "open":
                depth += len(match.group())
            elif match.lastgroup == "close":
                if len(match.group()) >= depth:
                    return match.start() + depth
                depth -= len(match.group())
        return None

    def word_after_addresses(self, tok: Token) -> bool:
        """`include minidisk * 0191`, then `ex` starting the next line as `exclude` is
        typed: a word in small letters, first on its line after a minidisk selection's
        addresses, where the list may end, that is no address (`ex`, `exc`, `t`), or is
        an address's letters alone on its line (`e`, `de`, `bac`: `exclude`,
        `description`, `backup` begun; with more on its line, `de 0192`, an address),
        and begins a statement keyword that may stand there. A statement's first
        word, not one more address (BKR310): marked, so that the parser, which does not
        take it, reports it where statements start (diagnose), as `word_after_labels`.
        The fast parser reads it the same (`_Parser._statement_begun`).

        The same after a member's volume labels (`private-volume D1PRV1`, then `ex`, or
        `wor` as `workers` is typed): every label is written in capitals, and a word in
        small letters, first on its line, that begins a statement keyword of the member
        block (and is none itself: `job` is BKR021's) is that statement's first word,
        not one more label, which the fast parser reads too (`_Parser.names_setting`);
        and after an SFS selection's paths (`include sfs BKRPOOL:CICSPRD.*`, then `ex`):
        a path names its file pool, `POOL:`, so such a word is none (was BKR318).
        So is a word written as keywords are, hyphenated (`job-s`, `private-`, as
        `job-suffix`, `private-volume` are typed; `logon-w`, which begins no statement
        keyword), but an address range of hex letters (`fa-fb`): no address nor path
        is one, and where the list may end a statement's word was meant (was BKR310)."""
        state = self.parser_state
        word = str(tok.value)
        if state is None or tok.start_pos is None:
            return False
        hyphenated = _KEYWORD_SHAPED.fullmatch(word) is not None
        capitals = word.isalpha() and not word.islower()
        if not (word.isalpha() and word.islower()) and not hyphenated and not capitals:
            return False
        if not self.first_on_line(tok.start_pos):
            return False
        if capitals:
            # keywords are case-insensitive: `EX`, `INC` alone on their line after a
            # minidisk selection's addresses are no address (`E`, `DE` are: as written)
            listed = self.list_of(state.value_stack)
            if listed is None or listed[0] != "minidisk" or _ADDRESS.fullmatch(word) or not self.alone_on_line(tok):
                return False
            word = word.lower()
        actions = state.parse_conf.states[state.position]
        if "RBRACE" not in actions and "$END" not in actions:
            return False
        listed = self.list_of(state.value_stack)
        if listed is None:
            return False
        if listed[0] == "minidisk" and len(listed[2]) < 2:
            return False  # not after an address (the owner's is the first name)
        # an address's letters (`e`, `de`, `bac`): one more address, unless alone on its
        # line, where it begins a statement keyword that fits here (below)
        hex_begun = listed[0] == "minidisk" and _ADDRESS.fullmatch(word) is not None
        if hex_begun and (hyphenated or not self.alone_on_line(tok)):  # (`fa-fb`: a range)
            return False
        if listed[0] == "volume" and word in self.facts.keywords:
            return False  # a keyword in full after labels is another rule's (`job`: BKR021)
        if listed[0] == "sfs" and not listed[2]:
            return False  # the path the statement needs
        if listed[0] not in ("minidisk", "volume", "sfs"):
            return False
        if hyphenated and listed[0] != "volume":  # after labels: word_after_labels's
            self.statement_words.add(tok.start_pos)
            return True
        types = set(actions) & self.statements
        if listed[0] == "volume":
            # the table's state after a label is shared with the cluster's `shared-volume`:
            # only the statements that fit here (not `tape`, `to`)
            sim = self.sim_here()
            types = {t for t in types if sim is not None and sim.fits([t])}
        begun = any(k.startswith(word) for k in self.keywords_in(types))
        if not begun and len(word) >= 3 and word not in self.facts.keywords and not hex_begun:
            # as where a statement starts (messages.statement_meant): any statement's
            # keyword (`exc` after the cluster's labels is `exclude` misplaced, `ret`
            # after a job's addresses `retain`)
            begun = any(k.startswith(word) for k in self.keywords_in(self.statements))
        if not begun:
            return False
        self.statement_words.add(tok.start_pos)
        return True

    def keyword_after_addresses(self, tok: Token) -> str | None:
        """`exclude minidisk * 0190`, then `match` (or `cluster`, `retain`, `import`)
        in full in small letters first on the next line: a statement keyword that
        Lark's lexer reads as one more address there (the state after an address takes
        only the statement keywords of MORE), read silently before (only `bkrc check`'s
        BKR310 named it, or BKR318 after an SFS selection's paths). No address is a
        word of letters that spells a keyword, and no SFS path lacks its `POOL:`: it is
        that statement's keyword, as where a statement starts (BKR013 "`match` cannot
        appear inside a `job` block"); its type, or None. (After volume labels a
        keyword in full may be a label, `BACKUP`: BKR021's.) The fast parser leaves it
        to Lark (`_near_keyword`: perhaps a keyword misspelt after a list)."""
        word = str(tok.value)
        if not (word.isalpha() and word.islower()) or tok.start_pos is None or self.parser_state is None:
            return None
        keyword = self.facts.keywords.get(word)
        if keyword is None or keyword not in self.statements or not self.first_on_line(tok.start_pos):
            return None
        listed = self.list_of(self.parser_state.value_stack)
        if listed is None or listed[0] not in ("minidisk", "sfs") or not listed[2]:
            return None
        if listed[0] == "minidisk" and len(listed[2]) < 2:
            return None  # the owner, not an address, before it
        return keyword

    def match_begun(self, tok: Token) -> bool:
        """A group body's line, `ma` alone on it as `match LNX*` is typed: a word in small
        letters, first and last on its line, that begins `match` (and is not it). A user
        ID is written in capitals, as CP writes it: such a word is `match` half typed, not
        a user `MA`. Marked, so that the parser, which does not take it, reports it where
        a group's entry starts (diagnose), as `word_after_labels`. So is a statement
        keyword longer than a user ID may be (`too_long_begun`), half typed alone on its
        line, or in full first on it (`description`, `job-suffix B`): that statement
        misplaced in the group (BKR013), not a user ID of 9 characters or more (BKR301)
        that BKR021 would call a statement besides; and a hyphenated keyword typed up to
        its hyphen or past it, alone on its line (`job-s`, `logon-w`: `hyphen_begun`),
        or two keywords typed with a `-` for their blank (`to-d`, `run-o`:
        `BLANK_PAIRS_BEGUN`), BKR012 as after a list's names, first in the body
        or after its IDs alike, and before the body's `}` on its line as alone; and an
        option of `tape manager` or `catalog` in full first on its line (`catalog-node
        TCTMM on VMSYS1`): that option misplaced in the group (BKR013, at_statement),
        not a user CATALOG-NODE (BKR301) and its values more users."""
        state = self.parser_state
        word = str(tok.value)
        if state is None or tok.start_pos is None or tok.end_pos is None:
            return False
        full = word in self.facts.keywords
        option = full and word in self._hyphenated  # `catalog-node`, an option: no user ID either
        if not word.islower() or full and not (self.too_long_begun(word) or option):
            return False  # a keyword that may be a user ID (`identity`): BKR021's
        begun = word.isalpha() and "match".startswith(word)
        if not (begun or option or self.too_long_begun(word) or self.hyphen_begun(word) or word in BLANK_PAIRS_BEGUN):
            return False
        text = self.source.text
        end = text.find("\n", tok.end_pos)
        after = text[tok.end_pos : len(text) if end == -1 else end].strip()
        if not self.first_on_line(tok.start_pos) or after[:1] not in ("", "#", "}") and not full:
            # first on its line, nothing after it but a comment or the body's `}` (`private-v }`,
            # typed before it: not a user ID too long besides, BKR021 and BKR301); a keyword
            # in full: any
            return False
        if self.in_group_body(state.value_stack) is None:
            return False
        self.statement_words.add(tok.start_pos)
        return True

    def hyphen_begun(self, word: str) -> bool:
        """Whether `word` is a hyphenated keyword typed up to its hyphen or past it, and
        no further (`job-`, `job-s`, `logon-w`, as `job-suffix`, `logon-wait` are typed):
        small letters joined by a hyphen, as keywords are written and no user ID is (CP
        writes them in capitals), so in a group body it is that keyword being typed
        (`match_begun`), as after a list's names (word_after_addresses), not a user
        `JOB-S` (BKR021) or `LOGON-W` read silently."""
        return (
            "-" in word
            and word not in self.facts.keywords
            and _KEYWORD_SHAPED.fullmatch(word) is not None
            and any(k.startswith(word) for k in self._hyphenated)
        )

    def too_long_begun(self, word: str) -> bool:
        """Whether `word`, in small letters, is longer than a user ID may be (8) and
        begins a statement keyword (`descripti`, `private-vol`): no user ID, so in a
        group body it is that keyword being typed (`match_begun`), not a user ID of 9
        characters (BKR301)."""
        return len(word) > 8 and any(k.startswith(word) for k in self.keywords_in(self.statements))

    def action_left_out(self, tok: Token) -> bool:
        """`include minidisk * *` + newline + `minidisk * 0190 019D 019E`: a medium's word
        that starts its line after a statement's list (a selection's, or a member's
        volume labels), where the list may end. No address, SFS path or volume label is
        `minidisk` or `sfs`: it is the next selection, its `include` or `exclude` left
        out, reported where statements start (at_statement), not one more address
        (BKR310) that makes the line's addresses the first selection's (BKR312), nor two
        more labels (BKR305). (In a group body, `MINIDISK` may be a user ID.)"""
        state = self.parser_state
        if state is None or tok.start_pos is None or not self.first_on_line(tok.start_pos):
            return False
        actions = state.parse_conf.states[state.position]
        if "RBRACE" not in actions and "$END" not in actions:
            return False
        previous = last_real_token(state.value_stack)
        if previous is None or previous.line == tok.line:
            return False
        if self.in_group_body(state.value_stack) is not None:
            return False  # a group body's user ID, also after its `match` patterns
        return self.statement_start(state) is not None  # not a group body's user ID

    def block_name_below(self, tok: Token, previous: Token | None) -> bool:
        """`member` + newline + `backup {`: a block's name on the line after its keyword,
        spelled like a statement keyword, which name_token would read as that keyword
        (and then report `member` without its name, and `backup {` besides). With a `{`
        after it on its line, where a name and then `{` fit, the word can only be the
        block's name (no statement starts `backup {`): one error that says so, whose fix
        writes the name on the keyword's line; it is read as the name."""
        if previous is None or previous.end_pos is None or tok.end_pos is None or tok.start_pos is None:
            return False
        if _BRACE_AFTER.match(self.source.text, tok.end_pos) is None:
            return False
        sim = self.sim_here()
        if sim is None or not sim.fits(["NAME", "LBRACE"]):
            return False
        gap = self.source.text[previous.end_pos : tok.start_pos]
        gap_span = self.source.span(previous.end_pos, tok.start_pos) if not gap.strip() else None
        text = self.source.text
        head = text[text.rfind("\n", 0, previous.start_pos) + 1 : previous.end_pos].strip()
        keyword = " ".join(head.split()) if "{" not in head and "}" not in head else str(previous.value)
        self.report(
            messages.block_name_below(keyword, str(tok.value), self.span_of(tok), gap_span),
            tok.start_pos,
        )
        return True

    def keyword_twice(self, tok: Token, keyword: str, low: str) -> bool:
        """`private-volume private-volume M2PRV1`, `member member VMSYS2 {`, `backup
        backup APPS full`: a keyword written again right after itself, where the parser
        waits for a name and so reads the second as one. It is the keyword twice when
        the keyword's value is never the keyword again (_TWICE_SURELY: a volume label
        too long), when the next word fits after the first keyword but not after a
        name (`member member {` is a member MEMBER), or, in small letters, after
        `minidisk`, `sfs` or `match` (an owner, path or pattern MINIDISK is written in
        capitals, as CP writes it). One error whose fix removes the second; it is marked to be
        skipped, and the value is read after the first."""
        state = self.parser_state
        if state is None or tok.start_pos is None:
            return False
        previous = top_token(state.value_stack, keyword)
        if previous is None or previous.end_line != tok.line or not repeats(previous, tok):
            return False
        if self.run_unfinished(previous, tok, keyword):
            return True
        if low in _TWICE_SURELY and not self.value_after_run(tok) and self.run_unfinished(previous, tok, keyword, anywhere=True):
            # `retain retain days`, `workers workers  private-volume M3PRV1`: what follows the
            # repeats does not follow the first either (its value missing too): one error
            return True
        if low not in _TWICE_SURELY and not self.doubled(tok, keyword) and not self.run_then_below(previous, tok):
            return False
        self.report_repeat(previous, tok)
        self.dropped.add(tok.start_pos)
        return True

    def run_then_below(self, previous: Token, tok: Token) -> bool:
        """Whether the name `tok` writes the keyword `previous` again, the two (or more)
        all of their line, and the keyword first on the next line (`backup backup`, then
        `backup APPS full`; `import import`, then `import std/zvm73`): the line typed
        again whole below, not a group BACKUP or a module `import` then another
        statement (syntax._again_below says it once, at the word below). A name written
        in capitals after a keyword that is not (`backup BACKUP`) is a name, as CP
        writes one: a group BACKUP, then a second `backup`."""
        if str(tok.value).isupper() and not str(previous.value).isupper():
            return False
        run = messages.keyword_run_again_below(self.source.text, tok.start_pos)
        return run is not None and run[0][0] == previous.start_pos

    def run_unfinished(
        self, previous: Token, tok: Token, keyword: str, need: str | None = None, anywhere: bool = False
    ) -> bool:
        """`import import import`, `workers workers`, `include include`, nothing after
        them on their line but a comment or their block's `}` (nor the keyword first on
        the next: run_then_below): the keyword `previous` written over, what it needs
        never written. Of a keyword whose value the second is read as (a module path, a
        name), only where that value is never the keyword again: written three times or
        more (`import import` is a module `import`, the loader's to say, `backup
        backup` a group BACKUP), after a keyword of _TWICE_SURELY, or in small letters
        after `match` at the end of its line (a pattern MATCH is written in capitals;
        `match match }` is one); a name in capitals after the keyword in small letters
        (`backup BACKUP backup`) is a name, as CP writes one. `keyword_again` passes
        the keywords the lexer reads the second as (`include include`), with what the
        first expects (`need`). Was an error at each (`expected `minidisk` or `sfs`
        after `include`, found `include``), then "`include` is written again after the
        whole `include`", whose help wrote `include`; for `workers workers`, the number
        missing, then "written twice", whose fix left it missing; for `import import
        import`, BKR101 for a module `import`.

        One error over the repeats, which says what is missing too, without a fix (what
        was meant after it is not known); the repeats are skipped. The first then reads
        alone, and its own error (`expected `minidisk` or `sfs` after `include``) is said
        in this one, which takes its help (report, messages.run_unfinished_said); a
        module path missing after the first `import` is no second error (head_missing)."""
        if tok.start_pos is None or tok.end_pos is None or previous.start_pos is None or previous.end_pos is None:
            return False
        run = self.repeats_after(tok)
        text = self.source.text
        end = run[-1][1] if run else tok.end_pos
        ended = _LINE_REST.match(text + "\n", end) is not None or (
            # (not `match match }`: a pattern MATCH, its group's `}` after it)
            _BRACE_REST.match(text, end) is not None and tok.type != "IMPORT_PATH" and keyword not in _TWICE_LOWER
        )
        if not ended and (not anywhere or self.scope_later(previous)):
            return False
        below = messages.keyword_run_again_below(text, tok.start_pos)
        if below is not None and below[0][0] == previous.start_pos:
            return False  # `include include`, then `include minidisk * 0191`: said once below (syntax._again_below)
        if need is None:  # the second read as the keyword's value
            if str(tok.value).isupper() and not str(previous.value).isupper():
                return False  # `backup BACKUP`: a group BACKUP, as CP writes names
            if not run and tok.type == "IMPORT_PATH":
                return False  # `import import`: a module `import` (BKR101 says it is not found)
            if not run and str(tok.value).lower() not in _TWICE_SURELY and not (keyword in _TWICE_LOWER and not str(tok.value).isupper()):
                return False
            need = messages.TERMINAL_TEXTS.get(tok.type) if tok.type == "IMPORT_PATH" else None
            need = need or messages.follower(str(previous.value), 0)
        span = self.source.span(tok.start_pos, end)
        removed = self.source.span(previous.end_pos, end)
        if ended:
            # `import import import`: the help lists the standard library's modules, as
            # `import import`'s (the loader's BKR101) does
            listed = f"write {need} after the first: {messages.standard_modules()}" if tok.type == "IMPORT_PATH" else None
            diag = messages.written_over_unfinished(str(tok.value), len(run) + 2, span, need, listed)
        else:
            # `run run VMSYS1 daily 02:00`: "written twice", whose fix removes it, till the
            # first's own error is met (`expected `on` after `run``), said in it then
            diag = messages.written_twice(str(tok.value), span, removed, times=len(run) + 2)
        self.report(diag, tok.start_pos)
        self.dropped.add(tok.start_pos)
        for start, _ in run:
            self.dropped.add(start)
            self.repeated.add(start)
        if tok.type == "IMPORT_PATH":
            self.head_missing.add(previous.start_pos)
        else:
            # the word after the run on its line (`pool` in `to to pool BKUPPOOL`), where
            # the first's own error may be said (said_in_run)
            after = None if ended else _BLANKS_THEN_TOKEN.match(text, end)
            record = (diag, str(tok.value), len(run) + 2, removed, previous.end_pos, need, after and after.start(1))
            self.runs_unfinished[previous.start_pos] = record
            if after is not None:
                self.runs_unfinished[after.start(1)] = record
        self._fed_error_token = True  # read: the first's own error after it is news, said in this one
        return True

    def scope_later(self, previous: Token) -> bool:
        """`catalog catalog server BKRSVSFS shared`: the scope written later on the line,
        which scope_after_options moves, with the repeats removed (one error there)."""
        return previous.type == "CATALOG" and messages.scope_after_options(self.source.text, previous.end_pos) is not None

    def repeats_after(self, tok: Token) -> list[tuple[int, int]]:
        """The offsets of the words right after `tok` on its line that write it again
        (`catalog catalog catalog`: the third), nothing but blanks between them."""
        text, word, at, found = self.source.text, str(tok.value).lower(), tok.end_pos, []
        while at is not None:
            more = _BLANKS_THEN_REPEAT.match(text, at)
            if more is None or more.group(1).lower() != word:
                break
            found.append(more.span(1))
            at = more.end(1)
        return found

    def report_repeat(self, previous: Token | None, tok: Token, fix: bool = True) -> None:
        """`tok`, the word `previous` right before it written again, and the words that
        write it again right after it (repeats_after): one error at the second, whose
        fix removes them all; the later ones are marked to be skipped unsaid."""
        run = self.repeats_after(tok)
        end = run[-1][1] if run else tok.end_pos
        remove = self.blank_and(previous, tok) if fix else None
        if run and remove is not None:
            remove = self.source.span(remove.start, end)
        span = self.source.span(tok.start_pos, end)
        self.report(messages.written_twice(str(tok.value), span, remove, times=len(run) + 2), tok.start_pos)
        for start, _ in run:
            self.dropped.add(start)
            self.repeated.add(start)

    def keyword_again(self, ip, tok: Token) -> bool:
        """`single single group APPS`, `include include minidisk`, `purge purge weekly`:
        a keyword right after itself on its line, where the lexer reads the second as
        the keyword (keyword_twice has the ones it reads as names), and the word after
        it fits after the first. One error whose fix removes the second; read on
        without it."""
        if tok.type not in self.keyword_types or tok.start_pos is None:
            return False
        previous = last_real_token(ip.parser_state.value_stack)
        if previous is None or previous.type != tok.type or previous.end_line != tok.line:
            return False
        if self.source.text[previous.end_pos : tok.start_pos].strip():
            return False  # a comma or a comment between them
        # `catalog catalog catalog shared`: the word after the run is the one that must fit
        after = self.peek_token(ip, 1 + len(self.repeats_after(tok)))
        following = "$END" if after is None and self.peek(ip) == "$END" else (after.type if after else None)
        if following is None or not Sim.of(ip).fits([following]):
            # `include include`, nothing after it on its line: what `include` expects missing too
            need = self.expected_list(self.accepts(ip) - {"RBRACE", "$END"})
            return self.run_unfinished(previous, tok, previous.type, need, anywhere=True)
        self.report_repeat(previous, tok)
        return True

    def value_after_run(self, tok: Token) -> bool:
        """Whether the word after `tok` and its repeats on the line (repeats_after) may be
        the value of the keyword before `tok` (a keyword of _TWICE_SURELY, whose value is
        a number or a label): it reads right after it (the parser's state), and is not
        spelled as a keyword in small letters (`days`, `private-volume`: the unit or the
        next statement, the value missing; a label is written in capitals)."""
        sim = self.sim_here()
        run = self.repeats_after(tok)
        after = self.window(run[-1][1] if run else tok.end_pos)[:1]
        if sim is None or self.reading(sim, after) is None:
            return False
        word = after[0][0] if after else ""
        return word.isupper() or word.lower() not in self.facts.keywords

    def doubled(self, tok: Token, keyword: str) -> bool:
        """Whether the name `tok`, spelled as the keyword `keyword` just before it, is
        that keyword again: the next word reads after the keyword, and not after a name
        there, or it is written in small letters after `minidisk`, `sfs` or `match`."""
        sim = self.sim_here()
        run = self.repeats_after(tok)
        after = self.window(run[-1][1] if run else tok.end_pos)[:1]
        if sim is None or self.reading(sim, after) is None:
            return False
        if keyword in _TWICE_LOWER and not str(tok.value).isupper():
            return True
        named = sim.copy()  # the word read as what the lexer read it as: a name, or a path after `import`
        return named.feed(tok.type) and self.reading(named, after) is None

    def named_slip(self, tok: Token, low: str) -> bool:
        """Whether the name `tok` (`low`, in small letters) is a word Lark reads as a
        name without an error, but which is a slip where it stands, now reported and
        marked to be skipped: `and` between a group's user IDs, `thru` in a range,
        `owner` before a selection's owner. `AND` and `OWNER` in capitals are names."""
        if low == "and":
            return tok.value != "AND" and (self.and_in_group(tok) or self.and_after_comma(tok))
        if low in _RANGE_WORDS:
            return self.range_with_word(tok)
        if low in MATCH_SYNONYMS:
            return tok.value == low and self.match_synonym(tok)
        return not str(tok.value).isupper() and self.owner_label(tok)

    def _pattern_after(self, tok: Token) -> str | None:
        """The name after `tok` on its line, in a group body the parser stands in; else None."""
        if self.parser_state is None or tok.end_pos is None:
            return None
        following = _BLANKS_THEN_NAME.match(self.source.text, tok.end_pos)
        if following is None or self.in_group_body(self.parser_state.value_stack) is None:
            return None
        return following.group(1)

    def match_synonym(self, tok: Token) -> bool:
        """`single group LINUX { ... matches LNXAPP* }` (`pattern`, `like`): an English word
        for `match`, in small letters, before a pattern on its line in a group body. Lark
        reads it as one more user ID, MATCHES, silently, and the pattern as the group's
        with or without `match`, so the group names a user it never meant: `match` was
        meant (a user ID is written as CP writes it, in capitals). Report it, its fix
        writing `match`, and mark it to be skipped: the pattern is read as written."""
        pattern = self._pattern_after(tok)
        if tok.start_pos is None or pattern is None or not any(c in pattern for c in "*%?"):
            return False
        self.report(messages.match_synonym(str(tok.value), pattern, self.span_of(tok)), tok.start_pos)
        self.dropped.add(tok.start_pos)
        return True

    def match_colon(self, tok: Token) -> Token | None:
        """`single group LINUX { ... match: LNXAPP* }`: `match` with a YAML `:` before its
        pattern on its line in a group body, which Lark reads as a user ID `MATCH:` (BKR301
        then, the `:` unsaid). BKR014, as `workers: 4` is, its fix removing the `:`, and
        the word read as `match`."""
        text = str(tok.value)
        if text[:-1].lower() != "match" or tok.start_pos is None or tok.end_pos is None:
            return None
        pattern = self._pattern_after(tok)
        if pattern is None:
            return None
        sign = tok.end_pos - 1
        line = f"{text} {pattern}"
        diag = messages.sign_after_keyword(":", line, len(text) - 1, self.source.span(sign, sign + 1), self.sign_fix(sign))
        self.report(diag, sign)
        end_line, end_column = tok.line, tok.column + len(text) - 1
        return Token(self.facts.keywords["match"], text[:-1], tok.start_pos, tok.line, tok.column, end_line, end_column, sign)

    def and_after_comma(self, tok: Token) -> bool:
        """`and` after a list's `,` (joined_after_comma): True when it is to be skipped."""
        if tok.start_pos is None or tok.end_pos is None:
            return False
        return self.joined_after_comma(tok.start_pos, str(tok.value))

    def joined_after_comma(self, at: int, joiner: str) -> bool:
        """`and` or `&` (at offset `at`) after a list's `,`, as English joins the last
        name of a list; True when the joiner is to be skipped:

        * `backup APPS, and LINUX full`, `run on VMSYS1, & VMSYS2`: a name follows. One
          error, whose fix removes the joiner, and the list is read without it;
        * `backup APPS, and full`: the level follows. One error, whose fix removes `, and`;
          `and` is read on as the list's last name (no check runs after a syntax error,
          so it is never looked up as a group), `&` is skipped;
        * `backup APPS, LINUX, and` at the end of its line: one error without a fix
          (a name may be missing, or `, and` be too many), read as the list's last name.
        """
        state = self.parser_state
        if state is None:
            return False
        stack = state.value_stack
        comma = top_token(stack, "COMMA")
        last = last_real_token(stack[:-1]) if comma is not None else None
        if last is None or last.type != "NAME" or not last.end_line == comma.line == self.source.position(at)[0]:
            return False
        text, end = self.source.text, at + len(joiner)
        following = _BLANKS_OR_NOT_THEN_NAME.match(text, end)
        if following is not None and following.group(1).lower() not in self.facts.keywords:
            name_at = following.start(1)
            blank = " " if at == comma.end_pos else ""  # `APPS,and LINUX`: `APPS, LINUX`
            diag = messages.joined_after_comma(
                joiner, str(last.value), following.group(1), self.source.span(at, end),
                self.source.span(at, name_at), blank,
            )
            one = self.one_member_run(stack, [following.group(1)], following.end(1))
            if one is not None:  # `run on VMSYS1, and VMSYS2` of a job that runs on one member
                diag = replace(diag, help=one[0], fix=one[1], choices=one[2])
            self.report(diag, at)
            self.dropped.add(at)
            return True
        again = _COMMA_THEN_NAME.match(text, end)
        if again is not None and again.group(2).lower() not in self.facts.keywords:
            # `backup APPS, and, LINUX full`: `and` between two commas; it goes with the second
            name_at = again.start(2)
            blank = " " if at == comma.end_pos and name_at > again.end(1) else ""
            self.report(
                messages.joined_after_comma(
                    joiner, str(last.value), again.group(2), self.source.span(at, end),
                    self.source.span(at, name_at), blank, comma_after=True,
                ),
                at,
            )
            self.dropped.update((at, again.start(1)))
            return True
        first = next(
            (v for v in reversed(stack) if isinstance(v, Token) and v.type in self.keyword_types),
            None,
        )
        if first is None or first.type != "BACKUP" or first.start_pos is None or first.line != last.line:
            return False
        groups = " ".join(text[first.end_pos : last.end_pos].split())
        level = _BLANKS_THEN_LEVEL.match(text, end)
        if level is not None and level.start(1) > end:
            self.report(
                messages.joined_level(
                    joiner, groups, level.group(1), self.source.span(at, end),
                    self.source.span(last.end_pos, end), title=f"Remove `, {joiner}`",
                ),
                at,
            )
            return joiner == "&"
        if _LINE_REST.match(text, end) is None and end < len(text.rstrip()):
            return False
        self.report(messages.list_ends_joined(joiner, groups, self.source.span(at, end)), at)
        return False

    def colon_before_brace(self, tok: Token) -> Token | None:
        """`member VMSYS2: {`, `single group APPS: {`: a block's name written with a `:`
        after it, as YAML or Python write a block's head. A name may hold `:`, so the
        lexer reads `VMSYS2:`, and the `:` would be reported by every check that meets
        the name (and `VMSYS2` elsewhere as unknown). Where a `{` follows and the state
        takes a name, then `{`: one error, and the name without its `:`."""
        text = str(tok.value)
        if len(text) < 2 or text[-1] != ":" or tok.end_pos is None or self.parser_state is None:
            return None
        after = _GAP.match(self.source.text, tok.end_pos).end()
        if not self.source.text.startswith("{", after):
            return None
        sim = self.sim_here()
        if sim is None or not (sim.feed("NAME") and sim.fits(["LBRACE"])):
            return None
        colon = self.source.span(tok.end_pos - 1, tok.end_pos)
        previous = last_real_token(self.parser_state.value_stack)
        head = str(previous.value) if previous is not None else ""
        self.report(messages.colon_before_brace(head, text[:-1], colon), tok.end_pos - 1)
        end_line, end_column = tok.line, tok.column + len(text) - 1
        return Token("NAME", text[:-1], tok.start_pos, tok.line, tok.column, end_line, end_column, tok.end_pos - 1)

    def keyword_colon_below_list(self, tok: Token) -> Token | None:
        """`catalog: shared server ...` first on the line below `shared-volume VMCOM1`,
        `disk: BKRBKUP 191 ...` too: a statement's keyword with a YAML `:` after it,
        which a name may hold, so that the list read it as one more label and the rest
        of its line as more (three errors, none of them the `:`). Where the keyword
        starts a statement here: BKR014, as `workers: 4` is, and the keyword read."""
        text = str(tok.value)
        keyword = self.facts.keywords.get(text[:-1].lower())
        if keyword is None or keyword not in self.statements or tok.start_pos is None:
            return None
        if self.parser_state is None or not self.first_on_line(tok.start_pos):
            return None
        previous = last_real_token(self.parser_state.value_stack)
        if previous is None or previous.line == tok.line:
            return None
        sim = self.sim_here()
        if sim is None or not sim.fits([keyword]):
            return None
        sign = tok.end_pos - 1
        line = self._line_before_comment(tok.start_pos)
        diag = messages.sign_after_keyword(":", line, len(text) - 1, self.source.span(sign, sign + 1), self.sign_fix(sign))
        self.report(diag, sign)
        end_line, end_column = tok.line, tok.column + len(text) - 1
        return Token(keyword, text[:-1], tok.start_pos, tok.line, tok.column, end_line, end_column, sign)

    def keyword_after_list(self, tok: Token) -> Token | None:
        """`shared-volume VMCOM1` + `catalg shared server BKRSVSFS ...` on the next line,
        `exclude minidisk * 0190` + `incl ude minidisk * *`: a misspelt statement keyword
        (or one with a blank inside) that starts the line after a list of volume labels,
        minidisk addresses or SFS paths. Lark reads it as one more name of the list, and
        the rest of its line with it; where the keyword meant fits and its line reads
        on after it, report it and read it as the keyword."""
        text = str(tok.value)
        # The cheap tests first: this runs for every name that starts a line, and
        # `list_of` walks back over every name of a list (a group body's thousands).
        rexx_label = _rexx_label(text)  # `BKRBKUP:`
        # `bkrbkup:`, `Start:`: in a group body, a label in any case (no user ID holds `:`),
        # where its word is no keyword (`messages.rexx_label`)
        any_case = not rexx_label and text[-1:] == ":" and _rexx_label(text.upper()) and messages.rexx_label(text)
        if not (text.isalpha() or text.upper() == "*DVHOPT" or rexx_label or any_case) or tok.start_pos is None or self.parser_state is None:
            return None
        upper = text.upper()
        stack = self.parser_state.value_stack
        if (
            # a template record after the body's user IDs on its line too (`{ LNXWEB01
            # INCLUDE MINIDISK LNXDB* = * * = * *`): its `=` stands in no user ID
            (
                upper in _TEMPLATE_VERBS
                or (upper in _FOREIGN_FIRST_WORDS and (self.after_brace_or_first(tok) or self.entry_after_lead(tok)))
                or (upper in _COMMAND_FIRST_WORDS and self.after_brace_or_first(tok))
            )
            and self.foreign_in_group(tok, stack)
        ):
            return self.retype(tok, _SKIPPED)  # also `single group APPS { USER ...`
        if (
            # `BKRBKUP:` alone on a line of a group body, a REXX label (no user ID holds
            # `:`), and `Q USERID`, `EXIT` below it: the EXEC's lines, not users
            (rexx_label or any_case or text in _PASTED_BELOW_LABELS)
            and self.first_on_line(tok.start_pos)
            and (rexx_label or any_case or self.below_rexx_label(tok, stack))
            and self.foreign_in_group(tok, stack, below_label=not (rexx_label or any_case))
        ):
            return self.retype(tok, _SKIPPED)
        if any_case:
            return None  # elsewhere, as before (`job:` may be YAML's colon)
        if not self.first_on_line(tok.start_pos):
            return None
        previous = last_real_token(stack)
        if previous is None or previous.line == tok.line:
            return None
        listed = self.list_of(stack)
        if listed is None or not listed[2]:
            return None
        if (
            upper in _FOREIGN_FIRST_WORDS
            or upper in _COMMAND_FIRST_WORDS
            or text in _PASTED_BELOW_LABELS
            or rexx_label
        ) and self.foreign_after_list(tok, labels=listed[0] == "volume"):
            return self.retype(tok, _SKIPPED)
        sim = self.sim_here()
        if sim is None or not self.lexing(tok):
            return None
        window = self.window(tok.end_pos)
        lone_end = text.lower() == "end" and self.brace_balance > 0 and self.alone_on_line(tok)
        if lone_end and sim.fits(["RBRACE"]):
            # REXX's `do ... end` after `private-volume M1PRV1`: the block's `}`, where the
            # file lacks a `}` and the lines after it read on so (not a last label `END`).
            ahead = sim.copy()
            if ahead.feed("RBRACE") and self.reading(ahead, window) is not None:
                self.report(messages.end_for_brace(self.span_of(tok)), tok.start_pos)
                return self.retype(tok, "RBRACE")
        rest = _SECOND_HALF.match(self.source.text, tok.end_pos)
        joined = text + rest.group(1) if rest is not None else None
        keyword = self.facts.keywords.get(joined.lower()) if joined is not None else None
        if keyword in self.statements and sim.fits([keyword]):
            ahead = sim.copy()
            if ahead.feed(keyword) and self.reading(ahead, window[1:]) is not None:
                span = self.source.span(tok.start_pos, rest.end(1))
                self.report(messages.split_keyword(self.source.text[tok.start_pos : rest.end(1)], joined, span), tok.start_pos)
                self._advance(self.parser_state.lexer.state, rest.end(1))
                return self.retype(tok, keyword)
        own = self.facts.keywords.get(text.lower())
        if own in self.statements and not sim.fits([own]) and self.reads_elsewhere(tok, own, window):
            # `retain 30 days` after `include sfs ...`: a statement of another block,
            # which misplaced_keyword reports as such, not three more SFS paths
            return self.retype(tok, own)
        if own is not None and not sim.fits([own]) and self.swap_reads(sim, tok) is not None:
            # `shared catalog server ...` after `shared-volume VMCOM1`: two keywords the
            # other way round, which the token that does not fit reports (swapped_words).
            return self.retype(tok, own)
        if own in _SCOPES and self.scope_after_labels(tok):
            # `shared catalog-node TCTMM ...` after `shared-volume VMCOM1`: `tape manager`
            # left out (tape_manager_left_out), not `shared-volume` half typed; `shared
            # server BKRSVSFS ...`: `catalog` left out
            return self.retype(tok, own)
        if (
            own is not None
            and own not in self.statements
            and text == text.lower()
            and not sim.fits([own])
            and self.reordered(sim, tok.start_pos) is not None
        ):
            # `pool BKUPPOOL to disk` after `include sfs * *`: a statement of the block, its
            # words out of order, which the token that does not fit reports (starts_no_statement)
            return self.retype(tok, own)
        fitting = [k for k, t in self.facts.keywords.items() if t in self.statements and sim.fits([t])]
        words = messages.did_you_mean(text, fitting)
        if not words:
            return self.meant_elsewhere_after_list(tok, fitting, window)
        if len(words) != 1:
            return None
        ahead = sim.copy()
        if not ahead.feed(self.facts.keywords[words[0]]) or self.reading(ahead, window) is None:
            return None
        return self.misspelt(tok, words)

    def meant_elsewhere_after_list(self, tok: Token, fitting: list[str], window) -> Token | None:
        """`exclude minidisk * 0190 019D 019E` + `keep 35 days` (or `retian 35 days`,
        `wrokers 2`) on the next line: a keyword misspelt, or in other words, whose
        statement only another block takes (`fitting`: the statement keywords that fit
        here), its line read whole as that statement there (reads_elsewhere: not after
        volume labels, which may be all its words). BKR012 as after any other statement
        of the block (stray_name): no fix, and where the statement belongs; not one
        more name of the list (BKR310 at each word no address). Not a keyword itself
        (`shared catalog ...` below a member's labels, the scope before its statement:
        its own BKR013 says so), which is no `shared-volume` misspelt."""
        if str(tok.value).lower() in self.facts.keywords:
            return None
        words = messages.statement_meant(str(tok.value), fitting, self.keywords_in(self.statements))
        if len(words) != 1 or words[0] in fitting:
            return None
        meant = self.facts.keywords[words[0]]
        blocks = [b for b in open_blocks(self.parser_state.value_stack) if not b.placeholder]
        if not blocks or not self.reads_elsewhere(tok, meant, window):
            return None
        inner = blocks[-1]
        homes = self.other_blocks(Sim.start(self.lark), Token(meant, words[0]), "")
        diag = messages.keyword_of_another_block(
            self.describe(tok), words[0], inner, self.span_of(tok), self.span_of(inner.brace), homes
        )
        self.meant_elsewhere.add(tok.start_pos)
        return self.misspelt(tok, words, diag)

    def foreign_after_list(
        self,
        tok: Token,
        group: tuple[str, str] | None = None,
        *,
        labels: bool = False,
        body: Token | None = None,
        below_label: bool = False,
    ) -> bool:
        """`include minidisk * 0191` + `USER LINUX01 LBYONLY 512M 2G G` on the next line:
        a line copied from a CP directory after a list, which Lark reads as more names
        of the list (or, in a group body, `group` its (kind, name), as more user IDs;
        after volume labels, `labels`, as more labels). Report it
        (messages.foreign_line) and mark it, so that the token that does not fit skips
        the line up to a `}` or a comment on it (diagnose), as `foreign_line` does
        elsewhere. `body`, a group body's `{`: the IDs its body lists besides the
        line, and the line, alone on it, are told (`IDENTITY TCPIP FTPSERVE`'s choices)."""
        text = self.source.text
        end = self._line_end(tok.start_pos)
        stop = re.compile(r"[}#]").search(text, tok.start_pos, end)
        end = stop.start() if stop is not None else end
        line_text = text[tok.start_pos : end].rstrip()
        kind, named = group if group is not None else (None, None)
        blocks = [b for b in open_blocks(self.parser_state.value_stack) if not b.placeholder]
        job = blocks[-1].name if blocks and blocks[-1].kind == "job" else None
        jobs = None if job or not _may_send(line_text) else messages.job_names(text)
        listed, remove, lead = frozenset(), None, None
        if body is not None and body.start_pos is not None and body.value not in (REOPENED, ASSUMED):
            if self.entry_after_lead(tok):  # `LNXDB2 USER LNXDB1 ...`: the word before the entry
                begin = text.rfind("\n", 0, tok.start_pos) + 1
                at = begin + len(text[begin : tok.start_pos]) - len(text[begin : tok.start_pos].lstrip())
                lead = (text[at : tok.start_pos].strip(), self.source.span(at, tok.start_pos))
                listed, remove = self._group_body_besides(body.start_pos, at, end)
            else:
                listed, remove = self._group_body_besides(body.start_pos, tok.start_pos, end)
        diag = messages.foreign_line(
            line_text, self.span_of(tok), group=kind, named=named, labels=labels, job=job, jobs=jobs,
            listed=listed, remove=remove, lead=lead, block=blocks[-1].kind if blocks else "cluster",
            below_label=below_label, commented=self._alone_but_comment(tok.start_pos, end),
        )
        if diag is None:
            return False
        self.report(self._heading_removed(diag, tok.start_pos), tok.start_pos)
        self.misplaced_at[tok.start_pos] = end
        return True

    def _alone_but_comment(self, first: int, end: int) -> bool:
        """Whether the line from `first` to `end` stands alone on its line but for a comment
        after it (`INCLUDE IBMDFLT  # the profile`: was read as two users, silently)."""
        text = self.source.text
        begin = text.rfind("\n", 0, first) + 1
        return not text[begin:first].strip() and text[end : self._line_end(first)].lstrip().startswith("#")

    def _group_body_besides(self, brace: int, first: int, end: int) -> tuple[frozenset[str], Span | None]:
        """The user IDs (in capitals) a group body whose `{` is at `brace` lists besides its
        line from `first` to `end` (read as a text, its comments left out), and that line
        with its line end where nothing else stands on it (None otherwise)."""
        text = self.source.text
        close = text.find("}", brace)
        close = len(text) if close == -1 else close
        begin, line_end = text.rfind("\n", 0, first) + 1, self._line_end(first)
        besides = text[brace + 1 : begin] + "\n" + text[line_end:close]
        words = " ".join(messages.line_words(line) for line in besides.split("\n")).split()
        listed = frozenset(w.upper() for w in words if w.lower() != "match" and not any(c in w for c in "*%?"))
        alone = not text[begin:first].strip() and not text[end:line_end].strip() and begin > brace
        return listed, self.source.span(begin, min(line_end + 1, len(text))) if alone else None

    def _setting_in_job(self, ip, diag: Diagnostic, line: str, span: Span, first: int, end: int) -> Diagnostic:
        """`diag`, or, for a job template's setting of the name, the level or the target on
        a line of a job (`CONFIG BKR_Job_Type = FULL`, `line` from `first` to `end`), the
        error whose help says it with the job's words (messages.template_setting_in_job):
        the job's `backup` lines and `to` medium read from the text, as both parsers do."""
        if line[:6].upper() != "CONFIG" and line[:5].upper() != "MEDIA":
            return diag
        text = self.source.text
        begin, line_end = text.rfind("\n", 0, first) + 1, self._line_end(first)
        alone = (not text[begin:first].strip() or messages.after_opening(text, begin, first)) and end == line_end
        remove = messages.removed_keeping_comment(self.source, first, begin, line_end) if alone else None
        found = self._setting_in_block(ip, diag, line, span, first, remove)
        return messages.said_keeping_comment(found, self.source.text, first, end, "setting")

    def _setting_in_block(self, ip, diag: Diagnostic, line: str, span: Span, first: int, remove: Span | None) -> Diagnostic:
        """_setting_in_job's error, `remove` the setting's line (or the setting, the
        comment after it kept), None where more stands on it."""
        blocks = [b for b in open_blocks(ip.parser_state.value_stack) if not b.placeholder]
        text = self.source.text
        begin = text.rfind("\n", 0, first) + 1
        block = blocks[-1] if blocks else None
        brace = block.brace.start_pos if block is not None else None
        # `CONFIG BKR_Job_Workers = 4` anywhere: the members' `workers` statements
        found = messages.workers_setting(
            line, span, self.source, block.kind if block is not None else "", block.name if block is not None else None,
            brace, remove,
        )
        if found is not None:
            return found
        if block is None or block.kind != "job" or block.name is None or brace is None:
            if messages.below_a_job_head(text, begin):
                # below `job APPSFULL` whose `{` is left out (BKR011): the setting is that
                # job's, and foreign_line's help says it in its block
                return diag
            # `MEDIA_TYPE = DISK` in a group body, a member or the cluster block
            found = messages.media_type_outside_job(line, span, text, remove)
            return diag if found is None else found
        backups = [(self.source.span(at, at), written) for at, written in messages.job_backup_lines(text, brace)]
        found = messages.template_setting_in_job(line, span, block.name, backups, messages.job_medium(text, brace), remove)
        return diag if found is None else found

    def _record_of_no_user(self, ip, diag: Diagnostic, line: str, first: int, end: int) -> Diagnostic:
        """`diag`, or, for a template's record on a line of a job whose owner the job's
        groups do not list (`EXCLUDE MINIDISK MAINT * = * *`, `line` from `first` to
        `end`), the error that says so (messages.record_of_no_user): the job's `backup`
        lines and its groups' bodies read from the text, as both parsers do."""
        if line[:7].upper() not in ("EXCLUDE", "INCLUDE") or diag.fix is None:
            return diag
        blocks = [b for b in open_blocks(ip.parser_state.value_stack) if not b.placeholder]
        if not blocks or blocks[-1].kind != "job" or blocks[-1].brace.start_pos is None:
            return diag
        text, brace = self.source.text, blocks[-1].brace.start_pos
        backups = [written for _, written in messages.job_backup_lines(text, brace)]
        # the job's selections as .bkr writes them (not this record, nor another one)
        includes = [
            w for keyword in ("include", "exclude") for _, w in messages.job_backup_lines(text, brace, keyword) if "=" not in w
        ]
        begin, line_end = text.rfind("\n", 0, first) + 1, self._line_end(first)
        alone = (not text[begin:first].strip() or messages.after_opening(text, begin, first)) and end == line_end
        remove = messages.removed_keeping_comment(self.source, first, begin, line_end) if alone else None
        found = messages.record_of_no_user(diag, line, text, backups, remove, includes)
        return diag if found is diag else messages.said_keeping_comment(found, text, first, end, "record")

    def _heading_removed(self, diag: Diagnostic, first: int) -> Diagnostic:
        """`diag` with a fix removing its line where the line, from `first` (its first
        word) and blanks before it, is a template's selection heading and nothing else
        (`FUNCTION MEDIATYPE OWNER VDEV ...`: no value is lost, no comment), or a CP
        statement the help says to remove (`LINK MAINT 0190 0190 RR`, `SMSG BKRBKUP
        SUBMIT APPSFULL`: messages.removed_whole). With a comment after it (`CP Q USERID  #
        who am I`), the statement and the blanks after it are removed, the comment kept on
        its line: no fix drops a comment."""
        text = self.source.text
        begin, end = text.rfind("\n", 0, first) + 1, self._line_end(first)
        comment = re.search(r"[ \t]#", text[first:end])
        before = text[begin:first]
        # `single group X { CP Q USERID`: pasted on a block's opening line, after its `{`
        opening = bool(before.strip()) and before.rstrip().endswith("{") and "#" not in before
        command = text[first : first + comment.start() if comment else end]
        if (before.strip() and not opening) or not messages.removed_whole(command):
            return diag
        command = command.rstrip()
        if opening:
            # the command and the blanks before it, up to the blanks before its comment
            cut = self.source.span(begin + len(before.rstrip()), first + len(command))
            fix = Fix("Remove the command after the `{`", (Edit(cut, ""),))
        elif comment:
            cut = self.source.span(first, first + comment.start() + 1)
            fix = Fix("Remove the command, keep the comment", (Edit(cut, ""),))
        else:
            stop = min(end + 1, len(text))  # and its line end
            fix = Fix("Remove the line", (Edit(self.source.span(begin, stop), ""),))
        diag = replace(diag, help=messages.removal_said(diag.help, command, opening, bool(comment)))
        if diag.choices:  # `MDISK` below its user's line: the `disk` it says, or this
            return replace(diag, choices=(*diag.choices, fix))
        return replace(diag, fix=fix)

    def entry_after_lead(self, tok: Token) -> bool:
        """Whether `tok`, `USER` or `IDENTITY` in capitals, is the second word of its line
        after one that starts it (`LNXDB2 USER LNXDB1 XXXXXXXX 64M 128M G`: a CP directory
        entry with a word before it; fast.py gives up there, `_entry_after_lead`)."""
        if str(tok.value) not in ("USER", "IDENTITY"):
            return False
        text = self.source.text
        before = text[text.rfind("\n", 0, tok.start_pos) + 1 : tok.start_pos]
        return len(before.split()) == 1 and before[-1:] in (" ", "\t") and "{" not in before and "#" not in before

    def after_brace_or_first(self, tok: Token) -> bool:
        """Whether `tok` starts its line or follows a `{` on it."""
        before = self.source.text[self.source.text.rfind("\n", 0, tok.start_pos) + 1 : tok.start_pos].rstrip(" \t")
        return not before or before.endswith("{")

    def foreign_in_group(self, tok: Token, stack, *, below_label: bool = False) -> bool:
        """`single group APPS {` + `USER LINUX01 XXXXXXXX 512M 1G G` on a line of its
        own (or right after the `{`): a CP directory line pasted into a group body, which Lark reads as user
        IDs (`XXXXXXXX`, `512M`). Report and skip it as after a list. `below_label`: the
        line is below a REXX label's (below_rexx_label), where `Q USERID` is the EXEC's."""
        blocks = open_blocks(stack)
        if not blocks or blocks[-1].kind != "group_decl" or not self.lexing_group(stack):
            return False
        return self.foreign_after_list(
            tok, group=self.group_head(blocks[-1]) or ("", None), body=blocks[-1].brace, below_label=below_label
        )

    def below_rexx_label(self, tok: Token, stack) -> bool:
        """Whether `tok`, first on its line of a group body, is below a REXX label alone on
        its line (`BKRBKUP:`, as an EXEC's routine starts), with only lines reported as
        pasted between (`misplaced_at`; blank and comment lines stepped over): there
        `EXIT` or `Q USERID` is the EXEC's line, elsewhere in a group body its users."""
        blocks = open_blocks(stack)
        if not blocks or blocks[-1].brace.end_pos is None:
            return False
        text, brace = self.source.text, blocks[-1].brace.end_pos
        end = text.rfind("\n", 0, tok.start_pos)
        while end >= brace:
            begin = text.rfind("\n", 0, end) + 1
            words = text[begin:end].split("#", 1)[0]
            if words.strip():
                first = begin + len(words) - len(words.lstrip())
                if first < brace:
                    return False  # the line of the body's `{`
                if messages.rexx_label(words.strip()):
                    return True  # `BKRBKUP:`, `BKRBKUP: EXIT`, `bkrbkup:`
                if first not in self.misplaced_at:
                    return False
            end = begin - 1
        return False

    def selection_in_group(self, tok: Token) -> bool:
        """`single group LINUX { match LNX* exclude minidisk LNX* 0200-02FF }`: a job's
        selection written in a group body, which Lark reads as more user IDs (EXCLUDE,
        MINIDISK, 0200-02FF), silently when the addresses are short enough to be IDs.
        `include` or `exclude` followed by a medium is no pair of user IDs anyone has:
        report it (BKR013), and skip it to the `}` or a comment on its line."""
        state = self.parser_state
        if state is None or tok.start_pos is None or tok.end_pos is None:
            return False
        medium = _BLANKS_THEN_MEDIUM.match(self.source.text, tok.end_pos)
        if medium is None:
            return False
        blocks = self.in_group_body(state.value_stack)
        if blocks is None:
            return False
        text = self.source.text
        end = self._line_end(tok.start_pos)
        stop = re.compile(r"[}#]").search(text, tok.start_pos, end)
        end = stop.start() if stop is not None else end
        written = " ".join(text[tok.start_pos : end].split())
        group = self.group_head(blocks[-1])
        self.report(
            messages.selection_in_group(
                written, group, self.span_of(tok), self.span_of(blocks[-1].brace)
            ),
            tok.start_pos,
        )
        self.misplaced_at[tok.start_pos] = end
        return True

    def disk_in_group(self, tok: Token) -> bool:
        """`disk BKRADMIN 191 size 10 cyl` on a line of its own in a group body whose `}`
        is below it (the file's braces balance): a statement of the cluster, which Lark
        reads as six user IDs (BKR021 at check, "move it out of the group", no fix). One
        error, a group body holds users only (messages.disk_in_group), whose fix moves the
        line below the group's `}` (or removes it where the cluster has it already:
        messages._moved_out_help); the line is skipped. The fast parser gives up on `disk`
        first on its line in a group body."""
        state = self.parser_state
        word = str(tok.value)
        if state is None or tok.start_pos is None or word not in _CLUSTER_LINES or self.brace_balance != 0:
            return False
        text = self.source.text
        begin = text.rfind("\n", 0, tok.start_pos) + 1
        line = self._line_before_comment(tok.start_pos).strip()
        if text[begin : tok.start_pos].strip() or not _CLUSTER_LINES[word].fullmatch(line):
            return False
        blocks = self.in_group_body(state.value_stack)
        if blocks is None:
            return False
        self.read_whole_file = True  # the help reads the cluster's disks (messages._cluster_twin)
        self.report(
            messages.disk_in_group(blocks[-1], self.span_of(tok), self.span_of(blocks[-1].brace), text, word), tok.start_pos
        )
        end = self._line_end(tok.start_pos)
        stop = re.compile(r"[}#]").search(text, tok.start_pos, end)
        self.misplaced_at[tok.start_pos] = stop.start() if stop is not None else end
        return True

    def and_in_group(self, tok: Token) -> bool:
        """`single group APPS { CICSPRD and DB2PRD }`: `and` between two user IDs of a
        group body, as English lists names, which Lark reads as one more user ID. In
        small letters it is the word, not the user AND (a user ID is written as CP
        writes it, in capitals): report it, and mark it to be skipped."""
        if tok.start_pos is None or not self.joined_in_group(tok.start_pos, str(tok.value)):
            return False
        self.dropped.add(tok.start_pos)
        return True

    def joined_in_group(self, at: int, joiner: str) -> bool:
        """Whether `joiner` (`and`, `&`) at offset `at` stands between two user IDs of a
        group body, on a line with at least one of them; if so, it is reported."""
        state = self.parser_state
        if state is None:
            return False
        stack = state.value_stack
        blocks = self.in_group_body(stack)
        if blocks is None:
            return False
        previous = last_real_token(stack)
        if previous is None or previous.type != "NAME" or previous.start_pos < blocks[-1].brace.end_pos:
            return False  # the first word of the body
        text = self.source.text
        end = at + len(joiner)
        following = _GAP.match(text, end).end()
        word = _NAME.match(text, following)
        if word is None:
            return False
        right = word.group()
        if right.lower() == "match" and (pattern := _BLANKS_THEN_NAME.match(text, word.end())) is not None:
            right = text[following : pattern.end()]
        line = self.source.position(at)[0]
        if previous.end_line == line:  # with the blanks before it: `CICSPRD and DB2PRD`
            remove = self.source.span(previous.end_pos, end)
        elif self.source.position(following)[0] == line:  # starts its line: with the blanks after it
            remove = self.source.span(at, following)
        else:
            return False
        blank = " " if text[previous.end_pos : at].strip(" \t") == "" and not text[end:following] else ""
        group = self.group_head(blocks[-1])
        self.report(
            messages.joined_in_group(
                joiner, str(previous.value), right, group[1] if group else None,
                self.source.span(at, end), remove, blank,
            ),
            at,
        )
        return True

    def in_group_body(self, stack):
        """The open blocks when the parser stands in a group body written in the text
        (not a placeholder), where a user ID or `match` may come; else None."""
        blocks = open_blocks(stack)
        if not blocks or blocks[-1].kind != "group_decl" or blocks[-1].placeholder:
            return None
        return blocks if self.lexing_group(stack) else None

    def lexing_group(self, stack) -> bool:
        """Whether the parser stands in a group body, where a user ID or `match` may come."""
        sim = self.sim_here()
        return sim is not None and sim.fits(["MATCH"])

    # ------------------------------------------------------------ keywords run together
    def word_around(self, start: int) -> tuple[int, int]:
        """(start, end) of the word (characters of a NAME or a path) holding offset `start`."""
        text = self.source.text
        begin, end = start, start
        while begin > 0 and text[begin - 1] in _WORD_CHARS:
            begin -= 1
        while end < len(text) and text[end] in _WORD_CHARS:
            end += 1
        return begin, end

    def keyword_typed_on(self, ip, tok: Token) -> Token | None:
        """`job-s` where a statement starts, as `job-suffix` is typed: where no name
        may come (after a job's `description "..."`), Lark's contextual lexer reads the
        keyword `job` and leaves `-s`, and `job` would be reported misplaced (BKR013).
        A keyword with `-` and letters (or nothing yet) right after it, no blank between,
        is one word written as keywords are, being typed: the name over the whole word,
        the lexer moved past it, for `stray_name` to judge as it judges `private-v`
        (BKR012, "did you mean `job-suffix`?"). None for a keyword alone, or a word of
        other characters (`tape-2`)."""
        start, end = tok.start_pos, tok.end_pos
        text = self.source.text
        if start is None or end is None or text[end : end + 1] != "-" or self.inside_word(tok):
            return None
        end = self.word_around(start)[1]
        word = text[start:end]
        if _KEYWORD_SHAPED.fullmatch(word) is None or word in self.facts.keywords:
            return None
        self._advance(ip.lexer_thread.state, end)
        found = Token("NAME", word, start, tok.line, tok.column)
        found.end_line, found.end_column, found.end_pos = tok.line, tok.column + len(word), end
        return found

    def inside_word(self, tok: Token) -> bool:
        """Whether `tok` starts inside a word: the lexer took a keyword from the start of it."""
        start = tok.start_pos
        if not start or str(tok.value).startswith("-"):
            return False
        return self.source.text[start - 1] in _WORD_CHARS

    def sim_here(self) -> Sim | None:
        state = self.parser_state
        return None if state is None else Sim(state.parse_conf, state.state_stack)

    def keyword_pieces(self, text: str) -> list[str] | None:
        """`text` cut into whole keywords, longest first, as the lexer cuts it
        (`catalogshared` -> catalog, shared); None when it is not only keywords."""
        pieces, i, low = [], 0, text.lower()
        while i < len(text):
            word = next((k for k in self._by_length if low.startswith(k, i)), None)
            if word is None:
                return None
            pieces.append(text[i : i + len(word)])
            i += len(word)
        return pieces

    def glue_pieces(self, text: str, sim: Sim, needed: int) -> list[str] | None:
        """`text` read as keywords written without the blanks between them, each
        fitting where the one before leaves the parser (`sim` stands before the
        first): the pieces, as the user spelled them, when there are at least
        `needed` keywords. The last piece may be the beginning of a keyword that
        fits there, of 3 characters or more (`sharedserv`: `shared server`), or,
        after a keyword, a name where one fits (`serverBKRSVSFS`). None otherwise."""
        if self._glue_shape.match(text) is None and (needed > 1 or len(text) < 3):
            return None  # the common case, a plain name: no keyword and the start of another
        return self._read_glue(text, text.lower(), 0, sim, [], needed)

    def _read_glue(self, text: str, low: str, i: int, sim: Sim, pieces: list[str], needed: int):
        """glue_pieces from offset `i` on, after `pieces` (a method, not a closure that
        calls itself: see "No reference cycles" in docs/architecture.md)."""
        if i == len(text):
            return pieces if len(pieces) >= needed else None
        for word in self._by_length:
            if low.startswith(word, i):
                trial = sim.copy()
                if trial.feed(self.facts.keywords[word]):
                    piece = text[i : i + len(word)]
                    found = self._read_glue(text, low, i + len(word), trial, [*pieces, piece], needed)
                    if found is not None:
                        return found
        tail = text[i:]
        if len(tail) >= 3 and len(pieces) + 1 >= needed:
            for word in self._by_length:
                if word.startswith(tail.lower()) and sim.fits([self.facts.keywords[word]]):
                    rest = word[len(tail) :]
                    return [*pieces, tail + (rest.upper() if tail.isupper() else rest)]
        if pieces and len(pieces) >= needed and _NAME.fullmatch(tail) and sim.fits(["NAME"]):
            return [*pieces, tail]
        return None

    def report_glued(self, begin: int, end: int, pieces: list[str], *, value: bool = False) -> None:
        word = self.source.text[begin:end]
        value = value or pieces[-1].lower() not in self.facts.keywords
        diag = self.report(messages.glued_keywords(word, pieces, self.source.span(begin, end), value, self.source), begin)
        self.glued.append((begin, end))
        if diag is not None and not value:
            self.glued_last[end - len(pieces[-1])] = (diag, " ".join(pieces), word)

    def check_glued(self, tok: Token) -> Token | None:
        """Report a name that starts inside a word: where the parser accepts no name,
        the lexer takes a keyword from the start of a longer word, so
        `private-volumes ZAPRV1` would read as `private-volume` and a volume `S`
        (`workers3`, `backups WEB`, `poolBKRPOOL` alike). The parse goes on as the
        lexer read it; the error says what was read, or which keywords were meant
        (`catalog sharedserv`: `shared server`, the name then read as `server`).
        None when `tok` does not start inside a word; else the token to go on with."""
        if not self.inside_word(tok):
            return None  # `catalog-nod` (a path-like `-nod`) is hyphenated_typo's, with a better guess
        begin, end = self.word_around(tok.start_pos)
        before = self.keyword_pieces(self.source.text[begin : tok.start_pos])
        if before is None:
            return tok
        zvm = _ZVM_KIND.match(self.source.text, self.source.text.rfind("\n", 0, begin) + 1)
        if zvm is not None and zvm.span("word") == (begin, end):
            # `singleconfig group`: z/VM's word for the kind, which the lexer split
            word = zvm.group("word")
            meant = "single" if word.lower().startswith("single") else "identity"
            self.report(messages.kind_in_zvm_words(word, meant, self.source.span(begin, end)), begin)
            self.glued.append((begin, end))
            return tok
        swapped = self.glued_swapped(tok, begin, end, before) or self.kind_plural(tok, begin, end)
        if swapped is not None:
            return swapped
        sim = self.sim_here()
        rest = str(tok.value)
        pieces = self.glue_pieces(rest, sim, 1) if sim is not None and self.lexing(tok) else None
        if pieces is not None:
            self.report_glued(begin, end, before + pieces)
            if len(pieces) == 1 and pieces[0].lower() in self.facts.keywords:
                return self.retype(tok, self.facts.keywords[pieces[0].lower()])  # a keyword's beginning
        else:
            path = self.path_after_letter(tok, before)
            if path is not None:
                return path
            if not rest[:1].isdigit():  # `workers3`: the 3 is the value meant
                self.glued_names.add(tok.start_pos)
            word = self.source.text[begin : tok.end_pos]
            if len(before) == 1 and before[0].lower() in messages.KEYWORD_SYNONYMS.get(word.lower(), ()):
                # `cyl onto VOL001`: English for `on`, not `on` and a volume `to`
                span = self.source.span(begin, tok.end_pos)
                self.report(messages.english_for_keyword(word, before[0].lower(), span), begin)
            elif len(before) > 1:
                self.report_glued(begin, end, [*before, rest])
            elif self.members_keyword(begin, tok):
                pass
            else:
                span = self.source.span(begin, tok.end_pos)
                self.report(messages.glued_keyword(before[0], rest, span), begin)
        return tok

    def members_keyword(self, begin: int, tok: Token) -> bool:
        """`members VMSYS1 { ... }`: the block's keyword in the plural, read as `member`
        and a name `s`, one member named before the `{` on the line: one error whose fix
        writes `member` (messages.members_keyword). Several members named are
        words_before_brace's, which says both in one error."""
        text = self.source.text
        if text[begin : tok.start_pos].lower() != "member" or str(tok.value).lower() != "s":
            return False
        end = self._line_end(tok.end_pos)
        brace = text.find("{", tok.end_pos, end)
        names = text[tok.end_pos : brace].split() if brace != -1 else []
        if len(names) != 1 or not _NAME.fullmatch(names[0]) or names[0].lower() in self.facts.keywords:
            return False
        close = text.find("}", brace, end)
        body = text[brace + 1 : close].strip() if close != -1 and "{" not in text[brace + 1 : close] else ""
        span = self.source.span(begin, tok.end_pos)
        self.report(messages.members_keyword(text[begin : tok.end_pos], names, " ".join(body.split()) or "...", span), begin)
        return True

    def glued_swapped(self, tok: Token, begin: int, end: int, before: list[str]) -> Token | None:
        """`onexpire VMSYS1 {` (after `catalog ... on VMSYS1`): a statement's keyword
        and the keyword that follows it, run together the other way round. The lexer
        read the first (`on`, one more of the statement above) and then the name
        `expire`. Where the statement's keyword, the first, and the next word fit in
        place of that first keyword, it is `expire on`: one error whose fix writes it,
        and the line is read so (the first keyword taken back, the statement's fed,
        the first returned to go on with). None otherwise."""
        state = self.parser_state
        if len(before) != 1 or tok.end_pos != end or state is None or not self.lexing(tok):
            return None
        keyword = self.facts.keywords.get(str(tok.value).lower())
        if keyword is None or keyword not in self.statements or not state.value_stack:
            return None
        first = state.value_stack[-1]
        if not (isinstance(first, Token) and is_real(first) and (first.start_pos, first.end_pos) == (begin, tok.start_pos)):
            return None
        after = self.source.text[end : self._line_end(end)].split("#", 1)[0]
        following = [_PUNCTUATION.get(w) or self.facts.keywords.get(w.lower(), "NAME") for w in _WORDS.findall(after)]
        if not Sim(state.parse_conf, state.state_stack[:-1]).fits([keyword, first.type, *following[:1]]):
            return None
        meant = f"{tok.value} {first.value}"
        word = self.source.text[begin:end]
        diag = self.report(messages.glued_swapped(word, meant, self.source.span(begin, end)), begin)
        if diag is not None:
            self.glued_last[tok.start_pos] = (diag, meant, word)
        del state.value_stack[-1]
        del state.state_stack[-1]
        # The statement's keyword over the first word's place, the first over the
        # second's, so that every span the tree takes from its tokens starts before it ends.
        line, column, end_line, end_column = first.line, first.column, first.end_line, first.end_column
        state.feed_token(Token(keyword, tok.value, begin, line, column, end_line, end_column, first.end_pos))
        line, column, end_line, end_column = tok.line, tok.column, tok.end_line, tok.end_column
        return Token(first.type, first.value, tok.start_pos, line, column, end_line, end_column, tok.end_pos)

    def kind_plural(self, tok: Token, begin: int, end: int) -> Token | None:
        """`identity users SYSIDS {`, `single users APPS {`, `identity groups SYSIDS {`: a
        declaration's `user` or `group` in the plural, which the lexer read as the keyword
        and a name `s`, before one name and a `{` on its line. The `{` says a group (a
        `user` declaration takes no braces): one error whose help writes `identity group
        SYSIDS {` and whose fix writes `group`, the line read so (`user` taken back and
        `group` fed for the word, the `s` skipped). None otherwise."""
        state = self.parser_state
        text = self.source.text
        written = text[begin:tok.start_pos].lower()
        if written not in ("user", "group") or str(tok.value).lower() != "s" or tok.end_pos != end or state is None:
            return None
        head = text[text.rfind("\n", 0, begin) + 1 : begin].split()
        named = _NAME_THEN_BRACE.match(text, end)
        if len(head) != 1 or head[0].lower() not in ("single", "identity") or named is None:
            return None
        if named.group(1).lower() in self.facts.keywords or not state.value_stack:
            return None
        first = state.value_stack[-1]
        if not (isinstance(first, Token) and is_real(first) and (first.start_pos, first.end_pos) == (begin, tok.start_pos)):
            return None
        span = self.source.span(begin, end)
        self.report(messages.kind_plural(head[0].lower(), text[begin:end], named.group(1), span), begin)
        if written == "user":
            del state.value_stack[-1]
            del state.state_stack[-1]
            group = Token(self.facts.keywords["group"], "group", begin, first.line, first.column, tok.end_line, tok.end_column, end)
            state.feed_token(group)
        self.dropped.add(tok.start_pos)
        return self.retype(tok, _SKIPPED)

    def path_after_letter(self, tok: Token, before: list[str]) -> Token | None:
        """`importt std/zvm73`: a letter after `import`, which the lexer read as the
        module path, then the path on its line. Report the word (one error, whose fix
        writes `import`), and read the path as the module's: the token to go on with,
        the lexer after the path. None when the line does not read so."""
        if tok.type != "IMPORT_PATH" or len(before) != 1 or len(str(tok.value)) != 1 or not str(tok.value).isalpha():
            return None
        found = _PATH_AFTER.match(self.source.text, tok.end_pos)
        if found is None or not self.lexing(tok):
            return None
        begin = tok.start_pos - len(before[0])
        self.report(messages.glued_letter(before[0], str(tok.value), self.source.span(begin, tok.end_pos)), begin)
        start, end = found.span(1)
        line, column = self.source.position(start)
        end_line, end_column = self.source.position(end)
        self._advance(self.parser_state.lexer.state, end)
        return Token("IMPORT_PATH", found.group(1), start, line, column, end_line, end_column, end)

    def check_token(self, tok: Token) -> Token:
        """Called for every token the parse's own lexer reads (parser.py): report
        keywords run together (check_keyword) and a hyphenated keyword written
        without its hyphen; the token to parse on with."""
        self.check_keyword(tok)
        return (
            self.hash_after_keyword(tok)
            or self.statement_below_apart(tok)
            or self.hyphen_missing(tok)
            or self.keyword_label(tok)
            or self.letter_too_many(tok)
            or self.brace_after_whole_statement(tok)
            or self.catalog_member_word(tok)
            or tok
        )

    def level_as_statement(self, ip, tok: Token) -> bool:
        """`type full` (`kind`, `level`, `mode`) on a line of its own in a job: the job's
        kind of backup written as a setting, not `tape` misspelt nor a group whose
        `backup` is missing (messages.level_as_statement). One error; the line skipped."""
        word = str(tok.value)
        if tok.type != "NAME" or word.lower() not in LEVEL_SETTINGS or not self.first_on_line(tok.start_pos):
            return False
        rest = self._line_before_comment(tok.end_pos).split()
        if len(rest) != 1 or rest[0].lower() not in ("full", "incremental"):
            return False
        blocks = [b for b in open_blocks(ip.parser_state.value_stack) if not b.placeholder]
        if not blocks or blocks[-1].kind != "job" or blocks[-1].brace.start_pos is None:
            return False
        text = self.source.text
        backups = [
            (self.source.span(end, end), written)
            for end, written in messages.job_backup_lines(text, blocks[-1].brace.start_pos)
        ]
        begin = text.rfind("\n", 0, tok.start_pos) + 1
        end = self._line_end(tok.start_pos)
        remove = self.source.span(begin, min(end + 1, len(text)))
        written_end = tok.end_pos + len(self._line_before_comment(tok.end_pos).rstrip())
        span = self.source.span(tok.start_pos, written_end)
        self.said_and_skipped(
            ip,
            tok,
            messages.level_as_statement(word, rest[0].lower(), span, backups, remove),
            tok.start_pos,
            written_end,
        )
        return True

    def at_sign_before_time(self, state, previous: Token, tok: Token) -> Diagnostic | None:
        """`run on VMSYS1 daily @ 02:00` (`purge weekly sun @ 06:00`): `@` for `at` before
        the time, read as the schedule's time, the time then a word too many, last on its
        line: one error whose fix removes `@` (and writes the time as HH:MM where it is
        written another way, `@ 2am`), not "remove `02:00`", which kept `@` as the time.
        None elsewhere, and where the time has two readings (`@ 2`)."""
        if str(previous.value) != "@" or tok.start_pos is None or self._line_before_comment(tok.end_pos).strip():
            return None
        word = str(tok.value)
        time = _time_read(word)
        hour = word.isdigit() and len(word) <= 2 and int(word) <= 23  # `@ 2`: an hour alone
        first = self.statement_start(state)
        if not (time or hour) or first is None or first.type not in ("RUN", "PURGE", "PREVIEW") or first.line != tok.line:
            return None
        leaves = [t for v in state.value_stack for t in tokens_of(v) if is_real(t) and t.start_pos is not None]
        often = next((t for t in leaves if t.start_pos >= first.start_pos and t.type in SCHEDULE_KEYWORDS), None)
        if often is None or often.start_pos is None:
            return None
        said = self.said_respelt(often.start_pos, tok.end_pos)
        if said is not None:
            return said  # `dialy @ 02:00`: said whole in the keyword's error, reported once
        days = self._statement_text(often.start_pos, previous.start_pos)
        if time is None:
            # an hour alone: on a 24-hour clock, or in the afternoon (noon or midnight for 12)
            times = [f"{int(word):02d}:00"] + ([f"{(int(word) + 12) % 24:02d}:00"] if 1 <= int(word) <= 12 else [])
        else:
            times = [time]
        written = self.source.span(previous.start_pos, tok.end_pos)
        return messages.at_sign_before_time(days, times, self.span_of(previous), written)

    def level_on_run(self, ip, tok: Token, previous: Token, statement: str) -> Diagnostic | None:
        """`run on VMSYS1 daily 02:00 full`: a level after the `run` statement (`statement`,
        its words before it), last on its line, in a job: messages.level_on_run, with the
        job's `backup` lines (as level_as_statement reads them). None elsewhere."""
        if self._line_before_comment(tok.end_pos).strip():
            return None
        blocks = [b for b in open_blocks(ip.parser_state.value_stack) if not b.placeholder]
        if not blocks or blocks[-1].kind != "job" or blocks[-1].brace.start_pos is None:
            return None
        backups = [
            (self.source.span(end, end), written)
            for end, written in messages.job_backup_lines(self.source.text, blocks[-1].brace.start_pos)
        ]
        return messages.level_on_run(str(tok.value), statement, self.span_of(tok), backups, self.blank_and(previous, tok))

    def catalog_member_word(self, tok: Token) -> Token | None:
        """`catalog shared server BKRSVSFS pool BKRPOOL member VMSYS1` (`at VMSYS1`, `in
        VMSYS1`): the catalog's member named with another word where its `on` is due,
        one name after it to the end of the line. One error whose fix writes `on`
        (messages.catalog_member_word), and the word read as `on` (not a member block
        whose `{` is missing, nor a disk's `at` or a word that is no keyword). `member`
        is read where a statement may start (check_token); `at` and `in`, which fit
        nowhere there, are the parse's error (diagnose). None where it is not so."""
        word = str(tok.value)
        if word.lower() not in ("member", "at", "in") or tok.start_pos is None:
            return None
        text = self.source.text
        begin = text.rfind("\n", 0, tok.start_pos) + 1
        before = text[begin : tok.start_pos].split()
        end = self._line_end(tok.end_pos)
        after = text[tok.end_pos : end].split("#", 1)[0].split()
        # `catalog-node TCTMM at VMSYS1 request-node TRTMM`: the Tape Manager catalog
        # node's member, its options after it (was "expected `on` after `TCTMM`", its
        # help naming every member, without a fix)
        node = len(before) >= 2 and before[-2].lower() == "catalog-node" and len(after) >= 1 and self.node_read()
        # `run at VMSYS1 daily 02:00`, as CP's `AT sysname CMD` names a member (stop 83):
        # the job's members, its schedule after them (was "expected `on` after `run`",
        # the caret at `run`, its help naming every member, without a fix)
        # (not `run at 02:00 on VMSYS1 daily`, a time after `at`: the members follow `on`)
        run = (
            not node
            and [w.lower() for w in before] == ["run"]
            and word.lower() != "member"
            and len(after) >= 1
            and not after[0][:1].isdigit()
            and all(w.lower() != "on" for w in after)
        )
        if not node and not run and (not before or before[0].lower() != "catalog" or any(w.lower() == "on" for w in before)):
            return None
        if (len(after) != 1 and not node and not run) or not _NAME.fullmatch(after[0]) or after[0].lower() in self.facts.keywords:
            return None
        on = self.facts.keywords["on"]
        sim = self.sim_here()
        if sim is None or not sim.fits([on, "NAME"]):
            return None
        line = " ".join([*before[-2:], "on", after[0]] if node else [*before, "on", *after])
        keyword = word.lower() in self.facts.keywords
        what = "catalog node" if node else "`run` statement" if run else "catalog"
        diag = messages.catalog_member_word(word, line, self.span_of(tok), keyword, what)
        self.report(diag, tok.start_pos)
        return self.retype(tok, on)

    def node_read(self) -> bool:
        """Whether the parse has just read a tape manager's `catalog-node` and its name
        (`catalog_member_word`): not two names that spell them (a disk's size and unit,
        `disk at 0 size catalog-node at`, then a `member` block, which reads clean)."""
        state = self.parser_state
        stack = state.value_stack if state is not None else ()
        return (
            len(stack) >= 2
            and isinstance(stack[-2], Token)
            and stack[-2].type == self.facts.keywords["catalog-node"]
        )

    def hash_after_keyword(self, tok: Token) -> Token | None:
        """`retain 30 days#keep a month`, `catalog shared#x server ...`: a keyword with a
        `#` right after it, where it fits. A `#` starts a comment only where a token
        starts; inside a word it is part of the word (`SYS#1`), so `days#keep` is one
        word, no keyword (docs/language.md). Lark's contextual lexer, where it accepts
        no name, reads the keyword at the start of the word and the rest of the line as
        a comment: report the word and read on as `hash_read` says."""
        end = tok.end_pos
        if tok.type not in self.keyword_types or end is None or self.source.text[end : end + 1] != "#":
            return None
        if tok.start_pos in self.hashed or self.inside_word(tok) or not self.lexing(tok):
            return None  # read so already (hash_in_name); a keyword cut from inside a word: check_keyword's
        sim = self.sim_here()
        if sim is None or not sim.fits([tok.type]):
            return None  # out of place: the error there says what it is
        return self.hash_read(tok, tok.type, sim)

    def hash_in_name(self, tok: Token) -> Token | None:
        """`backup APPS full#weekly full`, `run on each#x member ...`: a name with a `#`
        inside, where the state also accepts the keyword before the `#` (Lark's
        contextual lexer reads the whole word as a name there). Where the word does not
        read on as a name, but the keyword does, read it as `hash_read` says (one word,
        no keyword, as wherever no name fits)."""
        text = str(tok.value)
        head = text[: text.index("#")]
        keyword = self.facts.keywords.get(head.lower())
        if keyword is None or tok.type != "NAME" or tok.start_pos is None or not self.lexing(tok):
            return None
        sim = self.sim_here()
        if sim is None or not sim.fits([keyword]):
            return None
        start, split = tok.start_pos, tok.start_pos + len(head)
        words = self.reading(sim, [(head, start), *self.window(tok.end_pos)]) is not None
        if self.reading(sim, [(text, start), *self.window(tok.end_pos)]) is not None and not (
            words and head.islower() and self.first_on_line(start)
        ):
            # a name that reads on (`match#1` in a group body: a user ID); but a keyword
            # in lower case first on its line that starts a statement reading on is that
            # statement (`to#x disk pool P` after an include's addresses, not one more)
            return None
        if not words and self.reading(sim, [(head, start), *self.window(self._line_end(split))]) is None:
            return None  # nor as the keyword, the rest of the word or line left out: another slip
        return self.hash_read(tok, keyword, sim)

    def hash_read(self, tok: Token, type_: str, sim: Sim) -> Token:
        """Report the word at `tok`, a keyword (of type `type_`, which `sim` accepts)
        with a `#` right after it, and the keyword token to read. Where the words after
        it on its line read on after the keyword (`catalog shared#x server BKRSVSFS`,
        `retain#keep 35 days`), they may be the statement's: read them so, the word's
        `#` part left out, and offer no fix. Else the rest of the line is the comment
        meant: the lexer reads it from the `#`, and the fix writes the blank before it."""
        text, start = self.source.text, tok.start_pos
        _begin, word_end = self.word_around(start)
        split = text.index("#", start)
        line_end = self._line_end(split)
        after = [(word, at) for word, at in self.window(word_end) if at < line_end and word]
        ahead = sim.copy()
        if type_ == "IMPORT":  # its path is no NAME: a path on the line reads on
            goes_on = _PATH_STARTS.match(text, word_end, line_end) is not None
        else:
            goes_on = bool(after) and ahead.feed(type_) and self.reading(ahead, after) is not None
        span = self.source.span(start, word_end)
        fix_at = None if goes_on else self.source.span(split, split)
        rest = text[split:line_end].rstrip()
        diag = messages.hash_in_keyword(text[start:word_end], rest, span, fix_at)
        self.report(diag, start)
        self.hashed.add(start)
        if fix_at is not None and self.diagnostics and self.diagnostics[-1] is diag:
            self.hash_comments[start] = (diag, text[start:word_end], rest)
        elif self.diagnostics and self.diagnostics[-1] is diag:
            after_keyword = sim.copy()
            after_keyword.feed(type_)
            accepted = after_keyword.accepts()
            keyword = text[start:split].lower()
            need = messages.follower(keyword, 0) if "NAME" in accepted else self.expected_list(accepted - {"RBRACE", "$END"})
            self.hash_read_on[start] = (diag, text[start:word_end], rest, need)
        end = word_end if goes_on else split
        line_ctr = self.parser_state.lexer.state.line_ctr
        line_ctr.char_pos = end
        line_ctr.column = end - line_ctr.line_start_pos + 1
        return self.keyword_token(tok, text[start:split].lower(), end)

    def letter_too_many(self, tok: Token) -> Token | None:
        """`too disk pool X`: a statement's keyword the lexer took from the start of a word
        one letter longer, where no name may follow the keyword and the line reads on
        after it. Lark would read `to` and a name `o`, then `disk` out of place: one
        error instead, and the word read as the keyword, to its end."""
        if tok.type not in self.keyword_types or tok.start_pos is None:
            return None
        begin, end = self.word_around(tok.start_pos)
        word = self.source.text[begin:end]
        if begin != tok.start_pos or end != tok.end_pos + 1 or not word[-1].isalpha():
            return None
        if word.lower() in self.facts.keywords:
            return None
        sim = self.sim_here()
        if sim is None or not self.lexing(tok) or not sim.fits([tok.type]):
            return None
        if tok.type not in self.statements or not sim.fits(["RBRACE"]):
            return None  # only a statement's keyword, between statements (`each members`: its own message)
        ahead = sim.copy()
        if not ahead.feed(tok.type) or ahead.fits(["NAME"]) or self.reading(ahead, self.window(end)) is None:
            return None
        keyword = str(tok.value).lower()
        span = self.source.span(begin, end)
        self.report(messages.unknown_keyword(messages.shown(word), [keyword], span), begin)
        self.glued.append((begin, end))
        self._advance(self.parser_state.lexer.state, end)
        return self.keyword_token(tok, keyword, end)

    def keyword_label(self, tok: Token) -> Token | None:
        """`private-volume M1PRV1 JOB }`: a last volume label that spells a keyword. In
        a list, the lexer may read it as a keyword of another block (LALR shares the
        state after a name between lists). Read it as a label (a NAME token) when it is
        a valid label, it ends the list (a `}`, the end of the file, or a statement on
        a later line follows) and the words after it read on only so. Where the
        keyword fits (`job` in the cluster block), a word on a line of its own is
        the keyword: `job` alone on the line after `shared-volume V` is a job whose
        name is missing, but `shared-volume V JOB` is two labels."""
        if tok.type not in self.keyword_types or tok.start_pos is None:
            return None
        stack = self.parser_state.value_stack if self.parser_state is not None else None
        listed = self.list_of(stack) if stack is not None else None
        if listed is None or listed[0] != "volume" or not listed[2]:
            return None
        word = str(tok.value)
        if self.word_around(tok.start_pos) != (tok.start_pos, tok.end_pos):
            return None  # a keyword cut from a longer word: check_keyword's
        if not legit_name(word.upper(), "volume", len(listed[2])):
            return None
        sim = self.sim_here()
        if sim is None or not self.lexing(tok) or not sim.fits(["NAME"]):
            return None
        window = self.window(tok.end_pos)
        if not window:
            return None
        after, start = window[0]
        if after not in ("}", "") and (not self.first_on_line(start) or after.lower() not in self.facts.keywords):
            return None
        if after not in ("}", "") and sim.fits([tok.type]) and self.first_on_line(tok.start_pos):
            return None  # `shared-volume V` + `job` alone on the next line: a job without its name
        named = sim.copy()
        rest = self.reading(named, window) if named.feed("NAME") else None
        # A statement of another block on the next line (`job-suffix C` below
        # `shared-volume V JOB` in the cluster block) ends the list as well: it is
        # misplaced, and reported as such (BKR013), not read as the keyword's name.
        following = self.facts.keywords.get(after.lower()) if after not in ("}", "") else None
        misplaced = following in self.statements and not named.fits([following]) and not sim.fits([following])
        # ... but only one the lexer reads as its keyword there: a word no list may be
        # followed by (`import`, `cluster`) is one more label of the list, so the word
        # before it is not the last label (and `bkrc fmt`, which joins the list on one
        # line, would make it the keyword).
        misplaced = misplaced and following in named.states[named.stack[-1]]
        if rest is None and after == "}" and self.brace_balance < 0 and not sim.fits([tok.type]):
            # `shared-volume V1 to }`, then more of the cluster, the file a `}` too many:
            # the keyword would be misplaced (a job reopened around `to` and its value
            # missing before the `}`, two errors); as a label the `}` closes the block
            # early, the one slip, and what follows reopens it (only_inside names the `}`).
            return self.read_as_label(tok, listed[1])
        if not misplaced and (rest is None or (after not in ("}", "") and rest[0] not in self.statements)):
            return None
        ahead = sim.copy()
        if not misplaced and ahead.feed(tok.type) and self.reading(ahead, window) is not None:
            return None  # the keyword reads on too
        return self.read_as_label(tok, listed[1])

    def in_statement_run(self, tok: Token) -> bool:
        """Whether a label before `tok` on its line, in the volume list the parser is in,
        reads like a statement keyword (`retain 30 days`): `tok` is in a run of labels
        that BKR021 warns reads like a statement (bkrdsl.syntax.runon), not a keyword
        written as a label on its own."""
        for value in reversed(self.parser_state.value_stack):
            for t in reversed(list(tokens_of(value))):
                if t.type != "NAME" or t.line != tok.line:
                    return False
                word = str(t.value)
                if word != word.upper() and self.facts.keywords.get(word.lower()) in self.statements:
                    return True
        return False

    def scope_before_statement(self, tok: Token) -> bool:
        """Whether `tok`, `shared` or `local` first on its line, comes before `catalog`
        or `tape` on it: that statement with its two words the other way round."""
        if str(tok.value).lower() not in ("shared", "local") or not self.first_on_line(tok.start_pos):
            return False
        following = _BLANKS_THEN_WORD.match(self.source.text, tok.end_pos)
        return following is not None and following.group(1).lower() in ("catalog", "tape")

    def read_as_label(self, tok: Token, keyword: str) -> Token:
        """`tok`, a keyword read as a volume list's last label (keyword_label): a NAME;
        but a keyword that starts no statement, not in capitals (`sfs` alone on the line
        after `private-volume M2PRV1`), is none (keyword_as_label): reported, and
        marked to be skipped."""
        word = str(tok.value)
        if (
            word.lower() in KEYWORD_PLACE_WORDS
            and word != word.upper()
            and keyword in _VOLUME_LISTS
            and not self.in_statement_run(tok)
        ):
            self.report(messages.keyword_as_label(word, keyword, self.span_of(tok)), tok.start_pos)
            self.dropped.add(tok.start_pos)
            return self.retype(tok, _SKIPPED)
        return self.retype(tok, "NAME")

    def hyphen_missing(self, tok: Token) -> Token | None:
        """`jobsuffix C`, `job_suffix C`, `private volume M1PRV1`, `catalog node TCTMM`:
        a hyphenated keyword written as one word without its hyphen, or as two words.
        Unseen, `private-volume M1PRV1 jobsuffix C` would make `JOBSUFFIX` and `C`
        two more volume labels. Report it (hyphen_judged) and read the keyword, past
        both words."""
        if tok.start_pos is None or tok.type in ("STRING", "LBRACE", "RBRACE", "COMMA"):
            return None
        if not str(tok.value).lower().startswith(self._hyphen_heads):
            return None  # no form of a hyphenated keyword starts so: spare the simulation
        if tok.type == "IMPORT_PATH" and "/" in tok.value:
            # `import pool-wait/site/common`: a folder named like a keyword, in a path
            # the fast parser reads as one (a path that is the keyword alone, `import
            # request-dmm`, is judged below)
            return None
        sim = self.sim_here()
        if sim is None or not self.lexing(tok):
            return None
        found = self.hyphen_judged(tok, sim, self.parser_state.value_stack)
        if found is not None:
            self._advance(self.parser_state.lexer.state, found.end_pos)
        return found

    def hyphen_form(self, tok: Token) -> tuple[str, int, str] | None:
        """(keyword, end, how) when `tok` starts a hyphenated keyword: written whole
        (`spelt`, perhaps cut by the lexer: `job` of `job-suffix`), as one word
        without its hyphen (`joined`: `jobsuffix`, `job_suffix`) or as two (`spaced`)."""
        begin, end = self.word_around(tok.start_pos)
        if begin == tok.start_pos:
            # The whole word: the lexer takes `catalog` from the start of `catalognode`
            # where only keywords may follow.
            word = self.source.text[begin:end].lower()
            if "-" not in word:
                keyword = self._hyphen_joined.get(word.replace("_", ""))
                if keyword is not None:
                    return keyword, end, "joined"
            elif word in self._hyphenated:
                return word, end, "spelt"
            else:
                # `catalogn-ode`: the lexer took `catalog`, and would read `n-ode` as a name.
                # Only as long as the keyword: a longer word may be it and a value run
                # together (`job-suffixC`), which the glue checks read.
                words = messages.did_you_mean(word, [k for k in self._hyphenated if len(k) == len(word)])
                if len(words) == 1:
                    return words[0], end, "misspelt"
        spaced = self.hyphen_spaced(tok)
        return None if spaced is None else (*spaced, "spaced")

    def hyphen_judged(self, tok: Token, sim: Sim, stack) -> Token | None:
        """Where `tok` starts a hyphenated keyword written without its hyphen, or one in
        a block that does not take it: report it, and return the keyword's token (to
        its end), which the parser reads on with, or skips when it does not fit. None
        when the words are read as they stand: two names in a list that reads on
        (`private-volume M1PRV1 SHARED VOLUME }`), a job called SUFFIX (`job suffix {`),
        user IDs in a group body. `sim` and `stack` stand before `tok`."""
        found = self.hyphen_form(tok) if tok.type != "$END" else None
        if found is None:
            return None
        keyword, end, how = found
        fits = sim.fits([self.facts.keywords[keyword]])
        needed = sim.fits(["NAME"]) and not (sim.fits(["RBRACE"]) or sim.fits(["$END"]))
        if how == "spelt" and (fits or needed):
            return None  # the keyword where it fits, or a value the statement needs
        if how == "misspelt":
            # `catalogn-ode`: one hyphenated keyword is close. Where it fits, it is the one
            # meant (read as it, past the word); elsewhere the word is read as it stands.
            if not fits:
                return None
            span = self.source.span(tok.start_pos, end)
            written = messages.shown(self.source.text[tok.start_pos : end])
            self.report(messages.unknown_keyword(written, [keyword], span), tok.start_pos)
            return self.keyword_token(tok, keyword, end)
        blocks = open_blocks(stack)
        if not fits and blocks and blocks[-1].kind == "group_decl":
            return None  # only user IDs (and `match`) stand in a group body
        kind = self.facts.keywords[keyword]
        if (
            not fits
            and sim.fits(["LBRACE", kind])
            and (how == "spelt" or self.body_keyword_meant(keyword, end))
        ):
            # `member VMSYS3`, then `private-volume M3PRV1` below: the block's `{` is
            # missing (mid_statement says so, BKR011, or settings_without_braces on the
            # block's line), as before `workers`; the keyword, the first of the block's
            # body, is not misplaced in the block around it. Written without its hyphen
            # (`job suffix C`, first on its line, no `{` after it: body_keyword_meant), the
            # same one error, found `job suffix`, whose help writes the hyphen too
            # (setting_meant); not a job called SUFFIX without its `{`.
            return None if tok.type == kind else self.keyword_token(tok, keyword, end)
        if how != "spaced":
            if fits:
                return self.hyphen_read(tok, keyword, end)
            if how == "spelt" and self.reopens(sim, stack, keyword):
                return None  # after a `}` too many: misplaced_keyword reopens its block
            if how == "spelt" and sim.fits(["ON", "NAME", self.facts.keywords[keyword]]):
                return None  # `catalog-node TCTMM request-node ...`: its `on MEMBER` is missing
            if how == "spelt" and self.fits_once_finished(sim, keyword):
                # `description`, its text missing, then `private-volume P` in a member:
                # the statement above lacks its value (mid_statement says so), as
                # before any other keyword of the block; the keyword is in its place.
                return None if tok.type == self.facts.keywords[keyword] else self.keyword_token(tok, keyword, end)
            if how == "spelt" and self.brace_missing_before(sim, blocks, tok, keyword):
                # `member VMSYS4 { ...` + `shared-volume VMCOM1` below, at the block's
                # indentation: the member's `}` is missing (misplaced_keyword says so,
                # once the keyword is read as one token)
                if tok.type == self.facts.keywords[keyword]:
                    return None
                return self.keyword_token(tok, keyword, end)
            if how == "spelt" and self.closes_reopened(sim, blocks, keyword):
                # `job SYSFU { }`, its body below, then `shared-volume LABCOM`: the job
                # reopened for that body (only_inside's one BKR013, which moves the `}`)
                # ends before it, as before `disk` (misplaced_keyword closes it silently;
                # was a second BKR013, "cannot appear in a `job` block"; h3, stop 71)
                return None if tok.type == self.facts.keywords[keyword] else self.keyword_token(tok, keyword, end)
            return self.hyphen_misplaced(tok, keyword, end, blocks, stack)
        second = end  # the second word's start: hyphen_spaced found letters only
        while self.source.text[second - 1].isalpha():
            second -= 1
        window = self.window(end)
        words = [str(tok.value), self.source.text[second:end]]
        as_words = self.reading(sim, [(words[0], tok.start_pos), (words[1], second)] + window)
        if as_words is not None and self.legit_names(stack, words, as_words):
            # The two words read as names. In a list, the lexer may have read the first
            # as a keyword of another block (LALR shares the state after a name between
            # lists): `private-volume M1PRV1 JOB SUFFIX }` is three volume labels.
            name = self.retype(tok, "NAME") if as_words[0] == "NAME" and tok.type != "NAME" else None
            if not fits:
                return name
            ahead = sim.copy()
            ahead.feed(self.facts.keywords[keyword])
            if self.reading(ahead, window) is None:
                return name  # `private-volume M1PRV1 SHARED VOLUME }`: no keyword would end so
            listed = self.list_of(stack)
            if listed is not None and listed[0] == "volume":
                # `private-volume M1PRV1 job suffix C`: the keyword, or three labels.
                later = itertools.takewhile(lambda read: read[1] == "NAME", zip(window, as_words[2:]))
                names = [word.upper() for word in [*words, *listed[2], *(text for (text, _), _ in later)]]
                written = " ".join(self.source.text[tok.start_pos : end].split())
                span = self.source.span(tok.start_pos, end)
                self.report(messages.hyphen_names(written, keyword, listed[1], names, span), tok.start_pos)
                return self.keyword_token(tok, keyword, end)
        if fits:
            return self.hyphen_read(tok, keyword, end)
        if not self.fits_in_place(keyword, window):
            return None  # `job suffix` + a new line: a job called SUFFIX without its `{`
        return self.hyphen_misplaced(tok, keyword, end, blocks, stack)

    def closes_there(self, tok: Token, inner: Block, imported: bool = False) -> bool:
        """Whether a statement keyword `tok` that fits only once block `inner` (and those
        in it) is closed says that its `}` is missing there, rather than that it was
        written inside the block: the file lacks a `}`, or `tok` stands at or left of
        the indentation of the block's line (not an `import`, which never fits in a
        block). misplaced_keyword and brace_missing_before judge so alike. A statement
        that brought the file's `}` too many with it (pasted_surplus) was written inside,
        as when the braces balance: without those `}` they do."""
        if self.brace_balance > 0:
            return True
        if self.brace_balance == 0 or self.pasted_surplus(tok) is not None:
            return False  # closed there, the block's own `}` below would close nothing
        return not imported and tok.column is not None and tok.column <= self.indent_column(inner.brace)

    def pasted_surplus(self, keyword: Token) -> Span | None:
        """The `}` the file has too many, when they come right after the `}` of the block
        that the statement at `keyword` opens on its line, on that `}`'s line or alone
        below it: a block copied with its `}` twice (`identity group SYSIDS2 { TCPIP2 } }`,
        a job's `}` and another on the next line). More `}` after them close blocks
        opened before it (the one it was pasted into, below it or on the line:
        `single group APPS { CICSPRD identity group X { T } } }`)."""
        too_many = -self.brace_balance
        if too_many <= 0 or keyword.end_pos is None:
            return None
        text = self.source.text
        on_line = _BRACE_SCAN.finditer(text, keyword.end_pos, self._line_end(keyword.end_pos))
        first = next((b for b in on_line if b.group() in ("{", "}")), None)  # texts, comments stepped over
        end = self._block_end(first.start()) if first is not None and first.group() == "{" else None
        braces: list[int] = []
        while end is not None and len(braces) < too_many and (again := _BRACE_AGAIN.match(text, end)):
            end = again.end()
            braces.append(end - 1)
        if len(braces) < too_many:
            return None
        return self.source.span(braces[0], braces[-1] + 1)

    def pasted_unclosed(self, sim: Sim, path: list[str], tok: Token, inner: Block) -> int | None:
        """Where block `inner` reads on (an offset), when `tok` opens a block pasted
        into it without its own `}` (`member VMSYS3 {` and its settings in the middle
        of a job, the job's statements and `}` below), indented under `inner`'s opening
        line (at or left of it, `inner`'s `}` is missing there): `tok`'s line holds the
        block's opening alone, then come lines that start with a statement only the
        pasted block takes (none: `member VMSYS3 {` alone), then one that starts with a
        statement of the block around it (`to`, or `exclude`, which both take: the
        job's), where it reads on. The `}` the file lacks is the pasted block's, not
        the job's before `tok` (misplaced_keyword would say that, BKR005, and read the
        job's statements below in the pasted block, each misplaced). None otherwise
        (a line that starts with a label, a `}` or another word: as before)."""
        kind = next((k for k, opener in OPENERS.items() if opener[0] == tok.type), None)
        if kind is None or self.brace_balance <= 0 or tok.end_pos is None or tok.column is None:
            return None
        if tok.column <= self.indent_column(inner.brace):
            return None
        opener = list(OPENERS[kind])
        window = self.window(tok.end_pos)
        head = len(opener) - 1
        if len(window) <= head or not self.first_on_line(window[head][1]):
            return None  # more of the block on its line, or the end of the file
        opened = sim.copy()
        if not opened.feeds([*path, tok.type]) or self.reading(opened, window[:head]) != opener[1:]:
            return None
        opened.feeds(opener[1:])
        word, start = window[head]
        while word:
            keyword = self.facts.keywords.get(word.lower())
            if keyword is None or keyword not in self.statements:
                return None
            if sim.fits([keyword]):
                return start
            if not opened.fits([keyword]):
                return None
            following = self.window(self._line_end(start))
            if not following:
                return None
            word, start = following[0]
        return None

    def homes_of(self, keyword: Token) -> tuple[str, ...]:
        """The kinds of block that take the statement `keyword` starts (other_blocks),
        also where it was read as a name (`job` in a group body, _close_edits)."""
        low = str(keyword.value).lower()
        if keyword.type == "NAME" and low in self.facts.keywords:
            keyword = Token(self.facts.keywords[low], low)
        return self.other_blocks(Sim.start(self.lark), keyword, "")

    def written_inside(self, keyword: Token, inner: Block) -> Diagnostic:
        """The statement at `keyword` does not belong in block `inner`, where it was
        written (closes_there), with the `}` too many it brought, if any. The help of a
        statement of the cluster alone (`messages.MOVED_OUT`: `catalog`, `disk`, ...)
        reads the file's statements of its kind (`messages.misplaced_inside`), which a
        region's reading may have blanked: noted as `read_whole_file`, region.py reads the whole file."""
        if str(keyword.value).lower() in messages.MOVED_OUT:
            self.read_whole_file = True
        return messages.misplaced_inside(
            str(keyword.value),
            inner,
            self.span_of(keyword),
            self.span_of(inner.brace),
            homes=self.homes_of(keyword),
            surplus=self.pasted_surplus(keyword),
            text=self.source.text,
        )

    def skip_pasted(self, ip, tok: Token, keyword: Token) -> Token | None:
        """Skip the statement at `keyword`, written inside a block (closes_there), from
        `tok` on, with the `}` too many it brought (pasted_surplus): the block stays
        open for its own `}` below."""
        nxt = self.skip_statement(ip, tok)
        surplus = self.pasted_surplus(keyword)
        if surplus is None or nxt is None or nxt.start_pos != surplus.start:
            return nxt
        return self._lex_at(ip, surplus.end)

    def brace_missing_before(self, sim: Sim, blocks: list[Block], tok: Token, keyword: str) -> bool:
        """Whether `keyword` (starting at `tok`) fits once the inner blocks are closed, and
        their `}` is missing before it (closes_there), as misplaced_keyword judges a
        keyword without a hyphen."""
        real = [b for b in blocks if not b.placeholder]
        if not real or not self.closes_there(tok, real[-1]):
            return False
        for count in range(1, len(blocks) + 1):
            path = closing(sim, count)
            if path is not None and sim.fits(path + [self.facts.keywords[keyword]]):
                return True
        return False

    def closes_reopened(self, sim: Sim, blocks: list[Block], keyword: str) -> bool:
        """Whether `keyword` fits once blocks reopened for statements read after a `}`
        (placeholders, nothing written) are closed, and only those: misplaced_keyword
        then closes them silently, as it does before a keyword without a hyphen."""
        for count in range(1, len(blocks) + 1):
            if not blocks[-count].placeholder:
                return False
            path = closing(sim, count)
            if path is not None and sim.fits(path + [self.facts.keywords[keyword]]):
                return True
        return False

    def fits_once_finished(self, sim: Sim, keyword: str) -> bool:
        """Whether `keyword` fits where the statement under way at `sim` ends, its last
        values filled in (`completion`): it starts the block's next statement."""
        path = completion(sim)
        return bool(path) and sim.fits(path + [self.facts.keywords[keyword]])

    def reopens(self, sim: Sim, stack, keyword: str) -> bool:
        """Whether `keyword`, in a block that does not take it, follows a `}` that
        closed (early: the file has a `}` too many) a block that does: then the `}`
        is the mistake, and misplaced_keyword reads the keyword in that block,
        reopened (`member VMSYS1 { workers 4 } private-volume M1PRV1 }`)."""
        if self.brace_balance >= 0:
            return False
        closed = last_closed(stack, self.source, past_declarations=True)
        return closed is not None and sim.fits([*OPENERS[closed[0].kind], self.facts.keywords[keyword]])

    def window(self, start: int) -> list[tuple[str, int]]:
        """The words and punctuation after offset `start`, to the end of its line and the
        first on the next line (at most 8): (text, offset); `""` is the end of the file."""
        text = self.source.text
        line_end = self._line_end(start)
        found: list[tuple[str, int]] = []
        pos = start
        while len(found) < 8:
            pos = _GAP.match(text, pos).end()
            if pos >= len(text):
                found.append(("", pos))
                break
            char = text[pos]
            if char in _PUNCTUATION:
                found.append((char, pos))
                end = pos + 1
            elif char == '"':
                found.append(('"', pos))
                end = _STRING.match(text, pos).end()
            else:
                match = _NAME.match(text, pos)
                if match is None:
                    break
                found.append((match.group(), pos))
                end = match.end()
            if pos > line_end:
                break
            pos = end
        return found

    def reading(self, sim: Sim, words: list[tuple[str, int]]) -> list[str] | None:
        """The types of `words` read one by one after `sim` as the lexer would read them
        (Lark's contextual lexer, then name_token), or None when one does not fit."""
        sim = sim.copy()
        types = []
        for text, start in words:
            if not text:
                type_ = "$END"
            elif text in _PUNCTUATION:
                type_ = _PUNCTUATION[text]
            elif text == '"':
                type_ = "STRING"
            else:
                keyword = self.facts.keywords.get(text.lower())
                type_ = keyword or "NAME"
                if (keyword is None or not sim.fits([keyword])) and sim.fits(["NAME"]):
                    type_ = "NAME"
                    if (
                        keyword in self.statements
                        and self.first_on_line(start)
                        and not (sim.fits(["RBRACE"]) or sim.fits(["$END"]))
                    ):
                        type_ = keyword  # name_token: the start of the next statement
                if not sim.fits([type_]) and sim.fits(["IMPORT_PATH"]):
                    type_ = "IMPORT_PATH"  # after `import`, any word is its path
            if not sim.feed(type_):
                return None
            types.append(type_)
        return types

    def setting_meant(self, found: Token) -> str | None:
        """`job-suffix C` for `found`, a keyword of a block's body where the block's `{` is
        missing before it, written without its hyphen (`job suffix`, `jobsuffix`) or spelt
        with its value missing (`job-suffix` alone): the statement as meant, its values as
        written on its line (unquoted), `S` (`VOL`) where none is; None for a keyword
        spelt with its value, or another token."""
        if found.type not in self.keyword_types or found.start_pos is None or found.end_pos is None:
            return None
        keyword = self.facts.texts.get(found.type, "").strip("`")
        if "-" not in keyword:
            return None
        if str(found.value).lower() == keyword:
            window = self.window(found.end_pos)
            after = window[0][0] if window else ""
            if after not in ("}", "") and after.lower() not in self.facts.keywords:
                return None  # its value is there
        self.written_in_open.add(found.start_pos)
        rest = self.source.text[found.end_pos : self._line_end(found.end_pos)].split("#")[0].split("}")[0].split()
        values = [word.strip('"') for word in rest if word.strip('"')]
        return f"{keyword} {' '.join(values) or _SETTING_PLACEHOLDERS.get(keyword, '...')}"

    def body_keyword_meant(self, keyword: str, end: int) -> bool:
        """Whether the hyphenated `keyword`, written without its hyphen first on the line
        under a block's name that lacks its `{` (`member M`, then `job suffix C`), is the
        block's setting meant: its statement reads whole so, or, where it does not (its
        value missing, quoted or one too many: `job suffix`, `job suffix "C"`), no `{` on
        its line makes it a block's name (`job suffix {`, a job called SUFFIX)."""
        window = self.window(end)
        if self.fits_in_place(keyword, window):
            return True
        return all(text != "{" for text, _ in self.same_line(window))

    def fits_in_place(self, keyword: str, window: list[tuple[str, int]]) -> bool:
        """Whether `keyword` and the rest of its line, as far as it fits, read as a
        whole statement (or option) in its own place (`job-suffix C` in a member
        block; not `job-suffix` alone, a job called SUFFIX without its `{`)."""
        return self.reads_whole(hyphenated_place(self.lark, keyword), self.facts.keywords[keyword], window)

    def reads_elsewhere(self, tok: Token, keyword: str, window: list[tuple[str, int]]) -> bool:
        """Whether the statement keyword `keyword` (a type), which `tok` spells, and the
        rest of its line read as a whole statement in some block (OPENERS) but the
        one the parser is in (`retain 30 days`, an expire block's), and the words are
        no names of the list before them (`RETAIN` a volume label). A `}` on the line
        ends the list: the words before it are weighed, as when it is on the next
        line (`retain 30 days }` in a member block is three more labels, BKR021)."""
        listed = self.list_of(self.parser_state.value_stack)
        words = [str(tok.value)]
        for text, _ in self.same_line(window):
            if text == "}":
                break
            words.append(text)
        if listed is not None and all(
            legit_name(word, listed[0], len(listed[2]) + i) for i, word in enumerate(words)
        ):
            return False
        start = Sim.start(self.lark)
        for opener in OPENERS.values():
            for path in (opener, OPENERS["cluster"] + opener):
                sim = start.copy()
                if sim.feeds(path) and sim.fits([keyword]) and self.reads_whole(sim, keyword, window):
                    return True
        return False

    def reads_whole(self, sim: Sim, keyword: str, window: list[tuple[str, int]]) -> bool:
        """Whether `keyword` (a type) and the rest of its line, as far as it fits, read
        after `sim` as a whole statement (or option)."""
        sim = sim.copy()
        sim.feed(keyword)
        for word in self.same_line(window):
            read = self.reading(sim, [word])
            if read is None:
                break  # what follows is another statement, or another mistake
            sim.feed(read[0])
        return sim.fits(["RBRACE"]) or sim.fits(["$END"])

    def list_of(self, stack) -> tuple[str, str, list[str]] | None:
        """(kind, keyword, names so far) of the list of names the parser is in, when it
        is a list of volume labels, minidisk addresses or SFS paths."""
        names: list[str] = []
        for value in reversed(stack):
            for tok in reversed(list(tokens_of(value))):
                if tok.type in self._lists:
                    return self._lists[tok.type], str(tok.value).lower(), names[::-1]
                if tok.type != "NAME":
                    return None
                names.append(str(tok.value))
        return None

    def legit_names(self, stack, words: list[str], read: list[str]) -> bool:
        """Whether `words`, those of them `read` (their types) makes names, could be
        names of the list the parser is in: `SHARED` is a volume label, `PRIVATE`
        (7 characters) is not, nor is `JOB` a minidisk address."""
        listed = self.list_of(stack)
        kind, count = (listed[0], len(listed[2])) if listed is not None else (None, 0)
        return all(
            legit_name(word, kind, count + i)
            for i, (word, type_) in enumerate(zip(words, read))
            if type_ == "NAME"
        )

    def hyphen_spaced(self, tok: Token) -> tuple[str, int] | None:
        """(keyword, end of its second word) when `tok` and the word after it on its
        line are a hyphenated keyword's two halves (`job suffix`)."""
        seconds = self._hyphen_parts.get(str(tok.value).lower())
        if not seconds or tok.end_pos is None:
            return None
        m = _BLANKS_THEN_WORD.match(self.source.text, tok.end_pos)
        if m is None or m.group(1).lower() not in seconds:
            return None
        return seconds[m.group(1).lower()], m.end(1)

    def hyphen_misplaced(self, tok: Token, keyword: str, end: int, blocks: list[Block], stack) -> Token:
        """Report `tok` (to `end`), `keyword` with or without its hyphen, where that
        keyword does not belong (`job suffix C` in a cluster block); the keyword's
        token, which does not fit, so that the statement is skipped (diagnose). The
        help's example names the file's first member read so far (`first_member`)."""
        written = " ".join(self.source.text[tok.start_pos : end].split())
        if blocks:
            where = messages.in_block(blocks[-1].kind)
            if blocks[-1].kind == "cluster" and keyword in messages.TAPE_OPTIONS:
                where = "a `cluster` block outside `tape manager`"
            elif blocks[-1].kind == "cluster" and keyword in messages.CATALOG_OPTIONS:
                where = "a `cluster` block outside `catalog`"
            brace = None if blocks[-1].placeholder else (blocks[-1].title, self.span_of(blocks[-1].brace))
        else:
            where, brace = "the top level of a file", None
        span = self.source.span(tok.start_pos, end)
        member = first_member(stack)
        rest = self.source.text[end : self._line_end(end)]
        text = None
        if written == keyword and keyword in messages.MOVED_OUT:
            # `shared-volume LABCOM` in a block: the help reads the file's other
            # shared volumes (`messages._cluster_twin`), as written_inside's
            self.read_whole_file = True
            text = self.source.text
        diag = messages.hyphenated_misplaced(written, keyword, where, span, brace, member, rest, text)
        closed = last_closed(stack, self.source, past_declarations=True) if not blocks and self.brace_balance == 0 else None
        if closed is not None and closed[0].kind == "cluster" and messages.STATEMENT_HOMES.get(keyword) == ("cluster",):
            # `shared-volume LABCOM` just below the cluster's own `}`: closed early, as
            # only_inside says of `disk` there (was "cannot appear in the top level of a
            # file", its example `shared-volume VMCOM1`)
            below = messages.only_inside(keyword, "cluster", span, closed, False, text=self.source.text)
            if below.fix is not None:
                diag = below
        if keyword in messages.TAPE_OPTIONS:
            self.catalog_above_tape_line(tok)
        self.report(diag, tok.start_pos)
        self.misplaced_at[tok.start_pos] = self.values_end(keyword, end)
        return self.keyword_token(tok, keyword, end)

    def catalog_above_tape_line(self, tok: Token) -> None:
        """`c` (or `cat`, `catalo`) read as `catalog` right above `tok`, an option of
        `tape manager` misplaced first on its line (`catalog-dmm TCDMM ...` below where
        `tape manager ...` was): the word's BKR012 loses the fix that wrote `catalog`,
        which left this line's BKR013 (`messages.catalog_above_tape_line`; the fast
        parser's `_option_as_scope`)."""
        text = self.source.text
        for start, (diag, words) in list(self.respelt.items()):
            if words != ["catalog"] or not _GAP.fullmatch(text, diag.span.end, tok.start_pos):
                continue
            bare = messages.catalog_above_tape_line(diag)
            self.diagnostics[:] = [bare if d is diag else d for d in self.diagnostics]
            self.respelt[start] = (bare, words)

    def values_end(self, keyword: str, end: int) -> int:
        """Where the values after `keyword` (ending at `end`) end on its line, read as
        in the keyword's own place: `TCTMM on VMSYS1` after `catalog-node`."""
        sim = hyphenated_place(self.lark, keyword)
        sim.feed(self.facts.keywords[keyword])
        for text, start in self.same_line(self.window(end)):
            read = self.reading(sim, [(text, start)])
            if read is None or read[0] in self.statements or read[0] in _NOT_VALUES:
                break
            sim.feed(read[0])
            end = start + len(text)
        return end

    def same_line(self, window: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """The tokens of `window` on its first token's line, without the end of the file."""
        if not window:
            return []
        line_end = self._line_end(window[0][1])
        return [(word, start) for word, start in window if start < line_end and word]

    def hyphen_read(self, tok: Token, keyword: str, end: int) -> Token:
        """Report `tok` (to `end`) as `keyword` without its hyphen; the keyword's token."""
        text = self.source.text
        written = " ".join(text[tok.start_pos : end].split())
        self.report(messages.hyphen_missing(written, keyword, self.source.span(tok.start_pos, end)), tok.start_pos)
        return self.keyword_token(tok, keyword, end)

    def keyword_token(self, tok: Token, keyword: str, end: int) -> Token:
        """The token of `keyword` over `tok`'s start to offset `end`, on `tok`'s line."""
        start = tok.start_pos
        found = Token(self.facts.keywords[keyword], self.source.text[start:end], start, tok.line, tok.column)
        found.end_line, found.end_column, found.end_pos = tok.line, tok.column + end - start, end
        return found

    def check_keyword(self, tok: Token) -> None:
        """Called for every token the lexer reads (parser.py): report a keyword the
        lexer took from inside a word, after another (`catalog sharedserver` reads as
        `shared server`, `tapemanager` as `tape manager`), where Lark's contextual
        lexer accepts no name. The parse goes on as read."""
        if tok.type not in self.keyword_types or not self.inside_word(tok):
            return
        begin, end = self.word_around(tok.start_pos)
        before = self.keyword_pieces(self.source.text[begin : tok.start_pos])
        rest = self.source.text[tok.start_pos : end]
        sim = self.sim_here()
        pieces = self.glue_pieces(rest, sim, 1) if sim is not None else None
        if before is None:
            before = [self.source.text[begin : tok.start_pos]]
        self.report_glued(begin, end, before + (pieces or [rest]))

    def lexing(self, tok: Token) -> bool:
        """Whether `tok` is being read by the parse's own lexer now (not peeked at on a
        copy of its state by recovery): its position is where the lexer stands."""
        state = self.parser_state
        return state is not None and state.lexer.state.line_ctr.char_pos == tok.end_pos

    def run_together(self, tok: Token) -> Token | None:
        """A whole word read as a name that is keywords run together which fit here
        (`run on eachmember`, `single user A` then `singlegroup G {`, `excludeminidisk`
        after the addresses of an include): report it, and read its first keyword; the
        lexer goes on from the end of that keyword, as if a blank stood there."""
        text = str(tok.value)
        keywords = self._glue_shape.match(text) is not None  # first: this runs for every name
        if not keywords and self._keyword_start.match(text) is None:
            return None
        if tok.type != "NAME" or tok.start_pos is None or not self.lexing(tok):
            return None
        if text.lower() in self.facts.keywords or text.lower().replace("_", "") in self._hyphen_joined:
            return None  # a keyword, or one without its hyphen (`jobsuffix`: hyphen_missing)
        sim = self.sim_here()
        pieces = self.glue_pieces(text, sim, 2) if keywords else None
        value = pieces is None and (not sim.fits(["NAME"]) or text.lower().startswith(self._hyphenated))
        if value:
            # A keyword and its value (`run on M daily01:00`) where no name may stand, or
            # after a hyphenated keyword, which no value starts with (`job-suffixA`).
            pieces = self.glue_pieces(text, sim, 1)
            if pieces is not None and len(pieces) < 2:
                pieces = None  # one keyword's beginning (`membe`): a misspelling, for diagnose
        if pieces is None:
            return self.run_together_swapped(tok, sim) if keywords else None
        start = tok.start_pos
        self.report_glued(start, start + len(text), pieces, value=value)
        size = len(pieces[0])
        line_ctr = self.parser_state.lexer.state.line_ctr
        line_ctr.char_pos = start + size
        line_ctr.column = line_ctr.char_pos - line_ctr.line_start_pos + 1
        return self.keyword_token(tok, pieces[0].lower(), start + size)

    def run_together_swapped(self, tok: Token, sim: Sim) -> Token | None:
        """`onrun VMSYS1 daily 02:00` in a job: a statement's keyword and the keyword
        that follows it run together the other way round, where no name may stand and
        the line reads on only as `run on` (glued_swapped, where the lexer split the
        word, is `onexpire` after a catalog's `on M`). One error whose fix writes the
        two in order; the statement's keyword is fed over the word's first part, and
        the other, returned, over its second, the lexer at the word's end. None
        otherwise."""
        text = str(tok.value)
        pieces = self.keyword_pieces(text)
        if pieces is None or len(pieces) != 2 or sim.fits(["NAME"]):
            return None
        second, first = (self.facts.keywords[p.lower()] for p in reversed(pieces))
        if second not in self.statements:
            return None
        start, end = tok.start_pos, tok.end_pos
        after = self.source.text[end : self._line_end(end)].split("#", 1)[0]
        following = [_PUNCTUATION.get(w) or self.facts.keywords.get(w.lower(), "NAME") for w in _WORDS.findall(after)]
        if not sim.fits([second, first, *following[:1]]):
            return None
        meant = f"{pieces[1]} {pieces[0]}"
        diag = self.report(messages.glued_swapped(text, meant, self.span_of(tok)), start)
        self.glued.append((start, end))
        split = start + len(pieces[0])
        if diag is not None:
            self.glued_last[split] = (diag, meant, text)
        state = self.parser_state
        head = Token(second, pieces[1], start, tok.line, tok.column)
        head.end_line, head.end_column, head.end_pos = tok.line, tok.column + len(pieces[0]), split
        state.feed_token(head)
        rest = Token(first, pieces[0], split, tok.line, tok.column + len(pieces[0]))
        rest.end_line, rest.end_column, rest.end_pos = tok.line, tok.end_column, end
        return rest

    def number_glued(self, tok: Token) -> Token | None:
        """`workers 4private-volume M1PRV1`: a number run together with the keyword
        after it, which the lexer reads as one name (a name may hold a `-`). Where the
        keyword fits after the number, as the keyword (not as a name: `size 10at`), and
        the line reads on only so, report it (with
        the blank as its fix: the split is certain), and read the number; the lexer
        goes on from the keyword, as if a blank stood there."""
        text = str(tok.value)
        if not text[:1].isdigit():  # first: this runs for every name
            return None
        found = _NUMBER_THEN_WORD.fullmatch(text)
        if found is None or found.group(2).lower() not in self.facts.keywords:
            return None
        if tok.type != "NAME" or tok.start_pos is None or not self.lexing(tok):
            return None
        sim = self.sim_here()
        number, keyword = found.groups()
        start, split = tok.start_pos, tok.start_pos + len(number)
        window = self.window(tok.end_pos)
        if self.reading(sim, [(text, start), *window]) is not None:
            return None  # the word reads on as a name (a volume `1DISK`)
        read = self.reading(sim, [(number, start), (keyword, split), *window])
        if read is None or read[1] != self.facts.keywords[keyword.lower()]:
            return None  # `size 10at`: a unit, a name, follows a size; `at` would be no keyword there
        return self.read_head(tok, number, messages.number_glued(text, number, keyword, self.span_of(tok)))

    def name_glued(self, tok: Token) -> Token | None:
        """`catalog shared server BKRSVSFSpool BKRPOOL`: a name run together with the
        keyword after it, which the lexer reads as one name. The split is certain only
        where the case changes (a name in capitals, the keyword in small letters: a
        user `LINUXON`, a pool `DISKPOOL` or a group `APPSFULL` whose kind is missing
        are not cut), the head is a valid name here, the keyword fits after it (as the
        keyword, not as a name: `size TENat`), and the line reads on only so; then report it (with the blank as its fix) and read the
        name; the lexer goes on from the keyword, as if a blank stood there."""
        text = str(tok.value)
        if not text[-1:].islower():  # first: this runs for every name
            return None
        found = _NAME_THEN_WORD.fullmatch(text)
        if found is None or found.group(2) not in self.facts.keywords:
            return None
        if tok.type != "NAME" or tok.start_pos is None or not self.lexing(tok):
            return None
        name, keyword = found.groups()
        if _NAME.fullmatch(name) is None:
            return None
        sim = self.sim_here()
        if not self.legit_names(self.parser_state.value_stack, [name], ["NAME"]):
            return None  # `BKRSVSFSXYZpool`: too long for a z/VM name, so not surely one
        start, split = tok.start_pos, tok.start_pos + len(name)
        window = self.window(tok.end_pos)
        if self.reading(sim, [(text, start), *window]) is not None:
            return None  # the word reads on as a name
        read = self.reading(sim, [(name, start), (keyword, split), *window])
        if read is None or read[1] != self.facts.keywords[keyword]:
            return None  # `size TENat`: a unit, a name, follows a size; `at` would be no keyword there
        return self.read_head(tok, name, messages.name_glued(text, name, keyword, self.span_of(tok)))

    def read_head(self, tok: Token, head: str, diag: Diagnostic) -> Token:
        """Report `diag` for `tok`, a word run together with the keyword after `head`,
        and read `head` alone: the lexer goes back to the keyword's start, as if a
        blank stood there (number_glued, name_glued)."""
        start = tok.start_pos
        split = start + len(head)
        self.report(diag, start)
        self.glued.append((start, tok.end_pos))
        line_ctr = self.parser_state.lexer.state.line_ctr
        line_ctr.char_pos = split
        line_ctr.column = split - line_ctr.line_start_pos + 1
        read = Token("NAME", head, start, tok.line, tok.column)
        read.end_line, read.end_column, read.end_pos = tok.line, tok.column + len(head), split
        return read

    def reread_statement(self, ip, tok: Token, *, commas: bool) -> tuple[bool, Token | None]:
        """Re-read the end of the current statement with one edit, when that makes `tok` fit.

        Two edits are tried on the last few entries of the parse stack (their tokens
        are all kept while parsing): a name that spells a keyword is read as that
        keyword after an assumed value (`on VMSYS1, daily 02:00`: the name after `,`
        is missing; `purge weekly 06:00 retain 30 days`: the day is missing), and a
        `,` is assumed between two names on one line (`run on VMSYS1 VMSYS2`)."""
        return self.reread(ip, tok, lambda leaves, blocks: self._edits(leaves, tok, commas, blocks))

    def reread_next_statement(self, ip, tok: Token) -> tuple[bool, Token | None]:
        """`purge weekly sun, 03:00` + newline + `retain days 35`: the `,` made `03:00` a day
        and `retain` the time, and `days` fits nowhere. When a name that spells a keyword
        starts the line `tok` is on, right before it, and reads as that keyword after an
        assumed value, the statement before it is re-read so (its slip reported), and
        `tok` is diagnosed again as the next statement's own slip. A word there that
        spells no keyword (`keep 35 days`) and is no time is re-read the same way, the
        time assumed (word_read_as_time), and then read again itself, as the first word
        of the next statement."""
        word = self.word_read_as_time(ip, tok.line)
        if (
            word is not None
            and str(word.value).lower() not in self.facts.keywords
            and self.lexing(tok)
            and self.time_left_out(ip, word)
        ):
            return True, None
        keyword = self.keyword_read_as_time(ip, tok)
        done, nxt = self.reread(
            ip, tok, lambda leaves, blocks: self._next_statement_edits(leaves, tok, keyword), ahead=True
        )
        if (
            done
            and tok.type in self.keyword_types
            and {tok.type, "NAME"} & self.accepts(ip) == {"NAME"}
            and self.hyphen_spaced(tok) is None
        ):
            # lexed after the time it seemed to be; read now as the lexer reads it here
            # (`retain days`: a name, which swapped_back takes for `35 days` swapped); not
            # a hyphenated keyword's first half (`retain job suffix days`: hyphen_judged
            # says it, as after `retain` with no slip before it)
            nxt = self.retype(tok, "NAME")
        return done, nxt

    def word_read_as_time(self, ip, line: int | None) -> Token | None:
        """`purge weekly sun, 03:00` (or `purge weekly sun`) + newline + `keep 35 days`:
        the word read last, which starts line `line`, where the parse has just failed
        (or is on it right after a time a `,` made a day: `purge weekly sun, 03:00 keep
        35 days`; or spells a statement's first keyword on it: `purge weekly sun retain
        = 35 days`), read as the schedule's time. A time starts with a digit (`03:00`, `2am`): a word
        that starts with a letter and names no time is no time, but the next
        statement's first word, the time missing before it (time_left_out). None
        where this is not so."""
        stack = ip.parser_state.value_stack
        word = stack[-1] if stack else None
        if not (isinstance(word, Token) and word.type == "NAME" and is_real(word)):
            return None
        text = str(word.value)
        before = last_real_token(stack[:-1])
        if (
            word.line != line
            or not (
                self.first_on_line(word.start_pos)
                or self.next_after_time_read_as_day(before, word)
                or self.starts_statement(word)
            )
            or not text[:1].isalpha()
            or messages.phrase_time(text) is not None
        ):
            return None
        keyword, names = self.governing_keyword(stack)
        if keyword is None or not is_real(keyword):
            return None
        # the time: `daily` TIME, `weekly` DAYS TIME, `monthly` DAY TIME, `monthly` ORDINAL DAY TIME
        ordinal = len(names) == 3 and names[0].lower() in ORDINALS
        times = {"DAILY": len(names) == 1, "WEEKLY": len(names) >= 2, "MONTHLY": len(names) == 2 or ordinal}
        return word if times.get(keyword.type, False) else None

    def time_left_out(self, ip, word: Token) -> bool:
        """Re-read the schedule `word` was read as the time of (word_read_as_time)
        with the time assumed before it, reported missing (after a `,`, the last day
        is the time: `Recovery.time_after_comma`), and move the lexer back to the
        word's start, on the line where the parse failed: the word is read again
        where the next statement starts, as it is without the slip before it
        (`keep`: misspelt; `retain35`: a keyword and its value run together), and a
        mistake there is news, no cascade of this one."""
        # reported where the time is missing: at the end of the token before the word
        previous = last_real_token(ip.parser_state.value_stack[:-1])
        at = previous.end_pos if previous is not None else word.start_pos - 1
        done, _ = self.reread(ip, word, lambda leaves, blocks: self._time_left_out_edits(leaves, word, at), ahead=True)
        if not done:
            return False
        line_ctr = ip.lexer_thread.state.line_ctr
        line_ctr.char_pos = word.start_pos
        line_ctr.column = word.start_pos - line_ctr.line_start_pos + 1
        self._fed_error_token = True
        return True

    def _time_left_out_edits(self, leaves: list[Token], word: Token, at: int):
        """The schedule's time assumed before `word`, its absence reported at offset `at`."""
        if not leaves or leaves[-1] is not word:
            return
        yield _Edit(
            leaves[:-1],
            [_fake("NAME", word)],
            [],
            lambda ip: self.report_missing(ip, "NAME", self.accepts(ip), word, at=at),
        )

    def keyword_read_as_time(self, ip, tok: Token) -> Token | None:
        """`purge weekly sun retain days 35`, `purge daily retain days 35`: the word read
        as a schedule's time (word_read_as_time) on the line of `tok`, where the parse has
        just failed, that spells the first keyword of a statement. The time was left
        out, and the word is the next statement's, as first on the next line: it is
        re-read so (_next_statement_edits), `tok` its statement's own slip."""
        word = self.word_read_as_time(ip, tok.line)
        return word if word is not None and self.starts_statement(word) else None

    def starts_statement(self, word: Token) -> bool:
        """Whether `word` spells the first keyword of a statement (`retain`, `purge`)."""
        return self.facts.keywords.get(str(word.value).lower()) in self.statements

    def _next_statement_edits(self, leaves: list[Token], tok: Token, read_as_time: Token | None = None):
        """The edits that read `leaves`' last word, which spells a statement's first
        keyword and was read as a value (a schedule's time), as that keyword after the
        value assumed: where it starts the line of `tok`, follows a time read as a day
        on it (after_time_read_as_day), or is `read_as_time` (keyword_read_as_time)."""
        if not leaves:
            return
        word = leaves[-1]
        if (
            word.type != "NAME"
            or not is_real(word)
            or word.line != tok.line
            or not (
                self.first_on_line(word.start_pos)
                or self.after_time_read_as_day(leaves[:-1])
                or word is read_as_time
            )
            or str(word.value).lower() not in self.facts.keywords
        ):
            return
        for edit in self._keyword_edits(leaves, tok):
            if not edit.after and edit.inserted and edit.inserted[-1].start_pos == word.start_pos:
                yield edit

    def after_time_read_as_day(self, leaves: list[Token]) -> bool:
        """Whether the last of `leaves` is a time read as a day: one more day a `,` made
        it (`weekly sun, 03:00`), or the day itself, the day left out right before it
        (`weekly 03:00`, `monthly 03:00`). The word after it, on its line too, was read
        as the time, and may be the next statement's first word (`purge weekly sun,
        03:00 retain days 35`, `purge weekly 03:00 retain days 35`)."""
        time = leaves[-1] if leaves else None
        return (
            time is not None
            and time.type == "NAME"
            and is_real(time)
            and messages.looks_like_time(str(time.value))
            and (self.comma_before(time) is not None or self.day_left_out_before(time))
        )

    def next_after_time_read_as_day(self, time: Token | None, word: Token) -> bool:
        """Whether `word`, on the line of `time` right after it, may start the next
        statement, `time` read as a day (after_time_read_as_day); not a day of the week
        after a time that follows `weekly` (`weekly 03:00 sun`: the day written after
        the time, not left out)."""
        if time is None or not self.after_time_read_as_day([time]):
            return False
        return not (messages.looks_like_day(str(word.value)) and self.day_left_out_before(time))

    def day_left_out_before(self, tok: Token) -> bool:
        """Whether `tok` follows `weekly` or `monthly` on its line, as their day does
        (`weekly 03:00`: a time there is read as the day, the day left out)."""
        if tok.start_pos is None:
            return False
        text = self.source.text
        start = text.rfind("\n", 0, tok.start_pos) + 1
        before = text[start : tok.start_pos].split()
        return bool(before) and before[-1].lower() in ("weekly", "monthly") and text[tok.start_pos - 1] in " \t"

    def reread(self, ip, tok: Token, edits, ahead: bool = False) -> tuple[bool, Token | None]:
        """Re-read the end of the current statement with the first of `edits(leaves,
        blocks)` after which `tok` fits (leaves: the tokens of the last stack entries);
        `ahead`: after which the edit reads, `tok` to be diagnosed again after it."""
        state = ip.parser_state
        stack = state.value_stack
        blocks = open_blocks(stack)
        later: list[Token] = []
        for i in range(len(stack) - 1, max(len(stack) - 5, -1), -1):
            value = stack[i]
            if isinstance(value, Token) and value.type in ("LBRACE", "RBRACE"):
                break
            if isinstance(value, Tree) and value.data in OPENERS:
                break
            leaves = list(tokens_of(value)) + later
            if len(leaves) > 200:  # a long block body: not worth re-reading
                break
            before = Sim(state.parse_conf, state.state_stack[: i + 1])
            for edit in edits(leaves, blocks):
                if before.fits([t.type for t in edit.before + edit.inserted + edit.after] + ([] if ahead else [tok.type])):
                    del stack[i:]
                    del state.state_stack[i + 1 :]
                    for t in edit.before:
                        self.feed(ip, t)
                    edit.report(ip)
                    if edit.written_inside is not None:
                        return True, self.skip_pasted(ip, tok, edit.written_inside)
                    for t in edit.inserted + edit.after:
                        self.feed(ip, t)
                    return True, tok
            later = leaves
        return False, None

    def _edits(self, leaves: list[Token], tok: Token, commas: bool, blocks: list[Block]):
        if commas:
            yield from self._comma_edits(leaves, tok)
            return
        yield from self._keyword_edits(leaves, tok)
        if blocks and not blocks[-1].placeholder:
            yield from self._close_edits(leaves, tok, blocks[-1])

    def _close_edits(self, leaves: list[Token], tok: Token, block: Block):
        """`single group APPS { LINUX01` + newline + `identity group SYS {`: the group
        body read the next declaration as user IDs; its `}` is missing before it. The
        keyword may be the body's first word (`single group APPS {` + newline + `job J {`:
        the body empty), with no leaf before it: the `{` is then the stack entry below.
        The first such line is where the `}` is missing, not the last: the lines after it
        read as user IDs too (`disk BKRBKUP 191 size 10 cyl`, until a `{` cannot).
        On the line of `tok`, which no user ID reads, the keyword may follow IDs (a group
        pasted on the body's own line: `single group APPS { CICSPRD identity group X {`).
        When the file's braces balance, the group's own `}` is below: the declaration
        (or block) was pasted into the body, and is misplaced there (closes_there)."""
        for k in range(len(leaves)):
            word = leaves[k]
            if not (word.type == "NAME" and is_real(word) and str(word.value).lower() in self.facts.keywords):
                continue
            starts_line = self.first_on_line(word.start_pos) and not (k and leaves[k - 1].line == word.line)
            if not (starts_line or word.line == tok.line):
                continue
            rest = [
                self.retype(t, self.facts.keywords[str(t.value).lower()])
                if t.type == "NAME" and str(t.value).lower() in self.facts.keywords
                else t
                for t in leaves[k:]
            ]
            if rest and rest[0].type == "EXPIRE":
                rest = self._commas_after_on(rest)
            inside = not self.closes_there(word, block)
            if inside:
                diag = self.written_inside(word, block)
            else:
                diag = messages.not_closed_before(
                    str(word.value), [(block, self.span_of(block.brace))], self.span_of(word), starts_line, self.source
                )
            yield _Edit(
                leaves[:k],
                [_fake("RBRACE", word)],
                rest,
                lambda ip, diag=diag, at=word.start_pos: self.report(diag, at),
                written_inside=word if inside else None,
            )

    @staticmethod
    def _commas_after_on(rest: list[Token]) -> list[Token]:
        """`expire on DEV1 DEV2` read as user IDs in a group body, then `{`: the members
        after `on`, written without their commas, with a `,` assumed between each two on
        one line, so that the block re-reads as its opening and is said misplaced once
        (its members' list is the expire block's to judge where it is moved to)."""
        out = list(rest[:2])
        for t in rest[2:]:
            last = out[-1]
            if t.type == "NAME" and last.type == "NAME" and last.line == t.line and out[1].type == "ON":
                out.append(_fake("COMMA", t))
            out.append(t)
        return out

    def _keyword_edits(self, leaves: list[Token], tok: Token):
        for k in range(len(leaves) - 1, -1, -1):
            word = leaves[k]
            if word.type != "NAME" or not is_real(word) or word.line < (tok.line or 0) - 1:
                continue
            keyword = self.facts.keywords.get(str(word.value).lower())
            if keyword is None:
                continue
            if k and leaves[k - 1].type == keyword:
                first = leaves[k - 1]
                # `disk disk disk BKRBKUP 191`: the run read already goes with the second
                run = {start for start, _ in self.repeats_after(word)}
                last = k + 1
                while last < len(leaves) and leaves[last].start_pos in run:
                    last += 1
                yield _Edit(
                    leaves[:k],
                    [],
                    leaves[last:],
                    lambda ip, word=word, first=first: self.report_repeat(first, word, fix=is_real(first)),
                )
            yield _Edit(
                leaves[:k],
                [_fake("NAME", word), self.retype(word, keyword)],
                leaves[k + 1 :],
                lambda ip, word=word: self.report_missing(ip, "NAME", self.accepts(ip), word),
            )

    def _comma_edits(self, leaves: list[Token], tok: Token):
        last = leaves[-1] if leaves else None
        if (
            tok.type == "NAME"
            and last is not None
            and last.type == "NAME"
            and is_real(last)
            and last.line == tok.line
        ):
            if tok.start_pos in self.commas_missing:
                # one more name of a run already reported: its `,` is assumed too
                yield _Edit(leaves, [_fake("COMMA", tok)], [], lambda ip: None)
                return
            yield _Edit(leaves, [_fake("COMMA", tok)], [], lambda ip: self._report_missing_commas(ip, last, tok))

    def comma_assumed(self, parser_state, tok: Token) -> Token | None:
        """Before `tok`, one more name of a run whose `,`s an error said missing already
        (`_report_missing_commas`), the name before it just read: the `,` to read first
        (parser.py, `_Watched`), assumed with nothing re-read nor said, before Lark
        ends the list at `tok` (a name may follow a list: `weekly DAYS NAME`). A run
        of thousands of names costs one step each; re-reading each (`reread`) looks
        no further back than 200 tokens, and the 102nd name was a second error."""
        last = top_token(parser_state.value_stack, "NAME")
        if tok.type != "NAME" or last is None or last.line != tok.line:
            return None
        if not Sim(parser_state.parse_conf, parser_state.state_stack).fits(["COMMA", "NAME"]):
            return None
        return _fake("COMMA", tok)

    def _report_missing_commas(self, ip, last: Token, tok: Token) -> None:
        """The `,` missing between the names `last` and `tok`, and between the names after
        them on the line (`names_without_commas`), whose `,`s are then assumed as they are
        read. Looked for only once the edit is taken: a line of a thousand words that a
        `,` would not mend is not read a word at a time for each edit tried. An option
        begun last on the line is none of them (`option_typed_last`)."""
        more = self.option_typed_last(ip, self.names_without_commas(tok.end_pos))
        if not more and self.run_list_ends_joined(ip.parser_state.value_stack, last, tok):
            return
        self.commas_missing.update(start for _, start in more)
        names = [self.describe(last), self.describe(tok)] + [messages.shown(word) for word, _ in more]
        ends = [last.end_pos, tok.end_pos] + [start + len(word) for word, start in more][:-1]
        end = more[-1][1] + len(more[-1][0]) if more else tok.end_pos
        runs_on = self.run_on_list(ip.parser_state.value_stack)
        # a word of a letter or two last on its line is being typed (`run on VMSYS1 M`):
        # its `,`, as the fast front end says (fast._Parser._comma_left_out)
        typed = not more and len(str(tok.value)) <= 2 and not messages.line_words(messages.line_from(self.source.text, tok.end_pos))
        diag = messages.missing_comma(
            names[0],
            names[1],
            self.span_of(tok),
            more=names[2:],
            commas=self.points(ends[: len(names) - 1]),
            rest=messages.line_from(self.source.text, tok.start_pos),
            runs_on=runs_on,
            expire=self.expire_list(ip.parser_state.value_stack, end),
            # `run on DEV1 DEV2` in a job of single-configuration users, which runs on
            # one member: the `,`s would give BKR220 (`one_member_run`)
            one=self.one_member_run(ip.parser_state.value_stack, [str(tok.value)] + [w for w, _ in more], end)
            if runs_on and not typed
            else None,
        )
        self.report(diag, tok.start_pos)

    def expire_list(self, stack, end: int) -> messages.ExpireList | None:
        """An `expire` block's members under way on `stack` (the names and `,`s read of
        it after `expire on`, the last of them the name a `,` or a repeat follows), up
        to `end` in the text, with what the catalog read before it says
        (`catalog_read`); None for another list."""
        at = _list_after_on(stack, "EXPIRE")
        if at is None:
            return None
        names = [
            leaf
            for value in stack[at + 1 :]
            for leaf in ([value] if isinstance(value, Token) else value.scan_values(lambda v: isinstance(v, Token)))
            if leaf.type == "NAME" and is_real(leaf)
        ]
        if not names:
            return None
        earlier = tuple(str(n.value) for n in names[:-1])
        return messages.ExpireList(*catalog_read(stack), self.source.span(names[0].start_pos, end), earlier)

    @staticmethod
    def run_on_list(stack) -> bool:
        """Whether the list under way on `stack` is a job's members, after `run on` (the
        names and `,`s read of it after the `on`)."""
        return _list_after_on(stack, "RUN") is not None

    def name_twice(self, ip, tok: Token) -> bool:
        """`run on VMSYS1 VMSYS1 daily 02:00`: a name of a list written again right after
        itself, on its line. One name written twice, not two names whose `,` is missing:
        report it so, and read on without the second (BKR115 and its kin would name
        a member listed twice after a `,`)."""
        if tok.type != "NAME" or str(tok.value).lower() in self.facts.keywords:
            return False
        stack = ip.parser_state.value_stack
        keyword, names = self.governing_keyword(stack)
        last = last_real_token(stack)
        if (
            keyword is None
            or keyword.type == "COMMA"
            or not names
            or last is None
            or last.type != "NAME"
            or last.end_line != tok.line
            or str(last.value).upper() != str(tok.value).upper()
            or keyword.type not in ("ON", "BACKUP", "USER")  # a list's name (`weekly`: weekly_days_blank)
        ):
            return False
        runs_on = expires = False
        if keyword.type == "ON":  # the members of `run on` and `expire on`, not a catalog's one member
            at = next(i for i in range(len(stack) - 1, -1, -1) if stack[i] is keyword)
            before = stack[at - 1] if at else None
            if not isinstance(before, Token) or before.type not in ("RUN", "EXPIRE"):
                return False
            runs_on = before.type == "RUN"
            expires = before.type == "EXPIRE"
        remove = self.blank_and(last, tok)
        # `run on VMSYS1 VMSYS1 VMSYS2`: the names after it lack their `,` too; said
        # here, in one error, and their commas are assumed when they are read
        more = self.option_typed_last(ip, self.names_without_commas(tok.end_pos))
        run = list(itertools.takewhile(lambda named: named[0].upper() == str(tok.value).upper(), more))
        if run and len(run) == len(more):
            # `backup APPS APPS APPS full`: the name written over and over, one error for the run
            end = run[-1][1] + len(run[-1][0])
            self.dropped.update(start for _, start in run)
            span = self.source.span
            diag = messages.name_twice(
                str(tok.value), span(tok.start_pos, end), span(remove.start, end), times=len(run) + 2
            )
            self.report(diag, tok.start_pos)
            self._fed_error_token = True
            return True
        if run:
            # `backup APPS APPS APPS LINUX full`: the run, then other names without their
            # `,`s: one error for both, the run removed and the commas assumed
            end = run[-1][1] + len(run[-1][0])
            self.dropped.update(start for _, start in run)
            rest = more[len(run) :]
            self.commas_missing.update(start for _, start in rest)
            span = self.source.span
            whole = rest[-1][1] + len(rest[-1][0])
            diag = messages.name_twice(
                str(tok.value), span(tok.start_pos, end), span(remove.start, end), [word for word, _ in rest],
                times=len(run) + 2, runs_on=runs_on, expire=self.expire_list(stack, whole) if expires else None,
                one=self.one_member_run(stack, [w for w, _ in more], whole) if runs_on else None,
                commas=self.points([start + len(word) for word, start in rest][:-1]),
            )
            self.report(diag, tok.start_pos)
            self._fed_error_token = True
            return True
        self.commas_missing.update(start for _, start in more)
        whole = more[-1][1] + len(more[-1][0]) if more else tok.end_pos
        expire = self.expire_list(stack, whole) if expires else None
        diag = messages.name_twice(
            str(tok.value), self.span_of(tok), remove, [word for word, _ in more], runs_on=runs_on, expire=expire,
            # `run on VMSYS1 VMSYS1 VMSYS2` in a job of single-configuration users, which runs
            # on one member: the `,`s would give BKR220 (`one_member_run`)
            one=self.one_member_run(stack, [str(tok.value)] + [w for w, _ in more], whole) if runs_on and more else None,
            commas=self.points([start + len(word) for word, start in more][:-1]),
        )
        self.report(diag, tok.start_pos)
        self._fed_error_token = True  # read, as the name it repeats: a mistake after it is news
        return True

    def word_not_in_list(self, ip, tok: Token) -> Token | None:
        """Two words of a list without a `,` between them where the first, or the second,
        is no name of the list but a word from elsewhere: `backup group APPS` (`group`
        is not written there), `run on member VMSYS1` (`member` belongs to `on each
        member`), `backup APPS differential` (a level bkrc does not have). One error
        naming that word, and the list is read without it."""
        if tok.type != "NAME":
            return None
        if str(tok.value).lower() == "and" and (
            self.list_joined(ip, tok.start_pos) or self.joined_level(ip, tok.start_pos, str(tok.value))
        ):
            return None
        stack = ip.parser_state.value_stack
        keyword, names = self.governing_keyword(stack)
        last = stack[-1] if stack else None
        if isinstance(last, Tree) and last.data == "name_list":
            last = last.children[-1] if last.children else None
        if keyword is None or not isinstance(last, Token) or last.type != "NAME" or not is_real(last):
            return None
        if last.line != tok.line:
            return None
        if keyword.type == "BACKUP" and len(names) == 1 and str(last.value).lower() in _BACKUP_NOUNS:
            # `backup group APPS`, `backup users CICSPRD`: the kind of the names written before them;
            # the names after the first, with or without their `,`s, are the help's too
            # (`backup users CICSPRD DB2PRD full`: its `,` assumed, not a second error)
            more, level = self.backup_names_after(tok.end_pos)
            self.commas_missing.update(start for _, start, comma in more if not comma)
            names = [str(tok.value), *(word for word, _, _ in more)]
            end = more[-1][1] + len(more[-1][0]) if more else tok.end_pos
            diag = messages.group_in_backup(
                ", ".join(names), self.span_of(last), self.source.span(last.start_pos, tok.start_pos),
                str(last.value), level,
                self.source.span(last.start_pos, end) if any(not comma for _, _, comma in more) else None,
            )
        elif (
            keyword.type == "USER"
            and len(names) == 1
            and str(last.value).lower() == "group"
            and len(stack) >= 2
            and stack[-2] is keyword
            and "{" in self.source.text[tok.end_pos : self._line_end(tok.end_pos)].split("#", 1)[0]
        ):
            # `single user group APPS {`: a group, with `user` too many
            self.report(
                messages.user_and_group(
                    str(tok.value),
                    self._word_before(keyword.start_pos),
                    self.span_of(keyword),
                    self.source.span(keyword.start_pos, last.start_pos),
                ),
                keyword.start_pos,
            )
            del stack[-2:]
            del ip.parser_state.state_stack[-2:]
            self.feed(ip, self.retype(last, "GROUP"))
            return tok
        elif keyword.type == "ON" and len(names) == 1 and str(last.value).lower() == "member":
            listed = self.source.text[tok.end_pos : tok.end_pos + 64].lstrip(" \t").startswith(",")
            diag = messages.member_in_placement(str(tok.value), self.span_of(last), self.span_of(tok), listed)
        elif keyword.type == "BACKUP" and (
            level := _LEVEL_KEYWORD.match(self.source.text, tok.start_pos)
        ) is not None:
            # `backup APPS level full`, `type=full`: the level given a keyword of its own
            self.report(
                messages.level_keyword(
                    level.group("word"), level.group()[: level.start("level") - level.start()].strip(),
                    ", ".join(names), level.group("level"),
                    self.source.span(tok.start_pos, level.end("word")),
                    self.source.span(tok.start_pos, level.start("level")),
                ),
                tok.start_pos,
            )
            self._advance(ip.lexer_thread.state, level.start("level"))
            self._fed_error_token = True
            return None
        elif keyword.type == "BACKUP" and str(tok.value).lower() in messages.OTHER_LEVELS:
            self.report(messages.other_level(str(tok.value), self.span_of(tok)), tok.start_pos)
            return self.retype(tok, "FULL")
        else:
            return None
        self.report(diag, last.start_pos)
        del stack[-1]
        del ip.parser_state.state_stack[-1]
        return tok

    def backup_names_after(self, pos: int) -> tuple[list[tuple[str, int, bool]], str | None]:
        """The names of a `backup` line after offset `pos` on its line, with or without a
        `,` before each, up to a keyword: (text, start, whether a `,` precedes it) of each,
        and the level after them (`full`, `incremental`), if written."""
        found: list[tuple[str, int, bool]] = []
        text = self.source.text
        while (after := _COMMA_OR_BLANKS_THEN_NAME.match(text, pos)) is not None:
            word = after.group(2)
            if word.lower() in self.facts.keywords:
                return found, word.lower() if word.lower() in ("full", "incremental") else None
            found.append((word, after.start(2), after.group(1) is not None))
            pos = after.end(2)
        return found, None

    def list_joined(self, ip, at: int) -> bool:
        """`run on VMSYS1 and VMSYS2`, `backup APPS & LINUX`: names of a list joined by
        `and` or `&` (at offset `at`) as English joins them, where a `,` may come next.
        One error for the run, whose fix writes a `,` for each, and the list is read so."""
        last = last_real_token(ip.parser_state.value_stack)
        if last is None or last.type != "NAME" or last.end_pos is None:
            return False
        first = _JOINED_NAME.match(self.source.text, last.end_pos)
        if first is None or first.start(next(w for w in ("joiner", "amp", "comma") if first.group(w))) != at:
            return False
        if "COMMA" not in self.accepts(ip):
            # Lark may have closed the list already (`backup APPS` before its level):
            # re-read its end, so that the parser stands where its `,` may come.
            line, column = self.source.position(at)
            comma = Token("COMMA", ",", at, line, column, line, column, at)
            done, _ = self.reread(ip, comma, lambda leaves, blocks: iter([_Edit(leaves, [], [], lambda ip: None)]))
            if not done:
                return False
        stack = ip.parser_state.value_stack
        last = last_real_token(stack)
        if last is None or last.type != "NAME" or last.end_pos is None:
            return False
        text = self.source.text
        joined: list[tuple[int, int, str, int]] = []  # (joiner start, end, joiner, next name's start)
        pos = last.end_pos
        while (found := _JOINED_NAME.match(text, pos)) is not None:
            word = next(w for w in ("joiner", "amp", "comma") if found.group(w))
            if not joined and found.start(word) != at or found.group("name").lower() in self.facts.keywords:
                break
            joined.append((pos, found.start("name"), found.group(word), found.start("name")))
            pos = found.end()
        while joined and joined[-1][2] == ",":  # the list read on with its own commas
            pos = joined.pop()[0]
        if not joined:
            return False
        keyword, _ = self.governing_keyword(stack)
        comma = "," if keyword is not None and keyword.type == "WEEKLY" else ", "
        first = last.start_pos
        meant = text[first:joined[0][0]]
        for i, (_, name_at, _, _) in enumerate(joined):
            end = joined[i + 1][0] if i + 1 < len(joined) else pos
            meant += comma + text[name_at:end]
        joiner = joined[0][2].lower()
        spans = [self.source.span(start, end) for start, end, word, _ in joined if word != ","]
        one = self.one_member_run(stack, [_NAME.match(text, n).group() for _, n, _, _ in joined], pos)
        self.report(
            messages.list_joined(joiner, meant, self.source.span(at, at + len(joiner)), spans, comma, one),
            at,
        )
        for _, name_at, _, _ in joined:
            name = _NAME.match(text, name_at)
            self.feed(ip, self.token_at("COMMA", name_at, name_at))
            self.feed(ip, self.token_at("NAME", name_at, name.end()))
        self._advance(ip.lexer_thread.state, pos)
        self._fed_error_token = True  # read, as a whole: a mistake after it is news
        return True

    def run_list_ends_joined(self, stack, last: Token, tok: Token) -> bool:
        """`run on DEV1 and daily 02:00`: a job's members ending with `and` (in small
        letters), a schedule after it, no name: reported (True) as the list ending so,
        not as a `,` missing before a member `AND` (whose fix gave BKR330). The fix
        writes the members not listed in a job of IDENTITY users (on some, BKR221), else
        removes `and` (`messages.run_list_ends_joined`). `AND` in capitals is read so too
        where no member AND is declared (in the file, before the job or after it): a
        member AND keeps its missing `,`."""
        joiner = str(tok.value)
        if joiner.lower() != "and" or tok.end_pos is None or last.end_pos is None or not self.run_on_list(stack):
            return False
        after = re.match(r"[ \t]+([A-Za-z]+)", self.source.text[tok.end_pos :])
        if after is None or after.group(1).lower() not in lexicon.SCHEDULES:
            return False
        if joiner != "and" and (
            joiner.upper() in {m.upper() for m in members_read(stack)}
            or re.search(rf"(?im)^[ \t]*member[ \t]+{joiner}\b", self.source.text)
        ):
            return False
        on = next(i for i in range(len(stack) - 1, -1, -1) if isinstance(stack[i], Token) and stack[i].type == "ON")
        listed = [t for v in stack[on + 1 :] for t in tokens_of(v) if t.type == "NAME" and is_real(t)]
        if not listed or listed[0].start_pos is None:
            return False
        remove = self.source.span(last.end_pos, tok.end_pos)
        whole = self.source.span(listed[0].start_pos, tok.end_pos)
        diag = messages.run_list_ends_joined(
            [str(t.value) for t in listed], members_read(stack), *self.job_home(stack), self.span_of(tok), remove, whole,
            joiner=joiner,
        )
        self.report(diag, tok.start_pos)
        self.dropped.add(tok.start_pos)
        return True

    def one_member_run(self, stack, more: list[str], end: int) -> tuple | None:
        """A job's `run on VMSYS1 and VMSYS2` (`VMSYS1, and VMSYS2`): the names after the
        `on` on `stack`, then `more`, to offset `end`; where the job's users are of single
        configuration, which run on one member, `messages.one_member_of`'s help and mends
        (a `,` for the joiner would give BKR220); else None."""
        on = next((i for i in range(len(stack) - 1, -1, -1) if isinstance(stack[i], Token) and stack[i].type == "ON"), None)
        if not on or top_token(stack[:on], "RUN") is None:
            return None
        earlier = [t for v in stack[on + 1 :] for t in tokens_of(v) if t.type == "NAME" and is_real(t)]
        if not earlier or earlier[0].start_pos is None:
            return None
        names = [str(t.value) for t in earlier] + more
        return messages.one_member_of(names, *self.job_home(stack), self.source.span(earlier[0].start_pos, end))

    def joined_level(self, ip, at: int, joiner: str) -> bool:
        """`backup APPS and full`, `backup APPS & full`: the level joined to the groups
        by `and` or `&` (at offset `at`) as English joins the last word of a list. One
        error, whose fix removes the joiner, and the line reads on at the level."""
        stack = ip.parser_state.value_stack
        last = last_real_token(stack)
        if last is None or last.type != "NAME" or last.end_pos is None:
            return False
        keyword, names = self.governing_keyword(stack)
        if keyword is None or keyword.type not in ("BACKUP", "COMMA") or not names:
            return False
        first = None  # the `backup` keyword, before the names and commas of its list
        for value in reversed(stack):
            if isinstance(value, Token) and value.type == "BACKUP":
                first = value
                break
            if not (isinstance(value, Tree) and value.data == "name_list" or isinstance(value, Token)):
                break
        text = self.source.text
        end = at + len(joiner)
        level = _BLANKS_THEN_LEVEL.match(text, end)
        # `backup APPS and` + the level alone on the next line: the joiner ends its line
        ends_line = _LINE_REST.match(text, end)
        if level is None and ends_line is not None:
            level = _BLANKS_THEN_LEVEL.match(text, ends_line.end())
            if level is not None and self.source.position(level.start(1))[0] != last.line + 1:
                level = None
        if (
            first is None
            or first.start_pos is None
            or level is None
            or level.group(1).lower() not in messages.LEVELS
            or not (last.line == first.line == self.source.position(at)[0])
            or text[last.end_pos : at].strip(" \t")
        ):
            return False
        groups = " ".join(text[first.end_pos : last.end_pos].split())
        # the joiner goes with the blanks before it; `APPS &full` keeps one blank
        blank = "" if level.start(1) > end else " "
        self.report(
            messages.joined_level(
                joiner, groups, level.group(1), self.source.span(at, end),
                self.source.span(last.end_pos, end), blank,
            ),
            at,
        )
        self._advance(ip.lexer_thread.state, end)
        self._fed_error_token = True  # read, as a whole: a mistake after it is news
        return True

    def option_typed_last(self, ip, names: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """`names` (`names_without_commas`) but the last where it is an option of the
        statement being typed, as `option_begun` reads it once the names before it are
        read (`backup APPS LINUX f`: `full`, BKR012 "did you mean `full`?", as for
        `backup LINUX f`), not one more name whose `,` is missing, which the error for
        the names before it would name (`APPS, LINUX, f`) and its fix write."""
        if not names:
            return names
        word, start = names[-1]
        tok = Token("NAME", word, start_pos=start, end_pos=start + len(word), line=self.source.text.count("\n", 0, start) + 1)
        if self.option_begun(ip, tok, self.accepts(ip)):
            return names[:-1]
        return names

    def names_without_commas(self, pos: int) -> list[tuple[str, int]]:
        """The names after offset `pos` on its line, separated by blanks only, up to a
        keyword, punctuation or a comment: (text, start) of each (`on VMSYS1 VMSYS2
        VMSYS3 daily`: after `VMSYS2`, `VMSYS3`)."""
        found: list[tuple[str, int]] = []
        while (after := _BLANKS_THEN_NAME.match(self.source.text, pos)) is not None:
            if after.start(1) in self.commas_missing:
                # its `,` and those of the names after it were said missing already, by
                # the error that named them (`run on A B C C D`: `C` twice then says
                # nothing of `D`): each once, and a long run is not read again per name
                break
            word = after.group(1)
            if word.lower() in self.facts.keywords:
                break
            if messages.did_you_mean(word, self.facts.keywords):
                # `run on VMSYS1 VMSYS2 dialy 03:30`, `backup APPS LINUX FULLL`: a misspelt
                # keyword ends the names, in capitals too, since it is reported as such
                # when it is read: not also as a name whose `,` is missing
                break
            found.append((word, after.start(1)))
            pos = after.end(1)
        return found

    # ------------------------------------------------------------ skipping
    def skip_statement(self, ip, first: Token, past: int | None = None) -> Token | None:
        """Skip to the next statement keyword (or a `}` that closes the current block);
        `{ ... }` is skipped whole. Returns the token to go on with (None at the end).
        `past`: no keyword before this offset stops the skip (the end of a line skipped
        whole: `member` in `each member`).

        Skipping scans the text with one regular expression rather than the lexer, so
        megabytes of junk cost milliseconds; strings and comments are stepped over."""
        accepted = self.accepts(ip)
        depth = 1 if first.type == "LBRACE" else 0
        state = ip.lexer_thread.state
        for match in skip_pattern(self.lark).finditer(self.source.text, state.line_ctr.char_pos):
            self.skipped += 1
            if self.skipped > MAX_SKIPPED:
                self.aborted_at = self.source.span(match.start(), match.start() + 1)
                raise Abort
            kind = match.lastgroup
            if kind == "open":
                depth += len(match.group())
            elif kind == "close":
                if len(match.group()) > depth:
                    return self._lex_at(ip, match.start() + depth)
                depth -= len(match.group())
            elif kind == "word" and depth == 0 and (past is None or match.start() >= past):
                type_ = self.facts.keywords[match.group().lower()]
                if (
                    (type_ in accepted and type_ in self.statements)
                    or type_ in _STOP_ANYWAY
                    or (type_ in BLOCK_KEYWORDS and self.first_on_line(match.start()))
                ):
                    return self._lex_at(ip, match.start())
        self._advance(state, len(self.source.text))
        return None

    def _lex_at(self, ip, offset: int) -> Token | None:
        """Move the lexer to `offset` and read the token there (None at the end)."""
        state = ip.lexer_thread.state
        self._advance(state, offset)
        lexer = ip.lexer_thread.lexer
        root = getattr(lexer, "root_lexer", lexer)
        try:
            tok = root.next_token(state, ip.parser_state)
        except (EOFError, UnexpectedCharacters):  # the end, or characters the lexer reports itself
            return None
        # Not seen by check_token: `catalog node` after a skipped line is `catalog-node`.
        found = self.hyphen_judged(tok, Sim.of(ip), ip.parser_state.value_stack)
        if found is None:
            return tok
        self._advance(state, found.end_pos)
        return found

    # ------------------------------------------------------------ the end
    def at_end(self, ip, tok: Token) -> None:
        """The file ended: report the unfinished statement and unclosed blocks, close them."""
        stack = ip.parser_state.value_stack
        # Reopened blocks closed by the user's `}` took that `}` from an outer block.
        debt = (
            self.reopened
            - self.reopened_closed_by_us
            - sum(1 for b in open_blocks(stack) if b.brace.value == REOPENED)
        )
        # A block whose `{` was missing (BKR011) and that a `}` closed may have taken
        # that `}` from the block around it (`job X` + its body + `}` as the file's
        # last brace): that block's `}` is not reported missing as well.
        debt += max(0, self.missing_opens - sum(1 for b in open_blocks(stack) if b.brace.value == ASSUMED))
        reported_unclosed = False
        for _ in range(64):
            sim = Sim.of(ip)
            accepted = sim.accepts()
            if "$END" in accepted:
                return
            if "RBRACE" not in accepted:
                path = completion(sim)
                if not path:
                    return
                self.report_missing(ip, path[0], accepted, tok)
                self.feed_types(ip, path, tok)
                continue
            blocks = open_blocks(stack)
            if blocks and not blocks[-1].placeholder:
                if debt > 0:
                    debt -= 1
                elif not reported_unclosed:
                    reported_unclosed = True
                    real = [(b, self.span_of(b.brace)) for b in blocks if not b.placeholder]
                    self.quiet = False  # an unclosed block is news, whatever came just before
                    self.report(messages.never_closed(real, self.end_span(), self.source), len(self.source.text))
            self.feed_types(ip, ["RBRACE"], tok)

    # ============================================================== messages needing the stack
    def report_missing(self, ip, filler: str, accepted: set[str], found: Token, at: int | None = None) -> None:
        """`expected a member name after `on``, at the token that lacks it (reported at
        offset `at`: by default, where `found` starts)."""
        stack = ip.parser_state.value_stack
        previous = last_real_token(stack)
        where = self.span_of(previous) if previous is not None else self.span_of(found)
        if at is None:
            at = found.start_pos if found.type != "$END" else len(self.source.text)
        keyword, names = self.governing_keyword(stack)
        respelt = keyword is not None and keyword is previous
        if respelt and self.unfinished_respelt(keyword, filler, accepted, at):
            return
        if respelt and self.glued_unfinished(keyword, filler, accepted, at):
            return
        if respelt and self.unfinished_hashed(keyword, filler, accepted, at):
            return
        if self.hashed_cut_short(stack, found, at):
            return
        if self.statement_apart(stack):
            # `keep 35` (or `retain 35`, `purg weekly sun`) after the imports: its one
            # error says where the statement belongs; a fix that wrote `days` would leave
            # it where it cannot stand (not also "expected `days` after `35`")
            self.reported_at.add(at)
            return
        if previous is not None and self.keyword_after_own_statement(ip, previous, at):
            return
        if keyword is not None and keyword is previous and keyword.start_pos in self.head_missing:
            return  # `minidisk` alone: its `include` missing says it (BKR004), not its owner too
        if self.scope_after_options(previous, accepted, at):
            return
        run_on = None
        if keyword is not None and is_real(keyword) and previous is not None and previous.type == "NAME":
            run_on = messages.unit_run_on(str(previous.value), str(keyword.value), filler, where)
        # a statement's keyword first on a later line: the line's end was found (`retain 35`)
        named = self.describe(found)
        ended = messages.line_ended(self.source.text, named, where.end)
        if run_on is not None:
            self.report(run_on, at)
        elif filler == "LBRACE" and self.opener_missing(stack):
            return  # `on VMSYS1` alone: `expire` missing said it, and wrote its `{ ... }`
        elif filler == "LBRACE":
            title = opener_written(stack)
            if title is None:
                title = f"`{keyword.value} {names[-1]}`" if keyword is not None and names else "the block"
            meant = self.setting_meant(found) if title.startswith("`") else None
            self.report(messages.missing_open(title, named, where, meant, line_ended=ended, text=self.source.text), at)
            self.missing_opens += 1
        elif filler == "NAME" and keyword is not None and keyword.start_pos in self.written_in_open:
            return  # `member M`, then `job suffix` (`job-suffix`) alone: the BKR011 wrote `job-suffix S`
        elif filler == "NAME" and keyword is not None and self.time_after_comma(*self.past_commas(stack, keyword, names), previous):
            comma = self.comma_before(previous)
            names = self.past_commas(stack, keyword, names)[1]
            self.report(messages.weekly_trailing_comma(names[-2], names[-1], comma), at)
        elif filler == "NAME" and keyword is not None:
            word = str(keyword.value) if is_real(keyword) else keyword.type.lower()
            if keyword.start_pos in self.respelt:
                # `run on M weekli sun }`: named by the keyword it was read as (reported
                # misspelt already), which says what it needs: a time, not "a name".
                word = self.respelt[keyword.start_pos][1][0]
            written, listed = self.list_written(ip.parser_state.value_stack, keyword)
            members = members_read(ip.parser_state.value_stack) if keyword.type == "ON" else ()
            diag = messages.missing_value(
                word, names, named, where, written, listed, line_ended=ended, text=self.source.text, members=members
            )
            if word == "," and keyword is previous:
                diag = self.comma_removed(ip, diag, previous, found)
            if keyword.type == "ON" and keyword is previous and not names:
                diag = self.run_members_left_out(ip, diag, previous, found, ended)
            if keyword.type == "ON" and keyword is previous and not names and (ended or found.type in ("LBRACE", "$END", "RBRACE")):
                diag = self.expire_members_left_out(ip, diag, previous, ended)
            self.report(self.disk_written_whole(ip, diag) if keyword.type == "DISK" else diag, at)
        else:
            wanted = self.expected_list(accepted - {"RBRACE", "$END"})
            after = f" after {self.describe(previous)}" if previous is not None else ""
            members = members_read(ip.parser_state.value_stack) if filler == "ON" else ()
            diag = messages.missing_other(wanted, after, named, where, filler, line_ended=ended, members=members)
            if filler == "ON" and diag.choices and not self._reads_after_on(ip, found):
                # `run every day at 2 on VMSYS1`: `on VMSYS1` inserted before the words would
                # leave no statement (was offered, each file then with an error)
                diag = replace(diag, choices=())
            if filler == "ON" and previous is not None and previous.type == "RUN":
                diag = self.run_members_left_out(ip, diag, previous, found, ended)
                if self.each_after_run(ip, found):
                    diag = messages.on_left_out(diag, self.span_of(found), "run", "each member")
                else:
                    diag = self.each_member_of_single_users(ip, diag, found)
            if filler == "ON" and self.on_left_out(ip, found, previous):
                # the two words with `on` between them, but where the word before it is a
                # tape option read as the catalog node's name (`catalog-node`, then
                # `catalog-dmm TCDMM` on the next line): there the node's name is missing
                mistaken = str(previous.value).lower() in _TAPE_OPTIONS
                names = ("", "") if mistaken else (str(previous.value), str(found.value))
                diag = messages.on_left_out(diag, self.span_of(found), *names)
            if (
                filler in ("GROUP", "USER")
                and previous is not None
                and previous.type in ("SINGLE", "IDENTITY")
                and is_real(previous)
                and found.type == "NAME"
                and is_real(found)
                and found.line == previous.line
            ):
                # `single LINUX { ... }`: the `{` after the name says a group is declared (not
                # `single g`, alone on its line: `group` half typed, or a user, which is not said)
                rest = self._line_before_comment(found.end_pos).split()
                if rest[:1] == ["{"]:
                    diag = messages.declaration_word_left_out(
                        diag, str(previous.value).lower(), str(found.value),
                        self.source.span(found.start_pos, found.start_pos),
                    )
            if filler == "MEMBER" and previous is not None and previous.type == "EACH" and is_real(previous):
                # `run on each daily 02:00`: `each` says `member` alone can follow it
                diag = messages.member_left_out(diag, self.source.span(previous.end_pos, previous.end_pos))
            if filler == "SIZE" and self.size_left_out(found):
                # `disk BKRBKUP 191 10 cyl`: the size and its unit, their keyword left out
                diag = messages.size_left_out(diag, self.span_of(found))
            if filler in ("MINIDISK", "SFS") and previous is not None and is_real(previous) and previous.type in ("INCLUDE", "EXCLUDE"):
                # `include all minidisks`, `exclude 0190`: the help writes the selection
                # its words mean, not a keyword before them that leaves it unfinished
                diag = messages.medium_left_out(
                    diag, str(previous.value), messages.line_from(self.source.text, previous.end_pos)
                )
            if filler == "DAYS" and previous is not None and is_real(previous) and previous.value.isdigit():
                # `retain 42`: a number of days, whose unit can only be `days`
                diag = messages.days_left_out(diag, self.source.span(previous.end_pos, previous.end_pos))
            if filler == "SIZE":
                diag = self.disk_written_whole(ip, diag)
            self.report(diag, at)

    def expire_members_left_out(self, ip, diag: Diagnostic, previous: Token, ended: bool = False) -> Diagnostic:
        """`expire on {` (`previous`, the `on` an `expire` reads last): its members left
        out. `diag` with the file's members as choices, or the shared catalog's own as the
        fix (`messages.expire_members_left_out`, `catalog_read`); else `diag`. `ended`:
        the block's statements below, its `{` left out too (`expire on`, then `retain 35
        days`: `messages.expire_body_below`), which the help and fix write as well."""
        stack = ip.parser_state.value_stack
        if len(stack) < 2 or stack[-1] is not previous or not isinstance(stack[-2], Token) or stack[-2].type != "EXPIRE":
            return diag
        span = self.span_of(previous)
        body = messages.expire_body_below(self.source.text, span) if ended else None
        if ended and body is None:
            return diag
        scope, home = catalog_read(stack)
        if scope is None:
            # the catalog statement below the block: read from the text (a region's
            # reading may have it blanked, so region.py reads the whole file: `read_whole_file`)
            self.read_whole_file = True
            scope, home = messages.catalog_in_text(self.source.text)
        return messages.expire_members_left_out(diag, members_read(stack), scope, home, span, body)

    def run_members_left_out(
        self, ip, diag: Diagnostic, previous: Token, found: Token, ended: bool = False
    ) -> Diagnostic:
        """`run daily 22:00` or `run on daily 22:00` (`previous`, the `run` or a job's
        `on` read last; `found`, the schedule's first word, on its line): the members
        left out, where the words after them read whole once written; or `run`, `run on`
        cut short, `found` the block's `}`, the file's end or, `ended`, the next
        statement on a later line (the statement then reads whole with the members
        alone). `diag` with the help and fix the job's users allow
        (`messages.run_members_left_out`, `job_home`: was, of a job of IDENTITY users, a
        choice of each member, each then BKR221, and after `on`, "write a member name
        after `on`"; cut short, the members named, no fix); else `diag`."""
        stack = ip.parser_state.value_stack
        after_on = previous.type == "ON"
        cut = ended or found.type in ("RBRACE", "$END")
        if not is_real(previous) or not (cut or is_real(found)) or stack[-1] is not previous:
            return diag
        if after_on and (len(stack) < 2 or not isinstance(stack[-2], Token) or stack[-2].type != "RUN"):
            return diag  # an `on` of `expire`, `catalog` or a catalog node: one member, not a job's
        if not cut:
            rest = self._line_before_comment(found.start_pos).split("}", 1)[0]
            if not self._reads_whole(ip, f"{'' if after_on else 'on '}X {rest}"):
                return diag
        members = members_read(stack)
        kind, home = self.job_home(stack)
        return messages.run_members_left_out(diag, after_on, members, kind, home, self.span_of(previous), cut=cut)

    def disk_written_whole(self, ip, diag: Diagnostic) -> Diagnostic:
        """A `disk` line with its address, `size`, its size or its unit left out
        (`disk BKRBKUP 0191 10`, `0191 cyl 10`, `0191 on VMCOM1`, `disk BKRBKUP size 10
        cyl`): `diag`, its help writing the whole statement (`messages.disk_meant`; was
        "write `size` after `0191`", or the address "after `disk BKRBKUP`"), its fix
        writing `size 10 cyl` over `cyl 10`; `diag` itself where the line reads
        otherwise."""
        first = self.statement_start(ip.parser_state)
        if first is None or first.type != "DISK" or not is_real(first) or first.start_pos is None:
            return diag
        line = self._line_before_comment(first.start_pos)
        line = line.split("}", 1)[0]  # a block on one line: the statement before its `}`
        if any(sign in line for sign in '"{,'):
            return diag
        words = [(m.group(), first.start_pos + m.start(), first.start_pos + m.end()) for m in re.finditer(r"\S+", line)]
        meant = messages.disk_meant(words)
        return diag if meant is None else messages.disk_written_whole(diag, meant, self.source)

    def scope_after_options(self, previous: Token | None, accepted: set[str], at: int) -> bool:
        """`catalog server BKRSVSFS pool BKRPOOL shared on VMSYS1`: the scope, missing
        after `catalog`, written later on its line. One error at it, whose help and fix
        move it (`messages.scope_moved`), not also `catalog` missing before it there."""
        if previous is None or not is_real(previous) or previous.type != "CATALOG" or not {"SHARED", "LOCAL"} <= accepted:
            return False
        found = messages.scope_after_options(self.source.text, previous.end_pos)
        if found is None:
            return False
        blank, start, end = found
        if start in self.reported_at:
            # `catalog catalog server S shared`: met again after each `catalog`, one error at the scope
            return True
        span = self.source.span
        diag = messages.scope_moved(self.source.text, self.span_of(previous), span(start, end), span(blank, start))
        self.report(diag, at)
        self.reported_at.add(start)
        return True

    def keyword_after_own_statement(self, ip, keyword: Token, at: int) -> bool:
        """`backup APPS full backup`: a statement's keyword again at the end of its line,
        after the whole statement, with nothing after it. One error at the second,
        whose fix removes it (not a value missing after it, found on the next line)."""
        stack = ip.parser_state.value_stack
        if len(stack) < 2 or stack[-1] is not keyword or keyword.type not in self.statements:
            return False
        if not is_real(keyword) or keyword.end_pos is None:
            return False
        before = [t for t in tokens_of(stack[-2]) if is_real(t)]
        # the statement before it on its line, from its own keyword (the last such)
        first = next(
            (i for i in range(len(before) - 1, -1, -1) if before[i].type == keyword.type),
            None,
        )
        if first is None or before[first].line != keyword.line:
            return False
        leaves = before[first:]
        if not _LINE_REST.match(self.source.text + "\n", keyword.end_pos):
            return False
        statement = " ".join(self.source.text[leaves[0].start_pos : leaves[-1].end_pos].split())
        self.report(
            messages.keyword_after_statement(
                str(keyword.value), statement, self.span_of(keyword), self.blank_and(leaves[-1], keyword)
            ),
            at,
        )
        return True

    def each_member_for_one(self, tok: Token) -> bool:
        """`catalog shared server BKRSVSFS pool BKRPOOL on each member`, `catalog-node
        TCTMM on each member`: `on each member` where one member is named (only `run`
        and `expire` take `each`). Lark reads `each` as the member's name and `member`
        as a member block's start. One error; `each` is read as the name, and the
        lexer skips `member`, so the rest of the line reads on.
        """
        state = self.parser_state
        if state is None or tok.start_pos is None or tok.end_pos is None:
            return False
        if "EACH" in state.parse_conf.states[state.position]:
            return False
        stack = state.value_stack
        on = stack[-1] if stack else None
        if not isinstance(on, Token) or on.type != "ON" or on.line != tok.line:
            return False
        member = _BLANKS_THEN_MEMBER.match(self.source.text, tok.end_pos)
        if member is None:
            return False
        catalog, node = self.facts.keywords["catalog"], self.facts.keywords["catalog-node"]
        first = next(
            (v for v in reversed(stack) if isinstance(v, Token) and (v.type in self.statements or v.type == node)),
            None,
        )
        span = self.source.span(tok.start_pos, member.end())
        if first is not None and first.type == "DISK":
            # a disk's `on` names a volume: an IDENTITY's disk is on each member's by itself
            before = stack[-2] if len(stack) >= 2 and isinstance(stack[-2], Token) else None
            remove = None
            if (
                before is not None
                and before.end_pos is not None
                and before.end_line == on.line
                and _LINE_REST.match(self.source.text + "\n", member.end())  # not before `at START`
            ):
                remove = self.source.span(before.end_pos, member.end())
            self.report(messages.each_member_for_disk(span, remove), tok.start_pos)
            self._advance(state.lexer.state, member.end())
            return True
        if first is None or first.type not in (catalog, node):
            return False
        named = str(first.value).lower()
        self.report(messages.each_member_for_one(named, span, members_read(stack)), tok.start_pos)
        self._advance(state.lexer.state, member.end())
        return True

    def size_left_out(self, found: Token) -> bool:
        """`191 10 cyl`: a number and a unit where `size` is expected, as the
        statement writes them after it."""
        if found.end_pos is None or not str(found.value).isdigit():
            return False
        unit = _BLANKS_THEN_NAME.match(self.source.text, found.end_pos)
        return unit is not None and unit.group(1).lower() in messages.DISK_UNIT_WORDS

    def each_after_run(self, ip, found: Token) -> bool:
        """`run each member daily 02:00`, or `run` and `each member daily 02:00` on the
        next line: `on` left out before `each` (`found`), the job's users not said to be
        single-configuration ones (`job_home`), and with it the rest of the line reads
        on (was, the members named after `run`, which left `each member` over)."""
        if not is_real(found) or str(found.value).lower() != "each":
            return False
        if self.job_home(ip.parser_state.value_stack)[0] == "single":
            return False
        rest = self._line_before_comment(found.start_pos).split("}", 1)[0]
        return self._reads_whole(ip, f"on {rest}")

    def each_member_of_single_users(self, ip, diag: Diagnostic, found: Token) -> Diagnostic:
        """`run each member daily 03:00`, `found` its `each`, in a job whose users are
        single-configuration ones (`job_home`, where each_after_run does not apply): `on`
        and the member it runs on written over `each member`, where with them the rest of
        its line reads on (`messages.each_member_of_single_users`); else `diag`."""
        if not is_real(found) or str(found.value).lower() != "each":
            return diag
        stack = ip.parser_state.value_stack
        kind, home = self.job_home(stack)
        if kind != "single":
            return diag
        written = re.compile(r"each[ \t]+member\b", re.IGNORECASE).match(self.source.text, found.start_pos)
        if written is None:
            return diag
        rest = self._line_before_comment(written.end()).split("}", 1)[0]
        if not self._reads_whole(ip, f"on X {rest}"):
            return diag
        span = self.source.span(found.start_pos, written.end())
        return messages.each_member_of_single_users(diag, members_read(stack), home, span)

    def on_left_out(self, ip, found: Token, previous: Token | None) -> bool:
        """`expire VMSYS1 {`, `run VMSYS1 daily 02:00`: `on` left out before a member's
        name on the keyword's line, and with it there the rest of the line reads on."""
        if previous is None or found.type != "NAME" or not is_real(found) or found.line != previous.end_line:
            return False
        sim = Sim.of(ip)
        if not (sim.feed("ON") and sim.feed("NAME")):
            return False
        return self.reading(sim, self.same_line(self.window(found.end_pos))) is not None

    def time_after_comma(self, keyword: Token, names: list[str], previous: Token | None) -> bool:
        """`weekly mon, 02:00`: the time was read as one more day, after a `,`."""
        return (
            keyword.type == "WEEKLY"
            and len(names) >= 2
            and previous is not None
            and str(previous.value) == names[-1]
            and messages.looks_like_time(names[-1])
            and self.comma_before(previous) is not None
        )

    def past_commas(self, stack, keyword: Token, names: list[str]) -> tuple[Token, list[str]]:
        """The keyword of a list on the stack token by token, not yet one `name_list`
        (`weekly`, `sun`, `,`, `03:00`: as a re-read feeds them, Recovery.reread), and
        all its names; `keyword` and `names` (governing_keyword's) where the list's own
        keyword is no `,`, or is not found."""
        if keyword.type != "COMMA":
            return keyword, names
        at = next((i for i in range(len(stack) - 1, -1, -1) if stack[i] is keyword), 0)
        before: list[str] = []
        for value in reversed(stack[:at]):
            if isinstance(value, Tree) and (value.data == "name_list" or value.data.startswith("__name_list")):
                before[:0] = [str(t.value) for t in value.scan_values(lambda v: isinstance(v, Token) and v.type == "NAME")]
            elif isinstance(value, Token) and value.type == "NAME":
                before.insert(0, str(value.value))
            elif isinstance(value, Token) and value.type in self.keyword_types:
                return (value, before + names) if before else (keyword, names)
            elif not (isinstance(value, Token) and value.type == "COMMA"):
                break
        return keyword, names

    def comma_before(self, tok: Token) -> Span | None:
        """The span of the `,` right before `tok` (blanks between allowed), if there is one."""
        if tok.start_pos is None:
            return None
        at = tok.start_pos - 1
        text = self.source.text
        while at >= 0 and text[at] in " \t\r\n":
            at -= 1
        return self.source.span(at, at + 1) if at >= 0 and text[at] == "," else None

    def list_written(self, stack, keyword: Token) -> tuple[str | None, str | None]:
        """The names after the statement's keyword as written (`sun,mon`,
        `messages.list_written`), with the list's keyword where `keyword` is a `,` with
        no name after it (`weekly sun,`: the names before it, `,` last); None for a
        keyword or a name not the text's (a placeholder). The fast parser's
        `_list_written`."""
        tokens: list[Token] = []
        comma = keyword.type == "COMMA"
        for value in reversed(stack):
            if isinstance(value, Tree) and (value.data == "name_list" or value.data.startswith("__name_list")):
                tokens[:0] = [t for t in value.scan_values(lambda v: isinstance(v, Token) and v.type == "NAME")]
                continue
            if isinstance(value, Token) and value.type in ("NAME", "COMMA"):
                if value.type == "NAME":
                    tokens.insert(0, value)
                continue
            if isinstance(value, Token) and value.type in self.keyword_types and (comma or value is keyword):
                if not all(is_real(t) for t in [value, *tokens]):
                    return None, None
                text = self.source.text
                gaps = [text[one.end_pos : two.start_pos] for one, two in itertools.pairwise(tokens)]
                names = [str(t.value) for t in tokens]
                listed = None
                if comma:  # `weekli sun,`: the list named by the keyword it was read as
                    listed = str(value.value)
                    if value.start_pos in self.respelt:
                        listed = self.respelt[value.start_pos][1][0]
                return messages.list_written(names, gaps, comma), listed
            return None, None
        return None, None

    def comma_removed(self, ip, diag: Diagnostic, comma: Token, found: Token) -> Diagnostic:
        """`run on VMSYS1, daily 02:00`, `single user U1,` before the next statement: a
        list's `,` with no name after it (BKR010), `diag`, given the fix that removes
        it (with the blanks before it on its line) where what follows it reads on
        after the list's last name: the statement whole without it. Not `run on
        VMSYS1,` before a `}` (no schedule either way: the fix would leave an error).
        The fast parser gives the same fix (`_Parser._comma_removal`)."""
        sim = Sim.of(ip)
        stack = ip.parser_state.value_stack
        if len(sim.stack) < 2 or not stack or stack[-1] is not comma:
            return diag
        sim.stack.pop()
        found_type = found.type
        if found_type == "NAME":  # `daily` after the `,`, lexed where a name is due
            found_type = self.facts.keywords.get(str(found.value).lower(), found_type)
        if not sim.fits([found_type]):
            return diag
        remove = self.blank_and(last_real_token(stack[:-1]), comma)
        on = next((i for i in range(len(stack) - 1, -1, -1) if isinstance(stack[i], Token) and stack[i].type == "ON"), None)
        if on is None or not on or top_token(stack[:on], "RUN") is None:
            return messages.comma_removed(diag, remove)
        # a job's `run on VMSYS1, daily 02:00`: what the list without the `,` needs, by its users
        listed = [str(t.value) for v in stack[on + 1 : -1] for t in tokens_of(v) if t.type == "NAME" and is_real(t)]
        first = next((t for v in stack[on + 1 : -1] for t in tokens_of(v) if is_real(t)), None)
        whole = self.source.span(first.start_pos, comma.end_pos) if first is not None else None
        return messages.comma_removed(
            diag, remove, listed, members_read(stack), *self.job_home(stack), whole=whole,
            glued=self.source.text[comma.end_pos : comma.end_pos + 1] not in ("", " ", "\t", "\n", "\r"),
        )

    def governing_keyword(self, stack) -> tuple[Token | None, list[str]]:
        """The keyword the current statement waits on, with the names written after it."""
        names: list[str] = []
        for value in reversed(stack):
            if isinstance(value, Tree) and value.data == "name_list":
                names[:0] = [
                    str(t.value) for t in value.children if isinstance(t, Token) and t.type == "NAME"
                ]
                continue
            if isinstance(value, Tree) and value.data == "ordinal":
                # `monthly last sun`, its time missing: the ordinal is `monthly`'s too, and
                # the statement waits on `monthly` (was "expected a name after `sun`")
                names[:0] = [str(t.value) for t in value.children if isinstance(t, Token)]
                continue
            if not isinstance(value, Token):
                return None, names
            if value.type == "NAME":
                names.insert(0, str(value.value))
            elif value.type in self.keyword_types or value.type == "COMMA":
                return value, names
            else:
                return None, names
        return None, names

    def generic_help(self, tok: Token, accepted: set[str], ip=None) -> str:
        if accepted <= {"IMPORT", "CLUSTER", "SINGLE", "IDENTITY", "$END"}:
            return "a file holds `import` lines, then `cluster NAME { ... }` and `single`/`identity` declarations"
        if tok.type == "NAME" and "RBRACE" in accepted:
            return "every statement in a block starts with a keyword; names follow their keyword"
        # A `{` inside a statement whose form the messages know (`tape manager { ... }`,
        # a guess at its form, which the fast parser gives up on): the form, not the
        # pointer to docs/language.md. Not its other generic reports (`tape m`), which
        # the fast parser makes too, with the generic help.
        name = self.statement_name(ip.parser_state) if ip is not None and tok.type == "LBRACE" else None
        name = "tape manager" if name == "tape" else name  # `tape {`: `manager` not yet read
        if name in messages.STATEMENT_FORMS:
            return messages.statement_form(name)
        return messages.GENERIC_HELP
