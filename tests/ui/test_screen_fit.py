"""The main window fits the screen and keeps its width: at 1366×768, and at 1920×1080 scaled 125 % and 150 %.

Screens are simulated in subprocesses (tests/ui/screen_fit_driver.py): the offscreen platform's screen and
`QT_SCALE_FACTOR` are fixed before the QApplication exists. The in-process test walks the same steps on the test
run's own offscreen screen: whatever the screen, no tab and no long text may change the window's width.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.helpers import open_window
from tests.ui.screen_fit_driver import LONG_PATH, LONG_TEXT

DRIVER = Path(__file__).with_name("screen_fit_driver.py")
ROOT = Path(__file__).resolve().parents[2]
SCREENS = [("1366x768", 1.0), ("1920x1080", 1.25), ("1920x1080", 1.5)]


def run_driver(data: Path, screen: str, scale: float, out: Path, *extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    done = subprocess.run([sys.executable, str(DRIVER), "--data", str(data), "--screen", screen, "--scale",
                           str(scale), "--out", str(out), *extra], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture
def demo_folder(tmp_path: Path, demo_template: Path) -> Path:
    """A copy of the demo database the subprocess opens (the test process keeps no handle on it)."""
    target = tmp_path / "demo"
    target.mkdir()
    for item in demo_template.glob("keyproj.sqlite3*"):
        shutil.copy2(item, target / item.name)
    return target


def dialog_classes() -> set[str]:
    """Every dialog the package defines: desktop/ui/dialogs/*, the project page and the print preview."""
    import importlib
    import inspect

    from PySide6.QtWidgets import QDialog

    from desktop.ui.dialogs.base import FormDialog, WorkerDialog

    names = {"ProjectPageDialog", "PrintPreview"}
    for module_file in sorted((ROOT / "desktop" / "ui" / "dialogs").glob("*.py")):
        module = importlib.import_module(f"desktop.ui.dialogs.{module_file.stem}")
        names |= {name for name, cls in inspect.getmembers(module, inspect.isclass)
                  if issubclass(cls, QDialog) and cls.__module__ == module.__name__ and cls not in (FormDialog, WorkerDialog)}
    return names


@pytest.mark.parametrize(("screen", "scale"), SCREENS, ids=[f"{s}@{int(f * 100)}%" for s, f in SCREENS])
def test_windows_and_dialogs_fit_the_screen(demo_folder: Path, tmp_path: Path, screen: str, scale: float) -> None:
    report = run_driver(demo_folder, screen, scale, tmp_path / "report.json")
    width, height = (int(v) for v in screen.split("x"))
    assert report["screen"] == [0, 0, round(width / scale), round(height / scale)]
    assert report["warnings"] == []
    assert set(report["dialogs"]) == dialog_classes()  # every dialog class was opened and measured
    for window in report["windows"]:
        assert window["inside"], f"{window['name']} {window['frame']} outside {report['available']}"
        assert window["room"], f"{window['name']} {window['frame']}: no room for a title bar in {report['available']}"
    assert report["widened"] == [], "long texts widen (dialog, minimum hint, labels): " + repr(report["widened"])
    widths = report["widths"]
    assert {w for _step, w in widths} == {widths[0][1]}, f"the window's width changed: {widths}"
    assert report["clipped"] == [], "cut off (minimum hint, size): " + repr(report["clipped"])
    status = report["status_column"]
    assert status["right"] <= status["viewport"], f"状态 column ends at {status['right']} of {status['viewport']} px"


def test_tabs_and_long_texts_keep_the_window_width(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    qtbot.waitExposed(window)
    start = window.width()
    tabs = window.form.main_tabs
    panel = window.meetings_panel
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.wait(1)
        assert window.width() == start, tabs.tabText(index)
    tabs.setCurrentWidget(window.form.meetings_tab)
    panel.meeting_view.selectRow(0)
    for index in range(panel.form.detail_tabs.count()):
        panel.form.detail_tabs.setCurrentIndex(index)  # 议定事项 widened the window by 238 px
        qtbot.wait(1)
        assert window.width() == start, panel.form.detail_tabs.tabText(index)
    panel.exporter.export_word(tmp_path / "纪要.docx")
    qtbot.waitUntil(lambda: not panel.ops.busy(), timeout=10_000)  # read and written on the worker
    assert panel.form.save_state_label.text().startswith("已导出：")
    panel.form.save_state_label.setText(LONG_TEXT)
    window.data_label.setText("数据：" + LONG_PATH)
    window.statusBar().showMessage(LONG_TEXT)
    qtbot.wait(1)
    assert window.width() == start
    assert window.minimumSizeHint().width() <= start
    assert window.statusBar().currentMessage() == LONG_TEXT  # elided on screen only
    assert window.data_label.text() == "数据：" + LONG_PATH
    window.resize(start + 100, window.height())
    window.resize(start, window.height())  # and it can be made narrower again
    qtbot.wait(1)
    assert window.width() == start
