"""`dataclass`, the standard one, made without compiling its methods at every start.

Python's `dataclasses.dataclass` writes the source of each class's `__init__`,
`__repr__`, `__eq__`, `__hash__` and, when frozen, `__setattr__` and
`__delattr__`, and compiles each with `exec`: on Python 3.11 about six compiles
of 0.1-0.2 ms per class, every time a module is imported, which made creating
the classes of the AST, the model and the diagnostics a third of bkrdsl's
imports (docs/performance.md, "Start-up of a whole command").

This `dataclass` is `dataclasses.dataclass` itself, called with the same
options; only while it runs, the function that compiles the methods' source
looks the source up first in `bkrdsl/_records.py`, where the same source text
was compiled ahead of time (so its bytecode is in that module's cached .pyc),
and builds the method from that code with the globals `exec` would have given
it. A source text that is not in the table (a class added or changed since the
table was written, another Python) is compiled as before: the classes are
exactly the standard ones either way, only made faster when the table is up to
date. The table is only used by an interpreter whose `dataclasses._create_fn`
is the one it was written against.

`python -m bkrdsl.records --write` writes the table again from every module of
bkrdsl that imports this `dataclass`, after checking that the real
`dataclasses._create_fn` makes the very same function (code, names,
annotations, defaults) of each text; `tests/test_records.py` fails when the
table is out of date.
"""

from __future__ import annotations

import dataclasses
import threading

__all__ = ["dataclass"]

_ORIGINAL = getattr(dataclasses, "_create_fn", None)
_FUNCTION = type(lambda: None)
_LOCK = threading.RLock()

#: Every source text `dataclass` compiled or found in this process, in order,
#: with whether it was in the table (for `--write` and the tests).
SEEN: dict[str, bool] = {}
#: While `table_text` imports the modules: each text's arguments, to check that
#: `dataclasses._create_fn` itself makes the same code of them.
_CALLS: dict[str, tuple] | None = None


def _fingerprint(fn) -> tuple:
    """What must be equal for the table's source texts to be what `fn` would compile."""
    code = fn.__code__
    return (code.co_code, tuple(c for c in code.co_consts if not hasattr(c, "co_code")), code.co_names)


def _table() -> dict:
    if _ORIGINAL is None:  # a Python whose dataclasses build their methods another way
        return {}
    try:
        from bkrdsl import _records
    except ImportError:  # pragma: no cover - the table is part of the package
        return {}
    if _records.CREATE_FN != _fingerprint(_ORIGINAL):
        return {}
    return _records.CODE


_CODE: dict | None = None


def _create_fn(name, args, body, *, globals=None, locals=None, return_type=dataclasses.MISSING):
    # The text below is Python 3.11's `dataclasses._create_fn`'s, line for line
    # (the table is used only when that function is the one it was written with).
    if locals is None:
        locals = {}
    asked = (name, tuple(args), tuple(body), tuple(locals), return_type is not dataclasses.MISSING)
    return_annotation = ""
    if return_type is not dataclasses.MISSING:
        locals["_return_type"] = return_type
        return_annotation = "->_return_type"
    joined_args = ",".join(args)
    joined_body = "\n".join(f"  {b}" for b in body)
    txt = f" def {name}({joined_args}){return_annotation}:\n{joined_body}"
    local_vars = ", ".join(locals.keys())
    txt = f"def __create_fn__({local_vars}):\n{txt}\n return {name}"
    # exec would use (and fill in) other globals' builtins: compile those as before.
    code = _CODE.get(txt) if globals is not None and "__builtins__" in globals else None
    SEEN.setdefault(txt, code is not None)
    if _CALLS is not None:
        _CALLS.setdefault(txt, asked)
    if code is None:
        return _ORIGINAL(name, args, body, globals=globals, locals=locals, return_type=return_type)
    # What `exec(txt, globals, ns)` defines: the same code, the same globals.
    return _FUNCTION(code, globals)(**locals)


