"""Shared fixtures. Qt runs offscreen (set before any Qt import); every test gets its own data folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from desktop.workspace import Workspace, open_workspace
from tests import pg_support

TODAY = date(2026, 11, 25)


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database file, migrated once per run (every migration from an empty file takes 1–2 s); the
    `workspace` fixtures start from copies of it. Migrating a new file stays tested by the start-up and
    migration tests, which make their own folders. The file holds no row beyond its schema version (the
    office id and keys are made on first use), so copies are as distinct as new files."""
    folder = tmp_path_factory.mktemp("empty-database")
    open_workspace(folder, operator="测试员").close()
    return folder / "keyproj.sqlite3"


def _copy_of_empty(empty_database: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(empty_database, folder / empty_database.name)
    return folder


@pytest.fixture
def workspace(tmp_path: Path, empty_database: Path) -> Iterator[Workspace]:
    ws = open_workspace(_copy_of_empty(empty_database, tmp_path / "data"), operator="测试员")
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, generated once per test run; tests get copies of it."""
    from desktop.services.demo import load_demo

    folder = tmp_path_factory.mktemp("demo-template")
    ws = open_workspace(folder, operator="演示数据")
    with ws.db.transaction() as session:
        load_demo(session, TODAY)
    ws.db.engine.dispose()
    with ws.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    ws.close()
    return folder


@pytest.fixture
def demo_workspace(tmp_path: Path, demo_template: Path) -> Iterator[Workspace]:
    target = tmp_path / "demo"
    target.mkdir()
    for item in demo_template.glob("keyproj.sqlite3*"):
        shutil.copy2(item, target / item.name)
    ws = open_workspace(target, operator="测试员")
    yield ws
    ws.close()


# --- both back ends ----------------------------------------------------------------------------------------------
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _skip_without_pg() -> None:
    if not pg_support.reachable():
        pytest.skip(f"PostgreSQL 不可用（设置 {pg_support.ENV} 指向可连接的测试数据库以运行）")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql":
        _skip_without_pg()
    return str(request.param)


@pytest.fixture
def db_workspace(backend: str, tmp_path: Path, empty_database: Path,
                 request: pytest.FixtureRequest) -> Iterator[Workspace]:
    """A migrated, empty workspace on SQLite and, when reachable, on PostgreSQL."""
    if backend == "sqlite":
        ws = open_workspace(_copy_of_empty(empty_database, tmp_path / "data"), operator="测试员")
        yield ws
        ws.close()
        return
    url = pg_support.create_database(template=request.getfixturevalue("pg_empty_template"))
    ws = open_workspace(tmp_path / "data", url, operator="测试员")
    yield ws
    ws.close()
    pg_support.drop_database(url)


@pytest.fixture(scope="session")
def pg_empty_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated, empty PostgreSQL database that `db_workspace` copies (CREATE DATABASE … TEMPLATE), for the
    same reason as `empty_database`."""
    name = f"kp_empty_{os.getpid()}"
    url = pg_support.create_database(name=name)
    open_workspace(tmp_path_factory.mktemp("pg-empty"), url, operator="测试员").close()
    yield name
    pg_support.drop_database(url)


@pytest.fixture(scope="session")
def pg_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo data loaded once into a PostgreSQL database that tests copy (CREATE DATABASE … TEMPLATE)."""
    from desktop.services.demo import load_demo

    _skip_without_pg()
    url = pg_support.create_database(name="kp_demo_template")
    ws = open_workspace(tmp_path_factory.mktemp("pg-demo"), url, operator="演示数据")
    with ws.db.transaction() as session:
        load_demo(session, TODAY)
    ws.close()
    yield "kp_demo_template"
    pg_support.drop_database(url)


@pytest.fixture
def db_demo_workspace(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Workspace]:
    if backend == "sqlite":
        ws = request.getfixturevalue("demo_workspace")
        yield ws
        return
    template = request.getfixturevalue("pg_demo_template")
    url = pg_support.create_database(template=template)
    ws = open_workspace(tmp_path / "data", url, operator="测试员")
    yield ws
    ws.close()
    pg_support.drop_database(url)
