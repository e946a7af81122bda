"""`bkrc show FILE --against OLD`: what a change to a cluster file does, member by member
(docs/show.md, "What a change does").

Each test edits examples/prodssi.bkr as a change under review would (a schedule
moved, an exclude added, a user added to or dropped from a group, the purging
member or the catalog server's member moved, a job renamed, a member removed)
and holds what `--against` says of it. The cross-check holds the jobs it says a
member gains and loses against the TEMPLATE files `bkrc compile` writes from
each file, so the two cannot drift apart.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_compile_properties import clusters

from bkrdsl import show
from bkrdsl.pipeline import compile_source

PRODSSI = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    """Each test in its own folder, its files named as a reviewer's would be (`new.bkr`)."""
    monkeypatch.chdir(tmp_path)


def edited(tmp_path, *replacements: tuple[str, str], name: str = "new.bkr"):
    """prodssi.bkr as OLD, and a copy with each (old, new) replaced once as FILE,
    both named relative to `tmp_path`, the current folder."""
    old = Path("old.bkr")
    old.write_text(PRODSSI)
    text = PRODSSI
    for before, after in replacements:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    new = Path(name)
    new.write_text(text)
    return new, old


def against(new, old, *args, expect=0) -> str:
    return run_cli(["show", new, "--against", old, *args], expect=expect).stdout


def against_json(new, old, *args) -> dict:
    return json.loads(against(new, old, "--format", "json", *args))


def test_a_schedule_moved_is_the_job_s_schedule_was_and_now(tmp_path):
    new, old = edited(tmp_path, ("run on VMSYS2 daily 23:30", "run on VMSYS2 weekly sun 23:30"))
    assert against(new, old) == (
        f"cluster PRODSSI: {new} against {old}\n"
        "\n"
        "member VMSYS2\n"
        "  job LNXINC changed\n"
        "    schedule   was daily\n"
        "               now weekly sun\n"
    )
    doc = against_json(new, old)
    assert doc["cluster"]["changes"] == [] and doc["cluster"]["gained"] == doc["cluster"]["lost"] == []
    (member,) = doc["members"]
    assert member["name"] == "VMSYS2" and member["status"] == "changed" and member["backups"] == []
    assert member["jobs"] == [
        {
            "name": "LNXINC",
            "status": "changed",
            "source_job": "LNXINC",
            "old_name": None,
            "changes": [{"what": "schedule", "old": "daily", "new": "weekly sun"}],
        }
    ]


def test_an_exclude_added_is_what_the_template_selects(tmp_path):
    new, old = edited(tmp_path, ("exclude minidisk * 0190 019D 019E\n", "exclude minidisk * 0190 019D 019E 0199\n"))
    out = against(new, old)
    assert "member VMSYS1\n  job APPSFULL changed\n    selects    was " in out
    assert "minus minidisk * 0190 019D 019E\n" in out
    assert out.rstrip().endswith("minus minidisk * 0190 019D 019E\n                   0199")
    ((job,),) = [m["jobs"] for m in against_json(new, old)["members"]]
    (change,) = job["changes"]
    assert change["what"] == "selection"
    assert [s["items"] for s in change["new"] if s["action"] == "exclude"] == [["0190", "019D", "019E", "0199"]]


def test_a_user_added_to_an_identity_group_gains_a_backup_on_every_member(tmp_path):
    new, old = edited(tmp_path, ("identity group SYSIDS { TCPIP FTPSERVE }", "identity group SYSIDS { TCPIP FTPSERVE SMTP }"))
    out = against(new, old)
    assert out.splitlines()[1] == "  backed up now, by no job before: SMTP"
    for n in range(1, 5):
        assert (
            f"member VMSYS{n}\n"
            f"  job SYSINC{n} (from SYSINC) changed\n"
            "    backs up   was SYSIDS (2 users)\n"
            "               now SYSIDS (3 users)\n"
            f"  job SYSME{n} (from SYSME) changed\n"
            "    backs up   was SYSIDS (2 users)\n"
            "               now SYSIDS (3 users)\n"
            "  whom its jobs back up:\n"
            f"    SMTP: backed up now by SYSINC{n}, SYSME{n} (by no job on VMSYS{n} before)\n"
        ) in out
    # The include of `*` names SMTP in its records too: that is the backup above, not a change of selection.
    assert "selects" not in out
    doc = against_json(new, old)
    assert doc["cluster"]["gained"] == [{"name": "SMTP", "type": "user"}]
    assert [m["backups"] for m in doc["members"]] == [
        [{"name": "SMTP", "type": "user", "old_jobs": [], "new_jobs": [f"SYSINC{n}", f"SYSME{n}"]}] for n in range(1, 5)
    ]


