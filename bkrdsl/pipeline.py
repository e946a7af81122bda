"""The whole front end in one call: bytes -> AST -> model -> diagnostics.

The CLI, the language server and the tests all go through `analyse`, so each of
them sees exactly the same diagnostics for the same text. `compile_source`
adds the artifacts: the one module that drives both consumers of the model,
the checks and the emitters, which never import each other.
"""

from __future__ import annotations

import contextlib
import gc
from dataclasses import field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from bkrdsl.diagnostics import Diagnostic
from bkrdsl.diagnostics.core import sort_key
from bkrdsl.diagnostics.limit import Collector, Stop
from bkrdsl.records import dataclass
from bkrdsl.resolve import Model, Program, build_model, load
from bkrdsl.resolve.loader import ParsedModules, Read, Reader, ScratchModules, with_import_chains
from bkrdsl.source import Source

if TYPE_CHECKING:
    from bkrdsl import ast
    from bkrdsl.cpdirectory import Directory
    from bkrdsl.dialect import Dialect


@dataclass
class Analysis:
    """What the front end made of a file: the program, its model and every diagnostic."""

    program: Program
    model: Model | None  # None when a syntax or import error stopped the front end
    diagnostics: list[Diagnostic]
    #: The main file is a module: no cluster, but declarations or imports
    #: (see `is_module`). Its SSI rules are checked in the cluster that imports it.
    module: bool = False
    #: Where each file's diagnostics were cut at the error limit (`max_errors`), with
    #: the counts of those left out; empty without a limit.
    stops: list[Stop] = field(default_factory=list)
    #: The site's CP directory the model was checked against (`--directory`), if any.
    directory: Directory | None = None
    #: The warnings a `# bkrc: allow` comment set aside (`diagnostics.allow.Allowed`),
    #: in report order: not in `diagnostics`, and counted as allowed by the reports.
    allowed: list = field(default_factory=list)

    @property
    def name(self) -> str:
        """The main file's name, as the diagnostics give it."""
        main = self.program.main
        return main.file if main is not None else ""

    @property
    def sources(self) -> dict[str, Source]:
        """Every file a diagnostic may point into: the program's, and the directory's."""
        if self.directory is None:
            return self.program.sources
        return {**self.program.sources, self.directory.name: self.directory.source}

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def analyse(
    name: str,
    data: bytes,
    *,
    path: Path | None = None,
    search_path: tuple[Path, ...] = (),
    reader: Reader | None = None,
    dialect: Dialect | None = None,
    directory: Directory | None = None,
    cluster_required: bool = False,
    checks: bool = True,
    parsed: ParsedModules | ScratchModules | None = None,
    max_errors: int = 0,
    main: Read | None = None,
) -> Analysis:
    """Read, parse, resolve and check one main file and its imports. Never raises on input.

    A main file without a cluster that declares users or groups or imports
    modules is a module (`is_module`): it gets every check that can speak
    without the cluster (its syntax, imports and declarations), and neither
    BKR110 nor the rules that need the cluster's members and jobs; those
    show in the cluster file that imports it. With `cluster_required` (`bkrc
    compile`, which has nothing to compile in a module) a module gets BKR110
    too. A file with neither a cluster nor a declaration or import gets BKR110
    in any case.

    `dialect` is the table the files would be written from (default: the
    built-in one): the checks of `bkrdsl/check/tables.py` read it (BKR250,
    BKR251, BKR253, BKR319).

    `directory` is the site's CP source directory (`bkrdsl.cpdirectory`):
    its own diagnostics come first, then, when it could be read, the checks of
    `bkrdsl/check/directory.py` compare the model with it (`registry.directory_codes`;
    the product machines' minidisks as `dialect` places them).
    Without it nothing of it runs: the diagnostics are exactly as before.

    Without `checks`, the model is built but not checked: the diagnostics are
    only those of reading, parsing and importing (what the language server's
    workspace symbols need of a file the editor has not opened: its names).

    `parsed` keeps the imported modules read, for the next analyses (the
    language server's: `loader.ParsedModules`; a rename's, `loader.ScratchModules`,
    keeps its own apart); the diagnostics are the same with it or without.

    `max_errors` N keeps each file's diagnostics up to its Nth error, as the
    report shows them (`limit`), and counts the rest in `Analysis.stops`: a file
    of a million mistakes costs no memory for them (0: every diagnostic kept).

    `main` is the main file already parsed, as `loader.read_text(name, data)` gives
    it (`bkrc init`, whose formatter's proof parsed the text it writes): `load`
    takes it only when `data` decodes to its very Source; the diagnostics are the
    same with it or without."""
    with no_cycle_collection():
        return _analyse(
            name,
            data,
            path=path,
            search_path=search_path,
            reader=reader,
            dialect=dialect,
            directory=directory,
            cluster_required=cluster_required,
            checks=checks,
            parsed=parsed,
            max_errors=max_errors,
            main=main,
        )


