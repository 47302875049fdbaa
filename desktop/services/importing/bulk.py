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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, func, inspect, select
from sqlalchemy import types as sa_types
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from desktop.db.models import Assignment, AuditLog, Issue, IssueNote, Project, Unit, issue_supporting_unit
from desktop.db.models.base import RowMixin, now

# Issue columns given as related objects while rows are collected; their ids are only known after the flush.
_REFERENCES = {"project": "project_id", "category": "category_id", "lead_unit": "lead_unit_id", "person": "person_id"}
# The fields of a new issue, in the order _Pending keeps them (the keys RowWriter._issues gives).
_ISSUE_FIELDS = ("description", "found_on", "project", "enterprise_id", "category", "found_by", "source", "visit_id",
                 "level", "lead_unit", "person", "deadline", "deadline_text", "latest_progress", "phased_plan",
                 "feedback", "status", "resolved_on", "closed_on")
# Issues written per executemany round (with their notes and audit rows): bounds the write's memory.
WRITE_CHUNK = 1_000


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


class Deferred:
    """A project or assignment the issue import creates, kept as its column values and related records until the
    bulk write inserts it, not as an ORM object: the 16,667 projects and assignments a 50,000-row ledger creates
    were, as ORM instances with their state and back-reference collections, a fifth of the import's memory.
    Read like the record (`project.name`, `project.list_year`); `id` and `version` are set once it is inserted."""

    __slots__ = ("id", "model", "values", "version")

    def __init__(self, model: type[RowMixin], **values: Any) -> None:
        self.model = model
        self.values = values
        self.id: int | None = None
        self.version: int | None = None

    def __getattr__(self, name: str) -> Any:  # only for names that are not slots: the record's own fields
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(slots=True)
class _Pending:
    """One new issue until its chunk is written: the issue's fields as a tuple in `_ISSUE_FIELDS` order (a
    dictionary per row cost a kilobyte each), the sheet row it came from, named only if the database refuses it."""

    row: int
    values: tuple[Any, ...]
    supporting: list[Unit]
    note: str
    sheet: str | None = None

    @property
    def where(self) -> str:
        return (f"工作表“{self.sheet}”" if self.sheet else "") + f"第{self.row}行"


class _Wheres:
    """The sheet rows of `pending`, each spelled out (第5行) only when a refusal names it."""

    def __init__(self, pending: list[_Pending]) -> None:
        self.pending = pending

    def __iter__(self) -> Iterator[str]:
        return (item.where for item in self.pending)


class BulkIssues:
    """Collects new issues during the row loop; `write` stores them and returns (table, id, source row)."""

    def __init__(self, operator: str, noted_on: date) -> None:
        self.operator = operator
        self.noted_on = noted_on
        self.pending: list[_Pending] = []
        self.deferred: list[tuple[Deferred, int, str]] = []

    def defer(self, obj: Deferred, row: int, where: str = "") -> None:
        """A new project or assignment, stored in bulk before the issues that refer to it."""
        self.deferred.append((obj, row, where))

    def add(self, row: int, values: dict[str, Any], supporting: list[Unit], note: str, sheet: str | None = None
            ) -> None:
        """One new issue: `values` has every field of `_ISSUE_FIELDS` (references as records, ids once written)."""
        self.pending.append(_Pending(row, tuple(values[key] for key in _ISSUE_FIELDS), supporting, note, sheet))

    def write(self, session: Session) -> list[tuple[str, int, int]]:
        if not self.pending and not self.deferred:
            return []
        session.flush()  # referenced units, people, leaders … get their ids
        stamp = now()
        created = self._write_deferred(session, stamp)
        if not self.pending:
            return created
        pending, self.pending = self.pending, []
        while pending:
            chunk = pending[:WRITE_CHUNK]
            del pending[:WRITE_CHUNK]  # each chunk let go once written: the next one reuses its memory
            created += self._write_issues(session, chunk, stamp)
        return created

    def _write_issues(self, session: Session, pending: list[_Pending], stamp: datetime) -> list[tuple[str, int, int]]:
        """One chunk of issues with their notes, supporting units and 操作日志 rows. Chunked so that the rows
        built for the driver (issue, note and audit dictionaries and their tuples) exist for a few thousand issues
        at a time, not for a whole 50,000-row ledger at once."""
        created: list[tuple[str, int, int]] = []
        issue_rows = []
        for item in pending:
            values = {key: value for key, value in zip(_ISSUE_FIELDS, item.values, strict=True) if key not in _REFERENCES}
            given = dict(zip(_ISSUE_FIELDS, item.values, strict=True))
            for key, column in _REFERENCES.items():
                obj = given.get(key)
                values[column] = obj.id if obj is not None else None
            issue_rows.append({**values, "uuid": uuid.uuid4(), "created_at": stamp, "updated_at": stamp, "version": 1})
        wheres = _Wheres(pending)
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
            every = [(obj, row, where) for obj, row, where in self.deferred if obj.model is model]
            # A chunk at a time, as the issues: the INSERT values of 16,667 projects at once were the write's peak.
            for start in range(0, len(every), WRITE_CHUNK):
                objects = every[start:start + WRITE_CHUNK]
                rows = [_row_of(obj, stamp) for obj, _row, _where in objects]
                wheres = [where for _obj, _row, where in objects]
                ids = self._insert(session, model, rows, wheres)
                for (obj, row, _where), row_id in zip(objects, ids, strict=True):
                    obj.id = row_id  # the id is all the issue rows need from it
                    obj.version = 1
                    created.append((model.__tablename__, row_id, row))
                summary = "name" if model is Project else "role"
                self._audit(session, model.__tablename__, ids, rows, summary, stamp, wheres)
        self.deferred = []
        return created

    @staticmethod
    def _insert(session: Session, model: type[RowMixin], rows: list[dict[str, Any]], wheres: Iterable[str]) -> list[int]:
        """Plain executemany, then the new ids looked up by the UUIDs generated here.

        Not INSERT … RETURNING: on SQLite, RETURNING in a guaranteed order makes SQLAlchemy send one statement
        per row, which is most of the cost this module exists to avoid.
        """
        before = _top_id(session, model) if session.get_bind().dialect.name == "sqlite" else None
        _checked(session, model.__table__, rows, wheres)
        if before is not None and (ids_in_order := _sqlite_ids(session, model, rows, before)) is not None:
            return ids_in_order
        ids: dict[uuid.UUID, int] = {}
        keys = [row["uuid"] for row in rows]
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            ids.update((row_uuid, row_id) for row_id, row_uuid in session.execute(
                select(model.id, model.uuid).where(model.uuid.in_(chunk))))
        return [ids[key] for key in keys]

    def _audit(self, session: Session, entity: str, ids: list[int], rows: list[dict[str, Any]], summary: str,
               at: datetime, wheres: Iterable[str]) -> None:
        _checked(session, AuditLog.__table__, [
            {"at": at, "operator": self.operator, "action": "create", "entity": entity, "entity_id": row_id,
             "entity_uuid": str(row["uuid"]), "field": None, "old_value": None,
             "new_value": str(row[summary])[:200]}
            for row_id, row in zip(ids, rows, strict=True)
        ], wheres)


