"""0030_peer_encryption_key: a paired office gains a place for its encryption key; every row of every table is
kept (a registered peer included), the new column starts empty, and the downgrade gives the old table back."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from desktop.db import migrate
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0030_peer_encryption_key"


def test_upgrade_keeps_every_row_and_adds_an_empty_encryption_key(demo_workspace, tmp_path: Path) -> None:
    engine = demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO exchange_peer_key (office_id, name, public_key, fingerprint, registered_at, "
                          "operator) VALUES ('11111111-2222-3333-4444-555555555555', '服务业专班', :key, 'AAAA', "
                          "'2026-12-01 09:00:00', '张三')"), {"key": "A" * 43 + "="})
    before = contents(engine)
    migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)
    after = contents(engine, skip_columns=frozenset({"encryption_key"}))
    assert after == before
    with engine.connect() as conn:
        assert conn.execute(text("SELECT encryption_key FROM exchange_peer_key")).all() == [(None,)]
    downgrade(engine, previous)
    assert "encryption_key" not in {c["name"] for c in inspect(engine).get_columns("exchange_peer_key")}
    assert contents(engine) == before
