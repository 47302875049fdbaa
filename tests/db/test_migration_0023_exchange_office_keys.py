"""0023_exchange_office_keys: the table of paired offices' keys, the plain-text shared key gone from the settings,
and gone from the 操作日志 rows an older version wrote with its value. Every other row of every table is kept;
the chain is re-linked from the first hidden row, says so in one row, and verifies."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import inspect, text

from desktop.db import audit_chain, migrate
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0023_exchange_office_keys"
SECRET = "两家约定的口令-2026"


def _plant_old_key(engine) -> int:  # type: ignore[no-untyped-def]
    """What a version that logged settings but not yet hid keys left: the key in app_setting and in the log."""
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO app_setting (key, value) VALUES ('exchange_shared_key', :v)"),
                     {"v": json.dumps(SECRET)})
        conn.execute(text("INSERT INTO audit_log (at, operator, action, entity, field, old_value, new_value) "
                          "VALUES ('2026-12-02 15:00:00', '张三', 'create', 'app_setting', 'exchange_shared_key', "
                          "NULL, :v)"), {"v": json.dumps(SECRET, ensure_ascii=False)})
        conn.execute(text("INSERT INTO audit_log (at, operator, action, entity, field, old_value, new_value) "
                          "VALUES ('2026-12-02 15:01:00', '张三', 'update', 'app_setting', 'masthead_name', "
                          "'\"工作简报\"', '\"工作动态\"')"))
        audit_chain.seal(conn)
        return int(conn.execute(text("SELECT max(chain_seq) FROM audit_log")).scalar())


def test_upgrade_hides_the_shared_key_and_keeps_every_other_row(db_demo_workspace, tmp_path: Path) -> None:
    engine = db_demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    length = _plant_old_key(engine)
    before = contents(engine, skip_columns=frozenset({"chain_seq", "row_hash"}))

    result = migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)

    assert result.from_revision == previous and result.to_revision == THIS
    after = contents(engine, skip_columns=frozenset({"chain_seq", "row_hash"}))
    assert "exchange_peer_key" in inspect(engine).get_table_names() and after.pop("exchange_peer_key") == []
    for table, rows in before.items():
        if table not in ("app_setting", "audit_log"):
            assert after[table] == rows, table
    assert [r for r in before["app_setting"] if "exchange_shared_key" not in r] == after["app_setting"]
    assert not any(SECRET in "|".join(row) for rows in after.values() for row in rows)
    assert len(after["audit_log"]) == len(before["audit_log"]) + 1
    with engine.connect() as conn:
        hidden = conn.execute(text("SELECT new_value FROM audit_log WHERE field = 'exchange_shared_key' "
                                   "AND action = 'create'")).scalar()
        note = conn.execute(text("SELECT new_value FROM audit_log WHERE action = 'rechain'")).scalar()
        report = audit_chain.verify(conn)
    assert hidden == "（密钥，不显示）" and f"自第{length - 1}条起重新连接校验链" in note and "1 条" in note
    assert report.ok and report.intact == len(after["audit_log"])

    downgrade(engine, previous)
    assert "exchange_peer_key" not in inspect(engine).get_table_names()


def test_upgrade_without_a_logged_key_touches_no_log_row(db_demo_workspace, tmp_path: Path) -> None:
    engine = db_demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    before = contents(engine)
    migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)
    after = contents(engine)
    assert after.pop("exchange_peer_key") == [] and after == before
