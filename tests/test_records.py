"""`bkrdsl.records.dataclass`: the standard dataclasses, their methods' code from a table.

The classes must be exactly what `dataclasses.dataclass` makes (same fields,
options, methods' bytecode, names, closures and globals) whether the methods
come from `bkrdsl/_records.py` or are compiled on the spot; and the table must
hold every method bkrdsl's modules ask for, or the speed is silently lost.
Each check runs in a fresh interpreter, where the modules are imported first.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest
from conftest import ROOT

from bkrdsl import records

WRITTEN_WITH = (3, 11)  # the Python `python -m bkrdsl.records --write` ran with

#: Describes every dataclass of the modules that use `bkrdsl.records.dataclass`
#: as JSON; `TABLE` says whether the table is used.
DESCRIBE = r"""
import dataclasses, importlib, inspect, json, sys
import bkrdsl.records as records
if not TABLE:
    records._CODE = {}
modules = [importlib.import_module(m) for m in records.users()]

def value(v):
    if v is None or isinstance(v, (str, int, bool, tuple)):
        return repr(v)
    return getattr(v, "__qualname__", type(v).__qualname__)

def method(fn):
    fn = getattr(fn, "__wrapped__", fn)  # __repr__ is wrapped against recursion
    if not inspect.isfunction(fn):
        return value(fn)
    c = fn.__code__
    return {
        "code": c.co_code.hex(), "consts": repr(tuple(k.co_code.hex() if inspect.iscode(k) else k for k in c.co_consts)), "names": c.co_names,
        "varnames": c.co_varnames, "freevars": c.co_freevars, "qualname": fn.__qualname__,
        "code_qualname": c.co_qualname, "module": fn.__module__,
        "globals": fn.__globals__.get("__name__"), "defaults": value(fn.__defaults__),
        "annotations": {k: value(v) for k, v in fn.__annotations__.items()},
        "closure": [value(cell.cell_contents) for cell in fn.__closure__ or ()],
        "signature": str(inspect.signature(fn)),
    }

out = {}
for module in modules:
    for name, cls in vars(module).items():
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__):
            continue
        out[f"{module.__name__}.{name}"] = {
            "params": repr(cls.__dataclass_params__),
            "fields": [(f.name, value(f.type), value(f.default), f.init, f.repr, f.compare, f.hash)
                       for f in dataclasses.fields(cls)],
            "doc": cls.__doc__, "match_args": value(getattr(cls, "__match_args__", None)),
            "slots": value(cls.__dict__.get("__slots__")),
            "methods": {m: method(cls.__dict__[m]) for m in sorted(cls.__dict__)
                        if m in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__",
                                 "__lt__", "__le__", "__gt__", "__ge__", "__getstate__", "__setstate__")},
        }
print(json.dumps({"classes": out, "from_table": sum(records.SEEN.values()), "seen": len(records.SEEN)}))
"""


def describe(table: bool) -> dict:
    code = f"TABLE = {table}\n{DESCRIBE}"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout)


def test_the_classes_are_those_dataclasses_compiles():
    with_table, without = describe(True), describe(False)
    assert len(with_table["classes"]) > 80  # every module was read
    assert with_table["classes"] == without["classes"]
    assert without["from_table"] == 0


@pytest.mark.skipif(
    sys.version_info[:2] != WRITTEN_WITH,
    reason="the table holds Python 3.11's method texts; other Pythons compile them as before",
)
def test_the_table_is_up_to_date():
    out = subprocess.run(
        [sys.executable, "-m", "bkrdsl.records"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr
    described = describe(True)
    assert described["from_table"] == described["seen"]  # every method came from the table


def test_an_unknown_class_is_compiled_as_before():
    seen = len(records.SEEN)

    @records.dataclass(frozen=True)
    class NotInTheTable:
        very_unlikely_field_name_xyzzy: int
        other: str = "x"

    new = list(records.SEEN.items())[seen:]
    assert new and not any(hit for _, hit in new)
    made = NotInTheTable(1)
    assert made == NotInTheTable(1, "x") and hash(made) == hash(NotInTheTable(1))
    assert repr(made) == f"{NotInTheTable.__qualname__}(very_unlikely_field_name_xyzzy=1, other='x')"
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.other = "y"
    assert dataclasses._create_fn is records._ORIGINAL  # the standard one again afterwards
