"""Full backups: one zip holding a consistent copy of the database, the attachment files it refers to, and a
manifest (date, app version, schema revision, row counts) so a backup can be judged before it is restored.

The copy is taken with SQLite's online backup API, so it is consistent while the app keeps working, and checked
with integrity_check before it is archived: a backup that cannot be restored is worse than none, because it is
trusted. Automatic backups (daily at start-up, before migrations, imports and restores) go to the data folder's
`backups/` and, when the office has chosen one, a second folder (USB stick, another drive); both are rotated.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from desktop import __version__, scratch
from desktop.atomic import give_normal_mode
from desktop.db import audit_chain
from desktop.db.backup import backup_sqlite, database_bytes
from desktop.db.engine import Database
from desktop.db.faults import disk_full_message, free_bytes, is_disk_full
from desktop.db.integrity import check_file
from desktop.errors import DiskFull, UserError
from desktop.paths import DB_FILENAME, attachments_dir, backups_dir
from desktop.services.backup import encrypted, rotation
from desktop.services.backup import files as backup_files
from desktop.services.backup.files import fsync_dir
from desktop.services.encryption import office_key

MANIFEST = "manifest.json"
FORMAT = 1
MIRROR_SETTING = "backup_mirror_dir"


class BackupError(UserError):
    """A backup could not be made or read; the message says which file and why."""


class Reason:
    """Why a backup was taken; the tag is part of the file name so the list explains itself."""

    MANUAL = "手动"
    DAILY = "每日"
    MIGRATION = "升级前"
    IMPORT = "导入前"
    RESTORE = "恢复前"
    EXCHANGE = "交换前"


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds, read from its manifest (and checked against the archive's CRCs)."""

    path: Path
    created_at: datetime
    app_version: str
    schema_revision: str | None
    reason: str
    counts: dict[str, int]
    attachments: int
    size: int
    audit_head: tuple[int, str] | None = None  # the 操作日志 chain's (place, hash) when the backup was made
    encryption: dict | None = None  # an encrypted backup's clear part: fingerprint and wrapped key (`encrypted`)

    @property
    def encrypted(self) -> bool:
        return self.encryption is not None

    def summary_lines(self) -> list[str]:
        from desktop.services.table_labels import count_lines

        size = f"备份文件大小：{self.size / 1024 / 1024:.1f} MB"
        if self.encryption is not None:
            contents = [f"已加密（密钥指纹 {self.encryption.get('fingerprint')}）：数据数量和附件在输入加密口令后才能读取",
                        size]
        else:
            contents = [*count_lines(self.counts), f"附件文件：{self.attachments}个；{size}"]
        return [
            f"备份时间：{self.created_at:%Y年%m月%d日 %H:%M:%S}",
            f"备份原因：{self.reason}",
            f"程序版本：{self.app_version}；数据结构版本：{self.schema_revision or '—'}",
            *contents,
        ]


@dataclass
class BackupResult:
    path: Path
    info: BackupInfo
    mirrored_to: Path | None = None
    warnings: list[str] = field(default_factory=list)


# --- writing ---------------------------------------------------------------------------------------------------

