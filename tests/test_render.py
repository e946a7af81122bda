"""Every output format, as the user gets it from `bkrc check --format ...`.

Snapshots (syrupy) of all five formats for a file with several errors and for a
clean file; the SARIF output checked against the key parts of SARIF 2.1.0, the
JSON output against the CLI contract (docs/diagnostics.md, which the last tests
hold to what bkrc prints). Read a changed snapshot before accepting it with
`pytest --snapshot-update`.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import EXAMPLES, run_cli

from bkrdsl import __version__
from bkrdsl.diagnostics.registry import load_all
from bkrdsl.pipeline import analyse

FORMATS = ["text", "short", "json", "sarif", "github"]

# Six independent mistakes, two with a second place involved (a related span). The last
# job's `to tape` is lined up with `job`: where the job ends is a guess, so BKR005's `}`
# is a choice (with its body indented, the file says where it ends: a fix).
SEVERAL_ERRORS = """\
cluster PRODSSI {
  member VMSYS1 { wokers 4 } }
  member VMSYS2 { workers 4 }
  job APPSFULL {
    backup APPS full
    run on
  }
  job SYSINC {
    backup SYSIDS incremental
    run on each member weekly 03:00
  }
  job "NIGHTLY" {
  to tape
"""


@pytest.fixture
def files(tmp_path, monkeypatch):
    """The two inputs under short relative names, so the output is the same everywhere."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "several.bkr").write_text(SEVERAL_ERRORS, encoding="utf-8")
    (tmp_path / "clean.bkr").write_bytes((EXAMPLES / "minimal.bkr").read_bytes())
    return tmp_path


def check(fmt: str, name: str, expect: int) -> str:
    result = run_cli(["check", "--format", fmt, name], expect=expect)
    return result.stdout.replace(__version__, "<version>")


@pytest.mark.parametrize("fmt", FORMATS)
def test_several_errors(files, fmt, snapshot):
    assert check(fmt, "several.bkr", 1) == snapshot


@pytest.mark.parametrize("fmt", FORMATS)
def test_clean_file(files, fmt, snapshot):
    assert analyse("clean.bkr", (files / "clean.bkr").read_bytes()).diagnostics == [], (
        "the example must check clean"
    )
    assert check(fmt, "clean.bkr", 0) == snapshot


def test_several_errors_really_are_several(files):
    found = analyse("several.bkr", SEVERAL_ERRORS.encode()).diagnostics
    assert len(found) >= 6
    assert sum(1 for d in found if d.related) >= 2


# ------------------------------------------------------------------ JSON (docs/diagnostics.md)
DIAGNOSTIC_KEYS = {
    "code",
    "severity",
    "message",
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "help",
    "related",
    "fix",
    "choices",
}
SPAN_KEYS = {"file", "line", "column", "end_line", "end_column"}


@pytest.mark.parametrize("name", ["several.bkr", "clean.bkr"])
def test_json_follows_the_contract(files, name):
    out = json.loads(check("json", name, 1 if name == "several.bkr" else 0))
    assert set(out) == {"format_version", "diagnostics", "error_count", "warning_count", "execution_successful", "failures"}
    assert out["format_version"] == "1"
    assert out["execution_successful"] is True and out["failures"] == []  # exit 0 or 1: the run did what it was asked
    registry = load_all()
    for d in out["diagnostics"]:
        assert set(d) == DIAGNOSTIC_KEYS
        assert d["code"] in registry and d["severity"] in ("error", "warning", "note")
        assert isinstance(d["message"], str) and d["message"]
        assert d["help"] is None or isinstance(d["help"], str)
        positioned(d)
        for r in d["related"]:
            assert set(r) == SPAN_KEYS | {"message"}
            positioned(r)
        assert isinstance(d["choices"], list) and not (d["fix"] and d["choices"])  # a choice is never with a fix
        for fix in [d["fix"]] * (d["fix"] is not None) + d["choices"]:
            keys = {"title", "edits"} if fix is d["fix"] else {"title", "edits", "preferred"}
            assert set(fix) == keys and fix["title"] and fix["edits"]
            assert fix is d["fix"] or isinstance(fix["preferred"], bool)
            for e in fix["edits"]:
                assert set(e) == SPAN_KEYS | {"new_text"} and isinstance(e["new_text"], str)
                positioned(e)
    if name == "several.bkr":
        # `workers` misspelt, and the job's name in quotes (h8: its fix removes them)
        fixed, unquoted = [d for d in out["diagnostics"] if d["fix"] is not None]
        assert unquoted["fix"] == {
            "title": "Remove the quotes",
            "edits": [
                {"file": "several.bkr", "line": 12, "column": 7, "end_line": 12, "end_column": 16, "new_text": "NIGHTLY"}
            ],
        }
        assert fixed["fix"] == {
            "title": "Write `workers`",
            "edits": [
                {"file": "several.bkr", "line": 2, "column": 19, "end_line": 2, "end_column": 25, "new_text": "workers"}
            ],
        }
        # `job "NIGHTLY" {` never closed: BKR005's `}` at the end, a choice (where the block ends is a guess)
        # (`weekly 03:00`'s day left out: each day a choice, BKR010)
        (unclosed,) = [d for d in out["diagnostics"] if d["choices"] and d["code"] != "BKR010"]
        assert unclosed["code"] == "BKR005" and unclosed["fix"] is None
        assert unclosed["choices"] == [
            {
                "title": "Insert `}` to end `job NIGHTLY`",
                "edits": [
                    {"file": "several.bkr", "line": 14, "column": 1, "end_line": 14, "end_column": 1, "new_text": "  }\n"}
                ],
                "preferred": False,  # at the end of the file (before a statement the server offers it first)
            }
        ]
    assert out["error_count"] == sum(d["severity"] == "error" for d in out["diagnostics"])
    assert out["warning_count"] == sum(d["severity"] == "warning" for d in out["diagnostics"])


def positioned(span: dict) -> None:
    """1-based lines and columns, the end not before the start."""
    assert span["file"] and all(isinstance(span[k], int) for k in SPAN_KEYS - {"file"})
    assert span["line"] >= 1 and span["column"] >= 1
    assert (span["end_line"], span["end_column"]) >= (span["line"], span["column"])


# ------------------------------------------------------------------ SARIF 2.1.0
@pytest.mark.parametrize("name", ["several.bkr", "clean.bkr"])
def test_sarif_has_the_shape_of_2_1_0(files, name):
    log = json.loads(check("sarif", name, 1 if name == "several.bkr" else 0))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "bkrc" and driver["version"] == "<version>"
    rules = driver["rules"]
    assert isinstance(rules, list)
    for rule in rules:
        assert rule["id"].startswith("BKR")
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert len({r["id"] for r in rules}) == len(rules)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note", "none")
        assert result["message"]["text"]
        (location,) = result["locations"]
        sarif_location(location)
        for i, related in enumerate(result.get("relatedLocations", [])):
            assert related["id"] == i and related["message"]["text"]
            sarif_location(related)
        for fix in result.get("fixes", []):
            assert fix["description"]["text"]
            for change in fix["artifactChanges"]:
                assert change["artifactLocation"]["uri"] == location["physicalLocation"]["artifactLocation"]["uri"]
                for replacement in change["replacements"]:
                    sarif_location({"physicalLocation": {"artifactLocation": {"uri": "-"}, "region": replacement["deletedRegion"]}})
                    assert isinstance(replacement["insertedContent"]["text"], str)
    if name == "several.bkr":
        assert {r["ruleId"] for r in run["results"]} == {r["id"] for r in rules}
        assert any("relatedLocations" in r for r in run["results"])
        # `workers`; `job "NIGHTLY"`; its `{` never closed, whose `}` is a choice (BKR005);
        # not `weekly 03:00`, its day left out, each day a choice (BKR010)
        fixed, unquoted, unclosed = [r for r in run["results"] if "fixes" in r and r["ruleId"] != "BKR010"]
        assert unclosed["ruleId"] == "BKR005"
        assert [f["description"]["text"] for f in unclosed["fixes"]] == ["Insert `}` to end `job NIGHTLY`"]
        assert unclosed["fixes"][0]["properties"] == {"choice": True, "preferred": False}  # not a certain fix
        assert "properties" not in unquoted["fixes"][0]  # a machine fix: `--fix` applies it
        assert unquoted["fixes"][0]["description"] == {"text": "Remove the quotes"}
        assert fixed["fixes"] == [
            {
                "description": {"text": "Write `workers`"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": "several.bkr"},
                        "replacements": [
                            {
                                "deletedRegion": {"startLine": 2, "startColumn": 19, "endLine": 2, "endColumn": 25},
                                "insertedContent": {"text": "workers"},
                            }
                        ],
                    }
                ],
            }
        ]
    else:
        assert run["results"] == [] and rules == []


