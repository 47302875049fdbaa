"""The exports as printed: rendered with LibreOffice, measured with poppler (A4, orientation, repeated headers)."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.db.enums import BriefingKind
from desktop.db.models import Meeting
from desktop.exporters import jobs
from desktop.exporters.docx.briefing import write_briefing
from desktop.exporters.docx.minutes import export_minutes
from desktop.services.meetings.minutes_data import minutes_data
from desktop.services.scope import Period, Scope
from desktop.tools.render_docs import render_many_to_pdf, soffice_path
from desktop.workspace import open_workspace
from tests.conftest import TODAY
from tests.exporters.pdf_layout import (
    LINE_PITCH_PT,
    MM,
    PAGE_NUMBER,
    TYPE_AREA_BOTTOM_PT,
    TYPE_AREA_LEFT_PT,
    TYPE_AREA_TOP_PT,
    end_block,
    lone_characters,
    off_grid_body_lines,
    page_count,
    segments,
    split_dates,
)

pytestmark = pytest.mark.libreoffice


LONG_NOTICE_REPEAT = 3  # the demo's 附件 rows three times over: a 通报 of 15+ pages
LONG_MINUTES_ITEMS = 30
ATTENDANCE = ("区政府副区长张某某，区发改局局长李某某，区住建局局长王某某，区自然资源分局局长赵某某，"
              "区市场监督管理局副局长钱某某", "区财政局局长孙某某（公务）", "区委督查室、区政府督查室")


@pytest.fixture(scope="module")
def rendered(demo_template, tmp_path_factory) -> dict[str, Path]:
    """Every document kind from the demo data, plus a long 简报, a long 通报 and a 30-item 纪要, rendered in one
    LibreOffice start."""
    if soffice_path() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice/poppler not installed")
    tmp_path = tmp_path_factory.mktemp("export-render")
    data_dir = tmp_path / "demo"
    data_dir.mkdir()
    for item in demo_template.glob("keyproj.sqlite3*"):
        shutil.copy2(item, data_dir / item.name)
    workspace = open_workspace(data_dir, operator="测试员")
    try:
        files = _write_documents(workspace, tmp_path)
    finally:
        workspace.close()
    return {p.stem: p for p in render_many_to_pdf(files, tmp_path / "pdf")}


def _write_documents(workspace, tmp_path: Path) -> list[Path]:
    period = Period.year(TODAY.year)
    files = []
    for kind in (BriefingKind.BRIEFING, BriefingKind.NOTICE):
        content = jobs.draft(workspace.db, kind, period, Scope(), TODAY)
        files.append(jobs.issue_and_write(workspace.db, content, tmp_path / f"{kind.value}.docx"))
        if kind is BriefingKind.BRIEFING:
            content.body = "\n".join([content.body] * 3)
        else:
            content.tables = [replace(t, rows=tuple((str(n), *row[1:]) for n, row in enumerate(
                t.rows * LONG_NOTICE_REPEAT, 1))) for t in content.tables]
        files.append(write_briefing(content, tmp_path / f"{kind.value}-long.docx"))
    for kind in ("ledger-issues", "investment"):
        path = tmp_path / f"{kind}.xlsx"
        jobs.export_ledger(workspace.db, jobs.LedgerRequest(kind, period, TODAY), path)
        files.append(path)
    with workspace.db.read() as session:
        meeting = max(session.scalars(select(Meeting)).all(), key=lambda m: len(m.decisions))
        minutes = minutes_data(session, meeting.id)
    minutes = replace(minutes, attendees=ATTENDANCE[0], on_leave=ATTENDANCE[1], observers=ATTENDANCE[2])
    files.append(export_minutes(minutes, tmp_path / "minutes.docx", today=TODAY))
    items = [replace(minutes.items[i % len(minutes.items)], seq=i + 1) for i in range(LONG_MINUTES_ITEMS)]
    files.append(export_minutes(replace(minutes, items=tuple(items)), tmp_path / "minutes-long.docx", today=TODAY))
    return files


def pdfinfo(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


def page_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_documents_and_ledgers_print_on_a4(rendered) -> None:
    for stem in ("briefing", "notice"):
        info = pdfinfo(rendered[stem])
        assert info["Page size"].startswith("595.") and "(A4)" in info["Page size"], stem  # A4 portrait
        assert "—1—" in page_text(rendered[stem], 1).replace(" ", "")
        assert "工作" in page_text(rendered[stem], 1)
    notice = rendered["notice"]
    pages = int(pdfinfo(notice)["Pages"])
    assert any("附件1" in page_text(notice, p).replace(" ", "") for p in range(2, pages + 1))
    assert "（共印30份）" in page_text(notice, pages).replace(" ", "")
    for stem in ("ledger-issues", "investment"):
        pdf = rendered[stem]
        info = pdfinfo(pdf)
        width, height = (float(v) for v in info["Page size"].split()[0:3:2])
        assert width > height and ("(A4)" in info["Page size"] or "(A3)" in info["Page size"]), stem  # landscape
        pages = int(info["Pages"])
        assert pages >= 2
        last = page_text(pdf, pages)
        assert f"第 {pages} 页，共 {pages} 页" in last
        assert "序号" in page_text(pdf, 2), "header rows repeat on every page"  # print titles
    first = page_text(rendered["ledger-issues"], 1)
    assert "问题描述" in first and "最新进展" in first and "发现日期" in first  # all columns fit the page width


DOCUMENTS = ("briefing", "briefing-long", "notice", "notice-long", "minutes", "minutes-long")


@pytest.mark.parametrize("stem", DOCUMENTS)
def test_end_block_sits_on_the_last_lines_of_the_last_page(rendered, stem: str) -> None:
    pdf = rendered[stem]
    pages = page_count(pdf)
    segs = segments(pdf)
    block = end_block(segs)
    assert block, "no 版记/报尾 printed"
    assert {s.page for s in block} == {pages}, "the 版记 is on the last page only"
    last = max(block, key=lambda s: s.y1)
    # Its last line ends on the type area's bottom edge (the last rule lies on it), within the bottom 60 mm.
    assert TYPE_AREA_BOTTOM_PT - 4 < last.y1 <= TYPE_AREA_BOTTOM_PT + 0.5, last
    assert min(s.y0 for s in block) > TYPE_AREA_BOTTOM_PT - 60 * MM
    # Never alone: the last page carries body text or table rows above the 版记.
    others = [s for s in segs if s.page == pages and s not in block and not PAGE_NUMBER.match(s.text)]
    assert others, "a page holds only the 版记"
    assert max(s.y1 for s in others) <= min(s.y0 for s in block), "body text runs into the 版记"


def test_long_variants_are_long(rendered) -> None:
    assert page_count(rendered["notice-long"]) >= 15
    assert page_count(rendered["minutes-long"]) > page_count(rendered["minutes"])
    assert "三十、" in "".join(s.text for s in segments(rendered["minutes-long"]))


@pytest.mark.parametrize("stem", DOCUMENTS)
def test_body_lines_are_28_95_pt_apart(rendered, stem: str) -> None:
    pdf = rendered[stem]
    segs = segments(pdf)
    checked = 0
    for page in range(1, page_count(pdf) + 1):
        on_page = [s for s in segs if s.page == page and s.y0 < TYPE_AREA_BOTTOM_PT]
        if any(s.height < 17 for s in on_page):  # table pages: rows are not on the grid
            continue
        assert off_grid_body_lines(segs, page) == [], (stem, page)
        checked += 1
    assert checked >= 1
    tops = sorted({round(s.y0, 1) for s in segs if s.page == 2 and abs(s.height - 20.8) < 0.6})
    if len(tops) > 3:
        assert min(b - a for a, b in itertools.pairwise(tops)) == pytest.approx(LINE_PITCH_PT, abs=0.3)


@pytest.mark.parametrize("stem", ("notice", "notice-long", "minutes", "minutes-long"))
def test_table_cells_never_split_a_date_or_leave_one_character(rendered, stem: str) -> None:
    segs = segments(rendered[stem])
    assert sum(1 for s in segs if s.height < 17) > 50  # the tables are there
    assert split_dates(segs) == []
    assert lone_characters(segs) == []


@pytest.mark.parametrize("stem", ("minutes", "minutes-long"))
def test_minutes_form_as_printed(rendered, stem: str) -> None:
    """GB/T 9704 §10.3 on the page: the mark's top 35 mm below the type area's top, the opening sentence of a
    纪要 without narrative, the 附件说明, then 出席/请假/列席 with wrapped lines aligned after the colon."""
    segs = segments(rendered[stem])
    mark = next(s for s in segs if s.page == 1 and "重点项目推进会" in s.text)
    assert (mark.y0 - TYPE_AREA_TOP_PT) / MM == pytest.approx(35, abs=0.5)
    text = [s.text for s in segs]
    opening = next(i for i, t in enumerate(text) if "主持召开" in t)
    note = text.index("附件：2026年第1次推进会议定事项分解表")
    present = next(s for s in segs if s.text.startswith("出席："))
    on_leave = next(s for s in segs if s.text.startswith("请假："))
    observers = next(s for s in segs if s.text.startswith("列席："))
    assert opening < note < segs.index(present) < segs.index(on_leave) < segs.index(observers)
    assert present.x0 == pytest.approx(TYPE_AREA_LEFT_PT + 2 * 16, abs=1.5)  # 左空二字
    wrapped = [s for s in segs if s.page == present.page and present.y0 < s.y0 < on_leave.y0]
    assert wrapped and all(s.x0 == pytest.approx(present.x0 + 3 * 16, abs=1.5) for s in wrapped)  # after "出席："
    assert note_page(segs, note) <= present.page < page_count(rendered[stem])  # the 附件 follows, then the 版记


def note_page(segs, index: int) -> int:
    return segs[index].page
