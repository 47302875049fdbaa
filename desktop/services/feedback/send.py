"""发出反馈表: one form per responsible unit with its open issues, and the round recorded as sent.

The round and its items are written in the same transaction as the files: if a file cannot be written, the round
is not recorded and the files already written are removed, so no unit holds a form the office has no record of.
"""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueStatus, MeetingType
from desktop.db.models import AuditLog, Decision, FeedbackItem, FeedbackRound, Issue, Meeting, Project, Unit
from desktop.db.models.base import now
from desktop.errors import UserError
from desktop.exporters.feedback_form import FormHeading, FormLine, write_form
from desktop.services import office_settings
from desktop.services.feedback import keys
from desktop.services.importing.bulk import _executemany as executemany
from desktop.services.journal import operator_of

OPEN_STATUSES = tuple(s.value for s in IssueStatus if s.is_open)
_LABELS = {s.value: s.label for s in IssueStatus}
# Reply time when the clerk names no deadline; an office may store its own under this key.
REPLY_DAYS_KEY = "feedback_reply_days"
DEFAULT_REPLY_DAYS = 7
_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass
class SentForm:
    unit: str
    path: Path
    items: int


@dataclass
class SendResult:
    round_name: str
    deadline: date
    forms: list[SentForm] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def items(self) -> int:
        return sum(form.items for form in self.forms)


def default_round_name(session: Session, today: date) -> str:
    """2026年12月第N轮: the next free number of the month."""
    prefix = f"{today.year}年{today.month}月第"
    taken = set(session.scalars(select(FeedbackRound.name).where(FeedbackRound.name.like(prefix + "%"))))
    number = 1
    while f"{prefix}{number}轮" in taken:
        number += 1
    return f"{prefix}{number}轮"


@dataclass
class SendChoices:
    """What the 发出反馈表 dialog proposes: the next round's name, the reply deadline, the units with open issues."""

    round_name: str
    deadline: date
    units: list[tuple[str, int]]  # (unit name, open issues it leads), in the office's unit order


def send_choices(session: Session, today: date) -> SendChoices:
    days = office_settings.get(session, REPLY_DAYS_KEY) or DEFAULT_REPLY_DAYS
    counts: dict[int, int] = {}
    for model in (Issue, Decision):
        for unit_id, count in session.execute(
                select(model.lead_unit_id, func.count()).where(model.status.in_(OPEN_STATUSES),
                                                               model.lead_unit_id.is_not(None))
                .group_by(model.lead_unit_id)).all():
            counts[unit_id] = counts.get(unit_id, 0) + count
    units = [(unit.name, counts[unit.id]) for unit in _units(session, None)]
    return SendChoices(default_round_name(session, today), today + timedelta(days=int(days)), units)


def form_file_name(unit: str, round_name: str) -> str:
    """单位_问题办理反馈表_轮次.xlsx, with the characters no file system takes replaced."""
    return _UNSAFE_FILE_CHARS.sub("_", f"{unit}_问题办理反馈表_{round_name}.xlsx")


def _units(session: Session, names: list[str] | None) -> list[Unit]:
    with_open = select(Issue.lead_unit_id).where(Issue.status.in_(OPEN_STATUSES), Issue.lead_unit_id.is_not(None)) \
        .union(select(Decision.lead_unit_id).where(Decision.status.in_(OPEN_STATUSES),
                                                   Decision.lead_unit_id.is_not(None)))
    if not names:
        return list(session.scalars(select(Unit).where(Unit.id.in_(with_open))
                                    .order_by(Unit.sort_order, Unit.name)))
    found: list[Unit] = []
    for name in names:
        text = name.strip()
        unit = session.scalars(select(Unit).where((Unit.name == text) | (Unit.short_name == text))).first()
        if unit is None:
            raise UserError(f"找不到单位“{text}”，请按单位名录中的名称填写。")
        if unit not in found:
            found.append(unit)
    return found


class _Open(NamedTuple):
    """One open issue or decided item as its form row needs it (read as plain columns into a tuple: a city's round
    is ~20,000 rows); `decision` tells which."""

    id: int
    uuid: uuid.UUID
    version: int
    values: dict[str, str]
    deadline: date | None = None
    decision: bool = False

    @property
    def order(self) -> tuple[bool, date, bool, int]:
        return self.deadline is None, self.deadline or date.min, self.decision, self.id


