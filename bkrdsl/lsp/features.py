"""What the language server answers, as pure functions of an analysed Document.

Hover, completion, definitions, references, rename and highlights, the
outline, formatting (and indentation as you type), code actions, inlay hints, folding ranges, workspace
symbols and the placement of diagnostics. Positions are 0-based (line, column
in code points); bkrdsl.lsp.server converts them to and from LSP types.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import os
import re
from collections.abc import Sequence
from dataclasses import field, replace
from pathlib import Path
from typing import NamedTuple

from bkrdsl import ast
from bkrdsl.ast import Kind
from bkrdsl.diagnostics import Diagnostic, Edit, Fix
from bkrdsl.lsp.document import (
    CLUSTER,
    GROUP,
    JOB,
    MEMBER,
    USER,
    VOLUME,
    Document,
    Occurrence,
    buffer_bytes,
    file_bytes,
)
from bkrdsl.records import dataclass
from bkrdsl.resolve.loader import ParsedModules, ScratchModules, imported_through
from bkrdsl.resolve.model import (
    LAST_DAY,
    ROLE_TEXT,
    ROLES,
    VolumeCapacity,
    description_of,
    is_pattern,
    parse_volume_size,
    volume_size_problem,
)
from bkrdsl.source import Source, Span, common_prefix
from bkrdsl.syntax import lexicon
from bkrdsl.syntax.reader import read_file

KIND_TEXT = {
    Kind.SINGLE: "single-configuration user (a USER entry: logged on to one member at a time)",
    Kind.IDENTITY: "IDENTITY user (multiconfiguration: one instance on every member)",
}
CODE_WORD = re.compile(r"BKR[0-9]{3}\b", re.IGNORECASE)
NAME_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789$#@_*%?+-:.")
#: What in a name Markdown reads as emphasis: any `*`, and a `_` at either end (one
#: between two letters or digits is text); the other signs of NAME_CHARS are text inside a line.
_MARKDOWN_SIGN = re.compile(r"\*|\A_|_\Z")


# ================================================================ shared helpers
def strong(text: str) -> str:
    """`text` in bold in a hover's Markdown, shown as written: `**LNX*Y*Z**` would show
    `Y` in italics and its stars gone, `**LNXAPP***` the star after the bold."""
    return "**" + _MARKDOWN_SIGN.sub(r"\\\g<0>", text) + "**"


#: The signs of the user's text that Markdown reads as marks wherever they are: a
#: backslash, emphasis, code, a link or an image, HTML or an entity, a table's cell,
#: GitHub's strikethrough.
_MARKDOWN_MARK = re.compile(r"[\\`*_\[\]<>&|~]")
#: ... and those it reads as marks at a line's start: a heading (`#`, or a setext
#: line of `=` or `-` under a paragraph), a list (`-`, `+`, `1.`, `1)`).
_MARKDOWN_LINE_MARK = re.compile(r"\A(?:\d+[.)]|[#=+-])")


def as_written(text: str) -> str:
    """The user's own text (a `description`, a `##` comment) in a hover's Markdown,
    shown as written: each sign Markdown would read as a mark escaped with a
    backslash, so that `*`, `_`, a backtick, `<b>` or `[x](y)` stay text, not
    emphasis, code, HTML or a link; each line's leading blanks dropped (four
    would start a code block)."""
    lines = (_MARKDOWN_MARK.sub(r"\\\g<0>", line.strip()) for line in text.split("\n"))
    return "\n".join(
        _MARKDOWN_LINE_MARK.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], line) for line in lines
    )


def user_text(text: str) -> list[str]:
    """The lines that add the user's own text to a hover: a paragraph of its own."""
    return ["", as_written(text)]


def where(doc: Document, span: Span) -> str:
    """`line N` in this document, else `file:N` (the file as `shown_path` shows it)."""
    if span.file == doc.name:
        return f"line {span.line}"
    return f"{shown_path(doc, span.file)}:{span.line}"


def _roots(doc: Document) -> tuple[str, ...]:
    """The folders the paths of `doc`'s messages are shown relative to: the workspace
    folders, deepest first; with none, the document's own folder (as `bkrc check`
    run beside the file names them)."""
    roots = doc.roots
    if not roots and os.path.isabs(doc.name):
        roots = (os.path.dirname(doc.name),)
    return tuple(sorted((os.path.normpath(r) for r in roots or ()), key=len, reverse=True))


def shown_path(doc: Document, file: str) -> str:
    """A file as the editor's messages name it: relative to the workspace folder that
    holds it, as `bkrc check` run in that folder names it (`site/common.bkr`);
    absolute for a file outside every workspace folder. A name that is no path
    (`std/zvm73.bkr`, an `untitled:` buffer) as it is. With no workspace folder, a
    file is shown relative to the document's folder."""
    if not os.path.isabs(file):
        return file
    inside = in_workspace(file, _roots(doc))
    if inside is not None:
        return inside
    if not doc.roots and os.path.isabs(doc.name):
        try:
            return os.path.relpath(file, os.path.dirname(doc.name))
        except ValueError:  # pragma: no cover - another drive on Windows
            pass
    return file


def in_workspace(file: str, roots: Sequence[str]) -> str | None:
    """`file` (an absolute path) relative to the deepest of `roots` that holds it; None
    when none does."""
    for root in sorted((os.path.normpath(r) for r in roots), key=len, reverse=True):
        if file.startswith(root.rstrip(os.sep) + os.sep):
            return os.path.relpath(file, root)
    return None


def shown_paths(doc: Document, text: str) -> str:
    """`text` (a diagnostic's message, a related place's label), each absolute path in
    it that lies in a workspace folder shown relative to it (`shown_path`): the
    loader names the files it reads as the pipeline was given them, and the server
    gives it absolute paths, so an import cycle read `import cycle:
    /home/me/ws/prod.bkr -> /home/me/ws/site/common.bkr -> ...` where `bkrc check`,
    run in the workspace folder, says `prod.bkr -> site/common.bkr -> prod.bkr`."""
    return relative_to(text, _roots(doc))


def relative_to(text: str, roots: Sequence[str]) -> str:
    """`text` with each absolute path in it under one of `roots` (folders) relative to
    the deepest that holds it (`shown_paths`)."""
    if os.sep not in text:
        return text
    for root in sorted((os.path.normpath(r) for r in roots), key=len, reverse=True):
        prefix = root.rstrip(os.sep) + os.sep
        if prefix in text:
            text = re.sub(r"(?<![\w./\\-])" + re.escape(prefix), "", text)
    return text


def contains(span: Span, line: int, column: int) -> bool:
    at = (line + 1, column + 1)
    return (span.line, span.column) <= at <= (span.end_line, span.end_column)


def _docs_by_place(doc: Document) -> dict[tuple[str, int], str]:
    """Doc comments of user and group declarations, keyed by the (file, offset) of each name."""
    out: dict[tuple[str, int], str] = {}
    model = doc.model
    if model is None:
        return out
    for module in model.modules:
        users = list(module.users) + [u for c in module.clusters for u in c.users]
        groups = list(module.groups) + [g for c in module.clusters for g in c.groups]
        for d in users:
            for w in d.names:
                if d.doc:
                    out[(w.span.file, w.span.start)] = d.doc
        for g in groups:
            if g.doc:
                out[(g.name.span.file, g.name.span.start)] = g.doc
    return out


# ================================================================ hover
def _pattern_statement(p) -> str:
    """The statement that declares the pattern `p` (`PatternDef`), as it is written:
    `identity user BKRWRK* role worker`, or the group whose `match` it is,
    `single group LINUX`."""
    if p.origin.startswith("group "):
        return f"`{p.kind.value} {p.origin}`"
    role = f" role {p.role}" if p.role else ""
    return f"`{p.kind.value} user {p.pattern}{role}`"


def _kind_written(doc: Document, kind_span: Span, kind: Kind) -> bool:
    """Whether a declaration's kind is written (`single group APPS`), not one the parser's
    recovery assumed where it was left out (`group APPS { ... }`, BKR004), whose span
    covers other words. Known in this document; one of an imported module is taken
    as written (its errors are shown at its import)."""
    if kind_span.file != doc.name:
        return True
    start, end = kind_span.start, kind_span.end
    edited = doc.edited  # one word retyped since the analysis, whose places are the text analysed's
    if edited is not None and start >= edited.start + len(edited.old):
        start, end = start + len(edited.new) - len(edited.old), end + len(edited.new) - len(edited.old)
    return doc.text[start:end].lower() == kind.value


#: What a hover says of a declaration whose kind is left out (BKR004).
KIND_NOT_WRITTEN = "its kind not written (`single` or `identity` goes first: BKR004)"


def _user_hover(doc: Document, name: str) -> list[str]:
    model = doc.model
    defs = model.user_defs_of(name)
    patterns = [p for p in model.pattern_defs if p.pattern == name]
    docs = _docs_by_place(doc)
    lines: list[str] = []
    if patterns:
        p = patterns[0]
        article = "an" if p.kind is Kind.IDENTITY else "a"
        lines.append(f"{strong(name)}: pattern; every user it matches is {article} {KIND_TEXT[p.kind]}")
        lines += [f"- declared by {_pattern_statement(q)} ({where(doc, q.span)})" for q in patterns]
        keys = [(q.span.file, q.span.start) for q in patterns]
        text = next((docs[k] for k in keys if k in docs), None)
        lines += _directory_matches(doc, p.pattern)
        if text:  # `## The worker machines...` above `identity user BKRWRK* role worker`
            lines += user_text(text)
        return lines
    kind = model.kind_of(name)
    if kind is None:
        return [f"{strong(name)}: a user ID bkrc knows nothing about"]
    written = [d for d in defs if _kind_written(doc, d.kind_span, d.kind)]
    if defs and not written:  # `group APPS { CICSPRD }`: the kind the recovery assumed is no one's
        lines.append(f"{strong(name)}: a user declared without its kind, which decides its directory entry")
    else:
        lines.append(f"{strong(name)}: {KIND_TEXT[kind]}")
    for d in defs:
        role = f", role `{d.role}`" if d.role else ""
        unwritten = d not in written
        if d.origin.startswith("group "):  # `single group LINUX { LNX01 }`
            group = d.origin.removeprefix("group ")
            said = f"listed in group `{group}`, {KIND_NOT_WRITTEN}" if unwritten else f"listed in {d.kind.value} group `{group}`"
        else:  # `identity user BKRBKUP role backup-server`
            said = f"declared without its kind{KIND_NOT_WRITTEN.removeprefix('its kind not written')}" if unwritten else f"declared {d.kind.value}"
        lines.append(f"- {said} ({where(doc, d.span)}){role}")
    if not defs:
        p = model.pattern_for(name)
        if p is not None:
            lines.append(f"- matched by `{p.pattern}` of {_pattern_statement(p)} ({where(doc, p.span)})")
            places = _worker_places(doc, name)
            if places:
                on = ", ".join(f"`{m}` ({where(doc, span)})" for m, span in places)
                lines.append(f"- a worker machine: the `workers` of {on}")
        else:
            role = model.machine_roles().get(name)
            what = ROLE_TEXT.get(role or "")
            if what:
                lines.append(f"- {what}: its place in the cluster gives its kind; bkrc writes its directory entry")
                named = _naming_places(model, name)
                lines += [f"- named by `{keyword}` ({where(doc, span)})" for keyword, span in named]
            else:
                lines.append(
                    "- not declared: its place in the cluster gives its kind (catalog server or Tape Manager node)"
                )
    lines += _directory_lines(doc, name)
    for d in defs:
        text = docs.get((d.span.file, d.span.start))
        if text:
            lines += user_text(text)
            break
    return lines


def _naming_places(model, name: str) -> list[tuple[str, Span]]:
    """(keyword, where) of each statement that makes a machine no group lists exist:
    a catalog that names it its SFS server, a `tape manager` that names it a node
    or a Device Manager Machine (the places go to definition leads to)."""
    found = [("catalog", c.server_span) for c in model.catalogs if c.server == name and c.server_span]
    found += [("tape manager", span) for t in model.tapes for m, span in t.machines() if m == name]
    return found


def _directory_lines(doc: Document, name: str) -> list[str]:
    """With the `directory` setting: the ID's entry in the site's CP directory, where
    it is, the members its BUILD statements name and its minidisks' addresses (its
    own and its SUBCONFIGs'), short; or that the directory has none."""
    directory = doc.directory
    if directory is None or not directory.readable:
        return []
    entry = directory.entry(name)
    if entry is None:
        return ["- site directory: no entry of this ID"]
    said = f"- site directory: {entry.kind} entry ({where(doc, entry.span)})"
    if entry.kind == "SUBCONFIG" and entry.follows:
        said += f", after IDENTITY `{entry.follows}`"
    if entry.builds:
        said += "; built on " + _capped([b.member for b in entry.builds])
    disks = directory.minidisks_of(entry)
    addresses = sorted({f"{d.address:04X}" + (f" ({d.form})" if d.temporary else "") for d in disks})
    return [said + ("; minidisks " + _capped(addresses) if addresses else "; no minidisks")]


#: How many of the directory's users a pattern's hover names, of each kind: a
#: first look at what it matches (BKR512 says when it matches none).
HOVER_MATCHES_MAX = 5


def _directory_matches(doc: Document, pattern: str) -> list[str]:
    """With the `directory` setting: how many of the site's users (USER and
    IDENTITY entries, as BKR512 counts them) a pattern matches, and the first
    few IDs of each kind, in the directory's order; nothing without it."""
    directory = doc.directory
    if directory is None or not directory.readable:
        return []
    return ["- site directory: " + _matched(directory.users_named((pattern,)))]


def _matched(entries) -> str:
    """`matches 2 users (2 USER: `LNXAPP01`, `LNXAPP02`)`: how many directory users,
    by kind, and the first few IDs of each; `matches no user`."""
    if not entries:
        return "matches no user"
    return f"matches {_users(len(entries))} ({_by_kind(entries, HOVER_MATCHES_MAX)})"


def _by_kind(entries, shown: int = 0) -> str:
    """`2 USER: `LNXAPP01`, `LNXAPP02`; 1 IDENTITY: ...`: how many directory users
    of each kind, and the first `shown` IDs of each (none: the counts alone)."""
    by_kind: dict[str, list[str]] = {"USER": [], "IDENTITY": []}
    for entry in entries:
        by_kind[entry.kind].append(entry.id)
    kinds = [(kind, ids) for kind, ids in by_kind.items() if ids]
    said = (f"{len(ids):,} {kind}" + (f": {_capped(ids, shown)}" if shown else "") for kind, ids in kinds)
    return "; ".join(said) or "none"


def _users(count: int) -> str:
    return f"{count:,} user{'s' if count != 1 else ''}"


def _group_directory_lines(doc: Document, group) -> list[str]:
    """With the `directory` setting: the directory users a group covers, by kind,
    each once however many of its patterns match it; what its named users and
    each pattern match; the users the directory gives the other kind (BKR510's
    error) and the named users it lacks (BKR511's). Nothing without it."""
    directory = doc.directory
    if directory is None or not directory.readable:
        return []
    from bkrdsl.check.directory import STATEMENT, kind_source  # (only with the setting: as the checks)

    named = directory.users_named(group.users)
    matched = {p: directory.users_named((p,)) for p in group.patterns}  # each pattern read once
    covered = list({e.id: e for part in (named, *matched.values()) for e in part}.values())
    lines = ["- site directory: the group " + _matched(covered).replace("matches", "covers", 1)]
    if len(group.patterns) + bool(group.users) > 1:  # what each part adds; one part is the total
        if group.users:
            found = f"{len(named):,} of {len(group.users):,}"
            lines.append(f"  - by ID: {found} in the directory ({_by_kind(named)})")
        lines += [f"  - `{p}`: " + _matched(users) for p, users in matched.items()]
    other_kind = [e for e in covered if e.kind != STATEMENT[group.kind]]
    # As BKR510 judges: by the kind the .bkr files give the user. One they declare
    # with the directory's kind elsewhere is the group pattern's conflict, BKR204's.
    sources = {e.id: kind_source(doc.model, e.id) if doc.model is not None else None for e in other_kind}
    declared = [e.id for e in other_kind if sources[e.id] is not None and STATEMENT[sources[e.id].kind] == e.kind]
    wrong = [e.id for e in other_kind if e.id not in declared]
    if declared:
        lines.append(
            f"- declared the other kind elsewhere, as the directory has them: {_capped(declared, HOVER_MATCHES_MAX)}"
            " (a pattern of the group matches them too: BKR204)"
        )
    if wrong:
        other = STATEMENT[Kind.SINGLE if group.kind is Kind.IDENTITY else Kind.IDENTITY]
        a = "an" if other == "IDENTITY" else "a"
        entries = f"{other} entries" if len(wrong) > 1 else f"{a} {other} entry"
        lines.append(
            f"- of the wrong kind for {'an' if group.kind is Kind.IDENTITY else 'a'} {group.kind.value} group:"
            f" {_capped(wrong, HOVER_MATCHES_MAX)}, {entries} in the directory (BKR510)"
        )
    absent = [u for u in group.users if directory.entry(u) is None or directory.entry(u).kind == "SUBCONFIG"]
    if absent:
        lines.append(f"- not a user of the directory: {_capped(absent, HOVER_MATCHES_MAX)} (BKR511)")
    return lines


#: How many of a group's users (and patterns) hover lists: a group of thousands
#: would fill the screen, and the outline and references list them all.
HOVER_LIST_MAX = 20


def _capped(names, limit: int = HOVER_LIST_MAX) -> str:
    """The first `limit` names, then how many more there are."""
    shown = ", ".join(f"`{n}`" for n in names[:limit])
    more = len(names) - limit
    return shown + (f" and {more:,} more" if more > 0 else "")


def _group_hover(doc: Document, name: str) -> list[str]:
    group = doc.model.group(name)
    if group is None:
        return []
    counted = f"{len(group.users)} user{'s' if len(group.users) != 1 else ''}"
    if group.patterns:
        counted += f", {len(group.patterns)} pattern{'s' if len(group.patterns) != 1 else ''}"
    what = f"{group.kind.value} group"
    if not _kind_written(doc, group.decl.kind_span, group.kind):  # `group APPS { ... }`: none assumed
        what = f"group, {KIND_NOT_WRITTEN}"
    lines = [f"{strong(name)}: {what} ({counted}), declared {where(doc, group.decl.name.span)}"]
    if group.users:
        lines.append("- users: " + _capped(group.users))
    if group.patterns:
        lines.append("- match: " + _capped(group.patterns))
    lines += _group_directory_lines(doc, group)
    if group.decl.doc:
        lines += user_text(group.decl.doc)
    return lines


def _member_hover(doc: Document, name: str) -> list[str]:
    model = doc.model
    member = model.member(name)
    if member is None:
        return [f"{strong(name)}: not a member of cluster `{model.name}`"]
    lines = [
        f"{strong(name)}: member {member.ordinal} of cluster `{model.name}`, declared {where(doc, member.decl.name.span)}"
    ]
    if member.workers is not None:
        workers = model.workers_of(member)
        shown = f" ({', '.join(workers)})" if workers else ""
        lines.append(f"- workers: {member.workers}{shown}")
    else:  # said, not left out: a member without workers never runs its jobs (BKR241)
        lines.append("- workers: none (no `workers` statement): its jobs would never run")
    if member.private_volumes:
        lines.append("- private volumes: " + ", ".join(member.private_volumes))
    lines.append(f"- job suffix: `{member.job_suffix}`")
    description = description_of(member.decl.settings)
    if description:
        lines += user_text(description)
    if member.decl.doc:
        lines += user_text(member.decl.doc)
    return lines


def _job_hover(doc: Document, name: str) -> list[str]:
    model = doc.model
    job = next((j for j in model.jobs if j.name == name), None)
    if job is None:
        return []
    kind = {Kind.SINGLE: "single-configuration users", Kind.IDENTITY: "IDENTITY users"}.get(
        job.kind, "mixed or unknown users"
    )
    # A group or user it backs up declared without its kind (`group APPS { ... }`,
    # BKR004): what the job is depends on the kind written, not the one assumed.
    unwritten = [
        r.word.upper
        for r in job.refs
        if (r.group is not None and not _kind_written(doc, r.group.decl.kind_span, r.group.kind))
        or (r.user is not None and not _kind_written(doc, r.user.kind_span, r.user.kind))
    ]
    if unwritten:
        kind = f"users whose kind is not written ({_id_list(tuple(unwritten))}: BKR004)"
    placed = (
        "on each member"
        if job.each_member
        else ("on " + ", ".join(job.members) if job.members else "nowhere yet")
    )
    unknown = _not_members(model, job.members)
    if unknown:  # `run on VMSYS01`: no member runs it there (BKR330)
        placed += f" ({unknown})"
    lines = [f"{strong(name)}: {job.level.value} backup of {kind}, runs {placed}"]
    derived = tuple(d for d in model.derived_names(job) if model.member(d[0]) is not None) if not unwritten else ()
    if derived:
        lines += ["", "| member | job name |", "|---|---|"] + [f"| {m} | `{n}` |" for m, n in derived]
    if job.description:
        lines += user_text(job.description)
    if job.decl.doc:
        lines += user_text(job.decl.doc)
    return lines


def _not_members(model, names) -> str:
    """The names of `names` no member block declares (`run on VMSYS01`, `expire on
    VMSYS01`, BKR330), said in a hover: "`VMSYS01` is not a member of cluster
    `PRODSSI`: BKR330"; "" when every name is a member's."""
    unknown = [n for n in names if model.member(n) is None]
    if not unknown:
        return ""
    verb = "is not a member" if len(unknown) == 1 else "are not members"
    return f"{', '.join(f'`{n}`' for n in unknown)} {verb} of cluster `{model.name}`: BKR330"


def _cluster_hover(doc: Document, name: str) -> list[str]:
    model = doc.model
    cluster = next((c for c in model.clusters if c.name.upper == name), None)
    if cluster is None:
        return []
    members = ", ".join(m.name for m in model.members) if cluster is model.cluster else ""
    lines = [f"{strong(name)}: SSI cluster" + (f" of {members}" if members else "")]
    description = description_of(cluster.settings)
    if description:
        lines += user_text(description)
    if cluster.doc:
        lines += user_text(cluster.doc)
    return lines


def _volume_hover(doc: Document, name: str) -> list[str]:
    """Whose volume it is (the cluster's, shared, or a member's own) and which disks are on it."""
    model = doc.model
    cluster = model.cluster
    lines: list[str] = []
    if cluster is not None:
        for s in cluster.settings:
            if s.keyword == "shared-volume" and any(w.upper == name for w in s.values):
                lines.append(
                    f"{strong(name)}: shared volume of cluster `{model.name}` (DASD every member reaches),"
                    f" declared {where(doc, s.span)}"
                )
        for m in cluster.members:
            for s in m.settings_named("private-volume"):
                if any(w.upper == name for w in s.values):
                    lines.append(
                        f"{strong(name)}: private volume of member `{m.name.upper}` (DASD only that member uses),"
                        f" declared {where(doc, s.span)}"
                    )
    if not lines:
        lines.append(f"{strong(name)}: a volume label that no `shared-volume` or `private-volume` declares")
    capacity = model.volume_sizes.get(name)
    if capacity is not None:
        lines.append(f"- size: {capacity.described()}, {capacity.words[:-1]} 0 to {capacity.last:,}")
    disks = [d for d in model.disks if d.volume is not None and d.volume.upper == name]
    if disks:
        lines.append("- disks placed on it with `on`: " + ", ".join(f"`{d.user.upper} {d.address.upper}`" for d in disks))
    else:
        lines.append("- no `disk` statement names it with `on`")
    default = _placed_without_on(model, name)
    if default:
        lines.append(f"- and with no `on` naming it, as the first {default[0]}: " + ", ".join(default[1]))
    return lines


def _placed_without_on(model, name: str) -> tuple[str, list[str]] | None:
    """The `disk` statements whose minidisks go on volume `name` with no `on` naming
    it (the rule of docs/language.md, "shared-volume and disk", by the kinds and
    members `Model.product_machines` gives): a single-configuration machine's
    without `on` on the first shared volume; an IDENTITY's instance on each
    member's first private volume, without `on` or where `on` names another
    member's private volume (`Model.places_instance` says which statement places it)."""
    machines = model.product_machines()
    shared = model.shared_volumes
    first_private = {m.private_volumes[0]: m.name for m in model.members if m.private_volumes}
    member = first_private.get(name)
    if shared and shared[0] == name:
        kind, what = Kind.SINGLE, "shared volume, of single-configuration machines"
    elif member is not None:
        kind, what = Kind.IDENTITY, f"private volume of `{member}`, of IDENTITY machines' instances there"
    else:
        return None
    private = model.private_volumes
    found = []
    for d in model.disks:
        if kind is Kind.SINGLE:
            here = d.volume is None and any(machines[o][0] is kind for o in model.disk_owners(d, machines))
        else:  # as the allocation reads it: another member's private volume places that member's instance only
            here = (d.volume is None or private.get(d.volume.upper) not in (None, member)) and any(
                machines[o][0] is kind and member in machines[o][1] and model.places_instance(d, o, member)
                for o in model.disk_owners(d, machines)
            )
        if here:
            found.append(f"`{d.user.upper} {d.address.upper}`")
    return (what, found) if found else None


_HOVERS = {
    VOLUME: _volume_hover,
    USER: _user_hover,
    GROUP: _group_hover,
    MEMBER: _member_hover,
    JOB: _job_hover,
    CLUSTER: _cluster_hover,
}


def explain(code: str) -> list[str]:
    from bkrdsl.diagnostics.registry import lookup

    entry = lookup(code)
    if entry is None:
        return []
    return [
        f"**{entry.code}** `{entry.name}` ({entry.severity.value}): {entry.summary}",
        "",
        entry.explanation.rstrip(),
    ]


def _word_at(doc: Document, line: int, column: int) -> tuple[int, int]:
    """Offsets of the run of name characters around a position."""
    at = doc.offset(line, column)
    start = end = at
    text = doc.text
    while start > 0 and text[start - 1] in NAME_CHARS:
        start -= 1
    while end < len(text) and text[end] in NAME_CHARS:
        end += 1
    return start, end


def _keyword_hover(doc: Document, line: int, column: int) -> tuple[list[str], Span] | None:
    """A keyword under the cursor: what it means (bkrdsl/keyword_docs.py, the text of
    docs/keywords.md). Not in a comment or a string, nor on a value spelled like a
    keyword (a volume label `FULL`)."""
    from bkrdsl.keyword_docs import summary

    start, end = _word_at(doc, line, column)
    found = summary(doc.text[start:end])
    if found is None:
        return None
    line_start = doc.text.rfind("\n", 0, start) + 1
    if _in_comment_or_string(doc.text[line_start:start]) or _value_at(doc, start, end) is not None:
        return None
    where_, text = found
    word = doc.text[start:end].lower()
    span = Span(doc.name, line + 1, start - line_start + 1, line + 1, end - line_start + 1, start, end)
    return [f"{strong(word)} (keyword, in {where_}): {text}"], span


def _unresolved_names(module: ast.Module):
    """(word, place) for each word the module gives as a name that the index may not
    hold: one nothing declares (`backup FULL` with no group or user `FULL`, a
    minidisk's owner), and roles, which the product defines."""
    clusters = module.clusters
    for job in (j for c in clusters for j in c.jobs):
        yield from ((w, "backup") for b in job.backups for w in b.groups)
    selections = [s for c in clusters for m in c.members for s in m.selections]
    selections += [s for c in clusters for j in c.jobs for s in j.selections]
    yield from ((s.owner, "owner") for s in selections if s.owner is not None)
    for decl in [*module.users, *(u for c in clusters for u in c.users)]:
        if decl.role is not None:
            yield decl.role, "role"
    lists = [s for c in clusters for s in c.settings if s.keyword == "shared-volume"]
    lists += [s for c in clusters for m in c.members for s in m.settings if s.keyword == "private-volume"]
    for setting in lists:
        yield from ((size.size, f"size of {size.label.upper}") for size in setting.sizes)


def _name_hover(doc: Document, start: int, end: int) -> tuple[list[str], Span] | None:
    """The cursor is on a word the file gives as a name that no declaration resolves
    (or a role): what it is in that place, not the keyword it may be spelled like."""
    main = doc.analysis.program.main
    found = None if main is None else _covering(_unresolved_names(main), doc, start, end)
    if found is None:
        return None
    word, place = found
    s = word.span
    if place == "role":
        role = word.text.lower()
        what = ROLE_TEXT.get(role) if role in ROLES else None
        return [f"{strong(role)}: a role, {what}" if what else f"{strong(role)}: a role, but not one the product defines"], s
    if place.startswith("size of "):
        return [_size_hover(word, place.removeprefix("size of "))], s
    name = word.upper
    pattern = doc.model.pattern_for(name) if doc.model is not None and place == "owner" else None
    if place == "backup":
        text = f"{strong(name)}: the name of a group or a user ID, as `backup` takes it; no group or user of that name is declared"
    elif name == "*":
        text = f"**\\***: the minidisks of every user {_star_owners(doc, word)} (the owner of a minidisk selection)"
    elif is_pattern(name):
        text = f"{strong(name)}: a pattern of the owners of the minidisks selected: every user ID it matches"
        return [text, *_owner_pattern_lines(doc, word)], s
    elif pattern is not None:
        text = (
            f"{strong(name)}: the user ID that owns the minidisks selected, matched by `{pattern.pattern}`"
            f" of {_pattern_statement(pattern)}"
        )
    else:
        text = f"{strong(name)}: the user ID that owns the minidisks selected; no user of that name is declared"
    return [text], s


def _owner_pattern_lines(doc: Document, word: ast.Word) -> list[str]:
    """Whom a minidisk selection's owner pattern selects (`include minidisk LNX* 0191`):
    the users and `match` patterns of its job, or of a member block's single-configuration
    jobs, that the templates name for it (`_owner_selects`), or that it selects none."""
    model = doc.model
    if model is None:
        return []
    for s, job, member in _selection_places(model):
        if s.owner is word:
            break
    else:
        return []
    if job is not None:
        jobs, whose = [job], f"job `{job.name}` backs up"
    else:
        jobs = [j for _, j in model.member_jobs(member.name) if j.takes_member_excludes]
        if not jobs:
            return [f"- no single-configuration job runs on `{member.name}`: it selects no one there"]
        whose = f"the single-configuration jobs on `{member.name}` ({_id_list(tuple(j.name for j in jobs))}) back up"
    selected = _owner_selects(doc, s, jobs)
    if not selected:
        return [f"- selects none of the users {whose}" + (" (BKR406)" if job is not None else "")]
    return [f"- of the users {whose}, it selects {_capped(selected)}"]


def _workers_hover(doc: Document, start: int, end: int) -> tuple[list[str], Span] | None:
    """The cursor is on the number of a member's `workers N`: the worker machines that
    number makes on that member (`Model.workers_of`, as the inlay hint and definition
    of a worker give them), the pattern or user that names them, and their kind: an
    IDENTITY's instance on this member is its SUBCONFIG (`Model.subconfigs`), a
    single-configuration user has none. Nothing where a syntax error leaves the
    member's workers unknown (`_unknown_after_syntax_errors`, as inlay hints)."""
    model = doc.model
    if model is None:
        return None
    for member in model.members:
        settings = member.decl.settings_named("workers")
        if not settings or not settings[0].values:
            continue
        word = settings[0].values[0]
        s = word.span
        if s.file == doc.name and s.start <= start and end <= s.end:
            break
    else:
        return None
    everything, _, broken_members = _unknown_after_syntax_errors(doc)
    if everything or id(member.decl) in broken_members:
        return None
    ids = model.workers_of(member)
    head = f"{strong(word.text)}: the number of worker machines on member `{member.name}`"
    if not ids:
        if member.workers is None:  # `workers x`: BKR316
            return [f"{head}, but not a whole number: bkrc names no worker machine"], s
        if member.workers:  # no pattern nor user with the role `worker`
            why = "no user or pattern is declared with `role worker` (`std/backup-manager` declares `BKRWRK*`)"
            return [f"{head}; bkrc names none: {why}"], s
        return [f"{head}: it runs none"], s
    lines = [f"{head}: {_id_list(ids)}"]
    patterns = model.role_patterns("worker")
    if patterns:
        p = patterns[0]
        numbered = f"its `*` numbered 01 to {len(ids):02d}" if len(ids) > 1 else "its `*` numbered 01"
        lines.append(f"- named by the pattern `{p.pattern}` with `role worker` ({where(doc, p.span)}), {numbered}")
    else:
        user = model.user(ids[0])
        place = f" ({where(doc, user.span)})" if user is not None else ""
        lines.append(f"- the one user declared with `role worker`{place}, whatever the number")
    kind = model.kind_of(ids[0])
    if kind is Kind.IDENTITY:
        here = [sub for machine, m, sub in model.subconfigs() if m.name == member.name and machine in ids]
        on = f": on `{member.name}` (member {member.ordinal}), SUBCONFIG {_id_list(tuple(here))}" if here else ""
        lines.append(f"- IDENTITY users, one directory entry each with a SUBCONFIG for each member that runs it{on}")
    elif kind is not None:
        lines.append(f"- {KIND_TEXT[kind]}: no SUBCONFIG")
    return lines, s


def _subconfig_statements(doc: Document):
    """(member, its block, the statement) for each `subconfig` statement of the
    document's member blocks; `member` the MemberModel compiled under the block's name."""
    model = doc.model
    if model is None or model.cluster is None:
        return
    for m in model.members:
        if m.decl.span.file != doc.name:
            continue
        for setting in m.decl.settings_named("subconfig"):
            yield model.member(m.name), m.decl, setting


def _subconfig_hover(doc: Document, at: int) -> tuple[list[str], Span] | None:
    """The cursor is on the machine or the name of a member's `subconfig BKRBKUP
    BKRBKU-1`: the SUBCONFIG it names, whose instance (the machine, the member and its
    number, the machine's role), what the compile writes of it (the BUILD statement in
    the machine's IDENTITY entry, `cluster/BKRBKUP.DIRECT`, and the SUBCONFIG's own
    entry, `cluster/BKRBKU-1.DIRECT`, as the dialect table names the files), the name
    bkrc writes without the statement, and with the `directory` setting the site
    directory's BUILD statement for that instance; or why the statement names none (a
    machine that runs no IDENTITY instance on the member, BKR340; a second statement
    for one machine, BKR115; a member's second block, BKR322)."""
    from bkrdsl.generated import CLUSTER_FOLDER
    from bkrdsl.resolve.model import subconfig_id

    for member, decl, setting in _subconfig_statements(doc):
        hit = next((w for w in setting.values if w.text and w.span.start <= at <= w.span.end), None)
        if hit is not None:
            break
    else:
        return None
    machine_word = setting.values[0]
    name_word = setting.values[1] if len(setting.values) > 1 and setting.values[1].text else None
    machine = machine_word.upper
    model = doc.model
    if member is None or not machine:
        return None
    name = name_word.upper if name_word is not None else None
    head = f"**SUBCONFIG `{name}`**" if name else f"{strong(machine_word.text)}: `subconfig` without a name"
    if decl is not member.decl:
        said = f"{head}: in a second block of member `{member.name}` (BKR322): the compile reads the first"
        return [f"{said} ({where(doc, member.decl.span)}), not this one"], hit.span
    if all(mach != machine for mach, m, _ in model.subconfigs() if m is member):
        said = f"{head}: `{machine}` runs no IDENTITY instance on `{member.name}`"
        return [f"{said}, so the statement names no SUBCONFIG the compile writes (BKR340)"], hit.span
    first = next(s for s in decl.settings_named("subconfig") if s.values and s.values[0].upper == machine)
    own = subconfig_id(machine, member.ordinal)
    role = ROLE_TEXT.get(model.machine_roles().get(machine, ""), "a product machine")
    if first is not setting:
        written = first.values[1].upper if len(first.values) > 1 and first.values[1].text else own
        said = f"{head}: a second `subconfig` for `{machine}` in member `{member.name}`'s block (BKR115)"
        return [f"{said}: the compile writes the first's, `{written}` ({where(doc, first.span)})"], hit.span
    from bkrdsl.dialect import load_dialect

    filetype = (doc.dialect or load_dialect())["directory_filetype"]
    sid = name or own
    lines = [f"{head}: `{machine}`'s instance on `{member.name}` (member {member.ordinal}), {role}"]
    if name is None:
        lines.append(f"- no name written (BKR010): without the statement the compile writes bkrc's own, `{own}`")
    else:
        lines.append(
            f"- the compile writes `BUILD ON {member.name} USING SUBCONFIG {sid}` in IDENTITY `{machine}`'s"
            f" entry ({CLUSTER_FOLDER}/{machine}.{filetype}) and the SUBCONFIG's entry, the instance's"
            f" minidisks, in {CLUSTER_FOLDER}/{sid}.{filetype}"
        )
        if name == own:
            lines.append(
                "- bkrc's own name too (the ID and the member's number), kept by the statement when a member"
                " is added or removed before this one"
            )
        else:
            lines.append(f"- without this statement: `{own}`, bkrc's own name (the ID and the member's number)")
    directory = doc.directory
    if directory is not None and directory.readable:
        build = _directory_subconfig(doc, machine, member.name)
        entry = directory.entry(machine)
        if build is not None:
            same = "the same name" if build.subconfig == sid else "another name (BKR529)"
            lines.append(
                f"- site directory: `BUILD ON {build.member} USING SUBCONFIG {build.subconfig}`"
                f" ({where(doc, build.span)}): {same}"
            )
        elif entry is None:
            lines.append(f"- site directory: no entry `{machine}`")
        elif entry.kind != "IDENTITY":
            lines.append(f"- site directory: `{machine}` is a {entry.kind} entry ({where(doc, entry.span)})")
        else:
            lines.append(f"- site directory: IDENTITY `{machine}` ({where(doc, entry.span)}) has no `BUILD ON {member.name}`")
    return lines, hit.span


