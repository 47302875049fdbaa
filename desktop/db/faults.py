"""What a failed write means for the user: disk full, read-only folder, failing disk, database busy.

SQLite reports these as OperationalError with short English texts; the app shows a Chinese sentence that says
what happened, that nothing was half-written (the transaction was rolled back), and what to do.
"""

from __future__ import annotations

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
