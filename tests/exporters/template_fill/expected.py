"""What a filled form must say, read straight from the database with plain queries (not through the code under
test), and a small evaluator for the SUM/SUBTOTAL formulas the filled forms keep."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.db.enums import IssueStatus, ProjectStage
from desktop.db.models import Assignment, Category, InvestmentReport, Issue, Leader, Project, Unit
from desktop.workspace import Workspace

YEAR = 2026


@dataclass(frozen=True)
class ProjectFacts:
    code: str
    name: str
    owner: str
    category: str
    stage: str
    unit: str
    total: int
    plan: int
    ytd: int
    leaders: tuple[str, ...]
    started_on: date | None
    open_issues: tuple[str, ...]

    @property
    def plan_rate(self) -> Decimal | None:
        if not self.plan:
            return None
        return (Decimal(self.ytd) * 100 / Decimal(self.plan)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def projects(workspace: Workspace, month: int, on: date = date(YEAR, 10, 31)) -> dict[str, ProjectFacts]:
    with workspace.db.read() as s:
        ytd = dict(s.execute(select(InvestmentReport.project_id, func.sum(InvestmentReport.amount_yuan))
                             .where(InvestmentReport.year == YEAR, InvestmentReport.month <= month)
                             .group_by(InvestmentReport.project_id)).all())
        leaders: dict[int, list[tuple[str, str]]] = {}
        for pid, role, name in s.execute(
                select(Assignment.project_id, Assignment.role, Leader.name).join(Leader)
                .where(Assignment.start_date <= on, (Assignment.end_date.is_(None)) | (Assignment.end_date >= on))
                .order_by(Leader.sort_order, Leader.id)):
            leaders.setdefault(pid, []).append((role, name))
        done = [st.value for st in IssueStatus if st.is_done]
        issues: dict[int, list[str]] = {}
        for pid, text in s.execute(select(Issue.project_id, Issue.description)
                                   .where(Issue.found_on <= on, Issue.status.not_in(done))
                                   .order_by(Issue.found_on, Issue.id)):
            issues.setdefault(pid, []).append(text)
        facts = {}
        for p, cat, unit in s.execute(select(Project, Category.name, Unit.name)
                                      .join(Category, Category.id == Project.category_id)
                                      .join(Unit, Unit.id == Project.lead_unit_id, isouter=True)
                                      .where(Project.list_year == YEAR, Project.removed_on.is_(None))):
            names = [n for role, n in leaders.get(p.id, []) if role == "lead"] + [
                n for role, n in leaders.get(p.id, []) if role != "lead"]
            facts[p.name] = ProjectFacts(p.code, p.name, p.owner or "", cat, ProjectStage(p.stage).label, unit or "",
                                         p.total_investment_yuan, p.annual_plan_yuan, int(ytd.get(p.id) or 0),
                                         tuple(names), p.started_on, tuple(issues.get(p.id, [])))
        return facts


def rows_of(path: Path, sheet: str | None = None, first: int = 1) -> list[tuple]:
    wb = load_workbook(path)
    ws = wb[sheet] if sheet else wb.active
    return [tuple(r) for r in ws.iter_rows(min_row=first, values_only=True)]


_RANGE = re.compile(r"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?")


def evaluate_sum(formula: str, values: dict[str, float | None]) -> float:
    """SUM(...) / SUBTOTAL(9, ...) over plain cells: the ranges' numbers added up (what Excel would show)."""
    inner = re.fullmatch(r"=\s*(?:SUM|SUBTOTAL\(9,)\(?(.*?)\)+", formula)
    assert inner is not None, formula
    total = 0.0
    for part in inner.group(1).split(","):
        found = _RANGE.fullmatch(part.strip())
        assert found is not None, part
        col, r1, _col2, r2 = found.group(1), int(found.group(2)), found.group(3), found.group(4)
        for r in range(r1, int(r2 or r1) + 1):
            total += values.get(f"{col}{r}") or 0.0
    return total


@dataclass(frozen=True)
class ProjectExtras:
    """What a province form asks beyond ProjectFacts: 专班, 牵头 and 包保 leaders apart, 形象进度, 序时进度."""

    task_force: str
    lead_leaders: tuple[str, ...]
    support_leaders: tuple[str, ...]
    progress: str
    schedule: Decimal | None


def project_extras(workspace: Workspace, month: int, on: date = date(YEAR, 10, 31)) -> dict[str, ProjectExtras]:
    """By project name; 序时进度 = 1—month completed ÷ (the monthly targets when every month has one, else
    plan × month ÷ 12), in percent to 0.01; 形象进度 = the last milestone reached by `on`, with its day."""
    from desktop.db.models import Milestone, TaskForce

    with workspace.db.read() as s:
        sums = {pid: (int(done or 0), targets, n) for pid, done, targets, n in s.execute(
            select(InvestmentReport.project_id, func.sum(InvestmentReport.amount_yuan),
                   func.sum(InvestmentReport.target_yuan), func.count(InvestmentReport.target_yuan))
            .where(InvestmentReport.year == YEAR, InvestmentReport.month <= month)
            .group_by(InvestmentReport.project_id))}
        roles: dict[int, dict[str, list[str]]] = {}
        for pid, role, name in s.execute(
                select(Assignment.project_id, Assignment.role, Leader.name).join(Leader)
                .where(Assignment.start_date <= on, (Assignment.end_date.is_(None)) | (Assignment.end_date >= on))
                .order_by(Leader.sort_order, Leader.id)):
            roles.setdefault(pid, {}).setdefault("lead" if role == "lead" else "support", []).append(name)
        reached: dict[int, str] = {}
        for pid, name, day in s.execute(
                select(Milestone.project_id, Milestone.name, Milestone.actual_date)
                .where(Milestone.actual_date.is_not(None), Milestone.actual_date <= on)
                .order_by(Milestone.project_id, Milestone.actual_date, Milestone.sort_order)):
            reached[pid] = f"{name}（{day.year}年{day.month}月{day.day}日）"
        extras = {}
        for p, force in s.execute(select(Project, TaskForce.name)
                                  .join(TaskForce, TaskForce.id == Project.task_force_id, isouter=True)
                                  .where(Project.list_year == YEAR, Project.removed_on.is_(None))):
            done, targets, n = sums.get(p.id, (0, None, 0))
            due = Decimal(int(targets)) if targets is not None and n == month else (
                Decimal(p.annual_plan_yuan) * month / 12)
            schedule = None if due <= 0 else (Decimal(done) * 100 / due).quantize(Decimal("0.01"),
                                                                                   rounding=ROUND_HALF_UP)
            mine = roles.get(p.id, {})
            extras[p.name] = ProjectExtras(force or "", tuple(mine.get("lead", ())), tuple(mine.get("support", ())),
                                           reached.get(p.id, ""), schedule)
        return extras
