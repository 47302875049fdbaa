"""Helpers for the per-migration tests: a database full of data is taken down to the revision before the one under
test (by Alembic's own downgrade), every row is read, and the upgrade to exactly that revision must keep them.

Building the old database by downgrading a current one (rather than loading data through today's models into an old
schema) keeps each test valid however many migrations land after it; the revision before is read from the
migration itself, so re-chaining revisions when branches merge does not break the tests."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from desktop.db import migrate


def previous_of(revision: str) -> str:
    script = ScriptDirectory.from_config(migrate.alembic_config()).get_revision(revision)
    assert script is not None and isinstance(script.down_revision, str), revision
    return script.down_revision


def downgrade(engine: Engine, revision: str) -> None:
    config = migrate.alembic_config()
    with migrate.migration_engine(engine).connect() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
        conn.commit()
    engine.dispose()


def contents(engine: Engine, *, skip_columns: frozenset[str] = frozenset()) -> dict[str, list[tuple]]:
    """Every row of every table (but `alembic_version`), as sorted tuples of text, leaving out `skip_columns`."""
    out: dict[str, list[tuple]] = {}
    with engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            if table == "alembic_version":
                continue
            columns = [c["name"] for c in inspect(conn).get_columns(table) if c["name"] not in skip_columns]
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = conn.execute(text(f'SELECT {quoted} FROM "{table}"')).fetchall()
            out[table] = sorted(tuple(str(v) for v in r) for r in rows)
    return out
