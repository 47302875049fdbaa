"""The headline figures (办结率, 开复工率, 完成年度计划, 序时进度, lights, overdue …) over a period and a scope.

One service for the dashboard, the briefings and `keyproj stats`, so the numbers a leader sees on screen are the
numbers printed in the briefing. Counting is done in SQL; the arithmetic is in `figures`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueLevel, IssueStatus, MeetingType
from desktop.db.models import (
    Category,
    Decision,
    InvestmentReport,
    Issue,
    Leader,
    Meeting,
    Project,
    Unit,
    Visit,
)
from desktop.services.figures import LagThresholds, Light, Rate, lag_light, schedule_progress
from desktop.services.scope import Period, Scope, ScopeKind, filter_issues, filter_projects

DONE = (IssueStatus.RESOLVED.value, IssueStatus.CLOSED.value)
ALL = Scope()
DEFAULT_THRESHOLDS = LagThresholds()


@dataclass
class IssueFigures:
    raised: int = 0
    done: int = 0
    open: int = 0
    overdue: int = 0
    due_soon: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    by_level: dict[str, int] = field(default_factory=dict)
    overdue_by_unit: dict[str, int] = field(default_factory=dict)
    undated: int = 0  # issues without a found date (ledger gave none): in no period, so in none of the above

    @property
    def rate(self) -> Rate:
        return Rate(self.done, self.raised)

    @property
    def undated_text(self) -> str:
        """The clause a text showing these figures adds, so the issues left out are named, not hidden."""
        return f"（另有{self.undated}个问题未填发现日期，不属于任何期间，未计入）" if self.undated else ""


def issue_figures(session: Session, period: Period, scope: Scope = ALL, *, today: date | None = None,
                  due_soon_days: int = 7) -> IssueFigures:
    """Issues found in the period; 办结 = resolved (or closed) by the period's end.

    An issue whose ledger gave no found date is found in no period: not counted here, but counted in `undated` so
    every text that shows the figures can say so. One marked 办结 without a 办结日期 counts as 办结 (the office
    says it is done; the day was never written, and is not made up).
    """
    today = today or date.today()
    done_by_end = (Issue.status.in_(DONE)) & (Issue.resolved_on.is_(None) | (Issue.resolved_on <= period.end))
    open_now = Issue.status.not_in(DONE)
    # One pass over the period's issues, grouped by status and level; the totals, by_status and by_level are
    # sums of its few rows (three separate scans took 0.75 s at 100k issues, most of a briefing's time).
    stmt = select(
        Issue.status, Issue.level,
        func.count(Issue.id),
        func.sum(case((done_by_end, 1), else_=0)),
        func.sum(case((open_now & (Issue.deadline < today), 1), else_=0)),
        func.sum(case((open_now & Issue.deadline.between(today, today + timedelta(days=due_soon_days)), 1),
                      else_=0)),
    ).where(Issue.found_on.between(period.start, period.end)).group_by(Issue.status, Issue.level)
    figures = IssueFigures()
    by_status: Counter[str] = Counter()
    by_level: Counter[str] = Counter()
    for status, level, count, done, overdue, due_soon in session.execute(filter_issues(stmt, scope, period.end)):
        figures.raised += count
        figures.done += done or 0
        figures.overdue += overdue or 0
        figures.due_soon += due_soon or 0
        by_status[status] += count
        by_level[level] += count
    figures.open = figures.raised - figures.done
    figures.by_status = {IssueStatus(s).label: by_status[s] for s in sorted(by_status)}
    figures.by_level = {IssueLevel(lv).label: by_level[lv] for lv in sorted(by_level)}
    base = filter_issues(
        select(Unit.name, func.count()).select_from(Issue).join(Unit, Unit.id == Issue.lead_unit_id).where(
            Issue.found_on.between(period.start, period.end), open_now, Issue.deadline < today),
        scope, period.end)
    # Ties by name here; documents order them as the office does (`briefing.facts.gather`, `directory.unit_order`).
    figures.overdue_by_unit = dict(
        sorted(session.execute(base.group_by(Unit.name)).all(), key=lambda r: (-r[1], r[0]))
    )
    undated = select(func.count(Issue.id)).where(Issue.found_on.is_(None))
    figures.undated = session.scalar(filter_issues(undated, scope, period.end)) or 0
    return figures


@dataclass
class DecisionFigures:
    meetings: int = 0
    decided: int = 0
    done: int = 0
    overdue: int = 0
    per_meeting: list[tuple[str, int, int]] = field(default_factory=list)  # (label, decided, done)

    @property
    def rate(self) -> Rate:
        return Rate(self.done, self.decided)


def decision_figures(session: Session, period: Period, scope: Scope = ALL, *,
                     today: date | None = None) -> DecisionFigures:
    """Decided items of meetings held in the period; scope applies through the item's project or unit."""
    today = today or date.today()
    held = (Meeting.held_at >= datetime.combine(period.start, time.min)) & (
        Meeting.held_at < datetime.combine(period.end + timedelta(days=1), time.min))
    # One grouped pass (per meeting, in the order they were held): 5k meetings' items are ~50k rows, which the ORM
    # turned into objects one by one for two counts each.
    done = case((Decision.status.in_(DONE) & (Decision.resolved_on.is_(None) | (Decision.resolved_on <= period.end)),
                  1), else_=0)  # 办结 without its day: done, as `issue_figures`
    overdue = case((Decision.status.not_in(DONE) & (Decision.deadline < today), 1), else_=0)
    stmt = (select(Meeting.id, Meeting.kind, Meeting.year, Meeting.number, func.count(Decision.id), func.sum(done),
                   func.sum(overdue))
            .join(Decision, Decision.meeting_id == Meeting.id).where(held)
            .group_by(Meeting.id, Meeting.kind, Meeting.year, Meeting.number, Meeting.held_at)
            .order_by(Meeting.held_at, Meeting.id))
    if scope.kind is ScopeKind.UNIT:
        stmt = stmt.where(Decision.lead_unit_id == scope.ref_id)
    elif scope.kind is not ScopeKind.ALL:
        stmt = stmt.where(Decision.project_id.in_(filter_projects(select(Project.id), scope, period.end)))
    figures = DecisionFigures()
    labels = {t.value: t.label for t in MeetingType}
    for _mid, kind, year, number, decided, done_n, overdue_n in session.execute(stmt):
        figures.per_meeting.append((f"{year}年第{number}次{labels.get(kind, kind)}", decided, done_n or 0))
        figures.decided += decided
        figures.done += done_n or 0
        figures.overdue += overdue_n or 0
    figures.meetings = session.scalar(select(func.count(Meeting.id)).where(held)) or 0
    return figures


