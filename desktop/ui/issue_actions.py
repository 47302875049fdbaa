"""The issue life-cycle actions of the main window: toolbar, Issue menu, context menu and shortcuts, one controller.

Actions are enabled from the same rule table the services enforce (`lifecycle.refusal`), and a disabled action's
tooltip and status tip say why. The GUI thread only collects the input: each step's service call runs in one
transaction on the window's worker (`Ops.run`) while its dialog waits, a refusal is shown in that dialog, and on
success the step is pushed on the undo stack and the window is told which issues changed, so it re-reads only
those rows (on the worker too).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QDialog, QMenu, QWidget
from sqlalchemy.orm import Session

from desktop.db.enums import CategoryKind, IssueLevel
from desktop.services import directory, office_settings
from desktop.services.directory import Choice
from desktop.services.issues import actions as issues
from desktop.services.issues import undo as issue_undo
from desktop.services.issues.rows import IssueRow
from desktop.services.lifecycle import Action, refusal
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.dialogs.issue_dialogs import (
    AssignDialog,
    CloseDialog,
    EscalateDialog,
    IssueDialog,
    NoteDialog,
    issue_caption,
)
from desktop.ui.dialogs.issue_settings_dialog import ALLOW_NOT_ASKED, IssueSettingsDialog
from desktop.ui.undo import CreateIssueCommand, IssueStepCommand

if TYPE_CHECKING:
    from desktop.ui.forms.ui_main_window import Ui_MainWindow
    from desktop.ui.issue_panel import IssuePanel
    from desktop.ui.ops import Ops
    from desktop.ui.project_tree_controller import ProjectTreeController
    from desktop.workspace import Workspace

NO_SELECTION = "请先在问题台账中选择一个问题"


class IssueActions(QObject):
    changed = Signal(list)  # ids of issues to re-read (a missing one was deleted)
    failed = Signal(str)  # an undo or redo that could not be carried out

    def __init__(self, parent: QWidget, ops: Ops, form: Ui_MainWindow, issue_panel: IssuePanel,
                 tree: ProjectTreeController, today: date, select_when_shown: Callable[[int], None]) -> None:
        """Given the window's parts, never the window: `parent` only parents the dialogs and menus;
        `select_when_shown(id)` makes a new issue current once its row arrives from the worker."""
        super().__init__(parent)
        self.parent_widget = parent
        self.ops = ops
        self.form = form
        self.issue_panel = issue_panel
        self.tree = tree
        self.today = today
        self.select_when_shown = select_when_shown
        f = form
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(100)
        # Actions other modules contribute to the issue table's context menu (e.g. 提交会议研究).
        self.extra_context_actions: list[QAction] = []
        # Tests replace this to fill a real dialog and press OK without a modal event loop.
        self.run_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.by_action: dict[Action, QAction] = {
            Action.ASSIGN: f.assign_action, Action.ESCALATE: f.escalate_action, Action.PROGRESS: f.progress_action,
            Action.PHASE: f.phase_action, Action.RESOLVE: f.resolve_action, Action.CLOSE: f.close_issue_action,
            Action.REOPEN: f.reopen_action,
        }
        self._tips = {a: q.statusTip() for a, q in self.by_action.items()}
        f.undo_action.setEnabled(False)
        f.redo_action.setEnabled(False)
        self._connect_signals()
        self.update_enabled(None)

    def _connect_signals(self) -> None:
        f = self.form
        f.new_issue_action.triggered.connect(self.new_issue)
        f.assign_action.triggered.connect(self.assign)
        f.escalate_action.triggered.connect(lambda: self.escalate())
        f.progress_action.triggered.connect(self.add_progress)
        f.phase_action.triggered.connect(self.mark_phased)
        f.resolve_action.triggered.connect(self.resolve)
        f.close_issue_action.triggered.connect(self.close_issue)
        f.reopen_action.triggered.connect(self.reopen)
        f.issue_settings_action.triggered.connect(self.open_settings)
        f.undo_action.triggered.connect(self.undo_stack.undo)
        f.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(f.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(f.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._on_undo_text)
        self.undo_stack.redoTextChanged.connect(self._on_redo_text)

    # Bound methods, not lambdas: Qt drops these connections when this controller is destroyed, so the stack's
    # last signals during window teardown never reach actions that are already gone.
    def _on_undo_text(self, text: str) -> None:
        self.form.undo_action.setText(f"撤销“{text}”" if text else "撤销(&U)")

    def _on_redo_text(self, text: str) -> None:
        self.form.redo_action.setText(f"重做“{text}”" if text else "重做(&R)")

    # --- enabling --------------------------------------------------------------------------------------------
    def update_enabled(self, row: IssueRow | None) -> None:
        for action, qaction in self.by_action.items():
            reason = NO_SELECTION if row is None else self.refusal(action, row)
            qaction.setEnabled(reason is None)
            tip = self._tips[action] if reason is None else f"不能{action.label}：{reason}"
            qaction.setToolTip(tip)
            qaction.setStatusTip(tip)

    def summary(self, row: IssueRow) -> str:
        """One line for the status bar: what can be done with this issue now."""
        allowed = [a.label for a in self.by_action if self.refusal(a, row) is None]
        return (f"所选问题：{row.status_label}，{row.level_label}。可执行：{'、'.join(allowed) or '无'}"
                "（不可用的操作，鼠标停在按钮上可看到原因）")

    @staticmethod
    def refusal(action: Action, row: IssueRow) -> str | None:
        reason = refusal(action, row.status)
        if reason is None and action is Action.ESCALATE and row.level == IssueLevel.CITY.value:
            return "已在市级，不能再向上流转"
        return reason

    def context_menu(self) -> QMenu:
        f = self.form
        menu = QMenu(self.parent_widget)
        menu.setToolTipsVisible(True)
        menu.addAction(f.new_issue_action)
        menu.addSeparator()
        for qaction in self.by_action.values():
            menu.addAction(qaction)
        if self.extra_context_actions:
            menu.addSeparator()
            for qaction in self.extra_context_actions:
                menu.addAction(qaction)
        menu.addSeparator()
        menu.addAction(f.show_history_action)
        return menu

    # --- the steps -------------------------------------------------------------------------------------------
    def _current(self) -> IssueRow | None:
        return self.issue_panel.current_row()

    def _caption(self, row: IssueRow) -> str:
        return issue_caption(row.description, row.project_name)

    def new_issue(self) -> None:
        year = self.tree.year()

        def read(workspace: Workspace) -> tuple[list[Choice], list[Choice]]:
            with workspace.db.read() as session:
                return (directory.projects(session, year),
                        directory.categories(session, CategoryKind.ISSUE.value))

        self.ops.run(read, lambda lists: self._new_issue(*lists))

    def _new_issue(self, projects: list[Choice], categories: list[Choice]) -> None:
        dialog = IssueDialog(projects, categories, self.today, project_id=self.tree.current_project_id(),
                             parent=self.parent_widget)

        def submit() -> object:
            data = dialog.value()

            def work(workspace: Workspace) -> int:
                with workspace.db.transaction() as session:
                    return issues.create_issue(session, data).id

            def done(issue_id: int) -> None:
                self.undo_stack.push(CreateIssueCommand(self.ops, self.undo_stack, issue_id, data, self._notify,
                                                        self.failed.emit))
                self.select_when_shown(issue_id)
                self._notify([issue_id])

            return dialog.wait_for(self.ops, work, done)

        dialog.submit = submit
        self.run_dialog(dialog)

    def assign(self) -> None:
        row = self._current()
        if row is None or self.refusal(Action.ASSIGN, row):
            return

        def read(workspace: Workspace) -> tuple[list[Choice], list[tuple[int, str, int | None]],
                                                issue_undo.IssueSnapshot]:
            with workspace.db.read() as session:
                return (directory.units(session), directory.people_with_units(session),
                        issue_undo.snapshot(session, row.id))

        self.ops.run(read, lambda lists: self._assign(row, *lists))

    def _assign(self, row: IssueRow, units: list[Choice], people: list[tuple[int, str, int | None]],
                before: issue_undo.IssueSnapshot) -> None:
        dialog = AssignDialog(self._caption(row), units, people, self.today, unit_id=row.unit_id,
                              person_id=before.value("person_id"), deadline=row.deadline,  # type: ignore[arg-type]
                              supporting=before.supporting_unit_ids, found_on=row.found_on, parent=self.parent_widget)

        def submit() -> object:
            v = dialog.values()
            unit_id, deadline = v.pop("unit_id"), v.pop("deadline")
            return self._step(dialog, "交办", row.id, lambda s: issues.assign(s, row.id, unit_id, deadline, **v))

        dialog.submit = submit
        self.run_dialog(dialog)

    def escalate(self, reason: str = "") -> None:
        """`reason`: proposed in the dialog (the 督办 ladder's step), the clerk may change it."""
        row = self._current()
        if row is None or self.refusal(Action.ESCALATE, row):
            return
        dialog = EscalateDialog(self._caption(row), row.level, self.today, self.parent_widget, found_on=row.found_on,
                                reason=reason)

        def submit() -> object:
            v = dialog.values()
            return self._step(dialog, "流转/上报", row.id,
                              lambda s: issues.escalate(s, row.id, v["to_level"], v["reason"], on=v["on"]))

        dialog.submit = submit
        self.run_dialog(dialog)

    def _note_step(self, action: Action, prompt: str,
                   service: Callable[..., object], text: str = "") -> None:
        row = self._current()
        if row is None or self.refusal(action, row):
            return
        dialog = NoteDialog(action.label, self._caption(row), prompt, self.today, text=text, found_on=row.found_on,
                            parent=self.parent_widget)

        def submit() -> object:
            value, on = dialog.values()
            return self._step(dialog, action.label, row.id, lambda s: service(s, row.id, value, on=on))

        dialog.submit = submit
        self.run_dialog(dialog)

    def add_progress(self) -> None:
        self._note_step(Action.PROGRESS, "办理进展：", issues.add_progress)

    def mark_phased(self) -> None:
        self._note_step(Action.PHASE, "阶段性推进计划：", issues.mark_phased)

    def resolve(self) -> None:
        self._note_step(Action.RESOLVE, "办结情况：", issues.resolve)

    def reopen(self) -> None:
        self._note_step(Action.REOPEN, "重新打开原因：", issues.reopen)

    def close_issue(self) -> None:
        row = self._current()
        if row is None or self.refusal(Action.CLOSE, row):
            return

        def read(workspace: Workspace) -> bool:
            with workspace.db.read() as session:
                return bool(office_settings.get(session, ALLOW_NOT_ASKED))

        self.ops.run(read, lambda allow_not_asked: self._close_issue(row, allow_not_asked))

    def _close_issue(self, row: IssueRow, allow_not_asked: bool) -> None:
        dialog = CloseDialog(self._caption(row), self.today, self.parent_widget, allow_not_asked=allow_not_asked,
                             found_on=row.found_on)

        def submit() -> object:
            v = dialog.values()
            return self._step(dialog, "销号", row.id, lambda s: issues.close(s, row.id, v["feedback"],
                                                                           remark=v["remark"], reason=v["reason"],
                                                                           on=v["on"]))

        dialog.submit = submit
        self.run_dialog(dialog)

    def open_settings(self) -> None:
        self.run_dialog(IssueSettingsDialog(self.ops, self.parent_widget))

    def _step(self, dialog: FormDialog, label: str, issue_id: int, step: Callable[[Session], object]) -> object:
        """Apply one step in a transaction on the worker, then record it for undo; a refusal goes to the dialog."""

        def work(workspace: Workspace) -> tuple[issue_undo.IssueSnapshot, issue_undo.IssueSnapshot]:
            with workspace.db.transaction() as session:
                before = issue_undo.snapshot(session, issue_id)
                step(session)
                session.flush()
                return before, issue_undo.snapshot(session, issue_id)

        def done(snapshots: tuple[issue_undo.IssueSnapshot, issue_undo.IssueSnapshot]) -> None:
            before, after = snapshots
            self.undo_stack.push(IssueStepCommand(label, self.ops, self.undo_stack, issue_id, before, after, step,
                                                  self._notify, self.failed.emit, self.today))
            self._notify([issue_id])

        return dialog.wait_for(self.ops, work, done)

    def _notify(self, ids: list[int]) -> None:
        self.changed.emit(ids)
