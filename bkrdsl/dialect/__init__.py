"""The dialect table: every product keyword, verb and layout the emitters write.

Product knowledge beside the model, in a package of its own because two
consumers of the model read it: the emitters, and the checks that need the
table (`bkrdsl.check.tables`); neither imports the other (docs/architecture.md,
"Layers").

The exact syntax of Backup Manager job templates and operator commands could not
be confirmed from the manual (see ../shared/domain.md, "Dialect"), so every such
item lives in one data file per product release, with a status of `confirmed` or
`assumed` beside it. A site corrects a keyword by editing (or passing) a table,
never code. docs/compatibility.md lists every entry with its status.

Besides the one-line `entries`, a table holds two structured parts:
`machines` (the CP directory defaults of each product machine, by role) and
`units` (the size units of `disk` statements and the device type each means).
A table is validated when it is loaded, so a site's corrected copy with a typo
fails with one line naming the entry, never half-way through a compile.
"""

from __future__ import annotations

import functools
import re
from _string import formatter_parser  # what string.Formatter().parse returns; see format_fields
from dataclasses import field, replace
from pathlib import Path

from bkrdsl.generated import (
    DIRECTORY_COLUMNS,
    EXEC_RETURN_CODES,
    HEADER_ROOM,
    INVARIANT,
    MAX_COLUMNS,
    masked_record,
)
from bkrdsl.records import dataclass

DIALECT_DIR = Path(__file__).resolve().parent
DEFAULT_RELEASE = "1.3"

STATUSES = ("confirmed", "assumed")

#: The placeholders each entry the emitters use may hold. A table must define
#: every key listed here; an entry that names another placeholder is an error.
#: In the order a reader of each kind of file meets them: the order in which a
#: file's header names those it is written from that are assumed
#: (bkrdsl.emit.common.assumed_note; a template's selection records in its own).
FIELDS: dict[str, frozenset[str]] = {
    key: frozenset(fields)
    for key, fields in {
        # operator commands (used by the REXX emitter)
        "message_command": (),
        "message_not_receiving_rc": (),
        "submit_verb": ("job",),
        "review_verb": ("job",),
        "expire_preview_verb": (),
        "expire_purge_verb": (),
        "query_userid": (),
        "query_user": ("user",),
        "query_user_elsewhere": (),
        "query_user_at_all": ("user",),
        "xautolog": ("user",),
        "xautolog_not_in_directory_rc": (),
        "xautolog_already_logged_on_rc": (),
        "query_filepool": ("pool",),
        "query_filepool_final_rcs": (),
        # job templates
        "template_filetype": (),
        "template_comment": (),
        "job_name_setting": ("value",),
        "job_type_setting": ("value",),
        "job_type_full": (),
        "job_type_incremental": (),
        "output_setting": ("value",),
        "output_disk": (),
        "output_tape": (),
        "output_disk_pool": ("pool",),
        "output_tape_pool": ("pool",),
        "include_minidisk": ("owner", "first", "last"),
        "exclude_minidisk": ("owner", "first", "last"),
        "include_sfs": ("path",),
        "exclude_sfs": ("path",),
        "address_low": (),
        "address_high": (),
        # CP directory
        "directory_filetype": (),
        "directory_comment": (),
        "directory_indent": (),
        "directory_user": ("id", "password", "storage", "maxstorage", "classes"),
        "directory_identity": ("id", "password", "storage", "maxstorage", "classes"),
        "directory_build": ("member", "subconfig"),
        "directory_subconfig": ("subconfig",),
        "pool_scope_shared": (),
        "pool_scope_local": (),
        "directory_mdisk": ("address", "devtype", "start", "size", "volume", "mode"),
        "directory_mdisk_auto": ("address", "devtype", "size", "volume", "mode"),
        "disk_allocation": (),
        "disk_mode": (),
        # Tape Manager
        "tape_config_filetype": (),
        "tape_config_comment": ("text",),
        "tape_local_node": (),
        "tape_local_operands": ("name", "type", "status", "password"),
        "tape_node_catalog": (),
        "tape_node_request": (),
        "tape_initial_status": (),
        "tape_password_placeholder": (),
        "tape_remote_node": (),
        "tape_remote_operands": ("name", "type", "host"),
        "tape_host_placeholder": ("member",),
    }.items()
}

#: The placeholders an entry must hold, of those FIELDS allows: bkrc writes the
#: entry once for each job, user, pool, machine or minidisk, and without the
#: placeholder every one would read the same (`SMSG BKRBKUP SUBMIT` for each
#: job, an MDISK statement without its address).
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "submit_verb": ("job",),
    "review_verb": ("job",),
    "xautolog": ("user",),
    "query_user": ("user",),
    "query_user_at_all": ("user",),
    "query_filepool": ("pool",),
    "job_name_setting": ("value",),
    "job_type_setting": ("value",),
    "output_setting": ("value",),
    "output_disk_pool": ("pool",),
    "output_tape_pool": ("pool",),
    "include_minidisk": ("owner", "first", "last"),
    "exclude_minidisk": ("owner", "first", "last"),
    "include_sfs": ("path",),
    "exclude_sfs": ("path",),
    "directory_user": ("id",),
    "directory_identity": ("id",),
    "directory_build": ("member", "subconfig"),
    "directory_subconfig": ("subconfig",),
    "directory_mdisk": ("address", "start", "size", "volume"),
    "directory_mdisk_auto": ("address", "size", "volume"),
    "tape_config_comment": ("text",),
    "tape_local_operands": ("name",),
    "tape_remote_operands": ("name",),
}

#: The commands the EXECs send with no placeholder: a blank one would send
#: nothing CP or the server can read (`CP  BKRBKUP SUBMIT ...`).
COMMAND_ENTRIES = ("message_command", "query_userid", "expire_preview_verb", "expire_purge_verb")

#: The commands the EXECs issue as the table writes them, each with whose it
#: is: under ADDRESS COMMAND, through `'CP ...'` and DIAGRC(8, ...), relying
#: on neither CMS nor CP's DIAGNOSE X'08' to translate them (assumed: that a
#: lower-case `query` finds no QUERY there, rc -3, and that DIAGNOSE X'08'
#: leaves case alone; docs/compatibility.md). So their literal text is upper
#: case. The text SMSG carries (submit_verb...) is the product's: not these.
UPPER_CASE_COMMANDS = {
    "message_command": "CP",
    "query_userid": "CP",
    "query_user": "CP",
    "query_user_at_all": "CP",
    "xautolog": "CP",
    "query_filepool": "CMS",
}

