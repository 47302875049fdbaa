"""The shared-server set-up on a real PostgreSQL (skipped unless KEYPROJ_TEST_PG_URL reaches one): migrations
from nothing and from 0001 with data kept, the demo data and statistics identical to SQLite, `keyproj
--database-url` end to end, and two users on one server refused rather than overwritten."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from desktop.db import migrate
from desktop.db.engine import make_engine
from desktop.db.models import Base
from tests import pg_support

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url():
    if not pg_support.reachable():
        pytest.skip(f"PostgreSQL 不可用（设置 {pg_support.ENV} 以运行）")
    url = pg_support.create_database()
    yield url
    pg_support.drop_database(url)


def test_migrations_from_nothing_match_the_models(pg_url: str) -> None:
    engine = make_engine(pg_url)
    result = migrate.upgrade(engine)
    assert result.to_revision == migrate.head_revision() and result.backup_path is None
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata) == []
    engine.dispose()


def test_upgrade_from_0001_keeps_rows_and_adds_the_check(pg_url: str) -> None:
    engine = make_engine(pg_url)
    config = migrate.alembic_config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.commit()
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO issue (id, uuid, created_at, updated_at, version, description, found_on, status, level) "
            "VALUES (1, '11111111-1111-1111-1111-111111111111', now(), now(), 1, '施工用电不足', '2026-03-01', "
            "'assigned', 'site')"))
        for n in range(3):
            conn.execute(text(
                "INSERT INTO issue_note (uuid, created_at, updated_at, version, issue_id, kind, noted_on, text) "
                f"VALUES ('{n:08d}-0000-0000-0000-000000000000', now(), now(), 1, 1, 'progress', '2026-03-01', 'x')"))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM issue_note")).scalar() == 3
        with pytest.raises(Exception, match="ck_issue_status_code"):
            conn.execute(text("UPDATE issue SET status = 'bogus'"))
    engine.dispose()


def _stats(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "desktop", "stats", "--year", "2026", "--today", "2026-11-25",
                           "--json", *args], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_keyproj_with_database_url_gives_the_same_figures_as_sqlite(pg_demo_template, demo_workspace,
                                                                   tmp_path: Path) -> None:
    url = pg_support.create_database(template=pg_demo_template)
    try:
        on_server = _stats("--database-url", url, "--data-dir", str(tmp_path / "unused"))
        local = _stats("--data-dir", str(demo_workspace.data_dir))
        assert on_server == local
        assert on_server["decisions"]["rate"] == "97.06%" and on_server["issues"]["raised"] == 300
        refused = subprocess.run([sys.executable, "-m", "desktop", "backup", "--database-url", url],
                                 capture_output=True, text=True, timeout=120)
        assert refused.returncode == 2 and "pg_dump" in refused.stderr
    finally:
        pg_support.drop_database(url)


def test_unreachable_server_is_a_chinese_message(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "desktop", "stats", "--database-url",
                           "postgresql+psycopg://nobody:x@127.0.0.1:1/none", "--data-dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "无法连接数据库服务器" in done.stderr and "Traceback" not in done.stderr
    assert ":x@" not in done.stderr  # the password is not echoed
