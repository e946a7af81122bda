"""`bkrc check`, `bkrc explain`, `bkrc rules`."""

from __future__ import annotations

import os
import sys
from dataclasses import field

import click

from bkrdsl.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    DocumentCommand,
    InputError,
    analyse_arg,
    color_option,
    cut_and_shared,
    dialect_option,
    directory_option,
    empty_document,
    exit_code,
    expand_folders,
    format_option,
    include_option,
    interrupted_document,
    interruption,
    load_dialect_arg,
    load_directory_arg,
    max_errors_option,
    named,
    print_diagnostics,
    read_input,
    real_file,
    stdin_once,
)
from bkrdsl.records import dataclass
from bkrdsl.terminal import escaped


@click.command("check", cls=DocumentCommand, short_help="Check FILE... (a cluster, or a module) against the SSI rules.")
@click.argument("files", nargs=-1, required=True, callback=named)
@click.option(
    "--fix",
    is_flag=True,
    help="Apply the fixes the diagnostics carry (none that would add an error); report what is left.",
)
@dialect_option
@directory_option
@format_option
@max_errors_option
@color_option
@include_option
def check_cmd(files, fix, dialect_path, directory_path, fmt, color, include):
    """Check FILE... (the cluster and everything it imports); '-' reads standard input.

    A FILE that is a folder: every .bkr file under it, in path order (not in
    hidden folders, node_modules, __pycache__, symbolic links to folders or bkrc
    compile's output folders); a folder with more than 20,000 folders below it,
    or none of them .bkr files, is exit 2, as is one more than 100 levels down.

    A FILE without a cluster is a module: its syntax, imports and declarations
    are checked, and the SSI rules in the cluster that imports it.

    With --fix, each FILE is rewritten in one step with the fixes its diagnostics
    carry (docs/diagnostics.md#fixes), checked again and fixed again until no
    fix is left; a file with none is not touched. A fix that would add an error
    is not applied, and a line says why. What remains is reported, and a last
    line per FILE says how many fixes were applied (their codes) and what is left. Ctrl-C
    names the files fixed and those left as they were.

    With --dialect, the checks that read the dialect table read that one, as
    `bkrc compile --dialect` does (a site without DirMaint: BKR254 checks the
    extents its `disk_allocation = "sequential"` hands out).

    With --directory, the .bkr files are also checked against the site's CP
    source directory (USER DIRECT): each user's kind, the users groups and
    jobs name, the members each backed-up IDENTITY and each product machine
    is built on, the minidisks selections name, and what deploying the
    product machines' entries would change there (docs/directory.md).
    """
    stdin_once(files)
    files = expand_folders(files)
    if fix and "-" in files:
        line = "bkrc: --fix rewrites files; it cannot rewrite standard input"
        click.echo(line, err=True)
        empty_document(fmt, err=False, reason=line)
        sys.exit(EXIT_USAGE)
    dialect = load_dialect_arg(dialect_path, fmt=fmt)
    directory = load_directory_arg(directory_path, fmt=fmt)
    done: list[FileFix] = []  # --fix: each FILE it finished, in order
    try:
        code = _check(files, fix, fmt, color, include, done, dialect, directory, files.unread)
    except KeyboardInterrupt as err:
        word, exit_with = interruption(err)  # Ctrl-C, or SIGTERM (a cancelled pipeline job)
        lines = list(interrupted(files, done, include, word, dialect_path, directory_path)) if fix else [f"bkrc: {word}"]
        for line in lines:
            click.echo(line, err=True)
        # The document of standard output, unless printed: a clean run's is not said.
        interrupted_document(fmt, lines, err=False)
        sys.exit(exit_with)
    sys.exit(code)


