"""Every record's origin office and revision counter (issue 18: an older package must never overwrite newer data).

`revision` starts at 1 for every existing row (server default, so no row is rewritten one by one and none is lost);
`origin_office` and `revised_by` stay NULL, which means "this office": the rows were made here, or arrived before
revisions were kept, and this database may not even have an office id yet.

Revision ID: 0022_record_revisions
Revises: 0021_import_kept_columns
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022_record_revisions"
down_revision = "0021_import_kept_columns"
branch_labels = None
depends_on = None

# every table built on RowMixin at this revision
TABLES = (
    "agenda_item", "assignment", "attachment", "briefing", "category", "decision", "decision_note", "enterprise",
    "escalation", "feedback_item", "feedback_reply", "feedback_round", "fill_template", "import_batch",
    "investment_report", "issue", "issue_note", "leader", "meeting", "milestone", "person", "plan_version",
    "project", "supervision_item", "supervision_notice", "task_force", "unit", "visit",
)


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("revision", sa.Integer(), nullable=False, server_default="1"))
        op.add_column(table, sa.Column("origin_office", sa.String(36), nullable=True))
        op.add_column(table, sa.Column("revised_by", sa.String(36), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("revised_by")
            batch_op.drop_column("origin_office")
            batch_op.drop_column("revision")
