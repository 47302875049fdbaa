"""问题办理设置: the office's rules for the issue life cycle that are settings, not code (today: whether 销号 may
record 未能征求). Stored with the data like the other office settings; each change is logged in the 操作日志 by the
session's audit hook."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.db.engine import Database
from desktop.services import office_settings
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.forms.ui_issue_settings_dialog import Ui_IssueSettingsDialog

ALLOW_NOT_ASKED = "allow_feedback_not_asked"


class IssueSettingsDialog(FormDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(Ui_IssueSettingsDialog(), parent)
        self.db = db
        with db.read() as session:
            self.form.allow_not_asked_check.setChecked(bool(office_settings.get(session, ALLOW_NOT_ASKED)))
        self.submit = self.save

    def save(self) -> None:
        allow = self.form.allow_not_asked_check.isChecked()
        with self.db.transaction() as session:
            if bool(office_settings.get(session, ALLOW_NOT_ASKED)) != allow:
                office_settings.put(session, ALLOW_NOT_ASKED, allow)
