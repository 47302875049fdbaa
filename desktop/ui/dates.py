"""Converting between QDate and date, and the "未填" state of optional date fields.

Every date field of the program is a `DateEdit` (desktop/ui/widgets/date_edit.py); an optional one may be left
empty and shows "未填", which is how the project page and dialogs represent a date the office has not entered.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from desktop.ui.widgets.date_edit import EMPTY_TEXT, DateEdit


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def make_optional(edit: DateEdit) -> None:
    edit.set_optional(True, EMPTY_TEXT)


def set_optional(edit: DateEdit, value: date | None) -> None:
    edit.set_value(value)


def optional(edit: DateEdit) -> date | None:
    return edit.value()
