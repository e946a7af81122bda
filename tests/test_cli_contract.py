"""The CLI contract (design section 5, docs/diagnostics.md) held command by command:
where a command's JSON diagnostics are all of a stream, that stream holds one
document in every run, whatever stops it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

MINIMAL = EXAMPLES / "minimal.bkr"


# ------------------------------------------------------------------ bkrc show --format json
def test_show_json_prints_its_document_with_no_diagnostic():
    """`bkrc show --format json FILE 2>diagnostics.json` on a clean file left
    standard error empty, which no JSON reader parses (`bkrc compile` prints the
    document with no diagnostic); the table is standard output, as before."""
    result = run_cli(["show", MINIMAL, "--format", "json"], expect=0)
    assert json.loads(result.stderr) == {
        "format_version": "1",
        "diagnostics": [],
        "error_count": 0,
        "warning_count": 0,
        "execution_successful": True,
        "failures": [],
    }
    assert json.loads(result.stdout)["cluster"]["name"] == "DEVSSI"


def test_show_text_of_a_clean_file_prints_nothing_on_standard_error():
    result = run_cli(["show", MINIMAL], expect=0)
    assert result.stderr == ""


def test_show_json_of_a_file_it_cannot_read_prints_the_empty_document(tmp_path):
    """A missing FILE: standard error held no document at all (its line went to
    standard output), where `bkrc compile --format json` prints the empty one."""
    result = run_cli(["show", tmp_path / "nope.bkr", "--format", "json"], expect=2)
    assert json.loads(result.stderr)["diagnostics"] == []
    assert result.stdout == f"bkrc: {tmp_path / 'nope.bkr'}: no such file\n"


def test_show_json_with_a_directory_it_cannot_read_prints_the_empty_document(tmp_path):
    result = run_cli(["show", MINIMAL, "--format", "json", "--directory", tmp_path / "nope.direct"], expect=2)
    assert json.loads(result.stderr)["diagnostics"] == []
    assert result.stdout.startswith(f"bkrc: {tmp_path / 'nope.direct'}: no such file (the --directory file)")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--format", "json", "--bogus", "FILE"], "No such option '--bogus'"),
        (["--bogus", "--format=json", "FILE"], "No such option '--bogus'"),
        (["--format", "json"], "Missing argument 'FILE'"),
        (["--format", "json", "--color", "sometimes", "FILE"], "'sometimes' is not one of"),
    ],
)
def test_a_usage_error_of_show_json_prints_the_empty_document_on_standard_error(args, said):
    """As for `bkrc compile`, whose document is standard error too: the empty
    document there, click's usage text on standard output, exit 2."""
    result = run_cli(["show", *(str(MINIMAL) if a == "FILE" else a for a in args)], expect=2)
    assert json.loads(result.stderr)["diagnostics"] == []
    assert result.stdout.startswith("Usage: ") and " show [OPTIONS]" in result.stdout and said in result.stdout


def test_a_usage_error_of_show_as_text_is_click_s_alone():
    result = run_cli(["show", "--bogus", MINIMAL], expect=2)
    assert result.stdout == ""
    assert result.stderr.startswith("Usage: ") and " show [OPTIONS]" in result.stderr


# ------------------------------------------------------------------ SARIF 2.1.0, by its schema
#: OASIS's schema of SARIF 2.1.0 (errata 01), as published: its `id` names it.
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def sarif_errors():
    """A function: the schema's complaints about a SARIF text, each `path: message`."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    validator = jsonschema.validators.validator_for(schema)(schema)

    def errors(text: str) -> list[str]:
        log = json.loads(text)
        return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]

    return errors


def test_sarif_of_every_rule_and_malformed_file_is_valid_by_the_schema(sarif_errors):
    """One run over every failing and passing rule file, the malformed inputs and
    the examples: rules, results with related locations and fixes, no location."""
    files = sorted(DATA.glob("rules/*.bkr")) + sorted(DATA.glob("malformed/*.bkr"))
    files += sorted(EXAMPLES.glob("*.bkr")) + [EXAMPLES / "broken" / "prodssi.bkr"]
    result = run_cli(["check", "--format", "sarif", "--max-errors", "0", *files], expect=1)
    (run,) = json.loads(result.stdout)["runs"]
    assert any(r.get("fixes") for r in run["results"]) and any(r.get("relatedLocations") for r in run["results"])
    assert any(len(r.get("fixes", ())) > 1 for r in run["results"])  # a help's choices (`daily sun 02:00`'s two)
    assert sarif_errors(result.stdout) == []


def test_the_schema_refuses_what_is_not_sarif_2_1_0(sarif_errors):
    assert sarif_errors('{"version": "2.0.0", "runs": []}')
    assert sarif_errors('{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}')  # a driver has a name
    assert not sarif_errors('{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "bkrc"}}}]}')


@pytest.mark.parametrize(
    ("args", "stdin", "code", "stream"),
    [
        (["check", "MINIMAL"], None, 0, "stdout"),  # no result
        (["check", "-"], "cluster X {\n  member A { workers 99 }\n}\n", 1, "stdout"),  # <stdin>
        (["check", "MISSING"], None, 2, "stdout"),  # the empty document
        (["check", "--bogus", "MINIMAL"], None, 2, "stdout"),
        (["check", "EXAMPLES/prodssi.bkr", "--directory", "EXAMPLES/broken/prodssi-slips.direct"], None, 1, "stdout"),
        (["compile", "EXAMPLES/broken/prodssi.bkr", "-o", "OUT"], None, 1, "stderr"),
        (["compile", "MINIMAL", "-o", "OUT", "--dry-run"], None, 0, "stderr"),
    ],
)
def test_sarif_of_each_kind_of_run_is_valid_by_the_schema(sarif_errors, tmp_path, args, stdin, code, stream):
    names = {"MINIMAL": str(MINIMAL), "MISSING": str(tmp_path / "nope.bkr"), "OUT": str(tmp_path / "out")}
    args = [names.get(a, a.replace("EXAMPLES", str(EXAMPLES))) for a in args]
    result = run_cli([*args, "--format", "sarif"], input=stdin, expect=code)
    assert sarif_errors(getattr(result, stream)) == []


# ------------------------------------------------------------------ bkrc init --format json|sarif
def init_json(tmp_path, *args, expect, fmt="json"):
    path = tmp_path / "new.bkr"
    result = run_cli(["init", path, "--cluster", "C1", *args, "--format", fmt], expect=expect)
    return result, path


def test_init_json_with_a_name_it_cannot_use_is_one_document_on_standard_error(tmp_path):
    """Standard error held the document and then `bkrc: nothing written`, which no
    JSON reader parses: that line goes to standard output, as compile's do."""
    result, path = init_json(tmp_path, "--member", "TOOLONGNAME1", expect=1)
    assert [d["code"] for d in json.loads(result.stderr)["diagnostics"]] == ["BKR302"]
    assert result.stdout == "bkrc: nothing written\n"
    assert not path.exists()


