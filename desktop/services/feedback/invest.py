"""投资进度填报 returns: each row judged against the month's figures as sent and as they are now, then taken into the
monthly investment grid (InvestmentReport), the project's 形象进度 and the month's 备注.

The row key, round, unit and newer-round checks are the issue rows' (preview._Judge.row); this module judges what
is particular to a month's figures:
- 本月完成 and 1–N月累计 in 万元; a number that is text, negative, a date, a formula without its value, or finer than
  one 元 is refused naming the cell. When both are written they must agree with the form's 上月累计 + 本月完成 —
  if they do not, the row is refused with the three figures: the office decides, nothing is picked silently.
  Only 1–N月累计 written: the month is the total less the months recorded before it (as the import does).
- A conflict when the office changed the month's figure or an earlier month's since the form went out (or since
  the unit's last answer was taken): shown, taken only when the clerk says so.
- Edits to 项目, 年度计划 or 上月累计 never count; they are listed.
序时进度 is not stored: the grid, dashboard and briefing compute it from the stored months, so the preview shows
what it becomes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import FeedbackItem, FeedbackRound, InvestmentReport, Project
from desktop.importers.investment_form import CHECKED_OFFICE_FIELDS, InvestRow
from desktop.importers.text import match_key
from desktop.services.feedback.verdicts import RowReport, Verdict
from desktop.services.figures import WAN, pct_text, schedule_progress


def wan(yuan: int | None) -> str:
    """An amount in messages: 1,250.5万元; — when there is none."""
    if yuan is None:
        return "—"
    return f"{Decimal(yuan) / WAN:,.4f}".rstrip("0").rstrip(".") + "万元"


@dataclass
class InvestAnswer:
    """What the unit wrote on one project's row, amounts in 元; `amount` is the month's figure it comes to."""

    month: int | None = None
    year_to_date: int | None = None
    progress: str | None = None
    problems: str | None = None
    person: str | None = None
    phone: str | None = None
    amount: int | None = None
    schedule: str = ""  # 序时进度 once taken, as the grid will show it
    month_number: int = 0  # the round's month (how 1–N月累计 is named)

    @property
    def empty(self) -> bool:
        return all(v is None for v in (self.month, self.year_to_date, self.progress, self.problems, self.person,
                                       self.phone))

    def digest(self) -> str:
        body = ["investment", self.month, self.year_to_date, self.progress, self.problems, self.person, self.phone]
        return hashlib.sha256(json.dumps(body, ensure_ascii=False).encode("utf-8")).hexdigest()

    def summary(self) -> str:
        """What the unit reported, in one line (the preview's 单位填报 column, the CLI's preview)."""
        month_number = self.month_number
        parts = []
        if self.month is not None:
            parts.append(f"本月完成 {wan(self.month)}")
        if self.year_to_date is not None:
            parts.append(f"1–{month_number}月累计 {wan(self.year_to_date)}")
        if self.amount is not None and self.month is None:
            parts.append(f"即{month_number}月 {wan(self.amount)}")
        if self.schedule:
            parts.append(f"序时进度 {self.schedule}")
        if self.progress:
            parts.append(f"形象进度：{self.progress}")
        if self.problems:
            parts.append(f"存在问题：{self.problems}")
        return "；".join(parts)

    def remark(self) -> str | None:
        """The month's 备注 the answer leaves: 存在问题 and who filled it in, as written; None when it names none."""
        parts = []
        if self.problems:
            parts.append(f"存在问题：{self.problems}")
        if self.person:
            parts.append(f"填报人：{self.person}")
        if self.phone:
            parts.append(f"联系电话：{self.phone}")
        return "；".join(parts) or None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def parse_amount(row: InvestRow, name: str) -> tuple[int | None, str | None]:
    """A unit's amount cell in 万元 as integer 元, or the reason it cannot be taken (naming the cell)."""
    value = row.unit.get(name)
    if value is None:
        return None, None
    where = row.where(name)
    if isinstance(value, bool | date | datetime):
        return None, f"{where}：应填写金额（万元），不是日期或是非值：“{value}”"
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    else:
        text = str(value).strip().replace(",", "").replace("，", "")
        if text.endswith("万元"):
            text = text[:-2].strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None, f"{where}：“{value}”不是数字，请只填写金额（万元）"
    if not number.is_finite():
        return None, f"{where}：“{value}”不是数字，请只填写金额（万元）"
    if number < 0:
        return None, f"{where}：金额不能为负数：“{value}”"
    yuan = number * WAN
    if yuan != yuan.to_integral_value():
        return None, f"{where}：金额最多保留四位小数（精确到元）：“{value}”"
    return int(yuan), None


