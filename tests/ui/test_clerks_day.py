"""A clerk's whole day through the real main window (#14, "How it is checked"): the keyboard and the window's own
actions and dialogs, never a service call to make a change. After each step the database (read through the
services), the 操作日志 (in Chinese, by the person at the window, old → new) and what the table shows are checked,
so a step that only looks done on screen, or writes a record nobody made, fails here."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import openpyxl
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox
from sqlalchemy import select

from desktop.db.enums import BriefingKind
from desktop.db.models import Decision, Meeting
from desktop.services import audit_log
from desktop.services.audit_log import AuditFilter
from desktop.services.briefing import issued as briefing_issued
from desktop.services.issues import history as issue_history
from desktop.ui.dialogs.import_wizard import MAPPING_PAGE, PREVIEW_PAGE, RESULT_PAGE, ImportWizard
from desktop.ui.models.project_tree import PROJECT_ID_ROLE
from tests.ui.helpers import open_window, settle, wait_for_dialog
from tests.ui.test_print_preview import exec_preview

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "问题台账_包保项目_2022.xlsx"
OPERATOR = "测试员"  # the workspace fixture's person at the window


def _log(workspace, entity: str, entity_id: int | None) -> list[tuple[str, str, str, str, str]]:
    """The 操作日志 of one record as the dialog shows it, oldest first: (操作人, 操作, 字段, 原值, 新值)."""
    with workspace.db.read() as session:
        rows = audit_log.page(session, AuditFilter(entity=entity, entity_id=entity_id), limit=1000)
    return [(r[2], r[3], r[6], r[7], r[8]) for r in reversed(rows)]


def _new_entries(workspace, entity: str, entity_id: int, seen: list) -> list[tuple[str, str, str, str, str]]:
    """The 操作日志 rows written since the last call (`seen` holds what was there), all by the person at the window."""
    rows = _log(workspace, entity, entity_id)
    new = rows[len(seen):]
    seen[:] = rows
    assert new, "the step wrote nothing to the 操作日志"
    assert all(r[0] == OPERATOR for r in new), new
    for _operator, action, field, old, value in new:
        assert action.isascii() is False and (field == "" or not field.isascii()), (action, field)
        for text in (old, value):
            assert text not in {"closed", "assigned", "resolved", "satisfied", "unsatisfied", "in_progress"}, text
    return new


def _row(window):
    return window.issue_panel.current_row()


def _shown(window, header: str) -> str:
    """What the issue table shows in the selected row under `header`."""
    model = window.issue_panel.model
    columns = {model.headerData(c, Qt.Orientation.Horizontal): c for c in range(model.columnCount())}
    return model.data(model.index(window.issue_panel.table.currentIndex().row(), columns[header]))


def _history(workspace, issue_id: int):
    with workspace.db.read() as session:
        return issue_history.load_issue_history(session, issue_id)


def test_a_clerks_day(qtbot, demo_workspace, today, tmp_path, monkeypatch) -> None:
    asked: list[str] = []  # a message box would stop the day: record it, answer 是 (fonts missing on this machine)
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes))
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda _p, _t, text, *a, **k: asked.append(text)))
    ws = demo_workspace
    window = open_window(qtbot, ws, today, tmp_path)
    settle(qtbot, window)
    issue_id = _work_one_issue(qtbot, window, ws, today)
    _hold_a_meeting(qtbot, window, ws, today, tmp_path, issue_id)
    _draft_and_issue_a_briefing(qtbot, window, ws, tmp_path)
    _export_the_issue_ledger(qtbot, window, ws, tmp_path, issue_id)
    _import_a_ledger(qtbot, window, ws)
    assert all(text.startswith("本机未安装以下字体") for text in asked), asked


CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class ByHand:
    """Replaces a controller's `run_dialog`: the dialog is shown as `exec()` shows it and the clerk's keys and
    clicks (`play`) run in it — OK included, by Enter or a click; then the operation OK started is waited for, as
    `exec()` waits. A dialog `play` leaves open (refused and cancelled) answers 0."""

    def __init__(self, qtbot, play) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.play = play
        self.dialogs: list[QDialog] = []

    def __call__(self, dialog: QDialog) -> int:
        self.dialogs.append(dialog)
        dialog.show()
        self.qtbot.waitExposed(dialog)
        dialog.activateWindow()  # as the window manager does: focus and Tab work in the active window only
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        wait_for_dialog(dialog)  # what it reads when it opens
        self.play(dialog)
        wait_for_dialog(dialog)  # the operation OK started
        if dialog.isVisible():
            dialog.reject()
        return dialog.result()

    @property
    def last(self) -> QDialog:
        return self.dialogs[-1]


def _ok_by_click(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.form.button_box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _type_date(qtbot, field, text: str) -> None:
    """Select all in a date field and type over it, then Tab on: the way the issue says clerks type dates."""
    field.line_edit.setFocus()
    qtbot.keyClick(field.line_edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field.line_edit, text)
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Tab)


def _down_to(qtbot, combo, text: str) -> None:
    """Choose in a list by the keyboard: Down until the entry shows."""
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, f"{text!r} not reached in the list"


def _shortcut(qtbot, window, key, modifiers=CTRL) -> None:  # type: ignore[no-untyped-def]
    """A shortcut pressed in the issue table, where the clerk's focus is (the window active again after the last
    dialog closed, as the window manager makes it); then the worker's answers."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.issue_panel.table.setFocus()
    qtbot.keyClick(window.issue_panel.table, key, modifiers)
    settle(qtbot, window)


