"""Meetings with their decided items and completion rates (read view; editing comes with the meetings module)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.figures import Rate
from desktop.services.meeting_rows import DecisionRow, MeetingRow

MEETING_COLUMNS = ("会议", "时间", "地点", "主持", "议定事项", "已完成", "办结率")
DECISION_COLUMNS = ("序号", "议定事项", "责任单位", "责任人", "完成时限", "状态", "最新进展")


class MeetingsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting_model = QStandardItemModel(0, len(MEETING_COLUMNS), self)
        self.meeting_model.setHorizontalHeaderLabels(list(MEETING_COLUMNS))
        self.decision_model = QStandardItemModel(0, len(DECISION_COLUMNS), self)
        self.decision_model.setHorizontalHeaderLabels(list(DECISION_COLUMNS))
        self.meeting_view = self._table(self.meeting_model)
        self.decision_view = self._table(self.decision_model)
        self.summary_label = QLabel(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.meeting_view)
        splitter.addWidget(self.decision_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter)
        self._decisions: dict[int, list[DecisionRow]] = {}
        self.meeting_view.selectionModel().currentRowChanged.connect(self._show_decisions)
        for column, width in enumerate((220, 130, 140, 120, 70, 60, 70)):
            self.meeting_view.setColumnWidth(column, width)
        for column, width in enumerate((48, 420, 150, 80, 96, 80)):
            self.decision_view.setColumnWidth(column, width)

    def _table(self, model: QStandardItemModel) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(26)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def set_data(self, meetings: list[MeetingRow], decisions: dict[int, list[DecisionRow]]) -> None:
        self._decisions = decisions
        self.meeting_model.removeRows(0, self.meeting_model.rowCount())
        total = done = 0
        for m in meetings:
            items = [QStandardItem(str(v)) for v in (m.label, m.held_at.strftime("%Y-%m-%d %H:%M"), m.place,
                                                      m.chair, m.decided, m.done, m.rate.text)]
            items[0].setData(m.id, Qt.ItemDataRole.UserRole)
            self.meeting_model.appendRow(items)
            total += m.decided
            done += m.done
        self.summary_label.setText(f"共{len(meetings)}次会议，议定事项{total}项，已完成{done}项，办结率{Rate(done, total).text}")
        if meetings:
            self.meeting_view.selectRow(0)

    def _show_decisions(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        self.decision_model.removeRows(0, self.decision_model.rowCount())
        if not current.isValid():
            return
        meeting_id = self.meeting_model.item(current.row(), 0).data(Qt.ItemDataRole.UserRole)
        for d in self._decisions.get(meeting_id, []):
            self.decision_model.appendRow([QStandardItem(str(v)) for v in (
                d.seq, d.text, d.unit, d.person, d.deadline.isoformat() if d.deadline else d.deadline_text,
                d.status_label, d.latest_progress)])
