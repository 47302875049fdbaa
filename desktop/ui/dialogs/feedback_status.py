"""反馈 → 反馈情况: per round, which units replied, when, how many items they updated, and who is late; from there a
催报通知 (Word) or a second round of forms for the late units only.

The layout is `forms/feedback_status_dialog.ui`. The rounds are read on the worker, and again after a second round
is sent or the change broadcast says feedback arrived. Writing a 催报通知 changes no record; a second round is a
new round, recorded like the first (services/feedback).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from desktop.ui.forms.ui_feedback_status_dialog import Ui_FeedbackStatusDialog
from desktop.ui.ops import Change, Ops

if TYPE_CHECKING:
    from desktop.services.feedback.send import SendResult
    from desktop.services.feedback.status import RoundState
    from desktop.workspace import Workspace

CHASE_DAYS = 3
LATE_COLOR = QColor("#b3261e")


class FeedbackStatusDialog(QDialog):
    def __init__(self, ops: Ops, today: date, export_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = today
        self.export_dir = export_dir
        self.form = Ui_FeedbackStatusDialog()
        self.form.setupUi(self)
        self.states: list[RoundState] = []
        self.saved: Path | None = None
        self.second: SendResult | None = None
        self.ask_docx = self._ask_docx
        self.ask_folder = self._ask_folder
        self.ask_deadline = self._ask_deadline
        header = self.form.unit_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.form.round_combo.currentIndexChanged.connect(self._show_round)
        self.form.chase_button.clicked.connect(self.write_chase)
        self.form.second_round_button.clicked.connect(self.send_second_round)
        self.form.undo_button.clicked.connect(self.undo_last_collect)
        self.confirm_undo = self._confirm_undo
        self.undone: str | None = None
        self.form.button_box.rejected.connect(self.reject)
        self.ops.changed.connect(self._on_change)
        self.reload()

    def _on_change(self, change: Change) -> None:
        if change.settings or change.everything:
            self.reload()

    def reload(self) -> None:
        today = self.today

        def work(workspace: Workspace) -> list[RoundState]:
            from desktop.services.feedback.status import round_states

            with workspace.db.read() as session:
                return round_states(session, today)

        self.ops.run(work, self._loaded, self.form.error_label.setText)

    def _loaded(self, states: list[RoundState]) -> None:
        if not shiboken6.isValid(self):  # closed (and deleted) while the rounds were read
            return
        previous = self.form.round_combo.currentText()
        self.states = states
        combo = self.form.round_combo
        combo.blockSignals(True)
        combo.clear()
        for state in states:
            combo.addItem(state.name)
        combo.blockSignals(False)
        index = combo.findText(previous)
        combo.setCurrentIndex(index if index >= 0 else 0)
        self._show_round()
        if not states:
            self.form.summary_label.setText("还没有发出过反馈表（反馈 → 发出反馈表）。")

    def current(self) -> RoundState | None:
        name = self.form.round_combo.currentText()
        return next((s for s in self.states if s.name == name), None)

    def _show_round(self) -> None:
        state = self.current()
        table = self.form.unit_table
        table.setSortingEnabled(False)
        table.setRowCount(0)
        late = 0
        if state is not None:
            table.setRowCount(len(state.units))
            for row, unit in enumerate(state.units):
                cells = (unit.unit, f"{unit.items}项", unit.replied_on.isoformat() if unit.replied_on else "",
                         f"{unit.items_updated}项", unit.label)
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if unit.late and unit.replied_on is None:
                        item.setForeground(LATE_COLOR)
                    table.setItem(row, column, item)
            late = len(state.late_units)
            overdue = self.today > state.deadline
            self.form.summary_label.setText(
                f"{state.form_name}，{state.sent_on.isoformat()}发出，截止{state.deadline.isoformat()}；"
                f"{len(state.units)}个单位，"
                f"已报{state.replied}个，" + (f"逾期未报{late}个。" if overdue else "尚未到截止日期。"))
        table.setSortingEnabled(True)
        self.form.chase_button.setEnabled(late > 0)
        self.form.second_round_button.setEnabled(late > 0)

    # --- 催报 ---------------------------------------------------------------------------------------------
    def _ask_docx(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(self, "保存催报通知", suggested, "Word 文档 (*.docx)")
        if path and not path.lower().endswith(".docx"):
            path += ".docx"
        return path

    def _ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, "新一轮反馈表保存到", str(self.export_dir))

    def _ask_deadline(self) -> date | None:
        """The new round's reply deadline, typed the way clerks type dates (2026-12-15, 20261215, 12-15)."""
        from desktop.ui.widgets.date_text import DateTextError, parse_date_text

        proposed, problem = (self.today + timedelta(days=CHASE_DAYS)).isoformat(), ""
        while True:
            text, ok = QInputDialog.getText(self, "再发一轮", f"{problem}新一轮的反馈截止日期：", text=proposed)
            if not ok:
                return None
            try:
                deadline = parse_date_text(text, self.today)
            except DateTextError as exc:
                proposed, problem = text, f"{exc}\n"
                continue
            if deadline is not None:
                return deadline
            problem = "请填写日期。\n"

    def write_chase(self) -> None:
        state = self.current()
        if state is None:
            return
        name = self.ask_docx(str(self.export_dir / f"催报通知_{state.name}_{self.today.isoformat()}.docx"))
        if not name:
            return
        target, round_name, today = Path(name), state.name, self.today
        self.form.error_label.setText("正在写催报通知……")

        def work(workspace: Workspace) -> list[str]:
            from desktop.exporters.feedback_job import write_chase

            with workspace.db.read() as session:
                return write_chase(session, round_name, target, today=today, reply_by=today + timedelta(days=CHASE_DAYS))

        def done(units: list[str]) -> None:
            self.saved = target
            self.form.error_label.setText(f"已写出催报通知（{len(units)}个单位）：{target}")

        self.ops.run(work, done, self.form.error_label.setText)

    def send_second_round(self) -> None:
        state = self.current()
        if state is None:
            return
        folder = self.ask_folder()
        if not folder:
            return
        deadline = self.ask_deadline()
        if deadline is None:
            return
        round_name, today, out = state.name, self.today, Path(folder)
        self.form.error_label.setText("正在给逾期未报的单位生成新一轮反馈表……")

        def work(workspace: Workspace) -> SendResult:
            from desktop.exporters.feedback_job import second_round

            with workspace.db.transaction() as session:
                return second_round(session, round_name, out, today=today, deadline=deadline)

        def done(result: SendResult) -> None:
            self.second = result
            self.form.error_label.setText(f"已为{len(result.forms)}个单位发出{result.round_name}反馈表，"
                                          f"反馈截止{result.deadline.isoformat()}：{out}")
            self.ops.notify(Change(settings=True))

        self.ops.run(work, done, self.form.error_label.setText)

    # --- 撤销收取 ------------------------------------------------------------------------------------------
    def _confirm_undo(self, text: str) -> bool:
        answer = QMessageBox.question(self, "撤销收取", text)
        return answer == QMessageBox.StandardButton.Yes

    def undo_last_collect(self) -> None:
        """Take the newest collect back as a whole (services/feedback/undo.py), after the clerk confirms what."""

        def ask(workspace: Workspace) -> tuple[int, str, str] | None:
            from desktop.db.models import ImportBatch
            from desktop.services.feedback.undo import last_collect

            with workspace.db.read() as session:
                batch_id = last_collect(session)
                batch = session.get(ImportBatch, batch_id) if batch_id is not None else None
                if batch is None:
                    return None
                return batch.id, batch.file_name, f"{batch.created_at:%Y-%m-%d %H:%M}"

        self.ops.run(ask, self._undo_asked, self.form.error_label.setText)

    def _undo_asked(self, found: tuple[int, str, str] | None) -> None:
        if found is None:
            self.form.error_label.setText("没有可撤销的收取反馈记录。")
            return
        batch_id, names, at = found
        if not self.confirm_undo(f"撤销 {at} 收取的反馈（{names}）？\n记入的办理进展、登记的新问题和收取记录将整体删除，"
                                 "撤销前先自动备份。"):
            return
        self.form.error_label.setText("正在备份并撤销……")

        def work(workspace: Workspace) -> str:
            from desktop.services.feedback.undo import undo_collect

            return undo_collect(workspace.db, batch_id, data_dir=workspace.data_dir)

        def done(message: str) -> None:
            self.undone = message
            self.form.error_label.setText(message)
            self.ops.notify(Change(everything=True))

        self.ops.run(work, done, self.form.error_label.setText)
