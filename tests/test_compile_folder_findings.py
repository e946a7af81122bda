"""`bkrc compile --format json|sarif|gitlab|github`: what compile finds in DIR that
fails the run (a file changed by hand, a file of the user's where bkrc writes one,
something in the way, a folder with no manifest, DIR not up to date under
`--check`) is in the document a pipeline uploads, as findings of their own at the
file in DIR, severity error (docs/diagnostics.md, "What compile finds in DIR"),
and an exit 2 says the run failed; the exit codes are as they were."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import run_cli
from test_cli_contract import SARIF_SCHEMA
from test_compile_cli import GOOD, source

from bkrdsl.emit.cms import CmsProblem

#: GitLab's Code Quality issue: the keys GitLab requires (docs.gitlab.com, "Code
#: Quality report format"), `location.lines.begin` among them.
GITLAB_KEYS = {"description", "check_name", "fingerprint", "severity", "location"}


@pytest.fixture(scope="module")
def sarif_errors():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)

    def errors(text: str) -> list[str]:
        return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(json.loads(text))]

    return errors


def findings(fmt: str, stderr: str, sarif_errors) -> list[tuple[str, str, str]]:
    """(check, file, text) of each DIR finding in `stderr`'s document or annotations,
    each format's shape checked on the way (`lines` for their lines)."""
    return [found[:3] for found in located(fmt, stderr, sarif_errors)]


def lines(fmt: str, stderr: str, sarif_errors) -> list[int | None]:
    """The line of each DIR finding (None: no line; SARIF's and GitLab's default 1)."""
    return [found[3] for found in located(fmt, stderr, sarif_errors)]


def located(fmt: str, stderr: str, sarif_errors) -> list[tuple[str, str, str, int | None]]:
    """(check, file, text, line) of each DIR finding, each format's shape checked."""
    if fmt == "json":
        document = json.loads(stderr)
        found = document.get("output_folder", [])
        assert all(set(f) == {"check", "severity", "message", "file", "line", "help"} for f in found)
        assert all(f["severity"] == "error" for f in found)
        return [(f["check"], f["file"], f["message"] + "\nhelp: " + f["help"], f["line"]) for f in found]
    if fmt == "sarif":
        assert sarif_errors(stderr) == []
        (run,) = json.loads(stderr)["runs"]
        rules = run["tool"]["driver"]["rules"]
        out = []
        for r in run["results"]:
            if not r["ruleId"].startswith("compile/"):
                continue
            assert rules[r["ruleIndex"]]["id"] == r["ruleId"] and r["level"] == "error"
            (location,) = r["locations"]
            region = location["physicalLocation"]["region"]
            assert set(region) == {"startLine"}  # GitHub's code scanning wants one
            uri = location["physicalLocation"]["artifactLocation"]["uri"]
            out.append((r["ruleId"], uri, r["message"]["text"], region["startLine"]))
        return out
    if fmt == "gitlab":
        issues = json.loads(stderr)
        out = []
        for issue in issues:
            assert set(issue) == GITLAB_KEYS and set(issue["location"]) == {"path", "lines"}
            if issue["check_name"] != "bkrc compile":
                continue
            begin = issue["location"]["lines"]["begin"]
            assert issue["severity"] == "major" and issue["location"]["lines"] == {"begin": begin, "end": begin}
            assert len(issue["fingerprint"]) == 64
            out.append(("bkrc compile", issue["location"]["path"], issue["description"], begin))
        assert len({i["fingerprint"] for i in issues}) == len(issues)
        return out
    out = []
    for line in stderr.splitlines():
        if line.startswith("::error file=") and ",title=bkrc compile::" in line:
            head, text = line.split("::", 2)[1:]
            props = dict(p.split("=", 1) for p in head.split(" ", 1)[1].split(","))
            at = int(props["line"]) if "line" in props else None
            out.append(("bkrc compile", props["file"], text.replace("%0A", "\n"), at))
    return out


def check_of(fmt: str, check: str) -> str:
    """What each format names a check: SARIF's ruleId and JSON's `check`; GitLab's
    `check_name` and github's title are `bkrc compile`, as fmt's are `bkrc fmt`."""
    return check if fmt in ("json", "sarif") else "bkrc compile"


FORMATS = ["json", "sarif", "gitlab", "github"]