def _work_one_issue(qtbot, window, ws, today) -> int:
    """The morning: the project found by pinyin, a new issue taken through its whole life, undo and redo — every
    step by its shortcut, every dialog filled by keys and clicks."""
    with qtbot.waitActive(window):
        window.activateWindow()
    # find the project by the pinyin initials of its name, Down into the results, Enter opens its page
    search = window.form.project_search_edit
    search.setFocus()
    qtbot.keyClicks(search, "hkxy")
    qtbot.keyClick(search, Qt.Key.Key_Down)
    tree = window.form.project_tree_view
    assert tree.hasFocus() or window.focusWidget() is tree
    project_id = tree.currentIndex().data(PROJECT_ID_ROLE)
    assert project_id is not None and tree.currentIndex().data().startswith("汉口学院")
    opened: list[QDialog] = []
    window.project_actions.run_dialog = lambda page: opened.append(page) or 0
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0].project_id == project_id
    assert window.current_project_id() == project_id
    assert all(r.project_id == project_id for r in window.issue_panel.model.visible_rows())

    # 新增问题 (Ctrl+N) for that project: the found date typed as 2026.11.14
    found = today - timedelta(days=20)

    def fill_issue(d):
        assert "汉口学院新校区" in d.form.project_combo.currentText()  # the project chosen in the tree
        d.form.description_edit.setFocus()
        _type_chinese(d.form.description_edit, "临时用电增容审批未办结，影响主体施工")
        _type_date(qtbot, d.form.found_on_edit, found.strftime("%Y.%m.%d"))
        _ok_by_click(qtbot, d)

    window.issue_actions.run_dialog = ByHand(qtbot, fill_issue)
    qtbot.keyClick(tree, Qt.Key.Key_N, CTRL)
    settle(qtbot, window)
    row = _row(window)
    issue_id = row.id
    assert (row.project_id, row.status_label, row.description) == (project_id, "待交办", "临时用电增容审批未办结，影响主体施工")
    assert row.found_on == found
    seen: list = []
    assert _new_entries(ws, "issue", issue_id, seen) == [(OPERATOR, "新增", "", "", "临时用电增容审批未办结，影响主体施工")]
    assert _shown(window, "状态") == "待交办"
    window.issue_panel.table.setFocus()

    # 交办 (Ctrl+J): the unit typed by its name, its first person by Down, ten days typed as 20261214, Enter
    deadline = today + timedelta(days=10)
    chosen: dict[str, str] = {}

    def fill_assign(d):
        combo = d.form.unit_combo
        unit = next(combo.itemText(i) for i in range(combo.count()) if combo.itemText(i).endswith("住房和城乡建设局"))
        line = d.form.unit_combo.lineEdit()
        line.setFocus()
        qtbot.keyClick(line, Qt.Key.Key_A, CTRL)
        _type_chinese(line, unit)
        qtbot.keyClick(line, Qt.Key.Key_Tab)
        _down_to(qtbot, d.form.person_combo, d.form.person_combo.itemText(1))
        person = d.form.person_combo.currentText()  # 姓名（单位）, the chosen unit's people first
        assert person.endswith(f"（{unit}）"), person
        chosen.update(unit=unit, person=person.split("（")[0])
        _type_date(qtbot, d.form.deadline_edit, deadline.strftime("%Y%m%d"))
        assert d.form.deadline_edit.text() == deadline.isoformat()  # read back as the clerk typed it
        qtbot.keyClick(d.focusWidget(), Qt.Key.Key_Return)

    window.issue_actions.run_dialog = ByHand(qtbot, fill_assign)
    _shortcut(qtbot, window, Qt.Key.Key_J)
    row = _row(window)
    unit, person = row.unit, row.person
    assert (unit, person, row.deadline) == (chosen["unit"], chosen["person"], deadline)
    story = _history(ws, issue_id)
    assert (story.status_label, story.unit, story.person, story.deadline) == ("办理中", unit, person,
                                                                              row.deadline.isoformat())
    assert _new_entries(ws, "issue", issue_id, seen) == [
        (OPERATOR, "修改", "责任单位", "", unit), (OPERATOR, "修改", "责任人", "", person),
        (OPERATOR, "修改", "完成时限", "", row.deadline.isoformat()), (OPERATOR, "修改", "状态", "待交办", "办理中")]
    assert (_shown(window, "状态"), _shown(window, "责任单位")) == ("办理中", unit)

    # 流转 (Ctrl+E) to 区级, chosen by Down
    def fill_escalate(d):
        _down_to(qtbot, d.form.level_combo, "区级")
        d.form.reason_edit.setFocus()
        _type_chinese(d.form.reason_edit, "涉及供电线路改迁，需区级协调")
        _ok_by_click(qtbot, d)

    window.issue_actions.run_dialog = ByHand(qtbot, fill_escalate)
    _shortcut(qtbot, window, Qt.Key.Key_E)
    assert _history(ws, issue_id).level_path == "现场解决 → 区级"
    assert _new_entries(ws, "issue", issue_id, seen) == [(OPERATOR, "修改", "当前层级", "现场解决", "区级")]
    assert _row(window).level_label == "区级"

    def note(text: str):  # type: ignore[no-untyped-def]
        def play(d):
            d.form.text_edit.setFocus()
            _type_chinese(d.form.text_edit, text)
            _ok_by_click(qtbot, d)
        return ByHand(qtbot, play)

    # 添加进展 (Ctrl+P)
    window.issue_actions.run_dialog = note("供电公司已现场勘察")
    _shortcut(qtbot, window, Qt.Key.Key_P)
    assert _history(ws, issue_id).notes[0].text == "供电公司已现场勘察"
    progressed = [(OPERATOR, "修改", "最新进展", "", "供电公司已现场勘察")]
    assert _new_entries(ws, "issue", issue_id, seen) == progressed
    assert _shown(window, "最新进展") == "供电公司已现场勘察"

    # Ctrl+Z takes the entry back — with a 撤销 entry in the journal and its own 操作日志 row; Ctrl+Y enters it again
    _shortcut(qtbot, window, Qt.Key.Key_Z)
    story = _history(ws, issue_id)
    assert story.notes[0].kind == "undo" and story.notes[0].text.startswith("撤销“添加进展”，撤回：")
    assert "供电公司已现场勘察" in story.notes[0].text
    assert "供电公司已现场勘察" not in [n.text for n in story.notes[1:]]
    undone = _new_entries(ws, "issue", issue_id, seen)
    assert undone[0] == (OPERATOR, "修改", "最新进展", "供电公司已现场勘察", "")
    assert undone[-1][:3] == (OPERATOR, "撤销", "添加进展") and "供电公司已现场勘察" in undone[-1][3]
    assert _shown(window, "最新进展") == ""
    _shortcut(qtbot, window, Qt.Key.Key_Y)
    story = _history(ws, issue_id)
    assert story.notes[0].text == "供电公司已现场勘察" and story.notes[1].kind == "undo"  # the trace stays
    redone = _new_entries(ws, "issue", issue_id, seen)
    assert redone[0] == progressed[0] and redone[-1][:3] == (OPERATOR, "重做", "添加进展")
    assert _shown(window, "最新进展") == "供电公司已现场勘察"

    # 办结 (Ctrl+D)
    window.issue_actions.run_dialog = note("已完成临时用电接入")
    _shortcut(qtbot, window, Qt.Key.Key_D)
    assert _history(ws, issue_id).status_label == "已办结"
    assert _new_entries(ws, "issue", issue_id, seen) == [
        (OPERATOR, "修改", "状态", "办理中", "已办结"),
        (OPERATOR, "修改", "最新进展", "供电公司已现场勘察", "已完成临时用电接入"),
        (OPERATOR, "修改", "办结日期", "", today.isoformat())]
    assert (_shown(window, "状态"), _shown(window, "最新进展")) == ("已办结", "已完成临时用电接入")

    # 销号 (Ctrl+K) and Enter at once: refused in the dialog, nothing written; then 满意 clicked and Enter
    refused: list[str] = []

    def close_by_hand(d):
        assert d.form.feedback_group.checkedButton() is None  # nothing chosen for the clerk
        qtbot.keyClick(d.focusWidget() or d, Qt.Key.Key_Return)
        wait_for_dialog(d)
        assert d.isVisible() and d.result() == 0
        refused.append(d.error_text)
        assert _log(ws, "issue", issue_id) == seen
        story = _history(ws, issue_id)
        assert (story.status_label, story.feedback) == ("已办结", "")
        qtbot.mouseClick(d.form.satisfied_radio, Qt.MouseButton.LeftButton)
        qtbot.keyClick(d.focusWidget() or d, Qt.Key.Key_Return)

    closing = ByHand(qtbot, close_by_hand)
    window.issue_actions.run_dialog = closing
    _shortcut(qtbot, window, Qt.Key.Key_K)
    assert refused and refused[0].startswith("请选择企业反馈（满意、基本满意、不满意）")
    assert closing.last.result() == 1
    story = _history(ws, issue_id)
    assert (story.status_label, story.feedback) == ("已销号", "满意")
    assert _new_entries(ws, "issue", issue_id, seen) == [
        (OPERATOR, "修改", "状态", "已办结", "已销号"), (OPERATOR, "修改", "销号日期", "", today.isoformat()),
        (OPERATOR, "修改", "企业反馈", "", "满意")]
    assert _shown(window, "状态") == "已销号"

    # 重新打开 (Ctrl+Shift+O): the reason is the latest progress at once; the old feedback stays in the log only
    reopened = [(OPERATOR, "修改", "状态", "已销号", "办理中"),
                (OPERATOR, "修改", "最新进展", "已完成临时用电接入", "重新打开：企业反映夜间仍断电"),
                (OPERATOR, "修改", "办结日期", today.isoformat(), ""),
                (OPERATOR, "修改", "销号日期", today.isoformat(), ""), (OPERATOR, "修改", "企业反馈", "满意", "")]
    window.issue_actions.run_dialog = note("企业反映夜间仍断电")
    _shortcut(qtbot, window, Qt.Key.Key_O, CTRL | SHIFT)
    story = _history(ws, issue_id)
    assert (story.status_label, story.feedback) == ("办理中", "")
    assert _new_entries(ws, "issue", issue_id, seen) == reopened
    assert (_shown(window, "状态"), _shown(window, "最新进展")) == ("办理中", "重新打开：企业反映夜间仍断电")
    assert "销号，反馈：满意" in window.history_panel.text()

    # Ctrl+Z: back to 已销号 with its feedback; the undo is a row of its own, the journal keeps a trace
    _shortcut(qtbot, window, Qt.Key.Key_Z)
    story = _history(ws, issue_id)
    assert (story.status_label, story.feedback) == ("已销号", "满意")
    assert story.notes[0].kind == "undo" and story.notes[0].text.startswith("撤销“重新打开”")
    undone = _new_entries(ws, "issue", issue_id, seen)
    assert undone[:-1] == [(o, a, f, new, old) for o, a, f, old, new in reopened]
    assert undone[-1][:3] == (OPERATOR, "撤销", "重新打开")
    assert undone[-1][3].startswith("状态：办理中；") and undone[-1][4].startswith("状态：已销号；")
    assert (_shown(window, "状态"), _shown(window, "最新进展")) == ("已销号", "已完成临时用电接入")

    # Ctrl+Y: 办理中 again, and the redo is logged too
    _shortcut(qtbot, window, Qt.Key.Key_Y)
    assert _history(ws, issue_id).status_label == "办理中"
    redone = _new_entries(ws, "issue", issue_id, seen)
    assert redone[:-1] == reopened and redone[-1][:3] == (OPERATOR, "重做", "重新打开")
    assert redone[-1][4].startswith("状态：办理中；最新进展：重新打开：企业反映夜间仍断电")
    assert (_shown(window, "状态"), _shown(window, "最新进展")) == ("办理中", "重新打开：企业反映夜间仍断电")
    return issue_id


