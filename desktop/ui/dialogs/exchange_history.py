"""文件 → 数据交换记录: what was sent and received, with whom, when, how much; and undo of the last merge.

The list is read and the undo runs on the window's worker (`Ops.run`); an undone merge is broadcast as "everything
changed", so every part of the window re-reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QHeaderView, QMessageBox, QWidget

from desktop.db.models import ExchangeRecord
from desktop.services.exchange.history import HistoryRow, load_history
from desktop.services.exchange.merge import undo_last_merge
from desktop.ui.forms.ui_exchange_history_dialog import Ui_ExchangeHistoryDialog
from desktop.ui.ops import EVERYTHING
from desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

COLUMNS = ("时间", "方向", "对方单位", "范围", "数量", "操作人", "数据包编号")


class ExchangeHistoryDialog(QDialog):
    shown = Signal()  # the list the worker read is on screen (tests wait for it)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.ops = ops
        self.loading = False
        self.data_changed = False
        self.form = Ui_ExchangeHistoryDialog()
        self.form.setupUi(self)
        self.model = QStandardItemModel(self)
        self.form.history_view.setModel(self.model)
        self.form.history_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.form.history_view.horizontalHeader().setStretchLastSection(True)
        self.form.undo_button.clicked.connect(self._undo)
        self.form.button_box.rejected.connect(self.reject)
        self.reload()

    def reload(self) -> None:
        self.loading = True
        self.form.undo_button.setEnabled(False)
        self.ops.run(_history, self._show, self._failed)

    def _failed(self, message: str) -> None:
        self.loading = False
        QMessageBox.warning(self, "数据交换记录", message)
        self.shown.emit()

    def _show(self, rows: list[HistoryRow]) -> None:
        self.loading = False
        self.model.clear()
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        for row in rows:
            cells = [f"{row.at:%Y-%m-%d %H:%M}", row.direction_label, row.peer_name, row.scope_text, row.counts_text,
                     row.operator, row.package_id[:8]]
            items = [QStandardItem(text) for text in cells]
            items[4].setToolTip(row.counts_text)
            items[6].setToolTip(f"{row.package_id}\n{row.file_name}")
            self.model.appendRow(items)
        for column, width in enumerate((130, 90, 140, 200, 250, 90, 80)):
            self.form.history_view.setColumnWidth(column, width)
        self.form.undo_button.setEnabled(bool(rows) and rows[0].direction == "received")
        self.shown.emit()

    def _undo(self) -> None:
        answer = QMessageBox.question(self, "撤销合并", "把数据恢复到最近一次合并之前？\n合并带来的新增、修改和删除都将撤销。")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.loading = True
        self.form.undo_button.setEnabled(False)

        def refused(message: str) -> None:
            QMessageBox.warning(self, "撤销合并", message)
            self.reload()

        self.ops.run(undo_last_merge, self._undone, refused, on_broken=self.reload)

    def _undone(self, record: ExchangeRecord) -> None:
        self.data_changed = True
        self.ops.notify(EVERYTHING)
        self.reload()
        QMessageBox.information(self, "撤销合并", f"已撤销来自「{record.peer_name}」的合并，数据已回到合并前。")


def _history(workspace: Workspace) -> list[HistoryRow]:
    with workspace.db.read() as session:
        return load_history(session)
