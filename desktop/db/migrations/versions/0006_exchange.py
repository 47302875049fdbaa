"""Offline exchange between offices: the exchange history and the per-peer baselines used to detect conflicts.

Deletions need no table of their own: the audit log already keeps a 'delete' entry with the row's UUID, and those
entries are what a package carries as tombstones.

Revision ID: 0006_exchange
Revises: 0004_field
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_exchange"
down_revision = "0004_field"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("peer_name", sa.String(length=128), nullable=False),
        sa.Column("peer_office_id", sa.String(length=36), nullable=True),
        sa.Column("operator", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.JSON(), nullable=True),
        sa.Column("counts", sa.JSON(), nullable=True),
        sa.Column("file_name", sa.Text(), nullable=True),
        sa.Column("backup_path", sa.Text(), nullable=True),
        sa.Column("audit_high_water", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_record")),
    )
    op.create_index("ix_exchange_record_package", "exchange_record", ["package_id", "direction"], unique=False)
    op.create_table(
        "exchange_baseline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer_name", sa.String(length=128), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_uuid", sa.String(length=36), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_baseline")),
        sa.UniqueConstraint("peer_name", "entity_uuid", name="uq_exchange_baseline_peer_row"),
    )


def downgrade() -> None:
    op.drop_table("exchange_baseline")
    op.drop_index("ix_exchange_record_package", table_name="exchange_record")
    op.drop_table("exchange_record")
