"""A 督办 instrument sent with its reply form (回执): the unit's 问题办理反馈表 for exactly the items it names.

The form is a feedback round of its own (services/feedback), named after the instrument — 督办单督办〔2026〕12号回执
— with the instrument's reply deadline, so the unit fills it in like any 反馈表 and `keyproj feedback collect` (or
the window's 收回反馈表) takes the answers in as each item's progress. The name is the link: the printed
instrument lists the form as its 附件, and the 督办 register says when the form came back. Nothing is stored twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.models import FeedbackReply, FeedbackRound, SupervisionNotice
from desktop.services.feedback.send import SentForm, send_round
from desktop.services.supervision.kinds import SupervisionKind

SUFFIX = "回执"


def form_round_name(kind: SupervisionKind, year: int, number: int) -> str:
    return f"{kind.label}{kind.number_text(year, number)}{SUFFIX}"


def round_name_of(notice: SupervisionNotice) -> str:
    return form_round_name(SupervisionKind(notice.kind), notice.year, notice.number)


def send_reply_form(session: Session, notice: SupervisionNotice, out_dir: Path) -> SentForm:
    """Write the unit's form for the notice's items into `out_dir` and record it (the caller's transaction)."""
    result = send_round(session, out_dir, units=[notice.unit.name], deadline=notice.reply_due,
                        name=round_name_of(notice), today=notice.issued_on,
                        issue_ids=[item.issue_id for item in notice.items])
    return result.forms[0]


def has_form(session: Session, notice: SupervisionNotice) -> bool:
    return session.scalar(select(FeedbackRound.id).where(FeedbackRound.name == round_name_of(notice))) is not None


def forms_returned(session: Session, notices: Sequence[SupervisionNotice]) -> dict[int, date]:
    """Notice id → the day its reply form first came back, for the notices sent with one that has."""
    names = {round_name_of(n): n.id for n in notices}
    if not names:
        return {}
    rows = session.execute(
        select(FeedbackRound.name, func.min(FeedbackReply.received_on))
        .join(FeedbackReply, FeedbackReply.round_id == FeedbackRound.id)
        .where(FeedbackRound.name.in_(list(names))).group_by(FeedbackRound.name))
    return {names[name]: day for name, day in rows}
