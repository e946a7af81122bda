"""Tape: Backup Manager to tape under Tape Manager for z/VM (BKR230-BKR236), SSI rule 7.

The `tape manager` statement names up to four machines: each node's Tape Manager
Machine (`catalog-node`, `request-node`) and Device Manager Machine
(`catalog-dmm`, `request-dmm`); see `Model.tape_nodes`.
"""

from __future__ import annotations

from bkrdsl.ast import Kind, Scope, TargetMedium
from bkrdsl.check.common import holds_comment, listed, quoted, valid_user_id
from bkrdsl.check.registry import check
from bkrdsl.diagnostics import Edit, Fix, Related
from bkrdsl.diagnostics.registry import register
from bkrdsl.resolve.model import ROLE_TEXT, ROLES, Model
from bkrdsl.source import Span

TAPE_NOT_SHARED = register(
    "BKR230",
    "tape-without-shared-tape-manager",
    "error",
    "a job writes to tape, but Tape Manager does not share one catalog across the cluster",
    """
    Backing up to tape in an SSI cluster requires Tape Manager for z/VM to run
    with one shared catalog: a catalog node on one member and a request node
    on every other member. Each member's backup server asks its local node for
    a tape; with separate Tape Manager catalogs, two members would hand out
    the same volume, or not know a tape the other member wrote. (IBM technote
    on Backup Manager in an SSI environment.) One statement is missing (or
    local) for every job that writes to tape, so it is one error, at the first
    such job, with the others as notes. The help writes the statement's
    nodes: the machines a `tape manager local` statement names; else those of
    IBM's IDs (TCTMM, TRTMM, and the DMMs TCDMM, TRDMM) that the file's
    `disk` statements give a disk, each in its place (a deleted statement
    leaves them so; BKR332 says at those disks what they are); else IBM's
    example IDs TCTMM and TRTMM (the site's own Tape Manager machines go
    there), naming the other `disk` statements' users no machine has, which
    may be them. Its DMMs are those the `local` statement names, else those
    of the `disk` statements, also beside the nodes it names where those are
    the disks' (its DMM line deleted: without them, the shared statement
    applied would leave `disk TCDMM` and `disk TRDMM` errors). The catalog
    node goes on the
    shared catalog's member. The help also writes the other way out, for a
    cluster that gives tape up (its statement deleted, as docs/deploy.md's
    "Tape Manager removed" does, the jobs' `to tape` left): each such job's
    `to tape` written `to disk pool NAME`, the first pool the file's other
    jobs write to, else `to disk`.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          tape manager local
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to tape   # <- BKR230
            run on each member daily 01:00
          }
        }

    Fix: `tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM`.
    """,
)

TAPE_NODE_KIND = register(
    "BKR231",
    "tape-node-kind",
    "error",
    "a Tape Manager machine has the wrong configuration kind",
    """
    In a shared Tape Manager catalog exactly one node is the catalog node: its
    machine owns the catalog and must be a single-configuration (USER) entry,
    so there is only ever one of it. The request nodes run on every other
    member: one machine name on two or more members must be an IDENTITY entry.
    A node's Device Manager Machine (`catalog-dmm`, `request-dmm`) runs where
    its node runs and follows the same rule (Tape Manager 1.3, "Node
    Definition example for a Shared Catalog Implementation": the catalog
    node's service machines are single configuration IDs, the request nodes'
    may be multiple configuration IDs).

    Failing example:

        import std/backup-manager
        identity user TCTMM
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    Fix: `single user TCTMM`.
    """,
)

TAPE_NAME_CLASH = register(
    "BKR232",
    "tape-node-name-clash",
    "error",
    "two Tape Manager machines use the same machine name",
    """
    The catalog node's machine (a USER entry) and the request nodes' machine
    (an IDENTITY entry) are different directory entries, and CP does not allow
    a USER and an IDENTITY with one name. They must also differ so that the
    catalog node can move to another member: IBM's example uses TC... for the
    catalog node and TR... for the request nodes ("the service machine names
    for the Catalog Node must be different from the service machine names for
    the Request Nodes"). The same goes for the nodes' Device Manager Machines
    (`catalog-dmm`, `request-dmm`): each is a directory entry of its own, so
    its name must differ from both nodes' and from the other DMM's.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          tape manager shared catalog-node TAPEMGR on VMSYS1 request-node TAPEMGR
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    Fix: `catalog-node TCTMM on VMSYS1 request-node TRTMM`. Likewise
    `catalog-dmm TCDMM request-dmm TRDMM`, not `catalog-dmm TCTMM` or
    `request-dmm TCDMM`.

    The help writes the option again on the ID a `disk` statement of the
    file gives that machine, else on IBM's example ID for it, said to be
    one, where no other option and no user of the file has it: `write
    `request-node TRTMM` for `request-node TAPEMGR` (line 8)`.
    """,
)

