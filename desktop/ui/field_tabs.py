"""The field-work tabs (总览, 投资与进度, 走访, 企业名录) hooked into the main window with as few lines there as
possible. Tabs reload lazily: a data change marks them stale and each reloads when it is next shown, so opening
the window does not load 20,000 enterprises nobody looked at."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.ui.dashboard_panel import DashboardPanel
from desktop.ui.enterprise_panel import EnterprisePanel
from desktop.ui.investment_panel import InvestmentPanel
from desktop.ui.visits_panel import VisitsPanel
from desktop.workspace import Workspace


class FieldTabs:
    def __init__(self, tabs: QTabWidget, workspace: Workspace, today: date,
                 on_issues_changed: Callable[[], None] | None = None,
                 on_open: Callable[[str, int], None] | None = None) -> None:
        self.tabs = tabs
        self.dashboard = DashboardPanel(workspace, today)
        self.investment = InvestmentPanel(workspace, today)
        self.visits = VisitsPanel(workspace, today)
        self.enterprises = EnterprisePanel(workspace, today)
        self._panels: list[tuple[QWidget, str]] = [
            (self.dashboard, "总览"), (self.investment, "投资与进度"), (self.visits, "走访"),
            (self.enterprises, "企业名录"),
        ]
        self._stale = {id(panel) for panel, _ in self._panels}
        for panel, title in self._panels:
            tabs.addTab(panel, title)
        tabs.currentChanged.connect(self._on_current_changed)
        if on_open is not None:  # a dashboard drill-down row double-clicked
            self.dashboard.open_requested.connect(on_open)
        if on_issues_changed is not None:
            self.visits.issues_changed.connect(on_issues_changed)
            self.enterprises.issues_changed.connect(on_issues_changed)

    def mark_stale(self) -> None:
        """Data changed somewhere: reload the visible field tab now, the others when shown."""
        self._stale = {id(panel) for panel, _ in self._panels}
        self._on_current_changed(self.tabs.currentIndex())

    def _on_current_changed(self, index: int) -> None:
        panel = self.tabs.widget(index)
        if panel is not None and id(panel) in self._stale:
            self._stale.discard(id(panel))
            panel.reload()  # type: ignore[attr-defined]
