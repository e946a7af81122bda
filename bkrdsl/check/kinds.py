"""Configuration kinds: who must be single, who must be IDENTITY (BKR201-BKR206),
one machine per role (BKR207), and no machine with another user's ID (BKR208).

SSI rules 2-4 and 9 of ../shared/domain.md: the product's service machines run
on every member (IDENTITY); the cluster-wide catalog's SFS server runs once
(single); no user is both.
"""

from __future__ import annotations

from fnmatch import fnmatchcase

from bkrdsl.ast import Import, Kind, Scope
from bkrdsl.check.common import line_in, listed, plural, quoted, valid_user_id, valid_user_or_pattern
from bkrdsl.check.registry import check
from bkrdsl.diagnostics import Diagnostic, Fix, Related
from bkrdsl.diagnostics.registry import register
from bkrdsl.resolve.model import (
    ROLE_TEXT,
    ROLES,
    SERVICE_ROLES,
    Model,
    PatternDef,
    UserDef,
    id_scanner,
    worker_ids,
)
from bkrdsl.resolve.patterns import covers, pairs_that_may_share, shared_id
from bkrdsl.source import Span

SERVICE_SINGLE = register(
    "BKR201",
    "service-machine-single",
    "error",
    "a Backup Manager service machine declared single-configuration",
    """
    Backup Manager runs on every member of the cluster. Its service machines,
    the backup server (BKRBKUP), the catalog server (BKRCATLG) and the workers
    (BKRWRKnn), must be multiconfiguration virtual machines: IDENTITY
    directory entries with a SUBCONFIG per member, so that each member has its
    own instance with its own 191 disk, PROFILE EXEC and work files. A
    single-configuration (USER) entry can be logged on to only one member at a
    time: every other member would have no backup server, and their jobs would
    never run. (IBM technote "Backup and Restore Manager for z/VM
    considerations for a z/VM SSI environment".) A single pattern whose every
    ID a service machine's pattern matches (`single user BKRWRK*`, or
    `BKRWRK0*`, beside the workers' `BKRWRK*`) declares those machines single
    too, and is this error; a pattern that also matches other IDs (`match
    BKRW*`) is BKR204. A CP command pasted alone on a line of a group body
    (a single or an IDENTITY group's, where it would put the machine in
    the group's backups) with a service machine after it (`SMSG BKRBKUP`, `CP SMSG BKRBKUP`), its
    first word declared nowhere else, is this error too, which says the line
    is the command, and whose fix removes it (no fix with a comment on it).
    A user of z/VM's own that a standard library module declares single
    (`single user VMSERVP`), made a service machine by the site
    (`identity user VMSERVP role backup-server`), is BKR208's error alone,
    at the site's line: the ID is the mistake, not the library's kind.

    Failing example:

        import std/backup-manager      # identity user BKRBKUP role backup-server
        single user BKRBKUP            # but the site says single
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: delete the site's declaration and rely on std/backup-manager's
    (declared `identity` again, it is BKR320); a file that declares the
    product's machines itself, without std/backup-manager, declares it
    `identity`.
    """,
)

CATALOG_SERVER_KIND = register(
    "BKR202",
    "catalog-server-kind",
    "error",
    "the catalog's SFS server has the wrong configuration kind for the catalog's scope",
    """
    With one catalog for the whole cluster (`catalog shared`, IBM's
    recommendation), the catalog lives in an SFS file pool whose server
    (e.g. BKRSVSFS) must be a single-configuration user: one server, one file
    pool, reachable from every member. Then an administrator on any member
    finds any user's backups. Declared IDENTITY, every member would start its
    own server with its own file pool: the "shared" catalog would be split
    in as many pieces as there are members.

    With `catalog local` (one catalog per member) it is the other way round:
    each member needs its own server, so the server must be IDENTITY.

    The help writes the edit on the file's own line: the kind word of the
    `user` statement that declares the server; a group that lists the
    server (to back it up), the server taken out of it and declared on its
    own, the one error for that slip (not BKR208 as well). Where a site
    module declares the server with the wrong kind, the note is the site's
    declaration, whichever file is imported first. A server with an ID of
    z/VM's own, one a standard library module declares (`catalog local
    server VMSERVP`, std/zvm-common's single VMSERVP; `catalog shared server
    MAINT`), is BKR208's error alone, whatever the site declares: the ID is
    the slip, and its kind is that of IBM's directory entry, which the site
    does not change (declared the other way, it is BKR203 beside the library).

    Failing example:

        import std/backup-manager
        identity user BKRSVSFS
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL   # <- BKR202
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `single user BKRSVSFS` (or leave it undeclared: bkrc then writes it as
    a single-configuration user).
    """,
)

BOTH_KINDS = register(
    "BKR203",
    "user-in-both-kinds",
    "error",
    "a user declared single in one place and IDENTITY in another",
    """
    Every user has one configuration kind: a USER entry (single-configuration,
    logged on to one member at a time) or an IDENTITY entry (an instance on
    every member). It decides which jobs may back it up (BKR220, BKR221) and
    what bkrc writes for it. A user declared both ways, by two declarations or
    by a declaration and a group of the other kind, has no kind bkrc can
    trust, and either guess costs backups: taken as single, an IDENTITY
    user is backed up on one member, and its instances on the others never
    are; taken as IDENTITY, a single-configuration user's minidisks, on DASD
    every member shares, are copied once per member.

    A group's `match` pattern that matches the user too is shown as
    a note, not reported as BKR204: whether the pattern may match it depends
    on the kind you keep. It is one error per user, at its first
    declaration of the other kind: any further ones are notes. Where one
    of the declarations is a standard library module's, the error is at
    the site's own, whichever file is imported first, and the library's is
    the note: the site cannot edit the library's line. Two or more
    users of one group declared with the other kind elsewhere are one error,
    at the group's `single` or `identity`: the word most likely written the
    wrong way (`identity group SYSIDS { TCPIP FTPSERVE }` written `single`). Nor are the
    jobs that back the user up judged by its kind (BKR220, BKR221, BKR222):
    a group's `identity` written `single` is one mistake, not one more for
    each job of the group.
    The help says, for each kind, what to take the user out of to keep it,
    each place with its line: the groups (`take it out of group APPS
    (line 45)`; a group of which it is the only user, its kind written the
    other way), the `user` statements (`delete `single user DIRMAINT``),
    a standard library module's declaration (a copy of the module), and
    the other kind's `match` pattern that matches it (narrowed). For a
    group whose users are declared with the other kind, it names the
    group's line, where `single` or `identity` is written.

    Failing example:

        import std/backup-manager
        import std/zvm73                   # identity user TCPIP
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group NETWORK { TCPIP }     # TCPIP listed as single
          job NETFULL {
            backup NETWORK full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: decide which the directory really has (`QUERY USERID TCPIP AT ALL`, or
    look for IDENTITY/USER in USER DIRECT) and keep only that one: for
    TCPIP identity, write `identity group NETWORK` for `single group
    NETWORK` (line 7). TCPIP is the group's only user: taken out of it, the
    group would be empty and job NETFULL would back up nothing (BKR116), so
    the help names the group's kind; of a group with other users, or where
    a group of the other kind lists the user too, it says to take the user
    out of the group. When the
    other declaration is the standard library's and your directory differs
    from it, import a copy of that module with the user's kind changed
    (docs/stdlib.md); the help names the module. Where the site reads that
    module only through another of the library's (`std/zvm-common`, which
    `import std/zvm73` reads), the help says to copy both, the release
    module's copy importing the other copy, in place of the site's `import
    std/zvm73`, and names that import: a copy of `std/zvm-common` imported
    beside `std/zvm73` leaves the library's declaration read too.
    """,
)

PATTERN_OTHER_KIND = register(
    "BKR204",
    "pattern-matches-other-kind",
    "error",
    "a group's pattern also matches a user (or shares users with a pattern) of the other kind",
    """
    `match PATTERN` in a group says that every user whose ID matches is of the
    group's kind. When a user declared with the other kind matches too, the
    user would be backed up by the jobs of both kinds: once as a
    single-configuration user from one member, and once per member as an
    IDENTITY user.

    The same holds for two patterns: a single group's pattern and an
    IDENTITY pattern (another group's, or the workers' `BKRWRK*`) that both
    match some user ID (decided on the IDs they match: `LNX*` and `LNXM*`
    share LNXMON; `APP%` and `APP%%*` share none). A pattern that does both,
    matching users of the other kind and sharing IDs with a pattern of the
    other kind, is one mistake and one error, at that pattern, naming the
    users and the patterns. A user declared with both kinds is BKR203's
    mistake, which names the patterns that match it; so is every user of a
    group that declares such a user, since the group's kind is in doubt, and
    every user of a group declared both single and identity (BKR321). A
    single pattern that matches only service machines' IDs (`single user
    BKRWRK*`) is BKR201: it declares the machines single. A standard
    library module's pattern (`identity user DTCVSW*` of `std/zvm-common`)
    that matches a site's user of the other kind (`single user DTCVSW1`)
    is not the site's to narrow: the error is at the site's declaration,
    one per user, the pattern as the note, whichever file is imported
    first; the help keeps either kind, the site's by copies of the
    library's modules with the pattern narrowed (docs/stdlib.md).

    Failing example:

        import std/backup-manager
        identity user LNXADMIN
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group LINUXES { match LNX* }   # <- BKR204
          job LNXFULL {
            backup LINUXES full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: narrow the pattern (`match LNX0*`), or, if LNXADMIN is a single
    user, delete `identity user LNXADMIN`.

    The help names the pattern with its line and the users to leave out; for
    one user the site declares itself, and no shared pattern, it also says
    what to take the user out of if the CP directory has it of the pattern's
    kind (`if single, delete `identity user LNXADMIN` (line 2)`).
    """,
)

