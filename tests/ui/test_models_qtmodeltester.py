"""Every item model of the window passes pytest-qt's `qtmodeltester` (Qt's QAbstractItemModelTester): filled with
the demo office's real data, and kept under the tester while it changes the way the user changes it (filter, sort,
re-read after a write). Every case's change includes a write announced on the change broadcast (`Ops.notify`), so
each model is also checked while it re-reads the way it does after a real edit. A broken invariant is a Qt
warning, and Qt warnings fail tests.

The first test makes sure no model class is added to desktop/ui without being checked here or in the test named.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.services.lifecycle import Action
from desktop.ui.main_window import MainWindow
from desktop.ui.models.project_tree import build_tree
from desktop.ui.ops import Change
from tests.ui.helpers import open_window, settle

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"

# Model classes checked elsewhere, with the test that does it.
CHECKED_ELSEWHERE = {
    "ImportPreviewModel": "tests/ui/test_import_wizard.py",
    "AuditTableModel": "tests/ui/test_reliability_ui.py",
}


def _model_classes() -> set[str]:
    found = set()
    for path in UI.rglob("*.py"):
        if "forms" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                    getattr(base, "id", getattr(base, "attr", "")).endswith("Model") for base in node.bases):
                found.add(node.name)
    return found


def _write_and_announce(qtbot, window: MainWindow, work, change) -> None:  # type: ignore[no-untyped-def]
    """A service write on the worker, then its change on the broadcast (as an action does), re-read and shown."""
    done: list[object] = []
    window.ops.run(work, lambda result: (done.append(result), window.ops.notify(change)))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    settle(qtbot, window)


def _an_open_issue(window: MainWindow) -> int:
    model = window.issue_panel.model
    return next(r.id for r in model.visible_rows() if not r.is_done and r.deadline is not None)


def _resolve_one(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """办结 of an open issue with a deadline: its row, the counts, the reminders and the tree's badges move."""
    from desktop.services.issues import actions

    issue_id = _an_open_issue(window)

    def work(workspace):  # type: ignore[no-untyped-def]
        with workspace.db.transaction() as session:
            actions.resolve(session, issue_id, "已办结", on=window.today)

    _write_and_announce(qtbot, window, work, Change.of_issues([issue_id]))


