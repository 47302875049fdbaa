"""投资与进度 tab: the monthly grid, roll-ups by category / task force / leader / unit, milestones, 开复工.

Reads and writes are service calls run by `Ops` on its worker. A write announces what it changed and the panel
re-reads from the broadcast like every other part — except the grid while it holds figures not yet saved: those
are never thrown away by somebody else's change (the grid re-reads when next shown, or on 保存/撤销).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QTableView,
    QWidget,
)

from desktop.services import drilldown, investment, office_settings, stats
from desktop.services.figures import LagThresholds, Rate, pct_text, yi_text
from desktop.services.projects import milestones
from desktop.services.scope import Period
from desktop.ui.follow import Follow
from desktop.ui.forms.ui_investment_panel import Ui_InvestmentPanel
from desktop.ui.models.investment_grid import InvestmentGridModel
from desktop.ui.models.rows_table import RowsTableModel
from desktop.ui.ops import Change, Ops
from desktop.workspace import Workspace

GRID_WIDTHS = (78, 260, 110, 110, 110, 110, 120, 96, 90, 90, 60)
OVERDUE_BG = QColor("#fde2e1")


def fixed_rows(table: QTableView, height: int = 26) -> None:
    """Fixed row height and interactive columns: never size rows to contents (engineering-facts §1)."""
    vertical = table.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(height)
    vertical.hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)


class Month(NamedTuple):
    """What the panel shows of one month, read in one go on the worker."""

    year: int
    month: int
    rows: list[investment.GridRow]
    thresholds: LagThresholds
    order: Callable[[str], object]
    starts: stats.StartFigures
    start_rows: drilldown.Drill


Milestones = tuple[list[milestones.MilestoneRow], int]  # the rows shown, and how many are overdue in all


def _wants(change: Change) -> bool:
    """Figures, milestones and projects (a project added to the year's list is a new grid row)."""
    return bool(change.records & {"investment", "milestones"}) or bool(change.projects)


class InvestmentPanel(QWidget):
    def __init__(self, ops: Ops, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = today
        self.thresholds: LagThresholds | None = None
        self._order: Callable[[str], object] | None = None
        self._queued: tuple[int, int] | None = None  # the month whose read waits on the worker
        self._saved_note = ""  # "已保存N个项目", shown once the re-read after 保存 arrives
        self.form = Ui_InvestmentPanel()
        self.form.setupUi(self)
        f = self.form
        self.grid_model = InvestmentGridModel(self)
        f.grid_table.setModel(self.grid_model)
        fixed_rows(f.grid_table)
        f.grid_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                     | QAbstractItemView.EditTrigger.EditKeyPressed
                                     | QAbstractItemView.EditTrigger.AnyKeyPressed)
        for column, width in enumerate(GRID_WIDTHS):
            f.grid_table.setColumnWidth(column, width)
        self.rollup_model = RowsTableModel(("分组", "项目数", "年度计划（亿元）", "完成投资（亿元）", "完成年度计划",
                                            "序时进度", "状态"), self, numeric=(1, 2, 3, 4, 5), light_column=6)
        f.rollup_table.setModel(self.rollup_model)
        fixed_rows(f.rollup_table)
        f.rollup_table.setColumnWidth(0, 220)
        for key, label in investment.GROUPINGS.items():
            f.grouping_combo.addItem(label, key)
        self.milestone_model = RowsTableModel(
            ("编号", "项目名称", "节点", "计划日期", "实际日期", "滞后天数", "状态"), self, numeric=(5,),
            background=lambda r: OVERDUE_BG if r[6] == "超期未完成" else None)
        f.milestone_table.setModel(self.milestone_model)
        fixed_rows(f.milestone_table)
        f.milestone_table.setColumnWidth(1, 280)
        self.starts_model = RowsTableModel(("编号", "项目名称", "阶段", "开复工日期", "年度计划（亿元）",
                                            "完成（亿元）", "序时进度", "状态灯"), self, numeric=(4, 5, 6),
                                           light_column=7,
                                           background=lambda r: OVERDUE_BG if r[3] == "未开工" else None)
        f.starts_table.setModel(self.starts_model)
        fixed_rows(f.starts_table)
        f.starts_table.setColumnWidth(1, 280)
        for month in range(1, 13):
            f.month_combo.addItem(f"{month}月", month)
        year = today.year
        f.year_spin.setValue(year)
        f.month_combo.setCurrentIndex(investment.last_reported_month(year, today) - 1)
        f.save_button.setEnabled(False)
        f.revert_button.setEnabled(False)
        self._connect_signals()
        self.follow = Follow(self, ops, self._on_broadcast, _wants)

    def _connect_signals(self) -> None:
        f = self.form
        f.year_spin.valueChanged.connect(self._on_period_changed)
        f.month_combo.currentIndexChanged.connect(self._on_period_changed)
        f.save_button.clicked.connect(self.save)
        f.revert_button.clicked.connect(self.reload)
        f.grouping_combo.currentIndexChanged.connect(self._refresh_rollup)
        f.overdue_only_check.toggled.connect(self._reload_milestones)
        f.milestone_done_button.clicked.connect(self._record_milestone)
        self.grid_model.edit_refused.connect(self._show_error)
        self.grid_model.pending_changed.connect(self._on_pending)
        self.grid_model.dataChanged.connect(self._on_grid_edited)
        f.grid_table.itemDelegate().closeEditor.connect(self._after_edit)

    @property
    def year(self) -> int:
        return self.form.year_spin.value()

    @property
    def month(self) -> int:
        return int(self.form.month_combo.currentData() or 1)

    # --- loading -------------------------------------------------------------------------------------------
    def _on_period_changed(self) -> None:
        if self.grid_model.pending() and QMessageBox.question(
                self, "未保存的修改", "本月有未保存的修改，切换后将放弃。继续吗？") != QMessageBox.StandardButton.Yes:
            return
        self.reload()

    def _on_broadcast(self) -> None:
        if self.grid_model.pending() and not self._saved_note:  # typed, not saved: keep them, re-read the rest
            self.follow.stale = True
            self._reload_milestones()
            return
        self.reload()

    def reload(self) -> None:
        year, month, today = self.year, self.month, self.today
        if self._queued == (year, month):
            return
        self._queued = (year, month)

        def read(workspace: Workspace) -> Month:
            self._queued = None  # a change from now on needs a read of its own
            with workspace.db.read() as session:
                thresholds = office_settings.thresholds(session)
                ctx = drilldown.Context(Period.year(year), drilldown.Scope(), today, thresholds)
                return Month(year, month, investment.load_grid(session, year, month, today), thresholds,
                             investment.category_order(session),
                             stats.start_figures(session, year, as_of=min(today, date(year, 12, 31))),
                             drilldown.rows_for(session, ctx, drilldown.Key("starts.due")))

        self.ops.run(read, self._show_month)

    def _show_month(self, read: Month) -> None:
        if (read.year, read.month) != (self.year, self.month):
            return  # another month was chosen meanwhile: its own read follows
        self.thresholds, self._order, starts = read.thresholds, read.order, read.starts
        self.grid_model.set_rows(read.rows, self.month, read.thresholds,
                                 investment.last_reported_month(self.year, self.today))
        self.form.error_label.clear()
        self._refresh_rollup()
        self._reload_milestones()
        self.form.starts_label.setText(
            f"{self.year}年应开复工项目{starts.due}个，已开复工{starts.started}个，开复工率{starts.rate.text}。"
            "未开工项目以红底标出。")
        self.starts_model.set_rows(read.start_rows.rows, read.start_rows.ids)
        if self._saved_note:
            self.form.summary_label.setText(self.form.summary_label.text() + self._saved_note)
            self._saved_note = ""

    def _reload_milestones(self) -> None:
        year, today, overdue_only = self.year, self.today, self.form.overdue_only_check.isChecked()

        def read(workspace: Workspace) -> Milestones:
            with workspace.db.read() as session:
                return (milestones.load_milestones(session, year, today, overdue_only=overdue_only),
                        sum(milestones.overdue_counts(session, year, today).values()))

        self.ops.run(read, self._show_milestones)

    def _show_milestones(self, read: Milestones) -> None:
        rows, overdue = read
        self.milestone_model.set_rows(
            [(r.project_code, r.project_name, r.name, r.planned.isoformat() if r.planned else "",
              r.actual.isoformat() if r.actual else "", r.days_late(self.today) or "",
              "超期未完成" if r.is_overdue(self.today) else ("已完成" if r.actual else "未到期")) for r in rows],
            [r.id for r in rows])
        self.form.milestone_summary_label.setText(f"超期未完成节点 {overdue} 个")

    # --- editing -------------------------------------------------------------------------------------------
    def _after_edit(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter moves down a row, as in the office's Excel sheet: 98 figures are typed one under another."""
        if hint != QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            return
        table = self.form.grid_table
        current = table.currentIndex()
        if current.isValid() and current.row() + 1 < self.grid_model.rowCount():
            table.setCurrentIndex(current.siblingAtRow(current.row() + 1))

    def _on_grid_edited(self) -> None:
        self.form.error_label.clear()
        self._refresh_summary()
        self._refresh_rollup()

    def _on_pending(self, count: int) -> None:
        self.form.save_button.setEnabled(count > 0)
        self.form.revert_button.setEnabled(count > 0)
        self._refresh_summary()

    def _refresh_summary(self) -> None:
        rows = self.grid_model.rows()
        late = sum(r.late for r in rows)
        ytd = sum(r.year_to_date for r in rows)
        plan = sum(r.annual_plan for r in rows)
        pending = len(self.grid_model.pending())
        text = (f"{len(rows)}个项目，1-{self.month}月累计完成{yi_text(ytd)}亿元，年度计划{yi_text(plan)}亿元，"
                f"完成{Rate(ytd, plan).text}；迟报{late}个")
        self.form.summary_label.setText(text + (f"；{pending}个项目待保存" if pending else ""))

    def _refresh_rollup(self) -> None:
        grouping = self.form.grouping_combo.currentData() or "category"
        order = self._order if grouping == "category" else None
        lines = investment.rollup(self.grid_model.rows(), self.month, grouping, self.grid_model.thresholds, order)
        self.rollup_model.set_rows([
            (ln.label, ln.projects, f"{ln.annual_plan / 1e8:.2f}", f"{ln.completed / 1e8:.2f}", ln.plan_rate.text,
             pct_text(ln.schedule_pct), ln.light.label) for ln in lines])

    def _show_error(self, message: str) -> None:
        self.form.error_label.setText(message)

    def save(self) -> None:
        entries = self.grid_model.pending()
        if not entries:
            return
        year, month = self.year, self.month

        def write(workspace: Workspace) -> int:
            with workspace.db.transaction() as session:
                return investment.save_month(session, year, month, entries)

        def done(written: int) -> None:
            self._saved_note = f"；已保存{written}个项目"  # the grid's edits are in the file: re-read it
            self.ops.notify(Change.of_records("investment"))

        self.ops.run(write, done, self._show_error)

    def _record_milestone(self) -> None:
        index: QModelIndex = self.form.milestone_table.currentIndex()
        if not index.isValid():
            self._show_error("请先在表中选择一个节点")
            return
        milestone_id = self.milestone_model.id_at(index.row())
        text, ok = QInputDialog.getText(self, "登记实际完成", "实际完成日期（例如 2026-11-20）：",
                                        text=self.today.isoformat())
        if not ok:
            return
        try:
            actual = date.fromisoformat(text.strip()) if text.strip() else None
        except ValueError:
            self._show_error(f"「实际完成日期」：“{text}”不是有效日期，请按 2026-11-20 的格式输入")
            return
        today = self.today

        def write(workspace: Workspace) -> None:
            with workspace.db.transaction() as session:
                milestones.record_actual(session, milestone_id, actual, today)

        self.ops.run(write, lambda _none: self.ops.notify(Change.of_records("milestones")), self._show_error)

