"""Saved 上级模板 (blank forms from upper levels) with their mapping, and the blank workbooks they use.

Two new tables; no existing row is touched.

Revision ID: 0015_fill_templates
Revises: 0010_close_feedback
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_fill_templates"
down_revision = "0010_close_feedback"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fill_template_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fill_template_file")),
    )
    op.create_index("ix_fill_template_file_sha256", "fill_template_file", ["sha256"], unique=False)
    op.create_table(
        "fill_template",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sheet", sa.String(length=128), nullable=False),
        sa.Column("signature", sa.String(length=64), nullable=False),
        sa.Column("header_version", sa.Integer(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["file_id"], ["fill_template_file.id"],
                                name=op.f("fk_fill_template_file_id_fill_template_file"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fill_template")),
        sa.UniqueConstraint("name", name=op.f("uq_fill_template_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_fill_template_uuid")),
    )
    op.create_index("ix_fill_template_file_id", "fill_template", ["file_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_fill_template_file_id", table_name="fill_template")
    op.drop_table("fill_template")
    op.drop_index("ix_fill_template_file_sha256", table_name="fill_template_file")
    op.drop_table("fill_template_file")
