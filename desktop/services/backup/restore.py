"""Restoring a full backup without ever leaving a half-restored data folder.

The new database is first unpacked next to the live one and checked (integrity, foreign keys, schema not newer
than this program). Only then is a small journal written, and the swap done by renames: the current database's
WAL/SHM files are moved aside and the checked copy renamed over the database file. If the program dies anywhere
after the journal is written, `finish_interrupted_restore` (run before every start) completes the swap; before
it, nothing in the folder has changed. Attachment files are content-addressed, so unpacking them first is
harmless either way. The current data is backed up (as an archive) before anything is touched. Before the
journal, the copy gets the 操作日志 rows the current database wrote after the backup and a 恢复备份 row
(`restore_log`), so the database that goes live holds them.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from desktop import scratch
from desktop.db.engine import make_engine, sqlite_url
from desktop.db.faults import disk_full_message, is_disk_full
from desktop.db.integrity import check_file
from desktop.db.migrate import alembic_config
from desktop.paths import RESTORE_JOURNAL, attachments_dir, database_file
from desktop.services import operators
from desktop.services.backup import encrypted
from desktop.services.backup.archive import (
    MANIFEST,
    BackupError,
    BackupInfo,
    Reason,
    automatic_target,
    create_archive,
    fsync_dir,
    inspect_archive,
)
from desktop.services.backup.restore_log import carry_log

JOURNAL = RESTORE_JOURNAL


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    safety_backup: Path | None
    set_aside: Path | None


def restore_archive(archive: Path, data_dir: Path, *, now: datetime | None = None, operator: str = "系统",
                    listed: bool = False, add_operator: bool = False, passphrase: str | None = None,
                    crash_hook: Callable[[str], None] | None = None) -> RestoreResult:
    """Replace the data folder's database (and add its attachments) from `archive`.

    No program may have the database open (the window closes its workspace first). `operator` is named in the
    恢复备份 row of the 操作日志 (`restore_log`). With `listed` (a name given by `keyproj restore --operator`) the
    name must be on the operator list of the data being replaced, or, when that file cannot be read, of the
    backup (`add_operator` admits a new name, added to the restored list with its audit row); refused before
    anything changes. An encrypted backup needs `passphrase` (or the recovery code): it is decrypted into a
    scratch file of the data folder and every chunk verified before the rest begins (`encrypted`).
    `crash_hook` is for the fault tests: it is called with the name of each step so a test can stop the
    process there.
    """
    hook = crash_hook or (lambda _step: None)
    refuse_if_open_elsewhere(data_dir)
    live = database_file(data_dir)
    current_list = operators.names_in_file(live) if listed else None
    if listed and not add_operator:
        operators.refuse_unlisted(operator, current_list)
    info = inspect_archive(archive, verify=True)
    _refuse_newer_schema(info)
    data_dir.mkdir(parents=True, exist_ok=True)
    finish_interrupted_restore(data_dir)
    scratch.sweep(data_dir)
    plain: Path | None = None
    if info.encryption is not None:
        plain = encrypted.open_to_scratch(archive, info.encryption, passphrase, data_dir)
        try:
            inner = inspect_archive(plain, verify=True)
            _refuse_newer_schema(inner)
        except BaseException:
            plain.unlink(missing_ok=True)
            raise
        info = replace(inner, path=info.path, size=info.size, encryption=info.encryption)
    try:
        return _restore_plain(archive, plain or archive, info, data_dir, now, operator, listed, current_list,
                              add_operator, hook)
    finally:
        if plain is not None:
            plain.unlink(missing_ok=True)


def _restore_plain(archive: Path, readable: Path, info: BackupInfo, data_dir: Path, now: datetime | None,
                   operator: str, listed: bool, current_list: list[str] | None, add_operator: bool,
                   hook: Callable[[str], None]) -> RestoreResult:
    """The restore proper from `readable`, the ordinary backup zip (`archive` itself, or its decrypted copy)."""
    live = database_file(data_dir)
    staged = scratch.scratch_file(data_dir, "restoring.sqlite3")  # unique: never another restore's copy
    try:  # until the journal is written nothing has changed: on any failure the staged copy just goes
        with zipfile.ZipFile(readable) as zf:
            manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
            with zf.open(manifest["database"]) as src, open(staged, "wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
            report = check_file(staged)
            if not report.ok:
                raise BackupError(f"备份 {archive.name} 中的数据库未通过完整性检查，未做任何改动：" +
                                  "；".join(report.lines()[:4]))
            if listed and current_list is None and not add_operator:  # the replaced file could not say
                operators.refuse_unlisted(operator, operators.names_in_file(staged))
            hook("staged")
            _unpack_attachments(zf, manifest, attachments_dir(data_dir))
        hook("attachments")

        safety = _backup_current(live, data_dir, now)
        hook("safety_backup")

        kept = encrypted.plain_copies_dir(data_dir, encrypted.setting_in_file(live),
                                          sealed_anyway=info.encryption is not None)
        aside = kept / f"恢复前的数据库文件_{(now or datetime.now()):%Y%m%d_%H%M%S}"
        carry_log(staged, live, info, operator=operator, safety=safety, aside=aside, list_operator=listed)
        hook("log_carried")
        _write_journal(data_dir, {"staged": staged.name, "aside": str(aside), "archive": str(archive)})
    except BaseException as exc:
        staged.unlink(missing_ok=True)
        if isinstance(exc, OSError) and is_disk_full(exc):
            raise BackupError(disk_full_message(data_dir, _unpacked_bytes(readable), "恢复备份")) from exc
        raise
    hook("journal")
    _swap(data_dir, staged, live, aside, hook)
    (data_dir / JOURNAL).unlink(missing_ok=True)
    fsync_dir(data_dir)
    return RestoreResult(info, safety, aside if aside.exists() else None)


LOCK_FILE = "keyproj.lock"  # the window's QLockFile (desktop.app.acquire_lock): pid on the first line


def refuse_if_open_elsewhere(data_dir: Path) -> None:
    """A window working on this folder keeps writing to the file it opened; swapping the file under it would
    send its later changes into the set-aside copy. So a restore from another process waits for it to close."""
    lock = data_dir / LOCK_FILE
    try:
        pid = int(lock.read_text(encoding="utf-8", errors="replace").split()[0])
    except (OSError, ValueError, IndexError):
        return
    if pid == os.getpid() or not _alive(pid):
        return
    raise BackupError(f"程序窗口正在使用数据文件夹 {data_dir}（进程 {pid}），请先关闭窗口再恢复。"
                      f"如果确实没有打开的窗口，请删除 {lock} 后重试。")


def _alive(pid: int) -> bool:
    return scratch.process_alive(pid)  # on Windows always True: the lock file is trusted


def finish_interrupted_restore(data_dir: Path) -> bool:
    """Complete a restore that was cut off after its journal was written. True when there was one to finish."""
    journal = data_dir / JOURNAL
    if not journal.exists():
        return False
    try:
        state = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        # The journal is written atomically, so an unreadable one was never complete: the swap had not begun.
        journal.unlink(missing_ok=True)
        return False
    live = database_file(data_dir)
    staged = data_dir / state["staged"]
    if staged.exists():
        _swap(data_dir, staged, live, Path(state["aside"]), lambda _step: None)
    journal.unlink(missing_ok=True)
    fsync_dir(data_dir)
    return True


def _swap(data_dir: Path, staged: Path, live: Path, aside: Path, hook: Callable[[str], None]) -> None:
    """Move the live file and its WAL aside (a stale WAL must never meet the new file), then rename the copy in.

    Every step is a rename that can be repeated after a crash: files already moved are simply not found again.
    """
    aside.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", "-shm", "-journal"):
        side = Path(str(live) + suffix)
        if side.exists():
            os.replace(side, aside / side.name)
    hook("aside_wal")
    if live.exists():
        # A hard link keeps the old file in the aside folder while the rename below replaces it in one step,
        # so there is no moment without a database file (which would make a start look like a first start).
        target = aside / live.name
        if not target.exists():
            try:
                os.link(live, target)
            except OSError:  # a file system without hard links (FAT on a USB stick)
                shutil.copy2(live, target)
    hook("aside_db")
    os.replace(staged, live)
    hook("swapped")
    if not any(aside.iterdir()):
        aside.rmdir()


def _backup_current(live: Path, data_dir: Path, now: datetime | None) -> Path | None:
    """An archive of the data about to be replaced. A damaged database cannot be archived; its files are then
    kept as they are in the aside folder by the swap, so nothing is thrown away."""
    if not live.exists() or live.stat().st_size == 0:
        return None
    engine = make_engine(sqlite_url(str(live)), pool=False)
    try:
        stamp = (now or datetime.now()).replace(microsecond=0)
        target = automatic_target(data_dir, Reason.RESTORE, stamp)
        return create_archive(engine, data_dir, target, reason=Reason.RESTORE, now=stamp, exclusive=True).path
    except Exception:  # a damaged current file is the usual reason to restore: keep going, keep its files
        return None
    finally:
        engine.dispose()


def _unpack_attachments(zf: zipfile.ZipFile, manifest: dict, folder: Path) -> None:
    for item in manifest.get("attachments", []):
        rel = Path(item["path"])
        if rel.is_absolute() or ".." in rel.parts:
            raise BackupError(f"备份中的附件路径不合法：{item['path']}")
        target = folder / rel
        if target.exists():
            continue  # named by content hash: an existing file is the same file
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(target.name + ".part")
        with zf.open(f"attachments/{rel.as_posix()}") as src, open(part, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(part, target)


def _unpacked_bytes(archive: Path) -> int:
    """Room a restore needs in the data folder: the database and attachments as they are unpacked."""
    try:
        with zipfile.ZipFile(archive) as zf:
            return sum(item.file_size for item in zf.infolist())
    except (OSError, zipfile.BadZipFile):
        return 0


def _write_journal(data_dir: Path, state: dict) -> None:
    path = data_dir / JOURNAL
    part = path.with_name(path.name + ".part")
    with open(part, "w", encoding="utf-8") as f:
        json.dump(state, f, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())
    os.replace(part, path)
    fsync_dir(data_dir)


def _refuse_newer_schema(info: BackupInfo) -> None:
    from alembic.script import ScriptDirectory

    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if info.schema_revision is not None and info.schema_revision not in known:
        raise BackupError(f"备份由更新版本的程序创建（数据结构版本 {info.schema_revision}），请先升级程序再恢复。")
