"""What the window shows for the current issue: the toolbar's enabled actions, a one-line summary in the status bar,
and its history in the right dock, read on the worker (`Ops.query`).

Given the parts it fills, never the window. A selection that moves on before the worker reaches its read skips
it, so arrowing down a long table asks for one history at a time, not one per row passed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStatusBar

from desktop.services.issues.history import IssueHistory
from desktop.ui import window_data
from desktop.ui.issue_history_panel import IssueHistoryPanel
from desktop.ui.issue_panel import IssuePanel
from desktop.ui.ops import Ops

if TYPE_CHECKING:
    from desktop.ui.issue_actions import IssueActions
    from desktop.workspace import Workspace


class IssueSelection:
    def __init__(self, ops: Ops, issue_panel: IssuePanel, history_panel: IssueHistoryPanel, status_bar: QStatusBar,
                 actions: IssueActions, quiet: Callable[[], bool]) -> None:
        self.ops = ops
        self.issue_panel = issue_panel
        self.history_panel = history_panel
        self.status_bar = status_bar
        self.actions = actions
        self.quiet = quiet  # rows are being swapped in after an edit: the selection is shown once, at the end
        self._wanted = 0  # the issue whose history the worker is asked for

    def selected(self, issue_id: int) -> None:
        if self.quiet():
            return
        row = self.issue_panel.current_row() if issue_id else None
        self.actions.update_enabled(row)
        if row is None:
            self._wanted = 0
            self.history_panel.show_history(None)
            return
        self.status_bar.showMessage(self.actions.summary(row), 8000)
        wanted = self._wanted = row.id

        def read(workspace: Workspace) -> IssueHistory | None:
            if self._wanted != wanted:  # the selection moved on before the worker came to it
                return None
            with workspace.db.read() as session:
                return window_data.issue_history(session, wanted)

        def shown(history: IssueHistory | None) -> None:
            if history is not None and self.issue_panel.current_id() == wanted:
                self.history_panel.show_history(history)

        self.ops.run(read, shown)

    def show_after_edit(self, issue_id: int, history: IssueHistory | None) -> None:
        """The current issue after an edit, with the history read beside its row (None: read it now)."""
        if history is None:
            self.selected(issue_id)
            return
        row = self.issue_panel.current_row()
        self.actions.update_enabled(row)
        if row is not None:
            self.status_bar.showMessage(self.actions.summary(row), 8000)
        self._wanted = row.id if row is not None else 0
        self.history_panel.show_history(history)
