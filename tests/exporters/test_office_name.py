"""One issuing-office name: the 简报, 通报, 纪要 and 台账 all print the name set once in 文档设置 (issue 17 found
区重点项目服务保障办公室 on three of them and 区重点项目包保工作领导组办公室 on the 纪要)."""

from __future__ import annotations

from docx import Document
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.db.enums import BriefingKind
from desktop.db.models import Meeting
from desktop.exporters import jobs
from desktop.exporters.docx.colophon import box_tables
from desktop.exporters.docx.minutes import export_minutes
from desktop.services import office_settings
from desktop.services.meetings.minutes_data import minutes_data
from desktop.services.scope import Period, Scope
from tests.conftest import TODAY

OFFICE = "南湖区重点项目服务保障中心"


def _docx_text(path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in (*doc.tables, *box_tables(doc)) for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_every_document_is_issued_under_the_office_name(demo_workspace, tmp_path) -> None:
    with demo_workspace.db.transaction() as session:
        office_settings.put(session, "office_name", OFFICE)
        meeting_id = session.scalars(select(Meeting.id)).first()
    texts = {}
    for kind in (BriefingKind.BRIEFING, BriefingKind.NOTICE):
        content = jobs.draft(demo_workspace.db, kind, Period.year(TODAY.year), Scope(), TODAY)
        texts[kind.value] = _docx_text(jobs.write_review_copy(content, tmp_path / f"{kind.value}.docx"))
    with demo_workspace.db.read() as session:
        data = minutes_data(session, meeting_id)
    assert data.warnings() == [] or all(w.where != "印发机关" for w in data.warnings())
    texts["minutes"] = _docx_text(export_minutes(data, tmp_path / "minutes.docx", today=TODAY))
    ledger = tmp_path / "ledger.xlsx"
    jobs.export_ledger(demo_workspace.db, jobs.LedgerRequest("ledger-issues", Period.year(TODAY.year), TODAY), ledger)
    sheet = load_workbook(ledger).worksheets[0]
    texts["ledger"] = "\n".join(str(c.value) for row in sheet.iter_rows(max_row=3) for c in row if c.value)
    for name, text in texts.items():
        assert OFFICE in text, name
        assert "领导组办公室" not in text.replace("包保工作领导组办公室。", ""), name  # no second issuer name


def test_a_minutes_issued_under_another_name_is_flagged(demo_workspace) -> None:
    with demo_workspace.db.transaction() as session:
        meeting = session.scalars(select(Meeting)).first()
        meeting.issuer = "区重点项目包保工作领导组办公室"
        session.flush()
        warnings = [str(w) for w in minutes_data(session, meeting.id).warnings()]
    assert ("印发机关：“区重点项目包保工作领导组办公室”与本单位名称“区重点项目服务保障办公室”（文档设置）不一致，"
            "简报、通报、台账用的是后者") in warnings
