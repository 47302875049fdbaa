"""Matching the names a ledger writes to the records already in the database, or creating them.

A ledger names units, people, leaders, task forces, categories, projects and meetings as text, typed by hand:
"区住建局 " and "区住建局", "紫云府项目" and "紫云府 项目", full-width and half-width brackets. Names are compared on
`match_key` (width, spaces and case folded) so that a second import of the same file, or a file from another
unit, finds the same records instead of creating near-identical twins. Each table is read once per import into
a dictionary, so matching 10,000 rows costs no query per row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import CategoryKind, LeaderRole, MeetingType, ProjectStage
from desktop.db.models import (
    Assignment,
    Category,
    Enterprise,
    Leader,
    Meeting,
    Person,
    Project,
    TaskForce,
    Unit,
)
from desktop.importers.text import match_key, stored_text
from desktop.importers.values import is_placeholder
from desktop.services.importing.bulk import Deferred

# 配合单位 cells list several units: 区住建局、区城管局 / 区住建局，区城管局 / 区住建局;区城管局.
_UNIT_SEPARATORS = re.compile(r"[、，,；;/\n]+")
_CN_NUMERALS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_MEETING_NUMBER = re.compile(r"第([零一二两三四五六七八九十百\d]+)次")
_MEETING_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_MEETING_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MEETING_WORDS = (
    ("推进会", MeetingType.PROGRESS), ("调度会", MeetingType.DISPATCH), ("专题会", MeetingType.SPECIAL),
    ("现场会", MeetingType.ONSITE), ("周会商", MeetingType.WEEKLY), ("会商会", MeetingType.WEEKLY),
    ("例会", MeetingType.WEEKLY), ("办公会", MeetingType.SPECIAL), ("协调会", MeetingType.SPECIAL),
)
IMPORTED_CODE_PREFIX = "IMP"


@lru_cache(maxsize=1 << 16)
def name_key(text: str | None) -> str:
    """The comparison key for a name: width, spaces and case folded, so typing variants match.

    Cached: a ledger repeats the same unit, person and project names on thousands of rows.
    """
    return match_key(text) if text else ""


def split_units(text: str | None) -> list[str]:
    """The unit names in a 配合单位 cell, in order, without repeats."""
    if not text:
        return []
    names: list[str] = []
    for part in _UNIT_SEPARATORS.split(text):
        name = stored_text(part)
        if name and name not in names and not is_placeholder(name):
            names.append(name)
    return names


def chinese_number(token: str) -> int | None:
    """第三次 / 第十二次 / 第21次 → 3 / 12 / 21; None for anything else."""
    if token.isdigit():
        return int(token)
    if "百" in token:
        return None
    if "十" in token:
        tens, _, ones = token.partition("十")
        tens_value = _CN_NUMERALS.get(tens, 0) if tens else 1
        ones_value = _CN_NUMERALS.get(ones, 0) if ones else 0
        if (tens and tens not in _CN_NUMERALS) or (ones and ones not in _CN_NUMERALS):
            return None
        return tens_value * 10 + ones_value
    if len(token) == 1 and token in _CN_NUMERALS:
        return _CN_NUMERALS[token] or None
    return None


@dataclass(frozen=True)
class MeetingRef:
    """What a ledger's 会议 cell says: 第一次推进会（2022年3月29日） → kind, year, number, date, title."""

    text: str
    kind: str
    number: int | None
    held_on: date | None
    year: int | None

    @property
    def title(self) -> str:
        """The meeting's name without the date in brackets, prefixed with the year when it lacks one."""
        title = re.sub(r"[(（][^()（）]*[)）]\s*$", "", self.text).strip() or self.text
        if self.year and not re.match(r"^\s*(?:19|20)\d{2}\s*年", title):
            title = f"{self.year}年{title}"
        return title


