"""The main window: project tree (left dock), issue table and meetings (central tabs), issue history and 待办提醒
(right docks), the issue toolbar and menus, the status bar.

It owns the workspace handle and the undo stack, wires panels to controllers (`IssueActions`, `ProjectActions`) and
re-reads through services only what an edit changed; it never builds SQL itself. Other modules add their own tabs
and menu entries through `add_tab` and `add_menu_actions`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QProgressBar, QWidget

from desktop import APP_NAME, __version__
from desktop.services.first_screen import FIRST_PAGE, FirstScreen
from desktop.services.issues.row import InProjects, IssueRow
from desktop.services.projects.node import GROUPINGS, ProjectNode
from desktop.ui import tree_keys
from desktop.ui.background import run_in_background
from desktop.ui.forms.ui_main_window import Ui_MainWindow
from desktop.ui.issue_history_panel import IssueHistoryPanel
from desktop.ui.issue_panel import IssuePanel
from desktop.ui.models.project_tree import (
    GROUP_ROLE,
    PROJECT_ID_ROLE,
    build_tree,
    changed_nodes,
    update_tree,
)
from desktop.ui.ops import Change, Ops
from desktop.ui.reminder_panel import ReminderPanel, Reminders
from desktop.ui.widgets.fitting import PathLabel, fit_to_screen

# Everything below reads the database or acts on it and imports SQLAlchemy (~0.7 s): imported by `attach`, after
# the start-up first screen is painted. The module-level imports above stay free of it
# (tests/ui/test_start_with_first_screen.py).
if TYPE_CHECKING:
    from desktop.services.issues.history import IssueHistory
    from desktop.services.meetings.rows import DecisionRow, MeetingRow
    from desktop.ui.field_tabs import FieldTabs
    from desktop.ui.issue_actions import IssueActions
    from desktop.ui.meetings_panel import MeetingsPanel
    from desktop.ui.project_actions import ProjectActions
    from desktop.workspace import Workspace


def _freeze_loaded_data() -> None:
    """The loaded rows live until the next load: keep the cyclic garbage collector from re-scanning them. A full
    collection over a city's ~470k objects is a 0.2 s stall at a random moment; the rows (tuples of shared
    strings, no cycles) are still freed by reference counting when a later load replaces them."""
    gc.freeze()


def preload() -> None:
    """Import what `attach` and the loaders need: safe in a worker thread (no widget is created by an import), so
    the start-up imports them there while the first screen stays responsive."""
    from desktop.services import office_settings, reminders  # noqa: F401
    from desktop.ui import (  # noqa: F401
        exchange_menu,
        field_tabs,
        import_menu,
        issue_actions,
        meeting_actions,
        meetings_panel,
        project_actions,
        reliability_menu,
    )


@dataclass
class _Loaded:
    """What one load reads, handed from the worker thread to the GUI thread."""

    years: list[int]
    rows: list[IssueRow]
    meetings: list[MeetingRow]
    decisions: dict[int, list[DecisionRow]]
    due_soon_days: int
    tree_year: int
    nodes: list[ProjectNode]
    complete: bool = True  # False: only the newest issues and no meetings yet (first step of a start-up)


class MainWindow(QMainWindow):
    data_loaded = Signal()  # the views hold all fresh data (after `reload` or a background load)
    first_data_shown = Signal()  # start-up: tree and the newest issues are on screen, the rest is loading
    def __init__(self, workspace: Workspace | None, *, today: date | None = None,
                 settings: QSettings | None = None, parent: QWidget | None = None, load_in_background: bool = False,
                 first_screen: FirstScreen | None = None, data_dir: Path | None = None) -> None:
        """With a workspace, the whole window. Without one (start-up), only the tree, the issue table and the docks,
        showing `first_screen` while the database opens; `attach` then adds the rest and the live data."""
        super().__init__(parent)
        self.ops = Ops(None, self)  # the only workspace handle, the worker and the change broadcast (ui/ops.py)
        self.today = today or date.today()
        self.settings = settings or QSettings()
        self.form = Ui_MainWindow()
        self.form.setupUi(self)
        self.setWindowTitle(APP_NAME)
        self._nodes: list[ProjectNode] = []
        self._tree_key: tuple[str, object] = ("group", "*")
        self._scope_key: tuple[object, ...] | None = None  # the tree scope applied to the table last
        self._quiet = False  # while an edit is being merged in, selection updates wait for one final refresh
        self._select_after = 0  # a new issue to make current when its row arrives
        self._side_read_queued = False  # a read of the tree and reminders is waiting on the worker
        self.due_soon_days = 7
        self.complete = False  # every issue and meeting loaded (not only a first screen or first page)
        self.issue_actions: IssueActions | None = None
        self.project_actions: ProjectActions | None = None
        self.meetings_panel: MeetingsPanel | None = None
        self.field_tabs: FieldTabs | None = None

        self.issue_panel = IssuePanel(self, today=self.today)
        self.form.issues_layout.addWidget(self.issue_panel)
        self.history_panel = IssueHistoryPanel(self)
        self.form.history_dock_layout.addWidget(self.history_panel)
        self.reminder_panel = ReminderPanel(self)
        self.form.reminder_dock_layout.addWidget(self.reminder_panel)
        self.tabifyDockWidget(self.form.history_dock, self.form.reminder_dock)
        for key, label in GROUPINGS.items():
            self.form.grouping_combo.addItem(label, key)
        self.data_label = PathLabel(self)  # a long data folder elides instead of widening the window
        self.form.status_bar.addPermanentWidget(self.data_label)
        self.resizeDocks([self.form.project_dock, self.form.history_dock], [300, 330], Qt.Orientation.Horizontal)
        self._busy = QProgressBar(self)
        self._busy.setRange(0, 0)  # indeterminate: the row count is not known before the query returns
        self._busy.setMaximumWidth(160)
        self._busy.hide()
        self.form.status_bar.addPermanentWidget(self._busy)
        self._loader: object | None = None
        self._restore_state()
        fit_to_screen(self)  # the .ui's 1366×768 or a restored geometry, clamped to the screen when shown
        self.form.grouping_combo.currentIndexChanged.connect(self._rebuild_tree)
        self.form.project_search_edit.textChanged.connect(self._rebuild_tree)
        self.form.reminder_dock.show()
        self.form.reminder_dock.raise_()
        if data_dir is not None:
            self.data_label.setText(f"数据：{data_dir}")
        if first_screen is not None:
            self._show_first_screen(first_screen)
        if workspace is not None:
            self.attach(workspace, load_in_background=load_in_background)
        else:  # nothing can be changed before the database is open
            self.form.menu_bar.setEnabled(False)
            self.form.issue_tool_bar.setEnabled(False)
            self._busy.show()
            self.statusBar().showMessage("正在打开数据库……")

    def attach(self, workspace: Workspace, *, load_in_background: bool = False) -> None:
        """The database is open: build what acts on it (tabs, menus, actions) and load the live data."""
        from desktop.ui import import_menu, meeting_actions, reliability_menu
        from desktop.ui.exchange_menu import install_exchange_actions
        from desktop.ui.field_tabs import FieldTabs
        from desktop.ui.issue_actions import IssueActions
        from desktop.ui.meetings_panel import MeetingsPanel
        from desktop.ui.project_actions import ProjectActions

        self.ops.attach(workspace)
        self.form.menu_bar.setEnabled(True)
        self.form.issue_tool_bar.setEnabled(True)
        self.meetings_panel = MeetingsPanel(self.ops, today=self.today, parent=self)
        self.form.meetings_layout.addWidget(self.meetings_panel)
        # Field-work tabs: dashboard, investment, visits, enterprises.
        self.field_tabs = FieldTabs(self.form.main_tabs, self.ops, self.today, on_issues_changed=self.reload,
                                    on_open=self.open_record)
        self.issue_actions = IssueActions(self)
        self.undo_stack = self.issue_actions.undo_stack
        self.project_actions = ProjectActions(self, self.undo_stack, self.show_error)
        # 提交会议研究: selected issues onto a meeting's agenda (context menu and the 会议 menu).
        self.submit_to_meeting_action = meeting_actions.install(self)
        self.issue_actions.extra_context_actions.append(self.submit_to_meeting_action)
        # 文件 → 导出数据包 / 导入数据包 / 数据交换记录
        install_exchange_actions(self, self.form.file_menu, before=self.form.quit_action)
        self._connect_signals()
        self._build_export_menu()
        self.import_actions = import_menu.install(self)  # 文件 → 导入台账 / 导入记录 (feature module)
        where = workspace.database_file or workspace.db.url
        self.data_label.setText(f"数据：{where}")
        if self.form.project_tree_view.model() is not None:  # a first screen is shown: the actions follow it
            self._scope_key = None
            self._restore_tree_selection()
        if load_in_background:
            self.reload_in_background()
        else:
            self.reload()
        # 文件 → 备份与恢复 / 操作日志 / 更改操作人 / 密码锁 / 数据库服务器, and the idle lock
        self.reliability = reliability_menu.install(self)

    def _show_first_screen(self, first: FirstScreen) -> None:
        self._show_issues_and_tree(first.years, first.tree_year, first.due_soon_days, first.rows, first.nodes,
                                   complete=False)

    def _show_issues_and_tree(self, years: list[int], tree_year: int, due_soon_days: int, rows: list[IssueRow],
                              nodes: list[ProjectNode], *, complete: bool) -> None:
        """What a start-up first screen and a load from the database both put on screen."""
        self.due_soon_days = due_soon_days
        self.issue_panel.set_due_soon_days(due_soon_days)
        self._fill_year_combo(years, tree_year)
        self.issue_panel.set_rows(rows, complete=complete)
        self._set_nodes(nodes)

    def _set_nodes(self, nodes: list[ProjectNode], changed: dict[int, ProjectNode] | None = None) -> None:
        """`changed`: the worker found every project where it was and only these ones' figures moved."""
        model = self.form.project_tree_view.model()
        grouping = self.form.grouping_combo.currentData() or "category"
        old, self._nodes = self._nodes, nodes
        if changed is None and model is not None:
            changed = changed_nodes(old, nodes, grouping)
        if [n.leaders for n in old] != [n.leaders for n in nodes] or len(old) != len(nodes):
            self.issue_panel.set_project_leaders({n.id: n.leaders for n in nodes})
        if model is not None and changed is not None:
            # Same items, same selection, same scope: the issue table is not filtered again; no flicker.
            update_tree(model, nodes, changed, grouping, self.form.project_search_edit.text())
            return
        self._rebuild_tree()

    def first_screen_data(self) -> dict[str, object] | None:
        """What `first_screen.save` keeps for the next start; None unless every issue is loaded."""
        if not self.complete or self.workspace is None:
            return None
        years = [self.form.year_combo.itemData(i) for i in range(self.form.year_combo.count())]
        return {"years": years, "tree_year": self.current_year(), "due_soon_days": self.due_soon_days,
                "nodes": self.project_nodes(), "rows": self.issue_panel.model.all_rows()}

    def _connect_signals(self) -> None:
        f = self.form
        f.quit_action.triggered.connect(self.close)
        f.refresh_action.triggered.connect(self.reload)
        f.about_action.triggered.connect(self._about)
        f.show_reminders_action.triggered.connect(self.show_reminders)
        f.show_history_action.triggered.connect(self.show_history)
        f.year_combo.currentIndexChanged.connect(self._reload_tree)
        f.project_tree_view.customContextMenuRequested.connect(self._tree_menu)
        f.project_tree_view.doubleClicked.connect(self._on_tree_double_clicked)
        self.tree_keys = tree_keys.install(self)  # Enter on a project opens it; Down from the search reaches it
        self.issue_panel.selection_changed.connect(self._on_issue_selected)
        self.issue_panel.context_menu_requested.connect(lambda pos: self.issue_actions.context_menu().exec(pos))
        self.issue_panel.table.doubleClicked.connect(lambda _i: self.show_history())
        self.issue_actions.changed.connect(lambda ids: self.ops.notify(Change.of_issues(ids)))
        self.issue_actions.failed.connect(self.show_error)
        self.project_actions.changed.connect(lambda pid: self.ops.notify(Change(projects=frozenset([pid]))))
        assert self.meetings_panel is not None
        self.meetings_panel.changed.connect(lambda: self.ops.notify(Change(meetings=True, decisions=True)))
        self.ops.changed.connect(self._on_changed)
        self.reminder_panel.activated.connect(self.open_reminder)

    # --- extension points for other modules ----------------------------------------------------------------
    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a central tab (dashboard, briefings …) after the existing ones; returns its index."""
        return self.form.main_tabs.addTab(widget, title)

    def add_menu_actions(self, menu_title: str, actions: Iterable[QAction], *, before: str = "视图(&V)") -> QMenu:
        """Put actions in the menu titled `menu_title`, creating it just before `before` when it does not exist."""
        bar = self.form.menu_bar
        for action in bar.actions():
            if action.menu() is not None and action.text() == menu_title:
                menu = action.menu()
                break
        else:
            menu = QMenu(menu_title, self)
            anchor = next((a for a in bar.actions() if a.text() == before), None)
            bar.insertMenu(anchor, menu) if anchor else bar.addMenu(menu)
        for action in actions:
            menu.addAction(action)
        return menu  # type: ignore[return-value]

    # --- export menu (feat/exports) ----------------------------------------------------------------------
    def _build_export_menu(self) -> None:
        """导出 menu: 简报/通报 editor and the 台账, all run off the GUI thread (see desktop/ui/export_menu.py)."""
        from desktop.ui.export_menu import ExportMenu

        self.export_menu = ExportMenu(self)

    # --- loading -------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Load everything now, on the GUI thread (the 刷新 action, tests, small databases)."""
        with self.workspace.db.read() as session:
            loaded = self._fetch(session, self.form.year_combo.currentData())
        self._apply(loaded)

    def reload_in_background(self) -> None:
        """Start-up: the window is already shown; the data arrives from worker threads.

        Two steps, so a city office (100k issues, ~2 s to load) sees its projects and newest issues at once:
        first the tree and one screen of the newest issues (without pinyin keys, which need a 0.3 s dictionary
        load), then every issue and the meetings. `first_data_shown` and `data_loaded` mark the two steps.
        """
        self.statusBar().showMessage("正在载入数据……")
        self._busy.show()
        year = self.form.year_combo.currentData()
        self._loader = run_in_background(lambda: self._fetch_in_thread(year, FIRST_PAGE), self._on_first_page,
                                         self._on_load_failed, on_damage=self._on_load_damaged)

    def _fetch_in_thread(self, year: int | None, first_page: int | None = None) -> _Loaded:
        with self.workspace.db.read() as session:
            return self._fetch(session, year, first_page)

    def _fetch(self, session, year: int | None, first_page: int | None = None) -> _Loaded:  # type: ignore[no-untyped-def]
        """What the window shows, read through services only; no Qt object is touched here (worker-safe).

        With `first_page`, only that many of the newest issues and no meetings (the first step of a start-up).
        """
        from desktop.services import office_settings
        from desktop.services.issues.rows import load_issue_rows
        from desktop.services.meetings.rows import load_meetings
        from desktop.services.projects.tree import available_years, load_project_nodes

        years = available_years(session) or [self.today.year]
        tree_year = year if year in years else years[0]
        if first_page:
            rows, (meetings, decisions) = load_issue_rows(session, limit=first_page, pinyin=False), ([], {})
        else:
            rows, (meetings, decisions) = load_issue_rows(session), load_meetings(session)
        return _Loaded(
            years=years, rows=rows, meetings=meetings, decisions=decisions,
            due_soon_days=int(office_settings.get(session, "due_soon_days")), tree_year=tree_year,
            nodes=load_project_nodes(session, tree_year, self.today, office_settings.thresholds(session)),
            complete=not first_page,
        )

    def _fetch_rest(self) -> tuple[list[IssueRow], list[MeetingRow], dict[int, list[DecisionRow]]]:
        from desktop.services.issues.rows import load_issue_rows
        from desktop.services.meetings.rows import load_meetings

        with self.workspace.db.read() as session:
            return load_issue_rows(session), *load_meetings(session)

    def _on_first_page(self, loaded: _Loaded) -> None:
        self._apply(loaded)
        self.first_data_shown.emit()
        self._loader = run_in_background(self._fetch_rest, self._on_rest, self._on_load_failed,
                                         on_damage=self._on_load_damaged)

    def _on_rest(self, rest: tuple[list[IssueRow], list[MeetingRow], dict[int, list[DecisionRow]]]) -> None:
        assert self.meetings_panel is not None  # attached
        rows, meetings, decisions = rest
        self._busy.hide()
        self.complete = True
        self.issue_panel.set_rows(rows)
        self.meetings_panel.set_data(meetings, decisions)
        _freeze_loaded_data()
        self.reload_reminders()
        self._loaded_message(len(rows), len(meetings))
        self.data_loaded.emit()

    def _loaded_message(self, issues: int, meetings: int) -> None:
        self.statusBar().showMessage(f"已载入 {issues} 个问题、{meetings} 次会议", 5000)

    def _on_load_failed(self, message: str) -> None:
        self._busy.hide()
        self.statusBar().showMessage("载入数据失败")
        QMessageBox.critical(self, APP_NAME, f"载入数据失败：{message}")

    def _on_load_damaged(self, message: str) -> None:
        """The file is broken (e.g. text that is no longer UTF-8): say which table, and offer the good backup."""
        self._busy.hide()
        self.statusBar().showMessage("载入数据失败：数据库文件已损坏")
        self.ops.report_damage(f"载入数据失败。{message}")

    def _apply(self, loaded: _Loaded) -> None:
        assert self.meetings_panel is not None and self.field_tabs is not None  # attached
        self._show_issues_and_tree(loaded.years, loaded.tree_year, loaded.due_soon_days, loaded.rows, loaded.nodes,
                                   complete=loaded.complete)
        self.meetings_panel.set_data(loaded.meetings, loaded.decisions)
        self.field_tabs.mark_stale()
        if loaded.complete:
            self.complete = True
            _freeze_loaded_data()
            self.reload_reminders()
            self._busy.hide()
            self._loaded_message(len(loaded.rows), len(loaded.meetings))
            self.data_loaded.emit()
        else:
            self.statusBar().showMessage(f"已显示最新 {len(loaded.rows)} 个问题，正在载入其余数据……")

    def _fill_year_combo(self, years: list[int], current: int) -> None:
        combo = self.form.year_combo
        combo.blockSignals(True)
        combo.clear()
        for year in years:
            combo.addItem(f"{year}年", year)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    @property
    def workspace(self) -> Workspace:
        """The workspace `ops` holds now (a restore replaces it)."""
        return self.ops.workspace

    def _on_changed(self, change: Change) -> None:
        """The one listener for what a write changed: each view re-reads its part; field tabs lazily."""
        assert self.field_tabs is not None  # attached
        if change.everything:
            if change.replaced:
                self.undo_stack.clear()  # its commands belong to the workspace that was replaced
            self.reload()
            return
        if change.issues:
            self.issues_changed(sorted(change.issues))
        for project_id in sorted(change.projects):
            self.project_changed(project_id)
        if change.meetings or change.decisions:
            self.reload_reminders()
            self._on_issue_selected(self.issue_panel.current_id())  # its history may have a new entry
        self.field_tabs.mark_stale()

    def issues_changed(self, ids: list[int]) -> None:
        """After an edit or an undo: those rows and the selected issue's history are re-read on the worker and
        swapped in (no model reset); the tree's badges and the reminders follow in a second read."""
        from desktop.services.issues.history import load_issue_history
        from desktop.services.issues.rows import load_issue_rows

        current = self.issue_panel.current_id()

        def read(workspace: Workspace) -> tuple[list[IssueRow], IssueHistory | None]:
            with workspace.db.read() as session:
                fresh = load_issue_rows(session, ids=ids)
                still_there = current and (current not in ids or any(r.id == current for r in fresh))
                return fresh, load_issue_history(session, current) if still_there else None

        def apply(result: tuple[list[IssueRow], IssueHistory | None]) -> None:
            fresh, history = result
            found = {r.id for r in fresh}
            self._quiet = True
            try:
                self.issue_panel.update_rows(fresh, [i for i in ids if i not in found])
                chosen, self._select_after = self._select_after, 0
                if chosen:
                    self.issue_panel.select_issue(chosen)
            finally:
                self._quiet = False
            shown = self.issue_panel.current_id()
            if shown and shown == current and history is not None:
                self._show_selected(history)
            else:
                self._on_issue_selected(shown)

        self.ops.run(read, apply)
        self.refresh_tree_and_reminders()

    def select_when_shown(self, issue_id: int) -> None:
        """Make a new issue current once its row arrives (the read after the write is on the worker)."""
        self._select_after = issue_id

    def refresh_tree_and_reminders(self) -> None:
        """The tree's counts and lights and the 待办提醒, read on the worker; one read serves every edit asked
        before it starts."""
        from desktop.services import office_settings
        from desktop.services.projects.tree import load_project_nodes
        from desktop.services.reminders import load_reminders

        if self._side_read_queued:
            return
        self._side_read_queued = True
        year = self.form.year_combo.currentData() or self.today.year
        today, days = self.today, self.due_soon_days
        old_nodes, grouping = self._nodes, self.form.grouping_combo.currentData() or "category"
        old_items = self.reminder_panel.model.items

        def read(workspace: Workspace) -> tuple[list[ProjectNode], dict[int, ProjectNode] | None, Reminders | None]:
            self._side_read_queued = False  # an edit from now on needs a read of its own
            with workspace.db.read() as session:
                nodes = load_project_nodes(session, year, today, office_settings.thresholds(session))
                items = load_reminders(session, today, days)
            # The comparisons too are the worker's: 2,000 projects and ~37k reminders at city size.
            return nodes, changed_nodes(old_nodes, nodes, grouping), None if items == old_items else Reminders(items)

        def apply(result: tuple[list[ProjectNode], dict[int, ProjectNode] | None, Reminders | None]) -> None:
            nodes, changed, reminders = result
            if year == (self.form.year_combo.currentData() or self.today.year):
                same_tree = self._nodes is old_nodes and grouping == self.form.grouping_combo.currentData()
                self._set_nodes(nodes, changed if same_tree else None)
            if reminders is not None:
                self._show_reminders(reminders)

        self.ops.run(read, apply)

    def project_changed(self, project_id: int) -> None:
        """A project was added, edited or taken off the list: names in its issue rows may have changed too."""
        from desktop.services.issues.rows import load_issue_rows
        from desktop.services.projects.tree import available_years

        with self.workspace.db.read() as session:
            fresh = load_issue_rows(session, project_id=project_id) if project_id else []
            years = available_years(session)
        if fresh:
            self.issue_panel.update_rows(fresh, [])
        if self.form.year_combo.count() != len(years):
            self.reload()
            return
        self._reload_tree()

    def reload_reminders(self) -> None:
        from desktop.services.reminders import load_reminders

        with self.workspace.db.read() as session:
            items = load_reminders(session, self.today, self.due_soon_days)
        self._show_reminders(Reminders(items))

    def _show_reminders(self, reminders: Reminders) -> None:
        self.reminder_panel.set_items(reminders, self.due_soon_days)
        self.form.reminder_dock.setWindowTitle(f"待办提醒（{len(reminders.items)}）")

    def _reload_tree(self) -> None:
        from desktop.services import office_settings
        from desktop.services.projects.tree import load_project_nodes

        year = self.form.year_combo.currentData() or self.today.year
        with self.workspace.db.read() as session:
            nodes = load_project_nodes(session, year, self.today, office_settings.thresholds(session))
        self._set_nodes(nodes)

    def _rebuild_tree(self) -> None:
        grouping = self.form.grouping_combo.currentData() or "category"
        model = build_tree(self._nodes, grouping, self.form.project_search_edit.text())
        view = self.form.project_tree_view
        expanded = {view.model().index(r, 0).data(GROUP_ROLE) for r in range(view.model().rowCount())
                    if view.isExpanded(view.model().index(r, 0))} if view.model() is not None else set()
        old = view.model()
        view.setModel(model)
        if old is not None:
            old.deleteLater()
        view.selectionModel().currentChanged.connect(self._on_tree_current)
        for r in range(model.rowCount()):
            if model.item(r).data(GROUP_ROLE) in expanded or self.form.project_search_edit.text().strip():
                view.expand(model.index(r, 0))
        self._restore_tree_selection()

    def _restore_tree_selection(self) -> None:
        kind, key = self._tree_key
        model = self.form.project_tree_view.model()
        for r in range(model.rowCount()):
            group = model.item(r)
            if kind == "group" and group.data(GROUP_ROLE) == key:
                self.form.project_tree_view.setCurrentIndex(group.index())
                return
            for c in range(group.rowCount()):
                if kind == "project" and group.child(c).data(PROJECT_ID_ROLE) == key:
                    self.form.project_tree_view.setCurrentIndex(group.child(c).index())
                    return
        self._apply_tree_scope(QModelIndex())

    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        project_id = current.data(PROJECT_ID_ROLE)
        self._tree_key = ("project", project_id) if project_id is not None else ("group", current.data(GROUP_ROLE)
                                                                                 or "*")
        self._apply_tree_scope(current)

    def _apply_tree_scope(self, current: QModelIndex) -> None:
        project_id = current.data(PROJECT_ID_ROLE) if current.isValid() else None
        group = current.data(GROUP_ROLE) if current.isValid() else None
        node = next((n for n in self._nodes if n.id == project_id), None)
        if self.project_actions is not None:
            self.project_actions.update_enabled(project_id, bool(node and node.removed))
        grouping = self.form.grouping_combo.currentData()
        if project_id is not None:
            key: tuple[object, ...] = ("project", project_id, node.name if node else "")
        elif group == "*" or group is None:
            key = ("all",)
        else:
            key = ("group", grouping, group, frozenset(n.id for n in self._nodes if group in n.group_keys(grouping)))
        if key == self._scope_key:
            return  # same rows as before (e.g. the tree was rebuilt after an edit): no need to filter again
        self._scope_key = key
        if project_id is not None:
            self.issue_panel.set_scope(InProjects([project_id]), node.name if node else "")
        elif key[0] == "all":
            self.issue_panel.set_scope(None, "全部项目")
        else:
            self.issue_panel.set_scope(InProjects(key[3]), str(group))  # type: ignore[arg-type]

    # --- selection helpers used by the controllers ---------------------------------------------------------
    def current_year(self) -> int:
        return int(self.form.year_combo.currentData() or self.today.year)

    def current_project_id(self) -> int | None:
        index = self.form.project_tree_view.currentIndex()
        return index.data(PROJECT_ID_ROLE) if index.isValid() else None

    def current_project_name(self) -> str:
        pid = self.current_project_id()
        return next((n.name for n in self._nodes if n.id == pid), "")

    def select_project(self, project_id: int) -> None:
        self._tree_key = ("project", project_id)
        self._restore_tree_selection()

    def project_nodes(self) -> list[ProjectNode]:
        """The projects of the tree's year, as the tree shows them."""
        return list(self._nodes)

    def node(self, project_id: int) -> ProjectNode | None:
        return next((n for n in self._nodes if n.id == project_id), None)

    def _tree_menu(self, pos: QPoint) -> None:
        assert self.project_actions is not None  # connected by `attach`
        view = self.form.project_tree_view
        index = view.indexAt(pos)
        if index.isValid():
            view.setCurrentIndex(index)
        self.project_actions.context_menu(view.viewport().mapToGlobal(pos)).exec(view.viewport().mapToGlobal(pos))

    def _on_tree_double_clicked(self, index: QModelIndex) -> None:
        project_id = index.data(PROJECT_ID_ROLE)
        if project_id is not None and self.project_actions is not None:
            self.project_actions.open_project(project_id)

    def _on_issue_selected(self, issue_id: int) -> None:
        from desktop.services.issues.history import load_issue_history

        if self._quiet or self.issue_actions is None:
            return
        row = self.issue_panel.current_row() if issue_id else None
        self.issue_actions.update_enabled(row)
        if row is None:
            self.history_panel.show_history(None)
            return
        self.statusBar().showMessage(self.issue_actions.summary(row), 8000)
        with self.workspace.db.read() as session:
            self.history_panel.show_history(load_issue_history(session, row.id))

    def _show_selected(self, history: IssueHistory) -> None:
        """The current issue after an edit: its actions, status line and the history read with its row."""
        if self.issue_actions is None:
            return
        row = self.issue_panel.current_row()
        self.issue_actions.update_enabled(row)
        if row is not None:
            self.statusBar().showMessage(self.issue_actions.summary(row), 8000)
        self.history_panel.show_history(history)

    def show_history(self) -> None:
        self.form.history_dock.show()
        self.form.history_dock.raise_()

    def show_reminders(self) -> None:
        self.form.reminder_dock.show()
        self.form.reminder_dock.raise_()

    def open_reminder(self, kind: str, item_id: int, meeting_id: int) -> None:
        """Jump from a reminder to the item: the issue in the ledger, or the decided item's meeting."""
        if kind == "issue":
            self.form.main_tabs.setCurrentWidget(self.form.issues_tab)
            if not self.issue_panel.select_issue(item_id, reveal=False):
                self._tree_key = ("group", "*")
                self._restore_tree_selection()
                self.issue_panel.select_issue(item_id)
            self.issue_panel.table.setFocus()
            return
        self.form.main_tabs.setCurrentWidget(self.form.meetings_tab)
        assert self.meetings_panel is not None  # reminders come from the database: attached
        self.meetings_panel.select_meeting(meeting_id)
        self.statusBar().showMessage("议定事项在会议页中办理；已定位到所属会议", 5000)

    def open_record(self, entity: str, item_id: int) -> None:
        """Open what a dashboard drill-down row counts: the issue in the ledger, the project's page, the visit, or
        the decided item in its meeting."""
        from desktop.services.drilldown import open_target

        with self.workspace.db.read() as session:
            target = open_target(session, entity, item_id)
        if target is None:
            self.show_error("该记录已不存在，可能已被删除，请刷新后重试。")
        elif target.kind == "issue":
            self.open_reminder("issue", target.id, 0)
        elif target.kind == "project" and self.project_actions is not None:
            self.project_actions.open_project(target.id)
        elif target.kind == "decision" and self.meetings_panel is not None and target.meeting_id is not None:
            self.form.main_tabs.setCurrentWidget(self.form.meetings_tab)
            self.meetings_panel.select_decision(target.meeting_id, target.id)
        elif target.kind == "visit" and self.field_tabs is not None:
            self.form.main_tabs.setCurrentWidget(self.field_tabs.visits)
            self.field_tabs.visits.select_visit(target.id)

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, APP_NAME, message)

    # --- state ---------------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("main_window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        header = self.settings.value("issue_table/header")
        if isinstance(header, QByteArray):
            self.issue_panel.table.horizontalHeader().restoreState(header)
        grouping = self.settings.value("project_tree/grouping")
        index = self.form.grouping_combo.findData(grouping)
        if index >= 0:
            self.form.grouping_combo.setCurrentIndex(index)

    def save_state(self) -> None:
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue("main_window/state", self.saveState())
        self.settings.setValue("issue_table/header", self.issue_panel.table.horizontalHeader().saveState())
        self.settings.setValue("project_tree/grouping", self.form.grouping_combo.currentData())
        self.settings.sync()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.meetings_panel is not None:
            self.meetings_panel.flush_minutes()  # never lose typed minutes on close
        self.save_state()
        super().closeEvent(event)

    def _about(self) -> None:
        QMessageBox.about(self, f"关于{APP_NAME}",
                          f"{APP_NAME} {__version__}\n离线运行，数据保存在本机：\n{self.workspace.data_dir}")
