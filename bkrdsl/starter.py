"""The first cluster file `bkrc init` writes (docs/init.md).

`problems()` checks the names given on the command line with the checker's
own rules and codes; with `--directory`, `directory_members()` and
`member_problems()` take the members from the site's CP directory or hold
the ones given against it, `directory_catalog_servers()` and
`directory_tape_links()` find its own catalog SFS server and Tape Manager's
machines, and `roster()` sorts its users into the groups;
`text()` writes the file: a cluster of the given members
with every statement the checks ask for (workers, private and shared volumes,
the 191 minidisks, one shared catalog, expiry on one member, one `single` and
one `identity` group, and for each a full job weekly and an incremental one the
other nights: `_weekly_pair`), each placeholder marked
by a `# your ...` comment, in the formatter's canonical layout. Both are pure:
the command (`bkrdsl/cli/init.py`) checks the text with the whole front end,
then writes it.
"""

from __future__ import annotations

import re
import shlex
import textwrap
from collections.abc import Callable, Mapping, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, NamedTuple

from bkrdsl.diagnostics import Diagnostic, Related
from bkrdsl.records import dataclass
from bkrdsl.resolve.releases import release_id
from bkrdsl.source import Source, Span

if TYPE_CHECKING:
    from bkrdsl.cpdirectory import Directory, Entry, Minidisk
    from bkrdsl.resolve.model import Model

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
FULL_JOB, INCREMENTAL_JOB = "APPSFULL", "SYSIN"
#: Each group's other job: APPS's incremental, beside `FULL_JOB`, and SYSIDS's full,
#: beside `INCREMENTAL_JOB` (5 characters, as BKR227 asks of a job on each member).
SINGLE_INCREMENTAL_JOB, IDENTITY_FULL_JOB = "APPSINC", "SYSFL"
#: A site's usual practice with Backup Manager: a full backup once a week, on
#: `FULL_DAY`, and an incremental one on every other night (`INCREMENTAL_DAYS`).
FULL_DAY = "sun"
INCREMENTAL_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat")
#: The minidisk address the IDENTITY job (`INCREMENTAL_JOB`, on each member) includes.
IDENTITY_JOB_ADDRESS = 0x191
#: The addresses `FULL_JOB` includes, and those it excludes (in most entries links to
#: MAINT's CMS disks, not the user's own).
FULL_JOB_RANGE = (0x100, 0xFFF)
CMS_LINKS = frozenset({0x190, 0x19D, 0x19E})
#: With `--directory`: the job, on one member, that backs up once the IDENTITY users'
#: global minidisks (in the IDENTITY entry itself) that `INCREMENTAL_JOB` excludes.
GLOBAL_JOB = "SYSGLOB"
#: Its full twin, weekly, as `FULL_JOB` is `SINGLE_INCREMENTAL_JOB`'s (`GLOBAL_JOB` is the incremental).
GLOBAL_FULL_JOB = "SYSGLFUL"
#: With `--directory`: the second `identity` group, of the users whose only minidisks are
#: global (`Starter.global_group`), which `GLOBAL_JOB` alone backs up, beside
#: `IDENTITY_GROUP`, whose users the jobs on each member back up.
GLOBAL_GROUP = "SYSGLIDS"
TAPE_CATALOG_NODE, TAPE_REQUEST_NODE = "TCTMM", "TRTMM"
TAPE_CATALOG_DMM, TAPE_REQUEST_DMM = "TCDMM", "TRDMM"
#: Tape Manager's machines under the names of IBM's example, which `--tape` writes.
TAPE_MACHINES = (TAPE_CATALOG_NODE, TAPE_REQUEST_NODE, TAPE_CATALOG_DMM, TAPE_REQUEST_DMM)
#: The ID of Tape Manager for z/VM's installation user, which owns its code disks,
#: as a pattern: IBM's product number, 5697-J08, with a release letter after it,
#: as Backup Manager 1.3's is 5697J06C. An ASSUMPTION, unconfirmed (no IBM text
#: seen names it; docs/init.md says so): `bkrc init --directory` takes a machine
#: that links a disk of such a user for Tape Manager's (`directory_tape_links()`).
TAPE_MANAGER_OWNER = "5697J08*"
#: The ID of Backup Manager's installation user, which owns its code disks, as a
#: pattern: IBM's product number, 5697-J06, with a release letter after it (5697J06C
#: for V1.3, as std/backup-manager declares it). With `--directory`, a site whose
#: Backup Manager machines have names of its own (no BKRBKUP, no BKRCATLG) has them
#: found by their links to this user's disks (`directory_backup_machines()`): that
#: its service machines link them is an ASSUMPTION, as for Tape Manager's (docs/init.md).
BACKUP_MANAGER_OWNER = "5697J06*"
#: Backup Manager's machines under IBM's names, by role, as std/backup-manager declares
#: them and `bkrc init` writes them without a site's own (`Starter.backup_machines`).
IBM_MACHINES = (
    ("backup-server", "BKRBKUP"),
    ("catalog-server", "BKRCATLG"),
    ("worker", "BKRWRK*"),
    ("admin", "BKRADMIN"),
    ("installation", "5697J06C"),
)
#: A worker's ID under a site's name: the pattern's head (1-6 characters), then its
#: number, two digits (as `resolve.model.worker_ids` names them: NBWRK01).
_WORKER_ID = re.compile(r"(.{1,6})([0-9]{2})")
#: What tells the catalog server's ID from the backup server's, as IBM's BKRCATLG
#: does: a catalog's abbreviation (NBBKCAT, BKUPCTLG). A guess the file says to check.
_CATALOG_WORD = re.compile(r"CAT|CTL|CLG")
#: An SFS file pool ID (BKR306): 1-8 letters and digits, the first a letter.
_POOL_ID = re.compile(r"[A-Z][A-Z0-9]{0,7}")
#: A directory line that identifies a resource (`IUCV *IDENT resource scope`): in an
#: SFS file pool server's entry, its file pool. Its lines are found by `*IDENT`
#: first (a literal, which the regex engine skips to at once: a twentieth of the
#: time of looking for this pattern at every line of a 10,000-user directory).
_IUCV_IDENT = re.compile(r"[ \t]*IUCV[ \t]+\*IDENT\b", re.IGNORECASE)
_IDENT_WORD = re.compile(r"\*[Ii][Dd][Ee][Nn][Tt]\b")
#: The minidisk of MAINT's that holds the file pool server commands (FILESERV), which
#: every SFS file pool server links (z/VM CMS File Pool Planning: LINK MAINT 193 193 RR).
FILE_POOL_DISK = 0x193


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
class Roster:
    """The users of the site's CP directory (`--directory`), as the groups list them.

    `singles` and `identities` are the site's own USER and IDENTITY users that
    hold a minidisk (an IDENTITY: in its entry or a SUBCONFIG it is built with)
    and, an IDENTITY, are built on every member; when the site has none of a
    kind, z/VM's own users of that kind that do (`*_are_zvm`), since every
    member needs a job (BKR401). The rest is named in comments: z/VM's own IDs
    the imports declare, the IDENTITY users built on some members only (with
    them), and the users with no minidisk. Each list sorted by ID. Without
    `--tape`, the Tape Manager machines the directory has (`tape`): left out
    of the groups when `certain`, and named in a comment that suggests `--tape`.
    """

    directory: str  # the file's name without its folder, as the comments name it
    singles: tuple[str, ...] = ()
    identities: tuple[str, ...] = ()
    singles_are_zvm: bool = False
    identities_are_zvm: bool = False
    zvm_own: tuple[str, ...] = ()
    partly_built: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (ID, the members it is built on)
    without_minidisks: tuple[str, ...] = ()
    unwritable: tuple[str, ...] = ()  # IDs no .bkr name can spell (`#LNX`): see `_writable`
    #: Without `--tape`: the Tape Manager machines `--tape` would name that the
    #: directory has (`TapeMachines`); the comment suggests `--tape`.
    tape: TapeMachines | None = None
    #: The machines that link a disk of Tape Manager's installation user
    #: (`TAPE_MANAGER_OWNER`), and that user: Tape Manager's, in no group.
    tape_linked: tuple[str, ...] = ()


class TapeMachines(NamedTuple):
    """The machines the file with `--tape` names (TCTMM, TCDMM and, with a second
    member, TRTMM, TRDMM) that the site's directory has, asked without `--tape`."""

    ids: tuple[str, ...]  # those it has an entry for, sorted
    #: It has every one, each of the kind (USER or IDENTITY) the file with
    #: `--tape` gives it: Tape Manager's machines, which no group lists.
    certain: bool


class SiteCatalog(NamedTuple):
    """The site's own SFS file pool servers that `directory_catalog_servers()` found:
    a USER or IDENTITY entry (not z/VM's own, such as VMSERVU) with an `IUCV *IDENT`
    statement and a LINK to MAINT's 0193, where the file pool server commands are."""

    servers: tuple[str, ...]  # the USER entries, sorted: with one, it keeps the catalog
    #: With one server: its file pool, the resource its `IUCV *IDENT` names (not
    #: RESANY), else the `FILEPOOL name` of its IPL statement's PARM; None: neither.
    pool: str | None = None
    guessed: bool = False  # the pool from the IPL statement: a guess to check
    #: The IDENTITY entries alike: a file pool of each member's own, which a shared
    #: catalog cannot use (BKR510: its server is a USER).
    local: tuple[str, ...] = ()


class SiteMachines(NamedTuple):
    """Backup Manager's machines under the site's own names, as `directory_backup_machines()`
    finds them: the USER and IDENTITY entries of the site's own that link a disk of the
    installation user (an ID `BACKUP_MANAGER_OWNER` matches) in their own statements or
    a SUBCONFIG they are built with."""

    owner: str  # the installation user whose disks they link (5697J06C)
    #: (role, ID) of each machine the file declares with its role, in `IBM_MACHINES`'
    #: order (the worker's ID a pattern, `NBWRK*`): every role a backup server,
    #: a catalog server and the workers need, else () and the file keeps IBM's names.
    roles: tuple[tuple[str, str], ...] = ()
    #: The backup server and the catalog server told apart by their IDs alone
    #: (`_CATALOG_WORD`): each declaration's comment says to check its role.
    guessed: bool = False
    #: The machines that link the owner's disks that bkrc cannot give a role: kept in
    #: the groups, which back them up as the site's own, and named in a comment.
    unsure: tuple[str, ...] = ()


class SiteDisk(NamedTuple):
    """One minidisk of a product machine as the site's directory has it, for a `disk` statement."""

    address: int
    size: int
    unit: str  # "cyl" or "blk"
    #: An IDENTITY's minidisk that only some of its instances have (the SUBCONFIGs
    #: of these members; for the worker pattern, "BKRWRK02 on VMSYS1"), which a
    #: `disk` statement gives every instance: its comment says so. () when every
    #: instance the directory builds has it.
    only_on: tuple[str, ...] = ()
    #: Where the directory has the minidisk, as `on VOL at START` writes it: each
    #: (member, volume, first cylinder or block) of an instance whose MDISK is an
    #: explicit extent of this size that no other MDISK overlaps (member None: a
    #: USER's). `_disks` writes the place where the file declares the volume for
    #: that instance, so that the compiled entry rewrites the MDISK as it is, not
    #: `AUTOV` (DirMaint would allocate the minidisk anew, without its data). ()
    #: for the worker pattern (its workers' are `by_worker`), and for an IDENTITY's
    #: own MDISK (one minidisk for every member).
    places: tuple[tuple[str | None, str, int], ...] = ()
    #: The worker pattern's: each worker the file writes, in order, with its
    #: instances' `places`. One `disk BKRWRK* ... on VOL at START` would put every
    #: worker on one extent, so where some instance has a place, `_disk_lines`
    #: writes one statement per worker and member instead (as BKR523's fix does),
    #: each worker that has none without a place.
    by_worker: tuple[tuple[str, tuple[tuple[str | None, str, int], ...]], ...] = ()
    #: Every instance the directory has at an explicit extent, each (instance: None
    #: for a USER's and an IDENTITY's own MDISK, the member for its SUBCONFIG's,
    #: "BKRWRK03 on VMSYS2" for a worker's; volume; first cylinder or block): those
    #: the statements written do not place are named in a comment above them
    #: (`_not_kept`), since their compiled MDISK says `AUTOV`.
    fixed: tuple[tuple[str | None, str, int], ...] = ()


class DirectoryDisks(NamedTuple):
    """What `directory_disks()` finds of the product machines' minidisks in the site's directory."""

    #: By the machine's name in the file (`BKRWRK*`), the `disk` statements its MDISKs give.
    machines: tuple[tuple[str, tuple[SiteDisk, ...]], ...]
    shared_volume: str | None  # the volume most of the single-configuration machines' minidisks are on
    #: The MDISKs no `disk` statement can give (BKR521, `unwritable_problems()`): nothing is written.
    unwritable: tuple[UnwritableDisk, ...] = ()


class UnwritableDisk(NamedTuple):
    """A product machine's MDISK that no `disk` statement can give as the directory has it:
    a DEVNO (a whole real device), an extent to `END` (the volume's size is not
    known), a V-DISK or a T-DISK (CP gives them at logon)."""

    machine: str
    kind: str  # its entry's: "USER" or "IDENTITY"
    member: str | None  # the member whose SUBCONFIG holds it; None for the entry's own
    disk: Minidisk


