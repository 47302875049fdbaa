"""反馈 → 单位申请 in the real window: a unit's 已办结 shows as 待确认办结 in the ledger and the 待办 panel, the clerk
confirms it (one click from the panel), the window's undo takes it back, an extension is refused with its reason
and a coordination request escalated — each on the worker, each in the journal."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from desktop.db.models import FeedbackRequest, Issue
from desktop.services.feedback import keys
from desktop.services.feedback.collect import collect
from desktop.services.feedback.send import send_round
from desktop.ui.issue_panel import AWAITING
from desktop.ui.models.issue_table import COLUMNS
from tests.services.feedback.support import data_rows, fill
from tests.ui.helpers import open_window, settle


def _issue_id(session, path: Path, number: int) -> int | None:  # type: ignore[no-untyped-def]
    row = next(r for r in data_rows(path) if r["序号"] == number)
    key = keys.decode(row["校验码"], keys.office_secret(session, create=False))
    return session.scalar(select(Issue.id).where(Issue.uuid == key.issue_uuid))


def test_requests_from_the_panel_and_the_dialog(qtbot, demo_workspace, today, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "sent"
    out.mkdir()
    with demo_workspace.db.transaction() as session:
        result = send_round(session, out, deadline=today + timedelta(days=5), name="窗口申请轮",
                            today=today - timedelta(days=3))
        form = next(f for f in result.forms if f.items >= 3 and all(_issue_id(session, f.path, n) for n in (1, 2, 3)))
        done_id, late_id, help_id = (_issue_id(session, form.path, n) for n in (1, 2, 3))
        old_deadline = session.get(Issue, late_id).deadline
    back = fill(form.path, tmp_path / "back" / form.path.name, {
        1: {"办理进展": "已完工", "办理状态": "已办结", "预计完成时间": datetime(2026, 11, 20)},
        2: {"办理状态": "申请延期", "预计完成时间": "2027-03-31"},
        3: {"办理状态": "需上级协调", "需协调事项": "请市级协调电力外线"},
    })
    collect(demo_workspace.db, [back], today=today - timedelta(days=1))

    window = open_window(qtbot, demo_workspace, today, tmp_path)
    panel = window.issue_panel
    qtbot.waitUntil(lambda: done_id in panel.model.awaiting, timeout=20_000)
    panel.status_combo.setCurrentIndex(panel.status_combo.findData(AWAITING))
    assert panel.model.rowCount() == 1
    status_column = next(i for i, (key, _label) in enumerate(COLUMNS) if key == "status")
    assert panel.model.data(panel.model.index(0, status_column)).endswith("（待确认办结）")
    reminders = window.reminder_panel
    assert [r.request_kind for r in reminders.model.items[:3]] == ["done", "extension", "coordination"]
    assert "单位申请待处理 3 项</b>（含待确认办结 1 项）" in reminders.form.summary_label.text()

    # one click from the 待办 panel opens the request, selected
    reminders.form.reminder_table_view.selectRow(0)
    assert reminders.form.supervise_button.text() == "确认办结或退回…"
    reminders.form.supervise_button.click()
    dialog = window.feedback_menu.requests_dialog
    qtbot.waitUntil(lambda: len(dialog.rows) == 3 and dialog.current() is not None, timeout=20_000)
    assert dialog.current().record_id == done_id and dialog.form.approve_button.text() == "确认办结"
    assert not dialog.form.escalate_button.isEnabled()
    dialog.form.approve_button.click()
    qtbot.waitUntil(lambda: dialog.done_text.startswith("已确认办结"), timeout=20_000)
    settle(qtbot, window)
    with demo_workspace.db.read() as session:
        issue = session.get(Issue, done_id)
        assert (issue.status, issue.resolved_on) == ("resolved", date(2026, 11, 20))
    qtbot.waitUntil(lambda: done_id not in panel.model.awaiting, timeout=20_000)
    assert panel.model.rowCount() == 0

    # the window's undo takes the confirmation back
    assert window.undo_stack.undoText().startswith("确认办结")
    window.undo_stack.undo()
    settle(qtbot, window)
    with demo_workspace.db.read() as session:
        assert session.get(Issue, done_id).status != "resolved"
        assert session.scalars(select(FeedbackRequest).where(FeedbackRequest.issue_id == done_id)).one().state == \
            "pending"
    qtbot.waitUntil(lambda: done_id in panel.model.awaiting, timeout=20_000)

    # an extension refused with the reason: the deadline stands
    qtbot.waitUntil(lambda: len(dialog.rows) == 3, timeout=20_000)
    dialog.select_request(next(r.id for r in dialog.rows if r.record_id == late_id))
    assert dialog.form.refuse_button.text() == "不同意…"
    dialog.ask_text = lambda _title, _label: "时限不能再延"
    dialog.form.refuse_button.click()
    qtbot.waitUntil(lambda: dialog.done_text.startswith("已不同意延期"), timeout=20_000)
    # the coordination request escalated to the level chosen, with the unit's words as the reason
    qtbot.waitUntil(lambda: len(dialog.rows) == 2, timeout=20_000)
    dialog.select_request(next(r.id for r in dialog.rows if r.record_id == help_id))
    asked: list[str] = []
    dialog.ask_level = lambda levels, reason: (asked.append(reason), (levels[-1][0], reason))[1]
    dialog.form.escalate_button.click()
    qtbot.waitUntil(lambda: dialog.done_text.startswith("已流转协调申请"), timeout=20_000)
    settle(qtbot, window)
    with demo_workspace.db.read() as session:
        assert session.get(Issue, late_id).deadline == old_deadline
        assert "时限不能再延" in session.get(Issue, late_id).notes[-1].text
        helped = session.get(Issue, help_id)
        assert helped.level == "city" and helped.escalations[-1].reason == asked[0]
    assert asked == [f"{form.unit}申请上级协调：需协调事项：请市级协调电力外线"]
    dialog.form.show_all_check.setChecked(True)
    qtbot.waitUntil(lambda: len(dialog.rows) == 3, timeout=20_000)
    assert sorted(r.state_label for r in dialog.rows) == sorted(["待处理", "不同意延期", "已流转"])
    dialog.reject()
