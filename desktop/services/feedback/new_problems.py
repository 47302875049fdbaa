"""新增问题: the problems a unit reports on the form's second sheet, judged and, once accepted, recorded as new
issues of the office's ledger.

A unit reports; the office decides. A reported problem becomes an issue with status 待交办 (no unit, no deadline:
交办 is the office's step), found by the reporting unit, on the found date the unit wrote. When the unit left the
date empty, the issue's found date stays empty and its journal (dated the day the form was received) says so
("发现日期未填，未记录") — a date is never made up (issue #16). A date written only to the month is refused rather than turned into
the first of the month. The unit's proposed deadline and needs go into the journal as written, for the clerk who
assigns it. The same description already recorded on the project is not recorded twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Issue, Project
from desktop.importers.feedback_form import NewProblemRow
from desktop.importers.text import match_key
from desktop.importers.values import Invalid, parse_date
from desktop.services import tracking
from desktop.services.issues.actions import IssueInput, create_issue

_MONTH_ONLY = re.compile(r"\s*\d{4}\s*[年./-]\s*\d{1,2}\s*月?\s*")
DESCRIPTION_LIMIT = 2000


@dataclass
class NewProblem:
    row: NewProblemRow
    taken: bool
    reasons: list[str] = field(default_factory=list)
    project_id: int | None = None
    project: str = ""
    description: str = ""
    found_on: date | None = None  # as the unit wrote it; None: not written
    remarks: str = ""  # 建议完成时限 / 需协调事项 / 备注 as written, for the journal

    @property
    def label(self) -> str:
        return "新增问题" if self.taken else "不予采用"


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def judge(session: Session, rows: list[NewProblemRow], today: date) -> list[NewProblem]:
    projects = {match_key(name): (pid, name) for pid, name in session.execute(select(Project.id, Project.name))}
    problems: list[NewProblem] = []
    seen: set[tuple[int, str]] = set()
    for row in rows:
        problem = NewProblem(row, False, project=_text(row.values.get("项目名称")),
                             description=_text(row.values.get("问题描述")))
        problems.append(problem)
        if not problem.description:
            problem.reasons.append(f"{row.where('问题描述')}：没有填写问题描述")
            continue
        if len(problem.description) > DESCRIPTION_LIMIT:
            problem.reasons.append(f"{row.where('问题描述')}：超过{DESCRIPTION_LIMIT}字，请精简后再报")
            continue
        match = projects.get(match_key(problem.project)) if problem.project else None
        if match is None:
            problem.reasons.append(f"{row.where('项目名称')}：项目“{problem.project or '（未填）'}”不在项目清单中，"
                                   "请按反馈表中的项目名称填写")
            continue
        problem.project_id, problem.project = match
        raw = row.values.get("发现日期")
        if isinstance(raw, str) and _MONTH_ONLY.fullmatch(raw):
            problem.reasons.append(f"{row.where('发现日期')}：“{raw}”只写到月，请写明是哪一天（不清楚可不填）")
            continue
        found = parse_date(raw, today.year)
        if isinstance(found, Invalid):
            problem.reasons.append(f"{row.where('发现日期')}：“{raw}”{found.reason}")
            continue
        if found is not None and found > today:
            problem.reasons.append(f"{row.where('发现日期')}：{found.isoformat()}晚于今天")
            continue
        problem.found_on = found
        key = (match[0], problem.description)
        if key in seen or session.scalars(select(Issue.id).where(
                Issue.project_id == match[0], Issue.description == problem.description)).first() is not None:
            problem.reasons.append(f"{row.where()}：项目“{problem.project}”已有相同的问题，不重复登记")
            continue
        seen.add(key)
        problem.remarks = "；".join(f"{name}：{_text(row.values.get(name))}" for name in ("建议完成时限", "需协调事项", "备注")
                                    if _text(row.values.get(name)))
        problem.taken = True
    return problems


def record(session: Session, problem: NewProblem, unit: str, round_name: str, file_name: str, day: date) -> Issue:
    """The accepted problem as a new issue (待交办), with the journal saying who reported it and how."""
    assert problem.taken and problem.project_id is not None
    issue = create_issue(session, IssueInput(description=problem.description, found_on=problem.found_on,
                                             project_id=problem.project_id, found_by=unit[:64], source="other"),
                         received_on=day)
    said = [f"{unit}在{round_name}反馈表中报告（{day.isoformat()}收取，{file_name}）"]
    if problem.found_on is None:
        said.append("发现日期未填，未记录")
    if problem.remarks:
        said.append(problem.remarks)
    tracking.journal(session, issue, "found", "；".join(said), day)
    session.flush()
    return issue
