"""The first cluster file `bkrc init` writes (docs/init.md).

`problems()` checks the names given on the command line with the checker's
own rules and codes; `text()` writes the file: a cluster of the given members
with every statement the checks ask for (workers, private and shared volumes,
the 191 minidisks, one shared catalog, expiry on one member, one `single` and
one `identity` group, a full and an incremental job), each placeholder marked
by a `# your ...` comment, in the formatter's canonical layout. Both are pure:
the command (`bkrdsl/cli/init.py`) checks the text with the whole front end,
then writes it.
"""

from __future__ import annotations

import re
import shlex
import textwrap
from collections.abc import Sequence
from typing import NamedTuple

from bkrdsl.diagnostics import Diagnostic, Related
from bkrdsl.records import dataclass
from bkrdsl.source import Source, Span

#: What the examples use (examples/prodssi.bkr, README).
DEFAULT_WORKERS = 4
DEFAULT_RELEASE = "zvm73"
#: The display name of the command line, for diagnostics that point into it.
COMMAND_LINE = "<command line>"

#: A standard library module of one z/VM release: `zvm73` is z/VM 7.3.
_RELEASE_MODULE = re.compile(r"zvm([0-9])([0-9])")

#: The placeholders, in one place (tests/test_init.py reads them too).
SHARED_VOLUME = "VMCOM1"
CATALOG_SERVER = "BKRSVSFS"
CATALOG_POOL = "BKRPOOL"
DISK_POOL = "BKUPPOOL"
SINGLE_GROUP, SINGLE_USERS = "APPS", ("LINUX01", "LINUX02")
IDENTITY_GROUP, IDENTITY_USERS = "SYSIDS", ("TCPIP", "FTPSERVE")
FULL_JOB, INCREMENTAL_JOB = "APPSFULL", "SYSINC"
TAPE_CATALOG_NODE, TAPE_REQUEST_NODE = "TCTMM", "TRTMM"
TAPE_CATALOG_DMM, TAPE_REQUEST_DMM = "TCDMM", "TRDMM"


def private_volume(ordinal: int) -> str:
    """The placeholder private volume of the member numbered `ordinal` (1-8): M1PRV1."""
    return f"M{ordinal}PRV1"


def release_modules() -> list[str]:
    """The standard library's z/VM release modules (`zvm72`, `zvm73`, ...), sorted."""
    from bkrdsl.resources import stdlib_dir

    return sorted(p.stem for p in stdlib_dir().glob("*.bkr") if _RELEASE_MODULE.fullmatch(p.stem))


def release_name(module: str) -> str:
    """`zvm73` -> `z/VM 7.3`."""
    m = _RELEASE_MODULE.fullmatch(module)
    return f"z/VM {m.group(1)}.{m.group(2)}" if m else module


@dataclass(frozen=True)
class Starter:
    """What `bkrc init` was asked for, names in upper case."""

    cluster: str
    members: tuple[str, ...]
    workers: int = DEFAULT_WORKERS
    catalog_member: str | None = None  # default: the purging member, else the first
    purging_member: str | None = None  # default: the catalog's member, else the first
    tape: bool = False
    release: str = DEFAULT_RELEASE

    @property
    def catalog_on(self) -> str:
        return self.catalog_member or self.purging_member or self.members[0]

    @property
    def purging_on(self) -> str:
        # The catalog's member by default: purging from another one is a warning (BKR215).
        return self.purging_member or self.catalog_member or self.members[0]


# ------------------------------------------------------------ the command line
class Arg(NamedTuple):
    """One name given on the command line: its option, its text, and where it
    stands in `command_line()`'s text."""

    option: str
    value: str
    span: Span


def command_line(
    file: str, options: Sequence[tuple[str, str]], command: str = "init"
) -> tuple[Source, list[Arg]]:
    """The command as one line, `bkrc init FILE --cluster C --member A ...` (each
    (option, value) of `options` in order, shell-quoted), for diagnostics about
    the names to point into; and each name with its span there. `bkrc show
    FILE --member A` points into its own (`command="show"`)."""
    text = f"bkrc {command} " + shlex.quote(file)
    places = []
    for option, value in options:
        text += f" {option} "
        shown = shlex.quote(value)
        places.append((option, value, len(text), len(text) + len(shown)))
        text += shown
    source = Source.of(COMMAND_LINE, text)
    return source, [Arg(o, v, source.span(start, end)) for o, v, start, end in places]