@dataclass(frozen=True)
class Starter:
    """What `bkrc init` was asked for, names in upper case."""

    cluster: str
    members: tuple[str, ...]
    workers: int = DEFAULT_WORKERS
    #: With `--directory` and no `--workers`: each member's count (in `members`'
    #: order), the workers the directory builds there; 0 where it builds none.
    workers_on: tuple[int, ...] = ()
    #: With `--directory`: each member's private volume (in `members`' order), the
    #: one the product's IDENTITY machines' minidisks there are on; None where it has none.
    volumes_on: tuple[str | None, ...] = ()
    #: With `--directory`: the product machines' minidisks its MDISKs give, by the
    #: machine's name in the file (`BKRWRK*`), each (address, size, unit); and the
    #: volume its single-configuration machines' minidisks are on.
    site_disks: tuple[tuple[str, tuple[SiteDisk, ...]], ...] = ()
    shared_volume: str | None = None
    #: The volumes above taken from the site's own entries, the product's machines
    #: giving none (`site_volumes()`): a guess, which the file says to check.
    guessed_volumes: frozenset[str] = frozenset()
    catalog_member: str | None = None  # default: the purging member, else the first
    purging_member: str | None = None  # default: the catalog's member, else the first
    tape: bool = False
    release: str = DEFAULT_RELEASE
    roster: Roster | None = None  # with `--directory`: the site's users for the groups
    #: With `--directory`: the site's own SFS file pool servers (`SiteCatalog`); with
    #: exactly one USER, the catalog's server and pool are its, else the placeholders.
    site_catalog: SiteCatalog | None = None
    #: With `--directory` and two members or more: (ID, address) of each minidisk of
    #: an IDENTITY the group lists that its entry itself defines (global: one every
    #: member's instance shares), sorted (`directory_global_disks()`): `GLOBAL_JOB`, on
    #: member 1, backs them up once, and the job on each member excludes those at the
    #: address it includes (`global_a_disks`).
    global_disks: tuple[tuple[str, int], ...] = ()
    #: With `--directory` and two members or more: the users of `global_disks` that have
    #: nothing at `IDENTITY_JOB_ADDRESS` on any member, and nothing else the job on each
    #: member includes (`directory_global_only()`): its `include minidisk *` would back
    #: up nothing of theirs (BKR515 on every member), so they are left to `GLOBAL_JOB`
    #: alone. Sorted.
    global_only: tuple[str, ...] = ()
    #: With `--directory` and no DIRMAINT machine in it (a directory kept by hand,
    #: BKR533): `bkrc init` gives the `disk` statements the compile would leave to
    #: DirMaint free places (`check.directory.free_places`), and the comment above
    #: the `disk` statements says so.
    free_places: bool = False
    #: With `--directory`: (ID, address) of each V-DISK or T-DISK of a user the single
    #: group lists within `FULL_JOB`'s range, but at the addresses it excludes already
    #: (`directory_temporary_disks()`): empty at each logon, so the job excludes them
    #: too (BKR516). Sorted by ID and address.
    temporary_disks: tuple[tuple[str, int], ...] = ()
    #: Whether another user of the group has a permanent minidisk at one of those
    #: addresses, which `exclude minidisk *` would take out too: an exclude per user.
    temporary_per_user: bool = False
    #: With `--directory`: (ID, addresses) of each user a group lists with permanent
    #: minidisks its job's `include minidisk *` leaves out (`directory_unselected()`):
    #: a single user's outside `FULL_JOB_RANGE`, an IDENTITY's in its SUBCONFIGs at
    #: another address than `IDENTITY_JOB_ADDRESS`. Each job includes its users' by
    #: name, so that the switch from a site's own templates drops none unawares.
    single_extra: tuple[tuple[str, tuple[int, ...]], ...] = ()
    identity_extra: tuple[tuple[str, tuple[int, ...]], ...] = ()
    #: With `--directory` and two members or more: (ID, address, members, what) of
    #: each user the identity group lists whose SUBCONFIGs on those members differ
    #: (`directory_partly_held()`): no permanent minidisk at `IDENTITY_JOB_ADDRESS` on
    #: `members` where the others have one (nothing there, which the job on each member
    #: backs up on the others only, as `bkrc check --directory` warns, BKR515; a V-DISK
    #: or T-DISK, or a LINK, which it does not warn of), or another address only
    #: `members` define, which the jobs include by name below the allow of the warning
    #: the check gives that include (`_partial_includes`). The comment above the jobs says each.
    identity_partly: tuple[tuple[str, int, tuple[str, ...], str], ...] = ()
    #: With `--directory`: the users the identity group lists whose SUBCONFIGs define
    #: `IDENTITY_JOB_ADDRESS` as a V-DISK or T-DISK only, never a permanent minidisk
    #: (`directory_partly_held()`): empty at each logon, the jobs on each member
    #: exclude it, as `FULL_JOB` excludes the single users' (`temporary_disks`, BKR516).
    identity_temporary: tuple[str, ...] = ()
    #: With `--directory`: (code, how many) of each warning the check of the file
    #: against the directory gives that no comment of the file names (BKR526, BKR534,
    #: BKR524: what the compiled entries of the product's machines change of the
    #: site's), which no statement of the file can avoid: the comment above the `disk`
    #: statements names them and says why (`_warned_said`). Sorted by code.
    warned: tuple[tuple[str, int], ...] = ()
    #: The names of the single group, the identity group and the group of IDENTITYs
    #: whose minidisks are all global: `SINGLE_GROUP`, `IDENTITY_GROUP`, `GLOBAL_GROUP`,
    #: or, with `--directory`, where the site has an entry of that ID, the first free
    #: name in their place (`group_names()`: SYSGLID2), since a group named as a user
    #: makes `backup NAME` ambiguous (BKR326).
    group_names: tuple[str, str, str] = (SINGLE_GROUP, IDENTITY_GROUP, GLOBAL_GROUP)
    #: With `--directory`: Backup Manager's machines under the site's own names, where its
    #: directory shows them (`SiteMachines`); with their roles, the file declares them in
    #: place of `import std/backup-manager` (IBM's names).
    site_machines: SiteMachines | None = None
    #: With `--directory`: the SUBCONFIG names its IDENTITYs of the product machines give
    #: their instances where they are not the compile's (`directory_subconfig_names()`):
    #: each member's block keeps them with `subconfig` statements (BKR529).
    site_subconfigs: SiteSubconfigs | None = None
    #: With `--directory`: the `link` statements that keep the LINKs the directory's
    #: entries of the product machines give them beyond the dialect table's statements
    #: (`directory_links()`, stop 83), each machine's (its name in the file, or the
    #: workers' pattern) in the order its entry has them: written after the `disk`
    #: statements, so that the compiled entries drop none (BKR524).
    site_links: tuple[str, ...] = ()

    def subconfigs_of(self, member: str) -> tuple[tuple[str, str], ...]:
        """(machine, SUBCONFIG) of each `subconfig` statement of `member`'s block."""
        found = self.site_subconfigs
        return dict(found.named).get(member, ()) if found is not None else ()

    @property
    def backup_machines(self) -> tuple[tuple[str, str], ...]:
        """(role, ID) of each Backup Manager machine the file names: the site's own, where
        `site_machines` gives their roles, else IBM's (`IBM_MACHINES`)."""
        found = self.site_machines
        return found.roles if found is not None and found.roles else IBM_MACHINES

    def machine(self, role: str) -> str | None:
        """The ID the file gives the Backup Manager machine of `role` (the workers' pattern)."""
        return next((i for r, i in self.backup_machines if r == role), None)

    @property
    def single_group(self) -> str:
        return self.group_names[0]

    @property
    def identity_group(self) -> str:
        return self.group_names[1]

    @property
    def global_group_name(self) -> str:
        return self.group_names[2]

    @property
    def only_global(self) -> bool:
        """Whether every user the identity group lists has its 0191 in `global_disks`, or
        no 0191 and only global minidisks (`global_only`): then `GLOBAL_FULL_JOB` and
        `GLOBAL_JOB` back up all the group's global minidisks, and no job runs on each member
        (with every user's excluded it would back up nothing, BKR407), unless it
        includes other minidisks of theirs by name (`identity_extra`)."""
        users = self.roster.identities if self.roster is not None else ()
        return bool(users) and not self.identity_extra and {*self.global_a_disks, *self.global_only} >= set(users)

    @property
    def global_group(self) -> tuple[str, ...]:
        """The users of `global_only` that `GLOBAL_GROUP` lists, apart from `IDENTITY_GROUP`:
        the jobs on each member would back up nothing of theirs (BKR515). None where
        no job runs on each member (`only_global`): the one group is the global jobs'."""
        return () if self.only_global else self.global_only

    @property
    def global_a_disks(self) -> tuple[str, ...]:
        """The users of `global_disks` whose global minidisk is at `IDENTITY_JOB_ADDRESS`,
        the address the job on each member includes, which excludes them; in order."""
        return tuple(user for user, address in self.global_disks if address == IDENTITY_JOB_ADDRESS)

    def workers_of(self, index: int) -> int:
        """The `workers` count of the member at `index`: the directory's, where it
        builds some, else `--workers`."""
        return (self.workers_on[index] if index < len(self.workers_on) else 0) or self.workers

    def volume_of(self, index: int) -> tuple[str, str]:
        """The private volume of the member at `index` and its comment: the
        directory's, where it has one, else the placeholder."""
        found = self.volumes_on[index] if index < len(self.volumes_on) else None
        if found:
            return found, self._from_directory(found)
        return private_volume(index + 1), "# your volume label"

    def _from_directory(self, volume: str) -> str:
        """The comment of a volume the directory gives: a guess to check where the
        site's own entries suggested it."""
        directory = self.roster.directory if self.roster else "the directory"
        return f"# guessed from {directory}: check it" if volume in self.guessed_volumes else f"# from {directory}"

    @property
    def catalog_server(self) -> str:
        """The catalog's SFS server: the site's own, where its directory has one, else the placeholder."""
        found = self.site_catalog
        return found.servers[0] if found is not None and len(found.servers) == 1 else CATALOG_SERVER

    @property
    def catalog_pool(self) -> str:
        """The catalog's file pool: the site's server's, where its directory names it, else the placeholder."""
        found = self.site_catalog
        if found is not None and len(found.servers) == 1 and found.pool is not None:
            return found.pool
        return CATALOG_POOL

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


def _members_apart(listed: str) -> str:
    """`--member VMA1,VMA2` written as the options it means, `--member VMA1 --member
    VMA2`: the names given, not an example's (with none, `--member ,`, the example's)."""
    names = [part.strip() for part in listed.split(",") if part.strip()] or ["VMSYS1", "VMSYS2"]
    return " ".join(f"--member {shlex.quote(name)}" for name in names)


def problems(cluster: Arg, members: Sequence[Arg], placements: Sequence[Arg]) -> list[Diagnostic]:
    """Every name the checker would reject, as its diagnostic (the checker's codes
    and helps), pointing into the command line: the cluster name, the member
    names (valid, once each, at most eight, not EACH), and each member named by
    `--catalog-member` or `--purging-member` (one of `members`)."""
    from bkrdsl.check.common import (
        SYSTEM_NAME_CHARS,
        Suggester,
        quoted,
        system_name_problem,
        unknown_member_help,
    )
    from bkrdsl.check.declarations import DUPLICATE_MEMBER, MEMBER_NAMED_EACH, UNKNOWN_MEMBER
    from bkrdsl.check.members import MAX_MEMBERS, TOO_MANY_MEMBERS
    from bkrdsl.check.names import CLUSTER_NAME_HELP, INVALID_SYSTEM_NAME, MEMBER_NAME_HELP

    out = []

    def name(arg: Arg, what: str, help: str) -> bool:
        problem = system_name_problem(arg.value, what)
        if problem is not None and "," in arg.value and arg.option == "--member":
            help = f"give each member its own `--member`: `{_members_apart(arg.value)}`"
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
                help=unknown_member_help(close, seen),
            )
        )
    return out


# ------------------------------------------------------- the site's directory
def directory_members(directory: Directory) -> list[Arg]:
    """The members the directory's IDENTITY entries are built on (`BUILD ON member`,
    never `*`), each once, in the order the file first names them (an SSI
    directory's first IDENTITY, MAINT, is built on every member in order); each
    an `Arg` at its first BUILD statement, for `problems()` to point there."""
    seen: dict[str, Arg] = {}
    for entry in directory.entries:
        for build in entry.builds:
            if build.member != "*" and build.member not in seen:
                seen[build.member] = Arg("--member", build.member, build.span)
    return list(seen.values())


def member_problems(directory: Directory, members: Sequence[Arg]) -> list[Diagnostic]:
    """The members given with `--member` against the directory: each member an
    IDENTITY is built on that is not given is an error (BKR513), at its first
    BUILD statement, since no job would back that instance up; each member given
    that the directory builds no IDENTITY on, a warning (BKR514)."""
    from bkrdsl.check.common import listed, quoted
    from bkrdsl.check.directory import BUILT_ON_UNKNOWN_MEMBER, NOT_BUILT_ON_MEMBER

    given = {arg.value.upper(): arg for arg in members}
    built = directory_members(directory)
    out = []
    for arg in built:
        if arg.value not in given:
            entry = next(e for e in directory.entries if any(b.span == arg.span for b in e.builds))
            out.append(
                BUILT_ON_UNKNOWN_MEMBER(
                    f"IDENTITY {quoted(entry.id)} is built on {quoted(arg.value)}, which no `--member` names:"
                    f" the cluster's jobs would never back up its instances there",
                    arg.span,
                    related=(
                        Related(
                            members[0].span,
                            f"members given: {listed([m.value for m in members], len(members))}",
                        ),
                    ),
                    help=f"give `--member {arg.value}` too, in its place among the members, or leave out"
                    f" every `--member` to take them from {directory.name}"
                    f" ({listed([m.value for m in built], len(built))})",
                )
            )
    named = {arg.value for arg in built}
    for up, arg in given.items():
        if built and up not in named:
            out.append(
                NOT_BUILT_ON_MEMBER(
                    f"no IDENTITY of {directory.name} is built on {quoted(up)}: its BUILD statements name"
                    f" {listed([m.value for m in built], len(built))}",
                    arg.span,
                    help=f"give the members the directory builds its IDENTITY entries on, or leave out every"
                    f" `--member` to take them from {directory.name}",
                )
            )
    return out


#: What `classifier()` says of a product machine's ID.
PRODUCT = "product"


def classifier(
    model: Model, tape: TapeMachines | None = None, tape_linked: Sequence[str] = ()
) -> Callable[[str], str | None]:
    """What `roster()` asks of each user ID of the directory, from the file's
    model (its own groups are not read): `PRODUCT` for a machine of Backup
    Manager or Tape Manager (a declaration or pattern with a `role`, as
    std/backup-manager declares them, or one the cluster names: the catalog's
    SFS server, a Tape Manager node); for another ID a standard library module
    declares (z/VM's own, from `--stdlib`), or a release module of the library
    the file does not import (`resolve.releases`: MAINT730 in the directory of a
    cluster upgraded to 7.4), the directory statement of the kind it gives,
    "USER" or "IDENTITY"; None for the site's own users. With `tape`
    certain, its machines are the product's too, as with `--tape`. In a cluster
    with a `tape manager` statement, so are the Tape Manager machines of IBM's
    names it does not name (the DMMs without `catalog-dmm` and `request-dmm`,
    which the site's own directory keeps) unless the file declares that ID. So
    are the `tape_linked` IDs (`directory_tape_links()`: Tape Manager's by their
    links), unless the file declares that ID."""
    from bkrdsl.check.directory import STATEMENT

    products = set(model.product_machines()) | set(tape.ids if tape is not None and tape.certain else ())
    products |= {i for i in tape_linked if not model.user_defs_of(i)}
    if model.tape is not None:
        products |= {i for i in TAPE_MACHINES if not model.user_defs_of(i)}

    def classify(user_id: str) -> str | None:
        declared, pattern = model.user_defs_of(user_id), model.pattern_for(user_id)
        if user_id in products or any(u.role for u in declared) or (pattern and pattern.role):
            return PRODUCT
        std = next((u.kind for u in declared if u.module.startswith("std/")), None)
        if std is None and pattern is not None and pattern.module.startswith("std/"):
            std = pattern.kind
        if std is None:
            # z/VM's own ID of a release the file does not import (MAINT730 after the
            # import became std/zvm74): the directory keeps it until the site deletes it
            other = release_id(user_id)
            std = other.kind if other is not None else None
        return STATEMENT[std] if std is not None else None

    return classify


def directory_tape_machines(directory: Directory, with_tape: Model, without: Model) -> TapeMachines | None:
    """The Tape Manager machines the file would name with `--tape` (the product
    machines of `with_tape`, its model, that `without`, the file's, lacks) that
    the directory has; None when it has none of them."""
    from bkrdsl.check.directory import STATEMENT

    plain = without.product_machines()
    wanted = {i: STATEMENT[kind] for i, (kind, _) in with_tape.product_machines().items() if i not in plain}
    entries = {i: directory.entry(i) for i in wanted}
    found = tuple(sorted(i for i, e in entries.items() if e is not None and e.kind in ("USER", "IDENTITY")))
    if not found:
        return None
    certain = all(entries[i] is not None and entries[i].kind == kind for i, kind in wanted.items())
    return TapeMachines(found, certain)


