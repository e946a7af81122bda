"""`bkrc compile FILE -o DIR [--dry-run|--check] [--diff] [--force]`: write every member's files.

The front end runs first; any error in the input is printed (on standard
error) and nothing is written (exit 1). Then the emitters produce every file
in memory, the CMS rules are checked over all of them, and `bkrdsl.output`
plans and carries out the write, all or nothing. Exit codes: 0 written (or up
to date), 1 errors in the input or, with --check, DIR out of date, 2 usage or
I/O errors, including files changed by hand without --force (and, with
--dry-run, a compile that would fail: `output.preflight`), 130 interrupted
(Ctrl-C) before DIR was changed, 143 the same for SIGTERM.

With --format json, sarif or gitlab, the diagnostics' document of an input
with no error is held back (`HeldDocument`) until the plan says what DIR
holds, so that it carries what fails the run there (`folder_findings`: a file
changed by hand, a stale DIR under --check ...) and an exit 2's line; with
--format github, those are annotations after the diagnostics'.

The report (`wrote`, and the warnings with it) is printed once the new folder
is built and before the swap (`output.write`'s `before_swap`): a standard
output that cannot take it stops the compile with DIR as it was, so any exit
but 0 means DIR is as it was; a line printed after the swap that cannot be
printed says DIR was written (`after_swap_echo`), and so does a standard
error that cannot take the held document, printed once DIR holds what it will
hold, so that a swap refused after the report is in it (`_document_after_swap`).

Ctrl-C is answered here rather than by click (whose "Aborted!" and exit 1
would read as "errors in the input"): before the report, DIR is as it was
and the exit is 130; from the report on (just before the swap),
`output.Commit` holds Ctrl-C back until the write is reported, so the compile
ends as it would have (exit 0) and says that DIR is complete. SIGTERM takes the same paths (`signals.Terminated`), and SIGHUP (`signals.HungUp`).
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import threading
from collections.abc import Sequence

import click

from bkrdsl.cli.common import (
    BUG_URL,
    DOCUMENT_FORMATS,
    DOCUMENT_PENDING,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    OUTPUT_ERRNOS,
    DocumentCommand,
    InputError,
    OnceOption,
    analyse_arg,
    color_option,
    dialect_option,
    directory_option,
    echo_whole,
    empty_document,
    format_option,
    include_option,
    internal_error_document,
    internal_error_text,
    interrupted_document,
    interruption,
    load_dialect_arg,
    load_directory_arg,
    max_errors_option,
    named,
    print_diagnostics,
    reader_gone,
    silence_streams,
    status_to_stderr,
)
from bkrdsl.terminal import escaped

#: The version of the `--plan-format json` document (docs/output.md); a change
#: that could break a reader gets a new one, a key added keeps it.
PLAN_FORMAT_VERSION = "1"


class PlanReport:
    """The `--plan-format json` document of a `--dry-run` or `--check`: all of
    standard output, printed once as the command exits, whatever stops it. bkrc's
    own lines go to standard error (unless the diagnostics' document is all of it,
    `--format json` or `sarif`), and the warnings and failures among them into
    the document too."""

    def __init__(self, command: str, out_dir: str, fmt: str) -> None:
        self.command = command
        self.out_dir = out_dir
        self.to_stderr = status_to_stderr(fmt)
        self.source: str | None = None
        self.plan = None
        self.lines: dict[str, list[str]] = {"warnings": [], "failures": []}

    def say(self, text: str, into: str | None = None) -> None:
        if self.to_stderr:
            click.echo(text, err=True)
        if into is not None:
            self.lines[into].extend(text.splitlines())

    def failure(self, text: str) -> None:
        self.say(text, "failures")

    def print(self, code: int) -> None:
        from bkrdsl.output import plan_document
        from bkrdsl.terminal import json_text

        planned = plan_document(self.plan) if self.plan is not None else {
            "up_to_date": None, "files": None, "counts": None, "notes": [],
        }
        document = {
            "format_version": PLAN_FORMAT_VERSION,
            "command": self.command,
            "output": self.out_dir,
            "source": self.source,
            "exit_code": code,
            **planned,
            **self.lines,
        }
        echo_whole(json_text(document, ascii_only=True))  # whole: a signal waits for its last byte


#: `ctx.meta` key: the run's HeldDocument, when it has one.
_HELD = "bkrc.compile_held_document"


class HeldDocument:
    """The diagnostics' document (`--format json`, `sarif`, `gitlab`) of a compile
    whose input has no error, held back until the compile knows what it finds in
    DIR, and printed once, on standard error: once DIR holds the new tree
    (`_document_after_swap`), or as the command exits, whatever stops it, a swap
    refused after the report among them (`compile_cmd`). It
    carries what compile finds that fails the run (`findings`, each a
    `RunFinding`: a file changed by hand, a file of the user's where bkrc
    writes one, a DIR not up to date under `--check` ...) and bkrc's lines for
    an exit other than 0 and 1 (`failures`: the run failed), so that the
    document a pipeline uploads says why the job failed. With `--format github`
    the diagnostics' annotations are printed at once, as ever; this prints the
    annotations of `findings` (`github_findings`), and of each failure when there is
    no finding to say it."""

    def __init__(self, analysis, fmt: str, color: str) -> None:
        from types import SimpleNamespace

        # What print_diagnostics reads of the analysis, not the model: it is freed
        # when _compile returns, as before (no_cycle_collection).
        self.analysis = SimpleNamespace(
            diagnostics=analysis.diagnostics,
            sources=analysis.sources,
            allowed=getattr(analysis, "allowed", ()),
            stops=getattr(analysis, "stops", ()),
        )
        self.fmt, self.color = fmt, color
        self.findings: list = []
        self.failures: list[str] = []
        self.done = False
        ctx = click.get_current_context()
        ctx.meta[_HELD] = self
        ctx.meta[DOCUMENT_PENDING] = self.print

    def print(self, failure: tuple[str, str, str] | None = None, failures: Sequence[str] = ()) -> None:
        """Print the document (once); `failure`: an internal error's (line, kind,
        message); `failures`: more of bkrc's lines for why the run failed."""
        if self.done:
            return
        self.done = True
        self.failures.extend(failures)
        click.get_current_context().meta.pop(DOCUMENT_PENDING, None)
        if self.fmt == "github":
            from bkrdsl.diagnostics.render import github_findings, render_github

            failures = [failure[0]] if failure is not None else [] if self.findings else self.failures
            text = github_findings(self.findings) + render_github([], failures=failures)
            if text:
                click.echo(text, nl=False, err=True)
            return
        print_diagnostics(
            [self.analysis], self.fmt, self.color, err=True, failures=self.failures, findings=self.findings,
            failure=failure,
        )