TAPE_INCOMPLETE = register(
    "BKR233",
    "tape-manager-incomplete",
    "error",
    "a shared Tape Manager without its catalog node or request nodes",
    """
    A shared Tape Manager catalog is one catalog node on one member
    (`catalog-node NAME on MEMBER`) and a request node on every other member
    (`request-node NAME`). Without a catalog node there is no catalog; without
    a request node the other members cannot ask for tapes. A node's Device
    Manager Machine (`catalog-dmm`, `request-dmm`) is written only with its
    node, so naming it does not replace the node.

    Failing example (two members):

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          tape manager shared catalog-node TCTMM on VMSYS1   # <- BKR233
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    Fix: `tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM`.
    """,
)

TAPE_NAME_TAKEN = register(
    "BKR234",
    "tape-machine-named-like-product-machine",
    "error",
    "a Tape Manager machine has the name of a Backup Manager machine",
    """
    bkrc writes one CP directory entry per machine. A Tape Manager machine
    (`catalog-node`, `request-node`, `catalog-dmm`, `request-dmm`) named like
    one of Backup Manager's own machines (the backup server, the catalog
    server, a worker, the catalog's SFS server, the administrator or the
    installation user) would be one virtual machine doing two jobs, and its
    entry would be written once, with Backup Manager's defaults: Tape
    Manager's machine would have no entry of its own.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          tape manager shared catalog-node BKRADMIN on VMSYS1 request-node TRTMM
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    The help writes the option again on the ID a `disk` statement of the
    file gives that machine, else on IBM's example ID for it, said to be
    one, where no other option and no user of the file has it, as BKR232's
    does: `write `catalog-node TCTMM` for `catalog-node BKRADMIN` (line 8)`.

    Fix: give the Tape Manager machine its own name (IBM's example: TCTMM on
    the catalog node, TRTMM on the request nodes).
    """,
)

TAPE_MACHINES_UNUSED = register(
    "BKR235",
    "tape-machines-without-shared-catalog",
    "warning",
    "`tape manager local` names Tape Manager machines, which only a shared catalog uses",
    """
    The machine options of `tape manager` (`catalog-node`, `request-node`,
    `catalog-dmm`, `request-dmm`) describe the nodes of one tape catalog
    shared by the cluster. With `local` each member keeps its own Tape
    Manager catalog and there are no nodes: bkrc writes no node definitions,
    directory entries or start-up lines for the machines named, so the
    options do nothing.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          tape manager local catalog-node TCTMM on VMSYS1 request-node TRTMM
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    Fix: `tape manager shared ...` if the members share one tape catalog (SSI
    rule 7 requires it for backups to tape), or `tape manager local` alone.
    """,
)

TAPE_REQUEST_NODE_UNUSED = register(
    "BKR236",
    "tape-request-node-on-one-member",
    "warning",
    "a one-member cluster's shared Tape Manager names a request node, which no member runs",
    """
    A request node runs on each member but the catalog node's, and asks the
    catalog node for tapes. A cluster of one member, the catalog node's, has
    no other member: bkrc writes no request node for it, no node definition,
    directory entry or start-up line, and none of its DMM (`request-dmm`)
    either, so `request-node NAME` does nothing. A warning, as BKR235 is for
    the machines of a local Tape Manager: nothing is wrong with the cluster,
    but the file names a machine that bkrc does not write.

    Failing example:

        import std/backup-manager
        cluster SOLOSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to tape
            run on each member daily 01:00
          }
        }

    Fix: remove `request-node TRTMM` (and `request-dmm NAME`, if named):
    `tape manager shared catalog-node TCTMM on VMSYS1`. Name the request node
    again when a second member joins the cluster (BKR233 then asks for it).
    """,
)

#: The Backup Manager machine roles, as BKR234 names them.
_PRODUCT_ROLES = ROLES | {"catalog-sfs-server"}


