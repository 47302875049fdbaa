"""The window runs the full check itself (issue 18): once a week, when none was ever made, and after a start that
follows a crash; damage found that way is offered the newest good backup, a passed check is a status-bar line."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.db.models import Issue
from desktop.errors import DamagedDatabase
from desktop.paths import database_file
from desktop.services.backup import full_check
from desktop.workspace import open_workspace
from tests.reliability.damage import flip_inside_text

NOW = datetime(2026, 12, 4, 9, 0)


def test_due_weekly_first_time_and_after_a_crash(demo_workspace) -> None:
    folder = demo_workspace.data_dir
    assert full_check.begin_session(folder, NOW) == "还没有做过完整检查"
    result = full_check.run_full_check(demo_workspace, "还没有做过完整检查", NOW)
    assert result is not None and "完整性检查：通过" in result.lines and "操作日志" in result.note
    full_check.end_session(folder)
    assert full_check.begin_session(folder, NOW + timedelta(days=6)) is None
    full_check.end_session(folder)
    assert full_check.begin_session(folder, NOW + timedelta(days=8)) == "距上次完整检查已有 8 天"
    full_check.end_session(folder)
    assert full_check.begin_session(folder, NOW + timedelta(days=1)) is None
    # killed: no normal exit, so the next start checks whatever the date
    assert full_check.begin_session(folder, NOW + timedelta(days=1)) == full_check.AFTER_CRASH
    full_check.run_full_check(demo_workspace, full_check.AFTER_CRASH, NOW + timedelta(days=1))
    full_check.end_session(folder)
    assert full_check.begin_session(folder, NOW + timedelta(days=2)) is None


def test_a_flipped_byte_in_an_issue_text_is_found_and_named(demo_workspace) -> None:
    with demo_workspace.db.read() as s:
        issue_id = s.scalars(select(Issue.id).order_by(Issue.id.desc())).first()
    folder = demo_workspace.data_dir
    demo_workspace.close()
    flip_inside_text(database_file(folder), "issue", "description", issue_id)  # integrity_check passes this
    ws = open_workspace(folder, operator="测试员")
    try:
        with pytest.raises(DamagedDatabase, match=rf"完整性检查（上次程序没有正常退出）发现数据库已损坏：.*问题.*第 {issue_id} 行"):
            full_check.run_full_check(ws, full_check.AFTER_CRASH, NOW)
    finally:
        ws.close()
    assert full_check.due_reason(folder, NOW) == "还没有做过完整检查"  # a failed check is not remembered as done


def test_unwritable_state_file_never_stops_the_start(tmp_path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / full_check.STATE_FILE).mkdir()  # cannot be replaced by a file: the write fails
    assert full_check.begin_session(folder, NOW) == "还没有做过完整检查"
    full_check.end_session(folder)
    assert not list(folder.glob(".*.tmp"))