def test_a_user_dropped_from_a_group_is_backed_up_by_no_job(tmp_path):
    new, old = edited(tmp_path, ("{ LNXWEB01 LNXWEB02 LNXDB01  match", "{ LNXWEB01 LNXWEB02  match"))
    out = against(new, old)
    assert "  backed up by no job now: LNXDB01\n" in out
    assert "    LNXDB01: no job on VMSYS2 backs up now (was LNXFULL, LNXINC)\n" in out
    assert against_json(new, old)["cluster"]["lost"] == [{"name": "LNXDB01", "type": "user"}]


def test_a_user_moved_to_a_job_of_another_member_is_backed_up_still(tmp_path):
    new, old = edited(
        tmp_path,
        ("{ LNXWEB01 LNXWEB02 LNXDB01  match", "{ LNXWEB01 LNXWEB02  match"),
        ("single group APPS { CICSPRD DB2PRD }", "single group APPS { CICSPRD DB2PRD LNXDB01 }"),
    )
    out = against(new, old)
    assert "backed up by no job now" not in out and "by no job before" not in out.splitlines()[1]
    assert "member VMSYS1\n" in out and "    LNXDB01: backed up now by APPSFULL (by no job on VMSYS1 before)\n" in out
    assert "    LNXDB01: no job on VMSYS2 backs up now (was LNXFULL, LNXINC)\n" in out


def test_the_purging_member_moved_moves_bkrexpir(tmp_path):
    new, old = edited(tmp_path, ("expire on VMSYS1 {", "expire on VMSYS2 {"))
    assert against(new, old) == (
        f"cluster PRODSSI: {new} against {old}\n"
        "  purges on  was VMSYS1\n"
        "             now VMSYS2\n"
        "  new warning BKR215: the shared catalog is purged from `VMSYS2`, but its SFS server runs on\n"
        "    `VMSYS1`\n"
        "\n"
        "member VMSYS1\n"
        "  expiry     was preview daily 01:00, purge weekly sun 03:00\n"
        "             now none\n"
        "\n"
        "member VMSYS2\n"
        "  expiry     was none\n"
        "             now preview daily 01:00, purge weekly sun 03:00\n"
    )
    doc = against_json(new, old)
    assert doc["cluster"]["changes"] == [{"what": "purging_members", "old": ["VMSYS1"], "new": ["VMSYS2"]}]


def test_a_warning_the_change_brings_is_said_and_one_it_ends(tmp_path):
    """Purging away from the catalog server's member is BKR215: a warning of the new file
    the old one has not is a change; the reverse change ends it."""
    new, old = edited(tmp_path, ("expire on VMSYS1 {", "expire on VMSYS2 {"))
    message = "the shared catalog is purged from `VMSYS2`, but its SFS server runs on `VMSYS1`"
    result = run_cli(["show", new, "--against", old], expect=0)
    assert "warning[BKR215]" in result.stderr
    assert f"  new warning BKR215: {message[:-9]}\n    `VMSYS1`\n" in result.stdout
    doc = against_json(new, old)
    assert doc["cluster"]["new_warnings"] == [{"code": "BKR215", "message": message}]
    assert doc["cluster"]["warnings_gone"] == []
    back = against_json(old, new)
    assert back["cluster"]["new_warnings"] == [] and back["cluster"]["warnings_gone"] == [
        {"code": "BKR215", "message": message}
    ]
    assert f"  warning gone BKR215: {message[:-9]}\n" in against(old, new)


def test_new_warnings_counts_each_warning():
    one, two = ("BKR408", "a"), ("BKR215", "b")
    assert show.new_warnings([one], [one, one, two]) == (one, two)
    assert show.new_warnings([one, two], [two, one]) == ()


def test_the_catalog_server_s_member_moved_moves_it_in_bkrstart(tmp_path):
    new, old = edited(tmp_path, ("pool BKRPOOL on VMSYS1", "pool BKRPOOL on VMSYS3"))
    doc = against_json(new, old)
    ((catalog,),) = [doc["cluster"]["changes"]]
    assert catalog["what"] == "catalog" and (catalog["old"]["member"], catalog["new"]["member"]) == ("VMSYS1", "VMSYS3")
    starts = {m["name"]: m["changes"] for m in doc["members"]}
    assert sorted(starts) == ["VMSYS1", "VMSYS3"]
    assert [s["user"] for s in starts["VMSYS1"][0]["old"]][:1] == ["BKRSVSFS"]
    assert "BKRSVSFS" not in [s["user"] for s in starts["VMSYS1"][0]["new"]]
    assert [s["user"] for s in starts["VMSYS3"][0]["new"]][:1] == ["BKRSVSFS"]
    assert "  BKRSTART   was BKRCATLG, BKRBKUP, BKRWRK01, BKRWRK02, TRTMM\n" in against(new, old)