def _check(files, fix, fmt, color, include, done: list[FileFix], dialect=None, directory=None, unread=None) -> int:
    """The command: check (and with --fix, fix) each FILE, report; the exit code
    (`unread`: `Expanded.unread`, what to say of a name in `files` not to be read)."""
    analyses = []
    rewritten: list[tuple[int, str]] = []  # (when, the file's real path) for each file --fix replaced
    failures: list[str] = []  # bkrc's line for each FILE it could not read or write
    for arg in files:
        try:
            if fix:
                analysis, written = fix_arg(arg, include, done, dialect, directory, unread=unread)
                if written:
                    rewritten.append((len(analyses), os.path.realpath(arg)))
            else:
                analysis = analyse_arg(arg, include, dialect, directory=directory, unread=unread)
            analyses.append((arg, analysis))
        except InputError as err:
            click.echo(str(err), err=True)
            failures.append(str(err))
            if isinstance(err, UnwritableError):
                analyses.append((arg, err.analysis))
            elif fix:
                done.append(FileFix(arg, unreadable=True))
    for n, (arg, analysis) in enumerate(analyses):
        # A FILE checked before --fix replaced a module it imports (`bkrc check --fix
        # cluster.bkr site.bkr`) is reported as it is now, not with the module's old text.
        read = {os.path.realpath(name) for name in analysis.sources}
        if any(when > n and path in read for when, path in rewritten):
            try:
                analyses[n] = (arg, analyse_arg(arg, include, dialect, directory=directory, unread=unread))
            except InputError as err:
                click.echo(str(err), err=True)
                failures.append(str(err))
    # A module two FILEs import, cut at the error limit in either: its report is the
    # union of both lists, so those FILEs are read again with every diagnostic kept.
    for n in cut_and_shared([analysis for _, analysis in analyses]):
        arg = analyses[n][0]
        try:
            analyses[n] = (arg, analyse_arg(arg, include, dialect, directory=directory, limit=0, unread=unread))
        except InputError as err:
            click.echo(str(err), err=True)
            failures.append(str(err))
    if fix:
        checked = dict(analyses)
    analyses = [analysis for _, analysis in analyses]
    print_diagnostics(analyses, fmt, color, modules=[a.name for a in analyses if a.module], failures=failures)
    if fix:
        for line in summary(done, checked):
            click.echo(line, err=True)
    code = max([exit_code(a.diagnostics) for a in analyses] + [EXIT_OK])
    return EXIT_USAGE if failures else code


class UnwritableError(InputError):
    """--fix could not replace a file: the analysis of the file as it is."""

    def __init__(self, message: str, analysis) -> None:
        super().__init__(message)
        self.analysis = analysis


@dataclass
class FileFix:
    """What --fix did to one FILE: for the summary, and for the note after Ctrl-C."""

    arg: str
    applied: list = field(default_factory=list)  # the diagnostics whose fixes are in the file
    not_applied: list = field(default_factory=list)  # fixes.NotApplied: left out, they add errors
    written: bool = False
    unwritable: bool = False  # fixes found, but the file could not be replaced
    unreadable: bool = False  # the FILE could not be read
    stopped: bool = False  # fixes.Fixed.stopped: the rounds ran out with fixes left
    surfaced: list = field(default_factory=list)  # fixes.Fixed.surfaced: applied, their diagnostics shown by no check
    held: list = field(default_factory=list)  # fixes.Fixed.held: warnings shown by no check, their fixes not applied


def fix_arg(arg: str, include, done: list[FileFix], dialect=None, directory=None, *, unread=None):
    """Fix one FILE argument in place (`bkrc check --fix`): the analysis of what it holds
    afterwards, and whether it was replaced; what was fixed goes on `done` (before a
    Ctrl-C held back while the file was written is let go). Raises InputError when it
    cannot be read or written (`unread`: as `read_input`'s)."""
    from bkrdsl.fixes import fix_all
    from bkrdsl.output import Commit, replace_file
    from bkrdsl.pipeline import analyse
    from bkrdsl.resolve import default_search_path
    from bkrdsl.syntax.reader import decode

    name, data, path = read_input(arg, rewrite="to check it, leave out --fix", unread=unread)
    search_path = default_search_path(tuple(include))
    _, unreadable = decode(name, data)
    if any(d.fix is None for d in unreadable):  # binary, not UTF-8: nothing to fix, only to report
        done.append(FileFix(arg))
        return analyse(name, data, path=path, search_path=search_path, dialect=dialect, directory=directory), False
    # The text as written: the fixes keep its byte-order mark and its line ends, each
    # line's own (fix_all maps the offsets of the text bkrc reads onto it).
    fixed = fix_all(
        data.decode("utf-8"),
        name,
        lambda text: analyse(name, text.encode("utf-8"), path=path, search_path=search_path, dialect=dialect, directory=directory),
    )
    result = FileFix(arg, fixed.applied, fixed.not_applied, stopped=fixed.stopped, surfaced=fixed.surfaced, held=fixed.held)
    if not fixed.applied:
        done.append(result)
        _say_not_applied(fixed.not_applied, fixed)
        return fixed.analysis, False
    with Commit() as commit:
        try:
            left = replace_file(path, fixed.text.encode("utf-8"), was=data)
        except OSError as err:
            # The file is as it was: report what it holds, as without --fix.
            unfixed = analyse(name, data, path=path, search_path=search_path, dialect=dialect, directory=directory)
            done.append(FileFix(arg, unwritable=True))
            raise UnwritableError(f"bkrc: {escaped(name)}: cannot write: {err.strerror or err}", unfixed) from None
        result.written = True
        done.append(result)  # said in the summary's line for the file (or, after Ctrl-C, among those fixed)
        if left:
            click.echo(f"bkrc: warning: {left}", err=True)
    if commit.interrupted:
        commit.reraise()
    _say_not_applied(fixed.not_applied, fixed)
    return fixed.analysis, True


