"""The rows of each Excel 台账, one function per ledger, as plain values keyed like the ledger's columns.

Ledgers are handed upwards and compared with the briefings, so every figure here comes from the same service
that prints it elsewhere (`stats` for investment and 序时进度, `issue_rows` for what the issue table shows). Rows
are dicts of Python values (dates, integer 元, ratios); formatting is the exporter's business. Functions that may
see 100k rows return generators.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueStatus, LeaderRole, ProjectStage, label_of
from desktop.db.models import (
    Assignment,
    Category,
    Decision,
    Issue,
    Leader,
    Project,
    TaskForce,
    Unit,
    decision_supporting_unit,
    issue_supporting_unit,
)
from desktop.importers.values import parse_date
from desktop.services import stats
from desktop.services.briefing.facts import scope_name
from desktop.services.figures import LagThresholds, Light, Rate
from desktop.services.issues.actions import is_overdue
from desktop.services.issues.rows import IssueRow, load_issue_rows
from desktop.services.meetings.rows import load_meetings
from desktop.services.scope import Period, Scope, ScopeKind, filter_issues, filter_projects

STATUS_LABELS: dict[str, str] = {s.value: s.label for s in IssueStatus}
LIGHT_LABELS: dict[str, str] = {light.value: light.label for light in Light}


def ratio(rate: Rate | Decimal | None) -> float | None:
    """A percentage as the ratio a 0.00% cell shows, rounded exactly as the briefing prints it."""
    if rate is None:
        return None
    percent = rate.percent if isinstance(rate, Rate) else rate.quantize(Decimal("0.01"))
    return None if percent is None else float(percent / 100)


# ------------------------------------------------------------------ 问题台账
def issue_supporting_units(session: Session, issue_ids: Iterable[int] | None = None) -> dict[int, str]:
    """配合单位 per issue, joined with 、 (one query for the whole ledger)."""
    stmt = (select(issue_supporting_unit.c.issue_id, Unit.name)
            .join(Unit, Unit.id == issue_supporting_unit.c.unit_id).order_by(Unit.sort_order, Unit.id))
    wanted = None if issue_ids is None else set(issue_ids)
    result: dict[int, list[str]] = {}
    for issue_id, name in session.execute(stmt):
        if wanted is None or issue_id in wanted:
            result.setdefault(issue_id, []).append(name)
    return {k: "、".join(v) for k, v in result.items()}


def load_period_issues(session: Session, period: Period, scope: Scope = stats.ALL) -> list[IssueRow]:
    """Issues found in the period within the scope, in the issue table's default order (newest first), then the
    issues whose ledger gave no found date: they are in no period, but a ledger that left them out would lose them
    from every export (the caller's title says how many there are, see `undated_count`)."""
    rows = [r for r in load_issue_rows(session) if r.found_on is None or period.contains(r.found_on)]
    if scope.kind is ScopeKind.ALL:
        return rows
    ids = set(session.scalars(filter_issues(select(Issue.id), scope, period.end)))
    return [r for r in rows if r.id in ids]


def undated_count(rows: Iterable[IssueRow]) -> int:
    """How many of the rows have no found date (listed in a period's ledger though found in no period)."""
    return sum(1 for r in rows if r.found_on is None)


def deadline_cell(deadline: date | None, text: str | None) -> date | str | None:
    """The 完成时限 as the office wrote it: 6月底前 / 已完成 as words, a plain date as a date cell.

    A deadline imported as 6月底前 keeps its date for the overdue light, but the ledger shows the words; a text
    that is only a date (2026-06-30, 2026年6月30日) is written as the date, so Excel can sort and filter it.
    """
    if not text:
        return deadline
    if deadline is not None and parse_date(text) == deadline:
        return deadline
    return text


def issue_ledger_rows(rows: Iterable[IssueRow], supporting: Mapping[int, str], today: date,
                      supervised: Mapping[int, int] | None = None) -> Iterator[dict[str, Any]]:
    """问题台账 rows in the given order (the table's visible order when exported from the window). 督办次数 is
    blank for an item never supervised, as offices leave it."""
    counts = supervised or {}
    for r in rows:
        yield {
            "project": r.project_name, "category": r.category, "description": r.description,
            "lead_unit": r.unit, "support_units": supporting.get(r.id, ""), "person": r.person,
            "deadline": deadline_cell(r.deadline, r.deadline_text),
            "level": r.level_label, "status": r.status, "supervised": counts.get(r.id) or None,
            "progress": r.latest_progress, "found_on": r.found_on, "overdue": is_overdue(r.status, r.deadline, today),
        }


# ------------------------------------------------------------------ 议定事项台账
def decision_ledger_groups(session: Session, period: Period, scope: Scope, today: date
                           ) -> list[tuple[str, list[dict[str, Any]]]]:
    """议定事项 of the meetings held in the period, grouped by meeting in the order they were held."""
    meetings, decisions = load_meetings(session)
    held = [m for m in reversed(meetings) if period.contains(m.held_at.date())]
    if not held:
        return []
    ids = [d.id for m in held for d in decisions.get(m.id, [])]
    extra = {i: (project, unit_id, remark) for i, project, unit_id, remark in session.execute(
        select(Decision.id, Project.name, Decision.lead_unit_id, Decision.remark)
        .join(Project, Project.id == Decision.project_id, isouter=True).where(Decision.id.in_(ids)))}
    in_scope: set[int] | None = None
    if scope.kind is ScopeKind.UNIT:
        in_scope = {i for i, (_p, unit_id, _r) in extra.items() if unit_id == scope.ref_id}
    elif scope.kind is not ScopeKind.ALL:
        in_scope = set(session.scalars(select(Decision.id).where(
            Decision.id.in_(ids),
            Decision.project_id.in_(filter_projects(select(Project.id), scope, period.end)))))
    support: dict[int, list[str]] = {}
    for did, name in session.execute(
            select(decision_supporting_unit.c.decision_id, Unit.name)
            .join(Unit, Unit.id == decision_supporting_unit.c.unit_id)
            .where(decision_supporting_unit.c.decision_id.in_(ids)).order_by(Unit.sort_order, Unit.id)):
        support.setdefault(did, []).append(name)
    groups = []
    for meeting in held:
        rows = []
        for d in decisions.get(meeting.id, []):
            if in_scope is not None and d.id not in in_scope:
                continue
            project, _unit_id, remark = extra.get(d.id, ("", None, ""))
            rows.append({
                "seq": d.seq, "text": d.text, "project": project or "", "lead_unit": d.unit,
                "support_units": "、".join(support.get(d.id, [])), "person": d.person,
                "deadline": deadline_cell(d.deadline, d.deadline_text),
                "status": d.status, "progress": d.latest_progress, "remark": remark or "",
                "overdue": is_overdue(d.status, d.deadline, today),
            })
        if rows:
            groups.append((f"{meeting.label}（{cn_day(meeting.held_at.date())}）", rows))
    return groups


def cn_day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# ------------------------------------------------------------------ 重点项目台账
@dataclass(frozen=True)
class _ProjectInfo:
    code: str
    name: str
    category: str
    task_force: str
    owner: str
    location: str
    stage: str
    total: int
    lead_unit: str
    started_on: date | None
    content: str


def _project_infos(session: Session, year: int, scope: Scope, on: date) -> dict[int, _ProjectInfo]:
    stmt = (select(Project.id, Project.code, Project.name, Category.name, TaskForce.name, Project.owner,
                   Project.location, Project.stage, Project.total_investment_yuan, Unit.name, Project.started_on,
                   Project.content)
            .join(Category, Category.id == Project.category_id, isouter=True)
            .join(TaskForce, TaskForce.id == Project.task_force_id, isouter=True)
            .join(Unit, Unit.id == Project.lead_unit_id, isouter=True)
            .where(Project.list_year == year, Project.removed_on.is_(None)).order_by(Project.code))
    return {r[0]: _ProjectInfo(r[1], r[2], r[3] or "", r[4] or "", r[5] or "", r[6] or "",
                               label_of(ProjectStage, r[7]), r[8] or 0, r[9] or "", r[10], r[11] or "")
            for r in session.execute(filter_projects(stmt, scope, on))}


def _leaders(session: Session, project_ids: Iterable[int], on: date) -> dict[int, dict[str, list[str]]]:
    """Leaders assigned on `on`, per project and role (牵头 / 包保)."""
    result: dict[int, dict[str, list[str]]] = {}
    for pid, role, name in session.execute(
            select(Assignment.project_id, Assignment.role, Leader.name).join(Leader, Leader.id == Assignment.leader_id)
            .where(Assignment.project_id.in_(list(project_ids)), Assignment.start_date <= on,
                   (Assignment.end_date.is_(None)) | (Assignment.end_date >= on))
            .order_by(Leader.sort_order, Leader.id)):
        result.setdefault(pid, {}).setdefault(role, []).append(name)
    return result


def project_ledger_rows(session: Session, year: int, month: int, scope: Scope = stats.ALL,
                        thresholds: LagThresholds = stats.DEFAULT_THRESHOLDS) -> list[dict[str, Any]]:
    """重点项目台账: one row per project on the year's list, with 包保领导, 责任单位 and year-to-date investment."""
    on = min(Period.months(year, month, month).end, date(year, 12, 31))
    infos = _project_infos(session, year, scope, on)
    lines = dict(stats.investment_by_project(session, year, month, scope, thresholds))
    leaders = _leaders(session, infos, on)
    rows = []
    for pid, info in infos.items():
        line = lines.get(pid)
        who = leaders.get(pid, {})
        rows.append({
            "code": info.code, "name": info.name, "category": info.category, "task_force": info.task_force,
            "owner": info.owner, "location": info.location, "stage": info.stage,
            "total": info.total, "annual_plan": line.annual_plan if line else None,
            "completed": line.completed if line else None,
            "plan_rate": ratio(line.plan_rate) if line else None,
            "lead_leaders": "、".join(who.get(LeaderRole.LEAD.value, [])),
            "support_leaders": "、".join(who.get(LeaderRole.SUPPORT.value, [])),
            "lead_unit": info.lead_unit, "started_on": info.started_on, "content": info.content,
        })
    return rows


# ------------------------------------------------------------------ 投资进度表
@dataclass(frozen=True)
class InvestmentGroup:
    """One category of the 投资进度表: its roll-up line (as in `stats.investment_by_category`) and its projects."""

    name: str
    rollup: dict[str, Any]
    projects: list[dict[str, Any]]


def due_to_date(line: stats.InvestmentLine, month: int) -> int:
    """序时计划: the yardstick 序时进度 divides by (monthly targets, else plan × m ÷ 12)."""
    return line.target_to_date if line.target_to_date is not None else line.annual_plan * month // 12


def _investment_values(line: stats.InvestmentLine, month: int) -> dict[str, Any]:
    """Values of one line, as the 投资进度表 prints them."""
    due = due_to_date(line, month)
    return {
        "projects": line.projects, "annual_plan": line.annual_plan, "completed": line.completed,
        "plan_rate": ratio(line.plan_rate), "due": due if due > 0 else None,
        "schedule": ratio(line.schedule_pct), "light": line.light.value,
        "lagging": line.light in (Light.RED, Light.YELLOW),
    }


def investment_groups(session: Session, year: int, month: int, scope: Scope = stats.ALL,
                      thresholds: LagThresholds = stats.DEFAULT_THRESHOLDS
                      ) -> tuple[list[InvestmentGroup], dict[str, Any] | None]:
    """Projects grouped by category with each category's 小计 and the 合计, exactly `investment_by_category`."""
    on = min(Period.months(year, month, month).end, date(year, 12, 31))
    infos = _project_infos(session, year, scope, on)
    per_project = stats.investment_by_project(session, year, month, scope, thresholds)
    rollups = {line.label: line for line in stats.investment_by_category(session, year, month, scope, thresholds)}
    members: dict[str, list[dict[str, Any]]] = {}
    for pid, line in per_project:
        info = infos.get(pid)
        category = (info.category if info else "") or "未分类"
        members.setdefault(category, []).append({
            "name": line.label, "owner": info.owner if info else "", "lead_unit": info.lead_unit if info else "",
            **_investment_values(line, month)})
    groups = [InvestmentGroup(label, _investment_values(line, month), members.get(label, []))
              for label, line in rollups.items() if label != "合计"]
    total = rollups.get("合计")
    return groups, None if total is None else _investment_values(total, month)


# ------------------------------------------------------------------ 包保责任表
def responsibility_groups(session: Session, year: int, on: date, scope: Scope = stats.ALL
                          ) -> list[tuple[str, list[dict[str, Any]]]]:
    """包保责任表: leader → the projects they look after → the units answering for each."""
    infos = _project_infos(session, year, scope, on)
    stmt = (select(Leader.id, Leader.name, Leader.title, Assignment.project_id, Assignment.role,
                   Assignment.start_date)
            .join(Assignment, Assignment.leader_id == Leader.id)
            .where(Assignment.project_id.in_(list(infos)), Assignment.start_date <= on,
                   (Assignment.end_date.is_(None)) | (Assignment.end_date >= on))
            .order_by(Leader.sort_order, Leader.id, Assignment.role, Assignment.project_id))
    if scope.kind is ScopeKind.LEADER:
        stmt = stmt.where(Leader.id == scope.ref_id)
    groups: dict[int, tuple[str, list[dict[str, Any]]]] = {}
    open_issues = _open_issue_counts(session, list(infos), on)
    for leader_id, name, title, pid, role, start in session.execute(stmt):
        info = infos[pid]
        label = f"{name}（{title}）" if title else name
        groups.setdefault(leader_id, (label, []))[1].append({
            "leader": name, "role": label_of(LeaderRole, role), "project": info.name, "category": info.category,
            "stage": info.stage, "lead_unit": info.lead_unit, "task_force": info.task_force, "owner": info.owner,
            "since": start, "open_issues": open_issues.get(pid, 0),
        })
    return list(groups.values())


def _open_issue_counts(session: Session, project_ids: list[int], on: date) -> dict[int, int]:
    counts: dict[int, int] = {}
    for pid, status in session.execute(select(Issue.project_id, Issue.status).where(
            Issue.project_id.in_(project_ids), Issue.found_on.is_(None) | (Issue.found_on <= on))):  # undated: still open
        if not IssueStatus(status).is_done:
            counts[pid] = counts.get(pid, 0) + 1
    return counts


def ledger_unit_name(session: Session, office: str, scope: Scope) -> str:
    """填报单位: the office, naming the scope when the ledger covers only part of the list."""
    return office if scope.kind is ScopeKind.ALL else f"{office}（{scope_name(session, scope)}）"
