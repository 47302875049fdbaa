"""Meetings and their decided items (议定事项). Decided items follow the issue life cycle without escalation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueStatus, MeetingType
from desktop.db.models import Decision, FeedbackItem, Issue, Meeting, Unit
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
    attendees: str | None = None  # 出席
    on_leave: str | None = None  # 请假
    observers: str | None = None  # 列席
    recorder: str | None = None
    cc: str | None = None  # 抄送, printed in the 版记
    issuer: str | None = None  # 印发机关
    issued_on: date | None = None  # 印发日期


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


def numbers_in_use(session: Session) -> dict[tuple[str, int], int]:
    """The highest 第N次 per (meeting type, year): the meeting dialog suggests the next one for whatever type and
    year the clerk picks, without a read per change."""
    rows = session.execute(select(Meeting.kind, Meeting.year, func.max(Meeting.number)).group_by(Meeting.kind,
                                                                                                  Meeting.year))
    return {(str(kind), int(year)): int(top or 0) for kind, year, top in rows}


def meeting_label(meeting: Meeting) -> str:
    """"2026年第3次推进会": how journals, agendas and documents name a meeting."""
    return f"{meeting.year}年第{meeting.number}次{MeetingType(meeting.kind).label}"


def _check_meeting(session: Session, data: MeetingInput, number: int, own_id: int | None) -> None:
    v.raise_if_any([
        v.required(data.title, "会议名称"),
        v.required(data.held_at, "会议时间"),
        v.max_length(data.title, 200, "会议名称"),
        v.max_length(data.place, 128, "会议地点"),
        v.max_length(data.chair, 64, "主持人"),
        v.max_length(data.recorder, 64, "记录人"),
        v.max_length(data.issuer, 128, "印发机关"),
        None if number >= 1 else v.Problem("会议序号", "应为大于0的整数"),
        v.not_before(data.issued_on, data.held_at.date() if data.held_at else None, "印发日期", "会议日期"),
    ])
    try:
        kind = MeetingType(data.kind)
    except ValueError:
        raise v.ValidationError([v.Problem("会议类型", f"不认识的会议类型「{data.kind}」")]) from None
    year = data.held_at.year
    clash = session.scalar(
        select(Meeting.id).where(Meeting.kind == data.kind, Meeting.year == year, Meeting.number == number,
                                 Meeting.id != (own_id or 0))
    )
    if clash is not None:
        raise v.ValidationError([v.Problem("会议序号", f"{year}年第{number}次{kind.label}已存在")])


def _strip(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _apply(meeting: Meeting, data: MeetingInput, number: int) -> None:
    meeting.kind = data.kind
    meeting.year = data.held_at.year
    meeting.number = number
    meeting.title = data.title.strip()
    meeting.held_at = data.held_at
    meeting.place = _strip(data.place)
    meeting.chair = _strip(data.chair)
    meeting.attendees = _strip(data.attendees)
    meeting.on_leave = _strip(data.on_leave)
    meeting.observers = _strip(data.observers)
    meeting.recorder = _strip(data.recorder)
    meeting.cc = _strip(data.cc)
    meeting.issuer = _strip(data.issuer)
    meeting.issued_on = data.issued_on


def create_meeting(session: Session, data: MeetingInput) -> Meeting:
    number = data.number or (next_number(session, data.kind, data.held_at.year) if data.held_at else 1)
    _check_meeting(session, data, number, None)
    meeting = Meeting()
    _apply(meeting, data, number)
    session.add(meeting)
    session.flush()
    return meeting


def update_meeting(session: Session, meeting_id: int, data: MeetingInput) -> Meeting:
    """Edit the meeting's facts; the number stays unless the office changes it (then it must stay unique)."""
    meeting = get_or_fail(session, Meeting, meeting_id, "会议")
    number = data.number or meeting.number
    _check_meeting(session, data, number, meeting.id)
    _apply(meeting, data, number)
    session.flush()
    return meeting


ATTENDANCE_LABELS = {"attendees": "出席", "on_leave": "请假", "observers": "列席"}


def set_attendance(session: Session, meeting_id: int, **values: str | None) -> Meeting:
    """Record a meeting's 出席 / 请假 / 列席 as the office wrote them; a value left out (None) is kept, an empty
    one clears its line. The same write as the meeting dialog's, for `keyproj meeting attendance`."""
    meeting = get_or_fail(session, Meeting, meeting_id, "会议")
    unknown = set(values) - set(ATTENDANCE_LABELS)
    if unknown:
        raise ValueError(f"unknown attendance fields {sorted(unknown)}")
    for name, value in values.items():
        if value is not None:
            setattr(meeting, name, _strip(value))
    session.flush()
    return meeting


def save_minutes(session: Session, meeting_id: int, html: str) -> bool:
    """Store the minutes text; returns False when nothing changed, so autosave does not flood the audit log."""
    meeting = get_or_fail(session, Meeting, meeting_id, "会议")
    if (meeting.minutes_html or "") == html:
        return False
    meeting.minutes_html = html
    session.flush()
    return True


def delete_meeting(session: Session, meeting_id: int) -> None:
    """Remove a meeting entered by mistake; refused once decided items are being tracked (history would vanish)."""
    meeting = get_or_fail(session, Meeting, meeting_id, "会议")
    if meeting.decisions:
        raise v.ValidationError([v.Problem(
            "会议", f"{meeting_label(meeting)}已有{len(meeting.decisions)}项议定事项，不能删除；请先删除议定事项")])
    session.delete(meeting)
    session.flush()


