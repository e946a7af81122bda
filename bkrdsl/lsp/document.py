"""One open document, analysed: the same pipeline as `bkrc check`, plus an index of names
(built when a request first reads it: `Document.occurrences`).

Nothing here imports pygls: the language server (bkrdsl.lsp.server) feeds
text in and converts what comes out to LSP types. Positions are 0-based lines
and 0-based columns counted in code points; the server converts columns to the
client's units.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from pathlib import Path

from bkrdsl.ast import Medium
from bkrdsl.diagnostics import Diagnostic
from bkrdsl.pipeline import Analysis, analyse
from bkrdsl.records import dataclass
from bkrdsl.resolve.loader import ParsedModules, ScratchModules
from bkrdsl.resolve.model import Model, build_model, split_sfs_path
from bkrdsl.source import Source, Span
from bkrdsl.syntax.reader import normalise, read_file

#: Name kinds the language server navigates. A volume label is navigated and
#: hovered, never renamed: it is a label on the DASD, not a name bkrc gives.
MEMBER, GROUP, USER, JOB, CLUSTER, VOLUME = "member", "group", "user", "job", "cluster", "volume"


@dataclass(frozen=True)
class Occurrence:
    """A name in the text: where, what it names, and whether this is where it is declared."""

    span: Span
    kind: str
    name: str
    definition: bool


@dataclass
class Document:
    """A document's text and what the front end made of it."""

    name: str  # the file name the pipeline used (a path for file: URIs)
    text: str  # normalised: LF line ends, no byte-order mark
    analysis: Analysis
    read: frozenset[Path] = frozenset()  # the files imported, directly or not
    #: The editor's text begins with a byte-order mark that `text` lacks: the
    #: editor counts it as line 1's first character.
    bom: bool = False
    #: Where the pipeline looked for the file and its imports (rename checks
    #: the renamed text again with the same).
    path: Path | None = None
    search_path: tuple[Path, ...] = ()
    #: The model was checked (`bkrc check`'s diagnostics); False for a file not
    #: open analysed for its names only (`pipeline.analyse(checks=False)`):
    #: its diagnostics are then those of reading, parsing and importing.
    checked: bool = True
    #: The dialect table the checks read (the server's `dialect` setting; None:
    #: the built-in one), so rename checks the renamed text against the same.
    dialect: object | None = field(default=None, compare=False, repr=False)
    #: The site's CP directory the checks compare with (the server's `directory`
    #: setting, `cpdirectory.Directory`; None: none), for rename's checks too.
    directory: object | None = field(default=None, compare=False, repr=False)
    #: What workspace symbols search in this document, worked out on the first
    #: search (`features.workspace_symbols`) and kept with the analysis.
    symbols: list | None = field(default=None, compare=False, repr=False)
    #: The semantic tokens' kinds (`semantic.kinds_of`), worked out on the first
    #: request and kept with the analysis.
    semantic: list | None = field(default=None, compare=False, repr=False)
    #: The imported modules already parsed that the analysis used, for the next
    #: analyses of this text (rename checks the renamed texts with it).
    parsed: ParsedModules | ScratchModules | None = field(default=None, compare=False, repr=False)
    #: The lines of each file the analysis read, split once for the many places
    #: a request converts (`lines`).
    split: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)
    #: What completion works out once per analysis and asks again at each keystroke
    #: of a word (`features.completions`): the braces of the text, the names that
    #: fit each place.
    completion: dict = field(default_factory=dict, compare=False, repr=False)
    #: The errors each quick fix would add (`features.fixes_give`), worked out once.
    fixes_give: dict = field(default_factory=dict, compare=False, repr=False)
    #: Set when `text` is not the text analysed: an edit within one word of it, for
    #: which completion answers from the earlier analysis (`features.edited`).
    edited: object | None = field(default=None, compare=False, repr=False)
    #: The model and its names, each made when a request first reads it (`model`,
    #: `occurrences`); a document made of another for the same model
    #: (`features.edited`) shares them.
    names: Names | None = field(default=None, compare=False, repr=False)
    #: The workspace folders the editor named (absolute paths, as its URIs give them):
    #: the paths a message shows are relative to the one that holds them
    #: (`features.shown_path`). None: not told (a document the server made for itself).
    roots: tuple[str, ...] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.names is None:
            self.names = Names(self.analysis)

    @property
    def model(self) -> Model | None:
        """The checked model, or after syntax errors the model of what could be parsed
        (`_model_of`), built when first read: the re-check after a keystroke publishes
        `bkrc check`'s diagnostics, which after a syntax error come from no model."""
        return self.names.model

    @property
    def occurrences(self) -> list[Occurrence]:
        """Every name of the model (`index`), indexed on the first call, once per analysis."""
        return self.names.occurrences()

    @property
    def source(self) -> Source:
        return self.analysis.sources.get(self.name) or Source.of(self.name, self.text)

    @property
    def is_module(self) -> bool:
        """A file without a cluster that declares or imports something: a module that a
        cluster file imports (`pipeline.is_module`)."""
        return self.analysis.module

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """What `bkrc check` says about this file; for a module, its syntax, imports and
        declarations (the SSI rules need the cluster: they show in the file that imports it)."""
        return self.analysis.diagnostics

    # -- positions
    def lines(self, file: str) -> list[str]:
        """The lines of `file` (this document's text, or an imported module's), split
        once: an outline of 10,000 users converts 20,000 places of one file."""
        found = self.split.get(file)
        if found is None:
            source = self.analysis.sources.get(file)
            text = self.text if file == self.name else (source.text if source else "")
            found = self.split[file] = text.split("\n")
        return found

    def offset(self, line: int, column: int) -> int:
        """Offset of a 0-based (line, column) position, clamped to the text."""
        starts = self.source._line_starts
        if line >= len(starts):
            return len(self.text)
        start = starts[line]
        end = self.text.find("\n", start)
        end = len(self.text) if end == -1 else end
        return min(start + max(column, 0), end)

    def occurrence_at(self, line: int, column: int) -> Occurrence | None:
        """The name under a 0-based position (the cursor may sit just after its last character)."""
        at = (line + 1, column + 1)
        for occ in self.occurrences:
            s = occ.span
            if s.file == self.name and (s.line, s.column) <= at <= (s.end_line, s.end_column):
                return occ
        return None

    def occurrences_of(self, kind: str, name: str) -> list[Occurrence]:
        return [o for o in self.occurrences if o.kind == kind and o.name == name]


