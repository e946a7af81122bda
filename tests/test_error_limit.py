"""The error limit (`--max-errors N`, docs/diagnostics.md "The error limit"): each
file's report stops after its Nth error, with one note, in every format, and the
diagnostics it keeps are exactly the first ones of the report without a limit."""

from __future__ import annotations

import json
import random

import pytest
from conftest import run_cli

from bkrdsl.ast import Kind
from bkrdsl.pipeline import analyse

NOTE = "; fix these and run again, or use `--max-errors N` (0: no limit)"


def junk_cluster(seed: int, ids: int) -> str:
    """A cluster whose group body holds `ids` user IDs, many of them ones CP refuses
    (too long, a character CP does not take, declared twice), between warnings."""
    rng = random.Random(seed)
    lines = ["cluster C {", "  member VMSYS1 { workers 4 }", "  single group APPS {"]
    for i in range(ids):
        kind = rng.randrange(4)
        if kind == 0:
            lines.append(f"    TOOLONGID{i}")
        elif kind == 1:
            lines.append(f"    U{i % 7}")  # declared again
        elif kind == 2:
            lines.append(f"    B.D{i}")
        else:
            lines.append(f"    OK{i}")
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"


def report(path, *args) -> dict:
    out = run_cli(["check", "--format", "json", *args, path], expect=1)
    return json.loads(out.stdout)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("n", [1, 5, 17])
def test_the_first_n_errors_are_those_of_the_whole_report(tmp_path, seed, n):
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(seed, 60))
    whole = report(path, "--max-errors", "0")
    assert "stopped" not in whole
    assert whole["error_count"] > n
    cut = report(path, "--max-errors", str(n))
    shown = cut["diagnostics"]
    assert shown == whole["diagnostics"][: len(shown)]
    assert cut["error_count"] == n
    assert shown[-1]["severity"] == "error"  # the report ends at the Nth error
    (stop,) = cut["stopped"]
    left = whole["diagnostics"][len(shown) :]
    assert stop["errors_shown"] == n
    assert stop["errors_not_shown"] == sum(d["severity"] == "error" for d in left)
    assert stop["warnings_not_shown"] == sum(d["severity"] == "warning" for d in left)
    assert (stop["line"], stop["column"]) == (left[0]["line"], left[0]["column"])
    assert report(path, "--max-errors", str(n)) == cut  # deterministic


def test_the_default_is_a_hundred_errors(tmp_path):
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(4, 400))
    cut = report(path)
    assert cut["error_count"] == 100
    assert cut["stopped"][0]["message"].startswith(f"stopping after 100 errors in {path} (")


def test_text_ends_with_the_note_then_the_summary(tmp_path):
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(1, 60))
    whole = report(path, "--max-errors", "0")
    errors = whole["error_count"] - 2
    warnings = whole["warning_count"] - sum(d["severity"] == "warning" for d in report(path, "--max-errors", "2")["diagnostics"])
    out = run_cli(["check", "--max-errors", "2", path], expect=1).stdout
    assert out.count("\nerror[") + out.startswith("error[") == 2
    more = f"{errors:,} errors" + (f" and {warnings} warning{'s' if warnings != 1 else ''}" if warnings else "")
    note = f"note: stopping after 2 errors in {path} ({more} not shown){NOTE}\n\n"
    assert out.endswith(note + out.splitlines()[-1] + "\n")
    assert out.splitlines()[-1].startswith("2 errors")


