"""What a site's dialect table changes against the built-in one (`bkrc dialect --changes FILE`).

A reviewer reads this before a compile with `--dialect FILE`: each entry,
machine role and size unit whose value, status or note differs, in the
built-in table's order, then what the site's table adds (an entry bkrc does
not read is most likely a misspelt name). Both tables are loaded, so both are
valid: every entry and role the built-in table has, the site's has too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from bkrdsl.dialect import Dialect, Entry, MachineDefaults, Unit


class Change(NamedTuple):
    """One field of one item that differs: `builtin` and `site` are its two
    values (None for an item the built-in table does not have)."""

    item: str  # "entry disk_allocation", "machines.worker", "units.cyl", "dialect"
    field: str  # "value", "status", "note", "storage", "statements", "release"...
    builtin: object
    site: object


_MACHINE_FIELDS = ("password", "storage", "maxstorage", "classes", "statements", "status", "note")
_UNIT_FIELDS = ("devtype", "first", "status", "note")


def changes(builtin: Dialect, site: Dialect) -> list[Change]:
    """Every field in which `site` differs from `builtin`, in the built-in table's order."""
    out = [
        Change("dialect", name, getattr(builtin, name), getattr(site, name))
        for name in ("product", "release")
        if getattr(builtin, name) != getattr(site, name)
    ]
    parts: tuple[tuple[str, dict, dict, tuple[str, ...]], ...] = (
        ("entry {}", builtin.entries, site.entries, ("value", "status", "note")),
        ("machines.{}", builtin.machines, site.machines, _MACHINE_FIELDS),
        ("units.{}", builtin.units, site.units, _UNIT_FIELDS),
    )
    for label, ours, theirs, fields in parts:
        for key, item in ours.items():
            other = theirs.get(key)
            if other is None:  # pragma: no cover - a loaded table has every entry, role and unit
                out.append(Change(label.format(key), "removed", _value(item), None))
                continue
            out += [
                Change(label.format(key), name, getattr(item, name), getattr(other, name))
                for name in fields
                if getattr(item, name) != getattr(other, name)
            ]
        out += [Change(label.format(key), "added", None, _value(item)) for key, item in theirs.items() if key not in ours]
    return out


def _value(item: Entry | MachineDefaults | Unit) -> object:
    if isinstance(item, Entry):
        return item.value
    if isinstance(item, Unit):
        return item.devtype
    return list(item.statements)


def _shown(value: object) -> str:
    from bkrdsl.terminal import json_text

    if isinstance(value, tuple):
        value = list(value)
    return json_text(value, indent=None)


def text(changes_: list[Change], origin: str, builtin: Dialect) -> str:
    """One line per change, after a line that says how many."""
    against = f"the built-in table ({builtin.product} {builtin.release})"
    if not changes_:
        return f"{origin}: no changes against {against}\n"
    items = len({c.item for c in changes_})
    count = f"{len(changes_)} change{'s' if len(changes_) != 1 else ''} in {items} item{'s' if items != 1 else ''}"
    lines = [f"{origin}: {count} against {against}"]
    for c in changes_:
        if c.field == "added":
            what = "an entry bkrc does not read (a misspelt name?)" if c.item.startswith("entry ") else "added"
            lines.append(f"{c.item}: {what}: {_shown(c.site)}")
        elif c.field == "note":
            lines += [f"{c.item}: {line}" for line in note_changes(c.builtin, c.site)]
        elif c.field == "statements":
            removed = [s for s in c.builtin if s not in c.site]
            added = [s for s in c.site if s not in c.builtin]
            lines += [f"{c.item}: statement removed: {_shown(s)}" for s in removed]
            lines += [f"{c.item}: statement added: {_shown(s)}" for s in added]
            if not removed and not added:
                lines.append(f"{c.item}: statements reordered: {_shown(c.site)}")
        else:
            lines.append(f"{c.item}: {c.field} {_shown(c.builtin)} -> {_shown(c.site)}")
    return "\n".join(lines) + "\n"


#: Words of the note shown before a change to say where it is.
_CONTEXT_WORDS = 4
#: More changes than this in one note and both notes are shown whole.
_MOST_HUNKS = 3


def note_changes(old: str, new: str) -> list[str]:
    """What changed in a note, word by word: each run of words added, removed or
    replaced, with the words before it that say where; both notes whole where
    one is empty or the changes are many (the JSON has both whole)."""
    from difflib import SequenceMatcher

    before, after = old.split(), new.split()
    if not before or not after:
        return [f"note {_shown(old)} -> {_shown(new)}"]
    hunks = [op for op in SequenceMatcher(None, before, after, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not hunks:  # only the spaces between the words changed
        return [f"note {_shown(old)} -> {_shown(new)}"]
    if len(hunks) > _MOST_HUNKS:
        return [f"note was {_shown(old)}", f"note is {_shown(new)}"]
    lines = []
    for tag, i1, i2, j1, j2 in hunks:
        if i1 == 0:
            where = "at its start"
        elif i1 == len(before):
            where = "at its end"
        else:
            where = f"after {_shown(' '.join(before[max(0, i1 - _CONTEXT_WORDS) : i1]))}"
        removed, added = _shown(" ".join(before[i1:i2])), _shown(" ".join(after[j1:j2]))
        what = {"insert": f"added {added}", "delete": f"removed {removed}", "replace": f"{removed} -> {added}"}[tag]
        lines.append(f"note: {what}, {where}")
    return lines


#: `--changes --format json`'s version, as every JSON document of bkrc has one
#: (`bkrc show`'s, the plan's, the diagnostics'): a key removed or given another
#: meaning raises it; a key added does not.
FORMAT_VERSION = "1"


def as_json(
    changes_: list[Change] | None, origin: str, builtin: Dialect | None, failures: Sequence[str] = ()
) -> dict:
    """`bkrc dialect --changes FILE --format json`'s document. `changes_` None: a run
    that failed (FILE not read, a table bkrc refuses, an interruption), `changes`
    null and bkrc's lines in `failures`, with `execution_successful` false, as every
    document of bkrc says a failed run (the diagnostics' `empty_document`), so that
    a step that reads it never takes a table it could not read for one that
    changes nothing; `against` null too when the built-in table was not loaded."""
    return {
        "format_version": FORMAT_VERSION,
        "table": origin,
        "against": {"product": builtin.product, "release": builtin.release} if builtin is not None else None,
        "changes": None if changes_ is None else [
            {
                "item": c.item,
                "field": c.field,
                "builtin": list(c.builtin) if isinstance(c.builtin, tuple) else c.builtin,
                "site": list(c.site) if isinstance(c.site, tuple) else c.site,
            }
            for c in changes_
        ],
        "execution_successful": changes_ is not None and not failures,
        "failures": list(failures),
    }
