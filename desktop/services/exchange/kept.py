"""Records a package may not delete here: those this office's own instruments still name.

督办文书 (提示单/督办单/催办通知) and 反馈表 are kept as they were issued and never deleted (their numbers are never
given again); they are not exchanged, so the sender cannot know them. An issue or unit they name is therefore kept
when a package deletes it: deleting it would either break those records (the database refuses: RESTRICT) or,
worse, delete them with it and leave a register that no longer says what a unit was told. The preview shows such a
deletion as 本方保留 with the reason, and the merge leaves it alone, so the 操作日志 never records a deletion that
did not happen.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.models import Decision, FeedbackItem, FeedbackReply, SupervisionItem, SupervisionNotice
from desktop.services.supervision.kinds import SupervisionKind


def _notice_numbers(session: Session, where: object) -> list[str]:
    rows = session.execute(select(SupervisionNotice.kind, SupervisionNotice.year, SupervisionNotice.number)
                           .where(where).order_by(SupervisionNotice.issued_on, SupervisionNotice.id)).all()
    return [SupervisionKind(kind).number_text(year, number) for kind, year, number in dict.fromkeys(rows)]


def _numbers_text(numbers: list[str]) -> str:
    shown = "、".join(numbers[:3])
    return shown + (f"等 {len(numbers)} 份" if len(numbers) > 3 else "")


def held_by(session: Session, entity: str, local_id: int) -> str:
    """Why this office keeps the row (`entity`, `local_id`) when a package deletes it; '' when nothing holds it."""
    reasons: list[str] = []
    if entity == "issue":
        numbers = _notice_numbers(session, SupervisionNotice.id.in_(
            select(SupervisionItem.notice_id).where(SupervisionItem.issue_id == local_id)))
        if numbers:
            reasons.append(f"本方已对它签发督办文书（{_numbers_text(numbers)}）")
        forms = session.scalar(select(func.count(FeedbackItem.id)).where(FeedbackItem.issue_id == local_id)) or 0
        if forms:
            reasons.append(f"本方已就它向责任单位发出反馈表 {forms} 次")
    elif entity == "decision":
        forms = session.scalar(select(func.count(FeedbackItem.id)).where(FeedbackItem.decision_id == local_id)) or 0
        if forms:
            reasons.append(f"本方已就它向责任单位发出反馈表 {forms} 次")
    elif entity == "meeting":  # its decided items go with it
        forms = session.scalar(select(func.count(FeedbackItem.id)).where(FeedbackItem.decision_id.in_(
            select(Decision.id).where(Decision.meeting_id == local_id)))) or 0
        if forms:
            reasons.append(f"本方已就它的议定事项向责任单位发出反馈表 {forms} 次")
    elif entity == "project":  # a 投资进度填报表 named it (migration 0028)
        forms = session.scalar(select(func.count(FeedbackItem.id)).where(FeedbackItem.project_id == local_id)) or 0
        if forms:
            reasons.append(f"本方已就它向责任单位发出投资进度填报表 {forms} 次")
    elif entity == "unit":
        numbers = _notice_numbers(session, SupervisionNotice.unit_id == local_id)
        if numbers:
            reasons.append(f"本方已向该单位签发督办文书（{_numbers_text(numbers)}）")
        forms = (session.scalar(select(func.count(FeedbackItem.id)).where(FeedbackItem.unit_id == local_id)) or 0) \
            + (session.scalar(select(func.count(FeedbackReply.id)).where(FeedbackReply.unit_id == local_id)) or 0)
        if forms:
            reasons.append("本方与该单位有反馈表往来")
    if not reasons:
        return ""
    return "；".join(reasons) + "，这些文书按发出时保存、不能删除，所以本方保留此记录"
