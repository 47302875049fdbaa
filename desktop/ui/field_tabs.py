"""The field-work tabs (总览, 投资与进度, 走访, 企业名录) hooked into the main window with as few lines there as
possible. Tabs reload lazily: a data change marks them stale and each reloads when it is next shown, so opening
the window does not load 20,000 enterprises nobody looked at.

投资与进度, 走访 and 企业名录 follow the change broadcast themselves (`ui/follow.py`: each re-reads what concerns
it, on the worker); `mark_stale` (刷新, a load) only tells them their data may be old. The 总览 does the same in its own way
(ui/dashboard_panel.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QTabWidget

from desktop.ui.dashboard_panel import DashboardPanel
from desktop.ui.enterprise_panel import EnterprisePanel
from desktop.ui.investment_panel import InvestmentPanel
from desktop.ui.ops import Ops
from desktop.ui.visits_panel import VisitsPanel


class FieldTabs:
    def __init__(self, tabs: QTabWidget, ops: Ops, today: date,
                 on_open: Callable[[str, int], None] | None = None) -> None:
        self.tabs = tabs
        self.dashboard = DashboardPanel(ops, today)
        self.investment = InvestmentPanel(ops, today)
        self.visits = VisitsPanel(ops, today)
        self.enterprises = EnterprisePanel(ops, today)
        for panel, title in ((self.dashboard, "总览"), (self.investment, "投资与进度"), (self.visits, "走访"),
                             (self.enterprises, "企业名录")):
            tabs.addTab(panel, title)
        if on_open is not None:  # a dashboard drill-down row double-clicked
            self.dashboard.open_requested.connect(on_open)

    def mark_stale(self) -> None:
        """Data changed somewhere: reload the visible field tab now, the others when shown."""
        for panel in (self.investment, self.visits, self.enterprises):
            panel.follow.mark()
        self.dashboard.stale = True  # re-read when next shown; now if on screen (one read however many ask)
        if self.dashboard.isVisible():
            self.dashboard.reload()
