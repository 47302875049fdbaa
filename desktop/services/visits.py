"""走访 / 包保活动: the visit log, photos of it, and the problems found turned into issues linked back to it.

The office's rule "谁发现谁跟踪" needs the link: an issue found on a visit keeps `visit_id`, so the visit shows what
came of it and the issue shows where it was found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.models import Enterprise, Issue, Leader, Project, Visit
from desktop.services import attachments
from desktop.services import validation as v
from desktop.services.issues import actions as issues
from desktop.services.journal import get_or_fail
from desktop.services.scope import Period

OWNER = "visit"


class VisitRow(NamedTuple):
    id: int
    visited_on: date
    leader_id: int | None
    leader: str
    companions: str
    project_id: int | None
    project: str
    enterprise_id: int | None
    enterprise: str
    content: str
    issues: int
    photos: int

    @property
    def target(self) -> str:
        return self.project or self.enterprise


@dataclass
class VisitInput:
    visited_on: date
    leader_id: int | None
    content: str
    companions: str | None = None
    project_id: int | None = None
    enterprise_id: int | None = None
    problems: Sequence[str] = field(default_factory=tuple)  # one issue each
    photos: Sequence[Path] = field(default_factory=tuple)


def _validate(data: VisitInput, today: date) -> None:
    v.raise_if_any([
        v.required(data.visited_on, "走访日期"),
        v.required(data.leader_id, "包保领导"),
        v.required(data.content, "走访内容"),
        None if (data.project_id or data.enterprise_id) else v.Problem("走访对象", "请选择项目或企业"),
        v.Problem("走访日期", "不能晚于今天") if data.visited_on and data.visited_on > today else None,
    ])


def create_visit(session: Session, data: VisitInput, attachments_dir: Path, today: date) -> Visit:
    """Record a visit with its photos and its problems, all in the caller's transaction."""
    _validate(data, today)
    visit = Visit(visited_on=data.visited_on, leader_id=data.leader_id, content=data.content.strip(),
                  companions=(data.companions or "").strip() or None, project_id=data.project_id,
                  enterprise_id=data.enterprise_id)
    session.add(visit)
    session.flush()
    for photo in data.photos:
        attachments.add_image(session, attachments_dir, photo, OWNER, visit.id, taken_on=data.visited_on)
    for text in data.problems:
        if text.strip():
            issue_from_visit(session, visit.id, text)
    return visit


def issue_from_visit(session: Session, visit_id: int, description: str, *, category_id: int | None = None) -> Issue:
    """One problem seen on a visit becomes an issue of the visited project or enterprise, found that day by that
    leader, linked back to the visit."""
    visit = get_or_fail(session, Visit, visit_id, "走访记录")
    leader = session.get(Leader, visit.leader_id) if visit.leader_id else None
    return issues.create_issue(session, issues.IssueInput(
        description=description, found_on=visit.visited_on, project_id=visit.project_id,
        enterprise_id=visit.enterprise_id, category_id=category_id, found_by=leader.name if leader else None,
        source="visit", visit_id=visit.id,
    ))


def load_visits(session: Session, period: Period | None = None, *, leader_id: int | None = None,
                ids: Sequence[int] | None = None) -> list[VisitRow]:
    issue_counts = select(Issue.visit_id, func.count(Issue.id).label("n")).where(
        Issue.visit_id.is_not(None)).group_by(Issue.visit_id).subquery()
    photo_counts = attachments.count_by_owner(OWNER)
    stmt = (select(Visit.id, Visit.visited_on, Visit.leader_id, Leader.name, Visit.companions, Visit.project_id,
                   Project.name, Visit.enterprise_id, Enterprise.name, Visit.content, issue_counts.c.n,
                   photo_counts.c.n)
            .join(Leader, Leader.id == Visit.leader_id, isouter=True)
            .join(Project, Project.id == Visit.project_id, isouter=True)
            .join(Enterprise, Enterprise.id == Visit.enterprise_id, isouter=True)
            .join(issue_counts, issue_counts.c.visit_id == Visit.id, isouter=True)
            .join(photo_counts, photo_counts.c.owner_id == Visit.id, isouter=True)
            .order_by(Visit.visited_on.desc(), Visit.id.desc()))
    if period is not None:
        stmt = stmt.where(Visit.visited_on.between(period.start, period.end))
    if leader_id is not None:
        stmt = stmt.where(Visit.leader_id == leader_id)
    if ids is not None:
        stmt = stmt.where(Visit.id.in_(list(ids)))
    return [VisitRow(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5], r[6] or "", r[7], r[8] or "", r[9],
                     r[10] or 0, r[11] or 0) for r in session.execute(stmt)]


def issue_ids_of(session: Session, visit_id: int) -> list[int]:
    return list(session.scalars(select(Issue.id).where(Issue.visit_id == visit_id).order_by(Issue.id)))


def counts_by_leader(session: Session, period: Period) -> list[tuple[int, str, int]]:
    """Visits per leader in the period, every active leader listed (a leader with none shows 0), most first."""
    counts = dict(session.execute(
        select(Visit.leader_id, func.count(Visit.id)).where(Visit.visited_on.between(period.start, period.end))
        .group_by(Visit.leader_id)).all())
    leaders = session.execute(select(Leader.id, Leader.name).where(Leader.active.is_(True))
                              .order_by(Leader.sort_order, Leader.id)).all()
    rows = [(lid, name, counts.get(lid, 0)) for lid, name in leaders]
    return sorted(rows, key=lambda r: -r[2])


def total(session: Session, period: Period) -> int:
    """"全年共开展包保活动N次": every visit in the period, whoever made it."""
    return session.scalar(select(func.count(Visit.id)).where(Visit.visited_on.between(period.start, period.end))) or 0


def project_choices(session: Session, year: int) -> list[tuple[int, str]]:
    """Projects of the year's list for the visit form, by code."""
    return [(i, f"{c} {n}") for i, c, n in session.execute(
        select(Project.id, Project.code, Project.name).where(Project.list_year == year, Project.removed_on.is_(None))
        .order_by(Project.code))]


def enterprise_choices(session: Session) -> list[tuple[int, str]]:
    """Every enterprise by name (no pinyin work here: the form completes on the name as typed)."""
    return [(i, n) for i, n in session.execute(select(Enterprise.id, Enterprise.name).order_by(Enterprise.name))]
