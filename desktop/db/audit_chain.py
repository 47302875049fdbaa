"""Tamper evidence for the 操作日志: every row carries a SHA-256 chained to the row before it.

Each row gets a place in the chain (`chain_seq`, 1, 2, 3 …) and `row_hash` = sha256 over the previous row's hash
and this row's own fields (`HASHED`). The rows are linked when their transaction commits (`seal`, called from the
session's before_commit hook), after every flush of it, so whatever wrote them — the audit hook, an undo step, a
bulk import's executemany, rows carried over by a restore — they are linked in the same transaction. On PostgreSQL
an advisory lock makes concurrent commits link one after the other; on SQLite the writer already holds the lock.

`verify` walks the chain and names the last row still intact: a row edited, or deleted anywhere but at the end,
breaks the link after it. Deleting the newest rows leaves a shorter valid chain, so every backup's manifest keeps
the chain's head (`head`) and `keyproj check` compares it (services/backup/archive).

The hashed fields and their text form are fixed: changing them would make every stored hash unverifiable, so a
change needs a new format and a migration that re-links the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    String,
    column,
    create_engine,
    func,
    select,
    table,
    text,
)

GENESIS = "0" * 64
HASHED = ("id", "at", "operator", "action", "entity", "entity_id", "entity_uuid", "field", "old_value",
          "new_value", "source", "reverted_by")
_ADVISORY_KEY = 0x6B6579_0A11  # "key" + "audit": any fixed number no other part of the program uses
_BATCH = 2000

# A lightweight table: the columns as the chain reads them, with `at` as stored text (parsed here, so a value
# edited into something unreadable is a broken row, not a crash).
_T = table("audit_log", *(column(name, Integer if name in ("id", "entity_id", "reverted_by") else String)
                          for name in HASHED),
           column("chain_seq", Integer), column("row_hash", String))


def _at_text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return datetime.fromisoformat(str(value)).isoformat(sep=" ")  # ValueError on an unreadable value


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode
_AT = HASHED.index("at")


def digest(previous: str, seq: int, values: Sequence[Any]) -> str:
    """The hash of one row at place `seq` after `previous`: sha256 of one JSON line of the fields in `HASHED` order
    (`values`, e.g. a row selected as `HASHED`)."""
    line = list(values)
    line[_AT] = _at_text(line[_AT])
    return hashlib.sha256(_ENCODE([previous, seq, *line]).encode("utf-8")).hexdigest()


def has_chain(conn: Connection) -> bool:
    """Whether this database's log has the chain columns (one catalogue lookup: it is asked at every commit)."""
    if conn.dialect.name == "postgresql":
        return conn.execute(text("SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('audit_log') "
                                 "AND attname = 'chain_seq' AND NOT attisdropped")).first() is not None
    return "chain_seq" in _columns(conn)


def seal(conn: Connection) -> int:
    """Link every row not yet in the chain (in id order) after the chain's head. Returns how many were linked."""
    if not has_chain(conn):  # a database not yet upgraded (its upgrade links the rows)
        return 0
    if conn.execute(select(_T.c.id).where(_T.c.chain_seq.is_(None)).limit(1)).first() is None:
        return 0
    if conn.dialect.name == "postgresql":  # one committer at a time reads the head and extends it
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_KEY})
    seq, previous = head(conn) or (0, GENESIS)
    # the driver's own executemany: a bulk import links tens of thousands of rows, and SQLAlchemy's per-row
    # parameter handling would cost more than the hashing
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    statement = f"UPDATE audit_log SET chain_seq = {mark}, row_hash = {mark} WHERE id = {mark}"
    unlinked = select(*[_T.c[n] for n in HASHED]).where(_T.c.chain_seq.is_(None)).order_by(_T.c.id).limit(_BATCH)
    linked = 0
    # A batch at a time, each linked before the next is read (the next unlinked rows follow in id order): a
    # 50,000-row import's 170,000 log rows are never all in memory at once.
    while rows := conn.execute(unlinked).all():
        links = []
        for row in rows:
            seq += 1
            previous = digest(previous, seq, row)
            links.append((seq, previous, row.id))
        conn.exec_driver_sql(statement, links)
        linked += len(links)
    return linked


