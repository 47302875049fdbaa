"""A read-only table over plain tuples, for the small tables of the field pages (roll-ups, drill-downs, nodes).

Colours come from a per-row callable so the services stay free of Qt; sorting is a Python sort of the tuples.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.services.figures import Light

Index = QModelIndex | QPersistentModelIndex

LIGHT_COLOURS = {Light.GREEN: QColor("#2e9d4a"), Light.YELLOW: QColor("#e0a400"), Light.RED: QColor("#d0342c"),
                 Light.NONE: QColor("#b0b0b0")}
LIGHT_BY_LABEL = {light.label: colour for light, colour in LIGHT_COLOURS.items()}


class RowsTableModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: Any = None, *, numeric: Sequence[int] = (),
                 background: Callable[[tuple], QColor | None] | None = None,
                 light_column: int | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(headers)
        self._rows: list[tuple] = []
        self._ids: list[Any] = []
        self._numeric = set(numeric)
        self._background = background
        self._light_column = light_column

    def set_rows(self, rows: Sequence[tuple], ids: Sequence[Any] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._ids = list(ids) if ids is not None else list(range(len(self._rows)))
        self.endResetModel()

    def rows(self) -> list[tuple]:
        return list(self._rows)

    def id_at(self, row: int) -> Any:
        return self._ids[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[column]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            value = row[column]
            return str(value) if isinstance(value, str) and len(value) > 20 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column == self._light_column:
            return LIGHT_BY_LABEL.get(str(row[column]))
        if role == Qt.ItemDataRole.BackgroundRole and self._background is not None:
            colour = self._background(row)
            return QBrush(colour) if colour is not None else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.headers):
            return  # no sort column: keep the order the service gave
        def key(row: tuple) -> Any:
            value = row[column]
            if column in self._numeric:
                try:
                    return (0, float(str(value).rstrip("%")))
                except ValueError:
                    return (1, 0.0)
            return (0, str(value))

        self.beginResetModel()
        pairs = sorted(zip(self._rows, self._ids, strict=True), key=lambda p: key(p[0]),
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [p[0] for p in pairs]
        self._ids = [p[1] for p in pairs]
        self.endResetModel()
