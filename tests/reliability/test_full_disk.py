"""A nearly full disk, made real: a tmpfs holding the demo database with about 1.5 MB to spare. Every backup —
daily at start, before an import, before a merge, `backup --to`, into the mirror folder — and a restore says in
Chinese how much room it needs, leaves nothing half-written, and leaves the database as it was; the window
starts anyway. Where the refusal comes before any write, the fault at the write itself is injected (ENOSPC)."""

from __future__ import annotations

import errno
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import scratch
from desktop.db.backup import backup_sqlite
from desktop.db.integrity import check_file
from desktop.errors import DiskFull
from desktop.paths import backups_dir, database_file
from desktop.services.backup import archive as backups
from desktop.services.backup import files as backup_files
from desktop.services.backup.archive import BackupError
from desktop.services.backup.restore import restore_archive
from desktop.ui import startup
from desktop.workspace import open_workspace
from tests.reliability.damage import tiny_filesystem

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
SPARE_KB = 1536


def _keyproj(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=180)


@pytest.fixture
def full_disk(demo_template: Path, tmp_path: Path) -> Iterator[Path]:
    """The demo data folder on a tmpfs with ~1.5 MB left."""
    size_kb = sum(p.stat().st_size for p in demo_template.glob("keyproj.sqlite3*")) // 1024 + SPARE_KB
    with tiny_filesystem(tmp_path / "disk", size_kb) as mount:
        data = mount / "data"
        data.mkdir()
        for item in demo_template.glob("keyproj.sqlite3*"):
            shutil.copy2(item, data / item.name)
        open_workspace(data).close()
        yield data


def _issues(data: Path) -> int:
    conn = sqlite3.connect(f"{database_file(data).as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM issue").fetchone()[0]
    finally:
        conn.close()


def _no_leftovers(*folders: Path) -> None:
    for folder in folders:
        if folder.is_dir():
            left = [p.name for p in folder.iterdir() if scratch.is_scratch(p) or p.name.endswith((".part", ".tmp"))]
            assert left == [], left


def _assert_disk_message(text: str) -> None:
    assert "磁盘空间不足，还需约" in text and " MB" in text and "已有数据未受影响" in text, text
    assert "Traceback" not in text and "No space left" not in text and "disk is full" not in text


def test_cli_backups_on_a_full_disk_say_how_much_room(full_disk: Path) -> None:
    data = full_disk
    for args in (("backup", "--to", str(data.parent / "今天.zip")), ("backup",)):
        result = _keyproj(*args, "--data-dir", str(data))
        assert result.returncode == 2, result.stdout + result.stderr
        _assert_disk_message(result.stderr)
    assert not (data.parent / "今天.zip").exists() and not list(backups_dir(data).glob("*.zip"))
    _no_leftovers(data, data.parent, backups_dir(data))
    assert check_file(database_file(data)).ok and _issues(data) == 300


def test_import_on_a_full_disk_is_refused_before_its_backup(full_disk: Path) -> None:
    data = full_disk
    result = _keyproj("import", "issues", str(SAMPLES / "问题台账_包保项目_2022.xlsx"), "--data-dir", str(data))
    assert result.returncode == 2, result.stdout + result.stderr
    _assert_disk_message(result.stderr)
    assert _issues(data) == 300
    _no_leftovers(data, backups_dir(data))


def test_daily_backup_failing_is_a_line_not_a_stop(full_disk: Path) -> None:
    ws = open_workspace(full_disk)
    try:
        note = startup.daily_backup(ws)
        assert note is not None and note.startswith(startup.DAILY_BACKUP_FAILED)
        _assert_disk_message(note)
        assert not ws.is_empty()  # still working on the data
    finally:
        ws.close()
    _no_leftovers(backups_dir(full_disk))


def test_write_failures_past_the_room_check_are_the_same_message(full_disk: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    ws = open_workspace(full_disk)
    try:
        monkeypatch.setattr(backup_files, "space_needed", lambda *_a: 0)  # the estimate said it would fit
        with pytest.raises(BackupError) as caught:  # the kernel's ENOSPC, met by SQLite's copy
            backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.MANUAL)
        _assert_disk_message(str(caught.value))
        _no_leftovers(backups_dir(full_disk))
        with pytest.raises(DiskFull) as caught:  # the copy taken before an exchange merge
            backup_sqlite(ws.db.engine, backups_dir(full_disk) / "合并前备份_20261125_093000_abcd1234.sqlite3")
        _assert_disk_message(str(caught.value))
        _no_leftovers(backups_dir(full_disk))

        def no_room(*_a, **_k):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(backup_files, "space_needed", lambda *_a: 0)
        monkeypatch.setattr(zipfile.ZipFile, "write", no_room)  # the zip itself, after the copy fitted
        with pytest.raises(BackupError) as caught:
            backups.create_archive(ws.db.engine, ws.data_dir, full_disk.parent / "手动.zip")
        assert "磁盘空间不足" in str(caught.value) and "No space" not in str(caught.value)
        _no_leftovers(full_disk.parent, backups_dir(full_disk))
        assert ws.is_empty() is False
    finally:
        ws.close()
    assert check_file(database_file(full_disk)).ok and _issues(full_disk) == 300


def test_restore_onto_a_full_disk_changes_nothing(full_disk: Path, demo_workspace, tmp_path: Path) -> None:
    archive = backups.create_archive(demo_workspace.db.engine, demo_workspace.data_dir, tmp_path / "全部.zip").path
    demo_workspace.close()
    with pytest.raises(BackupError) as caught:
        restore_archive(archive, full_disk)
    _assert_disk_message(str(caught.value))
    _no_leftovers(full_disk, backups_dir(full_disk))
    assert check_file(database_file(full_disk)).ok and _issues(full_disk) == 300


def test_full_mirror_is_a_chinese_warning(demo_workspace, tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "stick", 256) as stick:
        result = backups.automatic_backup(demo_workspace.db, demo_workspace.data_dir, backups.Reason.MANUAL,
                                          mirror_dir=stick / "备份")
        assert result is not None and result.mirrored_to is None and result.path.exists()
        assert len(result.warnings) == 1 and "未能复制到第二备份位置" in result.warnings[0]
        _assert_disk_message(result.warnings[0])
        _no_leftovers(stick / "备份")


def test_window_starts_and_keeps_the_failure_in_view(qtbot, full_disk: Path, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from desktop.app import create_application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.startup import start_daily_backup

    create_application()
    ws = open_workspace(full_disk, operator="测试员")
    window = MainWindow(ws, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    start_daily_backup(window)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(startup.DAILY_BACKUP_FAILED),
                    timeout=60_000)
    _assert_disk_message(window.statusBar().currentMessage())
    assert window.ops.errors_shown == []
    window.close()
    window.ops.close()
