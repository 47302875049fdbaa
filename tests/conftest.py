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

TODAY = date(2026, 11, 25)
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "data", operator="测试员")
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
