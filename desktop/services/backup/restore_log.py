"""The 操作日志 across a restore: the rows the replaced database wrote after the backup are carried into the
restored copy, then a 恢复备份 row says who restored which backup, from which file, and where the replaced data is.

This runs on the checked, unpacked copy before the swap, so the copy that goes live already holds them: a restore
either happens with its log or not at all. An older backup is first brought to this program's schema (it would be
at the next start anyway), so the carried rows keep every column. A replaced database that cannot be read (the
usual reason to restore) gives no rows; the 恢复备份 row then says so, and its file is kept aside by the swap.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from desktop.db import audit_carry
from desktop.db.engine import Database, make_engine, sqlite_url
from desktop.db.migrate import MigrationError, upgrade
from desktop.services import operators
from desktop.services.backup.archive import BackupError, BackupInfo


def carry_log(staged: Path, live: Path, info: BackupInfo, *, operator: str, safety: Path | None,
              aside: Path, list_operator: bool = False) -> int:
    """Append to `staged` the log rows `live` wrote after the backup, and the 恢复备份 row. Returns that row's id.

    `list_operator`: the operator was admitted by name (`keyproj restore --operator`); a name the backup's list
    lacks (added later, or by --add-operator) is put on the restored list in the same transaction, so the
    restored data's 操作人名单 names who restored it (the audit hook logs the change)."""
    engine = make_engine(sqlite_url(str(staged)), pool=False)
    try:
        _upgrade_copy(engine)
        with engine.connect() as conn:
            newest_in_backup = audit_carry.newest_id(conn)
        carried, unreadable = _rows_of_replaced(live, newest_in_backup)
        replaced = ("恢复前没有数据库文件" if not live.exists() else
                    "恢复前的数据库文件是空的" if live.stat().st_size == 0 else
                    f"恢复前的数据库无法读取，其操作日志未能并入（{unreadable}）" if unreadable else
                    f"恢复前的数据库：备份之后的 {len(carried)} 条操作记录保留在此，标为已撤回")
        where = [f"恢复前的数据已备份到 {safety}" if safety else "", f"原数据库文件保留在 {aside}" if live.exists() else ""]
        with Database(engine, operator=operator).transaction() as session:
            entry = audit_carry.carry_over(
                session, carried, action="restore", entity="database", field="备份文件",
                old="；".join(part for part in (replaced, *where) if part),
                new=f"{info.path.name}（{info.created_at:%Y-%m-%d %H:%M:%S} 创建，{info.reason}，"
                    f"操作日志至第 {newest_in_backup} 条；文件 {info.path}）")
            row_id = entry.id
            if list_operator:
                operators.add(session, operator)
    finally:
        engine.dispose()
    conn = sqlite3.connect(staged)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")  # fold the WAL into the file: it is renamed, its -wal is not
    finally:
        conn.close()
    return row_id


def _upgrade_copy(engine) -> None:  # type: ignore[no-untyped-def]
    scratch = Path(tempfile.mkdtemp(prefix="keyproj-restore-upgrade-"))
    try:
        upgrade(engine, backup_dir=scratch)  # the archive itself is the copy to go back to
    except MigrationError as exc:
        raise BackupError(f"备份中的数据库无法升级到本程序的数据结构，未做任何改动：{exc}") from exc
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        engine.dispose()


def _rows_of_replaced(live: Path, after_id: int) -> tuple[list[dict], str | None]:
    if not live.exists() or live.stat().st_size == 0:
        return [], None
    try:
        return audit_carry.rows_after_in_file(live, after_id), None
    except Exception as exc:  # damaged: restoring is how the office gets out of it, so it must not stop here
        return [], str(exc)[:200]
