"""Undo and redo of one issue step, as compensating changes through the session like any edit.

A snapshot records the issue's life-cycle fields, its supporting units, its version and the newest journal and
escalation ids. Undoing a step puts the fields back and withdraws the journal entries and escalations the step
made — never silently: the journal gets an entry of its own (撤销“添加进展”：… with the withdrawn text), the
session's audit hook logs every field and every deleted row, and `undo_log` writes the 操作日志 row that says it
was an undo, of what, from what to what. Redo runs the step again and writes its own 重做 row.

A step can only be undone or redone while the issue is as that step (or its undo) left it — the same fields,
supporting units, journal entries and escalations, not counting the 撤销 entries themselves: when someone has
worked on it since (a new progress entry from another window, a colleague's edit on the shared server) the undo is
refused, so it can never take away what someone else recorded. 撤销 entries are never withdrawn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.enums import IssueLevel
from desktop.db.models import Escalation, Issue, IssueNote, Unit
from desktop.errors import TransitionRefused
from desktop.services import tracking, undo_log
from desktop.services.journal import get_or_fail
from desktop.services.table_labels import note_kind_label

FIELDS = ("description", "category_id", "found_by", "found_on", "project_id", "source", "status", "level",
          "lead_unit_id", "person_id", "deadline", "deadline_text", "latest_progress", "phased_plan", "resolved_on",
          "closed_on", "feedback", "feedback_reason")


UNDO_KIND = "undo"


@dataclass(frozen=True)
class IssueSnapshot:
    issue_id: int
    values: tuple[tuple[str, object], ...]
    supporting_unit_ids: tuple[int, ...]
    last_note_id: int
    last_escalation_id: int
    journal: tuple[tuple[str, date, str], ...] = ()  # (kind, day, text) of every entry but the 撤销 ones
    path: tuple[tuple[str, str, str], ...] = ()  # (from, to, reason) of every escalation

    def value(self, name: str) -> object:
        return dict(self.values)[name]

    def same_state(self, other: IssueSnapshot) -> bool:
        """The issue reads the same in both: a redone step's entries are new rows with the same content."""
        return (self.values, self.supporting_unit_ids, self.journal, self.path) == (
            other.values, other.supporting_unit_ids, other.journal, other.path)


def snapshot(session: Session, issue_id: int) -> IssueSnapshot:
    issue = get_or_fail(session, Issue, issue_id, "问题")
    last_note = session.scalar(select(func.max(IssueNote.id)).where(IssueNote.issue_id == issue_id)) or 0
    last_esc = session.scalar(select(func.max(Escalation.id)).where(Escalation.issue_id == issue_id)) or 0
    return IssueSnapshot(
        issue_id=issue_id,
        values=tuple((name, getattr(issue, name)) for name in FIELDS),
        supporting_unit_ids=tuple(sorted(u.id for u in issue.supporting_units)),
        last_note_id=last_note,
        last_escalation_id=last_esc,
        journal=tuple((n.kind, n.noted_on, n.text) for n in issue.notes if n.kind != UNDO_KIND),
        path=tuple((e.from_level, e.to_level, e.reason) for e in issue.escalations),
    )


def restore(session: Session, snap: IssueSnapshot) -> Issue:
    """Bring the issue's fields back to `snap`; later journal entries and escalations are deleted (logged by the
    audit hook). `undo_step` adds the journal entry that tells of it."""
    issue = get_or_fail(session, Issue, snap.issue_id, "问题")
    for name, value in snap.values:
        if getattr(issue, name) != value:
            setattr(issue, name, value)
    current = sorted(u.id for u in issue.supporting_units)
    if tuple(current) != snap.supporting_unit_ids:
        ids = list(snap.supporting_unit_ids)
        issue.supporting_units = list(session.scalars(select(Unit).where(Unit.id.in_(ids)))) if ids else []
    for note in list(issue.notes):
        if note.id > snap.last_note_id and note.kind != UNDO_KIND:
            issue.notes.remove(note)
            session.delete(note)
    for esc in list(issue.escalations):
        if esc.id > snap.last_escalation_id:
            issue.escalations.remove(esc)
            session.delete(esc)
    session.flush()
    return issue


def _refuse_if_changed(session: Session, expected: IssueSnapshot, verb: str, label: str) -> IssueSnapshot:
    current = snapshot(session, expected.issue_id)
    if not current.same_state(expected):
        raise TransitionRefused(f"该问题在“{label}”之后已有新的办理记录或修改，不能{verb}，以免抹去后来的记录。")
    return current


