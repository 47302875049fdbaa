"""反馈 → 发出反馈表 / 发出投资进度填报表: the round's name, the reply deadline, the folder, the units; written on
the worker.

The layout is `forms/feedback_send_dialog.ui`, one dialog for both kinds of round: `kind="investment"` shows the
month (填报月份) and sends one 投资进度填报表 per unit (one row per project it leads); the issue kind hides it. What can be sent (units with open issues, the next round's name,
the office's reply days) is read on the worker when the dialog opens; sending records the round and writes the
forms (and the 交办通知 when asked) in one transaction on the worker, so a refusal (a round name already used, a
file already there) leaves no round and no file. The dialog stays open with the service's reason when refused.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QWidget

from desktop.db.models.feedback import INVESTMENT_KIND, ISSUE_KIND
from desktop.services.feedback.invest_send import BY_UNIT, RECIPIENTS, due_month
from desktop.ui.forms.ui_feedback_send_dialog import Ui_FeedbackSendDialog
from desktop.ui.ops import Change, Ops
from desktop.ui.widgets.date_edit import check_dates

if TYPE_CHECKING:
    from desktop.services.feedback.send import SendChoices, SendResult
    from desktop.workspace import Workspace


class FeedbackSendDialog(QDialog):
    def __init__(self, ops: Ops, today: date, folder: Path, parent: QWidget | None = None,
                 kind: str = ISSUE_KIND) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = today
        self.kind = kind
        self.form = Ui_FeedbackSendDialog()
        self.form.setupUi(self)
        investment = kind == INVESTMENT_KIND
        for widget in (self.form.month_label, self.form.year_spin, self.form.month_spin, self.form.by_label,
                       self.form.by_combo):
            widget.setVisible(investment)
        for by, label in RECIPIENTS.items():
            self.form.by_combo.addItem(f"每个{label}一份", by)
        if investment:
            self.setWindowTitle("发出投资进度填报表")
            self.form.deadline_label.setText("报送截止：")
            self.form.notice_check.setVisible(False)
            self.form.units_label.setText("发给这些单位（每个单位一个 .xlsx，每个项目一行：本月完成、1—N月累计、形象进度、存在问题）：")
            year, month = due_month(today)
            self.form.year_spin.setValue(year)
            self.form.month_spin.setValue(month)
            self.form.year_spin.valueChanged.connect(self._month_changed)
            self.form.month_spin.valueChanged.connect(self._month_changed)
            self.form.by_combo.currentIndexChanged.connect(self._month_changed)
        self.form.folder_edit.setText(str(folder))
        self.form.deadline_edit.set_today(today)
        self.result: SendResult | None = None
        self.notices: list[Path] = []
        self.loading = True
        self.sending = False
        self.form.folder_button.clicked.connect(self._choose_folder)
        self.form.all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.form.none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.form.button_box.accepted.connect(self.accept)
        self.form.button_box.rejected.connect(self.reject)
        self._load()

    def month(self) -> tuple[int, int]:
        return self.form.year_spin.value(), self.form.month_spin.value()

    def by(self) -> str:
        """Whom an investment round's forms go to: BY_UNIT or BY_OWNER (建设单位)."""
        return str(self.form.by_combo.currentData() or BY_UNIT)

    def _month_changed(self) -> None:
        self._load()

    def _load(self) -> None:
        """What can be sent, read on the worker (for an investment round: for the chosen month)."""
        today, kind, (year, month), by = self.today, self.kind, self.month(), self.by()
        self.loading = True
        self.form.error_label.setText("正在读取有未办结问题的单位……" if kind == ISSUE_KIND
                                      else f"正在读取{year}年{month}月应填报投资的项目……")

        def work(workspace: Workspace) -> SendChoices:
            from desktop.services.feedback import invest_send, send

            with workspace.db.read() as session:
                if kind == INVESTMENT_KIND:
                    return invest_send.send_choices(session, today, year, month, by)
                return send.send_choices(session, today)

        self.ops.run(work, lambda choices: self._loaded(choices, (year, month, by)), self._refused)

    def _loaded(self, choices: SendChoices, asked: tuple[int, int, str] | None = None) -> None:
        if self.kind == INVESTMENT_KIND and asked != (*self.month(), self.by()):  # changed meanwhile: its answer follows
            return
        self.loading = False
        self.form.error_label.clear()
        self.form.round_edit.setText(choices.round_name)
        if self.form.deadline_edit.value() is None or self.kind == ISSUE_KIND:
            self.form.deadline_edit.set_value(choices.deadline)
        unchecked = {self.form.unit_list.item(n).data(Qt.ItemDataRole.UserRole)
                     for n in range(self.form.unit_list.count())
                     if self.form.unit_list.item(n).checkState() == Qt.CheckState.Unchecked}
        self.form.unit_list.clear()
        what = "项未办结" if self.kind == ISSUE_KIND else "个项目"
        for name, count in choices.units:
            row = QListWidgetItem(f"{name}（{count}{what}）")
            row.setData(Qt.ItemDataRole.UserRole, name)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked if name in unchecked else Qt.CheckState.Checked)
            self.form.unit_list.addItem(row)
        if not choices.units:
            self.form.error_label.setText("目前没有单位牵头办理未办结的问题，不需要发出反馈表。" if self.kind == ISSUE_KIND
                                          else "这一年度没有列入计划、有年度计划的项目，不需要发出投资进度填报表。")

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "反馈表保存到", self.form.folder_edit.text())
        if chosen:
            self.form.folder_edit.setText(chosen)

    def _check_all(self, state: Qt.CheckState) -> None:
        for n in range(self.form.unit_list.count()):
            self.form.unit_list.item(n).setCheckState(state)

    def checked_units(self) -> list[str]:
        rows = (self.form.unit_list.item(n) for n in range(self.form.unit_list.count()))
        return [str(r.data(Qt.ItemDataRole.UserRole)) for r in rows if r.checkState() == Qt.CheckState.Checked]

    def _refused(self, message: str) -> None:
        self.loading = self.sending = False
        self.form.button_box.setEnabled(True)
        self.form.error_label.setText(message)

    def accept(self) -> None:
        if self.loading or self.sending:
            return
        stop = check_dates(self)
        if stop is not None:
            stop[0].setFocus()
            self.form.error_label.setText(stop[1])
            return
        units, deadline = self.checked_units(), self.form.deadline_edit.value()
        folder = Path(self.form.folder_edit.text().strip())
        if not units:
            self.form.error_label.setText("请至少勾选一个单位。")
            return
        if deadline is None:
            self.form.error_label.setText("请填写反馈截止日期。")
            return
        if not self.form.folder_edit.text().strip() or not folder.is_dir():
            self.form.error_label.setText(f"保存反馈表的文件夹“{folder}”不存在，请重新选择。")
            return
        name, notices, today = self.form.round_edit.text().strip(), self.form.notice_check.isChecked(), self.today
        kind, (year, month), by = self.kind, self.month(), self.by()
        self.sending = True
        self.form.button_box.setEnabled(False)
        self.form.error_label.setText("正在生成反馈表……")

        def work(workspace: Workspace) -> tuple[SendResult, list[Path]]:
            from desktop.exporters.feedback_job import send_with_notices
            from desktop.services.feedback.invest_send import send_investment_round

            with workspace.db.transaction() as session:
                if kind == INVESTMENT_KIND:
                    return send_investment_round(session, folder, year=year, month=month, units=units,
                                                 deadline=deadline, name=name, today=today, by=by), []
                return send_with_notices(session, folder, notices=notices, units=units, deadline=deadline,
                                         name=name, today=today)

        self.ops.run(work, self._sent, self._refused, on_broken=lambda: self._refused(""))

    def _sent(self, value: tuple[SendResult, list[Path]]) -> None:
        self.sending = False
        self.result, self.notices = value
        self.ops.notify(Change(settings=True))  # a new round: the 反馈情况 view reads it
        window = self.parent()
        if window is not None and hasattr(window, "statusBar"):
            what = "项问题" if self.kind == ISSUE_KIND else "个项目"
            window.statusBar().showMessage(
                f"已发出{self.result.round_name}{'反馈表' if self.kind == ISSUE_KIND else ''}：{len(self.result.forms)}"
                f"个单位，{self.result.items}{what}，保存在 {self.form.folder_edit.text()}", 15_000)
        super().accept()