def _id_list(ids: tuple[str, ...]) -> str:
    """User IDs in a hover: all of them, or the first and the last of many."""
    if len(ids) > 6:
        return f"`{ids[0]}` … `{ids[-1]}` ({len(ids)})"
    return ", ".join(f"`{i}`" for i in ids)


def _pool_words(doc: Document):
    """(the word, the span of the pool's name in it, what names it there) for each pool
    the file names: the catalog's `pool`, a job's `to disk pool` or `to tape pool`,
    and the file pool of an SFS path (`include sfs BKRPOOL:LNX01.*`, the part before
    its colon)."""
    model = doc.model
    for c in model.catalogs:
        for w in c.decl.pool:
            yield w, w.span, "catalog"
    for j in model.jobs:
        for t in j.decl.targets:
            if t.pool is not None and t.pool.upper:
                yield t.pool, t.pool.span, t.medium.value
    for s in _sfs_selections(model):
        for w in s.items:
            colon = w.text.find(":", 1)
            if colon > 0:
                s = w.span  # a path is on one line: its pool, the first `colon` characters
                yield w, s._replace(end_line=s.line, end_column=s.column + colon, end=s.start + colon), "sfs"


def _pool_hover(doc: Document, at: int) -> tuple[list[str], Span] | None:
    """The cursor (offset `at`) is on the name of a pool: the catalog's SFS file pool
    (and where the `catalog` statement declares it, and the SFS paths in it), a disk
    or tape pool the jobs back up to (which jobs: no statement of bkrc declares
    one), or the file pool of an SFS path (the catalog's, z/VM's own, or another)."""
    if doc.model is None:
        return None
    from bkrdsl.check.values import ZVM_FILE_POOLS

    words = list(_pool_words(doc))
    found = next(((w, s, what) for w, s, what in words if s.file == doc.name and s.start <= at <= s.end), None)
    if found is None:
        return None
    word, span, what = found
    name = _pool_name(word, what)
    if what in ("disk", "tape"):
        jobs = [
            (j.name, t.span)
            for j in doc.model.jobs
            for t in j.decl.targets
            if t.medium.value == what and t.pool is not None and t.pool.upper == name
        ]
        whose = (
            "no statement of bkrc declares a disk pool"
            if what == "disk"
            else "Tape Manager's own configuration holds its tapes, not bkrc"
        )
        lines = [f"{strong(name)}: a {what} pool, where a job writes its backups (`to {what} pool`); {whose}"]
        lines.append("- jobs that back up to it: " + ", ".join(f"`{n}` ({where(doc, s)})" for n, s in jobs))
        return lines, span
    catalog = next((c for c in doc.model.catalogs if any(w.upper == name for w in c.decl.pool)), None)
    if catalog is not None:
        server = f", served by `{catalog.server}`" if catalog.server else ""
        declared = f"declared {where(doc, catalog.decl.span)}"
        lines = [f"{strong(name)}: the catalog's SFS file pool ({catalog.scope.value} catalog{server}), {declared}"]
    elif name in ZVM_FILE_POOLS:
        lines = [f"{strong(name)}: an SFS file pool of z/VM's own, not the catalog's"]
    else:
        lines = [f"{strong(name)}: an SFS file pool that the catalog's `pool` does not name"]
    paths = [(w, s) for w, s, kind in words if kind == "sfs" and w.upper.partition(":")[0] == name]
    if paths:
        shown = ", ".join(f"`{w.text}` ({where(doc, s)})" for w, s in paths[:HOVER_LIST_MAX])
        more = f", and {len(paths) - HOVER_LIST_MAX} more" if len(paths) > HOVER_LIST_MAX else ""
        lines.append(f"- SFS paths in it: {shown}{more}")
    return lines, span


def _sfs_selections(model):
    """Every SFS selection of the model's jobs and member blocks."""
    selections = [s for j in model.jobs for s in j.decl.selections]
    selections += [s for m in model.members for s in m.decl.selections]
    return [s for s in selections if s.medium is ast.Medium.SFS]


def _directory_hover(doc: Document, at: int) -> tuple[list[str], Span] | None:
    """The cursor (offset `at`) is on a directory level of an SFS path, its `.` and
    name (`.*` in `include sfs BKRPOOL:CICSPRD.*`): which directories it takes in.
    `*` takes in any one name at its level, as BKR415 reads it (how far Backup
    Manager reaches into their subdirectories is the product's: not said)."""
    if doc.model is None:
        return None
    for sel in _sfs_selections(doc.model):
        for w in sel.items:
            if w.span.file != doc.name or not w.span.start <= at <= w.span.end:
                continue
            pool, colon, rest = w.upper.partition(":")
            user, dot, _ = rest.partition(".")
            if not colon or not dot or not user:
                return None
            offset = w.span.start + len(pool) + 1 + len(user)  # the first level's `.`
            levels = rest[len(user) + 1 :].split(".")
            for depth, name in enumerate(levels):
                end = offset + 1 + len(name)
                if offset <= at <= end and (at < end or depth == len(levels) - 1) and name:
                    s = w.span  # a path is on one line: the level's `.` and name
                    shift = offset - s.start
                    span = s._replace(start=offset, end=end, column=s.column + shift, end_column=s.column + shift + len(name) + 1)
                    return _level_lines(w, sel, pool, user, levels, depth), span
                offset = end
            return None
    return None


def _level_lines(w: ast.Word, sel: ast.Selection, pool: str, user: str, levels: list[str], depth: int) -> list[str]:
    """What `_directory_hover` says of level `depth` of path `w`: the directories it
    takes in, under which directory, and whether the path ends there (what it
    takes in is selected or excluded) or goes on below it."""
    name = levels[depth]
    whose = f"`{user}`'s file space" if not is_pattern(user) else f"the file spaces of the users `{user}` matches"
    above = f"the top directory of {whose}" if depth == 0 else f"`{pool}:{user}.{'.'.join(levels[:depth])}`"
    ordinal = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
    level = ordinal[depth] if depth < len(ordinal) else f"number {depth + 1}"
    last = depth == len(levels) - 1
    verb = "selected" if sel.action is ast.Action.INCLUDE else "excluded"
    if name == "*":
        what, taken = "any one directory name", f"each directory directly under {above}"
    elif is_pattern(name):
        what, taken = "a pattern of directory names", f"each directory directly under {above} whose name `{name}` matches"
    else:
        what, taken = "a directory", f"the directory `{name}` under {above}"
    lines = [
        f"{strong('.' + name)} in `{w.text}`: {what}, at the {level} level",
        f"- {taken}, in file pool `{pool}`" + (f", is {verb}" if last else ": the path goes on below it"),
    ]
    if last and is_pattern(name):
        lines.append(
            f"- `{name}` stands for one name: bkrc does not count `{w.text}` as taking in a path a level"
            " deeper (BKR415); whether Backup Manager takes their subdirectories along is the product's own"
        )
    return lines


def _pool_name(word: ast.Word, what: str) -> str:
    """The pool a word of `_pool_words` names: an SFS path's, the part before its colon."""
    return word.upper.partition(":")[0] if what == "sfs" else word.upper


def pool_places(doc: Document, line: int, column: int) -> list[Occurrence] | None:
    """On a pool's name, every place the files name that pool, as `_pool_words`
    reads them: for the catalog's SFS file pool, the catalog's `pool` (where it is
    declared) and the SFS paths in it; for a disk or a tape pool (which nothing
    declares), each job's `to disk pool` or `to tape pool` naming it. None where
    the cursor is on no pool's name."""
    if doc.model is None:
        return None
    at = doc.offset(line, column)
    words = list(_pool_words(doc))
    found = next(((w, what) for w, s, what in words if s.file == doc.name and s.start <= at <= s.end), None)
    if found is None:
        return None
    family = {"catalog": "sfs"}
    name, kind = _pool_name(*found), family.get(found[1], found[1])
    return [
        Occurrence(s, f"{kind} pool", name, what == "catalog")
        for w, s, what in words
        if family.get(what, what) == kind and _pool_name(w, what) == name
    ]


#: A weekday as a hover says it (`Timing.days` holds `MON`..`SUN`).
_DAY_NAMES = dict(
    zip(
        ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"),
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    )
)