def _issue_table(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    def change() -> None:
        window.issue_panel.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
        _resolve_one(qtbot, window)
        window.issue_panel.search_edit.setText("用电")
        window.issue_panel.apply_filter()
        window.issue_panel.search_edit.clear()
        window.issue_panel.apply_filter()

    return window.issue_panel.model, change


def _reminders(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    model = window.reminder_panel.model
    before = model.rowCount()

    def change() -> None:
        _resolve_one(qtbot, window)  # an overdue or due-soon issue resolved: its reminder goes
        qtbot.waitUntil(lambda: model.rowCount() < before, timeout=10_000)

    return model, change


def _enterprises(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    panel = window.field_tabs.enterprises
    window.form.main_tabs.setCurrentWidget(panel)
    settle(qtbot, window)

    def change() -> None:
        panel.model.set_filter("jh", "", False)  # narrowing, then widening again
        panel.model.set_filter("jhj", "四上企业", True)
        panel.model.set_filter("", "", False)
        panel.model.replace_row(panel.model.visible_rows()[3])
        window.ops.notify(Change.of_records("enterprises"))  # re-read from the broadcast
        settle(qtbot, window)

    return panel.model, change


def _investment(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    panel = window.field_tabs.investment
    window.form.main_tabs.setCurrentWidget(panel)
    settle(qtbot, window)

    def change() -> None:
        from desktop.ui.models.investment_grid import COL

        assert panel.grid_model.setData(panel.grid_model.index(1, COL["amount"]), "88", Qt.ItemDataRole.EditRole)
        panel.form.month_combo.setCurrentIndex(panel.form.month_combo.currentIndex() - 1)  # asks: discard? → yes
        settle(qtbot, window)

    return panel.grid_model, change


def _rows_table(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    panel = window.field_tabs.investment
    window.form.main_tabs.setCurrentWidget(panel)
    settle(qtbot, window)

    def change() -> None:
        panel.rollup_model.sort(2, Qt.SortOrder.DescendingOrder)
        panel.form.grouping_combo.setCurrentIndex(1)
        panel.rollup_model.sort(-1)
        window.ops.notify(Change.of_records("investment"))  # re-read from the broadcast
        settle(qtbot, window)

    return panel.rollup_model, change


def _visits(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    panel = window.field_tabs.visits
    window.form.main_tabs.setCurrentWidget(panel)
    settle(qtbot, window)

    def change() -> None:
        panel.form.search_edit.setText("项目")
        panel.apply_filter()
        panel.form.search_edit.clear()
        panel.apply_filter()
        settle(qtbot, window)
        window.ops.notify(Change.of_records("visits"))  # re-read from the broadcast
        settle(qtbot, window)

    return panel.model, change


def _meetings(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    panel = window.meetings_panel

    def change() -> None:
        panel.reload()
        settle(qtbot, window)
        panel.add_issues(panel.current_meeting_id(), [_an_open_issue(window)])  # a write, announced
        settle(qtbot, window)

    return panel.meeting_model, change


def _agenda(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    from desktop.services.meetings import agenda

    panel = window.meetings_panel
    ids = [panel.meeting_model.meeting_at(r).id for r in range(panel.meeting_model.rowCount())]
    with_agenda = ids[0]
    with window.workspace.db.transaction() as session:
        for topic in ("研究明年项目谋划储备", "协调施工用电", "审议督办清单"):
            agenda.add_topic(session, with_agenda, topic)
    panel.reload(with_agenda)
    settle(qtbot, window)

    def change() -> None:
        panel.select_meeting(next(i for i in ids if i != with_agenda))
        panel.select_meeting(with_agenda)
        settle(qtbot, window)
        panel.form.agenda_view.selectRow(0)
        panel.move_agenda_item(1)  # a write, announced; the agenda re-read
        settle(qtbot, window)

    return panel.agenda_model, change


def _decisions(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    panel = window.meetings_panel

    panel.ask_text = lambda *_a, **_k: "已办结"  # type: ignore[method-assign]

    def change() -> None:
        panel.form.open_only_check.setChecked(True)
        panel.form.open_only_check.setChecked(False)
        open_items = panel.current.open_decisions()
        if open_items:
            assert panel.tracker.run(Action.RESOLVE, open_items[0].id)  # a write, announced; the table re-read
            settle(qtbot, window)

    return panel.tracker.model, change


def _project_tree(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    model = build_tree(list(window.tree.nodes), "category")
    assert model.rowCount() > 0
    return model, lambda: None


def _window_tree(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    """The tree the window shows, kept while an edit's broadcast updates its badges in place."""
    model = window.form.project_tree_view.model()

    def change() -> None:
        _resolve_one(qtbot, window)
        assert window.form.project_tree_view.model() is model  # badges updated in place, the model kept

    return model, change


CASES: dict[str, Callable] = {
    "EnterpriseTableModel": _enterprises, "InvestmentGridModel": _investment, "RowsTableModel": _rows_table,
    "MeetingTableModel": _meetings, "agenda": _agenda, "decisions": _decisions, "project tree": _project_tree,
    "visits": _visits, "IssueTableModel": _issue_table, "ReminderModel": _reminders, "window tree": _window_tree,
}


def test_every_model_class_in_the_window_is_checked() -> None:
    unchecked = _model_classes() - set(CASES) - set(CHECKED_ELSEWHERE)
    assert not unchecked, f"model classes no test puts under qtmodeltester: {unchecked}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_model_passes_the_model_tester(qtbot, qtmodeltester, demo_workspace, today, tmp_path, monkeypatch,
                                       name: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    settle(qtbot, window)
    model, change = CASES[name](qtbot, window)
    assert model.rowCount() > 0 and model.columnCount() > 0  # checked with real rows in it
    qtmodeltester.check(model)
    change()  # the tester stays attached: every signal of the change is checked too
    qtmodeltester.check(model, force_py=True)  # pytest-qt's own (Python) tester as well
    change()
