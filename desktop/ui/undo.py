"""Undo/redo for edits made in the main window (QUndoStack lives in QtGui in Qt 6).

Each command wraps one service step that has already been applied in its own transaction; undo is a compensating
change through the services (restore the issue's snapshot, delete a just-created issue, put a project back on the
list). Every undo and every redo writes its own 操作日志 row (what was undone or redone, old → new) besides the
field changes, and the journal keeps an entry for each withdrawn step: nothing disappears without a trace. A step
that can no longer be undone — someone changed the record meanwhile, or the rules refuse it — is reported and
dropped from the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.errors import UserError
from desktop.services.issues import actions as issues
from desktop.services.issues import undo as issue_undo
from desktop.services.issues.actions import IssueInput
from desktop.services.projects import undo as project_undo
from desktop.services.projects.actions import ProjectInput
from desktop.services.projects.page import MilestoneInput

Notify = Callable[[list[int]], None]
PageState = tuple[ProjectInput, list[MilestoneInput]]
Report = Callable[[str], None]


class _ServiceCommand(QUndoCommand):
    """Skips its first redo (QUndoStack.push calls it; the step was already applied) and reports failures."""

    def __init__(self, text: str, db: Database, notify: Notify, report: Report) -> None:
        super().__init__(text)
        self.db = db
        self.notify = notify
        self.report = report
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._guard(self._redo, "重做")

    def undo(self) -> None:
        self._guard(self._undo, "撤销")

    def _guard(self, step: Callable[[], None], verb: str) -> None:
        try:
            step()
        except UserError as error:
            self.setObsolete(True)
            self.report(f"无法{verb}“{self.text()}”：{error}")

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class IssueStepCommand(_ServiceCommand):
    """A life-cycle step on one issue, from `before` to `after`: undo restores `before` while the issue is still
    as the step left it; redo runs the step again while it is still as the undo left it."""

    def __init__(self, text: str, db: Database, issue_id: int, before: issue_undo.IssueSnapshot,
                 after: issue_undo.IssueSnapshot, step: Callable[[Session], object], notify: Notify,
                 report: Report, today: date | None = None) -> None:
        super().__init__(text, db, notify, report)
        self.issue_id = issue_id
        self.before = before
        self.after = after
        self.undone: issue_undo.IssueSnapshot | None = None
        self.step = step
        self.today = today

    def _undo(self) -> None:
        with self.db.transaction() as session:
            self.undone = issue_undo.undo_step(session, self.text(), self.before, self.after, on=self.today)
        self.notify([self.issue_id])

    def _redo(self) -> None:
        assert self.undone is not None  # Qt calls redo only after an undo
        with self.db.transaction() as session:
            self.before, self.after = issue_undo.redo_step(session, self.text(), self.step, self.undone)
        self.notify([self.issue_id])


class CreateIssueCommand(_ServiceCommand):
    """新增问题: undo deletes the new issue while nobody has worked on it; redo enters it again."""

    def __init__(self, db: Database, issue_id: int, data: IssueInput, notify: Notify, report: Report) -> None:
        super().__init__("新增问题", db, notify, report)
        self.issue_id = issue_id
        self.data = data

    def _undo(self) -> None:
        with self.db.transaction() as session:
            issue_undo.delete_new_issue(session, self.issue_id)
        self.notify([self.issue_id])

    def _redo(self) -> None:
        with self.db.transaction() as session:
            issue = issues.create_issue(session, self.data)
            issue_undo.record_new_issue_redo(session, issue)
            self.issue_id = issue.id
        self.notify([self.issue_id])


class RemoveProjectCommand(_ServiceCommand):
    """调出名单: undo puts the project back on the list (leader assignments ended by the removal stay ended)."""

    def __init__(self, db: Database, project_id: int, reason: str, on: object, notify: Notify,
                 report: Report) -> None:
        super().__init__("调出名单", db, notify, report)
        self.project_id = project_id
        self.reason = reason
        self.on = on

    def _undo(self) -> None:
        with self.db.transaction() as session:
            project_undo.undo_removal(session, self.project_id)
        self.notify([])

    def _redo(self) -> None:
        with self.db.transaction() as session:
            project_undo.redo_removal(session, self.project_id, self.reason, self.on)  # type: ignore[arg-type]
        self.notify([])


class EditProjectCommand(_ServiceCommand):
    """保存 on the project page: undo saves the fields and milestones as they were, redo saves the edit again."""

    def __init__(self, db: Database, project_id: int, before: PageState, after: PageState, today: date,
                 notify: Notify, report: Report) -> None:
        super().__init__(f"修改项目 {after[0].name.strip()}", db, notify, report)
        self.project_id = project_id
        self.before = before
        self.after = after
        self.today = today

    def _save(self, action: str, state: PageState) -> None:
        with self.db.transaction() as session:
            project_undo.save_page(session, action, self.text(), self.project_id, state[0], state[1], self.today)
        self.notify([])

    def _undo(self) -> None:
        self._save("undo", self.before)

    def _redo(self) -> None:
        self._save("redo", self.after)
