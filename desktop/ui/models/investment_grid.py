"""The monthly investment grid: one row per project, 本月目标 and 本月完成 editable in 万元.

Edits stay pending (shown in blue) until the office saves, then go to the service in one transaction. A refused
entry never reaches the row: `edit_refused` carries the service's message naming project and month.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.errors import UserError
from desktop.services.figures import WAN, LagThresholds, Rate, pct_text
from desktop.services.investment import GridRow, MonthEntry, parse_wan
from desktop.ui.models.rows_table import LIGHT_COLOURS

Index = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "编号"), ("name", "项目名称"), ("category", "类别"), ("plan", "年度计划（万元）"),
    ("target", "本月目标（万元）"), ("amount", "本月完成（万元）"), ("ytd", "年度累计（万元）"),
    ("plan_rate", "完成年度计划"), ("schedule", "序时进度"), ("light", "状态"), ("late", "报送"),
)
EDITABLE = {"target": "target", "amount": "amount"}
COL = {key: i for i, (key, _label) in enumerate(COLUMNS)}
PENDING_FG = QColor("#1a56c4")
LATE_BG = QColor("#fde2e1")
EDITABLE_BG = QColor("#fffbea")  # cells the office fills in


def wan(yuan: int | None) -> str:
    if yuan is None:
        return ""
    text = f"{Decimal(yuan) / WAN:,.4f}".rstrip("0").rstrip(".")
    return text


class InvestmentGridModel(QAbstractTableModel):
    edit_refused = Signal(str)
    pending_changed = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[GridRow] = []
        self._pending: dict[int, MonthEntry] = {}
        self.month = 1
        self.reported_month = 1  # the month whose figure is due now; filling it clears the 迟报 flag
        self.thresholds = LagThresholds()

    def set_rows(self, rows: list[GridRow], month: int, thresholds: LagThresholds, reported_month: int) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._pending.clear()
        self.month = month
        self.reported_month = reported_month
        self.thresholds = thresholds
        self.endResetModel()
        self.pending_changed.emit(0)

    def rows(self) -> list[GridRow]:
        return list(self._rows)

    def pending(self) -> dict[int, MonthEntry]:
        return dict(self._pending)

    def row_index(self, project_id: int) -> int:
        return next(i for i, r in enumerate(self._rows) if r.project_id == project_id)

    # --- Qt model API ----------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            label = COLUMNS[section][1]
            return label.replace("本月", f"{self.month}月") if section in (COL["target"], COL["amount"]) else label
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and COLUMNS[index.column()][0] in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _display(self, row: GridRow, key: str) -> str:
        month = self.month
        if key == "code":
            return row.code
        if key == "name":
            return row.name
        if key == "category":
            return row.category
        if key == "plan":
            return wan(row.annual_plan)
        if key == "target":
            return wan(row.target)
        if key == "amount":
            return wan(row.amount)
        if key == "ytd":
            return wan(row.year_to_date)
        if key == "plan_rate":
            return Rate(row.year_to_date, row.annual_plan).text
        if key == "schedule":
            return pct_text(row.schedule_pct(month))
        if key == "light":
            return row.light(month, self.thresholds).label
        if key == "late":
            return "迟报" if row.late else ""
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.EditRole:
            return wan(getattr(row, EDITABLE[key])).replace(",", "") if key in EDITABLE else None
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("code", "name", "category", "light", "late"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and key == "light":
            return LIGHT_COLOURS[row.light(self.month, self.thresholds)]
        if role == Qt.ItemDataRole.ForegroundRole and key in EDITABLE and row.project_id in self._pending:
            return QBrush(PENDING_FG)
        if role == Qt.ItemDataRole.BackgroundRole:
            if key == "late" and row.late:
                return QBrush(LATE_BG)
            return QBrush(EDITABLE_BG) if key in EDITABLE else None
        if role == Qt.ItemDataRole.ToolTipRole and key == "late" and row.late:
            return f"{row.name}没有报送上月投资完成额"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        key = COLUMNS[index.column()][0]
        if key not in EDITABLE:
            return False
        row = self._rows[index.row()]
        label = "本月完成" if key == "amount" else "本月目标"
        try:
            yuan = parse_wan(str(value), row.name, self.month, label)
        except UserError as exc:
            self.edit_refused.emit(str(exc))
            return False
        if getattr(row, key) == yuan:
            return True
        fresh = row._replace(**{key: yuan})
        if key == "amount" and yuan is not None:
            fresh = fresh._replace(late=False) if self.month == self.reported_month else fresh
        self._rows[index.row()] = fresh
        self._pending[row.project_id] = MonthEntry(fresh.amount, fresh.target)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(COLUMNS) - 1))
        self.pending_changed.emit(len(self._pending))
        return True
