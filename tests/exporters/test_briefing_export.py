"""工作简报 / 工作通报 exported from the demo data, re-opened with python-docx and checked against the statistics."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from desktop.db.enums import BriefingKind
from desktop.exporters import jobs
from desktop.exporters.docx.briefing import title_lines, write_briefing
from desktop.exporters.docx.colophon import box_tables
from desktop.services import stats
from desktop.services.briefing import issued as briefings
from desktop.services.figures import yi_text
from desktop.services.issues import actions as issues
from desktop.services.scope import Period, Scope

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(name: str) -> str:
    return f"{{{W}}}{name}"


def body_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def texts(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(q("t")))


def paragraph(body: etree._Element, start: str) -> etree._Element:
    for p in body.iter(q("p")):
        if texts(p).startswith(start):
            return p
    raise AssertionError(f"no paragraph starts with {start!r}")


def runs(p: etree._Element) -> list[tuple[str, str, str, str | None]]:
    """(text, eastAsia font, half-point size, colour) per run."""
    out = []
    for r in p.iter(q("r")):
        rpr = r.find("w:rPr", NS)
        color = rpr.find("w:color", NS)
        out.append((texts(r), rpr.find("w:rFonts", NS).get(q("eastAsia")), rpr.find("w:sz", NS).get(q("val")),
                    None if color is None else color.get(q("val"))))
    return out


@pytest.fixture
def period(today: date) -> Period:
    return Period.year(today.year)


def test_briefing_layout_fonts_and_figures(demo_workspace, today, period, tmp_path) -> None:
    db = demo_workspace.db
    content = jobs.draft(db, BriefingKind.BRIEFING, period, Scope(), today)
    content.editor_note = "现将全区重点项目包保工作情况刊发，供参阅。"
    path = jobs.issue_and_write(db, content, tmp_path / "简报.docx")
    with db.read() as session:
        headline = stats.headline(session, period, Scope(), today=today)

    doc = Document(str(path))
    section = doc.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    assert (section.top_margin.mm, section.left_margin.mm) == pytest.approx((37, 28), abs=0.1)
    body = body_xml(path)

    # Red masthead, issue number, issuer left / date right over the red rule.
    name = paragraph(body, "工作简报")
    assert runs(name)[0][1:] == ("方正小标宋简体", "108", "FF0000")
    assert texts(paragraph(body, "第1期")) == "第1期"
    issuer = paragraph(body, "区重点项目服务保障办公室")
    assert issuer.find(".//w:tab", NS) is not None and texts(issuer).endswith(f"{today.year}年11月25日")
    bottom = issuer.find("w:pPr/w:pBdr/w:bottom", NS)
    assert bottom.get(q("color")) == "FF0000"

    # 编者按 before the 2号 小标宋 title; body 3号 仿宋 on the 28.95 pt grid; headings in 黑体 / 楷体.
    note = paragraph(body, "编者按：")
    assert [r[1] for r in runs(note)] == ["黑体", "楷体_GB2312"]
    title = paragraph(body, content.title)
    assert runs(title)[0][1:3] == ("方正小标宋简体", "44")
    fonts = title.find("w:r/w:rPr/w:rFonts", NS)
    assert fonts.get(q("ascii")) == fonts.get(q("hAnsi")) == "方正小标宋简体"  # digits of the title too
    assert list(body.iter(q("p"))).index(note) < list(body.iter(q("p"))).index(title)
    h1 = paragraph(body, "一、主要指标完成情况")
    assert runs(h1)[0][1:3] == ("黑体", "32")
    h2 = paragraph(body, "（一）问题办理情况。")
    assert [r[1] for r in runs(h2)] == ["楷体_GB2312", "仿宋_GB2312"]
    spacing = h2.find("w:pPr/w:spacing", NS)
    assert (spacing.get(q("line")), spacing.get(q("lineRule"))) == ("579", "exact")
    item = paragraph(body, "1.")
    assert runs(item)[0][1:3] == ("仿宋_GB2312", "32")

    # Every headline figure printed equals the statistics service for the same period.
    full = "\n".join(texts(p) for p in body.iter(q("p")))
    i, d = headline.issues, headline.decisions
    assert f"共收集梳理项目问题{i.raised}个，已办结{i.done}个，办结率{i.rate.text}" in full
    assert f"议定的{d.decided}个具体事项已完成{d.done}个，办结率达到{d.rate.text}" in full
    assert "34个具体事项已完成33个，办结率达到97.06%" in full
    for line in headline.investment:
        assert f"完成投资{yi_text(line.completed)}亿元" in full

    # 报尾: 报/送/发 between rules, print run right-aligned; page numbers — 1 — in the footer.
    (last,) = box_tables(doc)  # in a text box at the foot of the last page, see exporters/docx/colophon.py
    lines = [c.text for row in last.rows for c in row.cells]
    assert lines == ["报：区委、区政府主要领导", "送：区级各包保领导", "发：各项目专班，包保工作领导组各成员单位",
                     "（共印30份）"]
    footer = doc.sections[0].footer.paragraphs[0]._p
    assert "PAGE" in etree.tostring(footer, encoding="unicode") and "—" in texts(footer)

    # Stored as issued, with the figures of the day.
    with db.read() as session:
        (issued,) = briefings.issued(session, BriefingKind.BRIEFING)
        stored = briefings.load(session, issued.id)
    assert stored.headline == json.loads(json.dumps(headline.as_dict(), default=str))
    assert stored.body == content.body and stored.editor_note == content.editor_note


def test_reexport_prints_the_issue_as_it_was(demo_workspace, today, period, tmp_path) -> None:
    db = demo_workspace.db
    content = jobs.draft(db, BriefingKind.BRIEFING, period, Scope(), today)
    first = jobs.issue_and_write(db, content, tmp_path / "first.docx")
    with db.transaction() as session:  # the data moves on after the issue
        open_ids = [r.id for r in stats_open_issue_ids(session)]
        for issue_id in open_ids[:5]:
            issues.resolve(session, issue_id, "已解决", on=today)
        (issued,) = briefings.issued(session)
    again = jobs.rewrite(db, issued.id, tmp_path / "again.docx")
    assert [p.text for p in Document(str(again)).paragraphs] == [p.text for p in Document(str(first)).paragraphs]
    fresh = jobs.draft(db, BriefingKind.BRIEFING, period, Scope(), today)
    assert fresh.number == 2 and fresh.body != content.body


def stats_open_issue_ids(session):
    from sqlalchemy import select

    from desktop.db.models import Issue

    return session.execute(select(Issue.id).where(Issue.status == "assigned").order_by(Issue.id)).all()


def test_notice_tables_are_attachments_with_repeating_headers(demo_workspace, today, period, tmp_path) -> None:
    db = demo_workspace.db
    content = jobs.draft(db, BriefingKind.NOTICE, period, Scope(), today)
    path = jobs.issue_and_write(db, content, tmp_path / "通报.docx")
    with db.read() as session:
        headline = stats.headline(session, period, Scope(), today=today)
    doc = Document(str(path))
    body = body_xml(path)
    assert runs(paragraph(body, "工作通报"))[0][3] == "FF0000"
    # Three 附件 tables in the body; the 报尾 is in a text box.
    assert len(doc.tables) == len(content.tables) == 3
    assert len(box_tables(doc)) == 1
    for n, (table, data) in enumerate(zip(doc.tables, content.tables, strict=False), 1):
        label = paragraph(body, f"附件{n}")
        assert label.find("w:pPr/w:pageBreakBefore", NS) is not None
        assert runs(label)[0][1] == "黑体"
        # A header too long for its narrow column breaks into equal lines ("超期\n天数").
        assert [c.text.replace("\n", "") for c in table.rows[0].cells] == list(data.headers)
        assert table.rows[0]._tr.find("w:trPr/w:tblHeader", NS) is not None
        assert len(table.rows) == len(data.rows) + 1
    overdue = doc.tables[1]
    assert len(overdue.rows) - 1 == 50 < headline.issues.overdue  # the 50 longest overdue; all are in the 台账
    ranking = doc.tables[0]
    assert sum(int(r.cells[4].text) for r in ranking.rows[1:]) == headline.issues.overdue
    # The 附件说明 hangs after "附件：".
    note = paragraph(body, "附件：1.")
    ind = note.find("w:pPr/w:ind", NS)
    assert ind.get(q("hanging")) == str(3 * 320)


def test_hostile_text_never_breaks_the_document(tmp_path) -> None:
    content = briefings.BriefingContent(
        kind=BriefingKind.BRIEFING, year=2026, number=3, title="=HYPERLINK(\"x\")标题\x07",
        body="一、=SUM(A1)\n正文\x01含控制字符\x1b和@提及\n+86 138\n-1个问题", issued_on=date(2026, 11, 25),
        masthead_name="工作简报", issuer="办公室\x0c", report_to=("区委\x00",))
    path = write_briefing(content, tmp_path / "hostile.docx")
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "=HYPERLINK(\"x\")标题" in text and "正文含控制字符和@提及" in text and "+86 138" in text
    assert "\x01" not in text and "\x07" not in text


def test_title_lines_break_at_word_ends() -> None:
    assert title_lines("关于2026年全区重点项目问题办理和议定事项落实情况的通报") == \
        "关于2026年全区重点项目问题办理和\n议定事项落实情况的通报"
    assert title_lines("短标题") == "短标题"
    assert title_lines("用户自己\n断的行不再改动用户自己断的行不再改动用户自己断的行") .count("\n") == 1