def test_short_github_and_sarif_carry_the_note(tmp_path):
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(2, 60))
    first_left = report(path, "--max-errors", "0")["diagnostics"][
        len(report(path, "--max-errors", "1")["diagnostics"])
    ]
    where = f"{path}:{first_left['line']}:{first_left['column']}"
    short = run_cli(["check", "--format", "short", "--max-errors", "1", path], expect=1).stdout.splitlines()
    assert len(short) == len(report(path, "--max-errors", "1")["diagnostics"]) + 1
    assert short[-1].startswith(f"{where}: note: stopping after 1 error in {path} (")
    assert short[-1].endswith(NOTE)
    github = run_cli(["check", "--format", "github", "--max-errors", "1", path], expect=1).stdout.splitlines()
    assert github[-1].startswith(f"::notice file={path},line={first_left['line']},col={first_left['column']},title=bkrc::stopping after 1 error")
    sarif = json.loads(run_cli(["check", "--format", "sarif", "--max-errors", "1", path], expect=1).stdout)
    run = sarif["runs"][0]
    assert sum(r["level"] == "error" for r in run["results"]) == 1
    (notification,) = run["invocations"][0]["toolExecutionNotifications"]
    assert notification["level"] == "note"
    assert notification["message"]["text"].startswith(f"stopping after 1 error in {path} (")
    region = notification["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (first_left["line"], first_left["column"])


def test_no_note_when_nothing_is_left_out(tmp_path):
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(1, 60))
    errors = report(path, "--max-errors", "0")["error_count"]
    exact = report(path, "--max-errors", str(errors))
    assert "stopped" not in exact and exact["error_count"] == errors
    sarif = json.loads(run_cli(["check", "--format", "sarif", "--max-errors", str(errors), path], expect=1).stdout)
    assert "invocations" not in sarif["runs"][0]


def test_each_file_has_its_own_limit(tmp_path):
    a, b = tmp_path / "a.bkr", tmp_path / "b.bkr"
    a.write_text(junk_cluster(1, 40))
    b.write_text(junk_cluster(2, 40))
    out = json.loads(run_cli(["check", "--format", "json", "--max-errors", "3", a, b], expect=1).stdout)
    assert [s["file"] for s in out["stopped"]] == [str(a), str(b)]
    for f in (a, b):
        assert sum(d["file"] == str(f) and d["severity"] == "error" for d in out["diagnostics"]) == 3


def test_syntax_errors_are_limited_too(tmp_path):
    path = tmp_path / "words.bkr"
    path.write_text("".join(f"hello world {i}\njob J{i} {{ backup }}\n" for i in range(10)))
    whole = report(path, "--max-errors", "0")
    cut = report(path, "--max-errors", "4")
    assert cut["error_count"] == 4 < whole["error_count"]
    assert cut["diagnostics"] == whole["diagnostics"][:4]


def test_compile_and_fmt_take_the_limit(tmp_path):
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(3, 60))
    out = run_cli(["compile", "--max-errors", "2", path, "-o", tmp_path / "out"], expect=1)
    assert f"note: stopping after 2 errors in {path} (" in out.stderr
    assert "nothing written" in out.stderr
    words = tmp_path / "words.bkr"
    words.write_text("".join(f"hello world {i}\njob J{i} {{ backup }}\n" for i in range(10)))
    out = run_cli(["fmt", "--check", "--format", "short", "--max-errors", "1", words], expect=1)
    lines = out.stderr.splitlines()
    assert sum(": error " in line for line in lines) == 1
    assert any(": note: stopping after 1 error in " in line for line in lines)


def test_a_negative_limit_is_a_usage_error(tmp_path):
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(1, 5))
    out = run_cli(["check", "--max-errors", "-1", path], expect=2)
    assert "-1 is not in the range x>=0" in out.output


def test_limit_keeps_everything_at_zero_and_counts_what_it_leaves_out():
    from bkrdsl.diagnostics.limit import DEFAULT_MAX_ERRORS, limit

    assert DEFAULT_MAX_ERRORS == 100
    analysis = analyse("junk.bkr", junk_cluster(5, 50).encode())
    everything, stops = limit(analysis.diagnostics, 0)
    assert everything == analysis.diagnostics and stops == []
    kept, (stop,) = limit(analysis.diagnostics, 3)
    assert kept == analysis.diagnostics[: len(kept)]
    assert len(kept) + stop.errors + stop.warnings == len(everything)


