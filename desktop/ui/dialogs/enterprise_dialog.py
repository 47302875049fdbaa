"""新增/修改企业: the directory entry with the credit code checked (GB 32100) and the 包联干部 chosen.

Read and written on the window's worker (`WorkerLink`); the panel that opened the dialog announces the change
once it closes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.services import directory, enterprises
from desktop.ui.dialogs.base import WorkerDialog, WorkerLink
from desktop.ui.forms.ui_enterprise_dialog import Ui_EnterpriseDialog
from desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from desktop.services.directory import Choice
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

Lists = tuple["list[str]", "list[Choice]", "list[Choice]", "enterprises.EnterpriseInput | None"]


class EnterpriseDialog(WorkerDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None, *,
                 enterprise_id: int | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.enterprise_id = enterprise_id
        self.form = Ui_EnterpriseDialog()
        self.form.setupUi(self)
        self.link = WorkerLink(self, ops, self.form.button_box, self.form.error_label)
        self.setWindowTitle("修改企业信息" if enterprise_id else "新增企业")
        self._connect_signals()

        def read(workspace: Workspace) -> Lists:
            with workspace.db.read() as session:
                return (enterprises.industries(session), directory.people(session), directory.leaders(session),
                        enterprises.get_input(session, enterprise_id) if enterprise_id else None)

        self.link.load(read, self._fill)

    def _fill(self, lists: Lists) -> None:
        f = self.form
        industries, people, leaders, current = lists
        f.industry_combo.addItems(industries)
        f.cadre_combo.addItem("（未安排）", None)
        for pid, label in people:
            f.cadre_combo.addItem(label, pid)
        f.leader_combo.addItem("（未安排）", None)
        for lid, name in leaders:
            f.leader_combo.addItem(name, lid)
        if current is not None:
            f.name_edit.setText(current.name or "")
            f.credit_code_edit.setText(current.credit_code or "")
            f.industry_combo.setCurrentText(current.industry or "")
            f.address_edit.setText(current.address or "")
            f.location_edit.setText(current.location or "")
            f.contact_edit.setText(current.contact or "")
            f.phone_edit.setText(current.phone or "")
            f.size_flags_edit.setText(current.size_flags or "")
            f.cadre_combo.setCurrentIndex(max(0, f.cadre_combo.findData(current.cadre_id)))
            f.leader_combo.setCurrentIndex(max(0, f.leader_combo.findData(current.leader_id)))
            f.team_edit.setText(current.team or "")
        else:
            f.industry_combo.setCurrentText("")

    def _connect_signals(self) -> None:
        self.form.button_box.accepted.connect(self.save)
        self.form.button_box.rejected.connect(self.reject)

    def collect(self) -> enterprises.EnterpriseInput:
        f = self.form
        return enterprises.EnterpriseInput(
            name=f.name_edit.text(), credit_code=f.credit_code_edit.text(), industry=f.industry_combo.currentText(),
            address=f.address_edit.text(), location=f.location_edit.text(), contact=f.contact_edit.text(),
            phone=f.phone_edit.text(), size_flags=f.size_flags_edit.text(), cadre_id=f.cadre_combo.currentData(),
            leader_id=f.leader_combo.currentData(), team=f.team_edit.text())

    def save(self) -> None:
        data, enterprise_id = self.collect(), self.enterprise_id

        def work(workspace: Workspace) -> int:
            with workspace.db.transaction() as session:
                if enterprise_id is None:
                    return enterprises.create_enterprise(session, data).id
                enterprises.update_enterprise(session, enterprise_id, data)
                return enterprise_id

        self.link.submit(work, self._saved)  # the panel announces it

    def _saved(self, enterprise_id: int) -> None:
        self.enterprise_id = enterprise_id
        self.accept()
