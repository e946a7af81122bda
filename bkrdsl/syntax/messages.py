"""The catalogue of syntax-error wording: what a z/VM programmer wrote, in our words.

The recovery (recovery.py) decides *what* went wrong and how to read on; this
module only says it: what must follow each keyword, how to name a token, which
stray characters mean what, and which other languages a file resembles. Keeping
the words in tables makes them easy to review and to test as data.
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from bkrdsl.ast import Level
from bkrdsl.diagnostics import MDISK_LINE, Diagnostic, Fix, Related, Slip
from bkrdsl.diagnostics.core import Edit
from bkrdsl.diagnostics.suggest import alternatives, tied_best, typing_slips
from bkrdsl.source import Source, Span
from bkrdsl.syntax import codes, lexicon
from bkrdsl.syntax.fast import (
    CMS_COMMAND_WORDS,
    DAYS,
    DIRECTORY_STATEMENT_WORDS,
    DIRECTORY_WORDS_ALONE,
    DISK_UNIT_WORDS,
    WAIT_UNIT_WORDS,
)
from bkrdsl.syntax.homes import STATEMENT_HOMES  # generated from the grammar (bkrdsl.keywords)

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable, Sequence

    from bkrdsl import ast
    from bkrdsl.syntax.recovery import Block

#: What must follow a keyword, by (keyword, names already written after it).
#: `None` as the count is the fallback for any count.
FOLLOWERS: dict[tuple[str, int | None], str] = {
    ("cluster", None): "a cluster name",
    ("member", None): "a member name",
    ("on", None): "a member name",
    ("at", None): "the first cylinder of the extent",
    ("disk", 0): "the user ID that owns the minidisk",
    ("disk", 1): "the minidisk's virtual address (e.g. 191)",
    ("size", 0): "a size (e.g. 10)",
    ("size", 1): "a unit (cyl)",
    ("workers", None): "the number of worker machines",
    ("private-volume", None): "a volume label",
    ("shared-volume", None): "a volume label",
    ("job-suffix", None): "a job-name suffix",
    ("subconfig", 0): "the product machine's user ID",
    ("subconfig", 1): "the SUBCONFIG name its instance on this member has (e.g. BKRBKU-1)",
    ("link", 0): "the product machine's user ID (its role's name or the site's)",
    ("link", 1): "the user ID that owns the disk (e.g. 5697J06C)",
    ("link", 2): "the disk's virtual address in its owner's entry (e.g. 05E5)",
    ("link", 3): "the link mode (R, RR, W, WR, M, MR or MW), or `as` and another address",
    ("as", 0): "the virtual address the machine links the disk at (e.g. 05E5)",
    ("as", 1): "the link mode (R, RR, W, WR, M, MR or MW)",
    ("user", None): "a user ID",
    ("role", None): "a role (backup-server, catalog-server, worker, admin, installation)",
    ("group", None): "a group name",
    ("match", None): "a user ID pattern such as LNX*",
    ("server", None): "the catalog's SFS server user ID",
    ("pool", None): "a pool name",
    ("retain", None): "a number of days",
    ("logon-wait", 0): "a time (e.g. 2 minutes)",
    ("logon-wait", 1): "a unit (seconds or minutes)",
    ("pool-wait", 0): "a time (e.g. 5 minutes)",
    ("pool-wait", 1): "a unit (seconds or minutes)",
    ("catalog-node", None): "the Tape Manager catalog node's machine name",
    ("request-node", None): "the Tape Manager request nodes' machine name",
    ("catalog-dmm", None): "the catalog node's Device Manager Machine (DMM) name",
    ("request-dmm", None): "the request nodes' Device Manager Machine (DMM) name",
    ("job", None): "a job name",
    ("backup", None): "a group name",
    ("minidisk", 0): "an owner (a user ID or pattern) and minidisk addresses",
    ("minidisk", None): "a minidisk address or range (0191, 0100-01FF or *)",
    ("sfs", None): "an SFS path such as POOL:USER.DIR",
    ("daily", None): "a time of day (HH:MM)",
    ("weekly", 0): "a day of the week and a time (DAY HH:MM)",
    ("weekly", None): "a time of day (HH:MM)",
    ("monthly", 0): "a day of the month and a time (N HH:MM)",
    ("monthly", None): "a time of day (HH:MM)",
    # `monthly last`, its weekday and time missing (after the weekday, `monthly` waits)
    **{(nth, 0): "a day of the week and a time (DAY HH:MM)" for nth in ("first", "second", "third", "fourth", "last")},
    ("description", None): 'a quoted text ("...")',
    ("import", None): "a module path (std/NAME or ./file)",
    (",", None): "another name",
}

#: What one more name of a list is, after its `,`, by the keyword the list follows
#: (`weekly sun,` then no day: "another day of the week"); "another name" where no
#: entry says (`FOLLOWERS[","]`). `monthly` takes no list (`monthly 1,15` is BKR004),
#: but a list written after it would hold days of the month.
LIST_ITEMS = {
    "weekly": "another day of the week",
    "monthly": "another day of the month",
    "on": "another member name",
    "backup": "another group name",
    "user": "another user ID",
}

_COMMENT = re.compile(r"#[^\n]*")


def list_written(names: list[str], gaps: list[str], comma: bool = False) -> str:
    """`sun,mon`: the names after a keyword as they are written, for a message to
    quote after the keyword: `gaps`, the text between one name and the next, gives
    `,` where it holds one (with a blank after it where the text has one: `sun,
    mon`), else a blank; `comma`, a `,` after the last name (`weekly sun,`, the next
    name missing). Both parsers pass the source's text between the names' tokens."""
    words = names[:1]
    for name, gap in zip(names[1:], gaps):
        code = _COMMENT.sub("", gap)
        if "," in code:
            words.append(", " if code.split(",", 1)[1] else ",")
        else:
            words.append(" ")
        words.append(name)
    if comma:
        words.append(",")
    return "".join(words)

_TIME = re.compile(r"\A\d{1,2}:\d{2}\Z")
def looks_like_time(text: str) -> bool:
    return bool(_TIME.match(text))


def looks_like_day(text: str) -> bool:
    return text.lower() in DAYS


#: A volume label: 1-6 of A-Z 0-9 @ # $ (in any case, as a list may be written).
_VOLSER = re.compile(r"[A-Za-z0-9@#$]{1,6}")


def looks_like_volume_label(text: str) -> bool:
    return _VOLSER.fullmatch(text) is not None


#: A day of the month, as its number or as English writes it (`15`, `15th`).
_MONTH_DAY = re.compile(r"0?([0-9]{1,2})(?:st|nd|rd|th)?", re.IGNORECASE)


def month_day(text: str) -> int | None:
    """The day of the month `text` names (`1`, `1st`, `15th`), or None."""
    found = _MONTH_DAY.fullmatch(text)
    return int(found.group(1)) if found is not None and 1 <= int(found.group(1)) <= 31 else None


#: How a message names a value the grammar expects (`expected a quoted text ("...")
#: after ...`), besides keywords and signs, which it shows in backquotes.
TERMINAL_TEXTS = {
    "NAME": "a name",
    "STRING": 'a quoted text ("...")',
    "IMPORT_PATH": "a module path",
    "$END": "the end of the file",
}


def follower(keyword: str, count: int) -> str:
    """What must follow `keyword` when `count` names already follow it."""
    key = keyword.lower()
    return FOLLOWERS.get((key, count)) or FOLLOWERS.get((key, None)) or "a name"


#: Texts and comments, whose braces are none of the file's (`brace_balance`). A `#`
#: after a name's character is part of the name, as the lexer reads it (NAME in
#: grammar/bkr.lark takes `#` after its first character): `cluster TEST#SSI {`.
_TEXTS_AND_COMMENTS = re.compile(r'"(?:[^"\\\n]|\\.)*"|(?<![A-Za-z0-9$#@_*%?+\-:.])#[^\n]*')


def brace_balance(text: str) -> int:
    """`{` minus `}` in a file's text, outside texts and comments, as the recovery
    weighs a `}` missing against a statement written inside a block
    (`Recovery.brace_balance`, `closes_there`) and the fast parser does the same
    (`_Parser._lacks_a_brace`). A `#` inside a name is the name's (`cluster TEST#SSI {`
    opens a block), as the lexer reads it."""
    bare = _TEXTS_AND_COMMENTS.sub("", text)
    return bare.count("{") - bare.count("}")


def code_only(text: str) -> str:
    """`text` without its texts in quotes and its comments, as brace_balance reads it
    (Recovery.bracket_too_many counts brackets in it)."""
    return _TEXTS_AND_COMMENTS.sub("", text)


def shown(text: str, limit: int = 40) -> str:
    """A user's word in backquotes, shortened so a 100,000-character name stays one line."""
    if len(text) > limit:
        text = text[: limit - 13] + "..." + text[-10:]
    return f"`{text}`"


#: English words for a keyword, too far from it for a typo (`expiration`, the
#: noun, for `expire`): did_you_mean offers the keyword where it fits.
KEYWORD_SYNONYMS = {
    "expiration": ("expire",),
    "retention": ("retain",),
    "keep": ("retain",),
    # `disk ... on VOL001` and `run on VMSYS1` in English; the lexer reads `on` and a name `to`
    "onto": ("on",),
    # CP's word for a minidisk's cylinders on its volume; .bkr writes where it starts, `at START`
    "extent": ("at",),
    # a member's volumes are private, the cluster's shared: the block tells which
    "volume": ("private-volume", "shared-volume"),
    # CP's and DirMaint's words for a volume's label (`VOLSER=`, `volid`): the same (stop 83)
    "volser": ("private-volume", "shared-volume"),
    "volid": ("private-volume", "shared-volume"),
    # a member is a system of the SSI cluster (its SYSTEM CONFIG system identifier)
    "system": ("member",),
    "ssi": ("cluster",),
    # CMS's word for an SFS file pool (`QUERY FILEPOOL`, `filepoolid:`): the catalog's `pool`
    "filepool": ("pool",),
    "file-pool": ("pool",),
}


def did_you_mean(word: str, candidates, synonyms: bool = True) -> list[str]:
    """The keywords closest to a misspelt `word` (case-insensitive), if any is close:
    the fewest typing slips, then difflib's ratio; two or three equally close are
    all offered, alphabetically (bkrdsl.diagnostics.suggest). A word too far from
    every keyword that abbreviates exactly one (`incr`, `desc`: CP and REXX
    habits) is that keyword. With `synonyms`, an English word for a keyword
    (KEYWORD_SYNONYMS) is that keyword."""
    lowered = word.lower()
    if len(lowered) > 40:
        return []
    meant = synonyms_among(word, candidates) if synonyms else []
    if meant:
        return meant
    best = _closest(lowered, candidates)
    if best or len(lowered) < 3:
        return best
    shortened = abbreviated(word, candidates)
    return shortened if len(shortened) == 1 else []


def statement_meant(
    word: str, here, everywhere, synonyms: bool = True, block: str | None = None, *, first: bool = False
) -> list[str]:
    """The statement keywords a word that means none, where a statement starts, is
    read as (did_you_mean): the closest among `everywhere`, every statement keyword
    (`incldue` in a cluster block is `include`), but a word of one or two letters
    only among `here`, those that start a statement where it stands. Such a word is
    one slip from every keyword of a letter or two more (`t` from `to`), and is no
    keyword misspelt but one being typed (`t`, `tape` retyped in a cluster block):
    a keyword of another block would read that block around it (`to`, a job's),
    and what follows in it, misplaced. A tape's own setting in a job (`density`,
    `tape_setting`) is none: `identity` would be a statement of the cluster. A word
    that ends with its hyphen (`job-`, `private-`) is a hyphenated keyword typed up
    to it: those of `everywhere` it begins, if any (`job-suffix`, not `job`, one slip
    away). A word that none is close to but that begins exactly one of `here` (`e`,
    `ba` in a job: `exclude`, `backup`), of any length and in any case (keywords are
    case-insensitive), is that keyword begun (`begins_statement`) where it is the
    `first` word of its line; later on a line (`job-suffix C D`, where the state
    takes a statement too) it is a word too many, as the fast parser reads it. One
    that begins two or three (`d` in a cluster block) is none: which is not known,
    and `not_a_keyword` names them."""
    if tape_setting(word, block):
        return []
    if word.endswith("-"):
        typed = sorted(k for k in everywhere if k.startswith(word.lower()))
        if typed:
            return typed
    if synonyms and word.lower() in _BLOCK_SYNONYMS:
        # `volume` is the volume keyword of the block it stands in, and no other
        # block's: in a job (a tape volume), `private-volume` would be misplaced.
        return synonyms_among(word, here) or did_you_mean(word, everywhere, synonyms=False)
    meant = did_you_mean(word, everywhere if len(word) >= 3 else here, synonyms)
    if meant or not first:
        return meant
    begun = begins_statement(word, here)
    return begun if len(begun) == 1 else []


def begins_statement(word: str, here) -> list[str]:
    """The statement keywords among `here` that `word` begins and is shorter than,
    alphabetically, when it begins one, two or three of them (`e` in a job:
    `exclude`); none when it begins more, which are no one keyword being typed
    (the block's statements are listed instead). Case-insensitive, as keywords are."""
    lowered = word.lower()
    if not lowered or len(lowered) > 40:
        return []
    begun = sorted(k for k in here if k.startswith(lowered) and k != lowered)
    return begun if len(begun) <= 3 else []


#: Synonyms (KEYWORD_SYNONYMS) offered only where their keyword starts a statement.
_BLOCK_SYNONYMS = frozenset({"volume", "volser", "volid"})


def synonyms_among(word: str, candidates) -> list[str]:
    """The keywords among `candidates` that the English word `word` stands for
    (KEYWORD_SYNONYMS: `extent` for `at`)."""
    return [k for k in KEYWORD_SYNONYMS.get(word.lower(), ()) if k in candidates]


def abbreviated(word: str, candidates) -> list[str]:
    """The keywords among `candidates` that `word` (three letters or more) abbreviates."""
    lowered = word.lower()
    if len(lowered) < 3 or len(lowered) > 40:
        return []
    opening = _by_opening(frozenset(candidates)).get(lowered[:3], ())
    return sorted({c for c in opening if c.startswith(lowered) and c != lowered})


def begun(word: str, options) -> list[str]:
    """The keywords among a statement's `options` that `word`, one or two small
    letters last on its line after a list's last name, begins (`backup APPS f`,
    `run on VMSYS1 we`), sorted: a keyword being typed, not one more name whose `,`
    is missing (a name is written in capitals: `backup APPS F` is one). Several
    where it begins several (`m`: `manual` and `monthly`), which is ambiguous."""
    if not 0 < len(word) <= 2 or not word.isalpha() or not word.islower():
        return []
    return sorted(option for option in options if option.startswith(word) and option != word)


@functools.lru_cache(maxsize=64)
def _by_opening(candidates: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The candidates by their first three letters: `abbreviated` looks at the few a
    word can abbreviate, not at all of them for each word of a long line."""
    found: dict[str, list[str]] = {}
    for candidate in candidates:
        found.setdefault(candidate[:3], []).append(candidate)
    return {opening: tuple(group) for opening, group in found.items()}


def _closest(lowered: str, candidates) -> list[str]:
    return list(_closest_among(lowered, frozenset(candidates)))


def _deletions(word: str, most: int) -> set[str]:
    """`word` and what it becomes with up to `most` of its letters dropped."""
    found = frontier = {word}
    for _ in range(most):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found = found | frontier
    return found


#: The most slips _closest_among allows (in a word of six letters or more).
MOST_SLIPS = 2


@functools.lru_cache(maxsize=64)
def _by_deletions(candidates: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each candidate under itself and each way of dropping up to MOST_SLIPS of its
    letters. A word within k slips of a candidate (letters added, dropped, changed,
    or two swapped) shares one of these with it once each drops up to k letters (a
    change or a swap is a letter dropped from both), so looking a word's own up
    finds every candidate close enough to count slips against, and few others."""
    found: dict[str, set[str]] = {}
    for candidate in candidates:
        for shortened in _deletions(candidate, MOST_SLIPS):
            found.setdefault(shortened, set()).add(candidate)
    return {shortened: frozenset(near) for shortened, near in found.items()}


def _near(lowered: str, candidates: frozenset[str], allowed: int) -> set[str]:
    """The candidates that may be within `allowed` slips of `lowered` (_by_deletions)."""
    index = _by_deletions(candidates)
    near: set[str] = set()
    for shortened in _deletions(lowered, allowed):
        near |= index.get(shortened, frozenset())
    return near


@functools.lru_cache(maxsize=4096)
def _closest_among(lowered: str, candidates: frozenset[str]) -> tuple[str, ...]:
    # Kept: the recovery asks of each word of a long line without commas, again as it
    # reads on (`run on VMSYS1 VMSYS2 ...`), and a thousand such words took seconds.
    # A typo is at most one slip in a short word, two in a long one, so names that
    # merely share letters with a keyword (BKRBKUP, BKRPOOL) are left alone.
    allowed = 1 if len(lowered) <= 5 else MOST_SLIPS
    import difflib  # here: only a misspelt keyword needs it

    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(lowered)
    ranked = []
    for candidate in sorted(_near(lowered, candidates, allowed)):
        if abs(len(candidate) - len(lowered)) > allowed:
            continue  # each letter added or dropped is a slip: too far, without counting
        slips = typing_slips(lowered, candidate, allowed)
        if slips > allowed:
            continue
        matcher.set_seq1(candidate)
        ratio = matcher.ratio()
        if ratio >= 0.6:
            ranked.append(((slips, -ratio), candidate))
    return tuple(tied_best(ranked))


def one_of(words: list[str]) -> str:
    """`a`, `b` or `c` (at most eight, then ...)."""
    if len(words) > 8:
        words = words[:8] + ["..."]
    if len(words) > 1:
        return ", ".join(words[:-1]) + " or " + words[-1]
    return words[0] if words else "nothing"


def block_title(kind: str, name: str | None) -> str:
    """`job APPSFULL`, `cluster`, `expire` ... for messages about a block."""
    word = kind_word(kind)
    return f"`{word} {name}`" if name else f"`{word}`"


def kind_word(kind: str) -> str:
    return "group" if kind == "group_decl" else kind


def in_block(kind: str) -> str:
    """`a `job` block`, `an `expire` block`: where a statement stands, for messages."""
    return f"{'an' if kind == 'expire' else 'a'} {block_title(kind, None)} block"


# ------------------------------------------------------------ characters
def sign_between_keywords(char: str, line: str, keyword_length: int) -> str:
    """BKR014's help for `run: on VMSYS1 daily 02:00`, `catalog: shared ...`: a YAML `:`
    (or a `=`) right after a statement's keyword, the keyword that goes on with the
    statement after it. `line` is the statement's line from its keyword to its end or
    its comment; the help writes it with one blank for the sign."""
    return sign_in_statement(char, line, keyword_length + len(line[keyword_length:]) - len(line[keyword_length:].lstrip(" \t")))


def sign_in_statement(char: str, line: str, sign_at: int, starts: frozenset[str] = frozenset()) -> str:
    """BKR014's help for a YAML `:` (or a `=`) between a keyword and its value or the
    keyword after it, anywhere in its statement (`retain: 35 days`, `workers: 4`, `disk
    BKRBKUP 191 size: 10 cyl`, `run: on ...`): `line` is the statement's line from its
    first word to its end or its comment, the sign at `sign_at`; the help writes it with
    one blank for the sign and the blanks around it, to its block's `}` or `{`, or to the
    next statement's keyword (`starts`, in small letters) after the sign's value
    (`workers: 4  private-volume M1PRV1`: `workers 4`)."""
    after = line[sign_at + 1 :].split()
    for i, word in enumerate(after[1:], 1):
        # `workers=4 private-volume=M1PRV1`: the next statement's keyword, its own sign after it
        if re.split(r"[:=]", word, maxsplit=1)[0].lower() in starts and '"' not in line[sign_at:]:  # not a word of a text
            after = after[:i]
            break
    statement = line[:sign_at].rstrip(" \t") + " " + " ".join(after)
    statement = statement.split("}")[0]  # `job J { run: on M daily 02:00 }`: its statement
    if "{" in statement:  # `expire: on M { retain 35 days }`: its block's opening
        statement = statement[: statement.index("{") + 1]
    return f"write `{' '.join(statement.split())}`: a blank, not `{char}`, after the keyword"


def sign_after_keyword(char: str, line: str, keyword_length: int, span: Span, fix: Fix | None) -> Diagnostic:
    """BKR014 for a YAML `:` (or a `=`) right after a statement's keyword where the
    keyword after it goes on with the statement (`run: on ...`), or where the keyword
    with its `:` starts the line below a list and would read as one more of its names
    (`catalog: shared ...` below `shared-volume VMCOM1`, `to: tape` below addresses)."""
    return codes.KEY_VALUE(
        f"`{char}` between a keyword and its value is not .bkr syntax",
        span,
        help=sign_between_keywords(char, line, keyword_length),
        fix=fix,
    )


def sign_before_value(char: str, line: str, keyword_length: int) -> str | None:
    """BKR014's help for `workers=2`, `retain = 35 days`, `description: "Nightly"`: the
    line from the keyword on (`sign_between_keywords`), a blank for the sign; None where
    another sign follows (`private-volume: [M1PRV1]`), which the help would copy."""
    value = line[keyword_length:].lstrip(" \t")[1:]
    if not value.strip() or re.search(r"[\[\]();=']", value):
        return None
    return sign_between_keywords(char, line, keyword_length)


#: Each quote a text may be wrongly opened with, and the quotes that may close it.
_CLOSING_QUOTES = {"'": "'", "\u2018": "\u2019'", "\u2019": "\u2019'", "\u201c": "\u201d\u201c", "\u201d": "\u201d", "\u201e": "\u201c\u201d"}


def quoted_text(char: str, keyword: str, following: str) -> tuple[str, int, str] | None:
    """BKR017's help for `description 'Nightly full'`: the statement with its text in
    straight double quotes, with how many characters of `following` the text and its
    closing quote are and the text in double quotes, for the fix that writes it; None
    where the quote is not closed on its line or words follow it there. A `"` or a
    `\\` in the text is escaped, as a text in double quotes writes it (`\\"`, `\\\\`)."""
    close = min((i for i, c in enumerate(following) if c in _CLOSING_QUOTES.get(char, char)), default=-1)
    text, after = following[:close], following[close + 1 :].split("#")[0].strip()
    if close < 0 or after not in ("", "}"):  # `'guests' CMS disks"`: which text?
        return None
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"write `{keyword} {quoted}`: a text is quoted with straight double quotes", close + 1, quoted


def plain_blank(char: str) -> str | None:
    """What an ordinary file writes for `char`, a blank of another script or program
    (a non-breaking space, an em space, an ideographic space: a blank; a line or
    paragraph separator, or a vertical tab, a word processor's line break within a
    paragraph: a line end), as BKR003's help says; None for any other (a form feed
    is a blank to both parsers, no error: docs/language.md)."""
    if char == "\v":
        return "\n"
    if char in " \t\n\r" or unicodedata.category(char) not in ("Zs", "Zl", "Zp"):
        return None
    return " " if unicodedata.category(char) == "Zs" else "\n"


def blanks_fix(written: str, span: Span) -> Fix:
    """BKR003's fix for a run of blanks of another script (`span`, what they are
    `written`): each the ordinary blank or line end `plain_blank` names."""
    plain = "".join(plain_blank(c) or c for c in written)
    titles = {" ": "Write an ordinary space", "\n": "Write a line end"}
    title = titles.get(plain) or (
        "Write ordinary spaces" if "\n" not in plain else "Write line ends" if not plain.strip("\n") else "Write ordinary spaces and line ends"
    )
    return Fix.replace(title, span, plain)


#: A stray character -> (code name, message, help). The code names are those of
#: bkrdsl.syntax.codes; recovery.py turns them into diagnostics.
def control_character(char: str) -> bool:
    """Whether `char` is one `advise_character` says is a control character (U+0001, a
    BOM past the file's start, U+200B), whose help is to remove it: not printable, and
    no blank or line end of its own message (U+000B, U+2028)."""
    return not char.isprintable() and char != "\v" and unicodedata.category(char) not in ("Zs", "Zl", "Zp")


def advise_character(char: str, following: str, after_keyword: bool) -> tuple[str, str, str]:
    """What to say about a character no token can start with.

    `following` is the text after it on the same line; `after_keyword` is true
    when the previous token is a keyword waiting for its value (`workers: 4`).
    """
    if char in ":=" and after_keyword:
        return (
            "KEY_VALUE",
            f"`{char}` between a keyword and its value is not .bkr syntax",
            "write the value after the keyword with a blank between them, e.g. `workers 4`",
        )
    if char == "/" and following[:1] in "*/":
        return (
            "COMMENT_SYNTAX",
            f"`/{following[:1]}` does not start a comment in a .bkr file",
            "start a comment with `#`; it runs to the end of the line",
        )
    if char == "-" and following[:1] == "-":
        return (
            "COMMENT_SYNTAX",
            "`--` does not start a comment in a .bkr file",
            "start a comment with `#`; it runs to the end of the line",
        )
    if char in "'\u2018\u2019\u201c\u201d\u201e":
        what = "single quotes" if char == "'" else "typographic quotes"
        return (
            "STRING_QUOTES",
            f"{what} do not quote text in a .bkr file",
            'quote text with straight double quotes: description "..."',
        )
    if char == ";":
        return (
            "BAD_CHARACTER",
            "`;` is not needed: a statement ends where the next keyword begins",
            "remove the `;`; write one statement per line, or several separated by blanks",
        )
    if char in "[]()":
        return (
            "BAD_CHARACTER",
            f"`{char}` cannot appear here: lists are written without brackets",
            "separate the names of a list with `,` (`backup APPS, SYSIDS`); group entries with blanks",
        )
    if char in ":=":
        return (
            "BAD_CHARACTER",
            f"the character `{char}` cannot appear here",
            "a statement is a keyword followed by its values, e.g. `workers 4`, `run on VMSYS1 daily 02:00`",
        )
    if char in "\u2010\u2011\u2012\u2013\u2014\u2212":
        return (
            "BAD_CHARACTER",
            f"the dash U+{ord(char):04X} cannot appear here: .bkr writes the plain `-`",
            (
                "write `-` (a range is FIRST-LAST, as in `0100-0FFF`); typographic dashes come from"
                " text pasted out of a word processor or a web page"
            ),
        )
    if char == "&":
        return (
            "BAD_CHARACTER",
            "the character `&` cannot appear here",
            (
                "z/VM names use only A-Z, 0-9 and $ # @ _ - + : . (patterns add * % ?);"
                " a .bkr file has no `&` variables: write the name itself"
            ),
        )
    if char == "\u00a0":
        return (
            "BAD_CHARACTER",
            "a non-breaking space (U+00A0) cannot appear here",
            "replace it with an ordinary space; it often comes from text pasted out of a web page",
        )
    if unicodedata.category(char) in ("Zs", "Zl", "Zp"):  # a blank or line end of another script or program
        return (
            "BAD_CHARACTER",
            f"the space U+{ord(char):04X} ({unicodedata.name(char, 'a blank').lower()}) cannot appear here",
            (
                "replace it with an ordinary space (a line or paragraph separator with a line end); it comes"
                " from text pasted out of a word processor, a web page or an East Asian input method"
            ),
        )
    if char == "\v":
        return (
            "BAD_CHARACTER",
            "the vertical tab U+000B cannot appear in a .bkr file",
            (
                "write a line end for it: a word processor writes one for a line break within a"
                " paragraph (Shift+Enter); a form feed, a listing's page break, is read as a blank"
            ),
        )
    if not char.isprintable():
        return (
            "BAD_CHARACTER",
            f"the control character U+{ord(char):04X} cannot appear in a .bkr file",
            "remove it; if the file came from z/VM, transfer it in text (ASCII) mode",
        )
    if char.isalpha() or not char.isascii():
        # a letter with an accent or umlaut (`Ä`): the plain letter it is written on, to
        # write for it (stop 82: "z/VM names use only A-Z ..." named no letter to write)
        plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        write = f"write `{plain}` for `{char}`: " if len(plain) == 1 and plain.isalpha() else ""
        return (
            "BAD_CHARACTER",
            f"the character `{char}` cannot appear here",
            (
                f"{write}z/VM names use only A-Z, 0-9 and $ # @ _ - + : . (patterns add * % ?);"
                ' put free text in a quoted `description "..."`'
            ),
        )
    return (
        "BAD_CHARACTER",
        f"the character `{char}` cannot appear here",
        'remove it, or put free text in a quoted `description "..."`; `#` starts a comment',
    )


# ------------------------------------------------------------ other languages
_SNIFFERS = (
    (
        # not where .bkr follows the comment: a .bkr file begun with a REXX comment, as an
        # EXEC's first line must be, is BKR016's, whose fix writes `#`
        re.compile(r"/\*(?!(?:(?!\*/)[\s\S])*\*/(?:\s|#[^\n]*)*(?i:import|cluster|single|identity)(?![^\s{#]))"),
        "a REXX program (it starts with a /* comment)",
    ),
    (re.compile(r"<[?!A-Za-z]"), "XML or HTML"),
    (re.compile(r'(?:\{\s*(?:"|\}|\Z)|\[\s*(?:[\[{"\]\d-]|true|false|null))'), "JSON"),
    (re.compile(r"(?:---\s*(?:\n|\Z)|[A-Za-z_][\w-]*:(?:[ \t]|$))", re.MULTILINE), "YAML"),
    (
        re.compile(
            r"(?:\*[^\n]*\n\s*)*(?:USER|IDENTITY|PROFILE|DIRECTORY)\s+\S+\s+\S+\s+\d+[KMG]\b", re.IGNORECASE
        ),
        "a CP user directory",
    ),
    (
        # not where .bkr follows the `*` lines: a .bkr file a CMS hand began with a
        # `*` comment is BKR016's, whose fix writes `#`
        re.compile(r"(?:\*[^\n]*\n\s*)+(?!\s|\*|#|(?i:import|cluster|single|identity)(?![^\s{#]))"),
        "a CMS file such as a job template (it starts with `*` comment lines)",
    ),
)
_LEADING_COMMENTS = re.compile(r"(?:\s*#[^\n]*(?:\n|\Z))*\s*")


def sniff_language(text: str) -> tuple[str, int] | None:
    """Which other language `text` looks like, judged from its start (after any `#`
    comment lines, which YAML and .bkr share, and blank lines), and the offset of
    the character it was judged from; None if none."""
    head = text[:4096]
    start = _LEADING_COMMENTS.match(head).end()
    for pattern, what in _SNIFFERS:
        if pattern.match(head, start):
            if what == "YAML" and _bkr_after_key(head, start):
                return None  # `import: std/zvm73` above .bkr statements: a `:` of its own (BKR014)
            return what, start
    return None


#: A line that starts with a .bkr statement's keyword and goes on as .bkr does (not `key:`).
_BKR_LINE = re.compile(r"^[ \t]*([A-Za-z][\w-]*)[ \t]+[^:\s=]", re.MULTILINE)


def _bkr_after_key(head: str, start: int) -> bool:
    """Whether a text whose first line reads as YAML's `key: value` (`import: std/zvm73`,
    `cluster: PRODSSI {`) is .bkr with a `:` slipped in: its key a .bkr statement keyword, and
    a later line a .bkr statement (`cluster PRODSSI {`, `import std/zvm73`), where YAML
    would go on with `key:` lines (was BKR009, "this looks like YAML", the file read no further)."""
    key = re.match(r"[A-Za-z_][\w-]*", head[start:])
    if key is None or key.group().lower() not in lexicon.STATEMENT_KEYWORDS:
        return False
    line_end = head.find("\n", start)
    if line_end == -1:
        return False
    return any(m.group(1).lower() in lexicon.STATEMENT_KEYWORDS for m in _BKR_LINE.finditer(head, line_end))


# ------------------------------------------------------------ lines from other files
# A line copied from a CP directory or a Backup Manager job template into a .bkr
# file: one error that gives the .bkr statement to write, and the whole line is
# skipped, so its operands are not reported one by one.
_DIRECTORY_ENTRY = re.compile(r"(USER|IDENTITY)\s+([^\s#]+)\s+[^\s#]+\s+\d+[KMGT]?(?![^\s#])", re.IGNORECASE)
#: `MDISK 0191 3390 1000 10 VMCOM1 MR`: the address, the device type, then the start (or
#: `AUTOV`, DirMaint's automatic allocation on the volume named, as bkrc compile writes
#: a disk without `at`), the size and the volume.
_MDISK = re.compile(
    r"MDISK\s+([0-9A-F]{1,4})\s+([^\s#]+)(?:\s+(\d+|AUTOV)\s+(\d+)\s+([A-Z0-9@#$]{1,6})(?![^\s#]))?", re.IGNORECASE
)
#: An MDISK statement whole, its link mode and passwords after it (removed_whole).
_MDISK_WHOLE = re.compile(_MDISK.pattern + r"(?:[ \t]+[^\s#]+)*", re.IGNORECASE)
#: `USER BKRSVSFS XXXXXXXX 64M 128M G`, a pasted CP directory entry's first line above an
#: MDISK statement: the user whose minidisk it is (mdisk_owner).
_MDISK_OWNER = re.compile(
    r"(?:USER|IDENTITY)[ \t]+([A-Z0-9@#$]{1,8})[ \t]+[^\s#]+[ \t]+\d+[KMGT]?(?:[ \t][^#\n]*)?(?:#[^\n]*)?",
    re.IGNORECASE,
)
#: A CP directory entry's lines between its USER line and an MDISK of it (mdisk_owner).
_ENTRY_LINE_WORDS = frozenset({"MDISK", "LINK", "INCLUDE", "IPL", "CONSOLE", "SPOOL", "MACHINE", "OPTION", "ACCOUNT"})
#: A pasted `SUBCONFIG X-1` alone on its line (or before a `{`); `subconfig BKRBKUP BKRBKU-1`,
#: two names, is the member's statement, misplaced where it is not in a member block (BKR013).
_SUBCONFIG = re.compile(r"(SUBCONFIG[ \t]+[^\s#]+(?=[ \t]*(?:#|\{|\r?\n|$))|BUILD\s+ON\s+[^\s#]+\s+USING\s+SUBCONFIG)(?![^\s#])", re.IGNORECASE)
#: `BUILD ON VMSYS1 USING SUBCONFIG X-1`, `SUBCONFIG X-1`: such a line whole, no block opened
#: (removed_whole: its fix removes it).
_SUBCONFIG_LINE = re.compile(r"SUBCONFIG\s+[^\s#{]+|BUILD\s+ON\s+[^\s#]+\s+USING\s+SUBCONFIG\s+[^\s#{]+", re.IGNORECASE)
#: `LINK MAINT 0190 0190 RR`: a CP directory LINK statement, the owner, its address and the
#: linking user's (the one a job's exclude names), the mode optional.
_LINK = re.compile(r"LINK\s+[^\s#]+\s+[0-9A-F]{1,4}\s+([0-9A-F]{1,4})(?:\s+[RWM][RW]?E?)?(?![^\s#])", re.IGNORECASE)
_TEMPLATE_RECORD = re.compile(r"(INCLUDE|EXCLUDE)\s+(MINIDISK|SFS)\s[^=#\n]*=", re.IGNORECASE)
#: `INCLUDE MINIDISK CICSPRD = 0191`, and a whole record of the template's columns
#: (`INCLUDE MINIDISK * = * * = * *`: OWNER, VDEV and, each `*`, VOLUME, DEVTYPE, START
#: and END, some after a `=`): the fields after the address all `*`, which select nothing
#: more than the owner and addresses do, as a .bkr selection writes them.
_TEMPLATE_RANGE = re.compile(
    r"(INCLUDE|EXCLUDE)\s+MINIDISK\s+([^\s=#]+)\s*=\s*([0-9A-F]{1,4}|\*)(?:\s*-\s*([0-9A-F]{1,4}))?"
    r"((?:\s+(?:=\s*)?\*)*)\s*(?:#.*)?",
    re.IGNORECASE,
)
#: The same record with its address after a named owner without a `=`, a `=` after it
#: (`EXCLUDE MINIDISK MAINT * = * *`), on a line of its own (_template_range).
_TEMPLATE_RANGE_LOOSE = re.compile(
    r"(INCLUDE|EXCLUDE)\s+MINIDISK\s+([^\s=#*%?]+)\s+([0-9A-F]{1,4}|\*)(?:\s*-\s*([0-9A-F]{1,4}))?"
    r"((?:\s+=\s*\*)(?:\s+(?:=\s*)?\*)*)\s*(?:#.*)?",
    re.IGNORECASE,
)


#: A CMS file's sequence number, columns 73-80 of a record (`00001000`), after the blanks
#: that pad the record to them: no field of the record.
_SEQUENCE_NUMBER = re.compile(r"[ \t]{2,}\d{8}[ \t]*$")


def _template_range(line: str) -> re.Match | None:
    """_TEMPLATE_RANGE's match of a whole record's `line`, or _TEMPLATE_RANGE_LOOSE's; of
    the record without a sequence number in its columns 73-80 (`INCLUDE MINIDISK * = 0191
    * *   ...   00001000`), where the line ends with one (the match's string is shorter
    than `line` then, and _record_length takes the number in)."""
    found = _TEMPLATE_RANGE.fullmatch(line) or _TEMPLATE_RANGE_LOOSE.fullmatch(line)
    if found is None and (number := _SEQUENCE_NUMBER.search(line)) is not None:
        record = line[: number.start()]
        found = _TEMPLATE_RANGE.fullmatch(record) or _TEMPLATE_RANGE_LOOSE.fullmatch(record)
    return found


def _record_length(match: re.Match, line: str) -> int:
    """How much of `line` the record _template_range matched in it (`match`) spans, up to
    its last field, or up to its sequence number's end where it has one."""
    if len(match.string) < len(line):
        return len(line.rstrip())
    return match.end(5) if match.group(5) else match.end(4) if match.group(4) is not None else match.end(3)
#: A whole record whose columns after the address select more (`INCLUDE MINIDISK * = *
#: VMCOM1 = 3390 * *`: a volume, a device type), a `=` among them, as no .bkr selection does.
_TEMPLATE_COLUMNS = re.compile(
    r"(INCLUDE|EXCLUDE)\s+MINIDISK\s+([^\s=#]+)\s*=\s*([0-9A-F]{1,4}|\*)(?:\s*-\s*([0-9A-F]{1,4}))?"
    r"\s+([^=#\s][^=#]*=[^#]*?|=[^#]*?)\s*(?:#.*)?",
    re.IGNORECASE,
)
#: An include record of every owner, its columns (`=`, `*`, addresses and ranges), then
#: one more word (`INCLUDE MINIDISK * = * * = * * LNXDB*`): the record, and that word.
_TEMPLATE_ID_AFTER = re.compile(
    r"(INCLUDE\s+MINIDISK\s+\*(?:\s*(?:=|\*|-|(?<![^\s=-])[0-9A-F]{1,4}(?![^\s=-])))+)\s+([^\s=#]+)\s*(?:#.*)?",
    re.IGNORECASE,
)
_TEMPLATE_SETTING = re.compile(r"CONFIG\s+BKR_\w*\s*=", re.IGNORECASE)
#: `XAUTOLOG BKRBKUP`, `CP XAUTOLOG BKRBKUP`: a CP command that logs a machine on, as
#: AUTOLOG1's PROFILE EXEC starts the product's machines (the machine, the match's group).
_XAUTOLOG = re.compile(r"(?:CP\s+)?X?AUTOLOG\s+([^\s#]+)(?:\s+[^\s#]+)*", re.IGNORECASE)
#: `ACCESS 191 A`, `GLOBAL TXTLIB ...`: a CMS command, as a PROFILE EXEC runs one.
_CMS_COMMAND = re.compile(f"({'|'.join(CMS_COMMAND_WORDS)})" r"(?:\s+[^\s#]+)+", re.IGNORECASE)
#: `*DVHOPT LGN0001 LOG1 RCM1 ...`: the line DirMaint keeps in a directory entry for its
#: options (a comment to CP), in capitals as DirMaint writes it.
_DIRMAINT_OPTIONS = re.compile(r"\*DVHOPT(?:[ \t]+[^\s#]+)*")
#: `Q USERID`, `QUERY USER BKRBKUP`, `CP Q USERID`: a CP QUERY, in capitals as typed at a
#: console, what it asks (the match's group).
_CP_QUERY = re.compile(r"(?:CP[ \t]+)?(?:Q|QUERY)[ \t]+([A-Z][A-Z0-9]*)(?:[ \t]+[^\s#]+)*")
#: `cp q userid`, `Cp Query Userid`: a CP QUERY with CP's prefix in any case, which no
#: group lists as users (`_foreign_in_group`; in capitals, `_CP_QUERY`).
_CP_QUERY_PREFIXED = re.compile(r"CP[ \t]+(?:Q|QUERY)[ \t]+([A-Z][A-Z0-9]*)(?:[ \t]+[^\s#]+)*", re.IGNORECASE)
#: `EXEC BKRSUBMT APPSFULL`: a CMS command that runs one of the EXECs bkrc compile writes.
_EXEC_WRITTEN = re.compile(r"EXEC\s+(BKRSUBMT|BKRSTART|BKREXPIR)(?:\s+[^\s#]+)*", re.IGNORECASE)
#: `IPL CMS PARM AUTOCR`, `CONSOLE 0009 3215 T`: a line of a CP directory entry that is
#: neither its first (USER, IDENTITY) nor one a help says more of (MDISK, LINK,
#: SUBCONFIG, BUILD), written in capitals as a directory writes it, with its operands.
_DIRECTORY_STATEMENT = re.compile(f"({'|'.join(DIRECTORY_STATEMENT_WORDS)})" r"(?:[ \t]+[^\s#]+)+")
#: `NAMESAVE`: a CP directory statement's word in capitals alone on its line, its operands
#: left behind, where a statement of a block starts (in a group body it may be a user; `SHARE`
#: begins `shared-volume`: fast.DIRECTORY_WORDS_ALONE).
_DIRECTORY_WORD_ALONE = re.compile(f"({'|'.join(sorted(DIRECTORY_WORDS_ALONE))})")
#: MACHINE's architectures (`MACHINE ESA 4`), which no user ID after it is, in a group body.
_MACHINE_MODES = frozenset({"ESA", "XA", "XC", "Z", "370"})


def _operand_no_user(command: str) -> bool:
    """Whether a word of `command` after its first is no user ID a group lists: not one's
    shape (`*`), or all digits, as CP writes addresses and numbers (BKR341 warns of it)."""
    return any(not _ID_WORD.fullmatch(w) or w.isdigit() for w in command.split()[1:])


def _directory_line_in_group(command: str) -> bool:
    """Whether `command`, a line of a group body from its first word (before a comment),
    is a CP directory statement (_DIRECTORY_STATEMENT's) that its words cannot all be
    user IDs of: an operand no user ID is (`SPOOL CONS * START`), or all digits, as CP
    writes addresses and numbers and BKR341 warns of in an ID (`CONSOLE 009 3215 T`,
    `OPTION MAXCONN 128`, `MACHINE ESA 4`), IPL's `PARM` (`IPL CMS PARM AUTOCR`), or
    MACHINE's architecture (`MACHINE ESA`). `IPL CMS` or `NAMESAVE` may be users: read so."""
    if not _DIRECTORY_STATEMENT.fullmatch(command):
        return False
    words = command.split()
    operands = words[1:]
    return (
        _operand_no_user(command)
        or (words[0] == "IPL" and "PARM" in operands)
        or (words[0] == "MACHINE" and operands[0] in _MACHINE_MODES)
    )


#: `SMSG BKRBKUP SUBMIT APPSFULL`, `CP SMSG BKRBKUP SUBMIT APPSFULL`: a CP command that
#: sends the backup server a job (its verb and the job's name, or other words).
_SMSG = re.compile(r"(?:CP\s+)?SMSG\s+([^\s#]+)(?:\s+([^\s#]+))?(?:\s+([^\s#]+))?(?:\s+[^\s#]+)*", re.IGNORECASE)
#: `MDISK 0300 FB-512 V-DISK 128000 MR`: a virtual disk in storage (its address, the match's
#: group), which CP creates at logon and empties at logoff: nothing to back up.
_MDISK_VDISK = re.compile(r"MDISK\s+([0-9A-F]{1,4})\s+[^\s#]+\s+V-?DISK(?:\s+[^\s#]+)*", re.IGNORECASE)
#: `PROFILE LNXDFLT`, `INCLUDE PROFILE LNXDFLT`, `POOL LNXPOOL 8`: a CP directory's
#: profile entry, the statement of a user's entry that takes one in (`INCLUDE IBMDFLT`, as
#: a USER DIRECT file writes it, its word PROFILE left out: not `INCLUDE MINIDISK`, a
#: selection in capitals), or a pool of users
#: (its prefix, the match's last group), in capitals as a directory writes them.
_DIRECTORY_PROFILE = re.compile(
    r"(PROFILE|INCLUDE[ \t]+PROFILE|INCLUDE(?=[ \t]+(?!(?:MINIDISK|SFS)(?![A-Z0-9$#@_-]))))[ \t]+([A-Z0-9$#@_-]{1,8})"
)
_DIRECTORY_POOL = re.compile(r"POOL[ \t]+([A-Z0-9$#@_-]{1,7})[ \t]+\d+")
#: `ADDRESS COMMAND`, `SIGNAL ON ERROR`, `EXIT 0`, `RETURN`: a REXX instruction of an EXEC (a
#: PROFILE EXEC's), in capitals as CMS sites write one (`EXIT` and `RETURN` with a number or alone).
_REXX_INSTRUCTION = re.compile(
    r"(ADDRESS[ \t]+(?:COMMAND|CMS|CP)|SIGNAL[ \t]+ON[ \t]+[A-Z]+|TRACE[ \t]+[A-Z]+|(?:EXIT|RETURN)(?:[ \t]+-?\d+)?)"
)
#: `DIRM FOR BKRBKUP AMDISK 0191 3390 AUTOV 10 L1PRV1 MR`, `DIRMAINT ADD LINUX03`: a DirMaint
#: command, `FOR` a user or one of its subcommands after its name (_pasted_command).
_DIRMAINT_COMMAND = re.compile(
    r"(DIRM|DIRMAINT)[ \t]+(?:FOR[ \t]+([^\s#]+)[ \t]+)?(ADD|PURGE|GET|REPLACE|AMDISK|DMDISK|CMDISK|LINK|DLINK|STORAGE"
    r"|MAXSTORAGE|CLASS|PW|SETPW|IPL|OPTION|ACCOUNT|LOGONBY|REVIEW|SUBCONFIG|BUILD|NEEDPASS|SPOOL|CONSOLE|MACHINE"
    r"|DEDICATE|INCLUDE|PROFILE|DIRECT|SCREEN|COMMAND)(?:[ \t]+[^\s#]+)*",
    re.IGNORECASE,
)
#: `SAY 'Backups submitted'`, `PARSE ARG JOB .`, `IF RC <> 0 THEN EXIT RC`: more of a REXX
#: EXEC's instructions, in any case, where a statement of a block starts (not a group
#: body, whose words they may be: _pasted_command).
_REXX_MORE = re.compile(
    r"(SAY|PARSE[ \t]+(?:UPPER[ \t]+)?(?:ARG|PULL|VAR|VALUE|SOURCE|VERSION)|IF[ \t][^#]*[ \t]THEN|DO[ \t]+(?:WHILE|UNTIL|FOREVER)"
    r"|CALL[ \t]+[A-Z_][A-Z0-9_]*)(?:[ \t][^#\n]*)?",
    re.IGNORECASE,
)
#: `SET CMSTYPE HT`, `CP SET RUN ON`, `CP SLEEP 10 SEC`: a CMS SET or another CP command, as
#: a PROFILE EXEC or an operator's console runs one, where a statement of a block starts
#: (not a group body: _pasted_command).
_CMS_SET = re.compile(r"(SET)[ \t]+[A-Z]+(?:[ \t]+[^\s#]+)+", re.IGNORECASE)
_CP_OTHER = re.compile(r"CP[ \t]+([A-Z]+)(?:[ \t]+[^\s#]+)*", re.IGNORECASE)
#: CP's commands with an error of their own (`CP SMSG ...`: _SMSG, _XAUTOLOG, _CP_QUERY,
#: _LINK), which _CP_OTHER leaves to it.
_CP_SHAPED = frozenset({"SMSG", "XAUTOLOG", "AUTOLOG", "Q", "QUERY", "LINK"})
#: `BKRBKUP:`, `START:`: a REXX label alone on its line, as an EXEC's routine starts, in
#: capitals (a label in small letters may be a keyword with a YAML colon, `job:`).
_REXX_LABEL = re.compile(r"[A-Z][A-Z0-9_@#$]*:")
#: `BKRBKUP: EXIT`, `START: Q USERID`: a REXX label with an instruction of an EXEC after
#: it on its line (_REXX_INSTRUCTION's or _PASTED_NOT_LABELS', in capitals).
_REXX_LABELLED = re.compile(r"[A-Z][A-Z0-9_@#$]*:[ \t]+(.+)")
#: `bkrbkup:`, `Start:`: a REXX label alone on its line not in capitals, which is one
#: where its word is no keyword (`job:` may be a keyword with a YAML colon: rexx_label).
_REXX_LABEL_ANY_CASE = re.compile(r"([A-Za-z][A-Za-z0-9_@#$]*):")


def rexx_label(command: str) -> bool:
    """Whether `command`, a line's words from its first before a comment, is a REXX
    label's line: alone on it in capitals (`BKRBKUP:`, _REXX_LABEL), with an EXEC's
    instruction after it (`BKRBKUP: EXIT`, `BKRBKUP: Q USERID`), or alone in small or
    mixed letters where its word is no keyword (`bkrbkup:`, not `job:`)."""
    if _REXX_LABEL.fullmatch(command):
        return True
    if labelled := _REXX_LABELLED.fullmatch(command):
        rest = labelled.group(1).rstrip()
        return bool(_REXX_INSTRUCTION.fullmatch(rest) or _PASTED_NOT_LABELS.fullmatch(rest))
    alone = _REXX_LABEL_ANY_CASE.fullmatch(command)
    return alone is not None and alone.group(1).lower() not in lexicon.KEYWORDS
#: `FUNCTION MEDIATYPE OWNER VDEV ...`: the heading of a template's selection records, whose
#: first column, FUNCTION, is INCLUDE or EXCLUDE (`FUNCTION BACKUP`, `FUNCTION FULL` too).
_TEMPLATE_HEADING = re.compile(r"FUNCTION[ \t]+[^\s#]", re.IGNORECASE)
#: The names of a template's selection columns, after FUNCTION in their heading.
_TEMPLATE_COLUMN_NAMES = frozenset({"MEDIATYPE", "OWNER", "VDEV", "VOLUME", "DEVTYPE", "START", "END", "SIZE"})


#: The words CP's USER and IDENTITY statements take for a password that is none: the
#: machine is logged on to without one (AUTOLOG, XAUTOLOG) or never (NOLOG).
_NO_PASSWORDS = frozenset({"NOLOG", "NOPASS", "LBYONLY", "AUTOONLY"})
#: A directory entry's storage size (`512M`, `2G`), which is also a volume label's shape.
_STORAGE = re.compile(r"\d+[KMGT]", re.IGNORECASE)
#: A password as a CP directory is shown with it hidden, `XXXXXXXX` or `********`: one
#: character written four times or more, which no user ID a .bkr file declares is.
_HIDDEN_PASSWORD = re.compile(r"(\S)\1{3,}")
#: A user ID as CP writes one: 1 to 8 letters, digits and `$ # @ _ -` (no pattern).
_ID_WORD = re.compile(r"[A-Z0-9$#@_-]{1,8}", re.IGNORECASE)
#: `USER LNXWEB01` on the line below a volume list: the entry's first word and its user ID.
_ENTRY_HEAD = re.compile(r"(USER|IDENTITY)\s+([^\s#]+)", re.IGNORECASE)


def _entry_not_labels(line: str) -> re.Match | None:
    """`USER LNXWEB01`, `USER LNXWEB XXXXXXXX`, `USER LNXWEB NOLOG`, `USER LNXWEB 512M`,
    `IDENTITY TCPIP`: a USER or IDENTITY line (its first word and user ID, the match)
    on the line below a volume list whose words cannot all be more labels: one that
    no label is (7 or 8 characters, IDENTITY itself), a storage size, or the word CP
    writes for a password that is none. `USER LNXWEB` and `USER LNXWEB G` may be
    volumes USER, LNXWEB and G, and are read so."""
    head = _ENTRY_HEAD.match(line)
    if head is None or "{" in line:
        return None  # `USER VMSYS2 {` opens a block (directory_block)
    words = line.split()
    if any(not looks_like_volume_label(w) or _STORAGE.fullmatch(w) for w in words):
        return head
    return head if len(words) > 2 and words[2].upper() in _NO_PASSWORDS else None


def _entry_not_declared(line: str, declares: bool = False) -> re.Match | None:
    """`IDENTITY TCPIP`, `IDENTITY TCPIP XXXXXXXX`: an IDENTITY line (its first word and
    user ID, the match) where the .bkr keyword `identity` starts no statement (a member,
    job or expire block) and is followed by a user ID, not by the `group` or `user` of a
    .bkr declaration (`identity user TCPIP` there is that declaration, misplaced).
    `declares`: where `identity` starts a declaration (the cluster block, the file's top
    level), the line is the entry only where no declaration reads it better: the ID
    alone (`IDENTITY TCPIP`, a comment after it), or followed by what CP writes after
    it and no user ID is, a storage size (`32M`) or its word for no password (`NOLOG`);
    or a password CP's way of hiding one writes (`XXXXXXXX`, one character again and
    again, which no user ID is), or a storage size further on (`IDENTITY TCPIP TCPPW
    32M`); not `group` or `user` misspelt (`identity usr TCPIP`), an ID with a wildcard
    (`identity BKRWRK* role worker`: `user` left out), or IDs listed (`IDENTITY TCPIP,
    FTPSERVE`, `IDENTITY TCPIP FTPSERVE`: two users, `user` left out)."""
    head = _ENTRY_HEAD.match(line)
    if head is None or "{" in line or head.group(2).lower() in ("group", "user"):
        return None
    if declares:
        words = _COMMENT_START.split(line, maxsplit=1)[0].split()
        user = words[1]
        typed = user.lower()
        if (
            any(c in user for c in "*%?,")
            or "group".startswith(typed)  # `identity gr`, `identity u`: the keyword being typed
            or "user".startswith(typed)
            or did_you_mean(user, ("group", "user", "groups", "users"))
        ):
            return None
        if len(words) > 2 and not (
            _STORAGE.fullmatch(words[2])
            or words[2].upper() in _NO_PASSWORDS
            or _HIDDEN_PASSWORD.fullmatch(words[2])
            or any(_STORAGE.fullmatch(w) for w in words[3:])
        ):
            return None
    return head


def identity_entry(line: str) -> bool:
    """Whether `line`, from the keyword `identity` where a declaration goes (the cluster
    block), is a CP directory IDENTITY line that foreign_line reports, `IDENTITY TCPIP`
    (_entry_not_declared): the fast parser gives it up to the recovery, not reading
    `user` left out before the ID."""
    return _entry_not_declared(line.split("}", 1)[0].rstrip(), declares=True) is not None


def rexx_label_after_users(word: str, span: Span, removed: Span) -> Diagnostic:
    """`CICSPRD BKRBKUP:` in a group body: a REXX label (`word`, at `span`) last on its line
    after users (Recovery.rexx_label_after_users); the fix removes it and the blanks
    before it (`removed`), the users kept."""
    from bkrdsl.generated import START_FILE, SUBMIT_FILE

    return codes.UNKNOWN_KEYWORD(
        f"{shown(word)} is a REXX label, not a user ID of the group: a .bkr file describes the backups, it runs none",
        span,
        help=f"remove it, the users before it kept: `bkrc compile` writes the EXECs each member runs, {START_FILE}"
        f" to start the Backup Manager machines and {SUBMIT_FILE} to submit the jobs",
        fix=Fix(f"Remove {shown(word)}", (Edit(removed, ""),)),
    )


def removed_whole(line: str) -> bool:
    """Whether `line`, a whole line from its first word (foreign_line's), is removed whole
    by its error's fix: a template's selection heading and nothing else
    (template_heading_only), or a CP statement whose help says to remove it, `LINK MAINT
    0190 0190 RR` or `SMSG BKRBKUP SUBMIT APPSFULL`, with no comment after it (one is
    the site's words, kept)."""
    line = line.rstrip()
    return template_heading_only(line) or any(
        shape.fullmatch(line)
        for shape in (
            _LINK, _SMSG, _XAUTOLOG, _EXEC_WRITTEN, _CMS_COMMAND, _DIRECTORY_STATEMENT, _MDISK_VDISK, _MDISK_WHOLE, _CP_QUERY,
            _DIRMAINT_OPTIONS, _DIRECTORY_WORD_ALONE, _CP_QUERY_PREFIXED,
            _DIRECTORY_PROFILE, _DIRECTORY_POOL, _REXX_INSTRUCTION, _REXX_LABEL, _SUBCONFIG_LINE,
            _DIRMAINT_COMMAND, _REXX_MORE, _CMS_SET, _CP_OTHER,
        )
    ) or rexx_label(line)


def template_heading_only(line: str) -> bool:
    """`FUNCTION MEDIATYPE OWNER VDEV ...`: a line that holds the heading of a template's
    selection records and nothing else (no comment, no value: `FUNCTION BACKUP` says a
    level, and is not one), which removing loses nothing of."""
    words = line.split()
    return (
        len(words) >= 2
        and words[0].upper() == "FUNCTION"
        and all(w.upper() in _TEMPLATE_COLUMN_NAMES for w in words[1:])
    )
_CKD = frozenset({"3390", "3380"})
_FBA = frozenset({"FB-512", "9336", "9332", "3370"})


def foreign_line(
    line: str,
    span: Span,
    *,
    group: str | None = None,
    named: str | None = None,
    labels: bool = False,
    misplaced: bool = False,
    declares: bool = False,
    job: str | None = None,
    jobs: frozenset[str] | None = None,
    listed: frozenset[str] = frozenset(),
    remove: Span | None = None,
    lead: tuple[str, Span] | None = None,
    block: str | None = None,
    below_label: bool = False,
    owner: str | None = None,
    commented: bool = False,
) -> Diagnostic | None:
    """The error for a line of a CP directory or a job template (`line`, from its
    first word; `span`, that word), or None when the line is not one. `group` is
    not None in a group body: the group's kind (`single`, `identity`, or `""`),
    `named` its name. `labels`: the line follows a list of volume labels, where a
    USER or IDENTITY line is one whose words cannot all be labels (entry_not_labels).
    `misplaced`: its first word is the keyword `identity`, where no declaration goes,
    and an IDENTITY line with a user ID after it is the entry (_entry_not_declared);
    `declares`: its first word is the keyword `identity` where a declaration goes (the
    cluster block), a user ID after it, not `group` or `user`: the entry where nothing
    else after the ID reads as a declaration's (_entry_not_declared). `job`: the name of
    the job whose block the line is in, if it is in one. `block`, the kind of the block
    the line is in (`job`, `member`, `cluster`), where known: a template's record
    outside a job gets no fix, since its selection written there would be another error
    (BKR013 in the cluster block, BKR117 or BKR414 in a member's). `below_label`: in a
    group body, the line is below a REXX label's (`BKRBKUP:`), where a line of an EXEC's
    shape whose words may all be user IDs (`Q USERID`, `EXIT`: _PASTED_NOT_LABELS) is the
    EXEC's line, as below volume labels. `owner`: the user an MDISK line's minidisk is
    of, where the lines above it say (mdisk_owner). `commented`: in a group body, the line
    alone on its line but for a comment after it (_foreign_in_group)."""
    word = shown(line.split(None, 1)[0])
    if group is not None:
        return _foreign_in_group(line, word, group, named, span, listed, remove, lead, jobs, below_label, commented)
    entry = (
        _DIRECTORY_ENTRY.match(line)
        or (_entry_not_labels(line) if labels else None)
        or (_entry_not_declared(line) if misplaced else None)
        or (_entry_not_declared(line, declares=True) if declares else None)
    )
    if entry:
        entry, user = entry.group(1).upper(), entry.group(2).upper()
        kind = "single" if entry == "USER" else "identity"
        what = "a USER entry (single-configuration)" if entry == "USER" else "an IDENTITY entry (multiconfiguration)"
        words = line.split()
        words = words[: next((i for i, w in enumerate(words) if w.startswith("#")), len(words))]
        more = len(words) > 2  # a password, storage, privilege classes (not a comment's words)
        return codes.UNKNOWN_KEYWORD(
            f"{word} starts a CP directory entry, not a .bkr statement",
            span,
            help=f"declare the user by its kind: `{kind} user {user}` for {what}"
            + ("; a .bkr file does not hold passwords, storage or privilege classes" if more else
               f"; a job backs up the users of a group: list `{user}` in {'an' if kind == 'identity' else 'a'}"
               f" `{kind} group`"),
        )
    command = line.split("#", 1)[0].rstrip()
    if not (labels and _may_be_labels(command)) and (found := _other_directory_line(command, word, span, None)):
        return found
    if match := _MDISK.match(line):
        disk = _mdisk_as_disk(match)
        if owner is not None and _MDISK_WHOLE.fullmatch(command) and "size N" not in disk:
            # the user's line above it (`single user LINUX03`, a pasted `USER LINUX03 ...`):
            # the `disk` it says, written over it, a choice (the other, removing it:
            # Recovery._heading_removed)
            disk = disk.replace("USERID", owner.upper(), 1)
            written = Span(span.file, span.line, span.column, span.line, span.column + len(command),
                           span.start, span.start + len(command))
            return codes.UNKNOWN_KEYWORD(
                f"{word} is a CP directory statement, not a .bkr statement",
                span,
                help=f"write `{disk}` for it, the minidisk of the entry of `{owner.upper()}` above, or remove the line:"
                " bkrc writes the MDISK statement of each `disk`",
                choices=(write_fix(disk, written),),
            )
        return codes.UNKNOWN_KEYWORD(
            f"{word} is a CP directory statement, not a .bkr statement",
            span,
            help=f"remove the line: bkrc writes the MDISK statement of each `disk`; give a machine this minidisk"
            f" with `{disk}`, USERID its user ID",
            slip=replace(MDISK_LINE, written=match.group(1)),
        )
    if _SUBCONFIG.match(line):
        return codes.UNKNOWN_KEYWORD(
            f"{word} is a CP directory statement, not a .bkr statement",
            span,
            help="remove the line: bkrc writes the BUILD ON statements and SUBCONFIG entries of the"
            " IDENTITY machines it writes entries for, one per member (docs/output.md)",
        )
    if match := _LINK.match(line):
        return codes.UNKNOWN_KEYWORD(
            f"{word} is a CP directory statement, not a .bkr statement",
            span,
            help=f"remove the line: bkrc writes the links of the entries it writes; a job leaves a user's"
            f" link out of its backups with `exclude minidisk * {match.group(1).upper()}`",
        )
    if (match := _SMSG.fullmatch(command)) and not (labels and _may_be_labels(command)):
        return _smsg_line(match, word, span, job, jobs)
    if (
        match := _XAUTOLOG.fullmatch(command) or _EXEC_WRITTEN.fullmatch(command) or _CMS_COMMAND.fullmatch(command)
    ) and not (labels and _may_be_labels(command)):
        return command_line(match, span)
    if _DIRMAINT_OPTIONS.fullmatch(command):
        return codes.UNKNOWN_KEYWORD(
            f"{word} is DirMaint's options line of a directory entry, not a .bkr statement",
            span,
            help="remove the line: the entries of the users a job backs up stay in the site's directory, and bkrc"
            " writes those of the Backup Manager machines",
        )
    if not (labels and _may_be_labels(command)) and _CP_QUERY.fullmatch(command):
        return _cp_query_line(command, span, "not a .bkr statement")
    if not (labels and _may_be_labels(command)) and (
        _DIRECTORY_STATEMENT.fullmatch(command) or _DIRECTORY_WORD_ALONE.fullmatch(command)
    ):
        return codes.UNKNOWN_KEYWORD(
            f"{word} is a CP directory statement, not a .bkr statement",
            span,
            help="remove the line: bkrc writes the directory entries of the Backup Manager machines"
            " (`bkrc compile`); the entries of the users a job backs up stay in the site's directory",
        )
    if match := _template_range(line):
        verb, owner, first, last, _fields = match.groups()
        addresses = first.upper() if last is None or last.upper() == first.upper() else f"{first}-{last}".upper()
        meant = f"{verb.lower()} minidisk {owner.upper()} {addresses}"
        # The record, up to its last field (a comment after it stays), is the statement.
        length = _record_length(match, line)
        record = Span(span.file, span.line, span.column, span.line, span.column + length, span.start, span.start + length)
        # A member block holds excludes alone, and one of owner `*` is its identity jobs' too (BKR414)
        kept = block == "member" and verb.upper() == "EXCLUDE" and owner != "*"
        if block is not None and block != "job" and not kept:
            member = (
                " (an exclude of named owners may stay in the member block, for its single-configuration jobs)"
                if block == "member" and verb.upper() == "EXCLUDE" else ""
            )
            return codes.KEY_VALUE(
                f"{word} starts a Backup Manager template record, not a .bkr statement",
                span,
                help=f"move it into the job blocks that select so, as `{meant}`{member}: the owner, then addresses"
                " or ranges, without `=`; bkrc writes the template",
            )
        return codes.KEY_VALUE(
            f"{word} starts a Backup Manager template record, not a .bkr statement",
            span,
            help=f"write `{meant}`: the owner, then addresses or ranges, without `=`; bkrc writes the template",
            fix=write_fix(meant, record),
        )
    if match := _TEMPLATE_COLUMNS.fullmatch(line):
        # The columns after the address name a volume, a device type or an extent, which a
        # .bkr selection does not select by: the help writes what it can, and says so.
        verb, owner, first, last, columns = match.groups()
        addresses = first.upper() if last is None or last.upper() == first.upper() else f"{first}-{last}".upper()
        return codes.KEY_VALUE(
            f"{word} starts a Backup Manager template record, not a .bkr statement",
            span,
            help=f"write `{verb.lower()} minidisk {owner.upper()} {addresses}`, its owner and addresses:"
            f" a .bkr selection does not select by the record's other columns (`{' '.join(columns.split())}`);"
            " bkrc writes the template",
        )
    if match := _TEMPLATE_RECORD.match(line):
        example = "include sfs POOL:USER.DIR" if match.group(2).upper() == "SFS" else "include minidisk * 0191"
        return codes.KEY_VALUE(
            f"{word} starts a Backup Manager template record, not a .bkr statement",
            span,
            help=f"write the selection without `=`, as in `{example}` (docs/language.md, job); bkrc writes the template",
        )
    if _TEMPLATE_HEADING.match(line):
        return codes.UNKNOWN_KEYWORD(
            f"{word} heads a Backup Manager template's selection records, not a .bkr statement",
            span,
            help="remove the line: a job selects with `include minidisk OWNER ADDR...` and says its level"
            " in `backup GROUP full`, its medium in `to disk` or `to tape`; bkrc writes the template",
        )
    if found := media_type_line(line, span):
        return found
    if _TEMPLATE_SETTING.match(line):
        return codes.KEY_VALUE(
            f"{word} starts a Backup Manager template setting, not a .bkr statement",
            span,
            help=_template_setting_said(line) + "; bkrc writes the template's settings",
        )
    return None


def _template_setting_said(line: str) -> str:
    """How a job block says what a template's setting on a line outside a job's body
    says (`CONFIG BKR_Output_Spec = TAPE`: `to tape`, as template_setting_in_job writes
    it in a job), with the setting's own value where it is a name, a level or a medium
    (was the three forms, `to disk pool NAME` also for a tape's); else the three forms."""
    found = _TEMPLATE_SETTING_VALUE.fullmatch(line)
    setting, value = (found.group(1).lower(), found.group(2).split()) if found else ("", [])
    if setting == "job_name" and len(value) == 1:
        return f"say it in the job block: the name in its head, `job {value[0].upper()} {{`"
    if setting == "job_type" and len(value) == 1 and value[0].lower() in ("full", "incremental"):
        return f"say it in the job block: the level on its `backup` line, `backup GROUP {value[0].lower()}`"
    if setting == "output_spec" and value and value[0].lower() in lexicon.TARGET_MEDIA and len(value) <= 2:
        meant = f"to {value[0].lower()}" + (f" pool {value[1].upper()}" if len(value) == 2 else "")
        return f"say it in the job block: the target, `{meant}`"
    return "say it in the job block: the name in `job NAME {`, the level in `backup GROUP full`, the target in `to disk pool NAME`"


#: `job APPSFULL {`: a job's head in the text, its name.
_JOB_HEAD = re.compile(r"(?im)^[ \t]*job[ \t]+([A-Za-z0-9$#@_+-]+)[ \t]*\{")


def job_names(text: str) -> frozenset[str]:
    """The names of the jobs `text` opens (`job APPSFULL {`), read as a text, so that a
    help outside a job names one of them only (`SMSG BKRBKUP SUBMIT X` below a member's
    labels: no job X)."""
    return frozenset(m.group(1).upper() for m in _JOB_HEAD.finditer(text))


def _other_directory_line(command: str, word: str, span: Span, group: str | None) -> Diagnostic | None:
    """`MDISK 0300 FB-512 V-DISK 128000 MR`, `PROFILE LNXDFLT`, `INCLUDE PROFILE
    LNXDFLT`, `POOL LNXPOOL 8` (CP directory lines) and `ADDRESS COMMAND` (a REXX EXEC's)
    on a line of the .bkr file (`command`, its words before a comment): each one error,
    whose help says what bkrc writes for it, or how a .bkr file says it (a V-DISK's
    address left out of a job's backups; a pool's users listed by their prefix), and
    whose fix removes the line (Recovery._heading_removed). `group`, a group body's kind
    (`""` unknown), None elsewhere. None for any other line."""
    where = "not a user ID of the group" if group is not None else "not a .bkr statement"
    if match := _MDISK_VDISK.fullmatch(command):
        address = match.group(1).upper()
        return codes.UNKNOWN_KEYWORD(
            f"{word} is a CP directory statement, {where}",
            span,
            help=f"remove the line: a V-DISK is in storage, emptied at logoff, and bkrc writes no MDISK for it;"
            f" a job leaves each user's {address} out of its backups with `exclude minidisk * {address}`",
        )
    if match := _DIRECTORY_PROFILE.fullmatch(command):
        what = shown(" ".join(match.group(1).split()))
        return codes.UNKNOWN_KEYWORD(
            f"{what} is a CP directory statement, {where}",
            span,
            help=f"remove the line: profile {match.group(2)} is the site's directory's, whose users' entries stay"
            " there; bkrc writes the entries of the Backup Manager machines (`bkrc compile`)"
            + (", and a group lists user IDs only" if group is not None else ""),
        )
    if match := _DIRECTORY_POOL.fullmatch(command):
        prefix = match.group(1)
        kind = "a `single group`" if group is None else "the group"
        return codes.UNKNOWN_KEYWORD(
            f"{word} is a CP directory statement, {where}",
            span,
            help=f"remove the line: a .bkr file lists a pool's users by their IDs' prefix, `match {prefix}*` in"
            f" {kind}; the pool's entries stay in the site's directory",
        )
    if found := _pasted_command(command, word, span, group):
        return found
    if _REXX_INSTRUCTION.fullmatch(command) or rexx_label(command):
        from bkrdsl.generated import START_FILE, SUBMIT_FILE

        what = "label" if command.split()[0].endswith(":") else "instruction"
        return codes.UNKNOWN_KEYWORD(
            f"{word} is a REXX {what}, {where}: a .bkr file describes the backups, it runs none",
            span,
            help=f"remove the line: `bkrc compile` writes the EXECs each member runs, {START_FILE} to start the"
            f" Backup Manager machines and {SUBMIT_FILE} to submit the jobs",
        )
    return None


def _pasted_command(
    command: str, word: str, span: Span, group: str | None, quoted: bool = False
) -> Diagnostic | None:
    """A DirMaint command (`DIRM FOR BKRBKUP AMDISK 0191 3390 AUTOV 10 L1PRV1 MR`), anywhere;
    and, where a statement of a block starts (`group` None), a CMS `SET` (`SET CMSTYPE
    HT`), another CP command (`CP SLEEP 10 SEC`) or a REXX instruction (`SAY '...'`,
    `PARSE ARG JOB .`, `IF RC <> 0 THEN EXIT RC`): each one error, whose fix removes the
    line (Recovery._heading_removed; was "`DIRM` is not a keyword", in a group body
    users, silently or BKR416 whose fix left `DIRM FOR GET`; h3, stop 70). `quoted`: in
    single quotes (quoted_command). None for any other line."""
    from bkrdsl.generated import START_FILE, SUBMIT_FILE

    where = "not a user ID of the group" if group is not None else "not a .bkr statement"
    why = _IN_QUOTES if quoted else ": a .bkr file describes the backups, it runs none"
    if match := _DIRMAINT_COMMAND.fullmatch(command):
        amdisk = _MDISK.match(command[match.start(3) + 1 :]) if match.group(3).upper() == "AMDISK" else None
        disk = _mdisk_as_disk(amdisk).replace("USERID", match.group(2).upper(), 1) if amdisk and match.group(2) else None
        return codes.UNKNOWN_KEYWORD(
            f"{word} is a DirMaint command, {where}"
            + (_IN_QUOTES if quoted else ": a .bkr file describes the machines, it changes no directory"),
            span,
            help="remove the line: `bkrc compile` writes the directory entries of the Backup Manager machines,"
            + (f" a minidisk from a `disk` statement, `{disk}`" if disk else " a minidisk from a `disk` statement")
            + "; the entries of the users a job backs up stay the site's",
        )
    if group is not None:
        return None  # `SET CMSTYPE HT`, `SAY HELLO` may be a group's users
    if _CP_OTHER.fullmatch(command) and command.split()[1].upper() in _CP_SHAPED:
        return None  # `CP SMSG ...`, `CP XAUTOLOG ...`: their own errors (foreign_line)
    if _CMS_SET.fullmatch(command) or (_CP_OTHER.fullmatch(command) and command.split()[1].upper() == "SET"):
        return codes.UNKNOWN_KEYWORD(
            f"{word} is a CMS command, {where}{why}" if command.split()[0].upper() == "SET"
            else f"`{shown(command.split()[1]).strip('`')}` is a CP command, {where}{why}",
            span,
            help=f"remove the line: `bkrc compile` writes the EXECs each member runs, {START_FILE} to start the"
            f" Backup Manager machines and {SUBMIT_FILE} to submit the jobs, with the settings they need",
        )
    if _CP_OTHER.fullmatch(command) or (not quoted and _REXX_MORE.fullmatch(command)):
        # (`'SAY HELLO'` in quotes is a string a REXX EXEC passes on, no instruction)
        cp = command.split()[0].upper() == "CP"
        what = f"`{shown(command.split()[1]).strip('`')}` is a CP command" if cp else f"{word} is a REXX instruction"
        return codes.UNKNOWN_KEYWORD(
            f"{what}, {where}{why}",
            span,
            help=f"remove the line: `bkrc compile` writes the EXECs each member runs, {START_FILE} to start the"
            f" Backup Manager machines and {SUBMIT_FILE} to submit the jobs",
        )
    return None


def directory_profile_line(text: str, start: int) -> bool:
    """Whether the line of `text` whose first word starts at `start` is a CP directory's
    profile line (`INCLUDE IBMDFLT`, `INCLUDE PROFILE IBMDFLT`: _DIRECTORY_PROFILE), its
    words before a comment, as foreign_line reports it (the fast parser gives it up)."""
    begin = text.rfind("\n", 0, start) + 1
    return not text[begin:start].strip() and _DIRECTORY_PROFILE.fullmatch(line_words(text[start:])) is not None


def _cp_query_line(command: str, span: Span, where: str, quoted: bool = False) -> Diagnostic:
    """The error for a CP QUERY (`Q USERID`, `CP QUERY USER BKRBKUP`: `command`, its words
    before a comment) on a line of the .bkr file; `where`, what the line is not (`not a
    .bkr statement`, `not a user ID of the group`). Its fix removes the line
    (Recovery._heading_removed). `quoted`: in single quotes, as a REXX EXEC passes it on
    (`'CP Q USERID'`, quoted_command), which the message says instead of why."""
    from bkrdsl.generated import START_FILE

    word = shown(command.split()[1 if command.split()[0].upper() == "CP" else 0]).strip("`")
    return codes.UNKNOWN_KEYWORD(
        f"`{word}` is a CP command{', QUERY shortened' if word.upper() == 'Q' else ''}, {where}"
        + (_IN_QUOTES if quoted else ": a .bkr file describes the machines, it asks CP nothing"),
        span,
        help="remove the line: the EXECs `bkrc compile` writes ask CP what they need themselves (`QUERY USERID`,"
        f" the member they run on; {START_FILE}'s `QUERY USER`, whether a machine it starts is logged on)",
    )


def _may_be_labels(command: str) -> bool:
    """Whether `command`, a CP command's words on the line below a volume list (`SMSG
    BKRSRV X`), may all be more labels, as they are read: every word one a label may be,
    and no `SUBMIT` after SMSG's machine, as a job is sent (`SMSG BKRBKUP SUBMIT X` is
    the command, BKRBKUP no label)."""
    words = command.split()
    if any(not looks_like_volume_label(w) for w in words):
        return False
    if _PASTED_NOT_LABELS.fullmatch(command) or (words[0] == "IPL" and "PARM" in words[2:]):
        return False
    return not (len(words) > 2 and words[0].upper() == "SMSG" and words[2].upper() == "SUBMIT")


#: A line below a volume list whose words may all be labels but that a PROFILE EXEC or a
#: console holds as it stands (in capitals): a REXX instruction (`EXIT`, `EXIT 0`,
#: `RETURN`), a CP QUERY (`Q USERID`), or a CMS ACCESS of an address as a file mode
#: (`ACCESS 191 A`), read as the line it is (_may_be_labels), as where it stands alone;
#: `IPL CMS PARM AUTOCR` too (PARM).
_PASTED_NOT_LABELS = re.compile(
    r"(?:EXIT|RETURN)(?:[ \t]+\d+)?|(?:CP[ \t]+)?(?:Q|QUERY)[ \t]+[A-Z][A-Z0-9]*(?:[ \t]+[^\s#]+)*"
    r"|ACCESS[ \t]+[0-9A-F]{3,4}[ \t]+[A-Z](?:/[A-Z])?\d?"
)


def mdisk_owner(text: str, begin: int) -> str | None:
    """The user an MDISK statement whose line starts at `begin` gives a minidisk to, where
    the file says: the nearest line above that is neither blank, a comment nor another
    statement of a CP directory entry (`LINK`, `INCLUDE`, `IPL`: _ENTRY_LINE_WORDS, in
    capitals) is that user's pasted entry (`USER BKRSVSFS XXXXXXXX 64M 128M G`), and the
    file's `disk`, `catalog` or `tape` lines name the user: one of the machines bkrc
    writes entries for, which a `disk` is for (a site's guest gets none: BKR332). None
    otherwise."""
    if not text.startswith("MDISK", begin + len(text[begin:]) - len(text[begin:].lstrip(" \t"))):
        return None
    end = begin - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        row = text[start:end].strip()
        end = start - 1
        if not row or row.startswith("#"):
            continue
        if found := _MDISK_OWNER.fullmatch(row):
            user = found.group(1).upper()
            named = re.compile(rf"(?im)^[ \t]*(?:disk|catalog|tape)[ \t][^#\n]*(?<![\w@#$]){re.escape(user)}(?![\w@#$])")
            return user if named.search(text) else None
        if row.split()[0] not in _ENTRY_LINE_WORDS:
            return None
    return None


def _mdisk_as_disk(match: re.Match) -> str:
    """The `disk` statement an MDISK statement (`match`, _MDISK's) says, USERID for its
    user: its size and unit, and its volume and start (`on VOL at START`; `on VOL` alone
    for `AUTOV`, which is how bkrc writes a disk without `at`), where the device type is
    one whose size is counted in cylinders or blocks."""
    address, device, start, size, volume = match.groups()
    unit = "blk" if device.upper() in _FBA else "cyl"
    where = ""
    if start and device.upper() in _CKD | _FBA:
        where = f" on {volume.upper()}" + ("" if start.upper() == "AUTOV" else f" at {start}")
    return f"disk USERID {address.upper()} size {size or 'N'} {unit}{where}"


def mdisk_whole(text: str) -> re.Match | None:
    """`text` as one MDISK statement whole (`MDISK 0191 3390 AUTOV 10 M1PRV1 MR`, its
    link mode and passwords after it), _MDISK's match of it; else None."""
    return _MDISK.match(text) if _MDISK_WHOLE.fullmatch(text) else None


def mdisk_in_disk(user: str, match: re.Match, written: str, span: Span, statement: Span) -> Diagnostic:
    """`disk BKRBKUP MDISK 0191 3390 AUTOV 10 M1PRV1 MR`: CP's MDISK statement after a
    `disk` statement's user (`written`, at `span`; `match`, _MDISK's of it); the fix writes the `disk`
    statement it says over `statement`, the line's from `disk` on (_mdisk_as_disk),
    where its size is given; else the help writes it with N for the size."""
    disk = _mdisk_as_disk(match).replace("USERID", user.upper(), 1)
    written = " ".join(written.split())
    return codes.SYNTAX(
        f"`{written}` is CP's MDISK statement: a `disk` statement gives the address, the size and where it is,"
        " and bkrc writes the MDISK",
        span,
        help=f"write `{disk}`: the device type follows from the size's unit (`cyl`: CKD, `blk`: FBA), and bkrc"
        " writes the link mode",
        fix=write_fix(disk, statement) if "size N" not in disk else None,
    )


def quoted_command(line: str, span: Span, job: str | None) -> Diagnostic | None:
    """`'CP XAUTOLOG BKRBKUP'`, `'SMSG BKRBKUP SUBMIT APPSFULL'`: a line of a REXX EXEC
    (AUTOLOG1's PROFILE EXEC), the command in single quotes as REXX passes it on; `line`
    from its `'` to the line's end. The command's error (foreign_line's), its quotes
    said too; None for any other line."""
    found = re.fullmatch(r"'([^']*)'\s*", line)
    if found is None:
        return None
    command = found.group(1).strip()
    if match := _SMSG.fullmatch(command):
        return _smsg_line(match, "", span, job, quoted=True)
    if match := _XAUTOLOG.fullmatch(command) or _EXEC_WRITTEN.fullmatch(command) or _CMS_COMMAND.fullmatch(command):
        return command_line(match, span, quoted=True)
    if _CP_QUERY.fullmatch(command):
        # `'CP Q USERID'`, as an EXEC asks CP its member (was BKR017, "quote text with
        # straight double quotes: description "..."")
        return _cp_query_line(command, span, "not a .bkr statement", quoted=True)
    if command and (found := _pasted_command(command, shown(command.split()[0]), span, None, quoted=True)):
        return found  # `'SET CMSTYPE HT'`, `'CP SLEEP 10 SEC'`, `'DIRM FOR X GET'` (h3, stop 70)
    return None


def removal_said(help_text: str, command: str, opening: bool, comment: bool) -> str:
    """`help_text`, whose "remove the line" is said as its fix does it where the fix keeps
    more of the line than the command (`command`, as written): after a block's `{`
    (`opening`: `single group X { CP Q USERID`), the command alone; before a comment
    (`comment`: `CP Q USERID  # who am I`), the comment kept on its line (was "remove
    the line" for a fix that kept it; h3, stop 70). Unchanged where neither holds."""
    if not (opening or comment):
        return help_text
    said = f"remove `{' '.join(command.split())}`"
    if opening:
        said += " after the `{`" + (" (the comment stays)" if comment else "")
    else:
        said += ", keep the comment after it"
    return help_text.replace("remove the line", said, 1)


#: What a command's message says after what the command is, for one in quotes
#: (`quoted_command`), in place of why a .bkr file holds none.
_IN_QUOTES = ", in quotes as a REXX EXEC passes it on"


def command_line(match: re.Match, span: Span, quoted: bool = False) -> Diagnostic:
    """`XAUTOLOG BKRBKUP`, `EXEC BKRSTART` or `ACCESS 191 A` (`match`, _XAUTOLOG's,
    _EXEC_WRITTEN's or _CMS_COMMAND's) on a line of the .bkr file, as AUTOLOG1's PROFILE
    EXEC starts the machines: bkrc compile writes the EXEC that does it; the help names
    it, as the compile does. `quoted`: the command in single quotes, which the message
    says instead of why (`quoted_command`)."""
    from bkrdsl.generated import START_FILE, SUBMIT_FILE

    words = match.group(0).split()
    word = words[1] if words[0].upper() == "CP" else words[0]
    if match.re is _CMS_COMMAND:
        return codes.UNKNOWN_KEYWORD(
            f"`{word}` is a CMS command, not a .bkr statement"
            + (_IN_QUOTES if quoted else ": a .bkr file describes the backups, it runs none"),
            span,
            help=f"remove the line: `bkrc compile` writes the EXECs each member runs, {START_FILE} to start the"
            f" Backup Manager machines and {SUBMIT_FILE} to submit the jobs",
        )
    if word.upper() == "EXEC":
        called = words[1].upper()
        return codes.UNKNOWN_KEYWORD(
            f"`{word}` is a CMS command, not a .bkr statement"
            + (_IN_QUOTES if quoted else f": {called} EXEC is written by `bkrc compile`"),
            span,
            help=f"remove the line: run `EXEC {' '.join(words[1:])}` on the member (or have its scheduler run it);"
            " a .bkr file says what the EXECs do, not when they run",
        )
    return codes.UNKNOWN_KEYWORD(
        f"`{word}` is a CP command, not a .bkr statement"
        + (_IN_QUOTES if quoted else ": a .bkr file describes the machines, it starts none"),
        span,
        help=f"remove the line: `bkrc compile` writes each member's {START_FILE} EXEC, which logs on the"
        f" Backup Manager machines in their order; AUTOLOG1's PROFILE EXEC calls it, `'EXEC {START_FILE}'`",
    )


def _smsg_line(
    match: re.Match, word: str, span: Span, job: str | None, jobs: frozenset[str] | None = None, quoted: bool = False
) -> Diagnostic:
    """`SMSG BKRBKUP SUBMIT APPSFULL` (`match`, _SMSG's) on a line of the .bkr file, as a
    PROFILE EXEC or an operator sends the backup server a job: bkrc compile writes each
    member's submit EXEC, which sends it; the help names it, and how it submits the job
    the line is in (`job`), or the one the line names. `quoted`: in single quotes, as
    `command_line`'s."""
    from bkrdsl.generated import SUBMIT_FILE

    server, verb, name = (g.upper() if g else g for g in match.groups())
    word = shown(match.group(0).split()[1 if match.group(0)[:2].upper() == "CP" else 0])  # `CP SMSG`: SMSG's
    named = job or (name if verb == "SUBMIT" and name and (jobs is None or name in jobs) else None)
    how = f" (`EXEC {SUBMIT_FILE} {named}` submits job {named}, `EXEC {SUBMIT_FILE} DUE` every job due)" if named else ""
    return codes.UNKNOWN_KEYWORD(
        f"{word} is a CP command, not a .bkr statement"
        + (_IN_QUOTES if quoted else ": a .bkr file describes the jobs, it sends none"),
        span,
        help=f"remove the line: `bkrc compile` writes each member's {SUBMIT_FILE} EXEC, which sends"
        f" {server} the member's jobs{how}",
    )


def range_spaced(first: str, last: str, span: Span) -> Diagnostic:
    """`0100 - 0FFF`, `0100 -0FFF`: a minidisk range written with blanks around its `-`
    (or before it), whose fix joins it. Turned round (`0FFF - 0100`), the help writes
    it the lower first and there is no fix, as BKR310's for `0FFF- 0100`
    (check.values._range_unended): a range turned round may cover other addresses of
    the block (was a fix writing `0FFF-0100`, then BKR311)."""
    turned = int(first, 16) > int(last, 16)
    meant = f"{last}-{first}" if turned else f"{first}-{last}"
    help = f"write `{meant}`; with blanks, `-` stands alone and the addresses are two"
    return codes.SYNTAX(
        f"a range of minidisk addresses is one word: `{meant}`, without blanks around the `-`",
        span,
        help=f"{help}, the lower first" if turned else help,
        fix=None if turned else write_fix(meant, span),
    )


def owner_label(word: str, head: str, rest: str, span: Span, remove: Span) -> Diagnostic:
    """`include minidisk owner * 0191`: a word naming the owner written before it;
    `rest`, the owner and addresses after it; `remove`, the word with the blanks after it."""
    return codes.SYNTAX(
        f"`{word}` is not written in a selection: the owner follows `{head.split()[-1]}` by itself",
        span,
        help=f"write `{head} {rest}`, the owner's user ID or pattern right after `{head.split()[-1]}`;"
        f" a user whose ID is {word.upper()} is written as CP writes it, in capitals",
        fix=remove_fix(f"`{word}`", remove),
    )


def owner_left_out(word: str, head: str, addresses: str, span: Span) -> Diagnostic:
    """`include minidisk owner 0191-01FF`: the form's word `owner` written where the
    owner goes, and no owner; which owner is meant is not certain: no fix."""
    return codes.SYNTAX(
        f"`{word}` stands where the owner goes: `{head}` is followed by the owner's user ID or pattern,"
        " then the addresses",
        span,
        help=f"write the owner in its place: `{head} * {addresses}` for every user's disks, or a user ID"
        f" or pattern such as `{head} LNX* {addresses}`; a user whose ID is {word.upper()} is written as CP"
        " writes it, in capitals",
    )


def time_window(start: str, end: str, span: Span) -> Diagnostic:
    """`daily 02:00 to 04:00`: a schedule with an end time."""
    return codes.SYNTAX(
        f"a schedule gives a start time, not a time window: `{end}` cannot follow `{start}`",
        span,
        help=f"remove `{end}`; what is scheduled starts at {start} and runs until it is done",
    )


def range_with_word(first: str, word: str, last: str, span: Span) -> Diagnostic:
    """`0191 to 01FF`, `0191 thru 01FF`: a minidisk range written with a word between
    its addresses."""
    meant = f"{first}-{last}"
    if word.lower() == "to":
        why = f"`{word}` starts the job's `to disk` or `to tape` statement"
    else:
        why = f"separated by blanks, `{first} {word} {last}` is three addresses, and `{word}` is not one"
    return codes.SYNTAX(
        f"a range of minidisk addresses is written FIRST-LAST: `{meant}`, not `{first} {word} {last}`",
        span,
        help=f"write `{meant}`; {why}",
        fix=write_fix(meant, span),
    )


def colon_before_brace(
    head: str, name: str, colon: Span, sign: str = ":", remove: Span | None = None
) -> Diagnostic:
    """`member VMSYS2: {`: a `:` (or `=`, `sign`) after a block's name (`head`, the words
    before it); `remove` is what the fix removes, if not `colon` alone."""
    return codes.KEY_VALUE(
        f"`{sign}` after `{name}` is not .bkr syntax: a block's name is followed by its `{{`",
        colon,
        help=f"write `{head} {name} {{`, without the `{sign}`; the block's settings go inside the braces",
        fix=remove_fix(f"the `{sign}`", remove or colon),
    )


def swapped_words(written: str, meant: str, span: Span) -> Diagnostic:
    """`group single` for `single group`: two words the other way round."""
    first, second = written.split(None, 1)
    return codes.SYNTAX(
        f"`{' '.join(written.split())}` has its two words the wrong way round: `{second}` comes before `{first}`",
        span,
        help=f"write `{' '.join(meant.split())}` (see docs/language.md for the order of each statement's words)",
        fix=write_fix(meant, span),
    )


def address_before_medium(written: str, meant: str | None, span: Span) -> Diagnostic:
    """`include 0100-0FFF minidisk *`: a minidisk address or range before `minidisk`, the
    owner after it. Swapping the two words (`minidisk 0100-0FFF *`) would read the range
    as the owner (BKR301): `meant` writes the owner first, then the addresses
    (`minidisk * 0100-0FFF`), over `span`; None where no owner follows, and no fix."""
    first, second = written.split()[:2]
    message = f"`{first} {second}` has its two words the wrong way round: `{second}` comes before `{first}`"
    if meant is None:
        return codes.SYNTAX(
            message, span, help=f"write `{second} OWNER {first}`: the owner, `*` for every owner, then the addresses"
        )
    return codes.SYNTAX(
        message,
        span,
        help=f"write `{meant}`: after `{second}` its owner, then the addresses",
        fix=write_fix(meant, span),
    )


def directory_block(written: str, name: str, meant: str | None, span: Span, outside: bool = False) -> Diagnostic:
    """`USER VMSYS2 {`: a block opened with `USER` or `IDENTITY`, as a CP directory
    opens an entry; `meant`, the block its body makes it (`member`, `job`, `single
    group`, `identity group`), or None when the body does not tell; `outside`, a
    member's or a job's written outside the cluster block (no fix: it moves)."""
    entry = written.upper()
    message = f"`{written}` starts a user's entry in a CP directory, not a .bkr block"
    if meant is None:
        return codes.UNKNOWN_KEYWORD(
            message,
            span,
            help=f"open the block with its keyword: `member {name} {{` for a member's settings,"
            f" `job {name} {{` for a job, `{'identity' if entry == 'IDENTITY' else 'single'} group {name} {{`"
            " for a group of users; bkrc writes the directory entries",
        )
    why = {
        "cluster": "it holds the cluster's members and jobs",
        "member": "its settings are a member's",
        "job": "its statements are a job's",
    }.get(
        meant,
        "it lists user IDs, and IDENTITY makes them multiconfiguration users"
        if entry == "IDENTITY"
        else "it lists user IDs, and USER makes them single-configuration users",
    )
    if outside:
        return codes.UNKNOWN_KEYWORD(
            message,
            span,
            help=f"{why}: write it as `{meant} {name} {{ ... }}` inside the `cluster NAME {{ ... }}` block;"
            " bkrc writes the directory entries",
        )
    return codes.UNKNOWN_KEYWORD(
        message,
        span,
        help=f"write `{meant} {name} {{`: {why}; bkrc writes the directory entries",
        fix=write_fix(meant, span),
    )


def _foreign_in_group(
    line: str,
    word: str,
    group: str,
    named: str | None,
    span: Span,
    listed: frozenset[str] = frozenset(),
    remove: Span | None = None,
    lead: tuple[str, Span] | None = None,
    jobs: frozenset[str] | None = None,
    below_label: bool = False,
    commented: bool = False,
) -> Diagnostic | None:
    """foreign_line in the body of a group of kind `group` (named `named`, if known):
    its entries are user IDs. `listed`, the IDs the body lists besides the line;
    `remove`, the line where it stands alone (entry_or_two_users). `lead`, a word before
    the line's first on it and its place (`LNXDB2 USER LNXDB1 XXXXXXXX 64M 128M G`),
    read as a user ID of the group: a label or a sequence word, or a user, which the
    words cannot tell (_entry_after_lead). `commented`: the line stands alone but for a
    comment after it (`INCLUDE IBMDFLT  # the profile`), not among users on their line."""
    if lead is not None:
        return _entry_after_lead(line, word, group, span, listed, lead)
    command = line.split("#", 1)[0].rstrip()
    if (
        (below_label or command[:3] == "CP ") and _PASTED_NOT_LABELS.fullmatch(command) and _CP_QUERY.fullmatch(command)
    ) or _CP_QUERY_PREFIXED.fullmatch(command):
        # `Q USERID` below `BKRBKUP:`: the EXEC's query, not two users (`below_label`);
        # `CP Q USERID`, `CP QUERY USERID`, CP's own prefix before it: so anywhere (was
        # read as three users, CP, Q and USERID), in small letters too (`cp q userid`)
        return _cp_query_line(command, span, "not a user ID of the group")
    if template_heading_only(line):
        # `FUNCTION MEDIATYPE OWNER VDEV ...`: column names only (`FUNCTION DB2PRD` may
        # be two users, and is read so)
        return codes.UNKNOWN_KEYWORD(
            f"{word} heads a Backup Manager template's selection records, not a user ID of the group",
            span,
            help="remove it: a group lists user IDs only; a job selects with `include minidisk"
            " OWNER ADDR...`, and bkrc writes the template",
        )
    if _TEMPLATE_RECORD.match(line):
        return _record_in_group(line, word, group, named, span)
    if match := _DIRECTORY_ENTRY.match(line):
        entry, user = match.group(1).upper(), match.group(2).upper()
        kind = "single" if entry == "USER" else "identity"
        if group and group != kind:
            also = (
                f"; a {entry} entry makes `{user}` a{'n' if kind == 'identity' else ''} {kind} user,"
                f" and this group's users are {group}"
            )
        else:
            also = f": the group's kind, `{group or kind}`, makes it a{'n' if kind == 'identity' else ''} {entry} entry"
        # The entry's kind the group's: the ID alone, written over the entry's words, is
        # the group's entry (a pattern no entry holds); of the other kind, the user is the
        # site's to move, no fix.
        fix = None
        if group == kind and not any(c in user for c in "*%?"):
            entry_span = Span(span.file, span.line, span.column, span.line, span.column + len(line.rstrip()),
                              span.start, span.start + len(line.rstrip()))
            fix = write_fix(user, entry_span)
        return codes.UNKNOWN_KEYWORD(
            f"{word} starts a CP directory entry, not a user ID of the group",
            span,
            help=f"list the user ID alone, `{user}`{also};"
            " a .bkr file does not hold passwords, storage or privilege classes",
            fix=fix,
        )
    if found := _entry_or_two_users(line, word, group, span, listed, remove):
        return found
    # `INCLUDE IBMDFLT` (a profile's, PROFILE left out) alone on its line: not among users
    # on their line (`{ LNX01 INCLUDE LNX02 }`, two more users, as the fast parser reads them)
    among = remove is None and not commented and command.split()[:1] == ["INCLUDE"] and command.split()[1:2] != ["PROFILE"]
    if not among and (found := _other_directory_line(command, word, span, group)):
        return found
    if (match := _SMSG.fullmatch(command)) and match.group(2):
        # `SMSG BKRBKUP SUBMIT APPSFULL`: its machine and verb, no IDs a group lists
        return _smsg_line(match, word, span, None, jobs)
    if match := _XAUTOLOG.fullmatch(command):
        return command_line(match, span)
    if _DIRMAINT_OPTIONS.fullmatch(command):
        return codes.UNKNOWN_KEYWORD(
            f"{word} is DirMaint's options line of a directory entry, not a user ID of the group",
            span,
            help="remove the line: a group lists user IDs only; the entries of the users a job backs up stay"
            " in the site's directory, and bkrc writes those of the Backup Manager machines",
        )
    if (match := _CMS_COMMAND.fullmatch(command)) and command == command.upper() and _operand_no_user(command):
        # `ACCESS 191 A`: an address no user ID is (all digits, BKR341), in capitals
        return command_line(match, span)
    if _directory_line_in_group(command):
        return codes.UNKNOWN_KEYWORD(
            f"{word} is a CP directory statement, not a user ID of the group",
            span,
            help="remove the line: a group lists user IDs only; bkrc writes the directory entries of the Backup"
            " Manager machines, and the entries of the users a job backs up stay in the site's directory",
        )
    if match := _LINK.match(line):
        return codes.UNKNOWN_KEYWORD(
            f"{word} is a CP directory statement, not a user ID of the group",
            span,
            help=f"remove the line: a group lists user IDs only; a job leaves a user's link out of its"
            f" backups with `exclude minidisk * {match.group(1).upper()}`",
        )
    if (mdisk := _MDISK.match(line)) or _SUBCONFIG.match(line):
        disk = _mdisk_as_disk(mdisk) if mdisk and mdisk.group(3) else "disk USERID 191 size 10 cyl"
        return codes.UNKNOWN_KEYWORD(
            f"{word} is a CP directory statement, not a user ID of the group",
            span,
            help="remove the line: a group lists user IDs only; a machine's minidisk is a `disk`"
            f" statement in the cluster block (`{disk}`), and bkrc writes"
            " the MDISK, BUILD and SUBCONFIG statements",
        )
    return None


def _entry_after_lead(
    line: str, word: str, group: str, span: Span, listed: frozenset[str], lead: tuple[str, Span]
) -> Diagnostic | None:
    """`LNXDB2 USER LNXDB1 XXXXXXXX 64M 128M G` on a line of a group body (`lead`, LNXDB2
    and its place; `line`, from USER): a CP directory entry, its user LNXDB1, after a word
    read as one more user ID of the group, a label or sequence word the entry was copied
    with, or a user listed before it on the line. The help says both readings; where the
    entry's kind is the group's, each is a choice written over the line from that word
    (the IDs `listed` already not written again). None where the line is no entry."""
    match = _DIRECTORY_ENTRY.match(line)
    if match is None:
        return None
    first, span_lead = lead
    entry, user = match.group(1).upper(), match.group(2).upper()
    kind = "single" if entry == "USER" else "identity"
    message = f"{word} starts a CP directory entry, not a user ID of the group"
    help = (
        f"list the user ID alone, `{user}`: a .bkr file does not hold passwords, storage or privilege classes;"
        f" `{first}` before the entry is read as a user ID too: remove it if it is a label, or list"
        f" `{first.upper()} {user}` if it is a user"
    )
    if group != kind or any(c in user + first for c in "*%?") or not _ID_WORD.fullmatch(first):
        also = f"; a {entry} entry makes `{user}` a{'n' if kind == 'identity' else ''} {kind} user"
        return codes.UNKNOWN_KEYWORD(message, span, help=help + (also if group and group != kind else ""))
    end = span.start + len(line.split("#", 1)[0].rstrip())
    written = Span(span.file, span_lead.line, span_lead.column, span.line, span.column + end - span.start,
                   span_lead.start, end)
    readings = ([user], [first.upper(), user])
    choices = []
    for ids in readings:
        new = " ".join(i for i in dict.fromkeys(ids) if i not in listed)
        if new and write_fix(new, written) not in choices:
            choices.append(write_fix(new, written))
    if len(choices) == 1:
        return codes.UNKNOWN_KEYWORD(message, span, help=help, fix=choices[0])
    return codes.UNKNOWN_KEYWORD(message, span, help=help, choices=tuple(choices))


def _entry_or_two_users(
    line: str, word: str, group: str, span: Span, listed: frozenset[str], remove: Span | None
) -> Diagnostic | None:
    """`IDENTITY TCPIP FTPSERVE` (or `USER LNXDB1 LNXDB2`) on a line of a group body, in
    capitals: a CP directory entry's first line, FTPSERVE its password, or the users
    TCPIP and FTPSERVE, `IDENTITY` written before them, which the words cannot tell (as
    identity_password_or_user says of the line where a declaration goes). The help says
    both readings; where the entry's kind is the group's, each is a choice that writes
    the IDs the body does not list already (`listed`), or, all listed, removes the line
    (`remove`, where it stands alone). None for any other line."""
    words = _COMMENT_START.split(line, maxsplit=1)[0].split()
    if len(words) != 3 or words[0] not in ("USER", "IDENTITY") or not all(_ID_WORD.fullmatch(w) for w in words[1:]):
        return None
    if any(w.lower() in ("group", "user", "match") for w in words[1:]):
        return None
    user, other = (w.upper() for w in words[1:])
    kind = "single" if words[0] == "USER" else "identity"
    message = f"{word} starts a CP directory entry, not a user ID of the group"
    alone = f", and the group lists `{user}` already: remove the line" if user in listed else f": list `{user}` alone"
    two = " ".join(i for i in (user, other) if i not in listed)
    help = (
        f"a CP directory's {words[0]} line names one user and its password{alone}, since a .bkr file holds no"
        f" passwords; if `{other}` is a second user, " + (f"list `{two}`" if two else "the group lists it already")
    )
    if group and group != kind:
        return codes.UNKNOWN_KEYWORD(
            message, span, help=f"{help}; an {words[0]} entry makes them {kind} users, and this group's users are {group}"
        )
    end = len(" ".join(words)) if line.startswith(" ".join(words)) else len(line.split("#", 1)[0].rstrip())
    written = Span(span.file, span.line, span.column, span.line, span.column + end, span.start, span.start + end)
    choices = []
    for ids in ([user], [user, other]):
        new = [i for i in dict.fromkeys(ids) if i not in listed]
        if new:
            choices.append(write_fix(" ".join(new), written))
        elif remove is not None:
            choices.append(remove_fix("the line", remove))
    if len(choices) == 2 and choices[0] == choices[1]:
        return codes.UNKNOWN_KEYWORD(message, span, help=help, fix=choices[0])
    return codes.UNKNOWN_KEYWORD(message, span, help=help, choices=tuple(choices))


def _record_in_group(line: str, word: str, group: str, named: str | None, span: Span) -> Diagnostic:
    """`INCLUDE MINIDISK LNXDB* = * * = * *` in the body of a group of kind `group` (named
    `named`): a job template's selection record. Its owner is who the group lists, its
    addresses what a job selects. A record of every disk (`= *`, the other columns `*`
    too) says no more than its owner: the fix writes the owner as the group's entry
    (`match LNXDB*`, or the ID alone). An exclude's owner, and an include's `*` (every
    user), are none of the group's users: the record goes into the jobs, no fix."""
    jobs = f"each job that backs up {named}" if named else "each job that backs up the group"
    message = f"{word} starts a Backup Manager template record, not a user ID of the group"
    if after := _owner_after_columns(line):
        return _record_owner_after(after, jobs, message, span)
    full = _template_range(line)
    found = full or _TEMPLATE_COLUMNS.fullmatch(line)
    if found is None:  # an SFS record, or one of no shape a selection has
        minidisk = _TEMPLATE_RECORD.match(line).group(2).upper() == "MINIDISK"
        example = "include minidisk OWNER ADDR..." if minidisk else "include sfs POOL:USER.DIR"
        return codes.KEY_VALUE(
            message, span, help=f"remove it: a group lists user IDs only; write the selection in {jobs}"
            f" without `=`, as in `{example}`; bkrc writes the template",
        )
    verb, owner, first, last = (g.upper() if g else g for g in found.groups()[:4])
    selection = f"{verb.lower()} minidisk {owner} {first if last is None or last == first else f'{first}-{last}'}"
    if verb == "EXCLUDE" or owner == "*":
        member = verb == "EXCLUDE" and group != "identity"  # a member's excludes end its single jobs only
        where = ", or into a `member` block for its single-configuration jobs" if member else ""
        return codes.KEY_VALUE(
            message, span, help=f"move it into {jobs} as `{selection}`{where}; a group lists user IDs only",
        )
    entry = f"match {owner}" if any(c in owner for c in "*%?") else owner
    if full is None or first != "*" or last is not None:  # some addresses: the job's to select
        return codes.KEY_VALUE(
            message, span, help=f"a group lists the record's owner, `{entry}`; {jobs} selects its disks,"
            f" `{selection}`; bkrc writes the template",
        )
    length = _record_length(full, line)
    record = Span(span.file, span.line, span.column, span.line, span.column + length, span.start, span.start + length)
    return codes.KEY_VALUE(
        message,
        span,
        help=f"write `{entry}`: the record selects every disk of its owner, whom a group lists;"
        f" {jobs} selects the disks (`{selection}`)",
        fix=write_fix(entry, record),
    )


def _owner_after_columns(line: str) -> re.Match | None:
    """`INCLUDE MINIDISK * = * * = * * LNXDB*` in a group body: an include record of
    every owner (`*` in its OWNER field, the third), then, after its columns, one word
    that is a user ID or a pattern of IDs (`fast.no_group_entry`), not an address (`0191`,
    1 to 4 hexadecimal digits) nor the record's own `*`: the match (the record, the ID)."""
    from bkrdsl.syntax.fast import no_group_entry

    found = _TEMPLATE_ID_AFTER.fullmatch(line)
    if found is None or "=" not in found.group(1):
        return None
    owner = found.group(2)
    if no_group_entry(owner) or re.fullmatch(r"[0-9A-F]{1,4}", owner, re.IGNORECASE):
        return None
    return found


def _record_owner_after(found: re.Match, jobs: str, message: str, span: Span) -> Diagnostic:
    """`INCLUDE MINIDISK * = * * = * * LNXDB*` in a group body (`_owner_after_columns`):
    the ID after the columns is whom the group lists, whether it was meant as the record's
    owner, written last, or as the group's next entry: the record's `*` is every user,
    and its disks the jobs' to select. Every disk (the columns all `*`): the fix writes
    the ID as the group's entry (`match LNXDB*`, or the ID alone), as for the ID in the
    record's OWNER field; with addresses, the help writes the job's selection."""
    record, owner = found.group(1), found.group(2).upper()
    entry = f"match {owner}" if any(c in owner for c in "*%?") else owner
    field = (
        f"`{owner}`, after the record's columns, is the user ID: a record names it in its third field,"
        f" OWNER, where `*` is every user"
    )
    shaped = _TEMPLATE_RANGE.fullmatch(record)
    if shaped is None:  # columns of no shape a selection has (`* 0191 = *`)
        return codes.KEY_VALUE(
            message, span, help=f"{field}; a group lists it, `{entry}`; {jobs} selects its disks"
            f" (`include minidisk {owner} ADDR...`); bkrc writes the template",
        )
    first, last = (g.upper() if g else g for g in shaped.groups()[2:4])
    selection = f"include minidisk {owner} {first if last is None or last == first else f'{first}-{last}'}"
    if first != "*" or last is not None:  # some addresses: the job's to select
        return codes.KEY_VALUE(
            message, span, help=f"{field}; a group lists it, `{entry}`; {jobs} selects its disks,"
            f" `{selection}`; bkrc writes the template",
        )
    length = found.end(2)  # the record and the ID after it (a comment after them stays)
    written = Span(span.file, span.line, span.column, span.line, span.column + length, span.start, span.start + length)
    return codes.KEY_VALUE(
        message,
        span,
        help=f"{field}; write `{entry}`: the record selects every disk, and a group lists its owner;"
        f" {jobs} selects the disks (`{selection}`)",
        fix=write_fix(entry, written),
    )


# ------------------------------------------------------------ diagnostics
BARE_BRACE = "a block starts with its keyword and name, as in `job NAME {`; this `{` has neither"


def user_ids(words: list[str]) -> bool:
    """Whether every one of `words` may be a user ID (1 to 8 of its characters, no keyword)."""
    return all(_ID_WORD.fullmatch(w) and w.lower() not in lexicon.KEYWORDS for w in words)


def user_with_body(kind: str, name: str, users: list[str], span: Span, user: Span, braces: Span) -> Diagnostic:
    """`identity user TCPIP { }`, `identity user SYSTEM { TCPIP }` (Recovery.user_declared_with_body):
    a user declaration with braces after it, `span` their `{`; `user` the keyword's span,
    `braces` the text from the name's end to the `}`'s. Empty, the fix removes them; with
    users inside, a group was meant: the fix writes `group` for `user`."""
    if not users:
        return codes.SYNTAX(
            f"`{kind} user {name}` declares one user, and takes no `{{ }}` after it",
            span,
            help=f"write `{kind} user {name}`; a group's users go in braces, `{kind} group NAME {{ ... }}`",
            fix=Fix("Remove the braces", (Edit(braces, ""),)),
        )
    listed = " ".join(users)
    return codes.SYNTAX(
        f"`{kind} user {name}` declares one user, and takes no `{{ }}` after it: the users in braces make a group",
        span,
        help=f"write `{kind} group {name} {{ {listed} }}` to declare the group {name} of them",
        fix=write_fix("group", user),
    )
STRAY_STRING = 'a quoted text can only follow `description`: `description "..."`'


def wrong_language(what: str, span: Span) -> Diagnostic:
    """The file looks like `what`, judged from the character at `span`."""
    return codes.WRONG_LANGUAGE(
        f"this looks like {what}, not a .bkr file",
        span,
        help="pass the cluster's .bkr source; a .bkr file starts with `import`, `cluster`,"
        " `single` or `identity` (see docs/language.md)",
    )


def unterminated_string(span: Span) -> Diagnostic:
    return codes.UNTERMINATED_STRING(
        "this text is not closed before the end of the line",
        span,
        help='end the text with `"` on the same line; write \\" for a quote inside it',
    )


def catalog_above_tape_line(diag: Diagnostic) -> Diagnostic:
    """A word read as `catalog` right above a line of `tape manager`'s options (`c`,
    `cat` or `catalo` where `tape manager ...` was, its `catalog-dmm TCDMM ...` line
    below): its BKR012 (`unknown_keyword`) without the fix that wrote `catalog`, which
    leaves that line's BKR013 (a catalog takes none of those options); the BKR013 says
    where the line belongs. Other diagnostics as they are. The fix is told by what it
    writes (its one edit's text), not by its title, which is wording."""
    if diag.fix is None or [edit.new_text for edit in diag.fix.edits] != ["catalog"]:
        return diag
    return replace(diag, fix=None, slip=None)


def write_fix(meant: str, span: Span) -> Fix:
    """The fix that writes `meant` over `span`."""
    return Fix.replace(f"Write `{meant}`", span, meant)


#: Where the machine of each `tape manager` option but `catalog-node` runs, which
#: names no member after it (`on_after_tape_option`).
_TAPE_MEMBERS = {
    "request-node": "the request nodes run on every member but the catalog node's",
    "catalog-dmm": "the catalog node's DMM runs on the catalog node's member",
    "request-dmm": "the request nodes' DMM runs on the request nodes' members",
}


def on_after_tape_option(option: str, name: str, member: str | None, span: Span, remove: Span) -> Diagnostic:
    """`request-node TRTMM on VMSYS2`: a member after a `tape manager` option that
    names a machine only. Only the catalog node names its member; the others run where
    it is not, or beside it. The fix removes `on MEMBER` (was BKR004 "expected `expire`
    before `on`", and a BKR013 for the option on the next line)."""
    on = f"on {member}" if member else "on"
    return codes.SYNTAX(
        f"`{option} {name}` takes no member: only the catalog node names one, `catalog-node NAME on MEMBER`",
        span,
        help=f"remove `{on}`: {_TAPE_MEMBERS[option]}",
        fix=remove_fix(f"`{on}`", remove),
    )


def remove_fix(what: str, span: Span) -> Fix:
    """The fix that deletes `span` (`what`, as a message shows it)."""
    return Fix.replace(f"Remove {what}", span, "")


def before(span: Span) -> Span:
    """The empty span at the start of `span`: where an insertion goes."""
    return Span(span.file, span.line, span.column, span.line, span.column, span.start, span.start)


def after(span: Span) -> Span:
    """The empty span at the end of `span`: where an insertion after it goes."""
    return Span(span.file, span.end_line, span.end_column, span.end_line, span.end_column, span.end, span.end)


def insert_choices(words: Sequence[str], span: Span, first: bool) -> tuple[Fix, ...]:
    """The choices (`Diagnostic.choices`) a help writes as words to insert, each
    *Insert `word`*: before `span` (`first`: `identity group APPS`) or after it
    (`catalog shared server X`)."""
    if first:
        return tuple(Fix.replace(f"Insert `{w}`", before(span), f"{w} ") for w in words)
    return tuple(Fix.replace(f"Insert `{w}`", after(span), f" {w}") for w in words)


#: The keywords `missing_before` says one of is left out whose help writes a choice, the
#: words they go before (`group APPS`: `identity` or `single`), and the choices, in
#: the help's order.
_CHOSEN_BEFORE = {
    "`identity` or `single`": (("group", "user"), ("identity", "single")),
    "`exclude` or `include`": (("minidisk", "sfs"), ("exclude", "include")),
}


def unknown_keyword(found: str, words: list[str], span: Span) -> Diagnostic:
    fix = None
    if len(words) == 1:
        help = f"write `{words[0]}`"
        fix = write_fix(words[0], span)
    else:  # equally close: bkrc reads on as the first, but cannot know which was meant
        help = f"write {alternatives(words)}, whichever you meant"
    message = f"{_unknown(found, words)}; did you mean {alternatives(words)}?"
    return codes.UNKNOWN_KEYWORD(message, span, help=help, fix=fix, slip=_misspelt(found, words) if fix else None)


def _misspelt(found: str, words: Sequence[str]) -> Slip | None:
    """The slip (`Diagnostic.slip`) of "unknown keyword `dayly`; did you mean `daily`?":
    `found`, the word shown, and the one keyword of `words` meant; None where the word
    is named another way (`_unknown`: "`sha` is not a keyword here"), or not shown
    as one word in backquotes."""
    if len(words) != 1 or _unknown(found, words) != f"unknown keyword {found}" or not found.startswith("`"):
        return None
    return Slip("misspelt", found, words[0])


def _unknown(found: str, words: list[str]) -> str:
    """How a misspelt or half typed keyword `found` (shown) is named: `unknown keyword
    `sha``; but a word that is the first part of the one hyphenated keyword meant, up
    to its hyphen (`shared` of `shared-volume`, itself a catalog's scope), is
    `not a keyword here`, which is true of a keyword too."""
    if len(words) == 1 and words[0].startswith(found.strip("`").lower() + "-"):
        return f"{found} is not a keyword here"
    return f"unknown keyword {found}"


def keyword_of_another_block(
    found: str, keyword: str, inner: Block | None, span: Span, brace: Span | None, homes: tuple[str, ...] = ()
) -> Diagnostic:
    """`keep 35 days` (or `retian`, `expiration`) in a job: the one keyword meant
    (`retain`) starts no statement in the block the word stands in, `inner`, but one
    of another block (`homes`: the kinds of block that take it, when known). No fix:
    writing `retain` there would give BKR013, as `retain 35 days` in a job does; the
    help says where the statement belongs, as BKR013's does, and the block the word
    stands in is shown. So at the top level of the file (`inner` and `brace` None:
    `keep 30 days` after the imports), where `retain` would give BKR013 too."""
    return codes.UNKNOWN_KEYWORD(
        f"{_unknown(found, [keyword])}; did you mean `{keyword}`?",
        span,
        help=_belongs(keyword, inner, homes),
        related=(Related(brace, f"{inner.title} starts here"),) if inner is not None and brace is not None else (),
    )


def unknown_keyword_unfinished(found: str, words: list[str], need: str, span: Span) -> Diagnostic:
    """`job J { inc }`: a misspelt keyword that ends its statement too soon. One error
    says both: the keyword meant, and what it must be followed by. No fix: writing
    the keyword alone does not finish the statement."""
    written = f"`{words[0]}`" if len(words) == 1 else f"{alternatives(words)}, whichever you meant,"
    return codes.UNKNOWN_KEYWORD(
        f"{_unknown(found, words)}; did you mean {alternatives(words)}?",
        span,
        help=f"write {written} followed by {need}: the statement ends after {found}",
    )


def abbreviation_meant(found: str, keyword: str, words: list[str], before: str, span: Span) -> Diagnostic:
    """`backup APPS inc`: an abbreviation of several keywords, of which one fits before
    the next word (`before`, as shown)."""
    both = alternatives(words).replace(" or ", " and ")
    return codes.UNKNOWN_KEYWORD(
        f"unknown keyword {found}; did you mean `{keyword}`?",
        span,
        help=f"write `{keyword}`: {found} abbreviates {both}, and only `{keyword}` fits before {before};"
        " keywords are written in full",
        fix=write_fix(keyword, span),
        slip=Slip("misspelt", found, keyword) if found.startswith("`") else None,
    )


def abbreviation_ambiguous(found: str, words: list[str], span: Span) -> Diagnostic:
    """A word that abbreviates several keywords, more than one (or none) of which fits."""
    return codes.UNKNOWN_KEYWORD(
        f"{found} is ambiguous: it abbreviates {alternatives(words).replace(' or ', ' and ')}",
        span,
        help=f"write the keyword in full: {alternatives(words)}, whichever you meant",
    )


#: `tape manager shared`, then a word on its line, or first on the next line indented
#: deeper than `tape` (the statement going on there), last on that line but for a
#: comment: `tape_options_begun` keeps those that begin `catalog-` (`tape_option_begun`).
_TAPE_WORD_AFTER_SHARED = re.compile(
    r"^([ \t]*)tape[ \t]+manager[ \t]+shared(?:[ \t]+|[ \t]*(?:#[^\n]*)?\n([ \t]*))"
    r"([A-Za-z][A-Za-z-]*)[ \t]*(?=#|\n|$)",
    re.IGNORECASE | re.MULTILINE,
)

#: The two options of `tape manager` that every word of `catalog-` begins.
_CATALOG_OPTIONS = ("catalog-node", "catalog-dmm")


def tape_options_begun(text: str) -> list[tuple[int, int, int, dict[str, int]]]:
    """`tape manager shared cat` (or `c` .. `catalog-`, also first on the statement's
    next line, indented deeper than `tape`): a word that begins both `catalog-node` and
    `catalog-dmm`, which the parsers read otherwise (`catalog` the cluster's statement,
    or the `-` alone). Each such word's start and end, where its line ends, and which of
    the two options the statement's lines below it (indented deeper than `tape`) give,
    each with where it stands."""
    found = []
    lowered = text.lower()
    if "manager" not in lowered:
        return found
    for match in _TAPE_WORD_AFTER_SHARED.finditer(text):
        indent, below, word = match.group(1), match.group(2), match.group(3)
        if not "catalog-".startswith(word.lower()):
            continue
        if below is not None and len(below.expandtabs()) <= len(indent.expandtabs()):
            continue  # a statement of its own below `tape manager shared`: perhaps `catalog`
        start, end = match.start(3), match.end(3)
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        given: dict[str, int] = {}
        at = line_end + 1
        while at < len(text):
            stop = text.find("\n", at)
            stop = len(text) if stop < 0 else stop
            line = text[at:stop].split("#", 1)[0]
            if line.strip():
                if len(line) - len(line.lstrip(" \t")) <= len(indent):
                    break
                for option in re.finditer(r"[^\s]+", line):
                    if option.group().lower() in _CATALOG_OPTIONS:
                        given.setdefault(option.group().lower(), at + option.start())
            at = stop + 1
        found.append((start, end, line_end, given))
    return found


def tape_option_begun(word: str, given: Iterable[str], span: Span) -> Diagnostic:
    """`tape manager shared cat`: the word `tape_options_begun` finds, one error for it.
    Where the statement below already gives one of the two options, the other is the
    word's fix; else a choice of each, `catalog-node` first, which `shared` needs."""
    left = [option for option in _CATALOG_OPTIONS if option not in given] or list(_CATALOG_OPTIONS)
    node = "`catalog-node NAME on MEMBER`, the catalog node's Tape Manager Machine (TMM) and the member it runs on"
    dmm = "`catalog-dmm NAME`, that node's Device Manager Machine (DMM)"
    if len(left) == 1:
        meant = left[0]
        other = "catalog-dmm" if meant == "catalog-node" else "catalog-node"
        return codes.UNKNOWN_KEYWORD(
            f"`{word}` is `tape manager`'s option `{meant}` begun",
            span,
            help=f"write `{meant}` in full ({node if meant == 'catalog-node' else dmm}):"
            f" the statement gives `{other}` below",
            fix=write_fix(meant, span),
        )
    return codes.UNKNOWN_KEYWORD(
        f"`{word}` is `tape manager`'s option `catalog-node` or `catalog-dmm` begun: which one cannot be told",
        span,
        help=f"`tape manager shared` needs {node}; {dmm}, is optional: write the one you meant in full",
        choices=tuple(write_fix(option, span) for option in left),
    )


def hyphen_missing(written: str, keyword: str, span: Span) -> Diagnostic:
    """`jobsuffix`, `job suffix`: a hyphenated keyword without its hyphen."""
    return codes.UNKNOWN_KEYWORD(
        f"unknown keyword `{written}`; did you mean `{keyword}`?",
        span,
        help=f"write `{keyword}`: one word, with a hyphen",
        fix=write_fix(keyword, span),
        slip=Slip("misspelt", f"`{written}`", keyword),
    )


#: Where each hyphenated keyword belongs, and an example of it there (a test checks
#: that these are every hyphenated keyword of the grammar and that each example parses).
#: `MEMBER` stands for a member: hyphenated_misplaced writes the file's first in its place.
HYPHENATED_HOMES: dict[str, tuple[str, str]] = {
    "shared-volume": ("directly inside `cluster NAME { ... }`", "shared-volume VMCOM1"),
    "private-volume": ("in a `member` block", "member MEMBER { private-volume M1PRV1 }"),
    "job-suffix": ("in a `member` block", "member MEMBER { job-suffix C }"),
    "catalog-node": ("in the `tape manager` statement", "tape manager shared catalog-node TCTMM on MEMBER"),
    "request-node": (
        "in the `tape manager` statement",
        "tape manager shared catalog-node TCTMM on MEMBER request-node TRTMM",
    ),
    "catalog-dmm": (
        "in the `tape manager` statement",
        "tape manager shared catalog-node TCTMM on MEMBER catalog-dmm TCDMM",
    ),
    "request-dmm": (
        "in the `tape manager` statement",
        "tape manager shared catalog-node TCTMM on MEMBER request-node TRTMM request-dmm TRDMM",
    ),
    "logon-wait": ("in the `catalog` statement", "catalog shared server BKRSVSFS logon-wait 2 minutes"),
    "pool-wait": ("in the `catalog` statement", "catalog shared pool BKRPOOL pool-wait 10 minutes"),
}


#: What each keyword that starts no statement, and has no hyphen, is and where it is
#: written, for `keyword_as_label`'s help (a test checks that these are every such
#: keyword of the grammar).
_SCHEDULE_PLACE = (
    "starts a schedule, written after `run on MEMBER` in a job or after `preview` or `purge` in an `expire` block"
)
KEYWORD_PLACES: dict[str, str] = {
    "shared": (
        "is the scope of `catalog shared ...` or `tape manager shared ...`, in the cluster block; a volume"
        " every member reaches is listed in the cluster's `shared-volume`"
    ),
    "local": "is the scope of `catalog local ...` or `tape manager local ...`, in the cluster block",
    "manager": "is written in `tape manager shared ...`, in the cluster block",
    "server": "names the catalog's SFS server: `catalog shared server USERID`",
    "pool": "names the catalog's file pool, `catalog shared pool POOL`, or a job's, `to disk pool NAME`",
    "on": (
        "names a member (`run on MEMBER`, `expire on MEMBER`, a catalog's `on MEMBER`) or a disk's volume"
        " (`disk USER 191 size 10 cyl on VOLUME`)"
    ),
    "each": "is written in `on each member`, after `run` in a job or after `expire`",
    "at": "gives where a disk starts on its volume: `disk USER 191 size 10 cyl on VOLUME at START`",
    "size": "gives a disk's size: `disk USER 191 size 10 cyl`",
    "as": "gives the address a link is made at: `link MACHINE OWNER 05E5 as 0395 RR`, in the cluster block",
    "days": "is written in `retain N days`, in an `expire` block",
    "full": "is a backup's level: `backup GROUP full`, in a job",
    "incremental": "is a backup's level: `backup GROUP incremental`, in a job",
    "daily": _SCHEDULE_PLACE,
    "weekly": _SCHEDULE_PLACE,
    "monthly": _SCHEDULE_PLACE,
    "manual": _SCHEDULE_PLACE,
    **{nth: f"is written in a `monthly` schedule: `monthly {nth} sun 02:00`" for nth in ("first", "second", "third", "fourth", "last")},
    "user": "is written in a declaration: `single user ID` or `identity user ID`",
    "group": "is written in a declaration: `single group NAME { ... }` or `identity group NAME { ... }`",
    "role": "is written in a declaration: `single user ID role ROLE`",
    "minidisk": "is written in a selection: `include minidisk OWNER ADDRESS`, in a job or a member block",
    "sfs": "is written in a selection: `include sfs POOL:USER.DIR`, in a job",
}


#: What each word of a value that no keyword spells (`fast.VALUE_PLACE_WORDS`: `cyl`,
#: `seconds`, `sun`) is and where it is written, as KEYWORD_PLACES says of a keyword.
VALUE_PLACES: dict[str, str] = {
    **dict.fromkeys(DISK_UNIT_WORDS, "is the unit of a disk's size: `disk USER 191 size 10 cyl` (or `blk`), in the cluster block"),
    **dict.fromkeys(
        WAIT_UNIT_WORDS, "is the unit of a wait on the catalog line: `catalog shared ... logon-wait 2 minutes`"
    ),
    **dict.fromkeys(DAYS, "is a day of the week, written in a schedule: `weekly sun 02:00`, `monthly first sun 02:00`"),
}
#: Where each word written in small letters that no volume label nor user ID is written
#: as (`fast.PLACE_WORDS`) belongs: a keyword's place, a value's.
WORD_PLACES: dict[str, str] = {**VALUE_PLACES, **KEYWORD_PLACES}  # `second`: the ordinal keyword


def word_kind(lowered: str) -> str:
    """What a word of WORD_PLACES is, for a message: `a keyword`, `a unit`, `a day of the week`."""
    if lowered in KEYWORD_PLACES:
        return "a keyword"
    return "a day of the week" if lowered in DAYS else "a unit"


#: What the part of a statement a keyword (or a value's word) starts is, for a message
#: about it written in a list (`daily 02:00`: a schedule); `_part_what`.
_PART_WHAT = {
    **dict.fromkeys(("daily", "weekly", "monthly", "manual"), "a schedule"),
    **dict.fromkeys(("first", "second", "third", "fourth", "last"), "part of a `monthly` schedule"),
    "size": "a disk's size", "at": "where a disk starts on its volume", "days": "a retention",
    "as": "a link's address",
    "minidisk": "a selection", "sfs": "a selection", "on": "a placement", "each": "a placement",
    "role": "a role", "server": "the catalog's server", "pool": "a pool", "full": "a backup's level",
    "incremental": "a backup's level", "user": "a declaration", "group": "a declaration",
    "shared": "a scope", "local": "a scope", "manager": "a scope",
}  # fmt: skip


def _part_what(lowered: str, unit: str = "") -> str:
    """What the statement's part that `lowered` starts is: `a schedule` for `daily`; a
    number's by its `unit` (`30 seconds`: a wait)."""
    if lowered.isdigit():
        return "a disk's size" if unit in DISK_UNIT_WORDS else "a wait"
    if lowered in _PART_WHAT:
        return _PART_WHAT[lowered]
    if lowered in DAYS:
        return "a schedule's day and time"
    return "a unit and what follows it" if lowered in VALUE_PLACES else "part of a statement"


def _written_there(written: str) -> str:
    """`written` as it is written in its place: a selection with its `include`."""
    low = written.split()[0].lower()
    if low in ("minidisk", "sfs"):
        return f"`include {written}` (or `exclude`)"
    return f"`{written}`"


def statement_part_in_group(written: str, group: tuple[str, str] | None, span: Span, brace: Span) -> Diagnostic:
    """`single group APPS { CICSPRD DB2PRD daily 02:00 }`: a statement's part, a keyword
    and words after it that can be no user ID (`fast.misplaced_in_group`), written in a
    group body, which would read them as user IDs (BKR301 for `02:00`, BKR341 for
    `10`, a pattern `*` that matches every user). One error, which says what was
    written and where it belongs; its words are skipped."""
    words = written.lower().split()
    low = words[0]
    placed = words[1] if low.isdigit() else low  # `30 seconds`: where the unit is written
    return codes.MISPLACED(
        f"`{written}` is {_part_what(low, words[-1])}, not user IDs: a group lists user IDs only",
        span,
        help=(
            f"`{placed}` {WORD_PLACES[placed]}: write {_written_there(written)} there, out of the group; in the"
            " group its words are read as user IDs"
        ),
        related=(
            Related(brace, f"`{group[0]} group {group[1]}` starts here" if group else "the group starts here"),
        ),
    )


def group_in_list(name: str, inner: str, span: Span) -> Diagnostic:
    """`single group APPS { CICSPRD group TESTERS { TEST01 } }`, or the same after a
    member's volume labels: a group declared inside another block (`inner`, its title:
    `group APPS`, `member VMSYS1`), its kind left out. Groups are declared directly in
    the cluster block. One error at `group`; the block is skipped whole (was "a block
    starts with its keyword and name", at its `{`)."""
    return codes.MISPLACED(
        f"`group {name} {{ ... }}` declares a group inside {inner}: groups are declared in the cluster block",
        span,
        help=(
            f"move it out of {inner}, after its `}}`, with its kind: `single group {name} {{ ... }}` or"
            f" `identity group {name} {{ ... }}`"
        ),
    )


def keyword_as_label(word: str, keyword: str, span: Span, written: str | None = None) -> Diagnostic:
    """`private-volume M1PRV1 shared`: a keyword that starts no statement, written as
    keywords are (not in capitals), after the labels of a volume list, which read it
    as one more label, silently (BKR305 when it was too long for one, `incremental`).
    A volume label is written in capitals; the word fits no statement there. The
    statement keywords are BKR021's (`retain 30 days` there: a statement's line read
    as labels, a warning)."""
    lowered = word.lower()
    if written is not None and written != word:
        # `size 10 cyl`, `monthly first sun 02:00`: the keyword and the words after it
        # that are its (`fast.statement_part`), one slip, not a label each
        return _phrase_not_labels(
            written,
            _part_what(lowered),
            keyword,
            span,
            f"`{lowered}` {WORD_PLACES[lowered]}: write {_written_there(written)} there, out of the list",
        )
    return codes.SYNTAX(
        f"`{word}` is {word_kind(lowered)}, not a volume label: `{keyword}` lists volume labels, which are written"
        " in capitals",
        span,
        help=f"`{lowered}` {WORD_PLACES[lowered]}. If a volume is labelled {word.upper()}, write it so:"
        f" `{word.upper()}`",
    )


def retention_as_labels(written: str, days: str, keyword: str, span: Span) -> Diagnostic:
    """`private-volume M2PRV1` and, on the line below, `keep 35 days` (or `retian 35
    days`, `35 days`): a retention, its `retain` another word or left out, after the
    labels of a volume list, which read its first words as two more labels and stopped
    at `days` ("`days` is a keyword, not a volume label", which said nothing of
    `keep 35`). One error, over the words, that says what was written and how it is
    written where it belongs, as for `size 10 cyl` there (keyword_as_label); no fix: the
    statement is to be moved, to an expire block."""
    if written.split()[0].lower() == "retain":
        # `retain 35 days` itself below the labels (h8's stop-72 report: was BKR021's warning)
        help = "`retain` belongs in an `expire on MEMBER { ... }` block: move it there, out of the list"
    else:
        help = f"a retention is written `retain {days} days`, in an `expire` block: write it there, out of the list"
    return _phrase_not_labels(written, "a retention", keyword, span, help)


def filepool_after_labels(pool: str, keyword: str, span: Span) -> Diagnostic:
    """`filepool BKRPOOL` on a line of its own below a volume list's labels: CMS's word
    for `pool` (`QUERY FILEPOOL`) and a pool's name, read as two more labels (BKR305
    twice, h8's stop-72 report). One error that names it; no fix: the catalog's
    `pool` or a job's may be meant, and each is written in its own statement."""
    return _phrase_not_labels(
        f"filepool {pool}",
        "a file pool (CMS's `filepool` is `pool` in .bkr)",
        keyword,
        span,
        f"`pool` names the catalog's file pool, `catalog shared server NAME pool {pool} on MEMBER`, or a job's,"
        f" `to disk pool {pool}`: write it in that statement, out of the list",
    )


def _phrase_not_labels(written: str, what: str, keyword: str, span: Span, help: str) -> Diagnostic:
    """The one error for a phrase of a statement after a volume list's labels
    (keyword_as_label's `size 10 cyl`, retention_as_labels' `keep 35 days`): what it
    is, and, where its words could be labels, how volumes so labelled are written."""
    labels = all(_VOLSER.fullmatch(w) for w in written.split())
    return codes.SYNTAX(
        f"`{written}` is {what}, not volume labels: `{keyword}` lists volume labels, which are written in capitals",
        span,
        help=help + (f". If these are volumes, write their labels so: `{written.upper()}`" if labels else ""),
    )


#: The options of `tape manager` among them (syntax/lexicon.py: every one is hyphenated).
TAPE_OPTIONS = frozenset(k for k in lexicon.TAPE_OPTIONS if "-" in k)
#: The options of `catalog` among them (syntax/lexicon.py).
CATALOG_OPTIONS = frozenset(k for k in lexicon.CATALOG_OPTIONS if "-" in k)


def hyphen_names(written: str, keyword: str, statement: str, names: list[str], span: Span) -> Diagnostic:
    """`private-volume M1PRV1 job suffix C`: the keyword without its hyphen, or two
    volume labels (`JOB`, `SUFFIX`) in the list: both read; bkrc takes the keyword.
    `names` are the two words, then the list's other names. Written in capitals
    (`JOB SUFFIX C`), the two readings are equal: no fix. Not in capitals, as volume
    labels are written (BKR021 warns of a label that is not), the keyword is the clear
    reading: the fix writes its hyphen."""
    first, second = names[:2]
    as_labels = written == written.upper()
    return codes.UNKNOWN_KEYWORD(
        f"unknown keyword `{written}`; did you mean `{keyword}`?",
        span,
        help=f"write `{keyword}`: one word, with a hyphen. If `{first}` and `{second}` are volume"
        f" labels, list them first, right after `{statement}`, where no keyword can stand:"
        f" `{statement} {' '.join(names)}`",
        fix=None if as_labels else write_fix(keyword, span),
        slip=Slip("misspelt", f"`{written}`", keyword),
    )


def hyphenated_misplaced(
    written: str,
    keyword: str,
    where: str,
    span: Span,
    brace: tuple[str, Span] | None,
    member: str | None = None,
    rest: str | None = None,
    text: str | None = None,
) -> Diagnostic:
    """`job suffix C` (or `job-suffix C`) in a block where `job-suffix` does not belong.
    `where` is `a `cluster` block`, ...; `brace` the block's title and its `{`; `member`,
    the file's first member as far as it is read (None: none yet), which the example
    names (`on VMSYS1`; else `on MEMBER`, no member made up); `rest`, the text after the
    keyword to its line's end, whose values a member setting's example writes (`member
    VMSYS1 { job-suffix D }`, not the example's own `C`). `text`, the file's: a statement
    of the cluster alone (`shared-volume LABCOM` in an expire block) moved below the
    block's `}` by the help and its fix, as misplaced_inside's (`_moved_out_help`; was the
    example `shared-volume VMCOM1`, not the file's own line)."""
    home, example = HYPHENATED_HOMES[keyword]
    values = _member_setting_values(keyword, rest)
    if values:
        example = f"member MEMBER {{ {keyword} {values} }}"
    if member:
        example = example.replace("MEMBER", member)
    fix = None
    if written == keyword:
        message = f"`{keyword}` cannot appear in {where}"
        help = f"`{keyword}` belongs {home}: `{example}`"
        if text is not None and brace is not None and keyword in MOVED_OUT:
            help, fix = _moved_out_help(keyword, text, span, brace[0], brace[1], help)
    else:
        message = (
            f"`{written}` looks like `{keyword}` without its hyphen, but `{keyword}` cannot appear in {where}"
        )
        help = f"write `{keyword}`, one word with a hyphen, {home}: `{example}`"
    related = () if brace is None else (Related(brace[1], f"{brace[0]} starts here"),)
    return codes.MISPLACED(message, span, help=help, related=related, fix=fix)


#: A volume label or a job suffix, as a member setting's example may write it.
_SETTING_VALUE = re.compile(r"[A-Za-z0-9$#@]{1,8}")


def _member_setting_values(keyword: str, rest: str | None) -> str | None:
    """The values of a member setting (`private-volume`, `job-suffix`) its line writes
    after it (`rest`, to the line's end: its comment and a `}` left out), in capitals, as
    its example in a member block writes them; None where they are none such (a
    `job-suffix` takes one)."""
    if rest is None or keyword not in ("private-volume", "job-suffix"):
        return None
    words = line_words(rest).split("}", 1)[0].split()
    if not words or not all(_SETTING_VALUE.fullmatch(w) and w.lower() not in lexicon.KEYWORDS for w in words):
        return None
    if keyword == "job-suffix" and len(words) != 1:
        return None
    return " ".join(w.upper() for w in words)


def glued_keyword(keyword: str, rest: str, span: Span) -> Diagnostic:
    word, keyword = keyword + rest, keyword.lower()
    if rest[:1].isdigit() or len(rest) > 1:  # `workers3`, `poolBKRPOOL`: the value without its blank
        meant = f"{keyword} {rest}"
        help = f"write `{meant}`: a keyword ends at a blank"
    else:  # `private-volumes`: a word a letter too long
        meant = keyword
        help = f"write `{keyword}`: bkrc reads `{word}` as `{keyword}` followed by a name `{rest}`"
    return codes.UNKNOWN_KEYWORD(
        f"unknown keyword `{word}`; did you mean `{meant}`?",
        span,
        help=help,
        fix=write_fix(meant, span),
        slip=Slip("misspelt", f"`{word}`", meant),
    )


def kind_plural(kind: str, word: str, name: str, span: Span) -> Diagnostic:
    """`identity users SYSIDS {`, `identity groups SYSIDS {`: a declaration's `user` or
    `group` in the plural before a name and a `{`, which says a group."""
    meant = f"{kind} group {name} {{"
    if word.lower() == "users":
        message = f"unknown keyword `{word}`; did you mean `group`? The `{{` after `{name}` opens a group"
        help = f"write `{meant}`: a group lists its users between `{{` and `}}`; `{kind} user` declares users without braces"
        slip = Slip("misspelt")
    else:
        message = f"unknown keyword `{word}`; did you mean `group`?"
        help = f"write `{meant}`: a declaration's `group` is written in the singular"
        slip = Slip("misspelt", f"`{word}`", "group")
    return codes.UNKNOWN_KEYWORD(message, span, help=help, fix=write_fix("group", span), slip=slip)


def glued_swapped(word: str, meant: str, span: Span) -> Diagnostic:
    """`onexpire PRODA {`: a statement's keyword and the one after it (`expire on`),
    run together the other way round; `meant`, the two in order."""
    keyword = meant.split()[0]
    return codes.UNKNOWN_KEYWORD(
        f"unknown keyword `{word}`; did you mean `{meant}`?",
        span,
        help=f"write `{meant}`: the statement starts with `{keyword}`, and a keyword ends at a blank",
        fix=write_fix(meant, span),
        slip=Slip("misspelt", f"`{word}`", meant),
    )


def hyphen_for_blank(word: str, meant: str, span: Span) -> Diagnostic:
    """`run-o` in a job: a statement's keyword, `-` and the start of the keyword after
    it (`meant`, the two in full), as `run on` is typed with a `-` for the blank."""
    return codes.UNKNOWN_KEYWORD(
        f"unknown keyword `{word}`; did you mean `{meant}`?",
        span,
        help=f"write `{meant}`: two keywords are separated by a blank; a `-` joins the parts of one keyword",
        fix=write_fix(meant, span),
        slip=Slip("misspelt", f"`{word}`", meant),
    )


def glued_unfinished(diag: Diagnostic, meant: str, word: str, need: str) -> Diagnostic:
    """`onexpire` alone: keywords written without their blank (`diag`, their BKR012;
    `meant`, the keywords) where the statement stops right after them. One error says
    both, at the word: the keywords meant, and what must follow them. No fix: writing
    the keywords alone does not finish the statement (as unknown_keyword_unfinished)."""
    return codes.UNKNOWN_KEYWORD(
        diag.message,
        diag.span,
        help=f"write `{meant}` followed by {need}: the statement ends after {shown(word)}",
    )


def synonym_option(word: str, keyword: str, value: str | None, span: Span) -> Diagnostic:
    """`disk ... on VMCOM1 extent 1000`: another tool's word (KEYWORD_SYNONYMS) for the
    keyword the statement goes on with; `value`, the word after it."""
    written = f"{keyword} {value}" if value else keyword
    return codes.UNKNOWN_KEYWORD(
        f"unknown keyword `{word}`; did you mean `{keyword}`?",
        span,
        help=f"write `{written}`: {follower(keyword, 0)} follows `{keyword}`",
        fix=write_fix(keyword, span),
        slip=Slip("misspelt", f"`{word}`", keyword),
    )


def english_for_keyword(word: str, keyword: str, span: Span) -> Diagnostic:
    """`disk ... cyl onto VOL001`: an English word (KEYWORD_SYNONYMS) that starts with
    the keyword it stands for, which the lexer split into the keyword and a name."""
    rest = word[len(keyword) :]
    return codes.UNKNOWN_KEYWORD(
        f"unknown keyword `{word}`; did you mean `{keyword}`?",
        span,
        help=f"write `{keyword}`: bkrc reads `{word}` as `{keyword}` followed by a name `{rest}`",
        fix=write_fix(keyword, span),
        slip=Slip("misspelt", f"`{word}`", keyword),
    )


def glued_letter(keyword: str, letter: str, span: Span) -> Diagnostic:
    """`importt std/zvm73`: a keyword with a letter too many, its value after it."""
    word, keyword = keyword + letter, keyword.lower()
    return codes.UNKNOWN_KEYWORD(
        f"unknown keyword `{word}`; did you mean `{keyword}`?",
        span,
        help=f"write `{keyword}`: `{word}` has a letter too many",
        fix=write_fix(keyword, span),
        slip=Slip("misspelt", f"`{word}`", keyword),
    )


#: The bounds of the numbers after the keywords of COUNTS: the checks' own, which the
#: syntax may not import (docs/architecture.md, Layers), so a test keeps them the same
#: (tests/test_syntax_slips.py): check.values.MAX_RETAIN_DAYS (BKR315);
#: resolve.model.MAX_WORKERS (BKR316); resolve.model.DISK_UNIT_LIMITS, the largest
#: volume of each unit, which no disk size or extent passes (BKR316); and
#: resolve.model.MAX_WAIT_SECONDS with BKRSTART's tries, LOGON_POLL_SECONDS and
#: POOL_POLL_SECONDS, of which a wait is a whole number (BKR337).
RETAIN_DAYS_MOST = 36500
WORKERS_MOST = 64
DISK_UNIT_MOST = {"cyl": 1_182_006, "blk": 2**32}
WAIT_SECONDS_MOST = 3600
WAIT_TRIES = {"logon-wait": 2, "pool-wait": 5}


def _wait_count(keyword: str) -> tuple[str, str, str]:
    """COUNTS' words for `logon-wait` or `pool-wait`: a whole number of BKRSTART's
    tries (every 2 or 5 seconds), from one try up to WAIT_SECONDS_MOST."""
    tries, minutes = WAIT_TRIES[keyword], WAIT_SECONDS_MOST // 60
    return (
        "a wait",
        f"waits from {tries} seconds to {minutes} minutes, in whole {tries}-second tries",
        (
            f"write `{keyword} N seconds`, N a multiple of {tries} up to {WAIT_SECONDS_MOST},"
            f" or `{keyword} N minutes`, N from 1 to {minutes}"
        ),
    )


#: The numbers a keyword takes, by the keyword: what the number is, what the keyword
#: takes, and the help, which writes the form (the bounds above).
COUNTS: dict[str, tuple[str, str, str]] = {
    "retain": (
        "a number of days",
        f"takes a whole number from 1 to {RETAIN_DAYS_MOST}",
        f"write `retain N days`, N from 1 to {RETAIN_DAYS_MOST}",
    ),
    "workers": (
        "a worker count",
        f"takes a whole number from 1 to {WORKERS_MOST}",
        f"write `workers N`, N from 1 to {WORKERS_MOST}",
    ),
    "size": (
        "a disk size",
        "takes a whole number of at least 1",
        (
            f"write `size N cyl`, N from 1 to {DISK_UNIT_MOST['cyl']:,}, or `size N blk`, N from 1 to"
            f" {DISK_UNIT_MOST['blk']:,}"
        ),
    ),
    "at": (
        "an extent start",
        "takes a whole number of 0 or more, the extent's first cylinder or block",
        (
            f"write `on VOLUME at START`, START from 0: a cylinder up to {DISK_UNIT_MOST['cyl'] - 1:,},"
            f" a block up to {DISK_UNIT_MOST['blk'] - 1:,}"
        ),
    ),
    "logon-wait": _wait_count("logon-wait"),
    "pool-wait": _wait_count("pool-wait"),
}


#: The keywords of COUNTS whose number a unit follows, and the grammar's type of that
#: unit's word (grammar/bkr.lark: `size NAME NAME`, `retain NAME "days"`).
UNIT_AFTER_COUNT = {"size": "NAME", "logon-wait": "NAME", "pool-wait": "NAME", "retain": "DAYS"}


def negative_count(keyword: str, word: str, span: Span, unit: bool = False) -> Diagnostic:
    """`retain -1 days`, `workers -1`, `size -10 cyl`, `at -5`, `logon-wait -3
    minutes`: a number with a minus sign where a keyword takes a number (COUNTS),
    which no name starts with: say what the number may be, not "unexpected `-1`;
    expected a name". `unit`: the number's unit run on to it (`size -10cyl`,
    `retain -35days`), which the message says is a word of its own, as the help
    writes it. Letters run on to the number of a keyword that no unit follows
    (`workers -4x`, `at -5cyl`): the message says it takes none. No fix: the number
    is a choice."""
    what, takes, help_text = COUNTS[keyword.lower()]
    letters = word.lstrip("-0123456789")
    if letters and keyword.lower() not in UNIT_AFTER_COUNT:
        # `workers -4x`, `at -5cyl`: a keyword whose number no unit follows, letters run on
        return codes.SYNTAX(
            f"`{word}` is not {what}: `{keyword.lower()}` {takes}, without a unit",
            span,
            help=f"{help_text}; the number without `-` and without `{letters}`",
            label="a whole number expected here",
        )
    if unit:
        written = f"`{letters}`"
        if keyword.lower() == "size" and letters.lower() in DISK_UNIT_WORDS:
            # `-10cyl`: the help writes the form of the unit written, with its bound
            written = "`cyl`" if letters.lower().startswith("c") else "`blk`"
            most = DISK_UNIT_MOST[written.strip("`")]
            help_text = f"write `size N {written.strip('`')}`, N from 1 to {most:,}"
        elif keyword.lower() == "retain":
            written = "`days`"
        elif keyword.lower() == "size" or letters.lower() not in WAIT_UNIT_WORDS:
            written = "the unit"  # `-10M`, `-5h`: no unit of the keyword's
        return codes.SYNTAX(
            f"`{word}` is not {what}: `{keyword.lower()}` {takes}, and its unit is a word of its own",
            span,
            help=f"{help_text}: the number without `-`, then a blank before {written}",
            label="a whole number, then its unit, expected here",
        )
    return codes.SYNTAX(
        f"`{word}` is not {what}: `{keyword.lower()}` {takes}",
        span,
        help=help_text,
        label="a whole number expected here",
    )


def number_glued(word: str, number: str, keyword: str, span: Span) -> Diagnostic:
    """`workers 4private-volume M1PRV1`: a number and the keyword after it without
    the blank between them."""
    meant = f"{number} {keyword}"
    return codes.UNKNOWN_KEYWORD(
        f"`{word}` is a number and a keyword run together; did you mean `{meant}`?",
        span,
        help=f"write `{meant}`: a value ends at a blank, so `{keyword.lower()}` needs one before it",
        fix=write_fix(meant, span),
    )


def name_glued(word: str, name: str, keyword: str, span: Span) -> Diagnostic:
    """`catalog shared server BKRSVSFSpool BKRPOOL`: a name and the keyword after it
    without the blank between them."""
    meant = f"{name} {keyword}"
    return codes.UNKNOWN_KEYWORD(
        f"`{word}` is a name and a keyword run together; did you mean `{meant}`?",
        span,
        help=f"write `{meant}`: a name ends at a blank, so `{keyword}` needs one before it",
        fix=write_fix(meant, span),
    )


def glued_keywords(
    word: str, pieces: list[str], span: Span, value: bool = False, source: Source | None = None
) -> Diagnostic:
    """Keywords run together (`sharedserver`): `pieces` are what was meant, word by word;
    `value` when the last is a name (`sharedserverBKRSVSFS`, `daily01:00`). When the
    pieces spell the word as written and `source` is given, the fix only inserts the
    blanks, so it touches nothing else (`includeminidisk#`: the `#` then starts a
    comment, which a fix never writes over)."""
    meant = " ".join(pieces)
    why = "a keyword ends at a blank" + ("" if value else ", so two keywords need one between them")
    message = f"unknown keyword `{word}`; did you mean `{meant}`?"
    fix = write_fix(meant, span)
    if source is not None and "".join(pieces) == word:
        at, edits = span.start, []
        for piece in pieces[:-1]:
            at += len(piece)
            edits.append(Edit(source.span(at, at), " "))
        fix = Fix(f"Write `{meant}`", tuple(edits))
    return codes.UNKNOWN_KEYWORD(message, span, help=f"write `{meant}`: {why}", fix=fix, slip=Slip("misspelt", f"`{word}`", meant))


def hash_in_keyword(word: str, rest: str, span: Span, at: Span | None) -> Diagnostic:
    """`retain 30 days#keep a month`: a keyword with a `#` right after it, where the
    keyword fits. A `#` starts a comment only where a token starts; inside a word it is
    part of the word (`SYS#1`, `BKRPOOL:CICS*.*#`), so `days#keep` is one word and no
    keyword. `rest`: the line from the `#` on; `at`, the empty span before the `#`,
    where the fix inserts the blank that makes it the comment meant; None where the
    words after it on the line would read on after the keyword (`catalog shared#x
    server BKRSVSFS ...`): they may be the statement's, not a comment, and there is no
    fix."""
    head = word[: word.index("#")]
    if at is None:
        return codes.UNKNOWN_KEYWORD(
            f"unknown keyword {shown(word)}: a `#` inside a word is part of the word",
            span,
            help=f"write `{head}` alone if the words after it belong to the statement;"
            " a comment needs a blank before its `#`",
        )
    return codes.UNKNOWN_KEYWORD(
        f"unknown keyword {shown(word)}; did you mean `{head.lower()}` and a comment?",
        span,
        help=f"write {shown(f'{head} {rest}', 60)}: a comment needs a blank before its `#`,"
        " which inside a word is part of the word",
        fix=Fix("Write a blank before `#`", (Edit(at, " "),)),
        slip=Slip("misspelt"),
    )


def comment_glued(value: str, words: str, line: str, span: Span, at: Span, comment: str | None = None) -> Diagnostic:
    """`workers 4#four as planned`: a statement's last value with a `#` inside, words
    after it to its line's end (`words`, at `span`), a comment meant. `line`: the line
    with a blank before the `#`; `at`, the empty span before it, where the fix writes
    the blank. With the block's `}` after the words (`{ workers 4#four as planned }`),
    `comment` is the text from the `#` to the `}`, and `at` from the `#` through the
    `}`, which the fix writes as ` } ` and the comment: the `}` before it, still
    closing the block (Recovery.comment_glued)."""
    if comment is not None:
        help = f"if a comment follows, write a blank before the `#`, and the `}}` before the comment: {shown(line, 60)}"
        fix = Fix("Write a blank and the `}` before `#`", (Edit(at, f" }} {comment.rstrip()}"),))
    else:
        help = f"if a comment follows, write a blank before the `#`: {shown(line, 60)}"
        fix = Fix("Write a blank before `#`", (Edit(at, " "),))
    return codes.SYNTAX(
        f"{shown(words)} starts no statement: a `#` inside a word is part of it, so {shown(value)} is one word",
        span,
        help=help,
        fix=fix,
    )


def hash_in_keyword_unfinished(word: str, rest: str, need: str, span: Span) -> Diagnostic:
    """`catalog## notes` on a line of its own: a keyword with a `#` right after it, the
    rest of the line the comment meant (hash_in_keyword), and the statement ends right
    after the keyword. One error says both: the comment wants a blank before its `#`,
    and the keyword what must follow it (`need`). No fix: the blank alone would leave
    the statement unfinished, and what finishes it is a choice."""
    head = word[: word.index("#")]
    return codes.UNKNOWN_KEYWORD(
        f"unknown keyword {shown(word)}; did you mean `{head.lower()}` and a comment?",
        span,
        help=f"write `{head.lower()}` followed by {need}, then the comment with a blank before its `#`"
        f" ({shown(rest, 40)}): inside a word a `#` is part of the word, and the statement ends after `{head}`",
    )


def tape_member_without_node(member: str, options: bool, span: Span) -> Diagnostic:
    """`tape manager shared on VMSYS1`: the member named without the catalog node it
    belongs to. `options`: whether other options follow on the line (a request node's
    is not then asked for)."""
    also = "" if options else ", and `request-node NAME` for the other members"
    return codes.SYNTAX(
        f"`on {member}` in a `tape manager` statement names the member the Tape Manager"
        f" catalog node logs on to: write it after the node, `catalog-node NAME on {member}`",
        span,
        help=f"write `catalog-node NAME on {member}` after `tape manager shared`{also}, with your"
        " Tape Manager machines' names (IBM names the catalog node's TC... and the request nodes' TR...)",
    )


def keyword_left_out(keyword: str, name: str, span: Span, at: Span) -> Diagnostic:
    """`catalog shared BKRSVSFS pool BKRPOOL`: the keyword before a name left out;
    `at`, the empty span the fix writes the keyword and a blank into."""
    return codes.SYNTAX(
        f"`{keyword}` is missing before `{name}`",
        span,
        label=f"`{keyword}` expected before this",
        help=f"write `{keyword} {name}`",
        fix=Fix(f"Write `{keyword}`", (Edit(at, f"{keyword} "),)),
    )


def medium_without_to(
    medium: str,
    pool: str | None,
    span: Span,
    at: Span,
    unnamed: bool = False,
    written: str | None = None,
    text: str | None = None,
) -> Diagnostic:
    """`tape pool LNXTAPE` in a job: the destination without `to`; `at`, the empty
    span before the medium, where the fix writes `to `. `unnamed`: `tape pool` with
    no pool name after it, which no fix can write. `written`: a word for `to` written
    before the medium (`on tape`, `into disk`), at `at`, which the fix replaces.
    `text`, the file's: the one pool of the medium its other jobs name is the one the
    help writes (`to disk pool BKUPPOOL`); without one, the help says that NAME is to be
    replaced (stop 82: `write `to disk pool NAME` with the pool's name` was copied as
    it read, a disk pool called NAME)."""
    instead = f", not `{written}`" if written else ""
    pools = (
        {found.group(2).upper() for found in _DESTINATION_POOL.finditer(text) if found.group(1).lower() == medium}
        if text is not None
        else set()
    )
    named = (
        f"`to {medium} pool {next(iter(pools))}`, as the file's other jobs"
        if len(pools) == 1
        else f"`to {medium} pool NAME`, NAME the pool's name"
    )
    if unnamed:
        return codes.SYNTAX(
            f"a job's destination starts with `to`{instead}, and `pool` is followed by the pool's name:"
            f" `to {medium} pool NAME`",
            span,
            label="`to` expected before this",
            help=f"write {named}, or `to {medium}` alone",
        )
    return codes.SYNTAX(
        f"a job's destination starts with `to`{instead}: `to {medium}`",
        span,
        label=f"`to` expected in place of `{written}`" if written else "`to` expected before this",
        help=f"write `to {medium} pool {pool}`" if pool else f"write `to {medium}`, or {named}",
        fix=Fix("Write `to`", (Edit(at, "to" if written else "to "),)),
    )


def second_destination(medium: str, pool: str | None, span: Span, first: str, first_span: Span) -> Diagnostic:
    """`tape pool W` in a job that has `to disk pool P` (`first`, at `first_span`):
    not a destination whose `to` was left out, whose fix would give the job a
    second one (BKR115), but one too many. No fix: which was meant, bkrc cannot know."""
    meant = f"to {medium} pool {pool}" if pool else f"to {medium}"
    return codes.SYNTAX(
        f"a job has one destination, and this one has `{first}` already: `{medium}` here would be a second",
        span,
        label="a second destination",
        related=(Related(first_span, "the job's destination"),),
        help=f"keep one: write `{meant}` in place of `{first}` to back up to {medium} instead, or remove"
        f" `{meant[3:]}`; to back up to both, write two jobs, the same but for their names and their `to`",
    )


def expiry_block_as_action(word: str, span: Span) -> Diagnostic:
    """`purge on VMSYS1 { ... }`: the expiry block named by one of its actions."""
    action = word.lower()
    return codes.SYNTAX(
        f"an expiry block starts with `expire`, not `{action}`: `{action}` goes inside it",
        span,
        help=f"write `expire`, and `{action}` with its schedule inside the block:"
        f" `expire on MEMBER {{ {action} weekly sun 03:00 }}`",
        fix=write_fix("expire", span),
    )


def kind_in_zvm_words(word: str, meant: str, span: Span) -> Diagnostic:
    """`multiconfiguration group SYSIDS`: z/VM's name for a kind, where .bkr has its keyword."""
    return codes.UNKNOWN_KEYWORD(
        f"`{word}` is z/VM's word for the kind; .bkr writes `{meant}`",
        span,
        help=f"write `{meant}`: .bkr calls a multiconfiguration user (IDENTITY) `identity`,"
        " a single-configuration user (USER) `single`",
        fix=write_fix(meant, span),
    )


#: A tape's own settings as JCL and tape management systems write them (`label SL`,
#: `expdt 30`, `retpd 30`, `density 6250`): in a job, Tape Manager's configuration.
TAPE_SETTINGS = frozenset({"label", "expdt", "retpd", "density"})


def tape_setting(word: str, block: str | None) -> bool:
    """Whether `word`, where a statement of `block` starts, is a tape's own setting
    (TAPE_SETTINGS) written in a job: not_a_keyword's help then says whose it is."""
    return block == "job" and word.lower() in TAPE_SETTINGS


#: The words of a job's body, for job_medium: a text (closed on its line or not), a
#: `#` comment (a `#` that starts a word: `BKP#01` is a name), a brace, a word.
_BODY_WORDS = re.compile(r'"[^"\n]*"?|(?<![^\s{}])#[^\n]*|[{}]|[^\s"{}]+')


def job_medium(text: str, brace: int) -> str | None:
    """The medium of the job whose `{` is at offset `brace` of `text`: that of its
    `to` statements (`to disk pool P`), each first on its line or right after the `{`,
    above the word being read or below it, up to the job's `}` (a block's inside it,
    its `}` missing, left out); None where it has none, or both. Both parsers ask it for a tape's own setting on a line of its own
    in a job (`density 6250` under `to disk pool P`), whose help says a disk pool
    takes none of them (not_a_keyword): a text alone, not either parser's state, so
    that they agree whichever reads the job."""
    media = set()
    depth = 0
    previous, first = "{", True  # the word read last, and whether it starts its line
    for found in _BODY_WORDS.finditer(text, brace + 1):
        word = found.group()
        if word.startswith("#"):
            continue
        if word == "}" and depth == 0:
            break
        depth += {"{": 1, "}": -1}.get(word, 0)
        if depth == 0 and first and previous.lower() == "to" and word.lower() in lexicon.TARGET_MEDIA:
            media.add(word.lower())
        begin = text.rfind("\n", 0, found.start()) + 1
        previous, first = word, previous == "{" or not text[begin : found.start()].strip()
    return media.pop() if len(media) == 1 else None


def job_backup_lines(text: str, brace: int, keyword: str = "backup") -> list[tuple[int, str]]:
    """The `backup` statements of the job whose `{` is at offset `brace` of `text`, each
    first on its line, above the word being read or below it, up to the job's `}`:
    (the offset where its words end, before a comment; its words). A text alone, not
    either parser's state, so that both agree (as job_medium). `keyword`, another
    statement's first word to find (`include`)."""
    found: list[tuple[int, str]] = []
    depth = 0
    start = brace + 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        line = line_words(text[start:end]) if start > brace + 1 else line_words(text[start:end]).lstrip()
        for char in line:
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth < 0:
                return found
        words = line.split()
        if depth == 0 and words and words[0].lower() == keyword:
            found.append((start + len(text[start:end].split("#", 1)[0].rstrip()), " ".join(words)))
        start = end + 1
    return found


def job_home_of(text: str, brace: int) -> tuple[str | None, str | None]:
    """The kind of users the job whose `{` is at offset `brace` of `text` backs up,
    `single` or `identity`, where its `backup` lines name only groups and users the file
    declares, all of one kind (else None); and, for `single`, the one member the file's
    other jobs that back up any of them run on, where they all run on one (BKR220's help:
    else None). Read as a text, the whole file's declarations and jobs, those below the
    job too (was the parser's stack, the jobs above it only), so that both parsers agree:
    the recovery's `job_home`, and the fast parser's `run` cut short at its line's end,
    ask it. Read as the scanner reads the file (_scanned_words), so that a declaration
    not first on its line, or a job written on one line (`job LNXINC { backup LINUX
    incremental ... run on VMSYS2 daily 23:30 }`), is read too."""
    tokens = _scanned_words(text)
    words = [word for word, _start, _end in tokens]
    kinds: dict[str, str] = {}
    for i in range(len(words) - 2):
        kind, what = words[i].lower(), words[i + 1].lower()
        if kind in ("single", "identity") and what in ("group", "user"):
            names = _words_listed(words, i + 2)
            for name in names[:1] if what == "group" else names:
                kinds[name.upper()] = kind  # a name in any case is one name
    jobs = {
        tokens[i + 2][1]: i + 2
        for i in range(len(words) - 2)
        if words[i].lower() == "job" and words[i + 2] == "{" and words[i + 1] not in ("{", "}", ",", '"')
    }
    own = jobs.get(brace, next((i for i, token in enumerate(tokens) if token[1] == brace and token[0] == "{"), None))
    if own is None:
        return None, None

    def backed_up(body: list[str]) -> list[str]:
        return [name.upper() for k in _statements(body, "backup") for name in _words_listed(body, k + 1)]

    named = backed_up(_body_words(tokens, own))
    found_kinds = {kinds.get(name) for name in named}
    if not named or len(found_kinds) != 1 or None in found_kinds:
        return None, None
    kind = found_kinds.pop()
    if kind != "single":
        return kind, None
    # each place by its names in capitals (`zvm1` and `ZVM1` are one member), as first written
    places: dict[tuple[str, ...] | None, list[str] | None] = {}
    for other, at in jobs.items():
        body = _body_words(tokens, at)
        if other == brace or not set(backed_up(body)) & set(named):
            continue
        runs = _statements(body, "run")
        members = None
        if len(runs) == 1 and body[runs[0] + 1 : runs[0] + 2] and body[runs[0] + 1].lower() == "on":
            after = [w.lower() for w in body[runs[0] + 2 : runs[0] + 4]]
            if after != ["each", "member"]:
                members = _words_listed(body, runs[0] + 2) or None
        places.setdefault(tuple(m.upper() for m in members) if members else None, members)
    home = places.popitem()[1] if len(places) == 1 else None
    return kind, home[0] if home is not None and len(home) == 1 else None


#: `single group GUESTS {`, `identity group SYSTEM {`: a group's head in the text, its name.
_GROUP_HEAD = re.compile(r"(?im)^[ \t]*(?:single|identity)[ \t]+group[ \t]+([A-Za-z0-9$#@_*%?-]+)[ \t]*\{")
#: The levels a `backup` line ends with, which name no group.
_BACKUP_LEVELS = frozenset({"full", "incremental", "incr", "differential"})


def _group_entries(text: str, name: str) -> tuple[set[str], list[str]] | None:
    """The user IDs and the patterns (`match LNXAPP*`) group `name`'s body lists in
    `text`, read as a text (both parsers agree), or None where the text declares no
    group so named, or more than one (an imported group's users are the model's)."""
    heads = [m for m in _GROUP_HEAD.finditer(text) if m.group(1).upper() == name]
    if len(heads) != 1:
        return None
    start = heads[0].end()
    close = text.find("}", start)
    if close == -1:
        return None
    words = " ".join(line_words(line) for line in text[start:close].split("\n")).split()
    ids = {w.upper() for w in words if not any(c in w for c in "*%?") and w.lower() != "match"}
    patterns = [w.upper() for w in words if any(c in w for c in "*%?")]
    return ids, patterns


def job_backs_up(
    text: str, backups: list[str], owner: str, groups: dict[str, tuple[set[str], list[str]] | None] | None = None
) -> tuple[bool, str] | None:
    """Whether the job whose `backup` lines are `backups` (their words, job_backup_lines')
    backs up user `owner` (an ID), its groups' bodies read from `text`, and the groups it
    names, as a help says them (`GUESTS`, `GUESTS and APPS`); None where a name on them
    is no group this file declares (an imported group, a user named alone), so that the
    text cannot tell. `groups`: the entries of the groups every module read declares, by
    name (imported_groups; None for a name declared twice), read instead of `text`."""
    names: list[str] = []
    for line in backups:
        for word in line.replace(",", " ").split()[1:]:
            if word.lower() not in _BACKUP_LEVELS:
                names.append(word.upper())
    if not names:
        return None
    backed = False
    for name in names:
        entries = _group_entries(text, name) if groups is None else groups.get(name)
        if entries is None:
            return None
        ids, patterns = entries
        shapes = (re.escape(p).replace("\\*", ".*").replace("%", ".").replace("\\?", ".") for p in patterns)
        backed = backed or owner in ids or any(re.fullmatch(p, owner) for p in shapes)
    return backed, " and ".join(names)


def _address_range(word: str) -> tuple[int, int] | None:
    """`0191`, `0191-01FF`, `*`: the addresses a selection's word names, as a range."""
    if word == "*":
        return 0, 0xFFFF
    found = re.fullmatch(r"([0-9A-F]{1,4})(?:-([0-9A-F]{1,4}))?", word, re.IGNORECASE)
    if found is None:
        return None
    first = int(found.group(1), 16)
    return first, int(found.group(2), 16) if found.group(2) else first


def _included_already(record: re.Match, selections: list[str]) -> tuple[str, bool] | None:
    """The job's selection line of the record's kind (`selections`, their words) and owner
    whose addresses share some with `record`'s (_template_range's match), written as the
    file writes it, and whether they take in every one of them; None where none does."""
    owner, first, last = record.group(2).upper(), record.group(3), record.group(4)
    wanted = _address_range(first if last is None else f"{first}-{last}")
    if wanted is None:
        return None
    shared = None
    for written in selections:
        words = written.split()
        if len(words) < 4 or words[1].lower() != "minidisk" or words[2].upper() != owner:
            continue
        ranges = [r for w in words[3:] if (r := _address_range(w)) is not None]
        if any(r[0] <= wanted[0] and wanted[1] <= r[1] for r in ranges):
            return written, True
        if shared is None and any(r[0] <= wanted[1] and wanted[0] <= r[1] for r in ranges):
            shared = (written, False)
    return shared


def imported_groups(modules: Sequence[ast.Module]) -> dict[str, tuple[set[str], list[str]] | None]:
    """The user IDs and patterns of each group the modules read declare (the main file's
    and its imports'), by name in capitals; None for a name declared more than once."""
    found: dict[str, tuple[set[str], list[str]] | None] = {}
    for module in modules:
        for group in module.groups:
            name = group.name.text.upper()
            ids = {e.word.text.upper() for e in group.entries if not e.is_pattern}
            patterns = [e.word.text.upper() for e in group.entries if e.is_pattern]
            found[name] = None if name in found else (ids, patterns)
    return found


def record_of_imported_groups(
    diag: Diagnostic, source: Source, main: ast.Module, groups: dict[str, tuple[set[str], list[str]] | None]
) -> Diagnostic:
    """`diag`, or, for a template's record on a line of a job of `main` (`EXCLUDE
    MINIDISK MAINT * = * *`, foreign_line's BKR014 with its fix) whose groups the main
    file does not all declare (the text could not tell, record_of_no_user), the error
    record_of_no_user gives with the groups of every module read (`groups`,
    imported_groups'): after the imports are loaded, on a file with a syntax error only."""
    if diag.code != codes.KEY_VALUE.code or diag.fix is None or diag.span is None:
        return diag
    text = source.text
    first = diag.span.start
    line_end = text.find("\n", first)
    line_end = len(text) if line_end == -1 else line_end
    line = text[first:line_end].rstrip()
    if _template_range(line) is None or line[:7].upper() not in ("EXCLUDE", "INCLUDE"):
        return diag
    jobs = [j for c in main.clusters for j in c.jobs if j.span.start < first < j.span.end]
    if len(jobs) != 1:
        return diag
    brace = text.find("{", jobs[0].name.span.end)
    if brace == -1 or brace > first:
        return diag
    backups = [written for _, written in job_backup_lines(text, brace)]
    includes = [w for keyword in ("include", "exclude") for _, w in job_backup_lines(text, brace, keyword) if "=" not in w]
    begin = text.rfind("\n", 0, first) + 1
    alone = not text[begin:first].strip() or after_opening(text, begin, first)
    remove = removed_keeping_comment(source, first, begin, line_end) if alone else None
    found = record_of_no_user(diag, line, text, backups, remove, includes, groups)
    return diag if found is diag else said_keeping_comment(found, text, first, line_end, "record")


def removed_keeping_comment(source: Source, first: int, begin: int, line_end: int) -> Span | None:
    """What a fix removes of a line from `begin` to `line_end` whose first word is at
    `first` (a template's setting or record pasted into the file): the line with its
    line end, or, with a comment after the words (`CONFIG BKR_Job_Type = FULL  # x`),
    the words and the blanks after them, the comment kept on its line, as
    Recovery._heading_removed keeps it (was no fix, which would have dropped the
    comment; h11, stop 70). None where a `#` stands in a word (`SYS#1`), as before."""
    text = source.text
    comment = _COMMENT_AFTER_WORDS.search(text, first, line_end)
    if "#" in text[first : comment.start() if comment else line_end]:
        return None
    if after_opening(text, begin, first):
        # `job J { CONFIG BKR_Job_Type = FULL`: the words and the blanks before them, the
        # `{` and a comment after them kept, as a CP command there (Recovery._heading_removed;
        # was no fix, "remove this line", which would remove the `{`; h3, stop 71)
        words = text[first : comment.start() if comment else line_end].rstrip()
        return source.span(begin + len(text[begin:first].rstrip()), first + len(words))
    if comment is None:
        return source.span(begin, min(line_end + 1, len(text)))
    return source.span(first, comment.start() + 1)


def after_opening(text: str, begin: int, first: int) -> bool:
    """Whether the line from `begin` has a block's opening before `first`, ending with its
    `{`, no comment (`job J { CONFIG BKR_Job_Type = FULL`): what is pasted after the `{`."""
    before = text[begin:first]
    return bool(before.strip()) and before.rstrip().endswith("{") and "#" not in before


#: A `#` comment after a line's words: a blank, then the `#`.
_COMMENT_AFTER_WORDS = re.compile(r"[ \t]#")


def said_keeping_comment(diag: Diagnostic, text: str, first: int, end: int, what: str) -> Diagnostic:
    """`diag`, on a template's `what` ("setting", "record") from `first` to `end` in
    `text`, whose help says "remove this line" (or "the line") where its fix keeps a
    comment after the words (removed_keeping_comment's): said as the fix does it
    (removal_said), the fix "Remove the setting, keep the comment"."""
    comment = _COMMENT_AFTER_WORDS.search(text, first, end)
    opening = after_opening(text, text.rfind("\n", 0, first) + 1, first)
    if diag.fix is None or (comment is None and not opening):
        return diag
    written = text[first : comment.start() if comment else end].rstrip()
    help = removal_said(diag.help.replace("remove this line", "remove the line", 1), written, opening, comment is not None)
    fix = diag.fix
    if fix.title == "Remove the line":
        fix = replace(fix, title=f"Remove the {what} after the `{{`" if opening else f"Remove the {what}, keep the comment")
    return replace(diag, help=help, fix=fix)


def record_of_no_user(
    diag: Diagnostic,
    line: str,
    text: str,
    backups: list[str],
    remove: Span | None,
    includes: list[str] = (),
    groups: dict[str, tuple[set[str], list[str]] | None] | None = None,
) -> Diagnostic:
    """`EXCLUDE MINIDISK MAINT * = * *` in a job (`diag`, foreign_line's, which writes
    `exclude minidisk MAINT *`) whose owner, a user ID, is none of the users the job's
    groups list (job_backs_up, `backups` its `backup` lines): the selection so written
    would select nothing (BKR406). An exclude's help says so, and its fix removes the
    line (`remove`, the line, None where more stands on it); an include's, that the
    owner goes into a group of the job first, no fix. `diag` where the owner is one of
    the job's users, a pattern or `*`, or where the text cannot tell."""
    match = _template_range(line)
    if match is None or diag.fix is None:
        return diag
    verb, owner = match.group(1).lower(), match.group(2).upper()
    if already := _included_already(match, [w for w in includes if w.split()[0].lower() == verb]):
        # `INCLUDE MINIDISK * = 0191 * *` where the job has `include minidisk * 0191-01FF`:
        # written, it would select its addresses twice (BKR312); some of them: no fix
        written, whole = already
        does = "selects" if verb == "include" else "leaves out"
        if whole:
            return replace(
                diag,
                help=f"remove the line: the job's `{written}` {does} its disks already; bkrc writes the template",
                fix=remove_fix("the line", remove) if remove is not None else None,
            )
        meant = diag.help.split("`", 2)[1]  # the selection foreign_line writes
        return replace(
            diag,
            help=f"write the record without `=`, as `{meant}`, but with none of the addresses the job's"
            f" `{written}` {does} already (BKR312); bkrc writes the template",
            fix=None,
        )
    if not _ID_WORD.fullmatch(owner):
        return diag
    found = job_backs_up(text, backups, owner, groups)
    if found is None or found[0]:
        return diag
    groups = found[1]
    if verb == "exclude":
        return replace(
            diag,
            help=f"remove the line: the job backs up {groups}, which {'does' if ' and ' not in groups else 'do'}"
            f" not list `{owner}`, so `exclude minidisk {owner} ...` would leave nothing out (BKR406);"
            " bkrc writes the template",
            fix=remove_fix("the line", remove) if remove is not None else None,
        )
    return replace(
        diag,
        help=f"{diag.help.split(':', 1)[0]}, and list `{owner}` in {groups}: the job backs up {groups}, whose users"
        f" the include selects from (BKR406)",
        fix=None,
    )


def level_as_statement(word: str, level: str, span: Span, backups: list[tuple[Span, str]], remove: Span) -> Diagnostic:
    """`type full` on a line of its own in a job (`kind`, `level`, `mode`): the job's kind
    of backup written as a setting; `backups`, the job's `backup` lines (where their words
    end, and the words); `remove`, the line, which the fix removes. Where the job has one
    `backup` line without a level, the fix also writes the level at its end (one
    reading); with a level there, or no `backup` line, the help says where it goes."""
    message = f"`{word}` is not a keyword: a job's kind of backup, `{level}`, follows the groups on its `backup` line"
    help, fix = _level_on_backup_line(level, backups, remove)
    return codes.UNKNOWN_KEYWORD(message, span, help=help, fix=fix)


def _level_on_backup_line(level: str, backups: list[tuple[Span, str]], remove: Span | None) -> tuple[str, Fix | None]:
    """The help, and the fix where `remove` (the line saying the level) is given, for a
    job's kind of backup said on a line other than its `backup` line (level_as_statement,
    template_setting_in_job)."""
    fix = None
    groups = [" ".join(w for w in written.split()[1:] if w.lower() not in ("full", "incremental")) for _, written in backups]
    if len(backups) == 1 and groups[0] and backups[0][1].split()[-1].lower() not in ("full", "incremental"):
        end, written = backups[0]
        meant = f"{written} {level}"
        help = f"write `{meant}`, and remove this line"
        if remove is not None:
            fix = Fix(f"Write `{meant}`", (Edit(end, f" {level}"), Edit(remove, "")))
    elif backups and groups[0] and backups[0][1].split()[-1].lower() == level:
        help = f"the job's `{backups[0][1]}` says it already: remove this line"
    elif backups and groups[0]:
        help = f"write `backup {groups[0]} {level}` on the job's `backup` line, and remove this line"
    else:
        help = f"write `backup GROUP {level}`, the groups to back up before the kind of backup"
    return help, fix


def at_sign_before_time(days: str, times: Sequence[str], span: Span, written: Span) -> Diagnostic:
    """`daily @ 02:00`: `@` (at `span`) for `at` before a schedule's time; `days`, the
    schedule before it (`daily`, `weekly sun`); `times`, the time as HH:MM, or the two
    an hour alone may be (`@ 2`: `02:00`, or 2 in the afternoon, `14:00`; `@ 12`, noon
    or midnight), each then a choice; `written`, the `@` to the time's end, which the
    fix writes as the time."""
    message = "`@` stands for `at`, which a schedule does not write: the time follows without it"
    mends = tuple(Fix.replace(f"Write `{days} {t}`", written, t) for t in times)
    if len(times) == 1:
        return codes.SYNTAX(message, span, help=f"write `{days} {times[0]}`", fix=mends[0])
    hour = int(times[0][:2])
    other = "midnight" if hour == 12 else f"{hour} in the afternoon"
    help = f"write `{days} {times[0]}`, the hour read on a 24-hour clock; {other} is `{times[1]}`: `{days} {times[1]}`"
    return codes.SYNTAX(message, span, help=help, choices=mends)


def level_on_run(word: str, statement: str, span: Span, backups: list[tuple[Span, str]], remove: Span) -> Diagnostic:
    """`run on VMSYS1 daily 02:00 full`: the job's kind of backup (`word`, as written)
    after its schedule (`statement`, the `run` statement without it); `backups`, the job's `backup` lines
    (as level_as_statement's); `remove`, the level with the blanks before it. The fix
    removes it and, where the job has one `backup` line without a level, writes it
    there; where that line says the level already, the fix removes it alone. Where the
    line says the other level, which the job means is the site's: a choice of each,
    the level written over the other, or the word removed."""
    level = word.lower()
    message = f"`{word}` is a job's kind of backup, which follows the groups on its `backup` line, not the schedule"
    said = f"remove `{word}` from the `run` line: `{statement}`"
    groups = [" ".join(w for w in written.split()[1:] if w.lower() not in LEVELS) for _, written in backups]
    levels = [written.split()[-1].lower() for _, written in backups]
    if len(backups) == 1 and groups[0] and levels[0] not in LEVELS:
        end, written = backups[0]
        meant = f"{written} {level}"
        fix = Fix(f"Write `{meant}`", (Edit(end, f" {level}"), Edit(remove, "")))
        return codes.SYNTAX(message, span, help=f"write `{meant}`, and {said}", fix=fix)
    if len(backups) == 1 and groups[0] and levels[0] == level:
        help = f"the job's `{backups[0][1]}` says it already: {said}"
        return codes.SYNTAX(message, span, help=help, fix=remove_fix_as(statement, remove))
    if len(backups) == 1 and groups[0]:
        end, written = backups[0]
        other = written.split()[-1]
        meant = f"{written[: -len(other)]}{level}"
        over = Span(end.file, end.line, end.column - len(other), end.line, end.column, end.start - len(other), end.end)
        help = f"the job's `{written}` says `{other}`: write `{meant}`, or keep it; either way, {said}"
        choices = (
            Fix(f"Write `{meant}`", (Edit(over, level), Edit(remove, ""))),
            remove_fix_as(statement, remove),
        )
        return codes.SYNTAX(message, span, help=help, choices=choices)
    help = f"write `backup GROUP {level}`, the groups to back up before the kind of backup, and {said}"
    if backups and groups[0]:
        help = f"write `backup {groups[0]} {level}` on the job's `backup` line, and {said}"
    return codes.SYNTAX(message, span, help=help)


#: A job template's header setting, `CONFIG BKR_Job_Type = FULL`: its name after
#: `BKR_`, and its value (to a `*` or `#` comment).
_TEMPLATE_SETTING_VALUE = re.compile(r"CONFIG\s+BKR_(\w+)\s*=\s*([^#*]*?)(\s*\*.*?)?\s*(?:#.*)?", re.IGNORECASE)
#: `MEDIA_TYPE = DISK`: a template's medium as a column heading names it (MEDIATYPE), with a
#: value: the job's target, as `CONFIG BKR_Output_Spec` (template_setting_in_job).
_MEDIA_TYPE_VALUE = re.compile(r"(MEDIA_?TYPE)\s*=\s*([^#*]*?)(\s*\*.*?)?\s*(?:#.*)?", re.IGNORECASE)


def media_type_line(line: str, span: Span) -> Diagnostic | None:
    """`MEDIA_TYPE = DISK` on a line of the .bkr file (foreign_line's `line`): the error
    of a template's setting, whose help a job's line says with the job's words
    (template_setting_in_job); None for any other line."""
    if _MEDIA_TYPE_VALUE.fullmatch(line) is None:
        return None
    return codes.KEY_VALUE(
        f"{shown(line.split()[0].split('=')[0])} starts a Backup Manager template setting, not a .bkr statement",
        span,
        help="a job says where its backups go with `to disk` or `to tape` (`to disk pool NAME`);"
        " bkrc writes the template's settings",
    )


def template_setting_in_job(
    line: str,
    span: Span,
    job: str,
    backups: list[tuple[Span, str]],
    medium: str | None,
    remove: Span | None,
) -> Diagnostic | None:
    """`CONFIG BKR_Job_Type = FULL` on a line of job `job` (`line`, from its first word at
    `span`): a job template's setting of the name, the level or the target, which the job
    block says in its own words; the help writes them with the job's, and the fix where
    one reading is (`backups`, the job's `backup` lines, as job_backup_lines gives them;
    `medium`, that of its `to` statements, as job_medium; `remove`, the line with its
    line end, None where more than the setting stands on it). None for another setting,
    whose help stays foreign_line's."""
    found = _TEMPLATE_SETTING_VALUE.fullmatch(line) or _MEDIA_TYPE_VALUE.fullmatch(line)
    if found is None:
        return None
    setting, value = found.group(1).lower(), found.group(2).split()
    if setting.startswith("media"):
        setting = "output_spec"  # `MEDIA_TYPE = DISK`: the job's target
    message = f"`{line.split()[0].split('=')[0]}` starts a Backup Manager template setting, not a .bkr statement"
    tail = "; bkrc writes the template's settings"
    fix = None
    if setting == "job_name" and len(value) == 1:
        name = value[0].upper()
        if name == job.upper():
            help = f"the job's name is in `job {job} {{` already: remove this line{tail}"
            fix = remove_fix("the line", remove) if remove is not None else None
        else:
            help = f"a job is named in its head: write `job {name} {{` for `job {job} {{` to name it {name}, and remove this line{tail}"
    elif setting == "job_type" and len(value) == 1 and value[0].lower() in ("full", "incremental"):
        level = value[0].lower()
        help, fix = _level_on_backup_line(level, backups, remove)
        help += tail
        if len(backups) == 1 and backups[0][1].split()[-1].lower() == level and remove is not None:
            fix = remove_fix("the line", remove)
    elif setting == "output_spec" and value and value[0].lower() in lexicon.TARGET_MEDIA and len(value) <= 2:
        meant = f"to {value[0].lower()}" + (f" pool {value[1].upper()}" if len(value) == 2 else "")
        if medium is None:
            help = f"write `{meant}`{tail}"
            # over the value and a template's `*` comment after it, no .bkr comment
            length = found.end(3) if found.group(3) else found.end(2)
            written = Span(span.file, span.line, span.column, span.line, span.column + length, span.start, span.start + length)
            fix = write_fix(meant, written) if remove is not None else None
        elif medium == value[0].lower():
            help = f"the job's `to {medium}` says where its backups go already: remove this line{tail}"
            fix = remove_fix("the line", remove) if remove is not None and len(value) == 1 else None
        else:
            help = f"the job's `to {medium}` says its backups go to {medium}: keep one, `to {medium}` or `{meant}`{tail}"
    elif setting == "output_spec" and medium is not None:
        # `CONFIG BKR_Output_Spec = CMS`: no medium a job names, where the job's `to` says one
        written = " ".join(value) or "nothing"
        help = (
            f"the job's `to {medium}` says where its backups go: remove this line (`{written}` is no medium a"
            f" job names, `to disk` or `to tape`){tail}"
        )
        fix = remove_fix("the line", remove) if remove is not None else None
    elif not setting.startswith("job_") or "worker" in setting or setting in ("job_name", "job_type"):
        return None
    else:
        # `CONFIG BKR_Job_Token = APPSFULL`: a header setting no .bkr statement says; bkrc
        # writes the template's settings from the job's own lines
        said = [f"`job {job} {{`"] + [f"`{written}`" for _, written in backups[:1]]
        said += [f"`to {medium}`"] if medium else []
        help = (
            f"remove the line: a .bkr job has no `{line.split('=', 1)[0].split()[1]}` setting; bkrc writes the template's"
            f" settings from the job's own lines ({', '.join(said)})"
        )
        fix = remove_fix("the line", remove) if remove is not None else None
    return codes.KEY_VALUE(message, span, help=help, fix=fix)


def _scanned_words(text: str) -> list[tuple[str, int, int]]:
    """The words and punctuation of `text` as the scanner's tokens read them (fast.TOKEN:
    comments left out, a quoted text one `"`, past a character no token starts with, as
    `fast.braces` reads): each (word, start, end). Read only for a help of a file with
    errors (_read_blocks, job_home_of)."""
    from bkrdsl.syntax.fast import TOKEN

    tokens = []
    for m in TOKEN.finditer(text):
        blanks, name, _comment, word, string, punctuation, _stray = m.groups()
        value = name or word or punctuation or ('"' if string else "")
        if value:
            tokens.append((value, m.start() + len(blanks), m.end()))
    return tokens


def _body_words(tokens: list[tuple[str, int, int]], brace: int) -> list[str]:
    """The words of the block whose `{` is `tokens[brace]`, outside its inner blocks, up to
    its `}` or the end of the file."""
    depth, body = 0, []
    for word, _start, _end in tokens[brace:]:
        if word in ("{", "}"):
            depth += 1 if word == "{" else -1
            if depth == 0:
                break
        elif depth == 1:
            body.append(word)
    return body


def _words_listed(words: list[str], at: int) -> list[str]:
    """The names of a list whose first is `words[at]` (`LINUX , APPS full`: LINUX, APPS):
    the first, then each after a `,`, as the scanner reads them."""
    if at >= len(words) or words[at] in ("{", "}", ",", '"'):
        return []
    names = [words[at]]
    while at + 2 < len(words) and words[at + 1] == "," and words[at + 2] not in ("{", "}", ",", '"'):
        names.append(words[at + 2])
        at += 2
    return names


def _statements(body: list[str], keyword: str) -> list[int]:
    """Where `keyword` starts a statement among a block's words (`body`): not as a name of
    a list (after `,`, or after the keyword itself, `backup BACKUP full`)."""
    return [
        k for k, word in enumerate(body)
        if word.lower() == keyword and (k == 0 or (body[k - 1] != "," and body[k - 1].lower() != keyword))
    ]


def _read_blocks(text: str, keyword: str) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """Each `keyword NAME {` block of `text` (`member`, `job`), as the scanner's tokens read
    it (fast.TOKEN: comments and quoted texts stepped over, a head split over lines or
    with a comment inside read whole, as both parsers read it; past a character no token
    starts with, as `fast.braces` reads): its name as written, and the words of its body
    outside its inner blocks, each (word, start, end). Read only for a help of a file with
    errors (workers_setting, media_type_outside_job)."""
    tokens = _scanned_words(text)
    blocks = []
    for i in range(len(tokens) - 2):
        if tokens[i][0].lower() != keyword or tokens[i + 2][0] != "{" or tokens[i + 1][0] in ("{", "}", '"'):
            continue
        depth, body = 0, []
        for token in tokens[i + 2 :]:
            if token[0] in ("{", "}"):
                depth += 1 if token[0] == "{" else -1
                if depth == 0:
                    break
            elif depth == 1:
                body.append(token)
        blocks.append((tokens[i + 1][0], body))
    return blocks


def _target_said(text: str, medium: str) -> str:
    """How the file's jobs say a target on `medium` (`disk`, `tape`), as the scanner reads
    their blocks (_read_blocks): a job's own `to` statement, its pool's first (`job
    LNXINC's `to disk pool BKUPPOOL``), or the statement alone where no job writes one."""
    said = None
    for job, body in _read_blocks(text, "job"):
        words = [w for w, _start, _end in body]
        for k, word in enumerate(words[:-1]):
            if word.lower() != "to" or words[k + 1].lower() != medium:
                continue
            pool = words[k + 3] if k + 3 < len(words) and words[k + 2].lower() == "pool" else None
            written = f"to {medium}" + (f" pool {pool}" if pool else "")
            if said is None or (pool and " pool " not in said):
                said = f"as job {job}'s `{written}`"
    return said or f"`to {medium}` in its block"


def _members_workers(source: Source) -> dict[str, list[tuple[int, str]]]:
    """Each member block by its name (in capitals), and its `workers` statements (where
    their words end, and the words), as the scanner reads the blocks (_read_blocks): a
    head written over two lines (`member VMSYS1`, then `{`) or with a comment in it too."""
    members = {}
    for name, body in _read_blocks(source.text, "member"):
        members[name.upper()] = [
            (body[k + 1][2], f"workers {body[k + 1][0]}")
            for k in range(len(body) - 1)
            if body[k][0].lower() == "workers" and body[k + 1][0].isdigit()
        ]
    return members


def _job_members(text: str, brace: int, members: list[str]) -> list[str]:
    """The members the job whose `{` is at offset `brace` runs on (its `run on` lines, as
    written; `each member`: every one of `members`), those of `members` only."""
    named: list[str] = []
    for _, written in job_backup_lines(text, brace, "run"):
        words = written.replace(",", " ").split()[2:] if written.lower().startswith("run on") else []
        if words[:2] and [w.lower() for w in words[:2]] == ["each", "member"]:
            return members
        named += [w.upper() for w in words if w.upper() in members and w.upper() not in named]
    return named


def workers_setting(
    line: str, span: Span, source: Source, block: str, name: str | None, brace: int | None, remove: Span | None
) -> Diagnostic | None:
    """`CONFIG BKR_Job_Workers = 4` on a line of a block (`block`, its kind; `name`, its
    name; `brace`, its `{`): the number of worker machines, which a member says with
    `workers 4` in its block. The help says it with the file's members: those of the
    member block the line is in, of the job's `run on` line, or every member elsewhere.
    Where each says the number already, the fix removes the line (`remove`, None where
    more stands on it); where the one member says another, it writes the number over its
    own and removes the line; where the member says none, it writes `workers N` for the
    line. None for another setting, or a value no number."""
    found = _TEMPLATE_SETTING_VALUE.fullmatch(line)
    if found is None or "worker" not in found.group(1).lower() or not found.group(2).isdigit():
        return None
    number = str(int(found.group(2)))
    message = f"`{line.split()[0]}` starts a Backup Manager template setting, not a .bkr statement"
    tail = "; bkrc writes the template's settings"
    members = _members_workers(source)
    if block == "member" and name is not None:
        meant = [name.upper()] if name.upper() in members else []
    elif block == "job" and brace is not None:
        meant = _job_members(source.text, brace, list(members))
    else:
        meant = list(members)
    said = {m: members[m] for m in meant}
    if not said:
        return codes.KEY_VALUE(message, span, help=f"a member says how many worker machines it runs: write `workers {number}`"
                               f" in its block{tail}")
    whose = "the member's" if block == "member" else f"member {meant[0]}'s" if len(meant) == 1 else "each member's"
    if all(len(w) == 1 and w[0][1].split()[-1] == number for w in said.values()):
        return codes.KEY_VALUE(
            message,
            span,
            help=f"remove the line: {whose} `workers {number}` says how many worker machines it runs already{tail}",
            fix=remove_fix("the line", remove) if remove is not None else None,
        )
    if len(said) == 1 and remove is not None:
        (lines,) = said.values()
        if not lines and block == "member":
            meant_line = f"workers {number}"
            written = Span(span.file, span.line, span.column, span.line, span.column + len(line.split("#", 1)[0].rstrip()),
                           span.start, span.start + len(line.split("#", 1)[0].rstrip()))
            return codes.KEY_VALUE(message, span, help=f"write `{meant_line}`: a member says how many worker machines"
                                   f" it runs{tail}", fix=write_fix(meant_line, written))
        if len(lines) == 1:
            end, written = lines[0]
            other = written.split()[-1]
            value = source.span(end - len(other), end)
            help = (
                f"write `workers {number}` for {whose} `{written}` (line {value.line}), and remove this line: a member"
                f" says how many worker machines it runs{tail}"
            )
            fix = Fix(f"Write `workers {number}`", (Edit(value, number), Edit(remove, "")))
            return codes.KEY_VALUE(message, span, help=help, fix=fix)
    by_value: dict[str, list[str]] = {}
    for member, lines in said.items():
        if len(lines) == 1:
            by_value.setdefault(lines[0][1], []).append(member)
    says = ", ".join(f"`{w}` in {' and '.join(ms) if len(ms) < 3 else ', '.join(ms)}" for w, ms in by_value.items())
    return codes.KEY_VALUE(
        message,
        span,
        help="a member says how many worker machines it runs, with `workers N` in its block"
        + (f" ({says})" if says else "")
        + f": write `workers {number}` in the blocks of the members meant, and remove this line{tail}",
    )


#: `job APPSFULL` alone on its line (a comment after it), its `{` left out.
_JOB_HEAD_ALONE = re.compile(r"[ \t]*job[ \t]+[A-Za-z0-9$#@_+-]+[ \t]*(?:#.*)?", re.IGNORECASE)


def below_a_job_head(text: str, begin: int) -> bool:
    """Whether the line that starts at `begin` is in the body of a job whose `{` is left
    out (`job APPSFULL` alone on its line, BKR011): the nearest line above that opens or
    closes a block, or is such a head, is one. A template setting there is that job's,
    whose help says it in its block (foreign_line)."""
    for line in reversed(text[:begin].split("\n")):
        if _JOB_HEAD_ALONE.fullmatch(line):
            return True
        if "{" in line.split("#", 1)[0] or "}" in line.split("#", 1)[0]:
            return False
    return False


def media_type_outside_job(line: str, span: Span, text: str, remove: Span | None) -> Diagnostic | None:
    """`MEDIA_TYPE = DISK` (or `CONFIG BKR_Output_Spec = DISK`) on a line outside any job (a
    group body, a member, the cluster block): a job's target, which each job says in its
    own block; the help says it as the file's jobs do (its disk pool, where one names
    it), and the fix removes the line (`remove`, None where more stands on it). None for
    another setting, or a value no medium."""
    found = _TEMPLATE_SETTING_VALUE.fullmatch(line) or _MEDIA_TYPE_VALUE.fullmatch(line)
    if found is None:
        return None
    setting, value = found.group(1).lower(), found.group(2).split()
    if not (setting.startswith("media") or setting == "output_spec"):
        return None
    if len(value) != 1 or value[0].lower() not in lexicon.TARGET_MEDIA:
        return None
    medium = value[0].lower()
    return codes.KEY_VALUE(
        f"`{line.split()[0].split('=')[0]}` starts a Backup Manager template setting, not a .bkr statement",
        span,
        help=f"remove the line: a job says where its backups go, {_target_said(text, medium)};"
        " bkrc writes the template's settings",
        fix=remove_fix("the line", remove) if remove is not None else None,
    )


TAPE_SETTINGS_HELP = (
    "a tape's volume labels, density and retention are Tape Manager's own configuration, not a job's"
    " (docs/language.md, tape): a job names its tape pool alone, `to tape pool NAME`"
)

DISK_SETTINGS_HELP = (
    "a disk pool takes none of a tape's settings (volume labels, density, retention period):"
    " a job names its disk pool alone, `to disk pool NAME`, and how long backups stay in the"
    " catalog is the `expire` block's `retain` (docs/language.md, tape)"
)


def tape_setting_on_to(
    word: str, written: str, medium: str, pool: str | None, span: Span, remove: Span
) -> Diagnostic:
    """`to tape density 6250`: a tape's own setting written on the `to` line as JCL
    writes it (`written`, the setting and the words after it). One error, as on a line
    of its own (not_a_keyword, `tape`), whose fix removes the setting: `to tape`, or
    `to tape pool P` where a pool is named. On a `to disk` line (`to disk pool P
    density 6250`) the help says a disk pool takes none of them, and writes `to disk`."""
    kept = f"to {medium} pool {pool}" if pool else f"to {medium}"
    if medium == "disk":
        message = f"`{word}` is not a keyword of the `to` statement: `{written}` is a tape's own setting, not a disk pool's"
        help = DISK_SETTINGS_HELP
    else:
        message = f"`{word}` is not a keyword of the `to` statement: `{written}` is a tape's own setting"
        help = TAPE_SETTINGS_HELP
    return codes.UNKNOWN_KEYWORD(
        message,
        span,
        help=f"{help}\nremove `{written}`: write `{kept}`",
        fix=remove_fix(f"`{written}`", remove),
    )


def not_a_keyword(
    found: str,
    where: str,
    starts: list[str],
    span: Span,
    options: Sequence[str] = (),
    statement: str | None = None,
    tape: bool = False,
    disk: bool = False,
) -> Diagnostic:
    """A word that is no keyword where a statement must start; `options`, the keywords
    with which `statement`, before it on its line, may go on instead (`tape manager
    shared ... request-node TRTMM library ATL1`). `tape`: the word is a tape's own
    setting in a job (`tape_setting`), whose help says it is Tape Manager's; `disk`
    too, the job's destination a disk pool (job_medium), whose help says a disk pool
    takes none of a tape's settings (as on the `to disk` line, tape_setting_on_to)."""
    listed = ", ".join(f"`{k}`" for k in starts) or "a keyword"
    if not options:
        help = f"statements in {where} start with {listed}"
        if found.strip("`").lower() in DISK_UNIT_WORDS:
            # `cyl` alone where a statement starts: a disk's size's unit, not a keyword
            # of the grammar, whose line lost the rest of its `disk` statement
            help = (
                f"{found} is a unit of a disk's size, which a `disk` statement writes after its number:"
                f" `disk USER 191 size 10 cyl` (cylinders) or `size 2000 blk` (512-byte blocks)\n{help}"
            )
        begun = begins_statement(found.strip("`"), starts) if found.startswith("`") else []
        if begun:
            # `d` in a cluster block: `description` or `disk` begun, which one is not
            # known; one alone is read as that keyword first on its line
            # (statement_meant), named here after a `{` on its line (`{ w 4 }`)
            help = f"{found} begins {alternatives(begun)}: write the keyword in full\n{help}"
        if found.strip("`").lower() == "slot" and "`member`" in where:
            # `member VMSYS1 { slot 1 ... }`: SYSTEM CONFIG's `SSI` statement numbers the
            # members; bkrc names them (stop 83)
            help = (
                "a member's SSI slot number is SYSTEM CONFIG's (its `SSI` statement's `SLOT 1 VMSYS1`): bkrc"
                f" names the member by its system identifier, `member NAME {{`, and needs no slot: remove `slot`"
                f" and its number\n{help}"
            )
        if tape:
            help = DISK_SETTINGS_HELP if disk else TAPE_SETTINGS_HELP
        return codes.UNKNOWN_KEYWORD(f"{found} is not a keyword; a statement must start with one", span, help=help)
    return codes.UNKNOWN_KEYWORD(
        f"{found} is not a keyword of the `{statement}` statement, nor one that starts a statement",
        span,
        help=f"`{statement}` goes on only with {alternatives(options)} here; statements in {where}"
        f" start with {listed}",
    )


#: How a statement is written, for a help whose line's own words make no statement
#: (`statement_form`).
STATEMENT_FORMS = {
    "to": "`to disk pool NAME` or `to tape pool NAME`",
    "run": "`run on MEMBER daily HH:MM` (or another schedule)",
    # the recovery's generic report in one of these statements (`Recovery.generic_help`):
    # `tape manager { catalog node ZVMA }`, a guess at its form, gets the form
    "tape manager": "`tape manager shared catalog-node NAME on MEMBER request-node NAME`, its options"
    " on one line with no `{ }` (or `tape manager local`)",
    "catalog": "`catalog shared server NAME pool NAME on MEMBER`, its options on one line with no `{ }`"
    " (or `catalog local`)",
    "disk": "`disk USER ADDRESS size N cyl` (or `size N blk`; an extent after it: `on VOLUME at START`)",
    "description": '`description "TEXT"`, the text in straight double quotes',
    "backup": "`backup GROUP full` or `backup GROUP incremental` (groups or user IDs, `,` between them)",
    "include": "`include minidisk OWNER ADDRESS...` or `include sfs POOL:USER.DIR`",
    "exclude": "`exclude minidisk OWNER ADDRESS...` or `exclude sfs POOL:USER.DIR`",
}


def statement_form(name: str) -> str:
    """What the `name` statement looks like, said where no single line of the user's
    words can be written (`word_after_statement`, `words_after_statement`)."""
    form = STATEMENT_FORMS.get(name)
    if form is None:
        return f"see docs/language.md for how the `{name}` statement is written"
    return f"the `{name}` statement is written {form}"


def word_after_statement(
    extra: str,
    name: str,
    last: str,
    statement: str | None,
    listed: str | None,
    span: Span,
    remove: Span | None,
    one_value: str | None = None,
) -> Diagnostic:
    """`workers 4 4`: a name after a whole statement, where the next one must start.
    `listed` is the statement with the name added to its list, where one takes it;
    `remove` is the word with the blanks before it, what the fix deletes (none
    when removing it is not certain, and when listing the word is the other way
    out: the fix would be a choice); `one_value`, the keyword whose one value ends
    the statement (`pool BKUPPOOL BKUPPOL2`). `statement` None where the words
    before it make no statement as written (`to BKUPPOOL now`: the recovery supplied
    the medium and `pool`): the help says how the statement is written, no fix."""
    if statement is None:
        # the line's words make no statement without words the recovery supplied
        # (`to BKUPPOOL now`, its medium and `pool` missing): no line to write, but its form
        help = f"remove {extra}; {statement_form(name)}"
        return codes.SYNTAX(
            f"one word too many: the `{name}` statement ends with {last}, and {extra} starts no statement",
            span,
            help=help,
        )
    why = f", as `{one_value}` takes one value" if one_value is not None else ""
    help = f"remove {extra}{why}: write `{statement}`"
    if listed is not None:
        help += f"; to back it up as well, list it before the level: `{listed}`"
    return codes.SYNTAX(
        f"one word too many: the `{name}` statement ends with {last}, and {extra} starts no statement",
        span,
        help=help,
        fix=remove_fix(extra, remove) if listed is None and remove is not None else None,
    )


def words_after_statement(words: str, name: str, last: str, statement: str | None, span: Span) -> Diagnostic:
    """`purge weekly sun 03:00 after preview`: words after a whole statement, on its
    line, that start no statement (a keyword among them does not make one). Which
    of them were meant is not certain: no fix. Counted as `word_after_statement`'s one
    word is: "2 words too many". `statement` None as there."""
    help = f"remove `{words}`: write `{statement}`" if statement is not None else f"remove `{words}`; {statement_form(name)}"
    return codes.SYNTAX(
        f"{len(words.split())} words too many: the `{name}` statement ends with {last}, and `{words}` starts no"
        " statement",
        span,
        help=help,
    )


def word_inside_statement(word: str, name: str, statement: str, span: Span) -> Diagnostic:
    """`on VMSYS1 run weekly now sun 02:00`: a word among a statement's words out of
    order that has no place in it, where the others make it in one order
    (`Recovery.reordered`); said as `words_after_statement` says those after one. No
    fix: the fix of the order (`statement`) leaves the word out. `word` may be words
    last on the line (`daily 01:00 run on VMSYS1 now now`: `Recovery.stray_word_last`),
    counted: "2 words too many"."""
    count = "one word" if len(word.split()) == 1 else f"{len(word.split())} words"
    return codes.SYNTAX(
        f"{count} too many: the `{name}` statement has no place for `{word}`",
        span,
        help=f"remove `{word}`: write `{statement}`",
    )


def retain_left_out(written: str, days: int | None, statement: str, span: Span) -> Diagnostic:
    """`purge weekly sun 06:00 35 days`: a retention (`written`, `35 days` or `5 weeks`)
    after a purge's or a preview's whole schedule, its `retain` left out. The fix
    writes the statement, in days (`days`).

    After a job's `run` line's time (`run on DEV1 daily 01:00 35 days`; `written` with
    any word before the number, `keep 35 days`, `retain 35 days`), the retention is
    the expire block's, as a job keeps none (_retention_elsewhere): no fix, as moving
    a statement to another block is the user's choice. So for one cut short there
    (`retain 30`, `retain`, `keep`: Recovery.retention_cut_short), `days` None where
    no number is written. So after `manual`, which has no time (`run on DEV1 manual
    retain 35 days`): the statement ends with it."""
    meant = f"retain {days} days"
    keyword = statement.split()[0].lower()  # `RUN on ...`: keywords in any case
    if keyword == "run":
        said, then = _retention_elsewhere(keyword, days)
        last = statement.split()[-1]
        ends = "its time" if looks_like_time(last) else f"`{last}`"
        return codes.SYNTAX(
            f"`{written}` is not part of `run`: the `run` statement ends with {ends}, and {said}",
            span,
            help=f"remove `{written}`: write `{statement}`; {then}",
        )
    how = "write `retain` before the number" if written == f"{days} days" else "write it as a retention in days"
    return codes.SYNTAX(
        f"`{written}` has no keyword: the `{keyword}` statement ends with its time,"
        f" and a retention is a statement of its own, `{meant}`",
        span,
        help=f"{how}: `{statement} {meant}`, or `{meant}` on a line of its own",
        fix=write_fix(meant, span),
    )


def _retention_elsewhere(keyword: str, days: int | None) -> tuple[str, str]:
    """Where a retention written on a schedule's line goes, as the end of the error
    and of its help: for `purge` and `preview`, `retain 35 days`, a statement of its
    own; for a job's `run`, the expire block's, as a job keeps none. `days` None: no
    number written (`run on DEV1 daily 01:00 retain`), `retain N days`. So for a
    job's `to` (retention_on_to)."""
    meant = f"retain {'N' if days is None else days} days"
    if keyword in ("run", "to"):  # a job's statements
        return (
            f"a job keeps no retention: how long backups stay in the catalog is the expire block's `{meant}`",
            f"to keep backups {'N' if days is None else days} days, write `{meant}` in the expire block",
        )
    return f"a retention is a statement of its own, `{meant}`", f"`{meant}`"


def retention_on_to(word: str, written: str, days: int, statement: str, span: Span) -> Diagnostic:
    """`to disk pool P for 30 days`, `to tape keep 30 days`: a retention (`written`, from
    `word`, the first of the words before its number, to its unit) after a job's whole
    `to` statement (`statement`), on its line. A job keeps no retention: as after a `run`
    line's time (retain_left_out), the error says the expire block's `retain 30 days`
    is where it is said. No fix, as there: removing it would drop the days the user
    meant to keep, which move to another block by the user's choice. Without a word
    before the number (`to disk pool P 30 days`, `word` the number), the retention is
    no part of `to`, as after a `run` line's time: BKR004."""
    said, then = _retention_elsewhere("to", days)
    if word == written.split()[0] and word.isdigit():
        return codes.SYNTAX(
            f"`{written}` is not part of `to`: the `to` statement ends with `{statement.split()[-1]}`, and {said}",
            span,
            help=f"remove `{written}`: write `{statement}`; {then}",
        )
    return codes.UNKNOWN_KEYWORD(
        f"`{word}` is not a keyword of the `to` statement: `{written}` is a retention, which a job does"
        f" not keep: how long backups stay in the catalog is the expire block's `retain {days} days`",
        span,
        help=f"remove `{written}`: write `{statement}`; {then}",
    )


def retention_for_time(written: str, keyword: str, schedule: str, days: int, span: Span) -> Diagnostic:
    """`purge weekly sun keep 35 days`, `purge weekly sun 35 days`: a retention written
    where a purge's or a preview's schedule has its time (`keep`, read as the time, or
    `35`). One error for the words (`written`), which says both: the time is missing,
    and the retention is a statement of its own. In a job's `run` line (`keyword`
    `run`, `schedule` from its `on`: `on DEV1 daily`), the retention is the expire
    block's, as a job keeps none. No fix: the time is a choice."""
    said, then = _retention_elsewhere(keyword, days)
    help = (
        f"write the time: `{keyword} {schedule} HH:MM`; {then}"
        if keyword == "run"
        else f"write the time, then the retention: `{keyword} {schedule} HH:MM` and {then}"
    )
    return codes.SYNTAX(
        f"`{written}` is not part of `{keyword}`: `{keyword} {schedule}` needs its time (HH:MM) there, and {said}",
        span,
        label="a time of day expected here",
        help=help,
    )


def retention_after_word(words: str, written: str, days: int, statement: str, span: Span, fix_span: Span | None) -> Diagnostic:
    """`purge weekly sun 06:00 for 35 days`: a retention (`written`, `35 days` or `5
    weeks`) after a purge's or a preview's whole schedule, with words no keyword
    starts (`words`, `for`) where its `retain` goes. With one word (`fix_span`, the
    word, or for weeks the word and the retention), the fix writes `retain` for it (as
    `keep` is "did you mean `retain`?"); with more, no fix: which word is a slip is a
    guess."""
    meant = f"retain {days} days"
    if fix_span is None:
        return codes.UNKNOWN_KEYWORD(
            f"`{words} {written}` has no keyword: a retention after `{statement}` is a statement of its own,"
            f" `{meant}`",
            span,
            help=f"write `{meant}` for `{words} {written}`: `{statement} {meant}`, or `{meant}` on a line of its own",
        )
    if written == f"{days} days":
        how, fix = f"write `retain` for `{words}`", write_fix("retain", fix_span)
    else:  # `for 5 weeks`: the retention in days too
        how, fix = f"write `{meant}` for `{words} {written}`", write_fix(meant, fix_span)
    return codes.UNKNOWN_KEYWORD(
        f"`{words}` is not a keyword: a retention after `{statement}` is a statement of its own, `{meant}`",
        span,
        help=f"{how}: `{statement} {meant}`",
        fix=fix,
    )


def retention_for_day_said(written: str, keyword: str, schedule: str, days: int) -> tuple[str, str, str]:
    """`purge weekly keep 35 days`, `purge weekly 35 days`: a retention written where a
    `weekly` or `monthly` schedule has its day and its time (`keep` read as the day,
    `35` as the time; or `35` as the day, `days` as the time). The error for the words
    (`written`), which says both: the day and the time are missing, and the retention
    is a statement of its own (in a job's `run` line, `schedule` from its `on`, the
    expire block's). (message, label, help); no fix: the day and the time are a
    choice. The parser says it (retention_for_day), and the checker where the words
    read as a day and a time (BKR314)."""
    form = _SCHEDULE_EXAMPLES[schedule.split()[-1].lower()]  # `weekly DAY HH:MM`
    said, then = _retention_elsewhere(keyword, days)
    written_form = f"`{keyword} {schedule} {form.split(None, 1)[1]}`"
    help = (
        f"write the day and the time: {written_form}; {then}"
        if keyword == "run"
        else f"write the day and the time, then the retention: {written_form} and {then}"
    )
    message = (
        f"`{written}` is not part of `{keyword}`: `{keyword} {schedule}` needs its day, then its time"
        f" (`{form}`) there, and {said}"
    )
    return message, "a day, then a time of day, expected here", help


def retention_for_day(written: str, keyword: str, schedule: str, days: int, span: Span) -> Diagnostic:
    """`purge weekly keep 35 days`: retention_for_day_said's error, where the parser
    meets it (at `days`, after `keep` read as the day and `35` as the time)."""
    message, label, help = retention_for_day_said(written, keyword, schedule, days)
    return codes.SYNTAX(message, span, label=label, help=help)


def value_without_keyword(
    word: str, name: str, last: str, statement: str, keywords: list[str], span: Span
) -> Diagnostic:
    """`catalog shared BKRSVSFS`, `workers 2 VAPRV1`: a value after a whole statement,
    where one of `keywords` would take it; which one is meant is not certain: no fix."""
    choices = [f"`{k} {word}`" for k in keywords]
    listed = choices[0] if len(choices) == 1 else ", ".join(choices[:-1]) + f" or {choices[-1]}"
    return codes.SYNTAX(
        f"`{word}` has no keyword before it: the `{name}` statement ends with {last},"
        " and a value follows the keyword it belongs to",
        span,
        help=f"write its keyword before it: {listed}; or, if it is one word too many,"
        f" remove it: `{statement}`",
    )


def group_bullets(head: str | None, entries: list[str], span: Span, dashes: list[Span]) -> Diagnostic:
    """`- LINUX01` lines in a group body: a YAML list. `head` is the group's
    `single group APPS`, if its line says it; `dashes` the spans of each `-` with the
    blanks after it, which the fix deletes."""
    listed = " ".join(entries)
    body = f"`{head} {{ {listed} }}`" if head else f"`{listed}`"
    many = len(dashes) > 1
    return codes.SYNTAX(
        "a group lists its user IDs separated by blanks or newlines, without `-` bullets",
        span,
        label="a YAML list item" if not many else f"the first of {len(dashes):,} YAML list items",
        help=f"write the IDs without the `-`: {body}, or one ID a line",
        fix=Fix(f"Remove the `-` bullet{'s' if many else ''}", tuple(Edit(d, "") for d in dashes)),
    )


def separators_in_group(
    char: str,
    head: str | None,
    group: str | None,
    written: str | None,
    span: Span,
    removals: list[tuple[Span, str]],
    mixed: bool = False,
) -> Diagnostic:
    """`single group APPS { CICSPRD; DB2PRD; }`, `{ CICSPRD, DB2PRD }`: the entries of a
    group body separated (or ended) by `;` or `,`, as other languages separate a list.
    One error for the body, whose fix removes each. `head` is the group's `single group
    APPS` as its line says it, `written` the body without them, if it is short;
    `removals` what the fix replaces (each with the blanks before it, when a blank
    follows it) and with what (a blank, between two words it alone separates); `mixed`,
    whether the body holds both `,` and `;` (`char` the first)."""
    where = f"of group `{group.upper()}`" if group else "of a group"
    many = len(removals) > 1
    code = codes.BAD_CHARACTER if char == ";" else codes.STRAY_COMMA
    # both signs in one body (`{ LINUX01 , ; LINUX02 }`): each named, not the first's
    # alone ("the first `,` of 2" over a `,` and a `;`)
    signs = f"`{char}` and `{',' if char == ';' else ';'}`" if mixed else f"`{char}`"
    them = f"each {signs}" if many else f"the {signs}"
    if written and head:
        help = f"remove {them}: write `{head} {{ {written} }}`"
    elif written:
        help = f"remove {them}: write `{written}`"
    else:
        help = f"remove {them}; write the entries one a line, or several separated by blanks"
    return code(
        f"{signs} {'do' if mixed else 'does'} not separate the user IDs {where}: they are separated by blanks"
        " or new lines",
        span,
        label=(f"the first of {len(removals):,} signs" if mixed else f"the first `{char}` of {len(removals):,}")
        if many
        else None,
        help=help,
        fix=Fix(
            f"Remove each {signs}" if many else f"Remove the {signs}",
            tuple(Edit(r, blank) for r, blank in removals),
        ),
    )


#: A `member` block's head up to a `,` after its name (`member ZVMA, ZVMB`): stray_comma.
_MEMBER_HEAD = re.compile(r"\s*member\s+(?P<name>[^\s,{}#]+)\s*$", re.IGNORECASE)
#: The `on MEMBER` that names one member, right before a `,` on its line: a
#: catalog's server (`catalog shared server S pool P on VMSYS1, VMSYS2`) and a Tape
#: Manager catalog node (`catalog-node TCTMM on VMSYS1, VMSYS2`) run on one.
_ONE_MEMBER = re.compile(
    r"(?:^\s*(?P<catalog>catalog)\b.*|\b(?P<node>catalog-node)\s+\S+\s+)\bon\s+(?P<member>[^\s,{}]+)\s*$",
    re.IGNORECASE,
)


def stray_comma(span: Span, before: str = "", statement: str | None = None) -> Diagnostic:
    """A `,` no list takes. `before`: its line up to it, so that after the `on
    MEMBER` of a statement that names one member the help says so, where the
    general help would show the very list the statement refuses. `statement`: the
    keyword of the statement that follows it on its line (`workers 4, private-volume
    M1PRV1`), the `,` written between two statements: its fix removes it."""
    one = _ONE_MEMBER.search(before)
    head = _MEMBER_HEAD.match(before)
    if head is not None and statement is None:
        # `member ZVMA, ZVMB, ZVMC { workers 4 }`: several members in one block's head
        return codes.STRAY_COMMA(
            "a `,` cannot appear here: a `member` block declares one member",
            span,
            help=f"write `member {head['name']} {{ ... }}`, and a block of its own for each other member below it",
        )
    if statement is not None and one is None:
        return codes.STRAY_COMMA(
            f"a `,` cannot separate two statements: `{statement}` starts one of its own",
            span,
            help="statements are separated by blanks or new lines alone: remove the `,`",
            fix=remove_fix("the `,`", span),
        )
    if one is not None:
        what = "`catalog ... on` names the member the catalog's server runs on" if one["catalog"] else (
            "`catalog-node ... on` names the member the Tape Manager catalog node logs on to"
        )
        help = f"{what}, one member: write `on {one['member']}` alone"
    else:
        help = (
            "commas separate the names of one list (`on VMSYS1, VMSYS2`); group entries are"
            " separated by blanks, and a list never ends with `,`"
        )
    return codes.STRAY_COMMA("a `,` cannot appear here", span, help=help)


#: The words that end a `backup` line: `backup APPS, SYSIDS full`.
LEVELS = frozenset(level.value for level in Level)


#: Backup levels of other products, which bkrc does not have (`backup APPS differential`).
OTHER_LEVELS = frozenset(
    {"differential", "cumulative", "diff", "delta", "synthetic", "partial", "complete", "snapshot", "image",
     "baseline"}
)


#: Schedule words written where the level goes (`backup APPS weekly`).
SCHEDULE_WORDS = lexicon.SCHEDULES | {"nightly", "hourly", "yearly"}
#: The form of each schedule, for one written without its values (`backup APPS weekly`).
_SCHEDULE_EXAMPLES = {"weekly": "weekly DAY HH:MM", "monthly": "monthly N HH:MM", "manual": "manual"}


def list_joined(
    joiner: str, meant: str, span: Span, joiners: list[Span], comma: str, one: tuple | None = None
) -> Diagnostic:
    """`run on VMSYS1 and VMSYS2`: names of a list joined by `and` or `&`; `joiners`
    the spans from each name's end to the next name, which the fix makes `comma`.
    `one`: `one_member_of`'s help and mends, for a job that runs on one member."""
    message = f"`{joiner}` does not join the names of a list: they are separated by commas"
    if one is not None:
        return codes.SYNTAX(message, span, help=one[0], fix=one[1], choices=one[2])
    return codes.SYNTAX(
        message,
        span,
        help=f"write `{meant}`",
        fix=Fix(f"Replace `{joiner}` with `,`", tuple(Edit(j, comma) for j in joiners)),
    )


def joined_level(
    joiner: str, groups: str, level: str, span: Span, remove: Span, blank: str = "", title: str | None = None
) -> Diagnostic:
    """`backup APPS and full`: `and` (or `&`) between the groups and the level; `remove`
    is the joiner with the blanks before it, which the fix replaces with `blank`. `AND`
    in capitals may be a group whose `,` is missing: no fix then."""
    help = f"write `backup {groups} {level}`: the level follows the last group, with nothing between"
    certain = joiner == "&" or not joiner.isupper()
    if not certain:
        help += f"; if `{joiner}` is a group, put a `,` before it: `backup {groups}, {joiner} {level}`"
    return codes.SYNTAX(
        f"`{joiner}` does not join the groups to their level: `{level}` follows the groups by itself",
        span,
        help=help,
        fix=Fix.replace(title or f"Remove `{joiner}`", remove, blank) if certain else None,
    )


def joined_after_comma(
    joiner: str, left: str, right: str, span: Span, remove: Span, blank: str, comma_after: bool = False
) -> Diagnostic:
    """`backup APPS, and LINUX full`: `and` (or `&`) after the `,` of a list, before its
    next name; the fix replaces `remove` (the joiner and the blanks after it) with `blank`.
    `comma_after`: a second `,` follows the joiner (`APPS, and, LINUX`), removed with it."""
    removed = f"{joiner}," if comma_after else joiner
    return codes.SYNTAX(
        f"`{joiner}` does not join the names of a list: the `,` before it separates them already",
        span,
        help=f"remove `{removed}`: write `{left}, {right}`",
        fix=Fix.replace(f"Remove `{removed}`", remove, blank),
    )


def run_list_ends_joined(
    listed: Sequence[str], members: Sequence[str], kind: str | None, home: str | None, span: Span, remove: Span, whole: Span,
    joiner: str = "and",
) -> Diagnostic:
    """`run on DEV1 and daily 02:00`: a job's members (`listed`) ending with `and` (at
    `span`), no name after it. In a job of IDENTITY users, which runs on every member
    (on some, BKR221), the fix writes the file's `members` not listed over `remove`
    (the blanks and `and`); in one of single-configuration users that lists several,
    `one_member_of`'s (`whole`: the names and `and`); else it removes `and`. `joiner`:
    `and` as written (`AND` where no member AND is declared)."""
    message = f"the list of members ends with `{joiner}`: no member's name follows it"
    names = ", ".join(listed)
    upper = {name.upper() for name in listed}
    missing = [m for m in members if m.upper() not in upper]
    if kind == "identity" and missing and upper <= {m.upper() for m in members}:
        meant = ", ".join([*listed, *missing])
        help = (
            f"a job of IDENTITY users runs on every member (on some, BKR221): write the other"
            f" {'members' if len(missing) > 1 else 'member'} for `{joiner}`: `run on {meant}`, or `run on each member`"
        )
        return codes.SYNTAX(message, span, help=help, fix=Fix.replace(f"Write `{meant}`", remove, ", " + ", ".join(missing)))
    one = one_member_of(listed, kind, home, whole)
    if one is not None:
        return codes.SYNTAX(message, span, help=one[0], fix=one[1], choices=one[2])
    return codes.SYNTAX(
        message, span, help=f"remove `{joiner}`: `run on {names}`",
        fix=remove_fix(f"`{joiner}`", remove),
    )


def list_ends_joined(joiner: str, groups: str, span: Span) -> Diagnostic:
    """`backup APPS, LINUX, and` at the end of its line: no name after the joiner."""
    return codes.SYNTAX(
        f"the list of groups ends with `, {joiner}`: no name follows `{joiner}`",
        span,
        help=(
            f"write the last group after the `,` without `{joiner}`, or, if the list is whole,"
            f" remove `, {joiner}`: `backup {groups}`"
        ),
    )


def joined_in_group(
    joiner: str, left: str, right: str, group: str | None, span: Span, remove: Span, blank: str = ""
) -> Diagnostic:
    """`single group APPS { CICSPRD and DB2PRD }`: `and` (in small letters) or `&` between
    two user IDs of a group body; the fix replaces `remove` (the joiner and the blanks on
    one side of it) with `blank`."""
    help = f"remove `{joiner}`: write `{left} {right}`"
    if joiner != "&":
        help += "; a user whose ID is AND is written as CP writes it, in capitals: `AND`"
    where = f"of group `{group.upper()}`" if group else "of a group"
    return codes.SYNTAX(
        f"`{joiner}` does not join the user IDs {where}: they are separated by blanks alone",
        span,
        help=help,
        fix=Fix.replace(f"Remove `{joiner}`", remove, blank),
    )


def match_synonym(word: str, pattern: str, span: Span) -> Diagnostic:
    """`single group LINUX { ... matches LNXAPP* }` (`pattern`, `like`): an English word
    for `match` before a pattern in a group body, which would be a user ID (none where
    the word is longer than a user ID may be, `users-like`: the help says nothing of one)."""
    user = (
        f"; a user whose ID is {word.upper()} is written as CP writes it, in capitals: `{word.upper()}`"
        if len(word) <= 8
        else ""
    )
    return codes.UNKNOWN_KEYWORD(
        f"unknown keyword `{word}`; did you mean `match`? A group's pattern is written after `match`",
        span,
        help=f"write `match {pattern}`{user}",
        fix=write_fix("match", span),
        slip=Slip("misspelt"),
    )


def both_choices(what: str, first: str, second: str, span: Span) -> Diagnostic:
    """`backup APPS full incremental`, `to tape disk`: both words of a choice."""
    if what == "level":
        return codes.SYNTAX(
            f"a `backup` line has one level: `{first}` or `{second}`, not both",
            span,
            help=f"keep `{first}` or `{second}`; for a full backup and incrementals, write two jobs"
            " (a weekly full and a daily incremental)",
        )
    return codes.SYNTAX(
        f"a job writes to one medium: `to {first}` or `to {second}`, not both",
        span,
        help=f"keep `{first}` or `{second}`; to copy the same data to both, write two jobs",
    )


def include_for_import(written: str, span: Span) -> Diagnostic:
    """`include std/zvm73` at the top of a file: a module included as C includes a file."""
    return codes.SYNTAX(
        f"a module is read with `import`, not `{written}`: `include` selects what a job backs up",
        span,
        help="write `import`",
        fix=write_fix("import", span),
    )


def minidisk_for_disk(written: str, span: Span) -> Diagnostic:
    """`minidisk BKRBKUP 191 size 10 cyl`: the `disk` statement written as CP names it."""
    return codes.SYNTAX(
        f"a machine's minidisk is declared with `disk`, not `{written}`",
        span,
        help="write `disk`; `minidisk` is written only in a job's `include minidisk` and `exclude minidisk`",
        fix=write_fix("disk", span),
    )


def schedule_as_level(word: str, groups: list[str], span: Span, values: str = "") -> Diagnostic:
    """`backup APPS weekly`: a schedule where the backup level goes. `values`, what
    follows the word on its line (`sun 02:00`): the schedule, kept where it ends with
    its time (`weekly sat 22:00`), else its form (`weekly DAY HH:MM`), never a member,
    a day or a time nobody wrote (it said `run on VMSYS1 weekly sun 02:00`)."""
    listed = ", ".join(groups)
    values = re.sub(r"\s*,\s*", ",", " ".join(values.split()))
    lowered = word.lower()
    if values and looks_like_time(values.split()[-1]) and lowered in ("daily", "weekly", "monthly"):
        schedule = f"{lowered} {values}"
    elif lowered == "weekly" and values and all(looks_like_day(d) for d in values.split(",")):
        schedule = f"weekly {values} HH:MM"  # `backup APPS weekly sat`: the day kept
    else:
        schedule = _SCHEDULE_EXAMPLES.get(lowered, "daily HH:MM")
    return codes.SYNTAX(
        f"`{word}` is a schedule, not a backup level: a job backs up `full` or `incremental`",
        span,
        help=f"write `backup {listed} full` or `backup {listed} incremental`; the schedule goes"
        f" after the members in `run`: `run on MEMBER {schedule}`",
    )


def level_keyword(word: str, removed: str, groups: str, level: str, span: Span, remove: Span) -> Diagnostic:
    """`backup APPS level full`: a keyword written before the level; `removed` the text
    the fix removes (`type=`)."""
    return codes.SYNTAX(
        f"the level follows the groups without a keyword: `{word}` is not written before `{level}`",
        span,
        help=f"write `backup {groups} {level}`",
        # `backup APPS LEVEL full` may be a group LEVEL whose `,` is missing
        fix=remove_fix(f"`{removed}`", remove) if word.islower() or removed != word else None,
    )


def other_level(word: str, span: Span) -> Diagnostic:
    """`backup APPS differential`: a level of another product."""
    return codes.SYNTAX(
        f"`{word}` is not a backup level bkrc knows: a job backs up `full` or `incremental`",
        span,
        help="write `full` to back up every disk whole, or `incremental` to back up"
        " what changed since the last backup",
    )


def group_in_backup(
    group: str, span: Span, remove: Span, word: str = "group", level: str | None = None, names: Span | None = None
) -> Diagnostic:
    """`backup group APPS full`: the word `group` (or `user`, `users`...) before the name;
    `group`, the names after it as a list (`CICSPRD, DB2PRD`), `level` the level after
    them if written. `names`: the word and the names, where a `,` is missing between
    them (`backup users CICSPRD DB2PRD full`), which the fix writes as the list."""
    commas = "the names separated by commas" if names is not None else ""
    if level is None:
        help = f"write `backup {group}`, {commas + ', ' if commas else ''}with the level after it"
    else:
        help = f"write `backup {group} {level}`{': ' + commas if commas else ''}"
    # `backup USERS APPS` may be a group USERS whose `,` is missing: the word in
    # small letters, as keywords are written, is the word, not a name
    fixable = word == "group" or word.islower()
    if not fixable:
        fix = None
    elif names is None:
        fix = remove_fix(f"`{word}`", remove)
    else:
        fix = Fix.replace(f"Write `{group}`", names, group)
    return codes.SYNTAX(
        f"`{word}` is not written in a `backup` statement: `backup` names the groups"
        f"{' and users' if word.lower().startswith('user') else ''} themselves",
        span,
        help=help,
        fix=fix,
    )


def user_and_group(group: str, kind: str, span: Span, remove: Span) -> Diagnostic:
    """`single user group APPS {`: `user` and `group` both written; `kind`, the word
    before them (`single` or `identity`; another word counts as `single`)."""
    kind = kind if kind in ("single", "identity") else "single"
    return codes.SYNTAX(
        f"`user` and `group` are both written: `{kind} user` declares users, `{kind} group` a group",
        span,
        help=f"write `{kind} group {group} {{ ... }}` for a group;"
        f" `{kind} user ID` declares users one by one",
        fix=remove_fix("`user`", remove),
    )


def _days_listed(
    message: str, written: str, meant: str, span: Span, gaps: Sequence[str] = (), each: bool = False
) -> Diagnostic:
    """A `run` line in the wrong order whose range of days the help writes one by one
    (`written`, the line; `meant`, what the fix writes over `span`); no fix where it
    ends with `HH:MM`, the time not written. `gaps`: the commas missing between its
    members (`commas_missing_said`), which the help says too, and what the job does
    on the members then listed (RUNS_ON_EACH), where `each`: commas are among the gaps."""
    missing = " (the time of day is missing)" if meant.endswith(" HH:MM") else ""
    said = "".join(f"; {gap}" for gap in gaps) + (RUNS_ON_EACH if each else "")
    return codes.SYNTAX(
        message,
        span,
        help=f"write `{written}`{missing}: `weekly` takes each day by name, the days separated by commas{said}",
        fix=None if missing else write_fix(meant, span),
    )


def commas_missing_said(runs: Sequence[Sequence[str]]) -> list[str]:
    """What a help says of members written without a `,` between them, in runs between
    the `,`s written (`[[VMSYS1], [VMSYS2, VMSYS3]]`: "a `,` is missing between `VMSYS2`
    and `VMSYS3`")."""
    gaps = []
    for run in runs:
        names = [f"`{name}`" for name in run]
        if len(names) > 2:
            gaps.append(f"commas are missing between {', '.join(names[:-1])} and {names[-1]}")
        elif len(names) == 2:
            gaps.append(f"a `,` is missing between {names[0]} and {names[1]}")
    return gaps


def schedule_first(
    written: str,
    meant: str,
    span: Span,
    days_listed: bool = False,
    commas_missing: Sequence[Sequence[str]] | None = None,
    member_word: str | None = None,
    at_word: str | None = None,
    swapped: str | None = None,
    phrase: tuple[str, str] | None = None,
) -> Diagnostic:
    """`run daily 02:00 on VMSYS1`: the schedule before the members. `phrase`: the
    schedule written in English (`nightly 02:00`) and the one it means (`daily
    02:00`), which `meant` writes and the help says. `days_listed`:
    `meant` writes a range of days one by one (`run weekly mon-fri 22:00 on VMSYS1`),
    which the help says; no fix where it ends with `HH:MM`, the time not written.
    `commas_missing`: the members in runs between the `,`s written, where some were
    written without one (`on VMSYS1 VMSYS2`), which `meant` writes and the help says.
    `member_word`: `member` written before the members (`on member VMSYS1`), and
    `at_word`, `at` before the time (`daily at 02:00`), which `meant` leaves out and
    the help says; `swapped`, `member each` written for `each member`, which `meant`
    writes in order and the help says. What the job then does on the members listed
    (RUNS_ON_EACH) is said only where commas were missing: a list the fix writes."""
    gaps = commas_missing_said(commas_missing or [])
    commas = bool(gaps)
    if member_word is not None:
        gaps.append(f"`{member_word}` is written only in `on each member`")
    if swapped is not None:
        first, second = swapped.split()
        gaps.append(f"`{second}` comes before `{first}`")
    if at_word is not None:
        gaps.append(f"the time follows without `{at_word}`")
    if phrase is not None:
        gaps.append(f"`{phrase[0]}` is written `{phrase[1]}`")
    if days_listed:
        return _days_listed(
            "the schedule comes after the members the job runs on, not before them",
            f"run {meant}",
            meant,
            span,
            gaps,
            each=commas,
        )
    said = f": {'; '.join(gaps)}{RUNS_ON_EACH if commas else ''}" if gaps else ""
    if meant.endswith(" HH:MM"):
        # `run daily on VMSYS1`: the time not written, which the help writes HH:MM; no mend
        return codes.SYNTAX(
            "the schedule comes after the members the job runs on, not before them, and the time of day (HH:MM)"
            " is missing after it",
            span,
            help=f"write `run {meant}`, the time of day on a 24-hour clock{said}",
        )
    return codes.SYNTAX(
        "the schedule comes after the members the job runs on, not before them",
        span,
        help=f"write `run {meant}`{said}",
        fix=write_fix(meant, span),
    )


def schedule_without_run(
    schedule: str,
    span: Span,
    meant: str | None = None,
    shown: str | None = None,
    form: bool = False,
    commas_missing: list[list[str]] | None = None,
    days_listed: bool = False,
    at_word: str | None = None,
    phrase: tuple[str, str] | None = None,
) -> Diagnostic:
    """`daily 02:00` alone in a job: a schedule says when, and `run on` where. `at_word`:
    `at` written before the time (`daily at 02:00 run on VMSYS1`), which `meant` leaves
    out and the help says; `phrase`, a schedule in English and the one it means
    (`nightly 02:00`, `daily 02:00`), which the help says. `schedule`,
    the schedule's keyword (or, with `meant`, the line); `meant`, the whole `run`
    statement when the line names the members (`daily 02:00 on VMSYS1`); `shown`, the
    schedule when the line ends with an `on` and no member (`daily 02:00 on`); `form`,
    where the line names them but its words in that order make no statement (`daily
    now 01:00 on VMSYS1`): the help says how the statement is written, no fix.
    `commas_missing`: the members, where the line names some without a `,` between
    them (`daily 01:00 run on VMSYS1 VMSYS2`), in runs between the `,`s written
    (`VMSYS1, VMSYS2 VMSYS3`: `[[VMSYS1], [VMSYS2, VMSYS3]]`), which the help says
    and `meant` writes, as `run on VMSYS1 VMSYS2 daily 01:00` is read
    (`missing_comma`). `days_listed`: `meant` writes a range of days one by one
    (`weekly mon-fri 22:00 run on VMSYS1`, `weekly mon - fri ...`; with
    `commas_missing`, `... run on VMSYS1 VMSYS2`), which the help says; no fix where
    it ends with `HH:MM`, the time not written."""
    if form:
        return codes.SYNTAX(
            "a schedule is part of the `run` statement, after the members the job runs on",
            span,
            help=f"write `run on` and the members first, then the schedule: {statement_form('run')}",
        )
    if shown is not None:
        return codes.SYNTAX(
            "a schedule is part of the `run` statement: `run` is missing, and no member follows `on`",
            span,
            help=f"write `run on MEMBER {shown}` with the member's name (single-configuration users),"
            f" or `run on each member {shown}` (IDENTITY users)",
        )
    gaps = commas_missing_said(commas_missing or [])
    commas = bool(gaps)
    if at_word is not None:
        gaps.append(f"the time follows without `{at_word}`")
    if phrase is not None:  # `nightly 02:00 run on VMSYS1`: how the schedule is written
        gaps.append(f"`{phrase[0]}` is written `{phrase[1]}`")
    if meant is not None and days_listed:
        # `weekly mon-fri 22:00 run on VMSYS1`: the days one by one too (and the
        # members' commas, `run on VMSYS1 VMSYS2`)
        return _days_listed(
            "a schedule is part of the `run` statement, after the members the job runs on",
            meant,
            meant,
            span,
            gaps,
            each=commas,
        )
    if meant is not None:
        said = f": {'; '.join(gaps)}{RUNS_ON_EACH if commas else ''}" if gaps else ""
        return codes.SYNTAX(
            "a schedule is part of the `run` statement, after the members the job runs on",
            span,
            help=f"write `{meant}`{said}",
            fix=write_fix(meant, span),
        )
    return codes.SYNTAX(
        "a schedule is part of the `run` statement: `run` is missing, and so is the member the job runs on",
        span,
        help=f"write `run on MEMBER` before `{schedule}`, with the member's name (single-configuration users),"
        f" or `run on each member` (IDENTITY users)",
    )


#: The slips `second_slip` says in one error with another on their line
#: (`Diagnostic.slip`): a word written twice, a list's `,` missing, and (after one of
#: those) a keyword misspelt (`Slip("misspelt", ...)`, `_misspelt`).
TWICE, COMMA = Slip("twice"), Slip("comma")
#: A schedule with a time each for several runs (`daily 02:00 and 14:00`), told so by
#: `schedule_phrase` for the reading of such a line alone on a job's line
#: (`Recovery.times_alone`); `second_slip` says none of these with another slip.
SEVERAL_TIMES = Slip("times")


def _slip_of(diag: Diagnostic, first: bool) -> bool:
    """Whether `diag` is a slip `second_slip` says with another, told by its kind
    (`Diagnostic.slip`), never by its message."""
    kind = diag.slip.kind if diag.slip is not None else None
    if kind in (TWICE.kind, COMMA.kind):
        return True
    return not first and kind == "misspelt" and diag.fix is not None


def second_slip(first: Diagnostic, second: Diagnostic) -> Diagnostic | None:
    """`first`, an error reported already, with `second`, a slip after it on its line
    (`purge purge weekly weekly sun 06:00`: `purge` and `weekly` each written twice;
    `run on VMSYS1 VMSYS2 dayly 02:00`: a `,` missing, then `daily` misspelt; `to to
    pool pool BKUPPOOL`), said in it: one error, whose help says both and whose fix
    (or each choice) makes both mends. None where they are not two such slips (a word
    written twice, a list's `,` missing, a keyword misspelt after one of them, each
    with its fix; the first may have choices instead) on one line, the second after
    the first, or their edits meet. The second is marked where it is, a related
    place labelled with what it is (the caret marks the first)."""
    one, two = first.span, second.span
    if (
        one is None
        or two is None
        or one.file != two.file
        or not (one.line == one.end_line == two.line == two.end_line)
        or one.end > two.start
        or first.code not in (codes.SYNTAX.code, codes.UNKNOWN_KEYWORD.code)
        or second.code not in (codes.SYNTAX.code, codes.UNKNOWN_KEYWORD.code)
        or second.fix is None
        or (first.fix is None) == (not first.choices)
        or not (_slip_of(first, True) and _slip_of(second, False))
    ):
        return None
    mends = [first.fix] if first.fix is not None else list(first.choices)
    last = max((e.span.end for m in mends for e in m.edits), default=one.end)
    if last > two.start or any(e.span.start < last for e in second.fix.edits):
        return None
    head, _, tail = (first.help or "").partition("\n")
    help = f"{head}; and {second.help}" + (f"\n{tail}" if tail else "")
    said = second.message
    misspelt = second.slip
    if misspelt.written is not None:
        said = f"{misspelt.written} is `{misspelt.meant}` misspelt"  # `dayly`, as the line then reads
    message = f"{first.message}, and {said}"
    # the second slip marked where it is too, not the first's caret alone
    related = (*first.related, Related(two, said))

    def both(mend: Fix) -> Fix:
        title = f"{mend.title}, and {second.fix.title[0].lower()}{second.fix.title[1:]}"
        return Fix(title, (*mend.edits, *second.fix.edits))

    if first.fix is not None:
        return replace(first, message=message, help=help, fix=both(first.fix), related=related)
    return replace(first, message=message, help=help, choices=tuple(both(c) for c in first.choices), related=related)


def _run_placed_why(kind: str | None, home: str | None, members: Sequence[str]) -> str:
    """Why a job's `run` goes where a help writes it: on each member for IDENTITY users
    (`kind` "identity"), else on `home`, the member the single-configuration users' other
    jobs run on, or the cluster's one member (`members`, the file's)."""
    if kind == "identity":
        return "the job backs up IDENTITY users, one job per member"
    if len(members) > 1:
        return f"the job backs up single-configuration users, whose other jobs run on {home}"
    return "the cluster's one member"


class Mends(enum.Enum):
    """How `run_and_member_missing` offers the `run` its help writes, where the file
    allows one: `FIX`, the one line, the schedule as written (`daily 01:00` alone);
    `CHOICES`, each line a choice, none the fix, where what was meant is the site's to
    say (how often: `at 02:00`; which day: `weekly sun 24:00`, `monthly 31 24:00`)."""

    FIX = "fix"
    CHOICES = "choices"


def run_and_member_missing(
    written: str,
    schedule: str,
    span: Span,
    members: Sequence[str],
    kind: str | None,
    home: str | None,
    phrase: str | None = None,
    others: Sequence[str] = (),
    untimed: bool = False,
    how_often_unsaid: str | None = None,
    note: str | None = None,
    mends: Mends = Mends.FIX,
    problem: tuple[str, str] | None = None,
) -> Diagnostic:
    """`nightly at 01:00`, `daily 01:00` alone on a line of a job: `run on` and the
    member left out before the schedule (`written`, over `span`), which means `schedule`
    (`phrase`: written in English, which the help says). What the file allows is
    written (`recovery.job_home`: `kind`, the job's users', and `home`, the member its
    users' other jobs run on): a job of IDENTITY users runs on each member, which the
    fix writes, and so does a job of single-configuration users whose other jobs run on
    one member (`home`), or in a file of one member; else each of the file's `members`
    (four at most) is a choice (which one is the site's); of users of no kind known,
    the help names both forms, no fix. `others`: the schedule's other reading, where
    its hour alone may be the afternoon's (`every day at 3`: `daily 15:00`), which the
    help says as `on_and_schedule`'s does; then each run is a choice, no fix, the first
    reading's first. `untimed`: the schedule's time is not written (`weekly saturday`:
    `schedule` ends with HH:MM), which the message says too: no mend (no time nobody
    gave), the help writing the statement all the same. `how_often_unsaid`: the time of
    a phrase that says no how often (`at 02:00`; `schedule`, `daily` at it), which the
    help says: each mend is a choice, never the fix (how often is the site's to say).
    `note`: what the help says of the schedule as written, for the default (`daily
    24:00`: "midnight is `00:00`, the start of the day"; `others`' hour then unsaid).
    `mends`: `Mends.CHOICES` where the schedule written is not the one meant for
    certain (`weekly sun 24:00`: the day after's `weekly mon 00:00`; `monthly 31
    24:00`: `monthly 1 00:00` or, in `others`, `monthly 31 00:00`), each mend a choice.
    `problem`: a value of the schedule that none is (`monthly 32 02:00`), what the
    message says of it and the help writes for it (`schedule` holding its placeholder,
    `monthly N 02:00`: "N from 1 to 31, ..."), as BKR314 says after `run on M`: no mend."""
    said = f"; `{phrase}` is written `{schedule}`" if phrase is not None and phrase != schedule else ""
    if how_often_unsaid is not None:
        time = how_often_unsaid
        said = (
            f"; `{phrase}` does not say how often it runs: `daily {time}` runs it every day,"
            f" `weekly DAY {time}` or `monthly N {time}` less often"
        )
        mends = Mends.CHOICES  # how often is the site's to say
    if note is not None:
        said = f"; {note}"
    if untimed or problem is not None:
        if untimed:
            said = f"; `{phrase}` is written `{schedule.removesuffix(' HH:MM')}`" if said else ""
        message = (
            "a schedule is part of the `run` statement: `run` is missing, and so are the member the job runs on"
            " and the time of day (HH:MM)"
            if problem is None
            else f"{problem[0]}; `run` is missing before the schedule, and so is the member the job runs on"
        )
        if kind == "single" and home is None and len(members) == 1:
            home = members[0]
        clock = "the time of day on a 24-hour clock" if problem is None else problem[1]
        if kind == "identity" or (kind == "single" and home is not None):
            meant = f"run on each member {schedule}" if kind == "identity" else f"run on {home} {schedule}"
            why = _run_placed_why(kind, home, members)
            return codes.SYNTAX(message, span, help=f"write `{meant}`, {clock}: {why}{said}")
        named = one_of([f"`on {m}`" for m in members[:4]] + ["..."] * (len(members) > 4))
        if kind == "single":
            return codes.SYNTAX(
                message,
                span,
                help=f"write `run on MEMBER {schedule}` with the member it runs on, {named}, and {clock}:"
                f" the job backs up single-configuration users{said}",
            )
        return codes.SYNTAX(
            message,
            span,
            help=f"write `run on MEMBER {schedule}` with the member's name, {named} (single-configuration users),"
            f" or `run on each member {schedule}` (IDENTITY users), and {clock}{said}",
        )
    if others and note is None:
        hour = int(schedule.rsplit(" ", 1)[1][:2])
        other = "midnight" if hour == 12 else f"{hour} in the afternoon"
        said += f", the hour read on a 24-hour clock ({other}: `{others[0]}`)"
    message = "a schedule is part of the `run` statement: `run` is missing, and so is the member the job runs on"
    if kind == "single" and home is None and len(members) == 1:
        home = members[0]
    if kind == "identity" or (kind == "single" and home is not None):
        runs = [f"run on each member {s}" if kind == "identity" else f"run on {home} {s}" for s in (schedule, *others)]
        why = _run_placed_why(kind, home, members)
        help = f"write `{runs[0]}`: {why}{said}"
        if others or mends is Mends.CHOICES:
            return codes.SYNTAX(message, span, help=help, choices=tuple(write_fix(run, span) for run in runs))
        return codes.SYNTAX(message, span, help=help, fix=write_fix(runs[0], span))
    named = one_of([f"`on {m}`" for m in members[:4]] + ["..."] * (len(members) > 4))
    if kind == "single":
        help = f"write `run on MEMBER {schedule}` with the member it runs on, {named}: the job backs up single-configuration users{said}"
        choices = tuple(write_fix(f"run on {m} {s}", span) for s in (schedule, *others) for m in members[:4])
        return codes.SYNTAX(message, span, help=help, choices=choices)
    help = (
        f"write `run on MEMBER {schedule}` with the member's name, {named} (single-configuration users),"
        f" or `run on each member {schedule}` (IDENTITY users){said}"
    )
    return codes.SYNTAX(message, span, help=help)


def run_allowed(members: Sequence[str], kind: str | None, home: str | None) -> tuple[str, str]:
    """Where a help that writes a job's `run` without a mend runs it, for the file
    (`recovery.job_home`: `kind`, the job's users', `home`, the member its users' other
    jobs run on; the file's `members`): `each member` for IDENTITY users, the `home`
    (or the file's one member) for single-configuration users, else `MEMBER`, with what
    the help says after the `run` it writes (", with the member it runs on, `on DEV1`
    or `on DEV2`"; "" for the others)."""
    if kind == "single" and home is None and len(members) == 1:
        home = members[0]
    if kind == "identity":
        return "each member", ""
    if kind == "single" and home is not None:
        return home, ""
    named = one_of([f"`on {m}`" for m in members[:4]] + ["..."] * (len(members) > 4))
    return "MEMBER", f", with the member it runs on, {named}"


def more_than_daily_alone(
    written: str,
    often: str,
    span: Span,
    members: Sequence[str],
    kind: str | None,
    home: str | None,
    placed: Sequence[str] | None = None,
    time: str | None = None,
) -> Diagnostic:
    """`twice daily`, `hourly`, `every 6 hours` alone on a line of a job (`written`, over
    `span`; `often`, `more_than_daily_written`'s words): more than once a day, which no
    schedule runs, and `run on` left out before it. One error, as on a `run` line
    (`schedule_phrase`), whose help writes the `run` the file allows (`run_and_member_
    missing`'s: `kind`, `home`, the file's `members`) for each job, HH:MM for each time
    of day; no mend (no time nobody gave). `placed`: the members written after the
    schedule (`every 6 hours on DEV1`, `twice daily run on DEV1`, `each member`), which
    the help's `run` writes, one `run` per member for a single-configuration job's
    (a list of them is BKR220). `time`: the one time of day written (`twice daily on
    DEV1 at 03:00`), which the first job's `run` writes, the others HH:MM."""
    missing = "`run on` is missing before it"
    clock = time or "HH:MM"
    if placed:
        where = ", ".join(placed)
        missing = f"a schedule follows `run on {where}`"
        if kind == "single" and len(placed) > 1:
            first, *others = [f"`run on {m} daily {clock}`" for m in placed]
            run = f"{first}, and the same again with {' and '.join(others)}"
        else:
            run = f"`run on {where} daily {clock}`"
    else:
        placement, named = run_allowed(members, kind, home)
        run = f"`run on {placement} daily {clock}`{named}"
    each = f"each {run}" if time is None else f"first {run}, then the same with `HH:MM` for each other time"
    quoted = f"`{' '.join(written.split())}`"
    return codes.SYNTAX(
        f"{quoted} is not a .bkr schedule: no schedule runs {often}, and {missing}",
        span,
        help=(
            f"a schedule runs once a day at most: write a job for each time of day, the same but for its `run`,"
            f" {each}\n{ONE_DAY_NOTE.removeprefix('; ')}"  # a line of its own: the first is long
        ),
    )


def second_schedule(run: str, first: str, second: str, span: Span) -> Diagnostic:
    """`run on VMSYS1 daily 02:00 weekly sun 04:00`: two schedules on one `run` line;
    `run`, the line's `run on ...` before the first."""
    return codes.SYNTAX(
        f"a `run` statement has one schedule: `{second}` follows `{first}`",
        span,
        help=f"keep one, or write a job for each schedule, the same but for its name and its `run`:"
        f" `{run} {first}` and `{run} {second}`" + one_day_note([first, second]),
    )


#: What a help that writes a job for each time adds when the jobs run on one day.
ONE_DAY_NOTE = (
    "; they may run on the same day, the second copying the same data again at one level:"
    " make it `incremental`, or BKR405 warns (BKR410 for IDENTITY users)"
)


def one_day_note(schedules: Sequence[str]) -> str:
    """`ONE_DAY_NOTE` when two of `schedules` (`daily 02:00`, `weekly mon 02:00`),
    which a help writes a job each for, run on one day, else "": a help that writes
    two jobs never leads silently into BKR405's warning (or BKR410's), which two jobs
    of one level get when they may run on one day, and not when they never do (a
    backup split over days, `weekly mon` and `weekly fri`, `monthly 1` and `monthly
    15`). Read from the text: the same days at two times, or `daily` beside another
    schedule with a time (`manual` is submitted on the day its user picks)."""
    days = [s.rsplit(" ", 1)[0].lower() for s in schedules if _CLOCK_OR_HOLDER.search(s)]
    if len(days) < 2:
        return ""
    # the fourth and the last weekday of a month may be one day (as BKR402 takes them)
    days = [d.replace("monthly fourth ", "monthly last ") for d in days]
    # and the month's last day is the 28th to the 31st (`monthly 30,last-day`)
    month_end = "monthly last-day" in days and bool({f"monthly {n}" for n in range(28, 32)} & set(days))
    return ONE_DAY_NOTE if "daily" in days or len(set(days)) < len(days) or month_end else ""


#: A schedule's time as a help writes it: HH:MM, or the `HH:MM` it leaves to the user.
_CLOCK_OR_HOLDER = re.compile(r"(?:\b\d{1,2}:\d{2}|HH:MM)\Z")


#: Words in small letters that name what follows, written before a schedule as a
#: form or a crontab labels it (`run on VMSYS1 schedule daily 02:00`): no member.
SCHEDULE_LABELS = frozenset({"schedule", "time", "when", "cron", "frequency", "starting", "start", "starts"})


def schedule_label(word: str, statement: str, meant: str, span: Span, remove: Span) -> Diagnostic:
    """`run on VMSYS1 schedule daily 02:00`: a word that labels the schedule, between
    the members (or `purge`, `preview`) and it. `remove`: the word with the blanks
    after it; `meant`, the statement as written without it."""
    return codes.SYNTAX(
        f"`{word}` is not written in `{statement}`: the schedule follows "
        + ("the members" if statement == "run" else f"`{statement}`")
        + " directly",
        span,
        help=f"write `{meant}`",
        fix=remove_fix(f"`{word}`", remove),
    )


def time_first_no_often(members: str, time: str, span: Span, at_word: str = "at") -> Diagnostic:
    """`run at 02:00 on VMSYS1`: the time after `at` before the members (`on VMSYS1`),
    and how often it runs not said. Its one choice writes `daily`, the likeliest, the
    time as BKR313 reads it (`Diagnostic.choices`: how often is the site's, so no
    fix); the help names `weekly` and `monthly` too."""
    meant = f"{members} daily {time}"
    return codes.SYNTAX(
        "the schedule comes after the members the job runs on, and starts with how often it runs",
        span,
        help=(
            f"write `run {meant}` to run it every day, or `run {members} weekly DAY {time}` or `monthly N {time}`"
            f" (how often it runs is not said); the time follows without `{at_word}`"
        ),
        choices=(write_fix(meant, span),),
    )


def schedule_first_no_member(schedule: str, span: Span) -> Diagnostic:
    """`run daily 02:00 on`: the schedule before `on`, and no member after it."""
    return codes.SYNTAX(
        "the schedule comes after the members the job runs on, and no member follows `on`",
        span,
        help=f"write `run on MEMBER {schedule}` with the member's name, or `run on each member {schedule}`",
    )


def node_after_member(meant: str, span: Span) -> Diagnostic:
    """`catalog-node on VMSYS1 TCTMM`: the node's machine after its member."""
    return codes.SYNTAX(
        "the catalog node's machine comes right after `catalog-node`, then `on` and its member",
        span,
        help=f"write `catalog-node {meant}`",
        fix=write_fix(meant, span),
    )


def names_after_each_member(names: list[str], schedule: str, span: Span, schedule_first: bool = False) -> Diagnostic:
    """`run on each member VMSYS2 daily 01:00`: members named after `each member`, which
    names every member already. One error whose help writes the two statements meant,
    on every member or on those named, without a fix: which is meant is the writer's
    (IDENTITY users run on each member, single users on one). `schedule_first`: the
    schedule written before `run` too (`daily 01:00 run on each member VMSYS2`), said in
    the same error."""
    said = " and ".join(f"`{name}`" for name in names) if len(names) < 3 else (
        ", ".join(f"`{name}`" for name in names[:-1]) + f" and `{names[-1]}`"
    )
    verb = "has" if len(names) == 1 else "have"
    message = f"`each member` names every member already: {said} after it {verb} no place in the `run` statement"
    if schedule_first:
        message = (
            "a schedule is part of the `run` statement, after the members the job runs on, and `each member`"
            f" names every member already: {said} after it {verb} no place there"
        )
    that = "that member" if len(names) == 1 else "those members"
    after = f" {schedule}" if schedule else ""  # `run on each member VMSYS2`: no schedule written
    return codes.SYNTAX(
        message,
        span,
        help=f"write `run on each member{after}` to run on every member, or `run on {', '.join(names)}{after}`"
        f" to run on {that}",
    )


def members_after_schedule(names: Sequence[str], statement: str, listed: str, span: Span) -> Diagnostic:
    """`run on VMSYS1 mon-fri 22:00 VMSYS2`: members after a `run` statement's schedule;
    `statement`, the line without them, `listed`, with them among the members. To run
    on them too or not is the writer's: no fix."""
    said = " and ".join(f"`{name}`" for name in names)
    verb = "comes" if len(names) == 1 else "come"
    return codes.SYNTAX(
        f"{said} {verb} after the schedule: the members the job runs on are written before it",
        span,
        help=f"write `{listed}` to run it there too, or remove {said}: `{statement}`",
    )


def level_as_option(written: str, level: str, line: str | None, span: Span) -> Diagnostic:
    """`backup APPS --incremental`: the level written as a command's option; `line`, the
    statement with the level as .bkr writes it, which the help shows."""
    return codes.SYNTAX(
        f"`{written}` is written `{level}` in .bkr: the level follows the groups as a word of its own",
        span,
        help=f"write `{line}`" if line else f"write `{level}`",
        fix=write_fix(level, span),
    )


def word_before_retention(word: str, days: str, span: Span, remove: Span, weeks: bool = False) -> Diagnostic:
    """`retain for 35 days`: a word between `retain` and its number; `remove`, the word
    and its blank, which the fix removes. `weeks`: `retain for 5 weeks`, `remove` the
    word through the unit, which the fix writes as the days (`days`)."""
    if weeks:
        return codes.SYNTAX(
            f"`{word}` is not written after `retain`, and `retain` counts days, not weeks",
            span,
            help=f"write `retain {days} days`",
            fix=write_fix(f"{days} days", remove),
        )
    return codes.SYNTAX(
        f"`{word}` is not written after `retain`: the number of days follows `retain` itself",
        span,
        help=f"write `retain {days} days`",
        fix=remove_fix(f"`{word}`", remove),
    )


def member_word_after_on(word: str, member: str, statement: str, span: Span, remove: Span) -> Diagnostic:
    """`expire on member VMSYS1 {`, `catalog ... on member VMSYS1`: `member` (`word`) between
    `on` and the member's name; `remove`, the word and its blank, which the fix removes."""
    if statement == "expire":
        help = f"write `expire on {member} {{`, or `expire on each member {{` to expire on every member"
    else:
        help = f"write `on {member}`: `{statement}` names one member after `on`"
    return codes.SYNTAX(
        f"`{word}` is not written after `on`: `on` is followed by the member's name itself",
        span,
        help=help,
        fix=remove_fix(f"`{word}`", remove),
    )


def member_in_placement(member: str, span: Span, name: Span | None = None, listed: bool = False) -> Diagnostic:
    """`run on member VMSYS1`: `member` (at `span`) before a member's name (at `name`).
    The help's two readings are its choices (`Diagnostic.choices`): `member` removed
    with the blanks after it (*Write `on VMSYS1`*), or the two words written `each
    member` (*Write `on each member`*; not where a `,` and more names follow the name,
    `listed`); which is meant is the site's. None where the name is not on `member`'s
    line (what is between may hold a comment)."""
    choices: tuple[Fix, ...] = ()
    if name is not None and name.line == span.end_line:
        word_and_blanks = Span(span.file, span.line, span.column, name.line, name.column, span.start, name.start)
        both = Span(span.file, span.line, span.column, name.end_line, name.end_column, span.start, name.end)
        choices = (remove_fix_as(f"on {member}", word_and_blanks),)
        if not listed:
            choices += (Fix.replace("Write `on each member`", both, "each member"),)
    return codes.SYNTAX(
        "`member` is written only in `on each member`: after `on`, name the members themselves",
        span,
        help=f"write `on {member}` to run on that member, or `on each member` to run on every member",
        choices=choices,
    )


def _run_written(meant: str, fix_span: Span | None, head: str, time: tuple[str, Span] | None) -> Fix | None:
    """The fix of a `run` line whose `run` was left out before `on` (the three
    `run_left_out_*`): `head` over `fix_span` (from `on` to the words it mends), and a
    time written another way as HH:MM (`time`: the text and where it is); None where
    `fix_span` is None, the line so written no whole statement."""
    if fix_span is None:
        return None
    edits = (Edit(fix_span, head),) + ((Edit(time[1], time[0]),) if time is not None else ())
    return Fix(f"Write `{meant}`", edits)


def run_left_out_on_member(
    member_word: str, written: str, span: Span, fix_span: Span | None, time: tuple[str, Span] | None = None
) -> Diagnostic:
    """`on member VMSYS1 daily 02:00` on a line of a job: `run` left out before `on`, and
    `member` (`member_word`) before the member's name. `written`: the line's words from
    the name on, its time as HH:MM; `fix_span`, from `on` to the name, which the fix
    writes as `run on ` (None where the line so written is no whole statement); `time`,
    the HH:MM of a time written another way (`2am`) and where it is, which the fix
    writes too (the one fix, not a second error's after it, BKR313)."""
    meant = f"run on {written}" if fix_span is not None else f"run on {written.split()[0].rstrip(',')} ..."
    fix = _run_written(meant, fix_span, "run on ", time)
    return codes.SYNTAX(
        f"expected `run` before `on`, and `{member_word}` is not written before the member's name",
        span,
        help=f"write `{meant}`: `on` takes the members' names alone (`member` is written only in `on each member`)",
        fix=fix,
        expected="`run`",
    )


def run_left_out_every_member(
    written: str, meant: str, span: Span, fix_span: Span | None, time: tuple[str, Span] | None = None
) -> Diagnostic:
    """`on all members daily 02:00` on a line of a job: `run` left out before `on`, and
    `each member` written otherwise (`written`, `all members`). `meant`: the statement
    the help writes; the fix writes `run on each member` over `fix_span`, from `on` to
    the two words, and a time written another way as HH:MM (`time`); none where
    `fix_span` is None (Recovery.run_left_out_every_member)."""
    fix = _run_written(meant, fix_span, "run on each member", time)
    return codes.SYNTAX(
        f"expected `run` before `on`, and `{written}` is written `each member`",
        span,
        help=f"write `{meant}`: one job per member, named with the member's suffix",
        fix=fix,
        expected="`run`",
    )


def run_left_out_member_each(
    written: str, meant: str, span: Span, fix_span: Span | None, fixed: str, time: tuple[str, Span] | None = None
) -> Diagnostic:
    """`on member each daily 02:00` on a line of a job: `run` left out before `on`, and
    `each member` written the other way round (`written`, `member each`). `meant`: the
    statement the help writes; the fix writes `fixed` (`run on each member`) over
    `fix_span`, from `on` to `each`, and a time written another way as HH:MM (`time`, as
    `run_left_out_on_member`'s); none where `fix_span` is None, the line so written no
    whole statement (Recovery.run_left_out_member_each)."""
    first, second = written.split()
    fix = _run_written(meant, fix_span, fixed, time)
    # `members each`: the word is singular there too
    plural = f", and `{first}` is written `{first[:6]}`" if len(first) > 6 else ""
    return codes.SYNTAX(
        f"expected `run` before `on`, and `{written}` has its two words the wrong way round",
        span,
        help=f"write `{meant}`: `{second}` comes before `{first}`{plural}",
        fix=fix,
        expected="`run`",
    )


def expiry_placed_on_line(
    again: str, statement: str, placed: Sequence[str], named: Sequence[str], span: Span, remove: Span
) -> Diagnostic:
    """`purge daily 06:00 on DEV1` (`again`, at `span`, after the whole `statement`) in
    an `expire` block whose header names `placed` (`each member` alone for every
    member): an expiry runs where its block says, so its members are no part of
    `purge` or `preview`. Naming the block's members (`named`), the fix removes them
    (`remove`, the blanks before them too); naming others, removing them is a choice,
    not a fix: which members are meant, the block's or the line's, is the user's to
    say, and the help says where the line's are written."""
    block = f"expire on {', '.join(placed)}"
    message = f"`{again}` is not part of `{statement.split()[0].lower()}`: an expiry runs on its block's members, `{block}`"
    if {n.upper() for n in named} == {p.upper() for p in placed}:
        return codes.SYNTAX(
            message, span, help=f"remove `{again}`: write `{statement}`", fix=remove_fix(f"`{again}`", remove),
        )
    return codes.SYNTAX(
        message,
        span,
        help=(
            f"remove `{again}`: write `{statement}`; the members an expiry runs on are its block's header's,"
            f" `{block} {{`, where {', '.join(named)} may be written"
        ),
        choices=(remove_fix(f"`{again}`", remove),),
    )


def placement_again(
    again: str,
    firsts: Sequence[str],
    seconds: Sequence[str],
    kept: str,
    moved: str,
    span: Span,
    remove: Span,
    placement: Span,
) -> Diagnostic:
    """`run on VMSYS1 daily 02:00 on member VMSYS1`: where the job runs said again
    (`again`, at `span`) after the whole `run` statement, naming `seconds`, where the
    statement names `firsts` (`each member` alone for every member). The same members:
    the fix removes the repeat (`remove`, the blanks before it too). Others: the help
    writes the line on either (`kept`, `moved`), its two choices (`Diagnostic.choices`):
    the repeat removed, or its members written in the statement's (`placement`) and it
    removed (Recovery.placement_again)."""
    said = ", ".join(f"`{m}`" for m in firsts) if firsts != ["each member"] else "every member"
    if [m.upper() for m in firsts] == [m.upper() for m in seconds]:
        return codes.SYNTAX(
            f"`{again}` says again where the job runs: `run on {', '.join(firsts)}` names {said} already",
            span,
            help=f"remove it: write `{kept}`",
            fix=remove_fix_as(kept, remove),
        )
    return codes.SYNTAX(
        f"`{again}` says again where the job runs, and not as `run on {', '.join(firsts)}` says it",
        span,
        help=f"write `{kept}` or `{moved}`: a `run` statement names its members once, after `run on`",
        choices=(
            remove_fix_as(kept, remove),
            Fix(f"Write `{moved}`", (Edit(placement, ", ".join(seconds)), Edit(remove, ""))),
        ),
    )


#: A group's name on a `backup` line (the grammar's NAME, without a pattern's wildcards:
#: a pattern is no list's name, BKR330).
_GROUP_NAME = re.compile(r"[A-Za-z0-9$@_#][A-Za-z0-9$#@_+\-.]*")


def line_from(text: str, pos: int) -> str:
    """The text from offset `pos` of `text` to its line's end: a help's `rest`
    (line_words), sliced to its line, not to the file's end, which would copy the
    rest of the file for each error."""
    end = text.find("\n", pos)
    return text[pos : len(text) if end == -1 else end]


def line_words(rest: str) -> str:
    """The words of `rest`, the text from a token to its line's end, before the line's
    comment (a `#` where a word may start: `SYS#1` is one word)."""
    line = rest.split("\n", 1)[0]
    return re.split(r"(?:^|\s)#", line, maxsplit=1)[0].strip()


def groups_after_level(rest: str) -> list[str] | None:
    """`backup full LINUX, APPS`: the group names `rest` (the words after the level,
    to the line's end) writes, their `,`s written or not; None where any word after the
    level is no group's name (a keyword, another level, a pattern, a text)."""
    words = line_words(rest)
    if words.endswith(","):
        return None  # `backup full LINUX,`: the list goes on below
    names = [w for w in re.split(r"[\s,]+", words) if w]
    if not names or not all(_GROUP_NAME.fullmatch(n) and n.lower() not in lexicon.KEYWORDS for n in names):
        return None
    return names


#: What a help that writes a job's members as a list (`run on VMSYS1, VMSYS2`) says the
#: list then does, which the checks weigh by the kind of the job's users (BKR220, BKR221):
#: a help line of its own, after the line the help writes.
RUNS_ON_EACH = (
    "\nthe job then runs on each member listed: one of single-configuration users runs on one member"
    " (BKR220), one of IDENTITY users on every member (BKR221)"
)


#: What a help that writes an `expire` block's members as a list says the block then
#: does, where the cluster's catalog is not read before it: expiry on each member listed,
#: which a shared catalog may not have (BKR211).
EXPIRES_ON_EACH = (
    "\nthe block then expires on each member listed, as local catalogs do: a shared catalog is purged"
    " from one member only (BKR211)"
)


class ExpireList(NamedTuple):
    """The members of `expire on` written as a list (`expire on VMSYS1 VMSYS2 {`), and
    what the cluster's catalog read before it says: its scope (`shared`, `local`, or
    None: not read yet) and the member its server logs on to (`on VMSYS1`, or None).
    `whole`: the names' span, from the first to the last, which a fix to one member
    writes over; `earlier`, the names before those a message names, with their `,`s
    (`expire on VMSYS3, VMSYS1 VMSYS2`: VMSYS3)."""

    scope: str | None
    home: str | None
    whole: Span
    earlier: tuple[str, ...] = ()

    def one_member(self, names: Sequence[str]) -> str | None:
        """The member a shared catalog's block keeps: the one its server logs on to,
        listed or not (where expiry belongs, BKR215), else the first listed (BKR211's
        choice); None when the catalog is not shared."""
        if self.scope != "shared":
            return None
        return self.home if self.home is not None else (*self.earlier, *names)[0].strip("`").upper()

    def listed(self, meant: str) -> str:
        """The whole list, `meant` (the names a message names, with their `,`s) after
        the names before them."""
        return ", ".join((*self.earlier, meant))

    def then(self) -> str:
        """The help's line on what the list then does, where the catalog is not read."""
        return EXPIRES_ON_EACH if self.scope is None else ""


def _purged_from_one(said: str, listed: str, keep: str, home: str | None, span: Span, whole: Span, message: str):
    """`expire on VMSYS1 VMSYS2 {` in a cluster whose catalog is shared: the list the
    commas would make is BKR211's error (`EXPIRE (PURGE` on one member acts on every
    job in the catalog). The help and fix write the one member BKR211 keeps."""
    where = ", the member the catalog's server logs on to (BKR215)" if home is not None and keep == home.upper() else ""
    return codes.SYNTAX(
        message,
        span,
        help=f"{said}a list would need its commas, `{listed}`, but the cluster's catalog is shared, and a shared"
        f" catalog is purged from one member only (BKR211): write `expire on {keep}`{where}",
        fix=Fix(f"Write `expire on {keep}`", (Edit(whole, keep),)),
    )


def missing_comma(
    left: str,
    right: str,
    span: Span,
    more: list[str] = (),
    commas: tuple[Span, ...] = (),
    rest: str = "",
    runs_on: bool = False,
    expire: ExpireList | None = None,
    one: tuple | None = None,
) -> Diagnostic:
    """A `,` missing between the names `left` and `right` of a list (and between the
    names `more` after them, on the same line); `commas`, the empty spans right after
    each name but the last, where the fix writes the `,`s (none: no fix). A misspelt
    keyword after the names, `backup APPS LINUX FULLL`, is none of them
    (Recovery.names_without_commas). `rest`: the text from `right` to its line's end,
    whose groups the help of a level written first writes before it. `runs_on`: the
    names are a job's members (`run on VMSYS1 VMSYS2`): the commas make the job run on
    each, which the checks then weigh by its users' kind (BKR220, BKR221), as the
    help says (RUNS_ON_EACH); what the job backs up is the model's, not the parser's.
    `expire`: the names are an `expire` block's members: with a shared catalog read
    before it, the help and fix write the one member it is purged from (BKR211);
    with none read, the help says what the list then does (EXPIRES_ON_EACH). `one`:
    `one_member_of`'s help and mends, for a job's members in a job of
    single-configuration users, which runs on one member (the `,`s would give BKR220)."""
    level = left.strip("`")
    if level.lower() in LEVELS:
        # `backup full APPS`: the level written first reads as a group name, and a
        # comma after it would only make it one (BKR331: `full` after a `,` is read as a group name).
        # The help writes the line with the level last, the groups as written (their
        # `,`s too), where only groups follow it; else the statement's form.
        groups = groups_after_level(rest or right.strip("`"))
        moved = (
            f"move {left} to the end of the line: `backup {', '.join(groups)} {level.lower()}`"
            if groups
            else f"move {left} after the groups: `backup GROUP[, GROUP...] {level.lower()}`"
        )
        return codes.SYNTAX(
            f"{left} is read as a group name here: the level comes after the groups",
            span,
            help=f"{moved}; if {left} names a group, put a `,` after it",
        )
    names = [left, right, *more]
    meant = ", ".join(n.strip("`") for n in names)
    message = (
        f"commas are missing between {', '.join(names[:-1])} and {names[-1]}"
        if more
        else f"a `,` is missing between {left} and {right}"
    )
    patterned = any(c in meant for c in "*%?")
    if expire is not None and not patterned and (keep := expire.one_member(names)) is not None:
        return replace(_purged_from_one("", expire.listed(meant), keep, expire.home, span, expire.whole, message), slip=COMMA)
    if one is not None and not patterned:
        return codes.SYNTAX(message, span, help=one[0], fix=one[1], choices=one[2], slip=COMMA)
    return codes.SYNTAX(
        message,
        span,
        help=f"separate the names of a list with commas: `{meant}`"
        + (RUNS_ON_EACH if runs_on else "")
        + (expire.then() if expire is not None else ""),
        # a pattern (`VMSY*`) is no list's name (BKR330): the commas alone would not mend it
        fix=Fix(f"Write `{meant}`", tuple(Edit(at, ",") for at in commas))
        if commas and not any(c in meant for c in "*%?")
        else None,
        slip=COMMA,
    )


def brace_inside_statement(span: Span, fix: Fix | None) -> Diagnostic:
    """`purge weekly }sun 03:00`: a `}` too many in the middle of a statement."""
    return codes.UNMATCHED_CLOSE(
        "this `}` stands in the middle of a statement, and the file has a `}` more than `{`",
        span,
        help="remove it: the statement reads on after it",
        fix=fix,
    )


def split_keyword(written: str, meant: str, span: Span) -> Diagnostic:
    """`impor t`, `incl ude`: a keyword with a blank inside."""
    return codes.UNKNOWN_KEYWORD(
        f"`{' '.join(written.split())}` is the keyword `{meant.lower()}` with a blank inside",
        span,
        help=f"write `{meant}`: a keyword is one word",
        fix=write_fix(meant, span),
    )


def end_for_brace(span: Span) -> Diagnostic:
    """`end` alone on a line where a block may close: REXX's `do ... end`."""
    return codes.UNKNOWN_KEYWORD(
        "`end` does not close a block in a .bkr file",
        span,
        help="close the block with `}`, as it was opened with `{`",
        fix=write_fix("}", span),
    )


def time_slashed(written: str, meant: str, statement: str, span: Span) -> Diagnostic:
    """`daily 01/00`: a time (`written`, at `span`) with `/` for `:`; the fix writes
    `meant`, HH:MM, as BKR313's does for `01.00`, and the help the `statement` with it."""
    return codes.SYNTAX(
        f"`{written}` is not a .bkr time: a time is HH:MM on a 24-hour clock",
        span,
        help=f"write `{statement}`: the hour and the minutes are separated by `:`",
        fix=write_fix(meant, span),
    )


def time_slashed_past(
    written: str,
    hour: int,
    minutes: str,
    lead: str,
    daily: bool,
    span: Span,
    after: tuple[str, str, Span] | None = None,
) -> Diagnostic:
    """`daily 25/00`: a time (`written`, at `span`) with `/` for `:` whose `hour` no
    24-hour clock has. `lead`: the statement's words before the time (`run on DEV1
    daily`). The next day's time it comes to (`01:00`), where a clock runs on past
    midnight, is a choice for a `daily` schedule (`daily`; the keys may have slipped,
    as for `25:00`, BKR313); a weekly or monthly one's day would change with it:
    `after`, the statement's words before its schedule, the schedule of the day after
    (`fast.day_after`: `weekly mon 01:00`) and the schedule's span, which the help writes
    and a choice, as BKR313 does for `weekly sun 25:00`; without it, the help writes
    HH:MM. An hour of the day after next has no reading."""
    reading = f"{hour % 24:02d}:{minutes}" if hour < 48 else None
    message = f"`{written}` is not a time of day: a time is HH:MM on a 24-hour clock, its hours 00 to 23"
    said = f"`{written}` would be the next day's `{reading}`" if reading is not None else f"{hour} is no hour of this day nor of the next"
    if reading is not None and daily:
        return codes.SYNTAX(
            message,
            span,
            help=f"write `{lead} {reading}`: {said}, and the hour and the minutes are separated by `:`",
            choices=(write_fix(reading, span),),
        )
    if reading is not None and after is not None:
        # `weekly sun 25/00`: the day after's schedule (was HH:MM, where `25:00` and
        # `25.00` wrote `weekly mon 01:00`, BKR313)
        before, schedule, whole = after
        line = " ".join(p for p in (before, schedule) if p)
        return codes.SYNTAX(
            message,
            span,
            help=f"write `{line}`: {said}, and the hour and the minutes are separated by `:`",
            choices=(write_fix(schedule, whole),),
        )
    return codes.SYNTAX(
        message,
        span,
        help=f"write `{lead} HH:MM`, the time from 00:00 to 23:59, the hour and the minutes separated by `:`: {said}",
    )


def date_for_day(written: str, lead: str, keyword: str, time: str | None, span: Span) -> Diagnostic:
    """`run on DEV1 monthly 31/0`, `monthly 1/15 02:00`: a date (`written`, at `span`)
    where a `monthly` schedule takes the day of the month alone. `lead`: the statement's
    words before `keyword`; `time`, the time written after it, if any. With the time,
    each number of the date that may be a day, from 1 to 31, is a choice (which the
    day is, and which the month, the date's order says, which the file does not): the
    statement then checks; without it, no mend: the help writes HH:MM."""
    parts = [n.strip() for n in written.split("/")]  # `31 /0`: a blank before the `/`
    readings = [str(int(n)) for n in parts if n.isdigit() and 1 <= int(n) <= 31]
    readings = list(dict.fromkeys(readings))
    statement = " ".join(p for p in (lead, keyword) if p)
    said = one_of([f"`{statement} {day} {time or 'HH:MM'}`" for day in readings or ["N"]])
    help = f"write the day alone{'' if time else ', then the time'}: {said}"
    return codes.SYNTAX(
        f"`{written}` is a date: a `{keyword.lower()}` schedule takes the day of the month alone, from 1 to 31",
        span,
        label="a day of the month expected here",
        help=help,
        choices=tuple(Fix.replace(f"Write `{day}`", span, day) for day in readings) if time else (),
    )


def slash_list(listed: str, spans: list[Span]) -> Diagnostic:
    """`weekly sat/sun`: the names of a list separated by `/` (`spans`, each); the
    fix writes a `,` for each."""
    return codes.BAD_CHARACTER(
        "`/` does not separate the names of a list",
        spans[0],
        help=f"separate them with commas: `{listed}`",
        fix=Fix("Replace `/` with `,`", tuple(Edit(span, ",") for span in spans)),
    )


def semicolon_list(listed: str, spans: list[Span]) -> Diagnostic:
    """`backup APPS; LINUX`: names of a list separated by `;`; the fix makes each a `,`."""
    return codes.BAD_CHARACTER(
        "`;` does not separate the names of a list: they are separated by commas",
        spans[0],
        help=f"write `{listed}`",
        fix=Fix("Replace `;` with `,`", tuple(Edit(span, ",") for span in spans)),
    )


def full_stop(statement: str, span: Span, remove: Span) -> Diagnostic:
    """`retain 35 days.`: a `.` at the end of a statement, as a sentence ends."""
    return codes.BAD_CHARACTER(
        "`.` does not end a statement: a statement ends where the next keyword begins",
        span,
        help=f"remove the `.`: write `{statement}`",
        fix=remove_fix("the `.`", remove),
    )


#: What each list that is separated by blanks holds, as `commas_in_list` names it.
_BLANK_LISTS = {
    "volume": "the volume labels of `{keyword}`",
    "minidisk": "the minidisk addresses of a selection",
    "owner": "the owner and the addresses of a minidisk selection",
    "sfs": "the SFS paths of a selection",
}


def commas_in_list(kind: str, keyword: str, written: str | None, span: Span, removals: list[tuple[Span, str]]) -> Diagnostic:
    """`private-volume M1PRV1, M1PRV2`, `exclude minidisk * 0190,019D`: the names of a
    list that blanks separate, separated by `,` as `run on`'s members are. One error
    for the commas of the line, whose fix removes each (by a blank where one alone
    joins two words); `written`, the statement as meant, when its line says it short."""
    what = _BLANK_LISTS[kind].format(keyword=keyword)
    return _commas_not_separating(what, written, "; write the names separated by blanks", span, removals)


def commas_between_values(
    statement: str, written: str | None, span: Span, removals: list[tuple[Span, str]]
) -> Diagnostic:
    """`disk BKRBKUP, 191, size 10 cyl`: a statement's values separated by `,`, as a
    CSV line or a parameter list separates them. One error for the commas of the line,
    whose fix removes each; `written`, the statement without them, None where it is
    not whole without them (`disk BKRBKUP, 191, size: 10 cyl`: another slip, whose own
    error follows)."""
    if statement == "backup":
        # `backup , G`: `backup` takes its groups as a list, the `,`s between them; this
        # one stands before the first (was "does not separate the values of a `backup`
        # statement: they are separated by blanks", untrue of its groups)
        return codes.STRAY_COMMA(
            "a `,` cannot stand before the first group of a `backup` statement: commas go between its groups",
            span,
            help=f"remove the `,`: write `{written}`" if written else "remove the `,`",
            fix=Fix("Remove the `,`", tuple(Edit(r, blank) for r, blank in removals)),
        )
    what = f"the values of a `{statement}` statement"
    return _commas_not_separating(what, written, ", and write the values separated by blanks", span, removals)


def _commas_not_separating(
    what: str, written: str | None, otherwise: str, span: Span, removals: list[tuple[Span, str]]
) -> Diagnostic:
    """BKR015 for the commas of a line where blanks separate `what`: at the first, its
    help writing the line without them (`written`), else saying so (`otherwise`, after
    "remove each `,`"), its fix removing each (by a blank where one alone joins two words)."""
    many = len(removals) > 1
    them = "each `,`" if many else "the `,`"
    return codes.STRAY_COMMA(
        f"`,` does not separate {what}: they are separated by blanks",
        span,
        label=f"the first `,` of {len(removals)}" if many else None,
        help=f"remove {them}: write `{written}`" if written else f"remove {them}{otherwise}",
        fix=Fix("Remove each `,`" if many else "Remove the `,`", tuple(Edit(r, blank) for r, blank in removals)),
    )


def comma_before_brace(head: str, span: Span, removal: tuple[Span, str]) -> Diagnostic:
    """`member VMSYS1, {`: a `,` between a block's name and its `{` (`head`, the
    opening line up to the `,`), which the fix removes."""
    return codes.STRAY_COMMA(
        f"a `,` cannot stand before the `{{`: `{head}` opens its block with `{{` alone",
        span,
        help=f"remove the `,`: write `{head} {{`",
        fix=Fix("Remove the `,`", (Edit(*removal),)),
    )


def owner_comma_ends(statement: str, owner: str, span: Span) -> Diagnostic:
    """`exclude minidisk *,` last on its line: a `,` after a minidisk selection's owner
    (`statement`, up to the owner), and no address after it. No fix: without the `,`
    the selection still has no address, which is the user's to write."""
    whose = "the users it matches" if any(c in owner for c in "*%?") else owner
    return codes.STRAY_COMMA(
        f"no address after `{statement},`: a list never ends with `,`",
        span,
        label="the addresses are missing after this `,`",
        help="a selection's owner and its addresses are separated by blanks: write"
        f" `{statement} 0191 0100-01FF`, or `{statement} *` for every minidisk of {whose}",
    )


def trailing_comma(statement: str, span: Span, remove: Span) -> Diagnostic:
    """`run on VMSYS1 daily 02:00,`: a `,` at the end of a whole statement's line."""
    return codes.STRAY_COMMA(
        "a `,` ends no statement: a list never ends with `,`, and the statement is whole without it",
        span,
        help=f"remove the `,`: write `{statement}`",
        fix=remove_fix("the `,`", remove),
    )


def star_comment(span: Span, line_end: bool = False, word: str = "") -> Diagnostic:
    """`* text` on a line of its own, as CMS files write a comment; `line_end`: after
    a statement, where no CMS file has one either. `word`, the `*` and what it is written
    with: `*dvhopt` (not in DirMaint's capitals, which foreign_line's error takes) is
    DirMaint's control statement, which the help names."""
    where = "a comment that ends a line" if line_end else "a comment"
    star = Span.point(span.file, span.line, span.column, span.start)
    why = (
        f"{shown(word)} is DirMaint's directory control statement, a comment to CP; DirMaint keeps it in the"
        " site's directory"
        if word.upper() == "*DVHOPT"
        else "a `*` line is a comment in CMS files and job templates only"
    )
    return codes.COMMENT_SYNTAX(
        "`*` does not start a comment in a .bkr file",
        span,
        help=f"start {where} with `#` ({why})",
        fix=Fix.replace("Write `#` for the `*`", star, "#"),
    )


def dirmaint_options_after(span: Span, removed: Span) -> Diagnostic:
    """`run on VMSYS1 daily 02:00  *DVHOPT LGN0001 LOG1`: DirMaint's options line of a
    directory entry pasted after a statement on its line (`span`, its `*DVHOPT`;
    `removed`, it and its operands, with the blanks before them): the error foreign_line
    gives it on a line of its own, its fix removing it, the statement kept."""
    return codes.UNKNOWN_KEYWORD(
        "`*DVHOPT` is DirMaint's options line of a directory entry, not words of a .bkr statement",
        span,
        label="pasted after the statement",
        help="remove it: the entries of the users a job backs up stay in the site's directory, and bkrc writes"
        " those of the Backup Manager machines",
        fix=Fix("Remove the `*DVHOPT` line's words", (Edit(removed, ""),)),
    )


def monthly_days(
    written: str,
    days: list[int | str],
    time: str | None,
    statement: str,
    span: Span,
    alone: tuple[str, str] | None = None,
) -> Diagnostic:
    """`monthly 1,15 02:00`, `monthly 1st 15th 02:00`: several days of the month, where a
    schedule takes one (`days`, their numbers, or `first sun`, `first sat` for `monthly
    first sun,sat`); `statement`, the keyword the schedule belongs to (`run`, `purge`,
    `preview`); `time` None when none follows (`monthly 1,15`: the help writes HH:MM).
    No fix: which day, or a job for each, is the user's to choose. `alone`: the schedule
    alone on a job's line, `run on` left out before it, which the message says too, and
    where the job runs (`run_allowed`), which each job's `run` in the help writes.
    A number no month has among them (`monthly 1,40`: `days` holds 40) is said in the
    same error (was BKR015's generic "a `,` cannot appear here", then "`03:00` has no
    keyword before it"), the help's jobs those of the days that are (`no_day_help`)."""
    unique = list(dict.fromkeys(_day_key(day) for day in days))
    bad = [day for day in unique if isinstance(day, int) and not 1 <= day <= 31]
    if bad:
        return _monthly_no_day(written, unique, bad, time, statement, span, alone)
    if alone is not None and len(unique) > 1:
        # `monthly 1,15 02:00` alone on a job's line: one error (was `run`'s, then the days')
        placement, named = alone
        return codes.SYNTAX(
            f"a `monthly` schedule runs on one day of the month, not on several: `{written}`,"
            " and `run on` is missing before it",
            span,
            help=_monthly_days_help(unique, time or "HH:MM", statement, f"run on {placement} ", named),
        )
    if len(unique) == 1:
        # `monthly 1,1 02:00`, `monthly first sun,sunday 02:00`: one day, written twice
        keyword = "" if statement == "run" else f"{statement} "
        meant = f"{keyword}monthly {unique[0]} {time or 'HH:MM'}"
        return codes.SYNTAX(
            f"a `monthly` schedule runs on one day of the month: `{written}` names the same day twice",
            span,
            help=f"name it once: `{meant}`" if time else f"name it once, then the time: `{meant}`",
            fix=Fix.replace(f"Write `{unique[0]}`", span, str(unique[0])) if time else None,
        )
    days = unique  # `monthly 1,15,1 02:00`: a job for each of the two days
    return codes.SYNTAX(
        f"a `monthly` schedule runs on one day of the month, not on several: `{written}`",
        span,
        help=_monthly_days_help(days, time or "HH:MM", statement),
    )


#: A time past the clock's end, its minutes of two digits or one (`25:00`, `25.0`, `25.5`).
_PAST_CLOCK = re.compile(r"(?P<hour>[0-9]{1,2})[:.](?P<minutes>[0-9]{1,2})")


def past_the_clock(written: str) -> tuple[tuple[str, ...], str] | None:
    """`25.0`, `25:00`, `25.5`: a time whose hour is past a 24-hour clock's end, on the
    next day (hours 24 to 47; `24:00` is midnight, said elsewhere), as BKR313 reads it
    after `run on M` (check/values `_time_out_of_clock`): the next day's times it may be
    (`01:00`; `25.5`, `01:05` or `01:50`, minutes of one digit) and what BKR313's help
    says of it ("a 24-hour clock's hours are 00 to 23, and the minutes have two digits:
    `25.0` is the next day's `01:00`, and the hour and the minutes are separated by
    `:`"). None for any other word."""
    found = _PAST_CLOCK.fullmatch(written)
    if found is None or not 24 <= int(found.group("hour")) <= 47:
        return None
    hour, minutes = int(found.group("hour")) % 24, found.group("minutes")
    if len(minutes) == 2 and (int(minutes) > 59 or not hour and minutes == "00"):
        return None
    readings = tuple(dict.fromkeys(f"{hour:02d}:{m}" for m in ((minutes,) if len(minutes) == 2 else (f"0{minutes}", f"{minutes}0"))))
    said = " or ".join(f"`{r}`" for r in readings)
    why = "a 24-hour clock's hours are 00 to 23" + (", and the minutes have two digits" if len(minutes) == 1 else "")
    colon = ", and the hour and the minutes are separated by `:`" if ":" not in written else ""
    return readings, f"{why}: `{written}` is the next day's {said}{colon}"


def midnight_no_day_after(written: str, keyword: str, days: Sequence[str]) -> tuple[str, tuple[str, ...]] | None:
    """`monthly 31 24:00`, `monthly first sun 24:00`: midnight (`written`) at the end of
    a day of the month whose day after no schedule names (`fast.day_after`: after the
    28th to the 31st, the 1st in a month that short, else the next day's number;
    after the month's first Sunday, a Monday that may not be its first). What it is
    said to be, and the schedules to choose from, none the same: `monthly 1 00:00`
    (after the 28th to the 31st: as every month starts, right after the month before
    ends, `monthly 31` running after the months of 31 days only) and the day's own
    `00:00`, as it starts, a day earlier (said on a line of its own: the help's first
    is long). None for any other schedule. BKR313's help
    after `run on MEMBER` and the recovery's of the schedule alone on a job's line
    (`Recovery.schedule_alone_amiss`) say it alike."""
    if keyword.lower() != "monthly" or not days:
        return None
    ordinal = days[0].lower() if len(days) == 2 and days[0].lower() in _ORDINAL_DAYS else None
    if ordinal is not None and looks_like_day(days[1]):
        day = f"the month's {ordinal} {_WEEKDAY_NAMES[days[1].lower()[:3]]}"
        own = f"monthly {ordinal} {days[1].lower()[:3]} 00:00"
        said = (
            f"`{written}` is midnight, `00:00`, the start of the day after {day}, a day no schedule names"
            f"\nwrite `{own}` to run as {day} starts, a day earlier"
        )
        return said, (own,)
    if len(days) != 1 or not days[0].isdigit() or not 28 <= int(days[0]) <= 31:
        return None
    number = int(days[0])
    nth = f"{number}{'st' if number == 31 else 'th'}"
    after = (
        "the 1st, after a month of 31 days only"
        if number == 31
        else f"the {number + 1}{'st' if number == 30 else 'th'}, or the 1st after "
        + (f"a February of {number} days" if number < 30 else "a month of 30 days")
    )
    said = (
        f"`{written}` is midnight, `00:00`, the start of the day after the {nth}: {after}, a day no schedule"
        f" names\nwrite `monthly 1 00:00` to run as every month starts, right after the month before ends,"
        f" or `monthly {number} 00:00` as the {nth} starts, a day earlier"
    )
    return said, ("monthly 1 00:00", f"monthly {number} 00:00")


def _monthly_no_day(
    written: str,
    days: list[int | str],
    bad: list[int | str],
    time: str | None,
    statement: str,
    span: Span,
    alone: tuple[str, str] | None,
) -> Diagnostic:
    """`monthly 1,40 02:00`: several days of the month, where a schedule takes one, and
    among them numbers no month has (`bad`): one error that says both, its help the job
    for each day that is one (`_monthly_days_help`), or with one such day, that day's
    schedule and how a second day is written; none: the form of a day. No mend, as for
    `monthly 1,15` (which days are the site's)."""
    clock = time or "HH:MM"
    named = ", ".join(f"`{day}`" for day in bad)
    none = f"{named} {'is not a day' if len(bad) == 1 else 'are not days'} of the month"
    missing = ", and `run on` is missing before it" if alone is not None else ""
    message = f"a `monthly` schedule runs on one day of the month, not on several: `{written}`; {none}{missing}"
    good = [day for day in days if day not in bad]
    run = "" if alone is None else f"run on {alone[0]} "
    keyword = "" if statement == "run" else f"{statement} "
    days_are = f"a day of the month is N from 1 to 31, or `{keyword}monthly last-day {clock}` for its last day"
    if len(good) > 1:
        return codes.SYNTAX(message, span, help=_monthly_days_help(good, clock, statement, run, alone[1] if alone else ""))
    if good:
        one = f"`{run}{keyword}monthly {good[0]} {clock}`{alone[1] if alone else ''}"
        second = (
            f", and for a second day a job the same but for its `run`, `{run}monthly N {clock}`"
            if statement == "run"
            else f"; {_monthly_second_day(statement, clock, 'N')}"
        )
        help = f"keep the day that is one, {one}{second}\n{days_are}"
    else:
        help = f"write `{run}{keyword}monthly N {clock}`{alone[1] if alone else ''}: {days_are}"
    return codes.SYNTAX(message, span, help=help)


def _monthly_days_help(days: list[int | str], time: str, statement: str, run: str = "", named: str = "") -> str:
    """What to write for several days of the month (`monthly_days`): a job for each
    (`run`; `run`, the words each job's schedule follows, `run on each member `, and
    `named`, what follows them, `monthly_days`' `alone`), else one day and how a `purge`
    or `preview` gets a second."""
    numbered = isinstance(days[0], int)  # else weekdays: the other form is no help
    if statement == "run":
        each = " and ".join(f"`{run}monthly {day} {time}`" for day in days) + named
        forms = f": {_monthly_one_day(time)}" if numbered else " of the month"
        note = one_day_note([f"monthly {day} {time}" for day in days])
        if run or (note and numbered):  # the runs or the note long: what a schedule names on a line of its own
            return f"write a job for each day, the same but for its `run`: {each}{note}\na schedule names one day{forms}"
        return f"write a job for each day, the same but for its `run`: {each} (a schedule names one day{forms}){note}"
    forms = f" ({_monthly_one_day(time, statement)})" if numbered else ""
    return f"keep one day, `{statement} monthly {days[0]} {time}`{forms}; {_monthly_second_day(statement, time, days[1])}"


def _day_key(day: int | str) -> int | str:
    """A day of `monthly_days` as one name: `first sun` for `first sunday` (a day's
    two names, in any case), a day of the month as its number."""
    if isinstance(day, int) or " " not in day:
        return day  # a number, or `last-day`
    nth, _, weekday = day.partition(" ")
    return f"{nth} {weekday[:3]}"


def monthly_forms(time: str = "HH:MM", keyword: str = "") -> tuple[str, str, str]:
    """The forms of a `monthly` schedule, `keyword` (`purge `) before each and `time`
    for its time: the day of the month by its number, the month's last day, the Nth or
    last weekday. The one list of them every help writes (`schedule_forms` too)."""
    return (
        f"`{keyword}monthly N {time}`",
        f"`{keyword}monthly last-day {time}`",
        f"`{keyword}monthly first|second|third|fourth|last DAY {time}`",
    )


def monthly_forms_said(time: str = "HH:MM", keyword: str = "") -> str:
    """`monthly`'s forms, each with the day it names: for a help on the day of the month."""
    number, last_day, weekday = monthly_forms(time, keyword)
    return (
        f"{number}, N the day of the month from 1 to 31 (1 to 28 is in every month), {last_day} for its"
        f" last day, or {weekday} for a weekday of the month"
    )


def schedule_forms(time: str = "HH:MM", keyword: str = "", manual: bool = True) -> str:
    """Every form a schedule takes, `keyword` (`purge `) before each and `time` for its
    time, `manual` last unless not `manual`: the one list every help that lists them writes."""
    forms = [f"`{keyword}daily {time}`", f"`{keyword}weekly DAY[,DAY...] {time}`", *monthly_forms(time, keyword)]
    if manual:
        forms.append(f"`{keyword}manual`")
    return ", ".join(forms[:-1]) + " or " + forms[-1]


def _monthly_one_day(time: str, statement: str = "") -> str:
    """The one day a `monthly` schedule names, each way it may: `monthly 1 02:00` by
    its number (written before this), the month's last day, or the Nth or last weekday."""
    _, last_day, weekday = monthly_forms(time, f"{statement} " if statement else "")
    return f"its number, the month's last day, {last_day}, or a weekday, {weekday}"


def _monthly_second_day(statement: str, time: str, day: int | str | None = None) -> str:
    """How a `run`, `purge` or `preview` gets a second day a month, where one schedule
    names one: a job for each day; a `preview` in a second `expire` block for the
    member (a member's BKREXPIR carries every block's previews); a `purge` cannot,
    a member purging in one block (BKR211) with one `purge` (BKR115): more often."""
    second = str(day) if day is not None else "N"
    if statement == "run":
        return f"for a second day a month, write a second job, the same but for its `run`: `monthly {second} {time}`"
    if statement == "preview":
        return (
            "for a second day a month, write a second `expire` block for the member, with"
            f" `preview monthly {second} {time}`"
        )
    return f"a member has one `purge` schedule, so to purge more than once a month, purge weekly: `purge weekly DAY {time}`"


def monthly_comma(
    day: str, time: str | None, statement: str, span: Span, removed: Span | None = None, blank_after: bool = True
) -> Diagnostic:
    """`purge monthly 1,` (at the end of its line), `monthly 1, 02:00`, `monthly first
    sun,`: a `,` after the day of a `monthly` schedule, as if a second day followed,
    where the schedule names one day (`monthly 1,15` is `monthly_days`). `day`: the
    day as written (`1`, `first sun`); `time`, the time after the `,`, if any, when
    the fix removes the `,` (writes a blank for it where the time is written on to
    it: not `blank_after`); `removed`, what the fix removes (the `,` and the blanks before
    it, where one follows: `span` if None); `statement`, the keyword the schedule belongs to."""
    keyword = "" if statement == "run" else f"{statement} "
    message = f"a `,` cannot follow `monthly {day}`: a `monthly` schedule runs on one day of the month, not a list"
    if time is not None:
        help = f"remove the `,`: write `{keyword}monthly {day} {time}`; {_monthly_second_day(statement, time)}"
        fix = Fix.replace("Remove the `,`", removed or span, "" if blank_after else " ")
        return codes.STRAY_COMMA(message, span, help=help, fix=fix)
    forms = f" (the day is {_monthly_one_day('HH:MM', keyword.strip())})" if day.isdigit() else ""
    help = (
        f"write the time after the day, without the `,`: `{keyword}monthly {day} HH:MM`{forms}"
        f"\n{_monthly_second_day(statement, 'HH:MM')}"
    )
    return codes.STRAY_COMMA(message, span, help=help)


def monthly_comma_before_day(
    ordinal: str | None, day: str | None, time: str | None, statement: str, span: Span, removed: Span, blank: str = ""
) -> Diagnostic:
    """`monthly ,`, `monthly last,`, `monthly , 15 02:00`, `monthly last, sun 02:00`: a `,`
    where a `monthly` schedule's day goes (after `monthly`), or its weekday (after the
    ordinal), as if a list began there. `ordinal`, the ordinal written (`last`), if any;
    `day`, the day after the `,`, if any (its number, or the weekday after an ordinal);
    `time`, the time after it. Where both follow, the schedule is whole without the `,`:
    a fix removes it (`removed`: it, and the blanks before it where one follows; `blank`,
    what it leaves, a blank where it parts two words)."""
    keyword = "" if statement == "run" else f"{statement} "
    written = "monthly" if ordinal is None else f"monthly {ordinal}"
    what = "the day of the month" if ordinal is None else "one weekday"
    message = f"a `,` cannot follow `{written}`: {what} goes there, and a `monthly` schedule names one day"
    if day is not None and time is not None:
        meant = f"{keyword}{written} {day} {time}"
        fix = Fix.replace("Remove the `,`", removed, blank)
        return codes.STRAY_COMMA(message, span, help=f"remove the `,`: write `{meant}`", fix=fix)
    time = time or "HH:MM"
    forms = monthly_forms_said(time, keyword)
    if ordinal is None and day is not None:
        help = f"write the time after the day, without the `,`: `{keyword}monthly {day} {time}`"
    elif ordinal is None:
        help = f"write the day after `monthly`, then the time: {forms}"
    elif day is None:
        help = (
            f"write the weekday after `{ordinal}`, then the time, without the `,`: `{keyword}{written} DAY {time}`"
            " (DAY is one of mon, tue, wed, thu, fri, sat, sun)"
            f"\nthe one day is {forms}"
        )
    else:
        help = f"write the time after the weekday, without the `,`: `{keyword}{written} {day} {time}`"
    return codes.STRAY_COMMA(message, span, help=help)


def schedule_comma(
    often: str,
    after: str,
    days: str,
    time: str | None,
    keyword: str,
    span: Span,
    whole: bool,
    blank: str = "",
    commas: int = 1,
    day_after: bool = True,
    removed: Span | None = None,
) -> Diagnostic:
    """A `,` where a `daily` schedule's time goes (`daily , 02:00`), or a `weekly` one's
    first day (`weekly ,`), or one `,` too many after a day of `weekly` (`weekly sun,,
    03:00`, `weekly sun,,mon 03:00`: `span` then holds every `,` too many). `after`, the
    word the `,` follows; `days`, the days as meant (`sun,mon`), if any; `keyword`, the
    statement's (`purge `), empty for a `run`'s; `whole`, whether the schedule is whole
    without the commas (a fix removes them, leaving `blank`); `commas`, how many `span`
    holds; `day_after`, whether a day follows them (not in `sun,, 03:00`); `removed`, what
    the fix removes (`span`, and the blanks before it where one follows)."""
    hhmm = time or "HH:MM"
    if often == "daily":
        message = "a `,` cannot follow `daily`: a `daily` schedule takes its time alone"
        meant = f"{keyword}daily {hhmm}"
    elif after == "weekly":
        message = "a `,` cannot follow `weekly`: the days of the week go there, then the time"
        meant = f"{keyword}weekly {days or 'DAY[,DAY...]'} {hhmm}"
    elif not day_after:
        message = (
            f"no day follows the commas after `{after}`: the days of `weekly` are separated by commas,"
            " the time by a blank"
        )
        meant = f"{keyword}weekly {days} {hhmm}"
    else:
        message = f"a `,` too many after `{after}`: the days of `weekly` are separated by one `,`"
        meant = f"{keyword}weekly {days} {hhmm}"
    if whole:
        them = "it" if commas == 1 else "them"
        fix = Fix.replace("Remove the `,`" if commas == 1 else "Remove the commas", removed or span, blank)
        return codes.STRAY_COMMA(message, span, help=f"remove {them}: write `{meant}`", fix=fix)
    days_help = " (days: sun mon tue wed thu fri sat)" if "DAY" in meant else ""
    return codes.STRAY_COMMA(message, span, help=f"write `{meant}`{days_help}")


#: The Nth weekday of the month as a number (`monthly 1st sun 02:00`): its ordinal.
NUMBERED_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}


def monthly_numbered_ordinal(written: str, day: str, time: str, span: Span, code=codes.SYNTAX) -> Diagnostic:
    """`monthly 1st sun 02:00`: the Nth weekday of the month with its ordinal as a
    number, read as a day of the month and the time; the fix writes the word. `code`:
    BKR314 for `monthly 1st sun`, the time left off (`time` HH:MM), which parses."""
    nth = NUMBERED_ORDINALS[written.lower()]
    return code(
        f"the {nth} `{day}` of the month is written `monthly {nth} {day}`: `{written}` is no ordinal of a schedule",
        span,
        help=f"write `monthly {nth} {day} {time}` (first, second, third, fourth or last)",
        fix=Fix(f"Write `{nth}`", (Edit(span, nth),)),
    )


#: The fifth weekday of the month (`monthly fifth sun 06:00`), which not every month has.
FIFTH_ORDINALS = frozenset({"fifth", "5th"})


def monthly_fifth(written: str, day: str, time: str, span: Span, code=codes.SYNTAX) -> Diagnostic:
    """`monthly fifth sun 06:00`: no ordinal of a schedule, as not every month has a
    fifth Sunday; read as a day of the month and the time. The help writes `last`, but
    no fix does: the month's last Sunday is its fourth in most months, not what was
    written (a fix is only for a mend that is certain). `code`: BKR314 for `monthly
    fifth sun`, the time left off (`time` HH:MM), which parses."""
    return code(
        f"there is no `monthly {written} {day}`: not every month has a fifth `{day}`",
        span,
        help=(
            f"write `monthly last {day} {time}` for the month's last `{day}`, its fourth or fifth"
            " (the ordinals are first, second, third, fourth and last)"
        ),
    )


def day_after_time(
    day: str, time: str, written: str, days: str, span: Span, after_time: Span | None = None, listed: str | None = None
) -> Diagnostic:
    """`daily 02:00 sun` (`days` empty), `weekly sat 22:00 sun` (`days` "sat"): a day of
    the week after the schedule's time. `span` covers the schedule (on one line), which
    a weekly fix writes with the day among the others; a daily one may have meant
    `daily`: no fix, but the help's two readings are its choices (`Diagnostic.choices`),
    *Write `weekly sun 02:00`* over the schedule, *Write `daily 02:00`*, what follows
    the time removed (`after_time`: the blanks and the day). `listed`: the days `day`
    names where it is several written as one word (`daily 02:00 mon-fri`: `mon,tue,wed,
    thu,fri`), which `weekly` writes one by one."""
    names = listed or day
    if not days:
        choices = () if after_time is None else (write_fix(f"weekly {names} {time}", span), remove_fix_as(f"daily {time}", after_time))
        those = "that day" if listed is None else "those days"
        return codes.SYNTAX(
            f"a day cannot follow the time: `daily` runs every day, so `{day}` after `{time}` says nothing",
            span,
            help=f"write `weekly {names} {time}` to run on {those} only, or `daily {time}` to run every day",
            choices=choices,
        )
    meant = f"weekly {days},{names} {time}"
    return codes.SYNTAX(
        f"a day cannot follow the time: `{written}` puts `{day}` after `{time}`",
        span,
        help=f"write `{meant}`: the days of `weekly` come before the time",
        fix=write_fix(meant, span),
    )


def remove_fix_as(meant: str, span: Span) -> Fix:
    """The fix that deletes `span`, titled with what the text then reads (*Write `daily 02:00`*)."""
    return Fix.replace(f"Write `{meant}`", span, "")


def daily_with_day(day: str, time: str, span: Span, daily: Span | None) -> Diagnostic:
    """`daily sun 02:00`: a day (at `span`) after `daily` (at `daily`). The help's two
    readings are its choices (`Diagnostic.choices`): `daily 02:00`, the day removed
    with the blanks before it, or `weekly sun 02:00`; none when `daily` is not
    written (None) or not on the day's line (what is between may hold a comment)."""
    choices = ()
    if daily is not None and daily.end_line == span.line:
        blanks_and_day = Span(span.file, daily.end_line, daily.end_column, span.end_line, span.end_column, daily.end, span.end)
        choices = (
            remove_fix_as(f"daily {time}", blanks_and_day),
            Fix.replace(f"Write `weekly {day} {time}`", daily, "weekly"),
        )
    return codes.SYNTAX(
        f"`daily` takes only a time, not a day: found `{day}` before `{time}`",
        span,
        help=f"write `daily {time}`, or `weekly {day} {time}` for one day a week",
        choices=choices,
    )


#: cron's days of the week, 0 and 7 both Sunday.
_CRON_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")


def cron_weekdays(field: str) -> list[int] | None:
    """The days a crontab day-of-week field names (`1-5`, `1,3,5`, `0`), each 0 (Sunday)
    to 6, when it is days and ranges of days only (7 is Sunday too); else None."""
    days: set[int] = set()
    for item in field.split(","):
        first, _, last = item.partition("-")
        if not (first.isdigit() and (last.isdigit() or not _)):
            return None
        low, high = int(first), int(last or first)
        if not low <= high <= 7:
            return None
        days.update(day % 7 for day in range(low, high + 1))
    return sorted(days)


def cron_meant(fields: list[str]) -> str | None:
    """The bkrc schedule a crontab line's five fields say, when it has one: a minute
    and an hour, and then every day, days of the week (one, a list or a range) or one
    day of the month. The days of `weekly` are written Monday first."""
    minute, hour, day, month, weekday = fields
    if not (minute.isdigit() and hour.isdigit() and int(minute) < 60 and int(hour) < 24) or month != "*":
        return None
    time = f"{int(hour):02d}:{int(minute):02d}"
    days = cron_weekdays(weekday) if weekday != "*" else None
    if day == "*" and (weekday == "*" or days is not None and len(days) == 7):
        return f"daily {time}"
    if day == "*" and days:
        monday_first = sorted(days, key=lambda d: (d + 6) % 7)
        return f"weekly {','.join(_CRON_DAYS[d] for d in monday_first)} {time}"
    if weekday == "*" and day.isdigit() and 1 <= int(day) <= 31:
        return f"monthly {int(day)} {time}"
    return None


def cron_schedule(written: str, meant: str | None, span: Span) -> Diagnostic:
    """`run on VMSYS1 0 2 * * *`: a crontab line for a schedule."""
    return codes.UNKNOWN_KEYWORD(
        f"`{written}` is a crontab schedule; a .bkr schedule is `daily`, `weekly`, `monthly` or `manual`",
        span,
        help=f"write `{meant}`"
        if meant
        else f"write {schedule_forms()}, one time each",
        fix=write_fix(meant, span) if meant else None,
    )


#: cron's macros (`@daily`, crontab(5)): what cron runs each at, and the schedule that
#: runs at the same time (None: none does). `@midnight` is `@daily`; `@annually`, `@yearly`.
CRON_MACROS: dict[str, tuple[str, str | None]] = {
    "@daily": ("every day at 00:00", "daily 00:00"),
    "@midnight": ("every day at 00:00", "daily 00:00"),
    "@weekly": ("every Sunday at 00:00", "weekly sun 00:00"),
    "@monthly": ("on the 1st of every month at 00:00", "monthly 1 00:00"),
    "@hourly": ("every hour", None),
    "@yearly": ("on the 1st of January at 00:00", None),
    "@annually": ("on the 1st of January at 00:00", None),
    "@reboot": ("once, as the system starts", None),
}


def cron_macro(macro: str, time: str | None, span: Span, statement: str = "run") -> Diagnostic:
    """`run on VMSYS1 @daily` (`macro`, as written, over `span`; `time`, one
    written after it, `@daily 03:00`): cron's macro for a schedule, which .bkr does not
    write (was "unknown keyword `@daily`; did you mean `daily`?", its help "the
    statement ends after `@daily`": cron's `@daily` is 00:00, which `daily` alone does
    not say). The schedule that runs at the same time is the fix (`daily 00:00`,
    `weekly sun 00:00`, `monthly 1 00:00`), at the time written where one is; `@hourly`
    runs more than once a day, which no schedule does (the help of `hourly`, no mend);
    `@yearly` and `@reboot` no schedule runs: `manual`, sent by hand (no mend).
    `statement`: the one the schedule is of (`run`, `purge`, `preview`)."""
    when, schedule = CRON_MACROS[macro.lower()]
    if schedule is not None and time is not None:
        schedule = f"{schedule.rsplit(' ', 1)[0]} {time}"
    keyword = "" if statement == "run" else f"{statement} "
    written = macro if time is None else f"{macro} {time}"
    message = f"`{written}` is cron's, not a .bkr schedule: cron runs `{macro}` {when}"
    if schedule is not None:
        said = "" if time is None else f", at the time written (cron's `{macro}` takes none)"
        return codes.UNKNOWN_KEYWORD(
            message,
            span,
            help=f"write `{keyword}{schedule}`, the schedule that runs {when.replace('00:00', time or '00:00')}{said}",
            fix=write_fix(schedule, span),
        )
    if macro.lower() == "@hourly":
        return codes.UNKNOWN_KEYWORD(
            f"{message}, and no schedule runs more than once a day", span, help=_once_a_day_at_most(statement)
        )
    what, manual = _by_hand(statement)
    if macro.lower() == "@reboot":
        help = f"no schedule runs at a system's start: for {what} then, {manual} as the system starts"
    else:
        help = f"no schedule runs once a year: for {what} once a year, {manual} on the day"
    return codes.UNKNOWN_KEYWORD(f"{message}, which no schedule does", span, help=help)


def cron_macro_alone(
    macro: str, time: str | None, written: str, span: Span, members: Sequence[str], kind: str | None, home: str | None
) -> Diagnostic:
    """`@daily` alone on a line of a job (`written`, the line's words, over `span`):
    cron's macro (`cron_macro`), and `run on MEMBER` left out before it. One error that
    says both, its help and mends the `run` the file allows with the schedule that runs
    at cron's time (`run_and_member_missing`: `kind`, `home`, the file's `members`); for
    `@hourly`, `hourly`'s (`more_than_daily_alone`), no mend; for `@reboot` and
    `@yearly`, `manual`'s `run`, which the help writes, no mend."""
    when, schedule = CRON_MACROS[macro.lower()]
    if schedule is not None and time is not None:
        schedule = f"{schedule.rsplit(' ', 1)[0]} {time}"
    said = f"`{written}` is cron's, not a .bkr schedule (cron runs `{macro}` {when}), and `run on` is missing before it"
    if schedule is not None:
        took = "" if time is None else f", at the time written (cron's `{macro}` takes none)"
        diag = run_and_member_missing(
            written, schedule, span, members, kind, home, note=f"`{schedule}` runs {when.replace('00:00', time or '00:00')}{took}"
        )
        return replace(diag, message=said)
    if macro.lower() == "@hourly":
        diag = more_than_daily_alone(written, "hourly", span, members, kind, home)
        return replace(diag, message=f"{said}; no schedule runs more than once a day")
    placement, named = run_allowed(members, kind, home)
    what, _manual = _by_hand("run")
    why = "at a system's start" if macro.lower() == "@reboot" else "once a year"
    return codes.SYNTAX(
        f"{said}; no schedule runs {why}",
        span,
        help=f"for {what} {'then' if macro.lower() == '@reboot' else 'once a year'}, write `run on {placement} manual`{named},"
        " and submit it by hand",
    )


def crontab_day(text: str) -> str | None:
    """The day a crontab numbers `text` (`0` and `7` Sunday, `1` Monday), or None."""
    return _CRON_DAYS[int(text)] if len(text) == 1 and text in "01234567" else None


def crontab_days_said(numbered: list[str]) -> str:
    """`` `7` is not a day of the week``, `` `6` and `7` are not days of the week``."""
    if len(numbered) == 1:
        return f"{shown(numbered[0])} is not a day of the week"
    return f"{', '.join(shown(n) for n in numbered[:-1])} and {shown(numbered[-1])} are not days of the week"


def crontab_days_named(days: list[str]) -> str:
    """The days of `weekly` by name, each once, for days some of which a crontab numbers:
    `6,7` is `sat,sun`, `6,0,7` `sat,sun`."""
    return ",".join(dict.fromkeys(crontab_day(d) or d for d in days))


#: What every help that names crontab's days of the week says of their count.
CRONTAB_COUNT = "if the numbers count as a crontab's do (0 and 7 are Sunday, 1 is Monday)"


def weekly_days_numbered(days: list[str], numbered: list[str], time: str, span: Span) -> Diagnostic:
    """`weekly 6 7 02:00`: days as a crontab numbers them, without their `,` (the last read
    as the time, the time as a word too many). One error at the numbers, whose help names
    the days and writes the `,`; no fix, since another count starts the week at Sunday."""
    return codes.SYNTAX(
        f"{crontab_days_said(numbered)}: `weekly` takes each day by name, the days separated by commas",
        span,
        help=f"write `weekly {crontab_days_named(days)} {time}`, {CRONTAB_COUNT}",
    )


def wakeup_reading(date: str, time: str, statement: str = "run") -> tuple[str | None, str]:
    """The bkrc schedule a WAKEUP TIMES date and time say, when it has one, and the help
    to give. A date is MM/DD/YY, `==` for any part (`==/==/==` every day, `==/15/==` the
    15th of every month), or a day of the week by name (`MONDAY`, also `WEEKDAY` or
    `WEEKEND`); the time HH:MM:SS, `==` for any part. Those with no .bkr schedule: a
    date of one day (`12/24/26`), once a year, a month or a year (`12/24/==`,
    `12/==/==`, `==/==/26`), a time that runs more than once a day (`==:00:00`, every
    hour) and seconds other than 00: None, and a help that says why and what to write
    instead. `statement`: the one the schedule is of, `run`, `purge` or `preview`."""
    of = "" if statement == "run" else f"{statement} "
    hour, minute, *rest = time.split(":")
    second = rest[0] if rest else "00"
    if "==" in (hour, minute, second):
        every = "every hour" if hour == "==" and minute != "==" else "every minute" if second != "==" else "every second"
        each = "a job for each time of day, each `daily HH:MM`," if not of else f"`{of}daily HH:MM`"
        return None, f"`{time}` runs it {every}, and a schedule runs once a day at most: write {each} or `{of}manual`"
    if int(hour) > 23 or int(minute) > 59 or int(second) > 59:
        return None, f"`{time}` is no time of day: write {schedule_forms(keyword=of)}, on a 24-hour clock"
    at = f"{int(hour):02d}:{minute}"
    days = phrase_day(date) if date.isalpha() else ()
    _, manual = _by_hand(statement)
    if days:
        meant = "daily" if len(days) == len(_WEEK) else f"weekly {','.join(days)}"
    elif date.isalpha():
        return None, f"`{date}` is no day of the week: write {schedule_forms(at, of)}"
    else:
        month, day, year = date.split("/")
        if day != "==" and not 1 <= int(day) <= 31:
            return None, f"`{date}` has no day of the month {day}: write {schedule_forms(at, of)}"
        if year != "==" and month != "==" and day != "==":
            return None, f"`{date}` is one date, and a schedule names no date: {manual} that day, at {at}"
        if month != "==" or year != "==":
            which = (
                "runs once a year" if day != "==" and year == "==" else
                "runs in one month of the year only" if year == "==" else "runs in one year only"
            )
            return None, (
                f"`{date}` {which}, and a schedule names no month nor year: {manual} when it is due, at {at}"
            )
        meant = "daily" if day == "==" else f"monthly {int(day)}"
    meant = f"{of}{meant} {at}"
    if second != "00":
        return None, f"write `{meant}`: a .bkr time is HH:MM, to the minute, so it starts at {at}, not {time}"
    return meant, f"write `{meant}`: a time is HH:MM, without seconds"


def wakeup_meant(date: str, time: str) -> str | None:
    """The bkrc schedule a WAKEUP TIMES date and time say, when it has one (`wakeup_reading`)."""
    return wakeup_reading(date, time)[0]


def wakeup_schedule(written: str, date: str, time: str, span: Span, statement: str = "run") -> Diagnostic:
    """`run on VMSYS1 ==/==/== 02:00:00`: a schedule as WAKEUP TIMES writes it; the fix
    writes the schedule it says, without the `purge` or `preview` before it."""
    meant, help_text = wakeup_reading(date, time, statement)
    if meant is not None and statement != "run":
        meant = meant.removeprefix(f"{statement} ")
    return codes.UNKNOWN_KEYWORD(
        f"`{written}` is a WAKEUP TIMES date and time; a .bkr schedule is `daily`, `weekly`, `monthly` or `manual`",
        span,
        help=help_text,
        fix=write_fix(meant, span) if meant else None,
    )


#: The months as English writes them short, and frequencies that name no schedule of
#: bkrc's but a year's (`yearly feb 28 22:00`, `annually`, `quarterly 1 22:00`).
MONTHS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})
_MONTH_NAMES = frozenset(
    {"january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
     "december", "sept"}
)
YEARLY_WORDS = frozenset({"yearly", "annually", "annual", "quarterly", "biannually", "semiannually"})
#: Frequencies one letter or a prefix away from a schedule keyword, which mean another
#: frequency: never "did you mean `weekly`" with a fix that changes how often a job runs.
OTHER_FREQUENCIES = frozenset({"biweekly", "bimonthly", "bidaily", "semiweekly", "semimonthly", "fortnightly"})


def looks_like_month(text: str) -> bool:
    lowered = text.lower().rstrip(",.")
    return lowered in MONTHS or lowered in _MONTH_NAMES


#: A date written whole, with its year: `2026-02-28`, `2026/02/28`, `28.02.2026`,
#: `02/28/2026`, `28-02-26`, or as `BKRSUBMT DUE` takes it, `20260228`.
_DATE = re.compile(
    r"\A(?:\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}\2(?:\d{4}|\d{2})"
    r"|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))\Z"
)


def looks_like_date(text: str) -> bool:
    return _DATE.match(text.rstrip(",")) is not None


def date_written(text: str) -> str | None:
    """The date a schedule phrase names, as written: a whole date (`2026-02-28`), or a
    month beside a day of the month (`feb 28`, `28th february`); None when it names
    none (a month alone, `may`, is not read as one)."""
    words = text.replace(",", " ").split()
    for i, word in enumerate(words):
        if looks_like_date(word):
            return word
        if looks_like_month(word):
            if i + 1 < len(words) and _DAY_OF_MONTH.match(words[i + 1]):
                return f"{word} {words[i + 1]}"
            if i > 0 and _DAY_OF_MONTH.match(words[i - 1]):
                return f"{words[i - 1]} {word}"
    return None


def _by_hand(statement: str) -> tuple[str, str]:
    """(what runs, how it is sent by hand) for a `manual` schedule of `statement`:
    `run`'s job is submitted, `purge` and `preview` sent with BKREXPIR (docs/rexx.md)."""
    if statement in ("purge", "preview"):
        return f"a {statement}", f"write `{statement} manual` and send it by hand (`EXEC BKREXPIR {statement.upper()}`)"
    return "a job run", "write `manual` and submit it by hand"


def _one_day_help(time: str | None, statement: str = "run") -> str:
    """A run on one day (`on 2026-02-28 22:00`): bkrc has no schedule by the date.
    `statement`, the one the schedule is of: `run`, `purge` or `preview`."""
    what, manual = _by_hand(statement)
    at = f", at {time}" if time else ""
    daily = f"`daily {time or 'HH:MM'}`" if statement == "run" else f"`{statement} daily {time or 'HH:MM'}`"
    return f"a schedule names no date: for {what} on one day only, {manual} that day{at}; {daily} runs it every day"


def days_without_weekly(found: str) -> str:
    """The message for days where a schedule starts, `weekly` left out (`mon-fri 22:00`)."""
    return f"{found} names days of the week, and `weekly` is missing before them: a schedule starts with how often it runs"


def unknown_schedule(
    found: str,
    next_word: str | None,
    span: Span,
    time: str | None = None,
    statement: str = "run",
    written: Span | None = None,
    at: bool = False,
) -> Diagnostic:
    """`hourly 02:00`, or `hourly` alone (`next_word` None): a schedule bkrc does not have.
    `time`, the time of day written later on the line (`quarterly 1 22:00`), which the
    examples keep; `next_word` a month (`yearly feb 28 22:00`), or `found` a frequency by
    the year with or without its date (`yearly 22:00`, `annually`): bkrc has no schedule
    by the year, and the help says what to write instead; so for a date (`2026-02-28
    22:00`), a run on one day. `statement`, the one the schedule is of (`run`, `purge`,
    `preview`). `written`: for days as one word, `weekly` left out (`mon-fri 22:00`), the
    days and their time, which the fix writes as `weekly` takes them; `at`, the time
    written after `at` (`mon-fri at 22:00`), which the message says too."""
    days_at = at
    at = time or "HH:MM"  # never a time nobody wrote
    if looks_like_date(found.strip("`")):
        # `run on VMSYS1 2026-02-28 22:00`: a run on one day, not `daily 22:00`
        return codes.UNKNOWN_KEYWORD(
            f"unknown schedule {found}; a schedule is `daily`, `weekly`, `monthly` or `manual`, and none names a date",
            span,
            help=_one_day_help(
                time or (next_word if next_word is not None and looks_like_time(next_word) else None), statement
            ),
        )
    month = next_word is not None and looks_like_month(next_word)
    if month or found.strip("`").lower() in YEARLY_WORDS:
        # before the time's and the day's examples: `yearly 22:00` is not `daily 22:00`
        return codes.UNKNOWN_KEYWORD(
            f"unknown schedule {found}; a schedule is `daily`, `weekly`, `monthly` or `manual`"
            + (f", and none names a month (`{next_word}`)" if month else ""),
            span,
            help=f"for {_by_hand(statement)[0]} once a year, or a few times, {_by_hand(statement)[1]} when it is due;"
            f" `{'' if statement == 'run' else statement + ' '}monthly 1"
            f" {next_word if next_word is not None and looks_like_time(next_word) else at}` runs it every month",
        )
    # a purge's or a preview's, written as its statement takes it (`purge daily HH:MM`),
    # and its `manual` sent with BKREXPIR: not "a job submitted only by hand"
    of = "" if statement == "run" else f"{statement} "
    days = _days_written_as_one(found.strip("`"))
    if days is not None and (next_word is None or looks_like_time(next_word)):
        # `run on VMSYS1 mon-fri 22:00`: days as `weekly` takes them, `weekly` left out
        # (`sun 02:00` and `mon,thu 02:00` are schedule_phrase's, which writes the same)
        # (was "unknown schedule `mon-fri`", no fix; with `at`, a `,` missing between the
        # member and the days, whose fix made them a member, then BKR012 at `at 22:00`)
        return codes.UNKNOWN_KEYWORD(
            f"{days_without_weekly(found)}" + ("; the time follows without `at`" if days_at else ""),
            span,
            help=f"write `{of}weekly {','.join(days)} {next_word or at}`"
            + ("" if next_word else " (the time of day is missing)")
            + ": `weekly` takes each day by name, the days separated by commas",
            fix=write_fix(f"weekly {','.join(days)} {next_word}", written) if next_word and written else None,
        )
    if next_word is None:
        example = schedule_forms(keyword=of, manual=False)
    elif looks_like_time(next_word):
        example = schedule_forms(next_word, of, manual=False)
    elif looks_like_day(next_word):
        example = f"`{of}weekly {next_word} {at}`"
    else:
        example = f"`{of}monthly {next_word} {at}`"
    if statement in ("purge", "preview"):
        manual = f"`{statement} manual` for {_by_hand(statement)[0]} sent only by hand (`EXEC BKREXPIR {statement.upper()}`)"
    else:
        manual = "`manual` for a job submitted only by hand"
    once = ""
    if more_than_daily_written(found.strip("`")) is not None:
        # `hourly`: said as `every hour` is (its help gave the forms without a word of why)
        once = "a schedule runs once a day at most" + ("; a job for each time of day runs it more often: " if not of else ": ")
    return codes.UNKNOWN_KEYWORD(
        f"unknown schedule {found}; a schedule is `daily`, `weekly`, `monthly` or `manual`",
        span,
        help=f"{once}write {example}, or {manual}",
    )


def weekly_trailing_comma(day: str, time: str, span: Span) -> Diagnostic:
    return codes.SYNTAX(
        f"this `,` makes `{time}` one more day of the week after `{day}`, and leaves `weekly` without a time",
        span,
        label="remove this `,`",
        help=f"the days of `weekly` are separated by commas, the time by a blank: `weekly {day} {time}`",
        fix=remove_fix("the `,`", span),
    )


def weekly_days_without_comma(day: str, span: Span, days: str, time: str, written: Span) -> Diagnostic:
    """`weekly sat sun 03:00`: `sun`, without its `,`, read as the time. `days`: the
    days with commas, which the fix writes over `written`, the days as written."""
    return codes.SYNTAX(
        f"the days after `weekly` are separated by commas: `{day}` was read as the time",
        span,
        help=f"write `weekly {days} {time}`",
        fix=Fix.replace(f"Write `{days}`", written, days),
    )


def unmatched_close(
    span: Span,
    closed: tuple[Block, Span] | None,
    remove: Span | None = None,
    run: int = 1,
    removed: int = 1,
    surplus: int = 1,
    bare: tuple[int, tuple[Span, ...], tuple[int, ...]] | None = None,
) -> Diagnostic:
    """`}` where no block is open, the first of `run` such with only blanks between,
    in a file with `surplus` more `}` than `{`. `remove`: the text that deletes the
    `removed` last `}` of the run and, where `removed` is more than `run`, the `}`
    right before it, which closed a block early, where every other brace of the file then pairs up
    (`Recovery.close_run_removal`), for its fix. `bare`: where a `{` reported as opening
    nothing (BKR004) took one of those `}`, and removing it too leaves the file's braces
    paired (`Recovery.bare_braces_removal`): the `}` that removes, the spans to delete,
    and the lines of those `{`; the fix removes them all, so that no error is left."""
    if bare is not None and remove is not None:
        count, spans, lines = bare
        them = "it" if run == 1 else "them"
        closes = "the `}`" if count == 1 else f"{count:,} `}}`"
        opens = f"the `{{` on line {lines[0]}" if len(lines) == 1 else f"the `{{` on lines {', '.join(map(str, lines))}"
        return codes.UNMATCHED_CLOSE(
            "this `}` closes nothing" if run == 1 else f"these {run:,} `}}` close nothing",
            span,
            label=None if run == 1 else f"the first of {run:,}",
            help=f"remove {them}{'' if count == run else f' and the `}}` before {them}'}, and {opens}, which opens"
            " nothing (BKR004): every other `{` and `}` of the file then pair up",
            fix=Fix(f"Remove {closes} and {opens}", tuple(Edit(s, "") for s in spans)),
        )
    related = ()
    if closed is not None:
        block, where = closed
        related = (Related(where, f"this `}}` already closed {block.title}"),)
    them = "it" if run == 1 else "them"
    early = removed - run  # `}` right before the run that closed a block early
    before = "" if early <= 0 else f" and the `}}` before {them}" if early == 1 else f" and the {early:,} `}}` before {them}"
    if early == 1 and closed is not None:
        before += f", which closed {closed[0].title} early"  # the last `}` read before the run
    # the file's count, as BKR004's for `{` (where other `{` too many elsewhere hide it, none)
    count = f": the file has {surplus:,} `}}` more than `{{`" if surplus >= run else ""
    return codes.UNMATCHED_CLOSE(
        "this `}` closes nothing" if run == 1 else f"these {run:,} `}}` close nothing{count}",
        span,
        label=None if run == 1 else f"the first of {run:,}",
        help=(
            f"remove {them}{before}: every other `{{` and `}}` of the file pair up"
            if remove is not None
            else f"remove {them}, or restore the line that opened the block"
            if run == 1
            else "remove them, or restore the lines that opened the blocks"
        ),
        related=related,
        fix=None if remove is None else remove_fix("the `}`" if removed == 1 else f"the {removed:,} `}}`", remove),
    )




class _Titled(NamedTuple):
    """A block as _belongs names it, where no parser's Block is at hand."""

    title: str


#: A word in backquotes, as `shown` names it (`preview`): what `line_ended` weighs.
_SHOWN_WORD = re.compile(r"`([^`\s]+)`")
#: Blanks and comments over one line break or more, then a word: the next line's first.
_NEXT_LINE_WORD = re.compile(r"(?:[ \t\r]*(?:#[^\n]*)?\n)+[ \t\r]*([^\s{}\"#]+)")
#: What a statement cut short at the end of its line found (`line_ended`).
_LINE_END = "the end of the line"
#: What a cut-short statement's error found where its line ends (`Diagnostic.found`, `syntax._again_below`).
LINE_END = _LINE_END
#: A word alone on its line, then the same word first on the next (`keyword_again_below`).
_WORD_ALONE_THEN_AGAIN = re.compile(r"[ \t\r]*((?:\n[ \t\r]*)+)([^\s{}\"#,]+)(?=[\s{},\"#]|\Z)")
#: A line of one word written again after itself, blanks between (`include include`):
#: the word, and the repeats (`keyword_run_again_below`).
_WORD_RUN_LINE = re.compile(r"[ \t]*([^\s{}\"#,]+)((?:[ \t]+\1(?=[\s{},\"#]|\Z))+)", re.IGNORECASE)


def line_ended(text: str, found: str, after: int) -> bool:
    """Whether a statement cut short, its text ending at offset `after` of `text`, ends
    with its line: `found`, the token its error names as found (`shown`: `preview`), is
    a statement's keyword that is the next word after it, first on a later line (only
    blanks and comments between): `retain 35`, then `preview daily 01:00`; `job
    APPSFULL`, its `{` left out. The error then says "found the end of the line"
    (`missing_open`, `missing_value`, `missing_other`: their `line_ended`), as a
    misplaced statement's slip is said (homed.py). A word on the statement's own line
    (`retain 35 preview`) is named as it is. Both parsers ask it where they build the
    error (`Recovery.report_missing`; the fast parser's `_open_missing`,
    `_value_missing`)."""
    word = _SHOWN_WORD.fullmatch(found)
    if word is None or word.group(1).lower() not in STATEMENT_HOMES:
        return False
    following = _NEXT_LINE_WORD.match(text, after)
    return following is not None and following.group(1).lower() == word.group(1).lower()


def _reordered(message: str, span: Span, meant: tuple[str, Span]) -> Diagnostic:
    """A statement's words out of order on its line (`Recovery.reordered`): the error,
    whose help and fix write `meant`, the line in the one order that parses, over the
    span of its words as written."""
    return codes.SYNTAX(message, span, help=f"write `{meant[0]}`", fix=write_fix(meant[0], meant[1]))


def statement_belongs(lowered: str, kind: str | None = None, name: str | None = None) -> str:
    """Where the statement that the keyword `lowered` starts belongs, said of a line
    read as more names of a list (BKR021: `retain 30 days` under a member's labels):
    `retain` belongs in an `expire on MEMBER { ... }` block: move it there. `kind` and
    `name`: the block it stands in, when it is not the cluster (`expire` under a
    member's labels: out of `member VMSYS1`, after its `}`)."""
    inner = _Titled(block_title(kind, name)) if kind is not None else None
    return _belongs(lowered, inner, STATEMENT_HOMES[lowered])  # type: ignore[arg-type]


def _belongs(lowered: str, inner: Block | None, homes: tuple[str, ...] = ()) -> str:
    """Where the statement that `lowered` starts belongs, said from inside `inner`,
    which does not take it, or from the top level of the file (`inner` None:
    keyword_of_another_block); `homes`: the kinds of block that take it
    (Recovery.other_blocks, from the grammar), as misplaced_inside and
    keyword_of_another_block are given them. The cluster alone (`disk BKRBKUP 191
    size 10 cyl` in a job): directly inside it, out of `inner`; several
    (`description` in an expire block): each named."""
    out = f"move it out of {inner.title}, after its `}}`" if inner is not None else "move it there"
    if homes and homes != ("cluster",):
        # `workers 3` in a job: a member's; `description` in an expire block: the
        # cluster's, a job's and a member's
        blocks = [f"`{'expire on MEMBER' if k == 'expire' else f'{kind_word(k)} NAME'} {{ ... }}`" for k in homes]
        listed = blocks[0] if len(blocks) == 1 else f"{', '.join(blocks[:-1])} or {blocks[-1]}"
        help_text = f"`{lowered}` belongs in {'an' if homes[0] == 'expire' else 'a'} {listed} block: move it there"
    elif lowered == "import":
        help_text = "put `import` lines at the top of the file, before the cluster"
    elif lowered in ("single", "identity"):
        # a user or group declaration: in the cluster block or outside it, never in another block
        if inner is None:  # (statement_belongs)
            help_text = "declare users and groups directly inside `cluster NAME { ... }` or outside it: move it there"
        else:
            help_text = f"declare users and groups outside other blocks: {out}"
    elif lowered in HYPHENATED_HOMES:
        # `shared-volume VMCOM2` in a group body: where it belongs, as hyphenated_misplaced says
        home, example = HYPHENATED_HOMES[lowered]
        if STATEMENT_HOMES.get(lowered) == ("cluster",) and inner is not None:  # the grammar's, not `home`'s words
            help_text = f"`{lowered}` belongs {home}: {out}"
        else:
            help_text = f"`{lowered}` belongs {home}: `{example}`"
    elif homes:
        # the cluster's alone (`disk BKRBKUP 191 size 10 cyl` in a job)
        help_text = f"`{lowered}` belongs directly inside `cluster NAME {{ ... }}`: {out}"
    elif lowered == "cluster":
        # no block takes a cluster: the file's one block, at its top level (BKR111)
        where = inner.title if inner is not None else "another block"
        help_text = (
            f"a file holds one `cluster NAME {{ ... }}` block, at its top level, never inside {where}:"
            " move what this one holds into the cluster around it, or to a file of its own"
        )
    else:
        help_text = "move it to the block it belongs in (see docs/language.md)"
    return help_text


def misplaced_inside(
    word: str,
    inner: Block,
    span: Span,
    brace: Span,
    homes: tuple[str, ...] = (),
    surplus: Span | None = None,
    unclosed: bool = False,
    text: str | None = None,
) -> Diagnostic:
    """`homes`: the kinds of block that take `word` (`workers`: a member's), when known.
    `text`, the file's: a statement of the cluster block alone (`MOVED_OUT`: `catalog`,
    `disk`, `tape`, `member`, `job`), alone on its line (a `member` or `job` block
    with its lines below, to its `}`: a job pasted whole into another) in a block whose `}` is alone on its line (a newcomer writes the
    catalog with its expiry, a job's disk in the job), gets a help that writes it and
    the line it goes below, and a fix that moves it there (`_moved_out`; was "move it
    out of `expire`, after its `}`", no fix). Where the cluster holds it already
    (`_cluster_twin`: a second catalog, `disk BKRBKUP 191` twice, a member of that
    name), moved out it is one too many: written alike, the help and fix remove it;
    otherwise the help names the other, to keep one of them.
    `surplus`: the `}` too many that the statement brought after its block's own
    (`identity group SYSIDS2 { TCPIP2 } }`), which go with it, and no fix: where the
    statement goes is the user's choice. `unclosed`: the block `word` opens was pasted
    without its `}` (`member VMSYS3 {` and its settings in a job, the job's `}` below)."""
    help_text = _belongs(word.lower(), inner, homes)
    if unclosed:
        help_text += f", and close it with a `}}` of its own: the `}}` below it closes {inner.title}"
    related = (Related(brace, f"{inner.title} starts here"),)
    if surplus is not None:
        if surplus.end - surplus.start == 1:
            help_text += f"; the `}}` at {surplus.line}:{surplus.column} is one too many: remove it"
        else:
            help_text += f"; the `}}` from {surplus.line}:{surplus.column} are too many: remove them"
        related += (Related(surplus, "`}` too many after its block's own"),)
    fix = None
    if text is not None and surplus is None and not unclosed and word.lower() in MOVED_OUT:
        help_text, fix = _moved_out_help(word.lower(), text, span, inner, brace, help_text)
    return codes.MISPLACED(
        f"`{word}` cannot appear inside {in_block(inner.kind)}",
        span,
        help=help_text,
        related=related,
        fix=fix,
    )


def disk_in_group(group: Block, span: Span, brace: Span, text: str, word: str = "disk") -> Diagnostic:
    """`disk BKRADMIN 191 size 10 cyl` on its own line in the body of `group` (its `{` at
    `brace`): no user IDs (was read as six, BKR021 at check), a statement of the cluster:
    misplaced_inside's error, said of a group body, whose help and fix move it below the
    group's `}` (or remove it where the cluster has it: `_moved_out_help`). So `word`
    `catalog` (`catalog shared server BKRSVSFS ...`) and `tape` (`tape manager shared
    ...`), read as users too (BKR021, and BKR208 or BKR301 at check; h3, stop 70)."""
    found = misplaced_inside(word, group, span, brace, text=text)
    return replace(found, message=f"`{word}` cannot appear in a group body, which lists user IDs only")


#: The statements of the cluster block alone that a help moves out of the block they
#: are written in (misplaced_inside, hyphenated_misplaced), below its `}`.
#: `single` and `identity`: a group's or a user's declaration, which the cluster block takes
#: (and the top level), written in a member, job or expire block (h11, stop 70).
MOVED_OUT = frozenset({"catalog", "disk", "tape", "member", "shared-volume", "job", "single", "identity"})


def _moved_out_help(
    lowered: str, text: str, span: Span, inner: Block | str, brace: Span, help_text: str
) -> tuple[str, Fix | None]:
    """The help and fix of the cluster's statement at `span`, written inside block
    `inner` (its title, or the block; its `{` at `brace`): moved below the block's `}`,
    or, where the cluster holds it already, removed (written alike) or weighed against
    the other; `help_text` and no fix where it cannot be moved (`_moved_out`)."""
    title = inner if isinstance(inner, str) else inner.title
    moved = _moved_out(text, span, brace)
    if moved is None:
        return help_text, None
    line, close, fix = moved
    shown = f"{line} ... }}" if line.endswith("{") else line
    twin = _cluster_twin(lowered, line, text, fix.edits[0].span)
    if twin is None and lowered in ("single", "identity"):
        # a declaration the cluster takes, as the top level does: below the block's `}`
        said = (
            f"declare users and groups directly inside `cluster NAME {{ ... }}` or outside it: move `{shown}`"
            f" below {title}'s `}}` (line {close})"
        )
        return said, fix
    if twin is None:
        return (
            f"`{lowered}` belongs directly inside `cluster NAME {{ ... }}`: move `{shown}` below {title}'s `}}` (line {close})",
            fix,
        )
    at, other = twin
    if other.upper() == line.upper() and not line.endswith("{"):
        return (
            f"`{shown}` is written directly inside `cluster NAME {{ ... }}` already (line {at}): remove it here",
            Fix(f"Remove the second `{lowered}`", (Edit(fix.edits[0].span, ""),)),
        )
    weighed = (
        f"the cluster has `{other}` already (line {at}): keep the one meant, directly inside"
        f" `cluster NAME {{ ... }}`, and remove the other"
    )
    return weighed, None


#: A statement of the cluster block first on its line (`_cluster_twin`): its keyword and
#: the rest of its line.
_CLUSTER_STATEMENT = re.compile(r"(?im)^[ \t]*(catalog|tape|disk|member|shared-volume)(?![\w-])([^\n]*)")


def _cluster_twin(lowered: str, line: str, text: str, removed: Span) -> tuple[int, str] | None:
    """Another statement of `text`, outside `removed` (the lines of `line`, the statement
    `lowered` starts), that `line` would repeat directly inside the cluster: its line's
    number and words; None where there is none. A second `catalog` or `tape`; a `disk`
    of the same user at the same address; a `member` of the same name; a
    `shared-volume` listing a label `line` lists."""
    def key(words: list[str]):
        if lowered == "disk":
            address = words[1].upper() if len(words) > 1 else ""
            return (words[0].upper() if words else "", int(address, 16) if re.fullmatch(r"[0-9A-F]{1,4}", address) else address)
        if lowered == "member":
            return words[0].upper() if words else ""
        return None

    own = line.split()[1:]
    if lowered in ("single", "identity"):
        return _declared_twin(own, text, removed)
    for found in _CLUSTER_STATEMENT.finditer(text):
        if found.group(1).lower() != lowered or removed.start <= found.start(1) < removed.end:
            continue
        words = line_words(found.group(2)).split()
        if lowered == "shared-volume":
            if not {w.upper() for w in words} & {w.upper() for w in own}:
                continue
        elif key(words) != key(own):
            continue
        return text.count("\n", 0, found.start()) + 1, " ".join([lowered, *words])
    return None


#: A group's or a user's declaration first on its line: its kind, `group` or `user`, its
#: name, and the rest of its line.
_DECLARATION = re.compile(r"(?im)^[ \t]*(single|identity)[ \t]+(group|user)[ \t]+([^\s{#]+)([^\n]*)")


def _declared_twin(own: list[str], text: str, removed: Span) -> tuple[int, str] | None:
    """_cluster_twin's of a declaration (`own`, its words after `single` or `identity`):
    another group or user of its name in `text`, of either kind, outside `removed`; its
    line's number and words (a block over several lines shown `{ ... }`)."""
    if len(own) < 2:
        return None
    for found in _DECLARATION.finditer(text):
        if removed.start <= found.start(1) < removed.end:
            continue
        if (found.group(2).lower(), found.group(3).upper()) != (own[0].lower(), own[1].upper()):
            continue
        words = " ".join([*found.group(1, 2, 3), *line_words(found.group(4)).split()])
        return text.count("\n", 0, found.start()) + 1, f"{words} ... }}" if words.endswith("{") else words
    return None


def _moved_out(text: str, span: Span, brace: Span) -> tuple[str, int, Fix] | None:
    """A statement alone on its line (its keyword at `span`; a block, `member LAB2 {`, with
    its lines to its `}`, alone on its line), in a block of the cluster (its `{` at
    `brace`): its words, the line of the block's `}` (alone on its line, a comment
    aside), and the fix that moves its lines below that `}`, as far in as the block's
    head (a fix's first edit removes them); None where either shares its line, or a
    `}` is not found."""
    begin = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.start)
    if end == -1 or text[begin : span.start].strip():
        return None
    words = line_words(text[span.start : end])
    if '"' in words or "}" in words.replace("}", "", words.count("{")) or words.count("{") != words.count("}") + words.endswith("{"):
        return None
    if words.endswith("{"):
        # a block, its lines below it to its `}`, alone on its line
        shut = _closing_brace(text, span.start + words.rindex("{"))
        if shut is None:
            return None
        shut_begin = text.rfind("\n", 0, shut) + 1
        end = text.find("\n", shut)
        if end == -1 or text[shut_begin:shut].strip() or line_words(text[shut + 1 : end]):
            return None
    at = _closing_brace(text, brace.start)
    if at is None or at < end:
        return None
    close_begin = text.rfind("\n", 0, at) + 1
    close_end = text.find("\n", at)
    if close_end == -1 or text[close_begin:at].strip() or line_words(text[at + 1 : close_end]):
        return None
    head_begin = text.rfind("\n", 0, brace.start) + 1
    head = text[head_begin : brace.start]
    indent = head[: len(head) - len(head.lstrip())]
    statement = " ".join(words.split())
    own = text[begin : span.start]
    moved = "\n".join(
        indent + row[len(own) :] if row.startswith(own) else row for row in text[begin:end].rstrip().split("\n")
    )
    line = text.count("\n", 0, at) + 1
    removed = Span(span.file, span.line, 1, text.count("\n", 0, end) + 2, 1, begin, end + 1)
    column = close_end - close_begin + 1
    inserted = Span(span.file, line, column, line, column, close_end, close_end)
    return statement, line, Fix(f"Move `{word_of(statement)}` below the block", (Edit(removed, ""), Edit(inserted, f"\n{moved}")))


def _closing_brace(text: str, opening: int) -> int | None:
    """The offset of the `}` that closes the `{` at `opening`, comments and texts
    stepped over; None where the file ends first."""
    depth = 0
    for found in re.finditer(r'[{}]|"(?:[^"\\\n]|\\.)*"?|(?:(?<=\s)|^)#[^\n]*', text[opening:], re.MULTILINE):
        if found.group() == "{":
            depth += 1
        elif found.group() == "}":
            depth -= 1
            if depth == 0:
                return opening + found.start()
    return None


def word_of(statement: str) -> str:
    """A statement's first word (`catalog`), which a fix's title names."""
    return statement.split()[0].lower()


def scope_misplaced(word: str, inner: Block, span: Span, brace: Span, statement: str | None) -> Diagnostic:
    """`shared` (or `local`) where a statement starts in a `member`, `job` or `expire`
    block: the scope of a catalog or of Tape Manager, whose statements belong directly
    inside `cluster NAME { ... }` (SSI rules 4 and 7 want both shared). `statement`:
    `catalog` or `tape` when that keyword follows it on its line (`shared catalog
    server ...`, the two words the other way round). Was BKR004, "`shared` cannot appear
    here", whose help named no place."""
    lowered = word.lower()
    out = f"move it out of {inner.title}, after its `}}`"
    if statement == "catalog":
        help_text = (
            f"`{lowered}` is a catalog's scope, written after `catalog`: `catalog {lowered} ...` belongs"
            f" directly inside `cluster NAME {{ ... }}`: {out}"
        )
    elif statement == "tape":
        help_text = (
            f"`{lowered}` is Tape Manager's scope, written after `tape manager`: `tape manager {lowered} ...`"
            f" belongs directly inside `cluster NAME {{ ... }}`: {out}"
        )
    else:
        help_text = (
            f"`{lowered}` is the scope of a catalog or of Tape Manager, written in `catalog {lowered} ...`"
            f" or `tape manager {lowered} ...`, statements that belong directly inside"
            f" `cluster NAME {{ ... }}`: write it there, not in {inner.title}"
        )
    return codes.MISPLACED(
        f"`{word}` cannot appear inside {in_block(inner.kind)}",
        span,
        help=help_text,
        related=(Related(brace, f"{inner.title} starts here"),),
    )


#: How `only_inside` labels the `}` that closed a block early (`reads_on`).
CLOSED_EARLY = "was closed here"


def reads_on(d: Diagnostic) -> bool:
    """Whether recovery read the file around this syntax error as if the mistake were
    not there, so nothing written is missing from the AST: a `}` that closes nothing
    (BKR006, skipped), or one that closed its block early (BKR013 naming it: the
    statements after it are read in that block, reopened and joined to it by
    build.py). The language server keeps its inlay hints for these."""
    if d.code == codes.UNMATCHED_CLOSE.code:
        return True
    return d.code == codes.MISPLACED.code and any(r.label.endswith(" " + CLOSED_EARLY) for r in d.related)


def only_inside(
    word: str,
    kind: str,
    span: Span,
    closed: tuple[Block, Span] | None,
    extra_close: bool,
    remove: Span | None = None,
    also: tuple[str, ...] = (),
    opener_gone: bool = False,
    member: str | None = None,
    rest: str | None = None,
    text: str | None = None,
) -> Diagnostic:
    """`remove`: the `}` that closed the block early, with its blanks (its whole line
    when it stands alone), when the file has exactly one `}` too many: deleting it
    gives the file the recovery read. `also`: the other kinds of block that take
    `word` (`exclude` in the cluster block: a job's, and a member's). `opener_gone`:
    that `}` looks like its block's own, and `word` starts a body of its own below
    it: the line that opened `word`'s block may be missing instead. `member`, the
    file's first member read, and `rest`, the text after `word` to its line's end: a
    member's `workers` out of its block gets an example with both (`member VMSYS1 {
    workers 4 }`). `text`, the file's: where the braces balance and the line just
    below the `}` of the block closed is `word`'s statement, alone on it, of a block
    that takes it and lacks it (`member LAB2`'s `}`, then `workers 2`), the block
    closed one line early: its fix moves the line above that `}` (`_moved_in`)."""
    related: tuple[Related, ...] = ()
    fix = None
    if closed is not None:
        block, where = closed
        related = (Related(where, f"{block.title} {CLOSED_EARLY}"),)
        if opener_gone:
            opener = "expire on MEMBER" if kind == "expire" else f"{kind_word(kind)} NAME"
            help_text = (
                f"if the line that opened its block was deleted, write it back above `{word}`: `{opener} {{`;"
                f" else the `}}` that closed {block.title} is one too many: remove it"
            )
        elif extra_close:
            # the `}` by its place, as a line may hold two (`member VMSYS1 { workers 2 } }`)
            help_text = f"the `}}` at {where.line}:{where.column} is one too many and closed {block.title} early: remove it"
            if remove is not None:
                fix = remove_fix(f"the `}}` that closed {block.title} early", remove)
        else:
            help_text = (
                f"if {block.title} goes on, the `}}` that closed it is one too many: remove it;"
                f" else move `{word}` inside its braces"
            )
            moved = None
            if text is not None and block.kind in (kind, *also) and block.kind != "cluster" and not block.placeholder:
                moved = _moved_in(text, span, where, block.brace.start_pos, word)
                emptied = _body_below_braces(text, span, where, block.brace.start_pos, block.kind)
                if moved is None and emptied is not None:
                    help_text, fix = emptied[0].replace("BLOCK", block.title, 1), emptied[1]
            if moved is not None:
                statement, line, fix = moved
                help_text = (
                    f"{block.title} was closed one line early, and has no `{word.lower()}`:"
                    f" move `{statement}` above its `}}` (line {line})"
                )
            elif text is not None and block.kind == "cluster" and kind == "cluster" and not block.placeholder:
                shut = _cluster_shut_early(text, span, where, block.brace.start_pos, word, block.title)
                if shut is not None:
                    help_text, fix = shut
    else:
        openers = " or ".join(
            f"`{'expire on MEMBER' if k == 'expire' else f'{kind_word(k)} NAME'} {{ ... }}`"
            for k in (kind, *also)
        )
        help_text = f"put it inside {'an' if kind == 'expire' else 'a'} {openers} block"
        count = line_words(rest).split("}", 1)[0].split() if rest is not None else []
        if kind == "member" and not also and member and word.lower() == "workers" and len(count) == 1 and count[0].isdigit():
            help_text = f"put it inside a `member` block, as in `member {member} {{ workers {count[0]} }}`"
        if word.lower() == "exclude" and "member" in (kind, *also):
            help_text += "; in a `member` block it applies to the single-configuration jobs pinned to that member"
        if text is not None and kind != "cluster" and _CLUSTER_HEAD.search(text) is None:
            # a statement of a job or member at the top level of a file without a cluster:
            # a site's module, where a sysprog puts what both clusters share (the CMS
            # disks every job excludes); no job or member block is written there (each
            # is BKR013 again), so the help names the cluster file's (h8's modules walk)
            help_text = (
                f"put it inside {'an' if kind == 'expire' else 'a'} {openers} block of the cluster file that"
                " imports this file: a file without a `cluster` block is a module, which declares users and"
                " groups only"
            )
        if text is not None and kind == "cluster" and not also and word.lower() in MOVED_OUT:
            moved = _moved_into_cluster(text, span, word.lower())
            if moved is not None:
                help_text, fix = moved
            elif _CLUSTER_HEAD.search(text) is None:
                # a file without a cluster: most often a module of the site's, a job put
                # there to split the cluster in files (was the help alone; h9, stop 71)
                help_text += (
                    "; a file without one is a module, which declares users and groups only: write"
                    f" `{word.lower()}` in the cluster block of the file that imports it"
                )
    places = " or ".join(f"`{kind_word(k)} {{ ... }}`" for k in (kind, *also))
    return codes.MISPLACED(
        f"`{word}` can only appear inside {'an' if kind == 'expire' else 'a'} {places} block",
        span,
        help=help_text,
        related=related,
        fix=fix,
    )


#: A cluster's opening line (`_moved_into_cluster`): its name.
_CLUSTER_HEAD = re.compile(r"(?im)^[ \t]*cluster[ \t]+([A-Za-z0-9$#@_+-]+)[ \t]*\{")


def _moved_into_cluster(text: str, span: Span, lowered: str) -> tuple[str, Fix] | None:
    """The statement of the cluster alone (`lowered`, MOVED_OUT's: a `job` block, most
    often) at `span`, written at the top level above the file's one cluster (only
    imports, comments and blank lines above it): the help and the fix that move its
    lines (a block's to its `}`, alone on its line) into the cluster, above its `}`,
    indented as the cluster's body (was "put it inside a `cluster NAME { ... }` block",
    no fix; h11, stop 70). None where the file has no cluster below it or more than one,
    the cluster's `}` shares its line, or the cluster has the statement already
    (`_cluster_twin`, a job of that name): which is meant is the site's."""
    heads = list(_CLUSTER_HEAD.finditer(text))
    if len(heads) != 1 or heads[0].start() < span.start:
        return None
    head = heads[0]
    name = head.group(1)
    brace = head.end() - 1
    moved = _moved_out(text, span, Span(span.file, 0, 0, 0, 0, brace, brace + 1))
    if moved is None:
        return None
    statement, close, fix = moved
    removed, inserted = fix.edits
    if removed.span.end > head.start():
        return None
    if lowered == "job":
        title = statement.split()[1].upper() if len(statement.split()) > 1 else ""
        body = text[head.end() : inserted.span.start]
        if any(m.group(1).upper() == title for m in _JOB_HEAD.finditer(body)):
            return None
    elif lowered in ("catalog", "tape", "disk", "member", "shared-volume") and _cluster_twin(
        lowered, statement, text, removed.span
    ):
        return None
    body_rows = [row for row in text[head.end() : inserted.span.start].split("\n")[1:] if line_words(row).strip()]
    own = body_rows[0][: len(body_rows[0]) - len(body_rows[0].lstrip())] if body_rows else "  "
    begin = removed.span.start
    indent = text[begin : span.start]
    rows = text[begin : removed.span.end].rstrip("\n").split("\n")
    lines = "".join(own + row[len(indent) :] + "\n" if row.startswith(indent) else row + "\n" for row in rows)
    close_begin = text.rfind("\n", 0, _closing_brace(text, brace)) + 1  # the `}` line's start
    at = Span(span.file, close, 1, close, 1, close_begin, close_begin)
    shown = f"{statement} ... }}" if statement.endswith("{") else statement
    help_text = (
        f"`{lowered}` belongs directly inside `cluster NAME {{ ... }}`: move `{shown}` into `cluster {name}`,"
        f" above its `}}` (line {close})"
    )
    cut = removed.span
    if text.startswith("\n", cut.end) and (cut.start == 0 or text.startswith("\n\n", cut.start - 2)):
        # a blank line above it and below it: one of them goes with it
        cut = Span(cut.file, cut.line, 1, cut.end_line + 1, 1, cut.start, cut.end + 1)
    return help_text, Fix(f"Move `{lowered}` into the cluster", (Edit(cut, ""), Edit(at, lines)))


#: Statements the cluster holds once (BKR115 for a second): one below its `}` where its body
#: has one already is not surely the cluster's line (`_cluster_shut_early`).
_CLUSTER_ONCE = ("expire", "description")


def _cluster_shut_early(
    text: str, span: Span, close: Span, brace: int | None, word: str, title: str
) -> tuple[str, Fix] | None:
    """The cluster's own `}` at `close`, alone on its line, with the statement `word`
    starts at `span` first on the line just below it, and the file's braces balanced:
    the cluster was closed early (a newcomer adds a statement at the file's end, below
    the `}`). The help and the fix that moves that `}` below the file's last line, so
    that the lines below it are the cluster's, as written (was "if `cluster X` goes on,
    the `}` that closed it is one too many: remove it", which leaves the cluster
    unclosed, no fix); None where any of that does not hold, or where the statement
    would repeat one the cluster holds (`_cluster_twin`: a second catalog, a member of
    that name; a second `expire` or `description`): which is meant is the site's."""
    if brace is None:
        return None
    close_begin = text.rfind("\n", 0, close.start) + 1
    close_end = text.find("\n", close.start)
    begin = text.rfind("\n", 0, span.start) + 1
    if close_end == -1 or close_end + 1 != begin or text[close_begin : close.start].strip():
        return None
    if line_words(text[close.end : close_end]) or text[begin : span.start].strip():
        return None
    lowered = word.lower()
    below = Span(span.file, span.line, 1, span.line, 1, begin, len(text))
    first = line_words(text[span.start :])
    if lowered in ("catalog", "tape", "disk", "member", "shared-volume"):
        if _cluster_twin(lowered, first, text[:close_begin], below) is not None:
            return None
    elif lowered in _CLUSTER_ONCE:
        body = text[brace + 1 : close_begin].lower()
        if any(line_words(row).split()[:1] == [lowered] for row in body.split("\n")):
            return None
    last = len(text.rstrip())
    rows = [row for row in text[begin:last].split("\n") if row.strip()]
    shut = text[close_begin:close_end]
    line = text.count("\n", 0, last) + 1
    where = Span(close.file, line, last - text.rfind("\n", 0, last), line, last - text.rfind("\n", 0, last), last, last)
    removed = Span(close.file, close.line, 1, close.line + 1, 1, close_begin, close_end + 1)
    early = "one line early" if len(rows) == 1 else "early"
    statement = f"`{' '.join(first.split())}`" if len(rows) == 1 else f"line {line}, the file's last"
    help_text = (
        f"{title} was closed {early}: the lines below its `}}` (line {close.line}) are its own;"
        f" move that `}}` below {statement}"
    )
    return help_text, Fix("Move the cluster's `}` to the end of the file", (Edit(removed, ""), Edit(where, f"\n{shut}")))


#: A word of a group's body written below its `{ }`: a user ID or a pattern (`LNX*`).
_GROUP_BODY_WORD = re.compile(r"[A-Za-z0-9$#@_*%?+-]{1,8}")


def _body_below_braces(text: str, span: Span, close: Span, brace: int | None, kind: str) -> tuple[str, Fix] | None:
    """`member LAB2 { }`, then its statements on the lines below it (`workers 2`, the first
    at `span`): a block of `kind` whose `{` at `brace` and `}` at `close` stand together
    last on its opening line, nothing between, and the lines right below it, each alone,
    statements only a block of its kind takes (not the cluster): its body, written below
    its braces. The help (BLOCK for the block's title) and the fix that moves that `}`
    below the last of them, at the head's indentation (was "if `member LAB2` goes on, the
    `}` that closed it is one too many: remove it; else move `workers` inside its
    braces", no fix; h11, stop 70). None where any of that does not hold."""
    if brace is None or text[brace + 1 : close.start].strip():
        return None
    head_begin = text.rfind("\n", 0, brace) + 1
    head_end = text.find("\n", close.start)
    begin = text.rfind("\n", 0, span.start) + 1
    if head_end == -1 or head_end + 1 != begin or line_words(text[close.end : head_end]):
        return None
    last = None
    at = begin
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end == -1 else end
        words = line_words(text[at:end])
        first = words.split()[0].lower() if words.split() else ""
        homes = STATEMENT_HOMES.get(first, ())
        if kind == "group_decl" and not homes:
            # a group's body: user IDs (`TCPIP FTPSERVE`), no keyword first (h3, stop 71)
            homes = ("group_decl",) if all(_GROUP_BODY_WORD.fullmatch(w) for w in words.split()) else ()
        if not words.strip() or kind not in homes or "cluster" in homes or any(c in words for c in '{}"'):
            break
        last, at = (at, end), end + 1
    if last is None:
        return None
    head = text[head_begin:brace]
    indent = head[: len(head) - len(head.lstrip())]
    statement = " ".join(line_words(text[last[0] : last[1]]).split())
    line = text.count("\n", 0, last[0]) + 1
    opened = text[brace + 1 : close.end]  # ` }`: the blanks and the `}` after the `{`
    removed = Span(close.file, close.line, close.column - len(opened) + 1, close.line, close.end_column, brace + 1, close.end)
    column = last[1] - last[0] + 1
    inserted = Span(close.file, line, column, line, column, last[1], last[1])
    help_text = f"BLOCK's body is written below its `{{ }}`: move the `}}` below `{statement}` (line {line})"
    return help_text, Fix("Move the `}` below the block's body", (Edit(removed, ""), Edit(inserted, f"\n{indent}}}")))


def group_body_below(found: str, span: Span, title: str, close: Span, brace: int | None, text: str) -> tuple[Diagnostic, int] | None:
    """`identity group SYSTEM { }`, then its user IDs on the lines below it (`TCPIP`, the
    first word at `span`): the group's body, written below its braces (`_body_below_braces`,
    as `member LAB2 { }` with its settings below). Was "`TCPIP` is not a keyword; statements
    in a `cluster` block start with ...", no fix, and one error per line; now one, whose fix
    moves the `}` below the last line of names (h3, stop 71). The diagnostic and the end of
    that line, where the recovery reads on; None where it is not so."""
    emptied = _body_below_braces(text, span, close, brace, "group_decl")
    if emptied is None:
        return None
    help_text, fix = emptied
    end = fix.edits[-1].span.start
    return codes.UNKNOWN_KEYWORD(
        f"{found} is not a keyword; a statement must start with one",
        span,
        help=help_text.replace("BLOCK", title, 1),
        related=(Related(close, f"{title}'s `{{ }}`"),),
        fix=fix,
    ), end


def _moved_in(text: str, span: Span, close: Span, brace: int | None, word: str) -> tuple[str, int, Fix] | None:
    """The statement `word` starts at `span`, alone on the line just below the `}` at
    `close` (alone on its line) that closed the block whose `{` is at `brace`, which no
    statement of its body starts with `word`: its words, the `}`'s line, and the fix
    that moves it above that `}`, indented as the body's last line (or the `}` and two
    blanks); None where any of that does not hold. Its comment moves with it."""
    if brace is None:
        return None
    close_begin = text.rfind("\n", 0, close.start) + 1
    close_end = text.find("\n", close.start)
    begin = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.start)
    end = len(text) if end == -1 else end
    if close_end == -1 or close_end + 1 != begin or text[close_begin : close.start].strip():
        return None
    if line_words(text[close.end : close_end]) or text[begin : span.start].strip():
        return None
    words = line_words(text[span.start : end])
    if not words or any(c in words for c in '{}"'):
        return None
    body = text[brace + 1 : close_begin]
    if any(line_words(row).split()[:1] == [word.lower()] for row in body.lower().split("\n")):
        return None  # the block has its own: this one is no line of it
    rows = [row for row in body.split("\n") if row.strip()]
    last = rows[-1] if rows and close_begin > text.find("\n", brace) else None
    indent = last[: len(last) - len(last.lstrip())] if last is not None else text[close_begin : close.start] + "  "
    moved = indent + text[span.start : end].rstrip()
    line = close.line
    removed = Span(close.file, close.line, 1, span.line + 1, 1, close_begin, min(end + 1, len(text)))
    shut = text[close_begin:close_end]
    fix = Fix(f"Move `{word.lower()}` above the `}}`", (Edit(removed, f"{moved}\n{shut}" + ("\n" if end < len(text) else "")),))
    return " ".join(words.split()), line, fix


def selection_in_group(written: str, group: tuple[str, str] | None, span: Span, brace: Span) -> Diagnostic:
    """`single group LINUX { match LNX* exclude minidisk LNX* 0200-02FF }`: a job's
    selection in a group body (`written`, from its `include` or `exclude` on);
    `group`, the group's (kind, name) as its line writes them."""
    verb = written.split()[0].lower()
    where = f"into each job that backs up {group[1]}" if group else "into each job that backs up the group"
    if verb == "exclude" and (group is None or group[0] != "identity"):
        # A member block's excludes end its single-configuration jobs only, never an
        # IDENTITY job's copies (BKR414): no help to send an identity group's there.
        where += ", or into a `member` block for the single-configuration jobs pinned to that member"
    return codes.MISPLACED(
        f"`{verb}` cannot appear inside a `group` block: a group lists user IDs only",
        span,
        help=f"move `{written}` {where}; here its words would be read as user IDs",
        related=(
            Related(brace, f"`{group[0]} group {group[1]}` starts here" if group else "the group starts here"),
        ),
    )


def not_closed_before(
    word: str, blocks: list[tuple[Block, Span]], span: Span, starts_line: bool = True, source: Source | None = None
) -> Diagnostic:
    """`starts_line`: `word` starts its line; else the `}` goes before it on the line
    (`single group APPS { CICSPRD identity group X { T }`). `source`, the file's: the
    help's `}` as the diagnostic's one choice (`_close_before`), preferred."""
    inner, brace = blocks[-1]
    related = tuple(Related(where, f"{block.title} opened here") for block, where in reversed(blocks))

    def unclosed(help: str, **offered) -> Diagnostic:
        return codes.UNCLOSED(
            f"`{{` opened at {brace.line}:{brace.column} is not closed before `{word}`",
            span,
            label=f"{inner.title} should end before this",
            help=help,
            related=related,
            **offered,
        )

    twice = _opened_twice(source, brace, span) if starts_line else None
    if twice is not None:
        # `member LAB1 {` written twice, its first line empty (h3, stop 71): was "add `}` to
        # end `member LAB1` before this line", whose fix left an empty `member LAB1 { }`
        # and a second member of that name (BKR241, BKR322 ...)
        said = f"`{twice[0]}` is written twice, on lines {brace.line} and {span.line}: remove the first"
        return unclosed(said, fix=twice[1])
    choice = _close_before(source, inner.title, brace, span, starts_line)
    certain = (
        choice is not None
        and starts_line
        and _body_indented(source, brace, span.start, span.line)
        and len(_indent_of(source.line_text(span.line))) <= len(_indent_of(source.line_text(brace.line)))
    )
    return unclosed(
        f"add `}}` to end {inner.title} before {'this line' if starts_line else f'`{word}`'}",
        fix=choice if certain else None,
        choices=(choice,) if choice is not None and not certain else (),
        prefer_choice=choice is not None and not certain,
    )


def _opened_twice(source: Source | None, brace: Span, span: Span) -> tuple[str, Fix] | None:
    """(the opening, the fix removing its first line) where the line of the statement at
    `span` opens a block as the line of the `{` at `brace` does, word for word, that `{`
    last on its line but for a comment, and only blank or comment lines between: one
    block's opening written twice (a paste). None otherwise."""
    if source is None or not source.text or not brace.line < span.line <= source.line_count:
        return None
    first, second = source.line_text(brace.line), source.line_text(span.line)
    head = line_words(first)
    if not head.rstrip().endswith("{") or len(first) - len(first.lstrip()) + len(head.rstrip()) != brace.column:
        return None
    if " ".join(line_words(second).split()[: len(head.split())]) != " ".join(head.split()):
        return None
    if any(line_words(source.line_text(n)).strip() for n in range(brace.line + 1, span.line)):
        return None
    begin = brace.start - (brace.column - 1)
    end = source.text.find("\n", begin)
    end = len(source.text) if end == -1 else end
    comment = source.text.find("#", brace.end, end)
    if comment != -1:
        # `job SYSFU {  # the system`: the words removed, the comment kept on its line
        removed = source.span(begin + len(first) - len(first.lstrip()), comment)
        return " ".join(head.split()), Fix("Remove the first opening, keep the comment", (Edit(removed, ""),))
    removed = source.span(begin, min(end + 1, len(source.text)))
    return " ".join(head.split()), Fix("Remove the first opening line", (Edit(removed, ""),))


def _body_indented(source: Source, brace: Span, end: int, end_line: int) -> bool:
    """Whether the file itself says where the block whose `{` is at `brace` ends, so
    that BKR005's `}` is a `fix`, not the parser's guess: after the `{`, up to `end`
    (the statement that belongs outside, or the end of the file), no `{` or `}`
    outside comments and quotes (no block inside it closed, none opened: no `}` that
    may have been this block's), and every line from the `{`'s next up to `end_line`
    (not it) blank, a comment, or indented further than the `{`'s line: the lines
    written as the block's body are all its own, and the `}` goes after the last."""
    if source is None or not source.text or brace.line > source.line_count:
        return False
    # the first `{` or `}` outside quotes and comments, where a scan stops: the text
    # with those taken out (`_TEXT_OR_COMMENT`) was made of the whole rest of the file, at
    # each keystroke at the end of a file left open (BKR005: 4.6 ms at 10,000 users)
    if any(m.group() in "{}" for m in _BRACE_OR_TEXT_OR_COMMENT.finditer(source.text[brace.end : end])):
        return False
    indent = len(_indent_of(source.line_text(brace.line)))
    for n in range(brace.line + 1, min(end_line, source.line_count + 1)):
        line = source.line_text(n)
        if line.strip() and not line.lstrip().startswith("#") and len(_indent_of(line)) <= indent:
            return False
    return True


def _indent_of(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _close_before(source: Source | None, title: str, brace: Span, span: Span, starts_line: bool) -> Fix | None:
    """BKR005's `}` not closed before the statement at `span` (`not_closed_before`),
    which no `fix` writes (where the block ends is the parser's guess): *Insert `}` to
    end `job APPSFULL`*, on a line of its own, indented as the block's first line (the
    `{`'s, at `brace`), after the block's last line that is neither blank nor a comment
    lined up with the statement or further left: the comment lines just above the
    statement, no blank line between, are its own (`## Every member's system machines.`
    over the next job: its doc comment stays outside the block the `}` closes), and from
    the first blank line above them on, the lines follow the `}`; before the word when
    it does not start its line. None without the source. The lines are read from the
    source's line starts, those between the `{` and the statement only (a file with a
    `}` missing is read at every keystroke)."""
    if source is None or not source.text:
        return None
    insert = f"Insert `}}` to end {title}"
    if not starts_line:
        return Fix.replace(insert, before(span), "} ")
    if brace.line > source.line_count:
        return None
    indent = _indent_of(source.line_text(brace.line))
    first = own = span.line  # the statement's line; `own`, the first of its comment lines
    column = len(_indent_of(source.line_text(first)))
    while first - 1 > brace.line:
        line = source.line_text(first - 1)
        above = line.strip()
        if above and not (above.startswith("#") and len(_indent_of(line)) <= column):
            break
        first -= 1
        if own == first + 1 and above:
            own = first
    while first < own and source.line_text(first).strip():
        first += 1
    offset = source.line_start(first)
    return Fix.replace(insert, Span(span.file, first, 1, first, 1, offset, offset), f"{indent}}}\n")


#: BKR005's other place where the file ends before a `{` is closed (`never_closed`):
#: the language server knows that error by it (`features.closed_later`).
FILE_ENDS_HERE = "the file ends here"


def never_closed(blocks: list[tuple[Block, Span]], end: Span, source: Source | None = None) -> Diagnostic:
    """`source`, the file's: the help's `}` for each block, innermost first, after the
    file's last line that is not blank, as the diagnostic's one choice, not preferred:
    a block inside may be the one that lacks its `}`."""
    inner, brace = blocks[-1]
    related = [Related(end, FILE_ENDS_HERE)]
    related += [
        Related(where, f"{block.title} is not closed either") for block, where in reversed(blocks[:-1])
    ]
    choices = ()
    text = source.text if source is not None else ""
    if text and all(b.line <= source.line_count for _, b in blocks):
        closes = "".join(f"{_indent_of(source.line_text(b.line))}}}\n" for _, b in reversed(blocks))
        titles = [block.title for block, _ in reversed(blocks)]
        title = f"Insert `}}` to end {', '.join(titles[:-1])} and {titles[-1]}" if len(titles) > 1 else f"Insert `}}` to end {titles[0]}"
        written = len(text.rstrip())  # the end of the last line not blank
        last = source.position(written - 1)[0] if written else 1
        if last < source.line_count:  # after the last line not blank, where the next one starts
            offset = source.line_start(last + 1)
            at = Span(brace.file, last + 1, 1, last + 1, 1, offset, offset)
        else:  # the last line has no line end: at its end, a line end first
            column = len(source.line_text(last)) + 1
            at = Span(brace.file, last, column, last, column, len(text), len(text))
            closes = "\n" + closes.rstrip("\n")
        choices = (Fix.replace(title, at, closes),)
    certain = bool(choices) and _body_indented(source, brace, len(text), source.line_count + 1)
    help = "add `}` where the block ends; if a block inside it lacks its `}`, this block's `}` closed that one"
    if choices and not certain:
        why = _indentation_disagrees(source, [b for _, b in blocks])
        certain = why is None
        if why is not None:
            help += f"; no fix: {why}, so the indentation does not show where a block ends"
    return codes.UNCLOSED(
        f"`{{` opened at {brace.line}:{brace.column} is never closed",
        brace,
        label=f"{inner.title} starts here",
        help=help,
        related=tuple(related),
        fix=choices[0] if certain else None,
        choices=() if certain else choices,
    )


def _indentation_disagrees(source: Source, braces: list[Span]) -> str | None:
    """Why the file's indentation does not show where the blocks whose `{`s are at
    `braces` (outermost first, each never closed; none: the whole file, every block
    closed) end, or None where it does, so that
    BKR005's `}`s after the file's last line are a `fix`: from the outermost `{`'s line
    on, every line that is neither blank nor a comment is indented further than the line
    of the innermost `{` open there, but a line begun with `}`, indented as that `{`'s
    line (which it closes); a `}` later on a line closes a `{` of that line; and the
    `{`s left open at the end are those at `braces`. Lines are read one by one, quotes
    and comments taken out (`_BRACE_OR_TEXT_OR_COMMENT`, which does not cross a line)."""
    first = braces[0].line if braces else 1
    opened: list[tuple[int, int, int]] = []  # (line, its indentation, the `{`'s offset)
    for n in range(first, source.line_count + 1):
        line = source.line_text(n)
        code = line.strip()
        if not code or code.startswith("#"):
            continue
        indent = len(_indent_of(line))
        begin = source.line_start(n) + (braces[0].column - 1 if braces and n == first else 0)
        marks = [
            m for m in _BRACE_OR_TEXT_OR_COMMENT.finditer(line, begin - source.line_start(n)) if m.group() in "{}"
        ]
        if n != first:
            if code.startswith("}"):
                if not opened or indent != opened[-1][1]:
                    return f"the `}}` on line {n} does not line up with the line of a `{{` it would close"
            elif opened and indent <= opened[-1][1]:
                return f"line {n} is not indented inside the block opened on line {opened[-1][0]}"
        for m in marks:
            if m.group() == "{":
                opened.append((n, indent, source.line_start(n) + m.start()))
            elif not opened or (opened[-1][0] != n and m.start() != indent):
                return f"the `}}` on line {n} does not line up with the line of a `{{` it would close"
            else:
                opened.pop()
    if [o for _, _, o in opened] != [b.start for b in braces]:
        return "the `{`s left open are not those the parser read"
    return None


def words_before_brace(words: str, title: str, span: Span) -> Diagnostic:
    """`member VMSYS1 slot 1 {`: words between a block's name and its `{`."""
    return codes.SYNTAX(
        f"{shown(words)} cannot stand between `{title}` and its `{{`",
        span,
        help=f"write `{title} {{`, and what the block holds inside the braces (docs/language.md)",
    )


def slot_number(word: str) -> bool:
    """Whether `word` reads as an SSI slot number: 1 to 16 without a leading zero
    (SYSTEM CONFIG's `SSI` statement numbers its members `SLOT 1 VMSYS1`...)."""
    return word.isascii() and word.isdigit() and not word.startswith("0") and len(word) <= 2 and int(word) <= 16


def slot_before_member(slot: str, name: str, span: Span, removed: Span) -> Diagnostic:
    """`member 4 VMSYS4 {`: the member's SSI slot number before its name, as SYSTEM
    CONFIG's `SSI` statement writes `SLOT 4 VMSYS4`; `removed`, the number and the
    blanks after it, which the fix deletes."""
    return codes.SYNTAX(
        f"`{slot}` before `{name}` reads as the member's name: a member is named by its system identifier,"
        " not by its SSI slot number",
        span,
        help=f"write `member {name} {{`: bkrc needs no slot number (the `SSI` statement's `SLOT {slot} {name}`"
        " stays in SYSTEM CONFIG)",
        fix=Fix.replace(f"Remove `{slot}`", removed, ""),
    )


def members_in_one_block(names: list[str], body: str, span: Span, written: str | None = None) -> Diagnostic:
    """`member ZVMA ZVMB ZVMC { workers 4 }`: several members named in one block's
    head; `span`, the names after the first. Each member is a block of its own: the
    help writes one per name, with the body written (`...` where it is not on the
    line), never the first alone, which would drop the others without a word.
    `written`: the block's keyword as written where it is none (`members`,
    members_keyword), which the message says too."""
    def listed(words: list[str]) -> str:
        return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]

    blocks = [f"`member {name} {{ {body} }}`" for name in names]
    others = listed([f"`{n}`" for n in names[1:]])
    message = f"a `member` block declares one member: {others} after `member {names[0]}` cannot stand before its `{{`"
    if written is not None:
        message = (
            f"`{written}` is no keyword: a `member` block declares one member, and {others}"
            f" after `{names[0]}` cannot stand before its `{{`"
        )
    return codes.SYNTAX(
        message,
        span,
        help=f"write a block for each member, one below the other: {listed(blocks)}",
    )


def catalog_member_word(word: str, line: str, span: Span, keyword: bool, what: str = "catalog") -> Diagnostic:
    """`catalog shared server BKRSVSFS pool BKRPOOL member VMSYS1` (or `at VMSYS1`, `in
    VMSYS1`): the catalog's member named with `word` where its `on` is due; `line`, the
    statement as meant, with `on`. `keyword`: `word` is a keyword of the language
    (`member`, `at`: BKR004), else a word that is none (`in`: BKR012)."""
    make = codes.SYNTAX if keyword else codes.UNKNOWN_KEYWORD
    return make(
        f"the {what} names its member with `on`, not `{word}`",
        span,
        help=f"write `{line}`",
        fix=write_fix("on", span),
    )


def members_keyword(written: str, names: list[str], body: str, span: Span) -> Diagnostic:
    """`members VMSYS1 VMSYS2 {`: the block's keyword in the plural (`written`), the
    members (`names`) after it in its head. One error: the keyword is `member`, and a
    block declares one member, the help writing a block for each name (with its body,
    `...` where it is not on the line); where one member is named, the fix writes
    `member` (not "`member` followed by a name `s`", the lexer's reading)."""
    if len(names) == 1:
        return codes.UNKNOWN_KEYWORD(
            f"unknown keyword `{written}`; did you mean `member`?",
            span,
            help=f"write `member {names[0]} {{ {body} }}`: a `member` block declares one member",
            fix=write_fix("member", span),
            slip=Slip("misspelt", f"`{written}`", "member"),
        )
    return members_in_one_block(names, body, span, written)


def yaml_block(title: str, settings: list[str], span: Span, whole: Span, commented: bool) -> Diagnostic:
    """`member: DEV1` with `workers: 2` on the lines below: a block written as YAML.
    `span` is the head (`member: DEV1`), `whole` the head and every setting line."""
    kind, name = title.split()
    if settings:
        block = f"{title} {{ {'  '.join(settings)} }}"
        help = f"write `{block}`: a blank, not `:`, between a keyword and its value"
    else:
        block = f"{title} {{ ... }}"
        help = f"write `{block}`, the block's settings inside the braces (docs/language.md, {kind})"
    return codes.KEY_VALUE(
        f"`{kind}: {name}` is written as YAML: a block is its keyword and name,"
        " then its settings inside `{ }`",
        span,
        help=help,
        fix=Fix.replace(f"Write `{block}`", whole, block) if settings and not commented else None,
    )


def settings_without_braces(
    written: str,
    title: str,
    settings: str,
    span: Span,
    reads: bool = False,
    unknown: tuple[list[str], str, list[str]] | None = None,
) -> Diagnostic:
    """`member VMSYS1 workers=4`: settings as `key=value`, without the block's braces;
    where they `reads` as the block's body, the fix writes the block (`{ workers 4 }`).
    `unknown`: the keys no statement of the block starts with (`frob=M3PRV1`), where
    the block stands and the keywords its statements start with; the help names them
    and writes the block with `settings`, the others (none: no block is written), and
    there is no fix (what `frob` was meant to be is the writer's)."""
    form = "`key: value`" if ":" in written and "=" not in written else "`key=value`"
    body = f"{{ {settings} }}"
    message = (
        f"{shown(written)} is written as {form} after `{title}`: a block's settings go"
        " inside `{ }`, a blank between keyword and value"
    )
    if unknown is not None:
        keys, where, starts = unknown
        named = list(dict.fromkeys(f"`{k}`" for k in keys))
        what = (
            f"{named[0]} is no setting"
            if len(named) == 1
            else f"{', '.join(named[:-1])} and {named[-1]} are no settings"
        )
        listed = ", ".join(f"`{k}`" for k in starts)
        written_block = f"write `{title} {body}`; " if settings else ""
        return codes.KEY_VALUE(
            message, span, help=f"{written_block}{what} of {where}, whose statements start with {listed}"
        )
    return codes.KEY_VALUE(
        message,
        span,
        help=f"write `{title} {body}`",
        fix=Fix.replace(f"Write `{body}`", span, body) if reads else None,
    )


def backslash_path(written: str, meant: str, slashes: list[Span]) -> Diagnostic:
    """`import std\\zvm73`: a module path with backslashes (`slashes`, each one's span)."""
    return codes.BAD_CHARACTER(
        f"`\\` does not separate the parts of a module path: `{written}` is written `{meant}`",
        slashes[0],
        help=f"write `import {meant}`, with `/` as on every system",
        fix=Fix(f"Write `{meant}`", tuple(Edit(slash, "/") for slash in slashes)),
    )


def single_quoted_name(name: str, span: Span) -> Diagnostic:
    """`pool 'BKRPOOL'`: a name in single quotes."""
    return codes.STRING_QUOTES(
        f"names are written without quotes: `{name}`, not `'{name}'`",
        span,
        help="remove the quotes (only a `description` takes a quoted text, in double quotes)",
        fix=Fix.replace("Remove the quotes", span, name),
    )


def hex_constant_address(meant: str, written: str, span: Span) -> Diagnostic:
    """`include minidisk * X'0191'`: an address (`meant`, a range's `0100-01FF`) written
    as hexadecimal constants, as assembler and CP's `DEFINE` write one; `span` the
    whole `written`, from its first character to the last quote."""
    what = "a minidisk range" if "-" in meant else "a minidisk address"
    return codes.STRING_QUOTES(
        f"{what} is written without `X'...'`: `{meant}`, not `{written}`",
        span,
        help=f"write `{meant}`: an address is hexadecimal already, 1-4 hex digits",
        fix=Fix.replace(f"Write `{meant}`", span, meant),
    )


def body_without_braces(
    title: str,
    written: str,
    span: Span,
    what: str = "settings",
    sign: Span | None = None,
    mark: str = "",
    commas: Sequence[tuple[Span, str]] = (),
) -> Diagnostic:
    """`member VMSYS4 workers 2  private-volume M4PRV1`: a block's body on its line,
    without the braces around it (`what` it holds: a group's are its users). `sign`: a
    `:` or `=` between the block's name and the body (`single group GUESTS: LINUX01
    LINUX02`, `single group GUESTS = LINUX01 LINUX02`, its blanks before it), which the
    `{` takes the place of (was, for `:`, a help writing `GUESTS: {`, whose fix left the
    `:`, BKR014; for `=`, "the character `=` cannot appear here"); `mark`, the sign.
    `commas`: the `,`s between a group's users (`= LINUX01, LINUX02`, was the generic
    BKR003 for the `=`) and what the fix writes for each, as BKR015's removes them in a
    body with braces (`written`, the users without them)."""
    close = Edit(Span(span.file, span.end_line, span.end_column, span.end_line, span.end_column, span.end, span.end), " }")
    opening = Edit(before(span), "{ ") if sign is None else Edit(sign, " {")
    written_sign = "" if sign is None else f", a `{mark}` for the `{{`"
    if commas:
        written_sign += ", `,` between them"
    return codes.MISSING_OPEN(
        f"the {what} of `{title}` are written without braces{written_sign}: a block's body goes inside `{{ }}`"
        + (", its users separated by blanks" if commas else ""),
        span,
        help=f"write `{title} {{ {written} }}`",
        fix=Fix(
            f"Put the {what} in braces" + (", without the `,`" if commas else ""),
            (opening, *(Edit(r, blank) for r, blank in commas), close),
        ),
    )


def brackets_for_braces(title: str, char: str, inside: str, opened: Span, closed: Span) -> Diagnostic:
    """`member LAB2 ( workers 2 )`, `single group GUESTS [ LINUX01 LINUX02 ]`: a block's
    body (`inside`, its words) in round or square brackets (`char`, at `opened`; its
    closer at `closed`) where its braces go (Recovery.bracket_for_brace). The fix writes
    `{` and `}` for them."""
    closer = ")" if char == "(" else "]"
    return codes.MISSING_OPEN(
        f"the body of `{title}` is written in `{char} {closer}`: a block's body goes inside `{{ }}`",
        opened,
        label="`{` expected here",
        help=f"write `{title} {{ {inside} }}`",
        related=(Related(closed, f"`{closer}` for its `}}`"),),
        fix=Fix(f"Write `{{` and `}}` for `{char}` and `{closer}`", (Edit(opened, "{"), Edit(closed, "}"))),
    )


def bracket_for_close(char: str, title: str, span: Span) -> Diagnostic:
    """`job SYSFU {` ... `)`: a `)` or `]` (`char`) alone on its line where the innermost
    open block (`title`, in backquotes) may end (Recovery.bracket_for_close): its `}`,
    which the fix writes."""
    return codes.BAD_CHARACTER(
        f"`{char}` cannot appear here: {title} ends with `}}`",
        span,
        label="`}` expected here",
        help=f"write `}}` for `{char}`: a block's body goes inside `{{ }}`",
        fix=Fix.replace(f"Write `}}` for `{char}`", span, "}"),
    )


def brackets_for_braces_below(title: str, char: str, opened: Span, closed: Span | None, line: int) -> Diagnostic:
    """`job SYSFU (`, its body on the lines below: a block opened with a round or square
    bracket (`char`, at `opened`) last on its line (Recovery.bracket_for_brace_below).
    `closed`, the bracket that closes the body, alone at its line's end (`line`), where
    the first brace or bracket below is one: the fix writes `{` and `}` for the two;
    None where it is a `}` (line `line`): the fix writes the `{`."""
    closer = ")" if char == "(" else "]"
    if closed is None:
        return codes.MISSING_OPEN(
            f"`{title}` is opened with `{char}`: a block's body goes inside `{{ }}`",
            opened,
            label="`{` expected here",
            help=f"write `{title} {{`: its `}}` is on line {line}",
            fix=Fix(f"Write `{{` for `{char}`", (Edit(opened, "{"),)),
        )
    return codes.MISSING_OPEN(
        f"the body of `{title}` is written in `{char} {closer}`: a block's body goes inside `{{ }}`",
        opened,
        label="`{` expected here",
        help=f"write `{title} {{`, and `}}` for the `{closer}` on line {line}",
        related=(Related(closed, f"`{closer}` for its `}}`"),),
        fix=Fix(f"Write `{{` and `}}` for `{char}` and `{closer}`", (Edit(opened, "{"), Edit(closed, "}"))),
    )


def missing_open(
    title: str, found: str, span: Span, meant: str | None = None, *, line_ended: bool = False, text: str | None = None
) -> Diagnostic:
    """BKR011 after a block's name (`title`, in backquotes, or "the block"); `meant`, the
    block's first statement as meant where it was found written without its keyword's
    hyphen (`member M`, then `job suffix C`: `job-suffix C`) or spelt, its value missing
    (`job-suffix`, found as is: `job-suffix S`), which the help writes. `line_ended`:
    `found` starts a later line (`line_ended`), and the message says the line's end.
    A name written with a YAML `:` at its line's end (`job APPSFULL:`), `text` the
    file's: `_colon_for_brace`."""
    if text is not None and title.endswith(':`') and line_ended:
        return _colon_for_brace(title.strip("`")[:-1], text, span)
    help = "open the block with `{` after its name, and close it with `}`"
    fix = None
    if meant is not None:
        keyword = meant.split()[0]
        slip = f"give `{keyword}` its value" if found == f"`{keyword}`" else f"write `{keyword}` as one word, with its hyphen"
        help = f"open the block with `{{` after its name, and {slip}: `{title.strip('`')} {{ {meant} }}`"
    elif line_ended and text is not None and title.lower().startswith("`expire ") and (body := expire_body_below(text, span)):
        # `expire on VMSYS1`, then `retain 35 days` and the next cluster statement: the
        # block's `{` and its `}` both left out (was "open the block with `{` after its
        # name", which an expire block has none of, and no fix)
        head = title.strip("`")
        help = f"the block's `{{` and `}}` are left out: write `{head} {{`, and `}}` below its last statement, `{body[0]}`"
        fix = Fix("Write `{` and `}`", (Edit(after(span), " {"), body[1]))
    elif line_ended and text is not None and title.startswith("`") and _one_close_too_many(text):
        # `job LNXBFULL` over its body and `}`: the block's `}` is there, and the `{` at
        # the head's line end is the one reading (as for `job LNXBFULL:`, _colon_for_brace)
        head = title.strip("`")
        help = f"write `{head} {{`: its body and its `}}` follow"
        fix = Fix.replace("Write `{`", Span(span.file, span.end_line, span.end_column, span.end_line, span.end_column, span.end, span.end), " {")
    return codes.MISSING_OPEN(
        f"expected `{{` after {title}, found {_LINE_END if line_ended else found}",
        span,
        label="`{` expected after this",
        help=help,
        fix=fix,
        expected="`{`",
        found=_LINE_END if line_ended else found,
    )


#: The first words of an expire block's statements.
_EXPIRE_STATEMENTS = ("preview", "purge", "retain")


def expire_body_below(text: str, span: Span) -> tuple[str, Edit] | None:
    """The statements of an expire block written below its head (`expire on VMSYS1`,
    which ends at `span`), neither its `{` nor its `}` written: the lines right below
    it that each start with `preview`, `purge` or `retain`, and no brace, the file's
    braces even (none too many, which would be the block's `}`). Among them, indented
    further than the head, lines of no statement of the cluster block (`workers 2`, a
    member's, misplaced there; `keep 30 days`, `retain` in other words): the body's too,
    so the `}` goes below the last line of the body (was above them, the statements
    after them left outside the block, each BKR013). The last of those lines' words, and
    the edit that writes the block's `}` on a line below it, as far in as the head; None
    otherwise."""
    code = _TEXT_OR_COMMENT.sub("", text)
    if code.count("}") != code.count("{"):
        return None
    begin = text.rfind("\n", 0, span.start) + 1
    head = text[begin : span.start]
    indent = head[: len(head) - len(head.lstrip())]
    last = None
    start = text.find("\n", span.end) + 1
    while start:
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        words = line_words(text[start:end])
        if words and ("{" in words or "}" in words):
            break
        first = words.split()[0].lower() if words else ""
        if words and first not in _EXPIRE_STATEMENTS:
            line_indent = len(text[start:end]) - len(text[start:end].lstrip())
            if line_indent <= len(indent) or "cluster" in STATEMENT_HOMES.get(first, ()):
                # the cluster's next statement (or a word at the head's left); a statement of
                # the block below it (`catalog ...` between `preview` and `purge`): where the
                # `}` goes is not known
                if _expire_statement_below(text, end):
                    return None
                break
        if words:
            last = (words, end)
        start = end + 1 if end < len(text) else 0
    if last is not None and last[0].split()[0].lower() in STATEMENT_HOMES and last[0].split()[0].lower() not in _EXPIRE_STATEMENTS:
        return None  # the body ends with another block's statement: where its `}` goes is not known
    if last is None:
        return None
    at = last[1]
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at)
    return " ".join(last[0].split()), Edit(Span(span.file, line, column, line, column, at, at), f"\n{indent}}}")


def _expire_statement_below(text: str, end: int) -> bool:
    """Whether a line below offset `end`, before a line with a brace, starts with a
    statement of an expire block (expire_body_below)."""
    for line in text[end:].split("\n"):
        words = line_words(line)
        if "{" in words or "}" in words:
            return False
        if words and words.split()[0].lower() in _EXPIRE_STATEMENTS:
            return True
    return False


def _one_close_too_many(text: str) -> bool:
    """Whether the file has one `}` more than `{`s, texts and comments aside."""
    code = _TEXT_OR_COMMENT.sub("", text)
    return code.count("}") == code.count("{") + 1


#: A text, or a comment (a `#` that starts a word), whose braces are no blocks' (_colon_for_brace).
_TEXT_OR_COMMENT = re.compile(r'"(?:[^"\\\n]|\\.)*"?|(?:(?<=\s)|^)#[^\n]*', re.MULTILINE)
#: A `{` or `}` where `_TEXT_OR_COMMENT` finds neither quotes nor a comment (`_body_indented`).
_BRACE_OR_TEXT_OR_COMMENT = re.compile(r'"(?:[^"\\\n]|\\.)*"?|(?:(?<=\s)|^)#[^\n]*|[{}]', re.MULTILINE)
#: the same, for the parser (`recovery.semicolon_for_brace`)
BRACE_OR_TEXT_OR_COMMENT = _BRACE_OR_TEXT_OR_COMMENT


def semicolon_for_brace(title: str, span: Span) -> Diagnostic:
    """`member LAB1 { workers 2 ;`: the `;` at `span` typed for the `}` of `title`,
    opened on its line (`recovery.semicolon_for_brace` says when)."""
    return codes.UNCLOSED(
        f"`;` where the `}}` of {title} is due: the block opened on this line is never closed",
        span,
        label="`}` meant here?",
        help=f"write `}}` for the `;` to end {title}; the file has one `{{` more than `}}`",
        fix=Fix.replace("Write `}`", span, "}"),
    )


def _colon_for_brace(head: str, text: str, span: Span) -> Diagnostic:
    """BKR011 for `job APPSFULL:` at the end of its line, its body below: a block's head
    written as YAML writes one, with a `:` for its `{` (`span`, the name and its `:`).
    Where the file has one `}` more than `{`s (texts and comments aside), the body's
    `}` is there and the `{` is the one reading: the fix writes it for the `:`."""
    code = _TEXT_OR_COMMENT.sub("", text)
    colon = Span(span.file, span.end_line, span.end_column - 1, span.end_line, span.end_column, span.end - 1, span.end)
    closed = code.count("}") == code.count("{") + 1
    return codes.MISSING_OPEN(
        f"`{head}:` opens its block with a YAML `:`; a .bkr block opens with `{{`",
        span,
        label="`{` expected for the `:`",
        help=f"write `{head} {{`" + ("" if closed else ", and close the block with `}` after its last statement"),
        fix=Fix.replace("Write `{` for the `:`", colon, " {") if closed else None,
    )


#: A word that reads as a minidisk address or range rather than a user ID: hex
#: digits starting with a digit (`0191`, `191`, `0100-01FF`).
_ADDRESS_LIKE = re.compile(r"[0-9][0-9A-Fa-f]{0,3}(?:-[0-9A-Fa-f]{1,4})?")


def address_like(word: str) -> bool:
    """Whether `word` reads as a minidisk address or range (`0191`, `0100-0FFF`)."""
    return _ADDRESS_LIKE.fullmatch(word) is not None


#: A number with letters run on to it (`10cyl`, `35d`, `10M`).
_NUMBER_LETTERS = re.compile(r"([0-9]+)([A-Za-z]+)")
#: What `35d` may stand for in `retain 35d`.
_DAY_ABBREVIATIONS = frozenset({"d", "dy", "dys", "day"})


def unit_run_on(text: str, keyword: str, filler: str, span: Span) -> Diagnostic | None:
    """`size 10cyl`, `size 10M`, `retain 35d`, `logon-wait 5min`: a number with its
    unit written on to it, where the parser then misses the unit (`span`, the word
    `text`); None for anything else. Only a unit bkrc knows gets a fix: `10M` is no
    number of cylinders or blocks, nor `5h` of seconds or minutes, that a fix could know."""
    found = _NUMBER_LETTERS.fullmatch(text)
    if found is None:
        return None
    number, letters = found.groups()
    if keyword.lower() == "size" and filler == "NAME":
        if letters.lower() in DISK_UNIT_WORDS:
            meant = f"{number} {letters}"
            return codes.EXPECTED_NAME(
                f"`{text}` is a size and its unit run together; did you mean `size {meant}`?",
                span,
                help=f"write `size {meant}`: the unit is a word of its own",
                fix=write_fix(meant, span),
            )
        return codes.EXPECTED_NAME(
            f"`{text}` is not a size bkrc knows: a minidisk is sized in cylinders or blocks",
            span,
            help="write the size as the MDISK statement counts it: `size N cyl` for 3390 DASD"
            " (a 3390 cylinder holds about 0.85 MB), `size N blk` for FBA (512-byte blocks)",
        )
    if keyword.lower() in ("logon-wait", "pool-wait") and filler == "NAME":
        if letters.lower() in WAIT_UNIT_WORDS:
            meant = f"{number} {letters}"
            return codes.EXPECTED_NAME(
                f"`{text}` is a time and its unit run together; did you mean `{keyword.lower()} {meant}`?",
                span,
                help=f"write `{keyword.lower()} {meant}`: the unit is a word of its own",
                fix=write_fix(meant, span),
            )
        return codes.EXPECTED_NAME(
            f"`{text}` is not a time bkrc knows: a wait is in seconds or minutes",
            span,
            help=f"write `{keyword.lower()} N seconds` or `{keyword.lower()} N minutes`",
        )
    if keyword.lower() == "retain" and filler == "DAYS" and letters.lower() in _DAY_ABBREVIATIONS:
        meant = f"{number} days"
        return codes.SYNTAX(
            f"`{text}` is a number of days and its unit run together; did you mean `retain {meant}`?",
            span,
            help=f"write `retain {meant}`: `days` is a word of its own",
            fix=write_fix(meant, span),
        )
    return None


_DAYS_IN = {"week": 7, "weeks": 7}


def retain_unit(number: str, written: str, unit: str, span: Span, whole: Span) -> Diagnostic:
    """`retain 5 weeks`: the time kept counted in weeks, months, years or hours; `whole`
    is `5 weeks`, which the fix writes in days where that is certain (weeks, and hours
    that make whole days: `retain 1008 hours` is `retain 42 days`)."""
    per = _DAYS_IN.get(unit)
    singular = unit.rstrip("s")
    if singular in ("hour", "hr"):
        hours = int(number)
        if hours % 24 == 0:
            days = hours // 24
            return codes.SYNTAX(
                f"`retain` counts days, not hours: {number} {written} is `retain {days} days`",
                span,
                help=f"write `retain {days} days`",
                fix=write_fix(f"{days} days", whole),
            )
        fewer, more = hours // 24, hours // 24 + 1
        rest = f"{hours % 24} hour{'' if hours % 24 == 1 else 's'}"
        parts = f"{fewer} day{'' if fewer == 1 else 's'} and {rest}" if fewer else "less than a day"
        other = f", or `retain {fewer} days`" if fewer else ""
        return codes.SYNTAX(
            f"`retain` counts whole days, not hours: {number} {written} is {parts}",
            span,
            help=f"write `retain {more} days` to keep every backup at least {hours} hours{other}",
        )
    if per is not None:
        days = int(number) * per
        return codes.SYNTAX(
            f"`retain` counts days, not {singular}s: {number} {written} is `retain {days} days`",
            span,
            help=f"write `retain {days} days`",
            fix=write_fix(f"{days} days", whole),
        )
    return codes.SYNTAX(
        f"`retain` counts days, not {singular}s: write the time in days",
        span,
        help=f"write `retain N days`, N the days in {number} {written}"
        f" ({'a month is 28 to 31 days' if singular == 'month' else 'a year is 365 or 366 days'})",
    )


def retain_twice(number: str, second: str, span: Span) -> Diagnostic:
    """`retain 35 days 4 weeks`: a second time after the days of `retain`."""
    count, unit = second.split()
    per = 1 if unit.lower() in ("day", "days") else _DAYS_IN.get(unit.lower())
    both = (
        f"if the two add up, write `retain {int(number) + int(count) * per} days`"
        if per is not None
        else "if the two add up, write their sum in days"
    )
    return codes.SYNTAX(
        f"`retain` gives one number of days: `{second}` cannot follow `{number} days`",
        span,
        help=f"keep `retain {number} days`, or, {both}",
    )


#: English for every minidisk, written where `minidisk` takes its owner (`include minidisk all`).
_EVERYTHING_WORDS = frozenset({"all", "every", "everything", "any"})


def _everything(word: str, text: str = "") -> bool:
    """`all`, and `ALL` where the file `text` names no user so (`names_user`): a user
    ID is written as CP writes it, in capitals, but a file that declares no user ALL
    means every minidisk by it as well."""
    if word.lower() not in _EVERYTHING_WORDS:
        return False
    return not word.isupper() or (word == "ALL" and not names_user(text, word))


def names_user(text: str, word: str) -> bool:
    """Whether `text`, a file, has the ID `word` anywhere but as a minidisk selection's
    owner (`minidisk ALL`): perhaps the user of a group body or a `user` statement,
    where the parser cannot yet tell (a comment naming it, too, leaves it an ID)."""
    for m in re.finditer(rf"(?<![\w@#$*:.\-]){re.escape(word)}(?![\w@#$*:.\-])", text):
        if not re.search(r"minidisk\s+$", text[max(0, m.start() - 40) : m.start()], re.IGNORECASE):
            return True
    return False


def _selection_action(text: str, owner: int) -> str | None:
    """`include` or `exclude`, the word before `minidisk` on the line of the owner at
    offset `owner` of `text`, in small letters; None if it is neither."""
    start = text.rfind("\n", 0, owner) + 1
    words = text[start:owner].split()
    if len(words) < 2 or words[-1].lower() != "minidisk" or words[-2].lower() not in ("include", "exclude"):
        return None
    return words[-2].lower()


#: The ordinals of `monthly first sun 02:00`, and the day of the month each names alone
#: (`missing_value`: `monthly last 20:00`, its weekday left out).
_ORDINAL_DAYS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "last": "last-day"}


def _ordinal_day_choice(keyword: str, names: list[str], span: Span, text: str) -> tuple[Fix, ...]:
    """`monthly last 20:00` (`span`: the time; `text`: the file): the one day its help
    writes in full, the month's `last-day` (`1` for `first`, ...), a choice (the
    weekday meant is the other reading, which no fix can know), with the time on a
    24-hour clock where written otherwise (`monthly last 1am`); none for any other."""
    if keyword.lower() != "monthly" or len(names) != 2 or names[0].lower() not in _ORDINAL_DAYS or not text:
        return ()
    nth, time = names
    before = text[: span.start].rstrip(" \t")
    if not before.lower().endswith(nth.lower()) or span.start - len(before) < 1:
        return ()
    start = len(before) - len(nth)
    if start and not text[start - 1].isspace():
        return ()
    column = span.column - (span.start - start)
    day = _ORDINAL_DAYS[nth.lower()]
    clock = _clock_of(time)
    if clock is None:
        return ()
    if clock != time:  # `1am`: the day and the time written over both
        where = Span(span.file, span.line, column, span.end_line, span.end_column, start, span.end)
        return (Fix.replace(f"Write `monthly {day} {clock}`", where, f"{day} {clock}"),)
    where = Span(span.file, span.line, column, span.line, column + len(nth), start, start + len(nth))
    return (Fix.replace(f"Write `monthly {day} {time}`", where, day),)


def _statement_before(text: str, span: Span, keyword: str, names: list[str]) -> str:
    """The words of the statement before its schedule's `keyword` (`run on DEV1` for
    `run on DEV1 weekly 22:00`, `span` at the time, `names` the schedule's words up to
    it), from the start of the line: a help writes the statement whole. "" where the
    line does not read so (a statement over several lines)."""
    if not text:
        return ""
    line = text[text.rfind("\n", 0, span.start) + 1 : span.start].split("#")[0].split()
    at = next((i for i in range(len(line) - 1, -1, -1) if line[i].lower() == keyword.lower()), None)
    return "" if at is None or len(line) - at > len(names) else " ".join(line[:at])


def _weekday_choices(keyword: str, names: list[str], span: Span) -> tuple[Fix, ...]:
    """`weekly 22:00` (`span`: the time): the day left out, each day of the week a
    choice before the time (on a 24-hour clock where written otherwise, `weekly 10pm`):
    which day is the user's to say, so no fix; none for any other schedule."""
    if keyword.lower() != "weekly" or len(names) != 1:
        return ()
    clock = _clock_of(names[0])
    if clock is None:
        return ()
    return tuple(Fix.replace(f"Write `weekly {day} {clock}`", span, f"{day} {clock}") for day in _DAYS_LISTED)


def _month_day_choices(keyword: str, names: list[str], span: Span) -> tuple[Fix, ...]:
    """`monthly 22:00` (`span`: the time): the day of the month left out, the 1st and
    the month's last day each a choice before the time (on a 24-hour clock where
    written otherwise, `monthly 10pm`), as `day_left_out`'s help writes them: which
    day is the user's to say, so no fix; none for any other schedule."""
    if keyword.lower() != "monthly" or len(names) != 1:
        return ()
    clock = _clock_of(names[0])
    if clock is None:
        return ()
    return tuple(Fix.replace(f"Write `monthly {day} {clock}`", span, f"{day} {clock}") for day in ("1", "last-day"))


#: A schedule's day and its time written as one word (`sun01:00`, `last-day01:00`).
_DAY_GLUED_TO_TIME = re.compile(r"([A-Za-z]+(?:-[A-Za-z]+)?)([0-9]{1,2}:[0-9]{2})")


def _day_and_time_glued(keyword: str, names: list[str], span: Span, text: str) -> tuple[str, str, str, Fix] | None:
    """`weekly sun01:00`, `monthly last sun01:00`, `monthly last-day01:00`: the day and
    the time written as one word (`names[-1]`, at `span`), read as the day, so the time
    was missing (was "expected a time of day after `monthly last sun01:00`", the time
    right there, and a help that wrote it again). (message, help, label, fix): the fix
    writes the blank between them; None for any other word."""
    if not names or not text:
        return None
    word = names[-1]
    glued = _DAY_GLUED_TO_TIME.fullmatch(word)
    if glued is None or not looks_like_time(glued.group(2)) or text[span.start : span.start + len(word)] != word:
        return None
    day, time = glued.groups()
    key, before = keyword.lower(), [n.lower() for n in names[:-1]]
    weekday = looks_like_day(day) and (
        key == "weekly" and all(looks_like_day(n) for n in before)
        or key == "monthly" and len(before) == 1 and before[0] in _ORDINAL_DAYS
        or key in _ORDINAL_DAYS and not before
    )
    if not (weekday or day.lower() == "last-day" and key == "monthly" and not before):
        return None
    lead = _statement_before(text, span, keyword, names)
    days = ",".join([*names[:-1], day]) if key == "weekly" else " ".join([*names[:-1], day])
    meant = " ".join([*([lead] if lead else []), keyword, days, time])
    where = Span(span.file, span.line, span.column, span.line, span.column + len(word), span.start, span.start + len(word))
    return (
        f"{shown(word)} is a day and a time written as one word: the time was read as part of the day",
        f"write a blank between the day and the time: `{meant}`",
        "a blank expected in this",
        Fix.replace(f"Write `{day} {time}`", where, f"{day} {time}"),
    )


#: The days of the week as `weekly` takes them, in the order its helps list them.
_DAYS_LISTED = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


#: A time of day on a 12-hour clock, as one word (`1am`, `10:30pm`).
_TWELVE_HOUR = re.compile(r"(?i)(?:[1-9]|1[0-2])(?::[0-5]\d)?[ap]\.?m\.?")


def twelve_hour_time(word: str) -> str | None:
    """`word` as HH:MM where it is a time on a 12-hour clock (`10pm`: `22:00`), else None."""
    return phrase_time(word) if _TWELVE_HOUR.fullmatch(word) else None


def day_left_out_retention(
    keyword: str, names: list[str], lead: str, written: str, days: int, time: Span, retention: Span, text: str
) -> Diagnostic | None:
    """`run on DEV1 weekly 22:00 retain 5 days`: a schedule's day left out before its
    time (`names`, the time last, at `time`; `day_left_out`), and after it a retention
    (`written`, at `retention` with the blanks before it), which a job does not keep
    (`_retention_elsewhere`). One error for both; its choices write the day
    (`_weekday_choices`, `_ordinal_day_choice`) and remove the retention, which the
    help says goes in the expire block. None where the day is not what is missing."""
    left_out = day_left_out(keyword, names, lead)
    if left_out is None:
        return None
    message, help, label = left_out
    said, then = _retention_elsewhere("run", days)
    days_written = (
        _ordinal_day_choice(keyword, names, time, text)
        or _weekday_choices(keyword, names, time)
        or _month_day_choices(keyword, names, time)
    )
    return codes.EXPECTED_NAME(
        f"{message}, and `{written}` after it is not part of `run`: {said.split(':')[0]}",
        time,
        label=label,
        help=f"{help}; {then}",
        choices=tuple(
            Fix(f"{c.title}, and remove `{written}`", (*c.edits, Edit(retention, ""))) for c in days_written
        ),
    )


def _clock_of(word: str) -> str | None:
    """`word` as a schedule's time: itself where written HH:MM, `01:00` for `1am`, else None."""
    if looks_like_time(word):
        return word
    return phrase_time(word) if _TWELVE_HOUR.fullmatch(word) else None


def day_left_out(keyword: str, names: list[str], lead: str = "") -> tuple[str, str, str] | None:
    """(message, help, label) where a schedule's day was left out before its time, so
    the time was read as the day: `weekly 02:00`, `monthly 02:00`, `monthly last
    20:00` (`keyword` and the names after it), the time also on a 12-hour clock
    (`weekly 10pm`, which the help writes `22:00`). The help writes DAY, not `sun`: a
    day nobody wrote. None for any other schedule. missing_value says it where the
    parse wants the time still; check.values where a word after it was read as the
    time (`weekly 03:00 retain`, BKR314). `lead`: the statement's words before the
    schedule (`run on DEV1`, `purge`), which the help writes before it where known."""
    clock = _clock_of(names[-1]) if names else None
    lead = f"{lead} " if lead else ""
    said = "" if clock is None or clock == names[-1] else f"; `{names[-1]}` is `{clock}` on a 24-hour clock"
    if keyword.lower() == "weekly" and len(names) == 1 and clock is not None:
        return (
            f"`weekly` needs a day of the week before the time `{names[0]}`",
            f"write `{lead}weekly DAY {clock}` (days: sun mon tue wed thu fri sat){said}",
            "a day of the week expected before this",
        )
    if keyword.lower() == "monthly" and len(names) == 1 and clock is not None:
        # `monthly 02:00`: the day of the month left out, so the time was read as the day.
        return (
            f"`monthly` needs a day of the month before the time `{names[0]}`",
            (f"write the day, from 1 to 31, before the time: `{lead}monthly 1 {clock}` runs on the 1st,"
            f" `{lead}monthly last-day {clock}` on each month's last day{said}"),
            "a day of the month expected before this",
        )
    if keyword.lower() == "monthly" and len(names) == 2 and names[0].lower() in _ORDINAL_DAYS and clock is not None:
        # `monthly last 20:00`: the weekday left out, so the time was read as the day (was
        # "expected a time of day after `monthly last 20:00`", the time right there).
        nth, time = names[0].lower(), names[1]
        return (
            f"`monthly {nth}` needs a day of the week before the time `{time}`",
            (
                f"write `{lead}monthly {nth} DAY {clock}` (days: sun mon tue wed thu fri sat), or `monthly"
                f" {_ORDINAL_DAYS[nth]} {clock}` for the month's {'last day' if nth == 'last' else f'{nth} day'}{said}"
            ),
            "a day of the week expected before this",
        )
    return None


def missing_value(
    keyword: str,
    names: list[str],
    found: str,
    span: Span,
    written: str | None = None,
    listed: str | None = None,
    *,
    line_ended: bool = False,
    text: str = "",
    members: Sequence[str] = (),
) -> Diagnostic:
    """`expected a member name after `on`, found `}``, with the special cases users hit.
    `written`: the names as the text writes them (`sun,mon`, `list_written`), where
    they are a list; after a `,` (`keyword` is `,`, no name after it), the list's
    names, `,` last (`sun,`), and `listed` the list's keyword (`weekly`), which says
    what the name missing is (`LIST_ITEMS`). `line_ended`: `found` starts a later line
    (`line_ended`), and the message says the line's end. `text`: the file, whose
    words say what a minidisk selection's owner `ALL` is (`_everything`), and where an
    `on` is a job's `run on` (`_run_placement`). `members`: the file's members read so
    far, which the help of a job's `run on` with no member after it names
    (`run_members_left_out` says more where the job's users are known)."""
    found = _LINE_END if line_ended else found
    fix = None
    expected = None  # what the message says is expected after the word, where it says so (a list's `,`, the last branch)
    ends = None  # `found`, where the message ends with it (`Diagnostic.found`)
    need = follower(keyword, len(names))
    if keyword == ",":
        # the `,` branch below quotes the list itself
        written = f"{listed} {written}" if listed is not None and written is not None else None
    elif written is not None and names:
        written = shown(f"{keyword} {written}")
    else:
        written = shown(" ".join([keyword] + [n for n in names if n]))
    label = f"{need} expected after this"
    left_out = day_left_out(keyword, names, _statement_before(text, span, keyword, names))
    choices: tuple[Fix, ...] = ()
    glued = None if left_out is not None else _day_and_time_glued(keyword, names, span, text)
    if left_out is not None:
        message, help_text, label = left_out
        choices = (
            _ordinal_day_choice(keyword, names, span, text)
            or _weekday_choices(keyword, names, span)
            or _month_day_choices(keyword, names, span)
        )
    elif glued is not None:
        message, help_text, label, fix = glued
    elif keyword.lower() == "minidisk" and len(names) == 1 and _ADDRESS_LIKE.fullmatch(names[0]):
        # `exclude minidisk 0192`: the address, written without the owner before it.
        message = f"`minidisk` takes an owner, then addresses: `{names[0]}` was read as the owner"
        help_text = f"write the owner first, `*` for every owner: `minidisk * {names[0]}`"
        label = "read as the owner"
    elif keyword.lower() == "minidisk" and len(names) == 1 and _everything(names[0], text):
        # `include minidisk all` (`ALL`, no user so named): every minidisk of every owner, in English.
        message = f"`minidisk` takes an owner, then addresses: `{names[0]}` was read as the owner"
        action = _selection_action(text, span.start) if text else None
        help_text = (
            f"write `{action + ' ' if action else ''}minidisk * *` for every minidisk of every owner:"
            " `*` for the owner, then `*` for the addresses"
        )
        if action == "include":
            fix = Fix("Write `* *`", (Edit(span, "* *"),))
        elif action == "exclude":
            # every minidisk left out leaves the job nothing to back up: no fix writes it
            help_text = (
                "write the owner, then the addresses to leave out, `*` for every owner:"
                " `exclude minidisk * 0190` leaves every owner's 0190 out (`exclude minidisk * *`"
                " would leave the job nothing to back up)"
            )
        label = "read as the owner"
    elif keyword == "," and listed is not None and listed.lower() == "weekly" and written is not None:
        # `weekly sun,` then the next statement: a day missing after the `,`, and the
        # time missing either way (a name there would have been read as the day).
        need = LIST_ITEMS["weekly"]
        label = f"{need} expected after this"
        message = f"expected {need} after {shown(written)}, found {found}"
        expected, ends = need, found
        help_text = (
            f"write the day after the `,`, then the time: `{written}{' ' if ', ' in written else ''}DAY HH:MM`;"
            f" or remove the `,` and write the time: `{written[:-1]} HH:MM`"
        )
    elif keyword == ",":
        need = LIST_ITEMS.get(listed.lower(), need) if listed is not None else need
        label = f"{need} expected after this"
        after = shown(written) if written is not None else "`,`"
        message = f"expected {need} after {after}, found {found}"
        expected, ends = need, found
        help_text = f"remove the trailing `,`, or add the {need.removeprefix('another ')} that should follow it"
    else:
        message = f"expected {need} after {written}, found {found}"
        help_text = f"write {need} after {written}"
        expected, ends = need, found
        unfinished = schedule_left_unfinished(keyword.lower(), names)
        if unfinished is not None:
            message, help_text = unfinished[0] or message, unfinished[1]
            expected = None if unfinished[0] else need
            ends = None if unfinished[0] else found
        elif need == FOLLOWERS[("daily", None)] and text:
            # `run on DEV1 weekly saturday`: the statement whole, with the file's names
            # and HH:MM (was "write a time of day (HH:MM) after `weekly saturday`" alone)
            lead = _statement_before(text, span, keyword, names)
            if not names and text[span.start : span.end].lower() == keyword.lower():
                lead = " ".join(text[text.rfind("\n", 0, span.start) + 1 : span.start].split("#")[0].split())
            if lead and not set(lead) & set("{};"):  # the statement alone on its line
                help_text += f": `{lead} {written.strip('`')} HH:MM`, on a 24-hour clock"
        elif keyword.lower() == "pool" and not names and text:
            help_text = pool_named_elsewhere(text, span) or help_text
        elif keyword.lower() == "on" and not names and text and _disk_placement(text, span.start):
            # `disk BKRSVSFS 191 size 20 cyl on`: a volume goes there, not a member
            need = expected = FOLLOWERS[("private-volume", None)]
            label = f"{need} expected after this"
            message = f"expected {need} after {written}, found {found}"
            help_text = volume_after_on(text)
        elif keyword.lower() == "on" and not names and members and text and _run_placement(text, span.start):
            # `run on`, then the job's `}`: the file's members, or each member (was "write a
            # member name after `on`", the names the file has not said)
            named = one_of([f"`{m}`" for m in members[:4]] + ["..."] * (len(members) > 4))
            help_text = (
                f"write the member it runs on after `on`, {named} (single-configuration users),"
                " or `each member` (IDENTITY users)"
            )
    return codes.EXPECTED_NAME(
        message, span, label=label, help=help_text, fix=fix, choices=choices, expected=expected, found=ends
    )


#: A `disk` statement's first word, where its line starts (its `on` names a volume).
_DISK_STATEMENT = re.compile(r"(?i)\A[ \t]*disk(?:[ \t]|\Z)")
#: The labels a `shared-volume` or `private-volume` statement declares, to its line's
#: end or the block's `}`.
_VOLUME_LIST = re.compile(r"(?im)(?:^|[\s{])(shared|private)-volume[ \t]+([^#}\n]*)")


def _disk_placement(text: str, at: int) -> bool:
    """Whether the `on` at `at` is a `disk` statement's (`disk BKRBKUP 191 size 10 cyl
    on`), whose value is a volume label: the line it stands on starts with `disk`, or,
    `on` first on its line, the line above (`bkrc fmt` breaks none, but a user may)."""
    begin = text.rfind("\n", 0, at) + 1
    before = text[begin:at]
    if not line_words(before) and begin:
        above = text.rfind("\n", 0, begin - 1) + 1
        before = text[above : begin - 1]
    return _DISK_STATEMENT.match(before) is not None


#: A job's `run` right before the `on` a line holds (`  run on`, `job J { run on`).
_RUN_BEFORE_ON = re.compile(r"(?i)(?:\A|[\s{])run[ \t]+\Z")


def _run_placement(text: str, at: int) -> bool:
    """Whether the `on` at `at` is a job's `run on`: `run` right before it on its line."""
    return _RUN_BEFORE_ON.search(text[text.rfind("\n", 0, at) + 1 : at]) is not None


def volume_after_on(text: str) -> str:
    """The help for a `disk` statement's `on` with no volume after it: the file's own
    volumes, shared first, each kind for the machines it takes (a single-configuration
    machine's disk on a private volume, an IDENTITY's on a shared one, is BKR244), or,
    where it declares none, where they are declared; or `on` removed, bkrc then
    placing the disk itself."""
    shared: list[str] = []
    private: list[str] = []
    for found in _VOLUME_LIST.finditer(text):
        for word in found.group(2).split():
            label = word.upper()
            if looks_like_volume_label(word) and word.lower() not in lexicon.KEYWORDS and label not in shared + private:
                (shared if found.group(1).lower() == "shared" else private).append(label)
    named = [f"a shared volume ({_listed_names(shared)}) for a single-configuration machine"] if shared else []
    named += [f"a member's private volume ({_listed_names(private)}) for an IDENTITY"] if private else []
    if not named:
        return (
            "write a volume label after `on`, one `shared-volume` in the cluster or `private-volume`"
            " in a member block declares; or remove `on`: bkrc then places the disk"
        )
    return f"write a volume label after `on`: {' or '.join(named)}; or remove `on`: bkrc then places the disk"


def _listed_names(names: list[str], most: int = 3) -> str:
    """`A`, `B`, `C`...: the first `most` names quoted, `...` after them where there are more."""
    shown_names = ", ".join(f"`{n}`" for n in names[:most])
    return shown_names + ("..." if len(names) > most else "")


#: A job's destination with its pool (`to disk pool BKUPPOOL`), first on its line.
_DESTINATION_POOL = re.compile(r"(?im)^[ \t]*to[ \t]+(disk|tape)[ \t]+pool[ \t]+([A-Za-z0-9$@_][A-Za-z0-9$#@_+\-:.]*)")
#: A job's destination whose pool's name is not written (`to disk pool`), to its `pool`.
_DESTINATION_POOL_LEFT = re.compile(r"(?i)(?:^|[\s{])to[ \t]+(disk|tape)[ \t]+pool[ \t]*\Z")


def pool_named_elsewhere(text: str, span: Span) -> str | None:
    """`to disk pool` with no name (missing_value): the help for the one pool of that
    medium the file's other jobs name (`to disk pool BKUPPOOL`), or None where they
    name none, or several (no pool made up)."""
    begin = text.rfind("\n", 0, span.start) + 1
    # the span is the `pool` the name is missing after, or what was found after it
    written = (text[begin : span.end], text[begin : span.start])
    left = next((m for w in written if (m := _DESTINATION_POOL_LEFT.search(line_words(w))) is not None), None)
    if left is None:
        return None
    medium = left.group(1).lower()
    pools = {found.group(2).upper() for found in _DESTINATION_POOL.finditer(text) if found.group(1).lower() == medium}
    if len(pools) != 1:
        return None
    pool = pools.pop()
    return f"write the pool's name after `pool`: `to {medium} pool {pool}`, as the file's other jobs, or `to {medium}` to name none"


def one_member_of(
    listed: Sequence[str], kind: str | None, home: str | None, whole: Span | None, blank: str = ""
) -> tuple[str, Fix | None, tuple[Fix, ...]] | None:
    """A job's `run on` list of several members (`listed`, at `whole`) in a job of
    single-configuration users (`kind`, `home`: `job_home`'s), which runs on one member
    (on several, BKR220): the help, and the fix that writes `home` over the list where
    it is listed, else each member listed a choice; each followed by `blank`. None for
    any other list."""
    upper = [name.upper() for name in listed]
    if kind != "single" or len(set(upper)) < 2 or whole is None:
        return None
    help = (
        f"a job of single-configuration users runs on one member: write"
        f" {one_of([f'`run on {n}`' for n in dict.fromkeys(listed)])}"  # each once: `VMSYS1 VMSYS2 VMSYS1`
        " (on each it would copy the same data on each, BKR220)"
    )
    if home is not None and home.upper() in upper:
        help += f"; the other jobs of its users run on {home}"
        return help, Fix.replace(f"Write `{home}`", whole, home + blank), ()
    return help, None, tuple(Fix.replace(f"Write `{n}`", whole, n + blank) for n in dict.fromkeys(listed))


def run_written_on_one(
    diag: Diagnostic,
    listed: Sequence[str],
    kind: str | None,
    home: str | None,
    said: Sequence[str] = (),
    meant: str | None = None,
) -> Diagnostic:
    """`diag`, an error whose fix writes a job's `run` statement with the members
    `listed` and the `,`s left out between them (`run daily 02:00 on VMSYS1 VMSYS2`,
    `daily 02:00 run on VMSYS1 VMSYS2`), for a job of single-configuration users
    (`kind`, `home`: `job_home`'s), which runs on one member (the `,`s would give
    BKR220): the help writes the statement on each member listed, and the fix writes
    it on `home` where it is listed, else each is a choice. `said`: what else the
    line's mend writes another way, which the help says on a line of its own (`the
    time follows without `at``, the days one by one, a word too many left out). `meant`:
    the line its help writes where it has no fix, the time not written (`run on VMSYS1,
    VMSYS2 weekly mon,tue,wed,thu,fri HH:MM`): the help writes it on each member, no
    mend. `diag` as it was for any other job, or where it has no fix and no `meant`."""
    names = list({name.upper(): name for name in reversed(listed)}.values())[::-1]  # each once, in any case
    if kind != "single" or len(names) < 2:
        return diag
    if diag.fix is None and meant is not None and meant.endswith(" HH:MM") and ", ".join(listed) in meant:
        # `weekly mon-fri run on VMSYS1 VMSYS2`: the time not written, the help alone
        shown = [meant.replace(", ".join(listed), name, 1) for name in names]
        help = (
            f"a job of single-configuration users runs on one member: write {one_of([f'`{line}`' for line in shown])}"
            " (on each it would copy the same data on each, BKR220)"
        )
        if home is not None and home.upper() in (name.upper() for name in names):
            help += f"; the other jobs of its users run on {home}"
        return replace(diag, help=help + f"\n{'; '.join(['the time of day is missing', *said])}", choices=())
    if diag.fix is None or len(diag.fix.edits) != 1:
        return diag
    (edit,) = diag.fix.edits
    meant, joined = edit.new_text, ", ".join(listed)
    if joined not in meant:
        return diag
    lines = {name: meant.replace(joined, name, 1) for name in names}
    shown = [line if line.startswith("run ") else f"run {line}" for line in lines.values()]
    help = (
        f"a job of single-configuration users runs on one member: write {one_of([f'`{line}`' for line in shown])}"
        " (on each it would copy the same data on each, BKR220)"
    )
    notes = f"\n{'; '.join(said)}" if said else ""  # a line of its own: the first is long
    keep = next((name for name in names if home is not None and name.upper() == home.upper()), None)
    if keep is not None:
        help += f"; the other jobs of its users run on {home}{notes}"
        return replace(diag, help=help, fix=write_fix(lines[keep], edit.span), choices=())
    return replace(
        diag, help=help + notes, fix=None, choices=tuple(write_fix(line, edit.span) for line in lines.values())
    )


def comma_removed(
    diag: Diagnostic,
    remove: Span,
    listed: Sequence[str] = (),
    members: Sequence[str] = (),
    kind: str | None = None,
    home: str | None = None,
    whole: Span | None = None,
    glued: bool = False,
) -> Diagnostic:
    """`missing_value`'s error for a list's `,` with no name after it (`run on VMSYS1,
    daily 02:00`), with the fix that deletes `remove`, the `,` (and the blanks before
    it on its line): where the statement reads whole without it (both parsers tell).
    For a job's `run on` (`listed`, its names; `members`, the file's; `kind`, `home`:
    `job_home`'s), where the list without the `,` would not check: a job of IDENTITY
    users runs on every member (on some, BKR221), so the fix writes the members not
    listed after the `,`; one of single-configuration users on one member (on several,
    BKR220), so the fix writes `home` over the list (`whole`, its names and `,`), else
    each member listed is a choice. `glued`: the next word follows the `,` with no
    blank, which what the fix writes then needs."""
    blank = " " if glued else ""
    upper = [name.upper() for name in listed]
    missing = [m for m in members if m.upper() not in upper]
    if kind == "identity" and listed and missing and len(set(upper)) == len(upper) and set(upper) <= {m.upper() for m in members}:
        meant = ", ".join([*listed, *missing])
        help = (
            f"a job of IDENTITY users runs on every member (on some, BKR221): write the other"
            f" {'members' if len(missing) > 1 else 'member'} after the `,`: `run on {meant}`, or `run on each member`"
        )
        return replace(diag, help=help, fix=Fix.replace(f"Write `{meant}`", remove, ", " + ", ".join(missing) + blank))
    one = one_member_of(listed, kind, home, whole, blank)
    if one is not None:
        return replace(diag, help=one[0], fix=one[1], choices=one[2])
    if listed and kind is not None:
        # the list whole without the `,`: the help writes it
        return replace(
            diag,
            help=f"remove the trailing `,`: `run on {', '.join(listed)}`",
            fix=Fix.replace("Remove the `,`", remove, blank),
        )
    return replace(diag, fix=remove_fix("the `,`", remove))


def days_written_as_one(word: str) -> tuple[str, ...] | None:
    """`_days_written_as_one`, for the recovery: the days a word (`mon-fri`) names."""
    return _days_written_as_one(word)


def days_range_spaced(
    written: str,
    listed: str,
    days: str,
    time: str | None,
    span: Span,
    weekly: bool,
    of: str = "",
    code=None,
    whole: Span | None = None,
    word: str | None = None,
    line: str | None = None,
) -> Diagnostic:
    """`weekly mon - fri 22:00`: a range of days (`written`, as written) with blanks
    around its `-`, which `weekly` does not take: the days one by one (`listed`; `days`,
    with any named before it), the fix writing them over the range where the
    time is written (`weekly`: the schedule's keyword written; without it, `run on
    VMSYS1 mon - fri 22:00`, as `mon-fri 22:00` is, BKR012, its fix writing `weekly`
    and the days over `whole`, the range and its time). Without the time,
    the help writes HH:MM and the error says it is missing, no fix. `of`: the
    statement's keyword before `weekly` where it is a purge's or a preview's. `code`,
    the checker's own for the time missing (`weekly mon- fri`, which parses: BKR314).
    `word`, written where the time goes (`weekly mon- fri now`), and `line`, the line
    the help writes, the days one by one and HH:MM for the time."""
    meant = f"{of}weekly {days} {time or 'HH:MM'}"
    if not weekly:
        return codes.UNKNOWN_KEYWORD(
            days_without_weekly(shown(written)),
            span,
            help=f"write `{meant}`" + ("" if time else " (the time of day is missing)")
            + ": `weekly` takes each day by name, the days separated by commas",
            fix=write_fix(f"weekly {days} {time}", whole) if time and whole else None,
        )
    said = f"{shown(written)} is not a day of the week: `weekly` takes each day by name"
    if time is None and word is not None and line is not None:
        # `weekly mon- fri now`: a word where the time goes, none written; the line with
        # HH:MM, no fix (was "`now` has no keyword before it", its help writing `backup now`)
        return codes.SYNTAX(
            f"{said}, and {shown(word)} is not a time of day",
            span,
            help=f"write `{line}`: the days separated by commas, then the time of day on a 24-hour clock",
        )
    if time is None:  # as `weekly mon-fri` (schedule_left_unfinished)
        return (code or codes.EXPECTED_NAME)(
            f"{said}, and the time of day (HH:MM) is missing after it",
            span,
            help=f"write `{meant}`, the days separated by commas",
        )
    return codes.SYNTAX(  # as `weekly mon-fri 22:00`, BKR314 (bkrdsl.check.values)
        said,
        span,
        help=f"write `{meant}`, the days separated by commas",
        fix=Fix.replace(f"Write `{listed}`", span, listed),
    )


def days_range_typographic(dash: str, line: str, span: Span, fixed: tuple[Span, str] | None) -> Diagnostic:
    """`weekly mon – fri 22:00`: a range of days after `weekly` whose dash is a
    typographic one, at `span`; `line`, the line with the days one by one (HH:MM where
    the time is not written); `fixed`, the range and the days the fix writes over it,
    None without the time."""
    missing = " (the time of day is missing)" if fixed is None else ""
    return codes.BAD_CHARACTER(
        f"the dash U+{ord(dash):04X} cannot appear here, and `weekly` takes no range of days: it takes each day by name",
        span,
        help=f"write `{line}`{missing}, the days separated by commas; typographic dashes come from text pasted"
        " out of a word processor or a web page",
        fix=None if fixed is None else Fix.replace(f"Write `{fixed[1]}`", *fixed),
    )


def _days_written_as_one(word: str) -> tuple[str, ...] | None:
    """The days a word names that `weekly` takes one by one: `weekdays`, `weekend`, a
    range (`mon-fri`, `fri-mon` past Sunday), days joined by `+` (`sat+sun`); None for
    one day or no day."""
    days = phrase_day(word)
    if len(days) > 1:
        return days
    joined = word.lower().split("+")  # `sat+sun`
    if len(joined) > 1 and all(looks_like_day(d) for d in joined):
        return tuple(d[:3] for d in joined)
    first, dash, last = word.lower().partition("-")
    ends = phrase_day(first), phrase_day(last)
    if not dash or len(ends[0]) != 1 or len(ends[1]) != 1 or ends[0] == ends[1]:
        return None
    start, end = _WEEK.index(ends[0][0]), _WEEK.index(ends[1][0])
    return tuple(_WEEK[(start + k) % 7] for k in range((end - start) % 7 + 1))


#: The Nth weekday of the month written as one word (`first-sunday`, `last_sat`,
#: `1st-sun`, `LastFriday`), where `monthly first sun` writes two.
_NTH_WEEKDAY_AS_ONE = re.compile(r"(first|second|third|fourth|last|1st|2nd|3rd|4th)[-_]?([a-z]+)", re.IGNORECASE)
_ORDINAL_WORDS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}
_WEEKDAY_NAMES = {
    "mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday", "sat": "Saturday",
    "sun": "Sunday",
}
#: What BKR314 (check/values) and the parser's error without the time say of it.
NTH_WEEKDAY_AS_TWO = "the Nth weekday of the month is written as two words"


def nth_weekday_as_one(word: str) -> tuple[str, str] | None:
    """`first-sunday`, `last_sat`, `1st-sun`, `LastFriday`: the Nth weekday of the month
    as one word, as `monthly` writes it (`first sun`) and as English names it (`first
    Sunday`); None for any other word (`lastday`: `last-day`, the month's last day)."""
    joined = _NTH_WEEKDAY_AS_ONE.fullmatch(word)
    if joined is None or not looks_like_day(joined.group(2)):
        return None
    nth = _ORDINAL_WORDS.get(joined.group(1).lower(), joined.group(1).lower())
    day = joined.group(2).lower()[:3]
    return f"{nth} {day}", f"{nth} {_WEEKDAY_NAMES[day]}"


#: The month's last day as other schedulers write it, where .bkr writes `last-day`:
#: cron's and Quartz's `L` (its day-of-month field), `eom` (end of month), `end`;
#: each with what a help says of it ("" where the message says enough).
LAST_DAY_ELSEWHERE = {
    "l": "; `L` is how cron and Quartz write the month's last day",
    "eom": "",
    "end": "",
    "-1": "; `-1` counts the days from the month's end, which no other day is written as",
}


def last_day_respelt(word: str) -> bool:
    """`lastday`, `last_day`, `LastDay`, `last-dy`: the month's last day, `last-day`,
    spelt otherwise, as BKR314 (check/values) reads it with the time written and the
    parser's error without it (`schedule_left_unfinished`); not `last-day` itself.
    Also as other schedulers write it (`L`, `eom`, `end`: LAST_DAY_ELSEWHERE)."""
    if word.lower() in LAST_DAY_ELSEWHERE:
        return True
    if word.lower() == "last-day" or nth_weekday_as_one(word) is not None:  # `last-sat`: the last Saturday
        return False
    return re.sub(r"[^A-Z]", "", word.upper()) == "LASTDAY" or (
        not word.isdigit() and bool(did_you_mean(word, ["last-day"], synonyms=False))
    )


def schedule_left_unfinished(keyword: str, names: list[str]) -> tuple[str | None, str] | None:
    """The message (None: the one said already) and the help for a schedule whose day
    or time is missing, in the form it takes, no day nor time nobody chose (`weekly`
    alone wrote `sun 03:00`, `monthly` alone `1 04:00`); a day no week or month has,
    before the missing time (`weekly su`, `monthly 32`), said at once (it was said only
    once the time was written). None for the others."""
    if keyword == "weekly" and not names:
        return None, "write `weekly DAY HH:MM`: the day by name, `mon` to `sun` (several with commas, `mon,thu`), then the time of day on a 24-hour clock"
    if keyword == "monthly" and not names:
        return None, f"write {monthly_forms_said()}"
    if keyword in _NTH and not names:
        return None, f"write `monthly {keyword} DAY HH:MM`: the day by name, `mon` to `sun`, then the time of day"
    missing = "and the time of day (HH:MM) is missing after it"
    working = WORKING_DAY.fullmatch(" ".join(names)) if keyword == "monthly" and len(names) == 2 else None
    if working is not None:
        # `monthly first weekday`, its time left out: no schedule names a working day (BKR314
        # once the time is written: the help wrote `monthly first weekday HH:MM`); the
        # nearest schedules, HH:MM (no choice: the time is not known)
        message, help, _ = working_day(working.group("nth"), "HH:MM")
        return f"{shown(names[1])} is not a day of the week: {message}, {missing}", help
    listed = _days_written_as_one(names[0]) if keyword == "weekly" and len(names) == 1 else None
    if listed is not None:
        # `weekly mon-fri`, `weekly weekdays` (BKR314 once the time is written)
        return (
            f"{shown(names[0])} is not a day of the week: `weekly` takes each day by name, {missing}",
            f"write `weekly {','.join(listed)} HH:MM`, the days separated by commas",
        )
    numbered = [n for n in names if crontab_day(n) is not None] if keyword == "weekly" else []
    if numbered and all(n in numbered or len(phrase_day(n)) == 1 for n in names):
        # `weekly 6,7`, `weekly 7`: days by their numbers, as a crontab counts them (BKR314
        # once the time is written), and the time missing: the days by name, HH:MM
        after = "it" if len(names) == 1 else "the days"
        return (
            f"{crontab_days_said(numbered)}: `weekly` takes each day by name, {missing.removesuffix('it')}{after}",
            f"write `weekly {crontab_days_named(names)} HH:MM`, {CRONTAB_COUNT}, then the time of day on a 24-hour clock",
        )
    if keyword == "weekly" and len(names) == 1 and not phrase_day(names[0]) and "," not in names[0]:
        close = did_you_mean(names[0], _WEEK, synonyms=False)
        message = f"{shown(names[0])} is not a day of the week, {missing}"
        if len(close) == 1:
            return message, f"did you mean `{close[0]}`? write `weekly {close[0]} HH:MM`, the time of day on a 24-hour clock"
        return message, "write `weekly DAY HH:MM`: the day by name, `mon` to `sun`, then the time of day on a 24-hour clock"
    if (
        keyword == "weekly"
        and len(names) > 1
        and all(looks_like_day(n) for n in names[:-1])
        and not phrase_day(names[-1])
        and "," not in names[-1]
    ):
        # `weekly sun,we`, the list's last day half typed: said as `weekly su` is, not
        # "expected a time of day after `weekly sun,we`", as if `we` were a day
        close = did_you_mean(names[-1], _WEEK, synonyms=False)
        message = f"{shown(names[-1])} is not a day of the week, {missing}"
        if len(close) == 1:
            days = ",".join(n.lower() for n in names[:-1] + [close[0]])
            return message, f"did you mean `{close[0]}`? write `weekly {days} HH:MM`, the time of day on a 24-hour clock"
        return message, "write `weekly DAY,DAY HH:MM`: each day by name, `mon` to `sun`, then the time of day on a 24-hour clock"
    if keyword == "monthly" and len(names) == 1 and names[0].isdigit() and not 1 <= int(names[0]) <= 31:
        return (
            f"{shown(names[0])} is not a day of the month, {missing}",
            f"write {monthly_forms_said()}",
        )
    if keyword == "monthly" and len(names) == 1 and last_day_respelt(names[0]):
        # `monthly lastday`, `monthly last_day`: the month's last day spelt otherwise
        # (BKR314 once the time is written, whose fix writes `last-day`), and the time
        # missing: both said at once, the help writing `last-day` and HH:MM
        return (
            f"{shown(names[0])} is not a day of the month: the month's last day is written `last-day`, {missing}",
            "write `monthly last-day HH:MM`, the month's last day, then the time of day on a 24-hour clock"
            + LAST_DAY_ELSEWHERE.get(names[0].lower(), ""),
        )
    if keyword == "monthly" and [n.lower() for n in names] == ["last", "day"]:
        # `monthly last day`: the month's last day as two words (BKR314 once the time is
        # written), and the time missing
        return (
            (
                "`monthly last` takes a day of the week: the month's last day is written `monthly last-day`,"
                f" one word, {missing.replace('after it', 'after `day`')}"
            ),
            "write `monthly last-day HH:MM`, the month's last day, then the time of day on a 24-hour clock",
        )
    joined = nth_weekday_as_one(names[0]) if keyword == "monthly" and len(names) == 1 else None
    if joined is not None:
        # `monthly first-sunday`, `monthly last-sat`: the Nth weekday as one word (BKR314
        # once the time is written, whose fix writes the two), and the time missing: both
        # said at once, the help writing the two words and HH:MM (no time nobody gave)
        return (
            f"{shown(names[0])} is not a day of the month: {NTH_WEEKDAY_AS_TWO}, {missing}",
            f"write `monthly {joined[0]} HH:MM`, the month's {joined[1]}, then the time of day on a 24-hour clock",
        )
    amiss = month_day_amiss(names, "HH:MM") if keyword == "monthly" else None
    if amiss is not None:
        # `monthly 1-15`, `monthly 1st`, the time left out: the day BKR314 refuses once the
        # time is written, said at once (the help wrote `run on DEV1 monthly 1-15 HH:MM`)
        return f"{amiss[0]}, {missing}", amiss[1]
    return None


def one_word_too_many(found: str, previous: str, span: Span, remove: Span | None) -> Diagnostic:
    """`remove`: the word with the blanks before it, when it shares a line with
    `previous` and repeats it (then removing it is certain)."""
    return codes.SYNTAX(
        f"unexpected {found} after {previous}: one word too many",
        span,
        help=f"remove {found} (see docs/language.md for what follows each keyword)",
        fix=remove_fix(found, remove) if remove is not None else None,
    )


def quoted_name(text: str, span: Span, bare_reads: bool = False) -> Diagnostic:
    """`job "APPSFULL" {`: a name in double quotes; the fix removes them where the
    name inside `bare_reads` as the same name without them (not a keyword, no blank)."""
    bare = text[1:-1]
    return codes.SYNTAX(
        f"names are written without quotes: `{bare}`, not `{text}`"
        if bare
        else "a name cannot be a quoted text",
        span,
        help="remove the quotes; only the text after `description` is quoted",
        fix=Fix.replace("Remove the quotes", span, bare) if bare and bare_reads else None,
    )


def quoted_values(text: str, bare: str, line: str | None, span: Span) -> Diagnostic:
    """`retain "35 days"`: a statement's values in quotes; `line`, the statement
    without them, which the help writes."""
    return codes.SYNTAX(
        f"a statement's values are written without quotes: `{bare}`, not `{text}`",
        span,
        help=f"remove the quotes: write `{line}`; only the text after `description` is quoted"
        if line
        else "remove the quotes; only the text after `description` is quoted",
        fix=Fix.replace("Remove the quotes", span, bare),
    )


def quoted_sfs_part(written: str, meant: str | None, span: Span, whole: Span) -> Diagnostic:
    """`include sfs BKRPOOL:"CICSPRD".*`: a part of an SFS path in quotes. `meant` is
    the path without them, when that is one name; `whole` the path as written."""
    return codes.SYNTAX(
        f"the user ID in an SFS path is written without quotes: `{meant}`, not `{written}`"
        if meant
        else f"an SFS path is written without quotes: `{written}` is not one path",
        span,
        help=f"write `{meant}`, as CMS writes the path POOL:USER.DIR"
        if meant
        else "write the path as CMS writes it, POOL:USER.DIR, with no quotes and no blanks",
        fix=Fix.replace("Remove the quotes", whole, meant) if meant else None,
    )


def quoted_path(text: str, span: Span) -> Diagnostic:
    """`import "std/zvm73"`: a module path in quotes."""
    bare = text[1:-1]
    return codes.SYNTAX(
        f"a module path is written without quotes: `{bare}`, not `{text}`",
        span,
        help=f"write `import {bare}`",
        fix=write_fix(bare, span),
    )


def path_spaced(written: str, meant: str, span: Span) -> Diagnostic:
    """`import std/zvm 73`: a module path with a blank inside."""
    return codes.SYNTAX(
        f"a module path is one word: `{written}` has a blank inside",
        span,
        help=f"write `import {meant}`",
        fix=write_fix(meant, span),
    )


def paths_on_one_line(first: str, second: str, span: Span, gap: Span) -> Diagnostic:
    """`import std/zvm73 std/backup-manager`: two module paths after one `import`;
    `gap` is the blanks between them, where the second `import` goes."""
    return codes.SYNTAX(
        f"one `import` reads one module: `{second}` needs an `import` of its own",
        span,
        help=f"write each module on its own line: `import {first}`, then `import {second}`",
        fix=Fix.replace(f"Write `import {second}` on a line of its own", gap, "\nimport "),
    )


def keyword_again_below(text: str, start: int, end: int) -> tuple[tuple[int, int], str] | None:
    """`backup` alone on its line (`start`, `end`), then `backup APPS full` first on
    the next, blank lines at most between: the second's offsets and the statement
    it starts, its line's words; else None. Only a statement's keyword."""
    word = text[start:end]
    if word.lower() not in STATEMENT_HOMES or text[text.rfind("\n", 0, start) + 1 : start].strip():
        return None
    again = _WORD_ALONE_THEN_AGAIN.match(text, end)
    if again is None or again.group(2).lower() != word.lower():
        return None
    return again.span(2), line_words(line_from(text, again.start(2)))


def keyword_run_again_below(text: str, pos: int) -> tuple[tuple[int, int], int, tuple[int, int], str] | None:
    """The line at offset `pos` a statement's keyword written again after itself and
    nothing else (`include include`), then the keyword first on the next line
    (`include minidisk * 0191`), blank lines at most between: the offsets of the
    line's first word and how often the line writes it, the offsets of the word below
    and the statement it starts, its line's words; else None (keyword_again_below, the
    keyword written more than once above)."""
    run = _WORD_RUN_LINE.match(text, text.rfind("\n", 0, pos) + 1)
    if run is None or run.group(1).lower() not in STATEMENT_HOMES:
        return None
    again = _WORD_ALONE_THEN_AGAIN.match(text, run.end())
    if again is None or again.group(2).lower() != run.group(1).lower():
        return None
    times = 1 + len(run.group(2).split())
    return run.span(1), times, again.span(2), line_words(line_from(text, again.start(2)))


def keyword_alone_above(text: str, start: int) -> tuple[int, int] | None:
    """The offsets of the keyword alone on the line above the word at `start`, first
    on its line, where that keyword is the same word (`include`, then `include
    minidisk * 0191`), blank lines at most between; else None (keyword_again_below,
    from the other side)."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return None
    above = text[:line_start].rstrip()
    first = above.rfind("\n") + 1
    word = above[first:].strip()
    if not word or word.lower() not in STATEMENT_HOMES:
        return None
    if not text.startswith(word, start) and text[start : start + len(word)].lower() != word.lower():
        return None
    if not _WORD_END.match(text, start + len(word)):
        return None
    at = above.rindex(word)
    return at, at + len(word)


_WORD_END = re.compile(r"[\s{},\"#]|\Z")


def written_twice_below(word: str, span: Span, remove: Span, statement: str) -> Diagnostic:
    """`backup` alone on its line, then `backup APPS full` (keyword_again_below): at
    the second, `span`; the fix removes the first's line end up to the second
    (`remove`), which joins the two lines as the second is written."""
    return codes.SYNTAX(
        f"`{word}` is written twice: alone on its line, then again on the next",
        span,
        help=f"remove the `{word}` alone on the line above: write `{statement}`",
        fix=remove_fix(f"the `{word}` alone on the line above", remove),
    )


def written_again_below(word: str, times: int, span: Span, remove: Span, run: str, statement: str) -> Diagnostic:
    """`include include`, then `include minidisk * 0191` (keyword_run_again_below): the
    keyword written `times` times on its line (`run`), then again first on the next; at
    the one below, `span`. The fix removes from the end of the line's first word to the
    end of the word below (`remove`), which joins the lines as the one below is written."""
    on_line = "twice" if times == 2 else _TIMES.get(times, f"{times} times")
    return codes.SYNTAX(
        f"`{word}` is written {_TIMES.get(times + 1, f'{times + 1} times')}: {on_line} on its line,"
        " then again on the next",
        span,
        help=f"remove the `{run}` on the line above: write `{statement}`",
        fix=remove_fix(f"the `{run}` on the line above", remove),
    )


def written_twice(word: str, span: Span, remove: Span | None = None, times: int = 2) -> Diagnostic:
    """`remove`: the second word with the blanks before it, when both share a line.
    `times`: how often the word is written in a row (`catalog catalog catalog`, one
    error, `span` and `remove` the second to the last)."""
    if times > 2:
        fix = remove_fix(f"the repeated `{word}`", remove) if remove is not None else None
        return codes.SYNTAX(
            f"`{word}` is written {_TIMES.get(times, f'{times} times')} in a row",
            span,
            help=f"remove the {times - 1} after the first: write `{word}` once",
            fix=fix,
        )
    fix = remove_fix(f"the second `{word}`", remove) if remove is not None else None
    return codes.SYNTAX(f"`{word}` is written twice", span, help=f"remove the second `{word}`", fix=fix, slip=TWICE)


_TIMES = {3: "three times", 4: "four times"}


def written_over_unfinished(word: str, times: int, span: Span, need: str, help: str | None = None) -> Diagnostic:
    """`import import import`, `workers workers`, nothing after it on its line: the
    keyword written `times` times in a row (`span`, the second to the last) and what
    it needs (`need`, `a module path`) never written. `help`: how the keyword alone
    says to write what it needs (`run_unfinished_said`), else "write NEED after it".
    No fix: what was meant after it is not known."""
    repeated = "twice" if times == 2 else f"{_TIMES.get(times, f'{times} times')} in a row"
    removed = f"the second `{word}`" if times == 2 else f"the {times - 1} after the first"
    bare = need.removeprefix("a ").removeprefix("an ").removeprefix("the ")
    return codes.SYNTAX(
        f"`{word}` is written {repeated}, with no {bare} after it",
        span,
        help=f"remove {removed}, and {help or f'write {need} after `{word}`'}",
        slip=TWICE if times == 2 else None,
    )


def standard_modules() -> str:
    """"the standard library has `std/backup-manager`, ...": its modules, which the help
    of a module path never written lists (`import import`: the loader's BKR101; `import
    import import`: written_over_unfinished)."""
    from bkrdsl.resources import stdlib_dir

    return "the standard library has " + ", ".join(f"`std/{p.stem}`" for p in sorted(stdlib_dir().glob("*.bkr")))


def run_unfinished_said(run: Diagnostic, word: str, times: int, said: Diagnostic, removed: Span, need: str) -> Diagnostic:
    """`include include`, `workers workers`, nothing after them on their line, or
    words after them that do not follow the first (`to to pool BKUPPOOL`): the
    repeats are read as not written, and the error the keyword then gets alone
    (`said`: "expected `minidisk` or `sfs` after `include`, found the end of the
    line"; "`to` names the medium before the pool") is said as the keyword written
    over (`run`, written_over_unfinished): what it expects (`need`: `said.expected`,
    or what the parser takes after the first), and its help after "remove the second
    `include`". An insertion right after the first, of its choices or its fix, is
    written over the repeats (`removed`, from the first's end to the last's:
    `catalog catalog`, *Insert `shared`*); a choice that edits elsewhere (*Insert
    `disk`* before `pool`) removes them too."""
    choices = tuple(
        _with_repeats_removed(choice, word, times, removed, titled=False)
        if any(e.span.start == e.span.end == removed.start for e in choice.edits)
        else _with_repeats_removed(choice, word, times, removed)
        for choice in said.choices
    )
    made = written_over_unfinished(word, times, run.span, need, said.help)
    return replace(made, choices=tuple(c for c in choices if c is not None), fix=_with_repeats_removed(said.fix, word, times, removed))


def _with_repeats_removed(fix: Fix | None, word: str, times: int, removed: Span, titled: bool = True) -> Fix | None:
    """`fix`, the keyword alone's (`run run VMSYS1 daily 02:00`: *Insert `on`* before
    `VMSYS1`), with the repeats removed too (`removed`); an insertion right after the
    first is written over them. None where an edit of `fix` overlaps them. `titled`:
    its title says the repeats removed (not for a choice written over them, whose
    title stays its own: *Insert `shared`*)."""
    if fix is None:
        return None
    edits, over = [], False
    for edit in fix.edits:
        if edit.span.start == edit.span.end == removed.start:
            edits.append(Edit(removed, edit.new_text))
            over = True
        elif edit.span.end <= removed.start or edit.span.start >= removed.end:
            edits.append(edit)
        else:
            return None
    if not over:
        edits.append(Edit(removed, ""))
    edits = tuple(sorted(edits, key=lambda e: e.span.start))
    if not titled:
        return Fix(fix.title, edits)
    repeats = f"the second `{word}`" if times == 2 else f"the repeated `{word}`"
    title = fix.title[:1].lower() + fix.title[1:]
    return Fix(f"Remove {repeats} and {title}", edits)


def keyword_after_statement(word: str, statement: str, span: Span, remove: Span) -> Diagnostic:
    """`backup APPS full backup`: a statement's keyword again after the whole statement,
    at the end of its line; `remove`, the second with the blanks before it."""
    return codes.SYNTAX(
        f"`{word}` is written again after the whole `{statement}`, with nothing after it",
        span,
        help=f"remove the second `{word}`: write `{statement}`",
        fix=remove_fix(f"the second `{word}`", remove),
    )


def name_twice(
    name: str,
    span: Span,
    remove: Span,
    more: Sequence[str] = (),
    times: int = 2,
    runs_on: bool = False,
    expire: ExpireList | None = None,
    one: tuple | None = None,
    commas: Sequence[Span] = (),
) -> Diagnostic:
    """`run on VMSYS1 VMSYS1`: a name of a list written twice in a row (not two names
    whose `,` is missing); `remove` is the second with the blanks before it. `more`:
    the names after it without their `,` (`run on VMSYS1 VMSYS1 VMSYS2`), shown in
    the help with their commas; the fix writes a `,` in place of the second, and
    each of theirs (`commas`), as `missing_comma` writes each `,`. `times`:
    how often the name is written in a row (`backup APPS APPS APPS full`, `span` and
    `remove` the second to the last), `more` then the names after the run
    (`backup APPS APPS APPS LINUX full`). `runs_on`: the list is a job's members, which
    the help writes with `more` as `missing_comma` does (RUNS_ON_EACH), and so
    `expire`, an `expire` block's members (EXPIRES_ON_EACH, or the one member a
    shared catalog is purged from). `one`: `one_member_of`'s help and mends, for a
    job's members in a job of single-configuration users, which runs on one member
    (the `,`s would give BKR220). `commas`: the empty spans right after each name of
    `more` but the last, where the fix writes their `,`s too (`run on VMSYS1 VMSYS1
    VMSYS2 VMSYS3 VMSYS4` in a job of IDENTITY users)."""
    message = f"`{name}` is written twice in a row: a list names each of its names once"
    listed = ", ".join([name, *more])
    each = RUNS_ON_EACH if runs_on and more else ""
    if one is not None and more:
        if times > 2:
            message = f"`{name}` is written {_TIMES.get(times, f'{times} times')} in a row: a list names each of its names once"
        return codes.SYNTAX(message, span, help=one[0], fix=one[1], choices=one[2], slip=TWICE)
    wrote = (
        Fix(f"Write `{listed}`", (Edit(remove, ","), *(Edit(at, ",") for at in commas)))
        if len(more) == 1 or len(commas) == len(more) - 1
        else None
    )
    if expire is not None and more:
        keep = None if any(c in listed for c in "*%?") else expire.one_member([name, *more])
        if keep is not None:
            said = f"remove the {times - 1} after the first; " if times > 2 else f"remove the second `{name}`; "
            if times > 2:
                message = (
                    f"`{name}` is written {_TIMES.get(times, f'{times} times')} in a row: a list names each of"
                    " its names once"
                )
            return _purged_from_one(said, expire.listed(listed), keep, expire.home, span, expire.whole, message)
        each = expire.then()
    if times > 2:  # `backup APPS APPS APPS full`: `span` and `remove` the second to the last
        message = f"`{name}` is written {_TIMES.get(times, f'{times} times')} in a row: a list names each of its names once"
        if more:  # `backup APPS APPS APPS LINUX full`: the names after the run lack their `,`s too
            return codes.SYNTAX(
                message,
                span,
                help=f"remove the {times - 1} after the first, and separate the names of the list with commas:"
                f" `{listed}`{each}",
                fix=wrote,
            )
        return codes.SYNTAX(
            message,
            span,
            help=f"remove the {times - 1} after the first; if other names were meant, write each after a `,`",
            fix=remove_fix(f"the repeated `{name}`", remove),
        )
    if not more:
        return codes.SYNTAX(
            message,
            span,
            help=(
                f"remove the second `{name}`; if another name was meant, write it after a `,`: `{name}, NAME`"
            ),
            fix=remove_fix(f"the second `{name}`", remove),
        )
    return codes.SYNTAX(
        message,
        span,
        help=f"remove the second `{name}`, and separate the names of the list with commas: `{listed}`{each}",
        fix=wrote,
    )


VOLUME_TWICE_HELP = "name each volume once: delete the repeat, or write the volume that was meant"


def volume_twice(label: str, times: str = "") -> str:
    """BKR325's message for a volume one volume list names again, in the words of both
    the parser (`shared-volume VMCOM1, VMCOM1`, `volume_repeated`) and the check
    (`shared-volume VMCOM1 VMCOM1`, `declarations._volume_twice_in_list`, which
    imports it when it reports); `label` upper case, `times` what the check adds for
    a volume named more than twice."""
    return f"volume `{label}` is named twice in this list{times}"


def volume_repeated(first: str, repeat: str, first_span: Span, span: Span, remove: Span) -> Diagnostic:
    """`shared-volume VMCOM1, VMCOM1`: a volume label named again after a `,` in its
    own list. BKR325, in the words the check uses for `shared-volume VMCOM1 VMCOM1`
    (`volume_twice`); `remove`, the `,` and the repeat, from the end of the first
    label. The code is looked up, not imported: the check's module is not on a clean
    file's way to its syntax tree, and the syntax layer does not import the check."""
    from bkrdsl.diagnostics.registry import load_all

    return load_all()["BKR325"](
        volume_twice(first.upper()),
        span,
        related=(Related(first_span, "named here first"),),
        help=f"{VOLUME_TWICE_HELP} (the names of a volume list are separated by blanks, not `,`)",
        fix=Fix(f"Delete the repeated `{repeat}`", (Edit(remove, ""),)),
    )


def role_twice(statement: str, first: str, second: str, span: Span, first_span: Span, remove: Span) -> Diagnostic:
    """`identity user SITEADM role admin role admin`: a second `role` in one user
    statement (`statement`, `identity user`), BKR115's words for an option given twice;
    `remove` is the second `role` and its value with the blanks before them, deleted
    when it gives the first's role again (in any case), else the user chooses."""
    same = first.lower() == second.lower()
    return codes.SYNTAX(
        f"a second `role` in the `{statement}` statement",
        span,
        related=(Related(first_span, "the first `role` is here"),),
        help=(
            f"a user has one `role`: this one says `role {first}` again; remove it"
            if same
            else f"a user has one `role`: keep `role {first}` or `role {second}`; each machine has one role (BKR207)"
        ),
        fix=remove_fix(f"the second `role {second}`", remove) if same else None,
    )


def workers_each(count: str, statement: str, span: Span, remove: Span) -> Diagnostic:
    """`workers 4 each` in a member block: the count is the member's own already."""
    return codes.SYNTAX(
        f"`each` is not written after `workers {count}`: a member block gives that member's own workers",
        span,
        help=f"remove `each`: write `{statement}`",
        fix=remove_fix("`each`", remove),
    )


#: CP's link modes, which end an MDISK statement (`MDISK 0191 3390 1000 10 VMCOM1 MR`),
#: with the `V` of virtual reserve.
LINK_MODES = frozenset(
    mode + v for mode in ("R", "RR", "W", "WR", "M", "MR", "MW") for v in ("", "V")
)


def link_mode(mode: str, statement: str, span: Span, remove: Span) -> Diagnostic:
    """`disk BKRBKUP 191 size 10 cyl MR`: a CP link mode after a `disk` statement, as an
    MDISK statement ends; bkrc writes the mode itself. `remove`: it with the blanks
    before it."""
    return codes.SYNTAX(
        f"`{mode}` is a CP link mode: bkrc writes each minidisk's MDISK statement, link mode included",
        span,
        help=f"remove `{mode}`: write `{statement}`",
        fix=remove_fix(f"`{mode}`", remove),
    )


def unit_twice(unit: str, statement: str, span: Span, remove: Span) -> Diagnostic:
    """`disk BKRBKUP 191 size 10 cyl cyl`: the size's unit written again after it."""
    return codes.SYNTAX(
        f"the unit `{unit}` is written twice: a size has one unit",
        span,
        help=f"remove the second `{unit}`: write `{statement}`",
        fix=remove_fix(f"the second `{unit}`", remove),
    )


def block_name_below(keyword: str, name: str, span: Span, gap: Span | None) -> Diagnostic:
    """`member` + newline + `backup {`: a block's name, spelled like a statement keyword,
    on the line after its keyword. `gap`: the blanks between the two, which the fix
    makes one (None when a comment stands there)."""
    meant = f"{keyword} {name} {{"
    return codes.EXPECTED_NAME(
        f"`{name}` starts its line, so it reads as the keyword `{name.lower()}`,"
        f" not as the name after `{keyword}`",
        span,
        label="read as a keyword",
        help=f"write a name spelled like a keyword on the line of `{keyword}`: `{meant}`",
        fix=Fix.replace(f"Write `{meant}` on one line", gap, " ") if gap is not None else None,
    )


def each_member_for_one(statement: str, span: Span, members: Sequence[str] = ()) -> Diagnostic:
    """`catalog shared ... on each member`: `each member` where one member is named;
    `members`, the file's members read so far, whose first two the help names (`on
    MEMBER` before any: no member made up)."""
    named = " or ".join(f"`on {m}`" for m in members[:2]) or "`on MEMBER`"
    return codes.EXPECTED_NAME(
        f"`{statement}` names one member after `on`: `each member` is written only in `run` and `expire`",
        span,
        help=f"write one member's name after `on`: {named}",
    )


def each_member_for_disk(span: Span, remove: Span | None) -> Diagnostic:
    """`disk BKRBKUP 191 size 10 cyl on each member`: `on` of a disk names a volume.
    `remove`: ` on each member`, which the fix deletes (None when `at START` follows,
    which needs its `on VOLUME`)."""
    return codes.EXPECTED_NAME(
        "a disk's `on` names the volume it is on, not members:"
        " `each member` is written only in `run` and `expire`",
        span,
        help="remove `on each member`: an IDENTITY's disk goes on each member's private volume without it"
        " (write `on VOLUME` only to name another volume)"
        if remove is not None
        else "write the label of the volume after `on`: `at` places the disk on that one volume",
        fix=remove_fix("`on each member`", remove) if remove is not None else None,
    )


def at_without_on(start: str, span: Span, word: str = "at") -> Diagnostic:
    """`disk BKRBKUP 191 size 10 cyl at 1000`: `at START` without `on VOLUME` before it.
    `word`: what stands for `at`: CP's `extent` (`size 20 cyl extent 1000`, BKR012), or
    "" for the start written alone after the size (`size 20 cyl 1000`)."""
    written = start if start and start not in "{}#" else ""
    removed = " ".join(w for w in (word, written) if w)
    help = (
        f"write the volume before it, `on VOLUME at {written or 'START'}`,"
        f" or remove `{removed}` and leave the extent to be allocated"
    )
    if word == "at":
        return codes.SYNTAX(
            "`at` says where the disk starts on its volume, so it follows `on VOLUME`: the volume is missing",
            span,
            help=help,
        )
    if word:
        return codes.UNKNOWN_KEYWORD(
            f"`{word}` is CP's word for where a minidisk lies on its volume: a disk says it with"
            " `on VOLUME at START`, and the volume is missing",
            span,
            help=help.replace("write the volume before it,", "write the volume in its place,"),
        )
    return codes.SYNTAX(
        f"`{written}` after the size reads as where the disk starts on its volume: that is written"
        " `on VOLUME at START`, and the volume is missing",
        span,
        help=help.replace("write the volume before it,", "write the volume and `at` before it,"),
    )


def description_over_lines(below: str, joined: str, span: Span, between: Span) -> Diagnostic:
    """`description "Weekly full backup"` + newline + `"of the Linux guests"`: a
    description's text going on over a second line, as a quoted text cannot; the fix
    joins the two over `between` (from the first's closing quote to the second's
    opening one) into `joined`."""
    return codes.SYNTAX(
        f"a description is one quoted text on its line: `{below}` goes on with the text above",
        span,
        help=f"join the two: `description {joined}`",
        fix=Fix("Join the two texts", (Edit(between, " "),)),
    )


def start_before_volume(written: str, meant: str, span: Span, fix_span: Span) -> Diagnostic:
    """`disk ... size 20 cyl 1000 on VMCOM1` (or `extent 1000 on VMCOM1`): where the disk
    starts, written before its volume, as CP's MDISK orders them; `meant`, the two in
    the order of .bkr, which the fix writes over `fix_span`."""
    return codes.SYNTAX(
        f"where the disk starts comes after its volume: `{written}` is written `{meant}`",
        span,
        help=f"write `{meant}`",
        fix=Fix(f"Write `{meant}`", (Edit(fix_span, meant),)),
    )


#: Time zones a sysprog may write after a time (`daily 02:00 EST`).
TIME_ZONES = frozenset(
    [
        "UTC", "GMT", "Z", "LOCAL", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "CET",
        "CEST", "MET", "MEST", "WET", "WEST", "EET", "EEST", "BST", "IST", "JST", "AEST",
    ]
)


def two_times(
    first: str, second: str, keyword: str, statement: str, span: Span, meant: Sequence[str] = ()
) -> Diagnostic:
    """`run on VMSYS1 daily 02:00 03:00`: a second time after a schedule's time, where a
    schedule has one; `keyword`, the statement's (`run`, `purge`, `preview`). `second`,
    what follows the first time as written (`14:00,20:00`, `2pm`); `meant`, the times it
    means (`14:00`, `20:00`; BKR313's reading of `2pm`, `time_meant`), which the help
    writes a job each for (default: `second` itself). No fix: which time, or a job for
    each, is the user's to choose."""
    schedule = statement[: -len(first)].rstrip()
    if keyword == "run":
        times = meant or (second,)
        if len(times) == 1:
            jobs = f"`{schedule} {first}` and `{schedule} {times[0]}`"
        else:  # `... 02:00`, and the same at `14:00` and at `20:00`: the line written once
            jobs = f"`{schedule} {first}`, and the same at " + " and at ".join(f"`{t}`" for t in times)
        help = f"write a job for each time, the same but for its `run`: {jobs}{ONE_DAY_NOTE}"
    else:
        help = f"keep one time: `{statement}`"
    return codes.SYNTAX(
        f"the `{keyword}` statement's schedule has one time: `{second}` cannot follow `{first}`",
        span,
        help=help,
    )


def manual_time(time: str, keyword: str, statement: str, span: Span) -> Diagnostic:
    """`run on VMSYS1 manual 02:00`: a time after `manual`, which has none: the work is
    sent by hand, whenever. No fix: `manual` alone, or the time with how often it runs
    (`daily`), is the user's to choose (was "`02:00` has no keyword before it ...: write
    `backup 02:00`")."""
    schedule = statement[: -len("manual")].rstrip()
    return codes.SYNTAX(
        f"`manual` takes no time: `{time}` cannot follow it",
        span,
        help=(
            f"write `{statement}`, without the time: the {'job is' if keyword == 'run' else 'work is'} sent by"
            f" hand, when you choose; or, to run it at {time}, say how often: `{schedule} daily {time}`"
        ),
    )


def time_zone(zone: str, statement: str, span: Span) -> Diagnostic:
    """`run on VMSYS1 daily 02:00 EST`: a time zone after a schedule's time. No fix:
    the time is read on the member's own clock, which may not keep that zone."""
    return codes.SYNTAX(
        f"a schedule's time has no time zone: `{zone}` cannot follow it",
        span,
        help=(
            f"remove `{zone}`: the time is the member's local time, as its clock shows it;"
            f" write `{statement}` if that clock keeps {zone.upper()}, or convert the time"
        ),
    )


def two_units(first: str, second: str, statement: str, span: Span) -> Diagnostic:
    """`disk BKRBKUP 191 size 10 cyl blk`: two units after one size. No fix: which
    unit is meant depends on the volume (a 3390 counts cylinders, an FBA volume
    blocks), and the line does not say which the disk is on."""
    sized = statement[: -len(first)].rstrip()
    return codes.SYNTAX(
        f"a size has one unit, but this one has two: `{first}` and `{second}`",
        span,
        help=(
            f"keep the unit of the volume the disk is on: `{sized} {first}` or `{sized} {second}`"
            " (cylinders on a 3390, 512-byte blocks on an FBA volume)"
        ),
    )


def extra_open(span: Span, surplus: int, source: Source | None = None) -> Diagnostic:
    """A `{` that opens nothing, in a file with `surplus` more `{` than `}`. `source`,
    the file's: where the `{` follows another with only blanks between (`job J { {`, a
    block's `{` doubled), the file has one `{` more than `}`, and without it the file's
    braces pair up as its indentation shows (`_indentation_disagrees`), the fix removes
    it (with the blanks before it); a doubled `{` otherwise gets the help's reason."""
    more = "one `{`" if surplus == 1 else f"{surplus:,} `{{`"
    help = "remove it; a block's `{` comes right after its keyword and name"
    fix = None
    text = source.text if source is not None else ""
    before = len(text[: span.start].rstrip(" \t\r\n"))
    if text and before and text[before - 1] == "{" and text[span.start : span.end] == "{":
        if surplus != 1:
            help += f"; no fix: the file has {more} more than `}}`, so which to remove is a guess"
        else:
            fixed = text[:before] + text[span.end :]
            why = _indentation_disagrees(Source.of(span.file, fixed), [])
            if why is None:
                fix = Fix("Remove the doubled `{`", (Edit(source.span(before, span.end), ""),))
            else:
                help += f"; no fix: without it, {why}, so the indentation does not show which `{{` is extra"
    return codes.SYNTAX(
        f"this `{{` opens nothing: the file has {more} more than `}}`",
        span,
        help=help,
        fix=fix,
    )


def missing_before(
    word: str,
    wanted: str,
    span: Span,
    leads: Sequence[str] = (),
    written: str = "",
    opens: bool = False,
    meant: tuple[str, Span] | None = None,
    insert: bool = False,
) -> Diagnostic:
    """`shared server BKRSVSFS` where a statement starts: the one statement keyword
    that fits before the word (`wanted`, as the parser lists it) left out. `leads`: those
    keywords, whose statement the help writes out with the line's own words, `written`
    (`messages.written_from`): "write `catalog shared server BKRSVSFS`", or each choice
    (`identity` or `single` before `user`); `opens`: the statement opens a block, whose
    braces the line lacks (`on VMSYS1`: `expire on VMSYS1 { ... }`). `meant`: the keyword
    is on the line, written later (`on VMSYS1 run daily 02:00`): the line in the one order
    of its words that makes it a statement, and the span of its words, which the help and
    the fix write (`run on VMSYS1 daily 02:00`). `insert`: the one keyword of `leads`
    written before the word makes the line a whole statement (the parser's judgement):
    a fix inserts it (`catalog `, `tape manager `)."""
    if meant is not None:
        return replace(_reordered(f"expected {wanted} before `{word}`", span, meant), expected=wanted)
    written = written or word
    on_line = {w.lower() for w in written.split()}
    later = [lead for lead in leads if lead.lower() in on_line]
    if later and len(later) == len(leads):
        # `on DEV1 run now daily 01:00`: the keyword is on the line, after words of
        # its statement, and no order of them (nor of all but its last ones) makes it
        # one (`reordered`); writing it again before them would not make one either
        keyword = " or ".join(f"`{lead}`" for lead in later)
        return codes.SYNTAX(
            f"expected {wanted} before `{word}`",
            span,
            help=f"a statement starts with its keyword: write {keyword} first, then its words in order after it"
            f" (docs/language.md)",
            expected=wanted,
        )
    leads = [lead for lead in leads if lead not in later]
    if opens and "{" not in written:
        written += " { ... }"
    help = " or ".join(f"`{lead} {written}`" for lead in leads) if leads else f"{wanted} before `{word}`"
    fix = Fix.replace(f"Insert `{leads[0]}`", before(span), f"{leads[0]} ") if insert and len(leads) == 1 else None
    heads, words = _CHOSEN_BEFORE.get(wanted, ((), ()))
    choices = insert_choices(words, span, first=True) if fix is None and word.lower() in heads else ()
    return codes.SYNTAX(
        f"expected {wanted} before `{word}`", span, help=f"write {help}", fix=fix, choices=choices, expected=wanted
    )


def kind_after_name(word: str, kind: str, meant: tuple[str, Span], span: Span) -> Diagnostic:
    """`group APPS identity {`, `user OPSADMIN single`: a declaration's kind, `kind`,
    written after its name, where it goes before `word` (`group`, `user`, at `span`);
    `meant`, the words in order and the span of the words as written, which the help
    and the fix write (`identity group APPS`)."""
    return codes.SYNTAX(
        f"a declaration starts with its kind: `{kind}` comes before `{word}`, not after the name",
        span,
        help=f"write `{meant[0]}`",
        fix=write_fix(meant[0], meant[1]),
    )


def value_before_keyword(word: str, meant: tuple[str, Span], span: Span) -> Diagnostic:
    """`35 days retain`, `APPS backup full`: a value where a statement starts, its
    statement's keyword later on the line; `meant`, the line in the one order of its
    words that makes it a statement, and the span of its words, which the help and the
    fix write (`retain 35 days`)."""
    keyword = meant[0].split()[0]
    return codes.SYNTAX(
        f"`{word}` starts no statement: a statement starts with its keyword, and `{keyword}` is later on the line",
        span,
        help=f"write `{meant[0]}`",
        fix=write_fix(meant[0], meant[1]),
    )


def written_from(text: str, start: int) -> str:
    """The words of the line from offset `start` on, as written (`shared server
    BKRSVSFS`), for a help that writes out the statement they belong to: blanks run
    together, a comment left out, a block's body shown as `{ ... }`, a long line cut to
    its first words and `...`."""
    end = text.find("\n", start)
    line = _COMMENT_START.split(text[start : len(text) if end == -1 else end], maxsplit=1)[0]
    braces = [at for at in (line.find("{"), line.find("}")) if at != -1]
    opened = bool(braces) and line[min(braces)] == "{"
    words = line[: min(braces)].split() if braces else line.split()
    if len(" ".join(words)) > _WRITTEN_WIDTH:
        words = [*words[:3], "..."]
    return " ".join(words) + (" { ... }" if opened else "")


#: How long a line's words may be that a help writes out whole (`written_from`).
_WRITTEN_WIDTH = 60
#: Where a comment starts: a `#` that starts a word (`SYS#1` is a name).
_COMMENT_START = re.compile(r"(?:^|(?<=\s))#")


def starts_no_statement(
    word: str,
    span: Span,
    leads: Sequence[str],
    where: str,
    starts: Sequence[str],
    meant: tuple[str, Span] | None = None,
) -> Diagnostic:
    """`role worker`, `full`, `at 100` where a statement starts: a keyword that starts
    none, and none fits right before it (`missing_before`). The message says what it is
    and where it is written (KEYWORD_PLACES); the help, which statements of the block
    where it stands take it (`leads`: `backup` for `full` in a job), else with which
    keywords the block's statements start (`where`, `starts`, as `not_a_keyword` says).
    `meant`: the line in the one order of its words that makes it a statement, and the
    span of its words, where the statement's keyword is written later on the line
    (`full backup APPS`: `backup APPS full`), which the help and the fix write."""
    lowered = word.lower()
    if meant is not None:
        return _reordered(f"`{word}` starts no statement: it {KEYWORD_PLACES[lowered]}", span, meant)
    if leads:
        help = f"write the whole statement it belongs to, which starts with {one_of([f'`{k}`' for k in leads])}"
    else:
        help = f"statements in {where} start with {', '.join(f'`{k}`' for k in starts) or 'a keyword'}"
    return codes.SYNTAX(f"`{word}` starts no statement: it {KEYWORD_PLACES[lowered]}", span, help=help)


def identity_password_or_user(diag: Diagnostic, keyword: str, rest: str, at: Span) -> Diagnostic:
    """`IDENTITY TCPIP FTPSERVE` where a declaration goes (`diag`, word_for_keyword's:
    `user` expected): a CP directory IDENTITY line, FTPSERVE its password, or the users
    TCPIP and FTPSERVE declared with `user` left out, which the words cannot tell. The
    help says both readings, each offered as a choice written over the line from the
    keyword (`at`, from it to the ID); `rest`, the line from the ID, up to a comment. Any
    other line after `identity` is `diag`, as it was."""
    words = rest.split()
    if keyword != keyword.upper() or len(words) != 2 or any(not _ID_WORD.fullmatch(w) for w in words):
        return diag
    user, other = (w.upper() for w in words)
    entry, both = f"identity user {user}", f"identity user {user}, {other}"
    end = at.end + len(rest.rstrip())
    line = Span(at.file, at.line, at.column, at.line, at.column + end - at.start, at.start, end)
    return replace(
        diag,
        help=f"a CP directory's IDENTITY line names one user and its password: write `{entry}`, since a .bkr"
        f" file holds no passwords; if `{other}` is a second user, write `{both}`",
        choices=(write_fix(entry, line), write_fix(both, line)),
    )


def word_for_keyword(wanted: str, after: str, found: str, keyword: str, span: Span, text: str | None = None) -> Diagnostic:
    """`single grp APPS`: a word where a keyword belongs, and only that keyword fits.
    `text`, the word as written, where it may not be the keyword mistyped: written in
    its place only where it may be (`may_mean_keyword`), else a name may be what was
    written and the keyword left out before it (`IDENTITY TCPIP XXXXXXXX`: `user` in
    place of TCPIP would declare XXXXXXXX), so no fix, and the help says both."""
    plain = keyword.strip("`")
    expected = wanted if after else None
    if text is not None and not may_mean_keyword(text, plain):
        return codes.SYNTAX(
            f"expected {wanted}{after}, found {found}",
            span,
            help=f"write {keyword} before {found} if it is a name, or in its place",
            expected=expected,
            found=found,
        )
    return codes.SYNTAX(
        f"expected {wanted}{after}, found {found}",
        span,
        help=f"write {keyword} in place of {found}",
        fix=write_fix(plain, span),
        expected=expected,
        found=found,
    )


def may_mean_keyword(text: str, keyword: str) -> bool:
    """Whether `text` may be `keyword` mistyped or cut short: its letters in the
    keyword's order (`grp`, `d` for `group`, `days`), or a slip or two from it
    (`_closest`); `TCPIP` is no `user`."""
    lowered, letters = text.lower(), iter(keyword.lower())
    return all(c in letters for c in lowered) or bool(_closest(lowered, (keyword.lower(),)))


#: The help of the recovery's generic report where no other fits (`Recovery.generic_help`).
GENERIC_HELP = "see docs/language.md for the constructs allowed here"


def unexpected(found: str, wanted: str, span: Span) -> Diagnostic:
    """The recovery's generic report (`Recovery.unexpected`): `found` where only
    `wanted` fits (`tape m`, too short for `manager` and no name it could be)."""
    return codes.SYNTAX(f"unexpected {found}; expected {wanted}", span, help=GENERIC_HELP)


#: What the help says of a scope left out after `catalog` and `tape manager`: which
#: one an SSI cluster wants (SSI rules 4 and 7), and what the other does.
_SCOPE_ADVICE = {
    " after `catalog`": "one catalog for the whole cluster, the choice recommended for an"
    " SSI cluster (`local` keeps one catalog per member)",
    " after `manager`": "backups to tape need Tape Manager's catalog shared by the cluster"
    " (with `local`, bkrc writes no Tape Manager nodes)",
}


def keywords_begun(wanted: str, found: str) -> list[str]:
    """The keywords of `wanted` (each in backquotes: "`group` or `user`") that the word
    `found` (in backquotes, as the messages show it) begins, when it is a letter or more
    in small letters, as keywords are written, and not one of them whole: `g` begins
    `group`, `m` both `manual` and `monthly`. None where `wanted` is not keywords alone
    (`a member name`), or the word is in capitals (`catalog S`: a name, perhaps)."""
    word = re.fullmatch(r"`([a-z][a-z-]*)`", found)
    keywords = re.findall(r"`([^`]+)`", wanted)
    if word is None or not keywords or any(k not in lexicon.KEYWORDS for k in keywords):
        return []
    return [k for k in keywords if k.startswith(word.group(1)) and k != word.group(1)]


def missing_other(
    wanted: str,
    after: str,
    found: str,
    span: Span,
    filler: str,
    *,
    line_ended: bool = False,
    members: Sequence[str] = (),
) -> Diagnostic:
    """`expected `days` after `35`, found `}``: `wanted` (a keyword, or what a name or
    a text is) missing `after` the token read last, at `span`. `line_ended`: `found`
    starts a later line (`line_ended`), and the message says the line's end.
    `members`: the file's members read so far, which the help of an `on` left out
    names (`on VMA` or `on VMB`; `on MEMBER` before any).

    The help's choices (`Diagnostic.choices`), each inserted after `span`, the word
    `after` names: the scope left out after `catalog` or `manager`, *Insert `shared`*
    (the one the help recommends), *Insert `local`*; a member left out with its `on`
    (`run daily 02:00`), *Insert `on VMA`* for each member the help writes, not where
    the statement is cut short (`found` is the `}` or the end of the line or file: the
    member alone would not make it whole)."""
    code = codes.EXPECTED_NAME if filler in ("NAME", "STRING", "IMPORT_PATH") else codes.SYNTAX
    written = "`on MEMBER`, the member it runs on," if wanted == "`on`" else wanted
    help = f"write {written}{after or ' here'}"
    choices = ()
    if wanted == "`on`" and members:  # `run daily 02:00`: the file's members, no placeholder
        help = f"write `on` and the member it runs on{after or ' here'}: {one_of([f'`on {m}`' for m in members[:4]] + ['...'] * (len(members) > 4))}"
        if after and not line_ended and not found.startswith(("`}`", "the end of")):
            choices = insert_choices([f"on {m}" for m in members[:4]], span, first=False)
    advice = _SCOPE_ADVICE.get(after.lower()) if wanted == "`local` or `shared`" else None
    begun = keywords_begun(wanted, found) if after and not line_ended else []
    if begun:
        # `disk BKRBKUP 191 s`, `single g`, `purge w`, `catalog s`: the keyword being
        # typed, a letter or two in small letters that begin it, read as a name after it
        # (was "write `size` after `191`", which written keeps the letters: `191 size s`);
        # the help writes it in the letters' place, as `include m` and `to d` get, and the
        # third letter's BKR012 says (no fix: the statement stays unfinished)
        help = f"{found} begins {one_of([f'`{k}`' for k in begun])}: " + (
            f"write `{begun[0]}` in place of {found}" if len(begun) == 1 else "write the keyword in full"
        )
        if advice is not None and begun == ["shared"]:
            help += f": {advice}"
    elif advice is not None:
        # `catalog server BKRSVSFS`: which scope fits, not only that one is missing
        help = f"write `shared`{after}: {advice}"
        choices = insert_choices(("shared", "local"), span, first=False)
    found = _LINE_END if line_ended else found
    message = f"expected {wanted}{after}, found {found}"
    return code(message, span, help=help, choices=choices, expected=wanted if after else None, found=found)


def on_and_schedule(
    diag: Diagnostic, written: str, schedule: str, span: Span, members: Sequence[str], others: Sequence[str] = ()
) -> Diagnostic:
    """`run weekly mon-fri 22:00`: `expected `on` after `run``, whose words after `run`
    (`written`, over `span`) are `schedule` written another way: the help adds how it is
    written, and each choice writes a member the help names and the schedule (a choice,
    no fix: which member is the site's). `others`: the schedule's other reading, where
    its hour alone may be the afternoon's (`run every day at 2`: `daily 14:00`), which
    the help says, its choices after the first reading's."""
    words = [f"on {m} {s}" for s in (schedule, *others) for m in members[:4]]
    help = f"{diag.help}; `{' '.join(written.split())}` is written `{schedule}`"
    if others:
        hour = int(schedule.rsplit(" ", 1)[1][:2])
        other = "midnight" if hour == 12 else f"{hour} in the afternoon"
        help += f", the hour read on a 24-hour clock ({other}: `{others[0]}`)"
    return replace(diag, help=help, choices=tuple(write_fix(w, span) for w in words))


def run_members_left_out(
    diag: Diagnostic,
    after_on: bool,
    members: Sequence[str],
    kind: str | None,
    home: str | None,
    span: Span,
    *,
    cut: bool = False,
) -> Diagnostic:
    """`run daily 22:00` ("expected `on` after `run`") or, `after_on`, `run on daily 22:00`
    ("expected a member name after `on`"): the members a job runs on left out before its
    schedule, the words after them read whole once they are written (the recovery tells).
    `span`: the word they go after, `run` or `on`; `members`, the file's. What the file
    allows is written (`recovery.job_home`: `kind`, the job's users', and `home`, the
    member its users' other jobs run on): a job of IDENTITY users runs on each member,
    which the fix inserts (a member each, as `on VMSYS1` was offered, gave BKR221), and
    so does a job of single-configuration users whose other jobs run on one member, or
    in a file of one member; else each of the file's `members` (four at most) is a
    choice, and, of users of no kind known, `each member` too. After `run`, `diag`
    itself for those (`missing_other` names the members and offers them). `cut`: the
    statement ends there (`run`, or `run on`, then the job's `}`), its schedule not
    written: the fix writes the members, a `run` without a schedule being `manual`, and
    the help says where a schedule goes (was, of any users, the members named, no fix)."""
    words = "" if after_on else "on "
    keyword = "on" if after_on else "run"
    if kind == "single" and home is None and len(members) == 1:
        home = members[0]
    if kind == "identity" or (kind == "single" and home is not None):
        meant = words + ("each member" if kind == "identity" else home)
        why = _run_placed_why(kind, home, members)
        if cut:
            placed = "each member" if kind == "identity" else home
            why += f"; its schedule follows, `run on {placed} daily HH:MM`, or none for a job submitted by hand"
        (fix,) = insert_choices([meant], span, first=False)
        return replace(diag, help=f"write `{meant}` after `{keyword}`: {why}", fix=fix, choices=())
    if not after_on or not members:
        return diag
    named = one_of([f"`{m}`" for m in members[:4]] + ["..."] * (len(members) > 4))
    if kind == "single":
        help = (
            f"write the member it runs on after `on`, {named}: the job backs up single-configuration users,"
            " backed up from one member (BKR220)"
        )
        return replace(diag, help=help, choices=insert_choices(members[:4], span, first=False))
    help = f"write the member it runs on after `on`, {named} (single-configuration users), or `each member` (IDENTITY users)"
    return replace(diag, help=help, choices=insert_choices([*members[:4], "each member"], span, first=False))


def each_member_of_single_users(diag: Diagnostic, members: Sequence[str], home: str | None, span: Span) -> Diagnostic:
    """`run each member daily 03:00` (`on` left out before `each`, "expected `on` after
    `run`") in a job whose users are declared single-configuration ones (`job_home`),
    `span` the words `each member`: such a job runs on one member (BKR220), so `on`
    with that member is written over them: `home`, the member the users' other jobs run
    on (or the file's one member), as the fix; else each of the file's `members` (four at
    most) a choice (was "write `on` and the member it runs on after `run`", no fix)."""
    if home is None and len(members) == 1:
        home = members[0]
    if home is not None:
        why = _run_placed_why("single", home, members)
        return replace(
            diag,
            help=f"write `on {home}` for `each member`: {why}, backed up from one member (BKR220)",
            fix=write_fix(f"on {home}", span),
            choices=(),
        )
    if not members:
        return diag
    named = one_of([f"`on {m}`" for m in members[:4]] + ["..."] * (len(members) > 4))
    return replace(
        diag,
        help=f"write the member it runs on for `each member`, {named}: the job backs up single-configuration users,"
        " backed up from one member (BKR220)",
        fix=None,
        choices=tuple(write_fix(f"on {m}", span) for m in members[:4]),
    )


def expire_members_left_out(
    diag: Diagnostic,
    members: Sequence[str],
    scope: str | None,
    home: str | None,
    span: Span,
    body: tuple[str, Edit] | None = None,
) -> Diagnostic:
    """`expire on {` ("expected a member name after `on`"): the block's members left out,
    `span` the `on` they go after; `members`, the file's read so far, and what the
    cluster's catalog read before it says (`recovery.catalog_read`: `scope`, `home`). A
    shared catalog is purged from one member (BKR211), where its server logs on to
    (BKR215): with `home` known, the fix writes it; below a local catalog the fix writes
    `each member` (a member that purges none keeps its catalog for ever, BKR214); else
    each member is a choice (was "write a member name after `on`", no member named).
    `diag` where the file names no member. `body`: the block's `{` and `}` left out too,
    its statements below (`expire on`, then `retain 35 days`: `expire_body_below`, its
    last statement and the edit that writes the `}`), which the help says and each fix
    or choice writes with the member (was "write a member name after `on`")."""
    if not members:
        return diag
    if body is not None:
        return _expire_head_written(diag, members, scope, home, span, body)
    by_upper = {m.upper(): m for m in members}
    meant = why = None
    if scope == "shared" and home is not None and home.upper() in by_upper:
        meant = by_upper[home.upper()]
        why = "the cluster's catalog is shared, purged from one member only (BKR211), the one its server logs on to (BKR215)"
    elif scope == "local":
        meant = "each member"
        why = "each member has its own local catalog, which one that purges none keeps for ever (BKR214)"
    if meant is not None:
        (fix,) = insert_choices([meant], span, first=False)
        return replace(diag, help=f"write `{meant}` after `on`: {why}", fix=fix, choices=())
    named = one_of([f"`{m}`" for m in members[:4]] + ["..."] * (len(members) > 4))
    why = (
        "the cluster's catalog is shared, purged from one member only (BKR211)"
        if scope == "shared"
        else "the member whose `BKREXPIR` purges the catalog"
    )
    return replace(
        diag, help=f"write the member it expires on after `on`, {named}: {why}", choices=insert_choices(members[:4], span, first=False)
    )


#: A `catalog` statement first on its line: its scope, and the words after it.
_CATALOG_LINE = re.compile(r"(?im)^[ \t]*catalog[ \t]+(shared|local)\b([^\n]*)")


def catalog_in_text(text: str) -> tuple[str | None, str | None]:
    """The scope of the file's first `catalog` statement, read as a text, and the member
    its server logs on to (`on VMSYS1`), in capitals, each None where not written: an
    expire block above the statement (`recovery.catalog_read` reads those before it)."""
    found = _CATALOG_LINE.search(text)
    if found is None:
        return None, None
    words = line_words(found.group(2)).split()
    home = next((words[k + 1].upper() for k in range(len(words) - 1) if words[k].lower() == "on"), None)
    return found.group(1).lower(), home


def _expire_head_written(
    diag: Diagnostic, members: Sequence[str], scope: str | None, home: str | None, span: Span, body: tuple[str, Edit]
) -> Diagnostic:
    """`expire_members_left_out` where the block's `{` and `}` are left out too."""
    shaped = expire_members_left_out(diag, members, scope, home, span)
    last, close = body
    tail = f"and `}}` below its last statement, `{last}`"

    def mend(meant: str) -> Fix:
        return Fix(f"Write `expire on {meant} {{` and `}}`", (Edit(after(span), f" {meant} {{"), close))

    if shaped.fix is not None:
        meant = shaped.fix.edits[0].new_text.strip()
        why = shaped.help.split(": ", 1)[1]
        help = f"write `expire on {meant} {{`, {tail}: the block's member and its braces are left out; {why}"
        return replace(diag, help=help, fix=mend(meant), choices=())
    named = one_of([f"`{m}`" for m in members[:4]] + ["..."] * (len(members) > 4))
    help = f"write `expire on MEMBER {{`, with the member it expires on, {named}, {tail}: the block's member and its braces are left out"
    return replace(diag, help=help, choices=tuple(mend(m) for m in members[:4]))


def days_as_members_alone(days: str, written: str, schedule: str, span: Span, members: Sequence[str]) -> Diagnostic:
    """`run on sun at 22:00`: the days of a schedule in English after `run on` (`days`),
    where the members go, and no member named (`written`, over `span`, means
    `schedule`). The choices each write one of the file's `members` (four at most) and
    the schedule (no fix: which member is the site's)."""
    named = one_of([f"`on {m}`" for m in members[:4]] + ["..."] * (len(members) > 4))
    return codes.SYNTAX(
        f"`{days}` are days of the week, not members the job runs on"
        if "," in days
        else f"`{days}` is a day of the week, not a member the job runs on",
        span,
        help=f"write `run on MEMBER {schedule}` with the member's name, {named}: `{written}` is written `{schedule}`",
        choices=tuple(write_fix(f"on {m} {schedule}", span) for m in members[:4]),
    )


def on_left_out(diag: Diagnostic, name: Span, before_on: str = "", member: str = "") -> Diagnostic:
    """`expected `on``, where `on` was left out between the word `before_on` and the
    member's name `member`: inserted, and the help writes the two with it."""
    help = f"write `{before_on} on {member}`" if member else diag.help
    return replace(diag, help=help, fix=Fix.replace("Insert `on`", before(name), "on "), choices=())


def declaration_word_left_out(diag: Diagnostic, kind: str, name: str, at: Span) -> Diagnostic:
    """`expected `group` or `user` after `single``: `single LINUX { ... }`, where the `{`
    says a group is declared; the help writes the line and the fix inserts `group` at
    `at`, the empty span before the name."""
    return replace(
        diag,
        help=f"write `{kind} group {name} {{`: a `{{` opens a group's list of users",
        fix=Fix.replace("Insert `group`", at, "group "),
    )


def member_left_out(diag: Diagnostic, after_each: Span) -> Diagnostic:
    """`expected `member` after `each``: `run on each daily 02:00`, where only `member`
    can follow `each`: inserted after it."""
    return replace(diag, fix=Fix.replace("Insert `member`", after_each, " member"))


def member_block_below(diag: Diagnostic, statement: str | None) -> Diagnostic:
    """`expected `member` after `each``: `expire on each` (or `run on each`), then
    `member M {` starting the next line, which opens a member block (a statement's
    first keyword starting a line after an unfinished one is that keyword): `member`
    belongs on the line of `each`."""
    written = f"`{statement} on each member`" if statement in ("expire", "run") else "`on each member`"
    return replace(
        diag,
        message=f"{diag.message}, a member block's opening line",
        found=None,
        help=f"write `member` after `each`, on its line: {written}; a `member NAME {{` line opens a member block",
    )


def size_left_out(diag: Diagnostic, number: Span) -> Diagnostic:
    """`expected `size` after `191``: `disk BKRBKUP 191 10 cyl`, a size and its unit
    written without their keyword: at the number, and `size` inserted before it."""
    return replace(diag, span=number, fix=Fix.replace("Insert `size`", before(number), "size "))


#: A minidisk's virtual address as a `disk` line writes it (`191`, `0191`, `01A0`).
_DISK_ADDRESS = re.compile(r"[0-9A-Fa-f]{1,4}")


class DiskMeant(NamedTuple):
    """A `disk` line with a word missing, as `disk_meant` reads it: the statement to
    write (`meant`), its placeholders said (`notes`), and where its words written the
    other way round stand (`swapped`: the unit, then the size, `cyl 10`), or None."""

    meant: str
    notes: tuple[str, ...]
    swapped: tuple[int, int] | None


def disk_meant(words: Sequence[tuple[str, int, int]]) -> DiskMeant | None:
    """The `disk` statement a line with its address, `size`, its size or its unit left
    out means (`words`: the line's words from `disk`, each with where it starts and
    ends): `disk BKRBKUP 0191 10` is `disk BKRBKUP 0191 size 10 cyl`, `disk BKRBKUP
    0191 cyl 10` is `... size 10 cyl`, `disk BKRBKUP 0191 on VMCOM1` is `... size N
    cyl on VMCOM1`, `disk BKRBKUP size 10 cyl` is `disk BKRBKUP ADDR size 10 cyl`,
    each placeholder said; None where the line is read otherwise (nothing after the
    address, or words after the size that are not `on VOLUME`)."""
    texts = [w for w, _, _ in words]
    if len(texts) < 3 or texts[0].lower() != "disk":
        return None
    owner, tail = texts[1], texts[2:]
    address = None
    if tail[0].lower() != "size":
        if not _DISK_ADDRESS.fullmatch(tail[0]):
            return None
        address, tail = tail[0], tail[1:]
    if not tail:
        return None  # `disk BKRBKUP 191`, as it is typed: `size` next
    size = unit = swapped = None
    lowered = [t.lower() for t in tail]
    if lowered[0] == "size":
        if address is not None or len(tail) < 3 or not tail[1].isdigit() or lowered[2] not in DISK_UNIT_WORDS:
            return None  # the address is what is missing, else another slip
        size, unit, tail = tail[1], tail[2], tail[3:]
    elif tail[0].isdigit():
        size, tail = tail[0], tail[1:]
        if tail and tail[0].lower() in DISK_UNIT_WORDS:
            unit, tail = tail[0], tail[1:]
    elif lowered[0] in DISK_UNIT_WORDS:
        unit, tail = tail[0], tail[1:]
        if tail and tail[0].isdigit():
            # `cyl 10`: the size after its unit, `size` left out
            at = len(texts) - len(tail)
            size, tail, swapped = tail[0], tail[1:], (words[at - 1][1], words[at][2])
    if tail and (tail[0].lower() != "on" or len(tail) not in (2, 4) or len(tail) == 4 and tail[2].lower() != "at"):
        return None
    notes = []
    if address is None:
        notes.append("ADDR, the minidisk's virtual address, such as 191")
    if size is None:
        notes.append(f"N, its size in {'blocks' if (unit or '').lower().startswith('b') else 'cylinders'}")
    if unit is None:
        notes.append("the unit is not written: `cyl` counts cylinders of a 3390, `blk` 512-byte blocks of an FBA volume")
    meant = " ".join(["disk", owner, address or "ADDR", "size", size or "N", unit or "cyl", *tail])
    return DiskMeant(meant, tuple(notes), swapped if address is not None else None)


def disk_written_whole(diag: Diagnostic, meant: DiskMeant, source: Source) -> Diagnostic:
    """`diag` (`expected `size` after `0191``, or the address missing) with a help that
    writes the whole `disk` statement `meant` names, its placeholders said; a fix only
    where one reading is clear (`cyl 10`: `size 10 cyl`), or the one `diag` has."""
    notes = f" ({'; '.join(meant.notes)})" if meant.notes else ""
    fix = diag.fix
    if meant.swapped is not None:
        start, end = meant.swapped
        size, unit = meant.meant.split(" size ", 1)[1].split()[:2]
        fix = write_fix(f"size {size} {unit}", source.span(start, end))
    return replace(diag, help=f"write `{meant.meant}`{notes}", fix=fix)


#: Words for "every" before a selection's medium, which is left out where they stand
#: (`include all minidisks`, `include all sfs`).
EVERY_OF_MEDIUM = ("all", "every", "each")
#: Words for "every minidisk" after `include` or `exclude`, its medium left out
#: (`include all minidisks`): `minidisk * *`, every address of every owner.
_EVERY_MINIDISK = frozenset(
    (every, disks) for every in EVERY_OF_MEDIUM for disks in ("minidisk", "minidisks", "disk", "disks")
)
#: Kinds of disk written after `include` or `exclude` in a selection's place (`exclude
#: paging`): a selection names minidisks by owner and address (`medium_left_out`).
DISK_KIND_WORDS = frozenset(
    {"paging", "page", "swap", "swaps", "tdisk", "tdisks", "t-disk", "t-disks", "temp", "temporary",
     "vdisk", "vdisks", "v-disk", "v-disks"}
)
#: The catalog's file pool, where the file names it on the catalog statement's line.
_CATALOG_POOL = re.compile(r"(?im)^[ \t]*catalog\b[^#\n]*?\bpool[ \t]+([A-Za-z][A-Za-z0-9]{0,7})(?![^\s#])")


def catalog_pool(text: str) -> str | None:
    """The catalog's file pool, `BKRPOOL` in `catalog shared server BKRSVSFS pool
    BKRPOOL`, on the statement's first line; None where the text names none there."""
    found = _CATALOG_POOL.search(text)
    return found.group(1).upper() if found else None
#: A minidisk selection's owner: a user ID or pattern (the grammar's NAME, no `:`).
_OWNER = re.compile(r"[A-Za-z0-9$@_*%?#][A-Za-z0-9$#@_*%?+\-.]*")


def selection_written(action: str, rest: str) -> str | None:
    """`include all minidisks`, `exclude 0190`: the selection the words `rest` after
    `action` (to the line's end) mean, its medium left out, where they say which:
    every minidisk (`minidisk * *`), addresses alone (every owner's: `minidisk *
    0190`), an owner and addresses (`minidisk LNX* 0191`), SFS paths (`sfs
    BKRPOOL:CICSPRD.*`). None where they do not (`include all`, `include LINUX01`)."""
    words = line_words(rest).split()
    if not words:
        return None
    if len(words) == 2 and (words[0].lower(), words[1].lower()) in _EVERY_MINIDISK:
        return f"{action} minidisk * *"
    if all(_ADDRESS_LIKE.fullmatch(w) for w in words):
        return f"{action} minidisk * {' '.join(words)}"
    owner, *addresses = words
    if (
        addresses
        and _OWNER.fullmatch(owner)
        and owner.lower() not in lexicon.KEYWORDS
        and all(w == "*" or _ADDRESS_LIKE.fullmatch(w) for w in addresses)
    ):
        return f"{action} minidisk {owner} {' '.join(addresses)}"
    if all(re.fullmatch(r"[^\s:,{}\"]+:[^\s,{}\"]*", w) for w in words):
        return f"{action} sfs {' '.join(words)}"
    return None


def medium_left_out(diag: Diagnostic, action: str, rest: str, pool: str | None = None) -> Diagnostic:
    """"expected `minidisk` or `sfs` after `include`": `rest`, the text after `action`
    to its line's end. The help writes the line with the medium where its words say
    which (`selection_written`), else the statement's two forms: "write `minidisk` or
    `sfs` after `include`" alone, written literally, makes no selection either
    (`include minidisk all minidisks`). Every SFS directory (`include all sfs`) is
    `sfs POOL:*.*`, every directory of the job's users in a file pool the words do not
    name: the help writes it with `pool`, the catalog's, if the directories are there
    (no fix: a guess), else with `POOL`."""
    action = action.lower()
    meant = selection_written(action, rest)
    words = line_words(rest).split()
    if len(words) == 2 and words[0].lower() in EVERY_OF_MEDIUM and words[1].lower() == "sfs":
        help = (
            f"write `{action} sfs {pool}:*.*` if the directories are in {pool}: `sfs` after `{action}`,"
            " then paths POOL:USER.DIR, `*.*` every directory of the job's users"
            if pool
            else f"write `sfs` after `{action}`, then paths POOL:USER.DIR: `{action} sfs POOL:*.*`"
            " is every directory of the job's users in POOL"
        )
        return replace(diag, help=help)
    if meant is None and words and words[0].lower() in DISK_KIND_WORDS:
        # `exclude paging`, `exclude tdisk`: a kind of disk, which a selection cannot
        # name (was the statement's two forms alone; h9, stop 71)
        help = (
            f"a selection names minidisks by owner and address, not by kind (`{words[0]}`): {action} a guest's"
            f" swap minidisks, V-DISKs too, by address, `{action} minidisk LNX* 0300-0301` (your owners and"
            " addresses); CP's paging volumes and T-disks (DEFINE T3390) are no directory entry's minidisks"
        )
        return replace(diag, help=help)
    begun = [m for m in ("minidisk", "sfs") if len(words) == 1 and m != words[0] and m.startswith(words[0])]
    if meant is None and begun:
        # `include m`, `include mi`: the medium being typed, in small letters as keywords
        # are written, alone after the keyword (as `to d` gets `disk`), not a statement
        # whose medium is to be written after `include`
        return replace(diag, help=f"write `{begun[0]}` in place of `{words[0]}`")
    if meant is None:
        help = (
            f"write `minidisk` or `sfs` after `{action}`:"
            f" `{action} minidisk OWNER ADDRESS...` or `{action} sfs POOL:USER.DIR...`"
        )
        return replace(diag, help=help)
    if meant.endswith(" minidisk * *"):
        help = f"write `{meant}`: `minidisk` after `{action}`, then `* *`, every address of every owner"
        if action != "include":
            return replace(diag, help=help)  # excluding every minidisk leaves the job none (BKR407)
        # `include all minidisks` says every minidisk, and only that: the fix writes it
        return replace(diag, help=help, fix=_selection_fix(diag, meant, rest))
    if meant.startswith(f"{action} minidisk * "):
        help = f"write `{meant}`: `minidisk` after `{action}`, then the owner, `*` for every owner, then the addresses"
    else:
        help = f"write `{meant}`: `minidisk` or `sfs` comes right after `{action}`"
    owner = meant.split()[2] if meant.startswith(f"{action} minidisk ") else None
    if owner is not None and owner != "*" and _ADDRESS_LIKE.fullmatch(owner):
        return replace(diag, help=help)  # `include 0191 *`: user 0191's every disk, or address 0191's?
    # addresses alone (every owner's), an owner and addresses, SFS paths: one reading,
    # the line the help writes
    return replace(diag, help=help, fix=_selection_fix(diag, meant, rest))


def _selection_fix(diag: Diagnostic, meant: str, rest: str) -> Fix:
    """The fix that writes `meant` over the selection's words: `diag`'s, the action's,
    and `rest`'s up to the line's comment, which is kept."""
    written = line_words(rest)
    end = diag.span.end + rest.index(written) + len(written)
    span = diag.span._replace(end_column=diag.span.end_column + end - diag.span.end, end=end)
    return write_fix(meant, span)


def days_left_out(diag: Diagnostic, after_number: Span) -> Diagnostic:
    """`expected `days` after `42``: `retain 42`, where only `days` can follow the
    number (`retain` counts days alone): inserted after it."""
    return replace(diag, fix=Fix.replace("Insert `days`", after_number, " days"))


# ------------------------------------------------------------ natural phrasings
# What a newcomer writes in plain English where .bkr has a fixed form: the message
# says what the form is and gives the user's own values in it.

#: Words that mean "every member" where the language says `each member` (`both
#: members`, in a cluster of two).
EVERY_WORDS = frozenset({"every", "all", "each", "both"})


def means_every(word: str, member: str) -> bool:
    """Whether `word`, before `member` (`member` or `members`, as written) after
    `on`, says every member: one of EVERY_WORDS, or `each` with one slip
    (`eahc member`, `ech members`), which would otherwise be a member EAHC and a
    `member` block misplaced in the job. A misspelling in capitals counts only
    beside a `MEMBER` in capitals: `BACH member` is a member name."""
    lowered = word.lower()
    if lowered in EVERY_WORDS:
        return True
    if word.isupper() and not member.isupper():
        return False
    return len(lowered) >= 3 and typing_slips(lowered, "each", 1) <= 1


def each_member(
    written: str,
    statement: str | None,
    span: Span,
    members: Sequence[str] = (),
    kind: str | None = None,
    home: str | None = None,
) -> Diagnostic:
    """`run on all members`: `on each member`. `members`, the file's members read so
    far, whose first two the example of a list names (`MEMBER` for one not read).
    `kind`, `home`: the job's users' kind and the member its users' other jobs run on
    (`job_home`): a job of single-configuration users runs on one member (on each, it
    copies the same data on each, BKR220), so there the fix writes `home`, else each
    member is a choice (four at most), not `each member`."""
    if statement == "run" and kind == "single" and members:
        message = f"`{written}` is written `each member` in .bkr, but a job of single-configuration users runs on one member"
        named = [home] if home is not None else list(members[:4])
        places = one_of([f"`run on {m}`" for m in named] + ["..."] * (home is None and len(members) > 4))
        help = f"write {places}: on each member the job would copy the same data on each (BKR220)"
        if home is not None:
            help += f"; the other jobs of its users run on {home}"
            return codes.SYNTAX(message, span, help=help, fix=write_fix(home, span))
        return codes.SYNTAX(message, span, help=help, choices=tuple(write_fix(m, span) for m in named))
    listed = ", ".join((list(members[:2]) + ["MEMBER", "MEMBER"])[:2])
    if statement == "expire":
        help = f"write `expire on each member {{ ... }}`; for some members only, list them: `expire on {listed}`"
    else:
        help = (
            "write `run on each member`: one job per member, named with the member's suffix;"
            f" for some members only, list them: `run on {listed}`"
        )
    return codes.SYNTAX(
        f"`{written}` is written `each member` in .bkr", span, help=help, fix=write_fix("each member", span)
    )


SCHEDULE_FORMS = schedule_forms()


def forms_of_schedule() -> str:
    """What a help says after its advice: the forms a schedule takes, on a line of its
    own, as the text renderer cuts a line past its MESSAGE_WIDTH (the forms, some 190
    characters, after advice of a hundred or more, cut the forms' end; the advice
    first, so a reader sees what to write before the reference)."""
    return f"\na schedule is {SCHEDULE_FORMS}, on a 24-hour clock"


_WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_GROUPS_OF_DAYS = {
    "weekday": _WEEK[:5],
    "weekdays": _WEEK[:5],
    "weekend": _WEEK[5:],
    "weekends": _WEEK[5:],
}
#: Words before the days a schedule in English leaves out (`daily except sun`).
_EXCEPT = frozenset({"except", "excluding"})
#: Words that start a schedule written in English (`every day at 02:00`, `at 02:00`).
SCHEDULE_STARTERS = frozenset(
    {"every", "each", "at", "on", "nightly", "night", "everyday", "day", "days", "once", "twice", "thrice"}
    | _EXCEPT
    | {"first", "second", "third", "fourth", "last", "1st", "2nd", "3rd", "4th", "fifth", "5th"}
    | set(_GROUPS_OF_DAYS)
)
#: Words that join the parts of a schedule written in English (`daily at 02:00`).
SCHEDULE_CONNECTORS = frozenset({"at", "on", "every", "each", "and", "of", "the", "day", "days", "in"} | _EXCEPT)
CLOCK = re.compile(
    r"(?<![:.])\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\b\.?|\b(\d{1,2}):(\d{2})\b|\b(midnight|noon)\b", re.IGNORECASE
)
_DAY_OF_MONTH = re.compile(r"\A(\d{1,2})(?:st|nd|rd|th)?\Z", re.IGNORECASE)


def phrase_day(word: str) -> tuple[str, ...]:
    """The days of the week a word names: `sun`, `sundays`, `weekdays`."""
    lowered = word.lower().rstrip(",")
    if lowered in _GROUPS_OF_DAYS:
        return _GROUPS_OF_DAYS[lowered]
    for candidate in (lowered, lowered.removesuffix("s")):
        if looks_like_day(candidate):
            return (candidate[:3],)
    return ()


def phrase_time(text: str) -> str | None:
    """The time of day a phrase names, as HH:MM (`02:00`, `2am`, `2:30 pm`, `midnight`)."""
    m = CLOCK.search(text)
    if m is None:
        return None
    if m.group(6):
        return "00:00" if m.group(6).lower() == "midnight" else "12:00"
    if m.group(4):
        return f"{int(m.group(4)):02d}:{m.group(5)}"
    hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
    return f"{hour:02d}:{m.group(2) or '00'}"


def looks_like_schedule(text: str) -> bool:
    """Whether a phrase says when something runs: a time, a day, a frequency, a
    date written whole (`on 2026-02-28`, a run on one day), or a day of the month
    as an ordinal (`on the 1st`, without its time). Days joined by commas are days
    each (`mon,thu`, without its time)."""
    words = text.lower().replace(",", " ").split()
    return (
        phrase_time(text) is not None
        or any(looks_like_date(w) or _ORDINAL_DAY.match(w) for w in words)
        or any(phrase_day(w) for w in words)
        or bool(set(words) & {"day", "days", "daily", "night", "nightly", "everyday", "weekly", "monthly"})
        # `every morning`, without a time (was read as members whose `,`s are missing)
        or (len(words) > 1 and words[0] in ("every", "each") and words[1] in ("morning", "evening", "afternoon"))
        or every_other_written(text) is not None  # `every 2 weeks`, without a time
        # `twice a day`, `every 6 hours`: more than once a day, which no schedule runs (were
        # members whose `,`s are missing, and `every 6` the 6th of the month)
        or (len(words) > 1 and more_than_daily_written(text) is not None)
        # `at 2`, an hour alone and nothing of how often (`at` cannot appear here, was the
        # error; `every day at 2` was a schedule by its `day`)
        or _BARE_HOUR.search(text) is not None
        # `on the first`, without a time: a day of the month in words; a phrase only
        # (a single token, the fast parser's use, is unchanged)
        or (len(words) > 1 and any(_ORDINAL_DAY.match(w) for w in ordinal_words_as_days(text).lower().split()))
    )


def joined_schedule(words: list[str]) -> bool:
    """Whether the words after a schedule's keyword join its parts in English: a
    connector before a time, a day, a date or another connector (`at 02:00`, `on
    sun`, `on the 1st`), or a time written with am/pm (`daily 2 am`)."""
    lowered = [w.lower() for w in words]
    for word, following in itertools.pairwise(lowered):
        if word in SCHEDULE_CONNECTORS and (
            following in SCHEDULE_CONNECTORS
            or phrase_time(following) is not None
            or phrase_day(following)
            or (word in _EXCEPT and phrase_day(following.split(",")[0]))  # `daily except sat,sun`
            or _DAY_OF_MONTH.match(following)
            or (word == "and" and following in _NTH)  # `monthly first sun and third sun 03:00`
            or (word == "at" and _BARE_HOUR.match(f"at {following}"))  # `daily at 14h`, `at 1400`
        ):
            return True
    if more_than_daily_written(" ".join(words)) is not None:
        return True  # `daily 4 times a day`, `daily 02:00 twice a day` (`times` was a statement's first word)
    clock = CLOCK.search(" ".join(words))
    return clock is not None and not looks_like_time(clock.group(0))


#: A `-` between two words with blanks about it (`mon - wed`, `mon -wed`, `mon- wed`).
_SPACED_DASH = re.compile(r"(?<=[a-z])[ \t]*-[ \t]*(?=[a-z])")


def schedule_for(text: str) -> str:
    """The .bkr schedule a phrase in English means: `every sunday at 2am` -> `weekly sun 02:00`,
    `mon,thu 22:00` -> `weekly mon,thu 22:00` (days joined by commas are days each)."""
    # a range with blanks about its `-` (`mon - wed`, `mon -wed`) is one, as `mon-wed` (was
    # its first and last days alone: `weekly sat, mon -wed 10pm` wrote `weekly sat,mon 22:00`)
    words = _SPACED_DASH.sub("-", text.lower()).replace(",", " ").split()
    time = phrase_time(text) or "HH:MM"  # never a time nobody wrote
    clock = CLOCK.search(text)
    in_clock = set(clock.group(0).lower().split()) if clock else set()
    # In the order written, each once: `weekly sun,thu` and `weekly thu,sun` write
    # their days in that order into the templates and EXECs, so a fix that sorted
    # them would change the output (`sun weekly,thursday` is `weekly sun,thu`).
    # a range, or days joined by `+` (`mon-fri`, `sat+sun`), is its days (was none: `weekly
    # mon-fri at 22:00` wrote `daily 22:00`)
    days = list(dict.fromkeys(d for w in words for d in phrase_day(w) or _days_written_as_one(w) or ()))
    cut = next((i for i, w in enumerate(words) if w in _EXCEPT), None)
    if cut is not None and (left_out := {d for w in words[cut + 1 :] for d in phrase_day(w)}):
        # `daily except sun`, `weekdays except fri`: the other days (`weekly sun` was written,
        # the one day the job was not to run)
        named = [d for w in words[:cut] for d in phrase_day(w)] or list(_WEEK)
        days = [d for d in dict.fromkeys(named) if d not in left_out]
        if days:
            return f"weekly {','.join(days)} {time}"
    nth = next((_NTH[w] for w in words if w in _NTH), None)
    nth_days = month_weekdays_written(text)
    if len(nth_days) == 1:
        return f"monthly {nth_days[0][1]} {nth_days[0][2]} {time}"  # `on the first sunday at 2am`
    if len(days) == 1 and nth is not None and {"month", "monthly"} & set(words):
        return f"monthly {nth} {days[0]} {time}"  # `sunday, the first of the month`
    if days:
        return f"weekly {','.join(days)} {time}"
    if "last-day" in words or ("last", "day") in itertools.pairwise(words):
        return f"monthly last-day {time}"  # `monthly last-day at 22:00` (was `monthly 1 22:00`)
    if {"month", "monthly"} & set(words):
        dates = [m.group(1) for w in words if w not in in_clock and (m := _DAY_OF_MONTH.match(w))]
        return f"monthly {int(dates[0]) if dates else 1} {time}"
    if {"manual", "manually", "hand", "demand"} & set(words):
        return "manual"
    return f"daily {time}"


def _how_often_said(text: str) -> bool:
    """Whether a schedule in English says how often it runs, besides its time: a day
    of the week or of the month, a frequency (`daily`, `night`, `month`), `every`,
    `each` or `manual` (`at 02:00` says none)."""
    words = set(_phrase_words(text))
    return (
        any(phrase_day(w) or _days_written_as_one(w) or _DAY_OF_MONTH.match(w) for w in words)
        or bool(words & (_FREQUENCY_WORDS | {"day", "days", "every", "each", "manual", "manually", "hand", "demand"}))
    )


#: An ordinal in English, for `monthly first sun` (`first sunday of the month`).
_NTH = {
    "first": "first", "1st": "first", "second": "second", "2nd": "second", "third": "third",
    "3rd": "third", "fourth": "fourth", "4th": "fourth", "last": "last", "final": "last",
    "fifth": "last", "5th": "last",  # not every month has a fifth: the help says so
}

#: A working day of the month in English after an ordinal (`monthly first weekday`,
#: `last business day`, `first work-day`), which no schedule names (`working_day`).
WORKING_DAY = re.compile(
    r"(?i)\b(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|last|final)[\s-]+"
    r"(?P<day>week-?days?|work-?days?|(?:working|business|work)[\s-]*days?|bdays?)\b"
)


def working_day(nth: str, time: str, keyword: str = "") -> tuple[str, str, list[str]]:
    """The month's first (second, ..., last) working day, Monday to Friday, for `monthly
    first weekday 03:00` (`nth`, the ordinal as written; `time`, HH:MM or `HH:MM`;
    `keyword`, `purge ` before each schedule): no schedule names one, as the 1st may fall on a
    weekend. What the message says, the help, and the schedules it writes, each a
    choice where the time is written: the day of the month by number, the 1st (2nd,
    ...) whatever its weekday; for the first, also the first Monday (the 1st to the 7th,
    always a working day), for the last the month's last day and its last Friday."""
    ordinal = _NTH[nth.lower()]
    if ordinal == "last":
        schedules = [f"{keyword}monthly last-day {time}", f"{keyword}monthly last fri {time}"]
        said = "the month's last day whatever its weekday, or", "its last Friday"
    elif ordinal == "first":
        schedules = [f"{keyword}monthly 1 {time}", f"{keyword}monthly first mon {time}"]
        said = "the 1st whatever its weekday, or", "its first Monday"
    else:
        number = {"second": 2, "third": 3, "fourth": 4}[ordinal]
        schedules = [f"{keyword}monthly {number} {time}"]
        said = f"the {number}{'nd' if number == 2 else 'rd' if number == 3 else 'th'} whatever its weekday", ""
    message = f"no schedule names the month's {ordinal} working day (Monday to Friday)"
    help = f"write `{schedules[0]}`, {said[0]}" + (f" `{schedules[1]}`, {said[1]}" if len(schedules) > 1 else "")
    help += "; a schedule names a day of the month or of the week, not a working day"
    return message, help, schedules


def month_range_help(first: int, last: int, time: str, statement: str = "run") -> str:
    """The help for a range of days of the month (`monthly 1-7 03:00`: `first` 1, `last`
    7), where a schedule names one day: a job for each day of it, or `daily` (a `purge`
    or `preview`, `statement`: one day of it), and for days 1-7 (8-14, 15-21, 22-28) the
    Nth weekday form. One text for BKR314 (check/values) and a schedule in English."""
    nth = {(1, 7): "first", (8, 14): "second", (15, 21): "third", (22, 28): "fourth"}.get((first, last))
    keyword = "" if statement == "run" else f"{statement} "
    weekday = f"; for one weekday of days {first} to {last}, `{keyword}monthly {nth} DAY {time}`" if nth else ""
    each = (
        f"a job for each day of it, the same but for its `run`, `monthly {first} {time}` to `monthly {last} {time}`,"
        f" or `daily {time}`"
        if statement == "run"
        else f"one day of it, `{statement} monthly {first} {time}` (a member has one `{statement}`)"
    )
    return f"write {each}{weekday}"


def month_day_amiss(names: Sequence[str], time: str) -> tuple[str, str] | None:
    """A `monthly` schedule's day (`names`, the words after `monthly`) that BKR314
    (check/values) refuses once `run on M` and the time are written, in words both
    parsers can say it in beforehand: a range of days (`1-15`), a day as English writes
    it (`1st`), a working day (`first weekday`). What the message says of it and the help
    after `run on M`, the time `time` (HH:MM, or `HH:MM` where none is known or the one
    written is no time of day). None for any other days."""
    if len(names) == 2 and WORKING_DAY.fullmatch(" ".join(names)) is not None:
        message, help, _ = working_day(names[0], time)
        return f"{shown(names[1])} is not a day of the week: {message}", help
    if len(names) != 1:
        return None
    ranged = re.fullmatch(r"(\d{1,2})(?:-|\.\.)(\d{1,2})", names[0])
    if ranged is not None and 1 <= int(ranged.group(1)) < int(ranged.group(2)) <= 31:
        return (
            f"{shown(names[0])} is not a day of the month: a `monthly` schedule names one day, not a range",
            month_range_help(int(ranged.group(1)), int(ranged.group(2)), time),
        )
    ordinal = re.fullmatch(r"(?i)0?([0-9]{1,2})(?:st|nd|rd|th)", names[0])
    if ordinal is not None and 1 <= int(ordinal.group(1)) <= 31:
        n = int(ordinal.group(1))
        short = f"; it skips the months with fewer than {n} days (BKR404): `monthly last-day {time}` runs on each month's last day" if n > 28 else ""
        return (
            f"{shown(names[0])} is not a day of the month: a day is its number alone",
            f"write `monthly {n} {time}`: `monthly {n}` runs on the {names[0].lower()}{short}",
        )
    return None


#: A schedule a help writes, with its time (HH:MM or a time of day), for `run_placed`.
_TIMED_SCHEDULE = re.compile(r"`((?:daily|weekly|monthly) [^`]*?(?:HH:MM|\d{1,2}:\d{2}))`")


def run_placed(help: str, place: str, named: str) -> str:
    """`help`, written for a schedule after `run on M`, for the same schedule alone on a
    job's line (`run on` left out): each timed schedule it writes (`monthly 1 HH:MM`) with
    the `run` before it that the file allows (`run_allowed`: `place`, `MEMBER` or the
    member; `named`, what is said of MEMBER, "" where the member is known), so that the
    schedule the help leads to is a statement and its mistake is not the next error; what
    MEMBER is, on a line of its own."""
    help = _TIMED_SCHEDULE.sub(lambda found: f"`run on {place} {found.group(1)}`", help)
    return help + (f"\nMEMBER is the member it runs on{named.removeprefix(', with the member it runs on')}" if named else "")


def day_amiss_alone(
    day: tuple[str, str], time: str, written: str, span: Span, members: Sequence[str], kind: str | None, home: str | None
) -> Diagnostic:
    """`monthly 1-15 25:00`, `monthly first weekday`, `monthly 1st 25:00` alone on a line of
    a job (`written`, over `span`): a day of the month none is (`day`, `month_day_amiss`'s
    message and help, or `schedule_left_unfinished`'s, the time said missing there), and
    `run on` left out before it. One error that says both (was "`run` is missing", then
    the day's error; or the help wrote `run on MEMBER monthly 1-15 HH:MM`, still broken):
    the help is the day's with the `run` the file allows before each schedule. `time`: the
    time as written, a time no clock has (`25:00`: HH:MM, said why), "" where it is missing
    (the day's message says so). No mend: which day, or a job for each, is the user's."""
    place, named = run_allowed(members, kind, home)
    message, help = day
    note = clock_has_not(time) if time else None
    if note is not None:
        message += f", and `{time}` is not a time of day"
    run = "; `run` is missing before the schedule, and so is the member the job runs on"
    help = run_placed(help, place, named)
    if note is not None:
        help += f"\nHH:MM is a time of this day, from `00:00` to `23:59` ({note})"
    return codes.SYNTAX(message + run, span, help=help)


#: A range of days of the month after `monthly` in a schedule in English (`monthly 1-15 at 3am`).
_MONTH_RANGE = re.compile(r"(?i)\bmonthly\s+(?P<first>\d{1,2})(?:-|\.\.)(?P<last>\d{1,2})(?![\w,-])")


#: Words of a schedule in English that `schedule_for` reads besides the time, days and date.
_FREQUENCY_WORDS = frozenset(
    {"daily", "weekly", "monthly", "everyday", "nightly", "night", "nights", "week", "weeks", "month"}
)


def certain_schedule(text: str) -> str | None:
    """`schedule_for(text)` when it comes from the phrase alone: one time of day
    written (never the 02:00 assumed when none is), every other word read into it
    (a day, a date, a word that only joins them), at most one day of the month.
    None when the schedule would drop a word or assume a value: then only the help
    says what to write, and nothing is fixed for the user."""
    clocks = list(CLOCK.finditer(text))
    if len(clocks) != 1:
        return None
    clock = clocks[0]
    # a range of days (`mon-fri`, `mon - fri`) is its days, as schedule_for reads it
    rest = _SPACED_DASH.sub("-", (text[: clock.start()] + " " + text[clock.end() :]).lower())
    words = rest.replace(",", " ").split()
    days = [w for w in words if phrase_day(w) or _days_written_as_one(w)]
    dates = [w for w in words if _DAY_OF_MONTH.match(w)]
    monthly = bool({"month", "monthly"} & set(words))
    if (days and monthly) or (dates and not monthly) or len(dates) > 1 or (monthly and not dates):
        return None
    if month_weekdays_written(text):
        return None  # `first sunday`, as `first sunday of the month`: `every second tue` may be every other week
    if not (days or monthly or {"daily", "everyday", "nightly", "night", "nights", "day", "days"} & set(words)):
        return None  # `at 02:00`: how often is not said (the help says `daily`)
    known = SCHEDULE_CONNECTORS | SCHEDULE_STARTERS | _FREQUENCY_WORDS
    if any(w not in known and w not in days and w not in dates for w in words):
        return None
    meant = schedule_for(text)
    hour, minute = meant.rsplit(" ", 1)[1].split(":")
    return meant if int(hour) <= 23 and int(minute) <= 59 else None


#: A day of the month written as an ordinal (`1st`, `15th`, `31st`), never a bare number.
_ORDINAL_DAY = re.compile(r"\A(\d{1,2})(?:st|nd|rd|th)\Z", re.IGNORECASE)


def _phrase_words(text: str) -> list[str]:
    """The words of a schedule in English, its time of day taken out, in small letters."""
    clock = CLOCK.search(text)
    rest = text if clock is None else text[: clock.start()] + " " + text[clock.end() :]
    return rest.lower().replace(",", " ").split()


def month_weekdays_written(text: str) -> list[tuple[str, str, str]]:
    """The Nth weekdays of the month a schedule in English names, each (ordinal as
    written, ordinal of a schedule, day): `on the first sunday` -> [(`first`, `first`,
    `sun`)], `5th sun` -> [(`5th`, `last`, `sun`)], `first and third sunday` and `first
    sunday and monday` two each; [] unless every weekday named has an ordinal before it
    (`every sunday`), or for a group of days (`first weekday`)."""
    found: list[tuple[str, str, str]] = []
    pending: list[str] = []  # ordinals waiting for their weekday: `first and third`
    last: list[str] = []  # the ordinals of the weekday before: `first sunday and monday`
    for word in _phrase_words(text):
        days = phrase_day(word)
        if word in _NTH and not days:
            pending.append(word)
        elif len(days) > 1:
            return []
        elif days:
            if not (pending or last):
                return []
            last = pending or last
            found += [(nth, _NTH[nth], days[0]) for nth in last]
            pending = []
    return list(dict.fromkeys(found))


#: Words for every other (`every other week`, `every 2nd day`, `every two weeks`).
_EVERY_OTHER = frozenset({"other", "second", "2nd", "two", "2", "alternate", "alternating"})
_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month"}


def every_other_written(text: str) -> str | None:
    """The unit a schedule in English runs every other one of, which no schedule does:
    `every other week` (or `every second week`, `every two weeks`, `every other sunday`)
    -> `week`, `every other day` -> `day`, `every other month` -> `month`; None else
    (`every second sunday`: the month's second, `month_weekdays_written`)."""
    words = ["", *_phrase_words(text)]
    for every, other, unit in zip(words, words[1:], words[2:], strict=False):
        if not (every in ("every", "each") and other in _EVERY_OTHER or other in ("alternate", "alternating")):
            continue  # `on alternate days` needs no `every`
        if unit in _UNITS:
            return _UNITS[unit]
        if len(phrase_day(unit)) == 1 and other not in ("second", "2nd"):
            return "week"
    return None


_ONES = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
#: A day of the month as an ordinal in words (`first` .. `thirty-first`), and its number.
_DAY_WORDS = {
    **{word: n for n, word in enumerate(_ONES, 1)},
    **{word: n for n, word in enumerate(("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                                         "sixteenth", "seventeenth", "eighteenth", "nineteenth"), 10)},
    "twentieth": 20, "thirtieth": 30, "thirty-first": 31,
    **{f"twenty-{word}": 20 + n for n, word in enumerate(_ONES, 1)},
}


def ordinal_words_as_days(text: str) -> str:
    """`text` with each day of the month written as an ordinal in words as `1st`, `15th`:
    `on the first at 22:00` -> `on the 1st at 22:00`, `the second day of the month` ->
    `the 2nd day of the month`; an ordinal before a weekday or a week (`first sunday`,
    `second week`) is kept, as `last` is (`last day`: `month_day_written`)."""
    words = text.split()
    out = []
    for i, word in enumerate(words):
        number = _DAY_WORDS.get(word.lower().rstrip(","))
        following = words[i + 1].lower().rstrip(",") if i + 1 < len(words) else ""
        if number is None or phrase_day(following) or following.rstrip("s") in ("week", "month", "weekday", "weekend"):
            out.append(word)
            continue
        suffix = "th" if 10 < number % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        out.append(f"{number}{suffix}" + ("," if word.endswith(",") else ""))
    return " ".join(out)


def month_days_written(text: str) -> list[str]:
    """Every day of the month a schedule in English names as an ordinal (`1st`, `32nd`),
    as written, when it names no weekday: `on the 1st and 15th` -> [`1st`, `15th`]."""
    words = _phrase_words(text)
    if any(phrase_day(w) for w in words):
        return []
    return [w for w in words if _ORDINAL_DAY.match(w)]


def month_day_written(text: str) -> str | None:
    """The day of the month a schedule in English names, without a weekday: `on the
    1st at 22:00` -> `1`, `on the last day` -> `last`; None for a weekday's ordinal
    (`1st sunday`), several days (`1st and 15th`), or a day no month has (`32nd`)."""
    words = _phrase_words(text)
    if any(phrase_day(w) for w in words):
        return None
    if any(w in ("last", "final") and following == "day" for w, following in itertools.pairwise(words)):
        return "last"
    days = [int(m.group(1)) for w in words if (m := _ORDINAL_DAY.match(w))]
    return str(days[0]) if len(days) == 1 and 1 <= days[0] <= 31 else None


def _month_day_help(day: str, time: str) -> str:
    """The help for a day of the month in English (`month_day_written`) at `time`."""
    if day == "last":
        return f"write `monthly last-day {time}`, the month's last day, whichever of the 28th to the 31st it is"
    if int(day) > 28:
        # `monthly 31` warns (BKR404): the help says so, and gives a day every month has
        return (
            f"write `monthly {day} {time}`, which does not run in months with fewer than {day} days (BKR404),"
            f" or `monthly 28 {time}`, a day every month has"
        )
    return f"write `monthly {day} {time}`"


def _month_weekday_help(text: str, nth_days: list[tuple[str, str, str]], time: str, statement: str) -> str:
    """The help for the Nth weekdays of the month in English (`month_weekdays_written`)
    at `time`: `monthly first sun 22:00`, not `weekly sun 22:00` (every Sunday)."""
    if len(nth_days) > 1:
        return _monthly_days_help([f"{nth} {day}" for _, nth, day in nth_days], time, statement)
    ((written, nth, day),) = nth_days
    meant = f"monthly {nth} {day} {time}"
    if written in FIFTH_ORDINALS:
        return f"write `{meant}` (not every month has a fifth `{day}`: `last` is its fourth or fifth)"
    words = _phrase_words(text)
    if any(w == "every" and following == written for w, following in itertools.pairwise(words)) and nth == "second":
        # `every second tuesday`: the month's second, or every other week?
        return (
            f"write `{meant}` for the month's second `{day}` (no schedule runs every other week:"
            f" `weekly {day} {time}` runs every `{day}`)"
        )
    return f"write `{meant}`"


def _said(help: str, note: str) -> str:
    """`help` with `note` (` (the time of day is missing)`) after it, inside the
    parentheses it ends with, if any: `(not every month has a fifth `sun`: ...; the
    time of day is missing)`, not two in a row."""
    if note and help.endswith(")"):
        return f"{help[:-1]}; {note.strip()[1:-1]})"
    return help + note


#: More than once a day, which no schedule runs (`twice a day`, `every 6 hours`, `hourly`).
_MORE_THAN_DAILY = re.compile(
    r"\b(?:twice|thrice|(?:\d+|two|three|four|several|many)\s+times)\s+(?:(?:a|per|each|every)\s+day|daily)\b"
    r"|\b(?:every|each)\s+(?:\d+\s+|few\s+|couple\s+of\s+|half\s+(?:an\s+)?)?(?:hours?|minutes?|mins?)\b"
    r"|\bhourly\b",
    re.IGNORECASE,
)


#: A count that may start `4 times a day` (`Recovery.schedule_phrase` reads on only if it does).
TIMES_COUNTS = frozenset({"two", "three", "four", "several", "many"})


def more_than_daily_written(text: str) -> str | None:
    """The words of a schedule in English that run it more than once a day, which no
    schedule does: `twice a day` (or `3 times a day`, `twice daily`), `every 6 hours`, `every hour`,
    `every 30 minutes`, `hourly`; None else."""
    found = _MORE_THAN_DAILY.search(text)
    return " ".join(found.group(0).split()) if found else None


def _each_time(text: str) -> list[str]:
    """The schedule each time of day of a phrase in English is written with, one per
    time in the order written: `weekly mon 02:00 and fri 03:00` -> [`weekly mon 02:00`,
    `weekly fri 03:00`]; a time whose words name no day nor how often takes those of
    the time before it (`daily 02:00 and 14:00` -> [`daily 02:00`, `daily 14:00`])."""
    clocks = list(CLOCK.finditer(text))
    rest = text[clocks[-1].end() :] if clocks else ""  # `at 2am and 2pm every day`
    schedules: list[str] = []
    start = 0
    for clock in clocks:
        part = f"{text[start : clock.end()]} {rest}"
        start = clock.end()
        time = phrase_time(clock.group(0)) or "HH:MM"
        if schedules and not _how_often_said(part):
            schedules.append(f"{schedules[-1].rsplit(' ', 1)[0]} {time}")
        else:
            schedules.append(schedule_for(part))
    return list(dict.fromkeys(schedules))



def month_days_each(text: str) -> list[tuple[int, str]] | None:
    """The days of the month a `monthly` schedule in English names, each with its time
    (HH:MM, or `HH:MM` where none is written), where they are more than one schedule:
    `monthly 1,15 3am` -> [(1, `03:00`), (15, `03:00`)]; `monthly 1,15 03:00 and 15:00`
    each day at each time; `monthly 1 03:00 and 15 15:00` the 1st at 03:00, the 15th at
    15:00 (a time takes the days written before it, or, with none, those of the time
    before it; days after the last time take that time). None where the phrase names no
    month, a weekday, an ordinal of a weekday or `last-day`, or one schedule only."""
    words = _phrase_words(text)
    if not {"month", "monthly"} & set(words) or any(phrase_day(w) or w in _NTH or "last" in w for w in words):
        return None
    clocks = list(CLOCK.finditer(text))

    def days_in(part: str) -> list[int]:
        found = (_DAY_OF_MONTH.match(w) for w in ordinal_words_as_days(part).lower().replace(",", " ").split())
        return [int(m.group(1)) for m in found if m is not None]

    cuts = [0, *(c.end() for c in clocks)]
    parts = [days_in(text[start : c.start()]) for start, c in zip(cuts, clocks, strict=False)]
    times = [phrase_time(c.group(0)) or "HH:MM" for c in clocks]
    tail = days_in(text[cuts[-1] :])
    if not clocks:
        parts, times = [tail], ["HH:MM"]
    elif tail:
        parts[-1] = parts[-1] + tail
    if not any(parts):
        return None
    for i, days in enumerate(parts):  # a time without days: those of the time before (or after) it
        if not days:
            parts[i] = next((p for p in reversed(parts[:i]) if p), None) or next(p for p in parts[i:] if p)
    each = list(dict.fromkeys((day, time) for days, time in zip(parts, times, strict=True) for day in days))
    if len(each) < 2 or (len(set(times)) > 1 and any(not 1 <= day <= 31 for day, _ in each)):
        return None  # one schedule; a day no month has at several times: said as such (`on the 32nd`)
    return each


def _month_days_each_help(each: list[tuple[int, str]], statement: str, alone: tuple[str, str] | None = None) -> str:
    """The help for `month_days_each`'s days and times: one time, a job for each day, as
    `monthly 1,15 02:00` is told (`_monthly_days_help`); several, a job for each day and
    time (a `purge` or `preview`: keep one). `alone`: the phrase alone on a job's line,
    `run on` left out, as `monthly_days` takes it: each job's `run` is written whole."""
    times = list(dict.fromkeys(time for _, time in each))
    run, named = ("", "") if alone is None else (f"run on {alone[0]} ", alone[1])
    schedules = [f"monthly {day} {time}" for day, time in each]
    if statement != "run" or alone is not None and len(times) == 1:
        if len(times) == 1:
            return _monthly_days_help([day for day, _ in each], times[0], statement, run, named)
        named = [f"`{statement} {s}`" for s in schedules]
        return f"a member has one `{statement}` schedule: keep one, {', '.join(named[:-1])} or {named[-1]}"
    # the forms on a line of their own, as `_monthly_days_help` writes them after a `run`
    # (a note on the hour, `at 3`, goes after them: `_bare_hour`)
    listed = [f"`{run}{s}`" for s in schedules]
    jobs = f"{', '.join(listed[:-1])} and {listed[-1]}{named}"
    if len(times) == 1:
        return (
            f"write a job for each day, the same but for its `run`: {jobs}\na schedule names one day:"
            f" {_monthly_one_day(times[0])}"
        )
    return (
        f"write a job for each day and time, the same but for its `run`: {jobs}\na schedule names one day and"
        f" one time{one_day_note(schedules)}"
    )

#: A time after `at` that is not HH:MM, nor an hour with am or pm (`CLOCK` reads those):
#: an hour alone (`every day at 2`), with `o'clock` (`at 2 o'clock`), or written as some
#: countries write a time (`at 14h`, `at 14h30`, `at 14.00`, `at 1400`); any number,
#: so that `at 25` is said to be no hour rather than read as a word. Also HH:MM, for
#: one no clock has (`at 25:00`, `at 02:60`: `CLOCK` reads them as it reads `02:00`),
#: and minutes of one figure (`at 2:5`, `at 2.5`, "one word too many" or "`at` cannot
#: appear here" before), am or pm after minutes `CLOCK` does not read (`at 2.30pm`, `at 2:5pm`).
_BARE_HOUR = re.compile(
    r"\bat\s+(?:(?P<hour>\d{1,2})(?:(?P<oclock>\s*o'?clock)|h(?P<hmin>\d{2})?|[.:](?P<dmin>\d{1,2})(?:\s*(?P<ampm>[ap])\.?m\b\.?)?)?"
    r"|(?P<hh>\d{2})(?P<mm>\d{2})h?)\b(?!\s*(?:[:.h]|o'?clock|[ap]\.?m))",
    re.IGNORECASE,
)


#: Words that say a time is at night (`every night at 2`, `nightly at 11`).
_NIGHT = re.compile(r"\b(?:nightly|nights?|tonight)\b", re.IGNORECASE)


def _night_hour(text: str, hour: int) -> int | None:
    """The one hour of the 24-hour clock an hour alone of a 12-hour clock (`hour`, 1
    to 12) means where `text` says it is at night (`every night at 2`: 2 in the
    morning; `at 11`, 11 in the evening, `23`; `at 12`, midnight, `0`); None where
    it does not say so, or the hour is 6, which a night may start or end with."""
    if not 1 <= hour <= 12 or hour == 6 or _NIGHT.search(text) is None:
        return None
    return hour + 12 if 7 <= hour <= 11 else hour % 12


def _bare_hour(
    written: str,
    found: re.Match,
    starts_right: bool,
    span: Span,
    certain: bool,
    statement: str,
    code,
    said: str | None = None,
    at_sign: bool = False,
    alone: tuple[str, str] | None = None,
) -> Diagnostic:
    """`every day at 2`: an hour alone, read as HH:00 on a 24-hour clock, as the schedule
    is (the help said the time was missing: it was written). The help says the reading;
    a fix only where there is no other: `at 13` to `at 23`, and `at 0`; `at 2` may be
    2 in the afternoon, `14:00`, and `at 12` noon or midnight, so no fix for those.
    So for `at 2 o'clock`; `at 14h`, `at 14.00`, `at 1400` are `14:00` (`at 0200`, its
    hour in two figures, on a 24-hour clock). An hour no day has (`at 25`) or minutes
    no hour has (`at 14.75`) are said to be so, the help writing HH:MM (was "`at` cannot
    appear here" for `at 30`, and "the time of day is missing" for `every day at 25`)."""
    groups = found.groupdict()
    hour = int(groups["hour"] or groups["hh"])
    minutes = groups["hmin"] or groups["dmin"] or groups["mm"] or "00"
    minute = int(minutes)
    if groups["ampm"] and hour <= 12:  # `at 2.30pm`, `at 2:5pm` (`CLOCK` reads `at 2:30pm`)
        hour = hour % 12 + (12 if groups["ampm"].lower() == "p" else 0)
    # `every night at 11`: 11 in the evening, the one reading of a night's hour
    night = _night_hour(written, hour) if groups["hh"] is None and not groups["ampm"] else None
    if night is not None:
        hour = night
    start = found.start("hour") if groups["hour"] is not None else found.start("hh")
    as_written = written[start : found.end()]
    time = f"{hour:02d}:{minute:02d}"
    valid = hour <= 23 and minute <= 59 and len(minutes) == 2
    read = f"{written[:start]}{time}{written[found.end() :]}"
    one_reading = valid and (hour == 0 or hour > 12 or groups["hh"] is not None or night is not None)
    # the message quotes the words as written (`said`), the help the time read
    diagnostic = schedule_phrase(
        read, starts_right, span, certain and one_reading, statement, code, True, said or written, at_sign, alone
    )
    if hour > 23:
        note = f"`{as_written}` is no hour of the day: a 24-hour clock's hours are 00 to 23"
    elif len(minutes) == 1:
        note = f"`{as_written}` is no time of day: the minutes have two figures, HH:MM"
    elif not valid:
        note = f"`{as_written}` is no time of day: an hour's minutes are 00 to 59"
    elif night is not None:
        note = f"`at {as_written}` at night is `{time}` on a 24-hour clock"
    elif as_written.isdigit() and len(as_written) < 3:
        note = f"`at {hour}` read on a 24-hour clock, as a schedule's time is"
    else:
        note = f"`at {as_written}` read as `{time}` on a 24-hour clock, as a schedule's time is"
    if night is not None:
        pass  # `every night at 2`: one reading, said
    elif valid and hour == 12 and not minute and groups["hh"] is None:
        note += "; midnight is `00:00`"
    elif valid and not one_reading:
        note += f"; {hour} in the afternoon is `{hour + 12}:{minute:02d}`"
    help = diagnostic.help or ""
    choices = diagnostic.choices
    if valid and not one_reading and certain and diagnostic.fix is None:
        # `weekly sun at 3`: 03:00 or 15:00 (`at 12`: noon, or midnight `00:00`), which
        # half of the day is the site's: each reading a choice, where the words are sure
        # to be the schedule (the help said both; neither was written)
        second = f"{(hour + 12) % 24:02d}:{minute:02d}"
        readings = [
            schedule_phrase(f"{written[:start]}{t}{written[found.end() :]}", starts_right, span, True, statement,
                            code, True, said or written, at_sign, alone).fix
            for t in (time, second)
        ]
        if all(fix is not None for fix in readings):
            choices = tuple(fix for fix in readings if fix is not None)
    if not valid:
        help = help.replace(time, "HH:MM")  # never a time nobody wrote
    # after the schedule the help writes, inside the parentheses that follow it, if any;
    # else before the forms, inside the parentheses the help ends with, if any
    at = re.match(r"write `[^`]+`", help)
    if at is not None and help.startswith(" (", at.end()):
        help = f"{help[: at.end() + 2]}{note}; {help[at.end() + 2 :]}"
    elif at is not None:
        help = f"{help[: at.end()]} ({note}){help[at.end() :]}"
    else:
        head, forms, tail = help.partition("\na schedule is ")
        help = _said(head, f" ({note})") + forms + tail
    return replace(diagnostic, help=help, choices=choices)


def hour_readings(text: str) -> tuple[tuple[str, str], ...] | None:
    """`every day at 2`: a schedule in English whose time is an hour alone after `at`,
    and the schedules it may mean, each (the time, the schedule `certain_schedule` reads
    with it), the 24-hour clock's first, as a schedule's time is read: two where a
    12-hour clock may have meant the morning or the afternoon (`at 2`: `02:00`, `daily
    02:00`; `14:00`, `daily 14:00`; `at 12` noon or midnight), one where no other
    reading is (`at 0`, `at 13` to `at 23`). None where the hour is no hour of the day
    or has its minutes, or the phrase says no schedule with it."""
    found = _BARE_HOUR.search(text)
    if found is None or found.group("hour") is None or any(found.group(g) for g in ("hmin", "dmin", "ampm")):
        return None
    hour = int(found.group("hour"))
    if hour > 23:
        return None
    times = [f"{hour:02d}:00", f"{(hour + 12) % 24:02d}:00"] if 1 <= hour <= 12 else [f"{hour:02d}:00"]
    night = _night_hour(text, hour)
    if night is not None:  # `every night at 11`: 11 in the evening, its one reading
        times = [f"{night:02d}:00"]
    readings = []
    for time in times:
        schedule = certain_schedule(f"{text[: found.start('hour')]}{time}{text[found.end() :]}")
        if schedule is None:
            return None
        readings.append((time, schedule))
    return tuple(readings)


def hour_choices(diag: Diagnostic, readings: tuple[tuple[str, str], ...], written: Sequence[str], span: Span) -> Diagnostic:
    """`diag`, whose fix writes `written[0]` with the first of `readings`
    (`hour_readings`), where the hour alone has a second: the help says it, and each is
    a choice over `span` (no fix: which half of the day is the site's)."""
    if len(readings) < 2:
        return diag
    (first, _), (second, _) = readings
    hour = int(first[:2])
    other = "midnight" if hour == 12 else f"{hour} in the afternoon"
    help = f"{diag.help}; the hour is read on a 24-hour clock, and {other} is `{second}`: write `run {written[1]}`"
    return replace(diag, help=help, fix=None, choices=tuple(write_fix(w, span) for w in written))


def respelt_hour(diag: Diagnostic, readings: tuple[tuple[str, str], ...], span: Span) -> Diagnostic:
    """`dialy at 2`: `diag`, a schedule's keyword misspelt, whose time after it is an
    hour alone (`hour_readings`): the help writes the schedule the 24-hour clock reads,
    and says the other reading where there is one, each a choice over `span` (no fix:
    which half of the day is the site's); the fix where there is one reading (`at 14`)."""
    schedules = [schedule for _, schedule in readings]
    if len(readings) < 2:
        return replace(diag, help=f"write `{schedules[0]}`", fix=write_fix(schedules[0], span))
    hour = int(readings[0][0][:2])
    other = "midnight" if hour == 12 else f"{hour} in the afternoon"
    help = f"write `{schedules[0]}`, the hour read on a 24-hour clock; {other} is `{readings[1][0]}`: `{schedules[1]}`"
    return replace(diag, help=help, fix=None, choices=tuple(write_fix(s, span) for s in schedules))


def _no_clock_has(text: str) -> bool:
    """Whether a time HH:MM after `at` is one no clock has (`at 25:00`, `at 02:60`)."""
    return any(
        int(m.group(4)) > 23 or int(m.group(5)) > 59
        for m in CLOCK.finditer(text)
        if m.group(4) and re.search(r"\bat\s+\Z", text[: m.start()], re.IGNORECASE)
    )


#: A `@` alone between blanks, as a schedule in English writes `at` (`daily @ 02:00`).
AT_SIGN = re.compile(r"(?<!\S)@(?!\S)")


def _once_a_day_at_most(statement: str) -> str:
    """The help of a schedule written to run more than once a day, in `run` or `purge`/`preview`."""
    if statement == "run":
        return (
            "a schedule runs once a day at most: write a job for each time of day, the same but for its `run`,"
            f" each `daily HH:MM`{ONE_DAY_NOTE}"
        )
    return f"a schedule runs once a day at most, and a member has one `{statement}`: write `{statement} daily HH:MM`"


def clock_has_not(time: str) -> str | None:
    """`25:00`, `02:60`: a time HH:MM no 24-hour clock has (`24:00`, midnight, is said
    elsewhere), what a help says of it: "`25:00` is no hour of the day: a 24-hour
    clock's hours are 00 to 23" (as `_bare_hour` says of `at 25:00`); None for any other."""
    found = re.fullmatch(r"(\d{1,2}):(\d{2})", time)
    if found is None or re.fullmatch(r"24:00?", time):
        return None
    if int(found.group(1)) > 23:
        return f"`{time}` is no hour of the day: a 24-hour clock's hours are 00 to 23"
    if int(found.group(2)) > 59:
        return f"`{time}` is no time of day: an hour's minutes are 00 to 59"
    return None


def _with_note(help: str, note: str) -> str:
    """`help` with `note` after the schedule it writes first, inside the parentheses that
    follow it, if any; else before the forms (as `_bare_hour` places its note)."""
    at = re.match(r"write `[^`]+`", help)
    if at is not None and help.startswith(" (", at.end()):
        return f"{help[: at.end() + 2]}{note}; {help[at.end() + 2 :]}"
    if at is not None:
        return f"{help[: at.end()]} ({note}){help[at.end() :]}"
    head, forms, tail = help.partition("\na schedule is ")
    return _said(head, f" ({note})") + forms + tail


def schedule_phrase(
    written: str,
    starts_right: bool,
    span: Span,
    certain: bool = True,
    statement: str = "run",
    code=None,
    clock_read: bool = False,
    said: str | None = None,
    at_sign: bool = False,
    alone: tuple[str, str] | None = None,
) -> Diagnostic:
    """`_schedule_phrase`'s diagnostic; where `written` holds a time HH:MM no clock has,
    not after `at` (`nightly 25:00`, `every day 24:30`: the help wrote `daily 25:00`,
    whose file was still broken), the help writes HH:MM and says why, no mend (a time
    past 23:59 has no certain meaning)."""
    diagnostic = _schedule_phrase(written, starts_right, span, certain, statement, code, clock_read, said, at_sign, alone)
    if clock_read or _no_clock_has(written):
        return diagnostic  # `at 25:00`: `_bare_hour` says it
    for found in CLOCK.finditer(written):
        note = clock_has_not(found.group(0)) if found.group(4) else None
        if note is not None:
            help = (diagnostic.help or "").replace(f"`{found.group(0)}`", "`HH:MM`")
            help = re.sub(rf"(?<![\d:]){re.escape(found.group(0))}(?![\d:])", "HH:MM", help)
            if note not in help:
                help = _with_note(help, note)
            return replace(diagnostic, help=help, fix=None, choices=())
    return diagnostic


def _schedule_phrase(
    written: str,
    starts_right: bool,
    span: Span,
    certain: bool = True,
    statement: str = "run",
    code=None,
    clock_read: bool = False,
    said: str | None = None,
    at_sign: bool = False,
    alone: tuple[str, str] | None = None,
) -> Diagnostic:
    """No fix unless `certain` (besides what `certain_schedule` requires). `statement`,
    the one the schedule is of (`run`, `purge`, `preview`), for a date's help. `code`:
    BKR314 for `weekly on monday`, the time left off, which parses (else BKR004 or
    BKR012, by `starts_right`). `clock_read`: the time after `at` read already (by
    `_bare_hour`, which says what it is). A `@` written for `at` (`weekly sat,sun @ 1am`)
    is read as `at`, and said as written. `said`: the words the message quotes, where
    `written` is what they are read as (`_bare_hour`'s time, a `@`'s `at`); `at_sign`:
    a `@` was read as `at`. `alone`: several days of the month written in English alone
    on a job's line, `run on` left out (`monthly 1,15 at 3am`), as `monthly_days` takes
    it: the one error says that too, and each job of the help has its `run`."""
    if AT_SIGN.search(written):
        read = AT_SIGN.sub("at", written)
        diagnostic = schedule_phrase(
            read, starts_right, span, certain, statement, code, clock_read, said or written, True, alone
        )
        return replace(diagnostic, help=(diagnostic.help or "").replace("`at ", "`@ "))
    quoted = shown(said if said is not None else written, 60)
    words = {w.lower() for w in written.split()}
    ranged = _MONTH_RANGE.search(written)
    if ranged is not None and len(CLOCK.findall(written)) <= 1 and 1 <= int(ranged["first"]) < int(ranged["last"]) <= 31:
        # `monthly 1-15 at 3am`: the help wrote `monthly 1 03:00`, the other days dropped;
        # as `monthly 1-15 03:00` is told (BKR314)
        return (code or codes.SYNTAX)(
            f"{quoted} is not a .bkr schedule: a `monthly` schedule names one day, not a range",
            span,
            help=month_range_help(int(ranged["first"]), int(ranged["last"]), phrase_time(written) or "HH:MM", statement),
        )
    working = WORKING_DAY.search(written) if {"monthly", "month"} & words else None
    if working is not None and len(CLOCK.findall(written)) <= 1:
        # `monthly first business day 03:00`: the help wrote `monthly 1 03:00` (for `last`
        # too), unsaid that no schedule names a working day
        time = phrase_time(written)
        keyword = "" if statement == "run" else f"{statement} "
        message, help, schedules = working_day(working.group("nth"), time or "HH:MM", keyword)
        choices = tuple(write_fix(s.removeprefix(keyword), span) for s in schedules) if time and certain else ()
        return (code or codes.SYNTAX)(f"{quoted} is not a .bkr schedule: {message}", span, help=help, choices=choices)
    if len(CLOCK.findall(written)) > 1:
        reason = "a schedule has one time of day"
    elif words & _EXCEPT:
        reason = "a schedule names the days it runs on, not those it leaves out"  # `daily except sun`
    elif not starts_right:
        reason = "a schedule starts with how often it runs: `daily`, `weekly`, `monthly` or `manual`"
    elif "at" in words:
        reason = "the time follows without `@`, which stands for `at`" if at_sign else "the time follows without `at`"
    elif "on" in words:
        reason = "the days follow without `on`"
    else:
        reason = "a schedule is written in a fixed form"
    # `at 2`, `at 14h`; `at 25:00`, a time no clock has (the help wrote `daily 25:00`)
    hour = None if clock_read or (phrase_time(written) and not _no_clock_has(written)) else _BARE_HOUR.search(written)
    if hour is not None:
        return _bare_hour(written, hour, starts_right, span, certain, statement, code, said, at_sign, alone)
    code = code or (codes.SYNTAX if starts_right else codes.UNKNOWN_KEYWORD)
    month_days = month_days_each(written)
    if month_days is not None:
        # `monthly 1,15 3am`, `monthly 1 and 15 at 03:00`, `monthly 1,15 3am and 3pm`: the
        # help wrote `monthly 1 03:00` (or `monthly 1 15:00` for the second time), the 15th
        # dropped; now a job for each day and time, as `monthly 1,15 02:00` is told
        several = "a `monthly` schedule runs on one day of the month, not on several"
        days = [day for day, _ in month_days]
        bad = [day for day in dict.fromkeys(days) if not 1 <= day <= 31]
        if bad:
            # `monthly 1,40 3am`: as `monthly 1,40 02:00` is told (was `monthly 1 03:00`, 40 unsaid)
            return _monthly_no_day(quoted.strip("`"), list(dict.fromkeys(days)), bad, month_days[0][1], statement, span, alone)
        said = several if reason == "a schedule is written in a fixed form" else f"{reason}, and {several}"
        if alone is not None:  # `monthly 1,15 at 3am` alone on a job's line (was a second error, `run`'s)
            said += "; `run on` is missing before it"
        return code(f"{quoted} is not a .bkr schedule: {said}", span, help=_month_days_each_help(month_days, statement, alone))
    times = {phrase_time(m.group(0)) for m in CLOCK.finditer(written)}
    if len(times) > 1:
        # `weekly mon 02:00 and fri 03:00`, `daily 02:00 and 14:00`: a time each, which
        # one schedule cannot hold (the help wrote `weekly mon,fri 02:00`, the second
        # time dropped and Friday run at the first): a job for each, each time kept
        each = [f"`{e}`" if statement == "run" else f"`{statement} {e}`" for e in _each_time(written)]
        if statement == "run":
            help = f"write a job for each time, the same but for its `run`: {', '.join(each[:-1])} and {each[-1]}"
            help += one_day_note(_each_time(written))
        else:
            help = f"a member has one `{statement}` schedule: keep one, {', '.join(each[:-1])} or {each[-1]}"
        return code(f"{quoted} is not a .bkr schedule: {reason}", span, help=help + forms_of_schedule(), slip=SEVERAL_TIMES)
    often = more_than_daily_written(written)
    if often is not None:
        # `twice a day`, `every 6 hours`: no schedule runs more than once a day (were three
        # errors for `twice a day`, and `every 6 hours` wrote `monthly 6 HH:MM`)
        return code(
            f"{quoted} is not a .bkr schedule: no schedule runs {often}",
            span,
            help=_once_a_day_at_most(statement) + forms_of_schedule(),
        )
    date = date_written(written)
    if date is not None:
        # `on 2026-02-28 22:00`: a run on one day, which no schedule is (`daily 22:00`
        # would run the job every day); the help says `manual`, the time kept
        if starts_right:
            reason = "a schedule says how often a job runs"
        else:
            reason = "a schedule starts with how often it runs: `daily`, `weekly`, `monthly` or `manual`"
        return code(
            f"{quoted} is not a .bkr schedule: {reason}, and none names a date (`{date}`)",
            span,
            help=_one_day_help(phrase_time(written), statement),
        )
    # Without its time (`every monday`, `on the 1st and 15th`): HH:MM, its absence said
    # once (02:00 was written, a time nobody gave)
    untimed = phrase_time(written) is None
    time = phrase_time(written) or "HH:MM"
    missing = " (the time of day is missing)" if untimed else ""
    forms = forms_of_schedule()
    unit = every_other_written(written)
    if unit is not None:
        # `every other week at 22:00`: no schedule runs every other week (`daily 22:00`
        # was the help); the one that runs every week, and `manual`
        days = ",".join(dict.fromkeys(d for w in _phrase_words(written) for d in phrase_day(w))) or "DAY"
        every = {"day": f"daily {time}", "week": f"weekly {days} {time}", "month": f"monthly N {time}"}[unit]
        what, manual = _by_hand(statement)
        return code(
            f"{quoted} is not a .bkr schedule: {reason}",
            span,
            help=f"no schedule runs every other {unit}: `{every}` runs every {unit}; for {what} every other {unit},"
            f" {manual} when it is due{forms}",
        )
    nth_days = month_weekdays_written(written)
    if nth_days:
        # `on the first sunday at 22:00`: the Nth weekday of the month, not `weekly sun
        # 22:00`, which would run the job every Sunday (its fix wrote it); no fix, as for
        # `first sunday of the month` (`every second tuesday` may be every other week)
        help = _month_weekday_help(written, nth_days, time, statement)
        return code(
            f"{quoted} is not a .bkr schedule: {reason}",
            span,
            help=help + ("; the time of day is missing" if untimed else "") if len(nth_days) > 1 else _said(help, missing) + forms,
        )
    # `on the first at 22:00`, `the second day of the month`: the 1st, the 2nd (`daily
    # 22:00` and `monthly 1` were the help); read as the days written in figures
    written_days = ordinal_words_as_days(written)
    month_days = {w: int(w[:-2]) for w in month_days_written(written_days)}  # `15th`: 15
    wrong = [w for w, number in month_days.items() if not 1 <= number <= 31]
    if wrong:
        # `on the 32nd`: no month has it; not `daily 22:00`
        return code(
            f"{quoted} is not a .bkr schedule: {reason}",
            span,
            help=f"no month has a {wrong[0]} day: write `monthly N {time}` with a day from 1 to 28, which every"
            f" month has{forms}",
        )
    numbers: list[int | str] = list(dict.fromkeys(month_days.values()))
    if len(numbers) > 1:
        # `on the 1st and 15th`: no schedule runs on two days a month (`daily 22:00`
        # runs every day): a job for each day, as `monthly 1,15 22:00` is told
        run, named = ("", "") if alone is None else (f"run on {alone[0]} ", alone[1])
        return code(
            f"{quoted} is not a .bkr schedule: {reason}" + ("; `run on` is missing before it" if alone else ""),
            span,
            help=_monthly_days_help(numbers, time, statement, run, named)
            + ("; the time of day is missing" if untimed else ""),
        )
    day = month_day_written(written_days)
    if day is not None and (day == "last" or int(day) > 28 or not words & {"month", "monthly"} or untimed):
        # `on the 1st at 22:00`: a day of the month, not `daily 22:00`, which would
        # run the job every day; no fix (one day only is `manual`), the time kept;
        # nor for `the 31st of the month`: `monthly 31` is warned of (BKR404). Without
        # its time (`on the first`, `on the 2nd of the month`), HH:MM
        # `on the last day of the month at 22:00`: `monthly last-day 22:00`, written by a
        # fix when the month is named and the time given (`on the last day` alone may
        # be the week's)
        fix = None
        if day == "last" and certain and not untimed and words & {"month", "monthly"}:
            fix = write_fix(f"monthly last-day {time}", span)
        return code(
            f"{quoted} is not a .bkr schedule: {reason}",
            span,
            help=_month_day_help(day, time) + missing + forms,
            fix=fix,
        )
    meant = certain_schedule(written_days) if certain else None
    schedule = schedule_for(written_days)
    fifth = ""
    if schedule.startswith("monthly last ") and words & FIFTH_ORDINALS:
        day = schedule.split()[2]
        fifth = f" (not every month has a fifth `{day}`: `last` is its fourth or fifth)"
    choices: tuple[Fix, ...] = ()
    if not untimed and schedule.startswith("daily ") and not _how_often_said(written_days):
        # `at 02:00`: a time, and nothing of how often; `daily` the likeliest, not the only:
        # a choice (`Diagnostic.choices`), no fix, where the words are sure to be the schedule
        if certain and meant is None and written.split()[0].lower() == "at" and len(written.split()) == 2:
            choices = (write_fix(schedule, span),)
        schedule += f"` to run it every day, or `weekly DAY {time}` or `monthly N {time}"
        fifth = " (how often it runs is not said)"
    return code(
        f"{quoted} is not a .bkr schedule: {reason}",
        span,
        help=_said(f"write `{schedule}`{fifth}", missing) + forms_of_schedule(),
        fix=write_fix(meant, span) if meant is not None else None,
        choices=choices,
    )


def expiry_member(
    statement: str, written: str, home: str, schedule: str, span: Span, removal: Span
) -> Diagnostic:
    """`expire on DEV1 { preview on DEV2 daily 05:00 }`: `preview` and `purge` take a
    schedule only; they run on the block's member (`home`). `removal` is `on DEV2 `."""
    meant = f"{statement} {schedule}"
    members = [m.strip().upper() for m in home.split(",")]
    several = home.lower() == "each member" or len(members) > 1
    if written.upper() == home.upper():
        runs = "both run on the expire block's member"
        if several:
            runs = "run on each member the expire block names"
        return codes.UNKNOWN_KEYWORD(
            f"`on {written}` is said by the block, `expire on {home}`: `{statement}` takes only a schedule",
            span,
            help=f"write `{meant}`: preview and purge {runs}",
            fix=remove_fix(f"`on {written}`", removal),
        )
    if several:
        return _expiry_member_of_several(statement, written, home, meant, members, span)
    return codes.UNKNOWN_KEYWORD(
        f"`{statement}` takes no member: preview and purge both run on the member of their"
        f" block, `expire on {home}`, not on `{written}`",
        span,
        help=f"write `{meant}` to run it on `{home}`: with a shared catalog one member runs expiry"
        " (preview and purge), and its preview lists every member's jobs; a block"
        f" `expire on {written} {{ ... }}` is for a local catalog",
    )


def expiry_member_alone(statement: str, written: str, home: str, span: Span) -> Diagnostic:
    """`expire on VMSYS1 { purge on VMSYS1 }`: a member given to `preview` or `purge`,
    and no schedule after it."""
    if written.upper() == home.upper():
        said = f"`on {written}` is said by the block, `expire on {home}`"
    else:
        said = f"it runs on the member of its block, `expire on {home}`, not on `{written}`"
    return codes.UNKNOWN_KEYWORD(
        f"`{statement}` needs a schedule, not a member: {said}",
        span,
        help=(
            f"write the schedule in place of `on {written}`: {schedule_forms(keyword=f'{statement} ')}"
        ),
    )


def _expiry_member_of_several(
    statement: str, written: str, home: str, meant: str, members: list[str], span: Span
) -> Diagnostic:
    """`expire on each member { preview on DEV2 daily 05:00 }` (or a list of members,
    a local catalog): the block runs preview and purge on every member it names; one
    member's own goes in a block of its own."""
    each = home.lower() == "each member"
    alone = " alone" if each or written.upper() in members else ""
    if each:
        message = (
            f"`{statement}` takes no member: preview and purge run on each member,"
            f" as their block says (`expire on each member`), not on `{written}`{alone}"
        )
        where = "on each member"
    else:
        message = (
            f"`{statement}` takes no member: preview and purge run on each member"
            f" their block names (`expire on {home}`), not on `{written}`{alone}"
        )
        where = "on " + " and ".join(f"`{m.strip()}`" for m in home.split(","))
    help = (
        f"write `{meant}` to run it {where}; to run it on `{written}`{alone},"
        f" give it a block of its own: `expire on {written} {{ {meant} }}`"
    )
    if statement == "purge" and alone:
        out = (
            "list the other members here in place of `each member`"
            if each
            else f"take `{written}` out of this list"
        )
        help += f", and {out}: a member purges in one block only"
    return codes.UNKNOWN_KEYWORD(message, span, help=help)


#: Words a newcomer writes for a selection's medium (`exclude mdisk LNX* 0200-02FF`,
#: as CP's MDISK statement names a minidisk), too far from the keyword for did_you_mean.
MEDIUM_WORDS = {"mdisk": "minidisk", "mdisks": "minidisk"}
#: Words a newcomer writes for the disk medium (`to dasd pool BKUPPOOL`).
DISK_WORDS = frozenset({"dasd", "disks", "minidisk", "mdisk", "minidisks", "dasd-pool", "disk-pool"})
TAPE_WORDS = frozenset({"tapes", "cartridge", "tape-pool"})
#: Words a newcomer starts a job's destination with (`target disk pool BKUPPOOL`).
DESTINATION_WORDS = frozenset(
    {"target", "destination", "dest", "output", "media", "medium", "device", "storage"}
)


def sfs_for_pool(word: str, pool: str, span: Span) -> Diagnostic:
    """`catalog shared sfs BKRPOOL`: the file pool named after `sfs`, not `pool`."""
    return codes.SYNTAX(
        f"the catalog's SFS file pool follows the word `pool`, not `{word}`",
        span,
        help=f"write `pool {pool}`; the file pool's server follows `server`:"
        f" `catalog shared server BKRSVSFS pool {pool}`",
        fix=write_fix("pool", span),
    )


def sfs_for_server(word: str, server: str, span: Span) -> Diagnostic:
    """`catalog shared sfs BKRSVSFS pool BKRPOOL`: the file pool's server named after
    `sfs`, on a line whose `pool` names the file pool already."""
    return codes.SYNTAX(
        f"the catalog's SFS server follows the word `server`, not `{word}`",
        span,
        help=f"write `server {server}`: the file pool's server follows `server`, the file pool itself `pool`",
        fix=write_fix("server", span),
    )


def pool_without_keyword(medium: str, pool: str, span: Span, through: Span | None = None) -> Diagnostic:
    """`to disk BKUPPOOL`: `pool` left out before the pool's name. `through`: the name
    and words after it on its line no statement has a place for (`to disk BKUPPOOL
    now`), which the fix leaves out (their own error says each: `now`), so that it
    writes a line that checks. A word in small letters that begins `pool` (`to disk p`,
    `po`, `poo`), last on its line, is that keyword being typed, as a letter or two
    that begin an option are elsewhere (`workers 2 p`): BKR012 with `pool` and what
    follows it, not the pool `P` (its fix wrote `to disk pool p`)."""
    if through is None and pool != "pool" and pool.islower() and "pool".startswith(pool):
        return unknown_keyword_unfinished(f"`{pool}`", ["pool"], follower("pool", 0), span)
    fix = Fix.replace("Insert `pool`", before(span), "pool ")
    if through is not None:
        fix = Fix.replace(f"Write `pool {pool}`", through, f"pool {pool}")
    return codes.SYNTAX(
        f"the pool's name follows the word `pool`: `to {medium} pool {pool}`",
        span,
        label="`pool` expected before this",
        help=f"write `to {medium} pool {pool}`, or `to {medium}` to name no pool",
        fix=fix,
    )


#: IBM tape device types (3480, 3490, 3590, 3592; 3420 and its kin before them), which
#: a job's `to tape` line is written with as a device's type, not its pool.
TAPE_DEVICE_TYPE = re.compile(r"3[45]\d\d")


def tape_device_type(word: str, span: Span, remove: Span, pool: str | None = None) -> Diagnostic:
    """`to tape 3590`: a tape device type where the pool's name, after `pool`, may go;
    `remove`, the number with the blanks before it, which the fix removes. Tape Manager
    picks the drive, and a job names at most its tape pool: `pool`, where the line
    names it after the number (`to tape 3590 pool X`), which the help writes."""
    return codes.SYNTAX(
        f"`{word}` is a tape device type, not a pool: Tape Manager picks the drives a job's `to tape` writes to",
        span,
        help="write `to tape`, or `to tape pool NAME` to name a Tape Manager pool"
        if pool is None
        else f"write `to tape pool {pool}`, without the device type",
        fix=Fix.replace(f"Remove `{word}`", remove, ""),
    )


#: DASD device types (CKD 3330 to 3390, a 3390's model after a `-`, `3390-9`; FBA 9332,
#: 9335, 9336, 0671; the kinds themselves), which a job's `to disk` line is written with
#: as its devices' type, not its pool.
DISK_DEVICE_TYPE = re.compile(r"(?:33[3-9]0|3375|9345|933[256]|0671|[Ee]?[Cc][Kk][Dd]|[Ff][Bb][Aa])(?:-[0-9A-Za-z]+)?")


def disk_device_type(word: str, span: Span, remove: Span, pool: str | None = None, known: str | None = None) -> Diagnostic:
    """`to disk 3390`: a disk device type where the pool's name, after `pool`, may go;
    `remove`, the word with the blanks before it, which the fix removes, leaving `to
    disk`. `pool`, where the line names
    it after the word (`to disk 3390 pool X`), which the help writes; else `known`, the
    one disk pool the file's other `to disk` lines name, which the help offers."""
    if pool is not None:
        help = f"write `to disk pool {pool}`, without the device type"
    else:
        named = known or "NAME"
        help = f"write `to disk`, or `to disk pool {named}` to name a disk pool"
    return codes.SYNTAX(
        f"`{word}` is a disk device type, not a pool: a job's `to disk` names its disk pool with `pool NAME`",
        span,
        help=help,
        fix=Fix.replace(f"Remove `{word}`", remove, ""),
    )


#: FBA device types (and the kind itself), whose minidisks are sized in blocks; every
#: other DASD device type `DISK_DEVICE_TYPE` matches is CKD, sized in cylinders.
FBA_DEVICE_TYPE = re.compile(r"(?:933[256]|0671|[Ff][Bb][Aa])(?:-[0-9A-Za-z]+)?")


def device_type_in_disk(word: str, statement: str, span: Span, fix: Fix) -> Diagnostic:
    """`disk BKRBKUP 191 3390 size 10 cyl`, `disk BKRBKUP 191 3390 10`: a DASD device
    type in a `disk` statement, as CP's MDISK statement writes one after the address
    (`MDISK 0191 3390 ...`). bkrc writes the MDISK's device type from the size's unit
    (`cyl`: CKD, `blk`: FBA); `statement`, the line as the fix writes it, `fix` the edit
    (the type removed, `size` written for it, or `size N UNIT` for `TYPE N`)."""
    return codes.SYNTAX(
        f"`{word}` is a DASD device type: a `disk` statement gives none, the size's unit says the kind"
        " (`cyl` for CKD, `blk` for FBA)",
        span,
        help=f"write `{statement}`",
        fix=fix,
    )


def device_type_in_tape(word: str, statement: str | None, span: Span, fix: Fix | None) -> Diagnostic:
    """`tape 3590` in the cluster block: a tape device type after `tape`, where the
    statement says how Tape Manager keeps its catalog (`manager shared` or `local`);
    Tape Manager picks the drives. `statement`, the line without it where `manager`
    follows (its `fix` removes it); None where it stands alone: the help writes both
    forms, the nodes' names the site's."""
    message = (
        f"`{word}` is a tape device type: the cluster's `tape` statement says how Tape Manager keeps its"
        " catalog, and Tape Manager picks the drives"
    )
    if statement is not None:
        return codes.SYNTAX(message, span, help=f"write `{statement}`", fix=fix)
    return codes.SYNTAX(
        message,
        span,
        help="write `tape manager shared catalog-node NAME on MEMBER request-node NAME`, with your Tape Manager"
        " machines' names, for one tape catalog the members share (jobs that write `to tape` need it),"
        " or `tape manager local`",
    )


def tape_type_on_disk(word: str, span: Span, pool: str | None = None, known: str | None = None) -> Diagnostic:
    """`to disk 3590`: a tape device type on a job's `to disk` line, which likely means
    `to tape` (`to tape pool X`, where the line names a pool after it). No fix: the
    line says `disk` too, and the help writes both."""
    tape = "to tape" if pool is None else f"to tape pool {pool}"
    disk = f"to disk pool {pool or known or 'NAME'}"
    return codes.SYNTAX(
        f"`{word}` is a tape device type, not a disk pool: a job that writes to tape says `to tape`",
        span,
        help=f"write `{tape}` to back the job up to tape, or `{disk}` to keep it on disk",
    )


def disk_type_on_tape(word: str, span: Span, pool: str | None = None, known: str | None = None) -> Diagnostic:
    """`to tape 3390`: a disk device type on a job's `to tape` line, `to disk` likely
    meant (`known`, the one disk pool the file's `to disk` lines name, which the help
    offers), or the device type written where no tape job needs one. No fix: the line
    says `tape` too, and the help writes both (`pool`, where the line names one after
    the word: `to tape 3390 pool X`)."""
    tape = "to tape" if pool is None else f"to tape pool {pool}"
    disk = "to disk" if known is None else f"to disk pool {known}"
    return codes.SYNTAX(
        f"`{word}` is a disk device type, not a tape pool: a job that backs up to disk says `to disk`",
        span,
        help=f"write `{tape}` to back the job up to tape (Tape Manager picks the drives), or `{disk}` to keep it on disk",
    )


def _pool_help(pool: str | None, medium: str | None = None) -> str:
    if medium is not None:
        return f"write `to {medium} pool {pool}`" if pool else f"write `to {medium}`"
    if pool is None:
        return "write `to disk`, `to tape`, or either with a pool: `to disk pool BKUPPOOL`"
    return f"write `to disk pool {pool}` or `to tape pool {pool}`"


def destination_keyword(found: str, rest: str, span: Span) -> Diagnostic:
    """`target disk pool BKUPPOOL`: a job's destination starts with `to`."""
    return codes.UNKNOWN_KEYWORD(
        f"unknown keyword {found}; a job's destination starts with `to`",
        span,
        help=f"write `to {rest}`" if rest else _pool_help(None),
        fix=write_fix("to", span) if rest else None,
        slip=Slip("misspelt") if found.startswith("`") else None,
    )


def pool_without_medium(pool: str | None, span: Span, meant: tuple[str, Span] | None = None) -> Diagnostic:
    """`to pool BKUPPOOL`: the medium comes first. `meant`: the medium is on the line,
    after the pool (`to pool BKUPPOOL disk`): the line in order, and the span of its
    words, which the help and the fix write (`to disk pool BKUPPOOL`). Else the help's
    choices (`Diagnostic.choices`), each medium inserted before `pool` (at `span`)."""
    if meant is not None:
        return codes.SYNTAX(
            "`to` names the medium before the pool",
            span,
            help=f"write `{meant[0]}`",
            fix=write_fix(meant[0], meant[1]),
        )
    return codes.SYNTAX(
        "`to` names the medium before the pool: `disk` or `tape`",
        span,
        help=_pool_help(pool or "BKUPPOOL"),
        choices=insert_choices(("disk", "tape"), span, first=True),
    )


def unknown_medium(found: str, medium: str, pool: str | None, span: Span) -> Diagnostic:
    """`to dasd pool BKUPPOOL`: the media are `disk` and `tape`."""
    return codes.SYNTAX(
        f"{found} is not a medium: a job's backups go `to disk` or `to tape`",
        span,
        help=_pool_help(pool, medium),
        fix=write_fix(medium, span),
    )


def medium_missing(found: str, span: Span) -> Diagnostic:
    """`to BKUPPOOL`: the pool named without its medium and `pool`. A letter or two
    in small letters that begin a medium (`to d`, `to ta`) are that keyword being
    typed, as `run on each m` is `member`'s: the help writes it in their place, not
    them as a pool's name (`to disk pool d`)."""
    word = found.strip("`")
    begun = [medium for medium in ("disk", "tape") if word.islower() and medium.startswith(word)]
    return codes.SYNTAX(
        f"expected `disk` or `tape` after `to`, found {found}",
        span,
        help=f"write `{begun[0]}` in place of `{word}`" if begun else _pool_help(word),
        expected="`disk` or `tape`",
        found=found,
    )


def quoted(text: str) -> str:
    """`text` as a .bkr quoted text: in double quotes, `\\` and `"` escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def unquoted_description(words: str, span: Span, raw: str, certain: bool = True) -> Diagnostic:
    """`raw`: the text of `span` as written (blanks kept), which the fix quotes;
    no fix unless `certain` (a quoted text after the words: which is the text?)."""
    text = quoted(words)[1:-1]
    return codes.EXPECTED_NAME(
        f"the text after `description` is quoted: found {shown(words, 60)} without quotes",
        span,
        help=f'write `description "{text if len(text) <= 60 else text[:57] + "..."}"`',
        fix=Fix.replace("Quote the text", span, quoted(raw)) if certain else None,
    )



#: The catalog's options that take a value after them: a scope's word there is that value.
_CATALOG_VALUED = frozenset({"server", "pool", "on", "logon-wait", "pool-wait"})


def scope_after_options(text: str, catalog_end: int) -> tuple[int, int, int] | None:
    """`catalog server BKRSVSFS pool BKRPOOL shared on VMSYS1`: the catalog's scope
    written among its options, not right after `catalog` (whose end is `catalog_end`,
    an offset of `text`). Where exactly one word of the line's rest, before its
    comment, is `shared` or `local`: the offsets of the blanks before it, of the word
    and of its end (`scope_moved` takes the three); else None."""
    line = line_from(text, catalog_end)
    rest = line_words(line)
    offset = catalog_end + len(line) - len(line.lstrip())
    words = list(re.finditer(r"\S+", rest))
    found = [
        m
        for i, m in enumerate(words)
        # not an option's value (`pool SHARED`, a file pool so named)
        if m.group().lower() in ("shared", "local") and (i == 0 or words[i - 1].group().lower() not in _CATALOG_VALUED)
    ]
    if len(found) != 1 or found[0].start() == 0:
        return None
    start = offset + found[0].start()
    blank = start
    while blank > catalog_end and text[blank - 1] in " \t":
        blank -= 1
    return blank, start, start + len(found[0].group())


def scope_moved(text: str, catalog: Span, scope: Span, blanks: Span) -> Diagnostic:
    """The one error of a catalog's scope written after its options (`scope_after_options`),
    at the scope: the help writes the statement with the scope right after `catalog`,
    and the fix moves it there (`blanks` and the word removed), where the line then reads as
    written: not for a `local` catalog with `on`, which only a shared catalog takes (BKR219)."""
    word = text[scope.start : scope.end]
    lowered = word.lower()
    # `catalog catalog server S shared`: `catalog` written again is left out too
    again = re.match(r"(?:[ \t]+catalog(?=[ \t]))*", text[catalog.end : scope.start], re.IGNORECASE)
    repeats = catalog.end + (again.end() if again else 0)
    words = [w for w in line_words(line_from(text, repeats)).split() if w.lower() not in ("shared", "local")]
    meant = " ".join([text[catalog.start : catalog.end], lowered, *words])
    help = f"write `{meant}`"
    on = next((i for i, w in enumerate(words) if w.lower() == "on"), None)
    fix = None
    if lowered == "local" and on is not None:
        # a local catalog's server runs on every member: its `on` does nothing (BKR219),
        # and which of the two words is the slip is the user's to say
        home = " ".join(words[on : on + 2])
        meant = " ".join([text[catalog.start : catalog.end], lowered, *words[:on], *words[on + 2 :]])
        help = f"write `{meant}`: a local catalog's server runs on every member, so `{home}` does nothing"
    else:
        width = repeats - catalog.end  # the repeats, on the catalog's line, replaced by the scope
        at_end = Span(catalog.file, catalog.end_line, catalog.end_column, catalog.end_line,
                      catalog.end_column + width, catalog.end, repeats)
        removed = Span(blanks.file, blanks.line, blanks.column, scope.end_line, scope.end_column, blanks.start, scope.end)
        title = f"Move `{lowered}` after `catalog`" + (", and remove the `catalog` written again" if width else "")
        fix = Fix(title, (Edit(at_end, f" {lowered}"), Edit(removed, "")))
    return codes.SYNTAX(
        f"the catalog's scope, `{word}`, comes right after `catalog`",
        scope,
        label="written after the catalog's options",
        help=help,
        fix=fix,
    )


#: The characters other readers end a line at and a .bkr file does not (BKR023),
#: with what a message calls each.
OTHER_LINE_ENDS = {
    "\u2028": "line separator (U+2028)",
    "\u2029": "paragraph separator (U+2029)",
    "\x85": "next line character (NEL, U+0085)",
}
_OTHER_LINE_END = re.compile("[\x85\u2028\u2029]")


def other_line_ends(source: Source, module, said: Sequence[Diagnostic]) -> list[Diagnostic]:
    """BKR023, a warning, for each comment or quoted text that holds a line or
    paragraph separator or a NEL: one at its first such character, whose fix removes
    each (a blank for one between two words). Where they are is told by the lexer's
    own token pattern, line by line (no token runs over a line end), and by the
    comments the parser read (`module.comments`); one outside a comment or a text is
    BKR003's (`said`), and is not said again here. `read_module` asks it only of a
    text that holds such a character."""
    return _in_comments_and_texts(source, module, said, _OTHER_LINE_END, _other_line_end)


def _in_comments_and_texts(source: Source, module, said: Sequence[Diagnostic], pattern: re.Pattern, make) -> list[Diagnostic]:
    """`make(source, module, first, last, kind, at)` for each comment or quoted text
    that holds a character `pattern` finds (`at`: where each is), read line by line
    with the lexer's own token pattern and the comments the parser read; one outside a
    comment or a text is BKR003's (`said`) and left out (other_line_ends: BKR023,
    hidden_characters: BKR024)."""
    from bkrdsl.syntax.fast import TOKEN

    text = source.text
    stray = {d.span.start for d in said if d.span is not None and d.code == "BKR003"}
    comments = {span.start: span.end for span, _text in (module.comments if module is not None else ())}
    found: list[Diagnostic] = []
    lines = sorted({text.rfind("\n", 0, m.start()) + 1 for m in pattern.finditer(text)})
    for start in lines:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        for first, last, kind in _comments_and_texts(text, start, end, TOKEN, comments):
            at = [m.start() for m in pattern.finditer(text, first, last) if m.start() not in stray]
            if at:
                found.append(make(source, module, first, last, kind, at))
    return found


def _comments_and_texts(text: str, start: int, end: int, token: re.Pattern, comments: dict[int, int]):
    """(start, end, kind) of each comment ("comment") and closed quoted text ("text")
    on the line text[start:end], as the fast lexer reads them, and a comment the
    parser read (`comments`: its start -> its end) that starts on it (Lark reads a
    keyword and a comment in `days#keep`)."""
    pos = start
    while pos < end:
        m = token.match(text, pos, end)
        if m is None or m.end() == pos:
            break
        blanks, name, comment, word, string, _punctuation, stray = m.groups()
        at = pos + len(blanks)
        if at in comments:
            yield at, min(comments[at], end), "comment"
            return
        if comment:
            yield at, end, "comment"
            return
        if string:
            yield at, m.end(), "text"
        elif stray == '"':
            return  # a text not closed on its line: BKR007's
        pos = m.end()
        read = word or name
        if read and "#" in read:  # `days#keep`: a comment where Lark reads one
            comment_in = next((at + k for k, c in enumerate(read) if c == "#" and at + k in comments), None)
            if comment_in is not None:
                yield comment_in, min(comments[comment_in], end), "comment"
                return


def _other_line_end(source: Source, module, first: int, last: int, kind: str, at: list[int]) -> Diagnostic:
    """BKR023 for the comment or text text[first:last] holding the characters at `at`:
    where the words after one are an `import` line the file lacks (_hidden_import), at
    those words, its fix writing a line end for the character before them."""
    text = source.text
    name = OTHER_LINE_ENDS[text[at[0]]]
    hidden = _hidden_import(source, module, first, last, kind, at, _OTHER_LINE_END)
    if hidden is not None:
        words, separator, statement = hidden
        called = OTHER_LINE_ENDS[text[separator]]
        return codes.OTHER_LINE_END(
            f"`{statement}` is hidden in a comment, after a {called}: editors that end a line there show"
            " it as a line of its own, but bkrc reads it as part of the comment, and imports nothing",
            words,
            label="not read: a comment",
            help=f"write a line end for the {called.split(' (')[0]}, and `{statement}` is read; if it is words"
            f" of the comment, remove the {called.split(' (')[0]}",
            fix=Fix(
                f"Write a line end before `{statement}`",
                tuple(Edit(source.span(o, o + 1), "\n" if o == separator else "") for o in at),
            ),
        )
    rest = text[at[0] + 1 : last].strip()
    if kind == "text":
        rest = rest.removesuffix('"').rstrip()
    more = "" if len(at) == 1 else " and another" if len(at) == 2 else f" and {len(at) - 1} more"
    where = "a comment" if kind == "comment" else "a quoted text"
    if rest:
        shown = " ".join(_OTHER_LINE_END.sub(" ", rest).split())
        message = (
            f"a {name}{more} in {where}: editors that end a line there show `{shown}`"
            f" as a line of its own, which bkrc reads as part of the {kind}"
        )
    else:
        message = f"a {name}{more} at the end of {where}: editors end a line there, bkrc does not"
    edits = []
    for offset in at:
        # a blank for the first of a run between two words, nothing for the others
        before = text[offset - 1 : offset]
        after = offset + 1
        while after < last and text[after] in OTHER_LINE_ENDS:
            after += 1
        following = text[after : min(after + 1, last - (kind == "text"))]  # a text's closing quote ends it
        between = not before.isspace() and before not in OTHER_LINE_ENDS and following.strip() != ""
        edits.append(Edit(source.span(offset, offset + 1), " " if between and offset > first else ""))
    mended = "".join(_mended(text, first, last, edits))
    shown = f": `{mended}`" if len(mended) <= 60 else ""
    # a piece after one that reads as a statement (`import std/zvm73`): perhaps a
    # line end meant, the statement hidden in the comment; the fix keeps bkrc's reading
    pieces = [" ".join(piece.split(" #")[0].split()) for piece in _OTHER_LINE_END.split(text[at[0] : last])[1:]]
    code = next((p for p in pieces if kind == "comment" and p.split(" ")[0].lower() in lexicon.STATEMENT_KEYWORDS), None)
    meant = f"; if `{code}` is a statement, not words of the comment, write a line end before it instead" if code else ""
    return codes.OTHER_LINE_END(
        message,
        source.span(at[0], at[0] + 1),
        help=f"remove {'it' if len(at) == 1 else 'both' if len(at) == 2 else 'them'}{shown}{meant};"
        " a line of a .bkr file ends at a line feed",
        fix=Fix(f"Remove the {name}" if len(at) == 1 else f"Remove the {name} and the others", tuple(edits)),
    )


def _mended(text: str, first: int, last: int, edits: list[Edit]):
    """The pieces of text[first:last] with `edits` made (each one character's)."""
    pos = first
    for edit in edits:
        yield text[pos : edit.span.start]
        yield edit.new_text
        pos = edit.span.end
    yield text[pos:last]


#: The characters in a comment or a quoted text that a reader does not see as bkrc reads
#: them (BKR024): a control character (C0 but TAB, LF, VT, FF, CR; DEL; C1 but NEL,
#: BKR023's; NUL is BKR001's), which a terminal acts on, and the bidirectional
#: embeddings, overrides and isolates, which reorder what an editor shows.
HIDDEN_CHARACTER = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: An escape sequence ESC starts, removed with it: CSI (`ESC [8m`, `ESC [2J`; U+009B with
#: its parameters, `31m`), OSC (`ESC ] 0;title BEL`), which a terminal acts on whole.
_ESCAPE_SEQUENCE = re.compile(r"\x1b\[[0-?]*[@-~]|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x9b[0-?]+[@-~]")


def hidden_characters(source: Source, module, said: Sequence[Diagnostic]) -> list[Diagnostic]:
    """BKR024, a warning, for each comment or quoted text that holds a control character
    or a bidirectional embedding, override or isolate: one at its first such character,
    whose fix removes each (with the escape sequence it starts), or, where the words
    after one in a top-level comment are an `import` line the file lacks, writes a line
    end for it (_hidden_import). Found as other_line_ends finds BKR023's; one outside a
    comment or a text is BKR003's (`said`). `read_module` asks it only where the fast
    parser gave the file up (it does on a control character in a comment or a text) or
    the file is not ASCII."""
    return _in_comments_and_texts(source, module, said, HIDDEN_CHARACTER, _hidden_character)


def _character_named(char: str) -> str:
    """What a message calls a hidden character: `right-to-left override (U+202E)`, `control
    character U+001B (escape)`."""
    name = unicodedata.name(char, "")
    if name:
        return f"{name.lower()} (U+{ord(char):04X})"
    named = _CONTROL_NAMES.get(char)  # the control characters have no name in unicodedata
    return f"control character U+{ord(char):04X}" + (f" ({named})" if named else "")


#: The control characters' names (Unicode's aliases; unicodedata names none of them).
_CONTROL_NAMES = dict(zip(
    [*map(chr, [*range(0x01, 0x09), *range(0x0E, 0x20), 0x7F, 0x80, *range(0x81, 0x85), *range(0x86, 0xA0)])],
    [
        "start of heading", "start of text", "end of text", "end of transmission", "enquiry", "acknowledge",
        "bell", "backspace", "shift out", "shift in", "data link escape", "device control one",
        "device control two", "device control three", "device control four", "negative acknowledge",
        "synchronous idle", "end of transmission block", "cancel", "end of medium", "substitute", "escape",
        "file separator", "group separator", "record separator", "unit separator", "delete",
        "padding character", "high octet preset", "break permitted here", "no break here", "index",
        "start of selected area", "end of selected area", "character tabulation set",
        "character tabulation with justification", "line tabulation set", "partial line forward",
        "partial line backward", "reverse line feed", "single shift two", "single shift three",
        "device control string", "private use one", "private use two", "set transmit state",
        "cancel character", "message waiting", "start of guarded area", "end of guarded area",
        "start of string", "single graphic character introducer", "single character introducer",
        "control sequence introducer", "string terminator", "operating system command", "privacy message",
        "application program command",
    ],
    strict=True,
))


def _hidden_character(source: Source, module, first: int, last: int, kind: str, at: list[int]) -> Diagnostic:
    """BKR024 for the comment or text text[first:last] holding the characters at `at`."""
    text = source.text
    char = text[at[0]]
    bidi = char in _BIDI
    name = _character_named(char)
    more = "" if len(at) == 1 else " and another" if len(at) == 2 else f" and {len(at) - 1} more"
    where = "a comment" if kind == "comment" else "a quoted text"
    hidden = _hidden_import(source, module, first, last, kind, at, HIDDEN_CHARACTER)
    removed = []
    for offset in at:
        sequence = _ESCAPE_SEQUENCE.match(text, offset, last)
        end = sequence.end() if sequence else offset + 1
        if removed and removed[-1][1] > offset:
            continue  # inside the escape sequence removed before
        removed.append((offset, end))
    if hidden is not None:
        words, separator, statement = hidden
        edits = tuple(
            Edit(source.span(start, end), "\n" if start == separator else "") for start, end in removed
        )
        return codes.HIDDEN_CHARACTER(
            f"`{statement}` is hidden in a comment, after the {name}: bkrc reads it as part of the comment,"
            " and imports nothing",
            words,
            label="not read: a comment",
            help=f"write a line end for the {name.split(' (')[0]}, and `{statement}` is read on a line of its own;"
            f" if it is words of the comment, remove the {name.split(' (')[0]}",
            fix=Fix(f"Write a line end before `{statement}`", edits),
        )
    edits = tuple(Edit(source.span(start, end), _blank_for(text, start, end, first, last)) for start, end in removed)
    mended = "".join(_mended(text, first, last, list(edits)))
    shown_text = f": `{mended}`" if len(mended) <= 60 and not HIDDEN_CHARACTER.search(mended) else ""
    if bidi:
        message = (
            f"a bidirectional {name}{more} in {where}: an editor shows the characters after it in another"
            " order, which may hide what bkrc reads"
        )
    else:
        message = f"a {name}{more} in {where}: {_why_hidden(text, at[0], last)}"
    output = f"; the generated files write it as `<U+{ord(char):04X}>`" if kind == "text" else ""
    sequences = sum(end - start > 1 for start, end in removed)
    sequence = "" if not sequences else " with the escape sequence it starts" if len(at) == 1 else (
        " with the escape sequences they start"
    )
    return codes.HIDDEN_CHARACTER(
        message,
        source.span(at[0], at[0] + 1),
        help=f"remove {'it' if len(at) == 1 else 'them'}{sequence}{shown_text}{output}",
        fix=Fix(f"Remove the {'bidirectional' if bidi else 'control'} character{'' if len(at) == 1 else 's'}", edits),
    )


#: What a terminal that shows the file (`cat`, `type`) does with the control characters it
#: acts on (ESC and CSI: `_why_hidden`, by the sequence they start).
_ACTED_ON = {
    "\x07": "a terminal that shows the file rings its bell on it",
    "\x08": "a terminal that shows the file moves back a column on it, so that the character after it"
    " covers the one before",
    "\x0e": "a terminal that shows the file may switch to another character set on it, and show the"
    " words after it as other characters",
    "\x0f": "a terminal that shows the file switches back to its usual character set on it: after a"
    " shift out, the words between look like other characters",
}


def _why_hidden(text: str, offset: int, last: int) -> str:
    """Why BKR024's control character at text[offset] matters, by what it is: one a
    terminal acts on (BEL, BS, SO, SI; ESC and CSI with the escape sequence they start),
    or one that nothing shows and no terminal acts on (U+0001, DEL, most of C1), which
    is still a character bkrc reads."""
    char = text[offset]
    if char in _ACTED_ON:
        return _ACTED_ON[char]
    if char in "\x1b\x9b":
        sequence = _ESCAPE_SEQUENCE.match(text, offset, last)
        if sequence is not None and sequence.end() - offset > 1:
            written = text[offset : sequence.end()]
            visible = "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in written)
            shown = f", `{visible}`" if len(written) <= 12 else ""
            return (
                f"a terminal that shows the file acts on the escape sequence it starts{shown} (colours,"
                " cursor moves, a cleared screen or a window's title), which can hide or overwrite a line"
            )
        return "a terminal that shows the file takes it as the start of an escape sequence and acts on what follows"
    unseen = (
        "a character no reader sees, most often left by a copy or a file transfer, which bkrc reads all"
        " the same (a search for the words around it does not find them)"
    )
    if char >= "\x80":  # C1: few terminals act on it (CSI aside, above), some do
        return f"editors show nothing, or only a mark, where it stands, and most terminals ignore it: {unseen}"
    mark = f"`^{chr(ord(char) + 64)}`" if char < " " else "`^?`"
    return f"terminals ignore it, and editors show nothing, or only a mark ({mark}), where it stands: {unseen}"


def _blank_for(text: str, start: int, end: int, first: int, last: int) -> str:
    """What BKR024's fix writes for the characters text[start:end] it removes: a blank for
    an information separator (U+001C to U+001F, a record's or a field's end) between two
    words (`# x`, U+001C, `import`), else nothing."""
    between = first < start and end < last and not text[start - 1].isspace() and not text[end].isspace()
    return " " if end - start == 1 and "\x1c" <= text[start] <= "\x1f" and between else ""


def _hidden_import(
    source: Source, module, first: int, last: int, kind: str, at: list[int], chars: re.Pattern
) -> tuple[Span, int, str] | None:
    """Where a comment text[first:last] of the file's top level (outside its cluster)
    holds, after one of its characters at `at` (`chars` matches them), the words of an
    `import` line, `## doc`, U+2028, `import std/zvm73`, of a module the file does not
    import: the import's words, the offset of the character before them, and the words;
    None for a text, a comment in a block, an import the file has, or none."""
    if kind != "comment" or module is None:
        return None
    if any(c.span.start <= first < c.span.end for c in module.clusters):
        return None
    from bkrdsl.syntax.fast import IMPORT_PATH_RE

    text = source.text
    for offset in at:
        piece_end = chars.search(text, offset + 1, last)
        piece = text[offset + 1 : piece_end.start() if piece_end else last]
        words = _COMMENT_START.split(piece, maxsplit=1)[0].split()
        if len(words) != 2 or words[0] != "import" or not IMPORT_PATH_RE.fullmatch(words[1]):
            continue
        if any(i.path.lower() == words[1].lower() for i in module.imports):
            return None  # imported on a line of its own: the piece is the comment's words
        start = text.index("import", offset + 1)
        end = text.index(words[1], start + 6) + len(words[1])
        return source.span(start, end), offset, f"import {words[1]}"
    return None
