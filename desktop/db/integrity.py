"""Checks that a SQLite file is sound: page structure (integrity_check) and references (foreign_key_check).

`integrity_check` does not look at foreign keys, so both are run (engineering-facts §3.3). The checks work on a
plain file path too, so a backup copy can be verified before anyone relies on it.

`identify_file` answers the question before them: is this file a keyproj database at all? A zero-byte file passes
integrity_check (there is nothing to check) and a foreign SQLite file passes it too; neither may be taken as the
office's data, nor silently given a fresh schema while the folder holds backups of the real one.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from sqlalchemy import Engine


@dataclass(frozen=True)
class IntegrityReport:
    """What the checks found; empty lists mean the file is sound."""

    structure: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    text_checked: bool = False

    @property
    def ok(self) -> bool:
        return not self.structure and not self.foreign_keys and not self.text

    def lines(self) -> list[str]:
        """Chinese lines for the console or a dialog."""
        out = ["完整性检查：" + ("通过" if not self.structure else f"发现 {len(self.structure)} 处问题")]
        out.extend(f"  {line}" for line in self.structure[:20])
        if self.structure:  # the other checks read through the damaged pages: they were not run
            return out
        out.append("外键检查：" + ("通过" if not self.foreign_keys else f"发现 {len(self.foreign_keys)} 处引用不存在的记录"))
        out.extend(f"  {line}" for line in self.foreign_keys[:20])
        if self.text_checked:
            out.append("文字检查：" + ("通过" if not self.text else f"发现 {len(self.text)} 处无法读取的文字"))
            out.extend(f"  {line}" for line in self.text[:20])
        return out


@dataclass(frozen=True)
class TextDamage:
    """A stored text that is not valid UTF-8: a flipped byte inside a record, which integrity_check does not see
    (the page structure is intact) but which makes every read of the row fail."""

    table: str
    column: str
    rowid: int | None

    def __str__(self) -> str:
        from desktop.db.table_names import table_label

        row = f"第 {self.rowid} 行" if self.rowid is not None else ""
        return f"「{table_label(self.table)}」表（{self.table}）{row}的 {self.column} 字段中的文字无法读取（不是有效的 UTF-8）"


def undecodable_text(conn: sqlite3.Connection, *, columns: set[str] | None = None,
                     limit: int = 200) -> list[TextDamage]:
    """Every text value that does not decode, table by table (only `columns` when given). Each row's texts are
    read as one concatenated byte string and decoded once; only a row that fails is looked at column by column."""
    previous = conn.text_factory
    conn.text_factory = bytes
    found: list[TextDamage] = []
    try:
        tables = [r[0].decode("utf-8", "replace") for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for table in tables:
            names = [r[1].decode("utf-8", "replace") for r in conn.execute(f'PRAGMA table_info("{table}")')]
            cols = [c for c in names if columns is None or c in columns]
            if not cols:
                continue
            texts = [f"""CASE WHEN typeof("{c}")='text' THEN "{c}" END""" for c in cols]
            joined = " || ".join(f"coalesce({t}, '')" for t in texts)
            for rowid, blob in conn.execute(f'SELECT rowid, {joined} FROM "{table}"'):
                if blob is None:
                    continue
                try:
                    blob.decode("utf-8")
                    continue
                except UnicodeDecodeError:
                    pass
                values = conn.execute(f'SELECT {", ".join(texts)} FROM "{table}" WHERE rowid = ?', (rowid,)).fetchone()
                for column, value in zip(cols, values, strict=True):
                    if value is not None and not _decodes(value):
                        found.append(TextDamage(table, column, rowid))
                if len(found) >= limit:
                    return found
    finally:
        conn.text_factory = previous
    return found


def _decodes(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every revision since 0001 has: a file without them is not (or no longer) one of ours.
CORE_TABLES = frozenset({"app_setting", "audit_log", "project", "issue", "unit", "issue_note"})


class FileState(Enum):
    MISSING = "missing"
    EMPTY = "empty"            # 0 bytes, or a SQLite file without a single table: what a first start leaves
    NOT_SQLITE = "not_sqlite"  # some other file under our name, or a header overwritten
    UNREADABLE = "unreadable"  # a SQLite header, but the schema cannot be read
    FOREIGN = "foreign"        # a sound SQLite database of some other program
    INCOMPLETE = "incomplete"  # some of our tables, but no schema version or core tables missing
    KEYPROJ = "keyproj"


@dataclass(frozen=True)
class FileIdentity:
    """What a database file is; `detail` is a Chinese phrase naming what was found, for messages."""

    path: Path
    state: FileState
    detail: str = ""

    @property
    def is_new(self) -> bool:
        """Nothing is in the file: a first start, or (when the folder has backups) data that was lost."""
        return self.state in (FileState.MISSING, FileState.EMPTY)

    @property
    def usable(self) -> bool:
        return self.state is FileState.KEYPROJ


def connect_read_only(path: Path) -> sqlite3.Connection:
    """Open `path` so that nothing can be written, not even a -shm file: `mode=ro` where the folder is writable,
    and `immutable=1` where it is not (a write-protected USB stick), since WAL mode otherwise needs to create its
    shared-memory file beside the database just to read it."""
    path = Path(path)
    uri = path.resolve().as_uri()
    if os.access(path.parent, os.W_OK):
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            if "unable to open" not in str(exc):
                raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)


def identify_file(path: Path) -> FileIdentity:
    """Tell a keyproj database from an empty, foreign or unreadable file, reading it only (never creating it)."""
    path = Path(path)
    if not path.exists():
        return FileIdentity(path, FileState.MISSING, "找不到数据库文件")
    wal = Path(f"{path}-wal")
    size = path.stat().st_size
    if size == 0 and not (wal.exists() and wal.stat().st_size > 0):
        return FileIdentity(path, FileState.EMPTY, "数据库文件是空的（0 字节）")
    if size > 0:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
        if head != SQLITE_HEADER:
            return FileIdentity(path, FileState.NOT_SQLITE,
                                f"文件不是 SQLite 数据库（{size} 字节，文件头不对），可能已被覆盖或损坏")
    try:
        conn = connect_read_only(path)
    except sqlite3.DatabaseError as exc:
        return FileIdentity(path, FileState.UNREADABLE, f"无法读取数据库（{exc}）")
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        versions = (conn.execute("SELECT version_num FROM alembic_version").fetchall()
                    if "alembic_version" in tables else [])
    except sqlite3.DatabaseError as exc:
        return FileIdentity(path, FileState.UNREADABLE, f"无法读取数据库结构（{exc}）")
    finally:
        conn.close()
    tables -= {name for name in tables if name.startswith("sqlite_")}
    if not tables:
        return FileIdentity(path, FileState.EMPTY, "数据库文件中没有任何数据表")
    if "alembic_version" not in tables and not tables & CORE_TABLES:
        shown = "、".join(sorted(tables)[:5]) + ("等" if len(tables) > 5 else "")
        return FileIdentity(path, FileState.FOREIGN, f"不是本程序的数据库（其中的表：{shown}）")
    if len(versions) != 1:
        return FileIdentity(path, FileState.INCOMPLETE, "数据库缺少数据结构版本记录（alembic_version），不完整")
    if missing := sorted(CORE_TABLES - tables):
        return FileIdentity(path, FileState.INCOMPLETE, "数据库缺少本程序的数据表：" + "、".join(missing))
    return FileIdentity(path, FileState.KEYPROJ)


def check_connection(conn: sqlite3.Connection, *, quick: bool = False) -> IntegrityReport:
    """Page structure, then references, then (unless `quick`) a decode of every stored text."""
    try:
        rows = conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:  # not a database at all, or the header is gone
        return IntegrityReport(structure=[str(exc)])
    structure = [str(r[0]) for r in rows if r[0] != "ok"]
    if structure:
        return IntegrityReport(structure=structure)
    try:
        fk_rows = conn.execute("PRAGMA foreign_key_check").fetchall()
        foreign_keys = [f"表 {table} 第 {rowid} 行引用的 {parent} 记录不存在" for table, rowid, parent, _ in fk_rows]
        text = [] if quick else [str(d) for d in undecodable_text(conn)]
    except sqlite3.DatabaseError as exc:
        return IntegrityReport(structure=[str(exc)])
    return IntegrityReport(foreign_keys=foreign_keys, text=text, text_checked=not quick)


def check_file(path: Path, *, quick: bool = False) -> IntegrityReport:
    """Check a database file opened read-only, so checking can never change what is checked."""
    path = Path(path)
    if not path.exists():
        return IntegrityReport(structure=[f"文件不存在：{path}"])
    try:
        conn = connect_read_only(path)
    except sqlite3.DatabaseError as exc:
        return IntegrityReport(structure=[str(exc)])
    try:
        return check_connection(conn, quick=quick)
    finally:
        conn.close()


def check_engine(engine: Engine, *, quick: bool = False) -> IntegrityReport:
    """Check the live database behind an engine (SQLite only; a server checks itself)."""
    raw = engine.raw_connection()
    try:
        return check_connection(raw.driver_connection, quick=quick)  # type: ignore[arg-type]
    finally:
        raw.close()
