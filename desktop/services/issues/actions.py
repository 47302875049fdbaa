"""The issue life cycle: found → assigned → handled/escalated → resolved → closed with feedback.

Every step checks the rule table in `lifecycle`, validates what the office needs for that step (定人、定责、定时),
writes a journal entry, and — through the session's audit hook — the audit log. Callers pass an open session
inside `Database.transaction()`, so a step is all-or-nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueLevel, IssueStatus
from desktop.db.models import Escalation, Issue, Unit
from desktop.errors import UserError
from desktop.services import tracking
from desktop.services import validation as v
from desktop.services.concurrency import check_version
from desktop.services.issues.row import DONE_CODES, is_due_soon, is_overdue  # noqa: F401 - re-exported
from desktop.services.journal import cn_date, get_or_fail, operator_of
from desktop.services.lifecycle import Action, check


@dataclass
class IssueInput:
    description: str
    found_on: date | None  # required for an issue entered by hand; see `create_issue`'s `received_on`
    project_id: int | None = None
    enterprise_id: int | None = None
    category_id: int | None = None
    found_by: str | None = None
    source: str | None = None
    visit_id: int | None = None
    lead_unit_id: int | None = None
    person_id: int | None = None
    supporting_unit_ids: Sequence[int] = field(default_factory=tuple)
    deadline: date | None = None
    deadline_text: str | None = None
    level: str = IssueLevel.SITE.value


def _note(session: Session, issue: Issue, kind: str, text: str, on: date | None) -> None:
    tracking.journal(session, issue, kind, text, on)


def _units(session: Session, ids: Sequence[int]) -> list[Unit]:
    if not ids:
        return []
    return list(session.scalars(select(Unit).where(Unit.id.in_(list(ids)))))


def create_issue(session: Session, data: IssueInput, *, received_on: date | None = None) -> Issue:
    """A new issue (待交办, or 办理中 when a unit is given).

    An issue entered by hand always has its found date. One a unit reported without writing it (a 反馈表's 新增问题)
    is created with `received_on`, the day it came in: its found date stays empty (never made up, issue #16) and
    the journal is dated the day received.
    """
    v.raise_if_any([
        v.required(data.description, "问题描述"),
        None if received_on is not None else v.required(data.found_on, "发现日期"),
        None if (data.project_id or data.enterprise_id) else v.Problem("项目/企业", "请选择问题所属的项目或企业"),
        v.not_before(data.deadline, data.found_on, "完成时限", "发现日期"),
    ])
    IssueLevel(data.level)
    issue = Issue(
        description=data.description.strip(), found_on=data.found_on, project_id=data.project_id,
        enterprise_id=data.enterprise_id, category_id=data.category_id, found_by=data.found_by,
        source=data.source, visit_id=data.visit_id, level=data.level, status=IssueStatus.NEW.value,
    )
    session.add(issue)
    on = data.found_on or received_on
    _note(session, issue, "found", f"发现问题：{issue.description}", on)
    if data.lead_unit_id is not None:
        session.flush()
        assign(session, issue.id, data.lead_unit_id, data.deadline, person_id=data.person_id,
               supporting_unit_ids=data.supporting_unit_ids, deadline_text=data.deadline_text, on=on)
    session.flush()
    return issue


def update_issue(session: Session, issue_id: int, *, expected_version: int | None = None,
                 **changes: object) -> Issue:
    """Edit descriptive fields; life-cycle fields only change through the actions below.

    `expected_version` is the version the edit form loaded; a newer one means someone else saved meanwhile.
    A recorded found date can be changed but not cleared (UserError): clearing it would lose a fact.
    """
    allowed = {"description", "category_id", "found_by", "found_on", "project_id", "enterprise_id", "source"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"fields not editable here: {sorted(unknown)}")
    issue = get_or_fail(session, Issue, issue_id, "问题")
    check_version(session, issue, expected_version, "该问题")
    if "found_on" in changes and changes["found_on"] is None and issue.found_on is not None:
        # Nothing lost: a recorded found date is a fact (it decides the period and 按时); it may be corrected,
        # never erased. An issue that never had one (an imported ledger gave none) simply stays without.
        raise UserError(f"该问题已记录发现日期（{cn_date(issue.found_on)}），不能清空；如日期有误，请改为正确的日期。")
    for key, value in changes.items():
        setattr(issue, key, value.strip() if isinstance(value, str) else value)
    v.raise_if_any([
        v.required(issue.description, "问题描述"),
        v.not_before(issue.deadline, issue.found_on, "完成时限", "发现日期"),
    ])
    session.flush()
    return issue


def assign(session: Session, issue_id: int, unit_id: int | None, deadline: date | None, *,
           person_id: int | None = None, supporting_unit_ids: Sequence[int] = (),
           deadline_text: str | None = None, on: date | None = None) -> Issue:
    issue = get_or_fail(session, Issue, issue_id, "问题")
    check(Action.ASSIGN, issue.status)
    v.raise_if_any([
        v.required(unit_id, "责任单位"),
        v.required(deadline, "完成时限"),
        v.not_before(deadline, issue.found_on, "完成时限", "发现日期"),
    ])
    unit = get_or_fail(session, Unit, unit_id, "责任单位")  # type: ignore[arg-type]
    issue.lead_unit_id = unit.id
    issue.person_id = person_id
    issue.deadline = deadline
    issue.deadline_text = deadline_text
    issue.supporting_units = _units(session, supporting_unit_ids)
    if issue.status == IssueStatus.NEW:
        issue.status = IssueStatus.ASSIGNED.value
    support = "、".join(u.name for u in issue.supporting_units)
    text = f"交办：{unit.name}，完成时限{deadline_text or cn_date(deadline)}" + (f"，配合单位：{support}" if support else "")
    _note(session, issue, "assign", text, on)
    session.flush()
    return issue


def escalate(session: Session, issue_id: int, to_level: str, reason: str, *, on: date | None = None) -> Issue:
    issue = get_or_fail(session, Issue, issue_id, "问题")
    check(Action.ESCALATE, issue.status)
    v.raise_if_any([v.required(to_level, "流转层级"), v.required(reason, "流转原因")])
    target = IssueLevel(to_level)
    current = IssueLevel(issue.level)
    if target.rank <= current.rank:
        raise v.ValidationError([v.Problem("流转层级", f"只能向上流转，当前已在「{current.label}」")])
    issue.escalations.append(
        Escalation(from_level=current.value, to_level=target.value, reason=reason.strip(),
                   operator=operator_of(session))
    )
    issue.level = target.value
    _note(session, issue, "escalate", f"由{current.label}流转至{target.label}：{reason.strip()}", on)
    session.flush()
    return issue


def add_progress(session: Session, issue_id: int, text: str, *, on: date | None = None) -> Issue:
    return tracking.add_progress(session, get_or_fail(session, Issue, issue_id, "问题"), text, on=on)


def mark_phased(session: Session, issue_id: int, plan: str, *, on: date | None = None) -> Issue:
    return tracking.mark_phased(session, get_or_fail(session, Issue, issue_id, "问题"), plan, on=on)


def resolve(session: Session, issue_id: int, text: str, *, on: date | None = None) -> Issue:
    return tracking.resolve(session, get_or_fail(session, Issue, issue_id, "问题"), text, on=on)


def close(session: Session, issue_id: int, feedback: str | None, *, remark: str | None = None,
          reason: str | None = None, on: date | None = None) -> Issue:
    """销号; `feedback` must be given explicitly (see `tracking.close`), `reason` goes with 未能征求."""
    return tracking.close(session, get_or_fail(session, Issue, issue_id, "问题"), feedback, remark=remark,
                          reason=reason, on=on)


def reopen(session: Session, issue_id: int, reason: str, *, on: date | None = None) -> Issue:
    return tracking.reopen(session, get_or_fail(session, Issue, issue_id, "问题"), reason, on=on)
