"""Temporary copies of the database never collide and never stay: two backups in the same second both succeed
and both are kept; a backup or restore killed half-way leaves its copies only until the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

from desktop import scratch
from desktop.paths import backups_dir, database_file
from desktop.services.backup import archive as backups
from desktop.services.backup import rotation
from desktop.workspace import open_workspace

NOW = datetime(2026, 11, 25, 9, 30, 0)

KILL_DURING_BACKUP = """
import os, signal, sys, zipfile
from pathlib import Path
from desktop.services.backup import archive as backups
from desktop.workspace import open_workspace

ws = open_workspace(Path(sys.argv[1]))
real_write = zipfile.ZipFile.write
def write(self, *args, **kwargs):
    real_write(self, *args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)  # the database is in the zip, the zip not yet renamed
zipfile.ZipFile.write = write
backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.MANUAL)
"""

KILL_DURING_RESTORE = """
import os, signal, sys
from pathlib import Path
from desktop.services.backup.restore import restore_archive

def crash(step):
    if step == "staged":
        os.kill(os.getpid(), signal.SIGKILL)
restore_archive(Path(sys.argv[2]), Path(sys.argv[1]), crash_hook=crash)
"""


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if scratch.is_scratch(p) or p.name.endswith((".part", ".tmp")))


def test_two_backups_in_the_same_second_both_succeed(demo_workspace) -> None:
    ws = demo_workspace
    errors: list[BaseException] = []

    def one() -> None:
        try:
            backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.MANUAL, now=NOW)
        except BaseException as exc:  # the test reports whatever went wrong
            errors.append(exc)

    for _round in range(10):
        threads = [threading.Thread(target=one) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert not errors, errors
    archives = rotation.dated_archives(backups_dir(ws.data_dir))
    assert len(archives) == 20 and len({d.path.name for d in archives}) == 20
    for d in archives:
        assert backups.inspect_archive(d.path, verify=True).counts["issue"] == 300
    assert _leftovers(backups_dir(ws.data_dir)) == []


def test_killed_backup_leaves_copies_only_until_the_next_start(demo_workspace) -> None:
    data = demo_workspace.data_dir
    demo_workspace.close()
    proc = subprocess.run([sys.executable, "-c", KILL_DURING_BACKUP, str(data)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    left = _leftovers(backups_dir(data))
    assert len(left) == 2 and all(name.startswith(scratch.PREFIX) for name in left), left  # work folder and zip
    assert sum(_size(backups_dir(data) / name) for name in left) > database_file(data).stat().st_size
    assert rotation.dated_archives(backups_dir(data)) == []
    open_workspace(data).close()
    assert _leftovers(backups_dir(data)) == []


def test_killed_restore_leaves_its_staged_copy_only_until_the_next_start(demo_workspace, tmp_path: Path) -> None:
    archive = backups.create_archive(demo_workspace.db.engine, demo_workspace.data_dir, tmp_path / "full.zip").path
    data = demo_workspace.data_dir
    demo_workspace.close()
    proc = subprocess.run([sys.executable, "-c", KILL_DURING_RESTORE, str(data), str(archive)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    left = _leftovers(data)
    assert len(left) == 1 and left[0].endswith("restoring.sqlite3"), left
    ws = open_workspace(data)
    try:
        assert _leftovers(data) == [] and not ws.is_empty()
    finally:
        ws.close()


def test_sweep_keeps_what_a_running_process_writes_and_old_names_by_age(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    mine = scratch.scratch_file(folder, "backup.zip")  # this process: in use
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive = folder / f"{scratch.PREFIX}{sleeper.pid}-abc-backup.zip"
        alive.write_bytes(b"x")
        dead_pid = _dead_pid()
        dead = folder / f"{scratch.PREFIX}{dead_pid}-abc-backup"
        dead.mkdir()
        (dead / "keyproj.sqlite3").write_bytes(b"x" * 1000)
        legacy_dir = folder / f".备份_20261125_093000_每日.zip.{dead_pid}.tmp"
        legacy_dir.mkdir()
        old_part = folder / "备份_20261125_093000_每日.zip.part"
        old_part.write_bytes(b"x")
        hours_ago = time.time() - 7 * 3600
        os.utime(old_part, (hours_ago, hours_ago))
        fresh_part = folder / "备份_20261125_103000_手动.zip.part"
        fresh_part.write_bytes(b"x")
        foreign = folder / "我的笔记.txt"
        foreign.write_text("不要删除", encoding="utf-8")
        removed = scratch.sweep(folder)
        assert sorted(p.name for p in removed) == sorted([dead.name, legacy_dir.name, old_part.name])
        assert mine.exists() and alive.exists() and fresh_part.exists() and foreign.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size
