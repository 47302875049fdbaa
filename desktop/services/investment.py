"""Monthly investment reporting: the grid the office fills in each month, its validation, and the roll-ups.

The grid shows, per project on the year's list, the month's amount, the year-to-date sum and 序时进度 computed by
the same arithmetic as `stats.investment_by_project`, so what the office types is what the dashboard and briefing
then print. Amounts are typed in 万元 (how offices speak) and stored as integer 元.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.db.enums import LeaderRole
from desktop.db.models import Assignment, Category, InvestmentReport, Leader, Project, TaskForce, Unit
from desktop.services import stats
from desktop.services import validation as v
from desktop.services.figures import WAN, LagThresholds, Light, lag_light, schedule_progress
from desktop.services.scope import Period

GROUPINGS = {"category": "按类别", "task_force": "按项目专班", "leader": "按牵头包保领导", "unit": "按责任单位"}
NO_GROUP = {"category": "未分类", "task_force": "未分专班", "leader": "未安排包保领导", "unit": "未定责任单位"}


class GridRow(NamedTuple):
    """One project in one month. `prior` is Jan..month-1; `target_prior` likewise, with `targets_prior` counted."""

    project_id: int
    code: str
    name: str
    category: str
    task_force: str
    unit: str
    lead_leader: str
    annual_plan: int
    amount: int | None
    target: int | None
    prior: int
    target_prior: int
    targets_prior: int
    late: bool

    @property
    def year_to_date(self) -> int:
        return self.prior + (self.amount or 0)

    def target_to_date(self, month: int) -> int | None:
        """Monthly targets replace the linear yardstick only when every month so far has one (as in `stats`)."""
        count = self.targets_prior + (self.target is not None)
        return self.target_prior + (self.target or 0) if count == month else None

    def schedule_pct(self, month: int) -> Decimal | None:
        return schedule_progress(self.year_to_date, self.annual_plan, month, self.target_to_date(month))

    def light(self, month: int, thresholds: LagThresholds) -> Light:
        return lag_light(self.schedule_pct(month), thresholds)

    def group_key(self, grouping: str) -> str:
        value = {"category": self.category, "task_force": self.task_force, "leader": self.lead_leader,
                 "unit": self.unit}[grouping]
        return value or NO_GROUP[grouping]


def last_reported_month(year: int, today: date) -> int:
    """The month whose figures are due now: last month for the running year, December for a past one."""
    return stats.reported_month(Period.year(year), today)


def _lead_leaders(session: Session, on: date) -> dict[int, str]:
    """The 牵头 leader of each project on a day (the first by start date); roll-ups by leader count each project once."""
    rows = session.execute(
        select(Assignment.project_id, Leader.name).join(Leader, Leader.id == Assignment.leader_id)
        .where(Assignment.start_date <= on, or_(Assignment.end_date.is_(None), Assignment.end_date >= on))
        .order_by(Assignment.project_id, Assignment.role != LeaderRole.LEAD.value, Assignment.start_date,
                  Assignment.id))
    leaders: dict[int, str] = {}
    for pid, name in rows:
        leaders.setdefault(pid, name)
    return leaders


def load_grid(session: Session, year: int, month: int, today: date) -> list[GridRow]:
    """All projects of the year's list still on it, with the month's figure and what came before it."""
    month_end = Period.months(year, month, month).end
    before = {
        pid: (int(amount or 0), int(target or 0), n_targets)
        for pid, amount, target, n_targets in session.execute(
            select(InvestmentReport.project_id, func.sum(InvestmentReport.amount_yuan),
                   func.sum(InvestmentReport.target_yuan), func.count(InvestmentReport.target_yuan))
            .where(InvestmentReport.year == year, InvestmentReport.month < month)
            .group_by(InvestmentReport.project_id))
    }
    this_month = {
        pid: (amount, target) for pid, amount, target in session.execute(
            select(InvestmentReport.project_id, InvestmentReport.amount_yuan, InvestmentReport.target_yuan)
            .where(InvestmentReport.year == year, InvestmentReport.month == month))
    }
    late_ids = set(late_report_ids(session, year, today))
    leaders = _lead_leaders(session, month_end)
    stmt = (
        select(Project.id, Project.code, Project.name, Category.name, TaskForce.name, Unit.name,
               Project.annual_plan_yuan)
        .join(Category, Category.id == Project.category_id, isouter=True)
        .join(TaskForce, TaskForce.id == Project.task_force_id, isouter=True)
        .join(Unit, Unit.id == Project.lead_unit_id, isouter=True)
        .where(Project.list_year == year, Project.removed_on.is_(None))
        .order_by(Project.code)
    )
    rows = []
    for pid, code, name, cat, tf, unit, plan in session.execute(stmt):
        amount, target = this_month.get(pid, (None, None))
        prior, target_prior, n_targets = before.get(pid, (0, 0, 0))
        rows.append(GridRow(pid, code, name, cat or "", tf or "", unit or "", leaders.get(pid, ""), plan,
                            amount, target, prior, target_prior, n_targets, pid in late_ids))
    return rows


def late_report_ids(session: Session, year: int, today: date) -> list[int]:
    """Projects with an annual plan that have no figure for the month now due (迟报). Planning-only projects
    (no annual plan) report nothing and are not late. In January of the running year (or before the year) no
    figure of that year is due yet, so nothing is late."""
    if (year, 1) >= (today.year, today.month):
        return []
    month = last_reported_month(year, today)
    reported = select(InvestmentReport.project_id).where(
        InvestmentReport.year == year, InvestmentReport.month == month, InvestmentReport.amount_yuan.is_not(None))
    stmt = select(Project.id).where(
        Project.list_year == year, Project.removed_on.is_(None), Project.annual_plan_yuan > 0,
        Project.id.not_in(reported)).order_by(Project.code)
    return list(session.scalars(stmt))


def parse_wan(text: str, project: str, month: int, label: str = "本月完成") -> int | None:
    """Read an amount typed in 万元 into integer 元; empty means "not reported". Refuses anything but a
    non-negative number with at most four decimals (one 元)."""
    field = f"{project} {month}月{label}（万元）"
    clean = text.strip().replace(",", "").replace("，", "")
    if not clean:
        return None
    try:
        value = Decimal(clean)
    except InvalidOperation:
        raise v.ValidationError([v.Problem(field, f"“{text.strip()}”不是数字，请只输入数字")]) from None
    if not value.is_finite():
        raise v.ValidationError([v.Problem(field, "请只输入数字")])
    if value < 0:
        raise v.ValidationError([v.Problem(field, "不能为负数")])
    yuan = value * WAN
    if yuan != yuan.to_integral_value():
        raise v.ValidationError([v.Problem(field, "最多保留四位小数（精确到元）")])
    return int(yuan)


@dataclass(frozen=True)
class MonthEntry:
    amount: int | None
    target: int | None = None


def save_month(session: Session, year: int, month: int, entries: Mapping[int, MonthEntry]) -> int:
    """Write the month's figures for several projects; the caller's transaction makes it all-or-nothing.

    Returns the number of rows written. An entry with neither amount nor target removes the month's row.
    """
    if not 1 <= month <= 12:
        raise v.ValidationError([v.Problem("月份", "应为1至12")])
    names = dict(session.execute(select(Project.id, Project.name).where(Project.id.in_(list(entries)))).all())
    problems = []
    for pid, entry in entries.items():
        if pid not in names:
            problems.append(v.Problem("项目", f"编号{pid}的项目不存在"))
            continue
        problems.append(v.non_negative(entry.amount, f"{names[pid]} {month}月本月完成"))
        problems.append(v.non_negative(entry.target, f"{names[pid]} {month}月目标"))
    v.raise_if_any(problems)
    existing = {r.project_id: r for r in session.scalars(select(InvestmentReport).where(
        InvestmentReport.year == year, InvestmentReport.month == month,
        InvestmentReport.project_id.in_(list(entries))))}
    written = 0
    for pid, entry in entries.items():
        row = existing.get(pid)
        if entry.amount is None and entry.target is None:
            if row is not None:
                session.delete(row)
                written += 1
            continue
        if row is None:
            session.add(InvestmentReport(project_id=pid, year=year, month=month, amount_yuan=entry.amount,
                                         target_yuan=entry.target))
        else:
            row.amount_yuan = entry.amount
            row.target_yuan = entry.target
        written += 1
    session.flush()
    return written


def rollup(rows: list[GridRow], month: int, grouping: str, thresholds: LagThresholds,
           order: Callable[[str], object] | None = None) -> list[stats.InvestmentLine]:
    """Group the grid's projects (each counted once) and add a 合计 line; the groups sum to the whole."""
    groups: dict[str, list[stats.InvestmentLine]] = {}
    for row in rows:
        groups.setdefault(row.group_key(grouping), []).append(project_line(row, month, thresholds))
    keys = sorted(groups, key=order) if order else sorted(groups, key=lambda k: (k in NO_GROUP.values(), k))
    lines = [_sum_lines(key, groups[key], month, thresholds) for key in keys]
    if rows:
        lines.append(_sum_lines("合计", [ln for key in keys for ln in groups[key]], month, thresholds))
    return lines