#: CP's rc for a user that is not logged on (HCP045E, confirmed: the
#: query_user and message_command notes): the EXECs read it before any rc
#: of CP_RETURN_CODES, so none of those may be 45.
CP_NOT_LOGGED_ON = 45

#: The entries that hold a CP return code the EXECs act on, each with the
#: command that gives it: CP's rc is its message's number (the
#: message_command note), a whole number of at most four digits. The rcs of
#: one command must differ, or the EXEC could not tell its answers apart.
CP_RETURN_CODES = {
    "xautolog_not_in_directory_rc": "XAUTOLOG",
    "xautolog_already_logged_on_rc": "XAUTOLOG",
    "message_not_receiving_rc": "SMSG",
}
CP_RC_LIMIT = 9999

#: Roles with directory defaults in `machines`.
MACHINE_ROLES = (
    "backup-server",
    "catalog-server",
    "worker",
    "catalog-sfs-server",
    "admin",
    "installation",
    "tape-catalog-node",
    "tape-request-node",
    "tape-catalog-dmm",
    "tape-request-dmm",
)

#: Roles whose machines BKRSTART starts with XAUTOLOG (`Model.start_order`).
#: Each needs an IPL statement: IBM, "Defining AUTOLOG1 in the Directory"
#: (z/VM 7.3): "When you use the CP AUTOLOG command, the directory entry for
#: the virtual machine referred by the CP AUTOLOG command must contain an IPL
#: statement", and "The IPL statement initializes CMS, causing the execution
#: of the PROFILE EXEC". A machine logged on without one never runs its server.
STARTED_ROLES = frozenset(
    {"catalog-sfs-server", "catalog-server", "backup-server", "worker", "tape-catalog-node", "tape-request-node"}
)

#: Placeholders a machine statement may hold: the administrator's user ID, and
#: the scope in which the catalog's SFS server identifies its file pool
#: (`pool_scope_shared` or `pool_scope_local`, by the catalog's scope).
MACHINE_FIELDS = frozenset({"admin", "pool_scope"})

ALLOCATIONS = ("autov", "sequential")

#: The size units of `disk` statements, each of which the table must describe.
UNITS = ("blk", "cyl")
_UNIT_WORDS = {"BLK": "block number", "CYL": "cylinder number"}


@dataclass(frozen=True)
class Entry:
    """One keyword or layout of the dialect table, with its status and note."""

    key: str
    value: str
    status: str  # "confirmed" or "assumed"
    note: str


@dataclass(frozen=True)
class MachineDefaults:
    """CP directory defaults of one product machine role."""

    role: str
    password: str
    storage: str
    maxstorage: str
    classes: str
    statements: tuple[str, ...]
    status: str
    note: str

    def addresses(self) -> dict[int, str]:
        """The virtual device addresses the statements define, each with its statement:
        CONSOLE, SPOOL, MDISK, DEDICATE and SPECIAL name theirs first, LINK second
        (`LINK MAINT 0190 0190 RR` takes 0190 here)."""
        from bkrdsl.resolve.model import parse_address

        out: dict[int, str] = {}
        for statement in self.statements:
            words = statement.split()
            verb = words[0].upper() if words else ""
            at = 1 if verb in _DEVICE_STATEMENTS else 3 if verb == "LINK" else None
            number = parse_address(words[at]) if at is not None and len(words) > at else None
            if number is not None:
                out.setdefault(number, statement)
        return out

    def ipls_cms(self) -> bool:
        """Whether the machine starts CMS: its first IPL statement is `IPL CMS` (or
        `IPL 0190`, CMS's system disk). CMS then accesses the machine's 0191 as its
        A-disk (BKR253)."""
        from bkrdsl.resolve.model import parse_address

        for statement in self.statements:
            words = statement.upper().split()
            if len(words) > 1 and words[0] == "IPL":
                return words[1] == "CMS" or parse_address(words[1]) == CMS_SYSTEM_DISK
        return False


#: The address of CMS's system disk (the S-disk), which `IPL 190` starts CMS from.
CMS_SYSTEM_DISK = 0x190

#: Directory statements that define a virtual device at their first operand.
_DEVICE_STATEMENTS = {"CONSOLE", "SPOOL", "MDISK", "DEDICATE", "SPECIAL"}


@dataclass(frozen=True)
class Unit:
    """A size unit of `disk` statements: the device type and where allocation starts."""

    name: str
    devtype: str
    first: int
    status: str
    note: str


@dataclass(frozen=True)
class Dialect:
    """A product release's dialect table: its entries, machines' defaults and size units."""

    release: str
    product: str
    entries: dict[str, Entry]
    machines: dict[str, MachineDefaults] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    origin: str = ""
    #: Read from the file bkrc ships (`builtin_path`), not from a site's `--dialect`.
    builtin: bool = False
    #: The table's text as bkrc read it (`_table_text`: UTF-8, no byte-order mark,
    #: line ends `\n`); None for a table made from data (`parse_dialect` alone).
    source_text: str | None = field(default=None, compare=False, repr=False)

    @functools.cached_property
    def sha256(self) -> str | None:
        """The sha256 of `source_text` (hex), which manifest.json records: the same table
        gives the same value on every machine and checkout, CRLF or not; for a
        UTF-8 file with `\n` line ends and no byte-order mark, `sha256sum`'s.
        Worked out when asked (`bkrc compile`): `bkrc check` imports no hashlib."""
        if self.source_text is None:
            return None
        import hashlib

        return hashlib.sha256(self.source_text.encode("utf-8")).hexdigest()

    def __getitem__(self, key: str) -> str:
        return self.entries[key].value

    def machine(self, role: str) -> MachineDefaults:
        """The directory defaults of a product machine role."""
        return self.machines[role]

    def return_code(self, key: str) -> int:
        """The CP return code an entry of CP_RETURN_CODES holds (checked when loaded)."""
        return int(self.entries[key].value)

    def text(self, key: str, **fields: str) -> str:
        """The entry's value with `{field}` placeholders filled in."""
        return self.entries[key].value.format(**fields)

    def unit(self, word: str) -> Unit | None:
        """The unit a `disk ... size N UNIT` word names, spelled any way the language accepts."""
        from bkrdsl.resolve.model import parse_disk_unit

        canonical = parse_disk_unit(word)
        return self.units.get(canonical.lower()) if canonical else None


