"""A database file that is empty, foreign or half there is never taken as a first start while the folder has
backups: the start refuses it without touching it, `keyproj check` calls it 损坏 and names the newest good backup,
and the window offers that backup, naming the newer ones it skipped as damaged."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.db.integrity import FileState, identify_file
from desktop.paths import backups_dir, database_file
from desktop.services.backup import archive as backups
from desktop.workspace import WorkspaceError, open_workspace

NOW = datetime(2026, 11, 25, 9, 30, 0)


def _keyproj(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=120)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _folder_with_backups(ws) -> tuple[Path, Path, Path]:
    """(data folder, good backup, a newer backup damaged inside the zip) with the workspace closed."""
    good = backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.DAILY, now=NOW).path
    bad = backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.MANUAL, now=NOW + timedelta(hours=2)).path
    raw = bytearray(bad.read_bytes())
    middle = len(raw) // 2
    raw[middle:middle + 16] = bytes(b ^ 0xFF for b in raw[middle:middle + 16])
    bad.write_bytes(bytes(raw))
    data = ws.data_dir
    ws.close()
    return data, good, bad


def _truncate_to_zero(data: Path) -> Path:
    db_file = database_file(data)
    for side in data.glob("keyproj.sqlite3-*"):
        side.unlink()
    db_file.write_bytes(b"")
    return db_file


def test_identify_tells_ours_from_empty_foreign_and_broken(workspace, tmp_path: Path) -> None:
    assert identify_file(database_file(workspace.data_dir)).state is FileState.KEYPROJ
    assert identify_file(tmp_path / "nothing.sqlite3").state is FileState.MISSING
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert identify_file(empty).state is FileState.EMPTY
    text = tmp_path / "text.sqlite3"
    text.write_text("这是一个文本文件", encoding="utf-8")
    found = identify_file(text)
    assert found.state is FileState.NOT_SQLITE and "文件头" in found.detail
    foreign = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    found = identify_file(foreign)
    assert found.state is FileState.FOREIGN and "contacts" in found.detail
    bare = tmp_path / "bare.sqlite3"  # a header and no tables: what an interrupted first start can leave
    conn = sqlite3.connect(bare)
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()
    assert bare.stat().st_size > 0 and identify_file(bare).state is FileState.EMPTY
    half = tmp_path / "half.sqlite3"
    conn = sqlite3.connect(half)
    conn.execute("CREATE TABLE issue (id INTEGER)")
    conn.execute("CREATE TABLE project (id INTEGER)")
    conn.commit()
    conn.close()
    found = identify_file(half)
    assert found.state is FileState.INCOMPLETE and "alembic_version" in found.detail


def test_zero_byte_file_beside_backups_is_refused_untouched(demo_workspace) -> None:
    data, _good, _bad = _folder_with_backups(demo_workspace)
    db_file = _truncate_to_zero(data)
    with pytest.raises(WorkspaceError) as caught:
        open_workspace(data)
    assert caught.value.damaged and caught.value.replaceable
    assert "空的（0 字节" in str(caught.value) and "keyproj restore" in str(caught.value)
    assert db_file.stat().st_size == 0 and not list(data.glob("keyproj.sqlite3-*"))
    ws = open_workspace(data, allow_new_beside_backups=True)  # the user chose a new database after being asked
    try:
        assert ws.is_empty() and identify_file(db_file).usable
    finally:
        ws.close()


def test_zero_byte_file_without_backups_is_a_first_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    database_file(data).write_bytes(b"")
    ws = open_workspace(data)
    try:
        assert ws.is_empty() and identify_file(database_file(data)).usable
    finally:
        ws.close()


def test_foreign_database_is_refused_even_without_backups_and_never_migrated(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(database_file(data))
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('张三')")
    conn.commit()
    conn.close()
    before = _sha(database_file(data))
    for allow in (False, True):
        with pytest.raises(WorkspaceError) as caught:
            open_workspace(data, allow_new_beside_backups=allow)
        assert caught.value.damaged and not caught.value.replaceable
        assert "不是本程序的数据库" in str(caught.value) and "contacts" in str(caught.value)
    assert _sha(database_file(data)) == before


def test_check_says_damaged_and_names_the_newest_good_backup(demo_workspace) -> None:
    data, good, bad = _folder_with_backups(demo_workspace)
    healthy = _keyproj("check", "--data-dir", str(data))
    assert healthy.returncode == 0 and "完整性检查：通过" in healthy.stdout, healthy.stderr
    _truncate_to_zero(data)
    result = _keyproj("check", "--data-dir", str(data))
    assert result.returncode == 3, result.stdout + result.stderr
    assert "数据库损坏：数据库文件是空的（0 字节）" in result.stdout and "通过" not in result.stdout
    assert f"最近的完好备份：{good}" in result.stderr
    assert f"已跳过损坏的备份 {bad.name}" in result.stderr and "校验失败" in result.stderr
    assert f'keyproj restore "{good}"' in result.stderr and "Traceback" not in result.stderr
    assert database_file(data).stat().st_size == 0

    stats = _keyproj("stats", "--data-dir", str(data))
    assert stats.returncode == 2 and "空的（0 字节" in stats.stderr and "Traceback" not in stats.stderr
    assert database_file(data).stat().st_size == 0


def test_check_on_a_missing_file_beside_backups_is_damage_not_a_usage_error(demo_workspace) -> None:
    data, good, _bad = _folder_with_backups(demo_workspace)
    for f in data.glob("keyproj.sqlite3*"):
        f.unlink()
    result = _keyproj("check", "--data-dir", str(data))
    assert result.returncode == 3 and "找不到数据库文件" in result.stdout and str(good) in result.stderr
    alone = _keyproj("check", "--data-dir", str(data / "elsewhere"))
    assert alone.returncode == 2 and "找不到数据库文件" in alone.stderr


def test_check_on_a_foreign_file_is_damage(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    database_file(data).write_bytes(b"PK\x03\x04" + b"\x00" * 2000)  # a zip saved under our name
    result = _keyproj("check", "--data-dir", str(data))
    assert result.returncode == 3 and "不是 SQLite 数据库" in result.stdout
    assert "没有可用的备份" in result.stderr and "Traceback" not in result.stderr
    assert not backups_dir(data).exists()


def test_check_in_a_read_only_folder_reads_without_writing(tmp_path: Path) -> None:
    """WAL needs to create its -shm file to read; a check on a write-protected stick opens the file immutable."""
    from tests.reliability.damage import read_only, tiny_filesystem

    with tiny_filesystem(tmp_path / "stick", 4096) as mount:
        data = mount / "data"
        ws = open_workspace(data)
        backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.MANUAL)
        ws.close()
        before = sorted(p.name for p in data.iterdir())
        with read_only(mount):
            result = _keyproj("check", "--data-dir", str(data))
            assert result.returncode == 0, result.stdout + result.stderr
            assert "完整性检查：通过" in result.stdout and "文字检查：通过" in result.stdout
            with pytest.raises(WorkspaceError, match="只读"):
                open_workspace(data)
        assert sorted(p.name for p in data.iterdir()) == before