MISSING_SERVICE = register(
    "BKR205",
    "missing-service-machine",
    "error",
    "no backup server, catalog server or worker machine is declared",
    """
    bkrc writes each member's PROFILE EXEC snippet and directory entries for
    the product's machines, and sends each job to the backup server; so it
    must know the machines: one user with `role backup-server`, one with
    `role catalog-server`, and the workers (`role worker`, usually the pattern
    BKRWRK*). The standard library declares them as IBM ships the product.

    Failing example, a cluster file that does not import std/backup-manager
    and declares none of these roles:

        cluster PRODSSI {   # <- BKR205
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: add `import std/backup-manager` at the top of the file (or declare
    your renamed machines, e.g. `identity user BKRBKUP2 role backup-server`).

    Where a comment of the file holds the import after a line or paragraph
    separator or a NEL (`## doc`, U+2028, `import std/backup-manager`: text
    pasted out of a word processor), an editor shows the import on a line of
    its own and bkrc reads it as part of the comment (BKR023). The error then
    points at the import's words, the cluster a related place, and its fix
    writes a line end for the separator (`bkrc check --fix` takes it before
    BKR023's, which would remove the separator and keep the import a comment).
    """,
)

SEVERAL_ROLE = register(
    "BKR206",
    "several-role-machines",
    "error",
    "two different users declared with one product role",
    """
    Backup Manager has one backup server, one catalog server, one
    administrator and one installation user per cluster (the service machines
    have one instance per member, but one user ID), and one naming scheme for
    its workers. Two user IDs with the same role leave bkrc to guess which one
    receives the jobs. The error points at the later one, or at the site's
    own when the other comes from the standard library (which is already
    there: `import std/backup-manager` declares BKRADMIN the administrator).

    Failing example:

        import std/backup-manager                  # BKRBKUP role backup-server
        identity user BKRBKUP2 role backup-server   # <- BKR206
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: keep one. If your installation renamed the machine, do not import
    std/backup-manager; declare all the roles yourself.
    """,
)

TWO_ROLES = register(
    "BKR207",
    "machine-with-two-roles",
    "error",
    "one user ID declared with two product roles",
    """
    Backup Manager's machines are different virtual machines: the backup
    server runs the jobs, the catalog server keeps the catalog, the workers
    do the work, the administrator and the installation user are people's
    and the product's IDs. One user ID with two roles would be one machine
    doing both jobs: bkrc would write one directory entry, with the first
    role's statements, and send both roles' commands to it. The same holds
    for a machine whose ID the worker pattern also makes (`BKRWRK*` and
    `workers 2` make BKRWRK01 and BKRWRK02). When one of the two roles comes
    from the standard library, the error points at the site's declaration.

    Failing example:

        identity user BKRBKUP role backup-server
        identity user BKRBKUP role catalog-server   # <- BKR207
        identity user BKRWRK* role worker
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `identity user BKRCATLG role catalog-server`: each role its own ID.
    """,
)


def _service_ids(model: Model) -> dict[str, UserDef]:
    """Service machine ID -> the declaration that gives it its role."""
    out: dict[str, UserDef] = {}
    for u in model.role_defs():
        if u.role in SERVICE_ROLES:
            out.setdefault(u.id, u)
    return out


def _service_patterns(model: Model) -> list[PatternDef]:
    return [p for p in model.pattern_defs if p.role in SERVICE_ROLES and valid_user_or_pattern(p.pattern)]


def _service_role_of(model: Model, user_id: str, ids: dict[str, UserDef], patterns: list[PatternDef]):
    """The role declaration (UserDef or PatternDef) that makes `user_id` a service machine."""
    if user_id in ids:
        return ids[user_id]
    for p in patterns:
        if p.regex.match(user_id):
            return p
    return None


@check
def service_machines_identity(model: Model):
    ids = _service_ids(model)
    patterns = _service_patterns(model)
    # Only single users can be reported: a service machine declared single, or
    # declared elsewhere too (maybe single there), and the single users a service
    # pattern matches (one scan finds them among all the users).
    suspects = {i for i, u in ids.items() if u.kind is Kind.SINGLE or i in model.repeated_ids}
    suspects |= model.find_ids(id_scanner(p.pattern for p in patterns), Kind.SINGLE)
    for u in model.defs_of(suspects):
        if u.kind is not Kind.SINGLE or not valid_user_id(u.id):
            continue
        role_decl = _service_role_of(model, u.id, ids, patterns)
        if role_decl is None:
            continue
        if _from_stdlib(model, u.module) and u.role is None and not _from_stdlib(model, role_decl.module):
            # z/VM's own user (`single user VMSERVP`) made a product machine by the site:
            # BKR208's one slip, at the site's line; here it was the library's line,
            # with a help to delete what the site cannot edit.
            continue
        if (command := _command_before(model, u)) is not None:
            yield command
            continue
        related = () if role_decl is u else (Related(role_decl.span, f"{role_decl.role} role given here"),)
        yield SERVICE_SINGLE(
            f"{quoted(u.id)} is {ROLE_TEXT[role_decl.role]} and must be an IDENTITY user, but is declared single",
            u.span,
            label="declared single here",
            related=related,
            help=_service_single_help(model, u, role_decl),
        )
    yield from _commands_in_identity_groups(model, ids, patterns)
    for p in model.pattern_defs:
        if p.role in SERVICE_ROLES and p.kind is Kind.SINGLE:
            yield SERVICE_SINGLE(
                f"the {p.role} machines {quoted(p.pattern)} must be IDENTITY users, but are declared single",
                p.span,
                label="declared single here",
                help=f"write `identity` for `single` ({_line(p.kind_span, p.span.file)}): {_SERVICE_WHY}",
            )
    for p, service in _single_patterns_of_service(model):
        yield SERVICE_SINGLE(
            f"pattern {quoted(p.pattern)} declares the {service.role} machines single (every ID it"
            f" matches is one of {quoted(service.pattern)}): they must be IDENTITY users",
            p.span,
            label="declared single here",
            related=(Related(service.span, f"{service.role} role given here"),),
            help=(
                f"delete `single user {p.pattern}` ({_line(p.span, p.span.file)}):"
                f" {_line(service.span, p.span.file)} declares them identity already; {_SERVICE_WHY}"
                if service.kind is Kind.IDENTITY and _alone(model, p)
                else f"declare them `identity` ({_line(p.span, p.span.file)}): {_SERVICE_WHY}"
            ),
        )


_SERVICE_WHY = "Backup Manager's service machines run on every member"


def _line(span: Span, where: str) -> str:
    """`line N` of `span` in the file `where`, the diagnostic's own; `FILE line N` in
    another (`common.line_in`)."""
    return line_in(span, where)


def _alone(model: Model, p: PatternDef) -> bool:
    """Whether `p` is the one name of a `user` statement (`single user BKRWRK*`)."""
    if p.origin != "user":
        return False
    return not any(s.kind_span == p.kind_span and s.ids for s in model.user_lists) and (
        sum(q.kind_span == p.kind_span for q in model.pattern_defs) == 1
    )


def _service_single_help(model: Model, u: UserDef, role_decl) -> str:
    """BKR201's help for a service machine `u` declares single, on the file's own lines:
    a group entry taken out of its group; a `user` statement of that one ID deleted where
    another declaration (the standard library's) makes the machine IDENTITY already, else
    its `single` written `identity`; in words where the statement lists other users too."""
    why = _SERVICE_WHY

    def line(span: Span) -> str:
        return _line(span, u.span.file)

    identity = next(
        (d for d in model.defs_of({u.id}) if d.kind is Kind.IDENTITY),
        role_decl if role_decl is not u and role_decl.kind is Kind.IDENTITY else None,
    )
    also = f": {line(identity.span)} declares it identity already; {why}" if identity is not None else f": {why}"
    if u.origin.startswith("group "):
        group = u.origin.removeprefix("group ")
        if identity is not None:
            return f"take `{u.id}` out of group {group} ({line(u.span)}){also}"
        return f"take `{u.id}` out of group {group} ({line(u.span)}) and declare it `identity user {u.id}`: {why}"
    alone = [s for s in model.user_lists if s.kind_span == u.kind_span and len(s.ids) == 1]
    if alone and identity is not None:
        role = f" role {u.role}" if u.role is not None else ""
        return f"delete `single user {u.id}{role}` ({line(u.span)}){also}"
    if alone:
        return f"write `identity` for `single` ({line(u.kind_span)}): {why}"
    return f"declare it `identity` ({line(u.span)}): {why}"


