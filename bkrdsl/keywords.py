"""What every highlighter knows about the .bkr language, written down once.

The vocabulary comes from grammar/bkr.lark through the Lark parser's terminals:
the keywords are its string literals that a name could also spell, the
punctuation its other string literals, and the shape of a name and of an import
path its NAME and IMPORT_PATH terminals. Nothing here repeats a keyword.

On top of the vocabulary sit the two things the grammar cannot say:

- the token *kinds* (keyword, member name, user ID, address...) and their name in
  each engine: a pygments token type, a TextMate scope, a Vim highlight group;
- the *rules*: ordered regexes (one dialect that Python's `re` and Oniguruma read
  alike) that give each piece of text its kind, including the few contexts that
  matter (the word after `member` is a member name, not after `each`; after `minidisk`
  come an owner and addresses). The pygments lexer interprets these rules the way
  VS Code's TextMate engine does, and the TextMate grammar is written from them,
  so the two agree by construction. Vim's regex dialect differs, so its syntax
  file is written from the same vocabulary by `vim_syntax()`; a test runs all
  three engines on every example and asserts they agree character by character.

A match is confined to one line (`[ \\t]`, never `\\s`, between the words of a
context) because TextMate and Vim see one line at a time; regions span lines (and
Vim's `nextgroup=... skipnl`): a group's `{ }` body; a volume list, a selection's
addresses or SFS paths to the next statement of its block or a brace; a
comma-separated list (`user`, `backup`, `on`, a weekly schedule's days) over a `,`
that ends a line; a schedule's day and time, the one value of `server`, `pool`,
`workers`..., a selection's owner, a declared name, an import path, each slot of a
disk, and the first item of a list, on a later line than the word before it; a
declaration's `{` (a group's body) on a later line than its name; `member` on a
later line than `run on each`. As the parsers read them, a statement keyword that
starts a line there is that keyword. What is left on one line is listed in
docs/editors.md ("Limits").

`python -m bkrdsl.keywords --write` regenerates the TextMate grammar, the Vim
syntax, docs/keywords.md (each keyword's meaning, from bkrdsl/keyword_docs.py)
and two tables of the grammar for the checker, which has no parser at hand:
bkrdsl/syntax/homes.py (the blocks each statement is written in) and
bkrdsl/syntax/followers.py (the kind of value after a keyword that takes one);
`python -m bkrdsl.keywords --check` exits 1 when one is stale.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
import textwrap
from dataclasses import field
from pathlib import Path

from bkrdsl.records import dataclass

GENERATOR = "python -m bkrdsl.keywords --write"


# ------------------------------------------------------------------ vocabulary
@dataclass(frozen=True)
class Vocabulary:
    keywords: tuple[str, ...]  # lower case, sorted
    punctuation: tuple[str, ...]
    name_start: str  # a regex character class, e.g. "[A-Za-z0-9$@_*%?]"
    name_char: str  # the class of the characters a name continues with
    import_path: str  # the regex of a path after `import`
    wildcards: str  # the characters that make a name a pattern
    blanks: str  # the characters the grammar skips between tokens (its WS)

    @property
    def word(self) -> str:
        return self.name_start + self.name_char + "*"


_NAME_SHAPE = re.compile(r"(\[(?:[^\]\\]|\\.)+\])(\[(?:[^\]\\]|\\.)+\])\*\Z")


def _name_classes(pattern: str) -> tuple[str, str]:
    m = _NAME_SHAPE.match(pattern)
    if m is None:
        raise ValueError(
            f"the grammar's NAME terminal is /{pattern}/; the highlighters expect"
            " /[first characters][other characters]*/: update bkrdsl/keywords.py"
        )
    return m.group(1), m.group(2)


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Keywords, punctuation and name shapes, read from the grammar's terminals."""
    from lark.lexer import PatternStr

    from bkrdsl.resolve.model import PATTERN_CHARS

    terminals = {t.name: t for t in _grammar_lark().terminals}
    start, char = _name_classes(terminals["NAME"].pattern.value)
    name = re.compile(start + char + "*")
    literals = [t.pattern for t in terminals.values() if isinstance(t.pattern, PatternStr)]
    keywords = sorted({p.value.lower() for p in literals if name.fullmatch(p.value)})
    punctuation = sorted({p.value for p in literals if not name.fullmatch(p.value)})
    return Vocabulary(
        keywords=tuple(keywords),
        punctuation=tuple(punctuation),
        name_start=start,
        name_char=char,
        import_path=terminals["IMPORT_PATH"].pattern.value,
        wildcards="".join(sorted(PATTERN_CHARS)),
        blanks=_blanks(terminals["WS"].pattern.value),
    )


def _blanks(ws: str) -> str:
    """The characters of the grammar's WS terminal (`[ \\t\\f\\r\\n]+`), in code point
    order. Only they are white space to the highlighters: any other blank (a no-break
    space, an em space) is a stray character to the parser (BKR003), so it is marked
    as one, not skipped."""
    blank = re.compile(ws.removesuffix("+"))
    return "".join(c for c in map(chr, range(0x3001)) if blank.fullmatch(c))


def regex_chars(chars: str) -> str:
    """`chars` written for a regex character class (pygments, Oniguruma; Vim takes `\\t`
    and `\\r` too, but not `\\f`: bkrdsl.keywords.vim_syntax writes `\\x0c`)."""
    named = {"\t": "\\t", "\f": "\\f", "\r": "\\r", "\n": "\\n"}
    return "".join(named.get(c, re.escape(c) if c in "\\]^-" else c) for c in chars)


def keywords() -> tuple[str, ...]:
    return vocabulary().keywords


def case_insensitive_keywords() -> bool:
    """Whether every keyword literal carries Lark's `i` flag (the highlighters assume so)."""
    from lark.lexer import PatternStr

    kws = set(keywords())
    return all(
        "i" in t.pattern.flags
        for t in _grammar_lark().terminals
        if isinstance(t.pattern, PatternStr) and t.pattern.value.lower() in kws
    )


def char_class_members(cls: str) -> frozenset[str]:
    """The characters of a simple regex class like `[A-Za-z0-9$#\\-:.]`."""
    body = cls[1:-1]
    chars: list[str] = []
    i = 0
    while i < len(body):
        c = body[i + 1] if body[i] == "\\" else body[i]
        i += 2 if body[i] == "\\" else 1
        if i + 1 < len(body) and body[i] == "-":
            hi = body[i + 2] if body[i + 1] == "\\" else body[i + 1]
            i += 3 if body[i + 1] == "\\" else 2
            chars.extend(chr(x) for x in range(ord(c), ord(hi) + 1))
        else:
            chars.append(c)
    return frozenset(chars)


# ------------------------------------------------------------------ token kinds
@dataclass(frozen=True)
class Kind:
    name: str
    pygments: str  # a pygments token type, as a dotted path below Token
    textmate: str | None  # TextMate scope; None: left to the base scope source.bkr
    vim: tuple[str, ...]  # Vim groups; the first links to `vim_link`, the others to the first
    vim_link: str | None
    what: str


KINDS: tuple[Kind, ...] = (
    Kind("keyword", "Keyword", "keyword.other.bkr",
         ("bkrKeyword", "bkrSlotKeyword", "bkrMatchKeyword", "bkrDiskOn", "bkrOrdinal", "bkrPlaceEach", "bkrEachMember",
          "bkrMedium", "bkrDiskSize"),
         "Keyword",
         "a keyword of the grammar, in any case"),
    Kind("import-path", "Name.Namespace", "entity.name.namespace.bkr", ("bkrImportPath",), "Include",
         "the module after `import`: std/backup-manager, ./site/common"),
    Kind("cluster-name", "Name.Class", "entity.name.type.cluster.bkr", ("bkrClusterName",), "Structure",
         "the name after `cluster`, before its `{`"),
    # A reference has its declaration's kind, so a member or group looks the same
    # where it is declared and where it is used; Vim gives the use a group of its
    # own (linked to the declaration's) for a colour scheme that wants them apart.
    Kind("member-name", "Name.Label", "entity.name.type.member.bkr", ("bkrMemberName", "bkrMemberRef"), "Type",
         "a member's name: after `member`, before its `{`; after `on` (`run on VMSYS1`), but for a disk's volume"),
    Kind("group-name", "Name.Constant", "entity.name.type.group.bkr", ("bkrGroupName", "bkrGroupRef"), "Typedef",
         "a group's name: after `group`, before its `{`; the names of a `backup` list"),
    Kind("job-name", "Name.Function", "entity.name.function.job.bkr", ("bkrJobName",), "Function",
         "the name after `job`, before its `{`"),
    Kind("user-id", "Name.Variable", "variable.other.userid.bkr", ("bkrUserId",), "Identifier",
         "a z/VM user ID: in a group body, after `user`, `server`, the Tape Manager machines, a minidisk owner"),
    Kind("pattern", "String.Regex", "string.regexp.pattern.bkr", ("bkrPattern",), "Special",
         "a name with a wildcard (* % ?): LNX*, BKRPOOL:CICSPRD.*"),
    Kind("address", "Number.Hex", "constant.numeric.hex.address.bkr", ("bkrAddress", "bkrRange"), "Number",
         "a minidisk address or either end of a range: 0191, 0100-0FFF"),
    Kind("range-operator", "Operator", "keyword.operator.range.bkr", ("bkrRangeOperator",), "Operator",
         "the - of an address range"),
    Kind("number", "Number.Integer", "constant.numeric.integer.bkr", ("bkrNumber",), "Number",
         "a decimal number: workers 4, retain 35 days; a volume's size: 3390-9"),
    Kind("time", "Literal.Date", "constant.numeric.time.bkr", ("bkrTime",), "Constant",
         "a time of day, HH:MM"),
    Kind("string", "String.Double", "string.quoted.double.bkr", ("bkrString",), "String",
         "a double-quoted string"),
    Kind("escape", "String.Escape", "constant.character.escape.bkr", ("bkrEscape",), "SpecialChar",
         "a backslash escape in a string"),
    Kind("comment", "Comment.Single", "comment.line.number-sign.bkr", ("bkrComment", "bkrImportComment"), "Comment",
         "# to the end of the line, where a name cannot continue"),
    Kind("doc-comment", "String.Doc", "comment.line.documentation.bkr", ("bkrDocComment", "bkrImportDocComment"),
         "SpecialComment",
         "## to the end of the line: documentation kept with the declaration below"),
    # `# bkrc: allow CODE, CODE reason` (bkrdsl/diagnostics/allow.py): a comment the
    # checker reads; its words `bkrc:` and `allow`, and the codes, coloured inside it.
    Kind("directive", "Comment.Special", "comment.line.number-sign.directive.bkr",
         ("bkrDirective", "bkrDirectiveComma", "bkrDirectiveReason", "bkrDirectiveRest", "bkrImportDirective"), "SpecialComment",
         "# bkrc: allow CODE reason: a warning acknowledged (docs/language.md, \"Allowing a warning\")"),
    Kind("directive-keyword", "Comment.Preproc", "keyword.other.directive.bkr",
         ("bkrDirectiveKeyword", "bkrDirectiveAllow"), "PreProc",
         "the `bkrc:` and `allow` of a directive"),
    Kind("rule-code", "Comment.PreprocFile", "constant.other.rule-code.bkr", ("bkrRuleCode",), "Constant",
         "a code or rule name a directive allows: BKR227, worker-task-names-shared"),
    Kind("brace", "Punctuation", "punctuation.section.braces.bkr", ("bkrBrace",), "Delimiter",
         "{ and }"),
    Kind("comma", "Punctuation.Marker", "punctuation.separator.comma.bkr", ("bkrComma",), "Delimiter",
         "the , between names"),
    # Generic.Error, not Error: pygments' Error means "the lexer failed", and Sphinx
    # refuses to highlight a block that holds one; this lexer never fails, it marks
    # a stray character (`workers = 4` in a broken example) and goes on.
    Kind("invalid", "Generic.Error", "invalid.illegal.character.bkr", ("bkrError",), "Error",
         "a character no token can start with (outside strings and comments)"),
    Kind("name", "Name", None, ("bkrName", ""), None,
         "any other name: volumes, pools, days, units, roles"),
)

