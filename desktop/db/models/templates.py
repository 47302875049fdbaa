"""上级模板: blank forms an upper level sends every month, saved under a name with the column mapping the office
confirmed, so next month's form is filled in one click (or by `keyproj export template --name …`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.db.models.base import Base, RowMixin, now


class FillTemplateFile(Base):
    """The blank workbook itself, by content. Kept apart from `FillTemplate` so the audit log records which file a
    template uses (its id), never the bytes; plain rows, written once and never changed."""

    __tablename__ = "fill_template_file"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    content: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now, nullable=False)


class FillTemplate(RowMixin, Base):
    """A named template: which file, which sheet, the header it had (signature and version, with the earlier
    versions in `settings["history"]`), the column mapping, the rows to fill and the grouping (all in `settings`)."""

    __tablename__ = "fill_template"

    name: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    purpose: Mapped[str] = mapped_column(String(16), nullable=False)  # projects / issues / decisions
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)
    sheet: Mapped[str] = mapped_column(String(128), nullable=False)
    signature: Mapped[str] = mapped_column(String(64), nullable=False)
    header_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    settings: Mapped[dict] = mapped_column(JSON, nullable=False)
    file_id: Mapped[int] = mapped_column(ForeignKey("fill_template_file.id", ondelete="RESTRICT"), nullable=False,
                                         index=True)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)

    file: Mapped[FillTemplateFile] = relationship()
