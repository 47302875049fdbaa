"""Driving the real main window and its dialogs in tests, without a modal event loop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QComboBox, QDialog

from desktop.app import create_application
from desktop.ui.main_window import MainWindow


def settings_at(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, workspace, today, tmp_path: Path, size: tuple[int, int] = (1366, 768)) -> MainWindow:
    create_application()
    window = MainWindow(workspace, today=today, settings=settings_at(tmp_path))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    settle(qtbot, window)  # its data is read on the worker
    return window


def settle(qtbot, window: MainWindow, timeout: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    """Wait until the window's worker has answered everything asked of it (an edit, its re-reads, an undo)."""
    qtbot.waitUntil(lambda: not window.ops.busy(), timeout=timeout)


def restore(qtbot, window: MainWindow, archive: Path, dialog: QDialog | None = None) -> QDialog:  # type: ignore[no-untyped-def]
    """文件 → 备份与恢复 → restore `archive` (its preview accepted by the caller's patch), and wait until it is
    made on the worker and every part has re-read."""
    dialog = dialog or window.reliability.open_backups()
    with qtbot.waitSignal(dialog.restored, timeout=60_000) as ended:
        dialog.confirm_and_restore(archive)
    assert ended.args == [True], "the restore did not happen"
    settle(qtbot, window)
    return dialog


def wait_for_dialog(dialog: QDialog, timeout: int = 10_000) -> None:
    """What `exec()` does after OK: keep the events flowing until the dialog's operation on the worker has
    answered (it closed, or shows the refusal). Also the read that fills a dialog on opening (`WorkerLink`, or a
    dialog's own `loading`, e.g. the agenda's issue picker)."""
    link = getattr(dialog, "link", None)
    for waits, busy in ((dialog, lambda: getattr(dialog, "pending", False)),
                        (dialog, lambda: getattr(dialog, "loading", False)),
                        (link, lambda: link is not None and link.busy)):
        if not busy():
            continue
        loop = QEventLoop()
        waits.settled.connect(loop.quit)  # type: ignore[union-attr]
        QTimer.singleShot(timeout, loop.quit)
        loop.exec()
        assert not busy(), "the dialog's operation did not answer"


def wait_loaded(qtbot, dialog: QDialog, timeout: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    """Until a dialog that reads on the worker when it opens shows what it read (`loading` or `link.busy`)."""
    link = getattr(dialog, "link", None)
    qtbot.waitUntil(lambda: not getattr(dialog, "loading", False) and not (link is not None and link.busy),
                    timeout=timeout)


class Driver:
    """Replaces a controller's `run_dialog`: fill the real dialog, press OK, wait for its operation to answer (as
    `exec()` would), remember it for assertions."""

    def __init__(self, fill: Callable[[QDialog], None]) -> None:
        self.fill = fill
        self.dialogs: list[QDialog] = []

    def __call__(self, dialog: QDialog) -> int:
        self.dialogs.append(dialog)
        wait_for_dialog(dialog)  # what it reads when it opens
        self.fill(dialog)
        wait_for_dialog(dialog)  # an OK pressed inside `fill`
        dialog.accept()
        wait_for_dialog(dialog)
        return dialog.result()

    @property
    def last(self) -> QDialog:
        return self.dialogs[-1]


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not in combo"
    combo.setCurrentIndex(index)


def settle_ops(qtbot, ops, timeout: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    """`settle` for a panel tested on its own `Ops`: wait until its reads and writes have all answered."""
    qtbot.waitUntil(lambda: not ops.busy(), timeout=timeout)
