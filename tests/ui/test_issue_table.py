"""The issue table's filter bar, column chooser and remembered layout, on the demo data."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.services.issues.actions import is_due_soon, is_overdue
from desktop.ui.dates import to_qdate
from desktop.ui.models.issue_table import COLUMNS
from desktop.ui.reminder_panel import ReminderModel
from tests.ui.helpers import choose, open_window


def _set(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_filters_combine(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    panel, model = window.issue_panel, window.issue_panel.model
    f = panel.form
    total = model.total_count()

    _set(f.level_combo, "city")
    assert 0 < model.rowCount() < total and all(r.level == "city" for r in model.visible_rows())
    _set(f.level_combo, "")

    unit = f.unit_combo.itemText(1)
    choose(f.unit_combo, unit)
    assert model.rowCount() and all(r.unit == unit for r in model.visible_rows())
    _set(f.unit_combo, "")

    leader = f.leader_combo.itemText(1)
    choose(f.leader_combo, leader)
    led = {n.id for n in window.project_nodes() if leader in n.leaders}
    assert model.rowCount() and all(r.project_id in led for r in model.visible_rows())
    _set(f.leader_combo, "")

    _set(f.due_combo, "soon")
    f.due_days_spin.setValue(30)
    rows = model.visible_rows()
    assert rows and all(is_due_soon(r.status, r.deadline, today, 30) for r in rows)
    assert "30日内到期" in f.legend_label.text()
    _set(f.due_combo, "overdue")
    assert all(is_overdue(r.status, r.deadline, today) for r in model.visible_rows())
    _set(f.due_combo, "")

    f.date_range_check.setChecked(True)
    f.found_from_edit.setDate(to_qdate(date(2026, 6, 1)))
    f.found_to_edit.setDate(to_qdate(date(2026, 6, 30)))
    rows = model.visible_rows()
    assert rows and all(date(2026, 6, 1) <= r.found_on <= date(2026, 6, 30) for r in rows)
    assert f"显示 {len(rows)} / {total} 条" in f.count_label.text()

    f.search_edit.setText("sgyd")  # pinyin initials of 施工用电, debounced
    qtbot.waitUntil(lambda: all("施工用电" in r.description for r in model.visible_rows()), timeout=2000)
    f.clear_filters_button.click()
    assert model.rowCount() == total


def test_columns_and_grouping_persist_across_restarts(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    header = window.issue_panel.table.horizontalHeader()
    menu = window.issue_panel.column_menu()
    category = next(a for a in menu.actions() if a.text() == "类别")
    category.setChecked(False)  # hide 类别 through the header's context menu
    assert header.isSectionHidden(2)
    header.moveSection(header.visualIndex(10), 1)  # 发现日期 right after 序号
    header.resizeSection(3, 420)
    choose(window.form.grouping_combo, "按包保领导")
    window.close()

    again = open_window(qtbot, demo_workspace, today, tmp_path)
    header = again.issue_panel.table.horizontalHeader()
    assert header.isSectionHidden(2)
    assert header.visualIndex(10) == 1
    assert header.sectionSize(3) == 420
    assert again.form.grouping_combo.currentText() == "按包保领导"
    again.issue_panel.reset_columns()
    assert not header.isSectionHidden(2) and header.visualIndex(10) == 10


def test_last_visible_column_cannot_be_hidden(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    for column in range(1, len(COLUMNS)):
        window.issue_panel.set_column_visible(column, False)
    menu = window.issue_panel.column_menu()
    only = next(a for a in menu.actions() if a.text() == "序号")
    assert only.isChecked() and not only.isEnabled()


def test_reminders_list_overdue_and_open_the_issue(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    assert window.form.reminder_dock.isVisible()
    items = window.reminder_panel.model.items
    overdue = [i for i in items if i.overdue]
    assert overdue and all(i.deadline < today for i in overdue)
    assert items.index(overdue[-1]) < len(overdue)  # overdue first
    assert f"已超期 {len(overdue)} 项" in window.reminder_panel.form.summary_label.text()
    # a project selected in the tree hides the issue; opening the reminder still finds it
    tree = window.form.project_tree_view.model()
    window.form.project_tree_view.setCurrentIndex(tree.item(1).child(0).index())
    target = next(i for i in overdue if i.kind == "issue" and
                  i.where != tree.item(1).child(0).text().split("  ")[0])
    view = window.reminder_panel.form.reminder_table_view
    view.activated.emit(window.reminder_panel.model.index(items.index(target), 0))
    assert window.issue_panel.current_id() == target.id
    qtbot.waitUntil(lambda: window.history_panel.issue_id == target.id)  # its history is read on the worker


def test_reminder_model_passes_modeltester(qtmodeltester, demo_workspace, today) -> None:
    from desktop.services.reminders import load_reminders

    model = ReminderModel()
    with demo_workspace.db.read() as session:
        model.set_items(load_reminders(session, today))
    qtmodeltester.check(model)


def test_issue_model_passes_modeltester(qtbot, qtmodeltester, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    window.issue_panel.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(window.issue_panel.model)


def test_an_edited_row_is_updated_in_place(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    panel, model = window.issue_panel, window.issue_panel.model
    panel.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)
    panel.table.selectRow(5)
    row = panel.current_row()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(model.dataChanged):
        panel.update_rows([row._replace(latest_progress="已现场协调")], [])
    assert resets == [] and model.row_at(5).latest_progress == "已现场协调"
    assert panel.current_id() == row.id


def test_overdue_decided_item_opens_its_meeting(qtbot, demo_workspace, today, tmp_path) -> None:
    from datetime import timedelta

    from desktop.db.models import Decision

    with demo_workspace.db.transaction() as session:
        decision = session.query(Decision).order_by(Decision.id.desc()).first()
        decision.status, decision.deadline = "assigned", today - timedelta(days=12)
        meeting_id, text = decision.meeting_id, decision.text
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    items = window.reminder_panel.model.items
    target = next(i for i in items if i.kind == "decision")
    assert target.text == text and target.when_text == "超期12天" and "推进会" in target.where
    window.reminder_panel.form.reminder_table_view.activated.emit(
        window.reminder_panel.model.index(items.index(target), 2))
    assert window.form.main_tabs.currentWidget() is window.form.meetings_tab
    current = window.meetings_panel.meeting_view.currentIndex()
    assert window.meetings_panel.meeting_model.index(current.row(), 0).data(Qt.ItemDataRole.UserRole) == meeting_id
