"""Reading the 操作日志: who changed what, when, from which value to which — filtered and paged in SQL, because
the log only ever grows. There is deliberately no function here that writes or edits it (the session's audit
hook is the only writer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from desktop.db.models import AuditLog
from desktop.services.table_labels import ACTION_LABELS, field_label, table_label

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
    return [
        (e.id, f"{e.at:%Y-%m-%d %H:%M:%S}", e.operator, ACTION_LABELS.get(e.action, e.action), table_label(e.entity),
         "" if e.entity_id is None else str(e.entity_id), field_label(e.field), e.old_value or "", e.new_value or "")
        for e in session.scalars(stmt)
    ]


def operators(session: Session) -> list[str]:
    return list(session.scalars(select(AuditLog.operator).distinct().order_by(AuditLog.operator)))


def entities(session: Session) -> list[tuple[str, str]]:
    """(table name, Chinese label) of every record type that appears in the log."""
    names = session.scalars(select(AuditLog.entity).distinct().order_by(AuditLog.entity))
    return [(n, table_label(n)) for n in names]
