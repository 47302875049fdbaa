"""Numbered 工作简报 / 工作通报: the next number, and every issued one kept exactly as it went out.

A briefing is judged upstream by its number and its figures, so once issued it is frozen: the text the user
edited, the attached tables and the headline figures of that day are stored in the `Briefing` row (`figures`
JSON also carries the masthead, issuer, distribution and font profile), and re-exporting an old issue prints it
again as it was — never recomputed from today's data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.db.enums import BriefingKind
from desktop.db.models import Briefing
from desktop.errors import NotFound, Problem, ValidationError
from desktop.services import office_settings


@dataclass(frozen=True)
class DocTable:
    """A table printed with a document (as 附件 of a 通报): already text, so it prints as issued."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths_mm: tuple[float, ...] | None = None
    align: tuple[str, ...] | None = None  # left / center / right / justify per column

    def as_dict(self) -> dict[str, Any]:
        return {"title": self.title, "headers": list(self.headers), "rows": [list(r) for r in self.rows],
                "widths_mm": None if self.widths_mm is None else list(self.widths_mm),
                "align": None if self.align is None else list(self.align)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocTable:
        widths = data.get("widths_mm")
        align = data.get("align")
        return cls(str(data["title"]), tuple(data["headers"]), tuple(tuple(str(c) for c in r) for r in data["rows"]),
                   None if widths is None else tuple(float(w) for w in widths),
                   None if align is None else tuple(str(a) for a in align))


@dataclass
class BriefingContent:
    """Everything printed on a 简报/通报, as plain values: the exporter's only input."""

    kind: BriefingKind
    year: int
    number: int
    title: str
    body: str
    issued_on: date
    masthead_name: str
    issuer: str
    total_number: int | None = None
    editor_note: str = ""
    tables: list[DocTable] = field(default_factory=list)
    report_to: tuple[str, ...] = ()
    send_to: tuple[str, ...] = ()
    issue_to: tuple[str, ...] = ()
    copies: int | None = None
    font_profile: str = "国标经典"
    period_from: date | None = None
    period_to: date | None = None
    scope: dict | None = None
    headline: dict | None = None  # stats.Headline.as_dict() of the day it was drafted

    @property
    def number_text(self) -> str:
        return f"第{self.number}期"

    @property
    def total_number_text(self) -> str | None:
        return None if self.total_number is None else f"总第{self.total_number}期"


@dataclass(frozen=True)
class IssuedBriefing:
    """A row of the issued-briefings list."""

    id: int
    kind: BriefingKind
    year: int
    number: int
    total_number: int | None
    title: str
    issued_on: date | None

    @property
    def label(self) -> str:
        total = f"（总第{self.total_number}期）" if self.total_number else ""
        return f"{self.year}年第{self.number}期{total} {self.title}"


def next_number(session: Session, kind: BriefingKind, year: int) -> tuple[int, int | None]:
    """Suggested 第N期 (per year) and 总第N期 (running, only once the office has started using it)."""
    last = session.scalar(select(func.max(Briefing.number)).where(Briefing.kind == kind.value,
                                                                  Briefing.year == year)) or 0
    total = session.scalar(select(func.max(Briefing.total_number)).where(Briefing.kind == kind.value))
    return last + 1, None if total is None else total + 1


def new_content(session: Session, kind: BriefingKind, year: int, issued_on: date) -> BriefingContent:
    """An empty issue with the office's masthead, issuer, distribution and next numbers filled in."""
    number, total = next_number(session, kind, year)
    dist = office_settings.distribution(session)
    masthead_key = "masthead_name" if kind is BriefingKind.BRIEFING else "notice_masthead_name"
    return BriefingContent(
        kind=kind, year=year, number=number, total_number=total, title="", body="", issued_on=issued_on,
        masthead_name=str(office_settings.get(session, masthead_key)),
        issuer=str(office_settings.get(session, "office_name")),
        report_to=dist.report_to, send_to=dist.send_to, issue_to=dist.issue_to, copies=dist.copies,
        font_profile=str(office_settings.get(session, "font_profile")),
    )


def _check(session: Session, content: BriefingContent) -> None:
    problems = []
    if not content.title.strip():
        problems.append(Problem("标题", "请填写标题"))
    if not content.body.strip():
        problems.append(Problem("正文", "正文不能为空"))
    if content.number <= 0:
        problems.append(Problem("期号", "期号必须为正整数"))
    if content.total_number is not None and content.total_number <= 0:
        problems.append(Problem("总期号", "总期号必须为正整数"))
    taken = session.scalar(select(Briefing.id).where(Briefing.kind == content.kind.value,
                                                     Briefing.year == content.year,
                                                     Briefing.number == content.number))
    if taken is not None:
        problems.append(Problem("期号", f"{content.year}年第{content.number}期{content.kind.label}已印发，"
                                        "请使用新的期号（重新导出旧期请从“已印发”列表打开）"))
    if problems:
        raise ValidationError(problems)


def _document_json(content: BriefingContent) -> dict[str, Any]:
    return {
        "headline": content.headline,
        "tables": [t.as_dict() for t in content.tables],
        "editor_note": content.editor_note,
        "masthead_name": content.masthead_name,
        "issuer": content.issuer,
        "distribution": {"report_to": list(content.report_to), "send_to": list(content.send_to),
                         "issue_to": list(content.issue_to), "copies": content.copies},
        "font_profile": content.font_profile,
    }


def issue(session: Session, content: BriefingContent) -> int:
    """Record the issue as printed; refuses a number already used for this kind and year."""
    _check(session, content)
    row = Briefing(kind=content.kind.value, year=content.year, number=content.number,
                   total_number=content.total_number, title=content.title.strip(), body=content.body,
                   period_from=content.period_from, period_to=content.period_to, scope=content.scope,
                   figures=_document_json(content), issued_on=content.issued_on)
    session.add(row)
    try:
        session.flush()
    except IntegrityError as exc:  # a second user took the number in the meantime
        raise ValidationError([Problem("期号", f"第{content.number}期已被占用，请刷新后重试")]) from exc
    return row.id


def issued(session: Session, kind: BriefingKind | None = None) -> list[IssuedBriefing]:
    stmt = select(Briefing.id, Briefing.kind, Briefing.year, Briefing.number, Briefing.total_number,
                  Briefing.title, Briefing.issued_on).order_by(Briefing.year.desc(), Briefing.number.desc())
    if kind is not None:
        stmt = stmt.where(Briefing.kind == kind.value)
    return [IssuedBriefing(i, BriefingKind(k), y, n, t, title, on) for i, k, y, n, t, title, on in
            session.execute(stmt)]


def load(session: Session, briefing_id: int) -> BriefingContent:
    """An issued briefing back as printable content, exactly as it was stored."""
    row = session.get(Briefing, briefing_id)
    if row is None:
        raise NotFound("找不到该期简报，可能已被删除")
    doc = row.figures or {}
    dist = doc.get("distribution") or {}
    kind = BriefingKind(row.kind)
    return BriefingContent(
        kind=kind, year=row.year, number=row.number, total_number=row.total_number, title=row.title,
        body=row.body, issued_on=row.issued_on or row.created_at.date(),
        masthead_name=doc.get("masthead_name") or kind.label, issuer=doc.get("issuer") or "",
        editor_note=doc.get("editor_note") or "",
        tables=[DocTable.from_dict(t) for t in doc.get("tables") or []],
        report_to=tuple(dist.get("report_to") or ()), send_to=tuple(dist.get("send_to") or ()),
        issue_to=tuple(dist.get("issue_to") or ()), copies=dist.get("copies"),
        font_profile=doc.get("font_profile") or "国标经典",
        period_from=row.period_from, period_to=row.period_to, scope=row.scope, headline=doc.get("headline"),
    )


def content_dict(content: BriefingContent) -> dict[str, Any]:
    """For logs and tests: the content as JSON-friendly values."""
    data = asdict(content)
    data["kind"] = content.kind.value
    return data