def _held() -> HeldDocument | None:
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(_HELD) if ctx is not None else None


def _say(text: str, err, into: str | None = None) -> None:
    """Print bkrc's own lines: `err` True on standard error, False on standard
    output (with --format json or sarif, whose document is then all of standard
    error: `status_to_stderr`), or a PlanReport, which keeps the warnings and
    failures (`into`) for its document."""
    if isinstance(err, PlanReport):
        err.say(text, into)
    else:
        click.echo(text, err=err)


def _fail(message: str, code: int, *, err=True, into: str | None = "failures") -> None:
    """Print bkrc's own `message` (`_say`) and exit; a run that fails (any exit but
    0 and 1) says it in its held document too (`HeldDocument.failures`)."""
    _say(message, err, into)
    held = _held()
    if held is not None and code not in (EXIT_OK, EXIT_INPUT):
        held.failures.append(message)
    sys.exit(code)


def _artifacts(analysis, source: str, dialect, status: bool, out_dir: str):
    """Every generated file in memory, or exit with the reason there are none
    (exit 1, a clean input's held document carrying it as a finding: `refusals`)."""
    from bkrdsl.emit.artifacts import cms_problems, emit_all
    from bkrdsl.emit.common import EmitError, TableRefused

    held = _held()
    try:
        artifacts = emit_all(analysis.model, source, dialect)
    except EmitError as err:
        code = EXIT_USAGE if isinstance(err, TableRefused) else EXIT_INPUT  # a table: as its load's refusals
        if held is not None and code == EXIT_INPUT:  # an exit 2 is in its failures
            held.findings = [cannot_generate(analysis.model.main_file, str(err))]
        _fail(f"bkrc: cannot compile {escaped(analysis.model.main_file)}: {err}; nothing written", code, err=status)
    # The manifest needs every file's sha256. hashlib lets go of the interpreter
    # while it hashes, so the files are hashed on a second thread while this
    # one checks the CMS rules.
    hashing = threading.Thread(target=lambda: [a.sha256 for a in artifacts], daemon=True)
    hashing.start()
    try:
        problems = cms_problems(analysis.model, artifacts, source)
    finally:
        hashing.join()
    if problems:
        if held is not None:
            held.findings = refusals(problems, artifacts, analysis.model, out_dir)
        lines = [f"bkrc: a generated file would break a CMS rule: {p}" for p in problems]
        _fail("\n".join(lines + ["bkrc: nothing written"]), EXIT_INPUT, err=status)
    return artifacts


#: The help of a file the compile refuses to generate: the checks let its input through.
_REPORT_IT = "the checks should have refused this in the source: please report it, with the .bkr, at " + BUG_URL