class DialectError(Exception):
    """A table bkrc refuses, its message naming the item at fault. For a file
    bkrc read, `file` (as named) and `text` (the table's text, as far as it
    could be decoded) let `dialect.refused` point at the place (BKR601)."""

    file: str | None = None
    text: str | None = None


def format_fields(template: str):
    """(literal text, field name, format spec, conversion) of each part of a
    format string, as `string.Formatter().parse` gives them (it is a call of
    `_string.formatter_parser`), without importing `string`: its `Template`
    class compiles a regular expression as it is made, in every command that
    reads the table (`bkrc check` too). ValueError when the braces are malformed."""
    return formatter_parser(template)


def placeholders(template: str) -> set[str]:
    """The `{name}` fields of a format string; ValueError when its braces are malformed."""
    return {name for _, name, _, _ in format_fields(template) if name is not None}


def _literal_text(template: str) -> str:
    return "".join(literal for literal, _, _, _ in format_fields(template))


def _status(spec: dict, where: str) -> str:
    status = spec.get("status", "assumed")
    if status not in STATUSES:
        raise DialectError(f"{where}: status must be confirmed or assumed, not {status!r}")
    return status


def _check_text(where: str, template: str, allowed: frozenset[str] | None) -> None:
    try:
        names = placeholders(template)
        fields = [(name, spec, conversion) for _, name, spec, conversion in format_fields(template)]
    except ValueError as err:
        raise DialectError(f"{where}: malformed placeholder in {template!r} ({err})") from None
    for name, spec, conversion in fields:
        # The emitters fill every placeholder with text as it is: a format spec
        # (`{job:d}`) or a conversion (`{job!r}`) would fail or change the text.
        if name is not None and (spec or conversion):
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise DialectError(
                f"{where}: placeholder {written} in {template!r} has a format or a conversion;"
                f" write {{{name}}}: the value is put in as it is"
            )
    if allowed is not None and not names <= allowed:
        unknown = ", ".join(sorted(names - allowed))
        known = ", ".join(sorted(allowed)) or "none"
        raise DialectError(f"{where}: unknown placeholder {{{unknown}}} (allowed: {known})")
    bad = sorted({c for c in _literal_text(template) if c not in INVARIANT})
    if bad:
        raise DialectError(
            f"{where}: {''.join(bad)!r} is not the same in every EBCDIC code page;"
            " generated files may only hold A-Z a-z 0-9 space and + < = > % & * \" ' ( ) , _ - . / : ; ?"
        )
    if "<U+" in _literal_text(template):
        # The generated files write a character outside that set as `<U+XXXX>`, and so a
        # `<` before `U+` as `<U+003C>` (emit/quoting.py): a command would reach CP changed.
        raise DialectError(
            f"{where}: {_shown_value(template)} holds `<U+`, which the generated files write as"
            " `<U+003C>U+` (`<U+XXXX>` stands for a character outside the invariant set there):"
            " what the table gives would not reach z/VM as written; write it otherwise"
        )


def _shape(value: object) -> str:
    """What a TOML value is, in the words of TOML ("a string", "an array")."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, bool):
        return f"{str(value).lower()}, a boolean"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"a string ({_shown_value(value)})"
    return f"a {type(value).__name__}"  # a date or a time


def _shown_value(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _table(value: object, where: str, holds: str) -> dict:
    """`value` when it is a TOML table; else DialectError: `where` must be one
    (`holds`: what such a table holds, as `[entries.NAME] for each entry`)."""
    if not isinstance(value, dict):
        raise DialectError(f"{where}: must be a table ({holds}), not {_shape(value)}")
    return value


def _only_known(spec: dict, where: str, keys: tuple[str, ...]) -> None:
    """DialectError for a key of an entry, role or unit that bkrc does not read: a
    misspelt `statements` (`statement = [...]`) would leave the machine's entry
    without the site's statements, a misspelt `status` the entry assumed, silently."""
    for key in spec:
        if key not in keys:
            raise DialectError(
                f"{where}: {key!r} is no key bkrc reads there (it reads {', '.join(keys)}):"
                " a misspelt name is not read, and its value not used"
            )


def _needed(spec: dict, key: str, where: str, every: str) -> object:
    """`spec[key]`; else DialectError naming `where` and the key (`every`: which
    keys each such table has)."""
    try:
        return spec[key]
    except KeyError:
        raise DialectError(
            f"{where}: no {key!r} ({every}: copy it from the built-in table, `--dialect` in docs/compatibility.md)"
        ) from None


def _entries(data: dict, origin: str) -> dict[str, Entry]:
    entries = {}
    if "entries" not in data:
        raise DialectError(
            f"{origin}: no [entries] table (every product keyword bkrc writes is an entry:"
            " start from a copy of the built-in one, `--dialect` in docs/compatibility.md)"
        )
    for key, spec in _table(data["entries"], f"{origin}: entries", "[entries.NAME] for each entry").items():
        where = f"{origin}: entry {key}"
        spec = _table(spec, where, f"[entries.{key}] with its value and status")
        if "value" in spec:  # no value: said as such, a misspelt `valeu` shown there (BKR601)
            _only_known(spec, where, ("value", "status", "note"))
        value = str(_needed(spec, "value", where, "every entry has one"))
        _check_placeholder(where, key, value)  # first: no later message may quote a password
        _check_text(where, value, FIELDS.get(key))
        _check_required(where, key, value)
        _check_comment(where, key, value)
        entries[key] = Entry(key, value, _status(spec, where), str(spec.get("note", "")))
    missing = sorted(set(FIELDS) - set(entries))
    if missing:
        raise DialectError(f"{origin}: missing entries: {', '.join(missing)}{_copy_hint(data)}")
    if entries["disk_allocation"].value not in ALLOCATIONS:
        raise DialectError(f"{origin}: entry disk_allocation: must be one of {', '.join(ALLOCATIONS)}")
    _check_return_codes(f"{origin}: entry query_filepool_final_rcs", entries["query_filepool_final_rcs"].value)
    _check_cp_return_codes(origin, entries)
    return entries


