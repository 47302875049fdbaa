"""Opens the real main window and every dialog it can open on a simulated screen and reports, as JSON, whether
they fit (screen_fit_dialogs.py opens the dialogs).

Run by tests/ui/test_screen_fit.py with `sys.executable` in a subprocess, because the screen size and
`QT_SCALE_FACTOR` must be set before the QApplication exists (the offscreen platform reads its screens from a JSON
file named in `QT_QPA_PLATFORM`; `desktop.tools.window_shots.configure_screen`, which also takes README's
screenshots). By hand:

    python tests/ui/screen_fit_driver.py --data DEMO_FOLDER --screen 1366x768 --scale 1 --out report.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

# The offscreen plugin's own notes (see pyproject's qt_log_ignore): real platforms implement these calls.
IGNORED = ("This plugin does not support propagateSizeHints()", "This plugin does not support raise()",
           "This plugin does not support grabbing the")
LONG_PATH = "/home/办公室/文档/2026年重点项目包保/会议纪要/第三次推进会/" * 4 + "重点项目包保工作第三次推进会会议纪要.docx"
LONG_TEXT = "已导出：" + LONG_PATH
TODAY = date(2026, 11, 25)
# What a real window manager adds around a window (title bar, borders), which the offscreen platform does not:
# a window must leave this much of the available area free (the same figure as fitting.FRAME_ALLOWANCE).
FRAME = (16, 40)


def rect(r) -> list[int]:  # type: ignore[no-untyped-def]
    return [r.x(), r.y(), r.width(), r.height()]


class Report:
    def __init__(self) -> None:
        self.data: dict[str, object] = {"windows": [], "widths": [], "clipped": [], "widened": [], "warnings": []}

    def window(self, name: str, widget, available) -> None:  # type: ignore[no-untyped-def]
        """Where the window is, and whether a real window manager's title bar and borders would still fit: Qt's
        offscreen frame is 1-2 px, a real one about 30 px high (FRAME)."""
        frame = widget.frameGeometry()
        room = available.adjusted(0, 0, -FRAME[0], -FRAME[1]).size()
        self.data["windows"].append({  # type: ignore[union-attr]
            "name": name, "frame": rect(frame), "inside": available.contains(frame),
            "room": widget.width() <= room.width() and widget.height() <= room.height(),
            "minimum": [widget.minimumSize().width(), widget.minimumSize().height()]})

    def long_labels(self, name: str, dialog, available, settle) -> None:  # type: ignore[no-untyped-def]
        """Every label but a field's caption (a buddy, or the label column of a form layout) may get a long text
        from the data or a message: with a long text in each, the dialog must still fit beside a window manager's
        frame."""
        from PySide6.QtWidgets import QLabel
        from shiboken6 import isValid

        filled = [label for label in dialog.findChildren(QLabel) if isValid(label) and not is_caption(label)]
        for label in filled:
            if isValid(label):  # a label's text may rebuild part of the dialog
                label.setText(LONG_TEXT)
        settle()
        hint = dialog.minimumSizeHint()
        room = available.adjusted(0, 0, -FRAME[0], -FRAME[1]).size()
        if hint.width() > room.width() or hint.height() > room.height():
            wide = [label.objectName() for label in filled
                    if isValid(label) and label.minimumSizeHint().width() > room.width() // 2]
            self.data["widened"].append([name, [hint.width(), hint.height()], wide])  # type: ignore[union-attr]

    def width(self, step: str, width: int) -> None:
        self.data["widths"].append([step, width])  # type: ignore[union-attr]

    def clipped(self, where: str, widget) -> None:  # type: ignore[no-untyped-def]
        """A page laid out narrower or lower than its layout's minimum: something on it is cut off."""
        hint = widget.minimumSizeHint()
        if hint.width() > widget.width() or hint.height() > widget.height():
            self.data["clipped"].append([where, [hint.width(), hint.height()],  # type: ignore[union-attr]
                                         [widget.width(), widget.height()]])


