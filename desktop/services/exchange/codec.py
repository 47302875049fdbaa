"""Rows in "wire form": what a package carries and what baselines store.

A row becomes a flat dict of plain JSON values. Its own key is its UUID; every foreign key holds the UUID of the
row it points to, so the dict means the same thing in any office's database. Many-to-many links (an issue's
supporting units, a decision's issues) travel as sorted UUID lists on the owning row, so a change to them is a
change to a field like any other. The mapping is derived from the models, so a new column is exchanged without
touching this module; the Chinese labels are those of `table_labels`.
"""

from __future__ import annotations

import uuid as uuid_mod
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    String,
    Table,
    Text,
    Uuid,
    select,
)
from sqlalchemy.orm import Session

from desktop.db.models import (
    Base,
    RowMixin,
    decision_issue,
    decision_supporting_unit,
    issue_supporting_unit,
)
from desktop.services import table_labels
from desktop.services.exchange import office
from desktop.services.exchange.package import PackageError

# Exchanged tables, parents before children (foreign keys resolve in this order on import).
ENTITY_ORDER: tuple[str, ...] = (
    "category", "unit", "person", "leader", "task_force", "project", "assignment", "milestone",
    "investment_report", "enterprise", "visit", "meeting", "issue", "issue_note", "escalation", "decision",
    "agenda_item", "decision_note", "attachment",
)

# Chinese names come from the one label table the 操作日志 and the issue history read too.
ENTITY_LABELS = {entity: table_labels.table_label(entity) for entity in ENTITY_ORDER}
FIELD_LABELS = table_labels.FIELD_LABELS

# Fields that are bookkeeping, not content: never compared, never a conflict.
META_FIELDS = ("uuid", "created_at", "updated_at")
# A record's place in the exchanged history (desktop.db.revision): carried on every wire row, never compared as
# content. In wire form the offices are always named by id (NULL in the database means this office).
REVISION_FIELDS = ("revision", "origin_office", "revised_by")
_NEVER = {"id", "version", *REVISION_FIELDS}


@dataclass(frozen=True)
class LinkField:
    """A many-to-many set stored on its owner row in wire form."""

    name: str
    table: Table
    owner_column: str
    target_column: str
    target_entity: str


LINK_FIELDS: dict[str, tuple[LinkField, ...]] = {
    "issue": (LinkField("supporting_units", issue_supporting_unit, "issue_id", "unit_id", "unit"),),
    "decision": (
        LinkField("supporting_units", decision_supporting_unit, "decision_id", "unit_id", "unit"),
        LinkField("issues", decision_issue, "decision_id", "issue_id", "issue"),
    ),
}


class PackageDataError(PackageError):
    """The rows in a package do not fit this program's tables; the message names record and field."""


def model_for(entity: str) -> type[RowMixin]:
    for mapper in Base.registry.mappers:
        if mapper.local_table.name == entity:
            return mapper.class_  # type: ignore[return-value]
    raise KeyError(entity)


def table_for(entity: str) -> Table:
    return Base.metadata.tables[entity]  # type: ignore[return-value]


def content_columns(entity: str) -> list[Column]:
    """Columns carried in wire form besides the UUID and the time stamps."""
    return [c for c in table_for(entity).columns if c.name not in _NEVER and c.name not in META_FIELDS]


def reference_target(entity: str, column: Column, row: dict[str, Any] | None = None) -> str | None:
    """The entity a column points at, if any. Attachments point at their owner through `owner_table`."""
    if entity == "attachment" and column.name == "owner_id":
        return None if row is None else str(row.get("owner_table"))
    for fk in column.foreign_keys:
        return fk.column.table.name
    return None


def compared_fields(entity: str) -> list[str]:
    return [c.name for c in content_columns(entity)] + [link.name for link in LINK_FIELDS.get(entity, ())]


def field_label(field: str) -> str:
    return table_labels.field_label(field)