#: The entries written where a secret of the site's goes: each a placeholder written
#: `<...>`, which the site replaces on z/VM, never the secret itself.
SECRET_PLACEHOLDERS = ("tape_password_placeholder",)


def _check_placeholder(where: str, key: str, value: str) -> None:
    """An entry of SECRET_PLACEHOLDERS is a placeholder, `<` and `>` around it (the
    built-in `<CHALLENGE-PASSWORD>`): a site table that gives Tape Manager's challenge
    password itself is refused, since every compile would write it in plain text
    into each member's node definitions. The message never quotes the value."""
    if key in SECRET_PLACEHOLDERS and not (len(value) > 2 and value[0] == "<" and value[-1] == ">"):
        raise DialectError(
            f"{where}: not a placeholder written `<...>` (the built-in table's is"
            " `<CHALLENGE-PASSWORD>`): a challenge password there would be written in plain text"
            " into every member's Tape Manager node definitions; keep a placeholder, and give the"
            " password in each node's SYS CONFIG file on z/VM (docs/compatibility.md)"
        )


def _check_required(where: str, key: str, value: str) -> None:
    """The entry holds every placeholder REQUIRED_FIELDS names for it, a
    command of COMMAND_ENTRIES is not blank, and one of UPPER_CASE_COMMANDS
    is in upper case (its placeholders aside)."""
    lacking = [name for name in REQUIRED_FIELDS.get(key, ()) if name not in placeholders(value)]
    if lacking:
        named = ", ".join("{" + name + "}" for name in lacking)
        raise DialectError(
            f"{where}: {value!r} lacks {named}: bkrc writes this entry once for each one,"
            " and without it every one would read the same"
        )
    if key in COMMAND_ENTRIES and not value.strip():
        raise DialectError(f"{where}: is blank: the EXECs send it as a CP command or message")
    if key in UPPER_CASE_COMMANDS and _literal_text(value) != _literal_text(value).upper():
        upper = "".join(
            literal.upper() + ("" if name is None else "{" + name + "}")
            for literal, name, _, _ in format_fields(value)
        )
        raise DialectError(
            f"{where}: {value!r} has lower case: the EXECs issue this {UPPER_CASE_COMMANDS[key]} command"
            f" as it is written; write {upper!r}"
        )


#: The entries every comment line of a file is written with, and what such a
#: line starts with there: a template's and a directory record's `*` (the
#: first column), a Tape Manager file's `/*`.
COMMENT_ENTRIES = {"template_comment": "*", "directory_comment": "*"}


def _check_comment(where: str, key: str, value: str) -> None:
    """A comment entry writes a comment: `template_comment` and `directory_comment`
    start with `*`, and `tape_config_comment` is one closed `/* ... */` around
    its `{text}`. `/* {text}` wrote an unclosed comment, which in SYS CONFIG
    would swallow the node definitions below it; a blank or ` *` wrote the
    files' comments as records (the CMS check then stopped every compile,
    naming the generated files, not the table). Each leaves HEADER_ROOM
    columns for a line's text: a wider one was an internal error (a wrap
    width below 1) or an opening comment cut over its lines."""
    if key in COMMENT_ENTRIES and not value.startswith(COMMENT_ENTRIES[key]):
        raise DialectError(
            f"{where}: {value!r} does not start with `*` in its first column: bkrc writes every comment line"
            " with it, and a line that does not start with `*` is read as a record"
        )
    if key == "tape_config_comment":
        literal = _literal_text(value)
        inner = literal.removeprefix("/*").removesuffix("*/") if len(literal) >= 4 else literal
        if not (value.startswith("/*") and value.endswith("*/")
                and "/*" not in inner and "*/" not in inner):
            raise DialectError(
                f"{where}: {value!r} is not one comment `/* ... */` around {{text}}: each line bkrc writes"
                " with it must open with `/*`, close with `*/` and hold no other `/*` or `*/`, or the"
                " statements below it would be read as comment (or the comment as statements)"
            )
    if key in COMMENT_ENTRIES or key == "tape_config_comment":
        # `* text` (a blank after the entry) or the entry's frame around {text}.
        frame = len(value) + 1 if key in COMMENT_ENTRIES else len(_literal_text(value))
        width = DIRECTORY_COLUMNS if key == "directory_comment" else MAX_COLUMNS
        if width - frame < HEADER_ROOM:
            raise DialectError(
                f"{where}: {value!r} leaves {max(width - frame, 0)} columns of the {width} for the text of a"
                f" comment line; the opening line of every file needs {HEADER_ROOM}"
                f" (`Generated by bkrc from NAME: do not edit.`)"
            )


def _check_return_codes(where: str, text: str) -> None:
    """Return codes, blank-separated whole numbers (`-3 24`): BKRSTART compares
    them with CMS's rc, so `24.0` or `rc24` would never match."""
    for word in text.split():
        if not re.fullmatch(r"-?[0-9]+", word):
            raise DialectError(f"{where}: {word!r} is not a return code (whole numbers, such as -3 24)")


def _check_cp_return_codes(origin: str, entries: dict[str, Entry]) -> None:
    """Each CP_RETURN_CODES entry a whole number CP can answer, which the EXECs
    can tell from their own rcs, from CP_NOT_LOGGED_ON, and from the other
    rcs of the same command."""
    seen: dict[tuple[str, int], str] = {}
    for key, command in CP_RETURN_CODES.items():
        where = f"{origin}: entry {key}"
        text = entries[key].value.strip()
        if not re.fullmatch(r"[0-9]{1,4}", text) or not 1 <= int(text) <= CP_RC_LIMIT:
            raise DialectError(
                f"{where}: {entries[key].value!r} is not a CP return code: a whole number from 1 to"
                f" {CP_RC_LIMIT}, CP's message number (53 for HCP053E)"
            )
        rc = int(text)
        if rc in EXEC_RETURN_CODES:
            own = " ".join(str(code) for code in sorted(EXEC_RETURN_CODES))
            raise DialectError(
                f"{where}: {rc} is a return code the EXECs set themselves ({EXEC_RETURN_CODES[rc]});"
                f" CP's may be none of {own}, or an EXEC's rc could not be told from CP's"
            )
        if rc == CP_NOT_LOGGED_ON:
            raise DialectError(
                f"{where}: {rc} is CP's rc for a user not logged on (HCP045E), which the EXECs"
                " read first: give CP's own number for this answer"
            )
        other = seen.setdefault((command, rc), key)
        if other != key:
            raise DialectError(
                f"{where}: {rc} is {other} too: the EXEC tells {command}'s answers apart by their rc"
            )


