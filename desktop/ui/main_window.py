"""The main window: project tree (left dock), issue table and meetings (central tabs), issue history and 待办提醒
(right docks), the issue toolbar and menus, the status bar.

It owns `Ops` (the one workspace handle, the worker and the change broadcast, ui/ops.py) and the undo stack, and
wires parts together: the tree (`ProjectTreeController`), the loads (`WindowLoader`), what an edit re-reads
(`EditRefresh`), the issue and project controllers. What it reads are service calls (ui/window_data.py); it never
builds SQL itself. Other modules add their own tabs and menu entries through `add_tab` and `add_menu_actions`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from desktop import APP_NAME, __version__
from desktop.services.first_screen import FirstScreen
from desktop.services.projects.node import ProjectNode
from desktop.ui import data_side, tree_keys, window_state
from desktop.ui.forms.ui_main_window import Ui_MainWindow
from desktop.ui.issue_history_panel import IssueHistoryPanel
from desktop.ui.issue_panel import IssuePanel
from desktop.ui.menus import menu_titled
from desktop.ui.ops import Change, Ops
from desktop.ui.project_tree_controller import ProjectTreeController
from desktop.ui.reminder_panel import ReminderPanel, Reminders
from desktop.ui.widgets.fitting import PathLabel, fit_to_screen
from desktop.ui.window_loader import WindowLoader

# Everything below reads the database or acts on it and imports SQLAlchemy (~0.7 s): type names only here, reached
# at run time through `data_side.load()` (the window's one import boundary). The module-level imports above stay
# free of it (tests/ui/test_start_with_first_screen.py).
if TYPE_CHECKING:
    from desktop.ui.export_menu import ExportMenu
    from desktop.ui.field_tabs import FieldTabs
    from desktop.ui.issue_actions import IssueActions
    from desktop.ui.meetings_panel import MeetingsPanel
    from desktop.ui.project_actions import ProjectActions
    from desktop.workspace import Workspace


class MainWindow(QMainWindow):
    data_loaded = Signal()  # the views hold all fresh data (after `reload` or a background load)
    first_data_shown = Signal()  # start-up: tree and the newest issues are on screen, the rest is loading
    # The data-side parts (`_build_parts`, when the first workspace arrives; nothing reaches them before that:
    # the menus and the tool bar stay disabled and no load answers while nothing is held).
    meetings_panel: MeetingsPanel
    field_tabs: FieldTabs
    issue_actions: IssueActions
    project_actions: ProjectActions
    def __init__(self, workspace: Workspace | None = None, *, today: date | None = None,
                 settings: QSettings | None = None, parent: QWidget | None = None,
                 first_screen: FirstScreen | None = None, data_dir: Path | None = None) -> None:
        """Built once, holding nothing yet (its `Ops` may hold no workspace): the tree, the issue table and the
        docks, showing `first_screen` (the data as the last close left it) when there is one. The window is
        filled by the broadcast `Ops.receive` sends when the opened workspace arrives (`workspace` given here is
        handed to it at once) — the same `Change(everything=True, replaced=True)` a restore sends."""
        super().__init__(parent)
        self.ops = Ops(None, self)  # the only workspace handle, the worker and the change broadcast (ui/ops.py)
        self.today = today or date.today()
        self.settings = settings or QSettings()
        self.form = Ui_MainWindow()
        self.form.setupUi(self)
        self.setWindowTitle(APP_NAME)
        self._built = False  # the parts that act on data (tabs, menus, actions): built at the first workspace
        # Every action that acts on data, in one non-exclusive group: while nothing is held the group is off, so
        # their keyboard shortcuts (Ctrl+N, Ctrl+I …) do not fire either — a disabled menu bar alone leaves them
        # live. An action's own setEnabled (by selection) is kept by Qt and applies again when the group is on.
        self.data_actions = QActionGroup(self)
        self.data_actions.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)

        self.issue_panel = IssuePanel(self, today=self.today)
        self.form.issues_layout.addWidget(self.issue_panel)
        f = self.form
        self.tree = ProjectTreeController(f.project_tree_view, f.year_combo, f.grouping_combo, f.project_search_edit,
                                          self.issue_panel, self.today.year)
        self.history_panel = IssueHistoryPanel(self)
        self.form.history_dock_layout.addWidget(self.history_panel)
        self.reminder_panel = ReminderPanel(self)
        self.form.reminder_dock_layout.addWidget(self.reminder_panel)
        self.tabifyDockWidget(self.form.history_dock, self.form.reminder_dock)
        self.data_label = PathLabel(self)  # a long data folder elides instead of widening the window
        self.form.status_bar.addPermanentWidget(self.data_label)
        self.resizeDocks([self.form.project_dock, self.form.history_dock], [300, 330], Qt.Orientation.Horizontal)
        self.loader = WindowLoader(self.ops, self.tree, self.issue_panel, self.form.status_bar, self.today, self,
                                   show_meetings=lambda meetings, decisions: self.meetings_panel.set_data(
                                       meetings, decisions),
                                   mark_stale=lambda: self.field_tabs.mark_stale(),
                                   reload_reminders=lambda: self.reload_reminders())
        self.loader.first_data_shown.connect(self.first_data_shown)
        self.loader.data_loaded.connect(self.data_loaded)
        window_state.restore(self, self.settings, self.issue_panel.table.horizontalHeader(), self.tree)
        fit_to_screen(self)  # the .ui's 1366×768 or a restored geometry, clamped to the screen when shown
        self.tree.listen()
        self.show_reminders()
        self.ops.changed.connect(self._on_changed)
        if data_dir is not None:
            self.data_label.setText(f"数据：{data_dir}")
        if first_screen is not None:
            self.loader.show_first_screen(first_screen)
        self._hold_nothing("正在打开数据库……", busy=True)
        if workspace is not None:
            self.ops.receive(workspace)

    def _hold_nothing(self, message: str, *, busy: bool = False) -> None:
        """No data is open (before the first workspace arrives, or after a restore whose reopen failed): nothing
        can be asked of the data, and the status bar says why."""
        self.form.menu_bar.setEnabled(False)
        self.form.issue_tool_bar.setEnabled(False)
        self._gather_data_actions()
        self.data_actions.setEnabled(False)
        self.loader.busy.setVisible(busy)
        self.statusBar().showMessage(message)

    def _gather_data_actions(self) -> None:
        """Put every action of the window (its menus', the tool bar's, the parts') in `data_actions`, but 退出 and
        关于, which need no data. A group's newcomer takes the group's state."""
        keep = {self.form.quit_action, self.form.about_action}
        for action in self.findChildren(QAction):
            if action in keep or action.isSeparator() or action.menu() is not None:
                continue
            if action.actionGroup() is None:
                self.data_actions.addAction(action)

    def _replaced(self) -> None:
        """Ops holds a new workspace (the start-up's, or a restore's): build the data-side parts the first time,
        then re-read everything, the tree and the newest issues first."""
        if not self.ops.holds:  # the reopen failed: the reliability menu offers the backups and exit (`Ops.lost`)
            self.loader.complete = False  # what is shown is no longer the data's content: never kept
            self._hold_nothing("数据未能重新打开，当前不能进行任何操作")
            return
        if not self._built:
            self._build_parts()
        else:
            self.undo_stack.clear()  # its commands belong to the workspace that was replaced
        self._gather_data_actions()  # those the parts just built added too
        self.data_actions.setEnabled(True)
        self.form.menu_bar.setEnabled(True)
        self.form.issue_tool_bar.setEnabled(True)
        where = self.ops.database_file or self.ops.db.url
        self.data_label.setText(f"数据：{where}")
        self.loader.reload_in_background()

    def _build_parts(self) -> None:
        """What acts on the data (tabs, menus, actions). Their modules import the database layer, which the first
        screen paints without: they are reached through the window's one import boundary, `data_side.load()`
        (the start-up loads it on the worker while the database opens)."""
        parts = data_side.load()
        self._built = True
        self.meetings_panel = parts.MeetingsPanel(self.ops, today=self.today, parent=self)
        self.form.meetings_layout.addWidget(self.meetings_panel)
        # Field-work tabs: dashboard, investment, visits, enterprises.
        self.field_tabs = parts.FieldTabs(self.form.main_tabs, self.ops, self.today,
                                    on_open=lambda entity, item_id: self.navigator.open_record(entity, item_id))
        self.refresh = parts.EditRefresh(self.ops, self.issue_panel, self.tree, self.reminder_panel, self.today,
                                   due_soon_days=lambda: self.due_soon_days, show_reminders=self._show_reminders,
                                   show_selected=lambda i, history: self.selection.show_after_edit(i, history),
                                   reload=self.reload)
        self.issue_actions = parts.IssueActions(self, self.ops, self.form, self.issue_panel, self.tree, self.today,
                                          lambda issue_id: self.refresh.select_when_shown(issue_id))
        self.selection = parts.IssueSelection(self.ops, self.issue_panel, self.history_panel, self.statusBar(),
                                        self.issue_actions, lambda: self.refresh.quiet)
        self.undo_stack = self.issue_actions.undo_stack
        self.project_actions = parts.ProjectActions(self, self.ops, self.form, self.tree, self.today, self.undo_stack,
                                              self.show_error)
        self.navigator = parts.Navigator(self.ops, self.form, self.tree, self.issue_panel, self.meetings_panel,
                                   self.field_tabs, self.project_actions, self.statusBar(), self.show_error)
        # 提交会议研究: selected issues onto a meeting's agenda (context menu and the 会议 menu).
        self.submit_to_meeting_action = parts.meeting_actions.install(self, self.form, self.meetings_panel, self.issue_panel,
                                                                self.add_menu_actions)
        self.issue_actions.extra_context_actions.append(self.submit_to_meeting_action)
        # 文件 → 导出数据包 / 导入数据包 / 数据交换记录
        self.exchange_menu = parts.ExchangeMenu(self, self.ops, self.today, self.form.file_menu, before=self.form.quit_action)
        self._connect_signals()
        self._build_export_menu(parts.ExportMenu)
        self.import_actions = parts.import_menu.install(self, self.ops, self.form.file_menu)  # 文件 → 导入台账 / 导入记录
        # 反馈 → 发出 / 收取 / 反馈情况, and drops of returned forms on the window
        self.feedback_menu = parts.feedback_menu.install(self, self.ops, self.today, self.add_menu_actions,
                                                   self.undo_stack)
        if self.form.project_tree_view.model() is not None:  # a first screen is shown: the actions follow it
            self.tree.rescope()
        # 文件 → 备份与恢复 / 操作日志 / 更改操作人 / 密码锁 / 数据库服务器, and the idle lock
        self.reliability = parts.reliability_menu.install(self, self.ops, self.form.file_menu, self.form.quit_action,
                                                    self.settings, self.today)

    def _connect_signals(self) -> None:
        f = self.form
        f.quit_action.triggered.connect(self.close)
        f.refresh_action.triggered.connect(self.reload)
        f.about_action.triggered.connect(self._about)
        f.show_reminders_action.triggered.connect(self.show_reminders)
        f.show_history_action.triggered.connect(self.show_history)
        f.year_combo.currentIndexChanged.connect(self.refresh.tree_changed)
        self.tree.scope_changed.connect(self.project_actions.update_enabled)
        f.project_tree_view.customContextMenuRequested.connect(self.navigator.tree_menu)
        f.project_tree_view.doubleClicked.connect(self.navigator.tree_double_clicked)
        # Enter on a project opens it; Down from the search reaches it
        self.tree_keys = tree_keys.install(f.project_tree_view, f.project_search_edit, self.project_actions.open_project)
        self.issue_panel.selection_changed.connect(self.selection.selected)
        self.issue_panel.context_menu_requested.connect(lambda pos: self.issue_actions.context_menu().exec(pos))
        self.issue_panel.table.doubleClicked.connect(lambda _i: self.show_history())
        self.issue_actions.changed.connect(lambda ids: self.ops.notify(Change.of_issues(ids)))
        self.issue_actions.failed.connect(self.show_error)
        self.project_actions.changed.connect(lambda pid: self.ops.notify(Change(projects=frozenset([pid]))))
        self.reminder_panel.activated.connect(self.navigator.open_reminder)
        self.reminder_panel.supervise.connect(lambda kind, unit_id: self.export_menu.open_supervision(kind, unit_id))
        self.reminder_panel.escalate.connect(self.escalate_by_ladder)
        self.reminder_panel.decide_request.connect(lambda request_id: self.feedback_menu.open_requests(request_id))

    # --- extension points for other modules ----------------------------------------------------------------
    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a central tab (dashboard, briefings …) after the existing ones; returns its index."""
        return self.form.main_tabs.addTab(widget, title)

    def add_menu_actions(self, menu_title: str, actions: Iterable[QAction], *, before: str = "视图(&V)") -> QMenu:
        """Put actions in the menu titled `menu_title`, creating it just before `before` when it does not exist."""
        menu = menu_titled(self.form.menu_bar, menu_title, before)
        for action in actions:
            menu.addAction(action)
        return menu

    # --- export menu (feat/exports) ----------------------------------------------------------------------
    def _build_export_menu(self, export_menu: type[ExportMenu]) -> None:
        """导出 menu: 简报/通报 editor and the 台账, all run off the GUI thread (see desktop/ui/export_menu.py)."""
        self.export_menu = export_menu(self, self.ops, self.today, self.form, self.issue_panel, self.meetings_panel,
                                      self.issue_actions, self.statusBar())
        # 总览: a unit's row of 超期问题 drills down to its issues, and from there to the 督办 dialog for them.
        self.field_tabs.dashboard.supervise_requested.connect(
            lambda ids: self.export_menu.open_supervision(None, None, ids))

    # --- loading (ui/window_loader.py) ----------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read everything on the worker (the 刷新 action, "everything changed"); `data_loaded` when shown."""
        self.loader.reload()

    def first_screen_data(self) -> dict[str, object] | None:
        """What `first_screen.save` keeps for the next start; None unless every issue is loaded."""
        return self.loader.first_screen_data()

    @property
    def due_soon_days(self) -> int:
        return self.loader.due_soon_days

    @property
    def complete(self) -> bool:
        return self.loader.complete

    @property
    def workspace(self) -> Workspace:
        """The workspace `ops` holds now (a restore replaces it)."""
        return self.ops.workspace

    def _on_changed(self, change: Change) -> None:
        """The one listener for what a write changed: each view re-reads its part; field tabs lazily."""
        if change.replaced:
            self._replaced()
            return
        if change.everything:
            self.reload()
            return
        if change.issues:  # rows, history, tree badges and reminders re-read on the worker (ui/edit_refresh.py)
            self.refresh.issues_changed(sorted(change.issues))
        for project_id in sorted(change.projects):
            self.project_changed(project_id)
        if change.settings:  # e.g. the 督办 ladder: the 待办 panel's steps follow it
            self.reload_reminders()
        if change.meetings or change.decisions:
            self.reload_reminders()
            self.selection.selected(self.issue_panel.current_id())  # its history may have a new entry
        self.field_tabs.mark_stale()

    def project_changed(self, project_id: int) -> None:
        """A project was added, edited or taken off the list: its rows, the tree (or everything) re-read."""
        self.refresh.project_changed(project_id)

    def reload_reminders(self) -> None:
        self.refresh.reminders_changed()

    def _show_reminders(self, reminders: Reminders) -> None:
        self.reminder_panel.set_items(reminders, self.due_soon_days)
        self.issue_panel.set_requests(reminders.awaiting, reminders.requested)
        self.form.reminder_dock.setWindowTitle(f"待办提醒（{len(reminders.items)}）")

    # --- selection helpers used by the controllers ---------------------------------------------------------
    def current_year(self) -> int:
        return self.tree.year()

    def current_project_id(self) -> int | None:
        return self.tree.current_project_id()

    def current_project_name(self) -> str:
        node = self.tree.node(self.current_project_id())
        return node.name if node else ""

    def select_project(self, project_id: int) -> None:
        self.tree.select_project(project_id)

    def project_nodes(self) -> list[ProjectNode]:
        """The projects of the tree's year, as the tree shows them."""
        return list(self.tree.nodes)

    def node(self, project_id: int) -> ProjectNode | None:
        return self.tree.node(project_id)

    def show_history(self) -> None:
        self.form.history_dock.show()
        self.form.history_dock.raise_()

    def show_reminders(self) -> None:
        self.form.reminder_dock.show()
        self.form.reminder_dock.raise_()

    def escalate_by_ladder(self, issue_id: int, reason: str) -> None:
        """The ladder's 流转 step from the 待办 panel: the issue selected in the ledger, its 流转 dialog open with
        the ladder's reason (nothing escalates until the clerk confirms)."""
        self.navigator.open_reminder("issue", issue_id, 0)
        row = self.issue_panel.current_row()
        if row is not None and row.id == issue_id:
            self.issue_actions.escalate(reason=reason)

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, APP_NAME, message)

    # --- state ---------------------------------------------------------------------------------------------
    def save_state(self) -> None:
        window_state.save(self, self.settings, self.issue_panel.table.horizontalHeader(), self.tree)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._built:
            self.meetings_panel.flush_minutes()  # never lose typed minutes on close
        self.save_state()
        super().closeEvent(event)

    def _about(self) -> None:
        QMessageBox.about(self, f"关于{APP_NAME}",
                          f"{APP_NAME} {__version__}\n离线运行，数据保存在本机：\n{self.workspace.data_dir}")
