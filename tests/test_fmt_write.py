"""How `bkrc fmt FILE...` replaces files, and what Ctrl-C does to it.

A file is replaced in one step (a temporary file beside it, flushed to disk,
renamed over it), keeping its mode and owner. Wherever an error or a Ctrl-C
lands, each file holds exactly its old text or exactly its new one, nothing is
left beside it, and a file is never rewritten without its "reformatted" line.
Ctrl-C exits 130 and names the files rewritten before it.

Interrupts are delivered as in tests/test_compile_interrupt.py: a wrapped step
calls `signal.raise_signal(SIGINT)`, which is what a Ctrl-C at that moment does.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import tempfile

import pytest
from conftest import run_cli
from test_compile_interrupt import (
    after_call,
    interrupted_after_first_replace,
    python_answers_ctrl_c,  # noqa: F401 (an autouse fixture)
)

import bkrdsl.fmt
from bkrdsl import output

UGLY = "cluster c {\nmember m { workers 1 }\n\n\n}\n"
PRETTY = "cluster C {\n  member M { workers 1 }\n}\n"


@pytest.fixture
def three(tmp_path):
    """Three files that need formatting, in a folder of their own."""
    paths = [tmp_path / f"{name}.bkr" for name in "abc"]
    for path in paths:
        path.write_text(UGLY)
    return paths


def texts(paths) -> list[str]:
    return [path.read_text() for path in paths]


def folder(path) -> list[str]:
    """Every name in the file's folder: a temporary file left behind shows here."""
    return sorted(p.name for p in path.parent.iterdir())


def raise_at(monkeypatch, owner, name: str, nth: int, error: BaseException) -> None:
    """Make the nth call of owner.name raise `error` instead of running."""
    real = getattr(owner, name)
    calls = []

    def wrapped(*args, **kwargs):
        calls.append(args)
        if len(calls) == nth:
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, wrapped)


def assert_interrupted(result, rewritten) -> None:
    assert result.exit_code == 130, result.output
    assert "Aborted!" not in result.output
    if rewritten:
        names = ", ".join(str(p) for p in rewritten)
        last = f"bkrc: interrupted; rewritten before it: {names}; every other file is as it was"
        assert last in result.stderr
    else:
        assert "bkrc: interrupted; no file was changed" in result.stderr
    assert result.stderr.count("reformatted") == len(rewritten)
    for path in rewritten:
        assert f"reformatted {path}\n" in result.stderr


# ------------------------------------------------------------------ the write
def test_a_kill_9_leaves_a_temporary_file_named_with_its_process_id(tmp_path):
    """Only a kill that allows no clean-up leaves the temporary file; its name says
    which process wrote it, so that it can be told from a running bkrc's and removed
    (docs/fmt.md). The file beside it is as it was."""
    path = tmp_path / "a.bkr"
    path.write_text(UGLY)
    killed = (
        "import os, signal, sys\n"
        "from bkrdsl import output\n"
        "from bkrdsl.cli import main\n"
        "output.os.replace = lambda *args: os.kill(os.getpid(), signal.SIGKILL)\n"
        "print(os.getpid(), flush=True)\n"
        "main(['fmt', sys.argv[1]])\n"
    )
    child = subprocess.run([sys.executable, "-c", killed, str(path)], capture_output=True, text=True, check=False)
    assert child.returncode == -signal.SIGKILL, child.stderr
    (left,) = [name for name in folder(path) if name != "a.bkr"]
    assert left.startswith(f".bkrc-fmt-{child.stdout.strip()}-") and left.endswith(".tmp")
    assert path.read_text() == UGLY
    assert (tmp_path / left).read_text() == PRETTY


def test_the_new_text_is_on_disk_before_it_replaces_the_old(tmp_path, monkeypatch):
    """Flushed, then renamed, then the folder flushed: after a crash the file
    holds the old text or the new one, never an empty or short file."""
    path = tmp_path / "a.bkr"
    path.write_text(UGLY)
    steps = []
    for name in ("fsync", "replace"):
        real = getattr(os, name)

        def wrapped(*args, _real=real, _name=name):
            steps.append(_name)
            return _real(*args)

        monkeypatch.setattr(output.os, name, wrapped)
    run_cli(["fmt", path], expect=0)
    assert steps == ["fsync", "replace", "fsync"]
    assert path.read_text() == PRETTY


