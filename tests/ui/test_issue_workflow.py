"""The whole issue life cycle through the real window: toolbar actions, dialogs, table, tree, history, undo."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.db.enums import CategoryKind, Feedback
from desktop.db.models import AuditLog, Category, Issue, IssueNote, Leader, Person, Unit
from desktop.ui.dates import to_qdate
from desktop.ui.models.project_tree import PROJECT_ID_ROLE
from tests.ui.helpers import Driver, choose, open_window, settle


@pytest.fixture
def office(workspace):
    """An empty office with the dictionaries a new project and issue need."""
    with workspace.db.transaction() as session:
        session.add_all([Category(kind=CategoryKind.PROJECT.value, name="产业项目"),
                         Category(kind=CategoryKind.ISSUE.value, name="要素保障")])
        unit = Unit(name="区住建局")
        session.add_all([unit, Unit(name="区供电公司"), Leader(name="王建国", title="副区长")])
        session.flush()
        session.add(Person(name="李强", unit_id=unit.id))
    return workspace


def _tree_texts(window) -> list[str]:
    model = window.form.project_tree_view.model()
    texts = []
    for r in range(model.rowCount()):
        group = model.item(r)
        texts.append(group.text())
        texts += [group.child(c).text() for c in range(group.rowCount())]
    return texts


def _row(window):
    return window.issue_panel.current_row()


def test_project_and_issue_life_cycle(qtbot, office, today, tmp_path) -> None:
    window = open_window(qtbot, office, today, tmp_path)
    actions, projects = window.issue_actions, window.project_actions

    # 新增项目 from the project page form
    def fill_project(page):
        page.form.code_edit.setText("2026-101")
        page.form.name_edit.setText("汉口学院新校区")
        choose(page.form.category_combo, "产业项目")
        page.form.total_investment_spin.setValue(50000)
        page.form.annual_plan_spin.setValue(12000)

    projects.run_dialog = Driver(fill_project)
    projects.new_project()
    settle(qtbot, window)  # the tree re-reads on the worker
    assert window.current_project_id() is not None
    assert "全部项目（1个）" in _tree_texts(window)
    assert any(t.startswith("汉口学院新校区") for t in _tree_texts(window))

    # 新增问题, found a month ago, for the selected project
    found = today - timedelta(days=30)

    def fill_issue(d):
        d.form.description_edit.setPlainText("施工用电接入慢，影响主体施工")
        choose(d.form.category_combo, "要素保障")
        d.form.found_on_edit.setDate(to_qdate(found))

    actions.run_dialog = Driver(fill_issue)
    window.form.new_issue_action.trigger()
    settle(qtbot, window)
    row = _row(window)
    assert row is not None and row.status_label == "待交办" and row.project_name == "汉口学院新校区"
    assert window.issue_panel.model.rowCount() == 1
    # 销号 is refused before the issue is resolved, and the tooltip says why
    assert not window.form.close_issue_action.isEnabled()
    assert "尚未办结" in window.form.close_issue_action.toolTip()
    assert not window.form.phase_action.isEnabled()
    assert "尚未交办" in window.form.phase_action.toolTip()

    # 交办 with a deadline already past → overdue, red in the tree, listed in 待办提醒
    def fill_assign(d):
        choose(d.form.unit_combo, "区住建局")
        choose(d.form.person_combo, "李强（区住建局）")
        d.set_supporting([d.form.unit_combo.itemData(d.form.unit_combo.findText("区供电公司"))])
        d.form.deadline_edit.setDate(to_qdate(today - timedelta(days=3)))

    actions.run_dialog = Driver(fill_assign)
    window.form.assign_action.trigger()
    settle(qtbot, window)
    row = _row(window)
    assert (row.status_label, row.unit, row.person) == ("办理中", "区住建局", "李强")
    model = window.issue_panel.model
    assert model.data(model.index(0, 3), Qt.ItemDataRole.BackgroundRole).color().name() == "#fde2e1"
    assert any("超期1" in t for t in _tree_texts(window))
    reminders = window.reminder_panel.model.items
    assert [r.id for r in reminders] == [row.id] and reminders[0].overdue
    assert "配合单位" in window.history_panel.text() and "区供电公司" in window.history_panel.text()

    # 流转: an empty reason is refused with the service's message, the dialog stays open
    escalate = Driver(lambda d: None)
    actions.run_dialog = escalate
    window.form.escalate_action.trigger()
    settle(qtbot, window)
    assert escalate.last.result() == 0
    assert "「流转原因」：不能为空" in escalate.last.error_text

    def fill_escalate(d):
        choose(d.form.level_combo, "区级")
        d.form.reason_edit.setPlainText("涉及供电线路改迁，需区级协调")

    actions.run_dialog = Driver(fill_escalate)
    window.form.escalate_action.trigger()
    settle(qtbot, window)
    assert _row(window).level_label == "区级"
    assert "现场解决 → 区级" in window.history_panel.text()

    # 添加进展, then undo and redo it: each writes its own 操作日志 row, the journal keeps a trace of the undo
    actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("供电公司已现场勘察"))
    window.form.progress_action.trigger()
    settle(qtbot, window)
    assert _row(window).latest_progress == "供电公司已现场勘察"
    window.form.undo_action.trigger()
    settle(qtbot, window)
    assert _row(window).latest_progress == ""
    with office.db.read() as session:
        assert not session.query(IssueNote).filter_by(kind="progress").count()
        undo_note = session.query(IssueNote).filter_by(kind="undo").one()
        assert undo_note.text == f"撤销“添加进展”，撤回：[进展]{today.isoformat()} 供电公司已现场勘察"
        step = session.query(AuditLog).filter_by(action="undo").one()
        assert (step.entity, step.entity_id, step.field) == ("issue", row.id, "添加进展")
        assert (step.old_value, step.new_value) == ("最新进展：供电公司已现场勘察；办理进展：[进展]"
                                                    f"{today.isoformat()} 供电公司已现场勘察",
                                                    "最新进展：（空）；办理进展：已撤回（办理进展中留有撤销记录）")
        deleted = session.query(AuditLog).filter_by(action="delete", entity="issue_note").one()
        assert deleted.old_value == "供电公司已现场勘察"  # the withdrawn entry's text stays in the log
    history = window.history_panel.text()
    assert "[撤销] 撤销“添加进展”，撤回：" in history
    assert "撤销“添加进展”：最新进展：供电公司已现场勘察" in history
    window.form.redo_action.trigger()
    settle(qtbot, window)
    assert _row(window).latest_progress == "供电公司已现场勘察"
    with office.db.read() as session:
        redo = session.query(AuditLog).filter_by(action="redo").one()
        assert redo.field == "添加进展" and redo.new_value.startswith("最新进展：供电公司已现场勘察")
    assert "重做“添加进展”" in window.history_panel.text()

    # 办结 → 销号 满意 → 重新打开
    actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("已完成临时用电接入"))
    window.form.resolve_action.trigger()
    settle(qtbot, window)
    assert _row(window).status_label == "已办结"
    assert window.reminder_panel.model.items == []
    assert not any("超期1" in t for t in _tree_texts(window))
    assert window.form.close_issue_action.isEnabled()

    # 销号 without choosing a feedback is refused: nothing is pre-selected
    unanswered = Driver(lambda d: None)
    actions.run_dialog = unanswered
    window.form.close_issue_action.trigger()
    settle(qtbot, window)
    assert unanswered.last.result() == 0 and "请选择企业反馈" in unanswered.last.error_text
    assert _row(window).status_label == "已办结"

    actions.run_dialog = Driver(lambda d: d.choose(Feedback.SATISFIED))
    window.form.close_issue_action.trigger()
    settle(qtbot, window)
    assert _row(window).status_label == "已销号"
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ForegroundRole).color().name() == "#8a8a8a"
    history = window.history_panel.text()
    assert "企业反馈：（空） → 满意" in history and "企业反馈\n满意" in history

    # 重新打开: the reason is the latest progress at once; the old feedback stays in the journal and the log only
    actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("企业反映夜间仍断电"))
    window.form.reopen_action.trigger()
    settle(qtbot, window)
    assert _row(window).status_label == "办理中"
    assert _row(window).latest_progress == "重新打开：企业反映夜间仍断电"
    assert model.data(model.index(0, 9)) == "重新打开：企业反映夜间仍断电"
    assert any("超期1" in t for t in _tree_texts(window))
    history = window.history_panel.text()
    assert "企业反馈\n" not in history  # not beside 办理中 …
    assert "销号，反馈：满意" in history and "企业反馈：满意 → （空）" in history  # … but in the history

    # undo the reopen: back to 已销号 with its feedback, the undo written to the journal and the log
    window.form.undo_action.trigger()
    settle(qtbot, window)
    assert _row(window).status_label == "已销号"
    assert _row(window).latest_progress == "已完成临时用电接入"
    history = window.history_panel.text()
    assert "撤销“重新打开”：状态：办理中" in history and "[撤销] 撤销“重新打开”，撤回：[重新打开]" in history
    assert "企业反馈\n满意" in history


def test_close_with_unsatisfied_feedback_reopens(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    status = window.issue_panel.status_combo
    status.setCurrentIndex(status.findData("resolved"))
    window.issue_panel.table.selectRow(0)
    issue_id = window.issue_panel.current_id()
    window.issue_actions.run_dialog = Driver(lambda d: d.choose(Feedback.UNSATISFIED))
    window.form.close_issue_action.trigger()
    settle(qtbot, window)
    row = next(r for r in window.issue_panel.model.all_rows() if r.id == issue_id)
    assert row.status_label == "办理中"
    assert row.latest_progress == "反馈不满意，重新办理"
    with demo_workspace.db.read() as session:
        issue = session.get(Issue, issue_id)
        assert issue.feedback is None and issue.notes[-1].text == "反馈不满意，重新办理"


def test_undo_of_new_issue_removes_it(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    tree = window.form.project_tree_view.model()
    window.form.project_tree_view.setCurrentIndex(tree.item(1).child(0).index())
    before = window.issue_panel.model.total_count()
    window.issue_actions.run_dialog = Driver(lambda d: d.form.description_edit.setPlainText("临时道路未硬化"))
    window.form.new_issue_action.trigger()
    settle(qtbot, window)
    assert window.issue_panel.model.total_count() == before + 1
    assert window.issue_panel.current_row().project_id == tree.item(1).child(0).data(PROJECT_ID_ROLE)
    window.undo_stack.undo()
    settle(qtbot, window)
    assert window.issue_panel.model.total_count() == before
    assert "临时道路未硬化" not in [r.description for r in window.issue_panel.model.all_rows()]


def test_refusal_from_the_service_is_shown_in_the_dialog(qtbot, demo_workspace, today, tmp_path) -> None:
    """The row went stale (someone closed the issue meanwhile): the service's TransitionRefused is shown."""
    from desktop.services.issues import actions as issues

    window = open_window(qtbot, demo_workspace, today, tmp_path)
    status = window.issue_panel.status_combo
    status.setCurrentIndex(status.findData("resolved"))
    window.issue_panel.table.selectRow(0)
    issue_id = window.issue_panel.current_id()

    def closed_elsewhere(dialog):
        with demo_workspace.db.transaction() as session:
            issues.close(session, issue_id, "satisfied", on=today)
        dialog.form.text_edit.setPlainText("补充说明")

    driver = Driver(closed_elsewhere)
    window.issue_actions.run_dialog = driver
    window.form.progress_action.trigger()
    settle(qtbot, window)
    assert driver.last.result() == 0
    assert driver.last.error_text == "不能添加进展该问题：已销号的事项不能再添加进展，如需继续办理请先重新打开。"
    assert not window.undo_stack.canUndo()


