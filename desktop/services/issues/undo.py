"""Compensating changes for undo: put an issue back as it was before one step, through the session like any edit.

A snapshot records the issue's life-cycle fields plus the newest journal and escalation ids. Restoring it writes the
old values back and removes journal entries and escalations made after the snapshot, so "undo add progress" drops
that entry and brings back the previous 最新进展. Because it goes through the ORM, the audit hook logs the undo as
ordinary changes: nothing disappears from the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.models import Escalation, Issue, IssueNote, Unit
from desktop.errors import TransitionRefused
from desktop.services.journal import get_or_fail

FIELDS = ("description", "category_id", "found_by", "found_on", "project_id", "source", "status", "level",
          "lead_unit_id", "person_id", "deadline", "deadline_text", "latest_progress", "phased_plan", "resolved_on",
          "closed_on", "feedback")


@dataclass(frozen=True)
class IssueSnapshot:
    issue_id: int
    values: tuple[tuple[str, object], ...]
    supporting_unit_ids: tuple[int, ...]
    last_note_id: int
    last_escalation_id: int

    def value(self, name: str) -> object:
        return dict(self.values)[name]


def snapshot(session: Session, issue_id: int) -> IssueSnapshot:
    issue = get_or_fail(session, Issue, issue_id, "问题")
    last_note = session.scalar(select(func.max(IssueNote.id)).where(IssueNote.issue_id == issue_id)) or 0
    last_esc = session.scalar(select(func.max(Escalation.id)).where(Escalation.issue_id == issue_id)) or 0
    return IssueSnapshot(
        issue_id=issue_id,
        values=tuple((name, getattr(issue, name)) for name in FIELDS),
        supporting_unit_ids=tuple(sorted(u.id for u in issue.supporting_units)),
        last_note_id=last_note,
        last_escalation_id=last_esc,
    )


def restore(session: Session, snap: IssueSnapshot) -> Issue:
    """Bring the issue back to `snap`; later journal entries and escalations are removed."""
    issue = get_or_fail(session, Issue, snap.issue_id, "问题")
    for name, value in snap.values:
        if getattr(issue, name) != value:
            setattr(issue, name, value)
    current = sorted(u.id for u in issue.supporting_units)
    if tuple(current) != snap.supporting_unit_ids:
        ids = list(snap.supporting_unit_ids)
        issue.supporting_units = list(session.scalars(select(Unit).where(Unit.id.in_(ids)))) if ids else []
    for note in list(issue.notes):
        if note.id > snap.last_note_id:
            issue.notes.remove(note)
    for esc in list(issue.escalations):
        if esc.id > snap.last_escalation_id:
            issue.escalations.remove(esc)
    session.flush()
    return issue


def delete_new_issue(session: Session, issue_id: int) -> None:
    """Undo of 新增问题: only while nobody has worked on it since (one journal entry per step it went through)."""
    issue = get_or_fail(session, Issue, issue_id, "问题")
    if issue.escalations or any(n.kind not in ("found", "assign") for n in issue.notes):
        raise TransitionRefused("该问题新增后已有办理记录，不能撤销新增；如确属误录，请办结并在进展中注明。")
    session.delete(issue)
    session.flush()