def test_init_json_with_a_warning_is_one_document_on_standard_error(tmp_path):
    """A member named CLUSTER (BKR328): the file is written; `wrote FILE; next: ...`
    came before the document on standard error."""
    result, path = init_json(tmp_path, "--member", "CLUSTER", "--member", "VM2", expect=0)
    assert [d["code"] for d in json.loads(result.stderr)["diagnostics"]] == ["BKR328"]
    assert result.stdout.startswith(f"wrote {path}; next: ")
    assert path.exists()


def test_init_sarif_of_a_clean_file_prints_its_document_with_no_result(tmp_path, sarif_errors):
    result, path = init_json(tmp_path, "--member", "VM1", expect=0, fmt="sarif")
    assert sarif_errors(result.stderr) == [] and json.loads(result.stderr)["runs"][0]["results"] == []
    assert result.stdout.startswith(f"wrote {path}; next: ")


def test_init_json_to_standard_output_keeps_the_file_alone_there(tmp_path):
    """`bkrc init - --format json`: standard output is the new file, as with the text format."""
    plain = run_cli(["init", "-", "--cluster", "C1", "--member", "VM1"], expect=0)
    result = run_cli(["init", "-", "--cluster", "C1", "--member", "VM1", "--format", "json"], expect=0)
    assert result.stdout == plain.stdout and plain.stderr == ""
    assert json.loads(result.stderr)["diagnostics"] == []


def test_init_json_over_an_existing_file_prints_the_empty_document(tmp_path):
    (tmp_path / "new.bkr").write_text("keep\n")
    result, path = init_json(tmp_path, "--member", "VM1", expect=2)
    assert json.loads(result.stderr)["diagnostics"] == []
    assert result.stdout.startswith(f"bkrc: {path}: already exists; nothing written")
    assert path.read_text() == "keep\n"


def test_init_json_with_a_directory_it_cannot_read_prints_the_empty_document(tmp_path):
    result, _ = init_json(tmp_path, "--member", "VM1", "--directory", tmp_path / "nope.direct", expect=2)
    assert json.loads(result.stderr)["diagnostics"] == []
    assert result.stdout.startswith(f"bkrc: {tmp_path / 'nope.direct'}: no such file (the --directory file)")


def test_a_usage_error_of_init_json_prints_the_empty_document_on_standard_error(tmp_path):
    result = run_cli(["init", tmp_path / "new.bkr", "--member", "VM1", "--format", "json"], expect=2)
    assert json.loads(result.stderr)["diagnostics"] == []
    assert result.stdout.startswith("Usage: ") and "Missing option '--cluster'" in result.stdout
    result = run_cli(["init", tmp_path / "new.bkr", "--cluster", "C1", "--format", "json"], expect=2)
    assert json.loads(result.stderr)["diagnostics"] == []
    assert "Missing option '--member'" in result.stdout


# ------------------------------------------------------------------ bkrc fmt --format json|sarif
UNFORMATTED = MINIMAL.read_text(encoding="utf-8").replace("  member DEV1 {", "  member   DEV1 {")


def test_fmt_check_json_is_one_document_on_standard_error(tmp_path):
    """`would reformat FILE` shared standard error with the document (and with no
    syntax error there was no document at all): the line goes to standard output."""
    (tmp_path / "messy.bkr").write_text(UNFORMATTED)
    (tmp_path / "broken.bkr").write_text("cluster X {\n  member A {\n")
    args = ["fmt", "--check", "--format", "json", tmp_path / "messy.bkr", MINIMAL]
    result = run_cli(args, expect=1)
    assert json.loads(result.stderr)["diagnostics"] == []
    assert result.stdout == f"would reformat {tmp_path / 'messy.bkr'}\n"
    result = run_cli([*args, tmp_path / "broken.bkr", tmp_path / "nope.bkr"], expect=2)
    assert [d["code"] for d in json.loads(result.stderr)["diagnostics"]] == ["BKR005"]
    assert result.stdout.splitlines() == [
        f"would reformat {tmp_path / 'messy.bkr'}",
        f"bkrc: {tmp_path / 'nope.bkr'}: no such file",
    ]