def _machines(data: dict, origin: str) -> dict[str, MachineDefaults]:
    machines = {}
    for role, spec in _table(data.get("machines", {}), f"{origin}: machines", "[machines.ROLE] for each role").items():
        where = f"{origin}: machines.{role}"
        if role not in MACHINE_ROLES:
            raise DialectError(f"{where}: unknown role (known: {', '.join(MACHINE_ROLES)})")
        spec = _table(spec, where, f"[machines.{role}] with its password, storage, maxstorage, classes and statements")
        if all(name in spec for name in ("password", "storage", "maxstorage", "classes")):
            _only_known(spec, where, ("password", "storage", "maxstorage", "classes", "statements", "status", "note"))
        listed = spec.get("statements", [])
        if not isinstance(listed, list):
            raise DialectError(f"{where}.statements: must be an array of directory statements, not {_shape(listed)}")
        statements = tuple(str(s) for s in listed)
        for text in statements:
            _check_text(where, text, MACHINE_FIELDS)
        _check_order(where, statements)
        if role in STARTED_ROLES:
            _check_ipl(where, statements)
        every = "every machine role has its password, storage, maxstorage and classes"
        words = {name: str(_needed(spec, name, where, every)) for name in ("password", "storage", "maxstorage", "classes")}
        for name, text in words.items():
            _check_text(f"{where}.{name}", text, frozenset())
            if not text or " " in text:
                raise DialectError(f"{where}.{name}: must be one word")
        _check_storage(where, words["storage"], words["maxstorage"])
        _check_logonby(where, statements)
        _check_password_form(where, words["password"])
        _check_started_password(where, role, words["password"])
        machines[role] = MachineDefaults(
            role, **words, statements=statements, status=_status(spec, where), note=str(spec.get("note", ""))
        )
    missing = [r for r in MACHINE_ROLES if r not in machines]
    if missing:
        raise DialectError(f"{origin}: missing machine defaults: {', '.join(missing)}{_copy_hint(data)}")
    return machines


#: Directory statements that define or modify a virtual device (z/VM CP
#: Planning and Administration: the device statements of a user entry, and
#: MINIOPT and DASDOPT, which modify the MDISK or LINK before them). CP reads
#: every other statement of an entry (IPL, MACHINE, LOGONBY, IUCV, OPTION...)
#: as a control statement, which must come before the first device statement
#: (LOGONBY: "must precede any device statements in an entry").
ENTRY_DEVICE_STATEMENTS = frozenset(
    {"CONSOLE", "DEDICATE", "LINK", "MDISK", "NICDEF", "SPECIAL", "SPOOL", "MINIOPT", "DASDOPT"}
)


def _check_order(where: str, statements: tuple[str, ...]) -> None:
    """Control statements before device statements, as CP wants them in an entry
    (bkrc writes the `disk` minidisks after all of them)."""
    first_device = None
    for text in statements:
        verb = text.split()[0].upper() if text.split() else ""
        if verb in ENTRY_DEVICE_STATEMENTS:
            first_device = first_device or text
        elif first_device is not None:
            # A device statement's link passwords are never quoted (docs/security.md).
            device = masked_record(first_device)
            raise DialectError(
                f"{where}: `{text}` comes after the device statement `{device}`."
                " CP wants an entry's control statements (IPL, MACHINE, LOGONBY, IUCV,"
                " OPTION...) before its device statements (CONSOLE, SPOOL, LINK, MDISK...):"
                f" move it above `{device}`"
            )


#: The most by-users CP takes in one entry: "the maximum total of LOGONBY user IDs
#: that can be specified in a user, identity, or profile entry is eight", each "a
#: 1- to 8-character user ID" (z/VM 7.1, CP Planning and Administration, LOGONBY
#: Directory Statement).
MAX_LOGONBY_USERS = 8


def _check_logonby(where: str, statements: tuple[str, ...]) -> None:
    """LOGONBY as CP takes it: at least one user ID a statement, each 1-8 characters
    (`{admin}` stands for one), at most eight in the entry."""
    by_users: list[str] = []
    for text in statements:
        words = text.split()
        if not words or words[0].upper() != "LOGONBY":
            continue
        if len(words) == 1:
            raise DialectError(f"{where}: `{text}` names no user ID: LOGONBY lists the users who may LOGON BY")
        for word in words[1:]:
            if not (word.startswith("{") and word.endswith("}")) and not 1 <= len(word) <= 8:
                raise DialectError(f"{where}: `{text}`: {word} is not a user ID (1 to 8 characters)")
        by_users += words[1:]
    if len(by_users) > MAX_LOGONBY_USERS:
        listed = ", ".join(by_users[:-1]) + " and " + by_users[-1]
        raise DialectError(
            f"{where}: {len(by_users)} LOGONBY user IDs ({listed}): CP takes at most eight in an entry"
            " (z/VM CP Planning and Administration, LOGONBY): leave some out"
        )


#: The password operands of a USER or IDENTITY statement that are no password: how CP
#: logs the user on without one (z/VM 7.2, USER Directory Statement's syntax diagram).
LOGON_FORMS = frozenset({"AUTOONLY", "LBYONLY", "NOLOG", "NOPASS"})


