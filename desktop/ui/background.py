"""Run a slow read off the GUI thread and hand its result back on the GUI thread.

Anything over ~200 ms (loading 100k issues at start-up) must not freeze the window. The work function gets no Qt
object and must open its own session; the result travels back through a queued signal, so `on_done` runs on the
GUI thread and may touch widgets.
"""

from __future__ import annotations

import gc
import logging
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


@contextmanager
def _no_gc_in_this_thread() -> Iterator[None]:
    """Python's cyclic GC runs in whichever thread happens to allocate; collecting a cycle that holds Qt widgets
    from a worker thread destroys them off the GUI thread and crashes (seen: a segfault in the test run). So the
    collector is paused while a task runs (a second or two) and left to the GUI thread afterwards."""
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


class BackgroundTask(QObject):
    """One running job. Give it no parent that may be deleted first (a closed window): the runnable keeps it
    alive until it has emitted, and Qt drops the connections of a receiver that is gone."""

    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)  # created on the GUI thread, so emits from the worker are queued to it
        self._work = work
        self.running = True
        self.finished.connect(self._mark_done)

    def _mark_done(self) -> None:
        self.running = False

    def run(self) -> None:
        with _no_gc_in_this_thread():  # also around the emits: they allocate too
            try:
                result = self._work()
            except Exception as exc:  # reported to the user by the caller, never swallowed
                log.error("background task failed:\n%s", traceback.format_exc())
                self.failed.emit(str(exc) or exc.__class__.__name__)
            else:
                self.succeeded.emit(result)
            finally:
                self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: BackgroundTask) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task.run()


def run_in_background(work: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[str], None] | None = None, *, parent: QObject | None = None,
                      pool: QThreadPool | None = None) -> BackgroundTask:
    task = BackgroundTask(work, parent)
    task.succeeded.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)
    (pool or QThreadPool.globalInstance()).start(_Runnable(task))
    return task