def test_fmt_sarif_rewrites_and_says_so_on_standard_output(tmp_path, sarif_errors):
    path = tmp_path / "messy.bkr"
    path.write_text(UNFORMATTED)
    result = run_cli(["fmt", "--format", "sarif", path], expect=0)
    assert sarif_errors(result.stderr) == [] and json.loads(result.stderr)["runs"][0]["results"] == []
    assert result.stdout == f"reformatted {path}\n"
    assert path.read_text() == MINIMAL.read_text(encoding="utf-8")


def test_fmt_json_of_standard_input_writes_the_text_alone_on_standard_output():
    result = run_cli(["fmt", "--format", "json", "-"], input=UNFORMATTED, expect=0)
    assert result.stdout == MINIMAL.read_text(encoding="utf-8")
    assert json.loads(result.stderr)["diagnostics"] == []


def test_fmt_text_keeps_its_lines_on_standard_error(tmp_path):
    (tmp_path / "messy.bkr").write_text(UNFORMATTED)
    result = run_cli(["fmt", "--check", tmp_path / "messy.bkr"], expect=1)
    assert result.stdout == "" and result.stderr == f"would reformat {tmp_path / 'messy.bkr'}\n"


def test_a_usage_error_of_fmt_json_prints_the_empty_document_on_standard_error():
    result = run_cli(["fmt", "--format", "json", "--bogus", MINIMAL], expect=2)
    assert json.loads(result.stderr)["diagnostics"] == []
    assert result.stdout.startswith("Usage: ") and "No such option '--bogus'" in result.stdout


# stop 79, h2: a usage error under --format github is an annotation too
@pytest.mark.parametrize(
    ("command", "stream"), [("check", "stdout"), ("compile", "stderr"), ("fmt", "stderr")]
)
def test_a_usage_error_of_github_is_an_annotation_of_no_file(command, stream):
    """A pipeline step `bkrc check --format github --bogus FILE` failed (exit 2) with
    click's usage text alone: json, sarif and gitlab say it in their document, and
    github's run summary said nothing of why the step stopped. An `::error` of no
    file says it now, on the stream its annotations go to, beside the usage text."""
    extra = ["-o", "out"] if command == "compile" else []
    result = run_cli([command, "--format", "github", "--bogus", MINIMAL, *extra], expect=2)
    annotation = "::error title=bkrc::bkrc: usage error: No such option '--bogus'.\n"
    assert getattr(result, stream) == annotation if stream == "stdout" else getattr(result, stream).startswith(annotation)
    assert "Usage: " in result.stderr and "No such option '--bogus'" in result.stderr


# ------------------------------------------------------------------ a run that fails, as sarif
@pytest.mark.parametrize(
    ("args", "stream", "said"),
    [
        (["check", "MISSING"], "stdout", "bkrc: MISSING: no such file"),
        (["check", "MINIMAL", "MISSING"], "stdout", "bkrc: MISSING: no such file"),
        (["check", "MINIMAL", "--dialect", "MISSING"], "stdout", "bkrc: MISSING: no such file (the --dialect table)"),
        (["compile", "MISSING", "-o", "OUT"], "stderr", "bkrc: MISSING: no such file"),
        (["compile", "MINIMAL", "-o", "OUT", "--directory", "MISSING"], "stderr", "bkrc: MISSING: no such file (the --directory file)"),
        (["fmt", "--check", "MINIMAL", "MISSING"], "stderr", "bkrc: MISSING: no such file"),
        (["show", "MISSING"], "stderr", None),  # json only: its document is the empty one
    ],
    ids=lambda v: "-".join(a.lower() for a in v) if isinstance(v, list) else None,
)
def test_sarif_of_a_run_that_cannot_read_its_input_says_the_run_failed(tmp_path, sarif_errors, args, stream, said):
    """`bkrc check --format sarif missing.bkr` (a path a pipeline got wrong) printed,
    with exit 2, the very log of a clean run: no result, no invocation. Uploaded to
    code scanning, that reads as every alert fixed. The run's invocation now failed,
    its notification bkrc's line, as for an internal error (SARIF 2.1.0, 3.20.21)."""
    names = {"MINIMAL": str(MINIMAL), "MISSING": str(tmp_path / "missing"), "OUT": str(tmp_path / "out")}
    fmt = "json" if said is None else "sarif"
    result = run_cli([names.get(a, a) for a in args] + ["--format", fmt], expect=2)
    document = result.stdout if stream == "stdout" else result.stderr
    if said is None:
        assert json.loads(document)["diagnostics"] == []
        return
    assert sarif_errors(document) == []
    (run,) = json.loads(document)["runs"]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["message"]["text"].startswith(said.replace("MISSING", names["MISSING"]))
    clean = json.loads(run_cli(["check", "--format", "sarif", MINIMAL], expect=0).stdout)
    assert "invocations" not in clean["runs"][0]


@pytest.mark.parametrize(
    ("args", "stream"),
    [
        (["check", "MINIMAL", "MISSING"], "stdout"),
        (["compile", "MISSING", "-o", "OUT"], "stderr"),
        (["compile", "MINIMAL", "-o", "OUT", "--dialect", "MISSING"], "stderr"),
        (["fmt", "--check", "MISSING"], "stderr"),
    ],
    ids=lambda v: "-".join(a.lower() for a in v) if isinstance(v, list) else None,
)
def test_github_annotations_of_a_run_that_cannot_read_its_input_say_why_it_failed(tmp_path, args, stream):
    """`--format github` printed nothing for a FILE it could not read (exit 2): the
    pull request's checks showed a failed step and no annotation. Its line is an
    `::error` annotation now, on the stream of the diagnostics, besides bkrc's line."""
    names = {"MINIMAL": str(MINIMAL), "MISSING": str(tmp_path / "missing"), "OUT": str(tmp_path / "out")}
    result = run_cli([names.get(a, a) for a in args] + ["--format", "github"], expect=2)
    annotations = [line for line in getattr(result, stream).splitlines() if line.startswith("::")]
    (annotation,) = annotations
    assert annotation.startswith(f"::error title=bkrc::bkrc: {tmp_path / 'missing'}: no such file"), annotation
    assert f"bkrc: {tmp_path / 'missing'}: no such file" in result.stderr + result.stdout


