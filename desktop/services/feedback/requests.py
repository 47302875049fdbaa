"""单位申请: what a unit's answer on a 反馈表 asks the office to decide, and the clerk's decision.

A unit's 已办结 does not resolve the record: 收取反馈 records it as a request (待确认办结) beside the life cycle,
and the record stays 办理中 until the clerk confirms it — then it is 已办结 on the day the unit reported — or
returns it with the reason. 申请延期 changes no deadline until approved (the new 完成时限 is the unit's 预计完成时间,
the old one is kept on the request and in the journal); 需上级协调 is escalated (流转, through the issue service) or
answered. Every decision is journalled on the record, logged by the audit hook with who decided, and can be undone
(`undo_decision`) while nobody has worked on the record since.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueLevel, IssueStatus, RequestKind, RequestState
from desktop.db.models import (
    Decision,
    DecisionNote,
    Escalation,
    FeedbackItem,
    FeedbackRequest,
    Issue,
    IssueNote,
)
from desktop.errors import NotFound, TransitionRefused
from desktop.services import tracking, undo_log
from desktop.services import validation as v
from desktop.services.importing.rows import json_value
from desktop.services.issues import actions as issues
from desktop.services.journal import cn_date, operator_of

KIND_OF_STATUS = {"已办结": RequestKind.DONE, "申请延期": RequestKind.EXTENSION,
                  "需上级协调": RequestKind.COORDINATION}
OPEN_CODES = (IssueStatus.NEW.value, IssueStatus.ASSIGNED.value, IssueStatus.PHASED.value)
# The record's fields a decision may change, put back by its undo.
FIELDS = ("status", "level", "deadline", "deadline_text", "latest_progress", "resolved_on")
NOTE_KIND = "request"  # journal entries of a decision (table_labels: 单位申请)
EXTEND_KIND = "extend"


def record_answer(session: Session, item: FeedbackItem, record: Issue | Decision, status: str | None,
                  expected: date | None, text: str | None, day: date, file_name: str) -> FeedbackRequest | None:
    """The request a collected answer makes, if any (called inside the collect's transaction).

    Only an open record asks anything: a unit's 已办结 on a record the office already resolved is journalled and
    nothing more. A pending request of the same kind on the same record is superseded by the newer answer."""
    kind = KIND_OF_STATUS.get(status or "")
    if kind is None or record.status not in OPEN_CODES:
        return None
    column = FeedbackRequest.issue_id if isinstance(record, Issue) else FeedbackRequest.decision_id
    for older in session.scalars(select(FeedbackRequest).where(column == record.id,
                                                               FeedbackRequest.kind == kind.value,
                                                               FeedbackRequest.state == RequestState.PENDING.value)):
        older.state = RequestState.SUPERSEDED.value
        older.decided_on = day
        older.decided_by = operator_of(session)
        older.answer = f"被“{file_name}”中的新申请取代"
    request = FeedbackRequest(item_id=item.id, unit_id=item.unit_id, kind=kind.value,
                              state=RequestState.PENDING.value, reported_on=day, unit_date=expected,
                              unit_text=text, file_name=file_name[:255])
    if isinstance(record, Issue):
        request.issue_id = record.id
    else:
        request.decision_id = record.id
    session.add(request)
    return request


@dataclass(frozen=True)
class RequestRow:
    """One request as the list (window, `keyproj feedback requests`) shows it."""

    id: int
    kind: str
    state: str
    unit: str
    round_name: str
    record_kind: str  # issue / decision
    record_id: int
    project: str
    text: str  # the problem or decided item
    status: str  # the record's current status label
    deadline: date | None  # the record's current 完成时限
    level: str  # the issue's current level label ("" for a decided item)
    unit_date: date | None
    unit_text: str
    reported_on: date
    file_name: str
    decided_on: date | None = None
    decided_by: str = ""
    answer: str = ""
    old_deadline: date | None = None

    @property
    def kind_label(self) -> str:
        return RequestKind(self.kind).label

    @property
    def state_label(self) -> str:
        return RequestState(self.state).label

    @property
    def pending(self) -> bool:
        return self.state == RequestState.PENDING.value

    @property
    def asks(self) -> str:
        """What the unit asks, in one line."""
        when = cn_date(self.unit_date) if self.unit_date else "未填写日期"
        body = f"：{self.unit_text}" if self.unit_text else ""
        if self.kind == RequestKind.DONE.value:
            return f"报告已办结（{when}）{body}"
        if self.kind == RequestKind.EXTENSION.value:
            return f"申请延期至{when}{body}"
        return f"需上级协调{body}"


def list_requests(session: Session, *, pending_only: bool = True, ids: list[int] | None = None) -> list[RequestRow]:
    """The requests, oldest first (pending ones: what awaits the clerk)."""
    stmt = select(FeedbackRequest).order_by(FeedbackRequest.reported_on, FeedbackRequest.id)
    if pending_only:
        stmt = stmt.where(FeedbackRequest.state == RequestState.PENDING.value)
    if ids is not None:
        stmt = stmt.where(FeedbackRequest.id.in_(ids))
    rows = []
    for request in session.scalars(stmt):
        record = request.record
        sent = request.item.sent_values or {}
        is_issue = isinstance(record, Issue)
        rows.append(RequestRow(
            request.id, request.kind, request.state, request.unit.name, request.item.round.name,
            "issue" if is_issue else "decision", record.id, str(sent.get("项目") or ""),
            record.description if isinstance(record, Issue) else record.text, IssueStatus(record.status).label,
            record.deadline, IssueLevel(record.level).label if isinstance(record, Issue) else "",
            request.unit_date, request.unit_text or "", request.reported_on, request.file_name, request.decided_on,
            request.decided_by or "", request.answer or "", request.old_deadline))
    return rows


def pending_issue_ids(session: Session) -> tuple[frozenset[int], frozenset[int]]:
    """(issues whose unit reported 已办结 awaiting confirmation, issues with any pending request): the table's
    待确认办结 mark and filters."""
    done, every = set(), set()
    for issue_id, kind in session.execute(select(FeedbackRequest.issue_id, FeedbackRequest.kind).where(
            FeedbackRequest.state == RequestState.PENDING.value, FeedbackRequest.issue_id.is_not(None))):
        every.add(issue_id)
        if kind == RequestKind.DONE.value:
            done.add(issue_id)
    return frozenset(done), frozenset(every)


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count(FeedbackRequest.id)).where(
        FeedbackRequest.state == RequestState.PENDING.value)) or 0


# --- decisions -------------------------------------------------------------------------------------------------
def _pending(session: Session, request_id: int, *kinds: RequestKind) -> FeedbackRequest:
    request = session.get(FeedbackRequest, request_id)
    if request is None:
        raise NotFound(f"找不到单位申请 {request_id}（keyproj feedback requests 列出待处理的申请）。")
    if request.state != RequestState.PENDING.value:
        raise TransitionRefused(f"单位申请 {request_id} 已处理（{RequestState(request.state).label}），不能再次处理。")
    if kinds and RequestKind(request.kind) not in kinds:
        raise TransitionRefused(f"单位申请 {request_id} 是“{RequestKind(request.kind).label}”，不能这样处理。")
    return request


def _what(record: Issue | Decision) -> str:
    return "该问题" if isinstance(record, Issue) else "该议定事项"


def _open(record: Issue | Decision, verb: str) -> None:
    if record.status not in OPEN_CODES:
        raise TransitionRefused(f"{_what(record)}已{IssueStatus(record.status).label}，不能{verb}。")


class _Change:
    """What a decision changes on its record, kept on the request for `undo_decision`."""

    def __init__(self, session: Session, request: FeedbackRequest) -> None:
        self.session = session
        self.request = request
        record = request.record
        self.values = {name: json_value(getattr(record, name, None)) for name in FIELDS if hasattr(record, name)}
        note_model = IssueNote if isinstance(record, Issue) else DecisionNote
        owner = note_model.issue_id if isinstance(record, Issue) else note_model.decision_id  # type: ignore[attr-defined]
        self.last_note = session.scalar(select(func.max(note_model.id)).where(owner == record.id)) or 0
        self.last_escalation = (session.scalar(select(func.max(Escalation.id)).where(
            Escalation.issue_id == record.id)) or 0) if isinstance(record, Issue) else 0

    def done(self, state: RequestState, answer: str | None, on: date | None) -> None:
        session, request = self.session, self.request
        session.flush()
        record = request.record
        request.state = state.value
        request.decided_on = on or date.today()
        request.decided_by = operator_of(session)
        request.answer = answer
        notes = [n.id for n in record.notes if n.id > self.last_note]
        escalations = [e.id for e in record.escalations if e.id > self.last_escalation] \
            if isinstance(record, Issue) else []
        request.undo = {"fields": self.values, "notes": notes, "escalations": escalations,
                        "version": record.version}
        session.flush()


def _source(request: FeedbackRequest) -> str:
    return f"{request.unit.name}反馈（{request.reported_on.isoformat()}，{request.file_name}）"


def confirm_done(session: Session, request_id: int, *, done_on: date | None = None,
                 on: date | None = None) -> FeedbackRequest:
    """确认办结: the record becomes 已办结 on the day the unit reported. When the unit wrote no date (or a date
    after today, which is no done date), the clerk gives the day the unit reports (`done_on`); nothing is made up."""
    request = _pending(session, request_id, RequestKind.DONE)
    record = request.record
    _open(record, "确认办结")
    today = on or date.today()
    reported = request.unit_date if request.unit_date is not None and request.unit_date <= today else None
    if reported is not None and done_on is not None and done_on != reported:
        raise v.ValidationError([v.Problem("办结日期", f"单位报告的办结日期为{cn_date(reported)}，"
                                                       "按单位报告的日期确认；如有出入请退回单位")])
    day = reported or done_on
    if day is None:
        written = f"（单位填写的{cn_date(request.unit_date)}晚于今天）" if request.unit_date else "（单位未填写）"
        raise v.ValidationError([v.Problem("办结日期", f"请填写单位报告的办结日期{written}")])
    if day > today:
        raise v.ValidationError([v.Problem("办结日期", "办结日期不能晚于今天")])
    change = _Change(session, request)
    body = f"：{request.unit_text}" if request.unit_text else ""
    tracking.resolve(session, record, f"确认{_source(request)}报告的办结{body}", on=day)
    change.done(RequestState.CONFIRMED, None, today)
    return request


def return_done(session: Session, request_id: int, reason: str, *, on: date | None = None) -> FeedbackRequest:
    """退回: the unit's 已办结 is not accepted; the record stays in hand (办理中) with the reason as its progress."""
    request = _pending(session, request_id, RequestKind.DONE)
    v.raise_if_any([v.required(reason, "退回原因")])
    record = request.record
    _open(record, "退回办结")
    change = _Change(session, request)
    tracking.add_progress(session, record, f"退回{_source(request)}报告的办结：{reason.strip()}，请继续办理", on=on)
    change.done(RequestState.RETURNED, reason.strip(), on)
    return request


def approve_extension(session: Session, request_id: int, *, on: date | None = None) -> FeedbackRequest:
    """同意延期: the new 完成时限 is the unit's 预计完成时间; the old one stays on the request and in the journal."""
    request = _pending(session, request_id, RequestKind.EXTENSION)
    record = request.record
    _open(record, "延期")
    new = request.unit_date
    if new is None:
        raise v.ValidationError([v.Problem("预计完成时间", "单位未填写预计完成时间，不能按申请延期；请不同意并说明，"
                                                          "或重新交办时限")])
    if isinstance(record, Issue):
        v.raise_if_any([v.not_before(new, record.found_on, "预计完成时间", "发现日期")])
    change = _Change(session, request)
    old, old_text = record.deadline, record.deadline_text
    request.old_deadline, request.old_deadline_text = old, old_text
    was = old_text or (cn_date(old) if old else "未定")
    record.deadline = new
    record.deadline_text = None
    tracking.journal(session, record, EXTEND_KIND,
                     f"同意延期：完成时限由{was}调整为{cn_date(new)}（{_source(request)}申请）", on)
    change.done(RequestState.APPROVED, None, on)
    return request


def refuse_extension(session: Session, request_id: int, reason: str, *, on: date | None = None) -> FeedbackRequest:
    request = _pending(session, request_id, RequestKind.EXTENSION)
    v.raise_if_any([v.required(reason, "不同意原因")])
    record = request.record
    change = _Change(session, request)
    asked = cn_date(request.unit_date) if request.unit_date else "未填写日期"
    keeps = record.deadline_text or (cn_date(record.deadline) if record.deadline else "未定")
    tracking.journal(session, record, NOTE_KIND, f"不同意{_source(request)}的延期申请（申请延期至{asked}）："
                     f"{reason.strip()}，完成时限仍为{keeps}", on)
    change.done(RequestState.REFUSED, reason.strip(), on)
    return request


def escalate(session: Session, request_id: int, to_level: str, reason: str | None = None, *,
             on: date | None = None) -> FeedbackRequest:
    """需上级协调 → 流转 to `to_level` through the issue service (only issues have levels). The reason defaults to
    what the unit asked, which is what the higher level is asked to coordinate."""
    request = _pending(session, request_id, RequestKind.COORDINATION)
    record = request.record
    if not isinstance(record, Issue):
        raise TransitionRefused("议定事项没有办理层级，不能流转；请答复该协调申请。")
    why = (reason or "").strip() or (f"{request.unit.name}申请上级协调：{request.unit_text}" if request.unit_text
                                     else "")
    v.raise_if_any([v.required(why, "流转原因")])
    change = _Change(session, request)
    issues.escalate(session, record.id, to_level, why, on=on)
    change.done(RequestState.ESCALATED, why, on)
    return request


def answer(session: Session, request_id: int, text: str, *, on: date | None = None) -> FeedbackRequest:
    """需上级协调 answered by the office itself (no 流转): the answer is the record's progress."""
    request = _pending(session, request_id, RequestKind.COORDINATION)
    v.raise_if_any([v.required(text, "答复内容")])
    record = request.record
    change = _Change(session, request)
    tracking.add_progress(session, record, f"答复{_source(request)}的协调申请：{text.strip()}", on=on)
    change.done(RequestState.ANSWERED, text.strip(), on)
    return request


STEP_LABELS = {RequestState.CONFIRMED: "确认办结", RequestState.RETURNED: "退回办结",
               RequestState.APPROVED: "同意延期", RequestState.REFUSED: "不同意延期",
               RequestState.ESCALATED: "流转协调申请", RequestState.ANSWERED: "答复协调申请"}


def _restored(record: Issue | Decision, name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in ("deadline", "resolved_on"):
        return date.fromisoformat(value)
    return value


def undo_decision(session: Session, request_id: int, *, on: date | None = None) -> FeedbackRequest:
    """Take a decision back: the record's fields as they were, the journal entries and 流转 it made withdrawn (the
    journal says so), the request pending again. Refused while someone has worked on the record since."""
    request = session.get(FeedbackRequest, request_id)
    if request is None:
        raise NotFound(f"找不到单位申请 {request_id}。")
    state = RequestState(request.state)
    if state not in STEP_LABELS or not request.undo:
        raise TransitionRefused(f"单位申请 {request_id} 尚未处理（{state.label}），没有可撤销的处理。")
    record = request.record
    kept = request.undo
    label = STEP_LABELS[state]
    if record.version != kept["version"]:
        raise TransitionRefused(f"{_what(record)}在“{label}”之后已有新的办理记录或修改，不能撤销，以免抹去后来的记录。")
    before = {name: getattr(record, name) for name in kept["fields"]}
    for name, value in kept["fields"].items():
        setattr(record, name, _restored(record, name, value))
    withdrawn = []
    for note in [n for n in record.notes if n.id in set(kept["notes"])]:
        withdrawn.append(note.text)
        record.notes.remove(note)
        session.delete(note)
    if isinstance(record, Issue):
        for esc in [e for e in record.escalations if e.id in set(kept["escalations"])]:
            withdrawn.append(f"流转 {IssueLevel(esc.from_level).label}→{IssueLevel(esc.to_level).label}")
            record.escalations.remove(esc)
            session.delete(esc)
    tracking.journal(session, record, "undo", f"撤销“{label}”" + (f"，撤回：{'；'.join(withdrawn)}" if withdrawn else ""),
                     on)
    after = {name: getattr(record, name) for name in kept["fields"]}
    undo_log.record(session, "undo", "issue" if isinstance(record, Issue) else "decision", record.id, label,
                    before, after, [("单位申请", state.label, RequestState.PENDING.label)])
    request.state = RequestState.PENDING.value
    request.decided_on = request.decided_by = request.answer = None
    request.old_deadline = request.old_deadline_text = None
    request.undo = None
    session.flush()
    return request