def is_caption(label) -> bool:  # type: ignore[no-untyped-def]
    """A field's caption or a unit beside a field (至, 号): the form's own words, not data or a message. A buddy,
    the label column of a form layout, a text ending in a colon, or a few words without figures."""
    from PySide6.QtWidgets import QFormLayout

    text = label.text().strip()
    if label.buddy() is not None or text.endswith(("：", ":")):
        return True
    if text and len(text) <= 6 and not any(c.isdigit() for c in text):
        return True
    parent = label.parentWidget()
    layout = parent.layout() if parent is not None else None
    stack = [layout] if layout is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, QFormLayout):
            index = current.indexOf(label)
            if index >= 0:
                return current.getItemPosition(index)[1] == QFormLayout.ItemRole.LabelRole
        stack.extend(current.itemAt(i).layout() for i in range(current.count()) if current.itemAt(i).layout())
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True, help="a data folder with the demo database")
    parser.add_argument("--screen", default="1366x768")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.screen.split("x"))
    from desktop.tools.window_shots import configure_screen

    configure_screen(width, height, args.scale)

    from PySide6.QtCore import QSettings, QtMsgType, qInstallMessageHandler

    report = Report()

    def on_message(kind, _context, message: str) -> None:  # type: ignore[no-untyped-def]
        if kind != QtMsgType.QtDebugMsg and kind != QtMsgType.QtInfoMsg and not message.startswith(IGNORED):
            report.data["warnings"].append(message)  # type: ignore[union-attr]

    qInstallMessageHandler(on_message)

    from desktop.app import create_application
    from desktop.ui.main_window import MainWindow
    from desktop.workspace import open_workspace

    app = create_application()
    screen = app.primaryScreen()
    available = screen.availableGeometry()
    report.data["screen"] = rect(screen.geometry())
    report.data["available"] = rect(available)
    workspace = open_workspace(args.data, operator="测试员")
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "ui.ini"), QSettings.Format.IniFormat)

    def settle() -> None:
        for _ in range(4):
            app.processEvents()

    window = MainWindow(workspace, today=TODAY, settings=settings)
    window.show()  # as app.py shows it: the .ui's size, no resize by the caller
    settle()
    loaded(window, settle)
    report.window("MainWindow", window, available)
    report.width("shown", window.width())
    walk_main_window(window, report, settle)
    report.window("MainWindow after walk", window, available)
    from tests.ui.screen_fit_dialogs import DialogWalk

    def measure(name: str, dialog) -> None:  # type: ignore[no-untyped-def]
        report.window(name, dialog, available)
        report.clipped(name, dialog)
        report.long_labels(name, dialog, available, settle)

    walk = DialogWalk(window, measure, settle, Path(tempfile.mkdtemp()))
    report.data["dialogs"] = sorted(set(walk.run()))
    report.data["messages"] = walk.messages
    report.width("after the dialogs", window.width())
    args.out.write_text(json.dumps(report.data, ensure_ascii=False, indent=1), encoding="utf-8")
    window.close()
    workspace.close()
    return 0


def loaded(window, settle) -> None:  # type: ignore[no-untyped-def]
    """Wait for the data the window loads on its worker (under a loaded CI machine this takes seconds): the walk
    measures the window with its tree and table filled, as a user sees it."""
    import time

    for _ in range(2400):
        if not window.ops.busy() and window.form.project_tree_view.model() is not None:
            break
        settle()
        time.sleep(0.05)
    settle()


def walk_main_window(window, report: Report, settle) -> None:  # type: ignore[no-untyped-def]
    """Every tab, the meeting's inner tabs, long texts in the labels that show paths and results, a long status
    message; the width after each step, and whether any page is cut off."""
    from PySide6.QtCore import Qt

    tabs = window.form.main_tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle()
        report.width(f"tab {tabs.tabText(index)}", window.width())
        report.clipped(f"tab {tabs.tabText(index)}", tabs.widget(index))
    panel = window.meetings_panel
    tabs.setCurrentWidget(window.form.meetings_tab)
    panel.meeting_view.selectRow(0)
    settle()
    detail = panel.form.detail_tabs
    for index in range(detail.count()):
        detail.setCurrentIndex(index)
        settle()
        report.width(f"meeting tab {detail.tabText(index)}", window.width())
        report.clipped(f"meeting tab {detail.tabText(index)}", panel)
    panel.form.save_state_label.setText(LONG_TEXT)  # what a Word export writes there
    panel.form.rate_label.setText(LONG_TEXT)
    panel.summary_label.setText(LONG_TEXT)
    window.data_label.setText("数据：" + LONG_PATH)
    window.statusBar().showMessage(LONG_TEXT)
    settle()
    report.width("long labels", window.width())
    report.clipped("long labels", panel)
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle()
        report.width(f"tab {tabs.tabText(index)} again", window.width())
    tabs.setCurrentIndex(0)
    settle()
    table = window.issue_panel.table
    status = next(c for c in range(table.model().columnCount())
                  if table.model().headerData(c, Qt.Orientation.Horizontal) == "状态")
    header = table.horizontalHeader()
    report.data["status_column"] = {"right": header.sectionViewportPosition(status) + header.sectionSize(status),
                                    "viewport": table.viewport().width()}


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.exit(main())