def test_sarif_lines_are_those_bkrc_counts_in_a_file_with_cr_line_ends(tmp_path, monkeypatch):
    # bkrc ends a line at CRLF, LF or a lone CR; a SARIF reader ends one at each of
    # the run's newlineSequences (CRLF and LF when there are none), taken in order.
    monkeypatch.chdir(tmp_path)
    data = b"cluster PRODSSI {\r  member VMSYS1 { wokers 4 }\r}\r"
    (tmp_path / "cr.bkr").write_bytes(data)
    (run,) = json.loads(check("sarif", "cr.bkr", 1))["runs"]
    breaks = run.get("newlineSequences", ["\r\n", "\n"])
    lines = re.split("|".join(map(re.escape, breaks)), data.decode())
    (result,) = run["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == region["endLine"] == 2 <= len(lines)
    assert lines[region["startLine"] - 1][region["startColumn"] - 1 : region["endColumn"] - 1] == "wokers"


def sarif_location(location: dict) -> None:
    physical = location["physicalLocation"]
    assert physical["artifactLocation"]["uri"]
    region = physical["region"]
    assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])


# ------------------------------------------------------------------ GitHub annotations
def test_github_annotations_are_one_line_each(files):
    out = check("github", "several.bkr", 1)
    lines = out.splitlines()
    assert len(lines) == len(analyse("several.bkr", SEVERAL_ERRORS.encode()).diagnostics)
    for line in lines:
        assert line.startswith("::error file=several.bkr,line=")
        assert ",title=BKR0" in line and "::" in line[2:]


