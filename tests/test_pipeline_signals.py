"""A pipeline's failures, part 5 (stop 82): a signal while a document is written.

Ctrl-C (SIGINT), a CI job cancelled (SIGTERM) or an ssh session lost (SIGHUP)
that arrives while bkrc writes its document (json, sarif, gitlab: `bkrc check`'s
on standard output, `compile`'s, `show`'s, `init`'s and `fmt`'s on standard error,
`bkrc show --format json`'s facts and `bkrc dialect --changes --format json`'s on
standard output) cut it: what the stream had taken of it stayed, and the run's
answer to the signal then printed the document of a run that failed after it,
so the stream held one and a half documents, which nothing parses. The first
signal now waits for the document's last byte (`bkrdsl.signals.Whole`), then is
answered as before (`bkrc: interrupted`, 130; 143; 129): one whole document;
a second signal cuts it at once, and nothing follows it.

The signal is delivered at a chosen point, with no timing: each case runs in a
child forked from one driver (tests/test_pipeline_signals.py's DRIVER, which
imports bkrc once, so that dozens of cases take seconds), whose standard output
and standard error take at most CHUNK bytes a write, as a pipe whose reader is
slow takes them; the Nth write to a stream raises the signal before it writes a
byte, as a write that a signal interrupts (EINTR) does in CPython.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import termios

import pytest
from conftest import ROOT

MINIMAL = ROOT / "examples" / "minimal.bkr"
CODES = {"SIGINT": 130, "SIGTERM": 143, "SIGHUP": 129}
WORDS = {"SIGINT": "interrupted", "SIGTERM": "terminated", "SIGHUP": "hung up"}

DRIVER = r'''
import io, json, os, signal, sys, traceback

import bkrdsl.__main__ as entry
from bkrdsl.cli import cli

for name in ("check", "compile", "show", "init", "fmt", "dialect"):
    cli.get_command(None, name)
CHUNK = 64


THEN = {}  # the case's second signal: its name, the stream and how many writes to it are left


class Slow(io.RawIOBase):
    """A stream that takes CHUNK bytes a write; the writes in `at` (their number
    on this stream) raise the case's signal first, as EINTR does, and, where the
    case has one, arm its second (`then`) for a write to the other stream."""

    def __init__(self, fd, at, signum, then=None):
        self.fd, self.at, self.signum, self.then, self.count = fd, at, signum, then, 0

    def writable(self):
        return True

    def fileno(self):
        return self.fd

    def write(self, b):
        self.count += 1
        if self.count in self.at:
            if self.then:
                THEN.update(name=self.then[0], fd=3 - self.fd, left=self.then[1])
            signal.raise_signal(self.signum)
        elif THEN.get("fd") == self.fd:
            THEN["left"] -= 1
            if THEN["left"] == 0:
                signal.raise_signal(getattr(signal, THEN.pop("name")))
        return os.write(self.fd, bytes(b[:CHUNK]))


def child(case):
    os.chdir(case["cwd"])
    for fd, name, flags in ((0, os.devnull, os.O_RDONLY), (1, "stdout", os.O_WRONLY | os.O_CREAT), (2, "stderr", os.O_WRONLY | os.O_CREAT)):
        opened = os.open(name, flags, 0o644)
        os.dup2(opened, fd)
        os.close(opened)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, even under `pytest &`
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)  # as in a login session, even under `nohup`
    signum = getattr(signal, case["signal"])
    at = {1: (), 2: ()}
    at[case["fd"]] = tuple(case["at"])
    then = case.get("then")  # [signal, n]: the other stream's nth write after the first signal raises it
    sys.stdout = io.TextIOWrapper(io.BufferedWriter(Slow(1, at[1], signum, then)), encoding="utf-8")
    sys.stderr = io.TextIOWrapper(
        io.BufferedWriter(Slow(2, at[2], signum, then)), encoding="utf-8", errors="backslashreplace", line_buffering=True
    )
    code = 0
    try:
        entry.main(case["args"])
    except SystemExit as err:
        code = err.code if isinstance(err.code, int) else 0 if err.code is None else 1
    except BaseException as err:  # what Python itself would print
        traceback.print_exc()
        code = 130 if isinstance(err, KeyboardInterrupt) else 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            code = 120
    os._exit(code)


codes = []
for case in json.load(sys.stdin):
    pid = os.fork()
    if pid == 0:
        try:
            child(case)
        finally:
            os._exit(99)
    codes.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
json.dump(codes, sys.stdout)
'''


def _run(cases) -> list[int]:
    """Each case's exit code; its streams are in its folder (`cwd`): `stdout`, `stderr`."""
    run = subprocess.run(
        [sys.executable, "-c", DRIVER], input=json.dumps(cases), capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def _broken(folder):
    broken = folder / "broken.bkr"
    broken.write_text("cluster X {\n  member\n", encoding="utf-8")
    return broken


def _table(folder):
    table = folder / "site.toml"
    table.write_bytes(subprocess.run([sys.executable, "-m", "bkrdsl", "dialect"], capture_output=True, check=True, cwd=ROOT).stdout)
    return table


def _failed(document) -> bool:
    if isinstance(document, list):  # gitlab
        return any(issue["severity"] == "critical" for issue in document)
    if "runs" in document:  # sarif
        return any(i["executionSuccessful"] is False for i in document["runs"][0].get("invocations", ()))
    return document["execution_successful"] is False


#: (id, args, format, the stream the document is on, the write to it the signal
#: interrupts): a write in the middle of the document.
DOCUMENTS = [
    ("check-json", ["check", "BROKEN"], "json", 1, 3),
    ("check-sarif", ["check", "BROKEN"], "sarif", 1, 20),
    ("check-gitlab", ["check", "BROKEN"], "gitlab", 1, 2),
    ("compile-json", ["compile", "BROKEN", "-o", "OUT"], "json", 2, 3),
    ("compile-sarif", ["compile", "BROKEN", "-o", "OUT"], "sarif", 2, 20),
    ("show-json", ["show", "BROKEN"], "json", 2, 3),
    ("show-facts", ["show", MINIMAL], "json", 1, 3),  # the facts, on standard output
    ("show-clean-json", ["show", MINIMAL], "json", 2, 3),  # the document held until after the facts
    ("init-json", ["init", "NEW", "--cluster", "P", "--member", "VMSYS1TOOLONG"], "json", 2, 3),
    ("init-gitlab", ["init", "NEW", "--cluster", "P", "--member", "VMSYS1TOOLONG"], "gitlab", 2, 2),
    ("fmt-json", ["fmt", "BROKEN"], "json", 2, 3),
    ("dialect-json", ["dialect", "--changes", "TABLE"], "json", 1, 3),
    ("compile-plan", ["compile", MINIMAL, "-o", "OUT", "--dry-run", "--plan-format", "json"], "text", 1, 3),
]
SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"]


def _case(tmp_path, n, args, fmt, fd, at, signame):
    folder = tmp_path / str(n)
    folder.mkdir()
    words = {"BROKEN": _broken(folder), "OUT": folder / "out", "NEW": folder / "new.bkr"}
    if "TABLE" in args:
        words["TABLE"] = _table(folder)
    return {
        "args": [str(words.get(a, a)) for a in args] + ["--format", fmt],
        "cwd": str(folder), "fd": fd, "at": at, "signal": signame,
    }


def _streams(case):
    from pathlib import Path

    folder = Path(case["cwd"])
    return (folder / "stdout").read_text(encoding="utf-8"), (folder / "stderr").read_text(encoding="utf-8")


def test_a_signal_while_a_document_is_written_waits_for_its_last_byte(tmp_path):
    """`bkrc check --format json a.bkr > report.json` (or any command's document),
    Ctrl-C, SIGTERM or SIGHUP arriving while the document is written: the stream
    held what it had taken of the document, then the document of a run that
    failed (`"bkrc: interrupted"`), two documents run together that no JSON
    reader parses. Now: the document whole, the one on its stream, then the
    signal answered as ever (its line on the other stream, 128 + the signal)."""
    cases = [
        _case(tmp_path, n, args, fmt, fd, [at], SIGNALS[n % 3])
        for n, (_, args, fmt, fd, at) in enumerate(DOCUMENTS)
    ]
    codes = _run(cases)
    wrong = {}
    for (name, _, _, fd, _), case, code in zip(DOCUMENTS, cases, codes, strict=True):
        out, err = _streams(case)
        line = f"bkrc: {WORDS[case['signal']]}\n"
        if name == "show-facts":  # the facts whole, then the line; the diagnostics' document says the run failed
            out = out.removesuffix(line)
            document, other = out, line + err
        else:
            document, other = (out, err) if fd == 1 else (err, out)
        try:
            json.loads(document)  # one document, whole
            if name == "show-facts":
                assert _failed(json.loads(err))
            assert "Traceback" not in out + err
            assert code == CODES[case["signal"]], code
            assert other.count(line) == 1, other
        except (AssertionError, ValueError) as failed:
            wrong[name] = repr(failed)[:300]
    assert not wrong, wrong


def test_a_second_signal_is_answered_at_once_and_no_document_follows(tmp_path):
    """A program reading the document that stopped reading, and a user or a job
    runner that insists: the second signal is answered at once (no wait for a
    reader that may never come back), and no document of a failed run follows
    the run's own (what the stream had not taken of it is flushed as bkrc exits,
    as any program's buffered output is: one document)."""
    case = _case(tmp_path, 0, ["check", "BROKEN"], "sarif", 1, [20, 21], "SIGTERM")
    (code,) = _run([case])
    out, err = _streams(case)
    assert code == 143
    assert err == "bkrc: terminated\n"
    assert out.count('"$schema"') == 1 and not _failed(json.loads(out))  # the run's own, and nothing after it


def test_a_signal_while_bkrc_answers_one_is_let_go(tmp_path):
    """Ctrl-C, SIGTERM or SIGHUP while the document is written, then another one
    while bkrc answers it (its `bkrc: terminated` line, on the other stream, or
    the failed run's document it prints there): the second cut the answer and
    had it said again, `bkrc: terminated` then `bkrc: interrupted`, exit 130, or
    click's `Aborted!` and exit 1 where it came while the group answered (stop
    82's). Now it is let go (`signals.answering`): the line once, the first
    signal's, its exit code, the document whole (stop 83)."""
    pairs = [("SIGTERM", "SIGINT"), ("SIGHUP", "SIGTERM"), ("SIGINT", "SIGHUP")]
    cases, firsts = [], []
    for n, (_, args, fmt, fd, at) in enumerate(DOCUMENTS):
        for k in (1, 2):  # the first write to the other stream after the first signal, and the next
            first, second = pairs[(n + k) % 3]
            case = _case(tmp_path, len(cases), args, fmt, fd, [at], first)
            case["then"] = [second, k]
            cases.append(case)
            firsts.append(first)
    codes = _run(cases)
    wrong = {}
    said = tuple(f"bkrc: {word}" for word in WORDS.values())
    for (name, _, _, fd, _), case, first, code in zip(
        [d for d in DOCUMENTS for _ in (1, 2)], cases, firsts, codes, strict=True
    ):
        out, err = _streams(case)
        line = f"bkrc: {WORDS[first]}\n"
        if name == "show-facts":  # the facts, then the line; the diagnostics' document on standard error
            document = out.removesuffix(line)
        else:
            document = out if fd == 1 else err
        lines = [text for text in (out + err).splitlines() if text.startswith(said)]
        try:
            json.loads(document)  # one document, whole
            assert "Traceback" not in out + err and "Aborted!" not in out + err
            assert len(lines) == 1 and lines[0].startswith(line.strip()), lines
            assert code == CODES[first], code
        except (AssertionError, ValueError) as failed:
            wrong[f"{name}-{case['then'][1]}"] = repr(failed)[:300]
    assert not wrong, wrong


def test_whole_holds_the_first_signal_and_lets_the_second_through():
    """`signals.Whole` on its own: the first signal raised when the block ends, as
    the exception bkrc's handler raises for it; a second at once, as the first's
    exception (stop 83: it was the second's)."""
    from bkrdsl.signals import HungUp, Terminated, Whole, answer

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    handlers = answer()
    try:
        with pytest.raises(Terminated), Whole():
            signal.raise_signal(signal.SIGTERM)
            reached = True  # the signal waits
        assert reached
        if hasattr(signal, "SIGHUP") and signal.SIGHUP in handlers:
            with pytest.raises(HungUp), Whole():
                signal.raise_signal(signal.SIGHUP)
        with pytest.raises(KeyboardInterrupt), Whole():
            signal.raise_signal(signal.SIGINT)
            with pytest.raises(KeyboardInterrupt):  # the second, at once
                signal.raise_signal(signal.SIGINT)
            raise KeyboardInterrupt  # the block ends as the second signal left it
        with pytest.raises(Terminated), Whole():
            signal.raise_signal(signal.SIGTERM)
            try:
                signal.raise_signal(signal.SIGINT)  # a Ctrl-C after it: at once
            except KeyboardInterrupt as err:
                second = err
            raise Terminated
        assert type(second) is Terminated  # as the SIGTERM that stopped the run
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # given back
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
        signal.signal(signal.SIGINT, previous)


def test_answering_lets_a_later_signal_go_until_the_command_ends():
    """`signals.answering` on its own: the exception answered is the first
    signal's where a second raised its own on the way (`__context__`); signals
    that come while it is answered are let go; bkrc's handlers are back once the
    outermost `Answers` ends, for a caller that runs bkrc in its own process."""
    from bkrdsl.signals import Answers, Terminated, answer, answering, put, raise_terminated

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    hung_up = signal.getsignal(signal.SIGHUP)
    handlers = answer()
    try:
        with Answers():
            with Answers():  # the group's, inside the entry point's
                try:
                    try:
                        raise Terminated  # the first signal
                    finally:
                        raise KeyboardInterrupt  # a second, on the first one's way up
                except KeyboardInterrupt as err:
                    assert isinstance(answering(err), Terminated)
                signal.raise_signal(signal.SIGINT)  # let go
                signal.raise_signal(signal.SIGTERM)
                put(signal.SIGTERM, raise_terminated)  # as `output.Commit` lets its hold go, and the group
                put(signal.SIGHUP, signal.SIG_DFL)
                signal.raise_signal(signal.SIGTERM)  # still let go: the answer is not over
                signal.raise_signal(signal.SIGHUP)
            signal.raise_signal(signal.SIGINT)  # still: the entry point answers yet
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        assert signal.getsignal(signal.SIGTERM) is raise_terminated
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_DFL  # what was put last
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
        signal.signal(signal.SIGINT, previous)
        signal.signal(signal.SIGHUP, hung_up)


def test_a_real_sigterm_while_the_reader_of_the_document_is_slow(tmp_path):
    """The same through a real pipe: `bkrc check --format json` of a file with
    200 errors (a document of some 90 KB, more than a pipe holds) whose reader
    has read nothing yet, SIGTERM sent once the pipe is full (its reader's
    FIONREAD says so: bkrc is then in the document's write, blocked or about to
    be, whatever the machine's speed), then the pipe read: one whole document,
    `bkrc: terminated`, 143. It was the first 64 KiB of the document, then the
    document of a failed run."""
    many = tmp_path / "many.bkr"
    members = "".join(f"  member VMSYSTOOLONG{n} {{ workers 2 }}\n" for n in range(200))
    many.write_text(f"cluster X {{\n{members}}}\n", encoding="utf-8")
    script = (
        "import signal, sys; signal.signal(signal.SIGTERM, signal.SIG_DFL)  # as in a shell\n"
        "from bkrdsl.__main__ import main; main(sys.argv[1:])"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, "check", str(many), "--format", "json", "--max-errors", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )
    try:
        size = fcntl.fcntl(child.stdout.fileno(), 1032)  # F_GETPIPE_SZ
        waiting = bytearray(4)
        while True:  # no timing: the pipe fills, or bkrc ended (then the test fails below)
            fcntl.ioctl(child.stdout.fileno(), termios.FIONREAD, waiting)
            if int.from_bytes(waiting, sys.byteorder) >= size or child.poll() is not None:
                break
            os.sched_yield()
        child.send_signal(signal.SIGTERM)
        out, err = child.communicate()
    finally:
        child.kill()
    assert len(out) > size, len(out)
    document = json.loads(out)  # whole, and alone
    assert document["error_count"] >= 200
    assert err == b"bkrc: terminated\n"
    assert child.returncode == 143
