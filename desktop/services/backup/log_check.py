"""`keyproj check` on the 操作日志: the hash chain row by row, then its end against the newest backup.

Deleting the newest rows leaves a shorter chain that still verifies, so the chain's head is kept in every backup's
manifest; the database must still hold that row with that hash. Only backups made after the last 恢复备份,
撤销合并 or 重新连接校验链 (an upgrade that had to hide a key logged in plain text) count: going back to an earlier copy starts the chain again from that copy, with the rows written since
carried over and re-linked (marked as taken back), so an older manifest's head no longer applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, text

from desktop.db import audit_chain
from desktop.db.integrity import connect_read_only
from desktop.services.backup.archive import BackupInfo, list_backups


@dataclass(frozen=True)
class LogCheck:
    lines: list[str] = field(default_factory=list)
    ok: bool = True


def check_log(db_file: Path, data_dir: Path) -> LogCheck:
    chain = audit_chain.verify_file(db_file)
    if not chain.present:
        return LogCheck(chain.lines(), ok=True)  # upgraded at the next start; nothing to compare yet
    lines = chain.lines()
    tail_line, tail_ok = _against_newest_backup(db_file, data_dir)
    if tail_line:
        lines.append(tail_line)
    return LogCheck(lines, chain.ok and tail_ok)


def _against_newest_backup(db_file: Path, data_dir: Path) -> tuple[str | None, bool]:
    engine = create_engine("sqlite://", creator=lambda: connect_read_only(db_file))
    try:
        with engine.connect() as conn:
            reset = _last_reset(conn)
            backup = _newest_applicable(data_dir, reset)
            if backup is None or backup.audit_head is None:
                return None, True
            seq, expected = backup.audit_head
            now = audit_chain.head(conn)
            have = now[0] if now else 0
            when = f"{backup.created_at:%Y-%m-%d %H:%M}的备份 {backup.path.name}"
            if have < seq:
                return (f"操作日志末尾有记录被删除：{when}中操作日志已有 {seq} 条，现在只有 {have} 条"
                        f"（第{have}条之后的 {seq - have} 条不见了）"), False
            if audit_chain.hash_at(conn, seq) != expected:
                return f"操作日志与{when}不一致：第{seq}条及以前有记录被修改或替换", False
            return f"操作日志与{when}一致（前 {seq} 条）", True
    finally:
        engine.dispose()


def _last_reset(conn) -> datetime | None:  # type: ignore[no-untyped-def]
    value = conn.execute(text("SELECT max(at) FROM audit_log WHERE action IN ('restore', 'undo_merge', 'rechain')")).scalar()
    if value is None:
        return None
    try:
        return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _newest_applicable(data_dir: Path, reset: datetime | None) -> BackupInfo | None:
    for item in list_backups(data_dir):
        if not isinstance(item, BackupInfo) or item.audit_head is None:
            continue
        if reset is not None and item.created_at <= reset:
            return None  # made before the chain started again
        return item
    return None
