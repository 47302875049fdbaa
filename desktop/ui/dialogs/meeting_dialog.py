"""Create or edit a meeting: type, 第N次 (suggested per type and year), title, time, place, chair, attendance
(出席 / 请假 / 列席, as the 纪要 prints it), 版记.

The dialog only collects values; its `submit` (set by the meetings panel) writes them on the worker and the dialog
stays open, showing the service's refusal beside the input, until it answers (`FormDialog.wait_for`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QCompleter, QWidget

from desktop.db.enums import MeetingType
from desktop.services.meetings.actions import MeetingInput
from desktop.services.meetings.choices import MeetingChoices
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.forms.ui_meeting_dialog import Ui_MeetingDialog

SuggestNumber = Callable[[str, int], int]


def _completer(words: list[str], parent: QWidget) -> QCompleter:
    completer = QCompleter(words, parent)
    completer.setFilterMode(completer.filterMode().MatchContains)
    completer.setCaseSensitivity(completer.caseSensitivity().CaseInsensitive)
    return completer


class MeetingDialog(FormDialog):
    """The dialog validates through the service on OK: the message names the field and stays open for a fix.
    `suggest_number(kind, year)` answers from what is already read: it runs on every change of type or date."""

    def __init__(self, choices: MeetingChoices, suggest_number: SuggestNumber, *,
                 initial: MeetingInput | None = None, default_when: datetime | None = None,
                 default_issuer: str = "", parent: QWidget | None = None) -> None:
        super().__init__(Ui_MeetingDialog(), parent)
        self._suggest = suggest_number
        self._editing = initial is not None
        self._own_number: tuple[str, int, int] | None = None
        self._auto_title = ""
        self.saved_id: int | None = None
        f = self.form
        for kind in MeetingType:
            f.kind_combo.addItem(kind.label, kind.value)
        for _id, label in choices.leaders:
            f.chair_combo.addItem(label)
        f.chair_combo.setCurrentText("")
        names = choices.attendee_names() + [p.label for p in choices.people]
        f.attendee_combo.addItems(names)
        f.attendee_combo.setCurrentText("")
        f.attendee_combo.setCompleter(_completer(names, self))
        f.issued_on_edit.setDate(QDate.currentDate())
        when = default_when or datetime.now().replace(minute=0, second=0, microsecond=0)
        if initial is None:
            self.setWindowTitle("新建会议")
            self._set_held_at(when)
        else:
            self.setWindowTitle("会议信息")
            self._load(initial)
        # Left empty, the 纪要 is issued under the office's one name (文档设置) like the 简报/通报/台账, and follows
        # it when it changes; a name typed here is for a 纪要 another office issues.
        f.issuer_edit.setPlaceholderText(f"不填即用本单位名称：{default_issuer}" if default_issuer else "")
        self._connect_signals()
        self._update_number()
        self._update_title()

    def _connect_signals(self) -> None:
        f = self.form
        f.kind_combo.currentIndexChanged.connect(self._update_number)
        f.kind_combo.currentIndexChanged.connect(self._update_title)
        f.held_on_edit.dateChanged.connect(self._update_number)
        f.number_spin.valueChanged.connect(self._update_title)
        f.add_attendee_button.clicked.connect(self._add_attendee)
        f.issued_on_check.toggled.connect(f.issued_on_edit.setEnabled)

    def _load(self, data: MeetingInput) -> None:
        f = self.form
        f.kind_combo.setCurrentIndex(max(0, f.kind_combo.findData(data.kind)))
        h = data.held_at
        self._set_held_at(h)
        f.number_spin.setValue(data.number or 1)
        self._own_number = (data.kind, h.year, data.number or 1)
        f.title_edit.setText(data.title)
        f.place_edit.setText(data.place or "")
        f.chair_combo.setCurrentText(data.chair or "")
        f.attendees_edit.setPlainText(data.attendees or "")
        f.on_leave_edit.setPlainText(data.on_leave or "")
        f.observers_edit.setPlainText(data.observers or "")
        f.recorder_edit.setText(data.recorder or "")
        f.cc_edit.setText(data.cc or "")
        f.issuer_edit.setText(data.issuer or "")
        if data.issued_on:
            f.issued_on_check.setChecked(True)
            f.issued_on_edit.setDate(QDate(data.issued_on.year, data.issued_on.month, data.issued_on.day))

    def _set_held_at(self, when: datetime) -> None:
        self.form.held_on_edit.set_value(when.date())
        self.form.held_time_edit.setTime(QTime(when.hour, when.minute))

    def _year(self) -> int:
        held_on = self.form.held_on_edit.value()
        return held_on.year if held_on else date.today().year

    def _update_number(self) -> None:
        """Suggest the next 第N次 for the chosen type and year; an edited meeting keeps its own number."""
        kind = self.form.kind_combo.currentData()
        if self._own_number is not None and self._own_number[:2] == (kind, self._year()):
            suggested = self._own_number[2]
        else:
            suggested = self._suggest(kind, self._year())
        self.form.number_spin.setValue(suggested)
        self.form.number_hint_label.setText(f"（{self._year()}年{MeetingType(kind).label}建议编号：第{suggested}次）")

    def _update_title(self) -> None:
        """Keep the auto title ("第4次推进会") in step until the office types its own."""
        f = self.form
        current = f.title_edit.text().strip()
        if current and self._auto_title != current:
            return
        kind = MeetingType(f.kind_combo.currentData()).label
        self._auto_title = f"重点项目{kind}（第{f.number_spin.value()}次）"
        f.title_edit.setText(self._auto_title)

    def _add_attendee(self) -> None:
        name = self.form.attendee_combo.currentText().strip()
        if not name:
            return
        current = self.form.attendees_edit.toPlainText().strip().rstrip("，、,")
        parts = [p for p in current.replace(",", "，").replace("、", "，").split("，") if p.strip()]
        if name not in parts:
            self.form.attendees_edit.setPlainText(f"{current}，{name}" if current else name)
        self.form.attendee_combo.setCurrentText("")

    def value(self) -> MeetingInput:
        f = self.form
        qd, qt = f.held_on_edit.date(), f.held_time_edit.time()
        issued: date | None = None
        if f.issued_on_check.isChecked():
            d = f.issued_on_edit.date()
            issued = date(d.year(), d.month(), d.day())
        return MeetingInput(
            kind=f.kind_combo.currentData(), title=f.title_edit.text(), number=f.number_spin.value(),
            held_at=datetime(qd.year(), qd.month(), qd.day(), qt.hour(), qt.minute()),
            place=f.place_edit.text(), chair=f.chair_combo.currentText(),
            attendees=f.attendees_edit.toPlainText(), on_leave=f.on_leave_edit.toPlainText(),
            observers=f.observers_edit.toPlainText(), recorder=f.recorder_edit.text(),
            cc=f.cc_edit.text(), issuer=f.issuer_edit.text(), issued_on=issued,
        )