@check
def tape_needs_shared_manager(model: Model):
    tape = model.tape
    if model.cluster is None or (tape is not None and tape.scope is Scope.SHARED):
        return
    # One statement missing (or local) for every job that writes to tape: one
    # report, at the first such job, with the others as notes.
    to_tape = [
        (job, target)
        for job in model.jobs
        for target in job.decl.targets[:1]
        if target.medium is TargetMedium.TAPE
    ]
    if not to_tape:
        return
    (job, target), rest = to_tape[0], to_tape[1:]
    also = ""
    if rest:
        names = [other.name for other, _ in rest]
        also = f" (so {'does' if len(names) == 1 else 'do'} {listed(names)})"
    if tape is None:
        message = f"job {quoted(job.name)} writes to tape{also}, but the cluster declares no Tape Manager"
        related = ()
    else:
        message = f"job {quoted(job.name)} writes to tape{also}, but Tape Manager keeps a catalog per member"
        related = (Related(tape.decl.span, "declared local here"),)
    related += tuple(Related(t.span, f"{other.name} writes to tape too") for other, t in rest)
    yield TAPE_NOT_SHARED(
        message,
        target.span,
        related=related,
        help=_shared_tape_help(model) + _to_disk_instead(model, [job.name, *(other.name for other, _ in rest)]),
    )


def _to_disk_instead(model: Model, jobs: list[str]) -> str:
    """BKR230's other way out, for a cluster that gives tape up (its `tape manager`
    statement deleted, as docs/deploy.md's "Tape Manager removed" does): each tape
    job's `to tape` written as the disk pool the file's other jobs write to (the
    first one named, in the file's order), else `to disk`."""
    pool = next(
        (
            target.pool.text
            for job in model.jobs
            for target in job.decl.targets[:1]
            if target.medium is TargetMedium.DISK and target.pool is not None
        ),
        None,
    )
    disk = f"to disk pool {pool}" if pool else "to disk"
    whose = f"job {quoted(jobs[0])}" if len(jobs) == 1 else f"jobs {listed(jobs)}"
    said = " (the other jobs' pool)" if pool else ""
    return f"; or write `{disk}`{said} for `to tape` in {whose}"


def _shared_tape_help(model: Model) -> str:
    """BKR230's help: the `tape manager shared` statement written out, with the
    machines a `tape manager local` statement names, else IBM's example IDs (TCTMM,
    TRTMM; the site's own Tape Manager machines are its choice, which the help says);
    the catalog node on the member a `local` statement puts it on, else the shared
    catalog's home, else the first member; no request node in a cluster of one member."""
    tape = model.tape
    members = list(model.member_names)
    catalog = model.catalog
    home = next(
        (
            m
            for m in (
                tape.catalog_member if tape is not None else None,
                catalog.home if catalog is not None and catalog.scope is Scope.SHARED else None,
            )
            if m in members
        ),
        members[0] if members else None,
    )
    node = tape.catalog_node if tape is not None and tape.catalog_node else None
    request = tape.request_node if tape is not None and tape.request_node else None
    # IBM's IDs the file's own `disk` statements name (the statement deleted, its
    # machines' disks left): written in their places, not called examples
    on_disks = _tape_machines_on_disks(model) if node is None and request is None else {}
    node = node or on_disks.get("catalog-node")
    request = request or on_disks.get("request-node")
    said = "write `tape manager shared` in place of `tape manager local`" if tape is not None else "declare `tape manager shared`"
    if home is None:
        return f"{said}, with its catalog node on one member and a request node on each of the others"
    # each option quoted on its own: a quoted text longer than the renderer's
    # QUOTE_WIDTH is shown cut in the middle
    said += f", with `catalog-node {node or 'TCTMM'} on {home}`"
    examples = [] if node else ["TCTMM"]
    options = []
    if len(members) > 1:
        options.append(f"`request-node {request or 'TRTMM'}`")
        examples += [] if request else ["TRTMM"]
    # the DMMs a `local` statement names, else those of the file's `disk` statements, also
    # where the nodes it names are theirs (its DMM line deleted): left out, those disks
    # stay errors; not beside nodes of the site's own IDs, whose DMMs IBM's are not
    disks = on_disks or _tape_machines_on_disks(model)
    theirs = tape is None or (
        tape.catalog_node in (None, disks.get("catalog-node")) and tape.request_node in (None, disks.get("request-node"))
    )
    for role, named in (("catalog-dmm", tape and tape.catalog_dmm), ("request-dmm", tape and tape.request_dmm)):
        if named or (theirs and disks.get(role) not in (None, node, request)):
            options.append(f"`{role} {named or disks[role]}`")
    if options:
        said += (", " if len(options) > 1 else " and ") + ", ".join(options[:-1]) + (" and " if len(options) > 1 else "") + options[-1]
    if on_disks and not examples:
        # not said whose they are ("the Tape Manager machines the file's `disk` statements
        # name"): BKR332 says it at those disks, and the help, with its disk way out, ran
        # past MESSAGE_WIDTH on prodssi's statement deleted or written `tape manager local`
        return said
    if examples:
        one = len(examples) == 1
        said += (
            f" ({' and '.join(examples)} {'is' if one else 'are'} IBM's example"
            f" {'ID' if one else 'IDs'}: write your site's Tape Manager {'machine' if one else 'machines'}"
        )
        others = _other_disk_owners(model) if tape is None else []
        if others:
            # `disk TMCAT 191 ...` left by the statement deleted: its role cannot be told
            # from its name, so the help names them and says `if`
            said += (
                f"; the `disk` statements name {listed(others)}, no machine of the cluster:"
                f" if {'it is a Tape Manager machine' if len(others) == 1 else 'they are Tape Manager machines'},"
                f" write {'it' if len(others) == 1 else 'them'} there"
            )
        said += ")"
    return said


