"""Add a 包保 leader to a project (role and start date); the page saves it at once, as its own change."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from desktop.db.enums import LeaderRole
from desktop.services.directory import Choice
from desktop.ui.dates import to_date, to_qdate
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.dialogs.issue_dialogs import fill_combo
from desktop.ui.forms.ui_leader_dialog import Ui_LeaderDialog


class LeaderDialog(FormDialog):
    def __init__(self, leaders: list[Choice], today: date, parent: QWidget | None = None) -> None:
        super().__init__(Ui_LeaderDialog(), parent)
        fill_combo(self.form.leader_combo, leaders)
        for role in LeaderRole:
            self.form.role_combo.addItem(role.label, role.value)
        self.form.role_combo.setCurrentIndex(self.form.role_combo.findData(LeaderRole.SUPPORT.value))
        self.form.start_edit.set_today(today)
        self.form.start_edit.setDate(to_qdate(today))

    def values(self) -> dict:
        f = self.form
        return {"leader_id": f.leader_combo.currentData(), "role": f.role_combo.currentData(),
                "start": to_date(f.start_edit.date())}
