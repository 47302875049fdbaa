"""0015_fill_templates adds the saved-template tables: a database full of data upgrades with every row kept."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy.orm import Session

from desktop.db import migrate
from desktop.db.engine import make_engine, sqlite_url
from desktop.services.demo import load_demo


def _dump(db_file: Path) -> dict[str, list[tuple]]:
    raw = sqlite3.connect(db_file)
    try:
        tables = [name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(raw.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
                if t != "alembic_version"}
    finally:
        raw.close()


def test_upgrade_from_0009_keeps_every_row(tmp_path: Path) -> None:
    db_file = tmp_path / "keyproj.sqlite3"
    engine = make_engine(sqlite_url(str(db_file)))
    config = migrate.alembic_config()
    with migrate.migration_engine(engine).connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0009_issue_period_index")
        conn.commit()
    with Session(engine) as session:
        load_demo(session, date(2026, 11, 25))
        session.commit()
    engine.dispose()
    before = _dump(db_file)
    assert "fill_template" not in before and len(before["project"]) > 50 and len(before["issue"]) > 100

    result = migrate.upgrade(engine, backup_dir=tmp_path / "backups")

    assert result.from_revision == "0009_issue_period_index" and result.to_revision == migrate.head_revision()
    after = _dump(db_file)
    assert after.pop("fill_template") == [] and after.pop("fill_template_file") == []
    assert after == before
    raw = sqlite3.connect(db_file)
    assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    raw.close()
