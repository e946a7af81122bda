"""`bkrc init`: write a first cluster file that checks clean (bkrdsl/starter.py).

The names given are checked first, with the checker's own rules and codes;
a bad one is a diagnostic that points into the command line, and nothing is
written (exit 1). With `--directory`, the site's CP directory is read before
(an error in it: exit 1, nothing written); the members may come from it, and
the groups from its users (`starter.roster`), the catalog's SFS server from
its own (`starter.directory_catalog_servers`), the IDENTITY users' global minidisks
(in the IDENTITY entry itself; a 0191 moved from the job on each member) backed up by one on member 1
(`starter.directory_global_disks`: BKR530, BKR221's exception; with every user's global, that
job alone), and a product machine's MDISK that no `disk` statement can give (BKR521: a DEVNO,
an extent to END, a V-DISK or T-DISK), or an IDENTITY's 0191 both global and local (BKR530:
no exclude can split them), stops it there (exit 1). A product machine's instance built
from a SUBCONFIG the directory names otherwise than the compile (BKR529) gets a `subconfig`
statement in its member's block (`starter.directory_subconfig_names`); one no statement
can name (`BUILD ON *`) is said in a comment, and the file is written with BKR529 printed
(exit 1). The new text then goes through
the whole front end, as `bkrc check [--directory]` would read the file: an
error there is a bug in bkrc (exit 2, nothing written), but for a check
against the directory (BKR510 where it contradicts the `--stdlib` module:
exit 1); a warning (a member named CLUSTER, BKR328) is printed, and the
file is written. FILE is created in one step (`output.create_file`), never
over an existing file unless --force (then `output.replace_file`).
"""

from __future__ import annotations

import shlex
import sys
from functools import partial
from typing import NamedTuple

import click

from bkrdsl.cli.common import (
    DOCUMENT_FORMATS,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    DocumentCommand,
    OnceOption,
    color_option,
    diagnostics_then_line,
    empty_document,
    format_option,
    internal_error_text,
    interruption,
    load_directory_arg,
    named,
    print_diagnostics,
    status_to_stderr,
)
from bkrdsl.starter import DEFAULT_RELEASE, DEFAULT_WORKERS, release_modules
from bkrdsl.terminal import escaped


class _Report(NamedTuple):
    """Diagnostics and the texts they point into, as `print_diagnostics` takes them."""

    diagnostics: list
    sources: dict


def _workers(ctx, param, value: int) -> int:
    from bkrdsl.check.values import MAX_WORKERS

    if not 1 <= value <= MAX_WORKERS:
        raise click.BadParameter(
            f"{value} is not a number of workers: Backup Manager runs 1 to {MAX_WORKERS} on a member"
        )
    return value


def _write(file: str, data: bytes, force: bool) -> str | None:
    """FILE created (or, with `force`, replaced) in one step; a warning to print
    after the report, or None. Raises OSError."""
    import os

    from bkrdsl.output import create_file, replace_file

    if force:
        try:
            return replace_file(file, data)
        except FileNotFoundError:
            if os.path.lexists(file) and not os.path.islink(file):
                raise
            file = os.path.realpath(file)  # nothing there, or a link to nothing: create it
    return create_file(file, data)


def _what_force_does(file: str) -> str:
    """The hint after `already exists`: --force replaces a file (or a link's target),
    never a FIFO or a device (`init /dev/null` said `--force overwrites it`, and
    `--force` then refused it)."""
    import os

    from bkrdsl.output import special_kind

    try:
        what = special_kind(os.stat(file).st_mode)
    except OSError:  # a link to nothing: --force creates its target
        what = None
    return f"(it is {what}, which bkrc never replaces)" if what else "(--force overwrites it)"


