"""导出 → 签发督办文书: choose the instrument, the unit and its items, the reply deadline; issue and write the Word.

The layout is `forms/supervision_dialog.ui`. What the units owe is read on the worker (`Ops.run`) when the kind or
the date changes; issuing records the notice and writes the .docx in one transaction on the worker, so a refusal
(an item not the unit's, not overdue) or a failed write leaves no number taken. The dialog stays open with the
service's own reason when refused.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QWidget

from desktop.services import office_settings
from desktop.services.supervision.kinds import SupervisionKind
from desktop.services.supervision.notices import NoticeRequest, candidates, requirement_text
from desktop.ui.forms.ui_supervision_dialog import Ui_SupervisionDialog
from desktop.ui.ops import Change, Ops
from desktop.ui.widgets.date_edit import check_dates
from desktop.ui.widgets.ok_keys import ok_on_ctrl_return

if TYPE_CHECKING:
    from desktop.services.supervision.notices import UnitCandidates
    from desktop.workspace import Workspace

REPLY_DAYS = 5
AskPath = Callable[[str], str]


def ask_docx_path(parent: QWidget, suggested: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(parent, "保存督办文书", suggested, "Word 文档 (*.docx)")
    if path and not path.lower().endswith(".docx"):
        path += ".docx"
    return path


class SupervisionDialog(QDialog):
    def __init__(self, ops: Ops, today: date, export_dir: Path, parent: QWidget | None = None, *,
                 kind: str | None = None, unit_id: int | None = None,
                 issue_ids: list[int] | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = today
        self.export_dir = export_dir
        self.form = Ui_SupervisionDialog()
        self.form.setupUi(self)
        ok_on_ctrl_return(self, self.form.button_box)
        self.ask_path: AskPath = lambda suggested: ask_docx_path(self, suggested)
        self.units: list[UnitCandidates] = []
        self.saved: Path | None = None
        self.office = ""
        self._default_text = ""  # the requirement as proposed; a text the clerk edited is never replaced
        self.loading = False
        self.issuing = False
        for each in SupervisionKind:
            self.form.kind_combo.addItem(each.label, each.value)
        self._wanted_unit = unit_id
        self._wanted_ids = None if issue_ids is None else set(issue_ids)  # from the table's selection: only those
        self.form.kind_combo.setCurrentIndex(self.form.kind_combo.findData(kind or SupervisionKind.NOTICE.value))
        self.form.issued_edit.set_value(today)
        self.form.reply_edit.set_value(today + timedelta(days=REPLY_DAYS))
        self.form.kind_combo.currentIndexChanged.connect(self.reload)
        self.form.issued_edit.valueChanged.connect(self.reload)
        self.form.unit_combo.currentIndexChanged.connect(self._fill_items)
        self.form.reply_edit.valueChanged.connect(self._propose_requirement)
        self.form.button_box.accepted.connect(self.accept)
        self.form.button_box.rejected.connect(self.reject)
        self.reload()

    # --- reading what is owed ---------------------------------------------------------------------------------
    def kind(self) -> Any:
        return SupervisionKind(self.form.kind_combo.currentData())

    def reload(self) -> None:
        issued_on = self.form.issued_edit.value()
        if issued_on is None:
            return
        kind = self.kind()
        self.loading = True
        self.form.error_label.setText("正在读取各单位的超期事项……")

        def work(workspace: Workspace) -> tuple[list[UnitCandidates], str]:
            with workspace.db.read() as session:
                return candidates(session, kind, issued_on), str(office_settings.get(session, "office_name"))

        self.ops.run(work, self._loaded, self._refused)

    def _loaded(self, value: tuple[list[UnitCandidates], str]) -> None:
        self.loading = False
        self.units, self.office = value
        self.form.error_label.clear()
        combo = self.form.unit_combo
        previous = combo.currentData() if self._wanted_unit is None else self._wanted_unit
        wanted = self._wanted_ids
        if self._wanted_unit is None and wanted and self.units:  # from a unit's overdue issues: that unit
            previous = max(self.units, key=lambda u: len(wanted & {i.issue_id for i in u.items})).unit_id
        self._wanted_unit = None
        combo.blockSignals(True)
        combo.clear()
        for unit in self.units:
            worst = unit.items[0].days_overdue
            when = f"最长超期{worst}天" if worst > 0 else "临期"
            combo.addItem(f"{unit.unit}（{len(unit.items)}项，{when}）", unit.unit_id)
        combo.blockSignals(False)
        index = combo.findData(previous)
        combo.setCurrentIndex(index if index >= 0 else 0)
        self._fill_items()
        self._propose_requirement()
        if self._wanted_ids is not None:
            offered = {item.issue_id for unit in self.units for item in unit.items}
            left = len(self._wanted_ids - offered)
            self._wanted_ids = None
            if left:
                self.form.error_label.setText(f"所选问题中有{left}项不能列入{self.kind().label}"
                                              "（已办结、没有完成时限或尚未超期/临期），未勾选。")
        if not self.units:
            self.form.error_label.setText(f"目前没有可列入{self.kind().label}的问题（未办结且超期或临期）。")

    def _propose_requirement(self) -> None:
        """The default text names the reply deadline: it follows the kind and the 回复期限 until the clerk edits it."""
        reply_due = self.form.reply_edit.value()
        if reply_due is None or not self.office:
            return
        edit = self.form.requirement_edit
        if edit.toPlainText().strip() and edit.toPlainText() != self._default_text:
            return
        self._default_text = requirement_text(self.kind(), reply_due, self.office)
        edit.setPlainText(self._default_text)

    def _fill_items(self) -> None:
        self.form.item_list.clear()
        unit = self.current_unit()
        if unit is None:
            return
        for item in unit.items:
            days = f"超期{item.days_overdue}天" if item.days_overdue > 0 else f"剩{-item.days_overdue}天"
            times = f"，已督办{item.times}次" if item.times else ""
            row = QListWidgetItem(f"{item.project}｜{item.description}（完成时限{item.deadline.isoformat()}，"
                                  f"{days}{times}）")
            row.setData(Qt.ItemDataRole.UserRole, item.issue_id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            wanted = self._wanted_ids is None or item.issue_id in self._wanted_ids
            row.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            self.form.item_list.addItem(row)

    def current_unit(self) -> UnitCandidates | None:
        unit_id = self.form.unit_combo.currentData()
        return next((u for u in self.units if u.unit_id == unit_id), None)

    def checked_ids(self) -> list[int]:
        items = (self.form.item_list.item(n) for n in range(self.form.item_list.count()))
        return [int(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked]

    # --- issuing ----------------------------------------------------------------------------------------------
    def _refused(self, message: str) -> None:
        self.loading = self.issuing = False
        self.form.button_box.setEnabled(True)
        self.form.error_label.setText(message)

    def accept(self) -> None:
        if self.loading or self.issuing:
            return
        stop = check_dates(self)
        if stop is not None:
            stop[0].setFocus()
            self.form.error_label.setText(stop[1])
            return
        unit, ids = self.current_unit(), self.checked_ids()
        if unit is None or not ids:
            self.form.error_label.setText("请选择督办单位，并至少勾选一项问题。")
            return
        issued_on, reply_due = self.form.issued_edit.value(), self.form.reply_edit.value()
        assert issued_on is not None and reply_due is not None
        kind = self.kind()
        name = self.ask_path(str(self.export_dir / f"{kind.label}_{unit.unit}_{issued_on.isoformat()}.docx"))
        if not name:
            return
        target = Path(name)
        request = NoticeRequest(kind, unit.unit_id, ids, issued_on, reply_due,
                                self.form.requirement_edit.toPlainText())
        today, with_form = self.today, self.form.form_check.isChecked()
        self.issuing = True
        self.form.button_box.setEnabled(False)
        self.form.error_label.setText("正在签发并生成 Word 文件……")

        def work(ws: Workspace) -> tuple[int, str, int]:
            from desktop.exporters.supervision_job import issue_and_write

            return issue_and_write(ws.db, request, target, today, with_form=with_form)

        self.ops.run(work, lambda value: self._issued(value, ids, target), self._refused)

    def _issued(self, value: tuple[int, str, int], ids: list[int], target: Path) -> None:
        self.issuing = False
        _, label, _ = value
        self.saved = target
        self.ops.notify(Change.of_issues(ids))
        window = self.parent()
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(f"已签发{label}：{self.saved}", 10_000)
        super().accept()

