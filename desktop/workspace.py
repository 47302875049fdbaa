"""Opening the office's data: folder, database, migrations. Shared by the window and every `keyproj` command."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import configure_mappers

from desktop import paths, scratch
from desktop.db.engine import Database, make_engine, read_only_sqlite_url, sqlite_url
from desktop.db.integrity import FileState, identify_file
from desktop.db.location import network_location
from desktop.db.migrate import newest_revision, stored_revision, upgrade
from desktop.db.models import Project
from desktop.errors import UserError


class WorkspaceError(RuntimeError):
    """The data could not be opened; the message is for the user. `damaged` says the database file itself is
    broken, so the window can offer the newest good backup instead of just giving up. `replaceable` says the file
    is missing or empty beside backups: the user may choose a new, empty database instead of a restore."""

    def __init__(self, message: str, *, damaged: bool = False, replaceable: bool = False) -> None:
        super().__init__(message)
        self.damaged = damaged
        self.replaceable = replaceable


@dataclass
class Workspace:
    data_dir: Path
    db: Database
    warnings: list[str] = field(default_factory=list)

    @property
    def attachments_dir(self) -> Path:
        return paths.attachments_dir(self.data_dir)

    @property
    def backups_dir(self) -> Path:
        return paths.backups_dir(self.data_dir)

    @property
    def database_file(self) -> Path | None:
        return paths.database_file(self.data_dir) if self.db.is_sqlite else None

    def is_empty(self) -> bool:
        with self.db.read() as session:
            return (session.scalar(select(func.count(Project.id))) or 0) == 0

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_workspace(data_dir: Path | None = None, database_url: str | None = None, *,
                   operator: str = "系统", allow_network_share: bool = False,
                   allow_new_beside_backups: bool = False) -> Workspace:
    """Open (creating on first use) the data in `data_dir`, or on the server at `database_url`.

    A folder whose database file is gone but which holds backups is not silently given a new, empty database:
    that is refused (damaged=True) unless the caller has asked the user (`allow_new_beside_backups`).
    """
    folder = Path(data_dir) if data_dir else paths.default_data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(f"无法创建数据文件夹 {folder}：{exc.strerror or exc}") from exc
    warnings: list[str] = []
    if database_url is None:
        share = network_location(folder)
        if share is not None:
            message = (f"数据文件夹位于{share}。SQLite 数据库放在网络共享上可能损坏，请改用本机磁盘，"
                       "多人共用请使用 PostgreSQL 服务器（见 README）。")
            if not allow_network_share:
                raise WorkspaceError(message)
            warnings.append(message)
        _require_writable(folder)
        url = sqlite_url(str(paths.database_file(folder)))
    else:
        url = database_url
    if database_url is None:
        from desktop.services.backup.restore import finish_interrupted_restore

        if finish_interrupted_restore(folder):
            warnings.append("上次恢复备份时程序被中断，已在本次启动时完成恢复。")
        # Copies as large as the database, left by a backup or restore that was killed: gone at the next start.
        scratch.sweep(folder)
        scratch.sweep(paths.backups_dir(folder))
        scratch.sweep(folder / "撤销用副本")  # services/backup/encrypted.PLAIN_COPIES_DIRNAME (encrypting offices)
        _refuse_unusable_file(folder, allow_new_beside_backups)
    # Mapper set-up (~0.1 s) would otherwise happen on the first query, which the window makes on its GUI thread;
    # here it runs where the workspace is opened (a worker thread at start-up).
    configure_mappers()
    engine = make_engine(url)
    try:
        if engine.dialect.name == "sqlite":
            _quick_check(engine)
            _archive_before_migration(engine, folder)
        upgrade(engine, backup_dir=_raw_copy_dir(engine, folder))
    except UserError as exc:  # the backup before a schema upgrade did not fit (DiskFull, BackupError)
        engine.dispose()
        raise WorkspaceError(f"升级数据结构前要先备份，但备份未能完成：{exc}") from exc
    except DBAPIError as exc:
        engine.dispose()
        if engine.dialect.name != "sqlite":
            raise WorkspaceError(
                f"无法连接数据库服务器 {engine.url.render_as_string(hide_password=True)}（{exc.orig}）。"
                "请检查服务器地址、端口、数据库名、用户名和密码，以及网络连接；本机数据未受影响。"
            ) from exc
        raise WorkspaceError(
            f"无法打开数据库（{exc.orig}）。数据库文件可能已损坏，或不是本程序的数据库。"
            "请不要继续写入，使用“文件 → 备份与恢复”或 keyproj restore 从最近的备份恢复。", damaged=True
        ) from exc
    return Workspace(folder, Database(engine, operator=operator), warnings)


READ_ONLY_NOTE = ("数据文件夹是只读的（写保护的U盘、只读的文件夹或磁盘），本次以只读方式打开：可以查看、查询，"
                  "并把台账和文书导出到其他文件夹；不能保存修改，也不做自动备份。需要修改时，请把数据文件夹复制到可写的位置后再打开。")


def open_read_only(data_dir: Path, *, operator: str = "系统") -> Workspace:
    """The data of a read-only folder (a write-protected stick, a read-only mount), opened so that nothing can be
    written: the file as `immutable`, every `transaction()` refused in Chinese before it starts, no migration, no
    sweep. Refused when the file is not the office's database, needs a schema upgrade, or has changes still in its
    write-ahead log (an immutable read would not see them: the data shown would be older than the data)."""
    folder = Path(data_dir)
    db_file = paths.database_file(folder)
    identity = identify_file(db_file)
    if not identity.usable:
        raise WorkspaceError(f"数据文件夹 {folder} 是只读的，其中的数据库文件不能使用"
                             f"（{identity.detail or '找不到数据库文件'}）。数据未做任何改动。")
    wal = db_file.with_name(db_file.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise WorkspaceError(f"数据文件夹 {folder} 是只读的，而数据库还有上次未写入主文件的修改（{wal.name}）："
                             "只读时读不到这些修改。请把数据文件夹复制到可写的位置后再打开，修改会在打开时补上。")
    configure_mappers()
    engine = make_engine(read_only_sqlite_url(str(db_file)))
    try:
        _quick_check(engine)
        if stored_revision(engine) != newest_revision():
            raise WorkspaceError(f"数据文件夹 {folder} 是只读的，而数据库来自旧版本程序、需要先升级数据结构，只读时无法升级。"
                                 "请把数据文件夹复制到可写的位置后再打开。数据未做任何改动。")
    except WorkspaceError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        raise WorkspaceError(f"无法以只读方式打开数据库（{exc.orig}）。数据未做任何改动。") from exc
    return Workspace(folder, Database(engine, operator=operator, read_only=True), [READ_ONLY_NOTE])


RESTORE_HINT = "请用“文件 → 备份与恢复”或 keyproj restore 从最近的完好备份恢复。"


def _refuse_unusable_file(folder: Path, allow_new_beside_backups: bool) -> None:
    """Never start on a file that is not the office's database, and never build an empty schema where the data
    was lost: a missing or empty (0-byte) file is a first start only when the folder has no backups."""
    from desktop.services.backup.rotation import dated_archives

    identity = identify_file(paths.database_file(folder))
    if identity.usable:
        return
    if identity.is_new:
        if allow_new_beside_backups or not dated_archives(paths.backups_dir(folder)):
            return
        what = ("找不到数据库文件（可能被移动、删除或改名）" if identity.state is FileState.MISSING
                else f"数据库文件 {identity.path.name} 是空的（0 字节，数据已丢失，可能是磁盘故障或复制中断）")
        raise WorkspaceError(f"数据文件夹 {folder} 中{what}，但有以前的备份。为免在空数据库上继续工作，程序没有新建数据库。"
                             + RESTORE_HINT, damaged=True, replaceable=True)
    raise WorkspaceError(f"数据库文件 {identity.path} 已损坏或不是本程序的数据库：{identity.detail}。"
                         "程序不会在它上面启动，也不会改动它。" + RESTORE_HINT, damaged=True)


def _require_writable(folder: Path) -> None:
    """SQLite in WAL mode must write beside the database even to read it; a read-only folder (write-protected USB
    stick, read-only share, missing permission) is said plainly instead of surfacing as "unable to open"."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise WorkspaceError(
            f"数据文件夹 {folder} 不能写入（{exc.strerror or exc}）：可能是只读U盘、只读文件夹或权限不足。"
            "本程序需要写入数据文件夹才能保存修改；请检查文件夹权限，或把数据文件夹复制到可写的位置后再打开。数据未做任何改动。"
        ) from exc


