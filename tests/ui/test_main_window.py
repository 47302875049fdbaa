"""The real main window on a temp data folder, driven with pytest-qt."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from desktop.app import acquire_lock, create_application, install_translations
from desktop.ui.main_window import MainWindow
from desktop.ui.models.project_tree import PROJECT_ID_ROLE


def _window(qtbot, workspace, today, tmp_path) -> MainWindow:
    create_application()
    window = MainWindow(workspace, today=today, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: not window.ops.busy(), timeout=10_000)  # its data is read on the worker
    return window


def test_window_shows_real_data(qtbot, demo_workspace, today, tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    assert window.windowTitle() == "重点项目包保工作台"
    assert window.issue_panel.model.rowCount() == 300
    assert window.meetings_panel.meeting_model.rowCount() == 3
    assert "办结率97.06%" in window.meetings_panel.summary_label.text()
    tree = window.form.project_tree_view.model()
    assert tree.item(0).text() == "全部项目（98个）"
    assert tree.rowCount() == 5  # 全部 + four categories


def test_selecting_a_project_filters_issues(qtbot, demo_workspace, today, tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    tree = window.form.project_tree_view.model()
    group = tree.item(1)
    project_item = group.child(0)
    project_id = project_item.data(PROJECT_ID_ROLE)
    window.form.project_tree_view.setCurrentIndex(project_item.index())
    rows = window.issue_panel.model.visible_rows()
    assert rows and all(r.project_id == project_id for r in rows)


def test_pinyin_search_in_tree_and_table(qtbot, demo_workspace, today, tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    window.form.project_search_edit.setText("hkxy")
    tree = window.form.project_tree_view.model()
    names = [tree.item(g).child(r).text() for g in range(1, tree.rowCount()) for r in range(tree.item(g).rowCount())]
    assert names and all(n.startswith("汉口学院") for n in names)
    window.issue_panel.search_edit.setText("sgyd")  # 施工用电
    qtbot.waitUntil(lambda: 0 < window.issue_panel.model.rowCount() < 300)
    assert all("施工用电" in r.description for r in window.issue_panel.model.visible_rows())


def test_sorting_and_overdue_colour(qtbot, demo_workspace, today, tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    model = window.issue_panel.model
    window.issue_panel.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)
    deadlines = [r.deadline for r in model.visible_rows() if r.deadline]
    assert deadlines == sorted(deadlines)
    combo = window.issue_panel.form.due_combo
    combo.setCurrentIndex(combo.findData("overdue"))
    assert model.rowCount() > 0
    assert model.data(model.index(0, 3), Qt.ItemDataRole.BackgroundRole).color().name() == "#fde2e1"


def test_chinese_standard_buttons_and_single_instance(qtbot, tmp_path) -> None:
    app = create_application()
    assert install_translations(app)
    first = acquire_lock(tmp_path)
    assert first is not None
    assert acquire_lock(tmp_path) is None
    first.unlock()


def test_forms_are_up_to_date() -> None:
    from desktop.ui.forms.build import stale_forms

    assert stale_forms() == []


def test_extension_points_and_status_hint(qtbot, demo_workspace, today, tmp_path) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel

    window = _window(qtbot, demo_workspace, today, tmp_path)
    index = window.add_tab(QLabel("看板"), "综合看板")
    assert window.form.main_tabs.tabText(index) == "综合看板"
    action = QAction("导出问题台账", window)
    menu = window.add_menu_actions("数据交换(&X)", [action])
    titles = [a.text() for a in window.form.menu_bar.actions()]
    assert titles.index("数据交换(&X)") == titles.index("视图(&V)") - 1
    assert action in menu.actions()
    assert window.add_menu_actions("数据交换(&X)", []) is menu

    status = window.issue_panel.status_combo
    status.setCurrentIndex(status.findData("closed"))
    window.issue_panel.table.selectRow(0)
    assert window.statusBar().currentMessage().startswith("所选问题：已销号")
    assert "可执行：重新打开（" in window.statusBar().currentMessage()
