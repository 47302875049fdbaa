"""Declarative base shared by every table.

Every row carries, besides its integer key, a stable UUID (so offices can later exchange and merge data without
key clashes), creation/update stamps, and a version number that SQLAlchemy checks on every UPDATE (optimistic
locking, so two users on a shared server cannot silently overwrite each other).

For exchanges between offices each row also carries its origin (the office that created it) and a revision
counter with the office whose write made that revision (`desktop.db.revision`): `version` is this database's lock,
`revision` is the record's history as every office sees it, so an older package can be told from a newer one.
NULL in `origin_office` / `revised_by` means this office itself (a database need not have an office id yet).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, Integer, MetaData, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def now() -> datetime:
    """Naive local time, to the second: SQLite drops offsets anyway, and offices think in local time."""
    return datetime.now().replace(microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RowMixin:
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[uuid.UUID] = mapped_column(Uuid, default=uuid.uuid4, unique=True, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=now, onupdate=now, nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    revision: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    origin_office: Mapped[str | None] = mapped_column(String(36))
    revised_by: Mapped[str | None] = mapped_column(String(36))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.version}