def problems(cluster: Arg, members: Sequence[Arg], placements: Sequence[Arg]) -> list[Diagnostic]:
    """Every name the checker would reject, as its diagnostic (the checker's codes
    and helps), pointing into the command line: the cluster name, the member
    names (valid, once each, at most eight, not EACH), and each member named by
    `--catalog-member` or `--purging-member` (one of `members`)."""
    from bkrdsl.check.common import SYSTEM_NAME_CHARS, Suggester, mean_help, quoted, system_name_problem
    from bkrdsl.check.declarations import DUPLICATE_MEMBER, MEMBER_NAMED_EACH, UNKNOWN_MEMBER
    from bkrdsl.check.members import MAX_MEMBERS, TOO_MANY_MEMBERS
    from bkrdsl.check.names import CLUSTER_NAME_HELP, INVALID_SYSTEM_NAME, MEMBER_NAME_HELP

    out = []

    def name(arg: Arg, what: str, help: str) -> bool:
        problem = system_name_problem(arg.value, what)
        if problem is not None and "," in arg.value and arg.option == "--member":
            help = "give each member its own `--member`: `--member VMSYS1 --member VMSYS2`"
        if problem is not None:
            out.append(INVALID_SYSTEM_NAME(problem, arg.span, help=help))
        return problem is None

    name(cluster, "cluster name", CLUSTER_NAME_HELP)
    seen: dict[str, Arg] = {}
    given: dict[str, list[Arg]] = {}  # a member given three times is one error, at the second
    for arg in members:
        given.setdefault(arg.value.upper(), []).append(arg)
    for arg in members:
        if not name(arg, "member name", MEMBER_NAME_HELP):
            continue
        up = arg.value.upper()
        if up in seen:
            first, second, *more = given[up]
            if arg is second:
                out.append(
                    DUPLICATE_MEMBER(
                        f"member {quoted(up)} is given {'twice' if not more else f'{len(more) + 2} times'}",
                        arg.span,
                        related=(
                            Related(first.span, "first given here"),
                            *(Related(other.span, "given again here") for other in more),
                        ),
                        help="give each member once",
                    )
                )
            continue
        seen[up] = arg
        if up == "EACH":
            out.append(
                MEMBER_NAMED_EACH(
                    "a member named `EACH` cannot be named after `run on` or `expire on`: `on EACH` reads"
                    " as `on each member`",
                    arg.span,
                    help="give the member its SYSTEM CONFIG system identifier, such as `--member VMSYS1`",
                )
            )
    if len(members) > MAX_MEMBERS:
        out.append(
            TOO_MANY_MEMBERS(
                f"{len(members)} members; a z/VM SSI cluster has at most {MAX_MEMBERS}",
                members[MAX_MEMBERS].span,
                related=(Related(members[0].span, "the first member"),),
                help="give the members of the SSI statement in SYSTEM CONFIG; describe another cluster"
                " in its own file",
            )
        )
    suggest = Suggester()
    for arg in placements:
        up = arg.value.upper()
        if up in seen or not all(c in SYSTEM_NAME_CHARS for c in up):
            if up not in seen:
                name(arg, "member name", MEMBER_NAME_HELP)
            continue
        close = suggest.closest(up, seen)
        out.append(
            UNKNOWN_MEMBER(
                f"`{arg.option}` names {quoted(up)}, which is not one of the members",
                arg.span,
                related=[Related(seen[c].span, "given here") for c in close],
                help=mean_help(close, f"name one of the members: {', '.join(seen) or 'none yet'}"),
            )
        )
    return out


# ------------------------------------------------------------------ the file
_CODE_SPAN = re.compile(r"`[^`]*`")
_KEEP = "\x00"  # a space that wrapping must not break at


