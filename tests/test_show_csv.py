"""`bkrc show --directory --format csv`: one line per minidisk, for an auditor (docs/show.md, "One line per minidisk").

The rows are the JSON's `members[].coverage.entries[].minidisks[]` made flat:
each test that says what a row holds checks it against the JSON document of
the same run, so that the two formats cannot drift apart.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
from conftest import EXAMPLES, ROOT, run_cli

from bkrdsl.show import CSV_COLUMNS

PRODSSI = (EXAMPLES / "prodssi.bkr").read_text()
EXAMPLE_PAIRS = [("examples/prodssi.bkr", "examples/prodssi.direct"), ("examples/bank.bkr", "examples/bank.direct")]


def show(path, directory, fmt, *args) -> str:
    return run_cli(["show", str(path), "--format", fmt, "--directory", directory, *args], expect=0).stdout


def read_csv(text: str) -> list[dict[str, str]]:
    """The rows as Python's csv module reads them back, the header checked."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    assert tuple(header) == CSV_COLUMNS
    return [dict(zip(header, row, strict=True)) for row in reader]


def spreadsheet_safe(value: str) -> str:
    """OWASP's neutralisation of a CSV cell (docs/show.md, "Fields"): a `'` before a
    value that starts with `=`, `+`, `-`, `@`, a tab or a CR."""
    return "'" + value if value and value[0] in "=+-@\t\r" else value


def rows_from_json(data: dict) -> dict[tuple[str, str, str], dict[str, str]]:
    """What each CSV row must say, worked out from the JSON document alone: a USER's
    minidisks once (`member` empty; its entry is the same on every member), an
    IDENTITY's once per member; the site's users' (`class` guest), z/VM's own IDs'
    and the product's machines' (`coverage.zvm.entries`, `coverage.product.entries`)."""
    out: dict[tuple[str, str, str], dict[str, str]] = {}
    for m in data["members"]:
        classed = [("guest", e) for e in m["coverage"]["entries"]]
        classed += [(whose, e) for whose in ("zvm", "product") for e in m["coverage"][whose]["entries"]]
        for whose, e in classed:
            member = "" if e["statement"] == "USER" else m["name"]
            for d in e["minidisks"]:
                row = {
                    "user": e["user"],
                    "statement": e["statement"],
                    "member": member,
                    "user_status": e["status"],
                    "address": d["address"],
                    "status": d["status"],
                    "manual_only": "true" if d["manual_only"] else "false",
                    "jobs": " ".join(f"{j['name']}@{j['member']}" for j in d["jobs"]),
                    "devtype": spreadsheet_safe(d["devtype"]),
                    "size": "" if d["size"] is None else str(d["size"]),
                    "bytes": "" if d["bytes"] is None else str(d["bytes"]),
                    "excluded_by": spreadsheet_safe(
                        "; ".join(
                            f"{x['file']}:{x['line']}:{x['column']} {x['whose']} {x['name']}"
                            for x in d["excluded_by"]
                        )
                    ),
                    "class": whose,
                }
                key = (e["user"], member, d["address"])
                assert out.setdefault(key, row) == row, key  # a USER's entry is the same on every member
    return out


@pytest.mark.parametrize(("bkr", "direct"), EXAMPLE_PAIRS)
def test_every_row_is_the_json_s_minidisk(at_root, bkr, direct):
    """Each row agrees with the JSON's minidisk it stands for, and each of the JSON's
    minidisks has its row, once; the rows are sorted by user, member and address."""
    rows = read_csv(show(bkr, direct, "csv"))
    expected = rows_from_json(json.loads(show(bkr, direct, "json")))
    assert rows == [expected[key] for key in sorted(expected)]
    assert [(r["user"], r["member"], r["address"]) for r in rows] == sorted(expected)
    assert {r["status"] for r in rows} <= {"backed-up", "excluded", "not-selected"}


