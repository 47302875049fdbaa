"""The meetings tab driven like a user would, on real temp databases (pytest-qt, offscreen)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QItemSelectionModel, QMimeData, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy import select

from desktop.app import create_application
from desktop.db.models import Decision, Issue, IssueNote, Meeting
from desktop.services.lifecycle import Action
from desktop.services.meetings import drafts
from desktop.ui.dialogs.decision_dialog import DecisionDialog
from desktop.ui.dialogs.issue_picker_dialog import IssuePickerDialog
from desktop.ui.dialogs.meeting_chooser import MeetingChooserDialog
from desktop.ui.dialogs.meeting_dialog import MeetingDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.meetings_panel import MeetingsPanel
from desktop.ui.ops import Ops
from tests.ui.helpers import wait_for_dialog, wait_loaded


def _window(qtbot, workspace, today, tmp_path) -> MainWindow:
    create_application()
    window = MainWindow(workspace, today=today, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1440, 860)
    window.show()
    qtbot.waitUntil(lambda: not window.ops.busy(), timeout=10_000)  # the open meeting's detail is read on the worker
    return window


class Script:
    """Plays the user's part in each dialog the panel opens: a queue of callables, one per dialog."""

    def __init__(self, panel: MeetingsPanel) -> None:
        self.steps: list = []
        self.seen: list[QDialog] = []
        panel.exec_dialog = self.run

    def then(self, step) -> Script:  # type: ignore[no-untyped-def]
        self.steps.append(step)
        return self

    def run(self, dialog: QDialog) -> int:
        self.seen.append(dialog)
        step = self.steps.pop(0)
        if step(dialog) is False:
            return QDialog.DialogCode.Rejected
        dialog.accept()
        wait_for_dialog(dialog)  # a dialog whose OK runs on the worker closes when it answers
        error = getattr(getattr(dialog, "form", None), "error_label", None)
        assert error is None or not error.text(), error.text()
        return dialog.result()


def _settle(qtbot, panel: MeetingsPanel) -> None:  # type: ignore[no-untyped-def]
    """Wait until the panel's reads and writes (on the Ops worker) have all answered and are on screen."""
    qtbot.waitUntil(lambda: not panel.ops.busy(), timeout=10_000)


def _export(qtbot, panel: MeetingsPanel, how: str, path: Path) -> Path:  # type: ignore[no-untyped-def]
    """The panel's Word/PDF export to `path`: the 纪要 read (and the Word file written) on the worker, the path
    handed back when it is there."""
    written: list[Path] = []
    (panel.exporter.export_word if how == "word" else panel.exporter.export_pdf)(path, written.append)
    _settle(qtbot, panel)
    assert written == [path]
    return path


def new_meeting_step(dialog: MeetingDialog) -> None:
    assert isinstance(dialog, MeetingDialog)
    f = dialog.form
    assert f.number_spin.value() == 4  # 第4次: three 推进会 this year already
    assert f.title_edit.text() == "重点项目推进会（第4次）"
    f.title_edit.setText("重点项目包保工作第四次推进会")
    f.place_edit.setText("区政府第一会议室")
    f.chair_combo.setCurrentText("区长")
    f.attendee_combo.setCurrentText(f.attendee_combo.itemText(0))
    f.add_attendee_button.click()
    f.attendee_combo.setCurrentText("区住建局")
    f.add_attendee_button.click()
    f.recorder_edit.setText("包保办")


def _open_issue_rows(window: MainWindow, n: int) -> list[int]:
    model = window.issue_panel.model
    table = window.issue_panel.table
    rows = [r for r in range(model.rowCount()) if not model.row_at(r).is_done][:n]
    for r in rows:
        table.selectionModel().select(model.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                                      | QItemSelectionModel.SelectionFlag.Rows)
    return [model.row_at(r).id for r in rows]


