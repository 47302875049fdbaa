"""导出 → 工作总结 in the real window: drafted from the demo data on the worker, refused while next year's focus is
the marked line, issued with the clerk's edits and kept, shown read-only and printed again exactly as issued."""

from __future__ import annotations

from pathlib import Path

import docx
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.db.models import Briefing
from desktop.services.briefing.summary import NEXT_YEAR_MARK
from tests.ui.helpers import open_window

FOCUS = "明年继续深化包保服务，做好项目全生命周期服务。"


def _text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs if p.text.strip())


def _summaries(workspace) -> int:  # type: ignore[no-untyped-def]
    with workspace.db.read() as s:
        return s.scalar(select(func.count()).select_from(Briefing).where(Briefing.kind == "summary")) or 0


def test_draft_edit_issue_and_reprint(qtbot, demo_workspace, today, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    window.export_menu.summary_action.trigger()
    editor = window.export_menu.summary_editor
    assert editor is not None
    qtbot.waitUntil(lambda: editor.content is not None, timeout=20_000)
    f = editor.form
    year = f.year_spin.value()
    assert f.title_edit.text() == f"{year}年重点项目包保工作总结"
    body = f.body_edit.toPlainText()
    assert NEXT_YEAR_MARK in body and "推进会" in body
    assert f.body_edit.textCursor().selectedText() == NEXT_YEAR_MARK  # the line the clerk has to write
    assert "下一步工作打算尚未填写" in f.state_label.text()
    asked: list[str] = []
    editor.ask_path = lambda _title, suggested: asked.append(suggested) or str(tmp_path / "总结.docx")
    qtbot.mouseClick(f.export_button, Qt.MouseButton.LeftButton)
    assert "下一步工作打算尚未填写" in f.error_label.text() and not asked and _summaries(demo_workspace) == 0

    # 送审稿 first: written with the mark, nothing recorded.
    editor.ask_path = lambda _title, _suggested: str(tmp_path / "送审稿.docx")
    qtbot.mouseClick(f.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.last_saved == tmp_path / "送审稿.docx", timeout=20_000)
    assert "（送审稿）" in _text(tmp_path / "送审稿.docx") and _summaries(demo_workspace) == 0

    f.body_edit.textCursor().insertText(FOCUS)  # typed over the selected mark
    f.title_edit.setText(f"{year}年度重点项目包保工作总结")
    assert "尚未填写" not in f.state_label.text()
    editor.ask_path = lambda _title, _suggested: str(tmp_path / "总结.docx")
    qtbot.mouseClick(f.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.last_saved == tmp_path / "总结.docx", timeout=20_000)
    issued = _text(tmp_path / "总结.docx")
    assert issued.startswith(f"{year}年度重点项目包保工作总结") and FOCUS in issued and NEXT_YEAR_MARK not in issued
    qtbot.waitUntil(lambda: f.issued_list.count() == 1 and f.number_spin.value() == 2, timeout=10_000)
    assert _summaries(demo_workspace) == 1
    assert f.issued_list.item(0).text() == f"{today.year}年第1号 {year}年度重点项目包保工作总结"

    # The issued one, opened from the list: read only, as stored; printed again unchanged.
    f.body_edit.setPlainText("别的文字")
    f.issued_list.setCurrentRow(0)
    editor.open_issued()
    qtbot.waitUntil(lambda: f.body_edit.isReadOnly(), timeout=10_000)
    assert FOCUS in f.body_edit.toPlainText() and not f.export_button.isEnabled()
    assert "正在查看已印发的" in f.state_label.text()
    editor.ask_path = lambda _title, _suggested: str(tmp_path / "重印.docx")
    qtbot.mouseClick(f.reexport_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.last_saved == tmp_path / "重印.docx", timeout=20_000)
    assert _text(tmp_path / "重印.docx") == issued
    # A new draft from the data is editable again.
    qtbot.mouseClick(f.draft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not f.body_edit.isReadOnly() and NEXT_YEAR_MARK in f.body_edit.toPlainText(),
                    timeout=20_000)
    editor.close()
