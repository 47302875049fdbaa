"""待办提醒 panel: the units' pending requests (待确认办结, 申请延期, 需上级协调: one click to decide them), then overdue
and due-soon issues and decided items; double-click (or Enter) opens the item."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QWidget

from desktop.ui.forms.ui_reminder_panel import Ui_ReminderPanel
from desktop.ui.models.issue_table import DUE_SOON_BG, OVERDUE_BG

if TYPE_CHECKING:  # the panel is built before the services are imported (start-up first screen)
    from desktop.services.reminders import Reminder

Index = QModelIndex | QPersistentModelIndex
REQUEST_BG = QColor("#e8f0fb")
_COLUMNS = ("期限", "类型", "事项", "项目/会议", "责任单位", "督办阶梯")


class Reminders:
    """The reminders with the figures of the panel's summary line, counted where the list is read (the worker:
    ~37k reminders at city size), so showing them costs the GUI thread a model reset only."""

    def __init__(self, items: list[Reminder]) -> None:
        self.items = items
        overdue = [i.kind for i in items if i.days_left < 0 and i.request_id is None]
        self.overdue = len(overdue)
        self.issues_overdue = overdue.count("issue")
        self.soon = len(items) - self.overdue
        self.steps = sum(1 for i in items if i.step and i.request_id is None)  # 督办 ladder steps due today
        self.requests = sum(1 for i in items if i.request_id is not None)
        # issues whose unit reported 已办结 awaiting confirmation, and issues with any pending request: the issue
        # table's 待确认办结 mark and filters (read with the reminders, in the same pass)
        self.awaiting = frozenset(i.id for i in items if i.kind == "issue" and i.request_kind == "done")
        self.requested = frozenset(i.id for i in items if i.kind == "issue" and i.request_id is not None)


class ReminderModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[Reminder] = []

    def set_items(self, items: list[Reminder]) -> None:
        self.beginResetModel()
        self.items = items  # the caller's list, never changed after (a copy is 37k pointers per edit)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.when_text, item.kind_label, item.text, item.where, item.unit, item.step)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            deadline = item.deadline.isoformat() if item.deadline else "未定"
            return f"{item.text}\n{item.where}｜{item.unit}\n完成时限：{deadline}（{item.when_text}）\n{item.step}"
        if role == Qt.ItemDataRole.BackgroundRole:
            if item.request_id is not None:
                return QBrush(REQUEST_BG)
            return QBrush(OVERDUE_BG if item.overdue else DUE_SOON_BG)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0 and item.overdue:
            return QBrush(QColor("#b3261e"))
        return None


class ReminderPanel(QWidget):
    activated = Signal(str, int, int)  # kind, id, meeting id (0 for issues)
    supervise = Signal(str, int)  # the ladder's instrument (reminder / notice / urge) for a unit id
    escalate = Signal(int, str)  # the ladder's 流转 for an issue id, with the ladder's reason
    decide_request = Signal(int)  # a unit's pending request, to decide in 反馈 → 单位申请
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_ReminderPanel()
        self.form.setupUi(self)
        self.model = ReminderModel(self)
        view = self.form.reminder_table_view
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(24)
        view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((76, 60, 220, 150, 110)):
            view.setColumnWidth(column, width)
        self.form.supervise_button.setEnabled(False)
        self._connect_signals()

    def _connect_signals(self) -> None:
        # activated = double-click or Enter, whatever the platform's convention is
        self.form.reminder_table_view.activated.connect(self._on_activated)
        self.form.reminder_table_view.selectionModel().currentRowChanged.connect(self._on_current)
        self.form.supervise_button.clicked.connect(self._on_supervise)

    def current(self) -> Reminder | None:
        index = self.form.reminder_table_view.currentIndex()
        return self.model.items[index.row()] if index.isValid() and index.row() < len(self.model.items) else None

    def _on_current(self) -> None:
        """The ladder's step for the selected item, one click away: the instrument's dialog for the item's unit,
        or the item's 流转 dialog with the ladder's reason filled in (the clerk still confirms either)."""
        item = self.current()
        button = self.form.supervise_button
        if item is None or not item.step_action:
            button.setEnabled(False)
            button.setText("按督办阶梯签发…")
        elif item.step_action == "request":
            button.setEnabled(True)
            button.setText("确认办结或退回…" if item.request_kind == "done" else "处理单位申请…")
        elif item.step_action == "escalate":
            button.setEnabled(item.kind == "issue")
            button.setText(f"流转：{item.step.split('：')[-1]}…")
        elif item.unit_id is None:
            button.setEnabled(False)
            button.setText(f"{item.step}（未交办，无责任单位）")
        else:
            button.setEnabled(True)
            button.setText(f"签发{item.step.split('：')[-1]}…")

    def _on_supervise(self) -> None:
        item = self.current()
        if item is None or not item.step_action:
            return
        if item.step_action == "request" and item.request_id is not None:
            self.decide_request.emit(item.request_id)
        elif item.step_action == "escalate":
            if item.kind == "issue":
                self.escalate.emit(item.id, f"按督办阶梯，{item.step}。")
        elif item.unit_id is not None:
            self.supervise.emit(item.step_action, item.unit_id)

    def set_items(self, reminders: Reminders | list[Reminder], days: int) -> None:
        if not isinstance(reminders, Reminders):
            reminders = Reminders(reminders)
        self.model.set_items(reminders.items)
        self._on_current()
        r = reminders
        self.form.summary_label.setText(
            f"<b style='color:#b3261e'>已超期 {r.overdue} 项</b>（问题{r.issues_overdue}、议定事项"
            f"{r.overdue - r.issues_overdue}），<b style='color:#9a6b00'>{days}日内到期 {r.soon} 项</b>。"
            + (f"按督办阶梯今天应处理 {r.steps} 项。" if r.steps else "")
            + (f"<b style='color:#1f3b66'>单位申请待处理 {r.requests} 项</b>（含待确认办结 {len(r.awaiting)} 项）。"
               if r.requests else ""))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            item = self.model.items[index.row()]
            self.activated.emit(item.kind, item.id, item.meeting_id or 0)
