"""The catalog and its expiry (BKR210-BKR219, BKR260, BKR261): SSI rules 4 and 5 of ../shared/domain.md.

With one catalog for the cluster, `EXPIRE (PURGE` sent to the catalog server
of any member acts on every job in the catalog, so exactly one member purges.
With one catalog per member, every member expires its own.
"""

from __future__ import annotations

from bkrdsl.ast import Catalog, Scope, Word
from bkrdsl.check.common import (
    delete_statements,
    holds_comment,
    listed,
    quoted,
    server_disk_unnamed,
    server_written_as_home,
)
from bkrdsl.check.declarations import catalog_statement_missing
from bkrdsl.check.registry import check
from bkrdsl.check.values import schedule_text
from bkrdsl.diagnostics import Edit, Fix, Related
from bkrdsl.diagnostics.registry import register
from bkrdsl.resolve.model import ROLE_TEXT, ExpireModel, Model
from bkrdsl.source import Span

NO_PURGE = register(
    "BKR210",
    "no-purging-member",
    "warning",
    "no member purges expired backups from the catalog",
    """
    Backups leave the catalog only when the catalog server runs
    `EXPIRE (PURGE`. With no `purge` schedule anywhere (no `expire` block, or
    one that only previews), the catalog and the backup pools only grow, until
    the file pool or the pool disks fill up and every job fails. (When a
    block previews but no block purges, the mistake is reported once, as
    BKR218, an error, at the preview: it never runs, and nothing purges.)

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL   # <- BKR210
          # no `expire` block
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: add a purge on one member:
    `expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }`.
    """,
)

SEVERAL_PURGES = register(
    "BKR211",
    "several-purging-members",
    "error",
    "a shared catalog purged from more than one member, or a member purging twice",
    """
    With one catalog for the cluster, `EXPIRE (PURGE` sent to BKRCATLG on any
    member acts on every job in the catalog, including the other members'
    jobs. Purging from two members runs the same expiry twice, the second run
    racing the first on the same catalog entries. So a shared catalog is
    purged from exactly one member (IBM technote on Backup Manager in an SSI
    environment). In the same way, one member must not be named in two expiry
    blocks: it would purge twice. Of several purging members, the error marks
    a purge to remove, and its help keeps the one on the member the catalog's
    server logs on to (`catalog ... on MEMBER`), where expiry belongs
    (BKR215), or else the first: it names the file's blocks to narrow to
    that member or remove, and a preview or retention to move into the
    block kept.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on each member { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    Fix: `expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }`.
    """,
)

INCOMPLETE_CATALOG = register(
    "BKR212",
    "incomplete-catalog",
    "error",
    "a shared catalog without its SFS server or file pool",
    """
    A shared catalog lives in an SFS file pool that every member reaches
    through one single-configuration file pool server. bkrc needs both names
    to write the catalog server's configuration and the server's start-up in
    its member's PROFILE EXEC. The server is named after `server`; `on`
    names the member it logs on to, so in `catalog shared on BKRSVSFS pool
    BKRPOOL` the catalog has no server, and this error (not an unknown
    member BKRSVSFS) says to write `server BKRSVSFS`. Without a server,
    no file pool server's directory entry or start-up is written, and the
    catalog has no file pool server to live in. Where
    one user ID alone has `disk` statements without being a product machine
    or a declared user, the help names it the server (its disk is the
    server's 191), and that `disk` gets no error of its own (BKR332).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared pool BKRPOOL   # <- BKR212
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `catalog shared server BKRSVSFS pool BKRPOOL`.
    """,
)

NO_CATALOG = register(
    "BKR213",
    "no-catalog",
    "warning",
    "the cluster does not say whether its catalog is shared",
    """
    Whether the members share one catalog decides the other SSI rules: who
    must be single-configuration, who purges, whether tape works. Without a
    `catalog` statement bkrc cannot prove any of them, and the generated files
    configure no catalog server. IBM recommends one catalog for the cluster.
    The warning says so when more than one member purges: right for local
    catalogs, but a shared one would be purged once per member. When a `disk`
    statement gives a minidisk to a user that is none of the product's
    machines, that error (BKR332) says that the `catalog` statement naming
    it as the SFS server may be what is missing, and this warning is not
    given as well: one deleted statement, one diagnostic.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {   # <- BKR213
          member VMSYS1 { workers 2 }
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `catalog shared server BKRSVSFS pool BKRPOOL`.
    """,
)

LOCAL_PARTIAL_EXPIRY = register(
    "BKR214",
    "local-catalog-partial-expiry",
    "warning",
    "one catalog per member, but some members never expire theirs",
    """
    With `catalog local` each member has its own catalog, and `EXPIRE` on a
    member acts on that member's catalog only. A member without a purge
    schedule keeps its backups for ever. (A member that previews but does
    not purge is reported once, as BKR218, an error, at its preview, which
    says that its catalog is never purged either. An `expire` block that names
    an unknown member is BKR330 alone: the member meant may be the one
    missing.)

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog local
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    (VMSYS2's catalog is never purged.)

    Fix: `expire on each member { purge weekly sun 03:00  retain 35 days }`.
    """,
)

PURGE_AWAY = register(
    "BKR215",
    "purge-away-from-catalog",
    "warning",
    "the shared catalog is purged from a member other than its server's",
    """
    The catalog's SFS server logs on to one member (`catalog ... on MEMBER`).
    Purging from another member works, but expiry then needs two members up
    instead of one, and crosses the members' link for every catalog entry.
    Keeping the purge on the catalog server's member means an outage of any
    other member never stops expiry. The warning's message gives that reason
    in a few words: expiry then needs both members up.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1
          expire on VMSYS2 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    Fix: `expire on VMSYS1 { ... }`, or move the server: `catalog ... on VMSYS2`.
    """,
)

register(
    "BKR216",
    "repeated-preview",
    "warning",
    "a shared catalog previewed from more than one member",
    """
    `EXPIRE (PREVIEW` lists what the next purge would remove. With one
    catalog for the cluster, a preview on any member lists every member's
    jobs, so previewing on each member would produce the same report several
    times.

    bkrc no longer reports this warning. A preview on a member that does not
    purge was never run at all (BKREXPIR EXEC is written on the purging member
    only), so it is now an error of its own: BKR218.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          expire on VMSYS2 { preview daily 01:00 }   # <- BKR218
          identity group SYSIDS { TCPIP }
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    Fix: preview on the purging member only.
    """,
    retired="BKR218",
)

