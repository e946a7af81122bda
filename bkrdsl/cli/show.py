"""`bkrc show FILE [--member M ...] [--format text|json|csv]`: what runs where and when (docs/show.md);
with `--against OLD`, what FILE changes; with `--user NAME`, who backs up one user.

The front end runs first, as `bkrc check` runs it; its diagnostics go to
standard error (in JSON with `--format json`). A file with errors shows
nothing (exit 1): a table of a cluster the checker refused would show jobs
that `bkrc compile` never writes. Each `--member` is checked with the
checker's own rules and codes (BKR302 a name CP cannot have, BKR330 a member
the cluster does not have, with "did you mean"), as a diagnostic that points
into the command line, and nothing is shown (exit 1), as `bkrc init` does
with the names it is given; so is each `--user` (BKR301, or BKR331 for a user
neither the file nor `--directory` knows). Then `bkrdsl/show.py` prints the facts.
With --format json, the diagnostics' document of a file that shows is printed
after them (`_hold`), so that Ctrl-C or SIGTERM before then (exit 130, 143) is
in it, the run failed, as `bkrc check` says it.
"""

from __future__ import annotations

import sys
from functools import partial
from typing import NamedTuple

import click

from bkrdsl.cli.common import (
    DOCUMENT_PENDING,
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    OUTPUT_ERRNOS,
    DocumentCommand,
    InputError,
    OnceOption,
    analyse_arg,
    color_option,
    diagnostics_then_line,
    directory_option,
    echo_whole,
    empty_document,
    include_option,
    interrupted_document,
    interruption,
    load_directory_arg,
    named,
    print_diagnostics,
    silence_streams,
    status_to_stderr,
)


class _Report(NamedTuple):
    """Diagnostics and the texts they point into, as `print_diagnostics` takes them."""

    diagnostics: list
    sources: dict


def member_problems(analysis, file: str, members, also=()) -> tuple[list, dict]:
    """(diagnostics, sources) for the `--member` names the cluster cannot show:
    each pointing into the command line `bkrc show FILE --member ...`, a
    suggestion also at the member's declaration. `also`: the members of
    `--against`'s cluster, which FILE's may have removed."""
    from bkrdsl.check.common import Suggester, quoted, system_name_problem, unknown_member_help
    from bkrdsl.check.declarations import UNKNOWN_MEMBER
    from bkrdsl.check.names import INVALID_SYSTEM_NAME, MEMBER_NAME_HELP
    from bkrdsl.diagnostics import Related
    from bkrdsl.starter import command_line

    model = analysis.model
    source, args = command_line(file, [("--member", m) for m in members], command="show")
    out = []
    suggest = Suggester()
    known = model.member_names
    for arg in args:
        problem = system_name_problem(arg.value, "member name")
        if problem is not None:
            out.append(INVALID_SYSTEM_NAME(problem, arg.span, help=MEMBER_NAME_HELP))
            continue
        up = arg.value.upper()
        if up in known or up in also:
            continue
        close = suggest.closest(up, known)
        out.append(
            UNKNOWN_MEMBER(
                f"`--member` names {quoted(up)}, which is not a member of cluster {quoted(model.name)}",
                arg.span,
                related=[Related(model.member(c).decl.name.span, "declared here") for c in close],
                help=unknown_member_help(close, known),
            )
        )
    return out, {**analysis.sources, source.name: source}


