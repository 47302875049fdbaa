"""企业名录 (助企): rows for a directory of 20,000+ enterprises, add/edit with validation, and their 诉求.

The directory filters in Python over a search key computed once per row at load (name, its pinyin initials,
credit code, industry, address, cadre) — never per keystroke — so a filter over 20,000 rows is a substring scan.
一带三包 is kept minimal: the enterprise names its 包联领导 (leader), the 工作组 (team, free text as offices name
them) and its 包联干部 (cadre, a Person whose unit is the group). An enterprise's 诉求 are ordinary issues (`Issue.enterprise_id`) with the same life cycle as project issues.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from functools import cache
from typing import NamedTuple

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop.db.models import Enterprise, Issue, Leader, Person, Unit
from desktop.services import validation as v
from desktop.services.issues import actions as issues
from desktop.services.issues.rows import IssueRow, load_issue_rows
from desktop.services.journal import get_or_fail
from desktop.services.search import initials

SIZE_FLAGS = ("四上企业", "规上工业", "限上商贸", "规上服务业", "资质内建筑业", "房地产开发")
DONE = ("resolved", "closed")


class EnterpriseRow(NamedTuple):
    id: int
    name: str
    credit_code: str
    industry: str
    address: str
    location: str
    contact: str
    phone: str
    size_flags: str
    cadre_id: int | None
    cadre: str
    cadre_unit: str
    leader_id: int | None
    leader: str
    team: str
    open_issues: int
    all_issues: int
    key: str  # lower-cased search text with pinyin initials, built once at load


@cache
def _char_initial(ch: str) -> str:
    return initials(ch)


def name_initials(text: str) -> str:
    """Pinyin initials character by character, each character looked up once per process.

    `search.initials` converts whole strings (phrase-aware, ~0.5 ms each): 20,000 company names took 10 s to load.
    Company names draw on a few hundred distinct characters, so a per-character cache makes the load linear and
    cheap; the rare polyphone read differently inside a phrase is the price, acceptable for a search box.
    """
    return "".join(_char_initial(ch) if ch > "\x7f" else ch for ch in text)


def search_key(name: str, credit_code: str, industry: str, address: str, cadre: str, contact: str,
               leader: str = "", team: str = "") -> str:
    parts = (name, name_initials(name), credit_code, industry, address, cadre, name_initials(cadre), contact,
             leader, name_initials(leader), team)
    return "\x1f".join(parts).lower()


def load_enterprise_rows(session: Session, ids: list[int] | None = None) -> list[EnterpriseRow]:
    counts = (select(Issue.enterprise_id, func.sum(case((Issue.status.not_in(DONE), 1), else_=0)).label("open_n"),
                     func.count(Issue.id).label("all_n"))
              .where(Issue.enterprise_id.is_not(None)).group_by(Issue.enterprise_id).subquery())
    stmt = (select(Enterprise.id, Enterprise.name, Enterprise.credit_code, Enterprise.industry, Enterprise.address,
                   Enterprise.location, Enterprise.contact, Enterprise.phone, Enterprise.size_flags,
                   Enterprise.cadre_id, Person.name, Unit.name, counts.c.open_n, counts.c.all_n,
                   Enterprise.leader_id, Leader.name, Enterprise.team)
            .join(Person, Person.id == Enterprise.cadre_id, isouter=True)
            .join(Leader, Leader.id == Enterprise.leader_id, isouter=True)
            .join(Unit, Unit.id == Person.unit_id, isouter=True)
            .join(counts, counts.c.enterprise_id == Enterprise.id, isouter=True)
            .order_by(Enterprise.name, Enterprise.id))
    if ids is not None:
        stmt = stmt.where(Enterprise.id.in_(ids))
    rows = []
    for r in session.execute(stmt):
        name, code, industry, address = r[1], r[2] or "", r[3] or "", r[4] or ""
        cadre, contact, leader, team = r[10] or "", r[6] or "", r[15] or "", r[16] or ""
        rows.append(EnterpriseRow(r[0], name, code, industry, address, r[5] or "", contact, r[7] or "",
                                  r[8] or "", r[9], cadre, r[11] or "", r[14], leader, team, int(r[12] or 0),
                                  int(r[13] or 0), search_key(name, code, industry, address, cadre, contact, leader,
                                                              team)))
    return rows


def match_needle(rows: list[EnterpriseRow], needle: str) -> list[EnterpriseRow]:
    """Rows whose precomputed key contains the needle (already stripped and lower-cased)."""
    return [r for r in rows if needle in r.key] if needle else rows


def filter_rows(rows: list[EnterpriseRow], needle: str, *, size_flag: str = "",
                with_open_issues: bool = False) -> list[EnterpriseRow]:
    """The directory filter: a substring test on the precomputed key, plus two cheap flags."""
    out = match_needle(rows, needle.strip().lower())
    return filter_flags(out, size_flag=size_flag, with_open_issues=with_open_issues)


def filter_flags(rows: list[EnterpriseRow], *, size_flag: str = "", with_open_issues: bool = False
                 ) -> list[EnterpriseRow]:
    out = rows
    if size_flag:
        out = [r for r in out if size_flag in r.size_flags]
    if with_open_issues:
        out = [r for r in out if r.open_issues]
    return out


@dataclass
class EnterpriseInput:
    name: str
    credit_code: str | None = None
    industry: str | None = None
    address: str | None = None
    location: str | None = None
    contact: str | None = None
    phone: str | None = None
    size_flags: str | None = None
    cadre_id: int | None = None
    leader_id: int | None = None
    team: str | None = None


def _clean(data: EnterpriseInput) -> EnterpriseInput:
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    for key, value in values.items():
        if isinstance(value, str):
            values[key] = value.strip() or None
    if values["credit_code"]:
        values["credit_code"] = values["credit_code"].upper()
    return EnterpriseInput(**values)


def _validate(session: Session, data: EnterpriseInput, enterprise_id: int | None) -> None:
    problems = [
        v.required(data.name, "企业名称"),
        v.max_length(data.name, 200, "企业名称"),
        v.credit_code(data.credit_code),
        v.max_length(data.phone, 32, "联系电话"),
        v.max_length(data.team, 64, "工作组"),
    ]
    if data.phone and not all(ch.isdigit() or ch in "-+ ()转" for ch in data.phone):
        problems.append(v.Problem("联系电话", "只能包含数字和“-”"))
    if data.credit_code:
        clash = session.scalar(select(Enterprise.name).where(Enterprise.credit_code == data.credit_code,
                                                             Enterprise.id != (enterprise_id or 0)))
        if clash is not None:
            problems.append(v.Problem("统一社会信用代码", f"与已登记的「{clash}」重复"))
    if data.cadre_id is not None and session.get(Person, data.cadre_id) is None:
        problems.append(v.Problem("包联干部", "所选干部不存在"))
    if data.leader_id is not None and session.get(Leader, data.leader_id) is None:
        problems.append(v.Problem("包联领导", "所选领导不存在"))
    v.raise_if_any(problems)


def create_enterprise(session: Session, data: EnterpriseInput) -> Enterprise:
    data = _clean(data)
    _validate(session, data, None)
    enterprise = Enterprise(**{f.name: getattr(data, f.name) for f in fields(data)})
    session.add(enterprise)
    session.flush()
    return enterprise


def update_enterprise(session: Session, enterprise_id: int, data: EnterpriseInput) -> Enterprise:
    enterprise = get_or_fail(session, Enterprise, enterprise_id, "企业")
    data = _clean(data)
    _validate(session, data, enterprise_id)
    for f in fields(data):
        setattr(enterprise, f.name, getattr(data, f.name))
    session.flush()
    return enterprise


def get_input(session: Session, enterprise_id: int) -> EnterpriseInput:
    """The stored values as a form fills them in."""
    e = get_or_fail(session, Enterprise, enterprise_id, "企业")
    return EnterpriseInput(**{f.name: getattr(e, f.name) for f in fields(EnterpriseInput)})


def issues_of(session: Session, enterprise_id: int) -> list[IssueRow]:
    ids = list(session.scalars(select(Issue.id).where(Issue.enterprise_id == enterprise_id)))
    return load_issue_rows(session, ids) if ids else []


def raise_demand(session: Session, enterprise_id: int, description: str, found_on: date, *,
                 category_id: int | None = None, found_by: str | None = None) -> Issue:
    """An enterprise's 诉求 enters the same life cycle as a project issue."""
    get_or_fail(session, Enterprise, enterprise_id, "企业")
    return issues.create_issue(session, issues.IssueInput(
        description=description, found_on=found_on, enterprise_id=enterprise_id, category_id=category_id,
        found_by=found_by, source="enterprise"))


def industries(session: Session) -> list[str]:
    """Industries already in use, for the form's suggestions (the office's own wording wins)."""
    return [i for (i,) in session.execute(select(Enterprise.industry).where(Enterprise.industry.is_not(None))
                                          .distinct().order_by(Enterprise.industry))]
