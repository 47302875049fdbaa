"""The facts a 工作简报 or 工作通报 is written from: the headline figures plus the lists behind them.

Gathered once per draft as plain dataclasses, so the text generator (`briefing_draft`) and the Word exporter never
touch the database. Every list uses the same selection as `stats.headline` (issues found in the period, decided
items of meetings held in the period, the same scope filter), so "超期12个" in the text and the 12 rows of the
attached table are the same twelve.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import String, case, func, select, type_coerce
from sqlalchemy.orm import Session

from desktop.db.enums import IssueLevel, IssueStatus, MeetingType
from desktop.db.models import Assignment, Decision, Issue, Leader, Meeting, Project, SupervisionNotice, Unit
from desktop.services import office_settings, stats
from desktop.services.directory import unit_order
from desktop.services.feedback.status import timeliness
from desktop.services.figures import LagThresholds, Light, Rate
from desktop.services.scope import Period, Scope, ScopeKind, filter_issues, filter_projects

DONE = stats.DONE


@dataclass(frozen=True)
class ResolvedIssue:
    """A problem solved in the period, worth naming in a briefing (higher-level ones first)."""

    project: str
    description: str
    unit: str
    level: str
    resolved_on: date


@dataclass(frozen=True)
class OverdueIssue:
    project: str
    description: str
    unit: str
    deadline: date
    days_overdue: int
    status: str


@dataclass(frozen=True)
class OverdueDecision:
    meeting: str
    seq: int
    text: str
    unit: str
    deadline: date
    days_overdue: int
    status: str


@dataclass(frozen=True)
class UnitStanding:
    """One responsible unit's record on the issues it leads: what a 通报 ranks units by."""

    unit: str
    raised: int
    done: int
    overdue: int
    supervised: int = 0  # 督办 instruments issued to the unit in the period, withdrawn ones left out
    feedback_due: int = 0  # 反馈表 rounds sent to the unit whose reply deadline fell in the period
    feedback_on_time: int = 0  # of them, answered by the deadline
    feedback_items: int = 0  # items on the unit's forms of those rounds
    feedback_updated: int = 0  # of them, updated by the unit (an answer taken)

    @property
    def feedback_text(self) -> str:
        """按时反馈 as the 通报 prints it: "2/3"; "—" when no round fell due (nothing to rate, not a zero)."""
        return f"{self.feedback_on_time}/{self.feedback_due}" if self.feedback_due else "—"

    @property
    def updated_text(self) -> str:
        """反馈更新 as the 通报 prints it: items updated of items sent, "8/10"; "—" when no round fell due."""
        return f"{self.feedback_updated}/{self.feedback_items}" if self.feedback_due else "—"

    @property
    def rate(self) -> Rate:
        return Rate(self.done, self.raised)


@dataclass(frozen=True)
class LaggingProject:
    """A project behind 序时进度 (yellow or red light) with who answers for it."""

    project: str
    unit: str
    leaders: str
    annual_plan: int
    completed: int
    schedule_text: str
    light: Light


@dataclass(frozen=True)
class BriefingFacts:
    """`overdue_issues` and `units` feed only a 通报's text and tables; a 简报 is gathered without them (empty)."""

    period: Period
    scope: Scope
    scope_name: str
    today: date
    month: int
    headline: stats.Headline
    resolved: list[ResolvedIssue]
    overdue_issues: list[OverdueIssue]
    overdue_decisions: list[OverdueDecision]
    units: list[UnitStanding]
    lagging: list[LaggingProject]
    office: str = ""  # the office's one name (文档设置): the text names it where reports are sent to


def scope_name(session: Session, scope: Scope) -> str:
    """How a scope is named in a title: 全区, 现代服务业专班, 张三同志包保, 产业项目 …"""
    from desktop.db.models import Category, TaskForce

    if scope.kind is ScopeKind.ALL:
        return "全区"
    model = {ScopeKind.CATEGORY: Category, ScopeKind.TASK_FORCE: TaskForce, ScopeKind.LEADER: Leader,
             ScopeKind.UNIT: Unit}[scope.kind]
    row = session.get(model, scope.ref_id) if scope.ref_id is not None else None
    if row is None:
        return "全区"
    if scope.kind is ScopeKind.LEADER:
        return f"{row.name}同志包保"
    return row.name


