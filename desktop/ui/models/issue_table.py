"""The issue table model: plain tuples in, filtered and sorted in Python, never through a proxy's string filter.

Rows are `IssueRow` tuples loaded once by the service; `set_filter` and `sort` rebuild the visible index list and
reset the model (23–40 ms per 100k rows on the test VM, engineering-facts §1.2).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.services.issues.row import (
    DONE_CODES,
    LEVEL_RANK,
    IssueRow,
    deadline_counts,
    deadline_ids,
    filter_rows,
    is_overdue,
    with_haystack,
)

Index = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[tuple[str, str], ...] = (
    ("seq", "序号"), ("project", "项目"), ("category", "类别"), ("description", "问题描述"), ("unit", "责任单位"),
    ("person", "责任人"), ("deadline", "完成时限"), ("level", "当前层级"), ("status", "状态"),
    ("progress", "最新进展"), ("found_on", "发现日期"),
)

OVERDUE_BG = QColor("#fde2e1")
OVERDUE_FG = QColor("#b3261e")
DUE_SOON_BG = QColor("#fff4d6")
DONE_FG = QColor("#8a8a8a")


def _deadline_text(row: IssueRow) -> str:
    if row.deadline is None:
        return row.deadline_text
    return row.deadline.isoformat() if not row.deadline_text else f"{row.deadline.isoformat()}（{row.deadline_text}）"


_CELL: dict[str, Callable[[IssueRow], Any]] = {
    "project": lambda r: r.project_name,
    "category": lambda r: r.category,
    "description": lambda r: r.description,
    "unit": lambda r: r.unit,
    "person": lambda r: r.person,
    "deadline": _deadline_text,
    "level": lambda r: r.level_label,
    "status": lambda r: r.status_label,
    "progress": lambda r: r.latest_progress,
    "found_on": lambda r: r.found_on.isoformat(),
}

# Sort keys are C-level getters over the tuples wherever the column allows (a Python lambda per row doubled the
# sort time at 100k rows); text columns sort by code point, statuses by their life-cycle code.
_SORT_KEY: dict[str, Callable[[IssueRow], Any]] = {
    "seq": attrgetter("id"),
    "project": attrgetter("project_name"),
    "category": attrgetter("category"),
    "description": attrgetter("description"),
    "unit": attrgetter("unit"),
    "person": attrgetter("person"),
    "deadline": attrgetter("deadline"),  # rows without a date are split off first: None does not compare
    "level": lambda r: LEVEL_RANK.get(r.level, -1),
    "status": attrgetter("status"),
    "progress": attrgetter("latest_progress"),
    "found_on": attrgetter("found_on"),
}


def sort_rows(rows: list[IssueRow], key: str, descending: bool = False) -> list[IssueRow]:
    """Rows ordered by one column; rows with no deadline always go last, whichever the direction."""
    if key == "deadline":
        dated = [r for r in rows if r.deadline is not None]
        undated = [r for r in rows if r.deadline is None]
        dated.sort(key=_SORT_KEY[key], reverse=descending)
        return dated + undated
    return sorted(rows, key=_SORT_KEY[key], reverse=descending)


_KEYS = tuple(key for key, _label in COLUMNS)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ROLES = frozenset(int(r) for r in (_DISPLAY, _BACKGROUND, _FOREGROUND, _ALIGN, _TOOLTIP, Qt.ItemDataRole.UserRole))
_CENTERED = frozenset({"seq", "deadline", "found_on", "level", "status"})
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_OVERDUE_BRUSH = QBrush(OVERDUE_BG)
_DUE_SOON_BRUSH = QBrush(DUE_SOON_BG)
_DONE_BRUSH = QBrush(DONE_FG)
_OVERDUE_FG_BRUSH = QBrush(OVERDUE_FG)


def _searchable(rows: Sequence[IssueRow]) -> list[IssueRow]:
    """Rows built by hand (tests, other callers) get the search haystack the loader gives every row."""
    return [r if r.haystack else with_haystack(r) for r in rows]


class IssueTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None, *, today: date | None = None, due_soon_days: int = 7) -> None:
        super().__init__(parent)
        self._all: list[IssueRow] = []
        self._visible: list[IssueRow] = []
        self._predicate: Callable[[IssueRow], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.today = today or date.today()
        self.due_soon_days = due_soon_days
        self._deadline_ids: tuple[int, frozenset[int], frozenset[int]] | None = None

    # --- data in -------------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[IssueRow]) -> None:
        self._all = _searchable(rows)
        self._deadline_ids = None
        self._rebuild()

    def replace_rows(self, rows: Sequence[IssueRow], removed: Sequence[int] = ()) -> None:
        """Swap in fresh copies of some rows after an edit, without reloading everything.

        When every edited row is already shown and still passes the filter, it is updated in place (dataChanged):
        the row does not jump away from under the user's eyes and nothing is re-sorted. Otherwise (new, removed or
        now filtered-out rows) the visible list is rebuilt; new rows go on top.
        """
        fresh = {r.id: r for r in _searchable(rows)}
        if not removed and fresh and self._update_in_place(fresh):
            return
        gone = set(removed)
        kept = [fresh.pop(r.id, r) for r in self._all if r.id not in gone]
        self._all = list(fresh.values()) + kept
        self._deadline_ids = None
        self._rebuild()

    def _update_in_place(self, fresh: dict[int, IssueRow]) -> bool:
        if self._predicate is not None and not all(self._predicate(r) for r in fresh.values()):
            return False
        shown = {r.id: i for i, r in enumerate(self._visible) if r.id in fresh}
        stored = {r.id: i for i, r in enumerate(self._all) if r.id in fresh}
        if len(shown) != len(fresh) or len(stored) != len(fresh):
            return False
        for issue_id, i in stored.items():
            self._all[i] = fresh[issue_id]
        self._deadline_ids = None
        last = self.columnCount() - 1
        for issue_id, i in shown.items():
            self._visible[i] = fresh[issue_id]
            self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        return True

    def set_filter(self, predicate: Callable[[IssueRow], bool] | None, *, narrowing: bool = False) -> None:
        """`narrowing=True` promises `predicate` accepts a subset of what the current one did (the user typed one
        more character): then only the visible rows are scanned, already in order, so no re-sort either."""
        base = self._visible if narrowing and self._predicate is not None and predicate is not None else None
        self._predicate = predicate
        if base is None:
            self._rebuild()
            return
        self.beginResetModel()
        self._visible = filter_rows(base, predicate)
        self.endResetModel()

    def _rebuild(self) -> None:
        self.beginResetModel()
        rows = self._all if self._predicate is None else filter_rows(self._all, self._predicate)
        if self._sort is not None:
            rows = self._sorted(rows, *self._sort)
        self._visible = rows
        self.endResetModel()

    # --- Qt model API ----------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return COLUMNS[section][1]
            return None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called ~14 times per visible cell per paint, from C++ (~6 µs each): roles the table does not use leave
        # on the first line, and no enum is built per call (engineering-facts §1).
        if role not in _ROLES or not index.isValid():
            return None
        row = self._visible[index.row()]
        key = _KEYS[index.column()]
        if role == _DISPLAY:
            return index.row() + 1 if key == "seq" else _CELL[key](row)
        if role == _BACKGROUND:
            deadline = row.deadline
            if deadline is None or row.status in DONE_CODES:
                return None
            if deadline < self.today:
                return _OVERDUE_BRUSH
            return _DUE_SOON_BRUSH if (deadline - self.today).days <= self.due_soon_days else None
        if role == _FOREGROUND:
            if row.status in DONE_CODES:
                return _DONE_BRUSH
            if key == "deadline" and is_overdue(row.status, row.deadline, self.today):
                return _OVERDUE_FG_BRUSH
            return None
        if role == _ALIGN:
            return _CENTER if key in _CENTERED else None
        if role == _TOOLTIP:
            return _CELL[key](row) if key in ("description", "progress", "project") else None
        return row.id  # UserRole

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.beginResetModel()
        self._visible = self._sorted(self._visible, column, order)
        self.endResetModel()

    @staticmethod
    def _sorted(rows: list[IssueRow], column: int, order: Qt.SortOrder) -> list[IssueRow]:
        return sort_rows(rows, COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)

    # --- helpers for views -----------------------------------------------------------------------------------
    def row_at(self, row: int) -> IssueRow:
        return self._visible[row]

    def visible_rows(self) -> list[IssueRow]:
        """What the user sees, in the order shown (exports use this)."""
        return list(self._visible)

    def deadline_counts(self) -> tuple[int, int]:
        """(overdue, due soon) among the visible rows; the id sets are built once per load, not per keystroke."""
        if self._deadline_ids is None or self._deadline_ids[0] != self.due_soon_days:
            overdue, soon = deadline_ids(self._all, self.today, self.due_soon_days)
            self._deadline_ids = (self.due_soon_days, overdue, soon)
        return deadline_counts(self._visible, self._deadline_ids[1], self._deadline_ids[2])

    def total_count(self) -> int:
        return len(self._all)

    def all_rows(self) -> list[IssueRow]:
        return self._all

    def contains(self, issue_id: int) -> bool:
        return any(r.id == issue_id for r in self._all)

    def position_of(self, issue_id: int) -> int | None:
        """Row of an issue among the visible rows (a linear scan: ~1 ms per 10k rows, only on selection)."""
        for position, row in enumerate(self._visible):
            if row.id == issue_id:
                return position
        return None