KIND = {k.name: k for k in KINDS}


# ------------------------------------------------------------------ contexts
#: The name after each keyword is declared by it: before a `{`, at the end of its line or on a
#: later line (its `{` on a later line too).
DECLARES = {"cluster": "cluster-name", "member": "member-name", "group": "group-name", "job": "job-name"}
#: The declaration whose `{ }` body lists user IDs (and `match PATTERN`).
GROUP = "group"
#: Keywords followed by a comma-separated list of user IDs.
USER_LISTS = ("user",)
#: Keywords followed by a comma-separated list of group names (or user IDs: the
#: highlighters do not resolve names, so one is shown as a group): a group named
#: like a keyword (`backup LINUX, WORKERS full`) is a group there.
NAME_LISTS = ("backup",)
#: `on` is followed by member names, even those spelled like keywords (`run on RUN
#: daily 01:00`); only `each member` is keywords there (`run on each member`), as the
#: parsers read it: a catalog's `on each` names a member EACH.
PLACE = ("on", "each", "member")
#: The keywords a placement (`on MEMBER, ...` or `on each member`) follows: after their `on`,
#: `each` is always the keyword to the parsers (`run on each daily` is BKR004), so one at the
#: end of its line is the keyword, with `member` on a later line (`run on each`, then `member
#: daily 01:00`); a catalog's `on` takes a name only (`on each`: a member EACH).
PLACEMENTS = ("expire", "run")
#: Keywords followed by one user ID or pattern.
USER_SLOTS = ("catalog-dmm", "catalog-node", "match", "request-dmm", "request-node", "server")
#: The one keyword of a group body (`match PATTERN`): every other word there is a user
#: ID, even one spelled like a slot keyword (`single group G { catalog-dmm }`: the user
#: CATALOG-DMM), as the parsers read it.
GROUP_SLOT = "match"
#: Keywords followed by one value (a number, a unit, a pool's name, a role), even one
#: spelled like a keyword, as the parsers read it (`to disk pool BACKUP`, a file pool;
#: `retain EACH days`, a count EACH, which bkrc check reports; `days` after it is a keyword).
VALUE_SLOTS = ("as", "at", "job-suffix", "pool", "retain", "role", "workers")
#: Keywords followed by two values, a count and its unit (`logon-wait 2 minutes`), each
#: even one spelled like a keyword, over line breaks, as the parsers read them: a disk's
#: `size AMOUNT UNIT` too (DISK), but for what may follow its unit.
VALUE_PAIRS = ("logon-wait", "pool-wait")
#: Keywords followed by an owner (user ID or pattern), then addresses: from the first
#: address on the owner's line, every word over lines to the next statement of the block
#: or a brace is an address (`include minidisk * 0191 on`: an address ON), as the parsers
#: read a selection's NAME+ (BKR017 reports the bad address).
ADDRESS_LISTS = ("minidisk",)
#: Keywords followed by SFS paths, every word over lines to the next statement of the
#: block or a brace, even one spelled like a keyword (`exclude sfs job`), as for addresses.
PATH_LISTS = ("sfs",)
#: The blocks a selection (`include`, `exclude`) is a statement of: its addresses or
#: paths run to the next statement of any of them (one of another block there is an
#: error the parsers report, BKR013).
SELECTION_BLOCKS = ("member", "job")
#: Keywords followed by volume labels, and the block each is a statement of. The list
#: runs on, over line breaks, to the next statement of that block (`block_statements`)
#: or the block's brace, and every word up to there is a label, even one spelled like
#: a keyword (`shared-volume on VMCOM1`: the volumes ON and VMCOM1; `retain 30 days`
#: under `private-volume M1PRV1`: three more), as the parsers read it (BKR021).
VOLUME_LISTS = {"private-volume": "member", "shared-volume": "cluster"}
#: `disk USER ADDRESS size AMOUNT UNIT on VOLUME`: the statement's keyword, and the one
#: after its address; each slot in turn, over line breaks (a statement keyword starting a
#: line ends it: BKR010), as the parsers read them. After the unit, `on` names a volume.
DISK = ("disk", "size")
#: `to disk`: the medium, not the statement `disk`, also on a later line than `to`.
TARGET = "to"
#: The keyword before an import path.
IMPORT = "import"
#: `daily 01:00`: the time, even one spelled like a keyword (`purge daily retain }`: a
#: time RETAIN, which bkrc check reports), as the parsers read it.
DAILY = "daily"
#: `weekly sat,sun 22:00`: the days, a list of names, even those spelled like keywords
#: (`weekly sat,backup 01:00`: a day BACKUP, which bkrc check reports), then the time: a
#: name too, but for a keyword that may follow a list (`list_followers`: `weekly sat to`
#: is the time left out before `to`), as the parsers read it.
WEEKLY = "weekly"
#: `monthly first sun 02:00`: the ordinals are keywords right after `monthly` only, as
#: both parsers read them; anywhere else one is a name (`to disk pool LAST`). The day
#: and the time after them are names, even those spelled like keywords (`monthly 01:00
#: backup }`: a time BACKUP, which bkrc check reports).
MONTHLY, ORDINALS = "monthly", ("first", "second", "third", "fourth", "last")


def context_keywords() -> set[str]:
    return {
        *DECLARES, GROUP, *USER_LISTS, *NAME_LISTS, *PLACE, *PLACEMENTS, *USER_SLOTS, *VALUE_SLOTS, *VALUE_PAIRS, *ADDRESS_LISTS, *DISK,
        TARGET, IMPORT, MONTHLY, *ORDINALS, *VOLUME_LISTS, *(k for block in VOLUME_LISTS.values() for k in block_statements(block)),
        GROUP_SLOT, *PATH_LISTS, WEEKLY, DAILY, *selection_statements(), *list_followers(),
    }


@functools.lru_cache(maxsize=1)
def list_followers() -> tuple[str, ...]:
    """The keywords that may follow a name list (`user A, B role ...`, `backup G full`,
    `run on M daily ...`, the next statement), sorted: the grammar's FOLLOW set of
    `name_list`. Right after a list's last name such a word is that keyword to the
    parsers, any other word a name (a weekly schedule's time)."""
    lark = _grammar_lark()
    words = set(vocabulary().keywords)
    literal = {t.name: t.pattern.value.lower() for t in lark.terminals if t.pattern.value.lower() in words}
    rules = [(r.origin.name, [s.name for s in r.expansion]) for r in lark.rules]
    inner = {origin for origin, _ in rules}
    nullable: set[str] = set()
    first: dict[str, set[str]] = {n: set() for n in inner}
    follow: dict[str, set[str]] = {n: set() for n in inner}

    def firsts(symbols: list[str], into: set[str]) -> bool:
        """Add the FIRST set of `symbols` to `into`; whether they can all be empty."""
        for s in symbols:
            into |= first[s] if s in inner else {s}
            if s not in nullable:
                return False
        return True

    changed = True
    while changed:
        changed = False
        for origin, expansion in rules:
            before = (origin in nullable, len(first[origin]))
            if firsts(expansion, first[origin]):
                nullable.add(origin)
            changed |= before != (origin in nullable, len(first[origin]))
    changed = True
    while changed:
        changed = False
        for origin, expansion in rules:
            for i, s in enumerate(expansion):
                if s in inner:
                    before = len(follow[s])
                    if firsts(expansion[i + 1 :], follow[s]):
                        follow[s] |= follow[origin]
                    changed |= before != len(follow[s])
    return tuple(sorted(literal[t] for t in follow["name_list"] if t in literal))


def selection_statements() -> tuple[str, ...]:
    """The keywords that end a selection's addresses or paths: the first keywords of the
    statements of the blocks a selection is in (SELECTION_BLOCKS), sorted."""
    return tuple(sorted({k for block in SELECTION_BLOCKS for k in block_statements(block)}))


@functools.lru_cache(maxsize=4)
def block_statements(block: str) -> tuple[str, ...]:
    """The keywords a statement of `block` ("member", "cluster") starts with, lower
    case and sorted: the first keywords of the grammar's `_member_item` (`_cluster_item`)
    rules, through the rules they name (`selection` starts with `include` or `exclude`)."""
    _, expansions = _grammar_rules()
    item = f"_{block}_item"
    if item not in expansions:
        raise ValueError(f"the grammar has no rule {item}; update bkrdsl/keywords.py's VOLUME_LISTS")
    return tuple(sorted(_first_keywords([item])))


@functools.lru_cache(maxsize=1)
def _grammar_lark():
    """grammar/bkr.lark compiled by Lark: `bkrdsl.syntax.parser.parser`, or where
    `bkrdsl.syntax` cannot be imported, a parser of the same rules and terminals built
    here: the generator writes modules that package imports (lexicon.py, homes.py), so it
    must run when they are missing or stale (`main`)."""
    try:
        from bkrdsl.syntax.parser import parser
    except (ImportError, AttributeError):  # a generated module it imports is missing or stale
        pass
    else:
        return parser()
    from lark import Lark

    from bkrdsl.resources import grammar_path

    return Lark(
        grammar_path().read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        maybe_placeholders=False,
        keep_all_tokens=True,
    )


@functools.lru_cache(maxsize=1)
def _grammar_rules() -> tuple[dict[str, str], dict[str, list[list[str]]]]:
    """The grammar's string terminals (their name -> their text, lower case) and each
    rule's expansions (the names of their symbols), as Lark compiled them (`x*` is a
    rule of its own, `__cluster_star_0`)."""
    from lark.lexer import PatternStr

    lark = _grammar_lark()
    literal = {t.name: t.pattern.value.lower() for t in lark.terminals if isinstance(t.pattern, PatternStr)}
    expansions: dict[str, list[list[str]]] = {}
    for rule in lark.rules:
        expansions.setdefault(rule.origin.name, []).append([s.name for s in rule.expansion])
    return literal, expansions


def _first_keywords(symbols: list[str]) -> set[str]:
    """The string terminals the rules `symbols` start with, through the rules they
    start with in turn."""
    literal, expansions = _grammar_rules()
    first: set[str] = set()
    seen: set[str] = set()
    todo = list(symbols)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for expansion in expansions[name]:
            head = expansion[0] if expansion else None
            if head in expansions:
                todo.append(head)
            elif head in literal:
                first.add(literal[head])
    return first