def dataclass(cls=None, /, **options):
    """`dataclasses.dataclass(cls, **options)`, with its methods' code from the table."""

    def wrap(cls):
        global _CODE
        if _ORIGINAL is None:
            return dataclasses.dataclass(cls, **options)
        with _LOCK:
            if _CODE is None:
                _CODE = _table()
            dataclasses._create_fn = _create_fn
            try:
                return dataclasses.dataclass(cls, **options)
            finally:
                dataclasses._create_fn = _ORIGINAL

    return wrap if cls is None else wrap(cls)


# ------------------------------------------------------------------ the table
def users() -> list[str]:
    """Every module of bkrdsl that makes its classes with this `dataclass`, sorted."""
    from pathlib import Path

    root = Path(__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        if "from bkrdsl.records import dataclass" in path.read_text(encoding="utf-8"):
            parts = path.relative_to(root.parent).with_suffix("").parts
            found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def _made(fn) -> tuple:
    return (fn.__code__, fn.__name__, fn.__qualname__, fn.__annotations__, fn.__defaults__, fn.__kwdefaults__)


def table_text() -> str:
    """The text of `bkrdsl/_records.py` for the modules of `users()`, as this Python compiles them."""
    import builtins
    import importlib

    global _CALLS
    if _ORIGINAL is None:
        raise SystemExit("this Python's dataclasses have no _create_fn: the table cannot be written with it")
    _CALLS = {}
    for module in users():
        importlib.import_module(module)
    # The texts are this module's copy of _create_fn's: check that the real one
    # makes exactly the same function of each (the same code, name for name).
    for txt, (name, args, body, names, returns) in _CALLS.items():
        extra = {"return_type": None} if returns else {}
        scope = {"__builtins__": builtins}
        theirs = _ORIGINAL(name, list(args), list(body), globals=scope, locals=dict.fromkeys(names), **extra)
        local_values = dict.fromkeys(names) | ({"_return_type": None} if returns else {})
        # dont_inherit: compiled as dataclasses compiles it, without this module's __future__ import.
        # S102: exec is how dataclasses itself makes these methods.
        exec(compile(txt, "<string>", "exec", dont_inherit=True), scope, made := {})  # noqa: S102
        ours = made["__create_fn__"](**local_values)
        if _made(ours) != _made(theirs):
            raise SystemExit(f"this Python's dataclasses._create_fn makes other code of:\n{txt}")
    if len(_CALLS) != len(SEEN):
        raise SystemExit("some modules were imported before the table was written: run it in a fresh process")
    out = [
        '"""Generated by `python -m bkrdsl.records --write`: do not edit (see bkrdsl/records.py)."""',
        "",
        "# fmt: off",
        "# ruff: noqa",
        "",
        "# No __future__ import: each text is compiled as dataclasses compiles it.",
        "",
        "#: The fingerprint of the `dataclasses._create_fn` that made these texts (bkrdsl.records).",
        f"CREATE_FN = {_fingerprint(_ORIGINAL)!r}",
        "",
        "CODE = {}",
    ]
    for txt in SEEN:
        out += ["", txt, f"CODE[{txt!r}] = __create_fn__.__code__"]
    out += ["", "del __create_fn__", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    import argparse
    from pathlib import Path

    ap = argparse.ArgumentParser(prog="python -m bkrdsl.records", description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="write bkrdsl/_records.py")
    args = ap.parse_args(argv)
    text = table_text()
    path = Path(__file__).with_name("_records.py")
    if args.write:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({len(SEEN)} methods)")
        return 0
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if current != text:
        print(f"{path} is out of date: run `python -m bkrdsl.records --write`")
        return 1
    print(f"{path} is up to date ({len(SEEN)} methods)")
    return 0


if __name__ == "__main__":  # pragma: no cover - `python -m bkrdsl.records`
    import sys

    from bkrdsl.records import main as _main

    sys.exit(_main())
