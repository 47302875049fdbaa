"""总览 tab: the figures a leader reads at a glance, every one clickable down to its rows, and the 包保卡.

The panel only lays out what `services.dashboard` computes; a click asks `services.drilldown` for the rows behind
the number (same conditions as the count) and shows them in a dialog. Every read runs on the window's worker
(`Ops.run`): at city size the figures take a second or more, which on the GUI thread froze the window. The panel
listens to the change broadcast itself: after an edit it re-reads at once when on screen, otherwise when next
shown, so its figures are never older than the last write and nobody has to press 刷新.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import QDate, QModelIndex, QTimer, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

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
from desktop.ui.ops import Change, Ops
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


@dataclass(frozen=True)
class Figures:
    """One read of the panel, made on the worker: the leader lists and the figures for the period and scope."""

    leaders: list[tuple[int, str]]
    context: Context
    board: dashboard.Dashboard


def read_figures(workspace: Workspace, period: Period, leader_id: int | None, today: date) -> Figures:
    """The leaders (they change with 动态调整) and the figures; a scope leader who is gone falls back to 全区, as
    the combo does, so the figures always match the scope shown."""
    with workspace.db.read() as session:
        leaders = directory.leaders(session)
        if leader_id is not None and all(lid != leader_id for lid, _name in leaders):
            leader_id = None
        scope = Scope(ScopeKind.LEADER, leader_id) if leader_id else Scope()
        ctx = Context(period, scope, today, office_settings.thresholds(session),
                      int(office_settings.get(session, "due_soon_days")))
        return Figures(leaders, ctx, dashboard.build(session, ctx))


class DashboardPanel(QWidget):
    open_requested = Signal(str, int)  # a drill-down row double-clicked: (entity, id) to open
    supervise_requested = Signal(list)  # a unit's overdue issues (ids) to 督办, from its drill-down
    loaded = Signal()  # the figures of a read are on screen
    drill_shown = Signal(object)  # the DrilldownDialog of a click, once its rows are read
    card_read = Signal(object)  # the LeaderCard a 包保卡 button read (then previewed or exported)

    def __init__(self, ops: Ops, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = today
        self.stale = True  # nothing read yet; set again by every change, cleared when a read starts
        self._queued = False  # a read is asked for this event-loop turn (requests in one turn make one read)
        self._reading = False  # a read is on the worker
        self._again = False  # asked again while reading: read once more when it answers
        self.card: leader_card.LeaderCard | None = None  # the last card read (tests read it)
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
        self.feedback_chart = BarChart(self, max_rows=10)
        for layout, chart in ((f.status_layout, self.status_chart), (f.level_layout, self.level_chart),
                              (f.overdue_layout, self.overdue_chart), (f.decisions_layout, self.decisions_chart),
                              (f.visits_layout, self.visits_chart), (f.feedback_layout, self.feedback_chart)):
            layout.addWidget(chart)
            layout.addStretch(1)
        f.middle_layout.setStretch(0, 7)
        f.middle_layout.setStretch(1, 3)
        f.middle_layout.setStretch(2, 3)
        self._update_custom_enabled()
        self._connect_signals()
        ops.changed.connect(self._on_changed)

    def _connect_signals(self) -> None:
        f = self.form
        f.period_combo.currentIndexChanged.connect(self._on_period_kind)
        f.start_date_edit.dateChanged.connect(self._on_custom_dates)
        f.end_date_edit.dateChanged.connect(self._on_custom_dates)
        f.scope_combo.currentIndexChanged.connect(self.refresh)
        f.refresh_button.clicked.connect(self.refresh)
        f.investment_table.clicked.connect(self._on_investment_clicked)
        for chart in (self.status_chart, self.level_chart, self.overdue_chart, self.decisions_chart,
                      self.visits_chart, self.feedback_chart):
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

    # --- loading (on the worker) -------------------------------------------------------------------------
    def _on_changed(self, _change: Change) -> None:
        """Any write may move a figure: re-read now when on screen, else when next shown."""
        self.stale = True
        if self.isVisible():
            self._ask()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self._ask()

    def reload(self) -> None:
        """Refill the leader lists (they change with 动态调整), then the figures."""
        self.stale = True
        self._ask()

    def refresh(self) -> None:
        """The period or scope changed, or 刷新 was pressed: read the figures again."""
        self._ask()

    def _ask(self) -> None:
        # A change broadcast, the tab becoming visible and FieldTabs' own reload all arrive in one turn: one read.
        if not self._queued:
            self._queued = True
            QTimer.singleShot(0, self, self._start_read)

    def _start_read(self) -> None:
        self._queued = False
        if self._reading:
            self._again = True
            return
        self._reading, self.stale = True, False
        args = (self.period(), self.form.scope_combo.currentData(), self.today)
        self.ops.run(lambda ws: read_figures(ws, *args), self._show, self._read_failed, on_broken=self._read_ended)

    def _read_ended(self) -> bool:
        """The read answered; True when the panel is still there to show it."""
        self._reading = False
        if not shiboken6.isValid(self):
            return False
        if self._again:
            self._again = False
            self._ask()
        return True

    def _read_failed(self, message: str) -> None:
        if self._read_ended():
            self.stale = True  # read again when next shown
            self.form.heading_label.setText(f"未能读取总览数据：{message}")

    def _show(self, figures: Figures) -> None:
        if not self._read_ended():
            return
        for combo, first in ((self.form.scope_combo, "全区"), (self.form.card_leader_combo, None)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if first:
                combo.addItem(first, None)
            for lid, name in figures.leaders:
                combo.addItem(name, lid)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)
        ctx, board = figures.context, figures.board
        self.context, self.board = ctx, board
        scope_text = self.form.scope_combo.currentText() or "全区"
        self.form.heading_label.setText(
            f"{scope_text} · {board.period_label}（投资数据截至{board.month}月）{board.undated_text} · 点击任一数字查看明细")
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
        self.feedback_chart.set_bars([Bar(unit, items, key, part=updated, text=f"{updated}/{items}")
                                      for unit, items, updated, key in board.feedback_by_unit])
        self.feedback_chart.empty_text = "统计期内没有到期的反馈轮次（反馈表发给责任单位，按领导范围不统计）"
        self.loaded.emit()

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

    # --- drill-down and the card (read on the worker, shown on the GUI thread) ---------------------------------
    def open_drill(self, key: Key) -> None:
        """The rows behind a figure, in a dialog once read (`drill_shown`); counted under the same context."""
        ctx = self.context
        if ctx is None:
            return

        def work(workspace: Workspace):  # type: ignore[no-untyped-def]
            with workspace.db.read() as session:
                return rows_for(session, ctx, key)

        self.ops.run(work, lambda drill: self._show_drill(drill, key), self._say)

    def _show_drill(self, drill, key: Key | None = None) -> None:  # type: ignore[no-untyped-def]
        if not shiboken6.isValid(self):
            return
        dialog = DrilldownDialog(drill, self)
        dialog.open_requested.connect(self.open_requested)
        if key is not None and key.kind == "issues.overdue_unit" and drill.ids:  # a unit's row: 督办 is one click
            button = dialog.form.button_box.addButton("向该单位签发督办文书…",
                                                      QDialogButtonBox.ButtonRole.ActionRole)
            button.setObjectName("supervise_button")
            ids = list(drill.ids)
            button.clicked.connect(lambda: (dialog.accept(), self.supervise_requested.emit(ids)))
        dialog.resize(1000, 560)
        dialog.show()
        self.last_drill = dialog
        self.drill_shown.emit(dialog)

    def read_card(self, then: Callable[[leader_card.LeaderCard], None]) -> None:
        """Read the chosen leader's 包保卡 on the worker, then hand it to `then` (preview or export)."""
        leader_id = self.form.card_leader_combo.currentData()
        if leader_id is None:
            return
        year, today = self.today.year, self.today

        def work(workspace: Workspace) -> leader_card.LeaderCard:
            with workspace.db.read() as session:
                return leader_card.build_card(session, leader_id, year, today, office_settings.thresholds(session))

        def done(card: leader_card.LeaderCard) -> None:
            if shiboken6.isValid(self):
                self.card = card
                self.card_read.emit(card)
                then(card)

        self.ops.run(work, done, self._say)

    def preview_card(self) -> None:
        self.read_card(lambda card: preview(card, self).exec())

    def export_card(self) -> None:
        self.read_card(self._export_card)

    def _export_card(self, card: leader_card.LeaderCard) -> None:
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

    def _say(self, message: str) -> None:
        """A refused read (e.g. the leader was removed meanwhile): said in the heading, nothing opened."""
        if shiboken6.isValid(self):
            self.form.heading_label.setText(message)


def _colour(name: str | None) -> QColor | None:
    return QColor(name) if name else None
