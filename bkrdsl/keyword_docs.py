"""What each keyword of the .bkr language means, in a sentence: written down once.

Hover in the language server shows it (`bkrc lsp`, on a keyword), and
docs/keywords.md is generated from it (`python -m bkrdsl.keywords --write`, with
the TextMate grammar and the Vim syntax). A test holds its keys to the grammar's
keywords (`bkrdsl.keywords.keywords()`), so a new keyword needs its sentence here.
docs/language.md explains each statement in full.
"""

from __future__ import annotations

#: keyword -> (the statement it belongs to, what it means). Plain English, short.
SUMMARIES: dict[str, tuple[str, str]] = {
    "as": (
        "link",
        "`link BKRBKUP 5697J06C 05E5 as 0395 RR`: the address the machine links the disk at (default: the owner's).",
    ),
    "at": ("disk", "`on VOL at START`: the cylinder or block where the minidisk starts on its volume."),
    "backup": ("job", "The groups or users a job backs up, then the level: `backup APPS full`."),
    "catalog": ("cluster", "Where Backup Manager keeps its catalog: `shared` (one for the cluster) or `local`."),
    "catalog-dmm": ("tape", "The catalog node's Device Manager Machine, a USER on the catalog node's member."),
    "catalog-node": ("tape", "The Tape Manager Machine of the catalog node, and the member it logs on to."),
    "cluster": ("file", "The SSI cluster: its members, catalog, expiry, tape, disks, groups and jobs."),
    "daily": ("schedule", "Run every day at the time given: `daily 02:00`."),
    "days": ("expire", "The unit of `retain N days`: how many days backups stay in the catalog."),
    "description": (
        "cluster, member, job",
        (
            "Free text about the block. A job's heads its template and names it in BKRSUBMT's list;"
            " a cluster's or a member's is for the reader of the file."
        ),
    ),
    "disk": (
        "cluster, target",
        (
            "A minidisk for a product machine's directory entry, `disk USER ADDR size N UNIT`; in a job,"
            " `to disk` backs up to disk."
        ),
    ),
    "each": ("placement", "`on each member`: one job (or expiry) per member, each on its own member."),
    "exclude": ("job, member", "Leave minidisks or SFS paths out of a backup: `exclude minidisk * 0190`."),
    "expire": ("cluster", "When the catalog's old backups are previewed and purged, and on which member."),
    "first": ("schedule", "`monthly first sun 02:00`: on the month's first such weekday (days 1 to 7)."),
    "fourth": ("schedule", "`monthly fourth sun 02:00`: on the month's fourth such weekday (days 22 to 28)."),
    "full": ("backup", "A full backup: every selected file, whether it changed or not."),
    "group": ("file, cluster", "A named list of users of one kind, `single` or `identity`, that jobs back up."),
    "identity": (
        "user, group",
        "IDENTITY users (multiconfiguration): one instance on every member, each with its own minidisks.",
    ),
    "import": ("file", "Read another module's users and groups: `import std/zvm73`, `import ./site/linux`."),
    "include": ("job", "Select minidisks or SFS paths to back up: `include minidisk * 0191`."),
    "incremental": ("backup", "An incremental backup: only what changed since an earlier backup."),
    "job": ("cluster", "A backup job: what it backs up, where to, and when and on which member it runs."),
    "job-suffix": ("member", "The end of IDENTITY jobs' names on this member (default: its number)."),
    "last": ("schedule", "`monthly last sat 22:00`: on the month's last such weekday (one of its last seven days)."),
    "local": ("catalog, tape", "One catalog on each member, not shared by the cluster."),
    "logon-wait": (
        "catalog",
        (
            "How long BKRSTART waits for the catalog's SFS server to log on: `logon-wait 2 minutes`"
            " (default 60 seconds)."
        ),
    ),
    "manager": ("tape", "`tape manager`: Tape Manager for z/VM, for backups to tape."),
    "manual": ("schedule", "No schedule: the job runs only when someone submits it."),
    "match": ("group", "A pattern of user IDs the group covers: `match LNXAPP*`."),
    "member": (
        "cluster, placement",
        "One member of the SSI cluster: its workers, private volumes and job suffix; `on each member`: all of them.",
    ),
    "minidisk": ("include, exclude", "Select minidisks: the owner (ID or pattern), then addresses or ranges."),
    "monthly": (
        "schedule",
        (
            "Run once a month, on the day (or the Nth weekday) and at the time given: `monthly 1 02:00`,"
            " `monthly last-day 23:00` (the month's last day), `monthly first sun 02:00`."
        ),
    ),
    "on": (
        "placement, catalog, tape, disk",
        (
            "Which member runs it (`on VMSYS1`, `on each member`), the member a catalog server or Tape Manager"
            " catalog node logs on to, or a disk's volume."
        ),
    ),
    "pool": ("catalog, target", "A file pool: the catalog's SFS file pool, or the pool a job backs up to."),
    "pool-wait": (
        "catalog",
        (
            "How long BKRSTART then waits for the SFS server's file pool to serve: `pool-wait 10 minutes`"
            " (default 3 minutes)."
        ),
    ),
    "preview": ("expire", "List what expiry would remove (`EXPIRE (PREVIEW`), without removing it."),
    "private-volume": ("member", "Volumes only this member uses: its IDENTITY machines' minidisks go there."),
    "purge": (
        "expire",
        "Remove expired backups from the catalog (`EXPIRE (PURGE`): on one member only with a shared catalog.",
    ),
    "request-dmm": ("tape", "The request nodes' Device Manager Machine, an IDENTITY on their members."),
    "request-node": ("tape", "The Tape Manager Machine of the request nodes, on every other member."),
    "retain": ("expire", "How long backups stay in the catalog: `retain 35 days`."),
    "role": ("user", "What a product machine is for (`role backup-server`, `role worker`...)."),
    "run": ("job", "Where and when the job runs: `run on VMSYS1 daily 02:00`."),
    "second": ("schedule", "`monthly second tue 01:00`: on the month's second such weekday (days 8 to 14)."),
    "server": ("catalog", "The catalog's SFS file pool server: a single-configuration user when shared."),
    "sfs": ("include, exclude", "Select SFS paths, `POOL:USER.DIR` as CMS writes them."),
    "shared": ("catalog, tape", "One catalog for the whole cluster (recommended; Tape Manager needs it)."),
    "shared-volume": ("cluster", "Volumes every member reaches: single-configuration users' minidisks go there."),
    "single": (
        "user, group",
        "Single-configuration users (USER entries): logged on to one member at a time, minidisks on shared DASD.",
    ),
    "link": (
        "cluster",
        (
            "A CP LINK a product machine's directory entry keeps, `link BKRBKUP 5697J06C 05E5 RR`:"
            " the machine, the disk's owner and address, perhaps `as` another, and CP's link mode."
        ),
    ),
    "size": ("disk", "A minidisk's size: a number, then `cyl` (3390 cylinders) or `blk` (512-byte blocks)."),
    "subconfig": (
        "member",
        (
            "The SUBCONFIG a machine's instance on this member already has in the site's directory,"
            " `subconfig BKRBKUP BKRBKU-1`: the compile writes that name (default: the ID and the member's number)."
        ),
    ),
    "tape": ("cluster, target", "Tape: `tape manager` for Tape Manager for z/VM, `to tape` as a job's target."),
    "third": ("schedule", "`monthly third wed 01:00`: on the month's third such weekday (days 15 to 21)."),
    "to": ("job", "The job's target: `to disk [pool NAME]` or `to tape [pool NAME]`."),
    "user": ("file, cluster", "Declare users by ID or pattern, with their kind: `single user PMAINT`."),
    "weekly": ("schedule", "Run on the days of the week given: `weekly sat,sun 22:00`."),
    "workers": ("member", "How many worker machines (BKRWRK01...) run on this member, 1 to 64."),
}


def summary(keyword: str) -> tuple[str, str] | None:
    """(where the keyword is written, what it means), or None for a word that is no keyword."""
    return SUMMARIES.get(keyword.lower())


def page() -> str:
    """docs/keywords.md: every keyword, where it is written and what it means."""
    lines = [
        "<!-- Generated by `python -m bkrdsl.keywords --write` from bkrdsl/keyword_docs.py; do not edit. -->",
        "",
        "# Keywords",
        "",
        "Each keyword of the .bkr language in a sentence, as hover in the language",
        "server ([lsp.md](lsp.md)) shows it. [language.md](language.md) explains each",
        "statement in full.",
        "",
        "| keyword | in | meaning |",
        "|---|---|---|",
    ]
    lines += [f"| `{k}` | {where} | {text} |" for k, (where, text) in sorted(SUMMARIES.items())]
    return "\n".join(lines) + "\n"