def test_a_job_renamed_is_one_job_renamed_and_its_users_stay(tmp_path):
    new, old = edited(tmp_path, ("job LNXINC {", "job LNXNIGHT {"))
    assert against(new, old) == "cluster PRODSSI: new.bkr against old.bkr\n\nmember VMSYS2\n  job LNXNIGHT renamed from LNXINC\n"
    ((job,),) = [m["jobs"] for m in against_json(new, old)["members"]]
    assert job == {
        "name": "LNXNIGHT",
        "status": "renamed",
        "source_job": "LNXNIGHT",
        "old_name": "LNXINC",
        "changes": [{"what": "source_job", "old": "LNXINC", "new": "LNXNIGHT"}],
    }


def test_an_identity_job_renamed_is_renamed_on_every_member(tmp_path):
    new, old = edited(tmp_path, ("job SYSINC {", "job SYSNGT {"))
    out = against(new, old)
    for n in range(1, 5):
        assert f"member VMSYS{n}\n  job SYSNGT{n} (from SYSNGT) renamed from SYSINC{n}\n" in out
    assert "whom" not in out


def test_a_job_renamed_and_changed_is_one_removed_and_one_added(tmp_path):
    new, old = edited(tmp_path, ("job LNXINC {", "job LNXNIGHT {"), ("daily 23:30", "daily 23:45"))
    out = against(new, old)
    assert "  job LNXNIGHT added: daily 23:45 single incremental to disk pool BKUPPOOL" in out
    assert "  job LNXINC removed: daily 23:30 single incremental to disk pool BKUPPOOL" in out
    assert "    LNXDB01, LNXWEB01, LNXWEB02, match LNXAPP*: LNXFULL, LNXINC -> LNXFULL, LNXNIGHT\n" in out


def test_a_member_removed_is_shown_with_what_it_ran_and_may_be_asked_for(tmp_path):
    new, old = edited(tmp_path, ("  member VMSYS4 { workers 2  private-volume M4PRV1 }\n", ""))
    out = against(new, old, "--member", "VMSYS4")
    assert "  members    was VMSYS1 VMSYS2 VMSYS3 VMSYS4\n             now VMSYS1 VMSYS2 VMSYS3\n" in out
    assert out.endswith(
        "member VMSYS4 (removed)\n"
        "  job SYSINC4 (from SYSINC) removed: daily 03:30 identity incremental to tape, backs up SYSIDS\n"
        "      (2 users)\n"
        "  job SYSME4 (from SYSME) removed: monthly last-day 20:00 identity full to tape, backs up SYSIDS\n"
        "      (2 users)\n"
        "  whom its jobs back up:\n"
        "    FTPSERVE, TCPIP: no job on VMSYS4 backs up now (was SYSINC4, SYSME4)\n"
    )
    # A member neither file has is BKR330, as without --against.
    result = run_cli(["show", new, "--against", old, "--member", "VMSYS9"], expect=1)
    assert result.stdout == "" and "BKR330" in result.stderr


def test_the_same_file_changes_nothing(tmp_path):
    new, old = edited(tmp_path)
    assert against(new, old).splitlines()[1:] == ["  no change in what runs where and when"]
    doc = against_json(new, old)
    assert doc["cluster"]["changes"] == [] and doc["members"] == []


def test_jobs_gained_and_lost_are_the_templates_compile_writes(tmp_path):
    """Per member, the jobs `--against` says are added (or renamed to) and removed (or
    renamed from) are the TEMPLATE files the new file's compile writes that the old
    one's does not, and the reverse."""
    new, old = edited(
        tmp_path,
        ("job LNXINC {", "job LNXNIGHT {"),
        ("run on VMSYS1 daily 02:00", "run on VMSYS3 daily 02:00"),
        ("  member VMSYS4 { workers 2  private-volume M4PRV1 }\n", ""),
    )

    def templates(path) -> set[tuple[str, str]]:
        _, artifacts = compile_source(str(path), path.read_bytes())
        return {(a.member, a.job) for a in artifacts if a.kind == "job-template"}

    doc = against_json(new, old)
    written, gone = templates(new) - templates(old), templates(old) - templates(new)
    assert _gained(doc) == written != set()
    assert _lost(doc) == gone != set()


def _gained(doc: dict) -> set[tuple[str, str]]:
    """(member, job) of each job added, or renamed to, per member."""
    return {(m["name"], j["name"]) for m in doc["members"] for j in m["jobs"] if j["status"] in ("added", "renamed")}


def _lost(doc: dict) -> set[tuple[str, str]]:
    """(member, job) of each job removed, or renamed from, per member."""
    return {
        (m["name"], j["old_name"] if j["status"] == "renamed" else j["name"])
        for m in doc["members"]
        for j in m["jobs"]
        if j["status"] in ("removed", "renamed")
    }