def directory_catalog_servers(
    directory: Directory, classified: Callable[[str], str | None]
) -> SiteCatalog | None:
    """The site's own SFS file pool servers (`SiteCatalog`): each USER or IDENTITY
    entry whose own statements identify a resource (`IUCV *IDENT`) and that links
    MAINT's 0193 (in its entry, the PROFILE it INCLUDEs, or a SUBCONFIG it is built
    with), leaving out z/VM's own (VMSERVS, VMSERVU, VMSERVR, VMSERVP: `classified`
    gives their kind) and IDs no .bkr name can spell; None when there is none. Only
    the entries that hold an `IUCV *IDENT` line are read again, found in the text
    at once."""
    import bisect

    source = directory.source
    lines = sorted(
        line
        for line in {source.position(m.start())[0] for m in _IDENT_WORD.finditer(source.text)}
        if _IUCV_IDENT.match(source.line_text(line))
    )
    if not lines:
        return None
    users = directory.entries  # in the file's order
    starts = [e.statement.line for e in users]
    found: dict[str, tuple[Entry, tuple[str, ...]]] = {}
    for line in lines:
        at = bisect.bisect_right(starts, line) - 1
        if at < 0:
            continue
        entry = users[at]
        if entry.kind not in ("USER", "IDENTITY") or line > entry.last_line or entry.id in found:
            continue
        if not _writable(entry.id) or classified(entry.id) not in (None, PRODUCT):
            continue  # z/VM's own file pool servers (std/ declares them), or an ID no name spells
        ident = next((w for w, _ in directory.other_statements(entry) if w[:2] == ("IUCV", "*IDENT")), None)
        if ident is not None and _links_file_pool_disk(directory, entry):
            found[entry.id] = (entry, ident)
    if not found:
        return None
    servers = sorted(i for i, (e, _) in found.items() if e.kind == "USER")
    local = tuple(sorted(i for i, (e, _) in found.items() if e.kind == "IDENTITY"))
    pool, guessed = None, False
    if len(servers) == 1:
        entry, ident = found[servers[0]]
        named = ident[2] if len(ident) > 2 and ident[2] != "RESANY" else None
        if named is not None and _POOL_ID.fullmatch(named):
            pool = named
        else:
            pool = _ipl_file_pool(directory, entry)
            guessed = pool is not None
    return SiteCatalog(tuple(servers), pool, guessed, local)


def _statements(directory: Directory, entry: Entry):
    """The words of the entry's statements but its first, BUILD and MDISK, then those
    of the PROFILE it INCLUDEs and of the SUBCONFIGs it is built with."""
    parts = [entry]
    profile = next((p for p in directory.profiles if p.id == entry.profile), None) if entry.profile else None
    parts += [profile] if profile is not None else []
    subconfigs = (directory.entry(b.subconfig) for b in entry.builds)
    parts += [s for s in subconfigs if s is not None and s.kind == "SUBCONFIG"]
    for part in parts:
        for words, _ in directory.other_statements(part):
            yield words


def _links_file_pool_disk(directory: Directory, entry: Entry) -> bool:
    """Whether the entry links MAINT's 0193 (`LINK MAINT 0193 vdev mode`), as an SFS
    file pool server does to reach the FILESERV commands."""
    return any(
        len(w) > 3 and w[0] == "LINK" and w[1] == "MAINT" and _hex(w[2]) == FILE_POOL_DISK
        for w in _statements(directory, entry)
    )


def _hex(word: str) -> int | None:
    try:
        return int(word, 16)
    except ValueError:
        return None


def _ipl_file_pool(directory: Directory, entry: Entry) -> str | None:
    """The file pool an `IPL CMS PARM ... FILEPOOL name ...` statement of the entry
    names (CMS's default file pool for the machine), if a valid file pool ID."""
    for words, _ in directory.other_statements(entry):
        if words[0] == "IPL" and "PARM" in words:
            parm = words[words.index("PARM") + 1 :]
            if "FILEPOOL" in parm[:-1]:
                named = parm[parm.index("FILEPOOL") + 1]
                return named if _POOL_ID.fullmatch(named) else None
    return None


def directory_tape_links(directory: Directory) -> tuple[str, ...]:
    """Tape Manager's machines as the directory shows them: its installation user
    (an ID `TAPE_MANAGER_OWNER` matches, an assumption) and every USER or IDENTITY
    that links one of its disks (in its entry, the PROFILE it INCLUDEs or a
    SUBCONFIG it is built with), sorted; () when the directory has none."""
    from bkrdsl.resolve.model import pattern_regex
    from bkrdsl.resolve.patterns import literal_head

    # Not `Directory.users_named`, whose sorted index of every ID costs more than this look.
    rx, head = pattern_regex(TAPE_MANAGER_OWNER), literal_head(TAPE_MANAGER_OWNER)
    owners = {
        e.id for e in directory.entries if e.id.startswith(head) and e.kind != "SUBCONFIG" and rx.match(e.id)
    }
    if not owners:
        return ()

    def links(part: Entry | None) -> bool:
        return part is not None and any(link.owner in owners for link in part.links)

    profiles = {p.id for p in directory.profiles if links(p)}
    found = set(owners)
    for entry in directory.entries:
        if entry.kind not in ("USER", "IDENTITY") or entry.id in found:
            continue
        if (
            links(entry)
            or entry.profile in profiles
            or any(_links_in_subconfig(directory, b, links) for b in entry.builds)
        ):
            found.add(entry.id)
    return tuple(sorted(i for i in found if _writable(i)))


def _links_in_subconfig(directory: Directory, build, links: Callable[[Entry | None], bool]) -> bool:
    subconfig = directory.entry(build.subconfig)
    return subconfig is not None and subconfig.kind == "SUBCONFIG" and links(subconfig)



def directory_backup_machines(
    directory: Directory, members: Sequence[str], classified: Callable[[str], str | None]
) -> SiteMachines | None:
    """Backup Manager's machines under the site's own names (`SiteMachines`), where
    the directory has none of IBM's (no BKRBKUP, no BKRCATLG: std/backup-manager's
    names are then the site's) and has the installation user (an ID
    `BACKUP_MANAGER_OWNER` matches, an assumption). Its machines are the site's
    own USER and IDENTITY entries (`classified` None: not z/VM's own, not a machine
    the file names already, such as the catalog's SFS server or Tape Manager's) that
    link a disk of that user in their own statements or a SUBCONFIG they are built
    with: not through the PROFILE they INCLUDE, which every user of a site may
    include to reach the product's end-user commands. Their roles, where every one
    can be told: the IDENTITYs built on every member of one ID with a number after
    it, 01 first (NBWRK01, NBWRK02; some may be built on some members only, as a
    member's `workers` count allows), are the workers, where their pattern (`NBWRK*`)
    names no other entry; of the two other IDENTITYs built on every member, the one
    whose ID says catalog (`_CATALOG_WORD`) is the catalog server, the other the
    backup server (a guess, which the file says to check); one USER is the
    administrator. A machine that fits no role (an IDENTITY not built on every
    member, a third server, a second USER), or every one where the servers or the
    workers cannot be told, is `unsure`. None where the directory has IBM's names
    or no installation user."""
    import collections

    from bkrdsl.resolve.model import pattern_regex
    from bkrdsl.resolve.patterns import literal_head

    if directory.entry("BKRBKUP") is not None or directory.entry("BKRCATLG") is not None:
        return None
    rx, head = pattern_regex(BACKUP_MANAGER_OWNER), literal_head(BACKUP_MANAGER_OWNER)
    owners = {e.id for e in directory.entries if e.kind == "USER" and e.id.startswith(head) and rx.match(e.id)}
    if not owners:
        return None
    linked: collections.Counter = collections.Counter()  # owner -> how many machines link its disks

    def links(part: Entry | None) -> bool:
        found = {link.owner for link in part.links if link.owner in owners} if part is not None else set()
        linked.update(found)
        return bool(found)

    linking: dict[str, Entry] = {}
    for entry in directory.entries:
        if entry.kind not in ("USER", "IDENTITY") or entry.id in owners or not _writable(entry.id):
            continue
        if classified(entry.id) is not None:
            continue
        subconfigs = [_links_in_subconfig(directory, b, links) for b in entry.builds]
        if links(entry) or any(subconfigs):
            linking[entry.id] = entry
    # The owner most of them link (a second one an upgrade's: 5697J06B beside 5697J06C), else the latest.
    owner = max(owners, key=lambda o: (linked[o], o))
    if not linking:
        return SiteMachines(owner)
    identities = sorted(i for i, e in linking.items() if e.kind == "IDENTITY")
    every = [i for i in identities if _built_on_every(linking[i], members)]
    users = sorted(i for i, e in linking.items() if e.kind == "USER")
    # Workers may be built on some members only: a member's `workers` count is the first
    # ones the directory builds there (`directory_workers`).
    heads: dict[str, list[str]] = {}
    for i in identities:
        numbered = _WORKER_ID.fullmatch(i)
        if numbered:
            heads.setdefault(numbered.group(1), []).append(i)
    heads = {h: ids for h, ids in heads.items() if f"{h}01" in ids}
    workers: tuple[str, list[str]] | None = None
    if len(heads) == 1:
        ((h, ids),) = heads.items()
        matches = pattern_regex(h + "*")
        # A pattern that names another entry too (NBWRKTST) would take it for a worker.
        if not any(e.kind in ("USER", "IDENTITY") and e.id not in ids and matches.match(e.id) for e in directory.entries):
            workers = (h + "*", ids)
    rest = [i for i in every if workers is None or i not in workers[1]]
    catalog = [i for i in rest if _CATALOG_WORD.search(i)]
    if workers is None or len(rest) != 2 or len(catalog) != 1:
        return SiteMachines(owner, unsure=tuple(sorted(linking)))
    unsure = [i for i in identities if i not in every and i not in workers[1]]
    backup = next(i for i in rest if i != catalog[0])
    roles = [("backup-server", backup), ("catalog-server", catalog[0]), ("worker", workers[0])]
    if len(users) == 1:
        roles.append(("admin", users[0]))
    else:
        unsure += users
    roles.append(("installation", owner))
    return SiteMachines(owner, tuple(roles), guessed=True, unsure=tuple(sorted(unsure)))


def _in_comment(name: str) -> str:
    """A file's name as the new file's comments write it: each character a comment
    cannot hold as it is (a line end, which would end the comment and start a line
    of the file's own, a control or bidirectional character: BKR023, BKR024) as
    `<U+XXXX>`, as bkrc's messages write it (`terminal.escaped`)."""
    if name.isprintable():
        return name
    return "".join(ch if ch.isprintable() else f"<U+{ord(ch):04X}>" for ch in name)

def roster(
    directory: Directory,
    members: Sequence[str],
    classified: Callable[[str], str | None],
    tape: TapeMachines | None = None,
    tape_linked: tuple[str, ...] = (),
) -> Roster:
    """The directory's users sorted into the groups (see `Roster`); `classified`
    is `classifier()` of the file's own model (given `tape`, which it names)."""
    subconfigs = {e.id: e for e in directory.entries if e.kind == "SUBCONFIG"}
    fit: dict[tuple[str | None, str], list[str]] = {}  # (whose, kind) -> the IDs a group can list
    zvm, partly, empty, unwritable = [], [], [], []
    for entry in sorted(directory.entries, key=lambda e: e.id):
        whose = None if entry.kind == "SUBCONFIG" else classified(entry.id)
        if entry.kind == "SUBCONFIG" or whose == PRODUCT:
            continue
        disks = _holds_minidisks(entry, subconfigs)
        if not _writable(entry.id):
            if disks or whose is not None:
                unwritable.append(entry.id)
            else:  # nothing to back up: said as such, not offered a pattern
                empty.append(entry.id)
            continue
        if whose is not None:  # z/VM's own: listed only where the site has no user of its kind
            if whose != entry.kind:
                continue  # not the kind its module gives it: the file's check says so (BKR510)
            whose = _ZVM
            if disks:
                zvm.append(entry.id)
        if not disks:
            if whose is None:
                empty.append(entry.id)
        elif entry.kind == "IDENTITY" and not _built_on_every(entry, members):
            if whose is None:
                partly.append((entry.id, tuple(b.member for b in entry.builds)))
        else:
            fit.setdefault((whose, entry.kind), []).append(entry.id)
    singles = fit.get((None, "USER")) or fit.get((_ZVM, "USER"), [])
    identities = fit.get((None, "IDENTITY")) or fit.get((_ZVM, "IDENTITY"), [])
    grouped = set(singles) | set(identities)
    return Roster(
        _in_comment(PurePath(directory.name).name),
        tuple(singles),
        tuple(identities),
        singles_are_zvm=bool(singles) and (None, "USER") not in fit,
        identities_are_zvm=bool(identities) and (None, "IDENTITY") not in fit,
        zvm_own=tuple(i for i in zvm if i not in grouped),
        partly_built=tuple(partly),
        without_minidisks=tuple(empty),
        unwritable=tuple(unwritable),
        tape=tape,
        tape_linked=tape_linked,
    )


_ZVM = "zvm"  # in `roster()`: z/VM's own user, of the kind its module gives it


def group_names(directory: Directory, model: Model) -> tuple[str, str, str]:
    """The names of the file's three groups (`Starter.group_names`): `SINGLE_GROUP`,
    `IDENTITY_GROUP` and `GLOBAL_GROUP`, each where no entry of the site's directory
    (a USER, an IDENTITY, a PROFILE or a SUBCONFIG) has that ID and no user or
    pattern of the file's imports names it; else the first free name made of it with
    a digit from 2 (at the 8th character of a name of 8: SYSGLID2, SYSGLID3, ...;
    after a shorter one: APPS2). A group named as a user makes `backup NAME`
    ambiguous (BKR326), which the file `bkrc init` writes must not be."""
    taken = {e.id for e in directory.entries}

    def free(name: str) -> bool:
        return name not in taken and model.user(name) is None and model.pattern_for(name) is None

    chosen: list[str] = []
    for name in (SINGLE_GROUP, IDENTITY_GROUP, GLOBAL_GROUP):
        candidates = (name, *((name[:7] if len(name) == 8 else name) + d for d in "23456789"))
        chosen.append(next((c for c in candidates if free(c) and c not in chosen), name))
    return (chosen[0], chosen[1], chosen[2])


def directory_global_disks(
    directory: Directory, identities: Sequence[str], members: Sequence[str]
) -> tuple[tuple[str, int], ...]:
    """(ID, address) of each minidisk of the `identities` (the IDENTITY group's users)
    that the IDENTITY entry itself defines: a global minidisk, one every member's
    instance shares (IBM's "MDISK Directory Statement"; `check.directory.is_global`),
    which a job on each member would back up once per member (BKR530); at
    `IDENTITY_JOB_ADDRESS`, the address that job includes, it excludes it
    (`Starter.global_a_disks`). Sorted by ID, then address. None with one member (the
    job then runs once), nor one whose address a SUBCONFIG of the IDENTITY, or another
    MDISK statement of its entry, has too: an exclude takes an address, which would
    take that one out as well (at 0191, `directory_global_and_local()` says so, and
    nothing is written). When every user of the group has one at 0191, no job runs on
    each member (`Starter.only_global`)."""
    if len(members) < 2:
        return ()
    from bkrdsl.check.directory import is_global

    found = []
    for user_id in sorted(identities):
        entry = directory.entry(user_id)
        if entry is None or entry.kind != "IDENTITY" or user_id in directory.twice:
            continue
        own = len(entry.disks)
        disks = list(enumerate(directory.minidisks_of(entry)))
        # Since stop 78 (h1), a global minidisk at another address too (`MDISK 0300` in
        # SCHEDSVR's entry itself): no job's `*` line selects it, and it was left to
        # `bkrc show --directory`, unsaid in the file. Defined there alone, it is backed
        # up once as the 0191s are; where a SUBCONFIG defines it too, it is left as before.
        for address in sorted({d.address for d in entry.disks}):
            at = [(n, d) for n, d in disks if d.address == address]
            if len(at) == 1 and all(n < own and is_global(d) for n, d in at):
                found.append((user_id, address))
    return tuple(found)


