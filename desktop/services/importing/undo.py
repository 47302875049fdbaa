"""Undoing an import as a whole, and the list of past imports.

Undo deletes exactly the rows the batch created and puts back the old values of the rows it changed, in one
transaction. It refuses — changing nothing — when later work depends on the import: an imported row edited since
(its version moved on), or another record pointing at an imported one (a new journal note on an imported issue, a
decided item linked to an imported project …). Dependants are found from the schema's foreign keys, so a table
added later is covered without touching this module.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Table, func, select
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.db.models import AuditLog, Base, ImportBatch, ImportItem, RowMixin
from desktop.errors import NotFound, UserError
from desktop.importers.fields import get_kind
from desktop.services.backup import archive as backups
from desktop.services.importing.outcome import ENTITY_LABELS

REFUSAL_LIMIT = 10
# A 收取反馈 is recorded and undone as a batch of its own kind (services/feedback/undo.py).
COLLECT_KIND = "feedback"
COLLECT_LABEL = "收取反馈"


def _kind_label(kind: str) -> str:
    return COLLECT_LABEL if kind == COLLECT_KIND else get_kind(kind).label


def _noun(batch: ImportBatch) -> tuple[str, str]:
    """How messages name the batch, and the step it took ("导入批次 3", "导入")."""
    return (f"收取反馈记录 {batch.id}", "收取") if batch.kind == COLLECT_KIND else (f"导入批次 {batch.id}", "导入")


class UndoRefused(UserError):
    """The import cannot be undone without losing later work; the message lists what stands in the way."""


@dataclass(frozen=True)
class BatchInfo:
    """One line of the import history."""

    id: int
    at: datetime
    kind: str
    kind_label: str
    file_name: str
    operator: str | None
    rows_created: int
    rows_updated: int
    rows_skipped: int
    undone_at: datetime | None

    @property
    def state(self) -> str:
        return f"已于{self.undone_at:%Y-%m-%d %H:%M}撤销" if self.undone_at else "有效"


def history(session: Session) -> list[BatchInfo]:
    """Every import, newest first."""
    batches = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()))
    return [BatchInfo(b.id, b.created_at, b.kind, _kind_label(b.kind), b.file_name, b.operator, b.rows_created,
                      b.rows_updated, b.rows_skipped, b.undone_at) for b in batches]


def _models() -> dict[str, type[RowMixin]]:
    return {mapper.class_.__tablename__: mapper.class_ for mapper in Base.registry.mappers
            if issubclass(mapper.class_, RowMixin)}


def _where(item: ImportItem) -> str:
    label = ENTITY_LABELS.get(item.entity, item.entity)
    row = f"（来自第{item.source_row}行）" if item.source_row else ""
    return f"{label}（编号 {item.entity_id}）{row}"


def _blockers(session: Session, items: list[ImportItem], step: str = "导入") -> list[str]:
    """Why undo cannot proceed: rows edited since the import, or other records that point at imported rows."""
    models = _models()
    problems: list[str] = []
    by_entity: dict[str, list[ImportItem]] = defaultdict(list)
    for item in items:
        by_entity[item.entity].append(item)
    for entity, group in by_entity.items():
        table = models[entity].__table__
        ids = [item.entity_id for item in group]
        current: dict[int, int] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            current.update(session.execute(select(table.c.id, table.c.version).where(table.c.id.in_(chunk))).all())
        for item in group:
            version = current.get(item.entity_id)
            if version is None:
                problems.append(f"{_where(item)}已在{step}后被删除")
            elif item.version is not None and version != item.version:
                problems.append(f"{_where(item)}在{step}后又被修改过")
    created: dict[str, set[int]] = defaultdict(set)
    touched: dict[str, set[int]] = defaultdict(set)
    for item in items:
        touched[item.entity].add(item.entity_id)
        if item.action == "create":
            created[item.entity].add(item.entity_id)
    for table in Base.metadata.sorted_tables:
        problems.extend(_foreign_references(session, table, created, touched.get(table.name, set()), step))
    return problems


def _foreign_references(session: Session, table: Table, created: dict[str, set[int]], own_ids: set[int],
                        step: str = "导入") -> list[str]:
    """Rows of `table` that point at a row the batch created, and are not themselves part of the batch.

    Rows the batch updated count as part of it: undo puts their old references back before deleting.
    """
    problems: list[str] = []
    is_link_table = "id" not in table.c
    for fk in table.foreign_keys:
        target = fk.column.table.name
        targets = created.get(target)
        if not targets or fk.parent.table is not table:
            continue
        # A link row belongs to the batch when every side it is deleted with (ON DELETE CASCADE) was imported.
        owners = [other for other in table.foreign_keys if other.ondelete == "CASCADE"] or [fk]
        stmt = select(*([table.c.id] if not is_link_table else [c for c in table.c])).where(fk.parent.isnot(None))
        for start, chunk in _chunks(sorted(targets)):
            del start
            for found in session.execute(stmt.where(fk.parent.in_(chunk))).mappings():
                if not is_link_table:
                    if found["id"] in own_ids:
                        continue
                    problems.append(f"{ENTITY_LABELS.get(table.name, table.name)}（编号 {found['id']}）是{step}后新增的，"
                                    f"引用了本次{step}的{ENTITY_LABELS.get(target, target)}")
                elif not all(found[o.parent.key] in created.get(o.column.table.name, set()) for o in owners):
                    problems.append(f"{step}后新建的关联（{table.name}）引用了本次{step}的"
                                    f"{ENTITY_LABELS.get(target, target)}")
    return problems


def _chunks(values: list[int], size: int = 500) -> list[tuple[int, list[int]]]:
    return [(start, values[start:start + size]) for start in range(0, len(values), size)]


def _restore_value(model: type[RowMixin], column: str, value: Any) -> Any:
    if value is None:
        return None
    column_type = model.__table__.c[column].type
    if isinstance(column_type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    return value


def undo_import(db: Database, batch_id: int, *, data_dir: Path | None = None,
                after: Callable[[Session, list[ImportItem]], None] | None = None) -> str:
    """Take the batch back; returns a Chinese summary. Refuses (UndoRefused) when later work depends on it.

    `after` runs in the same transaction once the rows are back (a collect re-bases its round items on it); old
    values whose name starts with "_" are notes for it, not columns."""
    if data_dir is not None:
        with db.read() as session:
            _batch(session, batch_id)
        backups.backup_before_import(db, data_dir)
    with db.transaction() as session:
        batch = _batch(session, batch_id)
        items = list(session.scalars(select(ImportItem).where(ImportItem.batch_id == batch.id)
                                     .order_by(ImportItem.id)))
        noun, step = _noun(batch)
        problems = _blockers(session, items, step)
        if problems:
            shown = problems[:REFUSAL_LIMIT]
            more = f"\n……另有 {len(problems) - REFUSAL_LIMIT} 处" if len(problems) > REFUSAL_LIMIT else ""
            raise UndoRefused(f"{noun}（{batch.file_name}）不能撤销，{step}后的工作依赖这些数据：\n" +
                              "\n".join(f"  {p}" for p in shown) + more +
                              f"\n请先处理这些记录，或从{step}前的备份恢复。")
        models = _models()
        for item in items:
            if item.action == "update":
                model = models[item.entity]
                obj = session.get(model, item.entity_id)
                for column, value in (item.old_values or {}).items():
                    if not column.startswith("_"):
                        setattr(obj, column, _restore_value(model, column, value))
        created = [item for item in items if item.action == "create"]
        _delete_created(session, created, f"撤销{noun}（{batch.file_name}）")
        if after is not None:
            after(session, items)
        batch.undone_at = datetime.now().replace(microsecond=0)
        removed = len(created)
        restored = len(items) - removed
        return (f"已撤销{noun}（{batch.file_name}）：删除{step}时新建的记录 {removed} 条，"
                f"恢复被更新的记录 {restored} 条。")


def _delete_created(session: Session, created: list[ImportItem], reason: str) -> None:
    """Delete with plain statements, dependants first (reverse schema order), logging each row as deleted.

    Core rather than ORM: some links (investment report → project) have no relationship for the ORM to order
    the deletes by, and undoing a 10,000-row import must not load 20,000 objects.
    """
    ids: dict[str, list[int]] = defaultdict(list)
    for item in created:
        ids[item.entity].append(item.entity_id)
    operator = str(session.info.get("operator") or "系统")
    for table in reversed(Base.metadata.sorted_tables):
        doomed = ids.get(table.name)
        if not doomed:
            continue
        for _start, chunk in _chunks(doomed):
            session.execute(table.delete().where(table.c.id.in_(chunk)))
        session.execute(AuditLog.__table__.insert(), [
            {"at": datetime.now().replace(microsecond=0), "operator": operator, "action": "delete",
             "entity": table.name, "entity_id": entity_id, "old_value": reason} for entity_id in doomed
        ])


def _batch(session: Session, batch_id: int) -> ImportBatch:
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise NotFound(f"找不到导入批次 {batch_id}，请用 keyproj import history 查看导入记录。")
    if batch.undone_at is not None:
        raise UndoRefused(f"{_noun(batch)[0]}（{batch.file_name}）已于 {batch.undone_at:%Y-%m-%d %H:%M} 撤销过。")
    return batch


def count_rows(session: Session) -> dict[str, int]:
    """Row count of every table: what the tests compare before and after a refused import or an undo."""
    return {table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables}
