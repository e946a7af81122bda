"""`bkrc show`: what runs where and when, per member (docs/show.md).

The text and JSON of examples/prodssi.bkr are snapshots
(`__snapshots__/test_show/`; update with `pytest tests/test_show.py
--snapshot-update` after reading what changed). The cross-checks hold what
`bkrc show` says against what `bkrc compile` writes for every example (and every
generated cluster the checker passes), so the
two cannot drift apart: the job names equal the TEMPLATE files of each
member's folder, the times BKRSUBMT's table, the expiry BKREXPIR's, the
machines BKRSTART's order, and what each job selects its template's records.
"""

from __future__ import annotations

import json
import re
import shlex

import pytest
from conftest import EXAMPLES, ROOT, run_cli, shortened
from hypothesis import HealthCheck, given, settings
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode
from test_compile_properties import clusters

from bkrdsl import show
from bkrdsl.pipeline import compile_source
from bkrdsl.show import FORMAT_VERSION, SELECTS_WIDTH, WIDTH

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.bkr"))


class TextOutput(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "txt"


class JsonOutput(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "json"


def show_json(path, *args) -> dict:
    return json.loads(run_cli(["show", path, "--format", "json", *args], expect=0).stdout)


# ------------------------------------------------------------------ snapshots
def test_text_snapshot(at_root, snapshot):
    result = run_cli(["show", "examples/prodssi.bkr"], expect=0)
    assert result.stderr == ""
    assert result.stdout == snapshot(extension_class=TextOutput)


def test_json_snapshot(at_root, snapshot):
    result = run_cli(["show", "examples/prodssi.bkr", "--format", "json"], expect=0)
    assert json.loads(result.stdout)["format_version"] == FORMAT_VERSION
    assert result.stdout == snapshot(extension_class=JsonOutput)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_text_fits_width(example):
    lines = run_cli(["show", example], expect=0).stdout.splitlines()
    assert max(len(line) for line in lines) <= WIDTH


def test_volumes_with_their_stated_sizes(tmp_path):
    """The shared volumes in the header and each member's private ones under its
    name, each with the size the file states of it, as BKR254 reads it; a long
    list breaks between volumes, never inside one."""
    text = (EXAMPLES / "prodssi.bkr").read_text()
    text = text.replace("private-volume M1PRV1", "private-volume M1PRV1 3390-9 M1EAV1 262668-cyl M1FBA1 2097152-blk")
    assert "shared-volume VMCOM1\n" in text
    more = " ".join(f"VMCOM{n} 3390-27" for n in range(2, 9))
    text = text.replace("shared-volume VMCOM1\n", f"shared-volume VMCOM1 3390-3 {more} VMCOMX\n")
    src = tmp_path / "sized.bkr"
    src.write_text(text)
    out = run_cli(["show", src, "--member", "VMSYS1"], expect=0).stdout.splitlines()
    at = next(i for i, line in enumerate(out) if line.startswith("  volumes  "))
    header = out[at : next(i for i in range(at, len(out)) if not out[i].strip())]
    assert header[0] == "  volumes  shared by every member: VMCOM1 of 3,339 cylinders (3390-3),"
    assert len(header) > 1 and all(line.startswith(" " * 11) for line in header[1:])
    assert all(line.rstrip().endswith(",") or line.endswith("VMCOMX") for line in header)
    assert max(len(line) for line in out) <= WIDTH
    assert "VMCOM8 of 32,760 cylinders (3390-27), VMCOMX" in " ".join(line.strip() for line in header)
    private = at + len(header) + 2  # after the blank line and the member's name
    assert out[private : private + 2] == [
        "  private volumes: M1PRV1 of 10,017 cylinders (3390-9), M1EAV1 of 262,668 cylinders,",
        "    M1FBA1 of 2,097,152 blocks",
    ]
    data = json.loads(run_cli(["show", src, "--format", "json", "--member", "VMSYS1"], expect=0).stdout)
    assert data["cluster"]["shared_volumes"][0] == {
        "label": "VMCOM1",
        "size": {"stated": "3390-3", "count": 3339, "unit": "cyl"},
    }
    assert data["cluster"]["shared_volumes"][-1] == {"label": "VMCOMX", "size": None}
    assert data["members"][0]["private_volumes"] == [
        {"label": "M1PRV1", "size": {"stated": "3390-9", "count": 10017, "unit": "cyl"}},
        {"label": "M1EAV1", "size": {"stated": "262668-cyl", "count": 262668, "unit": "cyl"}},
        {"label": "M1FBA1", "size": {"stated": "2097152-blk", "count": 2097152, "unit": "blk"}},
    ]


def test_bkrstart_s_waits_set_on_the_catalog_line_are_shown_as_the_exec_keeps_them(tmp_path):
    """`logon-wait` and `pool-wait`: the header says how long BKRSTART waits, in the
    seconds its EXEC states, and JSON's catalog has them; a file without them shows
    what it always has (the defaults are in no output: snapshots)."""
    text = (EXAMPLES / "minimal.bkr").read_text()
    catalog = "catalog shared server BKRSVSFS pool BKRPOOL on DEV1"
    src = tmp_path / "slow.bkr"
    src.write_text(text.replace(catalog, f"{catalog} logon-wait 5 minutes pool-wait 900 seconds"))
    out = run_cli(["show", src], expect=0).stdout
    assert (
        "SFS server BKRSVSFS on DEV1, file pool BKRPOOL; BKRSTART waits up to 300 seconds for it to log on and"
        " 900 seconds for its file pool to serve" in " ".join(line.strip() for line in out.splitlines())
    )
    data = json.loads(run_cli(["show", src, "--format", "json"], expect=0).stdout)
    assert (data["cluster"]["catalog"]["logon_wait"], data["cluster"]["catalog"]["pool_wait"]) == (300, 900)
    exec_text = _compiled(src, tmp_path)["DEV1"]["BKRSTART.EXEC"]
    assert "waiting up to 300 seconds for' m.i 'to log on." in exec_text
    assert "waiting up to 900 seconds for' what 'to serve." in exec_text
    # only the pool's wait set: the logon's is the default, which JSON leaves out
    src.write_text(text.replace(catalog, f"{catalog} pool-wait 10 minutes"))
    data = json.loads(run_cli(["show", src, "--format", "json"], expect=0).stdout)
    assert "logon_wait" not in data["cluster"]["catalog"] and data["cluster"]["catalog"]["pool_wait"] == 600


def test_long_schedule_and_many_groups_fit_width(tmp_path):
    """A schedule of every weekday leaves no room beside the row: what the job backs
    up goes on lines below it, and nothing passes WIDTH."""
    text = (EXAMPLES / "prodssi.bkr").read_text()
    text = text.replace(
        "run on VMSYS2 weekly sat 22:00", "run on VMSYS2 weekly mon,tue,wed,thu,fri,sat,sun 22:00"
    )
    text = text.replace("backup APPS full", "backup APPS, CICSPRD full")
    path = tmp_path / "long.bkr"
    path.write_text(text)
    out = run_cli(["show", path, "--member", "VMSYS2"], expect=0).stdout
    assert max(len(line) for line in out.splitlines()) <= WIDTH
    row = next(line for line in out.splitlines() if "LNXFULL" in line)
    assert "weekly mon,tue," in row and "LINUX" not in row
    assert "         backs up LINUX (3 users, match LNXAPP*)\n" in out
    # The columns are the same for every member shown: VMSYS1's rows go below too.
    whole = run_cli(["show", path], expect=0).stdout
    assert "         backs up APPS (2 users); CICSPRD (user)\n" in whole
    assert max(len(line) for line in whole.splitlines()) <= WIDTH


# ------------------------------------------------------------------ agrees with bkrc compile
def _compiled(example, tmp_path) -> dict[str, dict[str, str]]:
    out = tmp_path / "out"
    run_cli(["compile", example, "-o", out], expect=0)
    return {
        d.name: {f.name: f.read_text() for f in d.iterdir()}
        for d in out.iterdir()
        if d.is_dir() and d.name != "cluster"
    }


def _stem(text: str, name: str) -> list[str]:
    """The values of REXX stem `name.1`, `name.2`, ... as an EXEC assigns them."""
    found = dict(re.findall(rf"^{name}\.([0-9]+) = '([^']*)'$", text, re.MULTILINE))
    return [found[str(i)] for i in range(1, len(found) + 1)]


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_agrees_with_compile(example, tmp_path):
    """For every member: the job names shown are the `*.TEMPLATE` files written in its
    folder; each job's schedule and time are BKRSUBMT's; the expiry lines are
    BKREXPIR's (and shown exactly where it is written); the machines started are
    BKRSTART's, in its order; each job's selection names whom its template's
    INCLUDE and EXCLUDE records name."""
    assert_agrees(show_json(example), _compiled(example, tmp_path))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clusters())
def test_agrees_with_compile_for_every_cluster_the_checker_passes(text):
    """As above, for generated clusters (odd member names and job suffixes, local or
    shared catalogs, expiry split over blocks, manual jobs, Tape Manager nodes)."""
    analysis, artifacts = compile_source("prop.bkr", text.encode())
    if artifacts is None:
        return
    files: dict[str, dict[str, str]] = {}
    for a in artifacts:
        folder, _, name = a.path.rpartition("/")  # README.TXT, at the top, is no member's
        if folder not in ("cluster", ""):
            files.setdefault(folder, {})[name] = a.text
    view = show.view(analysis.model)
    assert max(len(line) for line in show.text(view).splitlines()) <= WIDTH
    assert_agrees(show.as_json(view), files)


def _when(shown: dict) -> str:
    return f"{shown['schedule']} {shown['time']}" if shown["time"] else shown["schedule"]


def _template_records(template: str) -> set[tuple[str, str, str]]:
    """(action, medium, owner or path) of each selection record of a job template."""
    found = re.findall(r"^(INCLUDE|EXCLUDE) (MINIDISK|SFS) (\S+)", template, re.MULTILINE)
    return {(action.lower(), medium.lower(), whom) for action, medium, whom in found}


def _shown_records(job: dict) -> set[tuple[str, str, str]]:
    return {(s["action"], s["medium"], r) for s in job["selection"] for r in s["records"]}


def assert_agrees(shown_json: dict, files: dict[str, dict[str, str]]) -> None:
    shown = {m["name"]: m for m in shown_json["members"]}
    assert set(shown) == set(files)
    for member, folder in files.items():
        m = shown[member]
        templates = {name.removesuffix(".TEMPLATE") for name in folder if name.endswith(".TEMPLATE")}
        assert {j["name"] for j in m["jobs"]} == templates, member
        submit = folder["BKRSUBMT.EXEC"]
        when = dict(zip(_stem(submit, "job"), _stem(submit, "when")))
        assert {j["name"]: _when(j) for j in m["jobs"]} == when, member
        for j in m["jobs"]:  # what each job selects: its template's records, the member's excludes too
            assert _shown_records(j) == _template_records(folder[f"{j['name']}.TEMPLATE"]), j["name"]
        assert [s["user"] for s in m["starts"]] == _stem(folder["BKRSTART.EXEC"], "m"), member
        if "BKREXPIR.EXEC" in folder:
            expire = folder["BKREXPIR.EXEC"]
            actions = list(zip(_stem(expire, "job"), _stem(expire, "when")))
            assert [(e["action"].upper(), _when(e)) for e in m["expire"]] == actions
        else:
            assert m["expire"] == [], member


def test_jobs_sorted_by_time_of_day(at_root):
    """VMSYS2 runs SYSIN2 at 03:30, SYSME2 at 20:00, LNXFULL at 22:00 and LNXINC at
    23:30, though the file declares them LNXFULL, LNXINC, SYSIN, SYSME."""
    (vmsys2,) = show_json("examples/prodssi.bkr", "--member", "VMSYS2")["members"]
    assert [(j["time"], j["name"], j["source_job"]) for j in vmsys2["jobs"]] == [
        ("03:30", "SYSIN2", "SYSIN"),
        ("20:00", "SYSME2", "SYSME"),
        ("22:00", "LNXFULL", "LNXFULL"),
        ("23:30", "LNXINC", "LNXINC"),
    ]


def test_module_groups_and_job_suffixes(at_root):
    """A cluster whose groups come from the site's module: the members' own job
    suffixes name the copies (MONINCB), the module's groups what they back up."""
    data = show_json("examples/with-site.bkr", "--member", "TST2")
    (tst2,) = data["members"]
    jobs = {j["name"]: j for j in tst2["jobs"]}
    assert set(jobs) == {"PAYFULL", "MONINCB"}
    assert jobs["PAYFULL"]["backs_up"] == [
        {"name": "PAYROLL", "type": "group", "users": 2, "patterns": ["PAYDB*"]}
    ]
    assert (jobs["PAYFULL"]["schedule"], jobs["PAYFULL"]["time"]) == ("weekly mon,thu", "21:00")
    assert jobs["MONINCB"]["source_job"] == "MONINC" and jobs["MONINCB"]["kind"] == "identity"


# ------------------------------------------------------------------ what each job selects
SELECTIONS = """\
  single group FILES { FILESRV1 FILESRV2 }
  single group WEB { WEB01 WEB02 WEB03 ADMWEB  match WEBX* }

  job FILESFS {
    backup FILES incremental
    include sfs BKRPOOL:*.*
    exclude sfs BKRPOOL:FILESRV2.TEMP
    to disk
    run on VMSYS2 daily 04:00
  }

  job WEBDISKS {
    backup WEB full
    include minidisk WEB0* 0201
    include minidisk WEB* 0300
    to tape
    run on VMSYS2 daily 05:00
  }

"""


@pytest.fixture
def selections(tmp_path):
    """examples/prodssi.bkr with an SFS-only job and a job whose includes name some
    of its users, both on VMSYS2, whose own `exclude minidisk LNX* 0192` they get
    (a member's excludes end each single-configuration job pinned to it)."""
    text = (EXAMPLES / "prodssi.bkr").read_text().replace("  job SYSIN {", SELECTIONS + "  job SYSIN {")
    path = tmp_path / "selections.bkr"
    path.write_text(text)
    return path


def _selects(out: str, job: str) -> list[str]:
    """The lines below `job`'s row that say what it selects (each fits SELECTS_WIDTH)."""
    lines = out.splitlines()
    row = next(i for i, line in enumerate(lines) if f"  {job}  " in line)
    at = next(i for i in range(row, len(lines)) if lines[i].startswith("         selects  "))
    found = []
    while lines[at].startswith(("         selects  ", "           minus  ", " " * 18)):
        found.append(lines[at])
        at += 1
    assert found and max(len(line) for line in found) <= SELECTS_WIDTH
    return found


def _job(data: dict, member: str, job: str) -> dict:
    (m,) = [m for m in data["members"] if m["name"] == member]
    (j,) = [j for j in m["jobs"] if j["name"] == job]
    return j


def test_minidisk_job_with_excludes(at_root):
    """One line: the include as written (`*`: every user the job backs up), minus the excludes."""
    out = run_cli(["show", "examples/prodssi.bkr", "--member", "VMSYS2"], expect=0).stdout
    assert _selects(out, "LNXFULL") == [
        "         selects  minidisk * 0100-0FFF",
        "           minus  minidisk * 0190 019D 019E 0300; minidisk LNX* 0192 (VMSYS2's)",
    ]
    assert _selects(out, "LNXINC") == ["         selects  minidisk * 0191 minus minidisk LNX* 0192 (VMSYS2's)"]
    exclude, own = _job(show_json("examples/prodssi.bkr"), "VMSYS2", "LNXFULL")["selection"][1:]
    assert own == {
        "action": "exclude",
        "medium": "minidisk",
        "owner": "LNX*",
        "items": ["0192"],
        "records": ["LNX*"],
        "member": "VMSYS2",
    }
    assert exclude == {
        "action": "exclude",
        "medium": "minidisk",
        "owner": "*",
        "items": ["0190", "019D", "019E", "0300"],
        "records": ["*"],
        "member": None,
    }


def test_sfs_only_job(selections):
    """An SFS-only job says `sfs`, not minidisk; the member's own minidisk exclude,
    which its template gets too, is marked as the member's; when the whole does not
    fit one line, `minus` goes on its own."""
    out = run_cli(["show", selections, "--member", "VMSYS2"], expect=0).stdout
    assert _selects(out, "FILESFS") == [
        "         selects  sfs BKRPOOL:*.*",
        "           minus  sfs BKRPOOL:FILESRV2.TEMP; minidisk LNX* 0192 (VMSYS2's)",
    ]
    include, exclude, own = _job(show_json(selections), "VMSYS2", "FILESFS")["selection"]
    assert (include["medium"], include["owner"], include["items"]) == ("sfs", None, ["BKRPOOL:*.*"])
    assert include["records"] == ["BKRPOOL:FILESRV1.*", "BKRPOOL:FILESRV2.*"]  # what the template writes
    assert (exclude["action"], exclude["records"], exclude["member"]) == (
        "exclude",
        ["BKRPOOL:FILESRV2.TEMP"],
        None,
    )
    assert (own["medium"], own["items"], own["member"]) == ("minidisk", ["0192"], "VMSYS2")


def test_include_of_some_users_names_them(selections):
    """An include whose owner selects some of the job's users names whom its records
    name (three at most; more are counted), not a pattern that reads as all of them."""
    out = run_cli(["show", selections, "--member", "VMSYS2"], expect=0).stdout
    assert _selects(out, "WEBDISKS") == [
        "         selects  minidisk WEB01,WEB02,WEB03 0201;",
        "                  minidisk WEB* (4 owners) 0300",
        "           minus  minidisk LNX* 0192 (VMSYS2's)",
    ]
    first, second, _ = _job(show_json(selections), "VMSYS2", "WEBDISKS")["selection"]
    assert first["records"] == ["WEB01", "WEB02", "WEB03"]
    assert second["records"] == ["WEB01", "WEB02", "WEB03", "WEBX*"]


def test_identity_copies_select_alike_on_every_member(at_root, tmp_path):
    """Each copy of an IDENTITY job selects the same on every member (SSI rule 6):
    no member's excludes, not even those of VMSYS2, which its single jobs get, nor
    those of a member whose exclude reaches the job's users (BKR414)."""
    out = run_cli(["show", "examples/prodssi.bkr"], expect=0).stdout
    for copy in ("SYSIN1", "SYSIN2", "SYSIN3", "SYSIN4"):
        assert _selects(out, copy) == ["         selects  minidisk * 0191"]
    text = (EXAMPLES / "prodssi.bkr").read_text()
    text = text.replace("exclude minidisk LNX* 0192", "exclude minidisk * 0192")
    path = tmp_path / "reaches.bkr"
    path.write_text(text)
    for data in (show_json("examples/prodssi.bkr"), show_json(path)):
        members = {
            f"VMSYS{n}": [s["member"] for s in _job(data, f"VMSYS{n}", f"SYSIN{n}")["selection"]] for n in "1234"
        }
        assert members == {"VMSYS1": [None], "VMSYS2": [None], "VMSYS3": [None], "VMSYS4": [None]}
    assert [s["member"] for s in _job(show_json(path), "VMSYS2", "LNXINC")["selection"]] == [None, "VMSYS2"]


def test_selections_agree_with_compile(selections, tmp_path):
    assert_agrees(show_json(selections), _compiled(selections, tmp_path))


# ------------------------------------------------------------------ --member
def test_member_filter(at_root):
    """Only the members asked for, in the cluster's order, each once; the cluster's
    header stays."""
    result = run_cli(
        ["show", "examples/prodssi.bkr", "--member", "vmsys3", "--member", "VMSYS1", "--member", "VMSYS3"],
        expect=0,
    )
    headers = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("member ")]
    assert headers == ["VMSYS1", "VMSYS3"]
    assert result.stdout.startswith(
        "cluster PRODSSI (examples/prodssi.bkr): members VMSYS1 VMSYS2 VMSYS3 VMSYS4\n"
    )
    assert "SYSIN2" not in result.stdout and "LNXFULL" not in result.stdout
    data = show_json("examples/prodssi.bkr", "--member", "VMSYS2")
    assert [m["name"] for m in data["members"]] == ["VMSYS2"]
    assert data["cluster"]["members"] == ["VMSYS1", "VMSYS2", "VMSYS3", "VMSYS4"]


