"""Meetings and their decided items (议定事项). Decided items follow the issue life cycle without escalation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueStatus, MeetingType
from desktop.db.models import Decision, Issue, Meeting, Unit
from desktop.services import tracking
from desktop.services import validation as v
from desktop.services.journal import get_or_fail


@dataclass
class MeetingInput:
    kind: str
    title: str
    held_at: datetime
    number: int | None = None
    place: str | None = None
    chair: str | None = None
    attendees: str | None = None
    recorder: str | None = None


@dataclass
class DecisionInput:
    text: str
    lead_unit_id: int | None
    deadline: date | None = None
    deadline_text: str | None = None
    project_id: int | None = None
    person_id: int | None = None
    supporting_unit_ids: Sequence[int] = field(default_factory=tuple)
    issue_ids: Sequence[int] = field(default_factory=tuple)
    remark: str | None = None


def next_number(session: Session, kind: str, year: int) -> int:
    """第N次: numbered per meeting type and year."""
    current = session.scalar(select(func.max(Meeting.number)).where(Meeting.kind == kind, Meeting.year == year))
    return (current or 0) + 1


def create_meeting(session: Session, data: MeetingInput) -> Meeting:
    v.raise_if_any([v.required(data.title, "会议名称"), v.required(data.held_at, "会议时间")])
    MeetingType(data.kind)
    year = data.held_at.year
    number = data.number or next_number(session, data.kind, year)
    clash = session.scalar(
        select(Meeting.id).where(Meeting.kind == data.kind, Meeting.year == year, Meeting.number == number)
    )
    if clash is not None:
        label = MeetingType(data.kind).label
        raise v.ValidationError([v.Problem("会议序号", f"{year}年第{number}次{label}已存在")])
    meeting = Meeting(kind=data.kind, year=year, number=number, title=data.title.strip(), held_at=data.held_at,
                      place=data.place, chair=data.chair, attendees=data.attendees, recorder=data.recorder)
    session.add(meeting)
    session.flush()
    return meeting


def add_decision(session: Session, meeting_id: int, data: DecisionInput) -> Decision:
    meeting = get_or_fail(session, Meeting, meeting_id, "会议")
    v.raise_if_any([
        v.required(data.text, "议定事项"),
        v.required(data.lead_unit_id, "责任单位"),
        v.not_before(data.deadline, meeting.held_at.date(), "完成时限", "会议日期"),
    ])
    seq = (max((d.seq for d in meeting.decisions), default=0)) + 1
    decision = Decision(
        meeting=meeting, seq=seq, text=data.text.strip(), lead_unit_id=data.lead_unit_id,
        deadline=data.deadline, deadline_text=data.deadline_text, project_id=data.project_id,
        person_id=data.person_id, status=IssueStatus.ASSIGNED.value, remark=data.remark,
    )
    if data.supporting_unit_ids:
        decision.supporting_units = list(
            session.scalars(select(Unit).where(Unit.id.in_(list(data.supporting_unit_ids))))
        )
    session.add(decision)
    label = f"{meeting.year}年第{meeting.number}次{MeetingType(meeting.kind).label}"
    tracking.journal(session, decision, "assign", f"{label}议定：{decision.text}", meeting.held_at.date())
    for issue_id in data.issue_ids:
        issue = get_or_fail(session, Issue, issue_id, "问题")
        decision.issues.append(issue)
        tracking.journal(session, issue, "meeting", f"提交{label}研究，议定：{decision.text}",
                         meeting.held_at.date(), meeting_id=meeting.id)
    session.flush()
    return decision


def _decision(session: Session, decision_id: int) -> Decision:
    return get_or_fail(session, Decision, decision_id, "议定事项")


def add_progress(session: Session, decision_id: int, text: str, *, on: date | None = None) -> Decision:
    return tracking.add_progress(session, _decision(session, decision_id), text, on=on)


def mark_phased(session: Session, decision_id: int, plan: str, *, on: date | None = None) -> Decision:
    return tracking.mark_phased(session, _decision(session, decision_id), plan, on=on)


def resolve(session: Session, decision_id: int, text: str, *, on: date | None = None) -> Decision:
    return tracking.resolve(session, _decision(session, decision_id), text, on=on)


def close(session: Session, decision_id: int, feedback: str, *, remark: str | None = None,
          on: date | None = None) -> Decision:
    return tracking.close(session, _decision(session, decision_id), feedback, remark=remark, on=on)


def reopen(session: Session, decision_id: int, reason: str, *, on: date | None = None) -> Decision:
    return tracking.reopen(session, _decision(session, decision_id), reason, on=on)
