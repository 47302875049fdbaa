"""What the project page shows, in one read: fields, leaders with history, units, milestones, issues, visits and
investment by month — and the one write that saves the page (fields and milestones together, or nothing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueStatus, LeaderRole
from desktop.db.models import Assignment, InvestmentReport, Issue, Leader, Milestone, Project, Unit, Visit
from desktop.services import stats
from desktop.services import validation as v
from desktop.services.figures import LagThresholds, Light, Rate
from desktop.services.issues.rows import IssueRow, load_issue_rows
from desktop.services.journal import get_or_fail
from desktop.services.projects.actions import ProjectInput, project_input, update_project
from desktop.services.scope import Period


@dataclass(frozen=True)
class AssignmentLine:
    id: int
    leader: str
    title: str
    role_label: str
    start: date
    end: date | None
    end_reason: str

    @property
    def active(self) -> bool:
        return self.end is None


@dataclass(frozen=True)
class UnitLine:
    name: str
    role: str  # 牵头责任单位 / 问题责任单位
    open_issues: int


@dataclass
class MilestoneInput:
    """One row of the milestone table as the user left it; id None for a new row."""

    name: str
    planned: date | None
    actual: date | None
    id: int | None = None


@dataclass(frozen=True)
class MilestoneLine:
    id: int
    name: str
    planned: date | None
    actual: date | None

    def status(self, today: date) -> str:
        if self.actual is not None:
            if self.planned is not None and self.actual > self.planned:
                return f"已完成（晚{(self.actual - self.planned).days}天）"
            return "已完成"
        if self.planned is not None and self.planned < today:
            return f"滞后{(today - self.planned).days}天"
        return "未到期"


@dataclass(frozen=True)
class VisitLine:
    on: date
    leader: str
    companions: str
    content: str


@dataclass(frozen=True)
class MonthLine:
    month: int
    amount: int | None
    target: int | None
    cumulative: int


@dataclass
class InvestmentSummary:
    year: int
    reported_month: int
    annual_plan: int
    completed: int
    schedule_pct: Decimal | None
    light: Light
    months: list[MonthLine] = field(default_factory=list)

    @property
    def plan_rate(self) -> Rate:
        return Rate(self.completed, self.annual_plan)


@dataclass
class ProjectPage:
    id: int
    data: ProjectInput
    removed_on: date | None
    removed_reason: str
    assignments: list[AssignmentLine]
    units: list[UnitLine]
    milestones: list[MilestoneLine]
    issues: list[IssueRow]
    visits: list[VisitLine]
    investment: InvestmentSummary


def load_project_page(session: Session, project_id: int, today: date, thresholds: LagThresholds) -> ProjectPage:
    project = get_or_fail(session, Project, project_id, "项目")
    assignments = [
        AssignmentLine(a.id, name, title or "", LeaderRole(a.role).label, a.start_date, a.end_date,
                       a.end_reason or "")
        for a, name, title in session.execute(
            select(Assignment, Leader.name, Leader.title).join(Leader, Leader.id == Assignment.leader_id)
            .where(Assignment.project_id == project_id)
            .order_by(Assignment.end_date.is_not(None), Assignment.role, Assignment.start_date))
    ]
    return ProjectPage(
        id=project.id,
        data=project_input(project),
        removed_on=project.removed_on,
        removed_reason=project.removed_reason or "",
        assignments=assignments,
        units=_units(session, project),
        milestones=[MilestoneLine(m.id, m.name, m.planned_date, m.actual_date) for m in project.milestones],
        issues=load_issue_rows(session, project_id=project_id),
        visits=[VisitLine(d, name or "", comp or "", content) for d, name, comp, content in session.execute(
            select(Visit.visited_on, Leader.name, Visit.companions, Visit.content)
            .join(Leader, Leader.id == Visit.leader_id, isouter=True)
            .where(Visit.project_id == project_id).order_by(Visit.visited_on.desc()))],
        investment=_investment(session, project, today, thresholds),
    )


def _units(session: Session, project: Project) -> list[UnitLine]:
    lines = []
    if project.lead_unit is not None:
        lines.append(UnitLine(project.lead_unit.name, "牵头责任单位", 0))
    done = (IssueStatus.RESOLVED.value, IssueStatus.CLOSED.value)
    for name, total, open_n in session.execute(
        select(Unit.name, func.count(Issue.id), func.sum(case((Issue.status.in_(done), 0), else_=1)))
        .join(Issue, Issue.lead_unit_id == Unit.id).where(Issue.project_id == project.id)
        .group_by(Unit.name).order_by(func.count(Issue.id).desc())
    ):
        lines.append(UnitLine(name, f"问题责任单位（{total}个问题）", int(open_n or 0)))
    return lines


def _investment(session: Session, project: Project, today: date, thresholds: LagThresholds) -> InvestmentSummary:
    year = project.list_year
    month = stats.reported_month(Period.year(year), today, session)
    reports = {m: (a, t) for m, a, t in session.execute(
        select(InvestmentReport.month, InvestmentReport.amount_yuan, InvestmentReport.target_yuan)
        .where(InvestmentReport.project_id == project.id, InvestmentReport.year == year))}
    months, running = [], 0
    for m in range(1, 13):
        amount, target = reports.get(m, (None, None))
        running += amount or 0
        months.append(MonthLine(m, amount, target, running))
    # The same figures the tree's light comes from, so the page and the tree never disagree.
    line = dict(stats.investment_by_project(session, year, month, thresholds=thresholds,
                                            project_ids=[project.id])).get(project.id)
    completed = months[month - 1].cumulative
    return InvestmentSummary(year, month, project.annual_plan_yuan, completed,
                             line.schedule_pct if line else None, line.light if line else Light.NONE, months)


def save_project_page(session: Session, project_id: int, data: ProjectInput, milestones: list[MilestoneInput],
                      today: date) -> Project:
    """Fields and milestones in the caller's one transaction: a bad milestone row leaves the fields unsaved too."""
    problems: list[v.Problem] = []
    for row, m in enumerate(milestones, start=1):
        found = [v.required(m.name, "节点名称"),
                 None if m.actual is None or m.actual <= today else v.Problem("实际完成日期", "不能晚于今天")]
        problems += [v.Problem(p.field, p.reason, row) for p in found if p is not None]
    v.raise_if_any(problems)
    project = update_project(session, project_id, data)
    existing = {m.id: m for m in project.milestones}
    keep: set[int] = set()
    for order, m in enumerate(milestones):
        row = existing.get(m.id) if m.id is not None else None
        if row is None:
            row = Milestone(name=m.name.strip(), planned_date=m.planned, actual_date=m.actual, sort_order=order)
            project.milestones.append(row)
        else:
            keep.add(row.id)
            row.name, row.planned_date, row.actual_date, row.sort_order = m.name.strip(), m.planned, m.actual, order
    for mid, row in existing.items():
        if mid not in keep:
            project.milestones.remove(row)
    session.flush()
    return project


def page_state(session: Session, project_id: int) -> tuple[ProjectInput, list[MilestoneInput]]:
    """What 保存 on the page writes, as it is now: undo of a page edit saves this back."""
    project = get_or_fail(session, Project, project_id, "项目")
    return project_input(project), [MilestoneInput(m.name, m.planned_date, m.actual_date, m.id)
                                    for m in project.milestones]