def test_unknown_member(at_root):
    """An unknown member is BKR330 pointing into the command line, with "did you mean"
    and the member's declaration; nothing is shown (exit 1)."""
    result = run_cli(["show", "examples/prodssi.bkr", "--member", "VMSY2"], expect=1)
    assert result.stdout == ""
    assert (
        "error[BKR330]: `--member` names `VMSY2`, which is not a member of cluster `PRODSSI`" in result.stderr
    )
    assert "1 | bkrc show examples/prodssi.bkr --member VMSY2\n" in result.stderr
    assert "examples/prodssi.bkr:10:10" in result.stderr  # member VMSYS2, declared here
    assert "= help: did you mean `VMSYS2`?" in result.stderr
    assert result.stderr.endswith("bkrc: nothing shown\n")


def test_member_name_cp_cannot_have(at_root):
    result = run_cli(
        ["show", "examples/prodssi.bkr", "--member", "VMSYS1", "--member", "TOOLONGNAME"], expect=1
    )
    assert result.stdout == ""
    assert "error[BKR302]" in result.stderr and "TOOLONGNAME" in result.stderr
    assert "BKR330" not in result.stderr


def test_unknown_member_as_json(at_root):
    result = run_cli(["show", "examples/prodssi.bkr", "--member", "VMSYS9", "--format", "json"], expect=1)
    assert result.stdout == "bkrc: nothing shown\n"
    report = json.loads(result.stderr)  # the document is all of standard error
    assert [(d["code"], d["file"]) for d in report["diagnostics"]] == [("BKR330", "<command line>")]


