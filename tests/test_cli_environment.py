"""`bkrc` in the environments a pipeline or a terminal gives it.

Folders it may not enter, a current folder that was deleted (or is DIR), a
FIFO or a device where a file is expected, a file name that is not UTF-8, a
standard output that cannot be written, a DIR that is a mount point, a parent
folder it may not write to, a full disk, NO_COLOR and TERM=dumb. Each gets a
line that says what is wrong and what to do, a non-zero exit, no traceback,
and nothing changed. The tests run as root, for whom permissions change
nothing: the refusal is made by a wrapped call instead.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, fifo_with_writer, lock_folder, run_cli
from lsp_inprocess import frame
from test_compile_cli import GOOD, source
from test_output import siblings, tree

from bkrdsl import output
from bkrdsl.cli.common import use_color

UGLY = "cluster c {\nmember m { workers 1 }\n\n\n}\n"


def one_line(result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert result.stderr.startswith("bkrc: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def would_fail(written: str) -> str:
    """What --dry-run says of the compile that would stop with `written` (`bkrc: ...`)."""
    assert written.startswith("bkrc: ")
    return "bkrc: the compile would fail: " + written.removeprefix("bkrc: ")


# ------------------------------------------------------------ folders bkrc may not enter
@pytest.fixture
def locked(tmp_path, monkeypatch):
    """A folder `locked/` whose entries cannot be looked at (no search permission):
    every stat below it fails with EACCES, as it does for a user who is not root."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "a.bkr").write_text(GOOD)
    lock_folder(monkeypatch, folder)
    return folder


@pytest.mark.parametrize("command", [["check"], ["check", "--fix"], ["fmt"], ["fmt", "--check"], ["show"]])
def test_a_file_in_a_folder_bkrc_may_not_enter(locked, command):
    err = one_line(run_cli([*command, locked / "a.bkr"]))
    assert "permission denied" in err and "a folder on its path" in err


def test_an_output_folder_inside_a_folder_bkrc_may_not_enter(tmp_path, locked):
    src = source(tmp_path)
    for mode in ([], ["--check"], ["--dry-run"]):
        err = one_line(run_cli(["compile", src, "-o", locked / "out", *mode]))
        assert err == f"bkrc: {locked / 'out'}: cannot read: Permission denied\n"


# ------------------------------------------------------------ the current folder
def test_a_deleted_current_folder_is_named(tmp_path, monkeypatch):
    src = source(tmp_path)
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    err = one_line(run_cli(["check", src]))
    assert "the current folder no longer exists" in err and 'cd "$PWD"' in err
    err = one_line(run_cli(["check", "dev.bkr"]))
    assert err.startswith("bkrc: dev.bkr: no such file; the current folder no longer exists")


@pytest.mark.parametrize("inside", [".", "DEV1"])
def test_compiling_into_the_current_folder_is_refused(tmp_path, monkeypatch, inside):
    """The swap would leave the shell in the old folder, deleted: its files seem gone."""
    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    before = tree(out)
    monkeypatch.chdir(out / inside)
    target = "." if inside == "." else ".."
    err = one_line(run_cli(["compile", src, "-o", target, "--force"]))
    assert "bkrc replaces DIR as a whole" in err and "nothing written" in err
    assert tree(out) == before and os.path.samefile(os.getcwd(), out / inside)
    run_cli(["compile", src, "-o", target, "--check"], expect=0)  # reading it is fine


# ------------------------------------------------------------ FIFOs and devices
@pytest.fixture
def fifo(tmp_path):
    """A FIFO with a writer waiting for a reader (conftest.fifo_with_writer)."""
    yield from fifo_with_writer(tmp_path / "pipe.bkr", UGLY.encode())


@pytest.mark.parametrize(
    ("command", "hint"),
    [(["fmt"], "bkrc fmt - < "), (["check", "--fix"], "to check it, leave out --fix")],
)
def test_a_fifo_is_never_rewritten(fifo, command, hint):
    """Nor read: reading it would take a writer's bytes, and the rename would put a
    file in the FIFO's place."""
    err = one_line(run_cli([*command, fifo]))
    assert "is a FIFO (named pipe), not a regular file" in err and hint in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_init_force_leaves_a_fifo_or_device_alone(fifo):
    err = one_line(run_cli(["init", fifo, "--cluster", "C", "--member", "A", "--force"]))
    assert "it is a FIFO (named pipe), not a regular file, so bkrc leaves it as it is" in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    # As root, renaming over /dev/null would replace the device by a file.
    with pytest.raises(output.NotRegularError, match="a character device"):
        output.replace_file(os.devnull, b"x")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_symlink_to_a_fifo_is_refused_too(tmp_path, fifo):
    link = tmp_path / "link.bkr"
    link.symlink_to(fifo)
    one_line(run_cli(["fmt", link]))
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and link.is_symlink()


# ------------------------------------------------------------ names and output streams
def test_sarif_for_a_file_name_that_is_not_utf8(tmp_path):
    path = os.path.join(os.fsencode(tmp_path), b"bad\xff.bkr")
    with open(path, "wb") as f:
        f.write(b"cluster X {\n  member A { workers 1 }\n")
    result = run_cli(["check", "--format", "sarif", os.fsdecode(path)], expect=1)
    results = json.loads(result.stdout)["runs"][0]["results"]
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in results for loc in r["locations"]}
    assert all(uri.endswith("/bad%FF.bkr") for uri in uris), uris


def test_sarif_names_an_absolute_file_by_a_file_uri_and_a_relative_one_as_given(tmp_path, monkeypatch):
    """SARIF reads a URI without a scheme as relative to the repository's root (GitHub's
    code scanning), so `/tmp/.../my dir/a.bkr` named no file there: it is a `file` URI."""
    folder = tmp_path / "my dir"
    folder.mkdir()
    (folder / "a:b.bkr").write_text("cluster X {\n  member A { workers 99 }\n}\n")
    absolute = run_cli(["check", "--format", "sarif", str(folder / "a:b.bkr")], expect=1)
    uris = _sarif_uris(absolute.stdout)
    assert uris == {"file://" + str(tmp_path).replace(" ", "%20") + "/my%20dir/a%3Ab.bkr"}, uris
    monkeypatch.chdir(tmp_path)
    relative = run_cli(["check", "--format", "sarif", "my dir/a:b.bkr"], expect=1)
    # `a:b.bkr` would read as a URI of the scheme `a`: its `:` is escaped.
    assert _sarif_uris(relative.stdout) == {"my%20dir/a%3Ab.bkr"}


def _sarif_uris(document: str) -> set[str]:
    results = json.loads(document)["runs"][0]["results"]
    assert results
    return {loc["physicalLocation"]["artifactLocation"]["uri"] for r in results for loc in r["locations"]}


