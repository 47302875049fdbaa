"""形象进度节点: planned against actual, and which are overdue (planned date passed, nothing recorded)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from desktop.db.models import Milestone, Project
from desktop.services import validation as v
from desktop.services.journal import get_or_fail

STANDARD_NAMES = ("开工", "主体封顶", "竣工验收", "投用")


class MilestoneRow(NamedTuple):
    id: int
    project_id: int
    project_code: str
    project_name: str
    name: str
    planned: date | None
    actual: date | None

    def is_overdue(self, today: date) -> bool:
        return self.planned is not None and self.actual is None and self.planned < today

    def days_late(self, today: date) -> int:
        """Days past plan: for a done node its actual delay, for an overdue one the delay so far."""
        if self.planned is None:
            return 0
        return max(0, ((self.actual or today) - self.planned).days)


def _overdue(today: date) -> ColumnElement[bool]:
    """The one condition shared by the counts and the rows."""
    return Milestone.actual_date.is_(None) & (Milestone.planned_date < today)


def overdue_counts(session: Session, year: int, today: date) -> dict[int, int]:
    """Overdue milestones per project of the year's list, for the project tree and the dashboard."""
    stmt = (select(Milestone.project_id, func.count(Milestone.id)).join(Project, Project.id == Milestone.project_id)
            .where(Project.list_year == year, Project.removed_on.is_(None), _overdue(today))
            .group_by(Milestone.project_id))
    return dict(session.execute(stmt).all())


def load_milestones(session: Session, year: int, today: date, *, overdue_only: bool = False,
                    project_id: int | None = None) -> list[MilestoneRow]:
    stmt = (select(Milestone.id, Milestone.project_id, Project.code, Project.name, Milestone.name,
                   Milestone.planned_date, Milestone.actual_date)
            .join(Project, Project.id == Milestone.project_id)
            .where(Project.list_year == year, Project.removed_on.is_(None))
            .order_by(Project.code, Milestone.sort_order, Milestone.id))
    if overdue_only:
        stmt = stmt.where(_overdue(today))
    if project_id is not None:
        stmt = stmt.where(Milestone.project_id == project_id)
    return [MilestoneRow(*r) for r in session.execute(stmt)]


def record_actual(session: Session, milestone_id: int, actual: date | None, today: date) -> Milestone:
    """Record (or clear) the date a node was reached; a future date is refused, it has not happened yet."""
    milestone = get_or_fail(session, Milestone, milestone_id, "节点")
    if actual is not None and actual > today:
        raise v.ValidationError([v.Problem(f"{milestone.name}实际完成日期", "不能晚于今天")])
    milestone.actual_date = actual
    session.flush()
    return milestone