def _node_help(model: Model, option: str, why: str) -> str:
    """BKR233's help: the missing node's option written out, on the file's own names:
    the machine a `disk` statement of the file names for it (`_tape_machines_on_disks`),
    else IBM's example ID, said to be one, where no other option of the statement
    takes it, else NAME; a catalog node on the shared catalog's home, else the first
    member."""
    tape = model.tape
    members = list(model.member_names)
    taken = {tape.catalog_node, tape.request_node, tape.catalog_dmm, tape.request_dmm}
    ibm = next(i for i, role in _IBM_TAPE_IDS.items() if role == option)
    name = _tape_machines_on_disks(model).get(option)
    said = "" if name else f" ({ibm} is IBM's example ID: write your site's Tape Manager machine)"
    if name is None:
        name, said = (ibm, said) if ibm not in taken else ("NAME", "")
    where = ""
    if option == "catalog-node":
        catalog = model.catalog
        home = catalog.home if catalog is not None and catalog.scope is Scope.SHARED else None
        member = home if home in members else (members[0] if members else "MEMBER")
        where = f" on {member}"
    return f"add `{option} {name}{where}`{said}: {why}"


#: IBM's IDs for the Tape Manager machines, each by the option that names it.
_IBM_TAPE_IDS = {"TCTMM": "catalog-node", "TRTMM": "request-node", "TCDMM": "catalog-dmm", "TRDMM": "request-dmm"}


def _tape_machines_on_disks(model: Model) -> dict[str, str]:
    """IBM's Tape Manager IDs (TCTMM, TRTMM, TCDMM, TRDMM) that a `disk` statement gives
    a disk while no machine of the cluster has that ID, by the option that names each:
    a `tape manager shared` statement deleted leaves them so (BKR332 says it of the disks)."""
    found = {}
    machines = None
    for d in model.disks:
        role = _IBM_TAPE_IDS.get(d.user.upper)
        if role is None or role in found:
            continue
        if machines is None:
            machines = model.product_machines()
        if not model.disk_owners(d, machines) and not model.user_defs_of(d.user.upper):
            found[role] = d.user.upper
    return found


#: What each of IBM's Tape Manager IDs is, as BKR332 says it of a `disk` for one.
_IBM_TAPE_WHAT = {
    "catalog-node": "the catalog node",
    "request-node": "the request nodes",
    "catalog-dmm": "the catalog node's DMM",
    "request-dmm": "the request nodes' DMM",
}


def local_tape_machine(model: Model, user: str) -> str | None:
    """What `user` is, where a `disk` gives it a minidisk while the `tape manager`
    statement is `local` and names no machine of that ID: one of IBM's Tape Manager
    IDs (TCTMM, the catalog node), that no user statement declares. A local Tape
    Manager has no nodes, so bkrc writes no entry for it (BKR332 says so, at the
    disks, pointing at the statement; prodssi's statement written `tape manager local`
    alone). None for any other user."""
    tape = model.tape
    role = _IBM_TAPE_IDS.get(user)
    if tape is None or tape.scope is Scope.SHARED or role is None or model.user_defs_of(user):
        return None
    return _IBM_TAPE_WHAT[role]