# ------------------------------------------------------------------ files that cannot be shown
def test_file_with_errors_shows_nothing(at_root):
    """The broken example: its diagnostics as `bkrc check` prints them, no table, exit 1."""
    result = run_cli(["show", "examples/broken/prodssi.bkr"], expect=1)
    assert result.stdout == ""
    check = run_cli(["check", "examples/broken/prodssi.bkr"], expect=1)
    assert result.stderr == check.stdout + "bkrc: errors in the input; nothing shown\n"


def test_module_file_shows_nothing(at_root):
    """A module (no cluster of its own) is BKR110, as `bkrc check` says: exit 1."""
    result = run_cli(["show", "examples/site/common.bkr"], expect=1)
    assert result.stdout == ""
    assert "error[BKR110]" in result.stderr


def test_missing_file_is_exit_2(tmp_path):
    result = run_cli(["show", tmp_path / "nope.bkr"], expect=2)
    assert result.stdout == "" and "no such file" in result.stderr


def test_standard_input():
    data = (EXAMPLES / "minimal.bkr").read_text()
    out = run_cli(["show", "-"], input=data, expect=0).stdout
    assert out.startswith("cluster DEVSSI (<stdin>): members DEV1 DEV2\n")


def test_listed_in_help():
    assert "show" in run_cli(["--help"], expect=0).stdout