@pytest.mark.parametrize("cap", [3, None])
def test_the_language_server_publishes_up_to_the_limit(tmp_path, monkeypatch, cap):
    """An editor given every one of 100,000 diagnostics stalls: the server publishes
    each file's first errors, as `bkrc check` reports them, and one note."""
    from lsp_inprocess import Editor

    from bkrdsl.lsp import server

    if cap is not None:
        monkeypatch.setattr(server, "MAX_PUBLISHED_ERRORS", cap)
    n = cap or server.MAX_PUBLISHED_ERRORS
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(6, 60 if cap else 400))
    cut = report(path, "--max-errors", str(n))
    editor = Editor()
    try:
        editor.initialize(tmp_path)
        item = {"uri": path.as_uri(), "languageId": "bkr", "version": 1, "text": path.read_text()}
        editor.notify("textDocument/didOpen", {"textDocument": item})
        published = editor.published(path.as_uri())
        assert editor.errors == []
        # The open document's analysis holds no more than it publishes.
        _version, doc = editor.server.documents[path.as_uri()]
        assert sum(d.is_error for d in doc.diagnostics) == n and doc.analysis.stops
    finally:
        editor.close()
    *diagnostics, note = published
    assert [(d["code"], d["range"]["start"]["line"] + 1) for d in diagnostics] == [
        (d["code"], d["line"]) for d in cut["diagnostics"]
    ]
    assert sum(d["severity"] == 1 for d in diagnostics) == n
    (stop,) = cut["stopped"]
    assert note["severity"] == 3  # Information
    assert note["range"]["start"] == {"line": stop["line"] - 1, "character": stop["column"] - 1}
    # the file named as the editor names it, relative to its workspace folder (stop 81),
    # where `report` ran bkrc check on the absolute path
    said = stop["message"].replace(NOTE, "; fix these and the next ones will show")
    assert note["message"] == said.replace(str(path), "junk.bkr")
    assert "code" not in note or note["code"] is None


# ------------------------------------------------ the front end keeps only what shows
def whole_list_limit(diagnostics, max_errors):
    """The limit as first written: sort the whole list, walk it, count what is left
    out. The reference `Collector` must give exactly."""
    from bkrdsl.diagnostics.core import Severity, sort_key
    from bkrdsl.diagnostics.limit import Stop

    ordered = sorted(diagnostics, key=sort_key)
    if max_errors <= 0:
        return ordered, []
    kept, errors, left = [], {}, {}
    for d in ordered:
        file = d.span.file if d.span is not None else ""
        if errors.get(file, 0) >= max_errors:
            out = left.setdefault(file, [0, 0, d.span])
            out[0] += d.severity is Severity.ERROR
            out[1] += d.severity is Severity.WARNING
            continue
        kept.append(d)
        errors[file] = errors.get(file, 0) + (d.severity is Severity.ERROR)
    return kept, [Stop(f, errors[f], e, w, at) for f, (e, w, at) in left.items()]


def random_diagnostics(rng: random.Random, n: int) -> list:
    """Diagnostics in no order, in three files and none, with ties of place, code and
    message (told apart by their ends), errors, warnings and notes."""
    from bkrdsl.diagnostics.core import Diagnostic, Severity
    from bkrdsl.source import Span

    out = []
    for _ in range(n):
        severity = rng.choice([Severity.ERROR] * 3 + [Severity.WARNING, Severity.NOTE])
        file = rng.choice(["a.bkr", "b.bkr", "m/c.bkr", None])
        line, column = rng.randint(1, 6), rng.randint(1, 3)
        span = None if file is None else Span(file, line, column, line, column + rng.randint(1, 3))
        out.append(Diagnostic(rng.choice(["BKR301", "BKR401"]), severity, rng.choice("xy"), span))
    return out


