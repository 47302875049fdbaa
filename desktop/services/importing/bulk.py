"""Storing thousands of imported issues with bulk statements instead of one ORM object each.

A 10,000-row 问题台账 means 10,000 issues, 10,000 journal notes, their supporting-unit links and 20,000 audit
entries. Built as ORM objects that is ~50,000 instances and most of the import's time; as executemany INSERTs it is
a fraction. The few records the rows refer to (units, people, projects …) stay ORM objects, flushed first so their
ids are known. The audit entries the session hook would have written are written here, the same shape.

Each executemany runs under a savepoint. When the database refuses it (a CHECK, NOT NULL or type rule no reader
check foresaw), the same rows are tried one at a time to find the sheet row the database refuses, which
`BulkRefused` names; the import is refused as a whole either way (apply.py rolls everything back).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, inspect, select
from sqlalchemy import types as sa_types
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from desktop.db.models import Assignment, AuditLog, Issue, IssueNote, Project, Unit, issue_supporting_unit
from desktop.db.models.base import RowMixin, now

# Issue columns given as related objects while rows are collected; their ids are only known after the flush.
_REFERENCES = {"project": "project_id", "category": "category_id", "lead_unit": "lead_unit_id", "person": "person_id"}
# Issues written per executemany round (with their notes and audit rows): bounds the write's memory.
WRITE_CHUNK = 2_000


class BulkRefused(Exception):
    """The database refused a bulk-written record: the refusal, the sheet row it came from (第5行, or
    工作表“专班二”第5行; empty when no single row is refused on its own) and the table and column when the
    database names one."""

    def __init__(self, cause: IntegrityError | DataError, where: str, table: str, column: str | None) -> None:
        super().__init__(str(cause))
        self.cause = cause
        self.where = where
        self.table = table
        self.column = column


@dataclass
class _Pending:
    row: int
    values: dict[str, Any]
    supporting: list[Unit]
    note: str
    where: str = ""


class BulkIssues:
    """Collects new issues during the row loop; `write` stores them and returns (table, id, source row)."""

    def __init__(self, operator: str, noted_on: date) -> None:
        self.operator = operator
        self.noted_on = noted_on
        self.pending: list[_Pending] = []
        self.deferred: list[tuple[RowMixin, int, str]] = []

    def defer(self, obj: object, row: int, where: str = "") -> None:
        """A new project or assignment, stored in bulk before the issues that refer to it."""
        assert isinstance(obj, RowMixin)
        self.deferred.append((obj, row, where))

    def add(self, row: int, values: dict[str, Any], supporting: list[Unit], note: str, where: str = "") -> None:
        self.pending.append(_Pending(row, values, supporting, note, where))

    def write(self, session: Session) -> list[tuple[str, int, int]]:
        if not self.pending and not self.deferred:
            return []
        session.flush()  # referenced units, people, leaders … get their ids
        stamp = now()
        created = self._write_deferred(session, stamp)
        if not self.pending:
            return created
        for start in range(0, len(self.pending), WRITE_CHUNK):
            created += self._write_issues(session, self.pending[start:start + WRITE_CHUNK], stamp)
        self.pending = []
        return created

    def _write_issues(self, session: Session, pending: list[_Pending], stamp: datetime) -> list[tuple[str, int, int]]:
        """One chunk of issues with their notes, supporting units and 操作日志 rows. Chunked so that the rows
        built for the driver (issue, note and audit dictionaries and their tuples) exist for a few thousand issues
        at a time, not for a whole 50,000-row ledger at once."""
        created: list[tuple[str, int, int]] = []
        issue_rows = []
        for item in pending:
            values = {key: value for key, value in item.values.items() if key not in _REFERENCES}
            for key, column in _REFERENCES.items():
                obj = item.values.get(key)
                values[column] = obj.id if obj is not None else None
            issue_rows.append({**values, "uuid": uuid.uuid4(), "created_at": stamp, "updated_at": stamp, "version": 1})
        wheres = [item.where for item in pending]
        issue_ids = self._insert(session, Issue, issue_rows, wheres)
        note_rows = [
            {"issue_id": issue_id, "kind": "import", "noted_on": self.noted_on, "text": item.note,
             "operator": self.operator, "meeting_id": None, "uuid": uuid.uuid4(), "created_at": stamp,
             "updated_at": stamp, "version": 1}
            for issue_id, item in zip(issue_ids, pending, strict=True)
        ]
        note_ids = self._insert(session, IssueNote, note_rows, wheres)
        pairs = [({"issue_id": issue_id, "unit_id": unit.id}, item.where)
                 for issue_id, item in zip(issue_ids, pending, strict=True) for unit in item.supporting]
        if pairs:
            _checked(session, issue_supporting_unit, [link for link, _ in pairs], [where for _, where in pairs])
        self._audit(session, "issue", issue_ids, issue_rows, "description", stamp, wheres)
        self._audit(session, "issue_note", note_ids, note_rows, "text", stamp, wheres)
        created += [("issue", issue_id, item.row) for issue_id, item in zip(issue_ids, pending, strict=True)]
        created += [("issue_note", note_id, item.row) for note_id, item in zip(note_ids, pending, strict=True)]
        return created

    def _write_deferred(self, session: Session, stamp: datetime) -> list[tuple[str, int, int]]:
        """Insert the deferred projects, then their assignments (which need the projects' ids)."""
        created: list[tuple[str, int, int]] = []
        for model in (Project, Assignment):
            objects = [(obj, row, where) for obj, row, where in self.deferred if isinstance(obj, model)]
            if not objects:
                continue
            rows = [_row_of(obj, stamp) for obj, _row, _where in objects]
            wheres = [where for _obj, _row, where in objects]
            ids = self._insert(session, model, rows, wheres)
            for (obj, row, _where), row_id in zip(objects, ids, strict=True):
                obj.id = row_id  # transient object: the id is all the issue rows need from it
                obj.version = 1
                created.append((model.__tablename__, row_id, row))
            summary = "name" if model is Project else "role"
            self._audit(session, model.__tablename__, ids, rows, summary, stamp, wheres)
        self.deferred = []
        return created

    @staticmethod
    def _insert(session: Session, model: type[RowMixin], rows: list[dict[str, Any]], wheres: list[str]) -> list[int]:
        """Plain executemany, then the new ids looked up by the UUIDs generated here.

        Not INSERT … RETURNING: on SQLite, RETURNING in a guaranteed order makes SQLAlchemy send one statement
        per row, which is most of the cost this module exists to avoid.
        """
        _checked(session, model.__table__, rows, wheres)
        ids: dict[uuid.UUID, int] = {}
        keys = [row["uuid"] for row in rows]
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            ids.update((row_uuid, row_id) for row_id, row_uuid in session.execute(
                select(model.id, model.uuid).where(model.uuid.in_(chunk))))
        return [ids[key] for key in keys]

    def _audit(self, session: Session, entity: str, ids: list[int], rows: list[dict[str, Any]], summary: str,
               at: datetime, wheres: list[str]) -> None:
        _checked(session, AuditLog.__table__, [
            {"at": at, "operator": self.operator, "action": "create", "entity": entity, "entity_id": row_id,
             "entity_uuid": str(row["uuid"]), "field": None, "old_value": None,
             "new_value": str(row[summary])[:200]}
            for row_id, row in zip(ids, rows, strict=True)
        ], wheres)


def _processor(column_type: Any, dialect: Any) -> Any:
    """The column type's bind processor; for JSON on psycopg (which adapts JSON itself inside SQLAlchemy's own
    execute, so it has none) the text of the value, which PostgreSQL casts to json."""
    processor = column_type.bind_processor(dialect)
    if processor is None and isinstance(column_type, sa_types.JSON):
        return lambda value: json.dumps(value, ensure_ascii=False)
    return processor


def _checked(session: Session, table: Table, rows: list[dict[str, Any]], wheres: list[str]) -> None:
    """`_executemany` under a savepoint; refused, the rows are tried one by one (each under its own savepoint)
    so that `BulkRefused` names the first sheet row the database refuses. Only on that error path: a refused
    import is rolled back as a whole, the single-row tries included."""
    if not rows:
        return
    try:
        with session.begin_nested():
            _executemany(session, table, rows)
        return
    except (IntegrityError, DataError) as exc:
        refused: IntegrityError | DataError = exc
    for row, where in zip(rows, wheres, strict=True):
        try:
            with session.begin_nested():
                _executemany(session, table, [row])
        except (IntegrityError, DataError) as exc:
            raise BulkRefused(exc, where, table.name, _column(exc, table)) from exc
    raise BulkRefused(refused, "", table.name, _column(refused, table)) from refused


def _column(exc: IntegrityError | DataError, table: Table) -> str | None:
    """The column the database names in its refusal, if any: PostgreSQL's diagnostics, SQLite's
    "NOT NULL constraint failed: issue.description"."""
    diag = getattr(exc.orig, "diag", None)
    name = getattr(diag, "column_name", None)
    if name:
        return str(name)
    text = str(exc.orig)
    for column in table.columns:
        if f"{table.name}.{column.name}" in text:
            return column.name
    return None


def _executemany(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """One driver-level executemany, values converted by each column type's own bind processor.

    SQLAlchemy's executemany builds a parameter dictionary per row in Python; for 10,000 rows that costs more
    than the insert itself. The column types still convert the values (dates, UUIDs) exactly as they would.
    """
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    columns = list(rows[0])
    processors = [_processor(table.c[name].type, dialect) for name in columns]
    marks = ", ".join("?" for _ in columns) if dialect.paramstyle == "qmark" else ", ".join("%s" for _ in columns)
    names = ", ".join(dialect.identifier_preparer.quote(name) for name in columns)
    sql = f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({names}) VALUES ({marks})"
    # Column by column: a generator per row was most of the cost for the 40,000 rows of a feedback round.
    values: list[list[Any]] = []
    for name, proc in zip(columns, processors, strict=True):
        column = [row[name] for row in rows]
        values.append(column if proc is None else [None if value is None else proc(value) for value in column])
    params = list(zip(*values, strict=True))
    connection.exec_driver_sql(sql, params)


def _row_of(obj: RowMixin, stamp: datetime) -> dict[str, Any]:
    """The INSERT values of a transient object: its columns, related objects' ids, the bookkeeping defaults."""
    mapper = inspect(type(obj))
    values: dict[str, Any] = {}
    for column in mapper.columns:
        if column.key == "id":
            continue
        value = getattr(obj, column.key)
        if value is None and column.default is not None and not callable(column.default.arg):
            value = column.default.arg
        values[column.key] = value
    for relationship in mapper.relationships:
        local = list(relationship.local_columns)
        related = obj.__dict__.get(relationship.key)
        if len(local) == 1 and related is not None and not isinstance(related, list):
            values[local[0].key] = related.id
    values.update(uuid=uuid.uuid4(), created_at=stamp, updated_at=stamp, version=1)
    return values
