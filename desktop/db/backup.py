"""Consistent copies of a live SQLite database through the online backup API (safe while the app runs)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from desktop.scratch import scratch_file


def backup_sqlite(engine: Engine, target: Path) -> Path:
    """Copy the database behind `target` atomically: a uniquely named scratch file beside it (two copies to the
    same folder at the same second never meet), renamed over `target` at the end, removed on any failure."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = scratch_file(target.parent, "copy.sqlite3")
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
    except BaseException:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return target
