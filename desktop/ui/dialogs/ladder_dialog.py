"""督办阶梯设置: the office's escalation ladder (days past the deadline → 提示单 / 督办单 / 催办通知 / 流转), edited as a
table and saved with the data, as `keyproj supervision ladder --set` does.

The ladder is read and saved on the window's worker; the service (`supervision.ladder.save_ladder`) checks it —
days rising, instruments growing stronger — and a refusal stays in the dialog with its reason, nothing saved. A
save broadcasts a settings change, so the 待办 panel lists the new steps at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QSpinBox, QTableWidgetItem, QWidget

from desktop.services.supervision.ladder import (
    ACTIONS,
    DEFAULT_LADDER,
    LadderStep,
    load_ladder,
    parse_ladder,
    save_ladder,
)
from desktop.ui.dialogs.base import PENDING, FormDialog, WorkerLink
from desktop.ui.forms.ui_ladder_dialog import Ui_LadderDialog
from desktop.ui.ops import Change

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

HEADERS = ("超期天数", "措施", "说明（显示在待办提醒中）")


class LadderDialog(FormDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(Ui_LadderDialog(), parent)
        self.ops = ops
        table = self.form.steps_table
        table.setColumnCount(len(HEADERS))
        table.setHorizontalHeaderLabels(list(HEADERS))
        table.setColumnWidth(0, 90)
        table.setColumnWidth(1, 170)
        self.form.add_button.clicked.connect(self.add_step)
        self.form.remove_button.clicked.connect(self.remove_step)
        self.form.default_button.clicked.connect(lambda: self.show_steps(_default_steps()))
        self.link = WorkerLink(self, ops, self.form.button_box, self.form.error_label)
        self.link.load(_read, self.show_steps)
        self.submit = self.save

    def show_steps(self, steps: list[LadderStep]) -> None:
        self.form.steps_table.setRowCount(0)
        for step in steps:
            self._append(step.days, step.action, step.label)

    def _append(self, days: int, action: str, label: str) -> None:
        table = self.form.steps_table
        row = table.rowCount()
        table.insertRow(row)
        spin = QSpinBox()
        spin.setRange(1, 3650)
        spin.setSuffix(" 天")
        spin.setValue(days)
        combo = QComboBox()
        for code, text in ACTIONS.items():
            combo.addItem(text, code)
        combo.setCurrentIndex(max(combo.findData(action), 0))
        table.setCellWidget(row, 0, spin)
        table.setCellWidget(row, 1, combo)
        table.setItem(row, 2, QTableWidgetItem(label))

    def add_step(self) -> None:
        steps = self.steps()
        days = (steps[-1]["days"] + 7) if steps else 1
        self._append(min(days, 3650), "escalate", "提请包保领导协调")

    def remove_step(self) -> None:
        row = self.form.steps_table.currentRow()
        if row >= 0:
            self.form.steps_table.removeRow(row)

    def steps(self) -> list[dict[str, Any]]:
        """The table as the service's raw ladder (checked there, not here)."""
        table = self.form.steps_table
        raw = []
        for row in range(table.rowCount()):
            spin, combo, item = table.cellWidget(row, 0), table.cellWidget(row, 1), table.item(row, 2)
            assert isinstance(spin, QSpinBox) and isinstance(combo, QComboBox)
            label = item.text().strip() if item is not None else ""
            raw.append({"days": spin.value(), "action": combo.currentData(),
                        **({"label": label} if label and label != ACTIONS.get(combo.currentData()) else {})})
        return raw

    def save(self) -> object:
        raw = self.steps()

        def work(workspace: Workspace) -> None:
            with workspace.db.transaction() as session:
                save_ladder(session, raw)

        outcome = self.wait_for(self.ops, work, lambda _none: self.ops.notify(Change(settings=True)))
        assert outcome is PENDING
        return outcome


def _default_steps() -> list[LadderStep]:
    return parse_ladder(DEFAULT_LADDER)


def _read(workspace: Workspace) -> list[LadderStep]:
    with workspace.db.read() as session:
        return load_ladder(session)
