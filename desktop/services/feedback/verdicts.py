"""What a 收取反馈 preview says about each returned file and row: the verdicts and the answers, as plain data.

Shared by the judging of issue rows (preview.py) and investment rows (invest.py), by the writing (collect.py) and
by the window's preview dialog.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from desktop.db.models.feedback import ISSUE_KIND
from desktop.importers.feedback_form import FormRow
from desktop.importers.investment_form import InvestRow
from desktop.services.feedback.new_problems import NewProblem


class Verdict(StrEnum):
    NEW = "new"
    SAME = "same"
    EMPTY = "empty"
    CONFLICT = "conflict"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return {"new": "新反馈", "same": "已收取", "empty": "未填写", "conflict": "冲突",
                "refused": "不予采用"}[self.value]


@dataclass
class Answer:
    """What the unit wrote in its cells, understood."""

    progress: str | None = None
    status: str | None = None
    expected: date | None = None
    coordination: str | None = None
    person: str | None = None
    phone: str | None = None

    @property
    def empty(self) -> bool:
        return all(v is None for v in (self.progress, self.status, self.expected, self.coordination, self.person,
                                       self.phone))

    def digest(self) -> str:
        body = [self.progress, self.status, self.expected.isoformat() if self.expected else None, self.coordination,
                self.person, self.phone]
        return hashlib.sha256(json.dumps(body, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass
class RowReport:
    row: FormRow | InvestRow
    verdict: Verdict
    reasons: list[str] = field(default_factory=list)
    locked_edits: list[str] = field(default_factory=list)
    # What the unit wrote: an Answer, or on a 投资进度填报 row an InvestAnswer (services/feedback/invest.py).
    answer: Any = field(default_factory=Answer)
    item_id: int | None = None
    issue_id: int | None = None
    decision_id: int | None = None  # a 议定事项 row (then issue_id is None)
    project_id: int | None = None  # a 投资进度填报 row (services/feedback/invest.py; `answer` is an InvestAnswer)
    round_name: str | None = None
    unit: str | None = None
    project: str = ""
    problem: str = ""
    current_status: str = ""
    current_progress: str = ""

    @property
    def takeable(self) -> bool:
        return self.verdict in (Verdict.NEW, Verdict.CONFLICT)


@dataclass
class FileReport:
    path: Path
    sha256: str
    rows: list[RowReport] = field(default_factory=list)
    refusal: str | None = None
    already: str | None = None
    notes: list[str] = field(default_factory=list)
    round_id: int | None = None
    round_name: str | None = None
    unit_id: int | None = None
    unit: str | None = None
    # The 新增问题 sheet, judged (services/feedback/new_problems.py); only for a file whose rows are the office's.
    new_problems: list[NewProblem] = field(default_factory=list)
    kind: str = ISSUE_KIND  # which form the file is (INVESTMENT_KIND: a 投资进度填报表)
    recipient: str | None = None  # the project owner a 投资进度填报表 went to (then unit_id is None)

    @property
    def name(self) -> str:
        return self.path.name

    def count(self, verdict: Verdict) -> int:
        return sum(1 for r in self.rows if r.verdict is verdict)


@dataclass
class CollectPreview:
    files: list[FileReport]

    def count(self, verdict: Verdict) -> int:
        return sum(f.count(verdict) for f in self.files)

    def new_takeable(self, declined: frozenset[tuple[str, int]] = frozenset()) -> list[tuple[FileReport, NewProblem]]:
        """The reported new problems to record; `declined` holds (file sha256, Excel row) left out by the clerk."""
        return [(f, p) for f in self.files for p in f.new_problems
                if p.taken and (f.sha256, p.row.row) not in declined]

    def takeable(self, include_conflicts: bool,
                 declined: frozenset[tuple[str, int]] = frozenset()) -> list[tuple[FileReport, RowReport]]:
        """The rows to take; `declined` holds (file sha256, feedback item id) of rows the clerk left out."""
        wanted = (Verdict.NEW, Verdict.CONFLICT) if include_conflicts else (Verdict.NEW,)
        return [(f, r) for f in self.files for r in f.rows
                if r.verdict in wanted and (f.sha256, r.item_id) not in declined]