def resolved_issues(session: Session, period: Period, scope: Scope, limit: int = 6) -> list[ResolvedIssue]:
    """The `limit` most notable problems solved in the period: higher level first, then the most recent.

    Chosen on the issue table alone (its covering index holds level and dates), names joined for those few only:
    a city resolves ~40k issues a year, and joining each to its project and unit to keep six cost 0.6 s.
    """
    rank = case({lv.value: lv.rank for lv in IssueLevel}, value=Issue.level, else_=-1)
    chosen = (select(Issue.id)
              .where(Issue.found_on.between(period.start, period.end), Issue.status.in_(DONE),
                     Issue.resolved_on.between(period.start, period.end))
              .order_by(rank.desc(), Issue.resolved_on.desc(), Issue.id)
              .limit(limit))
    ids = list(session.scalars(filter_issues(chosen, scope, period.end)))
    order = {issue_id: n for n, issue_id in enumerate(ids)}
    stmt = (select(Issue.id, Project.name, Issue.description, Unit.name, Issue.level, Issue.resolved_on)
            .select_from(Issue)
            .join(Project, Project.id == Issue.project_id, isouter=True)
            .join(Unit, Unit.id == Issue.lead_unit_id, isouter=True)
            .where(Issue.id.in_(ids)))
    rows = sorted(session.execute(stmt), key=lambda r: order[r[0]])
    return [ResolvedIssue(p or "", d, u or "", lv, r) for _id, p, d, u, lv, r in rows]


def overdue_issues(session: Session, period: Period, scope: Scope, today: date) -> list[OverdueIssue]:
    """Every open issue of the period past its deadline (a 通报 lists them all; a city has tens of thousands).

    Read through the Core connection with dates as text, parsed once per distinct value, and names looked up in
    small dicts: the ORM's per-cell processing was most of the time at 36k rows.
    """
    stmt = (select(Issue.project_id, Issue.description, Issue.lead_unit_id, type_coerce(Issue.deadline, String),
                   Issue.status)
            .where(Issue.found_on.between(period.start, period.end), Issue.status.not_in(DONE),
                   Issue.deadline < today))
    conn = session.connection()
    projects = dict(conn.execute(select(Project.id, Project.name)).all())
    units = dict(conn.execute(select(Unit.id, Unit.name)).all())
    labels = {s.value: s.label for s in IssueStatus}
    days: dict[str, tuple[date, int]] = {}
    rows = []
    for pid, description, uid, deadline_text, status in conn.execute(filter_issues(stmt, scope, period.end)):
        deadline = days.get(deadline_text)
        if deadline is None:
            parsed = date.fromisoformat(str(deadline_text)[:10])
            deadline = days[deadline_text] = (parsed, (today - parsed).days)
        rows.append(OverdueIssue(projects.get(pid) or "", description, units.get(uid) or "", deadline[0], deadline[1],
                                 labels.get(status, status)))
    rows.sort(key=lambda r: (r.unit, -r.days_overdue, r.project))
    return rows


def overdue_decisions(session: Session, period: Period, scope: Scope, today: date) -> list[OverdueDecision]:
    held = (Meeting.held_at >= datetime.combine(period.start, time.min)) & (
        Meeting.held_at < datetime.combine(period.end + timedelta(days=1), time.min))
    stmt = (select(Meeting.kind, Meeting.year, Meeting.number, Decision.seq, Decision.text, Unit.name,
                   Decision.deadline, Decision.status)
            .join(Decision, Decision.meeting_id == Meeting.id)
            .join(Unit, Unit.id == Decision.lead_unit_id, isouter=True)
            .where(held, Decision.status.not_in(DONE), Decision.deadline < today)
            .order_by(Meeting.held_at, Decision.seq))
    if scope.kind is ScopeKind.UNIT:
        stmt = stmt.where(Decision.lead_unit_id == scope.ref_id)
    elif scope.kind is not ScopeKind.ALL:
        stmt = stmt.where(Decision.project_id.in_(filter_projects(select(Project.id), scope, period.end)))
    rows = [OverdueDecision(f"{y}年第{n}次{MeetingType(k).label}", seq, text, u or "", dl, (today - dl).days,
                            IssueStatus(s).label)
            for k, y, n, seq, text, u, dl, s in session.execute(stmt)]
    rows.sort(key=lambda r: (r.unit, -r.days_overdue))  # a 通报 lists them unit by unit, like overdue issues
    return rows


