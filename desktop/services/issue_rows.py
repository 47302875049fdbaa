"""Flat rows for the issue table and ledger: one SQL query, plain tuples, no ORM objects kept alive.

The table holds tens of thousands of rows; filtering and sorting happen over these tuples in Python
(engineering-facts §1: a proxy model's string filter costs ~0.6 s per keystroke at 100k rows).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop.db.enums import IssueLevel, IssueStatus
from desktop.db.models import Category, Issue, Person, Project, Unit

_DONE_CODES = frozenset(s.value for s in IssueStatus if s.is_done)


class IssueRow(NamedTuple):
    id: int
    project_id: int | None
    project_code: str
    project_name: str
    category: str
    description: str
    unit_id: int | None
    unit: str
    person: str
    deadline: date | None
    deadline_text: str
    level: str
    status: str
    latest_progress: str
    found_on: date
    enterprise_id: int | None

    @property
    def status_label(self) -> str:
        return IssueStatus(self.status).label

    @property
    def level_label(self) -> str:
        return IssueLevel(self.level).label

    @property
    def is_done(self) -> bool:
        return self.status in _DONE_CODES


def load_issue_rows(session: Session, ids: list[int] | None = None, *,
                    project_id: int | None = None) -> list[IssueRow]:
    category = aliased(Category)
    stmt = (
        select(Issue.id, Issue.project_id, Project.code, Project.name, category.name, Issue.description,
               Issue.lead_unit_id, Unit.name, Person.name, Issue.deadline, Issue.deadline_text, Issue.level,
               Issue.status, Issue.latest_progress, Issue.found_on, Issue.enterprise_id)
        .select_from(Issue)
        .join(Project, Project.id == Issue.project_id, isouter=True)
        .join(category, category.id == Issue.category_id, isouter=True)
        .join(Unit, Unit.id == Issue.lead_unit_id, isouter=True)
        .join(Person, Person.id == Issue.person_id, isouter=True)
        .order_by(Issue.found_on.desc(), Issue.id.desc())
    )
    if ids is not None:
        stmt = stmt.where(Issue.id.in_(ids))
    if project_id is not None:
        stmt = stmt.where(Issue.project_id == project_id)
    return [
        IssueRow(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5], r[6], r[7] or "", r[8] or "", r[9],
                 r[10] or "", r[11], r[12], r[13] or "", r[14], r[15])
        for r in session.execute(stmt)
    ]
