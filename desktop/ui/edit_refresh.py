"""What the window re-reads after an issue edit or its undo, a project change, or another year chosen, all of it on
the worker (`Ops.run`).

First the changed rows and the selected issue's history, swapped into the table without a model reset; then, in
one more read that every edit asked before it starts shares, the tree's counts and lights (the worker finds which
projects moved, their items change in place) and the 待办提醒 with their summary (compared with what is shown on
the worker too: ~37k reminders at city size). The GUI thread only puts the answers on screen.

Given the parts it refreshes, never the window; the selection's history goes back through `show_selected`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject

from desktop.services.issues.history import IssueHistory
from desktop.services.issues.row import IssueRow
from desktop.services.projects.node import ProjectNode
from desktop.ui import window_data
from desktop.ui.issue_panel import IssuePanel
from desktop.ui.ops import Ops
from desktop.ui.project_tree_controller import ProjectTreeController
from desktop.ui.reminder_panel import ReminderPanel, Reminders
from desktop.workspace import Workspace

Side = tuple[list[ProjectNode], dict[int, ProjectNode] | None, Reminders | None]


class EditRefresh(QObject):
    def __init__(self, ops: Ops, issue_panel: IssuePanel, tree: ProjectTreeController, reminders: ReminderPanel,
                 today: date, *, due_soon_days: Callable[[], int], show_reminders: Callable[[Reminders], None],
                 show_selected: Callable[[int, IssueHistory | None], None], reload: Callable[[], None]) -> None:
        super().__init__(issue_panel)
        self.ops = ops
        self.issue_panel = issue_panel
        self.tree = tree
        self.reminders = reminders
        self.today = today
        self.due_soon_days = due_soon_days
        self.show_reminders = show_reminders
        self.show_selected = show_selected
        self.reload = reload  # everything, when a change reaches further than rows, badges and reminders
        self.quiet = False  # while rows are swapped in, selection updates wait for the one at the end
        self._select_after = 0  # a new issue to make current when its row arrives
        self._side_read_queued = False  # a read of the tree and reminders is waiting on the worker

    def select_when_shown(self, issue_id: int) -> None:
        """Make a new issue current once its row arrives (the read after the write is on the worker)."""
        self._select_after = issue_id

    def issues_changed(self, ids: list[int]) -> None:
        current = self.issue_panel.current_id()

        def read(workspace: Workspace) -> tuple[list[IssueRow], IssueHistory | None]:
            with workspace.db.read() as session:
                return window_data.edited_rows(session, ids, current)

        def apply(result: tuple[list[IssueRow], IssueHistory | None]) -> None:
            fresh, history = result
            found = {r.id for r in fresh}
            self.quiet = True
            try:
                self.issue_panel.update_rows(fresh, [i for i in ids if i not in found])
                chosen, self._select_after = self._select_after, 0
                if chosen:
                    self.issue_panel.select_issue(chosen)
            finally:
                self.quiet = False
            shown = self.issue_panel.current_id()
            self.show_selected(shown, history if shown and shown == current else None)

        self.ops.run(read, apply)
        self.tree_and_reminders()

    def tree_and_reminders(self) -> None:
        if self._side_read_queued:
            return
        self._side_read_queued = True
        year, grouping, old_nodes = self.tree.year(), self.tree.grouping(), self.tree.nodes
        args = (year, self.today, self.due_soon_days(), old_nodes, grouping, self.reminders.model.items)

        def read(workspace: Workspace) -> Side:
            self._side_read_queued = False  # an edit from now on needs a read of its own
            with workspace.db.read() as session:
                return window_data.badges_and_reminders(session, *args)

        def apply(result: Side) -> None:
            nodes, changed, reminders = result
            if year == self.tree.year():
                same_tree = self.tree.nodes is old_nodes and grouping == self.tree.grouping()
                self.tree.set_nodes(nodes, changed if same_tree else None)
            if reminders is not None:
                self.show_reminders(reminders)

        self.ops.run(read, apply)

    def project_changed(self, project_id: int) -> None:
        """A project was added, edited or taken off the list: names in its issue rows may have changed too, and
        a new year may have appeared (then everything is read again)."""

        def shown(result: tuple[list[IssueRow], list[int]]) -> None:
            fresh, years = result
            if fresh:
                self.issue_panel.update_rows(fresh, [])
            if len(self.tree.years()) != len(years):
                self.reload()
            else:
                self.tree_changed()

        self.ops.query(window_data.project_rows, project_id, on_done=shown)

    def reminders_changed(self) -> None:
        self.ops.query(window_data.reminders, self.today, self.due_soon_days(), on_done=self.show_reminders)

    def tree_changed(self) -> None:
        """The tree of the year shown, read again (another year chosen, a project changed)."""
        year = self.tree.year()

        def shown(nodes: list[ProjectNode]) -> None:
            if year == self.tree.year():  # another year was chosen meanwhile: its own read follows
                self.tree.set_nodes(nodes)

        self.ops.query(window_data.tree_nodes, year, self.today, on_done=shown)
