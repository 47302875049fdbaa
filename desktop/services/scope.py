"""What a figure is about (all / a category / a task force / a leader / a unit) and over which dates."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import Select, and_, exists, or_, select

from desktop.db.models import Assignment, Issue, Project


class ScopeKind(StrEnum):
    ALL = "all"
    CATEGORY = "category"
    TASK_FORCE = "task_force"
    LEADER = "leader"
    UNIT = "unit"


@dataclass(frozen=True)
class Scope:
    kind: ScopeKind = ScopeKind.ALL
    ref_id: int | None = None

    @classmethod
    def all(cls) -> Scope:
        return cls()

    def as_dict(self) -> dict:
        return {"kind": self.kind.value, "id": self.ref_id}


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def months(cls, year: int, first: int, last: int) -> Period:
        return cls(date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]))

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    @property
    def label(self) -> str:
        if self.start.year == self.end.year and self.start.month == 1 and self.start.day == 1:
            if (self.end.month, self.end.day) == (12, 31):
                return f"{self.start.year}年"
            return f"{self.start.year}年1-{self.end.month}月"
        return f"{self.start.isoformat()}至{self.end.isoformat()}"


def _leader_has_project(leader_id: int, on: date):
    return exists().where(
        Assignment.project_id == Project.id,
        Assignment.leader_id == leader_id,
        Assignment.start_date <= on,
        or_(Assignment.end_date.is_(None), Assignment.end_date >= on),
    )


def filter_projects(stmt: Select, scope: Scope, on: date) -> Select:
    """Restrict a statement that selects from Project to the scope (leader assignments as of `on`)."""
    if scope.kind is ScopeKind.CATEGORY:
        return stmt.where(Project.category_id == scope.ref_id)
    if scope.kind is ScopeKind.TASK_FORCE:
        return stmt.where(Project.task_force_id == scope.ref_id)
    if scope.kind is ScopeKind.LEADER:
        return stmt.where(_leader_has_project(scope.ref_id or 0, on))
    if scope.kind is ScopeKind.UNIT:
        return stmt.where(Project.lead_unit_id == scope.ref_id)
    return stmt


def filter_issues(stmt: Select, scope: Scope, on: date) -> Select:
    """Restrict a statement over Issue: by its project, or by the issue's own responsible unit for units."""
    if scope.kind is ScopeKind.ALL:
        return stmt
    if scope.kind is ScopeKind.UNIT:
        return stmt.where(Issue.lead_unit_id == scope.ref_id)
    project_ids = filter_projects(select(Project.id), scope, on)
    return stmt.where(and_(Issue.project_id.is_not(None), Issue.project_id.in_(project_ids)))
