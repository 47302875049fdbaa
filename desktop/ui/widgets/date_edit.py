"""DateEdit: one date field for every form — typed the way clerks type dates, with a calendar popup, an optional
"未填" state, and a question when the date looks wrong.

QDateEdit edits a date section by section: selecting all and typing 2026-12-15 over 2027-01-01 stored 2027-12-15,
and 20261215 was ignored. Every deadline decides what counts as overdue, so this field reads the whole text at
once (`date_text.parse_date_text`) and stores exactly the date typed, or shows why it cannot.

- The text is read when editing finishes (Enter, leaving the field) or when the value is asked for; until then
  the typing is the clerk's own. Up/Down step a day, Page Up/Down a month, F4 or Alt+Down opens the calendar.
- Text that is not a date, or lies outside the allowed range, is shown in red under the field (`problem()`) and
  the value stays what it was; dialogs refuse to finish until it is fixed (`check_dates`).
- A date before a given earlier date (the issue's 发现日期) or far in the past is questioned inline
  (`question()`); the clerk ticks 日期无误 to keep it.

Designer: promote a QWidget to `DateEdit` with header `desktop.ui.widgets.date_edit`. The QDateEdit property
setters a form may still call (calendarPopup, displayFormat, specialValueText, minimum/maximumDate) are accepted.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from desktop.ui.widgets.date_text import FORMATS_HINT, DateTextError, date_text, parse_date_text

EMPTY_TEXT = "未填"
FAR_PAST_DAYS = 366
PROBLEM_STYLE = "color: #b3261e;"
QUESTION_STYLE = "color: #8a5a00;"


def _to_date(value: QDate) -> date | None:
    return date(value.year(), value.month(), value.day()) if value.isValid() else None


def _to_qdate(value: date | None) -> QDate:
    return QDate() if value is None else QDate(value.year, value.month, value.day)


class DateEdit(QWidget):
    dateChanged = Signal(QDate)  # as QDateEdit: the committed date changed (an invalid QDate when emptied)
    valueChanged = Signal(object)  # date | None
    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: date | None = None
        self._optional = False
        self._empty_text = EMPTY_TEXT
        self._minimum: date | None = None
        self._maximum: date | None = None
        self._today: date | None = None
        self._not_before: tuple[date, str] | None = None
        self._far_past_days: int | None = FAR_PAST_DAYS
        self._problem: str | None = None
        self._dirty = False
        self._by_user = False  # only a date the clerk entered is questioned, not one the form was opened with

        self.line_edit = QLineEdit(self)
        self.line_edit.setObjectName("date_line_edit")
        self.line_edit.setPlaceholderText("如 2026-12-15")
        self.line_edit.setToolTip(FORMATS_HINT)
        self.line_edit.setMaxLength(20)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setObjectName("calendar_button")
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip("选择日期（F4）")
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The calendar is built when first opened: a form with five date fields should not build five calendars.
        self.calendar: QCalendarWidget | None = None
        self._menu: QMenu | None = None
        self.message_label = QLabel(self)
        self.message_label.setObjectName("date_message_label")
        self.message_label.setWordWrap(True)
        self.confirm_check = QCheckBox("日期无误", self)
        self.confirm_check.setObjectName("date_confirm_check")

        # As wide as the longest way a date is typed, not as the form: a date field that fills a row, or widens
        # a filter bar, reads as a text field.
        self.line_edit.setFixedWidth(self.line_edit.fontMetrics().horizontalAdvance("2026年12月15日") + 24)
        self.line_edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.calendar_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row.addWidget(self.line_edit)
        row.addWidget(self.calendar_button)

        note = QHBoxLayout()
        note.setContentsMargins(0, 0, 0, 0)
        self.confirm_check.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        note.addWidget(self.message_label)  # no stretch factor: an empty note must not make the field expand
        note.addWidget(self.confirm_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.setAlignment(row, Qt.AlignmentFlag.AlignLeft)  # a form row's room goes to the message, not the field
        layout.addLayout(note)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFocusProxy(self.line_edit)
        self._show_message()
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.line_edit.textEdited.connect(self._on_edited)
        self.line_edit.editingFinished.connect(self._on_editing_finished)
        self.line_edit.installEventFilter(self)
        self.calendar_button.clicked.connect(self.show_calendar)
        self.confirm_check.toggled.connect(lambda _on: self._show_message())

    # --- configuration ---------------------------------------------------------------------------------------
    def set_optional(self, optional: bool = True, empty_text: str = EMPTY_TEXT) -> None:
        """An optional date may be left empty, shown as "未填"."""
        self._optional = optional
        self._empty_text = empty_text
        self.line_edit.setPlaceholderText(empty_text if optional else "如 2026-12-15")
        self.line_edit.setClearButtonEnabled(optional)
        if self._problem is not None:  # what is shown may be fine now (an empty field)
            self._commit_text()

    def is_optional(self) -> bool:
        return self._optional

    def set_today(self, today: date) -> None:
        """The day 12-15 takes its year from, and "far in the past" counts back from (the window's today)."""
        self._today = today
        self._refresh_question()

    def today(self) -> date:
        return self._today or date.today()

    def set_not_before(self, earlier: date | None, label: str = "发现日期") -> None:
        """Question a date before `earlier` (the issue's 发现日期): allowed, but only once the clerk confirms."""
        self._not_before = None if earlier is None else (earlier, label)
        self._refresh_question()

    def set_far_past_days(self, days: int | None) -> None:
        """Question dates more than `days` before today; None for fields where old dates are normal (filters)."""
        self._far_past_days = days
        self._refresh_question()

    def set_range(self, minimum: date | None, maximum: date | None) -> None:
        self._minimum, self._maximum = minimum, maximum
        self._recheck()

    # QDateEdit's API, for forms and callers written against it -----------------------------------------------
    def setMinimumDate(self, value: QDate) -> None:
        self.set_range(_to_date(value), self._maximum)

    def setMaximumDate(self, value: QDate) -> None:
        self.set_range(self._minimum, _to_date(value))

    def minimumDate(self) -> QDate:
        return _to_qdate(self._minimum)

    def maximumDate(self) -> QDate:
        return _to_qdate(self._maximum)

    def setSpecialValueText(self, text: str) -> None:
        self.set_optional(bool(text), text or EMPTY_TEXT)

    def setCalendarPopup(self, _enabled: bool) -> None:  # there is always a calendar
        return None

    def setDisplayFormat(self, _format: str) -> None:  # always yyyy-MM-dd, as every export
        return None

    def date(self) -> QDate:
        """The date as a QDate (invalid when empty); pending typing is read first."""
        return _to_qdate(self.value())

    def setDate(self, value: QDate) -> None:
        self.set_value(_to_date(value))

    # --- value -------------------------------------------------------------------------------------------------
    def value(self) -> date | None:
        """The committed date (None when empty); typing not yet read is read now."""
        if self._dirty:
            self._commit_text()
        return self._value

    def set_value(self, value: date | None) -> None:
        """Show `value` (from the record or a default; not questioned). Signals a change, as QDateEdit.setDate."""
        changed = value != self._value
        self._dirty = False
        self._by_user = False
        self._value = value
        self.line_edit.setText(date_text(value))
        self._recheck()
        if changed:
            self._emit_changed()

    def _enter(self, value: date | None) -> None:
        """The clerk chose `value` (calendar, Up/Down): shown, signalled, and questioned if it looks wrong."""
        self.set_value(value)
        self._by_user = True
        self.confirm_check.setChecked(False)
        self._show_message()

    def text(self) -> str:
        return self.line_edit.text()

    def problem(self) -> str | None:
        """Why the field cannot be used as it stands: text that is no date, out of range, or a required date
        left empty. None when it is fine."""
        if self._dirty:
            self._commit_text()
        return self._problem

    def question(self) -> str | None:
        """Why the date looks wrong (before the found date, far in the past), while the clerk has not confirmed."""
        if self._dirty:
            self._commit_text()
        reason = self._question_reason()
        return None if reason is None or self.confirm_check.isChecked() else reason

    def confirm(self) -> None:
        """The clerk's 日期无误 (tests and the dialog's own flow)."""
        self.confirm_check.setChecked(True)

    # --- the calendar --------------------------------------------------------------------------------------
    def _popup(self) -> tuple[QMenu, QCalendarWidget]:
        if self._menu is None or self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setGridVisible(True)
            self._menu = QMenu(self)
            holder = QWidgetAction(self._menu)
            holder.setDefaultWidget(self.calendar)
            self._menu.addAction(holder)
            self.calendar.clicked.connect(self._on_calendar_chosen)
            self.calendar.activated.connect(self._on_calendar_chosen)
        return self._menu, self.calendar

    def show_calendar(self) -> None:
        menu, calendar = self._popup()
        current = self.value() or self.today()
        calendar.setMinimumDate(_to_qdate(self._minimum) if self._minimum else QDate(1900, 1, 1))
        calendar.setMaximumDate(_to_qdate(self._maximum) if self._maximum else QDate(2099, 12, 31))
        calendar.setSelectedDate(_to_qdate(current))
        menu.popup(self.line_edit.mapToGlobal(self.line_edit.rect().bottomLeft()))
        calendar.setFocus()

    def _on_calendar_chosen(self, chosen: QDate) -> None:
        if self._menu is not None:
            self._menu.hide()
        self._enter(_to_date(chosen))
        self.line_edit.setFocus()
        self.editingFinished.emit()

    # --- typing --------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line_edit and event.type() == QEvent.Type.KeyPress:
            return self._key(event)  # type: ignore[arg-type]
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier):
            self.show_calendar()
            return True
        steps = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}
        months = {Qt.Key.Key_PageUp: 1, Qt.Key.Key_PageDown: -1}
        if key in steps or key in months:
            if self._dirty:
                self._commit_text()
            if self._problem is None or self._value is not None:
                start = self._value or self.today()
                if key in steps:
                    moved = start + timedelta(days=steps[key])
                else:
                    moved = _add_months(start, months[key])
                self._enter(self._clamp(moved))
            return True
        return False

    def _on_edited(self, _text: str) -> None:
        self._dirty = True
        self.confirm_check.setChecked(False)

    def _on_editing_finished(self) -> None:
        if self._dirty:
            self._commit_text()
            if self._problem is None:
                self.line_edit.setText(date_text(self._value))
        self.editingFinished.emit()

    def _commit_text(self) -> None:
        self._dirty = False
        try:
            parsed = parse_date_text(self.line_edit.text(), self.today())
        except DateTextError as error:
            self._problem = str(error)
            self._show_message()
            return
        self._problem = self._range_problem(parsed)
        if self._problem is None:
            changed = parsed != self._value
            self._value = parsed
            self._by_user = True
            if changed:
                self._emit_changed()
        self._show_message()

    def _emit_changed(self) -> None:
        self.dateChanged.emit(_to_qdate(self._value))
        self.valueChanged.emit(self._value)

    def _clamp(self, value: date) -> date:
        if self._minimum and value < self._minimum:
            return self._minimum
        if self._maximum and value > self._maximum:
            return self._maximum
        return value

    # --- problems and questions ----------------------------------------------------------------------------
    def _range_problem(self, value: date | None) -> str | None:
        if value is None:
            return None if self._optional else "请填写日期"
        if self._minimum and value < self._minimum:
            return f"不能早于{self._minimum.isoformat()}"
        if self._maximum and value > self._maximum:
            return f"不能晚于{self._maximum.isoformat()}"
        return None

    def _recheck(self) -> None:
        """After the value or the rules changed from code: is the shown value acceptable?"""
        if not self._dirty:
            self._problem = self._range_problem(self._value)
        self._show_message()

    def _question_reason(self) -> str | None:
        value = self._value
        if value is None or self._problem is not None or not self._by_user:
            return None
        if self._not_before is not None and value < self._not_before[0]:
            earlier, label = self._not_before
            return f"{value.isoformat()}早于{label}（{earlier.isoformat()}），请核对"
        if self._far_past_days is not None and (self.today() - value).days > self._far_past_days:
            return f"{value.isoformat()}距今已超过一年，请核对年份"
        return None

    def _refresh_question(self) -> None:
        self.confirm_check.setChecked(False)
        self._show_message()

    def _show_message(self) -> None:
        if self._problem is not None:
            text, style, ask = self._problem, PROBLEM_STYLE, False
        else:
            reason = self._question_reason()
            text, style, ask = (reason or "", QUESTION_STYLE, reason is not None)
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)
        self.message_label.setVisible(bool(text))
        self.confirm_check.setVisible(ask)
        self.line_edit.setStyleSheet("QLineEdit { border: 1px solid #b3261e; }" if self._problem else "")


