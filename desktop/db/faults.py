"""What a failed write means for the user: disk full, read-only folder, failing disk, database busy.

SQLite reports these as OperationalError with short English texts; the app shows a Chinese sentence that says
what happened, that nothing was half-written (the transaction was rolled back), and what to do.
"""

from __future__ import annotations

import errno
import re
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

_KNOWN = (
    (("database or disk is full", "disk is full", "no space left", "file too large"),
     "磁盘空间已满（或超出文件大小限制），本次修改未保存，已有数据未受影响。请清理磁盘空间或把数据文件夹移到空间充足的磁盘后重试。"),
    (("readonly database", "read-only", "read only"),
     "数据文件夹是只读的（可能是只读U盘、权限不足或被其他程序锁定），本次修改未保存，已有数据未受影响。请检查文件夹权限后重试。"),
    (("disk i/o error", "input/output error"),
     "写入磁盘失败（磁盘已满、超出文件大小限制，或磁盘/U盘有故障、已被拔出），本次修改未保存，已有数据未受影响。"
     "请检查磁盘空间和磁盘后重启程序；如仍出错请用“文件 → 备份与恢复”从备份恢复。"),
    (("database is locked", "database table is locked"),
     "数据库正被另一个程序占用（可能同时打开了两个窗口或正在备份），本次修改未保存。请稍后重试。"),
    (("unable to open database file",),
     "无法打开数据库文件（文件夹不存在、无权限或磁盘已被拔出），本次修改未保存。"),
)


def storage_message(exc: BaseException) -> str | None:
    """A Chinese explanation when `exc` is a storage fault, otherwise None (the error is a bug, let it show)."""
    text = str(exc.orig if isinstance(exc, DBAPIError) else exc).lower()
    for needles, message in _KNOWN:
        if any(n in text for n in needles):
            return message
    return None


_DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DISK_FULL_TEXTS = ("database or disk is full", "disk is full", "no space left", "file too large")
MB = 1024 * 1024


def is_disk_full(exc: BaseException) -> bool:
    """A write refused for want of room: ENOSPC/EFBIG/EDQUOT from the OS, or SQLite's SQLITE_FULL."""
    inner = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(inner, OSError) and inner.errno in _DISK_FULL_ERRNOS:
        return True
    text = str(inner).lower()
    return any(n in text for n in _DISK_FULL_TEXTS)


def free_bytes(folder: Path) -> int | None:
    """Room left on the disk holding `folder` (its nearest existing parent), None when it cannot be asked."""
    probe = Path(folder)
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free
    except OSError:
        return None


def disk_full_message(folder: Path, needed: int, what: str) -> str:
    """"磁盘空间不足，还需约 N MB" with what needs it and where; the caller has removed what was half-written."""
    free = free_bytes(folder)
    short = needed - free if free is not None else 0
    head = f"磁盘空间不足，还需约 {max(short, 1) / MB:.1f} MB" if short > 0 else "磁盘空间不足"
    have = f"，{folder} 所在磁盘只剩约 {free / MB:.1f} MB" if free is not None else ""
    return (f"{head}：{what}需要约 {max(needed, 1) / MB:.1f} MB{have}。{what}未完成，写了一半的文件已删除，"
            "已有数据未受影响。请清理磁盘空间，或把数据文件夹移到空间充足的磁盘后重试。")


_DAMAGE = ("could not decode to utf-8", "database disk image is malformed", "file is not a database",
           "malformed database schema")
_COLUMN = re.compile(r"could not decode to utf-8 column '([^']+)'", re.IGNORECASE)


def is_damage(exc: BaseException) -> bool:
    """True when a read failed because the file is broken (not because of a bug or a busy disk)."""
    text = str(exc.orig if isinstance(exc, DBAPIError) else exc).lower()
    return any(n in text for n in _DAMAGE)


def damage_message(exc: BaseException, database_file: Path | None) -> tuple[str, tuple[str, ...]]:
    """A Chinese sentence for a damaged read, naming the table (and row) where the file can be scanned, and the
    tables it names. An English "Could not decode to UTF-8" never reaches the user."""
    from desktop.db.integrity import connect_read_only, undecodable_text
    from desktop.db.table_names import table_label

    text = str(exc.orig if isinstance(exc, DBAPIError) else exc)
    advice = ("请不要继续写入，用“文件 → 备份与恢复”从最近的完好备份恢复（命令行：keyproj check 列出全部损坏之处，"
              "keyproj restore 恢复备份）。")
    column = _COLUMN.search(text)
    if column is None:
        return ("数据库文件已损坏（部分数据页无法读取，可能是磁盘坏道、断电或复制中断所致），本次操作未完成。" + advice, ())
    found = []
    if database_file is not None and database_file.exists():
        try:
            conn = connect_read_only(database_file)
            try:
                found = undecodable_text(conn, columns={column.group(1)}, limit=20)
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            found = []
    tables = tuple(dict.fromkeys(d.table for d in found))
    if found:
        first = found[0]
        where = f"「{table_label(first.table)}」表（{first.table}）第 {first.rowid} 行的 {first.column} 字段"
        more = f"等 {len(found)} 处" if len(found) > 1 else ""
    else:
        where, more = f"{column.group(1)} 字段", ""
    return (f"数据库文件已损坏：{where}{more}中有无法读取的文字（可能是磁盘坏道、断电或复制中断所致），本次操作未完成。"
            + advice, tables)
