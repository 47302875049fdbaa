"""Migrations: from nothing, from the previous revision with data kept (the FK-cascade trap), newer refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from desktop.db import migrate
from desktop.db.engine import make_engine, sqlite_url
from desktop.db.models import Base


def _engine(tmp_path: Path):
    return make_engine(sqlite_url(str(tmp_path / "keyproj.sqlite3")))


def test_upgrade_from_empty_matches_models(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    result = migrate.upgrade(engine)
    assert result.from_revision is None
    assert result.to_revision == migrate.head_revision()
    assert result.backup_path is None
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata) == []
    assert migrate.upgrade(engine).backup_path is None  # idempotent


def _upgrade_to(engine, revision: str) -> None:
    config = migrate.alembic_config()
    with migrate.migration_engine(engine).connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        conn.commit()
    engine.dispose()


def test_upgrade_from_previous_revision_keeps_child_rows(tmp_path: Path) -> None:
    db_file = tmp_path / "keyproj.sqlite3"
    engine = _engine(tmp_path)
    _upgrade_to(engine, "0001")
    raw = sqlite3.connect(db_file)
    raw.execute("PRAGMA foreign_keys=ON")
    raw.execute(
        "INSERT INTO issue (id, uuid, created_at, updated_at, version, description, found_on, status, level) "
        "VALUES (1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1, "
        "'施工用电不足', '2026-03-01', 'assigned', 'site')"
    )
    for n in range(3):
        raw.execute(
            "INSERT INTO issue_note (uuid, created_at, updated_at, version, issue_id, kind, noted_on, text) "
            f"VALUES ('{n:032d}', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1, 1, 'progress', '2026-03-0{n + 1}', "
            f"'进展{n}')"
        )
    raw.commit()
    raw.close()

    result = migrate.upgrade(engine, backup_dir=tmp_path / "backups")

    assert result.from_revision == "0001"
    assert result.backup_path is not None and result.backup_path.exists()
    raw = sqlite3.connect(db_file)
    assert raw.execute("SELECT count(*) FROM issue_note").fetchone() == (3,)
    assert raw.execute("SELECT description, deadline_text FROM issue").fetchone() == ("施工用电不足", None)
    assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    with pytest.raises(sqlite3.IntegrityError):  # the new CHECK constraint is in force
        raw.execute("UPDATE issue SET status = 'bogus'")
    backup = sqlite3.connect(result.backup_path)
    assert backup.execute("SELECT count(*) FROM issue_note").fetchone() == (3,)


def test_database_from_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    before = (tmp_path / "keyproj.sqlite3").read_bytes()
    with pytest.raises(migrate.MigrationError, match="更新版本的程序创建"):
        migrate.upgrade(engine)
    engine.dispose()
    assert (tmp_path / "keyproj.sqlite3").read_bytes() == before


def test_foreign_keys_on_would_lose_rows_so_migrations_switch_them_off(tmp_path: Path) -> None:
    """The trap itself: with the app engine (FKs on) the batch recreate deletes the journal."""
    engine = _engine(tmp_path)
    _upgrade_to(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO issue (id, uuid, created_at, updated_at, version, description, found_on, status, level) "
            "VALUES (1, 'b' , '2026-01-01', '2026-01-01', 1, 'x', '2026-03-01', 'new', 'site')")
        conn.exec_driver_sql(
            "INSERT INTO issue_note (uuid, created_at, updated_at, version, issue_id, kind, noted_on, text) "
            "VALUES ('c', '2026-01-01', '2026-01-01', 1, 1, 'found', '2026-03-01', 'x')")
    config = migrate.alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        conn.commit()
        assert conn.exec_driver_sql("SELECT count(*) FROM issue_note").scalar() == 0
    assert migrate.migration_engine(engine).connect().exec_driver_sql("PRAGMA foreign_keys").scalar() == 0


def test_sqlite_pragmas_are_set(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
