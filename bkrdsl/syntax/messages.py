"""The catalogue of syntax-error wording: what a z/VM programmer wrote, in our words.

The recovery (recovery.py) decides *what* went wrong and how to read on; this
module only says it: what must follow each keyword, how to name a token, which
stray characters mean what, and which other languages a file resembles. Keeping
the words in tables makes them easy to review and to test as data.
"""

from __future__ import annotations

import difflib
import re

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
    ("user", None): "a user ID",
    ("role", None): "a role (backup-server, catalog-server, worker, admin, installation)",
    ("group", None): "a group name",
    ("match", None): "a user ID pattern such as LNX*",
    ("server", None): "the catalog's SFS server user ID",
    ("pool", None): "a pool name",
    ("retain", None): "a number of days",
    ("catalog-node", None): "the Tape Manager catalog node's machine name",
    ("request-node", None): "the Tape Manager request nodes' machine name",
    ("job", None): "a job name",
    ("backup", None): "a group name",
    ("minidisk", 0): "an owner (a user ID or pattern) and minidisk addresses",
    ("minidisk", None): "a minidisk address or range (0191, 0100-01FF or *)",
    ("sfs", None): "an SFS path such as POOL:USER.DIR",
    ("daily", None): "a time of day (HH:MM)",
    ("weekly", 0): "a day of the week and a time (sun 03:00)",
    ("weekly", None): "a time of day (HH:MM)",
    ("monthly", 0): "a day of the month and a time (1 04:00)",
    ("monthly", None): "a time of day (HH:MM)",
    ("description", None): 'a quoted text ("...")',
    ("import", None): "a module path (std/NAME or ./file)",
    (",", None): "another name",
}

_TIME = re.compile(r"\A\d{1,2}:\d{2}\Z")
DAYS = frozenset(
    "sun mon tue wed thu fri sat sunday monday tuesday wednesday thursday friday saturday".split()
)


def looks_like_time(text: str) -> bool:
    return bool(_TIME.match(text))


def looks_like_day(text: str) -> bool:
    return text.lower() in DAYS


def follower(keyword: str, count: int) -> str:
    """What must follow `keyword` when `count` names already follow it."""
    key = keyword.lower()
    return FOLLOWERS.get((key, count)) or FOLLOWERS.get((key, None)) or "a name"


def shown(text: str, limit: int = 40) -> str:
    """A user's word in backquotes, shortened so a 100,000-character name stays one line."""
    if len(text) > limit:
        text = text[: limit - 13] + "..." + text[-10:]
    return f"`{text}`"


def did_you_mean(word: str, candidates) -> str | None:
    """The keyword closest to a misspelt `word` (case-insensitive), if one is close."""
    lowered = word.lower()
    if len(lowered) > 40:
        return None
    found = difflib.get_close_matches(lowered, sorted(candidates), n=1, cutoff=0.6)
    return found[0] if found else None


def block_title(kind: str, name: str | None) -> str:
    """`job APPSFULL`, `cluster`, `expire` ... for messages about a block."""
    word = kind_word(kind)
    return f"`{word} {name}`" if name else f"`{word}`"


def kind_word(kind: str) -> str:
    return "group" if kind == "group_decl" else kind


# ------------------------------------------------------------ characters
#: A stray character -> (code name, message, help). The code names are those of
#: bkrdsl.syntax.codes; recovery.py turns them into diagnostics.
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
    if char == "\u00a0":
        return (
            "BAD_CHARACTER",
            "a non-breaking space (U+00A0) cannot appear here",
            "replace it with an ordinary space; it often comes from text pasted out of a web page",
        )
    if not char.isprintable():
        return (
            "BAD_CHARACTER",
            f"the control character U+{ord(char):04X} cannot appear in a .bkr file",
            "remove it; if the file came from z/VM, transfer it in text (ASCII) mode",
        )
    if char.isalpha() or not char.isascii():
        return (
            "BAD_CHARACTER",
            f"the character `{char}` cannot appear here",
            "z/VM names use only A-Z, 0-9 and $ # @ _ - + : . (patterns add * % ?);"
            ' put free text in a quoted `description "..."`',
        )
    return (
        "BAD_CHARACTER",
        f"the character `{char}` cannot appear here",
        'remove it, or put free text in a quoted `description "..."`; `#` starts a comment',
    )


# ------------------------------------------------------------ other languages
_SNIFFERS = (
    (re.compile(r"\A\s*/\*"), "a REXX program (it starts with a /* comment)"),
    (re.compile(r"\A\s*<[?!A-Za-z]"), "XML or HTML"),
    (re.compile(r'\A\s*(?:\{\s*(?:"|\}|\Z)|\[\s*(?:[\[{"\]\d-]|true|false|null))'), "JSON"),
    (re.compile(r"\A(?:\s*#[^\n]*\n)*\s*(?:---\s*(?:\n|\Z)|[A-Za-z_][\w-]*:(?:[ \t]|$))", re.M), "YAML"),
    (
        re.compile(r"\A(?:\s*\*[^\n]*\n)*\s*(?:USER|IDENTITY|PROFILE|DIRECTORY)\s+\S+\s+\S+\s+\d+[KMG]\b", re.I),
        "a CP user directory",
    ),
    (re.compile(r"\A(?:\s*\*[^\n]*\n)+"), "a CMS file such as a job template (it starts with `*` comment lines)"),
)


def sniff_language(text: str) -> str | None:
    """Which other language `text` looks like, judged from its start; None if none."""
    head = text[:4096]
    for pattern, what in _SNIFFERS:
        if pattern.match(head):
            return what
    return None