def local_tape_help(model: Model, disks: int) -> str:
    """BKR332's help for the disks of `local_tape_machine`: the shared statement BKR230's
    help writes, with the machines on the disks, where a job writes to tape (which needs
    it), else dropping the disks first (a local Tape Manager is then what the site has)."""
    shared = _shared_tape_help(model) + ", which writes their directory entries"
    drop = f"drop {'the' if disks == 1 else 'their'} `disk` statement{'' if disks == 1 else 's'}"
    tape_jobs = any(t.medium is TargetMedium.TAPE for job in model.jobs for t in job.decl.targets[:1])
    if tape_jobs:
        return f"{shared}; otherwise {drop}"
    return f"{drop}, which no local Tape Manager uses; or {shared}"


def local_named_help(model: Model, disks: int) -> str:
    """BKR332's help for the disks of the machines a `tape manager local` statement
    names: `shared` written for `local`, the statement's options kept (they name the
    machines), where a job writes to tape (which needs it), else dropping the disks
    first, as `local_tape_help` orders them."""
    line = model.tape.decl.span.line
    shared = f"write `tape manager shared` for `tape manager local` (line {line}), its options as they are: its nodes then get their directory entries"
    drop = f"drop {'the' if disks == 1 else 'their'} `disk` statement{'' if disks == 1 else 's'}"
    tape_jobs = any(t.medium is TargetMedium.TAPE for job in model.jobs for t in job.decl.targets[:1])
    if tape_jobs:
        return f"{shared}; otherwise {drop}"
    return f"{drop}, which no local Tape Manager uses; or {shared}"


def _other_disk_owners(model: Model) -> list[str]:
    """The user IDs (not patterns) `disk` statements give a disk that no machine of the
    cluster has and no user statement declares, besides IBM's Tape Manager IDs."""
    machines = model.product_machines()
    found = []
    for d in model.disks:
        user = d.user.upper
        if user in _IBM_TAPE_IDS or not valid_user_id(user) or user in found:
            continue
        if not model.disk_owners(d, machines) and not model.user_defs_of(user):
            found.append(user)
    return found


def _requesters(model: Model) -> list[str]:
    """The members that ask the shared Tape Manager's catalog node for tapes: every
    member but the catalog node's (where none is named, every member but the first)."""
    members = list(model.member_names)
    home = model.tape.catalog_member if model.tape.catalog_member in members else None
    return [m for m in members if m != home] if home else members[1:]


def nodes_missing(model: Model) -> list[str]:
    """The nodes a shared Tape Manager lacks, by their options, as BKR233 says them:
    `catalog-node`, and `request-node` where members other than the catalog node's
    would ask for tapes."""
    tape = model.tape
    if model.cluster is None or tape is None or tape.scope is not Scope.SHARED:
        return []
    missing = ["catalog-node"] if tape.catalog_node is None else []
    if tape.request_node is None and tape.catalog_node is not None and _requesters(model):
        missing.append("request-node")
    return missing


def nodes_named_missing(model: Model) -> frozenset[str]:
    """The machines that `disk` statements give a disk and BKR233's help names as a node
    the shared Tape Manager lacks (`add `request-node TRTMM``, its option left out): that
    one slip's, which BKR332 leaves to BKR233 (`declarations`: was a second error at the
    disk, which said the statement names no DMMs)."""
    missing = nodes_missing(model)
    on_disks = _tape_machines_on_disks(model) if missing else {}
    return frozenset(on_disks[option] for option in missing if option in on_disks)


def nodes_renamed(model: Model) -> frozenset[str]:
    """The machines that `disk` statements give a disk and BKR232's or BKR234's help
    writes again on the option it reports (`write `request-node TRTMM` for `request-node
    BKRCATLG``, prodssi's request node named like the catalog server): that one slip's,
    which BKR332 leaves to it (`declarations`: was a second error at `disk TRTMM`, whose
    "did you mean `TCTMM` or `TRDMM`?" named other machines; stop 82)."""
    tape = model.tape
    if model.cluster is None or tape is None or tape.scope is not Scope.SHARED:
        return frozenset()
    on_disks = _tape_machines_on_disks(model)
    if not on_disks:
        return frozenset()
    # the options `tape_nodes` reports: BKR232's clashes, else BKR234's names taken
    fields = _clashing_fields(tape) or _taken_fields(model, tape)
    return frozenset(on_disks[o] for f in fields if (o := f.replace("_", "-")) in on_disks)


