"""Reading the 操作日志: who changed what, when, from which value to which — filtered and paged in SQL, because
the log only ever grows. There is deliberately no function here that writes or edits it (the session's audit
hook and the undo/redo step rows of `desktop.db.audit` are the only writers).

Everything is shown in the office's words (`table_labels`): coded values by their Chinese names, and references
(责任单位、责任人 …) by the name of the unit or person they point at, not by a row number."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from desktop.db.models import (
    AuditLog,
    Category,
    Enterprise,
    Leader,
    Meeting,
    Person,
    Project,
    TaskForce,
    Unit,
)
from desktop.services.table_labels import REVERTED_SUFFIX, action_label, field_label, table_label, value_label

COLUMNS = ("时间", "操作人", "操作", "记录类型", "记录编号", "字段", "原值", "新值")


@dataclass(frozen=True)
class AuditFilter:
    operator: str | None = None
    entity: str | None = None
    entity_id: int | None = None
    text: str | None = None
    date_from: date | None = None
    date_to: date | None = None


LogRow = tuple[int, str, str, str, str, str, str, str, str]  # id, then the COLUMNS as display text


def _filtered(stmt: Select, f: AuditFilter) -> Select:
    if f.operator:
        stmt = stmt.where(AuditLog.operator == f.operator)
    if f.entity:
        stmt = stmt.where(AuditLog.entity == f.entity)
    if f.entity_id is not None:
        stmt = stmt.where(AuditLog.entity_id == f.entity_id)
    if f.date_from:
        stmt = stmt.where(AuditLog.at >= datetime.combine(f.date_from, time.min))
    if f.date_to:
        stmt = stmt.where(AuditLog.at < datetime.combine(f.date_to + timedelta(days=1), time.min))
    if f.text and f.text.strip():
        like = f"%{f.text.strip()}%"
        stmt = stmt.where(or_(AuditLog.old_value.like(like), AuditLog.new_value.like(like),
                              AuditLog.field.like(like)))
    return stmt


def count(session: Session, f: AuditFilter = AuditFilter()) -> int:
    return session.scalar(_filtered(select(func.count(AuditLog.id)), f)) or 0


def page(session: Session, f: AuditFilter = AuditFilter(), *, offset: int = 0, limit: int = 200) -> list[LogRow]:
    """Newest first, `limit` rows from `offset`, already as display text (the view holds no ORM objects)."""
    stmt = _filtered(select(AuditLog), f).order_by(AuditLog.at.desc(), AuditLog.id.desc()).offset(offset).limit(limit)
    entries = list(session.scalars(stmt))
    names = reference_names(session, [(e.field, e.old_value, e.new_value) for e in entries])
    return [
        (e.id, f"{e.at:%Y-%m-%d %H:%M:%S}", e.operator,
         action_label(e.action) + (REVERTED_SUFFIX if e.reverted_by is not None else ""), table_label(e.entity),
         "" if e.entity_id is None else str(e.entity_id), field_label(e.field, e.entity),
         value_text(e.field, e.old_value, e.entity, names), value_text(e.field, e.new_value, e.entity, names))
        for e in entries
    ]


# Reference columns whose stored id is shown as the name of the row it points at.
REFERENCES = {"lead_unit_id": Unit, "unit_id": Unit, "parent_id": Unit, "person_id": Person, "cadre_id": Person,
              "category_id": Category, "project_id": Project, "enterprise_id": Enterprise, "leader_id": Leader,
              "task_force_id": TaskForce, "meeting_id": Meeting}
Names = dict[tuple[str, str], str]


def reference_names(session: Session, values: list[tuple[str | None, str | None, str | None]]) -> Names:
    """(field, id text) → name, for the reference columns among `values` ((field, old, new) triples)."""
    wanted: dict[str, set[int]] = {}
    for field_name, old, new in values:
        if field_name in REFERENCES:
            for value in (old, new):
                if value and value.isdigit():
                    wanted.setdefault(field_name, set()).add(int(value))
    names: Names = {}
    for field_name, ids in wanted.items():
        model = REFERENCES[field_name]
        label = model.title if model is Meeting else model.name  # type: ignore[attr-defined]
        for rid, name in session.execute(select(model.id, label).where(model.id.in_(ids))):
            names[(field_name, str(rid))] = name
    return names


def value_text(field_name: str | None, value: str | None, table: str | None, names: Names) -> str:
    """One logged value as the office reads it; a reference to a row since deleted shows its number."""
    if value is None or value == "":
        return ""
    if field_name in REFERENCES and value.isdigit():
        return names.get((field_name, value), f"编号{value}")
    return value_label(field_name, value, table)


def operators(session: Session) -> list[str]:
    return list(session.scalars(select(AuditLog.operator).distinct().order_by(AuditLog.operator)))


def entities(session: Session) -> list[tuple[str, str]]:
    """(table name, Chinese label) of every record type that appears in the log."""
    names = session.scalars(select(AuditLog.entity).distinct().order_by(AuditLog.entity))
    return [(n, table_label(n)) for n in names]
