"""发出投资进度填报表: one form per responsible unit, one row per project it leads, for one month.

A round of kind `investment` (migration 0028), recorded like an issue round (services/feedback/send.py: the same
name and deadline checks, signed row keys, items written in the caller's transaction, files removed when the
round cannot be recorded). Each item keeps the figures as the form showed them — 年度计划, 上月累计 (January to the
month before) and the month's own figure if the office had one — so a return can be checked against them, and a
figure the office changed since counts as a conflict.
"""

from __future__ import annotations

import contextlib
import re
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.models import InvestmentReport, Project, Unit
from desktop.db.models.feedback import INVESTMENT_KIND, FeedbackRound
from desktop.errors import UserError
from desktop.exporters.investment_form import InvestHeading, InvestLine, write_investment_form
from desktop.services import office_settings
from desktop.services.feedback import keys
from desktop.services.feedback.send import (
    DEFAULT_REPLY_DAYS,
    REPLY_DAYS_KEY,
    SendChoices,
    SendResult,
    SentForm,
    _units,
    insert_items,
    new_round,
)

_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def form_file_name(unit: str, round_name: str) -> str:
    """单位_投资进度填报表_轮次.xlsx, with the characters no file system takes replaced."""
    return _UNSAFE_FILE_CHARS.sub("_", f"{unit}_投资进度填报表_{round_name}.xlsx")


def default_round_name(session: Session, year: int, month: int) -> str:
    """2026年11月投资进度填报, then …（第2轮） and on when the month was already asked for."""
    base = f"{year}年{month}月投资进度填报"
    taken = set(session.scalars(select(FeedbackRound.name).where(FeedbackRound.name.like(base + "%"))))
    if base not in taken:
        return base
    number = 2
    while f"{base}（第{number}轮）" in taken:
        number += 1
    return f"{base}（第{number}轮）"


BY_UNIT, BY_OWNER = "unit", "owner"
RECIPIENTS = {BY_UNIT: "责任单位", BY_OWNER: "建设单位（项目业主）"}


@dataclass(frozen=True)
class _Line:
    project_id: int
    uuid: uuid.UUID
    version: int
    name: str
    plan: int
    prior: int
    amount: int | None
    unit_id: int | None
    owner: str | None


@dataclass
class _Recipient:
    """One form's addressee: a unit (`unit_id`) or a project owner (`owner`, not in the unit directory)."""

    name: str
    unit_id: int | None
    owner: str | None
    lines: list[_Line]


def _lines(session: Session, year: int, month: int) -> list[_Line]:
    """The projects of the year's list with an annual plan (planning-only projects report nothing, as in
    investment.late_report_ids), in code order, with the figures the form shows."""
    prior = dict(session.execute(
        select(InvestmentReport.project_id, func.sum(InvestmentReport.amount_yuan))
        .where(InvestmentReport.year == year, InvestmentReport.month < month)
        .group_by(InvestmentReport.project_id)).all())
    current = dict(session.execute(
        select(InvestmentReport.project_id, InvestmentReport.amount_yuan)
        .where(InvestmentReport.year == year, InvestmentReport.month == month)).all())
    return [_Line(pid, project_uuid, version, name, int(plan), int(prior.get(pid) or 0), current.get(pid), unit_id,
                  (owner or "").strip() or None)
            for pid, project_uuid, version, name, plan, unit_id, owner in session.execute(
                select(Project.id, Project.uuid, Project.version, Project.name, Project.annual_plan_yuan,
                       Project.lead_unit_id, Project.owner)
                .where(Project.list_year == year, Project.removed_on.is_(None), Project.annual_plan_yuan > 0)
                .order_by(Project.code))]


def recipients(session: Session, year: int, month: int, by: str = BY_UNIT) -> tuple[list[_Recipient], list[str]]:
    """Whom the month's forms go to — per lead unit (in the office's unit order) or per project owner (建设单位, in
    name order) — each with its projects; and the projects left out for want of one."""
    if by not in RECIPIENTS:
        raise UserError(f"发送对象“{by}”不正确，应为 unit（责任单位）或 owner（建设单位）。")
    lines = _lines(session, year, month)
    missing = "未定责任单位" if by == BY_UNIT else "未填建设单位"
    orphans = [f"{line.name}：{missing}，未列入填报表" for line in lines
               if (line.unit_id if by == BY_UNIT else line.owner) is None]
    if by == BY_OWNER:
        owners: dict[str, list[_Line]] = {}
        for line in lines:
            if line.owner is not None:
                owners.setdefault(line.owner, []).append(line)
        return [_Recipient(owner, None, owner, owners[owner]) for owner in sorted(owners)], orphans
    by_unit: dict[int, list[_Line]] = {}
    for line in lines:
        if line.unit_id is not None:
            by_unit.setdefault(line.unit_id, []).append(line)
    units = session.scalars(select(Unit).where(Unit.id.in_(list(by_unit))).order_by(Unit.sort_order, Unit.name))
    return [_Recipient(unit.name, unit.id, None, by_unit[unit.id]) for unit in units], orphans