# ------------------------------------------------------------------ a run that fails, as json
@pytest.mark.parametrize(
    ("args", "stream", "said"),
    [
        (["check", "MISSING"], "stdout", "bkrc: MISSING: no such file"),
        (["check", "MINIMAL", "MISSING"], "stdout", "bkrc: MISSING: no such file"),
        (["check", "MINIMAL", "--dialect", "MISSING"], "stdout", "bkrc: MISSING: no such file (the --dialect table)"),
        (["check", "MINIMAL", "--bogus"], "stdout", "bkrc: usage error: No such option '--bogus'"),
        (["compile", "MISSING", "-o", "OUT"], "stderr", "bkrc: MISSING: no such file"),
        (["compile", "MINIMAL", "-o", "OUT", "--directory", "MISSING"], "stderr", "bkrc: MISSING: no such file (the --directory file)"),
        (["fmt", "--check", "MINIMAL", "MISSING"], "stderr", "bkrc: MISSING: no such file"),
        (["show", "MISSING"], "stderr", "bkrc: MISSING: no such file"),
        (["init", "--cluster", "TESTSSI", "--member", "VMSYS1", "OUT"], "stderr", None),  # OUT is a folder: nothing written
    ],
    ids=lambda v: "-".join(a.lower() for a in v) if isinstance(v, list) else None,
)
def test_json_of_a_run_that_fails_says_so(tmp_path, args, stream, said):
    """`bkrc check --format json missing.bkr` (a path a pipeline got wrong) printed,
    with exit 2, the document of a clean run: `error_count` 0, no diagnostic, and
    nothing else; a step that reads only the document passed. Every document now
    says whether the run did what it was asked, as SARIF's invocation does
    (`executionSuccessful`, its error notifications): `execution_successful`,
    and `failures`, bkrc's lines (on the other stream too)."""
    names = {"MINIMAL": str(MINIMAL), "MISSING": str(tmp_path / "missing"), "OUT": str(tmp_path / "out")}
    (tmp_path / "out").mkdir()
    result = run_cli([names.get(a, a) for a in args] + ["--format", "json"], expect=2)
    document = json.loads(result.stdout if stream == "stdout" else result.stderr)
    assert document["execution_successful"] is False
    (line,) = document["failures"]
    if said is None:
        said = f"bkrc: {names['OUT']}: is a directory; nothing written"
    assert line.startswith(said.replace("MISSING", names["MISSING"])), line
    assert document["format_version"] == "1"  # an additive key: the format's version holds
    if "MINIMAL" in args and "--bogus" not in args and "--dialect" not in args:
        assert document["error_count"] == 0  # the file read is clean: only the new key tells the failure
    clean = json.loads(run_cli(["check", "--format", "json", MINIMAL], expect=0).stdout)
    assert clean["execution_successful"] is True and clean["failures"] == []
    broken = json.loads(run_cli(["check", "--format", "json", EXAMPLES / "broken" / "prodssi.bkr"], expect=1).stdout)
    assert broken["execution_successful"] is True and broken["failures"] == []  # errors found: the run did its job


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_a_formatter_bug_of_one_file_is_a_failed_run_in_the_document(monkeypatch, fmt):
    """`bkrc fmt --check` goes on past a file the formatter breaks on (FormatterBug:
    the internal error's line, exit 2), and its document said a clean run; it says
    the run failed now, with that line, as for a FILE it could not read."""
    import bkrdsl.fmt
    from bkrdsl.fmt import FormatterBug

    def broken(*_args, **_kwargs):
        raise FormatterBug("the layout broke")

    monkeypatch.setattr(bkrdsl.fmt, "format_bytes", broken)
    result = run_cli(["fmt", "--check", MINIMAL, "--format", fmt], expect=2)
    document = json.loads(result.stderr)
    if fmt == "json":
        assert document["execution_successful"] is False
        (line,) = document["failures"]
    else:
        (invocation,) = document["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is False
        line = invocation["toolExecutionNotifications"][0]["message"]["text"]
    assert line.startswith("bkrc: internal error: FormatterBug: the layout broke"), line


# ------------------------------------------------------------------ an internal error, as json or sarif
#: Each command taking --format json|sarif, the stage an internal error is forced
#: in, and the stream its document is on.
CRASHES = [
    (["check", "MINIMAL"], "bkrdsl.pipeline._analyse", "stdout"),
    (["compile", "MINIMAL", "-o", "OUT"], "bkrdsl.pipeline._analyse", "stderr"),
    (["show", "MINIMAL"], "bkrdsl.pipeline._analyse", "stderr"),
    (["init", "NEW", "--cluster", "C1", "--member", "VM1"], "bkrdsl.pipeline._analyse", "stderr"),
    (["fmt", "--check", "COPY"], "bkrdsl.fmt.format_bytes", "stderr"),
]


@pytest.mark.parametrize(
    ("args", "stage", "stream", "fmt"),
    [(*crash, fmt) for crash in CRASHES for fmt in ("json", "sarif") if (crash[0][0], fmt) != ("show", "sarif")],
    ids=lambda v: v[0] if isinstance(v, list) else None,
)
def test_an_internal_error_as_json_or_sarif_still_prints_the_document(
    monkeypatch, tmp_path, sarif_errors, args, stage, stream, fmt
):
    """An internal error printed its one line (`bkrc: internal error: ...`) and no
    document, so a pipeline's `json.load` of the stream failed: the document is
    printed (JSON's with no diagnostic, each with the run failed and why), the line on the
    other stream, exit 2 (`show` takes json only)."""
    def broken(*_args, **_kwargs):
        raise RuntimeError("a stage broke")

    monkeypatch.setattr(stage, broken)
    copy = tmp_path / "copy.bkr"
    copy.write_bytes(MINIMAL.read_bytes())
    names = {"MINIMAL": str(MINIMAL), "OUT": str(tmp_path / "out"), "NEW": str(tmp_path / "new.bkr"), "COPY": str(copy)}
    result = run_cli([names.get(a, a) for a in args] + ["--format", fmt], expect=2)
    document, other = (result.stdout, result.stderr) if stream == "stdout" else (result.stderr, result.stdout)
    assert other.startswith("bkrc: internal error: RuntimeError: a stage broke (bkrc "), other
    assert other.count("\n") == 1 and other.endswith(" please report it with the input at https://github.com/bkrdsl/bkrdsl/issues\n")
    if fmt == "json":
        assert json.loads(document) == {
            "format_version": "1",
            "diagnostics": [],
            "error_count": 0,
            "warning_count": 0,
            "execution_successful": False,  # the run failed, and says why, as SARIF's does
            "failures": [other.rstrip("\n")],
        }
        return
    assert sarif_errors(document) == []
    (run,) = json.loads(document)["runs"]
    assert run["results"] == []
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and notification["message"]["text"] == other.rstrip("\n")
    assert notification["exception"] == {"kind": "RuntimeError", "message": "a stage broke"}


def test_an_internal_error_as_text_is_its_line_alone(monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("a stage broke")

    monkeypatch.setattr("bkrdsl.pipeline._analyse", broken)
    with pytest.raises(RuntimeError):  # bkrdsl.cli.main tells it, exit 2
        run_cli(["check", MINIMAL])


def test_an_internal_error_while_the_document_is_held_prints_it_once_failed(monkeypatch, tmp_path):
    """`bkrc compile` holds its document until it knows what it finds in DIR: an
    internal error while it plans prints that document once, the run failed and
    the line among its failures, and the line on standard output."""
    def broken(*_args, **_kwargs):
        raise RuntimeError("planning broke")

    monkeypatch.setattr("bkrdsl.output.make_plan", broken)
    result = run_cli(["compile", MINIMAL, "-o", tmp_path / "out", "--format", "json"], expect=2)
    document = json.loads(result.stderr)
    assert document["diagnostics"] == [] and document["execution_successful"] is False
    assert document["failures"][0].startswith("bkrc: internal error: RuntimeError: planning broke (bkrc ")
    assert result.stdout.startswith("bkrc: internal error: RuntimeError: planning broke (bkrc ")
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------ bkrc compile --plan-format json
def plan_of(result) -> dict:
    """The `--plan-format json` document: all of standard output, and it says the exit code."""
    document = json.loads(result.stdout)
    assert document["format_version"] == "1" and document["exit_code"] == result.exit_code
    return document


def test_the_json_plan_of_a_dry_run_is_what_the_compile_then_writes(tmp_path):
    """Each file's member, kind, job and sha256 are the manifest's, as the compile
    writes it after the dry run; nothing but the document on standard output."""
    out = tmp_path / "out"
    dry = plan_of(run_cli(["compile", MINIMAL, "-o", out, "--dry-run", "--plan-format", "json"], expect=0))
    assert not out.exists()
    assert (dry["command"], dry["output"], dry["source"], dry["up_to_date"]) == ("dry-run", str(out), "minimal.bkr", False)
    assert {f["action"] for f in dry["files"]} == {"create"} and {f["reason"] for f in dry["files"]} == {"missing"}
    run_cli(["compile", MINIMAL, "-o", out], expect=0)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    planned = {f["path"]: (f["member"], f["kind"], f["job"], f["sha256"]) for f in dry["files"]}
    assert planned.pop("manifest.json")[3] == hashlib.sha256((out / "manifest.json").read_bytes()).hexdigest()
    assert planned == {f["path"]: (f["member"], f["kind"], f["job"], f["sha256"]) for f in manifest["files"]}
    assert dry["counts"] == {"create": len(manifest["files"]) + 1, "update": 0, "delete": 0, "unchanged": 0}
    again = plan_of(run_cli(["compile", MINIMAL, "-o", out, "--check", "--plan-format", "json"], expect=0))
    assert again["up_to_date"] is True and {f["reason"] for f in again["files"]} == {None}


def test_the_json_plan_of_check_says_why_each_file_is_out_of_date(tmp_path):
    """--check in a pipeline: which files, and why (changed by hand, not yet
    generated, not bkrc's, generated otherwise now, no longer generated)."""
    src, out = tmp_path / "dev.bkr", tmp_path / "out"
    text = MINIMAL.read_text(encoding="utf-8")
    src.write_text(text, encoding="utf-8")
    run_cli(["compile", src, "-o", out], expect=0)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    template = next(f["path"] for f in manifest["files"] if f["kind"] == "job-template")
    with open(out / template, "a", encoding="utf-8") as edited:
        edited.write("* mine\n")
    removed = next(f["path"] for f in manifest["files"] if f["kind"] == "submit-exec")
    (out / removed).unlink()
    assert "workers 2" in text
    src.write_text(text.replace("workers 2", "workers 3", 1), encoding="utf-8")
    result = run_cli(["compile", src, "-o", out, "--check", "--plan-format", "json"], expect=1)
    plan = plan_of(result)
    reasons = {f["path"]: (f["action"], f["reason"]) for f in plan["files"]}
    assert plan["up_to_date"] is False and plan["command"] == "check"
    assert reasons[template] == ("update", "changed-by-hand")
    assert reasons[removed] == ("create", "missing")
    assert ("create", "missing") in [reasons[p] for p in reasons if "W03" in p or "WRK03" in p]
    assert reasons["manifest.json"] == ("update", "source-changed")
    # bkrc's own line goes to standard error, beside the text diagnostics.
    assert result.stderr.endswith(f"bkrc: {out} is not up to date with {src}\n")
    # Back to two workers: the third's files are no longer generated.
    src.write_text(text, encoding="utf-8")
    run_cli(["compile", src, "-o", out, "--force"], expect=0)
    src.write_text(text.replace("workers 2", "workers 3", 1), encoding="utf-8")
    run_cli(["compile", src, "-o", out], expect=0)
    src.write_text(text, encoding="utf-8")
    plan = plan_of(run_cli(["compile", src, "-o", out, "--check", "--plan-format", "json"], expect=1))
    gone = [f for f in plan["files"] if f["action"] == "delete"]
    assert gone and {f["reason"] for f in gone} == {"no-longer-generated"} and {f["sha256"] for f in gone} == {None}
    assert all(f["kind"] == "directory" for f in gone)


def test_the_json_plan_names_a_file_bkrc_did_not_write(tmp_path):
    out = tmp_path / "out"
    dry = plan_of(run_cli(["compile", MINIMAL, "-o", out, "--dry-run", "--plan-format", "json"], expect=0))
    (out / "cluster").mkdir(parents=True)
    path = next(f["path"] for f in dry["files"] if f["path"].startswith("cluster/"))
    (out / path).write_text("* the site's own\n", encoding="utf-8")
    (out / "manifest.json").write_text(json.dumps({"format_version": "1", "source": "minimal.bkr", "files": []}))
    result = run_cli(["compile", MINIMAL, "-o", out, "--dry-run", "--plan-format", "json"], expect=2)
    plan = plan_of(result)
    assert {f["path"]: f["reason"] for f in plan["files"]}[path] == "not-written-by-bkrc"
    assert plan["failures"][0] == "bkrc: these files were not written by bkrc, and bkrc would overwrite them:"
    assert result.stderr == "".join(line + "\n" for line in plan["failures"])


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
@pytest.mark.parametrize(
    ("case", "code"),
    [("missing-file", 2), ("input-errors", 1), ("missing-dialect", 2), ("internal-error", 2)],
)
def test_the_json_plan_is_all_of_standard_output_whatever_stops_the_run(tmp_path, monkeypatch, fmt, case, code):
    """Every run past the command line prints the document (no plan in it when the
    run stopped before it planned), its failures bkrc's lines; with --format json or
    sarif standard error is their document alone, else it holds bkrc's lines."""
    args = [MINIMAL, "-o", tmp_path / "out", "--check", "--plan-format", "json", "--format", fmt]
    if case == "missing-file":
        args[0] = tmp_path / "nope.bkr"
    elif case == "input-errors":
        args[0] = EXAMPLES / "broken" / "prodssi.bkr"
    elif case == "missing-dialect":
        args += ["--dialect", tmp_path / "nope.toml"]
    else:
        def broken(*_args, **_kwargs):
            raise RuntimeError("planning broke")

        monkeypatch.setattr("bkrdsl.output.make_plan", broken)
    result = run_cli(["compile", *args], expect=code)
    plan = plan_of(result)
    assert (plan["files"], plan["up_to_date"], plan["counts"]) == (None, None, None)
    (failure,) = plan["failures"]
    assert failure.startswith("bkrc: ") and "Traceback" not in result.output
    if case == "internal-error":
        assert failure.startswith("bkrc: internal error: RuntimeError: planning broke (bkrc ")
    if fmt == "text":
        assert result.stderr.endswith(failure + "\n")
    else:  # standard error is the diagnostics' document alone
        assert json.loads(result.stderr) is not None
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        ([], "--plan-format json is for --dry-run or --check"),
        (["--diff"], "--plan-format json cannot be used with --diff"),
        (["--check", "--diff"], "--plan-format json cannot be used with --diff"),
    ],
)
def test_the_json_plan_needs_a_plan_and_no_diff(tmp_path, flags, said):
    result = run_cli(["compile", MINIMAL, "-o", tmp_path / "out", "--plan-format", "json", *flags], expect=2)
    assert said in result.output and not (tmp_path / "out").exists()


