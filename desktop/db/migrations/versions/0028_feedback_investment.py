"""投资进度填报 rounds: a feedback round may ask the responsible units for a month's investment figures.

`feedback_round` gains its kind (`issue`, every existing round; or `investment`) and the year and month an
investment round asks for; `feedback_item` gains `project_id` (RESTRICT, as for issues), one item per project and
round, and its check becomes "exactly one of issue, decided item, project". SQLite rebuilds the item table (a check
cannot change in place); PostgreSQL alters it in place. Every row is kept as it is: each item still names its issue
or decided item, each round is an issue round.

The downgrade refuses while an investment round exists: the old schema cannot hold it, and dropping it would lose
what the units reported and who replied.

Revision ID: 0028_feedback_investment
Revises: 0027_hide_logged_lock_hash
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028_feedback_investment"
down_revision = "0027_hide_logged_lock_hash"
branch_labels = None
depends_on = None

ONE_RECORD = ("(CASE WHEN issue_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN decision_id IS NULL THEN 0 ELSE 1 END)"
              " + (CASE WHEN project_id IS NULL THEN 0 ELSE 1 END) = 1")
OLD_ONE_RECORD = "(issue_id IS NULL) <> (decision_id IS NULL)"


def upgrade() -> None:
    with op.batch_alter_table("feedback_round") as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=16), nullable=False, server_default="issue"))
        batch_op.add_column(sa.Column("year", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("month", sa.Integer(), nullable=True))
    with op.batch_alter_table("feedback_item") as batch_op:
        batch_op.drop_constraint(op.f("ck_feedback_item_one_record"), type_="check")
        batch_op.add_column(sa.Column("project_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(op.f("fk_feedback_item_project_id_project"), "project", ["project_id"], ["id"],
                                    ondelete="RESTRICT")
        batch_op.create_unique_constraint("uq_feedback_item_round_project", ["round_id", "project_id"])
        batch_op.create_check_constraint(op.f("ck_feedback_item_one_record"), ONE_RECORD)
    op.create_index("ix_feedback_item_project_id", "feedback_item", ["project_id"], unique=False)


def downgrade() -> None:
    rounds = op.get_bind().execute(sa.text("SELECT count(*) FROM feedback_round WHERE kind <> 'issue'")).scalar_one()
    if rounds:
        raise RuntimeError(f"有 {rounds} 个投资进度填报轮次，旧版本无法保存；为免丢失各单位报送的内容，不能降级")
    op.drop_index("ix_feedback_item_project_id", table_name="feedback_item")
    with op.batch_alter_table("feedback_item") as batch_op:
        batch_op.drop_constraint(op.f("ck_feedback_item_one_record"), type_="check")
        batch_op.drop_constraint("uq_feedback_item_round_project", type_="unique")
        batch_op.drop_constraint(op.f("fk_feedback_item_project_id_project"), type_="foreignkey")
        batch_op.drop_column("project_id")
        batch_op.create_check_constraint(op.f("ck_feedback_item_one_record"), OLD_ONE_RECORD)
    with op.batch_alter_table("feedback_round") as batch_op:
        batch_op.drop_column("month")
        batch_op.drop_column("year")
        batch_op.drop_column("kind")
