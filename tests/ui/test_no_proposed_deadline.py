"""No deadline is proposed (issue #14: "Every deadline decides what counts as overdue"): 交办 and a new 议定事项
start with an empty 完成时限, and Enter is refused naming the field until the clerk writes one."""

from __future__ import annotations

from datetime import date

from desktop.app import create_application
from desktop.services.meetings.choices import MeetingChoices
from desktop.ui.dialogs.decision_dialog import DecisionDialog
from desktop.ui.dialogs.issue_dialogs import AssignDialog

TODAY = date(2026, 12, 4)


def test_assign_starts_without_a_deadline_and_refuses_until_one_is_written(qtbot) -> None:
    create_application()
    dialog = AssignDialog("问题：临时用电", [(1, "区住建局"), (2, "区水务局")], [], TODAY)
    qtbot.addWidget(dialog)
    dialog.form.unit_combo.setCurrentIndex(0)
    assert dialog.form.deadline_edit.value() is None and dialog.form.deadline_edit.text() == ""
    dialog.accept()
    assert dialog.result() == 0 and dialog.error_text == "「完成时限」：请填写日期"
    dialog.form.deadline_edit.set_value(date(2026, 12, 20))
    dialog.accept()
    assert dialog.result() == 1 and dialog.values()["deadline"] == date(2026, 12, 20)


def test_a_new_decided_item_has_no_proposed_deadline(qtbot) -> None:
    create_application()
    saved: list[object] = []
    choices = MeetingChoices(units=((1, "区住建局"),), people=(), projects=(), leaders=(), issues=())
    dialog = DecisionDialog(choices, meeting_date=TODAY)
    dialog.submit = lambda: saved.append(dialog.value()[0])
    qtbot.addWidget(dialog)
    f = dialog.form
    f.text_edit.setPlainText("区住建局月底前完成审批")
    f.lead_unit_combo.setCurrentIndex(0)
    assert f.deadline_check.isChecked() and f.deadline_edit.value() is None
    dialog.accept()
    assert saved == [] and "「完成时限」：请填写日期" in f.error_label.text()
