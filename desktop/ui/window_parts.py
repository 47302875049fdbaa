"""The window's data side: the start-up steps, its reads, and the parts that act on data (tabs, menus, actions).

Imported at its top, as plain module-level imports, and reached only through `data_side.load()`, the window's one
import boundary (this module imports the database layer; the first paint must not). The names below are what
`MainWindow._build_parts`, the loader and `desktop/app.py` use.
"""

from __future__ import annotations

from desktop.ui import feedback_menu, import_menu, meeting_actions, reliability_menu, startup, window_data
from desktop.ui.edit_refresh import EditRefresh
from desktop.ui.exchange_menu import ExchangeMenu
from desktop.ui.export_menu import ExportMenu
from desktop.ui.field_tabs import FieldTabs
from desktop.ui.issue_actions import IssueActions
from desktop.ui.issue_selection import IssueSelection
from desktop.ui.meetings_panel import MeetingsPanel
from desktop.ui.navigation import Navigator
from desktop.ui.project_actions import ProjectActions

__all__ = ["EditRefresh", "ExchangeMenu", "ExportMenu", "FieldTabs", "IssueActions", "IssueSelection",
           "MeetingsPanel", "Navigator", "ProjectActions", "feedback_menu", "import_menu", "meeting_actions",
           "reliability_menu", "startup", "window_data"]
