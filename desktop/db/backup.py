"""Consistent copies of a live SQLite database through the online backup API (safe while the app runs)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from desktop.db.faults import disk_full_message, is_disk_full
from desktop.errors import DiskFull
from desktop.scratch import scratch_file


def backup_sqlite(engine: Engine, target: Path, *, what: str = "数据库备份") -> Path:
    """Copy the database behind `target` atomically: a uniquely named scratch file beside it (two copies to the
    same folder at the same second never meet), renamed over `target` at the end, removed on any failure. A full
    disk is DiskFull, saying how much room the copy needs (`what` names the copy in that message)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        tmp = scratch_file(target.parent, "copy.sqlite3")
    except OSError as exc:
        if is_disk_full(exc):
            raise DiskFull(disk_full_message(target.parent, database_bytes(engine), what)) from exc
        raise
    try:
        raw = engine.raw_connection()
        try:
            source: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
            dest = sqlite3.connect(tmp)
            try:
                source.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()
        finally:
            raw.close()
        os.replace(tmp, target)
    except BaseException as exc:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        if isinstance(exc, (OSError, sqlite3.Error)) and is_disk_full(exc):
            raise DiskFull(disk_full_message(target.parent, database_bytes(engine), what)) from exc
        raise
    return target


def database_bytes(engine: Engine) -> int:
    """The database's size as SQLite counts it (pages in use, WAL included), for the room a copy needs."""
    raw = engine.raw_connection()
    try:
        conn: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        return int(pages) * int(size)
    except sqlite3.Error:
        return 0
    finally:
        raw.close()