def _open_decisions(session: Session, units: list[Unit]) -> dict[int, list[_Open]]:
    """Per unit id, the open decided items it leads; the 问题 cell names the meeting they were decided at."""
    stmt = (select(Decision.id, Decision.uuid, Decision.version, Decision.lead_unit_id, Decision.text,
                   Decision.deadline, Decision.deadline_text, Decision.status, Project.name, Meeting.kind,
                   Meeting.year, Meeting.number)
            .join(Meeting, Meeting.id == Decision.meeting_id)
            .join(Project, Project.id == Decision.project_id, isouter=True)
            .where(Decision.lead_unit_id.in_([unit.id for unit in units]), Decision.status.in_(OPEN_STATUSES)))
    found: dict[int, list[_Open]] = {}
    for (decision_id, decision_uuid, version, unit_id, text, deadline, deadline_text, status, project, kind, year,
         number) in session.execute(stmt):
        shown = deadline_text or (deadline.isoformat() if deadline else "")
        said = f"议定事项（{year}年第{number}次{MeetingType(kind).label}）：{text}"
        found.setdefault(unit_id, []).append(_Open(decision_id, decision_uuid, version, {
            "项目": project or "", "问题": said, "完成时限": shown, "当前状态": _LABELS[status]},
            deadline, decision=True))
    return found


def _open_issues(session: Session, units: list[Unit], issue_ids: Collection[int] | None) -> dict[int, list[_Open]]:
    """Per unit id, its open issues, in one read (in no order: send_round sorts them with the decided items).

    Read through the session's connection: plain columns need none of the ORM's row handling, which was a third
    of this read for a city's 20,000 rows."""
    stmt = (select(Issue.id, Issue.uuid, Issue.version, Issue.lead_unit_id, Issue.description, Issue.deadline,
                   Issue.deadline_text, Issue.status, Project.name)
            .join(Project, Project.id == Issue.project_id, isouter=True)
            .where(Issue.lead_unit_id.in_([unit.id for unit in units]), Issue.status.in_(OPEN_STATUSES)))
    if issue_ids is not None:
        stmt = stmt.where(Issue.id.in_(list(issue_ids)))
    found: dict[int, list[_Open]] = {}
    session.flush()
    for issue_id, issue_uuid, version, unit_id, text, deadline, deadline_text, status, project in \
            session.connection().execute(stmt):
        shown = deadline_text or (deadline.isoformat() if deadline else "")
        found.setdefault(unit_id, []).append(_Open(issue_id, issue_uuid, version, {
            "项目": project or "", "问题": text, "完成时限": shown, "当前状态": _LABELS[status]}, deadline))
    return found


def new_round(session: Session, out_dir: Path, round_name: str, deadline: date | None,
              day: date) -> tuple[FeedbackRound, bytes, str]:
    """The round about to be sent (not yet added to the session), the office's form secret and name; refuses a
    name too long or already sent, a deadline before today, a missing output folder."""
    if len(round_name) > 64:
        raise UserError(f"轮次名称“{round_name}”过长（不超过64个字）。")
    if session.scalar(select(func.count()).select_from(FeedbackRound).where(FeedbackRound.name == round_name)):
        raise UserError(f"轮次“{round_name}”已经发出过，请换一个轮次名称。")
    if deadline is None:
        days = office_settings.get(session, REPLY_DAYS_KEY) or DEFAULT_REPLY_DAYS
        deadline = day + timedelta(days=int(days))
    if deadline < day:
        raise UserError(f"反馈截止日期 {deadline.isoformat()} 早于今天 {day.isoformat()}，请重新指定。")
    if not out_dir.is_dir():
        raise UserError(f"输出文件夹“{out_dir}”不存在。")
    secret = keys.office_secret(session, create=True)
    assert secret is not None
    office = str(office_settings.get(session, "office_name"))
    round_ = FeedbackRound(uuid=uuid.uuid4(), name=round_name, deadline=deadline, sent_on=day,
                           operator=operator_of(session), units=[])
    return round_, secret, office


