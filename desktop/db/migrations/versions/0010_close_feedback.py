"""销号 feedback is what someone said, or why nobody could be asked: issues and decided items get a reason column
for 未能征求 (feedback code "not_asked"), and CHECK constraints that allow only the four codes and never 未能征求
without its reason.

The CHECK constraints rebuild both tables on SQLite (batch "move and copy"); `desktop.db.migrate` runs it with
foreign keys off, so journals, supporting units and agenda links pointing at them are kept. A stored feedback
outside the four codes is never rewritten: the upgrade stops and says which rows, and the database is restored.

Revision ID: 0010_close_feedback
Revises: 0009_issue_period_index
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_close_feedback"
down_revision = "0009_issue_period_index"
branch_labels = None
depends_on = None

CODES = ("satisfied", "basically", "unsatisfied", "not_asked")
CODE_CHECK = "feedback IS NULL OR feedback IN ('satisfied', 'basically', 'unsatisfied', 'not_asked')"
REASON_CHECK = ("feedback IS NULL OR feedback <> 'not_asked' "
                "OR (feedback_reason IS NOT NULL AND length(trim(feedback_reason)) > 0)")
TABLES = {"issue": "问题", "decision": "议定事项"}


def _recreate() -> str:
    """Rebuild only on SQLite; on PostgreSQL a rebuild would drop the primary key other tables' keys rely on."""
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def _refuse_unknown_codes() -> None:
    bind = op.get_bind()
    for table, label in TABLES.items():
        rows = bind.execute(sa.text(
            f"SELECT id, feedback FROM {table} WHERE feedback IS NOT NULL AND feedback NOT IN :codes"
        ).bindparams(sa.bindparam("codes", expanding=True)), {"codes": list(CODES)}).fetchall()
        if rows:
            listed = "，".join(f"编号{r[0]}（{r[1]}）" for r in rows[:10])
            raise RuntimeError(f"{label}中有{len(rows)}条记录的企业反馈无法识别：{listed}。请联系技术支持核对后再升级")


def upgrade() -> None:
    _refuse_unknown_codes()
    for table in TABLES:
        with op.batch_alter_table(table, recreate=_recreate()) as batch_op:
            batch_op.add_column(sa.Column("feedback_reason", sa.Text(), nullable=True))
            batch_op.create_check_constraint("feedback_code", CODE_CHECK)
            batch_op.create_check_constraint("feedback_reason", REASON_CHECK)


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, recreate=_recreate()) as batch_op:
            batch_op.drop_constraint(op.f(f"ck_{table}_feedback_reason"), type_="check")
            batch_op.drop_constraint(op.f(f"ck_{table}_feedback_code"), type_="check")
            batch_op.drop_column("feedback_reason")
