"""Pick-lists the meeting and decided-item dialogs offer, loaded in one go so a dialog never queries while typing."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueStatus
from desktop.db.models import Issue, Leader, Person, Project, Unit
from desktop.services.directory import Choice, units


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str
    unit_id: int | None
    label: str  # 张三（区住建局）


@dataclass(frozen=True)
class IssueChoice:
    id: int
    project_id: int | None
    label: str  # 项目：问题描述
    is_done: bool


@dataclass(frozen=True)
class MeetingChoices:
    units: tuple[Choice, ...]
    people: tuple[PersonChoice, ...]
    projects: tuple[Choice, ...]
    leaders: tuple[Choice, ...]  # with title, for 主持
    issues: tuple[IssueChoice, ...]

    def people_of(self, unit_id: int | None) -> list[PersonChoice]:
        """People of the responsible unit first, then everybody else (a unit may borrow a person)."""
        own = [p for p in self.people if unit_id is not None and p.unit_id == unit_id]
        return own + [p for p in self.people if p not in own]

    def attendee_names(self) -> list[str]:
        """Units and leaders as they are written in a 参会 line."""
        return [name for _i, name in self.leaders] + [name for _i, name in self.units]


def load_choices(session: Session) -> MeetingChoices:
    people = tuple(
        PersonChoice(pid, name, unit_id, f"{name}（{unit}）" if unit else name)
        for pid, name, unit_id, unit in session.execute(
            select(Person.id, Person.name, Person.unit_id, Unit.name)
            .join(Unit, Unit.id == Person.unit_id, isouter=True).order_by(Unit.sort_order, Person.id))
    )
    projects = tuple((i, f"{code} {name}") for i, code, name in session.execute(
        select(Project.id, Project.code, Project.name).where(Project.removed_on.is_(None)).order_by(Project.code)))
    leaders = tuple(
        (i, f"{name}（{title}）" if title else name)
        for i, name, title in session.execute(
            select(Leader.id, Leader.name, Leader.title).where(Leader.active.is_(True))
            .order_by(Leader.sort_order, Leader.id))
    )
    issues = tuple(
        IssueChoice(i, pid, f"{pname}：{desc}" if pname else desc, IssueStatus(status).is_done)
        for i, pid, pname, desc, status in session.execute(
            select(Issue.id, Issue.project_id, Project.name, Issue.description, Issue.status)
            .join(Project, Project.id == Issue.project_id, isouter=True).order_by(Issue.found_on.desc().nulls_last(), Issue.id))
    )
    return MeetingChoices(tuple(units(session)), people, projects, leaders, issues)
