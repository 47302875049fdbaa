"""打印预览 with the real QPrintPreviewDialog, offscreen: opened from the real buttons and menus, painted, closed,
three times in one session — the 会议纪要, the 包保卡 and the 台账.

Issue 14: the preview dialog kept a pointer to a printer Python had already freed, and the program crashed the
moment the preview painted. The old test replaced the dialog; these tests let the dialog run its own modal loop.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from desktop.app import create_application
from desktop.ui.dashboard_panel import DashboardPanel
from desktop.ui.ledger_print import SHOWN_ISSUES
from desktop.ui.main_window import MainWindow
from desktop.ui.minutes_print import preview_dialog
from desktop.ui.ops import Ops

ROUNDS = 3


@dataclass
class Seen:
    title: str
    pages: int
    ink: bool  # some dark pixels on the painted preview: the pages were drawn, not left blank


def _ink(dialog: QPrintPreviewDialog) -> bool:
    """Whether the grabbed preview shows dark pixels (text) anywhere, sampled on a coarse grid."""
    image = dialog.grab().toImage()
    step = 3
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            if QColor(image.pixel(x, y)).lightness() < 90:
                return True
    return False


def _look_and_close(qtbot, dialog: QPrintPreviewDialog) -> Seen:
    with qtbot.waitExposed(dialog):
        pass
    QApplication.processEvents()
    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget is not None
    qtbot.waitUntil(lambda: widget.pageCount() > 0)
    seen = Seen(dialog.windowTitle(), widget.pageCount(), _ink(dialog))
    dialog.reject()
    return seen


def exec_preview(qtbot, open_it: Callable[[], object]) -> Seen:
    """Run `open_it` (which execs a preview modally, as the user's click does) and, from inside the dialog's own
    event loop, wait for it to be exposed and painted, look at it and close it."""
    seen: list[Seen] = []
    failures: list[BaseException] = []
    tries = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintPreviewDialog) or not dialog.isVisible():
            tries[0] += 1
            if tries[0] < 1200:
                QTimer.singleShot(25, poll)
            return
        try:
            seen.append(_look_and_close(qtbot, dialog))
        except BaseException as exc:  # report after exec returns; never leave the modal loop running
            failures.append(exc)
            dialog.reject()

    QTimer.singleShot(0, poll)
    open_it()
    if not seen and not failures:  # a 台账 is read on the worker first: the dialog opens a moment later
        qtbot.waitUntil(lambda: bool(seen or failures), timeout=30_000)
    if failures:
        raise failures[0]
    assert seen, "no print preview dialog was shown"
    return seen[0]


def _window(qtbot, workspace, today, tmp_path) -> MainWindow:
    create_application()
    window = MainWindow(workspace, today=today, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1440, 860)
    window.show()
    qtbot.waitUntil(lambda: not window.ops.busy(), timeout=10_000)  # the open meeting's detail is read on the worker
    return window


def test_minutes_preview_from_the_meetings_tab_opens_and_closes_three_times(qtbot, demo_workspace, today,
                                                                           tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    panel = window.meetings_panel
    panel.form.minutes_edit.setPlainText("一、会议总体情况\n会议听取了汇报。")
    for _round in range(ROUNDS):
        seen = exec_preview(qtbot, panel.form.print_preview_button.click)
        gc.collect()
        assert seen.title == "会议纪要打印预览"
        assert seen.pages >= 1 and seen.ink


def test_leader_card_preview_from_the_dashboard_opens_and_closes_three_times(qtbot, demo_workspace, today) -> None:
    create_application()
    panel = DashboardPanel(Ops(demo_workspace), today)
    qtbot.addWidget(panel)
    panel.resize(1366, 900)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):  # read on the worker when first shown
        panel.show()
    combo = panel.form.card_leader_combo
    assert combo.count() >= ROUNDS
    for index in range(ROUNDS):
        combo.setCurrentIndex(index)
        seen = exec_preview(qtbot, panel.form.card_preview_button.click)
        gc.collect()
        assert seen.title == f"包保卡 — {panel.card.leader}"
        assert seen.pages == 1 and seen.ink


def test_a_preview_keeps_its_printer_after_every_other_reference_is_gone(qtbot) -> None:
    """The factory's own locals are gone and garbage collected before the dialog paints."""
    create_application()
    for _round in range(ROUNDS):
        dialog = preview_dialog("<p>会议纪要</p><p>会议听取了汇报。</p>")
        gc.collect()
        seen = exec_preview(qtbot, dialog.exec)
        assert seen.pages == 1 and seen.ink
        del dialog
        gc.collect()


def test_minutes_preview_from_the_export_menu(qtbot, demo_workspace, today, tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    panel = window.meetings_panel
    real_exec = panel.exec_dialog

    def choose_second(dialog):  # the chooser is answered; the preview after it runs for real
        if isinstance(dialog, QPrintPreviewDialog):
            return real_exec(dialog)
        dialog.form.meeting_combo.setCurrentIndex(1)
        dialog.accept()
        return dialog.result()

    panel.exec_dialog = choose_second
    for _round in range(ROUNDS):
        seen = exec_preview(qtbot, window.export_menu.minutes_preview_action.trigger)
        assert seen.title == "会议纪要打印预览" and seen.pages >= 1 and seen.ink
    assert panel.current_meeting_id() is not None


@pytest.mark.parametrize("kind", ["ledger-issues", "investment", "responsibility"])
def test_ledger_preview_from_the_export_menu_opens_and_closes_three_times(qtbot, demo_workspace, today, tmp_path,
                                                                          kind: str) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    printer_menu = window.export_menu.ledger_print
    pages = set()
    for _round in range(ROUNDS):
        seen = exec_preview(qtbot, printer_menu.preview_actions[kind].trigger)
        gc.collect()
        assert seen.title.endswith("— 打印预览") and seen.ink
        pages.add(seen.pages)
    assert len(pages) == 1 and pages.pop() > 1  # the same ledger each time, on several landscape pages


def test_shown_issues_preview_follows_the_table(qtbot, demo_workspace, today, tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    panel = window.issue_panel
    panel.form.due_combo.setCurrentIndex(panel.form.due_combo.findData("overdue"))
    assert 0 < panel.model.rowCount() < 200
    every = exec_preview(qtbot, window.export_menu.ledger_print.preview_actions["ledger-issues"].trigger)
    shown = exec_preview(qtbot, window.export_menu.ledger_print.preview_actions[SHOWN_ISSUES].trigger)
    assert shown.title == "重点项目问题台账 — 打印预览"
    assert shown.pages < every.pages
