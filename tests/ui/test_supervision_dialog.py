"""导出 → 签发督办文书 in the real window: units with overdue items, the items checked, issue on the worker."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.db.models import FeedbackItem, IssueNote, SupervisionNotice
from tests.ui.helpers import open_window, settle


def _dialog(qtbot, window):  # type: ignore[no-untyped-def]
    window.export_menu.supervision_action.trigger()
    dialog = window.export_menu.supervision_dialog
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)
    return dialog


def test_issue_a_notice_from_the_menu(qtbot, demo_workspace, today, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    dialog = _dialog(qtbot, window)
    assert dialog.form.kind_combo.currentText() == "督办单"
    assert dialog.form.unit_combo.count() > 0 and dialog.form.item_list.count() > 0
    assert "整改计划" in dialog.form.requirement_edit.toPlainText()
    unit = dialog.current_unit()
    first = dialog.form.item_list.item(0)
    assert first.checkState() == Qt.CheckState.Checked and "超期" in first.text()
    if dialog.form.item_list.count() > 1:
        dialog.form.item_list.item(1).setCheckState(Qt.CheckState.Unchecked)
    chosen = dialog.checked_ids()
    target = tmp_path / "督办单.docx"
    dialog.ask_path = lambda suggested: str(target)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=20_000)
    assert target.is_file()
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert f"{unit.unit}：" in text and f"督办〔{today.year}〕1号" in text
    with demo_workspace.db.read() as s:
        (notice,) = s.scalars(select(SupervisionNotice)).all()
        assert [i.issue_id for i in notice.items] == chosen and notice.unit_id == unit.unit_id
        noted = s.scalars(select(IssueNote.issue_id).where(IssueNote.kind == "supervise")).all()
        assert sorted(noted) == sorted(chosen)
    assert f"已签发督办单督办〔{today.year}〕1号" in window.statusBar().currentMessage()


def test_issue_with_the_reply_form(qtbot, demo_workspace, today, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    dialog = _dialog(qtbot, window)
    unit, chosen = dialog.current_unit(), dialog.checked_ids()
    assert not dialog.form.form_check.isChecked()  # a reply form only when the clerk asks for one
    qtbot.mouseClick(dialog.form.form_check, Qt.MouseButton.LeftButton)
    out = tmp_path / "out"
    out.mkdir()
    dialog.ask_path = lambda suggested: str(out / "督办单.docx")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=20_000)
    (form,) = out.glob("*.xlsx")
    assert form.name == f"{unit.unit}_问题办理反馈表_督办单督办〔{today.year}〕1号回执.xlsx"
    text = "\n".join(p.text for p in docx.Document(str(out / "督办单.docx")).paragraphs)
    assert "附件：问题办理反馈表" in text
    with demo_workspace.db.read() as s:
        sent = s.scalars(select(FeedbackItem.issue_id)).all()
    assert sorted(sent) == sorted(chosen)


def test_refusals_stay_in_the_dialog_and_record_nothing(qtbot, demo_workspace, today, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    dialog = _dialog(qtbot, window)
    for n in range(dialog.form.item_list.count()):
        dialog.form.item_list.item(n).setCheckState(Qt.CheckState.Unchecked)
    dialog.ask_path = lambda suggested: str(tmp_path / "x.docx")
    dialog.accept()
    assert "至少勾选一项" in dialog.form.error_label.text() and dialog.isVisible()
    dialog.form.item_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.form.reply_edit.set_value(dialog.form.issued_edit.value() - timedelta(days=1))
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.issuing, timeout=20_000)
    assert "应晚于签发日期" in dialog.form.error_label.text() and dialog.isVisible()
    assert not (tmp_path / "x.docx").exists()
    with demo_workspace.db.read() as s:
        assert s.scalars(select(SupervisionNotice)).all() == []


def test_requirement_follows_the_reply_deadline_until_edited(qtbot, demo_workspace, today, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    dialog = _dialog(qtbot, window)
    due = dialog.form.issued_edit.value() + timedelta(days=9)
    dialog.form.reply_edit.set_value(due)
    assert f"请于{due.year}年{due.month}月{due.day}日前" in dialog.form.requirement_edit.toPlainText()
    dialog.form.requirement_edit.setPlainText("请于下周一前当面汇报。")
    dialog.form.reply_edit.set_value(due + timedelta(days=1))
    assert dialog.form.requirement_edit.toPlainText() == "请于下周一前当面汇报。"


def test_reminder_panel_shows_the_ladder_step_and_opens_the_dialog_for_it(qtbot, demo_workspace, today, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    window.reload_reminders()
    settle(qtbot, window)  # read on the worker
    panel = window.reminder_panel
    rows = [i for i in panel.model.items if i.step and i.step_action != "escalate"]
    assert rows, "the demo has overdue issues at a ladder step"
    assert "按督办阶梯今天应处理" in panel.form.summary_label.text()
    row = panel.model.items.index(rows[0])
    assert panel.model.index(row, 5).data() == rows[0].step
    panel.form.reminder_table_view.setCurrentIndex(panel.model.index(row, 0))
    button = panel.form.supervise_button
    assert button.isEnabled() and button.text() == f"签发{rows[0].step.split('：')[-1]}…"
    button.click()
    dialog = window.export_menu.supervision_dialog
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)
    assert dialog.kind().value == rows[0].step_action
    assert dialog.form.unit_combo.currentData() == rows[0].unit_id
    assert rows[0].id in dialog.checked_ids()
