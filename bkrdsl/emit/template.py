"""Backup Manager job templates: one CMS file `JOBNAME TEMPLATE` per job and member.

A job for single-configuration users is written once, in the folder of the
member it is pinned to. A job for IDENTITY users is written once per member,
under its member-unique derived name, from the job alone: the selection
records of all its copies are identical (SSI rule 6), only the header and the
job name differ. One pinned to a member by BKR221's exception (all it
backs up every member shares) is written once, its header saying why. A member block's excludes end the templates of the
single-configuration jobs pinned to that member only (`Model.member_excludes`;
BKR414 warns of one that reaches an IDENTITY job's users).

Selection semantics: an include's owner narrows the users the job backs up
(`*` means all of them), so a template never selects a user the job does not
name; excludes are written as given, since they can only remove. Every
keyword and layout comes from the dialect table.
"""

from __future__ import annotations

import functools
import re

from bkrdsl import ast
from bkrdsl.dialect import Dialect, format_fields
from bkrdsl.emit.common import (
    JOB_TEMPLATE,
    Artifact,
    Reading,
    address_range,
    header_texts,
    invariant,
    lines_to_text,
    member_path,
    star_comments,
)
from bkrdsl.emit.destination import goes_to
from bkrdsl.emit.quoting import fits_rules
from bkrdsl.generated import INVARIANT, SUBMIT_FILE
from bkrdsl.resolve.model import JobModel, Model

KIND_WORDS = {
    ast.Kind.SINGLE: "single-configuration users",
    ast.Kind.IDENTITY: "IDENTITY users",
}


def _record_pieces(layout: str, ranges: list[tuple[str, str]]) -> list[str] | None:
    """The records of one owner, split where the owner goes: `owner.join(pieces)`
    is that owner's record for every range, each ended by a line end.

    None when the layout uses a format spec or a conversion, which only
    `str.format` applies, or a field it does not know (str.format says so).
    """
    fields = list(format_fields(layout))
    if any(spec or conversion for _, name, spec, conversion in fields if name is not None):
        return None
    pieces = [""]
    for first, last in ranges:
        for literal, name, _, _ in fields:
            pieces[-1] += literal
            if name == "owner":
                pieces.append("")
            elif name == "first":
                pieces[-1] += first
            elif name == "last":
                pieces[-1] += last
            elif name is not None:
                return None
        pieces[-1] += "\n"
    return pieces


def _records(layout: str, ranges: list[tuple[str, str]], owners: list[str]) -> str:
    """One record per owner and range, each ended by a line end.

    Formatting tens of thousands of records one by one is the slowest part
    of a large compile: the layout is formatted once per range instead, and
    the owners are joined in.
    """
    if not owners or not ranges:
        return ""
    pieces = _record_pieces(layout, ranges)
    if pieces is None:
        return "".join(
            layout.format(owner=owner, first=first, last=last) + "\n"
            for owner in owners
            for first, last in ranges
        )
    if len(pieces) == 2:  # one range, the owner once: head + owner + tail, all in one join
        head, tail = pieces
        return head + (tail + head).join(owners) + tail
    return "".join([owner.join(pieces) for owner in owners])


#: From this size on, a block of records is proven to fit the CMS rules from its
#: layout and owners (`_records_fit`) rather than read: the blocks of a large
#: cluster's selections, hundreds of kilobytes (docs/performance.md, stop 76).
_PROVEN_FROM = 30_000


#: The owners of `_records_fit` in their shape: each invariant character but the
#: blank `x`, the blank (which parts them) itself, any other byte NUL.
_OWNERS_SHAPE = bytes(
    ord(" ") if byte == ord(" ") else ord("x") if chr(byte) in INVARIANT else 0 for byte in range(256)
)
#: A user ID's most characters (CP's): the owner that stands for the longest
#: where none is longer, which one search of the owners' shape shows.
_ID_LENGTH = 8
_LONGER_THAN_ID = b"x" * (_ID_LENGTH + 1)