@check
def tape_nodes(model: Model):
    tape = model.tape
    if model.cluster is None or tape is None or tape.scope is not Scope.SHARED:
        return
    missing = nodes_missing(model)
    if "catalog-node" in missing:
        yield TAPE_INCOMPLETE(
            "the shared Tape Manager names no catalog node",
            tape.decl.span,
            help=_node_help(model, "catalog-node", "one member owns the tape catalog"),
        )
    requesters = _requesters(model)
    if "request-node" in missing:
        declared = {m.name: m.decl.name.span for m in model.members}
        yield TAPE_INCOMPLETE(
            f"the shared Tape Manager names no request node, so {listed(requesters)} cannot ask for tapes",
            tape.decl.span,
            related=tuple(
                Related(declared[name], f"member {quoted(name)} declared here")
                for name in requesters
                if name in declared
            ),
            help=_node_help(model, "request-node", "the IDENTITY machine that runs on every other member"),
        )
    clashes = list(_name_clashes(model, tape))
    if clashes:
        yield from clashes
        return
    taken = list(_names_taken(model))
    if taken:
        yield from taken
        return
    for name, span, what, wrong, must in (
        (
            tape.catalog_node,
            tape.catalog_node_span,
            "the Tape Manager catalog node",
            Kind.IDENTITY,
            "a single-configuration user: there is one tape catalog",
        ),
        (tape.request_node, tape.request_node_span, "the Tape Manager request node", Kind.SINGLE, None),
        (
            tape.catalog_dmm,
            tape.catalog_dmm_span,
            "the catalog node's DMM",
            Kind.IDENTITY,
            "a single-configuration user, like the one catalog node it serves",
        ),
        (tape.request_dmm, tape.request_dmm_span, "the request nodes' DMM", Kind.SINGLE, None),
    ):
        if not name or not valid_user_id(name):
            continue
        if must is None:  # a request node's machine: with one requesting member it may be a USER
            if len(requesters) <= 1:
                continue
            must = f"an IDENTITY user: it runs on {listed(requesters)}"
        yield from _wrong_kind(model, name, span, wrong, what, must)


#: The machines a `tape manager` statement names, in the order of its options:
#: (model field, the machine as a subject, its verb, as an owner, the note at its name).
_MACHINES = (
    ("catalog_node", "the catalog node", "uses", "the catalog node's", "the catalog node's machine"),
    ("request_node", "the request nodes", "use", "the request nodes'", "the request nodes' machine"),
    ("catalog_dmm", "the catalog node's DMM", "uses", "the catalog node's DMM's", "the catalog node's DMM"),
    ("request_dmm", "the request nodes' DMM", "uses", "the request nodes' DMM's", "the request nodes' DMM"),
)


def _clashing_fields(tape) -> list[str]:
    """The options (their model fields, in `_MACHINES`' order) that name a machine an
    earlier option of the statement names, where `_name_clashes` reports BKR232."""
    seen: set[str] = set()
    found: list[str] = []
    for field, *_ in _MACHINES:
        name = getattr(tape, field)
        if name and name in seen:
            found.append(field)
        seen.add(name)
    return found


def _taken_fields(model: Model, tape) -> list[str]:
    """The options (their model fields) whose machine has a Backup Manager machine's
    name: BKR234's (`_names_taken`), and `nodes_renamed`'s."""
    roles = model.machine_roles()
    return [f for f, *_ in _MACHINES if getattr(tape, f) and roles.get(getattr(tape, f)) in _PRODUCT_ROLES]


