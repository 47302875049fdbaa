"""PostgreSQL for the test suite, when one is reachable: KEYPROJ_TEST_PG_URL names a database on a server where
that user may create databases (.ci/start-postgres.sh sets one up). Each test gets a database of its own."""

from __future__ import annotations

import os
import uuid

from sqlalchemy.engine import make_url

ENV = "KEYPROJ_TEST_PG_URL"
_reachable: bool | None = None


def pg_url() -> str | None:
    return os.environ.get(ENV) or None


def reachable() -> bool:
    global _reachable
    if _reachable is None:
        url = pg_url()
        _reachable = False
        if url:
            try:
                import psycopg

                with psycopg.connect(_libpq(url), connect_timeout=3):
                    _reachable = True
            except Exception:  # any failure only means: no PostgreSQL tests here
                _reachable = False
    return _reachable


def _libpq(url: str) -> str:
    u = make_url(url)
    return (f"host={u.host} port={u.port or 5432} dbname={u.database} user={u.username} "
            f"password={u.password or ''}")


def create_database(template: str | None = None, name: str | None = None) -> str:
    """A new, empty (or copied from `template`) database; returns its SQLAlchemy URL."""
    import psycopg

    base = pg_url()
    assert base
    name = name or f"kp_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq(base), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return make_url(base).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    import psycopg

    name = make_url(url).database
    with psycopg.connect(_libpq(pg_url() or url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
