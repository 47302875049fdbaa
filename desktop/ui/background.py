"""Slow calls off the GUI thread, results delivered back on the GUI thread.

Two front ends over QThreadPool: `BackgroundTask.start` (a modal busy QProgressDialog, for reading and importing
ledgers) and `run_in_background` (no dialog, for the start-up load, which must not block the window). The work
function gets no Qt object and opens its own session; results travel through queued signals, so handlers may touch
widgets. While any work runs, Python's cyclic GC is paused (see `_no_gc_in_this_thread`).
"""

from __future__ import annotations

import gc
import logging
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.errors import DamagedDatabase

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


class _Task(QObject):
    """One running job. Give it no parent that may be deleted first (a closed window): the runnable keeps it
    alive until it has emitted, and Qt drops the connections of a receiver that is gone."""

    succeeded = Signal(object)
    failed = Signal(str)
    damaged = Signal(str)  # the database file is broken (DamagedDatabase): the caller offers the backup instead
    finished = Signal()

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None, *,
                 handles_damage: bool = False) -> None:
        super().__init__(parent)  # created on the GUI thread, so emits from the worker are queued to it
        self._work = work
        self._handles_damage = handles_damage
        self.running = True
        self.finished.connect(self._mark_done)

    def _mark_done(self) -> None:
        self.running = False

    def run(self) -> None:
        with _no_gc_in_this_thread():  # also around the emits: they allocate too
            try:
                result = self._work()
            except DamagedDatabase as exc:
                (self.damaged if self._handles_damage else self.failed).emit(str(exc))
            except Exception as exc:  # reported to the user by the caller, never swallowed
                log.error("background task failed:\n%s", traceback.format_exc())
                self.failed.emit(str(exc) or exc.__class__.__name__)
            else:
                self.succeeded.emit(result)
            finally:
                self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: _Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task.run()


def run_in_background(work: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[str], None] | None = None, *, parent: QObject | None = None,
                      pool: QThreadPool | None = None, on_damage: Callable[[str], None] | None = None) -> _Task:
    """`on_damage`, when given, receives a damaged database's message instead of `on_error`."""
    task = _Task(work, parent, handles_damage=on_damage is not None)
    task.succeeded.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)
    if on_damage is not None:
        task.damaged.connect(on_damage)
    (pool or QThreadPool.globalInstance()).start(_Runnable(task))
    return task


class Relay(QObject):
    """Carries one job's answer to the thread the relay lives on (the GUI thread), through queued signals."""

    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """One call on a pool thread; its result or exception goes to `relay` (`BackgroundTask` and `Ops` both)."""

    def __init__(self, work: Callable[[], Any], relay: Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        with _no_gc_in_this_thread():
            try:
                result = self.work()
            except Exception as exc:  # handed to the GUI thread, which decides what to show
                self.relay.failed.emit(exc)
            else:
                self.relay.done.emit(result)


class BackgroundTask(QObject):
    """`start(work, on_done, on_error)`; `running` says whether a call is in flight (tests wait on it)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._dialog: QProgressDialog | None = None
        self._relay: Relay | None = None
        self.running = False

    def start(self, label: str, work: Callable[[], Any], on_done: Callable[[Any], None],
              on_error: Callable[[Exception], None]) -> None:
        if self.running:
            return
        self.running = True
        dialog = QProgressDialog(label, "", 0, 0, self._parent)
        dialog.setWindowTitle("请稍候")
        dialog.setCancelButton(None)  # type: ignore[arg-type]
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        self._dialog = dialog
        relay = Relay()
        self._relay = relay  # kept alive until the job reports

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            dialog.reset()
            dialog.deleteLater()
            self._dialog = None
            self._relay = None
            self.running = False
            callback(value)

        relay.done.connect(lambda value: finish(on_done, value), Qt.ConnectionType.QueuedConnection)
        relay.failed.connect(lambda exc: finish(on_error, exc), Qt.ConnectionType.QueuedConnection)
        QThreadPool.globalInstance().start(Job(work, relay))
