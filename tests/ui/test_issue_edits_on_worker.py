"""Issue edits and their undo run their service call on the window's worker; the GUI thread collects the input and
then swaps in the changed rows (no model reset), the tree's badges (items changed in place) and the reminders."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.db.models import Issue
from desktop.services.issues import actions as issue_services
from desktop.services.issues import undo as issue_undo
from desktop.ui.models.issue_table import COLUMNS
from tests.ui.helpers import Driver, open_window, settle

PROGRESS = next(i for i, (key, _label) in enumerate(COLUMNS) if key == "progress")
STATUS = next(i for i, (key, _label) in enumerate(COLUMNS) if key == "status")


def _select_open_issue(window) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    model = window.issue_panel.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).status_label == "办理中")
    window.issue_panel.table.selectRow(row)
    return row, window.issue_panel.current_id()


def _recording_thread(monkeypatch, module, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    threads: list[str] = []
    real = getattr(module, name)

    def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapped)
    return threads


def _resets(window) -> list[int]:  # type: ignore[no-untyped-def]
    resets: list[int] = []
    window.issue_panel.model.modelReset.connect(lambda: resets.append(1))
    return resets


def test_resolve_runs_on_the_worker_and_updates_only_its_row(qtbot, demo_workspace, today, tmp_path,
                                                             monkeypatch) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    position, issue_id = _select_open_issue(window)
    model = window.issue_panel.model
    tree_model = window.form.project_tree_view.model()
    reminders_before = {r.id for r in window.reminder_panel.model.items if r.kind == "issue"}
    threads = _recording_thread(monkeypatch, issue_services, "resolve")
    resets = _resets(window)
    repainted: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: repainted.append(top.row()))
    waiting: list[tuple[bool, bool]] = []

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.form.text_edit.setPlainText("已完成临时用电接入")
        dialog.accept()  # OK: the dialog waits for the worker, its buttons off, nothing closed yet
        waiting.append((dialog.pending, dialog.form.button_box.isEnabled()))

    driver = Driver(fill)
    window.issue_actions.run_dialog = driver
    window.form.resolve_action.trigger()
    assert driver.last.result() == 1 and waiting == [(True, False)]
    settle(qtbot, window)

    assert threads and threads[0] != threading.main_thread().name
    with demo_workspace.db.read() as session:
        issue = session.get(Issue, issue_id)
        assert (issue.status, issue.latest_progress) == ("resolved", "已完成临时用电接入")
    assert resets == []  # the row was swapped in place: no full reload of 300 rows
    assert repainted == [position]
    assert model.data(model.index(position, STATUS)) == "已办结"
    assert model.data(model.index(position, PROGRESS)) == "已完成临时用电接入"
    assert window.issue_panel.current_id() == issue_id
    assert window.form.project_tree_view.model() is tree_model  # badges changed in place, tree kept
    reminders_after = {r.id for r in window.reminder_panel.model.items if r.kind == "issue"}
    assert reminders_after == reminders_before - {issue_id}
    assert window.form.reminder_dock.windowTitle() == f"待办提醒（{len(window.reminder_panel.model.items)}）"
    assert "已完成临时用电接入" in window.history_panel.text()
    assert window.form.close_issue_action.isEnabled()  # 销号 follows the new status


def test_the_tree_badge_follows_an_edit_in_place(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    model = window.issue_panel.model
    row = next(r for r in model.all_rows() if r.status_label == "办理中" and r.deadline and r.deadline < today)
    window.issue_panel.select_issue(row.id)
    node = window.node(row.project_id)
    tree = window.form.project_tree_view.model()

    def project_text() -> str:
        for g in range(tree.rowCount()):
            group = tree.item(g)
            for c in range(group.rowCount()):
                if group.child(c).data(Qt.ItemDataRole.UserRole + 1) == row.project_id:
                    return group.child(c).text()
        raise AssertionError("project not in the tree")

    assert project_text().endswith(f"⚠超期{node.overdue_issues}")
    window.issue_actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("已办结"))
    window.form.resolve_action.trigger()
    settle(qtbot, window)
    assert window.form.project_tree_view.model() is tree
    left = node.overdue_issues - 1
    assert window.node(row.project_id).overdue_issues == left
    assert project_text() == node.name + (f"  ⚠超期{left}" if left else "")


def test_a_refusal_from_the_worker_keeps_the_dialog_and_its_input(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    _position, issue_id = _select_open_issue(window)
    with demo_workspace.db.transaction() as session:  # a colleague resolved and closed it meanwhile
        issue_services.resolve(session, issue_id, "已解决", on=today)
        issue_services.close(session, issue_id, "satisfied", on=today)
    resets = _resets(window)
    driver = Driver(lambda d: d.form.text_edit.setPlainText("补充说明"))
    window.issue_actions.run_dialog = driver
    window.form.progress_action.trigger()
    settle(qtbot, window)
    assert driver.last.result() == 0 and not driver.last.pending
    assert "已销号的事项不能再添加进展" in driver.last.error_text
    assert driver.last.form.text_edit.toPlainText() == "补充说明"
    assert driver.last.form.button_box.isEnabled()
    assert not window.undo_stack.canUndo() and resets == []


def test_undo_and_redo_run_on_the_worker(qtbot, demo_workspace, today, tmp_path, monkeypatch) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    position, issue_id = _select_open_issue(window)
    model = window.issue_panel.model
    window.issue_actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("供电公司已现场勘察"))
    window.form.progress_action.trigger()
    settle(qtbot, window)
    undo_threads = _recording_thread(monkeypatch, issue_undo, "undo_step")
    redo_threads = _recording_thread(monkeypatch, issue_undo, "redo_step")
    resets = _resets(window)

    window.undo_stack.undo()
    window.undo_stack.redo()  # asked before the undo answered: the worker runs them in this order
    window.undo_stack.undo()
    settle(qtbot, window)
    main = threading.main_thread().name
    assert len(undo_threads) == 2 and len(redo_threads) == 1 and main not in undo_threads + redo_threads
    with demo_workspace.db.read() as session:
        texts = list(session.scalars(select(Issue.latest_progress).where(Issue.id == issue_id)))
    assert texts != ["供电公司已现场勘察"]
    assert model.data(model.index(position, PROGRESS)) == texts[0]
    assert resets == [] and window.undo_stack.canRedo() and not window.undo_stack.canUndo()


def test_a_refused_undo_leaves_the_stack_where_the_data_is(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    _position, issue_id = _select_open_issue(window)
    window.issue_actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("已召开协调会"))
    window.form.progress_action.trigger()
    settle(qtbot, window)
    with demo_workspace.db.transaction() as session:
        issue_services.add_progress(session, issue_id, "供电公司已进场施工", on=today)
    failures: list[str] = []
    window.issue_actions.failed.disconnect(window.show_error)  # no modal message box in the test
    window.issue_actions.failed.connect(failures.append)
    window.undo_stack.undo()
    settle(qtbot, window)
    assert len(failures) == 1 and failures[0].startswith("无法撤销“添加进展”")
    assert window.undo_stack.count() == 0  # dropped: neither undo nor redo offers it any more
    assert not window.form.undo_action.isEnabled() and not window.form.redo_action.isEnabled()
    assert window.issue_panel.current_row().latest_progress == "供电公司已进场施工"
