"""Record or correct a decided item (议定事项): text, project, the issues it settles, units, person, deadline.

The dialog only collects and checks values; its `submit` (set by the decided-items tab) writes them on the worker,
and the dialog stays open with the refusal beside the input until it answers (`FormDialog.wait_for`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QListWidgetItem, QWidget

from desktop.errors import Problem
from desktop.services.meetings.actions import DecisionInput
from desktop.services.meetings.choices import MeetingChoices
from desktop.services.search import matches
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.dialogs.meeting_dialog import _completer
from desktop.ui.forms.ui_decision_dialog import Ui_DecisionDialog

NO_PROJECT = "（不指定项目）"


def _find(combo: QComboBox) -> int | None:
    """The id behind an editable combo's text; typed text must match an entry exactly."""
    index = combo.findText(combo.currentText().strip(), Qt.MatchFlag.MatchExactly)
    return combo.itemData(index) if index >= 0 else None


class DecisionDialog(FormDialog):
    def __init__(self, choices: MeetingChoices, *, meeting_date: date,
                 initial: DecisionInput | None = None, agenda_issue_ids: Sequence[int] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(Ui_DecisionDialog(), parent)
        self._choices = choices
        self._agenda_issues = list(agenda_issue_ids)
        self._linked: set[int] = set(initial.issue_ids) if initial else set()
        self.saved_id: int | None = None
        f = self.form
        f.project_combo.addItem(NO_PROJECT, None)
        for pid, label in choices.projects:
            f.project_combo.addItem(label, pid)
        f.project_combo.setCompleter(_completer([label for _i, label in choices.projects], self))
        for uid, name in choices.units:
            f.lead_unit_combo.addItem(name, uid)
            item = QListWidgetItem(name, f.supporting_list)
            item.setData(Qt.ItemDataRole.UserRole, uid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        f.lead_unit_combo.setCompleter(_completer([n for _i, n in choices.units], self))
        f.lead_unit_combo.setCurrentText("")
        # No 完成时限 is proposed: the meeting decided one (or none), and a made-up one would decide what is overdue.
        f.deadline_edit.set_value(None)
        f.deadline_edit.set_not_before(meeting_date, "会议日期")
        self.setWindowTitle("修改议定事项" if initial and initial.lead_unit_id else "添加议定事项")
        if initial is not None:
            self._load(initial)
        self._fill_people()
        self._fill_issues()
        self._connect_signals()

    def _connect_signals(self) -> None:
        f = self.form
        f.project_combo.currentIndexChanged.connect(self._fill_issues)
        f.lead_unit_combo.currentIndexChanged.connect(self._fill_people)
        f.supporting_filter_edit.textChanged.connect(self._filter_supporting)
        f.deadline_check.toggled.connect(f.deadline_edit.setEnabled)
        f.issue_list.itemChanged.connect(self._on_issue_checked)

    def _load(self, data: DecisionInput) -> None:
        f = self.form
        f.text_edit.setPlainText(data.text)
        if data.project_id is not None:
            f.project_combo.setCurrentIndex(max(0, f.project_combo.findData(data.project_id)))
        if data.lead_unit_id is not None:
            f.lead_unit_combo.setCurrentIndex(f.lead_unit_combo.findData(data.lead_unit_id))
        for row in range(f.supporting_list.count()):
            item = f.supporting_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in data.supporting_unit_ids:
                item.setCheckState(Qt.CheckState.Checked)
        if data.deadline is not None:
            f.deadline_edit.setDate(QDate(data.deadline.year, data.deadline.month, data.deadline.day))
        elif data.deadline_text:
            f.deadline_check.setChecked(False)
            f.deadline_edit.setEnabled(False)
        f.deadline_text_edit.setText(data.deadline_text or "")
        f.remark_edit.setText(data.remark or "")
        self._initial_person = data.person_id

    def _fill_people(self) -> None:
        combo = self.form.person_combo
        keep = _find(combo) if combo.count() else getattr(self, "_initial_person", None)
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("", None)
        people = self._choices.people_of(_find(self.form.lead_unit_combo))
        for person in people:
            combo.addItem(person.label, person.id)
        combo.setCompleter(_completer([p.label for p in people], self))
        combo.setCurrentIndex(max(0, combo.findData(keep)) if keep is not None else 0)
        combo.blockSignals(False)

    def _fill_issues(self) -> None:
        """Issues on the agenda first, then open issues of the chosen project, then any already linked."""
        project_id = self.form.project_combo.currentData()
        wanted = list(self._agenda_issues)
        by_id = {i.id: i for i in self._choices.issues}
        if project_id is not None:
            wanted += [i.id for i in self._choices.issues if i.project_id == project_id and not i.is_done]
        wanted += sorted(self._linked)
        widget = self.form.issue_list
        widget.blockSignals(True)
        widget.clear()
        for issue_id in dict.fromkeys(wanted):
            choice = by_id.get(issue_id)
            if choice is None:
                continue
            prefix = "【议题】" if issue_id in self._agenda_issues else ""
            item = QListWidgetItem(prefix + choice.label, widget)
            item.setData(Qt.ItemDataRole.UserRole, issue_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if issue_id in self._linked else Qt.CheckState.Unchecked)
        widget.blockSignals(False)

    def _on_issue_checked(self, item: QListWidgetItem) -> None:
        issue_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._linked.add(issue_id)
        else:
            self._linked.discard(issue_id)

    def _filter_supporting(self, text: str) -> None:
        widget = self.form.supporting_list
        for row in range(widget.count()):
            item = widget.item(row)
            item.setHidden(not matches(text, item.text()) and item.checkState() != Qt.CheckState.Checked)

    def set_text(self, text: str) -> None:
        self.form.text_edit.setPlainText(text)

    def value(self) -> tuple[DecisionInput, str | None]:
        f = self.form
        unit_text = f.lead_unit_combo.currentText().strip()
        unit_id = _find(f.lead_unit_combo)
        new_unit = unit_text if unit_id is None and unit_text else None
        supporting = [f.supporting_list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(f.supporting_list.count())
                      if f.supporting_list.item(r).checkState() == Qt.CheckState.Checked]
        deadline = f.deadline_edit.value() if f.deadline_check.isChecked() else None
        data = DecisionInput(
            text=f.text_edit.toPlainText(), lead_unit_id=unit_id, deadline=deadline,
            deadline_text=f.deadline_text_edit.text(), project_id=_find(f.project_combo),
            person_id=_find(f.person_combo), supporting_unit_ids=tuple(supporting),
            issue_ids=tuple(sorted(self._linked)), remark=f.remark_edit.text(),
        )
        return data, new_unit

    def refusal(self) -> str | None:
        """Dates first (FormDialog), then a typed person or project that names no entry: refused before the
        service is asked."""
        stop = super().refusal()
        if stop is not None:
            return stop
        data, _new_unit = self.value()
        person_text = self.form.person_combo.currentText().strip()
        if person_text and data.person_id is None:
            return str(Problem("责任人", f"通讯录中没有「{person_text}」，请从列表中选择或留空"))
        if data.project_id is None and self.form.project_combo.currentText().strip() not in ("", NO_PROJECT):
            return str(Problem("所属项目", "请从列表中选择项目"))
        return None