@pytest.mark.parametrize("seed", range(40))
def test_the_collector_keeps_what_the_whole_list_would_show(seed):
    """Fed in any order, one at a time, the collector keeps the diagnostics the limit
    of the whole sorted list shows (ties in the order they came) and counts the rest
    exactly; cut again at a limit as low or lower, with the first cut's counts, it
    gives what the whole list cut there gives."""
    from bkrdsl.diagnostics.limit import Collector, limit

    rng = random.Random(seed)
    diagnostics = random_diagnostics(rng, rng.randint(0, 300))
    for n in (0, 1, 2, 7, 40, 1000):
        collector = Collector(n)
        for d in diagnostics:
            collector.add(d)
        assert collector.result() == whole_list_limit(diagnostics, n)
        assert limit(diagnostics, n) == whole_list_limit(diagnostics, n)
        kept, stops = collector.result()
        for lower in {n, max(n // 2, 1), 1} if n else ():
            assert limit(kept, lower, stops) == whole_list_limit(diagnostics, lower)


def test_the_collector_says_each_finding_once():
    """As `run_checks` always did: two findings of one code, place and message are one,
    at the place of the first, with the words (help, fix) of the last; and only the
    checks' findings are made unique."""
    from bkrdsl.diagnostics.core import Diagnostic, Severity
    from bkrdsl.diagnostics.limit import Collector
    from bkrdsl.source import Span

    def at(line, code="BKR301", help=None):
        return Diagnostic(code, Severity.ERROR, "m", Span("a.bkr", line, 1, line, 2), help=help)

    for n in (0, 2, 3):
        collector = Collector(n)
        for d in (at(3), at(1, help="first"), at(2), at(1, help="last"), at(4), at(5)):
            collector.add(d, unique=True)
        collector.add(at(2))  # not a check's: as it comes
        kept, stops = collector.result()
        assert [(d.span.line, d.help) for d in kept] == [(1, "last"), (2, None), (2, None), (3, None), (4, None), (5, None)][
            : len(kept)
        ]
        assert len(kept) == n or n == 0
        assert sum(s.errors for s in stops) == (6 - n if n else 0)


@pytest.mark.parametrize("n", [1, 5, 100])
def test_the_analysis_keeps_only_the_first_errors(n):
    """`analyse(max_errors=N)` keeps each file's diagnostics up to its Nth error, as
    the report shows them, and counts the rest: the same report as the whole list,
    with memory for N diagnostics, not for every one of 3,000 user IDs CP refuses."""
    from bkrdsl.diagnostics.limit import limit

    text = junk_cluster(7, 3000).encode()
    whole = analyse("junk.bkr", text)
    cut = analyse("junk.bkr", text, max_errors=n)
    assert (cut.diagnostics, cut.stops) == limit(whole.diagnostics, n)
    assert sum(d.is_error for d in cut.diagnostics) == n
    (stop,) = cut.stops
    assert stop.errors + n == sum(d.is_error for d in whole.diagnostics) > 1000
    assert analyse("junk.bkr", text, max_errors=0).diagnostics == whole.diagnostics


def test_no_check_says_a_thing_twice():
    """`Collector` makes a check's finding unique only while it keeps it: past the
    limit, a finding said twice would be counted twice. No check says one twice
    (not one in any test file or example), so the counts stay exact."""
    from pathlib import Path

    from conftest import EXAMPLES, ROOT

    from bkrdsl.check.registry import CHECKS
    from bkrdsl.pipeline import analyse as run

    files = sorted((ROOT / "tests" / "data").rglob("*.bkr")) + sorted(EXAMPLES.rglob("*.bkr"))
    checked = 0
    for path in files:
        analysis = run(str(path), Path(path).read_bytes(), path=path, checks=False)
        if analysis.model is None:
            continue
        checked += 1
        said = set()
        for fn in CHECKS:
            for d in fn(analysis.model):
                key = (d.code, d.span, d.message)
                assert key not in said, f"{path}: {fn.__name__} says again: {d}"
                said.add(key)
    assert checked > 200


def test_a_module_two_files_import_is_counted_once(tmp_path):
    """A module checked as a FILE and again in the cluster FILE that imports it, with
    more mistakes in the cluster (its product machine declared single): each analysis
    is cut at the limit, the module's report is the union of both lists, counted as
    without the cut (those FILEs are read again in full)."""
    module = tmp_path / "site.bkr"
    module.write_text(
        "single group SITE {\n    TOOLONGID1 TOOLONGID2 TOOLONGID3 TOOLONGID4\n    BKRBKUP\n}\n"
        "identity group X { U.1 LINUX01 }\n"
    )
    cluster = tmp_path / "a.bkr"
    cluster.write_text(
        "import std/backup-manager\nimport ./site\ncluster C {\n"
        "  member VMSYS1 { workers 2 }\n  member VMSYS2 { workers 2 }\n"
        "  catalog shared server BKRSVSFS pool BKRPOOL\n"
        "  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }\n"
        "  single group APPS { LINUX01 }\n"
        "  job J { backup SITE, APPS full  include minidisk * *  to disk  run on VMSYS1 daily 02:00 }\n}\n"
    )
    for files in ([cluster, module], [module, cluster]):
        whole = json.loads(run_cli(["check", "--format", "json", "--max-errors", "0", *files], expect=1).stdout)
        cut = json.loads(run_cli(["check", "--format", "json", "--max-errors", "2", *files], expect=1).stdout)
        assert [s["file"] for s in cut["stopped"]] == [str(module)]
        (stop,) = cut["stopped"]
        mine = [d for d in whole["diagnostics"] if d["file"] == str(module)]
        shown = [d for d in cut["diagnostics"] if d["file"] == str(module)]
        assert shown == mine[:2]
        assert stop["errors_not_shown"] == sum(d["severity"] == "error" for d in mine[2:]) == 4


def _peak_of_bkr301(ids: int) -> int:
    """tracemalloc's peak, in bytes, while BKR301's check finds every one of `ids`
    user IDs CP refuses and a collector keeps the first 10 (the model built before)."""
    import tracemalloc

    from bkrdsl.check.names import user_ids
    from bkrdsl.diagnostics.limit import Collector
    from bkrdsl.pipeline import no_cycle_collection

    text = "single group APPS {\n" + "".join(f"    TOOLONGID{i}\n" for i in range(ids)) + "}\n"
    model = analyse("bad.bkr", text.encode(), checks=False).model
    for kind in Kind:
        model.id_lines(kind)  # the model's own text of its IDs, made once, as clean files make it
    collector = Collector(10)
    with no_cycle_collection():
        tracemalloc.start()
        try:
            for d in user_ids(model):
                collector.add(d, unique=True)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    (stop,) = collector.result()[1]
    assert stop.errors == ids - 10
    return peak


def test_finding_the_ids_cp_refuses_keeps_none_of_them():
    """BKR301's check finds every ID CP refuses and the collector counts those past
    the limit: finding them holds neither a set of them nor their UserDefs, so ten
    times as many bad IDs take no more memory (it held some 250 bytes an ID)."""
    small, large = _peak_of_bkr301(2_000), _peak_of_bkr301(20_000)
    assert large < small + 100_000, (small, large)


# --- h7 (stop 69)
def test_warnings_do_not_count_towards_the_limit(tmp_path):
    """`--max-errors N` counts errors only, as gcc's `-fmax-errors` and clang's
    `-ferror-limit` do (docs/diagnostics.md, "The error limit"): a cluster of many
    members, two errors (BKR205, no servers; BKR240, more than 8 members) and a
    BKR401 warning for each member, reports every warning under a limit of 3, with
    no note; `--help` says so."""
    members = "".join(f"  member M{i:03d} {{ workers 1  private-volume V{i:05d} }}\n" for i in range(40))
    path = tmp_path / "members.bkr"
    path.write_text("cluster C {\n" + members + "}\n")
    whole = report(path, "--max-errors", "0")
    assert whole["error_count"] == 2 and whole["warning_count"] >= 40, whole
    limited = report(path, "--max-errors", "3")
    assert "stopped" not in limited and limited["diagnostics"] == whole["diagnostics"]
    assert "warnings do not count" in " ".join(run_cli(["check", "--help"]).stdout.split())
