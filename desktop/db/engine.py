"""Engine and session factory: SQLite tuned for a user's only copy of their data, PostgreSQL for a LAN server.

SQLite settings follow engineering-facts §3: WAL with synchronous=FULL (a power cut loses no committed work),
foreign keys on every connection, a busy timeout, and the driver's legacy transaction handling replaced by explicit
BEGIN so that SAVEPOINTs and transactional DDL behave.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import NullPool

from desktop.db import audit, revision
from desktop.db.faults import damage_message, is_damage, storage_message
from desktop.db.operator_name import checked_operator
from desktop.errors import ConcurrentChange, DamagedDatabase, StorageError

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=10000",
)


def sqlite_url(path: str) -> str:
    return f"sqlite:///{path}"


def read_only_sqlite_url(path: str) -> str:
    """A SQLite file opened so that nothing can be written, not even WAL or -shm files (a read-only folder)."""
    return f"sqlite:///file:{Path(path).resolve().as_posix()}?mode=ro&immutable=1&uri=true"


READ_ONLY_REFUSAL = ("数据文件夹是只读的，本次以只读方式打开：可以查看、查询和导出到其他文件夹，但不能保存修改，"
                     "未做任何改动。需要修改时，请把数据文件夹复制到可写的位置后再打开。")


def make_engine(url: str, *, foreign_keys: bool = True, pool: bool = True, **kwargs: Any) -> Engine:
    """One engine factory for both backends; pragmas only where the dialect is SQLite."""
    if url.startswith("sqlite"):
        engine = create_engine(url, poolclass=None if pool else NullPool, **kwargs)
        _install_sqlite_hooks(engine, foreign_keys=foreign_keys, read_only="immutable=1" in url)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _install_sqlite_hooks(engine: Engine, *, foreign_keys: bool, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            if pragma.startswith("PRAGMA foreign_keys") and not foreign_keys:
                cursor.execute("PRAGMA foreign_keys=OFF")
                continue
            if pragma.startswith("PRAGMA journal_mode") and (read_only or engine.url.database in (None, "", ":memory:")):
                continue  # setting the journal mode writes the file
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")


class Database:
    """The application's handle on its data: an engine, a session factory and the operator's name for the audit log.

    Writes go through `transaction()`, which commits everything or nothing; reads use `read()`. Objects returned
    stay usable after the session closes (expire_on_commit=False) so services can hand plain results upwards.
    """

    def __init__(self, engine: Engine, operator: str = "系统", *, read_only: bool = False) -> None:
        self.engine = engine
        self.operator = operator
        self.read_only = read_only  # a read-only folder: every write is refused before it starts
        self._factory = sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)

    @property
    def operator(self) -> str:
        return self._operator

    @operator.setter
    def operator(self, name: str) -> None:
        """Every name that reaches the log passes `checked_operator` (UserError in Chinese otherwise)."""
        self._operator = checked_operator(name)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def new_session(self) -> Session:
        session = self._factory()
        session.info["operator"] = self.operator
        return session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """All or nothing. A lost optimistic-locking race becomes ConcurrentChange (naming who won, from the audit
        log); a refused disk write becomes StorageError with a Chinese explanation. Both leave the data as it was.
        """
        if self.read_only:
            raise StorageError(READ_ONLY_REFUSAL)
        session = self.new_session()
        try:
            with session.begin():
                yield session
        except StaleDataError as exc:
            raise self._concurrent_change(session.info.get("flushing_rows") or []) from exc
        except (OperationalError, sqlite3.OperationalError) as exc:
            message = storage_message(exc)
            if message is not None:
                raise StorageError(message) from exc
            if is_damage(exc):
                raise self._damaged(exc) from exc
            raise
        except (DBAPIError, sqlite3.DatabaseError) as exc:
            if is_damage(exc):
                raise self._damaged(exc) from exc
            raise
        finally:
            session.close()

    def _damaged(self, exc: BaseException) -> DamagedDatabase:
        database = self.engine.url.database if self.is_sqlite else None
        message, tables = damage_message(exc, Path(database) if database not in (None, "", ":memory:") else None)
        return DamagedDatabase(message, tables)

    def _concurrent_change(self, rows: list[tuple[str, int]]) -> ConcurrentChange:
        try:
            with self.read() as session:
                last = audit.last_change(session, rows)
        except Exception:  # the lookup is a courtesy; the refusal itself must still reach the user
            last = None
        return ConcurrentChange("该记录", *(last or (None, None)))

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self.new_session()
        try:
            yield session
        except (DBAPIError, sqlite3.DatabaseError) as exc:  # a broken file: said in Chinese, naming the table
            if is_damage(exc):
                raise self._damaged(exc) from exc
            raise
        finally:
            session.close()  # ends the read transaction; loaded objects stay readable (not expired)

    def dispose(self) -> None:
        self.engine.dispose()


audit.install()
revision.install()
