"""The CMS rules every generated file obeys, as one checkable function.

The compile command runs `problems` (`violations` on every artifact) before
it writes anything (a file that breaks a rule is a bug or an input the checker
let through; either way nothing reaches z/VM), and the tests run it over every
file of every example. Most files pass, so a few passes in C over each
distinct piece of text (`fits_rules`) come first; the line-by-line walk that
names each break runs only on a file they fail.

Rules (domain.md, "CMS files" and "EBCDIC"):
- the path is `FOLDER/FN.FT`: FOLDER a member's name or `cluster`; FN and FT
  1-8 characters of A-Z 0-9 $ # @ + - : _ (upper case only); README.TXT
  and CHANGES.TXT, at the folder's top, are the files that stay off the
  host (their first line is plain text, not a comment);
- every line is at most 72 columns, and the file ends with a line end; a CP
  directory file's (`ID DIRECT`) at most 71, the last column DIRECTXA reads
  (`width_of`): comments too, so that no record uses a column it skips;
- only EBCDIC-invariant characters; `$ # @` only inside names that hold them
  (a name as typed at a terminal, `"` before its `#` and `@`, is one);
- the first line is a comment that names the source and says the file is
  generated and not to be edited (a REXX EXEC's line 1 must be a comment).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable

from bkrdsl import ast
from bkrdsl.emit.common import DIRECTORY, Artifact
from bkrdsl.emit.quoting import fits_rules
from bkrdsl.emit.readme import CHANGES_FILE, README_FILE
from bkrdsl.generated import CLUSTER_FOLDER, DIRECTORY_COLUMNS, INVARIANT, MAX_COLUMNS
from bkrdsl.resolve.model import Model

NAME_EXTRA = frozenset("$#@")
FILE_NAME = re.compile(r"[A-Z0-9$#@+\-:_]{1,8}\Z")
#: Characters that can be part of a name, to find the name a `$ # @` sits in;
#: `"#` and `"@` too: a name as an operator types it at a terminal, with CP's
#: logical escape before its line end and character delete (BKR308).
NAME_RUN = re.compile(r'(?:[A-Za-z0-9$#@_+\-:.*%?]|"[#@])+')

_NOT_INVARIANT = re.compile("[^" + re.escape("".join(sorted(INVARIANT))) + "]")

#: The longest line of each kind of artifact that may not reach MAX_COLUMNS:
#: a CP directory record ends by column 71, the last one DIRECTXA reads.
_WIDTHS = {DIRECTORY: DIRECTORY_COLUMNS}


class CmsProblem(str):
    """One CMS rule a generated file breaks, with its parts as fields: `path` (the
    file's, `FOLDER/FN.FT`), `line` and `column` where the rule names them (None
    where it does not), and `message`. It is also the line bkrc prints for it,
    `PATH: MESSAGE`, `PATH:LINE: MESSAGE` or `PATH:LINE:COLUMN: MESSAGE` (a `str`,
    so that what prints or compares the problems is as it was); a caller that
    needs the file or the line reads the fields (`cli.compile.refusals`), never
    the text: a CMS file name may hold `:` (`DEV1/A:1.TEMPLATE`), and a file type
    a site's dialect table names may too, so the text cannot be split back."""

    path: str
    message: str
    line: int | None
    column: int | None

    def __new__(cls, path: str, message: str, line: int | None = None, column: int | None = None):
        place = path if line is None else f"{path}:{line}" if column is None else f"{path}:{line}:{column}"
        self = super().__new__(cls, f"{place}: {message}")
        self.path, self.message, self.line, self.column = path, message, line, column
        return self

    def __getnewargs__(self):  # a copy or a pickle is made from the fields, not from the text
        return (self.path, self.message, self.line, self.column)


def width_of(kind: str | None) -> int:
    """The longest line a generated file of this artifact kind may hold."""
    return _WIDTHS.get(kind, MAX_COLUMNS)


def _longest(text: str) -> int:
    return max(map(len, text.split("\n")))


def _too_long(width: int) -> str:
    return f"at most {width}, the last column DIRECTXA reads" if width == DIRECTORY_COLUMNS else f"at most {width}"


#: How the first line of each file type opens a comment (README.TXT's is plain text).
COMMENT_OPENERS = {"EXEC": "/*", "CONFIG": "/*", "TXT": ""}
DEFAULT_OPENER = "*"

#: Fields whose words the model lists already: the names of every `user`
#: declaration and every group entry are `model.user_defs` and
#: `model.pattern_defs`. They are most of a large cluster's words, so the
#: walk below leaves them to those lists.
_LISTED_ELSEWHERE = {(ast.UserDecl, "names"), (ast.GroupDecl, "entries")}


@functools.cache
def _walked_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if (cls, f.name) not in _LISTED_ELSEWHERE)


def _words(node, out: set[str]) -> None:
    if isinstance(node, ast.Word):
        out.add(node.text.upper())
    elif isinstance(node, (tuple, list)):
        for item in node:
            _words(item, out)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for name in _walked_fields(type(node)):
            _words(getattr(node, name), out)


