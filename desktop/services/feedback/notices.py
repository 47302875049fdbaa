"""交办通知 and 催报通知 of a feedback round, as plain data for the exporter.

A 交办通知 goes with one unit's form: the items it was sent, as the form lists them (read from the round's items,
so a reprint says what was sent, not what the issue says today). A 催报通知 names the units that have not
answered by the round's deadline, read from the replies actually recorded; a unit that answered late but did
answer is not chased. Neither document changes a record: the round, its items and replies stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.db.models import FeedbackItem, FeedbackRound
from desktop.errors import UserError
from desktop.services import office_settings
from desktop.services.feedback.status import round_states
from desktop.services.journal import cn_date

ASSIGN_HEADERS = ("序号", "项目名称", "存在问题", "完成时限", "当前状态")
CHASE_HEADERS = ("序号", "责任单位", "应反馈\n事项", "报送情况")
# More late units than this are addressed as 各有关单位 (the table names each one), as offices write it.
NAMED_ADDRESSEES = 5


@dataclass(frozen=True)
class FeedbackNotice:
    """One printed notice: 交办通知 to one unit, or 催报通知 to the late units of a round."""

    label: str  # 交办通知 / 催报通知
    round_name: str
    office: str
    addressed: str  # "区住建局：" or "区住建局、区交通运输局："
    issued_on: date
    opening: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    requirement: str
    font_profile: str


def _round(session: Session, name: str) -> FeedbackRound:
    round_ = session.scalars(select(FeedbackRound).where(FeedbackRound.name == name).options(
        selectinload(FeedbackRound.items).selectinload(FeedbackItem.unit))).first()
    if round_ is None:
        raise UserError(f"找不到轮次“{name}”，请用“反馈情况”中列出的轮次名称。")
    return round_


def assignment_notices(session: Session, round_name: str) -> list[FeedbackNotice]:
    """One 交办通知 per unit of the round, listing exactly the rows its form was sent with."""
    round_ = _round(session, round_name)
    office = str(office_settings.get(session, "office_name"))
    profile = str(office_settings.get(session, "font_profile"))
    by_unit: dict[str, list[FeedbackItem]] = {}
    for item in round_.items:
        by_unit.setdefault(item.addressee, []).append(item)
    notices = []
    for unit, items in by_unit.items():
        rows = tuple((str(item.position), str(item.sent_values.get("项目", "")), str(item.sent_values.get("问题", "")),
                      str(item.sent_values.get("完成时限", "")), str(item.sent_values.get("当前状态", "")))
                     for item in sorted(items, key=lambda i: i.position))
        opening = (f"现将你单位牵头办理的以下{len(rows)}项问题交办，列入{round_.name}办理情况反馈。"
                   f"请逐项核实办理进展，在随附的《问题办理反馈表》中填写，于{cn_date(round_.deadline)}前报送{office}。")
        requirement = ("反馈表中“办理进展”“办理状态”“预计完成时间”“需协调事项”“责任人”“联系电话”由你单位填写，"
                       "其余各栏请勿改动；新发现的问题请在“新增问题”表中填报。")
        notices.append(FeedbackNotice("交办通知", round_.name, office, f"{unit}：", round_.sent_on, opening,
                                      ASSIGN_HEADERS, rows, requirement, profile))
    return notices


def chase_notice(session: Session, round_name: str, today: date, reply_by: date) -> FeedbackNotice:
    """The 催报通知 for the units of `round_name` that have sent nothing back by `today`, after its deadline."""
    state = next((s for s in round_states(session, today) if s.name == round_name), None)
    if state is None:
        raise UserError(f"找不到轮次“{round_name}”，请用“反馈情况”中列出的轮次名称。")
    if today <= state.deadline:
        raise UserError(f"{round_name}的反馈截止日期是{cn_date(state.deadline)}，尚未逾期，不必催报。")
    late = [u for u in state.units if u.replied_on is None]
    if not late:
        raise UserError(f"{round_name}的各单位都已报回反馈表，没有需要催报的单位。")
    if reply_by < today:
        raise UserError(f"催报的报送期限 {reply_by.isoformat()} 早于今天 {today.isoformat()}，请重新指定。")
    office = str(office_settings.get(session, "office_name"))
    rows = tuple((str(n), u.unit, f"{u.items}项", "未报送") for n, u in enumerate(late, start=1))
    opening = (f"{round_name}《{state.form_name}》已于{cn_date(state.sent_on)}发出，要求于{cn_date(state.deadline)}前报送。"
               f"截至{cn_date(today)}，以下{len(late)}个单位尚未报送：")
    requirement = (f"请上述单位高度重视，于{cn_date(reply_by)}前将填写完整的{state.form_name}报送{office}。"
                   "逾期仍未报送的，将在工作通报中予以通报。")
    addressed = "、".join(u.unit for u in late) if len(late) <= NAMED_ADDRESSEES else "各有关单位"
    return FeedbackNotice("催报通知", round_name, office, addressed + "：", today, opening,
                          CHASE_HEADERS, rows, requirement, str(office_settings.get(session, "font_profile")))


def late_units(session: Session, round_name: str, today: date) -> list[str]:
    """The units of the round with no form back by `today` (only once its deadline has passed)."""
    state = next((s for s in round_states(session, today) if s.name == round_name), None)
    if state is None:
        raise UserError(f"找不到轮次“{round_name}”，请用“反馈情况”中列出的轮次名称。")
    return [u.unit for u in state.units if u.replied_on is None and u.late]
