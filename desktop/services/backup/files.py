"""The file work under a backup: room needed, the copy's contents, attachment files, fsync, and the atomic
no-overwrite naming of automatic archives. Kept apart from archive.py, which says what a backup is."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from desktop.db.backup import database_bytes
from desktop.paths import attachments_dir
from desktop.services.backup import rotation


def publish_exclusive(part: Path, folder: Path, stamp: datetime, reason: str) -> Path:
    """Give the finished zip the first free automatic name, atomically: a hard link fails if the name is taken
    (another backup of the same second, in this process or another); where there are no hard links (FAT on a USB
    stick) the name is reserved with an exclusive create and the zip renamed over the reservation."""
    attempt = 0
    while True:
        candidate = folder / rotation.archive_name(stamp, reason, attempt)
        try:
            os.link(part, candidate)
        except FileExistsError:
            attempt += 1
            continue
        except OSError:
            try:
                os.close(os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            except FileExistsError:
                attempt += 1
                continue
            os.replace(part, candidate)
            return candidate
        part.unlink()
        return candidate


HEADROOM = 1024 * 1024  # left free after a backup, so the database itself can still commit


def space_needed(engine: Engine, data_dir: Path) -> int:
    """What a backup occupies at its peak: the database copy and the zip side by side (the zip at most the
    copy, compressed, plus the attachments, stored as they are)."""
    folder = attachments_dir(data_dir)
    attachments = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0
    return 2 * database_bytes(engine) + attachments


def describe_copy(copy: Path) -> tuple[dict[str, int], str | None, set[str]]:
    conn = sqlite3.connect(copy)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables
                  if t != "alembic_version"}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        shas: set[str] = set()
        if "attachment" in tables:
            shas = {r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM attachment")}
    finally:
        conn.close()
    return counts, revision, shas


def live_counts(engine: Engine) -> dict[str, int]:
    raw = engine.raw_connection()
    try:
        conn: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT IN ('alembic_version', 'app_setting', 'audit_log')")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        raw.close()


def attachment_files(folder: Path, shas: set[str]) -> dict[str, tuple[str, Path]]:
    """sha256 → (path relative to attachments/, absolute path), whatever sub-folder layout the files use."""
    if not shas or not folder.is_dir():
        return {}
    found: dict[str, tuple[str, Path]] = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.name.endswith(".part") and (stem := path.name.split(".")[0].lower()) in shas \
                and stem not in found:
            found[stem] = (path.relative_to(folder).as_posix(), path)
    return found


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows; NTFS journals the rename
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
