"""The issue table model: plain tuples in, filtered and sorted in Python, never through a proxy's string filter.

Rows are `IssueRow` tuples loaded once by the service; `set_filter` and `sort` rebuild the visible index list and
reset the model (23–40 ms per 100k rows on the test VM, engineering-facts §1.2). An edit never resets it: the
changed rows are swapped in place, removed or inserted (`replace_rows`), and the overdue/due-soon counts and the
unit list follow those rows only, so an edit costs the same at 100k rows as at 300.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from operator import attrgetter, itemgetter
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
    "found_on": lambda r: r.found_on.isoformat() if r.found_on is not None else "未填",
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
    "found_on": attrgetter("found_on"),  # as deadline: rows without a found date are split off first
}


def sort_rows(rows: list[IssueRow], key: str, descending: bool = False) -> list[IssueRow]:
    """Rows ordered by one column; rows with no deadline (or no found date) always go last, whichever the direction."""
    if key in ("deadline", "found_on"):
        day = _SORT_KEY[key]
        dated = [r for r in rows if day(r) is not None]
        undated = [r for r in rows if day(r) is None]
        dated.sort(key=_SORT_KEY[key], reverse=descending)
        return dated + undated
    return sorted(rows, key=_SORT_KEY[key], reverse=descending)


_KEYS = tuple(key for key, _label in COLUMNS)
_ROW_ID = itemgetter(0)  # IssueRow.id
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
        self._deadline: tuple[int, set[int], set[int]] | None = None  # (days, overdue ids, due-soon ids) of all
        self._visible_counts: tuple[int, int] | None = None  # (overdue, due soon) among the visible rows
        self._positions: dict[int, int] | None = None  # id → index in `_all`, built when an edit first needs it
        self._units: Counter[str] | None = None  # rows per responsible unit, for the filter's choices
        self.awaiting: frozenset[int] = frozenset()  # a unit reported 已办结, not yet confirmed (status column)

    # --- data in -------------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[IssueRow]) -> None:
        self._all = _searchable(rows)
        self._forget_indexes()
        self._rebuild()

    def _forget_indexes(self) -> None:
        self._deadline = None
        self._positions = None
        self._units = None

    def replace_rows(self, rows: Sequence[IssueRow], removed: Sequence[int] = ()) -> None:
        """Swap in fresh copies of some rows after an edit, without reloading everything.

        An edited row that is shown and still passes the filter is updated in place (dataChanged): it does not jump
        away from under the user's eyes and nothing is re-sorted. One that no longer passes, or was deleted, is
        removed; a new one goes on top (unsorted table). Only when a hidden row now passes, or a new row meets a
        sorted table, is the visible list rebuilt (a model reset).
        """
        fresh = {r.id: r for r in _searchable(rows)}
        if (fresh or removed) and self._patch(fresh, set(removed)):
            return
        gone = set(removed)
        kept = [fresh.pop(r.id, r) for r in self._all if r.id not in gone]
        self._all = list(fresh.values()) + kept
        self._forget_indexes()
        self._rebuild()

    def _patch(self, fresh: dict[int, IssueRow], gone: set[int]) -> bool:
        """The edit as row moves (see `replace_rows`); False, with nothing changed, when it needs a rebuild."""
        positions = self._index()
        passes = self._predicate or (lambda _r: True)
        new = [r for i, r in fresh.items() if i not in positions]
        added = [r for r in new if passes(r)]
        if added and self._sort is not None:
            return False
        shown: dict[int, int] = {}  # id → visible position of the old row
        for issue_id in (*fresh, *gone):
            if issue_id in positions:
                try:  # list.index finds the very tuple by identity first: a C scan, ~1 ms per 100k rows
                    shown[issue_id] = self._visible.index(self._all[positions[issue_id]])
                except ValueError:
                    if issue_id in fresh and passes(fresh[issue_id]):
                        return False  # a hidden row comes into view: its place needs the sort and filter
        old_rows = [self._all[positions[i]] for i in (*fresh, *gone) if i in positions]
        self._count_out(old_rows, shown)
        for issue_id, row in fresh.items():
            if issue_id in positions:
                self._all[positions[issue_id]] = row
        leaving = sorted((p for i, p in shown.items() if i in gone or not passes(fresh[i])), reverse=True)
        last = self.columnCount() - 1
        for issue_id, position in shown.items():
            if issue_id in fresh and passes(fresh[issue_id]):
                self._visible[position] = fresh[issue_id]
                self.dataChanged.emit(self.index(position, 0), self.index(position, last))
        for position in leaving:
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._visible[position]
            self.endRemoveRows()
        if gone:
            for position in sorted((positions[i] for i in gone if i in positions), reverse=True):
                del self._all[position]
            self._positions = None
        if new:
            self._all[:0] = new
            self._positions = None
        if added:
            self.beginInsertRows(QModelIndex(), 0, len(added) - 1)
            self._visible[:0] = added
            self.endInsertRows()
        if (added or leaving) and self._visible:  # 序号 is the position: the rows below are renumbered
            first = min([0] if added else leaving)
            if first < len(self._visible):
                self.dataChanged.emit(self.index(first, 0), self.index(len(self._visible) - 1, 0))
        visible_now = {r.id for r in added} | {i for i in shown if i in fresh and passes(fresh[i])}
        self._count_in(list(fresh.values()), visible_now)
        return True

    def _index(self) -> dict[int, int]:
        if self._positions is None:
            ids = map(_ROW_ID, self._all)  # C speed: ~5 ms per 100k rows
            self._positions = dict(zip(ids, range(len(self._all)), strict=True))
        return self._positions

    def _count_out(self, rows: list[IssueRow], shown: dict[int, int]) -> None:
        """Take rows about to change out of the deadline sets, the visible counts and the unit counts."""
        if self._deadline is not None:
            _days, overdue, soon = self._deadline
            if self._visible_counts is not None:
                late, near = self._visible_counts
                late -= sum(1 for r in rows if r.id in shown and r.id in overdue)
                near -= sum(1 for r in rows if r.id in shown and r.id in soon)
                self._visible_counts = (late, near)
            for r in rows:
                overdue.discard(r.id)
                soon.discard(r.id)
        else:
            self._visible_counts = None
        if self._units is not None:
            self._units.subtract(r.unit for r in rows if r.unit)

    def _count_in(self, rows: list[IssueRow], visible: set[int]) -> None:
        if self._deadline is not None:
            days, overdue, soon = self._deadline
            late, near = deadline_ids(rows, self.today, days)
            overdue |= late
            soon |= near
            if self._visible_counts is not None:
                self._visible_counts = (self._visible_counts[0] + len(late & visible),
                                        self._visible_counts[1] + len(near & visible))
        if self._units is not None:
            self._units.update(r.unit for r in rows if r.unit)

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
        self._visible_counts = None
        self.endResetModel()

    def _rebuild(self) -> None:
        self._visible_counts = None
        self.beginResetModel()
        # A list of its own even unfiltered: an edit removes or inserts visible rows without touching `_all`.
        rows = list(self._all) if self._predicate is None else filter_rows(self._all, self._predicate)
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
            if key == "status" and row.id in self.awaiting:
                return f"{row.status_label}（待确认办结）"
            return str(index.row() + 1) if key == "seq" else _CELL[key](row)  # display text is text (modeltester)
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

    def set_awaiting(self, ids: frozenset[int]) -> None:
        """Issues whose unit's 已办结 awaits the office's confirmation: the status column says so."""
        self.awaiting = ids
        if self._visible:
            column = next(i for i, k in enumerate(_KEYS) if k == "status")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._visible) - 1, column))

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
        """(overdue, due soon) among the visible rows; the id sets are built once per load, not per keystroke,
        and an edit moves only its own rows in and out of them."""
        if self._deadline is None or self._deadline[0] != self.due_soon_days:
            overdue, soon = deadline_ids(self._all, self.today, self.due_soon_days)
            self._deadline = (self.due_soon_days, set(overdue), set(soon))
            self._visible_counts = None
        if self._visible_counts is None:
            self._visible_counts = deadline_counts(self._visible, self._deadline[1], self._deadline[2])
        return self._visible_counts

    def units(self) -> list[str]:
        """The responsible units of the loaded rows, sorted (the filter's choices)."""
        if self._units is None:
            self._units = Counter(r.unit for r in self._all if r.unit)
        return sorted(unit for unit, n in self._units.items() if n > 0)

    def total_count(self) -> int:
        return len(self._all)

    def all_rows(self) -> list[IssueRow]:
        return self._all

    def contains(self, issue_id: int) -> bool:
        return issue_id in self._index()

    def position_of(self, issue_id: int) -> int | None:
        """Row of an issue among the visible rows: its tuple found by identity (a C scan, ~1 ms per 100k rows)."""
        position = self._index().get(issue_id)
        if position is None:
            return None
        try:
            return self._visible.index(self._all[position])
        except ValueError:
            return None
