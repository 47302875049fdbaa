"""The field tabs in the real main window: present, loaded when first shown, reloaded after a change."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop.app import create_application
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import settle


def test_field_tabs_load_when_shown(qtbot, demo_workspace, today, tmp_path) -> None:
    create_application()
    window = MainWindow(demo_workspace, today=today,
                        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)  # its data is read on the worker
    tabs = window.form.main_tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles[-4:] == ["总览", "投资与进度", "走访", "企业名录"]
    field = window.field_tabs
    assert field.enterprises.model.total_count() == 0  # not loaded until looked at
    tabs.setCurrentWidget(field.enterprises)
    settle(qtbot, window)
    assert field.enterprises.model.total_count() == 320
    with qtbot.waitSignal(field.dashboard.loaded, timeout=10_000):  # read on the worker
        tabs.setCurrentWidget(field.dashboard)
    assert field.dashboard.board is not None and field.dashboard.board.headline[0].value == 98
    tabs.setCurrentWidget(field.visits)
    settle(qtbot, window)
    field.visits.form.visit_table.selectRow(0)
    before = window.issue_panel.model.total_count()
    field.visits.add_issues(field.visits.current_visit_id(), "现场围挡破损")
    settle(qtbot, window)
    assert window.issue_panel.model.total_count() == before + 1  # the issue table hears about it