@pytest.fixture
def compiled(tmp_path, monkeypatch):
    """dev.bkr compiled into out/, run from tmp_path, as a pipeline runs from its checkout."""
    monkeypatch.chdir(tmp_path)
    source(tmp_path)
    run_cli(["compile", "dev.bkr", "-o", "out"], expect=0)
    return tmp_path


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_changed_by_hand_is_a_finding_of_the_document_and_the_run_failed(compiled, fmt, sarif_errors):
    """The compile stops at a hand edit (exit 2, as ever); its document said a clean,
    successful run (json `execution_successful` true, SARIF no result, GitLab `[]`,
    github nothing) while the job failed."""
    edited = Path("out/DEV1/GUESTFUL.TEMPLATE")
    written = edited.read_text()
    edited.write_text("\n".join([*written.split("\n")[:3], "* my note", *written.split("\n")[3:]]))  # a 4th line
    dry = run_cli(["compile", "dev.bkr", "-o", "out", "--dry-run", "--format", fmt], expect=2)
    result = run_cli(["compile", "dev.bkr", "-o", "out", "--format", fmt], expect=2)
    assert "bkrc: these files were changed by hand since the last compile:" in result.stdout + result.stderr
    assert findings(fmt, dry.stderr, sarif_errors) == findings(fmt, result.stderr, sarif_errors)
    ((check, file, text),) = findings(fmt, result.stderr, sarif_errors)
    assert lines(fmt, result.stderr, sarif_errors) == [4]  # the hand edit's line, on the pull request's file
    assert check == check_of(fmt, "compile/changed-by-hand")
    assert file == "out/DEV1/GUESTFUL.TEMPLATE"
    assert text == (
        "DEV1/GUESTFUL.TEMPLATE in out was changed by hand since the last compile (its sha256 is not the one"
        " manifest.json records): a compile would overwrite it, so it stops there and writes nothing\n"
        "help: move the change into dev.bkr (or the dialect table); --force overwrites it, the hand edit lost"
    )
    if fmt == "json":
        document = json.loads(result.stderr)
        assert document["execution_successful"] is False
        said = (
            "bkrc: these files were changed by hand since the last compile:\n  out/DEV1/GUESTFUL.TEMPLATE\n"
            "bkrc: nothing written; move your changes into the .bkr file, or use --force to overwrite"
        )
        assert document["failures"] == [said]
    if fmt == "sarif":
        (invocation,) = json.loads(result.stderr)["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is False
    if fmt == "github":  # the file's annotation says it; no second one of no file
        assert "::error title=bkrc::" not in result.stderr
    # --force writes over it: exit 0, nothing found, the document a clean run's.
    forced = run_cli(["compile", "dev.bkr", "-o", "out", "--force", "--format", fmt], expect=0)
    assert findings(fmt, forced.stderr, sarif_errors) == []
    if fmt == "json":
        assert "output_folder" not in json.loads(forced.stderr) and json.loads(forced.stderr)["execution_successful"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_stale_dir_under_check_is_one_finding_at_its_manifest_and_each_hand_edit_one_more(compiled, fmt, sarif_errors):
    """`--check` of an out/ the source no longer gives (a job's time changed), one of
    whose files is hand-edited and another a file of the user's where bkrc now writes
    one: exit 1 as ever; the folder's finding first, at out/manifest.json (one
    per folder: one command mends all of it; GitHub shows 10 error annotations
    a step), then one at each file a compile would stop at."""
    Path("dev.bkr").write_text(GOOD.replace("daily 01:00", "daily 01:30").replace(
        "  job SYSFU {", "  job GUESTWK {\n    backup GUESTS full\n    include minidisk * *\n"
        "    to disk pool BKUPPOOL\n    run on DEV1 weekly sun 03:00\n  }\n  job SYSFU {"))
    edited = Path("out/DEV2/BKRSUBMT.EXEC")
    edited.write_text(edited.read_text() + "/* my note */\n")
    Path("out/DEV1/GUESTWK.TEMPLATE").write_text("my own\n")
    result = run_cli(["compile", "dev.bkr", "-o", "out", "--check", "--format", fmt], expect=1)
    found = findings(fmt, result.stderr, sarif_errors)
    assert [(c, f) for c, f, _ in found] == [
        (check_of(fmt, "compile/not-up-to-date"), "out/manifest.json"),
        (check_of(fmt, "compile/changed-by-hand"), "out/DEV2/BKRSUBMT.EXEC"),
        (check_of(fmt, "compile/not-written-by-bkrc"), "out/DEV1/GUESTWK.TEMPLATE"),
    ]
    assert found[0][2].startswith("out is not up to date with dev.bkr: ")
    assert "DEV2/BKRSUBMT.EXEC" in found[0][2] and "DEV1/GUESTWK.TEMPLATE" in found[0][2]
    assert found[0][2].endswith(
        "\nhelp: mend what stops a compile (the findings below), then write it again"
        " (`bkrc compile dev.bkr -o out`) and commit what it writes"
    )
    assert found[2][2].startswith("DEV1/GUESTWK.TEMPLATE in out was not written by bkrc (manifest.json does not list it)")
    if fmt == "json":
        assert json.loads(result.stderr)["execution_successful"] is True  # exit 1: the check did its job
    # With --force, the compile would write over both: the folder's finding alone.
    forced = run_cli(["compile", "dev.bkr", "-o", "out", "--check", "--force", "--format", fmt], expect=1)
    assert [c for c, _, _ in findings(fmt, forced.stderr, sarif_errors)] == [check_of(fmt, "compile/not-up-to-date")]
    run_cli(["compile", "dev.bkr", "-o", "out", "--force"], expect=0)
    current = run_cli(["compile", "dev.bkr", "-o", "out", "--check", "--format", fmt], expect=0)
    assert findings(fmt, current.stderr, sarif_errors) == []


def test_a_stale_dir_names_its_first_ten_files_and_counts_the_rest(compiled, sarif_errors):
    shutil.rmtree("out")
    result = run_cli(["compile", "dev.bkr", "-o", "out", "--check", "--format", "json"], expect=1)
    ((_, _, text),) = findings("json", result.stderr, sarif_errors)
    created = json.loads(run_cli(["compile", "dev.bkr", "-o", "out", "--dry-run", "--plan-format", "json"]).stdout)
    paths = [f["path"] for f in created["files"] if f["path"] != "manifest.json"]
    assert len(paths) > 10
    counts = f"{len(paths) + 1} to create, 0 to update, 0 to delete, 0 unchanged"  # the manifest too, as the plan's
    assert f"out is not up to date with dev.bkr: {counts} ({', '.join(paths[:10])} and" in text
    assert f" and {len(paths) - 10} more)\n" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_folder_with_no_manifest_and_a_folder_in_the_way_are_findings(tmp_path, monkeypatch, fmt, sarif_errors):
    monkeypatch.chdir(tmp_path)
    source(tmp_path)
    Path("theirs").mkdir()
    Path("theirs/notes.txt").write_text("not bkrc's\n")
    result = run_cli(["compile", "dev.bkr", "-o", "theirs", "--format", fmt], expect=2)
    ((check, file, text),) = findings(fmt, result.stderr, sarif_errors)
    assert (check, file) == (check_of(fmt, "compile/no-manifest"), "theirs")
    assert text.startswith("theirs holds files but no manifest.json: it was not written by bkrc")
    run_cli(["compile", "dev.bkr", "-o", "out"], expect=0)
    Path("out/DEV1/GUESTFUL.TEMPLATE").unlink()
    Path("out/DEV1/GUESTFUL.TEMPLATE").mkdir()
    for args in ([], ["--force"], ["--dry-run"]):  # --force replaces only files
        result = run_cli(["compile", "dev.bkr", "-o", "out", *args, "--format", fmt], expect=2)
        ((check, file, text),) = findings(fmt, result.stderr, sarif_errors)
        assert (check, file) == (check_of(fmt, "compile/in-the-way"), "out/DEV1/GUESTFUL.TEMPLATE")
        assert text.startswith("DEV1/GUESTFUL.TEMPLATE in out is a folder, where bkrc writes ")


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_an_exit_2_with_no_file_to_point_at_says_the_run_failed(compiled, fmt, sarif_errors):
    """A read-only out/ stops the compile (exit 2) after the document, which said a
    successful run: it says the failure now (gitlab's report has no place for it)."""
    Path("dev.bkr").write_text(GOOD.replace("daily 01:00", "daily 01:30"))
    Path("out").chmod(0o555)
    try:
        result = run_cli(["compile", "dev.bkr", "-o", "out", "--format", fmt], expect=2)
    finally:
        Path("out").chmod(0o755)
    said = "bkrc: out: cannot write: the folder is read-only (mode 0555)"
    if fmt == "json":
        document = json.loads(result.stderr)
        assert document["execution_successful"] is False and document["failures"][0].startswith(said)
    elif fmt == "sarif":
        assert sarif_errors(result.stderr) == []
        (invocation,) = json.loads(result.stderr)["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is False
        assert invocation["toolExecutionNotifications"][0]["message"]["text"].startswith(said)
    else:
        assert f"::error title=bkrc::{said}" in result.stderr


def test_an_internal_error_after_the_document_was_held_keeps_its_diagnostics(compiled, monkeypatch):
    """The document is held until DIR is planned: an internal error there prints it
    with the input's warnings, the run failed, not an empty one."""
    from bkrdsl import output

    Path("dev.bkr").write_text(GOOD.replace("Guests: every night", "Guests\\q every night"))

    def broken(*args, **kwargs):
        raise RuntimeError("planning broke")

    monkeypatch.setattr(output, "make_plan", broken)
    result = run_cli(["compile", "dev.bkr", "-o", "out", "--format", "json"], expect=2)
    document = json.loads(result.stderr)
    assert [d["code"] for d in document["diagnostics"]] == ["BKR019"]
    assert document["execution_successful"] is False
    assert document["failures"][0].startswith("bkrc: internal error: RuntimeError: planning broke")
    assert "bkrc: internal error: RuntimeError: planning broke" in result.stdout


def test_an_interruption_while_the_document_is_held_says_the_run_failed(compiled, monkeypatch):
    """Ctrl-C while the compile plans DIR (exit 130, DIR as it was): the document,
    printed as the compile exits, says the run failed and why."""
    from bkrdsl import output

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(output, "make_plan", interrupted)
    result = run_cli(["compile", "dev.bkr", "-o", "out", "--format", "json"], expect=130)
    document = json.loads(result.stderr)
    assert document["execution_successful"] is False
    assert document["failures"] == ["bkrc: interrupted; nothing written: out is as it was"]


def test_the_page_s_annotations_are_what_bkrc_prints(tmp_path, monkeypatch):
    """docs/diagnostics.md, "What compile finds in DIR": its two annotations are
    those of `--check --format github` after a line added to a file of out/."""
    from conftest import EXAMPLES, ROOT

    page = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    section = page.split("\n## What compile finds in DIR\n", 1)[1].split("\n## ", 1)[0]
    shown = section.split("```text\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "prodssi.bkr", "prodssi.bkr")
    run_cli(["compile", "prodssi.bkr", "-o", "out"], expect=0)
    with open("out/VMSYS1/BKRSTART.EXEC", "a", encoding="utf-8") as edited:
        edited.write("* my note\n")
    result = run_cli(["compile", "prodssi.bkr", "-o", "out", "--check", "--format", "github"], expect=1)
    assert [line for line in result.stderr.splitlines() if line.startswith("::")] == shown.splitlines()


def test_a_file_changed_by_hand_that_the_compile_deletes_has_no_line(compiled, sarif_errors):
    """Job SYSFU removed: its templates go, one of them edited by hand; the finding
    says the compile would delete it, and points at the file, no line of it."""
    import re

    Path("dev.bkr").write_text(re.sub(r"\n  job SYSFU \{.*?\n  \}\n", "\n", GOOD, flags=re.DOTALL))
    edited = Path("out/DEV2/SYSFU2.TEMPLATE")
    edited.write_text(edited.read_text() + "* my note\n")
    result = run_cli(["compile", "dev.bkr", "-o", "out", "--format", "json"], expect=2)
    ((check, file, text, line),) = located("json", result.stderr, sarif_errors)
    assert (check, file, line) == ("compile/changed-by-hand", "out/DEV2/SYSFU2.TEMPLATE", None)
    assert ": a compile would delete it, so it stops there and writes nothing\n" in text
    assert text.endswith("help: move the change into dev.bkr (or the dialect table); --force deletes it, the hand edit lost")


#: What `cms_problems` says of two files no input the checks pass gives (so a test
#: provokes the refusal by putting these in its place): a job template's line too
#: long, and a character of an EXEC no member can read. Each a `CmsProblem`, whose
#: text is the line bkrc prints (`DEV1/GUESTFUL.TEMPLATE:3: 80 columns (at most 72)`).
CMS_PROBLEMS = [
    CmsProblem("DEV1/GUESTFUL.TEMPLATE", "80 columns (at most 72)", 3),
    CmsProblem("DEV1/BKRSTART.EXEC", "'[' is not EBCDIC-invariant here", 2, 5),
]

#: The help of a file the compile refuses to write: its input should have been refused.
REPORT_IT = (
    "the checks should have refused this in the source: please report it, with the .bkr, at"
    " https://github.com/bkrdsl/bkrdsl/issues"
)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("mode", [[], ["--dry-run"], ["--check"]], ids=["write", "dry-run", "check"])
def test_a_file_that_would_break_a_cms_rule_is_a_finding_of_the_document(compiled, monkeypatch, fmt, mode, sarif_errors):
    """compile refuses to write a file that breaks a CMS rule (exit 1, nothing
    written, as ever); its document said a clean run (json no finding, SARIF no
    result, GitLab `[]`, github nothing). A job's template is found at the `job`
    statement of the .bkr (line 14 of dev.bkr), any other file at its path in DIR
    and the line the rule names. The CMS checks pass every input the checker lets
    through (test_compile_emit), so the refusal is provoked by putting problems in
    their place."""
    from bkrdsl.emit import artifacts

    monkeypatch.setattr(artifacts, "cms_problems", lambda model, files, source: list(CMS_PROBLEMS))
    before = {p: p.read_bytes() for p in Path("out").rglob("*") if p.is_file()}
    result = run_cli(["compile", "dev.bkr", "-o", "out", *mode, "--format", fmt], expect=1)
    assert "bkrc: a generated file would break a CMS rule: DEV1/GUESTFUL.TEMPLATE:3: 80 columns" in (
        result.stdout + result.stderr
    )
    assert {p: p.read_bytes() for p in Path("out").rglob("*") if p.is_file()} == before
    of_job = (
        "a file of job GUESTFUL would break a CMS rule: DEV1/GUESTFUL.TEMPLATE:3: 80 columns (at most 72),"
        f" so the compile stops there and writes nothing\nhelp: {REPORT_IT}; meanwhile"
        " change job GUESTFUL so that its file keeps the rule"
    )
    of_folder = (
        "a generated file would break a CMS rule: DEV1/BKRSTART.EXEC:2:5: '[' is not EBCDIC-invariant here,"
        f" so the compile stops there and writes nothing\nhelp: {REPORT_IT}; meanwhile"
        " change what the file is written from"
    )
    assert located(fmt, result.stderr, sarif_errors) == [
        (check_of(fmt, "compile/cms-rule"), "dev.bkr", of_job, 14),
        (check_of(fmt, "compile/cms-rule"), "out/DEV1/BKRSTART.EXEC", of_folder, 2),
    ]
    assert Path("dev.bkr").read_text().splitlines()[13] == "  job GUESTFUL {"
    if fmt == "json":  # exit 1, as errors in the input: the run did its job and found them
        document = json.loads(result.stderr)
        assert document["execution_successful"] is True and document["failures"] == []
    if fmt == "sarif":  # its rule points at the page of the rules, not at drift's
        (rule,) = json.loads(result.stderr)["runs"][0]["tool"]["driver"]["rules"]
        assert rule["id"] == "compile/cms-rule" and rule["help"]["text"].startswith('docs/output.md, "Every file"')
    if fmt == "github":
        assert "::error title=bkrc::" not in result.stderr


# stop 79, h2: the refusal's file and line are the CmsProblem's fields, not read back from its text
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_refused_file_whose_name_and_line_read_as_another_file_s_name_is_found_at_its_own(
    compiled, monkeypatch, fmt, sarif_errors
):
    """A CMS name may hold `:`, and so may a file type a site's dialect table names:
    with `template_filetype = "EXEC:1"`, job BKRSTART's template is
    DEV1/BKRSTART.EXEC:1, beside the EXEC DEV1/BKRSTART.EXEC. The EXEC's line 1
    refused (`DEV1/BKRSTART.EXEC:1: the opening comment ...`) was read back out of
    the text as the template's (the longest known path it starts with), no line,
    and said to be job BKRSTART's at its `job` statement; it is the EXEC's, at its
    path in DIR and line 1. The refusal is provoked by taking the word `generated`
    out of the EXEC's opening comment."""
    import dataclasses

    from bkrdsl.emit import artifacts

    table = run_cli(["dialect"], expect=0).stdout
    assert table.count('value = "TEMPLATE"') == 1
    Path("site.toml").write_text(table.replace('value = "TEMPLATE"', 'value = "EXEC:1"'))
    Path("dev.bkr").write_text(GOOD.replace("GUESTFUL", "BKRSTART"))
    real = artifacts.emit_all

    def emitted(*args, **kwargs):
        files = real(*args, **kwargs)
        assert "DEV1/BKRSTART.EXEC:1" in {a.path for a in files}
        return [
            dataclasses.replace(a, text=a.text.replace("generated", "written", 1), parts=())
            if a.path == "DEV1/BKRSTART.EXEC" else a
            for a in files
        ]

    monkeypatch.setattr(artifacts, "emit_all", emitted)
    result = run_cli(["compile", "dev.bkr", "-o", "out", "--dialect", "site.toml", "--format", fmt], expect=1)
    problem = "DEV1/BKRSTART.EXEC:1: the opening comment does not say it is generated, do not edit"
    assert f"bkrc: a generated file would break a CMS rule: {problem}" in result.stdout + result.stderr
    text = (
        f"a generated file would break a CMS rule: {problem}, so the compile stops there and writes nothing"
        f"\nhelp: {REPORT_IT}; meanwhile change what the file is written from"
    )
    assert located(fmt, result.stderr, sarif_errors) == [
        (check_of(fmt, "compile/cms-rule"), "out/DEV1/BKRSTART.EXEC", text, 1)
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_bkrc_cannot_generate_is_a_finding_at_the_source(compiled, monkeypatch, fmt, sarif_errors):
    """The emitter refuses the model (`EmitError`: two files of one name, a
    minidisk no volume has room for; exit 1, the checker should have said so):
    the document said a clean run; it has a finding at the source now."""
    from bkrdsl.emit import artifacts
    from bkrdsl.emit.common import EmitError

    def refused(*args, **kwargs):
        raise EmitError("two generated files would both be DEV1/GUESTFUL.TEMPLATE")

    monkeypatch.setattr(artifacts, "emit_all", refused)
    result = run_cli(["compile", "dev.bkr", "-o", "out", "--format", fmt], expect=1)
    said = "bkrc: cannot compile dev.bkr: two generated files would both be DEV1/GUESTFUL.TEMPLATE; nothing written"
    assert said in result.stdout + result.stderr
    text = (
        "bkrc cannot write the files of dev.bkr: two generated files would both be DEV1/GUESTFUL.TEMPLATE,"
        f" so the compile writes nothing\nhelp: {REPORT_IT}"
    )
    line = None if fmt in ("json", "github") else 1  # no line: SARIF's and GitLab's default
    assert located(fmt, result.stderr, sarif_errors) == [(check_of(fmt, "compile/cannot-generate"), "dev.bkr", text, line)]


def test_a_full_disk_while_the_new_tree_is_written_says_the_run_failed(compiled, monkeypatch):
    """ENOSPC while the compile builds the new folder beside DIR (exit 2, DIR as it
    was) comes before the report, which prints the document: it is in its failures.
    (Passes before and after 'the held document last': it guards the order.)"""
    import errno

    from bkrdsl import output

    def full(temp, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(temp / "DEV1" / "GUESTFUL.TEMPLATE"))

    monkeypatch.setattr(output, "_write_all", full)
    Path("dev.bkr").write_text(GOOD.replace("daily 01:00", "daily 01:30"))
    result = run_cli(["compile", "dev.bkr", "-o", "out", "--format", "json"], expect=2)
    document = json.loads(result.stderr)
    assert document["execution_successful"] is False
    (said,) = document["failures"]
    assert said.startswith("bkrc: ") and ": cannot write: No space left on device (bkrc builds" in said
    assert said.endswith("; nothing was changed")


# stop 79, h2: the held document is printed after the swap, so that a swap refused is in it
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_swap_refused_after_the_report_is_in_the_document(compiled, monkeypatch, fmt, sarif_errors):
    """Another program writes in DIR while the report prints (a reader that waits):
    the swap is refused, exit 2, DIR as it was with the edit. The document was
    printed with the report, before the swap, and said a successful run (json's
    `execution_successful` true, SARIF no invocation, github nothing): the failure
    was in the `bkrc:` line and the exit code alone. It is printed once DIR holds
    what it will hold now, with the failure."""
    from bkrdsl import output

    Path("dev.bkr").write_text(GOOD.replace("daily 01:00", "daily 01:30"))
    edited = Path("out/DEV1/BKRSUBMT.EXEC")
    real = output.summary

    def summary(plan, *, done=False):  # as the report prints, another program edits a file of DIR
        if done:
            edited.write_text("* my edit\n")
        return real(plan, done=done)

    monkeypatch.setattr(output, "summary", summary)
    result = run_cli(["compile", "dev.bkr", "-o", "out", "--format", fmt], expect=2)
    assert edited.read_text() == "* my edit\n"
    said = (
        "bkrc: out/DEV1/BKRSUBMT.EXEC changed while bkrc was writing out: another program wrote in out, and"
        " the swap would lose what it wrote; nothing written (the `wrote` line above came before the swap,"
        " which did not happen): run the compile again once it is done"
    )
    # bkrc's line, where its lines go (standard output beside a document on standard error)
    assert said in (result.stderr if fmt == "github" else result.stdout).splitlines()
    if fmt == "json":
        document = json.loads(result.stderr)
        assert document["execution_successful"] is False and document["failures"] == [said]
    elif fmt == "sarif":
        assert sarif_errors(result.stderr) == []
        (invocation,) = json.loads(result.stderr)["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is False
        assert [n["message"]["text"] for n in invocation["toolExecutionNotifications"]] == [said]
    elif fmt == "github":
        assert f"::error title=bkrc::{said}\n" in result.stderr
    else:  # gitlab: an issue of its own (the run failed), at the source
        (issue,) = json.loads(result.stderr)
        assert issue["check_name"] == "bkrc" and issue["description"] == said
        assert issue["location"] == {"path": "dev.bkr", "lines": {"begin": 1, "end": 1}}


def test_a_document_standard_error_cannot_take_after_the_swap_says_dir_was_written(tmp_path):
    """`2> /dev/full` with --format json: the document is printed once DIR holds the
    new tree, so a standard error that cannot take it comes after the swap: exit 2,
    and the line (on standard output, the one stream left) says DIR was written."""
    import os
    import subprocess
    import sys

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    src = source(tmp_path)
    out = tmp_path / "out"
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "bkrdsl", "compile", str(src), "-o", str(out), "--format", "json"],
            stdout=subprocess.PIPE, stderr=full, text=True, check=False,
        )
    assert run.returncode == 2, run.stdout
    assert run.stdout.startswith(f"bkrc: wrote {out}: ")
    assert run.stdout.endswith(
        "bkrc: cannot write the diagnostics' document to standard error: No space left on device;"
        f" {out} was written: it holds every new file\n"
    )
    assert (out / "manifest.json").is_file()



# stop 79, h2's walk: compile interrupted before its document is held
@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_a_compile_terminated_while_its_input_is_checked_prints_a_document_that_says_so(compiled, monkeypatch, fmt):
    """SIGTERM (a cancelled pipeline job) while the input was read and checked, before
    the document is held: exit 143, `bkrc: terminated; nothing written: ...` on
    standard output, and standard error empty, where a step reading the document got
    nothing it could parse. It holds the document of a run that failed now, as
    `bkrc check` prints it."""
    import signal

    import bkrdsl.cli.compile

    real = bkrdsl.cli.compile.analyse_arg

    def checked(*args, **kwargs):
        result = real(*args, **kwargs)
        signal.raise_signal(signal.SIGTERM)
        return result

    monkeypatch.setattr(bkrdsl.cli.compile, "analyse_arg", checked)
    result = run_cli(["compile", "dev.bkr", "-o", "out", "--format", fmt], expect=143)
    line = "bkrc: terminated; nothing written: out is as it was"
    assert result.stdout == line + "\n"
    document = json.loads(result.stderr)
    if fmt == "json":
        assert document["execution_successful"] is False and document["failures"] == [line]
    elif fmt == "sarif":
        (invocation,) = document["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is False
    else:
        assert [(i["check_name"], i["description"]) for i in document] == [("bkrc", line)]


# stop 80, h2: another user's leftover folder beside DIR is a warning naming its owner
def _dead_pid() -> int:
    """The ID of a process that has ended."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    return int(done.stdout)


def _others_folder(tmp_path: Path, monkeypatch, pid: int) -> tuple[Path, str, int]:
    """A folder named as a compile's temporary folder beside out/, another user's:
    as root given to nobody; else this user's, the process seen as another user.
    (path, its owner's name, its owner's uid)."""
    import os
    import pwd

    from bkrdsl import output

    folder = tmp_path / f".out.bkrc-new-{pid}-abcdefgh"
    folder.mkdir()
    (folder / "DEV1").mkdir()
    if os.geteuid() == 0:
        os.chown(folder, 65534, 65534)
    else:
        uid = os.geteuid() + 1
        monkeypatch.setattr(output.os, "geteuid", lambda: uid)
    uid = folder.lstat().st_uid
    return folder, pwd.getpwuid(uid).pw_name, uid


@pytest.mark.parametrize("fmt", ["text", "short", *FORMATS])
@pytest.mark.parametrize("mode", [[], ["--dry-run"], ["--check"]])
def test_h2_81_another_user_s_leftover_folder_is_a_warning_that_names_its_owner(
    compiled, monkeypatch, fmt, mode, sarif_errors
):
    """Stop 79 made compile use (put back, remove) only its own user's leftover
    folders; another user's, in a folder a team shares, stayed silently, and a
    sysprog wondered why the disk filled. Each is now one `bkrc: warning:` line
    on the stream bkrc's own lines take in that format (standard error, or
    standard output where the document is all of standard error), naming the
    folder, its owner, whether its process still runs, and how to erase it; the
    run is as it was (exit 0, the document clean, the folder left alone)."""
    pid = _dead_pid()
    folder, owner, uid = _others_folder(compiled, monkeypatch, pid)
    (compiled / "dev.bkr").write_text(GOOD.replace("workers 2  private-volume D1PRV1", "workers 2  private-volume D1PRV2"))
    expect = 1 if mode == ["--check"] else 0
    result = run_cli(["compile", "dev.bkr", "-o", "out", "--format", fmt, *mode], expect=expect)
    said = result.stdout if fmt in ("json", "sarif", "gitlab") else result.stderr
    document = result.stderr if fmt in ("json", "sarif", "gitlab") else None
    line = (
        f"bkrc: warning: {folder.name} beside out belongs to user {owner} (uid {uid}), left by a compile of that"
        f" user's that was killed (process {pid} is gone); bkrc removes only its own user's, so it stays, taking"
        f" room: once that compile has ended, {owner} (or root) can erase it: rm -r -- {folder}"
    )
    assert said.splitlines().count(line) == 1, said
    if document is not None:  # still one document, which says a successful run
        if fmt == "sarif":
            assert sarif_errors(document) == []
        elif fmt == "json":
            assert json.loads(document)["execution_successful"] is True
        else:
            json.loads(document)
        assert line not in document
    assert folder.is_dir() and (folder / "DEV1").is_dir()


@pytest.mark.parametrize("mode", [["--dry-run"], ["--check"]])
def test_h2_81_the_plan_s_json_lists_another_user_s_leftover_folder_among_its_warnings(compiled, monkeypatch, mode):
    """`--plan-format json` keeps bkrc's warnings in its document: the folder's line
    too, and a process that still runs is said to be perhaps writing it now."""
    import os

    folder, owner, uid = _others_folder(compiled, monkeypatch, os.getpid())
    result = run_cli(["compile", "dev.bkr", "-o", "out", "--plan-format", "json", *mode], expect=0)
    warnings = json.loads(result.stdout)["warnings"]
    assert warnings == [(
        f"bkrc: warning: {folder.name} beside out belongs to user {owner} (uid {uid}), made by a compile of that"
        f" user's whose process {os.getpid()} still runs (it may be writing it now); bkrc removes only its own"
        f" user's, so it stays, taking room: once that compile has ended, {owner} (or root) can erase it:"
        f" rm -r -- {folder}"
    )], warnings


def test_h2_81_this_user_s_own_leftover_is_removed_not_warned_of(compiled):
    """This user's own leftover is a killed compile's, removed first as ever: no
    warning of another user's."""
    folder = compiled / f".out.bkrc-new-{_dead_pid()}-abcdefgh"
    folder.mkdir()
    result = run_cli(["compile", "dev.bkr", "-o", "out"], expect=0)
    assert "belongs to" not in result.stdout + result.stderr
    assert not folder.exists()
