"""The feedback round's documents, written beside the records they describe.

Sending with 交办通知 writes the forms and one notice per unit in the caller's transaction: if any file cannot be
written, every file of the round already written is removed and the round is not recorded (the transaction
rolls back), so no unit holds a form or a notice the office has no record of. A 催报通知 changes no record; a
second-round form for the late units is a new round, recorded like the first.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import FeedbackRound
from desktop.db.models.feedback import INVESTMENT_KIND
from desktop.errors import UserError
from desktop.exporters.docx.feedback_notice import write_feedback_notice
from desktop.services.feedback.invest_send import BY_OWNER, BY_UNIT, send_investment_round
from desktop.services.feedback.notices import assignment_notices, chase_notice, late_units
from desktop.services.feedback.send import SendResult, send_round

_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def notice_file_name(unit: str, round_name: str) -> str:
    return _UNSAFE_FILE_CHARS.sub("_", f"{unit}_交办通知_{round_name}.docx")


def send_with_notices(session: Session, out_dir: Path, *, notices: bool, units: list[str] | None = None,
                      deadline: date | None = None, name: str | None = None,
                      today: date | None = None) -> tuple[SendResult, list[Path]]:
    """发出反馈表, and with `notices` one 交办通知 per unit beside its form."""
    result = send_round(session, out_dir, units=units, deadline=deadline, name=name, today=today)
    written: list[Path] = []
    if not notices:
        return result, written
    try:
        for notice in assignment_notices(session, result.round_name):
            target = out_dir / notice_file_name(notice.addressed.rstrip("："), result.round_name)
            if target.exists():
                raise UserError(f"文件“{target}”已存在，为免覆盖已发出的通知，请换一个输出文件夹。")
            written.append(write_feedback_notice(notice, target))
    except BaseException:
        for path in [*written, *(form.path for form in result.forms)]:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return result, written


def write_chase(session: Session, round_name: str, target: Path, *, today: date, reply_by: date) -> list[str]:
    """The 催报通知 of a round, for the units with nothing back; returns the units it names."""
    notice = chase_notice(session, round_name, today, reply_by)
    write_feedback_notice(notice, target)
    return [row[1] for row in notice.rows]


def second_round(session: Session, round_name: str, out_dir: Path, *, today: date, deadline: date | None,
                 name: str | None = None) -> SendResult:
    """New forms for the late units of `round_name` only, as a new round (its own name, deadline and keys)."""
    late = late_units(session, round_name, today)
    if not late:
        raise UserError(f"{round_name}没有逾期未报的单位，不需要再发反馈表。")
    sent = session.scalars(select(FeedbackRound).where(FeedbackRound.name == round_name)).one()
    if sent.kind == INVESTMENT_KIND:  # the same month again, for the late units (the older round's rows then refused)
        assert sent.year is not None and sent.month is not None
        by = BY_OWNER if any(item.recipient is not None for item in sent.items) else BY_UNIT
        return send_investment_round(session, out_dir, year=sent.year, month=sent.month, units=late,
                                     deadline=deadline, name=name, today=today, by=by)
    return send_round(session, out_dir, units=late, deadline=deadline, name=name, today=today)
