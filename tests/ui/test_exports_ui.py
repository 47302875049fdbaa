"""The 导出 menu and the briefing editor on the real window: worker thread, progress, cancel, table order."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from desktop.app import create_application
from desktop.db.enums import BriefingKind
from desktop.exporters.ledgers import LedgerHeader, write_issue_ledger
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import settle, wait_for_dialog


@pytest.fixture
def window(qtbot, demo_workspace, today, tmp_path) -> MainWindow:
    create_application()
    win = MainWindow(demo_workspace, today=today,
                     settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    settle(qtbot, win)  # its data is read on the worker
    return win


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: shown.append(text)))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text, *a: shown.append(text)))
    return shown


def test_export_menu_lists_every_document(window) -> None:
    menu = window.export_menu.menu
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["工作简报(&J)…", "工作通报(&T)…", "工作总结（年度、上半年）(&Z)…", "会议纪要（Word）(&W)…",
                     "问题台账（按当前表格筛选和排序）(&S)…", "问题台账(&I)…", "议定事项台账(&Y)…", "重点项目台账(&X)…",
                     "投资进度表(&D)…", "包保责任表(&B)…", "按上级模板填报(&M)…",
                     "签发督办文书（提示单、督办单、催办通知）(&F)…", "督办文书登记簿（回复、撤回、重印）(&G)…",
                     "会议纪要打印预览(&V)…", "会议纪要（PDF）(&P)…", "打印预览台账(&L)", "台账导出PDF(&H)",
                     "简报与通报设置(&N)…", "台账打印列(&C)…"]
    ledgers = ["问题台账（按当前表格筛选和排序）(&S)…", "问题台账(&I)…", "议定事项台账(&Y)…", "重点项目台账(&X)…",
               "投资进度表(&D)…", "包保责任表(&B)…"]
    for sub in (window.export_menu.ledger_print.preview_menu, window.export_menu.ledger_print.pdf_menu):
        assert [a.text() for a in sub.actions()] == ledgers
    # every entry has its own letter, in the menu and in each submenu (the same ledger, the same letter)
    for shown in (menu, window.export_menu.ledger_print.preview_menu, window.export_menu.ledger_print.pdf_menu):
        letters = [re.findall(r"&(\w)", a.text()) for a in shown.actions() if not a.isSeparator()]
        assert all(len(found) == 1 for found in letters), shown.title()
        assert len({found[0].upper() for found in letters}) == len(letters), shown.title()
    assert menu.menuAction() in window.menuBar().actions()


def test_a_letter_in_the_open_export_menu_picks_its_entry(qtbot, window) -> None:
    menu = window.export_menu.menu
    picked: list[str] = []
    for action, name in ((window.export_menu.columns_action, "columns"),
                         (window.export_menu.ledger_actions["ledger-decisions"], "decisions")):
        action.triggered.disconnect()
        action.triggered.connect(lambda _checked=False, n=name: picked.append(n))
    for key in (Qt.Key.Key_C, Qt.Key.Key_Y):
        menu.popup(window.mapToGlobal(window.rect().center()))
        qtbot.waitUntil(menu.isVisible)
        qtbot.keyClick(menu, key)
        qtbot.waitUntil(lambda: not menu.isVisible())
    assert picked == ["columns", "decisions"]


def test_shown_issues_export_follows_filter_and_sort(qtbot, window, tmp_path) -> None:
    panel = window.issue_panel
    panel.form.due_combo.setCurrentIndex(panel.form.due_combo.findData("overdue"))
    panel.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # 责任单位
    shown = panel.model.visible_rows()
    assert 0 < len(shown) < 300
    target = tmp_path / "shown.xlsx"
    window.export_menu.ask_path = lambda _title, _suggested: str(target)
    on_gui_thread = []
    saved = window.export_menu._saved
    window.export_menu._saved = lambda path: (on_gui_thread.append(threading.current_thread() is
                                                                   threading.main_thread()), saved(path))
    totals = []
    window.export_menu.runner._on_progress = lambda done, total: totals.append(total)  # type: ignore[method-assign]
    window.export_menu.shown_issues_action.trigger()
    qtbot.waitUntil(lambda: not window.export_menu.runner.busy, timeout=20000)
    assert window.export_menu.last_saved == target and on_gui_thread == [True]
    assert window.statusBar().currentMessage() == "导出问题台账完成。"
    assert totals and set(totals) == {len(shown)}  # a real percentage, not a busy indicator
    ws = openpyxl.load_workbook(target).worksheets[0]
    assert [ws.cell(r, 4).value for r in range(5, 5 + len(shown))] == [r.description for r in shown]
    assert [ws.cell(r, 5).value for r in range(5, 5 + len(shown))] == [r.unit for r in shown]
    assert ws.cell(5 + len(shown), 1).value.startswith("填表人")


def test_cancel_leaves_no_file(qtbot, window, tmp_path, today) -> None:
    runner = window.export_menu.runner
    target = tmp_path / "big.xlsx"
    started = []

    def rows():
        for i in range(200_000):
            yield {"project": f"项目{i}", "description": "问题", "status": "assigned", "found_on": today}

    def job(_workspace, progress, cancel):  # on the window's worker, as every export
        def report(done, total):
            started.append(done)
            progress(done, total)
        return write_issue_ledger(target, LedgerHeader("台账", "单位", today), rows(), report, cancel)

    assert runner.start("导出问题台账", job, lambda _r: None)
    qtbot.waitUntil(lambda: bool(started), timeout=20000)
    assert runner.busy and runner._dialog is not None
    runner.cancel()
    qtbot.waitUntil(lambda: not runner.busy, timeout=20000)
    assert runner.last_error == "已取消"
    assert not target.exists() and not list(tmp_path.glob(".big.*"))


def test_briefing_editor_drafts_edits_issues_and_reexports(qtbot, window, tmp_path) -> None:
    editor = window.export_menu.open_editor(BriefingKind.BRIEFING)
    qtbot.addWidget(editor)
    assert not editor.form.export_button.isEnabled()  # drafted off the GUI thread: nothing to export yet
    qtbot.waitUntil(lambda: not editor.drafter.running, timeout=20000)
    assert editor.form.export_button.isEnabled()
    body = editor.form.body_edit.toPlainText()
    assert "34个具体事项已完成33个，办结率达到97.06%" in body
    assert editor.form.number_spin.value() == 1
    editor.form.title_edit.setPlainText("全区重点项目包保工作\n进展情况")
    editor.form.editor_note_edit.setPlainText("请各单位参阅。")
    target = tmp_path / "简报.docx"
    editor.ask_path = lambda _title, _suggested: str(target)
    editor.form.export_button.click()
    qtbot.waitUntil(lambda: not editor.runner.busy, timeout=20000)
    settle(qtbot, window)  # what an export changes (the issued list, the next number) is read after it
    assert editor.last_saved == target
    texts = [p.text for p in Document(str(target)).paragraphs]
    assert "全区重点项目包保工作\n进展情况" in texts and "编者按：请各单位参阅。" in texts
    assert editor.form.issued_list.count() == 1 and editor.form.number_spin.value() == 2

    # Scope change and redraft use the chosen task force.
    editor.form.scope_kind_combo.setCurrentIndex(2)
    assert not editor.form.scope_target_combo.isEnabled()  # its choices are read on the worker
    settle(qtbot, window)
    name = editor.form.scope_target_combo.currentText()
    assert name and editor.form.scope_target_combo.isEnabled()
    editor.form.draft_button.click()
    qtbot.waitUntil(lambda: not editor.drafter.running, timeout=20000)
    assert name in editor.form.title_edit.toPlainText()

    again = tmp_path / "again.docx"
    editor.ask_path = lambda _title, _suggested: str(again)
    editor.form.issued_list.setCurrentRow(0)
    editor.form.reexport_button.click()
    qtbot.waitUntil(lambda: not editor.runner.busy, timeout=20000)
    settle(qtbot, window)  # what an export changes (the issued list, the next number) is read after it
    assert [p.text for p in Document(str(again)).paragraphs] == texts

    # Re-opened issues are shown as issued and cannot be edited or issued twice.
    editor.open_issued()
    settle(qtbot, window)
    assert editor.form.title_edit.toPlainText() == "全区重点项目包保工作\n进展情况"
    assert editor.form.body_edit.isReadOnly() and not editor.form.export_button.isEnabled()
    assert "正在查看已印发" in editor.form.tables_label.text()
    editor.form.draft_button.click()
    qtbot.waitUntil(lambda: not editor.drafter.running, timeout=20000)
    assert not editor.form.body_edit.isReadOnly() and editor.form.export_button.isEnabled()


def test_duplicate_number_is_refused_with_a_message(qtbot, window, tmp_path, no_modal_boxes) -> None:
    editor = window.export_menu.open_editor(BriefingKind.NOTICE)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: not editor.drafter.running, timeout=20000)
    editor.ask_path = lambda _title, _suggested: str(tmp_path / "a.docx")
    editor.form.export_button.click()
    qtbot.waitUntil(lambda: not editor.runner.busy, timeout=20000)
    settle(qtbot, window)  # what an export changes (the issued list, the next number) is read after it
    editor.form.number_spin.setValue(1)
    editor.ask_path = lambda _title, _suggested: str(tmp_path / "b.docx")
    editor.form.export_button.click()
    qtbot.waitUntil(lambda: not editor.runner.busy, timeout=20000)
    settle(qtbot, window)  # what an export changes (the issued list, the next number) is read after it
    assert any("已印发" in text for text in no_modal_boxes)
    assert not Path(tmp_path / "b.docx").exists()


def test_settings_change_the_next_draft(qtbot, window, demo_workspace) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.services import office_settings
    from desktop.ui.dialogs.document_settings import button

    dialog = window.export_menu.open_settings()
    qtbot.addWidget(dialog)
    assert not dialog.form.office_edit.isEnabled()  # read on the worker: nothing typed can be overwritten
    wait_for_dialog(dialog)
    f = dialog.form
    assert f.office_edit.text() == "区重点项目服务保障办公室"
    f.office_edit.setText("示例区包保办")
    f.masthead_edit.setText("包保工作动态")
    f.report_to_edit.setText("市重点办，区委、区政府主要领导,区政府办公室")
    f.copies_spin.setValue(0)
    f.font_profile_combo.setCurrentIndex(f.font_profile_combo.findData("Windows自带"))
    assert f.font_status_label.text()
    with qtbot.waitSignal(window.ops.changed) as broadcast:
        button(dialog, QDialogButtonBox.StandardButton.Save).click()
    assert broadcast.args[0].settings
    wait_for_dialog(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    with demo_workspace.db.read() as session:
        dist = office_settings.distribution(session)
        assert office_settings.get(session, "font_profile") == "Windows自带"
    assert dist.report_to == ("市重点办", "区委、区政府主要领导", "区政府办公室") and dist.copies is None
    editor = window.export_menu.open_editor(BriefingKind.BRIEFING)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: not editor.drafter.running, timeout=20000)
    assert editor.content.masthead_name == "包保工作动态" and editor.content.issuer == "示例区包保办"
    assert editor.content.font_profile == "Windows自带"


def test_review_copy_beside_issuing_takes_no_number(qtbot, window, demo_workspace, tmp_path) -> None:
    """送审稿 from the editor: the same service as `keyproj export briefing --draft`; the number stays free."""
    editor = window.export_menu.open_editor(BriefingKind.BRIEFING)
    qtbot.addWidget(editor)
    assert not editor.form.review_button.isEnabled()
    qtbot.waitUntil(lambda: not editor.drafter.running, timeout=20000)
    assert editor.form.review_button.isEnabled() and editor.form.review_button.text() == "导出送审稿…"
    suggested = []
    review = tmp_path / "送审稿.docx"
    editor.ask_path = lambda _title, name: suggested.append(name) or str(review)
    editor.form.review_button.click()
    qtbot.waitUntil(lambda: not editor.runner.busy, timeout=20000)
    settle(qtbot, window)  # what an export changes (the issued list, the next number) is read after it
    assert editor.last_saved == review and suggested[0].endswith("工作简报2026年第1期（送审稿）.docx")
    texts = "\n".join(p.text for p in Document(str(review)).paragraphs)
    assert "第1期（送审稿）" in texts
    assert editor.form.issued_list.count() == 0 and editor.form.number_spin.value() == 1
    with demo_workspace.db.read() as session:
        from desktop.services.briefing import issued

        assert issued.issued(session, BriefingKind.BRIEFING) == []
    issued_path = tmp_path / "印发.docx"
    editor.ask_path = lambda _title, _name: str(issued_path)
    editor.form.export_button.click()  # 印发 afterwards still takes number 1
    qtbot.waitUntil(lambda: not editor.runner.busy, timeout=20000)
    settle(qtbot, window)  # what an export changes (the issued list, the next number) is read after it
    assert "（送审稿）" not in "\n".join(p.text for p in Document(str(issued_path)).paragraphs)
    assert editor.form.issued_list.count() == 1 and editor.form.number_spin.value() == 2


def test_minutes_export_from_the_export_menu(qtbot, window, tmp_path) -> None:
    panel = window.meetings_panel
    chosen = []

    def choose_second(dialog):
        chosen.append(dialog)
        assert not dialog.form.new_radio.isVisible()
        dialog.form.meeting_combo.setCurrentIndex(1)
        dialog.accept()
        return dialog.result()

    panel.exec_dialog = choose_second
    target = tmp_path / "纪要.docx"
    panel.exporter._ask_path = lambda *_a: target  # type: ignore[method-assign]
    window.export_menu.minutes_action.trigger()
    settle(qtbot, window)  # the meetings to choose from are read on the worker
    meeting_id = chosen[0].form.meeting_combo.itemData(1)
    assert panel.current_meeting_id() == meeting_id
    assert window.export_menu.last_saved == target and target.exists()
    texts = [p.text for p in Document(str(target)).paragraphs]
    assert "现将会议议定事项纪要如下：" in texts
    title = panel.current.title.strip() or panel.current.label
    assert any(t.replace("\n", "").startswith(title) for t in texts)


def test_ledger_columns_are_chosen_saved_and_printed(qtbot, window, demo_workspace, tmp_path) -> None:
    """台账打印列: the choice is saved per ledger on the worker and the next export prints only those columns."""
    from desktop.exporters import jobs

    dialog = window.export_menu.open_ledger_columns()
    listing = dialog.form.column_list
    qtbot.waitUntil(listing.isEnabled)
    assert dialog.kind() == "ledger-projects"
    ticked = {listing.item(i).data(Qt.ItemDataRole.UserRole) for i in range(listing.count())
              if listing.item(i).checkState() == Qt.CheckState.Checked}
    assert "code" not in ticked and "location" not in ticked and "name" in ticked  # optional ones off by default
    for i in range(listing.count()):
        key = listing.item(i).data(Qt.ItemDataRole.UserRole)
        listing.item(i).setCheckState(Qt.CheckState.Checked if key in ("name", "owner", "total")
                                      else Qt.CheckState.Unchecked)
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert jobs.saved_columns(demo_workspace.db, "ledger-projects") == ("name", "owner", "total")

    target = tmp_path / "重点项目台账.xlsx"
    window.export_menu.ask_path = lambda _title, _suggested: str(target)
    window.export_menu.export_ledger("ledger-projects")
    qtbot.waitUntil(lambda: window.export_menu.last_saved == target, timeout=30000)
    ws = openpyxl.load_workbook(target).worksheets[0]
    shown = [ws.cell(4, c).value or ws.cell(3, c).value for c in range(1, ws.max_column + 1)
             if not ws.column_dimensions[openpyxl.utils.get_column_letter(c)].hidden]
    assert shown == ["序号", "项目名称", "建设单位", "总投资"]
    assert ws.page_setup.paperSize == 9  # four columns fit A4 landscape at ≥ 9 pt

    again = window.export_menu.open_ledger_columns()
    qtbot.waitUntil(again.form.column_list.isEnabled)
    again.form.column_list.clear()
    again.accept()
    assert "至少要勾选一列" in again.form.error_label.text()
    again.restore_defaults()
    again.accept()
    qtbot.waitUntil(lambda: not again.isVisible())
    assert jobs.saved_columns(demo_workspace.db, "ledger-projects") is None
