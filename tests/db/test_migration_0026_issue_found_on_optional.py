"""0026_issue_found_on_optional lets an issue's found date be unknown: a populated database upgrades with every row
kept as it was, an issue may then be stored without a found date, and the downgrade refuses while one has none
(filling it would invent a date) and otherwise goes back to exactly the rows it had."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.db import migrate
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0026_issue_found_on_optional"


def test_upgrade_keeps_every_row(db_demo_workspace, tmp_path: Path) -> None:
    engine = db_demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    before = contents(engine)
    assert len(before["issue"]) > 50

    result = migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)

    assert result.from_revision == previous and result.to_revision == THIS
    assert contents(engine) == before
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    with engine.begin() as conn:
        first = conn.execute(text("SELECT min(id) FROM issue")).scalar_one()
        kept = conn.execute(text("SELECT found_on FROM issue WHERE id = :i"), {"i": first}).scalar_one()
        conn.execute(text("UPDATE issue SET found_on = NULL WHERE id = :i"), {"i": first})
    with pytest.raises(Exception, match="未填发现日期"):
        downgrade(engine, previous)
    with engine.begin() as conn:
        assert conn.execute(text("SELECT found_on FROM issue WHERE id = :i"), {"i": first}).scalar_one() is None
        conn.execute(text("UPDATE issue SET found_on = :d WHERE id = :i"), {"d": kept, "i": first})

    downgrade(engine, previous)
    assert contents(engine) == before