PREVIEW_NOT_RUN = register(
    "BKR218",
    "preview-never-run",
    "error",
    "a preview on a member that does not purge, where no BKREXPIR EXEC is written",
    """
    `bkrc compile` writes the expiry EXEC, BKREXPIR, on the purging member
    only (with a shared catalog, `EXPIRE` acts on every member's jobs, so
    expiry belongs to one member). That EXEC sends every `preview` and
    `purge` of every `expire` block naming its member. A `preview` in a block
    for a member that purges nothing has no EXEC to go into: it would never
    run, and nothing else would say so. With a shared catalog the purging
    member's preview already lists every member's jobs, so a preview belongs
    there; with one catalog per member, each member that previews must also
    purge. Where the file declares no catalog (BKR213), the help writes
    both: `catalog shared` and the preview on the purging member, or
    `catalog local` and the purge, on the first purging block's schedule, in
    the previewing block. With a shared catalog whose one purging block has
    no preview yet, the help moves the preview into that block (by its line),
    and removes the previewing block where the preview was all it held,
    rather than write a second block for the purging member; with a shared
    catalog purged on several members (BKR211), it moves the preview to the
    member BKR211 keeps purging. Where no member purges, the help writes the
    purge as BKR210's does, where the catalog is purged: a shared catalog's
    on its server's member (the block moved there), a local catalog's on
    each member (a purge in the previewing block alone would leave the
    other members' catalogs unpurged, BKR214), and the previewing block's
    where the file declares no catalog; its form is `purge weekly DAY
    HH:MM`, and the help says to write the day and time the site chooses
    for DAY and HH:MM.

    That move is also the diagnostic's fix (`bkrc check --fix`, the editor's
    quick fix), where the preview was all its block held: the `preview` line
    goes first in the purging block (a block written on one line is written
    again on it, the preview first), and the previewing block is removed. So
    is the removal, where the purging member previews already. A `retain`
    in the previewing block goes with it where that loses nothing: where the
    purging block retains as many days, the block is removed all the same;
    where the purging block has no `retain`, the fix moves it there too (the
    purge alone uses a retention, BKR260: the days the file wrote are the
    ones kept), written last in that block. Where the purging block retains
    other days, the fix is left to the sysprog: which retention is meant is
    BKR260's question, with two answers, and the checker, which knows a
    `preview`'s schedule but not where its keyword begins, cannot cut that
    line alone out of the block. Nor is there a fix where the block to
    remove holds a comment, which would go with it. The other helps offer
    no fix: without a catalog there are two readings, and a purge the help
    writes (one catalog per member, or no member purging) is a schedule the
    site chooses.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          expire on VMSYS2 { preview daily 01:00 }   # <- BKR218
          identity group SYSIDS { TCPIP }
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    Fix: move the preview into the purging member's block and remove the
    block it leaves empty: `expire on VMSYS1 { preview daily 01:00  purge
    weekly sun 03:00  retain 35 days }`.
    """,
)


RETAIN_NOT_KEPT = register(
    "BKR260",
    "retain-without-purge",
    "error",
    "a `retain` in an expiry block that does not purge, where the retention is never used",
    """
    The retention goes with the purge: `bkrc compile` writes the `retain` of
    the block that purges into the purging member's BKREXPIR EXEC, and
    nowhere else. A `retain` in a block with no `purge` (a preview-only
    block, or a block for a member whose purge is in another block) is read
    and then thrown away: the file says 30 days where the EXEC says 35, or
    says nothing, and nothing would tell. (The same days written in both
    blocks lose nothing, and are not reported. When no block purges at all,
    BKR210 or BKR218 says so: add the purge to the block that retains.)

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          expire on VMSYS1 { preview daily 01:00  retain 30 days }   # <- BKR260
          identity group SYSIDS { TCPIP }
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    Fix: one retention, in the block that purges:
    `expire on VMSYS1 { purge weekly sun 03:00  retain 30 days }`, and
    `expire on VMSYS1 { preview daily 01:00 }`.
    """,
)

SERVER_IS_PRODUCT_MACHINE = register(
    "BKR217",
    "catalog-server-is-product-machine",
    "error",
    "the catalog's SFS server is one of Backup Manager's own machines",
    """
    The catalog lives in an SFS file pool whose server is a machine of its
    own (e.g. BKRSVSFS): bkrc writes its directory entry, with the file pool
    server's statements, and starts it before the rest. Named like one of
    Backup Manager's machines (the backup server, the catalog server, a
    worker, the administrator or the installation user), the two would be
    one virtual machine with one directory entry, the file pool server's:
    the administrator would silently become a file pool server, with that
    server's IUCV and OPTION statements, and the installation user would
    lose its own entry. Where one user ID alone has `disk` statements
    without being a product machine or a declared user, the help names it
    the server, and that `disk` gets no error of its own (BKR332).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRADMIN pool BKRPOOL   # <- BKR217
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `catalog shared server BKRSVSFS pool BKRPOOL`, with the file pool
    server's own user ID.
    """,
)


LOCAL_HOME = register(
    "BKR219",
    "local-catalog-home",
    "warning",
    "`catalog local ... on MEMBER`: a local catalog's server runs on every member",
    """
    With `catalog local` each member keeps its own catalog, in a file pool
    of its own, so the SFS server is an IDENTITY that bkrc builds and starts
    on every member. `on MEMBER` names the one member a shared catalog's
    single-configuration server logs on to; a local catalog has no such
    member, and bkrc ignores the option: the server still runs everywhere.
    Written there, it usually means a shared catalog was meant.

    A warning, not an error, like BKR235 for a local Tape Manager's nodes:
    the files bkrc writes are what `local` means, and the option only
    describes nothing.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog local server BKRSVSFS pool BKRPOOL on VMSYS1   # <- BKR219
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `catalog local server BKRSVSFS pool BKRPOOL`, or, for one catalog
    on VMSYS1, `catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1`.
    """,
)

