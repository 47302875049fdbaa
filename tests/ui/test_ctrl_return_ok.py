"""Ctrl+Return (and Ctrl+Enter on the keypad) in a multi-line note field presses the dialog's OK: 添加进展, 办结,
重新打开 and 流转 through the real window, typed by keyboard, and the other dialogs with note fields."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit
from sqlalchemy import select

from desktop.app import create_application
from desktop.db.models import Issue, IssueNote
from desktop.services.meetings.choices import MeetingChoices
from desktop.ui.dialogs.decision_dialog import DecisionDialog
from desktop.ui.dialogs.issue_dialogs import NoteDialog
from desktop.ui.dialogs.meeting_dialog import MeetingDialog
from tests.ui.helpers import open_window, settle, wait_for_dialog

CTRL = Qt.KeyboardModifier.ControlModifier
KEYPAD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier
TODAY = date(2026, 12, 4)


class Typist:
    """A controller's `run_dialog`: show the real dialog, type `text` into its note field, press the key there."""

    def __init__(self, qtbot, field: str, text: str, keypad: bool = False) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.field, self.text, self.keypad = qtbot, field, text, keypad
        self.dialogs: list[QDialog] = []

    def __call__(self, dialog: QDialog) -> int:
        self.dialogs.append(dialog)
        show(self.qtbot, dialog)
        edit: QPlainTextEdit = getattr(dialog.form, self.field)  # type: ignore[attr-defined]
        edit.setFocus()
        type_into(self.qtbot, edit, self.text)
        key = Qt.Key.Key_Enter if self.keypad else Qt.Key.Key_Return
        self.qtbot.keyClick(edit, key, KEYPAD if self.keypad else CTRL)
        wait_for_dialog(dialog)
        assert edit.toPlainText() == self.text  # the key made no new line
        return dialog.result()


def show(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    """Shown and active, as `exec()` leaves it (a shortcut reaches the active window only)."""
    dialog.open()  # modal, as exec() shows it
    dialog.raise_()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def type_into(qtbot, edit: QPlainTextEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Chinese as an input method commits it (QTest types Latin-1 keys only), then a typed tail."""
    chinese, _space, typed = text.partition(" ")
    edit.insertPlainText(chinese)
    if typed:
        qtbot.keyClicks(edit, " " + typed)


def _journal(workspace, issue_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with workspace.db.read() as session:
        return list(session.scalars(select(IssueNote.text).where(IssueNote.issue_id == issue_id)
                                    .order_by(IssueNote.id)))


def test_progress_resolve_reopen_and_escalate_by_keyboard(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    model = window.issue_panel.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).status_label == "办理中")
    window.issue_panel.table.selectRow(row)
    issue_id = window.issue_panel.current_id()
    actions = window.issue_actions
    steps = [(actions.add_progress, "已召开专题协调会 1st", False, "办理中"),
             (actions.resolve, "临时用电已接入 ok", True, "已办结"),
             (actions.reopen, "企业反映仍未通电", False, "办理中")]
    for step, text, keypad, status in steps:
        typist = Typist(qtbot, "text_edit", text, keypad)
        actions.run_dialog = typist
        step()
        settle(qtbot, window)
        assert typist.dialogs[0].result() == QDialog.DialogCode.Accepted, (text, typist.dialogs[0].error_text)
        assert text in _journal(demo_workspace, issue_id)[-1]
        assert window.issue_panel.current_row().status_label == status
    with demo_workspace.db.read() as session:
        level = session.get(Issue, issue_id).level
    typist = Typist(qtbot, "reason_edit", "需市级部门协调用地指标")
    actions.run_dialog = typist
    actions.escalate()
    settle(qtbot, window)
    assert typist.dialogs[0].result() == QDialog.DialogCode.Accepted, typist.dialogs[0].error_text
    with demo_workspace.db.read() as session:
        assert session.get(Issue, issue_id).level != level


def test_a_refused_ok_stays_refused_by_the_key(qtbot) -> None:
    """The key presses OK, it does not skip OK's checks: a questioned date still keeps the dialog open."""
    create_application()
    dialog = NoteDialog("添加进展", "", "办理进展：", TODAY, found_on=date(2026, 10, 1))
    qtbot.addWidget(dialog)
    show(qtbot, dialog)
    written: list[str] = []
    dialog.submit = lambda: written.append("written")
    line = dialog.form.on_edit.line_edit  # typed, as the clerk does: a date before the found date is questioned
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, "9-30")
    dialog.form.text_edit.setFocus()
    type_into(qtbot, dialog.form.text_edit, "进展 ok")
    qtbot.keyClick(dialog.form.text_edit, Qt.Key.Key_Return, CTRL)
    assert written == [] and dialog.result() == 0 and "早于发现日期" in dialog.error_text
    dialog.form.on_edit.confirm()
    dialog.form.text_edit.setFocus()
    qtbot.keyClick(dialog.form.text_edit, Qt.Key.Key_Return, CTRL)
    assert written == ["written"] and dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values() == ("进展 ok", date(2026, 9, 30))


def test_decided_item_and_meeting_dialogs_take_the_key(qtbot) -> None:
    create_application()
    saved: list[object] = []
    choices = MeetingChoices(units=((1, "区住建局"),), people=(), projects=(), leaders=(), issues=())
    decision = DecisionDialog(choices, meeting_date=TODAY)
    decision.submit = lambda: saved.append(decision.value()[0])
    qtbot.addWidget(decision)
    show(qtbot, decision)
    decision.form.lead_unit_combo.setCurrentIndex(0)
    decision.form.deadline_check.setChecked(False)
    decision.form.text_edit.setFocus()
    type_into(qtbot, decision.form.text_edit, "月底前完成审批")
    qtbot.keyClick(decision.form.text_edit, Qt.Key.Key_Return, CTRL)
    assert decision.result() == QDialog.DialogCode.Accepted, decision.form.error_label.text()
    assert [d.text for d in saved] == ["月底前完成审批"]  # type: ignore[attr-defined]

    meetings: list[object] = []
    meeting = MeetingDialog(choices, lambda kind, year: 1, default_when=None)
    meeting.submit = lambda: meetings.append(meeting.value())
    qtbot.addWidget(meeting)
    show(qtbot, meeting)
    meeting.form.attendees_edit.setFocus()
    type_into(qtbot, meeting.form.attendees_edit, "王建国")
    qtbot.keyClick(meeting.form.attendees_edit, Qt.Key.Key_Return, CTRL)
    assert meeting.result() == QDialog.DialogCode.Accepted, meeting.form.error_label.text()
    assert len(meetings) == 1 and meeting.form.attendees_edit.toPlainText() == "王建国"