def _records_fit(layout: str, ranges: list[tuple[str, str]], owners: list[str]) -> bool:
    """True when `_records(layout, ranges, owners)` is sure to fit the CMS rules
    (`fits_rules`, no `$ # @`), known without reading it: every owner's records
    are `owner.join(pieces)`, whole lines, each line the same literal text and
    the same number of owners whatever the owner. So when no owner holds a line
    end and every owner's characters fit, records of an owner as long as the
    longest hold the longest lines and every literal character: when they fit,
    so does the whole; and so they do when records of an owner as long as a
    user ID fit and no owner is longer (stop 77: one search of the owners'
    shape, where the longest owner was read by a length per owner; only where
    those records do not fit, or an owner is longer, is the longest read).
    False when that cannot be shown (the CMS check then reads the text)."""
    pieces = _record_pieces(layout, ranges)
    if not owners or pieces is None or len(pieces) < 2:
        return False
    # Every owner's characters (a blank between them, which fits), no line end
    # among them, then lines as long as the longest owner's: an invariant
    # letter stands for each of its characters, already read.
    joined = " ".join(owners)
    if "\n" in joined or not joined.isascii():
        return False
    shape = joined.encode("ascii").translate(_OWNERS_SHAPE)  # `chars_fit`'s, the blanks kept
    if b"\0" in shape:
        return False
    # No owner longer than a user ID: no nine characters between two blanks, and
    # no blank but those between owners (an owner may hold one: `A B` is three).
    if (
        _LONGER_THAN_ID not in shape
        and shape.count(b" ") == len(owners) - 1
        and fits_rules(("A" * _ID_LENGTH).join(pieces))
    ):
        return True
    return fits_rules(("A" * max(map(len, owners))).join(pieces))


def selection_text(
    selection: ast.Selection,
    dialect: Reading,
    owners: list[str] | tuple[str, ...] | None,
    blocks: dict | None = None,
    proven: dict | None = None,
) -> str:
    """The template lines of one selection, each ended by a line end.

    `owners` replaces the owner of a minidisk include, and the paths of an SFS
    include (`narrow_sfs_path`); None writes the selection as written (excludes).
    `blocks` holds the records
    already written in this compile (jobs that back up the same groups share
    them), keyed by everything they depend on (`owners` in the key as given:
    a tuple, `Model.include_owners`', is not copied). `proven` takes each large block
    that `_records_fit` shows fits the CMS rules (by id, the text beside it),
    which the CMS check then need not read (`Artifact.from_parts`).
    """
    action = selection.action.value
    if selection.medium is ast.Medium.SFS:
        layout = dialect[f"{action}_sfs"]
        paths = owners if owners is not None else [item.upper for item in selection.items]
        return "".join(layout.format(path=path) + "\n" for path in paths)
    layout = dialect[f"{action}_minidisk"]
    ranges = [address_range(item.upper, dialect) for item in selection.items]
    if owners is None:
        owners = [selection.owner.upper if selection.owner is not None else "*"]
    if blocks is None:
        return _records(layout, ranges, owners)
    key = (layout, tuple(ranges), tuple(owners))
    text = blocks.get(key)
    if text is None:
        text = blocks[key] = _records(layout, ranges, owners)
        if proven is not None and len(text) >= _PROVEN_FROM and _records_fit(layout, ranges, owners):
            proven[id(text)] = text
    return text


def _output_value(job: JobModel, dialect: Reading) -> str | None:
    target = job.target
    if target is None:
        return None
    medium = "tape" if target.medium is ast.TargetMedium.TAPE else "disk"
    if target.pool is not None:
        return dialect.text(f"output_{medium}_pool", pool=target.pool.upper)
    return dialect[f"output_{medium}"]


def _describe(model: Model, job: JobModel, kind: ast.Kind | None, member: str, name: str) -> str:
    users = KIND_WORDS.get(kind, "users") if kind else "users"
    if name != job.name:
        return f"Job {name}: member {member}'s copy of job {job.name} ({users})."
    if kind is ast.Kind.IDENTITY and not job.each_member:
        return f"Job {name} ({users}) on member {member} only, {_why_once(model, job)}"
    return f"Job {name} ({users}) on member {member}."


