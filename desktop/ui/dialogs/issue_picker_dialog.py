"""Pick open issues for a meeting's agenda, filtered by project, the leader in charge, overdue, or text.

Each filter's candidates are read on the window's worker (`load(filter, fill, failed)`): the dialog stays usable
meanwhile, and only the answer to the filter asked last is shown (`loading` says one is on its way)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from desktop.services.issues.actions import is_overdue
from desktop.services.issues.rows import IssueRow
from desktop.services.meetings.agenda import CandidateFilter
from desktop.services.meetings.choices import MeetingChoices
from desktop.ui.forms.ui_issue_picker_dialog import Ui_IssuePickerDialog
from desktop.ui.widgets.fitting import fit_to_screen

COLUMNS = ("选择", "项目", "问题描述", "责任单位", "完成时限", "状态")
LoadCandidates = Callable[[CandidateFilter, Callable[[list[IssueRow]], None], Callable[[str], None]], None]


class IssuePickerDialog(QDialog):
    settled = Signal()  # the candidates of the filter asked last are shown (or why they could not be read)

    def __init__(self, choices: MeetingChoices, load: LoadCandidates, today: date, *,
                 already: set[int] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.form = Ui_IssuePickerDialog()
        self.form.setupUi(self)
        self._load = load
        self._today = today
        self._already = already or set()
        self._checked: set[int] = set()
        self._filling = False
        self._asked: CandidateFilter | None = None
        self.loading = False
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        f = self.form
        f.issue_view.setModel(self.model)
        f.issue_view.verticalHeader().hide()
        f.issue_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        f.issue_view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((44, 200, 380, 140, 96)):
            f.issue_view.setColumnWidth(column, width)
        f.project_combo.addItem("全部项目", None)
        for pid, label in choices.projects:
            f.project_combo.addItem(label, pid)
        f.leader_combo.addItem("全部包保领导", None)
        for lid, label in choices.leaders:
            f.leader_combo.addItem(label, lid)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        f = self.form
        self._debounce.timeout.connect(self.refresh)
        f.search_edit.textChanged.connect(self._debounce.start)
        f.project_combo.currentIndexChanged.connect(self.refresh)
        f.leader_combo.currentIndexChanged.connect(self.refresh)
        f.overdue_check.toggled.connect(self.refresh)
        f.check_all_button.clicked.connect(lambda: self._check_all(True))
        f.check_none_button.clicked.connect(lambda: self._check_all(False))
        self.model.itemChanged.connect(self._on_item_changed)
        f.button_box.accepted.connect(self.accept)
        f.button_box.rejected.connect(self.reject)

    def current_filter(self) -> CandidateFilter:
        f = self.form
        return CandidateFilter(project_id=f.project_combo.currentData(), leader_id=f.leader_combo.currentData(),
                               overdue_only=f.overdue_check.isChecked(), text=f.search_edit.text())

    def refresh(self) -> None:
        flt = self.current_filter()
        self._asked = flt
        self.loading = True
        self.form.count_label.setText("正在读取未办结问题……")
        self._load(flt, lambda rows: self._fill(flt, rows), lambda message: self._failed(flt, message))

    def _failed(self, flt: CandidateFilter, message: str) -> None:
        if flt != self._asked:
            return
        self.loading = False
        self.form.count_label.setText(f"无法读取问题：{message}")
        self.settled.emit()

    def _fill(self, flt: CandidateFilter, rows: list[IssueRow]) -> None:
        if flt != self._asked:
            return  # a later filter was asked for meanwhile: its own answer follows
        self.loading = False
        self._filling = True  # not blockSignals: the view must still hear about the new rows
        self.model.removeRows(0, self.model.rowCount())
        for row in rows:
            check = QStandardItem()
            check.setCheckable(True)
            check.setData(row.id, Qt.ItemDataRole.UserRole)
            on_agenda = row.id in self._already
            check.setCheckState(Qt.CheckState.Checked if row.id in self._checked or on_agenda
                                else Qt.CheckState.Unchecked)
            deadline = row.deadline.isoformat() if row.deadline else row.deadline_text
            items = [check] + [QStandardItem(v) for v in (row.project_name, row.description, row.unit, deadline,
                                                         "已列入议题" if on_agenda else row.status_label)]
            if on_agenda:
                for item in items:
                    item.setEnabled(False)
            if is_overdue(row.status, row.deadline, self._today):
                items[4].setForeground(Qt.GlobalColor.red)
            self.model.appendRow(items)
        self._filling = False
        self._update_count()
        self.settled.emit()

    def _on_item_changed(self, item: QStandardItem) -> None:
        if self._filling or item.column() != 0:
            return
        issue_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._checked.add(issue_id)
        else:
            self._checked.discard(issue_id)
        self._update_count()

    def _check_all(self, on: bool) -> None:
        for r in range(self.model.rowCount()):
            item = self.model.item(r, 0)
            if item.isEnabled():
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _update_count(self) -> None:
        self.form.count_label.setText(f"显示{self.model.rowCount()}个未办结问题，已选{len(self._checked)}个")
        ok = self.form.button_box.button(self.form.button_box.StandardButton.Ok)
        ok.setEnabled(bool(self._checked))

    def chosen_ids(self) -> list[int]:
        return sorted(self._checked)