#: CP commands that name a machine after them, which a group body reads as user IDs where
#: one is pasted with the machine alone (`SMSG BKRBKUP`), `CP` before it or not.
_MACHINE_COMMANDS = frozenset({"SMSG", "XAUTOLOG"})


def _commands_in_identity_groups(model: Model, ids: dict[str, UserDef], patterns: list[PatternDef]):
    """`SMSG BKRBKUP` alone on a line of an IDENTITY group's body: both words IDENTITY
    users, so nothing above reports them, and the service machine was silently one of the
    group's users a job backs up. _command_before's error for the machine after each
    command word a group of that kind lists. A file that declares no user SMSG (XAUTOLOG)
    costs one set look-up per word."""
    for command in sorted(_MACHINE_COMMANDS):
        for c in model.user_defs_of(command):
            if c.kind is not Kind.IDENTITY or not c.origin.startswith("group "):
                continue
            group = model.group(c.origin.removeprefix("group "))
            if group is None or group.module != c.module:
                continue
            entries = group.decl.entries
            at = next((i for i, e in enumerate(entries) if e.span == c.span), None)
            if at is None or at + 1 >= len(entries) or entries[at + 1].is_pattern:
                continue
            after = entries[at + 1]
            machine = after.word.text.upper()
            if not valid_user_id(machine) or _service_role_of(model, machine, ids, patterns) is None:
                continue
            u = next((d for d in model.user_defs_of(machine) if d.span == after.span), None)
            if u is not None and u.kind is Kind.IDENTITY and (found := _command_before(model, u)) is not None:
                yield found


def _command_before(model: Model, u: UserDef) -> Diagnostic | None:
    """`SMSG BKRBKUP` (or `CP SMSG BKRBKUP`) alone on a line of a group body: a CP
    command pasted, the service machine `u` its operand, which the group read as users,
    SMSG too (declared nowhere else: a user SMSG the site has is kept one). The
    command's error, as the syntax reports one with a verb after the machine, whose fix
    removes the words (with the line end before them, where the entry before ends the
    line above and no comment stands between), after which BKRBKUP is the standard
    library's again; no fix where a comment or the group's `}` stands on the line.
    None for any other entry."""
    if not u.origin.startswith("group "):
        return None
    group = model.group(u.origin.removeprefix("group "))
    if group is None or group.module != u.module:
        return None
    entries = group.decl.entries
    at = next((i for i, e in enumerate(entries) if e.span == u.span), None)
    if not at:
        return None
    first = at - 1
    if entries[first].word.text not in _MACHINE_COMMANDS:
        return None
    if first and entries[first - 1].word.text == "CP" and entries[first - 1].span.line == u.span.line:
        first -= 1
    words = entries[first:at]
    line = u.span.line
    if any(e.is_pattern or e.span.line != line or e.word.text.upper() in model.repeated_ids for e in words):
        return None
    after = entries[at + 1] if at + 1 < len(entries) else None
    before = entries[first - 1] if first else None
    if (after is not None and after.span.line == line) or (before is not None and before.span.line == line):
        return None  # more users on the line
    module = next((m for m in model.modules if m.file == u.module), None)
    comments = [c for c, _ in module.comments] if module is not None else []
    # the group's `}` or a comment on the line (the site's words, kept): no fix
    whole = group.decl.span.end_line != line and not any(c.line == line for c in comments)
    start = entries[first].span
    if before is not None and before.span.end_line == line - 1 and not any(
        c.line == line - 1 and c.column > before.span.end_column for c in comments
    ):
        begin = (before.span.end_line, before.span.end_column, before.span.end)
    else:
        begin = (line, 1, start.start - (start.column - 1))
    finish = (line, u.span.end_column, u.span.end)
    if begin[1] == 1 and after is not None and after.span.line == line + 1:
        # first in the body (the `{` on the line above): its line end too, up to the next entry's line
        finish = (after.span.line, 1, after.span.start - (after.span.column - 1))
    removed = Span(u.span.file, begin[0], begin[1], *finish[:2], begin[2], finish[2])
    command = " ".join(e.word.text for e in (*words, entries[at]))
    verb = entries[at - 1].word.text
    role = _service_role_of(model, u.id, _service_ids(model), _service_patterns(model)).role
    from bkrdsl.generated import START_FILE, SUBMIT_FILE

    what = (
        f"{SUBMIT_FILE} EXEC, which sends {u.id if role == 'backup-server' else 'the backup server'} the member's jobs"
        if verb == "SMSG"
        else f"{START_FILE} EXEC, which logs on the Backup Manager machines in their order"
    )
    return SERVICE_SINGLE(
        f"`{command}` is a CP command, not users of group {group.name}: {u.id} is"
        f" {ROLE_TEXT[role]}",
        Span(u.span.file, line, start.column, line, u.span.end_column, start.start, u.span.end),
        label="read as user IDs here",
        help=f"remove the line: a .bkr file describes the jobs, it sends none; `bkrc compile` writes each member's {what}",
        fix=Fix.replace("Remove the line", removed, "") if whole else None,
    )


def _single_patterns_of_service(model: Model) -> list[tuple[PatternDef, PatternDef]]:
    """(single pattern, service pattern) for a single pattern without a role whose every
    ID a service pattern matches (`single user BKRWRK*` beside the workers' `BKRWRK*`):
    it declares only service machines, so its mistake is their kind (BKR201), not an
    overlap to narrow (BKR204, which keeps a pattern that also matches other IDs,
    `single group WORKERS { match BKRW* }`)."""
    service = _service_patterns(model)
    if not service:
        return []
    out = []
    for p in model.pattern_defs:
        if p.kind is not Kind.SINGLE or p.role is not None or not valid_user_or_pattern(p.pattern):
            continue
        owner = next((s for s in service if covers(s.pattern, p.pattern)), None)
        if owner is not None:
            out.append((p, owner))
    return out


@check
def catalog_server_kind(model: Model):
    for cat in model.catalogs:
        if cat.server is None or cat.server_span is None or not valid_user_id(cat.server):
            continue
        if model.product_role(cat.server) is not None:
            continue  # a Backup Manager machine: BKR217 says so
        wrong = Kind.IDENTITY if cat.scope is Scope.SHARED else Kind.SINGLE
        # The site's declaration first, the one it can edit, whichever file is imported
        # first (a site module after `import std/zvm73` comes before the library's).
        decls = [(u.span, u) for u in model.user_defs_of(cat.server) if u.kind is wrong]
        decls.sort(key=lambda d: _from_stdlib(model, d[1].module))
        if not decls and not model.user_defs_of(cat.server):
            p = model.pattern_for(cat.server)
            if p is not None and p.kind is wrong:
                decls = [(p.span, p)]
        if not decls:
            continue
        if _zvm_own(model, cat.server, cat.server_span):
            # z/VM's own ID (`catalog local server VMSERVP`, std/zvm-common's single
            # VMSERVP): BKR208's one slip, whose help gives the server an ID of its own;
            # the kind this help would write is the library's to keep (BKR203 beside it).
            continue
        span, decl = decls[0]
        if cat.scope is Scope.SHARED:
            message = f"the shared catalog's SFS server {quoted(cat.server)} must be single-configuration, but is IDENTITY"
            help = f"{_server_kind_edit(model, cat.server, decl, Kind.SINGLE, cat.server_span.file)}: one catalog needs one file pool server"
        else:
            message = f"each member's catalog needs its own SFS server, but {quoted(cat.server)} is single-configuration"
            help = f"{_server_kind_edit(model, cat.server, decl, Kind.IDENTITY, cat.server_span.file)}, or use `catalog shared`"
        yield CATALOG_SERVER_KIND(
            message,
            cat.server_span,
            related=(Related(span, f"declared {wrong.value} here"),),
            help=help,
        )


def _zvm_own(model: Model, server: str, span: Span) -> bool:
    """Whether the catalog's server `server`, named at `span`, has an ID of z/VM's own,
    one the standard library declares without a role or an ID family of its
    (`_taken_by`), for which BKR208 reports it there."""
    if model.cluster is None or model.machine_roles().get(server) != "catalog-sfs-server":
        return False
    if _machine_span(model, server, "catalog-sfs-server") != span:
        return False
    std_patterns = [p for p in model.pattern_defs if p.role is None and _from_stdlib(model, p.module)]
    taken = _taken_by(model, server, "catalog-sfs-server", std_patterns)
    return taken is not None and _from_stdlib(model, taken.module)


def _server_kind_edit(model: Model, server: str, decl, kind: Kind, where: str) -> str:
    """BKR202's edit, on the file's own lines: the `user` statement that declares the
    server alone, its kind word written again; a group's entry taken out of the group and
    the server declared on its own; else (a pattern, another module, a statement of
    several users) the declaration to add. `where`: the error's file."""
    other = Kind.IDENTITY if kind is Kind.SINGLE else Kind.SINGLE
    if isinstance(decl, UserDef) and decl.span.file == model.main_file:
        if decl.origin.startswith("group "):
            group = decl.origin.removeprefix("group ")
            return f"take `{server}` out of group {group} ({_line(decl.span, where)}) and declare `{kind.value} user {server}`"
        if any(s.kind_span == decl.kind_span and len(s.ids) == 1 for s in model.user_lists):
            return f"write `{kind.value}` for `{other.value}` ({_line(decl.kind_span, where)})"
    return f"declare `{kind.value} user {server}`"


