"""操作日志 rows get two marks written by the program, never by a user: `source` (a merged package's rows say
"merge:<sending office>") and `reverted_by` (a change taken back by a restore or a merge undo, whose row is named).

Until now a merged row was recognised by its operator text ending in "（合并「…」数据包）", which any operator
name could imitate. Existing rows with that ending get the mark only where the history agrees: a package from that
office was merged and its last audit id was at or after the row. Columns are added in place; no row is rewritten
otherwise.

Revision ID: 0017_audit_marks
Revises: 0016_supervision
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0017_audit_marks"
down_revision = "0016_supervision"
branch_labels = None
depends_on = None

_MERGED = re.compile(r"（合并「(.+)」数据包）$")


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("source", sa.String(length=160), nullable=True))
    op.add_column("audit_log", sa.Column("reverted_by", sa.Integer(), nullable=True))
    bind = op.get_bind()
    windows = _merge_windows(bind)
    if not windows:
        return
    marks = []
    for row_id, at, operator in bind.execute(sa.text(
            "SELECT id, at, operator FROM audit_log WHERE operator LIKE :pattern"), {"pattern": "%（合并「%」数据包）"}):
        found = _MERGED.search(operator)
        if found and any(peer == found.group(1) and low < row_id <= high and _after(at, earliest)
                         for peer, low, high, earliest in windows):
            marks.append({"id": row_id, "source": f"merge:{found.group(1)}"[:160]})
    if marks:
        bind.execute(sa.text("UPDATE audit_log SET source = :source WHERE id = :id"), marks)


def _merge_windows(bind: sa.Connection) -> list[tuple[str, int, int, datetime]]:
    """(peer, audit id before, last audit id, earliest time) of each merge: the rows it wrote lie in that window
    (a merge is one transaction, recorded at its end; an hour covers the largest package)."""
    windows = []
    previous = 0
    for direction, peer, at, high in bind.execute(sa.text(
            "SELECT direction, peer_name, at, audit_high_water FROM exchange_record ORDER BY id")):
        if high is None:
            continue
        if direction == "received":
            windows.append((peer, previous, high, _as_datetime(at) - timedelta(hours=1)))
        previous = max(previous, high)
    return windows


def _as_datetime(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _after(at: object, earliest: datetime) -> bool:
    return _as_datetime(at) >= earliest


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_column("reverted_by")
        batch_op.drop_column("source")
