"""Undo as a compensating change: any sequence of allowed steps, undone newest first, gives back the issue exactly,
with one 撤销 journal entry and one 操作日志 row per undo."""

from __future__ import annotations

from datetime import timedelta
from itertools import count

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.db.enums import IssueLevel
from desktop.db.models import AuditLog, Issue, IssueNote, Unit
from desktop.services.issues import actions as issues
from desktop.services.issues import undo as issue_undo
from desktop.services.issues.actions import IssueInput
from desktop.services.lifecycle import Action, refusal
from desktop.services.projects.actions import ProjectInput, create_project

STEPS = st.lists(st.sampled_from(list(Action)), min_size=1, max_size=8)
# the workspace is shared by every example; id(steps) can repeat once a list is freed, so names come from a counter
_EXAMPLE = count()


def _apply(session, issue: Issue, action: Action, n: int, today, units: list[int]) -> bool:
    if refusal(action, issue.status) is not None:
        return False
    if action is Action.ASSIGN:
        issues.assign(session, issue.id, units[n % 2], today + timedelta(days=n), supporting_unit_ids=[units[2]])
    elif action is Action.ESCALATE:
        higher = [lv for lv in IssueLevel if lv.rank > IssueLevel(issue.level).rank]
        if not higher:
            return False
        issues.escalate(session, issue.id, higher[0].value, f"第{n}次上报")
    elif action is Action.PROGRESS:
        issues.add_progress(session, issue.id, f"进展{n}")
    elif action is Action.PHASE:
        issues.mark_phased(session, issue.id, f"计划{n}")
    elif action is Action.RESOLVE:
        issues.resolve(session, issue.id, f"办结{n}", on=today)
    elif action is Action.CLOSE:
        issues.close(session, issue.id, "satisfied" if n % 3 else "unsatisfied", on=today)
    else:
        issues.reopen(session, issue.id, f"原因{n}")
    return True


def _state(session, issue_id: int) -> tuple:
    snap = issue_undo.snapshot(session, issue_id)
    issue = session.get(Issue, issue_id)
    return snap.values, snap.supporting_unit_ids, [n.id for n in issue.notes], [e.id for e in issue.escalations]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_undo_all_steps_restores_the_issue(workspace, today, steps) -> None:
    example = next(_EXAMPLE)
    with workspace.db.transaction() as session:
        units = [Unit(name=f"单位{example}-{i}") for i in range(3)]
        session.add_all(units)
        project = create_project(session, ProjectInput(code=f"P{example}", name="项目", list_year=today.year))
        session.flush()
        issue = issues.create_issue(session, IssueInput(description="问题", found_on=today - timedelta(days=60),
                                                        project_id=project.id))
        issue_id, unit_ids = issue.id, [u.id for u in units]
    history = []
    for n, action in enumerate(steps):
        with workspace.db.transaction() as session:
            before = issue_undo.snapshot(session, issue_id)
            state = _state(session, issue_id)
            if _apply(session, session.get(Issue, issue_id), action, n, today, unit_ids):
                session.flush()
                history.append((action, n, before, issue_undo.snapshot(session, issue_id), state))
    undone = {}
    for action, n, before, after, state in reversed(history):
        with workspace.db.transaction() as session:
            undone[n] = issue_undo.undo_step(session, action.label, before, after, on=today)
        with workspace.db.read() as session:
            values, units, _notes, escalations = _state(session, issue_id)
            # the fields and links are as before the step; the journal is as before plus one 撤销 entry
            assert (values, units, escalations) == (*state[0:2], state[3])
            issue = session.get(Issue, issue_id)
            assert [n.id for n in issue.notes if n.kind != "undo"] == [i for i in state[2]
                                                                       if session.get(IssueNote, i).kind != "undo"]
            assert issue.notes[-1].kind == "undo"
            assert issue.notes[-1].text.startswith(f"撤销“{action.label}”")
    with workspace.db.read() as session:
        rows = session.scalars(select(AuditLog).where(AuditLog.action == "undo", AuditLog.entity_id == issue_id)).all()
        assert [r.field for r in rows] == [a.label for a, *_rest in reversed(history)]
    # … and redone in order, each redo finds the issue as its undo left it and gives back the state after the step
    for action, n, _before, after, _state_before in history:
        with workspace.db.transaction() as session:
            _b, redone = issue_undo.redo_step(
                session, action.label,
                lambda s, a=action, k=n: _apply(s, s.get(Issue, issue_id), a, k, today, unit_ids), undone[n])
            assert redone.same_state(after)
