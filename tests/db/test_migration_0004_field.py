"""0004_field recreates the enterprise table: enterprises, and the issues and visits pointing at them, survive."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from desktop.db import migrate
from desktop.db.engine import make_engine, sqlite_url


def test_upgrade_from_0002_keeps_enterprises_and_their_issues(tmp_path: Path) -> None:
    db_file = tmp_path / "keyproj.sqlite3"
    engine = make_engine(sqlite_url(str(db_file)))
    config = migrate.alembic_config()
    with migrate.migration_engine(engine).connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        conn.commit()
    engine.dispose()
    raw = sqlite3.connect(db_file)
    stamp = "'2026-01-01 00:00:00', '2026-01-01 00:00:00', 1"
    raw.execute(f"INSERT INTO enterprise (id, uuid, created_at, updated_at, version, name, credit_code) "
                f"VALUES (7, '{'e' * 32}', {stamp}, '太原恒信科技有限公司', '91140105MA0K12345X')")
    raw.execute(f"INSERT INTO issue (id, uuid, created_at, updated_at, version, description, found_on, status, level, "
                f"enterprise_id) VALUES (1, '{'a' * 32}', {stamp}, '厂区道路破损', '2026-03-01', 'new', 'site', 7)")
    raw.execute(f"INSERT INTO visit (id, uuid, created_at, updated_at, version, visited_on, content, enterprise_id) "
                f"VALUES (1, '{'b' * 32}', {stamp}, '2026-03-01', '走访企业', 7)")
    raw.commit()
    raw.close()

    result = migrate.upgrade(engine, backup_dir=tmp_path / "backups")

    assert result.from_revision == "0002" and result.to_revision == migrate.head_revision()
    raw = sqlite3.connect(db_file)
    assert raw.execute("SELECT name, leader_id, team FROM enterprise").fetchall() == [("太原恒信科技有限公司", None, None)]
    assert raw.execute("SELECT enterprise_id FROM issue").fetchall() == [(7,)]
    assert raw.execute("SELECT enterprise_id FROM visit").fetchall() == [(7,)]
    assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
