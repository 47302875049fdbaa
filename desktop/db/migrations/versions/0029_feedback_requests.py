"""单位申请: what a unit's 反馈表 answer asks the office to decide (a reported 已办结 awaiting confirmation, 申请延期,
需上级协调), kept beside the life cycle until the clerk decides.

One new table; no existing row is touched. The downgrade drops it: the decisions taken are in the records' journals
and the 操作日志 already, the pending requests would be lost, so it refuses while one is still pending.

Revision ID: 0029_feedback_requests
Revises: 0028_feedback_investment
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0029_feedback_requests"
down_revision = "0028_feedback_investment"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feedback_request",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("issue_id", sa.Integer(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("unit_date", sa.Date(), nullable=True),
        sa.Column("unit_text", sa.Text(), nullable=True),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("old_deadline", sa.Date(), nullable=True),
        sa.Column("old_deadline_text", sa.String(length=64), nullable=True),
        sa.Column("undo", sa.JSON(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("revised_by", sa.String(length=36), nullable=True),
        sa.CheckConstraint("(issue_id IS NULL) <> (decision_id IS NULL)",
                           name=op.f("ck_feedback_request_one_record")),
        sa.CheckConstraint("kind IN ('done', 'extension', 'coordination')", name=op.f("ck_feedback_request_kind_code")),
        sa.CheckConstraint("state IN ('pending', 'confirmed', 'returned', 'approved', 'refused', 'escalated', "
                           "'answered', 'superseded')", name=op.f("ck_feedback_request_state_code")),
        sa.ForeignKeyConstraint(["item_id"], ["feedback_item.id"], name=op.f("fk_feedback_request_item_id_feedback_item"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["issue_id"], ["issue.id"], name=op.f("fk_feedback_request_issue_id_issue"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["decision_id"], ["decision.id"], name=op.f("fk_feedback_request_decision_id_decision"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_feedback_request_unit_id_unit"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_request")),
        sa.UniqueConstraint("uuid", name=op.f("uq_feedback_request_uuid")),
    )
    for column in ("item_id", "issue_id", "decision_id", "unit_id", "state"):
        op.create_index(f"ix_feedback_request_{column}", "feedback_request", [column], unique=False)


def downgrade() -> None:
    pending = op.get_bind().execute(sa.text("SELECT count(*) FROM feedback_request WHERE state = 'pending'")).scalar()
    if pending:
        raise RuntimeError(f"还有{pending}项单位申请待处理，降级会丢失它们；请先处理（keyproj feedback requests）。")
    for column in ("item_id", "issue_id", "decision_id", "unit_id", "state"):
        op.drop_index(f"ix_feedback_request_{column}", table_name="feedback_request")
    op.drop_table("feedback_request")