def refusals(problems, artifacts, model, out_dir: str) -> list:
    """The CMS rules the generated files would break (`cms_problems`, each a
    `CmsProblem`: its path, its line where the rule names one, and the line bkrc
    prints), as `RunFinding`s (`compile/cms-rule`) for the held document: each at
    the `job` statement of the .bkr that the file is written for (a job template),
    else at the file's path in DIR (a file the compile did not write) and the line
    the rule names."""
    from pathlib import PurePath

    from bkrdsl.diagnostics.core import RunFinding

    by_path = {a.path: a for a in artifacts}
    jobs = {job.name: job for job in model.jobs}
    found = []
    for problem in problems:
        artifact = by_path.get(problem.path)
        job = jobs.get(artifact.source_job) if artifact is not None and artifact.source_job else None
        if job is not None:
            span = job.decl.span
            found.append(
                RunFinding(
                    "compile/cms-rule",
                    span.file,
                    f"a file of job {job.name} would break a CMS rule: {problem}, so the compile stops there and"
                    " writes nothing",
                    f"{_REPORT_IT}; meanwhile change job {job.name} so that its file keeps the rule",
                    span.line,
                )
            )
        else:
            found.append(
                RunFinding(
                    "compile/cms-rule",
                    str(PurePath(out_dir) / problem.path),
                    f"a generated file would break a CMS rule: {problem}, so the compile stops there and writes"
                    " nothing",
                    f"{_REPORT_IT}; meanwhile change what the file is written from",
                    problem.line,
                )
            )
    return found


def cannot_generate(main_file: str, why: str) -> object:
    """An `EmitError` (exit 1: two files of one name, a minidisk that fits no
    volume ...) as the held document's `RunFinding` (`compile/cannot-generate`),
    at the source: the emitter does not say which statement."""
    from bkrdsl.diagnostics.core import RunFinding

    return RunFinding(
        "compile/cannot-generate",
        main_file,
        f"bkrc cannot write the files of {main_file}: {why}, so the compile writes nothing",
        _REPORT_IT,
    )


def _output_folder(ctx, param, value: str) -> str:
    """`-o DIR`: a name (`named`), and not `-`, which elsewhere means a standard
    stream: `-o -` wrote a folder named `-` where standard output was meant."""
    if named(ctx, param, value) == "-":
        raise click.BadParameter(
            "'-' is not standard output here: bkrc compile writes a folder of files"
            " (`--dry-run` or `--diff` print what it would write); for a folder named '-', write './-'"
        )
    return value


def _source_name(ctx, param, value: str | None) -> str | None:
    """`--source-name NAME`: a name (`named`) whose label (`source_label`: its
    base name) is not empty; `dir/` named no file, and its label was the folder."""
    from bkrdsl.emit.common import source_label

    if value is None:
        return None
    named(ctx, param, value)
    base = value.replace("\\", "/").rsplit("/", 1)[-1]
    if not base.strip():
        raise click.BadParameter(
            f"'{escaped(value)}' names no file: its base name (after the last '/') is empty or blank;"
            " name the source file, as 'site/prodssi.bkr'"
        )
    return source_label(value)


def _waiting(status: bool):
    """What WriteLock says while another compile holds DIR."""

    def say(folder: str) -> None:
        _say(f"bkrc: another bkrc compile is writing in {escaped(folder)}; waiting for it to finish", status)

    return say


def _change_warnings(plan, dialect, directory) -> list[str]:
    """What the plan renames on z/VM because a member's number changed (see
    `output.rename_warnings`), and the minidisks it moves on DASD (see
    `output.moved_minidisks`), what it deletes that z/VM keeps (see
    `output.deleted_warnings`), the catalog's SFS server it moves to another
    member (see `output.catalog_moves`), the Tape Manager catalog node it moves
    (see `output.tape_catalog_moves`), the node definitions it changes, whose
    lines the sysprog copied by hand (see `output.node_definitions_changed`), and, without --directory (which checks
    the entries themselves), the users it moves between single-configuration and
    IDENTITY jobs (see `output.kind_moves`), and the members new to DIR, which run
    nothing until set up (see `output.new_members`): the `bkrc: warning:` lines
    said after the plan, and kept in CHANGES.TXT (`_with_changes`)."""
    from bkrdsl import output
    from bkrdsl.emit.template import included_users

    moves = [] if directory is not None else output.kind_moves(plan, lambda text: included_users(text, dialect))
    return [*output.rename_warnings(plan), *output.deleted_warnings(plan), *output.catalog_moves(plan),
            *output.tape_catalog_moves(plan), *output.node_definitions_changed(plan),
            *output.moved_minidisks(plan), *moves, *output.new_members(plan)]


def _warn_renames(lines: list[str], status: bool) -> None:
    """`_change_warnings`, after the plan: on standard error, or standard output
    with --format json or sarif."""
    for line in lines:
        _say(line, status, "warnings")


