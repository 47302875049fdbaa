"""Full backups and restores on real files: contents, rotation, mirror, refusal of damaged input, atomic swap."""

from __future__ import annotations

import hashlib
import sqlite3
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.db.integrity import check_file
from desktop.db.migrate import head_revision
from desktop.db.models import Attachment, Issue, Project
from desktop.paths import attachments_dir, backups_dir, database_file
from desktop.services.backup import archive as backups
from desktop.services.backup import restore, rotation
from desktop.services.backup.archive import BackupError
from desktop.workspace import open_workspace

NOW = datetime(2026, 11, 25, 9, 30, 0)


def _add_attachment(ws, content: bytes) -> str:
    sha = hashlib.sha256(content).hexdigest()
    target = attachments_dir(ws.data_dir) / sha[:2] / sha
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    with ws.db.transaction() as s:
        s.add(Attachment(sha256=sha, filename="现场照片.jpg", size=len(content), owner_table="project", owner_id=1))
    return sha


def _count(ws, model) -> int:
    with ws.db.read() as s:
        return s.scalar(select(func.count(model.id)))


def test_archive_holds_database_attachments_and_manifest(demo_workspace, tmp_path: Path) -> None:
    sha = _add_attachment(demo_workspace, b"\xff\xd8 photo bytes")
    info = backups.create_archive(demo_workspace.db.engine, demo_workspace.data_dir, tmp_path / "b.zip", now=NOW)
    assert info.counts["issue"] == 300 and info.counts["project"] == _count(demo_workspace, Project)
    assert info.created_at == NOW and info.schema_revision == head_revision() and info.attachments == 1
    with zipfile.ZipFile(info.path) as zf:
        names = zf.namelist()
        assert f"attachments/{sha[:2]}/{sha}" in names and "keyproj.sqlite3" in names
        copy = tmp_path / "copy.sqlite3"
        copy.write_bytes(zf.read("keyproj.sqlite3"))
    assert check_file(copy).ok
    assert sqlite3.connect(copy).execute("SELECT count(*) FROM issue").fetchone() == (300,)
    assert any("问题：300" in line for line in info.summary_lines())


def test_backup_while_a_write_transaction_is_open_sees_only_committed_data(workspace, tmp_path: Path) -> None:
    with workspace.db.transaction() as s:
        s.add(Project(code="A-1", name="已提交项目", list_year=2026, stage="continuing"))
    session = workspace.db.new_session()
    session.begin()
    session.add(Project(code="A-2", name="未提交项目", list_year=2026, stage="continuing"))
    session.flush()
    try:
        info = backups.create_archive(workspace.db.engine, workspace.data_dir, tmp_path / "live.zip")
    finally:
        session.rollback()
        session.close()
    assert info.counts["project"] == 1


def test_restore_shows_contents_backs_up_current_and_replaces_atomically(demo_workspace, tmp_path: Path) -> None:
    ws = demo_workspace
    sha = _add_attachment(ws, b"scan of the approval")
    archive = backups.create_archive(ws.db.engine, ws.data_dir, tmp_path / "before.zip", now=NOW).path
    with ws.db.transaction() as s:
        s.execute(Issue.__table__.delete().where(Issue.id > 250))
    assert _count(ws, Issue) == 250
    data_dir = ws.data_dir
    ws.close()
    for f in attachments_dir(data_dir).rglob(sha):
        f.unlink()

    result = restore.restore_archive(archive, data_dir, now=NOW + timedelta(hours=1))

    assert result.restored.counts["issue"] == 300
    assert result.safety_backup is not None
    assert backups.inspect_archive(result.safety_backup).counts["issue"] == 250
    assert not (data_dir / restore.JOURNAL).exists()
    assert list(attachments_dir(data_dir).rglob(sha))
    reopened = open_workspace(data_dir)
    try:
        assert _count(reopened, Issue) == 300
    finally:
        reopened.close()


@pytest.mark.parametrize("step", ["staged", "attachments", "safety_backup", "log_carried", "journal", "aside_wal", "aside_db",
                                  "swapped"])
def test_restore_cut_off_at_any_step_leaves_old_or_new_never_a_mix(demo_workspace, tmp_path: Path,
                                                                   step: str) -> None:
    ws = demo_workspace
    archive = backups.create_archive(ws.db.engine, ws.data_dir, tmp_path / "full.zip", now=NOW).path
    with ws.db.transaction() as s:
        s.execute(Issue.__table__.delete().where(Issue.id > 100))
    data_dir = ws.data_dir
    ws.close()

    class PowerCut(Exception):
        pass

    def crash(at: str) -> None:
        if at == step:
            raise PowerCut(at)

    with pytest.raises(PowerCut):
        restore.restore_archive(archive, data_dir, crash_hook=crash)
    reopened = open_workspace(data_dir)  # finishes a journalled restore, or finds the old data untouched
    try:
        issues = _count(reopened, Issue)
        journalled = step not in ("staged", "attachments", "safety_backup", "log_carried")
        assert issues == (300 if journalled else 100)
        assert check_file(database_file(data_dir)).ok
    finally:
        reopened.close()


