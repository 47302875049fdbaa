"""The records a form is filled with, keyed by fill field, read through the services that print them elsewhere.

Project rows are the projects of the year's list (as the 重点项目台账 selects them) with the 投资进度表's figures
(`stats.investment_by_project`, the lines the 投资进度表 prints); issue rows are the issue
table's rows (`issues.rows.load_issue_rows`); decided items are the 议定事项台账's (`decision_ledger_groups`).
Nothing here computes a rate: the figures come with the lines the services return.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop.db.enums import Feedback, IssueStatus, LeaderRole, ProjectStage, label_of
from desktop.db.models import (
    Assignment,
    Category,
    Enterprise,
    InvestmentReport,
    Issue,
    Leader,
    Milestone,
    Project,
    TaskForce,
    Unit,
)
from desktop.services import ledger_rows, stats
from desktop.services.figures import LagThresholds
from desktop.services.issues.actions import is_overdue
from desktop.services.issues.rows import load_issue_rows
from desktop.services.meetings.rows import load_meetings
from desktop.services.scope import Period, Scope, ScopeKind, filter_issues, filter_projects
from desktop.services.templates.catalog import Purpose

ISSUE_FILTERS = {"open": "未办结的问题", "period": "期间内发现的全部问题", "overdue": "超期未办结的问题"}
DECISION_FILTERS = {"all": "全部议定事项", "open": "未办结的议定事项"}
CENT = Decimal("0.01")
LINE = "_line"  # the project's stats.InvestmentLine, kept for the roll-ups of group rows


@dataclass(frozen=True)
class Selection:
    """Which rows fill the form: the kind, the period (1—month of year), the scope, and per kind a filter."""

    purpose: Purpose
    year: int
    month: int
    scope: Scope = field(default_factory=Scope)
    issue_filter: str = "open"
    decision_filter: str = "all"
    meeting_id: int | None = None
    grouping: tuple[str, ...] = ()  # empty: as the template's heading rows say
    ungrouped: bool = False  # no heading rows at all, even where the template has some (不分组)

    @property
    def period(self) -> Period:
        return Period.months(self.year, 1, self.month)

    def as_dict(self) -> dict[str, Any]:
        return {"purpose": self.purpose.value, "scope": self.scope.as_dict(), "issue_filter": self.issue_filter,
                "decision_filter": self.decision_filter, "meeting_id": self.meeting_id,
                "grouping": list(self.grouping), "ungrouped": self.ungrouped}

    @classmethod
    def from_dict(cls, data: dict[str, Any], year: int, month: int) -> Selection:
        scope = data.get("scope") or {}
        return cls(Purpose(data.get("purpose", "projects")), year, month,
                   Scope(ScopeKind(scope.get("kind", "all")), scope.get("id")),
                   str(data.get("issue_filter", "open")), str(data.get("decision_filter", "all")),
                   data.get("meeting_id"), tuple(str(g) for g in data.get("grouping", ())),
                   bool(data.get("ungrouped", False)))


def _percent(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(CENT, rounding=ROUND_HALF_UP)


def line_values(line: Any, month: int) -> dict[str, Any]:
    """ytd, 完成率, 序时计划, 序时进度 and the light of an `InvestmentLine`, as the 投资进度表 prints them."""
    due = ledger_rows.due_to_date(line, month)
    return {"annual_plan": line.annual_plan, "ytd": line.completed, "plan_rate": line.plan_rate.percent,
            "due": due if due > 0 else None, "schedule": _percent(line.schedule_pct), "light": line.light.label}


def project_records(session: Session, selection: Selection, today: date,
                    thresholds: LagThresholds) -> list[dict[str, Any]]:
    """The projects of the year's list in the scope, in code order, with the 投资进度表's figures (a project's
    line is `stats.investment_by_project`'s; 本月完成 is the month's stored figure)."""
    year, month = selection.year, selection.month
    end = selection.period.end
    on = min(end, date(year, 12, 31))
    stmt = (select(Project.id, Project.code, Project.name, Category.name, TaskForce.name, Project.owner,
                   Project.location, Project.stage, Project.total_investment_yuan, Unit.name, Project.started_on,
                   Project.planned_start, Project.planned_end, Project.content)
            .join(Category, Category.id == Project.category_id, isouter=True)
            .join(TaskForce, TaskForce.id == Project.task_force_id, isouter=True)
            .join(Unit, Unit.id == Project.lead_unit_id, isouter=True)
            .where(Project.list_year == year, Project.removed_on.is_(None)).order_by(Project.code))
    projects = session.execute(filter_projects(stmt, selection.scope, on)).all()
    # The same projects as a subquery, not a list of 2,000 ids: expanding and binding that list cost more than
    # the queries themselves. `investment_by_project` selects the same projects (year's list, scope, month end).
    ids = filter_projects(select(Project.id).where(Project.list_year == year, Project.removed_on.is_(None)),
                          selection.scope, on)
    lines = dict(stats.investment_by_project(session, year, month, selection.scope, thresholds))
    month_done = dict(session.execute(
        select(InvestmentReport.project_id, InvestmentReport.amount_yuan)
        .where(InvestmentReport.year == year, InvestmentReport.month == month)).all())
    leaders = _leaders_by_role(session, ids, on)
    progress = _milestones(session, ids, end)
    issues = _open_issues(session, ids, end)
    records = []
    for (pid, code, name, category, task_force, owner, location, stage, total, unit, started_on, planned_start,
         planned_end, content) in projects:
        lead, support = leaders.get(pid, ((), ()))
        values = {
            "code": code, "name": name, "category": category or "", "task_force": task_force or "",
            "owner": owner or "", "location": location or "", "stage": label_of(ProjectStage, stage),
            "content": content or "", "total": total or 0, "lead_unit": unit or "", "started_on": started_on,
            "planned_start": planned_start, "planned_end": planned_end,
            "lead_leaders": "、".join(lead), "support_leaders": "、".join(support), "leaders": "、".join((*lead, *support)),
            "progress": progress.get(pid, ""),
            "issues": "\n".join(f"{i}.{text}" for i, text in enumerate(issues.get(pid, []), 1)),
            "open_issue_count": len(issues.get(pid, [])),
        }
        line = lines.get(pid)
        if line is not None:
            values["month_done"] = month_done.get(pid)
            values.update(line_values(line, month))
            values[LINE] = line
        records.append(values)
    return records


def _leaders_by_role(session: Session, project_ids: Select, on: date) -> dict[int, tuple[tuple[str, ...], ...]]:
    """(牵头, 包保) leaders assigned on `on`, each in the leaders' order, as the 重点项目台账 prints them."""
    found: dict[int, tuple[list[str], list[str]]] = {}
    for pid, role, name in session.execute(
            select(Assignment.project_id, Assignment.role, Leader.name).join(Leader, Leader.id == Assignment.leader_id)
            .where(Assignment.project_id.in_(project_ids), Assignment.start_date <= on,
                   (Assignment.end_date.is_(None)) | (Assignment.end_date >= on))
            .order_by(Leader.sort_order, Leader.id)):
        lead, support = found.setdefault(pid, ([], []))
        (lead if role == LeaderRole.LEAD.value else support).append(name)
    return {pid: (tuple(lead), tuple(support)) for pid, (lead, support) in found.items()}