def test_submit_issues_to_a_new_meeting_from_the_issue_table(qtbot, demo_workspace, today, tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    panel = window.meetings_panel
    ids = _open_issue_rows(window, 3)
    script = Script(panel)
    script.then(lambda d: d.form.new_radio.setChecked(True)).then(new_meeting_step)
    window.submit_to_meeting_action.trigger()
    _settle(qtbot, panel)
    assert isinstance(script.seen[0], MeetingChooserDialog)
    assert window.form.main_tabs.currentWidget() is window.form.meetings_tab
    assert panel.current.label == "2026年第4次推进会"
    assert panel.current.attendees.endswith("，区住建局")
    assert panel.agenda_model.rowCount() == 3
    assert panel.form.detail_tabs.tabText(0) == "议题（3）"
    with demo_workspace.db.read() as s:
        notes = s.scalars(select(IssueNote).where(IssueNote.meeting_id == panel.current.id)).all()
        assert sorted(n.issue_id for n in notes) == sorted(ids)


def test_agenda_picker_filters_and_adds_typed_topics(qtbot, demo_workspace, today, tmp_path, monkeypatch) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    panel = window.meetings_panel
    script = Script(panel)
    script.then(new_meeting_step)
    panel.new_meeting()
    _settle(qtbot, panel)

    def pick(dialog: IssuePickerDialog) -> None:
        assert dialog.loading and dialog.form.count_label.text() == "正在读取未办结问题……"  # asked, not waited for
        wait_loaded(qtbot, dialog)  # each filter's candidates are read on the worker
        total = dialog.model.rowCount()
        dialog.form.overdue_check.setChecked(True)
        wait_loaded(qtbot, dialog)
        overdue = dialog.model.rowCount()
        assert 0 < overdue < total
        assert dialog.form.issue_view.verticalHeader().count() == overdue  # the view shows them, not just the model
        dialog.form.leader_combo.setCurrentIndex(1)
        wait_loaded(qtbot, dialog)
        assert dialog.model.rowCount() <= overdue
        for r in range(min(2, dialog.model.rowCount())):
            dialog.model.item(r, 0).setCheckState(Qt.CheckState.Checked)
        assert "已选" in dialog.form.count_label.text()

    script.then(pick)
    added: list[int] = []
    panel.pick_issues(added.extend)
    _settle(qtbot, panel)
    assert len(added) == panel.agenda_model.rowCount() >= 1
    monkeypatch.setattr(panel, "ask_text", lambda *a, **k: "研究明年项目谋划储备")
    panel.add_topic()
    _settle(qtbot, panel)
    assert panel.agenda_model.item(panel.agenda_model.rowCount() - 1, 1).text() == "新增议题"
    panel.form.agenda_view.selectRow(panel.agenda_model.rowCount() - 1)
    panel.move_agenda_item(-1)
    _settle(qtbot, panel)
    assert panel.agenda_model.item(panel.agenda_model.rowCount() - 2, 2).text() == "研究明年项目谋划储备"


def type_chinese(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Chinese arrives through the input method as committed text (QTest key clicks are ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_minutes_editor_autosaves_and_offers_a_newer_draft(qtbot, demo_workspace, today, tmp_path, monkeypatch) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    panel = window.meetings_panel
    meeting_id = panel.current.id
    panel.form.detail_tabs.setCurrentWidget(panel.form.minutes_tab)
    editor = panel.form.minutes_edit
    editor.setFocus()
    type_chinese(editor, "会议总体情况")
    panel.form.heading1_button.click()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    panel.form.body_button.click()
    type_chinese(editor, "会议听取了汇报。")
    assert editor.heading_texts() == [(1, "会议总体情况")]
    assert editor.toPlainText().startswith("一、会议总体情况")
    qtbot.waitUntil(lambda: panel.form.save_state_label.text() == "已自动保存", timeout=5000)
    with demo_workspace.db.read() as s:
        stored = s.get(Meeting, meeting_id).minutes_html
        assert stored == "<h1>一、会议总体情况</h1><p>会议听取了汇报。</p>"  # compact: no Qt style noise
    assert not drafts.draft_path(demo_workspace.data_dir, meeting_id).exists()

    # A crash after the draft was written but before the database save: the text comes back on next open.
    editor.append("崩溃前最后一句")
    panel.autosave.write_draft()
    panel.autosave._db_timer.stop()
    assert drafts.draft_path(demo_workspace.data_dir, meeting_id).exists()
    panel.autosave.meeting_id = None  # the process dies: nothing else gets saved
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    second = MeetingsPanel(Ops(demo_workspace), today=today)
    qtbot.addWidget(second)
    second.reload(meeting_id)
    _settle(qtbot, second)
    assert "崩溃前最后一句" in second.form.minutes_edit.toPlainText()
    with demo_workspace.db.read() as s:
        assert "崩溃前最后一句" in s.get(Meeting, meeting_id).minutes_html


def test_paste_from_word_keeps_structure_and_drops_junk(qtbot, workspace, today, tmp_path) -> None:
    window = _window(qtbot, workspace, today, tmp_path)
    editor = window.meetings_panel.form.minutes_edit
    editor.setEnabled(True)
    mime = QMimeData()
    mime.setHtml('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style:x}'
                 '</style></head><body><h2 style="font-family:Calibri;color:#1f497d">（一）关于用地</h2>'
                 '<p class="MsoNormal" style="font-size:22pt;color:red;mso-fareast-font-family:宋体">'
                 '<span style="font-family:Wingdings">正文\x0b第二行</span><b>加粗</b>😀\x07</p>'
                 '<table><tr><td>表格\x01单元</td></tr></table></body></html>')
    mime.setText("fallback")
    editor.insertFromMimeData(mime)
    html = editor.minutes_html()
    for junk in ("Calibri", "Wingdings", "mso", "color:", "22pt", "\x0b", "\x07", "\x01"):
        assert junk not in html
    assert editor.heading_texts() == [(2, "关于用地")]
    text = editor.toPlainText()
    assert "正文 第二行加粗😀" in text and "表格单元" in text  # Word's U+000B line break became a space
    from desktop.services.meetings.rich_text import parse_minutes

    para = next(b for b in parse_minutes(html) if b.text.startswith("正文"))
    assert [s.text for s in para.spans if s.bold] == ["加粗"]
    plain = QMimeData()
    plain.setText("纯文本\x1f一行\n另一行")
    editor.insertFromMimeData(plain)
    assert "纯文本一行" in editor.toPlainText()


def _decide(dialog: DecisionDialog, text: str, unit: str, link_first_issue: bool) -> None:
    f = dialog.form
    if text:
        f.text_edit.setPlainText(text)
    index = f.lead_unit_combo.findText(unit)
    if index >= 0:
        f.lead_unit_combo.setCurrentIndex(index)
        f.person_combo.setCurrentIndex(1)  # people of the chosen unit come first
    else:
        f.lead_unit_combo.setCurrentText(unit)  # typed: a unit not yet in the directory
    if f.deadline_edit.value() is None:  # no 完成时限 is proposed for a new item
        f.deadline_edit.set_value(date.today() + timedelta(days=30))
    f.supporting_list.item(0).setCheckState(Qt.CheckState.Checked)
    if link_first_issue:
        f.issue_list.item(0).setCheckState(Qt.CheckState.Checked)


def test_decided_items_recorded_while_writing_and_completed(qtbot, demo_workspace, today, tmp_path,
                                                            monkeypatch) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    panel = window.meetings_panel
    ids = _open_issue_rows(window, 2)
    script = Script(panel)
    script.then(lambda d: d.form.new_radio.setChecked(True)).then(new_meeting_step)
    window.submit_to_meeting_action.trigger()
    _settle(qtbot, panel)
    meeting_id = panel.current.id

    # inline: select a sentence in the minutes and make it a decided item
    editor = panel.form.minutes_edit
    editor.setPlainText("会议议定：区住建局加快办理施工许可。其他事项另行研究。")
    cursor = editor.textCursor()
    cursor.setPosition(5)
    cursor.setPosition(18, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    script.then(lambda d: _decide(d, "", "区住房和城乡建设局", True))
    panel.form.decision_from_selection_button.click()
    _settle(qtbot, panel)
    assert script.seen[-1].form.text_edit.toPlainText() == "区住建局加快办理施工许可。"
    script.then(lambda d: _decide(d, "区重点项目服务中心做好项目要素保障", "区重点项目服务中心", False))
    panel.form.add_decision_inline_button.click()
    _settle(qtbot, panel)
    assert panel.form.side_decision_list.count() == 2
    assert panel.form.rate_label.text().startswith("议定事项2项，已完成0项，办结率0.00%（0%）")

    with demo_workspace.db.read() as s:
        first = s.scalars(select(Decision).where(Decision.meeting_id == meeting_id, Decision.seq == 1)).one()
        assert [i.id for i in first.issues] == [ids[0]] and first.supporting_units
        assert first.person.unit.name == "区住房和城乡建设局"
        second = s.scalars(select(Decision).where(Decision.meeting_id == meeting_id, Decision.seq == 2)).one()
        assert second.lead_unit.name == "区重点项目服务中心"
        history = [n.text for n in s.get(Issue, ids[0]).notes if n.meeting_id == meeting_id]
        assert history[-1] == "提交2026年第4次推进会研究，议定：区住建局加快办理施工许可。"

    tracker = panel.tracker
    panel.select_decision(meeting_id, first.id)
    _settle(qtbot, panel)
    assert tracker.selected_id() == first.id
    assert not panel.form.close_button.isEnabled()  # not resolved yet: 销号 refused, with the reason as tooltip
    assert "尚未办结" in panel.form.close_button.toolTip()
    monkeypatch.setattr(panel, "ask_text", lambda *a, **k: "已办结施工许可")
    panel.form.resolve_button.click()
    _settle(qtbot, panel)
    assert panel.form.rate_label.text().startswith("议定事项2项，已完成1项，办结率50.00%（50%）")
    assert "办结：已办结施工许可" in panel.form.history_edit.toPlainText()
    assert panel.meeting_model.index(0, 4).data() == "50.00%"
    monkeypatch.setattr(panel, "ask_text", lambda *a, **k: "复查发现未完成")
    assert tracker.run(Action.REOPEN, first.id)
    _settle(qtbot, panel)
    assert panel.current.rate.numerator == 0
    panel.form.open_only_check.setChecked(True)
    assert tracker.model.rowCount() == 2


def test_open_item_is_carried_to_the_next_meeting(qtbot, demo_workspace, today, tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    panel = window.meetings_panel
    third = panel.current
    assert third.label == "2026年第3次推进会" and third.rate_text() == "议定事项10项，已完成9项，办结率90.00%（90%）"
    open_item = third.open_decisions()[0]
    assert "97.06%" in panel.summary_label.text()
    script = Script(panel)
    script.then(lambda d: d.form.new_radio.setChecked(True)).then(new_meeting_step)
    panel.form.detail_tabs.setCurrentWidget(panel.form.decisions_tab)
    panel.tracker.select(open_item.id)
    assert panel.form.carry_button.isEnabled()
    targets: list[int] = []
    panel.tracker.carry(then=targets.append)
    _settle(qtbot, panel)
    target = targets[0]
    assert panel.current.id == third.id  # the meeting the item was carried from stays shown
    with demo_workspace.db.read() as s:
        assert s.get(Meeting, target).number == 4
    panel.select_meeting(target)
    _settle(qtbot, panel)
    assert panel.current.id == target
    assert panel.agenda_model.item(0, 2).text().startswith(f"（续议）2026年第3次推进会议定事项第{open_item.seq}项")
    assert panel.agenda_model.item(0, 1).text() == "续议事项"


def test_attendance_recorded_in_the_meeting_dialog(qtbot, demo_workspace, today, tmp_path) -> None:
    """出席 / 请假 / 列席 typed in the real dialog are stored as written, shown again on 编辑, and printed in the
    纪要's attendance block below the 附件说明."""
    window = _window(qtbot, demo_workspace, today, tmp_path)
    panel = window.meetings_panel

    def fill(dialog: MeetingDialog) -> None:
        f = dialog.form
        assert f.attendees_label.text() == "出席" and f.on_leave_label.text() == "请假"
        f.attendees_edit.setPlainText("区政府副区长张某某，区住建局局长李某某")
        f.on_leave_edit.setPlainText("区财政局局长孙某某（公务）")
        f.observers_edit.setPlainText("区委督查室、区政府督查室")

    Script(panel).then(fill)
    panel.edit_meeting()
    _settle(qtbot, panel)
    meeting_id = panel.current.id
    with demo_workspace.db.read() as s:
        m = s.get(Meeting, meeting_id)
        assert (m.attendees, m.on_leave, m.observers) == (
            "区政府副区长张某某，区住建局局长李某某", "区财政局局长孙某某（公务）", "区委督查室、区政府督查室")
    assert panel.current.on_leave == "区财政局局长孙某某（公务）"

    def check(dialog: MeetingDialog) -> bool:
        assert dialog.form.observers_edit.toPlainText() == "区委督查室、区政府督查室"
        return False  # cancel: nothing changes

    Script(panel).then(check)
    panel.edit_meeting()
    word = _export(qtbot, panel, "word", tmp_path / "纪要.docx")
    texts = [p.text for p in Document(str(word)).paragraphs]
    note = next(i for i, t in enumerate(texts) if t.startswith("附件："))
    assert texts[note + 2:note + 5] == ["出席：区政府副区长张某某，区住建局局长李某某", "请假：区财政局局长孙某某（公务）",
                                        "列席：区委督查室、区政府督查室"]


def test_export_word_pdf_and_preview_from_the_panel(qtbot, demo_workspace, today, tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    panel = window.meetings_panel
    panel.form.minutes_edit.setPlainText("一、会议总体情况\n会议听取了汇报。")
    word = _export(qtbot, panel, "word", tmp_path / "纪要.docx")
    texts = [p.text for p in Document(str(word)).paragraphs]
    assert "一、会议总体情况" in texts and "会议听取了汇报。" in texts and "现将会议议定事项纪要如下：" in texts
    assert "已导出" in panel.form.save_state_label.text()
    pdf = _export(qtbot, panel, "pdf", tmp_path / "纪要.pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        pages = pages.split("\f")
        assert "会议纪要" in pages[0] and "—1—" in pages[0].replace(" ", "")
        assert "—2—" in pages[1].replace(" ", "")
    shown = []
    panel.exec_dialog = lambda dialog: shown.append(dialog) or 0
    panel.form.print_preview_button.click()
    _settle(qtbot, panel)  # the 纪要 is read on the worker; the preview opens when it arrives
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    assert isinstance(shown[0], QPrintPreviewDialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # what the preview paints, sent to a file instead
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "preview.pdf"))
    shown[0].paintRequested.emit(printer)
    assert (tmp_path / "preview.pdf").stat().st_size > 10_000


@pytest.mark.parametrize("nasty", ["\x00\x01\x07\x0b\x0c\x1f\x7f控制符", "😀🚧👍🏽 表情", "\ufeff\u200b\ufffe\uffff",
                                   "<b>&amp;</b> <script>x</script>", "\u2028\u2029换行"])
def test_anything_typed_or_pasted_exports(qtbot, demo_workspace, today, tmp_path, nasty: str) -> None:
    create_application()
    panel = MeetingsPanel(Ops(demo_workspace), today=today)
    qtbot.addWidget(panel)
    panel.reload()
    _settle(qtbot, panel)
    editor = panel.form.minutes_edit
    html = QMimeData()
    html.setHtml(f"<p>{nasty}</p><h1>{nasty}</h1>")
    editor.insertFromMimeData(html)
    plain = QMimeData()
    plain.setText(nasty + "\n" + nasty)
    editor.insertFromMimeData(plain)
    type_chinese(editor, nasty)
    panel.flush_minutes()
    _settle(qtbot, panel)
    assert panel.form.save_state_label.text() == "已自动保存"
    word = _export(qtbot, panel, "word", tmp_path / "纪要.docx")
    text = "\n".join(p.text for p in Document(str(word)).paragraphs)
    for kept in ("控制符", "😀🚧👍🏽 表情", "换行"):
        if kept in nasty:
            assert kept in text
    assert not any(ch in text for ch in "\x00\x01\x07\x0b\x0c\x1f\ufffe\uffff")
    assert _export(qtbot, panel, "pdf", tmp_path / "纪要.pdf").stat().st_size > 0


def test_meetings_tab_screenshot(qtbot, demo_workspace, today, tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    window.form.main_tabs.setCurrentWidget(window.form.meetings_tab)
    window.meetings_panel.form.detail_tabs.setCurrentIndex(2)
    path = Path(qtbot.screenshot(window, suffix="meetings"))
    assert path.stat().st_size > 20_000


@pytest.fixture(autouse=True)
def _no_modal_warnings(monkeypatch) -> None:
    """A refusal would open a modal box and hang the test; make it fail loudly instead."""

    def fail(_parent, title, text, *a, **k):  # type: ignore[no-untyped-def]
        raise AssertionError(f"unexpected warning: {title}: {text}")

    monkeypatch.setattr(QMessageBox, "warning", fail)


def test_delete_meeting_created_by_mistake(qtbot, demo_workspace, today, tmp_path, monkeypatch) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    panel = window.meetings_panel
    Script(panel).then(new_meeting_step)
    made: list[int] = []
    panel.new_meeting(made.append)
    _settle(qtbot, panel)
    meeting_id = made[0]
    assert panel.current.id == meeting_id
    panel.form.minutes_edit.setPlainText("误建会议的纪要")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.delete_meeting()
    _settle(qtbot, panel)
    assert panel.meeting_model.rowCount() == 3 and panel.current.id != meeting_id
    assert not drafts.draft_path(demo_workspace.data_dir, meeting_id).exists()
    refused = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: refused.append(text))
    panel.delete_meeting()  # the third 推进会 has decided items being tracked
    _settle(qtbot, panel)
    assert "不能删除" in refused[0] and panel.meeting_model.rowCount() == 3


def test_decided_item_close_asks_for_feedback_and_reopen_is_latest_progress(qtbot, demo_workspace, today, tmp_path,
                                                                          monkeypatch) -> None:
    """销号 of a decided item uses the issue's dialog: nothing pre-selected, refused until answered."""
    from desktop.db.enums import Feedback
    from desktop.ui.dialogs.issue_dialogs import CloseDialog

    window = _window(qtbot, demo_workspace, today, tmp_path)
    panel = window.meetings_panel
    tracker = panel.tracker
    open_item = panel.current.open_decisions()[0]
    monkeypatch.setattr(panel, "ask_text", lambda *a, **k: "已办结")
    assert tracker.run(Action.RESOLVE, open_item.id)
    _settle(qtbot, panel)
    seen: list[CloseDialog] = []

    def answer(dialog):
        seen.append(dialog)
        assert dialog.feedback() is None and not dialog.form.not_asked_radio.isVisibleTo(dialog)
        dialog.accept()  # OK without an answer
        assert dialog.result() == 0 and "请选择企业反馈" in dialog.error_text
        dialog.choose(Feedback.SATISFIED)
        dialog.accept()
        wait_for_dialog(dialog)  # the 销号 is written on the worker
        return dialog.result()

    panel.exec_dialog = answer
    assert tracker.run(Action.CLOSE, open_item.id)
    _settle(qtbot, panel)
    assert seen[0].windowTitle() == "销号（议定事项）"
    with demo_workspace.db.read() as s:
        decision = s.get(Decision, open_item.id)
        assert (decision.status, decision.feedback) == ("closed", "satisfied")
    monkeypatch.setattr(panel, "ask_text", lambda *a, **k: "复查发现未落实")
    assert tracker.run(Action.REOPEN, open_item.id)
    _settle(qtbot, panel)
    with demo_workspace.db.read() as s:
        decision = s.get(Decision, open_item.id)
        assert (decision.status, decision.feedback, decision.latest_progress) == (
            "assigned", None, "重新打开：复查发现未落实")
    tracker.select(open_item.id)
    _settle(qtbot, panel)
    row = next(r for r in range(tracker.model.rowCount()) if tracker.model.item(r, 0).data(Qt.ItemDataRole.UserRole)
               == open_item.id)
    assert tracker.model.item(row, 6).text() == "重新打开：复查发现未落实"
    assert "重新打开　重新打开：复查发现未落实" in panel.form.history_edit.toPlainText()
