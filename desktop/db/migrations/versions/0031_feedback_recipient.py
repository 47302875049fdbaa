"""A 投资进度填报 round may go to the projects' owners (建设单位, 项目业主), who are not units of the directory.

`feedback_item` and `feedback_reply` gain `recipient` (the owner's name as the project records it) and their
`unit_id` becomes nullable, with a check that exactly one of the two is set. Every existing row names its unit, as
before, with `recipient` empty. SQLite rebuilds both tables (nullability cannot change in place); PostgreSQL alters
them in place.

The downgrade refuses while a round went to owners: the old schema needs a unit on every item and reply, and
dropping those rows would lose what the owners reported and when.

Revision ID: 0031_feedback_recipient
Revises: 0030_peer_encryption_key
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0031_feedback_recipient"
down_revision = "0030_peer_encryption_key"
branch_labels = None
depends_on = None

TABLES = ("feedback_item", "feedback_reply")
ONE_RECIPIENT = "(unit_id IS NULL) <> (recipient IS NULL)"


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("recipient", sa.String(length=200), nullable=True))
            batch_op.alter_column("unit_id", existing_type=sa.Integer(), nullable=True)
            batch_op.create_check_constraint(op.f(f"ck_{table}_one_recipient"), ONE_RECIPIENT)


def downgrade() -> None:
    bind = op.get_bind()
    owners = sum(bind.execute(sa.text(f"SELECT count(*) FROM {table} WHERE unit_id IS NULL")).scalar_one()
                 for table in TABLES)
    if owners:
        raise RuntimeError(f"有 {owners} 条投资进度填报记录发给了建设单位（不是单位名录中的单位），旧版本无法保存；"
                           "为免丢失报送内容，不能降级")
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_constraint(op.f(f"ck_{table}_one_recipient"), type_="check")
            batch_op.alter_column("unit_id", existing_type=sa.Integer(), nullable=False)
            batch_op.drop_column("recipient")
