"""While the window holds no workspace (start-up before the data opens, or after a restore whose reopen failed,
`Ops.lost`) the data's actions are disabled themselves, not only the menu bar: their keyboard shortcuts open no
dialog and raise no error. The replaced broadcast that brings data turns them on again, each as its own state
(selection, scope) says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog

from desktop.app import create_application
from desktop.services.backup import archive as backups
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import open_window, settings_at, settle

KEYS = ((Qt.Key.Key_N, "Ctrl+N"), (Qt.Key.Key_I, "Ctrl+I"), (Qt.Key.Key_E, "Ctrl+E"))


def _press_each(qtbot, window) -> list[str]:  # type: ignore[no-untyped-def]
    """Press the shortcuts on the issue table, letting the worker answer each; return the dialogs they opened
    (shown modally or not; none is left open)."""
    opened: list[str] = []

    def record(dialog: QDialog) -> int:
        opened.append(type(dialog).__name__)
        return QDialog.DialogCode.Rejected.value

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QDialog, "exec", record)
        patch.setattr(QDialog, "open", record)
        for key, _name in KEYS:
            window.activateWindow()
            window.issue_panel.table.setFocus()
            qtbot.keyClick(window.issue_panel.table, key, Qt.KeyboardModifier.ControlModifier)
            settle(qtbot, window)
            QApplication.processEvents()
    return opened + [type(w).__name__ for w in QApplication.topLevelWidgets()
                     if isinstance(w, QDialog) and w.isVisible()]


def _by_shortcut(window, text: str) -> QAction:  # type: ignore[no-untyped-def]
    return next(a for a in window.findChildren(QAction) if a.shortcut().toString() == text)


def test_no_shortcut_fires_before_the_data_opens(qtbot, demo_workspace, today, tmp_path) -> None:
    create_application()
    window = MainWindow(None, today=today, settings=settings_at(tmp_path))
    qtbot.addWidget(window)
    window.show()
    assert not window.ops.holds
    assert not window.form.new_issue_action.isEnabled() and not window.form.escalate_action.isEnabled()
    assert not window.form.refresh_action.isEnabled() and window.form.quit_action.isEnabled()
    assert _press_each(qtbot, window) == [] and window.ops.errors_shown == []

    window.ops.receive(demo_workspace)  # the data arrives: the replaced broadcast turns the actions on
    settle(qtbot, window)
    assert window.form.new_issue_action.isEnabled() and window.form.refresh_action.isEnabled()
    assert _by_shortcut(window, "Ctrl+I").isEnabled()
    assert not window.form.escalate_action.isEnabled()  # its own state: no issue is selected


def test_no_shortcut_fires_after_a_failed_reopen(qtbot, demo_workspace, today, tmp_path, monkeypatch) -> None:
    from desktop.ui import reliability_menu
    from desktop.workspace import WorkspaceError

    window = open_window(qtbot, demo_workspace, today, tmp_path)
    model = window.issue_panel.model  # an open issue selected: 流转/上报 (Ctrl+E) applies to it
    window.issue_panel.table.selectRow(next(r for r in range(model.rowCount())
                                            if model.row_at(r).status_label == "办理中"))
    settle(qtbot, window)
    import_action = _by_shortcut(window, "Ctrl+I")
    assert window.form.escalate_action.isEnabled() and import_action.isEnabled()
    archive = backups.create_archive(demo_workspace.db.engine, demo_workspace.data_dir, tmp_path / "b.zip").path
    real_open = reliability_menu.open_workspace

    def unopenable(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise WorkspaceError("数据库文件被其他程序占用，无法打开")

    monkeypatch.setattr(reliability_menu, "open_workspace", unopenable)
    boxes: list[str] = []
    monkeypatch.setattr(reliability_menu.ReliabilityActions, "exec_box", lambda self, box: boxes.append(box.text()))
    window.reliability.restore_from(archive)
    qtbot.waitUntil(lambda: bool(boxes), timeout=60_000)
    settle(qtbot, window)
    assert not window.ops.holds

    assert not window.form.new_issue_action.isEnabled() and not window.form.escalate_action.isEnabled()
    assert not import_action.isEnabled()
    assert _press_each(qtbot, window) == [] and window.ops.errors_shown == []

    monkeypatch.setattr(reliability_menu, "open_workspace", real_open)  # restored and reopened: on again
    window.reliability.restore_from(archive)
    qtbot.waitUntil(lambda: window.ops.holds, timeout=60_000)
    settle(qtbot, window)
    assert window.form.new_issue_action.isEnabled() and import_action.isEnabled()
    opened = _press_each(qtbot, window)  # the shortcuts work again
    assert opened and window.ops.errors_shown == []
