"""Applying an import preview to the database: one transaction, a backup first, a batch recorded for undo.

`dry_run_import` runs exactly the same code in a transaction that is rolled back, so the 新增/重复/不一致 verdicts
the user sees before importing are the ones the import will reach. `apply_import` takes a backup of the database
file, writes every good row or nothing, and records an ImportBatch listing each row it created or changed (with
the old values), which `import_undo` uses to take the import back as a whole.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.db.models import AuditLog, ImportBatch, ImportItem, RowMixin
from desktop.errors import UserError
from desktop.gc_pause import collector_paused
from desktop.importers.preview import ImportPreview
from desktop.importers.rows import PreviewRow, sheet_prefix
from desktop.services.backup import archive as backups
from desktop.services.importing import aliases as unit_aliases
from desktop.services.importing import refusal
from desktop.services.importing.bulk import BulkRefused
from desktop.services.importing.hints import (
    near_duplicate_lines,
    person_proposals,
    remembered_aliases,
    unit_proposals,
)
from desktop.services.importing.outcome import DuplicatePolicy, ImportResult, RowOutcome, RowStatus
from desktop.services.importing.rows import RowWriter, json_value, where_of
from desktop.services.journal import operator_of


class NothingToImport(UserError):
    """The preview has no row that could be stored (or a file-level error stands)."""


class DatabaseRefused(UserError):
    """The database refused a row (a CHECK, foreign-key or type rule no reader check foresaw): the same refusal in
    the dry run and the import, told in Chinese with the row, never a traceback; nothing is stored."""


class _Unplaced(Exception):
    """The database refused a flush that wrote several rows' records at once: no row is named yet (the import is
    replayed one row at a time to find it, `_locate`)."""

    def __init__(self, cause: IntegrityError | DataError) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _bulk_refusal(exc: BulkRefused, preview: ImportPreview) -> str:
    """The refusal of a bulk-written record, which names its sheet row (第3行) and, when it can be told, the
    sheet column【问题描述（B列）】or the database column."""
    row = next((r for r in preview.importable_rows if _row_where(r) == exc.where), None)
    return refusal.message(exc.cause, preview, exc.where, refusal.field_of(exc.cause, preview, row, exc.table,
                                                                           exc.column))


def _row_where(row: PreviewRow) -> str:
    return f"{sheet_prefix(row.sheet)}第{row.row}行"


@dataclass
class _Bookkeeping:
    """Every record the import created (with its source row) and every change it made (with old values)."""

    session: Session
    created: dict[int, tuple[RowMixin, int | None]] = field(default_factory=dict)
    bulk: list[tuple[str, int, int]] = field(default_factory=list)
    updated: dict[int, tuple[RowMixin, int | None, dict[str, Any]]] = field(default_factory=dict)

    def track(self, obj: object, row: int | None) -> None:
        if isinstance(obj, RowMixin) and id(obj) not in self.created:
            self.created[id(obj)] = (obj, row)

    def change(self, obj: object, values: dict[str, Any], row: int) -> bool:
        """Set `values` on `obj`, remembering the first old value of each column; True if anything changed."""
        assert isinstance(obj, RowMixin)
        if id(obj) in self.created:
            for key, value in values.items():
                setattr(obj, key, value)
            return True
        mapper = inspect(type(obj))
        changed = False
        for key, value in values.items():
            column, compared = key, value
            if key in mapper.relationships:
                if value is not None and getattr(value, "id", None) is None:
                    self.session.flush()
                column = next(iter(mapper.relationships[key].local_columns)).key
                compared = value.id if value is not None else None
            old = getattr(obj, column)
            if old == compared:
                continue
            entry = self.updated.setdefault(id(obj), (obj, row, {}))
            entry[2].setdefault(column, json_value(old))
            setattr(obj, key, value)
            changed = True
        return changed

    def catch_untracked(self, session: Session, _context: Any, _instances: Any) -> None:
        """Safety net: anything new in the session that no handler tracked still belongs to the batch."""
        for obj in session.new:
            if isinstance(obj, RowMixin) and not isinstance(obj, ImportBatch | AuditLog):
                self.track(obj, None)


def _check_importable(preview: ImportPreview) -> None:
    """Refuse before anything happens (no backup, no transaction) when the preview has nothing to store."""
    if preview.errors:
        raise NothingToImport("文件存在以下问题，未导入任何数据：" + "；".join(preview.errors))
    if not preview.rows:
        sheets = "、".join(f"“{name}”" for name in (preview.sheets or [preview.sheet]))
        raise NothingToImport(f"工作表{sheets}只有表头，没有数据行（共跳过 {len(preview.skipped)} 行，见预览），"
                              "未导入任何数据。")
    if not preview.importable_rows:
        raise NothingToImport("没有可导入的行（所有数据行都有必须修正的问题），未导入任何数据。")


def _run(session: Session, preview: ImportPreview, policy: DuplicatePolicy, today: date, *,
         one_by_one: bool = False) -> tuple[list[RowOutcome], _Bookkeeping, RowWriter]:
    """Write every importable row. `one_by_one` (only to find the row a refusal belongs to) flushes each row
    under its own savepoint, so the first row the database refuses is named: DatabaseRefused. Otherwise a refusal
    the bulk writer could not pin on a row raises _Unplaced."""
    _check_importable(preview)
    # Spellings confirmed in earlier imports apply again (said in a note); this import's own choices win.
    remembered = unit_aliases.load(session)
    people = unit_aliases.load(session, "person")
    applied = [*remembered_aliases(preview, remembered), *remembered_aliases(preview, people, "person")]
    preview = replace(preview, unit_aliases={**remembered, **preview.unit_aliases},
                      person_aliases={**people, **preview.person_aliases})
    rows = preview.importable_rows
    books = _Bookkeeping(session)
    event.listen(session, "before_flush", books.catch_untracked)
    try:
        writer = RowWriter(session, preview, policy, today, books.track, books.change)
        # Asked before anything is written, so the directory and stored issues are those the user knows.
        writer.proposals = [*unit_proposals(preview, writer.resolver.unit_names()),
                            *person_proposals(preview, writer.resolver.leader_names(), writer.resolver.person_names())]
        writer.hints = [*(p.text for p in writer.proposals), *near_duplicate_lines(session, preview)]
        writer.remembered = applied
        try:
            outcomes = _write_rows(session, writer, rows, one_by_one)
            books.bulk = writer.finish()
            session.flush()
        except BulkRefused as exc:
            if not exc.where and not one_by_one:
                raise _Unplaced(exc.cause) from exc
            raise DatabaseRefused(_bulk_refusal(exc, preview) if exc.where else
                                  refusal.message(exc.cause, preview, "写入新建的记录时")) from exc
        except (IntegrityError, DataError) as exc:
            if not one_by_one:
                raise _Unplaced(exc) from exc
            # Every row flushed on its own and none refused: the records of several rows together are.
            raise DatabaseRefused(refusal.message(exc, preview, "写入新建的记录时")) from exc
    finally:
        event.remove(session, "before_flush", books.catch_untracked)
    return outcomes, books, writer


def _write_rows(session: Session, writer: RowWriter, rows: list[PreviewRow], one_by_one: bool) -> list[RowOutcome]:
    if not one_by_one:
        return [writer.write(row) for row in rows]
    outcomes = []
    for row in rows:
        try:
            with session.begin_nested():
                outcomes.append(writer.write(row))
                session.flush()
        except (IntegrityError, DataError) as exc:
            field = refusal.field_of(exc, writer.preview, row)
            raise DatabaseRefused(refusal.message(exc, writer.preview, writer.where, field)) from exc
    return outcomes


def _locate(db: Database, preview: ImportPreview, policy: DuplicatePolicy, today: date,
            unplaced: _Unplaced) -> DatabaseRefused:
    """Replay the import one row at a time in a transaction that is rolled back, to name the row (and field) the
    database refuses; the dry run and the import both end here, so both say the same."""
    session = db.new_session()
    try:
        session.begin()
        try:
            _run(session, preview, policy, today, one_by_one=True)
        except DatabaseRefused as exc:
            return exc
        return DatabaseRefused(refusal.message(unplaced.cause, preview, "写入新建的记录时"))
    finally:
        session.rollback()
        session.close()


def _result(preview: ImportPreview, outcomes: list[RowOutcome], books: _Bookkeeping, writer: RowWriter,
            dry_run: bool) -> ImportResult:
    created = Counter(obj.__tablename__ for obj, _row in books.created.values())
    created.update(entity for entity, _id, _row in books.bulk)
    result = ImportResult(preview.kind, preview.file_name, outcomes, created, dry_run=dry_run, hints=writer.hints,
                          unit_proposals=[(p.name, p.target) for p in writer.proposals if p.kind == "unit"],
                          person_proposals=[(p.name, p.target) for p in writer.proposals if p.kind == "person"],
                          remembered_aliases=[(name, target) for name, target, note in writer.remembered
                                              if "单位写法" in note],
                          remembered_person_aliases=[(name, target) for name, target, note in writer.remembered
                                                     if "人名写法" in note])
    result.notes.extend(note for _name, _target, note in writer.remembered)
    if writer.found_defaulted:
        result.notes.append(f"{len(writer.found_defaulted)} 行发现日期未填，未记录（不按导入日推定）："
                            f"{_rows_text(writer.found_defaulted)}")
    if writer.done_defaulted:
        result.notes.append(f"{len(writer.done_defaulted)} 行已办结但办结日期未填，未记录（不按完成时限或导入日推定）："
                            f"{_rows_text(writer.done_defaulted)}")
    folded = writer.resolver.folded
    if folded:
        pairs = [f"{what}“{written}”→“{name}”" for (what, written), name in list(folded.items())[:10]]
        result.notes.append("以下写法与已有名称只差空格或全角、半角，按同一记录导入：" + "；".join(pairs)
                            + (f"等 {len(folded)} 处" if len(folded) > 10 else ""))
    new_projects = writer.resolver.created_projects
    if new_projects and preview.kind != "projects":
        names = "、".join(p.name for p in new_projects[:5]) + ("等" if len(new_projects) > 5 else "")
        result.notes.append(
            f"系统中没有的项目 {len(new_projects)} 个（{names}）将新建，项目编号按 IMP-年度-序号 生成，"
            "阶段按“前期”登记，请导入后在项目信息中核对"
        )
    return result


def _sheets_text(preview: ImportPreview) -> str:
    """The batch's sheet column (128 characters): every sheet read, shortened with 等 when too long."""
    names = preview.sheets or [preview.sheet]
    text = "、".join(names)
    return text if len(text) <= 128 else text[:120].rstrip("、") + f"等{len(names)}个"