def read_answer(row: InvestRow) -> tuple[InvestAnswer, list[str]]:
    problems = [f"{row.where(name)}：含有公式但没有计算结果，请直接填写数字或文字" for name in row.formulas]
    month, why = parse_amount(row, "本月完成")
    problems += [why] if why else []
    ytd, why = parse_amount(row, "累计")
    problems += [why] if why else []
    answer = InvestAnswer(month, ytd, _text(row.unit.get("形象进度")), _text(row.unit.get("存在问题")),
                          _text(row.unit.get("填报人")), _text(row.unit.get("联系电话")))
    return answer, problems


def _locked_edits(row: InvestRow, sent: dict[str, Any]) -> list[str]:
    edits = []
    for name in CHECKED_OFFICE_FIELDS:
        now = row.office.get(name)
        if name == "项目":
            was = str(sent.get("项目") or "")
            if match_key(_text(now) or "") != match_key(was):
                edits.append(f"{row.where(name)}：办公室填写的内容被改为“{_text(now) or ''}”（原为“{was}”），已忽略")
            continue
        yuan, _why = parse_amount(InvestRow(row.file_name, row.sheet, row.row, None, {}, {name: now}), name)
        if yuan is None or abs(yuan - int(sent.get(name) or 0)) > 1:
            shown = wan(yuan) if yuan is not None else f"“{_text(now) or ''}”"
            edits.append(f"{row.where(name)}：办公室填写的金额被改为{shown}（原为{wan(int(sent.get(name) or 0))}），已忽略")
    return edits


