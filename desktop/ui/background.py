"""Running one slow call off the GUI thread with a busy QProgressDialog, result delivered back on the GUI thread.

Reading a 10k-row ledger and importing it take seconds; the window must keep painting meanwhile. The call runs in
QThreadPool; its return value or exception comes back through a queued signal, so handlers touch widgets safely.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
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
        self._relay: _Relay | None = None
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
        relay = _Relay()
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
        QThreadPool.globalInstance().start(_Job(work, relay))