def directory_global_only(
    directory: Directory,
    identities: Sequence[str],
    members: Sequence[str],
    global_disks: Sequence[tuple[str, int]],
    extra: Sequence[tuple[str, tuple[int, ...]]],
) -> tuple[str, ...]:
    """Those of `identities` with a minidisk in `global_disks` (`directory_global_disks`)
    whose instances on `members` have nothing at `IDENTITY_JOB_ADDRESS`, neither in
    their entry nor in a SUBCONFIG (no MDISK of any form, no LINK), and no minidisk the
    job on each member includes by name (`extra`: `directory_unselected`; an address
    only some SUBCONFIGs define, `directory_partly_held`): `Starter.global_only`. Its
    `include minidisk * 0191` would back up nothing of theirs, which `bkrc check
    --directory` says on every member (BKR515); `GLOBAL_JOB` backs up all they have.
    Sorted; () with one member."""
    from bkrdsl.check.directory import user_instances

    if len(members) < 2:
        return ()
    named = {user for user, _ in extra}
    found = []
    for user_id in sorted({user for user, _ in global_disks} - named):
        entry = directory.entry(user_id)
        if entry is None or entry.kind != "IDENTITY" or user_id not in identities:
            continue
        instances = user_instances(directory, entry, tuple(members))
        own = {d.address for d in entry.disks}
        if any(IDENTITY_JOB_ADDRESS in i.links or IDENTITY_JOB_ADDRESS in {d.address for d in i.disks} for i in instances):
            continue
        if any({d.address for d in i.disks if not d.temporary} - own for i in instances):
            continue  # a local minidisk at another address: the jobs on each member include it (partly held)
        found.append(user_id)
    return tuple(found)


def directory_temporary_disks(directory: Directory, singles: Sequence[str]) -> tuple[tuple[tuple[str, int], ...], bool]:
    """(ID, address) of each V-DISK or T-DISK (a Linux guest's swap, given empty at each
    logon) of the `singles` (the single group's users) that `FULL_JOB`'s
    `include minidisk * 0100-0FFF` selects and its `exclude minidisk * 0190 019D 019E`
    leaves in, which BKR516 would warn of (`Starter.temporary_disks`); and whether one of
    the `singles` has a permanent minidisk at one of those addresses
    (`Starter.temporary_per_user`)."""
    found: list[tuple[str, int]] = []
    permanent: set[int] = set()
    for user_id in sorted(singles):
        entry = directory.entry(user_id)
        if entry is None or entry.kind != "USER":
            continue
        temporary = set()
        for d in entry.disks:
            if FULL_JOB_RANGE[0] <= d.address <= FULL_JOB_RANGE[1] and d.address not in CMS_LINKS:
                (temporary if d.temporary else permanent).add(d.address)
        found.extend((user_id, a) for a in sorted(temporary))
    return tuple(found), any(a in permanent for _, a in found)


def directory_unselected(
    directory: Directory, singles: Sequence[str], identities: Sequence[str], members: Sequence[str]
) -> tuple[tuple[tuple[str, tuple[int, ...]], ...], tuple[tuple[str, tuple[int, ...]], ...]]:
    """(ID, addresses) of the permanent minidisks (not a V-DISK or T-DISK) of the
    groups' users that the jobs' `include minidisk *` lines leave out, which no job
    would back up (`bkrc show --directory` lists them under "minidisks no job
    selects"): of the `singles`, each USER's outside `FULL_JOB_RANGE`; of the
    `identities`, each IDENTITY's at another address than `IDENTITY_JOB_ADDRESS` that
    every SUBCONFIG it is built with defines (local: each member's own), or, with one
    member, its entry too. Not added: with two members or more, a global one (in the
    IDENTITY entry itself), which the job on each member would back up once per member
    (BKR530), and which `GLOBAL_JOB` backs up (`directory_global_disks`); and an address
    only some SUBCONFIGs define, which the include would look for on the others too
    (BKR515: `Starter.identity_partly`).
    The jobs include them by name (`Starter.single_extra`, `Starter.identity_extra`).
    Sorted by ID, then address."""
    single: list[tuple[str, tuple[int, ...]]] = []
    for user_id in sorted(singles):
        entry = directory.entry(user_id)
        if entry is None or entry.kind != "USER" or user_id in directory.twice:
            continue
        found = {
            d.address
            for d in entry.disks
            if not d.temporary and not FULL_JOB_RANGE[0] <= d.address <= FULL_JOB_RANGE[1]
        }
        if found:
            single.append((user_id, tuple(sorted(found))))
    identity: list[tuple[str, tuple[int, ...]]] = []
    for user_id in sorted(identities):
        entry = directory.entry(user_id)
        if entry is None or entry.kind != "IDENTITY" or user_id in directory.twice:
            continue
        found = {d.address for d in entry.disks if not d.temporary} if len(members) < 2 else set()
        # A SUBCONFIG's address, where every member's has it (one only some define the
        # include would look for on the others: BKR515); one member's alone is left out.
        each = []
        for build in entry.builds:
            sub = directory.entry(build.subconfig)
            if sub is not None and sub.kind == "SUBCONFIG":
                each.append({d.address for d in sub.disks if not d.temporary})
        if each:
            found |= set.intersection(*each)
        found.discard(IDENTITY_JOB_ADDRESS)
        if found:
            identity.append((user_id, tuple(sorted(found))))
    return tuple(single), tuple(identity)


def directory_temporary_a_disks(directory: Directory, identities: Sequence[str], members: Sequence[str]) -> tuple[str, ...]:
    """Those of `identities` whose instances on `members` (their SUBCONFIGs, and their
    entry itself) define `IDENTITY_JOB_ADDRESS` as a V-DISK or T-DISK, and none as a
    permanent minidisk: `Starter.identity_temporary`. Sorted."""
    found = []
    for user_id in sorted(identities):
        entry = directory.entry(user_id)
        if entry is None or entry.kind != "IDENTITY" or user_id in directory.twice:
            continue
        disks = [d for d in entry.disks if d.address == IDENTITY_JOB_ADDRESS]
        for member in members:
            sub = directory.subconfig_on(entry, member)
            if sub is not None:
                disks += [d for d in sub.disks if d.address == IDENTITY_JOB_ADDRESS]
        if disks and all(d.temporary for d in disks):
            found.append(user_id)
    return tuple(found)


def directory_partly_held(
    directory: Directory, identities: Sequence[str], members: Sequence[str]
) -> tuple[tuple[str, int, tuple[str, ...], str], ...]:
    """(ID, address, members, what) of each of `identities` whose SUBCONFIGs on
    `members` differ at an address where some hold a permanent minidisk (not a V-DISK
    or T-DISK) and its entry itself holds none (a global one every instance shares):
    `Starter.identity_partly`, which the comment above the jobs on each member says.
    At `IDENTITY_JOB_ADDRESS`, which `include minidisk *` selects, `members` are those
    whose SUBCONFIG holds no permanent minidisk there, `what` what it holds instead:
    "" nothing (the include backs it up on the others only, BKR515), "V-DISK",
    "T-DISK" or "V-DISK or T-DISK" (backed up where it is permanent: nothing said,
    BKR516), "LINK" (a LINK there, its own or its PROFILE's: whether Backup
    Manager copies a linked disk is not known, and nothing is said: BKR515), or
    "none" (nothing there, but a LINK on another member: nothing said either).
    At another address, "only BKR515" or "only BKR516": `members` are those whose
    SUBCONFIG defines it, which the jobs include by name, the code that `bkrc check
    --directory` gives such an include (the others' SUBCONFIGs lack it, BKR515, or
    have a V-DISK or T-DISK there, BKR516) allowed on the line above it
    (`_partial_includes`); not an address a LINK takes on a member.
    Sorted by ID, then address; () with one member."""
    from bkrdsl.check.directory import user_instances

    if len(members) < 2:
        return ()
    found = []
    for user_id in sorted(identities):
        entry = directory.entry(user_id)
        if entry is None or entry.kind != "IDENTITY" or user_id in directory.twice:
            continue
        instances = user_instances(directory, entry, tuple(members))
        own = {d.address for d in entry.disks if not d.temporary}
        local = [{d.address for d in i.disks if not d.temporary} - own for i in instances]
        if not local:
            continue
        if IDENTITY_JOB_ADDRESS not in own and any(IDENTITY_JOB_ADDRESS in held for held in local):
            lacking: dict[str, list[str]] = {}
            for instance, held in zip(instances, local, strict=True):
                if IDENTITY_JOB_ADDRESS in held:
                    continue
                forms = sorted({d.form for d in instance.disks if d.address == IDENTITY_JOB_ADDRESS})
                what = " or ".join(forms) if forms else "LINK" if IDENTITY_JOB_ADDRESS in instance.links else ""
                lacking.setdefault(what, []).append(instance.member)
            # A LINK on one member: `bkrc check --directory` says nothing of the user at that
            # address, not even of a member whose SUBCONFIG has nothing there ("none").
            linked = "LINK" in lacking
            for what in sorted(lacking):
                said = "none" if linked and what == "" else what
                found.append((user_id, IDENTITY_JOB_ADDRESS, tuple(lacking[what]), said))
        linked = set().union(*(i.links for i in instances))
        for address in sorted(set().union(*local) - set.intersection(*local) - {IDENTITY_JOB_ADDRESS} - linked):
            on = tuple(i.member for i, held in zip(instances, local, strict=True) if address in held)
            # What `bkrc check --directory` says of its include: BKR515 where a member's
            # SUBCONFIG has nothing there, else BKR516 (a V-DISK or T-DISK there).
            absent = any(all(d.address != address for d in i.disks) for i in instances)
            found.append((user_id, address, on, "only BKR515" if absent else "only BKR516"))
    return tuple(found)


def _partly_said(s: Starter) -> str:
    """The end of the comment above the IDENTITY jobs: how the users' SUBCONFIGs differ
    from member to member (`Starter.identity_partly`); "" without them."""
    if not s.identity_partly:
        return ""
    whose = s.roster.directory if s.roster else "the directory"
    said = []
    for user, address, on, what in s.identity_partly:
        a = f"{address:04X}"
        subconfigs = f"SUBCONFIG{'s' if len(on) > 1 else ''} for {_listed_plain(on)}"
        if what == "":
            said.append(
                f" {user} has no {a} in its {subconfigs} in {whose}: these jobs back up its {a} on the"
                " other members only, which `bkrc check --directory` says (BKR515). Leave it so, or add the"
                f" minidisk to {'those SUBCONFIGs' if len(on) > 1 else 'that SUBCONFIG'} to end the warning."
            )
        elif what in ("LINK", "none"):
            said.append(
                f" {user}'s {a} in its {subconfigs} in {whose} is "
                + ("a LINK, another user's minidisk" if what == "LINK" else "not defined (it links one elsewhere)")
                + f": these jobs back up its own {a} on the other members, and `bkrc check --directory` says"
                " nothing of it: whether Backup Manager copies a linked minidisk is not known"
                " (docs/language.md, job)."
            )
        elif what.startswith("only"):
            code = what.split()[1]
            said.append(
                f" {user}'s {a} is only in its {subconfigs} in {whose}: these jobs include it by name, and"
                f" the allow above that line keeps `bkrc check --directory` from saying that the other"
                f" members' SUBCONFIGs {'lack it' if code == 'BKR515' else 'have a V-DISK or T-DISK there'}"
                f" ({code}). Without the include, no job would back it up (BKR535)."
            )
        else:
            said.append(
                f" {user}'s {a} in its {subconfigs} in {whose} is a {what}, empty at each logon: these jobs"
                f" back up its {a} on the other members, a minidisk of its own there, and need no exclude"
                " (one would take those out too: a job on each member has one set of excludes)."
            )
    return "".join(said)


def _partial_includes(s: Starter) -> str:
    """The IDENTITY jobs' `include minidisk USER ADDR...` line per user of
    `Starter.identity_partly` with addresses only some of its SUBCONFIGs define, each
    below the allow of the warning `bkrc check --directory` gives it (BKR515, BKR516)."""
    users: dict[str, tuple[list[int], set[str]]] = {}
    for user, address, _on, what in s.identity_partly:
        if what.startswith("only"):
            addresses, codes = users.setdefault(user, ([], set()))
            addresses.append(address)
            codes.add(what.split()[1])
    return "".join(
        f"    # bkrc: allow {', '.join(sorted(codes))} in some SUBCONFIGs only\n"
        f"    include minidisk {user} {' '.join(f'{a:04X}' for a in addresses)}\n"
        for user, (addresses, codes) in users.items()
    )


def _extra_includes(s: Starter, extra: tuple[tuple[str, tuple[int, ...]], ...], selected: str) -> str:
    """A job's `include minidisk USER ADDR...` line per user of `extra`
    (`directory_unselected()`), after its `include minidisk * ...` (`selected`)."""
    whose = s.roster.directory if s.roster else "the directory"
    return "".join(
        _line(
            "    ",
            f"include minidisk {user} {' '.join(f'{a:04X}' for a in addresses)}",
            f"# in {whose}: `* {selected}` leaves {'it' if len(addresses) == 1 else 'them'} out",
        )
        for user, addresses in extra
    )


def _full_job_excludes(s: Starter) -> str:
    """`FULL_JOB`'s exclude lines: the links to CMS's disks, and the single users' V-DISKs
    and T-DISKs (`Starter.temporary_disks`), their addresses added to `exclude minidisk *`
    where no user of the group has a permanent minidisk there (which it would take out
    too), else an exclude per user."""
    links = " ".join(f"{a:04X}" for a in sorted(CMS_LINKS))
    line = f"    exclude minidisk * {links}  # the links to CMS's own disks\n"
    if not s.temporary_disks:
        return line
    if s.temporary_per_user:
        return line + "".join(
            _line("    ", f"exclude minidisk {user} {a:04X}", "# a V-DISK or T-DISK: empty at each logon")
            for user, a in s.temporary_disks
        )
    written = " ".join(f"{a:04X}" for a in sorted({a for _, a in s.temporary_disks}))
    return _line("    ", f"exclude minidisk * {links} {written}", f"# CMS's disks; {written}: V-DISK or T-DISK, empty at logon")


def directory_global_and_local(
    directory: Directory, identities: Sequence[str], members: Sequence[str]
) -> list[Diagnostic]:
    """BKR530 for each user of `identities` (the IDENTITY group's) whose entry itself
    defines a global minidisk at `IDENTITY_JOB_ADDRESS` (`check.directory.is_global`)
    that a SUBCONFIG of it, or another MDISK statement of its entry (a T-DISK, one on
    `&SYSRES`), defines too: `directory_global_disks()` leaves it out, since an exclude
    takes the address and would take the local ones out of the job on each member as
    well, and a job on one member may not back those up (BKR221). At the global MDISK
    statement, the others related; the help says to define the address once, either
    way of which `bkrc init` writes jobs that check clean. The words are
    `check.directory.GlobalAndLocal`'s, which `bkrc check`'s BKR530 gives for the same
    directory. None with one member: the job on each member then runs once."""
    if len(members) < 2:
        return []
    from bkrdsl.check.common import quoted
    from bkrdsl.check.directory import GLOBAL_MINIDISK_PER_MEMBER, global_and_local, is_global

    out = []
    address = f"{IDENTITY_JOB_ADDRESS:04X}"
    for user_id in sorted(identities):
        entry = directory.entry(user_id)
        if entry is None or entry.kind != "IDENTITY" or user_id in directory.twice:
            continue
        found = [d for d in entry.disks if d.address == IDENTITY_JOB_ADDRESS and is_global(d)]
        both = global_and_local(directory, entry, found[0]) if found else None
        if both is None:
            continue
        out.append(
            GLOBAL_MINIDISK_PER_MEMBER(
                f"IDENTITY {quoted(user_id)} defines minidisk {address} {both.said()}",
                found[0].span,
                help=both.help(members[0], ", then run `bkrc init` again"),
                related=both.related[:8],
            )
        )
    return out