def statement_homes() -> dict[str, tuple[str, ...]]:
    """The kinds of block that take each statement keyword, from the grammar: the
    keywords that start what a block's `{ ... }` holds (a group body's `match`, its
    user IDs no keyword), for each kind of block the recovery reopens (its OPENERS, in
    their order), less a statement the checker refuses in a kind of block the grammar
    lets it stand in (`include` in a member block: BKR117); every statement keyword,
    the top level's too (`import`, `cluster`: no block; `single`, `identity`: the
    cluster, or the top level), sorted. bkrdsl/syntax/homes.py holds it for the
    checker, which has no parser at hand (`homes_module`)."""
    from bkrdsl.syntax.recovery import OPENERS, REFUSED_IN

    _, expansions = _grammar_rules()
    keywords = set(vocabulary().keywords)
    homes: dict[str, list[str]] = {k: [] for k in _first_keywords(["start"]) if k in keywords}
    for kind in OPENERS:
        bodies = [e[e.index("LBRACE") + 1] for e in expansions[kind] if "LBRACE" in e]
        inside = sorted(k for k in _first_keywords([b for b in bodies if b in expansions]) if k in keywords)
        for keyword in inside:
            if kind not in REFUSED_IN.get(keyword, ()):
                homes.setdefault(keyword, []).append(kind)
    return {k: tuple(homes[k]) for k in sorted(homes)}


