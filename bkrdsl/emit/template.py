"""Backup Manager job templates: one CMS file `JOBNAME TEMPLATE` per job and member.

A job for single-configuration users is written once, in the folder of the
member it is pinned to. A job for IDENTITY users is written once per member,
under its member-unique derived name; the selection records of all its copies
are identical (SSI rule 6), and each copy ends with the excludes that member
declares for every job it runs.

Selection semantics: an include's owner narrows the users the job backs up
(`*` means all of them), so a template never selects a user the job does not
name; excludes are written as given, since they can only remove. Every
keyword and layout comes from the dialect table.
"""

from __future__ import annotations

from bkrdsl import ast
from bkrdsl.emit.common import (
    JOB_TEMPLATE,
    Artifact,
    address_range,
    header_texts,
    invariant,
    lines_to_text,
    member_path,
    star_comments,
)
from bkrdsl.emit.dialect import Dialect
from bkrdsl.resolve.model import JobModel, Model, pattern_regex

KIND_WORDS = {
    ast.Kind.SINGLE: "single-configuration users",
    ast.Kind.IDENTITY: "IDENTITY users",
}


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def job_owners(model: Model, job: JobModel) -> tuple[list[str], list[str]]:
    """(user IDs, patterns) the job backs up, in the order its groups declare them.

    The model's own look-ups, so the checker (BKR406, owner not backed up)
    and the templates agree on who a job covers.
    """
    return _unique(list(model.job_user_ids(job))), _unique(list(model.job_patterns(job)))


def narrow(owner: str, ids: list[str], patterns: list[str]) -> list[str]:
    """The owners an include record names: the job's users that `owner` selects.

    `*` selects them all. Otherwise: the job's IDs that `owner` matches, the
    job's patterns `owner` covers (LNX* covers LNXAPP*), and `owner` itself
    when one of the job's patterns covers it (LNXAPP* covers LNXAPP01).
    """
    if owner == "*":
        return ids + patterns
    wanted = pattern_regex(owner)
    out = [i for i in ids if wanted.match(i)]
    out += [p for p in patterns if wanted.match(p)]
    if owner not in out and any(pattern_regex(p).match(owner) for p in patterns):
        out.append(owner)
    return _unique(out)


def selection_records(
    selection: ast.Selection, dialect: Dialect, owners: list[str] | None
) -> list[str]:
    """The template lines of one selection. `owners` replaces the owner (includes only)."""
    action = selection.action.value
    if selection.medium is ast.Medium.SFS:
        return [dialect.text(f"{action}_sfs", path=item.upper) for item in selection.items]
    written = selection.owner.upper if selection.owner is not None else "*"
    layout = dialect[f"{action}_minidisk"].format  # one record per owner and address: keep it lean
    ranges = [address_range(item.upper, dialect) for item in selection.items]
    return [
        layout(owner=owner, first=first, last=last)
        for owner in (owners if owners is not None else [written])
        for first, last in ranges
    ]


def _output_value(job: JobModel, dialect: Dialect) -> str | None:
    target = job.target
    if target is None:
        return None
    medium = "tape" if target.medium is ast.TargetMedium.TAPE else "disk"
    if target.pool is not None:
        return dialect.text(f"output_{medium}_pool", pool=target.pool.upper)
    return dialect[f"output_{medium}"]


def _describe(job: JobModel, member: str, name: str) -> str:
    kind = KIND_WORDS.get(job.kind, "users") if job.kind else "users"
    if name != job.name:
        return f"Job {name}: member {member}'s copy of job {job.name} ({kind})."
    return f"Job {name} ({kind}) on member {member}."


def _settings(job: JobModel, name: str, dialect: Dialect) -> list[str]:
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


def job_selection(model: Model, job: JobModel, dialect: Dialect) -> list[str]:
    """The job's own selection records: the same lines in every member's copy (SSI rule 6)."""
    comment = dialect["template_comment"]
    same = ": the same on every member" if len(model.derived_names(job)) > 1 else ""
    lines = star_comments(comment, [f"Selection of job {job.name}{same}."])
    ids, patterns = job_owners(model, job)
    for selection in job.includes:
        owners = None
        if selection.medium is ast.Medium.MINIDISK:
            owner = selection.owner.upper if selection.owner is not None else "*"
            owners = narrow(owner, ids, patterns)
        lines.extend(selection_records(selection, dialect, owners))
    for selection in job.excludes:
        lines.extend(selection_records(selection, dialect, None))
    return lines


def _member_excludes(model: Model, member: str, dialect: Dialect) -> list[str]:
    """The excludes `member` adds to every job it runs (none: no lines at all)."""
    local = model.member(member)
    if local is None or not local.excludes:
        return []
    comment = dialect["template_comment"]
    lines = [comment] + star_comments(comment, [f"Excludes of member {member}, added to every job it runs."])
    for selection in local.excludes:
        lines.extend(selection_records(selection, dialect, None))
    return lines


def job_template(
    model: Model,
    job: JobModel,
    member: str,
    name: str,
    source: str,
    dialect: Dialect,
    selection: list[str] | None = None,
) -> str:
    """The text of job `job`'s template on `member`, where it is called `name`.

    `selection` is `job_selection(...)`, computed once per job by the caller
    that writes every member's copy.
    """
    comment = dialect["template_comment"]
    texts = header_texts(source, _describe(job, member, name))
    if job.description:
        texts.append(invariant(job.description))
    lines = star_comments(comment, texts) + [comment]
    lines += _settings(job, name, dialect) + [comment]
    lines += selection if selection is not None else job_selection(model, job, dialect)
    lines += _member_excludes(model, member, dialect)
    return lines_to_text(lines)


def job_templates(model: Model, source: str, dialect: Dialect) -> list[Artifact]:
    """Every job's template on every member it runs on."""
    filetype = dialect["template_filetype"]
    out = []
    for job in model.jobs:
        job_kind = job.kind.value if job.kind is not None else None
        selection = job_selection(model, job, dialect)
        for member, name in model.derived_names(job):
            out.append(
                Artifact(
                    path=member_path(member, name, filetype),
                    text=job_template(model, job, member, name, source, dialect, selection),
                    kind=JOB_TEMPLATE,
                    member=member,
                    job=name,
                    source_job=job.name,
                    job_kind=job_kind,
                )
            )
    return out
