"""Long operations on the window's one worker: a progress dialog, cancel, and a one-line outcome.

An export, an import, a briefing draft or a template fill is an operation like any other: it runs through
`Ops.run` on the same serialised worker, with its success and failure paths. This adds what a long one needs: a
window-modal progress dialog (shown after 300 ms, so a quick job never flashes one), a 取消 button when the job can
stop, progress reports from the worker, and a status line at the end.

The job is ``job(workspace, progress, cancelled) -> result`` — `progress(done, total)` and `cancelled()` are the
callbacks the exporters take, so the menu runs exactly what `keyproj export` runs. Progress crosses threads through
a queued signal; cancel is a flag the job polls (the toolkit then removes its partial file). A `UserError` (and an
`OSError`, told as 文件操作失败) is the job's refusal, shown in a message box or given to `on_error`; anything else is
a bug, shown by `Ops`'s one error dialog.

One runner runs one job at a time; a second start while it runs is refused (with a note when the job is
cancellable, as a second export would be) so nobody waits for an export without knowing why.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.errors import UserError

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

Progress = Callable[[int, int | None], None]
Cancelled = Callable[[], bool]
Job = Callable[["Workspace", Progress, Cancelled], Any]

_CANCELLED = object()  # what the worker answers when the job stopped on 取消


class OpsRunner(QObject):
    """`start(title, job, done)` on `ops`'s worker behind a progress dialog on `parent`."""

    status = Signal(str)  # a one-line outcome for the status bar
    progressed = Signal(int, int)  # done, total (-1 = unknown); emitted on the worker, delivered queued

    def __init__(self, ops: Ops, parent: QWidget) -> None:
        super().__init__(parent)
        self.ops = ops
        self._parent = parent
        self._stop = threading.Event()
        self._dialog: QProgressDialog | None = None
        self.busy = False
        self.last_error = ""
        self._title = ""
        self._cancellable = False
        # `_on_progress` is looked up when a report arrives (tests watch it); queued: the worker emits.
        self.progressed.connect(lambda done, total: self._on_progress(done, total),
                                Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return self.busy

    def start(self, title: str, job: Job, done: Callable[[Any], None], *, cancellable: bool = True,
              label: str | None = None, on_error: Callable[[str], None] | None = None,
              progress_text: Callable[[int, int], str] | None = None) -> bool:
        """`progress_text(done, total)` words a report (default: rows of a ledger)."""
        if self.busy:
            if cancellable:
                QMessageBox.information(self._parent, title, "上一个导出尚未完成，请稍候。")
            return False
        self.busy = True
        self.last_error = ""
        self._title = title
        self._cancellable = cancellable
        self._progress_text = progress_text
        stop = self._stop = threading.Event()
        self._dialog = self._open_dialog(title, label or f"正在{title}……", cancellable)
        emit = self.progressed.emit

        def work(workspace: Workspace) -> Any:
            from desktop.exporters.xlsx import LedgerExportCancelled  # openpyxl: loaded by the export anyway

            try:
                result = job(workspace, lambda d, total: emit(d, -1 if total is None else total), stop.is_set)
            except LedgerExportCancelled:
                return _CANCELLED
            except ValueError as exc:  # an exporter's refusal of the input it was given
                raise UserError(str(exc)) from exc
            except OSError as exc:
                raise UserError(f"文件操作失败：{exc.strerror or exc}（{getattr(exc, 'filename', '') or ''}）"
                                ) from exc
            return _CANCELLED if stop.is_set() else result

        def finished(result: Any) -> None:
            self._close()
            if result is _CANCELLED:
                self.last_error = "已取消"
                self.status.emit(f"{title}已取消，未生成文件。")
                return
            done(result)
            self.status.emit(f"{title}完成。")

        def failed(message: str) -> None:
            self._close()
            self.last_error = message
            if on_error is not None:
                on_error(message)
            else:
                QMessageBox.warning(self._parent, title, message)

        def broke() -> None:  # already shown by `Ops`'s one error dialog
            self._close()
            self.last_error = "意外错误"

        self.ops.run(work, finished, failed, on_broken=broke)
        return True

    def _open_dialog(self, title: str, label: str, cancellable: bool) -> QProgressDialog:
        dialog = QProgressDialog(label, "取消" if cancellable else "", 0, 0, self._parent)
        dialog.setWindowTitle(title if cancellable else "请稍候")
        if cancellable:
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)  # type: ignore[arg-type]
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        return dialog

    def cancel(self) -> None:
        self._stop.set()
        if self._dialog is not None:
            self._dialog.setLabelText("正在取消……")

    def _on_progress(self, done: int, total: int) -> None:
        if self._dialog is None:
            return  # the end arrived first (a modal setValue below may deliver it)
        if total > 0:
            self._dialog.setMaximum(total)
            words = getattr(self, "_progress_text", None)
            self._dialog.setLabelText(words(done, total) if words else f"已处理 {done} / {total} 行")
            # Last: on a modal dialog setValue processes events, which may deliver the job's end and close it.
            self._dialog.setValue(min(done, total))
        else:
            self._dialog.setLabelText(f"已处理 {done} 行")

    def _close(self) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is not None:
            if self._cancellable:
                dialog.canceled.disconnect(self.cancel)
            dialog.close()
            dialog.deleteLater()
        self.busy = False
