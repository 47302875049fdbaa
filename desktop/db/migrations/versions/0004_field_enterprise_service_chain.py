"""Enterprise: the 一带三包 chain — 包联领导 (leader) and 工作组 (team) beside the existing 包联干部 (cadre).

Adding a foreign key on SQLite recreates the table (batch "move and copy"); `desktop.db.migrate` runs it with
foreign keys off so the issues and visits pointing at enterprises are kept.

Revision ID: 0004_field
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_field"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("enterprise", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("leader_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("team", sa.String(length=64), nullable=True))
        batch_op.create_foreign_key(op.f("fk_enterprise_leader_id_leader"), "leader", ["leader_id"], ["id"],
                                    ondelete="SET NULL")
        batch_op.create_index(batch_op.f("ix_enterprise_leader_id"), ["leader_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("enterprise", recreate="always") as batch_op:
        batch_op.drop_index(batch_op.f("ix_enterprise_leader_id"))
        batch_op.drop_constraint(op.f("fk_enterprise_leader_id_leader"), type_="foreignkey")
        batch_op.drop_column("team")
        batch_op.drop_column("leader_id")
