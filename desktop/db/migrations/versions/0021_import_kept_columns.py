"""Columns for what ledgers carry and imports used to drop: 形象进度 and 备注 of a project, 备注 of an enterprise and of
a month's 投资进度 report (issue 16: a column shown as mapped is stored).

Nullable text columns added in place; no existing row is touched.

Revision ID: 0021_import_kept_columns
Revises: 0020_audit_chain
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_import_kept_columns"
down_revision = "0020_audit_chain"
branch_labels = None
depends_on = None

COLUMNS = (("project", "image_progress"), ("project", "remarks"), ("enterprise", "remarks"),
           ("investment_report", "remark"))


def upgrade() -> None:
    for table, column in COLUMNS:
        op.add_column(table, sa.Column(column, sa.Text(), nullable=True))


def downgrade() -> None:
    for table in dict.fromkeys(table for table, _column in COLUMNS):
        with op.batch_alter_table(table) as batch_op:
            for owner, column in reversed(COLUMNS):
                if owner == table:
                    batch_op.drop_column(column)
