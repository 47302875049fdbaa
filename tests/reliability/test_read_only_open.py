"""`open_read_only` on a real read-only mount (issue 18: "the window opens read-only if it must"): the data is read,
every write is refused in Chinese before it starts, and a file whose newest changes are still in its write-ahead
log is refused rather than shown older than it is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.db.models import Project
from desktop.errors import StorageError
from desktop.paths import database_file
from desktop.services.projects import actions as projects
from desktop.workspace import WorkspaceError, open_read_only, open_workspace
from tests.reliability.damage import read_only, tiny_filesystem


def _with_project(folder: Path):  # type: ignore[no-untyped-def]
    ws = open_workspace(folder, operator="测试员")
    with ws.db.transaction() as s:
        projects.create_project(s, projects.ProjectInput(code="2026-001", name="紫云府项目", list_year=2026))
    return ws


def test_reads_work_and_writes_are_refused_before_they_start(tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "stick", 16384) as mount:
        _with_project(mount / "data").close()
        with read_only(mount):
            ws = open_read_only(mount / "data", operator="测试员")
            try:
                assert ws.db.read_only and "本次以只读方式打开" in ws.warnings[0]
                with ws.db.read() as s:
                    assert [p.name for p in s.query(Project)] == ["紫云府项目"]
                with pytest.raises(StorageError, match="不能保存修改，未做任何改动"), ws.db.transaction() as s:
                    s.add(Project(code="2026-002", name="新项目", list_year=2026, stage="continuing"))
            finally:
                ws.close()


def test_changes_still_in_the_write_ahead_log_are_not_hidden(tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "stick", 16384) as mount:
        live = _with_project(mount / "live")
        copy = mount / "copy"
        copy.mkdir()
        db_file = database_file(mount / "live")
        for suffix in ("", "-wal"):  # copied while the program had it open: the newest change is in the -wal
            shutil.copy(db_file.with_name(db_file.name + suffix), copy / (db_file.name + suffix))
        live.close()
        assert (copy / (db_file.name + "-wal")).stat().st_size > 0
        with read_only(mount), pytest.raises(WorkspaceError, match="还有上次未写入主文件的修改"):
            open_read_only(copy)


def test_not_a_database_is_refused_without_a_change(tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "stick", 4096) as mount:
        (mount / "data").mkdir()
        database_file(mount / "data").write_bytes(b"")
        with read_only(mount), pytest.raises(WorkspaceError, match="数据库文件不能使用"):
            open_read_only(mount / "data")
