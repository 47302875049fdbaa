"""督办 instruments (提示单 / 督办单 / 催办通知) and the items each one named.

Two new tables; no existing row is touched.

Revision ID: 0016_supervision
Revises: 0015_fill_templates
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_supervision"
down_revision = "0015_fill_templates"
branch_labels = None
depends_on = None


def _row_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "supervision_notice",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("reply_due", sa.Date(), nullable=False),
        sa.Column("requirement", sa.Text(), nullable=False),
        sa.Column("operator", sa.String(length=64), nullable=True),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("reply_text", sa.Text(), nullable=True),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("withdrawn_reason", sa.Text(), nullable=True),
        *_row_columns(),
        sa.CheckConstraint("kind IN ('reminder', 'notice', 'urge')", name=op.f("ck_supervision_notice_kind_known")),
        sa.CheckConstraint("number > 0", name=op.f("ck_supervision_notice_number_positive")),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_supervision_notice_unit_id_unit"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_notice")),
        sa.UniqueConstraint("kind", "year", "number", name="uq_supervision_notice_kind_year_number"),
        sa.UniqueConstraint("uuid", name=op.f("uq_supervision_notice_uuid")),
    )
    op.create_index("ix_supervision_notice_unit_id", "supervision_notice", ["unit_id"], unique=False)
    op.create_table(
        "supervision_item",
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("issue_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("days_overdue", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        *_row_columns(),
        sa.ForeignKeyConstraint(["notice_id"], ["supervision_notice.id"],
                                name=op.f("fk_supervision_item_notice_id_supervision_notice"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["issue_id"], ["issue.id"], name=op.f("fk_supervision_item_issue_id_issue"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_item")),
        sa.UniqueConstraint("notice_id", "issue_id", name="uq_supervision_item_notice_issue"),
        sa.UniqueConstraint("uuid", name=op.f("uq_supervision_item_uuid")),
    )
    op.create_index("ix_supervision_item_notice_id", "supervision_item", ["notice_id"], unique=False)
    op.create_index("ix_supervision_item_issue_id", "supervision_item", ["issue_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_supervision_item_issue_id", table_name="supervision_item")
    op.drop_index("ix_supervision_item_notice_id", table_name="supervision_item")
    op.drop_table("supervision_item")
    op.drop_index("ix_supervision_notice_unit_id", table_name="supervision_notice")
    op.drop_table("supervision_notice")
