"""The main window: project tree (left dock), issue table and meetings (central tabs), status bar.

It owns the workspace handle and reloads views through services; it never builds SQL itself.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from desktop import APP_NAME, __version__
from desktop.services import office_settings
from desktop.services.issue_rows import load_issue_rows
from desktop.services.meeting_rows import load_meetings
from desktop.services.project_tree import GROUPINGS, ProjectNode, available_years, load_project_nodes
from desktop.ui import import_menu
from desktop.ui.forms.ui_main_window import Ui_MainWindow
from desktop.ui.issue_panel import IssuePanel
from desktop.ui.meetings_panel import MeetingsPanel
from desktop.ui.models.project_tree import GROUP_ROLE, PROJECT_ID_ROLE, build_tree
from desktop.workspace import Workspace


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, *, today: date | None = None, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
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

        self._connect_signals()
        self.import_actions = import_menu.install(self)  # 文件 → 导入台账 / 导入记录 (feature module)
        self._restore_state()
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
        with self.workspace.db.read() as session:
            years = available_years(session) or [self.today.year]
            rows = load_issue_rows(session)
            meetings, decisions = load_meetings(session)
            self.issue_panel.model.due_soon_days = int(office_settings.get(session, "due_soon_days"))
        combo = self.form.year_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for year in years:
            combo.addItem(f"{year}年", year)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        combo.blockSignals(False)
        self.issue_panel.set_rows(rows)
        self.meetings_panel.set_data(meetings, decisions)
        self._reload_tree()
        where = self.workspace.database_file or self.workspace.db.url
        self.data_label.setText(f"数据：{where}")
        self.statusBar().showMessage(f"已载入 {len(rows)} 个问题、{len(meetings)} 次会议", 5000)

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
