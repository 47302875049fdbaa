"""The central issue table with its filter bar, colour legend and column chooser.

Filtering runs over the loaded tuples in Python and the text box is debounced, so the table stays instant at tens of
thousands of rows (engineering-facts §1.2). Column visibility, order and widths live in the header state, which the
main window saves in QSettings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QMenu, QWidget

from desktop.db.enums import IssueLevel, IssueStatus
from desktop.services.issues.row import (
    DONE_CODES,
    AllOf,
    IssueRow,
    NeedleFilter,
    is_due_soon,
    is_overdue,
    search_needle,
)
from desktop.ui.dates import to_date, to_qdate
from desktop.ui.forms.ui_issue_panel import Ui_IssuePanel
from desktop.ui.models.issue_table import COLUMNS, IssueTableModel

DEFAULT_WIDTHS = {"seq": 48, "project": 170, "category": 72, "description": 280, "unit": 140, "person": 70,
                  "deadline": 96, "level": 84, "status": 78, "progress": 240, "found_on": 92}
# The order the table opens with: 状态 right after 问题描述, so it is on screen without scrolling on a 1366-pixel
# screen with both docks open (the model's column numbers stay as they are).
DEFAULT_ORDER = ("seq", "project", "category", "description", "status", "unit", "person", "deadline", "level",
                 "progress", "found_on")
LEGEND = ('<span style="background:#fde2e1">&nbsp;超期&nbsp;</span> '
          '<span style="background:#fff4d6">&nbsp;{days}日内到期&nbsp;</span> '
          '<span style="color:#8a8a8a">已办结/已销号</span>')
ALL = ""
AWAITING = "awaiting"  # status filter: a unit reported 已办结, the office has not confirmed it
REQUESTED = "requested"  # status filter: any unit request not yet decided


class IssuePanel(QWidget):
    selection_changed = Signal(int)  # issue id, or 0 when nothing is selected
    context_menu_requested = Signal(QPoint)  # global position

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.form = Ui_IssuePanel()
        self.form.setupUi(self)
        self.table = self.form.issue_table_view
        self.search_edit = self.form.search_edit
        self.status_combo = self.form.status_combo
        self.model = IssueTableModel(self, today=self.today)
        self._scope: Callable[[IssueRow], bool] | None = None
        self._scope_label = "全部项目"
        self._leaders_of: dict[int, list[str]] = {}
        self._requested: frozenset[int] = frozenset()  # issues with a pending unit request (reminders' read)
        self._complete = True  # False while a start-up shows only the newest rows
        self._last_state: tuple | None = None  # the filters behind what is shown (see apply_filter)

        f = self.form
        f.status_combo.addItem("全部状态", ALL)
        f.status_combo.addItem("未办结", "open")
        for status in IssueStatus:
            f.status_combo.addItem(status.label, status.value)
        # beside the life cycle: a unit's 已办结 not yet confirmed, and any request of a unit not yet decided
        f.status_combo.addItem("待确认办结", AWAITING)
        f.status_combo.addItem("有待处理的单位申请", REQUESTED)
        f.level_combo.addItem("全部层级", ALL)
        for level in IssueLevel:
            f.level_combo.addItem(level.label, level.value)
        f.unit_combo.addItem("全部责任单位", ALL)
        f.leader_combo.addItem("全部包保领导", ALL)
        for label, key in (("全部时限", ALL), ("已超期", "overdue"), ("临期", "soon"), ("超期或临期", "both")):
            f.due_combo.addItem(label, key)
        for edit in (f.found_from_edit, f.found_to_edit):  # a filter: old dates are normal, not questioned
            edit.set_today(self.today)
            edit.set_far_past_days(None)
        f.found_from_edit.setDate(to_qdate(date(self.today.year, 1, 1)))
        f.found_to_edit.setDate(to_qdate(self.today))
        self._update_legend()

        self.table.setModel(self.model)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(26)
        vertical.hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._default_layout()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._connect_signals()

    def _connect_signals(self) -> None:
        f = self.form
        self._debounce.timeout.connect(self.apply_filter)
        f.search_edit.textChanged.connect(self._debounce.start)
        for combo in (f.status_combo, f.level_combo, f.unit_combo, f.leader_combo, f.due_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        f.due_days_spin.valueChanged.connect(self._on_due_days)
        f.date_range_check.toggled.connect(self._on_date_range_toggled)
        f.found_from_edit.dateChanged.connect(self.apply_filter)
        f.found_to_edit.dateChanged.connect(self.apply_filter)
        f.clear_filters_button.clicked.connect(self.clear_filters)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.customContextMenuRequested.connect(
            lambda pos: self.context_menu_requested.emit(self.table.viewport().mapToGlobal(pos)))
        self.table.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        self.model.modelReset.connect(self._update_count)

    # --- data in -------------------------------------------------------------------------------------------
    def set_rows(self, rows: list[IssueRow], *, complete: bool = True) -> None:
        """`complete=False`: only the newest rows of a start-up; the count says the rest is on its way."""
        current = self.current_id()
        self._complete = complete
        self._last_state = None
        self.model.set_rows(rows)
        self._refresh_unit_choices()
        self.apply_filter()
        if current:
            self.select_issue(current, reveal=False)

    def update_rows(self, fresh: list[IssueRow], removed: list[int]) -> None:
        """Swap in re-read rows after an edit, keeping the current selection."""
        current = self.current_id()
        self.model.replace_rows(fresh, removed)
        self._refresh_unit_choices()
        self._update_count()
        if current:
            self.select_issue(current, reveal=False)

    def set_requests(self, awaiting: frozenset[int], requested: frozenset[int]) -> None:
        """The issues awaiting confirmation of a unit's 已办结 (shown as 办理中（待确认办结）) and those with any
        pending request; read on the worker with the reminders."""
        if awaiting == self.model.awaiting and requested == self._requested:
            return
        self.model.set_awaiting(awaiting)
        self._requested = requested
        if self.form.status_combo.currentData() in (AWAITING, REQUESTED):
            self._last_state = None
            self.apply_filter()

    def set_project_leaders(self, leaders_of: dict[int, list[str]]) -> None:
        """Which leaders look after which project, for the 包保领导 filter."""
        self._leaders_of = leaders_of
        names = sorted({n for names in leaders_of.values() for n in names})
        self._refill(self.form.leader_combo, "全部包保领导", names)

    def set_due_soon_days(self, days: int) -> None:
        self.form.due_days_spin.setValue(days)
        self.model.due_soon_days = days
        self._update_legend()

    def _refresh_unit_choices(self) -> None:
        units = self.model.units()  # counted once per load; an edit moves only its own rows
        combo = self.form.unit_combo
        if [combo.itemData(i) for i in range(1, combo.count())] != units:
            self._refill(combo, "全部责任单位", units)

    @staticmethod
    def _refill(combo, all_label: str, names: list[str]) -> None:  # type: ignore[no-untyped-def]
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label, ALL)
        for name in names:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    # --- filtering -------------------------------------------------------------------------------------------
    def set_scope(self, predicate: Callable[[IssueRow], bool] | None, label: str) -> None:
        """Restrict the table to a project or a group chosen in the tree."""
        self._scope = predicate
        self._scope_label = label
        current = self.current_id()
        self.apply_filter()
        if current:
            self.select_issue(current, reveal=False)

    def _filter_state(self) -> tuple:
        f = self.form
        dated = f.date_range_check.isChecked()
        return (search_needle(f.search_edit.text()), f.status_combo.currentData(), f.level_combo.currentData(),
                f.unit_combo.currentData(), f.leader_combo.currentData(), f.due_combo.currentData(),
                f.due_days_spin.value(), to_date(f.found_from_edit.date()) if dated else None,
                to_date(f.found_to_edit.date()) if dated else None, self._scope)

    def current_filter(self) -> Callable[[IssueRow], bool] | None:
        """One check per filter actually set, so a keystroke costs one `in` per row (100k rows); None: no filter."""
        needle, status, level, unit, leader, due, days, first, last, scope = self._filter_state()
        today = self.today
        checks: list[Callable[[IssueRow], bool]] = []
        if scope is not None:
            checks.append(scope)
        if status == "open":
            checks.append(lambda r: r.status not in DONE_CODES)
        elif status in (AWAITING, REQUESTED):
            ids = self.model.awaiting if status == AWAITING else self._requested
            checks.append(lambda r: r.id in ids)
        elif status:
            checks.append(lambda r: r.status == status)
        if level:
            checks.append(lambda r: r.level == level)
        if unit:
            checks.append(lambda r: r.unit == unit)
        if leader:
            led = {pid for pid, names in self._leaders_of.items() if leader in names}
            checks.append(lambda r: r.project_id in led)
        if due:
            def due_check(r: IssueRow) -> bool:
                late = is_overdue(r.status, r.deadline, today)
                soon = is_due_soon(r.status, r.deadline, today, days)
                return late if due == "overdue" else soon if due == "soon" else late or soon

            checks.append(due_check)
        if first is not None:
            end = last or today + timedelta(days=36500)
            checks.append(lambda r: r.found_on is not None and first <= r.found_on <= end)  # no found date: not in it
        if needle:
            checks.append(NeedleFilter(needle))  # the row's precomputed haystack (text + pinyin initials)
        if not checks:
            return None
        return checks[0] if len(checks) == 1 else AllOf(checks)

    def apply_filter(self) -> None:
        state = self._filter_state()
        last, self._last_state = self._last_state, state
        # Typing on (the needle grows, nothing else changed) can only remove rows: scan what is shown, not all.
        narrowing = last is not None and last[1:] == state[1:] and bool(last[0]) and last[0] in state[0]
        self.model.set_filter(self.current_filter(), narrowing=narrowing)

    def clear_filters(self) -> None:
        f = self.form
        for widget in (f.search_edit, f.status_combo, f.level_combo, f.unit_combo, f.leader_combo, f.due_combo,
                       f.date_range_check):
            widget.blockSignals(True)
        f.search_edit.clear()
        for combo in (f.status_combo, f.level_combo, f.unit_combo, f.leader_combo, f.due_combo):
            combo.setCurrentIndex(0)
        f.date_range_check.setChecked(False)
        f.found_from_edit.setEnabled(False)
        f.found_to_edit.setEnabled(False)
        for widget in (f.search_edit, f.status_combo, f.level_combo, f.unit_combo, f.leader_combo, f.due_combo,
                       f.date_range_check):
            widget.blockSignals(False)
        self.apply_filter()

    def _on_due_days(self, days: int) -> None:
        self.model.due_soon_days = days
        self._update_legend()
        self.apply_filter()

    def _on_date_range_toggled(self, on: bool) -> None:
        self.form.found_from_edit.setEnabled(on)
        self.form.found_to_edit.setEnabled(on)
        self.apply_filter()

    def _update_legend(self) -> None:
        self.form.legend_label.setText(LEGEND.format(days=self.form.due_days_spin.value()))

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        if not self._complete:
            self.form.count_label.setText(f"{self._scope_label}：已显示最新 {shown} 条，正在载入其余问题……")
            return
        overdue, soon = self.model.deadline_counts()  # id sets built once per load, not a pass per keystroke
        self.form.count_label.setText(f"{self._scope_label}：显示 {shown} / {self.model.total_count()} 条，"
                                      f"超期 {overdue}，临期 {soon}")

    # --- columns ---------------------------------------------------------------------------------------------
    def _header_menu(self, pos: QPoint) -> None:
        self.column_menu().exec(self.table.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        """Show/hide columns; the last visible column cannot be hidden."""
        header = self.table.horizontalHeader()
        menu = QMenu("显示的列", self)
        visible = sum(1 for c in range(len(COLUMNS)) if not header.isSectionHidden(c))
        for column, (_key, label) in enumerate(COLUMNS):
            action = menu.addAction(label)
            action.setCheckable(True)
            shown = not header.isSectionHidden(column)
            action.setChecked(shown)
            action.setEnabled(not (shown and visible == 1))
            action.toggled.connect(lambda on, c=column: self.set_column_visible(c, on))
        menu.addSeparator()
        menu.addAction("恢复默认列宽和顺序", self.reset_columns)
        return menu

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not visible)

    def reset_columns(self) -> None:
        for column in range(len(COLUMNS)):
            self.table.horizontalHeader().setSectionHidden(column, False)
        self._default_layout()

    def _default_layout(self) -> None:
        header = self.table.horizontalHeader()
        logical = {key: column for column, (key, _label) in enumerate(COLUMNS)}
        for visual, key in enumerate(DEFAULT_ORDER):
            header.moveSection(header.visualIndex(logical[key]), visual)
            self.table.setColumnWidth(logical[key], DEFAULT_WIDTHS[key])

    # --- selection -------------------------------------------------------------------------------------------
    def _on_current_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        self.selection_changed.emit(self.model.row_at(current.row()).id if current.isValid() else 0)

    def current_id(self) -> int:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()).id if index.isValid() else 0

    def current_row(self) -> IssueRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.model.row_at(r).id for r in sorted(rows)]

    def select_issue(self, issue_id: int, *, reveal: bool = True) -> bool:
        """Make the issue current; with `reveal`, clear filters that hide it. False when it is not there."""
        row = self.model.position_of(issue_id)
        if row is None and reveal and self.model.contains(issue_id):
            self.clear_filters()
            row = self.model.position_of(issue_id)
        if row is None:
            self.selection_changed.emit(0)
            return False
        index = self.model.index(row, 1)
        self.table.setCurrentIndex(index)  # emits selection_changed through currentRowChanged when it moves
        self.table.selectRow(row)
        self.table.scrollTo(index)
        return True