def directory_volumes(
    directory: Directory, members: Sequence[str], classified: Callable[[str], str | None]
) -> tuple[str | None, ...]:
    """Each member's private volume as the directory has it: the volume most of
    the product's IDENTITY machines' minidisks on that member are on (their
    SUBCONFIG for it: BKRBKUP's, BKRCATLG's, the workers'; the first by name on a
    tie); None where they have none there (not deployed yet)."""
    products = [e for e in directory.entries if e.kind == "IDENTITY" and classified(e.id) == PRODUCT]
    counts = _subconfig_volumes(directory, members, products)
    return tuple(directory.most_used(counts[m]) for m in members)


def _volumes(disks) -> list[str]:
    """The volumes of the minidisks that hold data and name one."""
    return [d.volume for d in disks if d.held]


def _subconfig_volumes(directory: Directory, members: Sequence[str], identities) -> dict:
    """For each member, how many minidisks of the `identities`' SUBCONFIGs for it are
    on each volume (a `collections.Counter` a member)."""
    import collections

    return {
        member: collections.Counter(d.volume for _, d in directory.subconfig_disks_on(identities, member))
        for member in members
    }


def site_volumes(directory: Directory, members: Sequence[str]) -> tuple[tuple[str | None, ...], str | None]:
    """The volumes the site's own entries suggest, for a directory whose product
    machines give none (not deployed yet): for each member, the one most of the
    IDENTITYs' minidisks on it (their SUBCONFIG for it) are on, of the volumes
    no other member's SUBCONFIGs and no USER's or IDENTITY's own MDISKs use (a
    volume that member alone uses, which is what `private-volume` says); and for
    the shared volume, the one most USER and IDENTITY entries' own minidisks are
    on, of those no SUBCONFIG uses. None where no volume is that."""
    import collections

    users = [e for e in directory.entries if e.kind in ("USER", "IDENTITY")]
    # The volumes of the entries' own minidisks: one minidisk for every instance.
    own = collections.Counter(v for e in users for v in _volumes(e.disks))
    on_member = _subconfig_volumes(directory, members, [e for e in users if e.kind == "IDENTITY"])
    private = []
    for member, counted in on_member.items():
        elsewhere = set(own).union(*(on_member[m] for m in members if m != member))
        private.append(directory.most_used({v: n for v, n in counted.items() if v not in elsewhere}))
    in_subconfigs = set().union(*on_member.values())
    return tuple(private), directory.most_used({v: n for v, n in own.items() if v not in in_subconfigs})


def directory_workers(directory: Directory, members: Sequence[str], model: Model) -> tuple[int, ...]:
    """Each member's `workers` count as the directory builds them: its first
    worker IDs (BKRWRK01, BKRWRK02, ... from the worker role's pattern in
    `model`, the file without its groups), in order, with a BUILD statement for
    the member; 0 where it builds none (the site has not deployed them yet)."""
    from bkrdsl.resolve.model import MAX_WORKERS, is_pattern, worker_ids

    pattern = model.worker_pattern
    if pattern is None or not is_pattern(pattern):
        return ()
    ids = worker_ids(pattern, MAX_WORKERS)
    return tuple(directory.first_built(ids, member) for member in members)


class SiteSubconfigs(NamedTuple):
    """What `directory_subconfig_names()` finds of the SUBCONFIG names the site's directory
    gives the product machines' instances where they are not bkrc's own (BKR529)."""

    #: (member, ((machine, SUBCONFIG), ...)) in `members`' order: the `subconfig`
    #: statements each member's block keeps the directory's names with.
    named: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    #: (machine, member, SUBCONFIG, how it is built) of each instance no statement can
    #: name: built by `BUILD ON *` (one SUBCONFIG for every member), from two SUBCONFIGs
    #: (two BUILD statements for the member), or from one that another instance is
    #: built from too. BKR529 stays; the comment above the members says what to do.
    unattributed: tuple[tuple[str, str, str, str], ...] = ()


class _Built(NamedTuple):
    """A BUILD statement as `check.directory.directory_order` reads it: its member and SUBCONFIG."""

    member: str
    subconfig: str


def product_instances(model: Model, starter: Starter) -> tuple[tuple[str, str, str], ...]:
    """(machine, member, SUBCONFIG ID) of each instance of an IDENTITY product machine the
    file of `starter` writes, as its `Model.subconfigs` would give them, from `model`, the
    file's with other `workers` counts: its workers are each member's `Starter.workers_of`
    (no file is written and read again to count them)."""
    from bkrdsl.resolve.model import MAX_WORKERS, is_pattern, subconfig_id, worker_ids

    roles = model.machine_roles()
    out = [(machine, m.name, sub) for machine, m, sub in model.subconfigs() if roles.get(machine) != "worker"]
    pattern = model.worker_pattern
    if pattern is not None and "worker" in roles.values():
        for n, name in enumerate(starter.members):
            count = min(starter.workers_of(n), MAX_WORKERS)
            ids = worker_ids(pattern, count) if is_pattern(pattern) else (pattern,)[:count]
            out += [(worker, name, subconfig_id(worker, n + 1)) for worker in ids]
    return tuple(out)


def directory_subconfig_names(
    directory: Directory, model: Model, instances: Sequence[tuple[str, str, str]] | None = None
) -> SiteSubconfigs:
    """The SUBCONFIG names of the directory's IDENTITY of each product machine the file
    `model` writes (`instances`, else `Model.subconfigs`) that differ from the compile's,
    as BKR529 compares them (`check.directory.subconfigs_named_otherwise`): each one its
    member's `subconfig` statement keeps, where the instance has one BUILD statement of
    its own. A machine whose BUILD statements BKR502 could not read, or whose SUBCONFIG
    the directory lacks (BKR504), is left to those, as BKR529 leaves it."""
    if instances is None:
        instances = [(machine, m.name, sub) for machine, m, sub in model.subconfigs()]
    found: list[tuple[str, str, str]] = []
    unattributed: list[tuple[str, str, str, str]] = []
    for machine, name, compiled in instances:
        entry = directory.entry(machine)
        if entry is None or entry.kind != "IDENTITY" or entry.builds_unread:
            continue
        member = model.member(name)
        own = [b for b in entry.builds if b.member == member.name]
        builds = own or [b for b in entry.builds if b.member == "*"]
        if not builds or builds[-1].subconfig == compiled:
            continue  # not built there (BKR518's), or under the compile's name, as BKR529 reads it
        if directory.subconfig_on(entry, member.name) is None:
            continue  # BKR504's
        if not own:
            unattributed.append((machine, member.name, builds[-1].subconfig, "BUILD ON *"))
        elif len({b.subconfig for b in own}) > 1:
            names = " and ".join(dict.fromkeys(b.subconfig for b in own))
            unattributed.append((machine, member.name, builds[-1].subconfig, f"two BUILD ON {member.name}: {names}"))
        else:
            found.append((machine, member.name, builds[-1].subconfig))
    # A machine whose names are all bkrc's own, numbered by another order of `--member`:
    # BKR529's help says to give the members in the directory's order, not a statement each.
    from bkrdsl.check.directory import directory_order

    renumbered = set()
    for machine in dict.fromkeys(machine for machine, _, _ in found):
        instances = [(m, None, _Built(m, sub)) for n, m, sub in found if n == machine]
        if directory_order(model, machine, instances) is not None:
            renumbered.add(machine)
    found = [f for f in found if f[0] not in renumbered]
    # One SUBCONFIG two instances are built from: a statement for each would be BKR242.
    uses: dict[str, int] = {}
    for _, _, sub in found:
        uses[sub] = uses.get(sub, 0) + 1
    named: dict[str, list[tuple[str, str]]] = {}
    for machine, member, sub in found:
        if uses[sub] > 1:
            unattributed.append((machine, member, sub, "built for another instance too"))
        else:
            named.setdefault(member, []).append((machine, sub))
    order = [m.name for m in model.members]
    return SiteSubconfigs(
        tuple((m, tuple(named[m])) for m in order if m in named),
        tuple(unattributed),
    )


def _holds_minidisks(entry: Entry, subconfigs: dict[str, Entry]) -> bool:
    return entry.minidisks > 0 or any(
        b.subconfig in subconfigs and subconfigs[b.subconfig].minidisks > 0 for b in entry.builds
    )


def _built_on_every(entry: Entry, members: Sequence[str]) -> bool:
    built = {b.member for b in entry.builds}
    return "*" in built or all(m in built for m in members)


def _pattern_of(user_id: str) -> str:
    """The `match` pattern that names an ID a group cannot list (`_writable`): its
    first character `%` where a name cannot start with it (`%PAYROL` for `#PAYROL`),
    else the ID itself (`MATCH`, which `match` takes as a pattern of no wildcard)."""
    return "%" + user_id[1:] if user_id[:1] in "#+-:." else user_id


def _writable(user_id: str) -> bool:
    """Whether a group body can list the ID: a name starts with none of `# + - : .`
    (language.md, Lexical rules), and `MATCH` there starts a pattern."""
    return user_id[:1] not in "#+-:." and user_id != "MATCH"


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


#: The columns a line of `bkrc init`'s file takes at most.
WIDTH = 80


def _line(indent: str, statement: str, said: str = "") -> str:
    """A statement's line, as `bkrc fmt` lays it out, with its comment `said` (`# ...`;
    "" for none) two spaces after it where that line fits in `WIDTH` columns, else on
    comment lines above it (`_comment`). `bkrc fmt` lines up the trailing comments
    of neighbouring lines only at a column that keeps each within the width, else
    starts a new column (docs/fmt.md, Comments): a line that fits here fits once
    laid out, whatever the lines around it, so that the file needs one `bkrc fmt`
    pass and every line is within `WIDTH` columns."""
    if not said:
        return f"{indent}{statement}\n"
    if len(indent) + len(statement) + 2 + len(said) <= WIDTH:
        return f"{indent}{statement}  {said}\n"
    return _comment(said.removeprefix("# "), indent) + f"{indent}{statement}\n"


def _derived_names(starter: Starter) -> str:
    """`SYSFL1, SYSIN1 on VMSYS1, SYSFL2, SYSIN2 on VMSYS2, ...`: the IDENTITY jobs' names."""
    from bkrdsl.resolve.model import derived_job_name

    names = [
        f"{derived_job_name(job, str(n))}" + (f" on {m}" if job == INCREMENTAL_JOB else "")
        for n, m in enumerate(starter.members, 1)
        for job in (IDENTITY_FULL_JOB, INCREMENTAL_JOB)
    ]
    return ", ".join(names[:4]) + (", ..." if len(names) > 4 else "")


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


def product_machines(
    tape: bool,
    members: int,
    catalog_server: str = CATALOG_SERVER,
    backup: Sequence[tuple[str, str]] = IBM_MACHINES,
) -> list[tuple[str, str]]:
    """The machines `bkrc init` writes a `disk` statement for: (ID or pattern, role),
    Backup Manager's under their names in the file (`backup`: `Starter.backup_machines`,
    (role, ID) each) and the catalog's SFS server under its (`Starter.catalog_server`)."""
    machines = [(machine, role) for role, machine in backup] + [(catalog_server, "catalog-sfs-server")]
    if tape:
        machines += [(TAPE_CATALOG_NODE, "tape-catalog-node"), (TAPE_CATALOG_DMM, "tape-catalog-dmm")]
        if members > 1:
            machines += [(TAPE_REQUEST_NODE, "tape-request-node"), (TAPE_REQUEST_DMM, "tape-request-dmm")]
    return machines


def directory_disks(
    directory: Directory, s: Starter, runs_on: Mapping[str, Sequence[str]] | None = None
) -> DirectoryDisks:
    """The product machines' minidisks as the directory defines them (a machine it
    lacks gets none: the defaults stay), and the shared volume: the one most of
    its single-configuration machines' minidisks are on (the first by name on a
    tie). A machine's minidisks are its entry's MDISKs that hold data and give a
    size, and, for an IDENTITY, those of its SUBCONFIG on each member, in the
    members' order (the first size an address is given wins: one `disk`
    statement gives every member's instance; one some instances lack says so,
    `SiteDisk.only_on`); a worker pattern's are every worker's, each worker on each
    member an instance (the first worker's size first). Every MDISK of an
    instance the compile writes (each worker `s` gives a member) that no `disk`
    statement can give is `unwritable`. `runs_on`: the members the compile writes
    each IDENTITY machine for (`Model.product_machines`), where its minidisks'
    places (`SiteDisk.places`) may be written; without it, every member."""
    import collections

    found, shared, unwritable = [], collections.Counter(), []
    for name, _ in product_machines(s.tape, len(s.members), s.catalog_server, s.backup_machines):
        held, built = [], []  # every instance's MDISKs, the workers' together (one `disk BKRWRK*` gives them all)
        workers = []  # the pattern's: each worker's (ID, entry, its own MDISKs by member, the members written for)
        pattern = "*" in name
        for user_id, members in _written_instances(name, s):
            entry = directory.entry(user_id)
            if entry is None or entry.kind not in ("USER", "IDENTITY"):
                if pattern:
                    workers.append((user_id, None, [], members))  # a worker the directory lacks: no place
                continue
            mine = _held(directory, entry, members)
            unwritable += [
                UnwritableDisk(user_id, entry.kind, member, disk)
                for member, disk in mine
                if disk.form != "MDISK" or disk.size is None
            ]
            instances = [m for m in members if directory.subconfig_on(entry, m)]
            if pattern:  # an instance is a worker on a member: its own MDISKs are every member's
                workers.append((user_id, entry, mine, members))
                instances = [f"{user_id} on {m}" for m in instances]
                mine = [(f"{user_id} on {m}", d) for own, d in mine for m in ([own] if own else members) if directory.subconfig_on(entry, m)]
            held += mine
            built += instances
            if entry.kind == "USER":
                shared.update(d.volume for _, d in mine if d.volume and d.size is not None)
        given = _site_disks(held, built)
        if given and not pattern:
            entry = directory.entry(name)
            members = s.members if runs_on is None else tuple(runs_on.get(name, ()))
            given = tuple(d._replace(places=_places(directory, entry, held, d, members)) for d in given)
        elif given:  # a minidisk some workers lack stays the pattern's (its comment says so)
            given = tuple(d if d.only_on else d._replace(by_worker=_worker_places(directory, workers, d)) for d in given)
        given = tuple(d._replace(fixed=_fixed(held, d)) for d in given)
        if given:
            found.append((name, given))
    return DirectoryDisks(tuple(found), directory.most_used(shared), tuple(unwritable))


