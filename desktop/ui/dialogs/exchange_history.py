"""文件 → 数据交换记录: what was sent and received, with whom, when, how much; and undo of the last merge."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QHeaderView, QMessageBox, QWidget

from desktop.errors import UserError
from desktop.services.exchange.history import load_history
from desktop.services.exchange.merge import undo_last_merge
from desktop.ui.forms.ui_exchange_history_dialog import Ui_ExchangeHistoryDialog
from desktop.ui.widgets.fitting import fit_to_screen
from desktop.workspace import Workspace

COLUMNS = ("时间", "方向", "对方单位", "范围", "数量", "操作人", "数据包编号")


class ExchangeHistoryDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.workspace = workspace
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
        with self.workspace.db.read() as session:
            rows = load_history(session)
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

    def _undo(self) -> None:
        answer = QMessageBox.question(self, "撤销合并", "把数据恢复到最近一次合并之前？\n合并带来的新增、修改和删除都将撤销。")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            record = undo_last_merge(self.workspace)
        except UserError as exc:
            QMessageBox.warning(self, "撤销合并", str(exc))
            return
        self.data_changed = True
        self.reload()
        QMessageBox.information(self, "撤销合并", f"已撤销来自「{record.peer_name}」的合并，数据已回到合并前。")
