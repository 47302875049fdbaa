"""Issue: keep the office's own deadline wording and the phased plan; constrain status codes.

Ledgers say "6月底前" or "年底前" where a date is expected; the text is kept beside the parsed date. The CHECK
constraint needs the table recreated on SQLite (batch "move and copy"), which is exactly the step that deletes
child rows when foreign keys are on: desktop.db.migrate switches them off around it, and the tests prove the
journal rows survive.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _recreate() -> str:
    """SQLite must rebuild the table for a CHECK constraint; PostgreSQL alters it in place (a rebuild there would
    try to drop the primary key that the child tables' foreign keys depend on)."""
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    with op.batch_alter_table("issue", recreate=_recreate()) as batch_op:
        batch_op.add_column(sa.Column("deadline_text", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("phased_plan", sa.Text(), nullable=True))
        batch_op.create_check_constraint(
            "status_code", "status IN ('new', 'assigned', 'phased', 'resolved', 'closed')"
        )


def downgrade() -> None:
    with op.batch_alter_table("issue", recreate=_recreate()) as batch_op:
        batch_op.drop_constraint("ck_issue_status_code", type_="check")
        batch_op.drop_column("phased_plan")
        batch_op.drop_column("deadline_text")
