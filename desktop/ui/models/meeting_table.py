"""The meetings list of the 会议 tab: a table model over plain `MeetingRow`s.

A city office holds ~5,000 meetings; building five QStandardItems per meeting took ~0.7 s on the GUI thread at
every load. This model keeps the rows as they come from the service and answers `data()` for the visible cells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from desktop.services.meetings.rows import MeetingRow

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("会议", "日期", "议定", "完成", "办结率")
ID_ROLE = Qt.ItemDataRole.UserRole
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


class MeetingTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MeetingRow] = []
        self._row_of: dict[int, int] = {}

    def set_rows(self, rows: list[MeetingRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {m.id: i for i, m in enumerate(self._rows)}
        self.endResetModel()

    def meeting_at(self, row: int) -> MeetingRow:
        return self._rows[row]

    def row_of(self, meeting_id: int) -> int | None:
        return self._row_of.get(meeting_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            if column == 0:
                return m.label
            if column == 1:
                return m.held_at.strftime("%Y-%m-%d")
            if column == 2:
                return str(m.decided)
            if column == 3:
                return str(m.done)
            return m.rate.text
        if column == 0:
            if role == ID_ROLE:
                return m.id
            if role == _TOOLTIP:
                return m.title
        return None