# stop 75, h1: a warning a `# bkrc: allow` set aside is a SARIF result with an in-source
# suppression (its reason the justification), valid by the schema.
def test_h1_75_an_allowed_warning_is_a_suppressed_sarif_result(sarif_errors):
    text = (DATA / "rules" / "BKR227.fail-letters.bkr").read_text(encoding="utf-8")
    text = text.replace("job MONINC {  # expect: BKR227", "job MONINC {  # bkrc: allow BKR227 our templates' names")
    result = run_cli(["check", "--format", "sarif", "-"], input=text, expect=0)
    assert sarif_errors(result.output) == []
    (found,) = json.loads(result.output)["runs"][0]["results"]
    (suppression,) = found["suppressions"]
    assert (found["ruleId"], suppression["kind"], suppression["justification"]) == (
        "BKR227",
        "inSource",
        "our templates' names",
    )
    assert suppression["location"]["physicalLocation"]["region"]["startLine"] == 12


# stop 79, h2's walk: an interruption before the command can answer it
@pytest.mark.parametrize(("command", "stream"), [("show", "stderr"), ("check", "stdout"), ("compile", "stderr")])
def test_sigterm_before_the_command_runs_prints_the_document_of_a_failed_run(monkeypatch, command, stream, tmp_path):
    """SIGTERM while the command's module was imported or its command line read (the
    first part of a second, where a cancelled job's signal often lands): the group
    said `bkrc: terminated` (143) and no document was printed. In a document format
    the command line names, the document of a run that failed now, the line on the
    other stream."""
    import signal

    from bkrdsl.cli import cli

    found = cli.get_command(None, command)

    def reading(*args, **kwargs):
        signal.raise_signal(signal.SIGTERM)

    monkeypatch.setattr(found, "make_context", reading)
    extra = ["-o", str(tmp_path / "out")] if command == "compile" else []
    result = run_cli([command, "--format", "json", MINIMAL, *extra], expect=143)
    document = json.loads(getattr(result, stream))
    assert document["execution_successful"] is False and document["failures"] == ["bkrc: terminated"]
    other = result.stdout if stream == "stderr" else result.stderr
    assert other == "bkrc: terminated\n"


