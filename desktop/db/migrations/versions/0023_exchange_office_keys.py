"""Exchange trust (issue 18): the table of paired offices' public keys, and the end of the stored shared key.

Packages are now signed with each office's Ed25519 key (kept outside the database, see services/exchange/keys),
so the HMAC key two offices used to share has no use left; it was stored in plain text in `app_setting` (and so in
every backup). The setting is removed. 操作日志 rows written by versions that logged settings before keys were
hidden carry it in plain text too: their values are replaced by the same "（密钥，不显示）" the log shows today.
Those rows are hashed into the tamper-evidence chain, so the chain is re-linked from the first such row, and one
`rechain` row says so (how many rows, from which place): `keyproj check` then compares only backups made after it,
as after a restore. No other row is touched; nothing happens at all in a database without such rows.

Revision ID: 0023_exchange_office_keys
Revises: 0022_record_revisions
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

from desktop.db import audit_chain

revision = "0023_exchange_office_keys"
down_revision = "0022_record_revisions"
branch_labels = None
depends_on = None

SHARED_KEY = "exchange_shared_key"
HIDDEN = "（密钥，不显示）"


def upgrade() -> None:
    op.create_table(
        "exchange_peer_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_peer_key")),
        sa.UniqueConstraint("office_id", name=op.f("uq_exchange_peer_key_office_id")),
        sa.UniqueConstraint("name", name=op.f("uq_exchange_peer_key_name")),
        sa.UniqueConstraint("public_key", name=op.f("uq_exchange_peer_key_public_key")),
    )
    bind = op.get_bind()
    bind.execute(sa.text("DELETE FROM app_setting WHERE key = :key"), {"key": SHARED_KEY})
    _hide_logged_keys(bind)


def _hide_logged_keys(bind: sa.Connection) -> None:
    leaking = sa.text("SELECT id, chain_seq FROM audit_log WHERE entity = 'app_setting' AND field = :key AND "
                      "((old_value IS NOT NULL AND old_value <> :hidden) OR "
                      "(new_value IS NOT NULL AND new_value <> :hidden)) ORDER BY id")
    rows = bind.execute(leaking, {"key": SHARED_KEY, "hidden": HIDDEN}).all()
    if not rows:
        return
    for column in ("old_value", "new_value"):
        bind.execute(sa.text(f"UPDATE audit_log SET {column} = :hidden WHERE entity = 'app_setting' AND field = :key "
                             f"AND {column} IS NOT NULL AND {column} <> :hidden"), {"key": SHARED_KEY, "hidden": HIDDEN})
    seqs = [r.chain_seq for r in rows if r.chain_seq is not None]
    start = min(seqs) if seqs else None
    if start is not None:  # unlink from the first changed row on; `seal` links them again in id order
        bind.execute(sa.text("UPDATE audit_log SET chain_seq = NULL, row_hash = NULL WHERE chain_seq >= :start"),
                     {"start": start})
    where = f"自第{start}条起重新连接校验链" if start is not None else "这些记录尚未连入校验链"
    insert = sa.text("INSERT INTO audit_log (at, operator, action, entity, field, old_value, new_value) "
                     "VALUES (:at, '系统', 'rechain', 'audit_log', 'exchange_shared_key', NULL, :note)")
    bind.execute(insert.bindparams(sa.bindparam("at", type_=sa.DateTime())),
                 {"at": datetime.now().replace(microsecond=0),
                  "note": f"升级时隐藏了 {len(rows)} 条操作日志中的共享密钥原文（共享密钥已停用，改用单位签名密钥），{where}"})
    audit_chain.seal(bind)


def downgrade() -> None:
    op.drop_table("exchange_peer_key")  # the removed shared key and the hidden values are not brought back
