"""Issuing, withdrawing and answering 督办 instruments; the register; how often each item was supervised.

Each step writes a journal entry on every item the notice names, so the item's own history says "第2次督办：
督办单 督办〔2026〕12号" in the same place as its progress, and the 操作日志 records the rows as usual. Numbers are
taken per kind and year in the same transaction as the notice; a notice is never deleted (a mistaken one is
withdrawn and keeps its number), so a printed number is never given to another document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop.db.enums import IssueStatus
from desktop.db.models import Issue, Project, SupervisionItem, SupervisionNotice, Unit
from desktop.errors import UserError
from desktop.services import office_settings
from desktop.services.journal import cn_date, get_or_fail, operator_of
from desktop.services.supervision.kinds import SupervisionKind
from desktop.services.supervision.reply_form import forms_returned
from desktop.services.tracking import journal

NOTE_KIND = "supervise"
REPLY_NOTE_KIND = "supervise_reply"
_DONE = (IssueStatus.RESOLVED.value, IssueStatus.CLOSED.value)
MAX_ITEMS = 200


@dataclass(frozen=True)
class NoticeRequest:
    kind: SupervisionKind
    unit_id: int
    issue_ids: Sequence[int]
    issued_on: date
    reply_due: date
    requirement: str = ""


def _refuse(text: str) -> UserError:
    return UserError(text)


def default_requirement(session: Session, kind: SupervisionKind, reply_due: date) -> str:
    return requirement_text(kind, reply_due, str(office_settings.get(session, "office_name")))


def requirement_text(kind: SupervisionKind, reply_due: date, office: str) -> str:
    """What the unit must send back, and by when, in each instrument's own register."""
    if kind is SupervisionKind.REMINDER:
        return f"请抓紧办理，并于{cn_date(reply_due)}前将办理进展报送{office}。"
    if kind is SupervisionKind.NOTICE:
        return f"请于{cn_date(reply_due)}前将办理进展、整改计划和完成时限书面报送{office}。"
    return (f"以上事项经督办仍未办结，请单位主要负责同志亲自过问，于{cn_date(reply_due)}前书面报告办理情况；"
            "逾期未办结的，将提请包保领导协调并在工作通报中通报。")


def issue_notice(session: Session, request: NoticeRequest, *, today: date | None = None) -> SupervisionNotice:
    """Record one instrument and return it (numbered). Refuses, changing nothing, when an item is not the unit's,
    is already done, or is not overdue (a 提示单 may also go to an item due within the office's 临期 days)."""
    today = today or date.today()
    kind = request.kind
    if request.issued_on > today:
        raise _refuse(f"{kind.label}的签发日期{cn_date(request.issued_on)}晚于今天，不能预先签发。")
    if request.reply_due <= request.issued_on:
        raise _refuse(f"回复期限{cn_date(request.reply_due)}应晚于签发日期{cn_date(request.issued_on)}。")
    ids = list(dict.fromkeys(request.issue_ids))
    if not ids:
        raise _refuse(f"{kind.label}至少要列出一项问题。")
    if len(ids) > MAX_ITEMS:
        raise _refuse(f"一份{kind.label}最多列出{MAX_ITEMS}项问题，请分单签发。")
    unit = get_or_fail(session, Unit, request.unit_id, "责任单位")
    soon_days = int(office_settings.get(session, "due_soon_days") or 0)
    issues = session.scalars(select(Issue).where(Issue.id.in_(ids))).all()
    by_id = {i.id: i for i in issues}
    problems: list[str] = []
    for issue_id in ids:
        issue = by_id.get(issue_id)
        if issue is None:
            problems.append(f"问题编号 {issue_id} 不存在")
            continue
        what = f"问题编号 {issue_id}"
        if issue.lead_unit_id != unit.id:
            problems.append(f"{what}的牵头单位不是{unit.name}")
        elif issue.status in _DONE:
            problems.append(f"{what}已{IssueStatus(issue.status).label}，不需要督办")
        elif issue.deadline is None:
            problems.append(f"{what}没有完成时限，无法判断是否超期")
        elif kind is SupervisionKind.REMINDER:
            if (issue.deadline - request.issued_on).days > soon_days:
                problems.append(f"{what}距完成时限还有{(issue.deadline - request.issued_on).days}天，尚未临期")
        elif issue.deadline >= request.issued_on:
            problems.append(f"{what}尚未超期（完成时限{cn_date(issue.deadline)}），{kind.label}只用于超期事项")
    if problems:
        raise _refuse(f"不能签发{kind.label}：" + "；".join(problems) + "。")

    number = (session.scalar(select(func.max(SupervisionNotice.number))
                             .where(SupervisionNotice.kind == kind.value,
                                    SupervisionNotice.year == request.issued_on.year)) or 0) + 1
    rounds = supervision_counts(session, ids)
    requirement = request.requirement.strip() or default_requirement(session, kind, request.reply_due)
    notice = SupervisionNotice(kind=kind.value, year=request.issued_on.year, number=number, unit_id=unit.id,
                               issued_on=request.issued_on, reply_due=request.reply_due, requirement=requirement,
                               operator=operator_of(session))
    number_text = kind.number_text(notice.year, number)
    for position, issue_id in enumerate(ids, 1):
        issue = by_id[issue_id]
        assert issue.deadline is not None
        round_ = rounds.get(issue_id, 0) + 1
        notice.items.append(SupervisionItem(issue_id=issue_id, position=position, deadline=issue.deadline,
                                            days_overdue=(request.issued_on - issue.deadline).days, round=round_))
        journal(session, issue, NOTE_KIND,
                f"第{round_}次督办：{kind.label}{number_text}，要求{cn_date(request.reply_due)}前回复。",
                request.issued_on)
    session.add(notice)
    session.flush()
    return notice