def _carried_line(carried: str | None, out) -> str | None:
    """What a compile that adds no step says of the CHANGES.TXT it keeps: the
    steps an earlier compile asked for, said once on its terminal, still wait
    there (`_with_changes`)."""
    from bkrdsl.emit.changes import CHANGES_FILE, pending

    if carried is None:
        return None
    n = pending(carried)
    which = f"of {n} earlier compile{'s' * (n != 1)}" if n else "an earlier compile asked for"
    return (
        f"bkrc: {CHANGES_FILE} in {escaped(out)} still lists the steps on z/VM {which}, said once by"
        " the compile that made each change: do them in its order, then erase it"
    )


def _with_changes(plan, artifacts, dialect, directory):
    """The plan with CHANGES.TXT (`emit.changes`): the folder's, as it finds it,
    with a section for this compile's change warnings, if it gives any; those
    warnings, as the terminal gets them; and the file's text when it is kept
    with no section added (`_carried_line`). The file goes into the plan as one
    more file (`output.with_carried`); its copy of the warnings names the folder
    `this folder`, wherever it is."""
    import dataclasses
    from pathlib import Path

    from bkrdsl import output
    from bkrdsl.emit.changes import CHANGES_FILE, changes

    lines = _change_warnings(plan, dialect, directory)
    kept = output.kept_bytes(plan, CHANGES_FILE)
    if not lines and kept is None:
        return lines, None
    here = _change_warnings(dataclasses.replace(plan, out_dir=Path("this folder")), dialect, directory) if lines else []
    manifest = output.kept_bytes(plan, output.MANIFEST)
    after = next((a.identity for a in artifacts if a.identity is not None), None)
    text = kept.decode("utf-8", errors="replace") if kept is not None else None
    artifact = changes(text, output.manifest_compile(manifest), after, plan.source, here)
    output.with_carried(plan, artifact, kept, manifest, artifacts, dialect)
    return lines, text if not lines else None


def _mark_source_only(plan, model, dialect) -> None:
    """The files whose only difference from DIR's is the source name in their
    header (`output.mark_source_only`: the plan marks them, a compile's summary
    counts them), found by emitting them again under the name the last compile
    gave them, and only when it gave another (`output.renamed_source`): a
    compile from the same name never pays for it."""
    from bkrdsl import output
    from bkrdsl.emit.artifacts import emit_all
    from bkrdsl.emit.common import EmitError

    named = output.renamed_source(plan)
    if named is None:
        return
    try:
        before = emit_all(model, named, dialect)
    except EmitError:  # pragma: no cover - this compile's files were emitted: the name is no reason to refuse
        return
    output.mark_source_only(plan, before)


def _echo_diff(plan) -> None:
    """`--diff`: each changed file as `diff -u a/PATH b/PATH` (/dev/null for a file
    created or deleted), paths relative to DIR, in path order."""
    from bkrdsl import output
    from bkrdsl.cli.common import echo_diff

    for change in output.text_changes(plan):
        old = f"a/{change.path}" if change.before is not None else "/dev/null"
        if not change.regular:
            old += " (not a regular file)"
        new = f"b/{change.path}" if change.after is not None else "/dev/null"
        echo_diff(change.before or "", change.after or "", old, new)


def _would_fail(plan) -> str | None:
    """Why the compile could not write DIR (`output.preflight`, which the compile
    runs first, so the reason is the one it would give), or None."""
    from bkrdsl import output

    try:
        output.preflight(plan)
    except output.OutputError as err:
        return str(err)
    return None


class _OutputPath(click.Path):
    """`-o DIR`'s type: a path (`output.make_plan` refuses a file there, in bkrc's own
    words), whose absence says what to give (`bkrc compile FILE` alone said only
    "Missing option '-o' / '--output'.", click's line)."""

    def get_missing_message(self, param, ctx) -> str:
        return "Name the folder to write every member's files to, such as `-o out`: bkrc creates it."


