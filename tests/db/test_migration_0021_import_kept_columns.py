"""0021_import_kept_columns adds 形象进度/备注 columns to projects, enterprises and monthly reports: a database full of
data upgrades with every row kept and the new columns empty, and downgrades back to exactly the rows it had."""

from __future__ import annotations

from pathlib import Path

from desktop.db import migrate
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0021_import_kept_columns"
NEW = {"project": 2, "enterprise": 1, "investment_report": 1}  # columns added at the end of each table


def test_upgrade_keeps_every_row(db_demo_workspace, tmp_path: Path) -> None:
    engine = db_demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    before = contents(engine)
    assert len(before["project"]) > 50 and len(before["enterprise"]) > 10 and len(before["investment_report"]) > 100

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
