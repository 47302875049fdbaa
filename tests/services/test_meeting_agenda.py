"""Meetings, agendas, decided items and carrying open items over, on real temp databases."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.db.enums import Feedback, IssueStatus
from desktop.db.models import Decision, Issue, IssueNote, Meeting, Unit
from desktop.errors import ValidationError
from desktop.services.meetings import actions as meetings
from desktop.services.meetings import agenda
from desktop.services.meetings.actions import DecisionInput, MeetingInput
from desktop.services.meetings.detail import load_decision, load_meeting


def _meeting(session, held_at=datetime(2026, 12, 3, 9, 0), kind="progress", **extra) -> Meeting:
    return meetings.create_meeting(session, MeetingInput(kind=kind, title="重点项目推进会", held_at=held_at, **extra))


def _open_issue_ids(session, n: int) -> list[int]:
    ids = session.scalars(select(Issue.id).where(Issue.status.in_(("new", "assigned"))).order_by(Issue.id))
    return list(ids)[:n]


def test_number_is_suggested_per_type_and_year_and_stays_unique(demo_workspace) -> None:
    with demo_workspace.db.transaction() as s:
        assert meetings.next_number(s, "progress", 2026) == 4
        assert meetings.next_number(s, "dispatch", 2026) == 1
        m = _meeting(s)
        assert (m.number, m.year) == (4, 2026)
        other = _meeting(s, kind="dispatch")
        assert other.number == 1
    with demo_workspace.db.transaction() as s, pytest.raises(ValidationError, match="2026年第4次推进会已存在"):
        meetings.update_meeting(s, other.id, MeetingInput(kind="progress", title="改", number=4,
                                                          held_at=datetime(2026, 12, 4, 9, 0)))


def test_meeting_fields_are_validated_by_name(workspace) -> None:
    with workspace.db.transaction() as s, pytest.raises(ValidationError) as err:
        meetings.create_meeting(s, MeetingInput(kind="progress", title=" ", held_at=datetime(2026, 1, 5, 9),
                                                issued_on=date(2026, 1, 1)))
    text = str(err.value)
    assert "「会议名称」：不能为空" in text and "「印发日期」：不能早于会议日期" in text


def test_agenda_from_open_issues_journals_the_meeting(demo_workspace) -> None:
    with demo_workspace.db.transaction() as s:
        m = _meeting(s)
        ids = _open_issue_ids(s, 3)
        added = agenda.add_issues(s, m.id, ids)
        assert len(added) == 3
        assert agenda.add_issues(s, m.id, ids[:1]) == []  # already on the agenda
        agenda.add_topic(s, m.id, "研究明年重点项目谋划储备")
        item = s.get(Issue, ids[0])
        assert added[0].topic.endswith(item.description) and item.project.name in added[0].topic
    with demo_workspace.db.read() as s:
        detail = load_meeting(s, m.id)
        assert [a.source_label for a in detail.agenda] == ["问题台账"] * 3 + ["新增议题"]
        notes = s.scalars(select(IssueNote).where(IssueNote.issue_id == ids[0], IssueNote.meeting_id == m.id)).all()
        assert [n.text for n in notes] == ["列入2026年第4次推进会议题"]
    with demo_workspace.db.transaction() as s:
        agenda.move_item(s, detail.agenda[3].id, -1)
        agenda.remove_item(s, detail.agenda[0].id)
    with demo_workspace.db.read() as s:
        topics = [a.topic for a in load_meeting(s, m.id).agenda]
        assert topics[1] == "研究明年重点项目谋划储备" and len(topics) == 3


def test_candidates_filter_by_project_leader_overdue(demo_workspace, today) -> None:
    with demo_workspace.db.read() as s:
        everything = agenda.candidate_issues(s, agenda.CandidateFilter(), today)
        assert everything and not any(r.is_done for r in everything)
        overdue = agenda.candidate_issues(s, agenda.CandidateFilter(overdue_only=True), today)
        assert 0 < len(overdue) < len(everything)
        assert all(r.deadline and r.deadline < today for r in overdue)
        pid = everything[0].project_id
        assert {r.project_id for r in agenda.candidate_issues(s, agenda.CandidateFilter(project_id=pid), today)} == {pid}
        from desktop.services.directory import leaders
        leader_id = leaders(s)[0][0]
        mine = agenda.candidate_issues(s, agenda.CandidateFilter(leader_id=leader_id), today)
        assert 0 < len(mine) < len(everything)


def test_decided_item_settles_an_issue_and_is_tracked_to_completion(demo_workspace) -> None:
    with demo_workspace.db.transaction() as s:
        m = _meeting(s)
        issue_id = _open_issue_ids(s, 1)[0]
        agenda.add_issues(s, m.id, [issue_id])
        units = s.scalars(select(Unit.id).order_by(Unit.id)).all()
        d = meetings.add_decision(s, m.id, DecisionInput(
            text="协调供电公司12月底前完成临时用电接入", lead_unit_id=units[0], supporting_unit_ids=[units[1]],
            deadline=date(2026, 12, 31), issue_ids=[issue_id]))
        d2 = meetings.add_decision(s, m.id, DecisionInput(text="区住建局加快施工许可办理", lead_unit_id=units[2],
                                                          deadline_text="12月15日前"))
    with demo_workspace.db.read() as s:
        texts = [n.text for n in s.get(Issue, issue_id).notes if n.meeting_id == m.id]
        assert texts[-1] == "提交2026年第4次推进会研究，议定：协调供电公司12月底前完成临时用电接入"
        assert load_meeting(s, m.id).rate_text() == "议定事项2项，已完成0项，办结率0.00%（0%）"
    with demo_workspace.db.transaction() as s:
        meetings.add_progress(s, d.id, "已完成电缆敷设", on=date(2026, 12, 10))
        meetings.resolve(s, d.id, "已接入", on=date(2026, 12, 20))
    with demo_workspace.db.read() as s:
        detail = load_meeting(s, m.id)
        assert detail.rate.text == "50.00%"
        assert [x.id for x in detail.open_decisions()] == [d2.id]
        assert detail.overdue_decisions(date(2027, 1, 5)) == []  # d2 has no date, only the office's wording
        history = [n.text for n in load_decision(s, d.id).notes]
        assert history[0].startswith("2026年第4次推进会议定") and history[-1] == "办结：已接入"
    with demo_workspace.db.transaction() as s:
        meetings.close(s, d.id, Feedback.UNSATISFIED.value, on=date(2026, 12, 22))
    with demo_workspace.db.read() as s:
        assert s.get(Decision, d.id).status == IssueStatus.ASSIGNED.value


def test_demo_meetings_rate_and_the_third_meeting(demo_workspace) -> None:
    with demo_workspace.db.read() as s:
        ids = s.scalars(select(Meeting.id).order_by(Meeting.held_at)).all()
        details = [load_meeting(s, i) for i in ids]
    done = sum(d.rate.numerator for d in details)
    total = sum(d.rate.denominator for d in details)
    assert (done, total) == (33, 34)
    assert [d.rate.denominator for d in details] == [16, 8, 10]
    assert details[2].rate_text() == "议定事项10项，已完成9项，办结率90.00%（90%）"


def test_open_item_is_carried_to_the_next_meeting(demo_workspace) -> None:
    with demo_workspace.db.transaction() as s:
        third = s.scalars(select(Meeting).order_by(Meeting.held_at.desc())).first()
        open_item = next(d for d in third.decisions if d.status == "assigned")
        done_item = next(d for d in third.decisions if d.status != "assigned")
        assert agenda.later_meeting(s, third.id) is None
        fourth = _meeting(s)
        assert agenda.later_meeting(s, third.id) == fourth.id
        item = agenda.carry_decision(s, open_item.id, fourth.id)
        assert item.topic.startswith(f"（续议）2026年第3次推进会议定事项第{open_item.seq}项：")
        with pytest.raises(ValidationError, match="已在2026年第4次推进会议题中"):
            agenda.carry_decision(s, open_item.id, fourth.id)
        with pytest.raises(ValidationError, match="无需转入下次会议"):
            agenda.carry_decision(s, done_item.id, fourth.id)
        with pytest.raises(ValidationError, match="同一次会议"):
            agenda.carry_decision(s, open_item.id, third.id)
    with demo_workspace.db.read() as s:
        assert load_meeting(s, fourth.id).agenda[0].source_label == "续议事项"
        assert load_decision(s, open_item.id).notes[-1].text == "转入2026年第4次推进会议题"


def test_decision_edit_and_delete(demo_workspace) -> None:
    with demo_workspace.db.transaction() as s:
        m = _meeting(s)
        unit = s.scalars(select(Unit.id)).first()
        first = meetings.add_decision(s, m.id, DecisionInput(text="甲", lead_unit_id=unit))
        second = meetings.add_decision(s, m.id, DecisionInput(text="乙", lead_unit_id=unit))
        issue_id = _open_issue_ids(s, 1)[0]
        meetings.update_decision(s, second.id, DecisionInput(text="乙（修改）", lead_unit_id=unit, issue_ids=[issue_id]))
        with pytest.raises(ValidationError, match="配合单位"):
            meetings.update_decision(s, second.id, DecisionInput(text="乙", lead_unit_id=unit, supporting_unit_ids=[unit]))
    with demo_workspace.db.transaction() as s:
        meetings.delete_decision(s, first.id)
        assert s.get(Decision, second.id).seq == 1
        assert any("乙（修改）" in n.text for n in s.get(Issue, issue_id).notes)
        meetings.add_progress(s, second.id, "推进中")
        with pytest.raises(ValidationError, match="已有办理记录"):
            meetings.delete_decision(s, second.id)
        with pytest.raises(ValidationError, match="不能删除"):
            meetings.delete_meeting(s, m.id)
