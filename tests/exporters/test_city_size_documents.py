"""A 简报 or 通报 of a city's size (thousands of meetings, tens of thousands of overdue issues, a hundred units)
stays a document a reader uses: ≤ 6 pages and ≤ 20 pages with its 附件, proven on the LibreOffice render.

The facts are the demo's, inflated to city counts (the generated city database takes minutes to build; what the
drafts do with long lists is the same). The figures printed stay the real totals; only the lists are capped.
"""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from desktop.db.enums import BriefingKind
from desktop.exporters.docx.briefing import write_briefing
from desktop.services.briefing import draft as briefing_draft
from desktop.services.briefing import facts as briefing_facts
from desktop.services.briefing import issued as briefings
from desktop.services.scope import Period, Scope
from desktop.tools.render_docs import render_many_to_pdf, soffice_path
from tests.conftest import TODAY
from tests.exporters.pdf_layout import page_count

MEETINGS, OVERDUE, UNITS = 5_000, 36_000, 134


def _city_facts(session) -> briefing_facts.BriefingFacts:
    facts = briefing_facts.gather(session, Period.year(TODAY.year), Scope(), TODAY)
    per_meeting = [(f"2026年第{n}次推进会", 3, 2) for n in range(1, MEETINGS + 1)]
    headline = replace(facts.headline, decisions=replace(facts.headline.decisions, meetings=MEETINGS,
                                                         per_meeting=per_meeting))
    issues = [replace(o, days_overdue=o.days_overdue + n % 97) for n in range(OVERDUE // len(facts.overdue_issues))
              for o in facts.overdue_issues]
    units = [replace(u, unit=f"{u.unit}{n}") for n in range(UNITS // len(facts.units) + 1) for u in facts.units][:UNITS]
    decisions = facts.overdue_decisions * 400 if facts.overdue_decisions else []
    return replace(facts, headline=headline, overdue_issues=issues, units=units,
                   overdue_decisions=decisions, lagging=facts.lagging * 20)


def test_city_drafts_cap_their_lists_and_keep_the_totals(demo_workspace) -> None:
    with demo_workspace.db.read() as session:
        facts = _city_facts(session)
    briefing = briefing_draft.draft_briefing(facts)
    assert len(briefing.body) < 6_000  # it was one paragraph of 140,686 characters
    assert "第4999次推进会" not in briefing.body and f"会议{MEETINGS}次" in briefing.body
    notice = briefing_draft.draft_notice(facts)
    ranking, overdue, *rest = notice.tables
    assert len(ranking.rows) == 40 and ranking.title.endswith(f"（共{UNITS}个单位，列出前20名和后20名）")
    assert [r[0] for r in ranking.rows] == [str(n) for n in (*range(1, 21), *range(UNITS - 19, UNITS + 1))]
    assert len(overdue.rows) == briefing_draft.LIST_CAP and f"共{len(facts.overdue_issues)}个" in overdue.title
    assert all(len(t.rows) <= briefing_draft.LIST_CAP for t in rest)
    assert f"超过完成时限未办结的问题{len(facts.overdue_issues)}个" in notice.body  # the real total is printed


@pytest.mark.libreoffice
def test_city_documents_print_within_their_page_budget(demo_workspace, tmp_path) -> None:
    if soffice_path() is None or shutil.which("pdfinfo") is None:
        pytest.skip("LibreOffice/poppler not installed")
    with demo_workspace.db.read() as session:
        facts = _city_facts(session)
        files = []
        for kind, text in ((BriefingKind.BRIEFING, briefing_draft.draft_briefing(facts)),
                           (BriefingKind.NOTICE, briefing_draft.draft_notice(facts))):
            content = briefings.new_content(session, kind, TODAY.year, TODAY)
            content.title, content.body, content.tables = text.title, text.body, text.tables
            files.append(write_briefing(content, tmp_path / f"{kind.value}.docx"))
    pdfs = {p.stem: p for p in render_many_to_pdf(files, tmp_path / "pdf")}
    assert page_count(pdfs["briefing"]) <= 6
    assert page_count(pdfs["notice"]) <= 20