@pytest.mark.parametrize("mode", [0o444, 0o464, 0o4555], ids=lambda mode: f"{mode:04o}")
def test_a_file_its_owner_may_not_write_is_left_as_it_is(three, mode):
    """The mode bit decides, not `os.access` (which says yes to root, as in CI):
    renaming over a read-only file would replace it whenever its folder is
    writable. The other files are formatted; the run exits 2."""
    three[1].chmod(mode)
    try:
        result = run_cli(["fmt", *three], expect=2)
        assert stat.S_IMODE(os.stat(three[1]).st_mode) == mode
    finally:
        three[1].chmod(0o644)
    assert texts(three) == [PRETTY, UGLY, PRETTY]
    assert folder(three[0]) == ["a.bkr", "b.bkr", "c.bkr"]
    assert result.stderr == (
        f"reformatted {three[0]}\n"
        f"bkrc: {three[1]}: cannot write: the file is read-only (mode {mode:04o}), so bkrc leaves it as it is;"
        " make it writable (`chmod u+w`) to let bkrc change it\n"
        f"reformatted {three[2]}\n"
    )


def test_a_read_only_link_target_is_left_as_it_is(tmp_path):
    target = tmp_path / "a.bkr"
    target.write_text(UGLY)
    target.chmod(0o444)
    link = tmp_path / "link.bkr"
    link.symlink_to(target)
    result = run_cli(["fmt", link], expect=2)
    assert f"bkrc: {link}: cannot write: the file is read-only (mode 0444)" in result.stderr
    assert target.read_text() == UGLY and link.is_symlink()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_the_owner_group_and_mode_are_kept(tmp_path):
    path = tmp_path / "a.bkr"
    path.write_text(UGLY)
    os.chown(path, 4321, 4322)
    path.chmod(0o4750)
    run_cli(["fmt", path], expect=0)
    after = os.stat(path)
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (4321, 4322, 0o4750)
    assert path.read_text() == PRETTY


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_an_error_leaves_the_file_as_it_was_and_nothing_beside_it(tmp_path, monkeypatch, step):
    path = tmp_path / "a.bkr"
    path.write_text(UGLY)
    raise_at(monkeypatch, output.os, step, 1, OSError(errno.EIO, "Input/output error"))
    result = run_cli(["fmt", path], expect=2)
    assert f"bkrc: {path}: cannot write: Input/output error" in result.stderr
    assert path.read_text() == UGLY and folder(path) == ["a.bkr"]


# ------------------------------------------------------------------ Ctrl-C
def test_ctrl_c_while_a_file_is_formatted_stops_before_it(three, monkeypatch):
    """The second file is being parsed: the first is rewritten, the others untouched."""
    after_call(monkeypatch, bkrdsl.fmt, "format_bytes", 2)
    result = run_cli(["fmt", *three])
    assert folder(three[0]) == ["a.bkr", "b.bkr", "c.bkr"]
    assert texts(three) == [PRETTY, UGLY, UGLY]
    assert_interrupted(result, three[:1])


def test_ctrl_c_under_json_keeps_the_document_all_of_standard_error(three, monkeypatch):
    """--format json: bkrc's lines on standard output, the document on standard error."""
    import json

    after_call(monkeypatch, bkrdsl.fmt, "format_bytes", 2)
    result = run_cli(["fmt", "--format", "json", *three])
    assert result.exit_code == 130
    assert texts(three) == [PRETTY, UGLY, UGLY]
    document = json.loads(result.stderr)
    assert document["diagnostics"] == []
    said = f"bkrc: interrupted; rewritten before it: {three[0]}; every other file is as it was"
    assert result.stdout == f"reformatted {three[0]}\n{said}\n"
    # Exit 130: the document says the run failed, and why (it said a clean run's).
    assert document["execution_successful"] is False and document["failures"] == [said]