def _say_not_applied(not_applied, fixed=None) -> None:
    """The lines on what --fix did that `check` had not shown (`fixed`: fixes.Fixed),
    then one per fix left out."""
    if fixed is not None:
        for d in fixed.surfaced:
            click.echo(
                f"applied, though check had not shown it (it appeared once the syntax was mended): "
                f"the fix for {d.code} at {_where(d)} ({d.fix.title})",
                err=True,
            )
        for d in fixed.held:
            click.echo(
                f"held back: the fix for warning {d.code} at {_where(d)} ({d.fix.title}): check had not shown "
                "the warning, which appeared only once other fixes were applied; read it below, and run --fix "
                "again to apply it",
                err=True,
            )
    for left in not_applied:
        click.echo(_not_applied_line(left), err=True)


def _not_applied_line(left) -> str:
    """One line: which fix --fix left out, where, and the errors it would add."""
    d = left.diagnostic
    gives = "; ".join(f"{g.code} at {_where(g)}: {g.message}" for g in left.gives)
    return f"not applied: the fix for {d.code} at {_where(d)} ({d.fix.title}) would give {gives}"


def _where(d) -> str:
    return f"{d.span.file}:{d.span.line}:{d.span.column}" if d.span is not None else "(no place)"


def summary(done: list[FileFix], checked: dict) -> list[str]:
    """--fix's last lines, one per FILE (`checked`: each FILE's analysis): how many
    fixes it applied and left out, and what is left, in it and in what it imports;
    then one per other file with something left (a module the FILEs import), which
    only a --fix of that file mends."""

    def where(d) -> str:
        return real_file(d.span.file) if d.span is not None else ""

    lines = []
    given: set[str] = set()
    others: dict[str, list] = {}  # the problems left in files no FILE names, by real path
    names: dict[str, str] = {}
    for one in done:
        key = real_file(one.arg)
        analysis = checked.get(one.arg)
        if key in given or analysis is None:
            continue
        given.add(key)
        own = [d for d in analysis.diagnostics if where(d) in (key, "")]
        # The site's directory (--directory) is no module: what is left in it is said
        # against it, and is no file for --fix to be given (its help mends the FILE).
        site = real_file(analysis.directory.name) if analysis.directory is not None else None
        against = [d for d in analysis.diagnostics if site is not None and where(d) == site]
        imported: dict[str, list] = {}
        for d in analysis.diagnostics:
            if where(d) not in (key, "", site):
                imported.setdefault(where(d), []).append(d)
                names.setdefault(where(d), d.span.file)
        count = len(one.applied)
        what = "not written" if one.unwritable else f"{count} fix{'es' if count != 1 else ''} applied"
        if count and not one.unwritable:
            what += f" ({_codes_fixed(one.applied)})"
        if one.surfaced and not one.unwritable:
            what += f", {len(one.surfaced)} of them not shown by check before the syntax was mended ({_codes_fixed(one.surfaced)})"
        if one.held:
            what += f", {len(one.held)} held back ({_codes_fixed(one.held)}: run --fix again)"
        if one.not_applied:
            what += f", {len(one.not_applied)} not applied"
        if one.stopped:
            from bkrdsl.fixes import MAX_ROUNDS

            what += f", stopped after {MAX_ROUNDS} rounds with fixes left: run --fix again"
        if not analysis.diagnostics:
            lines.append(f"{escaped(one.arg)}: {what}; clean{' as a module' if analysis.module else ''}")
            continue
        left = [_counts(own)] if own else []
        left += [f"in {escaped(names[path])}, which it imports: {_counts(ds)}" for path, ds in imported.items()]
        if against:
            left.append(f"in {analysis.directory.name}, the site's directory: {_counts(against)}")
        lines.append(f"{escaped(one.arg)}: {what}; remaining: {'; '.join(left)}")
        for path, ds in imported.items():
            others.setdefault(path, [])
            others[path] += [d for d in ds if d not in others[path]]
    for path, ds in others.items():
        if path not in given:
            # A module two clusters share is fixed once, given itself: say how, where a
            # fix is there to apply (the sysprog who fixed a cluster file was left to guess).
            import shlex

            how = f" (`bkrc check --fix {escaped(shlex.quote(names[path]))}` applies its fixes)" if any(d.fix for d in ds) else ""
            lines.append(f"{escaped(names[path])}: not given to --fix{how}; remaining: {_counts(ds)}")
    return lines


