"""The thread side of `Ops`: one call on a pool thread, its answer carried back to the GUI thread.

`Job` runs `work()` on the worker and emits its result or exception through a `Relay` that lives on the GUI
thread, so Qt queues the answer there and handlers may touch widgets. While any job runs, Python's cyclic GC is
paused (see `_no_gc_in_this_thread`). Only `Ops` (and through it `OpsRunner`) starts jobs: there is no other
thread runner in the window.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from desktop.gc_pause import collector_paused


@contextmanager
def _no_gc_in_this_thread() -> Iterator[None]:
    """Python's cyclic GC runs in whichever thread happens to allocate; collecting a cycle that holds Qt widgets
    from a worker thread destroys them off the GUI thread and crashes (seen: a segfault in the test run). So the
    collector is paused while a job runs (a second or two) and left to the GUI thread afterwards; the pause is the
    process-wide one large imports take too (desktop/gc_pause), so neither switches it on under the other."""
    with collector_paused():
        yield


class Relay(QObject):
    """Carries one job's answer to the thread the relay lives on (the GUI thread), through queued signals."""

    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """One call on a pool thread; its result or exception goes to `relay`."""

    def __init__(self, work: Callable[[], Any], relay: Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        with _no_gc_in_this_thread():  # also around the emits: they allocate too
            try:
                result = self.work()
            except Exception as exc:  # handed to the GUI thread, which decides what to show
                self._answer(self.relay.failed, exc)
            else:
                self._answer(self.relay.done, result)

    @staticmethod
    def _answer(signal: Any, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the relay is gone (the program is ending): nobody to tell
            signal.emit(value)
