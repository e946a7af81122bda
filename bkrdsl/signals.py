"""SIGTERM and SIGHUP answered as Ctrl-C is: `Terminated` and `HungUp`, and the handlers that raise them.

Its own small module, so that `bkrc` can install the handlers (`answer`) as the
first thing its entry point does (`bkrdsl/__main__.py`), before click and
`bkrdsl.cli` are imported, and every command again (`bkrdsl/cli/__init__.py`,
for a caller that runs the group without that entry point), without importing
`bkrdsl.output`, whose `Commit` holds them back as it holds Ctrl-C back.

Once bkrc answers a signal (its `bkrc: terminated` line, the document of a run
that failed), a later one is let go (`answering`): it would cut the answer and
start it again, so that the line came twice and the exit code was the later
signal's (stop 83).
"""

from __future__ import annotations

from typing import Self


class Terminated(KeyboardInterrupt):
    """SIGTERM (`kill`, `timeout`, a CI job cancelled, `docker stop`), raised by
    `raise_terminated` where Python would just die: bkrc then tidies up as for
    Ctrl-C (no temporary folder or file left behind) and exits 143."""


def raise_terminated(signum, frame) -> None:
    """The SIGTERM handler `bkrc` installs (see `Terminated`)."""
    raise Terminated


class HungUp(Terminated):
    """SIGHUP (the terminal or the ssh connection a deploy step runs `bkrc` over
    dropped), raised by `raise_hung_up`: tidied up as SIGTERM is, with exit 129
    (128 + SIGHUP). Python's default would die at once, leaving the temporary
    folder beside DIR as a kill does."""


def raise_hung_up(signum, frame) -> None:
    """The SIGHUP handler `bkrc` installs (see `HungUp`)."""
    raise HungUp


def answer() -> dict:
    """Install `raise_terminated` for SIGTERM and `raise_hung_up` for SIGHUP where
    the signal has its default action (or one of these handlers already: the
    entry point put it in place), never where it is ignored (`nohup`) or handled
    by another; in another thread than the main one, none (Python sets a handler
    only there). Returns the handlers to put back, by signal: the default, for
    each signal this call answers."""
    import signal

    previous: dict = {}
    answers = [(signal.SIGTERM, raise_terminated)]
    if hasattr(signal, "SIGHUP"):  # not on Windows
        answers.append((signal.SIGHUP, raise_hung_up))
    for signum, handler in answers:
        if signal.getsignal(signum) in (signal.SIG_DFL, handler):
            try:
                signal.signal(signum, handler)
            except ValueError:  # not the main thread
                break
            previous[signum] = signal.SIG_DFL
    return previous


def raised(signum: int) -> KeyboardInterrupt:
    """The exception bkrc's handler raises for `signum`: KeyboardInterrupt for
    SIGINT, `Terminated` for SIGTERM, `HungUp` for SIGHUP."""
    import signal

    if signum == getattr(signal, "SIGHUP", None):
        return HungUp()
    return Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


class Whole:
    """Hold Ctrl-C, SIGTERM and SIGHUP back while a document (json, sarif, gitlab)
    is written, so that a signal cannot cut it and leave half a document, which
    no program parses, followed by the interrupted run's: the first signal waits
    until the document is written (a few milliseconds, the stream taking it) and
    is then raised as it would have been (`raised`), the document printed whole;
    a second one, of any of them, is raised at once (the program reading the
    document stopped reading, and the user or the job runner insists), as the
    first one's exception: what was written of it stays, nothing after it. Only the handlers bkrc installs
    (Python's for SIGINT, `raise_terminated`, `raise_hung_up`) are replaced,
    and only in the main thread (elsewhere none is held). An exception from the
    write (a standard output that cannot take it) goes on as it is; the held
    signal then goes with it, the run already failing."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self._previous: dict = {}

    def _note(self, signum, frame) -> None:
        if self.signum is not None:
            # The second cuts the document; the run is answered as the first
            # signal, which stopped it (exit 143 for a SIGTERM, then a Ctrl-C).
            self._release()
            raise raised(self.signum)
        self.signum = signum

    def __enter__(self) -> Self:
        import signal

        ours = [(signal.SIGINT, signal.default_int_handler), (signal.SIGTERM, raise_terminated)]
        if hasattr(signal, "SIGHUP"):
            ours.append((signal.SIGHUP, raise_hung_up))
        for signum, handler in ours:
            if signal.getsignal(signum) is handler:
                try:
                    self._previous[signum] = signal.signal(signum, self._note)
                except ValueError:  # not the main thread
                    break
        return self

    def _release(self) -> None:
        for signum, previous in self._previous.items():
            put(signum, previous)
        self._previous = {}

    def __exit__(self, kind, value, traceback) -> None:
        self._release()
        if kind is None and self.signum is not None:
            raise raised(self.signum)


#: What `answering` replaced, by signal, while bkrc answers a signal: put back by
#: `Answers` once the outermost part of bkrc that runs the command ends.
_dropped: dict = {}
#: Whether bkrc answers a signal (`answering`), until `over`.
_answering = False
#: How many `Answers` scopes are open (the entry point's, the group's).
_depth = 0


def _drop(signum, frame) -> None:
    """A signal that comes while bkrc answers one (`answering`): let go; the
    answer goes on, said once, and the exit code is the first signal's."""