def project_line(row: GridRow, month: int, thresholds: LagThresholds) -> stats.InvestmentLine:
    pct = row.schedule_pct(month)
    return stats.InvestmentLine(row.name, 1, row.annual_plan, row.year_to_date, row.target_to_date(month), pct,
                                lag_light(pct, thresholds))


def _sum_lines(label: str, lines: list[stats.InvestmentLine], month: int,
               thresholds: LagThresholds) -> stats.InvestmentLine:
    targets = [ln.target_to_date for ln in lines]
    target = sum(t for t in targets if t is not None) if all(t is not None for t in targets) else None
    plan = sum(ln.annual_plan for ln in lines)
    completed = sum(ln.completed for ln in lines)
    pct = schedule_progress(completed, plan, month, target)
    return replace(lines[0], label=label, projects=sum(ln.projects for ln in lines), annual_plan=plan,
                   completed=completed, target_to_date=target, schedule_pct=pct, light=lag_light(pct, thresholds))


def category_order(session: Session) -> Callable[[str], object]:
    """Categories in the office's dictionary order (产业 first …), unknown ones after."""
    names = [n for (n,) in session.execute(
        select(Category.name).where(Category.kind == "project").order_by(Category.sort_order, Category.id))]
    return lambda key: (names.index(key) if key in names else len(names), key)