def _name_clashes(model: Model, tape):
    """BKR232 for each machine named like one named before it: CP needs one
    directory entry per machine, and IBM asks for different names on the
    catalog node and the request nodes."""
    seen: dict[str, tuple[str, str, object]] = {}  # name -> (owner, note, span) of its first machine
    for field, subject, verb, owner, note in _MACHINES:
        name, span = getattr(tape, field), getattr(tape, f"{field}_span")
        if not name:
            continue
        if name not in seen:
            seen[name] = (owner, note, span)
            continue
        first, first_note, first_span = seen[name]
        renamed = _renamed_machine(model, tape, field, name, span)
        if renamed is not None:
            own = "their own" if field == "request_node" else "its own"
            help = f"give {subject} a name of {own}: {renamed}"
        elif field == "request_node":  # only the catalog node's can come before it
            help = "give the request nodes their own name (IBM's example: TC... for the catalog node, TR... for requests)"
        else:
            help = (
                f"give {subject} a name of its own: each Tape Manager machine is a directory entry"
                " (e.g. TCTMM and TCDMM for the catalog node, TRTMM and TRDMM for the request nodes)"
            )
        yield TAPE_NAME_CLASH(
            f"{subject} {verb} {first} machine name {quoted(name)}",
            span,
            related=(Related(first_span, first_note),),
            help=help,
        )


def _renamed_machine(model: Model, tape, field: str, name: str, span) -> str | None:
    """BKR232's option written again on a name of its own: the ID a `disk` statement
    gives that machine (`_tape_machines_on_disks`), else IBM's example ID for it, said
    to be one, where no option of the statement and no user of the file takes it."""
    option = field.replace("_", "-")
    ibm = next(i for i, role in _IBM_TAPE_IDS.items() if role == option)
    new = _tape_machines_on_disks(model).get(option)
    said = ""
    if new is None:
        taken = {tape.catalog_node, tape.request_node, tape.catalog_dmm, tape.request_dmm}
        if ibm in taken or model.user_defs_of(ibm):
            return None
        new, said = ibm, f" ({ibm} is IBM's example ID: write your site's Tape Manager machine)"
    return f"write `{option} {new}` for `{option} {name}` (line {span.line}){said}"


def _declare_help(model: Model, decl, name: str, right: str) -> str:
    """BKR231's help: the declaration to change, at its line. A `user` statement of the
    site's that declares the machine alone gets the other keyword; from a group, or a
    statement of several IDs, the machine is taken out and declared on its own (a
    statement beside the group's entry would declare it of both kinds: BKR203). A
    standard library module's declaration is not the site's to edit: `declare it`."""
    if decl.module.startswith("std/"):
        return f"declare it `{right}`"
    line = decl.span.line
    if decl.origin == "user" and name in model.declared_alone:
        return f"write `{right} user {name}` for `{decl.kind.value} user {name}` (line {line})"
    source = f"the `{decl.kind.value} user` statement" if decl.origin == "user" else decl.origin
    return f"take `{name}` out of {source} (line {line}) and declare it on its own: `{right} user {name}`"


def _wrong_kind(model: Model, name: str, span, wrong: Kind, what: str, must: str):
    right = "single" if wrong is Kind.IDENTITY else "identity"
    decl = next((u for u in model.user_defs_of(name) if u.kind is wrong), None)
    if decl is not None:
        yield TAPE_NODE_KIND(
            f"{what} {quoted(name)} must be {must}",
            span,
            related=(Related(decl.span, f"declared {wrong.value} here"),),
            help=_declare_help(model, decl, name, right),
        )
        return
    p = model.pattern_for(name) if not model.user_defs_of(name) else None
    if p is None or p.kind is not wrong:
        return
    # Only a group's pattern makes it the wrong kind (`match T*` for new Linux
    # guests): the machine was never declared, and the pattern is what to change
    # (declaring the machine would leave the pattern matching a user of the other
    # kind, BKR204).
    yield TAPE_NODE_KIND(
        f"{what} {quoted(name)} must be {must}",
        span,
        related=(Related(p.span, f"{wrong.value} pattern in {p.origin} matches it here"),),
        help=f"narrow the pattern {quoted(p.pattern)} so it does not match {quoted(name)}",
    )


def _names_taken(model: Model):
    """BKR234 for each Tape Manager machine that has a Backup Manager machine's name."""
    roles = model.machine_roles()
    catalog = model.catalog
    for field in _taken_fields(model, model.tape):
        name, span = getattr(model.tape, field), getattr(model.tape, f"{field}_span")
        role = roles.get(name)
        declared = model.user(name)
        if declared is not None:
            related = (Related(declared.span, f"{quoted(name)} declared here"),)
        elif catalog is not None and catalog.server == name and catalog.server_span is not None:
            related = (Related(catalog.server_span, "the catalog's SFS server named here"),)
        elif role == "worker" and model.role_patterns("worker"):
            related = (Related(model.role_patterns("worker")[0].span, "the workers' names come from here"),)
        else:
            related = ()
        # The option written again on a name of its own, as BKR232's help writes it (the
        # help said "its own name (IBM's example: TCTMM, TRTMM)": which, for which option?).
        renamed = _renamed_machine(model, model.tape, field, name, span)
        yield TAPE_NAME_TAKEN(
            f"Tape Manager machine {quoted(name)} has the name of {ROLE_TEXT[role]}",
            span,
            related=related,
            help=(
                f"give the Tape Manager machine its own name: {renamed}"
                if renamed is not None
                else "give the Tape Manager machine its own name (IBM's example: TCTMM, TRTMM)"
            ),
        )


