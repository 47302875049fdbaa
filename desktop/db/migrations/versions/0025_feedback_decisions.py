"""议定事项 on the 反馈表: a round item names an issue or a decided item, never both.

`feedback_item.issue_id` becomes nullable and `decision_id` is added (RESTRICT, as for issues), with one item per
decided item and round and a check that exactly one of the two is set. The table is rebuilt (SQLite cannot change
a column's nullability in place); every row is copied as it is — each names its issue, as before.

Revision ID: 0025_feedback_decisions
Revises: 0024_meeting_attendance
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025_feedback_decisions"
down_revision = "0024_meeting_attendance"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feedback_item", recreate="always") as batch_op:
        batch_op.alter_column("issue_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("decision_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(op.f("fk_feedback_item_decision_id_decision"), "decision", ["decision_id"], ["id"],
                                    ondelete="RESTRICT")
        batch_op.create_unique_constraint("uq_feedback_item_round_decision", ["round_id", "decision_id"])
        batch_op.create_check_constraint(op.f("ck_feedback_item_one_record"),
                                         "(issue_id IS NULL) <> (decision_id IS NULL)")
    op.create_index("ix_feedback_item_decision_id", "feedback_item", ["decision_id"], unique=False)


def downgrade() -> None:
    op.execute("DELETE FROM feedback_item WHERE decision_id IS NOT NULL")
    op.drop_index("ix_feedback_item_decision_id", table_name="feedback_item")
    with op.batch_alter_table("feedback_item", recreate="always") as batch_op:
        batch_op.drop_constraint(op.f("ck_feedback_item_one_record"), type_="check")
        batch_op.drop_constraint("uq_feedback_item_round_decision", type_="unique")
        batch_op.drop_constraint(op.f("fk_feedback_item_decision_id_decision"), type_="foreignkey")
        batch_op.drop_column("decision_id")
        batch_op.alter_column("issue_id", existing_type=sa.Integer(), nullable=False)