class Names:
    """The name index of one analysis's model, built on first use and then kept; and,
    after syntax errors, that model itself (`model`).

    The re-check that follows a keystroke publishes diagnostics, which never read
    names: building the index (and `Model.user_defs`, which it is the first to ask
    for) at each re-check cost some 230 M instructions of a keystroke at 10,000
    users (docs/lsp.md, "Keystrokes in a 10,000-user file"). Hover, definition,
    references, highlights, rename, completion and code actions build it when
    they first need it. Nor do a syntax error's diagnostics read a model (`bkrc
    check` builds none then): the model of what could be parsed, which the
    requests answer from, is built by the first that reads it. No lock: the server's handlers all run in the thread of
    its event loop (none is a pygls `thread()` function;
    tests/test_lsp_lazy_names.py checks so), one at a time."""

    __slots__ = ("_analysis", "_built", "_declared", "_model")

    def __init__(self, analysis: Analysis) -> None:
        self._analysis: Analysis | None = analysis
        self._model: Model | None = None
        self._built: list[Occurrence] | None = None
        self._declared: dict[str, list[Span]] | None = None

    @property
    def model(self) -> Model | None:
        """The analysis's model; after syntax errors, which stop `bkrc check` before its
        model (`pipeline.analyse_program`), the model of what could be parsed, built on
        the first call (`_model_of`): a keystroke's re-check, which only publishes
        diagnostics, built it for nothing (docs/lsp.md, "Keystrokes in a 10,000-user
        file")."""
        analysis = self._analysis
        if analysis is not None:
            self._model = _model_of(analysis)
            self._analysis = None
        return self._model

    @property
    def modelled(self) -> bool:
        """Whether the model is at hand (for the tests)."""
        return self._analysis is None

    def occurrences(self) -> list[Occurrence]:
        built = self._built
        if built is None:
            built = self._built = index(self.model)
        return built

    def declared_users(self) -> dict[str, list[Span]]:
        """Each user ID and `match` pattern the index declares, with its declarations'
        places, gathered on the first call (find references on a user asks it of
        each owner pattern: not a walk of the whole index each time). Read only."""
        declared = self._declared
        if declared is None:
            declared = self._declared = {}
            for o in self.occurrences():
                if o.definition and o.kind == USER:
                    declared.setdefault(o.name, []).append(o.span)
        return declared

    @property
    def built(self) -> bool:
        """Whether the index was built (for the tests)."""
        return self._built is not None


