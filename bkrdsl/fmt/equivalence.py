"""What "formatting keeps meaning" means, as a value that can be compared.

`meaning(x)` turns an AST node, a resolved model, or anything built of them into
plain nested tuples with every `Span` dropped and every name compared the way
the language compares names: case-insensitively (`vmsys1` is `VMSYS1`).
Quoted strings stay exact, and comments and doc comments are compared without
the trailing blanks the formatter removes. Two files mean the same thing when
`meaning()` of their models is equal.
"""

from __future__ import annotations

import dataclasses
import enum

from bkrdsl import ast
from bkrdsl.source import Span


def _text(text: str) -> str:
    """A comment or doc comment without trailing blanks on any line."""
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _word(word: ast.Word) -> str:
    return word.text if word.text.startswith('"') else word.upper


#: A type -> its dataclass fields' names, in order (None: not a dataclass), found once
#: per type: `dataclasses.is_dataclass` and `fields` asked of each of a file's tens of
#: thousands of nodes were most of the proof's cost (`bkrc init --directory`'s file).
_FIELDS: dict[type, tuple[str, ...] | None] = {}
_UNSEEN = object()


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The fields of `cls` that say what a value means: a field not compared
    (`compare=False`) says how it was written (`ast.Backup.capitals`) or holds a cache
    (the model's look-up tables), neither of which formatting must keep."""
    if not dataclasses.is_dataclass(cls):
        _FIELDS[cls] = None
        return None
    names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.compare)
    return names


def meaning(value, _field: str = ""):
    """A span-free, name-case-free structural value of `value` (see the module docstring)."""
    if isinstance(value, Span):
        return None
    if isinstance(value, ast.Word):
        return ("Word", _word(value))
    if isinstance(value, ast.Module):
        return (
            "Module",
            value.file,
            meaning(value.imports),
            meaning(value.users),
            meaning(value.groups),
            meaning(value.clusters),
            tuple(_text(text) for _, text in value.comments),
        )
    names = _FIELDS.get(type(value), _UNSEEN)
    if names is _UNSEEN:
        names = _field_names(type(value))
    if names is not None:  # a dataclass's instance (not a dataclass itself: its type is `type`)
        said = []
        for name in names:
            field = getattr(value, name)
            if not isinstance(field, Span):
                said.append((name, meaning(field, name)))
        return (type(value).__name__, tuple(said))
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return tuple(meaning(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), meaning(v)) for k, v in value.items()))
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(repr(meaning(v)) for v in value))
    if isinstance(value, str) and _field == "doc":
        return _text(value)
    return value
