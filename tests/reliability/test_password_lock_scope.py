"""The password lock for what it is (issue 18): it guards the window and the `keyproj` commands that read or change
the data, retries slow down after five failures (counted beside the data, so a new process starts no fresh
count), and the 操作日志 says when the lock was set, changed or removed without ever showing its salt and hash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.db.models import AuditLog
from desktop.services import app_lock, audit_log
from desktop.services.backup import archive as backups

PASSWORD = "办公室密码123"


@pytest.fixture
def locked(demo_workspace):
    with demo_workspace.db.transaction() as s:
        app_lock.set_password(s, PASSWORD, PASSWORD, 10)
    return demo_workspace


def test_retries_slow_down_after_five_failures_and_the_count_outlives_the_process(locked) -> None:
    folder = locked.data_dir
    assert [app_lock.wait_after(n) for n in (0, 4, 5, 6, 7, 20)] == [0, 0, 5, 10, 20, 300]
    with locked.db.read() as s:
        for n in range(1, 5):
            assert not app_lock.attempt(s, folder, "猜一猜", now=1000.0 + n)
            assert app_lock.seconds_to_wait(folder, now=1000.0 + n) == 0
        assert not app_lock.attempt(s, folder, "猜一猜", now=1005.0)  # the fifth failure
        assert app_lock.failures(folder)[0] == 5
        with pytest.raises(app_lock.TooManyFailures, match=r"已连续输错 5 次.*请 4 秒后再试"):
            app_lock.attempt(s, folder, PASSWORD, now=1006.0)  # even the right one waits: no probing
        assert app_lock.failures(folder)[0] == 5  # a refused try is not counted again
        assert not app_lock.attempt(s, folder, "猜一猜", now=1010.0)
        assert app_lock.seconds_to_wait(folder, now=1011.0) == 9  # sixth failure: ten seconds
        assert app_lock.seconds_to_wait(folder, now=900.0) == 10  # a clock set back never waits longer
        assert app_lock.attempt(s, folder, PASSWORD, now=1021.0)
    assert app_lock.failures(folder) == (0, 0.0)
    assert not (Path(folder) / app_lock.FAILURE_FILE).exists()


COMMANDS = [
    ["stats", "--year", "2026"],
    ["export", "ledger-issues", "--out", "{tmp}/问题台账.xlsx"],
    ["backup"],
    ["exchange", "export", "--out", "{tmp}/包.kpx"],
    ["import", "history"],
    ["plan", "list"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_commands_need_the_password_when_a_lock_is_set(locked, tmp_path, capsys, monkeypatch, command) -> None:
    args = [part.format(tmp=tmp_path) for part in command] + ["--data-dir", str(locked.data_dir)]
    before = {p.name for p in (tmp_path.iterdir())}
    monkeypatch.delenv("KEYPROJ_PASSWORD", raising=False)
    assert main(args) == 2  # no terminal to ask at, no password given
    assert "已设置密码锁" in capsys.readouterr().err
    monkeypatch.setenv("KEYPROJ_PASSWORD", "不对的密码")
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "密码不正确，未做任何操作" in err and "Traceback" not in err
    assert {p.name for p in tmp_path.iterdir()} == before  # nothing written by a refused command
    assert app_lock.failures(locked.data_dir)[0] == 1
    monkeypatch.setenv("KEYPROJ_PASSWORD", PASSWORD)
    assert main(args) == 0, capsys.readouterr().err
    assert app_lock.failures(locked.data_dir)[0] == 0


def test_restore_asks_the_password_of_the_data_it_replaces(locked, tmp_path, capsys, monkeypatch) -> None:
    archive = backups.create_archive(locked.db.engine, locked.data_dir, tmp_path / "备份.zip").path
    locked.close()
    args = ["restore", str(archive), "--yes", "--data-dir", str(locked.data_dir)]
    monkeypatch.setenv("KEYPROJ_PASSWORD", "不对的密码")
    assert main(args) == 2
    assert "密码不正确" in capsys.readouterr().err
    monkeypatch.setenv("KEYPROJ_PASSWORD", PASSWORD)
    assert main(args) == 0, capsys.readouterr().err
    assert "已恢复" in capsys.readouterr().out


def test_five_wrong_passwords_on_the_command_line_make_the_next_try_wait(locked, capsys, monkeypatch) -> None:
    args = ["stats", "--year", "2026", "--data-dir", str(locked.data_dir)]
    monkeypatch.setenv("KEYPROJ_PASSWORD", "不对的密码")
    for _ in range(5):
        assert main(args) == 2
    capsys.readouterr()
    monkeypatch.setenv("KEYPROJ_PASSWORD", PASSWORD)
    assert main(args) == 2
    assert "已连续输错 5 次" in capsys.readouterr().err


def test_check_runs_without_the_password(locked, capsys, monkeypatch) -> None:
    """The integrity check reads the file read-only and prints no data: a scheduled check needs no password."""
    monkeypatch.delenv("KEYPROJ_PASSWORD", raising=False)
    locked.close()
    assert main(["check", "--data-dir", str(locked.data_dir)]) == 0


def test_the_log_says_the_lock_changed_but_never_shows_its_hash(workspace) -> None:
    with workspace.db.transaction() as s:
        app_lock.set_password(s, PASSWORD, PASSWORD, 10)
    with workspace.db.transaction() as s:
        app_lock.set_password(s, "另一个密码456", "另一个密码456", 10)  # same idle minutes: still one row
    with workspace.db.transaction() as s:
        app_lock.set_idle_minutes(s, 0)
    with workspace.db.transaction() as s:
        app_lock.remove_password(s, "另一个密码456")
    with workspace.db.read() as s:
        rows = [(r.action, r.old_value, r.new_value) for r in s.scalars(
            select(AuditLog).where(AuditLog.entity == "app_setting", AuditLog.field == "app_lock")
            .order_by(AuditLog.id))]
        stored = json.dumps([list(r) for r in rows], ensure_ascii=False)
        shown = audit_log.page(s, audit_log.AuditFilter(entity="app_setting"), limit=10)
    assert rows == [
        ("create", None, "已设置密码（无操作10分钟自动锁定；密码本身不记录）"),
        ("update", "已设置密码（无操作10分钟自动锁定；密码本身不记录）",
         "已设置密码（无操作10分钟自动锁定；密码本身不记录）（密码已更换）"),
        ("update", "已设置密码（无操作10分钟自动锁定；密码本身不记录）", "已设置密码（不自动锁定；密码本身不记录）"),
        ("update", "已设置密码（不自动锁定；密码本身不记录）", "未设置密码"),
    ]
    assert "scrypt" not in stored and "salt" not in stored and "hash" not in stored
    assert {row[6] for row in shown} == {"密码锁"}


def test_office_setting_changes_each_have_their_row(workspace, tmp_path) -> None:
    """Office name, masthead, backup mirror: every office setting a user changes is in the 操作日志 by its name."""
    from desktop.services import office_settings

    with workspace.db.transaction() as s:
        office_settings.put(s, "office_name", "南关区重点项目服务中心")
        office_settings.put(s, "masthead_name", "重点项目工作简报")
    backups.set_mirror_folder(workspace.db, tmp_path / "U盘")
    backups.set_mirror_folder(workspace.db, None)
    with workspace.db.read() as s:
        shown = [(r[6], r[7], r[8]) for r in audit_log.page(s, audit_log.AuditFilter(entity="app_setting"), limit=10)]
    assert shown[::-1] == [
        ("编印单位", "", "南关区重点项目服务中心"), ("简报名称", "", "重点项目工作简报"),
        ("第二备份位置", "", str(tmp_path / "U盘")), ("第二备份位置", str(tmp_path / "U盘"), ""),
    ]


def test_cli_operator_must_be_listed_or_added_explicitly(demo_workspace, capsys) -> None:
    from desktop.services import operators

    with demo_workspace.db.transaction() as s:
        operators.add(s, "王主任")
    base = ["stats", "--year", "2026", "--data-dir", str(demo_workspace.data_dir)]
    assert main([*base, "--operator", "王主任"]) == 0
    capsys.readouterr()
    assert main([*base, "--operator", "冒名者"]) == 2
    assert "操作人「冒名者」不在本单位的操作人名单中（名单：王主任）" in capsys.readouterr().err
    assert main(base) == 0  # no --operator: the log says 命令行
    assert main([*base, "--operator", "钱科员", "--add-operator"]) == 0
    assert "已把「钱科员」添加到操作人名单" in capsys.readouterr().err
    with demo_workspace.db.read() as s:
        assert operators.names(s) == ["王主任", "钱科员"]
        row = s.scalars(select(AuditLog).where(AuditLog.field == "operators").order_by(AuditLog.id.desc())).first()
        assert row.operator == "钱科员" and row.old_value == '["王主任"]' and row.new_value == '["王主任", "钱科员"]'
