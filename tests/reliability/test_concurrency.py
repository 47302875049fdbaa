"""Two users, one record: the second save is refused with who and when, never silently overwriting."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.db.engine import Database
from desktop.db.models import Issue, Project, Unit
from desktop.errors import ConcurrentChange
from desktop.services.issues import actions as issues
from desktop.services.projects import actions as projects


def _user(ws, name: str) -> Database:
    return Database(ws.db.engine, operator=name)


def test_stale_flush_becomes_concurrent_change_naming_the_winner(db_workspace) -> None:
    ws = db_workspace
    with ws.db.transaction() as s:
        unit = Unit(name="区住建局")
        s.add(unit)
    zhang, li = _user(ws, "张三"), _user(ws, "李四")
    with li.read() as s:
        li_copy = s.get(Unit, unit.id)
    with zhang.transaction() as s:
        s.get(Unit, unit.id).short_name = "住建"
    with pytest.raises(ConcurrentChange, match=r"该记录已被张三于\d{4}-\d\d-\d\d \d\d:\d\d修改，请刷新后重试"), \
            li.transaction() as s:
        li_copy = s.merge(li_copy, load=False)
        li_copy.short_name = "建设局"
    with ws.db.read() as s:
        assert s.get(Unit, unit.id).short_name == "住建"


def test_project_form_saved_after_a_colleague_is_refused(db_workspace) -> None:
    ws = db_workspace
    with ws.db.transaction() as s:
        p = projects.create_project(s, projects.ProjectInput(code="2026-009", name="紫云府项目", list_year=2026))
    with ws.db.read() as s:
        loaded = s.get(Project, p.id)
        form, version = projects.project_input(loaded), loaded.version
    with _user(ws, "王五").transaction() as s:
        other = projects.project_input(s.get(Project, p.id))
        other.owner = "紫云置业"
        projects.update_project(s, p.id, other, expected_version=version)
    form.name = "紫云府一期"
    with pytest.raises(ConcurrentChange, match="项目「紫云府项目」已被王五于"), ws.db.transaction() as s:
        projects.update_project(s, p.id, form, expected_version=version)
    with ws.db.read() as s:
        stored = s.get(Project, p.id)
        assert (stored.name, stored.owner) == ("紫云府项目", "紫云置业")


def test_issue_edit_with_current_version_goes_through_and_stale_is_refused(db_workspace) -> None:
    ws = db_workspace
    with ws.db.transaction() as s:
        p = Project(code="X-1", name="测试项目", list_year=2026, stage="continuing")
        s.add(p)
        s.flush()
        issue = issues.create_issue(s, issues.IssueInput("用地指标不足", date(2026, 3, 1), project_id=p.id))
    version = issue.version
    with ws.db.transaction() as s:
        issues.update_issue(s, issue.id, expected_version=version, description="用地指标不足，需区级协调")
    with pytest.raises(ConcurrentChange, match="该问题已被测试员于"), ws.db.transaction() as s:
        issues.update_issue(s, issue.id, expected_version=version, description="覆盖")
    with ws.db.read() as s:
        assert s.get(Issue, issue.id).description == "用地指标不足，需区级协调"
