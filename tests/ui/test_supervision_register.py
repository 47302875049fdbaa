"""导出 → 督办文书登记簿 in the real window: two notices issued, a reply recorded (refused while empty), one
withdrawn with its reason (its number kept), one printed again, the states as the register says."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import docx
from sqlalchemy import select

from desktop.db.models import IssueNote
from desktop.services.supervision.kinds import SupervisionKind
from desktop.services.supervision.notices import NoticeRequest, candidates, issue_notice
from tests.ui.helpers import open_window


def _wait(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)


def test_reply_withdraw_and_reprint(qtbot, demo_workspace, today, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    kind = SupervisionKind.NOTICE
    with demo_workspace.db.transaction() as s:
        units = candidates(s, kind, today)[:2]
        for unit in units:
            issue_notice(s, NoticeRequest(kind, unit.unit_id, [unit.items[0].issue_id], today,
                                          today + timedelta(days=5)), today=today)
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    window.export_menu.register_action.trigger()
    dialog = window.export_menu.register_dialog
    _wait(qtbot, dialog)
    f = dialog.form
    table = f.notice_table
    assert table.rowCount() == 2
    assert [table.item(r, 1).text() for r in range(2)] == [f"督办〔{today.year}〕1号", f"督办〔{today.year}〕2号"]
    assert {table.item(r, 6).text() for r in range(2)} == {"待回复"}
    table.selectRow(0)
    f.reply_button.click()
    _wait(qtbot, dialog)
    assert "须填写回复内容" in f.error_label.text()
    f.text_edit.setPlainText("已制定整改计划，12月底前完成")
    f.reply_button.click()
    _wait(qtbot, dialog)
    qtbot.waitUntil(lambda: table.item(0, 6).text().startswith("已回复"), timeout=10_000)
    table.selectRow(1)
    f.text_edit.setPlainText("误发：该问题已转市级协调")
    f.withdraw_button.click()
    _wait(qtbot, dialog)
    qtbot.waitUntil(lambda: table.item(1, 6).text() == "已撤回（误发：该问题已转市级协调）", timeout=10_000)
    with demo_workspace.db.read() as s:
        notes = s.scalars(select(IssueNote.text).where(IssueNote.kind.in_(("supervise", "supervise_reply")))).all()
    assert any("回复：已制定整改计划" in n for n in notes) and any("撤回督办单" in n for n in notes)
    table.selectRow(1)
    dialog.ask_path = lambda _suggested: str(tmp_path / "重印.docx")
    f.reprint_button.click()
    _wait(qtbot, dialog)
    assert dialog.last_saved == tmp_path / "重印.docx"
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "重印.docx")).paragraphs)
    assert "已撤回：误发：该问题已转市级协调" in text and units[1].unit in text
    dialog.reject()