def _has_extra(name: str) -> bool:
    return "$" in name or "#" in name or "@" in name


def variant_names(model: Model) -> frozenset[str]:
    """Every name of the model (as written, and derived) that holds `$ # @`."""
    names: set[str] = set()
    _words(model.modules, names)
    names.update(u.id for u in model.user_defs if _has_extra(u.id))
    names.update(p.pattern for p in model.pattern_defs if _has_extra(p.pattern))
    for job in model.jobs:
        names.update(name for _, name in model.derived_names(job))
        # An SFS include's paths as its records write them, once per owner
        # (`BKRPOOL:CICS*.*#` is `BKRPOOL:CICSPRD.*#`): no word spells those.
        # `include_owners` is the templates' own answer, worked out once per job.
        for selection, owners in zip(job.includes, model.include_owners(job)):
            if selection.medium is ast.Medium.SFS:
                names.update(owners)
    # Every machine bkrc writes an entry for (workers BKRWRKnn are derived) and
    # every SUBCONFIG ID (TR$TMM01 on member 2 is TR$T01-2).
    names.update(model.product_machines())
    names.update(sid for _, _, sid in model.subconfigs())
    return frozenset(n for n in names if _has_extra(n))


def path_violations(path: str, members: frozenset[str] | None = None) -> list[CmsProblem]:
    if path in (README_FILE, CHANGES_FILE):  # at the folder's top beside manifest.json: not uploaded
        return []
    parts = path.split("/")
    if len(parts) != 2:
        return [CmsProblem(path, "not FOLDER/FN.FT")]
    folder, name = parts
    out = []
    if folder != CLUSTER_FOLDER and members is not None and folder not in members:
        out.append(CmsProblem(path, f"folder {folder} is neither a member nor {CLUSTER_FOLDER}"))
    fn, dot, ft = name.partition(".")
    if not dot or not FILE_NAME.match(fn) or not FILE_NAME.match(ft):
        out.append(CmsProblem(path, f"{name} is not a CMS file name FN.FT (1-8 of A-Z 0-9 $ # @ + - : _ each)"))
    return out


def _variant_ok(line: str, index: int, names: frozenset[str]) -> bool:
    for run in NAME_RUN.finditer(line):
        if run.start() <= index < run.end():
            # The name without its logical escapes, and where index falls in it.
            text = run.group().upper().replace('"', "")
            offset = index - run.start() - line.count('"', run.start(), index)
            for name in names:
                at = text.find(name)
                while at != -1:
                    if at <= offset < at + len(name):
                        return True
                    at = text.find(name, at + 1)
    return False


def _first_lines(text: str) -> list[str]:
    """The file's first two lines (fewer in a shorter file), without splitting the rest."""
    end = text.find("\n")
    if end == -1:
        return [text]
    second_end = text.find("\n", end + 1)
    if second_end != -1:
        return [text[:end], text[end + 1 : second_end]]
    second = text[end + 1 :]  # a last line without its line end
    return [text[:end], second] if second else [text[:end]]


def _comment_text(line: str, opener: str) -> str:
    """A comment line's text, without its `/* ... */` or leading `*`."""
    text = line.strip()
    text = text.removeprefix(opener)
    if opener == "/*" and text.endswith("*/"):
        text = text[:-2]
    return text.strip()


def _lines_to_walk(text: str, width: int = MAX_COLUMNS):
    """(number, line) of each line that may break a rule: every line, unless
    the only characters outside the invariant set are `$ # @` (in a cluster
    whose names hold them, the usual reason a file fails the fast check) and
    no line is longer than `width`, and then only the lines that hold one."""
    if not fits_rules(text, names=True) or _longest(text) > width:
        lines = text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")
        return enumerate(lines, 1)
    starts = set()
    for ch in NAME_EXTRA:
        at = text.find(ch)
        while at != -1:
            starts.add(text.rfind("\n", 0, at) + 1)
            end = text.find("\n", at)
            at = text.find(ch, end) if end != -1 else -1
    out = []
    number, previous = 1, 0
    for start in sorted(starts):
        number += text.count("\n", previous, start)
        previous = start
        end = text.find("\n", start)
        out.append((number, text[start:] if end == -1 else text[start:end]))
    return out


def text_violations(
    path: str,
    text: str,
    names: frozenset[str],
    source: str | None = None,
    *,
    fits: bool | None = None,
    width: int = MAX_COLUMNS,
) -> list[CmsProblem]:
    """Every rule the text of the file at `path` breaks, its lines at most `width` long.

    `fits` is what `fits_rules(text)` says, with no line longer than `width`,
    when the caller knows it already (see `problems`): only when it is False
    are the lines walked one by one, to name each line and character that
    breaks a rule.
    """
    out = []
    if not text.endswith("\n"):
        out.append(CmsProblem(path, "does not end with a line end"))
    if fits is None:
        fits = fits_rules(text) and _longest(text) <= width
    if not fits:
        for number, line in _lines_to_walk(text, width):
            if len(line) > width:
                out.append(CmsProblem(path, f"{len(line)} columns ({_too_long(width)})", number))
            for found in _NOT_INVARIANT.finditer(line):
                index, ch = found.start(), found.group()
                if ch in NAME_EXTRA and _variant_ok(line, index, names):
                    continue
                out.append(CmsProblem(path, f"{ch!r} is not EBCDIC-invariant here", number, index + 1))
    return out + _head_violations(path, _first_lines(text), source)


