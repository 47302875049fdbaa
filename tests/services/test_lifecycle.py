"""Every allowed and every refused life-cycle transition, through the real services on a real database."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.db.enums import Feedback, IssueLevel, IssueStatus
from desktop.db.models import AuditLog, Issue, Project, Unit
from desktop.errors import TransitionRefused, ValidationError
from desktop.services.issues import actions as issues
from desktop.services.lifecycle import Action, allowed_actions, refusal
from desktop.services.meetings import actions as meetings

D = date(2026, 5, 1)


@pytest.fixture
def base(db_workspace):
    with db_workspace.db.transaction() as s:
        unit = Unit(name="区住建局")
        project = Project(code="2026-001", name="紫云府项目", list_year=2026, stage="continuing")
        s.add_all([unit, project])
    return db_workspace, project.id, unit.id


def _issue_in(state: IssueStatus, ws, project_id: int, unit_id: int) -> int:
    with ws.db.transaction() as s:
        issue = issues.create_issue(s, issues.IssueInput("施工用电增容手续办理周期长", D, project_id=project_id))
        if state is IssueStatus.NEW:
            return issue.id
        issues.assign(s, issue.id, unit_id, date(2026, 6, 30), on=D)
        if state is IssueStatus.PHASED:
            issues.mark_phased(s, issue.id, "分阶段推进", on=D)
        if state in (IssueStatus.RESOLVED, IssueStatus.CLOSED):
            issues.resolve(s, issue.id, "已解决", on=D)
        if state is IssueStatus.CLOSED:
            issues.close(s, issue.id, Feedback.SATISFIED.value, on=D)
        return issue.id


def _do(action: Action, s, issue_id: int, unit_id: int) -> None:
    if action is Action.ASSIGN:
        issues.assign(s, issue_id, unit_id, date(2026, 7, 31), on=D)
    elif action is Action.ESCALATE:
        issues.escalate(s, issue_id, IssueLevel.CITY.value, "需市级协调", on=D)
    elif action is Action.PROGRESS:
        issues.add_progress(s, issue_id, "已现场办公", on=D)
    elif action is Action.PHASE:
        issues.mark_phased(s, issue_id, "分阶段推进", on=D)
    elif action is Action.RESOLVE:
        issues.resolve(s, issue_id, "已解决", on=D)
    elif action is Action.CLOSE:
        issues.close(s, issue_id, Feedback.SATISFIED.value, on=D)
    elif action is Action.REOPEN:
        issues.reopen(s, issue_id, "企业再次反映", on=D)


EXPECTED_AFTER = {
    Action.ASSIGN: None, Action.ESCALATE: None, Action.PROGRESS: None, Action.PHASE: IssueStatus.PHASED,
    Action.RESOLVE: IssueStatus.RESOLVED, Action.CLOSE: IssueStatus.CLOSED, Action.REOPEN: IssueStatus.ASSIGNED,
}


@pytest.mark.parametrize("state", list(IssueStatus))
@pytest.mark.parametrize("action", list(Action))
def test_transition_table(base, state: IssueStatus, action: Action) -> None:
    ws, project_id, unit_id = base
    issue_id = _issue_in(state, ws, project_id, unit_id)
    reason = refusal(action, state.value)
    with ws.db.read() as s:
        notes_before = len(s.get(Issue, issue_id).notes)
    if reason is None:
        with ws.db.transaction() as s:
            _do(action, s, issue_id, unit_id)
        with ws.db.read() as s:
            issue = s.get(Issue, issue_id)
            expected = EXPECTED_AFTER[action]
            if action is Action.ASSIGN and state is IssueStatus.NEW:
                expected = IssueStatus.ASSIGNED
            assert issue.status == (expected or state).value
            assert len(issue.notes) == notes_before + 1
    else:
        with pytest.raises(TransitionRefused) as info, ws.db.transaction() as s:
            _do(action, s, issue_id, unit_id)
        assert reason in str(info.value) and action.label in str(info.value)
        with ws.db.read() as s:
            assert s.get(Issue, issue_id).status == state.value
            assert len(s.get(Issue, issue_id).notes) == notes_before


def test_allowed_actions_match_table() -> None:
    assert allowed_actions("closed") == [Action.REOPEN]
    assert Action.ESCALATE not in allowed_actions("assigned", escalation=False)
    assert refusal(Action.CLOSE, "assigned").startswith("尚未办结")


def test_assign_needs_unit_and_deadline_not_before_found(base) -> None:
    ws, project_id, unit_id = base
    issue_id = _issue_in(IssueStatus.NEW, ws, project_id, unit_id)
    with pytest.raises(ValidationError) as info, ws.db.transaction() as s:
        issues.assign(s, issue_id, None, None)
    assert str(info.value) == "「责任单位」：不能为空；「完成时限」：不能为空"
    with pytest.raises(ValidationError) as info, ws.db.transaction() as s:
        issues.assign(s, issue_id, unit_id, date(2026, 4, 1))
    assert str(info.value) == "「完成时限」：不能早于发现日期（2026-05-01）"


def test_escalation_needs_higher_level_and_reason_and_keeps_path(base) -> None:
    ws, project_id, unit_id = base
    issue_id = _issue_in(IssueStatus.ASSIGNED, ws, project_id, unit_id)
    with pytest.raises(ValidationError, match="流转原因」：不能为空"), ws.db.transaction() as s:
        issues.escalate(s, issue_id, "district", "  ")
    with ws.db.transaction() as s:
        issues.escalate(s, issue_id, "task_force", "街道无法协调", on=D)
        issues.escalate(s, issue_id, "city", "涉及市级审批", on=D)
    with pytest.raises(ValidationError, match="只能向上流转"), ws.db.transaction() as s:
        issues.escalate(s, issue_id, "district", "退回")
    with ws.db.read() as s:
        issue = s.get(Issue, issue_id)
        assert issue.level == "city"
        assert [(e.from_level, e.to_level) for e in issue.escalations] == [("site", "task_force"), ("task_force", "city")]


def test_resolve_needs_note_and_close_needs_feedback(base) -> None:
    ws, project_id, unit_id = base
    issue_id = _issue_in(IssueStatus.ASSIGNED, ws, project_id, unit_id)
    with pytest.raises(ValidationError, match="办结情况"), ws.db.transaction() as s:
        issues.resolve(s, issue_id, "")
    with ws.db.transaction() as s:
        issues.resolve(s, issue_id, "电力增容已完成", on=D)
    with pytest.raises(ValidationError, match="企业反馈"), ws.db.transaction() as s:
        issues.close(s, issue_id, "")


def test_unsatisfied_feedback_reopens(base) -> None:
    ws, project_id, unit_id = base
    issue_id = _issue_in(IssueStatus.RESOLVED, ws, project_id, unit_id)
    with ws.db.transaction() as s:
        issues.close(s, issue_id, Feedback.UNSATISFIED.value, remark="仍然停电", on=D)
    with ws.db.read() as s:
        issue = s.get(Issue, issue_id)
        assert issue.status == "assigned" and issue.resolved_on is None and issue.closed_on is None
        assert issue.notes[-1].kind == "reopen" and "不满意" in issue.notes[-1].text
        log = s.scalars(select(AuditLog).where(AuditLog.entity == "issue", AuditLog.field == "status")).all()
        assert [(e.old_value, e.new_value) for e in log][-1] == ("resolved", "assigned")


def test_decisions_follow_the_same_cycle_without_escalation(base) -> None:
    from datetime import datetime

    ws, project_id, unit_id = base
    issue_id = _issue_in(IssueStatus.ASSIGNED, ws, project_id, unit_id)
    with ws.db.transaction() as s:
        meeting = meetings.create_meeting(s, meetings.MeetingInput("progress", "第一次推进会", datetime(2026, 3, 29, 9)))
        decision = meetings.add_decision(s, meeting.id, meetings.DecisionInput(
            "违建拆除", unit_id, date(2026, 5, 31), project_id=project_id, issue_ids=[issue_id]))
    with pytest.raises(TransitionRefused, match="不能销号该议定事项"), ws.db.transaction() as s:
        meetings.close(s, decision.id, "satisfied")
    with ws.db.transaction() as s:
        meetings.resolve(s, decision.id, "已拆除", on=D)
        meetings.close(s, decision.id, "satisfied", on=D)
    with ws.db.read() as s:
        notes = s.get(Issue, issue_id).notes
        assert notes[-1].kind == "meeting" and notes[-1].meeting_id == meeting.id
        assert "2026年第1次推进会" in notes[-1].text