def _add_months(value: date, months: int) -> date:
    month = value.month - 1 + months
    year, month = value.year + month // 12, month % 12 + 1
    return date(year, month, min(value.day, calendar.monthrange(year, month)[1]))


def field_name(edit: DateEdit) -> str:
    """The label of the form row the field sits in ("销号日期"), for messages that name it."""
    parent = edit.parentWidget()
    while parent is not None:
        for form in parent.findChildren(QFormLayout):
            label = form.labelForField(edit)
            if isinstance(label, QLabel):
                return label.text().rstrip("：:").replace("&", "")
        buddies = [label for label in parent.findChildren(QLabel) if label.buddy() is edit]  # a grid's row label
        if buddies:
            return buddies[0].text().rstrip("：:").replace("&", "")
        parent = parent.parentWidget()
    return "日期"


def check_dates(container: QWidget) -> tuple[DateEdit, str] | None:
    """The first date field in `container` that stops a dialog from finishing, and why: a problem, or a question
    not yet confirmed. Disabled fields and fields hidden on purpose are not asked; a field on another tab page is."""
    for edit in container.findChildren(DateEdit):
        if not edit.isEnabled() or edit.isHidden():
            continue
        problem = edit.problem()
        if problem is not None:
            return edit, f"「{field_name(edit)}」：{problem}"
        question = edit.question()
        if question is not None:
            return edit, f"「{field_name(edit)}」：{question}；如确认无误，请勾选“日期无误”"
    return None
