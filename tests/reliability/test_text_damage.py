"""Damage inside a row's text: 16 bytes of a record overwritten, as a bad sector or a torn copy leaves them. The
page structure is intact, so integrity_check passes; `keyproj check` must still find it (a decode of every text
column), and every read that meets it must say in Chinese which table is damaged — never SQLite's English
"Could not decode to UTF-8" — while a backup refuses to archive the damaged file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.db.integrity import check_file, connect_read_only, undecodable_text
from desktop.db.models import AuditLog, Issue
from desktop.errors import DamagedDatabase
from desktop.paths import database_file
from desktop.services.backup import archive as backups
from desktop.services.backup.archive import BackupError
from desktop.workspace import open_workspace
from tests.reliability.damage import flip_inside_text


def _keyproj(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=120)


def _damaged_demo(ws) -> tuple[Path, int, int]:
    """A demo folder whose issue description and one 操作日志 text no longer decode; (folder, issue, audit row)."""
    with ws.db.read() as s:
        issue_id = s.scalars(select(Issue.id).order_by(Issue.id.desc())).first()
        audit_id = s.scalars(select(AuditLog.id).where(AuditLog.new_value.is_not(None)).order_by(AuditLog.id)).first()
    data = ws.data_dir
    ws.close()
    db_file = database_file(data)
    flip_inside_text(db_file, "issue", "description", issue_id)
    flip_inside_text(db_file, "audit_log", "new_value", audit_id)
    return data, issue_id, audit_id


def test_integrity_check_misses_it_the_text_check_finds_it(demo_workspace) -> None:
    data, issue_id, audit_id = _damaged_demo(demo_workspace)
    db_file = database_file(data)
    conn = connect_read_only(db_file)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        found = {(d.table, d.column, d.rowid) for d in undecodable_text(conn)}
    finally:
        conn.close()
    assert found == {("issue", "description", issue_id), ("audit_log", "new_value", audit_id)}
    report = check_file(db_file)
    assert not report.ok and len(report.text) == 2
    assert "文字检查：发现 2 处无法读取的文字" in report.lines()


def test_keyproj_check_reports_the_rows_and_the_backup(demo_workspace) -> None:
    ws = demo_workspace
    good = backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.DAILY).path
    data, issue_id, audit_id = _damaged_demo(ws)
    result = _keyproj("check", "--data-dir", str(data))
    assert result.returncode == 3, result.stdout + result.stderr
    assert "完整性检查：通过" in result.stdout and "文字检查：发现 2 处无法读取的文字" in result.stdout
    assert f"「问题」表（issue）第 {issue_id} 行的 description 字段中的文字无法读取" in result.stdout
    assert f"「操作日志」表（audit_log）第 {audit_id} 行的 new_value 字段" in result.stdout
    assert "数据库已损坏" in result.stderr and f"最近的完好备份：{good}" in result.stderr


def test_reads_say_which_table_in_chinese(demo_workspace) -> None:
    data, issue_id, _audit = _damaged_demo(demo_workspace)
    ws = open_workspace(data)  # the start-up check (quick_check) cannot see it
    try:
        with pytest.raises(DamagedDatabase) as caught, ws.db.read() as s:
            s.scalars(select(Issue)).all()
        message = str(caught.value)
        assert f"「问题」表（issue）第 {issue_id} 行的 description 字段" in message
        assert "备份与恢复" in message and "decode" not in message.lower()
        assert caught.value.tables == ("issue",)
        with pytest.raises(DamagedDatabase), ws.db.transaction() as s:
            s.scalars(select(Issue)).all()
        with pytest.raises(BackupError, match="文字无法读取"):
            backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.MANUAL)
    finally:
        ws.close()


def test_cli_ledger_export_gives_the_chinese_message(demo_workspace, tmp_path: Path) -> None:
    data, issue_id, _audit = _damaged_demo(demo_workspace)
    out = tmp_path / "问题台账.xlsx"
    result = _keyproj("export", "ledger-issues", "--out", str(out), "--data-dir", str(data))
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"数据库文件已损坏：「问题」表（issue）第 {issue_id} 行" in result.stderr
    assert "Traceback" not in result.stderr and "decode" not in (result.stdout + result.stderr).lower()
    assert not out.exists()
