"""The office's escalation ladder: which step an overdue item has reached today, and whether it was taken.

Offices write the rule as days past the deadline (焦作: 1-3-7-30). Each step is an instrument (提示单 / 督办单 /
催办通知) or 流转 to the level above with the ladder's reason. The ladder only proposes: the 待办 panel and
`keyproj supervision due` list what is due at each step, and the clerk takes it. A step counts as taken when an
instrument of that kind or a stronger one (not withdrawn) named the item after its deadline, or, for 流转, when
the item was moved up after its deadline — so nothing is proposed twice, and a done item leaves the ladder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueStatus
from desktop.db.models import Escalation, Issue, Project, SupervisionItem, SupervisionNotice, Unit
from desktop.errors import UserError
from desktop.services import office_settings
from desktop.services.supervision.kinds import SupervisionKind

SETTING_KEY = "supervision_ladder"
ESCALATE = "escalate"
ACTIONS = {k.value: k.label for k in SupervisionKind} | {ESCALATE: "流转（提请上一级协调）"}
DEFAULT_LADDER: list[dict[str, Any]] = [
    {"days": 1, "action": "reminder"},
    {"days": 3, "action": "notice"},
    {"days": 7, "action": "urge"},
    {"days": 30, "action": ESCALATE, "label": "提请包保领导协调"},
]
_DONE = (IssueStatus.RESOLVED.value, IssueStatus.CLOSED.value)


@dataclass(frozen=True)
class LadderStep:
    days: int
    action: str
    label: str

    @property
    def kind(self) -> SupervisionKind | None:
        return None if self.action == ESCALATE else SupervisionKind(self.action)

    def describe(self) -> str:
        return f"超期{self.days}天：{self.label}"


def _step(raw: Any, position: int) -> LadderStep:
    if not isinstance(raw, dict):
        raise UserError(f"督办阶梯第{position}步格式不正确。")
    days, action = raw.get("days"), raw.get("action")
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 3650:
        raise UserError(f"督办阶梯第{position}步的超期天数应为1至3650之间的整数。")
    if action not in ACTIONS:
        raise UserError(f"督办阶梯第{position}步的措施“{action}”不认识，应为：{'、'.join(ACTIONS.values())}。")
    label = str(raw.get("label") or ACTIONS[action]).strip()[:40]
    return LadderStep(days, action, label)


def parse_ladder(raw: Any) -> list[LadderStep]:
    """Steps in rising order of days; refused when days repeat or a later step is a weaker instrument."""
    if not isinstance(raw, list) or not raw:
        raise UserError("督办阶梯至少要有一步。")
    steps = [_step(item, n) for n, item in enumerate(raw, 1)]
    for before, after in pairwise(steps):
        if after.days <= before.days:
            raise UserError(f"督办阶梯的天数应逐步增加（{before.days}天之后是{after.days}天）。")
        if before.kind is not None and after.kind is not None and after.kind.rank < before.kind.rank:
            raise UserError(f"督办阶梯中{after.label}不能排在{before.label}之后（措施应逐级加重）。")
    return steps


def load_ladder(session: Session) -> list[LadderStep]:
    raw = office_settings.get(session, SETTING_KEY)
    return parse_ladder(raw if raw is not None else DEFAULT_LADDER)


def save_ladder(session: Session, raw: list[dict[str, Any]]) -> list[LadderStep]:
    steps = parse_ladder(raw)
    office_settings.put(session, SETTING_KEY, [{"days": s.days, "action": s.action, "label": s.label}
                                               for s in steps])
    return steps


@dataclass(frozen=True)
class DueStep:
    issue_id: int
    description: str
    project: str
    unit_id: int | None
    unit: str
    deadline: date
    days_overdue: int
    step: LadderStep


def due_steps(session: Session, today: date) -> list[DueStep]:
    """Every open overdue item whose highest reached step is not yet taken, most overdue first. Read as plain
    columns, not ORM objects: the 待办 panel asks this after every edit, and a city has tens of thousands of
    overdue items."""
    rows = session.execute(
        select(Issue.id, Issue.deadline, Issue.description, Project.name, Issue.lead_unit_id, Unit.name)
        .join(Project, Project.id == Issue.project_id, isouter=True)
        .join(Unit, Unit.id == Issue.lead_unit_id, isouter=True)
        .where(*_overdue_enough(session, today))).all()
    due_now = _untaken(session, today, [(r[0], r[1]) for r in rows])
    due = [DueStep(issue_id, description, project or "", unit_id, unit or "", deadline, (today - deadline).days,
                   due_now[issue_id])
           for issue_id, deadline, description, project, unit_id, unit in rows if issue_id in due_now]
    due.sort(key=lambda d: (-d.days_overdue, d.issue_id))
    return due


def due_step_by_issue(session: Session, today: date) -> dict[int, LadderStep]:
    """The same steps as `due_steps`, by issue id only: what the reminders need beside their own columns (a city's
    37k overdue issues without a second copy of their texts)."""
    rows = session.execute(select(Issue.id, Issue.deadline).where(*_overdue_enough(session, today))).all()
    return _untaken(session, today, [(r[0], r[1]) for r in rows])


def _overdue_enough(session: Session, today: date) -> tuple:
    """Open issues overdue for at least the ladder's first step."""
    first_days = load_ladder(session)[0].days
    return (Issue.status.not_in(_DONE), Issue.deadline.is_not(None),
            Issue.deadline <= today - timedelta(days=first_days))


def _untaken(session: Session, today: date, overdue: list[tuple[int, date]]) -> dict[int, LadderStep]:
    """Of (issue id, deadline) pairs, the highest step each has reached that no notice or escalation since its
    deadline has taken."""
    if not overdue:
        return {}
    steps = load_ladder(session)
    deadlines = dict(overdue)
    ids = list(deadlines)
    strongest: dict[int, int] = {}
    for issue_id, kind, issued_on in session.execute(
            select(SupervisionItem.issue_id, SupervisionNotice.kind, SupervisionNotice.issued_on)
            .join(SupervisionNotice, SupervisionItem.notice_id == SupervisionNotice.id)
            .where(SupervisionNotice.withdrawn_on.is_(None), SupervisionItem.issue_id.in_(ids))):
        if issued_on >= deadlines[issue_id]:
            strongest[issue_id] = max(strongest.get(issue_id, -1), SupervisionKind(kind).rank)
    moved_up = {issue_id for issue_id, at in session.execute(
        select(Escalation.issue_id, Escalation.escalated_at).where(Escalation.issue_id.in_(ids)))
        if at.date() >= deadlines[issue_id]}
    due: dict[int, LadderStep] = {}
    for issue_id, deadline in overdue:
        days = (today - deadline).days
        reached = [s for s in steps if s.days <= days]
        if not reached:
            continue
        step = reached[-1]
        taken = issue_id in moved_up if step.kind is None else strongest.get(issue_id, -1) >= step.kind.rank
        if not taken:
            due[issue_id] = step
    return due
