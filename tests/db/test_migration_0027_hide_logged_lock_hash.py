"""0027_hide_logged_lock_hash: the password lock's salt and hash gone from the 操作日志 rows an older version wrote
with the stored value. Every other row of every table is kept; the chain is re-linked from the first hidden row,
says so in one row, verifies, and `keyproj check` passes on the upgraded file (an older backup's chain head no
longer applies after the `rechain` row)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from desktop.cli import main
from desktop.db import audit_chain, migrate
from desktop.services.backup import archive as backups
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0027_hide_logged_lock_hash"
STORED = {"kdf": "scrypt", "n": 16384, "r": 8, "p": 1, "salt": "ab" * 16, "hash": "cd" * 32, "idle_minutes": 15}
CHANGED = {**STORED, "salt": "ef" * 16, "hash": "9a" * 32, "idle_minutes": 0}


def _plant_old_rows(engine) -> int:  # type: ignore[no-untyped-def]
    """What a version that logged settings as stored left: the lock's salt and hash in plain text."""
    insert = text("INSERT INTO audit_log (at, operator, action, entity, field, old_value, new_value) "
                  "VALUES (:at, '张三', :action, 'app_setting', :field, :old, :new)")
    with engine.begin() as conn:
        conn.execute(insert, {"at": "2026-11-02 15:00:00", "action": "create", "field": "app_lock", "old": None,
                              "new": json.dumps(STORED)})
        conn.execute(insert, {"at": "2026-11-02 15:01:00", "action": "update", "field": "masthead_name",
                              "old": '"工作简报"', "new": '"工作动态"'})
        conn.execute(insert, {"at": "2026-11-03 09:00:00", "action": "update", "field": "app_lock",
                              "old": json.dumps(STORED), "new": json.dumps(CHANGED)})
        conn.execute(insert, {"at": "2026-11-03 09:05:00", "action": "update", "field": "app_lock",
                              "old": json.dumps(CHANGED), "new": None})
        audit_chain.seal(conn)
        return int(conn.execute(text("SELECT max(chain_seq) FROM audit_log")).scalar())


def test_upgrade_hides_the_lock_hash_keeps_every_row_and_check_passes(demo_workspace, tmp_path: Path,
                                                                      capsys) -> None:
    engine = demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    length = _plant_old_rows(engine)
    backups.create_archive(engine, demo_workspace.data_dir, backups.automatic_target(demo_workspace.data_dir, "手动"))
    before = contents(engine, skip_columns=frozenset({"chain_seq", "row_hash"}))
    assert any(STORED["hash"] in "|".join(row) for row in before["audit_log"])

    migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)

    after = contents(engine, skip_columns=frozenset({"chain_seq", "row_hash"}))
    for table, rows in before.items():
        if table != "audit_log":
            assert after[table] == rows, table
    assert len(after["audit_log"]) == len(before["audit_log"]) + 1
    for secret in (STORED["hash"], STORED["salt"], CHANGED["hash"], CHANGED["salt"]):
        assert not any(secret in "|".join(row) for rows in after.values() for row in rows)
    with engine.connect() as conn:
        values = conn.execute(text("SELECT old_value, new_value FROM audit_log WHERE field = 'app_lock' "
                                   "AND entity = 'app_setting' ORDER BY id")).all()
        note = conn.execute(text("SELECT new_value FROM audit_log WHERE action = 'rechain'")).scalar()
        masthead = conn.execute(text("SELECT new_value FROM audit_log WHERE field = 'masthead_name' "
                                     "ORDER BY id DESC")).scalar()
        report = audit_chain.verify(conn)
    assert [tuple(v) for v in values] == [
        (None, "已设置密码（无操作15分钟自动锁定；密码本身不记录）"),
        ("已设置密码（无操作15分钟自动锁定；密码本身不记录）", "已设置密码（不自动锁定；密码本身不记录）"),
        ("已设置密码（不自动锁定；密码本身不记录）", None)]
    assert masthead == '"工作动态"'  # untouched
    assert f"自第{length - 3}条起重新连接校验链" in note and "3 条" in note and "密码哈希" in note
    assert report.ok and report.intact == len(after["audit_log"])
    demo_workspace.close()
    assert main(["check", "--data-dir", str(demo_workspace.data_dir)]) == 0, capsys.readouterr().err
    assert "操作日志校验：通过" in capsys.readouterr().out


def test_upgrade_without_a_logged_hash_touches_no_log_row(demo_workspace, tmp_path: Path) -> None:
    engine = demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    before = contents(engine)
    migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)
    assert contents(engine) == before