def test_damaged_or_foreign_archives_are_refused_without_touching_data(workspace, tmp_path: Path) -> None:
    bad = tmp_path / "not-a-backup.zip"
    bad.write_bytes(b"PK\x03\x04 garbage")
    with pytest.raises(BackupError, match="不是本程序的备份文件"):
        restore.restore_archive(bad, workspace.data_dir)
    good = backups.create_archive(workspace.db.engine, workspace.data_dir, tmp_path / "g.zip").path
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(BackupError):
        backups.inspect_archive(truncated)
    with zipfile.ZipFile(good) as zf:
        start = zf.getinfo("keyproj.sqlite3").header_offset + 100
    for delta in range(0, 4000, 97):  # a flipped byte anywhere in the deflated database: CRC or zlib error
        flipped = bytearray(good.read_bytes())
        flipped[start + delta] ^= 0xFF
        corrupt = tmp_path / "corrupt.zip"
        corrupt.write_bytes(bytes(flipped))
        with pytest.raises(BackupError, match=r"已损坏|不是本程序"):
            backups.inspect_archive(corrupt)


def test_rotation_keeps_7_daily_4_weekly_12_monthly() -> None:
    start = datetime(2025, 1, 1, 8, 0)
    archives = [rotation.Dated(Path(f"{i}.zip"), start + timedelta(days=i)) for i in range(400)]
    now = archives[-1].at + timedelta(hours=72)
    kept = rotation.to_keep(archives, now)
    kept_times = sorted((d.at for d in archives if d.path in kept), reverse=True)
    days = {t.date() for t in kept_times}
    assert len(days) == len(kept_times)
    assert [t.date() for t in kept_times[:7]] == [(archives[-1].at - timedelta(days=i)).date() for i in range(7)]
    assert len({t.isocalendar()[:2] for t in kept_times}) >= 4
    assert len({(t.year, t.month) for t in kept_times}) == 12
    assert len(kept_times) <= 7 + 4 + 12


def test_rotation_never_drops_the_last_two_days_and_ignores_foreign_files(tmp_path: Path) -> None:
    for hour in range(10):
        (tmp_path / rotation.archive_name(NOW - timedelta(hours=hour), "导入前")).write_bytes(b"x")
    (tmp_path / "my own copy.zip").write_bytes(b"x")
    assert rotation.rotate(tmp_path, NOW) == []
    assert len(list(tmp_path.iterdir())) == 11


def test_daily_backup_once_a_day_with_mirror(demo_workspace, tmp_path: Path) -> None:
    mirror = tmp_path / "usb"
    backups.set_mirror_folder(demo_workspace.db, mirror)
    first = backups.daily_backup_if_due(demo_workspace.db, demo_workspace.data_dir, now=NOW)
    assert first is not None and first.mirrored_to is not None and first.mirrored_to.exists()
    assert backups.daily_backup_if_due(demo_workspace.db, demo_workspace.data_dir, now=NOW + timedelta(hours=3)) is None
    again = backups.daily_backup_if_due(demo_workspace.db, demo_workspace.data_dir, now=NOW + timedelta(days=1))
    assert again is not None
    assert len(list(mirror.glob("*.zip"))) == 2
    assert [i.created_at for i in backups.list_backups(demo_workspace.data_dir)] == [
        NOW + timedelta(days=1), NOW]


def test_unplugged_mirror_is_a_warning_not_a_failure(demo_workspace, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    result = backups.backup_before_import(demo_workspace.db, demo_workspace.data_dir, now=NOW)
    assert result is not None
    result = backups.automatic_backup(demo_workspace.db, demo_workspace.data_dir, backups.Reason.IMPORT,
                                      now=NOW, mirror_dir=blocker / "sub")
    assert result.path.exists() and result.mirrored_to is None
    assert "第二备份位置" in result.warnings[0]


def test_empty_database_gets_no_daily_backup(workspace) -> None:
    assert backups.daily_backup_if_due(workspace.db, workspace.data_dir, now=NOW) is None
    assert not backups_dir(workspace.data_dir).exists() or not list(backups_dir(workspace.data_dir).iterdir())


def test_newest_good_backup_skips_a_corrupt_one(demo_workspace) -> None:
    ws = demo_workspace
    older = backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.DAILY, now=NOW).path
    newer = backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.MANUAL, now=NOW + timedelta(hours=1)).path
    newer.write_bytes(newer.read_bytes()[:5000])
    found = backups.newest_good_backup(ws.data_dir)
    assert found is not None and found.path == older


def test_restore_from_another_process_waits_for_the_open_window(workspace, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    archive = backups.create_archive(workspace.db.engine, workspace.data_dir, tmp_path / "a.zip").path
    window = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (workspace.data_dir / restore.LOCK_FILE).write_text(f"{window.pid}\nkeyproj\nhost\n", encoding="utf-8")
        with pytest.raises(BackupError, match="请先关闭窗口再恢复"):
            restore.restore_archive(archive, workspace.data_dir)
    finally:
        window.kill()
        window.wait()
    restore.refuse_if_open_elsewhere(workspace.data_dir)  # a dead process's lock is stale: allowed
    (workspace.data_dir / restore.LOCK_FILE).write_text(f"{os.getpid()}\n", encoding="utf-8")
    restore.refuse_if_open_elsewhere(workspace.data_dir)  # the window restoring its own folder: allowed
