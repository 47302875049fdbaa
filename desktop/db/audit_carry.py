"""Going back to an earlier copy of the database (a restore, a merge undo) without losing the 操作日志 written since.

The earlier copy's log ends where the copy was taken. The rows the replaced database wrote after that are read
from it first and appended to the copy in the same transaction as the step's own row (恢复备份 / 撤销合并); each
carried row keeps its id and time and is marked `reverted_by` that row, because the change it describes is no
longer in the data. Readers that treat the log as data (the exchange's conflict detection, tombstones and
"changed since") skip rows so marked.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, func, insert, select, text, update
from sqlalchemy.orm import Session

from desktop.db.models import AuditLog

_TABLE = AuditLog.__table__
_CHAIN_COLUMNS = ("chain_seq", "row_hash")  # re-linked in the copy when it has a tamper-evidence chain


def newest_id(conn: Connection | Session) -> int:
    return conn.execute(select(func.max(_TABLE.c.id))).scalar() or 0


def rows_after(conn: Connection, after_id: int) -> list[dict[str, Any]]:
    """The log rows with an id above `after_id`, as plain dicts of the columns both schemas know."""
    present = {row[1] for row in conn.execute(text("PRAGMA table_info(audit_log)"))} \
        if conn.dialect.name == "sqlite" else {c.name for c in _TABLE.columns}
    columns = [c for c in _TABLE.columns if c.name in present and c.name not in _CHAIN_COLUMNS]
    result = conn.execute(select(*columns).where(_TABLE.c.id > after_id).order_by(_TABLE.c.id))
    return [dict(row._mapping) for row in result]


def rows_after_in_file(path: Path, after_id: int) -> list[dict[str, Any]]:
    """`rows_after` for a database file opened read-only (the file being replaced is never written)."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
    try:
        with engine.connect() as conn:
            return rows_after(conn, after_id)
    finally:
        engine.dispose()


def carry_over(session: Session, rows: list[dict[str, Any]], *, action: str, entity: str,
               entity_id: int | None = None, field: str | None = None, old: str | None = None,
               new: str | None = None) -> AuditLog:
    """Append `rows` (taken from the replaced database, all newer than this one's log) and then the step's own row,
    marking the carried rows as taken back by it. Returns the step's row (flushed, so it has its id)."""
    newest = newest_id(session)
    if any(r["id"] <= newest for r in rows):
        raise ValueError("carried rows must be newer than the log they are appended to")
    if rows:
        session.execute(insert(_TABLE), rows)
    entry = AuditLog(operator=session.info.get("operator") or "系统", action=action, entity=entity,
                     entity_id=entity_id, field=field, old_value=old, new_value=new)
    session.add(entry)
    session.flush()
    if rows:
        session.execute(update(_TABLE).where(_TABLE.c.id.in_([r["id"] for r in rows]),
                                             _TABLE.c.reverted_by.is_(None)).values(reverted_by=entry.id))
    return entry
