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
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            tuple(
                (f.name, meaning(getattr(value, f.name), f.name))
                for f in dataclasses.fields(value)
                if not isinstance(getattr(value, f.name), Span)
            ),
        )
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
