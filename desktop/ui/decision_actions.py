"""The decided-items tab: the table with its completion rate, and the life-cycle actions on one item.

Decided items are tracked exactly like issues (services/tracking.py); which buttons are enabled comes from the
same rule table the services enforce, and a refused step shows the service's own reason. Reads and writes go
through the panel's `read` / `write` (the `Ops` worker); a dialog that needs data is opened by the callback of the
read that brings it, and its OK's write runs on the worker too (`FormDialog.wait_for`). A write announces
`Change(decisions=True)` and the re-read it brings selects the item acted on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QListWidgetItem, QMessageBox

from desktop.db.enums import IssueStatus
from desktop.services import directory, office_settings
from desktop.services.issues.actions import is_overdue
from desktop.services.lifecycle import Action, refusal
from desktop.services.meetings import actions as meetings
from desktop.services.meetings import agenda
from desktop.services.meetings.actions import DecisionInput
from desktop.services.meetings.choices import MeetingChoices
from desktop.services.meetings.detail import DecisionDetail, load_decision, meeting_choices
from desktop.services.table_labels import note_kind_label
from desktop.ui.dialogs.decision_dialog import DecisionDialog
from desktop.ui.dialogs.issue_dialogs import CloseDialog, issue_caption
from desktop.ui.dialogs.meeting_chooser import MeetingChooserDialog
from desktop.ui.ops import Change
from desktop.ui.widgets.table_setup import configure_table

if TYPE_CHECKING:
    from desktop.ui.meetings_panel import MeetingsPanel
    from desktop.workspace import Workspace

DECIDED = Change(decisions=True)

DECISION_COLUMNS = ("序号", "议定事项", "责任单位", "责任人", "完成时限", "状态", "最新进展")
ID_ROLE = Qt.ItemDataRole.UserRole
OVERDUE_BACKGROUND = "#fde2e1"


class DecisionTracker:
    """Owns the decided-items table and buttons of a MeetingsPanel (composition keeps the panel small)."""

    def __init__(self, panel: MeetingsPanel) -> None:
        self.panel = panel
        self._select_after: int | None = None  # the item to select once the re-read after a write is shown
        f = panel.form
        self.model = QStandardItemModel(0, len(DECISION_COLUMNS), panel)
        self.model.setHorizontalHeaderLabels(list(DECISION_COLUMNS))
        f.decision_view.setModel(self.model)
        configure_table(f.decision_view, (44, 380, 140, 70, 100, 80))
        self._buttons = {
            Action.PROGRESS: f.progress_button, Action.PHASE: f.phase_button, Action.RESOLVE: f.resolve_button,
            Action.CLOSE: f.close_button, Action.REOPEN: f.reopen_button,
        }
        self._connect_signals()

    def _connect_signals(self) -> None:
        f = self.panel.form
        f.decision_view.selectionModel().currentRowChanged.connect(lambda *_: self._on_selection())
        f.decision_view.doubleClicked.connect(lambda *_: self.edit_decision())
        f.open_only_check.toggled.connect(lambda *_: self.fill())
        f.add_decision_button.clicked.connect(lambda: self.add_decision())
        f.edit_decision_button.clicked.connect(lambda: self.edit_decision())
        f.delete_decision_button.clicked.connect(self.delete_decision)
        f.carry_button.clicked.connect(lambda: self.carry())
        for action, button in self._buttons.items():
            button.clicked.connect(lambda _=False, a=action: self.run(a))

    # --- table --------------------------------------------------------------------------------------------
    def fill(self) -> None:
        f = self.panel.form
        m = self.panel.current
        keep = self.selected_id()  # a re-read keeps the item looked at selected
        self.model.removeRows(0, self.model.rowCount())
        f.side_decision_list.clear()
        if m is None:
            f.rate_label.setText("")
            self._on_selection()
            return
        today = self.panel.today
        open_only = f.open_only_check.isChecked()
        for d in m.decisions:
            side = QListWidgetItem(f"{d.seq}. {d.text}（{d.unit}）", f.side_decision_list)
            side.setData(ID_ROLE, d.id)
            if open_only and IssueStatus(d.status).is_done:
                continue
            deadline = d.deadline.isoformat() if d.deadline else d.deadline_text
            items = [QStandardItem(str(v)) for v in (d.seq, d.text, d.unit, d.person, deadline, d.status_label,
                                                      d.latest_progress)]
            items[0].setData(d.id, ID_ROLE)
            items[1].setToolTip(d.text)
            if is_overdue(d.status, d.deadline, today):
                for item in items:
                    item.setBackground(QColor(OVERDUE_BACKGROUND))
                items[5].setText(f"{d.status_label}（超期）")
            elif IssueStatus(d.status).is_done:
                for item in items:
                    item.setForeground(Qt.GlobalColor.gray)
            self.model.appendRow(items)
        open_items = m.open_decisions()
        overdue = m.overdue_decisions(today)
        tail = f"；未完成{len(open_items)}项" + (f"，其中超期{len(overdue)}项" if overdue else "") if open_items else ""
        f.rate_label.setText(m.rate_text() + tail)
        f.detail_tabs.setTabText(2, f"议定事项（{m.rate.numerator}/{m.rate.denominator}）")
        chosen, self._select_after = self._select_after or keep, None
        if chosen is not None:
            self.select(chosen)
        self._on_selection()

    def selected_id(self) -> int | None:
        index = self.panel.form.decision_view.currentIndex()
        return self.model.item(index.row(), 0).data(ID_ROLE) if index.isValid() else None

    def select(self, decision_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item(row, 0).data(ID_ROLE) == decision_id:
                self.panel.form.decision_view.selectRow(row)
                return

    def _status_of(self, decision_id: int | None) -> str | None:
        m = self.panel.current
        if m is None or decision_id is None:
            return None
        return next((d.status for d in m.decisions if d.id == decision_id), None)

    def _on_selection(self) -> None:
        f = self.panel.form
        decision_id = self.selected_id()
        status = self._status_of(decision_id)
        for action, button in self._buttons.items():
            reason = refusal(action, status) if status else "请先选择一项议定事项"
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")
        for button in (f.edit_decision_button, f.delete_decision_button):
            button.setEnabled(status is not None)
        f.carry_button.setEnabled(status is not None and not IssueStatus(status).is_done)
        f.history_edit.clear()
        if decision_id is not None:
            self.panel.read(lambda session: load_decision(session, decision_id),
                            lambda detail: self._show_history(decision_id, detail))

    def _show_history(self, decision_id: int, detail: DecisionDetail) -> None:
        if decision_id != self.selected_id():
            return  # another item was chosen meanwhile: its own answer follows
        self.panel.form.history_edit.setPlainText("\n".join(
            f"{n.noted_on.isoformat()}　{note_kind_label(n.kind, 'decision_note')}　{n.text}　（{n.operator}）"
            for n in detail.notes))

    # --- add / edit / delete ------------------------------------------------------------------------------
    def _dialog(self, initial: DecisionInput | None, decision_id: int | None,
                opened: Callable[[DecisionDialog], None]) -> None:
        """The add/edit dialog, once the lists it offers are there (`with_choices`); OK writes on the worker."""
        m = self.panel.current
        assert m is not None
        meeting_id, meeting_date, agenda_issues = m.id, m.held_at.date(), m.issue_ids

        def build(choices: MeetingChoices) -> None:
            dialog = DecisionDialog(choices, meeting_date=meeting_date, initial=initial,
                                    agenda_issue_ids=agenda_issues, parent=self.panel)

            def submit() -> object:
                data, new_unit = dialog.value()

                def work(workspace: Workspace) -> int:
                    with workspace.db.transaction() as session:
                        if new_unit:
                            data.lead_unit_id = directory.ensure_unit(session, new_unit).id
                        if decision_id is None:
                            return meetings.add_decision(session, meeting_id, data).id
                        return meetings.update_decision(session, decision_id, data).id

                def done(saved: int) -> None:
                    dialog.saved_id = saved
                    self._select_after = saved
                    self.panel.announce(Change(meetings=True, decisions=True))

                return dialog.wait_for(self.panel.ops, work, done)  # a refusal stays beside the input

            dialog.submit = submit
            opened(dialog)

        self.panel.with_choices(build)

    def add_decision(self, text: str = "", then: Callable[[int], None] | None = None) -> None:
        """新增议定事项 (the selected minutes text proposed); `then(id)` once it is written."""
        if self.panel.current is None:
            return
        self.panel.flush_minutes()
        initial = DecisionInput(text=text, lead_unit_id=None) if text else None

        def opened(dialog: DecisionDialog) -> None:
            accepted = self.panel.exec_dialog(dialog) == QDialog.DialogCode.Accepted
            if accepted and dialog.saved_id is not None and then is not None:
                then(dialog.saved_id)

        self._dialog(initial, None, opened)

    def edit_decision(self, decision_id: int | None = None) -> None:
        decision_id = decision_id or self.selected_id()
        if decision_id is None or self.panel.current is None:
            return
        meeting_id = self.panel.current.id

        def arrived(detail: DecisionDetail) -> None:
            if self.panel.current_meeting_id() == meeting_id:  # still the meeting it belongs to
                self._dialog(detail.data, decision_id, self.panel.exec_dialog)  # a save is announced and re-read

        self.panel.read(lambda session: load_decision(session, decision_id), arrived)

    def delete_decision(self) -> None:
        decision_id = self.selected_id()
        if decision_id is None:
            return
        answer = QMessageBox.question(self.panel, "删除议定事项", "确定删除选中的议定事项？后面的事项将重新编号。")
        if answer == QMessageBox.StandardButton.Yes:
            self.panel.write(lambda s: meetings.delete_decision(s, decision_id), Change(meetings=True, decisions=True))

    # --- life cycle ---------------------------------------------------------------------------------------
    def run(self, action: Action, decision_id: int | None = None) -> bool:
        """One life-cycle step on a decided item, asking only for what that step needs; True when it was asked
        for (the worker writes it, the broadcast shows it; a refusal is shown by itself)."""
        decision_id = decision_id or self.selected_id()
        if decision_id is None:
            return False
        if action is Action.CLOSE:
            self.close(decision_id)
        else:
            prompts = {Action.PROGRESS: ("添加进展", "办理进展："), Action.PHASE: ("阶段性推进", "阶段性推进计划："),
                       Action.RESOLVE: ("办结", "办结情况："), Action.REOPEN: ("重新打开", "重新打开原因：")}
            title, label = prompts[action]
            text = self.panel.ask_text(title, label)
            if text is None:
                return False
            step = {Action.PROGRESS: meetings.add_progress, Action.PHASE: meetings.mark_phased,
                    Action.RESOLVE: meetings.resolve, Action.REOPEN: meetings.reopen}[action]
            on = self.panel.today
            self._select_after = decision_id
            self.panel.write(lambda s: step(s, decision_id, text, on=on), Change(meetings=True, decisions=True))
        return True

    def close(self, decision_id: int) -> None:
        """销号 of a decided item: the same dialog as for issues, no answer chosen in advance. It opens once the
        office's setting it depends on is read."""
        self.panel.read(lambda session: bool(office_settings.get(session, "allow_feedback_not_asked")),
                        lambda allow: self._close_dialog(decision_id, allow))

    def _close_dialog(self, decision_id: int, allow: bool) -> None:
        m = self.panel.current
        detail = next((d for d in m.decisions if d.id == decision_id), None) if m is not None else None
        caption = issue_caption(detail.text, m.label) if detail is not None and m is not None else ""
        dialog = CloseDialog(caption, self.panel.today, self.panel, allow_not_asked=allow,
                             found_on=m.held_at.date() if m is not None else None)
        dialog.setWindowTitle("销号（议定事项）")
        dialog.form.feedback_label.setText("单位/企业反馈：")
        dialog.form.hint_label.setText("销号前须确认事项已落实，并记录责任单位或企业的反馈（须询问后选择，不预设答案）。"
                                       "反馈“不满意”时不销号，事项退回重新办理。")
        dialog.form.on_edit.set_not_before(m.held_at.date() if m is not None else None, "会议日期")

        def submit() -> object:
            v = dialog.values()

            def work(workspace: Workspace) -> None:
                with workspace.db.transaction() as session:
                    meetings.close(session, decision_id, v["feedback"], remark=v["remark"], reason=v["reason"],
                                   on=v["on"])

            def done(_none: None) -> None:
                self._select_after = decision_id
                self.panel.announce(Change(meetings=True, decisions=True))

            return dialog.wait_for(self.panel.ops, work, done)  # a refusal stays beside the input

        dialog.submit = submit
        self.panel.exec_dialog(dialog)

    def carry(self, decision_id: int | None = None, then: Callable[[int], None] | None = None) -> None:
        """转入下次会议: the open item goes on a later meeting's agenda (an existing one, or a new one); `then(target)`
        once that is asked of the worker. The chooser opens when the meetings to offer are read."""
        decision_id = decision_id or self.selected_id()
        m = self.panel.current
        if decision_id is None or m is None:
            return
        meeting_id = m.id

        def read(session: Any) -> tuple[int | None, list[tuple[int, str]]]:
            return agenda.later_meeting(session, meeting_id), [
                (i, label) for i, label in meeting_choices(session) if i != meeting_id]

        def choose(answer: tuple[int | None, list[tuple[int, str]]]) -> None:
            later, choices = answer
            dialog = MeetingChooserDialog(choices, "把该事项列入哪次会议的议题？", preselect=later, parent=self.panel)
            if self.panel.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            target = dialog.chosen_meeting()
            if target is None:
                self.panel.new_meeting(lambda new_id: self._carry_to(meeting_id, decision_id, new_id, then))
            else:
                self._carry_to(meeting_id, decision_id, target, then)

        self.panel.read(read, choose)

    def _carry_to(self, meeting_id: int, decision_id: int, target: int, then: Callable[[int], None] | None) -> None:
        self.panel.reload(meeting_id)  # stay on this meeting (a new one would be shown otherwise)
        self._select_after = decision_id
        self.panel.write(lambda s: agenda.carry_decision(s, decision_id, target).id,
                         Change(meetings=True, decisions=True), lambda _id: self.panel.form.save_state_label.setText(""))
        if then is not None:
            then(target)
