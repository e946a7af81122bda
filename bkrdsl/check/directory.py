"""Checks against the site's CP source directory (BKR510-BKR514).

Not checks of the model alone: the kind of each user (a USER or an IDENTITY
entry), which users exist at all, and on which members each IDENTITY is
built are facts of the site's source directory (`USER DIRECT`), which the
.bkr file only restates. `bkrdsl.pipeline.analyse` runs `directory_checks`
after the other checks when it is given one (`--directory FILE`, read by
`bkrdsl.cpdirectory`), and only when that file could be read as text.

Without a directory nothing here runs, so a file checks exactly as before.
Only what the directory holds is compared: a standard-library ID that the
site's directory lacks (another release's MAINTvrm, a server the site does
not run) is never reported, and only the users a group or job names
explicitly must be there (BKR511).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from bkrdsl.ast import Kind
from bkrdsl.check.common import Suggester, listed, mean_fix, mean_help, quoted
from bkrdsl.diagnostics import Fix, Related
from bkrdsl.diagnostics.registry import register
from bkrdsl.resolve.model import Model, pattern_regex

if TYPE_CHECKING:
    from bkrdsl.cpdirectory import Directory, Entry
    from bkrdsl.diagnostics import Diagnostic
    from bkrdsl.source import Span

#: The directory statement of each kind, and the .bkr keyword of each.
STATEMENT = {Kind.SINGLE: "USER", Kind.IDENTITY: "IDENTITY"}
KIND_OF_STATEMENT = {"USER": Kind.SINGLE, "IDENTITY": Kind.IDENTITY}

KIND_DIFFERS = register(
    "BKR510",
    "kind-differs-from-directory",
    "error",
    "a user's kind in the .bkr files is not its kind in the site's CP directory",
    """
    With `--directory FILE`, bkrc reads the site's CP source directory and
    compares each USER and IDENTITY entry in it with the kind the .bkr
    files give that ID: a `single` user, a `single` group's member or
    pattern, or the product's and z/VM's own IDs from the standard library
    (BKRBKUP, MAINT, TCPIP...), or the kind the cluster implies (a shared
    catalog's SFS server is single).

    The two slips it catches are the ones a backup hides until a restore:
    a user declared `single` that the directory makes an IDENTITY is backed
    up by a job pinned to one member, from that member's instance only, so
    the minidisks of its SUBCONFIGs on every other member are never backed
    up; a user declared `identity` that the directory makes a USER is
    backed up once per member, the same minidisks every time, into as many
    histories.

    Failing example: `single group APPS { CICSPRD DB2PRD }` in the .bkr
    file, and `IDENTITY CICSPRD ...` with its `BUILD ON` statements in the
    directory.

    Fix: give the user the directory's kind: move CICSPRD into an
    `identity group` that an `on each member` job backs up. Where one `user`
    statement declares that ID alone, the fix writes the other keyword. If
    the standard library's kind is the one that differs, your directory
    differs from IBM's: copy the module into a site module and change it
    there (docs/stdlib.md).
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

NOT_IN_DIRECTORY = register(
    "BKR511",
    "user-not-in-directory",
    "warning",
    "a user that a group or job names is not in the site's CP directory",
    """
    A group lists user IDs (`single group LINUX { LNXWEB01 LNXWEB02 }`) and
    a job may back a user up by its ID (`backup LNXDB01 full`). With
    `--directory FILE`, each such ID must be a USER or IDENTITY entry of the
    site's directory: one that is not is backed up by nothing, silently
    (Backup Manager finds no minidisks of a user CP does not know), most
    often for a typo or a guest since deleted. A warning, not an error: the
    directory may lag behind, for a guest being added.

    Failing example: `single group LINUX { LNXWEB01 LNXWBE02 }`, where the
    directory has LNXWEB01 and LNXWEB02.

    Fix: correct the ID (the help names the closest IDs of the directory),
    or remove the user.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

PATTERN_MATCHES_NONE = register(
    "BKR512",
    "pattern-matches-no-directory-user",
    "warning",
    "a group's `match` pattern matches no user of the site's CP directory",
    """
    `match LNXAPP*` in a group backs up every user whose ID it matches,
    which only the directory knows. With `--directory FILE`, a pattern that
    matches no USER or IDENTITY entry of it backs up nothing: a typo
    (`LNXAP*` for `LNXAPP*`), or guests since renamed.

    Failing example: `single group LINUX { match LNXAPQ* }`, where the
    directory's guests are LNXAPP01 and LNXAPP02.

    Fix: correct the pattern, or remove it.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

BUILT_ON_UNKNOWN_MEMBER = register(
    "BKR513",
    "identity-built-on-undeclared-member",
    "error",
    "an IDENTITY that an `on each member` job backs up is built on a member the cluster does not declare",
    """
    An `on each member` job backs an IDENTITY up once per member of the
    cluster, each member's instance with its own SUBCONFIG minidisks. With
    `--directory FILE`, bkrc reads the IDENTITY's `BUILD ON member USING
    SUBCONFIG id` statements: one naming a member the cluster does not
    declare is an instance no job backs up, its minidisks never saved.
    Either the cluster lacks a member, or the directory keeps a member that
    left the cluster.

    Failing example: `identity group SYSIDS { TCPIP }` backed up by `run on
    each member`, in a cluster of VMSYS1 and VMSYS2, and a directory whose
    IDENTITY TCPIP has `BUILD ON VMSYS3 USING SUBCONFIG TCPIP-3` too.

    Fix: declare the member in the cluster (`member VMSYS3 { ... }`), or
    delete the BUILD statement and its SUBCONFIG if the member is gone.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

NOT_BUILT_ON_MEMBER = register(
    "BKR514",
    "identity-not-built-on-member",
    "warning",
    "an IDENTITY that an `on each member` job backs up has no BUILD statement for a member of the cluster",
    """
    An `on each member` job runs on every member of the cluster and backs
    up each IDENTITY of its groups there. With `--directory FILE`, bkrc
    reads each such IDENTITY's `BUILD ON member` statements: an IDENTITY
    not built on a member cannot log on there, so the job's copy on that
    member finds nothing of it. A warning, not an error: nothing is lost,
    and a server may run on some members only; but a BUILD statement may
    also have been lost, and that member's instance with it.

    Failing example: a cluster of VMSYS1 and VMSYS2 whose `run on each
    member` job backs up TCPIP, and a directory whose IDENTITY TCPIP has
    only `BUILD ON VMSYS1 USING SUBCONFIG TCPIP-1`.

    Fix: add the member's BUILD statement and SUBCONFIG entry if the
    IDENTITY should run there; otherwise, nothing to do.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)


class KindSource(NamedTuple):
    """Where the .bkr files give a user its kind, and how to say so."""

    kind: Kind
    span: Span  # the user's ID where it is declared, the pattern, or the name that implies the kind
    what: str  # "declared single (group APPS)"
    fix: Span | None  # the keyword to rewrite, where one statement declares that user alone
    std: str | None = None  # the standard-library module that declares it too ("std/zvm-common")


def directory_checks(model: Model, directory: Directory) -> list[Diagnostic]:
    """Every check of the model against a directory that could be read, in order."""
    if not directory.readable:
        return []
    out: list[Diagnostic] = []
    out.extend(kinds_differ(model, directory))
    out.extend(users_missing(model, directory))
    out.extend(patterns_matching_none(model, directory))
    out.extend(identity_builds(model, directory))
    return out


def kind_source(model: Model, user_id: str) -> KindSource | None:
    """How the .bkr files give `user_id` its kind: an explicit declaration, the
    first pattern that matches it, or the cluster's place for it (`Model.kind_of`)."""
    # The site's own declaration before the standard library's: the one the site can change.
    defs = model.user_defs_of(user_id)
    user = next((u for u in defs if not u.module.startswith("std/")), defs[0] if defs else None)
    if user is not None:
        alone = next(
            (lst for lst in model.user_lists if lst.origin == "user" and lst.ids == (user.id,)), None
        )
        fixable = alone is not None and not user.module.startswith("std/")
        what = f"declared {user.kind.value} ({_origin(user.origin, user.module)})"
        std = next((u.module.removesuffix(".bkr") for u in defs if u.module.startswith("std/")), None)
        return KindSource(user.kind, user.span, what, user.kind_span if fixable else None, std)
    pattern = model.pattern_for(user_id)
    if pattern is not None:
        std = pattern.module.removesuffix(".bkr") if pattern.module.startswith("std/") else None
        return KindSource(
            pattern.kind,
            pattern.span,
            f"{pattern.kind.value} through pattern `{pattern.pattern}` ({_origin(pattern.origin, pattern.module)})",
            None,
            std,
        )
    implied = model.implied_kind(user_id)
    if implied is None:
        return None
    span = next((s for name, s in _named_machines(model) if name == user_id), None)
    if span is None:  # pragma: no cover - implied_kind names only these machines
        return None
    return KindSource(implied, span, f"{implied.value} as the cluster names it here", None)


def _named_machines(model: Model) -> Iterator[tuple[str, Span]]:
    """The machines the cluster names without declaring them: the catalog's SFS server
    and the Tape Manager's nodes (`Model.implied_kind`)."""
    for c in model.catalogs[:1]:
        if c.server is not None and c.server_span is not None:
            yield c.server, c.server_span
    for t in model.tapes[:1]:
        yield from t.machines()


def _origin(origin: str, module: str) -> str:
    where = module if module.startswith("std/") else ""
    said = "a `user` statement" if origin == "user" else origin
    return f"{said} of {where.removesuffix('.bkr')}" if where else said


def kinds_differ(model: Model, directory: Directory) -> Iterator[Diagnostic]:
    """BKR510: each USER or IDENTITY entry whose ID the .bkr files give the other kind."""
    for entry in directory.entries:
        actual = KIND_OF_STATEMENT.get(entry.kind)
        if actual is None:
            continue
        source = kind_source(model, entry.id)
        if source is None or source.kind is actual:
            continue
        word = actual.value
        fix = None
        if source.fix is not None:
            fix = Fix.replace(f"Write `{word}`", source.fix, word)
        yield KIND_DIFFERS(
            f"{quoted(entry.id)} is {source.what}, but the site's directory defines it with {_a(entry.kind)}"
            f" entry: {_consequence(entry.id, actual)}",
            source.span,
            label=f"{source.kind.value} here",
            help=_kind_help(entry.id, source, actual),
            related=(Related(entry.statement, f"{entry.kind} {quoted(entry.id)} in the directory"),),
            fix=fix,
        )


def _a(statement: str) -> str:
    return "an IDENTITY" if statement == "IDENTITY" else f"a {statement}"


def _consequence(user_id: str, actual: Kind) -> str:
    if actual is Kind.IDENTITY:
        return f"a job on one member backs up that member's instance only, and {quoted(user_id)}'s minidisks on the others never"
    return "a job on each member backs up its one set of minidisks once per member, into as many histories"


def _kind_help(user_id: str, source: KindSource, actual: Kind) -> str:
    if source.std is not None:
        return (
            f"your directory differs from IBM's for {quoted(user_id)}: copy {source.std} into a site module,"
            f" import that instead, and declare {quoted(user_id)} `{actual.value}` there (docs/stdlib.md)"
        )
    if source.fix is not None:
        return f"write `{actual.value} user {user_id}`, as the directory defines it"
    return f"declare {quoted(user_id)} `{actual.value}`, as the directory defines it, in a group or statement of that kind"


def users_missing(model: Model, directory: Directory) -> Iterator[Diagnostic]:
    """BKR511: the IDs a group lists, or a job backs up by name, that the directory lacks."""
    suggest = Suggester()
    known = [e.id for e in directory.entries if e.kind != "SUBCONFIG"]
    for lst in model.user_lists:
        if not lst.origin.startswith("group "):
            continue
        for user in lst.defs:
            if directory.entry(user.id) is None or directory.entry(user.id).kind == "SUBCONFIG":
                yield _missing(model, directory, user.id, user.span, lst.origin, suggest, known)
    for job in model.jobs:
        for ref in job.refs:
            if ref.group is None and ref.resolved and _absent(directory, ref.word.upper):
                yield _missing(
                    model, directory, ref.word.upper, ref.word.span, f"job {quoted(job.name)}", suggest, known
                )


def _absent(directory: Directory, user_id: str) -> bool:
    entry = directory.entry(user_id)
    return entry is None or entry.kind == "SUBCONFIG"


def _missing(model, directory, user_id, span, where, suggest, known) -> Diagnostic:
    entry = directory.entry(user_id)
    if entry is not None:  # a SUBCONFIG: part of an IDENTITY's entry, never a user
        what = f"{quoted(user_id)} is a SUBCONFIG of the site's directory, not a user"
        related = (Related(entry.statement, f"SUBCONFIG {quoted(user_id)} here"),)
    else:
        what = f"{quoted(user_id)} is not in the site's directory ({directory.name})"
        related = ()
    closest = [c for c in suggest.closest(user_id, known) if c != user_id]
    unused = [c for c in closest if model.user(c) is None]
    return NOT_IN_DIRECTORY(
        f"{what}: {where} backs it up, and Backup Manager finds nothing of it",
        span,
        help=mean_help(closest, f"correct the ID, or remove {quoted(user_id)} if the guest is gone"),
        related=related,
        fix=mean_fix(unused, span) if unused == closest else None,
    )


def patterns_matching_none(model: Model, directory: Directory) -> Iterator[Diagnostic]:
    """BKR512: each group's `match` pattern that no USER or IDENTITY entry matches."""
    ids = [e.id for e in directory.entries if e.kind != "SUBCONFIG"]
    for pattern in model.pattern_defs:
        if not pattern.origin.startswith("group "):
            continue
        rx = pattern_regex(pattern.pattern)
        if not any(rx.match(i) for i in ids):
            yield PATTERN_MATCHES_NONE(
                f"pattern `{pattern.pattern}` of {pattern.origin} matches no user of the site's"
                f" directory ({directory.name}): it backs up nothing",
                pattern.span,
                help="correct the pattern, or remove it if those guests are gone",
            )


def identity_builds(model: Model, directory: Directory) -> Iterator[Diagnostic]:
    """BKR513 and BKR514: each IDENTITY an `on each member` job backs up, against
    the members its BUILD statements name. Its users are the job's IDs and the
    directory's IDENTITY entries its patterns match (only the directory knows those)."""
    if model.cluster is None:
        return
    members = model.member_names
    seen: set[str] = set()
    for job in model.jobs:
        if not job.each_member:
            continue
        for entry in _identities_of(model, job, directory):
            if entry.id in seen:
                continue
            seen.add(entry.id)
            yield from _builds_against(model, job, entry, members)


def _identities_of(model: Model, job, directory: Directory) -> Iterator[Entry]:
    patterns = [pattern_regex(p) for ref in job.refs if ref.group is not None for p in ref.group.patterns]
    named = set(model.job_user_ids(job)) | {ref.word.upper for ref in job.refs if ref.group is None}
    for entry in directory.entries:
        if entry.kind == "IDENTITY" and (entry.id in named or any(rx.match(entry.id) for rx in patterns)):
            yield entry


def _builds_against(model: Model, job, entry: Entry, members: tuple[str, ...]) -> Iterator[Diagnostic]:
    built = {b.member for b in entry.builds}
    if "*" in built:  # built on whatever system reads the directory
        return
    cluster = model.cluster
    run = job.run.span if job.run is not None else job.decl.name.span
    for build in entry.builds:
        if build.member not in members:
            yield BUILT_ON_UNKNOWN_MEMBER(
                f"IDENTITY {quoted(entry.id)} is built on {quoted(build.member)}, which cluster"
                f" {quoted(model.name)} does not declare: job {quoted(job.name)} runs on each member of"
                f" {quoted(model.name)}, so {quoted(entry.id)}'s instance on {quoted(build.member)} and its"
                f" SUBCONFIG {quoted(build.subconfig)} are never backed up",
                build.span,
                help=f"declare `member {build.member}` in cluster {quoted(model.name)} if it is one of its members;"
                " if the member left the cluster, delete this BUILD statement and its SUBCONFIG",
                related=(
                    Related(run, f"job {quoted(job.name)} runs on each member here"),
                    Related(cluster.name.span, f"cluster {quoted(model.name)}'s members: {listed(members, len(members))}"),
                ),
            )
    missing = [m for m in members if m not in built]
    if missing:
        where = model.member(missing[0]).decl.name.span
        names = listed(missing, len(missing))
        yield NOT_BUILT_ON_MEMBER(
            f"IDENTITY {quoted(entry.id)} has no BUILD statement for {names}: job {quoted(job.name)} runs"
            f" there too, and finds nothing of {quoted(entry.id)} ({_builds_said(entry)})",
            entry.span,
            help=f"add `BUILD ON {missing[0]} USING SUBCONFIG id` and its SUBCONFIG entry if {quoted(entry.id)}"
            f" runs on {names}; if it does not, nothing is lost",
            related=(
                Related(where, f"member {quoted(missing[0])} declared here"),
                Related(run, f"job {quoted(job.name)} runs on each member here"),
            ),
        )


def _builds_said(entry: Entry) -> str:
    if not entry.builds:
        return "it has no BUILD statement at all"
    return "built on " + listed([b.member for b in entry.builds], len(entry.builds))
