"""0017_audit_marks adds `source` and `reverted_by` to the 操作日志: every row kept, and old merged rows get their
mark only where the exchange history agrees (an operator name written like a merge note gets none)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from desktop.db import migrate
from tests.db.migration_support import contents, downgrade, previous_of

THIS = "0017_audit_marks"
PEER = "现代服务业专班"


def _add_log(conn, row_id: int, operator: str, at: str) -> None:  # type: ignore[no-untyped-def]
    conn.execute(text("INSERT INTO audit_log (id, at, operator, action, entity, field, new_value) "
                      "VALUES (:id, :at, :op, 'update', 'issue', 'latest_progress', '新值')"),
                 {"id": row_id, "at": at, "op": operator})


def test_upgrade_keeps_every_row_and_marks_only_real_merges(db_demo_workspace, tmp_path: Path) -> None:
    engine = db_demo_workspace.db.engine
    previous = previous_of(THIS)
    downgrade(engine, previous)
    with engine.begin() as conn:
        base = conn.execute(text("SELECT max(id) FROM audit_log")).scalar()
        _add_log(conn, base + 1, f"李四（合并「{PEER}」数据包）", "2026-11-20 10:00:00")  # merged
        _add_log(conn, base + 2, "李四（合并「别的专班」数据包）", "2026-11-20 10:00:00")  # never merged from there
        conn.execute(text("INSERT INTO exchange_record (package_id, direction, at, peer_name, operator, "
                          "audit_high_water) VALUES ('p1', 'received', '2026-11-20 10:01:00', :peer, '李四', :hw)"),
                     {"peer": PEER, "hw": base + 2})
        _add_log(conn, base + 3, f"王五（合并「{PEER}」数据包）", "2026-11-21 08:00:00")  # typed later: forged
    before = contents(engine)
    assert len(before["audit_log"]) > 1000

    result = migrate.upgrade(engine, backup_dir=tmp_path / "backups", target=THIS)

    assert result.from_revision == previous and result.to_revision == THIS
    after = contents(engine)
    assert {t: rows for t, rows in after.items() if t != "audit_log"} == \
        {t: rows for t, rows in before.items() if t != "audit_log"}
    with engine.connect() as conn:
        kept = sorted(tuple(str(v) for v in r) for r in conn.execute(text(
            "SELECT id, at, operator, action, entity, entity_id, entity_uuid, field, old_value, new_value "
            "FROM audit_log")))
    assert kept == before["audit_log"]
    with engine.connect() as conn:
        marks = dict(conn.execute(text("SELECT id, source FROM audit_log WHERE source IS NOT NULL")).all())
        assert conn.execute(text("SELECT count(*) FROM audit_log WHERE reverted_by IS NOT NULL")).scalar() == 0
    assert marks == {base + 1: f"merge:{PEER}"}