def _notice(session: Session, notice_id: int) -> SupervisionNotice:
    return get_or_fail(session, SupervisionNotice, notice_id, "督办文书")


def number_text(notice: SupervisionNotice) -> str:
    return SupervisionKind(notice.kind).number_text(notice.year, notice.number)


def withdraw_notice(session: Session, notice_id: int, reason: str, *, on: date | None = None) -> SupervisionNotice:
    """撤回 a notice issued by mistake: it stays in the register with its number and the reason; its items' 督办次数
    no longer count it."""
    notice = _notice(session, notice_id)
    label = f"{SupervisionKind(notice.kind).label}{number_text(notice)}"
    if not reason or not reason.strip():
        raise _refuse(f"撤回{label}须写明原因。")
    if notice.withdrawn_on is not None:
        raise _refuse(f"{label}已于{cn_date(notice.withdrawn_on)}撤回。")
    if notice.replied_on is not None:
        raise _refuse(f"{label}已于{cn_date(notice.replied_on)}收到回复，不能撤回。")
    day = on or date.today()
    notice.withdrawn_on, notice.withdrawn_reason = day, reason.strip()
    for item in notice.items:
        journal(session, item.issue, NOTE_KIND, f"撤回{label}：{reason.strip()}", day)
    session.flush()
    return notice


def record_reply(session: Session, notice_id: int, replied_on: date, text: str, *,
                 today: date | None = None) -> SupervisionNotice:
    """The unit's written reply, recorded against the notice and on each item it named."""
    notice = _notice(session, notice_id)
    label = f"{SupervisionKind(notice.kind).label}{number_text(notice)}"
    today = today or date.today()
    if not text or not text.strip():
        raise _refuse(f"登记{label}的回复须填写回复内容。")
    if notice.withdrawn_on is not None:
        raise _refuse(f"{label}已撤回，不能登记回复。")
    if notice.replied_on is not None:
        raise _refuse(f"{label}已于{cn_date(notice.replied_on)}登记回复。")
    if replied_on < notice.issued_on:
        raise _refuse(f"回复日期{cn_date(replied_on)}早于签发日期{cn_date(notice.issued_on)}。")
    if replied_on > today:
        raise _refuse(f"回复日期{cn_date(replied_on)}晚于今天。")
    notice.replied_on, notice.reply_text = replied_on, text.strip()
    late = (replied_on - notice.reply_due).days
    when = f"（逾期{late}天）" if late > 0 else ""
    for item in notice.items:
        journal(session, item.issue, REPLY_NOTE_KIND, f"{label}回复{when}：{text.strip()}", replied_on)
    session.flush()
    return notice


def supervision_counts(session: Session, issue_ids: Sequence[int] | None = None) -> dict[int, int]:
    """督办次数 per issue: instruments issued and not withdrawn."""
    stmt = (select(SupervisionItem.issue_id, func.count())
            .join(SupervisionNotice, SupervisionItem.notice_id == SupervisionNotice.id)
            .where(SupervisionNotice.withdrawn_on.is_(None))
            .group_by(SupervisionItem.issue_id))
    if issue_ids is not None:
        stmt = stmt.where(SupervisionItem.issue_id.in_(list(issue_ids)))
    return {issue_id: count for issue_id, count in session.execute(stmt)}


def unit_counts(session: Session, year: int) -> dict[str, int]:
    """督办 instruments per unit in a year (for the 通报), withdrawn ones left out."""
    stmt = (select(Unit.name, func.count(SupervisionNotice.id))
            .join(Unit, SupervisionNotice.unit_id == Unit.id)
            .where(SupervisionNotice.year == year, SupervisionNotice.withdrawn_on.is_(None))
            .group_by(Unit.name))
    return {name: count for name, count in session.execute(stmt)}


