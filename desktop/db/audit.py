"""The audit log is written by the session itself, so no service can forget it.

Before every flush, each new, changed or deleted row produces AuditLog rows carrying the operator stored in the
session's info. Column changes are logged field by field with old and new values; the audit table itself and the
bookkeeping columns are skipped. Rows removed from a delete-orphan collection (a journal entry taken off its issue)
are logged as deleted here too: SQLAlchemy only marks them for deletion later in the flush, after this hook ran.
Many-to-many links (配合单位, 关联问题) are logged by the names linked before and after; office settings
(`AppSetting`) per key.

Besides the hook there is one writer, `record_step`: an undo or redo says in its own row what it undid, so the
log never shows field changes nobody asked for. When a transaction commits, its rows are linked into the
tamper-evidence chain (`audit_chain.seal`), whoever wrote them.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from desktop.db import audit_chain
from desktop.db.models import AppSetting, AuditLog, RowMixin

_SKIPPED_FIELDS = {"created_at", "updated_at", "version", "uuid", "id", "revision", "origin_office", "revised_by"}
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
    """What a created or deleted row was, in its own words (a journal entry's whole text: it is the record)."""
    for attr in ("name", "title", "description", "text", "topic", "content"):
        value = getattr(obj, attr, None)
        if value:
            return str(value)[:2000]
    return ""


# Settings that are keys: the 操作日志 (shown in the window, printed, read by anyone at the desk) says that they were
# set or changed, never their value, which would let a reader sign forms as this office. (The exchange's shared
# key is gone since 0023: packages are signed with the office key, kept outside the database.)
SECRET_SETTINGS = frozenset({"feedback_secret"})
SECRET_SHOWN = "（密钥，不显示）"
LOCK_SETTING = "app_lock"  # services/app_lock.py: the password lock's salted hash and idle minutes


def _lock_text(value: Any) -> str:
    """The password lock as the log shows it: set or not, and the idle minutes; never the salt and hash, which
    would let a reader guess the password offline."""
    if not isinstance(value, dict) or not value.get("hash"):
        return "未设置密码"
    minutes = int(value.get("idle_minutes", 10) or 0)
    return f"已设置密码（{f'无操作{minutes}分钟自动锁定' if minutes else '不自动锁定'}；密码本身不记录）"


ENCRYPTION_SETTING = "office_encryption"  # services/encryption/office_key.py: public key, passphrase-wrapped private key


def _encryption_text(value: Any) -> str | None:
    """Encryption as the log shows it: on or off and the key's fingerprint; never the wrapped private key (a copy
    of it would let a reader try passphrases offline), so a changed passphrase reads 口令已更换."""
    if not isinstance(value, dict) or not value.get("public_key"):
        return None
    try:
        digest = hashlib.sha256(base64.b64decode(str(value["public_key"]))).hexdigest()[:32].upper()
    except ValueError:
        digest = "?" * 32
    shown = " ".join(digest[i:i + 4] for i in range(0, 32, 4))
    state = "已开启加密备份和数据包" if value.get("enabled") else "已关闭加密（密钥保留，以前的加密备份仍可恢复）"
    return f"{state}（密钥指纹 {shown}；口令和私钥不记录）"


def _setting_text(value: Any, key: str = "") -> str | None:
    if key == LOCK_SETTING:
        return _lock_text(value)
    if key == ENCRYPTION_SETTING:
        return _encryption_text(value)
    if value is None:
        return None
    return SECRET_SHOWN if key in SECRET_SETTINGS else json.dumps(value, ensure_ascii=False)


def _setting_entries(session: Session, operator: str) -> list[AuditLog]:
    entries = []
    for obj in session.new:
        if isinstance(obj, AppSetting):
            entries.append(AuditLog(operator=operator, action="create", entity="app_setting", field=obj.key,
                                    new_value=_setting_text(obj.value, obj.key)))
    for obj in session.dirty:
        if not isinstance(obj, AppSetting):
            continue
        history = inspect(obj).attrs["value"].history
        if not history.has_changes():
            continue
        old = _setting_text(history.deleted[0], obj.key) if history.deleted else None
        new = _setting_text(history.added[0], obj.key) if history.added else None
        if obj.key == LOCK_SETTING and old == new and history.deleted != history.added:
            new = f"{new}（密码已更换）"  # a new password with the same idle minutes reads the same otherwise
        if obj.key == ENCRYPTION_SETTING and old == new and history.deleted != history.added:
            new = f"{new}（加密口令已更换）"
        if old != new or (obj.key in SECRET_SETTINGS and history.deleted != history.added):
            entries.append(AuditLog(operator=operator, action="update", entity="app_setting", field=obj.key,
                                    old_value=old, new_value=new))
    return entries


def _link_entries(session: Session, operator: str) -> list[AuditLog]:
    """Many-to-many links (an issue's 配合单位, a decided item's 关联问题) changed on existing rows: one row each,
    the linked records' names before and after."""
    entries = []
    for obj in session.dirty:
        if not isinstance(obj, RowMixin) or obj.id is None:
            continue
        state = inspect(obj)
        for rel in state.mapper.relationships:
            if rel.secondary is None:
                continue
            history = state.attrs[rel.key].history  # a collection replaced or edited is loaded already
            if not history.added and not history.deleted:
                continue
            before = [*history.unchanged, *history.deleted]
            after = [*history.unchanged, *history.added]
            old, new = ("、".join(sorted(_summary(o) for o in rows)) or None for rows in (before, after))
            if old != new:
                entries.append(AuditLog(operator=operator, action="update", entity=obj.__tablename__,
                                        entity_id=obj.id, entity_uuid=_text(obj.uuid), field=rel.key,
                                        old_value=old, new_value=new))
    return entries


def _orphans(session: Session) -> list[RowMixin]:
    """Rows taken off a delete-orphan collection in this flush, which the flush will delete."""
    found: list[RowMixin] = []
    for obj in session.dirty:
        if not isinstance(obj, RowMixin):
            continue
        state = inspect(obj)
        for rel in state.mapper.relationships:
            if not rel.cascade.delete_orphan:
                continue
            for child in state.attrs[rel.key].history.deleted:
                if isinstance(child, RowMixin) and child.id is not None and child not in session.deleted:
                    found.append(child)
    return found


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
    for obj in (*session.deleted, *_orphans(session)):
        if isinstance(obj, RowMixin):
            entries.append(
                AuditLog(operator=operator, action="delete", entity=obj.__tablename__, entity_id=obj.id,
                         entity_uuid=_text(obj.uuid), old_value=_summary(obj))
            )
    entries += _link_entries(session, operator)
    entries += _setting_entries(session, operator)
    source = session.info.get("audit_source")  # e.g. "merge:<peer>": set by the program, never by a user
    for entry in entries:
        entry.source = source
    if entries:
        session.add_all(entries)


def record_step(session: Session, action: str, entity: str, entity_id: int | None, step: str, old: str | None,
                new: str | None) -> None:
    """One row for an undo or redo (`action` "undo"/"redo") of `step` (e.g. 添加进展) on one record: `old` and
    `new` say what the record was and became. The field-by-field changes of the same transaction are logged by
    the hook as always; this row says why they happened."""
    if action not in ("undo", "redo"):
        raise ValueError(f"not a step action: {action}")
    session.add(AuditLog(operator=session.info.get("operator") or "系统", action=action, entity=entity,
                         entity_id=entity_id, field=step[:64], old_value=old, new_value=new,
                         source=session.info.get("audit_source")))


def last_change(session: Session, rows: list[tuple[str, int]]) -> tuple[str, datetime] | None:
    """Who last changed any of `rows` ((table, id) pairs) and when: for telling a user whose edit won."""
    best: tuple[str, datetime] | None = None
    for table, row_id in rows:
        entry = session.scalars(
            select(AuditLog).where(AuditLog.entity == table, AuditLog.entity_id == row_id,
                                   AuditLog.reverted_by.is_(None))
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


def _seal_on_commit(session: Session) -> None:
    """Link this transaction's log rows into the tamper-evidence chain, after its last flush: the rows' ids (and a
    create entry's entity_id, filled in after the flush) are final only then.

    Only when the transaction itself commits, not when a savepoint inside it is released (before_commit fires for
    both): the outer commit links every row its savepoints wrote, and a dry run, rolled back, hashes nothing (a
    50,000-row import releases dozens of savepoints over 170,000 log rows)."""
    if session.in_nested_transaction():
        return
    for _ in range(100):
        if not (session.new or session.dirty or session.deleted):
            break
        session.flush()
    audit_chain.seal(session.connection())


def install() -> None:
    global _installed
    if _installed:
        return
    event.listen(Session, "before_flush", _before_flush)
    event.listen(Session, "after_flush_postexec", _after_flush)
    event.listen(Session, "before_commit", _seal_on_commit)
    _installed = True