def _units_text(session: Session, ids: tuple[int, ...]) -> str:
    if not ids:
        return ""
    return "、".join(session.scalars(select(Unit.name).where(Unit.id.in_(list(ids))).order_by(Unit.name)))


def _withdrawn(issue: Issue, snap: IssueSnapshot) -> tuple[list[str], list[str]]:
    notes = [f"[{note_kind_label(n.kind)}]{n.noted_on.isoformat()} {n.text}" for n in issue.notes
             if n.id > snap.last_note_id and n.kind != UNDO_KIND]
    escalations = [f"{IssueLevel(e.from_level).label}→{IssueLevel(e.to_level).label}：{e.reason}"
                   for e in issue.escalations if e.id > snap.last_escalation_id]
    return notes, escalations


def undo_step(session: Session, label: str, before: IssueSnapshot, after: IssueSnapshot, *,
              on: date | None = None) -> IssueSnapshot:
    """Undo the step `label` that took the issue from `before` to `after`; returns the state the undo left."""
    current = _refuse_if_changed(session, after, "撤销", label)
    issue = get_or_fail(session, Issue, before.issue_id, "问题")
    notes, escalations = _withdrawn(issue, before)
    extra = []
    if current.supporting_unit_ids != before.supporting_unit_ids:
        extra.append(("配合单位", _units_text(session, current.supporting_unit_ids),
                      _units_text(session, before.supporting_unit_ids)))
    if notes:
        extra.append(("办理进展", "；".join(notes), "已撤回（办理进展中留有撤销记录）"))
    if escalations:
        extra.append(("流转记录", "；".join(escalations), "已撤回"))
    restore(session, before)
    withdrawn = "；".join(notes + [f"流转 {e}" for e in escalations])
    tracking.journal(session, issue, UNDO_KIND, f"撤销“{label}”" + (f"，撤回：{withdrawn}" if withdrawn else ""), on)
    undo_log.record(session, "undo", "issue", issue.id, label, dict(current.values), dict(before.values), extra)
    session.flush()
    return snapshot(session, issue.id)


def redo_step(session: Session, label: str, step: Callable[[Session], object],
              expected: IssueSnapshot) -> tuple[IssueSnapshot, IssueSnapshot]:
    """Run `step` again on an issue still as its undo left it; returns the (before, after) snapshots."""
    before = _refuse_if_changed(session, expected, "重做", label)
    step(session)
    session.flush()
    after = snapshot(session, before.issue_id)
    issue = get_or_fail(session, Issue, before.issue_id, "问题")
    added = [f"[{note_kind_label(n.kind)}]{n.noted_on.isoformat()} {n.text}" for n in issue.notes
             if n.id > before.last_note_id and n.kind != UNDO_KIND]
    extra = [("办理进展", "", "；".join(added))] if added else []
    if after.supporting_unit_ids != before.supporting_unit_ids:
        extra.append(("配合单位", _units_text(session, before.supporting_unit_ids),
                      _units_text(session, after.supporting_unit_ids)))
    undo_log.record(session, "redo", "issue", issue.id, label, dict(before.values), dict(after.values), extra)
    return before, after


def delete_new_issue(session: Session, issue_id: int) -> None:
    """Undo of 新增问题: only while nobody has worked on it since (one journal entry per step it went through).
    The deletion is logged row by row by the audit hook, and this undo by its own row."""
    issue = get_or_fail(session, Issue, issue_id, "问题")
    if issue.escalations or any(n.kind not in ("found", "assign") for n in issue.notes):
        raise TransitionRefused("该问题新增后已有办理记录，不能撤销新增；如确属误录，请办结并在进展中注明。")
    undo_log.record(session, "undo", "issue", issue.id, "新增问题", {"description": issue.description},
                    {"description": None}, [("记录", "已登记", "已删除")])
    for note in list(issue.notes):
        session.delete(note)
    session.delete(issue)
    session.flush()


def record_new_issue_redo(session: Session, issue: Issue) -> None:
    """Redo of 新增问题 enters the issue again (a new record, with its own number)."""
    undo_log.record(session, "redo", "issue", issue.id, "新增问题", {"description": None},
                    {"description": issue.description}, [("记录", "", "重新登记")])