def _check_decision(meeting: Meeting, data: DecisionInput) -> None:
    v.raise_if_any([
        v.required(data.text, "议定事项"),
        v.required(data.lead_unit_id, "责任单位"),
        v.not_before(data.deadline, meeting.held_at.date(), "完成时限", "会议日期"),
        v.max_length(data.deadline_text, 64, "完成时限说明"),
        None if data.lead_unit_id not in data.supporting_unit_ids
        else v.Problem("配合单位", "不能与牵头责任单位相同"),
    ])


def _link_issues(session: Session, meeting: Meeting, decision: Decision, issue_ids: Sequence[int]) -> None:
    """Link issues the item settles and journal it on each, so the issue's history shows the meeting."""
    label = meeting_label(meeting)
    linked = {i.id for i in decision.issues}
    for issue_id in dict.fromkeys(issue_ids):
        if issue_id in linked:
            continue
        issue = get_or_fail(session, Issue, issue_id, "问题")
        decision.issues.append(issue)
        tracking.journal(session, issue, "meeting", f"提交{label}研究，议定：{decision.text}",
                         meeting.held_at.date(), meeting_id=meeting.id)


def _supporting(session: Session, ids: Sequence[int]) -> list[Unit]:
    return list(session.scalars(select(Unit).where(Unit.id.in_(list(ids))))) if ids else []


def add_decision(session: Session, meeting_id: int, data: DecisionInput) -> Decision:
    meeting = get_or_fail(session, Meeting, meeting_id, "会议")
    _check_decision(meeting, data)
    get_or_fail(session, Unit, data.lead_unit_id, "责任单位")  # type: ignore[arg-type]
    seq = (max((d.seq for d in meeting.decisions), default=0)) + 1
    supporting = _supporting(session, data.supporting_unit_ids)
    decision = Decision(
        meeting=meeting, seq=seq, text=data.text.strip(), lead_unit_id=data.lead_unit_id,
        deadline=data.deadline, deadline_text=_strip(data.deadline_text), project_id=data.project_id,
        person_id=data.person_id, status=IssueStatus.ASSIGNED.value, remark=_strip(data.remark),
    )
    decision.supporting_units = supporting
    session.add(decision)
    tracking.journal(session, decision, "assign", f"{meeting_label(meeting)}议定：{decision.text}",
                     meeting.held_at.date())
    _link_issues(session, meeting, decision, data.issue_ids)
    session.flush()
    return decision


def update_decision(session: Session, decision_id: int, data: DecisionInput) -> Decision:
    """Correct a decided item as worded in the minutes; newly linked issues get the meeting in their history.

    Unlinking an issue keeps its journal entry: the meeting did study it, and history is never rewritten.
    """
    decision = _decision(session, decision_id)
    meeting = decision.meeting
    _check_decision(meeting, data)
    get_or_fail(session, Unit, data.lead_unit_id, "责任单位")  # type: ignore[arg-type]
    changed_text = decision.text != data.text.strip()
    decision.text = data.text.strip()
    decision.lead_unit_id = data.lead_unit_id
    decision.deadline = data.deadline
    decision.deadline_text = _strip(data.deadline_text)
    decision.project_id = data.project_id
    decision.person_id = data.person_id
    decision.remark = _strip(data.remark)
    decision.supporting_units = _supporting(session, data.supporting_unit_ids)
    keep = set(data.issue_ids)
    decision.issues = [i for i in decision.issues if i.id in keep]
    if changed_text:
        tracking.journal(session, decision, "edit", f"修改议定事项内容为：{decision.text}", None)
    _link_issues(session, meeting, decision, data.issue_ids)
    session.flush()
    return decision


def delete_decision(session: Session, decision_id: int) -> None:
    """Remove an item recorded by mistake while minuting; once work on it is journaled it must be tracked instead."""
    decision = _decision(session, decision_id)
    if any(n.kind != "assign" and n.kind != "edit" for n in decision.notes):
        raise v.ValidationError([v.Problem(
            "议定事项", f"第{decision.seq}项已有办理记录，不能删除；如不再办理，请办结或标记阶段性推进")])
    if session.scalar(select(func.count(FeedbackItem.id)).where(FeedbackItem.decision_id == decision.id)):
        raise v.ValidationError([v.Problem(
            "议定事项", f"第{decision.seq}项已列入发出的问题办理反馈表，不能删除；如不再办理，请办结或标记阶段性推进")])
    meeting = decision.meeting
    meeting.decisions.remove(decision)
    session.delete(decision)
    session.flush()
    for seq, other in enumerate(sorted(meeting.decisions, key=lambda d: d.seq), start=1):
        other.seq = seq
    session.flush()


def _decision(session: Session, decision_id: int) -> Decision:
    return get_or_fail(session, Decision, decision_id, "议定事项")


def add_progress(session: Session, decision_id: int, text: str, *, on: date | None = None) -> Decision:
    return tracking.add_progress(session, _decision(session, decision_id), text, on=on)


def mark_phased(session: Session, decision_id: int, plan: str, *, on: date | None = None) -> Decision:
    return tracking.mark_phased(session, _decision(session, decision_id), plan, on=on)


def resolve(session: Session, decision_id: int, text: str, *, on: date | None = None) -> Decision:
    return tracking.resolve(session, _decision(session, decision_id), text, on=on)


def close(session: Session, decision_id: int, feedback: str | None, *, remark: str | None = None,
          reason: str | None = None, on: date | None = None) -> Decision:
    return tracking.close(session, _decision(session, decision_id), feedback, remark=remark, reason=reason, on=on)


def reopen(session: Session, decision_id: int, reason: str, *, on: date | None = None) -> Decision:
    return tracking.reopen(session, _decision(session, decision_id), reason, on=on)
