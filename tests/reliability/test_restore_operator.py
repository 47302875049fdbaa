"""`keyproj restore --operator` names a person on the office's list (issue 18), like every other command: the list
of the data being replaced, or the backup's when that file is damaged; `--add-operator` adds a new name to the
restored list with its audit row. A refused name changes nothing: no safety backup, no file touched."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.db.models import AuditLog
from desktop.paths import backups_dir, database_file
from desktop.services import operators
from desktop.services.backup import archive as backups
from desktop.workspace import open_workspace


@pytest.fixture
def backed_up(demo_workspace, tmp_path):
    with demo_workspace.db.transaction() as s:
        operators.add(s, "王主任")
    archive = backups.create_archive(demo_workspace.db.engine, demo_workspace.data_dir, tmp_path / "备份.zip").path
    demo_workspace.close()
    return demo_workspace.data_dir, archive


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] != "logs"  # the run log grows with every command
            and not p.name.endswith(("-wal", "-shm"))}  # a read-only reader of a WAL file may leave its index


def test_an_unlisted_operator_is_refused_before_anything_changes(backed_up, capsys) -> None:
    data_dir, archive = backed_up
    before = _files(data_dir)
    assert main(["restore", str(archive), "--yes", "--operator", "冒名者", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "操作人「冒名者」不在本单位的操作人名单中（名单：王主任）" in err and "未做任何操作" in err
    assert _files(data_dir) == before


def test_a_listed_operator_restores_and_is_named_in_the_log(backed_up, capsys) -> None:
    data_dir, archive = backed_up
    assert main(["restore", str(archive), "--yes", "--operator", "王主任", "--data-dir", str(data_dir)]) == 0
    ws = open_workspace(data_dir, operator="王主任")
    try:
        with ws.db.read() as s:
            row = s.scalars(select(AuditLog).where(AuditLog.action == "restore")).one()
            assert row.operator == "王主任" and operators.names(s) == ["王主任"]
    finally:
        ws.close()


def test_add_operator_puts_the_new_name_on_the_restored_list(backed_up, capsys) -> None:
    data_dir, archive = backed_up
    assert main(["restore", str(archive), "--yes", "--operator", "钱科员", "--add-operator",
                 "--data-dir", str(data_dir)]) == 0, capsys.readouterr().err
    ws = open_workspace(data_dir, operator="钱科员")
    try:
        with ws.db.read() as s:
            assert operators.names(s) == ["王主任", "钱科员"]
            restore = s.scalars(select(AuditLog).where(AuditLog.action == "restore")).one()
            listed = s.scalars(select(AuditLog).where(AuditLog.field == "operators")
                               .order_by(AuditLog.id.desc())).first()
            assert restore.operator == listed.operator == "钱科员" and listed.new_value == '["王主任", "钱科员"]'
    finally:
        ws.close()


def test_a_damaged_current_file_is_judged_by_the_backups_list(backed_up, capsys) -> None:
    data_dir, archive = backed_up
    database_file(data_dir).write_bytes(b"\0" * 8192)  # unreadable: its list cannot say
    before = _files(data_dir)
    assert main(["restore", str(archive), "--yes", "--operator", "冒名者", "--data-dir", str(data_dir)]) == 2
    assert "不在本单位的操作人名单中（名单：王主任）" in capsys.readouterr().err
    assert _files(data_dir) == before and not any(backups_dir(data_dir).glob("*恢复前*"))
    assert main(["restore", str(archive), "--yes", "--operator", "王主任", "--data-dir", str(data_dir)]) == 0
