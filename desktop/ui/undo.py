"""Undo/redo for edits made in the main window (QUndoStack lives in QtGui in Qt 6).

Each command wraps one service step that has already been applied in its own transaction; undo is a compensating
change through the services (restore the issue's snapshot, delete a just-created issue, put a project back on the
list). Every undo and every redo writes its own 操作日志 row (what was undone or redone, old → new) besides the
field changes, and the journal keeps an entry for each withdrawn step: nothing disappears without a trace. A step
that can no longer be undone — someone changed the record meanwhile, or the rules refuse it — is reported and
dropped from the stack.

Undo and redo are operations like any edit: the compensating service call runs on the window's worker
(`Ops.run`), so the window never waits for the database. The state a later redo needs is kept by the work itself,
on the worker: an undo followed at once by a redo runs in that order there, whatever the GUI thread did meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from desktop.services.issues import actions as issues
from desktop.services.issues import undo as issue_undo
from desktop.services.issues.actions import IssueInput
from desktop.services.projects import undo as project_undo
from desktop.services.projects.actions import ProjectInput
from desktop.services.projects.page import MilestoneInput

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

Notify = Callable[[list[int]], None]
Work = Callable[["Workspace"], None]
PageState = tuple[ProjectInput, list[MilestoneInput]]
Report = Callable[[str], None]


class _ServiceCommand(QUndoCommand):
    """Skips its first redo (QUndoStack.push calls it; the step was already applied), runs undo and redo on the
    worker, and reports a refusal: the command then leaves the stack, which is put back where the data is."""

    def __init__(self, text: str, ops: Ops, stack: QUndoStack, notify: Notify, report: Report) -> None:
        super().__init__(text)
        self.label = text  # read on the worker: no Qt call there
        self.ops = ops
        self.stack = stack
        self.notify = notify
        self.report = report
        self._applied = True
        self._skip = False  # the stack is being put back after a refusal: no work to do

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._start(self._redo(), "重做", undoing=False)

    def undo(self) -> None:
        self._start(self._undo(), "撤销", undoing=True)

    def _start(self, work: Work, verb: str, *, undoing: bool) -> None:
        if self._skip:
            self._skip = False
            return
        self.ops.run(work, lambda _none: self._done(), lambda message: self._refused(verb, message, undoing),
                     on_broken=lambda: self._drop(undoing))

    def _refused(self, verb: str, message: str, undoing: bool) -> None:
        self.report(f"无法{verb}“{self.label}”：{message}")
        self._done()  # the record as someone else left it is what the window shows now
        self._drop(undoing)

    def _drop(self, undoing: bool) -> None:
        """The step did not happen (refused, or failed and already shown by `Ops`): the command goes."""
        self.setObsolete(True)
        # The data is where the step left it (or where the undo left it): move the stack back over this command
        # when it still stands next to the index; Qt then drops it as obsolete.
        index = self.stack.index()
        if undoing and index < self.stack.count() and self.stack.command(index) is self:
            self._skip = True
            self.stack.setIndex(index + 1)
        elif not undoing and index > 0 and self.stack.command(index - 1) is self:
            self._skip = True
            self.stack.setIndex(index - 1)

    def _done(self) -> None:
        raise NotImplementedError

    # Each gives the function the worker runs (`Ops.run` hands it the workspace held then).
    def _redo(self) -> Work:
        raise NotImplementedError

    def _undo(self) -> Work:
        raise NotImplementedError


class IssueStepCommand(_ServiceCommand):
    """A life-cycle step on one issue, from `before` to `after`: undo restores `before` while the issue is still
    as the step left it; redo runs the step again while it is still as the undo left it."""

    def __init__(self, text: str, ops: Ops, stack: QUndoStack, issue_id: int, before: issue_undo.IssueSnapshot,
                 after: issue_undo.IssueSnapshot, step: Callable[[Session], object], notify: Notify,
                 report: Report, today: date | None = None) -> None:
        super().__init__(text, ops, stack, notify, report)
        self.issue_id = issue_id
        self.before = before
        self.after = after
        self.undone: issue_undo.IssueSnapshot | None = None
        self.step = step
        self.today = today

    def _undo(self) -> Work:
        def work(workspace: Workspace) -> None:
            with workspace.db.transaction() as session:
                self.undone = issue_undo.undo_step(session, self.label, self.before, self.after, on=self.today)

        return work

    def _redo(self) -> Work:
        def work(workspace: Workspace) -> None:
            assert self.undone is not None  # Qt calls redo only after an undo, and the worker ran that first
            with workspace.db.transaction() as session:
                self.before, self.after = issue_undo.redo_step(session, self.label, self.step, self.undone)

        return work

    def _done(self) -> None:
        self.notify([self.issue_id])


class CreateIssueCommand(_ServiceCommand):
    """新增问题: undo deletes the new issue while nobody has worked on it; redo enters it again."""

    def __init__(self, ops: Ops, stack: QUndoStack, issue_id: int, data: IssueInput, notify: Notify,
                 report: Report) -> None:
        super().__init__("新增问题", ops, stack, notify, report)
        self.issue_id = issue_id
        self.data = data

    def _undo(self) -> Work:
        def work(workspace: Workspace) -> None:
            with workspace.db.transaction() as session:
                issue_undo.delete_new_issue(session, self.issue_id)

        return work

    def _redo(self) -> Work:
        def work(workspace: Workspace) -> None:
            with workspace.db.transaction() as session:
                issue = issues.create_issue(session, self.data)
                issue_undo.record_new_issue_redo(session, issue)
                self.issue_id = issue.id

        return work

    def _done(self) -> None:
        self.notify([self.issue_id])


class RemoveProjectCommand(_ServiceCommand):
    """调出名单: undo puts the project back on the list (leader assignments ended by the removal stay ended)."""

    def __init__(self, ops: Ops, stack: QUndoStack, project_id: int, reason: str, on: date | None, notify: Notify,
                 report: Report) -> None:
        super().__init__("调出名单", ops, stack, notify, report)
        self.project_id = project_id
        self.reason = reason
        self.on = on

    def _undo(self) -> Work:
        def work(workspace: Workspace) -> None:
            with workspace.db.transaction() as session:
                project_undo.undo_removal(session, self.project_id)

        return work

    def _redo(self) -> Work:
        def work(workspace: Workspace) -> None:
            with workspace.db.transaction() as session:
                project_undo.redo_removal(session, self.project_id, self.reason, self.on)

        return work

    def _done(self) -> None:
        self.notify([])


class EditProjectCommand(_ServiceCommand):
    """保存 on the project page: undo saves the fields and milestones as they were, redo saves the edit again."""

    def __init__(self, ops: Ops, stack: QUndoStack, project_id: int, before: PageState, after: PageState,
                 today: date, notify: Notify, report: Report) -> None:
        super().__init__(f"修改项目 {after[0].name.strip()}", ops, stack, notify, report)
        self.project_id = project_id
        self.before = before
        self.after = after
        self.today = today

    def _save(self, action: str, state: PageState) -> Work:
        def work(workspace: Workspace) -> None:
            with workspace.db.transaction() as session:
                project_undo.save_page(session, action, self.label, self.project_id, state[0], state[1],
                                       self.today)

        return work

    def _undo(self) -> Work:
        return self._save("undo", self.before)

    def _redo(self) -> Work:
        return self._save("redo", self.after)

    def _done(self) -> None:
        self.notify([])


class RequestDecisionCommand(_ServiceCommand):
    """A decision on a unit's request (确认办结, 同意延期, 退回, 流转 …, services/feedback/requests.py): undo takes it
    back while nobody has worked on the record since; redo decides again the same way."""

    def __init__(self, text: str, ops: Ops, stack: QUndoStack, request_id: int, step: Callable[[Session], object],
                 issue_id: int | None, notify: Notify, report: Report, today: date | None = None) -> None:
        super().__init__(text, ops, stack, notify, report)
        self.request_id = request_id
        self.step = step
        self.issue_id = issue_id
        self.today = today

    def _undo(self) -> Work:
        def work(workspace: Workspace) -> None:
            # Loaded when first undone: at the top it would add 16 modules (1.7 MB) to every start's worker imports.
            from desktop.services.feedback import requests

            with workspace.db.transaction() as session:
                requests.undo_decision(session, self.request_id, on=self.today)

        return work

    def _redo(self) -> Work:
        def work(workspace: Workspace) -> None:
            with workspace.db.transaction() as session:
                self.step(session)

        return work

    def _done(self) -> None:
        self.notify([self.issue_id] if self.issue_id is not None else [])
