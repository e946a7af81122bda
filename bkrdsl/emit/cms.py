"""The CMS rules every generated file obeys, as one checkable function.

The compile command runs `violations` over every artifact before it writes
anything (a file that breaks a rule is a bug or an input the checker let
through; either way nothing reaches z/VM), and the tests run it over every
file of every example.

Rules (domain.md, "CMS files" and "EBCDIC"):
- the path is `FOLDER/FN.FT`: FOLDER a member's name or `cluster`; FN and FT
  1-8 characters of A-Z 0-9 $ # @ + - : _ (upper case only);
- every line is at most 72 columns, and the file ends with a line end;
- only EBCDIC-invariant characters; `$ # @` only inside names that hold them;
- the first line is a comment that names the source and says the file is
  generated and not to be edited (a REXX EXEC's line 1 must be a comment).
"""

from __future__ import annotations

import dataclasses
import re

from bkrdsl import ast
from bkrdsl.emit.common import CLUSTER_FOLDER, MAX_COLUMNS
from bkrdsl.emit.dialect import INVARIANT
from bkrdsl.resolve.model import Model, subconfig_id

NAME_EXTRA = frozenset("$#@")
FILE_NAME = re.compile(r"[A-Z0-9$#@+\-:_]{1,8}\Z")
#: Characters that can be part of a name, to find the name a `$ # @` sits in.
NAME_RUN = re.compile(r"[A-Za-z0-9$#@_+\-:.*%?]+")

_NOT_INVARIANT = re.compile("[^" + re.escape("".join(sorted(INVARIANT))) + "]")

#: How the first line of each file type opens a comment.
COMMENT_OPENERS = {"EXEC": "/*", "CONFIG": "/*"}
DEFAULT_OPENER = "*"


def _words(node, out: set[str]) -> None:
    if isinstance(node, ast.Word):
        out.add(node.text.upper())
    elif isinstance(node, (tuple, list)):
        for item in node:
            _words(item, out)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for f in dataclasses.fields(node):
            _words(getattr(node, f.name), out)


def variant_names(model: Model) -> frozenset[str]:
    """Every name of the model (as written, and derived) that holds `$ # @`."""
    names: set[str] = set()
    _words(model.modules, names)
    names.update(u.id for u in model.user_defs)
    names.update(p.pattern for p in model.pattern_defs)
    for job in model.jobs:
        names.update(name for _, name in model.derived_names(job))
    for member in model.members:
        for worker in model.workers_of(member):
            names.add(worker)
            names.add(subconfig_id(worker, member.ordinal))
        for user in (model.backup_server, model.catalog_server):
            if user:
                names.add(subconfig_id(user, member.ordinal))
    return frozenset(n for n in names if NAME_EXTRA & set(n))


def path_violations(path: str, members: frozenset[str] | None = None) -> list[str]:
    parts = path.split("/")
    if len(parts) != 2:
        return [f"{path}: not FOLDER/FN.FT"]
    folder, name = parts
    out = []
    if folder != CLUSTER_FOLDER and members is not None and folder not in members:
        out.append(f"{path}: folder {folder} is neither a member nor {CLUSTER_FOLDER}")
    fn, dot, ft = name.partition(".")
    if not dot or not FILE_NAME.match(fn) or not FILE_NAME.match(ft):
        out.append(f"{path}: {name} is not a CMS file name FN.FT (1-8 of A-Z 0-9 $ # @ + - : _ each)")
    return out


def _variant_ok(line: str, index: int, names: frozenset[str]) -> bool:
    for run in NAME_RUN.finditer(line):
        if run.start() <= index < run.end():
            text = run.group().upper()
            offset = index - run.start()
            for name in names:
                at = text.find(name)
                while at != -1:
                    if at <= offset < at + len(name):
                        return True
                    at = text.find(name, at + 1)
    return False


def text_violations(path: str, text: str, names: frozenset[str], source: str | None = None) -> list[str]:
    out = []
    if not text.endswith("\n"):
        out.append(f"{path}: does not end with a line end")
    lines = text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")
    # Fast path first (a compile checks every file it writes): one regex scan
    # and one length pass; the line-by-line walk only runs when they find something.
    if max(map(len, lines), default=0) > MAX_COLUMNS or _NOT_INVARIANT.search(text.replace("\n", " ")):
        for number, line in enumerate(lines, 1):
            if len(line) > MAX_COLUMNS:
                out.append(f"{path}:{number}: {len(line)} columns (at most {MAX_COLUMNS})")
            for found in _NOT_INVARIANT.finditer(line):
                index, ch = found.start(), found.group()
                if ch in NAME_EXTRA and _variant_ok(line, index, names):
                    continue
                out.append(f"{path}:{number}:{index + 1}: {ch!r} is not EBCDIC-invariant here")
    first = lines[0] if lines else ""
    filetype = path.rsplit(".", 1)[-1]
    opener = COMMENT_OPENERS.get(filetype, DEFAULT_OPENER)
    head = " ".join(lines[:2]).lower()
    if not first.startswith(opener):
        out.append(f"{path}:1: does not start with a comment ({opener})")
    if "generated" not in head or "do not edit" not in head:
        out.append(f"{path}:1: the opening comment does not say it is generated, do not edit")
    if source is not None and source.lower() not in head:
        out.append(f"{path}:1: the opening comment does not name the source {source}")
    return out


def violations(path: str, text: str, names: frozenset[str], members: frozenset[str], source: str) -> list[str]:
    """Every CMS rule the file at `path` with `text` breaks (empty when it is fine)."""
    return path_violations(path, members) + text_violations(path, text, names, source)