def homes_module() -> str:
    """bkrdsl/syntax/homes.py: statement_homes, as Python the checker imports."""
    lines = [
        f'"""Generated by `{GENERATOR}` from grammar/bkr.lark; do not edit.',
        "",
        "The kinds of block that take each statement keyword (`bkrdsl.keywords.statement_homes`),",
        "for the checker, which has no parser at hand: BKR021's help at a statement read as a",
        "list's names (`messages.statement_belongs`), BKR310's at a word read as one more",
        "address. `import` and `cluster` none: the top level of the file; a declaration, the",
        "cluster's (or the top level's). The recovery derives the same from the grammar",
        "(`Recovery.other_blocks`, BKR013's help): tests/test_syntax_slips.py holds the two alike.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "STATEMENT_HOMES: dict[str, tuple[str, ...]] = {",
    ]
    for keyword, kinds in statement_homes().items():
        written = "()" if not kinds else "(" + "".join(f'"{k}", ' for k in kinds).rstrip(" ") + ")"
        if len(kinds) > 1:
            written = written.replace(",)", ")")
        lines.append(f'    "{keyword}": {written},')
    lines.append("}")
    return "\n".join(lines) + "\n"


@functools.lru_cache(maxsize=1)
def keyword_followers() -> dict[str, tuple[str, ...]]:
    """What the grammar puts right after each keyword, sorted: another keyword (`manager`
    after `tape`, `each` after `on`, `user` or `group` after `single`), a value (`NAME`,
    the grammar's one token for every name and value: an ID, a number, a time, a path), a
    quoted text (`STRING`), an import path (`IMPORT_PATH`), punctuation (`{`); `""` where
    the statement may end right after it (`full`, `manual`, `shared` with no option). A
    keyword that ends a rule of a statement's part is followed by what follows that part
    (`first`, the ordinal, by the weekday's NAME of `monthly ordinal NAME NAME`). A
    statement (`backup`, a catalog's option `server NAME`, a group body's entry) is a rule
    that a list of what a block or the file holds names: one of Lark's helper rules
    (`_job_item`, `__catalog_star_5`) or `start`. Every keyword of the grammar."""
    literal, expansions = _grammar_rules()
    keywords = set(vocabulary().keywords)
    nullable: set[str] = set()
    changed = True
    while changed:  # a rule that may be empty: `start`, a `x*` of Lark's
        changed = False
        for origin, options in expansions.items():
            if origin not in nullable and any(all(s in nullable for s in e) for e in options):
                nullable.add(origin)
                changed = True
    statements = {
        s for origin, options in expansions.items() if origin == "start" or origin.startswith("_")
        for e in options for s in e if s in expansions and not s.startswith("_")
    }  # fmt: skip

    def first(symbols: list[str]) -> tuple[set[str], bool]:
        """The terminals `symbols` may start with, through the rules they start with; and
        whether they may all be empty."""
        found: set[str] = set()
        seen: set[str] = set()

        def walk(rest: list[str]) -> bool:
            for s in rest:
                if s not in expansions:
                    found.add(literal.get(s, s))
                    return False
                if s not in seen:
                    seen.add(s)
                    for e in expansions[s]:
                        walk(e)
                if s not in nullable:
                    return False
            return True

        return found, walk(symbols)

    def after(rule: str, seen: frozenset[str]) -> set[str]:
        """What follows the part `rule` is, to the end of its statement (`""`)."""
        if rule in statements or rule in seen:
            return {""}
        found: set[str] = set()
        for origin, options in expansions.items():
            for e in options:
                for i, s in enumerate(e):
                    if s == rule:
                        then, empty = first(e[i + 1 :])
                        found |= then
                        if empty:
                            found |= after(origin, seen | {rule})
        return found

    followers: dict[str, set[str]] = {k: set() for k in keywords}
    for origin, options in expansions.items():
        for e in options:
            for i, s in enumerate(e):
                if literal.get(s) in keywords:
                    then, empty = first(e[i + 1 :])
                    followers[literal[s]] |= then | (after(origin, frozenset()) if empty else set())
    return {k: tuple(sorted(followers[k])) for k in sorted(followers)}


#: The kind of value the first name after each keyword is, where the grammar puts a name
#: right after it (`keyword_followers`: a `NAME`). By hand, because the grammar cannot
#: say it: it has one token for every name and value (grammar/bkr.lark's NAME), and the
#: AST builder and the checker validate each by its role. `name`: a name or a z/VM ID (a
#: member, user, group, job, pool, role, volume label, a minidisk's owner); `pattern`: a
#: user ID pattern; `number`; `time`: a time of day; `day`: of the week or of the month;
#: `path`: an SFS path. `keyword_values` refuses a keyword the grammar puts a name after
#: that this table leaves out (a keyword added to the grammar), and one it classifies
#: that the grammar puts no name after.
VALUE_KINDS: dict[str, str] = {
    "as": "name", "at": "number", "backup": "name", "catalog-dmm": "name", "catalog-node": "name", "cluster": "name",
    "daily": "time", "disk": "name", "first": "day", "fourth": "day", "group": "name", "job": "name",
    "job-suffix": "name", "last": "day", "link": "name", "logon-wait": "number", "match": "pattern", "member": "name",
    "minidisk": "name", "monthly": "day", "on": "name", "pool": "name", "pool-wait": "number",
    "private-volume": "name", "request-dmm": "name", "request-node": "name", "retain": "number",
    "role": "name", "second": "day", "server": "name", "sfs": "path", "shared-volume": "name",
    "size": "number", "subconfig": "name", "third": "day", "user": "name", "weekly": "day", "workers": "number",
}  # fmt: skip


def keyword_values() -> dict[str, str]:
    """The kind of value (VALUE_KINDS) right after each keyword the grammar puts a name
    after (`keyword_followers`), sorted: `server BKRSVSFS`, a name; `daily 02:00`, a
    time. bkrdsl/syntax/followers.py holds it for the checker, which has no parser at
    hand (`followers_module`): the one name after such a keyword in a group body is
    part of the same slip (BKR021, `declarations._takes_value`)."""
    named = {k for k, after in keyword_followers().items() if "NAME" in after}
    if named != set(VALUE_KINDS):
        raise ValueError(
            "bkrdsl/keywords.py's VALUE_KINDS must classify the value of every keyword the grammar puts a name"
            f" after: unclassified {sorted(named - set(VALUE_KINDS))}, takes none {sorted(set(VALUE_KINDS) - named)}"
        )
    return {k: VALUE_KINDS[k] for k in sorted(named)}


def followers_module() -> str:
    """bkrdsl/syntax/followers.py: keyword_values, as Python the checker imports."""
    lines = [
        f'"""Generated by `{GENERATOR}` from grammar/bkr.lark; do not edit.',
        "",
        "The kind of value right after each keyword the grammar puts a name after",
        "(`bkrdsl.keywords.keyword_values`: the keywords from the grammar's rules, the kinds",
        "from `keywords.VALUE_KINDS`, since the grammar has one token for every name and",
        "value), for the checker, which has no parser at hand: in a group body, the one name",
        "after a keyword whose value is a `name` (`server BKRSVSFS`) is part of the same slip",
        "(BKR021, `check.declarations._takes_value`), not one more user (BKR208).",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "KEYWORD_VALUES: dict[str, str] = {",
        *(f'    "{keyword}": "{kind}",' for keyword, kind in keyword_values().items()),
        "}",
    ]
    return "\n".join(lines) + "\n"


@functools.lru_cache(maxsize=1)
def _grammar_keywords() -> frozenset[str]:
    """The keywords, as `vocabulary` reads them, but importing nothing of bkrdsl that
    imports the parsers (`bkrdsl.resolve`): what lexicon.py is written from."""
    from lark.lexer import PatternStr

    terminals = {t.name: t for t in _grammar_lark().terminals}
    start, char = _name_classes(terminals["NAME"].pattern.value)
    name = re.compile(start + char + "*")
    return frozenset(
        t.pattern.value.lower()
        for t in terminals.values()
        if isinstance(t.pattern, PatternStr) and name.fullmatch(t.pattern.value)
    )


def _rule(name: str) -> list[list[str]]:
    _, expansions = _grammar_rules()
    if name not in expansions:
        raise ValueError(f"the grammar has no rule {name}; update bkrdsl/keywords.py's lexicon")
    return expansions[name]


def _keywords_in(symbols) -> frozenset[str]:
    """The keywords among the grammar's terminals `symbols` (their text, lower case)."""
    literal, _ = _grammar_rules()
    words = _grammar_keywords()
    return frozenset(literal[s] for s in symbols if literal.get(s) in words)


def _rule_keywords(name: str, values: int | None = None) -> frozenset[str]:
    """The first keyword of each expansion of the rule `name` (`scope`: shared, local), or
    of those that are that keyword and `values` names (`tape_opt`'s `request-node NAME`)."""
    return _keywords_in(
        e[0] for e in _rule(name) if e and (values is None or e[1:] == ["NAME"] * values)
    )


def _keywords_after(name: str, symbol: str) -> frozenset[str]:
    """The keywords right after `symbol` in the expansions of the rule `name`."""
    return _keywords_in(e[e.index(symbol) + 1] for e in _rule(name) if symbol in e[:-1])


def block_keywords() -> dict[str | None, frozenset[str]]:
    """The first keyword of each statement of a kind of block (a grammar rule with a `{`:
    `cluster`, `member`, `job`, `expire`, `group_decl`, sorted), and of the top level
    (None): the first keywords of what the block's `{ ... }` holds, through the rules they
    name (a selection's `include`, `exclude`; a group body's `match`)."""
    _, expansions = _grammar_rules()
    blocks: dict[str | None, frozenset[str]] = {None: _keywords_in_firsts(["start"])}
    for name in sorted(expansions):
        bodies = [e[e.index("LBRACE") + 1] for e in expansions[name] if "LBRACE" in e]
        bodies = [b for b in bodies if b in expansions]
        if bodies and not name.startswith("_"):
            blocks[name] = _keywords_in_firsts(bodies)
    return blocks


def _keywords_in_firsts(symbols: list[str]) -> frozenset[str]:
    words = _grammar_keywords()
    return frozenset(k for k in _first_keywords(symbols) if k in words)


#: bkrdsl/syntax/lexicon.py: each set's name, what it is, and how the grammar says it.
LEXICON: tuple[tuple[str, str, object], ...] = (
    ("KEYWORDS", "Every keyword of the grammar.", _grammar_keywords),
    (
        "BLOCK_STATEMENTS",
        "The first keyword of each statement of a kind of block (the grammar's rule), and of the top level (None).",
        block_keywords,
    ),
    (
        "STATEMENT_KEYWORDS",
        "The keywords that start a statement somewhere: BLOCK_STATEMENTS's, all together.",
        lambda: frozenset().union(*block_keywords().values()),
    ),
    ("KINDS", "The kinds of a declaration (`kind`).", lambda: _rule_keywords("kind")),
    (
        "DECLARATIONS",
        "The keyword after a declaration's kind (`single user`, `identity group`).",
        lambda: _keywords_after("user_decl", "kind") | _keywords_after("group_decl", "kind"),
    ),
    ("SCOPES", "The scopes of a catalog and a tape manager (`scope`).", lambda: _rule_keywords("scope")),
    ("CATALOG_OPTIONS", "The options of `catalog` (`catalog_opt`).", lambda: _rule_keywords("catalog_opt")),
    (
        "CATALOG_WAITS",
        "The options of `catalog` that take two names, a count and its unit (`logon-wait 2 minutes`).",
        lambda: _rule_keywords("catalog_opt", values=2),
    ),
    ("TAPE_OPTIONS", "The options of `tape manager` (`tape_opt`).", lambda: _rule_keywords("tape_opt")),
    (
        "TAPE_ONE_NAME_OPTIONS",
        "The options of `tape manager` that take one name (`request-node NAME`).",
        lambda: _rule_keywords("tape_opt", values=1),
    ),
    ("LEVELS", "The levels of a backup (`level`).", lambda: _rule_keywords("level")),
    ("ACTIONS", "What a selection does (`action`): `include`, `exclude`.", lambda: _rule_keywords("action")),
    (
        "SELECTION_MEDIA",
        "The media of a selection, right after its action (`include minidisk`, `exclude sfs`).",
        lambda: _keywords_after("selection", "action"),
    ),
    ("TARGET_MEDIA", "The media of a job's destination, `to` (`medium`).", lambda: _rule_keywords("medium")),
    ("SCHEDULES", "The first keyword of a schedule (`schedule`).", lambda: _rule_keywords("schedule")),
    ("ORDINALS", "The ordinals of `monthly first sun 02:00` (`ordinal`).", lambda: _rule_keywords("ordinal")),
)


def lexicon() -> dict[str, frozenset[str] | dict[str | None, frozenset[str]]]:
    """Each of LEXICON's sets, as the grammar says it."""
    return {name: derive() for name, _, derive in LEXICON}


def _frozenset_text(words, indent: str) -> str:
    line = "frozenset({" + ", ".join(f'"{w}"' for w in sorted(words)) + "})"
    if len(indent) + len(line) <= 100:
        return line
    inner = indent + "    "
    rows: list[str] = []
    for word in sorted(words):
        item = f'"{word}",'
        if rows and len(rows[-1]) + 5 + len(item) <= 100:
            rows[-1] += " " + item
        else:
            rows.append(inner + item)
    return "frozenset(\n" + inner + "{\n" + "\n".join("    " + r for r in rows) + "\n" + inner + "}\n" + indent + ")"


def lexicon_module() -> str:
    """bkrdsl/syntax/lexicon.py: the keyword sets of LEXICON, as Python the parsers, the
    messages, the language server and the formatter import."""
    lines = [
        f'"""Generated by `{GENERATOR}` from grammar/bkr.lark; do not edit.',
        "",
        "The grammar's keyword sets (`bkrdsl.keywords.LEXICON`), lower case and sorted, for the",
        "modules that read keywords without Lark's tables: the fast parser (syntax/fast.py), the",
        "recovery's own regexes and sets (syntax/recovery.py), the language server's completion",
        "(lsp/features.py) and the formatter (fmt/layout.py). tests/test_grammar_copies.py holds",
        "each copy they make of one to the grammar.",
        '"""',
        "",
        "from __future__ import annotations",
    ]
    for (name, doc, _), value in zip(LEXICON, lexicon().values(), strict=True):
        lines += ["", *textwrap.wrap(doc, 88, initial_indent="#: ", subsequent_indent="#: ")]
        if isinstance(value, dict):
            lines.append(f"{name}: dict[str | None, frozenset[str]] = {{")
            for block, words in value.items():
                key = "None" if block is None else f'"{block}"'
                lines.append(f"    {key}: {_frozenset_text(words, '    ')},")
            lines.append("}")
        else:
            lines.append(f"{name} = {_frozenset_text(value, '')}")
    return "\n".join(lines) + "\n"


def statement_keywords() -> tuple[str, ...]:
    """The keywords a statement of any block starts with, sorted: one of them that starts a
    line while a statement waits for a value is that keyword to the parsers, not the value
    (bkrdsl.syntax.recovery's name_token; tests/test_fast_parser.py holds the two alike)."""
    from bkrdsl.syntax.fast import STATEMENT_KEYWORDS

    return tuple(sorted(STATEMENT_KEYWORDS))


def everywhere_keywords() -> tuple[str, ...]:
    """The keywords whatever comes before them: all but the ordinals."""
    return tuple(k for k in vocabulary().keywords if k not in ORDINALS)


# ------------------------------------------------------------------ rules
@dataclass(frozen=True)
class Match:
    """One regex; `kind` colours the whole match, `captures` its groups.

    A capture is a kind name, or "@list" to colour the captured text with another
    rule list (TextMate's captures with patterns)."""

    doc: str
    regex: str
    kind: str | None = None
    captures: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Region:
    """From `begin` to `end` (possibly across lines), the text coloured by the `inner` list."""

    doc: str
    begin: str
    end: str
    inner: str
    kind: str | None = None
    begin_captures: dict[int, str] = field(default_factory=dict)
    end_captures: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Include:
    list: str


Rule = Match | Region | Include


def directive_regex() -> str:
    """`# bkrc: allow CODE, CODE reason` from its `#` to the line's end, as
    `diagnostics.allow.read` reads a comment (built of its pieces): never a `##`;
    group 1 `bkrc:`, 2 `allow`, 3 the codes (with the blanks and commas between
    them), the reason after them."""
    from bkrdsl.diagnostics import allow

    b, code = allow.BLANKS, allow.CODE
    return (f"#(?!#){b}({re.escape(allow.PREFIX)}){b}((?i:{allow.WORD}))(?![^\\s,])"
            f"((?:{b}{code}(?:{allow.COMMA}{b}{code})*)?).*$")


def _alternation(words) -> str:
    # Longest first keeps the alternation readable; the (?!name char) guard is what
    # stops `catalog` from matching the front of `catalog-node`.
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, tuple[Rule, ...]]:
    """The ordered rule lists; "main" is the top level. First match at a position wins."""
    v = vocabulary()
    nc, word = v.name_char, v.word
    pre, post = f"(?<!{nc})", f"(?!{nc})"
    sp = "[ \\t]"
    directive = directive_regex()
    from bkrdsl.diagnostics.allow import CODE as allow_code

    def kw(*words: str) -> str:
        return f"{pre}(?i:{_alternation(words)}){post}"

    hexa = "[0-9A-Fa-f]{1,4}"
    wild = "[" + re.escape(v.wildcards) + "]"
    invalid_start = "[^" + regex_chars(v.blanks) + "\"{},#" + v.name_start[1:-1] + "]"
    # Over line breaks. TextMate sees one line at a time, but a region's end is looked for
    # on the lines after its begin, and `^` anchors at a line's start: so a region carries
    # the state "a name must come" (after a list's keyword or comma, a schedule's keyword)
    # to a later line, and ends there at that name (its end captures it), or before anything
    # else that is not a comment. A statement keyword that starts a line there is that
    # keyword to the parsers (the statement is unfinished: an error they report), so the
    # region ends before it.
    blank = regex_chars(v.blanks)
    starts = v.name_start[1:-1]
    stmt = kw(*statement_keywords())
    line_stmt = f"^(?={sp}*{stmt})"
    # after a keyword whose first value is on a later line: end before a statement keyword
    # starting a line, before what no name starts with, or before a word that does not
    # start its line (the value, first on its line, begins a region of its own)
    later_end = f"(?=[^{blank}#{starts}])|(?<=.)(?=[^{blank}#])"
    on_each = f"{kw(PLACE[1])}{sp}+{kw(PLACE[2])}"
    value_end = f"{line_stmt}|({word})|(?=[^{blank}#])"
    lists: dict[str, tuple] = {}
    # A declaration: `KEYWORD NAME {` on one line; the name at the end of its line (before a
    # comment), its `{` on a later line; the name on a later line than the keyword (first on
    # its line, after a comment), but for a statement keyword starting that line (BKR010),
    # as the parsers read them. `each member` first: keywords, not a declaration.
    at_end = f"{post}(?={sp}*(?:#|$))"
    group_open = f"(?<=\\}})|(?=[^{blank}#{{])"
    lists["group-open"] = (
        Include("comments"),
        Region("{ user IDs and `match PATTERN` }", "\\{", "\\}", "group-body", None, {0: "brace"}, {0: "brace"}),
    )
    lists["group-later"] = (
        Include("comments"),
        Region("the group's name, first on a later line, then its body", f"^{sp}*({word})", group_open, "group-open",
               None, {1: "group-name"}),
    )
    decl: list[Rule] = [Match("`each member`: keywords", f"({kw(PLACE[1])}){sp}+({kw(PLACE[2])})", None,
                              {1: "keyword", 2: "keyword"})]
    for k, kind in DECLARES.items():
        if k == GROUP:
            decl += [
                Region("group NAME { user IDs and `match PATTERN` }", f"({kw(k)}){sp}+({word}){sp}*(\\{{)", "\\}",
                       "group-body", None, {1: "keyword", 2: kind, 3: "brace"}, {0: "brace"}),
                Region("group NAME at a line's end, its body on a later line", f"({kw(k)}){sp}+({word}){at_end}",
                       group_open, "group-open", None, {1: "keyword", 2: kind}),
                Region("group, its name on a later line", f"({kw(k)}){at_end}", f"{line_stmt}|(?<=\\}})|{later_end}",
                       "group-later", None, {1: "keyword"}),
            ]
        else:
            decl += [
                Match(f"`{k}` NAME before a brace, or at a line's end (its brace on a later line)",
                      f"({kw(k)}){sp}+({word})(?:(?={sp}*\\{{)|{at_end})", None, {1: "keyword", 2: kind}),
                Region(f"`{k}`, its name on a later line", f"({kw(k)}){at_end}", value_end, "comments", None,
                       {1: "keyword"}, {1: kind}),
            ]
    followers = kw(*list_followers())

    def name_list(key: str, keyword: str, words: str, doc: str, exclude: str = "", time: bool = False) -> list:
        """`keyword NAME, NAME, ...`: the names coloured by `words`, over line breaks after a
        comma, the first also on a later line than the keyword (after a comment); `exclude`
        a look-ahead the first name must pass (`on each member`); `time`: a weekly schedule's
        time after the last name, but for a keyword that may follow a list."""
        # a statement keyword first on a later line, more after it there, is that statement
        # to the parsers (the time missing, BKR010); alone on its line it is the time
        rest_end = (
            f"^(?={sp}*{stmt}{sp}*[^{blank}#}}])|(?!{followers})({word})|(?=[^{blank}#,])" if time
            else f"(?=[^{blank}#,])"
        )
        rest_captures = {1: "@value"} if time else {}
        comma = Region(
            "`,` then a name, over line breaks and comments",
            ",",
            f"{line_stmt}|{exclude}({word})|(?=[^{blank}#])",
            "comments",
            None,
            {0: "comma"},
            {1: "@" + words},
        )
        lists[f"{key}-rest"] = (Include("comments"), comma)
        # The time, read at the end of its line (`weekly`, then `sun 02:00` under it), ends the
        # schedule there: the region that waited for the first day ends right after it (the
        # look-behind on a name character), not to read the next line's word as a first day
        # again. So its keyword takes its line's end, and a comment in it its line's end too.
        lists[f"{key}-later"] = (
            Include("schedule-comments" if time else "comments"),
            Region(f"{doc}: the first name, first on a later line", f"^{sp}*{exclude}({word})", rest_end,
                   f"{key}-rest", None, {1: "@" + words}, rest_captures),
        )
        return [
            Region(doc, f"({keyword}){sp}+{exclude}({word})", rest_end, f"{key}-rest", None,
                   {1: "keyword", 2: "@" + words}, rest_captures),
            Region(f"{doc}: the first name on a later line",
                   f"({keyword})(?={sp}*(?:#|$))" + (f"{sp}*\\n?" if time else ""),
                   (f"^(?={sp}*(?:{stmt}|{on_each}))|{later_end}" if exclude else f"{line_stmt}|{later_end}")
                   + (f"|(?<={nc})" if time else ""),
                   f"{key}-later", None, {1: "keyword"}),
        ]

    def first_later(key: str, begin: str, captures: dict[int, str], end: str, inner: str, first: str, doc: str) -> Region:
        """A list whose first item is on a later line than its keyword (after a comment): the
        item begins a region as on the keyword's line."""
        lists[f"{key}-later"] = (
            Include("comments"),
            Region(f"{doc}: the first, first on a later line", f"^{sp}*({word})", end, inner, None, {1: first}),
        )
        return Region(f"{doc}, the first on a later line", f"{begin}{post}(?={sp}*(?:#|$))", f"{line_stmt}|{later_end}",
                      f"{key}-later", None, captures)

    lists["minidisk-owner"] = (
        Include("comments"),
        Region("OWNER ADDRESS...: the owner first on a later line, the first address after it",
               f"^{sp}*({word}){sp}+({word})", f"(?=[{{}}]|{kw(*selection_statements())})", "address-list", None,
               {1: "@user-words", 2: "@address-words"}),
        Region("OWNER, then the first address on a later line", f"^{sp}*({word}){post}(?={sp}*(?:#|$))",
               f"{line_stmt}|{later_end}", "minidisk-later", None, {1: "@user-words"}),
        Match("OWNER, no address after it on its line", f"^{sp}*({word})", None, {1: "@user-words"}),
    )

    # A schedule's slots in turn (monthly: the ordinal, on any line; the day; the time): a
    # region per slot, each in the one before. One that has its value ends right after it
    # (the look-behind on a name character): so its keyword takes the blanks after it, or
    # the line end, and a comment in it its line end, not to end it at once.
    after = f"(?:{sp}+|\\n)?"
    slot_end = f"{line_stmt}|(?<={nc})|(?=[^{blank}#{starts}])"
    day_time = Region("DAY TIME: the day, then the time, over line breaks", f"({word})", value_end, "comments",
                      None, {1: "@value"}, {1: "@value"})
    lists["schedule-comments"] = (
        Match("## documentation, and its line end", f"({pre}##.*$)\\n?", None, {1: "doc-comment"}),
        Match("# bkrc: allow CODE reason, and its line end", f"({pre}(?={directive})#.*$)\\n?", None,
              {1: "@directive"}),
        Match("# comment, and its line end", f"({pre}#.*$)\\n?", None, {1: "comment"}),
    )
    lists["monthly-ordinal"] = (Include("schedule-comments"), day_time)
    # A disk's slots, as a schedule's: a region per slot, each in the one before; after the
    # unit, an `on` (on its line or a later one) or nothing.
    disk_slots = (
        ("disk-user", "USER", f"({word})", "@user-words", slot_end),
        ("disk-address", "ADDRESS, then `size`", f"({word})", "@address-words",
         f"{line_stmt}|(?<={nc})|(?!{kw(DISK[1])})(?=[^{blank}#])"),
        ("disk-size", "size", f"({kw(DISK[1])})", "keyword", slot_end),
        ("disk-amount", "AMOUNT", f"({word})", "@value", slot_end),
        ("disk-unit", "UNIT, then perhaps `on VOLUME`", f"({word})", "@value",
         f"{line_stmt}|(?<={nc})|(?!{kw(PLACE[0])})(?=[^{blank}#])"),
        ("disk-on", "on VOLUME: a volume, not a member", f"({kw(PLACE[0])})", "keyword", slot_end),
    )
    # The unit may end the statement, another on its line (`cyl catalog shared ...`): it takes
    # the blanks after it only before an `on`, a comment or the line end, so that it ends
    # right after its word otherwise, and the slots before it with it (`(?<=nc)`), which
    # would read the next word as the unit again.
    unit_after = f"(?:{sp}+(?={kw(PLACE[0])}|#)|{sp}*\n)?"
    for (key, doc, begin, capture, end), following in zip(disk_slots, [*(k for k, *_ in disk_slots[1:]), "disk-volume"]):
        tail = unit_after if key == "disk-unit" else after
        lists[key] = (Include("schedule-comments"), Region(doc, f"{begin}{tail}", end, following, None, {1: capture}))
    lists["disk-volume"] = (Include("schedule-comments"), Match("VOLUME", f"({word})", None, {1: "@value"}))
    # `logon-wait AMOUNT UNIT`: the two slots, as a disk's amount and unit.
    lists["wait-amount"] = (
        Include("schedule-comments"),
        Region("AMOUNT, then its unit", f"({word}){after}", slot_end, "wait-unit", None, {1: "@value"}),
    )
    lists["wait-unit"] = (Include("schedule-comments"), Match("UNIT", f"({word})", None, {1: "@value"}))
    lists["monthly"] = (
        Include("schedule-comments"),
        Region("ORDINAL: a keyword right after `monthly`", f"({kw(*ORDINALS)}){after}", slot_end, "monthly-ordinal",
               None, {1: "keyword"}),
        day_time,
    )
    return {
        "main": (
            Include("comments"),
            Include("strings"),
            Match(
                "import PATH, and a comment right after it (a path cannot hold #)",
                f"({kw(IMPORT)}){sp}+({v.import_path})(?:(##.*$)|(#.*$))?",
                None,
                {1: "keyword", 2: "import-path", 3: "doc-comment", 4: "@import-comment"},
            ),
            Region(
                "import, the path on a later line (after a comment), and a comment right after it; but a"
                " statement keyword starting that line",
                f"({kw(IMPORT)})(?={sp}*(?:#|$))",
                f"^(?={sp}*{stmt}(?!{v.import_path[:-1]}))|({v.import_path})(?:(##.*$)|(#.*$))?|(?=[^{blank}#])",
                "comments",
                None,
                {1: "keyword"},
                {1: "import-path", 2: "doc-comment", 3: "@import-comment"},
            ),
            *decl,
            *name_list("user", kw(*USER_LISTS), "user-words", "user ID, ID, ..."),
            *name_list("backup", kw(*NAME_LISTS), "group-words",
                       "backup GROUP, GROUP, ...: groups, even those spelled like keywords"),
            *(
                Region(
                    f"{k} LABEL...: volume labels, even those spelled like keywords, over lines to the"
                    f" next statement of the {block} block (not one right before a `}}`) or a brace",
                    f"({kw(k)}){sp}+({word})",
                    f"(?=[{{}}]|{kw(*block_statements(block))}(?!{sp}*\\}}))",
                    "label-words",
                    None,
                    {1: "keyword", 2: "@value"},
                )
                for k, block in VOLUME_LISTS.items()
            ),
            *(
                first_later(k, f"({kw(k)})", {1: "keyword"}, f"(?=[{{}}]|{kw(*block_statements(block))}(?!{sp}*\\}}))",
                            "label-words", "@value", f"{k} LABEL...: volume labels")
                for k, block in VOLUME_LISTS.items()
            ),
            Region(
                "minidisk OWNER ADDRESS...: addresses, even those spelled like keywords, from the first on"
                " the owner's line over lines to the next statement of a member or job or a brace",
                f"({kw(*ADDRESS_LISTS)}){sp}+({word}){sp}+({word})",
                f"(?=[{{}}]|{kw(*selection_statements())})",
                "address-list",
                None,
                {1: "keyword", 2: "@user-words", 3: "@address-words"},
            ),
            Region(
                "sfs PATH...: SFS paths, even those spelled like keywords, over lines to the next"
                " statement of a member or job or a brace",
                f"({kw(*PATH_LISTS)}){sp}+({word})",
                f"(?=[{{}}]|{kw(*selection_statements())})",
                "label-words",
                None,
                {1: "keyword", 2: "@value"},
            ),
            first_later("sfs", f"({kw(*PATH_LISTS)})", {1: "keyword"}, f"(?=[{{}}]|{kw(*selection_statements())})",
                        "label-words", "@value", "sfs PATH...: SFS paths"),
            first_later("minidisk", f"({kw(*ADDRESS_LISTS)}){sp}+({word})", {1: "keyword", 2: "@user-words"},
                        f"(?=[{{}}]|{kw(*selection_statements())})", "address-list", "@address-words",
                        "minidisk OWNER ADDRESS...: addresses"),
            Region(
                "minidisk OWNER ADDRESS...: the owner on a later line (after a comment), then the addresses",
                f"({kw(*ADDRESS_LISTS)})(?={sp}*(?:#|$))",
                f"{line_stmt}|{later_end}",
                "minidisk-owner",
                None,
                {1: "keyword"},
            ),
            Region(
                "daily TIME: a time, even one spelled like a keyword, over line breaks",
                f"({kw(DAILY)})",
                value_end,
                "comments",
                None,
                {1: "keyword"},
                {1: "@value"},
            ),
            *name_list("weekly", kw(WEEKLY), "label-words",
                       "weekly DAY, DAY, ... TIME: days, even those spelled like keywords; the time, but for"
                       " a keyword that may follow a list", time=True),
            Region(
                "monthly ORDINAL? DAY TIME: the ordinal a keyword right after `monthly`; the day and the"
                " time values, even those spelled like keywords, over line breaks",
                f"({kw(MONTHLY)}){after}",
                slot_end,
                "monthly",
                None,
                {1: "keyword"},
            ),
            Match("to disk: the medium", f"({kw(TARGET)}){sp}+({kw(DISK[0])})", None, {1: "keyword", 2: "keyword"}),
            Region(
                "to at its line's end (before a comment), the medium `disk` on a later line: the medium, not"
                " the statement `disk`, as the parsers read it",
                f"({kw(TARGET)})(?={sp}*(?:#|$))",
                f"({kw(DISK[0])})|(?=[^{blank}#])",
                "comments",
                None,
                {1: "keyword"},
                {1: "keyword"},
            ),
            Region(
                "disk USER ADDRESS size AMOUNT UNIT on VOLUME: each slot in turn, over line breaks; the amount,"
                " unit and volume values, and the `on` of a volume, not of a member",
                f"({kw(DISK[0])}){after}",
                slot_end,
                "disk-user",
                None,
                {1: "keyword"},
            ),
            Region(
                "run on each, expire on each at a line's end: keywords, `member` on a later line",
                f"({kw(*PLACEMENTS)}){sp}+({kw(PLACE[0])}){sp}+({kw(PLACE[1])})(?={sp}*(?:#|$))",
                f"^{sp}*({kw(PLACE[2])})|(?=[^{blank}#])",
                "comments",
                None,
                {1: "keyword", 2: "keyword", 3: "keyword"},
                {1: "keyword"},
            ),
            *name_list("on", kw(PLACE[0]), "member-words",
                       "on MEMBER, MEMBER, ...: members, even those spelled like keywords; not `on each member`",
                       exclude=f"(?!{on_each})"),
            Region(
                "server ID, catalog-node ID, ...: a user ID or pattern, over line breaks",
                f"({kw(*USER_SLOTS)})",
                value_end,
                "comments",
                None,
                {1: "keyword"},
                {1: "@user-words"},
            ),
            Region(
                "workers N, job-suffix C, role ROLE, pool POOL, at N: a value, even one spelled like a keyword,"
                " over line breaks",
                f"({kw(*VALUE_SLOTS)})",
                value_end,
                "comments",
                None,
                {1: "keyword"},
                {1: "@value"},
            ),
            Region(
                "logon-wait AMOUNT UNIT, pool-wait AMOUNT UNIT: two values, even those spelled like keywords,"
                " each also on a later line than the one before it",
                f"({kw(*VALUE_PAIRS)}){after}",
                slot_end,
                "wait-amount",
                None,
                {1: "keyword"},
            ),
            Match(
                "minidisk OWNER, no address after it (a brace, the next statement on its line)",
                f"({kw(*ADDRESS_LISTS)}){sp}+({word})",
                None,
                {1: "keyword", 2: "@user-words"},
            ),
            Match("any other keyword", kw(*everywhere_keywords()), "keyword"),
            Include("value"),
            Include("punctuation"),
            Include("invalid"),
        ),
        "comments": (
            Match("## documentation", f"{pre}##.*$", "doc-comment"),
            Include("directive"),
            Match("# comment", f"{pre}#.*$", "comment"),
        ),
        # `# bkrc: allow CODE, CODE reason` (diagnostics/allow.py): after a name character
        # no comment (`pre`), but right after an import's path, which cannot hold `#`
        "directive": (Match("# bkrc: allow CODE, CODE reason", f"{pre}{directive}",
                            "directive", {1: "directive-keyword", 2: "directive-keyword", 3: "@rule-codes"}),),
        "import-comment": (
            Match("# bkrc: allow right after the path", directive, "directive",
                  {1: "directive-keyword", 2: "directive-keyword", 3: "@rule-codes"}),
            Match("# comment right after the path", "#.*$", "comment"),
        ),
        "rule-codes": (Match("a code or name", allow_code, "rule-code"),),
        "strings": (Region('"string" (to the end of the line when unterminated)', '"', '"|$', "string-body", "string"),),
        "string-body": (Match("backslash escape", "\\\\.", "escape"),),
        "group-body": (
            Include("comments"),
            Include("strings"),
            Match("match PATTERN", f"({kw(GROUP_SLOT)}){sp}+({word})", None, {1: "keyword", 2: "@user-words"}),
            Match("`match` with nothing after it on its line", kw(GROUP_SLOT), "keyword"),
            Include("user-words"),
            Include("invalid"),
        ),
        "label-words": (
            Include("comments"),
            Include("strings"),
            Include("value"),
            Include("punctuation"),
            Include("invalid"),
        ),
        "address-list": (
            Include("comments"),
            Include("strings"),
            Include("address-words"),
            Include("punctuation"),
            Include("invalid"),
        ),
        "user-words": (
            Include("pattern"),
            Match("a user ID", f"{pre}{word}", "user-id"),
            Match(",", ",", "comma"),
        ),
        "group-words": (
            Include("pattern"),
            Match("a group's name (or a user ID)", f"{pre}{word}", "group-name"),
            Match(",", ",", "comma"),
        ),
        "member-words": (
            Include("pattern"),
            Match("a member's name", f"{pre}{word}", "member-name"),
            Match(",", ",", "comma"),
        ),
        "value": (
            Match("HH:MM", f"{pre}[0-9]{{1,2}}:[0-9]{{2}}{post}", "time"),
            Include("pattern"),
            # ast.is_size_shaped: after a volume label, its size; no label has a `-`.
            Match("a volume's size: 3390-9, 262668-cyl", f"{pre}[0-9]+-[A-Za-z0-9]+{post}", "number"),
            Match("a decimal number", f"{pre}[0-9]+{post}", "number"),
            Match("any other name", f"{pre}{word}", "name"),
        ),
        "address-words": (
            Match("ADDR-ADDR", f"{pre}({hexa})(-)({hexa}){post}", None, {1: "address", 2: "range-operator", 3: "address"}),
            Match("ADDR", f"{pre}{hexa}{post}", "address"),
            Include("pattern"),
            Match("not an address", f"{pre}{word}", "name"),
        ),
        "pattern": (Match("a name with a wildcard", f"{pre}(?={nc}*{wild}){word}", "pattern"),),
        "punctuation": (
            Match("{ }", "[{}]", "brace"),
            Match(",", ",", "comma"),
        ),
        "invalid": (Match("a character no token starts with, and the name characters after it", f"{invalid_start}{nc}*", "invalid"),),
        **lists,
    }