def _rows_text(rows: list[PreviewRow], limit: int = 20) -> str:
    shown = "、".join(where_of(row) for row in rows[:limit])
    return shown + (f"等 {len(rows)} 行" if len(rows) > limit else "")


def dry_run_import(db: Database, preview: ImportPreview, *, policy: DuplicatePolicy = DuplicatePolicy.SKIP,
                   today: date | None = None) -> ImportResult:
    """What importing would do, row by row, without changing anything (the transaction is rolled back)."""
    day = today or date.today()
    with collector_paused():  # every row's records alive until the end, none of them garbage (desktop/gc_pause)
        session = db.new_session()
        try:
            session.begin()
            outcomes, books, writer = _run(session, preview, policy, day)
            return _result(preview, outcomes, books, writer, dry_run=True)
        except _Unplaced as unplaced:
            session.rollback()
            raise _locate(db, preview, policy, day, unplaced) from unplaced.cause
        finally:
            session.rollback()
            session.close()


def apply_import(db: Database, preview: ImportPreview, *, policy: DuplicatePolicy = DuplicatePolicy.SKIP,
                 data_dir: Path | None = None, source: Path | None = None,
                 today: date | None = None) -> ImportResult:
    """Store the good rows of `preview` in one transaction and record the batch; nothing is stored on error.

    Rows the dry run marks duplicate/conflicting/invalid are left out (duplicates are updated instead when
    `policy` is UPDATE). A rotated safety backup (database and attachments) goes to `data_dir`'s backups first.
    """
    with collector_paused():  # every row's records alive until the commit, none of them garbage (desktop/gc_pause)
        return _apply(db, preview, policy, data_dir, source, today or date.today())


