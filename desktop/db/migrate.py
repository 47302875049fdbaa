"""Schema migrations, run at start-up, never losing a row.

Measured trap (engineering-facts §4.1): an Alembic batch migration on SQLite with foreign_keys=ON silently deletes
child rows tied by ON DELETE CASCADE. Migrations therefore run on their own connection with foreign keys OFF,
then `PRAGMA foreign_key_check` must come back empty before the new schema is accepted. A copy of the database is
taken first, and restored if anything fails.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from desktop.db.backup import backup_sqlite
from desktop.db.engine import make_engine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class MigrationError(RuntimeError):
    """Raised with a message for the user; the database is left as it was before the attempt."""


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup_path: Path | None


# Alembic is imported only when a database actually needs work: its import is ~0.5 s of a ~1.5 s start-up, and
# almost every start finds the file already at the newest revision (see `_file_head`).
def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def newest_revision() -> str:
    """The revision a database must be at, without importing Alembic when the files form one plain chain."""
    return _file_head() or head_revision()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, *, backup_dir: Path | None = None, target: str = "head") -> MigrationResult:
    """Bring the database to `target`, taking a backup first when there is data to protect."""
    if target == "head":
        head = _file_head()
        if head is not None and stored_revision(engine) == head:
            return MigrationResult(head, head, None)
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    before = current_revision(engine)
    known = {rev.revision for rev in script.walk_revisions()}
    if before is not None and before not in known:
        raise MigrationError(
            f"该数据库由更新版本的程序创建（结构版本 {before}），本程序无法打开。请安装最新版本后再打开，数据未做任何改动。"
        )
    wanted = script.get_current_head() if target == "head" else target
    if before == wanted:
        return MigrationResult(before, wanted or "", None)

    is_sqlite = engine.dialect.name == "sqlite"
    db_file = Path(engine.url.database) if is_sqlite and engine.url.database not in (None, "", ":memory:") else None
    backup_path: Path | None = None
    if db_file is not None and db_file.exists() and _has_tables(engine):
        folder = backup_dir or db_file.parent / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        backup_path = folder / f"迁移前备份_{before or 'empty'}.sqlite3"
        backup_sqlite(engine, backup_path)

    config = alembic_config()
    engine.dispose()
    runner = migration_engine(engine)
    try:
        with runner.connect() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, target)
            conn.commit()
            if is_sqlite:
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                conn.commit()
                if problems:
                    raise MigrationError(f"升级后外键检查发现 {len(problems)} 处不一致，已恢复升级前的数据库。")
    except Exception as exc:
        if backup_path is not None and db_file is not None:
            engine.dispose()
            _restore_file(backup_path, db_file)
        if isinstance(exc, MigrationError):
            raise
        raise MigrationError(f"数据库升级失败：{exc}。已恢复升级前的数据库，数据未丢失。") from exc
    finally:
        runner.dispose()
        engine.dispose()
    return MigrationResult(before, wanted or "", backup_path)


_REVISION = re.compile(r"^(down_revision|revision)\b[^=]*=\s*(None|['\"]([^'\"]+)['\"])", re.MULTILINE)


def _file_head() -> str | None:
    """The single head of the migration files, read as text; None when it is not one plain chain (ask alembic)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict((key, value) for key, _raw, value in _REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            if found.get("down_revision"):
                parents.add(found["down_revision"])
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None


def stored_revision(engine: Engine) -> str | None:
    """The database's revision read with one SELECT (None for a new database), without importing Alembic."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:  # no table yet: a new database
        return None
    return rows[0][0] if len(rows) == 1 else None


def migration_engine(engine: Engine) -> Engine:
    """A separate engine for migrating: on SQLite its connections have foreign keys OFF from the start.

    The pragma is a no-op inside a transaction, so it must be set when the connection opens, not later.
    """
    if engine.dialect.name != "sqlite":
        return make_engine(engine.url.render_as_string(hide_password=False), pool=False)
    return make_engine(engine.url.render_as_string(hide_password=False), foreign_keys=False, pool=False)


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def _restore_file(backup: Path, target: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(backup, target)