@click.command(
    "compile", cls=DocumentCommand, document_err=True, short_help="Check FILE and write every member's files to DIR."
)
@click.argument("file", callback=named)
@click.option(
    "-o",
    "--output",
    "out_dir",
    cls=OnceOption,
    required=True,
    metavar="DIR",
    type=_OutputPath(),
    callback=_output_folder,
    help="The folder to write: one subfolder per member, cluster/ and manifest.json.",
)
@click.option("--dry-run", is_flag=True, help="Print what would be written, changed and deleted; write nothing.")
@click.option("--check", "check_only", is_flag=True, help="Exit 1 when DIR is not up to date; write nothing.")
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help=(
        "Write nothing; print the plan and a unified diff of every file that would change"
        " (a dry run; with --check, exit 1 when DIR is not up to date)."
    ),
)
@click.option("--force", is_flag=True, help="Overwrite files changed by hand since the last compile.")
@click.option(
    "--plan-format",
    cls=OnceOption,
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help=(
        "With --dry-run or --check: the plan as a table, or as one JSON document on standard output"
        " (every file's action, member, kind, job, sha256 and why it changes; docs/output.md)."
    ),
)
@click.option(
    "--source-name",
    cls=OnceOption,
    metavar="NAME",
    callback=_source_name,
    help=(
        "The source file's name for every file's header and manifest.json (its base name; default:"
        " FILE's, '<stdin>' for '-', '<pipe>' for a pipe named /dev/fd/N)."
    ),
)
@dialect_option
@directory_option
@format_option
@max_errors_option
@color_option
@include_option
def compile_cmd(
    file, out_dir, dry_run, check_only, show_diff, force, plan_format, source_name, dialect_path, directory_path, fmt,
    color, include,
):
    """Check FILE and write every member's files to DIR ('-' reads standard input).

    FILE holds the cluster; a module (a file without one) is compiled through
    the cluster file that imports it. With --directory, FILE is also checked
    against the site's CP source directory, and an error there writes nothing.
    """

    report = None
    if plan_format == "json":
        if show_diff:
            raise click.UsageError("--plan-format json cannot be used with --diff: the diff is text, the document JSON")
        if not (dry_run or check_only):
            raise click.UsageError("--plan-format json is for --dry-run or --check: a compile prints no plan")
        report = PlanReport("check" if check_only else "dry-run", out_dir, fmt)
    try:
        _compile_cmd(
            file, out_dir, dry_run, check_only, show_diff, force, source_name, dialect_path, directory_path, fmt,
            color, include, report,
        )
    except SystemExit as done:
        # The plan first: a standard output that cannot take it (`> /dev/full`) is
        # then in the held document (DocumentCommand.invoke), which said a clean
        # run, printed before it, and the line after it made standard error no JSON.
        if report is not None:
            report.print(done.code if isinstance(done.code, int) else EXIT_USAGE)
        held = _held()
        if held is not None:
            held.print()
        raise
    # Deliberately broad, as DocumentCommand's: a bug is an internal error, its
    # line on standard error (and in the plan's document), standard output the
    # document still; with --format json or sarif, standard error their document.
    except Exception as err:
        if report is None or (isinstance(err, OSError) and err.errno == errno.EPIPE):
            raise
        report.failure(internal_error_text(err))
        if fmt in DOCUMENT_FORMATS:
            internal_error_document(click.get_current_context(), fmt, err, document_err=True, line=False)
        report.print(EXIT_INTERNAL)
        sys.exit(EXIT_INTERNAL)


def _compile_cmd(
    file, out_dir, dry_run, check_only, show_diff, force, source_name, dialect_path, directory_path, fmt, color,
    include, report,
):
    """compile_cmd's body, which always ends in SystemExit (`sys.exit`)."""
    from bkrdsl.signals import HungUp, Terminated

    commit = None
    locks: list = []
    try:
        try:
            # Inside the try: importing the front end and the writer takes a
            # noticeable part of a second, and a Ctrl-C then gets the same answer.
            from bkrdsl.output import Commit
            from bkrdsl.pipeline import no_cycle_collection

            commit = Commit()
            # The model and the files are freed when _compile returns, before the
            # collector is back: it then has nothing large to walk (see the docstring).
            with no_cycle_collection():
                code = _compile(
                    file, out_dir, dry_run, check_only, show_diff, force, source_name, dialect_path,
                    directory_path, fmt, color, include, commit, locks, report,
                )
        except KeyboardInterrupt as err:
            if commit is None or not commit.done:
                word, exit_with = interruption(err)
                state = "is as it was" if os.path.lexists(out_dir) else "was not created"
                line = f"bkrc: {word}; nothing written: {escaped(out_dir)} {state}"
                if _held() is None:
                    # Stopped before a document was held (while the input was read and
                    # checked): the document of a run that failed, and why, as `bkrc
                    # check` prints it, rather than none (json, sarif, gitlab; github's
                    # annotation); none where the input's errors printed one already.
                    interrupted_document(fmt, [line], err=True)
                _fail(line, exit_with, err=report or status_to_stderr(fmt))
            # Only where Ctrl-C could not be held back (not the main thread).
            commit.interrupted, code = True, EXIT_OK
            held = (
                signal.SIGHUP if isinstance(err, HungUp)
                else signal.SIGTERM if isinstance(err, Terminated) else signal.SIGINT
            )
            commit.signum = commit.signum or held
        if commit.interrupted:
            word, _ = interruption(signum=commit.signum)
            line = f"bkrc: {word} after {escaped(out_dir)} was written: it holds every new file"
            after_swap_echo(line, out_dir, err=status_to_stderr(fmt))
        held = _held()
        if held is not None and commit.done:  # DIR holds the new tree: the document last, Ctrl-C still held back
            _document_after_swap(held, out_dir)
        sys.exit(code)
    finally:
        if commit is not None:
            commit.release()
        for lock in locks:
            lock.close()


