"""Every file `bkrc compile` writes, from one checked model: the emitters in one call.

Layout (docs/output.md):

    DIR/<MEMBER>/<JOB>.TEMPLATE     job templates (kind job-template)
    DIR/<MEMBER>/BKRSUBMT.EXEC      submits the member's jobs (submit-exec)
    DIR/<MEMBER>/BKREXPIR.EXEC      expiry, on the purging member only (expire-exec)
    DIR/<MEMBER>/BKRSTART.EXEC      what the member's AUTOLOG1 calls (profile-snippet)
    DIR/<MEMBER>/TMNODES.CONFIG     Tape Manager node definitions (tape-config)
    DIR/cluster/<ID>.DIRECT         CP directory entries (directory)
    DIR/README.TXT                  what each file is and where it goes; off the host (readme)
    DIR/manifest.json               written by bkrdsl.output

The result is sorted by path and checked against the CMS rules (see cms.py).
"""

from __future__ import annotations

from bkrdsl.dialect import Dialect
from bkrdsl.emit import quoting, rexx
from bkrdsl.emit.cms import CmsProblem, problems, variant_names
from bkrdsl.emit.common import (
    EXPIRE_EXEC,
    PROFILE_SNIPPET,
    SUBMIT_EXEC,
    Artifact,
    EmitError,
    forget_notes,
    member_path,
)
from bkrdsl.emit.destination import goes_to
from bkrdsl.emit.directory import directory_entries
from bkrdsl.emit.readme import readme
from bkrdsl.emit.tape import tape_configs
from bkrdsl.emit.template import job_templates
from bkrdsl.resolve.model import Model

EXEC_FILETYPE = "EXEC"


#: The manifest kind of each EXEC.
EXEC_KINDS = {rexx.SUBMIT_FILE: SUBMIT_EXEC, rexx.EXPIRE_FILE: EXPIRE_EXEC, rexx.START_FILE: PROFILE_SNIPPET}


def exec_artifacts(model: Model, source: str, dialect: Dialect) -> list[Artifact]:
    """Each member's EXECs, written by the REXX emitter, all naming the compile's
    identity (`rexx.identified_execs`), which each carries for the manifest, and
    what the CMS rules' first test says of each, which the writer found (`fits`)."""
    execs, identity = rexx.checked_execs(model, source, dialect)
    return [
        Artifact(
            member_path(member, file, EXEC_FILETYPE),
            text,
            EXEC_KINDS[file],
            member,
            identity=identity,
            goes_to=goes_to(model, EXEC_KINDS[file], member),
        ).read_so(fits)
        for member, file, text, fits in execs
    ]


def emit_all(model: Model, source: str, dialect: Dialect) -> list[Artifact]:
    """Every artifact of the cluster, sorted by path. Raises EmitError, never writes."""
    _fresh_caches(dialect)
    try:
        artifacts = (
            job_templates(model, source, dialect)
            + exec_artifacts(model, source, dialect)
            + tape_configs(model, source, dialect)
            + directory_entries(model, source, dialect)
        )
    finally:
        _fresh_caches(dialect)
    artifacts.append(readme(model, source, sorted(artifacts, key=lambda a: a.path)))  # from their paths and goes_to
    seen: dict[str, Artifact] = {}
    for artifact in artifacts:
        if artifact.path in seen:
            raise EmitError(f"two generated files would both be {artifact.path}")
        seen[artifact.path] = artifact
    return [seen[path] for path in sorted(seen)]


def _fresh_caches(dialect: Dialect) -> None:
    """Empty the emitters' caches of lines (`star_comments`, `rexx_assign`,
    `rexx_comment`, the note on assumed entries) before and after a compile's
    emit: they serve the copies one compile makes (every member's EXECs, every
    SUBCONFIG's header), not the next compile. So each compile pays for its own
    lines, as one `bkrc compile` process does (bench/run.py's warm compile
    measures that, not a second compile's reuse), and a long-lived process (the
    language server) keeps none of them."""
    quoting.forget_lines()
    forget_notes(dialect)


def cms_problems(model: Model, artifacts: list[Artifact], source: str) -> list[CmsProblem]:
    """Every CMS rule any artifact breaks (see cms.py), each a `CmsProblem` (the
    file's path, the line and column where the rule names them, the message); empty
    when all is well."""
    return problems(artifacts, frozenset(model.member_names), source, lambda: variant_names(model))

