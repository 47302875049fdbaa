"""The print preview / PDF 纪要 gives the Word file's page (issue 17 §7): lines 28.95 pt apart, first lines
indented two characters, hanging labels, table cells as the Word table breaks them, and the 版记 on the last
lines of the last page, measured in the Qt PDF's text boxes."""

from __future__ import annotations

import itertools
import shutil
from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import select

from desktop.app import create_application
from desktop.db.models import Meeting
from desktop.exporters.minutes_html import end_block, minutes_html
from desktop.services.meetings.minutes_data import minutes_data
from desktop.ui.main_window import MainWindow
from desktop.ui.minutes_print import export_pdf
from tests.conftest import TODAY
from tests.exporters.pdf_layout import (
    LINE_PITCH_PT,
    MM,
    TYPE_AREA_BOTTOM_PT,
    TYPE_AREA_LEFT_PT,
    TYPE_AREA_TOP_PT,
    segments,
    split_dates,
)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext（poppler-utils）未安装")


@pytest.fixture
def minutes(demo_workspace):
    with demo_workspace.db.read() as session:
        meeting = max(session.scalars(select(Meeting)).all(), key=lambda m: len(m.decisions))
        data = minutes_data(session, meeting.id)
    return replace(data, attendees="区政府副区长张某某，区发改局局长李某某，区住建局局长王某某，区自然资源分局局长赵某某",
                   on_leave="区财政局局长孙某某（公务）")


def _visible(segs, page: int):
    """Lines inside the type area: a line box crossing a page edge is clipped away on the other page (its text
    stays in the PDF's text layer there, outside the type area)."""
    return [s for s in segs if s.page == page and TYPE_AREA_TOP_PT - 1 < s.y0 < TYPE_AREA_BOTTOM_PT - 1]


@pytest.mark.parametrize("table", [True, False])
def test_qt_pdf_keeps_the_word_grid_and_prints_the_banji_at_the_foot(minutes, tmp_path, table: bool) -> None:
    create_application()
    html = minutes_html(minutes, decision_table=table, today=TODAY)
    pdf = export_pdf(html, tmp_path / "纪要.pdf", end_block(minutes, today=TODAY))
    segs = segments(pdf)
    pages = max(s.page for s in segs)
    mark = next(s for s in segs if s.page == 1 and "推进会" in s.text)
    assert (mark.y0 - TYPE_AREA_TOP_PT) / MM == pytest.approx(35, abs=0.5)  # GB/T 9704 §10.3, as in Word
    body = [s for s in _visible(segs, 2) if 20 < s.height < 24]  # 三号 lines of a text page
    tops = sorted({round(s.y0, 1) for s in body})
    assert len(tops) >= 15
    assert all(abs(b - a - LINE_PITCH_PT) < 0.3 for a, b in itertools.pairwise(tops))
    starts = sorted({round(s.x0, 1) for s in body})
    assert starts[0] == pytest.approx(TYPE_AREA_LEFT_PT, abs=1)  # wrapped lines flush left
    first_lines = [s for s in body if s.text.startswith(("三、", "四、", "五、"))]
    assert first_lines and all(s.x0 == pytest.approx(TYPE_AREA_LEFT_PT + 32, abs=1) for s in first_lines)
    present = next(s for s in segs if s.text.startswith("出席："))
    # The next line in reading order inside a type area (on this page or the next) is the wrapped one.
    inside = [s for page in range(present.page, pages + 1) for s in _visible(segs, page)]
    wrapped = inside[inside.index(present) + 1]
    assert present.x0 == pytest.approx(TYPE_AREA_LEFT_PT + 32, abs=1)
    assert wrapped.x0 == pytest.approx(present.x0 + 3 * 16, abs=1.5)  # aligned after "出席："
    issued = next(s for s in segs if s.text.endswith("印发"))
    cc = next(s for s in segs if s.text.startswith("抄送："))
    assert issued.page == cc.page == pages
    assert TYPE_AREA_BOTTOM_PT - 28 < issued.y1 <= TYPE_AREA_BOTTOM_PT
    assert cc.y0 > TYPE_AREA_BOTTOM_PT - 60 * MM
    others = [s for s in _visible(segs, pages) if s.y1 < cc.y0 - 0.5]
    assert others, "a page holds only the 版记"
    if table:
        assert split_dates(segs) == []


def test_preview_names_what_to_correct(qtbot, demo_workspace, today, tmp_path) -> None:
    create_application()
    window = MainWindow(demo_workspace, today=today, settings=QSettings(str(tmp_path / "ui.ini"),
                                                                        QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.ops.busy(), timeout=10_000)
    panel = window.meetings_panel
    with demo_workspace.db.read() as session:
        first = session.scalars(select(Meeting.id).order_by(Meeting.held_at)).first()
    panel.select_meeting(first)  # its items 7 and 10 say "于5月底前完成" beside "2026年5月13日前"
    qtbot.waitUntil(lambda: panel.current is not None and panel.current.id == first, timeout=10_000)
    shown = []
    panel.exec_dialog = lambda dialog: shown.append(dialog) or 0
    panel.form.print_preview_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)  # the 纪要 is read on the worker, then the preview opens
    dialog = shown[0]
    label = getattr(dialog, "warning_label", None)
    assert label is not None and label.isVisibleTo(dialog)
    assert "第7项议定事项：正文写“5月底前”，完成时限为“2026年5月13日前”，两者不一致" in label.text()
    assert label.text().startswith("请核对：")
