"""Project tree groupings, counts and 动态调整; the project page's validation, leaders and milestones."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.db.models import Assignment, Project
from desktop.ui.models.project_tree import PROJECT_ID_ROLE
from tests.ui.helpers import Driver, choose, open_window, settle, wait_for_dialog


def _first_project(window):
    tree = window.form.project_tree_view.model()
    item = tree.item(1).child(0)
    window.form.project_tree_view.setCurrentIndex(item.index())
    return item.data(PROJECT_ID_ROLE), item.text()


def test_groupings_show_counts(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    for label in ("按项目专班", "按包保领导", "按街乡", "按阶段", "按类别"):
        choose(window.form.grouping_combo, label)
        tree = window.form.project_tree_view.model()
        assert tree.rowCount() > 2
        group = tree.item(1)
        assert "项·未办结" in group.text() and "超期" in group.text()
        members = [group.child(r).data(PROJECT_ID_ROLE) for r in range(group.rowCount())]
        window.form.project_tree_view.setCurrentIndex(group.index())
        assert all(r.project_id in members for r in window.issue_panel.model.visible_rows())
    # the overdue badge and the count agree with the ledger
    project_id, text = _first_project(window)
    node = window.node(project_id)
    overdue = sum(1 for r in window.issue_panel.model.visible_rows()
                  if r.deadline and r.deadline < today and not r.is_done)
    assert node.overdue_issues == overdue
    assert (f"超期{overdue}" in text) == bool(overdue)


def test_remove_from_list_greys_the_project_and_undo_restores(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    project_id, _text = _first_project(window)
    menu = window.project_actions.context_menu(window.pos())
    assert window.form.remove_project_action in menu.actions()

    empty = Driver(lambda d: None)
    window.project_actions.run_dialog = empty
    window.form.remove_project_action.trigger()
    assert "「调出原因」：不能为空" in empty.last.error_text

    window.project_actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("项目主体已转入市级统筹"))
    window.form.remove_project_action.trigger()
    settle(qtbot, window)  # the tree re-reads on the worker
    item = window.form.project_tree_view.currentIndex()
    assert item.data(PROJECT_ID_ROLE) == project_id
    assert item.data().endswith("（已调出）")
    assert item.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#9a9a9a"
    assert not window.form.remove_project_action.isEnabled()
    assert window.form.remove_project_action.toolTip() == "该项目已调出名单"
    with demo_workspace.db.read() as session:
        project = session.get(Project, project_id)
        assert project.removed_reason == "项目主体已转入市级统筹"
        assert all(a.end_date is not None for a in project.assignments)

    window.form.undo_action.trigger()
    settle(qtbot, window)
    assert not window.form.project_tree_view.currentIndex().data().endswith("（已调出）")
    with demo_workspace.db.read() as session:
        assert session.get(Project, project_id).removed_on is None


def test_project_page_validates_and_saves_in_one_go(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    project_id, _text = _first_project(window)
    pages = []

    def bad_edit(page):
        pages.append(page)
        page.form.name_edit.setText("改过的名称")
        page.form.annual_plan_spin.setValue(page.form.total_investment_spin.value() + 1)

    window.project_actions.run_dialog = Driver(bad_edit)
    window.form.edit_project_action.trigger()
    settle(qtbot, window)  # the page is read on the worker, then opened
    page = pages[0]
    assert page.result() == 0
    assert "「年度计划投资」：不能大于总投资" in page.form.error_label.text()

    page.form.annual_plan_spin.setValue(1000)
    page.milestone_model.item(0, 2).setText("2026-13-01")
    page.accept()
    assert page.result() == 0
    assert "第1行「实际日期」：“2026-13-01”不是有效日期：月份应为1—12" in page.form.error_label.text()
    with demo_workspace.db.read() as session:
        assert session.get(Project, project_id).name != "改过的名称"  # nothing saved half-way

    page.milestone_model.item(0, 2).setText("")
    page.accept()
    wait_for_dialog(page)  # saved on the worker: the page closes when it answers
    assert page.result() == 1
    window.project_changed(project_id)
    settle(qtbot, window)  # read on the worker
    assert window.form.project_tree_view.currentIndex().data().startswith("改过的名称")
    assert all(r.project_name == "改过的名称" for r in window.issue_panel.model.visible_rows())
    with demo_workspace.db.read() as session:
        project = session.get(Project, project_id)
        assert project.annual_plan_yuan == 10_000_000 and project.milestones[0].actual_date is None


def test_project_page_leaders_history(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    project_id, _text = _first_project(window)
    seen = []
    window.project_actions.run_dialog = lambda page: seen.append(page) or 0
    window.form.edit_project_action.trigger()
    settle(qtbot, window)  # the page is read on the worker, then opened
    page = seen[0]
    assert page.page is not None and page.page.issues
    assert page.month_model.rowCount() == 12
    assert "序时进度" in page.form.investment_summary_label.text()
    active_before = sum(1 for a in page.page.assignments if a.active)

    def add(d):
        d.form.leader_combo.setCurrentIndex(d.form.leader_combo.count() - 1)

    page.run_dialog = Driver(add)
    page.add_leader()
    settle(qtbot, window)  # the page re-reads on the worker
    assert sum(1 for a in page.page.assignments if a.active) == active_before + 1
    page.form.assignment_table_view.selectRow(0)
    assert page.form.end_assignment_button.isEnabled()
    page.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("工作调整"))
    page.end_assignment()
    settle(qtbot, window)
    ended = [a for a in page.page.assignments if not a.active]
    assert any(a.end_reason == "工作调整" for a in ended)
    assert page.assignment_model.rowCount() == len(page.page.assignments)
    assert page.changed_outside_save
    with demo_workspace.db.read() as session:
        rows = session.query(Assignment).filter_by(project_id=project_id).all()
        assert any(a.end_reason == "工作调整" for a in rows)


def test_screenshot_tool_writes_pngs(qtbot, demo_workspace, today, tmp_path) -> None:
    from desktop.tools.screenshot import main

    assert main(["--out", str(tmp_path / "shots"), "--data-dir", str(demo_workspace.data_dir),
                 "--today", today.isoformat()]) == 0
    names = sorted(p.name for p in (tmp_path / "shots").glob("*.png"))
    assert "main_1366x768.png" in names and "project_page_basic.png" in names and "dialog_assign.png" in names


def test_project_page_edit_can_be_undone(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    project_id, _text = _first_project(window)
    with demo_workspace.db.read() as session:
        project = session.get(Project, project_id)
        old_name, milestones = project.name, len(project.milestones)

    def edit(page):
        page.form.name_edit.setText("汉口学院新校区二期")
        page.milestone_model.removeRow(0)

    window.project_actions.run_dialog = Driver(edit)
    window.form.edit_project_action.trigger()
    settle(qtbot, window)  # the tree re-reads on the worker
    assert window.form.project_tree_view.currentIndex().data().startswith("汉口学院新校区二期")
    assert window.form.undo_action.text() == "撤销“修改项目 汉口学院新校区二期”"

    window.form.undo_action.trigger()
    settle(qtbot, window)
    assert window.form.project_tree_view.currentIndex().data().startswith(old_name)
    with demo_workspace.db.read() as session:
        project = session.get(Project, project_id)
        assert project.name == old_name and len(project.milestones) == milestones

    window.form.redo_action.trigger()
    settle(qtbot, window)
    with demo_workspace.db.read() as session:
        project = session.get(Project, project_id)
        assert project.name == "汉口学院新校区二期" and len(project.milestones) == milestones - 1