@dataclass(frozen=True)
class RegisterLine:
    id: int
    kind_label: str
    number_text: str
    unit: str
    issued_on: date
    reply_due: date
    items: int
    state: str  # 待回复 / 已回复 / 逾期未回复 / 已撤回


def register(session: Session, *, year: int | None = None, kind: SupervisionKind | None = None,
             today: date | None = None) -> list[RegisterLine]:
    today = today or date.today()
    stmt = select(SupervisionNotice).options(selectinload(SupervisionNotice.unit),
                                             selectinload(SupervisionNotice.items))
    if year is not None:
        stmt = stmt.where(SupervisionNotice.year == year)
    if kind is not None:
        stmt = stmt.where(SupervisionNotice.kind == kind.value)
    lines = []
    notices = session.scalars(stmt.order_by(SupervisionNotice.issued_on, SupervisionNotice.kind,
                                            SupervisionNotice.number)).all()
    returned = forms_returned(session, notices)
    for n in notices:
        if n.withdrawn_on is not None:
            state = f"已撤回（{n.withdrawn_reason}）"
        elif n.replied_on is not None:
            state = f"已回复（{cn_date(n.replied_on)}）"
        elif n.id in returned:
            state = f"已报回反馈表（{cn_date(returned[n.id])}）"
        elif n.reply_due < today:
            state = "逾期未回复"
        else:
            state = "待回复"
        kind_ = SupervisionKind(n.kind)
        lines.append(RegisterLine(n.id, kind_.label, number_text(n), n.unit.name, n.issued_on, n.reply_due,
                                  len(n.items), state))
    return lines


def eligible_issue_ids(session: Session, kind: SupervisionKind, unit_id: int, on: date) -> list[int]:
    """The unit's open items an instrument of `kind` may name on `on`, most overdue first (what the clerk gets when
    choosing 'all the unit's overdue items')."""
    for unit in candidates(session, kind, on):
        if unit.unit_id == unit_id:
            return [item.issue_id for item in unit.items]
    return []


def unit_by_name(session: Session, name: str) -> Unit:
    """A unit as typed on the command line: the exact name, else one unit whose name contains it."""
    text = name.strip()
    exact = session.scalar(select(Unit).where(Unit.name == text))
    if exact is not None:
        return exact
    like = session.scalars(select(Unit).where(Unit.name.contains(text)).order_by(Unit.name).limit(6)).all()
    if len(like) == 1:
        return like[0]
    if not like:
        raise UserError(f"没有名为“{text}”的单位。")
    raise UserError(f"“{text}”对应多个单位：{'、'.join(u.name for u in like)}，请写全称。")


@dataclass(frozen=True)
class CandidateItem:
    issue_id: int
    project: str
    description: str
    deadline: date
    days_overdue: int  # negative: days still left (a 提示单 before the deadline)
    times: int  # 督办次数 so far


@dataclass(frozen=True)
class UnitCandidates:
    unit_id: int
    unit: str
    items: tuple[CandidateItem, ...]


def candidates(session: Session, kind: SupervisionKind, on: date) -> list[UnitCandidates]:
    """Per unit, the items an instrument of `kind` may name on `on` (what the 督办 dialog offers), units with the
    most overdue item first."""
    soon_days = int(office_settings.get(session, "due_soon_days") or 0)
    rows = session.execute(
        select(Issue.id, Issue.description, Issue.deadline, Issue.lead_unit_id, Unit.name, Issue.project_id)
        .join(Unit, Unit.id == Issue.lead_unit_id)
        .where(Issue.status.not_in(_DONE), Issue.deadline.is_not(None))).all()
    wanted = [r for r in rows if (r.deadline - on).days < 0
              or (kind is SupervisionKind.REMINDER and (r.deadline - on).days <= soon_days)]
    if not wanted:
        return []
    names = dict(session.execute(select(Project.id, Project.name).where(
        Project.id.in_({r.project_id for r in wanted if r.project_id is not None}))).all())
    times = supervision_counts(session, [r.id for r in wanted])
    by_unit: dict[int, tuple[str, list[CandidateItem]]] = {}
    for r in wanted:
        item = CandidateItem(r.id, names.get(r.project_id, ""), r.description, r.deadline, (on - r.deadline).days,
                             times.get(r.id, 0))
        by_unit.setdefault(r.lead_unit_id, (r.name, []))[1].append(item)
    result = [UnitCandidates(uid, name, tuple(sorted(items, key=lambda i: (-i.days_overdue, i.issue_id))))
              for uid, (name, items) in by_unit.items()]
    result.sort(key=lambda u: (-u.items[0].days_overdue, u.unit))
    return result
