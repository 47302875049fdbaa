"""An issue's found date may be unknown: `issue.found_on` becomes nullable.

Offices import ledgers that never wrote when a problem was found (issue #16: a date is never made up), so the
column may now be empty instead of holding the import day. The table is rebuilt (SQLite cannot change a column's
nullability in place; PostgreSQL alters it in place, as other tables reference issue); every row keeps its date.

The downgrade refuses when any issue has no found date: filling one in would invent a date, and dropping the row
would lose it; the user is told how many such issues there are so they can write the dates first.

Revision ID: 0026_issue_found_on_optional
Revises: 0025_feedback_decisions
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0026_issue_found_on_optional"
down_revision = "0025_feedback_decisions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("issue") as batch_op:
        batch_op.alter_column("found_on", existing_type=sa.Date(), nullable=True)


def downgrade() -> None:
    missing = op.get_bind().execute(sa.text("SELECT count(*) FROM issue WHERE found_on IS NULL")).scalar_one()
    if missing:
        raise RuntimeError(f"有 {missing} 个问题未填发现日期，旧版本要求必填；请先补填这些问题的发现日期再降级")
    with op.batch_alter_table("issue") as batch_op:
        batch_op.alter_column("found_on", existing_type=sa.Date(), nullable=False)
