"""反馈轮次: the rounds of forms sent to the responsible units, the items each form named, the files collected.

Three new tables; no existing row is touched.

Revision ID: 0019_feedback_rounds
Revises: 0018_plan_versions
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_feedback_rounds"
down_revision = "0018_plan_versions"
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
        "feedback_round",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("operator", sa.String(length=64), nullable=True),
        sa.Column("units", sa.JSON(), nullable=False),
        *_row_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_round")),
        sa.UniqueConstraint("name", name=op.f("uq_feedback_round_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_feedback_round_uuid")),
    )
    op.create_table(
        "feedback_item",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("issue_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("issue_version", sa.Integer(), nullable=False),
        sa.Column("sent_values", sa.JSON(), nullable=False),
        sa.Column("answer_sha256", sa.String(length=64), nullable=True),
        sa.Column("answered_version", sa.Integer(), nullable=True),
        *_row_columns(),
        sa.ForeignKeyConstraint(["round_id"], ["feedback_round.id"],
                                name=op.f("fk_feedback_item_round_id_feedback_round"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_feedback_item_unit_id_unit"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["issue_id"], ["issue.id"], name=op.f("fk_feedback_item_issue_id_issue"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_item")),
        sa.UniqueConstraint("round_id", "issue_id", name="uq_feedback_item_round_issue"),
        sa.UniqueConstraint("uuid", name=op.f("uq_feedback_item_uuid")),
    )
    op.create_index("ix_feedback_item_round_id", "feedback_item", ["round_id"], unique=False)
    op.create_index("ix_feedback_item_unit_id", "feedback_item", ["unit_id"], unique=False)
    op.create_index("ix_feedback_item_issue_id", "feedback_item", ["issue_id"], unique=False)
    op.create_table(
        "feedback_reply",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("items_updated", sa.Integer(), nullable=False),
        sa.Column("operator", sa.String(length=64), nullable=True),
        sa.Column("backup_file", sa.Text(), nullable=True),
        *_row_columns(),
        sa.ForeignKeyConstraint(["round_id"], ["feedback_round.id"],
                                name=op.f("fk_feedback_reply_round_id_feedback_round"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_feedback_reply_unit_id_unit"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_reply")),
        sa.UniqueConstraint("uuid", name=op.f("uq_feedback_reply_uuid")),
    )
    op.create_index("ix_feedback_reply_round_id", "feedback_reply", ["round_id"], unique=False)
    op.create_index("ix_feedback_reply_unit_id", "feedback_reply", ["unit_id"], unique=False)
    op.create_index("ix_feedback_reply_file_sha256", "feedback_reply", ["file_sha256"], unique=False)


def downgrade() -> None:
    for table, columns in (("feedback_reply", ("file_sha256", "unit_id", "round_id")),
                           ("feedback_item", ("issue_id", "unit_id", "round_id"))):
        for column in columns:
            op.drop_index(f"ix_{table}_{column}", table_name=table)
        op.drop_table(table)
    op.drop_table("feedback_round")
