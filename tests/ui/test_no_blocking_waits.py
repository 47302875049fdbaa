"""Nothing on the GUI thread waits for the worker (issue #15): a part hands its work to `Ops` with a callback and
returns. Checked two ways: in the source (no nested event loop in the window's code but `ui/driving.py`, which is
for programs with nobody at the keyboard), and in the real meetings tab with the worker held busy — every action
that used to wait for a read or a write (`ops_wait.call`) returns at once, and its dialog opens, or its write lands,
when the worker gets to it, in the order asked."""

from __future__ import annotations

import ast
import threading
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from desktop.app import create_application
from desktop.db.models import Meeting
from desktop.ui.main_window import MainWindow

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"
DRIVERS = {"driving.py"}  # until_idle: the self-test, the benchmark, the screenshot tools


def test_no_nested_event_loop_in_the_window() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        rel = path.relative_to(UI).as_posix()
        if rel in DRIVERS or rel.startswith("forms/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Name | ast.Attribute) and (getattr(node, "id", None) == "QEventLoop"
                                                                 or getattr(node, "attr", None) == "QEventLoop"):
                found.append(f"{rel}:{node.lineno}")
    assert not found, f"a nested event loop waits on the GUI thread: {found}"
    assert not (UI / "ops_wait.py").exists()


def test_the_meetings_tab_never_waits_for_the_worker(qtbot, demo_workspace, today, tmp_path) -> None:
    create_application()
    window = MainWindow(demo_workspace, today=today,
                        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.ops.busy(), timeout=10_000)
    panel = window.meetings_panel
    meeting_id = panel.current_meeting_id()
    open_item = panel.current.open_decisions()[0]
    opened: list[QDialog] = []
    panel.exec_dialog = lambda dialog: opened.append(dialog) or QDialog.DialogCode.Rejected

    gate = threading.Event()
    window.ops.run(lambda _workspace: gate.wait(20))  # the worker is busy with something long
    panel.form.minutes_edit.setPlainText("会议听取了各包保单位的汇报。")
    started = time.monotonic()
    panel.flush_minutes()  # the minutes save: queued, not waited for
    panel.edit_meeting()  # 会议信息: its lists and 第N次 are read first
    panel.tracker.edit_decision(open_item.id)
    panel.tracker.close(open_item.id)  # 销号: the office's setting is read first
    panel.tracker.carry(open_item.id)  # 转入下次会议: the meetings to offer are read first
    panel.exporter.export_word(tmp_path / "纪要.docx")
    took = time.monotonic() - started
    assert took < 1.0 and opened == [], (took, opened)  # every one returned at once; nothing opened yet
    assert panel.form.save_state_label.text() == "正在保存…"
    assert not (tmp_path / "纪要.docx").exists()

    gate.set()
    qtbot.waitUntil(lambda: not window.ops.busy(), timeout=20_000)
    assert [type(d).__name__ for d in opened] == ["MeetingDialog", "DecisionDialog", "CloseDialog",
                                                  "MeetingChooserDialog"]
    assert panel.form.save_state_label.text().startswith("已导出：")
    with demo_workspace.db.read() as session:  # the save was asked first, so the export's read found the text
        assert "会议听取了各包保单位的汇报。" in session.get(Meeting, meeting_id).minutes_html
    from docx import Document

    assert "会议听取了各包保单位的汇报。" in [p.text for p in Document(str(tmp_path / "纪要.docx")).paragraphs]
