"""包保卡: one leader's page — their projects with lights, open and overdue issues, last visit.

Leaders asked for "my projects on one sheet"; the card is printed on one A4 page, so it holds only what fits:
projects, counts, the few most urgent open issues, the latest visit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueStatus, LeaderRole, ProjectStage
from desktop.db.models import Assignment, Enterprise, Issue, Leader, Project, Unit, Visit
from desktop.services import stats
from desktop.services.figures import LagThresholds, Light, pct_text, yi_text
from desktop.services.journal import get_or_fail
from desktop.services.projects import milestones
from desktop.services.scope import Period, Scope, ScopeKind

DONE = stats.DONE
MAX_ISSUES = 12  # what fits on the page under the project table


@dataclass
class CardProject:
    code: str
    name: str
    role: str
    stage: str
    plan_yi: str
    completed_yi: str
    schedule: str
    light: Light
    open_issues: int
    overdue_issues: int
    overdue_milestones: int


@dataclass
class CardIssue:
    project: str
    description: str
    unit: str
    deadline: str
    status: str
    overdue: bool


@dataclass
class LeaderCard:
    leader: str
    title: str
    as_of: date
    month: int
    projects: list[CardProject] = field(default_factory=list)
    issues: list[CardIssue] = field(default_factory=list)
    open_issues: int = 0
    overdue_issues: int = 0
    visits_this_year: int = 0
    last_visit_on: date | None = None
    last_visit_text: str = ""
    last_visit_target: str = ""
    enterprises: int = 0  # 一带三包: enterprises this leader's team serves
    enterprise_open_issues: int = 0


def build_card(session: Session, leader_id: int, year: int, today: date,
               thresholds: LagThresholds | None = None) -> LeaderCard:
    thresholds = thresholds or LagThresholds()
    leader = get_or_fail(session, Leader, leader_id, "包保领导")
    as_of = min(today, date(year, 12, 31))
    month = stats.reported_month(Period.year(year), today, session)
    card = LeaderCard(leader.name, leader.title or "", as_of, month)
    assigned = session.execute(
        select(Project.id, Project.code, Project.name, Project.stage, Assignment.role)
        .join(Assignment, Assignment.project_id == Project.id)
        .where(Assignment.leader_id == leader_id, Project.list_year == year, Project.removed_on.is_(None),
               Assignment.start_date <= as_of, or_(Assignment.end_date.is_(None), Assignment.end_date >= as_of))
        .order_by(Project.code)).all()
    ids = [pid for pid, *_ in assigned]
    lines = dict(stats.investment_by_project(session, year, month, Scope(ScopeKind.LEADER, leader_id), thresholds))
    late_ms = milestones.overdue_counts(session, year, today)
    open_now = Issue.status.not_in(DONE)
    counts = {pid: (o or 0, d or 0) for pid, o, d in session.execute(
        select(Issue.project_id, func.count(Issue.id), func.count(Issue.deadline).filter(Issue.deadline < today))
        .where(Issue.project_id.in_(ids), open_now).group_by(Issue.project_id))}
    for pid, code, name, stage, role in assigned:
        line = lines.get(pid)
        open_n, overdue_n = counts.get(pid, (0, 0))
        card.projects.append(CardProject(
            code, name, LeaderRole(role).label, ProjectStage(stage).label,
            yi_text(line.annual_plan) if line else "", yi_text(line.completed) if line else "",
            pct_text(line.schedule_pct) if line else "—", line.light if line else Light.NONE,
            open_n, overdue_n, late_ms.get(pid, 0)))
    card.open_issues = sum(p.open_issues for p in card.projects)
    card.overdue_issues = sum(p.overdue_issues for p in card.projects)
    rows = session.execute(
        select(Project.name, Issue.description, Unit.name, Issue.deadline, Issue.deadline_text, Issue.status)
        .join(Project, Project.id == Issue.project_id).join(Unit, Unit.id == Issue.lead_unit_id, isouter=True)
        .where(Issue.project_id.in_(ids), open_now)
        .order_by(Issue.deadline.is_(None), Issue.deadline, Issue.id).limit(MAX_ISSUES))
    for project, text, unit, deadline, deadline_text, status in rows:
        card.issues.append(CardIssue(project, text, unit or "", deadline.isoformat() if deadline else
                                     (deadline_text or ""), IssueStatus(status).label,
                                     deadline is not None and deadline < today))
    card.enterprises = session.scalar(select(func.count(Enterprise.id)).where(Enterprise.leader_id == leader_id)) or 0
    card.enterprise_open_issues = session.scalar(
        select(func.count(Issue.id)).join(Enterprise, Enterprise.id == Issue.enterprise_id)
        .where(Enterprise.leader_id == leader_id, open_now)) or 0
    period = Period(date(year, 1, 1), as_of)
    card.visits_this_year = session.scalar(select(func.count(Visit.id)).where(
        Visit.leader_id == leader_id, Visit.visited_on.between(period.start, period.end))) or 0
    last = session.execute(
        select(Visit.visited_on, Visit.content, Project.name, Enterprise.name)
        .join(Project, Project.id == Visit.project_id, isouter=True)
        .join(Enterprise, Enterprise.id == Visit.enterprise_id, isouter=True)
        .where(Visit.leader_id == leader_id, Visit.visited_on <= as_of)
        .order_by(Visit.visited_on.desc(), Visit.id.desc()).limit(1)).first()
    if last is not None:
        card.last_visit_on, card.last_visit_text = last[0], last[1]
        card.last_visit_target = last[2] or last[3] or ""
    return card