def _raw_copy_dir(engine: Engine, folder: Path) -> Path:
    """Where migrate.py keeps its raw copy for rolling back a failed step: `backups/`, or, when the office
    encrypts its backups, the data folder's plain-copies folder (services/backup/encrypted)."""
    if engine.dialect.name != "sqlite":
        return paths.backups_dir(folder)
    from desktop.services.backup import encrypted

    return encrypted.plain_copies_dir(folder, encrypted.setting_of(engine))


def _archive_before_migration(engine: Engine, folder: Path) -> None:
    """A full, restorable backup (with attachments) before the schema changes; migrate.py keeps its own raw copy
    for rolling back a failed step, this one is for the user to go back to later."""
    from sqlalchemy import inspect

    if not inspect(engine).get_table_names():
        return
    before = stored_revision(engine)
    if before is None or before == newest_revision():
        return
    from desktop.services.backup import archive as backups

    target = backups.automatic_target(folder, backups.Reason.MIGRATION)
    backups.create_archive(engine, folder, target, reason=backups.Reason.MIGRATION, exclusive=True)


def _quick_check(engine: Engine) -> None:
    """Refuse a damaged file plainly instead of starting on it (and never silently start empty)."""
    with engine.connect() as conn:
        result = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    if result != ["ok"]:
        raise WorkspaceError(
            "数据库完整性检查未通过：" + "；".join(result[:3]) +
            "。请不要继续写入，使用“文件 → 备份与恢复”或 keyproj restore 从最近的备份恢复。", damaged=True
        )