def is_module(main: ast.Module | None) -> bool:
    """A file without a cluster that declares users or groups, or imports modules
    (a module that only gathers others): what a cluster file imports."""
    return main is not None and not main.clusters and bool(main.imports or main.users or main.groups)


@contextlib.contextmanager
def no_cycle_collection():
    """The cyclic garbage collector off for a block, then back as it was.

    The front end allocates hundreds of thousands of AST nodes, model entries
    and strings and makes no reference cycles: reference counting frees them
    all, and the collector's passes over an ever larger heap only cost time (a
    third of `check` at 50,000 users). Objects allocated meanwhile are still
    counted against the collector's youngest generation, so a caller that keeps
    the results (the compile command) wraps its whole run, and lets the results
    go before the collector comes back, rather than pay for one pass over them.
    Nested uses leave it to the outermost one."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _analyse(
    name, data, *, path, search_path, reader, dialect, directory, cluster_required, checks, parsed, max_errors, main
) -> Analysis:
    kwargs = {"reader": reader} if reader is not None else {}
    program = load(name, data, path=path, search_path=search_path, parsed=parsed, main=main, **kwargs)
    analysis = analyse_program(
        program,
        dialect=dialect,
        directory=directory,
        cluster_required=cluster_required,
        checks=checks,
        max_errors=max_errors,
    )
    if program.syntax_ok or not checks or program.main is None:
        return analysis

    def again(text: str) -> Analysis:  # the text read and checked once, no MDISK line looked for again
        mended = load(name, text.encode("utf-8"), path=path, search_path=search_path, parsed=parsed, **kwargs)
        return analyse_program(mended, dialect=dialect, directory=directory, cluster_required=cluster_required)

    return _a_disk_for_mdisk(analysis, program.sources[program.main.file], again)


def _a_disk_for_mdisk(analysis: Analysis, source: Source, again) -> Analysis:
    """`MDISK 0191 3390 0001 0010 VMAPV1 MR` pasted into a block, its user not said: the
    syntax error's fix removes the line (`Recovery._heading_removed`), and the file then
    checked (`again`, the analysis of a text) may lack the 191 of a machine, BKR253, whose
    own fix adds the `disk` statement: two rounds of `--fix` for one slip. Where the file
    without the line has exactly one such BKR253 with a fix, the syntax error's fix makes
    both edits, and its help says the statement (BKR253's, `tables.a_disks`, reused as it
    is: the stage that knows the model writes it). Only the first such line of a file,
    and only for a 191; else `analysis` as it is."""
    from bkrdsl.check.tables import A_DISK
    from bkrdsl.diagnostics import MDISK_LINE, Edit, Fix
    from bkrdsl.resolve.model import parse_address

    found = next(
        (
            d
            for d in analysis.diagnostics
            if d.slip is not None
            and d.slip.kind == MDISK_LINE.kind
            and d.fix is not None
            and len(d.fix.edits) == 1
            and parse_address(d.slip.written or "") == A_DISK
            and d.span is not None
            and d.span.file == source.name
        ),
        None,
    )
    if found is None:
        return analysis
    (cut,) = found.fix.edits
    text = source.text
    lacking = [d for d in again(text[: cut.span.start] + cut.new_text + text[cut.span.end :]).diagnostics if d.code == "BKR253"]
    if len(lacking) != 1 or lacking[0].fix is None:
        return analysis
    removed = cut.span.end - cut.span.start
    edits = [cut]
    for edit in lacking[0].fix.edits:
        start = edit.span.start if edit.span.start <= cut.span.start else edit.span.start + removed
        end = edit.span.end if edit.span.end <= cut.span.start else edit.span.end + removed
        if start == cut.span.start:  # where the line was: one edit, the line written over
            edits[0] = Edit(cut.span, cut.new_text + edit.new_text)
        else:
            edits.append(Edit(source.span(start, end), edit.new_text))
    title = lacking[0].fix.title
    fix = Fix(f"{found.fix.title}, and {title[:1].lower()}{title[1:]}", tuple(sorted(edits, key=lambda e: e.span.start)))
    help = (
        f"{found.help.split(';', 1)[0]}, and {lacking[0].help}: a machine without a 191 has no A-disk or PROFILE"
        " EXEC (BKR253)"
    )
    mended = replace(found, fix=fix, help=help)
    return replace(analysis, diagnostics=[mended if d is found else d for d in analysis.diagnostics])


def analyse_program(
    program: Program,
    *,
    dialect: Dialect | None = None,
    directory: Directory | None = None,
    cluster_required: bool = False,
    checks: bool = True,
    max_errors: int = 0,
) -> Analysis:
    """`analyse` after the files are read: the model of a loaded program and its
    checks. The language server calls it on a program it did not read again (a
    quick fix's check, `lsp/fixcheck.py`); the caller turns the collector off."""
    # Every diagnostic goes to one collector as it is found, in the order a stable
    # sort of them all would keep for equal places: reading, then the checks.
    allows, said = _allows(program)
    found = Collector(max_errors, allows)
    found.extend(program.diagnostics)
    found.extend(said)
    if directory is not None:
        found.extend(directory.diagnostics)
    model = None
    module = is_module(program.main)
    if program.syntax_ok and program.main is not None:
        from bkrdsl.check import run_checks
        from bkrdsl.check.structure import no_cluster
        from bkrdsl.check.tables import table_checks

        model = build_model(program.modules)
        if checks:
            run_checks(model, into=found, directory=directory)
            if model.cluster is not None:
                from bkrdsl.dialect import load_dialect

                found.extend(table_checks(model, dialect or load_dialect(), directory))
            elif cluster_required or not module:
                found.add(no_cluster(program.sources[program.main.file], module=module))
            if directory is not None:
                from bkrdsl.check.directory import directory_checks

                found.extend(directory_checks(model, directory, dialect))
    elif checks and program.main is not None:
        # Syntax (or reading, or import) errors: the checks that judge one statement
        # alone still speak, of the statements read whole (a name too long, an
        # address's form), as a compiler reports the type errors of what its parser
        # recovered; none that reads several. The model they read is not kept: with
        # statements lost, nothing else may take it for the file's.
        from bkrdsl.check import run_local_checks

        errors = [d for d in program.diagnostics if d.is_error]
        run_local_checks(build_model(program.modules), program.modules, program.sources, errors, found)
    allowed = []
    if allows is not None:
        if model is not None and model.cluster is not None and checks:
            found.extend(allows.unused(program.sources, directory=directory is not None))
        allowed = sorted(allows.taken, key=lambda a: sort_key(a.diagnostic))
    diagnostics, stops = found.result()
    diagnostics = with_import_chains(program, diagnostics)
    return Analysis(program, model, diagnostics, module, stops, directory, allowed)


def _allows(program: Program):
    """The `# bkrc: allow` comments of the program's files (`diagnostics.allow`), read
    from the comments the parsers kept, and the errors in them; (None, []) where no
    file's text holds `bkrc:` (the allow module not even imported)."""
    if not any("bkrc:" in source.text for source in program.sources.values()):
        return None, []
    from bkrdsl.diagnostics.allow import gather

    return gather(program.modules, program.sources)


def compile_source(
    name: str, data: bytes, *, path=None, search_path=(), dialect: Dialect | None = None, directory=None
):
    """(analysis, artifacts) for one .bkr text: artifacts is None when the input has errors.

    The whole compile short of writing, for tests, benchmarks and the LSP.
    """
    from bkrdsl.dialect import load_dialect
    from bkrdsl.emit.artifacts import emit_all
    from bkrdsl.emit.common import source_label

    # The checks that read the table (bkrdsl.check.tables) see the one the files are written from.
    dialect = dialect or load_dialect()
    analysis = analyse(name, data, path=path, search_path=tuple(search_path), dialect=dialect, directory=directory)
    if not analysis.ok or analysis.model is None:
        return analysis, None
    return analysis, emit_all(analysis.model, source_label(name), dialect)
