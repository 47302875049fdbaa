"""Issues whose ledger gave no found date (found_on NULL, issue #16) or no 办结日期: every reader copes.

An issue without a found date is found in no period: the period figures leave it out and say so; lists keep it,
after the dated issues; nothing prints "None". One marked 办结 without its day counts as 办结 (the office says
so), the same in the figures, the drill-down and the unit standings.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from desktop import paths
from desktop.cli import main
from desktop.db.models import Issue
from desktop.services import dashboard, first_screen, stats
from desktop.services.briefing import draft as briefing_draft
from desktop.services.briefing import facts as briefing_facts
from desktop.services.drilldown import Context, Key, rows_for
from desktop.services.issues.rows import load_issue_rows
from desktop.services.projects.tree import available_years
from desktop.services.scope import Period, Scope
from desktop.services.templates.catalog import Purpose
from desktop.services.templates.records import Selection, issue_records
from desktop.ui.models.issue_table import _CELL, sort_rows

TODAY = date(2026, 11, 25)
YEAR = Period.year(2026)


@pytest.fixture
def undated(demo_workspace):  # type: ignore[no-untyped-def]
    """The demo with two 2026 issues made undated: one open, one 已办结 whose 办结日期 is unknown too."""
    with demo_workspace.db.transaction() as session:
        in_year = select(Issue.id).where(Issue.found_on.between(YEAR.start, YEAR.end)).order_by(Issue.id)
        open_id = session.scalars(in_year.where(Issue.status.in_(("assigned", "new")))).first()
        done_id = session.scalars(in_year.where(Issue.status == "resolved")).first()
        session.execute(update(Issue).where(Issue.id.in_([open_id, done_id])).values(found_on=None))
        session.execute(update(Issue).where(Issue.id == done_id).values(resolved_on=None))
    return demo_workspace, open_id, done_id


def test_figures_leave_undated_issues_out_and_say_so(undated) -> None:  # type: ignore[no-untyped-def]
    ws, _open_id, _done_id = undated
    with ws.db.read() as session:
        after = stats.issue_figures(session, YEAR, today=TODAY)
    assert after.undated == 2 and after.raised == 300 - 2  # the demo's 2026 has 300 issues (tests/test_cli.py)
    assert after.undated_text == "（另有2个问题未填发现日期，不属于任何期间，未计入）"


def test_undated_issue_counts_as_done_without_its_day(demo_workspace) -> None:  # type: ignore[no-untyped-def]
    with demo_workspace.db.transaction() as session:
        done_id = session.scalars(select(Issue.id).where(Issue.found_on.between(YEAR.start, YEAR.end),
                                                         Issue.status == "resolved")).first()
    with demo_workspace.db.read() as session:
        before = stats.issue_figures(session, YEAR, today=TODAY)
    with demo_workspace.db.transaction() as session:
        session.execute(update(Issue).where(Issue.id == done_id).values(resolved_on=None))
    ctx = Context(YEAR, Scope(), TODAY)
    with demo_workspace.db.read() as session:
        after = stats.issue_figures(session, YEAR, today=TODAY)
        done_ids = rows_for(session, ctx, Key("issues.done")).ids
        open_ids = rows_for(session, ctx, Key("issues.open")).ids
    assert (after.raised, after.done) == (before.raised, before.done)
    assert done_id in done_ids and done_id not in open_ids
    assert len(done_ids) == after.done and len(open_ids) == after.open


def test_cli_stats_names_the_undated_issues(undated, capsys) -> None:  # type: ignore[no-untyped-def]
    ws, _open_id, _done_id = undated
    assert main(["stats", "--data-dir", str(ws.data_dir), "--year", "2026", "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "（另有2个问题未填发现日期，不属于任何期间，未计入）" in out and "None" not in out


def test_drafts_and_dashboard_with_undated_issues(undated) -> None:  # type: ignore[no-untyped-def]
    ws, _open_id, _done_id = undated
    ctx = Context(YEAR, Scope(), TODAY)
    with ws.db.read() as session:
        facts = briefing_facts.gather(session, YEAR, Scope(), TODAY)
        board = dashboard.build(session, ctx)
        raised = rows_for(session, ctx, Key("issues.raised"))
    for drafted in (briefing_draft.draft_briefing(facts), briefing_draft.draft_notice(facts)):
        text = drafted.title + drafted.body + str(drafted.tables)
        assert "None" not in text
        assert "另有2个问题未填发现日期" in text
    figure = next(f for f in board.headline if f.label == "发现问题")
    assert figure.value == facts.headline.issues.raised and figure.note == "个"
    assert board.undated_text == "（另有2个问题未填发现日期，不属于任何期间，未计入）"
    assert len(raised.ids) == figure.value


def test_lists_keep_undated_issues_last_and_blank(undated) -> None:  # type: ignore[no-untyped-def]
    ws, open_id, done_id = undated
    with ws.db.read() as session:
        rows = load_issue_rows(session)
        first_page = load_issue_rows(session, limit=len(rows))
    assert {r.id for r in rows[-2:]} == {open_id, done_id}  # newest first, undated after every dated one
    assert [r.id for r in first_page] == [r.id for r in rows]
    by_id = {r.id: r for r in rows}
    assert _CELL["found_on"](by_id[open_id]) == "未填"
    for descending in (False, True):
        ordered = sort_rows(rows, "found_on", descending)
        assert {r.id for r in ordered[-2:]} == {open_id, done_id} and len(ordered) == len(rows)
    with ws.db.read() as session:
        years = available_years(session)
    folder, db_file = ws.data_dir, paths.database_file(ws.data_dir)
    ws.close()
    assert first_screen.save(folder, db_file, TODAY, years=years, tree_year=years[0], due_soon_days=7, nodes=[],
                             rows=rows)
    loaded = first_screen.load(folder, db_file, TODAY)
    assert loaded is not None
    assert [r.found_on for r in loaded.rows] == [r.found_on for r in rows[:len(loaded.rows)]]


def test_template_issue_records_keep_an_open_undated_issue(undated) -> None:  # type: ignore[no-untyped-def]
    ws, _open_id, _done_id = undated
    with ws.db.read() as session:
        records = issue_records(session, Selection(Purpose.ISSUES, 2026, 11), TODAY)
    undated_records = [r for r in records if r["found_on"] is None]
    assert len(undated_records) == 1 and records[-1]["found_on"] is None  # the open one, listed last


def test_a_recorded_found_date_cannot_be_cleared_an_absent_one_stays_absent(undated) -> None:  # type: ignore[no-untyped-def]
    """Nothing lost: editing may correct a found date, never erase it; an issue that never had one keeps none."""
    from desktop.errors import UserError
    from desktop.services.issues import actions

    ws, open_id, _done_id = undated
    with ws.db.transaction() as session:
        dated_id, found_on = session.execute(select(Issue.id, Issue.found_on).where(Issue.found_on.is_not(None))
                                             .order_by(Issue.id)).first()
    with pytest.raises(UserError, match=r"已记录发现日期.*不能清空"), ws.db.transaction() as session:
        actions.update_issue(session, dated_id, found_on=None, description="改了描述")
    with ws.db.read() as session:
        kept = session.get(Issue, dated_id)
        assert kept.found_on == found_on and kept.description != "改了描述"
    with ws.db.transaction() as session:
        actions.update_issue(session, open_id, found_on=None, description="未填发现日期的问题")
        actions.update_issue(session, dated_id, found_on=date(2026, 3, 2))
    with ws.db.read() as session:
        assert session.get(Issue, open_id).found_on is None
        assert session.get(Issue, open_id).description == "未填发现日期的问题"
        assert session.get(Issue, dated_id).found_on == date(2026, 3, 2)
