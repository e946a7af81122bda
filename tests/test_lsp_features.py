"""The language server's answers, as pure functions (no pygls): hover, completion,
navigation, outline, code actions, diagnostics from imported modules.

A cursor is written into the text as `|`; each case names what must be offered.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT

from bkrdsl.lsp import features as F
from bkrdsl.lsp.document import analyse_document

CLUSTER = textwrap.dedent(
    """\
    import std/backup-manager

    ## Linux guests.
    single group LINUX { LNX01 LNX02  match LNXAPP* }
    identity group SYSIDS { TCPIP }

    cluster DEV {
      member DEV1 { workers 2  private-volume D1PRV1 }
      member DEV2 { workers 2  private-volume D2PRV1  job-suffix B }
      catalog shared server BKRSVSFS pool BKRPOOL on DEV1
      expire on DEV1 {
        purge weekly sun 03:00
      }
      job LNXFULL {
        backup LINUX full
        include minidisk * 0191
        to disk pool P
        run on DEV1 daily 01:00
      }
      ## Every member's system machines.
      job SYSINC {
        backup SYSIDS incremental
        include minidisk TCPIP 0191
        to disk pool P
        run on each member daily 02:00
      }
    }
    """
)


def doc_at(text: str, cursor: str | None = None, name: str = "/ws/dev.bkr"):
    """Analyse `text`; with `cursor`, the `|` in that substring marks the position."""
    line = column = 0
    if cursor is not None:
        plain = cursor.replace("|", "")
        at = text.index(plain) + cursor.index("|")
        line = text.count("\n", 0, at)
        column = at - (text.rfind("\n", 0, at) + 1)
    return analyse_document(name, text), line, column


# ----------------------------------------------------------------- hover
HOVERS = [
    (
        "single group L|INUX",
        ["**LINUX**: single group (2 users, 1 pattern)", "`LNX01`, `LNX02`", "`LNXAPP*`", "Linux guests."],
    ),
    ("backup LIN|UX full", ["**LINUX**: single group"]),
    ("{ LNX0|1 LNX02", ["**LNX01**: single-configuration user", "listed in group LINUX single (line 4)"]),
    ("match LNXA|PP*", ["**LNXAPP***: pattern; every user it matches is a single-configuration user"]),
    (
        "job SYS|INC {",
        [
            "runs on each member",
            "| DEV1 | `SYSINC1` |",
            "| DEV2 | `SYSINCB` |",
            "Every member's system machines.",
        ],
    ),
    ("job LNXF|ULL {", ["full backup of single-configuration users, runs on DEV1", "| DEV1 | `LNXFULL` |"]),
    (
        "run on DE|V1 daily",
        ["**DEV1**: member 1 of cluster `DEV`", "workers: 2 (BKRWRK01, BKRWRK02)", "D1PRV1"],
    ),
    ("member DEV|2 {", ["member 2", "job suffix: `B`"]),
    ("minidisk TCP|IP 0191", ["**TCPIP**: IDENTITY user"]),
    ("cluster D|EV {", ["**DEV**: SSI cluster of DEV1, DEV2"]),
]


@pytest.mark.parametrize("cursor,expected", HOVERS, ids=[h[0] for h in HOVERS])
def test_hover(cursor, expected):
    doc, line, column = doc_at(CLUSTER, cursor)
    found = F.hover(doc, line, column)
    assert found is not None
    for text in expected:
        assert text in found.markdown


def test_tape_manager_machines_are_declared_where_tape_manager_names_them():
    text = (Path(__file__).parent.parent / "examples" / "prodssi.bkr").read_text()
    text = text.replace("member VMSYS1 {", "member VMSYS1 {\n    exclude minidisk TCDMM *", 1)
    assert "exclude minidisk TCDMM *" in text
    doc, line, column = doc_at(text, "catalog-dmm TC|DMM")
    found = F.hover(doc, line, column)
    assert "**TCDMM**: single-configuration user" in found.markdown
    assert "the Device Manager Machine of the Tape Manager catalog node" in found.markdown
    (target,) = F.definition(doc, line, column)
    assert (target.line - 1, target.column - 1) == (line, column - 2)
    refs = F.references(doc, line, column, include_declaration=True)
    assert len(refs) == 3  # the declaration, the exclude and its `disk TCDMM 191` statement


def test_hover_explains_the_diagnostic_under_the_cursor_and_codes_in_comments():
    text = CLUSTER.replace("run on each member daily 02:00", "run on DEV2 daily 02:00  # see BKR221")
    doc, line, column = doc_at(text, "run on DE|V2 daily 02")
    found = F.hover(doc, line, column)
    assert "**DEV2**: member 2" in found.markdown
    assert "**BKR221** `identity-job-pinned` (error)" in found.markdown
    doc, line, column = doc_at(text, "see BKR2|21")
    assert F.hover(doc, line, column).markdown.startswith("**BKR221**")


def test_no_hover_on_empty_space():
    doc, line, column = doc_at(CLUSTER, "\n|\n")
    assert F.hover(doc, line, column) is None


# ----------------------------------------------------------------- completion
COMPLETIONS = [
    # (text with a cursor, offered, not offered)
    (
        "member DEV1 { |workers 2",
        {"workers", "private-volume", "job-suffix", "exclude", "include", "description"},
        {"job", "DEV1"},
    ),
    ("  job LNXFULL {\n    |backup", {"backup", "include", "to", "run", "description"}, {"member", "LINUX"}),
    ("backup |LINUX full", {"LINUX", "SYSIDS", "LNX01", "TCPIP"}, {"full", "BKRBKUP", "DEV1"}),
    ("run on |DEV1 daily", {"each", "DEV1", "DEV2"}, {"LINUX"}),
    ("run on DEV1 |daily", {"daily", "weekly", "monthly", "manual", ","}, {"DEV1"}),
    ("{ LNX01 |LNX02", {"match", "LNX01", "TCPIP"}, {"LINUX", "DEV1"}),
    ("purge weekly |sun", {"mon", "sun"}, {"DEV1"}),
    ("    backup LINUX f|ull", {"full", "incremental"}, set()),
    ("## Linux| guests.", set(), {"cluster"}),
    ("\n|cluster DEV {", {"cluster", "import", "single", "identity"}, {"member"}),
]


@pytest.mark.parametrize("cursor,offered,absent", COMPLETIONS, ids=[c[0] for c in COMPLETIONS])
def test_completion(cursor, offered, absent):
    doc, line, column = doc_at(CLUSTER, cursor)
    labels = {c.label for c in F.complete(doc, line, column)}
    assert offered - {","} <= labels
    assert not (absent & labels)


def test_completion_of_roles_and_after_an_earlier_mistake():
    text = "cluster X { member M { workers } }\nidentity user BKRX role "
    doc = analyse_document("/ws/x.bkr", text)
    assert any(d.code.startswith("BKR0") for d in doc.diagnostics)
    labels = {c.label for c in F.complete(doc, 1, len("identity user BKRX role "))}
    assert {"backup-server", "worker", "admin"} <= labels


def test_completion_replaces_the_word_typed_so_far():
    doc, line, column = doc_at(CLUSTER, "    backup LINUX fu|ll")
    item = next(c for c in F.complete(doc, line, column) if c.label == "full")
    assert doc.text[item.start : item.end] == "fu"


# ----------------------------------------------------------------- navigation
def test_definition_and_references_of_a_group():
    doc, line, column = doc_at(CLUSTER, "backup LIN|UX full")
    (target,) = F.definition(doc, line, column)
    assert (target.line, target.column) == (4, 14)
    refs = F.references(doc, line, column, include_declaration=False)
    assert [(s.line, s.column) for s in refs] == [(15, 12)]


def test_definition_of_a_user_in_the_standard_library():
    text = CLUSTER.replace("  catalog shared", "  disk BKRADMIN 191 size 10 cyl\n  catalog shared")
    doc, line, column = doc_at(text, "disk BKRAD|MIN")
    (target,) = F.definition(doc, line, column)
    assert target.file == "std/backup-manager.bkr"
    assert doc.analysis.sources[target.file].line_text(target.line).startswith("single user BKRADMIN")


def test_a_machine_the_cluster_names_without_declaring_it():
    doc, line, column = doc_at(CLUSTER, "server BKRS|VSFS")
    assert F.definition(doc, line, column) == []
    assert "the catalog's SFS file pool server: its place in the cluster gives its kind" in F.hover(doc, line, column).markdown


def test_definition_through_a_pattern():
    text = CLUSTER.replace("backup LINUX full", "backup LNXAPP07 full")
    doc, line, column = doc_at(text, "backup LNXAPP|07")
    (target,) = F.definition(doc, line, column)
    assert (target.line, target.column) == (4, 41)


def test_outline():
    doc, _, _ = doc_at(CLUSTER)
    top = [(s.name, s.kind) for s in F.outline(doc)]
    assert top == [
        ("std/backup-manager", "import"),
        ("LINUX", "group"),
        ("SYSIDS", "group"),
        ("DEV", "cluster"),
    ]
    cluster = F.outline(doc)[-1]
    assert [c.name for c in cluster.children] == ["DEV1", "DEV2", "catalog", "expire", "LNXFULL", "SYSINC"]


# ----------------------------------------------------------------- code actions
def apply(text: str, fix: F.QuickFix) -> str:
    for edit in sorted(fix.edits, key=lambda e: e.span.start, reverse=True):
        text = text[: edit.span.start] + edit.new_text + text[edit.span.end :]
    return text


def test_identity_job_pinned_to_one_member_offers_on_each_member():
    from bkrdsl.check.jobs import IDENTITY_PINNED

    text = CLUSTER.replace("run on each member daily 02:00", "run on DEV1 daily 02:00")
    doc, _, _ = doc_at(text)
    assert IDENTITY_PINNED.code in [d.code for d in doc.diagnostics]
    line = text.count("\n", 0, text.index("run on DEV1 daily 02:00"))
    (fix,) = [f for f in F.fixes(doc, line, line) if f.diagnostic.code == IDENTITY_PINNED.code]
    assert fix.title == "Run on each member"
    fixed = apply(text, fix)
    assert fixed == CLUSTER
    assert IDENTITY_PINNED.code not in [d.code for d in analyse_document("/ws/dev.bkr", fixed).diagnostics]


def test_no_on_each_member_fix_that_would_drop_a_comment():
    from bkrdsl.check.jobs import IDENTITY_PINNED

    text = CLUSTER.replace("run on each member daily 02:00", "run on  # pinned for now\n      DEV1 daily 02:00")
    doc, _, _ = doc_at(text)
    pinned = [d for d in doc.diagnostics if d.code == IDENTITY_PINNED.code]
    assert pinned and "# pinned for now" in text[pinned[0].span.start : pinned[0].span.end]
    assert [f for f in F.fixes(doc, 0, 100) if f.diagnostic.code == IDENTITY_PINNED.code] == []


def test_did_you_mean_offers_the_suggestion():
    text = CLUSTER.replace("backup LINUX full", "backup LINUS full")
    doc, _, _ = doc_at(text)
    line = text.count("\n", 0, text.index("backup LINUS"))
    fixes = F.fixes(doc, line, line)
    assert [(f.title, [e.new_text for e in f.edits]) for f in fixes] == [("Replace with `LINUX`", ["LINUX"])]
    assert apply(text, fixes[0]) == CLUSTER


def test_no_fix_where_two_names_are_equally_close():
    # `DEV` is as close to `DEV1` as to `DEV2`: both are offered, neither is applied.
    text = CLUSTER.replace("run on DEV1 daily 01:00", "run on DEV daily 01:00")
    doc, _, _ = doc_at(text)
    (unknown,) = [d for d in doc.diagnostics if d.code == "BKR330"]
    assert unknown.help == "did you mean `DEV1` or `DEV2`?"
    assert [f for f in F.fixes(doc, 0, 100) if f.diagnostic.code != "BKR253"] == []  # (the cluster's A-disks)


def test_no_fix_where_the_fix_is_a_choice():
    text = CLUSTER.replace("run on DEV1 daily 01:00", "run on each member daily 01:00")
    doc, _, _ = doc_at(text)
    assert "BKR220" in [d.code for d in doc.diagnostics]  # single-configuration job on every member
    assert [f for f in F.fixes(doc, 0, 100) if f.diagnostic.code != "BKR253"] == []  # (the cluster's A-disks)


# ----------------------------------------------------------------- diagnostics
def test_a_broken_imported_module_shows_at_its_import(tmp_path):
    (tmp_path / "site.bkr").write_text("single group G { A }\nsingle group H {\n")
    main = tmp_path / "main.bkr"
    text = "import ./site\ncluster C { member M { workers 1 } }\n"
    doc = analyse_document(str(main), text, path=main)
    (shown,) = [p for p in F.placed(doc) if p.diagnostic.code == "BKR005"]
    assert (shown.span.file, shown.span.line) == (str(main), 1)
    assert shown.message.startswith("in site.bkr:2: ")


def test_formatting_offers_the_canonical_text_only_when_it_differs():
    doc, _, _ = doc_at(CLUSTER)
    assert F.formatted(doc) is None
    doc, _, _ = doc_at(CLUSTER.replace("  member DEV1", "member   dev1"))
    assert F.formatted(doc) == CLUSTER


def test_version_does_not_import_the_language_server():
    code = (
        "import sys\nfrom bkrdsl.cli import cli\n"
        "try:\n    cli.main(['--version'], prog_name='bkrc')\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pygls', 'lsprotocol', 'lark') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


# ----------------------------------------------------------------- no input crashes it
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = [
    "cluster",
    "member",
    "job",
    "{",
    "}",
    ",",
    "single",
    "group",
    "user",
    "LNX*",
    "on",
    "each",
    "run",
    "backup",
    "workers",
    "2",
    "# BKR221",
    "## d",
    "\n",
    '"s',
    "import",
    "std/zvm73",
    "role",
    "é",
    "\t",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(st.text(max_size=60), st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join)),
    st.integers(0, 5),
    st.integers(0, 80),
)
def test_any_text_any_position_is_answered(text, line, column):
    doc = analyse_document("/ws/fuzz.bkr", text)
    F.hover(doc, line, column)
    F.complete(doc, line, column)
    F.definition(doc, line, column)
    F.references(doc, line, column, True)
    F.outline(doc)
    F.fixes(doc, 0, 10)
    F.placed(doc)
    F.formatted(doc)


def test_lsp_without_pygls_says_what_to_install():
    code = "import sys\nsys.modules['pygls'] = None\nfrom bkrdsl.cli import main\nmain(['lsp'])\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "needs pygls 2" in out.stderr and "Traceback" not in out.stderr