def _comment(text: str, indent: str = "", mark: str = "#") -> str:
    """`text` as comment lines of at most 78 columns; a `code span` is never broken."""
    prefix = f"{indent}{mark} "
    lines = textwrap.wrap(
        _CODE_SPAN.sub(lambda m: m.group(0).replace(" ", _KEEP), text),
        78,
        initial_indent=prefix,
        subsequent_indent=prefix,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return "\n".join(lines).replace(_KEEP, " ") + "\n"


def _derived_names(starter: Starter) -> str:
    """`SYSINC1 on VMSYS1, SYSINC2 on VMSYS2, ...`: the incremental job's names."""
    from bkrdsl.resolve.model import derived_job_name

    names = [f"{derived_job_name(INCREMENTAL_JOB, str(n))} on {m}" for n, m in enumerate(starter.members, 1)]
    return ", ".join(names[:2]) + (", ..." if len(names) > 2 else "")


def _tape(s: Starter) -> str:
    if len(s.members) == 1:
        return (
            _comment(
                "Backups to tape need Tape Manager for z/VM with one catalog for the whole cluster: its"
                f" catalog node {TAPE_CATALOG_NODE}, with its device manager {TAPE_CATALOG_DMM}, on one"
                " member (your Tape Manager machines; IBM names them TC...). A second member adds a"
                f" request node: `request-node {TAPE_REQUEST_NODE} request-dmm {TAPE_REQUEST_DMM}`.",
                "  ",
            )
            + f"  tape manager shared catalog-node {TAPE_CATALOG_NODE} on {s.catalog_on}"
            f" catalog-dmm {TAPE_CATALOG_DMM}\n"
        )
    return (
        _comment(
            "Backups to tape need Tape Manager for z/VM with one catalog for the whole cluster: its"
            f" catalog node {TAPE_CATALOG_NODE}, with its device manager {TAPE_CATALOG_DMM}, on one member,"
            f" and a request node {TAPE_REQUEST_NODE}, with {TAPE_REQUEST_DMM}, on each other member"
            " (your Tape Manager machines; IBM names them TC... and TR...).",
            "  ",
        )
        + f"  tape manager shared catalog-node {TAPE_CATALOG_NODE} on {s.catalog_on}"
        f" request-node {TAPE_REQUEST_NODE} catalog-dmm {TAPE_CATALOG_DMM} request-dmm {TAPE_REQUEST_DMM}\n"
    )


def _disks(s: Starter) -> str:
    from bkrdsl.resolve.model import A_DISK_CYLINDERS  # the sizes BKR253 suggests too

    machines = [
        ("BKRBKUP", "backup-server"),
        ("BKRCATLG", "catalog-server"),
        ("BKRWRK*", "worker"),
        ("BKRADMIN", "admin"),
        ("5697J06C", "installation"),
        (CATALOG_SERVER, "catalog-sfs-server"),
    ]
    if s.tape:
        machines += [(TAPE_CATALOG_NODE, "tape-catalog-node"), (TAPE_CATALOG_DMM, "tape-catalog-dmm")]
        if len(s.members) > 1:
            machines += [(TAPE_REQUEST_NODE, "tape-request-node"), (TAPE_REQUEST_DMM, "tape-request-dmm")]
    return _comment(
        "Every machine bkrc writes a directory entry for starts CMS and needs its 191 minidisk, its"
        " A-disk: an IDENTITY machine gets one on each member's private volume, a"
        " single-configuration machine one on the shared volume (your sizes, in cylinders).",
        "  ",
    ) + "".join(f"  disk {user} 191 size {A_DISK_CYLINDERS[role]} cyl\n" for user, role in machines)


def text(s: Starter) -> str:
    """The cluster file, in canonical layout. The names must have passed `problems()`."""
    from bkrdsl.fmt import format_text

    members = "".join(
        f"  member {m} {{ workers {s.workers}  private-volume {private_volume(n)} }}  # your volume label\n"
        for n, m in enumerate(s.members, 1)
    )
    if s.tape:
        full_target = "to tape  # Tape Manager's shared catalog, above"
    else:
        full_target = f"to disk pool {DISK_POOL}  # your backup disk pool"
    count = f"{len(s.members)} member" + ("s" if len(s.members) != 1 else "")
    body = (
        _comment(
            f"The backups of the z/VM SSI cluster {s.cluster}, for IBM Backup and Restore Manager for"
            " z/VM: a first file from `bkrc init`. A comment that says `your ...` marks a placeholder:"
            " write your site's own name or number in its place. Then run `bkrc check` on this file,"
            " and `bkrc compile FILE -o DIR` to write every member's files. bkrdsl's docs/language.md"
            " describes each statement, `bkrc explain CODE` each diagnostic."
        )
        + "import std/backup-manager  # BKRBKUP, BKRCATLG, BKRWRKnn, BKRADMIN, 5697J06C\n"
        + f"import std/{s.release}  # {release_name(s.release)}'s own user IDs, each single or identity\n"
        + "\n"
        + _comment(
            f"The SSI cluster {s.cluster}: {count}, one shared catalog, expiry on {s.purging_on}.", mark="##"
        )
        + f"cluster {s.cluster} {{\n"
        + _comment(
            "One block per member, named as SYSTEM CONFIG names it. `workers` says how many worker"
            " machines (BKRWRK01, ...) run on it; `private-volume` names a DASD volume that only it uses,"
            " which holds its own instances of the IDENTITY machines' minidisks (BKRBKUP, BKRCATLG, the"
            " workers).",
            "  ",
        )
        + members
        + "\n"
        + _comment(
            "A DASD volume every member shares, for the minidisks of the single-configuration machines"
            f" (BKRADMIN, 5697J06C, {CATALOG_SERVER}).",
            "  ",
        )
        + f"  shared-volume {SHARED_VOLUME}  # your volume label\n"
        + "\n"
        + _comment(
            "One catalog for the whole cluster, kept by an SFS file pool server of its own: a"
            f" single-configuration machine, which logs on to one member ({CATALOG_SERVER} and"
            f" {CATALOG_POOL}: your server and its file pool).",
            "  ",
        )
        + f"  catalog shared server {CATALOG_SERVER} pool {CATALOG_POOL} on {s.catalog_on}\n"
        + _comment(
            "With one catalog, expiry runs on one member only: `EXPIRE (PURGE` acts on every member's"
            " backups. Keep `retain` the same as Backup Manager's own retention setting.",
            "  ",
        )
        + f"  expire on {s.purging_on} {{\n"
        "    preview daily 01:00\n"
        "    purge weekly sun 03:00\n"
        "    retain 35 days  # your retention\n"
        "  }\n"
        + ("\n" + _tape(s) if s.tape else "")
        + "\n"
        + _disks(s)
        + "\n"
        + _comment(
            "Single-configuration users (USER entries): each logs on to one member at a time, so one"
            " job on one member backs them all up.",
            "  ",
            "##",
        )
        + f"  single group {SINGLE_GROUP} {{ {' '.join(SINGLE_USERS)} }}  # your user IDs, or `match LNX*`\n"
        + _comment("IDENTITY users: an instance on every member, each with its own minidisks.", "  ", "##")
        + f"  identity group {IDENTITY_GROUP} {{ {' '.join(IDENTITY_USERS)} }}  # your user IDs\n"
        + "\n"
        + _comment(
            "A full backup of the single-configuration users, always from the same member: from"
            " several, the same minidisks would be backed up several times. The exclude keeps"
            " addresses 0190, 019D and 019E out of every user's range: in most entries they are"
            " links to MAINT's CMS disks, not the user's own (docs/language.md, job).",
            "  ",
            "##",
        )
        + f"  job {FULL_JOB} {{\n"
        f"    backup {SINGLE_GROUP} full\n"
        "    include minidisk * 0100-0FFF  # your minidisk addresses\n"
        "    exclude minidisk * 0190 019D 019E  # the links to CMS's own disks\n"
        f"    {full_target}\n"
        f"    run on {s.members[0]} daily 02:00  # your schedule\n"
        "  }\n"
        + "\n"
        + _comment(
            "An incremental backup of the IDENTITY users: one job per member, each run by that"
            f" member's own backup server under its own name ({_derived_names(s)}).",
            "  ",
            "##",
        )
        + f"  job {INCREMENTAL_JOB} {{\n"
        f"    backup {IDENTITY_GROUP} incremental\n"
        "    include minidisk * 0191  # your minidisk addresses\n"
        f"    to disk pool {DISK_POOL}  # your backup disk pool\n"
        "    run on each member daily 03:30  # your schedule\n"
        "  }\n"
        "}\n"
    )
    return format_text(body, "<bkrc init>")
