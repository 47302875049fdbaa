"""The 会议纪要 Word export re-opened with python-docx: page, fonts on every run, spacing, items, table, 版记."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.db.models import Meeting
from desktop.exporters.docx.colophon import box_tables
from desktop.exporters.docx.minutes import MinutesOptions, build_minutes, export_minutes
from desktop.exporters.minutes_html import minutes_html
from desktop.services.meetings.minutes_data import MinutesData, MinutesItem, minutes_data
from desktop.services.meetings.rich_text import parse_minutes
from desktop.tools.render_docs import render_to_pdf, soffice_path

NARRATIVE = ("<h1>一、会议总体情况</h1><p>会议听取了各包保领导和责任单位的汇报，<b>逐一研究</b>了用地、审批、"
             "施工用电等问题。</p><h2>关于要素保障</h2><p>会议强调，要强化要素保障。</p>"
             "<ol><li>加快手续办理</li><li>强化调度</li></ol><ul><li>压实责任</li></ul>")
TODAY = date(2026, 11, 25)


@pytest.fixture
def third_minutes(demo_workspace) -> MinutesData:
    with demo_workspace.db.transaction() as s:
        meeting = s.scalars(select(Meeting).order_by(Meeting.held_at.desc())).first()
        meeting.minutes_html = NARRATIVE
        s.flush()
        return minutes_data(s, meeting.id)


@pytest.fixture
def docx_path(third_minutes: MinutesData, tmp_path: Path) -> Path:
    return export_minutes(third_minutes, tmp_path / "纪要.docx", today=TODAY)


def _paragraph(doc, start: str):
    return next(p for p in doc.paragraphs if p.text.startswith(start))


def test_page_size_and_margins(docx_path: Path) -> None:
    section = Document(str(docx_path)).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)  # A4, 210 × 297 mm
    assert (section.top_margin.twips, section.bottom_margin.twips) == (2098, 1984)  # 37 / 35 mm
    assert (section.left_margin.twips, section.right_margin.twips) == (1587, 1474)  # 28 / 26 mm
    assert round(section.top_margin.mm) == 37 and round(section.right_margin.mm) == 26


def test_every_run_has_east_asian_font_and_no_theme_fonts(docx_path: Path) -> None:
    doc = Document(str(docx_path))
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert len(runs) > 60
    for run in runs:
        fonts = run._r.rPr.rFonts
        assert fonts is not None and fonts.get(qn("w:eastAsia")), run.text
        assert fonts.get(qn("w:ascii")) == "Times New Roman"
    with zipfile.ZipFile(docx_path) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                assert not re.search(r"(ascii|hAnsi|eastAsia|cs)Theme=|cstheme=", z.read(name).decode()), name


def test_body_lines_are_exact_28_95_pt(docx_path: Path) -> None:
    doc = Document(str(docx_path))
    body = [p for p in doc.paragraphs if p.text.startswith(("会议听取", "现将会议", "一、简化"))]
    assert len(body) == 3
    for p in body:
        spacing = p._p.pPr.find(qn("w:spacing"))
        assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("579", "exact")
        assert p.runs[0]._r.rPr.sz.val.pt == 16


def test_narrative_headings_lists_and_bold(docx_path: Path) -> None:
    doc = Document(str(docx_path))
    heading = _paragraph(doc, "一、会议总体情况")
    assert heading.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    second = _paragraph(doc, "（一）关于要素保障")  # numbered by the exporter when typed without a number
    assert second.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "楷体_GB2312"
    assert _paragraph(doc, "（1）加快手续办理") and _paragraph(doc, "压实责任")
    bold = [r.text for r in _paragraph(doc, "会议听取").runs if r.bold]
    assert bold == ["逐一研究"]


def test_decided_items_numbered_with_units_and_deadlines(docx_path: Path, third_minutes: MinutesData) -> None:
    doc = Document(str(docx_path))
    texts = [p.text for p in doc.paragraphs]
    intro = texts.index("现将会议议定事项纪要如下：")
    items = texts[intro + 1:intro + 11]
    assert [t.split("、", 1)[0] for t in items] == ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    first = third_minutes.items[0]
    # The item's words name its unit ("……区市场监督管理局负责落实。"): the bracket does not name it again.
    assert first.lead_unit in first.text and items[0].count(first.lead_unit) == 1
    assert items[0].endswith(f"。（责任人：{first.person}；完成时限：{first.deadline}）")
    plain = next(i for i, item in enumerate(third_minutes.items) if item.lead_unit not in item.text)
    assert f"（责任单位：{third_minutes.items[plain].lead_unit}；" in items[plain]
    runs = _paragraph(doc, "一、简化").runs
    assert [r._r.rPr.rFonts.get(qn("w:eastAsia")) for r in runs] == ["黑体", "仿宋_GB2312", "楷体_GB2312"]


def test_decided_item_table_repeats_its_header(docx_path: Path) -> None:
    doc = Document(str(docx_path))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "序号")
    assert [c.text for c in table.rows[0].cells] == ["序号", "议定事项", "责任单位", "责任人", "完成时限", "备注"]
    assert len(table.rows) == 11
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[1].cells[4].text.endswith("前")
    attachment = next(p for p in doc.paragraphs if p.text == "附件")
    assert attachment._p.pPr.find(qn("w:pageBreakBefore")) is not None


def test_banji_and_masthead(docx_path: Path) -> None:
    doc = Document(str(docx_path))
    cells = [c.text for t in box_tables(doc) for row in t.rows for c in row.cells]
    assert any(c.startswith("抄送：区委办公室") for c in cells)
    # The office's one name (文档设置), as on the 简报, 通报 and 台账.
    assert any("区重点项目服务保障办公室" in c and "2026年8月14日印发" in c for c in cells)
    texts = [p.text for p in doc.paragraphs]
    assert texts[1:3] == ["重点项目推进会", "会议纪要"] and "第3期" in texts


def test_plain_title_without_table(third_minutes: MinutesData, tmp_path: Path) -> None:
    path = export_minutes(third_minutes, tmp_path / "plain.docx", MinutesOptions(masthead=False, decision_table=False))
    doc = Document(str(path))
    assert doc.paragraphs[0].text == "重点项目包保工作第三次推进会纪要"
    assert not any(t.rows[0].cells[0].text == "序号" for t in doc.tables)


NASTY = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60) | st.sampled_from(
    ["\x00\x01\x0b\x0c\x1f\x7f", "😀🚧👍🏽", "\ufeff\u200b\ufffe\uffff", "<b>&amp;</b>", "\ud83d\ude00"])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=NASTY, other=NASTY)
def test_any_typed_or_pasted_text_exports(tmp_path: Path, text: str, other: str) -> None:
    item = MinutesItem(1, text or "x", other, (text,), other, text, other)
    data = MinutesData(1, "2026年第1次推进会", text, datetime(2026, 3, 1, 9), other, text, other, text,
                       tuple(parse_minutes(f"<p>{text}</p>{other}")), (item, replace(item, seq=2)), text, other,
                       None, f"{text}\n{other}", "第1期")
    path = export_minutes(data, tmp_path / "nasty.docx", today=TODAY)
    assert Document(str(path)).paragraphs
    assert minutes_html(data, today=TODAY)


def test_builder_without_items_or_narrative(tmp_path: Path) -> None:
    data = MinutesData(1, "2026年第1次专题会", "专题会", datetime(2026, 3, 1, 9), "", "", "", "", (), (), "", "",
                       None, "重点项目专题会\n会议纪要", "第1期")
    doc = build_minutes(data, today=TODAY).doc
    texts = [p.text for p in doc.paragraphs]
    assert "现将会议议定事项纪要如下：" not in texts
    assert "2026年3月1日上午9:00，召开专题会。" in texts  # the opening is made of the recorded facts only


def test_the_full_form_of_a_minutes(third_minutes: MinutesData, tmp_path: Path) -> None:
    """GB/T 9704 §10.3: facts, (opening,) items, 附件说明, 出席/请假/列席 in 黑体 + 仿宋, then the attached table."""
    data = replace(third_minutes, narrative=(), attendees="区政府副区长张某某，区住建局局长李某某",
                   on_leave="区财政局局长孙某某", observers="区委督查室")
    doc = Document(str(export_minutes(data, tmp_path / "full.docx", today=TODAY)))
    texts = [p.text for p in doc.paragraphs]
    assert not any(t.startswith("参会：") for t in texts)  # who attended is printed once, in the block below
    opening = texts.index("2026年8月12日下午3:00，区委副书记、区长在区政府第一会议室主持召开重点项目包保工作第三次推进会。")
    assert texts[opening + 1] == "现将会议议定事项纪要如下："
    note = texts.index("附件：2026年第3次推进会议定事项分解表")
    assert texts[note - 1] == "" and texts[note + 1] == ""  # a blank line above it and above the attendance
    assert texts[note + 2:note + 5] == ["出席：区政府副区长张某某，区住建局局长李某某", "请假：区财政局局长孙某某",
                                        "列席：区委督查室"]
    present = doc.paragraphs[note + 2]
    assert [r._r.rPr.rFonts.get(qn("w:eastAsia")) for r in present.runs] == ["黑体", "仿宋_GB2312"]
    indent = present._p.pPr.find(qn("w:ind"))
    assert int(indent.get(qn("w:left"))) - int(indent.get(qn("w:hanging"))) == 2 * 320  # 左空二字
    assert texts.index("附件") > note + 4  # the table comes after the attendance, on its own page
    without_table = Document(str(export_minutes(data, tmp_path / "bare.docx", MinutesOptions(decision_table=False),
                                                today=TODAY)))
    assert not any(p.text.startswith("附件") for p in without_table.paragraphs)
    html = minutes_html(data, today=TODAY)
    for text in ("附件：2026年第3次推进会议定事项分解表", "区政府副区长张某某", "区委督查室", "主持召开"):
        assert text in html


def test_preview_warnings_name_contradictions_and_relative_dates(third_minutes: MinutesData) -> None:
    first = third_minutes.items[0]
    items = (replace(first, text="紫云府项目用地问题，于9月底前完成。", deadline="2026年10月11日前",
                     deadline_on=date(2026, 10, 11)),
             replace(first, seq=2, text="10月11日前完成组卷，明年9月份开工。", deadline="2026年10月11日前",
                     deadline_on=date(2026, 10, 11)),
             replace(first, seq=3, text="6月底前完成拆迁，10月11日前完成组卷。", deadline="2026年10月11日前",
                     deadline_on=date(2026, 10, 11)))
    warnings = [str(w) for w in replace(third_minutes, items=items).warnings()]
    assert warnings == [
        "第1项议定事项：正文写“9月底前”，完成时限为“2026年10月11日前”，两者不一致",
        "第2项议定事项：正文中的“明年”是相对日期，纪要印发后含义不明，请写明具体年月",
    ]


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice_path() is None or shutil.which("pdfinfo") is None, reason="LibreOffice/poppler not installed")
def test_renders_a4_with_expected_pages(docx_path: Path, tmp_path: Path) -> None:
    pdf = render_to_pdf(docx_path, tmp_path / "pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages == 5  # masthead + facts + narrative + 10 items on 3 pages, the 附件 table on 2
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    page_texts = text.split("\f")
    assert page_texts[3].strip().startswith("附件")
    assert "— 1 —" in page_texts[0] or "—1—" in page_texts[0].replace(" ", "")
