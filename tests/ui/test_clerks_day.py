"""A clerk's whole day through the real main window (#14, "How it is checked"): the keyboard and the window's own
actions and dialogs, never a service call to make a change. After each step the database (read through the
services), the 操作日志 (in Chinese, by the person at the window, old → new) and what the table shows are checked,
so a step that only looks done on screen, or writes a record nobody made, fails here."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.db.enums import Feedback
from desktop.services import audit_log
from desktop.services.audit_log import AuditFilter
from desktop.services.issues import history as issue_history
from desktop.ui.dates import to_qdate
from desktop.ui.models.project_tree import PROJECT_ID_ROLE
from tests.ui.helpers import Driver, choose, open_window, settle

OPERATOR = "测试员"  # the workspace fixture's person at the window


def _log(workspace, entity: str, entity_id: int) -> list[tuple[str, str, str, str, str]]:
    """The 操作日志 of one record as the dialog shows it, oldest first: (操作人, 操作, 字段, 原值, 新值)."""
    with workspace.db.read() as session:
        rows = audit_log.page(session, AuditFilter(entity=entity, entity_id=entity_id), limit=1000)
    return [(r[2], r[3], r[6], r[7], r[8]) for r in reversed(rows)]


def _new_entries(workspace, entity: str, entity_id: int, seen: list) -> list[tuple[str, str, str, str, str]]:
    """The 操作日志 rows written since the last call (`seen` holds what was there), all by the person at the window."""
    rows = _log(workspace, entity, entity_id)
    new = rows[len(seen):]
    seen[:] = rows
    assert new, "the step wrote nothing to the 操作日志"
    assert all(r[0] == OPERATOR for r in new), new
    for _operator, action, field, old, value in new:
        assert action.isascii() is False and (field == "" or not field.isascii()), (action, field)
        for text in (old, value):
            assert text not in {"closed", "assigned", "resolved", "satisfied", "unsatisfied", "in_progress"}, text
    return new


def _row(window):
    return window.issue_panel.current_row()


def _shown(window, header: str) -> str:
    """What the issue table shows in the selected row under `header`."""
    model = window.issue_panel.model
    columns = {model.headerData(c, Qt.Orientation.Horizontal): c for c in range(model.columnCount())}
    return model.data(model.index(window.issue_panel.table.currentIndex().row(), columns[header]))


def _history(workspace, issue_id: int):
    with workspace.db.read() as session:
        return issue_history.load_issue_history(session, issue_id)


def test_a_clerks_day_with_one_issue(qtbot, demo_workspace, today, tmp_path) -> None:
    ws = demo_workspace
    window = open_window(qtbot, ws, today, tmp_path)
    settle(qtbot, window)

    # find the project by the pinyin initials of its name, Down into the results, Enter opens its page
    search = window.form.project_search_edit
    search.setFocus()
    qtbot.keyClicks(search, "hkxy")
    qtbot.keyClick(search, Qt.Key.Key_Down)
    tree = window.form.project_tree_view
    assert tree.hasFocus() or window.focusWidget() is tree
    project_id = tree.currentIndex().data(PROJECT_ID_ROLE)
    assert project_id is not None and tree.currentIndex().data().startswith("汉口学院")
    opened: list[QDialog] = []
    window.project_actions.run_dialog = lambda page: opened.append(page) or 0
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0].project_id == project_id
    assert window.current_project_id() == project_id
    assert all(r.project_id == project_id for r in window.issue_panel.model.visible_rows())

    # 新增问题 for that project
    found = today - timedelta(days=20)

    def fill_issue(d):
        d.form.description_edit.setPlainText("临时用电增容审批未办结，影响主体施工")
        d.form.found_on_edit.setDate(to_qdate(found))

    window.issue_actions.run_dialog = Driver(fill_issue)
    window.form.new_issue_action.trigger()
    settle(qtbot, window)
    row = _row(window)
    issue_id = row.id
    assert (row.project_id, row.status_label, row.description) == (project_id, "待交办", "临时用电增容审批未办结，影响主体施工")
    seen: list = []
    assert _new_entries(ws, "issue", issue_id, seen) == [(OPERATOR, "新增", "", "", "临时用电增容审批未办结，影响主体施工")]
    assert _shown(window, "状态") == "待交办"

    # 交办 to the first unit and person offered, ten days to go
    def fill_assign(d):
        d.form.unit_combo.setCurrentIndex(1)
        d.form.person_combo.setCurrentIndex(1)
        d.form.deadline_edit.setDate(to_qdate(today + timedelta(days=10)))

    window.issue_actions.run_dialog = Driver(fill_assign)
    window.form.assign_action.trigger()
    settle(qtbot, window)
    row = _row(window)
    unit, person = row.unit, row.person
    assert unit and person and row.deadline == today + timedelta(days=10)
    story = _history(ws, issue_id)
    assert (story.status_label, story.unit, story.person, story.deadline) == ("办理中", unit, person,
                                                                              row.deadline.isoformat())
    assert _new_entries(ws, "issue", issue_id, seen) == [
        (OPERATOR, "修改", "责任单位", "", unit), (OPERATOR, "修改", "责任人", "", person),
        (OPERATOR, "修改", "完成时限", "", row.deadline.isoformat()), (OPERATOR, "修改", "状态", "待交办", "办理中")]
    assert (_shown(window, "状态"), _shown(window, "责任单位")) == ("办理中", unit)

    # 流转 to 区级
    def fill_escalate(d):
        choose(d.form.level_combo, "区级")
        d.form.reason_edit.setPlainText("涉及供电线路改迁，需区级协调")

    window.issue_actions.run_dialog = Driver(fill_escalate)
    window.form.escalate_action.trigger()
    settle(qtbot, window)
    assert _history(ws, issue_id).level_path == "现场解决 → 区级"
    assert _new_entries(ws, "issue", issue_id, seen) == [(OPERATOR, "修改", "当前层级", "现场解决", "区级")]
    assert _row(window).level_label == "区级"

    # 添加进展
    window.issue_actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("供电公司已现场勘察"))
    window.form.progress_action.trigger()
    settle(qtbot, window)
    assert _history(ws, issue_id).notes[0].text == "供电公司已现场勘察"
    assert _new_entries(ws, "issue", issue_id, seen) == [(OPERATOR, "修改", "最新进展", "", "供电公司已现场勘察")]
    assert _shown(window, "最新进展") == "供电公司已现场勘察"

    # 办结
    window.issue_actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("已完成临时用电接入"))
    window.form.resolve_action.trigger()
    settle(qtbot, window)
    assert _history(ws, issue_id).status_label == "已办结"
    assert _new_entries(ws, "issue", issue_id, seen) == [
        (OPERATOR, "修改", "状态", "办理中", "已办结"),
        (OPERATOR, "修改", "最新进展", "供电公司已现场勘察", "已完成临时用电接入"),
        (OPERATOR, "修改", "办结日期", "", today.isoformat())]
    assert (_shown(window, "状态"), _shown(window, "最新进展")) == ("已办结", "已完成临时用电接入")

    # 销号 without choosing the enterprise's answer: refused in the dialog, nothing written anywhere
    unanswered = Driver(lambda d: None)
    window.issue_actions.run_dialog = unanswered
    window.form.close_issue_action.trigger()
    settle(qtbot, window)
    assert unanswered.last.result() == 0
    assert unanswered.last.error_text.startswith("请选择企业反馈（满意、基本满意、不满意）")
    assert _log(ws, "issue", issue_id) == seen
    story = _history(ws, issue_id)
    assert (story.status_label, story.feedback) == ("已办结", "")
    assert _shown(window, "状态") == "已办结"

    # 销号 with 满意
    window.issue_actions.run_dialog = Driver(lambda d: d.choose(Feedback.SATISFIED))
    window.form.close_issue_action.trigger()
    settle(qtbot, window)
    story = _history(ws, issue_id)
    assert (story.status_label, story.feedback) == ("已销号", "满意")
    assert _new_entries(ws, "issue", issue_id, seen) == [
        (OPERATOR, "修改", "状态", "已办结", "已销号"), (OPERATOR, "修改", "销号日期", "", today.isoformat()),
        (OPERATOR, "修改", "企业反馈", "", "满意")]
    assert _shown(window, "状态") == "已销号"

    # 重新打开: the reason is the latest progress at once; the old feedback stays in the log, not beside 办理中
    reopened = [(OPERATOR, "修改", "状态", "已销号", "办理中"),
                (OPERATOR, "修改", "最新进展", "已完成临时用电接入", "重新打开：企业反映夜间仍断电"),
                (OPERATOR, "修改", "办结日期", today.isoformat(), ""),
                (OPERATOR, "修改", "销号日期", today.isoformat(), ""), (OPERATOR, "修改", "企业反馈", "满意", "")]
    window.issue_actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("企业反映夜间仍断电"))
    window.form.reopen_action.trigger()
    settle(qtbot, window)
    story = _history(ws, issue_id)
    assert (story.status_label, story.feedback) == ("办理中", "")
    assert _new_entries(ws, "issue", issue_id, seen) == reopened
    assert (_shown(window, "状态"), _shown(window, "最新进展")) == ("办理中", "重新打开：企业反映夜间仍断电")
    assert "销号，反馈：满意" in window.history_panel.text()

    # undo the reopening: back to 已销号 with its feedback; the undo is a row of its own, the journal keeps a trace
    window.form.undo_action.trigger()
    settle(qtbot, window)
    story = _history(ws, issue_id)
    assert (story.status_label, story.feedback) == ("已销号", "满意")
    assert story.notes[0].kind == "undo" and story.notes[0].text.startswith("撤销“重新打开”")
    undone = _new_entries(ws, "issue", issue_id, seen)
    assert undone[:-1] == [(o, a, f, new, old) for o, a, f, old, new in reopened]
    assert undone[-1][:3] == (OPERATOR, "撤销", "重新打开")
    assert undone[-1][3].startswith("状态：办理中；") and undone[-1][4].startswith("状态：已销号；")
    assert (_shown(window, "状态"), _shown(window, "最新进展")) == ("已销号", "已完成临时用电接入")

    # redo it: 办理中 again, and the redo is logged too
    window.form.redo_action.trigger()
    settle(qtbot, window)
    assert _history(ws, issue_id).status_label == "办理中"
    redone = _new_entries(ws, "issue", issue_id, seen)
    assert redone[:-1] == reopened and redone[-1][:3] == (OPERATOR, "重做", "重新打开")
    assert redone[-1][4].startswith("状态：办理中；最新进展：重新打开：企业反映夜间仍断电")
    assert (_shown(window, "状态"), _shown(window, "最新进展")) == ("办理中", "重新打开：企业反映夜间仍断电")
