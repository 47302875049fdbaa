"""0031_feedback_recipient lets an investment round go to the projects' owners: a database with sent rounds and a
collected reply upgrades with every row kept (each item and reply still names its unit, `recipient` empty), an item
then names a unit or an owner, exactly one, and the downgrade refuses while a round went to owners and otherwise
goes back to exactly the rows it had."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.db import migrate
from desktop.services.feedback.invest_send import send_investment_round
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0031_feedback_recipient"


def test_upgrade_keeps_every_row(db_demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with db_demo_workspace.db.transaction() as session:
        send_investment_round(session, out, year=2026, month=11, today=date(2026, 11, 25))
    engine = db_demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    with engine.begin() as conn:  # a reply, as a collect leaves it
        conn.execute(text(
            "INSERT INTO feedback_reply (uuid, created_at, updated_at, version, revision, round_id, unit_id,"
            " file_name, file_sha256, received_on, items_updated) SELECT '00000000-0000-0000-0000-000000000001',"
            " created_at, updated_at, 1, 1, round_id, unit_id, 'a.xlsx', 'ab', '2026-11-30', 1"
            " FROM feedback_item WHERE id = (SELECT min(id) FROM feedback_item)"))
    before = contents(engine)
    assert len(before["feedback_item"]) > 50 and len(before["feedback_reply"]) == 1

    result = migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)

    assert result.from_revision == previous and result.to_revision == THIS
    after = contents(engine)
    for table, rows in before.items():
        added = 1 if table in ("feedback_item", "feedback_reply") else 0
        assert sorted(row[:len(row) - added] for row in after[table]) == rows, table
        assert all(row[len(row) - added:] == ("None",) * added for row in after[table]), table
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    with pytest.raises(IntegrityError), engine.begin() as conn:  # a unit and an owner on one item
        conn.execute(text("UPDATE feedback_item SET recipient = '某公司' WHERE id = (SELECT min(id) FROM feedback_item)"))
    with pytest.raises(IntegrityError), engine.begin() as conn:  # neither
        conn.execute(text("UPDATE feedback_reply SET unit_id = NULL"))

    downgrade(engine, previous)
    assert contents(engine) == before


def test_downgrade_refuses_while_a_round_went_to_owners(db_demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with db_demo_workspace.db.transaction() as session:
        send_investment_round(session, out, year=2026, month=11, today=date(2026, 11, 25), by="owner")
    engine = db_demo_workspace.db.engine
    before = contents(engine)
    with pytest.raises(Exception, match="发给了建设单位"):
        downgrade(engine, previous_of(THIS))
    engine.dispose()
    assert contents(engine) == before