@pytest.mark.parametrize(
    ("owner", "step"), [(tempfile, "mkstemp"), (output.os, "fsync"), (output.os, "replace")]
)
def test_ctrl_c_while_a_file_is_replaced_finishes_that_file_then_stops(three, monkeypatch, owner, step):
    """Held back until the file is replaced and reported: the second file is
    rewritten and named, the third is untouched, no temporary file is left."""
    after_call(monkeypatch, owner, step, 3 if step == "fsync" else 2)  # fsync: file and folder each
    result = run_cli(["fmt", *three])
    assert folder(three[0]) == ["a.bkr", "b.bkr", "c.bkr"]
    assert texts(three) == [PRETTY, PRETTY, UGLY]
    assert_interrupted(result, three[:2])


def test_ctrl_c_while_the_report_is_printed(three, monkeypatch):
    import click

    after_call(monkeypatch, click, "echo", 1, before=True)
    result = run_cli(["fmt", *three])
    assert texts(three) == [PRETTY, UGLY, UGLY]
    assert_interrupted(result, three[:1])


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_keyboard_interrupt_inside_a_step_leaves_the_file_as_it_was(three, monkeypatch, step):
    """Where Ctrl-C is not held back (not the main thread, or a program's own
    handler), it can land inside the write: that file stays as it was."""
    raise_at(monkeypatch, output.os, step, 3 if step == "fsync" else 2, KeyboardInterrupt())
    result = run_cli(["fmt", *three])
    assert folder(three[0]) == ["a.bkr", "b.bkr", "c.bkr"]
    assert texts(three) == [PRETTY, UGLY, UGLY]
    assert_interrupted(result, three[:1])


def test_a_ctrl_c_while_the_temporary_file_is_removed_does_not_leave_it(three, monkeypatch):
    """The rename failed and the temporary file is being removed when Ctrl-C comes."""
    raise_at(monkeypatch, output.os, "replace", 1, OSError(errno.EIO, "Input/output error"))
    after_call(monkeypatch, output.os, "unlink", 1, before=True)
    result = run_cli(["fmt", *three])
    assert folder(three[0]) == ["a.bkr", "b.bkr", "c.bkr"]
    assert f"bkrc: {three[0]}: cannot write: Input/output error" in result.stderr
    assert texts(three) == [UGLY, UGLY, UGLY]
    assert_interrupted(result, [])


def test_ctrl_c_with_check_changes_nothing(three, monkeypatch):
    after_call(monkeypatch, bkrdsl.fmt, "format_bytes", 2)
    result = run_cli(["fmt", "--check", *three])
    assert texts(three) == [UGLY, UGLY, UGLY]
    assert_interrupted(result, [])


def test_the_interrupt_handler_is_given_back(three, monkeypatch):
    run_cli(["fmt", *three], expect=0)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_real_sigint_through_the_console_entry_point(three):
    run = interrupted_after_first_replace("fmt", *three)
    assert folder(three[0]) == ["a.bkr", "b.bkr", "c.bkr"]
    assert run.returncode == 130, run.stderr
    assert run.stderr.splitlines() == [
        f"reformatted {three[0]}",
        f"bkrc: interrupted; rewritten before it: {three[0]}; every other file is as it was",
    ]
    assert texts(three) == [PRETTY, UGLY, UGLY]


# ------------------------------------------------------------------ hard links
def backups(path) -> list[str]:
    return [name for name in folder(path) if name.startswith(".bkrc-fmt-backup-")]


