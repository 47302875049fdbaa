"""Models: UUIDs, money as integers, the audit log written by the session, optimistic locking."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from desktop.db.models import AuditLog, Project, Unit
from desktop.services.projects import actions as projects


def _project(session, code: str = "2026-001") -> Project:
    return projects.create_project(session, projects.ProjectInput(
        code=code, name="紫云府项目", list_year=2026, stage="continuing",
        total_investment_yuan=1_234_567_890_123, annual_plan_yuan=200_000_000))


def test_rows_get_uuid_and_exact_money(db_workspace) -> None:
    with db_workspace.db.transaction() as s:
        p = _project(s)
    with db_workspace.db.read() as s:
        stored = s.get(Project, p.id)
        assert isinstance(stored.uuid, uuid.UUID)
        assert stored.total_investment_yuan == 1_234_567_890_123
        assert stored.version == 1


def test_every_change_is_audited_with_operator(db_workspace) -> None:
    with db_workspace.db.transaction() as s:
        p = _project(s)
    with db_workspace.db.transaction() as s:
        data = projects.project_input(s.get(Project, p.id))
        data.name = "紫云府二期项目"
        projects.update_project(s, p.id, data)
    with db_workspace.db.read() as s:
        log = s.scalars(select(AuditLog).where(AuditLog.entity == "project").order_by(AuditLog.id)).all()
    assert [(e.action, e.field) for e in log] == [("create", None), ("update", "name")]
    assert log[0].entity_id == p.id and log[0].entity_uuid == str(p.uuid)
    assert (log[1].old_value, log[1].new_value, log[1].operator) == ("紫云府项目", "紫云府二期项目", "测试员")


def test_concurrent_update_is_detected(db_workspace) -> None:
    with db_workspace.db.transaction() as s:
        unit = Unit(name="区住建局")
        s.add(unit)
    first = db_workspace.db.new_session()
    second = db_workspace.db.new_session()
    a = first.get(Unit, unit.id)
    b = second.get(Unit, unit.id)
    second.commit()  # the user looks at the form; no transaction stays open meanwhile
    a.short_name = "住建"
    first.commit()
    b.short_name = "建设局"
    with pytest.raises(StaleDataError):
        second.commit()
    first.close()
    second.close()


def test_failed_transaction_changes_nothing(db_workspace) -> None:
    with pytest.raises(RuntimeError), db_workspace.db.transaction() as s:
        _project(s)
        raise RuntimeError("power cut")
    with db_workspace.db.read() as s:
        assert s.scalars(select(Project)).all() == []
        assert s.scalars(select(AuditLog)).all() == []


def test_dates_are_dates(db_workspace) -> None:
    with db_workspace.db.transaction() as s:
        p = _project(s)
        p.started_on = date(2026, 3, 1)
    with db_workspace.db.read() as s:
        assert s.get(Project, p.id).started_on == date(2026, 3, 1)
