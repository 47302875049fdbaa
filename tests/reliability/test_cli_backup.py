"""`keyproj backup | restore | check` as a scheduled job would run them: real processes, exit codes, Chinese."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop.paths import backups_dir, database_file


def _keyproj(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          input=stdin, timeout=120)


def test_backup_restore_check_round_trip(demo_workspace, tmp_path: Path) -> None:
    data = str(demo_workspace.data_dir)
    demo_workspace.close()
    target = tmp_path / "今天的备份.zip"
    done = _keyproj("backup", "--data-dir", data, "--to", str(target))
    assert done.returncode == 0, done.stderr
    assert target.exists() and "问题：300" in done.stdout

    auto = _keyproj("backup", "--data-dir", data)
    assert auto.returncode == 0 and len(list(backups_dir(Path(data)).glob("备份_*_手动.zip"))) == 1

    conn = sqlite3.connect(database_file(Path(data)))
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("DELETE FROM issue_note")
    conn.execute("DELETE FROM escalation")
    conn.execute("DELETE FROM agenda_item")
    conn.execute("DELETE FROM decision_issue")
    conn.execute("DELETE FROM issue")
    conn.commit()
    conn.close()

    declined = _keyproj("restore", str(target), "--data-dir", data, stdin="n\n")
    assert declined.returncode == 1 and "未做任何改动" in declined.stdout and "问题：300" in declined.stdout
    restored = _keyproj("restore", str(target), "--data-dir", data, "--yes")
    assert restored.returncode == 0, restored.stderr
    assert "恢复前的数据已备份到" in restored.stdout
    assert sqlite3.connect(database_file(Path(data))).execute("SELECT count(*) FROM issue").fetchone() == (300,)

    check = _keyproj("check", "--data-dir", data)
    assert check.returncode == 0 and "完整性检查：通过" in check.stdout and "外键检查：通过" in check.stdout


def test_check_reports_broken_foreign_keys_and_garbage(workspace, tmp_path: Path) -> None:
    data = str(workspace.data_dir)
    workspace.close()
    conn = sqlite3.connect(database_file(Path(data)))  # foreign keys off: as a buggy tool or a bad copy would
    conn.execute("INSERT INTO issue_note (uuid, created_at, updated_at, version, issue_id, kind, noted_on, text) "
                 "VALUES ('x', '2026-01-01', '2026-01-01', 1, 999, 'progress', '2026-01-01', '孤立的进展')")
    conn.commit()
    conn.close()
    broken = _keyproj("check", "--data-dir", data)
    assert broken.returncode == 3 and "外键检查：发现 1 处" in broken.stdout and "keyproj restore" in broken.stderr

    garbage = tmp_path / "garbage"
    garbage.mkdir()
    (garbage / "keyproj.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\x13" * 8000)
    result = _keyproj("check", "--data-dir", str(garbage))
    assert result.returncode == 3 and "Traceback" not in result.stderr


def test_restore_of_a_non_backup_is_refused_in_chinese(tmp_path: Path) -> None:
    bogus = tmp_path / "x.zip"
    bogus.write_text("hello")
    result = _keyproj("restore", str(bogus), "--data-dir", str(tmp_path / "d"), "--yes")
    assert result.returncode == 2 and "不是本程序的备份文件" in result.stderr and "Traceback" not in result.stderr


def test_missing_database_beside_backups_is_not_replaced_by_an_empty_one(demo_workspace) -> None:
    from desktop.services.backup import archive as backups

    backups.automatic_backup(demo_workspace.db, demo_workspace.data_dir, backups.Reason.DAILY)
    data = demo_workspace.data_dir
    demo_workspace.close()
    for f in data.glob("keyproj.sqlite3*"):
        f.unlink()
    result = _keyproj("stats", "--data-dir", str(data))
    assert result.returncode == 2 and "找不到数据库文件" in result.stderr and "keyproj restore" in result.stderr
    assert not database_file(data).exists()