def head(conn: Connection) -> tuple[int, str] | None:
    """(place, hash) of the newest linked row, or None for an empty chain."""
    row = conn.execute(select(_T.c.chain_seq, _T.c.row_hash).where(_T.c.chain_seq.is_not(None))
                       .order_by(_T.c.chain_seq.desc()).limit(1)).first()
    return (int(row[0]), str(row[1])) if row is not None else None


def hash_at(conn: Connection, seq: int) -> str | None:
    return conn.execute(select(_T.c.row_hash).where(_T.c.chain_seq == seq)).scalar()


@dataclass(frozen=True)
class ChainReport:
    """What walking the chain found. `intact` rows verified from the first; `broken_after` is the place of the last
    intact row when a later one fails (0: the very first fails); `unlinked` counts rows outside the chain."""

    intact: int
    broken_after: int | None = None
    broken_id: int | None = None
    unlinked: int = 0
    present: bool = True  # False: the database predates the chain (not upgraded yet)

    @property
    def ok(self) -> bool:
        return self.present and self.broken_after is None and not self.unlinked

    def lines(self) -> list[str]:
        if not self.present:
            return ["操作日志校验：此数据库尚未升级，没有校验链"]
        out = []
        if self.broken_after is not None:
            out.append(f"操作日志校验：操作日志第{self.broken_after}条之后有记录被删除或修改"
                       f"（从编号 {self.broken_id} 的记录起对不上）")
        if self.unlinked:
            out.append(f"操作日志校验：有 {self.unlinked} 条记录不在校验链中，不是本程序写入的")
        return out or [f"操作日志校验：通过（{self.intact} 条记录首尾相连）"]


def verify(conn: Connection) -> ChainReport:
    """Walk the chain from its first row; stop at the first row whose place or hash does not follow."""
    if "chain_seq" not in _columns(conn):
        return ChainReport(0, present=False)
    previous, expected = GENESIS, 1
    for row in _chained_rows(conn):
        try:
            good = row.chain_seq == expected and row.row_hash == digest(previous, expected, row[:len(HASHED)])
        except (ValueError, TypeError):  # an `at` edited into something that is no time
            good = False
        if not good:
            return ChainReport(expected - 1, expected - 1, row.id, _unlinked(conn))
        previous, expected = row.row_hash, expected + 1
    return ChainReport(expected - 1, unlinked=_unlinked(conn))


def verify_file(path: Path) -> ChainReport:
    """`verify` on a database file opened read-only (checking never changes what is checked)."""
    engine = _read_only_engine(path)
    try:
        with engine.connect() as conn:
            return verify(conn)
    finally:
        engine.dispose()


def head_of_file(path: Path) -> tuple[int, str] | None:
    engine = _read_only_engine(path)
    try:
        with engine.connect() as conn:
            return head(conn) if "chain_seq" in _columns(conn) else None
    finally:
        engine.dispose()


def hash_at_in_file(path: Path, seq: int) -> str | None:
    engine = _read_only_engine(path)
    try:
        with engine.connect() as conn:
            return hash_at(conn, seq)
    finally:
        engine.dispose()


def _chained_rows(conn: Connection) -> Iterator[Any]:
    last = 0
    while True:
        batch = conn.execute(select(*[_T.c[n] for n in HASHED], _T.c.chain_seq, _T.c.row_hash)
                             .where(_T.c.chain_seq > last).order_by(_T.c.chain_seq).limit(_BATCH)).all()
        if not batch:
            return
        yield from batch
        last = batch[-1].chain_seq


def _unlinked(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(_T).where(_T.c.chain_seq.is_(None))).scalar() or 0)


def _columns(conn: Connection) -> set[str]:
    if conn.dialect.name == "sqlite":
        return {row[1] for row in conn.execute(text("PRAGMA table_info(audit_log)"))}
    return {row[0] for row in conn.execute(text(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'audit_log'"))}


def _read_only_engine(path: Path):  # type: ignore[no-untyped-def]
    from desktop.db.integrity import connect_read_only  # mode=ro, or immutable on a write-protected folder

    return create_engine("sqlite://", creator=lambda: connect_read_only(Path(path)))
