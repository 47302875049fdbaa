"""Undoing the last merge.

Undo design (SQLite): the merge is undone as a whole by copying that pre-merge backup back into the database. This
is exact (cascades, links included) but would also discard anything written after the merge, so it is allowed
only while the merge is the last thing that happened: no audit entry and no exchange since. The merge's own
操作日志 rows are not discarded: they are carried into the copy, marked as taken back, followed by a 撤销合并 row
(`desktop.db.audit_carry`), and the copy is prepared whole before it replaces the database. On PostgreSQL there is
no file backup to return to, so undo is refused with that reason.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from desktop.db import audit_carry
from desktop.db.engine import Database, make_engine, sqlite_url
from desktop.db.models import AuditLog, ExchangeRecord
from desktop.errors import UserError
from desktop.workspace import Workspace


def undo_last_merge(workspace: Workspace) -> ExchangeRecord:
    """Return the database to its state before the last merge (see the module docstring for when that is safe)."""
    with workspace.db.read() as session:
        last = session.scalars(select(ExchangeRecord).order_by(ExchangeRecord.id.desc()).limit(1)).first()
        high_water = session.scalar(select(func.max(AuditLog.id)))
    if last is None or last.direction != "received":
        raise UserError("没有可以撤销的合并：最近一次数据交换不是导入合并。")
    if not workspace.db.is_sqlite or not last.backup_path:
        raise UserError("当前数据库不是本机 SQLite 文件，合并前没有文件备份，无法撤销。请从服务器备份恢复。")
    if high_water != last.audit_high_water:
        raise UserError(f"合并（来自「{last.peer_name}」，{last.at:%Y-%m-%d %H:%M}）之后已有新的修改，"
                        "撤销会丢失这些修改，因此不能自动撤销。如确需回到合并前，请用“恢复备份”手动恢复："
                        f"{last.backup_path}")
    backup = Path(last.backup_path)
    if not backup.exists():
        raise UserError(f"合并前的备份文件不见了：{backup}，无法撤销。")
    with workspace.db.read() as session:
        carried = audit_carry.rows_after(session.connection(), _newest_audit_id(backup))
    staged = _undo_copy(workspace, backup, last, carried)
    try:
        workspace.db.engine.dispose()
        raw = workspace.db.engine.raw_connection()
        try:
            live: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
            source = sqlite3.connect(staged)
            try:
                source.backup(live)  # one write transaction: the pre-merge data with the log carried over, or nothing
            finally:
                source.close()
        finally:
            raw.close()
        workspace.db.engine.dispose()
    finally:
        staged.unlink(missing_ok=True)
    with workspace.db.read() as session:
        return session.scalars(select(ExchangeRecord).order_by(ExchangeRecord.id.desc()).limit(1)).one()


def _newest_audit_id(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT max(id) FROM audit_log").fetchone()[0] or 0
    finally:
        conn.close()


def _stamp_taken_back(workspace: Workspace, staged: sqlite3.Connection) -> None:
    """Every record the merge changed comes back with its pre-merge values as a NEW revision of this office,
    above the one merged. The sender remembers that we hold what it sent (its baseline, written at export); were
    the old revision number put back, our next edit would carry a number it takes for its own past, and our
    package would be judged older ("已是较新版本") and never arrive: the two offices would not converge. Taking a
    merge back is a change made here, as an issue undo is. Rows the merge added are gone (the sender keeps its
    own and sends them again); rows it deleted come back as they were."""
    raw = workspace.db.engine.raw_connection()
    try:
        live: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        for (table,) in staged.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            columns = {row[1] for row in staged.execute(f'PRAGMA table_info("{table}")')}
            if not {"uuid", "revision", "revised_by"} <= columns:
                continue
            merged = dict(live.execute(f'SELECT uuid, revision FROM "{table}"').fetchall())
            before = staged.execute(f'SELECT uuid, revision FROM "{table}"').fetchall()
            bumped = [(merged[key] + 1, key) for key, revision in before
                      if key in merged and merged[key] != revision]
            staged.executemany(f'UPDATE "{table}" SET revision = ?, revised_by = NULL WHERE uuid = ?', bumped)
        staged.commit()
    finally:
        raw.close()


def _undo_copy(workspace: Workspace, backup: Path, last: ExchangeRecord, carried: list[dict[str, Any]]) -> Path:
    """A temporary copy of the pre-merge backup with the log rows written since (the merge's own) carried over,
    the 撤销合并 row and the history entry added: what the database becomes, prepared before it is touched."""
    handle, name = tempfile.mkstemp(prefix=".撤销合并_", suffix=".sqlite3", dir=backup.parent)
    os.close(handle)
    staged = Path(name)
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(staged)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
            _stamp_taken_back(workspace, target)
        finally:
            target.close()
            source.close()
        engine = make_engine(sqlite_url(str(staged)), pool=False)
        try:
            database = Database(engine, operator=workspace.db.operator)
            with database.transaction() as session:
                record = ExchangeRecord(
                    package_id=last.package_id, direction="undone", peer_name=last.peer_name,
                    peer_office_id=last.peer_office_id, operator=workspace.db.operator, scope=last.scope,
                    counts=last.counts, file_name=last.file_name, backup_path=last.backup_path)
                session.add(record)
                session.flush()
                file_text = f"，文件 {last.file_name}" if last.file_name else ""
                audit_carry.carry_over(
                    session, carried, action="undo_merge", entity="exchange_record", entity_id=record.id,
                    field="合并数据包",
                    old=f"{last.at:%Y-%m-%d %H:%M:%S} 合并「{last.peer_name}」数据包（编号 {last.package_id[:8]}{file_text}）",
                    new=f"已回到合并前的备份 {backup.name}；合并写入的 {len(carried)} 条操作记录保留，标为已撤回")
        finally:
            engine.dispose()
        conn = sqlite3.connect(staged)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")  # fold any WAL back into the file before it is copied
        finally:
            conn.close()
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return staged
