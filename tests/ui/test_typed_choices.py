"""A unit or project typed into the dialog's editable list is read as what was typed: a name in the list is taken,
a name not in it is refused with that name (#14's newcomer check: 「责任单位」不能为空 was shown beside the unit
the clerk had typed, and a new issue was refused as having no project beside the project typed)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from desktop.db.models import AuditLog, Issue
from tests.ui.helpers import Driver, open_window, settle


def _typed(qtbot, combo, text: str) -> None:
    """What the keyboard does: select all in the combo's line, then type (ASCII through key clicks)."""
    line = combo.lineEdit()
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:  # Chinese arrives from the input method as one committed string; the line takes it the same way
        line.insert(text)


def _log_count(workspace) -> int:
    with workspace.db.read() as session:
        return session.query(AuditLog).count()


def test_assign_refuses_a_unit_not_in_the_list_and_takes_one_typed_in_full(qtbot, demo_workspace, today,
                                                                          tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    status = window.issue_panel.status_combo
    status.setCurrentIndex(status.findData("new"))
    window.issue_panel.table.selectRow(0)
    issue_id = window.issue_panel.current_id()
    before = _log_count(demo_workspace)

    def wrong_unit(d):
        _typed(qtbot, d.form.unit_combo, "20261215")
        d.accept()
        assert d.error_text == ("「责任单位」：“20261215”不在单位名录中，请从列表中选择（输入几个字可列出包含它的单位）。")
        assert d.isVisible() or d.result() == 0
        d.reject()

    driver = Driver(wrong_unit)
    window.issue_actions.run_dialog = driver
    window.form.assign_action.trigger()
    settle(qtbot, window)
    assert driver.last.result() == 0
    assert _log_count(demo_workspace) == before
    with demo_workspace.db.read() as session:
        assert session.get(Issue, issue_id).status == "new"

    def unit_typed_in_full(d):
        name = d.form.unit_combo.itemText(3)
        _typed(qtbot, d.form.unit_combo, name)
        d.form.deadline_edit.set_value(today + timedelta(days=15))  # no deadline is proposed
        d.typed = name

    driver = Driver(unit_typed_in_full)
    window.issue_actions.run_dialog = driver
    window.form.assign_action.trigger()
    settle(qtbot, window)
    assert driver.last.result() == 1, driver.last.error_text
    with demo_workspace.db.read() as session:
        issue = session.get(Issue, issue_id)
        assert (issue.status, issue.lead_unit.name) == ("assigned", driver.last.typed)


def test_new_issue_refuses_a_project_not_in_the_list(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    total = window.issue_panel.model.total_count()

    def wrong_project(d):
        d.form.description_edit.setPlainText("临时道路未硬化")
        _typed(qtbot, d.form.project_combo, "汉口学院新校区三期")
        d.accept()
        assert d.error_text.startswith("「所属项目」：“汉口学院新校区三期”不在项目名单中")
        d.reject()

    driver = Driver(wrong_project)
    window.issue_actions.run_dialog = driver
    window.form.new_issue_action.trigger()
    settle(qtbot, window)
    assert driver.last.result() == 0
    assert window.issue_panel.model.total_count() == total
    with demo_workspace.db.read() as session:
        assert session.query(Issue).filter(Issue.description == "临时道路未硬化").count() == 0
