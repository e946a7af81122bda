"""A site's dialect table bkrc refuses, as a diagnostic (BKR601): the place in
the table of what is wrong (its line, column and a caret), and a help.

`bkrdsl.dialect` says what is wrong in a `DialectError` whose message names the
item at fault (`entry submit_verb: ...`, `machines.worker.password: ...`,
`missing entries: review_verb`), and hands on the table's text with it. This
module finds that item in the text, as `bkrc dialect` writes a table (a
`[entries.NAME]` header, then `key = value` lines) and as a site edits its copy,
and points at the word at fault where the message quotes it (`{jbo}`, `¬`, a
statement), else at the key's line or the table's header. It is imported only
when a table is refused (and by `registry.load_all`, for `bkrc explain`), so
no command that reads a sound table pays for it.
"""

from __future__ import annotations

import difflib
import re
from typing import NamedTuple

from bkrdsl.diagnostics.core import Diagnostic, Severity
from bkrdsl.diagnostics.registry import register
from bkrdsl.generated import masked_record
from bkrdsl.source import Source, Span

REFUSED = register(
    "BKR601",
    "dialect-table-refused",
    "error",
    "the site's dialect table given with --dialect (or --changes) is one bkrc cannot write from",
    """
    `--dialect FILE` names a site's corrected copy of the dialect table
    (`bkrc dialect > site-dialect.toml`), which every product keyword, verb
    and directory default bkrc writes comes from. bkrc validates the table
    as it loads it, before anything is checked or written: every entry
    present with its `value`, only the placeholders listed for it, text
    that is the same in every EBCDIC code page, lines that fit the files
    they are written into, the machines' passwords in one of CP's forms
    without a password (docs/compatibility.md, Correcting an entry). A
    table that breaks one of these is refused: the error points at the
    line of the table at fault, with a caret under the word, and says what
    to write. An entry whose name is misspelt (`[entries.reveiw_verb]`) is
    both an entry bkrc does not read and a missing one: the error points
    at the misspelt header and names the entry meant; so does a key of an
    entry misspelt (`valeu = "SMSG"`: no `value`). A key an entry, machine
    role or unit does not take is refused too (`stauts = "confirmed"` would
    leave the entry assumed, `statement = [...]` a machine without the
    site's statements, and nothing would say so).

    The command stops there, exit 2, and writes nothing: a compile from a
    table bkrc cannot use would write files the site did not ask for.

    Failing example: `bkrc compile prodssi.bkr -o out --dialect
    site-dialect.toml` where the copy's `[entries.submit_verb]` says
    `value = "SUBMIT {jbo}"`.

    Fix: write the placeholder the entry takes, `value = "SUBMIT {job}"`;
    `bkrc dialect --changes site-dialect.toml` then lists what the copy
    changes against the built-in table.
    """,
    no_example="a TOML dialect table, not .bkr text",
)