WAIT_UNUSED = register(
    "BKR261",
    "catalog-wait-unused",
    "warning",
    "a `logon-wait` or `pool-wait` BKRSTART never waits: the catalog names no SFS server, or no file pool",
    """
    `logon-wait` and `pool-wait` say how long BKRSTART waits for the
    catalog's SFS server: to log on after its `XAUTOLOG`, then for its file
    pool to serve. It waits only for a server it starts, and for the pool
    only when it knows it: a catalog without `server` (`catalog local`, each
    member's catalog kept by a server the site starts itself) gets no
    server started and no wait, and a catalog without `pool` gets the first
    wait but not the second. The option is then read and dropped, and the
    start-up does not wait as the file says it does. (A shared catalog
    without its server or pool is an error, BKR212, which says so instead.)

    A warning, not an error, like BKR219 for a local catalog's `on`: the
    files bkrc writes are what the rest of the statement means, and the
    option only describes nothing. Written there, it usually means the
    server or the pool was left out.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog local server BKRSVSFS pool-wait 15 minutes   # <- BKR261
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: name the pool the server serves, `catalog local server BKRSVSFS
    pool BKRPOOL pool-wait 15 minutes`, or delete `pool-wait 15 minutes`.
    """,
)


def _places(model: Model, expire: ExpireModel) -> tuple[str, ...]:
    return tuple(m for m in expire.members if model.member(m) is not None)


#: The purge BKR210's help writes: its form, the day and time the site's to choose
#: (not `sun 03:00`, a schedule nobody chose; tests/test_rules.py).
_PURGE = "purge weekly DAY HH:MM"


def _purge_help(model: Model) -> str:
    """BKR210's help: the purge written whole, on the file's own members. A shared
    catalog is purged on one member, the catalog's server's (BKR215), else the first;
    a local one on each member (BKR214). An `expire` block already there (one that
    retains, say) takes the purge: a shared catalog's on that member, or its one block
    moved there (where the server's member is not named, the one block of one member
    stays where it is); a local catalog's `expire on each member`."""
    choose = "; write for DAY and HH:MM the day and time to purge"
    blocks = [e for e in model.expires if _places(model, e)]
    if model.catalog is not None and model.catalog.scope is Scope.SHARED:
        home = catalog_home(model)
        member = home if home is not None and model.member(home) is not None else model.member_names[0]
        if home is None and len(blocks) == 1 and len(_places(model, blocks[0])) == 1 and not blocks[0].each_member:
            member = _places(model, blocks[0])[0]  # no member is the server's: the one block's is as good
        why = f"`{member}` runs the catalog's SFS server" if member == home else "one member purges a shared catalog"
        block = next((e for e in blocks if _places(model, e) == (member,)), None)
        if block is not None:
            return f"add `{_PURGE}` to the `expire on {member}` block (line {block.decl.span.line}){choose}"
        if len(blocks) == 1 and not blocks[0].each_member:
            (block,) = blocks
            return (
                f"write `expire on {member}` for `expire on {', '.join(block.members)}` (line {block.decl.span.line})"
                f" and add `{_PURGE}` to the block ({why}){choose}"
            )
    else:
        member, why = "each member", "each member purges its own catalog"
        block = next((e for e in blocks if e.each_member), None)
        if block is not None:
            return f"add `{_PURGE}` to the `expire on each member` block (line {block.decl.span.line}){choose}"
    return (
        f"add `expire on {member} {{ {_PURGE} }}` to the cluster block ({why}){choose}"
    )


def _no_catalog_help(model: Model, purgers: list[ExpireModel], members: list[str]) -> str:
    """BKR213's help where several members purge: each catalog statement written whole,
    the shared one with the blocks mended so that one member purges (BKR211's), the
    local one as the blocks purge now."""
    first = next(e for e in purgers if members[0] in _places(model, e))
    later = [e for e in purgers if e is not first]
    return (
        f"for one catalog for the cluster, as IBM recommends, add `catalog shared {_IBM_NAMES}`, and"
        f" {_one_purger_help(model, members[0], first, later)};\nfor a catalog on each member, purged on each as"
        f" now, add `catalog local {_IBM_NAMES}`"
    )


def catalog_home(model: Model) -> str | None:
    """The member the catalog's SFS server logs on to, as the file names it, if any."""
    cat = model.catalog
    return cat.decl.home[0].upper if cat is not None and cat.decl.home else None


def purge_kept(model: Model, purging: list[str]) -> str:
    """Of the members that purge a shared catalog (BKR211: one too many), the one to
    keep: the catalog's server's own, where expiry belongs (BKR215), else the first."""
    home = catalog_home(model)
    return home if home in purging else purging[0]


def _previews_lost(model: Model) -> set[str]:
    """The declared members that preview but do not purge: BKR218 reports each
    such preview, and says there why the member's purge is missing, so BKR210
    and BKR214 leave these members to it (one mistake, one diagnostic)."""
    purging = {m for e in model.expires if e.purge is not None for m in _places(model, e)}
    return {m for e in model.expires if e.preview is not None for m in _places(model, e) if m not in purging}


def _local_home_help(model: Model, decl: Catalog, home: Word) -> str:
    """BKR219's two readings, each statement written whole on the file's names: the
    local catalog without its `on`, or one shared catalog whose server logs on to the
    member named, purged on that member alone (BKR211: its blocks mended, as BKR211's
    help writes them, where others purge)."""
    line = decl.span.line
    if len(decl.server) != 1 or len(decl.pool) != 1 or decl.logon_waits or decl.pool_waits:
        return f"remove `on {home.text}` (line {line}), or write `catalog shared` for one catalog on `{home.upper}`"
    named = f"server {decl.server[0].text} pool {decl.pool[0].text}"
    purgers = [e for e in model.expires if e.purge is not None and _places(model, e)]
    purge = ""
    if any(m != home.upper for e in purgers for m in _places(model, e)):
        first = next((e for e in purgers if home.upper in _places(model, e)), None)
        purge = (
            f", and purge on `{home.upper}` alone"
            if first is None
            else f", and {_one_purger_help(model, home.upper, first, [e for e in purgers if e is not first])}"
        )
    return (
        f"for a catalog on each member, write `catalog local {named}` (line {line});\nfor one catalog for the"
        f" cluster, its server on `{home.upper}`, `catalog shared {named} on {home.text}`{purge}"
    )


