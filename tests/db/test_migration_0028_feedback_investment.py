"""0028_feedback_investment lets a round ask for a month's investment figures: a database with sent issue rounds
upgrades with every row kept (each round an issue round, each item still naming its issue), an item then names
exactly one of issue, decided item or project, and the downgrade refuses while an investment round exists (the old
schema cannot hold it) and otherwise goes back to exactly the rows it had."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.db import migrate
from desktop.services.feedback.invest_send import send_investment_round
from desktop.services.feedback.send import send_round
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0028_feedback_investment"
NEW = {"feedback_round": ("issue", "None", "None"), "feedback_item": ("None",)}  # columns added at the end


def test_upgrade_keeps_every_row(db_demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with db_demo_workspace.db.transaction() as session:
        send_round(session, out, deadline=date(2026, 12, 31), name="迁移前的轮次", today=date(2026, 11, 25))
    engine = db_demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    before = contents(engine)
    assert len(before["feedback_item"]) > 50

    result = migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)

    assert result.from_revision == previous and result.to_revision == THIS
    after = contents(engine)
    for table, rows in before.items():
        added = NEW.get(table, ())
        assert sorted(row[:len(row) - len(added)] for row in after[table]) == rows, table
        assert all(row[len(row) - len(added):] == added for row in after[table]), table
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    with pytest.raises(IntegrityError), engine.begin() as conn:  # an issue and a project on one item
        conn.execute(text("UPDATE feedback_item SET project_id = (SELECT min(id) FROM project) "
                          "WHERE id = (SELECT min(id) FROM feedback_item)"))

    downgrade(engine, previous)
    assert contents(engine) == before


def test_downgrade_refuses_while_an_investment_round_exists(db_demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with db_demo_workspace.db.transaction() as session:
        send_investment_round(session, out, year=2026, month=11, today=date(2026, 11, 25))
    engine = db_demo_workspace.db.engine
    downgrade(engine, THIS)  # later migrations first: this one is under test
    before = contents(engine)
    with pytest.raises(Exception, match="投资进度填报轮次"):
        downgrade(engine, previous_of(THIS))
    engine.dispose()
    assert contents(engine) == before
