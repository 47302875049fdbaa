"""Look-up lists for pickers and filters: units, people, leaders, task forces, categories (id, label) pairs."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Category, Leader, Person, Project, TaskForce, Unit

Choice = tuple[int, str]


def units(session: Session) -> list[Choice]:
    return [(i, n) for i, n in session.execute(select(Unit.id, Unit.name).order_by(Unit.sort_order, Unit.id))]


UNIT_ORDER_TEXT = "本单位设定的单位顺序，未设定的按单位名称拼音"


def unit_order(session: Session) -> dict[str, tuple[int, str, str]]:
    """How documents order units when figures tie: the office's own order (单位排序), then the name's pinyin —
    never character codes, which put 区财政局 after 区交通运输局 for no reason a reader sees. Keyed by name,
    as documents tally units by the name they print."""
    from pypinyin import lazy_pinyin

    rows = session.execute(select(Unit.name, Unit.sort_order)).all()
    return {name: (order or 0, " ".join(lazy_pinyin(name)), name) for name, order in rows}


def people(session: Session, unit_id: int | None = None) -> list[Choice]:
    stmt = select(Person.id, Person.name, Unit.name).join(Unit, Unit.id == Person.unit_id, isouter=True)
    if unit_id is not None:
        stmt = stmt.where(Person.unit_id == unit_id)
    return [(i, f"{n}（{u}）" if u else n) for i, n, u in session.execute(stmt.order_by(Person.id))]


def leaders(session: Session, active_only: bool = True) -> list[Choice]:
    stmt = select(Leader.id, Leader.name).order_by(Leader.sort_order, Leader.id)
    if active_only:
        stmt = stmt.where(Leader.active.is_(True))
    return [(i, n) for i, n in session.execute(stmt)]


def task_forces(session: Session) -> list[Choice]:
    return [(i, n) for i, n in session.execute(select(TaskForce.id, TaskForce.name).order_by(TaskForce.sort_order))]


def categories(session: Session, kind: str) -> list[Choice]:
    stmt = select(Category.id, Category.name).where(Category.kind == kind, Category.active.is_(True))
    return [(i, n) for i, n in session.execute(stmt.order_by(Category.sort_order, Category.id))]


def ensure_unit(session: Session, name: str) -> Unit:
    """Find a unit by its trimmed name or create it (imports and quick entry use this)."""
    clean = name.strip()
    unit = session.scalar(select(Unit).where(Unit.name == clean))
    if unit is None:
        unit = Unit(name=clean)
        session.add(unit)
        session.flush()
    return unit


def people_with_units(session: Session) -> list[tuple[int, str, int | None]]:
    """(id, "name（unit）", unit id): the assign dialog lists the chosen unit's people first."""
    stmt = select(Person.id, Person.name, Unit.name, Person.unit_id).join(Unit, Unit.id == Person.unit_id,
                                                                          isouter=True)
    return [(i, f"{n}（{u}）" if u else n, uid) for i, n, u, uid in session.execute(stmt.order_by(Person.id))]


def projects(session: Session, year: int | None = None, *, include_removed: bool = False) -> list[Choice]:
    """Projects for pickers, "编号 名称", the year's list only when a year is given."""
    stmt = select(Project.id, Project.code, Project.name).order_by(Project.code)
    if year is not None:
        stmt = stmt.where(Project.list_year == year)
    if not include_removed:
        stmt = stmt.where(Project.removed_on.is_(None))
    return [(i, f"{c} {n}") for i, c, n in session.execute(stmt)]