def _codes_fixed(applied) -> str:
    """The codes of the fixes applied, each once in the order first applied, as the
    summary lists what remains (`_counts`): `BKR012, BKR532`."""
    return ", ".join(dict.fromkeys(d.code for d in applied))


def _counts(diagnostics) -> str:
    """How many of each severity, with their codes: `1 error (BKR004), 2 warnings (BKR401)`."""
    from bkrdsl.diagnostics import Severity

    parts = []
    for severity in Severity:
        found = [d.code for d in diagnostics if d.severity is severity]
        if found:
            name = severity.value + ("s" if len(found) != 1 else "")
            parts.append(f"{len(found)} {name} ({', '.join(dict.fromkeys(found))})")
    return ", ".join(parts)


def interrupted(
    files,
    done: list[FileFix],
    include,
    word: str = "interrupted",
    dialect_path: str | None = None,
    directory_path: str | None = None,
) -> list[str]:
    """What to say when Ctrl-C (or SIGTERM: `word` "terminated") stops --fix: the files fixed before it, those checked
    with nothing to write, and those left as they were (the one whose fixes were
    being worked out, and every one after it), with the command that goes on."""
    import shlex

    finished = {one.arg for one in done}
    fixed = [one.arg for one in done if one.written]
    unchanged = [one.arg for one in done if not (one.written or one.unwritable or one.unreadable)]
    unwritable = [one.arg for one in done if one.unwritable or one.unreadable]
    unfixed = list(dict.fromkeys(arg for arg in files if arg not in finished))
    parts = [f"fixed: {', '.join(map(escaped, fixed))}" if fixed else "no file was changed"]
    if unchanged:
        parts.append(f"no fix to apply: {', '.join(map(escaped, unchanged))}")
    if unwritable:
        parts.append(f"cannot read or write: {', '.join(map(escaped, unwritable))}")
    if not unfixed:
        return [f"bkrc: {word}; {'; '.join(parts)}; every file was checked"]
    parts.append(f"not fixed, as they were: {', '.join(map(escaped, unfixed))}")
    options = [part for folder in include for part in ("-I", folder)]
    options += ["--dialect", dialect_path] if dialect_path else []
    options += ["--directory", directory_path] if directory_path else []
    return [
        f"bkrc: {word}; {'; '.join(parts)}",
        "bkrc: to go on: " + escaped(shlex.join(["bkrc", "check", "--fix", *options, *unfixed])),
    ]


@click.command("explain", short_help="Print the long explanation of a diagnostic CODE.")
@click.argument("code")
def explain_cmd(code):
    """Print the long explanation of a diagnostic CODE (e.g. BKR201, 201, or its
    name as `bkrc rules` lists it, catalog-server-kind)."""
    from bkrdsl.check.common import quoted
    from bkrdsl.diagnostics.registry import find

    entry = find(code)
    if entry is None:
        # `quoted`, as every name typed: a control character `<U+XXXX>`; the bytes
        # of an argument that is not UTF-8 (surrogate escapes) left in, which
        # standard error writes as typed (`bkrdsl.cli._names_as_bytes`).
        click.echo(f"bkrc: no diagnostic code {quoted(code)}; `bkrc rules` lists them all{_keyword_meant(code)}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"{entry.code} ({entry.name}, {entry.severity.value}): {entry.summary}\n")
    if entry.retired:
        click.echo(f"Retired: bkrc no longer reports {entry.code}; see `bkrc explain {entry.retired}`.\n")
    click.echo(entry.explanation, nl=False)


def _keyword_meant(word: str) -> str:
    """For `bkrc explain purge`: what the keyword means, in its sentence (the one the
    language server's hover and docs/keywords.md show), and where keywords are listed."""
    from bkrdsl.keyword_docs import SUMMARIES

    known = SUMMARIES.get(word.strip().lower())
    if known is None:
        return ""
    statement, meaning = known
    return f"\nbkrc: `{word.strip().lower()}` is a keyword ({statement}), not a code: {meaning} (docs/keywords.md: every keyword)"


@click.command("rules")
def rules_cmd():
    """List every diagnostic code with its severity and summary."""
    from bkrdsl.diagnostics.registry import load_all

    for entry in load_all().values():
        summary = f"{entry.summary} (retired: see {entry.retired})" if entry.retired else entry.summary
        click.echo(f"{entry.code}  {entry.severity.value:<7}  {entry.name:<32} {summary}")


COMMANDS = [check_cmd, explain_cmd, rules_cmd]