# ------------------------------------------------------------------ docs/diagnostics.md
def _doc_samples() -> dict[str, str]:
    """The fenced samples of docs/diagnostics.md under their section's format."""
    import re

    from conftest import ROOT

    text = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    out = {}
    for section in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        fmt = section.split()[0]
        found = re.search(r"^```(?:text|json)\n(.*?)^```", section, flags=re.MULTILINE | re.DOTALL)
        if found:
            out[fmt] = found.group(1)
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_samples_in_the_docs_are_what_bkrc_prints(fmt, monkeypatch):
    from conftest import ROOT, shortened

    monkeypatch.chdir(ROOT)
    sample = _doc_samples()[fmt]
    printed = run_cli(["check", "--format", fmt, "examples/broken/prodssi.bkr"], expect=1).stdout
    if fmt == "sarif":
        assert shortened(json.loads(sample), json.loads(printed))
    elif fmt == "json":
        shown, got = json.loads(sample), json.loads(printed)
        assert set(shown) == set(got)
        (one,) = shown["diagnostics"]
        assert one in got["diagnostics"]
        assert set(one) == DIAGNOSTIC_KEYS and all(set(r) == SPAN_KEYS | {"message"} for r in one["related"])
    else:
        assert sample in printed


def test_the_commands_shown_in_the_docs_print_what_they_show(monkeypatch):
    """Each ```text block of docs/diagnostics.md that opens with `$ bkrc ...` is
    what that command prints (a module's summary line, clean)."""
    import shlex

    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    text = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```text\n\$ (bkrc .*?)\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    commands = [command for command, _ in blocks]
    assert commands == ["bkrc check --format short slips.bkr", "bkrc check examples/site/common.bkr"]
    for command, shown in blocks:
        if command.endswith(" slips.bkr"):
            continue  # the page's own file, below it (stop 83): test_docs_transcripts writes and runs it
        assert run_cli(shlex.split(command)[1:], expect=0).stdout == shown


def test_the_fix_sample_in_the_docs_is_what_bkrc_prints(tmp_path, monkeypatch):
    """docs/diagnostics.md, "Fixes": the `fix` shown for `catalog sharedserver` in a
    copy of examples/prodssi.bkr is the one `bkrc check --format json` gives it."""
    from conftest import ROOT

    text = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    (sample,) = re.findall(r"^```\n(\"fix\": \{.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    shown = json.loads("{" + sample + "}")["fix"]
    source = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    assert source.count("catalog shared server") == 1
    (tmp_path / "prodssi.bkr").write_text(source.replace("catalog shared server", "catalog sharedserver"))
    monkeypatch.chdir(tmp_path)
    printed = json.loads(run_cli(["check", "--format", "json", "prodssi.bkr"], expect=1).stdout)
    assert [d["fix"] for d in printed["diagnostics"] if d["fix"]] == [shown]


def test_the_docs_name_every_json_key():
    from conftest import ROOT

    text = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    for key in DIAGNOSTIC_KEYS | {"format_version", "error_count", "warning_count", "execution_successful", "failures"}:
        assert f"`{key}`" in text, key


# --- h1 (stop 63)
def _applied(text: str, edits: list[tuple[int, int, int, int, str]]) -> str:
    """`text` with the edits applied as a reader of the document would: each place by its
    1-based line and column (code points), from the last to the first."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    for line, column, end_line, end_column, new_text in sorted(edits, reverse=True):
        start, end = starts[line - 1] + column - 1, starts[end_line - 1] + end_column - 1
        text = text[:start] + new_text + text[end:]
    return text


def test_the_choices_a_help_offers_are_in_json_and_sarif(tmp_path, monkeypatch):
    """`daily sun 01:00` (BKR004): the help offers `daily 01:00` or `weekly sun 01:00`,
    two mends no `--fix` applies (`Diagnostic.choices`). JSON lists both under
    `choices`, `fix` null; SARIF gives them as the result's `fixes`, in the help's
    order; each, applied to the text, gives a file that checks clean."""
    source = (EXAMPLES / "minimal.bkr").read_text(encoding="utf-8")
    assert source.count("run on DEV1 daily 01:00") == 1
    text = source.replace("run on DEV1 daily 01:00", "run on DEV1 daily sun 01:00")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "daily.bkr").write_text(text, encoding="utf-8")
    wanted = ["run on DEV1 daily 01:00", "run on DEV1 weekly sun 01:00"]

    (d,) = json.loads(check("json", "daily.bkr", 1))["diagnostics"]
    assert d["code"] == "BKR004" and d["fix"] is None
    assert [c["title"] for c in d["choices"]] == ["Write `daily 01:00`", "Write `weekly sun 01:00`"]
    assert [c["preferred"] for c in d["choices"]] == [False, False]  # neither before the other
    from_json = [
        _applied(text, [(e["line"], e["column"], e["end_line"], e["end_column"], e["new_text"]) for e in c["edits"]])
        for c in d["choices"]
    ]

    (run,) = json.loads(check("sarif", "daily.bkr", 1))["runs"]
    (result,) = run["results"]
    assert [f["description"]["text"] for f in result["fixes"]] == [c["title"] for c in d["choices"]]
    # each says it is a choice, so that a tool applying `fixes[0]` leaves it alone
    assert [f["properties"] for f in result["fixes"]] == [{"choice": True, "preferred": False}] * 2
    from_sarif = []
    for fix in result["fixes"]:
        (change,) = fix["artifactChanges"]
        assert change["artifactLocation"]["uri"] == "daily.bkr"
        edits = [
            (*(r["deletedRegion"][k] for k in ("startLine", "startColumn", "endLine", "endColumn")), r["insertedContent"]["text"])
            for r in change["replacements"]
        ]
        from_sarif.append(_applied(text, edits))

    assert from_json == from_sarif == [source.replace("run on DEV1 daily 01:00", line) for line in wanted]
    for mended in from_json:
        assert analyse("daily.bkr", mended.encode()).diagnostics == []



# --- h4 (stop 67)
#: A comment holding what a terminal or a log acts on: ESC ] ... BEL (retitles a
#: terminal), ESC [ 2 J (clears it), CSI's one-character form U+009B, NEL, U+2028,
#: U+202E, DEL, and what a workflow command reads (`%0A`, `::`, `,`); BKR012's help
#: quotes it (`days#x...`), BKR023's message and help too.
_ACTING = "\x1b]0;T\x07\x1b[2J\x9b31m\x7f\x85\u2028\u202e%0A::set-output x,y:z"


def _acting_file() -> str:
    source = (EXAMPLES / "minimal.bkr").read_text(encoding="utf-8")
    return source.replace("retain 30 days", "retain 30 days#x" + _ACTING).replace(
        "backup SYSTEM full", "backup SYSTEM full # c" + _ACTING
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_writes_a_character_a_terminal_acts_on_from_a_comment(fmt):
    """Every format of `bkrc check`, for a comment that a message and a help quote:
    no ESC, BEL, DEL, C1 control, line separator or bidirectional override raw
    (text, short, github write it `<U+XXXX>`, as the text format's message does;
    json and sarif as JSON's `\\u` escape, the same string to their reader)."""
    from bkrdsl.diagnostics.render import render
    from bkrdsl.terminal import ACTED_ON

    analysis = analyse("c.bkr", _acting_file().encode())
    # BKR024 (h7, stop 68): the comments' control and bidi characters, which it quotes none of
    assert {d.code for d in analysis.diagnostics} == {"BKR012", "BKR023", "BKR024"}
    assert any("\x1b" in (d.help or "") for d in analysis.diagnostics)
    assert any("\u202e" in d.message for d in analysis.diagnostics)
    out = render(fmt, analysis.diagnostics, analysis.sources)
    assert not set(out) & (ACTED_ON - {"\n"}), sorted(set(out) & ACTED_ON)
    if fmt in ("json", "sarif"):
        doc = json.loads(out)
        if fmt == "json":
            said = [(d["message"], d["help"]) for d in doc["diagnostics"]]
        else:
            said = [tuple(r["message"]["text"].split("\nhelp: ", 1)) for r in doc["runs"][0]["results"]]
        assert said == [(d.message, d.help) for d in analysis.diagnostics]  # nothing lost
    if fmt == "github":
        lines = out.splitlines()
        assert len(lines) == len(analysis.diagnostics)
        for line, d in zip(lines, analysis.diagnostics):
            head, _, data = line.partition("::")[2].partition("::")
            assert head.endswith(f"title={d.code}")
            # the user's `%0A` stays text, never a line end of the annotation
            assert "%250A::set-output" in data and "%0A::set-output" not in data.replace("%250A", "")
            assert "<U+001B>]0;T<U+0007>" in data or "<U+202E>" in data or d.code == "BKR024"


def test_a_file_name_holding_a_control_is_written_visibly_in_every_format(tmp_path):
    """A FILE's own name (`a` ESC `[2J` U+009B `,:.bkr`) in a frame's `-->` line, a short
    line, an annotation's `file=` and the error limit's note: `<U+XXXX>`, as bkrc's
    lines that name a FILE write it; json and sarif keep the name (`\\u` escapes, a URI)."""
    from bkrdsl.diagnostics.render import render
    from bkrdsl.terminal import ACTED_ON

    name = "a\x1b[2Jb\x9b,:.bkr"
    analysis = analyse(name, SEVERAL_ERRORS.encode())
    for fmt in FORMATS:
        out = render(fmt, analysis.diagnostics, analysis.sources, max_errors=1)
        assert not set(out) & (ACTED_ON - {"\n"}), (fmt, sorted(set(out) & ACTED_ON))
        if fmt in ("text", "short", "github"):
            assert "a<U+001B>[2Jb<U+009B>" in out
    assert json.loads(render("json", analysis.diagnostics, analysis.sources))["diagnostics"][0]["file"] == name


# stop 77, h12: --format gitlab, GitLab's Code Quality report
GITLAB_KEYS = {"description", "check_name", "fingerprint", "severity", "location"}
GITLAB_SEVERITY = {"error": "major", "warning": "minor", "note": "info"}


def test_gitlab_report_has_the_fields_gitlab_reads(files):
    """One issue per diagnostic, in text's order: the message and help, the code, a
    SHA-256 fingerprint (each its own), the severity mapped, the path as given and
    the lines the diagnostic starts and ends on."""
    diagnostics = analyse("several.bkr", SEVERAL_ERRORS.encode()).diagnostics
    issues = json.loads(check("gitlab", "several.bkr", 1))
    assert isinstance(issues, list) and len(issues) == len(diagnostics) == 6
    for issue, d in zip(issues, diagnostics):
        assert set(issue) == GITLAB_KEYS
        assert issue["description"] == d.message + (f"\nhelp: {d.help}" if d.help else "")
        assert issue["check_name"] == d.code
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
        assert issue["severity"] == GITLAB_SEVERITY[d.severity.value]
        assert issue["location"] == {"path": "several.bkr", "lines": {"begin": d.span.line, "end": d.span.end_line}}
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert check("gitlab", "several.bkr", 1) == check("gitlab", "several.bkr", 1)  # deterministic
    assert check("gitlab", "clean.bkr", 0) == "[]\n"


def test_gitlab_fingerprints_stay_when_a_line_is_inserted_above(files):
    """A comment and a blank line inserted at the top move every issue down two lines
    and change no fingerprint: GitLab does not take them for new issues."""
    before = json.loads(check("gitlab", "several.bkr", 1))
    (files / "several.bkr").write_text("# the site's cluster\n\n" + SEVERAL_ERRORS, encoding="utf-8")
    after = json.loads(check("gitlab", "several.bkr", 1))
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    assert [i["location"]["lines"]["begin"] for i in after] == [i["location"]["lines"]["begin"] + 2 for i in before]
    # the line itself changed: its issue is another one
    (files / "several.bkr").write_text(SEVERAL_ERRORS.replace("wokers 4", "wokers 6"), encoding="utf-8")
    changed = json.loads(check("gitlab", "several.bkr", 1))
    assert [i["fingerprint"] == j["fingerprint"] for i, j in zip(changed, before)] == [False] + [True] * 5


def test_gitlab_fingerprints_of_the_same_slip_on_identical_lines_differ():
    """GitLab shows one issue per fingerprint: two identical lines with the same
    slip are two issues, the second's rank hashed with it; the first keeps the
    fingerprint it has alone."""
    from bkrdsl.diagnostics.render import render

    text = (EXAMPLES / "minimal.bkr").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if "retain" in x)
    slip = line.replace("retain", "retian")
    once = analyse("twice.bkr", text.replace(line, slip, 1).encode())
    twice = analyse("twice.bkr", text.replace(line, slip + "\n" + slip, 1).encode())
    (alone,) = json.loads(render("gitlab", once.diagnostics, once.sources))
    first, second = json.loads(render("gitlab", twice.diagnostics, twice.sources))
    assert first["check_name"] == second["check_name"] == alone["check_name"] == "BKR012"
    assert second["location"]["lines"]["begin"] == first["location"]["lines"]["begin"] + 1
    assert first["fingerprint"] == alone["fingerprint"] != second["fingerprint"]


def test_gitlab_path_is_relative_to_the_working_directory(files):
    """GitLab reads `location.path` from the repository's root: an absolute FILE under
    the working directory is made relative, `./` and `x/..` are left out."""
    (files / "sub").mkdir()
    for name in (str(files / "several.bkr"), "./several.bkr", "sub/../several.bkr"):
        issues = json.loads(check("gitlab", name, 1))
        assert {i["location"]["path"] for i in issues} == {"several.bkr"}, name
    assert json.loads(check("gitlab", "several.bkr", 1)) == json.loads(check("gitlab", str(files / "several.bkr"), 1))


def test_gitlab_report_is_printed_in_every_run(files):
    """Like json's document, for a FILE not read and a usage error naming the format
    (exit 2, bkrc's line on the other stream), with an issue that says the run
    failed (stop 79: it was `[]`, and the widget showed nothing of why the job
    failed): at the FILE, or the working directory where click read none; `bkrc
    compile` prints it on standard error, its own lines on standard output; the
    error limit's note is an `info` issue."""
    missing = run_cli(["check", "--format", "gitlab", "missing.bkr"], expect=2)
    assert "bkrc: missing.bkr: no such file" in missing.stderr
    (issue,) = json.loads(missing.stdout)
    assert issue["description"] == "bkrc: missing.bkr: no such file"
    assert (issue["check_name"], issue["severity"]) == ("bkrc", "critical")
    assert issue["location"] == {"path": "missing.bkr", "lines": {"begin": 1, "end": 1}}
    usage = run_cli(["check", "--bogus", "--format", "gitlab", "several.bkr"], expect=2)
    assert "No such option" in usage.stderr
    (issue,) = json.loads(usage.stdout)
    assert issue["description"] == "bkrc: usage error: No such option '--bogus'."
    assert issue["location"] == {"path": ".", "lines": {"begin": 1, "end": 1}}
    compiled = run_cli(["compile", "--format", "gitlab", "several.bkr", "-o", "out"], expect=1)
    assert [i["check_name"] for i in json.loads(compiled.stderr)] == [i["check_name"] for i in json.loads(check("gitlab", "several.bkr", 1))]
    assert "nothing written" in compiled.stdout
    limited = json.loads(run_cli(["check", "--format", "gitlab", "--max-errors", "1", "several.bkr"], expect=1).stdout)
    assert limited[-1]["check_name"] == "bkrc" and limited[-1]["severity"] == "info"
    assert "stopping after" in limited[-1]["description"]


def test_gitlab_sample_in_the_docs_is_what_bkrc_prints(monkeypatch):
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    (one,) = json.loads(_doc_samples()["gitlab"])
    printed = json.loads(run_cli(["check", "--format", "gitlab", "examples/broken/prodssi.bkr"], expect=1).stdout)
    assert one in printed and len(printed) == 12


# stop 79, h2: a run that failed is an issue of GitLab's report
def test_gitlab_sample_of_a_failed_run_in_the_docs_is_what_bkrc_prints(tmp_path, monkeypatch):
    """docs/diagnostics.md's second gitlab sample: `bkrc check --format gitlab
    clusters/prodssi.bkr`, no such file (shortened: `...` for the fingerprint)."""
    from conftest import ROOT, shortened

    text = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    section = text.split("\n## gitlab\n", 1)[1].split("\n## ", 1)[0]
    sample = re.findall(r"^```json\n(.*?)^```", section, flags=re.MULTILINE | re.DOTALL)[1]
    monkeypatch.chdir(tmp_path)
    printed = json.loads(run_cli(["check", "--format", "gitlab", "clusters/prodssi.bkr"], expect=2).stdout)
    assert shortened(json.loads(sample), printed) and len(printed) == 1


@pytest.mark.parametrize(
    ("args", "path"),
    [(["a.bkr", "b.bkr"], "."), (["sub"], "."), (["-"], "<stdin>"), (["./sub/../a.bkr"], "a.bkr")],
    ids=["several", "folder", "stdin", "one"],
)
def test_gitlab_puts_a_failed_run_at_the_one_file_it_was_given(tmp_path, monkeypatch, args, path):
    """The issue of a run that failed is at line 1 of the FILE the command was
    given, as GitLab reads paths; at the working directory for several FILEs or a
    folder. Each run here fails by a `--directory` that cannot be read."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.bkr").write_text("single group G { U1 }\n")
    for name in ("a.bkr", "b.bkr"):
        (tmp_path / name).write_text("single group G { U1 }\n")
    result = run_cli(
        ["check", "--format", "gitlab", "--directory", "nope.direct", *args], input="single group G { U1 }\n",
        expect=2,
    )
    issues = [i for i in json.loads(result.stdout) if i["check_name"] == "bkrc"]
    assert [i["location"] for i in issues] == [{"path": path, "lines": {"begin": 1, "end": 1}}]
    assert issues[0]["description"].startswith("bkrc: nope.direct: ")


def test_a_failed_run_s_gitlab_issue_has_a_fingerprint_of_its_own():
    """Two lines, two issues; the fingerprint is the path, `bkrc` and the line,
    the same over runs."""
    from bkrdsl.diagnostics.render import render_gitlab

    once = json.loads(render_gitlab([], {}, failures=["bkrc: one", "bkrc: two"], failed_at="a.bkr", cwd="/x"))
    again = json.loads(render_gitlab([], {}, failures=["bkrc: one", "bkrc: two"], failed_at="a.bkr", cwd="/x"))
    assert once == again and len({i["fingerprint"] for i in once}) == 2
    assert [i["description"] for i in once] == ["bkrc: one", "bkrc: two"]


def test_gitlab_writes_no_character_a_terminal_acts_on():
    from bkrdsl.diagnostics.render import render
    from bkrdsl.terminal import ACTED_ON

    analysis = analyse("c.bkr", _acting_file().encode())
    out = render("gitlab", analysis.diagnostics, analysis.sources)
    assert not set(out) & (ACTED_ON - {"\n"})
    assert [i["description"] for i in json.loads(out)] == [
        d.message + (f"\nhelp: {d.help}" if d.help else "") for d in analysis.diagnostics
    ]