def _compile(
    file, out_dir, dry_run, check_only, show_diff, force, source_name, dialect_path, directory_path, fmt, color,
    include, commit, locks, report=None,
) -> int:
    """The command; the exit code when it ends well (errors leave through _fail).
    Once `commit.done`, Ctrl-C is held back until compile_cmd releases it; the
    write lock taken here (in `locks`) is let go there too, after the report.
    `report`: the PlanReport of `--plan-format json`, which then takes the plan
    and bkrc's own lines in place of the table."""
    from pathlib import Path

    from bkrdsl import output
    from bkrdsl.emit.common import source_label

    if dry_run and check_only:
        raise click.UsageError("--dry-run and --check cannot be used together")
    # `--diff` alone is `--dry-run --diff`, as Black's and Ruff's `--diff` write
    # nothing: a reviewer asking to see the change never gets it written instead.
    dry_run = dry_run or (show_diff and not check_only)
    # With --format json or sarif the diagnostics are all of standard error, a
    # document a program reads; bkrc's own lines then go to standard output.
    status = report or status_to_stderr(fmt)
    say = report.failure if report is not None else None
    dialect = load_dialect_arg(dialect_path, err=status_to_stderr(fmt), fmt=fmt, document_err=True, say=say)
    directory = load_directory_arg(directory_path, err=status_to_stderr(fmt), fmt=fmt, document_err=True, say=say)
    try:
        analysis = analyse_arg(file, include, dialect, directory=directory, cluster_required=True)
    except InputError as err:
        empty_document(fmt, err=True, reason=str(err))
        _fail(str(err), EXIT_USAGE, err=status)
    if fmt in DOCUMENT_FORMATS:
        # Printed once the compile knows what it finds in DIR (HeldDocument); an
        # input with errors, after its `nothing written` line, so that a standard
        # output that cannot take that line (`> /dev/full`) is in it, not after it.
        HeldDocument(analysis, fmt, color)
    else:
        print_diagnostics([analysis], fmt, color, err=True)
        if fmt == "github":
            HeldDocument(analysis, fmt, color)  # DIR's annotations, after the diagnostics'
    if not analysis.ok or analysis.model is None:
        _fail("bkrc: errors in the input; nothing written", EXIT_INPUT, err=status)

    # What the headers and the manifest name (docs/output.md "Every file").
    source = source_name or source_label(analysis.model.main_file)
    if report is not None:
        report.source = source
    artifacts = _artifacts(analysis, source, dialect, status, out_dir)
    out = Path(out_dir)
    reading = dry_run or check_only
    try:
        if not reading:
            output.refuse_current_folder(out)
        # --dry-run and --check take the lock shared: they wait while a compile
        # writes, and read the tree it wrote, never one about to be swapped out.
        lock = output.WriteLock(out, waiting=_waiting(status), shared=reading)
        locks.append(lock)
        if not reading:
            # What a killed compile left, tidied first (all of it under the lock,
            # whatever process now has the killed one's ID).
            for line in output.recover(out, locked=lock.held):
                click.echo(f"bkrc: {line}", err=status)
        # Each source file read, for the manifest: a module edited is named as such.
        sources = output.source_records(analysis.name, source, analysis.program.sources)
        plan = output.make_plan(out, artifacts, source, locked=lock.held, dialect=dialect, sources=sources)
        # Another user's folders of a compile's name, which this one leaves alone:
        # said, so that the room they take is not a mystery.
        for line in output.others_leftovers(out):
            _say(f"bkrc: {line}", status, "warnings")
        if file != "-":  # a source named as the diagnostics name it (`-` imports from here)
            plan.sources_folder = os.path.dirname(analysis.name)
        warned, carried = _with_changes(plan, artifacts, dialect, directory)
        if report is not None:
            report.plan = plan
    except output.OutputError as err:
        _fail(f"bkrc: {err}", EXIT_USAGE, err=status)
    if reading:
        # What a compile would stop at, looked at under the lock too; then the
        # lock goes before anything is printed, so that a reader that waits
        # (`--diff | less`) never holds a compile back.
        failure = None if plan.up_to_date else _would_fail(plan)
        lock.close()
    _mark_source_only(plan, analysis.model, dialect)
    # `-` is standard input, `<stdin>` as the diagnostics name it: "up to date with -" named nothing.
    named_file = analysis.model.main_file if file == "-" else file
    held = _held()
    if held is not None:
        held.findings = folder_findings(plan, named_file, check_only=check_only, force=force)

    if check_only:
        if plan.up_to_date:
            _say(f"bkrc: {escaped(out)} is up to date", report or False)
            if (line := _carried_line(carried, out)) is not None:
                _say(line, report or False)
            # The answer is DIR's (exit 0), but what a killed compile left beside
            # it, which the next compile removes, is said too (a plan names it).
            for line in output.leftover_warnings(plan):
                _say(f"bkrc: {line}", status, "warnings")
            return EXIT_OK
        if report is None:
            click.echo(output.render_plan(plan, changes_only=True), nl=False)
        if show_diff:
            _echo_diff(plan)
        _warn_renames(warned, status)
        # The answer stays "not up to date" (exit 1), but the compile that would
        # bring DIR up to date must not seem to be all that is missing. A DIR
        # without a manifest stops it too, which no row of the plan shows (a
        # file changed by hand, or not bkrc's, is marked on its row).
        if failure is None and plan.foreign and not force:
            failure = output.foreign_message(plan)
        if failure is not None:
            _say(f"bkrc: warning: a compile would fail: {failure}", status, "warnings")
        said = output.source_changes(plan)  # the module edited, where one was
        _fail(
            f"bkrc: {escaped(out)} is not up to date with {escaped(named_file)}" + (f": {said}" if said else ""),
            EXIT_INPUT,
            err=status,
            into=None,
        )
    if dry_run:
        if report is None:
            click.echo(output.render_plan(plan), nl=False)
        if show_diff:
            _echo_diff(plan)
        _warn_renames(warned, status)
        if plan.blocked and not force:
            _fail(output.blocked_message(plan).rstrip("\n"), EXIT_USAGE, err=status)
        if plan.obstacles and not plan.up_to_date:
            _fail(output.obstacles_message(plan).rstrip("\n"), EXIT_USAGE, err=status)
        if failure is not None:  # up to date: nothing is written, nothing can fail
            _fail(f"bkrc: the compile would fail: {failure}", EXIT_USAGE, err=status)
        return EXIT_OK
    if plan.up_to_date:
        click.echo(f"bkrc: {escaped(out)} is up to date")
        if (line := _carried_line(carried, out)) is not None:
            click.echo(line)
        return EXIT_OK

    def report() -> None:
        # Printed (click.echo flushes each line) once the new folder is complete,
        # Ctrl-C held back, before the swap: a standard output that cannot take
        # the report stops the compile with DIR as it was, so any exit but 0
        # means that (but for a line after the swap, which says DIR was written).
        click.echo(f"bkrc: wrote {output.summary(plan, done=True)}")
        for line in output.source_only_written(plan):
            click.echo(f"bkrc: {line}")
        if (line := _carried_line(carried, out)) is not None:
            click.echo(line)
        for line in output.forced_message(plan) if force else ():
            click.echo(line, err=status)
        _warn_renames(warned, status)

    try:
        left = output.write(plan, force=force, commit=commit, before_swap=report)
    except output.OutputError as err:
        # A swap refused after the report (another program wrote in DIR while it
        # printed, a rename the system refused): in the held document's failures,
        # which compile_cmd prints as the command exits.
        _fail(str(err) if str(err).startswith("bkrc:") else f"bkrc: {err}", EXIT_USAGE, err=status)
    except output.ReportError as err:
        _unreported(err.__cause__, out_dir)
    for line in left:  # the old tree could not be removed: known only after the swap
        after_swap_echo(line, out_dir, err=status)
    return EXIT_OK  # the held document is printed after the swap's last line (_compile_cmd)