def unwritable_problems(disks: Sequence[UnwritableDisk]) -> list[Diagnostic]:
    """BKR521 for each MDISK `directory_disks()` found no `disk` statement can give,
    at its virtual address in the directory, with what to do instead."""
    from bkrdsl.check.common import quoted
    from bkrdsl.check.directory import DISK_NOT_WRITABLE

    out = []
    for found in disks:
        disk = found.disk
        where = f" in its SUBCONFIG for {quoted(found.member)}" if found.member else ""
        whose = f"{found.kind} {quoted(found.machine)}'s minidisk {disk.address:04X}{where}"
        if disk.form == "MDISK":  # `start END volid`: to the volume's end
            volume = quoted(disk.volume) if disk.volume else "the volume"
            unit = "blocks" if disk.devtype.startswith("FB") else "cylinders"
            message = (
                f"{whose} runs to the end of {volume} (`END`), whose size the directory does not state:"
                " no `disk` statement can give it as it is"
            )
            help = (
                "in the directory's MDISK statement, write its size in place of `END`:"
                f" {volume}'s {unit} less {disk.start}, as `QUERY DASD DETAILS` gives them (the same"
                " extent, which a `disk` statement gives); then run `bkrc init` again"
            )
        else:
            what = (
                "a whole real device (`DEVNO`)" if disk.form == "DEVNO" else f"a {disk.form}, which CP gives at logon"
            )
            message = (
                f"{whose} is {what}, which no `disk` statement can give: the entry `bkrc compile` writes"
                " for the machine would drop it"
            )
            instead = (
                "copy the device's data to one and define that instead"
                if disk.form == "DEVNO"
                else "have the machine define this one at logon (CP's DEFINE)"
            )
            help = (
                f"a `disk` statement gives only a minidisk on a volume: {instead}, or give --directory a"
                " copy without this MDISK statement and add it back by hand to the entry you deploy; then"
                " run `bkrc init` again"
            )
        out.append(DISK_NOT_WRITABLE(message, disk.span, help=help))
    return out


def directory_links(directory: Directory, s: Starter) -> tuple[str, ...]:
    """The `link` statements (`link MACHINE OWNER VADDR [as VADDR2] MODE`) that keep each
    product machine's LINKs the compiled entry would otherwise drop: a LINK of its
    entry itself, or one every SUBCONFIG of an IDENTITY on the members it is written
    for has alike, at an address the built-in dialect table's statements for its role
    leave free (their `LINK MAINT 0190 0190 RR`, 019D and 019E are the table's, written
    anyway), in a mode a `link` statement takes (another stays BKR524's); the first
    LINK at an address (CP's) of each. The workers' pattern names the LINKs every
    worker has; a worker's own, its ID. In the order of `product_machines()`."""
    from bkrdsl.dialect import load_dialect

    table = load_dialect()
    out: list[str] = []
    for name, role in product_machines(s.tape, len(s.members), s.catalog_server, s.backup_machines):
        defaults = table.machines.get(role)
        taken = set(defaults.addresses()) if defaults is not None else set()
        instances = [
            (user_id, _entry_links(directory, user_id, members, taken)) for user_id, members in _written_instances(name, s)
        ]
        if "*" not in name:
            out += [f"link {name} {link}" for link in instances[0][1]]
            continue
        every = [link for link in instances[0][1] if all(link in links for _, links in instances)]
        out += [f"link {name} {link}" for link in every]
        out += [f"link {user_id} {link}" for user_id, links in instances for link in links if link not in every]
    return tuple(out)


def _entry_links(directory: Directory, user_id: str, members: Sequence[str], taken: set[int]) -> list[str]:
    """`OWNER VADDR [as VADDR2] MODE` of each LINK `directory_links()` keeps of `user_id`'s entry."""
    from bkrdsl.resolve.model import LINK_MODES, parse_address

    entry = directory.entry(user_id)
    if entry is None or entry.kind not in ("USER", "IDENTITY"):
        return []

    def links(part) -> list[tuple[str, ...]]:
        return [words for words, _ in directory.other_statements(part) if words[0] == "LINK"]

    found = links(entry)
    if entry.kind == "IDENTITY" and members:
        subs = [directory.subconfig_on(entry, m) for m in members]
        if all(sub is not None for sub in subs):
            found += [words for words in links(subs[0]) if all(words in links(sub) for sub in subs[1:])]
    out: dict[int, str] = {}
    for words in found:
        if len(words) != 5 or words[4] not in LINK_MODES:
            continue
        owner, vaddr, at, mode = words[1:]
        source, target = parse_address(vaddr), parse_address(at)
        if source is None or target is None or target in taken:
            continue
        out.setdefault(target, f"{owner} {vaddr}" + (f" as {at}" if target != source else "") + f" {mode}")
    return list(out.values())


def _written_instances(name: str, s: Starter) -> list[tuple[str, tuple[str, ...]]]:
    """The IDs the compile writes for the machine `name` of `product_machines()`,
    each with the members it writes it for: a worker pattern's workers, each on
    the members whose `workers` count reaches it."""
    if "*" not in name:
        return [(name, s.members)]
    from bkrdsl.resolve.model import worker_ids

    counts = [s.workers_of(i) for i in range(len(s.members))]
    return [
        (worker, tuple(m for m, count in zip(s.members, counts, strict=True) if count >= n))
        for n, worker in enumerate(worker_ids(name, max(counts)), 1)
    ]


def _held(directory: Directory, entry: Entry, members: Sequence[str]) -> list[tuple[str | None, Minidisk]]:
    """The entry's MDISKs (member None: every instance's), then, for an IDENTITY,
    its SUBCONFIG's on each of `members` it is built on, with that member."""
    held: list[tuple[str | None, Minidisk]] = [(None, d) for d in entry.disks]
    for member in members:
        subconfig = directory.subconfig_on(entry, member)
        held += [(member, d) for d in subconfig.disks] if subconfig else []
    return held


def _site_disks(held: list[tuple[str | None, Minidisk]], built: list[str]) -> tuple[SiteDisk, ...]:
    """The `disk` statements the MDISKs `held` give (those that hold data and state a
    size; the first size of an address wins), each with the members of `built` (the
    IDENTITY's) whose instance has it, where some lack it."""
    given: dict[int, SiteDisk] = {}
    having: dict[int, set[str | None]] = {}
    for member, disk in held:
        having.setdefault(disk.address, set()).add(member)
        if disk.form == "MDISK" and disk.size is not None and disk.address not in given:
            unit = "blk" if disk.devtype.startswith("FB") else "cyl"
            given[disk.address] = SiteDisk(disk.address, disk.size, unit)
    for address, disk in given.items():
        on = having[address]
        if None not in on and len(on) < len(built):
            given[address] = disk._replace(only_on=tuple(m for m in built if m in on))
    return tuple(sorted(given.values()))


def _places(
    directory: Directory, entry: Entry, held: list[tuple[str | None, Minidisk]], disk: SiteDisk, members: Sequence[str]
) -> tuple[tuple[str | None, str, int], ...]:
    """`SiteDisk.places` of `disk`, a minidisk of the machine `entry`: the explicit
    extents of its MDISKs `held` at that address, of the size the statement gives
    (a USER's own; an IDENTITY's in its SUBCONFIG for one of `members`), each
    where no other MDISK of the directory overlaps it (written, the overlap would
    be BKR523's error, or the other product machine's place too)."""
    out = []
    for member, mdisk in held:
        if mdisk.address != disk.address or mdisk.form != "MDISK" or mdisk.allocation is not None:
            continue
        if mdisk.size != disk.size or not mdisk.volume or not mdisk.start:  # AUTOx, END, &SYSRES, cylinder 0
            continue
        if ("blk" if mdisk.devtype.startswith("FB") else "cyl") != disk.unit:  # the statement's unit writes another type
            continue
        if (member is None) != (entry.kind == "USER") or (member is not None and member not in members):
            continue
        end = mdisk.start + mdisk.size
        overlapped = any(
            other != mdisk and other.start < end and (other.size is None or mdisk.start < other.start + other.size)
            for other, _, _ in directory.extents_on(mdisk.volume, mdisk.devtype)
        )
        if not overlapped:
            out.append((member, mdisk.volume, mdisk.start))
    return tuple(out)


def _fixed(held: list[tuple[str | None, Minidisk]], disk: SiteDisk) -> tuple[tuple[str | None, str, int], ...]:
    """`SiteDisk.fixed` of `disk`: the instances of `held` (as `directory_disks`
    labels them) whose MDISK at its address is an explicit extent, not from
    cylinder or block 0 (a full-pack overlay, which no `at` writes: BKR251)."""
    return tuple(
        (label, mdisk.volume, mdisk.start)
        for label, mdisk in held
        if mdisk.address == disk.address and mdisk.form == "MDISK" and mdisk.allocation is None
        if mdisk.volume and mdisk.start and mdisk.size is not None
    )


def _worker_places(directory: Directory, workers, disk: SiteDisk) -> tuple:
    """`SiteDisk.by_worker` of the worker pattern's `disk`: each of `workers` (ID,
    entry or None where the directory lacks it, its MDISKs, the members the file
    writes it for) with its instances' places, as `_places` finds an IDENTITY's
    (a SUBCONFIG's only: an entry's own MDISK is every member's, which no `on`
    places)."""
    return tuple(
        (worker, tuple(p for p in _places(directory, entry, mine, disk, members) if p[0] is not None) if entry else ())
        for worker, entry, mine, members in workers
    )


def _disk_lines(s: Starter, user: str, d: SiteDisk) -> list[str]:
    """The `disk` statements of the directory's minidisk `d`: with `on VOL at START`
    where the directory has it at an explicit extent on a volume the file declares
    for the instance (a USER's on the `shared-volume`; an IDENTITY's on its
    member's `private-volume`, one statement per member so placed: the others are
    allocated; the workers', one per worker and member so placed, `SiteDisk.by_worker`),
    else one statement without a place. First, the comment that names the extents
    they do not keep (`_not_kept`), "" where there is none."""
    shared, private = _placed_volumes(s)
    if d.by_worker:
        workers = [(w, [(m, v, at) for m, v, at in places if v in private[m]]) for w, places in d.by_worker]
        if any(placed for _, placed in workers):  # one statement per worker and member placed, in order
            kept = {(f"{w} on {m}", v, at) for w, placed in workers for m, v, at in placed}
            whose = s.roster.directory if s.roster else "the directory"
            said = _comment(
                f"The workers' {d.address:04X}s, each where {whose} has it, one statement per worker and"
                f" member: `disk {user}` without a place leaves the extent to DirMaint (`AUTOV`), which may"
                " allocate new, empty space, and with one would put every worker on one extent. A worker a"
                " higher `workers` count adds needs a statement of its own (BKR253 gives it).",
                "  ",
            )
            # A worker placed on some members only: its other instances `on` their
            # member's volume without `at`, allocated on purpose (else BKR255 takes
            # them for members left out, the other workers being placed member by member).
            runs_on = dict(_written_instances(user, s))
            return [_not_kept(s, user, d, _lost(d, kept)), said] + [
                line
                for worker, placed in workers
                for line in (
                    [f"  disk {worker} {d.address:03X} size {d.size} {d.unit} on {v} at {at}\n" for _, v, at in placed]
                    + [
                        f"  disk {worker} {d.address:03X} size {d.size} {d.unit} on {private[m][0]}\n"
                        for m in runs_on.get(worker, ())
                        if placed and private[m] and m not in {on for on, _, _ in placed}
                    ]
                    or [f"  disk {worker} {d.address:03X} size {d.size} {d.unit}\n"]
                )
            ]
    words = f"  disk {user} {d.address:03X} size {d.size} {d.unit}"
    placed, kept = [], set()
    for member, volume, start in d.places:
        declared = (s.shared_volume, *shared) if member is None else private[member]
        if volume in declared:
            placed.append(f"{words} on {volume} at {start}\n")
            kept.add((member, volume, start))
    lost = _lost(d, kept)
    if placed and any(member is not None for member, _, _ in kept):
        # The other members' instances the directory has that no statement places:
        # each `on` its member's volume without `at`, allocated on purpose, as the
        # comment above says (else BKR255 takes it for a member left out).
        named = {member for member, _, _ in kept}
        placed += [
            f"{words} on {private[member][0]}\n"
            for member in dict.fromkeys(m for m, _, _ in lost if m is not None and m not in named and private[m])
        ]
    return [_not_kept(s, user, d, lost), *(placed or [words + "\n"])]


def _lost(d: SiteDisk, kept: set) -> list[tuple[str | None, str, int]]:
    """The instances of `d` the directory has at an explicit extent (`SiteDisk.fixed`)
    that the statements written do not place (`kept` those they do)."""
    return [f for f in d.fixed if f not in kept]


def not_kept(s: Starter) -> list[str]:
    """Each product machine's minidisk (`BKRSVSFS 0301`) the directory has at an
    explicit extent for some instance that the file's `disk` statements do not place
    (`_not_kept` writes the comment that names them): `bkrc init` says so as it writes."""
    return [
        f"{user} {d.address:04X}"
        for user, disks in s.site_disks
        for d in disks
        if _disk_lines(s, user, d)[0]  # `_not_kept`'s comment, first; "" where every extent is kept
    ]


def _not_kept(s: Starter, user: str, d: SiteDisk, lost: list[tuple[str | None, str, int]]) -> str:
    """The comment above the `disk` statements of `d` that names each instance the
    directory has at an explicit extent that they do not place (`lost`): its compiled
    MDISK says `AUTOV`, and deploying the entry may give it new, empty space, which
    `bkrc check --directory` warns of too (BKR532)."""
    if not lost:
        return ""
    whose = s.roster.directory if s.roster else "the directory"
    unit = "block" if d.unit == "blk" else "cylinder"
    where = [
        (label if label and " on " in label else user + (f" on {label}" if label else ""))
        + f", from {unit} {start} of {volume}"
        for label, volume, start in lost
    ]
    named = "; ".join(where[:4]) + (f"; and {len(where) - 4:,} more" if len(where) > 4 else "")
    return _comment(
        f"In {whose}, {user}'s {d.address:04X} is at a fixed extent that the `disk` statements below do not keep:"
        f" {named} (another MDISK overlaps it, its size is not the statement's, its volume is not"
        " one the file declares for it, or it is an IDENTITY's own MDISK). Its compiled MDISK says `AUTOV`:"
        " DirMaint may give it new, empty space. When you deploy, keep the directory's MDISK statement in"
        " the entry, or copy the minidisk's contents (docs/deploy.md).",
        "  ",
    )


def _placed_volumes(s: Starter) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """The volumes the file declares for the directory's extents (`SiteDisk.places`):
    the `shared-volume`s after the first (a USER's extents on another volume), and
    each member's `private-volume`s, its first and those its instances' extents are
    on. A volume is declared once, for the one use: one that is a member's first
    private volume, or that two uses claim, is none of these, and a minidisk on it
    is written without its place (allocated: BKR519 or BKR532 says where the directory has it)."""
    first = {m: s.volume_of(n)[0] for n, m in enumerate(s.members)}
    firsts = set(first.values())
    uses: dict[str, set[str | None]] = {}
    for _, disks in s.site_disks:
        for d in disks:
            for member, volume, _ in (*d.places, *(p for _, places in d.by_worker for p in places)):
                uses.setdefault(volume, set()).add(member)
    shared = tuple(sorted(v for v, on in uses.items() if on == {None} and v != s.shared_volume and v not in firsts))
    private = {
        m: (volume, *sorted(v for v, on in uses.items() if on == {m} and v not in firsts and v != s.shared_volume))
        for m, volume in first.items()
    }
    return shared, private


def _disks(s: Starter) -> str:
    site = dict(s.site_disks)
    lines = []
    for user, role in product_machines(s.tape, len(s.members), s.catalog_server, s.backup_machines):
        given = site.get(user, ())
        if not any(d.address == 0x191 for d in given):
            lines.append(_new_a_disk(s, user, role, given))
        lines += [_only_on(s, user, d) + "".join(_disk_lines(s, user, d)) for d in given]
    if s.site_links:
        whose = s.roster.directory if s.roster else "the directory"
        lines.append(
            _comment(
                f"The LINKs {whose}'s entries give these machines besides the dialect table's: the"
                " compiled entries keep them (docs/language.md, link).",
                "  ",
            )
        )
        lines += [_line("  ", link) for link in s.site_links]
    if s.site_disks:
        whose = s.roster.directory if s.roster else "the directory"
        said = f". Their sizes, and any other minidisk a machine has there, are {whose}'s."
    else:
        said = " (your sizes, in cylinders)."
    if s.free_places:
        whose = s.roster.directory if s.roster else "the directory"
        said += (
            f" {whose} has no DIRMAINT machine: kept by hand, it is loaded by DIRECTXA, which takes no `AUTOV`,"
            " DirMaint's allocation (BKR533). So each minidisk below has its place, `on VOL at START`: where"
            f" {whose} has it, else the first extent of its volume free in {whose} and of the other minidisks"
            " here, one statement per member (and worker): check the extents against the volumes themselves."
            " A worker a higher `workers` count adds needs a statement of its own (BKR253 gives it)."
        )
    return _comment(
        "Every machine bkrc writes a directory entry for starts CMS and needs its 191 minidisk, its"
        " A-disk: an IDENTITY machine gets one on each member's private volume, a"
        " single-configuration machine one on the shared volume" + said + _warned_said(s),
        "  ",
    ) + "".join(lines)


