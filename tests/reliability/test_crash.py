"""Power cuts and full disks, for real: a child process writing through the services is SIGKILLed at random
moments (or its file-size limit hit), then the database must open, pass integrity_check and foreign_key_check,
hold every batch the child reported as committed, and hold no part of any other batch."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.db.engine import Database, make_engine
from desktop.db.integrity import check_file
from desktop.db.models import Unit
from desktop.errors import StorageError
from desktop.paths import database_file
from desktop.workspace import WorkspaceError, open_workspace
from tests.reliability.crash_writer import ISSUES_PER_BATCH
from tests.reliability.damage import tiny_filesystem

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = int(os.environ.get("KEYPROJ_KILLS", "30"))
SLOW_KILLS = 300

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _start(data_dir: Path, first: int, *extra: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, str(WRITER), str(data_dir), str(first), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line == "ready", proc.stderr.read() if proc.stderr else line
    return proc


def _batches(db_file: Path) -> dict[int, tuple[int, int, int]]:
    """batch number → (issues, journal rows, audit rows for its project)."""
    conn = sqlite3.connect(db_file)
    try:
        rows = conn.execute(
            "SELECT p.code, p.id, (SELECT count(*) FROM issue i WHERE i.project_id = p.id), "
            "(SELECT count(*) FROM issue_note n JOIN issue i ON n.issue_id = i.id WHERE i.project_id = p.id), "
            "(SELECT count(*) FROM audit_log a WHERE a.entity = 'project' AND a.entity_id = p.id) "
            "FROM project p WHERE p.code LIKE 'K%'").fetchall()
    finally:
        conn.close()
    return {int(code[1:]): (n_issues, n_notes, n_audit) for code, _pid, n_issues, n_notes, n_audit in rows}


def _kill_cycles(data_dir: Path, kills: int, seed: int) -> tuple[int, int]:
    rng = random.Random(seed)
    open_workspace(data_dir).close()
    db_file = database_file(data_dir)
    reported: set[int] = set()
    next_batch = 0
    for _ in range(kills):
        proc = _start(data_dir, next_batch)
        assert proc.stdout is not None
        seen = [proc.stdout.readline().strip() for _ in range(rng.randint(0, 2))]  # let some commits land
        time.sleep(rng.uniform(0.0, 0.3))  # then strike somewhere inside the next batch (~0.2 s each)
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate(timeout=30)
        reported |= {int(x) for x in [*seen, *out.split()] if x.isdigit()}

        assert check_file(db_file).ok, "integrity_check/foreign_key_check failed after SIGKILL"
        batches = _batches(db_file)
        missing = reported - set(batches)
        assert not missing, f"committed batches lost: {sorted(missing)[:5]}"
        for n, (n_issues, n_notes, n_audit) in batches.items():
            # 12 issues; each has a 'found' and an 'assign' note, every third an 'escalate' note too
            assert (n_issues, n_notes) == (ISSUES_PER_BATCH, ISSUES_PER_BATCH * 2 + ISSUES_PER_BATCH // 3), n
            assert n_audit == 1, n
        next_batch = max(batches, default=-1) + 1
    return len(reported), next_batch


def test_sigkill_during_writes_loses_no_commit_and_leaves_no_partial_batch(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    committed, batches = _kill_cycles(data_dir, KILLS, seed=20261125)
    assert committed >= KILLS // 2  # the kills landed among real work, not before it
    ws = open_workspace(data_dir)  # and the app starts normally on it
    ws.close()
    print(f"{KILLS} kills survived, {batches} batches on disk")


@pytest.mark.slow
def test_sigkill_many_times(tmp_path: Path) -> None:
    _kill_cycles(tmp_path / "data", SLOW_KILLS, seed=7)


def test_file_size_limit_gives_chinese_message_and_intact_database(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    open_workspace(data_dir).close()
    db_file = database_file(data_dir)
    limit = db_file.stat().st_size + 256 * 1024
    proc = subprocess.run([sys.executable, str(WRITER), str(data_dir), "0", "--fsize-limit", str(limit)],
                          capture_output=True, text=True, timeout=120)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 3, proc.stderr[-2000:]
    assert lines[-1].startswith("refused") and "StorageError" in lines[-1]
    assert "超出文件大小限制" in lines[-1] and "本次修改未保存" in lines[-1]
    reported = {int(x) for x in lines if x.isdigit()}
    assert reported, "the limit should allow a few batches first"
    assert check_file(db_file).ok
    assert set(_batches(db_file)) == reported


def test_full_disk_gives_chinese_message_and_intact_database(tmp_path: Path) -> None:
    # A fresh database and the WAL its migrations leave behind grow with each migration (0019 tipped 1536 KB over,
    # 0031 tipped 2048 KB over before the first write): 3 MB leaves room for the unit and a few batches before the
    # disk fills — the test asserts that batches were written first.
    with tiny_filesystem(tmp_path / "small", 3072) as mount:
        data_dir = mount / "data"
        open_workspace(data_dir).close()
        proc = subprocess.run([sys.executable, str(WRITER), str(data_dir), "0"],
                              capture_output=True, text=True, timeout=300)
        lines = proc.stdout.splitlines()
        assert proc.returncode == 3, proc.stderr[-2000:]
        assert "StorageError" in lines[-1] and "本次修改未保存" in lines[-1], lines[-1]
        assert "磁盘" in lines[-1]
        reported = {int(x) for x in lines if x.isdigit()}
        assert check_file(database_file(data_dir)).ok
        assert set(_batches(database_file(data_dir))) == reported


def test_read_only_mount_gives_chinese_message(tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "ro", 4096) as mount:
        data_dir = mount / "data"
        ws = open_workspace(data_dir)
        with ws.db.transaction() as s:
            s.add(Unit(name="区发改局"))
        ws.close()
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        with pytest.raises((StorageError, WorkspaceError)) as caught:
            ws = open_workspace(data_dir)
            try:
                with ws.db.transaction() as s:
                    s.add(Unit(name="区住建局"))
            finally:
                ws.close()
        print(caught.value)
        assert "只读" in str(caught.value), str(caught.value)
        subprocess.run(["mount", "-o", "remount,rw", str(mount)], check=True)
        assert check_file(database_file(data_dir)).ok
        names = sqlite3.connect(database_file(data_dir)).execute("SELECT name FROM unit").fetchall()
        assert names == [("区发改局",)]


def test_read_only_database_gives_chinese_message(tmp_path: Path) -> None:
    """Root ignores file modes, so the read-only case is made with SQLite's own read-only open of a copy."""
    data_dir = tmp_path / "data"
    ws = open_workspace(data_dir)
    ws.close()
    url = f"sqlite:///file:{database_file(data_dir)}?mode=ro&uri=true"
    db = Database(make_engine(url))
    with pytest.raises(StorageError, match="只读"), db.transaction() as s:
        s.add(Unit(name="区住建局"))
    db.dispose()
    assert check_file(database_file(data_dir)).ok
