"""Jumps from one place of the window to another: a reminder to its issue or meeting, a dashboard drill-down row to
the record it counts (looked up on the worker: it may have been deleted since the figures were read), a project
of the tree to its page or its context menu.

Given the parts it moves between, never the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint
from PySide6.QtWidgets import QStatusBar

from desktop.services.drilldown import Target, open_target
from desktop.ui.field_tabs import FieldTabs
from desktop.ui.forms.ui_main_window import Ui_MainWindow
from desktop.ui.issue_panel import IssuePanel
from desktop.ui.meetings_panel import MeetingsPanel
from desktop.ui.models.project_tree import PROJECT_ID_ROLE
from desktop.ui.ops import Ops
from desktop.ui.project_actions import ProjectActions
from desktop.ui.project_tree_controller import ProjectTreeController


class Navigator:
    def __init__(self, ops: Ops, form: Ui_MainWindow, tree: ProjectTreeController, issue_panel: IssuePanel,
                 meetings_panel: MeetingsPanel, field_tabs: FieldTabs, project_actions: ProjectActions,
                 status_bar: QStatusBar, show_error: Callable[[str], None]) -> None:
        self.ops = ops
        self.form = form
        self.tree = tree
        self.issue_panel = issue_panel
        self.meetings_panel = meetings_panel
        self.field_tabs = field_tabs
        self.project_actions = project_actions
        self.status_bar = status_bar
        self.show_error = show_error

    def tree_menu(self, pos: QPoint) -> None:
        view = self.form.project_tree_view
        index = view.indexAt(pos)
        if index.isValid():
            view.setCurrentIndex(index)
        where = view.viewport().mapToGlobal(pos)
        self.project_actions.context_menu(where).exec(where)

    def tree_double_clicked(self, index: QModelIndex) -> None:
        project_id = index.data(PROJECT_ID_ROLE)
        if project_id is not None:
            self.project_actions.open_project(project_id)

    def open_reminder(self, kind: str, item_id: int, meeting_id: int) -> None:
        """Jump from a reminder to the item: the issue in the ledger, or the decided item's meeting."""
        if kind == "issue":
            self.form.main_tabs.setCurrentWidget(self.form.issues_tab)
            if not self.issue_panel.select_issue(item_id, reveal=False):
                self.tree.select_all()
                self.issue_panel.select_issue(item_id)
            self.issue_panel.table.setFocus()
            return
        self.form.main_tabs.setCurrentWidget(self.form.meetings_tab)
        self.meetings_panel.select_meeting(meeting_id)
        self.status_bar.showMessage("议定事项在会议页中办理；已定位到所属会议", 5000)

    def open_record(self, entity: str, item_id: int) -> None:
        """Open what a dashboard drill-down row counts: the issue in the ledger, the project's page, the visit, or
        the decided item in its meeting."""
        self.ops.query(open_target, entity, item_id, on_done=self._open_target)

    def _open_target(self, target: Target | None) -> None:
        if target is None:
            self.show_error("该记录已不存在，可能已被删除，请刷新后重试。")
        elif target.kind == "issue":
            self.open_reminder("issue", target.id, 0)
        elif target.kind == "project":
            self.project_actions.open_project(target.id)
        elif target.kind == "decision" and target.meeting_id is not None:
            self.form.main_tabs.setCurrentWidget(self.form.meetings_tab)
            self.meetings_panel.select_decision(target.meeting_id, target.id)
        elif target.kind == "visit":
            self.form.main_tabs.setCurrentWidget(self.field_tabs.visits)
            self.field_tabs.visits.select_visit(target.id)