def folder_findings(plan, file: str, *, check_only: bool, force: bool) -> list:
    """What the plan finds in DIR that fails the run, as `RunFinding`s for the
    documents and github's annotations (docs/diagnostics.md, "What compile finds
    in DIR"): each file changed by hand (drift), each file of the user's where
    bkrc writes one, a DIR with files but no manifest (none of these with
    --force, which writes over them), each thing in the way (which --force does
    not replace), and, with --check, DIR not up to date, one finding for the
    folder at its manifest.json, naming the files that differ. `file`: the
    source as the command line names it."""
    from pathlib import PurePath

    from bkrdsl import output
    from bkrdsl.diagnostics.core import RunFinding

    if plan.up_to_date:
        return []
    out = str(plan.out_dir)
    command = f"bkrc compile {file} -o {out}"

    def at(rel: str) -> str:
        return str(PurePath(out) / rel)

    found = []
    # A folder where bkrc writes a file is in the way, which says more than the
    # drift its row is marked with too.
    in_the_way = {rel for rel, _, _ in plan.obstacles}
    if not force:
        if plan.foreign:
            found.append(
                RunFinding(
                    "compile/no-manifest",
                    out,
                    f"{out} holds files but no {output.MANIFEST}: it was not written by bkrc, so a compile"
                    " stops there and writes nothing",
                    "choose a new or empty folder, or compile with --force (files bkrc does not write are kept)",
                )
            )
        actions = {a.path: a for a in plan.actions}
        for rel in (p for p in plan.drifted if p not in in_the_way):
            does = "delete" if actions[rel].action == output.DELETE else "overwrite"
            found.append(
                RunFinding(
                    "compile/changed-by-hand",
                    at(rel),
                    f"{rel} in {out} was changed by hand since the last compile (its sha256 is not the one"
                    f" {output.MANIFEST} records): a compile would {does} it, so it stops there and writes nothing",
                    f"move the change into {file} (or the dialect table); --force {does}s it, the hand edit lost",
                    # Where the compile would first change it: the hand edit, when the source changed nothing above.
                    output.first_changed_line(plan, actions[rel]),
                )
            )
        for rel in (p for p in plan.untracked if p not in in_the_way):
            found.append(
                RunFinding(
                    "compile/not-written-by-bkrc",
                    at(rel),
                    f"{rel} in {out} was not written by bkrc ({output.MANIFEST} does not list it), and the"
                    " compile writes a file of that name, so it stops there and writes nothing",
                    f"move it out of {out} (or rename it); --force overwrites it",
                )
            )
    for rel, what, needs in plan.obstacles:
        found.append(
            RunFinding(
                "compile/in-the-way",
                at(rel),
                f"{rel} in {out} is {what}, where bkrc writes {needs}, so a compile stops there and writes nothing",
                f"move it out of {out}: bkrc writes only inside it, and --force replaces only files",
            )
        )
    if check_only:
        changed = [a.path for a in plan.changes if a.path != output.MANIFEST]
        named = ", ".join(changed[:10]) + (f" and {len(changed) - 10} more" if len(changed) > 10 else "")
        counts = output.summary(plan).split(": ", 1)[1]
        said = output.source_changes(plan)
        found.insert(
            0,
            RunFinding(
                "compile/not-up-to-date",
                at(output.MANIFEST),
                f"{out} is not up to date with {file}: {counts}" + (f" ({named})" if named else "")
                + (f"; {said}" if said else ""),
                ("mend what stops a compile (the findings below), then " if found else "")
                + f"write it again (`{command}`) and commit what it writes",
            ),
        )
    return found


