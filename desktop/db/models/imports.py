"""Import batches: which rows one import of a ledger created or changed, so it can be undone as a whole."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.db.models.base import Base, RowMixin


class ImportBatch(RowMixin, Base):
    """One import of one file: what it was, who ran it, how many rows it stored, and whether it was undone."""

    __tablename__ = "import_batch"

    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)
    sheet: Mapped[str | None] = mapped_column(String(128))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    operator: Mapped[str | None] = mapped_column(String(64))
    rows_created: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rows_updated: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rows_skipped: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    summary: Mapped[str | None] = mapped_column(Text)
    backup_file: Mapped[str | None] = mapped_column(Text)  # a full path: deep data folders exceed 255
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)

    items: Mapped[list[ImportItem]] = relationship(
        back_populates="batch", cascade="all, delete-orphan", order_by="ImportItem.id"
    )


class ImportItem(Base):
    """One database row the batch created (`action` create) or changed (`update`, with the old values).

    `version` is the row's version right after the import: a different version at undo time means someone
    edited it since, and undo refuses rather than throw that work away. Plain rows, not RowMixin: they are
    bookkeeping, written by the thousand, and not audited themselves.
    """

    __tablename__ = "import_item"
    __table_args__ = (Index("ix_import_item_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"), nullable=False, index=True)
    entity: Mapped[str] = mapped_column(String(32), nullable=False)
    entity_id: Mapped[int] = mapped_column(Integer, nullable=False)
    action: Mapped[str] = mapped_column(String(8), nullable=False)  # create / update
    source_row: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int | None] = mapped_column(Integer)
    old_values: Mapped[dict | None] = mapped_column(JSON)

    batch: Mapped[ImportBatch] = relationship(back_populates="items")
