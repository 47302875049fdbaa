"""Which rows go into a package: the scope's own rows, their dependent records, and everything they point at.

A package must stand alone in a database that has never seen the sender's data, so after the scope picks its
rows (a task force's projects, a leader's projects, a unit's issues, or what changed since the last package to a
recipient), every row they reference is added until nothing is missing: an issue brings its project, units,
people and category; a unit brings its parent units.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.db.models import AuditLog, ExchangeRecord, issue_supporting_unit
from desktop.services.exchange import codec


class ScopeKind(StrEnum):
    ALL = "all"
    TASK_FORCE = "task_force"
    LEADER = "leader"
    UNIT = "unit"
    SINCE_LAST = "since_last"


SCOPE_LABELS = {
    ScopeKind.ALL: "全部数据",
    ScopeKind.TASK_FORCE: "某专班的项目",
    ScopeKind.LEADER: "某领导包保的项目",
    ScopeKind.UNIT: "某单位负责的问题",
    ScopeKind.SINCE_LAST: "上次发给该单位以来的变动",
}

# Records that belong to a parent and travel with it when the scope picks the parent.
CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "project": (("assignment", "project_id"), ("milestone", "project_id"), ("investment_report", "project_id"),
                ("issue", "project_id"), ("visit", "project_id"), ("decision", "project_id")),
    "issue": (("issue_note", "issue_id"), ("escalation", "issue_id")),
    "decision": (("decision_note", "decision_id"),),
    "meeting": (("agenda_item", "meeting_id"), ("decision", "meeting_id")),
}


@dataclass(frozen=True)
class ExportScope:
    kind: ScopeKind = ScopeKind.ALL
    ref_id: int | None = None

    def as_dict(self, ref_name: str | None = None) -> dict[str, Any]:
        return {"kind": self.kind.value, "label": SCOPE_LABELS[self.kind], "ref_name": ref_name}


@dataclass
class Selection:
    rows: dict[str, dict[int, dict[str, Any]]]  # entity → local id → wire row
    since: datetime | None
    since_audit_id: int | None  # changes are those with a later audit entry: exact, whatever the clock does

    def count(self) -> int:
        return sum(len(r) for r in self.rows.values())


def last_sent(session: Session, recipient: str) -> ExchangeRecord | None:
    return session.scalars(
        select(ExchangeRecord).where(ExchangeRecord.direction == "sent", ExchangeRecord.peer_name == recipient)
        .order_by(ExchangeRecord.id.desc()).limit(1)
    ).first()


def select_rows(session: Session, scope: ExportScope, *, recipient: str | None, today: date,
                index: codec.UuidIndex) -> Selection:
    previous = last_sent(session, recipient) if scope.kind is ScopeKind.SINCE_LAST and recipient else None
    seeds = _seeds(session, scope, today, previous, index)
    if scope.kind not in (ScopeKind.ALL, ScopeKind.SINCE_LAST):
        _add_children(session, seeds)
    _add_attachments(session, seeds)
    rows = _close_over_references(session, seeds, index)
    return Selection(rows, previous.at if previous else None, previous.audit_high_water if previous else None)


def _ids(session: Session, entity: str, *conditions: Any) -> set[int]:
    table = codec.table_for(entity)
    return set(session.scalars(select(table.c.id).where(*conditions)).all())


def _seeds(session: Session, scope: ExportScope, today: date, previous: ExchangeRecord | None,
           index: codec.UuidIndex) -> dict[str, set[int]]:
    seeds: dict[str, set[int]] = {entity: set() for entity in codec.ENTITY_ORDER}
    kind, ref = scope.kind, scope.ref_id
    if kind is ScopeKind.ALL or (kind is ScopeKind.SINCE_LAST and previous is None):
        for entity in codec.ENTITY_ORDER:
            seeds[entity] = _ids(session, entity)
        return seeds
    if kind is ScopeKind.SINCE_LAST and previous is not None:
        touched = _audited_since(session, previous.audit_high_water or 0)
        for entity in codec.ENTITY_ORDER:
            known = index.by_uuid[entity]
            seeds[entity] = {known[u] for u in touched.get(entity, ()) if u in known}
        return seeds
    project = codec.table_for("project")
    if kind is ScopeKind.TASK_FORCE:
        seeds["task_force"] = {ref or 0}
        seeds["project"] = _ids(session, "project", project.c.task_force_id == ref)
    elif kind is ScopeKind.LEADER:
        assignment = codec.table_for("assignment")
        seeds["leader"] = {ref or 0}
        seeds["project"] = set(session.scalars(
            select(assignment.c.project_id).where(
                assignment.c.leader_id == ref, assignment.c.start_date <= today,
                or_(assignment.c.end_date.is_(None), assignment.c.end_date >= today))
        ).all())
    elif kind is ScopeKind.UNIT:
        issue = codec.table_for("issue")
        seeds["unit"] = {ref or 0}
        supported = select(issue_supporting_unit.c.issue_id).where(issue_supporting_unit.c.unit_id == ref)
        seeds["issue"] = _ids(session, "issue", or_(issue.c.lead_unit_id == ref, issue.c.id.in_(supported)))
    return seeds


def _audited_since(session: Session, audit_id: int) -> dict[str, set[str]]:
    """Rows created or changed after audit entry `audit_id` (merged-in changes included: the peer lacks them)."""
    found: dict[str, set[str]] = {}
    stmt = select(AuditLog.entity, AuditLog.entity_uuid).where(
        AuditLog.id > audit_id, AuditLog.action != "delete", AuditLog.entity.in_(codec.ENTITY_ORDER)
    )
    for entity, row_uuid in session.execute(stmt).all():
        if row_uuid:
            found.setdefault(entity, set()).add(row_uuid)
    return found


def _add_children(session: Session, seeds: dict[str, set[int]]) -> None:
    for parent in codec.ENTITY_ORDER:  # parents come first, so grandchildren are reached in one pass
        for child, column in CHILDREN.get(parent, ()):
            if seeds[parent]:
                table = codec.table_for(child)
                seeds[child] |= _ids(session, child, table.c[column].in_(sorted(seeds[parent])))


def _add_attachments(session: Session, seeds: dict[str, set[int]]) -> None:
    table = codec.table_for("attachment")
    for owner_table, owner_id, row_id in session.execute(select(table.c.owner_table, table.c.owner_id, table.c.id)):
        if owner_id in seeds.get(owner_table, ()):
            seeds["attachment"].add(row_id)


def _close_over_references(session: Session, seeds: dict[str, set[int]], index: codec.UuidIndex
                           ) -> dict[str, dict[int, dict[str, Any]]]:
    rows: dict[str, dict[int, dict[str, Any]]] = {entity: {} for entity in codec.ENTITY_ORDER}
    pending = {entity: set(ids) for entity, ids in seeds.items() if ids}
    while pending:
        wanted: dict[str, set[int]] = {}
        for entity, ids in pending.items():
            fresh = ids - set(rows[entity])
            if not fresh:
                continue
            loaded = codec.read_rows(session, entity, index, fresh)
            rows[entity].update(loaded)
            for row in loaded.values():
                for target, target_uuid in codec.references(entity, row):
                    target_id = index.by_uuid.get(target, {}).get(target_uuid)
                    if target_id is not None and target_id not in rows[target]:
                        wanted.setdefault(target, set()).add(target_id)
        pending = wanted
    return rows
