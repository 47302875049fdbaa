"""Alembic environment: always driven programmatically by desktop.db.migrate with an open connection."""

from __future__ import annotations

from alembic import context

from desktop.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable from the alembic CLI, which this app does not use
    raise RuntimeError("迁移只能由程序内部执行（desktop.db.migrate）。")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
