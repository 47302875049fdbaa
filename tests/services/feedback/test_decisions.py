"""议定事项 on the 反馈表: a unit's open decided items go out beside its issues, come back into their own journal,
and a collect of them is undone like any other."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.db.models import Decision, DecisionNote, FeedbackItem, Meeting, Unit
from desktop.services import validation as v
from desktop.services.feedback.collect import collect, preview_collect
from desktop.services.feedback.preview import Verdict
from desktop.services.feedback.send import send_choices, send_round
from desktop.services.feedback.undo import undo_collect
from desktop.services.meetings.actions import DecisionInput, add_decision, delete_decision
from tests.services.feedback.support import data_rows, fill

SENT = date(2026, 11, 25)
RECEIVED = date(2026, 11, 30)


def test_decided_items_go_out_and_come_back_into_their_journal(demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with demo_workspace.db.transaction() as session:  # minuted just now: nothing journaled on it yet
        meeting = session.scalars(select(Meeting).order_by(Meeting.id)).first()
        unit_id = session.scalars(select(Unit.id).order_by(Unit.id)).first()
        fresh = add_decision(session, meeting.id, DecisionInput("三日内完成临时用电接入方案", unit_id,
                                                                  deadline=date(2026, 12, 20)))
        fresh_id = fresh.id
    with demo_workspace.db.read() as session:
        open_decisions = session.scalar(select(func.count()).select_from(Decision).where(
            Decision.status.in_(("new", "assigned", "phased")), Decision.lead_unit_id.is_not(None)))
        assert open_decisions > 0
        choices = send_choices(session, SENT)
    with demo_workspace.db.transaction() as session:
        result = send_round(session, out, deadline=date(2026, 12, 2), name="带议定事项的轮次", today=SENT)
        decided = session.scalars(select(FeedbackItem).where(FeedbackItem.decision_id.is_not(None))).all()
        assert len(decided) == open_decisions  # every open decided item with a unit, on its unit's form
        assert all(item.issue_id is None for item in decided)
        # the fresh one: only the form stands in the way of deleting it
        item = next(i for i in decided if i.decision_id == fresh_id)
        decision = session.get(Decision, item.decision_id)
        unit = item.unit.name
        position = item.position
        text, version = decision.text, decision.version
    assert sum(n for _name, n in choices.units) == result.items
    form = next(f for f in result.forms if f.unit == unit)
    row = next(r for r in data_rows(form.path) if r["序号"] == position)
    assert row["问题"].startswith("议定事项（") and row["问题"].endswith(text)

    back = fill(form.path, tmp_path / "back" / form.path.name,
                {position: {"办理进展": "已按会议要求完成选址", "办理状态": "已办结"}})
    preview = preview_collect(demo_workspace.db, [back], today=RECEIVED)
    (taken,) = [r for r in preview.files[0].rows if r.verdict is Verdict.NEW]
    assert taken.decision_id == decision.id and taken.issue_id is None and taken.problem == row["问题"]
    result = collect(demo_workspace.db, [back], data_dir=demo_workspace.data_dir, today=RECEIVED)
    assert result.taken == 1
    with demo_workspace.db.read() as session:
        decision = session.get(Decision, decision.id)
        note = session.scalars(select(DecisionNote).where(DecisionNote.decision_id == decision.id)
                               .order_by(DecisionNote.id.desc())).first()
        assert note.text == f"{unit}反馈（2026-11-30，{back.name}）：单位报告已办结，待办公室确认。已按会议要求完成选址"
        assert decision.latest_progress == note.text and decision.status != "resolved"  # the office decides
        assert decision.version == version + 1
    undo_collect(demo_workspace.db, result.batch_id, data_dir=demo_workspace.data_dir)
    # a decided item on a sent form is kept: deleting it is refused, not a database error
    with demo_workspace.db.transaction() as session, pytest.raises(v.ValidationError, match="已列入发出的问题办理反馈表"):
        delete_decision(session, decision.id)
    with demo_workspace.db.read() as session:
        assert session.scalar(select(func.count()).select_from(DecisionNote).where(
            DecisionNote.text.like(f"{unit}反馈%"))) == 0
        assert session.get(Decision, decision.id).latest_progress != note.text
    again = collect(demo_workspace.db, [back], data_dir=demo_workspace.data_dir, today=RECEIVED)
    assert again.taken == 1
