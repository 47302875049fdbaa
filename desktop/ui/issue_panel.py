"""The central issue table with its filter bar and colour legend."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.db.enums import IssueStatus
from desktop.services.issue_rows import DONE_CODES, AllOf, IssueRow, NeedleFilter, search_needle
from desktop.ui.models.issue_table import COLUMNS, IssueTableModel

DEFAULT_WIDTHS = {"seq": 48, "project": 180, "category": 72, "description": 300, "unit": 140, "person": 70,
                  "deadline": 96, "level": 84, "status": 78, "progress": 260, "found_on": 92}


class IssuePanel(QWidget):
    selection_changed = Signal(int)  # issue id, or 0 when nothing is selected

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.model = IssueTableModel(self, today=self.today)
        self._scope: Callable[[IssueRow], bool] | None = None
        self._scope_label = "全部项目"
        self._complete = True
        self._last_state: tuple | None = None  # the filters behind what is shown (see apply_filter)

        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText("搜索问题、项目、责任单位（支持拼音首字母）")
        self.search_edit.setClearButtonEnabled(True)
        self.status_combo = QComboBox(self)
        self.status_combo.addItem("全部状态", "")
        self.status_combo.addItem("未办结", "open")
        for status in IssueStatus:
            self.status_combo.addItem(status.label, status.value)
        self.overdue_check = QCheckBox("仅超期", self)
        self.count_label = QLabel(self)
        legend = QLabel(
            '<span style="background:#fde2e1">&nbsp;超期&nbsp;</span> '
            '<span style="background:#fff4d6">&nbsp;7日内到期&nbsp;</span> '
            '<span style="color:#8a8a8a">已办结/已销号</span>', self)

        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 3)
        bar.addWidget(self.status_combo)
        bar.addWidget(self.overdue_check)
        bar.addStretch(1)
        bar.addWidget(legend)
        bar.addWidget(self.count_label)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(26)
        vertical.hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        for column, (key, _label) in enumerate(COLUMNS):
            self.table.setColumnWidth(column, DEFAULT_WIDTHS[key])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._debounce.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._debounce.start)
        self.status_combo.currentIndexChanged.connect(self.apply_filter)
        self.overdue_check.toggled.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._update_count)

    def set_rows(self, rows: list[IssueRow], *, complete: bool = True) -> None:
        """`complete=False`: only the newest rows of a start-up; the count says the rest is on its way."""
        self._complete = complete
        self._last_state = None
        self.model.set_rows(rows)
        self.apply_filter()

    def set_scope(self, predicate: Callable[[IssueRow], bool] | None, label: str) -> None:
        """Restrict the table to a project or a group chosen in the tree."""
        self._scope = predicate
        self._scope_label = label
        self.apply_filter()

    def current_filter(self) -> Callable[[IssueRow], bool] | None:
        """One predicate built for the filters actually set, so a keystroke costs one `in` per row (100k rows)."""
        needle = search_needle(self.search_edit.text())
        status = self.status_combo.currentData()
        today = self.today
        checks: list[Callable[[IssueRow], bool]] = []
        if self._scope is not None:
            checks.append(self._scope)
        if status == "open":
            checks.append(lambda r: r.status not in DONE_CODES)
        elif status:
            checks.append(lambda r: r.status == status)
        if self.overdue_check.isChecked():
            checks.append(lambda r: r.deadline is not None and r.deadline < today and r.status not in DONE_CODES)
        if needle:
            checks.append(NeedleFilter(needle))
        if not checks:
            return None
        return checks[0] if len(checks) == 1 else AllOf(checks)

    def apply_filter(self) -> None:
        state = (search_needle(self.search_edit.text()), self.status_combo.currentData(),
                 self.overdue_check.isChecked(), self._scope)
        last, self._last_state = self._last_state, state
        # Typing on (the needle grows, nothing else changed) can only remove rows: scan what is shown, not all.
        narrowing = last is not None and last[1:] == state[1:] and bool(last[0]) and last[0] in state[0]
        self.model.set_filter(self.current_filter(), narrowing=narrowing)

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        if not self._complete:
            self.count_label.setText(f"{self._scope_label}：已显示最新 {shown} 条，正在载入其余问题……")
            return
        overdue, soon = self.model.deadline_counts()
        self.count_label.setText(f"{self._scope_label}：显示 {shown} / {self.model.total_count()} 条，"
                                 f"超期 {overdue}，临期 {soon}")

    def _on_current_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        self.selection_changed.emit(self.model.row_at(current.row()).id if current.isValid() else 0)

    def selected_ids(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.model.row_at(r).id for r in sorted(rows)]
