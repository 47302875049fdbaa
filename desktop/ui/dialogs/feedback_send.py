"""反馈 → 发出反馈表: the round's name, the reply deadline, the folder, the units; written on the worker.

The layout is `forms/feedback_send_dialog.ui`. What can be sent (units with open issues, the next round's name,
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

from desktop.ui.forms.ui_feedback_send_dialog import Ui_FeedbackSendDialog
from desktop.ui.ops import Change, Ops
from desktop.ui.widgets.date_edit import check_dates

if TYPE_CHECKING:
    from desktop.services.feedback.send import SendChoices, SendResult
    from desktop.workspace import Workspace


class FeedbackSendDialog(QDialog):
    def __init__(self, ops: Ops, today: date, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = today
        self.form = Ui_FeedbackSendDialog()
        self.form.setupUi(self)
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
        self.form.error_label.setText("正在读取有未办结问题的单位……")

        def work(workspace: Workspace) -> SendChoices:
            from desktop.services.feedback.send import send_choices

            with workspace.db.read() as session:
                return send_choices(session, today)

        self.ops.run(work, self._loaded, self._refused)

    def _loaded(self, choices: SendChoices) -> None:
        self.loading = False
        self.form.error_label.clear()
        self.form.round_edit.setText(choices.round_name)
        self.form.deadline_edit.set_value(choices.deadline)
        for name, count in choices.units:
            row = QListWidgetItem(f"{name}（{count}项未办结）")
            row.setData(Qt.ItemDataRole.UserRole, name)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked)
            self.form.unit_list.addItem(row)
        if not choices.units:
            self.form.error_label.setText("目前没有单位牵头办理未办结的问题，不需要发出反馈表。")

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
        self.sending = True
        self.form.button_box.setEnabled(False)
        self.form.error_label.setText("正在生成反馈表……")

        def work(workspace: Workspace) -> tuple[SendResult, list[Path]]:
            from desktop.exporters.feedback_job import send_with_notices

            with workspace.db.transaction() as session:
                return send_with_notices(session, folder, notices=notices, units=units, deadline=deadline,
                                         name=name, today=today)

        self.ops.run(work, self._sent, self._refused, on_broken=lambda: self._refused(""))

    def _sent(self, value: tuple[SendResult, list[Path]]) -> None:
        self.sending = False
        self.result, self.notices = value
        self.ops.notify(Change(settings=True))  # a new round: the 反馈情况 view reads it
        window = self.parent()
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(
                f"已发出{self.result.round_name}反馈表：{len(self.result.forms)}个单位，{self.result.items}项问题，"
                f"保存在 {self.form.folder_edit.text()}", 15_000)
        super().accept()
