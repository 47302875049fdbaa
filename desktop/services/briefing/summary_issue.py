"""The 年度/半年工作总结 as issued: numbered per year and kept exactly as it went out, like a 简报.

A summary is drafted from the data (summary.py), finished by the clerk (下一步工作打算 above all) and then issued:
the text as edited, the office that signs it, the signing date, the period and the figures it was drafted from are
stored in a `briefing` row of kind `summary`, so printing it again years later gives the same document — never a
new draft from the data of that later day. A draft still carrying the marked line for next year's focus is refused:
the data cannot know it, and a summary must not go out with a placeholder in it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.db.enums import BriefingKind
from desktop.db.models import Briefing
from desktop.errors import NotFound, Problem, ValidationError
from desktop.services import office_settings
from desktop.services.briefing.summary import NEXT_YEAR_MARK, SummaryFacts, area_word, draft_summary, gather

KIND = BriefingKind.SUMMARY


@dataclass
class SummaryContent:
    """Everything printed on a 工作总结, as plain values: the exporter's only input."""

    year: int  # the year of the register number (the year it is issued in)
    number: int
    title: str
    body: str
    issued_on: date  # the date signed under the office's name
    office: str
    period_from: date
    period_to: date
    font_profile: str = "国标经典"
    facts: dict[str, Any] | None = None  # the figures drafted from, as of the day of drafting

    @property
    def half(self) -> bool:
        return self.period_to.month <= 6

    @property
    def number_text(self) -> str:
        return f"{self.year}年第{self.number}号"


@dataclass(frozen=True)
class IssuedSummary:
    id: int
    year: int
    number: int
    title: str
    issued_on: date | None
    period_from: date | None
    period_to: date | None

    @property
    def label(self) -> str:
        return f"{self.year}年第{self.number}号 {self.title}"


def period_of(year: int, half: bool, today: date) -> tuple[date, date]:
    """1 January – 31 December (or 30 June), never past today: a summary does not speak of days still to come."""
    start, end = date(year, 1, 1), date(year, 6, 30) if half else date(year, 12, 31)
    if start > today:
        raise ValidationError([Problem("年度", f"{year}年尚未开始，无法起草工作总结")])
    return start, min(end, today)


def next_number(session: Session, year: int) -> int:
    last = session.scalar(select(func.max(Briefing.number)).where(Briefing.kind == KIND.value,
                                                                  Briefing.year == year)) or 0
    return last + 1


def _facts_dict(facts: SummaryFacts) -> dict[str, Any]:
    return {"plan_versions": [{"name": v.name, "doc_number": v.doc_number, "on": v.on.isoformat(),
                               "projects": v.projects, "load": v.load_text} for v in facts.versions],
            "meetings": [{"held_on": m.held_on.isoformat(), "projects": m.projects, "decided": m.decided}
                         for m in facts.meetings],
            "decided_done": facts.decided.numerator, "decided_total": facts.decided.denominator,
            "open_items": list(facts.open_items), "visits": facts.visits, "solved": len(facts.solved),
            "briefings": facts.briefings, "notices": facts.notices}


def new_summary(session: Session, start: date, end: date, issued_on: date) -> SummaryContent:
    """A draft from the data with the next register number, ready for the clerk to finish."""
    office = str(office_settings.get(session, "office_name"))
    facts = gather(session, start, end)
    draft = draft_summary(facts, area_word(office), office)
    return SummaryContent(year=issued_on.year, number=next_number(session, issued_on.year), title=draft.title,
                          body=draft.body, issued_on=issued_on, office=office, period_from=start, period_to=end,
                          font_profile=str(office_settings.get(session, "font_profile")), facts=_facts_dict(facts))


def check(session: Session, content: SummaryContent) -> None:
    problems = []
    if not content.title.strip():
        problems.append(Problem("标题", "请填写标题"))
    if len(content.title.strip()) > 200:
        problems.append(Problem("标题", "标题不能超过200字"))
    if not content.body.strip():
        problems.append(Problem("正文", "正文不能为空"))
    if NEXT_YEAR_MARK in content.body:
        problems.append(Problem("正文", f"下一步工作打算尚未填写（正文中仍有“{NEXT_YEAR_MARK}”），请填写后再印发"))
    if not content.office.strip():
        problems.append(Problem("落款", "请填写落款单位"))
    if content.number <= 0:
        problems.append(Problem("编号", "编号必须为正整数"))
    if content.issued_on < content.period_to:
        problems.append(Problem("成文日期", f"成文日期{content.issued_on.isoformat()}早于总结截止日期"
                                            f"{content.period_to.isoformat()}"))
    taken = session.scalar(select(Briefing.id).where(Briefing.kind == KIND.value, Briefing.year == content.year,
                                                     Briefing.number == content.number))
    if taken is not None:
        problems.append(Problem("编号", f"{content.number_text}工作总结已印发，请使用新的编号"
                                        "（重新导出已印发的总结请从“已印发”列表打开）"))
    if problems:
        raise ValidationError(problems)


def issue(session: Session, content: SummaryContent) -> int:
    """Record the summary as printed; refuses a number already used this year, or an unfinished draft."""
    check(session, content)
    row = Briefing(kind=KIND.value, year=content.year, number=content.number, title=content.title.strip(),
                   body=content.body, period_from=content.period_from, period_to=content.period_to,
                   figures={"office": content.office.strip(), "font_profile": content.font_profile,
                            "facts": content.facts},
                   issued_on=content.issued_on)
    session.add(row)
    try:
        session.flush()
    except IntegrityError as exc:  # a second user took the number in the meantime
        raise ValidationError([Problem("编号", f"{content.number_text}已被占用，请刷新后重试")]) from exc
    return row.id


def issued(session: Session) -> list[IssuedSummary]:
    stmt = (select(Briefing.id, Briefing.year, Briefing.number, Briefing.title, Briefing.issued_on,
                   Briefing.period_from, Briefing.period_to)
            .where(Briefing.kind == KIND.value).order_by(Briefing.year.desc(), Briefing.number.desc()))
    return [IssuedSummary(*row) for row in session.execute(stmt)]


def load(session: Session, summary_id: int) -> SummaryContent:
    """An issued summary back as printable content, exactly as stored."""
    row = session.get(Briefing, summary_id)
    if row is None or row.kind != KIND.value:
        raise NotFound(f"找不到编号为{summary_id}的已印发工作总结")
    doc = row.figures or {}
    issued_on = row.issued_on or row.created_at.date()
    return SummaryContent(year=row.year, number=row.number, title=row.title, body=row.body, issued_on=issued_on,
                          office=str(doc.get("office") or ""), period_from=row.period_from or date(row.year, 1, 1),
                          period_to=row.period_to or issued_on, font_profile=doc.get("font_profile") or "国标经典",
                          facts=doc.get("facts"))


def content_dict(content: SummaryContent) -> dict[str, Any]:
    return asdict(content)
