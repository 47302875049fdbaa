"""Undoing a 收取反馈 as a whole, the way an import is undone.

A collect is recorded as an import batch of its own kind (`feedback`): every row it created (journal entries,
replies, the issues of the 新增问题 sheet) and every row it changed with the old values (an issue's latest
progress, a round item's answer digest). Undo is the import's undo (services/importing/undo.py): in one
transaction, after a backup, refused — changing nothing — when later work depends on what was collected (the issue
edited since, another collect on the same item, a note added to a reported problem). After an undo the same files
can be collected again: their replies are gone with the rest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.db.models import AuditLog, FeedbackItem, ImportBatch, ImportItem, RowMixin
from desktop.db.revision import BOOKKEEPING
from desktop.errors import NotFound
from desktop.services.importing.rows import json_value
from desktop.services.importing.undo import COLLECT_KIND, undo_import
from desktop.services.journal import operator_of


class CollectBooks:
    """Listens to the collect's session: what it creates, and the first old value of every column it changes."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.created: dict[int, RowMixin] = {}
        self.updated: dict[int, tuple[RowMixin, dict[str, Any]]] = {}
        self.notes: dict[int, dict[str, Any]] = {}

    def note(self, obj: RowMixin, **values: Any) -> None:
        """Keep a note for the undo beside `obj`'s old values (names start with "_": never restored as columns)."""
        self.notes.setdefault(id(obj), {}).update({f"_{k}": v for k, v in values.items()})

    def __enter__(self) -> CollectBooks:
        event.listen(self.session, "before_flush", self._before_flush)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.session, "before_flush", self._before_flush)

    def _before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        for obj in session.new:
            if isinstance(obj, RowMixin) and not isinstance(obj, ImportBatch | AuditLog):
                self.created[id(obj)] = obj
        for obj in session.dirty:
            if not isinstance(obj, RowMixin) or id(obj) in self.created or obj.id is None:
                continue
            state = inspect(obj)
            for attr in state.mapper.column_attrs:
                if attr.key in BOOKKEEPING or attr.key != attr.columns[0].name:
                    continue
                history = state.attrs[attr.key].history
                if not history.has_changes() or list(history.added) == list(history.deleted):
                    continue
                if not history.deleted:  # never guess an old value: every row a collect changes is fully loaded
                    raise RuntimeError(f"old value of {obj.__tablename__}.{attr.key} not loaded")
                entry = self.updated.setdefault(id(obj), (obj, {}))
                entry[1].setdefault(attr.key, json_value(history.deleted[0]))

    def record(self, file_names: list[str], summary: str, backup_path: Path | None) -> int:
        """The batch of this collect, written once its rows are flushed; returns its id."""
        self.session.flush()
        names = "、".join(file_names)
        batch = ImportBatch(kind=COLLECT_KIND, file_name=(names if len(names) <= 255 else
                                                           f"{file_names[0]} 等{len(file_names)}个文件")[:255],
                            operator=operator_of(self.session), rows_created=len(self.created),
                            rows_updated=len(self.updated), rows_skipped=0, summary=summary,
                            backup_file=str(backup_path) if backup_path else None)
        self.session.add(batch)
        self.session.flush()
        items = [{"batch_id": batch.id, "entity": obj.__tablename__, "entity_id": obj.id, "action": "create",
                  "source_row": None, "version": obj.version, "old_values": None} for obj in self.created.values()]
        items += [{"batch_id": batch.id, "entity": obj.__tablename__, "entity_id": obj.id, "action": "update",
                   "source_row": None, "version": obj.version, "old_values": {**old, **self.notes.get(id(obj), {})}}
                  for obj, old in self.updated.values() if old]
        if items:
            self.session.execute(ImportItem.__table__.insert(), items)
        return batch.id


def last_collect(session: Session) -> int | None:
    """The newest collect not yet undone (what 撤销最近一次收取 takes back)."""
    return session.scalar(select(ImportBatch.id).where(ImportBatch.kind == COLLECT_KIND,
                                                       ImportBatch.undone_at.is_(None))
                          .order_by(ImportBatch.id.desc()).limit(1))


def undo_collect(db: Database, batch_id: int | None = None, *, data_dir: Path | None = None) -> str:
    """Take a collect back (the newest when `batch_id` is None); a Chinese summary, or UndoRefused / NotFound."""
    with db.read() as session:
        if batch_id is None:
            batch_id = last_collect(session)
            if batch_id is None:
                raise NotFound("没有可撤销的收取反馈记录。")
        batch = session.get(ImportBatch, batch_id)
        if batch is None or batch.kind != COLLECT_KIND:
            raise NotFound(f"找不到收取反馈记录 {batch_id}（keyproj import history 中类型为“收取反馈”的记录）。")
    return undo_import(db, batch_id, data_dir=data_dir, after=_rebase)


def _rebase(session: Session, items: list[ImportItem]) -> None:
    """A round item that was in step with its issue when collected is in step again after the undo.

    Undo writes the issue's old values back, which moves its version on; without this every such row would come
    back as a conflict (“the office changed the issue since”) when the same file is collected again. An item that
    was already a conflict when collected keeps its old baseline and stays one."""
    session.flush()
    for entry in items:
        if entry.entity != FeedbackItem.__tablename__ or not (entry.old_values or {}).get("_in_step"):
            continue
        item = session.get(FeedbackItem, entry.entity_id)
        if item is not None:
            item.answered_version = item.record.version