@check
def users_in_both_kinds(model: Model):
    # Only IDs declared more than once can be declared with both kinds.
    repeated = model.repeated_ids
    if not repeated:
        return
    service = set(_service_ids(model))
    patterns = _service_patterns(model)
    defs: dict[str, list[UserDef]] = {}
    for u in model.defs_of(repeated):
        defs.setdefault(u.id, []).append(u)
    # The library's declarations first (stable): a site module imported after `import
    # std/zvm73` comes before std/zvm-common in `user_lists`, and its other kind of
    # VMSERVP was reported on the library's line, which the site cannot edit.
    for same_id in defs.values():
        same_id.sort(key=lambda u: not _from_stdlib(model, u.module))
    # (user's first declaration, those of the other kind), one per user, by the
    # statement that declares them with the other kind
    by_statement: dict[Span, list[tuple[UserDef, list[UserDef]]]] = {}
    kept: dict[str, list[UserDef]] = {}
    for seen, *others in defs.values():
        # One error per user, at its first declaration of the other kind; any
        # further ones are notes (a user listed in three groups is one mistake).
        conflicts = [u for u in others if u.kind is not seen.kind]
        if not conflicts or _one_group_twice(model, [seen, *conflicts]):
            continue
        u = conflicts[0]
        # A service machine declared single is BKR201's to report.
        if u.id in service or _service_role_of(model, u.id, {}, patterns) is not None:
            continue
        by_statement.setdefault(u.kind_span, []).append((seen, conflicts))
        kept[u.id] = [seen, *(v for v in others if v.kind is seen.kind)]
    for found in by_statement.values():
        if len(found) > 1 and found[0][1][0].origin.startswith("group "):
            yield _group_of_other_kind(model, found)
        else:
            yield from (_both_kinds(model, kept[seen.id], conflicts) for seen, conflicts in found)


def _both_kinds(model: Model, same: list[UserDef], conflicts: list[UserDef]) -> Diagnostic:
    """BKR203 for one user, at its first declaration of the other kind; `same`, its
    declarations of the first one's kind, that first."""
    seen = same[0]
    u = conflicts[0]
    where = "in " + u.origin if u.origin != "user" else "here"
    also = [f"in {v.origin}" if v.origin != "user" else "by a `user` statement" for v in conflicts[1:]]
    where += f" (and {', '.join(also)})" if also else ""
    # A group pattern that matches the user is one more declaration of its
    # kind, not a mistake of its own (BKR204 leaves such users to this error).
    matching = [
        p
        for p in model.pattern_defs
        if p.role is None and valid_user_or_pattern(p.pattern) and p.matches(u.id)
    ]
    help = _both_kinds_help(model, same, conflicts, matching)
    return BOTH_KINDS(
        f"{quoted(u.id)} is declared {u.kind.value} {where}, but {seen.kind.value} elsewhere",
        u.span,
        related=(
            Related(seen.span, f"declared {seen.kind.value} here"),
            *(Related(v.span, f"declared {v.kind.value} here too") for v in conflicts[1:]),
            *(Related(p.span, f"pattern `{p.pattern}` ({p.kind.value}) matches it too") for p in matching[:2]),
        ),
        help=help,
    )


def _group_of_other_kind(model: Model, found: list[tuple[UserDef, list[UserDef]]]) -> Diagnostic:
    """BKR203 once for a group whose users, two or more, are declared with the other
    kind elsewhere: at the group's `single` or `identity`, the word most likely
    written the wrong way (`identity group SYSIDS { TCPIP FTPSERVE }` written
    `single`), naming each user, where one error per user said it again and again."""
    first = found[0][1][0]
    kind, other = first.kind.value, found[0][0].kind.value
    group = first.origin.removeprefix("group ")
    names = [conflicts[0].id for _, conflicts in found]
    help = (
        f"if its users are {other} in the CP directory, write `{other} group {group}` (line {first.kind_span.line});"
        f" otherwise take out of group {group} each that is {other} there, and the others out of their"
        f" {other} declarations, shown below"
    )
    std = next((seen for seen, _ in found if _from_stdlib(model, seen.module)), None)
    if std is not None:
        help += f" (`{std.module.removesuffix('.bkr')}` declares {std.id} {other}: docs/stdlib.md)"
    return BOTH_KINDS(
        f"group {quoted(group)} is declared {kind}, but {listed(names)} in it are declared {other} elsewhere",
        first.kind_span,
        related=tuple(Related(seen.span, f"{quoted(seen.id)} declared {seen.kind.value} here") for seen, _ in found[:4]),
        help=help,
    )


def _one_group_twice(model: Model, defs: list[UserDef]) -> bool:
    """Whether a user's declarations of both kinds are the entries of one group name
    declared single and identity: that group's repeat is the one mistake (BKR321)."""
    origins = {u.origin for u in defs}
    return len(origins) == 1 and next(iter(origins)).removeprefix("group ") in model.kinds_in_doubt.groups


@check
def patterns_of_other_kind(model: Model):
    """A group pattern that matches explicit users of the other kind (service patterns
    are BKR201's), or shares IDs with a pattern of the other kind. One pattern at fault
    is one error: a pattern that matches users of the other kind also names, in the
    same diagnostic, the patterns of the other kind it shares IDs with."""
    overlaps = list(_patterns_sharing_ids(model))
    told: set[int] = set()  # overlaps said with a pattern's users
    # A user declared with both kinds has no kind to hold against a pattern: that
    # is BKR203's one mistake, whose fix decides whether the pattern may match it;
    # and so is every user of a group that declares such a user: the group's
    # `single` or `identity` may be the word written the wrong way (`identity group
    # SYSIDS { TCPIP DIRMSAT }` written `single`: DIRMSAT is no mistake of its own).
    in_doubt = model.kinds_in_doubt
    for kind in (Kind.SINGLE, Kind.IDENTITY):
        patterns = [
            p
            for p in model.pattern_defs
            if p.kind is kind and p.role is None and valid_user_or_pattern(p.pattern)
        ]
        # One scan finds the users of the other kind some pattern matches.
        other_kind = Kind.IDENTITY if kind is Kind.SINGLE else Kind.SINGLE
        suspects = model.find_ids(id_scanner(p.pattern for p in patterns), other_kind)
        hits: dict[int, list[UserDef]] = {}
        seen: set[str] = set()
        for u in model.defs_of(suspects):
            if u.kind is kind or u.id in seen or len(u.id) > 8 or (in_doubt and in_doubt.of_user(u)):
                continue
            matched = [i for i, p in enumerate(patterns) if p.regex.match(u.id)]
            if not matched:
                continue
            seen.add(u.id)
            # Report against every pattern that matches, not just the first.
            for i in matched:
                hits.setdefault(i, []).append(u)
        for i, users in sorted(hits.items()):
            p = patterns[i]
            if _from_stdlib(model, p.module) and not any(_from_stdlib(model, u.module) for u in users):
                # The library's pattern (`identity user DTCVSW*`) is not the site's to
                # narrow: each site user it matches is the error, at the site's line.
                yield from (_matched_by_library_pattern(model, p, u) for u in users)
                continue
            other = users[0].kind.value
            names = [u.id for u in users]
            what = (
                f"{other} user {quoted(names[0])}"
                if len(users) == 1
                else f"{plural(len(users), other + ' user')}: {listed(names)}"
            )
            related = [Related(u.span, f"declared {other} here") for u in users[:3]]
            shared = [(k, o) for k, o in enumerate(overlaps) if k not in told and p in (o[0], o[1])]
            if shared:
                told.update(k for k, _ in shared)
                partners = [(s if i_ is p else i_, example) for _, (s, i_, example) in shared]
                if len(partners) == 1:
                    q, example = partners[0]
                    what += f", and shares users such as {example} with {other} pattern {quoted(q.pattern)}"
                else:
                    others = listed([q.pattern for q, _ in partners])
                    what += f", and shares users with {other} patterns {others}"
                related += [Related(q.span, f"{other} pattern here") for q, _ in partners]
            yield PATTERN_OTHER_KIND(
                f"pattern {quoted(p.pattern)} {_origin_text(p)} ({kind.value}) also matches {what}",
                p.span,
                related=tuple(related),
                help=_narrow_help(model, p, names, [q for _, (s_, i_, _e) in shared for q in (s_, i_) if q is not p]),
            )
    service_single = {id(p) for p, _ in _single_patterns_of_service(model)}
    for k, (s, i, example) in enumerate(overlaps):
        if k in told or id(s) in service_single:
            continue
        # Report at the group's pattern: the workers' pattern is the product's.
        here, there = (s, i) if i.role is not None or s.module == model.main_file else (i, s)
        yield PATTERN_OTHER_KIND(
            f"pattern {quoted(here.pattern)} {_origin_text(here)} ({here.kind.value}) and pattern"
            f" {quoted(there.pattern)} ({there.kind.value}) both match users such as {example}",
            here.span,
            related=(Related(there.span, f"{there.kind.value} pattern here"),),
            help=_narrow_either_help(model, here, there, example),
        )


