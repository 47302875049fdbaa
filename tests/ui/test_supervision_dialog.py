"""导出 → 签发督办文书 in the real window: units with overdue items, the items checked, issue on the worker."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
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


def test_reminder_panel_escalates_by_the_ladder_with_its_reason(qtbot, demo_workspace, today, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.db.models import Escalation
    from tests.ui.helpers import Driver, settle

    window = open_window(qtbot, demo_workspace, today, tmp_path)
    window.reload_reminders()
    panel = window.reminder_panel
    rows = [i for i in panel.model.items if i.step_action == "escalate" and i.kind == "issue"]
    assert rows, "the demo has issues overdue 30 days and more"
    item = rows[0]
    panel.form.reminder_table_view.setCurrentIndex(panel.model.index(panel.model.items.index(item), 0))
    button = panel.form.supervise_button
    assert button.isEnabled() and button.text() == "流转：提请包保领导协调…"
    seen: list[str] = []
    window.issue_actions.run_dialog = Driver(lambda d: seen.append(d.form.reason_edit.toPlainText()))
    button.click()
    settle(qtbot, window)
    assert seen == [f"按督办阶梯，{item.step}。"]
    assert window.issue_panel.current_row().id == item.id
    with demo_workspace.db.read() as s:
        (moved,) = s.scalars(select(Escalation).where(Escalation.issue_id == item.id)
                             .order_by(Escalation.id.desc()).limit(1)).all()
        assert moved.reason == seen[0]
    window.reload_reminders()
    qtbot.waitUntil(lambda: all(i.id != item.id or i.step_action != "escalate" for i in panel.model.items),
                    timeout=10_000)  # taken: the ladder does not propose it again


def test_supervise_the_selected_rows_from_the_issue_table(qtbot, demo_workspace, today, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QItemSelectionModel

    window = open_window(qtbot, demo_workspace, today, tmp_path)
    panel = window.issue_panel
    model = panel.model
    rows = [model.row_at(r) for r in range(model.rowCount())]
    overdue = [r for r in rows if r.unit_id is not None and r.deadline is not None and r.deadline < today
               and r.status in ("assigned", "phased")]
    by_unit: dict[int, list] = {}
    for r in overdue:
        by_unit.setdefault(r.unit_id, []).append(r)
    unit_id, mine = max(by_unit.items(), key=lambda kv: len(kv[1]))
    assert len(mine) >= 2, "the demo has a unit with two overdue issues"
    other = next(r for r in rows if r.unit_id not in (None, unit_id))
    selection = panel.table.selectionModel()
    panel.select_issue(mine[0].id)
    for row in (mine[1], other):
        selection.select(model.index(model.position_of(row.id), 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert window.export_menu.supervise_selected_action in window.issue_actions.context_menu().actions()
    window.export_menu.supervise_selected_action.trigger()
    dialog = window.export_menu.supervision_dialog
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)
    assert dialog.kind().value == "notice" and dialog.form.unit_combo.currentData() == unit_id
    assert sorted(dialog.checked_ids()) == sorted([mine[0].id, mine[1].id])  # the other unit's row is not its
    assert dialog.form.item_list.count() >= 2
    dialog.reject()


def test_ladder_set_in_the_window_drives_the_reminders(qtbot, demo_workspace, today, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.supervision.ladder import load_ladder

    window = open_window(qtbot, demo_workspace, today, tmp_path)
    window.reload_reminders()
    qtbot.waitUntil(lambda: any(i.step for i in window.reminder_panel.model.items), timeout=10_000)
    dialog = window.export_menu.open_ladder()
    qtbot.waitUntil(lambda: dialog.form.steps_table.rowCount() == 4, timeout=10_000)
    assert [s["days"] for s in dialog.steps()] == [1, 3, 7, 30]
    # A weaker instrument after a stronger one is refused by the service; nothing is saved.
    dialog.form.steps_table.cellWidget(2, 1).setCurrentIndex(0)  # 7 days: 提示单 after 督办单
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.pending, timeout=10_000)
    assert "不能排在" in dialog.error_text and dialog.isVisible()
    with demo_workspace.db.read() as s:
        assert [st.days for st in load_ladder(s)] == [1, 3, 7, 30]
    # One step only, 流转 after 400 days: no demo item is that late, so the panel proposes nothing.
    for _ in range(3):
        dialog.form.steps_table.setCurrentCell(0, 0)
        dialog.remove_step()
    dialog.form.steps_table.cellWidget(0, 0).setValue(400)
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    dialog.accept()
    qtbot.waitUntil(lambda: closed == [1], timeout=10_000)  # saved and closed (deleted on close)
    with demo_workspace.db.read() as s:
        assert [(st.days, st.action, st.label) for st in load_ladder(s)] == [(400, "escalate", "提请包保领导协调")]
    qtbot.waitUntil(lambda: not any(i.step for i in window.reminder_panel.model.items), timeout=10_000)


def test_a_units_overdue_row_on_the_dashboard_leads_to_its_notice(qtbot, demo_workspace, today, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    window = open_window(qtbot, demo_workspace, today, tmp_path)
    panel = window.field_tabs.dashboard
    window.form.main_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: bool(panel.overdue_chart.bars()), timeout=20_000)
    chart = panel.overdue_chart
    bar, rect = chart.bars()[0], chart.bar_rect(0)
    with qtbot.waitSignal(panel.drill_shown, timeout=10_000):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.left()) + 5, int(rect.center().y())))
    drill = panel.last_drill
    button = drill.findChild(QPushButton, "supervise_button")
    assert button is not None and button.text() == "向该单位签发督办文书…"
    ids = set(drill.drill.ids)
    button.click()
    dialog = window.export_menu.supervision_dialog
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)
    assert dialog.current_unit().unit == bar.label
    assert set(dialog.checked_ids()) <= ids and dialog.checked_ids()
    dialog.reject()