def _apply(db: Database, preview: ImportPreview, policy: DuplicatePolicy, data_dir: Path | None,
           source: Path | None, day: date) -> ImportResult:
    _check_importable(preview)
    backup_path = None
    if data_dir is not None:
        backup = backups.backup_before_import(db, data_dir)
        backup_path = backup.path if backup is not None else None
    try:
        return _store(db, preview, policy, day, backup_path, source)
    except _Unplaced as unplaced:  # rolled back: name the row as the dry run does
        raise _locate(db, preview, policy, day, unplaced) from unplaced.cause


def _store(db: Database, preview: ImportPreview, policy: DuplicatePolicy, day: date, backup_path: Path | None,
           source: Path | None) -> ImportResult:
    with db.transaction() as session:
        _serialise(session)
        outcomes, books, writer = _run(session, preview, policy, day)
        result = _result(preview, outcomes, books, writer, dry_run=False)
        stored = result.stored_rows
        if stored == 0:
            raise NothingToImport("本文件的行全部与已有数据重复或不能导入，未导入任何数据。\n" +
                                  "\n".join(result.summary_lines()))
        batch = ImportBatch(
            kind=preview.kind, file_name=preview.file_name, sheet=_sheets_text(preview), operator=operator_of(session),
            file_sha256=_sha256(source) if source is not None else None,
            rows_created=result.count(RowStatus.NEW), rows_updated=result.count(RowStatus.UPDATED),
            rows_skipped=len(outcomes) - stored + len(preview.rows) - len(preview.importable_rows),
            backup_file=str(backup_path) if backup_path else None,
        )
        session.add(batch)
        session.flush()
        _record_items(session, batch, books)
        result.batch_id = batch.id
        result.backup_path = backup_path
        batch.summary = "\n".join(result.summary_lines())
    if preview.unit_aliases or preview.person_aliases:
        # Remembered like a confirmed column mapping: a preference, outside the batch (undo keeps it).
        with db.transaction() as session:
            unit_aliases.remember(session, preview.unit_aliases)
            unit_aliases.remember(session, preview.person_aliases, "person")
    return result