def unit_standings(session: Session, period: Period, scope: Scope, today: date) -> list[UnitStanding]:
    """Units ranked as a 通报 ranks them: highest 办结率 first, then fewest overdue, then most handled."""
    done = case((Issue.status.in_(DONE) & (Issue.resolved_on.is_(None) | (Issue.resolved_on <= period.end)), 1),
                else_=0)  # 办结 without its day: done, as `stats.issue_figures`
    overdue = case((Issue.status.not_in(DONE) & (Issue.deadline < today), 1), else_=0)
    stmt = (select(Issue.lead_unit_id, func.count(), func.sum(done), func.sum(overdue))
            .where(Issue.found_on.between(period.start, period.end), Issue.lead_unit_id.is_not(None))
            .group_by(Issue.lead_unit_id))
    names = dict(session.execute(select(Unit.id, Unit.name)).all())
    tally: dict[str, list[int]] = {}
    for unit_id, raised, done_n, overdue_n in session.execute(filter_issues(stmt, scope, period.end)):
        if unit_id not in names:
            continue
        entry = tally.setdefault(names[unit_id], [0, 0, 0])  # units are tallied by name, as the 通报 prints them
        entry[0] += raised
        entry[1] += done_n or 0
        entry[2] += overdue_n or 0
    notices = (select(SupervisionNotice.unit_id, func.count())
               .where(SupervisionNotice.issued_on.between(period.start, min(period.end, today)),
                      SupervisionNotice.withdrawn_on.is_(None))
               .group_by(SupervisionNotice.unit_id))
    supervised: dict[str, int] = {}
    for unit_id, count in session.execute(notices):
        if unit_id in names:
            supervised[names[unit_id]] = supervised.get(names[unit_id], 0) + count
    rounds: dict[str, list[int]] = {}
    for unit_id, counts in timeliness(session, period.start, min(period.end, today)).items():
        if unit_id in names:
            entry = rounds.setdefault(names[unit_id], [0, 0, 0, 0])
            for i, value in enumerate((counts.due, counts.on_time, counts.items, counts.updated)):
                entry[i] += value
    standings = [UnitStanding(u, r, d, o, supervised.get(u, 0), *rounds.get(u, (0, 0, 0, 0)))
                 for u, (r, d, o) in tally.items()]
    order = unit_order(session)
    standings.sort(key=lambda s: (-(s.rate.value or 0), s.overdue, -s.raised, order.get(s.unit, (0, s.unit, s.unit))))
    return standings


def lagging_projects(session: Session, year: int, month: int, scope: Scope,
                     thresholds: LagThresholds = stats.DEFAULT_THRESHOLDS) -> list[LaggingProject]:
    lines = [(pid, line) for pid, line in stats.investment_by_project(session, year, month, scope, thresholds)
             if line.light in (Light.RED, Light.YELLOW)]
    if not lines:
        return []
    ids = [pid for pid, _ in lines]
    units = dict(session.execute(select(Project.id, Unit.name).join(Unit, Unit.id == Project.lead_unit_id)
                                 .where(Project.id.in_(ids))).all())
    on = Period.months(year, month, month).end
    leaders: dict[int, list[str]] = {}
    for pid, name in session.execute(
            select(Assignment.project_id, Leader.name).join(Leader, Leader.id == Assignment.leader_id)
            .where(Assignment.project_id.in_(ids), Assignment.start_date <= on,
                   (Assignment.end_date.is_(None)) | (Assignment.end_date >= on))
            .order_by(Assignment.role, Leader.sort_order)):
        leaders.setdefault(pid, []).append(name)
    result = [LaggingProject(line.label, units.get(pid, ""), "、".join(leaders.get(pid, [])), line.annual_plan,
                             line.completed, "—" if line.schedule_pct is None else f"{line.schedule_pct:.2f}%",
                             line.light)
              for pid, line in lines]
    result.sort(key=lambda p: (p.light is not Light.RED, p.schedule_text == "—",
                               float(p.schedule_text.rstrip("%")) if p.schedule_text != "—" else 0.0))
    return result


def gather(session: Session, period: Period, scope: Scope, today: date, *, for_notice: bool = True) -> BriefingFacts:
    """Everything a draft needs, using the office's thresholds and due-soon window like `keyproj stats`.

    Without `for_notice` (a 简报), the full list of overdue issues and the unit ranking are not read: a city has
    tens of thousands of overdue issues, which only a 通报 lists.
    """
    thresholds = office_settings.thresholds(session)
    headline = stats.headline(session, period, scope, today=today, thresholds=thresholds,
                              due_soon_days=int(office_settings.get(session, "due_soon_days")))
    month = stats.reported_month(period, today, session)
    order = unit_order(session)
    headline.issues.overdue_by_unit = dict(sorted(  # figures tie: the office's order, then pinyin (a stated order)
        headline.issues.overdue_by_unit.items(), key=lambda pair: (-pair[1], order.get(pair[0], (0, pair[0], pair[0])))))
    return BriefingFacts(
        period=period, scope=scope, scope_name=scope_name(session, scope), today=today, month=month,
        headline=headline,
        resolved=resolved_issues(session, period, scope),
        overdue_issues=overdue_issues(session, period, scope, today) if for_notice else [],
        overdue_decisions=overdue_decisions(session, period, scope, today),
        units=unit_standings(session, period, scope, today) if for_notice else [],
        lagging=lagging_projects(session, period.end.year, month, scope, thresholds),
        office=str(office_settings.get(session, "office_name") or ""),
    )
