"""0024_meeting_attendance adds the 请假 and 列席 columns to meetings: a database full of
data upgrades with every row kept and the new columns empty, and downgrades back to exactly the rows it had."""

from __future__ import annotations

from pathlib import Path

from desktop.db import migrate
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0024_meeting_attendance"
NEW = {"meeting": 2}  # columns added at the end of each table


def test_upgrade_keeps_every_row(db_demo_workspace, tmp_path: Path) -> None:
    engine = db_demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    before = contents(engine)
    assert len(before["meeting"]) >= 3 and all(any("各包保区领导" in c for c in row) for row in before["meeting"])

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

    downgrade(engine, previous)
    assert contents(engine) == before