class Dialogs:
    """Plays the clerk's part in the dialogs the meetings tab opens (its `exec_dialog`): one step per dialog, in
    order; a print preview is left to run its own modal loop, as the user's click does."""

    def __init__(self, panel) -> None:
        self.steps: list = []
        self.seen: list[QDialog] = []
        panel.exec_dialog = self.run

    def then(self, step) -> Dialogs:
        self.steps.append(step)
        return self

    def run(self, dialog: QDialog) -> int:
        self.seen.append(dialog)
        if isinstance(dialog, QPrintPreviewDialog):
            return dialog.exec()
        wait_for_dialog(dialog)  # what it reads when it opens
        self.steps.pop(0)(dialog)
        dialog.accept()
        wait_for_dialog(dialog)  # a dialog whose OK runs on the worker closes when it answers
        error = getattr(getattr(dialog, "form", None), "error_label", None)
        assert error is None or not error.text(), error.text()
        return dialog.result()


def _type_chinese(widget, text: str) -> None:
    """Chinese arrives through the input method as committed text (key clicks are ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _hold_a_meeting(qtbot, window, ws, today, tmp_path, issue_id: int) -> None:
    """The afternoon: a 推进会 with the morning's issue on its agenda, minutes, a decided item, 纪要 and preview."""
    panel = window.meetings_panel
    window.form.main_tabs.setCurrentWidget(window.form.meetings_tab)
    dialogs = Dialogs(panel)

    def new_meeting(d):
        d.form.title_edit.setText("重点项目包保工作专题推进会")
        d.form.place_edit.setText("区政府第一会议室")
        d.form.recorder_edit.setText("包保办")

    dialogs.then(new_meeting)
    panel.form.new_meeting_button.click()
    settle(qtbot, window)
    meeting_id = panel.current_meeting_id()
    assert meeting_id is not None and panel.current.title == "重点项目包保工作专题推进会"
    seen: list = []
    assert _new_entries(ws, "meeting", meeting_id, seen) == [(OPERATOR, "新增", "", "", "重点项目包保工作专题推进会")]
    label = panel.current.label
    assert label.startswith(f"{today.year}年第") and label.endswith("次推进会")
    shown = panel.meeting_model
    assert [shown.index(0, c).data() for c in range(2)] == [label, today.isoformat()]

    def pick(d):
        for r in range(d.model.rowCount()):
            if d.model.item(r, 0).data(Qt.ItemDataRole.UserRole) == issue_id:
                d.model.item(r, 0).setCheckState(Qt.CheckState.Checked)
        assert d.chosen_ids() == [issue_id]

    dialogs.then(pick)
    panel.form.add_issues_button.click()
    settle(qtbot, window)
    assert [panel.agenda_model.item(0, c).text() for c in range(3)] == [
        "1", "问题台账", "汉口学院新校区建设项目：临时用电增容审批未办结，影响主体施工"]
    note = _history(ws, issue_id).notes[0]  # the issue's own history says it went on the agenda
    assert (note.kind, note.text, note.operator) == ("agenda", f"列入{label}议题", OPERATOR)

    panel.form.detail_tabs.setCurrentWidget(panel.form.minutes_tab)
    editor = panel.form.minutes_edit
    editor.setFocus()
    _type_chinese(editor, "会议听取了汉口学院新校区施工用电问题的汇报。")
    qtbot.waitUntil(lambda: panel.form.save_state_label.text() == "已自动保存", timeout=5000)
    with ws.db.read() as session:
        assert session.get(Meeting, meeting_id).minutes_html == "<p>会议听取了汉口学院新校区施工用电问题的汇报。</p>"
    assert _new_entries(ws, "meeting", meeting_id, seen) == [
        (OPERATOR, "修改", "会议纪要正文", "", "会议听取了汉口学院新校区施工用电问题的汇报。")]

    def decide(d):
        d.form.text_edit.setPlainText("区供电公司十日内完成施工临时用电接入")
        d.form.lead_unit_combo.setCurrentIndex(1)
        assert d.form.deadline_edit.value() is None  # no 完成时限 is proposed: the clerk types the meeting's
        _type_date(qtbot, d.form.deadline_edit, (today + timedelta(days=10)).strftime("%Y%m%d"))
        for r in range(d.form.issue_list.count()):
            item = d.form.issue_list.item(r)
            if item.data(Qt.ItemDataRole.UserRole) == issue_id:
                item.setCheckState(Qt.CheckState.Checked)

    dialogs.then(decide)
    panel.form.add_decision_inline_button.click()
    settle(qtbot, window)
    with ws.db.read() as session:
        decision = session.scalars(select(Decision).where(Decision.meeting_id == meeting_id)).one()
        decision_id, unit = decision.id, decision.lead_unit.name
        assert (decision.text, [i.id for i in decision.issues]) == ("区供电公司十日内完成施工临时用电接入", [issue_id])
    assert _new_entries(ws, "decision", decision_id, []) == [
        (OPERATOR, "新增", "", "", "区供电公司十日内完成施工临时用电接入"),
        (OPERATOR, "修改", "关联问题", "", "临时用电增容审批未办结，影响主体施工")]
    assert panel.form.rate_label.text().startswith("议定事项1项，已完成0项，办结率0.00%（0%）")
    assert panel.form.side_decision_list.count() == 1

    # 纪要 from the 导出 menu, then its print preview from the same menu
    target = tmp_path / "纪要.docx"
    panel.exporter._ask_path = lambda *_a: target
    def only_the_meetings(d):  # the chooser asks which meeting, without the agenda's 列入已有会议 / 新建会议
        assert d.form.prompt_label.text() == "导出哪次会议的纪要？"
        assert not d.form.existing_radio.isVisibleTo(d) and not d.form.new_radio.isVisibleTo(d)
        assert d.chosen_meeting() == meeting_id

    dialogs.then(only_the_meetings)
    window.export_menu.minutes_action.trigger()
    settle(qtbot, window)
    assert window.export_menu.last_saved == target
    texts = [p.text for p in Document(str(target)).paragraphs]
    for line in ("会议纪要", "重点项目包保工作专题推进会", "地点：区政府第一会议室", "记录：包保办",
                 "会议听取了汉口学院新校区施工用电问题的汇报。", "现将会议议定事项纪要如下："):
        assert line in texts, line
    assert any(t.startswith(f"一、区供电公司十日内完成施工临时用电接入。（责任单位：{unit}；") for t in texts)
    dialogs.then(lambda d: None)
    preview = exec_preview(qtbot, window.export_menu.minutes_preview_action.trigger)  # the real dialog, closed
    assert preview.title == "会议纪要打印预览" and preview.pages >= 1 and preview.ink
    assert isinstance(dialogs.seen[-1], QPrintPreviewDialog) and not dialogs.steps


