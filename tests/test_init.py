"""`bkrc init`: the first cluster file checks clean, is canonical, compiles, and is
written in one step, never over an existing file without --force (docs/init.md).

The default file is one snapshot, `__snapshots__/test_init/test_default_file_snapshot.bkr`: a review
diff reads like the file a newcomer gets. Update with
`pytest tests/test_init.py --snapshot-update` after reading what changed.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shlex

import pytest
from conftest import ROOT, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from bkrdsl import output
from bkrdsl.keywords import keywords
from bkrdsl.pipeline import analyse
from bkrdsl.resolve import default_search_path
from bkrdsl.starter import release_modules

DEFAULT = ["--cluster", "PRODSSI", "--member", "VMSYS1", "--member", "VMSYS2"]


class BkrFile(SingleFileSnapshotExtension):
    """The snapshot is the .bkr file itself."""

    _write_mode = WriteMode.TEXT
    file_extension = "bkr"


def members(n: int) -> list[str]:
    return [arg for i in range(1, n + 1) for arg in ("--member", f"VMSYS{i}")]


def init(tmp_path, *args, expect=0, name="new.bkr"):
    """Run `bkrc init` to tmp_path/name; the result and the path."""
    path = tmp_path / name
    return run_cli(["init", path, *args], expect=expect), path


def diagnostics(text: str) -> list[tuple[str, str]]:
    """(code, message) of everything `bkrc check` says about `text`."""
    analysis = analyse("new.bkr", text.encode("utf-8"), search_path=default_search_path(()))
    return [(d.code, d.message) for d in analysis.diagnostics]


def assert_clean(path) -> None:
    """No diagnostic at all, canonical layout, and it compiles."""
    result = run_cli(["check", path], expect=0)
    assert result.output == ""
    run_cli(["fmt", "--check", path], expect=0)
    out = path.parent / "out"
    run_cli(["compile", path, "-o", out], expect=0)
    assert (out / "manifest.json").is_file()


# ------------------------------------------------------------------ the files
def test_default_file_snapshot(snapshot):
    """The file a newcomer gets from the shortest command (read it when it changes)."""
    result = run_cli(["init", "-", *DEFAULT], expect=0)
    assert result.stdout == snapshot(extension_class=BkrFile)


def test_default_file_checks_clean_formats_and_compiles(tmp_path):
    result, path = init(tmp_path, *DEFAULT)
    assert f"wrote {path}" in result.stderr
    assert_clean(path)
    text = path.read_text(encoding="utf-8")
    assert "import std/zvm73" in text
    assert "member VMSYS1 { workers 4  private-volume M1PRV1 }" in text
    assert "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1" in text
    assert "expire on VMSYS1 {" in text
    for statement in ("preview daily", "purge weekly", "retain 35 days", "disk BKRWRK* 191"):
        assert statement in text
    assert "single group APPS" in text and "identity group SYSIDS" in text
    assert "backup APPS full" in text and "backup SYSIDS incremental" in text
    assert "tape" not in text.replace("the whole cluster", "")


@pytest.mark.parametrize("tape", [False, True], ids=["disk", "tape"])
@pytest.mark.parametrize("count", [1, 2, 4, 8])
def test_every_member_count_checks_clean(tmp_path, count, tape):
    _, path = init(tmp_path, "--cluster", "TESTSSI", *members(count), "--tape" if tape else "--no-tape")
    assert_clean(path)
    text = path.read_text(encoding="utf-8")
    for i in range(1, count + 1):
        assert f"member VMSYS{i} {{ workers 4  private-volume M{i}PRV1 }}" in text
    assert ("tape manager shared catalog-node TCTMM on VMSYS1" in text) is tape
    assert ("on VMSYS1 request-node TRTMM" in text) is (tape and count > 1)
    assert ("    to tape" in text) is tape


def test_bkr253_suggests_the_a_disk_the_starter_writes():
    """Take any A-disk out of the starter and BKR253 asks for the very line it had:
    the size comes from one table (A_DISK_CYLINDERS), not from the cluster's other
    disks (it once suggested 10 cyl for the workers, whose starter line says 5)."""
    text = run_cli(["init", "-", *DEFAULT, "--tape"], expect=0).stdout
    lines = re.findall(r"^  (disk \S+ 191 size \d+ cyl)\n", text, re.MULTILINE)
    assert len(lines) == 10
    for line in lines:
        without = text.replace(f"  {line}\n", "").encode("utf-8")
        (d,) = analyse("new.bkr", without, search_path=default_search_path(())).diagnostics
        assert d.code == "BKR253" and d.help.startswith(f"add `{line}`"), (line, d.help)


def test_the_docs_and_examples_write_the_suggested_a_disk_sizes():
    """README.md, docs/ and examples/ give each product machine the A-disk size that
    BKR253 and `bkrc init` suggest, so that a newcomer sees one figure everywhere."""
    from bkrdsl.resolve.model import A_DISK_CYLINDERS

    roles = {
        "BKRBKUP": "backup-server",
        "BKRCATLG": "catalog-server",
        "BKRWRK*": "worker",
        "BKRADMIN": "admin",
        "5697J06C": "installation",
        "BKRSVSFS": "catalog-sfs-server",
        "TCTMM": "tape-catalog-node",
        "TRTMM": "tape-request-node",
        "TCDMM": "tape-catalog-dmm",
        "TRDMM": "tape-request-dmm",
    }
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "examples").rglob("*"))]
    wrong = []
    for path in files:
        if not path.is_file() or path.suffix not in (".md", ".bkr", ".txt"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for user, size in re.findall(r"disk (\S+) 0?191 size (\d+) cyl", line):
                if user in roles and int(size) != A_DISK_CYLINDERS[roles[user]]:
                    wrong.append(f"{path.relative_to(ROOT)}:{n}: {user} {size} cyl")
    assert wrong == []


@pytest.mark.parametrize("release", release_modules())
def test_every_release_module_checks_clean(tmp_path, release):
    assert release in ("zvm72", "zvm73", "zvm74") or release.startswith("zvm")
    _, path = init(tmp_path, *DEFAULT, "--stdlib", release, "--workers", "2")
    assert_clean(path)
    text = path.read_text(encoding="utf-8")
    assert f"import std/{release}" in text
    assert "workers 2 " in text


def test_catalog_and_purging_members(tmp_path):
    _, path = init(tmp_path, *members(3), "--cluster", "P", "--catalog-member", "vmsys2", name="a.bkr")
    text = path.read_text(encoding="utf-8")
    assert "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS2" in text
    assert "expire on VMSYS2 {" in text  # the purging member follows the catalog's
    assert_clean(path)
    _, path = init(tmp_path, *members(3), "--cluster", "P", "--purging-member", "VMSYS3", name="b.bkr")
    text = path.read_text(encoding="utf-8")
    assert "on VMSYS3\n" in text and "expire on VMSYS3 {" in text  # and the catalog the purging one
    # Both, on two members: written as asked, with the checker's warning (BKR215) shown.
    args = ["--catalog-member", "VMSYS1", "--purging-member", "VMSYS3"]
    result, path = init(tmp_path, *members(3), "--cluster", "P", *args, "--format", "short", name="c.bkr")
    assert "warning BKR215" in result.stderr
    assert "c.bkr:" in result.stderr
    assert [code for code, _ in diagnostics(path.read_text(encoding="utf-8"))] == ["BKR215"]


def test_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli(["init", "-", *DEFAULT], expect=0)
    assert result.stderr == ""
    assert list(tmp_path.iterdir()) == []
    _, path = init(tmp_path, *DEFAULT)
    assert result.stdout == path.read_text(encoding="utf-8")
    assert diagnostics(result.stdout) == []


# ------------------------------------------------------------------ names
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cluster=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=8),
    names=st.lists(
        st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=8),
        min_size=1,
        max_size=8,
        unique_by=str.upper,
    ),
    tape=st.booleans(),
)
def test_any_valid_names_give_a_clean_file(cluster, names, tape):
    """Letters and digits, any case, 1-8 of them: no diagnostic at all (EACH and
    CLUSTER aside, which the checker itself refuses or warns about)."""
    if {"EACH", "CLUSTER"} & {n.upper() for n in names}:
        return
    args = ["--cluster", cluster, *[a for n in names for a in ("--member", n)]]
    result = run_cli(["init", "-", *args, "--tape" if tape else "--no-tape"], expect=0)
    assert diagnostics(result.stdout) == []
    assert f"cluster {cluster.upper()} {{" in result.stdout


@pytest.mark.parametrize(
    "word", [k.upper() for k in keywords() if k.isalpha() and len(k) <= 8 and k != "each"]
)
def test_keywords_as_names(word):
    """A keyword is a name where a name stands: as cluster, member and catalog member."""
    args = ["--cluster", word, "--member", word, "--member", "VMSYS2", "--catalog-member", word, "--tape"]
    result = run_cli(["init", "-", *args], expect=0)
    expected = [("BKR328", "member")] if word == "CLUSTER" else []
    assert [(code, message.split()[0]) for code, message in diagnostics(result.stdout)] == expected


@pytest.mark.parametrize(
    ("args", "code", "caret"),
    [
        (["--cluster", "PROD.SSI", "--member", "VMSYS1"], "BKR302", "PROD.SSI"),
        (["--cluster", "P", "--member", "VMSYS-PROD1"], "BKR302", "VMSYS-PROD1"),
        (["--cluster", "P", "--member", "VMSYS1,VMSYS2"], "BKR302", "VMSYS1,VMSYS2"),
        (["--cluster", "P", "--member", "#VM1"], "BKR302", "'#VM1'"),
        # IBM, SSI Statement: "The system name must be alphanumeric".
        (["--cluster", "P", "--member", "VM$1"], "BKR302", "'VM$1'"),
        (["--cluster", "P", "--member", "VMSYS1", "--member", "VM@2"], "BKR302", "VM@2"),
        (["--cluster", "PROD#SSI", "--member", "VMSYS1"], "BKR302", "'PROD#SSI'"),
        (["--cluster", "", "--member", "VMSYS1"], "BKR302", "''"),
        (["--cluster", "P", "--member", "VMSYS1", "--member", "vmsys1"], "BKR322", "vmsys1"),
        (["--cluster", "P", "--member", "VMSYS1", "--member", "EACH"], "BKR327", "EACH"),
        (["--cluster", "P", *members(9)], "BKR240", "VMSYS9"),
        (["--cluster", "P", *members(2), "--catalog-member", "VMSYS3"], "BKR330", "VMSYS3"),
        (["--cluster", "P", *members(2), "--purging-member", "VMSYS01"], "BKR330", "VMSYS01"),
        (["--cluster", "P", *members(2), "--purging-member", "VM.1"], "BKR302", "VM.1"),
    ],
)
def test_invalid_names_are_the_checkers_diagnostics(tmp_path, args, code, caret):
    """Exit 1, nothing written; the diagnostic has the checker's code and a help, and
    points at the name in the command line."""
    result, path = init(tmp_path, *args, expect=1)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []
    assert result.stderr.endswith("bkrc: nothing written\n")
    assert f"error[{code}]" in result.stderr
    assert "= help: " in result.stderr
    frame = result.stderr.splitlines()
    source = next(line for line in frame if line.startswith("1 | "))
    carets = next(line for line in frame if line.lstrip().startswith("|") and "^" in line)
    start = carets.index("^")
    assert source[start : start + len(caret)] == caret
    assert carets.count("^") == len(caret)

    result, _ = init(tmp_path, *args, "--format", "json", expect=1)
    report = json.loads(result.stderr.split("bkrc: nothing written")[0])
    found = report["diagnostics"][0]
    assert found["code"] == code and found["file"] == "<command line>" and found["help"]


def test_a_member_given_three_times_is_one_error_with_the_others_as_notes(tmp_path):
    # as the checker reports a member declared three times (BKR322)
    args = ["--cluster", "P", "--member", "VMSYS1", "--member", "VMSYS1", "--member", "vmsys1"]
    result, _ = init(tmp_path, *args, "--format", "json", expect=1)
    (found,) = json.loads(result.stderr.split("bkrc: nothing written")[0])["diagnostics"]
    assert found["code"] == "BKR322" and found["message"] == "member `VMSYS1` is given 3 times"
    assert [r["message"] for r in found["related"]] == ["first given here", "given again here"]


def test_a_member_list_in_one_option_gets_a_help_that_says_how(tmp_path):
    # with the names given (it wrote the example's, VMSYS1 and VMSYS2, whatever they were)
    result, _ = init(tmp_path, "--cluster", "P", "--member", "VMA1,VMA2", expect=1)
    assert "give each member its own `--member`: `--member VMA1 --member VMA2`" in result.stderr
    result, _ = init(tmp_path, "--cluster", "P", "--member", "VMA1,", expect=1)
    assert "give each member its own `--member`: `--member VMA1`" in result.stderr
    result, _ = init(tmp_path, "--cluster", "P", "--member", ",", expect=1)
    assert "give each member its own `--member`: `--member VMSYS1 --member VMSYS2`" in result.stderr


def test_unknown_member_gets_did_you_mean(tmp_path):
    result, _ = init(tmp_path, "--cluster", "P", *members(2), "--catalog-member", "VMSYS", expect=1)
    assert "did you mean `VMSYS1` or `VMSYS2`?" in result.stderr


@pytest.mark.parametrize("workers", ["0", "65", "two"])
def test_workers_out_of_range_is_a_usage_error(tmp_path, workers):
    result, path = init(tmp_path, *DEFAULT, "--workers", workers, expect=2)
    assert "--workers" in result.stderr
    assert not path.exists()


def test_help_gives_the_range_of_workers_it_accepts():
    """`--help` said `--workers INTEGER`, and only a wrong number told the range."""
    from bkrdsl.check.values import MAX_WORKERS

    result = run_cli(["init", "--help"], expect=0)
    assert "--workers N " in result.stdout
    assert f"on each member, 1 to {MAX_WORKERS}." in " ".join(result.stdout.split())


def test_unknown_release_is_a_usage_error(tmp_path):
    result, path = init(tmp_path, *DEFAULT, "--stdlib", "zvm99", expect=2)
    assert "'zvm73'" in result.stderr  # click lists the choices
    assert not path.exists()


# ------------------------------------------------------------------ one parse of the file
def test_the_file_written_is_parsed_once(tmp_path, monkeypatch):
    """The formatter proves its layout by parsing the text it lays out, and the check of
    the file takes that parse: the text written is parsed once, not once more for the
    check (at 10,000 users from a directory, a parse is some 250 M instructions)."""
    from bkrdsl.syntax import fast, fast_allowed, parser

    read = []
    module, name = (fast, "read_reported") if fast_allowed() else (parser, "parse")  # BKRDSL_PARSER=lark
    real = getattr(module, name)

    def counting(source, *args, **kwargs):
        read.append(source.text)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    _, path = init(tmp_path, *DEFAULT)
    assert read.count(path.read_text(encoding="utf-8")) == 1


def test_the_check_takes_a_parse_only_of_the_very_bytes():
    """`analyse(..., main=...)` takes a parse given only when the bytes decode to its
    very Source (name and text); otherwise it parses them, with the same diagnostics."""
    from bkrdsl.resolve.loader import read_text

    text = run_cli(["init", "-", *DEFAULT, "--member", "CLUSTER"], expect=0).stdout  # BKR328, a warning
    data = text.encode("utf-8")
    given = read_text("new.bkr", data)
    search = default_search_path(())
    taken = analyse("new.bkr", data, search_path=search, main=given)
    assert taken.program.main is given[1]
    assert [d.code for d in taken.diagnostics] == [d.code for d in analyse("new.bkr", data, search_path=search).diagnostics]
    assert "BKR328" in [d.code for d in taken.diagnostics]
    for name, other in (("other.bkr", data), ("new.bkr", data + b"# one line more\n"), ("new.bkr", b"\x00")):
        alone = analyse(name, other, search_path=search)
        with_main = analyse(name, other, search_path=search, main=given)
        assert with_main.program.main is not given[1]
        assert [(d.code, d.message, d.span) for d in with_main.diagnostics] == [
            (d.code, d.message, d.span) for d in alone.diagnostics
        ]


# ------------------------------------------------------------------ writing
def test_a_device_or_fifo_is_never_offered_to_force(tmp_path):
    """`init /dev/null` said `--force overwrites it`, and `--force` then refused it."""
    fifo = tmp_path / "pipe.bkr"
    os.mkfifo(fifo)
    for path, what in ((os.devnull, "a character device"), (fifo, "a FIFO (named pipe)")):
        result = run_cli(["init", path, *DEFAULT], expect=2)
        assert result.stderr == f"bkrc: {path}: already exists; nothing written (it is {what}, which bkrc never replaces)\n"
    assert fifo.is_fifo() and sorted(p.name for p in tmp_path.iterdir()) == ["pipe.bkr"]


def _no_removal(monkeypatch) -> None:
    """A folder made append-only (`chattr +a`): bkrc may create and link files in it,
    not remove or rename them. Root may chattr, on a file system that has it;
    wrapping os.unlink and os.replace does the same anywhere."""
    real_unlink = os.unlink

    def unlink(path, *args, **kwargs):
        if os.path.basename(os.fspath(path)).startswith(output.TEMP_MARK):
            raise PermissionError(errno.EPERM, "Operation not permitted", os.fspath(path))
        return real_unlink(path, *args, **kwargs)

    def replace(src, dst, *args, **kwargs):
        raise PermissionError(errno.EPERM, "Operation not permitted", os.fspath(src))

    monkeypatch.setattr(output.os, "unlink", unlink)
    monkeypatch.setattr(output.os, "replace", replace)


def test_a_temporary_file_that_cannot_be_removed_is_named(tmp_path, monkeypatch):
    """Both left it beside the file without a word: `init` after `wrote`, `fmt` after
    `cannot write`."""
    _no_removal(monkeypatch)
    path = tmp_path / "new.bkr"
    result = run_cli(["init", path, *DEFAULT], expect=0)
    [temp] = [p for p in tmp_path.iterdir() if p.name.startswith(".bkrc-init-")]
    assert result.stderr.endswith(
        f"bkrc: warning: the temporary file {temp} could not be removed (Operation not permitted):"
        " remove it by hand\n"
    )
    ugly = tmp_path / "ugly.bkr"
    ugly.write_text("cluster c {\nmember m { workers 1 }\n\n\n}\n")
    result = run_cli(["fmt", ugly], expect=2)
    [temp] = [p for p in tmp_path.iterdir() if p.name.startswith(".bkrc-fmt-")]
    assert result.stderr == (
        f"bkrc: {ugly}: cannot write: Operation not permitted; the temporary file {temp} could not"
        " be removed (Operation not permitted): remove it by hand\n"
    )


def test_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "new.bkr"
    path.write_text("# mine\n", encoding="utf-8")
    result = run_cli(["init", path, *DEFAULT], expect=2)
    assert result.stderr == f"bkrc: {path}: already exists; nothing written (--force overwrites it)\n"
    assert path.read_text(encoding="utf-8") == "# mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.bkr"]
    os.chmod(path, 0o640)
    result = run_cli(["init", path, *DEFAULT, "--force"], expect=0)
    assert path.read_text(encoding="utf-8").startswith("# The backups of the z/VM SSI cluster PRODSSI")
    assert os.stat(path).st_mode & 0o777 == 0o640  # replaced as `bkrc fmt` replaces: the mode stays
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.bkr"]


def test_force_over_a_file_with_other_hard_links_writes_it_in_place(tmp_path):
    """Replaced as `bkrc fmt` replaces: a file with another name is written in
    place, so that both names hold the new text, and no backup is left."""
    path = tmp_path / "new.bkr"
    path.write_text("# mine\n", encoding="utf-8")
    os.link(path, tmp_path / "other.bkr")
    run_cli(["init", path, *DEFAULT, "--force"], expect=0)
    assert (tmp_path / "other.bkr").read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    assert path.stat().st_nlink == 2 and path.read_text(encoding="utf-8").startswith("# The backups")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.bkr", "other.bkr"]


def test_a_dangling_link_is_not_overwritten_without_force(tmp_path):
    link = tmp_path / "new.bkr"
    link.symlink_to(tmp_path / "elsewhere.bkr")
    run_cli(["init", link, *DEFAULT], expect=2)
    assert not (tmp_path / "elsewhere.bkr").exists()
    run_cli(["init", link, *DEFAULT, "--force"], expect=0)
    assert link.is_symlink() and (tmp_path / "elsewhere.bkr").is_file()


def test_folder_and_missing_folder_are_exit_2(tmp_path):
    result = run_cli(["init", tmp_path, *DEFAULT], expect=2)
    assert "is a directory" in result.stderr
    result = run_cli(["init", tmp_path / "no" / "new.bkr", *DEFAULT], expect=2)
    assert "cannot write" in result.stderr and "nothing written" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_new_file_mode_follows_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        _, path = init(tmp_path, *DEFAULT)
    finally:
        os.umask(old)
    assert os.stat(path).st_mode & 0o777 == 0o640


def test_create_file_never_replaces_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "a.bkr"
    output.create_file(path, b"one\n")
    with pytest.raises(FileExistsError):
        output.create_file(path, b"two\n")
    assert path.read_bytes() == b"one\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bkr"]


def test_create_file_without_hard_links(tmp_path, monkeypatch):
    """A file system without hard links: renamed instead, still never over a file."""

    def no_links(src, dst, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "a.bkr"
    output.create_file(path, b"one\n")
    with pytest.raises(FileExistsError):
        output.create_file(path, b"two\n")
    assert path.read_bytes() == b"one\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bkr"]


def test_an_error_while_writing_leaves_nothing(tmp_path, monkeypatch):
    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output, "_write_fully", full)
    result = run_cli(["init", tmp_path / "new.bkr", *DEFAULT], expect=2)
    assert (
        result.stderr
        == f"bkrc: {tmp_path / 'new.bkr'}: cannot write: No space left on device; nothing written\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_listed_in_help():
    result = run_cli(["--help"], expect=0)
    assert "  init " in result.output


# ------------------------------------------------------------------ the docs
def test_docs_example_is_what_bkrc_prints(tmp_path, monkeypatch):
    """docs/init.md's error example is the real output, and writes nothing."""
    text = (ROOT / "docs" / "init.md").read_text(encoding="utf-8")
    (block,) = [b for b in re.findall(r"```text\n(.*?)```", text, re.DOTALL) if b.startswith("$ bkrc init ")]
    command, shown = block.split("\n", 1)
    monkeypatch.chdir(tmp_path)
    result = run_cli(shlex.split(command)[2:], expect=1)
    assert result.stderr == shown
    assert list(tmp_path.iterdir()) == []


