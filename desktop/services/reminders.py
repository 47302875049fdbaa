"""待办提醒: what needs chasing today — overdue issues and decided items, and those falling due within N days —
and what awaits the clerk's decision: the units' requests from collected 反馈表 (a reported 已办结 to confirm, 申请延期,
需上级协调; services/feedback/requests.py), listed first.

Shown when the window opens, so the morning starts with the list the office would otherwise build by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueStatus, MeetingType
from desktop.db.models import Decision, Issue, Meeting, Project, Unit

_DONE = (IssueStatus.RESOLVED.value, IssueStatus.CLOSED.value)


@dataclass(frozen=True, slots=True)  # ~43k of them at city size: no per-item __dict__
class Reminder:
    kind: str  # "issue" or "decision"
    id: int
    text: str
    where: str  # project or meeting
    unit: str
    deadline: date | None  # None only for a request on a record without a 完成时限
    days_left: int  # negative when overdue
    meeting_id: int | None = None
    unit_id: int | None = None
    step: str = ""  # the 督办 ladder's step due today (超期7天：催办通知), empty when none is due
    step_action: str = ""  # reminder / notice / urge / escalate / request
    request_id: int | None = None  # a unit's pending request on the item (step says what it asks)
    request_kind: str = ""  # done / extension / coordination

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def kind_label(self) -> str:
        return "问题" if self.kind == "issue" else "议定事项"

    @property
    def when_text(self) -> str:
        if self.request_id is not None:
            return "待确认办结" if self.request_kind == "done" else "待处理申请"
        if self.days_left < 0:
            return f"超期{-self.days_left}天"
        if self.days_left == 0:
            return "今天到期"
        return f"{self.days_left}天后到期"


def load_reminders(session: Session, today: date, days: int = 7) -> list[Reminder]:
    """Overdue first (longest overdue on top), then due soon (soonest on top)."""
    horizon = today + timedelta(days=days)
    items: list[Reminder] = []
    from desktop.services.supervision.ladder import due_step_by_issue

    steps = due_step_by_issue(session, today)
    issues = session.execute(
        select(Issue.id, Issue.description, Project.name, Unit.name, Issue.deadline, Issue.lead_unit_id)
        .join(Project, Project.id == Issue.project_id, isouter=True)
        .join(Unit, Unit.id == Issue.lead_unit_id, isouter=True)
        .where(Issue.status.not_in(_DONE), Issue.deadline.is_not(None), Issue.deadline <= horizon)
    )
    # Names, dates and ladder steps repeat across thousands of reminders: one shared object each, not a copy per
    # row as the driver returns them (~10 MB at city size).
    shared: dict[object, object] = {None: None}
    share = shared.setdefault
    for iid, text, project, unit, deadline, unit_id in issues:
        step = steps.get(iid)
        described = step.describe() if step else ""
        items.append(Reminder("issue", iid, text, share(project or "", project or ""), share(unit or "", unit or ""),
                              share(deadline, deadline), (deadline - today).days, unit_id=unit_id,
                              step=share(described, described), step_action=step.action if step else ""))
    decisions = session.execute(
        select(Decision.id, Decision.text, Meeting.id, Meeting.year, Meeting.number, Meeting.kind, Unit.name,
               Decision.deadline)
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .join(Unit, Unit.id == Decision.lead_unit_id, isouter=True)
        .where(Decision.status.not_in(_DONE), Decision.deadline.is_not(None), Decision.deadline <= horizon)
    )
    for did, text, mid, year, number, kind, unit, deadline in decisions:
        where = f"{year}年第{number}次{MeetingType(kind).label}"
        items.append(Reminder("decision", did, text, share(where, where), share(unit or "", unit or ""),
                              share(deadline, deadline), (deadline - today).days, mid))
    items.sort(key=lambda r: (r.days_left >= 0, r.days_left, r.kind, r.id))
    return _requests(session, today) + items


def _requests(session: Session, today: date) -> list[Reminder]:
    """The units' pending requests, oldest first: each waits for the clerk, whatever its deadline."""
    from desktop.services.feedback.requests import list_requests

    found = []
    for row in list_requests(session):
        meeting_id = None
        if row.record_kind == "decision":
            meeting_id = session.scalar(select(Decision.meeting_id).where(Decision.id == row.record_id))
        found.append(Reminder(row.record_kind, row.record_id, row.text, row.project, row.unit, row.deadline,
                              (row.deadline - today).days if row.deadline else 0, meeting_id,
                              step=f"{row.kind_label}：{row.asks}", step_action="request", request_id=row.id,
                              request_kind=row.kind))
    return found
