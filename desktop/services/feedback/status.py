"""反馈情况: per round, which units replied, when, how many items they updated, and who is late."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.db.models import FeedbackItem, FeedbackRound
from desktop.db.models.feedback import INVESTMENT_KIND, ISSUE_KIND

# What a round's forms are called, by its kind (notices and the 反馈情况 view name them).
FORM_NAMES = {ISSUE_KIND: "问题办理反馈表", INVESTMENT_KIND: "投资进度填报表"}


@dataclass
class UnitState:
    unit: str
    items: int
    replied_on: date | None = None
    # Items whose answer was taken (each counted once, however many files brought it).
    items_updated: int = 0
    files: int = 0
    late: bool = False

    @property
    def label(self) -> str:
        if self.replied_on is None:
            return "逾期未报" if self.late else "未报"
        return "逾期报送" if self.late else "已报"


@dataclass
class RoundState:
    name: str
    sent_on: date
    deadline: date
    units: list[UnitState] = field(default_factory=list)
    kind: str = ISSUE_KIND

    @property
    def form_name(self) -> str:
        return FORM_NAMES.get(self.kind, FORM_NAMES[ISSUE_KIND])

    @property
    def replied(self) -> int:
        return sum(1 for u in self.units if u.replied_on is not None)

    @property
    def late_units(self) -> list[str]:
        return [u.unit for u in self.units if u.replied_on is None and u.late]


def round_states(session: Session, today: date | None = None) -> list[RoundState]:
    """Every round, newest first. A unit is late when it has not replied by the deadline, or replied after it."""
    day = today or date.today()
    rounds = session.scalars(select(FeedbackRound).order_by(FeedbackRound.id.desc()).options(
        selectinload(FeedbackRound.items), selectinload(FeedbackRound.replies))).all()
    states = []
    for round_ in rounds:
        state = RoundState(round_.name, round_.sent_on, round_.deadline, kind=round_.kind)
        # By addressee: a unit, or the project owner an investment round went to (migration 0031).
        by_unit: dict[tuple[int | None, str | None], UnitState] = {}
        for item in round_.items:
            key = (item.unit_id, item.recipient)
            if key not in by_unit:
                by_unit[key] = UnitState(item.addressee, 0)
            by_unit[key].items += 1
            if item.answer_sha256 is not None:
                by_unit[key].items_updated += 1
        for reply in round_.replies:
            unit = by_unit.get((reply.unit_id, reply.recipient))
            if unit is None:
                continue
            unit.files += 1
            if unit.replied_on is None or reply.received_on < unit.replied_on:
                unit.replied_on = reply.received_on
        for unit in by_unit.values():
            unit.late = (unit.replied_on or day) > round_.deadline
        state.units = list(by_unit.values())
        states.append(state)
    return states


@dataclass(frozen=True)
class DueReply:
    """One unit's part of one round whose reply deadline has come: answered by it, late, or not at all, and how
    many of the items sent to it the unit updated (answers taken by 收取反馈)."""

    round_name: str
    unit_id: int
    unit: str
    deadline: date
    replied_on: date | None  # the first file taken from the unit for the round
    items: int = 0  # items (issues and decided items) on the unit's form
    items_updated: int = 0  # of them, with an answer taken

    @property
    def on_time(self) -> bool:
        return self.replied_on is not None and self.replied_on <= self.deadline

    @property
    def label(self) -> str:
        if self.replied_on is None:
            return "逾期未报"
        return "按时报送" if self.on_time else "逾期报送"


def _due_rounds(session: Session, start: date, end: date) -> list[FeedbackRound]:
    """The 问题办理反馈表 rounds whose reply deadline fell in start..end: what both figures (及时率, items updated)
    count over — the 通报 names them as such; 投资进度填报 rounds have their own late list."""
    return list(session.scalars(select(FeedbackRound).where(FeedbackRound.deadline.between(start, end),
                                                            FeedbackRound.kind == ISSUE_KIND)
                                .order_by(FeedbackRound.deadline, FeedbackRound.id).options(
        selectinload(FeedbackRound.items).selectinload(FeedbackItem.unit),
        selectinload(FeedbackRound.replies))).all())


def due_replies(session: Session, start: date, end: date, unit_id: int | None = None) -> list[DueReply]:
    """Every (round, unit) whose deadline fell in start..end, in deadline order: what 反馈及时率 and the items
    updated per unit are counted over, on the dashboard and in the 通报 alike. A round not yet due counts for
    nothing; a late answer counts as due, not on time."""
    found: list[DueReply] = []
    for round_ in _due_rounds(session, start, end):
        first: dict[int, date] = {}
        for reply in round_.replies:
            if reply.unit_id is None:
                continue
            if reply.unit_id not in first or reply.received_on < first[reply.unit_id]:
                first[reply.unit_id] = reply.received_on
        units: dict[int, str] = {}
        items: dict[int, list[int]] = {}
        for item in round_.items:
            if item.unit is None:  # a project owner, not a unit: not in the units' 及时率 (see round_states)
                continue
            units.setdefault(item.unit_id, item.unit.name)
            tally = items.setdefault(item.unit_id, [0, 0])
            tally[0] += 1
            tally[1] += int(item.answer_sha256 is not None)
        for uid, name in units.items():
            if unit_id is None or uid == unit_id:
                found.append(DueReply(round_.name, uid, name, round_.deadline, first.get(uid), *items[uid]))
    return found


@dataclass(frozen=True)
class UpdatedItem:
    """One item of a due round whose answer was taken: a row of the dashboard's drill-down."""

    item_id: int
    round_name: str
    unit: str
    project: str
    text: str
    deadline: date


def updated_items(session: Session, start: date, end: date, unit_id: int | None = None,
                  unit: str | None = None) -> list[UpdatedItem]:
    """The items behind `DueReply.items_updated`, from the same rounds, in the office's unit order of the round."""
    found = []
    for round_ in _due_rounds(session, start, end):
        for item in round_.items:
            if item.answer_sha256 is None or item.unit is None or (unit_id is not None and item.unit_id != unit_id) \
                    or (unit is not None and item.unit.name != unit):
                continue
            sent = item.sent_values or {}
            found.append(UpdatedItem(item.id, round_.name, item.unit.name, str(sent.get("项目") or ""),
                                     str(sent.get("问题") or ("投资进度填报" if item.project_id else "")),
                                     round_.deadline))
    return found


@dataclass(frozen=True)
class Tally:
    """One unit's rounds due in a period: how many, answered by the deadline, items sent and items updated."""

    due: int = 0
    on_time: int = 0
    items: int = 0
    updated: int = 0


def timeliness(session: Session, start: date, end: date) -> dict[int, Tally]:
    """Per unit id: the rounds whose deadline fell in start..end, of them answered by the deadline, and the items
    on those forms with the ones the unit updated — what a 通报 ranks units by (see due_replies)."""
    tally: dict[int, list[int]] = {}
    for due in due_replies(session, start, end):
        entry = tally.setdefault(due.unit_id, [0, 0, 0, 0])
        entry[0] += 1
        entry[1] += int(due.on_time)
        entry[2] += due.items
        entry[3] += due.items_updated
    return {unit_id: Tally(*values) for unit_id, values in tally.items()}
