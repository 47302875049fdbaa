"""投资与进度 tab: the monthly grid, roll-ups by category / task force / leader / unit, milestones, 开复工."""

from __future__ import annotations

from datetime import date

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

from desktop.errors import UserError
from desktop.services import drilldown, investment, office_settings, stats
from desktop.services.figures import Rate, pct_text, yi_text
from desktop.services.projects import milestones
from desktop.services.scope import Period
from desktop.ui.forms.ui_investment_panel import Ui_InvestmentPanel
from desktop.ui.models.investment_grid import InvestmentGridModel
from desktop.ui.models.rows_table import RowsTableModel
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


class InvestmentPanel(QWidget):
    def __init__(self, workspace: Workspace, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today
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

    def reload(self) -> None:
        with self.workspace.db.read() as session:
            rows = investment.load_grid(session, self.year, self.month, self.today)
            self.thresholds = office_settings.thresholds(session)
            self._order = investment.category_order(session)
            ctx = drilldown.Context(Period.year(self.year), drilldown.Scope(), self.today, self.thresholds)
            starts = stats.start_figures(session, self.year, as_of=min(self.today, date(self.year, 12, 31)))
            start_rows = drilldown.rows_for(session, ctx, drilldown.Key("starts.due"))
        self.grid_model.set_rows(rows, self.month, self.thresholds,
                                 investment.last_reported_month(self.year, self.today))
        self.form.error_label.clear()
        self._refresh_rollup()
        self._reload_milestones()
        self.form.starts_label.setText(
            f"{self.year}年应开复工项目{starts.due}个，已开复工{starts.started}个，开复工率{starts.rate.text}。"
            "未开工项目以红底标出。")
        self.starts_model.set_rows(start_rows.rows, start_rows.ids)

    def _reload_milestones(self) -> None:
        with self.workspace.db.read() as session:
            rows = milestones.load_milestones(session, self.year, self.today,
                                              overdue_only=self.form.overdue_only_check.isChecked())
            overdue = sum(milestones.overdue_counts(session, self.year, self.today).values())
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
        try:
            with self.workspace.db.transaction() as session:
                written = investment.save_month(session, self.year, self.month, entries)
        except UserError as exc:
            self._show_error(str(exc))
            return
        self.reload()
        self.form.error_label.setText("")
        self.form.summary_label.setText(self.form.summary_label.text() + f"；已保存{written}个项目")

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
        try:
            with self.workspace.db.transaction() as session:
                milestones.record_actual(session, milestone_id, actual, self.today)
        except UserError as exc:
            self._show_error(str(exc))
            return
        self._reload_milestones()