@dataclass
class StartFigures:
    due: int
    started: int

    @property
    def rate(self) -> Rate:
        return Rate(self.started, self.due)


def start_figures(session: Session, year: int, scope: Scope = ALL, *, as_of: date | None = None) -> StartFigures:
    """开复工率: projects of the year's list due on site (new starts and continuing) that have started or resumed."""
    as_of = as_of or date(year, 12, 31)
    due_stmt = select(Project.id, Project.started_on).where(
        Project.list_year == year, Project.removed_on.is_(None),
        Project.stage.in_(("new_start", "continuing", "completed", "in_use")),
    )
    rows = session.execute(filter_projects(due_stmt, scope, as_of)).all()
    started = sum(1 for _pid, started_on in rows if started_on is not None and started_on <= as_of)
    return StartFigures(due=len(rows), started=started)


@dataclass
class InvestmentLine:
    """One row of an investment table: a project or a roll-up (category, task force …)."""

    label: str
    projects: int
    annual_plan: int
    completed: int
    target_to_date: int | None
    schedule_pct: Decimal | None
    light: Light

    @property
    def plan_rate(self) -> Rate:
        return Rate(self.completed, self.annual_plan)


def _line(label: str, projects: int, plan: int, completed: int, target: int | None, months: int,
          thresholds: LagThresholds) -> InvestmentLine:
    pct = schedule_progress(completed, plan, months, target)
    return InvestmentLine(label, projects, plan, completed, target, pct, lag_light(pct, thresholds))