def _where(model: Model, member: str) -> str:
    """Where the file goes and what submits it: a system programmer holding
    the file alone learns it here, not only in docs/deploy.md (the place in
    `destination.goes_to`'s words, which the manifest records)."""
    return (
        f"Put it on {goes_to(model, JOB_TEMPLATE, member)}, on no other member:"
        f" docs/deploy.md, Job templates; that member's {SUBMIT_FILE} EXEC submits it."
    )


def _why_once(model: Model, job: JobModel) -> str:
    """Why a job of IDENTITY users runs on one member, where SSI rule 6 has a
    reviewer look for one copy per member: the checker lets it (BKR221's
    exception) only when every include selects data every member shares, SFS
    directories in the shared catalog's file pool or minidisks an IDENTITY
    entry defines itself (global, proven with `--directory`)."""
    media = {selection.medium for selection in job.includes}
    kinds = []
    if ast.Medium.SFS in media:
        pool = model.catalog.pool if model.catalog is not None and model.catalog.pool else None
        kinds.append("SFS directories in the shared catalog's file pool" + (f" {pool}" if pool else ""))
    if ast.Medium.MINIDISK in media:
        kinds.append("minidisks of the IDENTITY entries themselves, not of their SUBCONFIGs")
    what = " and ".join(kinds) or "data"
    return f"not one copy per member: every member shares what it backs up ({what}), so one member backs it up, once."


def _settings(job: JobModel, name: str, dialect: Reading) -> list[str]:
    """The job's header settings: its name on this member, its level, its output."""
    level = "incremental" if job.level is ast.Level.INCREMENTAL else "full"
    lines = [
        dialect.text("job_name_setting", value=name),
        dialect.text("job_type_setting", value=dialect[f"job_type_{level}"]),
    ]
    output = _output_value(job, dialect)
    if output is not None:
        lines.append(dialect.text("output_setting", value=output))
    return lines


def job_selection(
    model: Model, job: JobModel, dialect: Reading, blocks: dict | None = None, proven: dict | None = None
) -> list[str]:
    """The job's own selection: the same text in every member's copy (SSI rule 6).

    Pieces of text, each a run of whole lines: the opening comment, then one
    piece per selection (see `selection_text` for `blocks` and `proven`).
    """
    comment = dialect["template_comment"]
    same = ": the same on every member" if len(model.derived_names(job)) > 1 else ""
    parts = [lines_to_text(star_comments(comment, [f"Selection of job {job.name}{same}."]))]
    for selection, owners in zip(job.includes, model.include_owners(job)):
        # The model's tuple itself: the block's key (`selection_text`) is made of it, not of two copies.
        parts.append(selection_text(selection, dialect, owners, blocks, proven))
    for selection in job.excludes:
        parts.append(selection_text(selection, dialect, None, blocks))
    return parts


def _member_excludes(model: Model, member: str, dialect: Reading) -> str:
    """The excludes `member` adds to each single-configuration job pinned to it
    (none: no lines at all). An IDENTITY job's copies get none: `Model.member_excludes`."""
    local = model.member(member)
    if local is None or not local.excludes:
        return ""
    comment = dialect["template_comment"]
    said = f"Excludes of member {member}, added to its single-configuration jobs."
    lines = [comment] + star_comments(comment, [said])
    return lines_to_text(lines) + "".join(selection_text(s, dialect, None) for s in local.excludes)


