"""Start-up skips Alembic (half a second of imports) when the database is already at the newest revision."""

from __future__ import annotations

import sys

from desktop.db import migrate


def test_file_head_matches_alembic() -> None:
    assert migrate._file_head() == migrate.head_revision()


def test_up_to_date_database_does_not_load_alembic(workspace, monkeypatch) -> None:
    head = migrate.head_revision()
    for name in ("alembic", "alembic.script", "alembic.command", "alembic.config"):
        monkeypatch.setitem(sys.modules, name, None)  # any import of them now raises ImportError
    result = migrate.upgrade(workspace.db.engine)
    assert (result.from_revision, result.to_revision, result.backup_path) == (head, head, None)


def test_new_database_still_goes_through_alembic(tmp_path) -> None:
    from sqlalchemy import inspect

    from desktop.db.engine import make_engine, sqlite_url

    engine = make_engine(sqlite_url(str(tmp_path / "new.sqlite3")))
    try:
        assert migrate.stored_revision(engine) is None
        migrate.upgrade(engine)
        assert migrate.stored_revision(engine) == migrate._file_head()
        assert "issue" in inspect(engine).get_table_names()
    finally:
        engine.dispose()
