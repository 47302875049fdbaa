"""The rows behind every dashboard figure, selected with the same conditions as the count in `stats`.

A leader who doubts a number clicks it and sees the issues, projects, visits or decided items it counts. Each
`Key` names a figure; `rows_for` returns what it counts, and a test checks, figure by figure, that the number of
rows equals the number shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueLevel, IssueStatus, MeetingType, ProjectStage, label_of
from desktop.db.models import (
    Category,
    Decision,
    FeedbackItem,
    Issue,
    Leader,
    Meeting,
    Milestone,
    Project,
    Unit,
    Visit,
)
from desktop.services import investment, stats
from desktop.services.feedback.status import DueReply, due_replies, updated_items
from desktop.services.figures import LagThresholds, pct_text, yi_text
from desktop.services.issues.rows import load_issue_rows
from desktop.services.projects import milestones
from desktop.services.scope import Period, Scope, ScopeKind, filter_issues, filter_projects
from desktop.services.visits import load_visits

DONE = stats.DONE


class Key(NamedTuple):
    """A figure on the dashboard: what it counts (`kind`) and, for a breakdown, which part (`arg`)."""

    kind: str
    arg: str = ""


@dataclass(frozen=True)
class Context:
    period: Period
    scope: Scope
    today: date
    thresholds: LagThresholds = field(default_factory=LagThresholds)
    due_soon_days: int = 7
    # The last month reported (set by rows_for from the data); None: the calendar's month.
    reported: int | None = None

    @property
    def year(self) -> int:
        return self.period.end.year

    @property
    def month(self) -> int:
        return self.reported if self.reported is not None else stats.reported_month(self.period, self.today)


@dataclass
class Drill:
    title: str
    entity: str  # issue / project / visit / decision — what a double-click opens
    headers: tuple[str, ...]
    rows: list[tuple]
    ids: list[int]

    def __len__(self) -> int:
        return len(self.rows)


# --- issues ------------------------------------------------------------------------------------------------
def _issues(ctx: Context) -> Select:
    stmt = select(Issue.id).where(Issue.found_on.between(ctx.period.start, ctx.period.end))
    return filter_issues(stmt, ctx.scope, ctx.period.end)


def _done_by_end(ctx: Context) -> ColumnElement[bool]:
    # 办结 without a 办结日期 (the ledger gave none) is done, as in `stats.issue_figures`
    return Issue.status.in_(DONE) & (Issue.resolved_on.is_(None) | (Issue.resolved_on <= ctx.period.end))


def _not_done_by_end(ctx: Context) -> ColumnElement[bool]:
    """The exact complement of `_done_by_end` (a 办结 without its day is done, so never here)."""
    return or_(Issue.status.not_in(DONE), Issue.resolved_on > ctx.period.end)


def _issue_stmt(ctx: Context, key: Key) -> Select:
    base = _issues(ctx)
    open_now = Issue.status.not_in(DONE)
    if key.kind == "issues.raised":
        return base
    if key.kind == "issues.done":
        return base.where(_done_by_end(ctx))
    if key.kind == "issues.open":
        return base.where(_not_done_by_end(ctx))
    if key.kind == "issues.overdue":
        return base.where(open_now, Issue.deadline < ctx.today)
    if key.kind == "issues.due_soon":
        return base.where(open_now, Issue.deadline.between(ctx.today, ctx.today + timedelta(days=ctx.due_soon_days)))
    if key.kind == "issues.status":
        return base.where(Issue.status == next(s.value for s in IssueStatus if s.label == key.arg))
    if key.kind == "issues.level":
        return base.where(Issue.level == next(lv.value for lv in IssueLevel if lv.label == key.arg))
    if key.kind == "issues.overdue_unit":
        return base.join(Unit, Unit.id == Issue.lead_unit_id).where(
            open_now, Issue.deadline < ctx.today, Unit.name == key.arg)
    raise KeyError(key)


def _issue_drill(session: Session, ctx: Context, key: Key, title: str) -> Drill:
    ids = list(session.scalars(_issue_stmt(ctx, key)))
    rows = load_issue_rows(session, ids) if ids else []
    return Drill(title, "issue", ("项目/企业", "问题描述", "责任单位", "完成时限", "层级", "状态", "发现日期"),
                 [(r.project_name or "（企业诉求）", r.description, r.unit,
                   r.deadline.isoformat() if r.deadline else r.deadline_text, r.level_label, r.status_label,
                   r.found_on.isoformat() if r.found_on else "未填") for r in rows], [r.id for r in rows])


# --- projects ----------------------------------------------------------------------------------------------
def project_ids_in_scope(session: Session, ctx: Context) -> list[int]:
    stmt = select(Project.id).where(Project.list_year == ctx.year, Project.removed_on.is_(None))
    return list(session.scalars(filter_projects(stmt, ctx.scope, ctx.period.end)))


def late_in_scope(session: Session, ctx: Context) -> list[int]:
    """Projects in scope with no investment figure for the month now due (the grid's 迟报 rule)."""
    in_scope = set(project_ids_in_scope(session, ctx))
    return [pid for pid in investment.late_report_ids(session, ctx.year, ctx.today) if pid in in_scope]


def _start_rows(session: Session, ctx: Context, started_only: bool) -> list[int]:
    stmt = select(Project.id, Project.started_on).where(
        Project.list_year == ctx.year, Project.removed_on.is_(None),
        Project.stage.in_(("new_start", "continuing", "completed", "in_use")))
    rows = session.execute(filter_projects(stmt, ctx.scope, ctx.period.end)).all()
    return [pid for pid, started in rows
            if not started_only or (started is not None and started <= ctx.period.end)]


def _project_drill(session: Session, ctx: Context, ids: list[int], title: str) -> Drill:
    lines = dict(stats.investment_by_project(session, ctx.year, ctx.month, ctx.scope, ctx.thresholds))
    info = {pid: (code, stage, started) for pid, code, stage, started in session.execute(
        select(Project.id, Project.code, Project.stage, Project.started_on).where(Project.id.in_(ids)))}
    rows, out_ids = [], []
    for pid in sorted(ids, key=lambda i: info[i][0]):
        code, stage, started = info[pid]
        line = lines.get(pid)
        rows.append((code, line.label if line else "", label_of(ProjectStage, stage),
                     started.isoformat() if started else "未开工",
                     yi_text(line.annual_plan) if line else "", yi_text(line.completed) if line else "",
                     pct_text(line.schedule_pct) if line else "—", line.light.label if line else ""))
        out_ids.append(pid)
    return Drill(title, "project", ("编号", "项目名称", "阶段", "开复工日期", "年度计划（亿元）", "完成（亿元）",
                                    "序时进度", "状态灯"), rows, out_ids)


def _investment_ids(session: Session, ctx: Context, key: Key) -> list[int]:
    per_project = stats.investment_by_project(session, ctx.year, ctx.month, ctx.scope, ctx.thresholds)
    if key.kind == "light":
        return [pid for pid, line in per_project if line.light.value == key.arg]
    if key.arg == "合计":
        return [pid for pid, _ in per_project]
    cats = dict(session.execute(select(Project.id, Category.name).join(
        Category, Category.id == Project.category_id, isouter=True)).all())
    return [pid for pid, _ in per_project if (cats.get(pid) or "未分类") == key.arg]


# --- visits and decisions ------------------------------------------------------------------------------------
def _visit_ids(session: Session, ctx: Context, key: Key) -> list[int]:
    stmt = select(Visit.id).where(Visit.visited_on.between(ctx.period.start, ctx.period.end))
    if key.kind == "visits.leader":
        stmt = stmt.join(Leader, Leader.id == Visit.leader_id).where(Leader.name == key.arg)
    elif ctx.scope.kind is ScopeKind.LEADER:
        stmt = stmt.where(Visit.leader_id == ctx.scope.ref_id)
    elif ctx.scope.kind is not ScopeKind.ALL:
        stmt = stmt.where(Visit.project_id.in_(filter_projects(select(Project.id), ctx.scope, ctx.period.end)))
    return list(session.scalars(stmt))


def _visit_drill(session: Session, ids: list[int], title: str) -> Drill:
    rows = load_visits(session, ids=ids) if ids else []
    return Drill(title, "visit", ("日期", "包保领导", "走访对象", "走访内容", "发现问题"),
                 [(r.visited_on.isoformat(), r.leader, r.target, r.content, r.issues) for r in rows],
                 [r.id for r in rows])


def _decision_drill(session: Session, ctx: Context, key: Key, title: str) -> Drill:
    held = (Meeting.held_at >= datetime.combine(ctx.period.start, time.min)) & (
        Meeting.held_at < datetime.combine(ctx.period.end + timedelta(days=1), time.min))
    stmt = (select(Decision.id, Meeting.kind, Meeting.year, Meeting.number, Decision.seq, Decision.text, Unit.name,
                   Decision.deadline, Decision.status, Decision.resolved_on)
            .join(Meeting, Meeting.id == Decision.meeting_id).join(Unit, Unit.id == Decision.lead_unit_id,
                                                                    isouter=True)
            .where(held).order_by(Meeting.held_at, Decision.seq))
    if ctx.scope.kind is ScopeKind.UNIT:
        stmt = stmt.where(Decision.lead_unit_id == ctx.scope.ref_id)
    elif ctx.scope.kind is not ScopeKind.ALL:
        stmt = stmt.where(Decision.project_id.in_(filter_projects(select(Project.id), ctx.scope, ctx.period.end)))
    rows, ids = [], []
    for did, kind, year, number, seq, text, unit, deadline, status, resolved_on in session.execute(stmt):
        meeting = f"{year}年第{number}次{MeetingType(kind).label}"
        done = status in DONE and (resolved_on is None or resolved_on <= ctx.period.end)
        if key.kind == "decisions.done" and not done:
            continue
        if key.kind == "decisions.meeting" and meeting != key.arg:
            continue
        rows.append((meeting, seq, text, unit or "", deadline.isoformat() if deadline else "",
                     label_of(IssueStatus, status)))
        ids.append(did)
    return Drill(title, "decision", ("会议", "序号", "议定事项", "责任单位", "完成时限", "状态"), rows, ids)


def feedback_due(session: Session, ctx: Context) -> list[DueReply] | None:
    """The (round, unit) replies due in the period up to today, for the whole office or one unit; None for a
    leader's or category's scope (rounds go to units, not projects)."""
    if ctx.scope.kind not in (ScopeKind.ALL, ScopeKind.UNIT):
        return None
    unit_id = ctx.scope.ref_id if ctx.scope.kind is ScopeKind.UNIT else None
    return due_replies(session, ctx.period.start, min(ctx.period.end, ctx.today), unit_id)


def _feedback_drill(session: Session, ctx: Context, title: str) -> Drill:
    due = [d for d in feedback_due(session, ctx) or [] if d.on_time]
    return Drill(title, "feedback", ("轮次", "责任单位", "反馈截止", "报回日期", "报送情况"),
                 [(d.round_name, d.unit, d.deadline.isoformat(), d.replied_on.isoformat() if d.replied_on else "",
                   d.label) for d in due], [d.unit_id for d in due])


def _feedback_unit_scope(ctx: Context) -> int | None:
    return ctx.scope.ref_id if ctx.scope.kind is ScopeKind.UNIT else None


def _updated_drill(session: Session, ctx: Context, title: str, unit: str | None) -> Drill:
    """The items the units updated in the rounds due in the period (the 反馈更新 figures count these)."""
    if ctx.scope.kind not in (ScopeKind.ALL, ScopeKind.UNIT):
        return Drill(title, "feedback_item", (), [], [])
    found = updated_items(session, ctx.period.start, min(ctx.period.end, ctx.today), _feedback_unit_scope(ctx),
                          unit)
    return Drill(title, "feedback_item", ("轮次", "责任单位", "项目", "问题/议定事项", "反馈截止"),
                 [(f.round_name, f.unit, f.project, f.text, f.deadline.isoformat()) for f in found],
                 [f.item_id for f in found])


# --- entry point -------------------------------------------------------------------------------------------
TITLES = {
    "projects": "重点项目", "visits": "包保活动", "issues.raised": "发现问题", "issues.done": "已办结问题",
    "issues.open": "未办结问题", "issues.overdue": "超期问题", "issues.due_soon": "临期问题",
    "issues.status": "问题（{arg}）", "issues.level": "问题（{arg}）", "issues.overdue_unit": "{arg}超期问题",
    "decisions.decided": "议定事项", "decisions.done": "已办结议定事项", "decisions.meeting": "{arg}议定事项",
    "starts.due": "应开复工项目", "starts.started": "已开复工项目", "investment.category": "{arg}项目投资",
    "light": "{arg}项目", "visits.leader": "{arg}的包保活动", "milestones.overdue": "超期未完成的形象进度节点",
    "investment.late": "{month}月投资完成额迟报项目", "feedback.on_time": "按时报回的反馈表",
    "feedback.updated": "反馈表中已报告办理情况的事项", "feedback.updated_unit": "{arg}已报告办理情况的反馈事项",
}


def _milestone_drill(session: Session, ctx: Context, title: str) -> Drill:
    in_scope = set(project_ids_in_scope(session, ctx))
    rows = [r for r in milestones.load_milestones(session, ctx.year, ctx.today, overdue_only=True)
            if r.project_id in in_scope]
    return Drill(title, "milestone", ("编号", "项目名称", "节点", "计划日期", "滞后天数"),
                 [(r.project_code, r.project_name, r.name, r.planned.isoformat() if r.planned else "",
                   r.days_late(ctx.today)) for r in rows], [r.id for r in rows])


def rows_for(session: Session, ctx: Context, key: Key) -> Drill:
    if ctx.reported is None:
        ctx = replace(ctx, reported=stats.reported_month(ctx.period, ctx.today, session))
    arg = key.arg
    if key.kind == "light":
        arg = {"green": "正常", "yellow": "滞后", "red": "严重滞后", "none": "无计划"}[key.arg]
    title = f"{ctx.period.label} {TITLES[key.kind].format(arg=arg, month=ctx.month)}"
    if key.kind.startswith("issues."):
        return _issue_drill(session, ctx, key, title)
    if key.kind == "projects":
        return _project_drill(session, ctx, project_ids_in_scope(session, ctx), title)
    if key.kind in ("starts.due", "starts.started"):
        return _project_drill(session, ctx, _start_rows(session, ctx, key.kind == "starts.started"), title)
    if key.kind == "investment.late":
        return _project_drill(session, ctx, late_in_scope(session, ctx), title)
    if key.kind in ("investment.category", "light"):
        return _project_drill(session, ctx, _investment_ids(session, ctx, key), title)
    if key.kind in ("visits", "visits.leader"):
        return _visit_drill(session, _visit_ids(session, ctx, key), title)
    if key.kind.startswith("decisions."):
        return _decision_drill(session, ctx, key, title)
    if key.kind == "milestones.overdue":
        return _milestone_drill(session, ctx, title)
    if key.kind == "feedback.on_time":
        return _feedback_drill(session, ctx, title)
    if key.kind in ("feedback.updated", "feedback.updated_unit"):
        return _updated_drill(session, ctx, title, key.arg if key.kind == "feedback.updated_unit" else None)
    raise KeyError(key)


class Target(NamedTuple):
    """What a double-click on a drill-down row opens: an issue, a project, a visit, or a decided item (with the
    meeting it is tracked in)."""

    kind: str
    id: int
    meeting_id: int | None = None


def open_target(session: Session, entity: str, row_id: int) -> Target | None:
    """The record behind one row of a `Drill` (a late milestone opens its project); None when it is gone."""
    if entity == "milestone":
        milestone = session.get(Milestone, row_id)
        return None if milestone is None else Target("project", milestone.project_id)
    if entity == "feedback":  # a unit's reply to a round: nothing to open beyond the row itself
        return Target("feedback", row_id)
    if entity == "feedback_item":  # an item updated by its unit: opens the issue or decided item
        item = session.get(FeedbackItem, row_id)
        if item is None:
            return None
        if item.issue_id is not None:
            return Target("issue", item.issue_id)
        if item.project_id is not None:  # a 投资进度填报 row: its project
            return Target("project", item.project_id)
        return open_target(session, "decision", item.decision_id)  # type: ignore[arg-type]
    if entity == "decision":
        decision = session.get(Decision, row_id)
        return None if decision is None else Target("decision", row_id, decision.meeting_id)
    model = {"issue": Issue, "project": Project, "visit": Visit}.get(entity)
    if model is None or session.get(model, row_id) is None:
        return None
    return Target(entity, row_id)
