"""An import batch's `backup_file` holds the full path of the backup taken before it, which outgrows 255 characters
in a deep data folder (a network share, a user profile several folders down). PostgreSQL enforces the length, so
the real import failed when recording its batch, a step the dry run does not have. The column becomes Text, as
the feedback and exchange batches' backup paths already are; every row is kept as it was.

The downgrade refuses while a stored path is longer than 255 characters: the old column cannot hold it, and
cutting it would leave a batch pointing at a backup that does not exist.

Revision ID: 0032_import_backup_path_text
Revises: 0031_feedback_recipient
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0032_import_backup_path_text"
down_revision = "0031_feedback_recipient"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("import_batch") as batch_op:
        batch_op.alter_column("backup_file", existing_type=sa.String(length=255), type_=sa.Text(),
                              existing_nullable=True)


def downgrade() -> None:
    bind = op.get_bind()
    longer = bind.execute(sa.text("SELECT count(*) FROM import_batch WHERE length(backup_file) > 255")).scalar_one()
    if longer:
        raise RuntimeError(f"有 {longer} 条导入记录的备份文件路径超过 255 个字符，旧版本无法保存；"
                           "为免丢失备份位置，不能降级")
    with op.batch_alter_table("import_batch") as batch_op:
        batch_op.alter_column("backup_file", existing_type=sa.Text(), type_=sa.String(length=255),
                              existing_nullable=True)
