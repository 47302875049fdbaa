"""A meeting's attendance as a 纪要 prints it (GB/T 9704 §10.3): 出席 stays in the existing attendees column,
请假 and 列席 get their own text columns, stored as the office wrote them (units, titles and names).

Nullable text columns added in place; no existing row is touched.

Revision ID: 0024_meeting_attendance
Revises: 0023_exchange_office_keys
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024_meeting_attendance"
down_revision = "0023_exchange_office_keys"
branch_labels = None
depends_on = None

COLUMNS = ("on_leave", "observers")


def upgrade() -> None:
    for column in COLUMNS:
        op.add_column("meeting", sa.Column(column, sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meeting") as batch_op:
        for column in reversed(COLUMNS):
            batch_op.drop_column(column)
