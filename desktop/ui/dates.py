"""Converting between QDate and date, with an "未填" state for optional dates.

QDateEdit cannot be empty; an optional date shows its minimum date as the special value text "未填", which is how
the project page and dialogs represent a date the office has not entered.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

EMPTY = QDate(1900, 1, 1)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def make_optional(edit: QDateEdit) -> None:
    edit.setMinimumDate(EMPTY)
    edit.setSpecialValueText("未填")


def set_optional(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(EMPTY if value is None else to_qdate(value))


def optional(edit: QDateEdit) -> date | None:
    return None if edit.date() == edit.minimumDate() else to_date(edit.date())