def create_archive(engine: Engine, data_dir: Path, target: Path, *, reason: str = Reason.MANUAL,
                   now: datetime | None = None, exclusive: bool = False) -> BackupInfo:
    """Write a full backup to `target` atomically: a scratch folder and a scratch zip beside the target (unique
    names, removed on any failure, swept after a kill), the zip renamed over `target` at the end.

    `exclusive` is for the automatic names (备份_<stamp>_<reason>.zip): an archive never replaces another, so
    when a second backup of the same second got there first, this one takes the next free name (…_1_…)."""
    _require_sqlite(engine)
    target = Path(target)
    stamp = (now or datetime.now()).replace(microsecond=0)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch.sweep(target.parent)
    needed = backup_files.space_needed(engine, data_dir)
    free = free_bytes(target.parent)
    if free is not None and free < needed + backup_files.HEADROOM:  # refused before a byte is written: the disk keeps its room
        raise BackupError(disk_full_message(target.parent, needed + backup_files.HEADROOM, "备份"))
    setting = encrypted.setting_of(engine)
    sealing = office_key.encrypting_key(setting) is not None
    work: Path | None = None
    part: Path | None = None
    try:
        # beside the target: same disk, no /tmp limits; an encrypted backup's plain copy stays in the data folder
        # (where the database is anyway), never on the stick or mirror disk the backup goes to
        work = scratch.scratch_dir(data_dir if sealing else target.parent, "backup")
        copy = work / DB_FILENAME
        backup_sqlite(engine, copy)
        report = check_file(copy)
        if not report.ok:
            raise BackupError("当前数据库未通过完整性检查，不能用它做备份：" + "；".join(report.structure[:3]
                                                                  + report.foreign_keys[:3] + report.text[:3])
                              + "。请从以前的备份恢复（文件 → 备份与恢复）。")
        counts, revision, shas = backup_files.describe_copy(copy)
        files = backup_files.attachment_files(attachments_dir(data_dir), shas)
        head = audit_chain.head_of_file(copy)  # lets `keyproj check` notice rows deleted at the end later
        manifest = {
            "format": FORMAT,
            "created_at": stamp.isoformat(sep=" "),
            "app_version": __version__,
            "schema_revision": revision,
            "reason": reason,
            "database": DB_FILENAME,
            "database_sha256": backup_files.sha256_of(copy),
            "counts": counts,
            "attachments": [{"sha256": sha, "path": rel} for sha, (rel, _) in sorted(files.items())],
            "missing_attachments": sorted(shas - set(files)),
            "audit_chain": None if head is None else {"count": counts.get("audit_log", 0), "head_seq": head[0],
                                                      "head_hash": head[1]},
        }
        part = scratch.scratch_file(target.parent, "backup.zip")
        plain = work / "backup.zip" if sealing else part
        with zipfile.ZipFile(plain, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
            archive.write(copy, DB_FILENAME)
            for _sha, (rel, source) in sorted(files.items()):
                archive.write(source, f"attachments/{rel}", compress_type=zipfile.ZIP_STORED)
        if sealing:
            encrypted.write_sealed(plain, part, manifest, setting)
        backup_files.fsync_file(part)
        give_normal_mode(part, target)
        if exclusive:
            target = backup_files.publish_exclusive(part, target.parent, stamp, reason)
        else:
            os.replace(part, target)
        part = None
        fsync_dir(target.parent)
    except (OSError, sqlite3.Error, DiskFull) as exc:
        if isinstance(exc, DiskFull) or is_disk_full(exc):  # the room went while writing: at least the copy's size
            needed = max(needed, database_bytes(engine)) + backup_files.HEADROOM
            raise BackupError(disk_full_message(target.parent, needed, "备份")) from exc
        raise
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
        if part is not None:
            part.unlink(missing_ok=True)
    return inspect_archive(target, verify=False)


def automatic_backup(db: Database, data_dir: Path, reason: str, *, now: datetime | None = None,
                     mirror_dir: Path | None = None) -> BackupResult | None:
    """A safety backup into `backups/` (and the mirror folder), then rotation. None on a database server,
    whose backups belong to the server's administrator (pg_dump)."""
    if not db.is_sqlite:
        return None
    stamp = (now or datetime.now()).replace(microsecond=0)
    folder = backups_dir(data_dir)
    info = create_archive(db.engine, data_dir, _free_name(folder, stamp, reason), reason=reason, now=stamp,
                          exclusive=True)
    target = info.path
    result = BackupResult(target, info)
    rotation.rotate(folder, stamp)
    mirror = mirror_dir if mirror_dir is not None else mirror_folder(db)
    if mirror is not None:
        try:
            result.mirrored_to = copy_to_mirror(target, mirror)
            rotation.rotate(mirror, stamp)
        except OSError as exc:
            reason = (disk_full_message(mirror, target.stat().st_size, "复制到第二备份位置") if is_disk_full(exc)
                      else f"{exc.strerror or exc}（U盘是否已插入？）")
            result.warnings.append(f"备份已保存在数据文件夹，但未能复制到第二备份位置 {mirror}：{reason}")
    return result


def daily_backup_if_due(db: Database, data_dir: Path, *, now: datetime | None = None) -> BackupResult | None:
    """The start-up backup: at most one a day, skipped for an empty database (nothing to protect yet)."""
    if not db.is_sqlite:
        return None
    stamp = now or datetime.now()
    if any(d.at.date() == stamp.date() for d in rotation.dated_archives(backups_dir(data_dir))):
        return None
    if sum(backup_files.live_counts(db.engine).values()) == 0:
        return None
    return automatic_backup(db, data_dir, Reason.DAILY, now=stamp)


def backup_before_import(db: Database, data_dir: Path, *, now: datetime | None = None) -> BackupResult | None:
    """For importers: call before writing imported rows, so a wrong import can be undone by a restore."""
    return automatic_backup(db, data_dir, Reason.IMPORT, now=now)


def copy_to_mirror(archive: Path, mirror: Path) -> Path:
    mirror.mkdir(parents=True, exist_ok=True)
    scratch.sweep(mirror)
    target = mirror / archive.name
    part = scratch.scratch_file(mirror, "mirror.zip")
    try:
        with open(archive, "rb") as src, open(part, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        give_normal_mode(part, target)
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return target


def mirror_folder(db: Database) -> Path | None:
    from desktop.services import office_settings

    with db.read() as session:
        value = office_settings.get(session, MIRROR_SETTING)
    return Path(value) if value else None


def set_mirror_folder(db: Database, folder: Path | None) -> None:
    from desktop.services import office_settings

    with db.transaction() as session:
        office_settings.put(session, MIRROR_SETTING, str(folder) if folder else None)


def default_archive_name(now: datetime | None = None) -> str:
    return rotation.archive_name((now or datetime.now()).replace(microsecond=0), Reason.MANUAL)


# --- reading ---------------------------------------------------------------------------------------------------

def inspect_archive(path: Path, *, verify: bool = True) -> BackupInfo:
    """Read the manifest; with `verify`, also check every member's CRC (a truncated copy on a USB stick fails)."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            if verify and (bad := archive.testzip()) is not None:
                raise BackupError(f"备份文件 {path.name} 已损坏（{bad} 校验失败），不能用于恢复。")
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            sealed_part = manifest.get("encrypted") if isinstance(manifest.get("encrypted"), dict) else None
            if int(manifest.get("format", 0)) > encrypted.FORMAT:
                raise BackupError(f"备份文件 {path.name} 由更新版本的程序创建，请先升级程序。")
            if sealed_part is not None and sealed_part.get("member") not in archive.namelist():
                raise BackupError(f"备份文件 {path.name} 中缺少加密的数据部分。")
            if sealed_part is None and manifest.get("database") not in archive.namelist():
                raise BackupError(f"备份文件 {path.name} 中缺少数据库文件。")
    except FileNotFoundError as exc:
        raise BackupError(f"找不到备份文件 {path}。") from exc
    except (zipfile.BadZipFile, zlib.error, KeyError, ValueError, EOFError) as exc:
        raise BackupError(f"{path.name} 不是本程序的备份文件，或文件不完整（{exc}）。") from exc
    return BackupInfo(
        path=path,
        created_at=datetime.fromisoformat(manifest["created_at"]),
        app_version=str(manifest.get("app_version", "")),
        schema_revision=manifest.get("schema_revision"),
        reason=str(manifest.get("reason", "")),
        counts={str(k): int(v) for k, v in manifest.get("counts", {}).items()},
        attachments=len(manifest.get("attachments", [])),
        size=path.stat().st_size,
        audit_head=_audit_head(manifest.get("audit_chain")),
        encryption=sealed_part,
    )


def _audit_head(chain: object) -> tuple[int, str] | None:
    if not isinstance(chain, dict) or not isinstance(chain.get("head_seq"), int):
        return None
    return chain["head_seq"], str(chain.get("head_hash") or "")


def list_backups(data_dir: Path, mirror: Path | None = None) -> list[BackupInfo | BackupError]:
    """Every archive we made, newest first; unreadable ones are listed as their error rather than hidden."""
    folders = [backups_dir(data_dir)] + ([mirror] if mirror is not None else [])
    seen: set[str] = set()
    out: list[tuple[datetime, BackupInfo | BackupError]] = []
    for folder in folders:
        for d in rotation.dated_archives(folder):
            if d.path.name in seen:
                continue
            seen.add(d.path.name)
            try:
                out.append((d.at, inspect_archive(d.path, verify=False)))
            except BackupError as exc:
                out.append((d.at, exc))
    return [item for _, item in sorted(out, key=lambda t: t[0], reverse=True)]


@dataclass(frozen=True)
class BackupSearch:
    """The newest archive that checks out, and the newer ones passed over on the way, each with its reason, so
    the user is told which backups are bad rather than silently offered an older one."""

    found: BackupInfo | None
    skipped: list[tuple[Path, str]] = field(default_factory=list)

    def skipped_lines(self) -> list[str]:
        return [f"已跳过损坏的备份 {path.name}：{reason}" for path, reason in self.skipped]


def find_good_backup(data_dir: Path, mirror: Path | None = None,
                     progress: Callable[[Path], None] | None = None) -> BackupSearch:
    """Walk the archives newest first and stop at the first whose manifest reads and whose CRCs check out."""
    folders = [backups_dir(data_dir)] + ([mirror] if mirror is not None else [])
    seen: set[str] = set()
    dated: list[rotation.Dated] = []
    for folder in folders:
        for d in rotation.dated_archives(folder):
            if d.path.name not in seen:
                seen.add(d.path.name)
                dated.append(d)
    skipped: list[tuple[Path, str]] = []
    for d in sorted(dated, key=lambda d: (d.at, d.path.name), reverse=True):
        if progress is not None:
            progress(d.path)
        try:
            return BackupSearch(inspect_archive(d.path, verify=True), skipped)
        except BackupError as exc:
            skipped.append((d.path, str(exc)))
        except OSError as exc:  # a failing USB stick or sector: that copy is no good, an older one may be
            skipped.append((d.path, f"无法读取（{exc.strerror or exc}）"))
    return BackupSearch(None, skipped)


def newest_good_backup(data_dir: Path, mirror: Path | None = None,
                       progress: Callable[[Path], None] | None = None) -> BackupInfo | None:
    """The most recent archive whose CRCs check out: what to offer when the database is found damaged."""
    return find_good_backup(data_dir, mirror, progress).found


# --- helpers ---------------------------------------------------------------------------------------------------

def _require_sqlite(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        raise BackupError("当前使用 PostgreSQL 服务器，数据由服务器保存；请由服务器管理员用 pg_dump 定期备份。")


def automatic_target(data_dir: Path, reason: str, now: datetime | None = None) -> Path:
    """A fresh file name in the data folder's `backups/` for an automatic backup."""
    return _free_name(backups_dir(data_dir), (now or datetime.now()).replace(microsecond=0), reason)


def _free_name(folder: Path, stamp: datetime, reason: str) -> Path:
    attempt = 0
    while (candidate := folder / rotation.archive_name(stamp, reason, attempt)).exists():
        attempt += 1
    return candidate