def _matched_by_library_pattern(model: Model, p: PatternDef, u: UserDef) -> Diagnostic:
    """BKR204 for a site's user of the other kind that a standard library pattern matches
    (`single user DTCVSW1` beside std/zvm-common's `identity user DTCVSW*`): at the site's
    declaration, the pattern as the note; the help keeps either kind, the site's by a copy
    of the library's module with the pattern narrowed (BKR203's way to change it)."""
    module = p.module.removesuffix(".bkr")
    where = u.span.file
    ours = [d for d in model.defs_of({u.id}) if d.kind is u.kind and not _from_stdlib(model, d.module)]
    through = std_import_through(model, module)
    if through is not None:
        top, imp = through
        at = f"line {imp.span.line}" if imp.span.file == where else f"{imp.span.file} line {imp.span.line}"
        copy = (
            f"import copies of `{top}` and of its `{module}`, `{p.pattern}` narrowed to leave out {u.id},"
            f" in place of `import {top}` ({at}; docs/stdlib.md says why)"
        )
    else:
        copy = f"import a copy of `{module}` with `{p.pattern}` narrowed to leave out {u.id} (docs/stdlib.md says why)"
    return PATTERN_OTHER_KIND(
        f"{quoted(u.id)} is declared {u.kind.value} here, but `{module}`'s pattern {quoted(p.pattern)}"
        f" ({p.kind.value}) matches it too",
        u.span,
        related=(Related(p.span, f"`{module}` declares IDs like {quoted(p.pattern)} {p.kind.value} here"),),
        help=f"if {u.id} is {p.kind.value} in the CP directory, {' and '.join(_take_out(model, ours or [u], where))};"
        f" if {u.kind.value}, {copy}",
    )


def _narrow_either_help(model: Model, here: PatternDef, there: PatternDef, example: str) -> str:
    """BKR204's help for two patterns that share IDs: narrow either, each named with its
    line; not the product's workers' pattern, nor one of the standard library, which
    are not the site's to change."""
    where = here.span.file
    if there.role is not None or _from_stdlib(model, there.module):
        return f"narrow {_pattern_at(model, here, where)} so that it matches no ID {quoted(there.pattern)} matches (as {example} does)"
    return f"narrow {_pattern_at(model, here, where)} or {_pattern_at(model, there, where)} so that no user ID matches both (as {example} does)"


def _pattern_at(model: Model, p: PatternDef, where: str) -> str:
    """A pattern as its statement writes it, with its line (and file, when not
    `where`): `match LNX*` (line 7), `BKRWRK*` (std/backup-manager line 12)."""
    written = f"`match {p.pattern}`" if p.origin.startswith("group ") else quoted(p.pattern)
    line = f"line {p.span.line}" if p.span.file == where else f"{p.span.file} line {p.span.line}"
    return f"{written} ({line})"


def _narrow_help(model: Model, p: PatternDef, names: list[str], partners: list[PatternDef]) -> str:
    """BKR204's help for a pattern that matches users of the other kind: the pattern
    narrowed to leave them out (and the IDs of the patterns of the other kind it
    shares); for one user the site declares itself, its declarations of the other
    kind taken out where the CP directory gives it the pattern's kind instead."""
    where = p.span.file
    shares = f", and shares no ID with {listed([q.pattern for q in partners])}" if partners else ""
    narrow = f"narrow {_pattern_at(model, p, where)} so that it leaves out {listed(names)}{shares}"
    if len(names) != 1 or partners:
        return narrow  # taking a user out of its declarations would leave the others, or the shared IDs
    (user,) = names
    other = [u for u in model.defs_of({user}) if u.kind is not p.kind]
    if not other or any(_from_stdlib(model, u.module) for u in other):
        return narrow  # the standard library declares the product's and z/VM's own IDs as they are
    return (
        f"if {user} is {other[0].kind.value} in the CP directory, {narrow};"
        f"\nif {p.kind.value}, {' and '.join(_take_out(model, other, where))}"
    )


def _origin_text(p: PatternDef) -> str:
    """Where a pattern is declared, for a message: `in group LINUX`, or `in a `user`
    statement` (its origin is then "user", which "in user" would not say)."""
    return f"in {p.origin}" if p.origin != "user" else "in a `user` statement"


def _patterns_sharing_ids(model: Model):
    """(single pattern, IDENTITY pattern, an ID both match) for a group's single
    pattern and an IDENTITY pattern (a group's, or the workers') that share IDs,
    decided on the sets of IDs they match (`shared_id`)."""
    valid = [p for p in model.pattern_defs if valid_user_or_pattern(p.pattern)]
    singles = [p for p in valid if p.kind is Kind.SINGLE and p.role is None]
    identities = [p for p in valid if p.kind is Kind.IDENTITY]
    # Only the pairs whose literal beginnings agree can share an ID: the rest are
    # left out without being tried (thousands of patterns make millions of pairs).
    for a, b in pairs_that_may_share([s.pattern for s in singles], [i.pattern for i in identities]):
        example = shared_id(singles[a].pattern, identities[b].pattern)
        if example is not None:
            yield singles[a], identities[b], example