@check
def catalog_declared(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    if not model.catalogs:
        # Expiry on several members is right for local catalogs only: say so.
        purgers = [e for e in model.expires if e.purge is not None]
        members = list(dict.fromkeys(m for e in purgers for m in _places(model, e)))
        many = len(members) > 1
        if not many and catalog_statement_missing(model):
            return  # BKR332 says it, at the `disk` of the SFS server the statement named
        yield NO_CATALOG(
            f"cluster {quoted(cluster.name.upper)} does not declare its catalog"
            + (f", and {listed(members)} each purge: one shared catalog would be purged {len(members)} times"
               if many else ""),
            cluster.name.span,
            related=tuple(Related(e.decl.placement.span, "purges here") for e in purgers) if many else (),
            help=_no_catalog_help(model, purgers, members) if many else (
                f"add `catalog shared {_IBM_NAMES}` (one catalog for the cluster, as IBM recommends)"
            ),
        )
        return
    cat = model.catalogs[0]
    if cat.scope is Scope.LOCAL and cat.decl.home:
        home = cat.decl.home[0]
        yield LOCAL_HOME(
            f"`on {home.upper}` does nothing: a local catalog's SFS server runs on every member",
            home.span,
            help=_local_home_help(model, cat.decl, home),
        )
    if cat.scope is Scope.SHARED:
        missing = [what for what, value in (("server", cat.server), ("pool", cat.pool)) if value is None]
        written_on = server_written_as_home(model)
        if written_on is not None:
            pool = cat.pool or "BKRPOOL"
            yield INCOMPLETE_CATALOG(
                f"the shared catalog names no SFS server, and there is no member {quoted(written_on.upper)}:"
                " `on` names the member the server logs on to",
                written_on.span,
                help=f"name the server after `server`: `catalog shared server {written_on.upper} pool {pool}`;"
                " add `on MEMBER` only if it logs on to a member other than the purging one",
            )
        elif missing:
            disk = server_disk_unnamed(model) if "server" in missing else None
            yield INCOMPLETE_CATALOG(
                f"the shared catalog names no SFS {' and no '.join(missing)}",
                cat.decl.span,
                related=(Related(disk.user.span, "a minidisk for the server here"),) if disk is not None else (),
                help=_incomplete_catalog_help(cat, missing, disk),
            )


def _incomplete_catalog_help(cat, missing: list[str], disk=None) -> str:
    """BKR212's help: the statement with what it says kept (its server, pool, home) and
    what it leaves out written as BKRSVSFS or BKRPOOL, IBM's sample names, which the
    words say to replace with the site's own; the server the file's `disk` statements
    give a minidisk (`server_disk_unnamed`), where it has one, by its own ID."""
    home = f" on {cat.decl.home[0].text}" if cat.decl.home else ""
    server = cat.server or (disk.user.upper if disk is not None else "BKRSVSFS")
    line = f"catalog shared server {server} pool {cat.pool or 'BKRPOOL'}{home}"
    yours = [m for m in missing if not (m == "server" and disk is not None)]
    said = f"write `{line}`"
    if yours:
        said += ", with " + " and ".join({"server": "your SFS server", "pool": "your file pool"}[m] for m in yours)
    if disk is not None and "server" in missing:
        said += f": `disk {disk.user.text}` (line {disk.span.line}) gives the server its minidisk"
    return said


@check
def waits_kept(model: Model):
    """BKR261: the waits of a catalog BKRSTART does not wait for (`model.start_order`
    waits for a server, and for its pool only when the catalog names one)."""
    cat = model.catalog
    if model.cluster is None or cat is None or cat.scope is not Scope.LOCAL:
        return  # a shared catalog without its server or pool is BKR212's
    decl = cat.decl
    if cat.server is None:
        both = ((decl.logon_waits, "logon-wait"), (decl.pool_waits, "pool-wait"))
        unused = [(w, k) for waits, k in both for w in waits[:1]]
        why = "the catalog names no SFS server, so BKRSTART starts none and waits for none"
        other = "or, for BKRSTART to start the catalog's SFS server, name it after `server` (`catalog local server BKRSVSFS ...`)"
    elif cat.pool is None:
        unused = [(w, "pool-wait") for w in decl.pool_waits[:1]]
        why = "the catalog names no file pool, so BKRSTART waits for its server to log on, not for a pool to serve"
        server = cat.decl.server[0]
        other = f"or add `pool POOL` after `server {server.text}` (line {server.span.line}), POOL the file pool it serves"
    else:
        return
    if not unused:
        return
    unused.sort(key=lambda wait: wait[0].span.start)
    (first, _), *rest = unused
    names = " and ".join(f"`{k}`" for _, k in unused)
    written = " and ".join(f"`{k} {w.count.text} {w.unit.text}`" for w, k in unused)
    lines = sorted({w.span.line for w, _ in unused})
    where = f"line {lines[0]}" if len(lines) == 1 else f"lines {lines[0]} and {lines[1]}"
    yield WAIT_UNUSED(
        f"{names} {'has' if not rest else 'have'} no effect: {why}",
        first.span,
        related=tuple(Related(w.span, f"`{k}` here too") for w, k in rest),
        help=f"delete {written} ({where});\n{other}",
    )


@check
def purging(model: Model):
    cat = model.catalog
    if model.cluster is None:
        return
    purgers = [e for e in model.expires if e.purge is not None]
    if cat is None and not purgers:
        return  # BKR213 says the catalog is missing
    if not model.members:
        return  # BKR119 says the cluster has no member to purge from
    if not purgers:
        if _previews_lost(model):
            return  # BKR218, an error, says it at each preview: add the purge there
        yield NO_PURGE(
            "no member purges expired backups: the catalog and the backup pools only grow",
            cat.decl.span,
            help=_purge_help(model),
        )
        return
    # A member named twice (in one block or across blocks) purges twice, whatever the scope.
    first_block: dict[str, ExpireModel] = {}
    for e in purgers:
        for m in _places(model, e):
            if m in first_block:
                other = first_block[m]
                yield SEVERAL_PURGES(
                    f"member `{m}` already purges the catalog; this would purge it a second time",
                    e.decl.placement.span,
                    related=(Related(other.decl.placement.span, f"`{m}` purges here"),),
                    help=_purged_twice_help(model, e, other),
                )
                break
            first_block[m] = e
    if cat is None or cat.scope is not Scope.SHARED:
        return
    members = list(first_block)
    if len(members) > 1:
        kept = purge_kept(model, members)
        first = first_block[kept]
        later = [e for e in purgers if e is not first]
        span = (later[0] if later else first).decl.placement.span
        related = (Related(first.decl.placement.span, f"purges on `{kept}` here"),) if later else ()
        yield SEVERAL_PURGES(
            f"the shared catalog is purged from {len(members)} members ({listed(members)}): `EXPIRE (PURGE`"
            f" on one member already expires every member's jobs, so expiry would run {len(members)} times",
            span,
            related=related,
            help=_one_purger_help(model, kept, first, later),
        )


def _placement_text(expire: ExpireModel) -> str:
    """An `expire` block's `on` as written (`each member`, `VMSYS1, VMSYS2`)."""
    placement = expire.decl.placement
    return "each member" if placement.each_member else ", ".join(w.text for w in placement.members)


def _purged_twice_help(model: Model, block: ExpireModel, other: ExpireModel) -> str:
    """BKR211's help for members two purging blocks name: the block that names them
    by name (not `each member`, which names them all) written without them, or
    removed where it names no other member."""
    target, keep = (other, block) if block.each_member and not other.each_member else (block, other)
    twice = set(_places(model, keep))
    rest = [w.text for w in target.decl.placement.members if w.upper not in twice]
    line = target.decl.span.line
    if target.each_member or not rest:
        fix = f"remove the block `expire on {_placement_text(target)}` (line {line})"
    else:
        fix = f"write `expire on {', '.join(rest)}` for `expire on {_placement_text(target)}` (line {line})"
    return f"{fix}: the block of line {keep.decl.span.line} purges {listed(sorted(twice & set(_places(model, target))))}"


def _one_purger_help(model: Model, kept: str, first: ExpireModel, later: list[ExpireModel]) -> str:
    """BKR211's help for a shared catalog purged from several members: the file's own
    blocks mended so that `kept` alone purges: its block's `on` narrowed to it, every
    other purging block removed, and what those say that the kept block does not (a
    preview, a retention) moved into it, so that the file, so mended, checks."""
    why = (
        "where the catalog's server runs"
        if kept == catalog_home(model)
        else "the first that purges (one member purges a shared catalog)"
    )
    line = first.decl.span.line
    steps = []
    if first.each_member or _places(model, first) != (kept,):
        steps.append(f"write `expire on {kept}` for `expire on {_placement_text(first)}` (line {line})")
    if later:
        blocks = " and ".join(f"`expire on {_placement_text(e)}` (line {e.decl.span.line})" for e in later)
        steps.append(f"remove the block{'s' if len(later) > 1 else ''} {blocks}")
        moved = []
        preview = next((e.preview for e in later if e.preview is not None), None)
        if first.preview is None and preview is not None:
            moved.append(f"`preview {schedule_text(preview)}`")
        days = next((e.retain_days for e in later if e.retain_days is not None), None)
        if first.retain_days is None and days is not None:
            moved.append(f"`retain {days} days`")
        if moved:
            steps.append(f"move {' and '.join(moved)} into the block of line {line}")
    return (
        f"purge on `{kept}` alone, {why}: "
        + ", ".join(steps[:-1])
        + (" and " if len(steps) > 1 else "")
        + steps[-1]
    )


@check
def local_expiry_everywhere(model: Model):
    cat = model.catalog
    if model.cluster is None or cat is None or cat.scope is not Scope.LOCAL:
        return
    purgers = [e for e in model.expires if e.purge is not None]
    if not purgers:
        return  # BKR210 says it
    if any(model.member(m) is None for e in purgers for m in e.members):
        return  # an unknown member (BKR330, `expire on VM02`) may be the one never purged
    covered = {m for e in purgers for m in e.members}
    # A member that previews without purging is BKR218's, which says its catalog is never purged.
    covered |= _previews_lost(model)
    missing = [m for m in model.member_names if m not in covered]
    if missing:
        yield LOCAL_PARTIAL_EXPIRY(
            "each member has its own catalog, but "
            + (
                f"the catalog of {listed(missing)} is"
                if len(missing) == 1
                else f"the catalogs of {listed(missing)} are"
            )
            + " never purged",
            purgers[0].decl.placement.span,
            related=(Related(cat.decl.span, "one catalog per member here"),),
            help=_each_member_help(purgers, missing),
        )


def _each_member_help(purgers: list[ExpireModel], missing: list[str]) -> str:
    """BKR214's help: the one purging block made `on each member` (not a second block
    beside it, which purges its members twice: BKR211), else a block for the members
    never purged, on the first purging block's schedule and retention."""
    first = purgers[0]
    if len(purgers) == 1 and not first.each_member:
        return (
            f"write `expire on each member` for `expire on {', '.join(first.members)}` (line {first.decl.span.line}):"
            " each member then purges its own catalog on that schedule"
        )
    retain = f"  retain {first.retain_days} days" if first.retain_days is not None else ""
    return (
        f"add `expire on {', '.join(missing)} {{ purge {schedule_text(first.purge)}{retain} }}` to the cluster block,"
        f" the schedule of line {first.decl.span.line}: each member purges its own catalog"
    )


@check
def purge_near_catalog(model: Model):
    cat = model.catalog
    if model.cluster is None or cat is None or cat.scope is not Scope.SHARED or not cat.decl.home:
        return
    home = cat.decl.home[0]
    if model.member(home.upper) is None:
        return
    purgers = [e for e in model.expires if e.purge is not None]
    members = {m for e in purgers for m in _places(model, e)}
    if len(members) != 1 or home.upper in members:
        return
    (member,) = members
    yield PURGE_AWAY(
        f"the shared catalog is purged from `{member}`, but its SFS server runs on `{home.upper}`:"
        " expiry then needs both members up",
        purgers[0].decl.placement.span,
        related=(Related(home.span, "the catalog's server runs here"),),
        help=(
            f"write `expire on {home.upper}` for `expire on {', '.join(purgers[0].members)}` (line"
            f" {purgers[0].decl.span.line}), or move the server to `{member}`: `on {member}` for `on {home.text}`"
            if len(purgers) == 1
            else f"purge on `{home.upper}` (`expire on {home.upper} {{ ... }}`), or move the server to `{member}`"
        ),
    )


@check
def previews_run(model: Model):
    """Each preview goes into the BKREXPIR of its member, and only a purging member
    has one (BKR218); BKR210, BKR211 and BKR214 say what is wrong with the purges."""
    if model.cluster is None:
        return
    # Members the cluster declares: a purge `on` an unknown member purges nowhere
    # (BKR330 names the member), and has no block to point at.
    purge_blocks = [e for e in model.expires if e.purge is not None and _places(model, e)]
    purging = tuple(dict.fromkeys(m for e in purge_blocks for m in _places(model, e)))
    shared = model.catalog is not None and model.catalog.scope is Scope.SHARED
    for e in model.expires:
        if e.preview is None:
            continue
        lost = [m for m in _places(model, e) if m not in purging]
        if not lost:
            continue
        where = f"on {listed(lost)}"
        schedule = schedule_text(e.preview)
        if not purging:
            yield PREVIEW_NOT_RUN(
                f"the preview {where} never runs: no member purges, so no {_EXEC} EXEC is written,"
                " and expired backups stay in the catalog for ever",
                e.preview.span,
                help=_purge_on_unknown_member_help(model, e) or _nothing_purges_help(model),
            )
            continue
        related = (Related(purge_blocks[0].decl.placement.span, f"{listed(purging[:1])} purges here"),)
        fix = None
        if shared and len(purging) == 1:
            purger = purge_blocks[0] if len(purge_blocks) == 1 else None
            if any(b.preview is not None for b in model.expires_on(purging[0])):
                help = (
                    f"remove this preview: with one shared catalog, `{purging[0]}`'s preview"
                    " already lists every member's jobs"
                )
                fate = _retain_fate(e, purger)
                if fate == _MOVED and _left_empty(model, e, lost, purger):
                    help = _preview_removed_retain_moved_help(e, purger, purging[0])
                    fix = _preview_moved_fix(model, e, lost, purger, None)
                elif _left_empty(model, e, lost, purger) and not holds_comment(model, e.decl.span):
                    fix = delete_statements(model, [e.decl.span], f"Remove the `expire on {_placement_text(e)}` block")
            else:
                help = _preview_moved_help(model, e, purge_blocks[0], schedule)
                if len(purge_blocks) == 1:
                    fix = _preview_moved_fix(model, e, lost, purge_blocks[0], schedule)
        elif model.catalog is not None and model.catalog.scope is Scope.LOCAL:
            help = _purge_lost_help(model, e, lost, purge_blocks[0])
        elif model.catalog is None and not model.catalogs:
            help = _no_catalog_preview_help(model, e, lost, purge_blocks[0], purging)
        else:  # a shared catalog purged on several members (BKR211): preview where one purge is kept
            kept = purge_kept(model, list(purging))
            keeper = next(b for b in purge_blocks if kept in _places(model, b))
            if keeper.preview is not None:
                help = f"remove this preview: with one shared catalog, `{kept}`'s preview already lists every member's jobs"
            else:
                help = _preview_moved_help(model, e, keeper, schedule)
            help += f" (`{kept}` is the member BKR211 keeps purging)"
        local = model.catalog is not None and model.catalog.scope is Scope.LOCAL
        own = (
            f", and {listed(lost)} never purge{'' if len(lost) > 1 else 's'}"
            f" {'their' if len(lost) > 1 else 'its'} own catalog"
            if local
            else ""
        )
        yield PREVIEW_NOT_RUN(
            f"the preview {where} never runs: {_EXEC} is written only on the purging "
            f"member{'s' if len(purging) > 1 else ''} {listed(purging)}{own}",
            e.preview.span,
            related=related,
            help=help,
            fix=fix,
        )


def _purge_on_unknown_member_help(model: Model, preview: ExpireModel) -> str | None:
    """BKR218's help where nothing purges a shared catalog because its one purging block
    names no member of the cluster (`expire on VM2 { purge ... }`, VM2 a slip for VM1:
    BKR330 names it): that block's member written again, the catalog's server's (else
    the preview's, else the first). The help added a purge to the previewing block,
    and with BKR330's "did you mean `VM1`?" followed too, VM1 purged twice (BKR211,
    whose help then removed the block holding the preview; stop 82). Followed in
    either order, the two helps now make the one edit."""
    if model.catalog is None or model.catalog.scope is not Scope.SHARED:
        return None
    nowhere = [e for e in model.expires if e.purge is not None and not e.each_member and not _places(model, e)]
    if len(nowhere) != 1:
        return None
    (block,) = nowhere
    home = catalog_home(model)
    if home is not None and model.member(home) is not None:
        member, why = home, f"`{home}` runs the catalog's SFS server"
    else:
        places = _places(model, preview)
        member = places[0] if len(places) == 1 and not preview.each_member else model.member_names[0]
        why = "one member purges a shared catalog"
    written = ", ".join(block.members)
    return (
        f"write `expire on {member}` for `expire on {written}` (line {block.decl.span.line}): `{written}` is no"
        f" member of this cluster (BKR330), so its purge runs nowhere, and the preview runs only where the"
        f" catalog is purged ({why})"
    )


def _nothing_purges_help(model: Model) -> str:
    """BKR218's help where no member purges: BKR210's purge, written where the catalog
    is purged (a shared catalog's on its server's member: the help wrote it in the
    previewing block, on another member, BKR215; a local one's on each member: in
    the block of one member, BKR214), or in the previewing block where the file
    declares no catalog (BKR213 asks for one). Its day and time are the site's to
    write (the help wrote `DAY HH:MM` and did not say so)."""
    if model.catalog is not None:
        return _purge_help(model)
    return (
        f"add `{_PURGE}` to this block: {_EXEC}, written on the purging member, runs its previews too;"
        " write for DAY and HH:MM the day and time to purge"
    )


def _preview_moved_help(model: Model, block: ExpireModel, purger: ExpireModel, schedule: str) -> str:
    """BKR218's help for a shared catalog's preview on a member that does not purge,
    where the one purging block has no preview: the line moved into that block, as a
    sysprog would (the help wrote a second `expire on VMSYS1 { preview ... }` block
    beside it), and the previewing block removed where the preview is all it holds, or
    all but a `retain` that the purging block keeps already or takes with the preview
    (`_retain_fate`). A `retain` of other days stays: which retention is kept is the
    sysprog's choice, BKR260's."""
    why = "with one shared catalog its preview lists every member's jobs"
    into = f"`expire on {_placement_text(purger)}` block (line {purger.decl.span.line})"
    fate = _retain_fate(block, purger) if len(block.decl.previews) == 1 else None
    retain = f"`retain {block.decl.retains[0].text} days`" if block.decl.retains else ""
    moved = f"move `preview {schedule}`{f' and {retain}' if fate == _MOVED else ''} into the {into}"
    removed = f", and remove the `expire on {_placement_text(block)}` block (line {block.decl.span.line})"
    if fate == "":
        moved += f"{removed}, left empty"
    elif fate == _MOVED:
        moved += f", whose `purge` alone uses a retention (BKR260){removed}, left empty"
    elif fate == _SAME:
        moved += f"{removed}, whose {retain} that block keeps already"
    return f"preview on the purging member: {moved}; {why}"


def _preview_removed_retain_moved_help(block: ExpireModel, purger: ExpireModel, member: str) -> str:
    """BKR218's help for a preview the purging member runs already, in a block that also
    retains where the purging block does not: the `retain` moved there, the block gone."""
    retain = f"`retain {block.decl.retains[0].text} days`"
    return (
        f"remove this preview with its block, `expire on {_placement_text(block)}` (line {block.decl.span.line}),"
        f" and move its {retain} into the `expire on {_placement_text(purger)}` block (line"
        f" {purger.decl.span.line}), whose `purge` alone uses a retention (BKR260); with one shared catalog,"
        f" `{member}`'s preview already lists every member's jobs"
    )


#: `_retain_fate`'s answers: the purging block keeps the same days, or takes the block's `retain`.
_SAME, _MOVED = "same", "moved"


def _retain_fate(block: ExpireModel, purger: ExpireModel | None) -> str | None:
    """What becomes of a previewing block's `retain` when BKR218's fix removes the
    block: "" where it has none; `_SAME` where the one purging block (`purger`) keeps
    the same days (nothing lost, BKR260 says nothing of it); `_MOVED` where that block
    has no `retain`: it moves there, as BKR260's help says, the only retention the
    file writes. None where the two differ (which one the site means is BKR260's
    question, two answers), the block writes several, or there is no one purging block."""
    retains = block.decl.retains
    if not retains:
        return ""
    if purger is None or len(retains) > 1 or block.retain_days is None:
        return None
    if not purger.decl.retains:
        return _MOVED
    return _SAME if purger.retain_days == block.retain_days else None


def _left_empty(model: Model, block: ExpireModel, lost: list[str], purger: ExpireModel | None = None) -> bool:
    """Whether the preview is all `block` holds, or all but a `retain` that `purger`, the
    one purging block, keeps already or takes (`_retain_fate`), and every member it
    names is one of `lost` (those that do not purge): removed, the block takes nothing
    else with it (a block that also names the purging member previews there too)."""
    decl = block.decl
    return (
        len(decl.previews) == 1
        and not decl.purges
        and _retain_fate(block, purger) is not None
        and not block.each_member
        and set(_places(model, block)) <= set(lost)
        and len(decl.placement.members) == len(_places(model, block))
    )


def _preview_moved_fix(
    model: Model, block: ExpireModel, lost: list[str], purger: ExpireModel, schedule: str | None
) -> Fix | None:
    """BKR218's fix where its help moves the preview (`_preview_moved_help`): the
    line written into the purging block (`schedule`; None where that block previews
    already), with the block's `retain` where that block has none (`_retain_fate`),
    and the previewing block removed, where that is all it held (`_left_empty`).
    None where the block keeps more (the checker knows a `preview`'s schedule, not
    where its keyword begins, so it cannot cut that line alone out of it; a `retain`
    of other days than the purging block's, BKR260's choice), holds a comment, which
    its removal would drop, or a comment stands where an edit would go."""
    if not _left_empty(model, block, lost, purger) or block.decl.span.file != purger.decl.span.file:
        return None
    if holds_comment(model, block.decl.span):
        return None  # removed with the block, a comment in it would be lost
    retain = f"retain {block.decl.retains[0].text} days" if _retain_fate(block, purger) == _MOVED else None
    into = _into_block(model, purger, f"preview {schedule}" if schedule is not None else None, retain)
    removed = delete_statements(model, [block.decl.span], "")
    if into is None or removed is None:
        return None
    moved = " and ".join(f"`{t}`" for t in (f"preview {schedule}" if schedule is not None else None, retain) if t)
    return Fix(f"Move {moved} into the `expire on {_placement_text(purger)}` block", (*into, *removed.edits))


def _into_block(model: Model, block: ExpireModel, item: str | None, last: str | None = None) -> tuple[Edit, ...] | None:
    """The edits that write `item` (`preview daily 01:00`) first in an `expire` block,
    and `last` (`retain 35 days`) last. A block of several lines gets `item` on a line
    of its own before the line of its first statement, and `last` on one before the
    line of its `}` (where nothing but blanks is before the `}`: the block's last
    statement or comment ends on a line above), indented as `bkrc fmt` indents a
    block's statements; a block on one line, which holds no comment, is written again
    on its line with `item` first and `last` last (`expire on VMSYS1 { preview daily
    01:00  purge weekly sun 03:00  retain 35 days }`), its own statements as the
    checks' helps write them. None otherwise (a block whose first statement shares the
    line of its `{` while its `}` is on another, or `}` a line with a statement)."""
    decl = block.decl
    firsts = [s.span for s in (*decl.previews, *decl.purges)] + [w.span for w in decl.retains]
    if not firsts:
        return None
    first = min(firsts, key=lambda s: s.start)
    span = decl.span
    indent = " " * (span.column + 1)
    if first.line > span.line:
        edits = []
        if item is not None:
            start = first.start - (first.column - 1)
            edits.append(Edit(Span(span.file, first.line, 1, first.line, 1, start, start), indent + item + "\n"))
        if last is not None:
            inside = [*firsts, *(c for c in _comments_in(model, span))]
            if max(s.end_line for s in inside) >= span.end_line:
                return None
            start = span.end - (span.end_column - 1)
            edits.append(Edit(Span(span.file, span.end_line, 1, span.end_line, 1, start, start), indent + last + "\n"))
        return tuple(edits)
    if span.end_line != span.line or holds_comment(model, span):
        return None
    items = sorted(
        [(s.span.start, f"preview {schedule_text(s)}") for s in decl.previews]
        + [(s.span.start, f"purge {schedule_text(s)}") for s in decl.purges]
        + [(w.span.start, f"retain {w.text} days") for w in decl.retains]
    )
    written = [t for t in (item, *(t for _, t in items), last) if t is not None]
    return (Edit(span, f"expire on {_placement_text(block)} {{ {'  '.join(written)} }}"),)


def _comments_in(model: Model, span: Span) -> list[Span]:
    """The places of the comments inside `span`."""
    for module in model.modules:
        if module.file == span.file:
            return [where for where, _ in module.comments if span.start <= where.start < span.end]
    return []


@check
def retains_kept(model: Model):
    """A `retain` counts only in the block that purges (rexx.py writes that one
    into BKREXPIR): in any other block it is read and dropped (BKR260). Where
    nothing purges the block's members, BKR210, BKR214 or BKR218 ask for the
    purge, after which the `retain` is kept or this check says where it goes."""
    if model.cluster is None:
        return
    purge_blocks = [e for e in model.expires if e.purge is not None and _places(model, e)]
    shared = model.catalog is not None and model.catalog.scope is Scope.SHARED
    for e in model.expires:
        members = _places(model, e)
        if e.purge is not None or e.retain_days is None or not members:
            continue
        # The blocks whose purge this block's members rely on: their own, or the
        # one purge of a shared catalog, which expires every member's jobs.
        keepers = [b for b in purge_blocks if set(_places(model, b)) & set(members)]
        if shared and not keepers:
            keepers = purge_blocks[:1]
        covered = {m for b in keepers for m in _places(model, b)}
        if not keepers or not (shared or set(members) <= covered):
            continue
        keeper = keepers[0]
        purging = _places(model, keeper)
        word, days = e.decl.retains[0], e.retain_days
        if keeper.retain_days == days:
            continue  # the same days written twice: nothing is lost
        written = f"`retain {word.text} days`"
        verb = f"{listed(purging)} purge{'s' if len(purging) == 1 else ''}"
        if keeper.retain_days is None:
            kept = "its block has no `retain`"
            help = f"move {written} into the block that purges, `expire on {purging[0]} {{ ... }}`"
        else:
            kept = f"its block keeps {keeper.retain_days} days"
            help = (
                f"keep one retention, in the block that purges: change its `retain` to {days} days"
                f" and remove this one, or remove this one to keep {keeper.retain_days} days"
            )
        yield RETAIN_NOT_KEPT(
            f"{written} is never used: this block does not purge, and the retention goes with the"
            f" purge; {verb} in another block, and {kept}",
            word.span,
            label="not used",
            related=(Related(keeper.decl.placement.span, f"{verb} here"),),
            help=help,
        )


_EXEC = "BKREXPIR"


def _purge_lost_help(model: Model, block: ExpireModel, lost: list[str], first: ExpireModel) -> str:
    """BKR218's help for a local catalog's preview on members that never purge: the
    purge on the schedule (and retention) of the first purging block, added to the
    previewing block where it names no member that purges already, else in a block
    of its own for those members (an `expire on each member` block beside the purging
    one, as the help wrote, purges that one's members twice: BKR211)."""
    retain = f"  retain {first.retain_days} days" if first.retain_days is not None else ""
    purge = f"purge {schedule_text(first.purge)}{retain}"
    why = f"the schedule of line {first.decl.span.line}: each member with its own catalog purges it"
    if set(_places(model, block)) <= set(lost):
        return f"add `{purge}` to this block, {why}"
    return f"add `expire on {', '.join(lost)} {{ {purge} }}` to the cluster block, {why}"


def _no_catalog_preview_help(
    model: Model, block: ExpireModel, lost: list[str], first: ExpireModel, purging: tuple[str, ...]
) -> str:
    """BKR218's help where the file declares no catalog (BKR213): its two readings, each
    with the statement BKR213's help writes. One shared catalog, purged on one member,
    previews there (where one member purges); a catalog on each member purges on each
    (`_purge_lost_help`; an `expire on each member` block beside the purging one, as
    the help wrote, purged that one's members twice, BKR211)."""
    local = f"for a catalog on each member, add `catalog local {_IBM_NAMES}` and {_purge_lost_help(model, block, lost, first)}"
    if len(purging) != 1:
        return local
    return (
        f"for one catalog for the cluster, as IBM recommends, add `catalog shared {_IBM_NAMES}` and preview on the"
        f" purging member: `expire on {purging[0]} {{ preview {schedule_text(block.preview)} }}`; {local}"
    )


#: The SFS server and file pool IBM's samples name, which BKR213's help writes.
_IBM_NAMES = "server BKRSVSFS pool BKRPOOL"


@check
def catalog_server_own_machine(model: Model):
    for cat in model.catalogs:
        if cat.server is None or cat.server_span is None:
            continue
        role = model.product_role(cat.server)
        if role is None:
            continue
        holders = [u for u in model.role_users(role) if u.id == cat.server]
        # A worker's role is given to a pattern (`BKRWRK*`): point at the pattern.
        patterns = [p for p in model.role_patterns(role) if p.matches(cat.server)] if not holders else []
        related = (
            (Related(holders[0].span, f"{quoted(cat.server)} declared `role {role}` here"),)
            if holders
            else (Related(patterns[0].span, f"{quoted(patterns[0].pattern)} declared `role {role}` here"),)
            if patterns
            else ()
        )
        disk = server_disk_unnamed(model)
        if disk is not None and cat.server_span.file == model.main_file:
            related += (Related(disk.user.span, "a minidisk for a machine the file declares nowhere else"),)
        yield SERVER_IS_PRODUCT_MACHINE(
            f"the catalog's SFS server {quoted(cat.server)} is {ROLE_TEXT[role]}",
            cat.server_span,
            related=related,
            help=_own_server_help(model, cat),
        )


def _own_server_help(model: Model, cat) -> str:
    """BKR217's help: `server` written again on IBM's sample ID, where no user and no
    product machine of the files has it (its `disk` statements stay the role's)."""
    ibm = "BKRSVSFS"
    disk = server_disk_unnamed(model)
    if disk is not None and cat.server_span.file == model.main_file:
        return (
            f"give the file pool server its own user ID: write `server {disk.user.upper}` for `server {cat.server}`"
            f" (line {cat.server_span.line}), the user `disk {disk.user.text}` (line {disk.span.line}) gives a minidisk"
        )
    if cat.server_span.file != model.main_file or model.user_defs_of(ibm) or ibm in model.machine_roles():
        return f"give the file pool server its own user ID, such as {ibm}"
    return (
        f"give the file pool server its own user ID: write `server {ibm}` for `server {cat.server}`"
        f" (line {cat.server_span.line}) ({ibm} is IBM's sample name for it)"
    )
