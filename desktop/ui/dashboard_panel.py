"""总览 tab: the figures a leader reads at a glance, every one clickable down to its rows, and the 包保卡.

The panel only lays out what `services.dashboard` computes; a click asks `services.drilldown` for the rows behind
the number (same conditions as the count) and shows them in a dialog.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.db.enums import IssueLevel, IssueStatus
from desktop.services import dashboard, directory, office_settings
from desktop.services.drilldown import Context, Key, rows_for
from desktop.services.figures import Light, pct_text, yi_text
from desktop.services.projects import leader_card
from desktop.services.scope import Period, Scope, ScopeKind
from desktop.ui.dialogs.drilldown_dialog import DrilldownDialog
from desktop.ui.forms.ui_dashboard_panel import Ui_DashboardPanel
from desktop.ui.investment_panel import fixed_rows
from desktop.ui.leader_card_view import preview, save_pdf
from desktop.ui.models.rows_table import LIGHT_COLOURS, RowsTableModel
from desktop.ui.printing import ask_pdf_path
from desktop.ui.widgets.bar_chart import Bar, BarChart
from desktop.workspace import Workspace

FIGURE_STYLE = ("QPushButton {{ text-align: center; padding: 6px 10px; border: 1px solid #d8dde6; border-radius: 6px;"
                " background: {bg}; }} QPushButton:hover {{ border-color: #2f6fc5; }}")
ALERT_KINDS = {"issues.overdue", "milestones.overdue", "investment.late"}
STATUS_COLOURS = {"待交办": "#c9c9c9", "办理中": "#7aa7e0", "阶段性推进": "#e0b450", "已办结": "#77c08a",
                  "已销号": "#3d9a57"}


def _month_period(year: int, month: int) -> Period:
    return Period.months(year, month, month)


class DashboardPanel(QWidget):
    open_requested = Signal(str, int)  # a drill-down row double-clicked: (entity, id) to open

    def __init__(self, workspace: Workspace, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today
        self.form = Ui_DashboardPanel()
        self.form.setupUi(self)
        f = self.form
        self.board: dashboard.Dashboard | None = None
        self.context: Context | None = None
        self.last_drill: DrilldownDialog | None = None
        self.ask_pdf_path = lambda title, suggested: ask_pdf_path(self, title, suggested)  # tests answer it
        self.last_pdf: Path | None = None
        self.figure_buttons: dict[Key, QPushButton] = {}  # the headline button of each figure, for tests
        self._buttons: list[QPushButton] = []
        for label, key in (("本年", "year"), ("本月", "month"), ("上月", "last_month"), ("自定义", "custom")):
            f.period_combo.addItem(label, key)
        today_q = QDate(today.year, today.month, today.day)
        for edit in (f.start_date_edit, f.end_date_edit):  # a period: old dates are not questioned
            edit.set_today(today)
            edit.set_far_past_days(None)
        f.start_date_edit.setDate(QDate(today.year, 1, 1))
        f.end_date_edit.setDate(today_q)
        self.investment_model = RowsTableModel(("类别", "项目数", "完成投资（亿元）", "序时进度", "状态",
                                                "年度计划（亿元）", "完成年度计划"), self,
                                               numeric=(1, 2, 3, 5, 6), light_column=4)
        f.investment_table.setModel(self.investment_model)
        fixed_rows(f.investment_table, 28)
        for column, width in enumerate((130, 56, 110, 80, 90, 110, 90)):
            f.investment_table.setColumnWidth(column, width)
        f.investment_table.setMinimumHeight(6 * 28 + 30)
        f.investment_table.setToolTip("点击一行查看该类别的项目")
        self.status_chart = BarChart(self)
        self.level_chart = BarChart(self)
        self.overdue_chart = BarChart(self, max_rows=10)
        self.decisions_chart = BarChart(self)
        self.visits_chart = BarChart(self, max_rows=12)
        for layout, chart in ((f.status_layout, self.status_chart), (f.level_layout, self.level_chart),
                              (f.overdue_layout, self.overdue_chart), (f.decisions_layout, self.decisions_chart),
                              (f.visits_layout, self.visits_chart)):
            layout.addWidget(chart)
            layout.addStretch(1)
        f.middle_layout.setStretch(0, 7)
        f.middle_layout.setStretch(1, 3)
        f.middle_layout.setStretch(2, 3)
        self._update_custom_enabled()
        self._connect_signals()

    def _connect_signals(self) -> None:
        f = self.form
        f.period_combo.currentIndexChanged.connect(self._on_period_kind)
        f.start_date_edit.dateChanged.connect(self._on_custom_dates)
        f.end_date_edit.dateChanged.connect(self._on_custom_dates)
        f.scope_combo.currentIndexChanged.connect(self.refresh)
        f.refresh_button.clicked.connect(self.refresh)
        f.investment_table.clicked.connect(self._on_investment_clicked)
        for chart in (self.status_chart, self.level_chart, self.overdue_chart, self.decisions_chart,
                      self.visits_chart):
            chart.bar_clicked.connect(self.open_drill)
        f.card_preview_button.clicked.connect(self.preview_card)
        f.card_pdf_button.clicked.connect(self.export_card)

    # --- period and scope ----------------------------------------------------------------------------------
    def period(self) -> Period:
        kind = self.form.period_combo.currentData()
        t = self.today
        if kind == "month":
            return _month_period(t.year, t.month)
        if kind == "last_month":
            last = date(t.year, t.month, 1) - timedelta(days=1)
            return _month_period(last.year, last.month)
        if kind == "custom":
            start = self.form.start_date_edit.date().toPython()
            end = self.form.end_date_edit.date().toPython()
            return Period(start, max(start, end))
        return Period.year(t.year)

    def scope(self) -> Scope:
        leader_id = self.form.scope_combo.currentData()
        return Scope(ScopeKind.LEADER, leader_id) if leader_id else Scope()

    def _update_custom_enabled(self) -> None:
        custom = self.form.period_combo.currentData() == "custom"
        self.form.start_date_edit.setEnabled(custom)
        self.form.end_date_edit.setEnabled(custom)

    def _on_period_kind(self) -> None:
        self._update_custom_enabled()
        self.refresh()

    def _on_custom_dates(self) -> None:
        if self.form.period_combo.currentData() == "custom":
            self.refresh()

    # --- loading -------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Refill the leader lists (they change with 动态调整), then the figures."""
        with self.workspace.db.read() as session:
            leaders = directory.leaders(session)
        for combo, first in ((self.form.scope_combo, "全区"), (self.form.card_leader_combo, None)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if first:
                combo.addItem(first, None)
            for lid, name in leaders:
                combo.addItem(name, lid)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        with self.workspace.db.read() as session:
            ctx = Context(self.period(), self.scope(), self.today, office_settings.thresholds(session),
                          int(office_settings.get(session, "due_soon_days")))
            board = dashboard.build(session, ctx)
        self.context, self.board = ctx, board
        scope_text = self.form.scope_combo.currentText() or "全区"
        self.form.heading_label.setText(
            f"{scope_text} · {board.period_label}（投资数据截至{board.month}月） · 点击任一数字查看明细")
        self._fill_figures(board)
        self._fill_investment(board)
        status_order = [s.label for s in IssueStatus]
        level_order = [lv.label for lv in IssueLevel]
        self.status_chart.set_bars([Bar(f.label, f.value, f.key, colour=_colour(STATUS_COLOURS.get(f.label)))
                                    for f in sorted(board.issues_by_status, key=lambda f: status_order.index(f.label))])
        self.level_chart.set_bars([Bar(f.label, f.value, f.key)
                                   for f in sorted(board.issues_by_level, key=lambda f: level_order.index(f.label))])
        self.overdue_chart.set_bars([Bar(f.label, f.value, f.key, colour=_colour("#e58a84"))
                                     for f in board.overdue_by_unit])
        self.decisions_chart.set_bars([Bar(label, decided, key, part=done, text=f"{done}/{decided}")
                                       for label, decided, done, key in board.decisions_per_meeting])
        self.visits_chart.set_bars([Bar(f.label, f.value, f.key) for f in board.visits_per_leader])
        self.visits_chart.empty_text = "按领导统计仅在“全区”范围显示"

    def _fill_figures(self, board: dashboard.Dashboard) -> None:
        grid = self.form.headline_layout
        for button in self._buttons:
            button.deleteLater()
        self._buttons.clear()
        self.figure_buttons.clear()
        figures = [*board.headline]
        if board.overdue_milestones is not None:
            figures.append(board.overdue_milestones)
        per_row = 6
        for i, figure in enumerate(figures):
            alert = figure.key.kind in ALERT_KINDS and figure.value > 0
            colour = "#b3261e" if alert else "#1f3b66"
            button = self._button(f"<big>{figure.value}</big>{figure.note}", figure.label, figure.key, colour,
                                  "#fff5f4" if alert else "#f7f9fc")
            grid.addWidget(button, i // per_row, i % per_row)
        rates = self.form.rates_layout
        for label, rate, key in board.rates:
            button = self._button(rate.text, f"{label}（{rate.numerator}/{rate.denominator}）", key, "#1f3b66",
                                  "#f7f9fc")
            rates.addWidget(button)
        for figure in board.lights:
            light = next(lt for lt in Light if lt.label == figure.label)
            button = self._button(f"● {figure.value}", f"{figure.label}项目", figure.key,
                                  LIGHT_COLOURS[light].name(), "#ffffff")
            rates.addWidget(button)

    def _button(self, big: str, small: str, key: Key, colour: str, bg: str) -> QPushButton:
        text = f"{big.replace('<big>', '').replace('</big>', '')}\n{small}"
        button = QPushButton(text, self)
        button.setObjectName(f"figure_{key.kind.replace('.', '_')}_button")
        button.setStyleSheet(FIGURE_STYLE.format(bg=bg) + f" QPushButton {{ color: {colour}; font-size: 15px; }}")
        button.setMinimumHeight(56)
        button.setToolTip("点击查看明细")
        button.clicked.connect(lambda _checked=False, k=key: self.open_drill(k))
        self.figure_buttons.setdefault(key, button)
        self._buttons.append(button)
        return button

    def _fill_investment(self, board: dashboard.Dashboard) -> None:
        self._investment_keys = [key for _line, key in board.investment]
        self.investment_model.set_rows([
            (line.label, line.projects, yi_text(line.completed), pct_text(line.schedule_pct), line.light.label,
             yi_text(line.annual_plan), line.plan_rate.text) for line, _key in board.investment],
            self._investment_keys)

    def _on_investment_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_drill(self.investment_model.id_at(index.row()))

    # --- drill-down and the card ---------------------------------------------------------------------------
    def open_drill(self, key: Key) -> DrilldownDialog:
        assert self.context is not None
        with self.workspace.db.read() as session:
            drill = rows_for(session, self.context, key)
        dialog = DrilldownDialog(drill, self)
        dialog.open_requested.connect(self.open_requested)
        dialog.resize(1000, 560)
        dialog.show()
        self.last_drill = dialog
        return dialog

    def current_card(self) -> leader_card.LeaderCard | None:
        leader_id = self.form.card_leader_combo.currentData()
        if leader_id is None:
            return None
        with self.workspace.db.read() as session:
            return leader_card.build_card(session, leader_id, self.today.year, self.today,
                                          office_settings.thresholds(session))

    def preview_card(self) -> None:
        card = self.current_card()
        if card is not None:
            preview(card, self).exec()

    def export_card(self) -> None:
        card = self.current_card()
        if card is None:
            return
        path = self.ask_pdf_path("导出包保卡", str(Path.home() / f"包保卡-{card.leader}.pdf"))
        if path is None:
            return
        try:
            pages = save_pdf(card, path)
        except OSError as exc:
            self.form.heading_label.setText(f"未能导出 {path}：{exc.strerror or exc}")
            return
        self.last_pdf = path
        self.form.heading_label.setText(f"已导出 {path}（{pages}页）")


def _colour(name: str | None) -> QColor | None:
    return QColor(name) if name else None