def _check_password_form(where: str, password: str) -> None:
    """A machine's `password` is one of LOGON_FORMS, never a password: every
    compile would write it in plain text into the machine's DIRECT file, which
    whoever reads the output folder, its copies and its history reads too
    (docs/compatibility.md, Logging on to the machines). bkrc holds no secret; a machine's own password is set
    on z/VM after deploying."""
    if password.upper() not in LOGON_FORMS:
        raise DialectError(
            f"{where}.password: a password of the machine's own: bkrc would write it in plain text into"
            " the machine's generated DIRECT file; write LBYONLY (XAUTOLOG and LOGON BY), AUTOONLY"
            " (XAUTOLOG only), NOLOG or NOPASS, and give the machine its password on z/VM after"
            " deploying (docs/compatibility.md, Logging on to the machines)"
        )


def _check_started_password(where: str, role: str, password: str) -> None:
    """A machine BKRSTART starts with XAUTOLOG must be one CP logs on: NOLOG, one of
    the USER and IDENTITY statements' password values (z/VM 7.2, USER Directory
    Statement), is a user that "never logs on" (IBM's list of z/VM's own IDs, as
    tests/cpdir.py quotes it; Broadcom's VM:Secure, of a NOLOG entry: "This user ID
    is not allowed to log on"), XAUTOLOG included."""
    if role in STARTED_ROLES and password.upper() == "NOLOG":
        raise DialectError(
            f"{where}.password: NOLOG: CP logs this user on in no way, and BKRSTART starts this machine"
            " with XAUTOLOG: write LBYONLY (XAUTOLOG and LOGON BY) or AUTOONLY (XAUTOLOG only)"
        )


def _check_ipl(where: str, statements: tuple[str, ...]) -> None:
    """A machine BKRSTART starts must IPL from its entry (STARTED_ROLES). An
    INCLUDE may bring the IPL statement from a directory profile, so one will do."""
    verbs = {text.split()[0].upper() for text in statements if text.split()}
    if not verbs & {"IPL", "INCLUDE"}:
        raise DialectError(
            f"{where}: no IPL statement. BKRSTART starts this machine with XAUTOLOG, and"
            " CP logs it on without starting anything unless its entry names what to IPL:"
            " add one above the device statements (the built-in table has `IPL CMS PARM AUTOCR`)"
        )


#: A CP directory storage size: a whole number and its unit (USER and
#: IDENTITY statements, z/VM CP Planning and Administration).
_STORAGE = re.compile(r"([0-9]{1,16})([KMGTPE])\Z", re.IGNORECASE)
_STORAGE_UNITS = {u: 1024**i for i, u in enumerate("KMGTPE")}


def storage_kilobytes(text: str) -> int | None:
    """`64M` -> 65536; None when it is not a CP storage size."""
    m = _STORAGE.match(text)
    return int(m.group(1)) * _STORAGE_UNITS[m.group(2).upper()] if m else None


def _check_storage(where: str, storage: str, maxstorage: str) -> None:
    """Both sizes CP's form; the storage a machine logs on with no more than its maximum
    (CP refuses the entry otherwise)."""
    for name, text in (("storage", storage), ("maxstorage", maxstorage)):
        if storage_kilobytes(text) is None:
            raise DialectError(f"{where}.{name}: {text!r} is not a storage size: a whole number and K, M, G, T, P or E (64M)")
    if storage_kilobytes(storage) > storage_kilobytes(maxstorage):
        raise DialectError(f"{where}: storage {storage} is more than maxstorage {maxstorage}")


def _copy_hint(data: dict) -> str:
    """Where a site's copy made from an older bkrc finds what newer versions need."""
    release = data.get("dialect", {}).get("release") if isinstance(data.get("dialect"), dict) else None
    builtin = DIALECT_DIR / f"backup-manager-{release}.toml"
    if release is None or not builtin.is_file():
        return ""
    return f" (a table copied from an older bkrc lacks them: copy them from the built-in one, which `bkrc dialect` prints: {builtin})"


def _units(data: dict, origin: str) -> dict[str, Unit]:
    from bkrdsl.resolve.model import DISK_UNIT_LIMITS

    units = {}
    for name, spec in _table(data.get("units", {}), f"{origin}: units", "[units.cyl] and [units.blk]").items():
        where = f"{origin}: units.{name}"
        if name.upper() not in DISK_UNIT_LIMITS:
            raise DialectError(f"{where}: unknown unit (known: {', '.join(UNITS)})")
        spec = _table(spec, where, f"[units.{name}] with its devtype and first")
        if "devtype" in spec:
            _only_known(spec, where, ("devtype", "first", "status", "note"))
        devtype = str(_needed(spec, "devtype", where, "each unit has its devtype, and its first"))
        _check_text(where, devtype, frozenset())
        if not devtype or " " in devtype:
            raise DialectError(f"{where}.devtype: must be one word, the device type MDISK statements name (3390)")
        first = spec.get("first", 0)
        # The first cylinder or block of a volume's minidisks lies on the volume.
        limit = DISK_UNIT_LIMITS[name.upper()]
        if not isinstance(first, int) or isinstance(first, bool) or not 0 <= first < limit:
            raise DialectError(
                f"{where}: first must be a whole number from 0 to {limit - 1:,}, a {_UNIT_WORDS[name.upper()]}"
                " of the largest volume"
            )
        units[name.lower()] = Unit(name.lower(), devtype, first, _status(spec, where), str(spec.get("note", "")))
    if not units:
        raise DialectError(f"{origin}: no [units] table")
    missing = [u for u in UNITS if u not in units]
    if missing:
        raise DialectError(
            f"{origin}: missing units: {', '.join(missing)} (`disk` statements size minidisks in cylinders"
            " or in blocks, and the table says which device type each means)"
        )
    return units


#: The widest name bkrc writes into a line: a user ID (or an owner pattern),
#: a member's name, a SUBCONFIG ID, a job's name on a member, a pool's name,
#: each 1 to 8 characters (CP's and CMS's limit, which the checks hold the
#: `.bkr` file to).
WIDEST_NAME = "N" * 8
#: A minidisk address as the files write it (`address`: 0191), a volume label.
WIDEST_ADDRESS = "0000"
WIDEST_VOLUME = "V" * 6
#: The shortest SFS path a selection record holds (POOL:USER.).
SHORTEST_PATH = "P:U."
#: What a CMS file name or type may be (bkrdsl.emit.cms checks every path so).
CMS_FILE_NAME = re.compile(r"[A-Z0-9$#@+\-:_]{1,8}\Z")
#: The entries that name a file type, each with the files it names.
FILETYPE_ENTRIES = {
    "template_filetype": "a job template (JOBNAME TEMPLATE)",
    "directory_filetype": "a directory entry (ID DIRECT)",
    "tape_config_filetype": "a Tape Manager file (TMNODES CONFIG)",
}


