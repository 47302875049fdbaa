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


@dataclass(frozen=True)
class _Line:
    project_id: int
    uuid: object
    version: int
    name: str
    plan: int
    prior: int
    amount: int | None


def month_lines(session: Session, year: int, month: int) -> tuple[dict[int, list[_Line]], list[str]]:
    """Per lead unit id, the projects of the year's list with an annual plan (planning-only projects report
    nothing, as in investment.late_report_ids), in code order; and the projects left out for want of a unit."""
    prior = dict(session.execute(
        select(InvestmentReport.project_id, func.sum(InvestmentReport.amount_yuan))
        .where(InvestmentReport.year == year, InvestmentReport.month < month)
        .group_by(InvestmentReport.project_id)).all())
    current = dict(session.execute(
        select(InvestmentReport.project_id, InvestmentReport.amount_yuan)
        .where(InvestmentReport.year == year, InvestmentReport.month == month)).all())
    by_unit: dict[int, list[_Line]] = {}
    orphans: list[str] = []
    for pid, project_uuid, version, name, plan, unit_id in session.execute(
            select(Project.id, Project.uuid, Project.version, Project.name, Project.annual_plan_yuan,
                   Project.lead_unit_id)
            .where(Project.list_year == year, Project.removed_on.is_(None), Project.annual_plan_yuan > 0)
            .order_by(Project.code)):
        if unit_id is None:
            orphans.append(name)
            continue
        by_unit.setdefault(unit_id, []).append(
            _Line(pid, project_uuid, version, name, int(plan), int(prior.get(pid) or 0), current.get(pid)))
    return by_unit, orphans


def due_month(today: date) -> tuple[int, int]:
    """The month whose figures are asked for by default: the one before today's (as 迟报 counts it)."""
    return (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)


def send_choices(session: Session, today: date, year: int, month: int) -> SendChoices:
    """What the 发出投资进度填报表 dialog proposes for a month: the round's name, the reply deadline, and per unit
    (in the office's unit order) the projects it would be asked about."""
    by_unit, _orphans = month_lines(session, year, month)
    units = session.scalars(select(Unit).where(Unit.id.in_(list(by_unit))).order_by(Unit.sort_order, Unit.name))
    days = office_settings.get(session, REPLY_DAYS_KEY) or DEFAULT_REPLY_DAYS
    return SendChoices(default_round_name(session, year, month), today + timedelta(days=int(days)),
                       [(unit.name, len(by_unit[unit.id])) for unit in units])


def send_investment_round(session: Session, out_dir: Path, *, year: int, month: int,
                          units: list[str] | None = None, deadline: date | None = None, name: str | None = None,
                          today: date | None = None) -> SendResult:
    """Write one 投资进度填报表 per unit into `out_dir` and record the round in `session` (the caller's
    transaction)."""
    if not 1 <= month <= 12:
        raise UserError(f"月份“{month}”不正确，应为1至12。")
    if not 2000 <= year <= 2100:
        raise UserError(f"年度“{year}”不正确。")
    day = today or date.today()
    round_, secret, office = new_round(session, out_dir, (name or "").strip() or default_round_name(
        session, year, month), deadline, day)
    round_.kind, round_.year, round_.month = INVESTMENT_KIND, year, month
    result = SendResult(round_.name, round_.deadline)
    by_unit, orphans = month_lines(session, year, month)
    result.notes += [f"{project}：未定责任单位，未列入填报表" for project in orphans]
    if units:
        chosen = _units(session, units)
        for unit in chosen:
            if unit.id not in by_unit:
                result.notes.append(f"{unit.name}：没有{year}年列入计划的项目，未生成填报表")
    else:
        chosen = list(session.scalars(select(Unit).where(Unit.id.in_(list(by_unit)))
                                      .order_by(Unit.sort_order, Unit.name)))
    plans = [(unit, by_unit[unit.id]) for unit in chosen if unit.id in by_unit]
    if not plans:
        raise UserError(f"所选单位都没有{year}年有年度计划的项目，没有生成投资进度填报表。")
    round_.units = [unit.name for unit, _lines in plans]
    session.add(round_)
    session.flush()
    written: list[Path] = []
    items: list[dict[str, object]] = []
    heading_of = {"office": office, "deadline": round_.deadline, "round_name": round_.name, "year": year,
                  "month": month}
    try:
        for unit, lines in plans:
            target = out_dir / form_file_name(unit.name, round_.name)
            if target.exists():
                raise UserError(f"文件“{target}”已存在，为免覆盖已发出的表格，请换一个输出文件夹。")
            rows = []
            for position, line in enumerate(lines, start=1):
                items.append({"round_id": round_.id, "unit_id": unit.id, "position": position, "issue_id": None,
                              "decision_id": None, "project_id": line.project_id, "issue_version": line.version,
                              "sent_values": {"项目": line.name, "年度计划": line.plan, "上月累计": line.prior,
                                              "本月完成": line.amount}})
                key = keys.encode(keys.RowKey(round_.uuid, line.uuid, line.version), secret)  # type: ignore[arg-type]
                rows.append(InvestLine(line.name, line.plan, line.prior, key))
            write_investment_form(target, InvestHeading(unit=unit.name, **heading_of), rows)  # type: ignore[arg-type]
            written.append(target)
            result.forms.append(SentForm(unit.name, target, len(lines)))
        insert_items(session, items)
        session.expire(round_, ["items"])
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return result