def test_keyboard_shortcuts_reach_the_actions(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    with qtbot.waitActive(window):
        window.activateWindow()
    status = window.issue_panel.status_combo
    status.setCurrentIndex(status.findData("assigned"))
    window.issue_panel.table.selectRow(0)
    window.issue_panel.table.setFocus()
    driver = Driver(lambda d: d.form.text_edit.setPlainText("已召开协调会"))
    window.issue_actions.run_dialog = driver
    qtbot.keyClick(window.issue_panel.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert driver.dialogs and window.issue_panel.current_row().latest_progress == "已召开协调会"
    qtbot.keyClick(window.issue_panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert window.issue_panel.current_row().latest_progress != "已召开协调会"


def test_ctrl_k_then_enter_does_not_close_an_issue(qtbot, demo_workspace, today, tmp_path) -> None:
    """The 'closed on paper' shortcut: 销号 opened by keyboard and confirmed at once records nothing."""
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    with qtbot.waitActive(window):
        window.activateWindow()
    status = window.issue_panel.status_combo
    status.setCurrentIndex(status.findData("resolved"))
    window.issue_panel.table.selectRow(0)
    window.issue_panel.table.setFocus()
    issue_id = window.issue_panel.current_id()
    seen = []

    def run(dialog):
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.form.feedback_group.checkedButton() is None  # nothing chosen for the clerk
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        assert dialog.result() == 0 and dialog.isVisible() and "请选择企业反馈" in dialog.error_text
        qtbot.mouseClick(dialog.form.basically_radio, Qt.MouseButton.LeftButton)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        return dialog.result()

    window.issue_actions.run_dialog = run
    with demo_workspace.db.read() as session:
        before = session.get(Issue, issue_id).status
    assert before == "resolved"
    qtbot.keyClick(window.issue_panel.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert len(seen) == 1 and seen[0].result() == 1
    with demo_workspace.db.read() as session:
        issue = session.get(Issue, issue_id)
        assert (issue.status, issue.feedback) == ("closed", "basically")


def test_office_allows_not_asked_then_a_close_records_the_reason(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    actions = window.issue_actions
    status = window.issue_panel.status_combo
    status.setCurrentIndex(status.findData("resolved"))
    window.issue_panel.table.selectRow(0)
    issue_id = window.issue_panel.current_id()

    offered = []
    actions.run_dialog = Driver(lambda d: offered.append(d.form.not_asked_radio.isVisibleTo(d)) or d.reject())
    window.form.close_issue_action.trigger()
    settle(qtbot, window)
    assert offered == [False]  # off by default: only the three answers

    actions.run_dialog = Driver(lambda d: d.form.allow_not_asked_check.setChecked(True))
    with qtbot.waitSignal(window.ops.changed) as broadcast:  # read and saved on the worker, then broadcast
        window.form.issue_settings_action.trigger()
    settle(qtbot, window)
    assert broadcast.args[0].settings
    with demo_workspace.db.read() as session:
        row = session.query(AuditLog).filter_by(entity="app_setting", field="allow_feedback_not_asked").one()
        assert (row.operator, row.new_value) == ("测试员", "true")

    def not_asked(d):
        assert d.form.not_asked_radio.isVisibleTo(d)
        d.choose(Feedback.NOT_ASKED)
        d.accept()  # no reason yet: refused
        assert "须写明未能征求企业意见的原因" in d.error_text
        d.form.reason_edit.setText("企业已注销，法定代表人联系不上")

    actions.run_dialog = Driver(not_asked)
    window.form.close_issue_action.trigger()
    settle(qtbot, window)
    with demo_workspace.db.read() as session:
        issue = session.get(Issue, issue_id)
        assert (issue.status, issue.feedback, issue.feedback_reason) == (
            "closed", "not_asked", "企业已注销，法定代表人联系不上")
    status.setCurrentIndex(status.findData("closed"))  # the 已办结 filter no longer shows it
    window.issue_panel.select_issue(issue_id)
    settle(qtbot, window)  # its history is read on the worker
    assert "企业反馈\n未能征求（企业已注销，法定代表人联系不上）" in window.history_panel.text()
