"""The 操作日志 query (filters, paging, who/old/new) and the password lock (hashed, never in clear)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from desktop.db.engine import Database
from desktop.db.models import Project
from desktop.errors import ValidationError
from desktop.paths import database_file
from desktop.services import app_lock, audit_log
from desktop.services.audit_log import AuditFilter
from desktop.services.projects import actions as projects


def test_log_lists_changes_by_person_and_record_with_old_and_new(db_workspace) -> None:
    ws = db_workspace
    with ws.db.transaction() as s:
        p = projects.create_project(s, projects.ProjectInput(code="2026-001", name="紫云府项目", list_year=2026))
    other = Database(ws.db.engine, operator="李科长")
    for n in range(30):
        with other.transaction() as s:
            data = projects.project_input(s.get(Project, p.id))
            data.owner = f"建设单位{n}"
            projects.update_project(s, p.id, data)
    with ws.db.read() as s:
        assert audit_log.count(s) == 31
        assert set(audit_log.operators(s)) == {"李科长", "测试员"}
        newest = audit_log.page(s, limit=1)[0]
        assert newest[2:] == ("李科长", "修改", "重点项目", str(p.id), "建设单位", "建设单位28", "建设单位29")
        first_page = audit_log.page(s, AuditFilter(operator="李科长"), offset=0, limit=20)
        second_page = audit_log.page(s, AuditFilter(operator="李科长"), offset=20, limit=20)
        assert len(first_page) == 20 and len(second_page) == 10
        assert not {r[0] for r in first_page} & {r[0] for r in second_page}
        # new value 建设单位1, 10–19 (n = 1, 10..19) or old value one of those (n = 2, 11..20): 13 entries
        assert audit_log.count(s, AuditFilter(text="建设单位1")) == 13
        assert audit_log.count(s, AuditFilter(operator="测试员", entity="project")) == 1
        assert audit_log.count(s, AuditFilter(date_from=date(2000, 1, 1), date_to=date(2000, 12, 31))) == 0
        assert audit_log.entities(s) == [("project", "重点项目")]


def test_password_is_stored_only_as_a_salted_slow_hash(workspace) -> None:
    with workspace.db.transaction() as s:
        assert not app_lock.settings(s).enabled and app_lock.verify(s, "anything")
        with pytest.raises(ValidationError, match="两次输入的密码不一致"):
            app_lock.set_password(s, "办公室密码123", "办公室密码124", 10)
        with pytest.raises(ValidationError, match="至少6位"):
            app_lock.set_password(s, "123", "123", 10)
        app_lock.set_password(s, "办公室密码123", "办公室密码123", 15)
    with workspace.db.read() as s:
        assert app_lock.settings(s) == app_lock.LockSettings(True, 15)
        assert app_lock.verify(s, "办公室密码123") and not app_lock.verify(s, "办公室密码12")
    raw = sqlite3.connect(database_file(workspace.data_dir))
    (stored,) = raw.execute("SELECT value FROM app_setting WHERE key = 'app_lock'").fetchone()
    value = json.loads(stored)
    assert value["kdf"] == "scrypt" and len(bytes.fromhex(value["salt"])) == 16
    whole_file = database_file(workspace.data_dir).read_bytes()
    assert "办公室密码123".encode() not in whole_file
    with workspace.db.transaction() as s:
        with pytest.raises(ValidationError, match="当前密码"):
            app_lock.remove_password(s, "wrong")
        app_lock.remove_password(s, "办公室密码123")
    with workspace.db.read() as s:
        assert not app_lock.settings(s).enabled
