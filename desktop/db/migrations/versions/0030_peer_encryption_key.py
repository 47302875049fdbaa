"""A paired office's encryption key (issue 18): `exchange_peer_key.encryption_key`, the X25519 public key a
package for that office is sealed to when 加密备份和数据包 is on (services/exchange/sealed_package).

Nullable: offices paired before carry none until they hand over a new .kpk (registering it again adds the key to
the same row, audited). Every row is kept as it is; the downgrade drops only the new column.

Revision ID: 0030_peer_encryption_key
Revises: 0029_feedback_requests
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0030_peer_encryption_key"
down_revision = "0029_feedback_requests"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("exchange_peer_key") as batch_op:
        batch_op.add_column(sa.Column("encryption_key", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("exchange_peer_key") as batch_op:
        batch_op.drop_column("encryption_key")