def _unreported(err: OSError, out_dir: str) -> None:
    """The report before the swap could not be printed (`output.ReportError`):
    the new folder is removed and DIR is as it was. A reader gone (`| head -0`)
    is 141, quiet, as everywhere; a standard output that cannot take the report
    (`> /dev/full`, a full disk) one line on standard error, exit 2."""
    state = "is as it was" if os.path.lexists(out_dir) else "was not created"
    if isinstance(err, BrokenPipeError) and err.filename is None:
        reader_gone()
    if err.filename is not None or err.errno not in OUTPUT_ERRNOS:
        raise err
    silence_streams()
    shown = f"{escaped(out_dir)} {state}"
    _stdout_failed(f"bkrc: cannot write to standard output: {err.strerror or err}; nothing written: {shown}")


def _stdout_failed(line: str) -> None:
    """Exit 2 with the line for a standard output that cannot take bkrc's lines:
    on standard error, the one stream left; but where standard error is the held
    document's alone (json, sarif, gitlab: `2> diagnostics.json`), in the
    document, printed as the command exits, which then parses (the line before
    or after it made it no JSON)."""
    held = _held()
    if held is not None and not held.done and held.fmt in DOCUMENT_FORMATS:
        held.failures.append(line)
        sys.exit(EXIT_USAGE)
    _fail(line, EXIT_USAGE)


def _document_after_swap(held: HeldDocument, out_dir: str) -> None:
    """Print the held document once DIR holds the new tree (Ctrl-C still held back),
    so that it says what the swap did: a swap refused after the report is in its
    failures (exit 2), which a document printed before the swap could not take back.
    A standard error that cannot take it (`2> /dev/full`) is then exit 2 with DIR
    written, said on standard output, as a line after the swap says it
    (`after_swap_echo`); a reader gone is 141, as everywhere."""
    try:
        held.print()
    except OSError as failure:  # EPIPE is not among OUTPUT_ERRNOS: the group answers it
        if failure.filename is not None or failure.errno not in OUTPUT_ERRNOS:
            raise
        silence_streams(sys.stderr)
        _fail(
            f"bkrc: cannot write the diagnostics' document to standard error: {failure.strerror or failure};"
            f" {escaped(out_dir)} was written: it holds every new file",
            EXIT_USAGE,
            err=False,
        )


def after_swap_echo(line: str, out_dir: str, *, err: bool) -> None:
    """Print a line that comes after the swap (a warning, `interrupted after`),
    when DIR holds the new tree whatever happens: a standard output that cannot
    take it (`--format json` prints these there) is one line that says DIR was
    written, exit 2, on standard error or in the held document (`_stdout_failed`).
    A reader gone is 141, as everywhere."""
    try:
        click.echo(line, err=err)
    except OSError as failure:  # EPIPE is not among OUTPUT_ERRNOS: the group answers it
        if failure.filename is not None or failure.errno not in OUTPUT_ERRNOS:
            raise
        silence_streams()
        _stdout_failed(
            f"bkrc: cannot write to standard output: {failure.strerror or failure};"
            f" {escaped(out_dir)} was written: it holds every new file"
        )


COMMANDS = [compile_cmd]
