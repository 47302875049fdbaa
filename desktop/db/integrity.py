"""Checks that a SQLite file is sound: page structure (integrity_check) and references (foreign_key_check).

`integrity_check` does not look at foreign keys, so both are run (engineering-facts §3.3). The checks work on a
plain file path too, so a backup copy can be verified before anyone relies on it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine


@dataclass(frozen=True)
class IntegrityReport:
    """What the checks found; empty lists mean the file is sound."""

    structure: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.structure and not self.foreign_keys

    def lines(self) -> list[str]:
        """Chinese lines for the console or a dialog."""
        if self.ok:
            return ["完整性检查：通过", "外键检查：通过"]
        out = []
        out.append("完整性检查：" + ("通过" if not self.structure else f"发现 {len(self.structure)} 处问题"))
        out.extend(f"  {line}" for line in self.structure[:20])
        out.append("外键检查：" + ("通过" if not self.foreign_keys else f"发现 {len(self.foreign_keys)} 处引用不存在的记录"))
        out.extend(f"  {line}" for line in self.foreign_keys[:20])
        return out


def check_connection(conn: sqlite3.Connection, *, quick: bool = False) -> IntegrityReport:
    try:
        rows = conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:  # not a database at all, or the header is gone
        return IntegrityReport(structure=[str(exc)])
    structure = [str(r[0]) for r in rows if r[0] != "ok"]
    if structure:
        return IntegrityReport(structure=structure)
    try:
        fk_rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return IntegrityReport(structure=[str(exc)])
    foreign_keys = [f"表 {table} 第 {rowid} 行引用的 {parent} 记录不存在" for table, rowid, parent, _ in fk_rows]
    return IntegrityReport(foreign_keys=foreign_keys)


def check_file(path: Path, *, quick: bool = False) -> IntegrityReport:
    """Check a database file opened read-only, so checking can never change what is checked."""
    path = Path(path)
    if not path.exists():
        return IntegrityReport(structure=[f"文件不存在：{path}"])
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
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