@check
def service_roles_declared(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    # A role given to a pattern instead of one ID is BKR335's to report.
    missing = []
    if model.backup_server is None and not model.role_patterns("backup-server"):
        missing.append(("backup-server", "backup server (BKRBKUP)"))
    if model.catalog_server is None and not model.role_patterns("catalog-server"):
        missing.append(("catalog-server", "catalog server (BKRCATLG)"))
    if model.worker_pattern is None:
        missing.append(("worker", "worker machines (BKRWRKnn)"))
    if not missing:
        return
    whats = [what for _, what in missing]
    roles = ", ".join(f"`role {role}`" for role, _ in missing)
    listing = whats[0] if len(whats) == 1 else ", ".join(whats[:-1]) + " or " + whats[-1]
    message = f"cluster {quoted(cluster.name.upper)} declares no {listing}: no user has {roles}"
    hidden = _import_in_comment(model, cluster.name.span.file)
    if hidden is not None:
        # `## doc`, U+2028, `import std/backup-manager`: the import an editor shows on a
        # line of its own is part of the comment to bkrc (BKR023): point at it, where the
        # mistake is, not at the cluster, whose help said to add the import it shows
        written, separator, name, words = hidden
        yield MISSING_SERVICE(
            message,
            written,
            label=f"part of the comment: the {name} before it is no line end",
            related=(Related(cluster.name.span, f"cluster {quoted(cluster.name.upper)} declared here"),),
            help=(
                f"write a line end for the {name} before `{words}`, which editors show as a line of"
                " its own and bkrc reads as part of the comment; a line of a .bkr file ends at a line feed"
            ),
            fix=Fix.replace("Write a line end", separator, "\n"),
        )
        return
    own = unroled_machines(model)
    yield MISSING_SERVICE(
        message,
        cluster.name.span,
        help="add `import std/backup-manager`, which declares the product's machines (IBM's names: BKRBKUP,"
        " BKRCATLG, BKRWRKnn), or give the site's own machines their roles: `identity user"
        f" {own[0] if own else 'NAME'} role backup-server`, `role catalog-server`, `role worker`"
        + (f"; `disk` names {listed(own)}, declared without a role" if own else ""),
    )


def unroled_machines(model: Model) -> list[str]:
    """The users `disk` statements name that `user` declarations give no role, in
    their order: the product's machines under the site's own names (NBBKSRV), their
    roles left out, where no backup server, catalog server or workers are declared
    (BKR205, and BKR332's help for their `disk` statements). Not the catalog's SFS
    server nor a Tape Manager machine the cluster's statements name."""
    named = {(catalog.server or "").upper() for catalog in model.catalogs}
    for tape in model.tapes:
        named.update(
            (name or "").upper() for name in (tape.catalog_node, tape.request_node, tape.catalog_dmm, tape.request_dmm)
        )
    found: list[str] = []
    for disk in model.disks:
        user = disk.user.upper
        if user in named or user in found:
            continue
        defs = model.user_defs_of(user)
        if defs and all(d.origin == "user" and d.role is None for d in defs):
            found.append(user)
    return found


def _import_in_comment(model: Model, file: str) -> tuple[Span, Span, str, str] | None:
    """The `import std/backup-manager` (else the first `import`) that a comment of
    `file` holds after a line or paragraph separator or a NEL (`## doc`, U+2028,
    `import std/backup-manager`): where its words are, the separator before them,
    what a message calls it, and the words; None where no comment holds one. Asked
    only of a cluster that lacks the product's machines (BKR205)."""
    from bkrdsl.syntax.messages import OTHER_LINE_ENDS

    found = []
    for module in model.modules:
        if module.file != file:
            continue
        for span, text in module.comments:
            if text.isascii():
                continue
            for at, char in enumerate(text):
                if char not in OTHER_LINE_ENDS:
                    continue
                rest = text[at + 1 :]
                words = rest.split(" #")[0].split()
                if len(words) < 2 or words[0].lower() != "import":
                    continue
                start = at + 1 + (len(rest) - len(rest.lstrip()))
                end = rest.index(words[1]) + at + 1 + len(words[1])
                found.append(
                    (
                        words[1].lower() != "std/backup-manager",  # the module that declares the machines first
                        span.start + at,
                        _within(span, start, end),
                        _within(span, at, at + 1),
                        OTHER_LINE_ENDS[char],
                        f"{words[0]} {words[1]}",
                    )
                )
    if not found:
        return None
    return min(found, key=lambda f: f[:2])[2:]


def _within(span: Span, start: int, end: int) -> Span:
    """The characters [start, end) of a comment at `span` (one line: a separator ends none)."""
    return Span(span.file, span.line, span.column + start, span.line, span.column + end, span.start + start, span.start + end)


@check
def one_user_per_role(model: Model):
    for role in sorted(ROLES):
        holders: list = []
        seen: set[str] = set()
        for d in list(model.role_users(role)) + list(model.role_patterns(role)):
            key = getattr(d, "id", None) or d.pattern
            if key not in seen:
                seen.add(key)
                holders.append((key, d))
        # The standard library's holder is the one already there: the mistake, and
        # so the place to point at, is the site's second one, never a stdlib line.
        holders.sort(key=lambda h: not _from_stdlib(model, h[1].module))
        for key, d in holders[1:]:
            first_key, first = holders[0]
            yield SEVERAL_ROLE(
                f"{quoted(key)} is declared {ROLE_TEXT[role]}, but {quoted(first_key)} already is",
                d.span,
                related=(Related(first.span, f"{ROLE_TEXT[role]} declared here"),),
                help=_several_role_help(model, role, key, d, first_key, first),
            )


def _several_role_help(model: Model, role: str, key: str, d, first_key: str, first) -> str:
    """BKR206's help, each choice written whole on the file's names. Beside the standard
    library's holder: delete the site's line, or, to keep the site's ID, write for the
    module's `import` its other declarations; two of the site's: delete either line."""
    advice = "keep one; a renamed machine replaces the standard library's, it is not added to it"
    if getattr(d, "id", None) is None or d.span.file != model.main_file:
        return advice
    statement = f"{d.kind.value} user {key} role {role}"
    if _ids_of_statement(model, d) != (key,):
        return advice
    if not _from_stdlib(model, first.module):
        if getattr(first, "id", None) is None or first.span.file != model.main_file:
            return advice
        if _ids_of_statement(model, first) != (first_key,):
            return advice
        return (
            f"keep one: delete `{statement}` (line {d.span.line}), or"
            f" `{first.kind.value} user {first_key} role {role}` (line {first.span.line})"
        )
    path = first.module.removesuffix(".bkr")
    main = next((m for m in model.modules if m.file == model.main_file), None)
    imported = next((i for i in main.imports if i.path == path), None) if main is not None else None
    module = next((m for m in model.modules if m.file == first.module), None)
    keep = f"delete `{statement}` (line {d.span.line}): {quoted(first_key)} ({first.module} line {first.span.line}) is {ROLE_TEXT[role]} already"
    if imported is None or module is None or module.imports:
        return keep
    if model.user_defs_of(key) != [d] or any(p.matches(key) for p in model.pattern_defs if p.module == first.module):
        return keep  # the module gives the ID another role (BKR207), or the site declares it again
    others = [
        f"`{u.kind.value} user {', '.join(w.text for w in u.names)}" + (f" role {u.role.text}`" if u.role else "`")
        for u in module.users
        if not (u.role is not None and u.role.text == role)
    ]
    written = others[0] if len(others) == 1 else ", ".join(others[:-1]) + " and " + others[-1]
    return (
        f"{keep};\nor, to make {key} {ROLE_TEXT[role]}, write for `import {path}` (line {imported.span.line})"
        f" its other declarations: {written}"
    )


#: The roles in the order BKR207 reads them (the first one a machine has is "its" role).
_ROLE_ORDER = ("backup-server", "catalog-server", "admin", "installation", "worker")


@check
def one_role_per_machine(model: Model):
    first: dict[str, tuple[str, UserDef]] = {}
    for role in _ROLE_ORDER:
        for u in model.role_users(role):
            if u.id not in first:
                first[u.id] = (role, u)
                continue
            had, where = first[u.id]
            if had != role:
                later, earlier, role_now, role_had = u, where, role, had
                if _from_stdlib(model, u.module) and not _from_stdlib(model, where.module):
                    # Point at the site's line, never at the standard library's.
                    later, earlier, role_now, role_had = where, u, had, role
                yield TWO_ROLES(
                    f"{quoted(u.id)} is declared {ROLE_TEXT[role_now]}, but is already {ROLE_TEXT[role_had]}",
                    later.span,
                    related=(Related(earlier.span, f"declared `role {role_had}` here"),),
                    help=_two_roles_help(model, later, role_now, role_had),
                )
    workers = {w for m in model.members for w in model.workers_of(m)}
    pattern = model.role_patterns("worker")
    for machine, (role, u) in first.items():
        if role != "worker" and machine in workers and pattern:
            yield TWO_ROLES(
                f"{quoted(machine)} is declared {ROLE_TEXT[role]}, but the worker pattern"
                f" {quoted(pattern[0].pattern)} also makes it a worker",
                u.span,
                related=(Related(pattern[0].span, "the workers' names come from here"),),
                help=_two_roles_help(model, u, role, "worker", pattern[0].pattern),
            )


#: The ID IBM ships each Backup Manager role under (std/backup-manager), for BKR207's help.
_SHIPPED_ID = {
    "backup-server": "BKRBKUP",
    "catalog-server": "BKRCATLG",
    "admin": "BKRADMIN",
    "installation": "5697J06C",
}


def _two_roles_help(model: Model, site: UserDef, role: str, had: str, workers: str = "") -> str:
    """BKR207's help, on the site's declaration of `site.id` with `role`: where another
    machine holds `role` already, delete it; else write it on an ID no user, group or
    pattern of the files has (IBM's, or IBM's with a digit), with the statement's line.
    `workers`: the worker pattern that makes `site.id` a worker, where that is the clash."""
    where = f"line {site.span.line}"  # the error's own line
    alone = _ids_of_statement(model, site) == (site.id,)
    statement = f"{site.kind.value} user {site.id} role {role}"
    other = next((u for u in model.role_users(role) if u.id != site.id), None)
    if other is not None:
        if not alone:
            return f"take {site.id} out of this statement ({where}): {quoted(other.id)} is {ROLE_TEXT[role]} already"
        place = f"line {other.span.line}" if other.span.file == site.span.file else f"{other.span.file} line {other.span.line}"
        return (
            f"delete `{statement}` ({where}): {quoted(other.id)} ({place}) is {ROLE_TEXT[role]} already"
            + ("" if workers else f", and {site.id} stays {ROLE_TEXT[had]}")
        )
    free = _free_id(model, _SHIPPED_ID.get(role))
    if free is None or not alone:
        if workers:
            return "give the machine an ID the worker pattern does not make, or narrow the pattern"
        return "give each role its own user ID"
    shipped = " (the ID IBM ships it under)" if free == _SHIPPED_ID.get(role) else ""
    return (
        f"give {ROLE_TEXT[role]} an ID of its own: write `{site.kind.value} user {free} role {role}` for"
        f" `{statement}` ({where}){shipped}"
        + (f", which the worker pattern {quoted(workers)} does not make" if workers else f"; {site.id} stays {ROLE_TEXT[had]}")
    )


def _free_id(model: Model, base: str | None) -> str | None:
    """`base`, or `base` with its last character a digit 2-9, the first that no user,
    group or pattern of the files has, nor a worker any member makes; None if none is."""
    if base is None:
        return None
    workers = {w for m in model.members for w in model.workers_of(m)}
    for candidate in (base, *(base[:7] + str(n) for n in range(2, 10))):
        if (
            model.user(candidate) is None
            and model.group(candidate) is None
            and model.pattern_for(candidate) is None
            and candidate not in workers
            and candidate not in model.member_names
        ):
            return candidate
    return None


MACHINE_ID_TAKEN = register(
    "BKR208",
    "machine-named-like-declared-user",
    "error",
    "a machine bkrc writes a directory entry for has the ID of another user the cluster declares",
    """
    bkrc writes a USER or IDENTITY entry for every product machine: the
    Backup Manager machines, the catalog's SFS server (`catalog ... server`)
    and a shared Tape Manager's nodes and DMMs (`tape manager ...`). A CP
    directory holds one entry per user ID, so a machine must not take the ID
    of a user the directory already has. The .bkr file says which users those
    are:

    - a user the standard library declares without a role (`std/zvm73` and
      the other z/VM modules list z/VM's own IDs, such as PMAINT, DIRMAINT,
      RSCS, and ID families such as DTCVSW*): z/VM ships that entry;
    - a user that is only an entry of a group (a guest a job backs up, such
      as LINUX01): the site's directory has it.

    A declaration is the machine's own, and fine, when it gives the machine
    its role (`identity user BKRBKUP role backup-server`, the worker pattern
    `BKRWRK* role worker`), or when it is a plain `single user ID` or
    `identity user ID` statement of the site's own files: that is how a site
    states the kind of its catalog server or Tape Manager machines (BKR202,
    BKR231), and such a declaration also lets a group name the machine to
    back it up. The catalog's server with an ID of z/VM's own is this error
    alone, not BKR202 as well, whatever its kind: given an ID of its own,
    its kind is the site's to declare. A machine with a Backup Manager role is one of the product's
    own, so a group that names it (to back its disks up) is fine too. For a
    machine a group names, the help writes that statement; where the group's
    kind is not the one the machine needs (an identity group naming TCDMM,
    the catalog node's DMM, single-configuration: BKR231), with the
    machine's kind, and the ID taken out of the group, which would otherwise
    declare it of both kinds (BKR203).

    Failing example:

        import std/backup-manager
        import std/zvm73                        # single user PMAINT
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server PMAINT pool BKRPOOL   # <- BKR208
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: give the machine an ID of its own (`catalog shared server BKRSVSFS
    pool BKRPOOL`; IBM names the Tape Manager machines TCTMM, TRTMM, TCDMM
    and TRDMM). The same holds for a user a group lists: with `single group
    GUESTS { LINUX01 }`, `catalog shared server LINUX01 pool BKRPOOL` is
    BKR208 too. If the group's user really is that machine, say so with a
    declaration of its own: `single user LINUX01`.
    """,
)

#: An ID of its own, by role, for BKR208's help.
_OWN_ID = {
    "catalog-sfs-server": "such as BKRSVSFS",
    "tape-catalog-node": "such as TCTMM",
    "tape-request-node": "such as TRTMM",
    "tape-catalog-dmm": "such as TCDMM",
    "tape-request-dmm": "such as TRDMM",
    "worker": "by a pattern z/VM does not use, such as BKRWRK*",
}


_KIND_TEXT = {Kind.SINGLE: "single-configuration", Kind.IDENTITY: "an IDENTITY"}


def _kind_needed(model: Model, machine: str, role: str) -> Kind | None:
    """The kind the checks hold `machine` of `role` to, where they hold it to one: a
    service machine IDENTITY (BKR201), the catalog's SFS server single for a shared
    catalog and IDENTITY for a local one (BKR202), a Tape Manager machine its node's
    (BKR231: the request nodes' only where more than one member requests); None for
    the administrator and the installation user, either kind."""
    if role in SERVICE_ROLES:
        return Kind.IDENTITY
    if role == "catalog-sfs-server":
        return Kind.SINGLE if model.catalog is not None and model.catalog.scope is Scope.SHARED else Kind.IDENTITY
    node = next((n for n in model.tape_nodes() if n.id == machine), None)
    if node is None or (node.default is Kind.IDENTITY and len(node.members) < 2):
        return None
    return node.default


#: The statement word that names a machine of each role, and IBM's ID for it, for
#: BKR208's help: the catalog's SFS server (IBM's sample) and the Tape Manager's.
_OPTION_ID = {
    "catalog-sfs-server": ("server", "BKRSVSFS", "IBM's sample name for it"),
    "tape-catalog-node": ("catalog-node", "TCTMM", "IBM's example ID: write your site's Tape Manager machine"),
    "tape-request-node": ("request-node", "TRTMM", "IBM's example ID: write your site's Tape Manager machine"),
    "tape-catalog-dmm": ("catalog-dmm", "TCDMM", "IBM's example ID: write your site's Tape Manager machine"),
    "tape-request-dmm": ("request-dmm", "TRDMM", "IBM's example ID: write your site's Tape Manager machine"),
}


def _id_free(model: Model, machine: str, role: str, std_patterns: list[PatternDef]) -> bool:
    """Whether `machine` is no product machine's yet and no user's the files declare."""
    return (
        machine not in model.machine_roles()
        and not model.user_defs_of(machine)
        and model.group(machine) is None
        and _taken_by(model, machine, role, std_patterns) is None
    )


def _disks_renamed(model: Model, machine: str, new: str) -> str:
    """`, and `disk NEW` for `disk OLD` (line 12)` for each `disk` statement of the main
    file that gives `machine` a minidisk: renamed, the machine keeps them."""
    lines = [d.span.line for d in model.disks if d.user.upper == machine and d.span.file == model.main_file]
    if not lines:
        return ""
    where = f"line {lines[0]}" if len(lines) == 1 else "lines " + ", ".join(map(str, lines[:-1])) + f" and {lines[-1]}"
    return f", and `disk {new}` for `disk {machine}` ({where})"


def _own_id_written(model: Model, machine: str, role: str, span: Span, std_patterns) -> str | None:
    """BKR208's help for the catalog's server or a Tape Manager machine: its statement's
    option written again on IBM's ID for it, where that ID is free, with its `disk`
    statements renamed too; None for another role, or where the ID is taken."""
    written = option_on_ibm_id(model, machine, role, span, std_patterns)
    return f"give the machine an ID of its own: {written}" if written else None


def option_on_ibm_id(model: Model, machine: str, role: str, span: Span, std_patterns=None) -> str | None:
    """The statement's option that names `machine`, the catalog's SFS server or a Tape
    Manager machine, written again on IBM's ID for its role, where no user and no
    machine of the files has that ID, with the machine's `disk` statements renamed
    too: "write `server BKRSVSFS` for `server PMAINT` (line 5) (BKRSVSFS is ...)".
    None for another role, a statement of another file, or IBM's ID taken."""
    if role not in _OPTION_ID or span.file != model.main_file:
        return None
    if std_patterns is None:
        std_patterns = [p for p in model.pattern_defs if p.role is None and _from_stdlib(model, p.module)]
    option, ibm, said = _OPTION_ID[role]
    if not _id_free(model, ibm, role, std_patterns):
        return None
    return (
        f"write `{option} {ibm}` for `{option} {machine}` (line {span.line})"
        f"{_disks_renamed(model, machine, ibm)} ({ibm} is {said})"
    )


def _own_pattern_written(model: Model, role: str, span: Span, std_patterns) -> str | None:
    """BKR208's help for a worker pattern whose workers are z/VM's users: the pattern
    statement written again on IBM's `BKRWRK*`, where none of the workers it makes is
    taken."""
    pattern = next((p for p in model.role_patterns(role) if p.span == span), None)
    if role != "worker" or pattern is None or span.file != model.main_file:
        return None
    most = max((m.workers or 0 for m in model.members), default=0)
    if any(not _id_free(model, w, role, std_patterns) for w in worker_ids("BKRWRK*", min(most, 64))):
        return None
    return (
        f"give the machines IDs of their own: write `{pattern.kind.value} user BKRWRK* role worker` for"
        f" `{pattern.kind.value} user {pattern.pattern} role worker` (line {span.line}), IBM's pattern, which"
        f" makes {listed(worker_ids('BKRWRK*', min(most, 64)))}"
    )


def _own_id(role: str, machines: list[str]) -> str:
    """BKR208's example of an ID of its own for `role`: never one of the clashing IDs
    (a guest named TRDMM, taken by `request-dmm TRDMM`, is not helped by "such as TRDMM")."""
    example = _OWN_ID.get(role)
    if example is None or any(fnmatchcase(m, example.rsplit(" ", 1)[-1]) for m in machines):
        return "that no other user has"
    return example


def _both_kinds_help(model: Model, same: list[UserDef], conflicts: list[UserDef], matching) -> str:
    """BKR203's help for one user: for each kind, what to take it out of to keep that
    kind, the CP directory's, each place named with its line (`_take_out`): the
    groups, the `user` statements (a standard library module's, a copy of the module
    in which it is changed), the patterns of the other kind that match it (narrowed)."""
    first = conflicts[0]
    where = first.span.file

    def keep(kind: Kind, other: list[UserDef]) -> str:
        steps = _take_out(model, other, where)
        narrow = [p for p in matching if p.kind is not kind]
        if narrow:
            steps.append(f"narrow pattern {quoted(narrow[0].pattern)}")
        return " and ".join(steps)

    one, two = same[0].kind.value, first.kind.value
    return (
        f"if {first.id} is {one} in the CP directory, {keep(same[0].kind, conflicts)};"
        f" if {two}, {keep(first.kind, same)}"
    )


def _take_out(model: Model, defs: list[UserDef], where: str) -> list[str]:
    """What takes a user out of `defs`, its declarations of one kind, each named with
    its line (and its file, when not `where`, the error's): `take it out of group APPS
    (line 45)`, `delete `identity user LNXADMIN` (line 12)`; for a declaration of the
    standard library, which is not the site's to edit, a copy of its module."""
    id = defs[0].id
    place = {d: f"line {d.span.line}" if d.span.file == where else f"{d.span.file} line {d.span.line}" for d in defs}
    steps = []
    groups = [d for d in defs if d.origin.startswith("group ") and not _from_stdlib(model, d.module)]
    for d in [d for d in groups if _only_user(model, d)]:
        # Its group's only user: taken out, the group is empty and its jobs back up
        # nothing (BKR116), the user no longer either; the group's kind is the slip.
        name, kind = d.origin.removeprefix("group "), Kind.IDENTITY if d.kind is Kind.SINGLE else Kind.SINGLE
        steps.append(
            f"write `{kind.value} group {name}` for `{d.kind.value} group {name}` ({place[d]}), its only user"
        )
        groups.remove(d)
    if groups:
        named = [f"{d.origin.removeprefix('group ')} ({place[d]})" for d in groups]
        joined = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
        steps.append(f"take it out of {'group' if len(named) == 1 else 'groups'} {joined}")
    for d in defs:
        if d.origin.startswith("group ") and not _from_stdlib(model, d.module):
            continue
        if _from_stdlib(model, d.module):
            module = d.module.removesuffix(".bkr")
            through = std_import_through(model, module)
            if through is not None:
                top, imp = through
                at = f"line {imp.span.line}" if imp.span.file == where else f"{imp.span.file} line {imp.span.line}"
                steps.append(
                    f"import copies of `{top}` and of its `{module}`, declaring {id} otherwise, in place"
                    f" of `import {top}` ({at}; docs/stdlib.md says why)"
                )
                continue
            steps.append(
                f"import a copy of `{module}` that declares {id} otherwise ({place[d]}; docs/stdlib.md says why it"
                f" is {d.kind.value} there)"
            )
        elif _ids_of_statement(model, d) == (id,):
            steps.append(f"delete `{d.kind.value} user {id}` ({place[d]})")
        else:
            steps.append(f"take it out of the `{d.kind.value} user` statement ({place[d]})")
    return steps


def _only_user(model: Model, d: UserDef) -> bool:
    """Whether `d`, a group's entry, is the group's only user (no other ID, no pattern),
    and no group of the site declares it of the other kind (one that backs it up as
    that kind already: taking it out of `d`'s group is then the way)."""
    name = d.origin.removeprefix("group ")
    group = next((g for g in model.groups if g.name == name and g.module == d.module), None)
    if group is None or group.patterns or set(group.users) != {d.id}:
        return False
    return not any(
        o.kind is not d.kind and o.origin.startswith("group ") and not _from_stdlib(model, o.module)
        for o in model.defs_of({d.id})
    )


def std_import_through(model: Model, module: str) -> tuple[str, Import] | None:
    """Where the site reads the standard library's `module` only through another of its
    modules (`std/zvm-common` through `std/zvm73`): that module and the site's import of
    it, the first in load order. A copy of `std/zvm-common` imported beside
    `import std/zvm73` leaves the library's declaration read too (BKR203 again, and
    BKR320 for the IDs the two share): the copy goes in through a copy of
    `std/zvm73`, in place of its import. None when a site file imports `module` itself."""
    site = [m for m in model.modules if not _from_stdlib(model, m.file)]
    if any(imp.path.removesuffix(".bkr") == module for m in site for imp in m.imports):
        return None
    by_name = {m.file.removesuffix(".bkr"): m for m in model.modules}

    def leads(name: str, seen: set[str]) -> bool:
        found = by_name.get(name)
        if found is None or name in seen:
            return False
        seen.add(name)
        return any(
            i.path.removesuffix(".bkr") == module or leads(i.path.removesuffix(".bkr"), seen) for i in found.imports
        )

    for m in site:
        for imp in m.imports:
            top = imp.path.removesuffix(".bkr")
            if top.startswith("std/") and leads(top, set()):
                return top, imp
    return None


def _ids_of_statement(model: Model, d: UserDef) -> tuple[str, ...]:
    """The IDs of the `user` statement or group entry list that declares `d`."""
    return next((lst.ids for lst in model.user_lists if lst.kind_span == d.kind_span), ())


def _from_stdlib(model: Model, module: str) -> bool:
    """True for a module of the standard library (imported as `std/NAME`)."""
    return module.startswith("std/") and module != model.main_file


def _machine_span(model: Model, machine: str, role: str):
    """Where the cluster makes `machine` a product machine: its role declaration,
    the worker pattern, or the statement that names it."""
    if role in ROLES:
        found = next((u for u in model.role_users(role) if u.id == machine), None)
        if found is not None:
            return found.span
        pattern = next(iter(model.role_patterns(role)), None)
        return pattern.span if pattern is not None else None
    catalog, tape = model.catalog, model.tape
    if catalog is not None and catalog.server == machine and catalog.server_span is not None:
        return catalog.server_span
    for name, span in tape.machines() if tape is not None else ():
        if name == machine:
            return span
    return None


def _taken_by(model: Model, machine: str, role: str, std_patterns: list[PatternDef]):
    """The declaration that makes `machine`'s ID another user's, or None."""
    decls = model.user_defs_of(machine)
    for u in decls:
        if u.role is None and _from_stdlib(model, u.module):
            return u  # z/VM's own ID
    for p in std_patterns:
        if p.matches(machine):
            return p  # one of an ID family z/VM ships (DTCVSW*)
    own = role in ROLES or any(u.role is not None or u.origin == "user" for u in decls)
    if not own:
        guests = [u for u in decls if u.origin != "user"]  # a guest a group names
        if guests:
            # but a keyword's value read as one (`{ CICSPRD server BKRSVSFS }`): BKR021's slip
            from bkrdsl.check.declarations import keyword_values  # only where an ID is taken

            read = keyword_values(model)
            return next((u for u in guests if u.span.start not in read), None)
    return None


def taken_id(model: Model, machine: str, role: str) -> bool:
    """Whether `machine`, made a product machine of `role` (`catalog-sfs-server`),
    would have another user's ID (BKR208): z/VM's own, one of an ID family z/VM
    ships, or a guest a group names. The editor's completion of the catalog's
    `server` asks it, to offer only the IDs that fit."""
    std_patterns = [p for p in model.pattern_defs if p.role is None and _from_stdlib(model, p.module)]
    return _taken_by(model, machine, role, std_patterns) is not None


def machines_with_taken_ids(model: Model) -> set[str]:
    """The product machines whose ID is another user's (BKR208's): BKR253 leaves
    them alone, as a `disk` for z/VM's own TCPIP, the catalog's server named so by
    mistake, would only add to the one mistake."""
    std_patterns = [p for p in model.pattern_defs if p.role is None and _from_stdlib(model, p.module)]
    return {
        machine
        for machine, role in model.machine_roles().items()
        if valid_user_id(machine) and _taken_by(model, machine, role, std_patterns) is not None
    }


@check
def machines_named_like_users(model: Model):
    if model.cluster is None:
        return
    found: dict[tuple, list[str]] = {}  # (role, span, the other declaration) -> machines
    std_patterns = [p for p in model.pattern_defs if p.role is None and _from_stdlib(model, p.module)]
    for machine, role in model.machine_roles().items():
        if not valid_user_id(machine):
            continue
        taken = _taken_by(model, machine, role, std_patterns)
        span = _machine_span(model, machine, role) if taken is not None else None
        if span is not None:
            found.setdefault((role, span, taken), []).append(machine)
    for (role, span, taken), machines in found.items():
        what = ROLE_TEXT.get(role, "a product machine")
        std = _from_stdlib(model, taken.module)
        if len(machines) == 1:
            subject = f"{quoted(machines[0])}, {what}, has the ID of a user"
        else:  # workers the worker pattern makes
            subject = f"the worker pattern makes {listed(machines)}, the IDs of users"
        if std:
            pattern = getattr(taken, "pattern", None)
            whose = f"IDs like {quoted(pattern)}" if pattern else "this ID"
            message = f"{subject} z/VM already has ({taken.module} declares {whose})"
            label = "z/VM's own user, declared here"
        else:
            message = f"{subject} of {taken.origin}"
            label = f"declared in {taken.origin} here"
        own_id = _own_id(role, machines)
        if (
            role == "catalog-sfs-server"
            and not std
            and isinstance(taken, UserDef)
            and _kind_needed(model, machines[0], role) not in (None, taken.kind)
        ):
            continue  # BKR202 says it: the server a group names with the wrong kind, one slip
        if len(machines) == 1:
            help = _own_id_written(model, machines[0], role, span, std_patterns) or (
                f"give the machine an ID of its own, {own_id}"
            )
            needed = _kind_needed(model, machines[0], role)
            if not std and needed not in (None, taken.kind):
                # The group's kind is not the machine's (an identity group's TCDMM, the
                # catalog node's DMM): beside the group, the statement would be BKR203,
                # and of the group's kind, BKR231 or BKR201.
                help += (
                    f"; if {quoted(machines[0])} is this machine, say so with a statement of its own,"
                    f" `{needed.value} user {machines[0]}`, and take it out of {taken.origin} (line"
                    f" {taken.span.line}): {what} is {_KIND_TEXT[needed]}"
                )
            elif not std:
                # The group's entry declares the ID already, with the group's kind: what
                # says it is the machine is a statement of its own, beside the group.
                help += (
                    f"; if {quoted(machines[0])} is this machine, say so with a statement of its own,"
                    f" `{taken.kind.value} user {machines[0]}` ({taken.origin} may still back it up)"
                )
        else:
            help = _own_pattern_written(model, role, span, std_patterns) or (
                f"give the machines IDs of their own, {own_id}"
            )
        yield MACHINE_ID_TAKEN(
            message + ": bkrc would write a second directory entry for one ID",
            span,
            related=(Related(taken.span, label),),
            help=help,
        )