def _and(words: Sequence[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


def _timing_words(when) -> str:
    """When a schedule is due, in words, as the model's `timing` reads it (the
    EXECs' DUE table): `every Saturday at 02:00`, `on the first Sunday of every
    month at 02:00`, `on day 31 of every month at 02:00 (not in a shorter month)`,
    `on the last day of every month (the 28th, 29th, 30th or 31st) at 23:00`."""
    at = f"at {when.hhmm}"
    if when.frequency == "daily":
        return f"every day {at}"
    if when.frequency == "weekly":
        return f"every {_and([_DAY_NAMES[d] for d in when.days])} {at}"
    if len(when.days) == 2:  # (`FIRST`, `SUN`): the Nth or last weekday
        return f"on the {when.days[0].lower()} {_DAY_NAMES[when.days[1]]} of every month {at}"
    if when.days == (LAST_DAY,):
        return f"on the last day of every month (the 28th, 29th, 30th or 31st) {at}"
    day = int(when.days[0])
    return f"on day {day} of every month {at}" + (" (not in a shorter month)" if day > 28 else "")


def _schedules(model):
    """(schedule, job or None, expire block or None, what) for each schedule the
    model keeps: a job's `run` (the one the model reads), an expire block's
    `preview` and `purge`."""
    for job in model.jobs:
        if job.run is not None and job.run.schedule is not None:
            yield job.run.schedule, job, None, "run"
    for e in model.expires:
        if e.preview is not None:
            yield e.preview, None, e, "preview"
        if e.purge is not None:
            yield e.purge, None, e, "purge"


def _schedule_hover(doc: Document, at: int) -> tuple[list[str], Span] | None:
    """The cursor (offset `at`) is on a schedule's day, ordinal or time (`weekly sat
    02:00`, `monthly first sunday 02:00`): when it is due, in words, as the model's
    `timing` reads it, titled as `bkrc show` lists it (`02:00 weekly sat`), and
    what sends it on which member:
    a job's `EXEC BKRSUBMT DUE` (with the job's name there), an expiry's `EXEC
    BKREXPIR DUE`, when the member's scheduler calls it (docs/deploy.md)."""
    from bkrdsl.resolve.model import timing

    model = doc.model
    if model is None:
        return None
    for schedule, job, expire, what in _schedules(model):
        words = [w for w in (*schedule.days, schedule.ordinal, schedule.time) if w is not None and w.text]
        if any(w.span.file == doc.name and w.span.start <= at <= w.span.end for w in words):
            break
    else:
        return None
    when = timing(schedule)
    written = " ".join(w.text for w in sorted(words, key=lambda w: w.span.start))
    if when.minutes is None:  # a day or a time the checker rejects: never due
        head = f"{strong(schedule.frequency.lower() + ' ' + written)}: names no minute `DUE` reads, so it is never due"
        return [head + " (its error says why)"], schedule.span
    shown = f"{when.hhmm} {when.label}"
    # A name no member block declares (`run on VMSYS01`, BKR330) has no scheduler to
    # call `DUE`: it is said so, not listed among the members it is sent on.
    if job is not None:
        head = f"{strong(shown)}: job `{job.name}` is due {_timing_words(when)}"
        placed = [(m, n) for m, n in model.derived_names(job) if model.member(m) is not None]
        on = ", ".join(f"`{m}` as `{n}`" for m, n in placed)
        sends, unknown = f"- `EXEC BKRSUBMT DUE` submits it on {on}", _not_members(model, job.members)
    else:
        action = "purge" if what == "purge" else "preview of the purge"
        head = f"{strong(shown)}: the catalog's {action} (`EXPIRE`) is due {_timing_words(when)}"
        on = ", ".join(f"`{m}`" for m in expire.members if model.member(m) is not None)
        sends, unknown = f"- `EXEC BKREXPIR DUE` sends it on {on}", _not_members(model, expire.members)
    if not on and unknown:
        return [head, f"- no member's scheduler sends it: {unknown}"], schedule.span
    sends += ("" if on else "no member yet") + ", when the member's scheduler calls it in that minute"
    sends += " (bkrc writes no timer: docs/deploy.md)" + (f"; {unknown}" if unknown else "")
    return [head, sends], schedule.span


def _star_owners(doc: Document, word) -> str:
    """Whose minidisks the owner `*` of a selection selects, said after "every user":
    those its job backs up, or in a member block those of the member's
    single-configuration jobs, which its selections join (`_address_hover`)."""
    for s, job, member in _selection_places(doc.model) if doc.model is not None else ():
        if s.owner is word:
            if job is not None:
                return f"job `{job.name}` backs up"
            return f"the single-configuration jobs on `{member.name}` back up"
    return "its job backs up"


def _selection_places(model):
    """(selection, job or None, member or None) for each minidisk selection of the
    jobs and the member blocks."""
    for job in model.jobs:
        for s in job.decl.selections:
            yield s, job, None
    for member in model.members:
        for s in member.decl.selections:
            yield s, None, member


def _address_hover(doc: Document, at: int) -> tuple[list[str], Span] | None:
    """The cursor (offset `at`) is on an address or a range of a minidisk selection
    (`include minidisk * 0191`, `0200-02FF`): the addresses it names, whose
    minidisks (its owner; `*`, the users its jobs back up: its own, or in a member
    block the member's single-configuration jobs, which its excludes join), the `disk`
    statements of the cluster in it, and with the `directory` setting the site's
    minidisks in it; without it, that the editor does not know them."""
    from bkrdsl.resolve.model import parse_address, parse_address_range, pattern_regex

    model = doc.model
    if model is None:
        return None
    for s, job, member in _selection_places(model):
        if s.medium is not ast.Medium.MINIDISK:
            continue
        word = next((w for w in s.items if w.span.file == doc.name and w.span.start <= at <= w.span.end), None)
        if word is not None:
            break
    else:
        return None
    bounds = parse_address_range(word.upper)
    if bounds is None or bounds[0] > bounds[1]:
        return None  # malformed or reversed: the error's hover says so
    first, last = bounds
    if word.upper == "*":
        named = f"every minidisk address ({first:04X} to {last:04X})"
    elif first == last:
        named = f"minidisk address {first:04X}"
    else:
        named = f"minidisk addresses {first:04X} to {last:04X} ({last - first + 1:,} addresses)"
    owner = s.owner.upper if s.owner is not None else "*"
    # The jobs it is part of: its own, or a member block's single-configuration jobs there.
    jobs = [job] if job is not None else [j for _, j in model.member_jobs(member.name) if j.takes_member_excludes]
    if job is not None:
        by = f"{s.action.value}d by job `{job.name}`"
    else:
        into = "from" if s.action is ast.Action.EXCLUDE else "in"
        by = f"{s.action.value}d on `{member.name}` {into} its single-configuration jobs"
        by += f" ({_id_list(tuple(j.name for j in jobs))})" if jobs else ": none runs there"
    if owner == "*":
        whose = "of every user the job backs up" if job is not None else "of every user they back up"
    elif is_pattern(owner):
        whose = f"of the users `{owner}` matches"
    else:
        whose = f"of `{owner}`"
    lines = [f"{strong(word.text)}: {named}, {by}, {whose}"]
    if owner == "*":
        ids = list(dict.fromkeys(i for j in jobs for i in model.job_user_ids(j)))
        patterns = list(dict.fromkeys(p for j in jobs for p in model.job_patterns(j)))
    else:
        patterns, ids = ([owner], []) if is_pattern(owner) else ([], [owner])
    rxs = [pattern_regex(p) for p in patterns]

    def selected(user: str) -> bool:
        return user in ids or any(rx.match(user) for rx in rxs)

    found = []
    for d in model.disks:
        address = parse_address(d.address.text)
        if address is None or not first <= address <= last:
            continue
        if any(selected(u) for u in model.disk_owners(d) or (d.user.upper,)):  # a pattern's: once
            found.append((d.user.upper, address, d.span))
    if found:
        shown = [f"`{u} {a:04X}` ({where(doc, sp)})" for u, a, sp in found[:HOVER_MATCHES_MAX]]
        more = f" and {len(found) - HOVER_MATCHES_MAX} more" if len(found) > HOVER_MATCHES_MAX else ""
        lines.append("- `disk` statements in it: " + ", ".join(shown) + more)
    else:
        lines.append("- no `disk` statement of the cluster is in it")
    directory = _site_directory(doc)
    if directory is None:
        lines.append(
            "- the site's minidisks in it: not known to the editor (the `directory` setting names the"
            " CP directory: docs/lsp.md)"
        )
        return lines, word.span
    entries = directory.users_named(tuple(ids + patterns)) if ids or patterns else []
    disks = [(e.id, d) for e in entries for d in directory.minidisks_of(e) if first <= d.address <= last]
    if not disks:
        lines.append("- site directory: no minidisk in it")
        return lines, word.span
    users = len({u for u, _ in disks})
    shown = ", ".join(
        f"`{u} {d.address:04X}`" + (f" ({d.form})" if d.temporary else "") for u, d in disks[:HOVER_MATCHES_MAX]
    )
    more = f" and {len(disks) - HOVER_MATCHES_MAX:,} more" if len(disks) > HOVER_MATCHES_MAX else ""
    many = f"{len(disks):,} minidisk{'s' if len(disks) != 1 else ''} of {_users(users)}"
    lines.append(f"- site directory: {many}: {shown}{more}")
    return lines, word.span


#: What a `disk` statement's unit counts, in its hover (the dialect's units: `cyl`, `blk`).
_UNIT_WORDS = {"cyl": ("cylinder", "cylinders"), "blk": ("512-byte block", "512-byte blocks")}


def _disk_hover(doc: Document, at: int) -> tuple[list[str], Span] | None:
    """The cursor (offset `at`) is on the address of a `disk` statement (`disk BKRBKUP
    191 size 10 cyl`): the minidisk it gives, whose (its machine, or each machine its
    pattern matches, and their kind), its size, and where the directory entries place
    it, as `bkrc compile` writes them (`allocation.allocate`, by the dialect table the
    checks read): in each member's SUBCONFIG for an IDENTITY, in the USER entry for a
    single-configuration machine, on which volume, from which cylinder or block where
    `at` or `sequential` allocation gives one. Nothing where a syntax error leaves the
    cluster unknown (`_unknown_after_syntax_errors`); where the minidisks cannot be
    placed, that an error says why."""
    from bkrdsl.allocation import allocate
    from bkrdsl.dialect import load_dialect
    from bkrdsl.resolve.model import parse_address

    model = doc.model
    if model is None:
        return None
    disk = next((d for d in model.disks if _on_word(doc, d.address, at)), None)
    if disk is None or _unknown_after_syntax_errors(doc)[0]:
        return None
    address = parse_address(disk.address.text)
    if address is None:
        return None  # not an address: its error's hover says so
    machines = model.product_machines()
    owners = model.disk_owners(disk, machines)
    units = _UNIT_WORDS.get(disk.unit.text.lower())
    size = f"{disk.size.text} {units[disk.size.text != '1'] if units else disk.unit.text}"
    named = f"{strong(disk.address.text)}: minidisk {address:04X}"
    if not owners:
        no_entry = "is no machine bkrc writes a directory entry for (its error says why)"
        return [f"{named} of `{disk.user.upper}`, {size}; but `{disk.user.upper}` {no_entry}"], disk.address.span
    pattern = f" (`{disk.user.upper}`)" if is_pattern(disk.user.upper) else ""
    head = f"{named} of {_id_list(owners)}{pattern}, {size}"
    kinds = {machines[o][0] for o in owners}
    if kinds == {Kind.IDENTITY}:
        head += ": IDENTITY, a minidisk in its SUBCONFIG on each member it runs on"
    elif kinds == {Kind.SINGLE}:
        head += ": single-configuration, one minidisk in its USER entry, on DASD every member reaches"
    lines = [head]
    allocation = allocate(model, doc.dialect or load_dialect())
    if allocation.error is not None:
        return [*lines, "- placed nowhere: a `disk` statement cannot be (its error says why)"], disk.address.span
    placed = [p for p in allocation.placed if p.disk.span == disk.span and p.owner in owners]
    places: dict[str | None, list[str]] = {}
    for p in placed:
        extent = f" from {units[0].split()[-1] if units else ''} {p.start}" if p.start is not None else ""
        places.setdefault(p.member, []).append(f"`{p.owner}` on `{p.volume}`{extent}")
    if not placed:
        lines.append("- placed on no member: another `disk` statement gives each instance this address")
    for member, shown in places.items():
        more = f" and {len(shown) - HOVER_LIST_MAX} more" if len(shown) > HOVER_LIST_MAX else ""
        where_ = f"on `{member}`" if member is not None else "USER entry"
        lines.append(f"- {where_}: {', '.join(shown[:HOVER_LIST_MAX])}{more}")
    if any(p.start is None for p in placed):
        lines.append("- with no `at`, DirMaint chooses the extent (`AUTOV`: the dialect's `disk_allocation`)")
    return lines, disk.address.span


def _on_word(doc: Document, word: ast.Word, at: int) -> bool:
    """Whether offset `at` of the document is on `word`, a word of its own text."""
    return word.span.file == doc.name and word.span.start <= at <= word.span.end


def _suffix_hover(doc: Document, at: int) -> tuple[list[str], Span] | None:
    """The cursor (offset `at`) is on a member's `job-suffix` value: the job names
    it gives on that member (`Model.derived_names`, as the job's hover and `bkrc
    show` give them), or that no job takes it."""
    model = doc.model
    if model is None:
        return None
    for member in model.members:
        settings = member.decl.settings_named("job-suffix")
        word = settings[0].values[0] if settings and settings[0].values else None
        if word is not None and word.span.file == doc.name and word.span.start <= at <= word.span.end:
            break
    else:
        return None
    head = (
        f"{strong(word.text)}: the job suffix of member `{member.name}`: the name there of a job"
        " that runs on several members (not of single-configuration users) ends in it"
    )
    named = [(n, job) for n, job in model.member_jobs(member.name) if job.derives_names]
    if not named:
        return [head, f"- no job takes it on `{member.name}` now"], word.span
    shown = ", ".join(f"`{n}` (job `{job.name}`)" for n, job in named[:HOVER_LIST_MAX])
    more = f" and {len(named) - HOVER_LIST_MAX} more" if len(named) > HOVER_LIST_MAX else ""
    return [head, f"- job names on `{member.name}`: {shown}{more}"], word.span


def _size_hover(word: ast.Word, volume: str) -> str:
    """A volume's size word: what it states, or why it states nothing (BKR336)."""
    size = parse_volume_size(word.text)
    if size is None:
        return f"{strong(word.text)}: meant as the size of volume `{volume}`, but {volume_size_problem(word.text)}"
    capacity = VolumeCapacity(*size, word)
    return (
        f"{strong(word.text)}: the size of volume `{volume}`: {capacity.described()},"
        f" {capacity.words[:-1]} 0 to {capacity.last:,}"
    )


# ================================================================ values
# A value's hover says what it means where it is written. Each kind of value
# that has no hover of its own above (a name's, a schedule's, an address's...)
# is one row of `VALUE_HOVERS`: where its words are in the model, and what it
# says of one of them. tests/test_lsp_features.py hovers on every word of a
# file that writes every statement, so a value left out of the table fails.


def _retain_words(model):
    """`retain N days`: (the count, the expire block's model)."""
    for e in model.expires:
        for word in e.decl.retains:
            yield (word,), e


def _retain_hover(doc: Document, word: ast.Word, expire) -> list[str]:
    """How long backups stay in the catalog, and what bkrc does with it: the
    purging member's `BKREXPIR` writes it into its header only, as `EXPIRE`
    is sent no retention (docs/compatibility.md, "Retention")."""
    from bkrdsl.check.values import MAX_RETAIN_DAYS

    days = expire.retain_days
    if word is not expire.decl.retains[0]:
        return [f"{strong(word.text)}: a second `retain` in the block: bkrc reads the first, `{expire.decl.retains[0].text}`"]
    if days is None or not 1 <= days <= MAX_RETAIN_DAYS:
        whole = f"not a whole number from 1 to {MAX_RETAIN_DAYS}"
        return [f"{strong(word.text)}: meant as the days backups stay in the catalog, but {whole} (its error says why)"]
    weeks = f" ({days // 7} week{'s' if days != 7 else ''})" if days % 7 == 0 and days else ""
    head = f"{strong(word.text)}: backups stay in the catalog {days:,} day{'s' if days != 1 else ''}{weeks}"
    on = ", ".join(f"`{m}`" for m in expire.members) or "no member yet"
    unknown = _not_members(doc.model, expire.members)
    on += f" ({unknown})" if unknown else ""  # `expire on VMSYS01` (BKR330): no member's purge
    if expire.purge is None:
        return [
            head + f", as this block on {on} says; but it does not purge",
            "- a `retain` counts only in the block that purges, whose retention bkrc writes: this one is never used",
        ]
    return [
        head + f": the retention of the purge on {on}",
        ("- `BKREXPIR` writes it into its header only: `EXPIRE (PURGE` is sent no retention (how Backup Manager"
        " is told it could not be confirmed: docs/compatibility.md), so the product's own retention setting"
        f" decides what the purge removes; keep it at {days:,} days"),
    ]


def _wait_words(model):
    """`logon-wait N UNIT` and `pool-wait N UNIT`: (count and unit, (which, wait, catalog))."""
    if model.catalog is None:
        return
    c = model.catalog
    for which, waits in (("logon", c.decl.logon_waits), ("pool", c.decl.pool_waits)):
        for wait in waits:
            yield (wait.count, wait.unit), (which, wait, c)


def _wait_hover(doc: Document, word: ast.Word, found) -> list[str]:
    """How long BKRSTART waits for the catalog's SFS server, as `CatalogModel`
    keeps it (a wait it cannot keep is the default, BKR337), on which member,
    and what it does when the wait runs out (docs/language.md, "catalog")."""
    from bkrdsl.resolve.model import (
        DEFAULT_LOGON_WAIT,
        DEFAULT_POOL_WAIT,
        LOGON_POLL_SECONDS,
        POOL_POLL_SECONDS,
        wait_seconds,
    )

    which, wait, catalog = found
    written = strong(f"{wait.count.text} {wait.unit.text}")
    stated = "logon-wait" if which == "logon" else "pool-wait"
    waits = catalog.decl.logon_waits if which == "logon" else catalog.decl.pool_waits
    if wait is not waits[0]:
        return [f"{written}: a second `{stated}`: bkrc reads the first"]
    kept = catalog.logon_wait if which == "logon" else catalog.pool_wait
    default = DEFAULT_LOGON_WAIT if which == "logon" else DEFAULT_POOL_WAIT
    every = LOGON_POLL_SECONDS if which == "logon" else POOL_POLL_SECONDS
    server = f"`{catalog.server}`" if catalog.server else "the catalog's SFS server"
    what = f"for {server} to log on after its `XAUTOLOG`" if which == "logon" else (
        f"for {server}'s file pool `{catalog.pool}` to serve" if catalog.pool else "for its file pool to serve"
    )
    if wait_seconds(wait) != kept:
        return [(f"{written}: meant as how long BKRSTART waits {what}, but one it cannot keep (its error says"
                f" why): it waits the default, {default} seconds")]
    on = f"on `{catalog.home}`, the server's home" if catalog.scope is ast.Scope.SHARED and catalog.home else (
        "on every member" if catalog.scope is not ast.Scope.SHARED else "on the server's home member")
    head = f"{written}: BKRSTART, {on}, waits up to {kept:,} seconds {what}: a try every {every} seconds"
    lines = [head + f", {kept // every:,} in all (default {default} seconds)"]
    if catalog.server is None:
        lines.append("- does nothing here: no `server` is named, so BKRSTART starts no server to wait for (BKR261)")
    elif which == "pool" and catalog.pool is None:
        lines.append("- does nothing here: no `pool` is named, so BKRSTART waits for none (BKR261)")
    else:
        lines.append("- when it runs out, BKRSTART gives up with rc 44 and starts none of the Backup Manager"
                     " machines, which need the pool (a Tape Manager node is still started)")
    return lines


def _disk_size_words(model):
    """A `disk` statement's `size N UNIT`: (count and unit, the statement)."""
    for d in model.disks:
        yield (d.size, d.unit), d


#: A `disk` statement's unit as the device type whose geometry
#: `cpdirectory.BYTES_PER_UNIT` gives: a cylinder is a 3390's, a block FB-512's.
_UNIT_DEVTYPE = {"CYL": "3390", "BLK": "FB-512"}


def _disk_size_hover(doc: Document, word: ast.Word, d: ast.Disk) -> list[str]:
    """A minidisk's size: its cylinders or blocks, in bytes, and the extent its
    `on VOL at START` gives it, within the volume's stated size."""
    from bkrdsl.cpdirectory import BYTES_PER_UNIT
    from bkrdsl.resolve.model import disk_size

    count, unit = disk_size(d)
    written = strong(f"{d.size.text} {d.unit.text}")
    whose = _disk_whose(d)
    if unit is None:
        return [f"{written}: meant as the size of {whose}, but `{d.unit.text}` is no unit (`cyl` or `blk`; its error says why)"]
    if not d.size.text.isdigit() or int(count) == 0:
        return [f"{written}: meant as the size of {whose}, but not a whole number above 0 (its error says why)"]
    n = int(count)
    what = ("cylinder" if unit == "CYL" else "512-byte block") + ("s" if n != 1 else "")
    lines = [f"{written}: the size of {whose}: {n:,} {what}, {n * BYTES_PER_UNIT[_UNIT_DEVTYPE[unit]]:,} bytes"
             + (" unformatted (a 3390 cylinder: 15 tracks of 56,664 bytes)" if unit == "CYL" else "")]
    return lines + _extent(doc, d)[1:]


def _disk_whose(d: ast.Disk) -> str:
    """`minidisk 0191 of `BKRBKUP``, as the address's hover names it."""
    from bkrdsl.resolve.model import parse_address

    address = parse_address(d.address.text)
    return f"minidisk {address:04X} of `{d.user.upper}`" if address is not None else f"a minidisk of `{d.user.upper}`"


def _extent(doc: Document, d: ast.Disk) -> list[str]:
    """Where `on VOL at START` places a minidisk: where it starts and ends, and
    whether the volume's stated size holds it; nothing without `at`."""
    from bkrdsl.resolve.model import disk_size

    if d.volume is None or d.start is None:
        return []
    if not d.start.text.isdigit():
        return [(f"{strong(d.start.text)}: meant as where {_disk_whose(d)} starts on `{d.volume.upper}`, but not a"
                " whole number (its error says why)")]
    count, unit = disk_size(d)
    start = int(d.start.text)
    words = {"CYL": "cylinder", "BLK": "block"}.get(unit or "", "cylinder or block")
    head = f"{strong(d.start.text)}: {_disk_whose(d)} starts at {words} {start:,} of volume `{d.volume.upper}`"
    if unit is None or not d.size.text.isdigit() or int(count) == 0:
        return [head]
    last = start + int(count) - 1
    lines = [f"{head} and ends at {last:,} ({int(count):,} {words}{'s' if int(count) != 1 else ''})",
             f"- on `{d.volume.upper}`: {words}s {start:,} to {last:,}"]
    capacity = doc.model.volume_sizes.get(d.volume.upper)
    if capacity is not None and capacity.unit == unit:
        fits = "holds it" if last <= capacity.last else "ends before it does (its error says why)"
        lines.append(f"- `{d.volume.upper}` has {capacity.described()}, {capacity.words[:-1]} 0 to {capacity.last:,}: {fits}")
    return lines


def _disk_start_words(model):
    """A `disk` statement's `at START`: (the start, the statement)."""
    for d in model.disks:
        if d.start is not None:
            yield (d.start,), d


def _disk_start_hover(doc: Document, word: ast.Word, d: ast.Disk) -> list[str]:
    """Where a minidisk starts on its volume, where it ends, and whether the volume's stated size holds it."""
    lines = _extent(doc, d)
    return lines[:1] + lines[2:]


#: The values a hover explains by this table: the kind, where its words are (a
#: function of the model yielding each value's words and what the hover reads),
#: and what it says of one word.
def _description_places(doc: Document):
    """(what owns it, its name, the setting, whether it is its owner's first) for every
    `description` of this document: the cluster's, a member's, a job's."""
    main = doc.analysis.program.main
    for cluster in main.clusters if main is not None else ():
        owners = [("cluster", cluster.name, cluster.settings)]
        owners += [("member", m.name, m.settings) for m in cluster.members]
        owners += [("job", j.name, j.descriptions) for j in cluster.jobs]
        for what, name, settings in owners:
            said = [st for st in settings if st.keyword == "description"]
            yield from ((what, name, st, n == 0) for n, st in enumerate(said))


def _description_hover(doc: Document, at: int) -> tuple[list[str], Span] | None:
    """The text of a `description "..."`: what `description` does, and where `bkrc
    compile` writes it (a job's: its template's head, `template._template_parts`, and
    what BKRSUBMT LIST shows, `rexx._job_summary`; a cluster's or a member's: nowhere)."""
    found = next(
        (
            (what, name, st, first)
            for what, name, st, first in _description_places(doc)
            for w in st.values
            if w.span.file == doc.name and w.span.start <= at <= w.span.end
        ),
        None,
    )
    if found is None:
        return None
    what, name, setting, first = found
    owner = name.text.upper() if name is not None and name.text else ""
    lines = [f"{strong('description')} of {what} `{owner}`: free text about it." if owner else f"{strong('description')} of a {what}: free text about it."]
    if what != "job":
        lines += ["", f"For the reader of the file: `bkrc compile` writes a {what}'s description in no generated file."]
        return lines, setting.values[0].span
    if not first:
        lines += ["", "Not the job's first `description`: only the first is written; this one is in no generated file."]
        return lines, setting.values[0].span
    job = next((j for j in doc.model.jobs if j.name == owner), None) if doc.model is not None and owner else None
    placed = per_member_names(doc, job) if job is not None else ()
    if job is not None and not placed and not job.derives_names:
        placed = tuple((m, job.name) for m in dict.fromkeys(job.members))
    files = ", ".join(f"`{m}/{n}.TEMPLATE`" for m, n in placed) or "`MEMBER/JOB.TEMPLATE`"
    lines += [
        "",
        (
            f"`bkrc compile` writes it in the comments at the head of the job's template ({files}),"
            " and the member's `BKRSUBMT EXEC` shows it for the job (`BKRSUBMT LIST`); a job without"
            " one is listed as what it does (its level, what it backs up, its target)."
        ),
        "A character outside the EBCDIC-invariant set is written there as `<U+XXXX>`.",
    ]
    return lines, setting.values[0].span


def _link_words(model):
    """A `link` statement's words after its machine: (the owner, its address, the address
    linked at, the mode; the statement's parts)."""
    for setting in model.link_statements:
        parts = ast.link_parts(setting)
        if parts is not None:
            yield tuple(w for w in parts[1:] if w is not None), parts


def _link_hover(doc: Document, word: ast.Word, parts) -> list[str]:
    """What the word of a `link` statement is, and the LINK the compile writes, in which file."""
    what = dict(_link_values(parts)).get(word)
    if what is None:  # the owner
        owner = parts[1].upper
        return [f"**{owner}**: the user whose minidisk the machine links (its directory entry has it)", "", *_link_written(parts)]
    return [what[0].upper() + what[1:]]


def _link_written(parts) -> list[str]:
    return [next(iter(dict(_link_values(parts)).values()))[len("the disk's address in its owner's entry: ") :].capitalize()]


VALUE_HOVERS = {
    "retention (`retain N days`)": (_retain_words, _retain_hover),
    "link (`link MACHINE OWNER VADDR [as VADDR2] MODE`)": (_link_words, _link_hover),
    "wait (`logon-wait`, `pool-wait`)": (_wait_words, _wait_hover),
    "minidisk size (`disk ... size N UNIT`)": (_disk_size_words, _disk_size_hover),
    "minidisk start (`disk ... on VOL at START`)": (_disk_start_words, _disk_start_hover),
}


def _value_hover(doc: Document, at: int) -> tuple[list[str], Span] | None:
    """The cursor (offset `at`) is on a value of `VALUE_HOVERS`: its hover, spanning the word."""
    model = doc.model
    if model is None:
        return None
    for words_of, says in VALUE_HOVERS.values():
        for words, found in words_of(model):
            word = next((w for w in words if w.text and _on_word(doc, w, at)), None)
            if word is not None:
                return says(doc, word, found), word.span
    return None


@dataclass
class Hover:
    markdown: str
    span: Span | None

    @property
    def plain_text(self) -> str:
        """The hover for a client that does not show Markdown (`plain_text`)."""
        return plain_text(self.markdown)


#: A table's rule, under its head: `|---|---|`.
_TABLE_RULE = re.compile(r"\|(?:\s*:?-+:?\s*\|)+")
#: What a hover's Markdown marks inside a line: a code span (its backticks go, its
#: text stays as it is), a backslash escape (the sign stays), bold's `**` (goes).
_INLINE_MARK = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)|\\([!-/:-@\[-`{-~])|\*\*")
#: A table's cells are split at each `|` no backslash escapes.
_CELL_BAR = re.compile(r"(?<!\\)\|")


def plain_text(markdown: str) -> str:
    """A hover's Markdown, as little of it as hovers write (bold, code spans,
    backslash escapes, lists, a table, the indented examples of an explanation),
    as the plain text a client that shows no Markdown gets: the marks gone, the
    table's columns aligned, an example's lines as they are (its `*` and `\\` are text)."""
    out: list[str] = []
    table: list[list[str]] = []
    for line in markdown.split("\n"):
        if line.startswith("|"):
            if not _TABLE_RULE.fullmatch(line.strip()):
                table.append([_inline_plain(cell.strip()) for cell in _CELL_BAR.split(line.strip())[1:-1]])
            continue
        out += _aligned(table)
        table = []
        out.append(line if line.startswith("    ") else _inline_plain(line))
    return "\n".join(out + _aligned(table))


def _inline_plain(line: str) -> str:
    return _INLINE_MARK.sub(lambda m: m.group(2) if m.group(1) else (m.group(3) or ""), line)


def _aligned(rows: list[list[str]]) -> list[str]:
    """A table's rows as lines, each column as wide as its widest cell."""
    from bkrdsl.terminal import columns, ljust

    widths = [
        max(columns(row[n]) if n < len(row) else 0 for row in rows) for n in range(max(map(len, rows), default=0))
    ]
    return ["  ".join(ljust(cell, width) for cell, width in zip(row, widths)).rstrip() for row in rows]


def hover(doc: Document, line: int, column: int) -> Hover | None:
    """What the cursor is on: a name (kind, members, derived names...) and any diagnostic's explanation."""
    parts: list[list[str]] = []
    span = None
    occ = doc.occurrence_at(line, column)
    if occ is not None and doc.model is not None:
        # A `subconfig` statement's machine: the SUBCONFIG it names first, then the machine.
        named = _subconfig_hover(doc, doc.offset(line, column)) if occ.kind == USER else None
        if named is not None:
            parts.append(named[0])
        found = _HOVERS[occ.kind](doc, occ.name)
        if found:
            parts.append(found)
        if named is not None or found:
            span = occ.span
    imp = _import_at(doc, line, column) if occ is None else None
    module = _module_file(doc, imp) if imp is not None else None
    if module is not None:
        parts.append(_import_hover(doc, imp, module))
        span = imp.span
    elif occ is None:
        start, end = _word_at(doc, line, column)
        found_word = _description_hover(doc, doc.offset(line, column))
        if found_word is None and start < end:
            found_word = _subconfig_hover(doc, doc.offset(line, column))
        if found_word is None and start < end:
            found_word = _name_hover(doc, start, end)
        if found_word is None and start < end:
            found_word = _workers_hover(doc, start, end)
        if found_word is None and start < end:
            found_word = _pool_hover(doc, doc.offset(line, column))
        if found_word is None and start < end:
            found_word = _directory_hover(doc, doc.offset(line, column))
        for more in (_schedule_hover, _address_hover, _disk_hover, _suffix_hover, _value_hover):
            if found_word is None and start < end:
                found_word = more(doc, doc.offset(line, column))
        if found_word is None:
            found_word = _keyword_hover(doc, line, column)
        if found_word is not None:
            parts.append(found_word[0])
            span = found_word[1]
    codes: list[str] = []
    for d in doc.diagnostics:
        if (
            d.span is not None
            and d.span.file == doc.name
            and contains(d.span, line, column)
            and d.code not in codes
        ):
            codes.append(d.code)
    start, end = _word_at(doc, line, column)
    if CODE_WORD.fullmatch(doc.text[start:end]) and doc.text[start:end].upper() not in codes:
        codes.append(doc.text[start:end].upper())
    for code in codes:
        text = explain(code)
        if text:
            parts.append(text)
    if not parts:
        return None
    return Hover("\n\n---\n\n".join("\n".join(p) for p in parts), span)


# ================================================================ completion
@dataclass
class Completion:
    label: str
    kind: str  # keyword | member | group | user | value | file | folder (import paths)
    detail: str = ""
    start: int = 0  # offset of the text the completion replaces (the word typed so far)
    end: int = 0
    text: str = ""  # the text written over start:end, when not the label
    filter: str = ""  # what the editor matches the typed text against, when not the label


def _in_comment_or_string(line_text: str) -> bool:
    quotes = 0
    for n, c in enumerate(line_text):
        if c == '"' and (n == 0 or line_text[n - 1] != "\\"):
            quotes += 1
        elif c == "#" and quotes % 2 == 0 and (n == 0 or not (line_text[n - 1] in NAME_CHARS)):
            return True
    return quotes % 2 == 1


def parser_state(prefix: str):
    """(terminals the parser accepts after `prefix`, the tokens it read): `parser_read`'s
    first two."""
    accepted, tokens, _ = parser_read(prefix)
    return accepted, tokens


def parser_read(prefix: str):
    """(terminals the parser accepts after `prefix`, the tokens it read, the parser
    where it stopped: `_reads_on` goes on from there).

    Repairs what it can, as the parser's own recovery does: a missing name is
    assumed, a statement after a `}` that closed its block early is read as if
    that `}` were not there, a keyword that starts a line in the middle of a
    statement starts the next one (`disk BKRBKUP`, then `catalog ...`), a token
    that fits nowhere is skipped, so a mistake earlier in the file does not stop
    completion further down.
    """
    from lark import Token
    from lark.exceptions import UnexpectedCharacters, UnexpectedToken

    from bkrdsl.syntax.parser import parser

    ip = parser().parse_interactive(prefix)
    tokens: list = []
    # (index in `tokens`, the parser's state before it) of the last few `}` read.
    closes: list = []

    def without_a_close(tok) -> bool:
        """Read `tok` as if one of the last `}` read were not there (the parser's
        recovery reopens the block it closed): the most recent that lets it fit."""
        accepted = ip.accepts()
        if "RBRACE" not in accepted and "$END" not in accepted:
            return False  # mid-statement: not a statement after a closed block
        for at, state in reversed(closes):
            trial = state.copy(deepcopy_values=False)
            try:
                for later in [*tokens[at + 1 :], tok]:
                    trial.feed_token(later)
            except UnexpectedToken:
                continue
            ip.parser_state = trial
            del tokens[at]
            tokens.append(tok)
            closes[:] = [(i, c) for i, c in closes if i < at]
            return True
        return False

    def feed(tok) -> bool:
        """Feed `tok`, repairing; whether the parser's state was replaced (the
        lexer, which reads it for its context, must then be made again)."""
        before = ip.parser_state.copy(deepcopy_values=False) if tok.type == "RBRACE" else None
        try:
            ip.feed_token(tok)
            tokens.append(tok)
            if before is not None:
                closes[:] = [*closes[-7:], (len(tokens) - 1, before)]
            return False
        except UnexpectedToken:
            pass
        if tok.type in ("GROUP", "USER") and "SINGLE" in ip.accepts():
            # `group APPS { ... }`, `user LNX01`: a declaration without its kind (BKR004),
            # read with one assumed, as `bkrc check`'s recovery reads it (not the `{ ... }`
            # of the group above reopened, which read the rest of the file as its IDs).
            ip.feed_token(Token.new_borrow_pos("SINGLE", "", tok))
            ip.feed_token(tok)
            tokens.append(tok)
            return False
        if tok.type != "RBRACE" and without_a_close(tok):
            return True
        if "NAME" in ip.accepts():  # `workers }`: assume the name, then take the token
            ip.feed_token(Token.new_borrow_pos("NAME", "", tok))
            try:
                ip.feed_token(tok)
                tokens.append(tok)
            except UnexpectedToken:
                pass
        return False

    table = ip.parser_state.parse_conf.parse_table.states
    keywords = _keyword_words()
    # (the parser's state, how many tokens it had read) where the statement being read began
    boundary: tuple | None = None

    def between_statements() -> bool:
        actions = table[ip.parser_state.position]
        return "RBRACE" in actions or "$END" in actions

    def restart_at(tok):
        """`disk BKRBKUP` then `catalog shared ...` on the next line: the name the
        statement lacks was read as `catalog`, and every token after it fitted
        nowhere. A keyword that starts a line in the middle of a statement starts
        the next one, as `bkrc check`'s recovery reads it: the statement left
        unfinished is dropped, and the line read again from where it began. The
        lexer, to go on from there; None when the keyword fits there no better."""
        state, count = boundary
        trial = state.copy(deepcopy_values=False)
        line_ctr = ip.lexer_thread.state.line_ctr
        saved = (line_ctr.char_pos, line_ctr.line, line_ctr.column, line_ctr.line_start_pos)
        line_ctr.char_pos, line_ctr.line, line_ctr.column = tok.start_pos, tok.line, tok.column
        line_ctr.line_start_pos = tok.start_pos - tok.column + 1
        lexer = ip.lexer_thread.lex(trial)
        try:
            first = next(lexer)
            trial.feed_token(first)
        except (StopIteration, UnexpectedToken, UnexpectedCharacters):
            line_ctr.char_pos, line_ctr.line, line_ctr.column, line_ctr.line_start_pos = saved
            return None
        ip.parser_state = trial
        del tokens[count:]
        tokens.append(first)
        closes[:] = [(i, c) for i, c in closes if i < count]
        return lexer

    lexer = ip.lexer_thread.lex(ip.parser_state)
    for _ in range(len(prefix) + 1):
        try:
            tok = next(lexer)
        except StopIteration:
            break
        except UnexpectedToken as err:  # lexed, but not a token this context expects
            tok = err.token
            if (
                boundary is not None
                and tokens
                and not between_statements()  # in the middle of a statement
                and tok.line > tokens[-1].end_line
                and str(tok.value).lower() in keywords
            ):
                # `single grop X { A }`, then `job J {`: the statement left unfinished ends
                # where the next line's keyword starts, also when the lexer's context
                # (after `single`: `group` or `user`) has no place for that keyword.
                restarted = restart_at(tok)
                if restarted is not None:
                    lexer = restarted
                    continue
            feed(tok)
            lexer = ip.lexer_thread.lex(ip.parser_state)
            continue
        except UnexpectedCharacters:
            line_ctr = ip.lexer_thread.state.line_ctr
            line_ctr.feed(prefix[line_ctr.char_pos : line_ctr.char_pos + 1])
            lexer = ip.lexer_thread.lex(ip.parser_state)
            continue
        if between_statements():
            boundary = (ip.parser_state.copy(deepcopy_values=False), len(tokens))
        elif (
            tok.type == "NAME"
            and boundary is not None
            and tokens
            and tok.line > tokens[-1].end_line
            and tok.value.lower() in keywords
        ):
            restarted = restart_at(tok)
            if restarted is not None:
                lexer = restarted
                continue
        if feed(tok):
            lexer = ip.lexer_thread.lex(ip.parser_state)
    return set(ip.accepts()), tokens, ip


def keyword_texts(accepted: set[str]) -> list[str]:
    from bkrdsl.syntax.parser import parser

    lark = parser()
    out = []
    for name in accepted:
        try:
            pattern = lark.get_terminal(name).pattern
        except KeyError:  # $END
            continue
        if type(pattern).__name__ == "PatternStr" and pattern.value[:1].isalpha():
            out.append(pattern.value)
    return sorted(out)


#: The statements a block holds once (BKR115, docs/rules/BKR115.md), by the keyword
#: that opens the block, and the options a statement takes once, by its first keyword.
ONCE_IN_BLOCK = {
    "cluster": frozenset({"catalog", "tape", "description"}),
    "member": frozenset({"workers", "job-suffix", "description"}),
    "job": frozenset({"run", "to", "description"}),
    "expire": frozenset({"preview", "purge", "retain"}),  # no `description` there: BKR013
}
#: The file's own statements it holds once: a second `cluster` is BKR111.
ONCE_IN_FILE = frozenset({"cluster"})
ONCE_IN_STATEMENT = {
    "catalog": frozenset({"server", "pool", "on", "logon-wait", "pool-wait"}),
    "tape": frozenset({"catalog-node", "request-node", "catalog-dmm", "request-dmm"}),
}
#: The keywords that start a statement in a block (a statement's options end there): the
#: cluster block's (syntax/lexicon.py), the one whose statements take options.
STATEMENT_STARTS = lexicon.BLOCK_STATEMENTS["cluster"]
#: The options a statement of a kind must name (its keyword, its kind): without them
#: `bkrc check` says it is incomplete, a shared catalog its SFS server and pool
#: (BKR212), a shared Tape Manager its catalog node (BKR233).
MUST_NAME = {
    ("catalog", "shared"): frozenset({"server", "pool"}),
    ("tape", "shared"): frozenset({"catalog-node"}),
}
#: What it must name besides in a cluster of more than one member: a shared Tape
#: Manager's request node, the IDENTITY that asks for tapes on every member but the
#: catalog node's (BKR233, `check.tape.nodes_missing`).
MUST_NAME_OF_SEVERAL = {("tape", "shared"): frozenset({"request-node"})}
#: The options a statement of a kind names only in a cluster of more than one member:
#: in one of a single member, the catalog node's, a shared Tape Manager has no request
#: node, nor its DMM (BKR236; a `disk` for either, BKR253), so they are not offered.
OF_SEVERAL_ONLY = {("tape", "shared"): frozenset({"request-node", "request-dmm"})}


def _said_once_already(tokens) -> frozenset[str]:
    """The keywords not to offer at the end of `tokens`: a statement its block holds
    once, written there already before the cursor (`member VMA { workers 2 |`: not
    `workers`; below a cluster, not `cluster`, BKR111), and an option of the statement being written that it has already
    (`catalog shared server X pool P |`: not `server` nor `pool`), each BKR115 in
    `bkrc check`. Statements after the cursor are left alone (the cursor may be
    where the one written below is being moved to): but for those on the cursor's
    line, and the options after it, in the middle of a line (`_said_once_after`)."""
    opener, said = _block_said(tokens)
    out = set(ONCE_IN_FILE if opener is None else ONCE_IN_BLOCK.get(opener, ())) & set(said)
    statement = next((w for w in said if w in STATEMENT_STARTS), None)
    if statement in ONCE_IN_STATEMENT:
        options = said[: said.index(statement)]
        out |= ONCE_IN_STATEMENT[statement] & set(options)
    return frozenset(out)


def _still_to_name(tokens, members: int = 0) -> frozenset[str]:
    """The options the statement being written at the end of `tokens` must name and has
    not yet (`MUST_NAME`): `catalog shared server X |`, `pool`; in a cluster of
    `members` members, two or more, those of `MUST_NAME_OF_SEVERAL` too (`tape
    manager shared catalog-node T on M |`, `request-node`)."""
    _, said = _block_said(tokens)
    statement = next((w for w in said if w in STATEMENT_STARTS), None)
    if statement is None:
        return frozenset()
    options = said[: said.index(statement)]
    for (keyword, kind), needed in MUST_NAME.items():
        if statement == keyword and kind in options:
            if members > 1:
                needed |= MUST_NAME_OF_SEVERAL.get((keyword, kind), frozenset())
            return needed - set(options)
    return frozenset()


def _of_several_only(tokens, members: int) -> frozenset[str]:
    """The options not to offer to the statement being written at the end of `tokens`
    in a cluster of `members` members, fewer than two (`OF_SEVERAL_ONLY`): `tape
    manager shared catalog-node T on M |`, not `request-node` nor `request-dmm`."""
    if members > 1:
        return frozenset()
    _, said = _block_said(tokens)
    statement = next((w for w in said if w in STATEMENT_STARTS), None)
    if statement is None:
        return frozenset()
    options = said[: said.index(statement)]
    return frozenset().union(
        *(left for (keyword, kind), left in OF_SEVERAL_ONLY.items() if statement == keyword and kind in options)
    )


def _block_said(tokens) -> tuple[str | None, list[str]]:
    """The keyword that opens the block the end of `tokens` is in (None at the file's
    own level; "" for a block that holds no statement once), and the keywords of that
    block at its own depth, last first."""
    said: list[str] = []
    depth = 0
    opener = None
    for n in range(len(tokens) - 1, -1, -1):
        tok = tokens[n]
        if tok.type == "RBRACE":
            depth += 1
        elif tok.type == "LBRACE":
            if depth == 0:
                opener = ""  # a block, whatever its keyword
                for back in range(n - 1, max(n - 5, -1), -1):  # `member VMA {`, `expire on VMA {`
                    word = str(tokens[back].value).lower()
                    if tokens[back].type not in ("NAME", "STRING") and word in ONCE_IN_BLOCK:
                        opener = word
                        break
                break
            depth -= 1
        elif depth == 0 and tok.type not in ("NAME", "STRING", "COMMA"):
            said.append(str(tok.value).lower())
    return opener, said


#: The places where a list's names go (`backup LINUX, |`, `run on VMSYS1, |`,
#: `weekly sat, |`): a name the list holds already before the cursor is not offered
#: again (BKR412, BKR115, BKR416 in `bkrc check`).
LISTS = frozenset({"backup", "member", "day"})


def _listed_already(tokens) -> frozenset[str]:
    """The names, in upper case, of the list being written at the end of `tokens`:
    those between the keyword that governs it and the cursor."""
    listed = set()
    for tok in reversed(tokens):
        if tok.type == "COMMA":
            continue
        if tok.type != "NAME":
            break
        listed.add(str(tok.value).upper())
    return frozenset(listed)


def _context(tokens, accepted: set[str]) -> str | None:
    """What kind of name fits here, from the keyword that governs the position."""
    if "MATCH" in accepted:
        return "group-entry"
    names = 0  # the names between that keyword and the cursor
    for n in range(len(tokens) - 1, -1, -1):
        tok = tokens[n]
        if tok.type in ("NAME", "COMMA"):
            names += tok.type == "NAME"
            continue
        value = str(tok.value).lower()
        if value in lexicon.ORDINALS:  # `monthly first |`: its weekday
            return "day" if names == 0 else None
        if value == "monthly":  # `monthly |`: the day of the month, a number or `last-day`
            return "month-day" if names == 0 else None
        if value == "size":  # `disk BKRBKUP 191 size 10 |`: the unit after the number
            return "unit" if names == 1 else None
        if value in ("logon-wait", "pool-wait"):  # `logon-wait 5 |`: seconds or minutes
            return "wait-unit" if names == 1 else None
        if value == "pool":  # `to disk pool |`, `to tape pool |`, or the catalog's SFS file pool
            before = str(tokens[n - 1].value).lower() if n > 0 else ""
            return None if names else {"disk": "disk-pool", "tape": "tape-pool"}.get(before, "file-pool")
        if value == "sfs":  # `include sfs |`: an SFS path, `POOL:USER.DIR`
            return "sfs-path"
        if value == "on" and n >= 3 and str(tokens[n - 3].value).lower() == "size":
            return "volume" if names == 0 else None  # `disk BKRBKUP 191 size 10 cyl on |`
        if value in ("minidisk", "disk") and names:  # `include minidisk TCPIP |`: its addresses
            return None
        if value == "weekly" and names and tokens[-1].type != "COMMA":  # `weekly sun |`: the time
            return None
        if value == "server" and n > 0 and str(tokens[n - 1].value).lower() == "local":
            return "local-server"  # `catalog local server |`: a server on each member, an IDENTITY
        if value == "link":  # `link |`: a machine; the owner, addresses and mode after it are the site's
            return "machine" if names == 0 else None
        if value == "as":  # `link BKRBKUP 5697J06C 05E5 as |`: an address
            return None
        if value == "subconfig":  # `subconfig |`: a machine; `subconfig BKRBKUP |`: its SUBCONFIG's name
            return ("subconfig-machine", "subconfig-name")[names] if names < 2 else None
        return {
            "backup": "backup",
            "on": "member",
            "server": "server",
            "minidisk": "user",
            "disk": "machine",
            "role": "role",
            "weekly": "day",
        }.get(value)
    return None


def _name_completions(doc: Document, context: str | None, at: int = -1) -> list[Completion]:
    """The names that fit `context`. Worked out once per analysis (a group body of a
    10,000-user cluster offers 10,000 users at each keystroke of an ID), except the
    disk and tape pools, which leave out the word being typed: the items are shared, and
    never changed (`completions` copies those it answers with)."""
    if context in ("disk-pool", "tape-pool", "file-pool", "sfs-path"):
        if doc.edited is not None:  # the words and places of the text analysed, not this one's
            raise Reanalyse(context)
        return _names_for(doc, context, at)
    if doc.edited is not None and doc.edited.new_word and context not in MODEL_FREE_CONTEXTS:
        raise Reanalyse(context)  # the new word may declare a name, or break what declares some
    if doc.edited is not None and doc.edited.user is not None and context == "machine":
        raise Reanalyse(context)  # the user retyped may be one of the product's machines
    if doc.edited is not None and doc.edited.user is not None and context in ("server", "local-server"):
        # The user retyped may now have another user's ID (BKR208: a group's guest,
        # an ID family z/VM ships), which only the new text's model says.
        raise Reanalyse(context)
    key = ("names", context)
    kept = doc.edited.names if doc.edited is not None else doc.completion
    found = kept.get(key)
    if found is None:
        found = kept[key] = _names_for(doc, context, at)
    return found


#: The places where the names that fit are the same whatever the text declares
#: (`_names_for` lists them without the model; none where the place has no kind).
MODEL_FREE_CONTEXTS = frozenset({None, "role", "day", "month-day", "unit", "wait-unit"})


def _names_for(doc: Document, context: str | None, at: int) -> list[Completion]:
    model = doc.model
    if context in ("role",):
        return [Completion(r, "value", "role") for r in sorted(ROLES)]
    if context == "day":
        return [Completion(d, "value", "day") for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")]
    if context == "month-day":  # a number is typed as it is; the one word is offered
        return [Completion("last-day", "value", "the month's last day")]
    if context == "unit":
        from bkrdsl.dialect import UNITS

        return [Completion(u, "value", "cylinders" if u == "cyl" else "blocks") for u in UNITS]
    if context == "wait-unit":  # how BKRSTART's waits are written (docs/language.md)
        return [Completion(u, "value", "unit of time") for u in ("minutes", "seconds")]
    if model is None:
        return []
    out: list[Completion] = []
    if context == "member":
        out += [Completion(m.name, "member", f"member {m.ordinal}") for m in model.members]
    if context == "backup":
        out += [
            Completion(g.name, "group", f"{g.kind.value} group" if _kind_written(doc, g.decl.kind_span, g.kind) else "group, its kind not written")
            for g in model.groups
        ]
    if context == "volume" and model.cluster is not None:  # `disk ... on |`: the cluster's volume labels
        cluster = model.cluster
        labels: dict[str, str] = {}
        for st in cluster.settings:
            for w in st.values if st.keyword == "shared-volume" else ():
                labels.setdefault(w.upper, "shared volume")
        for m in cluster.members:
            for st in m.settings:
                for w in st.values if st.keyword == "private-volume" else ():
                    labels.setdefault(w.upper, f"private volume of {m.name.upper}")
        out += [Completion(label, "value", what) for label, what in labels.items()]
    if context in ("disk-pool", "tape-pool"):  # the pools of that medium the jobs back up to (not the word typed)
        medium = context.partition("-")[0]
        words = [
            t.pool
            for j in model.jobs
            for t in j.decl.targets
            if t.medium.value == medium and t.pool is not None and t.pool.upper
        ]
        typed = [w for w in words if w.span.file == doc.name and w.span.start <= at <= w.span.end]
        pools = {w.upper for w in words if w not in typed}
        out += [Completion(p, "value", f"{medium} pool") for p in sorted(pools)]
    if context in ("file-pool", "sfs-path"):
        colon = ":" if context == "sfs-path" else ""
        out += [Completion(p + colon, "value", what) for p, what in _file_pools(doc, at).items()]
    if context == "sfs-path":
        users = _sfs_users(doc, at)
        out = users if users else out  # after the colon, the user part: not the pools again
    if context == "user":  # a minidisk selection's owner: `*` first, the one most written
        out.append(Completion("*", "value", "every user backed up"))
    if context in ("backup", "user", "group-entry"):
        seen = set()
        # A user declared by the word retyped since the analysis has that word's ID.
        retyped, new_id = (doc.edited.user, doc.edited.new.upper()) if doc.edited is not None else (None, "")
        for u in model.user_defs:
            uid = new_id if u is retyped else u.id
            if uid not in seen and not (context == "backup" and u.role):
                seen.add(uid)
                written = _kind_written(doc, u.kind_span, u.kind)
                out.append(Completion(uid, "user", f"{u.kind.value} user" if written else "user, its kind not written"))
    if context == "machine":  # `disk |`: the product's machines (any other user there is BKR332)
        out += _machines(model)
    if context in ("server", "local-server"):
        # The catalog's SFS server: single for a shared catalog, IDENTITY for a local
        # one (BKR202); none of the product's (BKR217); nor an ID another user has,
        # z/VM's own or a group's guest (BKR208): a `single user` or `identity user`
        # statement of the site's own, as BKR208's page says.
        from bkrdsl.check.common import valid_user_id
        from bkrdsl.check.kinds import taken_id

        kind = Kind.IDENTITY if context == "local-server" else Kind.SINGLE
        retyped, new_id = (doc.edited.user, doc.edited.new.upper()) if doc.edited is not None else (None, "")
        fits: dict[str, bool] = {}
        for u in model.user_defs:
            uid = new_id if u is retyped else u.id
            fits[uid] = fits.get(uid, True) and u.kind is kind and not u.role
        out += [
            Completion(uid, "user", f"{kind.value} user")
            for uid, fit in fits.items()
            if fit and not taken_id(model, uid, "catalog-sfs-server")
        ]
        # The users of the file's `disk` statements that no role makes a machine of the
        # product (`disk BKRSVSFS 191 size 20 cyl` written before its server: BKR332
        # until the catalog names it), nor another statement one of the other kind: the
        # machine the site gave a minidisk for. (The dialect table names no SFS server:
        # its `catalog-sfs-server` is a role, the site's own ID.)
        machines = model.machine_roles()
        for d in model.disks:
            uid = d.user.upper
            if (
                valid_user_id(uid)
                and uid not in fits
                and uid not in machines
                and model.kind_of(uid) in (None, kind)
                and not taken_id(model, uid, "catalog-sfs-server")
            ):
                fits[uid] = True
                out.append(Completion(uid, "user", f"{kind.value} user, a `disk` of the file is for it"))
    # A name the parser's recovery assumed where none is written (`single group { A }`,
    # BKR010) declares nothing to offer: an empty item the editor would show as a blank.
    return [c for c in out if c.label]


def _machines(model) -> list[Completion]:
    """The product's machines a `disk` statement may give a minidisk, the site's own
    first: those the cluster names (the catalog's SFS server, the Tape Manager's
    machines) or the site's files declare, then those only the standard library
    declares (`std/backup-manager`'s `BKRWRK*`, `BKRBKUP`...), each group in the
    model's order (`Model.machine_roles`); the workers by their pattern, not each
    of `BKRWRK01`, `BKRWRK02`..."""
    own: list[Completion] = []
    standard: list[Completion] = []
    patterns = [p for p in model.pattern_defs if p.role]
    for p in patterns:
        (standard if in_stdlib(p.span.file) else own).append(Completion(p.pattern, "user", ROLE_TEXT.get(p.role, p.role)))
    covered = {p.role for p in patterns}
    for machine, role in model.machine_roles().items():
        if role in covered:
            continue
        defs = model.user_defs_of(machine)
        stdlib = bool(defs) and all(in_stdlib(u.span.file) for u in defs)  # none: the cluster names it
        (standard if stdlib else own).append(Completion(machine, "user", ROLE_TEXT.get(role, role)))
    out: dict[str, Completion] = {}
    for c in own + standard:  # each once, where first
        out.setdefault(c.label, c)
    return list(out.values())


def _member_block_at(doc: Document, name: str, at: int):
    """The member `name` (its `MemberModel`, the one compiled: the first block of that
    name) and the `member` block at offset `at` of the document (its AST: a block
    written twice, BKR322, the one the cursor is in), or (None, None)."""
    model = doc.model
    member = model.member(name) if model is not None and model.cluster is not None else None
    if member is None:
        return None, None
    for m in model.members:
        s = m.decl.span
        if m.name == name and s.file == doc.name and s.start <= at <= s.end:
            return member, m.decl
    return member, member.decl


def _directory_subconfig(doc: Document, machine: str, member: str):
    """With the `directory` setting: the `Build` (`BUILD ON member USING SUBCONFIG id`)
    by which the site's CP directory builds `machine`'s instance on `member`, its
    IDENTITY's statement for that member (not `BUILD ON *`, one SUBCONFIG for every
    member: no name of this member's to keep); None without one."""
    directory = doc.directory
    if directory is None or not directory.readable:
        return None
    entry = directory.entry(machine)
    if entry is None or entry.kind != "IDENTITY" or entry.builds_unread:
        return None
    return next((b for b in entry.builds if b.member == member), None)


def _subconfig_completions(doc: Document, context: str, tokens, at: int) -> list[Completion]:
    """`subconfig |` in a member block: the product machines that run on the member as
    IDENTITY instances (`Model.subconfigs`: the backup and catalog servers, the
    workers its `workers` count gives it, the site's own machines with a `role`, a
    local catalog's SFS server, a Tape Manager request node), in the model's order,
    but those the block names in a `subconfig` statement already (a second one is
    BKR115); each with the SUBCONFIG bkrc names its instance. With the `directory`
    setting, those the site's directory builds from a SUBCONFIG of another name come
    first, saying it: the statements BKR529 asks for. `subconfig BKRBKUP |`: the name
    bkrc writes without the statement (`BKRBUP-1`), its default; with the setting,
    the directory's name first where it differs. Nothing in a block of no member the
    cluster compiles, or after a machine that runs no instance there (BKR340)."""
    from bkrdsl.resolve.model import subconfig_id

    if doc.edited is not None:  # the statements of the block as the text now has them
        raise Reanalyse(context)
    block = _enclosing_block(tokens)
    if block is None or block[0] != "member":
        return []
    member, decl = _member_block_at(doc, block[1], at)
    if member is None:
        return []
    model = doc.model
    roles = model.machine_roles()
    here = [machine for machine, m, _ in model.subconfigs() if m is member]
    if context == "subconfig-name":
        machine = str(tokens[-1].value).upper()
        if machine not in here:
            return []
        own = subconfig_id(machine, member.ordinal)
        found = [
            Completion(
                own,
                "value",
                f"bkrc's default: `{machine}`'s ID and the member's number (member {member.ordinal}),"
                " the SUBCONFIG the compile writes without this statement",
            )
        ]
        build = _directory_subconfig(doc, machine, member.name)
        if build is not None and build.subconfig != own:
            said = f"the site directory's: BUILD ON {build.member} USING SUBCONFIG {build.subconfig} ({where(doc, build.span)})"
            found.insert(0, Completion(build.subconfig, "value", said))
        return found
    written = {
        s.values[0].upper
        for s in decl.settings_named("subconfig")
        if s.values and not (s.span.file == doc.name and s.span.start <= at <= s.span.end)
    }
    first: list[Completion] = []
    rest: list[Completion] = []
    for machine in here:
        if machine in written:
            continue
        own = subconfig_id(machine, member.ordinal)
        role = ROLE_TEXT.get(roles.get(machine, ""), "a product machine")
        build = _directory_subconfig(doc, machine, member.name)
        if build is not None and build.subconfig != own:
            detail = f"{role}; the site directory builds it on `{member.name}` from `{build.subconfig}`, where bkrc writes `{own}`"
            first.append(Completion(machine, "user", detail))
        else:
            rest.append(Completion(machine, "user", f"{role}; on `{member.name}` bkrc names its SUBCONFIG `{own}`"))
    return first + rest


def _defs_by_id(doc: Document) -> dict[str, list]:
    """Each user ID the analysis declares, with the places that declare it (`UserDef`),
    in the order of the text; worked out once per analysis."""
    kept = doc.edited.names if doc.edited is not None else doc.completion  # the same model's
    found = kept.get("defs")
    if found is None:
        found = kept["defs"] = {}
        for u in doc.model.user_defs if doc.model is not None else ():
            found.setdefault(u.id, []).append(u)
    return found


def _group_entries(doc: Document, names: list[Completion], tokens, at: int) -> list[Completion]:
    """The users that fit in the group body at `at` (`single group APPS { LNX01 | }`):
    not one the group lists already (BKR416), not one declared only by the word being
    typed (`{ L|`: the `L` typed so far), and not one declared of the other kind
    (`TCPIP`, identity elsewhere, in a single group: BKR203; the product's IDENTITY
    machines: BKR201). Those another group of the same kind lists by name come last,
    saying so: legal, but the jobs of both groups back the user up (BKR405 or BKR410
    at one level, BKR411 for single users backed up from two members)."""
    kind = None  # the group's, from the words before its `{`: `single group APPS {`
    this = None  # its name
    listed: set[str] = set()
    for n in range(len(tokens) - 1, -1, -1):
        if tokens[n].type == "LBRACE":
            if n >= 3 and tokens[n - 2].type == "GROUP":
                kind = {"single": Kind.SINGLE, "identity": Kind.IDENTITY}.get(str(tokens[n - 3].value).lower())
                this = f"group {str(tokens[n - 1].value).upper()}"
            break
        if tokens[n].type == "NAME" and (n == 0 or tokens[n - 1].type != "MATCH"):
            listed.add(str(tokens[n].value).upper())
    # The words after the cursor's, to the group's `}` (or its line's end, where the
    # group is not closed yet and another block's `{` comes first).
    rest = at  # past the rest of the word being typed
    while rest < len(doc.text) and doc.text[rest] in NAME_CHARS:
        rest += 1
    after = doc.text[rest:]
    end = len(after)
    for sign in "{}":
        found = after.find(sign)
        if found != -1:
            end = min(end, found)
    if end < len(after) and after[end] == "{":
        end = min(end, (after.find("\n") + 1 or len(after) + 1) - 1)
    words = after[:end].split()
    listed |= {w.upper() for i, w in enumerate(words) if w.lower() != "match" and (i == 0 or words[i - 1].lower() != "match")}
    retyped = doc.edited.user if doc.edited is not None else None
    defs = _defs_by_id(doc)
    here = at  # `at` in the text analysed, whose places the model's are
    if doc.edited is not None and at >= doc.edited.start + len(doc.edited.new):
        here += len(doc.edited.old) - len(doc.edited.new)

    def fits(c: Completion) -> bool:
        if c.label.upper() in listed:
            return False
        found = [
            u
            for u in defs.get(c.label, [])
            if u is not retyped and not (u.span.file == doc.name and u.span.start <= here <= u.span.end)
        ]
        if (  # the word retyped declares it, away from the cursor
            retyped is not None
            and c.label == doc.edited.new.upper()
            and not doc.edited.start <= at <= doc.edited.start + len(doc.edited.new)
        ):
            found.append(retyped)
        if not found:
            return False  # the word being typed, which declares itself alone
        if kind is not None and not any(u.kind is kind for u in found):
            return False
        # (a loop and operators, no call: a group body of 10,000 users asks it of each)
        for u in found if kind is not None else ():
            if u.kind is kind and u.origin != this and u.origin[:6] == "group ":
                group = u.origin[6:]
                if c.label not in elsewhere:
                    elsewhere[c.label] = group
                elif group not in elsewhere[c.label].split(", "):
                    elsewhere[c.label] += ", " + group
        return True

    elsewhere: dict[str, str] = {}  # a user another group of this kind lists -> those groups, in the text's order
    kept = [c for c in names if fits(c)]
    if not elsewhere:
        return kept
    return [c for c in kept if c.label not in elsewhere] + [
        Completion(c.label, c.kind, f"{c.detail}; in group {elsewhere[c.label]} already: backed up by its jobs too")
        for c in kept
        if c.label in elsewhere
    ]


def _file_pools(doc: Document, at: int) -> dict[str, str]:
    """The SFS file pools the cluster names (not the word being typed), each with what
    names it: the catalog's, then those of the SFS paths its selections write
    (`include sfs VMSYSU:LNX01.*`), in the order of the text."""
    model = doc.model
    named = [(w, "the catalog's file pool") for c in model.catalogs for w in c.decl.pool]
    for s in _sfs_selections(model):
        named += [(w, "file pool of an SFS selection") for w in s.items if ":" in w.text[1:]]
    out: dict[str, str] = {}
    for word, what in named:
        pool = word.upper.partition(":")[0]
        typed = word.span.file == doc.name and word.span.start <= at <= word.span.end
        if pool and not typed:
            out.setdefault(pool, what)
    return out



def _sfs_users(doc: Document, at: int) -> list[Completion]:
    """After an SFS path's colon (`include sfs BKRPOOL:|`), the file spaces of the
    users the selection's job backs up by name (`BKRPOOL:LNX01`: an include's user
    part is narrowed to the job's users, as a minidisk owner is), in that pool; in
    a member block, those of its single-configuration jobs there, which its
    selections join. Nothing before the colon, nor in a path of no job."""
    start = at
    while start > 0 and doc.text[start - 1] in NAME_CHARS:
        start -= 1
    pool, colon, _ = doc.text[start:at].partition(":")
    if not colon or not pool:
        return []
    model = doc.model
    jobs = [j for j in model.jobs if j.decl.span.file == doc.name and j.decl.span.start <= at <= j.decl.span.end]
    if not jobs:
        members = [m for m in model.members if m.decl.span.file == doc.name and m.decl.span.start <= at <= m.decl.span.end]
        jobs = [j for m in members for _, j in model.member_jobs(m.name) if j.takes_member_excludes]
    users = dict.fromkeys(u for j in jobs for u in model.job_user_ids(j))
    named = ", ".join(dict.fromkeys(j.name for j in jobs))
    return [Completion(f"{pool.upper()}:{u}", "value", f"file space of a user of {named}") for u in users]

#: An `import` line up to the cursor: the module path typed so far.
_IMPORT_TYPED = re.compile(r"[ \t]*import[ \t]+(\S*)", re.IGNORECASE)
#: Folders an import path is not offered into (as the workspace's search skips them).
_NOT_OFFERED = frozenset({"node_modules", "__pycache__"})
#: Entries offered from one folder, at most (a folder of thousands is no list to pick from).
MAX_FOLDER_ENTRIES = 500


def _folder_entries(folder: Path, head: str, skip: Path | None) -> list[Completion]:
    """The modules (`.bkr` files) and subfolders of `folder`, each written after `head`."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except (OSError, ValueError):  # no such folder (yet), or one bkrc may not read
        return []
    out: list[Completion] = []
    for entry in entries[: MAX_FOLDER_ENTRIES * 4]:
        name = entry.name
        if name.startswith(".") or name in _NOT_OFFERED:
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:
            continue
        if is_dir:
            out.append(Completion(f"{head}{name}/", "folder", "folder"))
        elif is_file and name.endswith(".bkr") and len(name) > 4:
            if skip is not None and os.path.abspath(entry.path) == str(skip):
                continue  # a file does not import itself (BKR102)
            out.append(Completion(f"{head}{name[:-4]}", "file", "module"))
        if len(out) >= MAX_FOLDER_ENTRIES:
            break
    return out


def _imported_elsewhere(doc: Document, line: int) -> frozenset[str]:
    """The module paths, in lower case, that this document's `import` statements name
    on lines other than `line` (0-based; the one being typed may be retyping its own)."""
    main = doc.analysis.program.main if doc.analysis is not None else None
    if main is None:
        return frozenset()
    return frozenset(
        i.path.lower() for i in main.imports if i.span.file == doc.name and i.path and i.span.line - 1 != line
    )


def _import_completions(doc: Document, typed: str) -> list[Completion]:
    """The module paths that `import` can take, as far as `typed` has gone: the standard
    library's modules, and the modules and folders of the place the path leads to (the
    importing file's folder for `./` and `../`, and also each search-path folder
    for a path without them), one folder at a time, as the loader looks them up."""
    from bkrdsl.resources import stdlib_dir

    head, slash, _ = typed.rpartition("/")
    out: list[Completion] = []
    if not slash or head.lower() == "std":
        modules = sorted(p.stem for p in stdlib_dir().glob("*.bkr"))
        out += [Completion(f"std/{m}", "file", "standard library") for m in modules]
        if slash:
            return out
    if doc.path is None:  # a buffer not saved: no folder of its own
        return out
    base = Path(os.path.abspath(doc.path)).parent
    if not slash:
        out += _folder_entries(base, "./", doc.path)
        for folder in doc.search_path:
            out += _folder_entries(Path(folder), "", None)
        return out
    prefix = head + "/"
    folders = [base / head]
    if not head.startswith((".", "/")):  # `import site/x`: beside the file, then the search path
        folders += [Path(folder) / head for folder in doc.search_path]
    seen: set[str] = set()
    for folder in folders:
        for item in _folder_entries(folder, prefix, Path(os.path.abspath(doc.path))):
            if item.label not in seen:
                seen.add(item.label)
                out.append(item)
    return out


#: Items one completion answers with, at most. A group body in a 10,000-user
#: cluster fits 10,000 user IDs: building, sending and reading them all took most
#: of a second at each keystroke. Past this many, the answer holds those that best
#: match the word typed so far (as workspace symbols rank names, `match_rank`) and
#: says it is incomplete (`isIncomplete`), so the editor asks again as the word
#: grows, as large language servers do.
MAX_COMPLETION_ITEMS = 200


@dataclass
class Completions:
    items: list[Completion]
    incomplete: bool = False  # more fit than `items` holds: the editor should ask again


def _skimmed(doc: Document, end: int) -> str:
    """The text before `end` as the parser needs it to tell what may come next: the
    inside of each block closed before it left out (`{ }`), as far as the file's
    first syntax error (`bkrdsl.syntax.skim`). Reading the 10,000 users of a
    cluster's groups again was most of a completion's time."""
    from bkrdsl.syntax.fast import braces
    from bkrdsl.syntax.skim import skim

    found = doc.completion.get("braces")
    if found is None:
        found = doc.completion["braces"] = braces(doc.text)
    limit = end
    for d in syntax_errors(doc):
        if d.span is not None and d.span.file == doc.name:
            limit = min(limit, d.span.start)
    return skim(doc.text, end, limit, found).text


def _answer(
    found: list[Completion],
    typed: str,
    start: int,
    end: int,
    limit: int | None,
    after: str = "",
    commas: frozenset[int] = frozenset(),
) -> Completions:
    """`found` as the answer: each item replacing `start:end`, at most `limit` of them;
    each written with `after` after it (a blank before the word the cursor is glued to),
    and those whose `id` `commas` holds with a `,` before that (a name before a list's
    next name, `_reading_on`: made here, for the items answered only)."""
    incomplete = limit is not None and len(found) > limit
    if incomplete:
        found = _best(found, typed, limit)
    if commas:
        found = [
            Completion(c.label + ",", c.kind, c.detail, text=c.text + "," if c.text else "") if id(c) in commas else c
            for c in found
        ]
    return Completions(
        [Completion(c.label, c.kind, c.detail, start, end, (c.text or c.label) + after if after else c.text, c.filter) for c in found],
        incomplete,
    )


def _best(found: list[Completion], typed: str, limit: int) -> list[Completion]:
    """The first `limit` items of `found` that match `typed`, by `match_rank` (the
    same name, then those that start with it, hold it, hold its letters in order),
    each rank in the order of `found`. Ranked with plain string tests: the letters
    in order are looked for only when the others are too few."""
    query = typed.strip().upper()
    if not query:
        return found[:limit]
    same, starts, holds = [], [], []
    for c in found:
        name = c.label.upper()
        if name.startswith(query):
            (same if name == query else starts).append(c)
        elif query in name:
            holds.append(c)
    out = (same + starts + holds)[:limit]
    if len(out) < limit:
        out += [c for c in found if match_rank(c.label, query) == 3][: limit - len(out)]
    return out


#: `group` (or `user`) first on its line, as a declaration is begun without its kind,
#: and the group's name (the user's ID) after it, if one (`group APPS |`).
_GROUP_TYPED = re.compile(r"[ \t]*(group|user)(?:[ \t]*|[ \t]+[^\s{}\"#]+[ \t]*)", re.IGNORECASE)
#: A group's body after the cursor (`group APPS | { CICSPRD DB2PRD }`): its name, if
#: not typed yet, and the words to its `}`.
_BODY_AFTER = re.compile(r"[ \t]*(?:[^\s{}\"#]+[ \t]*)?\{([^{}]*)\}?")


def _declared_ids(doc: Document, keyword: str, typed: str, at: int) -> tuple[list[str], int]:
    """The user IDs the kindless declaration at the cursor declares: `user CICSPRD`'s
    ID; a group's, those its body lists (`match` patterns left out), after the cursor
    on its line and to its `}`. With the offset where the declaration ends."""
    if keyword == "user":
        words = typed.split()[1:]
        end = at
        while end < len(doc.text) and doc.text[end] in NAME_CHARS:
            end += 1
        rest = doc.text[at:end]
        return ([(words[0] + rest).upper()] if words else ([rest.upper()] if rest else [])), end
    body = _BODY_AFTER.match(doc.text, at)
    if body is None:
        return [], at
    words = re.sub(r"#[^\n]*", " ", body.group(1)).split()
    ids = [w.upper() for i, w in enumerate(words) if w.lower() != "match" and (i == 0 or words[i - 1].lower() != "match")]
    return ids, body.end()


def _kind_said_elsewhere(doc: Document, ids: list[str], start: int, end: int) -> tuple[Kind, str] | None:
    """The kind that the users `ids` are declared with outside `start:end` (the
    kindless declaration itself, which the parser's recovery gives a kind of its
    own), or, for those declared nowhere else, that the site's directory gives them
    (an IDENTITY or a USER entry); with why, as the item's detail says it. None when
    nothing says, or the users are said to be of both kinds (BKR203 either way)."""
    defs = _defs_by_id(doc)
    directory = doc.directory if doc.directory is not None and doc.directory.readable else None
    said: dict[Kind, list[str]] = {}
    for name in ids:
        found = [
            u
            for u in defs.get(name, [])
            if u.kind is not None and not (u.span.file == doc.name and start <= u.span.start < end)
        ]
        if found:
            u = found[0]
            place = f"line {u.span.line}" if u.span.file == doc.name else Path(u.span.file).name
            said.setdefault(u.kind, []).append(f"`{name}` is declared {u.kind.value} ({place})")
            continue
        entry = directory.entry(name) if directory is not None else None
        kind = {"IDENTITY": Kind.IDENTITY, "USER": Kind.SINGLE}.get(entry.kind) if entry is not None else None
        if kind is not None:
            article = "an" if entry.kind == "IDENTITY" else "a"
            said.setdefault(kind, []).append(f"`{name}` is {article} {entry.kind} entry of the site's directory")
    if len(said) != 1:
        return None
    ((kind, why),) = said.items()
    return kind, why[0] + (f" (and {len(why) - 1} more)" if len(why) > 1 else "")


def _group_kinds(doc: Document, start: int, at: int, keyword: str = "group") -> Completions | None:
    """`group |` (or `group APPS |`) where a statement starts: a group declaration begun
    without its kind, which goes first (`single group APPS { ... }`; `group APPS` is
    BKR004). Offered as `single group` and `identity group` (`single group APPS`) over
    what is typed, where a group may be declared (not in a member or a job); None
    elsewhere. Their filter is the text typed, so that the editor, which matches an item
    against the text it replaces, shows both. So `user CICSPRD |`: `single user
    CICSPRD`, `identity user CICSPRD`. The kind that the users declared (the group's
    body after the cursor, the user's ID) are declared with elsewhere, or the site's
    directory gives them, comes first, its detail saying why (`` `CICSPRD` is
    declared identity (line 4) ``): the other kind is BKR203."""
    accepted, _ = parser_state(_skimmed(doc, start))
    if not {"SINGLE", "IDENTITY"} <= accepted:
        return None
    typed = doc.text[start:at]
    rest = typed[len(keyword) :]  # the name and the blanks, as typed
    written = " ".join([keyword.lower(), *rest.split()])
    kinds = [
        (Kind.SINGLE, "single", "a group of single-configuration users" if keyword.lower() == "group" else "a single-configuration user"),
        (Kind.IDENTITY, "identity", "a group of IDENTITY users" if keyword.lower() == "group" else "an IDENTITY user"),
    ]
    ids, end = _declared_ids(doc, keyword.lower(), typed, at)
    if ids and doc.edited is not None:
        raise Reanalyse("the users of a declaration without its kind")  # the places are the old text's
    said = _kind_said_elsewhere(doc, ids, start, end) if ids else None
    if said is not None:
        kind, why = said
        kinds.sort(key=lambda k: k[0] is not kind)
        kinds = [(k, word, f"{what}: {why}" if k is kind else what) for k, word, what in kinds]
    return Completions(
        [
            Completion(f"{word} {written}", "keyword", what, start, at, f"{word} {keyword}{rest}", typed)
            for _, word, what in kinds
        ]
    )


def completions(doc: Document, line: int, column: int, limit: int | None = MAX_COMPLETION_ITEMS) -> Completions:
    """Keywords the grammar accepts at the cursor, and the names that fit there; in an
    `import` line, the module paths. At most `limit` items (None: all)."""
    at = doc.offset(line, column)
    line_start = doc.text.rfind("\n", 0, at) + 1
    if _in_comment_or_string(doc.text[line_start:at]):
        return Completions([])
    typed = _IMPORT_TYPED.fullmatch(doc.text[line_start:at])
    if typed is not None:
        if _rest_of_line(doc.text, at) is not None:
            return Completions([])  # `import | std/zvm73`: an import takes one path
        path = typed.group(1)
        found = _import_completions(doc, path)
        imported = _imported_elsewhere(doc, line)
        if imported:  # (a module the file imports already: importing it again adds nothing)
            found = [c for c in found if c.kind == "folder" or c.label.lower() not in imported]
        return _answer(found, path, at - len(path), at, limit)
    start = at
    while start > line_start and doc.text[start - 1] in NAME_CHARS:
        start -= 1
    if doc.edited is not None and doc.edited.new_word and start > doc.edited.start:
        raise Reanalyse("after a new word")  # the text before the cursor is not the one analysed
    kindless = _GROUP_TYPED.fullmatch(doc.text[line_start:at])
    if kindless is not None:
        found = _group_kinds(doc, line_start + kindless.start(1), at, kindless.group(1))
        if found is not None:
            return found
    # The cursor glued to a word (`{ LNX01 |LNX02`; a `#` after a blank starts a comment)
    glued = at < len(doc.text) and doc.text[at] in NAME_CHARS and (doc.text[at] != "#" or start < at)
    if glued and start < at:  # `f|ull`: no item, which would leave `ull` a word of its own
        return Completions([])
    prefix = _skimmed(doc, start)
    accepted, tokens, ip = parser_read(prefix)
    written = _said_once_already(tokens)
    if doc.model is not None and doc.model.cluster is not None:  # (one member: no request node)
        written |= _of_several_only(tokens, len(doc.model.member_names))
    if "exclude" in keyword_texts(accepted) and (_enclosing_block(tokens) or ("",))[0] == "member":
        written |= {"include"}  # a member block only excludes (BKR117)
    words = keyword_texts(accepted)
    items = _in_writing_order([Completion(k, "keyword") for k in words if k not in written], tokens, frozenset(words))
    if tokens and ("RBRACE" in accepted or "$END" in accepted):
        items = _statement_or_options_first(prefix, items, tokens, doc.text[line_start:start])
        members = len(doc.model.member_names) if doc.model is not None and doc.model.cluster is not None else 0
        if doc.text[line_start:start].strip() and _still_to_name(tokens, members):
            # `catalog shared |`: a statement after it on its line ends it there, without
            # the SFS server and pool it must name (BKR212): its options only.
            items = [c for c in items if c.label not in lexicon.STATEMENT_KEYWORDS]
    one = None  # the keyword whose `on` names one member: no second, nor a name with its `,`
    if "NAME" in accepted:
        context = _context(tokens, accepted)
        if context in ("subconfig-machine", "subconfig-name"):
            names = _subconfig_completions(doc, context, tokens, at)
        else:
            names = _name_completions(doc, context, at)
        if context in LISTS:
            listed = _listed_already(tokens)
            names = [c for c in names if c.label.upper() not in listed]
        if context == "sfs-path" and tokens[-1].type == "NAME" and not doc.text[line_start:start].strip() and items:
            # A line that starts after a selection's paths: a path list runs on over line
            # breaks, but a new line is where a statement starts, as for the addresses of
            # a minidisk selection: the statements only, not the file pools among them.
            names = []
        if context == "backup":
            names = _backup_list_names(doc, names, tokens, at)
        if context == "user":
            names = _owners_backed_up(doc, names, tokens)
        if context == "machine":
            names = _with_a_disk_last(doc, names, at)
        one = _on_one_member(doc, tokens) if context == "member" else None
        if one is not None:
            items = [c for c in items if c.label != "each"]
            names = _one_member(doc, names, tokens, one)
        if context == "member":
            names = _expire_members(doc, names, tokens, at)
        items += _group_entries(doc, names, tokens, at) if context == "group-entry" else names
    rest = _rest_of_line(doc.text, at, glued)
    commas: set[int] = set()  # (the items written with their `,`: `_reading_on`)
    selection = rest is not None and tokens and str(tokens[-1].value).lower() in ("include", "exclude")
    if selection and _owner_alone(doc, rest, at):  # `include | *`: the address still to write
        items = [c for c in items if c.kind == "keyword" and c.label == "minidisk"]
    elif glued:  # `{ LNX01 |LNX02`: the item, then a blank, before the word after the cursor
        items = _reading_on(ip, items, "", rest, tokens, glued=True, commas=commas if one is None else None)
    elif rest is not None and doc.text[line_start:at].strip():  # (in the indent: a line may be begun)
        items = _reading_on(ip, items, doc.text[start:at], rest, tokens, commas=commas if one is None else None)
    if selection:
        items = _medium_of(items, rest)
    return _answer(items, doc.text[start:at], start, at, limit, " " if glued else "", frozenset(commas))


#: A minidisk address or a range of them, as a selection writes it (`0191`, `0100-0FFF`).
_ADDRESS_WORD = re.compile(r"[0-9A-Fa-f]{1,4}(?:-[0-9A-Fa-f]{1,4})?")


def _medium_of(items: list[Completion], rest: str) -> list[Completion]:
    """`include | * 0191`: the medium that the words after the cursor select, where they
    say: an SFS path holds its file pool's `:` (`BKRPOOL:CICSPRD.*`: `sfs`), a minidisk
    selection's owner is followed by an address (`* 0191`: `minidisk`). Either reads
    there, but the other is BKR318 (the owner and addresses read as SFS paths)."""
    words = rest.split("#", 1)[0].split()
    if not words:
        return items
    if ":" in words[0]:
        wrong = "minidisk"
    elif len(words) > 1 and _ADDRESS_WORD.fullmatch(words[1]):
        wrong = "sfs"
    else:
        return items
    return [c for c in items if not (c.kind == "keyword" and c.label == wrong)]


def _owner_alone(doc: Document, rest: str, at: int) -> bool:
    """`include | *`, the line ending there (`}` or a comment after it): a minidisk
    selection's owner whose address is still to be written. An SFS path without the
    file pool's `:` is BKR318's error, whatever follows it, so `sfs` fits nowhere;
    and `minidisk`, which the words after do not read after yet (an address is due),
    is the medium being written. Not a file pool the cluster names (`include |
    BKRPOOL`): its `:` may be the next thing typed."""
    words = rest.lstrip(" ").split("\n", 1)[0].split("#", 1)[0].replace("}", " ").split()
    if len(words) != 1 or ":" in words[0] or words[0].lower() in _keyword_words():
        return False
    if not set(words[0]) <= NAME_CHARS:
        return False
    return doc.model is None or words[0].upper() not in _file_pools(doc, at)


def _rest_of_line(text: str, at: int, glued: bool = False) -> str | None:
    """What follows the cursor on its line, where an item accepted there comes before
    words that must still read after it (`exclude minidisk * 0190 | 019E`), and the
    next line that holds a word, whose first words must still read after them
    (`catalog shared ... pool BKRPOOL | on VMSYS1`, then `expire on VMSYS1 {`: not
    `expire`). Where the cursor is `glued` to a word (`{ LNX01 |LNX02`, `f|ull`), the
    item is written with a blank after it, which that rest then starts with. None at
    the line's end (blanks, a comment after them), and before a block's `}` alone
    (`run on DEV1 weekly | }`: the statement is being written, as at the line's end)."""
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    if not glued:  # (blanks as the grammar's: a form feed too, `_BLANKS`)
        after = text[at:end].lstrip(_BLANKS)
        if not after or after.startswith("#") or not after.split("#", 1)[0].strip(_BLANKS + "}"):
            return None  # (before the `}` of a block on one line, as at its end: `weekly | }`)
    while end < len(text):
        below = text.find("\n", end + 1)
        below = len(text) if below < 0 else below
        word = text[end + 1 : below].lstrip(_BLANKS)
        end = below
        if word and not word.startswith("#"):
            break
    return " " + text[at:end] if glued else text[at:end]


#: The blanks between the words after the cursor, as the grammar reads them (`_BLANKS`, line ends).
_WORDS_AFTER = re.compile(r"[ \t\f\n]+")

#: The signs a name is written with, each run of which a name's shape reads as one
#: (`LNXWEB01` and `CICSPRD` read alike; `BKRPOOL:`, `*`, `LNXAPP*` each as itself).
_NAME_RUN = re.compile(r"[A-Za-z0-9$@_]+")


def _reading_on(
    ip, items: list[Completion], typed: str, rest: str, tokens, glued: bool = False, commas: set[int] | None = None
) -> list[Completion]:
    """The items after which `rest`, the words after the cursor (`_rest_of_line`), reads
    as it read after `typed`, the word the item is written over (the parser, where it
    stopped before that word, is given each item then `rest`): each word read as the
    same, in the same place. So in the middle of a line, not a statement's keyword
    where the words after it are the statement's own (`exclude minidisk * 0190 |
    019E`: no `backup`, BKR004), nor one that takes a value where the next word is not
    one (`run | on VMSYS2`: no `on`), nor one that makes the words after it read as
    others (`include | minidisk * 0191`: not `minidisk` again, BKR004; `{ LNX01 |
    LNX02 }`: not `match`, which makes `LNX02` a pattern). Where the words after start
    a statement or an option of their own (`_OWN_START`), or open or close a block, a
    keyword may take its value between, a word or more (`member VMA { workers 2 |
    private-volume VA }`: `job-suffix`, whose letter is typed next; `catalog shared
    server S | pool P`: `logon-wait`, whose `2 minutes` is; `expire on | {`: `each`,
    whose `member` is; `{ LNX01 | }`: `match`: `_values_after`),
    but not where the item is `glued` to the word after the cursor (written with a
    blank before it, the value typed next would join that word). Not a keyword the
    words after the cursor say already where it goes once (`_said_once_after`: BKR115).
    A name that does not read there, before a list's next name, is offered with its `,`
    (`backup |LINUX`: `SYSIDS,`, written `SYSIDS, LINUX`; its `id` added to `commas`,
    for `_answer`, which writes it so), unless the list holds it already after the
    cursor (BKR412, BKR115, BKR416) or `commas` is None (where `on` names one member:
    BKR211, BKR220). Names are tried once for each shape (a keyword's spelling, or each run of letters
    and digits as one): a group body of 10,000 users is a few tries. `tokens`: those
    the parser read before the word typed."""
    read = _reads_on(ip, typed, rest)
    if not typed and read is not None and _a_name_due(ip):
        # `backup LINUX, | full`: a name must come first, and the words after the cursor
        # read as that name (`full` a group) only for want of it; how they read after
        # one is the reading to keep, where they read so (not `backup LINUX, | SYSIDS
        # full`, where `SYSIDS` is the name due, which an item then comes before with
        # its `,`).
        named = _reads_on(ip, "X", rest)
        read = named if named is not None else read
    # (the first word as the grammar reads it: a no-break space is no blank there, but one to `str.split`)
    following = _WORDS_AFTER.split(rest.strip(_BLANKS + "\n"), 1)[0].lower()
    own = not glued and (following in ("{", "}") or following in _OWN_START)
    again = _said_once_after(tokens, read, rest) if read else frozenset()
    tried: dict[str, bool] = {}
    keywords = _keyword_words()
    listed: frozenset[str] = frozenset()  # the list's names after the cursor, once a name needs its `,`
    comma_tried: dict[str, bool] = {}
    out = []
    for c in items:
        word = c.text or c.label
        keyword = word.lower() in keywords
        if keyword and c.kind == "keyword" and c.label in again:
            continue
        # (a name of letters and digits alone, as most are, is one run: not looked at again)
        shape = word if keyword else "A" if word.isascii() and word.isalnum() else _NAME_RUN.sub("A", word)
        fits = tried.get(shape)
        if fits is None:
            values = _values_after(ip, word) if keyword and own else ()
            fits = tried[shape] = any(
                (after := _reads_on(ip, word + value, rest)) is not None and read in (None, after)
                for value in ("", *values)
            )
        if fits:
            out.append(c)
            continue
        if keyword or commas is None or c.kind == "keyword" or following in keywords:
            continue
        # `backup |LINUX`: a name before a list's next name, with its `,` (not one the list
        # holds after the cursor already: BKR412, BKR115, BKR416)
        fits = comma_tried.get(shape)
        if fits is None:
            after = _list_reads_on(ip, word + ",", rest, read)
            fits = comma_tried[shape] = after is not None
            if fits and not listed:
                listed = frozenset(v.upper() for kind, _, v, _ in after[: _list_run(after)] if kind == "NAME")
        if fits and word.upper() not in listed:
            out.append(c)
            commas.add(id(c))
    return out


def _a_name_due(ip) -> bool:
    """Whether the parser `ip` takes a name next and nothing else (after `backup`, or a
    list's `,`)."""
    table = ip.parser_state.parse_conf.parse_table.states
    return [t for t in table[ip.parser_state.position] if t.isupper()] == ["NAME"]


def _list_run(read) -> int:
    """How many of the first tokens of `read` are a list's names and its commas
    (`LINUX, SYSIDS full`: 3)."""
    n = 0
    while n < len(read) and read[n][0] == ("NAME" if n % 2 == 0 else "COMMA"):
        n += 1
    return n


def _list_reads_on(ip, item: str, rest: str, read) -> list[tuple[str, int, str, int]] | None:
    """How `rest` reads after `item`, a name with its `,` (`SYSIDS,`), where it reads as
    it read at the cursor (`read`; None: it did not read there, and any reading will
    do): each word as the same, in the same place, but that the list's names and
    commas it starts with are now its second and later ones (the parser's state
    after each, another one of the same list: `backup SYSIDS, LINUX full`). None where
    it does not (`_reads_on`'s tuples)."""
    after = _reads_on(ip, item, rest)
    if after is None or read is None:
        return after
    run = _list_run(read)
    same = run > 0 and len(after) == len(read) and all(
        (a[0], a[2], a[3]) == (b[0], b[2], b[3]) and (n < run or a[1] == b[1])
        for n, (a, b) in enumerate(zip(read, after, strict=True))
    )
    return after if same else None


#: The words that start a statement or an option of their own: before them, a keyword
#: and the value typed after it are a whole one.
_OWN_START = lexicon.STATEMENT_KEYWORDS | frozenset().union(*ONCE_IN_STATEMENT.values())


def _values_after(ip, word: str) -> list[str]:
    """The values a keyword takes, as far as the grammar says what comes next, one word
    at a time (a name `X`, a text `"X"`, or the one keyword that goes there): `job-suffix
    X`, `logon-wait X X`, `size X X`, `on each member`, `catalog-node X on X`; each longer
    one after the shorter. Where the words that may come next are all keywords, each is
    tried (`include minidisk X X`, `include sfs X`; `to disk`, `to tape`). Stops where
    a name or a text may come as well as another word (a name or another statement),
    and after three."""
    from lark import Token
    from lark.exceptions import UnexpectedInput
    from lark.lexer import LexerThread

    state = ip.parser_state.copy(deepcopy_values=False)
    table = state.parse_conf.parse_table.states
    out: list[str] = []
    try:
        for tok in LexerThread.from_text(ip.lexer_thread.lexer, word).lex(state):
            state.feed_token(tok)
    except UnexpectedInput:
        return out
    ways = [(state, "")]
    for _ in range(3):
        further = []
        for state, value in ways:
            following = [t for t in table[state.position] if t.isupper()]  # (not `$END`, nor a rule's name)
            if len(following) == 1:
                (kind,) = following
                text = {"NAME": "X", "STRING": '"X"'}.get(kind) or next(iter(keyword_texts({kind})), None)
                texts = [] if text is None else [(kind, text)]
            else:  # each keyword that may come, where nothing else may (`minidisk`, `sfs`)
                texts = [(kind, next(iter(keyword_texts({kind})), None)) for kind in sorted(following)]
                texts = [] if any(text is None for _, text in texts) else texts
            for kind, text in texts:
                trial = state.copy(deepcopy_values=False) if len(texts) > 1 else state
                try:
                    trial.feed_token(Token(kind, text))
                except UnexpectedInput:
                    continue
                further.append((trial, value + " " + text))
        ways = further
        out += [value for _, value in ways]
    return out


def _said_once_after(tokens, read, rest: str) -> frozenset[str]:
    """The keywords the words after the cursor say already where they go once, each
    BKR115 if offered again: a statement of the block at the cursor that the rest of
    its line says (`member VMA { | workers 2 }`: not `workers`), an option of the
    statement being written that the words after the cursor give it, before another
    statement starts (`catalog shared | server BKRSVSFS pool BKRPOOL`: not `server`
    nor `pool`; the line below too, where the statement's options go on: `tape
    manager shared ... |`, then `catalog-dmm TCDMM`). As `_said_once_already`, for
    the words before the cursor. `read`: how `rest` reads (`_reads_on`)."""
    opener, said = _block_said(tokens)
    block = ONCE_IN_FILE if opener is None else ONCE_IN_BLOCK.get(opener, frozenset())
    options = ONCE_IN_STATEMENT.get(next((w for w in said if w in STATEMENT_STARTS), None), frozenset())
    line_end = rest.find("\n")
    line_end = len(rest) if line_end < 0 else line_end
    out = set()
    for kind, _, value, at in read:
        if kind in ("LBRACE", "RBRACE"):  # another block's words, or past the block's end
            break
        if kind in ("NAME", "STRING", "COMMA"):
            continue
        word = value.lower()
        if word in lexicon.STATEMENT_KEYWORDS:
            options = frozenset()  # another statement, whose options are its own
        if word in options or (word in block and at < line_end):
            out.add(word)
    return frozenset(out)


def _reads_on(ip, word: str, rest: str) -> list[tuple[str, int, str, int]] | None:
    """How `rest` reads after `word`, on from where the interactive parser `ip`
    stopped (its state copied, not changed): the kind of each of its tokens and the
    parser's state once it is read (what the token is read as: `0300` an address, or
    a user after `backup`), with the token's text and its offset in `rest`; None
    where they do not read there."""
    from lark.exceptions import UnexpectedInput
    from lark.lexer import LexerThread

    state = ip.parser_state.copy(deepcopy_values=False)
    kinds = []
    try:
        for tok in LexerThread.from_text(ip.lexer_thread.lexer, word + rest).lex(state):
            state.feed_token(tok)
            if tok.start_pos >= len(word):
                kinds.append((tok.type, state.position, tok.value, tok.start_pos - len(word)))
    except UnexpectedInput:
        return None
    return kinds


#: The statements in the order a sysprog writes them, as examples/*.bkr and `bkrc
#: init` do: at the top of a file the imports, then the cluster; in a cluster its
#: members first (what every other statement names), then the shared volume, the
#: catalog, its expiry and Tape Manager, the product machines' disks, the groups and
#: the jobs; in a member, its workers and volume; in a job, what it backs up, its
#: selections, where to and when; `description`, which no block needs, last.
#: The parser's accepted keywords come in alphabetical order, which put `member` 7th
#: in an empty cluster block and `run` before `to` in a job.
_STATEMENT_ORDER = {
    word: rank
    for rank, word in enumerate(
        (
            "import", "cluster", "member", "workers", "private-volume", "job-suffix", "subconfig", "shared-volume",
            "catalog", "expire", "preview", "purge", "retain", "tape", "disk", "link", "single", "identity", "job",
            "backup", "match", "include", "exclude", "to", "run", "description",
        )
    )
}


def _in_writing_order(items: list[Completion], tokens=(), here: frozenset[str] = frozenset()) -> list[Completion]:
    """`items` with the statement keywords among them in `_STATEMENT_ORDER`, each in a
    place a statement keyword held: the other keywords (a statement's options, which
    `_statement_or_options_first` places) keep theirs. Below a statement of the same
    block (`tokens`, read to the cursor), the statements from that one's place in the
    order on come first, then the earlier ones: after the `disk` lines more `disk`,
    the groups and the jobs, not `member` again first. `here`: the keywords the
    parser accepts at the cursor, of which a statement's keyword is one (`to disk`'s
    `disk` in a job starts no statement there)."""
    places = [n for n, c in enumerate(items) if c.label in _STATEMENT_ORDER]
    last = _last_statement(tokens, here)
    after = _STATEMENT_ORDER.get(last, 0) if last is not None else 0
    ordered = sorted(
        (items[n] for n in places),
        key=lambda c: (_STATEMENT_ORDER[c.label] < after, _STATEMENT_ORDER[c.label]),
    )
    out = list(items)
    for n, c in zip(places, ordered):
        out[n] = c
    return out


def _this_block(tokens):
    """The indexes of the tokens of the block the end of `tokens` is in, last first,
    its nested blocks (and their braces) skipped, ending with its `{`'s (none at the
    top level): the one walk `_last_statement` and `_enclosing_block` take."""
    depth = 0
    for n in range(len(tokens) - 1, -1, -1):
        kind = tokens[n].type
        if kind == "RBRACE":
            depth += 1
        elif kind == "LBRACE":
            if depth == 0:
                yield n
                return
            depth -= 1
        elif depth == 0:
            yield n


def _last_statement(tokens, here: frozenset[str]) -> str | None:
    """The keyword of the last statement of the block the end of `tokens` is in (its
    nested blocks skipped), one of `here`, the statements that block takes; None where
    the block holds none yet."""
    for n in _this_block(tokens):
        kind = tokens[n].type
        if kind == "LBRACE":
            return None
        if kind != "NAME" and str(tokens[n].value).lower() in here & _STATEMENT_ORDER.keys():
            return str(tokens[n].value).lower()
    return None


#: The options of `catalog` and `tape manager` in the order a statement writes them
#: (IBM's examples, examples/*.bkr): the server, its pool and its home first, the waits
#: last (a tuning seldom written); the nodes, then their Device Manager Machines.
_OPTION_ORDER = {
    word: rank
    for rank, word in enumerate(
        ("server", "pool", "on", "logon-wait", "pool-wait", "catalog-node", "request-node", "catalog-dmm", "request-dmm")
    )
}


def _statement_or_options_first(prefix: str, items: list[Completion], tokens, before: str) -> list[Completion]:
    """Where the statement written so far may end, and another start (`catalog shared
    server BKRSVSFS |`, `disk BKRBKUP 191 size 10 cyl |`): the options that go on with
    it first on its own line (`logon-wait`, `on`, `pool`, `pool-wait`), the keywords
    that start a statement after them; at the start of a line no deeper than the
    statement's last one, the statements first (an option there goes on a deeper line:
    `tape manager ...`, then its DMMs below, indented). Not in alphabetical order
    together, as the parser's accepted keywords come. `prefix`: the text the parser
    read (its tokens' offsets are its own); `before`: the cursor's line before the word."""
    starts = [c for c in items if c.label in lexicon.STATEMENT_KEYWORDS]
    options = sorted(
        (c for c in items if c.label not in lexicon.STATEMENT_KEYWORDS), key=lambda c: _OPTION_ORDER.get(c.label, -1)
    )
    if not starts or not options:
        return items
    if before.strip():
        return options + starts
    last = tokens[-1].start_pos or 0
    last_start = prefix.rfind("\n", 0, last) + 1
    last_line = prefix[last_start:last]
    deeper = len(before) > len(last_line) - len(last_line.lstrip(" \t"))
    return options + starts if deeper else starts + options


def _enclosing_block(tokens) -> tuple[str, str] | None:
    """(`job` or `member`, its name) of the block the end of `tokens` is in, if one."""
    for n in _this_block(tokens):
        if tokens[n].type == "LBRACE":
            if n >= 2 and tokens[n - 1].type == "NAME" and str(tokens[n - 2].value).lower() in ("job", "member"):
                return str(tokens[n - 2].value).lower(), str(tokens[n - 1].value).upper()
            return None
    return None


def _backup_list_names(doc: Document, names: list[Completion], tokens, at: int) -> list[Completion]:
    """The names a `backup` list may go on with (`backup LINUX, |`, `backup | LINUX`):
    where the names it holds, before the cursor and after it on its line, are of one
    kind, only the groups and users of that kind (the other in the same job is BKR222);
    the users a group listed holds by name last, saying so (listed again they add
    nothing). Where the list holds none yet, or none of a known kind, those of the
    kind the job's `run` line allows (`_placed_kind_first`)."""
    model = doc.model
    if model is None:
        return names
    listed = set(_listed_already(tokens))
    end = doc.text.find("\n", at)
    keywords = _keyword_words()
    for word in re.split(r"[\s,]+", doc.text[at : len(doc.text) if end < 0 else end].split("#", 1)[0]):
        if not word:
            continue
        if word.lower() in keywords or not set(word) <= NAME_CHARS:
            break  # the level, or the next statement: the list ends there
        listed.add(word.upper())
    written = _written_kinds(doc)
    kinds: set[Kind] = set()
    holding: dict[str, str] = {}  # a user ID a group listed holds by name -> that group
    for name in sorted(listed):
        kinds |= written.get(name, frozenset())
        group = model.group(name)
        for uid in group.users if group is not None else ():
            holding.setdefault(uid, group.name)
    if not kinds:  # nothing listed of a known kind yet: the kind the job's `run` line allows
        names = _placed_kind_first(doc, names, tokens, written)
    kind = next(iter(kinds)) if len(kinds) == 1 else None
    if kind is None and not holding:
        return names
    kept = names if kind is None else [c for c in names if kind in written.get(c.label, (kind,))]
    first = [c for c in kept if c.kind != "user" or c.label not in holding]
    return first + [
        Completion(c.label, c.kind, f"{c.detail}; in group {holding[c.label]}, listed already")
        for c in kept
        if c.kind == "user" and c.label in holding
    ]


def _placed_kind_first(doc: Document, names: list[Completion], tokens, written) -> list[Completion]:
    """An empty `backup` list (`backup | full`): the groups and users of the kind the
    job's `run` line allows. On every member of several (`run on each member`), the
    IDENTITY ones only: single-configuration users there are BKR220's error, which has
    no way out. On one member of several (`run on VMSYS1`), the single ones; the
    IDENTITY ones are BKR221's error there unless every include is data all members
    share (SFS paths of the shared catalog's file pool, or with the site's directory
    global minidisks): left out where the job includes a minidisk and no directory is
    set, else last, saying so. Names whose kind is not written (BKR004) stay where
    they are. As they were where the `run` line says nothing sure: none, a member no
    one declares (BKR330), a cluster of one member, or some members of several, where
    either kind is an error (BKR220, BKR221)."""
    block = _enclosing_block(tokens)
    model = doc.model
    if block is None or block[0] != "job" or model is None:
        return names
    job = next((j for j in model.jobs if j.name == block[1]), None)
    every = list(model.member_names)
    if job is None or job.run is None or len(every) < 2:
        return names
    members = [m for m in dict.fromkeys(job.members) if model.member(m) is not None]
    if not members or len(members) != len(set(job.members)):
        return names
    if set(members) == set(every):
        return [c for c in names if Kind.IDENTITY in written.get(c.label, (Kind.IDENTITY,))]
    if len(members) > 1:
        return names
    pinned = any(
        s.medium is ast.Medium.MINIDISK and s.action is ast.Action.INCLUDE for s in job.includes
    ) and _site_directory(doc) is None
    first = [c for c in names if Kind.SINGLE in written.get(c.label, (Kind.SINGLE,))]
    if pinned:
        return first
    why = f"`run on {members[0]}`: BKR221 unless every include is data all members share"
    return first + [
        Completion(c.label, c.kind, f"{c.detail}; {why}")
        for c in names
        if Kind.SINGLE not in written.get(c.label, (Kind.SINGLE,))
    ]


def _written_kinds(doc: Document) -> dict[str, frozenset[Kind]]:
    """The kinds each group and user ID is declared with where the kind is written (a
    group's, or those of a user's declarations; none where BKR004's recovery gave one,
    `_kind_written`), those with one or more; worked out once per analysis (a
    `backup` list in a cluster of 10,000 users is as many names at each keystroke)."""
    kept = doc.edited.names if doc.edited is not None else doc.completion
    found = kept.get("written kinds")
    if found is None:
        kinds: dict[str, set[Kind]] = {}
        said: dict[tuple, bool] = {}  # (a group's users share its kind's span: each read once)
        for uid, defs in _defs_by_id(doc).items():
            for u in defs:
                if u.kind is None:
                    continue
                key = (u.kind_span.file, u.kind_span.start, u.kind_span.end, u.kind)
                written = said.get(key)
                if written is None:
                    written = said[key] = _kind_written(doc, u.kind_span, u.kind)
                if written:
                    kinds.setdefault(uid, set()).add(u.kind)
        for g in doc.model.groups if doc.model is not None else ():
            # (a group's name is looked up first, as `Model.group` is: it hides a user's)
            kinds.pop(g.name, None)
            if _kind_written(doc, g.decl.kind_span, g.kind):
                kinds[g.name] = {g.kind}
        found = kept["written kinds"] = {name: frozenset(k) for name, k in kinds.items()}
    return found


def _owners_backed_up(doc: Document, names: list[Completion], tokens) -> list[Completion]:
    """A minidisk selection's owners, in a job: `*`, then the users the job backs up
    by name and its groups' `match` patterns; in a member block, those of its
    single-configuration jobs, which its excludes join. Any other user selects
    nothing there (BKR406). All the users where the block backs up none yet."""
    block = _enclosing_block(tokens)
    model = doc.model
    if block is None or model is None:
        return names
    kind, name = block
    if kind == "job":
        jobs = [j for j in model.jobs if j.name == name]
    else:
        jobs = [j for _, j in model.member_jobs(name) if j.takes_member_excludes]
    ids = dict.fromkeys(u for j in jobs for u in model.job_user_ids(j))
    patterns = dict.fromkeys(p for j in jobs for p in model.job_patterns(j))
    if not ids and not patterns:
        return names
    kept = [c for c in names if c.label == "*" or c.label in ids]
    return kept + [Completion(p, "user", "pattern of users backed up") for p in patterns if p not in ids]


def _with_a_disk_last(doc: Document, names: list[Completion], at: int) -> list[Completion]:
    """`disk |`: the product's machines, those the cluster's `disk` statements give a
    minidisk already after the others, each saying at which addresses. A second `disk`
    for a machine is legal (another address; an IDENTITY's instance placed on another
    member's volume), so they are still offered; the one being typed is not counted."""
    model = doc.model
    if model is None or not model.disks:
        return names
    here = at  # `at` in the text analysed, whose places the model's are
    if doc.edited is not None and at >= doc.edited.start + len(doc.edited.new):
        here += len(doc.edited.old) - len(doc.edited.new)
    written: dict[str, list[str]] = {}
    for d in model.disks:
        typed = d.span.file == doc.name and d.user.span.start <= here <= d.user.span.end
        if not typed and d.user.upper:
            written.setdefault(d.user.upper, []).append(d.address.text)
    if not written:
        return names
    first = [c for c in names if c.label.upper() not in written]
    last = [
        Completion(c.label, c.kind, f"{c.detail}; its `disk` {', '.join(written[c.label.upper()])} written already")
        for c in names
        if c.label.upper() in written
    ]
    return first + last


def _on_one_member(doc: Document, tokens) -> str | None:
    """`expire` or `run` where what follows `on` names one member, of several: the
    `expire` block of a shared catalog, purged from one member only (BKR211; a preview
    on a member that purges nothing never runs, BKR218), and the `run` of a job of
    single-configuration users, backed up from one member (BKR220). None elsewhere."""
    n = len(tokens) - 1
    while n >= 0 and tokens[n].type in ("NAME", "COMMA"):
        n -= 1
    if n < 1 or str(tokens[n].value).lower() != "on":
        return None
    model = doc.model
    if model is None or len(model.members) < 2:
        return None
    keyword = str(tokens[n - 1].value).lower()
    if keyword == "expire" and any(c.scope is ast.Scope.SHARED for c in model.catalogs):
        return keyword
    block = _enclosing_block(tokens) if keyword == "run" else None
    single = block is not None and block[0] == "job"
    if single and any(j.name == block[1] and j.kind is Kind.SINGLE for j in model.jobs):
        return keyword
    return None


def _one_member(doc: Document, names: list[Completion], tokens, keyword: str) -> list[Completion]:
    """The members where `on` names one (`_on_one_member`): none after a `,`; for an
    `expire` block, the catalog server's member first, where expiry belongs (BKR215)."""
    if str(tokens[-1].value).lower() != "on":
        return []
    if keyword != "expire":
        return names
    homes = {c.home for c in doc.model.catalogs if c.scope is ast.Scope.SHARED and c.home}
    home = [
        Completion(c.label, c.kind, f"{c.detail}, the catalog server's: expiry belongs there")
        for c in names
        if c.label in homes
    ]
    return home + [c for c in names if c.label not in homes]


#: The body of the `expire` block whose members are being written: to its `{`, on the
#: cursor's line or the next, and to its `}`.
_EXPIRE_BODY = re.compile(r"[^{}\n]*\n?[ \t]*\{([^{}]*)")


def _expire_members(doc: Document, names: list[Completion], tokens, at: int) -> list[Completion]:
    """`expire on |` beside another `expire` block: a member's expiry may be split,
    the purge in one block, a preview in another (docs/language.md). For a block that
    previews and does not purge (its body after the cursor), the members another block
    purges on first, where its preview runs, and the others saying that a preview
    there never runs (BKREXPIR is written on the purging members only, BKR218); for a
    block that purges, those another block purges on last, saying so (a member purges
    in one block only, BKR211). As they were where the block's body is not written yet."""
    n = len(tokens) - 1
    while n >= 0 and tokens[n].type in ("NAME", "COMMA"):
        n -= 1
    if n < 1 or str(tokens[n].value).lower() != "on" or str(tokens[n - 1].value).lower() != "expire":
        return names
    model = doc.model
    body = _EXPIRE_BODY.match(doc.text, at)
    if model is None or body is None:
        return names
    words = {w.lower() for w in re.sub(r"#[^\n]*", " ", body.group(1)).split()}
    previews, purges = "preview" in words, "purge" in words
    if not (previews or purges):
        return names
    here = at  # `at` in the text analysed, whose places the model's are
    if doc.edited is not None and at >= doc.edited.start + len(doc.edited.new):
        here += len(doc.edited.old) - len(doc.edited.new)
    purging: dict[str, int] = {}  # member -> the line of another block that purges on it
    for e in model.expires:
        s = e.decl.span
        if e.purge is None or (s.file == doc.name and s.start <= here <= s.end):
            continue
        for m in model.member_names if e.each_member else e.members:
            purging.setdefault(m, s.line)
    if not purging:
        return names

    def said(c: Completion, why: str) -> Completion:
        return Completion(c.label, c.kind, f"{c.detail}; {why}" if c.detail else why)

    if purges:
        kept = [c for c in names if c.label not in purging]
        return kept + [
            said(c, f"purges already in the `expire` block at line {purging[c.label]} (BKR211)")
            for c in names
            if c.label in purging
        ]
    # Not where the catalog server runs, for a preview: where the purge is (BKR215 is the purge's).
    names = [Completion(c.label, c.kind, c.detail.replace(": expiry belongs there", "")) for c in names]
    first = [
        said(c, f"purges in the `expire` block at line {purging[c.label]}: a preview runs there")
        for c in names
        if c.label in purging
    ]
    return first + [
        said(c, "purges nothing: a preview there never runs (BKR218)") for c in names if c.label not in purging
    ]


class Reanalyse(Exception):
    """Completion on a text edited since its analysis (`edited`) needs what only a
    fresh analysis tells: the caller analyses the text and asks again."""


@dataclass
class EditedWord:
    """How a text differs from the text analysed: one word retyped (`edited`)."""

    start: int  # where the word starts, in both texts
    old: str
    new: str
    #: The user the word declares (a group entry, `single user ID`), whose ID is now
    #: `new` in upper case; None when the word declares nothing.
    user: object | None
    #: The names that fit each place (`_name_completions`): the analysis's own when
    #: the word declares nothing, else this text's.
    names: dict

    @property
    def new_word(self) -> bool:
        """The word was typed where the text analysed had none (after a blank...)."""
        return not self.old


#: A word that is one NAME token wherever it stands, never any other (no pattern,
#: address range, time, SFS path...), and its neighbours that would extend it.
_PLAIN_WORD = re.compile(r"[A-Za-z0-9$@_]+")
_NAME_CONTINUES = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789$#@_*%?+-:.")


def _common_suffix(a: str, b: str, most: int) -> int:
    """How many characters `a` and `b` end with alike, at most `most`."""
    la, lb = len(a), len(b)
    lo, hi = 0, most
    if a[la - hi :] == b[lb - hi :] or hi == 0:
        return hi
    while hi - lo > 1:  # the last lo alike, the last hi not
        mid = (lo + hi) // 2
        if a[la - mid : la - lo] == b[lb - mid : lb - lo]:
            lo = mid
        else:
            hi = mid
    return lo


@functools.cache
def _keyword_words() -> frozenset[str]:
    """Every keyword of the grammar, in lower case: a word spelled so may be one."""
    from bkrdsl.syntax.parser import parser

    out = set()
    for terminal in parser().terminals:
        pattern = terminal.pattern
        if type(pattern).__name__ == "PatternStr":
            out.add(pattern.value.lower())
    return frozenset(out)


def comment_edit(doc: Document, text: str) -> bool:
    """Whether `text` (an editor buffer) differs from the text `doc` analysed only
    inside one comment alone on its line, past its `#` (past the `##` of a doc
    comment), in printable ASCII, its line ends where they were, and the comment
    is of its kind still (no `#` typed or uncovered that makes a plain comment a
    doc comment): the analysis of `text` would then publish the very diagnostics
    `doc` did, at the same lines and columns. No check reads a comment's words,
    nor a doc comment's (hover does); a comment alone on its line holds no
    statement a diagnostic is placed on, nor a `#` glued to a word, which BKR012
    and BKR253 quote; no character the reader or CP refuses is typed in it. A
    file with a syntax error is left to the parser's recovery. `doc`'s analysis
    stays as it is: it is not of `text` (its offsets past the edit are not
    `text`'s), and a request analyses `text` as before; only the re-check the
    keystroke scheduled is spared. But not in a comment that holds `bkrc:`, before
    the edit or after: a `# bkrc: allow` is read (`diagnostics/allow.py`)."""
    from bkrdsl.syntax.reader import MAX_LINE_LENGTH, normalise

    if text.startswith("\ufeff") != doc.bom:
        return False
    text = normalise(text)
    old = doc.text
    main = doc.analysis.program.main
    if text == old:  # (typed and taken back: the text analysed)
        return True
    if main is None or len(text) > MAX_LINE_LENGTH:
        return False
    if any(d.code < "BKR100" and d.span is not None and d.span.file == doc.name for d in doc.diagnostics):
        return False  # (a syntax error's recovery, and its message, are left to the parser)
    p = common_prefix(old, text)
    s = _common_suffix(old, text, min(len(old), len(text)) - p)
    gone, typed = old[p : len(old) - s], text[p : len(text) - s]
    if not all(t.isascii() and t.isprintable() for t in (gone, typed)):  # ("\n" is not printable)
        return False
    for span, comment in main.comments:
        documents = comment.startswith("##")
        if span.file != doc.name or not span.start + 1 + documents <= p <= span.end:
            continue
        if old[span.start - span.column + 1 : span.start].strip(" \t"):  # not alone on its line
            return False
        if not documents and text[span.start + 1 : span.start + 2] == "#":  # `##` now: a doc comment
            return False
        end = text.find("\n", p)
        if "bkrc:" in comment or "bkrc:" in text[text.rfind("\n", 0, p) + 1 : len(text) if end < 0 else end]:
            return False  # (a `# bkrc: allow` sets warnings aside: diagnostics/allow.py)
        line = span.line
        return not any(
            d.span is not None and d.span.file == doc.name and line in (d.span.line, d.span.end_line)
            for d in doc.diagnostics
        )
    return False


def edited(doc: Document, text: str) -> Document | None:
    """`doc` made to answer completion on `text` (an editor buffer) without analysing
    it, when `text` is `doc`'s text with one word retyped and completion then
    answers exactly as on a fresh analysis of `text`; None when it must analyse.

    Completion reads of its analysis the first syntax error of the file, and the
    names that fit each place. The text analysed must have no syntax diagnostic,
    and the word, before and after, must be one NAME token and no keyword, out of
    comments, strings and `import` lines: the parser then reads the same tokens
    but for that name's spelling, so the new text has no syntax error either,
    and its model differs from the analysed one in that word only. A word that
    declares a member, group, job, cluster, pattern or Tape Manager machine, or
    is a `role`, changes names completion offers: None. A user ID declared in a
    group or a `user` statement is offered with its new spelling (`EditedWord`).
    The pools and SFS paths that completion offers are the words of the text
    analysed, at their places: completion raises `Reanalyse` there.

    The first character of a new word (typed where the text analysed had no word,
    after a blank, a brace or a comma: `backup`'s `b` on a new line) is one token more, which the
    file may not take, or which may declare a name. The text before the word is
    the text analysed, which reads without a syntax error: up to there the parser
    reads what it read (the blocks closed there read as empty or not alike), so
    completion answers there, and before it, where the names that fit do not
    depend on what the text declares (keywords only; roles, days, units). Past
    the word, or where the names are the model's, it raises `Reanalyse`."""
    from bkrdsl.syntax.reader import MAX_LINE_LENGTH, normalise

    if text.startswith("\ufeff") != doc.bom:
        return None
    text = normalise(text)
    old = doc.text
    if text == old:
        return doc
    # At most a million characters: no line too long (BKR021), no file too large.
    if doc.model is None or max(len(text), len(old)) > MAX_LINE_LENGTH:
        return None
    main = doc.analysis.program.main
    if main is None or any(
        d.code < "BKR100" and d.span is not None and d.span.file == doc.name
        for d in doc.analysis.program.diagnostics
    ):
        return None
    p = common_prefix(old, text)
    s = _common_suffix(old, text, min(len(old), len(text)) - p)
    a, end = p, len(old) - s
    while a > 0 and old[a - 1] in _NAME_CONTINUES:
        a -= 1
    while end < len(old) and old[end] in _NAME_CONTINUES:
        end += 1
    new_end = end + len(text) - len(old)
    word, new = old[a:end], text[a:new_end]
    if not ((not word or _PLAIN_WORD.fullmatch(word)) and _PLAIN_WORD.fullmatch(new)):
        return None
    keywords = _keyword_words()
    if word.lower() in keywords or new.lower() in keywords:
        return None
    line_start = old.rfind("\n", 0, a) + 1
    before = old[line_start:a]
    if _in_comment_or_string(before) or before.lstrip().lower().startswith("import"):
        return None
    user = None
    declared = [
        o
        for o in doc.occurrences
        if o.definition and o.span.file == doc.name and o.span.start < end and a < o.span.end
    ]
    if declared:
        if len(declared) != 1 or declared[0].kind != USER:
            return None
        span = declared[0].span
        users = [u for u in doc.model.user_defs if u.span == span]
        if len(users) != 1 or (span.start, span.end) != (a, end):
            return None
        user = users[0]
    decls = list(main.users) + [d for c in main.clusters for d in c.users]
    if any(d.role is not None and d.role.span.start < end and a < d.role.span.end for d in decls):
        return None
    source = Source.of(doc.name, text)
    program = replace(doc.analysis.program, sources={**doc.analysis.sources, doc.name: source})
    return Document(
        doc.name,
        text,
        replace(doc.analysis, program=program),
        doc.read,
        doc.bom,
        doc.path,
        doc.search_path,
        doc.checked,
        parsed=doc.parsed,
        edited=EditedWord(a, word, new, user, doc.completion if user is None else {}),
        names=doc.names,  # the same model: it and its index, built once
    )


def complete(doc: Document, line: int, column: int) -> list[Completion]:
    """Every completion at the cursor (`completions`, not capped)."""
    return completions(doc, line, column, limit=None).items


# ================================================================ navigation
def _targets(doc: Document, occ: Occurrence) -> list[Occurrence]:
    found = [o for o in doc.occurrences_of(occ.kind, occ.name) if o.definition]
    if not found and occ.kind == USER and doc.model is not None:
        pattern = doc.model.pattern_for(occ.name)
        if pattern is not None:
            found = [o for o in doc.occurrences_of(USER, pattern.pattern) if o.definition]
    return found


def _import_at(doc: Document, line: int, column: int) -> ast.Import | None:
    """The `import` statement of this document under the cursor."""
    main = doc.analysis.program.main
    if main is None:
        return None
    return next((i for i in main.imports if i.span.file == doc.name and contains(i.span, line, column)), None)


def _module_file(doc: Document, imp: ast.Import) -> Path | None:
    """The file `imp` reads, found as `bkrc check` finds it; None when it is nowhere
    or cannot be looked at (BKR101, BKR103), also when what the path finds is no
    file to read (a folder, a FIFO; unreadable): an editor cannot open it."""
    from bkrdsl.resolve.loader import ClosedFolder, find_module

    try:
        found = find_module(imp.path, doc.path, doc.search_path)
    except (ClosedFolder, OSError, ValueError):
        return None
    if found is None or not os.path.isfile(found) or not os.access(found, os.R_OK):
        return None
    return Path(os.path.abspath(found))


def _import_hover(doc: Document, imp: ast.Import, module: Path) -> list[str]:
    """The file an `import` reads, and the `##` comment its module starts with."""
    from bkrdsl.resources import stdlib_dir

    stdlib = Path(os.path.abspath(stdlib_dir()))
    if module.parent == stdlib:
        shown = f"`std/{module.name}`, in the standard library"
    else:
        shown = str(module)
        if doc.path is not None:
            with contextlib.suppress(ValueError):  # another drive, on Windows
                shown = os.path.relpath(module, Path(os.path.abspath(doc.path)).parent)
        shown = f"`{shown}`"
    lines = [f"{strong(imp.path)}: the module {shown}"]
    parsed = next((m for m in doc.analysis.program.modules if _file_key(m.file) == _file_key(str(module))), None)
    header = []
    for span, text in parsed.comments if parsed is not None else ():
        if span.line != len(header) + 1 or not text.startswith("##"):
            break
        header.append(text[2:].strip())
    if header:
        lines += user_text(" ".join(header))
    return lines


#: Places one go to definition answers with, at most. An owner pattern
#: (`include minidisk %* 0191` in a job of 7,000 users, or a pattern matching
#: thousands of the directory's entries) is declared by every user it selects:
#: 7,000 locations took a third of a second to send (900 KB of JSON), and an
#: editor lists them in a peek view or a quickfix list, which no one reads
#: past a screen or two. The first ones are kept, in the order the templates
#: name them (hover says how many there are); find references lists them all.
MAX_DEFINITIONS = 100


def definition(doc: Document, line: int, column: int) -> list[Span]:
    """Where the name under the cursor is declared; on an `import`, the module's file
    (its first line); on a minidisk owner written as a pattern (`include minidisk
    LNX* 0191`), the declarations of the users it selects (`_owner_definitions`).
    With the `directory` setting, on a user ID (or a pattern) its entry in the
    site's CP directory too (the ID on its USER or IDENTITY statement), and on a
    minidisk's address, with its owner, the MDISK statements it names. At most
    `MAX_DEFINITIONS` places, the first ones."""
    return _definitions(doc, line, column)[:MAX_DEFINITIONS]


def _definitions(doc: Document, line: int, column: int) -> list[Span]:
    """`definition`'s places, all of them (find references lists them all)."""
    occ = doc.occurrence_at(line, column)
    if occ is None:
        imp = _import_at(doc, line, column)
        found = _module_file(doc, imp) if imp is not None else None
        if found is not None:
            return [Span(str(found), 1, 1, 1, 1, 0, 0)]
        pools = pool_places(doc, line, column)
        if pools is not None:  # the catalog's `pool` declares its file pool; nothing declares another
            return [o.span for o in pools if o.definition]
        return _owner_definitions(doc, line, column) + _directory_definitions(doc, line, column)
    declared = [o.span for o in _targets(doc, occ)]
    if occ.kind == USER:
        # A worker (`BKRWRK01`) exists where a member's `workers N` makes it, with
        # the pattern that names it (`identity user BKRWRK* role worker`).
        declared = [span for _, span in _worker_places(doc, occ.name)] + declared
    return declared + (_directory_entries(doc, occ.name) if occ.kind == USER else [])


def _declared_by_name(doc: Document, name: str) -> bool:
    return any(o.definition for o in doc.occurrences_of(USER, name))


def _worker_places(doc: Document, name: str) -> list[tuple[str, Span]]:
    """(member, the number of its `workers` setting) for each member that runs the
    worker machine `name`, when no declaration names it (a pattern covers it): the
    places that make it exist, as workspace symbols list them."""
    model = doc.model
    if model is None or is_pattern(name) or _declared_by_name(doc, name):
        return []
    out = []
    for member in model.members:
        settings = member.decl.settings_named("workers")
        if settings and settings[0].values and name in model.workers_of(member):
            out.append((member.name, settings[0].values[0].span))
    return out


def _site_directory(doc: Document):
    """The `directory` setting's directory, when it could be read; else None."""
    directory = doc.directory
    return directory if directory is not None and directory.readable else None


def _directory_entries(doc: Document, owner: str) -> list[Span]:
    """The IDs on the directory's USER and IDENTITY statements that `owner` (an
    ID or a pattern) names; a SUBCONFIG's for an ID that names one."""
    directory = _site_directory(doc)
    if directory is None or owner == "*":
        return []
    found = directory.users_named((owner,))
    if not found and directory.entry(owner) is not None:  # a SUBCONFIG, as the hover shows it
        found = [directory.entry(owner)]
    return [e.span for e in found]


def _owned_words(module: ast.Module):
    """(word, owner, is the owner) for each minidisk owner and address the module
    writes with its owner: a minidisk selection's and a `disk` statement's."""
    clusters = module.clusters
    selections = [s for c in clusters for m in c.members for s in m.selections]
    selections += [s for c in clusters for j in c.jobs for s in j.selections]
    for s in selections:
        if s.owner is not None and s.medium is ast.Medium.MINIDISK:
            yield s.owner, s.owner.upper, True
            yield from ((item, s.owner.upper, False) for item in s.items)
    for disk in (d for c in clusters for d in c.disks):
        yield disk.address, disk.user.upper, False


def _owner_selection_at(doc: Document, line: int, column: int):
    """(selection, the jobs it is part of) of the minidisk selection whose owner,
    written as a pattern (`LNX*`, not `*`), is under the cursor: a job's own
    selection, or a member block's exclude, which joins the member's
    single-configuration jobs; None elsewhere."""
    model = doc.model
    if model is None or doc.occurrence_at(line, column) is not None:
        return None
    at = doc.offset(line, column)
    for s, job, member in _selection_places(model):
        owner = s.owner
        if (
            owner is not None
            and s.medium is ast.Medium.MINIDISK
            and owner.span.file == doc.name
            and owner.span.start <= at <= owner.span.end
        ):
            if owner.upper == "*" or not is_pattern(owner.upper):
                return None
            jobs = [job] if job is not None else [j for _, j in model.member_jobs(member.name) if j.takes_member_excludes]
            return s, jobs
    return None


def _owner_selects(doc: Document, selection: ast.Selection, jobs) -> list[str]:
    """The users and `match` patterns of `jobs` that the owner of `selection` selects,
    as the templates name them (`Model.include_owners`, `narrow_owners`): the IDs it
    matches, the patterns it covers (`LNX*` covers `LNXAPP*`), and the owner itself
    when one of the jobs' patterns covers it (`LNXAPP0*` under `LNXAPP*`); each once."""
    from bkrdsl.resolve.model import narrow_owners

    model = doc.model
    out: dict[str, None] = {}
    for job in jobs:
        ids, patterns = list(model.job_user_ids(job)), list(model.job_patterns(job))
        out.update(dict.fromkeys(narrow_owners(selection.owner.upper, ids, patterns)))
    return list(out)


def _owner_reaches(doc: Document, selection: ast.Selection, jobs, declared: dict[str, list[Span]]) -> list[str]:
    """The declared users and `match` patterns whose declarations definition lists
    on the owner pattern of `selection` (`_owner_definitions`): those it selects
    (`_owner_selects`), and for a narrower pattern only a pattern of the jobs
    covers (`LNXAPP0*` under `LNXAPP*`), those patterns, in the order the
    templates name them. Find references on a user lists the owner patterns
    that reach it (`owner_patterns_selecting`): the one answer, read both ways."""
    from bkrdsl.resolve.patterns import covers

    owner = selection.owner.upper
    out: list[str] = []
    for name in _owner_selects(doc, selection, jobs):
        if name == owner and name not in declared:  # covered by the jobs' patterns
            out += sorted({p for j in jobs for p in doc.model.job_patterns(j) if covers(p, owner) and p in declared})
        elif name in declared:
            out.append(name)
    return list(dict.fromkeys(out))


def _owner_definitions(doc: Document, line: int, column: int) -> list[Span]:
    """On a minidisk owner written as a pattern (`include minidisk LNX* 0191`): the
    declarations of the users its job backs up that it selects (a member block's
    exclude: those of the member's single-configuration jobs), each user's in the
    group or `user` statement that lists it, and the `match` patterns it covers;
    for a narrower pattern only a pattern of the job covers (`LNXAPP0*` under
    `LNXAPP*`), that pattern's (`_owner_reaches`). In the order the templates
    name them; none where the owner selects none of the jobs' users (BKR406)."""
    found = _owner_selection_at(doc, line, column)
    if found is None:
        return []
    selection, jobs = found
    declared = doc.names.declared_users()
    out = [span for name in _owner_reaches(doc, selection, jobs, declared) for span in declared[name]]
    return list(dict.fromkeys(out))


def owner_patterns_selecting(doc: Document, name: str) -> list[Span]:
    """The minidisk owners written as a pattern (`include minidisk LNX* 0191`,
    `exclude minidisk LNX* 0192` in a member block; not `*`) that select the
    user ID or `match` pattern `name`: those on which go to definition lists a
    declaration of `name` (`_owner_reaches`, after `narrow_owners`), in the
    order written. Find references on a user lists them: they are the places
    that back up (or leave out) its minidisks without naming it."""
    from bkrdsl.resolve.model import pattern_regex

    model = doc.model
    if model is None:
        return []
    # An ID a pattern does not match is none of the IDs it selects, nor a pattern
    # it covers or is (`narrow_owners`): only the patterns that match it are asked.
    places = [
        (s, job, member)
        for s, job, member in _selection_places(model)
        if s.owner is not None
        and s.medium is ast.Medium.MINIDISK
        and s.owner.upper != "*"
        and is_pattern(s.owner.upper)
        and (is_pattern(name) or pattern_regex(s.owner.upper).match(name))
    ]
    if not places:
        return []
    declared = doc.names.declared_users()
    if name not in declared:
        return []
    out = []
    for s, job, member in places:
        jobs = [job] if job is not None else [j for _, j in model.member_jobs(member.name) if j.takes_member_excludes]
        if name in _owner_reaches(doc, s, jobs, declared):
            out.append(s.owner.span)
    return sorted(out, key=lambda span: (span.file, span.start))


def _directory_definitions(doc: Document, line: int, column: int) -> list[Span]:
    """With the `directory` setting, on a word no declaration resolves: a minidisk
    owner's entry (`include minidisk LNXAPP07 0191`, LNXAPP07 only matched by a
    pattern), or the MDISK statements of an address with its owner (`0191`), its
    SUBCONFIGs' included."""
    from bkrdsl.resolve.model import parse_address_range

    main = doc.analysis.program.main
    directory = _site_directory(doc)
    if main is None or directory is None:
        return []
    at = doc.offset(line, column)
    for word, owner, is_owner in _owned_words(main):
        if word.span.file != doc.name or not word.span.start <= at <= word.span.end:
            continue
        if is_owner:
            return _directory_entries(doc, owner)
        bounds = parse_address_range(word.upper) if word.upper != "*" and owner != "*" else None
        if bounds is None:
            return []
        disks = (d for e in directory.users_named((owner,)) for d in directory.minidisks_of(e))
        return [d.span for d in disks if bounds[0] <= d.address <= bounds[1]]
    return []


def references(doc: Document, line: int, column: int, include_declaration: bool) -> list[Span]:
    """Where the name under the cursor occurs; a user's (or a `match` pattern's), the
    minidisk owners written as a pattern that select it too (`owner_patterns_selecting`:
    `include minidisk LNX* 0191` on `LNX01`). With the `directory` setting, a user's
    declarations include its entry in the site's directory, and a minidisk owner no
    declaration names (`include minidisk LNXAPP01 0191`, LNXAPP01 only matched by a
    pattern) has references too: the places that write it as an owner."""
    occ = doc.occurrence_at(line, column)
    if occ is None:
        pools = pool_places(doc, line, column)
        if pools is not None:
            return [o.span for o in pools if include_declaration or not o.definition]
        return _owner_references(doc, line, column, include_declaration)
    found = references_of(doc, occ.kind, occ.name, include_declaration)
    if occ.kind == USER:
        found += owner_patterns_selecting(doc, occ.name)
    if include_declaration and occ.kind == USER and not is_pattern(occ.name):
        found = [span for _, span in _worker_places(doc, occ.name)] + found
        found += _directory_entries(doc, occ.name)
    return found


def _owner_words(doc: Document) -> list[tuple[ast.Word, str]]:
    """(word, user ID) for each place of `doc`'s own file that writes a minidisk
    owner: a minidisk selection's, a `disk` statement's machine."""
    main = doc.analysis.program.main
    if main is None:
        return []
    owners = [(w, owner) for w, owner, is_owner in _owned_words(main) if is_owner]
    return owners + [(d.user, d.user.upper) for c in main.clusters for d in c.disks]


def _owner_references(doc: Document, line: int, column: int, include_declaration: bool) -> list[Span]:
    """On a minidisk owner written as a pattern (`include minidisk LNX* 0191`): each
    place of this document that writes that pattern as an owner, then
    (`include_declaration`) what definition lists, the declarations of the users it
    selects. With the `directory` setting, on a minidisk owner no declaration
    names: each place of this document that writes that ID as an owner (a
    selection's, a `disk` statement's), then its entry in the directory
    (`include_declaration`)."""
    name = _owner_at(doc, line, column)
    if name is not None and is_pattern(name) and name != "*":
        # A pattern: each place that writes it as an owner, then (the declarations)
        # the users it selects, as definition lists them, and their directory entries.
        found = [w.span for w, owner in _owner_words(doc) if owner == name]
        if include_declaration:
            found += _definitions(doc, line, column)
        return list(dict.fromkeys(found))
    if _site_directory(doc) is None or name is None or is_pattern(name):
        return []
    found = [w.span for w, owner in _owner_words(doc) if owner == name]
    return found + (_directory_entries(doc, name) if include_declaration else [])


def _owner_at(doc: Document, line: int, column: int) -> str | None:
    """The user ID of the minidisk owner written under the cursor, if one is."""
    at = doc.offset(line, column)
    return next((o for w, o in _owner_words(doc) if w.span.file == doc.name and w.span.start <= at <= w.span.end), None)


def directory_user_at(doc: Document, line: int, column: int) -> str | None:
    """With the `directory` setting, the user ID under the cursor when the site's
    directory has an entry of it: a user the files declare or only a pattern
    covers (`include minidisk LNXAPP01 0191`), written where a user is; else None.
    That ID is one machine of the site, whichever .bkr file names it: find
    references lists its places in every file of the workspace (`user_places`)."""
    if _site_directory(doc) is None:
        return None
    occ = doc.occurrence_at(line, column)
    if occ is not None:
        name = occ.name if occ.kind == USER else None
    else:
        name = _owner_at(doc, line, column)
    if name is None or is_pattern(name) or not _directory_entries(doc, name):
        return None
    return name


def user_places(doc: Document, name: str, include_declaration: bool) -> list[Span]:
    """Every place where `doc` and the modules it imports write the user ID `name`
    (its declarations when `include_declaration`), the minidisk owners no
    declaration names and the owner patterns that select it included, each once:
    for references across the workspace."""
    found = references_of(doc, USER, name, include_declaration) + owner_patterns_selecting(doc, name)
    seen = {(s.file, s.start) for s in found}
    return found + [
        w.span for w, owner in _owner_words(doc) if owner == name and (w.span.file, w.span.start) not in seen
    ]


def references_of(doc: Document, kind: str, name: str, include_declaration: bool) -> list[Span]:
    """Where the `kind` named `name` occurs in this document and the modules it imports
    (another file that imports the same module is searched the same way)."""
    return [o.span for o in doc.occurrences_of(kind, name) if include_declaration or not o.definition]


# ================================================================ rename and highlights
class RenameRefused(Exception):
    """Why a name cannot be renamed (or not to the name asked for): the message the
    editor shows. `invalid_name`: the new name is at fault (LSP's InvalidParams);
    otherwise the rename is (RequestFailed)."""

    def __init__(self, message: str, *, invalid_name: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.invalid_name = invalid_name


@dataclass
class Renaming:
    """Every place to write `new` instead of the `kind` named `old`."""

    kind: str
    old: str
    new: str  # in upper case, as bkrc reads names and `bkrc fmt` writes them
    spans: list[Span]


_RENAMED = "members, groups, users, jobs and the cluster"


def in_stdlib(file: str) -> bool:
    """Whether a file is the standard library's (imported as `std/NAME`, or a path into stdlib/)."""
    if file.startswith("std/"):
        return True
    from bkrdsl.resources import stdlib_dir

    try:
        return Path(file).resolve().is_relative_to(stdlib_dir().resolve())
    except (OSError, ValueError):
        return False


def _not_renamed(doc: Document, line: int, column: int) -> None:
    """The cursor is on no name rename can change: returns on nothing at all (a
    blank, a comment, a string); refuses a word that is not a name, saying what it
    is, and a name the file gives that nothing declares (the index holds no
    occurrence of an unresolved `backup` name or minidisk owner)."""
    from bkrdsl.check.common import quoted
    from bkrdsl.keywords import keywords

    at = doc.offset(line, column)
    line_start = doc.text.rfind("\n", 0, at) + 1
    start, end = _word_at(doc, line, column)
    word = doc.text[start:end]
    # Up to the word's end: a word that starts with `#` (the cursor before it) is
    # a comment; the rest of the word, name characters, changes nothing else.
    if not word or _in_comment_or_string(doc.text[line_start:end]):
        return
    main = doc.analysis.program.main
    given = None if main is None else _covering(_unresolved_names(main), doc, start, end)
    if given is not None and given[1] == "owner" and is_pattern(given[0].upper) and given[0].upper != "*":
        # `exclude minidisk LNX* 0200-02FF`: the owners' pattern, no name.
        raise _a_pattern(given[0].upper)
    if given is not None and given[1] != "role" and given[0].upper != "*":
        # `backup PAYROL` or a minidisk's owner that no group or user declares (a
        # typo, a module not saved yet): a name, as hover says, whatever keyword it spells.
        raise _declared_nowhere(given[0].upper)
    imported = _import_at(doc, line, column)
    if imported is not None and word.lower() != "import":
        # `import ./site/common`: the word under the cursor is a part of the path
        # (`site`); the refusal names the whole path, as hover does.
        raise RenameRefused(
            f"`{imported.path}` here is the path of an imported module, not a name: only {_RENAMED}"
            " can be renamed"
        )
    if word.lower() in keywords():
        raise RenameRefused(
            f"`{word}` is a keyword of the language, not a name: only {_RENAMED} can be renamed"
        )
    if word.lower() in ROLES:
        raise RenameRefused(f"`{word}` is a role the product defines, not a name: roles cannot be renamed")
    what = _value_at(doc, start, end)
    if what is not None:
        # `job-suffix DEV1`, `private-volume LNX01`: a value, even one spelled as a name.
        raise RenameRefused(f"{quoted(word)} here is {what}, not a name: only {_RENAMED} can be renamed")
    raise RenameRefused(
        f"{quoted(word)} is not the name of a member, group, user, job or cluster: only those can be renamed"
    )


#: What the value a setting's keyword takes is (the words `_value_at` names).
_SETTING_VALUES = {
    "workers": "a number of workers",
    "private-volume": "a volume label",
    "shared-volume": "a volume label",
    "job-suffix": "a job suffix",
}


def _link_values(parts):
    """(word, what it is) for a `link` statement's owner's address, the address linked at
    and the mode: each with the LINK the compile writes and the file it writes it in."""
    from bkrdsl.resolve.model import LINK_MODES, parse_address

    machine, _owner, vaddr, target, mode = parts
    source = parse_address(vaddr.text)
    at = parse_address(target.text) if target is not None else source
    if source is None or at is None or mode.upper not in LINK_MODES:
        written = "the compile writes a LINK in the machine's directory entry"
    else:
        line = f"LINK {parts[1].upper} {source:04X} {at:04X} {mode.upper}"
        entry = "each worker's DIRECT file" if "*" in machine.text else f"cluster/{machine.upper}.DIRECT"
        written = f"the compile writes `{line}` in {entry}, after the dialect table's statements"
    yield vaddr, f"the disk's address in its owner's entry: {written}"
    if target is not None:
        yield target, f"the address the machine links the disk at: {written}"
    yield mode, f"CP's link mode: {written}"


def _values(module: ast.Module):
    """(word, what it is) for every value of the module that is not a name."""
    for cluster in module.clusters:
        settings = list(cluster.settings) + [s for m in cluster.members for s in m.settings]
        for setting in settings:
            what = _SETTING_VALUES.get(setting.keyword)
            if what is not None:
                yield from ((w, what) for w in setting.values)
            elif setting.keyword == "subconfig" and len(setting.values) == 2:
                # the machine is a name (a user's); the name after it, its instance's SUBCONFIG
                yield setting.values[1], "the SUBCONFIG the directory gives the machine's instance on this member"
            elif setting.keyword == "link" and (parts := ast.link_parts(setting)) is not None:
                yield from _link_values(parts)
        selections = [s for m in cluster.members for s in m.selections]
        selections += [s for j in cluster.jobs for s in j.selections]
        for selection in selections:
            what = "a minidisk address" if selection.medium is ast.Medium.MINIDISK else "an SFS path"
            yield from ((w, what) for w in selection.items)
        for catalog in cluster.catalogs:
            yield from ((w, "a file pool") for w in catalog.pool)
        schedules = [r.schedule for j in cluster.jobs for r in j.runs if r.schedule is not None]
        for expire in cluster.expires:
            schedules += [*expire.previews, *expire.purges]
            yield from ((w, "a number of days") for w in expire.retains)
        for schedule in schedules:
            monthly = schedule.frequency == "monthly" and schedule.ordinal is None
            day = "a day of the month" if monthly else "a day of the week"
            yield from ((w, day) for w in schedule.days)
            if schedule.time is not None:
                yield schedule.time, "a time of day"
        for target in (t for j in cluster.jobs for t in j.targets):
            if target.pool is not None:
                yield target.pool, "the pool of a backup target"
        for disk in cluster.disks:
            yield disk.address, "a minidisk address"
            yield disk.size, "a disk size"
            yield disk.unit, "a unit of disk size"
            if disk.volume is not None:
                yield disk.volume, "a volume label"
            if disk.start is not None:
                yield disk.start, "where the disk starts on its volume"


def _value_at(doc: Document, start: int, end: int) -> str | None:
    """What the word at offsets `start`..`end` of this document is, when the file
    gives it as a value, not a name (`_values`); None for anything else. Not the
    word the parsers put in for a value left out (its text empty, its place the
    keyword's: `member DEV1 { workers` at the end of the file), which made hover
    on the keyword just typed leave out the keyword's own doc."""
    main = doc.analysis.program.main
    found = None if main is None else _covering(((w, what) for w, what in _values(main) if w.text), doc, start, end)
    return None if found is None else found[1]


def _covering(pairs, doc: Document, start: int, end: int):
    """The first (word, what) of `pairs` whose word, in this document, covers
    offsets `start`..`end`; None when none does."""
    for word, what in pairs:
        s = word.span
        if s.file == doc.name and s.start <= start and end <= s.end:
            return word, what
    return None


def rename_target(doc: Document, line: int, column: int) -> Occurrence | None:
    """The name under the cursor, if rename may change it everywhere; None when the
    cursor is on nothing (a blank, a comment, a string).

    Raises RenameRefused for a word that is not a name (a keyword, a role, a
    volume...), a pattern (`match LNX*` covers users, it does not name one), a
    name the standard library declares or uses (rename never edits it), and a
    name nothing declares (no declaration ties its uses together: a user only a
    pattern covers, an unknown member)."""
    occ = doc.occurrence_at(line, column)
    if occ is None or doc.model is None or occ.kind == VOLUME:
        _not_renamed(doc, line, column)  # a volume label: refused as the value it is
        return None
    model = doc.model
    if occ.kind == USER and is_pattern(occ.name):
        raise _a_pattern(occ.name)
    occurrences = doc.occurrences_of(occ.kind, occ.name)
    for o in occurrences:
        if in_stdlib(o.span.file):
            what = "declared" if o.definition else "named"
            raise RenameRefused(
                f"`{occ.name}` is {what} in the standard library ({where(doc, o.span)}),"
                " which rename never edits"
            )
    if not any(o.definition for o in occurrences):
        pattern = model.pattern_for(occ.name) if occ.kind == USER else None
        if pattern is not None:
            raise RenameRefused(
                f"`{occ.name}` is not declared by name: the pattern `{pattern.pattern}`"
                f" ({where(doc, pattern.span)}) covers it, and rename leaves patterns as they are"
            )
        raise _declared_nowhere(occ.name)
    return occ


def _a_pattern(name: str) -> RenameRefused:
    return RenameRefused(
        f"`{name}` is a pattern: it covers every user it matches, and rename leaves patterns as they"
        " are; edit it by hand"
    )


def _declared_nowhere(name: str) -> RenameRefused:
    return RenameRefused(f"`{name}` is declared nowhere: there is no declaration to rename it with")


def prepare_rename(doc: Document, line: int, column: int) -> Span | None:
    """The name under the cursor that rename would change (its text is the editor's
    placeholder), None on nothing; raises RenameRefused with the reason."""
    occ = rename_target(doc, line, column)
    return occ.span if occ is not None else None


def _invalid(doc: Document, kind: str, old: str, new: str) -> str | None:
    """Why `new` cannot name this `kind`: the checker's own rules for it."""
    from bkrdsl.check.common import cms_name_problem, quoted, system_name_problem, user_id_problem
    from bkrdsl.check.names import group_name_problem, reserved_id_problem
    from bkrdsl.keywords import keywords, vocabulary
    from bkrdsl.resolve.model import derived_job_name

    if not re.fullmatch(vocabulary().word, new):
        return (
            f"{quoted(new)} is not a name: a name is a word of A-Z 0-9 $ # @ _ * % ? + - : ."
            " that does not start with # + - : or ."
        )
    if new != old and new.lower() in keywords():
        # `member MEMBER {` parses, but `run on EACH member`, `backup FULL full` or
        # `on MEMBER` read the keyword where one may stand, or another statement.
        return (
            f"{quoted(new)} is a keyword of the language (`{new.lower()}`): a name spelled so"
            " is read as the keyword where one may stand; choose another name"
        )
    if kind == MEMBER:
        return system_name_problem(new)
    if kind == CLUSTER:
        return system_name_problem(new, "cluster name")
    if kind == GROUP:
        return group_name_problem(new)
    if kind == USER:
        return user_id_problem(new) or reserved_id_problem(new)
    problem = cms_name_problem(new, "job name (a CMS file name)")
    if problem:
        return problem
    model = doc.model
    for job in (j for j in model.jobs if j.name == old and j.derives_names):
        suffixes = [m.job_suffix for m in map(model.member, job.members) if m is not None]
        long = [derived_job_name(new, s) for s in suffixes if len(derived_job_name(new, s)) > 8]
        if long:
            room = 8 - max(len(s) for s in suffixes)
            return (
                f"job `{old}` runs on several members, and its name on each gets the member's suffix:"
                f" `{long[0]}` would have {len(long[0])} characters; here a job name has at most {room}"
            )
    return None


def _taken(doc: Document, kind: str, old: str, new: str) -> str | None:
    """The name of the same namespace `new` would collide with, said as a sentence."""
    model = doc.model
    member = model.member(new) if kind == MEMBER else None
    if member is not None:
        return f"`{new}` is already a member of cluster `{model.name}` ({where(doc, member.decl.name.span)})"
    if kind == CLUSTER:
        for c in model.clusters:
            if c.name.upper == new:
                return f"`{new}` is already the name of a cluster ({where(doc, c.name.span)})"
    if kind == JOB:
        for j in model.jobs:
            if j.name == new:
                return f"`{new}` is already the name of a job ({where(doc, j.decl.name.span)})"
    if kind in (GROUP, USER):
        # `backup NAME` takes a group name or a user ID: one namespace (BKR326).
        group = model.group(new)
        if group is not None:
            what = "already the name of a group" if kind == GROUP else "the name of a group"
            return f"`{new}` is {what} ({where(doc, group.decl.name.span)})"
        user = model.user(new)
        if user is not None:
            what = "a user ID" if kind == GROUP else "already a user ID"
            return f"`{new}` is {what} (declared {where(doc, user.span)})"
        role = model.machine_roles().get(new)
        if role is not None:
            return f"`{new}` is already the ID of {ROLE_TEXT.get(role, 'a machine of the product')}"
    return None


def renaming(
    doc: Document, kind: str, old: str, new_name: str, scratch: ScratchModules | None = None
) -> Renaming:
    """Rename the `kind` named `old` to `new_name` in this document and every module
    its analysis read. Raises RenameRefused when the new name is not valid for
    the kind, is taken in the same namespace, or would make the checker report
    an error the files did not have (kinds, derived job names, SUBCONFIG IDs...);
    also when an occurrence lies in the standard library. `scratch`: where the
    renamed modules are parsed, one for all the files a rename edits (by default
    one of this document's own, over its parsed modules: `_no_new_errors`)."""
    from bkrdsl.check.common import quoted

    new = new_name.strip().upper()
    if doc.model is None:  # a file whose names could not be gathered at all
        raise RenameRefused(
            f"cannot rename `{old}`: bkrc could not read this file's names; correct its syntax errors first"
        )
    problem = _invalid(doc, kind, old, new)
    if problem:
        raise RenameRefused(f"cannot rename `{old}` to {quoted(new)}: {problem}", invalid_name=True)
    occurrences = doc.occurrences_of(kind, old)
    for o in occurrences:
        if in_stdlib(o.span.file):
            raise RenameRefused(
                f"`{old}` is named in the standard library ({where(doc, o.span)}), which rename never edits"
            )
    if new != old:
        taken = _taken(doc, kind, old, new)
        if taken:
            raise RenameRefused(f"cannot rename `{old}` to `{new}`: {taken}")
    spans = sorted({o.span for o in occurrences}, key=lambda s: (s.file != doc.name, s.file, s.start))
    done = Renaming(kind, old, new, spans)
    _no_new_errors(doc, done, scratch)
    return done


def renamed_texts(doc: Document, renaming: Renaming) -> dict[str, str]:
    """The text of every file the renaming edits, after it: file name -> text."""
    by_file: dict[str, list[Span]] = {}
    for s in renaming.spans:
        by_file.setdefault(s.file, []).append(s)
    out = {}
    for file, spans in by_file.items():
        source = doc.analysis.sources.get(file)
        text = doc.text if file == doc.name else (source.text if source is not None else None)
        if text is None:
            continue
        for s in sorted(spans, key=lambda s: s.start, reverse=True):
            text = text[: s.start] + renaming.new + text[s.end :]
        out[file] = text
    return out


def _reanalysed(doc: Document, texts: dict[str, str], scratch: ScratchModules | None) -> Document:
    """`doc` analysed again as `bkrc check` would analyse it, each file of `texts` (file
    name -> text) with that text, the others as the analysis read them, with no
    error limit; its modules parsed through `scratch` (`loader.ScratchModules`),
    never into the parsed modules the open documents share (rename and the quick
    fixes check texts the client may never take)."""
    from bkrdsl.lsp.document import analyse_document

    scratch, read = _reanalysis_reader(doc, texts, scratch)
    text = texts.get(doc.name, doc.text)  # `normalise`d, as doc.text: its mark given back
    return analyse_document(
        doc.name,
        "\ufeff" + text if doc.bom else text,
        path=doc.path,
        search_path=doc.search_path,
        reader=read,
        parsed=scratch,
        dialect=doc.dialect,
        directory=doc.directory,
    )


def _reanalysis(
    doc: Document, texts: dict[str, str], scratch: ScratchModules | None, checks: bool = True, main=None
):
    """The analysis (`pipeline.Analysis`) of `_reanalysed`, without what the editor's
    features need of a document (the name index): what the quick fixes compare.
    Without `checks`, only reading, parsing and importing. `main`: the main text's
    parse, when known (`pipeline.analyse`'s: taken only when it is of that very text)."""
    from bkrdsl.pipeline import analyse

    scratch, read = _reanalysis_reader(doc, texts, scratch)
    return analyse(
        doc.name,
        file_bytes(texts.get(doc.name, doc.text), doc.bom),  # (each text `normalise`d, as doc.text)
        path=doc.path,
        search_path=doc.search_path,
        reader=read,
        checks=checks,
        parsed=scratch,
        dialect=doc.dialect,
        directory=doc.directory,
        main=main,
    )


def _reanalysis_reader(doc: Document, texts: dict[str, str], scratch: ScratchModules | None):
    """The parsed modules and the reader of an analysis again of `doc` (`_reanalysed`)."""
    if scratch is None and doc.parsed is not None:
        scratch = doc.parsed.scratch() if isinstance(doc.parsed, ParsedModules) else doc.parsed
    served = {}  # every module as the analysis read it, those of `texts` as given
    for name, source in doc.analysis.sources.items():
        if name != doc.name and not in_stdlib(name):
            served[Path(name).resolve()] = buffer_bytes(texts.get(name, source.text))

    def read(path: Path) -> bytes:
        found = served.get(path.resolve())
        return found if found is not None else read_file(path)

    return scratch, read


def _no_new_errors(doc: Document, renaming: Renaming, scratch: ScratchModules | None = None) -> None:
    """Check the renamed files as `bkrc check` would: refuse a rename that adds an error.

    The renamed texts are parsed through `scratch` (`loader.ScratchModules`), never
    into the parsed modules the open documents share: the client may never apply
    the rename, and its renamed copy of a large module would push the modules in
    real use out of them."""
    import collections

    from bkrdsl.diagnostics import Severity

    if scratch is None and doc.parsed is not None:
        scratch = doc.parsed.scratch() if isinstance(doc.parsed, ParsedModules) else doc.parsed
    after = _reanalysed(doc, renamed_texts(doc, renaming), scratch)

    def errors(d: Document) -> list[Diagnostic]:
        return [x for x in d.diagnostics if x.severity is Severity.ERROR]

    if doc.analysis.stops:  # an open document keeps its first errors only: count them all
        doc = _reanalysed(doc, {}, scratch)
    before = collections.Counter(x.code for x in errors(doc))
    for d in errors(after):
        if before[d.code] > 0:
            before[d.code] -= 1
            continue
        raise RenameRefused(
            f"cannot rename `{renaming.old}` to `{renaming.new}`: `bkrc check` would then report"
            f" {d.code}: {d.message}"
        )


def rename(
    doc: Document, line: int, column: int, new_name: str, scratch: ScratchModules | None = None
) -> Renaming:
    """Rename the name under the cursor everywhere this document's analysis sees it."""
    occ = rename_target(doc, line, column)
    if occ is None:
        raise RenameRefused(f"there is no name here to rename: only {_RENAMED} can be renamed")
    return renaming(doc, occ.kind, occ.name, new_name, scratch)


def highlights(doc: Document, line: int, column: int) -> list[Occurrence]:
    """Where the name under the cursor occurs in this document (declarations too).
    A minidisk owner no declaration names (an owner pattern, `LNX*` in `exclude
    minidisk LNX* 0192`) is that text wherever this document writes it as an owner or
    a group's pattern (`match LNX*`); and a group's pattern, also where it is written
    as an owner. Not `*`, every user backed up, which is no name."""
    occ = doc.occurrence_at(line, column)
    if occ is None:
        owner = _owner_at(doc, line, column)
        if owner is not None and owner != "*":
            return _owner_highlights(doc, owner)
        return [o for o in pool_places(doc, line, column) or () if o.span.file == doc.name]
    found = [o for o in doc.occurrences_of(occ.kind, occ.name) if o.span.file == doc.name]
    if occ.kind == USER:  # a worker: its members' `workers N`, as definition gives them
        places = _worker_places(doc, occ.name)
        found += [Occurrence(span, USER, occ.name, True) for _, span in places if span.file == doc.name]
    if occ.kind == USER and is_pattern(occ.name):
        return _owner_highlights(doc, occ.name)
    return sorted(found, key=lambda o: o.span.start)


def _owner_highlights(doc: Document, name: str) -> list[Occurrence]:
    """The places of this document that write `name` as a minidisk owner (read) or
    declare it, a group's pattern (written), each once, in file order."""
    found = {o.span.start: o for o in doc.occurrences_of(USER, name) if o.span.file == doc.name}
    for w, owner in _owner_words(doc):
        if owner == name and w.span.file == doc.name:
            found.setdefault(w.span.start, Occurrence(w.span, USER, name, False))
    return [found[at] for at in sorted(found)]


# ================================================================ outline
@dataclass
class Symbol:
    name: str
    kind: str  # cluster | member | group | user | job | catalog | expire | tape | import | disk | volume
    detail: str
    span: Span
    selection: Span
    children: list[Symbol] = field(default_factory=list)


def _kind_detail(doc: Document, decl, what: str) -> str:
    """A declaration's detail in the outline: `single group`, or `group, its kind not
    written` where it is left out (BKR004), not the kind the recovery assumed."""
    if not _kind_written(doc, decl.kind_span, decl.kind):
        return f"{what}, its kind not written"
    return f"{decl.kind.value} {what}"


def _user_symbols(doc: Document, decls) -> list[Symbol]:
    return [Symbol(w.upper, USER, _kind_detail(doc, d, "user"), d.span, w.span) for d in decls for w in d.names]


def _group_symbols(doc: Document, decls) -> list[Symbol]:
    return [
        Symbol(
            g.name.upper,
            GROUP,
            _kind_detail(doc, g, "group"),
            g.span,
            g.name.span,
            [
                Symbol(e.word.upper, USER, "match" if e.is_pattern else "user", e.span, e.word.span)
                for e in g.entries
            ],
        )
        for g in decls
    ]


def _volume_symbols(settings, keyword: str) -> list[Symbol]:
    """One symbol per label of each `shared-volume` or `private-volume` setting."""
    what = keyword.replace("-", " ")
    return [Symbol(w.upper, "volume", what, w.span, w.span) for s in settings if s.keyword == keyword for w in s.values]


def _disk_symbol(d: ast.Disk) -> Symbol:
    """`disk BKRBKUP 191`, with its size and volume as the detail, and the extent's
    start where `at` gives one (`on VMCOM1 at 1000`): the minidisks bkrc writes into
    the directory, which a sysprog looks for by owner."""
    detail = f"size {d.size.text} {d.unit.text.lower()}" + (f" on {d.volume.upper}" if d.volume else "")
    detail += f" at {d.start.text}" if d.volume and d.start else ""
    selection = Span(
        d.user.span.file,
        d.user.span.line,
        d.user.span.column,
        d.address.span.end_line,
        d.address.span.end_column,
        d.user.span.start,
        d.address.span.end,
    )
    return Symbol(f"disk {d.user.upper} {d.address.upper}", "disk", detail, d.span, selection)


def _member_symbol(m: ast.Member) -> Symbol:
    return Symbol(m.name.upper, MEMBER, "member", m.span, m.name.span, _volume_symbols(m.settings, "private-volume"))


def _schedule_text(schedule: ast.Schedule) -> str:
    """A schedule as the file writes it, its days joined by commas: `weekly mon,tue 02:00`."""
    days = ",".join(w.text for w in schedule.days if w.text)
    words = (schedule.ordinal.text if schedule.ordinal else "", days, schedule.time.text if schedule.time else "")
    return " ".join([schedule.frequency.lower(), *(w for w in words if w)])


def _expire_detail(e: ast.Expire) -> str:
    """An `expire` block's detail in the outline: its members, then what it says, in
    the order the file writes it (`on PRODA: preview daily 01:00, purge weekly sun
    08:00, retain 35 days`), as a disk's shows its size and volume."""
    on = _placement_text(e.placement)
    schedules = [("preview", s) for s in e.previews] + [("purge", s) for s in e.purges]
    said = [(s.span.start, f"{what} {_schedule_text(s)}") for what, s in schedules]
    said += [(w.span.start, f"retain {w.text} days") for w in e.retains]
    return on + (": " + ", ".join(text for _, text in sorted(said)) if said else "")


def _placement_text(p: ast.Placement) -> str:
    return "on each member" if p.each_member else "on " + ", ".join(w.upper for w in p.members if w.text)


def _job_detail(j: ast.Job) -> str:
    """A job's detail in the outline: what it backs up, where to and when, in the order
    the file writes it (`backup LINUX full, to tape, run on VMSYS2 weekly sat 22:00`),
    as an expiry's shows its schedules; its minidisk and SFS selections left out (a
    line of addresses each, read in the file)."""
    said = [
        (b.span.start, " ".join(["backup", ", ".join(w.upper for w in b.groups if w.text), *([b.level.value] if b.level else [])]))
        for b in j.backups
    ]
    said += [(t.span.start, f"to {t.medium.value}" + (f" pool {t.pool.upper}" if t.pool and t.pool.text else "")) for t in j.targets]
    said += [
        (r.span.start, f"run {_placement_text(r.placement)}" + (f" {_schedule_text(r.schedule)}" if r.schedule else ""))
        for r in j.runs
    ]
    return ", ".join(" ".join(text.split()) for _, text in sorted(said)) or "job"


def _catalog_detail(k: ast.Catalog) -> str:
    """A catalog's detail in the outline: its scope, server, file pool and home, as the
    file writes them (`shared server BKRSVSFS pool BKRPOOL on VMSYS1`)."""
    words = [k.scope.value]
    for keyword, values in (("server", k.server), ("pool", k.pool), ("on", k.home)):
        words += [f"{keyword} {w.upper}" for w in values if w.text]
    return " ".join(words)


def _tape_detail(t: ast.Tape) -> str:
    """A Tape Manager's detail in the outline: its scope, then the machines its options
    name, as the file writes them, the catalog node with its member (`shared
    catalog-node TCTMM on VMSYS1 request-node TRTMM catalog-dmm TCDMM request-dmm
    TRDMM`), as a catalog's shows its server, pool and home."""
    options = (
        ("catalog-node", t.catalog_nodes),
        ("request-node", t.request_nodes),
        ("catalog-dmm", t.catalog_dmms),
        ("request-dmm", t.request_dmms),
    )
    named = sorted((n.span.start, keyword, n) for keyword, nodes in options for n in nodes if n.name.text)
    words = [t.scope.value]
    for _, keyword, n in named:
        words.append(f"{keyword} {n.name.upper}" + (f" on {n.member.upper}" if n.member is not None and n.member.text else ""))
    return " ".join(words)


def _cluster_symbol(doc: Document, c: ast.Cluster) -> Symbol:
    children = [_member_symbol(m) for m in c.members]
    children += _volume_symbols(c.settings, "shared-volume")
    children += [_disk_symbol(d) for d in c.disks]
    children += [Symbol("catalog", "catalog", _catalog_detail(k), k.span, k.span) for k in c.catalogs]
    children += [Symbol("expire", "expire", _expire_detail(e), e.span, e.span) for e in c.expires]
    children += [Symbol("tape manager", "tape", _tape_detail(t), t.span, t.span) for t in c.tapes]
    children += _user_symbols(doc, c.users) + _group_symbols(doc, c.groups)
    children += [Symbol(j.name.upper, JOB, _job_detail(j), j.span, j.name.span) for j in c.jobs]
    children.sort(key=lambda s: (s.span.line, s.span.column))
    return Symbol(c.name.upper, CLUSTER, "cluster", c.span, c.name.span, children)


def outline(doc: Document) -> list[Symbol]:
    main = doc.analysis.program.main
    if main is None:
        return []
    out = [Symbol(i.path, "import", "import", i.span, i.span) for i in main.imports]
    out += (
        _user_symbols(doc, main.users)
        + _group_symbols(doc, main.groups)
        + [_cluster_symbol(doc, c) for c in main.clusters]
    )
    out.sort(key=lambda s: (s.span.line, s.span.column))
    _name_unnamed(out)
    return out


def _name_unnamed(symbols: list[Symbol]) -> None:
    """A statement whose name is not written yet (`member` typed above the `}` the
    editor closed: the recovery reads the block with an empty name) named by what it
    is, in lower case (`member`, `single group`): LSP wants a symbol's name neither
    empty nor blanks, and VS Code refuses the whole outline for one."""
    for s in symbols:
        if not s.name.strip():
            s.name = s.detail or s.kind
        _name_unnamed(s.children)


# ================================================================ formatting
def formatted(doc: Document) -> str | None:
    """The canonical text, or None when it is the same or the file cannot be formatted:
    `bkrc fmt`'s answer for the same text, which it reads as it reads a file (a NUL
    byte, a line of over a million characters or a text of over 10 MB, BKR001,
    BKR018 and BKR020, stop it as a syntax error does)."""
    return formatting(doc)[0]


def formatting(doc: Document) -> tuple[str | None, str | None]:
    """One formatting of the text: `formatted`'s text, and where there is none for an
    error, why: the `window/showMessage` the server sends with its empty answer to a
    formatting request (the editor shows nothing else), naming the first error's
    line. (None, None) where the text is canonical already or the formatter failed."""
    from bkrdsl.fmt import FormatterBug, format_bytes

    try:
        done = format_bytes(doc.name, buffer_bytes(doc.text))
    except FormatterBug:
        return None, None
    if done.text is not None or not done.diagnostics:
        return (done.text if done.changed else None), None
    first = done.diagnostics[0]
    where = f"line {first.span.line}" if first.span is not None else "the file"
    return None, f"Formatting waits for the file to parse: {where} has an error ({first.code}: {first.message})"


def range_formatted(doc: Document, first: int, last: int) -> list[tuple[int, int, str]]:
    """Format Selection: the changes of `formatted` (the whole text formatted as `bkrc
    fmt` formats it) that fall within lines `first` to `last` (0-based, both in),
    each (first line replaced, line after the last replaced, new text of whole lines
    ending in `\n`); none when the text cannot be formatted or is canonical already.

    The changes come from a diff of the old lines and the new: lines that differ
    only in blanks and case (`  Workers 1` made `    workers 1`), and stand after
    the same words, pair one to one and each is a change of its own; the other differences, lines joined, split, added or
    removed, are hunks of consecutive lines, each taken whole or not at all. A hunk
    is taken when every line it replaces is selected (one that only adds lines, when
    it adds them between two selected lines): never a line outside the selection is
    edited, and a hunk that straddles the selection's edge is left out. The text
    with the changes taken applied must then format to the same text as the whole
    (it holds the same program): where it would not (a diff that paired lines across
    a token that moved), there are no changes."""
    whole = formatted(doc)
    return [] if whole is None else _changes(doc, whole, first, last)


def formatting_changes(doc: Document, whole: str) -> list[tuple[int, int, str]]:
    """Format Document as changes of whole lines, as `range_formatted` gives them for
    every line (`whole`, `formatted`'s text): an editor applies them and keeps what the
    lines left as they are hold, where one edit of the whole text loses it (Neovim
    opens every fold, drops the marks and the undo's cursor: neovim/neovim#21783).
    None where they would not give `whole` (the caller answers one edit of it then)."""
    lines = len(_lf_lines(doc.text))
    return _changes(doc, whole, -1, lines) or None


def _changes(doc: Document, whole: str, first: int, last: int) -> list[tuple[int, int, str]]:
    """`range_formatted`'s changes of `doc` to `whole` within lines `first` to `last`."""
    from difflib import SequenceMatcher

    from bkrdsl.fmt import FormatterBug, format_bytes

    old, new = _lf_lines(doc.text), _lf_lines(whole)

    def keys(lines: list[str]) -> list[tuple[int, str]]:
        # A line's words (its blanks and case aside), and how many characters but
        # blanks come before it: the formatter moves no word, so a line of the old
        # text is one of the new only where both hold the same words at the same
        # place (a `}` pairs with the `}` that closes the same block, not another's).
        out, at = [], 0
        for line in lines:
            words = line.split()
            out.append((at, " ".join(words).lower()))
            at += sum(map(len, words))
        return out

    hunks: list[tuple[int, int, int, int]] = []
    matcher = SequenceMatcher(None, keys(old), keys(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            hunks.append((i1, i2, j1, j2))
            continue
        hunks += [(i, i + 1, j, j + 1) for i, j in zip(range(i1, i2), range(j1, j2)) if old[i] != new[j]]

    def selected(i1: int, i2: int) -> bool:
        return first <= i1 and i2 - 1 <= last if i2 > i1 else first < i1 <= last

    taken = [hunk for hunk in hunks if selected(hunk[0], hunk[1])]
    if not taken:
        return []
    partial: list[str] = []
    at = 0
    for i1, i2, j1, j2 in taken:
        partial += old[at:i1] + new[j1:j2]
        at = i2
    partial += old[at:]
    if len(taken) == len(hunks):
        return [(i1, i2, "".join(new[j1:j2])) for i1, i2, j1, j2 in taken]  # every change: `whole` itself
    try:
        done = format_bytes(doc.name, buffer_bytes("".join(partial)))
    except FormatterBug:
        return []
    if done.text != whole:
        return []
    return [(i1, i2, "".join(new[j1:j2])) for i1, i2, j1, j2 in taken]


def _lf_lines(text: str) -> list[str]:
    """`text`'s lines, each with its `\n` (the last without one when the text does not
    end in one): LF only, the line ends of an analysed text (`str.splitlines` would
    split at a form feed or U+2028 too, which LSP does not)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


# ================================================================ on-type formatting
#: What the server asks the editor to tell it when typed: a line end (a new line
#: starts) and a `}` (a block ends).
TYPED_TRIGGERS = ("\n", "}")
#: What may stand before a line's first token (the grammar's white space, line ends aside).
_BLANKS = " \t\f"


def typed_line(text: str, line: int, typed: str) -> tuple[int, str] | None:
    """After `typed` (a line end, or a `}`) was typed, the indentation `bkrc fmt` gives
    line `line` (0-based) of `text` (LF line ends, no byte-order mark): (how many
    blanks the line starts with now, the blanks it should start with), or None when
    it has them already, or `typed` is not a line end nor a `}` typed first on its
    line (any other `}` leaves the line as it is). Never another line: a `}` does not
    move the line before it, a line end not the line it ends."""
    from bkrdsl.fmt.ontype import line_indent

    lines = text.split("\n")
    if typed not in TYPED_TRIGGERS or not 0 <= line < len(lines):
        return None
    current = lines[line]
    blanks = len(current) - len(current.lstrip(_BLANKS))
    if typed == "}" and not current[blanks:].startswith("}"):
        return None
    indent = line_indent(text, line)
    if indent is None or indent == current[:blanks]:
        return None
    return blanks, indent


# ================================================================ code actions
@dataclass
class QuickFix:
    """A diagnostic's fix (`Diagnostic.fix`, made where the diagnostic is) as a code
    action: its title, the edits to this document, and the diagnostic where the
    editor shows it (`Placed`: a diagnostic of the site's directory, BKR520, shows
    in this document, and its fix edits this document)."""

    title: str
    shown: Placed
    edits: tuple[Edit, ...]
    preferred: bool = True
    #: the other diagnostics this fix mends (`_joined`: several at one place, one fix)
    also: tuple[Placed, ...] = ()
    #: one of the mends a help offers (`Diagnostic.choices`), which `bkrc check --fix` never applies
    choice: bool = False

    @property
    def diagnostic(self) -> Diagnostic:
        return self.shown.diagnostic


def _fix_for(doc: Document, shown: Placed) -> QuickFix | None:
    """The quick fix of a diagnostic, when it has one that edits this document only, or,
    for a mistake of an imported module shown at its import, that module only
    (`_module_mend`); a fix is never guessed here from the help line: the stage that
    knew the text made it."""
    fix = shown.diagnostic.fix
    if fix is None or not fix.edits:
        return None
    if all(e.span.file == doc.name for e in fix.edits):
        return QuickFix(fix.title, shown, fix.edits)
    module = _module_mend(doc, shown.diagnostic, fix)
    if module is None:
        return None
    return QuickFix(f"{fix.title} in {module}", shown, fix.edits, preferred=False)


def _module_mend(doc: Document, d: Diagnostic, fix: Fix) -> str | None:
    """The module `fix` edits, as this document names it (`site/common.bkr`, relative to
    its folder), when `d` is a mistake of a module this document imports (shown at the
    import that leads to it: `placed`) and `fix` edits that module alone, not one of the
    standard library's; else None. Such a fix is offered where the mistake shows, so a
    sysprog who reads it in prod.bkr, site/common.bkr not open, mends it from there as
    `bkrc check --fix site/common.bkr` would; `bkrc check --fix prod.bkr` leaves the
    module as it is, and so does *Fix all* (`fixed_all`). Never preferred: *Auto Fix* in
    prod.bkr does not write into another file unasked."""
    file = d.span.file if d.span is not None else None
    if file is None or file == doc.name or file not in doc.analysis.sources or in_stdlib(file):
        return None
    if any(e.span.file != file for e in fix.edits):
        return None
    return where(doc, d.span).rsplit(":", 1)[0]


def _offered_choices(doc: Document, shown: Placed) -> list[QuickFix]:
    """The choices a diagnostic carries (`Diagnostic.choices`, made where it is, never
    read here from its message or help): BKR004's `daily sun 02:00`, *Write `daily
    02:00`* (the day removed) or *Write `weekly sun 02:00`* (`weekly` for `daily`); a
    declaration begun without its kind (`group APPS`: *Insert `identity`*, *Insert
    `single`*), a catalog or Tape Manager without its scope (*Insert `shared`*,
    *Insert `local`*), a selection without its `include` or `exclude`, a job's medium
    left out (`to pool BKUPPOOL`: *Insert `disk`*, *Insert `tape`*), a member left out
    with its `on` (`run daily 02:00`: *Insert `on VMSYS1`*, one for each member the
    help writes). One code action for each, none preferred: which is meant is the
    site's, so *Auto Fix* applies none. But BKR005's `}` (*Insert `}` to end `job
    APPSFULL`*), the one mend its help writes, where the block ends the parser's guess,
    is preferred where the diagnostic says so (`prefer_choice`: before a statement that
    belongs outside the block, not at the end of the file); where the file says where
    the block ends, that `}` is the diagnostic's fix, no choice. Each carries its
    diagnostic with that choice as its fix (`fixes_give`). Not those of a diagnostic
    whose choice would edit another file, but for a module's mistake shown at its
    import, whose choice edits that module (`_module_mend`)."""
    d = shown.diagnostic
    out = []
    for choice in d.choices:
        if not choice.edits:
            continue
        title, preferred = choice.title, d.prefer_choice
        if any(e.span.file != doc.name for e in choice.edits):
            module = _module_mend(doc, d, choice)  # a module's mistake, shown at its import
            if module is None:
                continue
            title, preferred = f"{choice.title} in {module}", False
        chosen = replace(shown, diagnostic=replace(d, fix=choice, choices=(), prefer_choice=False))
        out.append(QuickFix(title, chosen, choice.edits, preferred=preferred, choice=True))
    return out


def allow_actions(
    doc: Document,
    start: tuple[int, int],
    end: tuple[int, int],
    shown: Sequence[tuple[str, tuple[int, int], tuple[int, int]]] = (),
) -> list[QuickFix]:
    """*Allow BKRnnn on this line*, for each warning of this document the range touches
    or the client says it shows there (`shown`, as `fixes` reads it), once per code and
    line: the `# bkrc: allow` the stage that reads them writes (`allow.allow_fix`: the
    code added to the line's trailing allow, else a trailing one, or one on its own line
    above where the line would pass 80 columns or has a comment already). ESLint's
    *Disable rule for this line*. Never preferred, so *Auto Fix* never silences a
    warning, and apart from `fixes`, after them: the mends come first. Not for an error,
    which no allow silences (BKR025), nor for BKR027, whose fix deletes the allow, nor
    for BKR026, whose fix mends the word (allowing either is BKR025); nor where no allow
    reaches: a warning on a line that is only a comment (`allow_fix`), or an allow on a
    line of its own below a syntax error that the parser's recovery skips, comments and
    all, to the next statement, or one after a comment the recovery skipped, so not in
    `module.comments`, where `allow_fix` would write it inside that comment (each
    allow at or below a syntax error is read again: `_allow_read_below`)."""
    main = doc.analysis.program.main
    source = doc.analysis.sources.get(doc.name)
    if main is None or source is None:
        return []
    broken = min(  # the first line of a syntax error, whose recovery skips on from it
        (
            d.span.line
            for d in doc.analysis.diagnostics
            if d.code < "BKR100" and d.is_error and d.span is not None and d.span.file == doc.name
        ),  # (an error: BKR019, BKR023, BKR024 are warnings of the reading, with no recovery)
        default=None,
    )
    named = {(code, s, e) for code, s, e in shown}
    out: list[QuickFix] = []
    said: set[tuple[str, int]] = set()
    directives = None
    for where in placed(doc):
        d = where.diagnostic
        if d.is_error or d.code in ("BKR026", "BKR027") or d.span is None or d.span.file != doc.name:
            continue
        s = where.span
        first, last = (s.line - 1, s.column - 1), (s.end_line - 1, s.end_column - 1)
        if not (first <= end and start <= last) and (d.code, first, last) not in named:
            continue
        if (d.code, s.line) in said:
            continue
        said.add((d.code, s.line))
        from bkrdsl.diagnostics.allow import allow_fix, read

        if directives is None:
            directives = read(main, source)[0]
        fix = allow_fix(source, d, main, directives)
        if fix is not None and broken is not None and broken <= s.line and not _allow_read_below(source, fix.edits[0]):
            fix = None  # (in the recovery's skip, or inside a comment it skipped: read by nothing)
        if fix is not None:
            chosen = replace(where, diagnostic=replace(d, fix=fix, choices=(), prefer_choice=False))
            out.append(QuickFix(fix.title, chosen, fix.edits, preferred=False, choice=True))
    return out


def _allow_read_below(source, edit) -> bool:
    """Whether the allow `edit` writes at or below a syntax error is read: the parser's
    recovery may skip on from the error to the next statement, comments and all (an
    allow on a line of its own there is read by nothing), and a comment it skipped is
    not in `module.comments`, so `allow_fix` took its line for one without a comment
    and would write the allow after it, inside it. The text with the allow is read
    again (one parse, for this action only), and the allow must be a comment of its own
    that the parser kept. A code added to an allow already read needs no reading."""
    from bkrdsl.syntax import read_module

    at = edit.new_text.find("#")
    if at < 0:
        return True
    text = source.text
    where = edit.span.start
    module = read_module(Source.of(source.name, text[:where] + edit.new_text + text[where:]))[0]
    return module is not None and any(c.start == where + at for c, _ in module.comments)


def fixes(
    doc: Document,
    first_line: int,
    last_line: int,
    start: tuple[int, int] | None = None,
    end: tuple[int, int] | None = None,
    shown: Sequence[tuple[str, tuple[int, int], tuple[int, int]]] = (),
) -> list[QuickFix]:
    """Unambiguous fixes for the diagnostics shown on lines first_line..last_line (0-based).

    Given the range a code action request asks about (`start`, `end`: 0-based line
    and column), the fixes of the diagnostics that range touches; a range that ends
    where a line starts (a whole line selected, to the start of the next) touches
    nothing of that line. When it touches none: those of the diagnostics the client
    says it shows there (`shown`: code, start and end of each of the request's
    `context.diagnostics`, matched to this analysis's by code and place; Neovim
    sends the cursor line's), none when those have none; when it names none of
    this analysis either, and the range lies on one line, every fix of that line, not
    preferred where it edits another word of that line. So with the cursor on one of
    two mistakes of a line the editor offers (and applies as *the* preferred fix)
    that one's fix only, and a line selected whole is never offered the fix of a
    mistake on the line after it. A diagnostic of an imported module is shown at
    its import, and its fix, which edits the module, is offered there, not preferred
    (`_module_mend`); one of the site's directory, at the place in this document it
    concerns."""
    return _one_preferred(_fixes(doc, first_line, last_line, start, end, shown), doc)


def _fixes(doc, first_line, last_line, start, end, shown) -> list[QuickFix]:
    ranged = start is not None and end is not None
    out = []
    held = set()  # (code, start, end) of each diagnostic shown, as `shown` names one
    directory = doc.analysis.directory
    for where in placed(doc):
        s, d = where.span, where.diagnostic
        held.add((d.code, (s.line - 1, s.column - 1), (s.end_line - 1, s.end_column - 1)))
        # This document's, the site directory's shown here, or a module's shown at its
        # import (whose fixes edit that module: `_fix_for`).
        own = d.span is not None and (
            d.span.file == doc.name
            or (directory is not None and d.span.file == directory.name)
            or d.span.file in doc.analysis.sources
        )
        if not own or (not ranged and (s.end_line - 1 < first_line or s.line - 1 > last_line)):
            continue
        fix = _fix_for(doc, where)
        if fix is not None:
            out.append(fix)
        out += _offered_choices(doc, where)
    if not ranged:
        return out
    if end[0] > start[0] and end[1] == 0:  # the range stops where that line starts
        lines = doc.lines(doc.name)
        end = (end[0] - 1, len(lines[end[0] - 1]) if end[0] - 1 < len(lines) else 0)

    def place(s: Span) -> tuple[tuple[int, int], tuple[int, int]]:
        return (s.line - 1, s.column - 1), (s.end_line - 1, s.end_column - 1)

    touched = [f for f in out if place(f.shown.span)[0] <= end and start <= place(f.shown.span)[1]]
    if touched:
        return touched
    named = {(code, s, e) for code, s, e in shown}
    given = [f for f in out if (f.diagnostic.code, *place(f.shown.span)) in named]
    if given or named & held:
        # The client shows there a mistake of this analysis: its fixes, none when it
        # has none (a warning on `02:00` is not offered the fix of another mistake of
        # its line, which *Auto Fix* would apply).
        return given
    if start[0] != end[0]:
        return []
    # Every fix of the line: offered, but not preferred where it writes at another word
    # of the cursor's line (`catalog shard server BKRSVSFS pool BKRPOOL |`: *Auto Fix*
    # there wrote `shared` at a word the cursor is not on); preferred where it writes
    # at the range, with only blanks between (`backup SYS, |`: *Remove the `,`*), or
    # on other lines (BKR005's `}` above the comment lines of the statement shown).
    line = doc.lines(doc.name)[start[0]] if start[0] < len(doc.lines(doc.name)) else ""

    def at_range(e: Edit) -> bool:
        (a_line, a), (b_line, b) = place(e.span)
        if (a_line, a) > end:
            return a_line != end[0] or not line[end[1] : a].strip(" \t")
        if (b_line, b) < start:
            return b_line != start[0] or not line[b : start[1]].strip(" \t")
        return True

    return [
        f if not f.preferred or any(at_range(e) for e in f.edits) else replace(f, preferred=False)
        for f in out
        if f.shown.span.line - 1 <= start[0] <= f.shown.span.end_line - 1
    ]


def _one_preferred(offered: list[QuickFix], doc: Document) -> list[QuickFix]:
    """`offered` with at most one preferred fix for the diagnostics of one code at one
    place (VS Code's *Auto Fix* applies the preferred fix only when it is the one;
    given five it asks, and marks none of them as *the* fix). Where each of those
    fixes only adds its text (BKR253's `disk` statements, one per machine, at the
    cluster's name, each after the `disk` statements of the machines listed before
    it: `tables._disks_before`), one more fix adds them all and is the
    preferred one: the A-disks of every machine are what the warnings ask for
    together. `disk` statements go in the order of the machines (`_machine_order`:
    the backup server, the catalog server, the workers, the administrator, as the
    examples write them), not the messages' order; other texts in the fixes' order.
    Otherwise the first stays preferred."""
    places: dict[tuple, list[int]] = {}
    for i, fix in enumerate(offered):
        if fix.preferred:
            s = fix.shown.span
            places.setdefault((fix.diagnostic.code, s.file, s.start, s.end), []).append(i)
    out = list(offered)
    joined: dict[int, QuickFix] = {}  # each after the last fix it joins
    for at in places.values():
        if len(at) < 2:
            continue
        same = [offered[i] for i in at]
        files = {e.span.file for f in same for e in f.edits}
        inserts = len(files) == 1 and all(len(f.edits) == 1 and f.edits[0].span.start == f.edits[0].span.end for f in same)
        for i in at[1:] if not inserts else at:
            out[i] = replace(offered[i], preferred=False)
        if inserts:
            same = sorted(same, key=_machine_order(doc))
            first = same[0]
            points: dict[int, list[QuickFix]] = {}  # each machine's `disk` after those listed before it
            for f in same:
                points.setdefault(f.edits[0].span.start, []).append(f)
            edits = tuple(
                Edit(fs[0].edits[0].span, "".join(f.edits[0].new_text for f in fs)) for _, fs in sorted(points.items())
            )
            title = _joined_title(same)
            d = replace(first.diagnostic, fix=Fix(title, edits), choices=(), prefer_choice=False)
            joined[at[-1]] = QuickFix(title, replace(first.shown, diagnostic=d), edits, True, tuple(f.shown for f in same[1:]))
    if joined:
        out = [f for i, fix in enumerate(out) for f in ((fix, joined[i]) if i in joined else (fix,))]
    return out


def _machine_order(doc: Document):
    """The sort key of a fix by the product machine its `disk` statement (`disk
    BKRWRK* 191 ...`) is for, in the order the model lists them
    (`Model.machine_roles`: backup server, catalog server, workers, the catalog's
    SFS server, administrator, installation user, Tape Manager's machines); 0 for
    any other fix, which keeps its place (the sort is stable)."""
    from bkrdsl.resolve.model import pattern_regex

    model = doc.analysis.model
    machines = list(model.machine_roles()) if model is not None else []

    def key(fix: QuickFix) -> int:
        words = fix.edits[0].new_text.split()
        if len(words) < 2 or words[0] != "disk":
            return 0
        rx = pattern_regex(words[1].upper())
        return next((i for i, m in enumerate(machines) if rx.match(m)), len(machines))

    return key


def _joined_title(same: list[QuickFix]) -> str:
    """*Add the 3 `disk` statements* for fixes titled *Add `disk ...`*; else *Apply
    the 3 fixes*."""
    if all(f.title.startswith("Add `disk ") for f in same):
        return f"Add all {len(same)} `disk` statements"
    return f"Apply all {len(same)} fixes"


def _fix_key(fix: QuickFix) -> tuple:
    return (fix.diagnostic.code, fix.title, tuple((e.span.start, e.span.end, e.new_text) for e in fix.edits))


def fixed_all(doc: Document, text: str, scratch: ScratchModules | None = None, *, held: bool = False):
    """`text` (the editor's buffer, `doc`'s, as written: no byte-order mark) with every
    fix applied that `bkrc check --fix` applies to it (`fixes.fix_all`: round after
    round, leaving out a fix that would add an error), each round's text analysed as
    the document is, its imports read from the open buffers (`_reanalysis`). The
    *Fix all* source action's text; None when no fix applies. `held`: the editor
    types at the end of the buffer, where BKR005 for the blocks left open there is
    held back (`closed_later`): its `}` is not written, in any round."""
    from bkrdsl.fixes import fix_all

    if scratch is None and doc.parsed is not None:
        scratch = doc.parsed.scratch() if isinstance(doc.parsed, ParsedModules) else doc.parsed

    def check(new: str):
        analysis = _reanalysis(doc, {doc.name: new}, scratch)
        if held and any(closed_later(d) for d in analysis.diagnostics):
            analysis = replace(analysis, diagnostics=[d for d in analysis.diagnostics if not closed_later(d)])
        return analysis

    fixed = fix_all(text, doc.name, check)
    return fixed if fixed.applied and fixed.text != text else None


def fixes_give(
    doc: Document, offered: Sequence[QuickFix], scratch: ScratchModules | None = None
) -> list[tuple[Diagnostic, ...]]:
    """The errors each fix of `offered` would add to the document, as `bkrc check --fix`
    counts them (`fixes.introduced`: new by code and place, not uncovered by a mended
    syntax error), which then leaves the fix out: `disk BKRBKP 191`'s *Replace with
    `BKRBKUP`* when the next line gives BKRBKUP's 191 (BKR324). The document is
    analysed again with the fixes that do not touch one another applied together,
    as a round of `--fix` applies them; when they add an error, with each alone;
    only read (no checks) where a syntax or import error stopped the checks of the
    text as it is, and without the name index a document's analysis builds
    (`_reanalysis`); where the fixes write plain names only, not read again at
    all: the tree of the text with those names, checked (`fixcheck.analysis`).
    Kept with the analysis (`Document.fixes_give`)."""
    from bkrdsl import fixes as mend
    from bkrdsl.lsp import fixcheck

    known = doc.fixes_give
    unknown = {_fix_key(f): f for f in offered if _fix_key(f) not in known}
    if unknown:
        if scratch is None and doc.parsed is not None:
            scratch = doc.parsed.scratch() if isinstance(doc.parsed, ParsedModules) else doc.parsed
        before = _reanalysis(doc, {}, scratch) if doc.analysis.stops else doc.analysis
        # Where a syntax or import error stopped the checks of the text as it is,
        # `introduced` counts no error of the checks: the fixed text is only read.
        checks = before.model is not None

        def gives(chosen: list[Diagnostic]) -> list[Diagnostic]:
            file = chosen[0].fix.edits[0].span.file
            if file != doc.name:  # a module's fix (`_module_mend`): the module's text mended
                text = mend.apply(before.sources[file].text, chosen)
                return mend.introduced(before, _reanalysis(doc, {file: text}, scratch, checks), chosen, file)
            # A fix that writes names only: the tree of the text renamed, not parsed again.
            after = fixcheck.analysis(before, chosen, doc.name, doc.dialect) if checks else None
            if after is None:
                after = _reanalysis(doc, {doc.name: mend.apply(doc.text, chosen)}, scratch, checks)
            return mend.introduced(before, after, chosen, doc.name)

        by_diagnostic = {id(f.diagnostic): key for key, f in unknown.items()}
        together = mend.choose([f.diagnostic for f in unknown.values()], doc.name)
        if len(together) > 1 and not gives(together):
            known.update((by_diagnostic[id(d)], ()) for d in together)
        for key, f in unknown.items():
            if key not in known:
                known[key] = tuple(gives([f.diagnostic]))
    return [known[_fix_key(f)] for f in offered]


def fix_refusal(doc: Document, gives: Sequence[Diagnostic], choice: bool = False) -> str:
    """Why a quick fix is not offered as one to apply, in the words of `bkrc check
    --fix`'s line for it: the errors it would give, where (the line in the fixed
    text; another file's name with it). A `choice` of the help's, which `--fix`
    never applies, is said as a choice that would give them (`run on eac` in a job
    of IDENTITY users that includes the shared file pool's data: *Write `each
    member`* would copy that data on each member, BKR226), not as a fix `--fix`
    leaves out."""

    def where(d: Diagnostic) -> str:
        if d.span is None:
            return ""
        line = f"line {d.span.line}"
        return f" at {line}" if d.span.file == doc.name else f" at {d.span.file}:{d.span.line}"

    said = "; ".join(f"{d.code}{where(d)}: {d.message}" for d in gives)
    if choice:
        return f"this choice does not fit here: the file would then give {said}"
    return f"`bkrc check --fix` would not apply it: it would give {said}"


# ================================================================ derived facts, as hover shows them
def per_member_names(doc: Document, job) -> tuple[tuple[str, str], ...]:
    """(member, job name there) of a job that takes a name per member (`SYSINC1` on
    `VMSYS1`...): the names hover shows (`Model.derived_names`). Nothing for a
    job that keeps its own name, nor while what it backs up is unknown or mixed
    (the checker reports that; which names would be right is not known yet)."""
    if doc.model is None or not job.derives_names or job.kind is None:
        return ()
    return doc.model.derived_names(job)


def worker_ids_of(doc: Document, member) -> tuple[str, ...]:
    """The worker machines of a member, as hover shows them (`Model.workers_of`)."""
    return doc.model.workers_of(member) if doc.model is not None else ()


def syntax_errors(doc: Document) -> list[Diagnostic]:
    """Errors found reading or parsing this document or a module it imports (BKR0xx):
    where they are, the parser may have dropped what the facts depend on."""
    return [d for d in doc.analysis.program.diagnostics if d.is_error and d.code < "BKR100"]


# ================================================================ inlay hints
@dataclass
class InlayHint:
    """A fact the compiler derives and the text does not show, shown just after
    the word it belongs to (0-based line and column, in code points)."""

    line: int
    column: int
    label: str
    kind: str  # names (derived names: job names per member, worker IDs) | type (a user's kind)
    tooltip: str


#: Job names per member that take more than this many characters are shown as
#: the first and the last (`→ BKRINC01…BKRINC04`); the tooltip lists them all.
HINT_WIDTH = 32


def _job_names_label(names: list[str]) -> str:
    shown = " ".join(names)
    if len(names) > 2 and len(shown) > HINT_WIDTH:
        shown = f"{names[0]}…{names[-1]}"
    return "→ " + shown


def _workers_label(ids: tuple[str, ...]) -> str:
    """Worker IDs are numbered 01, 02...: three or more read best as a range."""
    return "→ " + (f"{ids[0]}–{ids[-1]}" if len(ids) > 2 else " ".join(ids))


def _within(span: Span, outer: Span) -> bool:
    return span.file == outer.file and outer.start <= span.start < max(outer.end, outer.start + 1)


def _unknown_after_syntax_errors(doc: Document):
    """What syntax errors leave unknown: (everything, the jobs, the members) whose
    hints are withheld. An error inside a job's block hides that job's hints; one
    inside a member's block that member's hints and every job's (a job's names
    take the members' suffixes); one anywhere else (or in an imported module)
    every hint, since it may have swallowed a member, a group or an import. A `}`
    too many hides nothing: the parser read every statement around it, in the block
    it was written in (`messages.reads_on`)."""
    from bkrdsl.syntax.messages import reads_on

    errors = [d for d in syntax_errors(doc) if not reads_on(d)]
    jobs: set[int] = set()
    members: set[int] = set()
    if not errors:
        return False, jobs, members
    model = doc.model
    for d in errors:
        s = d.span
        if s is None or s.file != doc.name or model is None:
            return True, jobs, members
        job = next((j for j in model.jobs if _within(s, j.decl.span)), None)
        member = next((m for m in model.members if _within(s, m.decl.span)), None)
        if job is not None:
            jobs.add(id(job.decl))
        elif member is not None:
            members.add(id(member.decl))
        else:
            return True, jobs, members
    return False, jobs, members


def _kind_hint(doc: Document, ref) -> InlayHint | None:
    """`: identity` after a user ID on a `backup` line whose kind this file does not
    say: declared in an imported module or the standard library, or covered by a
    pattern. A group (its kind is in its name's declaration) and a user declared
    by name in this file get none: hints must not clutter."""
    if ref.group is not None or len(ref.kinds) != 1:
        return None
    if any(d.span.file == doc.name for d in doc.model.user_defs_of(ref.word.upper)):
        return None
    (kind,) = ref.kinds
    if ref.user is not None:
        origin = "declared" if ref.user.origin == "user" else f"listed in {ref.user.origin}"
        why = f"{origin} ({where(doc, ref.user.span)})"
    else:
        why = f"matched by `{ref.pattern.pattern}` ({where(doc, ref.pattern.span)})"
    s = ref.word.span
    return InlayHint(s.end_line - 1, s.end_column - 1, f": {kind.value}", "type", f"{KIND_TEXT[kind]}, {why}")


def inlay_hints(doc: Document, start: tuple[int, int], end: tuple[int, int]) -> list[InlayHint]:
    """The derived facts of this document whose place lies between `start` and `end`
    ((line, column), 0-based, both included): per-member job names after `job
    NAME`, worker IDs after `workers N`, and the kind of a user a `backup` line
    names when this file does not say it. Withheld where a syntax error leaves
    them unknown (`_unknown_after_syntax_errors`)."""
    model = doc.model
    if model is None:
        return []
    everything, broken_jobs, broken_members = _unknown_after_syntax_errors(doc)
    if everything:
        return []
    out: list[InlayHint] = []
    for member in model.members:
        settings = member.decl.settings_named("workers")
        if member.decl.span.file != doc.name or id(member.decl) in broken_members or not settings:
            continue
        ids = worker_ids_of(doc, member)
        if ids and settings[0].values:
            s = settings[0].values[0].span
            tooltip = f"the worker machines of {member.name}: " + ", ".join(ids)
            out.append(InlayHint(s.end_line - 1, s.end_column - 1, _workers_label(ids), "names", tooltip))
    for job in model.jobs if not broken_members else ():
        if job.decl.span.file != doc.name or id(job.decl) in broken_jobs:
            continue
        names = per_member_names(doc, job)
        if names:
            s = job.decl.name.span
            tooltip = f"job {job.name} on each member: " + ", ".join(f"{n} on {m}" for m, n in names)
            label = _job_names_label([n for _, n in names])
            out.append(InlayHint(s.end_line - 1, s.end_column - 1, label, "names", tooltip))
        for ref in job.refs:
            hint = _kind_hint(doc, ref)
            if hint is not None:
                out.append(hint)
    out = [h for h in out if start <= (h.line, h.column) <= end]
    out.sort(key=lambda h: (h.line, h.column, h.label))
    return out


# ================================================================ folding ranges
@dataclass(frozen=True)
class Fold:
    """Lines the editor can fold (0-based, both included)."""

    start_line: int
    end_line: int
    kind: str  # block (a { } block) | comment | imports | region (`# region` to `# endregion`)


def _block_spans(module: ast.Module):
    """The span of every `{ ... }` construct of a parsed module."""
    for g in module.groups:
        yield g.span
    for c in module.clusters:
        yield c.span
        yield from (m.span for m in c.members)
        yield from (g.span for g in c.groups)
        yield from (e.span for e in c.expires)
        yield from (j.span for j in c.jobs)


def _brace_blocks(doc: Document) -> list[tuple[int, int]]:
    """(offset of `{`, offset of its `}`) from the token stream, for a file the parser
    could not read: a `}` that closes nothing is passed over, and a `{` never
    closed runs to the end of the text (as the parser reads it: BKR005)."""
    from bkrdsl.syntax.fast import braces

    open_at: list[int] = []
    out = []
    for brace, offset in braces(doc.text):
        if brace == "{":
            open_at.append(offset)
        elif open_at:
            out.append((open_at.pop(), offset))
    end = len(doc.text.rstrip())
    out += [(offset, end) for offset in open_at]
    return out


def _region(doc: Document, start: int, close: int) -> Fold | None:
    """The fold of a block from the line of `start` to the `}` at `close`: a `}`
    that begins its line stays visible, as editors fold braces."""
    source = doc.source
    first = source.position(start)[0] - 1
    last, column = source.position(close)
    last -= 1
    line_start = close - (column - 1)
    if doc.text[line_start:close].strip() == "" and doc.text[close : close + 1] == "}":
        last -= 1
    return Fold(first, last, "block") if last > first else None


def _comment_runs(doc: Document, module: ast.Module) -> list[Fold]:
    """Runs of two or more lines that hold a comment only."""
    lines = []
    for span, _text in module.comments:
        if span.file == doc.name and doc.text[span.start - (span.column - 1) : span.start].strip() == "":
            lines.append(span.line - 1)
    out = []
    run: list[int] = []
    for line in sorted(set(lines)) + [-2]:
        if run and line == run[-1] + 1:
            run.append(line)
            continue
        if len(run) > 1:
            out.append(Fold(run[0], run[-1], "comment"))
        run = [line]
    return out


#: The folding markers of editors/vscode/language-configuration.json, which VS
#: Code stops reading once a language server folds.
REGION_START = re.compile(r"#\s*region\b")
REGION_END = re.compile(r"#\s*endregion\b")


def _marked_regions(doc: Document, module: ast.Module) -> list[Fold]:
    """From each `# region` comment line to its `# endregion` (nested; unmatched ones left out)."""
    open_at: list[int] = []
    out = []
    for span, text in module.comments:
        if span.file != doc.name or doc.text[span.start - (span.column - 1) : span.start].strip():
            continue
        if REGION_START.match(text):
            open_at.append(span.line - 1)
        elif REGION_END.match(text) and open_at:
            start = open_at.pop()
            if span.line - 1 > start:
                out.append(Fold(start, span.line - 1, "region"))
    return out


def _import_runs(module: ast.Module) -> list[Fold]:
    """Each run of `import` statements that no other statement interrupts."""
    items = [(i.span.start, i.span) for i in module.imports]
    others = [d.span.start for d in (*module.users, *module.groups, *module.clusters)]
    items += [(start, None) for start in others]
    out = []
    run: list[Span] = []
    for _start, span in sorted(items, key=lambda item: item[0]) + [(-1, None)]:
        if span is not None:
            run.append(span)
            continue
        if run and run[-1].end_line > run[0].line:
            out.append(Fold(run[0].line - 1, run[-1].end_line - 1, "imports"))
        run = []
    return out


def folding_ranges(doc: Document) -> list[Fold]:
    """Every `{ ... }` block over more than one line (from the AST's spans, or from
    the token stream when this file has a syntax error: the parser's recovery may
    have dropped or closed blocks elsewhere than the braces), runs of comment
    lines, `# region` ... `# endregion`, and runs of imports; in the order of
    their first line."""
    main = doc.analysis.program.main
    broken = main is None or any(d.span is None or d.span.file == doc.name for d in syntax_errors(doc))
    if broken:
        blocks = _brace_blocks(doc)
    else:
        blocks = [(s.start, s.end - 1) for s in _block_spans(main) if s.file == doc.name]
    out = [f for f in (_region(doc, start, close) for start, close in blocks) if f is not None]
    if main is not None:
        out += _comment_runs(doc, main) + _marked_regions(doc, main) + _import_runs(main)
    return sorted(set(out), key=lambda f: (f.start_line, -f.end_line, f.kind))


# ================================================================ workspace symbols
@dataclass(frozen=True)
class NamedPlace:
    """A name a workspace search finds: what it names, and where it is declared."""

    name: str
    kind: str  # cluster | member | group | user | job
    detail: str  # what it is, shown beside the name (the container, in LSP's words)
    span: Span


_PLACE_ORDER = {JOB: 0, MEMBER: 1, GROUP: 2, USER: 3, CLUSTER: 4}


def _places(doc: Document):
    """Every declaration the document's analysis sees (its imports and the standard
    library included), with the per-member names of its jobs and its members' worker IDs."""
    model = doc.model
    if model is None:
        return
    for occ in doc.occurrences:
        if not occ.definition or occ.kind == VOLUME:
            continue
        if occ.kind == USER:
            kind = model.kind_of(occ.name)
            defs = model.user_defs_of(occ.name)
            detail = f"{kind.value} user" if kind is not None else "user"
            if defs and not any(_kind_written(doc, u.kind_span, u.kind) for u in defs):
                detail = "user, its kind not written"  # `group APPS { CICSPRD }` (BKR004): none assumed
            if is_pattern(occ.name):
                detail += "s matching"
        elif occ.kind == GROUP:
            group = model.group(occ.name)
            detail = _kind_detail(doc, group.decl, "group") if group is not None else "group"
        elif occ.kind == MEMBER:
            detail = f"member of cluster {model.name}"
        elif occ.kind == JOB:
            detail = "job"
        else:
            detail = "cluster"
        yield NamedPlace(occ.name, occ.kind, detail, occ.span)
    for job in model.jobs:
        for member, name in per_member_names(doc, job):
            if name != job.name:
                yield NamedPlace(name, JOB, f"job {job.name} on {member}", job.decl.name.span)
    for member in model.members:
        settings = member.decl.settings_named("workers")
        if settings and settings[0].values:
            for worker in worker_ids_of(doc, member):
                yield NamedPlace(worker, USER, f"worker on {member.name}", settings[0].values[0].span)


def match_rank(name: str, query: str) -> int | None:
    """How well `name` answers a search, case aside: 0 the same, 1 it starts with the
    query, 2 it holds it, 3 it holds its characters in order (`SYI3` finds
    `SYSINC3`); None when it does not match."""
    name, query = name.upper(), query.strip().upper()
    if name == query:
        return 0
    if name.startswith(query):
        return 1
    if query in name:
        return 2
    rest = iter(name)
    return 3 if all(c in rest for c in query) else None


def _file_key(file: str) -> str:
    """One file, however the documents that see it name it: a module of the standard
    library is `std/NAME.bkr` in the files that import it, and its path in its own
    buffer when the editor has it open."""
    if file.startswith("std/"):
        from bkrdsl.resources import stdlib_dir

        file = str(stdlib_dir() / file[4:])
    return os.path.realpath(file) if os.path.isabs(file) else file


def workspace_symbols(docs: list[Document], query: str) -> list[tuple[Document, NamedPlace]]:
    """The members, groups, users, jobs (with their per-member names), worker IDs and
    clusters that the documents and their imports declare and whose name matches
    `query` (`match_rank`), each once, with the document that sees it: best match
    first, then by name, kind and place."""
    found: dict[tuple, tuple[int, Document, NamedPlace, tuple]] = {}
    for doc in docs:
        for place, key, order in _symbols_of(doc):
            rank = match_rank(place.name, query)
            if rank is not None:
                found.setdefault(key, (rank, doc, place, order))
    return [(doc, place) for _rank, doc, place, _order in sorted(found.values(), key=lambda f: (f[0], f[3]))]


def _symbols_of(doc: Document) -> list[tuple[NamedPlace, tuple, tuple]]:
    """The document's `_places`, each with what tells it from the others (a place
    seen from several documents is one) and its order after the match: worked out
    once per analysis (a symbol picker asks at every keystroke) and kept on it."""
    if doc.symbols is None:
        files: dict[str, tuple[str, bool]] = {}  # a file's key, and whether it is the stdlib's
        out = []
        for p in _places(doc):
            file = p.span.file
            if file not in files:
                files[file] = (_file_key(file), in_stdlib(file))
            key, stdlib = files[file]
            out.append(
                (
                    p,
                    (p.name, p.kind, p.detail, key, p.span.start),
                    (p.name, _PLACE_ORDER[p.kind], stdlib, key, p.span.start, p.detail),
                )
            )
        doc.symbols = out
    return doc.symbols


# ================================================================ diagnostics
@dataclass
class Placed:
    """A diagnostic where the editor shows it: in this document, at `span`."""

    diagnostic: Diagnostic
    span: Span
    message: str


def _import_span(doc: Document, file: str) -> Span:
    """The import of this document that leads to `file` (a module's own diagnostics
    show there): the one the loader read it through, walked back from module to
    module (`loader.imported_through`, the place `bkrc check` names beside the
    diagnostic: "site/linux.bkr is imported here, through site/common.bkr:4"), so
    that a mistake in a module that a module imports shows at the import of that
    module, not at the file's first import; else the import whose path names the
    file, else line 1."""
    program = doc.analysis.program
    through = imported_through(program, file)
    if through is not None and through.span.file == doc.name:
        return through.span
    main = program.main
    imports = main.imports if main is not None else ()
    for imp in imports:
        spec = imp.path if imp.path.endswith(".bkr") else imp.path + ".bkr"
        if file == spec or file.endswith("/" + spec.lstrip("./")):
            return imp.span
    if imports:
        return imports[0].span
    return Span.file_start(doc.name)


def message_of(d: Diagnostic) -> str:
    return d.message + (f"\nhelp: {d.help}" if d.help else "")


def a_disks_without_member(doc: Document, start, end):
    """BKR253 (`tables.a_disks`) as the file reads without the `member` block that the
    last change touches (`start` and `end`: 0-based line and column), when it declares no
    `private-volume` yet and another member of the cluster does; None otherwise. An
    IDENTITY's A-disk is asked for only where every member it runs on declares one,
    so a member block being typed took its warnings away when it was opened, its
    workers' when their count was typed, and gave them back with its
    `private-volume` (`while_typing`, rule 2). The block is left out of the parsed
    cluster and the model built again, every other place of the text as it is: what
    the file blanked there would read, without parsing it again nor running the other
    checks (a second whole analysis at each keystroke in the block cost as much as the
    first: docs/lsp.md, *How fast*)."""
    model = doc.analysis.model
    cluster = model.cluster if model is not None else None
    if cluster is None or cluster.span.file != doc.name or not doc.checked:
        return None
    source = doc.source
    if not 1 <= start[0] + 1 <= end[0] + 1 <= source.line_count:
        return None
    first, last = (source.line_start(line + 1) + column for line, column in (start, end))
    member = next((m for m in cluster.members if m.span.start <= last and first <= m.span.end), None)
    if member is None or member.settings_named("private-volume"):
        return None
    if not any(m.settings_named("private-volume") for m in cluster.members if m is not member):
        return None
    from bkrdsl.check.tables import a_disks
    from bkrdsl.dialect import load_dialect
    from bkrdsl.resolve import build_model

    main, *imported = doc.analysis.program.modules
    without = replace(cluster, members=tuple(m for m in cluster.members if m is not member))
    main = replace(main, clusters=tuple(without if c is cluster else c for c in main.clusters))
    return a_disks(build_model([main, *imported]), doc.dialect or load_dialect(), doc.directory)


def at_the_typing(doc: Document, span: Span, start: tuple[int, int], end: tuple[int, int]) -> bool:
    """Whether a diagnostic at `span` is on what is being typed: it ends where the
    document's last change ends (`start`, `end`: 0-based line and column of the
    changed text, after the change), or before it with only blanks between
    (`backup NETIDS, |`), or inside the change when that is a few keystrokes sent
    as one (a line end and a word: a change a client computes by comparing the old
    text with the new may start before the line end typed), and
    nothing follows on its line but blanks and the brackets an editor closes itself
    (`}`, `"`). Its fix is then not preferred (`server.code_actions`):
    `request-node TR`, `daily 0`, `tape manager sha` are names, times and keywords
    not typed out yet, whose fixes (*Add `disk TR 191 size 10 cyl`*, *Write
    `00:00`*) *Auto Fix* would apply."""
    line, column = span.end_line - 1, span.end_column - 1
    if span.file != doc.name:
        return False
    lines = doc.lines(doc.name)
    if line >= len(lines) or lines[line][column:].strip(' \t}"'):
        return False
    if end[0] - start[0] <= 2 and start <= (line, column) <= end:
        return True
    return line == end[0] and column <= end[1] and not lines[line][column : end[1]].strip(" \t")


def fix_at_the_typing(doc: Document, shown: Placed, start: tuple[int, int], end: tuple[int, int]) -> bool:
    """Whether the fix of `shown` (a placed diagnostic) is on what is being typed
    (`at_the_typing`): the diagnostic itself, or one of its other places. `disk
    BKRSVSFS ...` above `catalog shared server BKRSV|` is BKR332 at the disk, whose
    other place is the server's name being typed, and whose fix, *Replace with
    `BKRSV`*, writes the letters typed so far into the `disk` line."""
    spans = [shown.span, *(r.span for r in shown.diagnostic.related)]
    return any(s is not None and at_the_typing(doc, s, start, end) for s in spans)


#: Diagnostics of a name that names nothing (or nothing that has what it needs), which
#: blinked at each keystroke while that name was typed: `run on e` (BKR330, unknown
#: member `E`, while `each` is typed), `backup G` (BKR331, while `GUESTS` is), `catalog
#: shared server B` (BKR253 at `B`, no 191 minidisk; BKR332 at the `disk BKRSVSFS`
#: written above, not for a machine of the product, while `BKRSVSFS` is typed):
#: `begun_at_the_typing`.
HELD_WHILE_NAMED = frozenset({"BKR253", "BKR330", "BKR331", "BKR332"})


def _machine_words(doc: Document):
    """The words of this document that name a machine of the product: the catalog's SFS
    server, the Tape Manager's nodes and Device Manager Machines."""
    main = doc.analysis.program.main
    for cluster in main.clusters if main is not None else ():
        for catalog in cluster.catalogs:
            yield from catalog.server
        for tape in cluster.tapes:
            yield from (node.name for node in tape.machines)


def _names_begun(doc: Document, word: str, at: int, line: int, column: int) -> bool:
    """Whether `word` (upper case), typed up to (`line`, `column`), begins a longer name
    or keyword the file has there: one completion offers (a member, a group, a user),
    a keyword the grammar takes there (`each`, which completion leaves out where the
    job pins single-configuration users: BKR220), or what a `disk` of the file is for
    (`catalog shared server B` below `disk BKRSVSFS ...`)."""
    def begins(label: str) -> bool:
        return len(label) > len(word) and label.upper().startswith(word)

    try:
        offered = completions(doc, line, column, limit=None).items
    except Reanalyse:  # (not on a fresh analysis, which the server's checks are)
        return False
    if any(begins(c.label) for c in offered):
        return True
    if any(begins(k) for k in keyword_texts(parser_read(_skimmed(doc, at))[0])):
        return True
    main = doc.analysis.program.main
    clusters = main.clusters if main is not None else ()
    return any(begins(d.user.text) for c in clusters for d in c.disks)


def begun_at_the_typing(
    doc: Document, diagnostics: Sequence[Diagnostic], start: tuple[int, int], end: tuple[int, int]
) -> list[Diagnostic]:
    """The diagnostics of `diagnostics` (`HELD_WHILE_NAMED`) about the word whose last
    letter the document's last change typed (`start`, `end`: 0-based line and column
    of the changed text, after the change), when that word is the beginning of a
    longer name or keyword the file has there (`_names_begun`): a name not typed out
    yet, not a name that is wrong. About the word: at it, at one of its other places,
    or, for a machine of the product being named (`catalog shared server BKRS`), the
    `disk` for a machine the word begins (BKR332 at `disk BKRSVSFS ...`: not one of
    the product's machines until the name is typed whole). A word that begins no name
    there, or is typed whole, keeps its diagnostics. `while_typing` (rule 3)
    leaves them out until the typing is elsewhere."""
    if end[0] - start[0] > 2:  # (a paste, a whole block: not a word being typed)
        return []
    lines = doc.lines(doc.name)
    if end[0] >= len(lines):
        return []
    line = lines[end[0]]
    first = end[1]
    while first > 0 and line[first - 1] in NAME_CHARS:
        first -= 1
    word = line[first : end[1]].upper()
    if not word or (end[1] < len(line) and line[end[1]] in NAME_CHARS):
        return []
    place = (end[0], first, end[0], end[1])

    def on_the_word(s: Span | None) -> bool:
        return s is not None and s.file == doc.name and (s.line - 1, s.column - 1, s.end_line - 1, s.end_column - 1) == place

    machine = any(on_the_word(w.span) for w in _machine_words(doc))

    def about(d: Diagnostic) -> bool:
        if any(on_the_word(s) for s in (d.span, *(r.span for r in d.related))):
            return True
        if not (machine and d.code == "BKR332" and d.span is not None and d.span.file == doc.name):
            return False
        named = doc.text[d.span.start : d.span.end].upper()
        return len(named) > len(word) and named.startswith(word)

    found = [d for d in diagnostics if d.code in HELD_WHILE_NAMED and about(d)]
    if not found or not _names_begun(doc, word, doc.offset(end[0], first), end[0], end[1]):
        return []
    return found


def closed_later(d: Diagnostic) -> bool:
    """Whether `d` is BKR005 for a `{` the file ends without closing (`messages.never_closed`,
    whose first other place is the end of the file): while the editor types at the
    end of the buffer, the `}` still to come (`BkrServer.typing_at_end`, `while_typing`)."""
    if d.code != "BKR005" or not d.related:
        return False
    from bkrdsl.syntax.messages import FILE_ENDS_HERE  # (read already: the parser said BKR005)

    return d.related[0].label == FILE_ENDS_HERE


def held_over(
    doc: Document,
    good: tuple[str, list[Diagnostic], dict[str, str]],
    typing_at_end: bool,
    typed: tuple[int, int],
    current: Sequence[Diagnostic] | None = None,
) -> list[Diagnostic] | None:
    """The diagnostics to publish for `doc`, whose text has a syntax error on the lines
    being edited, from the last analysis of the buffer whose checks ran (`good`: its
    text, its diagnostics as published, the texts of the other files it read): a
    syntax error stops every check, so typing `run on each member` word by word
    (`each`, `each m` to `each membe` are BKR004 and BKR012) took the whole file's
    warnings away at each keystroke and gave them back at the next whole word. As
    rust-analyzer keeps the last semantic diagnostics while a fresh syntax error
    sits where the user types, those of `good` outside the lines changed since it
    (the edited statement's), or on them before the first character changed, are
    kept, moved to where their lines are now, beside `doc`'s own. None (publish
    `doc`'s own) when the text is `good`'s, when it has no error of reading, or one
    elsewhere than on the lines changed (a `}` deleted that leaves a block open
    above, a module's import), so that a syntax error the user did not just type
    is said as `bkrc check` says it. A diagnostic of `good`
    on those lines from the first character changed (or the word right before it)
    on is dropped; so are its other places and its fix when there.
    `typing_at_end`: BKR005 of a `{` the file ends without closing is not an error
    here (`closed_later`, held back while typing at the end); `good`'s own such BKR005
    is never carried (the text's reading says its blocks). `typed`: the first and
    last line (0-based) of the document's last change: every error must be on them,
    the word being typed (a syntax error left on a line while the user types on
    another is said as `bkrc check` says it, though both changes are since `good`).
    `current`: `doc`'s diagnostics as the earlier rules of `while_typing` left them
    (None: its analysis's)."""
    old = good[0]
    current = doc.analysis.diagnostics if current is None else current
    text = doc.text
    errors = [
        d for d in doc.analysis.program.diagnostics if d.is_error and not (typing_at_end and closed_later(d))
    ]
    if text == old or not errors:
        return None
    if any(d.span is None or not typed[0] <= d.span.line - 1 <= d.span.end_line - 1 <= typed[1] for d in errors):
        return None
    p = common_prefix(old, text)
    s = _common_suffix(old, text, min(len(old), len(text)) - p)
    first = old.rfind("\n", 0, p) + 1  # the first line changed starts here in both texts
    old_end, new_end = (t.find("\n", len(t) - s) % (len(t) + 1) for t in (old, text))  # its last line's end
    if any(d.span is None or d.span.file != doc.name or not first <= d.span.start <= d.span.end <= new_end for d in errors):
        return None
    # BKR005 of a `{` `good`'s text ended without closing (held back by rule 1 there) is
    # not carried: whether the blocks are closed is said by the text's own reading, and
    # carried it lost its place at the file's end (changed), so rule 1 no longer knew it
    # and it was shown at `run on each` to `each me` (the parse stops at `each`).
    good = (old, [d for d in good[1] if not closed_later(d)], good[2])
    return _carried(doc, good, current, (p, first, old_end, new_end))


def _carried(
    doc: Document,
    good: tuple[str, list[Diagnostic], dict[str, str]],
    current: Sequence[Diagnostic],
    changed: tuple[int, int, int, int] | None = None,
    codes: frozenset[str] | None = None,
) -> list[Diagnostic]:
    """`current` and the diagnostics of `good` (of `codes` only, when given) moved to
    where their lines are in `doc`'s text (`held_over`): those before the first
    character changed as they were, those after the last line changed moved by the
    lines and characters typed, those between dropped (and their fixes or other
    places there); one already in `current` is not added twice. `changed`: the
    first character changed, the start of its line, the end of the last line
    changed in `good`'s text and in `doc`'s, when worked out already."""
    old, said, others = good
    text = doc.text
    if changed is None:
        p = common_prefix(old, text)
        s = _common_suffix(old, text, min(len(old), len(text)) - p)
        first = old.rfind("\n", 0, p) + 1
        old_end, new_end = (t.find("\n", len(t) - s) % (len(t) + 1) for t in (old, text))
    else:
        p, first, old_end, new_end = changed
    moved_by, lines_by = len(text) - len(old), text.count("\n", first, new_end) - old.count("\n", first, old_end)
    sources = doc.analysis.sources

    def moved(span: Span | None) -> Span | None:
        if span is None or span.file != doc.name:
            return span if span is None or (span.file in sources and sources[span.file].text == others.get(span.file)) else None
        if span.end < p:  # before the first character changed (a word right before it: edited)
            return span
        if span.start > old_end:
            return span._replace(line=span.line + lines_by, end_line=span.end_line + lines_by, start=span.start + moved_by, end=span.end + moved_by)
        return None

    def fix_moved(fix: Fix | None) -> Fix | None:
        if fix is None:
            return None
        edits = [e._replace(span=moved(e.span)) for e in fix.edits]
        return replace(fix, edits=tuple(edits)) if all(e.span is not None for e in edits) else None

    kept = {(d.code, d.span, d.message) for d in current}
    found = list(current)
    for d in said:
        if codes is not None and d.code not in codes:
            continue
        span = moved(d.span)
        if (span is None and d.span is not None) or (d.code, span, d.message) in kept:
            continue
        related = tuple(replace(r, span=moved(r.span)) for r in d.related)
        choices = tuple(c for c in (fix_moved(c) for c in d.choices) if c is not None)
        found.append(
            replace(
                d,
                span=span,
                related=tuple(r for r in related if r.span is not None),
                fix=fix_moved(d.fix),
                choices=choices if len(choices) == len(d.choices) else (),
            )
        )
    from bkrdsl.diagnostics.core import sort_key

    return sorted(found, key=sort_key)


#: The cluster's warnings the checks leave unsaid while a job may be the one meant to
#: answer them (`check/coverage.py`), with the errors of that job that hold each back:
#: no member left without a job while a job names an unknown member or says nowhere it
#: runs, no group left unused while a job names an unknown group or backs nobody up.
HELD_BY_A_JOB = {"BKR401": frozenset({"BKR114", "BKR330"}), "BKR408": frozenset({"BKR112", "BKR331"})}


def _holds(text: str, span: Span, end: int) -> bool:
    """Whether a block at `span` (from its start) holds a change ending at `end`: it
    ends there or after, or it is not closed (`}`) and only blanks follow it up to
    there (a line end, the indentation of the next statement typed)."""
    return end <= span.end or (text[span.end - 1 : span.end] != "}" and not text[span.end : end].strip())


def held_by_the_job_typed(
    doc: Document,
    good: tuple[str, list[Diagnostic], dict[str, str]],
    change: tuple[tuple[int, int], tuple[int, int]],
    current: Sequence[Diagnostic],
) -> list[Diagnostic] | None:
    """`current` with the last checked analysis's BKR401 and BKR408 (`good`, moved with
    their lines: `_carried`) while the checks leave them unsaid for an error of the job
    being typed, the job of `doc`'s file whose block holds the last change (`change`)
    and is not closed yet, or is closed by what the change typed (`HELD_BY_A_JOB`):
    typed at the end, `job NIGHTLY {` read closed is BKR112-114, and the cluster's
    "no job backs up group `CMSSVC`" went at that `{` and came back at `backup LINUX`
    (BKR331 while `LINUX` is typed), "no job runs on member `ZVMB`" at `run on ZVMA`.
    None when no job is typed so, or the checks say those warnings already."""
    main = doc.analysis.program.main
    if main is None or main.file != doc.name:
        return None
    start, end = (doc.offset(line, column) for line, column in change)
    job = next(
        (
            j
            for c in main.clusters
            for j in c.jobs
            if j.span.file == doc.name and j.span.start <= start and _holds(doc.text, j.span, end)
        ),
        None,
    )
    if job is None:
        return None
    said = {
        d.code
        for d in doc.analysis.diagnostics
        if d.span is not None and d.span.file == doc.name and job.span.start <= d.span.start <= job.span.end
    }
    codes = frozenset(
        w for w, by in HELD_BY_A_JOB.items() if said & by and not any(d.code == w for d in doc.analysis.diagnostics)
    )
    if not codes or not any(d.code in codes for d in good[1]):
        return None
    return _carried(doc, good, current, codes=codes)


class Typing(NamedTuple):
    """What the language server knows of the typing in one buffer, besides its text
    (`while_typing`): where its last change is, whether it was typed at the end, and
    what its earlier analyses published. Each is dropped when the buffer is opened
    or closed; a save drops `change` and `at_end` (`BkrServer.forget_typing`)."""

    #: The last change's first and last place in the text after it (0-based line and
    #: column, the server's), None after opening, a save or a whole text sent again.
    change: tuple[tuple[int, int], tuple[int, int]] | None = None
    #: The last change ends where nothing but blanks follows it (`typing_at_end`).
    at_end: bool = False
    #: The analysis read the text with the blocks left open at its end closed
    #: (`read_closed`): its checks ran.
    closed: bool = False
    #: How many BKR253 the last published analysis whose checks ran had (None: none yet).
    a_disks_shown: int | None = None
    #: The last analysis whose checks ran: its text, its diagnostics as published, the
    #: texts of the other files it read (None: none yet).
    last_good: tuple[str, list[Diagnostic], dict[str, str]] | None = None
    #: The modules this document read from open buffers being typed in: each one's name
    #: (as the analysis names it) -> the first and last line (0-based) of its last change,
    #: and whether that change was typed at its end (rule 6).
    modules: dict[str, tuple[int, int, bool]] | None = None


class Published(NamedTuple):
    """`while_typing`'s answer: the diagnostics the document holds (what its requests,
    a quick fix, a hover, read), those of them published, and what to keep of it for
    the next change (`Typing.a_disks_shown`, `Typing.last_good`)."""

    held: list[Diagnostic]
    shown: list[Diagnostic]
    a_disks_shown: int | None
    last_good: tuple[str, list[Diagnostic], dict[str, str]] | None


def while_typing(doc: Document, typing: Typing) -> Published:
    """The diagnostics to publish for `doc`, the analysis of a buffer's text as it is
    now, while the user types in it (`typing`): the language server's one policy of
    what stays published mid-typing, docs/lsp.md, *While you type*. Each rule keeps
    or leaves out a diagnostic that would blink, gone at a keystroke and back at the
    next, and says nothing `bkrc check` would not; without a last change (opened,
    saved) the analysis is published as `bkrc check` reads it, but for rule 1:

    1. typed at the end, BKR005 of a `{` the file ends without closing is not
       shown (`closed_later`): its `}` is still to come;
    2. a change in a `member` block that declares no `private-volume` yet, another
       member declaring one: BKR253 as the file reads without that block, when that
       gives as many as the last analysis whose checks ran published
       (`a_disks_without_member`);
    3. what is being typed is not said: BKR021 on it (`at_the_typing`), the
       diagnostic of a name while it begins a longer one the file has there
       (`begun_at_the_typing`);
    4. while every syntax error sits on the lines of the last change, the last
       analysis whose checks ran keeps its diagnostics off those lines, moved with
       their lines, but the BKR005 rule 1 held back there (`held_over`);
    5. while the checks leave BKR401 or BKR408 unsaid for an error of the job whose
       block holds the last change, the last analysis whose checks ran keeps them
       (`held_by_the_job_typed`);
    6. while every error of reading and importing is in a module being typed in
       its own buffer, on the lines of its last change (BKR005 of a block it leaves
       open at its end, anywhere, while typed at its end: not said, as rule 1 says
       it in the module), the last analysis whose checks ran keeps its
       diagnostics of this text and of the modules read as they were then
       (`held_for_a_module`).

    Pure: it reads `doc` and `typing` and changes neither; the server keeps
    `Published.a_disks_shown` and `Published.last_good` for the next change."""
    found = list(doc.analysis.diagnostics)
    change = typing.change
    checked = doc.analysis.model is not None and doc.checked
    # 2. BKR253 steady while a member block is typed
    shown = typing.a_disks_shown
    if change is not None and checked and shown is not None:
        steady = a_disks_without_member(doc, *change)
        if steady is not None and len(steady) == shown:
            from bkrdsl.diagnostics.core import sort_key

            found = sorted([d for d in found if d.code != "BKR253"] + steady, key=sort_key)
    if checked:
        shown = sum(d.code == "BKR253" for d in found)
    # 3. what is being typed
    if change is not None and any(d.code in _HELD_AT_THE_TYPING for d in found):
        start, end = change
        begun = begun_at_the_typing(doc, found, start, end)
        found = [
            d
            for d in found
            if not (d.code == "BKR021" and d.span is not None and at_the_typing(doc, d.span, start, end))
            and not any(d is b for b in begun)
        ]
    # 4. the last checked analysis's diagnostics beside a syntax error being typed
    good = typing.last_good
    if doc.analysis.program.syntax_ok or typing.closed:
        # 5. ... and those the checks leave unsaid for a job being typed
        if good is not None and change is not None:
            found = held_by_the_job_typed(doc, good, change, found) or found
        others = {name: source.text for name, source in doc.analysis.sources.items() if name != doc.name}
        good = (doc.text, list(found), others)
    elif good is not None:
        kept = None
        if change is not None and doc.checked:
            kept = held_over(doc, good, typing.at_end, (change[0][0], change[1][0]), found)
        if kept is None and typing.modules:
            # 6. ... and beside one being typed in a module this document imports
            kept = held_for_a_module(doc, good, typing.modules, found)
        if kept is not None:
            found = kept
    # 1. a `{` left open at the end
    published = [d for d in found if not closed_later(d)] if typing.at_end else found
    return Published(found, published, shown, good)


def held_for_a_module(
    doc: Document,
    good: tuple[str, list[Diagnostic], dict[str, str]],
    modules: dict[str, tuple[int, int, bool]],
    current: Sequence[Diagnostic],
) -> list[Diagnostic] | None:
    """Rule 6 of `while_typing`: the diagnostics to publish for `doc` while a module it
    imports is typed in its own buffer (site/common.bkr open beside prod.bkr) and has a
    syntax error, or an import not found yet, on the lines being typed there. Such an
    error stops every check of `doc` too, so a group typed into site/common.bkr a
    keystroke at a time (`identity`, `identity group`, `identity group NEWGRP {` ...)
    took prod.bkr's own warnings away at each keystroke, and gave them back once the
    statement read whole, as rule 4 keeps them in the file typed in. `good`'s
    diagnostics (its last checked analysis: text, diagnostics, other files' texts)
    are kept where `doc`'s text is still `good`'s, each in this text or in a module
    read as it was then, beside the errors of the modules typed in (shown at their
    import); a module's BKR005 of a block it leaves open at its end, while its
    buffer is typed at the end, is not said, as the module itself does not say it
    (rule 1). `modules`: the module name -> the first and last line (0-based) of its
    buffer's last change, and whether typed at its end (`Typing.modules`). None
    (publish `doc`'s own, as `bkrc check` says them) when `doc`'s text changed since
    `good` (rule 4 is the one), or any error of reading or importing is elsewhere:
    in `doc`, in a module not being typed, or off the lines of the last change."""
    text, said, others = good
    if text != doc.text:
        return None
    errors = [d for d in doc.analysis.program.diagnostics if d.is_error]
    if not errors:
        return None
    typed = set()
    for d in errors:
        if d.span is None or d.span.file == doc.name or d.span.file not in modules:
            return None
        first, last, at_end = modules[d.span.file]
        if not (first <= d.span.line - 1 <= last or (at_end and closed_later(d))):
            return None
        typed.add(d.span.file)
    now = {name: source.text for name, source in doc.analysis.sources.items()}

    def as_then(span: Span | None) -> bool:
        return span is None or span.file == doc.name or (span.file not in typed and others.get(span.file) == now.get(span.file))

    kept = [d for d in said if as_then(d.span)]
    new = [
        d
        for d in current
        if d.span is not None and d.span.file in typed and not (modules[d.span.file][2] and closed_later(d))
    ]
    from bkrdsl.diagnostics.core import sort_key

    return sorted(kept + new, key=sort_key)


#: The codes rule 3 of `while_typing` may leave out.
_HELD_AT_THE_TYPING = frozenset({"BKR021", *HELD_WHILE_NAMED})


def _closed_parse(doc: Document, held: Diagnostic, edit: Edit, text: str):
    """What the parser makes of `text`, the document's text with the `}`s of BKR005's
    mend (`held`, `edit`) written at its end, from the document's own parse (`read_closed`):
    that parse, the blocks never closed ending at their `}`s, is the closed text's, and
    the closed text reads without a diagnostic (a second parse of a 10,000-user file at
    every keystroke at its end was most of a re-check: docs/lsp.md, *How fast*). None,
    and the text parsed again, unless the file's only diagnostic is that BKR005 and the
    mend writes one `}` for each block it names (a statement-local check's finding beside it,
    `registry.STATEMENT_LOCAL`, a half-typed `daily 01:0`, is the checks' and leaves the parse
    alone). `tests/test_lsp_features.py` compares
    this with the parse of the closed text, both parsers, every example left open."""
    main = doc.analysis.program.main
    if main is None or main.file != doc.name or doc.analysis.stops:
        return None
    from bkrdsl.check.registry import (
        STATEMENT_LOCAL_CODES as local,  # said beside syntax errors by the checks
    )

    if any(
        d is not held and d.span is not None and d.span.file == doc.name and d.code not in local
        for d in doc.analysis.diagnostics
    ):
        return None
    opened = [held.span.start, *(r.span.start for r in held.related[1:])]  # innermost first
    closes = [edit.span.start + k for k, c in enumerate(edit.new_text) if c == "}"]  # innermost first
    if len(closes) != len(opened) or edit.span.end != edit.span.start:
        return None
    source = doc.source
    closed = _spliced(source, text, edit) if source.text == doc.text else Source.of(doc.name, text)
    ends = {}
    for brace, close in zip(opened, closes, strict=True):
        line, column = closed.position(close)
        ends[brace] = (line, column + 1, close + 1)

    first = min(opened)

    def holds(value) -> bool:
        """Whether `value` is an AST node whose span holds one of the `{`s never closed."""
        span = getattr(value, "span", None)
        return (
            span.__class__ is Span
            and span.end > first
            and hasattr(value, "__dataclass_fields__")
            and any(span.start <= b < span.end for b in opened)
        )

    def shut(node):
        """`node` with the blocks never closed in it ending at their `}`s."""
        changes = {}
        for name in node.__dataclass_fields__:
            value = getattr(node, name)
            if value.__class__ is tuple:
                items = tuple(shut(v) if holds(v) else v for v in value)
                if any(a is not b for a, b in zip(items, value, strict=True)):
                    changes[name] = items
            elif holds(value):
                changes[name] = shut(value)
        span = getattr(node, "span", None)
        if isinstance(span, Span):
            own = min((b for b in opened if span.start <= b < span.end), default=None)
            if own is not None:
                line, column, end = ends[own]
                changes["span"] = span._replace(end_line=line, end_column=column, end=end)
        return replace(node, **changes) if changes else node

    return closed, shut(main), ()


def _spliced(source: Source, text: str, edit: Edit) -> Source:
    """The Source of `text`, `source`'s text with `edit` (an insertion) made: its line
    starts those of `source` before the edit, the new text's, and those after moved on,
    at C speed (not found again in the whole text: the loader's `decode` of the closed
    text works them out once more, `_main_read`)."""
    at, new = edit.span.start, edit.new_text
    starts = source._line_starts
    if len(source.text) + len(new) != len(text) or edit.span.end != at or not starts:
        return Source.of(source.name, text)
    cut = bisect.bisect_right(starts, at)
    added = tuple(at + k + 1 for k, c in enumerate(new) if c == "\n")
    return Source(source.name, text, starts[:cut] + added + tuple(map(len(new).__add__, starts[cut:])))


def read_closed(doc: Document, scratch: ScratchModules | None = None) -> list[Diagnostic] | None:
    """The document's diagnostics as the file reads with the blocks it leaves open at
    its end closed there, when its only syntax error is that BKR005 (`closed_later`):
    typed without closing brackets, a file was read no further than its syntax, and
    no check ran until the cluster's `}` was typed (`BkrServer.read_closed`). The
    `}`s are those BKR005's fix (or choice) writes, after the file's last line that
    is not blank, so every place before them stays where it is; what is said at
    them (or past the text) is left out, and the BKR005 is kept (held back while
    the typing is at the end). None when the file has another syntax error, or when
    read so it has one or its checks still do not run (an import not found)."""
    from bkrdsl.diagnostics import Severity

    held = None
    for d in doc.diagnostics:
        if closed_later(d):
            held = held or d
        elif d.code < "BKR100" and d.severity is Severity.ERROR:
            return None
    mend = held.fix or next(iter(held.choices), None) if held is not None else None
    if mend is None or len(mend.edits) != 1 or mend.edits[0].span.file != doc.name:
        return None
    at = mend.edits[0].span.start
    text = doc.text[:at] + mend.edits[0].new_text + doc.text[mend.edits[0].span.end :]
    again = _reanalysis(doc, {doc.name: text}, scratch, main=_closed_parse(doc, held, mend.edits[0], text))
    if again.model is None:
        return None

    def here(span: Span) -> bool:
        return span.file != doc.name or span.end <= at

    out = [held]
    for d in again.diagnostics:
        if d.span is not None and not here(d.span):
            continue
        mends = (d.fix, *d.choices) if d.fix is not None else d.choices
        if not all(here(e.span) for f in mends for e in f.edits):
            d = replace(d, fix=None, choices=(), prefer_choice=False)
        if not all(here(r.span) for r in d.related):
            d = replace(d, related=tuple(r for r in d.related if here(r.span)))
        out.append(d)
    return out


def placed(doc: Document, diagnostics: Sequence[Diagnostic] | None = None) -> list[Placed]:
    """Where the editor shows each diagnostic (default: the document's): in its own
    file at its place; in an imported module at the import that leads there; in
    the site's CP directory (the `directory` setting) at its first other place in
    this file (the job or member it concerns), else at the file's start."""
    out = []
    directory = doc.analysis.directory
    for d in doc.diagnostics if diagnostics is None else diagnostics:
        message = shown_paths(doc, message_of(d))
        if d.span is not None and d.span.file == doc.name:
            out.append(Placed(d, d.span, message))
        elif d.span is not None and directory is not None and d.span.file == directory.name:
            here = next((r.span for r in d.related if r.span.file == doc.name), None)
            here = here or doc.analysis.sources[doc.name].first_character()
            out.append(Placed(d, here, f"in {where(doc, d.span)}: {message}"))
        elif d.span is not None:
            out.append(Placed(d, _import_span(doc, d.span.file), f"in {where(doc, d.span)}: {message}"))
        else:
            out.append(Placed(d, Span.file_start(doc.name), message))
    return out
