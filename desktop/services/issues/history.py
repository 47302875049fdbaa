"""Everything that happened to one issue, newest first, for the side panel next to the issue table.

Offices are audited and "closed on paper but not fixed" is a known abuse, so the panel shows three sources side by
side: the journal (办理进展), the escalation path (流转), and the raw audit log of field changes (who changed what).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.db.enums import Feedback, IssueLevel, IssueStatus, label_of
from desktop.db.models import AuditLog, Issue
from desktop.services.audit_log import reference_names, value_text
from desktop.services.journal import get_or_fail
from desktop.services.table_labels import REVERTED_SUFFIX, action_label, field_label, note_kind_label


@dataclass(frozen=True)
class NoteLine:
    id: int
    on: date
    kind: str
    text: str
    operator: str

    @property
    def kind_label(self) -> str:
        return note_kind_label(self.kind)


@dataclass(frozen=True)
class EscalationLine:
    at: datetime
    from_label: str
    to_label: str
    reason: str
    operator: str


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    operator: str
    action: str
    field: str
    old: str
    new: str
    reverted: bool = False  # taken back by a restore or merge undo: kept in the log, no longer in the data

    @property
    def action_label(self) -> str:
        return action_label(self.action) + (REVERTED_SUFFIX if self.reverted else "")


@dataclass
class IssueHistory:
    id: int
    title: str
    project: str
    status_label: str
    level_label: str
    unit: str
    person: str
    supporting: list[str]
    deadline: str
    phased_plan: str
    feedback: str
    notes: list[NoteLine] = field(default_factory=list)
    escalations: list[EscalationLine] = field(default_factory=list)
    audit: list[AuditLine] = field(default_factory=list)

    @property
    def level_path(self) -> str:
        """现场解决 → 区级 → 市级: where the issue has been, in order."""
        if not self.escalations:
            return self.level_label
        steps = [self.escalations[-1].from_label] + [e.to_label for e in reversed(self.escalations)]
        return " → ".join(steps)


def feedback_text(feedback: str | None, reason: str | None) -> str:
    """满意 / 基本满意 / 不满意, or 未能征求 with its reason."""
    label = label_of(Feedback, feedback)
    return f"{label}（{reason}）" if label and reason else label


def load_issue_history(session: Session, issue_id: int, audit_limit: int = 200) -> IssueHistory:
    issue = session.scalar(
        select(Issue).where(Issue.id == issue_id).options(
            selectinload(Issue.notes), selectinload(Issue.escalations), selectinload(Issue.supporting_units))
    ) or get_or_fail(session, Issue, issue_id, "问题")
    history = IssueHistory(
        id=issue.id,
        title=issue.description,
        project=issue.project.name if issue.project else "",
        status_label=IssueStatus(issue.status).label,
        level_label=IssueLevel(issue.level).label,
        unit=issue.lead_unit.name if issue.lead_unit else "",
        person=issue.person.name if issue.person else "",
        supporting=[u.name for u in issue.supporting_units],
        deadline=issue.deadline_text or (issue.deadline.isoformat() if issue.deadline else ""),
        phased_plan=issue.phased_plan or "",
        # Feedback belongs beside 已销号 only: after a reopening it stays in the journal and the log, not on top.
        feedback=feedback_text(issue.feedback, issue.feedback_reason) if issue.status == IssueStatus.CLOSED else "",
    )
    history.notes = [NoteLine(n.id, n.noted_on, n.kind, n.text, n.operator or "")
                     for n in sorted(issue.notes, key=lambda n: (n.noted_on, n.id), reverse=True)]
    history.escalations = [
        EscalationLine(e.escalated_at, IssueLevel(e.from_level).label, IssueLevel(e.to_level).label, e.reason,
                       e.operator or "")
        for e in sorted(issue.escalations, key=lambda e: e.id, reverse=True)
    ]
    rows = list(session.scalars(
        select(AuditLog).where(AuditLog.entity == "issue", AuditLog.entity_id == issue_id)
        .order_by(AuditLog.id.desc()).limit(audit_limit)))
    names = reference_names(session, [(r.field, r.old_value, r.new_value) for r in rows])
    history.audit = [
        AuditLine(r.at, r.operator, r.action, field_label(r.field, "issue"),
                  value_text(r.field, r.old_value, "issue", names) or "（空）",
                  value_text(r.field, r.new_value, "issue", names) or "（空）", r.reverted_by is not None)
        for r in rows
    ]
    return history
