"""One meeting as the meetings tab shows it: facts, agenda, decided items, completion rate, open items.

Plain frozen records only; the UI never holds ORM objects or sessions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueStatus, MeetingType
from desktop.db.models import Decision, Meeting
from desktop.services.figures import Rate
from desktop.services.issues.actions import is_overdue
from desktop.services.journal import get_or_fail
from desktop.services.meetings.actions import DecisionInput, meeting_label
from desktop.services.meetings.rows import DecisionRow


@dataclass(frozen=True)
class AgendaRow:
    id: int
    order: int
    topic: str
    issue_id: int | None
    project_id: int | None
    carried_from_decision_id: int | None

    @property
    def source_label(self) -> str:
        if self.carried_from_decision_id is not None:
            return "续议事项"
        return "问题台账" if self.issue_id is not None else "新增议题"


@dataclass(frozen=True)
class MeetingDetail:
    id: int
    kind: str
    year: int
    number: int
    title: str
    held_at: datetime
    place: str
    chair: str
    attendees: str  # 出席
    recorder: str
    cc: str
    issuer: str
    issued_on: date | None
    minutes_html: str
    agenda: tuple[AgendaRow, ...]
    decisions: tuple[DecisionRow, ...]
    on_leave: str = ""  # 请假
    observers: str = ""  # 列席

    @property
    def label(self) -> str:
        return f"{self.year}年第{self.number}次{MeetingType(self.kind).label}"

    @property
    def rate(self) -> Rate:
        """办结率 of this meeting's decided items: resolved or closed ÷ all."""
        return Rate(sum(1 for d in self.decisions if IssueStatus(d.status).is_done), len(self.decisions))

    def open_decisions(self) -> list[DecisionRow]:
        return [d for d in self.decisions if not IssueStatus(d.status).is_done]

    def overdue_decisions(self, today: date) -> list[DecisionRow]:
        return [d for d in self.decisions if is_overdue(d.status, d.deadline, today)]

    def rate_text(self) -> str:
        """"议定事项34项，已完成33项，办结率97.06%（97%）" — the sentence offices put in their reports."""
        rate = self.rate
        return (f"议定事项{rate.denominator}项，已完成{rate.numerator}项，"
                f"办结率{rate.text}（{rate.short_text}）")

    @property
    def issue_ids(self) -> tuple[int, ...]:
        return tuple(a.issue_id for a in self.agenda if a.issue_id is not None)


def _decision_row(d: Decision) -> DecisionRow:
    return DecisionRow(d.id, d.meeting_id, d.seq, d.text, d.lead_unit.name if d.lead_unit else "",
                       d.person.name if d.person else "", d.deadline, d.deadline_text or "", d.status,
                       d.latest_progress or "")


def load_meeting(session: Session, meeting_id: int) -> MeetingDetail:
    m = get_or_fail(session, Meeting, meeting_id, "会议")
    agenda = tuple(
        AgendaRow(a.id, a.sort_order, a.topic, a.issue_id, a.project_id, a.carried_from_decision_id)
        for a in sorted(m.agenda_items, key=lambda a: (a.sort_order, a.id))
    )
    decisions = tuple(_decision_row(d) for d in sorted(m.decisions, key=lambda d: d.seq))
    return MeetingDetail(m.id, m.kind, m.year, m.number, m.title, m.held_at, m.place or "", m.chair or "",
                         m.attendees or "", m.recorder or "", m.cc or "", m.issuer or "", m.issued_on,
                         m.minutes_html or "", agenda, decisions,
                         on_leave=m.on_leave or "", observers=m.observers or "")


@dataclass(frozen=True)
class NoteRow:
    noted_on: date
    kind: str
    text: str
    operator: str


@dataclass(frozen=True)
class DecisionDetail:
    """Everything the decided-item dialog edits, plus its journal for the history pane."""

    id: int
    meeting_id: int
    seq: int
    status: str
    data: DecisionInput
    notes: tuple[NoteRow, ...]


def load_decision(session: Session, decision_id: int) -> DecisionDetail:
    d = get_or_fail(session, Decision, decision_id, "议定事项")
    data = DecisionInput(text=d.text, lead_unit_id=d.lead_unit_id, deadline=d.deadline,
                         deadline_text=d.deadline_text, project_id=d.project_id, person_id=d.person_id,
                         supporting_unit_ids=tuple(u.id for u in d.supporting_units),
                         issue_ids=tuple(i.id for i in d.issues), remark=d.remark)
    notes = tuple(NoteRow(n.noted_on, n.kind, n.text, n.operator or "") for n in d.notes)
    return DecisionDetail(d.id, d.meeting_id, d.seq, d.status, data, notes)


def meeting_choices(session: Session) -> list[tuple[int, str]]:
    """(id, "2026年第3次推进会 · 标题 · 日期") for pickers, newest first."""
    rows = session.execute(select(Meeting).order_by(Meeting.held_at.desc(), Meeting.id.desc())).scalars()
    return [(m.id, f"{meeting_label(m)}（{m.held_at:%Y-%m-%d}）{m.title}") for m in rows]