def _template_parts(
    model: Model,
    job: JobModel,
    kind: ast.Kind | None,
    member: str,
    name: str,
    source: str,
    dialect: Reading,
    made: dict,
    blocks: dict,
    proven: dict | None = None,
) -> list[str]:
    """The pieces of text of job `job`'s template on `member`, where it is called `name`,
    read through `dialect`, the file's own reading of the table: its header, then the
    job's selection (`job_selection`), then the member's excludes (`_member_excludes`),
    each of those made once (`made`) for every file that holds it."""
    comment = dialect["template_comment"]
    settings = _settings(job, name, dialect)
    selection = dialect.shared(
        made, ("job", job.name), lambda reads: job_selection(model, job, reads, blocks, proven)
    )
    excludes = ""
    if model.member_excludes(job, member):
        excludes = dialect.shared(made, ("member", member), lambda reads: _member_excludes(model, member, reads))
    texts = header_texts(source, _describe(model, job, kind, member, name))
    if job.description:
        texts.append(invariant(job.description))
    texts.append(_where(model, member))
    texts += dialect.note()
    lines = star_comments(comment, texts) + [comment]
    lines += settings + [comment]
    return [part for part in (lines_to_text(lines), *selection, excludes) if part]


def job_templates(model: Model, source: str, dialect: Dialect) -> list[Artifact]:
    """Every job's template on every member it runs on.

    A template is built from pieces that others share (the records of an
    IDENTITY job's copies and of jobs that back up the same groups, a
    member's excludes for its single-configuration jobs): each piece is
    rendered once, and the artifact keeps the pieces, so that the CMS check
    reads each once too, and the write encodes each once.
    """
    blocks: dict = {}
    made: dict = {}  # the pieces several files share, each with what it read (Reading.shared)
    encoded: dict = {}  # each shared piece's bytes, made once (see Artifact.from_parts)
    proven: dict = {}  # the large pieces shown to fit the CMS rules (`selection_text`)
    out = []
    for job in model.jobs:
        kind = job.kind
        for member, name in model.derived_names(job):
            reads = Reading(dialect)  # the file's own: its header names what it read
            path = member_path(member, name, reads["template_filetype"])
            parts = _template_parts(model, job, kind, member, name, source, reads, made, blocks, proven)
            out.append(
                Artifact.from_parts(
                    path,
                    parts,
                    JOB_TEMPLATE,
                    encoded=encoded,
                    proven=proven,
                    member=member,
                    job=name,
                    source_job=job.name,
                    job_kind=kind.value if kind is not None else None,
                    goes_to=goes_to(model, JOB_TEMPLATE, member),
                )
            )
    return out


#: A user ID a selection record names outright (no `*`, `%` or `?` pattern).
_PLAIN_ID = re.compile(r"[A-Z0-9$#@+\-:_]{1,8}")


@functools.cache
def _record_pattern(layout: str) -> re.Pattern[str]:
    """A regex that reads a line of `layout` back: each field a run of non-blanks,
    the `owner` and `path` fields captured by name. Cached: `kind_moves` reads
    every job template back with the same two layouts."""
    regex = ""
    for literal, field_name, _, _ in format_fields(layout):
        regex += r"\s+".join(re.escape(part) for part in literal.split(" ")) if literal else ""
        if field_name in ("owner", "path"):
            regex += rf"(?P<{field_name}>\S+)"
        elif field_name is not None:
            regex += r"\S+"
    return re.compile(regex + r"\s*")


def included_users(text: str, dialect: Dialect) -> set[str]:
    """The user IDs a job template's include records name outright, read back
    with the dialect's layouts (`include_minidisk`'s owner; `include_sfs`'s path
    POOL:USER.DIR, its user part): the users the job backs up by name. Patterns
    and lines of another layout (a template written with another dialect table)
    name none. For `output.kind_moves`, which compares the last compile's
    templates with this one's."""
    minidisk = _record_pattern(dialect["include_minidisk"])
    sfs = _record_pattern(dialect["include_sfs"])
    found = set()
    for line in text.splitlines():
        if (match := minidisk.fullmatch(line)) is not None:
            user = match.group("owner")
        elif (match := sfs.fullmatch(line)) is not None:
            path = match.group("path")
            user = path.partition(":")[2].partition(".")[0] if ":" in path else ""
        else:
            continue
        if _PLAIN_ID.fullmatch(user):
            found.add(user)
    return found
