"""`keyproj check` and the 操作日志 chain, with the faults made the way a user could: plain sqlite3 on the file.
An edited or deleted row is named by its place; rows deleted at the end are caught against the newest backup's
manifest; an untouched database passes; a restore or a merge undo leaves a chain that still verifies."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

from desktop.cli import main
from desktop.paths import database_file
from desktop.services.backup import archive as backups
from desktop.services.backup import restore


def _sql(data_dir: Path, *statements: str) -> None:
    conn = sqlite3.connect(database_file(data_dir))
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _count(data_dir: Path) -> int:
    conn = sqlite3.connect(database_file(data_dir))
    try:
        return conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    finally:
        conn.close()


def _check(data_dir: Path, capsys) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(["check", "--data-dir", str(data_dir)])
    out = capsys.readouterr()
    return code, out.out, out.err


def _backed_up(ws) -> Path:  # type: ignore[no-untyped-def]
    result = backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.MANUAL)
    data_dir = ws.data_dir
    ws.close()
    with zipfile.ZipFile(result.path) as zf:
        assert b'"head_seq"' in zf.read("manifest.json")
    return data_dir


def test_untouched_database_passes(demo_workspace, capsys) -> None:
    data_dir = _backed_up(demo_workspace)
    code, out, err = _check(data_dir, capsys)
    total = _count(data_dir)
    assert code == 0, out + err
    assert f"操作日志校验：通过（{total} 条记录首尾相连）" in out and f"一致（前 {total} 条）" in out


def test_an_edited_row_is_named(demo_workspace, capsys) -> None:
    data_dir = _backed_up(demo_workspace)
    _sql(data_dir, "UPDATE audit_log SET new_value = '已销号' WHERE chain_seq = 120")
    code, out, err = _check(data_dir, capsys)
    assert code == 3 and "操作日志第119条之后有记录被删除或修改" in out
    assert "完整性检查：通过" in out and "操作日志的校验没有通过" in err and "Traceback" not in err


def test_a_row_deleted_in_the_middle_is_named(demo_workspace, capsys) -> None:
    data_dir = _backed_up(demo_workspace)
    _sql(data_dir, "DELETE FROM audit_log WHERE chain_seq = 7")
    code, out, _err = _check(data_dir, capsys)
    assert code == 3 and "操作日志第6条之后有记录被删除或修改" in out


def test_rows_deleted_at_the_end_are_caught_against_the_backup(demo_workspace, capsys) -> None:
    data_dir = _backed_up(demo_workspace)
    total = _count(data_dir)
    _sql(data_dir, f"DELETE FROM audit_log WHERE chain_seq > {total - 3}")
    code, out, _err = _check(data_dir, capsys)
    assert code == 3 and f"操作日志校验：通过（{total - 3} 条记录首尾相连）" in out
    assert "操作日志末尾有记录被删除：" in out and f"已有 {total} 条，现在只有 {total - 3} 条" in out


def test_without_a_backup_the_chain_alone_is_checked(workspace, capsys) -> None:
    from desktop.db.models import Unit

    with workspace.db.transaction() as s:
        s.add_all([Unit(name="区住建局"), Unit(name="区供电公司")])
    data_dir = workspace.data_dir
    workspace.close()
    code, out, _err = _check(data_dir, capsys)
    assert code == 0 and "操作日志校验：通过（2 条记录首尾相连）" in out and "备份" not in out.split("操作日志校验")[1]


def test_after_a_restore_the_chain_verifies_and_older_manifests_do_not_apply(demo_workspace, tmp_path, capsys) -> None:
    ws = demo_workspace
    archive = backups.create_archive(ws.db.engine, ws.data_dir, tmp_path / "before.zip").path
    from sqlalchemy import select

    from desktop.db.models import Project

    with ws.db.transaction() as s:
        s.scalars(select(Project)).first().name = "备份之后改的名称"
    data_dir = _backed_up(ws)  # a backup newer than the one restored: its head is no longer the chain's
    restore.restore_archive(archive, data_dir, operator="王五")
    code, out, err = _check(data_dir, capsys)
    assert code == 0, out + err
    assert f"操作日志校验：通过（{_count(data_dir)} 条记录首尾相连）" in out
