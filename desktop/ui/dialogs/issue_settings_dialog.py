"""问题办理设置: the office's rules for the issue life cycle that are settings, not code (today: whether 销号 may
record 未能征求). Stored with the data like the other office settings; each change is logged in the 操作日志 by the
session's audit hook. Read and saved on the window's worker; a save broadcasts a settings change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.services import office_settings
from desktop.ui.dialogs.base import PENDING, FormDialog, WorkerLink
from desktop.ui.forms.ui_issue_settings_dialog import Ui_IssueSettingsDialog
from desktop.ui.ops import Change

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

ALLOW_NOT_ASKED = "allow_feedback_not_asked"


class IssueSettingsDialog(FormDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(Ui_IssueSettingsDialog(), parent)
        self.ops = ops
        self.link = WorkerLink(self, ops, self.form.button_box, self.form.error_label)
        self.link.load(_allowed, self.form.allow_not_asked_check.setChecked)
        self.submit = self.save

    def save(self) -> object:
        allow = self.form.allow_not_asked_check.isChecked()

        def work(workspace: Workspace) -> bool:
            with workspace.db.transaction() as session:
                if bool(office_settings.get(session, ALLOW_NOT_ASKED)) == allow:
                    return False
                office_settings.put(session, ALLOW_NOT_ASKED, allow)
                return True

        def done(changed: bool) -> None:
            if changed:
                self.ops.notify(Change(settings=True))

        outcome = self.wait_for(self.ops, work, done)
        assert outcome is PENDING
        return outcome


def _allowed(workspace: Workspace) -> bool:
    with workspace.db.read() as session:
        return bool(office_settings.get(session, ALLOW_NOT_ASKED))
