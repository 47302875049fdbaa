"""Services behind the main window: reminders, undo snapshots, issue history, the project page."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop.db.models import Decision, Issue, Meeting, Milestone, Project, Unit
from desktop.errors import TransitionRefused, ValidationError
from desktop.services.figures import LagThresholds
from desktop.services.issues import actions as issues
from desktop.services.issues import undo as issue_undo
from desktop.services.issues.actions import IssueInput
from desktop.services.issues.history import load_issue_history
from desktop.services.projects.actions import ProjectInput, create_project, project_input
from desktop.services.projects.page import MilestoneInput, load_project_page, save_project_page
from desktop.services.reminders import load_reminders


@pytest.fixture
def basics(workspace, today):
    with workspace.db.transaction() as session:
        units = [Unit(name="区住建局"), Unit(name="区供电公司"), Unit(name="区发改局")]
        session.add_all(units)
        project = create_project(session, ProjectInput(code="P1", name="汉口学院新校区", list_year=today.year,
                                                       annual_plan_yuan=1_200_000_000,
                                                       total_investment_yuan=5_000_000_000))
        session.flush()
        ids = {"project": project.id, "units": [u.id for u in units]}
    return workspace, ids


def _issue(session, project_id, today, **kw) -> Issue:
    return issues.create_issue(session, IssueInput(description=kw.pop("text", "用电接入慢"), project_id=project_id,
                                                   found_on=today - timedelta(days=40), **kw))


def test_reminders_cover_issues_and_decisions_overdue_first(basics, today) -> None:
    ws, ids = basics
    u1 = ids["units"][0]
    with ws.db.transaction() as session:
        late = _issue(session, ids["project"], today, text="逾期问题", lead_unit_id=u1, deadline=today - timedelta(days=5))
        soon = _issue(session, ids["project"], today, text="临期问题", lead_unit_id=u1, deadline=today + timedelta(days=3))
        _issue(session, ids["project"], today, text="远期问题", lead_unit_id=u1, deadline=today + timedelta(days=30))
        done = _issue(session, ids["project"], today, text="已办结", lead_unit_id=u1, deadline=today - timedelta(days=9))
        issues.resolve(session, done.id, "已解决", on=today)
        meeting = Meeting(kind="progress", year=today.year, number=3, title="第三次推进会",
                          held_at=datetime(today.year, 10, 8, 9))
        meeting.decisions.append(Decision(seq=1, text="加快土地报批", lead_unit_id=u1,
                                          deadline=today - timedelta(days=20), status="assigned"))
        session.add(meeting)
        session.flush()
        late_id, soon_id = late.id, soon.id
    with ws.db.read() as session:
        items = load_reminders(session, today, 7)
    assert [(i.kind, i.text) for i in items] == [("decision", "加快土地报批"), ("issue", "逾期问题"),
                                                 ("issue", "临期问题")]
    assert items[0].where == f"{today.year}年第3次推进会" and items[0].when_text == "超期20天"
    assert items[1].id == late_id and items[2].id == soon_id and items[2].when_text == "3天后到期"


def test_restore_undoes_escalation_and_assignment(basics, today) -> None:
    ws, ids = basics
    u1, u2, u3 = ids["units"]
    with ws.db.transaction() as session:
        issue = _issue(session, ids["project"], today, lead_unit_id=u1, deadline=today, supporting_unit_ids=[u2])
        issue_id = issue.id
        before = issue_undo.snapshot(session, issue_id)
        issues.assign(session, issue_id, u3, today + timedelta(days=9), supporting_unit_ids=[u1])
        issues.escalate(session, issue_id, "district", "需区级协调")
    with ws.db.transaction() as session:
        issue_undo.restore(session, before)
    with ws.db.read() as session:
        issue = session.get(Issue, issue_id)
        assert (issue.lead_unit_id, issue.deadline, issue.level) == (u1, today, "site")
        assert [u.id for u in issue.supporting_units] == [u2]
        assert issue.escalations == [] and [n.kind for n in issue.notes] == ["found", "assign"]
        history = load_issue_history(session, issue_id)
    assert history.level_path == "现场解决"
    assert any(a.field == "责任单位" and a.old == "区发改局" and a.new == "区住建局" for a in history.audit)


def test_history_path_and_newest_first(basics, today) -> None:
    ws, ids = basics
    with ws.db.transaction() as session:
        issue = _issue(session, ids["project"], today)
        issues.escalate(session, issue.id, "task_force", "现场无法解决", on=today - timedelta(days=3))
        issues.escalate(session, issue.id, "city", "涉及市级审批", on=today - timedelta(days=1))
        issue_id = issue.id
    with ws.db.read() as session:
        history = load_issue_history(session, issue_id)
    assert history.level_path == "现场解决 → 专班/工作组 → 市级"
    assert [n.on for n in history.notes] == sorted((n.on for n in history.notes), reverse=True)
    assert history.audit[0].field == "当前层级" and history.audit[0].new == "市级"


def test_new_issue_can_be_deleted_only_while_untouched(basics, today) -> None:
    ws, ids = basics
    with ws.db.transaction() as session:
        fresh = _issue(session, ids["project"], today).id
        worked = _issue(session, ids["project"], today).id
        issues.add_progress(session, worked, "已对接")
    with ws.db.transaction() as session:
        issue_undo.delete_new_issue(session, fresh)
    with pytest.raises(TransitionRefused, match="已有办理记录"), ws.db.transaction() as session:
        issue_undo.delete_new_issue(session, worked)
    with ws.db.read() as session:
        assert session.get(Issue, fresh) is None and session.get(Issue, worked) is not None


def test_project_page_figures(basics, today) -> None:
    ws, ids = basics
    from desktop.db.models import InvestmentReport

    with ws.db.transaction() as session:
        for month in range(1, 11):
            session.add(InvestmentReport(project_id=ids["project"], year=today.year, month=month,
                                         amount_yuan=70_000_000))
    with ws.db.read() as session:
        page = load_project_page(session, ids["project"], today, LagThresholds())
    inv = page.investment
    assert inv.reported_month == 10 and inv.completed == 700_000_000
    assert inv.plan_rate.text == "58.33%"
    assert str(inv.schedule_pct.quantize(1)) == "70"  # 7亿 ÷ (12亿 × 10/12)
    assert inv.light.value == "yellow"
    assert inv.months[10].amount is None and inv.months[9].cumulative == 700_000_000


def test_save_project_page_is_all_or_nothing(basics, today) -> None:
    ws, ids = basics
    with ws.db.read() as session:
        data = project_input(session.get(Project, ids["project"]))
    data.name = "汉口学院新校区（一期）"
    bad = [MilestoneInput("开工", date(today.year, 3, 1), date(today.year, 3, 5)),
           MilestoneInput("", None, today + timedelta(days=2))]
    with pytest.raises(ValidationError) as error, ws.db.transaction() as session:
        save_project_page(session, ids["project"], data, bad, today)
    assert "第2行「节点名称」：不能为空" in str(error.value)
    assert "第2行「实际完成日期」：不能晚于今天" in str(error.value)
    with ws.db.read() as session:
        assert session.get(Project, ids["project"]).name == "汉口学院新校区"
        assert session.query(Milestone).count() == 0
    good = [MilestoneInput("开工", date(today.year, 3, 1), date(today.year, 3, 5)),
            MilestoneInput("主体封顶", date(today.year, 9, 1), None)]
    with ws.db.transaction() as session:
        save_project_page(session, ids["project"], data, good, today)
    with ws.db.read() as session:
        page = load_project_page(session, ids["project"], today, LagThresholds())
    assert page.data.name == "汉口学院新校区（一期）"
    assert [(m.name, m.status(today)) for m in page.milestones] == [("开工", "已完成（晚4天）"),
                                                                   ("主体封顶", f"滞后{(today - date(today.year, 9, 1)).days}天")]
    # removing a row in the page removes the milestone
    with ws.db.transaction() as session:
        save_project_page(session, ids["project"], data, [MilestoneInput("开工", None, None, page.milestones[0].id)],
                          today)
    with ws.db.read() as session:
        assert [m.name for m in session.get(Project, ids["project"]).milestones] == ["开工"]