def user_problems(analysis, file: str, members, users, directory=None) -> tuple[list, dict]:
    """(diagnostics, sources) for the `--user` names bkrc knows nothing of: each an
    error pointing into the command line `bkrc show FILE --member ... --user ...`
    (BKR301 for a name CP cannot have; BKR331 for one the file does not declare,
    by ID, in a group or by a `match` pattern, and `--directory` does not have),
    with "did you mean" the file's and the directory's IDs."""
    from bkrdsl.check.common import Suggester, quoted, user_id_problem
    from bkrdsl.check.declarations import UNKNOWN_BACKUP
    from bkrdsl.check.names import INVALID_USER_ID
    from bkrdsl.resolve.releases import release_id
    from bkrdsl.show import known_user
    from bkrdsl.starter import command_line

    model = analysis.model
    options = [("--member", m) for m in members] + [("--user", u) for u in users]
    source, args = command_line(file, options, command="show")
    out = []
    suggest = Suggester()
    candidates = None
    for arg in args[len(members):]:
        problem = user_id_problem(arg.value)
        if problem is not None:
            out.append(INVALID_USER_ID(problem, arg.span, help="give the user's ID as CP knows it: 1 to 8 characters"))
            continue
        up = arg.value.upper()
        if known_user(model, up) or (directory is not None and directory.entry(up) is not None):
            continue
        if candidates is None:
            candidates = set(model.user_ids) | set(model.product_machines())
            candidates |= {e.id for e in directory.entries} if directory is not None else set()
        close = suggest.closest(up, candidates)
        where = f"cluster {quoted(model.name)} does not declare it" + (
            f", and {directory.name} has no such user" if directory is not None else ""
        )
        said = "did you mean " + " or ".join(quoted(c) for c in close) + "? " if close else ""
        release = release_id(up)
        if release is not None:  # MAINT730 asked of a file upgraded to std/zvm74: no typo for MAINT740
            said = (
                f"{quoted(up)} is z/VM {release.release}'s own ID, declared in {release.module}, which the file"
                " does not import; "
            )
        ask = "" if directory is not None else "; to ask the site's CP directory too, add --directory FILE"
        out.append(
            UNKNOWN_BACKUP(
                f"`--user` names {quoted(up)}, which no job can back up: {where}",
                arg.span,
                help=f"{said}a job backs up the users the file declares, by ID, in a group or by a"
                f" group's `match` pattern{ask}",
            )
        )
    return out, {**analysis.sources, source.name: source}


@click.command(
    "show",
    cls=DocumentCommand,
    document_err=True,
    short_help="Show what runs on each member of FILE's cluster, and when.",
)
@click.argument("file", callback=named)
@click.option(
    "--member",
    "members",
    multiple=True,
    metavar="NAME",
    help="Show this member only; repeat it for several (default: every member).",
)
@click.option(
    "--format",
    "fmt",
    cls=OnceOption,
    type=click.Choice(("text", "json", "csv")),
    default="text",
    show_default=True,
    help="A table per member, JSON, or (with --directory) CSV, one line per minidisk of the"
    " directory's users (docs/show.md); diagnostics follow it (text or json; text for csv).",
)
@click.option(
    "--against",
    "against",
    cls=OnceOption,
    metavar="OLD",
    callback=named,
    help="Show what FILE changes against OLD, the cluster as it was: per member, jobs added,"
    " removed or changed (their descriptions too), who gains or loses a backup, expiry, start-up"
    " and the product machines' minidisks; with --directory, whose coverage changes; text or json"
    " (docs/show.md).",
)
@click.option(
    "--user",
    "users",
    multiple=True,
    metavar="NAME",
    help="Show who backs up this user: the jobs, per member, with the .bkr lines that select or"
    " exclude it, or why none does; with --directory, each of its minidisks; repeat it for"
    " several (docs/show.md).",
)
@directory_option
@color_option
@include_option
def show_cmd(file, members, fmt, against, users, directory_path, color, include):
    """Show what runs on each member of FILE's cluster, and when ('-' reads standard input).

    Per member: its jobs by time of day, under the names the product knows them
    by (SYSINC2), with the .bkr job each comes from, its kind, level,
    destination and what it backs up; the expiry the purging member runs; the
    machines BKRSTART starts, in order. With --directory, per member, which of
    the directory's users with minidisks a job backs up, and which none does.
    A file with errors shows nothing (exit 1); with --directory, an error
    against the site's CP directory is one. --format csv lists, with
    --directory, each minidisk of those users on one line: its status, the jobs
    that back it up or the excludes that take it out. --against OLD shows what
    FILE changes against OLD instead, member by member (with --directory, the
    directory users whose coverage changes too). --user NAME shows instead who
    backs up that user, for a restore: the jobs, per member, with the .bkr
    lines that select or exclude it, or why none does.
    """
    try:
        _show(file, members, fmt, against, users, directory_path, color, include)
    except KeyboardInterrupt as err:
        # Ctrl-C, SIGTERM (a cancelled pipeline job) or SIGHUP, answered as `bkrc
        # check` answers it (exit 130, 143, 129): with --format json the document of
        # standard error says the run failed, and why, rather than nothing (stopped
        # while the file was read) or a clean run's (stopped while the facts were
        # worked out); the line goes to the other stream, as bkrc's lines do.
        word, code = interruption(err)
        line = f"bkrc: {word}"
        click.echo(line, err=status_to_stderr(fmt))
        held = click.get_current_context().meta.pop(DOCUMENT_PENDING, None)
        if held is not None:
            held(failures=[line])
        else:
            interrupted_document(fmt, [line], err=True)
        sys.exit(code)