#: Why the check against the site's directory warns of the product machines' entries
#: (`Starter.warned`), by code: what deploying the compiled entries changes.
WARNED_WHY = {
    "BKR524": "drops statements {whose} gives some of these machines besides their minidisks",
    "BKR526": "changes who may log on to some of these machines, or what CP lets them do",
    "BKR534": "drops the link passwords {whose} gives some of their minidisks",
}


def _warned_said(s: Starter) -> str:
    """The end of the comment above the `disk` statements: the warnings of the check
    against the directory that no other comment names (`Starter.warned`), and why a
    .bkr file cannot avoid them; "" without them."""
    if not s.warned:
        return ""
    whose = s.roster.directory if s.roster else "the directory"
    count = sum(n for _, n in s.warned)
    codes = [f"{code}{f' x{n}' if n > 1 else ''}" for code, n in s.warned]
    why = [WARNED_WHY[code].format(whose=whose) + f" ({code})" for code, _ in s.warned]
    return (
        f" `bkrc check --directory {whose}` gives {count} warning{'s' if count > 1 else ''} here"
        f" ({', '.join(codes)}), which this file cannot avoid: deploying the compiled entries"
        f" {' and '.join(why)}. Each warning's help says what to do: keep the site's (a site dialect"
        " table, `--dialect`, or by hand) or deploy as is (docs/compatibility.md)."
    )


def _new_a_disk(s: Starter, user: str, role: str, given: tuple[SiteDisk, ...]) -> str:
    """The `disk` statement of a machine's 191, its A-disk, where the directory gives it
    none (BKR253 asks for one): the role's size in cylinders, or, where the machine's
    minidisks count in blocks, its first one's size, so that its volume keeps one unit
    (BKR247). A machine the directory gives other minidisks gets a comment: this one is new."""
    from bkrdsl.resolve.model import A_DISK_CYLINDERS  # the sizes BKR253 suggests too

    blocks = [d.size for d in given if d.unit == "blk"]
    size = f"{blocks[0]} blk" if blocks else f"{A_DISK_CYLINDERS[role]} cyl"
    said = ""
    if given:
        whose = s.roster.directory if s.roster else "the directory"
        said = _comment(
            f"{whose} gives {user} no 191: this one is new, for CMS, which starts the machine with its"
            " 191 as the A-disk (BKR253).",
            "  ",
        )
    return said + f"  disk {user} 191 size {size}\n"


def _only_on(s: Starter, user: str, disk: SiteDisk) -> str:
    """The comment above a `disk` statement that gives every member's instance a
    minidisk the directory gives only some of them (`SiteDisk.only_on`)."""
    if not disk.only_on:
        return ""
    from bkrdsl.check.common import listed

    whose = s.roster.directory if s.roster else "the directory"
    if "*" in user:  # its instances are workers on members
        return _comment(
            f"In {whose}, {disk.address:04X} is only in the SUBCONFIGs of"
            f" {listed(disk.only_on, len(disk.only_on))}; `disk {user}` gives it to every worker on every"
            f" member, so the compiled entries add an empty {disk.address:04X} where it has none.",
            "  ",
        )
    instance = user
    return _comment(
        f"In {whose}, {instance}'s {disk.address:04X} is only in its SUBCONFIG for"
        f" {listed(disk.only_on, len(disk.only_on))}; a `disk` statement gives it to the instance on every"
        f" member (bkrc has no `disk` for one member's instance), so the compiled entries add an empty"
        f" {disk.address:04X} where it has none.",
        "  ",
    )


def _groups(s: Starter) -> str:
    """The `single` and the `identity` group: placeholders, or the site's users
    from its directory (`Roster`), with what the groups leave out in comments."""
    r = s.roster
    single = (
        "Single-configuration users (USER entries): each logs on to one member at a time, so one"
        " job on one member backs them all up."
    )
    identity = "IDENTITY users: an instance on every member, each with its own minidisks."
    if r is None or not r.singles:
        singles = f"  single group {s.single_group} {{ {' '.join(SINGLE_USERS)} }}  # your user IDs, or `match LNX*`\n"
        single += _placeholders_said(r, "USER", SINGLE_USERS)
    else:
        single += " " + _whose(r, "USER", r.singles_are_zvm, bool(_site_roles(s)))
        singles = f"  single group {s.single_group} {{ {' '.join(r.singles)} }}\n"
    if r is None or not r.identities:
        identities = f"  identity group {s.identity_group} {{ {' '.join(IDENTITY_USERS)} }}  # your user IDs\n"
        identity += _placeholders_said(r, "IDENTITY", IDENTITY_USERS)
    else:
        identity += " " + _whose(r, "IDENTITY", r.identities_are_zvm, bool(_site_roles(s)))
        apart = s.global_group
        identities = f"  identity group {s.identity_group} {{ {' '.join(u for u in r.identities if u not in apart)} }}\n"
        if apart:
            several = len(apart) > 1
            identity += (
                f" {_listed_plain(apart)} {'are' if several else 'is'} in {s.global_group_name}, below:"
                f" {'their' if several else 'its'} minidisks are all global, in the IDENTITY"
                f" {'entries themselves' if several else 'entry itself'} (every member's instance shares"
                f" them), so the jobs on each member, which back up {s.identity_group}, would back up nothing of"
                f" {'theirs' if several else 'it'} (BKR515): {GLOBAL_FULL_JOB} and {GLOBAL_JOB} back"
                f" {'them' if several else 'it'} up, once."
            )
            identities += f"  identity group {s.global_group_name} {{ {' '.join(apart)} }}\n"
    return (
        _comment(single, "  ", "##")
        + singles
        + _comment(identity, "  ", "##")
        + identities
        + _backup_machines_said(s)
        + (_unlisted(r, s) if r is not None else "")
    )


def _backup_machines_said(s: Starter) -> str:
    """The comment below the groups on Backup Manager's machines under the site's own
    names (`SiteMachines`): those that link its installation user's disks but that
    bkrc cannot give a role, which the groups keep; or, where none links them and the
    directory has none of IBM's names either, that the file names IBM's. "" otherwise."""
    found = s.site_machines
    if found is None or s.roster is None:
        return ""
    whose = s.roster.directory
    if found.unsure:
        several = len(found.unsure) > 1
        said = (
            f"{' '.join(found.unsure)} {'link' if several else 'links'} a disk of {found.owner}, Backup"
            " Manager's installation user, as its machines do, but bkrc cannot tell"
            f" {'their roles' if several else 'its role'} from {whose} (workers: IDENTITYs of one ID numbered"
            " from 01; two other IDENTITYs on every member, the catalog server's ID saying so; one USER, the"
            f" administrator), so {'they are' if several else 'it is'} kept as the site's own users, backed"
            " up as the groups above or the notes below say. If"
            f" {'they are' if several else 'it is'} Backup Manager's, declare"
            f" {'each' if several else 'it'} with its role"
            " (`identity user ID role backup-server`, `catalog-server`, `worker`; `single user ID role admin`)"
            + ("" if found.roles else ", in place of `import std/backup-manager`,")
            + f" and take {'them' if several else 'it'} out of the groups (docs/init.md)."
        )
    elif not found.roles:
        said = (
            f"{whose} has {found.owner}, Backup Manager's installation user, but none of its machines under"
            f" IBM's names (BKRBKUP, BKRCATLG) and no entry of the site's own that links a disk of"
            f" {found.owner}: this file names IBM's machines. If the site's have names of their own,"
            " declare each with its role in place of `import std/backup-manager` (`identity user ID role"
            " backup-server`, `catalog-server`, `worker`; `single user ID role admin`) and take them out of"
            " the groups (docs/init.md)."
        )
    else:
        return ""
    return "\n" + _comment(said, "  ")


def _placeholders_said(r: Roster | None, statement: str, users: Sequence[str]) -> str:
    """With `--directory`, where a group keeps its placeholders (the directory has no
    user of that kind with a minidisk, z/VM's own neither): that it lacks them, which
    `bkrc check --directory` says (BKR511) until the site's IDs are written."""
    if r is None:
        return ""
    built = ", built on every member," if statement == "IDENTITY" else ""
    return (
        f" {r.directory} gives this group no user (no {statement} entry{built} that holds a minidisk, z/VM's own"
        f" neither): {_listed_plain(users)} are placeholders it lacks, which `bkrc check --directory` says"
        " (BKR511) until you write your own IDs."
    )


def _whose(r: Roster, statement: str, zvm: bool, site: bool = False) -> str:
    if zvm:
        return (
            f"{r.directory} has no {statement} entry of the site's own that holds a minidisk: these are"
            f" z/VM's own {statement} users that do, which std/ modules declare; keep those you back up."
        )
    built = ", built on every member" if statement == "IDENTITY" else ""
    if site:  # Backup Manager's machines under the site's names: declared at the top
        return (
            f"From {r.directory}: its {statement} entries that hold a minidisk{built}, except z/VM's own"
            " users, which std/ modules declare, and the product's machines, declared above."
        )
    return (
        f"From {r.directory}: its {statement} entries that hold a minidisk{built}, except z/VM's own"
        " users and the product's machines, which std/ modules declare."
    )


def _unlisted(r: Roster, s: Starter) -> str:
    """The comment that names the directory's users no group lists, and why."""
    notes = []
    if r.tape is not None and r.tape.certain:
        notes.append(
            "Tape Manager's machines, in no group as the product's: `bkrc init --tape` names them in a"
            " `tape manager` statement and sends the full backup to tape (run it again with `--tape` for"
            f" that): {' '.join(r.tape.ids)}."
        )
    elif r.tape is not None:
        notes.append(
            "Users with the names of the Tape Manager machines `bkrc init --tape` names, which this file"
            " takes for the site's own: if they are Tape Manager's, run it again with `--tape` to send the"
            f" full backup to tape: {' '.join(r.tape.ids)}."
        )
    if r.tape_linked:
        notes.append(_tape_linked_said(r, s))
    # z/VM's own IDs of another release (MAINT730 under `--stdlib zvm74`): an upgrade's leftovers
    others: dict[str, list[str]] = {}
    for i in r.zvm_own:
        found = release_id(i)
        if found is not None and found.module != f"std/{s.release}":
            others.setdefault(found.module, []).append(i)
    own = [i for i in r.zvm_own if not any(i in ids for ids in others.values())]
    if own:
        notes.append(
            f"z/VM's own users that hold minidisks, which std/{s.release} declares (list in a group"
            f" those you back up): {' '.join(own)}."
        )
    for module, ids in sorted(others.items()):
        release = release_id(ids[0]).release
        notes.append(
            f"z/VM {release}'s own users that hold minidisks, which {module} declares and this file does"
            f" not import (an upgrade's: import it too while a member runs {release}; list in a group those"
            f" you back up until you delete them): {' '.join(ids)}."
        )
    if r.partly_built:
        built = "; ".join(f"{i} on {' '.join(m) or 'no member'}" for i, m in r.partly_built)
        notes.append(
            "IDENTITY users not built on every member, which a job `on each member` would look for"
            f" where they are not (back them up in a job on their members): {built}."
        )
    if r.without_minidisks:
        notes.append(f"Users with no minidisk, nothing to back up: {' '.join(r.without_minidisks)}.")
    if r.unwritable:
        notes.append(
            "Users whose ID a .bkr file cannot name, since a name starts with none of `# + - : .` and"
            f" `MATCH` in a group starts a pattern: {' '.join(r.unwritable)}. A `match` pattern in the group"
            f" of their kind names them, `%` for any one character: {', '.join(f'`match {_pattern_of(i)}`' for i in r.unwritable)}."
        )
    if not notes:
        return ""
    return "\n" + "".join(_comment(note, "  ") for note in [f"Not listed above, from {r.directory}:", *notes])


def _catalog_said(s: Starter) -> str:
    """The end of the comment above the `catalog` statement: whose server and pool
    it names, the placeholders' or the site's (`SiteCatalog`), and what to check."""
    found = s.site_catalog
    whose = s.roster.directory if s.roster else "the directory"
    placeholders = f" ({CATALOG_SERVER} and {CATALOG_POOL}: your server and its file pool)."
    if found is None:
        return placeholders
    server = s.catalog_server
    evidence = "with an `IUCV *IDENT` statement and a link to MAINT's 0193, as an SFS file pool server has"
    if len(found.servers) == 1 and found.pool is not None and not found.guessed:
        said = (
            f". {server} and {found.pool} are from {whose}: its USER {evidence}, and the file pool its"
            " `IUCV *IDENT` names."
        )
    elif len(found.servers) == 1 and found.pool is not None:
        said = (
            f". {server} is from {whose}: its USER {evidence}. Its `IUCV *IDENT` names no file pool ID:"
            f" {found.pool}, its IPL statement's `FILEPOOL`, is guessed; check it against the FILEPOOLID of"
            f" {server} DMSPARMS."
        )
    elif len(found.servers) == 1:
        said = (
            f". {server} is from {whose}: its USER {evidence}. Its `IUCV *IDENT` names no file pool ID: write the"
            f" FILEPOOLID of {server} DMSPARMS in place of {CATALOG_POOL}."
        )
    elif found.servers:
        said = (
            f"{placeholders} {whose} has {len(found.servers)} USERs {evidence}: which keeps the catalog?"
            f" Write its ID in place of {CATALOG_SERVER} and its file pool in place of {CATALOG_POOL}:"
            f" {' '.join(found.servers)}."
        )
    else:
        said = placeholders
    if found.local:
        said += (
            f" {' '.join(found.local)} in {whose}: an IDENTITY {evidence}, a file pool of each member's own;"
            " the shared catalog's server is a USER (BKR510)."
        )
    return said


def _catalog_pool_said(s: Starter) -> str:
    """The comment after the `catalog` statement (`# ...`, "" for none): the site's
    server with no file pool named, or guessed, asks for it."""
    found = s.site_catalog
    if found is None or len(found.servers) != 1:
        return ""
    if found.pool is None:
        return "# your file pool"
    return "# guessed: check the file pool" if found.guessed else ""


def _tape_linked_said(r: Roster, s: Starter) -> str:
    """The note on the machines that link a disk of Tape Manager's installation user."""
    said = (
        "Tape Manager's installation user and the users that link one of its disks, in no group as the"
        f" product's: {' '.join(r.tape_linked)} (bkrc takes an ID that `{TAPE_MANAGER_OWNER}` matches,"
        " IBM's product number 5697-J08, for that user: an assumption, unconfirmed)."
    )
    if s.tape:
        return said + (
            " Where the `tape manager` statement's names (IBM's example's) are not theirs, write theirs in"
            " its place."
        )
    return said + (
        " `bkrc init --tape` names Tape Manager's nodes in a `tape manager` statement and sends the full"
        " backup to tape: run it again with `--tape` for that."
    )


def _listed_plain(names: Sequence[str]) -> str:
    """A, B and C."""
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]