def test_readme_command_writes_a_clean_file(tmp_path, monkeypatch):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    (line,) = [
        ln
        for b in re.findall(r"```sh\n(.*?)```", text, re.DOTALL)
        for ln in b.splitlines()
        if "bkrc init" in ln
    ]
    monkeypatch.chdir(tmp_path)
    run_cli(shlex.split(line)[1:], expect=0)
    (path,) = tmp_path.iterdir()
    assert_clean(path)


def test_the_next_step_says_that_a_clean_check_prints_nothing(tmp_path):
    """The newcomer runs `bkrc check` as told and sees no output: the line that
    tells them to run it says that silence is the good answer."""
    result, path = init(tmp_path, *DEFAULT)
    assert result.output.strip().endswith(
        f"then run `bkrc check {path}`, which prints nothing when all is well"
    )
    assert run_cli(["check", path], expect=0).output == ""


# stop 72, h7: a FILE bkrc init cannot create is said of its folder, not with the system's words alone
def test_a_file_in_a_missing_folder_names_the_folder_and_the_mkdir(tmp_path, monkeypatch):
    """`cannot write: No such file or directory` seemed to say the new file was missing."""
    monkeypatch.chdir(tmp_path)
    result = run_cli(["init", "site dir/x/new.bkr", *DEFAULT], expect=2)
    assert result.stderr == (
        "bkrc: site dir/x/new.bkr: cannot write: the folder site dir/x does not exist: bkrc creates the file,"
        " not the folders above it (`mkdir -p 'site dir/x'` first); nothing written\n"
    )
    os.makedirs("site dir/x")  # the mkdir it names, and the same command then writes the file
    run_cli(["init", "site dir/x/new.bkr", *DEFAULT], expect=0)
    assert_clean(tmp_path / "site dir/x/new.bkr")