class InvestJudge:
    """Judges the investment rows of one preview; the months of a year are read once (a year per round)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.months: dict[int, dict[int, dict[int, InvestmentReport]]] = {}

    def reports(self, year: int, project_id: int) -> dict[int, InvestmentReport]:
        if year not in self.months:
            table: dict[int, dict[int, InvestmentReport]] = {}
            for report in self.session.scalars(select(InvestmentReport).where(InvestmentReport.year == year)):
                table.setdefault(report.project_id, {})[report.month] = report
            self.months[year] = table
        return self.months[year].get(project_id, {})

    def judge(self, result: RowReport, row: InvestRow, item: FeedbackItem, project: Project,
              round_: FeedbackRound) -> RowReport:
        year, month = int(round_.year or 0), int(round_.month or 0)
        sent = item.sent_values
        months = self.reports(year, project.id)
        current = months.get(month)
        now_amount = current.amount_yuan if current is not None else None
        now_prior = sum(r.amount_yuan or 0 for m, r in months.items() if m < month)
        result.current_status = f"{month}月 {wan(now_amount)}"
        result.current_progress = (f"1–{month}月累计 {wan(now_prior + (now_amount or 0))}，序时进度 "
                                   + pct_text(schedule_progress(now_prior + (now_amount or 0),
                                                                project.annual_plan_yuan, month)))
        result.locked_edits = _locked_edits(row, sent)
        answer, problems = read_answer(row)
        answer.month_number = month
        result.answer = answer
        if problems:
            result.reasons.extend(problems)
            return result
        sent_prior = int(sent.get("上月累计") or 0)
        if answer.month is not None and answer.year_to_date is not None:
            if answer.year_to_date != sent_prior + answer.month:
                result.reasons.append(
                    f"{row.where('累计')}：1–{month}月累计 {wan(answer.year_to_date)} 不等于上月累计 {wan(sent_prior)}"
                    f" 加本月完成 {wan(answer.month)}（应为 {wan(sent_prior + answer.month)}），两数不一致，未采用；"
                    "请与填报单位核实后只保留正确的一项或改正")
                return result
            answer.amount = answer.month
        elif answer.year_to_date is not None:
            answer.amount = answer.year_to_date - now_prior
            if answer.amount < 0:
                result.reasons.append(f"{row.where('累计')}：1–{month}月累计 {wan(answer.year_to_date)} 小于此前各月已登记"
                                      f"的合计 {wan(now_prior)}，未采用")
                answer.amount = None
                return result
        else:
            answer.amount = answer.month
        if answer.amount is not None:
            answer.schedule = pct_text(schedule_progress(now_prior + answer.amount, project.annual_plan_yuan, month))
        if answer.empty:
            result.verdict = Verdict.EMPTY
        elif item.answer_sha256 == answer.digest():
            result.verdict = Verdict.SAME
            result.reasons.append(f"{row.where()}：与已收取的填报内容相同，没有新内容")
        elif project.removed_on is not None:
            result.reasons.append(f"{row.where()}：该项目在填报表发出后已调出重点项目名单，未采用")
        elif changed := self._changed(item, sent, now_amount, now_prior, current):
            result.verdict = Verdict.CONFLICT
            result.reasons.append(f"{row.where()}：填报表发出后办公室已修改{changed}，请核对后决定是否采用")
        else:
            result.verdict = Verdict.NEW
        return result

    @staticmethod
    def _changed(item: FeedbackItem, sent: dict[str, Any], now_amount: int | None, now_prior: int,
                 current: InvestmentReport | None) -> str:
        """What the office changed since the form went out (or since the unit's last answer was taken); ''."""
        month = "本月完成"
        if now_prior != int(sent.get("上月累计") or 0):
            return f"此前各月的完成投资（上月累计现为 {wan(now_prior)}，表中为 {wan(int(sent.get('上月累计') or 0))}）"
        if item.answer_sha256 is None:
            was = sent.get(month)
            return "" if now_amount == was else f"本月完成（现为 {wan(now_amount)}，发出时为 {wan(was)}）"
        version = current.version if current is not None else 0
        return "" if version == item.answered_version else f"本月完成（现为 {wan(now_amount)}）"


def take(session: Session, row: RowReport, item: FeedbackItem, round_: FeedbackRound) -> None:
    """Write one accepted row: the month's figure (and 备注), the project's 形象进度, the item's answer digest."""
    answer: InvestAnswer = row.answer
    year, month = int(round_.year or 0), int(round_.month or 0)
    project = session.get(Project, row.project_id)
    assert project is not None
    report = session.scalars(select(InvestmentReport).where(
        InvestmentReport.project_id == project.id, InvestmentReport.year == year,
        InvestmentReport.month == month)).first()
    remark = answer.remark()
    if answer.amount is not None or remark is not None:
        if report is None:
            report = InvestmentReport(project_id=project.id, year=year, month=month, amount_yuan=answer.amount,
                                      remark=remark)
            session.add(report)
        else:
            if answer.amount is not None:
                report.amount_yuan = answer.amount
            if remark is not None:
                report.remark = remark
    later = session.scalar(select(InvestmentReport.id).where(
        InvestmentReport.project_id == project.id, InvestmentReport.year == year, InvestmentReport.month > month,
        InvestmentReport.amount_yuan.is_not(None)).limit(1))
    if answer.progress and answer.progress != project.image_progress and later is None:
        project.image_progress = answer.progress  # the newest month's words (a late older month leaves them)
    item.answer_sha256 = answer.digest()
    session.flush()
    item.answered_version = report.version if report is not None else 0