def _check_filetypes(origin: str, entries: dict[str, Entry]) -> None:
    """A filetype entry is a CMS file type: bkrc names every file it writes of
    that kind with it, and a longer one stopped each compile naming the files."""
    for key, files in FILETYPE_ENTRIES.items():
        value = entries[key].value
        if not CMS_FILE_NAME.match(value):
            raise DialectError(
                f"{origin}: entry {key}: {value!r} is not a CMS file type (1 to 8 of A-Z 0-9 $ # @ + - : _,"
                f" upper case): bkrc names {files} with it"
            )


def _widest(*texts: str) -> str:
    return max(texts, key=len)


def _written_lines(entries: dict[str, Entry], machines: dict[str, MachineDefaults], units: dict[str, Unit]):
    """Each kind of line the table's entries are written into, at its widest:
    (the entries it is made of, the first the line's layout; the line with the
    widest names and numbers bkrc puts in; what it is; its most columns). An
    SFS record is here with the shortest path: the path's own width is BKR319's,
    from the `.bkr` file. The EXECs are not here: they set a long command in a
    variable over several lines, and TELL folds what they say (bkrdsl/emit/rexx.py)."""
    from bkrdsl.resolve.model import DISK_UNIT_LIMITS

    def text(key: str, **fields: str) -> str:
        return entries[key].value.format(**fields)

    template = ("a job template line", MAX_COLUMNS)
    directory = ("a directory record", DIRECTORY_COLUMNS)
    tape = ("a TMNODES CONFIG line", MAX_COLUMNS)
    yield ("job_name_setting",), text("job_name_setting", value=WIDEST_NAME), *template
    for level in ("job_type_full", "job_type_incremental"):
        yield ("job_type_setting", level), text("job_type_setting", value=entries[level].value), *template
    for output in ("output_disk", "output_tape", "output_disk_pool", "output_tape_pool"):
        yield ("output_setting", output), text("output_setting", value=text(output, pool=WIDEST_NAME)), *template
    for action in ("include", "exclude"):
        key = f"{action}_minidisk"
        yield (key,), text(key, owner=WIDEST_NAME, first=WIDEST_ADDRESS, last=WIDEST_ADDRESS), *template
        low, high = entries["address_low"].value, entries["address_high"].value
        yield (key, "address_low", "address_high"), text(key, owner=WIDEST_NAME, first=low, last=high), *template
        key = f"{action}_sfs"
        yield (key,), text(key, path=SHORTEST_PATH), *template
    indent = entries["directory_indent"].value
    yield ("directory_build", "directory_indent"), \
        indent + text("directory_build", member=WIDEST_NAME, subconfig=WIDEST_NAME), *directory
    scope = _widest(entries["pool_scope_shared"].value, entries["pool_scope_local"].value)
    for role, defaults in machines.items():
        operands = {"id": WIDEST_NAME, "password": defaults.password, "storage": defaults.storage,
                    "maxstorage": defaults.maxstorage, "classes": defaults.classes}
        for key in ("directory_user", "directory_identity"):
            yield (key, f"machines.{role}"), text(key, **operands), *directory
        for statement in defaults.statements:
            scopes = ("pool_scope_shared", "pool_scope_local") if "{pool_scope}" in statement else ()
            line = indent + statement.format(admin=WIDEST_NAME, pool_scope=scope)
            yield (f"machines.{role}.statements", "directory_indent", *scopes), line, *directory
    yield ("directory_subconfig",), text("directory_subconfig", subconfig=WIDEST_NAME), *directory
    for name, unit in units.items():
        limit = DISK_UNIT_LIMITS[name.upper()]
        fields = {"address": WIDEST_ADDRESS, "devtype": unit.devtype, "size": str(limit),
                  "volume": WIDEST_VOLUME, "mode": entries["disk_mode"].value}
        made_of = ("directory_indent", "disk_mode", f"units.{name}.devtype")
        yield ("directory_mdisk", *made_of), indent + text("directory_mdisk", start=str(limit - 1), **fields), \
            *directory
        yield ("directory_mdisk_auto", *made_of), indent + text("directory_mdisk_auto", **fields), *directory
    node_type = _widest(entries["tape_node_catalog"].value, entries["tape_node_request"].value)
    local = text("tape_local_operands", name=WIDEST_NAME, type=node_type, status=entries["tape_initial_status"].value,
                 password=entries["tape_password_placeholder"].value)
    yield ("tape_local_operands", "tape_local_node", "tape_node_catalog", "tape_node_request",
           "tape_initial_status", "tape_password_placeholder"), f"{entries['tape_local_node'].value} {local}", *tape
    remote = text("tape_remote_operands", name=WIDEST_NAME, type=node_type,
                  host=text("tape_host_placeholder", member=WIDEST_NAME))
    yield ("tape_remote_operands", "tape_remote_node", "tape_node_catalog", "tape_node_request",
           "tape_host_placeholder"), f"{entries['tape_remote_node'].value} {remote}", *tape


def _check_widths(origin: str, entries: dict[str, Entry], machines: dict[str, MachineDefaults],
                  units: dict[str, Unit]) -> None:
    """Every line the table's entries are written into fits its file's columns
    with the widest names bkrc puts in (`_written_lines`): a longer entry
    stopped every compile with CMS-rule breaks naming the generated files,
    not the entry."""
    worst: dict[str, tuple] = {}  # by the line's layout, its widest line over
    for keys, line, what, limit in _written_lines(entries, machines, units):
        if len(line) > limit and len(line) - limit > worst.get(keys[0], (0,))[0]:
            worst[keys[0]] = (len(line) - limit, keys, line, what, limit)
    if worst:
        over, (key, *others), line, what, limit = next(iter(worst.values()))
        by = f"by {over} column{'s' if over > 1 else ''}"
        shorten = f"shorten it, or {', '.join(others)}, {by} in all" if others else f"shorten it {by}"
        names = "the shortest path" if key.endswith("_sfs") else "names of 8 characters"
        raise DialectError(
            f"{origin}: {'entry ' if key in entries else ''}{key}: {what} written with it can be {len(line)}"
            f" columns, with {names} (`{line}`); {what} has at most {limit}: {shorten}"
        )


