"""Undo as a compensating change: any sequence of allowed steps, undone newest first, gives back the issue exactly."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.db.enums import IssueLevel
from desktop.db.models import Issue, Unit
from desktop.services.issues import actions as issues
from desktop.services.issues import undo as issue_undo
from desktop.services.issues.actions import IssueInput
from desktop.services.lifecycle import Action, refusal
from desktop.services.projects.actions import ProjectInput, create_project

STEPS = st.lists(st.sampled_from(list(Action)), min_size=1, max_size=8)


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
    with workspace.db.transaction() as session:
        units = [Unit(name=f"单位{len(steps)}-{i}-{id(steps)}") for i in range(3)]
        session.add_all(units)
        project = create_project(session, ProjectInput(code=f"P{id(steps)}", name="项目", list_year=today.year))
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
                history.append((before, state))
    for before, state in reversed(history):
        with workspace.db.transaction() as session:
            issue_undo.restore(session, before)
        with workspace.db.read() as session:
            assert _state(session, issue_id) == state
