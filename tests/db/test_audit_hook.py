"""What the audit hook used to miss: a journal entry taken off its issue, many-to-many links, office settings; and
the undo/redo step row is the only other way into the log."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.db import audit
from desktop.db.models import AuditLog, IssueNote, Project, Unit
from desktop.services import office_settings
from desktop.services.issues import actions as issues


def _log(ws, **where) -> list[tuple]:
    with ws.db.read() as s:
        rows = s.scalars(select(AuditLog).filter_by(**where).order_by(AuditLog.id))
        return [(r.action, r.entity, r.field, r.old_value, r.new_value) for r in rows]


@pytest.fixture
def issue(workspace):
    with workspace.db.transaction() as s:
        units = [Unit(name=n) for n in ("区住建局", "区供电公司", "区自然资源分局")]
        project = Project(code="2026-001", name="紫云府项目", list_year=2026, stage="continuing")
        s.add_all([*units, project])
        s.flush()
        item = issues.create_issue(s, issues.IssueInput("施工用电增容慢", date(2026, 3, 1), project_id=project.id,
                                                        lead_unit_id=units[0].id, deadline=date(2026, 6, 30),
                                                        supporting_unit_ids=[units[1].id]))
        issues.add_progress(s, item.id, "供电公司已勘察", on=date(2026, 3, 5))
        return item.id, [u.id for u in units]


def test_a_journal_entry_removed_from_its_issue_is_logged_with_its_text(workspace, issue) -> None:
    issue_id, _units = issue
    with workspace.db.transaction() as s:
        item = s.get(issues.Issue, issue_id)
        note = next(n for n in item.notes if n.kind == "progress")
        item.notes.remove(note)  # delete-orphan: SQLAlchemy deletes it later in the flush
    with workspace.db.read() as s:
        assert s.scalars(select(IssueNote).where(IssueNote.kind == "progress")).first() is None
    assert _log(workspace, action="delete", entity="issue_note") == [
        ("delete", "issue_note", None, "供电公司已勘察", None)]


def test_supporting_units_are_logged_by_name(workspace, issue) -> None:
    issue_id, units = issue
    with workspace.db.transaction() as s:
        issues.assign(s, issue_id, units[0], date(2026, 7, 31), supporting_unit_ids=[units[2], units[1]])
    assert _log(workspace, field="supporting_units") == [
        ("update", "issue", "supporting_units", None, "区供电公司"),
        ("update", "issue", "supporting_units", "区供电公司", "区供电公司、区自然资源分局")]


def test_office_settings_are_logged_per_key(workspace) -> None:
    with workspace.db.transaction() as s:
        office_settings.put(s, "office_name", "南关区重点项目服务中心")
        office_settings.put(s, "report_to", ["区委、区政府主要领导", "市重点办"])
    with workspace.db.transaction() as s:
        office_settings.put(s, "office_name", "南关区重点项目服务中心")  # unchanged: nothing logged
        office_settings.put(s, "copies", 40)
    assert _log(workspace, entity="app_setting") == [
        ("create", "app_setting", "office_name", None, '"南关区重点项目服务中心"'),
        ("create", "app_setting", "report_to", None, '["区委、区政府主要领导", "市重点办"]'),
        ("create", "app_setting", "copies", None, "40")]


def test_step_rows_are_only_undo_or_redo(workspace) -> None:
    with workspace.db.transaction() as s, pytest.raises(ValueError):
        audit.record_step(s, "update", "issue", 1, "添加进展", "a", "b")
    with workspace.db.transaction() as s:
        audit.record_step(s, "undo", "issue", 1, "添加进展", "最新进展：a", "最新进展：（空）")
    assert _log(workspace, action="undo") == [("undo", "issue", "添加进展", "最新进展：a", "最新进展：（空）")]


def test_decided_item_links_are_logged_by_name(workspace, issue) -> None:
    """A decided item's 关联问题 and 配合单位 changed on an existing row: one row each, names before and after."""
    from datetime import datetime

    from desktop.db.models import Decision, Meeting

    issue_id, units = issue
    with workspace.db.transaction() as s:
        meeting = Meeting(kind="progress", year=2026, number=3, title="第三次推进会", held_at=datetime(2026, 6, 1, 9))
        s.add(meeting)
        s.flush()
        decision = Decision(meeting_id=meeting.id, seq=1, text="6月底前完成增容", lead_unit_id=units[1])
        s.add(decision)
        s.flush()
        decision_id = decision.id
    with workspace.db.transaction() as s:
        decision = s.get(Decision, decision_id)
        decision.issues = [s.get(issues.Issue, issue_id)]
        decision.supporting_units = [s.get(Unit, units[0])]
    with workspace.db.transaction() as s:
        s.get(Decision, decision_id).issues = []
    assert _log(workspace, entity="decision", action="update") == [
        ("update", "decision", "issues", None, "施工用电增容慢"),
        ("update", "decision", "supporting_units", None, "区住建局"),
        ("update", "decision", "issues", "施工用电增容慢", None)]
