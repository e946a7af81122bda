"""Tape Manager for z/VM node definitions, one file per member, when tape is shared.

SSI rule 7: backups to tape need Tape Manager with one catalog shared by the
cluster. Every member runs a Tape Manager node: the catalog node on the member
the .bkr file names, request nodes on the others. Each node's SYS CONFIG file
defines itself (`Define_Local_Node`) and its partners (`Define_Remote_Node`):
the catalog node every request node, each request node the catalog node.

The generated file is a fragment to copy into that SYS CONFIG. Two operands
are the site's, never bkrc's: the Challenge_Password (a shared secret) and the
nodes' host names; they are written as visible `<...>` placeholders.

Node names: the member's name. A member name is 1-8 letters and digits (the
SSI statement's rule, BKR302), which Tape Manager's Node_Name takes as it is
("any name composed of up to 12 alpha-numeric characters", Define_Local_Node),
and no two members share one, so no two nodes do.
"""

from __future__ import annotations

from bkrdsl import ast
from bkrdsl.dialect import Dialect
from bkrdsl.emit.common import (
    TAPE_CONFIG,
    Artifact,
    Reading,
    header_texts,
    lines_to_text,
    member_path,
    wrap,
)
from bkrdsl.emit.destination import goes_to
from bkrdsl.generated import MAX_COLUMNS
from bkrdsl.resolve.model import MemberModel, Model

TAPE_FILENAME = "TMNODES"


def tape_in_use(model: Model) -> bool:
    tape = model.tape
    return tape is not None and tape.scope is ast.Scope.SHARED and tape.catalog_member is not None


def _comments(layout: str, texts: list[str]) -> list[str]:
    """Comment lines in the table's `tape_config_comment` layout."""
    frame = len(layout.format(text=""))
    out = []
    for text in texts:
        out.extend(layout.format(text=line) for line in wrap(text, MAX_COLUMNS - frame))
    return out


def tape_config(model: Model, member: MemberModel, source: str, dialect: Reading) -> str:
    """The file's text, read from the table through `dialect`, the file's own
    reading (its path's file type read through it first): the header, made
    last, names what it read that is assumed."""
    tape = model.tape
    is_catalog = member.name == tape.catalog_member
    role = "the catalog node" if is_catalog else "a request node"
    operands = (
        "Define_Local_Node also takes the Tcpip_Machine, Host_Name and Host_Addr operands"
        " (see Tape Manager's Define_Local_Node), which bkrc does not write."
    )
    if is_catalog:
        operands += (
            " IBM's Node Definition example for a Shared Catalog Implementation leaves"
            " Tcpip_Machine and Host_Name out of the catalog node's Define_Local_Node and"
            " gives it Host_Addr 0.0.0.0, the default IP address of the system it starts on."
        )
    # Each node type read where it is written: the header names only those the file holds.
    local = dialect.text(
        "tape_local_operands",
        name=member.name,
        type=dialect["tape_node_catalog" if is_catalog else "tape_node_request"],
        status=dialect["tape_initial_status"],
        password=dialect["tape_password_placeholder"],
    )
    lines = [f"{dialect['tape_local_node']} {local}"]
    partners = [m for m in model.members if (m.name != member.name) and (is_catalog or m.name == tape.catalog_member)]
    for partner in partners:
        remote = dialect.text(
            "tape_remote_operands",
            name=partner.name,
            type=dialect["tape_node_request" if is_catalog else "tape_node_catalog"],
            host=dialect.text("tape_host_placeholder", member=partner.name),
        )
        lines.append(f"{dialect['tape_remote_node']} {remote}")
    header = _comments(
        dialect["tape_config_comment"],  # read before the note is made, which it frames
        [
            *header_texts(
                source,
                f"Tape Manager node definitions of member {member.name}, {role} of the shared"
                f" tape catalog. Copy these lines into {goes_to(model, TAPE_CONFIG, member.name)}, and there"
                " replace each <...> with the site's value (the same challenge password on every node).",
            ),
            operands,
            *dialect.note(),
        ],
    )
    return lines_to_text([*header, *lines])


def tape_configs(model: Model, source: str, dialect: Dialect) -> list[Artifact]:
    if not tape_in_use(model):
        return []
    out = []
    for m in model.members:
        reads = Reading(dialect)  # the file's own: its name's file type is read through it too
        path = member_path(m.name, TAPE_FILENAME, reads["tape_config_filetype"])
        out.append(Artifact(path, tape_config(model, m, source, reads), TAPE_CONFIG, m.name, goes_to=goes_to(model, TAPE_CONFIG, m.name)))
    return out