# ------------------------------------------------------------------ TextMate
def _scope(kind: str | None) -> dict:
    scope = KIND[kind].textmate if kind else None
    return {"name": scope} if scope else {}


def _tm_captures(captures: dict[int, str]) -> dict:
    out = {}
    for group, target in sorted(captures.items()):
        if target.startswith("@"):
            out[str(group)] = {"patterns": [{"include": "#" + target[1:]}]}
        else:
            out[str(group)] = _scope(target)
    return out


def _tm_rule(rule: Rule) -> dict:
    if isinstance(rule, Include):
        return {"include": "#" + rule.list}
    if isinstance(rule, Match):
        out = {"comment": rule.doc, "match": rule.regex, **_scope(rule.kind)}
        if rule.captures:
            out["captures"] = _tm_captures(rule.captures)
        return out
    out = {"comment": rule.doc, "begin": rule.begin, "end": rule.end, **_scope(rule.kind)}
    if rule.begin_captures:
        out["beginCaptures"] = _tm_captures(rule.begin_captures)
    if rule.end_captures:
        out["endCaptures"] = _tm_captures(rule.end_captures)
    out["patterns"] = [{"include": "#" + rule.inner}]
    return out


def textmate_grammar() -> dict:
    lists = rules()
    return {
        "comment": f"Generated by `{GENERATOR}` from grammar/bkr.lark and bkrdsl/keywords.py: do not edit.",
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "name": "bkr",
        "scopeName": "source.bkr",
        "fileTypes": ["bkr"],
        "patterns": [{"include": "#main"}],
        "repository": {name: {"patterns": [_tm_rule(r) for r in body]} for name, body in lists.items()},
    }


