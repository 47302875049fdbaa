"""0025_feedback_decisions lets a round item name a decided item: a database with sent rounds upgrades with every
row kept (each item still names its issue, the new column empty) and downgrades back to exactly the rows it had."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.db import migrate
from desktop.services.feedback.send import send_round
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0025_feedback_decisions"
NEW = {"feedback_item": 1}  # columns added at the end of each table


def test_upgrade_keeps_every_row(db_demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with db_demo_workspace.db.transaction() as session:
        send_round(session, out, deadline=date(2026, 12, 31), name="迁移前的轮次",
                   today=date(2026, 11, 25))
    engine = db_demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    before = contents(engine)
    assert len(before["feedback_item"]) > 50

    result = migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)

    assert result.from_revision == previous and result.to_revision == THIS
    after = contents(engine)
    for table, rows in before.items():
        added = NEW.get(table, 0)
        assert sorted(row[:len(row) - added] for row in after[table]) == rows, table
        assert all(row[len(row) - added:] == ("None",) * added for row in after[table]), table
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    # an item names an issue or a decided item, exactly one of them
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(text("UPDATE feedback_item SET decision_id = (SELECT min(id) FROM decision) "
                          "WHERE id = (SELECT min(id) FROM feedback_item)"))

    downgrade(engine, previous)
    assert contents(engine) == before
