"""0029_feedback_requests adds the 单位申请 table: a database with sent rounds upgrades with every row kept, and
the downgrade refuses while a request is pending rather than lose it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.db import migrate
from desktop.services.feedback.send import send_round
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0029_feedback_requests"


def test_upgrade_keeps_every_row(db_demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with db_demo_workspace.db.transaction() as session:
        send_round(session, out, deadline=date(2026, 12, 31), name="迁移前的轮次", today=date(2026, 11, 25))
    engine = db_demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    before = contents(engine)
    assert "feedback_request" not in before and len(before["feedback_item"]) > 50

    result = migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)

    assert result.from_revision == previous and result.to_revision == THIS
    after = contents(engine)
    assert after.pop("feedback_request") == []
    assert after == before
    with engine.begin() as conn:  # a pending request: the downgrade would lose it, so it refuses
        conn.execute(text(
            "INSERT INTO feedback_request (item_id, issue_id, unit_id, kind, state, reported_on, file_name, uuid, "
            "created_at, updated_at, version) SELECT id, issue_id, unit_id, 'done', 'pending', '2026-11-30', 'x.xlsx', "
            "'00000000000000000000000000000001', '2026-11-30 10:00:00', '2026-11-30 10:00:00', 1 "
            "FROM feedback_item WHERE issue_id IS NOT NULL LIMIT 1"))
    with pytest.raises(Exception, match="待处理"):
        downgrade(engine, previous)
    with engine.begin() as conn:
        conn.execute(text("UPDATE feedback_request SET state = 'confirmed'"))
    downgrade(engine, previous)
    assert contents(engine) == before