#: A table header as TOML writes one: `[entries.submit_verb]`, `[ machines."worker" ]`.
_HEADER = re.compile(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
#: A `key = value` line's key (bare or quoted).
_KEY = re.compile(r"\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)\s*=")
#: The item a DialectError's message names after the table's name.
_ENTRY = re.compile(r"entry (\w+)(?:: |$)")
_PART = re.compile(r"(machines|units)\.([\w-]+)(?:\.(\w+))?: ")
_MISSING = re.compile(r"missing (entries|machine defaults|units): ([\w, -]+?)(?: \(|$)")
_NO_KEY = re.compile(r"no '(\w+)' \(")
_AT = re.compile(r"\(at line (\d+), column (\d+)\)|at line (\d+), column (\d+)")
#: What a message quotes: `text`, 'text', {placeholder}.
_QUOTED = re.compile(r"`([^`]+)`|'([^']+)'|(\{[^{}]*\})")


#: What a `[KIND.NAME]` table of each kind is, in a help.
_WHAT = {"entries": "entry", "machines": "machine role", "units": "unit"}


class _Line(NamedTuple):
    number: int  # 1-based
    section: tuple[str, ...]  # the header above it, split at its dots
    key: str | None  # the key of a `key = value` line, None for a header or another line
    text: str


def _unquoted(word: str) -> str:
    return word[1:-1] if len(word) >= 2 and word[0] == word[-1] and word[0] in "\"'" else word


def _lines(text: str) -> list[_Line]:
    """Each line of a table with the header it is under and its key."""
    out, section = [], ()
    for number, line in enumerate(text.split("\n"), 1):
        header = _HEADER.match(line)
        if header and not line.lstrip().startswith("[["):
            section = tuple(_unquoted(part.strip()) for part in header.group(1).split("."))
            out.append(_Line(number, section, None, line))
            continue
        key = _KEY.match(line)
        out.append(_Line(number, section, _unquoted(key.group(1)) if key else None, line))
    return out


def _header(lines: list[_Line], section: tuple[str, ...]) -> _Line | None:
    return next((line for line in lines if line.key is None and line.section == section and _HEADER.match(line.text)), None)


def _keyed(lines: list[_Line], section: tuple[str, ...], key: str) -> _Line | None:
    return next((line for line in lines if line.section == section and line.key == key), None)


def _in_section(lines: list[_Line], section: tuple[str, ...]) -> list[_Line]:
    return [line for line in lines if line.section == section]


class _Place(NamedTuple):
    line: _Line
    start: int  # 0-based column of the caret's first character
    end: int  # 0-based column after its last


def _whole(line: _Line) -> _Place:
    stripped = line.text.rstrip()
    start = len(stripped) - len(stripped.lstrip())
    return _Place(line, start, max(len(stripped), start + 1))


def _needle(lines: list[_Line], message: str) -> _Place | None:
    """The first word the message quotes that one of `lines` holds, where it is."""
    for match in _QUOTED.finditer(message):
        quoted = next(group for group in match.groups() if group)
        candidates = [quoted]
        if match.group(2) and len(quoted) <= 4 and not quoted.isalnum():
            # `'[]' is not the same in every EBCDIC code page`: each character apart.
            candidates = list(quoted)
        for candidate in candidates:
            for line in lines:
                column = line.text.find(candidate)
                if column != -1 and line.key is not None or (column != -1 and line.text.lstrip().startswith('"')):
                    return _Place(line, column, column + len(candidate))
    return None


def _close(word: str, names, cutoff: float = 0.75) -> str | None:
    found = difflib.get_close_matches(word, list(names), n=1, cutoff=cutoff)
    return found[0] if found else None


def _unread(lines: list[_Line], kind: str, known) -> list[_Line]:
    """The headers of `[kind.NAME]` tables whose NAME bkrc does not read."""
    return [
        line
        for line in lines
        if line.key is None and len(line.section) == 2 and line.section[0] == kind
        and line.section[1] not in known and _HEADER.match(line.text)
    ]


def locate(message: str, text: str) -> tuple[_Place | None, str | None]:
    """Where in the table `text` the item `message` names is, and a help that
    says what to write there, where one is known (else None: the generic one)."""
    from bkrdsl.dialect import FIELDS, MACHINE_ROLES, UNITS

    lines = _lines(text)
    at = _AT.search(message)
    if at:
        number, column = (int(n) for n in (at.group(1) or at.group(3), at.group(2) or at.group(4)))
        if 1 <= number <= len(lines):
            line = lines[number - 1]
            column = min(max(column - 1, 0), len(line.text))
            return _Place(line, column, column + 1), None
    missing = _MISSING.search(message)
    if missing:
        kind = {"entries": "entries", "machine defaults": "machines", "units": "units"}[missing.group(1)]
        known = {"entries": FIELDS, "machines": MACHINE_ROLES, "units": UNITS}[kind]
        names = [name.strip() for name in missing.group(2).split(",")]
        for line in _unread(lines, kind, known):
            meant = _close(line.section[1], names)
            if meant:
                header = line.text.strip()
                return _whole(line), (
                    f"did you mean `{meant}`? `{header}` is no {_WHAT[kind]} bkrc reads:"
                    f" write `[{kind}.{meant}]`"
                )
        # Deleted, not misspelt: where the built-in table has it, after the one before it.
        order = list(known)
        first = names[0]
        before = [name for name in order[: order.index(first)] if _header(lines, (kind, name))] if first in order else []
        if before:
            return _whole(_header(lines, (kind, before[-1]))), (
                f"write `[{kind}.{first}]` below this {_WHAT[kind]}'s lines, as the built-in table has it"
                " (`bkrc dialect` prints it: copy it from there)"
            )
        return None, None
    entry = _ENTRY.search(message)
    part = _PART.search(message) if not entry else None
    if entry:
        section, field = ("entries", entry.group(1)), "value"
    elif part:
        section, field = (part.group(1), part.group(2)), part.group(3)
    else:
        section, field = None, None
    if section is None:
        if "[dialect]" in message or "'release'" in message or "'product'" in message:
            header = _header(lines, ("dialect",))
            return (_whole(header) if header else None), None
        return None, None
    header = _header(lines, section)
    no_key = _NO_KEY.search(message)
    if no_key:
        wanted = no_key.group(1)
        keys = [line for line in _in_section(lines, section) if line.key is not None]
        for line in keys:
            if _close(line.key, [wanted], cutoff=0.6) == wanted:
                column = line.text.find(line.key)
                return _Place(line, column, column + len(line.key)), (
                    f"did you mean `{wanted}`? `{line.key}` is no key bkrc reads there: write `{wanted} = ...`"
                )
        return (_whole(header) if header else None), None
    # A `note` is prose about the entry (it names statements, `LOGONBY MAINT`, in its
    # words): never the place a value is refused at. Stop 83: a statement written after a
    # device statement was pointed at in the note, the line above its `statements`.
    body = [line for line in _in_section(lines, section) if line.key != "note"]
    found = _needle([line for line in body if line.key is not None or line.text.lstrip().startswith('"')], message)
    if found:
        return found, _help(message)
    keyed = _keyed(lines, section, field) if field else None
    if keyed is None and section[0] == "machines" and "statement" in message:
        keyed = _keyed(lines, section, "statements")
    if keyed is not None:
        return _whole(keyed), None
    return (_whole(header) if header else None), None


#: The placeholders an entry takes, as its message lists them.
_ALLOWED = re.compile(r"\(allowed: ([^)]*)\)")


def _help(message: str) -> str | None:
    """What to write at the word the caret marks, where the message's kind says."""
    allowed = _ALLOWED.search(message)
    if "unknown placeholder" in message and allowed:
        names = [name.strip() for name in allowed.group(1).split(",") if name.strip() != "none"]
        if not names:
            return "this entry takes no placeholder: write the text alone"
        return "write one of the placeholders this entry takes: " + ", ".join(f"`{{{n}}}`" for n in names)
    unread = re.search(r"'([^']+)' is no key bkrc reads there \(it reads ([^)]*)\)", message)
    if unread:
        meant = _close(unread.group(1), [k.strip() for k in unread.group(2).split(",")], cutoff=0.6)
        if meant:
            return f"did you mean `{meant}`? write `{meant} = ...` for `{unread.group(1)} = ...`"
        return f"delete the key, or write one bkrc reads: {unread.group(2)}"
    above = re.search(r": (move it above `[^`]*`)$", message)
    if above:
        return f"{above.group(1)}: CP wants an entry's control statements before its device statements"
    if "status must be" in message:
        return 'write `status = "confirmed"` (checked against your documentation) or `status = "assumed"`'
    return None


def diagnostic(err) -> tuple[Diagnostic, dict[str, Source]] | None:
    """BKR601 for a refused table (`DialectError` with the table's `file` and
    `text`), with the sources its frame shows; None when the table's text is not
    known (a file bkrc could not open: its one `bkrc:` line says so)."""
    file, text = getattr(err, "file", None), getattr(err, "text", None)
    if file is None or text is None:
        return None
    message = str(err)
    prefix = f"{file}: "
    said = message.removeprefix(prefix)
    place, help_text = locate(said, text)
    source = Source.of(file, _masked(text))
    if place is None:
        span = Span.file_start(file)
    else:
        span = _span(source, file, place)
    generic = (
        "correct it in the table, or copy it from the built-in one, which `bkrc dialect` prints"
        " (docs/compatibility.md, Correcting an entry)"
    )
    what, advice = _split(said)
    return (
        Diagnostic(
            REFUSED.code,
            Severity.ERROR,
            f"the dialect table cannot be used: {what}",
            span,
            help=help_text or advice or generic,
        ),
        {file: source},
    )


def _split(said: str) -> tuple[str, str | None]:
    """A loader's line as (what is wrong, what to do): at its first `; ` outside
    parentheses and quotes, where the loader says what to write after what is
    wrong (`...: a password of the machine's own: ...; write LBYONLY ...`), so
    that the message stays one line and the advice is the help, whole."""
    for mark in ("; ", ". "):
        if mark == ". " and len(said) <= _ONE_LINE:
            break  # a sentence more is split off only where the line would be cut
        depth, quoted = 0, False
        for index, char in enumerate(said):
            if char == "`":
                quoted = not quoted
            elif not quoted and char == "(":
                depth += 1
            elif not quoted and char == ")":
                depth = max(depth - 1, 0)
            elif not quoted and depth == 0 and said.startswith(mark, index):
                return said[: index + (1 if mark == ". " else 0)], said[index + 2 :]
    return said, None


#: The longest loader line kept whole in the message (the text format cuts a
#: message at `render.MESSAGE_WIDTH`, 300, with the words before it).
_ONE_LINE = 240


#: A `key = "value"` line's value, between its quotes.
_QUOTED_VALUE = re.compile(r"""(=\s*)(["'])(.*?)(\2)""")


def _masked(text: str) -> str:
    """The table's text as its frame shows it: a machine's `password` and the Tape
    Manager password placeholder's value written as `*`s of their length, as the
    directory reader masks a USER DIRECT's (a site that wrote its password there
    must not see it echoed to a terminal or a CI log; the message never quotes it)."""
    out = []
    for line in _lines(text):
        secret = line.key == "password" or (
            line.section == ("entries", "tape_password_placeholder") and line.key == "value"
        )
        row = line.text
        if secret:
            row = _QUOTED_VALUE.sub(lambda m: m.group(1) + m.group(2) + "*" * len(m.group(3)) + m.group(4), row, 1)
        out.append(_STRING.sub(lambda m: m.group(1) + masked_record(m.group(2)) + m.group(3), row))
    return "\n".join(out)


#: A TOML basic or literal string on a line: a value, or a statement of a role's array.
_STRING = re.compile(r"""(["'])((?:\\.|(?!\1).)*)(\1)""")


def _span(source: Source, file: str, place: _Place) -> Span:
    """The span of `place` in the table's text."""
    starts = [0]
    for index, char in enumerate(source.text):
        if char == "\n":
            starts.append(index + 1)
            if len(starts) > place.line.number:
                break
    offset = starts[place.line.number - 1]
    return Span(
        file,
        place.line.number,
        place.start + 1,
        place.line.number,
        place.end + 1,
        offset + place.start,
        offset + place.end,
    )
