"""助企 tab: the enterprise directory (fast at 20,000+), add/edit, and each enterprise's 诉求 with their status.

Reads and writes are service calls run by `Ops` on its worker; a write announces the enterprise and the issue
(诉求) it made, and the panel re-reads from the broadcast like every other part.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QInputDialog, QWidget

from desktop.services import enterprises
from desktop.services.issues.row import IssueRow
from desktop.ui.dialogs.enterprise_dialog import EnterpriseDialog
from desktop.ui.follow import Follow
from desktop.ui.forms.ui_enterprise_panel import Ui_EnterprisePanel
from desktop.ui.investment_panel import fixed_rows
from desktop.ui.models.enterprise_table import COLUMNS, EnterpriseTableModel
from desktop.ui.models.rows_table import RowsTableModel
from desktop.ui.ops import Change, Ops
from desktop.workspace import Workspace

DEBOUNCE_MS = 150


def _wants(change: Change) -> bool:
    """Enterprises, and issues (the 诉求 shown are issues; the open-issue filter counts them)."""
    return "enterprises" in change.records or bool(change.issues)


class EnterprisePanel(QWidget):
    def __init__(self, ops: Ops, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = today
        self._queued = False  # a reload waits on the worker: a second request is the same read
        self._select_after: int | None = None  # an enterprise to make current when the rows arrive
        self.form = Ui_EnterprisePanel()
        self.form.setupUi(self)
        f = self.form
        self.model = EnterpriseTableModel(self)
        f.enterprise_table.setModel(self.model)
        fixed_rows(f.enterprise_table, 24)
        for column, (_key, _label, width) in enumerate(COLUMNS):
            f.enterprise_table.setColumnWidth(column, width)
        self.issue_model = RowsTableModel(("诉求", "责任单位", "完成时限", "状态", "最新进展", "提出日期"), self)
        f.issue_table.setModel(self.issue_model)
        fixed_rows(f.issue_table)
        f.issue_table.setColumnWidth(0, 320)
        f.size_combo.addItem("全部企业", "")
        for flag in enterprises.SIZE_FLAGS:
            f.size_combo.addItem(flag, flag)
        f.main_splitter.setSizes([520, 180])
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._connect_signals()
        self.follow = Follow(self, ops, self.reload, _wants)

    def _connect_signals(self) -> None:
        f = self.form
        f.search_edit.textChanged.connect(self._debounce.start)
        self._debounce.timeout.connect(self.apply_filter)
        f.size_combo.currentIndexChanged.connect(self.apply_filter)
        f.open_issues_check.toggled.connect(self.apply_filter)
        f.new_button.clicked.connect(self.new_enterprise)
        f.edit_button.clicked.connect(self.edit_current)
        f.enterprise_table.doubleClicked.connect(self.edit_current)
        f.demand_button.clicked.connect(self.raise_demand)
        self.model.modelReset.connect(self._update_count)
        f.enterprise_table.selectionModel().currentRowChanged.connect(self._show_issues)

    def reload(self) -> None:
        if self._queued:
            return
        self._queued = True

        def read(workspace: Workspace) -> list[enterprises.EnterpriseRow]:
            self._queued = False  # a change from now on needs a read of its own
            with workspace.db.read() as session:
                return enterprises.load_enterprise_rows(session)

        self.ops.run(read, self._show_rows)

    def _show_rows(self, rows: list[enterprises.EnterpriseRow]) -> None:
        keep, self._select_after = self._select_after or self.current_id(), None
        self.model.set_rows(rows)
        if keep is not None:
            self.select_id(keep)  # the enterprise looked at stays current across a re-read

    def apply_filter(self) -> None:
        f = self.form
        self.model.set_filter(f.search_edit.text(), f.size_combo.currentData() or "", f.open_issues_check.isChecked())

    def _update_count(self) -> None:
        self.form.count_label.setText(f"显示 {self.model.rowCount()} / {self.model.total_count()} 家")
        self._show_issues()

    def current_id(self) -> int | None:
        index = self.form.enterprise_table.currentIndex()
        return self.model.row_at(index.row()).id if index.isValid() else None

    def select_id(self, enterprise_id: int) -> None:
        for row, item in enumerate(self.model.visible_rows()):
            if item.id == enterprise_id:
                self.form.enterprise_table.selectRow(row)
                return

    def _show_issues(self, *_args: object) -> None:
        enterprise_id = self.current_id()
        if enterprise_id is None:
            self.issue_model.set_rows([])
            self.form.issues_title_label.setText("企业诉求")
            return

        def read(workspace: Workspace) -> list[IssueRow]:
            with workspace.db.read() as session:
                return enterprises.issues_of(session, enterprise_id)

        self.ops.run(read, lambda rows: self._show_demands(enterprise_id, rows))

    def _show_demands(self, enterprise_id: int, rows: list[IssueRow]) -> None:
        if enterprise_id != self.current_id():
            return  # another enterprise was chosen meanwhile: its own answer follows
        name = self.model.row_at(self.form.enterprise_table.currentIndex().row()).name
        self.form.issues_title_label.setText(f"{name} 的诉求（{len(rows)}条）")
        self.issue_model.set_rows([(r.description, r.unit, r.deadline.isoformat() if r.deadline else r.deadline_text,
                                    r.status_label, r.latest_progress, r.found_on.isoformat() if r.found_on else "未填") for r in rows],
                                  [r.id for r in rows])

    def _saved(self, enterprise_id: int, issue_ids: tuple[int, ...] = ()) -> None:
        """Announce a written enterprise (and a 诉求 raised): the broadcast's re-read shows it, made current."""
        self._select_after = enterprise_id
        self.ops.notify(Change.of_records("enterprises", issues=issue_ids))

    # --- actions -------------------------------------------------------------------------------------------
    def open_dialog(self, enterprise_id: int | None = None) -> EnterpriseDialog:
        # Ops answers what the dialog asks of a workspace (db) from the one held now.
        return EnterpriseDialog(self.ops, self, enterprise_id=enterprise_id)

    def new_enterprise(self) -> None:
        dialog = self.open_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.enterprise_id:
            self._saved(dialog.enterprise_id)

    def edit_current(self, *_args: object) -> None:
        enterprise_id = self.current_id()
        if enterprise_id is None:
            return
        dialog = self.open_dialog(enterprise_id)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._saved(enterprise_id)

    def raise_demand(self) -> None:
        enterprise_id = self.current_id()
        if enterprise_id is None:
            self.form.count_label.setText("请先选择企业")
            return
        text, ok = QInputDialog.getMultiLineText(self, "登记企业诉求", "诉求内容：")
        if ok:
            self.add_demand(enterprise_id, text)

    def add_demand(self, enterprise_id: int, text: str) -> None:
        def write(workspace: Workspace) -> int:
            with workspace.db.transaction() as session:
                return enterprises.raise_demand(session, enterprise_id, text, self.today).id

        self.ops.run(write, lambda issue_id: self._saved(enterprise_id, (issue_id,)), self.form.count_label.setText)
