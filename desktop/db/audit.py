"""The audit log is written by the session itself, so no service can forget it.

Before every flush, each new, changed or deleted row produces AuditLog rows carrying the operator stored in the
session's info. Column changes are logged field by field with old and new values; the audit table itself and the
bookkeeping columns are skipped.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from desktop.db.models import AuditLog, RowMixin

_SKIPPED_FIELDS = {"created_at", "updated_at", "version", "uuid", "id"}
_installed = False


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return str(value)


def _summary(obj: RowMixin) -> str:
    for attr in ("name", "title", "description", "text", "topic", "content"):
        value = getattr(obj, attr, None)
        if value:
            return str(value)[:200]
    return ""


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get("audit_disabled"):
        return
    operator = session.info.get("operator") or "系统"
    entries: list[AuditLog] = []
    for obj in session.new:
        if isinstance(obj, RowMixin):
            if obj.uuid is None:
                obj.uuid = uuid.uuid4()
            entries.append(
                AuditLog(operator=operator, action="create", entity=obj.__tablename__,
                         entity_uuid=_text(obj.uuid), new_value=_summary(obj))
            )
            session.info.setdefault("audit_pending_create", []).append((obj, entries[-1]))
    session.info["flushing_rows"] = [(o.__tablename__, o.id) for o in (*session.dirty, *session.deleted)
                                     if isinstance(o, RowMixin) and o.id is not None]
    for obj in session.dirty:
        if not isinstance(obj, RowMixin) or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            if attr.key in _SKIPPED_FIELDS:
                continue
            history = state.attrs[attr.key].history
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if _text(old) == _text(new):
                continue
            entries.append(
                AuditLog(operator=operator, action="update", entity=obj.__tablename__, entity_id=obj.id,
                         entity_uuid=_text(obj.uuid), field=attr.key, old_value=_text(old), new_value=_text(new))
            )
    for obj in session.deleted:
        if isinstance(obj, RowMixin):
            entries.append(
                AuditLog(operator=operator, action="delete", entity=obj.__tablename__, entity_id=obj.id,
                         entity_uuid=_text(obj.uuid), old_value=_summary(obj))
            )
    if entries:
        session.add_all(entries)


def last_change(session: Session, rows: list[tuple[str, int]]) -> tuple[str, datetime] | None:
    """Who last changed any of `rows` ((table, id) pairs) and when: for telling a user whose edit won."""
    best: tuple[str, datetime] | None = None
    for table, row_id in rows:
        entry = session.scalars(
            select(AuditLog).where(AuditLog.entity == table, AuditLog.entity_id == row_id)
            .order_by(AuditLog.id.desc()).limit(1)
        ).first()
        if entry is not None and (best is None or entry.at > best[1]):
            best = (entry.operator, entry.at)
    return best


def _after_flush(session: Session, _context: Any) -> None:
    """New rows only get their id during the flush; copy it onto their 'create' entries."""
    pending = session.info.pop("audit_pending_create", [])
    for obj, entry in pending:
        entry.entity_id = obj.id


def install() -> None:
    global _installed
    if _installed:
        return
    event.listen(Session, "before_flush", _before_flush)
    event.listen(Session, "after_flush_postexec", _after_flush)
    _installed = True
