"""Project actions from the tree and the Project menu: new, open the project page, take off the list (动态调整).

Reads and writes run on the `Ops` worker: the page's content is read there and the page opens when it answers (the
window is not held meanwhile; a second open before then is ignored), a 调出名单 is written when its dialog's OK is
pressed and the dialog closes when it is. Given the window's parts (its `Ops`, the actions of its form, the tree),
never the window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from desktop.services.projects import actions as projects
from desktop.ui.dialogs.issue_dialogs import NoteDialog
from desktop.ui.forms.ui_main_window import Ui_MainWindow
from desktop.ui.ops import Ops
from desktop.ui.project_page import Opening, ProjectPageDialog, read_opening
from desktop.ui.project_tree_controller import ProjectTreeController
from desktop.ui.undo import EditProjectCommand, RemoveProjectCommand

if TYPE_CHECKING:
    from desktop.workspace import Workspace

NO_PROJECT = "请先在左侧项目树中选择一个项目"


class ProjectActions(QObject):
    changed = Signal(int)  # project id whose data changed (0: the list as a whole)

    opened = Signal()  # a page asked for has been read and run (tests and the benchmark wait on it)

    def __init__(self, parent: QWidget, ops: Ops, form: Ui_MainWindow, tree: ProjectTreeController, today: date,
                 undo_stack: QUndoStack, report: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.parent_widget = parent  # the dialogs' parent
        self.ops = ops
        self.form = form
        self.tree = tree
        self.today = today
        self.undo_stack = undo_stack
        self.report = report
        self.run_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.last_page: ProjectPageDialog | None = None
        self.opening = False  # a page's content is being read on the worker
        self._connect_signals()
        self.update_enabled(None, False)

    def _connect_signals(self) -> None:
        f = self.form
        f.new_project_action.triggered.connect(self.new_project)
        f.edit_project_action.triggered.connect(lambda: self.open_project())
        f.remove_project_action.triggered.connect(self.remove_project)

    def update_enabled(self, project_id: int | None, removed: bool) -> None:
        f = self.form
        f.edit_project_action.setEnabled(project_id is not None)
        f.edit_project_action.setToolTip("打开所选项目的项目页面" if project_id else NO_PROJECT)
        reason = NO_PROJECT if project_id is None else ("该项目已调出名单" if removed else None)
        f.remove_project_action.setEnabled(reason is None)
        f.remove_project_action.setToolTip(reason or "动态调整：项目调出名单，记录保留并显示为“已调出”")

    def context_menu(self, global_pos: QPoint) -> QMenu:
        f = self.form
        menu = QMenu(self.parent_widget)
        menu.setToolTipsVisible(True)
        if self.tree.current_project_id() is not None:
            menu.addAction(f.edit_project_action)
            menu.addAction(f.new_issue_action)
            menu.addAction(f.remove_project_action)
            menu.addSeparator()
        menu.addAction(f.new_project_action)
        return menu

    def _open_page(self, project_id: int | None, then: Callable[[ProjectPageDialog], None]) -> None:
        """Read what the page shows on the worker; build and run it when the answer arrives."""
        if self.opening:
            return  # the page asked for a moment ago is on its way
        self.opening = True
        today, year = self.today, self.tree.year()

        def shown(opening: Opening) -> None:
            self.opening = False
            page = ProjectPageDialog(self.ops, today, opening, project_id=project_id, year=year,
                                     parent=self.parent_widget)
            self.last_page = page
            try:
                then(page)
            finally:
                self.opened.emit()

        def failed(message: str) -> None:
            self.opening = False
            self.report(message)
            self.opened.emit()

        def broke() -> None:
            self.opening = False
            self.opened.emit()

        self.ops.run(lambda workspace: read_opening(workspace, project_id, today), shown, failed, on_broken=broke)

    def new_project(self) -> None:
        def run(page: ProjectPageDialog) -> None:
            if self.run_dialog(page) and page.saved_id:
                self.changed.emit(page.saved_id)
                self.tree.select_project(page.saved_id)

        self._open_page(None, run)

    def open_project(self, project_id: int | None = None) -> None:
        project_id = project_id or self.tree.current_project_id()
        if project_id is None:
            return
        chosen = project_id

        def run(page: ProjectPageDialog) -> None:
            accepted = self.run_dialog(page)
            if accepted and page.before is not None and page.after is not None:
                self.undo_stack.push(EditProjectCommand(self.ops, self.undo_stack, chosen, page.before,
                                                        page.after, self.today,
                                                        lambda _ids: self.changed.emit(chosen), self.report))
            if accepted or page.changed_outside_save:
                self.changed.emit(chosen)

        self._open_page(chosen, run)

    def remove_project(self) -> None:
        project_id = self.tree.current_project_id()
        if project_id is None:
            return
        node = self.tree.node(project_id)
        dialog = NoteDialog("调出名单", f"将“{node.name if node else ''}”调出重点项目名单。项目的问题、"
                            "走访和投资记录都会保留，项目在树中显示为“已调出”。", "调出原因：",
                            self.today, parent=self.parent_widget)

        def submit() -> object:
            reason, on = dialog.values()

            def work(workspace: Workspace) -> None:
                with workspace.db.transaction() as session:
                    projects.remove_from_list(session, project_id, reason, on)

            def done(_none: None) -> None:
                self.undo_stack.push(RemoveProjectCommand(self.ops, self.undo_stack, project_id, reason, on,
                                                          lambda _ids: self.changed.emit(project_id), self.report))
                self.changed.emit(project_id)

            return dialog.wait_for(self.ops, work, done)

        dialog.submit = submit
        self.run_dialog(dialog)