def test_bank_s_rows_count_each_minidisk_of_the_cluster_once(at_root):
    """docs/show.md's count, without jq: bank.bkr's 8 USERs' minidisks once, its
    IDENTITY machines' once per member: 363 backed up, 161 excluded."""
    every = read_csv(show("examples/bank.bkr", "examples/bank.direct", "csv"))
    rows = [r for r in every if r["class"] == "guest"]
    assert [r["class"] for r in every].count("zvm") == 19 and [r["class"] for r in every].count("product") == 2
    statuses = [r["status"] for r in rows]
    assert (len(rows), statuses.count("backed-up"), statuses.count("excluded")) == (524, 363, 161)
    (db2b,) = [r for r in rows if (r["user"], r["address"]) == ("DB2B", "0600")]
    # bank.direct's `MDISK 0600 3390 6200 0200 BKCOM2 MR`: 200 cylinders of 15 tracks of 56,664 bytes
    db2b_size = {"devtype": "3390", "size": "200", "bytes": str(200 * 15 * 56_664)}
    assert db2b == {
        "user": "DB2B",
        "statement": "USER",
        "member": "",
        "user_status": "backed-up",
        "address": "0600",
        "status": "excluded",
        "manual_only": "false",
        "jobs": "LOCBFULL@PRODB LOCBINC@PRODB",
        **db2b_size,
        "excluded_by": "examples/bank.bkr:17:5 member PRODB",
        "class": "guest",
    }
    lnx = [(r["member"], r["address"], r["status"]) for r in rows if r["user"] == "LNXP01"]
    assert [m for m, _, _ in lnx] == sorted(m for m, _, _ in lnx)
    assert {m for m, _, _ in lnx} == {"PRODA", "PRODB", "PRODC", "PRODD"}


@pytest.mark.parametrize(("bkr", "direct"), EXAMPLE_PAIRS)
def test_byte_identical_across_runs_with_lf_line_ends(at_root, bkr, direct):
    first, second = show(bkr, direct, "csv"), show(bkr, direct, "csv")
    assert first == second
    assert first.endswith("\n") and "\r" not in first
    assert first.splitlines()[0] == ",".join(CSV_COLUMNS)


def test_member_keeps_the_users_rows_and_that_member_s_identities(at_root):
    """`--member PRODA`: every USER's rows, as without it (a USER counts on every
    member, backed up from any), and the IDENTITY rows of PRODA alone; each row as
    the whole listing has it."""
    args = ("examples/bank.bkr", "examples/bank.direct", "csv")
    every = read_csv(show(*args))
    proda = read_csv(show(*args, "--member", "PRODA"))
    assert proda == [r for r in every if r["member"] in ("", "PRODA")]
    assert {r["member"] for r in proda} == {"", "PRODA"}
    assert [r for r in proda if r["statement"] == "IDENTITY"] and all(
        r["member"] == "PRODA" for r in proda if r["statement"] == "IDENTITY"
    )
    two = read_csv(show(*args, "--member", "PRODB", "--member", "PRODD"))
    assert two == [r for r in every if r["member"] in ("", "PRODB", "PRODD")]


def test_a_value_with_a_comma_or_a_quote_is_quoted(at_root, tmp_path):
    """The file's name is in `excluded_by`: one with a comma and a quote in it is
    one quoted field, its quote doubled, which the csv module reads back whole."""
    folder = tmp_path / 'q3,"audit"'
    folder.mkdir()
    path = folder / "site.bkr"
    old = "exclude minidisk LNX* 0192"
    assert old in PRODSSI
    path.write_text(PRODSSI.replace(old, "exclude minidisk LNXWEB01 0100"))
    text = show(path, "examples/prodssi.direct", "csv")
    value = f"{path}:13:5 member VMSYS2"
    quoted = '"' + value.replace('"', '""') + '"'
    (line,) = [line for line in text.splitlines() if line.startswith("LNXWEB01,USER,,backed-up,0100,")]
    assert line == f"LNXWEB01,USER,,backed-up,0100,excluded,false,LNXFULL@VMSYS2,3390,3338,{3338 * 15 * 56_664},{quoted},guest"
    (row,) = [r for r in read_csv(text) if (r["user"], r["address"]) == ("LNXWEB01", "0100")]
    assert row["excluded_by"] == value
    expected = rows_from_json(json.loads(show(path, "examples/prodssi.direct", "json")))
    assert read_csv(text) == [expected[key] for key in sorted(expected)]


@pytest.mark.parametrize("name", ["=cmd|' -C calc'!A0.bkr", '=HYPERLINK("http:", "x").bkr', "@SUM(1+1).bkr", "+1.bkr"])
def test_a_file_name_a_spreadsheet_reads_as_a_formula_is_neutralised(tmp_path, monkeypatch, name):
    """`excluded_by` starts with the file's name as given: one a spreadsheet would
    run as a formula gets OWASP's `'` before it, so the cell is text; the IDs and
    words of the other columns stay exact (CSV_EXACT), as the JSON has them."""
    shutil.copy(ROOT / "examples/prodssi.direct", tmp_path / "site.direct")
    (tmp_path / name).write_text(PRODSSI.replace("exclude minidisk LNX* 0192", "exclude minidisk LNXWEB01 0100"))
    monkeypatch.chdir(tmp_path)
    text = show(name, "site.direct", "csv")
    (row,) = [r for r in read_csv(text) if (r["user"], r["address"]) == ("LNXWEB01", "0100")]
    assert row["excluded_by"] == f"'{name}:13:5 member VMSYS2"
    assert (row["user"], row["jobs"]) == ("LNXWEB01", "LNXFULL@VMSYS2")
    expected = rows_from_json(json.loads(show(name, "site.direct", "json")))
    assert read_csv(text) == [expected[key] for key in sorted(expected)]