def _draft_and_issue_a_briefing(qtbot, window, ws, tmp_path) -> None:
    """A 工作简报: drafted, a 送审稿 for the leader (no number taken), then 印发 as number 1."""
    window.export_menu.briefing_action.trigger()
    editor = window.export_menu.editor
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: not editor.drafter.running, timeout=20_000)
    assert editor.form.review_button.isEnabled() and editor.form.number_spin.value() == 1
    review = tmp_path / "送审稿.docx"
    editor.ask_path = lambda _title, _name: str(review)
    editor.form.review_button.click()
    qtbot.waitUntil(lambda: not editor.runner.busy, timeout=20_000)
    settle(qtbot, window)
    assert "第1期（送审稿）" in "\n".join(p.text for p in Document(str(review)).paragraphs)
    with ws.db.read() as session:
        assert briefing_issued.issued(session, BriefingKind.BRIEFING) == []
    assert _log(ws, "briefing", None) == []  # a 送审稿 is not a record

    issued_path = tmp_path / "印发.docx"
    editor.ask_path = lambda _title, _name: str(issued_path)
    editor.form.export_button.click()
    qtbot.waitUntil(lambda: not editor.runner.busy, timeout=20_000)
    settle(qtbot, window)  # the issued list and the next number are read after the export
    texts = "\n".join(p.text for p in Document(str(issued_path)).paragraphs)
    assert "第1期" in texts and "（送审稿）" not in texts
    with ws.db.read() as session:
        issued = briefing_issued.issued(session, BriefingKind.BRIEFING)
    assert [(b.number, b.title) for b in issued] == [(1, editor.form.title_edit.toPlainText().strip())]
    assert _log(ws, "briefing", issued[0].id) == [(OPERATOR, "新增", "", "", issued[0].title)]
    assert editor.form.issued_list.count() == 1 and editor.form.number_spin.value() == 2
    editor.close()


