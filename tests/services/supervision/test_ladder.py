"""The escalation ladder: what is due at each step on a given day; nothing proposed twice; done items leave it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.db.models import Escalation, Project, Unit
from desktop.errors import UserError
from desktop.services.issues import actions as issues
from desktop.services.supervision.kinds import SupervisionKind
from desktop.services.supervision.ladder import (
    DEFAULT_LADDER,
    due_steps,
    load_ladder,
    parse_ladder,
    save_ladder,
)
from desktop.services.supervision.notices import NoticeRequest, issue_notice, withdraw_notice

DEADLINE = date(2026, 11, 1)


@pytest.fixture
def item(db_workspace):
    ws = db_workspace
    with ws.db.transaction() as s:
        unit = Unit(name="区住建局")
        project = Project(code="2026-001", name="紫云府项目", list_year=2026, stage="continuing")
        s.add_all([unit, project])
        s.flush()
        issue = issues.create_issue(s, issues.IssueInput("施工用电增容", date(2026, 9, 1), project_id=project.id))
        issues.assign(s, issue.id, unit.id, DEADLINE, on=date(2026, 9, 1))
    return ws, unit.id, issue.id


def _due(ws, day: date) -> list[tuple[int, str]]:
    with ws.db.read() as s:
        return [(d.days_overdue, d.step.action) for d in due_steps(s, day)]


def test_each_step_on_its_day_with_the_default_ladder(item) -> None:
    ws, _, _ = item
    assert _due(ws, date(2026, 11, 1)) == []  # the deadline day itself is not overdue
    assert _due(ws, date(2026, 11, 2)) == [(1, "reminder")]
    assert _due(ws, date(2026, 11, 4)) == [(3, "notice")]
    assert _due(ws, date(2026, 11, 8)) == [(7, "urge")]
    assert _due(ws, date(2026, 12, 1)) == [(30, "escalate")]


def test_a_taken_step_is_not_proposed_again_and_a_stronger_one_covers_weaker(item) -> None:
    ws, unit, issue = item
    with ws.db.transaction() as s:
        notice = issue_notice(s, NoticeRequest(SupervisionKind.NOTICE, unit, [issue], date(2026, 11, 4),
                                               date(2026, 11, 7)), today=date(2026, 11, 4))
    assert _due(ws, date(2026, 11, 5)) == []
    assert _due(ws, date(2026, 11, 8)) == [(7, "urge")]
    with ws.db.transaction() as s:
        withdraw_notice(s, notice.id, "误发", on=date(2026, 11, 5))
    assert _due(ws, date(2026, 11, 5)) == [(4, "notice")]  # a withdrawn notice took no step


def test_escalation_after_the_deadline_takes_the_last_step_and_a_done_item_leaves(item) -> None:
    ws, _, issue = item
    with ws.db.transaction() as s:
        s.add(Escalation(issue_id=issue, from_level="site", to_level="district", reason="超期30天提请包保领导协调",
                         escalated_at=datetime(2026, 12, 1, 9, 0)))
    assert _due(ws, date(2026, 12, 2)) == []
    with ws.db.transaction() as s:
        issues.resolve(s, issue, "已接电", on=date(2026, 12, 2))
    assert _due(ws, date(2027, 1, 1)) == []


def test_office_ladder_in_settings_and_refusals(item) -> None:
    ws, _, _ = item
    with ws.db.transaction() as s:
        assert [st.days for st in load_ladder(s)] == [d["days"] for d in DEFAULT_LADDER]
        save_ladder(s, [{"days": 5, "action": "notice"}, {"days": 15, "action": "escalate", "label": "提请主要领导"}])
    assert _due(ws, date(2026, 11, 4)) == []
    assert _due(ws, date(2026, 11, 6)) == [(5, "notice")]
    with ws.db.read() as s:
        assert load_ladder(s)[-1].describe() == "超期15天：提请主要领导"
    for raw, reason in [([], "至少要有一步"), ([{"days": 0, "action": "notice"}], "1至3650"),
                        ([{"days": 3, "action": "mail"}], "不认识"),
                        ([{"days": 3, "action": "notice"}, {"days": 3, "action": "urge"}], "逐步增加"),
                        ([{"days": 3, "action": "urge"}, {"days": 5, "action": "reminder"}], "逐级加重")]:
        with pytest.raises(UserError, match=reason):
            parse_ladder(raw)
