"""0019_feedback_rounds adds the 反馈轮次 tables: a database full of data upgrades with every row kept."""

from __future__ import annotations

from pathlib import Path

from desktop.db import migrate
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0019_feedback_rounds"


def test_upgrade_keeps_every_row(db_demo_workspace, tmp_path: Path) -> None:
    engine = db_demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    before = contents(engine)
    assert "feedback_round" not in before and len(before["project"]) > 50 and len(before["issue"]) > 100

    result = migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)

    assert result.from_revision == previous and result.to_revision == THIS
    after = contents(engine)
    assert after.pop("feedback_round") == [] and after.pop("feedback_item") == [] and after.pop("feedback_reply") == []
    assert after == before
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
