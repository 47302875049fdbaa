"""0022_record_revisions gives every record a revision counter, an origin office and the office of its last revision:
a database full of data upgrades with every row kept, each at revision 1 and from this office (NULL), and downgrades
back to exactly the rows it had."""

from __future__ import annotations

from pathlib import Path

from desktop.db import migrate
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0022_record_revisions"


def test_upgrade_keeps_every_row(db_demo_workspace, tmp_path: Path) -> None:
    engine = db_demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    before = contents(engine)
    assert len(before["issue"]) > 50 and len(before["issue_note"]) > 50

    result = migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)

    assert result.from_revision == previous and result.to_revision == THIS
    after = contents(engine)
    added = contents(engine, skip_columns=frozenset({"revision", "origin_office", "revised_by"}))
    assert added == before  # every row kept, every old value as it was
    for table in ("issue", "issue_note", "project", "unit", "meeting"):
        assert after[table] and all(row[-3:] == ("1", "None", "None") for row in after[table]), table
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []

    downgrade(engine, previous)
    assert contents(engine) == before
