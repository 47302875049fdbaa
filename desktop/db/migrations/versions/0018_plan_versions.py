"""包保方案 versions: the plan and its revisions as the office issued them (name, 文号, date, reason).

One new table; no existing row is touched.

Revision ID: 0018_plan_versions
Revises: 0017_audit_marks
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_plan_versions"
down_revision = "0017_audit_marks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_version",
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("doc_number", sa.String(length=64), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_version")),
        sa.UniqueConstraint("issued_on", name=op.f("uq_plan_version_issued_on")),
        sa.UniqueConstraint("uuid", name=op.f("uq_plan_version_uuid")),
    )


def downgrade() -> None:
    op.drop_table("plan_version")
