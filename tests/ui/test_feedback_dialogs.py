"""反馈 menu in the real window: send the round, a unit fills its form, drop it on the window, take it in, chase."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import docx
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desktop.db.models import FeedbackReply, FeedbackRound, Issue, IssueNote
from tests.services.feedback.support import fill
from tests.ui.helpers import open_window


def _send(qtbot, window, folder: Path, *, notices: bool = False):  # type: ignore[no-untyped-def]
    window.feedback_menu.send_action.trigger()
    dialog = window.feedback_menu.send_dialog
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)
    dialog.form.folder_edit.setText(str(folder))
    dialog.form.notice_check.setChecked(notices)
    return dialog


def _drop_on(window, paths: list[Path]) -> bool:  # type: ignore[no-untyped-def]
    """A real drop event through the window's filter (Qt delivers a Drop only inside a real drag, which the
    offscreen platform cannot start; the DragEnter it delivers first is checked on its own)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    return window.feedback_menu.eventFilter(window, event)


def test_send_from_the_menu_writes_forms_and_notices_and_records_the_round(qtbot, demo_workspace, today,  # type: ignore[no-untyped-def]
                                                                          tmp_path: Path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    dialog = _send(qtbot, window, out, notices=True)
    assert dialog.form.round_edit.text() == f"{today.year}年{today.month}月第1轮"
    assert dialog.form.deadline_edit.value() == today + timedelta(days=7)
    count = dialog.form.unit_list.count()
    assert count > 2 and "项未办结" in dialog.form.unit_list.item(0).text()
    dialog.form.none_button.click()
    dialog.accept()
    assert "至少勾选一个单位" in dialog.form.error_label.text() and dialog.isVisible()
    for n in (0, 1):
        dialog.form.unit_list.item(n).setCheckState(Qt.CheckState.Checked)
    chosen = dialog.checked_units()
    dialog.form.round_edit.setText("窗口轮")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
    assert sorted(f.unit for f in dialog.result.forms) == sorted(chosen)
    assert len(list(out.glob("*_问题办理反馈表_窗口轮.xlsx"))) == 2
    assert len(list(out.glob("*_交办通知_窗口轮.docx"))) == 2
    assert "已发出窗口轮反馈表：2个单位" in window.statusBar().currentMessage()
    with demo_workspace.db.read() as s:
        (round_,) = s.scalars(select(FeedbackRound)).all()
        assert round_.name == "窗口轮" and sorted(round_.units) == sorted(chosen)

    again = _send(qtbot, window, out)
    again.form.round_edit.setText("窗口轮")
    again.accept()
    qtbot.waitUntil(lambda: "已经发出过" in again.form.error_label.text(), timeout=30_000)
    assert again.isVisible() and again.form.button_box.isEnabled()
    again.reject()


def test_drop_returned_forms_on_the_window_preview_and_take_per_item(qtbot, demo_workspace, today,  # type: ignore[no-untyped-def]
                                                                    tmp_path: Path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    dialog = _send(qtbot, window, out)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
    form = next(f for f in dialog.result.forms if f.items >= 2)
    back = fill(form.path, tmp_path / "back" / form.path.name,
                {1: {"办理进展": "窗口收取的进展一", "办理状态": "办理中"},
                 2: {"办理进展": "窗口收取的进展二", "办理状态": "需上级协调", "需协调事项": "用地指标"}})
    from openpyxl import load_workbook

    from desktop.importers.feedback_form import FIRST_DATA_ROW, NEW_FIELDS, NEW_SHEET
    workbook = load_workbook(back)
    project = workbook.active.cell(FIRST_DATA_ROW, 2).value
    workbook[NEW_SHEET].cell(FIRST_DATA_ROW, NEW_FIELDS.index("项目名称") + 1).value = project
    workbook[NEW_SHEET].cell(FIRST_DATA_ROW, NEW_FIELDS.index("问题描述") + 1).value = "窗口报来的新问题"
    workbook.save(back)
    assert not _drop_on(window, [tmp_path / "说明.txt"])  # not a spreadsheet: not taken as returned forms
    assert window.feedback_menu.collect_dialog is None
    assert _drop_on(window, [back.parent])
    collect = window.feedback_menu.collect_dialog
    assert collect is not None and collect.paths == [back.parent]
    qtbot.waitUntil(lambda: collect.preview is not None, timeout=30_000)
    tree = collect.form.preview_tree
    assert tree.topLevelItemCount() == 1
    top = tree.topLevelItem(0)
    assert top.text(0) == back.name and form.unit in top.text(1) and "新反馈2行" in top.text(4)
    rows = [top.child(n) for n in range(top.childCount())]
    new = [r for r in rows if r.text(4) == "新反馈"]
    assert len(new) == 2 and all(r.checkState(0) == Qt.CheckState.Checked for r in new)
    (reported,) = [r for r in rows if r.text(4) == "新增问题"]
    assert reported.text(1) == "窗口报来的新问题" and reported.checkState(0) == Qt.CheckState.Checked
    assert "未填，未记录" in reported.text(2)
    second = next(r for r in new if "窗口收取的进展二" in r.text(2))
    second.setCheckState(0, Qt.CheckState.Unchecked)  # the clerk leaves one out
    with demo_workspace.db.read() as s:
        before = s.scalar(select(func.count()).select_from(IssueNote))
    collect.accept()
    qtbot.waitUntil(lambda: collect.result is not None, timeout=30_000)
    assert collect.result.taken == 1 and collect.result.backup_path is not None
    assert "已采用1项反馈（1个文件）" in collect.summary_text and "新问题1个（待交办" in collect.summary_text
    collect.result_box.close()
    with demo_workspace.db.read() as s:
        notes = s.scalars(select(IssueNote).where(IssueNote.kind == "progress").order_by(IssueNote.id.desc())).all()
        assert "窗口收取的进展一" in notes[0].text and "窗口收取的进展二" not in notes[0].text
        (created,) = s.scalars(select(Issue).where(Issue.description == "窗口报来的新问题")).all()
        assert created.status == "new" and created.found_by == form.unit and created.found_on is None  # not written
        assert s.scalar(select(func.count()).select_from(IssueNote)) == before + 1 + 2  # progress; found + report
        assert s.scalar(select(func.count()).select_from(FeedbackReply)) == 1
    assert "撤销最近一次收取" in collect.summary_text

    # 反馈情况 → 撤销最近一次收取: asked first, then everything the collect wrote is gone
    window.feedback_menu.status_action.trigger()
    status = window.feedback_menu.status_dialog
    qtbot.waitUntil(lambda: status.form.round_combo.count() == 1, timeout=20_000)
    asked: list[str] = []
    status.confirm_undo = lambda text: asked.append(text) or False  # the clerk says no first
    status.form.undo_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert back.name in asked[0] and "整体删除" in asked[0] and status.undone is None
    status.confirm_undo = lambda text: True
    status.form.undo_button.click()
    qtbot.waitUntil(lambda: status.undone is not None, timeout=30_000)
    assert status.undone.startswith("已撤销收取反馈记录 ") and status.undone in status.form.error_label.text()
    with demo_workspace.db.read() as s:
        assert s.scalar(select(func.count()).select_from(IssueNote)) == before
        assert s.scalar(select(func.count()).select_from(FeedbackReply)) == 0
        assert s.scalars(select(Issue).where(Issue.description == "窗口报来的新问题")).first() is None
    qtbot.waitUntil(lambda: "已报0个" in status.form.summary_label.text(),
                    timeout=20_000)
    status.form.undo_button.click()
    qtbot.waitUntil(lambda: "没有可撤销的收取反馈记录" in status.form.error_label.text(), timeout=20_000)


def test_status_view_chases_the_late_units(qtbot, demo_workspace, today, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.exporters.feedback_job import send_with_notices

    out = tmp_path / "out"
    out.mkdir()
    sent_on = today - timedelta(days=10)
    with demo_workspace.db.transaction() as s:
        result, _ = send_with_notices(s, out, notices=False, deadline=today - timedelta(days=3), name="旧轮",
                                      today=sent_on)
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    window.feedback_menu.status_action.trigger()
    status = window.feedback_menu.status_dialog
    qtbot.waitUntil(lambda: status.form.round_combo.count() == 1, timeout=20_000)
    table = status.form.unit_table
    assert table.rowCount() == len(result.forms)
    assert {table.item(r, 4).text() for r in range(table.rowCount())} == {"逾期未报"}
    assert f"逾期未报{len(result.forms)}个" in status.form.summary_label.text()
    assert status.form.chase_button.isEnabled()
    target = tmp_path / "催报.docx"
    status.ask_docx = lambda suggested: str(target)
    status.form.chase_button.click()
    qtbot.waitUntil(lambda: status.saved is not None, timeout=30_000)
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "催\u3000报\u3000通\u3000知" in text and "旧轮" in text
    again = tmp_path / "again"
    again.mkdir()
    status.ask_folder = lambda: str(again)
    status.ask_deadline = lambda: today + timedelta(days=5)
    status.form.second_round_button.click()
    qtbot.waitUntil(lambda: status.second is not None, timeout=30_000)
    assert len(status.second.forms) == len(result.forms)
    qtbot.waitUntil(lambda: status.form.round_combo.count() == 2, timeout=20_000)
    with demo_workspace.db.read() as s:
        assert s.scalar(select(func.count()).select_from(FeedbackRound)) == 2