def row_title(entity: str, row: dict[str, Any]) -> str:
    """A short human name for a wire row, for previews and messages."""
    if entity == "investment_report":
        return f"{row.get('year')}年{row.get('month')}月"
    if entity == "project" and row.get("code"):
        return f"{row.get('code')} {row.get('name') or ''}".strip()
    for key in ("name", "title", "description", "text", "topic", "content", "filename", "reason"):
        value = row.get(key)
        if value:
            text = str(value).replace("\n", " ")
            return text if len(text) <= 40 else text[:39] + "…"
    return str(row.get("uuid", ""))[:8]


# --- values ------------------------------------------------------------------------------------------------
def encode_value(value: Any) -> Any:
    if isinstance(value, uuid_mod.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def decode_value(entity: str, title: str, column: Column, value: Any) -> Any:
    """Check and convert one wire value for `column`; a wrong type is refused with record and field named."""
    if value is None:
        if not column.nullable and column.default is None:
            raise _bad(entity, title, column.name, "不能为空")
        return None
    kind = column.type
    try:
        if isinstance(kind, DateTime):
            if not isinstance(value, str):
                raise ValueError
            return datetime.fromisoformat(value)
        if isinstance(kind, Date):
            if not isinstance(value, str):
                raise ValueError
            return date.fromisoformat(value)
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise ValueError
            return value
        if isinstance(kind, Integer | BigInteger):
            if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 2**63:
                raise ValueError
            return value
        if isinstance(kind, Uuid):
            return uuid_mod.UUID(str(value))
        if isinstance(kind, String | Text):
            if not isinstance(value, str):
                raise ValueError
            length = getattr(kind, "length", None)
            if length is not None and len(value) > length:
                raise _bad(entity, title, column.name, f"超过{length}个字符")
            return value
        if isinstance(kind, JSON):
            return value
    except (ValueError, TypeError) as exc:
        raise _bad(entity, title, column.name, f"取值「{str(value)[:40]}」的类型不正确") from exc
    return value


def check_uuid(entity: str, title: str, field: str, value: Any) -> None:
    """A reference must be a UUID string; anything else could not resolve and is refused early."""
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        uuid_mod.UUID(value)
    except ValueError as exc:
        raise _bad(entity, title, field, f"引用「{str(value)[:40]}」不是有效的记录编号") from exc


def _bad(entity: str, title: str, field: str, reason: str) -> PackageDataError:
    return PackageDataError(f"数据包中的{ENTITY_LABELS.get(entity, entity)}「{title}」的「{field_label(field)}」{reason}。")


# --- reading the local database -------------------------------------------------------------------------------
class UuidIndex:
    """id ↔ UUID for every exchanged table, loaded once: translating keys must not cost a query per row."""

    def __init__(self, session: Session, entities: Iterable[str] = ENTITY_ORDER) -> None:
        self.office_id = _office_id(session)  # what NULL in origin_office / revised_by stands for here
        self.by_id: dict[str, dict[int, str]] = {}
        self.by_uuid: dict[str, dict[str, int]] = {}
        for entity in entities:
            table = table_for(entity)
            pairs = session.execute(select(table.c.id, table.c.uuid)).all()
            self.by_id[entity] = {i: str(u) for i, u in pairs}
            self.by_uuid[entity] = {str(u): i for i, u in pairs}

    def add(self, entity: str, row_id: int, row_uuid: str) -> None:
        self.by_id[entity][row_id] = row_uuid
        self.by_uuid[entity][row_uuid] = row_id

    def forget(self, entity: str, row_uuid: str) -> None:
        row_id = self.by_uuid[entity].pop(row_uuid, None)
        if row_id is not None:
            self.by_id[entity].pop(row_id, None)


def read_rows(session: Session, entity: str, index: UuidIndex, ids: Iterable[int] | None = None
              ) -> dict[int, dict[str, Any]]:
    """Local rows of one table in wire form, keyed by local id (all rows when `ids` is None)."""
    table = table_for(entity)
    stmt = select(table)
    wanted = None if ids is None else sorted(set(ids))
    rows: dict[int, dict[str, Any]] = {}
    chunks = [None] if wanted is None else [wanted[i:i + 500] for i in range(0, len(wanted), 500)]
    for chunk in chunks:
        query = stmt if chunk is None else stmt.where(table.c.id.in_(chunk))
        for record in session.execute(query).mappings():
            rows[record["id"]] = to_wire(entity, dict(record), index)
    links = LINK_FIELDS.get(entity, ())
    for link in links:
        for row in rows.values():
            row[link.name] = []
        owner = link.table.c[link.owner_column]
        target = link.table.c[link.target_column]
        link_query = select(owner, target)
        for owner_id, target_id in session.execute(link_query).all():
            if owner_id in rows:
                rows[owner_id][link.name].append(index.by_id[link.target_entity][target_id])
        for row in rows.values():
            row[link.name].sort()
    return rows


def to_wire(entity: str, record: dict[str, Any], index: UuidIndex) -> dict[str, Any]:
    row: dict[str, Any] = {name: encode_value(record[name]) for name in META_FIELDS}
    row["revision"] = record.get("revision") or 1
    row["origin_office"] = record.get("origin_office") or index.office_id
    row["revised_by"] = record.get("revised_by") or index.office_id
    for column in content_columns(entity):
        value = record[column.name]
        target = reference_target(entity, column, record)
        if target is not None and value is not None:
            value = index.by_id.get(target, {}).get(value)
        row[column.name] = encode_value(value)
    return row


def _office_id(session: Session) -> str | None:
    return office.stored_id(session)


def revision_of(row: dict[str, Any], sender_id: str | None = None) -> tuple[int, str]:
    """(revision, office of that revision) of a wire row; a row from a program before revisions is at 1."""
    value = row.get("revision")
    number = value if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**31 else 1
    by = row.get("revised_by")
    return number, str(by) if isinstance(by, str) and by else str(sender_id or "")


BASELINE_REVISION = "__revision"  # in a baseline's fields: [revision, office] of the agreed state


def baseline_fields(entity: str, row: dict[str, Any], sender_id: str | None = None) -> dict[str, Any]:
    """What a baseline keeps of a wire row: its compared fields and its revision."""
    values = {f: row.get(f) for f in compared_fields(entity)}
    values[BASELINE_REVISION] = list(revision_of(row, sender_id))
    return values


def references(entity: str, row: dict[str, Any]) -> list[tuple[str, str]]:
    """(entity, uuid) of every row this wire row points at, links included."""
    found = []
    for column in content_columns(entity):
        target = reference_target(entity, column, row)
        if target is not None and row.get(column.name):
            found.append((target, str(row[column.name])))
    for link in LINK_FIELDS.get(entity, ()):
        found.extend((link.target_entity, str(u)) for u in row.get(link.name) or ())
    return found


def natural_keys(entity: str) -> list[tuple[str, ...]]:
    """Unique column sets besides the UUID: two offices may have typed the same unit or category on their own."""
    table = table_for(entity)
    keys: list[tuple[str, ...]] = []
    for constraint in table.constraints:
        names = tuple(c.name for c in getattr(constraint, "columns", ()))
        if constraint.__class__.__name__ == "UniqueConstraint" and names and "uuid" not in names:
            keys.append(names)
    for column in table.columns:
        if column.unique and column.name not in ("uuid", "id") and (column.name,) not in keys:
            keys.append((column.name,))
    return keys


def parents_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Units form a tree; a parent must exist before a child can point at it."""
    by_uuid = {r["uuid"]: r for r in rows}
    ordered: list[dict[str, Any]] = []
    placed: set[str] = set()

    def place(row: dict[str, Any], trail: set[str]) -> None:
        if row["uuid"] in placed or row["uuid"] in trail:
            return
        parent = by_uuid.get(row.get("parent_id") or "")
        if parent is not None:
            place(parent, trail | {row["uuid"]})
        placed.add(row["uuid"])
        ordered.append(row)

    for row in rows:
        place(row, set())
    return ordered
