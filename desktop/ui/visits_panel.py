"""走访 tab: the visit log with its filter, a visit's details (issues found, photos), and the two entry points
a leader's office uses — 登记走访 and 登记发现的问题 (each problem becomes a linked issue with one click).

Every read and write is a service call run by `Ops` on its worker; a write announces the visit and the issues it
made, and the panel (like every part) re-reads from the broadcast — at once while shown, when next shown if not.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QInputDialog, QListWidgetItem, QWidget

from desktop.services import attachment_files, attachments, directory, visits
from desktop.services.issues.row import IssueRow
from desktop.services.issues.rows import load_issue_rows
from desktop.services.projects.tree import available_years
from desktop.services.scope import Period
from desktop.services.search import initials
from desktop.ui.dialogs.visit_dialog import VisitDialog
from desktop.ui.follow import Follow
from desktop.ui.forms.ui_visits_panel import Ui_VisitsPanel
from desktop.ui.investment_panel import fixed_rows
from desktop.ui.models.rows_table import RowsTableModel
from desktop.ui.ops import Change, Ops
from desktop.workspace import Workspace

Detail = tuple[visits.VisitRow, list[IssueRow], list]  # the visit, its issues, its photos


def _wants(change: Change) -> bool:
    """Visits, and issues (a visit's problem rows show their status)."""
    return "visits" in change.records or bool(change.issues)


class VisitsPanel(QWidget):
    def __init__(self, ops: Ops, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = today
        self._queued = False  # a reload waits on the worker: a second request is the same read
        self._select_after: int | None = None  # a visit to make current when the rows arrive
        self.form = Ui_VisitsPanel()
        self.form.setupUi(self)
        f = self.form
        self._rows: list[visits.VisitRow] = []
        self._keys: list[str] = []
        self.model = RowsTableModel(("日期", "包保领导", "走访对象", "问题", "照片", "走访内容", "陪同人员"), self,
                                    numeric=(3, 4))
        f.visit_table.setModel(self.model)
        fixed_rows(f.visit_table)
        for column, width in enumerate((92, 70, 230, 44, 44, 330, 160)):
            f.visit_table.setColumnWidth(column, width)
        self.issue_model = RowsTableModel(("问题描述", "责任单位", "状态"), self)
        f.issue_table.setModel(self.issue_model)
        fixed_rows(f.issue_table)
        f.issue_table.setColumnWidth(0, 260)
        f.photo_list.setIconSize(QSize(120, 90))
        f.main_splitter.setStretchFactor(0, 3)
        f.main_splitter.setStretchFactor(1, 2)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._connect_signals()
        self.follow = Follow(self, ops, self.reload, _wants)

    def _connect_signals(self) -> None:
        f = self.form
        f.year_combo.currentIndexChanged.connect(self.reload_rows)
        f.leader_combo.currentIndexChanged.connect(self.reload_rows)
        f.search_edit.textChanged.connect(self._debounce.start)
        self._debounce.timeout.connect(self.apply_filter)
        f.new_button.clicked.connect(self.new_visit)
        f.to_issue_button.clicked.connect(self.add_issue_to_current)
        f.visit_table.selectionModel().currentRowChanged.connect(self._show_current)

    def reload(self) -> None:
        if self._queued:
            return
        self._queued = True

        def read(workspace: Workspace) -> tuple[list[int], list[tuple[int, str]]]:
            self._queued = False  # a change from now on needs a read of its own
            with workspace.db.read() as session:
                return available_years(session) or [self.today.year], directory.leaders(session)

        self.ops.run(read, self._fill_choices)

    def _fill_choices(self, choices: tuple[list[int], list[tuple[int, str]]]) -> None:
        f = self.form
        years, leaders = choices
        for combo, items in ((f.year_combo, [(y, f"{y}年") for y in years]),
                             (f.leader_combo, [(None, "全部领导"), *[(i, n) for i, n in leaders]])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for value, label in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
            combo.blockSignals(False)
        self.reload_rows()

    def reload_rows(self) -> None:
        year = self.form.year_combo.currentData() or self.today.year
        leader_id = self.form.leader_combo.currentData()

        def read(workspace: Workspace) -> list[visits.VisitRow]:
            with workspace.db.read() as session:
                return visits.load_visits(session, Period.year(year), leader_id=leader_id)

        self.ops.run(read, self._show_rows)

    def _show_rows(self, rows: list[visits.VisitRow]) -> None:
        self._rows = rows
        self._keys = [f"{r.target}\x1f{initials(r.target)}\x1f{r.content}\x1f{r.leader}\x1f{initials(r.leader)}"
                      .lower() for r in self._rows]
        self.apply_filter()

    def apply_filter(self) -> None:
        needle = self.form.search_edit.text().strip().lower()
        shown = [r for r, k in zip(self._rows, self._keys, strict=True) if needle in k]
        keep, self._select_after = self._select_after or self.current_visit_id(), None
        self.model.set_rows([(r.visited_on.isoformat(), r.leader, r.target, r.issues or "", r.photos or "",
                              r.content, r.companions) for r in shown], [r.id for r in shown])
        self.form.count_label.setText(f"共{len(shown)}次包保活动")
        if keep is not None:
            self.select_visit(keep)  # the visit looked at stays current across a re-read
        if shown and self.current_visit_id() is None:
            self.form.visit_table.selectRow(0)
        self._show_current()

    def current_visit_id(self) -> int | None:
        index = self.form.visit_table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_visit(self, visit_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.id_at(row) == visit_id:
                self.form.visit_table.selectRow(row)
                return

    def _show_current(self, *_args: object) -> None:
        visit_id = self.current_visit_id()
        self.form.photo_list.clear()
        if visit_id is None:
            self.form.detail_label.setText("选择一次走访查看详情")
            self.issue_model.set_rows([])
            return

        def read(workspace: Workspace) -> Detail | None:
            with workspace.db.read() as session:
                found = visits.load_visits(session, ids=[visit_id])
                if not found:
                    return None  # deleted meanwhile: the re-read that follows shows the list without it
                return (found[0], load_issue_rows(session, visits.issue_ids_of(session, visit_id)),
                        attachments.attachments_of(session, visits.OWNER, visit_id))

        self.ops.run(read, lambda detail: self._show_detail(visit_id, detail))

    def _show_detail(self, visit_id: int, detail: Detail | None) -> None:
        if detail is None or visit_id != self.current_visit_id():
            return  # another visit was chosen while this one was read: its own answer follows
        row, issue_rows, photos = detail
        self.form.photo_list.clear()
        self.form.detail_label.setText(
            f"<b>{row.visited_on.isoformat()} {row.leader}</b> 走访 <b>{row.target}</b><br>"
            f"陪同：{row.companions or '—'}<br>{row.content}")
        self.issue_model.set_rows([(r.description, r.unit, r.status_label) for r in issue_rows],
                                  [r.id for r in issue_rows])
        for photo in photos:
            pixmap = QPixmap(str(attachment_files.stored_path(self.ops.attachments_dir, photo.sha256)))
            item = QListWidgetItem(QIcon(pixmap.scaled(120, 90, Qt.AspectRatioMode.KeepAspectRatio)), photo.filename)
            self.form.photo_list.addItem(item)

    # --- actions -------------------------------------------------------------------------------------------
    def open_new_visit_dialog(self) -> VisitDialog:
        # Ops answers what the dialog asks of a workspace (db, attachments_dir) from the one held now.
        return VisitDialog(self.ops, self.today, self, leader_id=self.form.leader_combo.currentData())

    def new_visit(self) -> None:
        dialog = self.open_new_visit_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.visit_id is not None:
            self.visit_saved(dialog.visit_id)

    def visit_saved(self, visit_id: int) -> None:
        """The dialog wrote a visit (and an issue per problem found): announce both; the re-read shows it."""

        def read(workspace: Workspace) -> list[int]:
            with workspace.db.read() as session:
                return visits.issue_ids_of(session, visit_id)

        self._select_after = visit_id
        self.ops.run(read, lambda ids: self.ops.notify(Change.of_records("visits", issues=ids)))

    def add_issue_to_current(self) -> None:
        visit_id = self.current_visit_id()
        if visit_id is None:
            self.form.count_label.setText("请先选择一次走访")
            return
        text, ok = QInputDialog.getMultiLineText(self, "登记发现的问题", "问题描述（每行一个问题）：")
        if ok:
            self.add_issues(visit_id, text)

    def add_issues(self, visit_id: int, text: str) -> None:
        """Each non-empty line becomes an issue of the visited project/enterprise, linked to the visit."""
        lines = [line for line in text.splitlines() if line.strip()]

        def write(workspace: Workspace) -> list[int]:
            with workspace.db.transaction() as session:
                return [visits.issue_from_visit(session, visit_id, line).id for line in lines]

        def done(ids: list[int]) -> None:
            self._select_after = visit_id
            self.ops.notify(Change.of_records("visits", issues=ids))

        self.ops.run(write, done, self.form.count_label.setText)
