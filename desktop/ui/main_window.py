"""The main window: project tree (left dock), issue table and meetings (central tabs), status bar.

It owns the workspace handle and reloads views through services; it never builds SQL itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QProgressBar, QWidget

from desktop import APP_NAME, __version__
from desktop.services import office_settings
from desktop.services.issue_rows import IssueRow, load_issue_rows
from desktop.services.meeting_rows import DecisionRow, MeetingRow, load_meetings
from desktop.services.project_tree import GROUPINGS, ProjectNode, available_years, load_project_nodes
from desktop.ui.background import run_in_background
from desktop.ui.forms.ui_main_window import Ui_MainWindow
from desktop.ui.issue_panel import IssuePanel
from desktop.ui.meetings_panel import MeetingsPanel
from desktop.ui.models.project_tree import GROUP_ROLE, PROJECT_ID_ROLE, build_tree
from desktop.workspace import Workspace

FIRST_PAGE = 200  # issues shown before the full load at start-up: more than one screen


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

    def __init__(self, workspace: Workspace, *, today: date | None = None, settings: QSettings | None = None,
                 parent: QWidget | None = None, load_in_background: bool = False) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today or date.today()
        self.settings = settings or QSettings()
        self.form = Ui_MainWindow()
        self.form.setupUi(self)
        self.setWindowTitle(APP_NAME)
        self._nodes: list[ProjectNode] = []

        self.issue_panel = IssuePanel(self, today=self.today)
        self.form.issues_layout.addWidget(self.issue_panel)
        self.meetings_panel = MeetingsPanel(self)
        self.form.meetings_layout.addWidget(self.meetings_panel)
        for key, label in GROUPINGS.items():
            self.form.grouping_combo.addItem(label, key)
        self.data_label = QLabel(self)
        self.form.status_bar.addPermanentWidget(self.data_label)
        self.resizeDocks([self.form.project_dock], [320], Qt.Orientation.Horizontal)

        self._busy = QProgressBar(self)
        self._busy.setRange(0, 0)  # indeterminate: the row count is not known before the query returns
        self._busy.setMaximumWidth(160)
        self._busy.hide()
        self.form.status_bar.addPermanentWidget(self._busy)
        self._loader: object | None = None

        self._connect_signals()
        self._restore_state()
        if load_in_background:
            self.reload_in_background()
        else:
            self.reload()

    def _connect_signals(self) -> None:
        f = self.form
        f.quit_action.triggered.connect(self.close)
        f.refresh_action.triggered.connect(self.reload)
        f.about_action.triggered.connect(self._about)
        f.grouping_combo.currentIndexChanged.connect(self._rebuild_tree)
        f.year_combo.currentIndexChanged.connect(self._reload_tree)
        f.project_search_edit.textChanged.connect(self._rebuild_tree)

    # --- loading -------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Load everything now, on the GUI thread (the 刷新 action, tests, small databases)."""
        with self.workspace.db.read() as session:
            loaded = self._fetch(session, self.form.year_combo.currentData())
        self._apply(loaded)

    def reload_in_background(self) -> None:
        """Start-up on a big database: the window is already shown; the data arrives from worker threads.

        Two steps, so a city office (100k issues, ~2 s to load) sees its projects and newest issues at once:
        first the tree and one screen of the newest issues (without pinyin keys, which need a 0.3 s dictionary
        load), then every issue and the meetings. `first_data_shown` and `data_loaded` mark the two steps.
        """
        self.statusBar().showMessage("正在载入数据……")
        self._busy.show()
        year = self.form.year_combo.currentData()
        self._loader = run_in_background(lambda: self._fetch_in_thread(year, FIRST_PAGE), self._on_first_page,
                                         self._on_load_failed)

    def _fetch_in_thread(self, year: int | None, first_page: int | None = None) -> _Loaded:
        with self.workspace.db.read() as session:
            return self._fetch(session, year, first_page)

    def _fetch(self, session, year: int | None, first_page: int | None = None) -> _Loaded:  # type: ignore[no-untyped-def]
        """What the window shows, read through services only; no Qt object is touched here (worker-safe).

        With `first_page`, only that many of the newest issues and no meetings (the first step of a start-up).
        """
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
        with self.workspace.db.read() as session:
            return load_issue_rows(session), *load_meetings(session)

    def _on_first_page(self, loaded: _Loaded) -> None:
        self._apply(loaded)
        self.first_data_shown.emit()
        self._loader = run_in_background(self._fetch_rest, self._on_rest, self._on_load_failed)

    def _on_rest(self, rest: tuple[list[IssueRow], list[MeetingRow], dict[int, list[DecisionRow]]]) -> None:
        rows, meetings, decisions = rest
        self._busy.hide()
        self.issue_panel.set_rows(rows)
        self.meetings_panel.set_data(meetings, decisions)
        self._loaded_message(len(rows), len(meetings))
        self.data_loaded.emit()

    def _loaded_message(self, issues: int, meetings: int) -> None:
        self.statusBar().showMessage(f"已载入 {issues} 个问题、{meetings} 次会议", 5000)

    def _on_load_failed(self, message: str) -> None:
        self._busy.hide()
        self.statusBar().showMessage("载入数据失败")
        QMessageBox.critical(self, APP_NAME, f"载入数据失败：{message}")

    def _apply(self, loaded: _Loaded) -> None:
        self.issue_panel.model.due_soon_days = loaded.due_soon_days
        combo = self.form.year_combo
        combo.blockSignals(True)
        combo.clear()
        for year in loaded.years:
            combo.addItem(f"{year}年", year)
        combo.setCurrentIndex(max(0, combo.findData(loaded.tree_year)))
        combo.blockSignals(False)
        self.issue_panel.set_rows(loaded.rows, complete=loaded.complete)
        self.meetings_panel.set_data(loaded.meetings, loaded.decisions)
        self._nodes = loaded.nodes
        self._rebuild_tree()
        where = self.workspace.database_file or self.workspace.db.url
        self.data_label.setText(f"数据：{where}")
        if loaded.complete:
            self._busy.hide()
            self._loaded_message(len(loaded.rows), len(loaded.meetings))
            self.data_loaded.emit()
        else:
            self.statusBar().showMessage(f"已显示最新 {len(loaded.rows)} 个问题，正在载入其余数据……")

    def _reload_tree(self) -> None:
        year = self.form.year_combo.currentData() or self.today.year
        with self.workspace.db.read() as session:
            self._nodes = load_project_nodes(session, year, self.today, office_settings.thresholds(session))
        self._rebuild_tree()

    def _rebuild_tree(self) -> None:
        grouping = self.form.grouping_combo.currentData() or "category"
        model = build_tree(self._nodes, grouping, self.form.project_search_edit.text())
        view = self.form.project_tree_view
        old = view.model()
        view.setModel(model)
        if old is not None:
            old.deleteLater()
        view.selectionModel().currentChanged.connect(self._on_tree_current)
        if self.form.project_search_edit.text().strip():
            view.expandAll()

    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        project_id = current.data(PROJECT_ID_ROLE)
        group = current.data(GROUP_ROLE)
        if project_id is not None:
            self.issue_panel.set_scope(lambda r, pid=project_id: r.project_id == pid, current.data() or "")
        elif group == "*" or group is None:
            self.issue_panel.set_scope(None, "全部项目")
        else:
            grouping = self.form.grouping_combo.currentData()
            ids = {n.id for n in self._nodes if group in n.group_keys(grouping)}
            self.issue_panel.set_scope(lambda r, ids=ids: r.project_id in ids, str(group))

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

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue("main_window/state", self.saveState())
        self.settings.setValue("issue_table/header", self.issue_panel.table.horizontalHeader().saveState())
        self.settings.sync()
        super().closeEvent(event)

    def _about(self) -> None:
        QMessageBox.about(self, f"关于{APP_NAME}",
                          f"{APP_NAME} {__version__}\n离线运行，数据保存在本机：\n{self.workspace.data_dir}")