def investment_by_project(session: Session, year: int, month: int, scope: Scope = ALL,
                          thresholds: LagThresholds = DEFAULT_THRESHOLDS, *,
                          project_ids: Collection[int] | None = None) -> list[tuple[int, InvestmentLine]]:
    """Year-to-date per project through `month`, with monthly targets used when every month has one.

    `project_ids` narrows it to those projects (one project's page: one line, not a city's 2,000).
    """
    stmt = select(Project.id, Project.name, Project.annual_plan_yuan).where(
        Project.list_year == year, Project.removed_on.is_(None)).order_by(Project.code)
    sums_stmt = (select(InvestmentReport.project_id, func.sum(InvestmentReport.amount_yuan),
                        func.sum(InvestmentReport.target_yuan), func.count(InvestmentReport.target_yuan))
                 .where(InvestmentReport.year == year, InvestmentReport.month <= month)
                 .group_by(InvestmentReport.project_id))
    if project_ids is not None:
        stmt = stmt.where(Project.id.in_(list(project_ids)))
        sums_stmt = sums_stmt.where(InvestmentReport.project_id.in_(list(project_ids)))
    projects = session.execute(filter_projects(stmt, scope, _month_end(year, month))).all()
    sums = {pid: (amount or 0, target, n_targets) for pid, amount, target, n_targets in session.execute(sums_stmt)}
    lines = []
    for pid, name, plan in projects:
        amount, target, n_targets = sums.get(pid, (0, None, 0))
        target_to_date = int(target) if target is not None and n_targets == month else None
        lines.append((pid, _line(name, 1, plan, int(amount), target_to_date, month, thresholds)))
    return lines


def investment_by_category(session: Session, year: int, month: int, scope: Scope = ALL,
                           thresholds: LagThresholds = DEFAULT_THRESHOLDS) -> list[InvestmentLine]:
    """The 厦门-style table: per category count, completed and 序时进度, then a 合计 line."""
    per_project = dict(investment_by_project(session, year, month, scope, thresholds))
    cat_of = dict(session.execute(
        select(Project.id, Category.name).join(Category, Category.id == Project.category_id, isouter=True)
        .where(Project.id.in_(list(per_project)))
    ).all()) if per_project else {}
    order = [name for (name,) in session.execute(
        select(Category.name).where(Category.kind == "project").order_by(Category.sort_order, Category.id))]
    groups: dict[str, list[InvestmentLine]] = {}
    for pid, line in per_project.items():
        groups.setdefault(cat_of.get(pid) or "未分类", []).append(line)
    result = []
    for name in [*order, *sorted(set(groups) - set(order))]:
        if name in groups:
            result.append(_rollup(name, groups[name], month, thresholds))
    if per_project:
        result.append(_rollup("合计", list(per_project.values()), month, thresholds))
    return result


def _rollup(label: str, lines: list[InvestmentLine], month: int, thresholds: LagThresholds) -> InvestmentLine:
    targets = [ln.target_to_date for ln in lines]
    target = sum(t for t in targets if t is not None) if all(t is not None for t in targets) else None
    return _line(label, sum(ln.projects for ln in lines), sum(ln.annual_plan for ln in lines),
                 sum(ln.completed for ln in lines), target, month, thresholds)


def rollup_lines(label: str, lines: list[InvestmentLine], month: int,
                 thresholds: LagThresholds = DEFAULT_THRESHOLDS) -> InvestmentLine:
    """Any group of project lines summed as `investment_by_category` sums a category (a form's own groups)."""
    return _rollup(label, lines, month, thresholds)


def _month_end(year: int, month: int) -> date:
    return Period.months(year, month, month).end