def _owners(model: Model):
    """Minidisk owners named by ID in selections (jobs and member-local excludes)."""
    selections = [s for j in model.jobs for s in j.decl.selections]
    selections += [s for m in model.members for s in m.decl.selections]
    for s in selections:
        if s.owner is not None:
            yield s.owner


def _sfs_paths(model: Model):
    """The paths of SFS selections (jobs and member-local excludes)."""
    selections = [s for j in model.jobs for s in j.decl.selections]
    selections += [s for m in model.members for s in m.decl.selections]
    for s in selections:
        if s.medium is Medium.SFS:
            yield from s.items


def index(model: Model | None) -> list[Occurrence]:
    """Every declaration of and reference to a member, group, user (the catalog's
    SFS server and the Tape Manager's machines included), job, cluster or volume label."""
    if model is None:
        return []
    out: list[Occurrence] = []
    add = out.append
    for c in model.clusters:
        add(Occurrence(c.name.span, CLUSTER, c.name.upper, True))
    for m in model.members:
        add(Occurrence(m.decl.name.span, MEMBER, m.name, True))
    if model.cluster is not None:
        for word in model.cluster.member_references():
            add(Occurrence(word.span, MEMBER, word.upper, False))
    for g in model.groups:
        add(Occurrence(g.decl.name.span, GROUP, g.name, True))
    for u in model.user_defs:
        add(Occurrence(u.span, USER, u.id, True))
    for p in model.pattern_defs:
        add(Occurrence(p.span, USER, p.pattern, True))
    for job in model.jobs:
        add(Occurrence(job.decl.name.span, JOB, job.name, True))
        for ref in job.refs:
            if ref.group is not None:
                add(Occurrence(ref.word.span, GROUP, ref.group.name, False))
            elif ref.user is not None or getattr(ref, "pattern", None) is not None:
                add(Occurrence(ref.word.span, USER, ref.word.upper, False))
    known = {u.id for u in model.user_defs} | {m for t in model.tapes for m, _ in t.machines()}
    known |= {c.server for c in model.catalogs if c.server is not None}
    known |= {w for m in model.members for w in model.workers_of(m)}  # `workers N`'s machines
    for word in _owners(model):
        if word.upper in known:
            add(Occurrence(word.span, USER, word.upper, False))
    for word in _sfs_paths(model):
        # `include sfs BKRPOOL:CICSPRD.*`: the user who owns the directories.
        parts = split_sfs_path(word.upper)
        if parts is not None and parts[1] in known:
            s, n = word.span, len(parts[1])
            column, start = s.column + len(parts[0]), s.start + len(parts[0])
            span = Span(s.file, s.line, column, s.line, column + n, start, start + n)
            add(Occurrence(span, USER, parts[1], False))
    for d in model.disks:
        add(Occurrence(d.user.span, USER, d.user.upper, False))
    for setting in model.link_statements:
        # `link BKRBKUP 5697J06C 05E5 RR`: the machine whose entry keeps the LINK, and the owner.
        for word in setting.values[:2]:
            if word.text and (word.upper in known or word is setting.values[0]):
                add(Occurrence(word.span, USER, word.upper, False))
    for m in model.members:
        # A member's `subconfig BKRBKUP BKRBKU-1`: the machine whose instance it names.
        for setting in m.decl.settings_named("subconfig"):
            word = setting.values[0] if setting.values else None
            if word is not None and word.upper in known:
                add(Occurrence(word.span, USER, word.upper, False))
    for c in model.catalogs:
        # The catalog's SFS server is declared where the catalog names it (no group
        # lists it: the catalog makes it exist, as `tape manager` its machines).
        for word in c.decl.server:
            add(Occurrence(word.span, USER, word.upper, word.span == c.server_span))
    for t in model.tapes:
        # The Tape Manager's machines are declared where `tape manager` names them.
        for machine, span in t.machines():
            add(Occurrence(span, USER, machine, True))
    if model.cluster is not None:
        # Volume labels: declared by `shared-volume` and each member's
        # `private-volume`, used by `disk ... on VOLUME`.
        settings = [s for s in model.cluster.settings if s.keyword == "shared-volume"]
        settings += [s for m in model.cluster.members for s in m.settings if s.keyword == "private-volume"]
        for setting in settings:
            for word in setting.values:
                add(Occurrence(word.span, VOLUME, word.upper, True))
    for d in model.disks:
        if d.volume is not None:
            add(Occurrence(d.volume.span, VOLUME, d.volume.upper, False))
    # A name not typed yet (`member` alone above the editor's `}`): the recovery reads
    # it empty, at the token after it (that `}`), which names nothing to go to or rename.
    return [o for o in out if o.name.strip()]


