"""The runner behind every export: progress, outcome and the window's state when the worker's signals race."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import create_application
from desktop.ui.export_runner import ExportRunner


def test_progress_and_the_end_arriving_together_leave_a_closed_dialog(qtbot) -> None:
    """The job reports progress and ends before the GUI thread looks: both signals are queued. Handling the
    progress updates a modal dialog, whose setValue processes events and so delivers the end while the progress
    handler is still running; the handler must not touch the dialog after that."""
    create_application()
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = ExportRunner(parent)
    results: list[object] = []

    def job(progress, _cancelled) -> str:  # type: ignore[no-untyped-def]
        time.sleep(0.4)  # past the dialog's minimum duration: the first report shows it
        progress(1, 10)
        progress(5, 10)  # the dialog is shown and modal: this setValue processes events
        return "written"

    assert runner.start("导出测试", job, results.append)
    time.sleep(0.8)  # the worker is done: its progress and finished signals wait in the GUI thread's queue
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert results == ["written"] and runner.last_error == ""