def test_pure_and_deterministic():
    from bkrdsl.pipeline import analyse

    model = analyse("prodssi.bkr", PRODSSI.encode()).model
    other = analyse("prodssi.bkr", PRODSSI.replace("daily 23:30", "daily 23:45").encode()).model
    first = show.changes_text(show.changes(show.view(model), show.view(other)))
    assert first == show.changes_text(show.changes(show.view(model), show.view(other)))
    assert "    time       was 23:30\n               now 23:45\n" in first


def test_an_old_file_with_errors_shows_nothing(tmp_path):
    new, _ = edited(tmp_path)
    result = run_cli(["show", new, "--against", EXAMPLES / "broken" / "prodssi.bkr"], expect=1)
    assert result.stdout == ""
    assert "error[" in result.stderr and "bkrc: errors in --against's file; nothing shown" in result.stderr


@pytest.mark.parametrize(
    "extra",
    [["--format", "csv"], ["--directory", str(EXAMPLES / "prodssi.direct")]],
    ids=["csv", "directory"],
)
def test_against_compares_no_coverage(tmp_path, extra):
    new, old = edited(tmp_path)
    result = run_cli(["show", new, "--against", old, *extra], expect=2)
    assert "--against compares what runs where and when" in result.output


def test_standard_input_is_read_once(tmp_path):
    result = run_cli(["show", "-", "--against", "-"], input=PRODSSI, expect=2)
    assert "standard input is read once" in result.output


def test_old_file_from_standard_input(tmp_path):
    new, _ = edited(tmp_path, ("weekly sat 22:00", "weekly sun 22:00"))
    out = run_cli(["show", new, "--against", "-"], input=PRODSSI, expect=0).stdout
    assert out.startswith(f"cluster PRODSSI: {new} against <stdin>\n")
    assert "    schedule   was weekly sat\n               now weekly sun\n" in out


def test_docs_example_is_what_bkrc_prints(tmp_path):
    """docs/show.md's transcript, its new.bkr made as the page says: prodssi.bkr with
    LNXINC on Sundays, SMTP added to group SYSIDS and LNXDB01 out of group LINUX."""
    page = (ROOT / "docs" / "show.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```text\n(\$ bkrc show [^\n]*--against[^\n]*\n.*?)```", page, re.DOTALL)
    command, shown = block.split("\n", 1)
    edited(
        tmp_path,
        ("run on VMSYS2 daily 23:30", "run on VMSYS2 weekly sun 23:30"),
        ("{ TCPIP FTPSERVE }", "{ TCPIP FTPSERVE SMTP }"),
        ("{ LNXWEB01 LNXWEB02 LNXDB01  match", "{ LNXWEB01 LNXWEB02  match"),
    )
    Path("examples").mkdir()
    Path("examples/prodssi.bkr").write_text(PRODSSI)
    assert run_cli(shlex.split(command)[2:], expect=0).stdout == shown


#: Example clusters that import the standard library alone, to hold generated clusters against.
STANDALONE = [p for p in sorted(EXAMPLES.glob("*.bkr")) if p.stem != "with-site"]


def _templates(artifacts) -> set[tuple[str, str]]:
    """(member, job) of each TEMPLATE file compile writes."""
    return {tuple(a.path.removesuffix(".TEMPLATE").split("/")) for a in artifacts if a.kind == "job-template"}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clusters(), st.sampled_from(STANDALONE), st.booleans())
def test_generated_clusters_agree_with_compile(text, example, generated_is_new):
    """A generated cluster the checker passes (odd members and job suffixes, local or
    shared catalogs, expiry split over blocks, manual jobs, Tape Manager nodes) against
    an example, either way round: the jobs added and removed per member are the
    TEMPLATE files compile writes for one and not the other; each against itself
    changes nothing; the text fits WIDTH; the JSON is JSON."""
    analysis, artifacts = compile_source("prop.bkr", text.encode())
    if artifacts is None:
        return
    other, other_artifacts = compile_source(example.name, example.read_bytes())
    pair = [(analysis, artifacts), (other, other_artifacts)]
    (old, old_artifacts), (new, new_artifacts) = pair if not generated_is_new else pair[::-1]
    old_view, new_view = show.view(old.model), show.view(new.model)
    for same in (old_view, new_view):
        itself = show.changes(same, same)
        assert itself.cluster == itself.members == itself.gained == itself.lost == itself.warnings == ()
    difference = show.changes(old_view, new_view)
    doc = json.loads(json.dumps(show.changes_json(difference)))
    before, after = _templates(old_artifacts), _templates(new_artifacts)
    assert _gained(doc) == after - before
    assert _lost(doc) == before - after
    assert max(len(line) for line in show.changes_text(difference).splitlines()) <= show.WIDTH