def test_manual_only_and_a_user_no_job_names(at_root, tmp_path):
    """LNXFULL made `manual`: the guests' 0100 is `manual_only` true; LNXDB01 taken out
    of group LINUX: its rows are `not-selected`, its `user_status` `not-named`."""
    path = tmp_path / "site.bkr"
    path.write_text(
        PRODSSI.replace("run on VMSYS2 weekly sat 22:00", "run on VMSYS2").replace("LNXWEB02 LNXDB01", "LNXWEB02")
    )
    rows = {(r["user"], r["address"]): r for r in read_csv(show(path, "examples/prodssi.direct", "csv"))}
    assert (rows["LNXWEB01", "0100"]["manual_only"], rows["LNXWEB01", "0191"]["manual_only"]) == ("true", "false")
    assert [(r["user_status"], r["status"], r["jobs"]) for k, r in rows.items() if k[0] == "LNXDB01"] == [
        ("not-named", "not-selected", ""),
        ("not-named", "not-selected", ""),
    ]


def test_csv_without_directory_is_a_usage_error(at_root):
    """Without `--directory` there is no minidisk to list: a header alone would read
    as a cluster with nothing to back up."""
    result = run_cli(["show", "examples/prodssi.bkr", "--format", "csv"], expect=2)
    assert result.stdout == ""
    assert "--format csv lists the minidisks of --directory's users: give --directory FILE" in result.stderr


def test_csv_of_a_file_with_errors_prints_nothing_on_standard_output(at_root):
    result = run_cli(
        ["show", "examples/broken/prodssi.bkr", "--format", "csv", "--directory", "examples/prodssi.direct"], expect=1
    )
    assert result.stdout == ""
    assert "error[BKR" in result.stderr and "bkrc: errors in the input; nothing shown" in result.stderr


def page() -> str:
    return (ROOT / "docs" / "show.md").read_text(encoding="utf-8")


def test_docs_transcript_is_what_bkrc_prints_on_standard_output(at_root):
    """docs/show.md, "One line per minidisk": its transcript is standard output
    (`...` lines stand for rows it leaves out), standard error empty, exit 0."""
    ((command, shown),) = re.findall(
        r"^```text\n\$ (bkrc show examples/bank\.bkr [^\n]*--format csv)\n(.*?)^```", page(), re.MULTILINE | re.DOTALL
    )
    result = run_cli(shlex.split(command)[1:], expect=0)
    assert result.stderr == ""
    parts = re.split(r"^\.\.\.\n", shown, flags=re.MULTILINE)
    assert len(parts) > 2 and result.stdout.startswith(parts[0]) and result.stdout.endswith(parts[-1])
    at = 0
    for part in parts[1:-1]:
        at = result.stdout.index(part, at) + len(part)


def test_docs_count_and_columns_are_bkrc_s(at_root):
    """The page's column table names CSV_COLUMNS in order; its count of bank.bkr's rows
    is test_bank_s_rows_count_each_minidisk_of_the_cluster_once's."""
    text = page()
    section = text.split("\n## One line per minidisk\n", 1)[1].split("\n## ", 1)[0]
    assert tuple(re.findall(r"^\| `(\w+)` \|", section, re.MULTILINE)) == CSV_COLUMNS
    assert "of bank.bkr's 545\n  rows, its 524 `guest` rows are 363 `backed-up` and 161 `excluded`, and 19\n  are z/VM's own IDs' and 2" in section
    assert """--format csv | awk -F, 'NR > 1 && $NF == "guest"' | cut -d, -f6 | sort | uniq -c""" in text


