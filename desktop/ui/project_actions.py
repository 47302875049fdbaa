"""Project actions from the tree and the Project menu: new, open the project page, take off the list (动态调整).

Reads and writes run on the `Ops` worker: the page's content is read before the page opens (it waits for that
read, `ops_wait.call`), a 调出名单 is written when its dialog's OK is pressed and the dialog closes when it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtWidgets import QDialog, QMenu

from desktop.services.projects import actions as projects
from desktop.ui.dialogs.issue_dialogs import NoteDialog
from desktop.ui.ops_wait import call
from desktop.ui.project_page import ProjectPageDialog, read_opening
from desktop.ui.undo import EditProjectCommand, RemoveProjectCommand

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.workspace import Workspace

NO_PROJECT = "请先在左侧项目树中选择一个项目"


class ProjectActions(QObject):
    changed = Signal(int)  # project id whose data changed (0: the list as a whole)

    def __init__(self, window: MainWindow, undo_stack, report: Callable[[str], None]) -> None:  # type: ignore[no-untyped-def]
        super().__init__(window)
        self.window = window
        self.undo_stack = undo_stack
        self.report = report
        self.run_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.last_page: ProjectPageDialog | None = None
        self._connect_signals()
        self.update_enabled(None, False)

    def _connect_signals(self) -> None:
        f = self.window.form
        f.new_project_action.triggered.connect(self.new_project)
        f.edit_project_action.triggered.connect(lambda: self.open_project())
        f.remove_project_action.triggered.connect(self.remove_project)

    def update_enabled(self, project_id: int | None, removed: bool) -> None:
        f = self.window.form
        f.edit_project_action.setEnabled(project_id is not None)
        f.edit_project_action.setToolTip("打开所选项目的项目页面" if project_id else NO_PROJECT)
        reason = NO_PROJECT if project_id is None else ("该项目已调出名单" if removed else None)
        f.remove_project_action.setEnabled(reason is None)
        f.remove_project_action.setToolTip(reason or "动态调整：项目调出名单，记录保留并显示为“已调出”")

    def context_menu(self, global_pos: QPoint) -> QMenu:
        f = self.window.form
        menu = QMenu(self.window)
        menu.setToolTipsVisible(True)
        if self.window.current_project_id() is not None:
            menu.addAction(f.edit_project_action)
            menu.addAction(f.new_issue_action)
            menu.addAction(f.remove_project_action)
            menu.addSeparator()
        menu.addAction(f.new_project_action)
        return menu

    def _page(self, project_id: int | None) -> ProjectPageDialog:
        ops, today = self.window.ops, self.window.today
        opening = call(ops, lambda workspace: read_opening(workspace, project_id, today))  # what the page shows
        page = ProjectPageDialog(ops, today, opening, project_id=project_id, year=self.window.current_year(),
                                 parent=self.window)
        self.last_page = page
        return page

    def new_project(self) -> None:
        page = self._page(None)
        if self.run_dialog(page) and page.saved_id:
            self.changed.emit(page.saved_id)
            self.window.select_project(page.saved_id)

    def open_project(self, project_id: int | None = None) -> None:
        project_id = project_id or self.window.current_project_id()
        if project_id is None:
            return
        page = self._page(project_id)
        accepted = self.run_dialog(page)
        if accepted and page.before is not None and page.after is not None:
            self.undo_stack.push(EditProjectCommand(self.window.ops, self.undo_stack, project_id, page.before,
                                                    page.after, self.window.today,
                                                    lambda _ids: self.changed.emit(project_id), self.report))
        if accepted or page.changed_outside_save:
            self.changed.emit(project_id)

    def remove_project(self) -> None:
        project_id = self.window.current_project_id()
        if project_id is None:
            return
        dialog = NoteDialog("调出名单", f"将“{self.window.current_project_name()}”调出重点项目名单。项目的问题、"
                            "走访和投资记录都会保留，项目在树中显示为“已调出”。", "调出原因：",
                            self.window.today, parent=self.window)

        def submit() -> object:
            reason, on = dialog.values()

            def work(workspace: Workspace) -> None:
                with workspace.db.transaction() as session:
                    projects.remove_from_list(session, project_id, reason, on)

            def done(_none: None) -> None:
                self.undo_stack.push(RemoveProjectCommand(self.window.ops, self.undo_stack, project_id, reason, on,
                                                          lambda _ids: self.changed.emit(project_id), self.report))
                self.changed.emit(project_id)

            return dialog.wait_for(self.window.ops, work, done)

        dialog.submit = submit
        self.run_dialog(dialog)