@check
def tape_machines_unused(model: Model):
    tape = model.tape
    if model.cluster is None or tape is None or tape.scope is not Scope.LOCAL or not tape.decl.machines:
        return
    first = tape.decl.machines[0]
    yield TAPE_MACHINES_UNUSED(
        f"`tape manager local` names Tape Manager machines ({listed([n.name.upper for n in tape.decl.machines])}),"
        " but bkrc writes them only for a shared tape catalog",
        first.name.span,
        help="write `tape manager shared` when the members share one tape catalog, or drop the machine options",
    )


@check
def tape_request_node_unused(model: Model):
    """BKR236: `request-node` (and `request-dmm`) of a shared Tape Manager whose
    cluster has one member, the catalog node's: `Model.tape_nodes` writes no
    request node, as no other member asks for tapes."""
    tape = model.tape
    if model.cluster is None or tape is None or tape.scope is not Scope.SHARED or tape.catalog_node is None:
        return
    members = list(model.member_names)
    if members != [tape.catalog_member]:
        return
    decl = tape.decl
    named = [(option, nodes[0]) for option, nodes in (("request-node", decl.request_nodes), ("request-dmm", decl.request_dmms)) if nodes]
    if not named:
        return
    words = [f"`{option} {node.name.text}`" for option, node in named]
    if len(named) == 2:
        subject = f"the request node {quoted(named[0][1].name.upper)} and its DMM {quoted(named[1][1].name.upper)} are"
    elif named[0][0] == "request-node":
        subject = f"the request node {quoted(named[0][1].name.upper)} is"
    else:
        subject = f"the request nodes' DMM {quoted(named[0][1].name.upper)} is"
    them = "them" if len(named) == 2 else "it"
    member = model.members[0]
    cluster = model.cluster
    yield TAPE_REQUEST_NODE_UNUSED(
        f"{subject} written nowhere: cluster {quoted(cluster.name.text)}'s one member, {quoted(members[0])}, is the"
        " catalog node's, and a request node runs on each other member",
        named[0][1].span,
        related=(
            *(Related(node.span, "its DMM, written nowhere either") for _, node in named[1:]),
            Related(member.decl.name.span, f"member {quoted(members[0])} declared here, the only one"),
        ),
        help=f"remove {' and '.join(words)}, and name {them} again when a second member joins the cluster",
        fix=_remove_options(model, decl, [node for _, node in named], words),
    )


def _remove_options(model: Model, decl, nodes, words: list[str]) -> Fix | None:
    """The fix that deletes the options `nodes` of the `tape manager` statement
    `decl`, each with the blank before it (from the end of the option before it),
    else, first in the statement or with a comment before it, with the blank after
    it (to the start of the option after it, when that one stays); None where a
    comment stands in either, or an option is not read with its keyword."""
    options = sorted(decl.machines, key=lambda n: n.span.start)
    edits = []
    for node in nodes:
        if node.span.start >= node.name.span.start:  # not `KEYWORD NAME` (a syntax recovery's reading)
            return None
        at = options.index(node)
        cut = None
        if at > 0:
            before = options[at - 1].span
            cut = Span(node.span.file, before.end_line, before.end_column, node.span.end_line, node.span.end_column,
                       before.end, node.span.end)
            if holds_comment(model, cut):
                cut = None
        if cut is None and at + 1 < len(options) and options[at + 1] not in nodes:
            after = options[at + 1].span
            cut = Span(node.span.file, node.span.line, node.span.column, after.line, after.column,
                       node.span.start, after.start)
            if holds_comment(model, cut):
                cut = None
        if cut is None:
            return None
        edits.append(Edit(cut, ""))
    return Fix(f"Remove {' and '.join(words)}", tuple(edits))