# stop 80, h1: a SIGTERM while bkrc starts, before the group could answer it
STARTING = r"""
import os, signal, sys

KILLS = int(sys.argv[1])  # how many SIGTERMs: the first while click is imported, again at each import of it


class Terminate:
    '''Sends SIGTERM to bkrc at its import of click: while the entry point imports
    the command line (`bkrdsl.__main__`), where a cancelled job's signal lands.'''

    def find_spec(self, name, path=None, target=None):
        global KILLS
        if name == "click" and KILLS:
            KILLS -= 1
            os.kill(os.getpid(), signal.SIGTERM)
        return None


sys.meta_path.insert(0, Terminate())
sys.argv = ["bkrc", *sys.argv[2:]]
from bkrdsl.__main__ import main

main()
"""


@pytest.mark.parametrize(
    ("command", "stream"),
    [(["check", "--format", "json"], "stdout"), (["compile", "--format", "sarif", "-o", "OUT"], "stderr"), (["check"], None)],
)
def test_sigterm_while_bkrc_starts_is_answered_as_later(tmp_path, command, stream):
    """SIGTERM while the entry point imports click and the command line (the first
    tenth of a second or so, where `timeout` or a cancelled job's signal lands) ended
    the process as Python's default does, no line and no document (exit -15): the
    handler was put in place by the group, once everything was imported. It is now
    bkrc's first act (`bkrdsl.__main__`), so the run ends as one stopped later does:
    `bkrc: terminated`, 143, and in a document format the document of a run that
    failed on its stream, the line on the other."""
    import subprocess
    import sys

    args = [str(tmp_path / "out") if word == "OUT" else word for word in command]
    run = subprocess.run(
        [sys.executable, "-c", STARTING, "1", *args, str(MINIMAL)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 143, (run.returncode, run.stdout, run.stderr)
    assert "Traceback" not in run.stdout + run.stderr
    if stream is None:  # the text format: the line alone
        assert (run.stdout, run.stderr) == ("", "bkrc: terminated\n")
        return
    document = json.loads(getattr(run, stream))
    other = run.stderr if stream == "stdout" else run.stdout
    assert other == "bkrc: terminated\n"
    if "sarif" in command:
        (invocation,) = document["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is False
    else:
        assert document["execution_successful"] is False and document["failures"] == ["bkrc: terminated"]
    assert not (tmp_path / "out").exists()


def test_a_second_sigterm_while_bkrc_answers_the_first_one_as_it_starts_still_says_it(tmp_path):
    """A second SIGTERM while bkrc imports what it needs to print the document of the
    first: the line alone, exit 143, never a traceback."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-c", STARTING, "2", "check", "--format", "json", str(MINIMAL)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (run.returncode, run.stdout, run.stderr) == (143, "", "bkrc: terminated\n")


# stop 80, h1's walk: `> /dev/full` where the document is standard error's
@pytest.mark.parametrize(
    ("args", "fmt"),
    [
        (["fmt", "--check", "NOPE"], "json"),  # its `no such file` line, on standard output
        (["show", str(MINIMAL), "--directory", "NOPE"], "json"),
        (["init", "-", "--cluster", "PRODSSI", "--member", "VMSYS1"], "json"),  # the file, on standard output
        (["init", "-", "--cluster", "PRODSSI", "--member", "VMSYS1"], "sarif"),
        (["compile", str(MINIMAL), "-o", "UP-TO-DATE"], "json"),  # `DIR is up to date`
        (["compile", str(MINIMAL), "-o", "OUT", "--dry-run", "--plan-format", "json"], "json"),  # the plan
        (["compile", str(MINIMAL), "-o", "UP-TO-DATE", "--check", "--plan-format", "json"], "gitlab"),
    ],
    ids=["fmt", "show", "init", "init-sarif", "compile", "compile-plan", "compile-check-plan"],
)
def test_a_standard_output_that_cannot_be_written_is_in_the_document_not_an_internal_error(tmp_path, args, fmt):
    """`bkrc ... --format json > /dev/full 2> diagnostics.json`, for a command whose
    document is standard error's: DocumentCommand took the OSError for a bug (`bkrc:
    internal error: OSError: [Errno 28] ...; please report it`) in the document, and
    the group's `cannot write to standard output` line after it made standard error
    no JSON; compile's plan (`--plan-format json`) came after a document that said a
    clean run. Now the document says the run failed, and why, alone; exit 2."""
    import os
    import subprocess
    import sys

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    up_to_date = tmp_path / "up-to-date"
    run_cli(["compile", MINIMAL, "-o", up_to_date], expect=0)
    words = {"NOPE": str(tmp_path / "nope"), "OUT": str(tmp_path / "out"), "UP-TO-DATE": str(up_to_date)}
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "bkrdsl", *[words.get(a, a) for a in args], "--format", fmt],
            stdout=full, stderr=subprocess.PIPE, text=True, check=False,
        )
    assert run.returncode == 2, run.stderr
    assert "internal error" not in run.stderr
    document = json.loads(run.stderr)
    said = "bkrc: cannot write to standard output: No space left on device"
    if fmt == "json":
        assert document["execution_successful"] is False and document["failures"] == [said]
    elif fmt == "sarif":
        (invocation,) = document["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is False
        assert said in json.dumps(invocation)
    else:  # gitlab: an issue of no source line
        assert said in json.dumps(document)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["compile", "show"])
def test_a_standard_output_that_cannot_be_written_after_a_failed_run_s_document_adds_nothing_after_it(tmp_path, command):
    """A FILE not read prints the document of a failed run, then its `no such file`
    line on standard output (the document is standard error's): `> /dev/full` made
    the group's `cannot write to standard output` line follow the document, no JSON.
    The document already says the run failed (exit 2): nothing is added."""
    import os
    import subprocess
    import sys

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    nope = tmp_path / "nope.bkr"
    extra = ["-o", str(tmp_path / "out")] if command == "compile" else []
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "bkrdsl", command, str(nope), *extra, "--format", "json"],
            stdout=full, stderr=subprocess.PIPE, text=True, check=False,
        )
    assert run.returncode == 2, run.stderr
    document = json.loads(run.stderr)
    assert document["execution_successful"] is False
    (failure,) = document["failures"]
    assert failure.startswith(f"bkrc: {nope}: no such file")


# stop 80, h1's walk: `| head -c0` where the document is standard error's
@pytest.mark.parametrize(
    "args",
    [
        ["compile", str(MINIMAL), "-o", "OUT"],  # its `wrote` line, before the swap
        ["compile", str(MINIMAL), "-o", "OUT", "--dry-run", "--plan-format", "json"],
        ["show", str(MINIMAL)],
        ["init", "-", "--cluster", "PRODSSI", "--member", "VMSYS1"],
        ["fmt", "--check", "NOPE"],  # its `no such file` line
    ],
    ids=["compile", "compile-plan", "show", "init", "fmt"],
)
@pytest.mark.parametrize("same_pipe", [False, True], ids=["2>doc", "2>&1"])
def test_a_reader_of_standard_output_gone_still_leaves_the_document(tmp_path, args, same_pipe):
    """`bkrc compile ... --format json 2> diagnostics.json | head -c0`: bkrc stopped
    quietly (141) with both streams silenced, and diagnostics.json was left empty,
    which no JSON reader parses. The document is printed first now, saying the run
    failed and why, where standard error is not that same pipe (`2>&1 | head`:
    quiet, as before); DIR is not written."""
    import os
    import subprocess
    import sys

    read, write = os.pipe()
    os.close(read)
    words = {"NOPE": str(tmp_path / "nope.bkr"), "OUT": str(tmp_path / "out")}
    try:
        run = subprocess.run(
            [sys.executable, "-m", "bkrdsl", *[words.get(a, a) for a in args], "--format", "json"],
            stdout=write, stderr=write if same_pipe else subprocess.PIPE, text=True, check=False,
        )
    finally:
        os.close(write)
    assert run.returncode == 141
    assert not (tmp_path / "out").exists()
    if same_pipe:
        return
    document = json.loads(run.stderr)
    assert document["execution_successful"] is False
    assert document["failures"] == [
        "bkrc: the program reading standard output closed it before bkrc had written all of it"
    ]


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_compile_of_an_input_with_errors_whose_line_standard_output_cannot_take_says_so_in_its_document(tmp_path, fmt):
    """`bkrc compile broken.bkr --format json > /dev/full 2> diagnostics.json`: the
    document of the errors was printed at once, then `nothing written` on standard
    output failed and the group's line followed the document, no JSON. It is held
    until that line now, as a clean input's is: the errors, and the failure."""
    import os
    import subprocess
    import sys

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    broken = tmp_path / "broken.bkr"
    broken.write_text("cluster X {\n  member\n", encoding="utf-8")
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "bkrdsl", "compile", str(broken), "-o", str(tmp_path / "out"), "--format", fmt],
            stdout=full, stderr=subprocess.PIPE, text=True, check=False,
        )
    assert run.returncode == 2, run.stderr
    document = json.loads(run.stderr)
    said = "bkrc: cannot write to standard output: No space left on device"
    if fmt == "json":
        assert document["error_count"] >= 1 and document["diagnostics"]
        assert document["execution_successful"] is False and document["failures"] == [said]
    else:
        run_ = document["runs"][0]
        assert run_["results"] and run_["invocations"][0]["executionSuccessful"] is False
        assert said in json.dumps(run_["invocations"])
    assert not (tmp_path / "out").exists()