def _milestones(session: Session, project_ids: Select, end: date) -> dict[int, str]:
    """形象进度: the last milestone reached by the period's end, with its date."""
    reached: dict[int, str] = {}
    for pid, name, actual in session.execute(
            select(Milestone.project_id, Milestone.name, Milestone.actual_date)
            .where(Milestone.project_id.in_(project_ids), Milestone.actual_date.is_not(None),
                   Milestone.actual_date <= end)
            .order_by(Milestone.project_id, Milestone.actual_date, Milestone.sort_order)):
        reached[pid] = f"{name}（{ledger_rows.cn_day(actual)}）"
    return reached


def _open_issues(session: Session, project_ids: Select, end: date) -> dict[int, list[str]]:
    done = [s.value for s in IssueStatus if s.is_done]
    found: dict[int, list[str]] = {}
    for pid, text in session.execute(
            select(Issue.project_id, Issue.description)
            # an open issue without a found date (the ledger gave none) is still open: listed, after the dated ones
            .where(Issue.project_id.in_(project_ids), Issue.found_on.is_(None) | (Issue.found_on <= end),
                   Issue.status.not_in(done))
            .order_by(Issue.project_id, Issue.found_on.asc().nulls_last(), Issue.id)):
        found.setdefault(pid, []).append(text)
    return found