def _head_violations(path: str, head_lines: list[str], source: str | None) -> list[CmsProblem]:
    """What the opening comment (`head_lines`, the file's first two lines) lacks."""
    out = []
    first = head_lines[0] if head_lines else ""
    filetype = path.rsplit(".", 1)[-1]
    opener = COMMENT_OPENERS.get(filetype, DEFAULT_OPENER)
    # What the comment says, read across its lines: a long source name wraps
    # `... from NAME: do not edit.` onto the second line, each line framed.
    head = " ".join(_comment_text(line, opener) for line in head_lines).lower()
    if not first.startswith(opener):
        out.append(CmsProblem(path, f"does not start with a comment ({opener})", 1))
    if "generated" not in head or "do not edit" not in head:
        out.append(CmsProblem(path, "the opening comment does not say it is generated, do not edit", 1))
    if source is not None and source.lower() not in head:
        out.append(CmsProblem(path, f"the opening comment does not name the source {source}", 1))
    return out


def violations(
    path: str, text: str, names: frozenset[str], members: frozenset[str], source: str, kind: str | None = None
) -> list[CmsProblem]:
    """Every CMS rule the file at `path` with `text`, an artifact of `kind`,
    breaks (empty when it is fine)."""
    return path_violations(path, members) + text_violations(path, text, names, source, width=width_of(kind))


def _is_joined(parts: tuple[str, ...], text: str) -> bool:
    """True when `text` is exactly `parts` joined, each part but the last ending a line."""
    at = 0
    for index, part in enumerate(parts):
        if not text.startswith(part, at) or (index < len(parts) - 1 and not part.endswith("\n")):
            return False
        at += len(part)
    return at == len(text)


def _whole_lines(parts: tuple[str, ...]) -> bool:
    """True when each part but the last ends a line (`text` is theirs by construction)."""
    return all(part.endswith("\n") for part in parts[:-1])


def _fits(artifact: Artifact, known: dict[int, bool]) -> bool:
    """`fits_rules` of the artifact's text, reading each distinct part once.

    A rule on lines holds for the whole text when it holds for each of the
    parts it is joined from (each a run of whole lines), so a piece that many
    files share (an IDENTITY job's records on every member) is read once per
    compile. `known` maps parts already read (by identity: the artifacts keep
    them alive) to the answer. An artifact whose emitter read its text so
    already (`Artifact.fits`: an EXEC) gives that answer, and a part its
    emitter showed fits (`Artifact.proven`: a large block of records) is not read.
    """
    if artifact.fits is not None:
        return artifact.fits
    parts = artifact.parts
    if not parts or not (_whole_lines(parts) if artifact.joined else _is_joined(parts, artifact.text)):
        return fits_rules(artifact.text)
    for part in parts:
        fits = known.get(id(part))
        if fits is None:
            fits = known[id(part)] = artifact.proven(part) or fits_rules(part)
        if not fits:
            return False
    return True


def problems(
    artifacts: Iterable[Artifact], members: frozenset[str], source: str, names: Callable[[], frozenset[str]]
) -> list[CmsProblem]:
    """Every CMS rule any artifact breaks, file by file, as `violations` reports them
    (each a `CmsProblem`: its path, line, column and message, and its line as text).

    `names` gives `variant_names`: it walks the whole AST, so it is called
    at most once, and only when a file that fails the fast check holds `$ # @`.
    """
    out: list[CmsProblem] = []
    known: dict[int, bool] = {}
    found: frozenset[str] | None = None
    for artifact in artifacts:
        out += path_violations(artifact.path, members)
        width = width_of(artifact.kind)
        fits = _fits(artifact, known) and (width == MAX_COLUMNS or _longest(artifact.text) <= width)
        if not fits and found is None and any(c in artifact.text for c in NAME_EXTRA):
            found = names()
        if fits and artifact.joined:
            out += _joined_violations(artifact.path, artifact.parts, source)
        else:
            out += text_violations(artifact.path, artifact.text, found or frozenset(), source, fits=fits, width=width)
    return out


def _joined_violations(path: str, parts: tuple[str, ...], source: str | None) -> list[CmsProblem]:
    """`text_violations` of the text `parts` make up, when each part fits the rules
    (`fits_rules`), read from the parts: its end and its first two lines, never
    the whole text joined (megabytes for a large cluster's templates)."""
    out = []
    last = next((part for part in reversed(parts) if part), "")
    if not last.endswith("\n"):
        out.append(CmsProblem(path, "does not end with a line end"))
    head = ""
    for part in parts:
        head += part
        if head.count("\n") >= 2:
            break
    return out + _head_violations(path, _first_lines(head), source)