def _top_id(session: Session, model: type[RowMixin]) -> int:
    return session.execute(select(func.max(model.id))).scalar() or 0


def _sqlite_ids(session: Session, model: type[RowMixin], rows: list[dict[str, Any]], before: int) -> list[int] | None:
    """The new rows' ids without looking each up by its UUID, when SQLite gave them one after the other: it numbers
    each inserted row one past the largest id, in the order inserted, and the import holds the write lock, so
    when exactly len(rows) rows lie above the previous top and their ids are contiguous, they are ours, in order
    (checked by the first and last UUID). None otherwise (an AUTOINCREMENT gap, anything unexpected): look up."""
    top, count = session.execute(select(func.max(model.id), func.count()).where(model.id > before)).one()
    if not rows or count != len(rows) or top - before != len(rows):
        return None
    ends = dict(session.execute(select(model.id, model.uuid).where(model.id.in_((before + 1, top)))).all())
    if ends.get(before + 1) != rows[0]["uuid"] or ends.get(top) != rows[-1]["uuid"]:
        return None
    return list(range(before + 1, top + 1))


def _processor(column_type: Any, dialect: Any) -> Any:
    """The column type's bind processor; for JSON on psycopg (which adapts JSON itself inside SQLAlchemy's own
    execute, so it has none) the text of the value, which PostgreSQL casts to json."""
    processor = column_type.bind_processor(dialect)
    if processor is None and isinstance(column_type, sa_types.JSON):
        return lambda value: json.dumps(value, ensure_ascii=False)
    return processor


def _checked(session: Session, table: Table, rows: list[dict[str, Any]], wheres: Iterable[str]) -> None:
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


def _row_of(obj: Deferred, stamp: datetime) -> dict[str, Any]:
    """The INSERT values of a deferred record: its columns, related records' ids, the bookkeeping defaults (as the
    ORM would fill them in for an object given the same values)."""
    mapper = inspect(obj.model)
    values: dict[str, Any] = {}
    given = obj.values
    for column in mapper.columns:
        if column.key == "id":
            continue
        value = given.get(column.key)
        if value is None and column.default is not None and not callable(column.default.arg):
            value = column.default.arg
        values[column.key] = value
    for relationship in mapper.relationships:
        local = list(relationship.local_columns)
        related = given.get(relationship.key)
        if len(local) == 1 and related is not None and not isinstance(related, list):
            values[local[0].key] = related.id
    values.update(uuid=uuid.uuid4(), created_at=stamp, updated_at=stamp, version=1)
    return values
