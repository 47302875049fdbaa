"""A restore keeps the 操作日志: rows written after the backup are carried into the restored database (marked as
taken back) and the restore leaves a 恢复备份 row naming who, which backup and from which file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from desktop.db import audit_chain, migrate
from desktop.db.models import AuditLog, Issue, IssueNote, Project
from desktop.paths import database_file
from desktop.services import audit_log
from desktop.services.backup import archive as backups
from desktop.services.backup import restore
from desktop.workspace import open_workspace
from tests.db.migration_support import downgrade, previous_of

NOW = datetime(2026, 11, 25, 9, 30, 0)


def _log(data_dir: Path) -> list[AuditLog]:
    ws = open_workspace(data_dir)
    try:
        with ws.db.read() as s:
            return list(s.scalars(select(AuditLog).order_by(AuditLog.id)))
    finally:
        ws.close()


def _edit_after_backup(ws) -> None:  # type: ignore[no-untyped-def]
    with ws.db.transaction() as s:
        s.scalars(select(Project).order_by(Project.id)).first().name = "备份之后改的名称"
        s.delete(s.scalars(select(IssueNote).order_by(IssueNote.id)).first())


def test_restore_carries_later_rows_and_adds_its_own(demo_workspace, tmp_path: Path) -> None:
    ws = demo_workspace
    archive = backups.create_archive(ws.db.engine, ws.data_dir, tmp_path / "before.zip", now=NOW).path
    with ws.db.read() as s:
        in_backup = [(e.id, e.action, e.new_value) for e in s.scalars(select(AuditLog).order_by(AuditLog.id))]
    _edit_after_backup(ws)
    with ws.db.read() as s:
        later = [(e.id, e.action, e.entity, e.field, e.old_value, e.new_value, e.operator)
                 for e in s.scalars(select(AuditLog).where(AuditLog.id > in_backup[-1][0]).order_by(AuditLog.id))]
    assert {row[1] for row in later} == {"update", "delete"}
    data_dir = ws.data_dir
    ws.close()

    result = restore.restore_archive(archive, data_dir, operator="王五")

    log = _log(data_dir)
    assert [(e.id, e.action, e.new_value) for e in log[:len(in_backup)]] == in_backup
    carried = log[len(in_backup):-1]
    assert [(e.id, e.action, e.entity, e.field, e.old_value, e.new_value, e.operator) for e in carried] == later
    step = log[-1]
    assert (step.action, step.operator, step.entity) == ("restore", "王五", "database")
    assert archive.name in step.new_value and str(archive) in step.new_value and "2026-11-25 09:30:00" in step.new_value
    assert str(result.safety_backup) in step.old_value and f"{len(later)} 条操作记录" in step.old_value
    assert all(e.reverted_by == step.id for e in carried) and all(e.reverted_by is None for e in log[:len(in_backup)])
    chain = audit_chain.verify_file(database_file(data_dir))
    assert chain.ok and chain.intact == len(log)  # carried rows and the restore row linked on the backup's chain
    ws = open_workspace(data_dir)
    try:
        with ws.db.read() as s:
            assert s.scalars(select(Project).order_by(Project.id)).first().name != "备份之后改的名称"
            rows = audit_log.page(s, limit=len(later) + 1)
    finally:
        ws.close()
    assert rows[0][3] == "恢复备份" and rows[0][2] == "王五"
    assert {r[3] for r in rows[1:]} == {"修改（已撤回）", "删除（已撤回）"}


def test_restore_of_an_older_schema_backup_keeps_the_marks(demo_workspace, tmp_path: Path) -> None:
    ws = demo_workspace
    older = previous_of("0017_audit_marks")  # before the audit marks existed
    downgrade(ws.db.engine, older)
    archive = backups.create_archive(ws.db.engine, ws.data_dir, tmp_path / "old.zip", now=NOW).path
    assert backups.inspect_archive(archive).schema_revision == older
    migrate.upgrade(ws.db.engine, backup_dir=tmp_path / "mig")
    _edit_after_backup(ws)
    data_dir = ws.data_dir
    ws.close()

    restore.restore_archive(archive, data_dir, operator="王五")

    log = _log(data_dir)
    step = log[-1]
    assert step.action == "restore" and [e.action for e in log if e.reverted_by == step.id] == ["update", "delete"]
    assert audit_chain.verify_file(database_file(data_dir)).ok  # the old backup's rows were linked by its upgrade
    assert not list(data_dir.glob("*.restoring*"))


def test_restore_over_a_damaged_database_says_its_log_could_not_be_read(demo_workspace, tmp_path: Path) -> None:
    ws = demo_workspace
    archive = backups.create_archive(ws.db.engine, ws.data_dir, tmp_path / "good.zip", now=NOW).path
    with ws.db.read() as s:
        newest = s.scalars(select(AuditLog.id).order_by(AuditLog.id.desc())).first()
    data_dir = ws.data_dir
    ws.close()
    live = database_file(data_dir)
    for side in data_dir.glob("keyproj.sqlite3-*"):
        side.unlink()
    live.write_bytes(b"this is no database" * 100)

    restore.restore_archive(archive, data_dir)

    log = _log(data_dir)
    assert log[-1].id == newest + 1 and log[-1].action == "restore" and log[-1].operator == "系统"
    assert "无法读取" in log[-1].old_value
    ws = open_workspace(data_dir)
    try:
        with ws.db.read() as s:
            assert s.scalars(select(Issue)).first() is not None
    finally:
        ws.close()