@click.command(
    "init", cls=DocumentCommand, document_err=True, short_help="Write a first cluster FILE, which checks clean."
)
@click.argument("file", callback=named)
@click.option(
    "--cluster",
    cls=OnceOption,
    metavar="NAME",
    help="The SSI cluster's name, as SYSTEM CONFIG has it.  [required: --directory does not give it]",
)
@click.option(
    "--member",
    "members",
    multiple=True,
    metavar="NAME",
    help="A member's system identifier; repeat it for each member, member 1 first."
    "  [required, unless --directory: then the members its BUILD statements name, in the order first named]",
)
@click.option(
    "--directory",
    "directory_path",
    cls=OnceOption,
    type=click.Path(readable=False),  # unreadable, or a folder: bkrc's own line, from the loader
    callback=named,
    metavar="USER.DIRECT",
    help="The site's CP source directory: the groups list its own USER and IDENTITY users that hold"
    " minidisks, by kind; its own catalog SFS server, where it has one, keeps the catalog; Backup"
    " Manager's machines under its own names, those that link the installation user's disks, are"
    " declared with their roles.",
)
@click.option(
    "--workers",
    cls=OnceOption,
    type=int,
    default=DEFAULT_WORKERS,
    show_default=True,
    callback=_workers,
    metavar="N",
    help="Worker machines (BKRWRK01, ...) on each member, 1 to 64. With --directory and without"
    " --workers: those it builds on each member.",
)
@click.option(
    "--catalog-member",
    cls=OnceOption,
    metavar="NAME",
    help="The member the shared catalog's SFS server logs on to."
    "  [default: the purging member, else the first]",
)
@click.option(
    "--purging-member",
    cls=OnceOption,
    metavar="NAME",
    help="The one member that expires (purges) the shared catalog."
    "  [default: the catalog's member, else the first]",
)
@click.option(
    "--tape/--no-tape",
    default=False,
    show_default=True,
    help="Send the full backup to tape, under Tape Manager with one shared catalog.",
)
@click.option(
    "--stdlib",
    "release",
    cls=OnceOption,
    type=click.Choice(release_modules()),
    default=DEFAULT_RELEASE,
    show_default=True,
    help="The standard library module of the members' z/VM release, which classifies z/VM's own IDs.",
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@format_option
@color_option
def init_cmd(
    file,
    cluster,
    members,
    directory_path,
    workers,
    catalog_member,
    purging_member,
    tape,
    release,
    force,
    fmt,
    color,
):
    """Write a first cluster FILE to edit from there: it checks clean; '-' writes standard output.

    The file declares what every check asks for, with placeholder names
    (volume labels, catalog server, groups, jobs) each marked by a `# your ...`
    comment. FILE must not exist, unless --force. A name that cannot be used
    is reported as `bkrc check` would report it in a file, and nothing is
    written (exit 1).

    With --directory, the groups list the site's own users from its CP source
    directory, USER entries single and IDENTITY entries identity (z/VM's own
    IDs, the product's machines and users without minidisks left out, and
    named in comments), and the members may come from its BUILD statements.
    A directory bkrc cannot read, or members given that disagree with it, is
    reported, and nothing is written (exit 1).
    """
    from bkrdsl.starter import Starter, command_line, directory_members, member_problems, problems

    # With --format json or sarif the diagnostics are all of standard error, one
    # document in every run (with no diagnostic; empty when the run stops before
    # it has any; DocumentCommand for a usage error), as for `bkrc compile`:
    # bkrc's own lines (`wrote FILE`, `nothing written`) go to standard output.
    status = status_to_stderr(fmt)
    if cluster is None:  # before anything is read; with --directory a sysprog may expect it from there
        raise click.UsageError(
            "Missing option '--cluster': the SSI cluster's name, as SYSTEM CONFIG has it (`--cluster PRODSSI`)"
            + ("; the directory names the members (its BUILD statements), not the cluster." if directory_path else ".")
        )
    directory = _readable_directory(directory_path, fmt, color)
    if not members and directory is None:
        raise click.UsageError(
            "Missing option '--member': give each member, member 1 first (`--member VMSYS1 --member VMSYS2`),"
            " or the site's directory (`--directory USER.DIRECT`), whose BUILD statements name them."
        )
    options = [("--cluster", cluster)] + [("--member", m) for m in members]
    options += [
        (o, v) for o, v in (("--catalog-member", catalog_member), ("--purging-member", purging_member)) if v
    ]
    source, args = command_line(file, options)
    given = args[1 : 1 + len(members)]
    member_args, sources = given, {source.name: source}
    if directory is not None:
        sources[directory.name] = directory.source
        member_args = given or directory_members(directory)
        if not member_args:
            raise click.UsageError(
                f"{directory.name} builds no IDENTITY on a member (`BUILD ON member`): give each member"
                " with --member"
            )
    said = problems(args[0], member_args, args[1 + len(members) :])
    if directory is not None and given:
        said += member_problems(directory, given)
    if any(d.is_error for d in said):
        _nothing_written([_Report(said, sources)], fmt, color)
    starter = Starter(
        cluster=cluster.upper(),
        members=tuple(a.value.upper() for a in member_args),
        workers=workers,
        catalog_member=catalog_member.upper() if catalog_member else None,
        purging_member=purging_member.upper() if purging_member else None,
        tape=tape,
        release=release,
    )
    name = "<stdout>" if file == "-" else file
    if directory is not None:
        starter, refused = _from_directory(starter, name, directory)
        # A minidisk no `disk` statement can give (BKR521): the compile would drop it; or an
        # IDENTITY's 0191 both global and local, which no job can back up right (BKR530).
        if refused:
            _nothing_written([_Report([*said, *refused], sources)], fmt, color)
    new, analysis = _written(name, starter, directory=directory)
    if directory is not None:
        new, analysis = _free_places(name, starter, directory, analysis) or (new, analysis)
        # The directory's warnings no comment names (BKR526, BKR534: the product machines'
        # entries), which no statement avoids: the file anew, its comment saying why.
        warned = _unsaid(new, analysis, directory)
        if warned:
            import dataclasses

            starter = dataclasses.replace(starter, warned=warned)
            new, analysis = _written(name, starter, directory=directory)
            new, analysis = _free_places(name, starter, directory, analysis) or (new, analysis)
    errors = [d for d in analysis.diagnostics if d.is_error]
    # BKR529 alone, at the instances no `subconfig` statement can name (`BUILD ON *`...):
    # the file is written, its comment above the members says what the directory needs, and
    # the errors are printed as `bkrc check --directory` prints them (exit 1).
    unattributed = bool(errors) and _unattributed_only(errors, directory, analysis.model)
    if errors and not unattributed and all(d.code in _DIRECTORY_CHECKS for d in errors):
        # The site's directory against the standard library's kinds (BKR510 at a
        # `--stdlib` declaration), or a product machine's minidisk the file gives
        # no `disk` statement (BKR520): a fact of the site, for it to settle first.
        _nothing_written([_Report(said, sources), analysis], fmt, color)
    if errors and not unattributed:
        # A bug of bkrc's (exit 2): the document says the run failed, and why; the line
        # goes to the other stream with json, sarif or gitlab, whose document is all of
        # standard error (it followed the document there, which then did not parse).
        line = internal_error_text(RuntimeError("the file bkrc init wrote would not check clean; nothing written"))
        print_diagnostics([analysis], fmt, color, err=True, failures=[line])
        click.echo(line, err=status)
        sys.exit(EXIT_INTERNAL)
    if file == "-":
        click.echo(new, nl=False)
    else:
        try:
            _create(file, new, force, directory_path, analysis.diagnostics, fmt, _moved(starter, directory_path))
        except KeyboardInterrupt as err:  # held back until FILE was written and said
            if fmt not in DOCUMENT_FORMATS and fmt != "github":
                raise  # the group says so and exits 130 (143 for SIGTERM)
            # The document (the warnings, the run failed: bkrc's line) rather than none.
            word, code = interruption(err)
            line = f"bkrc: {word}"
            print_diagnostics([_Report(said, sources), analysis], fmt, color, err=True, failures=[line])
            click.echo(line, err=status)
            sys.exit(code)
    # Warnings only: as `bkrc check FILE` will print them (json, sarif: the document, always).
    print_diagnostics([_Report(said, sources), analysis], fmt, color, err=True)
    sys.exit(EXIT_INPUT if unattributed else EXIT_OK)


def _unattributed_only(errors, directory, model) -> bool:
    """Whether `errors` are BKR529's alone, one for each product machine with an instance
    whose SUBCONFIG no `subconfig` statement can name (`starter.directory_subconfig_names`:
    built `ON *`, from two SUBCONFIGs, or from one another instance shares), every other
    instance's name kept by the file's statements already."""
    if directory is None or model is None or any(d.code != "BKR529" for d in errors):
        return False
    from bkrdsl.starter import directory_subconfig_names

    left = directory_subconfig_names(directory, model)
    return not left.named and len(errors) == len({machine for machine, *_ in left.unattributed})


#: The checks against the site's directory (bkrdsl/check/directory.py) whose error
#: is a fact of the site: BKR510-BKR520, BKR529 (the product's SUBCONFIGs numbered by
#: another order of `--member`; those named otherwise get `subconfig` statements,
#: `starter.directory_subconfig_names`, and those none can name write the file: see
#: `_unattributed_only`), and
#: BKR530 (an IDENTITY's global minidisk, in its entry itself, that a job on each
#: member selects; `starter.directory_global_disks` gives the group's global minidisks a
#: job of their own, and `starter.directory_global_and_local` refuses, before this,
#: an IDENTITY whose 0191 is defined again, in a SUBCONFIG or its entry).
_DIRECTORY_CHECKS = (*(f"BKR{n}" for n in range(510, 521)), "BKR529", "BKR530")


def _unsaid(new: str, analysis, directory) -> tuple[tuple[str, int], ...]:
    """(code, how many) of each warning of `analysis` of what the compiled entries of the
    product's machines change (`starter.WARNED_WHY`: BKR524, BKR526, BKR534) whose code
    the text `new` does not name (`starter.Starter.warned`), by code; () with an error,
    but for BKR529's at the instances no `subconfig` statement can name, with which the
    file is written all the same (`_unattributed_only`): its comment names those
    warnings too (stop 83; it named none, and `bkrc check --directory` printed them)."""
    from collections import Counter

    from bkrdsl.starter import WARNED_WHY

    errors = [d for d in analysis.diagnostics if d.is_error]
    if errors and not _unattributed_only(errors, directory, analysis.model):
        return ()
    found = Counter(d.code for d in analysis.diagnostics if d.code in WARNED_WHY and d.code not in new)
    return tuple(sorted(found.items()))


def _nothing_written(reports, fmt: str, color: str) -> None:
    """The diagnostics of names or a directory init cannot use, and `bkrc: nothing
    written` (exit 1); in json, sarif or gitlab the line first, on standard output, and
    then the document, which a standard output that cannot take the line is in
    (`diagnostics_then_line`), as `bkrc compile` holds its own."""
    diagnostics_then_line(partial(print_diagnostics, reports, fmt, color, err=True), "bkrc: nothing written", fmt, EXIT_INPUT)


def _readable_directory(directory_path: str | None, fmt: str, color: str):
    """The directory `--directory` names, or None without it. One that cannot be
    opened is bkrc's one line (exit 2); one with an error in it (BKR501-BKR504)
    its diagnostics, and nothing is written (exit 1): the groups would be guessed."""
    status = status_to_stderr(fmt)
    directory = load_directory_arg(directory_path, err=status, fmt=fmt, document_err=True)
    if directory is not None and (not directory.readable or any(d.is_error for d in directory.diagnostics)):
        _nothing_written([_Report(list(directory.diagnostics), {directory.name: directory.source})], fmt, color)
    return directory


def _from_directory(starter, name: str, directory):
    """The starter with what the site's directory gives it (the groups, each
    member's workers and private volume, the product machines' minidisks and the
    shared volume), and the diagnostics of the minidisks the file cannot give
    (BKR521). The groups are sorted by the model of the file without them: what
    its imports declare already."""
    import dataclasses

    from click.core import ParameterSource

    from bkrdsl.starter import (
        classifier,
        directory_backup_machines,
        directory_catalog_servers,
        directory_disks,
        directory_global_and_local,
        directory_global_disks,
        directory_global_only,
        directory_links,
        directory_partly_held,
        directory_subconfig_names,
        directory_tape_links,
        directory_tape_machines,
        directory_temporary_a_disks,
        directory_temporary_disks,
        directory_unselected,
        directory_volumes,
        directory_workers,
        group_names,
        product_instances,
        roster,
        site_volumes,
        unwritable_problems,
    )

    model = _written(name, starter, checks=False)[1].model
    # The site's own SFS file pool server keeps the catalog, where it has one: named
    # in the file before its model sorts the users (it is then the product's machine).
    site_catalog = directory_catalog_servers(directory, classifier(model))
    if site_catalog is not None:
        starter = dataclasses.replace(starter, site_catalog=site_catalog)
        model = _written(name, starter, checks=False)[1].model
    linked = directory_tape_links(directory)
    tape = None
    if not starter.tape:  # Tape Manager's machines in the directory: the comment suggests --tape
        taped = _written(name, dataclasses.replace(starter, tape=True), checks=False)[1].model
        tape = directory_tape_machines(directory, taped, model)
        if tape is not None:  # those that link Tape Manager's disks are said to be its machines apart
            kept = tuple(i for i in tape.ids if i not in linked)
            tape = tape._replace(ids=kept) if kept else None
    # Backup Manager's machines under the site's own names (no BKRBKUP, no BKRCATLG in it): those
    # that link its installation user's disks, declared with their roles where each can be told.
    site_machines = directory_backup_machines(directory, starter.members, classifier(model, tape, linked))
    if site_machines is not None:
        starter = dataclasses.replace(starter, site_machines=site_machines)
        if site_machines.roles:  # the file's model without IBM's names: the site's are the product's
            model = _written(name, starter, checks=False)[1].model
    sorted_users = roster(directory, starter.members, classifier(model, tape, linked), tape, linked)
    starter = dataclasses.replace(
        starter,
        roster=sorted_users,
        # A site entry named as one of the groups: the group takes a free name (BKR326).
        group_names=group_names(directory, model),
        volumes_on=directory_volumes(directory, starter.members, classifier(model)),
        # The IDENTITY group's global minidisks a job on each member would back up once per
        # member (BKR530): a job on member 1 backs them up once, and the job on each member
        # excludes those its `* 0191` selects.
        global_disks=directory_global_disks(directory, sorted_users.identities, starter.members),
    )
    # The single group's V-DISKs and T-DISKs the full job's range selects (BKR516): it excludes them.
    temporary, per_user = directory_temporary_disks(directory, sorted_users.singles)
    starter = dataclasses.replace(starter, temporary_disks=temporary, temporary_per_user=per_user)
    # The groups' minidisks the jobs' `include minidisk *` leave out: each job includes them by name.
    single_extra, identity_extra = directory_unselected(
        directory, sorted_users.singles, sorted_users.identities, starter.members
    )
    starter = dataclasses.replace(
        starter,
        single_extra=single_extra,
        identity_extra=identity_extra,
        # The IDENTITY group's users whose 0191 some members' SUBCONFIGs lack (BKR515): said in a comment.
        identity_partly=directory_partly_held(directory, sorted_users.identities, starter.members),
        # Those whose 0191 is a V-DISK or T-DISK (BKR516): the jobs on each member exclude it.
        identity_temporary=directory_temporary_a_disks(directory, sorted_users.identities, starter.members),
        # Those with only global minidisks, no 0191 (BKR515 on every member): the global jobs' alone.
        global_only=directory_global_only(
            directory, sorted_users.identities, starter.members, starter.global_disks, identity_extra
        ),
    )
    if click.get_current_context().get_parameter_source("workers") is ParameterSource.DEFAULT:
        starter = dataclasses.replace(starter, workers_on=directory_workers(directory, starter.members, model))
    # After the workers: each worker's instances are those of the members whose count reaches it.
    runs_on = {machine: members for machine, (_, members) in model.product_machines().items()}
    found = directory_disks(directory, starter, runs_on)
    starter = dataclasses.replace(starter, site_disks=found.machines, shared_volume=found.shared_volume)
    # The LINKs the directory gives the product machines beyond the table's: `link` statements (stop 83).
    starter = dataclasses.replace(starter, site_links=directory_links(directory, starter))
    # Where the product's machines give no volume (not deployed yet), the site's own
    # entries suggest one, which the file marks as a guess.
    private, shared = site_volumes(directory, starter.members)
    volumes = tuple(v or guess for v, guess in zip(starter.volumes_on, private))
    shared_volume = starter.shared_volume or shared
    guessed = {g for v, g in zip(starter.volumes_on, private) if g and not v}
    if shared_volume and not starter.shared_volume:
        guessed.add(shared_volume)
    starter = dataclasses.replace(
        starter, volumes_on=volumes, shared_volume=shared_volume, guessed_volumes=frozenset(guessed)
    )
    # The directory's SUBCONFIG names of the product machines' instances where they are not
    # the compile's (BKR529): each member's block keeps them (`subconfig MACHINE NAME`), for
    # the instances of the file's machines, its members' workers the directory's.
    kept = directory_subconfig_names(directory, model, product_instances(model, starter))
    if kept.named or kept.unattributed:
        starter = dataclasses.replace(starter, site_subconfigs=kept)
    # An IDENTITY's 0191 both global and local: no exclude can split them (BKR530, said so).
    mixed = directory_global_and_local(directory, sorted_users.identities, starter.members)
    return starter, [*unwritable_problems(found.unwritable), *mixed]


def _written(name: str, starter, **options):
    """The text of `starter` (`starter.text`) and the front end's analysis of it, as
    `bkrc check` reads the file `name`. The formatter proves its layout by parsing
    the text it lays out (`fmt.format_text_read`); that parse, of the very bytes
    written, is the one analysed, rather than a third parse of the same text."""
    from bkrdsl.pipeline import analyse
    from bkrdsl.resolve import default_search_path
    from bkrdsl.starter import text_read

    new, read = text_read(starter, name)
    return new, analyse(name, new.encode("utf-8"), search_path=default_search_path(()), main=read, **options)


def _free_places(name: str, starter, directory, analysis):
    """The text and analysis of the file with a place for each `disk` statement the
    compile would leave to DirMaint (`AUTOV`), where the directory has no DIRMAINT
    machine to allocate them (BKR533, found by the check of `analysis`): a system
    programmer who keeps the directory by hand gets a file that checks clean against
    it. The places are BKR523's (`check.directory.free_places`); a minidisk the
    directory has at a fixed extent the file does not keep (`starter.not_kept`, which
    the comments name) keeps no new place, nor one whose volume is full: BKR533, printed,
    says so. None where BKR533 is not found or nothing can be placed."""
    import dataclasses

    from bkrdsl.check.directory import free_places
    from bkrdsl.fixes import apply_edits
    from bkrdsl.fmt import format_text_read
    from bkrdsl.pipeline import analyse
    from bkrdsl.resolve import default_search_path
    from bkrdsl.starter import not_kept

    if analysis.model is None or not any(d.code == "BKR533" for d in analysis.diagnostics):
        return None
    leave = frozenset((user, int(address, 16)) for user, address in (n.split() for n in not_kept(starter)))
    if free_places(analysis.model, directory, leave=leave) is None:
        return None
    # The comment above the `disk` statements says why they are placed: the text anew, then its places.
    starter = dataclasses.replace(starter, free_places=True)
    new, analysis = _written(name, starter, directory=directory, checks=False)
    fix = free_places(analysis.model, directory, leave=leave)
    placed, read = format_text_read(apply_edits(new, fix.edits), "<bkrc init>", read_as=name)
    return placed, analyse(name, placed.encode("utf-8"), search_path=default_search_path(()), main=read, directory=directory)


def _moved(starter, directory_path: str | None) -> str | None:
    """The line that names the product machines' minidisks the directory has at a fixed
    extent that the file's `disk` statements do not keep (`starter.not_kept`): their
    compiled MDISKs say `AUTOV`, which `bkrc check --directory` warns of (BKR532, or
    BKR519 where the size or volume differs). None where there is none."""
    from bkrdsl.starter import not_kept

    moved = not_kept(starter) if directory_path else []
    if not moved:
        return None
    from bkrdsl.check.common import listed

    return (
        f"{listed(moved, len(moved))} {'is' if len(moved) == 1 else 'are'} at fixed extents in {directory_path}"
        " that the file's `disk` statements do not keep: the compiled entries leave them to DirMaint (`AUTOV`),"
        " which may give them new, empty space, as `bkrc check --directory` warns (BKR532): the comments above"
        " those statements name the instances and say what to do when you deploy"
    )


def _create(
    file: str, new: str, force: bool, directory_path: str | None, warnings=(), fmt: str = "text", moved=None
) -> None:
    """Write FILE and say so, with Ctrl-C held back until both are done. `warnings`: what
    the check of the new text printed (`bkrc check FILE [--directory]` prints the same);
    `moved`: the line of `_moved`, after them.
    With `fmt` json or sarif, the lines go to standard output, and a FILE that cannot
    be written gets the empty document on standard error (`empty_document`)."""
    import os

    from bkrdsl.output import Commit

    status = status_to_stderr(fmt)
    if os.path.isdir(file):
        line = f"bkrc: {escaped(file)}: is a directory; nothing written"
        empty_document(fmt, err=True, reason=line)
        click.echo(line, err=status)
        sys.exit(EXIT_USAGE)
    failed = None
    with Commit() as commit:
        try:
            left = _write(file, new.encode("utf-8"), force)
        except FileExistsError:
            failed = f"bkrc: {escaped(file)}: already exists; nothing written {escaped(_what_force_does(file))}"
        except OSError as err:
            failed = f"bkrc: {escaped(file)}: cannot write: {err.strerror or err}; nothing written"
        else:
            check = f"bkrc check {shlex.quote(file)}"
            if directory_path:
                check += f" --directory {shlex.quote(directory_path)}"
            click.echo(
                f"wrote {escaped(file)}; next: write your own names where its comments say `your ...`,"
                f" then run `{escaped(check)}`, {_check_prints(warnings)}",
                err=status,
            )
            if left:
                click.echo(f"bkrc: warning: {left}", err=status)
            if moved:
                click.echo(f"bkrc: warning: {moved}", err=status)
    if failed:
        empty_document(fmt, err=True, reason=failed)
        click.echo(failed, err=status)
        sys.exit(EXIT_USAGE)
    if commit.interrupted:
        commit.reraise()  # the group says so and exits 130 (143 for SIGTERM); the file is written


def _check_prints(warnings) -> str:
    """What `bkrc check` prints for the file just written, for the line that says to run
    it: silence, or the warnings the check `bkrc init` ran found, which it prints below
    that line (BKR401 for the members SYSGLOB leaves without a job, when every IDENTITY
    user's 0191 is global; BKR524 for what the compiled SFS server's entry drops), so
    that a system programmer does not take them for a slip of their own edits. Their
    count and codes, not their why: each one's help and the file's comments say that."""
    if not warnings:
        return "which prints nothing when all is well"
    from bkrdsl.diagnostics.core import Severity

    codes = ", ".join(sorted({d.code for d in warnings}))
    noun = "warning" if all(d.severity is Severity.WARNING for d in warnings) else "diagnostic"
    what = f"the {noun}" if len(warnings) == 1 else f"the {len(warnings):,} {noun}s"
    return f"which prints {what} below ({codes}), as it does now, and nothing else when all is well"


COMMANDS = [init_cmd]
