"""When the language server's cyclic garbage collector runs: between requests, not in them.

A request's time used to depend on where Python's full collections fell: the
server keeps hundreds of thousands of objects alive (the open documents'
analyses, the workspace's files analysed from disk, the parsed modules), and a
full collection walks them all, 70 to 240 ms, in whatever request happened to
allocate the object that set it off. Reference counting frees nearly all the
server's garbage (its analyses make no reference cycles; a session of 200
edits leaves a few hundred objects in cycles), so the collector has little to
find and the walk is almost pure cost. docs/lsp.md ("Where the garbage
collector runs") has the measurements that chose this policy.

While the server serves (`Collector.start`, called by `bkrc lsp`):

* the collector is off, so no collection falls in a request or a re-check;
* what is alive at start-up, and what survives each collection, is frozen
  (`gc.freeze`): it leaves the generations the collector walks, so a later
  collection walks only what was allocated since;
* when no message has come for `idle` seconds, one collection of what is not
  frozen, then a freeze; a full one (everything, frozen or not, then frozen
  again) when the frozen objects have grown by a quarter since the last full
  one: CPython's own rule for its full collections, so garbage that became
  unreachable after it was frozen is found as surely as Python finds it;
* if messages never stop, the same collection runs at the start of the
  message that finds more than `ceiling` objects allocated (less those freed)
  since the last one: memory cannot grow without bound.

Nothing here imports pygls: the server calls `busy` when a message comes and
`rest` when it has been handled (and after a debounced re-check).
"""

from __future__ import annotations

import asyncio
import gc

#: Seconds without a message before the server collects.
IDLE = 1.0
#: Objects allocated, less those freed, since the last collection that make
#: the server collect even while messages keep coming: about twice what the
#: server keeps alive for bench/lsp_requests_bench.py's workspace (510,000).
CEILING = 1_000_000
#: How much the frozen objects may grow, as a share of what a full collection
#: left, before the next collection is a full one (CPython's own threshold).
GROWTH = 0.25


class Collector:
    """The server's collection policy (see the module's docstring)."""

    def __init__(self, idle: float = IDLE, ceiling: int = CEILING, growth: float = GROWTH) -> None:
        self.idle = idle
        self.ceiling = ceiling
        self.growth = growth
        self.running = False
        self.collections = 0  # how many collections ran, full ones included
        self.full_collections = 0
        self._was_enabled = True
        self._after_full = 0  # frozen objects after the last full collection
        self._timer: asyncio.TimerHandle | None = None

    def start(self) -> None:
        """Collect once, freeze what is alive, and turn the automatic collector off."""
        if self.running:
            return
        self.running = True
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._full()

    def stop(self) -> None:
        """Everything back as it was before `start` (the frozen objects too)."""
        if not self.running:
            return
        self.running = False
        self._cancel()
        gc.unfreeze()
        if self._was_enabled:
            gc.enable()

    def busy(self) -> None:
        """A message came: no idle collection now; one if too much was allocated."""
        if not self.running:
            return
        self._cancel()
        if gc.get_count()[0] > self.ceiling:
            self.collect()

    def rest(self) -> None:
        """A message has been handled: collect if nothing else comes for `idle` seconds."""
        if not self.running:
            return
        self._cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop to wait in: the ceiling still holds
            return
        self._timer = loop.call_later(self.idle, self._idle)

    def collect(self) -> None:
        """One collection of what is not frozen, then a full one if the frozen objects,
        with what survived it, have grown too much (see the module's docstring)."""
        gc.collect()
        gc.freeze()
        self.collections += 1
        if gc.get_freeze_count() > self._after_full * (1 + self.growth):
            self._full()

    def _idle(self) -> None:
        self._timer = None
        self.collect()

    def _full(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self._after_full = gc.get_freeze_count()
        self.collections += 1
        self.full_collections += 1

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