# pg_advisory_xact_lock key of imports: "imp" + "ort", a number no other part of the program uses.
IMPORT_LOCK_KEY = 0x696D70_06F7274


def _serialise(session: Session) -> None:
    """One import at a time, taken before anything is read: two imports of one ledger started together would each
    see the other's rows missing and store every row twice. The second waits; it then reads the first's committed
    rows and reports them as duplicates. PostgreSQL: a transaction-scoped advisory lock. SQLite: an empty write
    takes the database's write lock at once (a deferred transaction would read first and fail on its first write).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK_KEY})
    else:
        session.execute(text("UPDATE import_batch SET id = id WHERE 0 = 1"))


def _record_items(session: Session, batch: ImportBatch, books: _Bookkeeping) -> None:
    """Write the batch's items with bulk inserts: thousands of rows, no ORM objects needed, a few thousand
    dictionaries at a time (a 50,000-row ledger makes over 100,000 items)."""
    chunk: list[dict[str, Any]] = []
    for item in _items(batch, books):
        chunk.append(item)
        if len(chunk) >= ITEM_CHUNK:
            session.execute(ImportItem.__table__.insert(), chunk)
            chunk = []
    if chunk:
        session.execute(ImportItem.__table__.insert(), chunk)


ITEM_CHUNK = 5_000


def _items(batch: ImportBatch, books: _Bookkeeping) -> Iterator[dict[str, Any]]:
    for obj, row in books.created.values():
        yield {"batch_id": batch.id, "entity": obj.__tablename__, "entity_id": obj.id, "action": "create",
               "source_row": row, "version": obj.version, "old_values": None}
    for entity, entity_id, row in books.bulk:
        yield {"batch_id": batch.id, "entity": entity, "entity_id": entity_id, "action": "create",
               "source_row": row, "version": 1, "old_values": None}
    for obj, row, old in books.updated.values():
        if id(obj) in books.created:
            continue
        yield {"batch_id": batch.id, "entity": obj.__tablename__, "entity_id": obj.id, "action": "update",
               "source_row": row, "version": obj.version, "old_values": old}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
