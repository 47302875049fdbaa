"""The rows behind a dashboard figure: the figure's title, how many, and the list itself."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from desktop.services.drilldown import Drill
from desktop.ui.forms.ui_drilldown_dialog import Ui_DrilldownDialog
from desktop.ui.investment_panel import fixed_rows
from desktop.ui.models.rows_table import RowsTableModel
from desktop.ui.widgets.fitting import fit_to_screen

WIDE = {"问题描述", "项目名称", "走访内容", "议定事项"}
MEDIUM = {"项目/企业", "走访对象", "责任单位", "会议"}
UNITS = {"issue": "个问题", "project": "个项目", "visit": "次包保活动", "decision": "项议定事项"}


class DrilldownDialog(QDialog):
    """Double-click (or Enter on) a row to open what it counts: `open_requested(entity, id)`."""

    open_requested = Signal(str, int)

    def __init__(self, drill: Drill, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.drill = drill
        self.form = Ui_DrilldownDialog()
        self.form.setupUi(self)
        self.setWindowTitle(drill.title)
        self.form.title_label.setText(drill.title)
        self.form.count_label.setText(f"共 {len(drill)} {UNITS.get(drill.entity, '条')}")
        light_column = drill.headers.index("状态灯") if "状态灯" in drill.headers else None
        self.model = RowsTableModel(drill.headers, self, light_column=light_column)
        self.model.set_rows(drill.rows, drill.ids)
        table = self.form.rows_table
        table.setModel(self.model)
        fixed_rows(table)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order
        table.setSortingEnabled(True)
        for column, header in enumerate(drill.headers):
            table.setColumnWidth(column, 300 if header in WIDE else 190 if header in MEDIUM else 100)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.form.button_box.rejected.connect(self.reject)
        self.form.button_box.accepted.connect(self.accept)
        self.form.rows_table.doubleClicked.connect(self.open_row)
        self.form.rows_table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Enter opens the current row, not OK
        if (watched is self.form.rows_table and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):  # type: ignore[attr-defined]
            self.open_row(self.form.rows_table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def open_row(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.drill.entity, int(self.model.id_at(index.row())))
