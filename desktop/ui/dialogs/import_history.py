"""文件 → 导入记录: every import with its counts, and undo of a chosen one (layout: forms/import_history.ui).

The list is read and the undo runs on the window's worker (`Ops.run`, the undo behind a busy dialog); an undone
import is broadcast as "everything changed"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QTableWidgetItem, QWidget

from desktop.services.importing.undo import BatchInfo, history, undo_import
from desktop.ui.forms.ui_import_history import Ui_ImportHistoryDialog
from desktop.ui.ops import EVERYTHING
from desktop.ui.ops_progress import OpsRunner
from desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

HEADERS = ("批次", "导入时间", "类型", "文件", "新增", "更新", "跳过", "操作人", "状态")


class ImportHistoryDialog(QDialog):
    data_changed = Signal()
    shown = Signal()  # the list the worker read is on screen (tests wait for it)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.ops = ops
        self.loading = False
        self.form = Ui_ImportHistoryDialog()
        self.form.setupUi(self)
        self.task = OpsRunner(ops, self)
        self.batches: list[BatchInfo] = []
        self.last_message = ""
        self.form.history_table.setColumnCount(len(HEADERS))
        self.form.history_table.setHorizontalHeaderLabels(list(HEADERS))
        self._connect_signals()
        self.reload()

    def _connect_signals(self) -> None:
        self.form.button_box.rejected.connect(self.reject)
        self.form.undo_button.clicked.connect(self.undo_selected)
        self.form.history_table.itemSelectionChanged.connect(self._update_buttons)

    def reload(self) -> None:
        self.loading = True
        self.ops.run(_history, self._show)

    def _show(self, batches: list[BatchInfo]) -> None:
        self.loading = False
        self.batches = batches
        table = self.form.history_table
        table.setRowCount(len(self.batches))
        for line, b in enumerate(self.batches):
            values = (str(b.id), f"{b.at:%Y-%m-%d %H:%M}", b.kind_label, b.file_name, str(b.rows_created),
                      str(b.rows_updated), str(b.rows_skipped), b.operator or "", b.state)
            for column, text in enumerate(values):
                table.setItem(line, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        self._update_buttons()
        self.shown.emit()

    def selected(self) -> BatchInfo | None:
        rows = self.form.history_table.selectionModel().selectedRows()
        return self.batches[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        batch = self.selected()
        self.form.undo_button.setEnabled(batch is not None and batch.undone_at is None and not self.task.running)

    def confirm(self, batch: BatchInfo) -> bool:
        answer = QMessageBox.question(
            self, "撤销导入",
            f"撤销第 {batch.id} 批导入（{batch.file_name}）？\n该次导入新建的 {batch.rows_created} 行数据将被删除，"
            f"更新的 {batch.rows_updated} 行恢复原值。撤销前会先备份数据库。",
        )
        return answer == QMessageBox.StandardButton.Yes

    def undo_selected(self) -> None:
        batch = self.selected()
        if batch is None or not self.confirm(batch):
            return
        self.task.start("撤销导入", lambda ws, _progress, _cancel: undo_import(ws.db, batch.id, data_dir=ws.data_dir),
                        self._undone, cancellable=False, label="正在撤销导入……", on_error=self._failed)
        self._update_buttons()

    def _undone(self, message: str) -> None:
        self.last_message = message
        self.ops.notify(EVERYTHING)
        self.reload()
        self.data_changed.emit()
        QMessageBox(QMessageBox.Icon.Information, "撤销导入", message, QMessageBox.StandardButton.Ok, self).open()

    def _failed(self, message: str) -> None:
        """A refusal; a bug is shown by `Ops`'s one error dialog instead."""
        self.last_message = message
        self._update_buttons()
        QMessageBox(QMessageBox.Icon.Warning, "不能撤销", self.last_message, QMessageBox.StandardButton.Ok,
                    self).open()


def _history(workspace: Workspace) -> list[BatchInfo]:
    with workspace.db.read() as session:
        return history(session)
