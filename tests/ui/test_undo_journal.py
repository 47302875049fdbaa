"""Every undo and redo of the main window writes its own 操作日志 row, in Chinese, and an undo never takes away
what someone recorded after the step it undoes."""

from __future__ import annotations

import re

from sqlalchemy import select

from desktop.db.enums import Feedback
from desktop.db.models import AuditLog, Issue, IssueNote, Project
from desktop.services import audit_log
from desktop.services.issues import actions as issues
from desktop.ui.models.project_tree import PROJECT_ID_ROLE
from tests.ui.helpers import Driver, open_window, settle


def _steps(workspace) -> list[tuple[str, str, int | None, str, str, str]]:
    with workspace.db.read() as session:
        rows = session.scalars(select(AuditLog).where(AuditLog.action.in_(("undo", "redo"))).order_by(AuditLog.id))
        return [(r.action, r.entity, r.entity_id, r.field, r.old_value, r.new_value) for r in rows]


def _select_first_project(window) -> int:
    item = window.form.project_tree_view.model().item(1).child(0)
    window.form.project_tree_view.setCurrentIndex(item.index())
    return item.data(PROJECT_ID_ROLE)


def test_project_steps_and_new_issue_each_log_their_undo_and_redo(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    project_id = _select_first_project(window)
    window.project_actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("转入市级统筹"))
    window.form.remove_project_action.trigger()
    settle(qtbot, window)
    window.undo_stack.undo()
    settle(qtbot, window)
    window.undo_stack.redo()
    settle(qtbot, window)
    window.undo_stack.undo()
    settle(qtbot, window)
    removal = [s for s in _steps(demo_workspace) if s[3] == "调出名单"]
    assert [s[0] for s in removal] == ["undo", "redo", "undo"]
    assert removal[0][1:3] == ("project", project_id)
    assert removal[0][4] == f"调出日期：{today.isoformat()}；调出原因：转入市级统筹"
    assert removal[0][5] == "调出日期：（空）；调出原因：（空）"

    def edit(page):
        page.form.name_edit.setText("汉口学院新校区二期")

    window.project_actions.run_dialog = Driver(edit)
    window.form.edit_project_action.trigger()
    settle(qtbot, window)
    with demo_workspace.db.read() as session:
        old_name = session.get(Project, project_id).name
    window.undo_stack.undo()
    settle(qtbot, window)
    edit_undo = _steps(demo_workspace)[-1]
    assert edit_undo[0] == "undo" and edit_undo[3] == "修改项目 汉口学院新校区二期"
    assert edit_undo[4] == "项目名称：汉口学院新校区二期" and edit_undo[5].startswith("项目名称：")
    assert old_name == "汉口学院新校区二期"

    window.issue_actions.run_dialog = Driver(lambda d: d.form.description_edit.setPlainText("临时道路未硬化"))
    window.form.new_issue_action.trigger()
    settle(qtbot, window)
    first_id = window.issue_panel.current_id()
    window.undo_stack.undo()
    settle(qtbot, window)
    window.undo_stack.redo()
    settle(qtbot, window)
    created = [s for s in _steps(demo_workspace) if s[3] == "新增问题"]
    assert [s[0] for s in created] == ["undo", "redo"] and created[0][2] == first_id
    assert created[0][4] == "问题描述：临时道路未硬化；记录：已登记" and created[0][5] == "问题描述：（空）；记录：已删除"
    with demo_workspace.db.read() as session:
        deleted = session.scalars(select(AuditLog).where(AuditLog.action == "delete", AuditLog.entity == "issue",
                                                         AuditLog.entity_id == first_id)).one()
        assert deleted.old_value == "临时道路未硬化"
        assert session.get(Issue, created[1][2]).description == "临时道路未硬化"


def test_an_undo_after_someone_else_worked_on_the_issue_is_refused(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    status = window.issue_panel.status_combo
    status.setCurrentIndex(status.findData("assigned"))
    window.issue_panel.table.selectRow(0)
    issue_id = window.issue_panel.current_id()
    window.issue_actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("已召开协调会"))
    window.form.progress_action.trigger()
    settle(qtbot, window)
    with demo_workspace.db.transaction() as session:  # a colleague, on another PC, records the next step
        issues.add_progress(session, issue_id, "供电公司已进场施工", on=today)
    failures: list[str] = []
    window.issue_actions.failed.connect(failures.append)
    window.issue_actions.failed.disconnect(window.show_error)  # no modal message box in the test
    window.undo_stack.undo()
    settle(qtbot, window)
    assert failures == ["无法撤销“添加进展”：该问题在“添加进展”之后已有新的办理记录或修改，不能撤销，以免抹去后来的记录。"]
    with demo_workspace.db.read() as session:
        issue = session.get(Issue, issue_id)
        assert issue.latest_progress == "供电公司已进场施工"
        texts = [n.text for n in issue.notes]
        assert texts[-2:] == ["已召开协调会", "供电公司已进场施工"]
        assert not session.scalars(select(IssueNote).where(IssueNote.kind == "undo")).first()
    assert not [s for s in _steps(demo_workspace) if s[2] == issue_id]


def test_the_audit_log_shows_no_stored_code(qtbot, demo_workspace, today, tmp_path) -> None:
    """After a day of steps, undos and redos, nothing a user reads in the 操作日志 is an English code."""
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    status = window.issue_panel.status_combo
    status.setCurrentIndex(status.findData("resolved"))
    window.issue_panel.table.selectRow(0)
    window.issue_actions.run_dialog = Driver(lambda d: d.choose(Feedback.SATISFIED))
    window.form.close_issue_action.trigger()
    settle(qtbot, window)
    window.issue_actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("企业反映仍有问题"))
    window.form.reopen_action.trigger()
    settle(qtbot, window)
    window.undo_stack.undo()
    settle(qtbot, window)
    window.undo_stack.redo()
    settle(qtbot, window)
    code = re.compile(r"\b(new|assigned|phased|resolved|closed|satisfied|basically|unsatisfied|not_asked|site|"
                      r"task_force|district|city|create|update|delete|undo|redo|issue|project|True|False)\b")
    with demo_workspace.db.read() as session:
        rows = audit_log.page(session, limit=5000)
    assert rows
    for row in rows:
        for text in row[3:]:
            assert not code.search(text), row
