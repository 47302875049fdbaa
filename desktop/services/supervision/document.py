"""What a printed 督办 instrument says, read from the register: the exporter gets plain data only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from desktop.db.models import SupervisionNotice
from desktop.services import office_settings
from desktop.services.journal import cn_date, get_or_fail
from desktop.services.supervision.kinds import SupervisionKind
from desktop.services.supervision.reply_form import has_form

HEADERS = ("序号", "项目名称", "存在问题", "完成时限", "超期\n天数", "督办\n次数")  # two-line headers keep the narrow columns narrow


@dataclass(frozen=True)
class NoticeDocument:
    kind_label: str
    number_text: str
    office: str
    unit: str
    issued_on: date
    opening: str
    requirement: str
    rows: tuple[tuple[str, ...], ...]
    font_profile: str
    withdrawn: str | None  # "已撤回：原因" — a reprint of a withdrawn notice says so on its face
    attachment: str | None = None  # 附件说明 when the notice went out with its reply form


def _opening(kind: SupervisionKind, count: int, issued_on: date) -> str:
    if kind is SupervisionKind.REMINDER:
        return f"经梳理，你单位牵头办理的以下{count}项问题即将到期或已超过完成时限，特此提示。"
    if kind is SupervisionKind.NOTICE:
        return f"经核查，截至{cn_date(issued_on)}，你单位牵头办理的以下{count}项问题已超过完成时限，现予督办。"
    return f"你单位牵头办理的以下{count}项问题经督办仍未办结，现予催办。"


def _days(days_overdue: int) -> str:
    return f"{days_overdue}天" if days_overdue > 0 else ("当日到期" if days_overdue == 0 else f"剩{-days_overdue}天")


def notice_document(session: Session, notice_id: int) -> NoticeDocument:
    notice = get_or_fail(session, SupervisionNotice, notice_id, "督办文书")
    kind = SupervisionKind(notice.kind)
    rows = tuple(
        (str(item.position), item.issue.project.name if item.issue.project else "", item.issue.description,
         cn_date(item.deadline), _days(item.days_overdue), f"第{item.round}次")
        for item in notice.items)
    withdrawn = f"已撤回：{notice.withdrawn_reason}" if notice.withdrawn_on is not None else None
    attachment = (f"问题办理反馈表（请填写后于{cn_date(notice.reply_due)}前按原文件报回）"
                  if has_form(session, notice) else None)
    return NoticeDocument(kind.label, kind.number_text(notice.year, notice.number),
                          str(office_settings.get(session, "office_name")), notice.unit.name, notice.issued_on,
                          _opening(kind, len(rows), notice.issued_on), notice.requirement, rows,
                          str(office_settings.get(session, "font_profile")), withdrawn, attachment)