def parse_meeting(text: str, context_year: int | None) -> MeetingRef:
    """Read the meeting's type, number and date out of the free text a ledger uses to name it."""
    clean = stored_text(text) or ""
    key = match_key(clean)
    kind = next((code.value for word, code in _MEETING_WORDS if word in key), MeetingType.PROGRESS.value)
    number_match = _MEETING_NUMBER.search(clean)
    number = chinese_number(number_match.group(1)) if number_match else None
    held_on: date | None = None
    found = _MEETING_DATE.search(clean)
    try:
        if found:
            held_on = date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        elif context_year and (short := _MEETING_MONTH_DAY.search(clean)):
            held_on = date(context_year, int(short.group(1)), int(short.group(2)))
    except ValueError:
        held_on = None
    year = held_on.year if held_on else context_year
    return MeetingRef(clean, kind, number, held_on, year)


class Resolver:
    """Finds or creates the records a ledger row names, caching each table for the whole import.

    `on_create(obj)` is called for every record created here, so the import batch can remember it (and undo
    deletes exactly those). Look-ups (`find_*`) never create anything; `ensure_*` create when nothing matches.
    """

    def __init__(self, session: Session, on_create: Callable[[object], None],
                 on_defer: Callable[[object], None] | None = None, unit_aliases: dict[str, str] | None = None,
                 person_aliases: dict[str, str] | None = None) -> None:
        self.session = session
        # The user's 住建局=区住建局: a unit name the ledger writes → the unit's name to use instead.
        self._aliases = {name_key(name): target for name, target in (unit_aliases or {}).items() if name_key(target)}
        # The user's 张三（副区长）=张三: a person's name as written → the name to use (leaders and people alike).
        self._person_aliases = {name_key(name): target for name, target in (person_aliases or {}).items()
                                if name_key(target)}
        # Names found under another spelling that differs only in spaces or full/half width (张 三 for 张三):
        # the same name by match_key, so the same record — and said in the report ((what, as written) → name).
        self.folded: dict[tuple[str, str], str] = {}
        self.on_create = on_create
        # With `on_defer`, new projects and their assignments are handed over instead of added to the session:
        # the issue import stores them with bulk statements (import_bulk), thousands at a time.
        self.on_defer = on_defer
        self._units = {name_key(u.name): u for u in session.scalars(select(Unit))}
        self._leaders = {name_key(x.name): x for x in session.scalars(select(Leader).order_by(Leader.id))}
        self._task_forces = {name_key(t.name): t for t in session.scalars(select(TaskForce))}
        self._categories = {(c.kind, name_key(c.name)): c for c in session.scalars(select(Category))}
        self._people: dict[tuple[str, str], Person] = {}
        self._people_any: dict[str, Person] = {}
        rows = session.execute(select(Person, Unit.name).join(Unit, Unit.id == Person.unit_id, isouter=True)
                               .order_by(Person.id))
        for person, unit_name in rows:
            self._people.setdefault((name_key(person.name), name_key(unit_name)), person)
            self._people_any.setdefault(name_key(person.name), person)
        projects = list(session.scalars(select(Project).order_by(Project.id)))
        self._projects_by_code = {name_key(p.code): p for p in projects}
        self._projects_by_name: dict[str, Project] = {}
        for project in projects:
            self._projects_by_name.setdefault(name_key(project.name), project)
        enterprises = list(session.scalars(select(Enterprise).order_by(Enterprise.id)))
        self._enterprises_by_code = {e.credit_code: e for e in enterprises if e.credit_code}
        self._enterprises_by_name: dict[str, Enterprise] = {}
        for enterprise in enterprises:
            self._enterprises_by_name.setdefault(name_key(enterprise.name), enterprise)
        self._meetings = list(session.scalars(select(Meeting)))
        self._assigned: set[tuple[int, int]] = {
            (a.project_id, a.leader_id) for a in session.scalars(select(Assignment).where(Assignment.end_date.is_(None)))
        }
        self._new_assignments: set[tuple[int, int]] = set()
        self._next_code: dict[int, int] = {}
        self.created_projects: list[Project] = []

    def _created(self, obj: object) -> None:
        if isinstance(obj, Deferred):
            assert self.on_defer is not None
            self.on_defer(obj)
            return
        self.session.add(obj)
        self.on_create(obj)

    # --- organisation ----------------------------------------------------------------------------------
    def unit_names(self) -> list[str]:
        """The names of the units known now (the directory, before the import adds any)."""
        return [unit.name for unit in self._units.values()]

    def leader_names(self) -> list[str]:
        """The names of the leaders known now (before the import adds any)."""
        return [leader.name for leader in self._leaders.values()]

    def person_names(self) -> list[str]:
        """The names of the people known now, whatever their unit."""
        return [person.name for person in self._people_any.values()]

    def _person_name(self, name: str | None) -> str | None:
        return self._person_aliases.get(name_key(name), name) if name else name

    def unit(self, name: str | None) -> Unit | None:
        key = name_key(name)
        if not key:
            return None
        if key in self._aliases:
            name = self._aliases[key]
            key = name_key(name)
        unit = self._units.get(key)
        if unit is None:
            unit = Unit(name=stored_text(name) or "")
            self._created(unit)
            self._units[key] = unit
        else:
            self._fold("单位", name, unit.name)
        return unit

    def _fold(self, what: str, written: str | None, name: str) -> None:
        if written == name:  # nearly every cell: no work per row
            return
        text = stored_text(written) or ""
        if text != name:
            self.folded.setdefault((what, text), name)

    def units(self, text: str | None, exclude: Unit | None = None) -> list[Unit]:
        found = [unit for unit in (self.unit(name) for name in split_units(text)) if unit is not None]
        return [unit for unit in found if unit is not exclude]

    def person(self, name: str | None, unit: Unit | None) -> Person | None:
        """A person is the same when name and unit agree; with no unit given, any person of that name."""
        name = self._person_name(name)
        key = name_key(name)
        if not key:
            return None
        unit_key = name_key(unit.name) if unit is not None else ""
        person = self._people.get((key, unit_key))
        if person is None and unit is None:
            person = self._people_any.get(key)
        if person is None:
            person = Person(name=stored_text(name) or "", unit=unit)
            self._created(person)
            self._people[(key, unit_key)] = person
            self._people_any.setdefault(key, person)
        else:
            self._fold("人员", name, person.name)
        return person

    def leader(self, name: str | None) -> Leader | None:
        name = self._person_name(name)
        key = name_key(name)
        if not key:
            return None
        leader = self._leaders.get(key)
        if leader is None:
            leader = Leader(name=stored_text(name) or "")
            self._created(leader)
            self._leaders[key] = leader
        else:
            self._fold("包保领导", name, leader.name)
        return leader

    def task_force(self, name: str | None) -> TaskForce | None:
        key = name_key(name)
        if not key:
            return None
        task_force = self._task_forces.get(key)
        if task_force is None:
            task_force = TaskForce(name=stored_text(name) or "")
            self._created(task_force)
            self._task_forces[key] = task_force
        return task_force

    def category(self, kind: CategoryKind, name: str | None) -> Category | None:
        key = name_key(name)
        if not key:
            return None
        category = self._categories.get((kind.value, key))
        if category is None:
            category = Category(kind=kind.value, name=stored_text(name) or "")
            self._created(category)
            self._categories[(kind.value, key)] = category
        return category

    # --- projects ----------------------------------------------------------------------------------------
    def find_project(self, code: str | None, name: str | None) -> Project | None:
        """By code first (codes are unique), then by name."""
        if code and (project := self._projects_by_code.get(name_key(code))) is not None:
            return project
        return self._projects_by_name.get(name_key(name)) if name else None

    def new_project(self, name: str, list_year: int, code: str | None = None,
                    stage: str = ProjectStage.PRELIMINARY.value) -> Project:  # or a Deferred one, read alike
        """A project the ledger names but the database lacks; without a code it gets IMP-年度-序号."""
        fields = {"code": stored_text(code) or self._generated_code(list_year), "name": stored_text(name) or name,
                  "list_year": list_year, "stage": stage, "total_investment_yuan": 0, "annual_plan_yuan": 0}
        # Handed to the bulk write (on_defer) as its values, not as an ORM object, when the import defers.
        project: Any = Deferred(Project, **fields) if self.on_defer is not None else Project(**fields)
        self._created(project)
        self.remember_project(project)
        self.created_projects.append(project)
        return project

    def remember_project(self, project: Project) -> None:
        self._projects_by_code.setdefault(name_key(project.code), project)
        self._projects_by_name.setdefault(name_key(project.name), project)

    def _generated_code(self, year: int) -> str:
        prefix = f"{IMPORTED_CODE_PREFIX}-{year}-"
        number = self._next_code.get(year)
        if number is None:
            used = [code for code in self._projects_by_code if code.startswith(prefix.lower())]
            number = max((int(code.rsplit("-", 1)[1]) for code in used if code.rsplit("-", 1)[1].isdigit()),
                         default=0)
        number += 1
        self._next_code[year] = number
        return f"{prefix}{number:04d}"

    def assign_leader(self, project: Project, leader: Leader | None, start: date) -> None:
        """包保领导 named beside a project: add the assignment unless that leader already has one."""
        if leader is None:
            return
        key = (project.id or id(project), leader.id or id(leader))
        if key in self._assigned or key in self._new_assignments:
            return
        self._new_assignments.add(key)
        fields = {"project": project, "leader": leader, "role": LeaderRole.LEAD.value, "start_date": start}
        # A deferred project's assignment is deferred with it (written in bulk once the project has its id).
        self._created(Deferred(Assignment, **fields) if isinstance(project, Deferred) else Assignment(**fields))

    # --- enterprises -------------------------------------------------------------------------------------
    def find_enterprise(self, credit_code: str | None, name: str | None) -> Enterprise | None:
        if credit_code and (enterprise := self._enterprises_by_code.get(credit_code)) is not None:
            return enterprise
        return self._enterprises_by_name.get(name_key(name)) if name else None

    def remember_enterprise(self, enterprise: Enterprise) -> None:
        if enterprise.credit_code:
            self._enterprises_by_code.setdefault(enterprise.credit_code, enterprise)
        self._enterprises_by_name.setdefault(name_key(enterprise.name), enterprise)

    def enterprise(self, name: str | None) -> Enterprise | None:
        if not name_key(name):
            return None
        enterprise = self.find_enterprise(None, name)
        if enterprise is None:
            enterprise = Enterprise(name=stored_text(name) or "")
            self._created(enterprise)
            self.remember_enterprise(enterprise)
        return enterprise

    # --- meetings ----------------------------------------------------------------------------------------
    def find_meeting(self, ref: MeetingRef) -> Meeting | None:
        """Same type, year and number; failing that the same title; failing that the same type on the same day."""
        for meeting in self._meetings:
            if ref.number is not None and ref.year is not None and (meeting.kind, meeting.year, meeting.number) == (
                ref.kind, ref.year, ref.number):
                return meeting
        title = name_key(ref.title)
        for meeting in self._meetings:
            if name_key(meeting.title) in (title, name_key(ref.text)):
                return meeting
        if ref.held_on is not None:
            for meeting in self._meetings:
                if meeting.kind == ref.kind and meeting.held_at.date() == ref.held_on:
                    return meeting
        return None

    def new_meeting(self, ref: MeetingRef) -> Meeting:
        """Create the meeting a decided item names; the caller made sure its date is known."""
        assert ref.held_on is not None
        year = ref.held_on.year
        taken = {m.number for m in self._meetings if m.kind == ref.kind and m.year == year}
        number = ref.number if ref.number is not None and ref.number not in taken else max(taken, default=0) + 1
        meeting = Meeting(kind=ref.kind, year=year, number=number, title=ref.title,
                          held_at=datetime.combine(ref.held_on, datetime.min.time()))
        self._created(meeting)
        self._meetings.append(meeting)
        return meeting
