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
import unicodedata
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, run_cli
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_compile_properties import _description, clusters

from bkrdsl import show
from bkrdsl.pipeline import compile_source
from bkrdsl.terminal import columns

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
            "job": None,
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
            f"  job SYSIN{n} (from SYSIN) changed\n"
            "    backs up   was SYSIDS (2 users)\n"
            "               now SYSIDS (3 users)\n"
            f"  job SYSME{n} (from SYSME) changed\n"
            "    backs up   was SYSIDS (2 users)\n"
            "               now SYSIDS (3 users)\n"
            "  whom its jobs back up:\n"
            f"    SMTP: backed up now by SYSIN{n}, SYSME{n} (by no job on VMSYS{n} before)\n"
        ) in out
    # The include of `*` names SMTP in its records too: that is the backup above, not a change of selection.
    assert "selects" not in out
    doc = against_json(new, old)
    assert doc["cluster"]["gained"] == [{"name": "SMTP", "type": "user"}]
    assert [m["backups"] for m in doc["members"]] == [
        [{"name": "SMTP", "type": "user", "old_jobs": [], "new_jobs": [f"SYSIN{n}", f"SYSME{n}"]}] for n in range(1, 5)
    ]


def test_a_user_dropped_from_a_group_is_backed_up_by_no_job(tmp_path):
    new, old = edited(tmp_path, ("{ LNXWEB01 LNXWEB02 LNXDB01  match", "{ LNXWEB01 LNXWEB02  match"))
    out = against(new, old)
    assert "  backed up by no job now: LNXDB01\n" in out
    assert "    LNXDB01: no job on VMSYS2 backs up now (was LNXFULL, LNXINC)\n" in out
    assert against_json(new, old)["cluster"]["lost"] == [{"name": "LNXDB01", "type": "user"}]


def test_h7_an_import_moved_to_the_next_release_says_the_ids_it_declares_now_and_no_longer(tmp_path):
    """prodssi.bkr's `import std/zvm73` become `import std/zvm74`, an upgrade's step: the
    review said `no change in what runs where and when` alone, and the new release's
    service IDs, which the site's jobs may need, were nowhere. The header names those the
    standard library declares now and no longer, with kind and module; nothing runs
    otherwise, which it says too. Mid-upgrade, both imports, only the new ones."""
    new, old = edited(tmp_path, ("import std/zvm73\n", "import std/zvm74\n"))
    assert against(new, old) == (
        "cluster PRODSSI: new.bkr against old.bkr\n"
        "  the standard library declares now (std/zvm74, single): 7VMDIR40, 7VMHCD40, 7VMPTK40, 7VMRAC40,\n"
        "    7VMRSC40, 7VMTCP40, MAINT740\n"
        "  the standard library declares no longer (std/zvm73, single): 7VMDIR30, 7VMHCD30, 7VMPTK30,\n"
        "    7VMRAC30, 7VMRSC30, 7VMTCP30, MAINT730\n"
        "  no change in what runs where and when\n"
    )
    library = against_json(new, old)["cluster"]["library"]
    assert library[0] == {"name": "7VMDIR30", "type": "user", "old": {"kind": "single", "module": "std/zvm73"}, "new": None}
    assert {x["name"] for x in library} == {
        f"{stem}{v}0" for v in "34" for stem in ("7VMDIR", "7VMHCD", "7VMPTK", "7VMRAC", "7VMRSC", "7VMTCP", "MAINT7")
    } - {"MAINT7"}
    both, old = edited(tmp_path, ("import std/zvm73\n", "import std/zvm73\nimport std/zvm74\n"), name="both.bkr")
    assert [x["new"]["module"] for x in against_json(both, old)["cluster"]["library"]] == ["std/zvm74"] * 7
    assert against(old, old) == "cluster PRODSSI: old.bkr against old.bkr\n  no change in what runs where and when\n"


def test_h7_a_kind_the_library_changes_is_said_was_and_now():
    """An ID the standard library declares with another kind in the new file's imports
    (none does today: docs/stdlib.md, "Per release", says an ID found to differ moves into
    the release modules): one line, the kinds and modules now and before."""
    base = show.ClusterView("C", "f.bkr", ("VMSYS1",), None, (), None, None, (), ())
    old = show.dataclasses.replace(base, library=((("user", "FOO"), ("single", "std/zvm73")),))
    new = show.dataclasses.replace(base, library=((("user", "FOO"), ("identity", "std/zvm74")),))
    (change,) = show.library_changes(old, new)
    assert change == show.LibraryChange("user", "FOO", ("single", "std/zvm73"), ("identity", "std/zvm74"))
    assert show._library_lines([change]) == [
        "  the standard library declares identity now (std/zvm74), single before (std/zvm73): FOO"
    ]
    moved = show.dataclasses.replace(base, library=((("user", "FOO"), ("single", "std/zvm-common")),))
    assert show.library_changes(old, moved) == ()


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
        "    `VMSYS1`: expiry then needs both members up\n"
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
    message = (
        "the shared catalog is purged from `VMSYS2`, but its SFS server runs on `VMSYS1`:"
        " expiry then needs both members up"
    )
    result = run_cli(["show", new, "--against", old], expect=0)
    assert "warning[BKR215]" in result.stderr
    # wrapped at the same word as before, the reason on the second line
    wrapped = message.replace(" `VMSYS1`:", "\n    `VMSYS1`:")
    assert f"  new warning BKR215: {wrapped}\n" in result.stdout
    doc = against_json(new, old)
    assert doc["cluster"]["new_warnings"] == [{"code": "BKR215", "message": message}]
    assert doc["cluster"]["warnings_gone"] == []
    back = against_json(old, new)
    assert back["cluster"]["new_warnings"] == [] and back["cluster"]["warnings_gone"] == [
        {"code": "BKR215", "message": message}
    ]
    assert f"  warning gone BKR215: {wrapped}\n" in against(old, new)


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
        "job": None,
    }


def test_an_identity_job_renamed_is_renamed_on_every_member(tmp_path):
    new, old = edited(tmp_path, ("job SYSIN {", "job SYSNGT {"))
    out = against(new, old)
    for n in range(1, 5):
        assert f"member VMSYS{n}\n  job SYSNGT{n} (from SYSNGT) renamed from SYSIN{n}\n" in out
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
        "  job SYSIN4 (from SYSIN) removed: daily 03:30 identity incremental to tape, backs up SYSIDS\n"
        "      (2 users)\n"
        '      "System machines, one job per member"\n'
        "  job SYSME4 (from SYSME) removed: monthly last-day 20:00 identity full to tape, backs up SYSIDS\n"
        "      (2 users)\n"
        '      "System machines, month-end full, one job per member"\n'
        "  whom its jobs back up:\n"
        "    FTPSERVE, TCPIP: no job on VMSYS4 backs up now (was SYSIN4, SYSME4)\n"
        # its SUBCONFIGs go with it: each IDENTITY's instance there, and its minidisks
        "  minidisk BKRBKUP 0191 removed: 10 cyl on M4PRV1\n"
        "  minidisk BKRCATLG 0191 removed: 10 cyl on M4PRV1\n"
        "  minidisk BKRWRK01 0191 removed: 5 cyl on M4PRV1\n"
        "  minidisk BKRWRK02 0191 removed: 5 cyl on M4PRV1\n"
        "  minidisk TRTMM 0191 removed: 10 cyl on M4PRV1\n"
        "  minidisk TRDMM 0191 removed: 10 cyl on M4PRV1\n"
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


