"""0010_close_feedback rebuilds the issue and decision tables: every row of every table survives the upgrade, the
new CHECK constraints hold, and a feedback code nobody knows stops the upgrade instead of being rewritten."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from desktop.db import migrate
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0010_close_feedback"
PREVIOUS = previous_of(THIS)


@pytest.fixture
def at_previous(db_demo_workspace):
    """The demo office's data in a database at the previous revision."""
    engine = db_demo_workspace.db.engine
    downgrade(engine, PREVIOUS)
    assert migrate.current_revision(engine) == PREVIOUS
    return engine


def test_upgrade_keeps_every_row_of_every_table(at_previous, tmp_path) -> None:
    engine = at_previous
    before = contents(engine, skip_columns=frozenset({"feedback_reason"}))
    assert len(before["issue"]) > 50 and before["issue_note"] and before["decision"] and before["decision_note"]
    with engine.connect() as conn:
        closed = conn.execute(text("SELECT count(*) FROM issue WHERE feedback IS NOT NULL")).scalar()
    assert closed > 0

    result = migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)

    assert result.from_revision == PREVIOUS and result.to_revision == THIS
    assert contents(engine, skip_columns=frozenset({"feedback_reason"})) == before
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM issue WHERE feedback_reason IS NOT NULL")).scalar() == 0
        if engine.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    if engine.dialect.name == "sqlite":
        assert result.backup_path is not None and result.backup_path.exists()


@pytest.mark.parametrize("table", ["issue", "decision"])
def test_checks_refuse_unknown_codes_and_not_asked_without_reason(at_previous, table) -> None:
    engine = at_previous
    migrate.upgrade(engine)
    row_id = _first_id(engine, table)
    for sql in (f"UPDATE {table} SET feedback = 'ok' WHERE id = :id",
                f"UPDATE {table} SET feedback = 'not_asked', feedback_reason = NULL WHERE id = :id",
                f"UPDATE {table} SET feedback = 'not_asked', feedback_reason = '  ' WHERE id = :id"):
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(text(sql), {"id": row_id})
    with engine.begin() as conn:
        conn.execute(text(f"UPDATE {table} SET feedback = 'not_asked', feedback_reason = '企业已停产，负责人联系不上' "
                          "WHERE id = :id"), {"id": row_id})
        conn.execute(text(f"UPDATE {table} SET feedback = NULL, feedback_reason = NULL WHERE id = :id"),
                     {"id": row_id})


def test_an_unknown_feedback_code_stops_the_upgrade_and_changes_nothing(at_previous, tmp_path) -> None:
    engine = at_previous
    row_id = _first_id(engine, "issue")
    with engine.begin() as conn:
        conn.execute(text("UPDATE issue SET feedback = 'ok' WHERE id = :id"), {"id": row_id})
    before = contents(engine, skip_columns=frozenset({"feedback_reason"}))
    with pytest.raises(migrate.MigrationError, match=f"企业反馈无法识别：编号{row_id}（ok）"):
        migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)
    assert migrate.current_revision(engine) == PREVIOUS
    assert contents(engine, skip_columns=frozenset({"feedback_reason"})) == before


def _first_id(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(f"SELECT min(id) FROM {table}")).scalar())
