"""Loading the main window's data: a start-up first screen, the two-step load on the worker, and 刷新.

Split from the window so the window only wires parts together. It is given the views it fills (tree, issue table,
meetings, field tabs, reminders), never the window. Everything it reads is a service call in `ui/window_data.py`,
that module (and with it SQLAlchemy) is imported only once the database is open, so the first screen can paint
before it. The start-up load runs on the window's one worker (`Ops.run`), like every other read.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QProgressBar, QStatusBar, QWidget

from desktop import APP_NAME
from desktop.errors import DamagedDatabase
from desktop.services.first_screen import FIRST_PAGE, FirstScreen
from desktop.services.issues.row import IssueRow
from desktop.services.projects.node import ProjectNode
from desktop.ui import data_side
from desktop.ui.issue_panel import IssuePanel
from desktop.ui.ops import Ops
from desktop.ui.project_tree_controller import ProjectTreeController

if TYPE_CHECKING:
    from desktop.services.meetings.rows import DecisionRow, MeetingRow
    from desktop.ui.window_data import Loaded, Rest
    from desktop.workspace import Workspace

T = TypeVar("T")


class WindowLoader(QObject):
    data_loaded = Signal()  # the views hold all fresh data (after `reload` or a background load)
    first_data_shown = Signal()  # start-up: tree and the newest issues are on screen, the rest is loading

    def __init__(self, ops: Ops, tree: ProjectTreeController, issue_panel: IssuePanel, status_bar: QStatusBar,
                 today: date, parent: QWidget, *,
                 show_meetings: Callable[[list[MeetingRow], dict[int, list[DecisionRow]]], None],
                 mark_stale: Callable[[], None], reload_reminders: Callable[[], None]) -> None:
        """`show_meetings`, `mark_stale` (the field tabs) and `reload_reminders` reach the window's data-side
        parts; they are called only when a load answers, which needs a workspace held (`Ops`)."""
        super().__init__(parent)
        self.ops = ops
        self.tree = tree
        self.issue_panel = issue_panel
        self.status_bar = status_bar
        self.today = today
        self._parent = parent
        self.due_soon_days = 7
        self.complete = False  # every issue and meeting loaded (not only a first screen or first page)
        self.show_meetings = show_meetings
        self.mark_stale = mark_stale
        self.reload_reminders = reload_reminders
        self.busy = QProgressBar(parent)
        self.busy.setRange(0, 0)  # indeterminate: the row count is not known before the query returns
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        status_bar.addPermanentWidget(self.busy)

    def show_first_screen(self, first: FirstScreen) -> None:
        self._show_issues_and_tree(first.years, first.tree_year, first.due_soon_days, first.rows, first.nodes,
                                   complete=False)

    def _show_issues_and_tree(self, years: list[int], tree_year: int, due_soon_days: int, rows: list[IssueRow],
                              nodes: list[ProjectNode], *, complete: bool) -> None:
        """What a start-up first screen and a load from the database both put on screen."""
        self.due_soon_days = due_soon_days
        self.issue_panel.set_due_soon_days(due_soon_days)
        self.tree.fill_years(years, tree_year)
        self.issue_panel.set_rows(rows, complete=complete)
        self.tree.set_nodes(nodes)

    def first_screen_data(self) -> dict[str, object] | None:
        """What `first_screen.save` keeps for the next start; None unless every issue is loaded."""
        if not self.complete:
            return None
        return {"years": self.tree.years(), "tree_year": self.tree.year(), "due_soon_days": self.due_soon_days,
                "nodes": list(self.tree.nodes), "rows": self.issue_panel.model.all_rows()}

    # --- loading -------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Load everything on the worker in one step (刷新, "everything changed" after an import, a merge or a
        restore); the views keep what they show until the answer arrives, then `data_loaded`."""
        window_data = data_side.load().window_data
        self.status_bar.showMessage("正在载入数据……")
        self.busy.show()
        year, today = self.tree.year_combo.currentData(), self.today
        self._load(lambda ws: _read(ws, window_data.fetch, year, today), self._apply)

    def reload_in_background(self) -> None:
        """Start-up: the window is already shown; the data arrives from the worker.

        Two steps, so a city office (100k issues, ~2 s to load) sees its projects and newest issues at once:
        first the tree and one screen of the newest issues (without pinyin keys, which need a 0.3 s dictionary
        load), then every issue and the meetings. `first_data_shown` and `data_loaded` mark the two steps.
        """
        window_data = data_side.load().window_data
        self.status_bar.showMessage("正在载入数据……")
        self.busy.show()
        year, today = self.tree.year_combo.currentData(), self.today
        self._load(lambda ws: _read(ws, window_data.fetch, year, today, FIRST_PAGE), self._on_first_page)

    def _on_first_page(self, loaded: Loaded) -> None:
        window_data = data_side.load().window_data
        self._apply(loaded)
        self.first_data_shown.emit()
        self._load(lambda ws: _read(ws, window_data.fetch_rest), self._on_rest)

    def _load(self, work: Callable[[Workspace], T], then: Callable[[T], None]) -> None:
        """One step of the start-up load on the worker. A damaged file is offered its backup (by `Ops`, with the
        message saying the load failed); a refusal is told here; a bug goes to the one error dialog."""

        def step(workspace: Workspace) -> T:
            try:
                return work(workspace)
            except DamagedDatabase as exc:
                raise DamagedDatabase(f"载入数据失败。{exc}", exc.tables) from exc

        self.ops.run(step, then, self._on_failed, on_broken=self._on_broken)

    def _on_rest(self, rest: Rest) -> None:
        rows, meetings, decisions = rest
        self.busy.hide()
        self.complete = True
        self.issue_panel.set_rows(rows)
        self.show_meetings(meetings, decisions)
        gc.freeze()  # the rows stay until the next load (see ui/window_data.py)
        self.reload_reminders()
        self._loaded_message(len(rows), len(meetings))
        self.data_loaded.emit()

    def _loaded_message(self, issues: int, meetings: int) -> None:
        self.status_bar.showMessage(f"已载入 {issues} 个问题、{meetings} 次会议", 5000)

    def _on_failed(self, message: str) -> None:
        self.busy.hide()
        self.status_bar.showMessage("载入数据失败")
        QMessageBox.critical(self._parent, APP_NAME, f"载入数据失败：{message}")

    def _on_broken(self) -> None:
        """The damage or the bug was shown by `Ops` (a broken file is offered its good backup)."""
        self.busy.hide()
        self.status_bar.showMessage("载入数据失败")

    def _apply(self, loaded: Loaded) -> None:
        self._show_issues_and_tree(loaded.years, loaded.tree_year, loaded.due_soon_days, loaded.rows, loaded.nodes,
                                   complete=loaded.complete)
        self.show_meetings(loaded.meetings, loaded.decisions)
        self.mark_stale()
        if loaded.complete:
            self.complete = True
            gc.freeze()
            self.reload_reminders()
            self.busy.hide()
            self._loaded_message(len(loaded.rows), len(loaded.meetings))
            self.data_loaded.emit()
        else:
            self.status_bar.showMessage(f"已显示最新 {len(loaded.rows)} 个问题，正在载入其余数据……")


def _read(workspace: Workspace, service: Callable[..., T], *args: object) -> T:
    """`service(session, *args)` in a read transaction on the workspace the worker was handed."""
    with workspace.db.read() as session:
        return service(session, *args)