def test_against_lists_no_csv(tmp_path):
    new, old = edited(tmp_path)
    directory = EXAMPLES / "prodssi.direct"
    result = run_cli(["show", new, "--against", old, "--directory", directory, "--format", "csv"], expect=2)
    assert "--against compares what runs where and when" in result.output and "leave out --format csv" in result.output


def test_standard_input_is_read_once(tmp_path):
    result = run_cli(["show", "-", "--against", "-"], input=PRODSSI, expect=2)
    assert "standard input is read once" in result.output


def test_old_file_from_standard_input(tmp_path):
    new, _ = edited(tmp_path, ("weekly sat 22:00", "weekly sun 22:00"))
    out = run_cli(["show", new, "--against", "-"], input=PRODSSI, expect=0).stdout
    assert out.startswith(f"cluster PRODSSI: {new} against <stdin>\n")
    assert "    schedule   was weekly sat\n               now weekly sun\n" in out


def test_docs_examples_are_what_bkrc_prints(tmp_path):
    """docs/show.md's transcripts, their new.bkr made as the page says: prodssi.bkr with
    LNXINC on Sundays, SMTP added to group SYSIDS and LNXDB01 out of group LINUX; the
    one with --directory is the output's start, up to its `...`."""
    page = (ROOT / "docs" / "show.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```text\n(\$ bkrc show [^\n]*--against[^\n]*\n.*?)```", page, re.DOTALL)
    assert len(blocks) == 2 and "--directory" in blocks[1]
    edited(
        tmp_path,
        ("run on VMSYS2 daily 23:30", "run on VMSYS2 weekly sun 23:30"),
        ("{ TCPIP FTPSERVE }", "{ TCPIP FTPSERVE SMTP }"),
        ("{ LNXWEB01 LNXWEB02 LNXDB01  match", "{ LNXWEB01 LNXWEB02  match"),
    )
    Path("examples").mkdir()
    Path("examples/prodssi.bkr").write_text(PRODSSI)
    Path("examples/prodssi.direct").write_bytes((EXAMPLES / "prodssi.direct").read_bytes())
    for block in blocks:
        command, shown = block.split("\n", 1)
        printed = run_cli(shlex.split(command)[2:], expect=0).stdout
        start, cut, _ = shown.partition("...\n")
        assert printed.startswith(start) if cut else printed == shown
        assert len(start.splitlines()) > 3


#: Example clusters that import the standard library alone, to hold generated clusters against.
STANDALONE = [p for p in sorted(EXAMPLES.glob("*.bkr")) if p.stem != "with-site"]


def _templates(artifacts) -> set[tuple[str, str]]:
    """(member, job) of each TEMPLATE file compile writes."""
    return {tuple(a.path.removesuffix(".TEMPLATE").split("/")) for a in artifacts if a.kind == "job-template"}


def _mdisks(artifacts) -> dict[tuple[str, str | None, str], tuple[str, str, str | None]]:
    """(owner, member or None for a USER, address) -> (size, volume, start or None for
    AUTOV) of each MDISK statement of the DIRECT files compile writes: a USER entry's
    own, an IDENTITY's SUBCONFIG's by the BUILD statement that names it."""
    entries = {a.path: a.data.decode("utf-8") for a in artifacts if a.kind == "directory"}
    subconfigs = {}
    for text in entries.values():
        for words in (line.split() for line in text.splitlines()):
            if words[:1] == ["IDENTITY"]:
                owner = words[1]
            if words[:2] == ["BUILD", "ON"]:
                subconfigs[words[5]] = (owner, words[2])
    out = {}
    for text in entries.values():
        whose = None
        for words in (line.split() for line in text.splitlines()):
            if words[:1] in (["USER"], ["IDENTITY"], ["SUBCONFIG"]):
                whose = (words[1], None) if words[0] == "USER" else subconfigs.get(words[1])
            if words[:1] == ["MDISK"]:
                _, address, _, start, size, volume, *_ = words
                out[(*whose, address)] = (size, volume, None if start == "AUTOV" else str(int(start)))
    return out


def _minidisk_changes(doc: dict) -> dict[tuple[str, str | None, str], str]:
    """(owner, member or None, address) -> status of each minidisk change `--against` says."""
    out = {(d["owner"], None, d["address"]): d["status"] for d in doc["cluster"]["minidisks"]}
    out.update({(d["owner"], m["name"], d["address"]): d["status"] for m in doc["members"] for d in m["minidisks"]})
    return out


def test_minidisks_changed_are_the_mdisk_statements_compile_writes(tmp_path):
    """A worker more on VMSYS3, VMSYS4 removed, BKRBKUP's 191 resized, the catalog server
    placed on VMSYS2, the SFS server's moved, an admin's minidisk added: each minidisk
    `--against` says is added, removed or changed is an MDISK statement of the DIRECT
    files that the two compiles write differently, and the reverse."""
    new, old = edited(
        tmp_path,
        ("member VMSYS3 { workers 2 ", "member VMSYS3 { workers 3 "),
        ("  member VMSYS4 { workers 2  private-volume M4PRV1 }\n", ""),
        ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 12 cyl"),
        ("disk BKRCATLG 191 size 10 cyl", "disk BKRCATLG 191 size 10 cyl on M2PRV1 at 500"),
        ("on VMCOM1 at 1000", "on VMCOM1 at 1200"),
        ("  disk BKRADMIN 191 size 10 cyl\n", "  disk BKRADMIN 191 size 10 cyl\n  disk BKRADMIN 192 size 3 cyl\n"),
    )
    before, after = (_mdisks(compile_source(str(p), p.read_bytes())[1]) for p in (old, new))
    said = _minidisk_changes(against_json(new, old))
    assert {k for k, v in said.items() if v == "added"} == after.keys() - before.keys()
    assert {k for k, v in said.items() if v == "removed"} == before.keys() - after.keys()
    assert {k for k, v in said.items() if v == "changed"} == {k for k in before.keys() & after.keys() if before[k] != after[k]}
    # BKRWRK03's on VMSYS3; BKRADMIN's 192 and the SFS server's; VMSYS4's six; BKRBKUP's on
    # VMSYS1 to VMSYS3; BKRCATLG's on VMSYS2.
    assert len(said) == 1 + 2 + 6 + 3 + 1


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
    disks_before, disks_after = _mdisks(old_artifacts), _mdisks(new_artifacts)
    said = _minidisk_changes(doc)
    assert {k for k, v in said.items() if v == "added"} == disks_after.keys() - disks_before.keys()
    assert {k for k, v in said.items() if v == "removed"} == disks_before.keys() - disks_after.keys()
    changed = {k for k in disks_before.keys() & disks_after.keys() if disks_before[k] != disks_after[k]}
    assert {k for k, v in said.items() if v == "changed"} == changed
    assert max(len(line) for line in show.changes_text(difference).splitlines()) <= show.WIDTH


# ------------------------------------------------------------------ minidisks, descriptions, coverage
BANK = (EXAMPLES / "bank.bkr").read_text(encoding="utf-8")


