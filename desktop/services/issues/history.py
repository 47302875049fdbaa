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
from desktop.db.models import AuditLog, Category, Issue, Person, Project, Unit
from desktop.services.journal import get_or_fail

# Human names for the issue columns an audit row may mention.
FIELD_LABELS = {
    "description": "问题描述", "category_id": "问题类别", "found_by": "发现人", "found_on": "发现日期",
    "project_id": "所属项目", "enterprise_id": "所属企业", "source": "来源", "status": "状态", "level": "当前层级",
    "lead_unit_id": "责任单位", "person_id": "责任人", "deadline": "完成时限", "deadline_text": "时限说明",
    "latest_progress": "最新进展", "phased_plan": "阶段性推进计划", "resolved_on": "办结日期",
    "closed_on": "销号日期", "feedback": "企业反馈", "visit_id": "来源走访",
}

_VALUE_LABELS = {"status": IssueStatus, "level": IssueLevel, "feedback": Feedback}


@dataclass(frozen=True)
class NoteLine:
    id: int
    on: date
    kind: str
    text: str
    operator: str


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


_REFERENCES = {"lead_unit_id": Unit, "person_id": Person, "category_id": Category, "project_id": Project}


def _value_text(field_name: str, value: str | None, names: dict[tuple[str, str], str]) -> str:
    if value is None or value == "":
        return "（空）"
    if field_name in _REFERENCES:
        return names.get((field_name, value), f"编号{value}")
    enum_cls = _VALUE_LABELS.get(field_name)
    return label_of(enum_cls, value) if enum_cls else value


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
        feedback=label_of(Feedback, issue.feedback),
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
    names = _reference_names(session, rows)
    history.audit = [
        AuditLine(r.at, r.operator, r.action, FIELD_LABELS.get(r.field or "", r.field or ""),
                  _value_text(r.field or "", r.old_value, names), _value_text(r.field or "", r.new_value, names))
        for r in rows
    ]
    return history


def _reference_names(session: Session, rows: list[AuditLog]) -> dict[tuple[str, str], str]:
    """The audit log keeps ids for references; show the unit's or person's name instead."""
    wanted: dict[str, set[int]] = {}
    for r in rows:
        if r.field in _REFERENCES:
            for value in (r.old_value, r.new_value):
                if value and value.isdigit():
                    wanted.setdefault(r.field, set()).add(int(value))
    names: dict[tuple[str, str], str] = {}
    for field_name, ids in wanted.items():
        model = _REFERENCES[field_name]
        for rid, name in session.execute(select(model.id, model.name).where(model.id.in_(ids))):
            names[(field_name, str(rid))] = name
    return names
