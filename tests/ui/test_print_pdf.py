"""导出PDF from the window: every 台账 (and the issue table as shown), the 会议纪要 and the 包保卡, each a real PDF
whose text (pdftotext) holds the title, the page numbers and names from the data."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import func, select

from desktop.app import create_application
from desktop.db.models import Project
from desktop.exporters import jobs
from desktop.ui.dashboard_panel import DashboardPanel
from desktop.ui.ledger_print import SHOWN_ISSUES
from desktop.ui.main_window import MainWindow
from desktop.ui.ops import Ops
from tests.ui.helpers import settle

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext（poppler-utils）未安装")


# The CJK font's glyphs are shared by several code points and the PDF's ToUnicode names one of them: ⽉ (Kangxi
# radical) for 月, which NFKC folds back, and these two, which it does not.
SAME_GLYPH = str.maketrans({"⻚": "页", "―": "—"})


def norm(text: str) -> str:
    """NFKC with the shared glyphs folded and spaces dropped, so that 第 1 页 and 第1页 compare alike."""
    return unicodedata.normalize("NFKC", text).translate(SAME_GLYPH).replace(" ", "")


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return norm(out)


@pytest.fixture
def window(qtbot, demo_workspace, today, tmp_path) -> MainWindow:
    create_application()
    win = MainWindow(demo_workspace, today=today, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    settle(qtbot, win)  # its data is read on the worker
    return win


def short_project_name(workspace) -> str:
    """A project name short enough never to wrap in its cell, so it reads as one word in the PDF's text."""
    with workspace.db.read() as session:
        return session.scalars(select(Project.name).where(Project.removed_on.is_(None))
                               .order_by(func.length(Project.name), Project.code)).first()


def save_ledger_pdf(qtbot, window, kind: str, target: Path) -> Path:
    printing_menu = window.export_menu.ledger_print
    asked: list[str] = []
    printing_menu.ask_pdf_path = lambda title, suggested: asked.append(suggested) or target
    with qtbot.waitSignal(printing_menu.pdf_saved, timeout=30_000) as saved:
        printing_menu.pdf_actions[kind].trigger()
    assert saved.args == [target] and asked[0].endswith(".pdf")
    assert printing_menu.last_pdf == target
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert not list(target.parent.glob(f".{target.stem}*.part"))  # written beside, then renamed
    return target


@needs_pdftotext
@pytest.mark.parametrize("kind", list(jobs.LEDGER_KINDS))
def test_every_ledger_exports_a_pdf_with_its_rows(qtbot, window, demo_workspace, today, tmp_path, kind) -> None:
    pdf = save_ledger_pdf(qtbot, window, kind, tmp_path / f"{kind}.pdf")
    spec, _rows = jobs.ledger_sheet(demo_workspace.db, jobs.LedgerRequest(kind, window.export_menu.period(), today))
    text = pdf_text(pdf)
    pages = text.count("\f")
    assert norm(spec.title) in text and norm("填报单位：区重点项目服务保障办公室") in text
    assert norm("第1页，共") in text and norm(f"第{pages}页，共{pages}页") in text and pages >= 2
    if kind in ("ledger-projects", "investment"):
        assert norm(short_project_name(demo_workspace)) in text
    if kind == "ledger-issues":
        assert "办理状态" in text and "已销号" in text


@needs_pdftotext
@pytest.mark.parametrize("kind", ["ledger-projects", "ledger-issues"])
def test_wide_ledger_pdf_prints_on_the_workbooks_paper_at_9_pt(qtbot, window, demo_workspace, today, tmp_path,
                                                               kind) -> None:
    """The PDF and the preview take the paper the workbook chose (A3 landscape for the demo's wide ledgers), so the
    text prints at ≥ 9 pt as on the Excel printout, measured from the PDF's glyph boxes."""
    from tests.exporters.test_ledger_print import _smallest_text_pt

    fit = jobs.ledger_fit(demo_workspace.db, jobs.LedgerRequest(kind, window.export_menu.period(), today))
    assert fit.paper == "A3"
    pdf = save_ledger_pdf(qtbot, window, kind, tmp_path / f"{kind}.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = (float(v) for v in info.split("Page size:")[1].split()[0:3:2])
    assert (round(width), round(height)) == (1191, 842)  # A3 landscape, in points
    assert _smallest_text_pt(pdf) >= 9.0


@needs_pdftotext
def test_shown_issues_pdf_has_the_table_rows_only(qtbot, window, tmp_path) -> None:
    panel = window.issue_panel
    panel.form.due_combo.setCurrentIndex(panel.form.due_combo.findData("overdue"))
    rows = panel.model.visible_rows()
    assert 0 < len(rows) < 200
    text = pdf_text(save_ledger_pdf(qtbot, window, SHOWN_ISSUES, tmp_path / "shown.pdf"))
    assert "重点项目问题台账" in text and "已销号" not in text  # overdue issues are never closed ones
    assert norm("第1页，共") in text


def test_cancelling_the_file_chooser_writes_nothing(qtbot, window, tmp_path) -> None:
    printing_menu = window.export_menu.ledger_print
    printing_menu.ask_pdf_path = lambda _title, _suggested: None
    printing_menu.pdf_actions["investment"].trigger()
    qtbot.wait(200)
    assert printing_menu.last_pdf is None and not window.ops.busy()


@needs_pdftotext
def test_minutes_pdf_from_the_export_menu(qtbot, window, tmp_path) -> None:
    panel = window.meetings_panel

    def choose_first(dialog):
        dialog.form.meeting_combo.setCurrentIndex(0)
        dialog.accept()
        return dialog.result()

    panel.exec_dialog = choose_first
    target = tmp_path / "纪要.pdf"
    panel.exporter._ask_path = lambda *_a: target  # type: ignore[method-assign]
    window.export_menu.minutes_pdf_action.trigger()
    settle(qtbot, window)  # the meetings to choose from are read on the worker
    assert window.export_menu.last_saved == target and target.read_bytes().startswith(b"%PDF")
    assert "会议纪要" in pdf_text(target) and norm("—1—") in pdf_text(target)


@needs_pdftotext
def test_leader_card_pdf_from_the_dashboard_button(qtbot, demo_workspace, today, tmp_path) -> None:
    create_application()
    panel = DashboardPanel(Ops(demo_workspace), today)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):  # read on the worker when first shown
        panel.show()
    target = tmp_path / "包保卡.pdf"
    panel.ask_pdf_path = lambda _title, suggested: target if suggested.endswith(".pdf") else None
    panel.form.card_pdf_button.click()
    qtbot.waitUntil(lambda: panel.last_pdf is not None, timeout=10_000)  # the card is read on the worker
    assert panel.last_pdf == target and target.read_bytes().startswith(b"%PDF")
    card = panel.card
    text = pdf_text(target)
    assert norm("包　保　卡") in text and norm(card.leader) in text and text.count("\f") == 1
    assert "已导出" in panel.form.heading_label.text()