def textmate_json() -> str:
    return json.dumps(textmate_grammar(), indent=2, ensure_ascii=False) + "\n"


# ------------------------------------------------------------------ Vim
def _vim_class(chars) -> str:
    """A Vim collection for a set of characters, ranges folded for the alphanumerics."""
    chars = set(chars)
    out = []
    for lo, hi in (("A", "Z"), ("a", "z"), ("0", "9")):
        span = {chr(c) for c in range(ord(lo), ord(hi) + 1)}
        if span <= chars:
            out.append(f"{lo}-{hi}")
            chars -= span
    for c in sorted(chars):
        out.append("\\" + c if c in "]^-\\/" else c)
    return "[" + "".join(out) + "]"


def _iskeyword(chars) -> str:
    """`syntax iskeyword` for a set of characters: character codes and ranges."""
    codes = sorted(ord(c) for c in chars)
    parts, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(str(codes[i]) if i == j else f"{codes[i]}-{codes[j]}")
        i = j + 1
    return ",".join(parts)


def _vim_words(words) -> str:
    return "\\|".join(re.sub(r"([.*~\[\]\\/^$])", r"\\\1", w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _wrap(words: list[str], lead: str, width: int = 78) -> list[str]:
    lines, line = [], lead
    for w in words:
        if len(line) + 1 + len(w) > width and line != lead:
            lines.append(line)
            line = lead
        line += " " + w
    lines.append(line)
    return lines


def vim_syntax() -> str:
    v = vocabulary()
    ns = _vim_class(char_class_members(v.name_start))
    word = f"{ns}\\k*"
    nc = char_class_members(v.name_char)
    path = _vim_class(char_class_members(v.import_path.rstrip("+")))
    wild = _vim_class(v.wildcards)
    blanks = regex_chars(v.blanks.replace("\n", "")).replace("\\f", "\\x0c")  # Vim has no \f in a class
    bad = "[^" + blanks + "\"{},#" + _vim_class(char_class_members(v.name_start))[1:-1] + "]"
    special = {*DECLARES, *USER_LISTS, *NAME_LISTS, PLACE[0], *USER_SLOTS, *VALUE_SLOTS, *VALUE_PAIRS, *ADDRESS_LISTS,
               DISK[0], TARGET, PLACE[1],
               IMPORT,
               MONTHLY, *ORDINALS, *VOLUME_LISTS, *PATH_LISTS, WEEKLY, DAILY}
    plain = [k for k in v.keywords if k not in special]
    # Over line breaks: `nextgroup=... skipwhite skipnl skipempty`, and a comment between
    # (a group of its own that passes the turn on); a statement keyword that starts a line
    # is no value there (`nls`; the keyword tested first, the look-behind is the dearer
    # test), as the parsers read it.
    nls = f"\\%(\\%(\\%({_vim_words(statement_keywords())}\\)\\k\\@!\\)\\@=\\%(^[ \\t]*\\)\\@<=\\)\\@!"
    over = "skipwhite skipnl skipempty"
    nls_path = nls.replace("\\k\\@!", path + "\\@!")  # after `import`: a keyword not in a path

    # `# bkrc: allow CODE, CODE reason` (diagnostics/allow.py, as `directive_regex`): its `#`
    # (defined after the comments, to win over them), then each piece in turn; `\\C`, as
    # `bkrc:` is in small letters only (`allow` in any case)
    from bkrdsl.diagnostics import allow

    code = "[^[:space:],]\\+"
    allow_word = "".join(f"[{c.lower()}{c.upper()}]" for c in allow.WORD)
    directive_head = f"\\C#\\%(#\\)\\@![ \\t]*\\ze{allow.PREFIX}[ \\t]*{allow_word}\\%([^[:space:],]\\)\\@!"
    directive_lines = [
        "\" # bkrc: allow CODE, CODE reason: a warning acknowledged (bkrdsl/diagnostics/allow.py)",
        f"syn match bkrDirective /\\k\\@<!{directive_head}/ nextgroup=bkrDirectiveKeyword",
        f"syn match bkrDirectiveKeyword /\\C{allow.PREFIX}/ contained nextgroup=bkrDirectiveAllow skipwhite",
        f"syn match bkrDirectiveAllow /{allow_word}/ contained nextgroup=bkrDirectiveReason,bkrRuleCode skipwhite",
        "\" the reason: after `allow` or a comma, what no code starts (a `,`); after a code, what no comma starts",
        "syn match bkrDirectiveReason /\\%([ \\t]*[^[:space:],]\\)\\@!.*$/ contained contains=@Spell",
        "syn match bkrDirectiveRest /\\%([ \\t]*,\\)\\@!.*$/ contained contains=@Spell",
        f"syn match bkrRuleCode /{code}/ contained nextgroup=bkrDirectiveComma,bkrDirectiveRest skipwhite",
        "syn match bkrDirectiveComma /,/ contained nextgroup=bkrDirectiveReason,bkrRuleCode skipwhite",
    ]

    def comment(group: str, then: str) -> str:
        return (f"syn match {group} /\\k\\@<!#.*$/ contained transparent contains=bkrComment,bkrDocComment,bkrDirective"
                f" nextgroup={then},{group} {over}")

    # A declaration's name: first on a later line than its keyword (any statement keyword
    # but one starting the line), or on the keyword's line before a `{`, a comment or the
    # line end; a group's body after it, over line breaks.
    first = "\\%(^[ \\t]*\\)\\@<="
    not_first = "\\%(^[ \\t]*\\)\\@<!"
    decl_name = f"/\\k\\@<!\\%({first}{nls}{word}\\|{not_first}{word}\\k\\@!\\ze[ \\t]*\\%({{\\|#\\|$\\)\\)/"
    decls = []
    for k, kind in DECLARES.items():
        group = KIND[kind].vim[0]
        decls += [f"syn keyword bkrKeyword {k} nextgroup={group},{group}C {over}", comment(f"{group}C", group)]
        if k == GROUP:
            decls += [f"syn match {group} {decl_name} contained nextgroup=bkrGroupBody,bkrGroupBodyC {over}",
                      comment("bkrGroupBodyC", "bkrGroupBody")]
        else:
            decls.append(f"syn match {group} {decl_name} contained")

    def name_list(stem: str, keywords: tuple[str, ...], contains: str, exclude: str = "", time: str = "",
                  also: str = "") -> list[str]:
        item, comma, head, tail, between = (f"bkr{stem}{part}" for part in ("Item", "Comma", "HeadC", "TailC", "CommaC"))
        after = f"{comma},{tail}" + (f",{time}" if time else "")
        # a `,` after a `,` (`A,, B`, a slip the parsers report) is the list's comma again, as
        # TextMate's region of the rest of the list reads it, also after a comment between
        return [
            *[f"syn keyword bkrKeyword {k} nextgroup={item}{also},{head} {over}" for k in keywords],
            (f"syn match {item} /\\k\\@<!{exclude}{nls}{word}/ contained transparent contains={contains}"
             f" nextgroup={after} {over}"),
            f"syn match {comma} /,/ contained transparent contains=bkrComma nextgroup={item},{comma},{between} {over}",
            comment(head, item + also),
            comment(between, f"{item},{comma}"),
            comment(tail, comma + (f",{time}" if time else "")),
        ]

    values_in = "bkrTime,bkrPattern,bkrNumber"
    disk_chain = [f"syn keyword bkrKeyword {DISK[0]} nextgroup=bkrDiskUser,bkrDiskC {over}", comment("bkrDiskC", "bkrDiskUser")]
    chain = (
        ("bkrDiskUser", f"\\k\\@<!{nls}{word}", "transparent contains=bkrUserId,bkrPattern"),
        ("bkrDiskAddress", f"\\k\\@<!{nls}{word}", "transparent contains=bkrAddress,bkrRange,bkrPattern"),
        ("bkrDiskSize", f"\\k\\@<!{DISK[1]}\\k\\@!", ""),
        ("bkrSizeAmount", f"\\k\\@<!{nls}{word}", f"transparent contains={values_in}"),
        ("bkrSizeUnit", f"\\k\\@<!{nls}{word}", f"transparent contains={values_in}"),
        ("bkrDiskOn", f"\\k\\@<!{PLACE[0]}\\k\\@!", ""),
        ("bkrDiskVolume", f"\\k\\@<!{nls}{word}", f"transparent contains={values_in}"),
    )
    # An address slot's word that `size` does not follow is followed by the address slot
    # again, as the TextMate region of the user's slot reads it again (`disk BKRBKUP
    # minidisk 191 size`: `191` an address; `disk ON BKRWRK03 191`), which Vim, with the
    # next word in no slot, coloured a number.
    # So too a word first on a later line than the unit (or than that word), not `on` nor a
    # statement keyword: the TextMate region of the amount's slot reads it as the unit again
    # (`cyl`, then `weekly` under it), where the parsers read the next statement, misplaced;
    # a region that waits over a line break cannot end the regions around it there.
    again = {"bkrDiskAddress": "bkrDiskAddress,", "bkrSizeUnit": "bkrSizeUnitAgain,"}
    for (group, pattern, how), (following, *_) in zip(chain, [*chain[1:], (None,)]):
        then = f" nextgroup={again.get(group, '')}{following},{group}C {over}" if following else ""
        disk_chain.append(f"syn match {group} /{pattern}/ contained {how}{then}".replace("  ", " "))
        if following:
            disk_chain.append(comment(f"{group}C", again.get(group, "") + following))
    not_on = f"\\%({PLACE[0]}\\k\\@!\\)\\@!"
    disk_chain.append(f"syn match bkrSizeUnitAgain /\\k\\@<!{first}{not_on}{nls}{word}/ contained transparent"
                      f" contains={values_in} nextgroup=bkrSizeUnitAgain,bkrDiskOn,bkrSizeUnitC {over}")
    # ...and one with more after it on its line (a weekly schedule's time left out)
    statement_line = (f"\\%(\\%(\\%({_vim_words(statement_keywords())}\\)\\k\\@![ \\t]*[^ \\t#}}]\\)\\@="
                      "\\%(^[ \\t]*\\)\\@<=\\)\\@!")
    values = "bkrTime,bkrPattern,bkrNumber"
    volumes = []
    for k, block in VOLUME_LISTS.items():
        region = "bkr" + "".join(part.capitalize() for part in k.split("-")) + "List"
        stops = f"\\k\\@<!\\%({_vim_words(block_statements(block))}\\)\\k\\@!\\%([ \\t]*}}\\)\\@!"
        volumes += [
            f"syn keyword bkrKeyword {k} nextgroup={region},{region}C {over}",
            comment(f"{region}C", region),
            (f"syn region {region} start=/\\k\\@<!{nls}{word}/rs=s end=/\\%([{{}}]\\|{stops}\\)\\@=/ contained"
             " transparent contains=bkrName,bkrNumber,bkrTime,bkrPattern,bkrComma,bkrComment,bkrDocComment,bkrDirective,bkrString,"
             "bkrError"),
        ]
    selection_stops = f"\\k\\@<!\\%({_vim_words(selection_statements())}\\)\\k\\@!"
    links = [
        f"hi def link {g} {k.vim_link if i == 0 else k.vim[0]}"
        for k in KINDS
        if k.vim_link
        for i, g in enumerate(k.vim)
    ]
    lines = [
        "\" Vim syntax file",
        "\" Language:   bkr (bkrdsl: the backups of a z/VM SSI cluster)",
        f"\" Generated by `{GENERATOR}` from grammar/bkr.lark and bkrdsl/keywords.py: do not edit.",
        "",
        "if exists('b:current_syntax')",
        "  finish",
        "endif",
        "let s:cpo_save = &cpo",
        "set cpo&vim",
        "",
        "syn case ignore",
        "\" The characters of a name: a keyword, number or address never runs into them.",
        f"syn iskeyword {_iskeyword(nc)}",
        "\" A group body can be long; the files are small, so start from the top.",
        "syn sync fromstart",
        "",
        "\" For items starting in the same column the one defined last wins, and a",
        "\" keyword beats every match: so the general items come first.",
        f"syn match bkrError /{bad}\\k*/",
        "\" Every other name, whole: so nothing below can start in the middle of one.",
        f"syn match bkrName /\\k\\@<!{word}/",
        "syn match bkrNumber /\\k\\@<![0-9]\\+\\k\\@!/",
        "\" A volume's size after its label: 3390-9, 262668-cyl.",
        "syn match bkrNumber /\\k\\@<![0-9]\\+-[A-Za-z0-9]\\+\\k\\@!/",
        "syn match bkrTime /\\k\\@<![0-9]\\{1,2}:[0-9]\\{2}\\k\\@!/",
        f"syn match bkrUserId /\\k\\@<!{word}/ contained",
        f"syn match bkrMemberRef /\\k\\@<!{word}/ contained",
        f"syn match bkrGroupRef /\\k\\@<!{word}/ contained",
        f"syn match bkrPattern /\\k\\@<!\\%(\\k*{wild}\\)\\@={word}/",
        "syn match bkrBrace /[{}]/",
        "syn match bkrComma /,/",
        "syn region bkrBlock matchgroup=bkrBrace start=/{/ end=/}/ transparent fold",
        "",
        "\" Keywords that only are keywords.",
        *_wrap(plain, "syn keyword bkrKeyword"),
        "",
        "\" import PATH",
        "\" over line breaks, but a statement keyword starting a line (a path may hold `/`, `.`)",
        f"syn keyword bkrKeyword {IMPORT} nextgroup=bkrImportPath,bkrImportC {over}",
        comment("bkrImportC", "bkrImportPath"),
        (f"syn match bkrImportPath /{nls_path}{path}\\+/ contained"
         " nextgroup=bkrImportComment,bkrImportDocComment,bkrImportDirective"),
        "\" a path cannot hold #: a comment may follow it without a blank",
        "syn match bkrImportComment /#\\%(#\\)\\@!.*$/ contained contains=@Spell",
        "syn match bkrImportDocComment /##.*$/ contained contains=@Spell",
        f"syn match bkrImportDirective /{directive_head}/ contained nextgroup=bkrDirectiveKeyword",
        "",
        f"\" {MONTHLY} ORDINAL DAY HH:MM: the ordinal a keyword right after `{MONTHLY}`; the day",
        "\" and the time values, even those spelled like keywords; over line breaks",
        f"syn keyword bkrKeyword {MONTHLY} nextgroup=bkrOrdinal,bkrMonthDay,bkrMonthC {over}",
        comment("bkrMonthC", "bkrOrdinal,bkrMonthDay"),
        f"syn keyword bkrOrdinal {' '.join(ORDINALS)} contained nextgroup=bkrMonthDay,bkrOrdinalC {over}",
        comment("bkrOrdinalC", "bkrMonthDay"),
        (f"syn match bkrMonthDay /\\k\\@<!{nls}{word}/ contained transparent contains={values}"
         f" nextgroup=bkrValueWord,bkrMonthDayC {over}"),
        comment("bkrMonthDayC", "bkrValueWord"),
        f"\" {DAILY} HH:MM: a time, even one spelled like a keyword; over line breaks",
        f"syn keyword bkrKeyword {DAILY} nextgroup=bkrValueWord,bkrDailyC {over}",
        comment("bkrDailyC", "bkrValueWord"),
        f"syn match bkrValueWord /\\k\\@<!{nls}{word}/ contained transparent contains={values}",
        "",
        "\" Declarations: the name before a { (or a comment, the line end) on the keyword's line, or first on a",
        "\" later line; a group's body after it, over line breaks",
        *decls,
        ("syn region bkrGroupBody matchgroup=bkrBrace start=/{/ end=/}/ contained fold"
         " contains=bkrComment,bkrDocComment,bkrDirective,bkrString,bkrMatchKeyword,bkrUserId,bkrPattern,"
         "bkrComma,bkrError"),
        "",
        "\" user ID, ID, ...: over line breaks after a comma",
        *name_list("User", USER_LISTS, "bkrUserId,bkrPattern"),
        "\" backup GROUP, GROUP, ...: groups, even those spelled like keywords",
        *name_list("Backup", NAME_LISTS, "bkrGroupRef,bkrPattern"),
        (f"\" {PLACE[0]} MEMBER, MEMBER, ...: members, even those spelled like keywords;"
         f" not `{PLACE[0]} {PLACE[1]} {PLACE[2]}`"),
        *name_list("Place", (PLACE[0],), "bkrMemberRef,bkrPattern",
                   exclude=(f"\\%({PLACE[1]}[ \\t]\\+{PLACE[2]}\\k\\@!\\)\\@!"
                            f"\\%(\\%(\\%({_vim_words(PLACEMENTS)}\\)[ \\t]\\+{PLACE[0]}[ \\t]\\+\\)\\@<="
                            f"{PLACE[1]}[ \\t]*\\%(#.*\\)\\=$\\)\\@!"),
                   also=",bkrPlaceEach"),
        (f"\" {PLACE[1]} {PLACE[2]} after `{PLACE[0]}`, also `{PLACEMENTS[1]} {PLACE[0]} {PLACE[1]}` (`{PLACEMENTS[0]} {PLACE[0]} {PLACE[1]}`) at a"
         f" line's end and `{PLACE[2]}` on a later line: keywords, not a declaration"),
        (f"syn match bkrPlaceEach /\\k\\@<!{PLACE[1]}\\k\\@!\\%([ \\t]\\+{PLACE[2]}\\k\\@!\\)\\@=/ contained"
         " nextgroup=bkrEachMember skipwhite"),
        (f"syn match bkrPlaceEach /\\%(\\%({_vim_words(PLACEMENTS)}\\)[ \\t]\\+{PLACE[0]}[ \\t]\\+\\)\\@<="
         f"{PLACE[1]}\\k\\@!\\ze[ \\t]*\\%(#.*\\)\\=$/ contained nextgroup=bkrEachMember,bkrEachC {over}"),
        comment("bkrEachC", "bkrEachMember"),
        f"syn match bkrEachMember /\\k\\@<!{PLACE[2]}\\k\\@!/ contained",
        f"\" `{PLACE[1]} {PLACE[2]}` elsewhere too (misplaced: `{PLACE[1]} {PLACE[2]} M2`): keywords, not a declaration",
        f"syn keyword bkrKeyword {PLACE[1]} nextgroup=bkrEachMember skipwhite",
        "\" server ID, catalog-node ID, request-node ID, catalog-dmm ID, request-dmm ID, match PATTERN",
        f"syn keyword bkrSlotKeyword {' '.join(USER_SLOTS)} nextgroup=bkrUserWord,bkrSlotC {over}",
        comment("bkrSlotC", "bkrUserWord"),
        f"syn match bkrUserWord /\\k\\@<!{nls}{word}/ contained transparent contains=bkrUserId,bkrPattern",
        "syn match bkrSlotWord /\\k\\@<!" + word + "/ contained transparent contains=bkrUserId,bkrPattern",
        f"\" in a group body only {GROUP_SLOT} PATTERN: any other word there is a user ID",
        f"syn keyword bkrMatchKeyword {GROUP_SLOT} contained nextgroup=bkrSlotWord skipwhite",
        f"\" {', '.join(VALUE_SLOTS)}: one value, even one spelled like a keyword (`pool BACKUP`)",
        f"syn keyword bkrKeyword {' '.join(VALUE_SLOTS)} nextgroup=bkrValueWord,bkrValueC {over}",
        comment("bkrValueC", "bkrValueWord"),
        f"\" {', '.join(VALUE_PAIRS)} AMOUNT UNIT: two values, even those spelled like keywords",
        f"syn keyword bkrKeyword {' '.join(VALUE_PAIRS)} nextgroup=bkrWaitAmount,bkrWaitC {over}",
        comment("bkrWaitC", "bkrWaitAmount"),
        (f"syn match bkrWaitAmount /\\k\\@<!{nls}{word}/ contained transparent contains={values}"
         f" nextgroup=bkrWaitUnit,bkrWaitAmountC {over}"),
        comment("bkrWaitAmountC", "bkrWaitUnit"),
        f"syn match bkrWaitUnit /\\k\\@<!{nls}{word}/ contained transparent contains={values}",
        "",
        "\" private-volume LABEL..., shared-volume LABEL...: volume labels, even those spelled like",
        "\" keywords, over lines to the next statement of the block (not one right before a }) or a brace",
        *volumes,
        "\" sfs PATH...: SFS paths, even those spelled like keywords, over lines to the next statement",
        "\" of a member or job or a brace",
        *[f"syn keyword bkrKeyword {k} nextgroup=bkrPathList,bkrPathListC {over}" for k in PATH_LISTS],
        comment("bkrPathListC", "bkrPathList"),
        (f"syn region bkrPathList start=/\\k\\@<!{nls}{word}/rs=s end=/\\%([{{}}]\\|{selection_stops}\\)\\@=/"
         " contained transparent"
         " contains=bkrName,bkrNumber,bkrTime,bkrPattern,bkrComma,bkrComment,bkrDocComment,bkrDirective,bkrString,bkrError"),
        "",
        f"\" {WEEKLY} DAY, DAY, ... HH:MM: days, even those spelled like keywords; the time, but for a",
        "\" keyword that may follow a list",
        *name_list("Day", (WEEKLY,), "bkrName,bkrNumber,bkrTime,bkrPattern", time="bkrDayTime"),
        (f"syn match bkrDayTime /\\k\\@<!\\%(\\%({_vim_words(list_followers())}\\)\\k\\@!\\)\\@!{statement_line}{word}/"
         f" contained transparent contains={values}"),
        "",
        "\" minidisk OWNER ADDRESS...: addresses, even those spelled like keywords, from the first over",
        "\" lines to the next statement of a member or job or a brace",
        *[f"syn keyword bkrKeyword {k} nextgroup=bkrOwner,bkrOwnerHeadC {over}" for k in ADDRESS_LISTS],
        comment("bkrOwnerHeadC", "bkrOwner"),
        (f"syn match bkrOwner /\\k\\@<!{nls}{word}/ contained transparent contains=bkrUserId,bkrPattern"
         f" nextgroup=bkrAddressList,bkrOwnerC {over}"),
        comment("bkrOwnerC", "bkrAddressList"),
        (f"syn region bkrAddressList start=/\\k\\@<!{nls}{word}/rs=s end=/\\%([{{}}]\\|{selection_stops}\\)\\@=/"
         " contained transparent"
         " contains=bkrName,bkrAddress,bkrRange,bkrPattern,bkrComma,bkrComment,bkrDocComment,bkrDirective,bkrString,bkrError"),
        "syn match bkrAddress /\\k\\@<![0-9A-Fa-f]\\{1,4}\\k\\@!/ contained",
        "syn match bkrRange /\\k\\@<![0-9A-Fa-f]\\{1,4}-[0-9A-Fa-f]\\{1,4}\\k\\@!/ contained contains=bkrRangeOperator",
        "syn match bkrRangeOperator /-/ contained",
        "",
        (f"\" {DISK[0]} USER ADDRESS {DISK[1]} AMOUNT UNIT {PLACE[0]} VOLUME: each slot in turn, over line breaks;"
         f" this `{PLACE[0]}` names a volume, not a member; `{TARGET} {DISK[0]}` is the medium"),
        f"syn keyword bkrKeyword {TARGET} nextgroup=bkrMedium,bkrMediumC {over}",
        comment("bkrMediumC", "bkrMedium"),
        f"syn match bkrMedium /\\k\\@<!{DISK[0]}\\k\\@!/ contained",
        *disk_chain,
        "",
        "\" Strings and comments last: they win over everything that starts with them.",
        "syn region bkrString start=/\"/ skip=/\\\\./ end=/\"\\|$/ contains=bkrEscape",
        "syn match bkrEscape /\\\\./ contained",
        "syn match bkrComment /\\k\\@<!#.*$/ contains=@Spell",
        "syn match bkrDocComment /\\k\\@<!##.*$/ contains=@Spell",
        *directive_lines,
        "",
        *links,
        "",
        "let b:current_syntax = 'bkr'",
        "let &cpo = s:cpo_save",
        "unlet s:cpo_save",
    ]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ the generator
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


def generated_files() -> dict[str, str]:
    """Each generated file's path (relative to the repository) and its expected text."""
    from bkrdsl.keyword_docs import page

    return {
        "editors/vscode/syntaxes/bkr.tmLanguage.json": textmate_json(),
        "editors/vim/syntax/bkr.vim": vim_syntax(),
        "docs/keywords.md": page(),
        "bkrdsl/syntax/homes.py": homes_module(),
        "bkrdsl/syntax/followers.py": followers_module(),
        LEXICON_PATH: lexicon_module(),
    }


#: The generated modules `bkrdsl.syntax` imports as it is imported, with what stands in
#: for each missing one until its text is worked out (`_bootstrap`): the rest of the
#: generator imports the parsers (`statement_homes`: the recovery's OPENERS).
LEXICON_PATH = "bkrdsl/syntax/lexicon.py"
_IMPORTED_STUBS = {"bkrdsl/syntax/homes.py": "STATEMENT_HOMES: dict = {}\n"}


def _bootstrap(root: Path) -> list[str]:
    """Write lexicon.py from the grammar alone, and a stand-in for each other module of
    `_IMPORTED_STUBS` that is missing, so that `bkrdsl.syntax` can be imported to work out
    the rest; the paths written."""
    import importlib

    written = []
    text = lexicon_module()
    if _read(root / LEXICON_PATH) != text:
        (root / LEXICON_PATH).write_text(text, encoding="utf-8")
        written.append(LEXICON_PATH)
    for rel, stub in _IMPORTED_STUBS.items():
        if _read(root / rel) is None:
            (root / rel).write_text(stub, encoding="utf-8")
    importlib.invalidate_caches()
    for rel in (LEXICON_PATH, *_IMPORTED_STUBS):  # imported already, out of date, by a try
        sys.modules.pop(rel.removesuffix(".py").replace("/", "."), None)
    return written


def stale_files(root: Path) -> list[str]:
    if _read(root / LEXICON_PATH) != lexicon_module():
        # The parsers import it: the other files cannot be worked out until it is written.
        return [LEXICON_PATH]
    return [rel for rel, text in generated_files().items() if _read(root / rel) != text]


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = repo_root()
    if args == ["--write"]:
        for rel in _bootstrap(root):
            print(f"wrote {rel}")
        for rel, text in generated_files().items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if _read(path) != text:
                path.write_text(text, encoding="utf-8")
                print(f"wrote {rel}")
        return 0
    if args == ["--check"]:
        stale = stale_files(root)
        for rel in stale:
            print(f"{rel} is stale: run `{GENERATOR}`", file=sys.stderr)
        return 1 if stale else 0
    if args in ([], ["--list"]):
        try:
            print("\n".join(keywords()), flush=True)
        except BrokenPipeError:  # `--list | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 141
        return 0
    print("usage: python -m bkrdsl.keywords [--list | --write | --check]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
