"""The agenda (议题) of a meeting: open issues put before it, typed topics, and open decided items carried over.

Offices "collect the issues leaders found and put them on the agenda": putting an issue on an agenda is journaled
on the issue with the meeting, so its history shows when it was brought before which meeting, even before
anything is decided on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueStatus
from desktop.db.models import AgendaItem, Assignment, Decision, Issue, Meeting, Project
from desktop.services import tracking
from desktop.services import validation as v
from desktop.services.issues.actions import is_overdue
from desktop.services.issues.rows import IssueRow, load_issue_rows
from desktop.services.journal import get_or_fail
from desktop.services.meetings.actions import meeting_label
from desktop.services.search import matches


@dataclass(frozen=True)
class CandidateFilter:
    """Which open issues to offer for an agenda: by project, by the leader in charge, overdue only, text."""

    project_id: int | None = None
    leader_id: int | None = None
    overdue_only: bool = False
    text: str = ""


def candidate_issues(session: Session, flt: CandidateFilter, today: date) -> list[IssueRow]:
    """Open (not yet resolved) issues matching the filter, newest first, as the issue table shows them."""
    leader_projects: set[int] | None = None
    if flt.leader_id is not None:
        leader_projects = set(session.scalars(
            select(Assignment.project_id).where(Assignment.leader_id == flt.leader_id, Assignment.end_date.is_(None))
        ))
    result = []
    for row in load_issue_rows(session):
        if row.is_done:
            continue
        if flt.project_id is not None and row.project_id != flt.project_id:
            continue
        if leader_projects is not None and row.project_id not in leader_projects:
            continue
        if flt.overdue_only and not is_overdue(row.status, row.deadline, today):
            continue
        if flt.text.strip() and not matches(flt.text.strip(), row.description, row.project_name, row.unit):
            continue
        result.append(row)
    return result


def _next_order(meeting: Meeting) -> int:
    return max((a.sort_order for a in meeting.agenda_items), default=0) + 1


def issue_topic(issue: Issue) -> str:
    """An issue as an agenda line: "项目名称：问题描述" (the project is what the meeting discusses)."""
    name = issue.project.name if issue.project is not None else ""
    return f"{name}：{issue.description}" if name else issue.description


def add_issues(session: Session, meeting_id: int, issue_ids: Sequence[int]) -> list[AgendaItem]:
    """Put issues on the agenda (skipping those already on it) and note the meeting in each issue's history."""
    meeting = get_or_fail(session, Meeting, meeting_id, "会议")
    if not issue_ids:
        raise v.ValidationError([v.Problem("议题", "请至少选择一个问题")])
    present = {a.issue_id for a in meeting.agenda_items if a.issue_id is not None}
    label = meeting_label(meeting)
    added = []
    for issue_id in dict.fromkeys(issue_ids):
        if issue_id in present:
            continue
        issue = get_or_fail(session, Issue, issue_id, "问题")
        if IssueStatus(issue.status).is_done:
            raise v.ValidationError([v.Problem(
                "议题", f"问题「{issue.description[:20]}」已{IssueStatus(issue.status).label}，无需提交会议研究")])
        item = AgendaItem(meeting=meeting, sort_order=_next_order(meeting), topic=issue_topic(issue),
                          issue_id=issue.id, project_id=issue.project_id)
        meeting.agenda_items.append(item)
        tracking.journal(session, issue, "agenda", f"列入{label}议题", meeting.held_at.date(),
                         meeting_id=meeting.id)
        added.append(item)
    session.flush()
    return added


def add_topic(session: Session, meeting_id: int, topic: str, project_id: int | None = None) -> AgendaItem:
    meeting = get_or_fail(session, Meeting, meeting_id, "会议")
    v.raise_if_any([v.required(topic, "议题内容")])
    if project_id is not None:
        get_or_fail(session, Project, project_id, "项目")
    item = AgendaItem(meeting=meeting, sort_order=_next_order(meeting), topic=topic.strip(), project_id=project_id)
    meeting.agenda_items.append(item)
    session.flush()
    return item


def remove_item(session: Session, item_id: int) -> None:
    item = get_or_fail(session, AgendaItem, item_id, "议题")
    meeting = item.meeting
    meeting.agenda_items.remove(item)
    session.delete(item)
    session.flush()


def move_item(session: Session, item_id: int, delta: int) -> None:
    """Move an agenda item up (-1) or down (+1); the order is the order the meeting takes them in."""
    item = get_or_fail(session, AgendaItem, item_id, "议题")
    items = sorted(item.meeting.agenda_items, key=lambda a: (a.sort_order, a.id))
    index = items.index(item)
    target = index + delta
    if not 0 <= target < len(items):
        return
    items[index], items[target] = items[target], items[index]
    for order, agenda_item in enumerate(items, start=1):
        agenda_item.sort_order = order
    session.flush()


def carry_decision(session: Session, decision_id: int, meeting_id: int) -> AgendaItem:
    """Put a still-open decided item on a later meeting's agenda, keeping the link to where it was decided."""
    decision = get_or_fail(session, Decision, decision_id, "议定事项")
    target = get_or_fail(session, Meeting, meeting_id, "会议")
    source = decision.meeting
    problems: list[v.Problem | None] = []
    if IssueStatus(decision.status).is_done:
        problems.append(v.Problem("议定事项", f"第{decision.seq}项已{IssueStatus(decision.status).label}，无需转入下次会议"))
    if target.id == source.id:
        problems.append(v.Problem("会议", "不能转入议定该事项的同一次会议"))
    elif target.held_at < source.held_at:
        problems.append(v.Problem("会议", f"{meeting_label(target)}早于{meeting_label(source)}，请选择之后的会议"))
    if any(a.carried_from_decision_id == decision.id for a in target.agenda_items):
        problems.append(v.Problem("议题", f"该事项已在{meeting_label(target)}议题中"))
    v.raise_if_any(problems)
    topic = f"（续议）{meeting_label(source)}议定事项第{decision.seq}项：{decision.text}"
    item = AgendaItem(meeting=target, sort_order=_next_order(target), topic=topic, project_id=decision.project_id,
                      carried_from_decision_id=decision.id)
    target.agenda_items.append(item)
    tracking.journal(session, decision, "carry", f"转入{meeting_label(target)}议题", target.held_at.date())
    session.flush()
    return item


def later_meeting(session: Session, meeting_id: int) -> int | None:
    """The next meeting of the same type after this one, where an open item would naturally be carried."""
    meeting = get_or_fail(session, Meeting, meeting_id, "会议")
    return session.scalar(
        select(Meeting.id).where(Meeting.kind == meeting.kind, Meeting.held_at > meeting.held_at)
        .order_by(Meeting.held_at).limit(1)
    )