def due_month(today: date) -> tuple[int, int]:
    """The month whose figures are asked for by default: the one before today's (as 迟报 counts it)."""
    return (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)


def send_choices(session: Session, today: date, year: int, month: int, by: str = BY_UNIT) -> SendChoices:
    """What the 发出投资进度填报表 dialog proposes for a month: the round's name, the reply deadline, and per
    recipient (unit or owner) the projects it would be asked about."""
    found, _orphans = recipients(session, year, month, by)
    days = office_settings.get(session, REPLY_DAYS_KEY) or DEFAULT_REPLY_DAYS
    return SendChoices(default_round_name(session, year, month), today + timedelta(days=int(days)),
                       [(r.name, len(r.lines)) for r in found])


def _chosen(session: Session, found: list[_Recipient], names: list[str] | None, by: str, year: int,
            notes: list[str]) -> list[_Recipient]:
    if not names:
        return found
    if by == BY_UNIT:
        wanted = {unit.id for unit in _units(session, names)}  # refuses a name not in the directory
        for unit in _units(session, names):
            if all(r.unit_id != unit.id for r in found):
                notes.append(f"{unit.name}：没有{year}年列入计划的项目，未生成填报表")
        return [r for r in found if r.unit_id in wanted]
    owners = {r.owner: r for r in found}
    unknown = [name.strip() for name in names if name.strip() not in owners]
    if unknown:
        raise UserError(f"找不到建设单位“{'、'.join(unknown)}”：{year}年有年度计划的项目中没有这样填写的建设单位。")
    wanted_names = {name.strip() for name in names}
    return [r for r in found if r.owner in wanted_names]


def send_investment_round(session: Session, out_dir: Path, *, year: int, month: int,
                          units: list[str] | None = None, deadline: date | None = None, name: str | None = None,
                          today: date | None = None, by: str = BY_UNIT) -> SendResult:
    """Write one 投资进度填报表 per recipient — each responsible unit, or with `by="owner"` each project owner
    (建设单位) — into `out_dir` and record the round in `session` (the caller's transaction). `units` names the
    recipients to send to (units, or owners as the projects record them); default: all."""
    if not 1 <= month <= 12:
        raise UserError(f"月份“{month}”不正确，应为1至12。")
    if not 2000 <= year <= 2100:
        raise UserError(f"年度“{year}”不正确。")
    day = today or date.today()
    found, orphans = recipients(session, year, month, by)
    round_, secret, office = new_round(session, out_dir, (name or "").strip() or default_round_name(
        session, year, month), deadline, day)
    round_.kind, round_.year, round_.month = INVESTMENT_KIND, year, month
    result = SendResult(round_.name, round_.deadline)
    result.notes += orphans
    plans = _chosen(session, found, units, by, year, result.notes)
    if not plans:
        raise UserError(f"所选{RECIPIENTS[by]}都没有{year}年有年度计划的项目，没有生成投资进度填报表。")
    round_.units = [plan.name for plan in plans]
    session.add(round_)
    session.flush()
    written: list[Path] = []
    items: list[dict[str, object]] = []
    heading_of = {"office": office, "deadline": round_.deadline, "round_name": round_.name, "year": year,
                  "month": month}
    try:
        for plan in plans:
            target = out_dir / form_file_name(plan.name, round_.name)
            if target.exists():
                raise UserError(f"文件“{target}”已存在，为免覆盖已发出的表格，请换一个输出文件夹。")
            rows = []
            for position, line in enumerate(plan.lines, start=1):
                items.append({"round_id": round_.id, "unit_id": plan.unit_id, "recipient": plan.owner,
                              "position": position, "issue_id": None, "decision_id": None,
                              "project_id": line.project_id, "issue_version": line.version,
                              "sent_values": {"项目": line.name, "年度计划": line.plan, "上月累计": line.prior,
                                              "本月完成": line.amount}})
                key = keys.encode(keys.RowKey(round_.uuid, line.uuid, line.version), secret)
                rows.append(InvestLine(line.name, line.plan, line.prior, key))
            write_investment_form(target, InvestHeading(unit=plan.name, **heading_of), rows)  # type: ignore[arg-type]
            written.append(target)
            result.forms.append(SentForm(plan.name, target, len(plan.lines)))
        insert_items(session, items)
        session.expire(round_, ["items"])
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return result