def _project_leaders(session: Session, project_ids: set[int], on: date) -> dict[int, str]:
    names: dict[int, list[str]] = {}
    for pid, name in session.execute(
            select(Assignment.project_id, Leader.name).join(Leader, Leader.id == Assignment.leader_id)
            .where(Assignment.project_id.in_(list(project_ids)), Assignment.start_date <= on,
                   (Assignment.end_date.is_(None)) | (Assignment.end_date >= on))
            .order_by(Assignment.project_id, Assignment.role != LeaderRole.LEAD.value, Leader.sort_order,
                      Leader.id)):
        names.setdefault(pid, []).append(name)
    return {pid: "、".join(v) for pid, v in names.items()}


def issue_records(session: Session, selection: Selection, today: date) -> list[dict[str, Any]]:
    end = selection.period.end
    # without a found date an issue is never "found in the period", but an open one is still open
    rows = [r for r in load_issue_rows(session, pinyin=False) if r.found_on is None or r.found_on <= end]
    if selection.issue_filter == "period":
        rows = [r for r in rows if selection.period.contains(r.found_on)]
    elif selection.issue_filter == "overdue":
        rows = [r for r in rows if is_overdue(r.status, r.deadline, today)]
    else:
        rows = [r for r in rows if not r.is_done]
    if selection.scope.kind is not ScopeKind.ALL:
        ids = set(session.scalars(filter_issues(select(Issue.id), selection.scope, end)))
        rows = [r for r in rows if r.id in ids]
    rows.sort(key=lambda r: (r.found_on is None, r.found_on or end, r.id))  # undated last
    wanted = [r.id for r in rows]
    supporting = ledger_rows.issue_supporting_units(session, wanted if len(wanted) <= 5000 else None)
    extra = {i: (by, feedback, name) for i, by, feedback, name in session.execute(
        select(Issue.id, Issue.found_by, Issue.feedback, Enterprise.name)
        .join(Enterprise, Enterprise.id == Issue.enterprise_id, isouter=True)
        .where(Issue.id.in_(wanted)))} if wanted else {}
    leaders = _project_leaders(session, {r.project_id for r in rows if r.project_id}, min(end, today))
    records = []
    for r in rows:
        found_by, feedback, enterprise = extra.get(r.id, (None, None, None))
        records.append({
            "project": r.project_name, "enterprise": enterprise or "", "category": r.category,
            "description": r.description, "found_by": found_by or "", "found_on": r.found_on,
            "lead_unit": r.unit, "supporting_units": supporting.get(r.id, ""), "person": r.person,
            "deadline": r.deadline if r.deadline is not None else (r.deadline_text or None),
            "level": r.level_label, "status": r.status_label, "progress": r.latest_progress,
            "feedback": label_of(Feedback, feedback), "leader": leaders.get(r.project_id or 0, ""),
        })
    return records


def decision_records(session: Session, selection: Selection, today: date) -> list[dict[str, Any]]:
    period = selection.period
    label = None
    if selection.meeting_id is not None:
        meetings, _decisions = load_meetings(session)
        meeting = next((m for m in meetings if m.id == selection.meeting_id), None)
        if meeting is None:
            from desktop.errors import NotFound

            raise NotFound(f"找不到编号为 {selection.meeting_id} 的会议。")
        day = meeting.held_at.date()
        period, label = Period(day, day), meeting.label
    records = []
    for heading, rows in ledger_rows.decision_ledger_groups(session, period, selection.scope, today):
        meeting_label = heading.split("（", 1)[0]
        if label is not None and meeting_label != label:
            continue
        for row in rows:
            if selection.decision_filter == "open" and IssueStatus(row["status"]).is_done:
                continue
            records.append({
                "decision_no": row["seq"], "meeting": meeting_label, "text": row["text"], "project": row["project"],
                "lead_unit": row["lead_unit"], "supporting_units": row["support_units"], "person": row["person"],
                "deadline": row["deadline"], "status": IssueStatus(row["status"]).label,
                "progress": row["progress"], "remarks": row["remark"],
            })
    return records


def load_records(session: Session, selection: Selection, today: date,
                 thresholds: LagThresholds) -> list[dict[str, Any]]:
    if selection.purpose is Purpose.PROJECTS:
        return project_records(session, selection, today, thresholds)
    if selection.purpose is Purpose.ISSUES:
        return issue_records(session, selection, today)
    return decision_records(session, selection, today)