def send_round(session: Session, out_dir: Path, *, units: list[str] | None = None, deadline: date | None = None,
               name: str | None = None, today: date | None = None,
               issue_ids: Collection[int] | None = None) -> SendResult:
    """Write the forms into `out_dir` and record the round in `session` (the caller's transaction).

    `issue_ids` limits the forms to those open issues (a 督办单's reply form lists the items it names only)."""
    day = today or date.today()
    round_, secret, office = new_round(session, out_dir, (name or "").strip() or default_round_name(session, day),
                                       deadline, day)
    round_name, deadline = round_.name, round_.deadline
    result = SendResult(round_name, deadline)
    chosen = _units(session, units)
    plans: list[tuple[Unit, list[_Open]]] = []
    open_issues = _open_issues(session, chosen, issue_ids)
    # A 督办单's reply form (`issue_ids`) lists its issues only; a round lists the unit's decided items as well.
    decisions = _open_decisions(session, chosen) if issue_ids is None else {}
    for unit in chosen:
        issues = sorted([*open_issues.get(unit.id, []), *decisions.get(unit.id, [])], key=lambda o: o.order)
        if not issues:
            result.notes.append(f"{unit.name}：没有未办结的问题或议定事项，未生成反馈表")
            continue
        plans.append((unit, issues))
    if not plans:
        raise UserError("所选单位都没有未办结的问题或议定事项，没有生成反馈表。")
    round_.units = [unit.name for unit, _issues in plans]
    session.add(round_)
    session.flush()
    written: list[Path] = []
    items: list[dict[str, object]] = []
    sign = keys.signer(round_.uuid, secret)
    try:
        for unit, issues in plans:
            target = out_dir / form_file_name(unit.name, round_name)
            if target.exists():
                raise UserError(f"文件“{target}”已存在，为免覆盖已发出的表格，请换一个输出文件夹。")
            lines = []
            for position, issue in enumerate(issues, start=1):
                values = issue.values
                items.append({"round_id": round_.id, "unit_id": unit.id, "recipient": None, "position": position,
                              "issue_id": None if issue.decision else issue.id,
                              "decision_id": issue.id if issue.decision else None, "project_id": None,
                              "issue_version": issue.version, "sent_values": values})
                key = sign(issue.uuid, issue.version)
                lines.append(FormLine(values["项目"], values["问题"], values["完成时限"], values["当前状态"], key))
            write_form(target, FormHeading(round_name, unit.name, deadline, office), lines)
            written.append(target)
            result.forms.append(SentForm(unit.name, target, len(issues)))
        insert_items(session, items)
        session.expire(round_, ["items"])
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return result


def insert_items(session: Session, items: list[dict[str, object]]) -> None:
    """The round's items as one executemany with their 操作日志 rows, the shape the session hook writes.

    A city's round is some 20,000 items; as ORM objects (with an audit entry each) their flush was most of the
    send's time (desktop/bench/feedback_round.py). Bookkeeping columns are filled as the column defaults would."""
    if not items:
        return
    stamp = now()
    rows = [{**item, "uuid": uuid.uuid4(), "created_at": stamp, "updated_at": stamp, "version": 1, "revision": 1}
            for item in items]
    if session.get_bind().dialect.name == "sqlite":
        executemany(session, FeedbackItem.__table__, rows)
    else:  # the driver-level path does not adapt JSON (sent_values) on PostgreSQL: SQLAlchemy's executemany does
        session.execute(FeedbackItem.__table__.insert(), rows)
    # One round, each issue and decided item once (uq_feedback_item_round_*): the new ids by record, in one read.
    found = {(issue_id, decision_id, project_id): item_id for issue_id, decision_id, project_id, item_id in
             session.execute(select(FeedbackItem.issue_id, FeedbackItem.decision_id, FeedbackItem.project_id,
                                    FeedbackItem.id).where(FeedbackItem.round_id == rows[0]["round_id"])).all()}
    ids = [found[(row["issue_id"], row["decision_id"], row["project_id"])] for row in rows]
    operator = str(session.info.get("operator") or "系统")
    executemany(session, AuditLog.__table__, [
        {"at": stamp, "operator": operator, "action": "create", "entity": FeedbackItem.__tablename__,
         "entity_id": row_id, "entity_uuid": str(row["uuid"]), "field": None, "old_value": None, "new_value": ""}
        for row_id, row in zip(ids, rows, strict=True)])
