"""Driving the real main window and its dialogs in tests, without a modal event loop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
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
    return window


class Driver:
    """Replaces a controller's `run_dialog`: fill the real dialog, press OK, remember it for assertions."""

    def __init__(self, fill: Callable[[QDialog], None]) -> None:
        self.fill = fill
        self.dialogs: list[QDialog] = []

    def __call__(self, dialog: QDialog) -> int:
        self.dialogs.append(dialog)
        self.fill(dialog)
        dialog.accept()
        return dialog.result()

    @property
    def last(self) -> QDialog:
        return self.dialogs[-1]


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not in combo"
    combo.setCurrentIndex(index)
