"""What happens to an error nobody expected: its traceback goes to the log file, and the clerk sees one Chinese
dialog saying what happened, that saved data is safe, and where the log is (with a button to open the folder).

Three roads lead here, all to `CrashReporter.report`: `sys.excepthook` (an exception in a slot, an event handler
or the start-up code), `threading.excepthook` (a Python thread), and `Ops` (a service call on the worker that
raised something other than a `UserError`). A report from another thread travels to the GUI thread through a
queued signal. While the dialog is open further errors are logged and counted in it, never stacked.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, logs


def open_folder(folder: Path) -> bool:
    """The OS file manager on that folder (Explorer, or the desktop's own on Linux)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class CrashDialog(QDialog):
    """The one dialog for an unexpected error. Plain sentences for the clerk; the type and message of the error
    for support; the log file's path, and a button that opens its folder without closing the dialog."""

    def __init__(self, exc: BaseException, log_path: Path | None, parent: QWidget | None = None,
                 opener: Callable[[Path], object] = open_folder) -> None:
        super().__init__(parent)
        self.setObjectName("CrashDialog")
        self.setWindowTitle(f"{APP_NAME} - 意外错误")
        self.log_path = log_path
        self._opener = opener
        self.more = 0
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        what = str(exc).strip() or "（没有附加说明）"
        if len(what) > 300:
            what = what[:300] + "……"
        self.message = QLabel(
            "程序遇到了一个意外错误，刚才的操作可能没有完成。\n\n"
            "已经保存的数据不会丢失：每次写入都在一个事务中完成，出错的那一步要么完整写入，要么完全没有写入。"
            "请检查刚才的操作是否生效，必要时重做一次；如果反复出现，请把日志文件发给技术支持。")
        self.message.setWordWrap(True)
        self.detail = QLabel(f"错误：{exc.__class__.__name__}：{what}")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where = (f"日志文件：{log_path}" if log_path is not None
                 else "日志文件：未能写入（数据文件夹不可写），错误信息只输出到控制台")
        self.where = QLabel(where)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counter = QLabel()
        self.counter.setVisible(False)
        self.counter.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.open_button = QPushButton("打开日志文件夹")
        self.open_button.setEnabled(log_path is not None)
        self.open_button.clicked.connect(self.open_log_folder)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        text = QVBoxLayout()
        for label in (self.message, self.detail, self.where, self.counter):
            text.addWidget(label)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.setMaximumWidth(720)

    def open_log_folder(self) -> None:
        if self.log_path is not None:
            self._opener(self.log_path.parent)

    def count_another(self) -> None:
        self.more += 1
        self.counter.setText(f"此后又发生了 {self.more} 次意外错误，均已记入日志。")
        self.counter.setVisible(True)


class CrashReporter(QObject):
    """Logs every unexpected error and shows it in one dialog at a time, on the GUI thread."""

    _from_other_thread = Signal(object)

    def __init__(self, opener: Callable[[Path], object] = open_folder) -> None:
        super().__init__()
        self.opener = opener
        self.dialog: CrashDialog | None = None
        self.reported: list[str] = []  # "Type: message" of what reached the dialog (not the exception: its
        # traceback would keep every frame's objects, a session or a widget, alive)
        self._from_other_thread.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, exc: BaseException, parent: QWidget | None = None) -> None:
        """Log the traceback now (any thread); show the dialog on the GUI thread."""
        logs.log_exception(exc)
        app = QApplication.instance()
        if app is None:  # before the QApplication: the console (if any) and the log are all there is
            if sys.stderr is not None:
                print(logs.unexpected_error_text(exc, logs.current_log_file()), file=sys.stderr)
            return
        if threading.current_thread() is not threading.main_thread() or QThread.currentThread().loopLevel() > 0:
            # From a worker, or inside a running event loop (a slot, a paint): show it once the current event
            # is over, not in the middle of it.
            self._from_other_thread.emit((exc, parent))
        else:  # start-up code before the event loop, or the exit of the interpreter: wait for the clerk
            self._show((exc, parent), modal=True)

    def _show(self, item: tuple[BaseException, QWidget | None], modal: bool = False) -> None:
        exc, parent = item
        self.reported.append(f"{exc.__class__.__name__}: {exc}")
        if self.dialog is not None:
            self.dialog.count_another()
            return
        if parent is None:
            parent = QApplication.activeWindow()
        dialog = CrashDialog(exc, logs.current_log_file(), parent, self.opener)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        if modal:
            dialog.exec()
        else:
            dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            dialog.show()

    def _closed(self) -> None:
        self.dialog = None

    # --- the hooks -------------------------------------------------------------------------------------------
    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        self.report(exc)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)


_reporter: CrashReporter | None = None


def reporter() -> CrashReporter:
    """The process's reporter (made on first use, on the GUI thread: it receives the other threads' reports)."""
    global _reporter
    if _reporter is None:
        _reporter = CrashReporter()
    return _reporter


def install(data_dir: Path | None) -> CrashReporter:
    """Both exception hooks, the log file in `data_dir` and the native-crash file beside it (a segfault in Qt);
    called first thing by `run_gui`. Without a folder
    (it could not be created), or when the folder cannot be written (a write-protected stick), the hooks still
    show the dialog, which then says that no log file was written."""
    if data_dir is not None and logs.setup_logging(data_dir) is not None:
        logs.log_started("window")
        logs.enable_native_crash_log(data_dir)
    handler = reporter()
    sys.excepthook = handler.excepthook
    threading.excepthook = handler.thread_excepthook
    return handler


def report(exc: BaseException, parent: QWidget | None = None) -> None:
    reporter().report(exc, parent)
