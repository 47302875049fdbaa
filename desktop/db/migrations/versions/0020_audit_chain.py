"""Tamper evidence for the 操作日志: `chain_seq` and `row_hash` on every row (desktop.db.audit_chain), and the
existing rows linked in id order, every row kept as it was.

From here on each transaction links its own rows when it commits. The hash is computed by the program's own
`audit_chain.digest`, whose fields and text form are fixed for this reason.

Revision ID: 0020_audit_chain
Revises: 0019_feedback_rounds
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.db import audit_chain

revision = "0020_audit_chain"
down_revision = "0019_feedback_rounds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("chain_seq", sa.Integer(), nullable=True))
    op.add_column("audit_log", sa.Column("row_hash", sa.String(length=64), nullable=True))
    op.create_index("ix_audit_log_chain_seq", "audit_log", ["chain_seq"], unique=True)
    audit_chain.seal(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_audit_log_chain_seq", table_name="audit_log")
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_column("row_hash")
        batch_op.drop_column("chain_seq")
