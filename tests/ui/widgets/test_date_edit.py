"""DateEdit driven with real keystrokes: the date typed is the date stored, odd dates are questioned, bad text is
shown and stops the dialog, and every form uses this field."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QWidget

from desktop.app import create_application
from desktop.ui.dialogs.issue_dialogs import NoteDialog
from desktop.ui.widgets.date_edit import DateEdit, check_dates

TODAY = date(2026, 11, 25)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def edit(qtbot) -> Iterator[DateEdit]:
    create_application()
    holder = QWidget()
    form = QFormLayout(holder)
    widget = DateEdit()
    form.addRow(QLabel("完成时限："), widget)
    qtbot.addWidget(holder)
    holder.show()
    widget.set_today(TODAY)
    yield widget
    del holder


def _type(qtbot, edit: DateEdit, text: str, *, replace: bool = True) -> None:
    """Keystrokes for what a keyboard types; what a Chinese input method sends (年, full-width digits) arrives as
    the IME's commit string, as on a clerk's PC."""
    edit.line_edit.setFocus()
    if replace:
        qtbot.keyClick(edit.line_edit, Qt.Key.Key_A, CTRL)
        qtbot.keyClick(edit.line_edit, Qt.Key.Key_Delete)
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii():
            qtbot.keyClicks(edit.line_edit, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(edit.line_edit, event)
    qtbot.keyClick(edit.line_edit, Qt.Key.Key_Return)


def test_select_all_and_type_over_a_default_in_another_year(qtbot, edit) -> None:
    """The reported bug: a default of 2027-01-01, select all, type 2026-12-15 → QDateEdit stored 2027-12-15."""
    edit.set_value(date(2027, 1, 1))
    with qtbot.waitSignal(edit.dateChanged) as changed:
        _type(qtbot, edit, "2026-12-15")
    assert changed.args == [QDate(2026, 12, 15)]
    assert edit.value() == date(2026, 12, 15) and edit.date() == QDate(2026, 12, 15)
    assert edit.text() == "2026-12-15" and edit.problem() is None


@pytest.mark.parametrize("typed", ["20261215", "2026.12.15", "2026/12/15", "12-15", "2026年12月15日", "１２．１５"])
def test_every_form_is_read_and_shown_as_iso(qtbot, edit, typed) -> None:
    edit.set_value(date(2027, 1, 1))
    _type(qtbot, edit, typed)
    assert edit.value() == date(2026, 12, 15)
    assert edit.text() == "2026-12-15"


def test_pending_typing_is_read_when_the_value_is_asked(qtbot, edit) -> None:
    edit.set_value(TODAY)
    edit.line_edit.setFocus()
    qtbot.keyClick(edit.line_edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(edit.line_edit, "20261231")  # no Enter, no focus change: an OK button pressed by mouse
    assert edit.value() == date(2026, 12, 31)


def test_bad_text_is_shown_keeps_the_value_and_stops_the_form(qtbot, edit) -> None:
    edit.set_value(TODAY)
    _type(qtbot, edit, "2026-02-30")
    assert edit.value() == TODAY  # unchanged …
    assert edit.text() == "2026-02-30"  # … the typing stays for correcting …
    assert edit.problem() == "“2026-02-30”不是有效日期：2026年2月只有28天"
    assert edit.message_label.isVisible() and edit.message_label.text() == edit.problem()
    stop = check_dates(edit.parentWidget())
    assert stop is not None and stop[0] is edit
    assert stop[1] == "「完成时限」：“2026-02-30”不是有效日期：2026年2月只有28天"
    _type(qtbot, edit, "2026-02-28")
    assert edit.problem() is None and not edit.message_label.isVisible() and check_dates(edit.parentWidget()) is None


def test_required_and_optional_empty(qtbot, edit) -> None:
    edit.set_value(TODAY)
    _type(qtbot, edit, "")
    assert edit.problem() == "请填写日期" and edit.value() == TODAY
    edit.set_optional(True)
    assert edit.line_edit.placeholderText() == "未填"
    _type(qtbot, edit, "")
    assert edit.problem() is None and edit.value() is None and not edit.date().isValid()
    edit.setSpecialValueText("未填")  # QDateEdit's way, as forms set it
    assert edit.is_optional()


def test_before_the_found_date_is_questioned_until_confirmed(qtbot, edit) -> None:
    edit.set_value(TODAY)
    edit.set_not_before(date(2026, 3, 1), "发现日期")
    _type(qtbot, edit, "2026-02-20")
    assert edit.value() == date(2026, 2, 20)
    assert edit.question() == "2026-02-20早于发现日期（2026-03-01），请核对"
    assert edit.confirm_check.isVisible() and edit.message_label.isVisible()
    assert "请勾选“日期无误”" in check_dates(edit.parentWidget())[1]
    qtbot.mouseClick(edit.confirm_check, Qt.MouseButton.LeftButton)
    assert edit.question() is None and check_dates(edit.parentWidget()) is None
    _type(qtbot, edit, "2026-02-21")  # a new date is asked about again
    assert edit.question() is not None and not edit.confirm_check.isChecked()


def test_far_in_the_past_is_questioned_but_not_where_old_dates_are_normal(qtbot, edit) -> None:
    edit.set_value(TODAY)
    _type(qtbot, edit, "2025-11-20")
    assert edit.question() == "2025-11-20距今已超过一年，请核对年份"
    edit.set_far_past_days(None)  # a filter or a period
    assert edit.question() is None


def test_a_date_from_the_record_is_not_questioned(qtbot, edit) -> None:
    edit.set_not_before(date(2026, 3, 1))
    edit.set_value(date(2020, 1, 1))  # what the record says, shown as it is
    assert edit.question() is None and check_dates(edit.parentWidget()) is None


def test_range_from_the_form(qtbot, edit) -> None:
    edit.setMaximumDate(QDate(2026, 11, 25))
    edit.set_value(TODAY)
    _type(qtbot, edit, "2026-11-26")
    assert edit.problem() == "不能晚于2026-11-25" and edit.value() == TODAY
    assert edit.maximumDate() == QDate(2026, 11, 25)


def test_arrow_keys_step_days_and_months(qtbot, edit) -> None:
    edit.set_value(date(2026, 1, 31))
    edit.line_edit.setFocus()
    qtbot.keyClick(edit.line_edit, Qt.Key.Key_Up)
    assert edit.value() == date(2026, 2, 1)
    qtbot.keyClick(edit.line_edit, Qt.Key.Key_Down)
    qtbot.keyClick(edit.line_edit, Qt.Key.Key_PageUp)
    assert edit.value() == date(2026, 2, 28) and edit.text() == "2026-02-28"


def test_calendar_popup_by_keyboard(qtbot, edit) -> None:
    edit.set_value(date(2026, 12, 14))
    edit.line_edit.setFocus()
    qtbot.keyClick(edit.line_edit, Qt.Key.Key_F4)
    qtbot.waitUntil(edit.calendar.isVisible)
    assert edit.calendar.selectedDate() == QDate(2026, 12, 14)
    with qtbot.waitSignal(edit.dateChanged):
        qtbot.keyClick(edit.calendar.focusWidget() or edit.calendar, Qt.Key.Key_Right)
        qtbot.keyClick(edit.calendar.focusWidget() or edit.calendar, Qt.Key.Key_Return)
    assert edit.value() == date(2026, 12, 15)
    qtbot.waitUntil(lambda: not edit.calendar.isVisible())


def test_a_questioned_date_stops_the_issue_dialog_with_the_fields_name(qtbot) -> None:
    create_application()
    dialog = NoteDialog("添加进展", "", "办理进展：", TODAY, found_on=date(2026, 10, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    steps: list[str] = []
    dialog.submit = lambda: steps.append("written")
    dialog.form.text_edit.setPlainText("已召开协调会")
    _type(qtbot, dialog.form.on_edit, "9-30")
    dialog.accept()
    assert not steps and dialog.result() == 0
    assert dialog.error_text == "「日期」：2026-09-30早于发现日期（2026-10-01），请核对；如确认无误，请勾选“日期无误”"
    dialog.form.on_edit.confirm()
    dialog.accept()
    assert steps == ["written"]


def test_no_form_uses_qdateedit_any_more() -> None:
    forms = Path(__file__).resolve().parents[3] / "forms"
    used = {p.name for p in forms.glob("*.ui") if re.search(r'class="Q(Date|DateTime)Edit"', p.read_text("utf-8"))}
    assert used == set()
    code = Path(__file__).resolve().parents[3] / "desktop" / "ui"
    direct = [p for p in code.rglob("*.py") if "forms" not in p.parts and re.search(r"\bQDate(Time)?Edit\(",
                                                                                     p.read_text("utf-8"))]
    assert direct == []
