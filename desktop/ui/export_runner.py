"""Run an export on the thread pool behind a cancellable progress dialog, so the window never freezes.

The job is a plain function ``job(progress, cancel) -> result`` — the same callbacks the exporters take — so the
menu runs exactly what `keyproj export` runs. Progress crosses threads through a Qt signal; cancel is a flag the
exporter polls every few hundred rows (the toolkit then removes its partial file).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.errors import UserError

Job = Callable[[Callable[[int, int | None], None], Callable[[], bool]], Any]


class _Signals(QObject):
    progress = Signal(int, int)  # done, total (-1 = unknown)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class _Worker(QRunnable):
    def __init__(self, job: Job, signals: _Signals, stop: threading.Event) -> None:
        super().__init__()
        self.job = job
        self.signals = signals
        self.stop = stop
        self.setAutoDelete(True)

    def run(self) -> None:
        from desktop.exporters.xlsx import LedgerExportCancelled  # openpyxl: loaded by the export anyway

        try:
            result = self.job(lambda done, total: self.signals.progress.emit(done, -1 if total is None else total),
                              self.stop.is_set)
        except LedgerExportCancelled:
            self.signals.cancelled.emit()
        except (UserError, ValueError) as exc:
            self.signals.failed.emit(str(exc))
        except OSError as exc:
            self.signals.failed.emit(f"文件操作失败：{exc.strerror or exc}（{getattr(exc, 'filename', '') or ''}）")
        except Exception as exc:  # an export must never take the window down; show what went wrong
            self.signals.failed.emit(f"导出失败：{exc!r}")
        else:
            if self.stop.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)


class ExportRunner(QObject):
    """One export at a time per window; ``done(result)`` runs on the GUI thread when it succeeds."""

    status = Signal(str)  # a one-line outcome for the status bar

    def __init__(self, parent: QWidget, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._pool = pool or QThreadPool.globalInstance()
        self._stop = threading.Event()
        self._dialog: QProgressDialog | None = None
        self._signals: _Signals | None = None
        self.busy = False
        self.last_error = ""
        self._title = ""
        self._done: Callable[[Any], None] = lambda _result: None

    def start(self, title: str, job: Job, done: Callable[[Any], None]) -> bool:
        if self.busy:
            QMessageBox.information(self._parent, title, "上一个导出尚未完成，请稍候。")
            return False
        self.busy = True
        self.last_error = ""
        self._stop = threading.Event()
        dialog = QProgressDialog(f"正在{title}……", "取消", 0, 0, self._parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self._dialog = dialog
        # Slots are methods of this QObject (GUI thread), so Qt queues the worker's signals to the GUI thread.
        self._title, self._done = title, done
        signals = _Signals()
        signals.progress.connect(self._on_progress)
        signals.finished.connect(self._on_finished)
        signals.failed.connect(self._on_failed)
        signals.cancelled.connect(self._on_cancelled)
        self._signals = signals
        self._pool.start(_Worker(job, signals, self._stop))
        return True

    def cancel(self) -> None:
        self._stop.set()
        if self._dialog is not None:
            self._dialog.setLabelText("正在取消……")

    def _on_progress(self, done: int, total: int) -> None:
        if self._dialog is None:
            return
        if total > 0:
            self._dialog.setMaximum(total)
            self._dialog.setLabelText(f"已处理 {done} / {total} 行")
            # Last: on a modal dialog setValue processes events, which may deliver the job's end and close it.
            self._dialog.setValue(min(done, total))
        else:
            self._dialog.setLabelText(f"已处理 {done} 行")

    def _close(self) -> None:
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        self._signals = None
        self.busy = False

    def _on_finished(self, result: Any) -> None:
        self._close()
        self._done(result)
        self.status.emit(f"{self._title}完成。")

    def _on_failed(self, message: str) -> None:
        self._close()
        self.last_error = message
        QMessageBox.warning(self._parent, self._title, message)

    def _on_cancelled(self) -> None:
        self._close()
        self.last_error = "已取消"
        self.status.emit(f"{self._title}已取消，未生成文件。")