def _global_job(s: Starter) -> str:
    """The two jobs on one member (a full one weekly, an incremental one the other
    nights: `_weekly_pair`) that back up once the global minidisks the IDENTITY jobs
    exclude (`Starter.global_disks`), and the comment that says why they are pinned and
    that they compile with `--directory` alone (BKR221's exception); "" without them."""
    if not s.global_disks:
        return ""
    whose = s.roster.directory if s.roster else "the directory"
    disks = [f"{user}'s {address:04X}" for user, address in s.global_disks]
    several = len(disks) > 1
    named = _listed_plain(disks)
    them = "them" if several else "it"
    member = s.members[0]
    by_user: dict[str, list[str]] = {}
    for user, address in s.global_disks:
        by_user.setdefault(user, []).append(f"{address:04X}")
    where = "entries themselves" if len(by_user) > 1 else "entry itself"
    return (
        "\n"
        + _comment(
            f"{named} {'are' if several else 'is'} defined in the IDENTITY {where} in {whose}, not in"
            f" {'SUBCONFIGs' if several else 'a SUBCONFIG'}: {'each is ' if several else ''}one global minidisk"
            " that every member's instance shares (IBM's \"MDISK Directory Statement\"), which"
            + (
                " a job on each member would back up once per member (BKR530). Every user of"
                f" {s.identity_group} has one, so no job runs on each member (`bkrc check` warns that none runs"
                f" on {_listed_plain(s.members[1:])}, BKR401: add one there for what their instances hold of"
                f" their own, in their SUBCONFIGs): these two jobs, a full backup weekly and an incremental"
                f" one the other nights, back {them} up once,"
                if s.only_global
                else f" {IDENTITY_FULL_JOB} and {INCREMENTAL_JOB}, on each member, would back up once per member"
                f" (BKR530). They exclude {them}, and these two jobs, a full backup weekly and an incremental"
                f" one the other nights, back {them} up once,"
                if len(s.global_a_disks) == len(s.global_disks)
                else " a job on each member would back up once per member (BKR530)."
                + (
                    f" {IDENTITY_FULL_JOB} and {INCREMENTAL_JOB}, on each member, exclude"
                    f" {_listed_plain([f'{user} {IDENTITY_JOB_ADDRESS:04X}' for user in s.global_a_disks])}"
                    f" (their `* {IDENTITY_JOB_ADDRESS:04X}` selects {'them' if len(s.global_a_disks) > 1 else 'it'})."
                    if s.global_a_disks
                    else ""
                )
                + f" These two jobs, a full backup weekly and an incremental one the other nights, back {them} up"
                " once,"
            )
            + f" always from {member} (member 1, where"
            f" {FULL_JOB} and {SINGLE_INCREMENTAL_JOB} back up the single-configuration users' minidisks, which"
            " every member shares too:"
            " one member, one history). A job of IDENTITY users on one member is an error (BKR221) unless"
            " the site's directory shows that its includes select only such global minidisks: check and"
            f" compile this file with `--directory {whose}`.",
            "  ",
            "##",
        )
        + _weekly_pair(
            (GLOBAL_FULL_JOB, GLOBAL_JOB),
            ", ".join(
                ([s.identity_group] if any(user not in s.global_group for user, _ in s.global_disks) else [])
                + ([s.global_group_name] if s.global_group else [])
            ),
            "".join(f"    include minidisk {user} {' '.join(addresses)}\n" for user, addresses in by_user.items()),
            (f"    to disk pool {DISK_POOL}  # your backup disk pool\n",) * 2,
            member,
            "04:30",
        )
    )


def text(s: Starter) -> str:
    """The cluster file, in canonical layout. The names must have passed `problems()`."""
    return text_read(s, "<bkrc init>")[0]


def text_read(s: Starter, name: str):
    """`text(s)`, and the formatter's parse of it under the file name `name`
    (`fmt.format_text_read`: None when nothing parsed the text laid out), for the
    check of the file `bkrc init` writes to take rather than parse it again.
    Every line within `WIDTH` columns, in one `bkrc fmt` pass: each statement's
    comment goes on its line or above it as `_line` decides, and fmt lines comments
    up only where they fit."""
    from bkrdsl.fmt import format_text_read

    return format_text_read(_body(s), "<bkrc init>", read_as=name)


def _site_roles(s: Starter) -> tuple[tuple[str, str], ...]:
    """(role, ID) of the site's own Backup Manager machines the file declares; () for IBM's."""
    return s.site_machines.roles if s.site_machines is not None else ()


def _first_worker(s: Starter) -> str:
    """The first worker's ID, as the compile names it from the worker pattern (BKRWRK01)."""
    from bkrdsl.resolve.model import worker_ids

    return worker_ids(s.machine("worker") or "BKRWRK*", 1)[0]


def _imports(s: Starter) -> str:
    """The imports, and Backup Manager's machines: IBM's, from std/backup-manager, or
    the site's own, found in its directory (`SiteMachines`), declared with their roles."""
    release = f"import std/{s.release}  # {release_name(s.release)}'s own user IDs, each single or identity\n"
    roles = _site_roles(s)
    if not roles:
        return "import std/backup-manager  # BKRBKUP, BKRCATLG, BKRWRKnn, BKRADMIN, 5697J06C\n" + release
    from bkrdsl.resolve.model import SINGLE_ROLES

    found = s.site_machines
    named = dict(roles)
    whose = s.roster.directory if s.roster else "the directory"
    workers = named["worker"]
    said = (
        f"Backup Manager's machines under {whose}'s names, not IBM's (BKRBKUP, BKRCATLG, BKRWRKnn, BKRADMIN):"
        f" the entries of the site's own that link a disk of {found.owner}, its installation user, in their"
        " own statements or a SUBCONFIG (bkrc takes an ID that"
        f" `{BACKUP_MANAGER_OWNER}` matches, IBM's product number 5697-J06, for that user, and the links for"
        f" its machines': an assumption, unconfirmed). `{workers}` names the workers, IDENTITYs of one"
        f" ID numbered from 01; of the two other IDENTITYs, {named['catalog-server']} is taken for the catalog"
        f" server, its ID saying so, and {named['backup-server']} for the backup server: guessed, check them"
        " (swapped, the compiled EXECs would send the jobs to the catalog server)."
    )
    if "admin" in named:
        said += f" {named['admin']}, the one USER that links them, is the administrator."
    lines = []
    for role, machine in roles:
        kind = "single" if role in SINGLE_ROLES else "identity"
        mark = "guessed: check the role" if role in ("backup-server", "catalog-server") and found.guessed else ""
        lines.append(_line("", f"{kind} user {machine} role {role}", f"# {mark}" if mark else ""))
    return release + "\n" + _comment(said, mark="##") + "".join(lines)


def _body(s: Starter) -> str:
    """The cluster file before `bkrc fmt`'s layout."""
    shared, private = _placed_volumes(s)
    members = "".join(_member(s, n, m, private[m]) for n, m in enumerate(s.members))
    if s.tape:
        full_target = "to tape  # Tape Manager's shared catalog, above"
    else:
        full_target = f"to disk pool {DISK_POOL}  # your backup disk pool"
    count = f"{len(s.members)} member" + ("s" if len(s.members) != 1 else "")
    body = (
        _comment(
            f"The backups of the z/VM SSI cluster {s.cluster}, for IBM Backup and Restore Manager for"
            " z/VM: a first file from `bkrc init`. A comment that says `your ...` marks a placeholder:"
            " write your site's own name or number in its place"
            + (
                "; one that says `guessed` a name taken from the site's directory, to check"
                if s.guessed_volumes or _site_roles(s)
                else ""
            )
            + ". Then run `bkrc check` on this file,"
            " and `bkrc compile FILE -o DIR` to write every member's files. bkrdsl's docs/init.md"
            " explains this file, docs/language.md each statement, `bkrc explain CODE` each diagnostic."
        )
        + _imports(s)
        + "\n"
        + _comment(
            f"The SSI cluster {s.cluster}: {count}, one shared catalog, expiry on {s.purging_on}.", mark="##"
        )
        + f"cluster {s.cluster} {{\n"
        + _comment(
            "One block per member, named as SYSTEM CONFIG names it. `workers` says how many worker"
            f" machines ({_first_worker(s)}, ...) run on it; `private-volume` names a DASD volume that only"
            " it uses, which holds its own instances of the IDENTITY machines' minidisks"
            f" ({s.machine('backup-server')}, {s.machine('catalog-server')}, the workers)."
            + _subconfigs_said(s),
            "  ",
        )
        + members
        + "\n"
        + _comment(
            ("DASD volumes" if shared else "A DASD volume")
            + " every member shares, for the minidisks of the single-configuration machines"
            f" ({', '.join(i for r, i in s.backup_machines if r in ('admin', 'installation'))}, {s.catalog_server}).",
            "  ",
        )
        + (
            _line("  ", f"shared-volume {' '.join((s.shared_volume, *shared))}", s._from_directory(s.shared_volume))
            if s.shared_volume
            else f"  shared-volume {SHARED_VOLUME}  # your volume label\n"
        )
        + "\n"
        + _comment(
            "One catalog for the whole cluster, kept by an SFS file pool server of its own: a"
            " single-configuration machine, which logs on to one member" + _catalog_said(s),
            "  ",
        )
        + _line("  ", f"catalog shared server {s.catalog_server} pool {s.catalog_pool} on {s.catalog_on}", _catalog_pool_said(s))
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
        + _groups(s)
        + "\n"
        + _comment(
            "A full backup of the single-configuration users once a week, and an incremental one"
            " (what changed since) the other nights, both always from the same member: from"
            " several, the same minidisks would be backed up several times. The exclude keeps"
            " addresses 0190, 019D and 019E out of every user's range: in most entries they are"
            " links to MAINT's CMS disks, not the user's own (docs/language.md, job)."
            + (
                " The directory's V-DISKs and T-DISKs in the range are excluded too: CP gives them"
                " empty at each logon, nothing worth restoring (BKR516)."
                if s.temporary_disks
                else ""
            ),
            "  ",
            "##",
        )
        + _weekly_pair(
            (FULL_JOB, SINGLE_INCREMENTAL_JOB),
            s.single_group,
            "    include minidisk * 0100-0FFF  # your minidisk addresses\n"
            + _extra_includes(s, s.single_extra, "0100-0FFF")
            + _full_job_excludes(s),
            (f"    {full_target}\n", f"    to disk pool {DISK_POOL}  # your backup disk pool\n"),
            f"{s.members[0]}",
            "02:00",
        )
        + _identity_job(s)
        + _global_job(s)
        + "}\n"
    )
    return body


def _member(s: Starter, index: int, name: str, private: Sequence[str]) -> str:
    """A member's block: on one line (`member VMSYS1 { workers 2  private-volume M1PRV1 }`),
    or, with the `subconfig` statements that keep the directory's SUBCONFIG names
    (`Starter.site_subconfigs`), one statement a line, the volume's comment on its own."""
    volume = f"private-volume {' '.join(private)}"
    said = s.volume_of(index)[1]
    kept = s.subconfigs_of(name)
    if not kept:
        return _line("  ", f"member {name} {{ workers {s.workers_of(index)}  {volume} }}", said)
    return (
        f"  member {name} {{\n"
        f"    workers {s.workers_of(index)}\n"
        + _line("    ", volume, said)
        + "".join(f"    subconfig {machine} {sub}\n" for machine, sub in kept)
        + "  }\n"
    )


def _subconfigs_said(s: Starter) -> str:
    """The sentences on the `subconfig` statements the member blocks write, and on the
    instances whose SUBCONFIG name no statement can keep (`SiteSubconfigs`); "" for none."""
    found = s.site_subconfigs
    if found is None or not (found.named or found.unattributed):
        return ""
    whose = s.roster.directory if s.roster else "the directory"
    said = ""
    if found.named:
        machine, sub = found.named[0][1][0]
        said += (
            f" `subconfig` keeps the name {whose} gives an instance's SUBCONFIG where it is not the"
            f" compile's own (the machine's ID and the member's number): `subconfig {machine} {sub}`"
            " builds that member's instance from the SUBCONFIG that holds its minidisks (BKR529)."
        )
    if found.unattributed:
        on: dict[tuple[str, str, str], list[str]] = {}
        for machine, member, sub, how in found.unattributed:
            on.setdefault((machine, sub, how), []).append(member)
        listed = "; ".join(
            f"{machine} on {_listed_plain(members)} from {sub} ({how})" for (machine, sub, how), members in on.items()
        )
        said += (
            f" No `subconfig` statement can keep these, as no one SUBCONFIG is that instance's alone: {listed}."
            " `bkrc check --directory` stops on them (BKR529): give each instance a SUBCONFIG of its own in"
            f" {whose}, one `BUILD ON member USING SUBCONFIG name` per member, then declare"
            " `subconfig MACHINE NAME` in that member's block (`bkrc check --fix --directory` writes it)."
        )
    return said


def _identity_job(s: Starter) -> str:
    """The job on each member (`INCREMENTAL_JOB`) that backs up the IDENTITY users'
    0191, less the global ones `GLOBAL_JOB` backs up; "" when every user the group
    lists has a global one (`Starter.only_global`)."""
    if s.only_global:
        return ""
    return (
        "\n"
        + _comment(
            "A full backup of the IDENTITY users once a week, and an incremental one the other"
            " nights: each job runs on every member, by that member's own backup server under its"
            f" own name ({_derived_names(s)}). Keep their names to five characters at most: the"
            f" worker tasks of each member's copy are named by its first six ({INCREMENTAL_JOB}1:"
            f" {INCREMENTAL_JOB}100, {INCREMENTAL_JOB}101, ...), so the members' stay apart (BKR227)." + _partly_said(s),
            "  ",
            "##",
        )
        + _weekly_pair(
            (IDENTITY_FULL_JOB, INCREMENTAL_JOB),
            s.identity_group,
            f"    include minidisk * {IDENTITY_JOB_ADDRESS:04X}  # your minidisk addresses\n"
            + _extra_includes(s, s.identity_extra, f"{IDENTITY_JOB_ADDRESS:04X}")
            + _partial_includes(s)
            + "".join(
                _line(
                    "    ",
                    f"exclude minidisk {user} {IDENTITY_JOB_ADDRESS:04X}",
                    f"# global: {GLOBAL_FULL_JOB} and {GLOBAL_JOB}, below",
                )
                for user in s.global_a_disks
            )
            + "".join(
                _line("    ", f"exclude minidisk {user} {IDENTITY_JOB_ADDRESS:04X}", "# a V-DISK or T-DISK: empty at each logon")
                for user in s.identity_temporary
            ),
            (f"    to disk pool {DISK_POOL}  # your backup disk pool\n",) * 2,
            "each member",
            "03:30",
        )
    )


def _weekly_pair(
    names: tuple[str, str], group: str, selection: str, targets: tuple[str, str], on: str, time: str
) -> str:
    """A group's two jobs, the same selection in each: `names[0]` a full backup weekly
    on `FULL_DAY`, `names[1]` an incremental one on the `INCREMENTAL_DAYS`, both at
    `time` on the same members (`on`), to `targets` (full, incremental)."""
    full, incremental = names
    return (
        f"  job {full} {{\n"
        f"    backup {group} full\n"
        + selection
        + targets[0]
        + f"    run on {on} weekly {FULL_DAY} {time}  # your schedule\n"
        "  }\n"
        f"  job {incremental} {{\n"
        f"    backup {group} incremental\n"
        + selection
        + targets[1]
        + "    # your schedule: the nights the full backup does not run\n"
        f"    run on {on} weekly {','.join(INCREMENTAL_DAYS)} {time}\n"
        "  }\n"
    )
