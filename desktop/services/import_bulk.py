"""Storing thousands of imported issues with bulk statements instead of one ORM object each.

A 10,000-row 问题台账 means 10,000 issues, 10,000 journal notes, their supporting-unit links and 20,000 audit
entries. Built as ORM objects that is ~50,000 instances and most of the import's time; as executemany INSERTs it is
a fraction. The few records the rows refer to (units, people, projects …) stay ORM objects, flushed first so their
ids are known. The audit entries the session hook would have written are written here, the same shape.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.db.models import AuditLog, Issue, IssueNote, Unit, issue_supporting_unit
from desktop.db.models.base import now

# Issue columns given as related objects while rows are collected; their ids are only known after the flush.
_REFERENCES = {"project": "project_id", "category": "category_id", "lead_unit": "lead_unit_id", "person": "person_id"}


@dataclass
class _Pending:
    row: int
    values: dict[str, Any]
    supporting: list[Unit]
    note: str


class BulkIssues:
    """Collects new issues during the row loop; `write` stores them and returns (table, id, source row)."""

    def __init__(self, operator: str, noted_on: date) -> None:
        self.operator = operator
        self.noted_on = noted_on
        self.pending: list[_Pending] = []

    def add(self, row: int, values: dict[str, Any], supporting: list[Unit], note: str) -> None:
        self.pending.append(_Pending(row, values, supporting, note))

    def write(self, session: Session) -> list[tuple[str, int, int]]:
        if not self.pending:
            return []
        session.flush()  # referenced units, people, projects … get their ids
        stamp = now()
        issue_rows = []
        for item in self.pending:
            values = {key: value for key, value in item.values.items() if key not in _REFERENCES}
            for key, column in _REFERENCES.items():
                obj = item.values.get(key)
                values[column] = obj.id if obj is not None else None
            issue_rows.append({**values, "uuid": uuid.uuid4(), "created_at": stamp, "updated_at": stamp, "version": 1})
        issue_ids = self._insert(session, Issue, issue_rows)
        note_rows = [
            {"issue_id": issue_id, "kind": "import", "noted_on": self.noted_on, "text": item.note,
             "operator": self.operator, "meeting_id": None, "uuid": uuid.uuid4(), "created_at": stamp,
             "updated_at": stamp, "version": 1}
            for issue_id, item in zip(issue_ids, self.pending, strict=True)
        ]
        note_ids = self._insert(session, IssueNote, note_rows)
        links = [{"issue_id": issue_id, "unit_id": unit.id}
                 for issue_id, item in zip(issue_ids, self.pending, strict=True) for unit in item.supporting]
        if links:
            session.execute(insert(issue_supporting_unit), links)
        self._audit(session, "issue", issue_ids, issue_rows, "description", stamp)
        self._audit(session, "issue_note", note_ids, note_rows, "text", stamp)
        created = [("issue", issue_id, item.row) for issue_id, item in zip(issue_ids, self.pending, strict=True)]
        created += [("issue_note", note_id, item.row) for note_id, item in zip(note_ids, self.pending, strict=True)]
        self.pending = []
        return created

    @staticmethod
    def _insert(session: Session, model: type[Issue] | type[IssueNote], rows: list[dict[str, Any]]) -> list[int]:
        """Plain executemany, then the new ids looked up by the UUIDs generated here.

        Not INSERT … RETURNING: on SQLite, RETURNING in a guaranteed order makes SQLAlchemy send one statement
        per row, which is most of the cost this module exists to avoid.
        """
        session.execute(insert(model.__table__), rows)
        ids: dict[uuid.UUID, int] = {}
        keys = [row["uuid"] for row in rows]
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            ids.update((row_uuid, row_id) for row_id, row_uuid in session.execute(
                select(model.id, model.uuid).where(model.uuid.in_(chunk))))
        return [ids[key] for key in keys]

    def _audit(self, session: Session, entity: str, ids: list[int], rows: list[dict[str, Any]], summary: str,
               at: datetime) -> None:
        session.execute(insert(AuditLog.__table__), [
            {"at": at, "operator": self.operator, "action": "create", "entity": entity, "entity_id": row_id,
             "entity_uuid": str(row["uuid"]), "field": None, "old_value": None,
             "new_value": str(row[summary])[:200]}
            for row_id, row in zip(ids, rows, strict=True)
        ])
