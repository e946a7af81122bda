"""Where each generated file goes on z/VM, and who uses it there: said once.

`goes_to` is the one wording of a file's destination. The manifest records it
(`goes_to` of each entry), README.TXT lists it, and the headers that say where
their file goes (a template's, an EXEC's, a directory entry's, a Tape Manager
file's) say it in these words, so no fact has two wordings. `used_by` is who
uses the file there, for README.TXT. Both are made from the model (the
members, the backup server, the Tape Manager node machines) and the file's
manifest kind; docs/deploy.md, "Where each file goes", says the same per kind.
"""

from __future__ import annotations

from bkrdsl.emit.common import (
    CHANGES,
    DIRECTORY,
    EXPIRE_EXEC,
    JOB_TEMPLATE,
    PROFILE_SNIPPET,
    README,
    SUBMIT_EXEC,
    TAPE_CONFIG,
)
from bkrdsl.generated import SUBMIT_FILE
from bkrdsl.resolve.model import Model

#: Where the folder's README goes: it is for the person who opens the folder.
OFF_THE_HOST = "nowhere: it stays off the host, like manifest.json"


def goes_to(model: Model, kind: str, member: str | None) -> str:
    """Where a file of this manifest kind, of this member, goes on z/VM: one
    short phrase (`the 191 disk of AUTOLOG1 on member VMSYS1`). Raises KeyError for a
    kind that has no destination: a new kind of file must say where it goes."""
    return _GOES_TO[kind](model, member)


def used_by(model: Model, kind: str, member: str | None) -> str:
    """Who uses a file of this kind there, and when (for README.TXT)."""
    return _USED_BY[kind](model, member)


def backup_server(model: Model) -> str:
    """The backup server's user ID (BKRBKUP unless the cluster names another)."""
    return model.backup_server or "BKRBKUP"


def tape_machine(model: Model, member: str) -> str:
    """The Tape Manager machine whose SYS CONFIG takes a member's node definitions."""
    tape = model.tape
    machine = tape.catalog_node if member == tape.catalog_member else tape.request_node
    return f"{machine} on {member}" if machine else f"the Tape Manager machine on {member}"


_GOES_TO = {
    JOB_TEMPLATE: lambda model, member: (
        f"the disk where {backup_server(model)} on member {member} reads job templates (assumed)"
    ),
    SUBMIT_EXEC: lambda model, member: (
        f"a disk private to member {member}, of the user who submits the jobs there"
    ),
    EXPIRE_EXEC: lambda model, member: (
        f"a disk private to member {member}, of the user whose scheduler runs it there"
    ),
    PROFILE_SNIPPET: lambda model, member: f"the 191 disk of AUTOLOG1 on member {member}",
    TAPE_CONFIG: lambda model, member: f"the SYS CONFIG file of {tape_machine(model, member)}",
    DIRECTORY: lambda model, member: (
        "the one source directory that every member's object directory is built from"
    ),
    README: lambda model, member: OFF_THE_HOST,
    CHANGES: lambda model, member: OFF_THE_HOST,
}

_USED_BY = {
    JOB_TEMPLATE: lambda model, member: (
        f"{backup_server(model)} on {member}, when {SUBMIT_FILE} submits the job"
    ),
    SUBMIT_EXEC: lambda model, member: "the site's scheduler (every minute) or an operator",
    EXPIRE_EXEC: lambda model, member: "the site's scheduler or an operator",
    PROFILE_SNIPPET: lambda model, member: "AUTOLOG1's PROFILE EXEC, at IPL",
    TAPE_CONFIG: lambda model, member: f"Tape Manager on {member}, copied in by hand",
    DIRECTORY: lambda model, member: "CP, at logon (loaded by DirMaint, else DIRECTXA)",
    README: lambda model, member: "whoever opens the folder",
    CHANGES: lambda model, member: "whoever deploys the folder, before the upload",
}