@pytest.mark.parametrize("under", ["notes.txt", "notes.txt/x"])
def test_a_file_under_a_file_says_that_is_no_folder(tmp_path, monkeypatch, under):
    from pathlib import Path

    monkeypatch.chdir(tmp_path)
    Path("notes.txt").write_text("mine\n")
    result = run_cli(["init", f"{under}/new.bkr", *DEFAULT], expect=2)
    shown = "notes.txt" if under == "notes.txt" else str(tmp_path / "notes.txt")
    assert result.stderr == (
        f"bkrc: {under}/new.bkr: cannot write: {shown} is not a folder: name the file in a folder; nothing written\n"
    )
    assert Path("notes.txt").read_text() == "mine\n"


def test_a_folder_that_lets_no_file_be_created_is_named(tmp_path, monkeypatch):
    """Root passes a folder's permissions, so the refusal is the system's, made here."""

    def refused(folder, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(output, "_new_temp", refused)
    result = run_cli(["init", tmp_path / "new.bkr", *DEFAULT], expect=2)
    assert result.stderr == (
        f"bkrc: {tmp_path / 'new.bkr'}: cannot write: no file can be created in {tmp_path} (Permission denied),"
        " where bkrc writes the new file's text to a temporary file first: let bkrc create files there,"
        " or name a file in a folder you may write; nothing written\n"
    )
    assert list(tmp_path.iterdir()) == []


# stop 74, h14: a weekly full and nightly incrementals, as sites run Backup Manager
H14_NIGHTS = "mon,tue,wed,thu,fri,sat"
H14_OPTIONS = {
    "default": DEFAULT,
    "tape": [*DEFAULT, "--tape"],
    "one member": ["--cluster", "LAB", "--member", "LAB1", "--workers", "1"],
    "directory": ["--cluster", "PRODSSI", "--directory", ROOT / "examples" / "prodssi.direct"],
    "directory tape": ["--cluster", "PRODSSI", "--directory", ROOT / "examples" / "prodssi.direct", "--tape"],
}


def h14_jobs(text: str) -> dict[str, list[str]]:
    """Each job of `text` by name: its statements, comments and blank lines left out."""
    jobs: dict[str, list[str]] = {}
    for block in re.findall(r"^  job (\w+) \{\n(.*?)^  \}$", text, re.MULTILINE | re.DOTALL):
        lines = [line.split("#")[0].strip() for line in block[1].splitlines()]
        jobs[block[0]] = [line for line in lines if line]
    return jobs


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("options", list(H14_OPTIONS))
def test_h14_74_each_group_gets_a_weekly_full_and_an_incremental_the_other_nights(tmp_path, monkeypatch, parser, options):
    # Was one APPS job `full ... daily 02:00` (a full backup of every guest each night)
    # and SYSIDS's incremental job alone, with no full backup to start a restore from.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    args = H14_OPTIONS[options]
    _, path = init(tmp_path, *args)
    text = path.read_text(encoding="utf-8")
    jobs = h14_jobs(text)
    assert list(jobs) == ["APPSFULL", "APPSINC", "SYSFL", "SYSIN"]
    member = args[args.index("--member") + 1] if "--member" in args else "VMSYS1"
    for full, incremental, group, on, time in (
        ("APPSFULL", "APPSINC", "APPS", member, "02:00"),
        ("SYSFL", "SYSIN", "SYSIDS", "each member", "03:30"),
    ):
        assert jobs[full][0] == f"backup {group} full" and jobs[incremental][0] == f"backup {group} incremental"
        assert jobs[full][-1] == f"run on {on} weekly sun {time}"
        assert jobs[incremental][-1] == f"run on {on} weekly {H14_NIGHTS} {time}"
        # The same minidisks in both (h9's `include minidisk USER ADDR` lines too).
        selection = [line for line in jobs[full] if line.startswith(("include", "exclude"))]
        assert selection == [line for line in jobs[incremental] if line.startswith(("include", "exclude"))]
        target = "to tape" if "tape" in options and group == "APPS" else "to disk pool BKUPPOOL"
        assert target in jobs[full] and "to disk pool BKUPPOOL" in jobs[incremental]
    if "directory" in options:
        # h9's include of MAINT's 0CF1 (in every SUBCONFIG of prodssi.direct), in both of SYSIDS's jobs.
        assert "include minidisk MAINT 0CF1" in jobs["SYSFL"] and "include minidisk MAINT 0CF1" in jobs["SYSIN"]
    # Names of at most 8 characters; the jobs on each member of at most 5 (BKR227).
    assert all(len(name) <= 8 for name in jobs) and len("SYSFL") <= 5 and len("SYSIN") <= 5
    # The incremental's schedule is a placeholder too, said on the line above it.
    assert text.count("    # your schedule: the nights the full backup does not run\n") == 2
    # Clean (prodssi.direct's own BKR526 and BKR534 aside, as docs/init.md says), laid out, compiled.
    check = ["check", path, "--color", "never"] + (["--directory", args[-1 if options == "directory" else -2]] if "directory" in options else [])
    found = re.findall(r"^(?:warning|error)\[(BKR\d+)\]", run_cli(check, expect=0).output, re.MULTILINE)
    assert set(found) <= ({"BKR526", "BKR534"} if "directory" in options else set())
    run_cli(["fmt", "--check", path], expect=0)
    run_cli(["compile", *check[1:2], *check[4:], "-o", tmp_path / "out"], expect=0)
    written = {p.name for p in (tmp_path / "out").rglob("*.TEMPLATE")}
    assert {"APPSFULL.TEMPLATE", "APPSINC.TEMPLATE", "SYSFL1.TEMPLATE", "SYSIN1.TEMPLATE"} <= written


# stop 75, h5: every way a site starts: init's file checks clean, compiles and is laid out
def h5_odd_directory(n: int, global_a: bool = False, partly_a: bool = False, identities: bool = True) -> str:
    """A site's CP directory on members VMSYS1..n with the odd entries sites have, and
    none of the product's machines: a PROFILE; IDENTITYs of 8 characters and with `$#@`,
    one with a minidisk at 0200 besides its 0191, one with 0200 alone, one whose 0191 is a
    V-DISK, one built on some members only; a USER with minidisks outside 0100-0FFF and a
    V-DISK, one with its only minidisk at 0050, two whose only ones in 0100-0FFF are a
    V-DISK or a T-DISK, one with V-DISKs only, one with LINKs only, one whose ID a
    .bkr name cannot spell (`#LNX`). `global_a`: an IDENTITY whose 0191 is in its entry
    itself; `partly_a`: one whose last member's SUBCONFIG has no 0191; not `identities`:
    no IDENTITY at all (the group keeps its placeholders, which BKR511 finds missing)."""
    out = [f"DIRECTORY 0123 3390 M{m}RES VMSYS{m}" for m in range(1, n + 1)]
    out += ["PROFILE LNXPROF", " LINK MAINT 0190 0190 RR", " LINK MAINT 019E 019E RR"]

    def identity(name, prefix, on, disks, start, entry_disks=()):
        if not identities:
            return
        out.append(f"IDENTITY {name} PW 64M 128M G")
        out.extend(f" BUILD ON VMSYS{m} USING SUBCONFIG {prefix}-{m}" for m in on)
        out.append(" INCLUDE LNXPROF")
        out.extend(f" MDISK {a} 3390 {s:04d} 0005 VMCOM1 MR" for a, s in entry_disks)
        for m in on:
            out.append(f"SUBCONFIG {prefix}-{m}")
            out.extend(
                f" MDISK {a[:4]} FB-512 V-DISK 1000 MR" if a.endswith("V") else f" MDISK {a} 3390 {start + 10 * k:04d} 0005 M{m}PRV1 MR"
                for k, a in enumerate(disks(m))
            )

    every = range(1, n + 1)
    identity("OPSMON01", "OPSMN", every, lambda m: ["0191", "0200"], 1000)
    identity("$MON#@", "SMON", every, lambda m: ["0191"], 1100)
    identity("ONLY200", "ONLY2", every, lambda m: ["0200"], 1150)
    identity("CVDISK", "CVD", every, lambda m: ["0191V", "0200"], 1170)  # 0191 a V-DISK ("V")
    if partly_a:
        identity("EMPTYSUB", "EMPTY", every, lambda m: ["0191"] if m < n else [], 1200)
    if n > 1:
        identity("PARTLY", "PARTL", range(1, n), lambda m: ["0191"], 1300)
    if global_a:
        identity("GLOBA", "GLOBA", every, lambda m: ["0192"], 1400, entry_disks=[("0191", 3000)])
    out += [
        "USER LNXWEB01 PW 4G 8G G", " INCLUDE LNXPROF", " MDISK 0100 3390 0001 0100 LXP001 MR",
        " MDISK 0050 3390 0101 0010 LXP001 MR", " MDISK 2000 3390 0111 0010 LXP001 MR",
        " MDISK 0300 FB-512 V-DISK 1000 MR",
        "USER L$NX#@1 PW 1G 2G G", " INCLUDE LNXPROF", " MDISK 0100 3390 0200 0100 LXP001 MR",
        "USER LOWONLY PW 1G 2G G", " MDISK 0050 3390 0400 0010 LXP001 MR",
        "USER ALOW PW 1G 2G G", " MDISK 0050 3390 0700 0010 LXP001 MR", " MDISK 0300 FB-512 V-DISK 1000 MR",
        "USER BTDISK PW 1G 2G G", " MDISK 0400 3390 T-DISK 10 MR", " MDISK 2000 3390 0710 0010 LXP001 MR",
        "USER VDISKS PW 1G 2G G", " MDISK 0300 FB-512 V-DISK 1000 MR", " MDISK 0301 FB-512 V-DISK 1000 MR",
        "USER LINKONLY PW 1G 2G G", " LINK LNXWEB01 0100 0200 RR", " LINK MAINT 0190 0190 RR",
        "USER #LNX PW 1G 2G G", " MDISK 0100 3390 0300 0010 LXP001 MR",
    ]  # fmt: skip
    return "\n".join(out) + "\n"


H5_PRODSSI = ROOT / "examples" / "prodssi.direct"
#: (name, options, the odd directory's (members, global_a, partly_a) or None).
H5_MATRIX = [
    # (prodssi.direct alone, bank.direct and the default file: the h14 block above and
    # tests/test_init_directory.py; each case here costs 0.5-2 s.)
    ("1 member --tape --stdlib zvm72", [*members(1), "--tape", "--stdlib", "zvm72"], None),
    ("2 members", members(2), None),
    ("2 members --workers 1 --catalog-member", [*members(2), "--workers", "1", "--catalog-member", "VMSYS2"], None),
    ("4 members --purging-member --tape", [*members(4), "--purging-member", "VMSYS3", "--tape"], None),
    ("4 members --stdlib zvm74 --workers 64", [*members(4), "--stdlib", "zvm74", "--workers", "64"], None),
    ("prodssi.direct --tape --workers 2", ["--directory", H5_PRODSSI, "--tape", "--workers", "2"], None),
    ("odd, 1 member", ["--workers", "1"], (1, True, True)),
    ("odd, 2 members, a global 0191", [], (2, True, False)),
    ("odd, 4 members, a 0191 on 3 of them, --tape", ["--tape"], (4, False, True)),
    ("odd, 2 members, no IDENTITY", members(2), (2, False, False, False)),
]


@pytest.mark.parametrize(("options", "odd"), [pytest.param(o, d, id=i) for i, o, d in H5_MATRIX])
def test_h5_75_every_way_a_site_starts_checks_clean_compiles_and_is_laid_out(tmp_path, monkeypatch, options, odd):
    """Each option set, the odd directory's entries too: under both parsers, the same
    text, `bkrc check` with no error and no warning but those the file's comments name
    and say why of (with --directory: the product machines' entries, BKR526 and
    BKR534; an IDENTITY whose 0191 some SUBCONFIGs lack, BKR515), `fmt --check`
    clean, the compile done, and every job on each member named in 5 characters, so
    that two members with several workers never share worker task names (BKR227)."""
    if odd is not None:
        site = tmp_path / "site.direct"
        site.write_text(h5_odd_directory(*odd), encoding="utf-8")
        options = [*options, "--directory", site]
    args = ["--cluster", "SITE", *options]
    directory = args[args.index("--directory") + 1 : args.index("--directory") + 2] if "--directory" in args else []
    texts = {}
    for parser in ("fast", "lark"):
        monkeypatch.setenv("BKRDSL_PARSER", parser)
        _, path = init(tmp_path, *args, name=f"{parser}.bkr")
        texts[parser] = path.read_text(encoding="utf-8")
        check = ["check", path, "--color", "never", *(["--directory", *directory] if directory else [])]
        said = run_cli(check, expect=0).output
        codes = re.findall(r"^(?:warning|error)\[(BKR\d+)\]", said, re.MULTILINE)
        if not directory:
            assert said == ""
        # A warning the file does not avoid, its comments name, and say why.
        assert all(f"({code}" in texts[parser] or f"{code})" in texts[parser] for code in codes), codes
        assert "BKR227" not in codes
        assert set(codes) <= {"BKR511", "BKR515", "BKR526", "BKR534"}, codes
    assert texts["fast"] == texts["lark"]
    text = texts["fast"]
    # stop 75, h13: every line within 80 columns (`bkrc fmt` keeps a trailing comment where it is).
    assert [line for line in text.splitlines() if len(line) > 80] == []
    run_cli(["fmt", "--check", tmp_path / "fast.bkr"], expect=0)
    run_cli(["compile", tmp_path / "fast.bkr", *(["--directory", *directory] if directory else []), "-o", tmp_path / "out"], expect=0)
    assert (tmp_path / "out" / "manifest.json").is_file()
    # BKR227 avoided by construction: every job on each member has a name of at most 5 characters.
    on_each = re.findall(r"^  job (\w+) \{\n(?:    .*\n)*?    run on each member", text, re.MULTILINE)
    assert on_each and all(len(job) <= 5 for job in on_each)
    # A newcomer who renames them is told why the names are short; and every page the
    # comments send a newcomer to exists (the header names docs/init.md, about this file).
    said = " ".join(line.strip().lstrip("#").strip() for line in text.splitlines() if line.strip().startswith("#"))
    assert "Keep their names to five characters at most" in said and "(BKR227)" in said
    assert "docs/init.md explains this file" in said
    # The comment above the `disk` statements names only the product machines' entries' warnings;
    # a group's placeholders that the directory lacks are said at the group (BKR511).
    for named in re.findall(r"gives \d+ warnings? here \(([^)]*)\)", said):
        assert {code.split()[0] for code in named.split(", ")} <= {"BKR524", "BKR526", "BKR534"}, named
    if odd is not None and odd[3:4] != (False,):
        assert "placeholders it lacks" not in said
    elif odd is not None:
        assert "TCPIP and FTPSERVE are placeholders it lacks, which `bkrc check --directory` says (BKR511)" in said
    assert all((ROOT / page).is_file() for page in re.findall(r"\bdocs/[\w/-]+\.md\b", said))


# stop 76, h3: the matrix's odd directory with IDENTITYs whose SUBCONFIGs differ by member
_H5_ODD = h5_odd_directory


def h3_76_odd_directory(n: int, *rest) -> str:
    """`h5_odd_directory`, with MIXVD (its 0191 a V-DISK on VMSYS2, a minidisk on the
    others), SOMEDSK (a 0200 on every member but VMSYS2) and LNKONE (on VMSYS2 a LINK
    to OPSMON01's 0191) after its entries."""
    out = [_H5_ODD(n, *rest).rstrip("\n")]
    for name, prefix, disks in (
        ("MIXVD", "MIXVD", lambda m: ["0191V" if m == 2 else "0191"]),
        ("SOMEDSK", "SOMED", lambda m: ["0191"] + ([] if m == 2 else ["0200"])),
        ("LNKONE", "LNKON", lambda m: ["0191L" if m == 2 else "0191"]),
    ):
        out.append(f"IDENTITY {name} PW 64M 128M G")
        out.extend(f" BUILD ON VMSYS{m} USING SUBCONFIG {prefix}-{m}" for m in range(1, n + 1))
        for m in range(1, n + 1):
            out.append(f"SUBCONFIG {prefix}-{m}")
            for k, a in enumerate(disks(m)):
                start = {"MIXVD": 1500, "SOMED": 1520, "LNKON": 1540}[prefix] + 10 * k
                out.append(
                    " MDISK 0191 FB-512 V-DISK 1000 MR" if a.endswith("V")
                    else " LINK OPSMON01 0191 0191 RR" if a.endswith("L")
                    else f" MDISK {a} 3390 {start:04d} 0005 M{m}PRV1 MR"
                )
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(
    ("options", "odd"),
    [
        pytest.param([], (2, False, False), id="odd + SUBCONFIGs differing by member, 2 members"),
        pytest.param(["--tape"], (4, True, True), id="odd + SUBCONFIGs differing by member, 4 members, --tape"),
    ],
)
def test_h3_76_the_matrix_with_subconfigs_that_differ_by_member(tmp_path, monkeypatch, options, odd):
    """The h5 matrix's case (under both parsers, checked clean but for the warnings the
    comments name, laid out, compiled) on the odd directory with the IDENTITYs whose
    SUBCONFIGs differ by member; and the comment says each difference."""
    monkeypatch.setitem(globals(), "h5_odd_directory", h3_76_odd_directory)
    test_h5_75_every_way_a_site_starts_checks_clean_compiles_and_is_laid_out(tmp_path, monkeypatch, options, odd)
    text = (tmp_path / "fast.bkr").read_text(encoding="utf-8")
    said = " ".join(line.strip().lstrip("#").strip() for line in text.splitlines() if line.strip().startswith("#"))
    assert "MIXVD's 0191 in its SUBCONFIG for VMSYS2 in site.direct is a V-DISK, empty at each logon" in said
    assert "LNKONE's 0191 in its SUBCONFIG for VMSYS2 in site.direct is a LINK" in said
    assert f"SOMEDSK's 0200 is only in its SUBCONFIG{'s' if odd[0] == 4 else ''} for" in said
    assert "exclude minidisk MIXVD" not in text
    directory = ["--directory", tmp_path / "site.direct"]
    found = run_cli(["check", tmp_path / "fast.bkr", *directory, "--color", "never"], expect=0).output
    assert "BKR516" not in found and "MIXVD" not in found and "LNKONE" not in found, found


# stop 78, h9: the document of init's exit 2 says the run failed
@pytest.mark.parametrize("fmt", ["json", "sarif", "text"])
def test_a_file_init_wrote_that_would_not_check_clean_fails_the_document_too(tmp_path, monkeypatch, fmt):
    """A bug of bkrc's (the file it wrote has an error: exit 2, nothing written):
    the json document said `execution_successful` true, SARIF's invocation
    nothing, and the internal-error line followed the document on standard error,
    which then did not parse. The document says the run failed now, the line on
    the other stream (standard error in `text`, as before). Provoked by adding a
    syntax error's diagnostic to the check of the file init writes."""
    import dataclasses

    import bkrdsl.pipeline

    real = bkrdsl.pipeline.analyse

    def with_an_error(name, data, **kwargs):
        analysis = real(name, data, **kwargs)
        (error, *_) = real(name, b"cluster X {\n", search_path=kwargs["search_path"]).diagnostics
        return dataclasses.replace(analysis, diagnostics=[*analysis.diagnostics, error])

    monkeypatch.setattr(bkrdsl.pipeline, "analyse", with_an_error)
    result, path = init(tmp_path, *DEFAULT, "--format", fmt, expect=2)
    assert not path.exists()
    line = (
        "bkrc: internal error: RuntimeError: the file bkrc init wrote would not check clean; nothing written"
    )
    if fmt == "text":
        assert line in result.stderr
        return
    assert result.stdout.startswith(line)
    document = json.loads(result.stderr)
    if fmt == "json":
        assert document["execution_successful"] is False and document["failures"][0].startswith(line)
        assert document["error_count"] == 1
    else:
        (invocation,) = document["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is False
        assert invocation["toolExecutionNotifications"][0]["message"]["text"].startswith(line)


@pytest.mark.parametrize("fmt", ["json", "github"])
def test_ctrl_c_while_the_file_is_written_prints_a_document_that_says_the_run_failed(tmp_path, monkeypatch, fmt):
    """Ctrl-C is held back until FILE is written and said, then ends the run (exit
    130): no document was printed (a step reading standard error got nothing it
    could parse); now the run's, its warnings kept, the run failed."""
    import signal

    from test_compile_interrupt import after_call

    import bkrdsl.cli.init

    after_call(monkeypatch, bkrdsl.cli.init, "_write", 1)
    # Python's own SIGINT handler, whatever this process inherited (test_compile_interrupt's fixture).
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        result, path = init(tmp_path, *DEFAULT, "--format", fmt, expect=130)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert path.is_file()  # written: Ctrl-C waited for it
    if fmt == "json":
        assert result.stdout.startswith(f"wrote {path}; next:") and result.stdout.endswith("bkrc: interrupted\n")
        document = json.loads(result.stderr)
        assert document["execution_successful"] is False and document["failures"] == ["bkrc: interrupted"]
    else:
        assert "::error title=bkrc::bkrc: interrupted\n" in result.stderr


# stop 79, h2's walk: init interrupted while it checks what it would write
@pytest.mark.parametrize("fmt", ["json", "github"])
def test_sigterm_while_the_file_is_checked_prints_a_document_that_says_the_run_failed(tmp_path, monkeypatch, fmt):
    """SIGTERM (a cancelled job) while init worked out and checked the file it would
    write: the group said `bkrc: terminated` (143) and standard error held no
    document. Answered as `bkrc check` answers it now: the line on the other stream,
    the document of a run that failed (github: an `::error` of no file)."""
    import signal

    import bkrdsl.cli.init

    real = bkrdsl.cli.init._written

    def written(*args, **kwargs):
        result = real(*args, **kwargs)
        signal.raise_signal(signal.SIGTERM)
        return result

    monkeypatch.setattr(bkrdsl.cli.init, "_written", written)
    result, path = init(tmp_path, *DEFAULT, "--format", fmt, expect=143)
    assert not path.exists()
    if fmt == "json":
        assert result.stdout == "bkrc: terminated\n"
        document = json.loads(result.stderr)
        assert document["execution_successful"] is False and document["failures"] == ["bkrc: terminated"]
    else:
        assert result.stderr == "bkrc: terminated\n::error title=bkrc::bkrc: terminated\n"