@dataclass
class Headline:
    """Everything a briefing or a dashboard header states, for one period and scope."""

    period: str
    scope: dict
    projects: int
    visits: int
    issues: IssueFigures
    decisions: DecisionFigures
    starts: StartFigures
    investment: list[InvestmentLine]
    # The months the investment figures cover (1–N月): the last month reported, see reported_month.
    investment_month: int = 12
    investment_period: str = ""  # 2020年1—10月, as exports title it

    def as_dict(self) -> dict:
        data = asdict(self)
        data["issues"]["rate"] = self.issues.rate.text
        data["decisions"]["rate"] = self.decisions.rate.text
        data["starts"]["rate"] = self.starts.rate.text
        for raw, line in zip(data["investment"], self.investment, strict=True):
            raw["schedule_pct"] = None if line.schedule_pct is None else str(line.schedule_pct.quantize(Decimal("0.01")))
            raw["plan_rate"] = line.plan_rate.text
            raw["light"] = line.light.value
        return data


def project_count(session: Session, year: int, scope: Scope = ALL, as_of: date | None = None) -> int:
    stmt = select(func.count(Project.id)).where(Project.list_year == year, Project.removed_on.is_(None))
    return session.scalar(filter_projects(stmt, scope, as_of or date(year, 12, 31))) or 0


def visit_count(session: Session, period: Period, scope: Scope = ALL) -> int:
    stmt = select(func.count(Visit.id)).where(Visit.visited_on.between(period.start, period.end))
    if scope.kind is ScopeKind.LEADER:
        stmt = stmt.where(Visit.leader_id == scope.ref_id)
    elif scope.kind is not ScopeKind.ALL:
        stmt = stmt.where(Visit.project_id.in_(filter_projects(select(Project.id), scope, period.end)))
    return session.scalar(stmt) or 0


def visits_by_leader(session: Session, period: Period) -> Counter[str]:
    rows = session.execute(
        select(Leader.name, func.count(Visit.id)).join(Visit, Visit.leader_id == Leader.id)
        .where(Visit.visited_on.between(period.start, period.end)).group_by(Leader.name)
    )
    return Counter(dict(rows.all()))


def calendar_month(period: Period, today: date) -> int:
    """The last month a period's investment figures can cover by the calendar: a running period through last month."""
    if period.end < date(today.year, today.month, 1):
        return period.end.month
    if period.end.year < today.year:
        return period.end.month
    return max(1, today.month - 1)


def months_words(year: int, month: int) -> str:
    """2020年1—10月 (2020年1月 for January): the period a year's investment figures cover, as titles print it."""
    return f"{year}年1—{month}月" if month > 1 else f"{year}年1月"


def reported_month(period: Period, today: date, session: Session | None = None) -> int:
    """The months a year's figures cover: the last month reported in that year (a 1–10月 report uses 10, also when
    read in a later year — domain.md), never past what the calendar allows; without reports (or a session), the
    calendar's month. 序时进度 divides by this, and exports title their period with it (2020年1—10月)."""
    allowed = calendar_month(period, today)
    if session is None:
        return allowed
    last = session.scalar(select(func.max(InvestmentReport.month)).where(
        InvestmentReport.year == period.end.year, InvestmentReport.month <= allowed,
        InvestmentReport.amount_yuan.is_not(None)))
    return int(last) if last else allowed


def headline(session: Session, period: Period, scope: Scope = ALL, *, today: date | None = None,
             thresholds: LagThresholds = DEFAULT_THRESHOLDS, due_soon_days: int = 7) -> Headline:
    today = today or date.today()
    year = period.end.year
    month = reported_month(period, today, session)
    return Headline(
        period=period.label,
        scope=scope.as_dict(),
        projects=project_count(session, year, scope, period.end),
        visits=visit_count(session, period, scope),
        issues=issue_figures(session, period, scope, today=today, due_soon_days=due_soon_days),
        decisions=decision_figures(session, period, scope, today=today),
        starts=start_figures(session, year, scope, as_of=period.end),
        investment=investment_by_category(session, year, month, scope, thresholds),
        investment_month=month,
        investment_period=months_words(year, month),
    )