def first(err: BaseException) -> BaseException:
    """The signal's exception that began it all: the earliest interrupt on the
    chain of exceptions `err` was raised while handling (`__context__`), for a
    signal that came while the first one's exception was on its way up (in a
    `finally`, an `__exit__`) and raised its own; `err` itself when there is none."""
    found, seen = err, set()
    at: BaseException | None = err
    while at is not None and id(at) not in seen:
        seen.add(id(at))
        if isinstance(at, KeyboardInterrupt):
            found = at
        at = at.__context__
    return found


def answering(err: BaseException | None = None) -> BaseException | None:
    """bkrc begins to answer a signal (Ctrl-C, SIGTERM, SIGHUP): from here to
    the end of the command (`Answers`), SIGINT, SIGTERM and SIGHUP are let go
    (`_drop`) where bkrc's own handler answers them, so that a second one, which
    raised its exception in the middle of the answer and had it said again,
    leaves it whole: one `bkrc: terminated` line, one document, the first
    signal's exit code. Letting it go loses nothing: the run already ends, as
    the first signal asked. Returns `first(err)`, the exception of the signal
    answered."""
    import signal
    import threading

    global _answering
    # Not in another thread than the main one, where no handler is set (nor signal
    # received), nor outside the parts that put the handlers back (a command run alone).
    if _depth and threading.current_thread() is threading.main_thread():
        _answering = True
    if not _answering:
        return None if err is None else first(err)
    for signum, handler in _ours():
        if signal.getsignal(signum) is handler:
            _dropped[signum] = signal.signal(signum, _drop)
    return None if err is None else first(err)


def _ours() -> list:
    """(signal, the handler bkrc answers it with), for SIGINT, SIGTERM and SIGHUP."""
    import signal

    ours = [(signal.SIGINT, signal.default_int_handler), (signal.SIGTERM, raise_terminated)]
    if hasattr(signal, "SIGHUP"):
        ours.append((signal.SIGHUP, raise_hung_up))
    return ours


def put(signum: int, handler) -> None:
    """Put `handler` back for `signum`, as a caller does once its part is done (the
    group, `Whole`, `output.Commit`, which hold signals back); while bkrc answers
    a signal (`answering`), one of bkrc's own handlers, or the default, only once
    that answer is over (`Answers`), the signal let go until then, so that a last
    one cannot cut it (nor end bkrc with another exit code)."""
    import signal

    ours = dict(_ours())
    if _answering and signum in ours and handler in (ours[signum], signal.SIG_DFL):
        _dropped[signum] = handler
        signal.signal(signum, _drop)
    else:
        _dropped.pop(signum, None)
        signal.signal(signum, handler)


class Answers:
    """The parts of bkrc that run a command (the entry point, the group, which
    may run alone), so that what `answering` replaced is put back once the
    outermost one ends, for a caller that runs bkrc in its own process and goes
    on (a test, a program that calls the group)."""

    def __enter__(self) -> Self:
        global _depth
        _depth += 1
        return self

    def __exit__(self, *exc) -> None:
        global _depth
        _depth -= 1
        over()


def over() -> None:
    """Put back what `answering` replaced, outside every `Answers` (bkrc's entry
    point calls it last, for a signal answered before the group ran)."""
    global _answering
    if _depth:
        return
    _answering = False
    import signal

    for signum, handler in _dropped.items():
        if signal.getsignal(signum) is _drop:
            signal.signal(signum, handler)
    _dropped.clear()
