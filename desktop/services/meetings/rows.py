"""Plain rows for meeting lists and decided-item tables (no ORM objects cross into the UI)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueStatus, MeetingType
from desktop.db.models import Decision, Meeting, Person, Unit
from desktop.services.figures import Rate


@dataclass(frozen=True)
class MeetingRow:
    id: int
    label: str
    title: str
    held_at: datetime
    place: str
    chair: str
    decided: int
    done: int

    @property
    def rate(self) -> Rate:
        return Rate(self.done, self.decided)


@dataclass(frozen=True)
class DecisionRow:
    id: int
    meeting_id: int
    seq: int
    text: str
    unit: str
    person: str
    deadline: date | None
    deadline_text: str
    status: str
    latest_progress: str

    @property
    def status_label(self) -> str:
        return IssueStatus(self.status).label


def load_meetings(session: Session) -> tuple[list[MeetingRow], dict[int, list[DecisionRow]]]:
    decisions: dict[int, list[DecisionRow]] = {}
    for row in session.execute(
        select(Decision.id, Decision.meeting_id, Decision.seq, Decision.text, Unit.name, Person.name,
               Decision.deadline, Decision.deadline_text, Decision.status, Decision.latest_progress)
        .join(Unit, Unit.id == Decision.lead_unit_id, isouter=True)
        .join(Person, Person.id == Decision.person_id, isouter=True)
        .order_by(Decision.meeting_id, Decision.seq)
    ):
        d = DecisionRow(row[0], row[1], row[2], row[3], row[4] or "", row[5] or "", row[6], row[7] or "", row[8],
                        row[9] or "")
        decisions.setdefault(d.meeting_id, []).append(d)
    meetings = []
    for m in session.scalars(select(Meeting).order_by(Meeting.held_at.desc())):
        items = decisions.get(m.id, [])
        done = sum(1 for d in items if IssueStatus(d.status).is_done)
        label = f"{m.year}年第{m.number}次{MeetingType(m.kind).label}"
        meetings.append(MeetingRow(m.id, label, m.title, m.held_at, m.place or "", m.chair or "", len(items), done))
    return meetings, decisions
