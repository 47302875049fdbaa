"""Import batches and their items, so a ledger import can be undone as a whole.

Revision ID: 0008_imports
Revises: 0006_exchange
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_imports"
down_revision = "0006_exchange"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_batch",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sheet", sa.String(length=128), nullable=True),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("operator", sa.String(length=64), nullable=True),
        sa.Column("rows_created", sa.Integer(), nullable=False),
        sa.Column("rows_updated", sa.Integer(), nullable=False),
        sa.Column("rows_skipped", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("backup_file", sa.String(length=255), nullable=True),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch")),
        sa.UniqueConstraint("uuid", name=op.f("uq_import_batch_uuid")),
    )
    op.create_table(
        "import_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("old_values", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batch.id"], name=op.f("fk_import_item_batch_id_import_batch"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_item")),
    )
    op.create_index("ix_import_item_batch_id", "import_item", ["batch_id"], unique=False)
    op.create_index("ix_import_item_entity", "import_item", ["entity", "entity_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_import_item_entity", table_name="import_item")
    op.drop_index("ix_import_item_batch_id", table_name="import_item")
    op.drop_table("import_item")
    op.drop_table("import_batch")