def test_a_file_name_that_is_not_utf8_under_a_strict_utf8_locale(tmp_path):
    """Under a UTF-8 locale other than C (en_US.UTF-8: a desktop's, a CI runner's),
    Python's standard output is strict: a name that is not UTF-8 (read as surrogate
    escapes) was an internal error (UnicodeEncodeError) in `bkrc check`'s
    diagnostics and in `bkrc compile`'s `wrote` line. Both streams now write the
    name's own bytes, as standard output did under the C locale; standard error
    wrote `bad\\udcff.bkr` there, a name no shell finds."""
    folder = os.fsencode(tmp_path)
    bad = os.path.join(folder, b"bad\xff.bkr")
    with open(bad, "wb") as f:
        f.write(b"cluster X {\n  member A { workers 1 }\n")
    ugly = os.path.join(folder, b"ugly\xff.bkr")
    with open(ugly, "wb") as f:
        f.write(UGLY.encode())
    good = source(tmp_path)
    out = os.path.join(folder, b"out\xff")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}  # what en_US.UTF-8 gives standard output
    for args, code, stream, says in [
        (["check", bad], 1, "stdout", b" --> " + bad + b":"),
        (["compile", bad, "-o", out], 1, "stderr", b" --> " + bad + b":"),
        (["fmt", "--check", ugly], 1, "stderr", b"would reformat " + ugly + b"\n"),
        (["compile", good, "-o", out], 0, "stdout", b"bkrc: wrote " + out + b": "),
    ]:
        run = subprocess.run([sys.executable, "-m", "bkrdsl", *args], check=False, cwd=ROOT, env=env, capture_output=True)
        assert b"internal error" not in run.stderr and b"Traceback" not in run.stderr, run.stderr
        assert run.returncode == code, (args, run.stdout, run.stderr)
        assert says in getattr(run, stream), (args, run.stdout, run.stderr)


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])  # LANG=de_DE (ISO-8859-1); C without UTF-8 mode
def test_a_locale_that_is_not_utf8_reports_any_file_name(tmp_path, encoding):
    """Under a locale whose encoding lacks a character of a file name (`Ω` under
    Latin-1), every format was an internal error (UnicodeEncodeError), and the
    JSON of a name Latin-1 has (`ä`) was Latin-1, no UTF-8: a pipeline's JSON
    reader failed on it. The text formats write what the locale lacks as Python's
    escape; json and sarif are ASCII, JSON's escapes for the rest, read back as
    the name."""
    folder = tmp_path / "Ω"
    folder.mkdir()
    bad = folder / "bäd.bkr"
    bad.write_text("cluster X {\n  member A { workers 99 }\n}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    env.pop("PYTHONUTF8", None)
    for fmt in ("text", "short", "github", "json", "sarif"):
        run = _bkrc(["check", "--format", fmt, bad], env=env, capture_output=True)
        assert run.returncode == 1 and b"internal error" not in run.stderr, (fmt, run.stdout, run.stderr)
        if fmt == "json":
            assert json.loads(run.stdout.decode("utf-8"))["diagnostics"][0]["file"] == str(bad)
        elif fmt == "sarif":
            (result, *_) = json.loads(run.stdout.decode("utf-8"))["runs"][0]["results"]
            assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("/%CE%A9/b%C3%A4d.bkr")
        else:
            assert b"BKR316" in run.stdout
    run = _bkrc(["compile", bad, "-o", tmp_path / "out", "--format", "json"], env=env, capture_output=True)
    assert run.returncode == 1 and json.loads(run.stderr.decode("utf-8"))["diagnostics"][0]["file"] == str(bad)


def test_the_sarif_of_an_internal_error_is_utf8_json_under_a_latin1_locale(tmp_path):
    """The document an internal error prints (its message `ä broke`) came out in
    Latin-1 under a Latin-1 locale: no JSON a reader decodes as UTF-8."""
    script = tmp_path / "crash.py"
    script.write_text(
        "import sys\nimport bkrdsl.pipeline as p\n"
        "def broken(*a, **k):\n    raise RuntimeError('\\u00e4 broke')\n"
        "p._analyse = broken\nfrom bkrdsl.cli import main\nsys.argv = ['bkrc', *sys.argv[1:]]\nmain()\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    env.pop("PYTHONUTF8", None)
    run = subprocess.run([sys.executable, script, "check", "--format", "sarif", ROOT / "examples" / "minimal.bkr"],
                         check=False, cwd=ROOT, env=env, capture_output=True)
    assert run.returncode == 2, run.stderr
    (run_,) = json.loads(run.stdout.decode("utf-8"))["runs"]
    (notification,) = run_["invocations"][0]["toolExecutionNotifications"]
    assert notification["exception"]["message"] == "ä broke"


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_fmt_writes_utf8_whatever_the_locale(tmp_path, encoding):
    """`bkrc fmt -` and `--diff` are a file's text: under a Latin-1 locale a
    description's `Ω` was an internal error, and its `ü` came out as Latin-1, a
    file no longer UTF-8 (`bkrc fmt - < a.bkr > b.bkr`). Both are UTF-8 now, as
    the file bkrc fmt rewrites is."""
    text = '  cluster X {\n  description "Zürich Ωmega"\n  member A { workers 1 }\n}\n'
    ugly = tmp_path / "ugly.bkr"
    ugly.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    env.pop("PYTHONUTF8", None)
    run = _bkrc(["fmt", "-"], env=env, input=text.encode("utf-8"), capture_output=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.decode("utf-8") == text.lstrip(" ")
    run = _bkrc(["fmt", "--diff", ugly], env=env, capture_output=True)
    assert run.returncode == 0 and '+cluster X {\n   description "Zürich Ωmega"' in run.stdout.decode("utf-8")


@pytest.mark.parametrize("encoding", ["utf-8:strict", "utf-8"])  # en_US.UTF-8's standard error; C.UTF-8's
def test_explain_names_an_argument_that_is_not_utf8_by_its_bytes(encoding):
    """`bkrc explain` of an argument that is not UTF-8 (`BKR\xff01`) named it
    `'BKR\udcff01'`, Python's escape, which no one typed: its bytes now, as a
    file name that is not UTF-8 is printed (bcfd83b); a character a terminal
    acts on (a tab, ESC, BEL) `<U+XXXX>`, as every name typed (`quoted`)."""
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    run = subprocess.run([sys.executable, "-m", "bkrdsl", "explain", b"BKR\xff01"], check=False, cwd=ROOT,
                         env=env, capture_output=True)
    assert run.returncode == 2 and run.stdout == b"", run
    assert run.stderr == b"bkrc: no diagnostic code `BKR\xff01`; `bkrc rules` lists them all\n", run.stderr
    run = subprocess.run([sys.executable, "-m", "bkrdsl", "explain", "it's\tBKR\x1b]0;x\x07"], check=False,
                         cwd=ROOT, env=env, capture_output=True)
    said = b"bkrc: no diagnostic code `it's<U+0009>BKR<U+001B>]0;x<U+0007>`; `bkrc rules` lists them all\n"
    assert run.stderr == said, run.stderr


def _bkrc(args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "bkrdsl", *map(str, args)], check=False, cwd=ROOT, **kwargs
    )


def _through_pipes(texts: list[bytes], args: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run bkrc as `bkrc ARGS <(printf TEXT1) <(printf TEXT2) ...`: each text comes
    through a pipe, named /dev/fd/N, written by a thread while bkrc reads it (a
    text larger than the pipe holds is read to its end)."""
    import threading

    pipes = [os.pipe() for _ in texts]
    writers = []

    def write(fd: int, data: bytes) -> None:
        with open(fd, "wb") as stream:
            stream.write(data)

    try:
        for (_, w), data in zip(pipes, texts, strict=True):
            writers.append(threading.Thread(target=write, args=(w, data), daemon=True))
            writers[-1].start()
        reads = [r for r, _ in pipes]
        names = [f"/dev/fd/{r}" for r in reads]
        run = _bkrc([*args, *names], pass_fds=reads, capture_output=True, text=True, **kwargs)
    finally:
        for r, _ in pipes:
            os.close(r)
    for writer in writers:
        writer.join()
    return run


@pytest.mark.skipif(not os.path.isdir("/dev/fd"), reason="needs /dev/fd")
def test_check_reads_a_file_given_through_a_pipe():
    """`bkrc check <(cat examples/minimal.bkr)`: the shell names a pipe
    /dev/fd/63; bkrc reads it to its end (here more than a pipe holds at once,
    64 KiB on Linux), as it reads a file, and names it so in its report."""
    text = (ROOT / "examples" / "minimal.bkr").read_bytes()
    # The comments first: a text cut short would lose its cluster, and say so.
    large = b"".join(b"# a comment to make the text longer than a pipe holds %05d\n" % n for n in range(2000)) + text
    assert len(large) > 65536
    clean = _through_pipes([large], ["check"])
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "")
    broken = text.replace(b"workers 2", b"workers x", 1)
    checked = _through_pipes([text, broken], ["check", "--format", "short"])
    name = re.escape(checked.args[-1])
    assert checked.returncode == 1, checked.stderr
    assert re.match(rf"{name}:\d+:\d+: error BKR316: `x` is not a worker count", checked.stdout), checked.stdout
    assert checked.args[-2] not in checked.stdout  # the first pipe's text is clean


@pytest.mark.skipif(not os.path.isdir("/dev/fd"), reason="needs /dev/fd")
def test_compile_names_a_pipe_by_what_it_is_not_its_number(tmp_path):
    """`bkrc compile <(cat FILE) -o DIR`: the shell names the pipe /dev/fd/63 (its
    number the shell's choice), and the headers and the manifest named the source
    `63`. They say `<pipe>` (the same files from every shell), and
    `--source-name NAME` names the file the text came from: the files are then
    byte for byte those compiled from the file itself."""
    text = GOOD.encode()
    piped = _through_pipes([text], ["compile", "-o", tmp_path / "piped"])
    assert piped.returncode == 0, piped.stderr
    assert json.loads((tmp_path / "piped" / "manifest.json").read_text())["source"] == "<pipe>"
    assert (tmp_path / "piped" / "DEV1" / "BKRSUBMT.EXEC").read_text().startswith(
        "/* BKRSUBMT EXEC, generated by bkrc from <pipe>, do not edit. */\n"
    )
    assert (tmp_path / "piped" / "DEV1" / "GUESTFUL.TEMPLATE").read_text().startswith(
        "* Generated by bkrc from <pipe>: do not edit.\n"
    )
    files = {path: data for path, data in tree(tmp_path / "piped").items() if data is not None}
    headers = [data.split(b"\n", 2)[:2] for path, data in files.items() if path != "manifest.json"]
    assert headers and all(b"from <pipe>" in b"".join(lines) for lines in headers), headers
    assert not any(b"/dev/fd" in data for data in files.values())
    src = source(tmp_path)  # GOOD as cluster.bkr
    run_cli(["compile", src, "-o", tmp_path / "file"], expect=0)
    named = _through_pipes([text], ["compile", "--source-name", f"site/{src.name}", "-o", tmp_path / "named"])
    assert named.returncode == 0, named.stderr
    assert tree(tmp_path / "named") == tree(tmp_path / "file")


def test_compile_from_standard_input_with_a_source_name(tmp_path):
    """`generate | bkrc compile - --source-name NAME -o DIR` in a real process:
    the files are those compiled from a file of that name; without the option
    the source is `<stdin>`."""
    src = source(tmp_path)
    run_cli(["compile", src, "-o", tmp_path / "file"], expect=0)
    for out, extra in (("named", ["--source-name", src.name]), ("plain", [])):
        run = _bkrc(["compile", "-", "-o", tmp_path / out, *extra], input=GOOD, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
    assert tree(tmp_path / "named") == tree(tmp_path / "file")
    assert json.loads((tmp_path / "plain" / "manifest.json").read_text())["source"] == "<stdin>"


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("site/", "'site/' names no file"),
        ("site/  ", "names no file"),
        ("", "'' is empty"),
    ],
)
def test_a_source_name_that_names_no_file_is_a_usage_error(tmp_path, name, says):
    result = run_cli(["compile", "-", "--source-name", name, "-o", tmp_path / "out"], input=GOOD, expect=2)
    assert says in result.stderr and "--source-name" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_source_name_given_twice_is_a_usage_error(tmp_path):
    args = ["compile", "-", "--source-name", "a.bkr", "--source-name", "b.bkr", "-o", tmp_path / "out"]
    result = run_cli(args, input=GOOD, expect=2)
    assert "'--source-name' is given twice ('a.bkr', then 'b.bkr')" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args", [["rules"], ["explain", "BKR201"], ["highlight", "examples/minimal.bkr"], ["dialect"]]
)
def test_a_standard_output_that_cannot_be_written(args):
    with open("/dev/full", "w") as full:
        run = _bkrc(args, stdout=full, stderr=subprocess.PIPE, text=True)
    assert run.returncode == 2
    assert run.stderr == "bkrc: cannot write to standard output: No space left on device\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("first", [True, False], ids=["first compile", "a change"])
def test_a_compile_whose_report_cannot_be_printed_writes_nothing(tmp_path, fmt, first):
    """`bkrc compile ... > /dev/full`: the report is printed before the swap, so
    the exit 2 means what it means everywhere else, DIR as it was; the compile
    wrote and swapped in DIR, then failed on its `wrote` line."""
    src, out = source(tmp_path), tmp_path / "w" / "out"
    if not first:
        run_cli(["compile", src, "-o", out], expect=0)
        source(tmp_path, GOOD.replace("workers 2", "workers 3"))
    before = tree(out) if not first else None
    with open("/dev/full", "w") as full:
        run = _bkrc(["compile", src, "-o", out, "--format", fmt], stdout=full, stderr=subprocess.PIPE, text=True)
    state = "was not created" if first else "is as it was"
    line = f"bkrc: cannot write to standard output: No space left on device; nothing written: {out} {state}\n"
    assert run.returncode == 2, run.stderr
    if fmt == "json":
        # The diagnostics' document alone, which says the run failed and why: it was
        # printed first, and said a successful run while the job failed; then bkrc's
        # line came before it on standard error (the other is full), and
        # `2> diagnostics.json` held no JSON (stop 79).
        document = json.loads(run.stderr)
        assert document["execution_successful"] is False
        assert document["failures"] == [line.rstrip("\n")]
    else:
        assert run.stderr == line
    assert siblings(out) == []  # no temporary folder left beside DIR
    if first:
        assert not out.exists()
    else:
        assert tree(out) == before


def test_a_warning_after_the_swap_that_cannot_be_printed_says_dir_was_written(tmp_path, monkeypatch):
    """After the swap DIR holds the new tree whatever happens: a line printed then
    (here the old tree left beside DIR, on standard output with --format json)
    that standard output cannot take says so, rather than only `cannot write`.
    With --format json it is said in the document, standard error's alone, which
    is printed last (stop 79: the line followed the document there, no JSON)."""
    import click

    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    real_unlink, real_echo = os.unlink, click.echo

    def unlink(path, *args, **kwargs):
        if os.path.basename(os.fspath(path)) == "BKRSUBMT.EXEC":
            raise PermissionError(errno.EPERM, "Operation not permitted", os.fspath(path))
        return real_unlink(path, *args, **kwargs)

    def echo(message=None, *args, err=False, **kwargs):
        if not err and "could not be removed" in str(message):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_echo(message, *args, err=err, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.setattr(click, "echo", echo)
    source(tmp_path, GOOD.replace("workers 2", "workers 3"))
    result = run_cli(["compile", src, "-o", out, "--format", "json"], expect=2)
    assert result.stdout.startswith(f"bkrc: wrote {out}: ")
    document = json.loads(result.stderr)
    assert document["execution_successful"] is False
    assert document["failures"] == [
        f"bkrc: cannot write to standard output: No space left on device; {out} was written: it holds every new file"
    ]
    assert "BKRWRK03" in (out / "DEV1" / "BKRSTART.EXEC").read_text()


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--help"],
        ["compile", "--help"],
        ["rules"],
        ["explain", "BKR201"],
        ["dialect"],
        ["check", "examples/broken/prodssi.bkr"],
        ["compile", "examples/prodssi.bkr", "-o", "OUT", "--dry-run"],
        ["compile", "examples/prodssi.bkr", "-o", "OUT"],  # its `wrote` line comes before the swap
    ],
)
@pytest.mark.parametrize("stderr_too", [False, True], ids=["stdout", "2>&1"])
def test_output_read_by_a_program_that_stops_reading(tmp_path, args, stderr_too):
    """`bkrc rules | head -1`: once the reader has gone, bkrc stops quietly with
    128 + SIGPIPE, as a shell reports `yes | head -1`; not click's exit 1, which
    reads as "errors in the input", nor a BrokenPipeError. The pipe's reading end
    is closed before bkrc starts, so the first write fails, whatever its size."""
    read, write = os.pipe()
    os.close(read)
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    try:
        run = _bkrc(args, stdout=write, stderr=write if stderr_too else subprocess.PIPE, text=True)
    finally:
        os.close(write)
    assert run.returncode == 141
    assert stderr_too or run.stderr == ""
    assert list(tmp_path.iterdir()) == []  # DIR not created, nothing left beside it


@pytest.mark.parametrize("unbuffered", ["1", None], ids=["PYTHONUNBUFFERED", "buffered"])
def test_output_read_by_a_program_that_stops_reading_in_the_middle(tmp_path, unbuffered):
    """`bkrc fmt --diff a.bkr | head` of a diff larger than a pipe holds: the reader
    goes while bkrc waits in a write. With PYTHONUNBUFFERED set (many a container
    image sets it) Python's file took part of the write, dropped the rest without
    a word, and bkrc ended with exit 0, as if all had been written; 141 now, as
    with Python's buffer (README: "141 when the program reading the output closed
    it before bkrc had written all of it")."""
    path = tmp_path / "a.bkr"
    path.write_text("cluster X {\n" + "".join(f"single group G{i}{{U{i}}}\n" for i in range(8000)) + "}\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = unbuffered
    read, write = os.pipe()
    try:
        run = subprocess.Popen(
            [sys.executable, "-m", "bkrdsl", "fmt", "--diff", str(path)],
            cwd=ROOT, env=env, stdout=write, stderr=subprocess.PIPE,
        )
        os.close(write)
        assert os.read(read, 1) == b"-"  # bkrc is writing the diff, which the pipe cannot hold whole
    finally:
        os.close(read)
    _, stderr = run.communicate(timeout=60)
    assert (run.returncode, stderr) == (141, b"")


@pytest.mark.parametrize(
    "args", [["rules"], ["check", "examples/broken/prodssi.bkr"], ["compile", "examples/prodssi.bkr", "-o"]]
)
def test_standard_output_closed(tmp_path, args):
    """`bkrc rules >&-`: click printed nothing and exited 0 (or 1 for the check),
    every line lost without a word; now exit 2 and why, and nothing written."""
    args = [*args, tmp_path / "out"] if args[-1] == "-o" else args
    run = _bkrc(args, stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(1))
    assert run.returncode == 2
    assert run.stderr == (
        "bkrc: standard output is closed; give bkrc one (`> FILE`, or `> /dev/null` to drop what it prints)\n"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args", [["--version"], ["--help"], []])
def test_standard_output_closed_for_the_group_own_output(args):
    """`bkrc --version >&-` printed nothing and exited 0: the version, or the help
    a script asked for, was lost as silently as a report."""
    run = _bkrc(args, stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(1))
    assert run.returncode == 2
    assert run.stderr.startswith("bkrc: standard output is closed;")


@pytest.mark.parametrize(
    "args",
    [
        ["check", "examples/broken/prodssi.bkr"],
        ["check", "nope.bkr"],
        ["compile", "examples/broken/prodssi.bkr", "-o"],
        ["compile", "examples/prodssi.bkr", "-o"],
        ["fmt", "--check", "examples/prodssi.bkr"],
        ["--version"],
    ],
)
def test_standard_error_closed(tmp_path, args):
    """`bkrc compile a.bkr -o DIR 2>&-`: the diagnostics, and the reason for exit
    1 or 2, went nowhere. Now exit 2 before anything is read or written, and why,
    on standard output: the only stream left."""
    args = [*args, tmp_path / "out"] if args[-1] == "-o" else args
    run = _bkrc(args, stdout=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(2))
    assert run.returncode == 2
    assert run.stdout == (
        "bkrc: standard error is closed, where bkrc says what is wrong; give bkrc one"
        " (`2> FILE`, or `2> /dev/null` to drop its messages)\n"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args", [["check", "-"], ["fmt", "-"], ["show", "-"], ["compile", "-", "-o"]])
def test_standard_input_closed(tmp_path, args):
    args = [*args, tmp_path / "out"] if args[-1] == "-o" else args
    run = _bkrc(args, stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(0))
    assert run.returncode == 2
    assert run.stderr.endswith("bkrc: -: standard input is closed; name a FILE, or give it one: `- < FILE`\n")


def test_the_language_server_with_standard_input_closed():
    run = _bkrc(
        ["lsp"], stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(0)
    )
    assert run.returncode == 2
    assert "one of them is closed" in run.stderr and "Traceback" not in run.stderr


def _serving_language_server():
    """`bkrc lsp`, started and answering `initialize`. It runs under `-X faulthandler`,
    which changes nothing until a fatal signal: then Python prints every thread's
    stack on standard error (`_exit_or_stacks`)."""
    import signal

    server = subprocess.Popen(
        [sys.executable, "-X", "faulthandler", "-m", "bkrdsl", "lsp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        # A child of a background `pytest &` starts with SIGINT ignored; give it Python's handler.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509 (one call, no lock)
    )
    try:
        server.stdin.write(frame({"id": 1, "method": "initialize", "params": {"capabilities": {}}}))
        server.stdin.flush()
        assert server.stdout.readline().startswith(b"Content-Length:")  # the server is serving
    except BaseException:
        server.kill()
        server.wait()
        raise
    return server


def _exit_or_stacks(server, close_input: bool, timeout: float = 60) -> bytes:
    """The server's standard error once it has exited (its input closed first, or
    left open as an editor may). If it has not exited within `timeout` seconds,
    the test fails with where each of its threads waits: SIGABRT makes
    faulthandler print every thread's stack before Python dies (a hang seen once
    in CI said nothing more than "timed out")."""
    import signal

    try:
        if close_input:
            return server.communicate(timeout=timeout)[1]
        server.wait(timeout=timeout)
        return server.stderr.read()
    except subprocess.TimeoutExpired:
        server.send_signal(signal.SIGABRT)
        server.wait(timeout=timeout)  # its input left as it was until then: the stacks show where it waits
        stacks = server.communicate()[1].decode(errors="replace")
        pytest.fail(f"bkrc lsp did not exit within {timeout:g} s; its threads' stacks:\n{stacks}")
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


@pytest.mark.parametrize("input_open", [False, True], ids=["input closed", "input open"])
@pytest.mark.parametrize(("signum", "word", "code"), [("SIGTERM", "terminated", 143), ("SIGINT", "interrupted", 130)])
def test_the_language_server_answers_sigterm_and_ctrl_c_as_every_command(signum, word, code, input_open):
    """pygls swallows the KeyboardInterrupt: `serve` raises it again once the server
    stops, whether or not the editor (or a terminal) still holds the server's input
    open; a read of it waiting for the client must not keep the server alive."""
    import signal

    server = _serving_language_server()
    server.send_signal(getattr(signal, signum))
    err = _exit_or_stacks(server, close_input=not input_open)
    assert server.returncode == code, err
    assert err.decode().endswith(f"bkrc: {word}\n")


# ------------------------------------------------------------ where DIR cannot be written
def test_a_mount_point_is_refused_by_name(tmp_path, monkeypatch):
    src, out = source(tmp_path), tmp_path / "w" / "out"
    out.mkdir(parents=True)
    real = os.path.ismount
    monkeypatch.setattr(os.path, "ismount", lambda p: os.fspath(p) == str(out) or real(p))
    err = one_line(run_cli(["compile", src, "-o", out]))
    assert "is a mount point" in err and f"-o {out / 'out'}" in err
    assert list(out.iterdir()) == [] and siblings(out) == []
    assert one_line(run_cli(["compile", src, "-o", out, "--dry-run"])) == would_fail(err)


def _mount_tmpfs(folder) -> None:
    """Mount a small tmpfs at `folder`, or skip: only root may (CI runs as root)."""
    if os.geteuid() != 0:
        pytest.skip("only root may mount a file system")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", folder], capture_output=True, check=False)
    if done.returncode != 0:  # a container without the capability
        pytest.skip(f"mount failed: {done.stderr.decode().strip()}")


@pytest.mark.parametrize("real_mount", [False, True])
def test_a_mount_point_inside_dir_is_refused_by_name(tmp_path, monkeypatch, real_mount):
    """The swap moved the mounted file system out of DIR with the old folder, copied
    what the compile keeps from it into DIR, then emptied it: a share mounted at
    out/DEV1 was left beside DIR, holding nothing."""
    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    mounted = out / "DEV1"
    if real_mount:
        _mount_tmpfs(mounted)
    else:
        real = os.path.ismount
        monkeypatch.setattr(os.path, "ismount", lambda p: os.fspath(p) == str(mounted) or real(p))
    try:
        (mounted / "mine.txt").write_text("on the mount\n")
        before = tree(out)
        source(tmp_path, GOOD.replace("workers 2", "workers 3"))
        for extra in ([], ["--force"], ["--dry-run"]):
            err = one_line(run_cli(["compile", src, "-o", out, *extra]))
            said = would_fail("bkrc: ") if extra == ["--dry-run"] else "bkrc: "
            assert err.startswith(f"{said}{mounted} is a mount point inside {out}: "), err
            assert "unmount it, or mount it outside DIR; nothing written" in err
            assert tree(out) == before and siblings(out) == []
    finally:
        if real_mount:  # wherever it went: a compile that moves it must not leave it mounted
            with open("/proc/self/mounts") as mounts:
                points = [line.split()[1] for line in mounts if line.split()[1].startswith(str(tmp_path))]
            for point in points:
                subprocess.run(["umount", point], check=True)


def _chattr(path, flag: str) -> None:
    """`chattr +i` (or -i) on `path`, or skip: only root may, on a file system that has it."""
    if os.geteuid() != 0:
        pytest.skip("only root may make a file immutable")
    done = subprocess.run(["chattr", flag, path], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"chattr failed: {done.stderr.decode().strip()}")


def test_an_old_tree_that_cannot_be_removed_is_named(tmp_path, monkeypatch):
    """DIR is written; the old tree, swapped out, stays beside it when a file in it
    cannot be removed (an error the preflight cannot foresee; an immutable file it
    does: see below): the compile said only `wrote`, and the hidden folder stayed
    there unsaid, after every later compile too."""
    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    stuck = out / "DEV1" / "BKRSUBMT.EXEC"
    real = os.unlink

    def unlink(path, *args, **kwargs):
        if os.path.basename(os.fspath(path)) == stuck.name:
            raise PermissionError(errno.EPERM, "Operation not permitted", os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink)
    source(tmp_path, GOOD.replace("workers 2", "workers 3"))
    result = run_cli(["compile", src, "-o", out], expect=0)
    [name] = siblings(out)
    left = out.parent / name
    assert result.stderr == (
        f"bkrc: warning: the old {out}, swapped out to {left}, could not be removed"
        f" ({left / 'DEV1' / 'BKRSUBMT.EXEC'}: Operation not permitted); it holds only"
        f" the files {out} held before: remove it by hand (the next compile tries again)\n"
    )
    assert result.stdout.startswith(f"bkrc: wrote {out}: ")
    assert "BKRWRK03" in (out / "DEV1" / "BKRSTART.EXEC").read_text()


def _clear_flags(folder) -> None:
    """`chattr -i -a` on everything in `folder`, so that pytest can remove it."""
    subprocess.run(["chattr", "-R", "-i", "-a", folder], capture_output=True, check=False)


@pytest.mark.parametrize("flag", ["+i", "+a"])
@pytest.mark.parametrize(
    "rel",
    ["DEV1/BKRSUBMT.EXEC", "DEV1/BKRSTART.EXEC", "DEV1/mine.txt", "DEV1"],
    ids=["unchanged", "rewritten", "not bkrc's", "folder"],
)
def test_an_immutable_or_append_only_entry_in_dir_is_named_before_anything_is_built(tmp_path, flag, rel):
    """`chattr +i` or `+a` on a file in DIR (left unchanged, rewritten, or not
    bkrc's) or on a folder in it: link(2) refuses the file and its removal fails,
    so the compile wrote a copy without the flag in DIR, left the old tree beside
    it for good, and exited 0 (and --dry-run promised it); now nothing is built,
    and the entry is named, with the `chattr` that lets bkrc write."""
    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    (out / "DEV1" / "mine.txt").write_text("notes\n")
    source(tmp_path, GOOD.replace("workers 2", "workers 3"))
    fixed, letter = out / rel, flag[1]
    _chattr(fixed, flag)
    try:
        what = "immutable" if letter == "i" else "append-only"
        why = (
            f"an {what} folder cannot be removed, nor anything in it"
            if rel == "DEV1"
            else f"an {what} file can be neither linked nor removed"
        )
        _would_fail_everywhere(
            src, out, f"{fixed} is {what} (`chattr {flag}`): bkrc links each file it keeps into the new"
            " folder it builds beside out, and removes the old folder once the new one is in its place;"
            f" {why}; `chattr -{letter} {fixed}` (as root) lets bkrc write; nothing written"
        )
    finally:  # wherever a failing compile put it: its folder must not stay for good
        _clear_flags(out.parent)
    assert run_cli(["compile", src, "-o", out], expect=0).stderr == ""
    assert siblings(out) == []


def test_every_immutable_entry_in_dir_is_counted(tmp_path):
    """The first is named, the others counted, and `lsattr -R` lists them all."""
    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("workers 2", "workers 3"))
    fixed = [out / "DEV2" / "BKRSUBMT.EXEC", out / "DEV1" / "BKRSUBMT.EXEC", out / "cluster"]
    for path in fixed:
        _chattr(path, "+i")
    try:
        err = one_line(run_cli(["compile", src, "-o", out]))
        assert err.startswith(
            f"bkrc: {out}: cannot write: {fixed[1]} is immutable (`chattr +i`) (and 2 more:"
            f" `lsattr -R {out}` lists them): "
        ), err
    finally:
        _clear_flags(out.parent)
    assert [path for path, _ in output.fixed_entries(out)] == []


def test_a_parent_folder_bkrc_may_not_write_to(tmp_path, monkeypatch):
    src, out = source(tmp_path), tmp_path / "ro" / "out"
    out.parent.mkdir()

    real_mkdir = os.mkdir

    def mkdir(path, *args, **kwargs):  # the new folder beside DIR may not be made
        if os.path.dirname(os.fspath(path)) == str(out.parent):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", mkdir)
    err = one_line(run_cli(["compile", src, "-o", out]))
    assert err == (
        f"bkrc: {out}: cannot write: Permission denied in {out.parent}: bkrc builds the new folder"
        f" beside out and then puts it in its place, so it needs write permission on {out.parent}\n"
    )


def refuse_writes(monkeypatch, folder, err=errno.EACCES) -> None:
    """`folder` refuses to be written, as it does for a user who is not root (or on a
    read-only file system, `err` EROFS): the compile's mkdir in it fails (its new
    folder beside DIR, or a missing folder above DIR), and `access` (for --dry-run,
    which writes nothing) says no."""
    folder = str(folder)
    why = os.strerror(err)
    real_mkdir, real_access, real_statvfs = os.mkdir, os.access, os.statvfs

    def mkdir(path, *args, **kwargs):
        if os.path.dirname(os.fspath(path)) == folder:
            raise OSError(err, why, os.fspath(path))
        return real_mkdir(path, *args, **kwargs)

    def access(path, mode, *args, **kwargs):
        if os.fspath(path) == folder and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    def statvfs(path):
        found = real_statvfs(path)
        if os.fspath(path) == folder and err == errno.EROFS:
            return os.statvfs_result((*found[:8], found.f_flag | os.ST_RDONLY, found.f_namemax))
        return found

    monkeypatch.setattr(os, "mkdir", mkdir)
    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "statvfs", statvfs)


@pytest.mark.parametrize("err", [errno.EACCES, errno.EROFS], ids=["refused", "read-only"])
@pytest.mark.parametrize("below", [["out"], ["new", "out"]], ids=["beside", "missing-parent"])
def test_a_dry_run_says_what_the_compile_would_say_where_it_cannot_write(tmp_path, monkeypatch, err, below):
    """--dry-run writes nothing, but exits as the compile would: 2, with its message,
    when the folder DIR is built beside (or the first one missing above it) cannot
    be written."""
    src, ro = source(tmp_path), tmp_path / "ro"
    ro.mkdir()
    out = ro.joinpath(*below)
    refuse_writes(monkeypatch, ro, err)
    written = one_line(run_cli(["compile", src, "-o", out]))
    dry = run_cli(["compile", src, "-o", out, "--dry-run"])
    assert one_line(dry) == would_fail(written)
    assert f"{out}: cannot write: {os.strerror(err)}" in written
    if below == ["out"]:  # what the folder beside DIR needs: permission, or a file system not read-only
        needs = (
            f"{ro} must be on a file system mounted read-write"
            if err == errno.EROFS
            else f"it needs write permission on {ro}"
        )
        assert written.endswith(f"puts it in its place, so {needs}\n")
    assert "to create" in dry.stdout  # the plan is still printed
    assert list(ro.iterdir()) == []
    # --check answers "not up to date" (exit 1), and says that a compile would fail.
    checked = run_cli(["compile", src, "-o", out, "--check"], expect=1)
    assert checked.stderr == (
        f"bkrc: warning: a compile would fail: {written.removeprefix('bkrc: ')}"
        f"bkrc: {out} is not up to date with {src}\n"
    )


def test_a_dry_run_of_an_up_to_date_folder_needs_no_write_permission(tmp_path, monkeypatch):
    # The compile writes nothing then, and succeeds: so does the dry run.
    src, out = source(tmp_path), tmp_path / "ro" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    refuse_writes(monkeypatch, out.parent)
    assert "is up to date" in run_cli(["compile", src, "-o", out], expect=0).stdout
    dry = run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
    assert "0 to create, 0 to update, 0 to delete" in dry.stdout


def test_a_dry_run_says_a_file_on_dir_s_path_stops_the_compile(tmp_path):
    src, out = source(tmp_path), tmp_path / "notes" / "x" / "out"
    (tmp_path / "notes").write_text("")
    written = one_line(run_cli(["compile", src, "-o", out]))
    assert one_line(run_cli(["compile", src, "-o", out, "--dry-run"])) == would_fail(written)
    assert written == f"bkrc: {out}: cannot write: {tmp_path / 'notes'} is a file, not a folder\n"


def test_a_full_disk_says_a_second_copy_is_needed(tmp_path, monkeypatch):
    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    before = tree(out)
    src.write_text(GOOD.replace("daily 01:00", "daily 01:30"))

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(output, "write_file", full)
    err = run_cli(["compile", src, "-o", out], expect=2).stderr
    assert "cannot write: No space left on device (bkrc builds the complete new folder beside out" in err
    assert "room for the new files beside the old ones); nothing was changed" in err
    assert tree(out) == before and siblings(out) == []


# ------------------------------------------------------------ the preflight: what stops the write, said first
def _attempts(src, out) -> tuple[str, str, str]:
    """The compile's one line (exit 2), with DIR and the folder beside it left as
    they were; and what --dry-run (exit 2) and --check (exit 1) say of it."""
    before = tree(out) if out.exists() else None
    neighbours = siblings(out) if out.parent.exists() else None
    written = one_line(run_cli(["compile", src, "-o", out]))
    assert (tree(out) if out.exists() else None) == before
    assert (siblings(out) if out.parent.exists() else None) == neighbours
    dry = run_cli(["compile", src, "-o", out, "--dry-run"])
    assert "to create" in dry.stdout or "to update" in dry.stdout  # the plan is still printed
    checked = run_cli(["compile", src, "-o", out, "--check"], expect=1)
    return written, one_line(dry), checked.stderr


def _would_fail_everywhere(src, out, reason: str) -> None:
    """The compile stops with `reason` before it builds anything; --dry-run says it
    would, with the compile's exit code; --check is still "not up to date" (exit 1)
    and says why a compile would not do."""
    written, dry, checked = _attempts(src, out)
    assert written == f"bkrc: {out}: cannot write: {reason}\n"
    assert dry == would_fail(written)
    assert checked == (
        f"bkrc: warning: a compile would fail: {out}: cannot write: {reason}\n"
        f"bkrc: {out} is not up to date with {src}\n"
    )


@pytest.mark.parametrize("flag", ["+i", "+a"])
@pytest.mark.parametrize("where", ["DIR", "parent"])
def test_a_folder_made_immutable_or_append_only_is_named_before_anything_is_built(tmp_path, flag, where):
    """`chattr +i` or `+a` on DIR (which then cannot be renamed) or on the folder that
    holds it (where the new folder is made, then renamed into DIR's place): the
    dry run said the compile would write, and the compile failed after it had
    built the whole new folder (`Operation not permitted; nothing was changed`),
    leaving it beside DIR where the folder was append-only."""
    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("workers 2", "workers 3"))
    fixed = out if where == "DIR" else out.parent
    _chattr(fixed, flag)
    try:
        what = "immutable" if flag == "+i" else "append-only"
        if where == "DIR":
            why = f"an {what} folder cannot be renamed, and bkrc renames the new folder it builds into its"
            why += " place"
        elif flag == "+i":
            why = "nothing can be created in it, and bkrc builds the new folder beside out there"
        else:
            why = "nothing in it can be renamed, and bkrc renames the new folder it builds there into out's"
            why += " place"
        letter = flag[1]
        _would_fail_everywhere(
            src, out, f"{fixed} is {what} (`chattr {flag}`): {why}; `chattr -{letter} {fixed}` (as root)"
            " lets bkrc write; nothing written"
        )
    finally:
        subprocess.run(["chattr", f"-{flag[1]}", fixed], check=True)
    run_cli(["compile", src, "-o", out], expect=0)


@pytest.mark.parametrize("flag", ["+i", "+a"])
def test_a_missing_folder_above_dir_in_an_immutable_folder(tmp_path, flag):
    """bkrc makes the folders missing above DIR: an immutable folder refuses them, an
    append-only one takes them (the new folder is built and renamed in the new
    folder, which is neither): that compile is not refused."""
    src, top = source(tmp_path), tmp_path / "top"
    top.mkdir()
    out = top / "new" / "out"
    _chattr(top, flag)
    try:
        if flag == "+i":
            _would_fail_everywhere(
                src, out, f"{top} is immutable (`chattr +i`): nothing can be created in it, and bkrc must"
                f" create {top / 'new'}; `chattr -i {top}` (as root) lets bkrc write; nothing written"
            )
        else:
            run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
            assert run_cli(["compile", src, "-o", out], expect=0).stdout.startswith(f"bkrc: wrote {out}: ")
    finally:
        subprocess.run(["chattr", f"-{flag[1]}", top], check=True)


@pytest.mark.parametrize("owner", [False, True], ids=["another user's", "the user's own"])
def test_another_user_s_dir_in_a_sticky_folder_is_named_before_it_is_built(tmp_path, monkeypatch, owner):
    """In a folder with the sticky bit (/tmp) only DIR's owner, the folder's owner
    or root may rename DIR: another user's compile built the whole new folder,
    then failed at the swap (`Operation not permitted`). DIR's owner may."""
    src, out = source(tmp_path), tmp_path / "sticky" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("workers 2", "workers 3"))
    out.parent.chmod(0o1777)
    uid = out.stat().st_uid if owner else out.stat().st_uid + 4321  # the test's files are root's
    monkeypatch.setattr(os, "geteuid", lambda: uid)
    if owner:
        run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
        return
    _would_fail_everywhere(
        src, out, f"it belongs to another user (uid {out.stat().st_uid}), in {out.parent}, a folder with the"
        " sticky bit (mode 1777), where only its owner, the folder's owner or root may rename it, and bkrc"
        " renames the new folder it builds into its place; compile into a folder of your own, or as its"
        " owner; nothing written"
    )


def _statvfs_with(monkeypatch, folder, **fields) -> None:
    """os.statvfs of `folder` answers `fields` (f_bavail=0, ...) over the real figures."""
    real = os.statvfs
    names = ("f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail")
    names += ("f_files", "f_ffree", "f_favail", "f_flag", "f_namemax")

    def statvfs(path):
        found = real(path)
        if os.fspath(path) != str(folder):
            return found
        return os.statvfs_result(tuple(fields.get(name, getattr(found, name)) for name in names))

    monkeypatch.setattr(os, "statvfs", statvfs)


@pytest.mark.parametrize("root", [True, False], ids=["root", "user"])
def test_a_disk_without_room_for_the_new_folder_is_named_before_it_is_built(tmp_path, monkeypatch, root):
    """The new files stand beside the old ones until the swap: the disk must hold
    every file the compile writes (each a whole number of blocks; unchanged ones
    are linked). Root may take the blocks the file system keeps for it, a user may not."""
    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("workers 2", "workers 3"))
    monkeypatch.setattr(os, "geteuid", lambda: 0 if root else 1000)
    _statvfs_with(monkeypatch, out.parent, f_frsize=4096, f_bfree=1 if root else 10**9, f_bavail=1)
    written, dry, checked = _attempts(src, out)
    assert written.startswith(f"bkrc: {out}: cannot write: not enough room: the new files take ")
    assert f" bytes or more and {out.parent}'s file system has 4,096 free (bkrc builds" in written
    assert written.endswith(" so the disk needs room for the new files beside the old ones); nothing written\n")
    assert dry == would_fail(written)
    assert checked.startswith(f"bkrc: warning: a compile would fail: {written.removeprefix('bkrc: ')}")
    # Room for every block the write needs (root: the blocks kept for root too): it is carried out.
    _statvfs_with(monkeypatch, out.parent, f_frsize=4096, f_bfree=10**9, f_bavail=1 if root else 10**9)
    run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
    run_cli(["compile", src, "-o", out], expect=0)


def test_a_file_system_out_of_inodes_is_named_before_anything_is_built(tmp_path, monkeypatch):
    src, out = source(tmp_path), tmp_path / "w" / "out"
    _statvfs_with(monkeypatch, tmp_path / "w", f_files=100, f_ffree=5, f_favail=5)
    (tmp_path / "w").mkdir()
    written, dry, _ = _attempts(src, out)
    assert "cannot write: not enough room: the new folder holds " in written
    assert f" files and folders and {tmp_path / 'w'}'s file system has room for 5 more (" in written
    assert dry == would_fail(written)
    # A file system that keeps no count of files (btrfs says 0 of 0) is not refused.
    _statvfs_with(monkeypatch, tmp_path / "w", f_files=0, f_ffree=0, f_favail=0)
    run_cli(["compile", src, "-o", out], expect=0)


def test_a_file_system_that_counts_no_blocks_is_not_refused_for_room(tmp_path, monkeypatch):
    """statvfs says 0 blocks, 0 free where a file system keeps no count (/proc,
    /sys, a tmpfs mounted with size=0, which has no limit): the compile said
    `not enough room: ... has 0 free` of a disk that has room, or of /proc,
    which takes no folder at all."""
    src, out = source(tmp_path), tmp_path / "w" / "out"
    (tmp_path / "w").mkdir()
    _statvfs_with(
        monkeypatch, tmp_path / "w", f_blocks=0, f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, f_favail=0
    )
    run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
    assert run_cli(["compile", src, "-o", out], expect=0).stdout.startswith(f"bkrc: wrote {out}: ")


def test_an_unlimited_tmpfs_is_not_refused_for_room(tmp_path):
    """A real file system (root only) without a size: tmpfs `size=0` counts no
    blocks, and statvfs says 0 free."""
    src, out = source(tmp_path), tmp_path / "m" / "out"
    out.parent.mkdir()
    if os.geteuid() != 0:
        pytest.skip("only root may mount a file system")
    mount = ["mount", "-t", "tmpfs", "-o", "size=0,nr_inodes=0", "tmpfs", out.parent]
    done = subprocess.run(mount, capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"mount failed: {done.stderr.decode().strip()}")
    try:
        assert os.statvfs(out.parent).f_blocks == 0
        assert run_cli(["compile", src, "-o", out], expect=0).stdout.startswith(f"bkrc: wrote {out}: ")
    finally:
        subprocess.run(["umount", out.parent], check=True)


@pytest.mark.skipif(not os.path.isfile("/proc/self/stat"), reason="needs Linux's /proc")
def test_a_folder_in_proc_is_refused_for_what_it_is(tmp_path):
    """`-o /proc/x`: `not enough room: ... /proc's file system has 0 free`. /proc
    takes no folder: root is told what the system says of the folder bkrc
    creates there (without its hidden name), a user that /proc is not writable."""
    src, out = source(tmp_path), "/proc/bkrc-test-out"
    written = one_line(run_cli(["compile", src, "-o", out]))
    beside = "bkrc builds the new folder beside bkrc-test-out and then puts it in its place"
    if os.geteuid() == 0:
        assert written == (
            f"bkrc: {out}: cannot write: /proc takes no new folder (creating one there: No such file or"
            f" directory): {beside}, so it must be a folder of a file system that holds files\n"
        )
    else:
        assert written == f"bkrc: {out}: cannot write: Permission denied in /proc: {beside}, so it needs write permission on /proc\n"


def test_a_full_tmpfs_is_named_before_anything_is_built(tmp_path):
    """A real file system (root only: CI runs as root) without room for the new
    files: the compile failed half-way (`No space left on device`), and the dry
    run had promised the write."""
    src, out = source(tmp_path), tmp_path / "m" / "out"
    out.parent.mkdir()
    if os.geteuid() != 0:
        pytest.skip("only root may mount a file system")
    mount = ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", out.parent]
    done = subprocess.run(mount, capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"mount failed: {done.stderr.decode().strip()}")
    try:
        written, dry, _ = _attempts(src, out)
        assert "cannot write: not enough room: the new files take " in written
        assert f" and {out.parent}'s file system has 65,536 free (bkrc builds" in written
        assert dry == would_fail(written)
        assert list(out.parent.iterdir()) == []
    finally:
        subprocess.run(["umount", out.parent], check=True)


def test_a_dry_run_counts_the_room_a_killed_runs_folder_gives_back(tmp_path):
    """A real file system (root only) filled by the folder a killed compile left
    beside DIR: the compile removes it before it writes, and writes; the dry run
    said it would fail for want of room (exit 2). It now says the folder goes first."""
    src, out = source(tmp_path), tmp_path / "m" / "out"
    out.parent.mkdir()
    if os.geteuid() != 0:
        pytest.skip("only root may mount a file system")
    mount = ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", out.parent]
    done = subprocess.run(mount, capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"mount failed: {done.stderr.decode().strip()}")
    try:
        run_cli(["compile", src, "-o", out], expect=0)
        source(tmp_path, GOOD.replace("daily 01:00", "daily 01:30"))
        left = out.parent / ".out.bkrc-new-999999999-abcdefgh"  # no process has that ID
        left.mkdir()
        free = os.statvfs(out.parent).f_bfree * os.statvfs(out.parent).f_frsize
        (left / "filler").write_bytes(b"x" * (free - 4096))
        dry = run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
        assert dry.stdout.endswith(f"1 folder a killed compile left beside {out} removed first: {left.name}\n")
        assert run_cli(["compile", src, "-o", out], expect=0).stdout.startswith(f"bkrc: wrote {out}: ")
        assert siblings(out) == []
    finally:
        subprocess.run(["umount", out.parent], check=True)


def test_the_compile_says_what_a_killed_compile_left_that_it_tidies_first(tmp_path):
    """A kill (SIGKILL, a power cut) can leave the hidden folder beside DIR, or DIR
    moved aside; the next compile removes the one and puts the other back before
    anything else. It did so without a word, where a dry run's plan says it: a
    line now names each (standard error; standard output with --format json,
    whose document is all of standard error), whatever the compile does next."""
    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    left = out.parent / ".out.bkrc-new-999999999-abcdefgh"  # no process has that ID
    (left / "DEV1").mkdir(parents=True)
    (left / "DEV1" / "BKRSUBMT.EXEC").write_text("half\n")
    done = run_cli(["compile", src, "-o", out], expect=0)
    assert done.stdout == f"bkrc: {out} is up to date\n"
    assert done.stderr == f"bkrc: removed {left.name}, which a killed compile left beside {out}\n"
    assert siblings(out) == []

    aside = out.parent / ".out.bkrc-old-999999999-abcdefgh"  # killed between the fallback swap's renames
    out.rename(aside)
    left.mkdir()
    done = run_cli(["compile", src, "-o", out, "--format", "json"], expect=0)
    assert done.stdout == (
        f"bkrc: put {out} back from {aside.name}, where a killed compile had moved it\n"
        f"bkrc: removed {left.name}, which a killed compile left beside {out}\n"
        f"bkrc: {out} is up to date\n"
    )
    assert json.loads(done.stderr) is not None
    assert siblings(out) == []

    left.mkdir()  # a compile that is refused afterwards has still tidied, and says so
    (out / "manifest.json").write_text("not json")
    done = run_cli(["compile", src, "-o", out], expect=2)
    assert done.stderr.startswith(f"bkrc: removed {left.name}, which a killed compile left beside {out}\nbkrc: ")
    assert siblings(out) == []


def left_warning(name: str, out) -> str:
    """What --check says of a folder a killed compile left beside an up-to-date DIR."""
    held = f"the files {out} held before that compile"
    if ".bkrc-new-" in name:  # the new tree, or the old one when the swap was an exchange
        held = f"new files it had not put in place, or, killed just after its swap, {held}"
    return (
        f"bkrc: warning: a killed compile left {name} beside {out}, which the next compile removes"
        f" ({held}): copy out of it anything you want to keep\n"
    )


KILLED_AT_THE_SWAP = """
import os, signal, sys
from bkrdsl import output
from bkrdsl.__main__ import main

src, out, when = sys.argv[1:]
real_exchange, real_rename = output._exchange, os.rename


def die():
    os.kill(os.getpid(), signal.SIGKILL)


def exchange(a, b):  # the swap's renameat2(RENAME_EXCHANGE)
    if when == "before":
        die()
    real_exchange(a, b)
    if when == "after-a-save":  # saved in DIR in the instant before the swap: now in the old tree
        with open(os.path.join(a, "notes.txt"), "w") as note:
            note.write("mine\\n")
    die()


def rename(a, b):  # the two renames where there is no exchange
    real_rename(a, b)
    if str(a if when == "between-renames" else b) == out:  # DIR moved aside; or the new tree in its place
        die()


if when in ("between-renames", "after-renames"):
    output._exchange = lambda a, b: False
    os.rename = rename
else:
    output._exchange = exchange
main(["compile", src, "-o", out])
"""


@pytest.mark.parametrize("when", ["before", "after", "between-renames", "after-renames"])
def test_a_compile_killed_at_the_swap_leaves_dir_whole_and_the_next_commands_say_so(tmp_path, when):
    """SIGKILL just before the renameat2 that swaps the trees, just after it (the
    system call itself is one step: a kill lands before or after it), and,
    where there is no exchange, between the two renames or after them. DIR is
    whole, the old tree or the new one, never a mix; the next --check and
    --dry-run say what the compile does first, and the compile does it. After
    the swap --check exits 0 (DIR is up to date) but says, on standard error,
    that the old tree is left beside DIR and that the next compile removes it:
    it said only `up to date`, and a pipeline never learnt of the folder."""
    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    old = tree(out)
    # The expiry's minute: BKREXPIR changes, and so every EXEC's compile (docs/rexx.md).
    source(tmp_path, GOOD.replace("daily 05:00", "daily 05:30"))
    new_out = tmp_path / "reference" / "out"
    run_cli(["compile", src, "-o", new_out], expect=0)
    new = tree(new_out)
    run = subprocess.run([sys.executable, "-c", KILLED_AT_THE_SWAP, str(src), str(out), when], cwd=ROOT, check=False)
    assert run.returncode == -signal.SIGKILL
    left = sorted(name for name in os.listdir(out.parent) if name != "out")
    assert [name.rsplit("-", 2)[0] for name in left] == (
        [".out.bkrc-new", ".out.bkrc-old"] if when == "between-renames"
        else [".out.bkrc-old"] if when == "after-renames" else [".out.bkrc-new"]
    )
    swapped = when in ("after", "after-renames")
    if when == "between-renames":
        assert not out.exists() and tree(out.parent / left[1]) == old
    else:
        assert tree(out) == (new if swapped else old)
        if swapped:
            assert tree(out.parent / left[0]) == old
    removed = f"1 folder a killed compile left beside {out} removed first: {left[0]}\n"
    first = removed
    if when == "between-renames":
        first = f"{out} is put back first from {left[1]}, where a killed compile had moved it (the plan compares with it)\n" + removed

    check = run_cli(["compile", src, "-o", out, "--check"], expect=0 if swapped else 1)
    dry = run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
    if swapped:  # DIR holds the new tree: up to date, the old one beside it removed first
        assert check.stdout == f"bkrc: {out} is up to date\n"
        assert check.stderr == left_warning(left[0], out)
        assert dry.stdout.endswith(f"{out}: 0 to create, 0 to update, 0 to delete, 25 unchanged\n{first}")
    else:
        assert check.stdout.endswith(f"{out}: 0 to create, 6 to update, 0 to delete, 19 unchanged\n{first}")
        assert check.stderr == f"bkrc: {out} is not up to date with {src}\n"
        assert dry.stdout.endswith(f"{out}: 0 to create, 6 to update, 0 to delete, 19 unchanged\n{first}")
    assert sorted(os.listdir(out.parent)) == sorted([*left, *(["out"] if out.exists() else [])])  # read only

    done = run_cli(["compile", src, "-o", out], expect=0)
    tidied = f"bkrc: removed {left[0]}, which a killed compile left beside {out}\n"
    if when == "between-renames":
        tidied = f"bkrc: put {out} back from {left[1]}, where a killed compile had moved it\n" + tidied
    assert done.stderr == tidied
    assert done.stdout == (
        f"bkrc: {out} is up to date\n" if swapped else f"bkrc: wrote {out}: 0 created, 6 updated, 0 deleted, 19 unchanged\n"
    )
    assert tree(out) == new and siblings(out) == []
    run_cli(["compile", src, "-o", out, "--check"], expect=0)


def test_a_save_in_the_old_tree_then_a_kill_before_the_last_look_is_named_before_it_is_removed(tmp_path):
    """docs/output.md's third open window: a file saved in DIR in the instant
    before the swap is in the old tree, and a kill before the compile looks at
    it again leaves it there, beside DIR. --check (DIR up to date, exit 0) and
    --dry-run name that folder first, the file is in it to copy out, and only
    the next compile removes it."""
    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("daily 05:00", "daily 05:30"))
    left = killed_compile(src, out, "after-a-save")
    assert (left / "notes.txt").read_text() == "mine\n" and not (out / "notes.txt").exists()
    check = run_cli(["compile", src, "-o", out, "--check"], expect=0)
    assert check.stderr == left_warning(left.name, out)
    dry = run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
    assert dry.stdout.endswith(f"1 folder a killed compile left beside {out} removed first: {left.name}\n")
    done = run_cli(["compile", src, "-o", out], expect=0)
    assert done.stderr == f"bkrc: removed {left.name}, which a killed compile left beside {out}\n"
    assert siblings(out) == []


def test_a_dir_another_program_creates_during_a_first_compile_stops_it_with_what_to_do(tmp_path, monkeypatch):
    """Exit 2, DIR as the other program left it, and the message names DIR, says
    it appeared during the compile, and gives the command to run next."""
    src, out = source(tmp_path), tmp_path / "w" / "out"
    out.parent.mkdir()
    real = output.swap

    def late(new, where):
        out.mkdir()
        (out / "notes.txt").write_text("mine\n")
        return real(new, where)

    monkeypatch.setattr(output, "swap", late)
    done = run_cli(["compile", src, "-o", out], expect=2)
    assert done.stdout.startswith(f"bkrc: wrote {out}: ")  # the report comes before the swap
    assert done.stderr == (
        f"bkrc: {out} appeared while bkrc was writing it: another program created it, a folder holding"
        f" {out / 'notes.txt'}, after bkrc found no {out}; nothing written, {out} left as it is (the `wrote`"
        " line above came before the swap, which did not happen): look at what it holds, then move it away"
        f" (`mv {out} {out}.other`) and run the compile again, or compile into another folder\n"
    )
    assert tree(out) == {"notes.txt": b"mine\n"} and siblings(out) == []
    monkeypatch.undo()
    out.rename(f"{out}.other")  # as the message says
    run_cli(["compile", src, "-o", out], expect=0)
    assert (out.parent / "out.other" / "notes.txt").read_text() == "mine\n"


def killed_compile(src, out, when: str) -> Path:
    """A compile of `src` into `out` killed (SIGKILL) at the swap, `when` as for
    KILLED_AT_THE_SWAP; the folder it left beside `out`."""
    before = set(os.listdir(out.parent))
    run = subprocess.run([sys.executable, "-c", KILLED_AT_THE_SWAP, str(src), str(out), when], cwd=ROOT, check=False)
    assert run.returncode == -signal.SIGKILL
    (left,) = set(os.listdir(out.parent)) - before - {"out"}
    return out.parent / left


def test_check_of_an_up_to_date_dir_names_each_folder_a_killed_compile_left(tmp_path, monkeypatch):
    """DIR up to date, and beside it folders that real compiles, killed, left: the
    old tree of one killed just after its swap (DIR holds its new tree), which
    the next compile removes, and the new tree of a compile of another source
    killed before its swap, which it cannot (an entry in it made immutable,
    root only: `fixed_entries` says so here). --check exits 0, as DIR is up to
    date, and says each on standard error (standard output with --format
    json, whose document is all of standard error); it said nothing. Each
    compile removes what a killed one left before it writes, so the first
    folder is moved away while the second compile runs, then back."""
    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    old = tree(out)
    source(tmp_path, GOOD.replace("daily 05:00", "daily 05:45"))
    held = killed_compile(src, out, "before")
    assert tree(out) == old
    held.rename(tmp_path / held.name)
    source(tmp_path, GOOD.replace("daily 05:00", "daily 05:30"))
    left = killed_compile(src, out, "after")
    assert tree(left) == old and tree(out) != old
    (tmp_path / held.name).rename(held)
    entry = held / "manifest.json"
    monkeypatch.setattr(output, "fixed_entries", lambda root: [(entry, "i")] if root == held else [])
    removed = left_warning(left.name, out)
    stays = (
        f"bkrc: warning: a killed compile left {held.name} beside {out}, which the next compile cannot"
        f" remove: {entry} is immutable (`chattr -i {entry}` lets it)\n"
    )
    done = run_cli(["compile", src, "-o", out, "--check"], expect=0)
    assert (done.stdout, done.stderr) == (f"bkrc: {out} is up to date\n", removed + stays)
    done = run_cli(["compile", src, "-o", out, "--check", "--diff", "--format", "json"], expect=0)
    assert done.stdout == f"bkrc: {out} is up to date\n" + removed + stays
    assert json.loads(done.stderr) is not None
    assert left.is_dir() and held.is_dir()  # --check writes nothing

    source(tmp_path)  # not up to date: the plan names them
    done = run_cli(["compile", src, "-o", out, "--check"], expect=1)
    assert "warning: a killed compile left" not in done.output
    assert f"1 folder a killed compile left beside {out} removed first: {left.name}\n" in done.stdout
    assert f"{held.name}, left beside {out} by a killed compile, stays: {entry} is immutable" in done.stdout


def test_a_killed_compiles_folder_that_cannot_be_removed_is_a_warning(tmp_path, monkeypatch):
    """An entry in it made immutable after the kill (`chattr +i`, root only): the
    folder stays, the compile goes on, and a warning says which and why."""
    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    left = out.parent / ".out.bkrc-new-999999999-abcdefgh"
    left.mkdir()
    monkeypatch.setattr(output, "_remove_tree", lambda path: PermissionError(1, "Operation not permitted", str(path / "x")))
    done = run_cli(["compile", src, "-o", out], expect=0)
    assert done.stderr == (
        f"bkrc: warning: {left.name}, which a killed compile left beside {out}, could not be removed:"
        f" Operation not permitted ({left / 'x'}); remove it by hand\n"
    )


# ------------------------------------------------------------ colour
class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("env", "colour"),
    [
        ({}, True),
        ({"NO_COLOR": "1"}, False),
        ({"NO_COLOR": ""}, True),
        ({"NO_COLOR": "0"}, False),  # any value: no-color.org
        ({"FORCE_COLOR": "0"}, True),  # forces nothing: a terminal is coloured anyway
        ({"TERM": "dumb"}, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ],
)
def test_colour_on_a_terminal(monkeypatch, env, colour):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert use_color("auto", _Terminal()) is colour
    assert use_color("always", _Terminal()) is True and use_color("never", _Terminal()) is False


@pytest.mark.parametrize(
    ("env", "colour"),
    [
        ({}, False),
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": ""}, False),
        ({"FORCE_COLOR": "0"}, False),  # a CI template's "do not force" (Node's tools)
        ({"FORCE_COLOR": "true"}, True),
        ({"FORCE_COLOR": "1", "TERM": "dumb"}, True),
        ({"FORCE_COLOR": "0", "TERM": "dumb"}, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_force_color_colours_what_is_not_a_terminal(monkeypatch, env, colour):
    """A CI log that shows colours (FORCE_COLOR, force-color.org); NO_COLOR wins."""
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert use_color("auto", io.StringIO()) is colour
    assert use_color("never", io.StringIO()) is False
    bad = ROOT / "examples" / "broken" / "prodssi.bkr"
    assert ("\x1b[" in run_cli(["check", bad]).stdout) is colour


SLIP = "cluster X { member M { workers = } }\n"


@pytest.mark.parametrize(
    ("args", "stream"),
    [
        (["check", ROOT / "examples" / "broken" / "prodssi.bkr"], "stdout"),
        (["compile", ROOT / "examples" / "broken" / "prodssi.bkr", "-o", "out"], "stderr"),
        (["show", ROOT / "examples" / "broken" / "prodssi.bkr"], "stderr"),
        (["fmt", "-"], "stderr"),
        (["init", "-", "--cluster", "1BADNAMEXX", "--member", "M1"], "stderr"),
        (["highlight", ROOT / "examples" / "minimal.bkr"], "stdout"),
    ],
    ids=["check", "compile", "show", "fmt", "init", "highlight"],
)
@pytest.mark.parametrize(
    ("env", "colour"),
    [
        ({}, False),
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "0"}, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "0"}, False),
    ],
    ids=["plain", "forced", "force-0", "no-color-0"],
)
def test_every_command_that_colours_reads_the_environment_alike(tmp_path, monkeypatch, args, stream, env, colour):
    """One place decides (`use_color`): each command that colours, not on a
    terminal, colours with FORCE_COLOR (not 0) and never with NO_COLOR (any value)."""
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.chdir(tmp_path)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = run_cli(args, input=SLIP)
    assert result.exit_code in (0, 1), result.output
    assert ("\x1b[" in getattr(result, stream)) is colour
    assert "\x1b[" not in getattr(result, "stderr" if stream == "stdout" else "stdout")


# ------------------------------------------------------------ the parser's cache
NO_HOME = """
import os, pwd, sys
os.environ.pop("HOME", None)
def nobody(uid):
    raise KeyError(uid)  # a user ID without a passwd entry, as in some containers
pwd.getpwuid = nobody
from bkrdsl.__main__ import main
main(["check", sys.argv[1]])
"""


def test_no_home_folder_at_all(tmp_path):
    """No HOME and no passwd entry: Path.home() raises RuntimeError. The Lark
    fallback (for a file the fast parser leaves) then runs without a cache."""
    rare = tmp_path / "rare.bkr"
    rare.write_text("cluster A { shared-volume V TOTAPE }\n")  # read by Lark, not the fast parser
    env = {k: v for k, v in os.environ.items() if k not in ("BKRDSL_CACHE_DIR", "XDG_CACHE_HOME")}
    run = subprocess.run(
        [sys.executable, "-c", NO_HOME, str(rare)], capture_output=True, text=True, check=False, env=env
    )
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    assert run.returncode == 1 and "BKR2" in run.stdout  # checked: the cluster lacks what every cluster needs


def test_a_cache_folder_that_cannot_be_written_means_no_cache_not_a_shared_one(tmp_path, monkeypatch):
    """Never /tmp: Lark loads its cache with pickle, and another user could have
    put a file of their own there under the expected name."""
    from bkrdsl.syntax.parser import _cache_path

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("BKRDSL_CACHE_DIR", str(blocker))  # bkrdsl/ cannot be made inside a file
    assert _cache_path("grammar") is False
    monkeypatch.setenv("BKRDSL_CACHE_DIR", str(tmp_path / "cache"))
    assert _cache_path("grammar").startswith(str(tmp_path / "cache" / "bkrdsl" / "lark-bkr-"))


# ------------------------------------------------------------ --dialect
def test_a_dialect_table_that_is_not_there(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = source(tmp_path)
    err = one_line(run_cli(["compile", src, "-o", tmp_path / "out", "--dialect", "missing.toml"]))
    assert err.startswith("bkrc: missing.toml: no such file (the --dialect table)"), err
    assert not (tmp_path / "out").exists()


def test_a_dialect_table_that_is_not_one(tmp_path, monkeypatch):
    """An empty file read as the table is refused at its start (BKR601)."""
    monkeypatch.chdir(tmp_path)
    src = source(tmp_path)
    result = run_cli(["compile", src, "-o", tmp_path / "out", "--dialect", os.devnull], expect=2)
    assert result.stderr.startswith(
        "error[BKR601]: the dialect table cannot be used: malformed dialect table: no 'dialect'"
        " (a table starts with [dialect]"
    ), result.stderr
    assert f" --> {os.devnull}:1:1\n" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_dialect_table_that_is_not_toml_says_what_the_file_was_for(tmp_path, monkeypatch):
    """tomllib's own words alone ("Invalid value (at line 1, column 3)") named no
    dialect table and no TOML: the message says both, and the frame shows where."""
    monkeypatch.chdir(tmp_path)
    src = source(tmp_path)
    (tmp_path / "site.toml").write_text("[dialect]\nrelease =\n")
    result = run_cli(["compile", src, "-o", tmp_path / "out", "--dialect", "site.toml"], expect=2)
    assert result.stderr == (
        "error[BKR601]: the dialect table cannot be used: malformed dialect table: not TOML: Invalid value"
        " (at line 2, column 10)\n"
        " --> site.toml:2:10\n"
        "  |\n"
        "2 | release =\n"
        "  |          ^\n"
        "  = help: correct it in the table, or copy it from the built-in one, which `bkrc dialect` prints"
        " (docs/compatibility.md, Correcting an entry)\n"
        "\n"
        "1 error\n"
    ), result.stderr
    assert not (tmp_path / "out").exists()


def _dialect_bytes() -> bytes:
    from bkrdsl.dialect import DIALECT_DIR

    return (DIALECT_DIR / "backup-manager-1.3.toml").read_bytes()


@pytest.mark.parametrize(
    ("change", "says"),
    [
        # Python's codec error said "position 22", a byte offset, and "codec".
        (lambda t: t.replace(b"Backup", b"B\xe4ckup", 1),
         ("site.toml: not UTF-8: byte 0xE4 at line 1, column 23; save the table as UTF-8"
         " (`iconv -f CP1252 -t UTF-8`)")),
        # tomllib's "Invalid statement (at line 2, column 1)" said nothing of a NUL byte.
        (lambda t: t.replace(b"\n", b"\n\0", 1),
         "site.toml: holds a NUL byte at line 2, column 1: a dialect table is a text file (TOML)"),
        (lambda t: t.decode().encode("utf-16"),
         ("site.toml: is UTF-16 (it starts with a UTF-16 byte-order mark); save the table as UTF-8"
         " (`iconv -f UTF-16 -t UTF-8`)")),
    ],
    ids=["latin-1", "nul", "utf-16"],
)
def test_a_dialect_table_that_is_not_text_says_where(tmp_path, monkeypatch, change, says):
    monkeypatch.chdir(tmp_path)
    src = source(tmp_path)
    (tmp_path / "site.toml").write_bytes(change(_dialect_bytes()))
    for command in (["compile", src, "-o", tmp_path / "out"], ["check", src]):
        result = run_cli([*command, "--dialect", "site.toml"], expect=2)
        where = re.search(r"at line (\d+), column (\d+)", says)
        if where is None:  # no line of text to show (UTF-16): bkrc's one line
            assert one_line(result) == f"bkrc: {says}\n", result.stderr
            continue
        # BKR601's frame, at the byte: its line and column, a caret under it.
        said = says.removeprefix("site.toml: ")
        assert result.stderr.startswith(f"error[BKR601]: the dialect table cannot be used: {said.split('; ')[0]}")
        assert f" --> site.toml:{where.group(1)}:{where.group(2)}\n" in result.stderr, result.stderr
        assert "^" in result.stderr and result.stderr.endswith("\n1 error\n"), result.stderr
    assert not (tmp_path / "out").exists()


def test_a_dialect_table_saved_with_a_byte_order_mark_is_read(tmp_path, monkeypatch):
    """Windows editors (Notepad) save UTF-8 with a byte-order mark, which tomllib
    refused as "Invalid statement (at line 1, column 1)"; a .bkr file may have one
    too (docs/language.md)."""
    monkeypatch.chdir(tmp_path)
    src = source(tmp_path)
    (tmp_path / "site.toml").write_bytes(b"\xef\xbb\xbf" + _dialect_bytes().replace(b"\n", b"\r\n"))
    run_cli(["compile", src, "-o", tmp_path / "bom", "--dialect", "site.toml"], expect=0)
    run_cli(["compile", src, "-o", tmp_path / "plain"], expect=0)
    bom, plain = tree(tmp_path / "bom"), tree(tmp_path / "plain")
    # The same files; the manifests differ in the table's name and kind alone:
    # its sha256 is that of the text as read, the mark and the CRs left out.
    recorded = [json.loads(files.pop("manifest.json"))["dialect"] for files in (bom, plain)]
    assert bom == plain
    assert recorded[0] == {**recorded[1], "table": "site", "file": "site.toml"}


def test_a_dialect_table_too_large_is_refused_before_it_is_read_whole(tmp_path, monkeypatch):
    """`--dialect /dev/zero`, or a log named by mistake, was read whole: memory ran
    out (an internal error, MemoryError) or the TOML parser ran for long."""
    from bkrdsl import dialect

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(dialect, "MAX_TABLE_SIZE", 40_000)
    src = source(tmp_path)
    (tmp_path / "site.toml").write_bytes(_dialect_bytes() + b"#" * 40_000)
    err = one_line(run_cli(["compile", src, "-o", tmp_path / "out", "--dialect", "site.toml"]))
    assert err == (
        "bkrc: site.toml: more than 40,000 bytes: too large for a dialect table;"
        " name the site's copy of the built-in one (`--dialect` in docs/compatibility.md)\n"
    ), err
    if os.path.exists("/dev/zero"):
        err = one_line(run_cli(["check", src, "--dialect", "/dev/zero"]))
        assert err.startswith("bkrc: /dev/zero: more than 40,000 bytes: too large for a dialect table"), err
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------ two compiles at once
def test_a_second_compile_waits_for_the_first(tmp_path):
    """While one compile writes beside DIR (it holds the folder's lock), another
    waits, says so, and then plans against what the first wrote."""
    import fcntl

    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    before = tree(out)
    src.write_text(GOOD.replace("daily 01:00", "daily 01:30"))
    held = os.open(out.parent, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)  # as the first compile holds it
    try:
        second = subprocess.Popen(
            [sys.executable, "-m", "bkrdsl", "compile", str(src), "-o", str(out)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = second.stderr.readline()  # blocks until it says it waits
        assert line == f"bkrc: another bkrc compile is writing in {out.parent}; waiting for it to finish\n"
        assert tree(out) == before and second.poll() is None
    finally:
        os.close(held)  # the first compile is done
    stdout, stderr = second.communicate()
    assert second.returncode == 0, stderr
    assert stdout.startswith(f"bkrc: wrote {out}: 0 created, ") and " updated" in stdout
    assert tree(out) != before and siblings(out) == []


def test_a_compile_through_a_symlinked_dir_waits_for_one_by_its_real_name(tmp_path):
    """`-o out` where out links to real/out: the tree is swapped in real/, so the
    lock is real/'s, the one a compile of `-o real/out` holds; it used to be the
    link's folder, and the two compiles could swap at once."""
    import fcntl

    src, real = source(tmp_path), tmp_path / "real" / "out"
    real.parent.mkdir()
    link = tmp_path / "link"
    link.mkdir()
    (link / "out").symlink_to(real)
    held = os.open(real.parent, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)  # as a compile of -o real/out holds it
    try:
        second = subprocess.Popen(
            [sys.executable, "-m", "bkrdsl", "compile", str(src), "-o", str(link / "out")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = second.stderr.readline()  # blocks until it says it waits
        assert line == f"bkrc: another bkrc compile is writing in {real.parent}; waiting for it to finish\n"
        assert not real.exists() and second.poll() is None
    finally:
        os.close(held)
    _stdout, stderr = second.communicate()
    assert second.returncode == 0, stderr
    assert (real / "manifest.json").is_file() and (link / "out").is_symlink()


def test_a_file_edited_while_the_report_prints_stops_the_compile(tmp_path, monkeypatch):
    """The report may wait on its reader (a terminal paused with Ctrl-S): a
    generated file edited meanwhile stops the swap, exit 2, DIR as it was with
    the edit, and the message takes back the `wrote` line printed before."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    src.write_text(GOOD.replace("daily 01:00", "daily 01:30"))
    run_cli(["compile", src, "-o", tmp_path / "new"], expect=0)
    job = next(p for p in sorted(tree(out)) if tree(out)[p] not in (None, tree(tmp_path / "new")[p]))
    real = output.summary

    def summary(plan, *, done=False):  # as the report prints, another program edits a job
        (out / job).write_text("* my edit\n")
        return real(plan, done=done)

    monkeypatch.setattr(output, "summary", summary)
    result = run_cli(["compile", src, "-o", out], expect=2)
    assert result.stdout.startswith(f"bkrc: wrote {out}: ")
    assert result.stderr == (
        f"bkrc: {out / job} changed while bkrc was writing {out}: another program wrote in {out}, and"
        " the swap would lose what it wrote; nothing written (the `wrote` line above came before the swap,"
        " which did not happen): run the compile again once it is done\n"
    )
    assert (out / job).read_text() == "* my edit\n"
    assert not [name for name in siblings(out) if name.startswith(".out.bkrc-")]


@pytest.mark.parametrize("mode", ["--check", "--dry-run"])
def test_a_check_waits_for_a_compile_that_writes_and_answers_for_what_it_wrote(tmp_path, mode):
    """`--check` and `--dry-run` took no lock: while a compile of another source
    held DIR (a CI job of another commit), a `--check` said `up to date` of the
    tree about to be swapped out, and a pipeline went on with what the swap
    then replaced. They take the lock shared: they wait while a compile
    writes, say so, and then read what it wrote."""
    import fcntl

    src, out = source(tmp_path), tmp_path / "w" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    held = os.open(out.parent, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)  # as a compile of another source holds it
    try:
        check = subprocess.Popen(
            [sys.executable, "-m", "bkrdsl", "compile", str(src), "-o", str(out), mode],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = check.stderr.readline()  # blocks until it says it waits (it has read FILE)
        assert line == f"bkrc: another bkrc compile is writing in {out.parent}; waiting for it to finish\n"
        assert check.poll() is None
        # the compile holding the lock swaps in another source's tree
        other = tmp_path / "other" / "out"
        src.write_text(GOOD.replace("daily 01:00", "daily 01:30"))
        run_cli(["compile", src, "-o", other], expect=0)
        shutil.rmtree(out)
        os.rename(other, out)
    finally:
        os.close(held)
    stdout, stderr = check.communicate()
    if mode == "--check":
        assert check.returncode == 1, stderr
        assert f"bkrc: {out} is not up to date with {src}" in stdout + stderr
    else:
        assert check.returncode == 0, stderr
        assert " to update" in stdout and " 0 to update" not in stdout
    assert sorted(p.name for p in out.parent.iterdir()) == ["out"]  # nothing written beside DIR


@pytest.mark.parametrize("mode", ["--check", "--dry-run"])
def test_a_check_writes_nothing_beside_dir_not_even_the_folder_that_holds_it(tmp_path, mode):
    src = source(tmp_path)
    out = tmp_path / "missing" / "deeper" / "out"
    run_cli(["compile", src, "-o", out, mode], expect=1 if mode == "--check" else 0)
    assert not (tmp_path / "missing").exists()


def test_a_dry_run_lists_a_leftover_whose_process_id_was_reused_as_the_compile_removes_it(tmp_path):
    """Under the lock a compile removes every folder a killed one left (444dedb);
    the dry run, which took no lock, left out one whose process ID another
    process has, so its plan was not what the compile did. Holding the lock
    shared, it knows no compile is writing there."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    dead = tmp_path / f".out.bkrc-new-{os.getppid()}-abcdefgh"  # an ID alive, not a compile's
    dead.mkdir()
    result = run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
    assert f"1 folder a killed compile left beside {out} removed first: {dead.name}" in result.stdout
    assert dead.is_dir()  # a dry run writes nothing
    result = run_cli(["compile", src, "-o", out], expect=0)
    assert f"bkrc: removed {dead.name}, which a killed compile left beside {out}" in result.output
    assert not dead.exists()


@pytest.mark.parametrize("pid", ["dead", "reused"])
def test_check_of_a_dir_a_killed_compile_moved_aside_is_not_up_to_date(tmp_path, pid):
    """Killed between the two renames of a swap without renameat2, a compile
    leaves DIR moved aside; `--check` compared with that folder and said
    `up to date` of a DIR that was not there. It is not up to date: the
    compile puts it back."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    number = os.getppid() if pid == "reused" else 2**22 + 1  # above pid_max's default
    aside = tmp_path / f".out.bkrc-old-{number}-abcdefgh"
    os.rename(out, aside)
    result = run_cli(["compile", src, "-o", out, "--check"], expect=1)
    assert f"{out} is put back first from {aside.name}" in result.stdout
    assert f"bkrc: {out} is not up to date with {src}" in result.output
    assert not out.exists() and aside.is_dir()
    result = run_cli(["compile", src, "-o", out], expect=0)
    assert out.is_dir() and not aside.exists()
    run_cli(["compile", src, "-o", out, "--check"], expect=0)


@pytest.mark.parametrize("flags", [[], ["--dry-run"], ["--check"]])
def test_a_file_or_a_device_as_dir_is_refused_in_the_same_words(tmp_path, flags):
    """`-o notes.txt` and `-o /dev/null`: one line, bkrc's own, and the file as it was
    (click's "Invalid value for '-o'" said it for a file, bkrc's for a device)."""
    src = source(tmp_path)
    notes = tmp_path / "notes.txt"
    notes.write_text("mine\n", encoding="utf-8")
    for out in (notes, "/dev/null"):
        err = one_line(run_cli(["compile", src, "-o", out, *flags]))
        assert err == (
            f"bkrc: {out}: exists and is not a folder;"
            " -o names the folder to write (bkrc creates it when it is missing)\n"
        )
    assert notes.read_text(encoding="utf-8") == "mine\n"


# ------------------------------------------------------------ the same files in every environment
def _installed_locale(*names: str) -> str | None:
    """The first of `names` this system has (`locale -a` spells UTF-8 `utf8`)."""
    try:
        have = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout.split()
    except OSError:
        return None
    known = {n.lower().replace("-", "") for n in have}
    return next((n for n in names if n.lower().replace("-", "") in known), None)


def test_the_same_source_gives_the_same_files_in_every_environment(tmp_path):
    """with-site.bkr (it imports ./site/common) compiled from other folders (a
    relative name, `./`, `..`, a symlinked folder), under other locales (C,
    POSIX, Turkish when installed: its dotted i upper-cases otherwise), time
    zones (UTC+14), umask, hash seeds, PYTHONUTF8, SOURCE_DATE_EPOCH and
    another HOME: every file and manifest.json byte for byte the same. A file
    name with an accent, composed (as typed) or decomposed (as a macOS shell
    completes it), gives the same files too (its label was `caf_` or `cafe_`)."""
    import shutil
    import unicodedata

    work = tmp_path / "work"
    shutil.copytree(ROOT / "examples", work / "ex")
    (work / "link").symlink_to(work / "ex")
    (work / "sub" / "deeper").mkdir(parents=True)
    (work / "home").mkdir()
    for form in ("NFC", "NFD"):
        shutil.copy(work / "ex" / "with-site.bkr", work / "ex" / unicodedata.normalize(form, "caf\u00e9.bkr"))
    base = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "LC_ALL", "LANG", "TZ")}
    base.update(LC_ALL="C.UTF-8", TZ="UTC", PYTHONHASHSEED="0")
    # This checkout's bkrdsl, from whatever folder it runs in.
    base["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), base.get("PYTHONPATH")) if p)
    turkish = _installed_locale("tr_TR.UTF-8", "tr_TR.utf8")
    absolute = str(work / "ex" / "with-site.bkr")
    runs = [  # each a folder and a name of the file, with a few of the variables changed
        (absolute, "/", {}),
        ("ex/with-site.bkr", work, {"LC_ALL": "C"}),
        ("./with-site.bkr", work / "ex", {"LC_ALL": "POSIX", "PYTHONCOERCECLOCALE": "0"}),
        ("../../link/with-site.bkr", work / "sub" / "deeper", {"TZ": "Pacific/Kiritimati", "PYTHONHASHSEED": "random"}),
        (str(work / "sub" / ".." / "ex" / "." / "with-site.bkr"), "/",
         {"PYTHONUTF8": "1", "SOURCE_DATE_EPOCH": "1", "HOME": str(work / "home"), "PYTHONHASHSEED": "1", "umask": "077"}),
    ]
    if turkish:
        runs.append((absolute, "/", {"LC_ALL": turkish}))
    trees = []
    for n, (src, cwd, env) in enumerate(runs):
        env = {**base, **env}
        mask = int(env.pop("umask", "022"), 8)
        out = tmp_path / f"out{n}"
        old = os.umask(mask)
        try:
            run = subprocess.run([sys.executable, "-m", "bkrdsl", "compile", src, "-o", str(out)],
                                 cwd=cwd, env=env, capture_output=True, text=True, check=False)
        finally:
            os.umask(old)
        assert run.returncode == 0, (src, env, run.stderr)
        trees.append(tree(out))
    assert len(trees[0]) > 10
    for n, other in enumerate(trees[1:], 1):
        assert other == trees[0], runs[n]
    named = []
    for form in ("NFC", "NFD"):
        out = tmp_path / form
        name = unicodedata.normalize(form, "caf\u00e9.bkr")
        run = subprocess.run([sys.executable, "-m", "bkrdsl", "compile", name, "-o", str(out)],
                             cwd=work / "ex", env=base, capture_output=True, text=True, check=False)
        assert run.returncode == 0, run.stderr
        named.append(tree(out))
    assert named[0] == named[1]
    assert json.loads(named[0]["manifest.json"])["source"] == "caf_.bkr"


# --- h6 (stop 63)
@pytest.mark.parametrize("closed", [1, 2], ids=[">&-", "2>&-"])
@pytest.mark.parametrize("args", [["rules"], ["check", "examples/broken/prodssi.bkr"], ["--version"]])
def test_one_stream_closed_and_the_other_s_reader_gone(args, closed):
    """`bkrc rules 2>&- | head -0`: standard error closed, and the program reading
    standard output gone before bkrc says so there. Python's flush of that line
    failed at exit, which Python answers with exit 120, a code README's table does
    not have; exit 2 now (README: "Standard output or standard error closed ... is
    exit 2 before anything is done, with one line on the other stream"), the line
    unsaid, as nothing can read it."""
    read, write = os.pipe()
    os.close(read)
    other = {"stdout": write} if closed == 2 else {"stderr": write}
    try:
        run = _bkrc(args, preexec_fn=lambda: os.close(closed), **other)
    finally:
        os.close(write)
    assert run.returncode == 2


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    ("args", "stdout_full"),
    [
        (["check", "nope.bkr"], False),  # its `bkrc: nope.bkr: no such file` on standard error
        (["rules"], True),
        (["explain", "BKR221"], True),
        (["check", "examples/broken/prodssi.bkr"], True),
        (["compile", "examples/prodssi.bkr", "-o"], True),
    ],
)
def test_standard_error_that_cannot_take_a_line_is_exit_2(tmp_path, args, stdout_full):
    """`bkrc check nope.bkr 2> /dev/full`: bkrc's line on standard error failed with
    ENOSPC, and so did the internal-error line after it: Python reported the
    exception where it could not, and exited 1, which reads as "errors in the
    input" (README's table: 2 for a usage, I/O or internal error). The same with
    both streams full, where the line that says standard output cannot take the
    report fails in turn. Exit 2 now; a compile writes nothing."""
    args = [*args, tmp_path / "out"] if args[-1] == "-o" else args
    with open("/dev/full", "w") as full:
        run = _bkrc(args, stdout=full if stdout_full else subprocess.DEVNULL, stderr=full)
    assert run.returncode == 2
    assert not (tmp_path / "out").exists()


# --- h3 (stop 64): a device, a socket, a FIFO or a folder named as FILE

#: The line for a device named as FILE: it holds no source, and is not read.
NO_SOURCE = (
    "is a character device, not a .bkr file, and bkrc reads no source from one (a device holds none:"
    " /dev/null reads empty, /dev/zero never ends); name the .bkr file, or pipe its text to `-`"
)


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
@pytest.mark.parametrize(
    "command", [["check"], ["check", "--fix"], ["fmt"], ["fmt", "--check"], ["fmt", "--diff"], ["show"], ["highlight"]]
)
@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_h3_a_device_named_as_file_is_not_read(command, device):
    """`bkrc check /dev/null` read the device as an empty file: BKR110, "this file
    describes no cluster", whose help said to add one to /dev/null; `/dev/zero`
    was read to 10,000,000 bytes, then BKR020 over a line of NULs; `fmt --check
    /dev/null` passed. A device holds no source: one line, exit 2, nothing read
    (`fmt` and `check --fix` too, whose line said to read it on standard input)."""
    result = run_cli([*command, device])
    assert one_line(result) == f"bkrc: {device}: {NO_SOURCE}\n"
    assert result.stdout == ""


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_h3_a_device_named_beside_a_file_leaves_the_file_checked(tmp_path):
    """Its line, exit 2, the other FILEs still checked, as for a file not found."""
    src = source(tmp_path)
    broken = tmp_path / "broken.bkr"
    broken.write_text(GOOD.replace("workers 2", "workers x", 1))
    result = run_cli(["check", "--format", "short", "/dev/null", src, broken])
    assert result.exit_code == 2
    assert result.stderr == f"bkrc: /dev/null: {NO_SOURCE}\n"
    assert "BKR316" in result.stdout and str(src) not in result.stdout


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_h3_compile_refuses_a_device_and_writes_nothing(tmp_path):
    result = run_cli(["compile", "/dev/null", "-o", tmp_path / "out"])
    assert one_line(result) == f"bkrc: /dev/null: {NO_SOURCE}\n"
    assert not (tmp_path / "out").exists()


def test_h3_a_device_linked_to_as_file_is_not_read(tmp_path):
    """A link to a device is the device: `bkrc check cluster.bkr`, the file replaced by
    a link to /dev/null (a cleaned-out configuration), says so rather than BKR110."""
    (tmp_path / "cluster.bkr").symlink_to(os.devnull)
    result = run_cli(["check", tmp_path / "cluster.bkr"])
    assert one_line(result) == f"bkrc: {tmp_path / 'cluster.bkr'}: {NO_SOURCE}\n"


def test_h3_a_socket_named_as_file_is_not_read(tmp_path):
    """A socket cannot be opened as a file: it was `cannot read: No such device or
    address`; now what it is, and what to name instead."""
    import socket

    path = tmp_path / "s.bkr"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.bind(str(path))
        result = run_cli(["check", path])
    assert one_line(result) == (
        f"bkrc: {path}: is a socket, not a .bkr file, and bkrc reads no source from one;"
        " name the .bkr file, or pipe its text to `-`\n"
    )


def test_h3_a_fifo_named_as_file_is_still_read(tmp_path):
    """A FIFO named as FILE is read to its end, as `bkrc check <(...)` reads the pipe
    the shell names (test_check_reads_a_file_given_through_a_pipe)."""
    for path in fifo_with_writer(tmp_path / "pipe.bkr", GOOD.encode()):
        assert run_cli(["check", path], expect=0).stderr == ""


@pytest.mark.skipif(not os.path.exists("/dev/stdin"), reason="needs /dev/stdin")
def test_h3_dev_stdin_is_read_from_a_pipe_or_a_file(tmp_path):
    """`/dev/stdin` is standard input: a pipe (`cat a.bkr | bkrc check /dev/stdin`)
    or a file (`< a.bkr`), read as `-` reads it."""
    piped = _bkrc(["check", "/dev/stdin"], input=GOOD, capture_output=True, text=True)
    assert (piped.returncode, piped.stderr) == (0, "")
    src = source(tmp_path)
    with open(src) as stream:
        redirected = _bkrc(["check", "/dev/stdin"], stdin=stream, capture_output=True, text=True)
    assert (redirected.returncode, redirected.stderr) == (0, "")


@pytest.mark.skipif(not os.path.exists("/dev/stdin"), reason="needs /dev/stdin")
@pytest.mark.parametrize("name", ["/dev/stdin", "-"])
def test_h3_a_terminal_is_read_to_one_ctrl_d(name):
    """The terminal standard input is, a character device, is read (`/dev/stdin`, as
    `-`): what is typed into it, to the end of input, one Ctrl-D at a line's start
    (it took two: a read of a whole piece read on past the first)."""
    import pty

    main, child = pty.openpty()
    try:
        run = subprocess.Popen(
            [sys.executable, "-m", "bkrdsl", "check", name], cwd=ROOT, stdin=child,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for line in GOOD.splitlines():
            os.write(main, line.encode() + b"\n")
        os.write(main, b"\x04")  # Ctrl-D at a line's start: the end of input
        try:
            out, err = run.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            run.kill()
            run.communicate()
            pytest.fail("bkrc waited for a second Ctrl-D")
    finally:
        os.close(child)
        os.close(main)
    assert (run.returncode, err) == (0, ""), out + err


def test_h3_a_folder_named_as_file_is_searched_by_check_and_refused_by_compile(tmp_path):
    """`bkrc check DIR` checks the .bkr files under it (a pipeline's `bkrc check
    clusters/`); `compile` and `show` take one cluster file: their line says so."""
    (tmp_path / "clusters").mkdir()
    source(tmp_path / "clusters")
    assert run_cli(["check", tmp_path / "clusters"], expect=0).stderr == ""
    for command in (["compile", tmp_path / "clusters", "-o", tmp_path / "out"], ["show", tmp_path / "clusters"]):
        assert one_line(run_cli(command)) == f"bkrc: {tmp_path / 'clusters'}: is a directory, not a .bkr file\n"


# stop 77, h9: `-` with standard input a device, as a CI job, cron or `ssh -n` gives one
DEV_NULL_STDIN = (
    "bkrc: -: standard input is /dev/null, a character device, not a .bkr file, and bkrc reads no source"
    " from one (a device holds none: /dev/null reads empty, /dev/zero never ends); name the .bkr file,"
    " or give it one: `- < FILE`\n"
)


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
@pytest.mark.parametrize(
    "args",
    [
        ["check", "-"],
        ["check", "--format", "short", "-"],
        ["fmt", "-"],
        ["fmt", "--check", "-"],
        ["show", "-"],
        ["highlight", "-"],
        ["compile", "-", "-o"],
    ],
)
def test_dash_with_standard_input_dev_null_is_not_read(tmp_path, args):
    """A pipeline step `bkrc compile - -o out` whose pipe was left out runs with
    standard input /dev/null (CI runners, cron): `-` read it as an empty text,
    BKR110 "this file describes no cluster", whose help said to add one (exit
    1, errors in the input: an annotation on `<stdin>` with `--format github`),
    and `fmt -` printed nothing, exit 0, as `bkrc check /dev/null` did before it
    was refused (test_h3_a_device_named_as_file_is_not_read). Now the same
    refusal: one line, exit 2, nothing written."""
    args = [*args, tmp_path / "out"] if args[-1] == "-o" else args
    run = _bkrc(args, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert (run.returncode, run.stdout, run.stderr) == (2, "", DEV_NULL_STDIN)
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dash_with_standard_input_dev_zero_is_not_read():
    """`- < /dev/zero` was read to the size limit (10,000,000 bytes), then BKR020."""
    with open("/dev/zero", "rb") as zero:
        run = _bkrc(["check", "-"], stdin=zero, capture_output=True, text=True)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == DEV_NULL_STDIN.replace("/dev/null, a character device", "a character device", 1)


def test_dash_with_an_empty_pipe_or_file_is_still_read(tmp_path):
    """A pipe or a file on standard input is read as ever, empty too: an empty
    text is BKR110 (the device is refused, not the emptiness)."""
    piped = _bkrc(["check", "--format", "short", "-"], input="", capture_output=True, text=True)
    assert piped.returncode == 1 and "BKR110" in piped.stdout, piped
    empty = tmp_path / "empty.bkr"
    empty.write_text("")
    with open(empty) as stream:
        redirected = _bkrc(["check", "--format", "short", "-"], stdin=stream, capture_output=True, text=True)
    assert redirected.returncode == 1 and "BKR110" in redirected.stdout, redirected