def test_an_identity_s_disk_resized_changes_each_member_s_instance(tmp_path):
    new, old = edited(tmp_path, ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 20 cyl"))
    out = against(new, old)
    for n in range(1, 5):
        assert (
            f"member VMSYS{n}\n"
            "  minidisk BKRBKUP 0191 changed\n"
            "    size       was 10 cyl\n"
            "               now 20 cyl\n"
        ) in out
    doc = against_json(new, old)
    assert doc["cluster"]["minidisks"] == []
    assert [m["minidisks"] for m in doc["members"]] == [
        [
            {
                "owner": "BKRBKUP",
                "address": "0191",
                "status": "changed",
                "old": {"size": 10, "unit": "cyl", "volume": f"M{n}PRV1", "start": None},
                "new": {"size": 20, "unit": "cyl", "volume": f"M{n}PRV1", "start": None},
            }
        ]
        for n in range(1, 5)
    ]
    assert [m["jobs"] for m in doc["members"]] == [[]] * 4


def test_a_user_s_disk_moved_is_the_cluster_s(tmp_path):
    """A single-configuration machine's minidisk is one, on shared DASD: said once, in the header."""
    new, old = edited(tmp_path, ("disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000", "disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 2000"))
    assert against(new, old) == (
        f"cluster PRODSSI: {new} against {old}\n"
        "  minidisk BKRSVSFS 0191 changed\n"
        "    start      was 1,000\n"
        "               now 2,000\n"
    )
    doc = against_json(new, old)
    assert doc["members"] == []
    ((disk,),) = [doc["cluster"]["minidisks"]]
    assert (disk["owner"], disk["status"], disk["old"]["start"], disk["new"]["start"]) == ("BKRSVSFS", "changed", 1000, 2000)


def test_a_disk_added_and_one_placed(tmp_path):
    """A new `disk` gives every instance a minidisk; one `on` a member's volume `at` a
    cylinder places that member's alone, the others still allocated."""
    new, old = edited(
        tmp_path,
        ("  disk BKRADMIN 191 size 10 cyl\n", "  disk BKRADMIN 191 size 10 cyl\n  disk BKRADMIN 192 size 3 cyl\n"),
        ("disk BKRCATLG 191 size 10 cyl", "disk BKRCATLG 191 size 10 cyl on M2PRV1 at 500"),
    )
    out = against(new, old)
    assert out.split("\n\n")[0].endswith("\n  minidisk BKRADMIN 0192 added: 3 cyl on VMCOM1")
    assert "member VMSYS2\n  minidisk BKRCATLG 0191 changed\n    start      was allocated\n               now 500\n" in out
    assert "member VMSYS1" not in out and "member VMSYS3" not in out
    back = against(old, new)
    assert "  minidisk BKRADMIN 0192 removed: 3 cyl on VMCOM1\n" in back


def test_a_worker_added_brings_its_minidisk(tmp_path):
    new, old = edited(tmp_path, ("member VMSYS3 { workers 2 ", "member VMSYS3 { workers 3 "))
    out = against(new, old)
    assert out.startswith(f"cluster PRODSSI: {new} against {old}\n\nmember VMSYS3\n  workers    was 2\n")
    assert out.endswith("  minidisk BKRWRK03 0191 added: 5 cyl on M3PRV1\n")


def test_a_job_s_description_changed_is_said_was_and_now(tmp_path):
    new, old = edited(
        tmp_path, ('"Weekly full backup of the Linux guests"', '"Weekly full of the Linux guests, 0100-0FFF"')
    )
    assert against(new, old) == (
        f"cluster PRODSSI: {new} against {old}\n"
        "\n"
        "member VMSYS2\n"
        "  job LNXFULL changed\n"
        '    description was "Weekly full backup of the Linux guests"\n'
        '                now "Weekly full of the Linux guests, 0100-0FFF"\n'
    )
    ((job,),) = [m["jobs"] for m in against_json(new, old)["members"]]
    assert job["changes"] == [
        {
            "what": "description",
            "old": "Weekly full backup of the Linux guests",
            "new": "Weekly full of the Linux guests, 0100-0FFF",
        }
    ]
    # One taken out is `none`; a job renamed with a new description is renamed still.
    new, old = edited(
        tmp_path, ('    description "Weekly full backup of the Linux guests"\n', ""), ("job LNXFULL {", "job LNXWEEK {")
    )
    assert against(new, old).endswith(
        "  job LNXWEEK renamed from LNXFULL\n"
        '    description was "Weekly full backup of the Linux guests"\n'
        "                now none\n"
    )
    # `bkrc show --help` says descriptions are compared, as docs/show.md does.
    said = " ".join(run_cli(["show", "--help"], expect=0).stdout.split())
    assert "jobs added, removed or changed (their descriptions too)" in said


def _bank(tmp_path, *replacements):
    """bank.bkr as OLD and a copy with `replacements` as FILE, and bank.direct beside them."""
    old, new = Path("old.bkr"), Path("new.bkr")
    old.write_text(BANK)
    text = BANK
    for before, after in replacements:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    new.write_text(text)
    Path("bank.direct").write_bytes((EXAMPLES / "bank.direct").read_bytes())
    return new, old


def test_coverage_with_directory_says_whom_a_change_backs_up(tmp_path):
    """An exclude taken out of an IDENTITY job and one out of a member: the Linux guests'
    swap disks and DB2B's sort work disks are backed up now. A USER's coverage is said
    once, in the header; an IDENTITY's under each member, its users alike on one line."""
    new, old = _bank(
        tmp_path,
        ("    exclude minidisk LNXP* 0203\n", ""),
        ("    exclude minidisk DB2B 0600-06FF  # DB2B's sort work disks, on PRODB only\n", ""),
    )
    out = against(new, old, "--directory", "bank.direct")
    assert (
        "  coverage of the users with minidisks in bank.direct: 524 of 524 minidisks backed up now, 363 of\n"
        "    524 before; their allocated size 102,233,188,800 bytes now, 74,864,476,800 before (27.4 GB more)\n"
        "  USER entries whose coverage changes (the same on every member):\n"
        "    DB2B\n"
        "      was backed up: 0191 0500; excluded: 0600\n"
        "      now backed up: 0191 0500 0600\n"
    ) in out
    for member in ("PRODA", "PRODB", "PRODC", "PRODD"):
        section = out.split(f"\nmember {member}\n")[1].split("\n\n")[0].rstrip("\n")
        assert section.endswith(
            "  IDENTITY entries whose coverage on it changes:\n"
            "    LNXP01, LNXP02, LNXP03, LNXP04, LNXP05, LNXP06, LNXP07, LNXP08, LNXP09, LNXP10, LNXP11, LNXP12\n"
            "      (and 28 more)\n"
            "      was backed up: 0191 0200; excluded: 0203\n"
            "      now backed up: 0191 0200 0203"
        )
    doc = against_json(new, old, "--directory", "bank.direct")
    coverage = doc["cluster"]["coverage"]
    assert coverage["directory"] == "bank.direct"
    assert coverage["minidisks"] == {"old": 524, "new": 524}
    assert coverage["minidisks_backed_up"] == {"old": 363, "new": 524}
    # backed up now: DB2B's 0600 and the 40 Linux guests' 0203 on 4 members, 200 cylinders each
    grown = (1 + 40 * 4) * 200 * 15 * 56_664
    assert coverage["bytes_backed_up"] == {"old": 74_864_476_800, "new": 74_864_476_800 + grown}
    ((db2b,),) = [coverage["users"]]
    assert db2b["user"] == "DB2B" and db2b["statement"] == "USER"
    assert [d["status"] for d in db2b["old"]["minidisks"]] == ["backed-up", "backed-up", "excluded"]
    assert {d["status"] for d in db2b["new"]["minidisks"]} == {"backed-up"}
    for member in doc["members"]:
        assert [u["user"] for u in member["coverage"]] == [f"LNXP{n:02}" for n in range(1, 41)]
        assert {u["statement"] for u in member["coverage"]} == {"IDENTITY"}
    # The CSV of each file, diffed, says the same: the rows that change status are these.
    rows = {}
    for path in (old, new):
        csv = run_cli(["show", path, "--directory", "bank.direct", "--format", "csv"], expect=0).stdout
        rows[path] = {tuple(line.split(",")[:5]): line.split(",")[5] for line in csv.splitlines()[1:]}
    moved = {key for key in rows[new] if rows[new][key] != rows[old][key]}
    said = {("DB2B", "USER", "", d["address"]) for d in db2b["new"]["minidisks"] if d["status"] != "excluded"}
    assert {(u, s, m, a) for u, s, m, _, a in moved} == (
        {("DB2B", "USER", "", "0600")}
        | {(f"LNXP{n:02}", "IDENTITY", m["name"], "0203") for m in doc["members"] for n in range(1, 41)}
    )
    assert ("DB2B", "USER", "", "0600") in said


def test_coverage_unchanged_and_without_directory(tmp_path):
    new, old = _bank(tmp_path, ("run on each member weekly sun 04:00", "run on each member weekly sun 05:00"))
    out = against(new, old, "--directory", "bank.direct")
    assert "coverage" not in out and "    time       was 04:00\n" in out
    assert against_json(new, old, "--directory", "bank.direct")["cluster"]["coverage"] == {
        "directory": "bank.direct",
        "minidisks": {"old": 524, "new": 524},
        "minidisks_backed_up": {"old": 363, "new": 363},
        "bytes_backed_up": {"old": 74_864_476_800, "new": 74_864_476_800},
        "users": [],
        "zvm": [],
        "product": [],
    }
    doc = against_json(new, old)
    assert doc["cluster"]["coverage"] is None and {len(m["coverage"]) for m in doc["members"]} == {0}
    new, old = _bank(tmp_path)
    assert against(new, old, "--directory", "bank.direct").splitlines()[1:] == [
        "  no change in what runs where and when, nor whom it backs up"
    ]


def test_directory_checks_are_file_s_alone(tmp_path):
    """FILE is checked against the directory (its warnings on standard error); OLD is
    not, so those warnings are no `new warning` of the change."""
    new, old = edited(tmp_path, ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 20 cyl"))
    result = run_cli(["show", new, "--against", old, "--directory", EXAMPLES / "prodssi.direct"], expect=0)
    assert "warning[BKR519]" in result.stderr
    assert "new warning" not in result.stdout and "minidisk BKRBKUP 0191 changed" in result.stdout


#: What a terminal acts on rather than shows: C0 controls (a tab aside), DEL, C1
#: controls and bidirectional formatting characters (docs/security.md, "Reports").
_ACTED_ON = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


#: A cluster `clusters` draws, with job GUESTS1's description.
SMALL = """\
import std/backup-manager
cluster PROP {
  member VMSYS1 { workers 1 }
  catalog local server BKRSVSFS pool BKRPOOL
  expire on each member { purge weekly sun 03:00  retain 30 days }
  single group GUESTS { LNX01  match LNX* }
  job GUESTS1 {
    description ""
    backup GUESTS full
    include minidisk * *
    to disk pool BKUPPOOL
    run on VMSYS1 daily 01:00
  }
}
"""


#: Any text a description may hold: a NUL byte would make the file no text file at
#: all (BKR001: test_a_nul_in_a_description_is_no_text_file), not a description changed.
DESCRIPTIONS = st.text(st.characters(exclude_characters="\x00"), max_size=120)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clusters(), DESCRIPTIONS)
@example(SMALL, "\x1b[2J \u202e \x85")  # clear the screen, right to left, a C1 control
@example(SMALL, "see https://wiki.example.com/" + "x" * 90)  # a word longer than a line
@example(SMALL, "日本語" * 30 + " e\u0301" * 40)  # wide characters, combining accents
def test_a_generated_job_s_description_changed_is_said_of_that_job_alone(text, description):
    """A generated cluster the checker passes against itself with job GUESTS1's
    description changed to any text: the JSON says exactly that change, of GUESTS1 on
    the member that runs it, in the words of each file; the text fits WIDTH and holds
    none of the characters a terminal acts on (docs/security.md)."""
    analysis, artifacts = compile_source("old.bkr", text.encode())
    if artifacts is None:
        return
    line = next(x for x in text.split("\n") if x.startswith("    description "))  # not splitlines: a form feed is no line end
    changed = text.replace(line, f"    description {_description(description)}")
    now, _ = compile_source("new.bkr", changed.encode())
    assert now.ok, [d.message for d in now.diagnostics if d.severity.value == "error"]
    (was_job,), (now_job,) = ([j for j in a.model.jobs if j.name == "GUESTS1"] for a in (analysis, now))
    difference = show.changes(show.view(analysis.model), show.view(now.model))
    doc = json.loads(json.dumps(show.changes_json(difference)))
    said = [(m["name"], j["name"], j["changes"]) for m in doc["members"] for j in m["jobs"]]
    assert doc["cluster"]["changes"] == [] and all(m["changes"] == [] for m in doc["members"])
    if was_job.description == now_job.description:
        assert said == []
    else:
        (home,) = was_job.members
        change = {"what": "description", "old": was_job.description, "new": now_job.description}
        assert said == [(home, "GUESTS1", [change])]
    out = show.changes_text(difference)
    assert max(columns(line) for line in out.split("\n")) <= show.WIDTH
    assert not _ACTED_ON.search(out.replace("\n", " "))


def test_a_nul_in_a_description_is_no_text_file():
    """Seed 40024 drew a NUL for the property above: the changed file then is no text
    file (BKR001), which is the reader's answer, not a change for `show` to say."""
    changed = SMALL.replace('    description ""', f"    description {_description(chr(0))}")
    now, artifacts = compile_source("new.bkr", changed.encode())
    assert artifacts is None
    assert [(d.code, d.span.line, d.span.column) for d in now.diagnostics] == [("BKR001", 8, 18)]


def test_a_description_s_terminal_characters_are_written_as_code_points(tmp_path):
    """A change under review may hide `ESC [ 2 J` (clear the screen) or a right-to-left
    override in a description: the text writes each as `<U+XXXX>`, and a `<U+` of the
    description's own as `<U+003C>U+`; the JSON keeps the description as it is."""
    described = 'description "Weekly \x1b[2J full \u202e<U+1234> \x85"'
    new, old = edited(tmp_path, ('description "Weekly full backup of the Linux guests"', described))
    out = against(new, old)
    assert '                now "Weekly <U+001B>[2J full <U+202E><U+003C>U+1234> <U+0085>"\n' in out
    assert not _ACTED_ON.search(out.replace("\n", " "))
    ((job,),) = [m["jobs"] for m in against_json(new, old)["members"]]
    assert job["changes"][0]["new"] == "Weekly \x1b[2J full \u202e<U+1234> \x85"


def test_a_description_s_word_longer_than_a_line_is_cut_at_width(tmp_path):
    """Lines are at most WIDTH columns (docs/show.md): a description's word longer
    than a line (a URL, a path) is cut there, where a name would be kept whole."""
    word = "https://wiki.example.com/" + "x" * 90
    new, old = edited(tmp_path, ("Weekly full backup of the Linux guests", f"Weekly full, see {word}"))
    lines = against(new, old).splitlines()
    assert max(len(line) for line in lines) == show.WIDTH
    now = next(n for n, line in enumerate(lines) if line.startswith('                now "Weekly full, see '))
    said = lines[now].removeprefix('                now "Weekly full, see ') + "".join(x.strip() for x in lines[now + 1 :])
    assert said == f'{word}"'


@pytest.mark.parametrize(
    "description",
    [
        "日本語のバックアップ" * 12,  # wide characters, two columns each, no blank to fold at
        "re\u0301seau\u0300" * 25,  # accents written as their own marks, after the letter
    ],
)
def test_a_description_is_cut_at_width_in_terminal_columns(tmp_path, description):
    """Lines are at most WIDTH terminal columns (docs/show.md), not characters: a wide
    (East Asian) character takes two, a combining accent none and stays with the
    letter it marks; a line cut in a word is cut as near WIDTH as its characters allow."""
    new, old = edited(tmp_path, ("Weekly full backup of the Linux guests", description))
    lines = against(new, old).splitlines()
    assert max(columns(line) for line in lines) <= show.WIDTH
    now = next(n for n, line in enumerate(lines) if line.startswith('                now "'))
    cut = lines[now:]
    cut = cut[: next((n for n, line in enumerate(cut) if not line.startswith(" " * 16)), len(cut))]
    assert len(cut) > 1 and all(columns(line) >= show.WIDTH - 1 for line in cut[:-1])
    assert not any(unicodedata.combining(line.lstrip()[0]) for line in cut)
    said = cut[0].removeprefix('                now "') + "".join(line[20:] for line in cut[1:])
    assert said.replace(" ", "") == f'{description}"'.replace(" ", "")


# stop 72, h4: a job added or removed shows its description below its line
APPSINC = "  job APPSINC {\n    backup APPS incremental\n    include minidisk * 0191\n    to disk pool BKUPPOOL\n"
APPSINC += "    run on VMSYS1 daily 23:00\n  }\n\n"


def test_a_job_added_or_removed_shows_its_description(tmp_path):
    """A reviewer reads what a new job is for, and what a removed one was for, as the
    table shows it; a job without a description (APPSINC below) has no such line."""
    new, old = edited(
        tmp_path,
        ("job LNXINC {", "job LNXNIGHT {"),
        ("daily 23:30", "daily 23:45"),
        ("  job SYSIN {", APPSINC + "  job SYSIN {"),
    )
    out = against(new, old)
    assert (
        "  job LNXNIGHT added: daily 23:45 single incremental to disk pool BKUPPOOL, backs up LINUX\n"
        "      (3 users, match LNXAPP*)\n"
        "      \"Nightly incremental of the Linux guests' CMS disks\"\n"
    ) in out
    assert (
        "  job LNXINC removed: daily 23:30 single incremental to disk pool BKUPPOOL, backs up LINUX\n"
        "      (3 users, match LNXAPP*)\n"
        "      \"Nightly incremental of the Linux guests' CMS disks\"\n"
    ) in out
    (added,) = [i for i, line in enumerate(out.splitlines()) if line.startswith("  job APPSINC added:")]
    assert not out.splitlines()[added + 1].lstrip().startswith('"')


def test_a_job_made_manual_is_a_coverage_change_and_no_change_of_whom(tmp_path):
    """LNXFULL made `manual` (submitted by hand, never by BKRSUBMT DUE): each guest's
    0100 is backed up by a manual job alone now, which the coverage says (it said
    nothing: the status stays `backed-up`); the same two jobs back the guests up, in
    another time order (a manual job last), which is no change of whom."""
    new, old = edited(tmp_path, ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2"))
    direct = str(EXAMPLES / "prodssi.direct")
    out = against(new, old, "--directory", direct)
    assert (
        "  USER entries whose coverage changes (the same on every member):\n"
        "    LNXAPP01, LNXAPP02, LNXDB01, LNXWEB01, LNXWEB02\n"
        "      was backed up: 0100 0191\n"
        "      now backed up: 0191; backed up by `manual` jobs alone: 0100\n"
    ) in out
    assert "whom its jobs back up" not in out
    data = json.loads(against(new, old, "--directory", direct, "--format", "json"))
    (web,) = [u for u in data["cluster"]["coverage"]["users"] if u["user"] == "LNXWEB01"]
    assert web["old"]["minidisks"][0] == {"address": "0100", "status": "backed-up", "manual_only": False}
    assert web["new"]["minidisks"][0] == {"address": "0100", "status": "backed-up", "manual_only": True}
    (vmsys2,) = data["members"]
    assert vmsys2["backups"] == []


def test_a_local_catalog_s_retain_changed_where_members_keep_backups_for_different_times(tmp_path, monkeypatch):
    """VM2's retain 90 -> 120 days, VM1's 30 as before: `retain_days` is null in both
    (they differ), and the change was not shown; now `retains`, each member's."""
    from test_show import LOCAL_RETAINS

    monkeypatch.chdir(tmp_path)
    Path("old.bkr").write_text(LOCAL_RETAINS)
    Path("new.bkr").write_text(LOCAL_RETAINS.replace("retain 90 days", "retain 120 days"))
    assert against("new.bkr", "old.bkr") == (
        "cluster TESTSSI: new.bkr against old.bkr\n"
        "  retain     was 30 days on VM1, 90 days on VM2\n"
        "             now 30 days on VM1, 120 days on VM2\n"
    )
    data = json.loads(against("new.bkr", "old.bkr", "--format", "json"))
    assert data["cluster"]["changes"] == [
        {
            "what": "retains",
            "old": [{"member": "VM1", "days": 30, "gone_by_days": 37}, {"member": "VM2", "days": 90, "gone_by_days": 97}],
            "new": [{"member": "VM1", "days": 30, "gone_by_days": 37}, {"member": "VM2", "days": 120, "gone_by_days": 127}],
        }
    ]
    # from one time to two: `retain_days`'s change alone, said with each member's
    Path("old.bkr").write_text(LOCAL_RETAINS.replace("retain 90 days", "retain 30 days"))
    assert against("new.bkr", "old.bkr") == (
        "cluster TESTSSI: new.bkr against old.bkr\n"
        "  retain     was 30 days\n"
        "             now 30 days on VM1, 120 days on VM2\n"
    )


def test_a_job_added_or_removed_is_described_in_the_json_as_in_the_text(tmp_path):
    """The JSON of a job added said its name and status alone: a script could not tell
    when it runs, at what level, to where, or what it is for, which the text's line
    says. Its `job` is now as `bkrc show`'s members[].jobs[] has it (null for a job
    changed or renamed, whose `changes` say what differs)."""
    new, old = edited(
        tmp_path,
        ("job LNXINC {", "job LNXNIGHT {"),
        ("daily 23:30", "daily 23:45"),
        ("run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly sun 22:00"),
    )
    data = json.loads(against(new, old, "--format", "json"))
    (vmsys2,) = [m for m in data["members"] if m["name"] == "VMSYS2"]
    jobs = {j["name"]: j for j in vmsys2["jobs"]}
    assert {name: j["status"] for name, j in jobs.items()} == {
        "LNXFULL": "changed",
        "LNXNIGHT": "added",
        "LNXINC": "removed",
    }
    assert jobs["LNXFULL"]["job"] is None
    for name, time in (("LNXNIGHT", "23:45"), ("LNXINC", "23:30")):
        job = jobs[name]["job"]
        assert (job["name"], job["level"], job["schedule"], job["time"], job["to"]) == (
            name,
            "incremental",
            "daily",
            time,
            {"medium": "disk", "pool": "BKUPPOOL"},
        )
        assert job["description"] == "Nightly incremental of the Linux guests' CMS disks"


# stop 72, h10: a changed retain of local catalogs breaks between members, as the header
def test_a_changed_list_of_retains_breaks_between_members(tmp_path):
    """`was 100 days on VMSYSTM1, ..., 120 days on` / `VMSYSTM4`: the was/now lines lost
    the header's no-break spaces before they were wrapped. Each `N days on MEMBER` stays
    on one line now (so do the tape nodes and volumes, which have them too)."""
    members = ("VMSYSTM1", "VMSYSTM2", "VMSYSTM3", "VMSYSTM4")

    def cluster(last: int) -> str:
        days = (100, 200, 300, last)
        return (
            "import std/backup-manager\n\ncluster TESTSSI {\n"
            + "".join(f"  member {m} {{ workers 2 }}\n" for m in members)
            + "  catalog local\n"
            + "".join(f"  expire on {m} {{ purge weekly sun 06:00  retain {d} days }}\n" for m, d in zip(members, days))
            + "  identity group SYSTEM { RSCS }\n"
            + "  job SYSFU {\n    backup SYSTEM full\n    include minidisk * 0191\n    to disk\n"
            + "    run on each member daily 02:00\n  }\n}\n"
        )

    old, new = tmp_path / "old.bkr", tmp_path / "new.bkr"
    old.write_text(cluster(120))
    new.write_text(cluster(150))
    lines = against(str(new), str(old)).splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  retain "))
    assert lines[at : at + 4] == [
        "  retain     was 100 days on VMSYSTM1, 200 days on VMSYSTM2, 300 days on VMSYSTM3,",
        "                 120 days on VMSYSTM4",
        "             now 100 days on VMSYSTM1, 200 days on VMSYSTM2, 300 days on VMSYSTM3,",
        "                 150 days on VMSYSTM4",
    ]


# stop 74, h3: z/VM's own IDs' and the product's machines' coverage changes are said
#: A job of group ADMINS (PMAINT, BKRADMIN) on VMSYS1, added after APPSFULL.
ADMFULL = (
    "\n  job ADMFULL {\n    backup ADMINS full\n"
    "    include minidisk * 0191 0CF0\n    to tape\n    run on VMSYS1 daily 04:00\n  }\n"
)
_DIRECTORY = str(ROOT / "examples" / "prodssi.direct")
#: TCPIP's 0191 excluded from both of SYSIDS's jobs: whom they back up stays the same
#: (TCPIP is still named), but no job backs up that minidisk any more.
_TCPIP_EXCLUDED = tuple(
    (f"backup SYSIDS {level}\n    include minidisk * 0191\n", f"backup SYSIDS {level}\n    include minidisk * 0191\n    exclude minidisk TCPIP 0191\n")
    for level in ("incremental", "full")
)


def _state(status: str, *disks: tuple[str, str]) -> dict:
    return {"status": status, "minidisks": [{"address": a, "status": s, "manual_only": False} for a, s in disks]}


def test_h3_74_a_zvm_id_s_minidisk_no_longer_backed_up_and_again(tmp_path):
    """`--against` compared the guests' coverage alone: TCPIP's 0191, excluded from
    SYSIDS's jobs, said only the jobs' `selects`. Each member says it now, below the
    guests' lines, out of the counts; and the reverse change, the other way."""
    new, old = edited(tmp_path, *_TCPIP_EXCLUDED)
    for first, second, was, now in ((new, old, "backed up: 0191", "excluded: 0191"), (old, new, "excluded: 0191", "backed up: 0191")):
        out = against(first, second, "--directory", _DIRECTORY)
        for member in ("VMSYS1", "VMSYS2", "VMSYS3", "VMSYS4"):
            part = out.split(f"\nmember {member}\n", 1)[1].split("\n\nmember ", 1)[0].rstrip("\n") + "\n"
            assert part.endswith(
                "  z/VM's own IDs' IDENTITY entries whose coverage on it changes (left out of the counts):\n"
                "    TCPIP\n"
                f"      was {was}\n"
                f"      now {now}\n"
            ), part
        assert "  coverage of the users with minidisks in " in out and "14 of 14 minidisks backed up now, 14 of 14 before" in " ".join(out.split())
        doc = against_json(first, second, "--directory", _DIRECTORY)
        assert doc["cluster"]["coverage"]["zvm"] == doc["cluster"]["coverage"]["product"] == []
        backed, excluded = _state("backed-up", ("0191", "backed-up")), _state("excluded", ("0191", "excluded"))
        for m in doc["members"]:
            assert m["zvm_coverage"] == [
                {
                    "user": "TCPIP",
                    "statement": "IDENTITY",
                    "old": backed if first is new else excluded,
                    "new": excluded if first is new else backed,
                }
            ]
            assert m["coverage"] == m["product_coverage"] == [] and m["backups"] == []
    # without --directory: no coverage, and the keys are empty
    assert all(m["zvm_coverage"] == m["product_coverage"] == [] for m in against_json(new, old)["members"])


def test_h3_74_users_and_identities_of_z_vm_and_the_product_both_directions(tmp_path):
    """PMAINT (a USER of z/VM's) and BKRADMIN (a USER of the product's) backed up by a job
    added, BKRBKUP (an IDENTITY of the product's) by SYSIDS's jobs: the header says the
    USERs (the same on every member), each member its BKRBKUP; the counts stay the
    guests'. Taken out again, the other way round."""
    new, old = edited(
        tmp_path,
        ("  identity group SYSIDS { TCPIP FTPSERVE }", "  identity group SYSIDS { TCPIP FTPSERVE BKRBKUP }\n  single group ADMINS { PMAINT BKRADMIN }"),
        ("    run on VMSYS1 daily 02:00\n  }\n", "    run on VMSYS1 daily 02:00\n  }\n" + ADMFULL),
    )
    pmaint_before = _state("not-named", ("02CC", "not-selected"), ("0551", "not-selected"), ("0CF0", "not-selected"))
    pmaint_after = _state("backed-up", ("02CC", "not-selected"), ("0551", "not-selected"), ("0CF0", "backed-up"))
    one_before, one_after = _state("not-named", ("0191", "not-selected")), _state("backed-up", ("0191", "backed-up"))
    for first, second, forward in ((new, old, True), (old, new, False)):
        out = against(first, second, "--directory", _DIRECTORY)
        was, now = ("named by no job", "backed up: 0191") if forward else ("backed up: 0191", "named by no job")
        pmaint = ("named by no job", "backed up: 0CF0; not selected: 02CC 0551")
        pmaint = pmaint if forward else pmaint[::-1]
        assert "14 of 14 minidisks backed up now, 14 of 14 before" in " ".join(out.split())
        assert (
            "  z/VM's own IDs' USER entries whose coverage changes (left out of the counts):\n"
            "    PMAINT\n"
            f"      was {pmaint[0]}\n"
            f"      now {pmaint[1]}\n"
            "  the product's machines' USER entries whose coverage changes (left out of the counts):\n"
            "    BKRADMIN\n"
            f"      was {was}\n"
            f"      now {now}\n"
            "\nmember VMSYS1\n"
        ) in out, out
        assert out.count(
            "  the product's machines' IDENTITY entries whose coverage on it changes (left out of the counts):\n"
            f"    BKRBKUP\n      was {was}\n      now {now}\n"
        ) == 4
        doc = against_json(first, second, "--directory", _DIRECTORY)
        coverage = doc["cluster"]["coverage"]
        assert coverage["users"] == [] and coverage["minidisks_backed_up"] == {"old": 14, "new": 14}
        pair = (pmaint_before, pmaint_after) if forward else (pmaint_after, pmaint_before)
        assert coverage["zvm"] == [{"user": "PMAINT", "statement": "USER", "old": pair[0], "new": pair[1]}]
        pair = (one_before, one_after) if forward else (one_after, one_before)
        assert coverage["product"] == [{"user": "BKRADMIN", "statement": "USER", "old": pair[0], "new": pair[1]}]
        assert [m["name"] for m in doc["members"]] == ["VMSYS1", "VMSYS2", "VMSYS3", "VMSYS4"]
        for m in doc["members"]:
            assert m["product_coverage"] == [{"user": "BKRBKUP", "statement": "IDENTITY", "old": pair[0], "new": pair[1]}]
            assert m["zvm_coverage"] == m["coverage"] == []


def test_h3_74_a_change_of_a_zvm_id_s_coverage_alone_is_a_change(tmp_path):
    """With `--member VMSYS3`, TCPIP's 0191 excluded is said of that member alone, last,
    and the header's coverage line is there (the counts the same), never `no change`."""
    new, old = edited(tmp_path, *_TCPIP_EXCLUDED)
    out = against(new, old, "--directory", _DIRECTORY, "--member", "VMSYS3")
    assert "no change" not in out
    assert out.endswith(
        "  z/VM's own IDs' IDENTITY entries whose coverage on it changes (left out of the counts):\n"
        "    TCPIP\n      was backed up: 0191\n      now excluded: 0191\n"
    )
    assert "\nmember VMSYS1\n" not in out


# stop 76, h8: a single-configuration job moved to another member
def test_a_single_job_moved_to_another_member_says_moved_on_both_sides(tmp_path):
    """APPSFULL's `run on VMSYS1` made `run on VMSYS2`: the text said `removed` on
    VMSYS1 and `added` on VMSYS2, two unrelated lines, and a reviewer had to pair
    them to see that both members' BKRSUBMT must change in order. Each line now
    names the other member; an IDENTITY job's copies, and a job removed with no
    twin, say nothing more; the JSON is as it was."""
    new, old = edited(tmp_path, ("run on VMSYS1 daily 02:00", "run on VMSYS2 daily 02:00"))
    out = against(new, old)
    assert "\nmember VMSYS1\n  job APPSFULL removed (moved to VMSYS2): daily 02:00 single" in out, out
    assert "\nmember VMSYS2\n  job APPSFULL added (moved from VMSYS1): daily 02:00 single" in out, out
    doc = against_json(new, old)
    statuses = [(m["name"], j["name"], j["status"]) for m in doc["members"] for j in m["jobs"]]
    assert statuses == [("VMSYS1", "APPSFULL", "removed"), ("VMSYS2", "APPSFULL", "added")], statuses
    # Renamed as it moves: two jobs, neither moved.
    new, old = edited(tmp_path, ("job APPSFULL {", "job APPSALL {"), ("run on VMSYS1 daily 02:00", "run on VMSYS2 daily 02:00"))
    out = against(new, old)
    assert "(moved" not in out and "job APPSFULL removed: " in out and "job APPSALL added: " in out, out


# stop 78, h10: each member's Tape Manager node, was and now
TAPE_STATEMENT = (
    "  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n"
    "                      catalog-dmm TCDMM request-dmm TRDMM\n"
)


def _tape_nodes(doc: dict) -> dict[str, tuple[object, object]]:
    """member: (old, new) of its `tape_node` change."""
    return {m["name"]: (c["old"], c["new"]) for m in doc["members"] for c in m["changes"] if c["what"] == "tape_node"}


def _node(role: str, user: str, dmm: str, *remote: str) -> dict:
    return {"role": f"tape-{role}-node", "user": user, "dmm": dmm, "remote_nodes": list(remote)}


def test_the_tape_catalog_node_moved_says_each_member_s_node_was_and_now(tmp_path):
    """`catalog-node TCTMM on VMSYS2` for `on VMSYS1`: the header said tape changed and
    each member's BKRSTART line named its last machine, but no member said which node
    it now runs, nor that VMSYS3's and VMSYS4's request nodes ask another member's
    catalog node for tapes (their TMNODES files change, and the lines in their SYS
    CONFIG with them): each member says its node, was and now."""
    new, old = edited(tmp_path, ("catalog-node TCTMM on VMSYS1", "catalog-node TCTMM on VMSYS2"))
    out = against(new, old)
    member = out[out.index("\nmember VMSYS1\n"):]
    # (the move said on both lines, as a job's: `moved to`, `moved from`)
    for was, now in (
        (
            (
                "catalog node TCTMM (DMM TCDMM), for the request nodes on VMSYS2 VMSYS3 VMSYS4\n"
                "                 (moved to VMSYS2)"
            ),
            "request node TRTMM (DMM TRDMM), asks the catalog node on VMSYS2 for tapes",
        ),
        (
            "request node TRTMM (DMM TRDMM), asks the catalog node on VMSYS1 for tapes",
            (
                "catalog node TCTMM (DMM TCDMM), for the request nodes on VMSYS1 VMSYS3 VMSYS4\n"
                "                 (moved from VMSYS1)"
            ),
        ),
    ):
        assert f"  tape node  was {was}\n             now {now}\n" in member, out
    for name in ("VMSYS3", "VMSYS4"):
        assert (
            f"\nmember {name}\n"
            "  tape node  was request node TRTMM (DMM TRDMM), asks the catalog node on VMSYS1 for tapes\n"
            "             now request node TRTMM (DMM TRDMM), asks the catalog node on VMSYS2 for tapes\n"
        ) in out, out
    assert _tape_nodes(against_json(new, old)) == {
        "VMSYS1": (
            _node("catalog", "TCTMM", "TCDMM", "VMSYS2", "VMSYS3", "VMSYS4"),
            _node("request", "TRTMM", "TRDMM", "VMSYS2"),
        ),
        "VMSYS2": (
            _node("request", "TRTMM", "TRDMM", "VMSYS1"),
            _node("catalog", "TCTMM", "TCDMM", "VMSYS1", "VMSYS3", "VMSYS4"),
        ),
        "VMSYS3": (_node("request", "TRTMM", "TRDMM", "VMSYS1"), _node("request", "TRTMM", "TRDMM", "VMSYS2")),
        "VMSYS4": (_node("request", "TRTMM", "TRDMM", "VMSYS1"), _node("request", "TRTMM", "TRDMM", "VMSYS2")),
    }
    # With `--member`, the members shown alone; a file without the move, none.
    assert set(_tape_nodes(against_json(new, old, "--member", "VMSYS3"))) == {"VMSYS3"}
    assert "tape node" not in against(old, old)


def test_the_tape_manager_s_machines_renamed_or_a_member_added_say_the_nodes_that_change(tmp_path):
    """The request node renamed (`request-node TRTM2`) changes VMSYS2 to VMSYS4's node,
    not the catalog node's; a member added gives the catalog node a request node more
    (a Define_Remote_Node line its SYS CONFIG must gain by hand), and says so there."""
    new, old = edited(
        tmp_path, ("request-node TRTMM", "request-node TRTM2"), ("disk TRTMM 191", "disk TRTM2 191")
    )
    doc = against_json(new, old)
    assert _tape_nodes(doc) == {
        m: (_node("request", "TRTMM", "TRDMM", "VMSYS1"), _node("request", "TRTM2", "TRDMM", "VMSYS1"))
        for m in ("VMSYS2", "VMSYS3", "VMSYS4")
    }
    assert (
        "  tape node  was request node TRTMM (DMM TRDMM), asks the catalog node on VMSYS1 for tapes\n"
        "             now request node TRTM2 (DMM TRDMM), asks the catalog node on VMSYS1 for tapes\n"
    ) in against(new, old)
    new, old = edited(
        tmp_path,
        (
            "  member VMSYS4 { workers 2  private-volume M4PRV1 }\n",
            "  member VMSYS4 { workers 2  private-volume M4PRV1 }\n  member VMSYS5 { workers 2  private-volume M5PRV1 }\n",
        ),
    )
    doc = against_json(new, old)
    assert _tape_nodes(doc) == {
        "VMSYS1": (
            _node("catalog", "TCTMM", "TCDMM", "VMSYS2", "VMSYS3", "VMSYS4"),
            _node("catalog", "TCTMM", "TCDMM", "VMSYS2", "VMSYS3", "VMSYS4", "VMSYS5"),
        )
    }
    assert "now catalog node TCTMM (DMM TCDMM), for the request nodes on VMSYS2 VMSYS3 VMSYS4\n" \
        "                 VMSYS5\n" in against(new, old)


def test_tape_manager_removed_says_each_member_s_node_is_none(tmp_path):
    """The `tape manager` statement deleted (each `to tape` made `to disk`, the nodes'
    `disk` statements gone: BKR230 and BKR332's ways out): each member's node is
    `none` now, its machine no longer started; and added, the reverse."""
    text = PRODSSI.replace(TAPE_STATEMENT, "").replace("    to tape\n", "    to disk pool BKUPPOOL\n")
    text = re.sub(r"  disk T[CR](TMM|DMM) 191 size 10 cyl\n", "", text)
    Path("old.bkr").write_text(PRODSSI)
    Path("new.bkr").write_text(text)
    doc = against_json("new.bkr", "old.bkr")
    assert _tape_nodes(doc) == {
        "VMSYS1": (_node("catalog", "TCTMM", "TCDMM", "VMSYS2", "VMSYS3", "VMSYS4"), None),
        **{m: (_node("request", "TRTMM", "TRDMM", "VMSYS1"), None) for m in ("VMSYS2", "VMSYS3", "VMSYS4")},
    }
    out = against("new.bkr", "old.bkr")
    assert (
        "\nmember VMSYS1\n"
        in out
        and "  tape node  was catalog node TCTMM (DMM TCDMM), for the request nodes on VMSYS2 VMSYS3 VMSYS4\n"
        "             now none\n" in out
    ), out
    back = against_json("old.bkr", "new.bkr")
    assert _tape_nodes(back) == {m: (new_, old_) for m, (old_, new_) in _tape_nodes(doc).items()}


def test_the_tape_catalog_node_moved_and_renamed_is_said_moved_on_both_members(tmp_path):
    """`catalog-node TCTM2 on VMSYS2` for `catalog-node TCTMM on VMSYS1` (and its disk
    statement renamed with it): a move under another name, which the lines of the two
    members say as a job moved is said (`moved to VMSYS2, renamed TCTM2`, `moved from
    VMSYS1, renamed from TCTMM`); the JSON has the two members' changes. A machine
    renamed on its member moves nothing."""
    new, old = edited(
        tmp_path, ("catalog-node TCTMM on VMSYS1", "catalog-node TCTM2 on VMSYS2"), ("disk TCTMM 191", "disk TCTM2 191")
    )
    out = against(new, old)
    assert (
        "\nmember VMSYS1\n"
        "  BKRSTART   was BKRSVSFS (waits until logged on and its file pool serves), BKRCATLG, BKRBKUP,\n"
        "                 BKRWRK01, BKRWRK02, BKRWRK03, BKRWRK04, TCTMM\n"
        "             now BKRSVSFS (waits until logged on and its file pool serves), BKRCATLG, BKRBKUP,\n"
        "                 BKRWRK01, BKRWRK02, BKRWRK03, BKRWRK04, TRTMM\n"
        "  tape node  was catalog node TCTMM (DMM TCDMM), for the request nodes on VMSYS2 VMSYS3 VMSYS4\n"
        "                 (moved to VMSYS2, renamed TCTM2)\n"
        "             now request node TRTMM (DMM TRDMM), asks the catalog node on VMSYS2 for tapes\n"
    ) in out, out
    assert (
        "  tape node  was request node TRTMM (DMM TRDMM), asks the catalog node on VMSYS1 for tapes\n"
        "             now catalog node TCTM2 (DMM TCDMM), for the request nodes on VMSYS1 VMSYS3 VMSYS4\n"
        "                 (moved from VMSYS1, renamed from TCTMM)\n"
    ) in out, out
    assert out.count("(moved ") == 2, out
    nodes = _tape_nodes(against_json(new, old))
    assert nodes["VMSYS1"] == (
        _node("catalog", "TCTMM", "TCDMM", "VMSYS2", "VMSYS3", "VMSYS4"),
        _node("request", "TRTMM", "TRDMM", "VMSYS2"),
    )
    assert nodes["VMSYS2"] == (
        _node("request", "TRTMM", "TRDMM", "VMSYS1"),
        _node("catalog", "TCTM2", "TCDMM", "VMSYS1", "VMSYS3", "VMSYS4"),
    )
    # Renamed where it is: its member's line, and no move.
    new, old = edited(tmp_path, ("catalog-node TCTMM on VMSYS1", "catalog-node TCTM2 on VMSYS1"), ("disk TCTMM 191", "disk TCTM2 191"))
    out = against(new, old)
    assert "now catalog node TCTM2 (DMM TCDMM), for the request nodes on VMSYS2 VMSYS3 VMSYS4\n" in out, out
    assert "(moved " not in out, out