def _hold(reports, fmt: str, color: str):
    """With --format json, the diagnostics' document of a file that shows, held
    back until the facts are printed (`_shown`), so that a run stopped before
    they are (Ctrl-C, SIGTERM, an internal error, a standard output that cannot
    take them) says so in it, its warnings kept; as `bkrc compile` holds its
    own (`HeldDocument`). Returns the function that prints it, once."""
    ctx = click.get_current_context()

    def print_held(failure=None, failures=()) -> None:
        ctx.meta.pop(DOCUMENT_PENDING, None)
        print_diagnostics(reports, fmt, color, err=True, failures=failures, failure=failure)

    ctx.meta[DOCUMENT_PENDING] = print_held
    return print_held


def _shown(text: str, held, nl: bool = True) -> None:
    """Print the facts on standard output, then the held document (`_hold`), if
    any: a standard output that cannot take the facts (`> /dev/full`) is said
    in it, the run failed (exit 2), rather than by a line after it on its stream."""
    try:
        echo_whole(text, nl=nl)  # whole: a signal waits for its last byte
    except OSError as err:
        if held is None or err.filename is not None or err.errno not in OUTPUT_ERRNOS:
            raise
        silence_streams()
        held(failures=[f"bkrc: cannot write to standard output: {err.strerror or err}"])
        sys.exit(EXIT_USAGE)
    if held is not None:
        held()


def _show(file, members, fmt, against, users, directory_path, color, include):
    """show_cmd's body, which always ends in SystemExit (`sys.exit`)."""
    from bkrdsl import show
    from bkrdsl.terminal import json_text

    if against is not None and fmt == "csv":
        raise click.UsageError(
            "--against compares what runs where and when, and with --directory whose coverage changes,"
            " in text or json: leave out --format csv (docs/show.md: diff the CSV of each file)"
        )
    if users and (against is not None or fmt == "csv"):
        raise click.UsageError(
            "--user shows who backs up a user, as text or json: leave out --against and --format csv"
        )
    if fmt == "csv" and directory_path is None:
        raise click.UsageError("--format csv lists the minidisks of --directory's users: give --directory FILE")
    if against == "-" and file == "-":
        raise click.UsageError("standard input is read once: give FILE or --against OLD as a file")

    # With --format json the diagnostics are all of standard error, one document
    # a program reads in every run (with no diagnostic, and when the run stops
    # before it has any: `empty_document`, and a usage error: DocumentCommand);
    # bkrc's own lines then go to standard output.
    status = status_to_stderr(fmt)
    directory = load_directory_arg(directory_path, err=status, fmt=fmt, document_err=True)
    analysis = _analysed(file, include, fmt, status, directory=directory)
    ok = analysis.ok and analysis.model is not None
    old, old_warnings = (
        _against(against, include, fmt, color, status, directory) if ok and against is not None else (None, ())
    )
    was = old.members if old is not None else ()
    bad, sources = member_problems(analysis, file, members, was) if ok else ([], {})
    if ok and users:
        readable = directory if directory is not None and directory.readable else None
        unknown, sources = user_problems(analysis, file, members, users, readable)
        bad += unknown
    # One document: the file's warnings and the --member names it lacks together.
    reports = [analysis] + ([_Report(bad, sources)] if bad else [])
    said = partial(print_diagnostics, reports, "text" if fmt == "csv" else fmt, color, err=True)
    if not ok or bad:
        # With --format json, the document after the line (on standard output), so that
        # a standard output that cannot take it is in the document (`diagnostics_then_line`).
        line = "bkrc: errors in the input; nothing shown" if not ok else "bkrc: nothing shown"
        diagnostics_then_line(said, line, fmt, EXIT_INPUT)
    held = None
    if fmt == "json":
        held = _hold(reports, fmt, color)  # printed after the facts
    else:
        said()
    model = analysis.model
    if old is not None:
        now = _warnings(analysis)
        if directory is not None:
            # OLD is not checked against the directory: the warnings of FILE's checks
            # against it (on standard error) are no change of the cluster's.
            from bkrdsl.diagnostics.registry import directory_codes

            site = set(directory_codes())
            now = [w for w in now if w[0] not in site]
        added, gone = show.new_warnings(old_warnings, now), show.new_warnings(now, old_warnings)
        new = show.view(model, (), _coverage(model, directory))
        difference = show.changes(old, new, tuple(m.upper() for m in members), added, gone)
        if fmt == "json":
            _shown(json_text(show.changes_json(difference), ascii_only=True), held)
        else:
            click.echo(show.changes_text(difference), nl=False)
        sys.exit(EXIT_OK)
    if users:
        _show_users(model, tuple(m.upper() for m in members), users, directory, fmt, held)
        sys.exit(EXIT_OK)
    facts = show.view(model, tuple(m.upper() for m in members), _coverage(model, directory))
    if fmt == "json":
        _shown(json_text(show.as_json(facts), ascii_only=True), held)
    elif fmt == "csv":
        click.echo(show.as_csv(facts), nl=False)
    else:
        click.echo(show.text(facts), nl=False)
    sys.exit(EXIT_OK)