# ------------------------------------------------------------------ the docs
def test_docs_examples_are_what_bkrc_prints(at_root):
    """Each `$ bkrc show ...` block of docs/show.md is the real output: standard
    output when it shows, standard error when it refuses."""
    text = (ROOT / "docs" / "show.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```text\n(.*?)```", text, re.DOTALL) if b.startswith("$ bkrc show ")]
    blocks = [b for b in blocks if "\n  ...\n" not in b]  # excerpts: test_show_coverage.py reads its own
    blocks = [b for b in blocks if "--format csv" not in b.split("\n")[0]]  # test_show_csv.py reads it
    blocks = [b for b in blocks if "--against" not in b.split("\n")[0]]  # test_show_against.py reads it
    blocks = [b for b in blocks if "--user" not in b.split("\n")[0]]  # test_docs_transcripts.py runs those
    assert len(blocks) == 2
    for block in blocks:
        command, shown = block.split("\n", 1)
        result = run_cli(shlex.split(command)[2:])
        assert (result.stdout if result.exit_code == 0 else result.stderr) == shown, command


def test_docs_json_is_the_real_output_shortened(at_root):
    """docs/show.md's JSON is `bkrc show examples/prodssi.bkr --format json`, with
    lists shortened as it says: no key it lacks or adds, no value it changes."""
    text = (ROOT / "docs" / "show.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"^```json\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    assert "bkrc show examples/prodssi.bkr --format json" in text
    real = json.loads(run_cli(["show", "examples/prodssi.bkr", "--format", "json"], expect=0).stdout)
    assert shortened(json.loads(block), real)


def test_a_json_sample_that_drifts_is_not_the_output_shortened():
    real = {"members": [{"name": "A", "jobs": [1, 2]}, {"name": "B", "jobs": []}], "file": "x"}
    assert shortened({"members": [{"name": "B", "jobs": []}], "file": "x"}, real)
    assert shortened({"members": [{"name": "A", "jobs": [2]}], "file": "x"}, real)
    assert not shortened({"members": [{"name": "B", "jobs": []}, {"name": "A", "jobs": []}], "file": "x"}, real)
    assert not shortened({"members": [{"name": "A", "jobs": [3]}], "file": "x"}, real)
    assert not shortened({"members": [{"name": "A"}], "file": "x"}, real)
    assert not shortened({"members": [], "file": "y"}, real)
    assert not shortened({"members": [], "file": "x", "new": 1}, real)
    assert shortened({"members": [], "file": "..."}, real)


def test_readme_lists_the_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| `bkrc show FILE` |" in readme and "docs/show.md" in readme


def test_local_catalog_purges_on_every_member():
    """Each member's own catalog: every member purges, and none says `only`."""
    out = run_cli(["show", ROOT / "tests" / "data" / "rules" / "BKR214.pass.bkr"], expect=0).stdout
    assert "  catalog  local, one per member\n" in out
    assert "  expiry   purges on VM1, VM2; keeps backups 30 days, gone by day 37 at the latest\n" in out
    assert "\n           (purged weekly sun 06:00 on VM1 VM2)\n" in out
    assert out.count("expiry (BKREXPIR):") == 2


def test_json_diagnostics_are_one_document_on_standard_error(tmp_path):
    """The file's warnings and the unknown `--member` share one document (two
    were printed one after the other), and `nothing shown` goes to standard
    output, so that standard error parses as JSON."""
    text = (EXAMPLES / "prodssi.bkr").read_text().replace('description "Production', 'description "\\Production', 1)
    path = tmp_path / "warned.bkr"
    path.write_text(text)
    plain = run_cli(["check", path, "--format", "json"], expect=0)
    warnings = json.loads(plain.stdout)["warning_count"]
    result = run_cli(["show", path, "--member", "VMSYSX", "--format", "json"], expect=1)
    document = json.loads(result.stderr)
    assert warnings == 1  # BKR019, the `\P`
    assert document["error_count"] == 1 and document["warning_count"] == warnings
    assert [d["code"] for d in document["diagnostics"] if d["severity"] == "error"] == ["BKR330"]
    assert result.stdout == "bkrc: nothing shown\n"


# stop 71, h11: the text names a group's IDs, shows each job's description; tape header breaks
def _h11_rows(tmp_path, old: str = "", new: str = "", *args: str) -> list[str]:
    """`bkrc show` of examples/prodssi.bkr with `old` replaced by `new`, VMSYS2's
    LNXFULL: its row and the lines below it, up to the next row."""
    text = (EXAMPLES / "prodssi.bkr").read_text()
    assert old in text
    path = tmp_path / "h11.bkr"
    path.write_text(text.replace(old, new, 1))
    out = run_cli(["show", path, "--member", "VMSYS2", *args], expect=0).stdout.splitlines()
    at = next(i for i, line in enumerate(out) if "LNXFULL" in line)
    end = next(i for i in range(at + 1, len(out)) if not out[i].startswith(" " * 9))
    return out[at:end]


def test_h11_a_groups_ids_are_named_in_its_order(tmp_path):
    rows = _h11_rows(tmp_path)
    assert rows[1:4] == [
        '         "Weekly full backup of the Linux guests"',
        "         backs up LINUX (3 users, match LNXAPP*)",
        "         users    LINUX: LNXWEB01 LNXWEB02 LNXDB01",  # as the group lists them, not sorted
    ]
    assert rows[4].startswith("         selects  ")


def test_h11_a_long_group_is_cut_after_16_ids(tmp_path):
    ids = [f"LNXG{n:04d}" for n in range(40, 0, -1)]  # written in descending order
    group = "{ LNXWEB01 LNXWEB02 LNXDB01  match LNXAPP* }"
    rows = _h11_rows(tmp_path, group, "{ " + " ".join(ids) + "  match LNXAPP* }")
    users = rows[3 : next(i for i, line in enumerate(rows) if line.startswith("         selects"))]
    assert users[0].startswith("         users    LINUX: LNXG0040 LNXG0039 ")
    assert all(line.startswith(" " * 25) and not line[25:26].isspace() for line in users[1:])  # under the first ID
    named = " ".join(users).split()[2:]
    assert named[:16] == ids[:16]
    assert " ".join(named[16:]) == "... and 24 more (--user ID or --format json)"
    assert all(len(line) <= WIDTH for line in rows)
    assert len(users) == 3  # two lines of IDs, then what is left out
    # the JSON is as it was: every ID, and the group's count
    job = next(j for m in show_json(tmp_path / "h11.bkr")["members"] for j in m["jobs"] if j["name"] == "LNXFULL")
    assert job["users"] == ids and job["backs_up"][0] == {"name": "LINUX", "type": "group", "users": 40, "patterns": ["LNXAPP*"]}


def test_h11_no_users_line_for_patterns_alone_nor_description_for_none():
    out = run_cli(["show", EXAMPLES / "lnxssi.bkr"], expect=0).stdout
    assert "         users    CMSSVC: SVCMON1 SVCMON2 OPSAUTO VMLOG SFSBKP REXXSRV\n" in out
    assert "LINUX:" not in out  # LINUX is `match LNX0*` alone: the row says it
    assert '"' not in out  # no job of it has a description
    prodssi = run_cli(["show", EXAMPLES / "prodssi.bkr"], expect=0).stdout.splitlines()
    at = next(i for i, line in enumerate(prodssi) if "APPSFULL" in line)
    assert prodssi[at + 1] == "         backs up APPS (2 users)"  # APPSFULL has no description


def test_h11_a_long_description_is_cut_on_one_line(tmp_path):
    from bkrdsl.terminal import columns

    old = '"Weekly full backup of the Linux guests"'
    long = "Weekly\tfull " + "日本 " * 10 + "backup of every Linux guest " * 5
    rows = _h11_rows(tmp_path, old, f'"{long}"')
    said = rows[1]
    assert said.startswith('         "Weekly<U+0009>full 日本 ') and said.endswith('..."')
    assert WIDTH - 4 <= columns(said) <= WIDTH  # the room used, never more
    assert rows[2].startswith("         backs up ")
    fits = "x" * (WIDTH - 11)  # 9 blanks, two quotes: exactly WIDTH
    assert _h11_rows(tmp_path, old, f'"{fits}"')[1] == f'         "{fits}"'
    assert _h11_rows(tmp_path, old, f'"{fits}y"')[1].endswith('..."')


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_h11_tape_header_breaks_between_nodes_not_after_on(example):
    out = run_cli(["show", example], expect=0).stdout.splitlines()
    header = out[: out.index("")]
    assert not any(line.endswith(" on") for line in header)
    assert not any(line.lstrip().startswith(("on ", "(DMM")) for line in header)


def test_h11_a_long_member_list_breaks_between_members():
    from bkrdsl.show import _tape_text

    members = tuple(f"MEMBER{n:02d}" for n in range(1, 13))
    tape = {"scope": "shared", "nodes": [("TCTMM", "tape-catalog-node", members[:1]), ("TRTMM", "tape-request-node", members[1:])]}
    said = show._wrapped(_tape_text(type("V", (), {"tape": tape})()), "  tape     ", " " * 11)
    said = [line.replace("\xa0", " ") for line in said]
    assert said[0] == "  tape     shared catalog: catalog node TCTMM on MEMBER01; request node TRTMM on MEMBER02 MEMBER03"
    assert len(said) > 1 and [line[:11] for line in said[1:]] == [" " * 11] * (len(said) - 1)
    assert " ".join(said).split()[-11:] == list(members[1:])  # a line breaks between members
    assert all(len(line) <= WIDTH for line in said)
    one = [("TRTMM", "tape-request-node", members[1:2]), ("TRDMM", "tape-request-dmm", members[1:2])]
    said = _tape_text(type("V", (), {"tape": {"scope": "shared", "nodes": one}})())
    assert "request\xa0node\xa0TRTMM\xa0(DMM\xa0TRDMM)\xa0on\xa0MEMBER02" in said  # no break within a node


# stop 72, h4: local catalogs that keep backups for different times say each
LOCAL_RETAINS = """import std/backup-manager

cluster TESTSSI {
  member VM1 { workers 2 }
  member VM2 { workers 2 }
  catalog local
  expire on VM1 { purge weekly sun 06:00  retain 30 days }
  expire on VM2 { purge weekly sun 07:00  retain 90 days }
  identity group SYSTEM { RSCS }
  job SYSFU {
    backup SYSTEM full
    include minidisk * 0191
    to disk
    run on each member daily 02:00
  }
}
"""


@pytest.mark.parametrize("extra", [(), ("--user", "RSCS")])
def test_local_catalogs_that_keep_backups_for_different_times_say_each(tmp_path, extra):
    """The header said `keeps backups 30 days`, VM1's, and cluster.retain_days 30,
    while VM2's BKREXPIR keeps them 90 days (as its header says): a backup of VM2
    restored on day 60 is there. Each purging member's `retain` now, where they differ."""
    path = tmp_path / "local.bkr"
    path.write_text(LOCAL_RETAINS)
    out = run_cli(["show", str(path), *extra], expect=0).stdout
    assert out.count("keeps backups 30 days on VM1, gone by day 37 at the latest\n") == 1
    assert out.count("\n           (purged weekly sun 06:00), 90 days on VM2, gone by day 97 at the latest\n") == 1
    assert out.count("\n           (purged weekly sun 07:00)\n") == 1
    data = json.loads(run_cli(["show", str(path), "--format", "json", *extra], expect=0).stdout)
    assert (data["cluster"]["retain_days"], data["cluster"]["retains"]) == (
        None,
        [{"member": "VM1", "days": 30, "gone_by_days": 37}, {"member": "VM2", "days": 90, "gone_by_days": 97}],
    )
    _, artifacts = compile_source("local.bkr", LOCAL_RETAINS.encode())
    files = {a.path: a.text for a in artifacts}
    for member, days in (("VM1", 30), ("VM2", 90)):
        assert f"keeps backups {days} days" in files[f"{member}/BKREXPIR.EXEC"]


def test_local_catalogs_that_keep_backups_alike_say_it_once(tmp_path):
    path = tmp_path / "local.bkr"
    path.write_text(LOCAL_RETAINS.replace("retain 90 days", "retain 30 days"))
    out = run_cli(["show", str(path)], expect=0).stdout
    assert "  expiry   purges on VM1, VM2; keeps backups 30 days, gone by day 37 at the latest\n" in out
    assert "\n           (purged weekly sun 06:00 on VM1, weekly sun 07:00 on VM2)\n" in out
    assert json.loads(run_cli(["show", str(path), "--format", "json"], expect=0).stdout)["cluster"]["retain_days"] == 30


# stop 78, h14 (an auditor's walk): a local catalog no member purges is said so
@pytest.mark.parametrize("extra", [(), ("--member", "VM3"), ("--user", "RSCS")])
def test_a_local_catalog_never_purged_is_said_in_the_header(tmp_path, extra):
    """With local catalogs, VM3's jobs' backups go to VM3's catalog, which no
    `expire` purges (BKR214's warning): the header said `keeps backups 30 days on VM1
    ..., 90 days on VM2 ...` and of VM3 nothing, so an auditor asking how long a
    backup of VM3's jobs is kept read the other members' days. It says VM3 never
    purges, as a purge by hand alone says `no bound on when they are gone`; several
    such members are named together; a shared catalog, purged from one member for
    all, gets no such part, nor a cluster no member purges (said already)."""
    path = tmp_path / "local.bkr"
    path.write_text(LOCAL_RETAINS.replace("  member VM2 { workers 2 }\n", "  member VM2 { workers 2 }\n  member VM3 { workers 2 }\n"))
    out = run_cli(["show", str(path), *extra], expect=0).stdout
    assert (
        "           (purged weekly sun 07:00); VM3 never purges its catalog: no bound on when its jobs'\n"
        "           backups are gone (BKR214)\n"
    ) in out
    assert max(len(line) for line in out.splitlines()) <= WIDTH
    path.write_text(path.read_text().replace("  expire on VM2 { purge weekly sun 07:00  retain 90 days }\n", ""))
    out = run_cli(["show", str(path), *extra], expect=0).stdout
    assert (
        "  expiry   purges on VM1 only; keeps backups 30 days, gone by day 37 at the latest\n"
        "           (purged weekly sun 06:00 on VM1); VM2, VM3 never purge their catalogs: no bound on when\n"
        "           their jobs' backups are gone (BKR214)\n"
    ) in out
    path.write_text(path.read_text().replace("  expire on VM1 { purge weekly sun 06:00  retain 30 days }\n", ""))
    assert "  expiry   no member purges the catalog\n" in run_cli(["show", str(path), *extra], expect=0).stdout
    assert "never purge" not in run_cli(["show", str(ROOT / "examples" / "prodssi.bkr")], expect=0).stdout


# stop 72, h16: the header says when the purging members purge, not only how long backups are kept
def test_the_header_says_when_the_purging_member_purges(at_root):
    """`keeps backups 35 days` said how long, not when PRODA's purge runs (weekly sun
    08:00): a backup may outlive its 35 days by up to a week, and `--user` (a restore)
    could not tell. The header and `cluster.purges` say it, with `--member` leaving the
    purging member out too."""
    expiry = (
        "  expiry   purges on PRODA only (EXPIRE acts on every member's jobs); keeps backups 35 days,\n"
        "           gone by day 42 at the latest (purged weekly sun 08:00 on PRODA)\n"
    )
    for extra in ((), ("--member", "PRODB"), ("--user", "DB2A"), ("--user", "DB2A", "--member", "PRODB")):
        assert expiry in run_cli(["show", "examples/bank.bkr", *extra], expect=0).stdout
        data = json.loads(run_cli(["show", "examples/bank.bkr", "--format", "json", *extra], expect=0).stdout)
        assert data["cluster"]["purges"] == [{"member": "PRODA", "schedule": "weekly sun", "time": "08:00"}]
        assert data["format_version"] == FORMAT_VERSION == "1"


def test_a_purge_run_by_hand_is_said_so(tmp_path):
    path = tmp_path / "local.bkr"
    path.write_text(LOCAL_RETAINS.replace("purge weekly sun 07:00", "purge manual"))
    out = run_cli(["show", str(path)], expect=0).stdout
    assert "keeps backups 30 days on VM1, gone by day 37 at the latest\n" in out
    assert "\n           (purged weekly sun 06:00), 90 days on VM2, no bound on when they are gone\n" in out
    assert "\n           (purged by hand)\n" in out
    purges = json.loads(run_cli(["show", str(path), "--format", "json"], expect=0).stdout)["cluster"]["purges"]
    assert purges == [
        {"member": "VM1", "schedule": "weekly sun", "time": "06:00"},
        {"member": "VM2", "schedule": "manual", "time": None},
    ]


def test_a_changed_purge_schedule_is_no_change_of_retain(tmp_path):
    """`--against` compares `retain` as before: a purge moved to another day is the
    member's expiry change, not the cluster's `retain`."""
    old, new = tmp_path / "old.bkr", tmp_path / "new.bkr"
    old.write_text(LOCAL_RETAINS)
    new.write_text(LOCAL_RETAINS.replace("purge weekly sun 07:00", "purge weekly sat 07:00"))
    data = json.loads(run_cli(["show", str(new), "--against", str(old), "--format", "json"], expect=0).stdout)
    assert data["cluster"]["changes"] == []
    assert [c["what"] for m in data["members"] for c in m["changes"]] == ["expire"]


# stop 73, h4: how old the oldest backup can still be: `gone by day N at the latest`
def test_the_header_says_by_which_day_a_backup_is_gone(at_root):
    """`keeps backups 35 days (purged weekly sun 08:00 on PRODA)` left a restore to work
    out that a backup made just after a purge outlives its 35 days until the next one.
    The header says the day, as `--member`, `--user` and `--directory` show it, and
    `cluster.retains[].gone_by_days` too."""
    expiry = (
        "  expiry   purges on PRODA only (EXPIRE acts on every member's jobs); keeps backups 35 days,\n"
        "           gone by day 42 at the latest (purged weekly sun 08:00 on PRODA)\n"
    )
    for extra in ((), ("--member", "PRODB"), ("--user", "DB2A"), ("--directory", "examples/bank.direct")):
        assert expiry in run_cli(["show", "examples/bank.bkr", *extra], expect=0).stdout
        data = json.loads(run_cli(["show", "examples/bank.bkr", "--format", "json", *extra], expect=0).stdout)
        assert data["cluster"]["retains"] == [{"member": "PRODA", "days": 35, "gone_by_days": 42}]


@pytest.mark.parametrize(
    ("purge", "day"),
    [
        ("daily 06:00", 31),
        ("weekly sun 06:00", 37),
        ("weekly mon,thu 06:00", 34),  # Thursday to Monday
        ("monthly 15 06:00", 61),
        ("monthly last-day 06:00", 61),
        ("monthly first sun 06:00", 65),  # two months' first Sundays five weeks apart
        ("monthly last sun 06:00", 65),
        ("monthly 30 06:00", 90),  # skips February: January's 30th to March's in a leap year
        ("monthly 31 06:00", 91),  # skips the shorter months: August's 31st to October's
    ],
)
def test_the_day_a_backup_is_gone_by_follows_the_purge_s_schedule(tmp_path, purge, day):
    path = tmp_path / "local.bkr"
    path.write_text(LOCAL_RETAINS.replace("purge weekly sun 06:00", f"purge {purge}"))
    out = run_cli(["show", str(path)], expect=0).stdout
    assert f"keeps backups 30 days on VM1, gone by day {day} at the latest\n" in out
    assert f"\n           (purged {purge}), 90 days on VM2, gone by day 97 at the latest\n" in out
    retains = json.loads(run_cli(["show", str(path), "--format", "json"], expect=0).stdout)["cluster"]["retains"]
    assert [r["gone_by_days"] for r in retains] == [day, 97]


def test_a_purge_by_hand_alone_bounds_no_day(tmp_path):
    """`purge manual` alone: no day is sure, and the header says so; JSON null."""
    path = tmp_path / "local.bkr"
    text = LOCAL_RETAINS.replace("retain 90 days", "retain 30 days")
    path.write_text(text.replace("purge weekly sun 06:00", "purge manual").replace("purge weekly sun 07:00", "purge manual"))
    out = run_cli(["show", str(path), "--user", "RSCS"], expect=0).stdout
    assert "  expiry   purges on VM1, VM2; keeps backups 30 days, no bound on when they are gone\n" in out
    assert "\n           (purged by hand on VM1 VM2)\n" in out
    retains = json.loads(run_cli(["show", str(path), "--format", "json"], expect=0).stdout)["cluster"]["retains"]
    assert retains == [
        {"member": "VM1", "days": 30, "gone_by_days": None},
        {"member": "VM2", "days": 30, "gone_by_days": None},
    ]


def test_one_retain_gone_by_different_days_says_each_member(tmp_path):
    """Both keep backups 30 days, but VM2 purges daily: each member's own day, not one
    `30 days` for both (which would say VM1's day of VM2 or the other way round)."""
    path = tmp_path / "local.bkr"
    path.write_text(LOCAL_RETAINS.replace("retain 90 days", "retain 30 days").replace("weekly sun 07:00", "daily 07:00"))
    out = run_cli(["show", str(path)], expect=0).stdout
    assert "keeps backups 30 days on VM1, gone by day 37 at the latest\n" in out
    assert "\n           (purged weekly sun 06:00), 30 days on VM2, gone by day 31 at the latest\n" in out
    data = json.loads(run_cli(["show", str(path), "--format", "json"], expect=0).stdout)["cluster"]
    assert (data["retain_days"], [r["gone_by_days"] for r in data["retains"]]) == (30, [37, 31])


def test_the_longest_wait_between_purges_counts_each_minute():
    """Several schedules together (one EXEC's table): the longest wait from one due
    minute to the next, in minutes; Monday 00:00 to Friday 23:00 is 4 days 23 hours, so
    a backup kept 30 days is gone by day 35, not 34. `manual` alone bounds nothing."""
    from bkrdsl.resolve.model import Timing, longest_wait

    assert longest_wait([Timing("weekly", ("MON",), 0), Timing("weekly", ("FRI",), 23 * 60)]) == (4 * 24 + 23) * 60
    # the 31st's 02:00 cuts one day's wait to an hour; the other days still wait a day
    assert longest_wait([Timing("daily", (), 60), Timing("monthly", ("31",), 120)]) == 24 * 60
    assert longest_wait([Timing("manual"), Timing("weekly", ("SUN",), 0)]) == 7 * 24 * 60
    assert longest_wait([Timing("manual")]) is None and longest_wait([]) is None


def test_a_purge_that_waits_longer_is_no_change_of_retain(tmp_path):
    """`--against`: a purge moved from daily to monthly changes the day a backup is gone
    by, but that is the member's `expire` change, as h16's moved purge was; the cluster's
    `retain` (said as before, without the day) is no change."""
    old, new = tmp_path / "old.bkr", tmp_path / "new.bkr"
    old.write_text(LOCAL_RETAINS.replace("purge weekly sun 07:00", "purge daily 07:00"))
    new.write_text(LOCAL_RETAINS.replace("purge weekly sun 07:00", "purge monthly 1 07:00"))
    data = json.loads(run_cli(["show", str(new), "--against", str(old), "--format", "json"], expect=0).stdout)
    assert data["cluster"]["changes"] == []
    assert [c["what"] for m in data["members"] for c in m["changes"]] == ["expire"]


# stop 79, h2: an interrupted `show --format json` says the run failed
@pytest.mark.parametrize(
    ("where", "signum", "word", "code"),
    [("analyse_arg", "SIGINT", "interrupted", 130), ("view", "SIGTERM", "terminated", 143)],
    ids=["ctrl-c-reading", "sigterm-showing"],
)
def test_an_interrupted_show_under_json_prints_a_document_that_says_the_run_failed(
    tmp_path, monkeypatch, where, signum, word, code
):
    """`bkrc show --format json` stopped by Ctrl-C while the file was read printed no
    document on standard error (only `bkrc: interrupted`), and stopped by SIGTERM (a
    cancelled pipeline job) while the facts were worked out, a clean run's document
    with the line after it on the same stream, which then parsed as no JSON. Now, as
    `bkrc check`: the document of a run that failed (the file's warnings kept, its
    line in `failures`), the line on standard output, exit 130 or 143."""
    import signal

    import bkrdsl.cli.show

    source = tmp_path / "warned.bkr"
    text = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    source.write_text(text.replace('"Weekly full backup', '"Weekly\\q full backup', 1), encoding="utf-8")
    owner = bkrdsl.cli.show if where == "analyse_arg" else show
    real = getattr(owner, where)

    def stopped(*args, **kwargs):
        result = real(*args, **kwargs)
        signal.raise_signal(getattr(signal, signum))
        return result

    monkeypatch.setattr(owner, where, stopped)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # a background pytest ignores SIGINT
    try:
        result = run_cli(["show", source, "--format", "json"], expect=code)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert result.stdout == f"bkrc: {word}\n"
    document = json.loads(result.stderr)
    assert document["execution_successful"] is False and document["failures"] == [f"bkrc: {word}"]
    kept = [] if where == "analyse_arg" else ["BKR019"]  # stopped before the analysis was done: none yet
    assert [d["code"] for d in document["diagnostics"]] == kept


def test_a_show_whose_facts_standard_output_cannot_take_says_so_in_its_document(tmp_path):
    """`bkrc show --format json > /dev/full 2> diagnostics.json`: the document said a
    clean run and the line after it (`cannot write to standard output`) made it no
    JSON; it says the run failed now, exit 2."""
    import os
    import subprocess
    import sys

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "bkrdsl", "show", str(EXAMPLES / "prodssi.bkr"), "--format", "json"],
            stdout=full, stderr=subprocess.PIPE, text=True, check=False,
        )
    assert run.returncode == 2, run.stderr
    document = json.loads(run.stderr)
    assert document["execution_successful"] is False
    assert document["failures"] == ["bkrc: cannot write to standard output: No space left on device"]


def test_show_json_prints_its_document_after_the_facts(tmp_path):
    """The held document is printed once, the run's own, when the facts are out."""
    result = run_cli(["show", EXAMPLES / "prodssi.bkr", "--format", "json", "--user", "TCPIP"], expect=0)
    assert json.loads(result.stdout)["users"][0]["user"] == "TCPIP"
    document = json.loads(result.stderr)
    assert document["execution_successful"] is True and document["diagnostics"] == []