def parse_dialect(data: dict, origin: str) -> Dialect:
    try:
        meta = _table(data["dialect"], f"{origin}: dialect", "[dialect] with its release and product")
        entries = _entries(data, origin)
        machines = _machines(data, origin)
        units = _units(data, origin)
        _check_filetypes(origin, entries)
        _check_widths(origin, entries, machines, units)
        return Dialect(str(meta["release"]), str(meta["product"]), entries, machines, units, origin)
    except KeyError as err:
        raise DialectError(
            f"{origin}: malformed dialect table: no {err.args[0]!r} (a table starts with [dialect],"
            " its release and product; start from a copy of the built-in one, `--dialect` in"
            " docs/compatibility.md)"
        ) from None
    except (TypeError, AttributeError) as err:
        raise DialectError(f"{origin}: malformed dialect table ({type(err).__name__}: {err})") from None


def load_dialect(release: str = DEFAULT_RELEASE, path: str | None = None, option: str = "--dialect") -> Dialect:
    """The table for a product release, or the table at `path` (a site's corrected copy).

    The built-in tables are read once per process; a site's file is read on
    every call, so an edited table is never answered from a stale cache.
    `option`: what named `path`, for the line on a missing file (`bkrc dialect --changes`).
    """
    return _read_table(Path(path), str(path), release, option=option) if path else _builtin(release)


def builtin_path(release: str = DEFAULT_RELEASE) -> Path:
    """The file of a release's built-in table, in the installed package (`bkrc dialect` prints it)."""
    return DIALECT_DIR / f"backup-manager-{release}.toml"


@functools.cache
def _builtin(release: str) -> Dialect:
    file = builtin_path(release)
    return _read_table(file, file.name, release, builtin=True)


#: The most bytes a dialect table may hold (the built-in one has about 31,000):
#: `--dialect /dev/zero`, or a log named by mistake, is refused after reading
#: this much, not read until memory runs out.
MAX_TABLE_SIZE = 1_000_000


def _read_table(file: Path, origin: str, release: str, builtin: bool = False, option: str = "--dialect") -> Dialect:
    try:
        with open(file, "rb") as f:
            raw = f.read(MAX_TABLE_SIZE + 1)
    except FileNotFoundError:
        if not builtin:
            raise DialectError(f"{file}: no such file (the {option} table)") from None
        raise DialectError(f"no dialect table for release {release} ({file})") from None
    except OSError as err:
        raise DialectError(f"{file}: cannot read: {err.strerror or err}") from None
    text = None
    try:
        text = _table_text(file, raw)
        data = _parsed_ahead(file.name, text) if builtin else None
        if data is None:
            import tomllib  # here: the built-in tables are read from bkrdsl/dialect/_tables.py

            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError as err:
                raise DialectError(f"{file}: malformed dialect table: not TOML: {err}") from None
        return replace(parse_dialect(data, origin), builtin=builtin, source_text=text)
    except DialectError as err:
        # What the table's place is shown from (BKR601): its text, or as much of
        # it as decodes (a NUL byte, a byte that is not UTF-8: the message says where).
        err.file = str(file)
        err.text = text if text is not None else _shown_text(raw)
        raise


def _shown_text(raw: bytes) -> str | None:
    """A table's bytes as text for its frame where they are not UTF-8 text (a NUL
    byte, a Latin-1 one: the message says where); None for a UTF-16 file or one
    too large, which no line of text shows: bkrc's one line says what it is."""
    import codecs

    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or len(raw) > MAX_TABLE_SIZE:
        return None
    text = raw.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _table_text(file: Path, raw: bytes) -> str:
    """The text of a table's bytes, as `read_text` would give it (newlines made
    `\\n`), without a UTF-8 byte-order mark (Notepad writes one, and tomllib
    refuses it); DialectError naming the place of what is not UTF-8 text, where
    the codec's words gave a byte offset ("position 22")."""
    import codecs

    if len(raw) > MAX_TABLE_SIZE:
        raise DialectError(
            f"{file}: more than {MAX_TABLE_SIZE:,} bytes: too large for a dialect table;"
            " name the site's copy of the built-in one (`--dialect` in docs/compatibility.md)"
        )
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DialectError(
            f"{file}: is UTF-16 (it starts with a UTF-16 byte-order mark); save the table as UTF-8"
            " (`iconv -f UTF-16 -t UTF-8`)"
        )
    raw = raw.removeprefix(codecs.BOM_UTF8)

    def place(offset: int) -> str:
        start = raw.rfind(b"\n", 0, offset) + 1
        column = len(raw[start:offset].decode("utf-8", errors="replace")) + 1
        line = raw.count(b"\n", 0, offset) + 1
        return f"line {line}, column {column}"

    nul = raw.find(b"\0")
    if nul != -1:
        raise DialectError(f"{file}: holds a NUL byte at {place(nul)}: a dialect table is a text file (TOML)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DialectError(
            f"{file}: not UTF-8: byte 0x{raw[err.start]:02X} at {place(err.start)}; save the table as UTF-8"
            " (`iconv -f CP1252 -t UTF-8`)"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _parsed_ahead(name: str, text: str) -> dict | None:
    """What `tomllib.loads(text)` gives for a built-in table, read from
    `bkrdsl/dialect/_tables.py` (written with docs/compatibility.md by `python -m
    bkrdsl.dialect.compat --write`) when the file still holds the text it was made
    from: importing tomllib and parsing 20 KB of TOML took a tenth of a small
    `bkrc check`. None when the file has changed since (it is parsed then)."""
    try:
        from bkrdsl.dialect._tables import TABLES
    except ImportError:  # not written yet (python -m bkrdsl.dialect.compat --write)
        return None
    made_from, data = TABLES.get(name, (None, None))
    return data if made_from == text else None