@pytest.mark.parametrize("via", ["name", "symlink"])
def test_a_file_with_other_hard_links_gets_the_new_text_under_every_name(tmp_path, via):
    """A rename would give the name given a new file and leave the old text under
    the other: the file is written in place, stays one file, keeps its mode,
    and no backup is left. Named through a symbolic link, the link stays one."""
    path = tmp_path / "a.bkr"
    path.write_text(UGLY)
    path.chmod(0o640)
    other = tmp_path / "deployed.bkr"
    os.link(path, other)
    inode = path.stat().st_ino
    named = path
    if via == "symlink":
        named = tmp_path / "link.bkr"
        named.symlink_to(path)
    result = run_cli(["fmt", named], expect=0)
    assert result.stderr == f"reformatted {named}\n"
    assert path.read_text() == other.read_text() == PRETTY
    after = path.stat()
    assert (after.st_ino, after.st_nlink, stat.S_IMODE(after.st_mode)) == (inode, 2, 0o640)
    assert named.is_symlink() == (via == "symlink")
    assert backups(path) == []


def half_then(error: OSError, failing: set[int]):
    """An os.write whose calls numbered in `failing` write half of what they are
    given and then raise `error` (a disk that fills up in the middle)."""
    real, calls = os.write, []

    def write(fd, data):
        calls.append(fd)
        if len(calls) in failing:
            real(fd, bytes(data[: len(data) // 2]))
            raise error
        return real(fd, data)

    return write


def test_a_failed_write_in_place_puts_the_old_text_back(tmp_path, monkeypatch):
    """The first write is the backup's, the second the new text's, which fails half
    way: the old text is written back, the backup removed, the error plain."""
    path = tmp_path / "a.bkr"
    path.write_text(UGLY)
    os.link(path, tmp_path / "b.bkr")
    monkeypatch.setattr(output.os, "write", half_then(OSError(errno.ENOSPC, "No space left on device"), {2}))
    result = run_cli(["fmt", path], expect=2)
    assert result.stderr == f"bkrc: {path}: cannot write: No space left on device\n"
    assert path.read_text() == UGLY and folder(path) == ["a.bkr", "b.bkr"]


def test_a_write_in_place_that_cannot_be_undone_names_the_backup(tmp_path, monkeypatch):
    """The new text and then the old one fail half way: the file is half written,
    and the error names the backup, which holds the old text."""
    path = tmp_path / "a.bkr"
    path.write_text(UGLY)
    os.link(path, tmp_path / "b.bkr")
    full = OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(output.os, "write", half_then(full, {2, 3}))
    result = run_cli(["fmt", path], expect=2)
    (backup,) = backups(path)
    assert (tmp_path / backup).read_text() == UGLY
    assert stat.S_IMODE((tmp_path / backup).stat().st_mode) == 0o600
    assert result.stderr == (
        f"bkrc: {path}: cannot write: No space left on device; the file may be half written:"
        f" its text before is in {tmp_path / backup} (No space left on device)\n"
    )


def test_a_backup_the_folder_will_not_let_go_is_named(tmp_path, monkeypatch):
    """A folder made append-only (`chattr +a`) lets bkrc create the backup, not
    remove it: the file is written, and a warning names the backup."""
    path = tmp_path / "a.bkr"
    path.write_text(UGLY)
    os.link(path, tmp_path / "b.bkr")
    raise_at(monkeypatch, output.os, "unlink", 1, PermissionError(errno.EPERM, "Operation not permitted"))
    result = run_cli(["fmt", path], expect=0)
    (backup,) = backups(path)
    assert result.stderr == (
        f"reformatted {path}\nbkrc: warning: the temporary file {tmp_path / backup} could not be removed"
        " (Operation not permitted): remove it by hand\n"
    )
    assert path.read_text() == PRETTY


def test_a_kill_9_while_a_file_is_written_in_place_leaves_its_old_text_in_the_backup(tmp_path):
    path = tmp_path / "a.bkr"
    path.write_text(UGLY)
    os.link(path, tmp_path / "b.bkr")
    killed = (
        "import os, signal, sys\n"
        "from bkrdsl import output\n"
        "from bkrdsl.cli import main\n"
        "output.os.ftruncate = lambda *args: os.kill(os.getpid(), signal.SIGKILL)\n"
        "print(os.getpid(), flush=True)\n"
        "main(['fmt', sys.argv[1]])\n"
    )
    child = subprocess.run([sys.executable, "-c", killed, str(path)], capture_output=True, text=True, check=False)
    assert child.returncode == -signal.SIGKILL, child.stderr
    (backup,) = backups(path)
    assert backup.startswith(f".bkrc-fmt-backup-{child.stdout.strip()}-") and backup.endswith(".tmp")
    assert (tmp_path / backup).read_text() == UGLY


LINKED = (
    "it has 2 hard links, so bkrc writes it in place, after a backup of its old text beside it"
    " (which holds it, should the write be cut short)"
)
RENAMED = "bkrc writes its new text to a temporary file beside it and renames that over it"


@pytest.mark.parametrize("links", [2, 1])
def test_a_folder_that_lets_no_file_be_created_is_named_and_the_file_left_as_it_was(
    tmp_path, monkeypatch, links
):
    """The backup of a file with other hard links, or the temporary file renamed over
    one without, goes beside it: where the folder refuses it (no write permission,
    as a user other than root), the error says so in the folder's terms (the
    OSError alone, "Permission denied", reads as the file's, which is writable),
    before the file is touched. A backup elsewhere (/tmp, which a reboot may
    empty) would not be where the user looks after a kill in the middle."""
    path = tmp_path / "a.bkr"
    path.write_text(UGLY)
    if links == 2:
        os.link(path, tmp_path / "b.bkr")
    denied = PermissionError(errno.EACCES, "Permission denied")
    if links == 2:
        raise_at(monkeypatch, output, "_new_temp", 1, denied)
    else:
        raise_at(monkeypatch, tempfile, "mkstemp", 1, denied)
    result = run_cli(["fmt", path], expect=2)
    how = LINKED if links == 2 else RENAMED
    assert result.stderr == (
        f"bkrc: {path}: cannot write: {how}, and no file can be created in {tmp_path} (Permission denied);"
        f" the file is as it was: let bkrc create files in {tmp_path}\n"
    )
    assert path.read_text() == UGLY and folder(path) == ["a.bkr", "b.bkr"][:links]


@pytest.mark.parametrize("links", [2, 1])
def test_an_immutable_folder_is_named_with_its_chattr(tmp_path, links):
    """`chattr +i` on the folder: root may write the file, not create one beside it."""
    home = tmp_path / "site"
    home.mkdir()
    path = home / "a.bkr"
    path.write_text(UGLY)
    if links == 2:
        os.link(path, tmp_path / "deployed.bkr")
    if os.geteuid() != 0:
        pytest.skip("only root may make a folder immutable")
    done = subprocess.run(["chattr", "+i", home], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"chattr failed: {done.stderr.decode().strip()}")
    try:
        result = run_cli(["fmt", path], expect=2)
    finally:
        subprocess.run(["chattr", "-i", home], check=True)
    how = LINKED if links == 2 else RENAMED
    assert result.stderr == (
        f"bkrc: {path}: cannot write: {how}, and {home} is immutable (`chattr +i`): nothing can be created"
        f" in it; the file is as it was: let bkrc create files in {home}\n"
    )
    assert path.read_text() == UGLY and folder(path) == ["a.bkr"]


def test_ctrl_c_while_a_file_is_written_in_place_finishes_that_file_then_stops(three, monkeypatch):
    for path in three:
        os.link(path, path.with_suffix(".linked"))
    after_call(monkeypatch, output.os, "ftruncate", 2)
    result = run_cli(["fmt", *three])
    assert texts(three) == [PRETTY, PRETTY, UGLY]
    assert texts(path.with_suffix(".linked") for path in three) == [PRETTY, PRETTY, UGLY]
    assert backups(three[0]) == []
    assert_interrupted(result, three[:2])


# stop 72, h7: a file another program writes while bkrc works on it is left as that program left it
EDITED = UGLY + "# saved by an editor while bkrc worked\n"
CHANGED = (
    "cannot write: the file changed after bkrc read it (another program, an editor, wrote it meanwhile),"
    " and bkrc's new text, made from the old one, would undo that change; the file is as"
    " that program left it: run the command again"
)


def saved_meanwhile(monkeypatch, owner, name: str, path, save) -> None:
    """Make owner.name (the step that works out a file's new text) run `save(path)`
    first when it works on `path`: another program writing the file meanwhile."""
    real = getattr(owner, name)

    def wrapped(name_or_text, *args, **kwargs):
        if str(path) in str(name_or_text) or path.name in str(args):
            save(path)
        return real(name_or_text, *args, **kwargs)

    monkeypatch.setattr(owner, name, wrapped)


def in_place(path) -> None:
    path.write_text(EDITED)  # the same file, written over (`cat >`, most editors' save)


def by_rename(path) -> None:
    new = path.with_name(".new")  # an editor that saves by renaming a new file over it
    new.write_text(EDITED)
    os.replace(new, path)


def removed(path) -> None:
    path.unlink()


@pytest.mark.parametrize("save", [in_place, by_rename, removed])
def test_fmt_leaves_a_file_changed_while_it_was_formatted_as_the_other_program_left_it(three, monkeypatch, save):
    """The formatted text comes from the text read: written over a change made since,
    it would undo that change. The file is left as it is now (or gone), the others
    are formatted, nothing is left beside them, and the run exits 2."""
    saved_meanwhile(monkeypatch, bkrdsl.fmt, "format_bytes", three[1], save)
    result = run_cli(["fmt", *three], expect=2)
    assert result.stderr == f"reformatted {three[0]}\nbkrc: {three[1]}: {CHANGED}\nreformatted {three[2]}\n"
    if save is removed:
        assert not three[1].exists() and folder(three[0]) == ["a.bkr", "c.bkr"]
    else:
        assert texts(three) == [PRETTY, EDITED, PRETTY] and folder(three[0]) == ["a.bkr", "b.bkr", "c.bkr"]


def test_fmt_of_a_file_with_other_hard_links_changed_meanwhile_writes_nothing(tmp_path, monkeypatch):
    """Written in place (it has other hard links): the change is seen before the
    backup is made, so every name shows the other program's text, and no backup is left."""
    path = tmp_path / "a.bkr"
    path.write_text(UGLY)
    other = tmp_path / "deployed.bkr"
    os.link(path, other)
    saved_meanwhile(monkeypatch, bkrdsl.fmt, "format_bytes", path, in_place)
    result = run_cli(["fmt", path], expect=2)
    assert result.stderr == f"bkrc: {path}: {CHANGED}\n"
    assert path.read_text() == other.read_text() == EDITED
    assert backups(path) == [] and path.stat().st_nlink == 2


def test_fmt_of_an_unchanged_file_still_rewrites_it(tmp_path):
    """The look before the rename passes a file nobody else wrote (the control of the
    tests above): the same command, nothing saved meanwhile, formats it."""
    path = tmp_path / "a.bkr"
    path.write_text(UGLY)
    assert run_cli(["fmt", path], expect=0).stderr == f"reformatted {path}\n"
    assert path.read_text() == PRETTY


@pytest.mark.parametrize("save", [in_place, by_rename])
def test_check_fix_leaves_a_file_changed_while_its_fixes_were_worked_out(tmp_path, monkeypatch, save):
    """--fix writes through the same replace: a file saved while its fixes were worked
    out (ten rounds of checks, on a large file seconds) is not written (exit 2); it is
    reported as it was read, and its summary line says `not written`."""
    from test_check_fix_interrupt import BROKEN

    from bkrdsl import fixes

    path = tmp_path / "a.bkr"
    path.write_text(BROKEN, encoding="utf-8")
    edited = BROKEN + "# saved by an editor while bkrc worked\n"
    saved_meanwhile(monkeypatch, fixes, "fix_all", path, lambda p: p.write_text(edited, encoding="utf-8"))
    result = run_cli(["check", "--fix", path], expect=2)
    assert f"bkrc: {path}: {CHANGED}\n" in result.stderr
    assert result.stderr.splitlines()[-1] == f"{path}: not written; remaining: 1 error (BKR012)"
    assert path.read_text(encoding="utf-8") == edited
    assert folder(path) == ["a.bkr"]