def _export_the_issue_ledger(qtbot, window, ws, tmp_path, issue_id: int) -> None:
    """The 问题台账 from the 导出 menu, re-opened cell by cell: the morning's issue as the database has it."""
    target = tmp_path / "问题台账.xlsx"
    window.export_menu.ask_path = lambda _title, _suggested: str(target)
    window.export_menu.ledger_actions["ledger-issues"].trigger()
    qtbot.waitUntil(lambda: not window.export_menu.runner.busy, timeout=20_000)
    assert window.export_menu.last_saved == target
    sheet = openpyxl.load_workbook(target).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[2][:5] == ["序号", "项目名称", "问题类别", "问题描述", "责任单位"]
    assert rows[2][7:] == ["完成时限", "当前层级", "办理状态", "督办次数", "最新进展", "发现日期"]
    assert rows[3][4:7] == ["牵头单位", "配合单位", "责任人"]
    story = _history(ws, issue_id)
    mine = [r for r in rows if r[3] == story.title]
    assert len(mine) == 1
    row = mine[0]
    assert (row[1], row[4], row[6]) == (story.project, story.unit, story.person)
    assert row[7].date().isoformat() == story.deadline and (row[8], row[9]) == ("区级", story.status_label)
    assert row[11] == "重新打开：企业反映夜间仍断电" and row[12].date().isoformat() == story.notes[-1].on.isoformat()
    first_data = 5
    assert sheet.auto_filter.ref.startswith(f"A{first_data - 1}:")  # AutoFilter on the header row
    assert target.stat().st_mode & 0o777 != 0o600  # an ordinary file others in the office can open


