"""Helpers for the import-into-database tests: a full dump of the data, independent of the ORM."""

from __future__ import annotations

import sqlite3

from desktop.workspace import Workspace

# The audit log only grows (undo is itself logged) and the batch list keeps undone batches: both are history,
# not data, and are left out of the comparison of "the state before" and "the state after".
HISTORY_TABLES = ("audit_log", "import_batch", "import_item", "alembic_version")


STAMP_COLUMNS = ("updated_at", "version", "revision", "revised_by")


def dump(workspace: Workspace, *, with_history: bool = False, stamps: bool = True) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, read through a separate sqlite3 connection (committed data only).

    Without `stamps`, updated_at, version and the exchange revision (revision, revised_by) are left out: putting
    old values back is itself an update, and other offices must see it as a newer revision of the record.
    """
    assert workspace.database_file is not None
    conn = sqlite3.connect(workspace.database_file)
    try:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        def columns(table: str) -> str:
            names = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            return ", ".join(f'"{n}"' for n in names if stamps or n not in STAMP_COLUMNS)

        return {
            table: sorted(conn.execute(f'SELECT {columns(table)} FROM "{table}"').fetchall(), key=repr)
            for table in tables
            if with_history or table not in HISTORY_TABLES
        }
    finally:
        conn.close()


def counts(workspace: Workspace) -> dict[str, int]:
    return {table: len(rows) for table, rows in dump(workspace, with_history=True).items()}
