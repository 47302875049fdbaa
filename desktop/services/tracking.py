"""Life-cycle steps shared by issues and decided items (议定事项 are "tracked exactly like issues").

Both carry status, latest_progress, phased_plan (issues), resolved_on, closed_on, feedback and a journal
(`notes`). The steps here work on either; the caller fetches the row, so messages can name what it is.
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session

from desktop.db.enums import Feedback, IssueStatus
from desktop.db.models import Decision, DecisionNote, Issue, IssueNote
from desktop.services import office_settings
from desktop.services import validation as v
from desktop.services.journal import operator_of
from desktop.services.lifecycle import Action, check

Tracked = TypeVar("Tracked", Issue, Decision)


def _what(item: Issue | Decision) -> str:
    return "该问题" if isinstance(item, Issue) else "该议定事项"


def journal(session: Session, item: Issue | Decision, kind: str, text: str, on: date | None,
            meeting_id: int | None = None) -> None:
    day = on or date.today()
    if isinstance(item, Issue):
        item.notes.append(IssueNote(kind=kind, text=text, noted_on=day, operator=operator_of(session),
                                    meeting_id=meeting_id))
    else:
        item.notes.append(DecisionNote(kind=kind, text=text, noted_on=day, operator=operator_of(session)))


def add_progress(session: Session, item: Tracked, text: str, *, on: date | None = None) -> Tracked:
    check(Action.PROGRESS, item.status, what=_what(item))
    v.raise_if_any([v.required(text, "办理进展")])
    item.latest_progress = text.strip()
    journal(session, item, "progress", text.strip(), on)
    session.flush()
    return item


def mark_phased(session: Session, item: Tracked, plan: str, *, on: date | None = None) -> Tracked:
    check(Action.PHASE, item.status, what=_what(item))
    v.raise_if_any([v.required(plan, "阶段性推进计划")])
    item.status = IssueStatus.PHASED.value
    if isinstance(item, Issue):
        item.phased_plan = plan.strip()
    journal(session, item, "phase", f"标记为阶段性推进：{plan.strip()}", on)
    session.flush()
    return item


def resolve(session: Session, item: Tracked, text: str, *, on: date | None = None) -> Tracked:
    check(Action.RESOLVE, item.status, what=_what(item))
    v.raise_if_any([v.required(text, "办结情况")])
    day = on or date.today()
    if isinstance(item, Issue):
        v.raise_if_any([v.not_before(day, item.found_on, "办结日期", "发现日期")])
    item.status = IssueStatus.RESOLVED.value
    item.resolved_on = day
    item.latest_progress = text.strip()
    journal(session, item, "resolve", f"办结：{text.strip()}", day)
    session.flush()
    return item


def close(session: Session, item: Tracked, feedback: str | None, *, remark: str | None = None,
          reason: str | None = None, on: date | None = None) -> Tracked:
    """销号 with the feedback someone gave; 不满意 sends the item back to the unit instead of closing it.

    There is no default answer: a close without an explicit feedback is refused, whoever asks (dialog, command
    line, a script). 未能征求 is accepted only where the office allows it, and only with the reason.
    """
    check(Action.CLOSE, item.status, what=_what(item))
    fb = _feedback(session, feedback, reason)
    item.feedback = fb.value
    item.feedback_reason = reason.strip() if fb is Feedback.NOT_ASKED and reason else None
    extra = f"（{remark.strip()}）" if remark and remark.strip() else ""
    if fb is Feedback.UNSATISFIED:
        _reopen(session, item, f"反馈不满意，重新办理{extra}", on)
    else:
        day = on or date.today()
        item.status = IssueStatus.CLOSED.value
        item.closed_on = day
        said = f"未能征求企业意见（{item.feedback_reason}）" if fb is Feedback.NOT_ASKED else f"反馈：{fb.label}"
        journal(session, item, "close", f"销号，{said}{extra}", day)
    session.flush()
    return item


FEEDBACK_FIELD = "企业反馈"


def _feedback(session: Session, feedback: str | None, reason: str | None) -> Feedback:
    answers = "、".join(f.label for f in Feedback.answers())
    if feedback is None or not str(feedback).strip():
        raise v.ValidationError([v.Problem(FEEDBACK_FIELD, f"销号须记录企业反馈，请选择{answers}")])
    try:
        fb = Feedback(feedback)
    except ValueError:
        raise v.ValidationError([v.Problem(FEEDBACK_FIELD, f"“{feedback}”不是有效的反馈，应为{answers}")]) from None
    if fb is Feedback.NOT_ASKED:
        if not office_settings.get(session, "allow_feedback_not_asked"):
            raise v.ValidationError([v.Problem(FEEDBACK_FIELD, f"本单位未允许以“未能征求”销号，请选择{answers}")])
        v.raise_if_any([v.required(reason, "未能征求原因")])
    return fb


def reopen(session: Session, item: Tracked, reason: str, *, on: date | None = None) -> Tracked:
    check(Action.REOPEN, item.status, what=_what(item))
    v.raise_if_any([v.required(reason, "重新打开原因")])
    _reopen(session, item, f"重新打开：{reason.strip()}", on)
    session.flush()
    return item


def _reopen(session: Session, item: Issue | Decision, text: str, on: date | None) -> None:
    """Back to the unit: the reopening is the latest progress, and the earlier feedback leaves the record's face
    (it stays in the journal and the 操作日志, never beside the new status)."""
    item.status = (IssueStatus.ASSIGNED if item.lead_unit_id else IssueStatus.NEW).value
    item.resolved_on = None
    item.closed_on = None
    item.feedback = None
    item.feedback_reason = None
    item.latest_progress = text
    journal(session, item, "reopen", text, on)
