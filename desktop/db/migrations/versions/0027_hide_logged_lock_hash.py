"""The password lock's salt and hash gone from the 操作日志 rows that older versions wrote (issue 18).

Versions before the audit hook learnt to describe the lock (desktop/db/audit `_lock_text`) logged the setting's
value as it is stored: the scrypt salt, parameters and hash. The window only hid them, yet anyone with sqlite3 (or
a copy of the file) could read them and try passwords offline. Here each such value is replaced by the words the
log uses today (已设置密码（…；密码本身不记录）), keeping the idle minutes the row recorded, so what the row says
stays true. The rows are hashed into the tamper-evidence chain, so, as 0023 did for the shared key, the chain is
re-linked from the first changed row and one `rechain` row says so (how many rows, from which place, what was
hidden): `keyproj check` verifies the new chain and compares only backups made after that row, as after a restore.
No other row is touched; nothing happens at all in a database without such rows. Backups made before the
upgrade still hold the old rows (they are the office's own copies, and not rewritten).

Revision ID: 0027_hide_logged_lock_hash
Revises: 0026_issue_found_on_optional
"""

from __future__ import annotations

import json
from datetime import datetime

import sqlalchemy as sa
from alembic import op

from desktop.db import audit_chain

revision = "0027_hide_logged_lock_hash"
down_revision = "0026_issue_found_on_optional"
branch_labels = None
depends_on = None

LOCK = "app_lock"


def lock_text(value: object) -> str:
    """The lock as the log shows it (frozen copy of desktop/db/audit `_lock_text` at this revision)."""
    if not isinstance(value, dict) or not value.get("hash"):
        return "未设置密码"
    try:
        minutes = int(value.get("idle_minutes", 10) or 0)
    except (TypeError, ValueError):
        minutes = 10
    return f"已设置密码（{f'无操作{minutes}分钟自动锁定' if minutes else '不自动锁定'}；密码本身不记录）"


def _hidden(value: str | None) -> str | None:
    """The words for a logged value that carries the hash; None when the value is already safe to keep."""
    if value is None or not value.lstrip().startswith("{"):
        return None
    try:
        parsed = json.loads(value)
    except ValueError:
        parsed = None
    if isinstance(parsed, dict) and not parsed.get("hash") and "salt" not in parsed:
        return None
    if isinstance(parsed, dict):
        return lock_text(parsed)
    return "已设置密码（密码本身不记录）"  # unreadable JSON that still looks like the stored value: hide it whole


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, chain_seq, old_value, new_value FROM audit_log "
                                "WHERE entity = 'app_setting' AND field = :key ORDER BY id"), {"key": LOCK}).all()
    changed = []
    for row in rows:
        old, new = _hidden(row.old_value), _hidden(row.new_value)
        if old is None and new is None:
            continue
        bind.execute(sa.text("UPDATE audit_log SET old_value = :old, new_value = :new WHERE id = :id"),
                     {"old": row.old_value if old is None else old, "new": row.new_value if new is None else new,
                      "id": row.id})
        changed.append(row)
    if not changed:
        return
    seqs = [r.chain_seq for r in changed if r.chain_seq is not None]
    start = min(seqs) if seqs else None
    if start is not None:  # unlink from the first changed row on; `seal` links them again in id order
        bind.execute(sa.text("UPDATE audit_log SET chain_seq = NULL, row_hash = NULL WHERE chain_seq >= :start"),
                     {"start": start})
    where = f"自第{start}条起重新连接校验链" if start is not None else "这些记录尚未连入校验链"
    ids = "、".join(str(r.id) for r in changed[:20]) + ("等" if len(changed) > 20 else "")
    insert = sa.text("INSERT INTO audit_log (at, operator, action, entity, field, old_value, new_value) "
                     "VALUES (:at, '系统', 'rechain', 'audit_log', 'app_lock', NULL, :note)")
    bind.execute(insert.bindparams(sa.bindparam("at", type_=sa.DateTime())),
                 {"at": datetime.now().replace(microsecond=0),
                  "note": f"升级时隐藏了 {len(changed)} 条操作日志（编号 {ids}）中密码锁的盐值和密码哈希"
                          f"（改记为“已设置密码”及自动锁定时间），{where}"})
    audit_chain.seal(bind)


def downgrade() -> None:
    pass  # the hidden salts and hashes are not brought back (they were never meant to be in the log)