def _import_a_ledger(qtbot, window, ws) -> None:
    """An issue ledger from a street office, through 文件 → 导入台账: the kind proposed from its header."""
    with ws.db.read() as session:
        before = audit_log.count(session, AuditFilter(entity="issue"))
    shown_before = window.issue_panel.model.total_count()
    action = next(a for a in window.form.file_menu.actions() if a.text() == "导入台账(&I)…")
    action.trigger()
    wizard = window.findChildren(ImportWizard)[-1]
    assert wizard.isVisible()
    wizard.set_file(SAMPLE)  # no kind given: the wizard reads the header and proposes one
    qtbot.waitUntil(lambda: not wizard.task.running, timeout=20_000)
    assert wizard.kind == "issues" and "这是一份「问题台账」" in wizard.form.file_hint_label.text()
    for page in (MAPPING_PAGE, PREVIEW_PAGE):
        wizard.next()
        qtbot.waitUntil(lambda p=page: wizard.currentId() == p and not wizard.task.running, timeout=20_000)
    assert wizard.model.rowCount() == 10
    assert [wizard.model.index(r, 1).data() for r in range(10)] == ["新增"] * 10
    with ws.db.read() as session:
        assert audit_log.count(session, AuditFilter(entity="issue")) == before  # nothing written before 导入
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE and not wizard.task.running, timeout=20_000)
    assert wizard.form.result_text.toPlainText().startswith("已新增 10 行")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.issue_panel.model.total_count() == shown_before + 10)  # the table follows
    with ws.db.read() as session:
        added = audit_log.page(session, AuditFilter(entity="issue"), limit=10)
        assert audit_log.count(session, AuditFilter(entity="issue")) == before + 10
    assert {(r[2], r[3]) for r in added} == {(OPERATOR, "新增")}
    assert "外省专业技术工人无法及时返岗" in {r[8] for r in added}
    descriptions = {r.description for r in window.issue_panel.model.all_rows()}
    assert {r[8] for r in added} <= descriptions
    wizard.close()