def _model_of(analysis: Analysis) -> Model | None:
    """The checked model, or after syntax errors the model of what could be parsed."""
    if analysis.model is not None:
        return analysis.model
    modules = analysis.program.modules
    if not modules:
        return None
    try:
        return build_model(modules)
    except Exception:  # noqa: BLE001 - navigation is best effort on a broken file
        return None


Reader = Callable[[Path], bytes]


def file_bytes(text: str, bom: bool) -> bytes:
    """The bytes of the file an editor buffer saves to, from its `normalise`d text and
    whether it began with a byte-order mark: the mark written back, so that the reader,
    which drops one mark as a file's, reads a U+FEFF after it as `bkrc check` does (BKR003):
    without it, a buffer of two marks was read as a file of none."""
    return buffer_bytes("\ufeff" + text if bom else text)


def buffer_bytes(text: str) -> bytes:
    """An editor buffer's text as the bytes of a file, for the readers `bkrc` uses.

    A buffer can hold what no UTF-8 file can: a lone UTF-16 surrogate (JSON's
    `"\\ud800"` is valid). It is kept as the bytes Python's `surrogatepass` gives,
    which are not valid UTF-8, so the reader reports it where it stands (BKR002)
    as it would in a file, where a plain encode would raise."""
    return text.encode("utf-8", "surrogatepass")


def analyse_document(
    name: str,
    text: str,
    *,
    path: Path | None = None,
    search_path: tuple[Path, ...] = (),
    reader: Reader | None = None,
    checks: bool = True,
    parsed: ParsedModules | ScratchModules | None = None,
    max_errors: int = 0,
    dialect=None,
    directory=None,
) -> Document:
    """Run the pipeline on an editor buffer; `reader` serves imported files (unsaved buffers first).
    Without `checks`, the model is not checked (`Document.checked`). `parsed`: the
    imported modules already read, by name and bytes (`loader.ParsedModules`)."""
    read: set[Path] = set()
    base = reader or read_file

    def recording(p: Path) -> bytes:
        read.add(p.resolve())
        return base(p)

    bom = text.startswith("\ufeff")
    text = normalise(text)
    analysis = analyse(
        name,
        file_bytes(text, bom),
        path=path,
        search_path=search_path,
        reader=recording,
        checks=checks,
        parsed=parsed,
        max_errors=max_errors,
        dialect=dialect,
        directory=directory,
    )
    read_ = frozenset(read)
    return Document(
        name,
        text,
        analysis,
        read_,
        bom,
        path,
        search_path,
        checks,
        dialect,
        directory=directory,
        parsed=parsed,
    )
