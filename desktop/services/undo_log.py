"""The 操作日志 row of one undo or redo: which step, and the record's fields before and after, in the office's words.

The session's audit hook logs the field changes an undo makes like any edit; this row says that they were an undo
(or a redo) and of what, so nobody reading the log sees a 最新进展 or a 状态 change that nobody typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime

from sqlalchemy.orm import Session

from desktop.db import audit
from desktop.services.audit_log import reference_names, value_text
from desktop.services.table_labels import field_label

Values = Mapping[str, object]


def stored_text(value: object) -> str | None:
    """A Python value as the audit log stores it (the same text the hook writes)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def describe(session: Session, table: str, old: Values, new: Values,
             extra: Iterable[tuple[str, str, str]] = ()) -> tuple[str, str]:
    """("最新进展：A；状态：已销号", "最新进展：（空）；状态：已办结") for the fields that differ, plus `extra`
    (label, old text, new text) lines such as journal entries withdrawn."""
    changed = [name for name in new if stored_text(old.get(name)) != stored_text(new.get(name))]
    triples = [(name, stored_text(old.get(name)), stored_text(new.get(name))) for name in changed]
    names = reference_names(session, triples)
    before, after = [], []
    for name, was, now in triples:
        label = field_label(name, table)
        before.append(f"{label}：{value_text(name, was, table, names) or '（空）'}")
        after.append(f"{label}：{value_text(name, now, table, names) or '（空）'}")
    for label, was, now in extra:
        before.append(f"{label}：{was or '（空）'}")
        after.append(f"{label}：{now or '（空）'}")
    return "；".join(before) or "（无变化）", "；".join(after) or "（无变化）"


def record(session: Session, action: str, table: str, row_id: int | None, step: str, old: Values, new: Values,
           extra: Iterable[tuple[str, str, str]] = ()) -> None:
    """Write the row for undoing (`action` "undo") or redoing ("redo") `step` on one record."""
    was, now = describe(session, table, old, new, extra)
    audit.record_step(session, action, table, row_id, step, was, now)
