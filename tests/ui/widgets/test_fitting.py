"""Elided labels, the eliding status bar and the screen clamp, on real widgets."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from desktop.ui.widgets.fitting import (
    FRAME_ALLOWANCE,
    ElidedLabel,
    ElidingStatusBar,
    PathLabel,
    fit_to_screen,
    usable_area,
)

LONG = "已导出：" + "/home/办公室/文档/2026年重点项目包保/会议纪要/" * 6 + "纪要.docx"


def test_an_elided_label_keeps_its_text_and_never_widens_its_window(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    label = ElidedLabel("已自动保存")
    row.addWidget(label)
    window.resize(300, 40)
    window.show()
    qtbot.waitExposed(window)
    assert not label.is_elided()
    label.setText(LONG)
    qtbot.wait(1)
    assert window.width() == 300  # a plain QLabel would make the window ~1,700 px wide
    assert label.text() == LONG and label.is_elided()
    assert label.minimumSizeHint().width() < 100
    assert label.sizeHint().width() > 1000  # it still asks for its whole text when there is room
    label.grab()  # paints the elided text
    plain = QLabel(LONG)
    assert plain.minimumSizeHint().width() > 1000


def test_a_path_label_keeps_both_ends(qtbot) -> None:
    label = PathLabel(LONG)
    qtbot.addWidget(label)
    label.resize(200, 24)
    shown = label.fontMetrics().elidedText(label.text(), label.elide_mode, label.contentsRect().width())
    assert shown.endswith("纪要.docx") and shown.startswith("已导出")


def test_the_status_bar_elides_on_screen_and_keeps_the_whole_message(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = ElidingStatusBar(window)
    window.setStatusBar(bar)
    bar.addPermanentWidget(PathLabel("数据：" + LONG))
    window.resize(500, 200)
    window.show()
    qtbot.waitExposed(window)
    bar.showMessage(LONG)
    bar.grab()
    assert window.width() == 500
    assert bar.currentMessage() == LONG


def test_a_dialog_larger_than_the_screen_is_clamped_and_moved_inside(qtbot) -> None:
    dialog = fit_to_screen(QDialog())
    qtbot.addWidget(dialog)
    QVBoxLayout(dialog).addWidget(QLabel("内容"))
    area = usable_area(dialog)
    dialog.resize(area.width() + 400, area.height() + 300)
    dialog.move(QPoint(area.right() - 50, area.bottom() - 50))
    dialog.show()
    qtbot.waitExposed(dialog)
    available = dialog.screen().availableGeometry()
    assert dialog.width() <= available.width() - FRAME_ALLOWANCE.width()
    assert dialog.height() <= available.height() - FRAME_ALLOWANCE.height()
    assert available.contains(dialog.frameGeometry())
    assert fit_to_screen(dialog) is dialog  # a second call installs nothing more
    dialog.hide()
    dialog.resize(200, 100)
    dialog.show()
    assert dialog.width() == 200  # a window that fits is left as it is