def test_docs_quarter_diff_is_the_diff_of_the_two_listings(at_root, tmp_path):
    """docs/show.md's "What changed since last quarter?": prodssi.bkr read on standard
    input, then with LNXDB01 taken out of group LINUX; `diff` of the two listings is the
    page's."""
    (shown,) = re.findall(r"^  ```diff\n(.*?)^  ```", page(), re.MULTILINE | re.DOTALL)
    new = PRODSSI.replace("LNXWEB02 LNXDB01", "LNXWEB02")
    assert new != PRODSSI
    for name, text in (("before.csv", PRODSSI), ("after.csv", new)):
        got = run_cli(["show", "-", "--directory", "examples/prodssi.direct", "--format", "csv"], input=text, expect=0)
        (tmp_path / name).write_text(got.stdout)
    if shutil.which("diff") is None:
        pytest.skip("no diff(1)")
    diff = subprocess.run(["diff", "before.csv", "after.csv"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert diff.returncode == 1
    assert diff.stdout == "".join(line[2:] + "\n" for line in shown.splitlines())


def test_the_same_bytes_in_fresh_processes_under_two_hash_seeds():
    """Byte-identical across runs: bank.bkr's listing in two processes, each under
    another PYTHONHASHSEED (set iteration order changes with it)."""
    outs = []
    for seed in ("0", "12345"):
        run = subprocess.run(
            [sys.executable, "-m", "bkrdsl", "show", "examples/bank.bkr", "--directory", "examples/bank.direct",
             "--format", "csv"],
            cwd=ROOT,
            env=dict(os.environ, PYTHONHASHSEED=seed),
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, run.stderr
        outs.append(run.stdout)
    assert outs[0] == outs[1] and outs[0].count("\n") == 546


# stop 74, h3: z/VM's own IDs' and the product's machines' minidisks have rows, `class` says whose
def test_h3_74_zvm_ids_and_product_machines_have_rows_class_last(at_root):
    """Their minidisks had no row: "which minidisks are not backed up?" missed TCPIP's,
    BKRBKUP's... Each has one now, as a guest's (a USER's once, an IDENTITY's per
    member), `class` `zvm` or `product`; the columns before it keep their places."""
    assert CSV_COLUMNS[:12] == (
        "user", "statement", "member", "user_status", "address", "status",
        "manual_only", "jobs", "devtype", "size", "bytes", "excluded_by",
    )
    assert CSV_COLUMNS[-1] == "class"
    data = json.loads(show("examples/prodssi.bkr", "examples/prodssi.direct", "json"))
    rows = read_csv(show("examples/prodssi.bkr", "examples/prodssi.direct", "csv"))
    whose = {r["user"]: r["class"] for r in rows}
    left_out = data["cluster"]["directory"]["left_out"]
    assert {u for u, c in whose.items() if c == "product"} == set(left_out["product"])
    assert {u for u, c in whose.items() if c == "zvm"} == set(left_out["zvm"])
    assert {c for u, c in whose.items() if u not in left_out["product"] + left_out["zvm"]} == {"guest"}
    assert [(r["member"], r["status"]) for r in rows if (r["user"], r["address"]) == ("BKRBKUP", "0191")] == [
        (m, "not-selected") for m in ("VMSYS1", "VMSYS2", "VMSYS3", "VMSYS4")
    ]
    assert [r["member"] for r in rows if r["user"] == "5697J06C"] == [""]  # a USER: one row
    (tcpip,) = [r for r in rows if (r["user"], r["member"]) == ("TCPIP", "VMSYS1")]
    assert (tcpip["status"], tcpip["jobs"], tcpip["class"]) == ("backed-up", "SYSIN1@VMSYS1 SYSME1@VMSYS1", "zvm")
    # the guests' rows count what the coverage counts, and `awk -F, '$NF == "guest"'` finds them
    guests = [r for r in rows if r["class"] == "guest"]
    assert len(guests) == 14 and {r["status"] for r in guests} == {"backed-up"}
    lines = show("examples/prodssi.bkr", "examples/prodssi.direct", "csv").splitlines()[1:]
    assert sum(line.split(",")[-1] == "guest" for line in lines) == len(guests)


def test_h3_74_the_last_field_is_class_where_excluded_by_is_quoted(at_root, tmp_path):
    """`awk -F, '{print $NF}'`: an `excluded_by` with a comma in it is quoted, and the
    field after it still the last one awk splits."""
    folder = tmp_path / "a,b"
    folder.mkdir()
    path = folder / "site.bkr"
    path.write_text(PRODSSI.replace("exclude minidisk LNX* 0192", "exclude minidisk LNXWEB01 0100"))
    text = show(path, "examples/prodssi.direct", "csv")
    (line,) = [line for line in text.splitlines() if line.startswith("LNXWEB01,USER,,backed-up,0100,")]
    assert line.endswith(f'"{path}:13:5 member VMSYS2",guest') and line.split(",")[-1] == "guest"