def _analysed(arg, include, fmt, status, directory=None):
    """`analyse_arg` of a cluster's file; one it cannot read a usage error (exit 2),
    the empty document first with --format json."""
    try:
        return analyse_arg(arg, include, directory=directory, cluster_required=True)
    except InputError as err:
        empty_document(fmt, err=True, reason=str(err))
        click.echo(str(err), err=status)
        sys.exit(EXIT_USAGE)


def _warnings(analysis) -> list[tuple[str, str]]:
    """(code, message) of each warning of an analysis, in its order."""
    return [(d.code, d.message) for d in analysis.diagnostics if d.severity == "warning"]


def _against(path, include, fmt, color, status, directory=None):
    """(the view of `--against`'s cluster, every member, with its coverage of
    `directory` when given; its warnings, `_warnings`). Its errors printed, and
    nothing shown (exit 1), as FILE's; its warnings are the cluster as it was, not
    the change, and are not printed: those FILE has more are said in the changes.
    It is not checked against the directory: that is the cluster as it was too."""
    from bkrdsl import show

    analysis = _analysed(path, include, fmt, status)
    if not analysis.ok or analysis.model is None:
        said = partial(print_diagnostics, [analysis], fmt, color, err=True)
        diagnostics_then_line(said, "bkrc: errors in --against's file; nothing shown", fmt, EXIT_INPUT)
    return show.view(analysis.model, (), _coverage(analysis.model, directory)), _warnings(analysis)


def _show_users(model, members, users, directory, fmt, held=None):
    """`--user`: each user (upper case, each once, in the order given), from the rows
    `bkrc show` prints; with --directory, its minidisks as the coverage finds them."""
    from bkrdsl import show
    from bkrdsl.terminal import json_text

    wanted = tuple(dict.fromkeys(u.upper() for u in users))
    found = {}
    name = None
    if directory is not None and directory.readable:
        from bkrdsl.coverage import user_coverage

        found, name = user_coverage(model, directory, wanted, members), directory.name
    facts = show.view(model, members)
    views = [show.user_view(model, facts, u, found.get(u), name) for u in wanted]
    if fmt == "json":
        _shown(json_text(show.user_json(facts, views), ascii_only=True), held)
    else:
        click.echo(show.user_text(facts, views), nl=False)


def _coverage(model, directory):
    """With --directory, who of it is backed up (`bkrdsl.coverage`); None without."""
    if directory is None or not directory.readable:
        return None
    from bkrdsl.coverage import coverage

    return coverage(model, directory)


COMMANDS = [show_cmd]
